// The shortcuts that make `check` fast on many small files (docs/performance.md, issue 13) must
// give exactly what the plain way gives: dates read digit by digit against the regular
// expression and Date, paths joined as text against path.join, and the .gitignore answer worked
// out once per folder against the answer worked out per path.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { isRealDate, toDayNumber } from '../../src/core/dates';
import { JournalIndex } from '../../src/core/journalIndex';
import { MemoryFileSystem } from '../../src/core/memoryFileSystem';
import { gitTop, Ignorer, type IgnoreSpec } from '../../src/cli/ignore';
import { globToRegExp, matchIgnore, parseGitignore } from '../../src/cli/glob';
import { NodeFileSystem } from '../../src/cli/nodeFileSystem';

/** The definitions before the shortcut, kept here as the reference. */
function isRealDateReference(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}
function toDayNumberReference(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
}

const digit = fc.constantFrom(...'0123456789');
const nearDate = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
  fc.array(fc.oneof(digit, fc.constantFrom('-', ' ', 'x', '\n', '٣', '+')), { maxLength: 12 }).map((cs) => cs.join('')),
  fc.constantFrom('2024-02-29', '2023-02-29', '1900-02-29', '2000-02-29', '0099-01-01', '0100-01-01', '2026-11-23\n', ' 2026-11-23', '2026-1-23', '+2026-11-2'),
);

describe('check fast paths agree with the plain way', function () {
  this.timeout(120_000);

  it('isRealDate and toDayNumber read digit by digit as the regular expression and Date did', () => {
    fc.assert(
      fc.property(nearDate, (text) => {
        assert.equal(isRealDate(text), isRealDateReference(text), JSON.stringify(text));
        if (isRealDateReference(text)) assert.equal(toDayNumber(text), toDayNumberReference(text), JSON.stringify(text));
      }),
      { numRuns: 20_000 },
    );
    for (let day = toDayNumber('1970-01-01'); day < toDayNumber('2101-01-01'); day += 1) {
      const text = new Date(day * 86_400_000).toISOString().slice(0, 10);
      assert.ok(isRealDate(text), text);
      assert.equal(toDayNumber(text), day, text);
    }
  });

  it('NodeFileSystem joins a plain relative path as text, and anything else as path.join does', () => {
    const segment = fc.constantFrom('a', 'b.md', '.', '..', '', '.x', 'x..', 'sessions', '2026-01-01.md', '...');
    const relative = fc.array(segment, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('/'));
    for (const root of ['/tmp/j', '/tmp/j/', '/', '/tmp//j', '/tmp/./j']) {
      const fs = new NodeFileSystem(root);
      fc.assert(
        fc.property(relative, (rel) => {
          // The definition before the shortcut: the root itself for '', else path.join.
          assert.equal(fs.resolve(rel), rel ? path.join(root, ...rel.split('/')) : root, `${root} + ${rel}`);
        }),
        { numRuns: 2000 },
      );
      assert.equal(fs.resolve(''), root);
    }
  });

  it('Ignorer answers for a folder entry as it does for its whole path (nested .gitignore, negation, globs)', () => {
    const top = mkdtempSync(path.join(tmpdir(), 'mj-ignore-'));
    try {
      mkdirSync(path.join(top, '.git'));
      const files: Record<string, string> = {
        '.gitignore': 'drafts/\n*.tmp.md\n/root-only.md\nnotes/**/x.md\n',
        'j/.gitignore': '!keep.tmp.md\nlocal/\n',
        'j/p/sessions/.gitignore': '*.md\n!2026-*.md\n',
      };
      for (const [file, text] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(top, file)), { recursive: true });
        writeFileSync(path.join(top, file), text);
      }
      const folders = ['', 'j', 'j/p', 'j/p/sessions', 'j/p/drafts', 'j/local', 'j/notes/deep', 'notes/a', 'other'];
      const names = ['drafts', 'local', 'keep.tmp.md', 'a.tmp.md', 'root-only.md', 'x.md', '2026-01-01.md', 'README.md', 'sessions', '..x.md', '..a.tmp.md', '.gitignore'];
      for (const base of [top, path.join(top, 'j'), path.join(top, 'j/p')]) {
        for (const globs of [[], ['p/sessions/2026-01-0[1-5].md', 'p/drafts/', '**/README.md'], ['**']]) {
          for (const gitignore of [true, false]) {
            const ignorer = new Ignorer({ globs, base, gitignore });
            for (const folder of folders) {
              for (const name of names) {
                for (const isDirectory of [false, true]) {
                  const absolute = path.join(top, folder, name);
                  const expected = referenceIgnored({ globs, base, gitignore }, absolute, isDirectory);
                  const said = `${base} ${JSON.stringify(globs)} ${gitignore} ${folder}/${name} ${isDirectory}`;
                  assert.equal(ignorer.ignoredIn(path.join(top, folder), name, isDirectory), expected, said);
                  assert.equal(new Ignorer({ globs, base, gitignore }).ignored(absolute, isDirectory), expected, said);
                }
              }
            }
          }
        }
      }
    } finally {
      rmSync(top, { recursive: true, force: true });
    }
  });

  it('a due date written without its parentheses is reported beside a well-written marker too (the body is parsed for it)', async () => {
    const session = '---\ntype: session\ndate: 2026-03-01\n---\n\n## Actions\n\n- [ ] x due 2026-05-01\n- [ ] @sam book it (due 2026-05-01)\n';
    const agreement = '---\ntype: agreement\nmentor: Ann Lee\nmentee: Bo Chan\nstarted: 2026-01-01\ncadence: weekly\nstage: building\n---\n';
    const index = new JournalIndex(new MemoryFileSystem({ 'p/agreement.md': agreement, 'p/sessions/2026-03-01.md': session }));
    await index.build();
    assert.deepEqual(index.problems('p/sessions/2026-03-01.md').filter((p) => p.code === 'date/format').map((p) => [p.range.start.line, p.range.start.column, p.range.end.column]), [[8, 13, 23]]);
  });

  it('an item that is no task inside a list item is reported, and an empty comment `<!-->` hides nothing (found by the property test of the cheap tests)', async () => {
    const agreement = '---\ntype: agreement\nmentor: Ann Lee\nmentee: Bo Chan\nstarted: 2026-01-01\ncadence: weekly\nstage: building\n---\n';
    const body = '## Actions\n\n- \uff0d [ ] @sam book it\n- - [] draft it\n> 1. -[ ] send it\n\n<!-->\n## Summary\n\n<!--->\nDone.\n';
    const index = new JournalIndex(new MemoryFileSystem({ 'p/agreement.md': agreement, 'p/sessions/2026-03-01.md': `---\ntype: session\ndate: 2026-03-01\n---\n\n${body}` }));
    await index.build();
    assert.deepEqual(index.problems('p/sessions/2026-03-01.md').map((p) => [p.code, p.range.start.line, p.range.start.column]), [
      ['action/not-a-task', 8, 3],
      ['action/not-a-task', 9, 5],
      ['action/not-a-task', 10, 6],
    ]);
    // A comment indented under a list item ends with the item; a box on the line after its marker.
    index.setText('p/sessions/2026-03-02.md', '---\ntype: session\ndate: 2026-03-02\n---\n\n## Notes\n\n- a point\n  <!-- to say later\n-->\n\n-\n  [X]done\n');
    assert.deepEqual(index.problems('p/sessions/2026-03-02.md').map((p) => [p.code, p.range.start.line, p.range.start.column]), [
      ['session/hidden-by-comment', 9, 3],
      ['action/not-a-task', 13, 3],
    ]);
  });

  it('NodeFileSystem.readFileUpTo gives the bytes readFileSync gives, or only the size above the limit; the index reports a too-large file from it', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'mj-read-'));
    try {
      const fs = new NodeFileSystem(root);
      for (const size of [0, 1, 100, 4095, 4096, 4097, 70_000]) {
        const name = `f${size}.md`;
        writeFileSync(path.join(root, name), Buffer.from(Array.from({ length: size }, (_, i) => (i * 7) % 256)));
        const bytes = await fs.readFileUpTo(name, 70_000);
        assert.ok(bytes instanceof Uint8Array);
        assert.deepEqual(Buffer.from(bytes), readFileSync(path.join(root, name)));
        assert.deepEqual(await fs.readFileUpTo(name, size - 1), { size });
      }
      await assert.rejects(fs.readFileUpTo('missing.md', 10), /ENOENT/);
      const overlay = new NodeFileSystem(root, undefined, { absolute: path.join(root, 'o.md'), content: new Uint8Array([1, 2, 3]) });
      assert.deepEqual(await overlay.readFileUpTo('o.md', 3), new Uint8Array([1, 2, 3]));
      assert.deepEqual(await overlay.readFileUpTo('o.md', 2), { size: 3 });
      mkdirSync(path.join(root, 'p/sessions'), { recursive: true });
      writeFileSync(path.join(root, 'p/agreement.md'), '---\ntype: agreement\n---\n');
      writeFileSync(path.join(root, 'p/sessions/2026-01-01.md'), `---\ntype: session\ndate: 2026-01-01\n---\n${'x'.repeat(5000)}\n`);
      const index = new JournalIndex(fs, { maxFileBytes: 4096 });
      await index.build();
      assert.deepEqual(index.problems('p/sessions/2026-01-01.md').map((p) => p.code), ['file/too-large']);
      assert.match(index.problems('p/sessions/2026-01-01.md')[0]!.message, /has 5040 bytes/);
      assert.equal(index.file('p/sessions/2026-01-01.md')?.type, 'session');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

/**
 * The obviously right way, path by path: the globs relative to their base, then every folder's
 * .gitignore from the top of the work tree down to the path's parent, a deeper one deciding over
 * a higher one. What the Ignorer works out per folder must agree with it.
 */
function referenceIgnored(spec: IgnoreSpec, absolute: string, isDirectory: boolean): boolean {
  const posix = (p: string) => p.split(path.sep).join('/');
  const fromBase = posix(path.relative(spec.base, absolute));
  const globs = spec.globs.map((g) => globToRegExp(g.replace(/^\.\//, '').replace(/\/$/, '/**')));
  if (!fromBase.startsWith('..') && globs.some((g) => g.test(fromBase) || (isDirectory && g.test(`${fromBase}/`)))) return true;
  const top = spec.gitignore ? gitTop(spec.base) : undefined;
  if (!top) return false;
  const relative = posix(path.relative(top, absolute));
  // Outside the work tree; a name that only starts with two dots (`..a.tmp.md`) is inside it.
  if (!relative || relative === '..' || relative.startsWith('../')) return false;
  const parts = relative.split('/');
  let result: boolean | undefined;
  for (let depth = 0; depth < parts.length; depth++) {
    let text = '';
    try {
      text = readFileSync(path.join(top, ...parts.slice(0, depth), '.gitignore'), 'utf8');
    } catch {
      // no .gitignore there
    }
    const decided = matchIgnore(parseGitignore(text), parts.slice(depth).join('/'), isDirectory);
    if (decided !== undefined) result = decided;
  }
  return result === true;
}
