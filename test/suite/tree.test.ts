/**
 * The Mentoring view's Relationships tree inside a real VS Code: items through the extension's
 * TreeDataProvider (api.tree), reveal through the real TreeView, clicks through the real command.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parseJournalFile } from '../../src/core';
import type { MentoringJournalApi } from '../../src/vscode/feature';
import type { JournalNode, RelationshipNode } from '../../src/vscode/tree/items';
import type { RelationshipsTreeApi } from '../../src/vscode/tree/relationshipsTree';
import { getExtension, setUpSuite, TODAY, uri as file, waitFor } from './support';


let api: MentoringJournalApi;
let tree: RelationshipsTreeApi;

const item = (node: JournalNode) => tree.provider.getTreeItem(node);
const label = (node: JournalNode) => String(item(node).label);
const iconOf = (node: JournalNode) => {
  const icon = item(node).iconPath as vscode.ThemeIcon;
  return `${icon.id}/${(icon.color as { id?: string } | undefined)?.id ?? ''}`;
};
/** Children of a node; after the build, no row is pending (every relationship is whole). */
const children = async (node?: JournalNode): Promise<JournalNode[]> => {
  const nodes = (await tree.provider.getChildren(node)) ?? [];
  assert.deepEqual(nodes.filter((n) => n.kind === 'pending').map((n) => n.id), [], 'after the build no relationship is pending');
  return nodes as JournalNode[];
};

async function relationship(label: string): Promise<JournalNode> {
  const roots = await children();
  const found = roots.find((r) => item(r).label === label);
  assert.ok(found, `no relationship "${label}" in ${roots.map((r) => item(r).label).join(', ')}`);
  return found;
}

async function child(parent: JournalNode, title: string): Promise<JournalNode> {
  const found = (await children(parent)).find((c) => label(c) === title);
  assert.ok(found, `no child "${title}" under ${label(parent)}`);
  return found;
}

/** Every node of the tree, depth first, as [id, parent id]. */
async function allNodes(node?: JournalNode): Promise<JournalNode[]> {
  const out: JournalNode[] = [];
  for (const c of await children(node)) out.push(c, ...(await allNodes(c)));
  return out;
}

describe('Mentoring view: the Relationships tree', () => {
  before(async () => {
    api = await setUpSuite();
    tree = api.tree as RelationshipsTreeApi;
    assert.ok(tree?.provider && tree.view, 'activate() returns api.tree with the provider and the view');
    // Reports of the first build are computed in the background, one per turn, once it lets them
    // (rows show "preparing…" until then): these tests look at full rows.
    await waitFor('every relationship to be reported', async () => ((await tree.provider.getChildren()) ?? []).every((n) => n.kind !== 'pending'));
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('lists every relationship of the workspace as "mentor ↔ mentee" with stage, next session and health', async () => {
    const roots = await children();
    assert.deepEqual(roots.map(label), ['Jo Marsh ↔ ?', 'Lee Hamilton ↔ Noor Haddad', 'Priya Raman ↔ Sam Okafor', 'Aiko Tanaka ↔ Daniel Weber']);
    const priya = item(await relationship('Priya Raman ↔ Sam Okafor'));
    assert.equal(priya.description, 'building (stage 2) · next session in 9 days');
    assert.equal(priya.contextValue, 'relationship');
    assert.equal(priya.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    assert.equal(iconOf(await relationship('Priya Raman ↔ Sam Okafor')), 'pass/testing.iconPassed');
    assert.equal(item(await relationship('Aiko Tanaka ↔ Daniel Weber')).description, 'mastery (stage 3) · next session in 16 days');
    const jo = await relationship('Jo Marsh ↔ ?');
    // What needs attention comes first, so that it survives a narrow side bar.
    assert.equal(item(jo).description, 'overdue 76 days · creating (stage 1)');
    // Lee and Noor's partnership ended on 2026-10-30: no due session, the end.
    assert.equal(item(await relationship('Lee Hamilton ↔ Noor Haddad')).description, 'ended 2026-10-30 · building (stage 2)');
    assert.equal(iconOf(jo), 'warning/list.warningForeground');
  });

  it('shows Agreement, Goals, Sessions and Signals under a relationship, with the signature state', async () => {
    const priya = await relationship('Priya Raman ↔ Sam Okafor');
    assert.deepEqual((await children(priya)).map(label), ['Agreement', 'Goals', 'Sessions', 'Signals']);
    assert.deepEqual((await children(priya)).map((c) => item(c).contextValue), ['agreement', 'goals', 'sessions', 'signals']);
    const agreement = await child(priya, 'Agreement');
    assert.equal(item(agreement).description, 'signed');
    assert.equal(iconOf(agreement), 'verified/testing.iconPassed');
    const jo = await child(await relationship('Jo Marsh ↔ ?'), 'Agreement');
    assert.equal(item(jo).description, 'not signed, signed by the mentor only');
    assert.equal(iconOf(jo), 'unverified/list.warningForeground');
    assert.equal(item(await child(priya, 'Signals')).description, 'none');
    assert.equal(item(await child(priya, 'Signals')).collapsibleState, vscode.TreeItemCollapsibleState.None);
  });

  it('shows each goal with a status icon and color, progress and due date, and a Markdown tooltip', async () => {
    const goals = await child(await relationship('Priya Raman ↔ Sam Okafor'), 'Goals');
    assert.equal(item(goals).description, '3');
    const nodes = await children(goals);
    assert.deepEqual(nodes.map((g) => item(g).contextValue), ['goal.achieved', 'goal.proposed', 'goal.active']);
    assert.deepEqual(nodes.map(iconOf), ['pass-filled/testing.iconPassed', 'circle-large-outline/charts.blue', 'play-circle/charts.yellow']);
    const rfc = item(nodes[2]!);
    assert.equal(rfc.label, 'Lead the design RFC for the event-driven billing pipeline');
    assert.equal(rfc.description, '60% · due 2026-12-18 (25 days left)');
    assert.equal(item(nodes[1]!).description, 'no progress yet');
    // The file's URI lets VS Code decorate the item with the file's problems.
    assert.equal(rfc.resourceUri?.toString(), file('journal/priya-and-sam/goals/write-design-rfc.md').toString());
    assert.equal(item(nodes[0]!).description, '100% · due 2026-09-30');
    const tooltip = rfc.tooltip as vscode.MarkdownString;
    assert.ok(tooltip instanceof vscode.MarkdownString, 'the goal tooltip is a MarkdownString');
    assert.match(tooltip.value, /Success criteria: The RFC covers failure modes/);
    assert.match(tooltip.value, /Last discussed: 2026-11-18; 5 sessions/);
    assert.match(tooltip.value, /Status: \*\*active\*\*/);
  });

  it('lists a goal file it cannot read after the goals, so that its goal does not just vanish', async () => {
    const path = 'journal/priya-and-sam/goals/short-video.md';
    await vscode.workspace.fs.writeFile(file(path), new TextEncoder().encode('---\ntype: goal\ntitle: Short video\nstatus: active\n\nNo closing line: the front matter is never closed.\n'));
    await api.service.refreshFile(file(path));
    try {
      const goalsOfPriya = async () => child(await relationship('Priya Raman ↔ Sam Okafor'), 'Goals');
      const unread = await waitFor('the unreadable goal file in the view', async () => (await children(await goalsOfPriya())).find((n) => n.kind === 'unreadGoal'));
      const goals = await goalsOfPriya();
      assert.equal(label(unread), 'short-video.md');
      assert.equal(item(unread).description, 'not readable: see the Problems panel');
      assert.equal(item(unread).contextValue, 'unreadableGoal');
      assert.equal(iconOf(unread), 'warning/list.warningForeground');
      assert.match(String(item(unread).tooltip), /^journal\/priya-and-sam\/goals\/short-video\.md could not be read/);
      assert.equal(item(goals).description, String((await children(goals)).length));
      // Reveal active file finds it.
      await vscode.window.showTextDocument(file(path));
      assert.equal(await vscode.commands.executeCommand<boolean>('mentoringJournal.revealActiveFile'), true);
      await waitFor('the unreadable goal file to be selected', () => tree.view.selection[0]?.kind === 'unreadGoal');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.workspace.fs.delete(file(path));
      await api.service.refreshFile(file(path));
    }
    await waitFor('the file to leave the view', async () => !(await children(await child(await relationship('Priya Raman ↔ Sam Okafor'), 'Goals'))).some((n) => n.kind === 'unreadGoal'));
  });

  it('lists a goal file with a merge conflict once, as an unreadable goal file, not also as a goal', async () => {
    const path = 'journal/priya-and-sam/goals/short-video.md';
    const text = '---\ntype: goal\ntitle: Short video\nstatus: active\n<<<<<<< HEAD\ndue: 2026-10-31\n=======\ndue: 2026-12-31\n>>>>>>> other\n---\n';
    await vscode.workspace.fs.writeFile(file(path), new TextEncoder().encode(text));
    await api.service.refreshFile(file(path));
    try {
      const goalsOfPriya = async () => child(await relationship('Priya Raman ↔ Sam Okafor'), 'Goals');
      const unread = await waitFor('the conflicted goal file in the view', async () => (await children(await goalsOfPriya())).find((n) => n.kind === 'unreadGoal'));
      assert.equal(label(unread), 'short-video.md');
      const goals = await goalsOfPriya();
      const nodes = await children(goals);
      assert.equal(nodes.filter((n) => n.kind === 'unreadGoal').length, 1);
      assert.equal(nodes.some((n) => n.kind === 'goal' && n.goal.source.file === path), false, 'its goal (status unknown) is the unreadGoal node');
      assert.equal(item(goals).description, String(nodes.length));
    } finally {
      await vscode.workspace.fs.delete(file(path));
      await api.service.refreshFile(file(path));
    }
    await waitFor('the file to leave the view', async () => !(await children(await child(await relationship('Priya Raman ↔ Sam Okafor'), 'Goals'))).some((n) => n.kind === 'unreadGoal'));
  });

  it('lists sessions newest first, with the goals discussed and the open actions', async () => {
    const sessions = await child(await relationship('Priya Raman ↔ Sam Okafor'), 'Sessions');
    const nodes = await children(sessions);
    assert.deepEqual(nodes.map(label), ['2026-11-18', '2026-10-21', '2026-09-23', '2026-09-09', '2026-08-26', '2026-07-15', '2026-06-17', '2026-06-03']);
    assert.equal(item(nodes[0]!).description, 'write-design-rfc, review-others-designs · 3 open actions');
    assert.equal(item(nodes[1]!).description, 'write-design-rfc · 0 open actions');
    assert.equal(item(nodes[3]!).description, 'missed · no goals discussed · 0 open actions');
    assert.equal(item(nodes[3]!).contextValue, 'session.missed');
    // A session whose status could not be read (broken YAML, `status: skipped`) is not shown as cancelled.
    const session = nodes[1]!;
    assert.equal(session.kind, 'session');
    const read = (session as Extract<JournalNode, { kind: 'session' }>).session;
    // The session's facts are read lazily through its prototype: only its status differs here.
    const unreadable = { ...session, session: new Proxy(read, { get: (target, key) => (key === 'status' ? 'unknown' : Reflect.get(target, key)) }) };
    assert.equal(item(unreadable).description, 'status not readable · write-design-rfc · 0 open actions');
    assert.equal(iconOf(unreadable), 'question/');
    assert.match(String(item(unreadable).tooltip), /^2026-10-21 \(status not readable: its front matter has an error, or its `status` is not held, missed or cancelled; see the Problems panel/);
  });

  it("shows the model's signals with their advice", async () => {
    // Lee and Noor's partnership ended on 2026-10-30 without a recorded closure.
    const signals = await child(await relationship('Lee Hamilton ↔ Noor Haddad'), 'Signals');
    const nodes = await children(signals);
    const closure = nodes.find((n) => item(n).contextValue === 'signal.closure-due');
    assert.ok(closure, 'a closure-due signal');
    assert.equal(label(closure), 'The partnership ended on 2026-10-30, 24 days ago, and no closure is recorded in the agreement.');
    assert.match(String(item(closure).description), /^Plan a closing conversation/);
    assert.equal(iconOf(closure), 'warning/list.warningForeground');
    assert.match((item(closure).tooltip as vscode.MarkdownString).value, /\*\*Advice:\*\* Plan a closing conversation/);
    assert.equal(item(signals).description, String(nodes.length));

    // Every relationship: one item per signal of the engine's report, in its order, with its advice.
    for (const rel of await children()) {
      const report = (rel as RelationshipNode).entry.report;
      const shown = await children(await child(rel, 'Signals'));
      assert.deepEqual(shown.map((n) => [label(n), item(n).description]), report.signals.map((s) => [s.message, s.advice]), label(rel));
      const icons: Record<string, string> = { error: 'error/list.errorForeground', warning: 'warning/list.warningForeground', info: 'info/charts.blue' };
      assert.deepEqual(shown.map(iconOf), report.signals.map((s) => icons[s.severity]));
    }
  });

  it('opens the file at the right line when an item is clicked', async () => {
    const goals = await children(await child(await relationship('Aiko Tanaka ↔ Daniel Weber'), 'Goals'));
    const audit = item(goals.find((g) => label(g) === 'Audit the settings page with a screen reader')!);
    assert.equal(audit.command?.command, 'mentoringJournal.openItem');
    await vscode.commands.executeCommand(audit.command.command, ...(audit.command.arguments ?? []));
    const editor = await waitFor('the agreement to open', () => {
      const e = vscode.window.activeTextEditor;
      return e?.document.uri.toString() === file('journal/reverse-mentoring/agreement.md').toString() && e;
    });
    // Inline goals live in the agreement's goals: list; this one starts at line 52 (1-based).
    assert.equal(editor.selection.active.line, 51);
    assert.equal(editor.document.lineAt(51).text.trim(), '- id: accessibility-audit');

    const session = item((await children(await child(await relationship('Priya Raman ↔ Sam Okafor'), 'Sessions')))[0]!);
    await vscode.commands.executeCommand(session.command!.command, ...(session.command!.arguments ?? []));
    await waitFor('the session to open', () => vscode.window.activeTextEditor?.document.uri.path.endsWith('priya-and-sam/sessions/2026-11-18.md'));
  });

  it('keeps ids stable and unique across refreshes, and getParent agrees with getChildren', async () => {
    const before = await allNodes();
    const ids = before.map((n) => n.id);
    assert.equal(new Set(ids).size, ids.length, 'ids are unique');
    for (const node of before) {
      const parent = tree.provider.getParent(node);
      const siblings = await children(parent);
      assert.ok(siblings.some((s) => s.id === node.id), `getParent(${node.id}) lists it among its children`);
      assert.equal(item(node).id, node.id);
    }
    await vscode.commands.executeCommand('mentoringJournal.refresh');
    api.setToday(TODAY);
    assert.deepEqual((await allNodes()).map((n) => n.id), ids);
  });

  it('reveals the active file in the view (Reveal active file)', async () => {
    const uri = file('journal/priya-and-sam/goals/write-design-rfc.md');
    await vscode.window.showTextDocument(uri);
    const revealed = await vscode.commands.executeCommand<boolean>('mentoringJournal.revealActiveFile');
    assert.equal(revealed, true);
    await waitFor('the goal to be selected', () => tree.view.selection[0]?.kind === 'goal');
    const selected = tree.view.selection[0] as JournalNode;
    assert.equal(label(selected), 'Lead the design RFC for the event-driven billing pipeline');
    assert.equal(tree.view.visible, true, 'reveal opens the Mentoring view');

    await vscode.window.showTextDocument(file('broken/lee-and-noor/sessions/2026-04-15.md'));
    assert.equal(await vscode.commands.executeCommand<boolean>('mentoringJournal.revealActiveFile'), true);
    await waitFor('the session to be selected', () => tree.view.selection[0]?.id.endsWith('::broken/lee-and-noor/sessions/2026-04-15.md'));
  });

  it('hides closed relationships and achieved goals with the filter, and shows them again', async () => {
    const closed = file('journal/closed-pair/agreement.md');
    const text = [
      '---', 'type: agreement', 'mentor: { name: Ada Byron }', 'mentee: { name: Grace Hopper }', 'format: one-to-one',
      'formality: informal', 'started: 2026-01-05', 'ends: 2026-06-30', 'stage: moving-on',
      'signed: { mentor: 2026-01-05, mentee: 2026-01-05 }', 'closure:', '  date: 2026-06-30', '  outcome: friends', '---', '',
    ].join('\n');
    await vscode.workspace.fs.writeFile(closed, new TextEncoder().encode(text));
    try {
      const pair = await waitFor('the closed relationship to appear', async () => (await children()).find((r) => label(r) === 'Ada Byron ↔ Grace Hopper'));
      assert.equal(item(pair).description, 'moving-on (stage 4) · closed 2026-06-30');
      assert.equal(iconOf(pair), 'archive/descriptionForeground');

      assert.equal(await vscode.commands.executeCommand('mentoringJournal.hideClosed'), true);
      assert.equal(tree.provider.hideClosed, true);
      assert.ok(!(await children()).some((r) => label(r) === 'Ada Byron ↔ Grace Hopper'), 'the closed relationship is hidden');
      const goals = await child(await relationship('Priya Raman ↔ Sam Okafor'), 'Goals');
      assert.deepEqual((await children(goals)).map((g) => item(g).contextValue), ['goal.proposed', 'goal.active']);
      assert.equal(item(goals).description, '2 (1 achieved hidden)');

      assert.equal(await vscode.commands.executeCommand('mentoringJournal.showClosed'), false);
      assert.equal(tree.provider.hideClosed, false);
      assert.ok((await children()).some((r) => label(r) === 'Ada Byron ↔ Grace Hopper'));
      assert.equal((await children(await child(await relationship('Priya Raman ↔ Sam Okafor'), 'Goals'))).length, 3);
    } finally {
      await vscode.commands.executeCommand('mentoringJournal.showClosed');
      await vscode.workspace.fs.delete(file('journal/closed-pair'), { recursive: true });
    }
    await waitFor('the closed relationship to go', async () => !(await children()).some((r) => label(r) === 'Ada Byron ↔ Grace Hopper'));
  });

  it('opens the journal format documentation bundled with the extension in the Markdown preview', async () => {
    const extension = getExtension();
    const docs = vscode.Uri.joinPath(extension.extensionUri, 'docs', 'format.md');
    await vscode.workspace.fs.stat(docs).then(undefined, () => assert.fail(`${docs.path} is not in the installed extension: docs/ must ship with it`));
    const opened = await vscode.commands.executeCommand<vscode.Uri>('mentoringJournal.openFormatDocs');
    assert.equal(opened?.toString(), docs.toString());
    const tabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs);
    const preview = await waitFor('the Markdown preview', () => tabs().find((t) => t.input instanceof vscode.TabInputWebview && t.label.includes('format.md')));
    assert.match(preview.label, /Preview/);
  });

  it('sorts relationships by urgency, remembered for the workspace, and back by name', async () => {
    try {
      assert.equal(await vscode.commands.executeCommand('mentoringJournal.sortByUrgency'), true);
      assert.equal(tree.provider.sortByUrgency, true);
      // Overdue first, then by the days to the next session, a partnership that has ended last.
      assert.deepEqual((await children()).map(label), ['Jo Marsh ↔ ?', 'Priya Raman ↔ Sam Okafor', 'Aiko Tanaka ↔ Daniel Weber', 'Lee Hamilton ↔ Noor Haddad']);
      // As the days pass, the order follows: from 2026-12-17 Aiko and Daniel's next session
      // (2026-12-09) is late too, but less than Jo's, and Priya and Sam's (2026-12-02) more.
      api.setToday('2026-12-17');
      await waitFor('the order of 2026-12-17', async () => (await children()).map(label).join('|') === 'Jo Marsh ↔ ?|Priya Raman ↔ Sam Okafor|Aiko Tanaka ↔ Daniel Weber|Lee Hamilton ↔ Noor Haddad');
      assert.match(String(item((await children())[2]!).description), /^overdue 8 days · mastery/);
    } finally {
      api.setToday(TODAY);
      assert.equal(await vscode.commands.executeCommand('mentoringJournal.sortByName'), false);
    }
    assert.equal(tree.provider.sortByUrgency, false);
    assert.deepEqual((await children()).map(label), ['Jo Marsh ↔ ?', 'Lee Hamilton ↔ Noor Haddad', 'Priya Raman ↔ Sam Okafor', 'Aiko Tanaka ↔ Daniel Weber']);
  });

  it('does not shake while a date is typed one character at a time: the last good facts stay, marked stale', async () => {
    const uri = file('journal/priya-and-sam/sessions/2026-11-18.md');
    const editor = await vscode.window.showTextDocument(uri, { preview: false });
    const doc = editor.document;
    const located = api.service.locate(uri)!;
    /** Waits until the index holds the editor's text as it is now (its problems are those of this text). */
    const taken = () => waitFor(`the index to take "${doc.lineAt(2).text}"`, () =>
      JSON.stringify(located.root.index.file(located.path)?.problems) === JSON.stringify(parseJournalFile(located.path, doc.getText(), located.root.options).problems));
    const look = async () => {
      const rel = await relationship('Priya Raman ↔ Sam Okafor');
      const sessions = await child(rel, 'Sessions');
      return {
        relationship: item(rel).description,
        sessions: item(sessions).description,
        rows: (await children(sessions)).map((s) => label(s)),
        goals: (await children(await child(rel, 'Goals'))).map((g) => String(item(g).description)),
        signals: (await children(await child(rel, 'Signals'))).map(label),
      };
    };
    const before = await look();
    const line = doc.getText().split('\n').indexOf('date: 2026-11-18');
    assert.equal(line, 2);
    const value = () => new vscode.Range(line, 6, line, doc.lineAt(line).text.length);
    const newest = async () => item((await children(await child(await relationship('Priya Raman ↔ Sam Okafor'), 'Sessions')))[0]!);
    try {
      // Select the date, then type over it: 2, 20, 202, ... 2026-11-31 (no such day), back to 2026-11-1, 2026-11-18.
      const keys = [...'2026-11-31'].map((c) => (b: vscode.TextEditorEdit) => b.insert(doc.lineAt(line).range.end, c));
      const steps = [(b: vscode.TextEditorEdit) => b.delete(value()), ...keys,
        (b: vscode.TextEditorEdit) => b.delete(new vscode.Range(line, doc.lineAt(line).text.length - 1, line, doc.lineAt(line).text.length)),
        (b: vscode.TextEditorEdit) => b.delete(new vscode.Range(line, doc.lineAt(line).text.length - 1, line, doc.lineAt(line).text.length)),
        (b: vscode.TextEditorEdit) => b.insert(doc.lineAt(line).range.end, '1'),
        (b: vscode.TextEditorEdit) => b.insert(doc.lineAt(line).range.end, '8')];
      for (const step of steps) {
        assert.ok(await editor.edit(step));
        await taken();
        const typed: string = doc.lineAt(line).text;
        assert.deepEqual(await look(), before, `"${typed}": the tree and the signals are as before`);
        const stale = !!located.root.index.file(located.path)?.stale;
        assert.equal(stale, typed !== 'date: 2026-11-18', `"${typed}": stale exactly while the date is not a date`);
        assert.equal(String((await newest()).description).startsWith('stale · '), stale, `"${typed}": the session says it is stale`);
      }
      assert.equal(doc.lineAt(line).text, 'date: 2026-11-18');
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  it('follows edits in an open document as the user types, before saving', async () => {
    // The latest session's `progress:` is where the goal's progress comes from.
    const uri = file('journal/priya-and-sam/sessions/2026-11-18.md');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const line = doc.getText().split('\n').findIndex((l) => l.startsWith('  write-design-rfc: 60'));
    assert.ok(line > 0, 'the session records progress 60');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, doc.lineAt(line).range, '  write-design-rfc: 85');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const rfc = async () => (await children(await child(await relationship('Priya Raman ↔ Sam Okafor'), 'Goals'))).find((g) => item(g).contextValue === 'goal.active');
    try {
      await waitFor('the tree to show 85%', async () => String(item((await rfc())!).description).startsWith('85%'));
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await waitFor('the tree to show 60% again', async () => String(item((await rfc())!).description).startsWith('60%'));
  });
});
