import assert from 'node:assert/strict';
import { analyzeRelationship, JournalIndex, MemoryFileSystem, renderReviewMarkdown } from '../../src/core';

const agreement = [
  '---',
  'type: agreement',
  'mentor: Priya',
  'mentee: Sam',
  'started: 2026-01-01',
  'ends: 2026-12-31',
  'stage: building',
  'signed: {mentor: 2026-01-02, mentee: 2026-01-02}',
  'goals:',
  '  - {id: rust, title: Rust, status: achieved, progress: 100}',
  '---',
  '',
].join('\n');

function journal(): MemoryFileSystem {
  return new MemoryFileSystem({
    'README.md': '# Our journals\n',
    'p/agreement.md': agreement,
    'p/goals/design.md': '---\ntype: goal\ntitle: Design\nstatus: active\nsuccess: An RFC approved\ndue: 2026-06-01\n---\n',
    'p/sessions/2026-02-01.md': '---\ntype: session\ndate: 2026-02-01\nprogress: {design: 50}\n---\nWe talked about [[design]].\n',
  });
}

/** Index content in a comparable form: relationships and every file's problems. */
function snapshot(index: JournalIndex) {
  return {
    relationships: index.relationships().map((r) => ({ id: r.id, goals: r.goals.map((g) => g.id), sessions: r.sessions.map((s) => s.date), files: r.files })),
    problems: Object.fromEntries([...index.allProblems()].sort(([a], [b]) => (a < b ? -1 : 1))),
  };
}

async function fresh(fs: MemoryFileSystem) {
  const index = new JournalIndex(fs);
  await index.build();
  return snapshot(index);
}

describe('JournalIndex', () => {
  it('groups files into relationships by the nearest agreement.md and ignores plain notes', async () => {
    const index = new JournalIndex(journal());
    await index.build();
    const [rel] = index.relationships();
    assert.equal(index.relationships().length, 1);
    assert.equal(rel!.id, 'p');
    assert.deepEqual(rel!.goals.map((g) => g.id), ['rust', 'design']);
    assert.deepEqual(index.problems('README.md'), []);
    assert.equal(index.relationshipIdOf('p/sessions/2026-02-01.md'), 'p');
    assert.equal(index.relationshipIdOf('README.md'), undefined);
  });

  it('lists relationships and goal files as a file explorer does: numbers inside names as numbers', async () => {
    const fs = new MemoryFileSystem({});
    for (const pair of ['pair-10', 'pair-2', 'Pair-3', 'pair-1']) fs.write(`${pair}/agreement.md`, agreement);
    for (const goal of ['goal-10', 'goal-2', 'Goal-3', 'goal-1', 'goal-02']) fs.write(`pair-2/goals/${goal}.md`, `---\ntype: goal\ntitle: ${goal}\nstatus: active\n---\n`);
    const index = new JournalIndex(fs);
    await index.build();
    assert.deepEqual(index.relationships().map((r) => r.id), ['pair-1', 'pair-2', 'Pair-3', 'pair-10']);
    // The agreement's own goals first, as written; `goal-02` and `goal-2` tie as numbers, and then go by code unit; `Goal-3.md` is goal `goal-3`.
    assert.deepEqual(index.relationship('pair-2')!.goals.map((g) => g.id), ['rust', 'goal-1', 'goal-02', 'goal-2', 'goal-3', 'goal-10']);
    const review = renderReviewMarkdown(analyzeRelationship(index.relationship('pair-2')!, '2026-03-01'));
    const rows = review.split('\n').filter((line) => /^\| .*\((?:rust|[Gg]oal-\d+)\)/.test(line)).map((line) => /\(([^()]+)\) \|/.exec(line)![1]);
    assert.deepEqual(rows, ['rust', 'goal-1', 'goal-02', 'goal-2', 'goal-3', 'goal-10']);
  });

  it('reports a session file outside any relationship at its opening ---', async () => {
    const fs = journal();
    fs.write('stray.md', '---\ntype: session\ndate: 2026-01-01\n---\n');
    const index = new JournalIndex(fs);
    await index.build();
    const [p] = index.problems('stray.md');
    assert.equal(p!.code, 'file/outside-relationship');
    assert.deepEqual(p!.range, { start: { line: 1, column: 1 }, end: { line: 1, column: 4 } });
  });

  it('re-runs cross-file rules when a goal is renamed in an editor buffer', async () => {
    const fs = journal();
    const index = new JournalIndex(fs);
    await index.build();
    const change = index.setText('p/goals/design.md', '---\ntype: goal\nid: design-doc\ntitle: Design\nstatus: proposed\n---\n');
    assert.ok(change.files.includes('p/sessions/2026-02-01.md'));
    const problems = index.problems('p/sessions/2026-02-01.md');
    assert.deepEqual(
      problems.map((p) => [p.code, p.range.start.line, p.range.start.column, p.range.end.column]),
      [
        ['goal/unknown-id', 4, 12, 18],
        ['goal/unknown-id', 6, 19, 25],
      ],
    );
    assert.match(problems[0]!.message, /did you mean `design-doc`\?/);
  });

  it('keeps a relationship when a file whose name only ends in agreement.md is deleted', async () => {
    const fs = journal();
    fs.write('p/myagreement.md', '# Notes on our agreement\n');
    const index = new JournalIndex(fs);
    await index.build();
    assert.deepEqual(index.relationships().map((r) => r.id), ['p']);
    fs.remove('p/myagreement.md');
    index.delete('p/myagreement.md');
    assert.deepEqual(index.relationships().map((r) => r.id), ['p'], 'p/agreement.md still makes p a relationship');
    assert.equal(index.relationshipIdOf('p/sessions/2026-02-01.md'), 'p');
    assert.deepEqual(snapshot(index), await fresh(fs));
  });

  it('after a series of creates, changes and deletes equals a fresh index of the final tree', async () => {
    const fs = journal();
    const index = new JournalIndex(fs);
    await index.build();
    const steps: Array<() => Promise<unknown>> = [
      async () => { fs.write('q/agreement.md', agreement.replace('Priya', 'Ana')); return index.refresh('q/agreement.md'); },
      async () => { fs.write('q/sessions/a.md', '---\ndate: 2026-03-01\n---\n[[rust]] [[nope]]\n'); return index.refresh('q/sessions/a.md'); },
      async () => { fs.remove('p/agreement.md'); return index.delete('p/agreement.md'); },
      async () => { fs.write('p/agreement.md', agreement); return index.refresh('p/agreement.md'); },
      async () => { fs.write('p/goals/design.md', '---\ntype: goal\ntitle: Design\nstatus: achieved\nprogress: 90\n---\n'); return index.refresh('p/goals/design.md'); },
      async () => { fs.remove('q'); return index.delete('q'); },
      async () => { fs.write('p/sessions/2026-03-01.md', '---\ntype: session\ndate: 2026-03-01\nprogress: {design: 30}\n---\n'); return index.refresh('p/sessions/2026-03-01.md'); },
    ];
    for (const step of steps) {
      await step();
      assert.deepEqual(snapshot(index), await fresh(fs));
    }
  });
});

describe('JournalIndex updates racing each other', () => {
  /** A file system whose reads wait until released, so that a test can finish them in any order. */
  class SlowFileSystem extends MemoryFileSystem {
    readonly pending: Array<() => void> = [];
    slow = false;
    override async readFile(path: string): Promise<Uint8Array> {
      const bytes = await super.readFile(path);
      if (this.slow) await new Promise<void>((resolve) => this.pending.push(resolve));
      return bytes;
    }
  }

  it('keeps the latest read of a file when an older read finishes last', async () => {
    const fs = new SlowFileSystem({ 'p/agreement.md': agreement, 'p/goals/g.md': '---\ntype: goal\ntitle: Old\nstatus: proposed\n---\n' });
    const index = new JournalIndex(fs);
    await index.build();
    fs.slow = true;
    const older = index.refresh('p/goals/g.md');
    fs.write('p/goals/g.md', '---\ntype: goal\ntitle: New\nstatus: proposed\n---\n');
    await new Promise((r) => setTimeout(r, 0));
    // The first read captured the old bytes before the write; the second sees the new ones.
    const newer = index.refresh('p/goals/g.md');
    await new Promise((r) => setTimeout(r, 0));
    fs.pending[1]!();
    await newer;
    fs.pending[0]!();
    assert.deepEqual(await older, { files: [], relationships: [] });
    assert.equal(index.relationship('p')!.goals.find((g) => g.id === 'g')!.title, 'New');
  });

  it('lets an editor buffer win over a disk read that was already under way', async () => {
    const fs = new SlowFileSystem({ 'p/agreement.md': agreement, 'p/goals/g.md': '---\ntype: goal\ntitle: Disk\nstatus: proposed\n---\n' });
    const index = new JournalIndex(fs);
    await index.build();
    fs.slow = true;
    const read = index.refresh('p/goals/g.md');
    await new Promise((r) => setTimeout(r, 0));
    index.setText('p/goals/g.md', '---\ntype: goal\ntitle: Buffer\nstatus: proposed\n---\n');
    fs.pending[0]!();
    await read;
    assert.equal(index.relationship('p')!.goals.find((g) => g.id === 'g')!.title, 'Buffer');
  });

  it('indexes every file of a folder that appeared at once', async () => {
    const fs = journal();
    const index = new JournalIndex(fs);
    await index.build();
    fs.write('q/agreement.md', agreement.replace('Priya', 'Ana'));
    fs.write('q/sessions/2026-03-01.md', '---\ntype: session\ndate: 2026-03-01\n---\n[[nope]]\n');
    const change = await index.refreshFolder('q');
    assert.deepEqual(change.relationships.sort(), ['p', 'q']);
    assert.deepEqual(snapshot(index), await fresh(fs));
  });
});

describe('JournalIndex.reconcile', () => {
  it('finds changes, new files and deletions that no watcher reported, and leaves unsaved buffers alone', async () => {
    const fs = journal();
    const index = new JournalIndex(fs);
    await index.build();
    index.setText('p/goals/design.md', '---\ntype: goal\ntitle: Unsaved title\nstatus: proposed\n---\n');
    // A checkout behind the index's back.
    fs.write('p/sessions/2026-02-01.md', '---\ntype: session\ndate: 2026-02-01\nprogress: {design: 70}\n---\n[[gone]]\n');
    fs.write('p/sessions/2026-03-01.md', '---\ntype: session\ndate: 2026-03-01\n---\n');
    fs.write('p/goals/design.md', '---\ntype: goal\ntitle: Disk title\nstatus: proposed\n---\n');
    fs.remove('README.md');
    const change = await index.reconcile(new Set(['p/goals/design.md']));
    assert.ok(change.files.includes('p/sessions/2026-03-01.md'));
    const rel = index.relationship('p')!;
    assert.deepEqual(rel.sessions.map((s) => s.date), ['2026-02-01', '2026-03-01']);
    assert.equal(rel.goals.find((g) => g.id === 'design')!.title, 'Unsaved title');
    assert.deepEqual(index.problems('p/sessions/2026-02-01.md').map((p) => p.code), ['goal/unknown-id']);
    assert.equal(index.file('README.md'), undefined);
    // Once the buffer is dropped, the index equals a fresh one.
    await index.refresh('p/goals/design.md');
    assert.deepEqual(snapshot(index), await fresh(fs));
  });

  it('compares only the files under a folder when given one (a renamed folder the watcher lost)', async () => {
    const fs = journal();
    const index = new JournalIndex(fs);
    await index.build();
    fs.write('p/sessions/2026-03-01.md', '---\ntype: session\ndate: 2026-03-01\n---\n');
    fs.remove('README.md');
    const change = await index.reconcile(new Set(), undefined, 'p');
    assert.ok(change.files.includes('p/sessions/2026-03-01.md'));
    assert.ok(index.file('README.md'), 'a vanished file outside the folder is left for another look');
    assert.deepEqual(index.relationship('p')!.sessions.map((s) => s.date).at(-1), '2026-03-01');
  });

  it('reads nothing again when nothing changed', async () => {
    const fs = journal();
    const index = new JournalIndex(fs);
    await index.build();
    let reads = 0;
    const readFile = fs.readFile.bind(fs);
    fs.readFile = async (path: string) => {
      reads++;
      return readFile(path);
    };
    const change = await index.reconcile();
    assert.equal(reads, 0);
    assert.deepEqual(change, { files: [], relationships: [] });
  });
});

describe('JournalIndex: a folder it cannot list', () => {
  /** `journal()`, where listing the folders in `locked` fails as a folder without read permission does. */
  function locked(folders: Set<string>): MemoryFileSystem {
    const fs = journal();
    const list = fs.readDirectory.bind(fs);
    fs.readDirectory = async (path: string) => {
      if (folders.has(path)) throw Object.assign(new Error(`EACCES: permission denied, scandir '${path}'`), { code: 'EACCES' });
      return list(path);
    };
    return fs;
  }

  it('reports the folder as unreadable at 1:1, in plain words, and holds none of its files', async () => {
    const index = new JournalIndex(locked(new Set(['p/sessions'])));
    await index.build();
    assert.deepEqual(index.unlistedFolders(), ['p/sessions']);
    const problems = index.problems('p/sessions');
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.code, 'file/unreadable');
    assert.equal(problems[0]!.severity, 'error');
    assert.equal(problems[0]!.file, 'p/sessions');
    assert.deepEqual([problems[0]!.range.start, problems[0]!.range.end], [{ line: 1, column: 1 }, { line: 1, column: 1 }]);
    assert.equal(problems[0]!.message, 'This folder could not be read: permission denied. Nothing in it was checked.');
    assert.deepEqual([...index.allProblems().keys()], ['p/sessions']);
    assert.equal(index.file('p/sessions/2026-02-01.md'), undefined);
    assert.deepEqual(index.relationship('p')!.sessions, []);
  });

  it('an unreadable goals folder may hold the goals the sessions name: no unknown goal, the stage declared, the review says so', async () => {
    const index = new JournalIndex(locked(new Set(['p/goals'])));
    await index.build();
    const rel = index.relationship('p')!;
    assert.deepEqual(rel.unreadFolders, ['goals']);
    assert.deepEqual(index.problems('p/sessions/2026-02-01.md'), []);
    assert.deepEqual(index.problems('p/agreement.md').map((p) => [p.code, p.message]), [['goal/references-unchecked', 'Goal references not checked: `goals` could not be read and may define the goals that the 2 references in 1 session name. Fix it first; the references are checked again then.']]);
    const report = analyzeRelationship({ ...rel, goals: [] }, '2026-03-01');
    assert.equal(report.inferred.stage, 'building');
    assert.deepEqual(report.inferred.reasons.at(-1), 'No goal could be read: `goals` could not be read, so the goals are unknown.');
    assert.match(renderReviewMarkdown(report), /^No goal could be read: `goals` could not be read, so the goals are unknown/m);
  });

  it('reports the same folder from a progressive build, with its severity as configured', async () => {
    const index = new JournalIndex(locked(new Set(['p'])), { severities: { 'file/unreadable': 'warning' } });
    await index.build(undefined, {});
    assert.deepEqual(index.problems('p').map((p) => [p.code, p.severity]), [['file/unreadable', 'warning']]);
    assert.deepEqual(index.relationships(), []);
  });

  it('forgets the problem once a walk lists the folder, and not for a folder that vanished', async () => {
    const folders = new Set(['p/goals']);
    const fs = locked(folders);
    const index = new JournalIndex(fs);
    await index.build();
    assert.deepEqual(index.unlistedFolders(), ['p/goals']);
    folders.clear();
    await index.reconcile(new Set(), undefined, 'p');
    assert.deepEqual(index.unlistedFolders(), []);
    assert.deepEqual(index.problems('p/goals'), []);
    assert.deepEqual(snapshot(index), await fresh(journal()));
    // Gone between its parent's listing and its own: nothing to report.
    const list = fs.readDirectory.bind(fs);
    fs.readDirectory = async (path: string) => {
      if (path === 'p/sessions') throw Object.assign(new Error(`ENOENT: no such file or directory, scandir '${path}'`), { code: 'ENOENT' });
      return list(path);
    };
    await index.build();
    assert.deepEqual(index.unlistedFolders(), []);
  });
});

describe('JournalIndex: walking the folders', () => {
  /** 40 relationships, each with goals/ and sessions/, and files at every level. */
  function wide(): MemoryFileSystem {
    const files: Record<string, string> = { 'README.md': '# Journals\n', 'zz/notes.md': '# Notes\n' };
    for (let i = 0; i < 40; i++) {
      const pair = `pairs/p${String(i).padStart(2, '0')}`;
      files[`${pair}/agreement.md`] = agreement;
      files[`${pair}/goals/design.md`] = '---\ntype: goal\ntitle: Design\nstatus: active\nsuccess: An RFC approved\n---\n';
      files[`${pair}/sessions/2026-02-01.md`] = '---\ntype: session\ndate: 2026-02-01\n---\n';
      files[`${pair}/sessions/deep/a/b/2026-02-02.md`] = '---\ntype: session\ndate: 2026-02-02\n---\n';
    }
    return new MemoryFileSystem(files);
  }

  it('lists sibling folders at once, at most 16 at a time, and in the order of a walk one folder after another', async () => {
    const fs = wide();
    let reading = 0;
    let most = 0;
    let calls = 0;
    // Each listing takes a moment, later folders less: out of order if the walk kept the order of answers.
    const slow: typeof fs = Object.create(fs);
    slow.readDirectory = async (path: string) => {
      reading++;
      calls++;
      most = Math.max(most, reading);
      const entries = await fs.readDirectory(path);
      await new Promise((resolve) => setTimeout(resolve, 5 - (calls % 5)));
      reading--;
      return entries;
    };
    const sequential = async (folder: string): Promise<string[]> => {
      const entries = await fs.readDirectory(folder);
      const out = entries.filter(([name, kind]) => kind === 'file' && name.endsWith('.md')).map(([name]) => (folder ? `${folder}/${name}` : name));
      for (const [name] of entries.filter(([, kind]) => kind === 'directory').sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) out.push(...(await sequential(folder ? `${folder}/${name}` : name)));
      return out;
    };
    const index = new JournalIndex(slow);
    await index.build();
    assert.deepEqual(index.paths(), await sequential(''));
    assert.equal(index.paths().length, 2 + 40 * 4);
    assert.ok(most > 1, 'sibling folders were listed together');
    assert.ok(most <= 16, `at most 16 folders listed at once (${most})`);
    assert.deepEqual(snapshot(index), await fresh(fs));
  });
});

describe('JournalIndex.holdsAgreement: is there a journal here at all', () => {
  /** A file system that counts its listings and refuses to read any file. */
  function counted(files: Record<string, string>): { fs: MemoryFileSystem; listed: string[] } {
    const fs = new MemoryFileSystem(files);
    const listed: string[] = [];
    const wrapped: typeof fs = Object.create(fs);
    wrapped.readDirectory = async (path: string) => {
      listed.push(path);
      return fs.readDirectory(path);
    };
    wrapped.readFile = async (path: string) => assert.fail(`read ${path}`);
    wrapped.stat = async (path: string) => assert.fail(`stat ${path}`);
    return { fs: wrapped, listed };
  }

  it('finds an agreement.md at any depth without reading a file, and stops walking once it has', async () => {
    const files: Record<string, string> = { 'README.md': '# Team\n', 'programme/2026/cohort-a/ana-and-ben/agreement.md': agreement };
    // Many folders after it: the walk does not list them all.
    for (let i = 0; i < 200; i++) files[`zz/docs/${String(i).padStart(3, '0')}/notes.md`] = '# Notes\n';
    const { fs, listed } = counted(files);
    assert.equal(await new JournalIndex(fs).holdsAgreement(), true);
    assert.ok(listed.includes('programme/2026/cohort-a/ana-and-ben'), listed.join(', '));
    assert.ok(listed.length < 50, `${listed.length} folders listed`);
  });

  it('is false for a workspace without one: Markdown notes, a file only named like one, an agreement in an excluded folder', async () => {
    const { fs, listed } = counted({
      'README.md': '# Project\n',
      'docs/design/agreement.md.bak': agreement,
      'docs/our-agreement.md': agreement,
      'node_modules/some-package/agreement.md': agreement,
      'vendor/agreement.md': agreement,
    });
    assert.equal(await new JournalIndex(fs, { exclude: ['node_modules', '.git', 'vendor'] }).holdsAgreement(), false);
    assert.ok(!listed.some((path) => path.startsWith('node_modules') || path.startsWith('vendor')), listed.join(', '));
    assert.equal(await new JournalIndex(new MemoryFileSystem({})).holdsAgreement(), false, 'an empty folder');
    assert.equal(await new JournalIndex(new MemoryFileSystem({ 'agreement.md': agreement })).holdsAgreement(), true, 'the root is the relationship');
  });

  it('cannot tell (undefined) once cancelled, or after listing as many folders as it was given', async () => {
    const { fs, listed } = counted({ 'a/b/c/agreement.md': agreement });
    assert.equal(await new JournalIndex(fs).holdsAgreement({ isCancellationRequested: true }), undefined);
    assert.deepEqual(listed, []);
    assert.equal(await new JournalIndex(fs).holdsAgreement(undefined, 3), undefined, 'the agreement is in the fourth folder');
    assert.deepEqual(listed, ['', 'a', 'a/b']);
    assert.equal(await new JournalIndex(fs).holdsAgreement(undefined, 4), true);
    const { fs: notes } = counted({ 'a/notes.md': '# Notes\n', 'b/notes.md': '# Notes\n' });
    assert.equal(await new JournalIndex(notes).holdsAgreement(undefined, 4), false, 'three folders, all listed');
  });
});

describe('JournalIndex: a progressive build reads agreements during the walk', () => {
  it('reads an agreement as soon as it is found, while other folders are still being listed', async () => {
    const fs = journal();
    let releaseSessions!: () => void;
    const sessionsListed = new Promise<void>((resolve) => (releaseSessions = resolve));
    // Without early reads the walk would wait for ever: let it go on after a while, so that the order, not a time-out, fails.
    const fallback = setTimeout(releaseSessions, 200);
    const events: string[] = [];
    const held: typeof fs = Object.create(fs);
    held.readDirectory = async (path: string) => {
      if (path === 'p/sessions') await sessionsListed;
      events.push(`list ${path}`);
      return fs.readDirectory(path);
    };
    held.readFile = async (path: string) => {
      events.push(`read ${path}`);
      if (path === 'p/agreement.md') releaseSessions();
      return fs.readFile(path);
    };
    const index = new JournalIndex(held);
    let listed = false;
    await index.build(undefined, { listed: () => void (listed = true) });
    clearTimeout(fallback);
    assert.ok(listed);
    assert.ok(events.indexOf('read p/agreement.md') < events.indexOf('list p/sessions'), events.join(', '));
    assert.deepEqual(snapshot(index), await fresh(fs));
  });
});
