/**
 * The session key `pulse` inside a real VS Code: completion offers it with its description, and
 * hover on it says what it means, like every key of the schema.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MentoringJournalApi } from '../../src/vscode/feature';
import { removeFixture, setUpSuite, uri, waitFor } from './support';

const SCRATCH = 'scratch-pulse';
let api: MentoringJournalApi;

/** Writes `text` at `path` in the scratch relationship and opens it once the index has it. */
async function open(path: string, text: string): Promise<vscode.TextDocument> {
  const file = `${SCRATCH}/${path}`;
  await vscode.workspace.fs.writeFile(uri(file), new TextEncoder().encode(text));
  await api.service.refreshFile(uri(file));
  await waitFor(`${file} in the index`, () => api.service.allRoots().some((r) => r.index.file(file)));
  return vscode.workspace.openTextDocument(uri(file));
}

describe('Session key pulse', () => {
  before(async () => {
    api = await setUpSuite();
    const agreement = '---\ntype: agreement\nmentor: Priya\nmentee: Sam\nstarted: 2026-11-01\nends: 2027-04-30\ncadence: biweekly\nstage: creating\n---\n';
    await open('agreement.md', agreement);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await removeFixture(SCRATCH);
  });

  it('completion offers pulse with its description', async () => {
    const doc = await open('sessions/2026-11-20.md', '---\ntype: session\ndate: 2026-11-20\n\n---\n');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(3, 0));
    const item = list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'pulse' && i.kind === vscode.CompletionItemKind.Property);
    assert.ok(item, 'pulse is offered');
    assert.equal(item.detail, '{mentor: 1-5, mentee: 1-5}');
    const doc_ = typeof item.documentation === 'string' ? item.documentation : item.documentation?.value ?? '';
    assert.match(doc_, /How each partner felt the relationship went in this session, 1-5 \(5 best\)/);
    assert.equal(item.insertText, 'pulse: ');
  });

  it('hover on pulse says what it means, and a bad value is a diagnostic at the value', async () => {
    const doc = await open('sessions/2026-11-21.md', '---\ntype: session\ndate: 2026-11-21\npulse: {mentor: 4, mentee: 7}\n---\n');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(3, 2));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /\*\*pulse\*\*/);
    assert.match(text, /Expects: \{mentor: 1-5, mentee: 1-5\}/);
    const diagnostics = await waitFor('the pulse diagnostic', () => vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'mentoring-journal' && /pulse\.mentee/.test(d.message)));
    assert.equal(diagnostics.length, 1);
    assert.deepEqual([diagnostics[0]!.range.start.line, diagnostics[0]!.range.start.character, diagnostics[0]!.range.end.character], [3, 27, 28]);
  });
});
