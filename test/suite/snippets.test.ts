/**
 * The `mj-` snippets while typing: Markdown's quick suggestions are off by default, so the
 * extension answers the `-` of `mj-` in journal files with the snippets itself (snippets.ts),
 * without touching anybody's settings. Through `vscode.executeCompletionItemProvider` with the
 * trigger character, as the editor asks when `-` is typed.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { SNIPPET_DETAIL } from '../../src/vscode/snippets';
import { setUpSuite, uri } from './support';

const FILE = 'journal/priya-and-sam/sessions/2026-11-18.md';

/** The labels of this extension's while-typing snippet items at the end of `line`, inserted after the front matter. */
async function typedAt(line: string, trigger: string | undefined): Promise<vscode.CompletionItem[]> {
  const doc = await vscode.workspace.openTextDocument(uri(FILE));
  const editor = await vscode.window.showTextDocument(doc);
  const at = new vscode.Position(doc.getText().split('\n').indexOf('## Questions') + 1, 0);
  await editor.edit((e) => e.insert(at, `${line}\n`));
  try {
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, at.translate(0, line.length), trigger);
    return list.items.filter((i) => i.detail === SNIPPET_DETAIL);
  } finally {
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
}

const label = (i: vscode.CompletionItem) => (typeof i.label === 'string' ? i.label : i.label.label);

describe('Snippets while typing mj- in a journal file', () => {
  before(async () => {
    await setUpSuite();
    const markdown = vscode.workspace.getConfiguration('editor', { languageId: 'markdown' }).get<{ other?: unknown }>('quickSuggestions');
    assert.ok(markdown?.other === 'off' || markdown?.other === false, `Markdown's quick suggestions are off, as by default: ${JSON.stringify(markdown)}`);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('offers every mj- snippet when the - of mj- is typed, as snippets with their descriptions', async () => {
    const items = await typedAt('- mj-', '-');
    const labels = items.map(label);
    for (const prefix of ['mj-what-creating', 'mj-what-building', 'mj-action']) assert.ok(labels.includes(prefix), `${prefix} in ${labels.join(', ')}`);
    assert.ok(items.every((i) => i.kind === vscode.CompletionItemKind.Snippet && i.insertText instanceof vscode.SnippetString));
    const what = items.find((i) => label(i) === 'mj-what-building')!;
    assert.equal(typeof what.label === 'string' ? undefined : what.label.description, 'Open question: What (building)');
    assert.match(String(what.documentation), /open-ended "What" question for stage 2/i);
    // The item replaces what was typed.
    const range = what.range as vscode.Range;
    assert.equal(range.end.character - range.start.character, 'mj-'.length);
  });

  it('keeps offering them while the prefix grows, and not for other dashes or on Ctrl+Space', async () => {
    assert.ok((await typedAt('mj-what-', '-')).length > 0);
    assert.deepEqual(await typedAt('- some-', '-'), []);
    assert.deepEqual(await typedAt('xmj-', '-'), []);
    // Ctrl+Space (and quick suggestions, where on) show the contributed snippets: not twice.
    assert.deepEqual(await typedAt('mj-', undefined), []);
  });
});
