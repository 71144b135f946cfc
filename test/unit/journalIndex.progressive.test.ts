import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { JournalIndex, MemoryFileSystem, type FileSystem, type IndexChange } from '../../src/core';

const examples = join(__dirname, '..', '..', 'examples');

/** Every file under examples/ (journal/ and broken/), plus a nested relationship and files outside every relationship. */
function journal(): MemoryFileSystem {
  const files: Record<string, Uint8Array> = {};
  const walk = (dir: string, rel: string) => {
    for (const name of readdirSync(dir)) {
      const path = rel ? `${rel}/${name}` : name;
      if (statSync(join(dir, name)).isDirectory()) walk(join(dir, name), path);
      else files[path] = readFileSync(join(dir, name));
    }
  };
  walk(examples, '');
  const fs = new MemoryFileSystem(files);
  fs.write('journal/priya-and-sam/group/agreement.md', '---\ntype: agreement\nmentor: Ana\nmentee: Bo\nstarted: 2026-01-01\n---\n');
  fs.write('journal/priya-and-sam/group/sessions/2026-02-01.md', '---\ntype: session\ndate: 2026-02-01\ngoals: [nope]\n---\nAbout [[nope]].\n');
  fs.write('stray/sessions/2026-03-01.md', '---\ntype: session\ndate: 2026-03-01\n---\n');
  fs.write('notes.md', '# Notes\n');
  // Written by hand: comments, quotes, flow maps, block scalars, CRLF, a goal named wrongly.
  fs.write('hand/agreement.md', [
    '---', '# ours', 'type: agreement', 'mentor: "Rosa Díaz"', 'mentee: {name: Tom Berg, handle: tom}', "started: '2026-05-01'",
    'stage: growing # since June', 'signed: {mentor: 2026-05-02, mentee: 2026-05-02}', 'success: >-', '  Tom leads', '  a release.',
    'goals:', '  - id: lead-release', "    title: 'Lead a release'", '    status: active', '    success: |', '      Two releases', '      shipped.', '---', '',
  ].join('\n'));
  fs.write('hand/sessions/2026-06-01.md', ['---', 'type: session', "date: '2026-06-01'", 'attendees: [Rosa Díaz, Tom Berg]', 'goals: [lead-releases] # typo', 'progress: {lead-release: 20}', '---', '', 'About [[lead-release]].', ''].join('\r\n'));
  return fs;
}

/** The whole index in a comparable form: every relationship (all its facts) and every file's problems. */
function snapshot(index: JournalIndex) {
  return {
    relationships: JSON.parse(JSON.stringify(index.relationships())) as unknown,
    problems: Object.fromEntries([...index.allProblems()].sort(([a], [b]) => (a < b ? -1 : 1))),
    paths: index.paths().sort(),
  };
}

/** A file system that records the order of reads. */
function recording(fs: FileSystem, reads: string[]): FileSystem {
  return {
    readDirectory: (path) => fs.readDirectory(path),
    stat: (path) => fs.stat!(path),
    readFile: (path) => {
      reads.push(path);
      return fs.readFile(path);
    },
  };
}

describe('JournalIndex: progressive build', () => {
  it('ends with the same index as a build in one go, with and without keepLastGood', async () => {
    for (const behaviour of [{}, { keepLastGood: true }]) {
      const fs = journal();
      const plain = new JournalIndex(fs, {}, behaviour);
      await plain.build();
      const progressive = new JournalIndex(fs, {}, behaviour);
      const changes: IndexChange[] = [];
      await progressive.build(undefined, { relationship: (change) => changes.push(change) });
      assert.deepEqual(snapshot(progressive), snapshot(plain));
      assert.equal(progressive.isComplete(), true);
      assert.ok(changes.length >= 5, `one change per relationship (${changes.length})`);
    }
  });

  it('lists every relationship once the agreements are read, before any other file', async () => {
    const reads: string[] = [];
    const fs = journal();
    const index = new JournalIndex(recording(fs, reads), {}, { keepLastGood: true });
    const final = new JournalIndex(fs, {}, { keepLastGood: true });
    await final.build();
    let listedAfter = -1;
    const announced: string[] = [];
    await index.build(undefined, {
      listed: () => {
        listedAfter = reads.length;
        assert.ok(reads.every((p) => p.endsWith('/agreement.md')), `only agreements read so far: ${reads.join(', ')}`);
        assert.deepEqual(index.relationships().map((r) => r.id), final.relationships().map((r) => r.id));
        // Partners and declared stage are there already: the agreement is read.
        assert.deepEqual(index.relationships().map((r) => r.agreement?.mentors.map((m) => m.name)), final.relationships().map((r) => r.agreement?.mentors.map((m) => m.name)));
        assert.deepEqual(index.relationships().map((r) => r.agreement?.stage), final.relationships().map((r) => r.agreement?.stage));
        assert.ok(index.relationships().every((r) => r.sessions.length === 0 && !index.isComplete(r.id)));
        assert.equal(index.isComplete(), false);
        assert.equal(index.isSettled('notes.md'), false, 'files outside every relationship come last');
      },
      relationship: (change) => {
        const [id] = change.relationships;
        assert.equal(change.relationships.length, 1);
        assert.equal(index.isComplete(id), true);
        announced.push(id!);
        // Once announced, a relationship and its files' problems are final.
        assert.deepEqual(JSON.parse(JSON.stringify(index.relationship(id!))), JSON.parse(JSON.stringify(final.relationship(id!))));
        const members = final.paths().filter((p) => final.relationshipIdOf(p) === id);
        for (const path of members) {
          assert.equal(index.isSettled(path), true);
          assert.deepEqual(index.problems(path), final.problems(path), path);
        }
        assert.deepEqual(members.filter((p) => !change.files.includes(p) && final.problems(p).length), [], 'the change names every file with problems');
        for (const other of index.relationships()) if (!announced.includes(other.id)) assert.equal(index.isComplete(other.id), false);
      },
    });
    assert.ok(listedAfter > 0);
    assert.deepEqual(announced, final.relationships().map((r) => r.id));
    assert.equal(index.isSettled('notes.md'), true);
    assert.deepEqual(index.problems('stray/sessions/2026-03-01.md'), final.problems('stray/sessions/2026-03-01.md'));
    assert.equal(final.problems('stray/sessions/2026-03-01.md')[0]?.code, 'file/outside-relationship');
    assert.ok(announced.includes('hand'));
    assert.deepEqual(final.problems('hand/sessions/2026-06-01.md').map((p) => [p.code, p.range.start.line, p.range.start.column]), [['goal/unknown-id', 5, 9]]);
  });

  it('reads no file after the agreements until the promise `listed` returns settles, and stops when cancelled meanwhile', async () => {
    const fs = journal();
    const final = new JournalIndex(fs);
    await final.build();
    for (const cancel of [false, true]) {
      const reads: string[] = [];
      const token = { isCancellationRequested: false };
      const index = new JournalIndex(recording(fs, reads));
      let release!: () => void;
      let readsWhenListed = -1;
      const building = index.build(token, {
        listed: () => {
          readsWhenListed = reads.length;
          return new Promise<void>((resolve) => (release = resolve));
        },
      });
      // Give the build every chance to read on: timers, I/O and promise jobs all run meanwhile.
      await new Promise((resolve) => setTimeout(resolve, 20));
      assert.ok(readsWhenListed > 0);
      assert.equal(reads.length, readsWhenListed, `nothing read while held: ${reads.slice(readsWhenListed).join(', ')}`);
      assert.ok(reads.every((p) => p.endsWith('/agreement.md')));
      if (cancel) token.isCancellationRequested = true;
      release();
      assert.equal(await building, !cancel);
      if (cancel) assert.equal(reads.length, readsWhenListed, 'cancelled while held: nothing more is read');
      else assert.deepEqual(snapshot(index), snapshot(final), 'a listener with `listed` alone ends with the same index');
    }
  });

  it('stops when cancelled, and a build without a listener is whole at once', async () => {
    const fs = journal();
    const token = { isCancellationRequested: false };
    const index = new JournalIndex(fs);
    const done = await index.build(token, {
      listed: () => {
        token.isCancellationRequested = true;
      },
    });
    assert.equal(done, false);
    const plain = new JournalIndex(fs);
    await plain.build();
    assert.equal(plain.isComplete(), true);
    assert.ok(plain.relationships().every((r) => plain.isComplete(r.id)));
  });
});
