/**
 * The first build of a journal, progressively: relationships are listed as soon as their
 * agreements are read, each fills in (tree row, diagnostics) once its own files are read, and
 * the view shows progress meanwhile. Driven by a reader that holds back the files of chosen
 * relationships until the test lets them through; nothing here depends on how fast anything is.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MentoringJournalApi } from '../../src/vscode/feature';
import type { JournalNode, ViewNode } from '../../src/vscode/tree/items';
import { VIEW_ID, type RelationshipsTreeApi } from '../../src/vscode/tree/relationshipsTree';
import type { UriReader } from '../../src/vscode/workspaceFileSystem';
import { BROKEN_PROBLEMS, codeOf, journalDiagnostics, setUpSuite, TODAY, waitFor } from './support';

let api: MentoringJournalApi;
let tree: RelationshipsTreeApi;

const HELD = ['broken/lee-and-noor', 'journal/priya-and-sam', 'journal/reverse-mentoring'] as const;
const SEVERITY = ['error', 'warning', 'info', 'hint'];
const problemsOf = (path: string) =>
  journalDiagnostics(path).map((d) => `${codeOf(d)} ${SEVERITY[d.severity]} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`);
const rows = async () => (await tree.provider.getChildren()) ?? [];
const describeRow = (node: ViewNode) => {
  const item = tree.provider.getTreeItem(node);
  return { kind: node.kind, label: String(item.label), description: String(item.description), icon: (item.iconPath as vscode.ThemeIcon).id };
};

/** `vscode.workspace.fs`, except that reads of files (not agreements) below a held folder wait for its release. */
function holdingReader(gates: Map<string, Promise<void>>, started: Set<string>): UriReader {
  const base = vscode.workspace.workspaceFolders![0]!.uri.path;
  const heldBy = (u: vscode.Uri) => HELD.find((folder) => u.path.startsWith(`${base}/${folder}/`) && !u.path.endsWith('/agreement.md'));
  return {
    async readFile(u) {
      const folder = heldBy(u);
      if (folder) {
        started.add(folder);
        await gates.get(folder);
      }
      return vscode.workspace.fs.readFile(u);
    },
    async readDirectory(u) {
      return (await vscode.workspace.fs.readDirectory(u)).map(([name, type]) => [name, type === vscode.FileType.Directory ? 'directory' : type === vscode.FileType.File ? 'file' : 'other']);
    },
    async stat(u) {
      const stat = await vscode.workspace.fs.stat(u);
      return { size: stat.size, mtime: stat.mtime };
    },
  };
}

/** Records every text given to `view.message` (as a string, or undefined for none), until the returned function is called. */
function spyOnMessage(view: vscode.TreeView<unknown>, texts: Array<string | undefined>): () => void {
  const own = Object.getOwnPropertyDescriptor(view, 'message');
  assert.ok(own?.set && own.get && own.configurable, 'the view has a message property to watch');
  Object.defineProperty(view, 'message', {
    configurable: true,
    get: own.get,
    set(value: string | vscode.MarkdownString | undefined) {
      texts.push(typeof value === 'string' || value === undefined ? value || undefined : value.value);
      own.set!.call(view, value);
    },
  });
  return () => Object.defineProperty(view, 'message', own);
}

describe('The first build, progressively', () => {
  before(async () => {
    api = await setUpSuite();
    tree = api.tree as RelationshipsTreeApi;
  });

  after(async () => {
    api.service.setReader(undefined);
    await api.service.rebuild();
    api.setToday(TODAY);
  });

  it('lists relationships before their sessions are read, fills each in as it is read, and ends exact', async function () {
    this.timeout(60_000);
    // What a build in one go shows, from the files as they are now (earlier suites add and remove fixtures).
    await api.service.rebuild();
    const whole = (await rows()).map(describeRow);
    assert.ok(whole.every((r) => r.kind === 'relationship'));
    const release = new Map<string, () => void>();
    const gates = new Map(HELD.map((folder) => [folder, new Promise<void>((resolve) => release.set(folder, resolve))]));
    const started = new Set<string>();
    let lastRows = 0;
    // Every text the view's message is given: VS Code sends each assignment to the window, even of the text it has.
    const messages: Array<string | undefined> = [];
    const restoreMessage = spyOnMessage(tree.view, messages);
    api.service.setReader(() => holdingReader(gates, started));
    const build = api.service.rebuild({ progressive: true });
    // The view may first ask after the agreements are read: then it is answered at once, not when
    // the (held) build ends.
    await waitFor('the relationships to be listed, before the view asks', () => api.service.relationships().length === whole.length && started.has('broken/lee-and-noor'));
    assert.equal(await Promise.race([api.service.listed().then(() => 'listed'), new Promise((resolve) => setTimeout(() => resolve('still waiting'), 2000))]), 'listed');

    // Listed at once: Jo's relationship has only its agreement and is whole; the others wait for their files.
    await waitFor(() => `the relationships to be listed (rows ${lastRows} of ${whole.length}; files of ${[...started].join(', ') || 'none'} asked for; the build in one go listed ${whole.map((r) => r.label).join(', ')})`, async () => (lastRows = (await rows()).length) &&  (await rows()).length === whole.length && started.has('broken/lee-and-noor'));
    // Jo's relationship is whole at once (an agreement alone); its report is computed while the
    // build waits for the held files, so it fills in without waiting for them.
    await waitFor('the whole relationship to fill in while the others wait', async () => (await rows())[0]?.kind === 'relationship');
    assert.equal(api.service.reading, true);
    const early = (await rows()).map(describeRow);
    assert.deepEqual(early.map((r) => r.label), whole.map((r) => r.label), 'the same relationships, in the order by name');
    assert.deepEqual(early.map((r) => r.kind), ['relationship', 'pending', 'pending', 'pending']);
    assert.deepEqual(early[0], whole[0]);
    const priya = early.find((r) => r.label === 'Priya Raman ↔ Sam Okafor')!;
    assert.deepEqual(priya, { kind: 'pending', label: 'Priya Raman ↔ Sam Okafor', description: 'building (stage 2) · reading sessions…', icon: 'loading~spin' });
    assert.equal(tree.view.message, 'Reading the journal: 1 of 4 relationships read');
    // Diagnostics: the whole relationship's are there, none of a relationship not read yet.
    assert.deepEqual(problemsOf('broken/jo-and-ravi/agreement.md'), BROKEN_PROBLEMS['broken/jo-and-ravi/agreement.md']);
    assert.deepEqual(problemsOf('broken/lee-and-noor/sessions/2026-03-04.md'), []);
    assert.deepEqual(problemsOf('broken/stray-session.md'), []);

    // Opening a relationship before its files are read waits for them.
    const priyaNode = (await rows()).find((n) => describeRow(n).label === priya.label)!;
    const priyaChildren = tree.provider.getChildren(priyaNode);

    release.get('broken/lee-and-noor')!();
    await waitFor('Lee and Noor to be read', async () => (await rows()).filter((n) => n.kind === 'relationship').length === 2);
    for (const [path, expected] of Object.entries(BROKEN_PROBLEMS)) {
      if (path.startsWith('broken/lee-and-noor/')) await waitFor(`the problems of ${path}`, () => JSON.stringify(problemsOf(path)) === JSON.stringify(expected));
    }
    assert.deepEqual(problemsOf('broken/stray-session.md'), [], 'files outside every relationship come last');
    assert.equal(tree.view.message, 'Reading the journal: 2 of 4 relationships read');
    assert.equal(api.service.reading, true);

    for (const folder of HELD) release.get(folder)!();
    await build;
    assert.equal(api.service.reading, false);
    // The last reports may still be computed in the background: the rows end as a build in one go shows them.
    await waitFor('every row filled in', async () => (await rows()).every((r) => r.kind === 'relationship'));
    assert.deepEqual((await rows()).map(describeRow), whole, 'the rows end as a build in one go shows them');
    assert.equal(tree.view.message, undefined);
    restoreMessage();
    assert.deepEqual(messages.filter((text, i) => text === (i === 0 ? undefined : messages[i - 1])), [], `the message was only given new texts: ${JSON.stringify(messages)}`);
    assert.ok(messages.includes('Reading the journal: 1 of 4 relationships read') && messages.at(-1) === undefined, JSON.stringify(messages));
    const children = ((await priyaChildren) ?? []) as JournalNode[];
    assert.deepEqual(children.map((c) => String(tree.provider.getTreeItem(c).label)), ['Agreement', 'Goals', 'Sessions', 'Signals']);
    for (const [path, expected] of Object.entries(BROKEN_PROBLEMS)) await waitFor(`the problems of ${path}`, () => JSON.stringify(problemsOf(path)) === JSON.stringify(expected));
    assert.deepEqual(problemsOf('journal/priya-and-sam/sessions/2026-11-18.md'), []);
  });

  it('with the view shown, answers its rows before it reads any file but the agreements, or announces the listing', async function () {
    this.timeout(60_000);
    await vscode.commands.executeCommand(`${VIEW_ID}.focus`);
    await waitFor('the Relationships view to be shown', () => tree.view.visible);
    let answers = 0;
    const getChildren = tree.provider.getChildren.bind(tree.provider);
    tree.provider.getChildren = async (node) => {
      const rows = await getChildren(node);
      if (!node) answers++;
      return rows;
    };
    const answersAtFirstRead: number[] = [];
    // The listing is announced (onDidChange: the status bar, the walkthrough, the Actions view)
    // only once the view has its rows.
    const answersAtFirstChange: number[] = [];
    const listening = api.service.onDidChange(() => {
      if (answersAtFirstChange.length === 0) answersAtFirstChange.push(answers);
    });
    try {
      const plain = holdingReader(new Map(), new Set());
      // The first look at a file that is not an agreement (its size, then its bytes).
      const noting = (u: vscode.Uri) => {
        if (!u.path.endsWith('/agreement.md') && answersAtFirstRead.length === 0) answersAtFirstRead.push(answers);
      };
      api.service.setReader(() => ({
        ...plain,
        readFile: (u) => (noting(u), plain.readFile(u)),
        stat: (u) => (noting(u), plain.stat(u)),
      }));
      const before = answers;
      // The order, not the time-out: however slow the window, the build waits for the rows (the
      // view was shown with rows of the build before; the tree has it ask again).
      api.service.setListingHoldLimit(600_000);
      await api.service.rebuild({ progressive: true });
      assert.ok(answersAtFirstRead.length === 1, 'sessions and goals were read');
      assert.ok(answersAtFirstRead[0]! > before, `the view's rows were answered (${answers - before} times in all) before the first session or goal was read`);
      assert.ok(answersAtFirstChange.length === 1 && answersAtFirstChange[0]! > before, `the view's rows were answered before the listing was announced (${answersAtFirstChange[0]! - before} answers then)`);
    } finally {
      api.service.setListingHoldLimit(undefined);
      listening.dispose();
      delete (tree.provider as { getChildren?: unknown }).getChildren;
    }
    await waitFor('every row filled in', async () => (await rows()).every((r) => r.kind === 'relationship'));
  });

  it('does not wait for the rows of a view that is not shown', async function () {
    this.timeout(60_000);
    await vscode.commands.executeCommand('workbench.view.explorer');
    await waitFor('the Relationships view to be hidden', () => !tree.view.visible);
    // Held for as long as the test may run, were it to wait for rows that no view asks for.
    api.service.setListingHoldLimit(600_000);
    try {
      await api.service.rebuild({ progressive: true });
      assert.equal(api.service.reading, false);
    } finally {
      api.service.setListingHoldLimit(undefined);
    }
  });

  it('reads on after a moment when what holds it after the listing never settles', async function () {
    this.timeout(60_000);
    const held = api.service.holdAfterListing(() => new Promise(() => undefined));
    try {
      await api.service.rebuild({ progressive: true });
      assert.equal(api.service.reading, false);
      assert.ok(api.service.relationships().every(({ root, relationship }) => root.index.isComplete(relationship.id)));
    } finally {
      held.dispose();
    }
  });
});
