/**
 * Activation inside a real VS Code: implicit and narrow activation events, a fast `activate`
 * that leaves the indexing to the background, and an index kept current from the file watcher
 * and, debounced, from edits in open documents.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MentoringJournalApi } from '../../src/vscode/feature';
import { JournalService, type JournalChange } from '../../src/vscode/journalService';
import { fileAccess, workspaceReader } from '../../src/vscode/workspaceFileSystem';
import { diagnosticCodes, getApi, getExtension, removeFixture, sleep, uri as file, waitFor } from './support';

let extension: vscode.Extension<MentoringJournalApi>;
let api: MentoringJournalApi;

const codes = diagnosticCodes;

describe('Activation and keeping the index current', () => {
  before(async () => {
    extension = getExtension();
    api = await getApi();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('activates after start-up, on a Review panel to restore, and through its views and commands', () => {
    const manifest = extension.packageJSON as { activationEvents: string[]; engines: { vscode: string }; contributes: { views: Record<string, unknown[]> } };
    // Not workspaceContains: VS Code runs that glob as a file search while the window starts (docs/performance.md).
    assert.deepEqual(manifest.activationEvents, ['onStartupFinished', 'onWebviewPanel:mentoringJournal.review']);
    // From VS Code 1.74 on, contributed views and commands activate the extension implicitly.
    assert.match(manifest.engines.vscode, /^\^1\.(7[4-9]|[89]\d|\d{3})\./);
    assert.ok(manifest.contributes.views.mentoring?.length, 'the Mentoring view is contributed');
    assert.equal(extension.isActive, true, 'the fixture workspace holds agreement.md files');
  });

  it('returns from activate before indexing, then builds the index in the background', async () => {
    // The figure is recorded (docs/performance.md), never asserted: tests must not depend on wall-clock speed.
    assert.equal(typeof api.activationMs, 'number');
    assert.equal(api.indexedAtActivation, 0, 'activate must not read journal files itself');
    console.log(`    activate() took ${String(api.activationMs)} ms`);
    await api.service.ready();
    const ids = api.service.relationships().map((r) => r.relationship.id);
    assert.deepEqual(ids, ['broken/jo-and-ravi', 'broken/lee-and-noor', 'journal/priya-and-sam', 'journal/reverse-mentoring']);
  });

  it('looks for a journal without reading a file: an agreement.md at any depth of a root, walked with Node or searched through VS Code', async () => {
    const walked = api.service;
    const searched = new JournalService();
    // A root read through vscode.workspace.fs (as in a virtual workspace or the web worker) is asked of VS Code's file search.
    searched.setReader(() => workspaceReader);
    try {
      for (const service of [walked, searched]) {
        const before = fileAccess.count;
        assert.equal(await service.holdsJournal(), true, 'the fixture workspace holds agreements');
        assert.equal(await service.holdsJournal([file('journal/priya-and-sam/sessions')]), false, 'a folder without one');
        assert.equal(await service.holdsJournal([file('broken')]), true, 'in a sub-folder');
        assert.equal(await service.holdsJournal([]), false, 'no folder');
        if (service === searched) assert.equal(fileAccess.count, before, 'the search lists no folder itself');
      }
    } finally {
      searched.dispose();
    }
  });

  it('reads nothing in a workspace without a journal, and starts reading when an agreement.md is created', async () => {
    const scratch = 'scratch-no-journal';
    const service = new JournalService();
    try {
      await vscode.workspace.fs.writeFile(file(`${scratch}/notes/ideas.md`), new TextEncoder().encode('# Ideas\n'));
      await service.startIfJournal([file(scratch)]);
      await sleep(500);
      assert.equal(service.hasStarted, false, 'no build without an agreement.md');
      assert.deepEqual(service.allRoots(), [], 'nothing read');
      // The agreement appears later, in a new folder: the watcher starts the build.
      await vscode.workspace.fs.writeFile(file(`${scratch}/ana-and-ben/agreement.md`), new TextEncoder().encode('---\ntype: agreement\nmentor: Ana\nmentee: Ben\n---\n'));
      await waitFor('the new agreement to start the build', () => service.hasStarted, 10_000);
      await service.ready();
      assert.ok(service.relationships().some(({ relationship }) => relationship.id === `${scratch}/ana-and-ben`), 'the new relationship is read');
    } finally {
      service.dispose();
      await removeFixture(scratch);
    }
  });

  it('registers the tree, the commands and the review panels in activate, and the other features once the tree has rows or is not shown', async () => {
    // What VS Code needs from activate itself: the commands (it runs one right after the
    // activation it caused; the harness suite checks them all) and the serializer of the panels.
    assert.ok(api.tree?.view && api.reviewPanel, 'activate() registers the tree and the review panels');
    // The rest waits for the tree's first rows, or for the window to say the view is not shown.
    await api.tree.firstRows;
    await api.registered;
    assert.ok(api.diagnostics, 'the diagnostics are registered');
    assert.ok(api.actions?.view, 'the Actions view is registered');
    assert.ok(api.statusBar?.item, 'the status bar entry is registered');
    assert.ok(api.reminders, 'the reminders are registered');
    assert.deepEqual(Object.keys(api.walkthrough?.state() ?? {}).sort(), ['mentoringJournal.hasRelationship', 'mentoringJournal.hasReview', 'mentoringJournal.hasSession', 'mentoringJournal.hasSignedAgreement'],
      'the walkthrough reads the journal when it registers, though the journal may be read by then');
    // And they work on the journal read before they were there: every problem of the broken journal is in the Problems panel.
    await api.service.ready();
    const expected = api.service.allRoots().flatMap((root) => [...root.index.allProblems().keys()]
      .filter((path) => root.index.isSettled(path) && root.index.problems(path).length > 0)
      .map((path) => root.fs.uri(path).toString())).sort();
    assert.ok(expected.length > 0, 'the fixture journals have problems');
    const published: string[] = [];
    api.diagnostics.forEach((uri, diagnostics) => void (diagnostics.length > 0 && published.push(uri.toString())));
    assert.deepEqual(published.sort(), expected);
  });

  it('follows changes written to disk by other programs, for files that are not open', async () => {
    const uri = file('broken/lee-and-noor/goals/on-call-readiness.md');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()));
    const original = await vscode.workspace.fs.readFile(uri);
    const text = new TextDecoder().decode(original);
    assert.ok(text.includes('2026-02-30'));
    await waitFor('the impossible date to be reported', () => codes(uri).includes('date/impossible'));
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text.replace('2026-02-30', '2026-02-28')));
    try {
      await waitFor('the fixed date to clear the problem', () => codes(uri).length === 0);
    } finally {
      await vscode.workspace.fs.writeFile(uri, original);
    }
    await waitFor('the problem to come back', () => codes(uri).includes('date/impossible'));
  });

  it('debounces typing: a burst of edits gives one update, about 300 ms after the last keystroke', async () => {
    await api.service.ready();
    const uri = file('journal/priya-and-sam/sessions/2026-10-21.md');
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    const updates: number[] = [];
    const edits: number[] = [];
    const listeners = [
      api.service.onDidChange((changes: JournalChange[]) => {
        if (changes.some((c) => c.change.files.some((f) => uri.path.endsWith(`/${f}`)))) updates.push(Date.now());
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.uri.toString() === uri.toString() && e.contentChanges.length) edits.push(Date.now());
      }),
    ];
    try {
      // Six keystrokes sent at once: they reach the extension host as a burst of change events.
      const end = doc.lineAt(doc.lineCount - 1).range.end;
      editor.selection = new vscode.Selection(end, end);
      await Promise.all([...'typing'].map((text) => vscode.commands.executeCommand('type', { text })));
      await waitFor('six edits', () => edits.length === 6, 5000);
      await waitFor('the debounced update', () => updates.length > 0, 5000);
      await sleep(500);
    } finally {
      for (const l of listeners) l.dispose();
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    const t0 = edits[0]!;
    const gaps = edits.slice(1).map((t, i) => t - edits[i]!);
    const timeline = `edits at ${edits.map((t) => t - t0).join(', ')} ms, updates at ${updates.map((t) => t - t0).join(', ')} ms`;
    assert.equal(edits.length, 6, timeline);
    // The service waits for 300 ms of quiet: as long as the edits came closer together, one update.
    if (gaps.every((g) => g < 250)) assert.equal(updates.length, 1, `one update for six edits; ${timeline}`);
    assert.ok(updates.length < edits.length, `fewer updates than edits; ${timeline}`);
    const lastEdit = edits[edits.length - 1]!;
    assert.ok(updates[updates.length - 1]! - lastEdit >= 250, `the last update waits for quiet; ${timeline}`);
    assert.ok(updates.every((u) => !edits.some((e) => e < u && u - e < 250)), `no update within 250 ms of an edit; ${timeline}`);
  });
});
