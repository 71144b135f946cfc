import assert from 'node:assert/strict';
import { DEFAULT_OPTIONS, JournalIndex, MemoryFileSystem, parseJournalFile, type FileSystem, type JournalFile } from '../../src/core';
import { AGREEMENT, expectCodes, expectOne, lines, relationship, SESSION } from './rules/helpers';
import { assertRangesInside } from './rules/invariants';
import { addDays, fromDayNumber } from '../../src/core/dates';

const encode = (text: string) => new TextEncoder().encode(text);

/** Parses like the engine does for a file, and checks the promise every result keeps: ranges inside the file. */
function parse(path: string, content: string | Uint8Array, options = {}): JournalFile {
  const file = parseJournalFile(path, content, { ...DEFAULT_OPTIONS, ...options });
  // Bodies are parsed on first use: read them here, where an exception would show.
  void [file.session?.sections, file.session?.actions, file.session?.references, file.review?.references];
  assertRangesInside(content, file.problems);
  assert.equal(file.problems.filter((p) => p.code === 'file/unreadable').length, 0, 'no internal error was caught');
  return file;
}

/** A file system over files in memory whose behaviour a test can spoil. */
class FaultyFileSystem implements FileSystem {
  readonly inner: MemoryFileSystem;
  brokenFolders = new Set<string>();
  unreadable = new Set<string>();
  /** Files that vanish after they were listed: readFile throws ENOENT. */
  vanishing = new Set<string>();
  reads: string[] = [];

  constructor(files: Record<string, string | Uint8Array>) {
    this.inner = new MemoryFileSystem(files);
  }

  async readDirectory(path: string): Promise<Array<[string, 'file' | 'directory' | 'other']>> {
    if (this.brokenFolders.has(path)) throw Object.assign(new Error(`EACCES: permission denied, scandir '${path}'`), { code: 'EACCES' });
    return this.inner.readDirectory(path);
  }

  async readFile(path: string): Promise<Uint8Array> {
    this.reads.push(path);
    if (this.vanishing.has(path)) throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' });
    if (this.unreadable.has(path)) throw Object.assign(new Error(`EACCES: permission denied, open '${path}'`), { code: 'EACCES' });
    return this.inner.readFile(path);
  }
}

async function build(fs: FileSystem, options = {}) {
  const index = new JournalIndex(fs, options);
  assert.equal(await index.build(), true);
  return index;
}

describe('robustness: dates worked out past the calendar', () => {
  it('hold at 9999-12-31 (and 0001-01-01) instead of throwing or writing a year of five digits', () => {
    assert.equal(addDays('9999-12-25', 14), '9999-12-31');
    assert.equal(addDays('2026-01-01', 100_000_000), '9999-12-31');
    assert.equal(fromDayNumber(-1e12), '0001-01-01');
    assert.equal(fromDayNumber(Number.NaN), '9999-12-31');
    assert.equal(addDays('2026-12-31', 1), '2027-01-01');
  });
});

describe('robustness: front matter that starts with a blank line', () => {
  it('is explained, not looped on (a line above the first was the first again)', () => {
    const text = '---\t\r\n\r```\r\n---\n\\[[escaped]]\r> [[quoted]]\r--- \r> [[quoted]]\n';
    assert.deepEqual(parseJournalFile('p/notes.md', text).problems.map((p) => [p.code, p.range.start.line]), [['yaml/syntax', 3]]);
  });
});

describe('robustness: hostile and odd files yield problems, never an exception', function () {
  // Thousands of generated cases: CPU-bound, so a busy machine makes them slower, never wrong
  // (one took more than mocha's 20 s on 2 cores at a load average of 14). The time-out only
  // catches a hang.
  this.timeout(300_000);
  describe('YAML alias bomb', () => {
    const levels = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i < 12; i++) {
      const name = String.fromCharCode(97 + i);
      const prev = String.fromCharCode(96 + i);
      levels.push(`${name}: &${name} [${Array(10).fill(`*${prev}`).join(', ')}]`);
    }
    const bomb = lines('---', 'type: session', 'date: 2026-02-02', ...levels, '---', '', '## Notes', '');

    it('gives one clear error at the first alias, in bounded time and memory', () => {
      const before = process.memoryUsage().heapUsed;
      const file = parse('p/sessions/2026-02-02.md', bomb);
      const grown = process.memoryUsage().heapUsed - before;
      assert.equal(file.problems.length, 1);
      expectOne(file.problems, { code: 'yaml/too-many-aliases', severity: 'error', range: [5, 8, 5, 10], message: [/aliases/, /resource-exhaustion/] });
      // 10^12 strings would need terabytes; the engine stops after 100 aliases.
      assert.ok(grown < 64 * 1024 * 1024, `heap grew by ${grown} bytes`);
    });

    it('in an agreement read by the index: one problem, no relationship data from the bomb', async () => {
      const text = AGREEMENT.replace('goals:', `${levels.join('\n')}\ngoals:`);
      const index = await build(new MemoryFileSystem({ 'p/agreement.md': text }));
      expectCodes(index.problems('p/agreement.md'), ['yaml/too-many-aliases@11:8-11:10']);
      assert.deepEqual(index.relationship('p')?.goals, []);
    });
  });

  describe('deeply nested YAML', () => {
    it('10,000 levels of [ give one error where the nesting passes 64 levels', () => {
      const file = parse('p/sessions/2026-02-02.md', lines('---', 'type: session', 'goals: ' + '['.repeat(10_000), '---', ''));
      expectCodes(file.problems, ['yaml/syntax@3:71-3:72']);
      assert.match(file.problems[0]!.message, /nests more than 64 levels/);
    });

    it('balanced brackets, braces, compact sequences and indentation alike', () => {
      const cases = [
        lines('---', 'type: session', 'goals: ' + '['.repeat(10_000) + ']'.repeat(10_000), '---', ''),
        lines('---', 'type: session', 'progress: ' + '{a: '.repeat(5_000) + '1' + '}'.repeat(5_000), '---', ''),
        lines('---', 'type: session', 'goals:', '  ' + '- '.repeat(10_000) + 'x', '---', ''),
        lines('---', 'type: session', ...Array.from({ length: 200 }, (_, i) => `${' '.repeat(i)}k${i}:`), '---', ''),
      ];
      for (const text of cases) {
        const file = parse('p/sessions/2026-02-02.md', text);
        assert.deepEqual(file.problems.map((p) => p.code), ['yaml/syntax'], text.slice(0, 60));
      }
    });

    it('65 block levels are refused alike whichever YAML path reads them (the fast one once read them)', () => {
      const levels = Array.from({ length: 65 }, (_, i) => `${' '.repeat(i)}k${i}:`);
      const text = lines('---', 'type: session', 'date: 2026-02-02', 'notes:', ...levels.map((l) => ` ${l}`), `${' '.repeat(66)}deep: x`, '---', '');
      const anchored = text.replace('date: 2026-02-02', 'date: &d 2026-02-02');
      for (const t of [text, anchored]) {
        const file = parse('p/sessions/2026-02-02.md', t);
        assert.deepEqual(file.problems.map((p) => p.code), ['yaml/syntax']);
        assert.match(file.problems[0]!.message, /nests more than 64 levels/);
      }
    });

    it('brackets inside plain text are text, not nesting: the slow path read `a[[[…` as nesting', () => {
      const text = lines('---', 'type: goal', `title: a${'['.repeat(70)}`, 'status: proposed', '---', '');
      assert.deepEqual(parse('p/goals/g.md', text).problems, []);
      // An anchor sends the file down the slow path.
      assert.deepEqual(parse('p/goals/g.md', text.replace('status: proposed', 'status: &s proposed\nsuccess: *s')).problems, []);
    });

    it('a disable comment in the body turns nothing off, with lone CR line ends too', () => {
      for (const eol of ['\n', '\r\n', '\r']) {
        const text = ['---', 'type: goal', 'title: x', 'status: proposed', 'foo: 1', '---', '', 'x # mentoring-journal-disable', ''].join(eol);
        assert.deepEqual(parse('p/goals/g.md', text).problems.map((p) => p.code), ['keys/unknown'], JSON.stringify(eol));
      }
    });

    it('quoted brackets, comments and block scalars do not count as nesting', () => {
      const text = lines(
        '---',
        'type: session',
        'date: 2026-02-02',
        `attendees: ["${'['.repeat(200)}", '${'{'.repeat(200)}']`,
        `# ${'['.repeat(200)}`,
        'goals: []',
        '---',
        '',
      );
      assert.deepEqual(parse('p/sessions/2026-02-02.md', text).problems, []);
      const block = lines('---', 'type: goal', 'title: x', 'status: proposed', 'success: |', ...Array.from({ length: 120 }, (_, i) => `  ${' '.repeat(i)}[{`), '---', '');
      assert.deepEqual(parse('p/goals/g.md', block).problems, []);
    });

    it('deeply nested Markdown (block quotes, list markers, emphasis, brackets) is read without a hang', () => {
      const head = lines('---', 'type: session', 'date: 2026-02-02', '---', '');
      const quadratic = ['> a quote\n\n'.repeat(3_000), '- a\n  - b\n'.repeat(3_000), '> a\n# b\n'.repeat(3_000)]; // seconds to minutes in one piece
      for (const body of ['>'.repeat(20_000) + ' [[x]]', '- '.repeat(20_000) + 'x', '*'.repeat(20_000) + 'a' + '*'.repeat(20_000), '[[a]]'.repeat(5_000), '['.repeat(20_000), '1. '.repeat(10_000) + 'x', ...quadratic]) {
        const file = parse('p/sessions/2026-02-02.md', head + body + '\n');
        assert.equal(file.session?.date, '2026-02-02');
      }
    });
  });

  describe('size', () => {
    const tenMegabytes = () => {
      const bytes = new Uint8Array(10 * 1024 * 1024).fill(0x61);
      bytes.set(encode(SESSION));
      return bytes;
    };

    it('a 10 MB file is reported and skipped above maxFileBytes', () => {
      const file = parse('p/sessions/2026-02-02.md', tenMegabytes());
      expectCodes(file.problems, ['file/too-large@1:1-1:1']);
      assert.match(file.problems[0]!.message, /10485760 bytes, more than the limit of 1048576/);
      assert.equal(file.session, undefined);
      assert.equal(file.type, 'session');
    });

    it('the index skips it by size without reading it, or after reading when the host cannot tell the size', async () => {
      const files = relationship({ 'p/sessions/big.md': tenMegabytes() });
      const withSize = new FaultyFileSystem(files);
      const index = await build({ readFile: (p) => withSize.readFile(p), readDirectory: (p) => withSize.readDirectory(p), size: (p) => withSize.inner.size(p) });
      expectCodes(index.problems('p/sessions/big.md'), ['file/too-large@1:1-1:1']);
      assert.ok(!withSize.reads.includes('p/sessions/big.md'));
      const withoutSize = await build(new FaultyFileSystem(files));
      expectCodes(withoutSize.problems('p/sessions/big.md'), ['file/too-large@1:1-1:1']);
      assert.equal(withoutSize.relationship('p')?.sessions.length, 1);
    });

    it('an editor buffer over the limit is skipped too, and the limit is configurable', async () => {
      const index = await build(new MemoryFileSystem(relationship()), { maxFileBytes: 4096 });
      index.setText('p/sessions/2026-02-02.md', SESSION + 'x'.repeat(5000));
      expectCodes(index.problems('p/sessions/2026-02-02.md'), ['file/too-large@1:1-1:1']);
      index.setText('p/sessions/2026-02-02.md', SESSION);
      assert.deepEqual(index.problems('p/sessions/2026-02-02.md'), []);
    });
  });

  describe('binary content and invalid UTF-8', () => {
    it('binary content in a .md file is reported once and skipped', () => {
      const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
      expectCodes(parse('p/sessions/2026-02-02.md', png).problems, ['file/binary@1:1-1:1']);
      expectCodes(parse('notes/image.md', png).problems, ['file/binary@1:1-1:1']);
    });

    it('invalid UTF-8 (stray continuation bytes, overlong forms, encoded surrogates, truncated sequences) is reported and read with U+FFFD', () => {
      for (const bad of [[0x80], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf0, 0x9f, 0x98], [0xff, 0xfe]]) {
        const bytes = new Uint8Array([...encode('---\ntype: session\ndate: 2026-02-02\nattendees: [Jo'), ...bad, ...encode(']\nmood: x\n---\n')]);
        const file = parse('p/sessions/2026-02-02.md', bytes);
        expectCodes(file.problems, ['file/encoding@1:1-1:1', 'keys/unknown@5:1-5:5']);
        assert.match(file.session!.attendees[0]!, /^Jo\uFFFD+$/);
      }
    });
  });

  describe('byte-order mark and line endings', () => {
    const crlf = lines('---', 'type: session', 'date: 2026-02-30', 'mood: good', 'progress: {design-doc: 40}', '---', '', '## Actions', '', '- [ ] @sam Try it (due 2026-02-10) [[desing-doc]]', '').replace(/\n/g, '\r\n');

    it('a BOM is not a character: positions are as without it, from bytes and from text', () => {
      for (const content of [new Uint8Array([0xef, 0xbb, 0xbf, ...encode(crlf)]), `\uFEFF${crlf}`]) {
        const file = parse('p/sessions/2026-02-02.md', content);
        expectCodes(file.problems, ['date/impossible@3:7-3:17', 'keys/unknown@4:1-4:5']);
        assert.equal(file.type, 'session');
      }
    });

    it('CRLF: exact positions of values, keys, task items and body references', async () => {
      const file = parse('p/sessions/2026-02-02.md', crlf);
      expectOne(file.problems, { code: 'date/impossible', severity: 'error', range: [3, 7, 3, 17] });
      expectOne(file.problems, { code: 'keys/unknown', severity: 'warning', range: [4, 1, 4, 5] });
      const action = file.session!.actions[0]!;
      assert.deepEqual(action.source.range, { start: { line: 10, column: 1 }, end: { line: 10, column: 50 } });
      assert.equal(action.text, 'Try it [[desing-doc]]');
      assert.equal(action.due, '2026-02-10');
      const index = await build(new MemoryFileSystem(relationship({ 'p/sessions/2026-02-02.md': crlf.replace('2026-02-30', '2026-02-02') })));
      expectCodes(index.problems('p/sessions/2026-02-02.md'), ['keys/unknown@4:1-4:5', 'goal/unknown-id@10:38-10:48']);
      assert.equal(index.relationship('p')?.sessions[0]?.sections.actions, '- [ ] @sam Try it (due 2026-02-10) [[desing-doc]]');
    });

    it('mixed \\n, \\r\\n and lone \\r line endings: each counts as one line break', () => {
      const mixed = '---\r\ntype: session\ndate: 2026-02-30\rmood: good\r\n---\n';
      const file = parse('p/sessions/2026-02-02.md', mixed);
      expectCodes(file.problems, ['date/impossible@3:7-3:17', 'keys/unknown@4:1-4:5']);
      const oldMac = parse('p/sessions/2026-02-02.md', '---\rtype: session\rdate: 2026-02-30\r---\r');
      expectCodes(oldMac.problems, ['date/impossible@3:7-3:17']);
    });

    it('tabs: allowed after a colon, refused as indentation, one column each', () => {
      const separated = parse('p/sessions/2026-02-02.md', '---\ntype:\tsession\ndate:\t\t2026-02-30\n---\n');
      expectCodes(separated.problems, ['date/impossible@3:8-3:18']);
      const indented = parse('p/sessions/2026-02-02.md', '---\ntype: session\ndate: 2026-02-02\nprogress:\n\tdesign-doc: 40\n---\n');
      expectCodes(indented.problems, ['yaml/syntax@5:1-5:2']);
      const body = parse('p/sessions/2026-02-02.md', '---\ntype: session\ndate: 2026-02-02\n---\n\n-\t[ ] @sam\ttabbed\t(due 2026-02-10)\n');
      assert.deepEqual(body.session!.actions.map((a) => [a.text, a.owner, a.due]), [['tabbed', 'sam', '2026-02-10']]);
    });
  });

  describe('front matter shapes', () => {
    it('TOML +++ front matter is reported, not misread', () => {
      const file = parse('p/sessions/2026-02-02.md', '+++\ntype = "session"\ndate = 2026-02-02\n+++\n\n## Notes\n');
      expectCodes(file.problems, ['frontmatter/toml@1:1-1:4']);
      assert.equal(file.session, undefined);
    });

    it('an unclosed --- over a long body is reported once, at the opening fence', () => {
      const text = '---\ntype: session\ndate: 2026-02-02\n\n## Notes\n\n' + 'More notes.\n\n'.repeat(2000);
      expectCodes(parse('p/sessions/2026-02-02.md', text).problems, ['frontmatter/unclosed@1:1-1:4']);
    });

    it('empty and blank files', () => {
      for (const text of ['', '\n', '\r\n', '   ', '\uFEFF']) {
        expectCodes(parse('p/sessions/2026-02-02.md', text).problems, ['frontmatter/missing@1:1-1:1']);
        expectCodes(parse('p/agreement.md', text).problems, ['frontmatter/missing@1:1-1:1']);
        assert.deepEqual(parse('notes/empty.md', text).problems, []);
      }
      assert.deepEqual(parse('p/sessions/2026-02-02.md', new Uint8Array()).problems.map((p) => p.code), ['frontmatter/missing']);
    });

    it('a document end marker, a second document and directives', () => {
      for (const text of ['---\ntype: session\ndate: 2026-02-02\n...\n---\n', '---\ntype: session\n---\ndate: x\n---\n', '---\n%YAML 1.2\n---\ntype: session\n---\n']) {
        parse('p/sessions/2026-02-02.md', text);
      }
    });
  });

  describe('no prototype pollution', () => {
    afterEach(() => {
      assert.equal(({} as Record<string, unknown>).polluted, undefined);
      assert.deepEqual(Object.keys(Object.prototype), []);
      assert.equal(typeof Object.prototype.toString, 'function');
    });

    it('__proto__, constructor and prototype keys anywhere in the front matter', () => {
      const text = lines(
        '---',
        'type: session',
        'date: 2026-02-02',
        '__proto__: {polluted: yes}',
        'constructor: {prototype: {polluted: yes}}',
        'progress: {__proto__: 50, constructor: 60, toString: 70}',
        'goals: [__proto__, constructor, hasOwnProperty]',
        '---',
        '',
        '## `__proto__`',
        '',
        '- [ ] @__proto__ polluted [[constructor]] [[__proto__]]',
        '',
      );
      const file = parse('p/sessions/2026-02-02.md', text);
      expectCodes(file.problems, ['keys/unknown@4:1-4:10', 'keys/unknown@5:1-5:12']);
      assert.equal(Object.getPrototypeOf(file.session!.progress), Object.prototype);
    });

    it('the same in an agreement: signed, strengths, closure, person objects and inline goals', () => {
      const text = AGREEMENT.replace('signed: {mentor: 2026-01-05, mentee: 2026-01-06}', 'signed: {mentor: 2026-01-05, mentee: 2026-01-06, __proto__: {polluted: yes}}')
        .replace('mentor: Priya Raman', 'mentor: {name: Priya, constructor: {prototype: {polluted: 1}}}')
        .replace('cadence: biweekly', 'cadence: constructor')
        .replace('  - id: rust-basics', '  - id: constructor\n    __proto__: {polluted: 1}');
      const file = parse('p/agreement.md', text);
      assert.deepEqual([...new Set(file.problems.map((p) => p.code))].sort(), ['keys/unknown', 'schema/invalid-value']);
      assert.equal(file.goals[0]?.id, 'constructor');
    });

    it('files and folders named like Object members, and severities keyed by __proto__', async () => {
      const fs = new MemoryFileSystem({
        'constructor/agreement.md': AGREEMENT,
        'constructor/goals/constructor.md': lines('---', 'type: goal', 'title: T', 'status: proposed', '---', ''),
        'constructor/sessions/__proto__.md': SESSION.replace('goals: [rust-basics]', 'goals: [constructor, toString]'),
        'toString/sessions/hasOwnProperty.md': SESSION,
      });
      const severities = JSON.parse('{"__proto__": {"polluted": "off"}, "constructor": "off"}') as Record<string, 'off'>;
      const index = await build(fs, { severities });
      expectCodes(index.problems('constructor/sessions/__proto__.md'), ['goal/unknown-id@6:22-6:30', 'goal/unknown-id@8:3-8:13', 'goal/unknown-id@18:47-18:57']);
      expectCodes(index.problems('toString/sessions/hasOwnProperty.md'), ['file/outside-relationship@1:1-1:4']);
      assert.deepEqual(index.relationships().map((r) => [r.id, r.goals.map((g) => g.id)]), [['constructor', ['rust-basics', 'constructor']]]);
    });
  });

  describe('the index over a faulty file system', () => {
    it('a folder whose readDirectory throws is skipped; everything else is indexed', async () => {
      const fs = new FaultyFileSystem(relationship({ 'q/agreement.md': AGREEMENT, 'q/sessions/2026-02-02.md': SESSION }));
      fs.brokenFolders.add('q/sessions');
      const index = await build(fs);
      assert.deepEqual(index.relationships().map((r) => [r.id, r.sessions.length]), [['p', 1], ['q', 0]]);
      assert.deepEqual(index.problems('p/sessions/2026-02-02.md'), []);
    });

    it('an unreadable root gives an empty index, not an exception', async () => {
      const fs = new FaultyFileSystem(relationship());
      fs.brokenFolders.add('');
      const index = await build(fs);
      assert.equal(index.size, 0);
    });

    it('a file deleted between listing and reading is left out without a problem', async () => {
      const fs = new FaultyFileSystem(relationship({ 'p/sessions/2026-02-16.md': SESSION.replace('2026-02-02', '2026-02-16') }));
      fs.vanishing.add('p/sessions/2026-02-16.md');
      const index = await build(fs);
      assert.ok(!index.paths().includes('p/sessions/2026-02-16.md'));
      assert.deepEqual([...index.allProblems().keys()], []);
      assert.equal(index.relationship('p')?.sessions.length, 1);
    });

    it('a file whose size() says ENOENT is left out too, and a readDirectory that returns nothing is an empty folder', async () => {
      const inner = new MemoryFileSystem(relationship());
      const fs: FileSystem = {
        readFile: (p) => inner.readFile(p),
        size: async (p) => {
          if (p === 'p/goals/design-doc.md') throw Object.assign(new Error('ENOENT: gone'), { code: 'ENOENT' });
          return inner.size(p);
        },
        readDirectory: async (p) => (p === 'p/reviews' ? (undefined as unknown as []) : inner.readDirectory(p)),
      };
      const index = await build(fs);
      assert.deepEqual(index.paths().sort(), ['README.md', 'p/agreement.md', 'p/sessions/2026-02-02.md']);
    });

    it('refreshing a file that has gone removes it from the index', async () => {
      const fs = new FaultyFileSystem(relationship());
      const index = await build(fs);
      fs.vanishing.add('p/goals/design-doc.md');
      const change = await index.refresh('p/goals/design-doc.md');
      assert.ok(change.relationships.includes('p'));
      assert.ok(!index.paths().includes('p/goals/design-doc.md'));
      expectCodes(index.problems('p/sessions/2026-02-02.md'), ['goal/unknown-id@8:3-8:13', 'goal/unknown-id@18:47-18:57']);
    });

    it('an unreadable file is reported with the reason; its relationship is still built', async () => {
      const fs = new FaultyFileSystem(relationship());
      fs.unreadable.add('p/goals/design-doc.md');
      const index = await build(fs);
      expectOne(index.problems('p/goals/design-doc.md'), { code: 'file/unreadable', severity: 'error', range: [1, 1, 1, 1], message: [/could not be read: permission denied/] });
      // The unreadable goal file still stands for its goal, of unknown status.
      assert.deepEqual(index.relationship('p')?.goals.map((g) => [g.id, g.status]), [['rust-basics', 'active'], ['design-doc', 'unknown']]);
    });

    it('a size() that throws, and directory entries that are not plain names', async () => {
      const inner = new MemoryFileSystem(relationship());
      const fs: FileSystem = {
        readFile: (p) => inner.readFile(p),
        size: async () => {
          throw new Error('EIO: i/o error');
        },
        readDirectory: async (p) => [...(await inner.readDirectory(p)), ['..', 'directory'], ['', 'file'], ['a/b.md', 'file'], ['.', 'directory'], [42 as unknown as string, 'file']],
      };
      const index = await build(fs);
      // The size is only a shortcut: the files are read, and the odd names are skipped.
      assert.deepEqual([...index.allProblems()], []);
      assert.deepEqual(index.paths().sort(), ['README.md', 'p/agreement.md', 'p/goals/design-doc.md', 'p/reviews/2026-03-01.md', 'p/sessions/2026-02-02.md']);
    });

    it('a file system that loops (a folder that contains itself, twice) cannot make the build endless', async () => {
      let listed = 0;
      const fs: FileSystem = {
        readFile: async () => encode(SESSION),
        readDirectory: async (path) => {
          listed++;
          return path === '' ? [['agreement.md', 'file'], ['loop', 'directory']] : [['loop', 'directory'], ['again', 'directory']];
        },
      };
      const index = await build(fs);
      assert.ok(listed <= 100_001, `${listed} folders listed`);
      assert.deepEqual(index.paths(), ['agreement.md']);
    });
  });
});
