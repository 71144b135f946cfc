/**
 * A relationship folder renamed on disk (as the Explorer or `git mv` does): the index follows
 * without Refresh. The old folder's relationship leaves, the new one has every file, and edits
 * under the new folder (saved or not) reach the index.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MentoringJournalApi } from '../../src/vscode/feature';
import { removeFixture, settle, setUpSuite, uri, waitFor } from './support';

const BEFORE = 'rename-before';
const AFTER = 'rename-after';
const GOAL = 'goals/capacity-planning.md';

describe('A relationship folder renamed on disk', function () {
  this.timeout(60_000);
  let api: MentoringJournalApi;

  const relationship = (id: string) => api.service.relationships().find((r) => r.relationship.id === id)?.relationship;
  const describeIndex = () => JSON.stringify(api.service.relationships().map((r) => `${r.relationship.id}:${r.relationship.files.length}`));

  before(async () => {
    api = await setUpSuite({ 'journal/priya-and-sam': BEFORE });
    await removeFixture(AFTER).catch(() => undefined);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await removeFixture(BEFORE).catch(() => undefined);
    await removeFixture(AFTER).catch(() => undefined);
  });

  it('is indexed under its new name, with every file, and edits there are seen', async () => {
    const files = relationship(BEFORE)?.files.length ?? 0;
    assert.ok(files > 5, `the copy is indexed: ${describeIndex()}`);
    // Let the copy's burst of watcher events settle (and its reconcile run), so that what follows is the rename's doing.
    await settle();
    const reconciles = api.service.stats.reconciles;

    await vscode.workspace.fs.rename(uri(BEFORE), uri(AFTER));

    await waitFor(() => `${AFTER} with ${files} files and no ${BEFORE}: ${describeIndex()}`, () => relationship(AFTER)?.files.length === files && !relationship(BEFORE));
    assert.equal(relationship(AFTER)!.goals.find((g) => g.id === 'capacity-planning')?.status, 'achieved');

    // A saved change under the new folder reaches the index through the watcher.
    const goalUri = uri(`${AFTER}/${GOAL}`);
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(goalUri));
    await vscode.workspace.fs.writeFile(goalUri, new TextEncoder().encode(text.replace('status: achieved', 'status: paused')));
    await waitFor(() => `the saved status under ${AFTER}: ${relationship(AFTER)?.goals.map((g) => `${g.id}:${g.status}`).join(', ')}`, () => relationship(AFTER)?.goals.find((g) => g.id === 'capacity-planning')?.status === 'paused');

    // So does a new file there.
    await vscode.workspace.fs.writeFile(uri(`${AFTER}/sessions/2026-11-20.md`), new TextEncoder().encode('---\ntype: session\ndate: 2026-11-20\n---\n'));
    await waitFor(() => `the new session under ${AFTER}: ${describeIndex()}`, () => relationship(AFTER)?.sessions.some((s) => s.date === '2026-11-20'));

    // An unsaved edit in an editor under the new folder reaches it too.
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(goalUri));
    const at = editor.document.getText().indexOf('status: paused') + 'status: '.length;
    assert.ok(await editor.edit((e) => e.replace(new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + 'paused'.length)), 'dropped')));
    assert.ok(editor.document.isDirty);
    await waitFor(() => `the edited status under ${AFTER}`, () => relationship(AFTER)?.goals.find((g) => g.id === 'capacity-planning')?.status === 'dropped');
    // Leave no unsaved editor behind (closing it would ask).
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    assert.ok(!editor.document.isDirty);

    // Without the reconcile that Refresh would run.
    assert.equal(api.service.stats.reconciles, reconciles, 'no reconcile was needed');
  });
});
