/**
 * The git history inside a real VS Code, through the built-in git extension: a journal repository
 * made in the workspace (two authors, set dates, a goal moved from the agreement into its own file
 * and its due date moved twice, six sessions committed by one partner) shows its history in the
 * goal hover, the tree tooltip, the Signals node and the Review panel. The example journal, which
 * is in no repository, shows none of it.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import { JournalIndex, MemoryFileSystem } from '../../src/core';
import type { MentoringJournalApi } from '../../src/vscode/feature';
import type { JournalNode } from '../../src/vscode/tree/items';
import type { RelationshipsTreeApi } from '../../src/vscode/tree/relationshipsTree';
import { removeFixture, setUpSuite, TODAY, uri, waitFor } from './support';

const FOLDER = 'git-journal';
const REL = `${FOLDER}/p`;
const PRIYA = { name: 'Priya Raman', email: 'priya@example.org' };
const SAM = { name: 'Sam Lee', email: 'sam@home.example' };
const HISTORY = 'due moved twice: 2026-06-30 → 2026-08-31 → 2026-10-31';

const agreement = (goals: string) =>
  `---\ntype: agreement\nmentor: {name: Priya Raman, email: priya@example.org}\nmentee: Sam Lee\nstarted: 2026-01-01\nends: 2027-06-30\ncadence: monthly\nstage: building\nsigned: {mentor: 2026-01-02, mentee: 2026-01-02}\n${goals}---\n`;
const inline = (due: string) => `goals:\n  - id: write-rfc\n    title: Write an RFC\n    status: active\n    success: Accepted at the architecture review\n    due: ${due}\n`;
const goalFile = (due: string) => `---\ntype: goal\ntitle: Write an RFC\nstatus: active\nsuccess: Accepted at the architecture review\ndue: ${due}\n---\n`;
const session = (date: string) => `---\ntype: session\ndate: ${date}\ngoals: [write-rfc]\n---\n\n## Notes\n\nTalked about [[write-rfc]].\n`;

/** Writes files into the repository folder and commits them as `author` on `date`. */
async function commit(author: { name: string; email: string }, date: string, files: Record<string, string>): Promise<void> {
  for (const [path, text] of Object.entries(files)) await vscode.workspace.fs.writeFile(uri(`${FOLDER}/${path}`), new TextEncoder().encode(text));
  const cwd = uri(FOLDER).fsPath;
  const stamp = `${date}T12:00:00+00:00`;
  const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_AUTHOR_NAME: author.name, GIT_AUTHOR_EMAIL: author.email, GIT_COMMITTER_NAME: author.name, GIT_COMMITTER_EMAIL: author.email, GIT_AUTHOR_DATE: stamp, GIT_COMMITTER_DATE: stamp };
  execFileSync('git', ['add', '-A'], { cwd, env });
  execFileSync('git', ['-c', 'commit.gpgsign=false', 'commit', '-q', '-m', `journal of ${date}`], { cwd, env });
}

async function hoverText(path: string, needle: string): Promise<string> {
  const doc = await vscode.workspace.openTextDocument(uri(path));
  const at = doc.getText().indexOf(needle);
  assert.ok(at >= 0, `${needle} in ${path}`);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(at + 3));
  return (hovers ?? []).flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n').replace(/\\([\\`*_{}[\]()#+\-.!|<>'])/g, '$1');
}

describe('Git history through the git extension', function () {
  this.timeout(120_000);
  let api: MentoringJournalApi;
  let tree: RelationshipsTreeApi;
  // Rows still being read (kind 'pending') are left out: the waits below retry until the relationship is whole.
  const children = async (node?: JournalNode): Promise<JournalNode[]> => ((await tree.provider.getChildren(node)) ?? []).filter((n): n is JournalNode => n.kind !== 'pending');
  const item = (node: JournalNode) => tree.provider.getTreeItem(node);

  before(async function () {
    api = await setUpSuite();
    tree = api.tree as RelationshipsTreeApi;
    const git = vscode.extensions.getExtension('vscode.git');
    assert.ok(git, 'the built-in git extension is in the test host');
    // The test profile turns git off (scripts/vscode-test/host.mjs, USER_SETTINGS): on for this suite only.
    await vscode.workspace.getConfiguration('git').update('enabled', true, vscode.ConfigurationTarget.Global);
    await vscode.workspace.fs.createDirectory(uri(FOLDER));
    execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: uri(FOLDER).fsPath });
    await commit(PRIYA, '2026-01-05', { 'p/agreement.md': agreement(inline('2026-06-30')) });
    await commit(PRIYA, '2026-03-01', { 'p/agreement.md': agreement(inline('2026-08-31')) });
    await vscode.workspace.fs.delete(uri(`${FOLDER}/p/agreement.md`));
    await commit(SAM, '2026-04-01', { 'p/agreement.md': agreement(''), 'p/goals/write-rfc.md': goalFile('2026-08-31') });
    await commit(PRIYA, '2026-06-01', { 'p/goals/write-rfc.md': goalFile('2026-10-31') });
    for (const date of ['2026-06-10', '2026-07-10', '2026-08-10', '2026-09-10', '2026-10-10', '2026-11-10']) await commit(PRIYA, date, { [`p/sessions/${date}.md`]: session(date) });
    // The git extension finds repositories in new subfolders on its own schedule: open it now
    // (its commands exist once it is active; the product itself activates it only when reading).
    await git.activate();
    await waitFor('the git extension enabled', () => (git.exports as { enabled?: boolean }).enabled === true, 30_000);
    await waitFor('the command git.openRepository', async () => (await vscode.commands.getCommands(true)).includes('git.openRepository'), 30_000);
    await vscode.commands.executeCommand('git.openRepository', uri(FOLDER).fsPath);
    await waitFor('the journal repository in the index', async () => {
      for (const [name] of await vscode.workspace.fs.readDirectory(uri(`${FOLDER}/p/sessions`))) await api.service.refreshFile(uri(`${FOLDER}/p/sessions/${name}`));
      await api.service.refreshFile(uri(`${FOLDER}/p/agreement.md`));
      await api.service.refreshFile(uri(`${FOLDER}/p/goals/write-rfc.md`));
      return api.service.relationships().find((r) => r.relationship.id === REL)?.relationship.sessions.length === 6;
    });
    const history = await waitFor('the history read through the git extension', async () => {
      const entry = api.service.relationships().find((r) => r.relationship.id === REL)!;
      return api.gitHistory.load(entry.root, entry.relationship);
    }, 60_000);
    assert.deepEqual(history.goals['write-rfc']?.filter((c) => c.field === 'due').map((c) => [c.from ?? null, c.to, c.date, c.author.name]), [
      [null, '2026-06-30', '2026-01-05', 'Priya Raman'],
      ['2026-06-30', '2026-08-31', '2026-03-01', 'Priya Raman'],
      ['2026-08-31', '2026-10-31', '2026-06-01', 'Priya Raman'],
    ]);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await removeFixture(FOLDER);
    await vscode.workspace.getConfiguration('git').update('enabled', false, vscode.ConfigurationTarget.Global);
    api.setToday(TODAY);
  });

  it('the goal hover shows how the due date moved', async () => {
    const text = await hoverText(`${REL}/sessions/2026-11-10.md`, '[[write-rfc]]');
    assert.ok(text.includes(`History: ${HISTORY}`), text);
  });

  it('the tree shows it in the goal tooltip, and the Signals node has goal-due-slipped and notes-one-sided', async () => {
    const rel = await waitFor('the relationship in the tree', async () => (await children()).find((n) => String(item(n).label) === 'Priya Raman ↔ Sam Lee'));
    const tooltip = await waitFor('the goal tooltip with its history', async () => {
      const goals = (await children(rel)).find((n) => String(item(n).label) === 'Goals')!;
      const goal = (await children(goals)).find((n) => String(item(n).label) === 'Write an RFC')!;
      const tip = (item(goal).tooltip as vscode.MarkdownString).value.replace(/\\([-.])/g, '$1');
      return tip.includes(`History: ${HISTORY}`) && tip;
    });
    assert.ok(tooltip);
    const signals = (await children(rel)).find((n) => String(item(n).label) === 'Signals')!;
    const codes = (await children(signals)).map((n) => (n.kind === 'signal' ? n.signal.code : ''));
    assert.ok(codes.includes('goal-due-slipped') && codes.includes('notes-one-sided'), codes.join(', '));
  });

  it('the Review panel has a History part', async () => {
    assert.equal(await vscode.commands.executeCommand('mentoringJournal.reviewGoals', { relationship: REL }), REL);
    const html = await waitFor('the History part', () => api.reviewPanel?.current()?.html.includes('<h2>History (from git)</h2>') && api.reviewPanel.current()!.html);
    assert.ok(html.includes(HISTORY), 'the due history');
    assert.match(html, /Notes of 6 held sessions first committed by: Priya Raman 6, Sam Lee 0/);
  });

  it('a journal in no repository shows none of it', async () => {
    const entry = api.service.relationships().find((r) => r.relationship.id === 'journal/priya-and-sam')!;
    assert.equal(await api.gitHistory.load(entry.root, entry.relationship), undefined);
    const text = await hoverText('journal/priya-and-sam/sessions/2026-11-18.md', '[write-design-rfc');
    assert.match(text, /Status: \*\*active\*\*/);
    assert.doesNotMatch(text, /History/);
  });

  it('a shallow clone gives no history (its oldest commit looks as if it added every file)', async () => {
    const SHALLOW = 'git-journal-shallow';
    execFileSync('git', ['clone', '-q', '--depth', '2', `file://${uri(FOLDER).fsPath}`, uri(SHALLOW).fsPath]);
    try {
      await vscode.commands.executeCommand('git.openRepository', uri(SHALLOW).fsPath);
      // The git extension has the clone: what follows is the product's choice, not a missing repository.
      const gitApi = (vscode.extensions.getExtension('vscode.git')!.exports as { getAPI(v: 1): { getRepository(u: vscode.Uri): unknown } }).getAPI(1);
      await waitFor('the git extension to open the shallow clone', () => !!gitApi.getRepository(uri(`${SHALLOW}/p/agreement.md`)));
      const entry = await waitFor('the shallow clone in the index', async () => {
        for (const [name] of await vscode.workspace.fs.readDirectory(uri(`${SHALLOW}/p/sessions`))) await api.service.refreshFile(uri(`${SHALLOW}/p/sessions/${name}`));
        await api.service.refreshFile(uri(`${SHALLOW}/p/agreement.md`));
        return api.service.relationships().find((r) => r.relationship.id === `${SHALLOW}/p` && r.relationship.sessions.length === 6);
      });
      const history = await api.gitHistory.load(entry.root, entry.relationship);
      assert.equal(history, undefined);
    } finally {
      await removeFixture(SHALLOW);
    }
  });

  it('a relationship renamed in the index and not committed yet (git mv) keeps its history, as on the command line', async () => {
    const MOVED = 'git-journal-moved';
    execFileSync('git', ['clone', '-q', `file://${uri(FOLDER).fsPath}`, uri(MOVED).fsPath]);
    try {
      execFileSync('git', ['mv', 'p', 'ana-and-bo'], { cwd: uri(MOVED).fsPath });
      await vscode.commands.executeCommand('git.openRepository', uri(MOVED).fsPath);
      const gitApi = (vscode.extensions.getExtension('vscode.git')!.exports as { getAPI(v: 1): { getRepository(u: vscode.Uri): { state: { indexChanges: unknown[] } } | null } }).getAPI(1);
      // The git extension has read the index (the staged rename): what follows is the product's answer.
      await waitFor('the git extension to read the staged rename', () => (gitApi.getRepository(uri(`${MOVED}/ana-and-bo/agreement.md`))?.state.indexChanges.length ?? 0) > 0);
      const entry = await waitFor('the moved relationship in the index', async () => {
        for (const [name] of await vscode.workspace.fs.readDirectory(uri(`${MOVED}/ana-and-bo/sessions`))) await api.service.refreshFile(uri(`${MOVED}/ana-and-bo/sessions/${name}`));
        await api.service.refreshFile(uri(`${MOVED}/ana-and-bo/agreement.md`));
        await api.service.refreshFile(uri(`${MOVED}/ana-and-bo/goals/write-rfc.md`));
        return api.service.relationships().find((r) => r.relationship.id === `${MOVED}/ana-and-bo` && r.relationship.sessions.length === 6);
      });
      const history = await waitFor('the history of the moved relationship', () => api.gitHistory.load(entry.root, entry.relationship));
      assert.deepEqual(history.goals['write-rfc']?.filter((c) => c.field === 'due').map((c) => [c.from ?? null, c.to, c.date]), [
        [null, '2026-06-30', '2026-01-05'],
        ['2026-06-30', '2026-08-31', '2026-03-01'],
        ['2026-08-31', '2026-10-31', '2026-06-01'],
      ]);
      assert.deepEqual([history.records.uncommitted, history.records.partners.map((p) => [p.name, p.sessions])], [0, [['Priya Raman', 6], ['Sam Lee', 0]]]);
    } finally {
      await removeFixture(MOVED);
    }
  });

  it('a new repository with no commit yet says that no held session is committed, and no goal has changed', async () => {
    const UNBORN = 'git-journal-unborn';
    await vscode.workspace.fs.createDirectory(uri(UNBORN));
    for (const [path, text] of Object.entries({ 'p/agreement.md': agreement(''), 'p/goals/write-rfc.md': goalFile('2026-10-31'), 'p/sessions/2026-06-10.md': session('2026-06-10'), 'p/sessions/2026-07-10.md': session('2026-07-10') })) {
      await vscode.workspace.fs.writeFile(uri(`${UNBORN}/${path}`), new TextEncoder().encode(text));
    }
    execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: uri(UNBORN).fsPath });
    try {
      await vscode.commands.executeCommand('git.openRepository', uri(UNBORN).fsPath);
      const gitApi = (vscode.extensions.getExtension('vscode.git')!.exports as { getAPI(v: 1): { getRepository(u: vscode.Uri): { state: { HEAD?: { name?: string } } } | null } }).getAPI(1);
      // Opened, and its HEAD read (the branch, with no commit): what follows is the product's answer, not a repository still loading.
      await waitFor('the git extension to read the new repository', () => gitApi.getRepository(uri(`${UNBORN}/p/agreement.md`))?.state.HEAD?.name === 'main');
      const entry = await waitFor('the new repository in the index', async () => {
        for (const [name] of await vscode.workspace.fs.readDirectory(uri(`${UNBORN}/p/sessions`))) await api.service.refreshFile(uri(`${UNBORN}/p/sessions/${name}`));
        await api.service.refreshFile(uri(`${UNBORN}/p/agreement.md`));
        return api.service.relationships().find((r) => r.relationship.id === `${UNBORN}/p` && r.relationship.sessions.length === 2);
      });
      const history = await api.gitHistory.load(entry.root, entry.relationship);
      assert.deepEqual(history, { goals: {}, records: { partners: [{ name: 'Priya Raman', role: 'mentor', sessions: 0 }, { name: 'Sam Lee', role: 'mentee', sessions: 0 }], others: [], uncommitted: 2, sessions: [] } });
    } finally {
      await removeFixture(UNBORN);
    }
  });

  it('a journal root inside the repository follows its files back past their move into that folder', async () => {
    const MOVED = 'git-journal-moved';
    execFileSync('git', ['clone', '-q', `file://${uri(FOLDER).fsPath}`, uri(MOVED).fsPath]);
    try {
      const cwd = uri(MOVED).fsPath;
      const stamp = '2026-11-12T12:00:00+00:00';
      const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_AUTHOR_NAME: SAM.name, GIT_AUTHOR_EMAIL: SAM.email, GIT_COMMITTER_NAME: SAM.name, GIT_COMMITTER_EMAIL: SAM.email, GIT_AUTHOR_DATE: stamp, GIT_COMMITTER_DATE: stamp };
      await vscode.workspace.fs.createDirectory(uri(`${MOVED}/journals`));
      execFileSync('git', ['mv', 'p', 'journals/p'], { cwd, env });
      execFileSync('git', ['-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'The journal into journals/'], { cwd, env });
      await vscode.commands.executeCommand('git.openRepository', cwd);
      const gitApi = (vscode.extensions.getExtension('vscode.git')!.exports as { getAPI(v: 1): { getRepository(u: vscode.Uri): unknown } }).getAPI(1);
      await waitFor('the git extension to open the clone', () => !!gitApi.getRepository(uri(`${MOVED}/journals/p/agreement.md`)));
      // A root at journals/, as when that folder is opened alone: its relationship is `p`.
      const base = uri(`${MOVED}/journals`);
      const files: Record<string, string> = {};
      const read = async (folder: string): Promise<void> => {
        for (const [name, type] of await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(base, ...folder.split('/')))) {
          const path = `${folder}/${name}`;
          if (type === vscode.FileType.Directory) await read(path);
          else files[path] = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(base, ...path.split('/'))));
        }
      };
      await read('p');
      const index = new JournalIndex(new MemoryFileSystem(files));
      await index.build();
      const relationship = index.relationship('p')!;
      const entry = api.service.relationships().find((r) => r.relationship.id === REL)!;
      const root = { ...entry.root, uri: base, fs: { uri: (path: string) => vscode.Uri.joinPath(base, ...path.split('/')) } } as unknown as typeof entry.root;
      const history = await api.gitHistory.load(root, relationship);
      assert.deepEqual(history?.goals['write-rfc']?.filter((c) => c.field === 'due').map((c) => [c.from ?? null, c.to, c.date, c.author.name]), [
        [null, '2026-06-30', '2026-01-05', 'Priya Raman'],
        ['2026-06-30', '2026-08-31', '2026-03-01', 'Priya Raman'],
        ['2026-08-31', '2026-10-31', '2026-06-01', 'Priya Raman'],
      ]);
    } finally {
      await removeFixture(MOVED);
    }
  });

  it('a virtual workspace (a root that is not a file folder) gets no history and asks git nothing', async () => {
    const entry = api.service.relationships().find((r) => r.relationship.id === REL)!;
    const virtual = { ...entry.root, uri: vscode.Uri.parse('vscode-vfs://github/priya/journal') };
    const before = { ...api.gitHistory.stats };
    const relationship = { ...entry.relationship };
    assert.equal(await api.gitHistory.load(virtual, relationship), undefined);
    assert.deepEqual(api.gitHistory.stats, before);
  });
});
