/**
 * A goal's history from git as a user sees it: a second workbench (its own code-server, with the
 * built-in Git extension enabled, which the test profile otherwise turns off) on a workspace
 * holding a journal repository whose goal's due date was moved twice by its two partners.
 * Hovering the goal's id in a session shows "History: due moved twice: ...". Nothing is typed.
 * Screenshot: goal-history-hover.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { waitUntil } from '../../scripts/vscode-test/host.mjs';
import { Workbench } from './workbench';

const SESSION = 'history/priya-and-sam/sessions/2026-11-10.md';
const HISTORY = 'History: due moved twice: 2026-06-30 → 2026-08-31 → 2026-10-31';

const agreement = (goals: string) =>
  `---\ntype: agreement\nmentor: {name: Priya Raman, email: priya@example.org}\nmentee: Sam Okafor\nstarted: 2026-01-01\nends: 2027-06-30\ncadence: monthly\nstage: building\nsigned: {mentor: 2026-01-02, mentee: 2026-01-02}\n${goals}---\n\n# Priya and Sam\n`;
const inline = (due: string) => `goals:\n  - id: write-rfc\n    title: Write the billing RFC\n    status: active\n    success: Accepted at the architecture review\n    due: ${due}\n`;
const goalFile = (due: string) => `---\ntype: goal\ntitle: Write the billing RFC\nstatus: active\nsuccess: Accepted at the architecture review\ndue: ${due}\nprogress: 40\n---\n\nWhy it matters: the billing pipeline needs a design both teams accept.\n`;
const session = (date: string) => `---\ntype: session\ndate: ${date}\ngoals: [write-rfc]\nprogress:\n  write-rfc: 40\n---\n\n## Notes\n\nWent through the open questions of [[write-rfc]].\n`;

/** A journal repository in `<workspace>/history`: the agreement, the goal moved into its own file, its due date moved twice. */
function populate(workspace: string): void {
  const dir = path.join(workspace, 'history');
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  };
  const commit = (author: string, email: string, date: string) => {
    const stamp = `${date}T12:00:00+00:00`;
    const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_AUTHOR_NAME: author, GIT_AUTHOR_EMAIL: email, GIT_COMMITTER_NAME: author, GIT_COMMITTER_EMAIL: email, GIT_AUTHOR_DATE: stamp, GIT_COMMITTER_DATE: stamp };
    execFileSync('git', ['add', '-A'], { cwd: dir, env });
    execFileSync('git', ['-c', 'commit.gpgsign=false', 'commit', '-q', '-m', `journal of ${date}`], { cwd: dir, env });
  };
  mkdirSync(dir, { recursive: true });
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: dir });
  write('priya-and-sam/agreement.md', agreement(inline('2026-06-30')));
  commit('Priya Raman', 'priya@example.org', '2026-01-05');
  write('priya-and-sam/agreement.md', agreement(inline('2026-08-31')));
  commit('Sam Okafor', 'sam@example.org', '2026-03-01');
  write('priya-and-sam/agreement.md', agreement(''));
  write('priya-and-sam/goals/write-rfc.md', goalFile('2026-08-31'));
  commit('Sam Okafor', 'sam@example.org', '2026-04-01');
  write('priya-and-sam/goals/write-rfc.md', goalFile('2026-10-31'));
  commit('Priya Raman', 'priya@example.org', '2026-06-01');
  write('priya-and-sam/sessions/2026-11-10.md', session('2026-11-10'));
  commit('Sam Okafor', 'sam@example.org', '2026-11-10');
}

describe('Goal history from git', function () {
  // Its own code-server and Chromium: starting them takes a while on a busy 2-core machine.
  this.timeout(180_000);
  let wb: Workbench | undefined;

  before(async () => {
    wb = await Workbench.open({ name: 'e2e-git', populate, settings: { 'git.enabled': true, 'git.repositoryScanMaxDepth': 1 } });
    await wb.waitForExtensionHost();
  });

  after(async () => {
    await wb?.close();
  });

  it("shows how the goal's due date moved in the hover over its id", async () => {
    const w = wb!;
    await w.openFile(SESSION);
    // Line 4 is `goals: [write-rfc]`: the cursor in the id.
    await w.goToLine(4, 12);
    let text = '';
    // The history is read in the background once asked for: hover again until it is there.
    await waitUntil('the hover with the history', async () => {
      const hover = await w.showHover().catch(() => undefined);
      text = hover ? (await hover.innerText()).replace(/\s+/g, ' ').trim() : '';
      if (text.includes(HISTORY)) return true;
      await w.page.keyboard.press('Escape');
      return false;
    }, { timeoutMs: 90_000, intervalMs: 1000 }).catch((err: Error) => {
      throw new Error(`${err.message}; the hover said: ${text || 'nothing'}`);
    });
    assert.ok(text.includes('Status: active · Progress: 40% · Due: 2026-10-31'), text);
    const hover = w.page.locator('.monaco-editor .monaco-hover:not(.hidden)').first();
    const box = (await w.page.locator('.part.editor').boundingBox())!;
    const bottom = (await hover.boundingBox())!;
    await w.screenshot('goal-history-hover', { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, Math.round(bottom.y + bottom.height - box.y + 110)) });
    await w.page.keyboard.press('Escape');
    assert.equal(await w.page.locator('.tabs-container .tab.dirty').count(), 0, 'nothing was changed');
  });
});
