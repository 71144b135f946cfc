// The fast path for simple front matter (src/core/simpleYaml.ts) must build exactly the Document
// that the yaml package's parseDocument builds, or refuse. These tests compare the two on
// generated front matter: every value, node kind, scalar type and range.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { isMap, isPair, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import { frontMatterSpan, parseMarkdown } from '../../src/core/frontmatter';
import { parseSimpleYaml } from '../../src/core/simpleYaml';
import { LineIndex } from '../../src/core/text';

const OPTIONS = { uniqueKeys: false, prettyErrors: false, logLevel: 'error' } as const;

/** Everything about a node that the engine (or anyone) could read. */
function shape(node: unknown): unknown {
  if (isMap(node) || isSeq(node)) {
    return {
      kind: isMap(node) ? 'map' : 'seq',
      flow: node.flow ?? false,
      range: node.range,
      tag: node.tag,
      items: node.items.map((item) => (isPair(item) ? { key: shape(item.key), value: shape(item.value) } : shape(item))),
    };
  }
  if (isScalar(node)) {
    return { kind: 'scalar', value: node.value, type: node.type, format: node.format, tag: node.tag, source: node.source, range: node.range };
  }
  return node;
}

function docShape(doc: Document.Parsed): unknown {
  return { range: doc.range, contents: shape(doc.contents), js: doc.toJS(), errors: doc.errors.length, warnings: doc.warnings.length };
}

/** Asserts that the fast path either refuses `source` or builds what parseDocument builds. Returns whether it accepted. */
function agrees(source: string): boolean {
  const fast = parseSimpleYaml(source, OPTIONS);
  if (!fast) return false;
  const slow = parseDocument(source, OPTIONS);
  assert.equal(slow.errors.length, 0, `accepted text that parseDocument rejects: ${JSON.stringify(source)}`);
  assert.deepEqual(docShape(fast), docShape(slow), JSON.stringify(source));
  return true;
}

const TRICKY_SCALARS = [
  '1', '-1', '+1', '007', '0x1F', '0o17', '0b11', '1e3', '1.5', '.5', '1.', '-.5e-3', '.inf', '-.Inf', '+.INF', '.NaN', '.nan', '~', 'null', 'Null', 'NULL', 'nUll',
  'true', 'True', 'TRUE', 'tRue', 'false', 'yes', 'no', 'on', 'off', 'y', 'n', '2024-02-30', '2026-11-23', '12:30', '1:2:3', 'http://e.org/a?b=c', 'a, b', 'a [b]', 'a]b',
  'a - b', '-5', '-x', '- 5', '-', '?x', '? x', ':x', ':', 'x:', 'a: b', 'a:b', 'a #b', 'a#b', 'Tomás Silva', 'ünïcödé 日本', 'a,b', ',a', '[a]', '[a', 'a]', '---', '--- x',
  '...', '....', 'a...', "a'b", "'a'", '"a"', ' a', 'a ', '%x', '@x', '`x`', 'a\tb', 'a  b', '0', '-0', '+0', '0.0', '1_000', '1,000', '$5', '(a)', 'a/b', '=', '<<', '!x', '&a', '*a', '|', '>',
];
const scalar = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...TRICKY_SCALARS) },
  { weight: 8, arbitrary: fc.stringMatching(/^[a-zA-Z0-9][a-zA-Z0-9 .é-]{0,10}[a-z0-9]$/) },
  { weight: 2, arbitrary: fc.stringMatching(/^[a-zA-Z0-9][a-zA-Z0-9 .,é-]{0,10}[a-z0-9]$/) },
  { weight: 1, arbitrary: fc.stringMatching(/^[a-zA-Z0-9 .,:\-_'[\]#é]{1,12}$/) },
);
const key = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom('a b', '1a', '-a', 'a:b', 'é', '"q"') },
  { weight: 6, arbitrary: fc.constantFrom('type', 'date', 'goals', 'progress', 'next', 'a', 'a-b', 'a_b', '_x', 'x1', 'true', 'null', 'Null', 'NaN', 'y', 'on', 'no', 'key', 'on-call') },
  { weight: 6, arbitrary: fc.stringMatching(/^[a-zA-Z_][a-zA-Z0-9_-]{0,8}$/) },
);
const space = fc.constantFrom(' ', ' ', ' ', '  ', '');

type Tree = { kind: 'scalar'; text: string } | { kind: 'flow'; items: string[]; sep: string } | { kind: 'list'; items: string[] } | { kind: 'map'; pairs: Array<[string, Tree]> };
const tree: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree; map: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar.map((text): Tree => ({ kind: 'scalar', text })),
    fc.record({ items: fc.array(scalar, { maxLength: 4 }), sep: fc.constantFrom(', ', ', ', ', ', ',', ' , ') }).map(({ items, sep }): Tree => ({ kind: 'flow', items, sep })),
    fc.array(scalar, { minLength: 1, maxLength: 4 }).map((items): Tree => ({ kind: 'list', items })),
    tie('map'),
  ),
  map: fc.uniqueArray(fc.tuple(key, tie('tree')), { minLength: 1, maxLength: 5, selector: ([k]) => k }).map((pairs): Tree => ({ kind: 'map', pairs })),
})).map;

/** Writes a tree as block YAML, with the given step of indentation and the spacing after each colon. */
function write(t: Tree, indent: number, step: number, gap: string): string {
  if (t.kind !== 'map') throw new Error('top level is a map');
  return t.pairs
    .map(([k, v]) => {
      const pad = ' '.repeat(indent);
      if (v.kind === 'scalar') return `${pad}${k}:${gap}${v.text}\n`;
      if (v.kind === 'flow') return `${pad}${k}:${gap}[${v.items.join(v.sep)}]\n`;
      if (v.kind === 'list') return `${pad}${k}:\n${v.items.map((i) => `${pad}${' '.repeat(step)}- ${i}\n`).join('')}`;
      return `${pad}${k}:\n${write(v, indent + step, step, gap)}`;
    })
    .join('');
}

/** Small edits that often leave the subset: blank lines, comments, tabs, CR, trailing spaces, lost indentation. */
const unchanged = (s: string) => s;
const mutation = fc.constantFrom<(s: string, at: number) => string>(
  unchanged, unchanged, unchanged, unchanged, unchanged, unchanged, unchanged, unchanged, unchanged, unchanged, unchanged, unchanged,
  (s, at) => s.slice(0, at) + '\n' + s.slice(at),
  (s, at) => s.slice(0, at) + ' # note' + s.slice(at),
  (s, at) => s.slice(0, at) + '\t' + s.slice(at),
  (s, at) => s.slice(0, at) + '\r' + s.slice(at),
  (s, at) => s.slice(0, at) + ' ' + s.slice(at),
  (s, at) => s.slice(0, at) + s.slice(at + 1),
  (s) => s.replace(/\n$/, ''),
  (s) => s.replace(/\n {2}/, '\n '),
  (s) => s.replace(/\n/, '\n  '),
  (s) => s + s,
);

describe('simple front matter fast path', function () {
  // Thousands of generated cases: CPU-bound, so a busy machine makes them slower, never wrong
  // (one took more than mocha's 20 s on 2 cores at a load average of 14). The time-out only
  // catches a hang.
  this.timeout(300_000);
  it('builds the same Document as parseDocument, or refuses (generated front matter)', () => {
    let accepted = 0;
    fc.assert(
      fc.property(tree, fc.constantFrom(1, 2, 2, 3, 4), space, mutation, fc.nat(), (t, step, gap, mutate, at) => {
        const source = write(t, 0, step, gap);
        const mutated = mutate(source, source.length ? at % source.length : 0);
        if (agrees(mutated)) accepted++;
      }),
      { numRuns: 5000 },
    );
    // The generator must exercise the fast path, not only its refusals (about 14% take it).
    assert.ok(accepted > 400, `only ${accepted} of 5000 generated texts took the fast path`);
  });

  it('builds the same Document as parseDocument, or refuses (random text)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9 :\-[\],.#'\n]{0,60}$/), (s) => {
        agrees(s);
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses what it does not handle', () => {
    for (const source of [
      '', 'a: 1', 'a: 1\n\nb: 2\n', 'a: 1 # c\n', '# c\na: 1\n', 'a: "x"\n', "a: 'x'\n", 'a: >-\n  x\n', 'a: |\n  x\n', 'a: &x 1\nb: *x\n', 'a: !!str 1\n', 'a: {b: 1}\n',
      'a:\n', 'a:\nb: 1\n', 'a:\n- x\n', 'a: x\n  y\n', 'a: 1\na: 2\n', 'a:\t1\n', 'a: 1\r\n', 'a: 1 \n', '- a\n', 'a\n', 'a:1\n', 'a: [x, [y]]\n', 'a: [x,y]\n',
      'a:\n  - b: 1\n', 'a:\n  - \n', 'a b: 1\n', '%YAML 1.2\n---\na: 1\n', '---\na: 1\n', 'a: ---\n', 'a: x: y\n', 'a:\n  b: 1\n c: 2\n',
    ]) {
      assert.equal(parseSimpleYaml(source, OPTIONS), undefined, JSON.stringify(source));
    }
  });

  it('takes the fast path for typical sessions, and agrees', () => {
    const session = 'type: session\ndate: 2026-11-23\nattendees: [Priya Shah, Sam Okafor]\nduration: 45\nstatus: held\ngoals: [public-speaking, on-call]\nprogress:\n  public-speaking: 40\n  on-call: 10\nnext: 2026-11-30\n';
    assert.ok(agrees(session));
    assert.ok(agrees('type: goal\nid: x\ntitle: Lead the design review, end to end\nskills:\n  - design\n  - review\nprogress: 0\n'));
    assert.ok(agrees('type: agreement\nmentor:\n  name: Grace Sato\n  handle: grace0\nsigned:\n    mentor: 2024-03-05\n    mentee: 2024-03-05\nstrengths:\n  mentor:\n    - calm in incident reviews\n'));
  });

  it('agrees on every front matter of the example journals', () => {
    const root = path.resolve(__dirname, '../../examples');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = path.join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (p.endsWith('.md')) files.push(p);
      }
    };
    walk(root);
    let accepted = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const lines = new LineIndex(text);
      const span = frontMatterSpan(text, lines);
      if (span?.type !== 'yaml') continue;
      const source = text.slice(lines.lineStart(2), lines.lineStart(lines.position(span.end).line));
      if (agrees(source)) accepted++;
    }
    assert.ok(accepted >= 5, `only ${accepted} example files took the fast path`);
  });

  it('gives the engine the same problems either way', () => {
    // parseMarkdown's exact mode never takes the fast path.
    const text = '---\ntype: session\ndate: 2026-02-30\nprogress:\n  x: 140\nnext: soon\n---\n# Notes\n';
    const fast = parseMarkdown('s.md', text);
    const exact = parseMarkdown('s.md', text, { exact: true });
    assert.deepEqual(docShape(fast.yaml!.doc), docShape(exact.yaml!.doc));
  });
});
