/**
 * Diagnostics inside a real VS Code: the engine's problems for every journal file, open or not,
 * through `vscode.languages.getDiagnostics`, with exact ranges, codes linking to the rule docs,
 * and live updates while the user types.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { ruleAnchor } from '../../src/core';
import type { MentoringJournalApi } from '../../src/vscode/feature';
import { BROKEN_PROBLEMS, codeOf, getApi, getExtension, journalDiagnostics, uri as file, waitFor } from './support';

const E = vscode.DiagnosticSeverity.Error;
const W = vscode.DiagnosticSeverity.Warning;

let extension: vscode.Extension<MentoringJournalApi>;

/** A diagnostic as `code severity startLine:startChar-endLine:endChar` (0-based, as VS Code counts). */
function describe_(d: vscode.Diagnostic): string {
  const code = codeOf(d);
  const r = d.range;
  return `${code} ${d.severity === E ? 'error' : d.severity === W ? 'warning' : 'info'} ${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

const ours = journalDiagnostics;
const summary = (path: string) => ours(file(path)).map(describe_);


async function edit(uri: vscode.Uri, find: string, replace: string): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const at = doc.getText().indexOf(find);
  assert.ok(at >= 0, `"${find}" in ${uri.path}`);
  const change = new vscode.WorkspaceEdit();
  change.replace(uri, new vscode.Range(doc.positionAt(at), doc.positionAt(at + find.length)), replace);
  assert.ok(await vscode.workspace.applyEdit(change));
}

async function revert(uri: vscode.Uri): Promise<void> {
  await vscode.window.showTextDocument(uri);
  await vscode.commands.executeCommand('workbench.action.files.revert');
}

describe('Diagnostics: the journal problems in the Problems panel', () => {
  before(async () => {
    extension = getExtension();
    const api = await getApi();
    await api.service.ready();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('reports every problem of examples/broken with its exact range, code and severity, for files never opened', async () => {
    const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
    for (const [path, expected] of Object.entries(BROKEN_PROBLEMS)) {
      assert.ok(!open.has(file(path).toString()), `${path} must not be open for this test`);
      await waitFor(`diagnostics of ${path}`, () => ours(file(path)).length > 0);
      assert.deepEqual(summary(path), expected, path);
    }
  });

  it('reports nothing else: the example journal is clean and only the listed broken files have problems', () => {
    const withProblems = vscode.languages.getDiagnostics()
      .filter(([, ds]) => ds.some((d) => d.source === 'mentoring-journal'))
      .map(([uri]) => vscode.workspace.asRelativePath(uri, false))
      .sort();
    assert.deepEqual(withProblems, Object.keys(BROKEN_PROBLEMS).sort());
  });

  it('carries the message, the source, and a code that links to the rule in the bundled docs/rules.md', () => {
    const [missing, unknown] = ours(file('broken/jo-and-ravi/agreement.md'));
    assert.equal(missing!.source, 'mentoring-journal');
    assert.match(missing!.message, /Missing required key `mentee`/);
    assert.match(unknown!.message, /did you mean `mentee`\?/);
    const code = missing!.code as { value: string; target: vscode.Uri };
    assert.equal(code.value, 'schema/missing-key');
    const docs = vscode.Uri.joinPath(extension.extensionUri, 'docs', 'rules.md');
    assert.equal(code.target.toString(), docs.with({ fragment: ruleAnchor('schema/missing-key') }).toString());
    const yaml = ours(file('broken/lee-and-noor/sessions/2026-04-01.md'))[0]!.code as { value: string; target: vscode.Uri };
    assert.equal(yaml.target.fragment, ruleAnchor('yaml/syntax'));
    assert.match(yaml.target.fragment, /^yaml-?syntax$/);
    assert.notEqual(code.target.scheme, 'https', 'no network link');
  });

  it('updates live while the user types, before saving, and returns to the saved state on revert', async () => {
    const uri = file('broken/jo-and-ravi/agreement.md');
    await vscode.window.showTextDocument(uri);
    await edit(uri, 'mentie:', 'mentee:');
    try {
      await waitFor('the typo fix to clear two problems', () => ours(uri).length === 1);
      assert.deepEqual(summary('broken/jo-and-ravi/agreement.md'), ['schema/invalid-enum error 4:8-4:18']);
    } finally {
      await revert(uri);
    }
    await waitFor('the problems to come back', () => ours(uri).length === 3);
    assert.deepEqual(summary('broken/jo-and-ravi/agreement.md'), BROKEN_PROBLEMS['broken/jo-and-ravi/agreement.md']);
  });

  it('reports a mistake typed into a valid file at the value, and clears it when undone', async () => {
    const uri = file('journal/priya-and-sam/goals/capacity-planning.md');
    await vscode.window.showTextDocument(uri);
    await edit(uri, 'status: achieved', 'status: done');
    try {
      await waitFor('the invalid status to be reported', () => ours(uri).length > 0);
      assert.deepEqual(summary('journal/priya-and-sam/goals/capacity-planning.md'), ['schema/invalid-enum error 5:8-5:12']);
      assert.match(ours(uri)[0]!.message, /^`status` is `done`, which is not one of proposed, active, achieved, dropped, paused: did you mean `achieved`\?$/);
    } finally {
      await revert(uri);
    }
    await waitFor('the problem to clear', () => ours(uri).length === 0);
  });

  it('reports files created on disk without opening them, and forgets deleted files', async () => {
    const uri = file('broken/lee-and-noor/goals/new-goal.md');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('---\ntype: goal\nowner: mentee\nstatus: proposed\n---\n'));
    try {
      await waitFor('the new file to be checked', () => ours(uri).length > 0);
      assert.deepEqual(summary('broken/lee-and-noor/goals/new-goal.md'), ['schema/missing-key error 0:0-0:3']);
    } finally {
      await vscode.workspace.fs.delete(uri);
    }
    await waitFor('the deleted file to lose its diagnostics', () => ours(uri).length === 0);
  });

  it('reports a folder that is a symbolic link at the folder, instead of passing over it (the journal does not follow it)', async function () {
    const link = file('journal/priya-and-sam/notes');
    const target = file('journal/priya-and-sam/sessions');
    try {
      fs.symlinkSync(target.fsPath, link.fsPath, 'dir');
    } catch {
      this.skip(); // no permission to create links here
    }
    try {
      await vscode.commands.executeCommand('mentoringJournal.refresh');
      await waitFor('the linked folder to be reported', () => ours(link).length > 0);
      assert.deepEqual(summary('journal/priya-and-sam/notes'), ['file/unreadable error 0:0-0:0']);
      assert.match(ours(link)[0]!.message, /^This folder could not be read: it is a symbolic link to a folder, which the journal does not follow/);
    } finally {
      fs.unlinkSync(link.fsPath);
      await vscode.commands.executeCommand('mentoringJournal.refresh');
    }
    await waitFor('the removed link to lose its diagnostics', () => ours(link).length === 0);
  });

  it('reports a session that is a symbolic link to nothing at the link, instead of passing over it', async function () {
    const link = file('journal/priya-and-sam/sessions/2026-11-21.md');
    try {
      fs.symlinkSync('/nonexistent/2026-11-21.md', link.fsPath, 'file');
    } catch {
      this.skip(); // no permission to create links here
    }
    try {
      await vscode.commands.executeCommand('mentoringJournal.refresh');
      await waitFor('the dangling link to be reported', () => ours(link).length > 0);
      assert.deepEqual(summary('journal/priya-and-sam/sessions/2026-11-21.md'), ['file/unreadable error 0:0-0:0']);
      assert.match(ours(link)[0]!.message, /^This file could not be read: it is a symbolic link to a file that is not there \(moved or deleted\)/);
    } finally {
      fs.unlinkSync(link.fsPath);
      await vscode.commands.executeCommand('mentoringJournal.refresh');
    }
    await waitFor('the removed link to lose its diagnostics', () => ours(link).length === 0);
  });

  it('reports a merge conflict left in a session as one error over the whole block, and nothing else for it', async () => {
    const uri = file('journal/priya-and-sam/sessions/2026-11-20.md');
    const text = ['---', 'type: session', 'date: 2026-11-20', '<<<<<<< HEAD', 'attendees: [Priya Raman]', '=======', 'attendees: [Priya Raman, Sam Okafor]', '>>>>>>> sam/notes', 'goals: [write-design-rfc]', '---', '', '## Notes', ''].join('\n');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    try {
      await waitFor('the conflict to be reported', () => ours(uri).length > 0);
      assert.deepEqual(summary('journal/priya-and-sam/sessions/2026-11-20.md'), ['git/conflict error 3:0-7:17']);
      assert.equal(ours(uri)[0]!.message, 'Unresolved merge conflict between HEAD and sam/notes: keep one side (or merge them) and delete the conflict markers.');
    } finally {
      await vscode.workspace.fs.delete(uri);
    }
    await waitFor('the deleted file to lose its diagnostics', () => ours(uri).length === 0);
  });
});
