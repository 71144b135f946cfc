/**
 * New goal as a user runs it from the command palette: "Mentoring: New goal" asks which
 * relationship (the fixture workspace has four), then for the title, the id (suggested from the
 * title), the due date (a date that does not exist is refused, with the reason below the box)
 * and the success criteria, in input boxes titled "New goal"; the goal file opens in the editor,
 * proposed at 0 %, and the Mentoring view lists it. The file is deleted afterwards, so the
 * journal is as the other tests expect it. Screenshots: new-goal-title (the title prompt),
 * new-goal (the created file).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { waitUntil } from '../../scripts/vscode-test/host.mjs';
import { TODAY, workbench } from './workbench';

const VIEW = 'Relationships';
const PRIYA = 'Priya Raman ↔ Sam Okafor';
const TITLE = 'Present the RFC at the architecture review';
/** The id New goal suggests for TITLE: at most five words, without a filler word at the end. */
const ID = 'present-the-rfc';
const DUE = '2026-12-16';
const SUCCESS = "Sam presents the RFC in five minutes and answers the board's questions without Priya stepping in";
const FILE = `journal/priya-and-sam/goals/${ID}.md`;

/** The description of the "Goals" row under Priya and Sam (their relationship expanded). */
function goalCount(): Promise<string> {
  return workbench().treeRowDescription(VIEW, PRIYA, 'Goals');
}

describe('New goal', () => {
  before(async () => {
    const wb = workbench();
    await wb.reset({ panel: false });
    await wb.openViewContainer('Mentoring');
    await wb.treeRow(VIEW, PRIYA).waitFor({ state: 'visible', timeout: 60_000 });
    await wb.resizeSideBar(560);
    assert.ok(!fs.existsSync(path.join(wb.workspaceDir, FILE)), `${FILE} does not exist yet`);
  });

  after(async () => {
    const wb = workbench();
    await wb.reset();
    if (fs.existsSync(path.join(wb.workspaceDir, FILE))) {
      fs.rmSync(path.join(wb.workspaceDir, FILE));
      // The journal is indexed again: Priya and Sam are back to their 3 goals.
      await waitUntil('the new goal to leave the Mentoring view', async () => (await goalCount()) === '3', { timeoutMs: 30_000, intervalMs: 500 });
    }
  });

  it('asks for the relationship, title, id, due date and success criteria, then opens the new goal file', async () => {
    const wb = workbench();
    assert.equal(await goalCount(), '3');
    await wb.runCommand('Mentoring: New goal');

    // Which relationship: the four of the workspace.
    await wb.quickInputRow(PRIYA).waitFor({ state: 'visible', timeout: 15_000 });
    let box = await wb.quickInputState();
    assert.equal(box.title, 'New goal');
    assert.equal(box.placeholder, 'Which mentoring relationship?');
    const offered = await wb.quickInputLabels();
    for (const label of ['Jo Marsh ↔ ?', 'Lee Hamilton ↔ Noor Haddad', PRIYA, 'Aiko Tanaka ↔ Daniel Weber']) {
      assert.ok(offered.some((o) => o.startsWith(`${label},`)), `the quick pick offers ${label}: ${offered.join(' | ')}`);
    }
    const input = wb.page.locator('.quick-input-widget .quick-input-box input');
    await wb.quickInputRow(PRIYA).click();

    // The title: an input box with its prompt below it.
    // (Each step reuses the widget: wait until it shows the step's prompt and value, then say
    // what it showed when it does not.)
    const prompt = (message: RegExp, value: string) => wb.inputBox(message, value);
    box = await prompt(/^The goal in a few words/, '');
    assert.equal(box.title, 'New goal');
    await input.pressSequentially(TITLE);
    await prompt(/^The goal in a few words/, TITLE);
    // The picture: the top of the window, the input box over the view and the editor.
    const widget = (await wb.page.locator('.quick-input-widget').boundingBox())!;
    const viewport = wb.page.viewportSize()!;
    await wb.page.mouse.move(900, 700);
    await wb.screenshot('new-goal-title', { x: 0, y: 0, width: viewport.width, height: Math.round(widget.y + widget.height + 160) });
    await wb.page.keyboard.press('Enter');

    // The id, suggested from the title.
    box = await prompt(/^Goal id, used by sessions to refer to it/, ID);
    assert.equal(box.title, 'New goal');
    await wb.page.keyboard.press('Enter');

    // The due date: a date that does not exist is refused, with the reason where the prompt was.
    await prompt(/^Due date \(YYYY-MM-DD\), optional/, '');
    await input.pressSequentially('2026-11-31');
    await prompt(/2026-11-31 is not a day in the calendar: enter a real date written YYYY-MM-DD, or leave it empty\./, '2026-11-31');
    await wb.page.keyboard.press('Enter');
    await wb.page.waitForTimeout(300);
    await prompt(/2026-11-31 is not a day in the calendar: enter a real date written YYYY-MM-DD, or leave it empty\./, '2026-11-31'); // still there: Enter refused it
    await input.fill(DUE);
    await prompt(/^Due date \(YYYY-MM-DD\), optional/, DUE);
    await wb.page.keyboard.press('Enter');

    await prompt(/^Success criteria: how will both of you know it is met\? Optional/, '');
    await input.pressSequentially(SUCCESS);
    await prompt(/^Success criteria/, SUCCESS);
    await wb.page.keyboard.press('Enter');

    // The goal file opens, saved, with what was entered.
    const tab = wb.activeTab(`${ID}.md`);
    await tab.waitFor({ state: 'visible', timeout: 15_000 });
    assert.equal((await tab.innerText()).replace(/\s+/g, ''), `${ID}.md`, 'the tab shows the file name');
    assert.equal(await wb.page.locator('.tabs-container .tab.active.dirty').count(), 0, 'the new file is saved');
    const lines = await wb.editorLines();
    assert.deepEqual(lines, wb.readWorkspaceFile(FILE).split('\n'), 'the editor shows the file as written');
    assert.deepEqual(lines.slice(0, 18), [
      '---',
      'type: goal',
      `id: ${ID}`,
      `title: ${TITLE}`,
      'owner: mentee',
      'status: proposed',
      'progress: 0',
      `created: ${TODAY}`,
      `due: ${DUE}`,
      `success: ${SUCCESS}`,
      'skills: []',
      '---',
      '',
      `# ${TITLE}`,
      '',
      '## Why this goal',
      '',
      '<!-- What it changes for the mentee, and why now. -->',
    ]);

    // The view lists it among Priya and Sam's goals, proposed (an empty circle), at 0 %.
    await waitUntil('the Mentoring view to count the new goal', async () => (await goalCount()) === '4', { timeoutMs: 30_000, intervalMs: 500 });
    await wb.expandTreeItem(VIEW, 'Goals');
    const goal = wb.treeRow(VIEW, TITLE);
    await goal.waitFor({ state: 'visible', timeout: 15_000 });
    const rows = await wb.treeRows(VIEW);
    const row = rows.find((r) => r.label === TITLE)!;
    assert.equal(row.icon, 'circle-large-outline');
    assert.equal(row.description, '0% · due 2026-12-16 (23 days left)');

    // The picture: the view and the file, down to the end of the file.
    await wb.runCommand('View: Focus Active Editor Group');
    await wb.page.mouse.move(1100, 800);
    const end = await wb.page.locator('.editor-instance .margin-view-overlays .line-numbers').filter({ hasText: new RegExp(`^${lines.length}$`) }).first().boundingBox();
    await wb.screenshot('new-goal', { x: 0, y: 0, width: viewport.width, height: Math.round((end?.y ?? 560) + 80) });
  });
});
