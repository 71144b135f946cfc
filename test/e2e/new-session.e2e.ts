/**
 * New session as a user runs it: with Priya and Sam's relationship selected in the Mentoring
 * view, the New session button of the view's toolbar asks which meeting the session is for (the
 * one they planned for 2026-12-02, 9 days after TODAY, first; today; another date) and prepares
 * it: the file opens in the editor with the attendees, the active goal with its last progress,
 * the open questions of their stage and every open action carried over. Dated after today, it
 * is an agenda: the view lists it as one. The file is deleted afterwards, so the journal is as
 * the other tests expect it. Screenshot: new-session.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { waitUntil } from '../../scripts/vscode-test/host.mjs';
import { workbench } from './workbench';

/** The meeting Priya and Sam planned in their session of 2026-11-18 (`next:`). */
const PLANNED = '2026-12-02';

const VIEW = 'Relationships';
const PRIYA = 'Priya Raman ↔ Sam Okafor';
const SESSIONS = 'journal/priya-and-sam/sessions';

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The name the new file gets: today's date, with -2, -3, ... when that name is taken. */
function newSessionName(dir: string): string {
  for (let n = 1; ; n++) {
    const name = `${PLANNED}${n > 1 ? `-${n}` : ''}.md`;
    if (!fs.existsSync(path.join(dir, name))) return name;
  }
}

/** The description of the "Sessions" row under Priya and Sam (their relationship expanded). */
function sessionCount(): Promise<string> {
  return workbench().treeRowDescription(VIEW, PRIYA, 'Sessions');
}

describe('New session', () => {
  let created: string | undefined;

  before(async () => {
    const wb = workbench();
    await wb.reset({ panel: false });
    await wb.openViewContainer('Mentoring');
    await wb.treeRow(VIEW, PRIYA).waitFor({ state: 'visible', timeout: 60_000 });
    await wb.resizeSideBar(440);
  });

  after(async () => {
    const wb = workbench();
    await wb.reset();
    if (created) {
      fs.rmSync(path.join(wb.workspaceDir, created), { force: true });
      // The journal is indexed again: Priya and Sam are back to their 8 sessions.
      await waitUntil('the new session to leave the Mentoring view', async () => (await sessionCount()) === '8', { timeoutMs: 30_000, intervalMs: 500 });
    }
  });

  it("prepares the planned meeting from the view's toolbar, with attendees, goals, questions and carried-over actions", async () => {
    const wb = workbench();
    assert.equal(await sessionCount(), '8');
    const name = newSessionName(path.join(wb.workspaceDir, SESSIONS));
    const date = PLANNED;

    // Select Priya and Sam's relationship (a click on its row toggles it: expand it again).
    const row = wb.treeRow(VIEW, PRIYA);
    await row.locator('.label-name').click();
    await wb.expandTreeItem(VIEW, PRIYA);
    assert.equal(await row.getAttribute('aria-selected'), 'true', 'the relationship is selected');
    // The view's toolbar (shown while the pointer is over the side bar): New session acts on the
    // selected relationship, without asking which.
    // With the Actions view beside it, the Relationships view has its toolbar in its own header.
    await wb.viewPane(VIEW).hover();
    const button = wb.page.locator('.part.sidebar .title-actions .action-label[aria-label^="New session"], .part.sidebar .pane-header .actions .action-label[aria-label^="New session"]').first();
    await button.waitFor({ state: 'visible', timeout: 15_000 });
    await button.click();

    // Which meeting: the planned one first, then today, then another date.
    await wb.quickInputRow(PLANNED).waitFor({ state: 'visible', timeout: 15_000 });
    assert.equal((await wb.quickInputState()).placeholder, 'Which meeting is this session for?');
    assert.deepEqual((await wb.quickInputLabels()).map((l) => l.split(',').slice(0, 2).join(',')), [
      `${PLANNED}, the planned meeting`, '2026-11-23, today', 'Another date…',
    ]);
    await wb.pickQuickInput(PLANNED);

    // Today's file opens in the editor, saved (not dirty): the tab shows its name.
    const tab = wb.activeTab(name);
    await tab.waitFor({ state: 'visible', timeout: 15_000 });
    created = `${SESSIONS}/${name}`;
    assert.equal((await tab.innerText()).replace(/\s+/g, '').trim(), name, 'the tab shows the file name');
    assert.equal(await wb.page.locator('.tabs-container .tab.active.dirty').count(), 0, 'the new file is saved');

    const lines = await wb.editorLines();
    assert.deepEqual(lines, wb.readWorkspaceFile(created).split('\n'), 'the editor shows the file as written');
    const at = (text: string) => {
      const i = lines.indexOf(text);
      assert.ok(i >= 0, `the editor shows "${text}":\n${lines.join('\n')}`);
      return i;
    };
    // Front matter: the attendees from the agreement, the active goal, the next date from the cadence (biweekly).
    assert.deepEqual(lines.slice(0, 4), ['---', 'type: session', `date: ${date}`, 'attendees: [Priya Raman, Sam Okafor]']);
    at('goals: [write-design-rfc]');
    at('#   write-design-rfc: 60');
    at(`next: ${addDays(date, 14)}`);
    at(`# Session of ${date}`);
    // The active goal with its last recorded progress and due date (achieved and proposed goals are left out).
    const goals = at('## Goals');
    assert.deepEqual(lines.slice(goals + 1, goals + 4), ['', '- [[write-design-rfc]] Lead the design RFC for the event-driven billing pipeline (60%, due 2026-12-18)', '']);
    // Open-ended questions for their stage, building.
    const questions = at('## Questions');
    assert.deepEqual(lines.slice(questions + 1, questions + 10), [
      '',
      '<!-- Open-ended questions for the building stage: keep the ones that fit, add your own. -->',
      '',
      '- What did you try since we last met, and what came of it?',
      '- Where did you get stuck, and what did you do next?',
      '- How would you go about it if you started again tomorrow?',
      '- Which goal needs a sharper definition now that you know more?',
      '- What would help you most from me before our next session?',
      '',
    ]);
    at('## Notes');
    at('## Summary');
    // The open action items of the session of 2026-11-18 carried over (the done one is not).
    const actions = at('## Actions');
    assert.deepEqual(lines.slice(actions + 1), [
      '',
      'Carried over from the session of 2026-11-18:',
      '',
      '- [ ] @sam write the section of [[write-design-rfc]] on keeping the batch job as an alternative (due 2026-11-27)',
      '- [ ] @sam send the full draft of [[write-design-rfc]] to Jonas and Mei for review (due 2026-11-30)',
      '- [ ] @priya book the architecture review slot for December (due 2026-11-27)',
      '',
    ]);

    // The view lists it first among Priya and Sam's sessions, as an agenda.
    await waitUntil('the Mentoring view to count the new session', async () => (await sessionCount()) === '9', { timeoutMs: 30_000, intervalMs: 500 });
    await wb.expandTreeItem(VIEW, 'Sessions');
    // The group's rows render a moment after it shows as expanded.
    const sessionRows = async () => {
      const rows = await wb.treeRows(VIEW);
      const group = rows.findIndex((r, i) => r.label === 'Sessions' && i > rows.findIndex((p) => p.label === PRIYA));
      return { rows, group };
    };
    await waitUntil('the sessions to show under Sessions', async () => {
      const { rows, group } = await sessionRows();
      return group >= 0 && rows[group + 1]?.level === rows[group]!.level + 1;
    }, { timeoutMs: 15_000, intervalMs: 250 }).catch(() => undefined);
    const { rows, group } = await sessionRows();
    const newest = rows[group + 1]!;
    assert.equal(newest.level, rows[group]!.level + 1, `a session under Sessions: ${JSON.stringify(rows.slice(group, group + 3))}`);
    assert.equal(newest.label, date);
    assert.equal(newest.description, 'agenda · write-design-rfc · 3 actions to go through');
    assert.equal(newest.icon, 'calendar');
    // The actions are open once, at their newest occurrence, the agenda (where the Actions view ticks them).
    assert.equal(rows[group + 2]!.description, 'write-design-rfc, review-others-designs · 0 open actions · 3 carried over');

    // The picture: the whole session in the editor (a taller window for the moment: it has about
    // 45 rows), the view beside it.
    const viewport = wb.page.viewportSize()!;
    await wb.page.setViewportSize({ width: viewport.width, height: 1020 });
    try {
      await waitUntil('the editor to show the whole session', async () => (await wb.page.locator('.editor-instance .view-lines > .view-line').count()) >= lines.length, { timeoutMs: 5000 })
        .catch(() => undefined);
      // The editor has the focus (the tree's rows are not outlined) and the pointer rests on it.
      await wb.runCommand('View: Focus Active Editor Group');
      await wb.page.mouse.move(1100, 600);
      await wb.screenshot('new-session');
    } finally {
      await wb.page.setViewportSize(viewport);
    }
  });
});
