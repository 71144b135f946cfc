/**
 * The Actions view and a reminder as a user sees them (issue 14): the second view of the
 * Mentoring container lists every open action by group with owner, relationship and due date; a
 * click on an item's checkbox ticks it in its session on disk and the item leaves the view. A
 * second workbench, started with `mentoringJournal.reminders` on (the test hosts start with it
 * off), shows the start-up reminder with its three buttons; Not today closes it.
 * Screenshots: actions-view, reminder.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { waitUntil } from '../../scripts/vscode-test/host.mjs';
import { Workbench, workbench } from './workbench';

const VIEW = 'Actions';
const SESSION = 'journal/priya-and-sam/sessions/2026-11-18.md';
const BOOK = 'book the architecture review slot for December';

describe('Actions view', () => {
  let original: string;
  let sideBarWidth: number;

  before(async () => {
    const wb = workbench();
    await wb.reset({ panel: false });
    original = wb.readWorkspaceFile(SESSION);
    await wb.openViewContainer('Mentoring');
    await wb.treeRow(VIEW, 'This week').waitFor({ state: 'visible', timeout: 60_000 });
    sideBarWidth = Math.round((await wb.page.locator('.part.sidebar').boundingBox())?.width ?? 300);
    await wb.resizeSideBar(900);
  });

  after(async () => {
    const wb = workbench();
    // Put the session back as it was for the tests after this one, and wait until the view has it.
    fs.writeFileSync(path.join(wb.workspaceDir, SESSION), original);
    await wb.treeRow(VIEW, BOOK).waitFor({ state: 'visible', timeout: 30_000 });
    // The tests after this one read the editor's lines, which a wide side bar would wrap.
    await wb.resizeSideBar(sideBarWidth);
  });

  it('lists every open action by group, with owner, relationship and due date', async () => {
    const wb = workbench();
    await wb.expandTreeItem(VIEW, 'Later');
    await wb.treeRow(VIEW, 'draft a closure reflection for the agreement').waitFor({ state: 'visible' });
    const rows = await wb.treeRows(VIEW);
    assert.deepEqual(rows.map((r) => [r.level, r.label, r.description]), [
      [1, 'This week', '2'],
      [2, 'write the section of [[write-design-rfc]] on keeping the batch job as an alternative', '@sam · Priya Raman ↔ Sam Okafor · due 2026-11-27'],
      [2, BOOK, '@priya · Priya Raman ↔ Sam Okafor · due 2026-11-27'],
      [1, 'Later', '3'],
      [2, 'send the full draft of [[write-design-rfc]] to Jonas and Mei for review', '@sam · Priya Raman ↔ Sam Okafor · due 2026-11-30'],
      [2, 'send Daniel the final slides for [[present-to-leadership]] a day before the meeting', '@aiko · Aiko Tanaka ↔ Daniel Weber · due 2026-12-03'],
      [2, 'draft a closure reflection for the agreement', '@daniel · Aiko Tanaka ↔ Daniel Weber · due 2026-12-09'],
    ]);
    await wb.page.mouse.move(0, 0);
    await wb.screenshot('actions-view', wb.viewPane(VIEW));
  });

  it('ticks an action through its checkbox: the session on disk says [x], and the item leaves the view', async () => {
    const wb = workbench();
    const row = wb.treeRow(VIEW, BOOK);
    const checkbox = row.locator('.custom-view-tree-node-item-checkbox');
    await checkbox.click();
    const ticked = original.replace(`- [ ] @priya ${BOOK}`, `- [x] @priya ${BOOK}`);
    assert.notEqual(ticked, original);
    await waitUntil('the tick on disk', async () => wb.readWorkspaceFile(SESSION) === ticked, { timeoutMs: 15_000 });
    await row.waitFor({ state: 'detached', timeout: 15_000 });
    assert.equal(await wb.treeRowDescription(VIEW, 'This week', 'write the section of [[write-design-rfc]] on keeping the batch job as an alternative'), '@sam · Priya Raman ↔ Sam Okafor · due 2026-11-27');
    assert.equal((await wb.treeRows(VIEW)).find((r) => r.label === 'This week')?.description, '1');
  });
});

describe('Reminder', function () {
  // Its own code-server and Chromium: starting them takes a while on a busy 2-core machine.
  this.timeout(180_000);
  let wb: Workbench | undefined;

  before(async () => {
    wb = await Workbench.open({
      name: 'e2e-reminders',
      settings: { 'mentoringJournal.reminders': true, 'mentoringJournal.me': ['Priya Raman'] },
      // A second relationship of Priya's: a session planned today, and an action of hers overdue.
      populate: (dir) => {
        const write = (file: string, text: string) => {
          fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
          fs.writeFileSync(path.join(dir, file), text);
        };
        write('journal/priya-and-lena/agreement.md', '---\ntype: agreement\nmentor: Priya Raman\nmentee: Lena Fischer\nstarted: 2026-10-01\nends: 2027-03-31\ncadence: biweekly\nstage: building\n---\n');
        write('journal/priya-and-lena/sessions/2026-11-09.md', '---\ntype: session\ndate: 2026-11-09\nnext: 2026-11-23\n---\n\n## Actions\n\n- [ ] @priya send Lena the talk outline (due 2026-11-16)\n');
      },
    });
    await wb.waitForExtensionHost();
  });

  after(async () => {
    await wb?.close();
  });

  it('shows one notification on start-up, most urgent first, with New session, Review goals and Not today', async () => {
    const w = wb!;
    const toast = w.page.locator('.notifications-toasts .notification-toast', { hasText: 'Mentoring:' });
    await toast.waitFor({ state: 'visible', timeout: 90_000 });
    assert.equal(
      ((await toast.locator('.notification-list-item-message').textContent()) ?? '').trim(),
      'Mentoring: Jo Marsh ↔ ?: session overdue 76 days; @priya send Lena the talk outline (Priya Raman ↔ Lena Fischer): overdue 7 days; Priya Raman ↔ Lena Fischer: session today.',
    );
    const buttons = await toast.locator('.monaco-button').allTextContents();
    assert.deepEqual(buttons.map((b) => b.trim()).filter(Boolean), ['New session', 'Review goals', 'Not today']);
    await w.screenshot('reminder', toast);
    await toast.locator('.monaco-button', { hasText: 'Not today' }).click();
    await toast.waitFor({ state: 'detached', timeout: 15_000 });
  });
});
