// Records a CPU profile of the extension host in code-server while Mentoring Journal indexes a
// generated journal and renders its tree (the dev-only profiler-extension/ does the recording
// inside the host), and prints where the time went. Not part of any test.
//
//   npm run build && npx tsx scripts/vscode-test/profile-extension-host.mjs [relationships] [sessions]
//
// Default: 15 relationships of 95 sessions (1,500 files). Output in .cache/profile/.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { generateJournal } from '../../test/e2e/journalGenerator.ts';
import { cacheDir, openBrowser, repoRoot, startHost, stopHostsOnSignals, waitUntil } from './host.mjs';
import { summarizeProfile } from './profileSummary.mjs';

const relationships = Number(process.argv[2] ?? 15);
const sessions = Number(process.argv[3] ?? 95);
const out = path.join(cacheDir, 'profile', new Date().toISOString().replace(/[:.]/g, '-'));
fs.mkdirSync(out, { recursive: true });
stopHostsOnSignals();

const host = await startHost({
  name: 'profile',
  extensions: [repoRoot, path.join(repoRoot, 'scripts/vscode-test/profiler-extension')],
  env: { MJ_PROFILE_DIR: out },
  prepare: ({ dirs }) => {
    for (const name of ['journal', 'broken']) fs.rmSync(path.join(dirs.workspace, name), { recursive: true, force: true });
    const { files } = generateJournal(path.join(dirs.workspace, 'journal'), relationships, sessions);
    process.stdout.write(`journal: ${files} files\n`);
  },
});
try {
  const { page } = await openBrowser(host);
  await page.goto(host.url, { waitUntil: 'domcontentloaded' });
  await waitUntil('the profile', () => fs.existsSync(path.join(out, 'timings.json')) || fs.existsSync(path.join(out, 'error.txt')),
    { timeoutMs: 300_000, abort: host.exitReason });
  await delay(200);
  if (fs.existsSync(path.join(out, 'error.txt'))) throw new Error(fs.readFileSync(path.join(out, 'error.txt'), 'utf8'));
  process.stdout.write(`${fs.readFileSync(path.join(out, 'timings.json'), 'utf8')}\n`);
  const profile = JSON.parse(fs.readFileSync(path.join(out, 'extension-host.cpuprofile'), 'utf8'));
  process.stdout.write(summarizeProfile(profile));
  process.stdout.write(`\nprofile: ${path.join(out, 'extension-host.cpuprofile')}\n`);
} finally {
  await host.stop();
}
