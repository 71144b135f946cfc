// The fast path for simple front matter (src/core/simpleYaml.ts) must read exactly what the yaml
// package's parseDocument reads, or refuse: every node's kind, value and span, and the whole
// plain value. These tests compare the two on generated front matter in every form it takes.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { isMap, isPair, isScalar, isSeq, parseDocument, visit, type Document } from 'yaml';
import { frontMatterSpan, parseMarkdown } from '../../src/core/frontmatter';
import { FastDocument, FastMap, FastScalar, FastSeq, parseSimpleYaml } from '../../src/core/simpleYaml';
import { LineIndex } from '../../src/core/text';
import { parseYaml, type FrontMatterDocument } from '../../src/core/yamlParse';

const OPTIONS = { uniqueKeys: false, prettyErrors: false, logLevel: 'error' } as const;

/** Everything about a node that the engine reads: its kind, its span, its value (and a map's keys and values, a sequence's items). */
function shape(node: unknown): unknown {
  if (node instanceof FastMap || isMap(node)) {
    return { kind: 'map', range: node.range, items: node.items.map((pair) => ({ key: shape(pair.key), value: shape(pair.value) })) };
  }
  if (node instanceof FastSeq || isSeq(node)) return { kind: 'seq', range: node.range, items: node.items.map(shape) };
  if (node instanceof FastScalar || isScalar(node)) {
    // toJS gives a big integer as a number; the fast path keeps that number.
    return { kind: 'scalar', value: typeof node.value === 'bigint' ? Number(node.value) : node.value, range: node.range };
  }
  return node;
}

function docShape(doc: FrontMatterDocument): unknown {
  return { range: doc.range, contents: shape(doc.contents), js: doc.toJS(), errors: doc.errors.length };
}

/** Asserts that the fast path either refuses `source` or reads what parseDocument reads. Returns whether it accepted. */
function agrees(source: string): boolean {
  const fast = parseSimpleYaml(source, OPTIONS);
  if (!fast) return false;
  const slow: Document.Parsed = parseDocument(source, OPTIONS);
  assert.equal(slow.errors.length, 0, `accepted text that parseDocument rejects: ${JSON.stringify(source)}`);
  // And the engine's own slow path (parseDocument behind the guards of yamlGuards.ts) finds nothing either.
  assert.deepEqual(parseYaml(source, true).doc.errors.map((e) => e.message), [], `accepted text that the engine's slow path rejects: ${JSON.stringify(source)}`);
  assert.equal(slow.warnings.length, 0, `accepted text that parseDocument warns about: ${JSON.stringify(source)}`);
  assert.ok(fast instanceof FastDocument);
  assert.deepEqual(docShape(fast), docShape(slow), JSON.stringify(source));
  // The plain value is what the package's toJS gives, own properties and prototype alike.
  assert.deepStrictEqual(fast.toJS(), slow.toJS(), JSON.stringify(source));
  assert.deepStrictEqual(ownDescriptors(fast.toJS()), ownDescriptors(slow.toJS()), JSON.stringify(source));
  // What itemsInText skips on: whether a plain scalar spans a line break.
  let plainOverLines = false;
  visit(slow, { Scalar(_, node) { if (node.type === 'PLAIN' && source.slice(node.range![0], node.range![1]).includes('\n')) plainOverLines = true; } });
  assert.equal(fast.plainOverLines, plainOverLines, JSON.stringify(source));
  return true;
}

/** Every own property of every object in a value, with its descriptor and the object's prototype. */
function ownDescriptors(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(ownDescriptors);
  if (value === null || typeof value !== 'object') return value;
  return { proto: Object.getPrototypeOf(value) === Object.prototype, props: Object.entries(Object.getOwnPropertyDescriptors(value)).map(([k, d]) => [k, { ...d, value: ownDescriptors(d.value) }]) };
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
  // Beyond Latin: CJK, a combining accent, a no-break and an ideographic space inside the text.
  { weight: 1, arbitrary: fc.stringMatching(/^[a-z日本語ü][a-z 日本語ü\u00a0\u3000-]{0,8}[a-z日本語ü]$/).map((t) => t.replace(/e/g, 'e\u0301')) },
  // Full-width punctuation as Chinese and Japanese text has it, and characters beyond the BMP (emoji: surrogate pairs).
  { weight: 1, arbitrary: fc.array(fc.constantFrom('王', '芳', '，', '：', '（', '）', '！', '？', '；', '\uff5e', '\ufffd', '🚀', '😀', '𝔸', 'a', ' ', '-', '#', ':'), { minLength: 1, maxLength: 8 }).map((a) => a.join('').trim() || '王') },
);
const key = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom('a b', '1a', '-a', 'a:b', 'é', '"q"') },
  { weight: 6, arbitrary: fc.constantFrom('type', 'date', 'goals', 'progress', 'next', 'a', 'a-b', 'a_b', '_x', 'x1', 'true', 'null', 'Null', 'NaN', 'y', 'on', 'no', 'key', 'on-call', '__proto__', 'constructor', 'toString', 'hasOwnProperty') },
  { weight: 6, arbitrary: fc.stringMatching(/^[a-zA-Z_][a-zA-Z0-9_-]{0,8}$/) },
);
const space = fc.constantFrom(' ', ' ', ' ', '  ', '');

/** A comment's text (after `#`), sometimes empty or with trailing spaces. */
const commentText = fc.stringMatching(/^[a-z #:'"é-]{0,8}$/);
/** One to three blank lines (some with spaces) and comment lines. */
const triviaLines = fc.array(fc.oneof(fc.constant(''), fc.constant('   '), commentText.map((t) => `#${t}`)), { minLength: 1, maxLength: 3 });
/** Blank lines and comment lines before a key or an item (written at its indentation). */
const trivia = fc.oneof({ weight: 3, arbitrary: fc.constant<string[]>([]) }, { weight: 2, arbitrary: triviaLines });
/** Blank lines and comments after a block's last item, at its indentation: rarer, or too few texts with nested blocks would be read. */
const afterBlock = fc.oneof({ weight: 3, arbitrary: fc.constant<string[]>([]) }, { weight: 1, arbitrary: triviaLines });
/** A comment at the end of a line. */
const trailing = fc.oneof({ weight: 3, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.tuple(fc.constantFrom(' ', '  ', ''), commentText).map(([sp, t]) => `${sp}#${t}`) });
const singleQuoted = fc.stringMatching(/^[a-zA-Z0-9 .,:#'"é\\-]{0,10}$/).map((t) => `'${t.replace(/'/g, "''")}'`);
const ESCAPES = ['\\"', '\\\\', '\\n', '\\t', '\\u00e9', '\\x41', '\\/', '\\ ', '\\_', '\\0', '\\e', '\\N', '\\L', '\\U0001F600', '\\q', '\\u12', "\\'", '\\x4'];
const doubleQuoted = fc
  .array(fc.oneof({ weight: 3, arbitrary: fc.stringMatching(/^[a-zA-Z0-9 .,:#'é-]{1,5}$/) }, { weight: 1, arbitrary: fc.constantFrom(...ESCAPES) }), { maxLength: 4 })
  .map((parts) => `"${parts.join('')}"`);
/** A scalar as written: plain, single- or double-quoted. */
const written = fc.oneof({ weight: 6, arbitrary: scalar }, { weight: 1, arbitrary: singleQuoted }, { weight: 1, arbitrary: doubleQuoted });

type Value =
  | { kind: 'scalar'; text: string; more: string[]; deeper: number }
  | { kind: 'flowSeq'; items: string[]; sep: string; pad: string; wrap: Wrap }
  | { kind: 'flowMap'; pairs: Array<[string, string]>; sep: string; pad: string; wrap: Wrap }
  | { kind: 'block'; header: string; lines: string[] }
  | { kind: 'list'; items: Array<{ before: string[]; item: Value; comment: string }>; after: string[] }
  | { kind: 'map'; pairs: Array<{ before: string[]; key: string; value: Value; comment: string }>; after: string[] }
  | { kind: 'empty' };

/** An item of a flow collection as written: mostly a scalar, sometimes a flow sequence or map nested in it (up to 5 deep: the fast path reads 4). */
const flowItem: fc.Arbitrary<string> = fc.letrec<{ item: string; seq: string; map: string }>((tie) => ({
  item: fc.oneof({ depthSize: 'small', withCrossShrink: true, maxDepth: 4 }, { weight: 6, arbitrary: written }, { weight: 1, arbitrary: tie('seq') }, { weight: 1, arbitrary: tie('map') }),
  seq: fc
    .record({ items: fc.array(tie('item'), { maxLength: 3 }), sep: fc.constantFrom(', ', ',', ' , '), pad: fc.constantFrom('', '', ' ') })
    .map(({ items, sep, pad }) => `[${pad}${items.join(sep)}${pad}]`),
  map: fc
    .record({ pairs: fc.uniqueArray(fc.tuple(key, tie('item')), { maxLength: 3, selector: ([k]) => k }), sep: fc.constantFrom(', ', ',', ' , '), pad: fc.constantFrom('', '', ' ') })
    .map(({ pairs, sep, pad }) => `{${pad}${pairs.map(([k, x]) => `${k}: ${x}`).join(sep)}${pad}}`),
})).item;

/**
 * How a flow collection's lines break: not at all (mostly); after each comma, perhaps with a
 * comment there; or one item a line between the brackets on lines of their own, the closing one
 * at the key's indentation or indented as the items. `deeper` indents the lines below past the key.
 */
type Wrap = { kind: 'none' } | { kind: 'commas'; comment: string; deeper: number } | { kind: 'lines'; closeIndented: boolean; deeper: number };
const wrap: fc.Arbitrary<Wrap> = fc.oneof(
  { weight: 6, arbitrary: fc.constant<Wrap>({ kind: 'none' }) },
  { weight: 1, arbitrary: fc.record({ comment: fc.constantFrom('', '', ' # c', ' #'), deeper: fc.constantFrom(0, 1, 2) }).map((w): Wrap => ({ kind: 'commas', ...w })) },
  { weight: 1, arbitrary: fc.record({ closeIndented: fc.boolean(), deeper: fc.constantFrom(0, 0, 2) }).map((w): Wrap => ({ kind: 'lines', ...w })) },
);

/** A flow collection's text from its items: on one line, or broken over more as `w` says, below a key or item indented by `indent`. */
function writeFlow(open: string, close: string, items: string[], sep: string, pad: string, w: Wrap, indent: number, step: number): string {
  if (w.kind === 'none' || items.length === 0) return `${open}${pad}${items.join(sep)}${pad}${close}`;
  const inner = ' '.repeat(indent + step + w.deeper);
  if (w.kind === 'commas') return `${open}${pad}${items.join(`${sep.trimEnd()}${w.comment}\n${inner}`)}${pad}${close}`;
  return `${open}\n${inner}${items.join(`,\n${inner}`)}\n${w.closeIndented ? inner : ' '.repeat(indent)}${close}`;
}

const flowSeq = fc
  .record({ items: fc.array(flowItem, { maxLength: 4 }), sep: fc.constantFrom(', ', ', ', ', ', ',', ' , '), pad: fc.constantFrom('', '', ' '), wrap })
  .map((v): Value => ({ kind: 'flowSeq', ...v }));
const flowMap = fc
  .record({
    pairs: fc.uniqueArray(fc.tuple(key, flowItem), { maxLength: 3, selector: ([k]) => k }),
    sep: fc.constantFrom(', ', ', ', ',', ' , '),
    pad: fc.constantFrom('', '', ' '),
    wrap,
  })
  .map((v): Value => ({ kind: 'flowMap', ...v }));
const blockLine = fc.oneof(
  { weight: 6, arbitrary: fc.stringMatching(/^[a-zA-Z0-9][a-zA-Z0-9 .,:#'"é-]{0,14}$/) },
  { weight: 2, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.stringMatching(/^ {1,2}[a-z#-][a-z ]{0,5}$/) },
  // A blank line that holds spaces (the fast path refuses most of them: what it takes must agree).
  { weight: 1, arbitrary: fc.constantFrom(' ', '   ') },
);
const block = fc
  .record({
    header: fc.tuple(fc.constantFrom('|', '|-', '>', '>-', '>-', '|+', '>2'), fc.constantFrom('', '', '', ' # h', ' #')).map(([h, c]) => h + c),
    lines: fc.array(blockLine, { minLength: 1, maxLength: 5 }),
  })
  .map((v): Value => ({ kind: 'block', ...v }));

/** The lines that continue a scalar below it ('' a blank line), mostly none: a plain scalar folds them into its text, a quoted one is refused. */
const continuation = fc.oneof(
  { weight: 6, arbitrary: fc.constant<string[]>([]) },
  { weight: 1, arbitrary: fc.array(fc.oneof({ weight: 5, arbitrary: fc.stringMatching(/^[a-zA-Z0-9][a-zA-Z0-9 .,é-]{0,12}$/) }, { weight: 2, arbitrary: fc.constantFrom('', '', '   ') }, { weight: 1, arbitrary: fc.constantFrom(...TRICKY_SCALARS) }), { minLength: 1, maxLength: 4 }) },
);
const scalarValue = fc.record({ text: written, more: continuation, deeper: fc.constantFrom(0, 0, 1, 2) }).map((v): Value => ({ kind: 'scalar', ...v }));

const tree: fc.Arbitrary<Value> = fc.letrec<{ value: Value; item: Value; map: Value }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 4, arbitrary: scalarValue },
    { weight: 2, arbitrary: flowSeq },
    { weight: 1, arbitrary: flowMap },
    { weight: 1, arbitrary: block },
    { weight: 2, arbitrary: fc.record({ items: fc.array(fc.record({ before: trivia, item: tie('item'), comment: trailing }), { minLength: 1, maxLength: 4 }), after: afterBlock }).map((v): Value => ({ kind: 'list', ...v })) },
    { weight: 2, arbitrary: tie('map') },
    // `next:` with nothing after it (or only a comment): null.
    { weight: 1, arbitrary: fc.constant<Value>({ kind: 'empty' }) },
  ),
  item: fc.oneof(
    { depthSize: 'small' },
    { weight: 5, arbitrary: scalarValue },
    { weight: 1, arbitrary: flowSeq },
    { weight: 1, arbitrary: flowMap },
    { weight: 2, arbitrary: tie('map') },
  ),
  map: fc
    .record({ pairs: fc.uniqueArray(fc.record({ before: trivia, key, value: tie('value'), comment: trailing }), { minLength: 1, maxLength: 5, selector: (p) => p.key }), after: afterBlock })
    .map((v): Value => ({ kind: 'map', ...v })),
})).map;

/** How a tree is written: the step of indentation, the spacing after each colon, lists at their key's indentation. */
interface Style {
  step: number;
  gap: string;
  flushLists: boolean;
}

/** A value written after `key:` (or `- `) on the current line, and the lines below it, indented from `indent`. */
function writeValue(v: Value, indent: number, style: Style, comment: string, compactPrefix: string | undefined): string {
  const { step, gap } = style;
  switch (v.kind) {
    case 'scalar': {
      // Continuation lines, indented past the key or item, the comment on the last.
      const pad = ' '.repeat(indent + step + v.deeper);
      if (v.more.length === 0) return `${gap}${v.text}${comment}\n`;
      return `${gap}${v.text}\n${v.more.map((l, i) => `${l === '' ? '' : pad + l}${i === v.more.length - 1 ? comment : ''}\n`).join('')}`;
    }
    case 'flowSeq':
      return `${gap}${writeFlow('[', ']', v.items, v.sep, v.pad, v.wrap, indent, step)}${comment}\n`;
    case 'flowMap':
      return `${gap}${writeFlow('{', '}', v.pairs.map(([k, x]) => `${k}: ${x}`), v.sep, v.pad, v.wrap, indent, step)}${comment}\n`;
    case 'block':
      return `${gap}${v.header}\n${v.lines.map((l) => (l === '' ? '\n' : `${' '.repeat(indent + step)}${l}\n`)).join('')}`;
    case 'list': {
      const inner = style.flushLists && compactPrefix === undefined ? indent : indent + step;
      return `${comment}\n` + writeList(v, inner, style) + writeTrivia(v.after, inner);
    }
    case 'map':
      return `${comment}\n` + writeMap(v, indent + step, style) + writeTrivia(v.after, indent + step);
    case 'empty':
      return `${comment}\n`;
  }
}

function writeTrivia(before: string[], indent: number): string {
  return before.map((l) => (l.startsWith('#') ? `${' '.repeat(indent)}${l}\n` : `${l}\n`)).join('');
}

function writeMap(v: Value, indent: number, style: Style, firstPrefix?: string): string {
  if (v.kind !== 'map') throw new Error('a map');
  return v.pairs
    .map(({ before, key: k, value, comment }, i) => {
      const head = i === 0 && firstPrefix !== undefined ? firstPrefix : `${writeTrivia(before, indent)}${' '.repeat(indent)}`;
      return `${head}${k}:${writeValue(value, indent, style, comment, firstPrefix)}`;
    })
    .join('');
}

function writeList(v: Value, indent: number, style: Style): string {
  if (v.kind !== 'list') throw new Error('a list');
  const pad = ' '.repeat(indent);
  return v.items
    .map(({ before, item, comment }) => {
      const head = `${writeTrivia(before, indent)}${pad}- `;
      if (item.kind === 'map') return writeMap(item, indent + 2, style, head) + writeTrivia(item.after, indent + 2);
      return `${head}${writeValue(item, indent, { ...style, gap: '' }, comment, undefined)}`;
    })
    .join('');
}

/** A whole front matter: the prelude is the first key's trivia; then trailing blank lines and comments; LF or CRLF. */
const frontMatter = fc
  .record({
    map: tree.filter((t) => t.kind === 'map'),
    step: fc.constantFrom(1, 2, 2, 3, 4),
    gap: space,
    flushLists: fc.boolean(),
    after: trivia,
    crlf: fc.constantFrom(false, false, false, true),
  })
  .map(({ map, step, gap, flushLists, after, crlf }) => {
    const text = writeMap(map, 0, { step, gap: gap === '' ? ' ' : gap, flushLists }) + writeTrivia(after, 0);
    return crlf ? text.replace(/\n/g, '\r\n') : text;
  });

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

/** The column of an offset in `source`. */
function column(source: string, offset: number): number {
  return offset - (source.lastIndexOf('\n', offset - 1) + 1);
}

/** The forms a front matter uses, read from parseDocument's Document: the property test must see each one accepted. */
function formsOf(source: string): Set<string> {
  const forms = new Set<string>();
  const doc = parseDocument(source, OPTIONS);
  if (source.includes('\r\n')) forms.add('CRLF');
  if (doc.commentBefore || doc.comment) forms.add('document comment');
  visit(doc, {
    Node(_, node) {
      if (node.commentBefore) forms.add('comment before');
      if (node.comment) forms.add('trailing comment');
      if (node.spaceBefore) forms.add('blank line');
      if (isSeq(node) && node.flow) forms.add('flow sequence');
      if (isMap(node) && node.flow) forms.add('flow map');
      if ((isSeq(node) || isMap(node)) && node.flow && node.items.some((item) => isPair(item) ? (isSeq(item.value) || isMap(item.value)) : isSeq(item) || isMap(item))) forms.add('nested flow');
      if (isSeq(node) && !node.flow && node.items.some((item) => isMap(item) && !item.flow)) forms.add('compact map');
      if (isSeq(node) && !node.flow && node.items.some((item) => isMap(item) && item.flow)) forms.add('flow map in a list');
      // `goals:` with its `- item` lines at the key's indentation, and another key after them.
      if (isMap(node) && node.items.some((pair, i) => i < node.items.length - 1 && isScalar(pair.key) && isSeq(pair.value) && !pair.value.flow
        && column(source, pair.value.range![0]) === column(source, pair.key.range![0]))) forms.add('list at its key, then a key');
      // Comments after a block's last item, before a line indented less: the package ends the block after them.
      if ((isSeq(node) || isMap(node)) && !node.flow && node.comment && node.range![2] > node.range![1]) forms.add('comment after a block');
      if ((isSeq(node) || isMap(node)) && node.flow && source.slice(node.range![0], node.range![1]).includes('\n')) forms.add('flow over lines');
      if (isScalar(node)) {
        if (node.value === null && node.range![0] === node.range![1]) forms.add('empty value');
        if (node.type === 'PLAIN' && source.slice(node.range![0], node.range![1]).includes('\n')) forms.add('multi-line plain');
        if (node.type === 'QUOTE_SINGLE') forms.add('single-quoted');
        if (node.type === 'QUOTE_DOUBLE') forms.add('double-quoted');
        if (node.type === 'BLOCK_LITERAL') forms.add('block literal');
        if (node.type === 'BLOCK_FOLDED') forms.add('block folded');
        if (typeof node.value === 'string' && [...node.value].some((c) => c.charCodeAt(0) > 0xff)) forms.add('text beyond Latin-1');
      }
      return undefined;
    },
  });
  if (/"[^"\n]*\\/.test(source)) forms.add('escape');
  return forms;
}

describe('simple front matter fast path', function () {
  // Thousands of generated cases: CPU-bound, so a busy machine makes them slower, never wrong
  // (one took more than mocha's 20 s on 2 cores at a load average of 14). The time-out only
  // catches a hang.
  this.timeout(300_000);
  it('reads what parseDocument reads, or refuses (generated front matter in every form)', () => {
    let accepted = 0;
    const forms = new Map<string, number>();
    fc.assert(
      fc.property(frontMatter, mutation, fc.nat(), (source, mutate, at) => {
        const mutated = mutate(source, source.length ? at % source.length : 0);
        if (agrees(mutated)) {
          accepted++;
          for (const form of formsOf(mutated)) forms.set(form, (forms.get(form) ?? 0) + 1);
        }
      }),
      { numRuns: 12000 },
    );
    if (process.env.MJ_SHOW_FORMS) console.log(accepted, forms);
    // The generator must exercise the fast path in every form, not only its refusals (about 20% take it).
    assert.ok(accepted > 800, `only ${accepted} of 12000 generated texts took the fast path`);
    for (const form of ['flow sequence', 'flow map', 'nested flow', 'single-quoted', 'double-quoted', 'escape', 'comment before', 'trailing comment', 'document comment', 'blank line', 'block literal', 'block folded', 'CRLF', 'compact map', 'list at its key, then a key', 'multi-line plain', 'comment after a block', 'flow over lines', 'flow map in a list', 'text beyond Latin-1', 'empty value']) {
      assert.ok((forms.get(form) ?? 0) >= 30, `only ${forms.get(form) ?? 0} accepted texts with a ${form}`);
    }
  });

  it('reads what parseDocument reads, or refuses (random text)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9 :\-[\],.#'\n]{0,60}$/), (s) => {
        agrees(s);
      }),
      { numRuns: 3000 },
    );
  });

  it('takes an empty value (`next:`, perhaps with a comment) before another key or last, also nested and with CRLF', () => {
    for (const source of ['a:\nb: 1\n', 'a:   \nb: 1\n', 'a: # c\nb: 1\n', 'a:\n\nb: 1\n', 'm:\n  x:\n  y: 1\n', 'm:\n  x:   # c\nb: 1\n', 'm:\n  x:\nb: 1\n', 'l:\n  - a: 1\n    b:\n  - c: 1\n', 'type: session\r\nnext:\r\ndate: 2026-02-02\r\n', 'a:\n', 'a: 1\nb:\n', 'a: 1\nb:\n\n', 'a: # c\n', 'a: # c\n\n', 'm:\n  x:\n', 'a: 1\r\nnext:\r\n']) {
      assert.ok(agrees(source), `refused ${JSON.stringify(source)}`);
      assert.equal(parseSimpleYaml(source, OPTIONS)!.contents.items.some((p) => p.value instanceof FastScalar ? p.value.value === null : true), true);
    }
  });

  it('refuses what it does not handle', () => {
    for (const source of [
      '', 'a: 1', 'a: &x 1\nb: *x\n', 'a: !!str 1\n', 'a: !x 1\n', '? a\n: 1\n', '"a": 1\n', "'a': 1\n", 'a:\t1\n', 'a: 1\r', 'a: 1\rb: 2\n',
      'a:\n# c\n', 'a:\n# c\nb: 1\n', 'a: # c\n\nb: 1\n', 'a: 1\na: 2\n', 'a: {b: 1, b: 2}\n', '- a\n', 'a\n', 'a:1\n', 'a: [[[[[y]]]]]\n', 'a: {b: {c: {d: {e: {}}}}}\n', 'a: [x[y]]\n', 'a: [{b: 1]}\n', 'a: [b: 1]\n', 'a: {b: [1}]\n',
      'a: [x, y,]\n', 'a: "x\n  y"\n', "a: 'x\n  y'\n", 'a: "\\q"\n', 'a: |+\n  x\n', 'a: >2\n  x\n', 'a: >\n  x\n   y\n', 'a: |\n\n  x\n', 'a: |\nb: 1\n',
      'a:\n  - \n', 'a:\n  -\n    - x\n', 'a:\n  - - x\n', 'a b: 1\n', '%YAML 1.2\n---\na: 1\n', '---\na: 1\n', 'a: 1\n...\n', 'a: ---\n', 'a: x: y\n', 'a:\n  b: 1\n c: 2\n',
      'a: 1\n  # c\nb: 2\n', 'a: 1\n  # end\n', 'a: 1 #c\n# d\n x: 1\n', 'a:#c\n  b: 1\n', 'a: x \ud83d\n', 'a: x \ude00y\n', 'a: \ufffe\n', 'a: \uffff\n', 'a: \u2028\n', '\ufeffa: 1\n', 'a: x\ufeff\n',
      // A comment between a list at its key's indentation and the next key (whose it is depends on the map).
      'a:\n- b\n# c\nd: 1\n', 'x:\n  a:\n  - b\n  # c\n  d: 1\n',
      // Comments after a block indented more than it, or after a list at its key's indentation (the package gives them to the last scalar).
      'a:\n- x\n  # c\nd: 1\n', 'a:\n  - x\n    # c\nd: 1\n', 'a:\n  b: 1\n    # c\nd: 1\n', 'a:\n  - x\n    # c\n  # e\nd: 1\n',
      // Lines below a plain scalar that do not continue it as text.
      // Flow collections over lines: a line not indented past the key, an item over two lines, a value below its key, a trailing comma.
      'x:\n  a: [b,\n  c]\n', 'a: [b,\nc]\n', 'a: [b\n  c]\n', 'a: {b:\n  1}\n', 'a: [b,\n  c,\n]\n', 'a: [b,\n', 'a: ["b\n  c"]\n',
      'a: x\n  - y\n', 'a: x\n  y: z\n', 'a: x # c\n  y\n', 'a: x\n  # c\n  y\n', 'a: x\n  {y}\n', 'a: x\n  y:\n', "a: 'x'\n  y\n", 'a: [x]\n  y\n',
    ]) {
      assert.equal(parseSimpleYaml(source, OPTIONS), undefined, JSON.stringify(source));
    }
  });

  it('types a plain text the same each time it comes back, as a key and as a value, also past what it remembers', () => {
    // The typed texts are remembered (1,024 of each role); these come back in every document, and the
    // thousands of distinct ones between them fill and clear what is remembered.
    const recurring = 'type: session\nTrue: true\nnull: Null\nnil: NULL\ntilde: ~\nfalse: FALSE\nnext: 0x1f\nn: 1e3\nt: .inf\nf: -.5\nx: Noor Haddad\n';
    for (let i = 0; i < 2500; i++) {
      assert.ok(agrees(`${recurring}n${i}: n${i}\nt${i}: 0o${i % 8}${i}\nf${i}: ${i}.5e${i % 30}\n`), String(i));
      if (i % 500 === 0) assert.ok(agrees(recurring));
    }
    assert.deepStrictEqual(parseSimpleYaml(recurring, OPTIONS)!.toJS(), { type: 'session', true: true, '': null, nil: null, tilde: null, false: false, next: 31, n: 1000, t: Infinity, f: -0.5, x: 'Noor Haddad' });
  });

  it('takes the fast path for typical sessions, and agrees', () => {
    const session = 'type: session\ndate: 2026-11-23\nattendees: [Priya Shah, Sam Okafor]\nduration: 45\nstatus: held\ngoals: [public-speaking, on-call]\nprogress:\n  public-speaking: 40\n  on-call: 10\nnext: 2026-11-30\n';
    assert.ok(agrees(session));
    assert.ok(agrees('type: goal\nid: x\ntitle: Lead the design review, end to end\nskills:\n  - design\n  - review\nprogress: 0\n'));
    assert.ok(agrees('type: agreement\nmentor:\n  name: Grace Sato\n  handle: grace0\nsigned:\n    mentor: 2024-03-05\n    mentee: 2024-03-05\nstrengths:\n  mentor:\n    - calm in incident reviews\n'));
  });

  it('takes the fast path for each form docs/format.md shows, and agrees', () => {
    const examples: Record<string, string> = {
      'flow sequence and flow maps': 'type: session\nattendees: [Priya Shah, "Sam O\'Neil"]\nprogress: {goal-a: 40, goal-b: 10}\nsigned: { mentor: 2026-06-01, mentee: 2026-06-03 }\nempty: []\nnone: {}\n',
      'flow collections nested in flow collections': 'strengths: {mentor: [distributed systems, incident reviews], mentee: [deep knowledge of the codebase]}\nm: [[a], {b: c}, [], {}, [x, {y: [z]}] ]  # four deep\nn: { a: [ 1, 2 ],b: {} }\n',
      'names of Object.prototype as keys': '__proto__: {a: 1}\nconstructor: x\ntoString:\n  - y\nnull: 1\n',
      'quoted scalars with escapes': 'date: "2026-11-23"\nnext: \'2026-11-30\'\nmentor: "Zoë \\"Z\\" Park\\tand \\u00e9\\x41\\\\"\nmentee: \'it\'\'s Sam\'\n',
      'comments of every kind': '# the prelude\n# two lines\ntype: goal # trailing\n\n# before a key\n\ntitle: Lead the review\nskills: # after a key\n  # before the first item\n  - design # on an item\n\n  # before an item\n  - review\nprogress:\n  # before a nested map\n  a: 1\n# at the end\n\n# and after a blank line\n',
      'a prelude comment that belongs to the document': '# about this file\n\ntype: goal\n',
      'block scalars': 'success: >-\n  Two senior engineers review the RFC,\n  and it is accepted.\n\n  Sam presents it.\nnotes: |\n  line one\n    indented\n\n  line three\nfolded: >\n  a\n  b\nkept: |-\n  x\n\nnext: 2026-11-30\n',
      'compact maps in a sequence': 'goals:\n  - id: present-to-leadership\n    title: Present the proposal\n    success: >-\n      Aiko presents it.\n\n  - id: b # second\n    skills: [x, y]\nmentors:\n- name: Grace\n  handle: grace0\n',
      'lists at their key\'s indentation, with keys after them': 'type: session\ngoals:\n- public-speaking\n- on-call\n\nattendees:\n- Priya Shah\n- "Sam O\'Neil" # late\nprogress:\n  a: 40\nmentors:\n  - name: Grace\n    skills:\n    - design\n    role: lead\nnext: 2026-11-30\n',
"success criteria written over several lines, as plain text": 'type: goal\nsuccess: Negotiate scope is\n  done, two people outside the team\n  have reviewed it,   \n\n  and we agree. # ok\ndue: 2027-02-16\nskills:\n  - design reviews\n    and RFCs\n  - a\n',
      'flow collections over lines': 'type: session\nattendees: [Priya Raman,\n  "Sam O\'Neil"]\nprogress: {\n  public-speaking: 40, # up from 30\n  on-call: 10\n}\ngoals: [\n    public-speaking,\n\n    on-call\n  ]\nnext: 2026-11-30\n',
      'comments after a list or a map, before a key indented less': 'type: session\nattendees:\n   - Alex\n   - Tomasz Patel\n   # added later\nduration: 45\nprogress:\n  a: 40\n  # b: 10\n\nmentor:\n  skills:\n    - x\n    # y\n  name: Grace\n# the end\n',
      'comments after a block, some indented less': 'a:\n  - x\n  # c\n# d\nd: 1\ne:\n  f:\n    - x\n  # c\n\ng: 1\nh:\n  i:\n    - x\n  # c\n    # e\nj: 1\n',
      'CRLF line ends': '# c\r\ntype: session\r\ndate: "2026-11-23" # q\r\nattendees: [A, B]\r\n\r\nsuccess: >-\r\n  x\r\n  y\r\nprogress:\r\n  a: 40\r\n# end\r\n',
    };
    for (const [form, source] of Object.entries(examples)) assert.ok(agrees(source), `${form} should take the fast path: ${JSON.stringify(source)}`);
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

  it('refuses block nesting that the slow path of the engine refuses, so both report it alike (65 levels)', () => {
    const deep = Array.from({ length: 65 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + `\n${' '.repeat(65)}k65: x\n`;
    assert.equal(parseSimpleYaml(deep, OPTIONS), undefined);
    assert.match(parseYaml(deep, false).doc.errors[0]?.message ?? '', /nests more than 64 levels/);
  });

  it('gives the engine the same problems either way', () => {
    // parseMarkdown's exact mode never takes the fast path.
    const text = '---\ntype: session\ndate: 2026-02-30\nprogress:\n  x: 140\nnext: soon\n---\n# Notes\n';
    const fast = parseMarkdown('s.md', text);
    const exact = parseMarkdown('s.md', text, { exact: true });
    assert.deepEqual(docShape(fast.yaml!.doc), docShape(exact.yaml!.doc));
  });
});
