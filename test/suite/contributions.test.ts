/**
 * The contributed snippets inside a real VS Code: the `mj-` snippets are offered in Markdown
 * with their descriptions. (The grammars' scopes are checked end to end, in
 * test/e2e/grammar.e2e.ts, with VS Code's own token inspector.)
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { getApi } from './support';

const SESSION = [
  '---',
  'type: session',
  'date: 2026-11-18',
  'goals: [write-design-rfc]',
  '---',
  '## Actions',
  '',
  '- [ ] @sam send the RFC to [[write-design-rfc]] reviewers (due 2026-11-30)',
  '',
].join('\n');

let doc: vscode.TextDocument;

describe('Snippets contributed to Markdown', function () {
  this.timeout(60_000);

  before(async () => {
    await getApi();
    doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: SESSION });
    await vscode.window.showTextDocument(doc);
  });

  after(async () => {
    // The scratch document is untitled: revert it so that closing asks nothing.
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('offers the mj- snippets, with their descriptions, in a Markdown file', async () => {
    const editor = vscode.window.activeTextEditor!;
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    await editor.edit((b) => b.insert(end, 'mj-'));
    const at = doc.lineAt(doc.lineCount - 1).range.end;
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, at);
    const snippets = list.items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet);
    const labels = snippets.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const prefix of ['mj-action', 'mj-summary', 'mj-restate', 'mj-how-building', 'mj-session', 'mj-goal', 'mj-agreement']) {
      assert.ok(labels.includes(prefix), `${prefix} is offered; got ${labels.filter((l) => l.startsWith('mj-')).join(', ')}`);
    }
    const action = snippets.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'mj-action')!;
    const description = typeof action.label === 'string' ? action.detail : action.label.description ?? action.detail;
    assert.match(String(description ?? action.documentation ?? ''), /action item/i);
    await vscode.commands.executeCommand('undo');
  });
});
