/**
 * The status bar entry inside a real VS Code: it follows the active editor's relationship,
 * shows its stage and the days to the next session, and runs Review goals on a click.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MentoringJournalApi } from '../../src/vscode/feature';
import type { RelationshipStatus } from '../../src/vscode/statusBar';
import type { RelationshipNode } from '../../src/vscode/tree/items';
import { setUpSuite, TODAY, uri as file, waitFor as waitForShared } from './support';


let api: MentoringJournalApi;
let status: RelationshipStatus;

/** waitFor, with the status bar's text at the time out in the message. */
const waitFor = <T>(what: string, check: () => T | Promise<T>, timeoutMs?: number) =>
  waitForShared(() => `${what}; status bar: ${status.visible ? status.item.text : '(hidden)'}`, check, timeoutMs);

describe('Status bar: stage and next session of the active relationship', () => {
  before(async () => {
    api = await setUpSuite();
    status = api.statusBar as RelationshipStatus;
    assert.ok(status?.item, 'activate() returns api.statusBar');
  });

  after(async () => {
    api.setToday(TODAY);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it("shows the stage and the days to the next session for any file of the active editor's relationship", async () => {
    await vscode.window.showTextDocument(file('journal/priya-and-sam/sessions/2026-06-03.md'));
    await waitFor('the Priya and Sam entry', () => status.visible && status.item.text.includes('building'));
    // The workspace holds four relationships: the entry names the pair, by first names.
    assert.equal(status.item.text, '$(mortar-board) Priya ↔ Sam · building (stage 2) · next session in 9 days');
    assert.equal(status.item.name, 'Mentoring Journal');
    assert.match(String(status.item.tooltip), /^Priya Raman ↔ Sam Okafor\n/);
    assert.equal(status.item.backgroundColor, undefined);
    // A screen reader hears words, not the icon's name.
    assert.deepEqual(status.item.accessibilityInformation, { label: 'Mentoring: Priya Raman ↔ Sam Okafor, building (stage 2) · next session in 9 days. Review goals.', role: 'button' });

    await vscode.window.showTextDocument(file('journal/reverse-mentoring/agreement.md'));
    await waitFor('the reverse mentoring entry', () => status.item.text.includes('mastery'));
    assert.equal(status.item.text, '$(mortar-board) Aiko ↔ Daniel · mastery (stage 3) · next session in 16 days');
  });

  it('warns when the next session is overdue, and says so first', async () => {
    await vscode.window.showTextDocument(file('broken/jo-and-ravi/agreement.md'));
    await waitFor('the Jo and Ravi entry', () => status.item.text.includes('creating'));
    assert.equal(status.item.text, '$(mortar-board) Jo ↔ ? · overdue 76 days · creating (stage 1)');
    assert.equal((status.item.backgroundColor as { id?: string } | undefined)?.id, 'statusBarItem.warningBackground');
  });

  it('runs Review goals for that relationship when clicked', async () => {
    await vscode.window.showTextDocument(file('journal/priya-and-sam/goals/write-design-rfc.md'));
    await waitFor('the Priya and Sam entry', () => status.item.text.includes('building'));
    const command = status.item.command as vscode.Command;
    assert.equal(command.command, 'mentoringJournal.reviewGoals');
    const node = command.arguments?.[0] as RelationshipNode;
    assert.equal(node.kind, 'relationship');
    assert.equal(node.entry.relationship.id, 'journal/priya-and-sam');
    // The same node the Mentoring view passes from its context menu.
    const roots = (await (api.tree as { provider: vscode.TreeDataProvider<RelationshipNode> }).provider.getChildren()) ?? [];
    assert.ok(roots.some((r) => r.id === node.id), 'the argument has the id of the tree node');
  });

  it('follows the date: the days count down as today moves', async () => {
    await vscode.window.showTextDocument(file('journal/priya-and-sam/agreement.md'));
    await waitFor('the Priya and Sam entry', () => status.item.text.includes('building'));
    api.setToday('2026-12-01');
    await waitFor('tomorrow', () => status.item.text.endsWith('Priya ↔ Sam · next session tomorrow · building (stage 2)'));
    api.setToday('2026-12-02');
    await waitFor('today', () => status.item.text.endsWith('Priya ↔ Sam · next session today · building (stage 2)'));
    api.setToday('2026-12-10');
    await waitFor('overdue', () => status.item.text.endsWith('Priya ↔ Sam · overdue 8 days · building (stage 2)'));
    api.setToday(TODAY);
    await waitFor('back to 9 days', () => status.item.text.endsWith('next session in 9 days'));
  });

  it('says when the next session is due by the cadence when no `next:` plans it', async () => {
    const doc = await vscode.workspace.openTextDocument(file('journal/priya-and-sam/sessions/2026-11-18.md'));
    const editor = await vscode.window.showTextDocument(doc);
    const line = doc.getText().split(/\r?\n/).findIndex((l) => l.startsWith('next:'));
    assert.ok(line > 0);
    await editor.edit((b) => b.delete(doc.lineAt(line).rangeIncludingLineBreak));
    try {
      // Held on 2026-11-18, biweekly: due on 2026-12-02, 9 days after today.
      await waitFor('due by the cadence', () => status.item.text.endsWith('Priya ↔ Sam · building (stage 2) · session due in 9 days'));
      api.setToday('2026-12-01');
      await waitFor('due tomorrow', () => status.item.text.endsWith('Priya ↔ Sam · session due tomorrow · building (stage 2)'));
    } finally {
      api.setToday(TODAY);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await waitFor('planned again', () => status.item.text.endsWith('Priya ↔ Sam · building (stage 2) · next session in 9 days'));
  });

  it('hides itself for files outside every relationship', async () => {
    await vscode.window.showTextDocument(file('journal/README.md'));
    await waitFor('the entry to hide', () => !status.visible);
    assert.equal(status.visible, false);
    await vscode.window.showTextDocument(file('journal/priya-and-sam/agreement.md'));
    await waitFor('the entry to come back', () => status.visible);
  });
});
