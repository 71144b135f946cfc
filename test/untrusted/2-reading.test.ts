/**
 * What Mentoring Journal promises in an untrusted workspace ("only reads: the view, diagnostics,
 * completion and hover work"), checked in a window VS Code keeps in Restricted Mode: diagnostics
 * of the broken example journal, the Mentoring tree, hover, completion, and the Review goals
 * panel (with its Save button disabled). Nothing is written to disk: completion works on an
 * unsaved change in the editor, reverted afterwards.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MentoringJournalApi } from '../../src/vscode/feature';
import type { ReviewPanelApi } from '../../src/vscode/review/panel';
import type { JournalNode } from '../../src/vscode/tree/items';
import type { RelationshipsTreeApi } from '../../src/vscode/tree/relationshipsTree';
import { BROKEN_PROBLEMS, diagnosticCodes, setUpSuite, TODAY, uri, waitFor } from '../suite/support';
import { waitForWorkbench } from './workbench';

const PRIYA = 'journal/priya-and-sam';

/** The rule codes of examples/broken (its README's table), per file. */
const BROKEN: Record<string, string[]> = Object.fromEntries(Object.entries(BROKEN_PROBLEMS).map(([path, problems]) => [path, problems.map((p) => p.split(' ')[0]!)]));

let api: MentoringJournalApi;
let tree: RelationshipsTreeApi;

const codes = diagnosticCodes;
const item = (node: JournalNode) => tree.provider.getTreeItem(node);
const children = async (node?: JournalNode): Promise<JournalNode[]> => {
  const nodes = (await tree.provider.getChildren(node)) ?? [];
  assert.deepEqual(nodes.filter((n) => n.kind === 'pending').map((n) => n.id), [], 'after the build no relationship is pending');
  return nodes as JournalNode[];
};
const labelOf = (i: vscode.CompletionItem) => (typeof i.label === 'string' ? i.label : i.label.label);

describe('Reading features in Restricted Mode', function () {
  // Generous: activation and the workbench are slower on a busy 2-core machine.
  this.timeout(60_000);

  before(async () => {
    api = await setUpSuite();
    tree = api.tree as RelationshipsTreeApi;
    assert.ok(tree?.provider, 'activate() returns api.tree');
  });

  after(async () => {
    api.setToday(TODAY);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('offers the quick fixes that edit the open file, not the one that writes a new goal file', async () => {
    const doc = await vscode.workspace.openTextDocument(uri('broken/lee-and-noor/sessions/2026-03-04.md'));
    const at = new vscode.Position(4, 8);
    const titles = await waitFor('the quick fixes of the unknown goal id', async () => {
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(at, at), vscode.CodeActionKind.QuickFix.value);
      const mine = (actions ?? []).map((a) => a.title).filter((t) => /goal/.test(t));
      return mine.length > 0 && mine;
    });
    assert.ok(titles.some((t) => t.startsWith('Did you mean `design-review`')), titles.join(' | '));
    assert.ok(!titles.some((t) => t.startsWith('Create goal')), titles.join(' | '));
  });

  it('reports the problems of every broken example file through vscode.languages.getDiagnostics', async () => {
    await waitFor(() => `the diagnostics of examples/broken (${Object.keys(BROKEN).map((p) => `${p}: ${codes(p).join(', ') || 'none'}`).join('; ')})`,
      () => Object.entries(BROKEN).every(([path, expected]) => expected.every((code) => codes(path).includes(code))), 20000);
    for (const [path, expected] of Object.entries(BROKEN)) assert.deepEqual([...codes(path)].sort(), [...expected].sort(), path);
    assert.deepEqual(codes(`${PRIYA}/agreement.md`), [], 'the valid example has none');
  });

  it('lists the relationships and their goals in the Mentoring tree', async () => {
    assert.ok(tree.view, 'the tree view is registered');
    const roots = await children();
    assert.deepEqual(roots.map((r) => String(item(r).label)),
      ['Jo Marsh ↔ ?', 'Lee Hamilton ↔ Noor Haddad', 'Priya Raman ↔ Sam Okafor', 'Aiko Tanaka ↔ Daniel Weber']);
    const priya = roots.find((r) => item(r).label === 'Priya Raman ↔ Sam Okafor')!;
    assert.equal(item(priya).description, 'building (stage 2) · next session in 9 days');
    const groups = await children(priya);
    assert.deepEqual(groups.map((g) => String(item(g).label)), ['Agreement', 'Goals', 'Sessions', 'Signals']);
    const goals = await children(groups.find((g) => item(g).label === 'Goals'));
    assert.deepEqual(goals.map((g) => item(g).contextValue), ['goal.achieved', 'goal.proposed', 'goal.active']);
    assert.equal(item(goals[2]!).label, 'Lead the design RFC for the event-driven billing pipeline');
    assert.equal(item(goals[2]!).description, '60% · due 2026-12-18 (25 days left)');
    const sessions = await children(groups.find((g) => item(g).label === 'Sessions'));
    assert.equal(sessions.length, 8);
  });

  it('shows the goal on hover over a goal id', async () => {
    const doc = await vscode.workspace.openTextDocument(uri(`${PRIYA}/sessions/2026-11-18.md`));
    const at = doc.getText().indexOf('goals: [write-design-rfc') + 9;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(at));
    const text = (hovers ?? []).flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n').replace(/\\([\\`*_{}[\]()#+\-.!|<>'])/g, '$1');
    assert.ok(text.includes('**Lead the design RFC for the event-driven billing pipeline**'), text);
    assert.match(text, /Status: \*\*active\*\*/);
  });

  it('completes enum values and goal ids (on an unsaved change, reverted)', async () => {
    const path = `${PRIYA}/sessions/2026-11-18.md`;
    const editor = await vscode.window.showTextDocument(uri(path), { preview: false });
    const doc = editor.document;
    const complete = async (offset: number) => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, doc.positionAt(offset));
      const ours = [vscode.CompletionItemKind.Property, vscode.CompletionItemKind.EnumMember, vscode.CompletionItemKind.Reference];
      return list.items.filter((i) => i.kind !== undefined && ours.includes(i.kind) && i.detail !== undefined).map(labelOf);
    };
    try {
      const end = doc.getText().indexOf('\n---\n', 4);
      assert.ok(await editor.edit((b) => b.insert(doc.positionAt(end), '\nstatus: ')));
      assert.deepEqual(await complete(end + '\nstatus: '.length), ['held', 'cancelled', 'missed']);
      const bodyEnd = doc.getText().length;
      assert.ok(await editor.edit((b) => b.insert(doc.positionAt(bodyEnd), '\nWe talked about [[')));
      const ids = await complete(doc.getText().length);
      assert.deepEqual(ids.sort(), ['capacity-planning', 'review-others-designs', 'write-design-rfc']);
    } finally {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    assert.equal(doc.isDirty, false, 'the change is reverted, never saved');
  });

  it('opens Review goals in a webview panel, with Save disabled', async () => {
    assert.equal(await vscode.commands.executeCommand('mentoringJournal.reviewGoals', { relationship: PRIYA }), PRIYA);
    const current = (api.reviewPanel as ReviewPanelApi).current();
    assert.equal(current?.relationship, PRIYA);
    assert.equal(current?.title, 'Review: Priya Raman ↔ Sam Okafor');
    assert.match(current!.html, /<table id="goals-table">/);
    assert.match(current!.html, /<tr data-goal="write-design-rfc">/);
    assert.match(current!.html, /<button id="save" type="button" disabled/);
    assert.match(current!.html, /Saving is disabled in an untrusted workspace\./);
    // The panel is really there: an editor tab and a webview in the workbench.
    await waitForWorkbench('the Review panel\'s tab', '.tabs-container .tab', (e) => e.some((t) => t.label.startsWith('Review: Priya Raman ↔ Sam Okafor')));
    await waitForWorkbench('the Review panel\'s webview', 'iframe.webview.ready', (e) => e.length > 0);
  });
});
