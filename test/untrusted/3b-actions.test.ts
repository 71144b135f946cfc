/**
 * The Actions view in Restricted Mode: it lists the open actions as in a trusted window, but
 * neither its checkbox (clicked in the workbench, as a user would) nor Complete action writes:
 * both refuse with the untrusted-workspace message, and the session stays byte for byte as it was.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { EditingApi } from '../../src/vscode/editing';
import type { MentoringJournalApi } from '../../src/vscode/feature';
import type { ActionsNode, ActionsViewApi } from '../../src/vscode/tree/actionsTree';
import { read, setUpSuite, waitFor } from '../suite/support';
import { clickWorkbench, queryWorkbench } from './workbench';

const SESSION = 'journal/priya-and-sam/sessions/2026-11-18.md';
const REFUSAL = 'Complete action writes files, which Mentoring Journal does not do in an untrusted workspace. Trust the workspace to use it.';

let api: MentoringJournalApi;
let view: ActionsViewApi;
const editing = () => api.editing as EditingApi;
const children = async (node?: ActionsNode) => (await view.provider.getChildren(node)) ?? [];

describe('The Actions view in Restricted Mode', function () {
  // Generous: activation and the workbench are slower on a busy 2-core machine.
  this.timeout(60_000);

  before(async () => {
    api = await setUpSuite();
    view = api.actions as ActionsViewApi;
    assert.equal(vscode.workspace.isTrusted, false, 'the window is in Restricted Mode');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('lists the open actions, with their checkboxes', async () => {
    const groups = await children();
    assert.deepEqual(groups.map((g) => String(view.provider.getTreeItem(g).label)), ['This week', 'Later']);
    const week = await children(groups[0]);
    assert.deepEqual(week.map((n) => (n.kind === 'action' ? `${n.action.owner}: ${n.action.text}` : '')), [
      'sam: write the section of [[write-design-rfc]] on keeping the batch job as an alternative',
      'priya: book the architecture review slot for December',
    ]);
    assert.equal(view.provider.getTreeItem(week[0]!).checkboxState, vscode.TreeItemCheckboxState.Unchecked);
  });

  it('a click on the checkbox refuses and writes nothing; so does Complete action', async () => {
    const before = await read(SESSION);
    await vscode.commands.executeCommand('mentoringJournal.actions.focus');
    await waitFor('the Actions view in the workbench', async () => (await queryWorkbench('[id="workbench.view.extension.mentoring"] .custom-view-tree-node-item-checkbox', 3000).catch(() => [])).length > 0, 30_000);
    const previous = editing().messages.at(-1);
    await clickWorkbench('[id="workbench.view.extension.mentoring"] .custom-view-tree-node-item-checkbox');
    await waitFor('the refusal', () => editing().messages.at(-1) !== previous && editing().messages.at(-1));
    assert.deepEqual(editing().messages.at(-1), { severity: 'error', text: REFUSAL });
    assert.equal(await read(SESSION), before);
    const [week] = await children();
    const node = (await children(week))[1]!;
    const again = editing().messages.at(-1);
    assert.equal(await vscode.commands.executeCommand('mentoringJournal.completeAction', node), undefined);
    assert.ok(editing().messages.at(-1) !== again, 'Complete action showed a message');
    assert.equal(editing().messages.at(-1)?.text, REFUSAL);
    assert.equal(await read(SESSION), before);
    assert.deepEqual(vscode.workspace.textDocuments.filter((d) => d.isDirty).map((d) => d.uri.toString()), []);
  });
});
