// `npm run screenshots`: copies the screenshots the end-to-end tests took (test-results/screenshots,
// written by `npm run test:e2e`) into docs/images, where the README uses them. Only the pictures
// listed here are copied, so failure screenshots and scratch pictures never reach the docs.
// Fails, copying nothing, when one is missing or is not a PNG image.
//
//   npm run test:e2e && npm run screenshots
//   node scripts/screenshots.mjs --check   # only says whether docs/images is up to date
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const from = path.join(repo, 'test-results', 'screenshots');
const to = path.join(repo, 'docs', 'images');
const check = process.argv.includes('--check');

/** The screenshots the README shows, by the name the end-to-end tests give them, and the test that takes each. */
const SCREENSHOTS = {
  'mentoring-view': 'test/e2e/mentoring-view.e2e.ts',
  'goal-tooltip': 'test/e2e/mentoring-view.e2e.ts',
  'status-bar': 'test/e2e/mentoring-view.e2e.ts',
  'diagnostic-hover': 'test/e2e/diagnostics.e2e.ts',
  'quick-fix': 'test/e2e/diagnostics.e2e.ts',
  completion: 'test/e2e/completion.e2e.ts',
  'goal-history-hover': 'test/e2e/git-history.e2e.ts',
  'review-goals': 'test/e2e/review.e2e.ts',
  'review-chart': 'test/e2e/review.e2e.ts',
  'snippet-completion': 'test/e2e/snippets.e2e.ts',
  'snippet-choice': 'test/e2e/snippets.e2e.ts',
  highlighting: 'test/e2e/grammar.e2e.ts',
  'new-session': 'test/e2e/new-session.e2e.ts',
  'new-goal-title': 'test/e2e/new-goal.e2e.ts',
  'new-goal': 'test/e2e/new-goal.e2e.ts',
  walkthrough: 'test/e2e/walkthrough.e2e.ts',
  'goal-hover': 'test/e2e/goal-hover.e2e.ts',
  'set-progress': 'test/e2e/set-progress.e2e.ts',
  settings: 'test/e2e/settings.e2e.ts',
  'restricted-mode': 'test/e2e/restricted-mode.e2e.ts',
  'advance-stage-unsigned': 'test/e2e/daily-flow.e2e.ts',
  // Actions view and reminders (issue 14)
  'actions-view': 'test/e2e/actions.e2e.ts',
  reminder: 'test/e2e/actions.e2e.ts',
};

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file) {
  const head = readFileSync(file).subarray(0, 24);
  if (head.length < 24 || !head.subarray(0, 8).equals(PNG)) return undefined;
  return { width: head.readUInt32BE(16), height: head.readUInt32BE(20) };
}

const problems = [];
const plan = [];
for (const [name, test] of Object.entries(SCREENSHOTS)) {
  const source = path.join(from, `${name}.png`);
  if (!existsSync(source)) {
    problems.push(`${path.relative(repo, source)} is missing (taken by ${test})`);
    continue;
  }
  const size = pngSize(source);
  if (!size) {
    problems.push(`${path.relative(repo, source)} is not a PNG image`);
    continue;
  }
  plan.push({ name, source, target: path.join(to, `${name}.png`), size, taken: statSync(source).mtime });
}
if (problems.length) {
  process.stderr.write(`screenshots: ${problems.join('\n             ')}\nRun the end-to-end tests first: npm run test:e2e\n`);
  process.exit(1);
}

if (check) {
  const stale = plan.filter((p) => !existsSync(p.target) || !readFileSync(p.target).equals(readFileSync(p.source)));
  for (const p of stale) process.stdout.write(`differs: docs/images/${p.name}.png\n`);
  process.stdout.write(stale.length ? `${stale.length} of ${plan.length} screenshots differ from test-results/screenshots\n` : `docs/images has the ${plan.length} latest screenshots\n`);
  process.exit(stale.length ? 1 : 0);
}

mkdirSync(to, { recursive: true });
for (const p of plan) {
  copyFileSync(p.source, p.target);
  process.stdout.write(`docs/images/${p.name}.png  ${p.size.width}x${p.size.height}  ${Math.round(statSync(p.target).size / 1024)} KB  (taken ${p.taken.toISOString().slice(0, 16).replace('T', ' ')})\n`);
}
process.stdout.write(`copied ${plan.length} screenshots into docs/images\n`);
