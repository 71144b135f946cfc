/**
 * The Actions view and the reminders inside a real VS Code (issue 14): the groups and items
 * through the extension's TreeDataProvider (api.actions), a click through the real command,
 * Complete as one undo step, the Only mine filter with `mentoringJournal.me`, and the daily
 * reminder driven through api.reminders.tick() with the day pinned by api.setToday().
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { addDays } from '../../src/core/dates';
import type { EditingApi } from '../../src/vscode/editing';
import type { MentoringJournalApi } from '../../src/vscode/feature';
import type { RemindersApi } from '../../src/vscode/reminders';
import type { ActionsNode, ActionsViewApi } from '../../src/vscode/tree/actionsTree';
import { read, restoreFile, setUpSuite, TODAY, uri, waitFor } from './support';

const SESSION = 'journal/priya-and-sam/sessions/2026-11-18.md';

let api: MentoringJournalApi;
let view: ActionsViewApi;
const editing = () => api.editing as EditingApi;
const item = (node: ActionsNode) => view.provider.getTreeItem(node);
const children = async (node?: ActionsNode) => (await view.provider.getChildren(node)) ?? [];
const config = () => vscode.workspace.getConfiguration('mentoringJournal');

/** The view as text: `Group (n)` lines, each item indented with its description. */
async function outline(): Promise<string[]> {
  const out: string[] = [];
  for (const group of await children()) {
    out.push(`${String(item(group).label)} (${String(item(group).description)})`);
    for (const action of await children(group)) out.push(`  ${String(item(action).label)} — ${String(item(action).description)}`);
  }
  return out;
}

async function actionNode(text: string): Promise<Extract<ActionsNode, { kind: 'action' }>> {
  for (const group of await children()) {
    for (const node of await children(group)) if (node.kind === 'action' && node.action.text === text) return node;
  }
  assert.fail(`no action "${text}" in the view:\n${(await outline()).join('\n')}`);
}

describe('Actions view', function () {
  this.timeout(60_000);

  before(async () => {
    api = await setUpSuite();
    view = api.actions as ActionsViewApi;
    assert.ok(view?.provider && view.view, 'activate() returns api.actions with the provider and the view');
  });

  after(async () => {
    api.setToday(TODAY);
    editing().overrideTrust(undefined);
    await config().update('me', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('mentoringJournal.allActions');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('lists every open action of the workspace by group, each with owner, relationship, due date and days late', async () => {
    assert.deepEqual(await outline(), [
      'This week (2)',
      '  write the section of [[write-design-rfc]] on keeping the batch job as an alternative — @sam · Priya Raman ↔ Sam Okafor · due 2026-11-27',
      '  book the architecture review slot for December — @priya · Priya Raman ↔ Sam Okafor · due 2026-11-27',
      'Later (3)',
      '  send the full draft of [[write-design-rfc]] to Jonas and Mei for review — @sam · Priya Raman ↔ Sam Okafor · due 2026-11-30',
      '  send Daniel the final slides for [[present-to-leadership]] a day before the meeting — @aiko · Aiko Tanaka ↔ Daniel Weber · due 2026-12-03',
      '  draft a closure reflection for the agreement — @daniel · Aiko Tanaka ↔ Daniel Weber · due 2026-12-09',
    ]);
    api.setToday('2026-11-29');
    assert.deepEqual((await outline()).slice(0, 4), [
      'Overdue (2)',
      '  write the section of [[write-design-rfc]] on keeping the batch job as an alternative — @sam · Priya Raman ↔ Sam Okafor · due 2026-11-27 · 2 days late',
      '  book the architecture review slot for December — @priya · Priya Raman ↔ Sam Okafor · due 2026-11-27 · 2 days late',
      'This week (2)',
    ]);
    assert.deepEqual(view.view.badge, { value: 2, tooltip: '2 overdue actions' });
    api.setToday(TODAY);
    await waitFor('the badge to go', () => view.view.badge === undefined);
  });

  it('opens the exact line of an item on click, and offers a checkbox', async () => {
    const node = await actionNode('book the architecture review slot for December');
    const tree = item(node);
    assert.equal(tree.checkboxState, vscode.TreeItemCheckboxState.Unchecked);
    assert.equal(tree.contextValue, 'action');
    assert.ok(tree.command);
    await vscode.commands.executeCommand(tree.command.command, ...(tree.command.arguments ?? []));
    const editor = await waitFor('the session in an editor', () => vscode.window.activeTextEditor?.document.uri.toString() === uri(SESSION).toString() && vscode.window.activeTextEditor);
    assert.equal(editor.selection.active.line, 51);
    assert.equal(editor.document.lineAt(51).text, '- [ ] @priya book the architecture review slot for December (due 2026-11-27)');
  });

  it('Complete ticks the item in its session (one character, saved), it leaves the view, and one undo brings it back', async () => {
    const before = await read(SESSION);
    try {
      const editor = await vscode.window.showTextDocument(uri(SESSION), { preview: false });
      const node = await actionNode('book the architecture review slot for December');
      assert.equal(await vscode.commands.executeCommand('mentoringJournal.completeAction', node), true);
      assert.equal(await read(SESSION), before.replace('- [ ] @priya book', '- [x] @priya book'));
      await waitFor('the action to leave the view', async () => !(await outline()).some((l) => l.includes('book the architecture review slot')));
      assert.equal(editor.document.isDirty, false);
      await vscode.window.showTextDocument(editor.document);
      await vscode.commands.executeCommand('undo');
      assert.equal(editor.document.getText(), before, 'one undo restores the exact text');
      await editor.document.save();
      await api.service.refreshFile(uri(SESSION));
      await waitFor('the action back in the view', async () => (await outline()).some((l) => l.includes('book the architecture review slot')));
    } finally {
      await restoreFile(SESSION, before);
    }
  });

  it('Complete refuses, writing nothing, when the workspace is not trusted (the checkbox runs the same command)', async () => {
    const before = await read(SESSION);
    editing().overrideTrust(false);
    try {
      const node = await actionNode('write the section of [[write-design-rfc]] on keeping the batch job as an alternative');
      assert.equal(await vscode.commands.executeCommand('mentoringJournal.completeAction', node), undefined);
      assert.equal(editing().messages.at(-1)?.text, 'Complete action writes files, which Mentoring Journal does not do in an untrusted workspace. Trust the workspace to use it.');
      assert.equal(await read(SESSION), before);
      assert.equal(item(await actionNode(node.action.text)).checkboxState, vscode.TreeItemCheckboxState.Unchecked);
    } finally {
      editing().overrideTrust(undefined);
    }
  });

  it('Complete refuses when the line changed since the view read it', async () => {
    const before = await read(SESSION);
    const node = await actionNode('book the architecture review slot for December');
    const moved = { ...node, action: { ...node.action, line: node.action.line - 1 } };
    assert.equal(await vscode.commands.executeCommand('mentoringJournal.completeAction', moved), false);
    assert.match(editing().messages.at(-1)?.text ?? '', /^Complete action: journal\/priya-and-sam\/sessions\/2026-11-18\.md: Line 51 no longer holds the action "book the architecture review slot for December"/);
    assert.equal(await read(SESSION), before);
  });

  it('Only mine keeps the actions of mentoringJournal.me, and shows nothing (with the welcome saying how to set it) while me is unset', async () => {
    await config().update('me', undefined, vscode.ConfigurationTarget.Global);
    assert.equal(await vscode.commands.executeCommand('mentoringJournal.onlyMyActions'), true);
    assert.equal(view.provider.mine, true);
    assert.deepEqual(await children(), []);
    await config().update('me', ['Priya Raman'], vscode.ConfigurationTarget.Global);
    await waitFor('only Priya\'s action', async () => (await outline()).join('\n') === 'This week (1)\n  book the architecture review slot for December — @priya · Priya Raman ↔ Sam Okafor · due 2026-11-27');
    await config().update('me', ['@SAM', 'aiko'], vscode.ConfigurationTarget.Global);
    await waitFor('Sam\'s and Aiko\'s actions', async () => (await outline()).filter((l) => l.startsWith('  ')).length === 3);
    assert.equal(await vscode.commands.executeCommand('mentoringJournal.allActions'), false);
    assert.equal((await outline()).filter((l) => l.startsWith('  ')).length, 5);
  });
});

describe('Reminders', function () {
  this.timeout(60_000);
  let reminders: RemindersApi;

  before(async () => {
    api = await setUpSuite();
    reminders = api.reminders as RemindersApi;
    assert.ok(reminders, 'activate() returns api.reminders');
    await config().update('reminders', true, vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    await config().update('reminders', undefined, vscode.ConfigurationTarget.Global);
    await config().update('me', undefined, vscode.ConfigurationTarget.Global);
    api.setToday(TODAY);
  });

  it('shows one notification for a session overdue and my overdue action, most urgent first; once a day', async () => {
    await config().update('me', ['priya'], vscode.ConfigurationTarget.Global);
    const day = addDays(TODAY, 5);
    api.setToday(day);
    const shown = await reminders.tick();
    const text = 'Mentoring: Jo Marsh ↔ ?: session overdue 81 days; @priya book the architecture review slot for December (Priya Raman ↔ Sam Okafor): overdue 1 day.';
    assert.deepEqual(shown?.items.map((i) => i.kind), ['session-overdue', 'action-overdue']);
    assert.equal(reminders.shown.at(-1), text);
    assert.deepEqual(editing().messages.at(-1), { severity: 'info', text });
    assert.equal(await reminders.tick(), undefined, 'not twice the same day');
    api.setToday(addDays(day, 1));
    assert.match((await reminders.tick()) ? reminders.shown.at(-1)! : '', /^Mentoring: Jo Marsh ↔ \?: session overdue 82 days; @priya book .*: overdue 2 days\.$/);
  });

  it('Not today silences the reminder until the next day', async () => {
    const day = addDays(TODAY, 10);
    api.setToday(day);
    await reminders.choose('Not today');
    assert.equal(await reminders.tick(), undefined);
    api.setToday(addDays(day, 1));
    assert.ok(await reminders.tick(), 'the next day reminds again');
  });

  it('Review goals opens the review of the most urgent relationship', async () => {
    api.setToday(addDays(TODAY, 20));
    assert.ok(await reminders.tick());
    assert.equal(await reminders.choose('Review goals'), 'broken/jo-and-ravi');
    assert.equal(api.reviewPanel?.current()?.relationship, 'broken/jo-and-ravi');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('New session prepares a session of the most urgent relationship, asking only for the day', async () => {
    api.setToday(addDays(TODAY, 25));
    assert.ok(await reminders.tick());
    let settled = false;
    const pending = Promise.resolve(reminders.choose('New session')).finally(() => (settled = true));
    // The command asks which meeting (the planned one first): take it once the quick pick is open.
    await waitFor('the day to be picked', async () => {
      if (!settled) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await new Promise((r) => setTimeout(r, 200));
      return settled;
    }, 30_000);
    const created = (await pending) as vscode.Uri | undefined;
    assert.ok(created, 'New session gives the file it prepared');
    assert.match(created.path, /\/broken\/jo-and-ravi\/sessions\/\d{4}-\d{2}-\d{2}\.md$/);
    assert.match(new TextDecoder().decode(await vscode.workspace.fs.readFile(created)), /^---\ntype: session\ndate: \d{4}-\d{2}-\d{2}\n/);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(created);
    await waitFor('the prepared session to leave the index', () => api.service.relationships().find((r) => r.relationship.id === 'broken/jo-and-ravi')?.relationship.sessions.length === 0);
  });

  it('waits for indexing to finish, and stays silent while mentoringJournal.reminders is off', async () => {
    api.setToday(addDays(TODAY, 30));
    let built = false;
    const rebuilt = api.service.rebuild().then(() => (built = true));
    assert.ok(await reminders.tick());
    assert.equal(built, true, 'the reminder came after the rebuild finished');
    await rebuilt;
    await config().update('reminders', false, vscode.ConfigurationTarget.Global);
    api.setToday(addDays(TODAY, 31));
    assert.equal(await reminders.tick(), undefined);
    await config().update('reminders', true, vscode.ConfigurationTarget.Global);
    assert.ok(await reminders.tick(), 'on again, the day that was skipped reminds');
  });
});
