/**
 * Fuzzing the engine with fast-check: arbitrary strings and bytes, structured journal files,
 * mutated journal files (byte flips, truncation, spliced YAML) and whole journal trees with
 * series of updates. The generators and checks are shared with test/unit/fuzz.test.ts, which
 * runs a few hundred cases in `npm test`; `npm run fuzz` runs many more and prints figures:
 *
 *   npm run fuzz -- [--runs 20000] [--seed 42] [--json]
 *
 * Properties: parsing and indexing never throw (nor report an internal error), and every
 * problem's range lies inside its file. Time per file is measured and reported, never asserted.
 */
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import * as os from 'node:os';
import { join } from 'node:path';
import {
  CLOSURE_OUTCOMES,
  DEFAULT_OPTIONS,
  FORMALITIES,
  FORMATS,
  GOAL_OWNERS,
  GOAL_STATUSES,
  JournalIndex,
  MemoryFileSystem,
  parseJournalFile,
  RULES,
  SESSION_STATUSES,
  STAGES,
  type JournalFileType,
  type Problem,
} from '../src/core';

// ---------------------------------------------------------------------------------------------
// Checks

/** The text an editor shows for file content: UTF-8 with U+FFFD for invalid bytes, no BOM. */
export function visibleText(content: string | Uint8Array): string {
  const text = typeof content === 'string' ? content : new TextDecoder('utf-8').decode(content);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** What is wrong with the problems reported for a file, as sentences (empty when all is well). */
export function violations(content: string | Uint8Array, problems: readonly Problem[]): string[] {
  const lengths = visibleText(content)
    .split(/\r\n|\r|\n/)
    .map((l) => l.length);
  const out: string[] = [];
  for (const p of problems) {
    const at = `${p.code} ${p.range.start.line}:${p.range.start.column}-${p.range.end.line}:${p.range.end.column}`;
    if (!Object.hasOwn(RULES, p.code)) out.push(`${at}: unknown rule code`);
    if (p.code === 'file/unreadable') out.push(`${at}: an internal error was caught: ${p.message}`);
    if (!p.message) out.push(`${at}: empty message`);
    for (const pos of [p.range.start, p.range.end]) {
      const max = (lengths[pos.line - 1] ?? -1) + 1;
      if (!Number.isInteger(pos.line) || pos.line < 1 || pos.line > lengths.length) out.push(`${at}: line outside 1..${lengths.length}`);
      else if (!Number.isInteger(pos.column) || pos.column < 1 || pos.column > max) out.push(`${at}: column outside 1..${max}`);
    }
    const { start, end } = p.range;
    if (start.line > end.line || (start.line === end.line && start.column > end.column)) out.push(`${at}: start after end`);
  }
  return out;
}

/**
 * Parses one file and reads its body facts; throws when that throws or breaks a promise (every
 * problem, reference and action item inside the file). Returns the time taken in ms:
 * wall clock, and CPU time of this process (which a busy machine does not inflate), in all and
 * for `parseJournalFile` alone (what the index runs on each change; the body is parsed later,
 * when its facts are first read).
 */
export function checkFile(path: string, content: string | Uint8Array): { ms: number; cpuMs: number; parseCpuMs: number; withBody: boolean } {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const file = parseJournalFile(path, content, DEFAULT_OPTIONS);
  const parsed = process.cpuUsage(cpu);
  // Session and review bodies are parsed on first use: use them, as the index and the model do.
  const spans = [
    ...(file.session ? [...file.session.references.map((r) => r.range), ...file.session.actions.map((a) => a.source.range), ...Object.keys(file.session.sections).map(() => file.headRange)] : []),
    ...(file.review ? file.review.references.map((r) => r.range) : []),
  ];
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const asProblems = spans.map((range): Problem => ({ file: path, range, severity: 'info', code: 'yaml/syntax', message: 'a span the engine read' }));
  const wrong = violations(content, [...file.problems, ...asProblems]);
  if (wrong.length > 0) throw new Error(`${path}: ${wrong.join('; ')}`);
  return { ms, cpuMs: (used.user + used.system) / 1000, parseCpuMs: (parsed.user + parsed.system) / 1000, withBody: !!(file.session || file.review) };
}

// ---------------------------------------------------------------------------------------------
// Building blocks

const PATHS = ['p/agreement.md', 'p/goals/design-doc.md', 'p/sessions/2026-02-02.md', 'p/reviews/2026-03-01.md', 'p/notes/idea.md', 'README.md', 'goals/Odd Name.md'];
export const pathArb = fc.constantFrom(...PATHS);

const GOAL_IDS = ['rust-basics', 'design-doc', 'public-speaking', 'on-call', 'desing-doc', 'Bad Id', '__proto__', 'constructor'];
const NAMES = ['Priya Raman', 'Sam Okafor', 'Zoë Ünal', 'Lee', '李雷', 'O\'Brien', 'a: b', '#hash', '- dash', '@sam', ''];
const NASTY = [
  '---', '...', '+++', '\n', '\r\n', '\r', '\t', ' ', ': ', '- ', '? ', '[', ']', '{', '}', ',', '&a ', '*a', '*a ', '<<: *a', '!!str ', '!!binary ', '!foo ',
  '%YAML 1.2\n', '"', "'", '#', '|', '>-', '|+2', '\\', '@', '`', '%', '\u0000', '\uFEFF', '\uD800', '\uDFFF', '\u2028', '\u0085', '😀', 'é',
  'type: session\n', 'type: goal\n', 'type: agreement\n', 'date: 2026-02-30\n', 'progress: {x: 1}\n', '__proto__: {polluted: 1}\n', 'constructor: 1\n',
  '[[design-doc]]', '[[', ']]', '- [ ] @sam do (due 2026-02-10)\n', '## Notes\n', '> ', '1. ', '* ', '```\n', '<!-- ', '-->',
];
const snippetArb = fc.constantFrom(...NASTY);

/** A string built from YAML- and Markdown-significant pieces, so that the parsers' odd paths are reached. */
export const tokenTextArb = fc
  .tuple(fc.constantFrom('', '---\n', '---\r\n', '---\r', '+++\n', '\uFEFF---\n', '--- \n'), fc.array(fc.oneof(snippetArb, fc.string({ maxLength: 8 })), { maxLength: 80 }), fc.constantFrom('', '\n---\n', '\r\n---\r\n', '\n---', '\n...\n'))
  .map(([head, parts, tail]) => head + parts.join('') + tail);

/** Any string at all: every code point, lone surrogates included. */
export const anyTextArb = fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), fc.string({ unit: 'binary-ascii', maxLength: 400 }), fc.string({ unit: fc.constantFrom(...'-:[]{}#\n\r\t "\'|>*&!%@`'.split('')), maxLength: 400 }), tokenTextArb);

export const anyBytesArb = fc.oneof(fc.uint8Array({ maxLength: 400 }), fc.string({ unit: 'binary', maxLength: 200 }).map((s) => new TextEncoder().encode(`---\n${s}\n---\n`)));

// ---------------------------------------------------------------------------------------------
// Structured journal files

type Yaml = null | boolean | number | string | Yaml[] | { [key: string]: Yaml };

const dateArb: fc.Arbitrary<Yaml> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 19_700, max: 21_000 }).map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10)) },
  { weight: 1, arbitrary: fc.constantFrom('2026-02-30', '2026-13-01', '2026-1-5', '05.01.2026', '2026-02-29', '0000-00-00', 20260105) },
);
const textArb: fc.Arbitrary<Yaml> = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...NAMES, 'Ship one CLI in Rust', 'A design doc approved by the team') }, { weight: 1, arbitrary: fc.string({ maxLength: 30 }) });
const idArb: fc.Arbitrary<Yaml> = fc.constantFrom(...GOAL_IDS);
const percentArb: fc.Arbitrary<Yaml> = fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 0, max: 100 }) }, { weight: 1, arbitrary: fc.oneof(fc.integer({ min: -50, max: 200 }), fc.double(), fc.constant('50%')) });
const enumArb = (values: readonly string[]): fc.Arbitrary<Yaml> => fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...values) }, { weight: 1, arbitrary: fc.constantFrom('bogus', 'Active', '', '1', 'constructor') });
const personArb: fc.Arbitrary<Yaml> = fc.oneof(textArb, fc.record({ name: textArb, handle: fc.option(textArb, { nil: undefined }), email: fc.option(textArb, { nil: undefined }) }, { requiredKeys: ['name'] }) as fc.Arbitrary<Yaml>);
const listOf = (item: fc.Arbitrary<Yaml>) => fc.array(item, { maxLength: 4 });
const partnersArb: fc.Arbitrary<Yaml> = fc.record({ mentor: listOf(textArb), mentee: listOf(textArb) }, { requiredKeys: [] }) as fc.Arbitrary<Yaml>;

/** Any YAML value, nested a few levels. */
const wildArb: fc.Arbitrary<Yaml> = fc.letrec<{ value: Yaml }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double(),
    fc.string({ maxLength: 12 }),
    fc.constantFrom(...NASTY),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('__proto__', 'constructor', 'name')), tie('value'), { maxKeys: 3 }),
  ),
})).value;

const goalFields: Record<string, fc.Arbitrary<Yaml>> = {
  id: idArb,
  title: textArb,
  owner: enumArb(GOAL_OWNERS),
  success: textArb,
  due: dateArb,
  status: enumArb(GOAL_STATUSES),
  progress: percentArb,
  skills: listOf(textArb),
  created: dateArb,
};
const stageArb = fc.oneof(enumArb(STAGES), fc.constantFrom(1, 2, 3, 4, 5, '2'));

const FIELDS: Record<JournalFileType, Record<string, fc.Arbitrary<Yaml>>> = {
  agreement: {
    type: fc.constant('agreement'),
    mentor: personArb,
    mentee: personArb,
    mentors: listOf(personArb),
    mentees: listOf(personArb),
    format: enumArb(FORMATS),
    formality: enumArb(FORMALITIES),
    started: dateArb,
    ends: dateArb,
    cadence: fc.constantFrom('weekly', 'biweekly', 'monthly', 'P10D', 'P3W', 'P0D', 'daily', 'toString'),
    stage: stageArb,
    confidential: fc.oneof(fc.boolean(), fc.constant('yes')),
    signed: fc.record({ mentor: dateArb, mentee: dateArb, mentie: dateArb }, { requiredKeys: [] }) as fc.Arbitrary<Yaml>,
    strengths: partnersArb,
    expectations: partnersArb,
    success: textArb,
    goals: fc.array(fc.record(goalFields, { requiredKeys: [] }) as fc.Arbitrary<Yaml>, { maxLength: 4 }),
    closure: fc.record({ date: dateArb, outcome: enumArb(CLOSURE_OUTCOMES), reflection: textArb }, { requiredKeys: [] }) as fc.Arbitrary<Yaml>,
  },
  goal: { type: fc.constant('goal'), ...goalFields },
  session: {
    type: fc.constant('session'),
    date: dateArb,
    attendees: listOf(textArb),
    duration: fc.oneof(fc.integer({ min: -5, max: 240 }), fc.constant(1.5)),
    status: enumArb(SESSION_STATUSES),
    stage: stageArb,
    goals: listOf(idArb),
    progress: fc.dictionary(idArb as fc.Arbitrary<string>, percentArb, { maxKeys: 3 }),
    next: dateArb,
  },
  review: {
    type: fc.constant('review'),
    date: dateArb,
    relationship: textArb,
    stage: stageArb,
    inferred: stageArb,
    goals: fc.dictionary(idArb as fc.Arbitrary<string>, fc.record({ status: enumArb(GOAL_STATUSES), progress: percentArb }, { requiredKeys: [] }) as fc.Arbitrary<Yaml>, { maxKeys: 3 }),
  },
};

const UNKNOWN_KEYS = ['mentie', 'titel', 'notes', 'progres', '__proto__', 'constructor', 'Type', 'date '];

/** A front-matter map for a file type: most keys valid, some missing, some wild, some unknown or repeated. */
export function frontMatterArb(type: JournalFileType): fc.Arbitrary<Array<[string, Yaml]>> {
  const entries = Object.entries(FIELDS[type]).map(([key, arb]) =>
    fc.oneof({ weight: 6, arbitrary: arb.map((v): [string, Yaml] | undefined => [key, v]) }, { weight: 2, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: wildArb.map((v): [string, Yaml] => [key, v]) }),
  );
  const extra = fc.array(fc.tuple(fc.constantFrom(...UNKNOWN_KEYS, ...Object.keys(FIELDS[type])), wildArb), { maxLength: 2 });
  return fc.tuple(fc.tuple(...entries), extra, fc.boolean()).map(([fields, more, dropType]) => {
    const list = [...fields.filter((e): e is [string, Yaml] => e !== undefined), ...more];
    return dropType ? list.filter(([k]) => k !== 'type') : list;
  });
}

export interface Style {
  eol: '\n' | '\r\n';
  bom: boolean;
  indent: 2 | 4;
  flow: boolean;
  quote: 'plain' | 'double' | 'single';
}

export const styleArb: fc.Arbitrary<Style> = fc.record({
  eol: fc.constantFrom('\n' as const, '\n' as const, '\r\n' as const),
  bom: fc.boolean(),
  indent: fc.constantFrom(2 as const, 4 as const),
  flow: fc.boolean(),
  quote: fc.constantFrom('plain' as const, 'plain' as const, 'double' as const, 'single' as const),
});

const PLAIN = /^[A-Za-z0-9][A-Za-z0-9 ._@()/-]*$/;

function scalar(value: Yaml, style: Style): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return Number.isNaN(value) ? '.nan' : value === Infinity ? '.inf' : value === -Infinity ? '-.inf' : String(value);
  const s = String(value);
  if (style.quote === 'plain' && PLAIN.test(s) && !s.endsWith(' ') && !/^(true|false|null|~)$/i.test(s)) return s;
  if (style.quote === 'single' && !/[\n\r]/.test(s)) return `'${s.replace(/'/g, "''")}'`;
  return JSON.stringify(s);
}

function flowValue(value: Yaml, style: Style): string {
  if (Array.isArray(value)) return `[${value.map((v) => flowValue(v, style)).join(', ')}]`;
  if (value !== null && typeof value === 'object') return `{${Object.entries(value).map(([k, v]) => `${scalar(k, style)}: ${flowValue(v, style)}`).join(', ')}}`;
  return scalar(value, style);
}

/** YAML lines for `key: value`, block style unless the style asks for flow collections. */
function yamlLines(key: string, value: Yaml, style: Style, depth: number): string[] {
  const pad = ' '.repeat(style.indent * depth);
  const head = `${pad}${scalar(key, style)}:`;
  const isList = Array.isArray(value);
  const isMap = value !== null && typeof value === 'object' && !isList;
  if (style.flow || (!isList && !isMap) || (isList && value.length === 0) || (isMap && Object.keys(value).length === 0)) return [`${head} ${flowValue(value, style)}`];
  if (isMap) return [head, ...Object.entries(value).flatMap(([k, v]) => yamlLines(k, v, style, depth + 1))];
  const out = [head];
  for (const item of value as Yaml[]) {
    if (item !== null && typeof item === 'object' && !Array.isArray(item) && Object.keys(item).length > 0) {
      const [first, ...rest] = Object.entries(item).flatMap(([k, v]) => yamlLines(k, v, style, depth + 2));
      out.push(`${pad}${' '.repeat(style.indent)}- ${first!.trimStart()}`, ...rest);
    } else out.push(`${pad}${' '.repeat(style.indent)}- ${flowValue(item, style)}`);
  }
  return out;
}

const headingArb = fc.constantFrom('Questions', 'Notes', 'Summary', 'Actions', 'Next steps', '`__proto__`', 'constructor', '');
const taskArb = fc
  .tuple(fc.constantFrom(' ', 'x', 'X'), fc.option(fc.constantFrom('sam', 'priya.r', '__proto__'), { nil: undefined }), textArb, fc.option(dateArb, { nil: undefined }), fc.option(idArb, { nil: undefined }), fc.constantFrom('', '  ', '    '))
  .map(([box, owner, text, due, ref, indent]) => `${indent}- [${box}] ${owner ? `@${owner} ` : ''}${String(text)}${due !== undefined ? ` (due ${String(due)})` : ''}${ref !== undefined ? ` [[${String(ref)}]]` : ''}`);
const paragraphArb = fc.tuple(textArb, fc.option(idArb, { nil: undefined }), textArb).map(([a, ref, b]) => `${String(a)}${ref !== undefined ? ` [[${String(ref)}]] ` : ' '}${String(b)}`);
const blockArb = fc.oneof(
  headingArb.map((h) => `## ${h}`),
  paragraphArb,
  fc.array(taskArb, { minLength: 1, maxLength: 4 }).map((t) => t.join('\n')),
  paragraphArb.map((p) => `> ${p}`),
  fc.constantFrom('```\n[[in-code]]\n```', '    indented [[code]]', '---', '* * *', '<!-- [[hidden]] -->', '1. first\n2. second', '| a | b |\n|---|---|'),
);
export const bodyArb = fc.array(blockArb, { maxLength: 12 }).map((blocks) => blocks.join('\n\n'));

/** Markdown built from the constructs that decide where blocks start and end, for the cut-parsing property. */
const structureLineArb = fc.constantFrom(
  '- [ ] @sam task [[design-doc]] (due 2026-03-01)', '- a', '  - b [[rust-basics]]', '    - c', '* [x] done', '1. first', '2. second', '1) other',
  '> quote [[on-call]]', '> - [ ] quoted task', '>', '  > indented quote', 'lazy continuation [[lazy]]',
  '# Heading', '## Notes', '### Actions', 'Setext', '===', '---', '***', '___', '- - -',
  '```', '~~~', '```js', '    ```', '  ~~~~', '> ```', '- ```', '    indented code [[in-code]]', '\tcode with tab [[tab]]',
  '<!--', '-->', '<!-- [[hidden]] -->', '<pre>', '</pre>', '<div>', '</div>', '<?php', '?>', '<span>', '> <!--', '<![CDATA[', ']]>', '<!DOCTYPE',
  'text with `[[code-ref]]` and [[text-ref]]', '| a | b |', '', '', '', '   ', '\t',
);
export const structuredMarkdownArb = fc
  .tuple(fc.array(structureLineArb, { maxLength: 120 }), fc.constantFrom('\n', '\n', '\r\n', '\r'))
  .map(([lines, eol]) => lines.join(eol));

export interface GeneratedFile {
  path: string;
  text: string;
}

const FILE_PATHS: Record<JournalFileType, string> = { agreement: 'p/agreement.md', goal: 'p/goals/design-doc.md', session: 'p/sessions/2026-02-02.md', review: 'p/reviews/2026-03-01.md' };

/** Renders a front matter and body with a style; `targetBytes` repeats the body to grow the file. */
export function render(entries: Array<[string, Yaml]>, body: string, style: Style, targetBytes = 0): string {
  const yaml = entries.flatMap(([k, v]) => yamlLines(k, v, style, 0));
  let text = `---\n${yaml.join('\n')}\n---\n\n${body}\n`;
  if (targetBytes > text.length && body.length > 0) {
    const chunk = `\n${body}\n`;
    text += chunk.repeat(Math.ceil((targetBytes - text.length) / chunk.length));
  }
  if (style.eol === '\r\n') text = text.replace(/\r?\n/g, '\r\n');
  return style.bom ? `\uFEFF${text}` : text;
}

/** A journal file of any type at a path its type implies (or another), written in a random style. */
export function journalFileArb(maxBytes = 0): fc.Arbitrary<GeneratedFile> {
  return fc
    .constantFrom<JournalFileType>('agreement', 'goal', 'session', 'review')
    .chain((type) =>
      fc.record({
        type: fc.constant(type),
        entries: frontMatterArb(type),
        body: bodyArb,
        style: styleArb,
        path: fc.oneof({ weight: 4, arbitrary: fc.constant(FILE_PATHS[type]) }, { weight: 1, arbitrary: pathArb }),
        size: maxBytes > 0 ? fc.integer({ min: 0, max: maxBytes }) : fc.constant(0),
      }),
    )
    .map(({ entries, body, style, path, size }) => ({ path, text: render(entries, body, style, size) }));
}

// ---------------------------------------------------------------------------------------------
// Mutations

type Mutation =
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'splice'; at: number; snippet: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'duplicate-line'; at: number }
  | { kind: 'swap-lines'; at: number; other: number };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('splice' as const), at: fc.nat(), snippet: fc.oneof(snippetArb, fc.array(snippetArb, { maxLength: 6 }).map((s) => s.join(''))) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap-lines' as const), at: fc.nat(), other: fc.nat() }),
);

/** Applies mutations to the UTF-8 bytes of a text: the result may well not be valid UTF-8 any more. */
export function mutate(text: string, mutations: readonly Mutation[]): Uint8Array {
  let bytes: Uint8Array = new TextEncoder().encode(text);
  for (const m of mutations) {
    const at = bytes.length === 0 ? 0 : m.at % (bytes.length + 1);
    switch (m.kind) {
      case 'flip':
        if (bytes.length > 0) {
          bytes = bytes.slice();
          const i = m.at % bytes.length;
          bytes[i] = bytes[i]! ^ (1 << m.bit);
        }
        break;
      case 'truncate':
        bytes = bytes.slice(0, at);
        break;
      case 'splice':
        bytes = concat(bytes.slice(0, at), new TextEncoder().encode(m.snippet), bytes.slice(at));
        break;
      case 'delete':
        bytes = concat(bytes.slice(0, at), bytes.slice(at + m.length));
        break;
      case 'duplicate-line':
      case 'swap-lines': {
        const lines = new TextDecoder().decode(bytes).split('\n');
        const i = m.at % lines.length;
        if (m.kind === 'duplicate-line') lines.splice(i, 0, lines[i]!);
        else {
          const j = m.other % lines.length;
          [lines[i], lines[j]] = [lines[j]!, lines[i]!];
        }
        bytes = new TextEncoder().encode(lines.join('\n'));
        break;
      }
    }
  }
  return bytes;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A structured journal file with one to four mutations applied to its bytes. */
export function mutatedFileArb(maxBytes = 0): fc.Arbitrary<{ path: string; bytes: Uint8Array }> {
  return fc.tuple(journalFileArb(maxBytes), fc.array(mutationArb, { minLength: 1, maxLength: 4 })).map(([file, mutations]) => ({ path: file.path, bytes: mutate(file.text, mutations) }));
}

// ---------------------------------------------------------------------------------------------
// Journal trees and index updates

export type Tree = Record<string, string | Uint8Array>;

const treePathArb = fc.oneof(
  fc.constantFrom('r0/agreement.md', 'r1/agreement.md', 'r0/sub/agreement.md', 'r0/goals/design-doc.md', 'r0/goals/rust-basics.md', 'r1/goals/design-doc.md'),
  fc.constantFrom('r0/sessions/2026-02-02.md', 'r0/sessions/2026-03-02.md', 'r1/sessions/2026-02-02.md', 'r0/sub/sessions/a.md', 'r0/reviews/2026-03-01.md'),
  fc.constantFrom('r0/notes/idea.md', 'stray.md', 'goals/alone.md', 'README.md', 'r0/goals/Odd Name.md', 'r1/constructor/__proto__.md', 'r0/sessions/nested/deep.md'),
);

/** Content for a tree path: a structured file of the type the path implies (rendered or mutated), or anything. */
function contentArb(): fc.Arbitrary<string | Uint8Array> {
  return fc.oneof(
    { weight: 6, arbitrary: journalFileArb().map((f) => f.text) },
    { weight: 2, arbitrary: mutatedFileArb().map((f) => f.bytes) },
    { weight: 1, arbitrary: anyTextArb },
  );
}

export const treeArb: fc.Arbitrary<Tree> = fc.dictionary(treePathArb, contentArb(), { minKeys: 1, maxKeys: 10 });

export type Update = { kind: 'save'; path: string; content: string } | { kind: 'write'; path: string; content: string | Uint8Array } | { kind: 'delete'; path: string } | { kind: 'refresh-missing'; path: string };

export const updatesArb: fc.Arbitrary<Update[]> = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constant('save' as const), path: treePathArb, content: journalFileArb().map((f) => f.text) }),
    fc.record({ kind: fc.constant('write' as const), path: treePathArb, content: contentArb() }),
    fc.record({ kind: fc.constant('delete' as const), path: fc.oneof(treePathArb, fc.constantFrom('r0', 'r1', 'r0/sub', 'r0/sessions')) }),
    fc.record({ kind: fc.constant('refresh-missing' as const), path: fc.constantFrom('r0/sessions/gone.md', 'nowhere/x.md') }),
  ),
  { maxLength: 8 },
);

/** The index's content in comparable form. */
export function snapshot(index: JournalIndex) {
  return {
    paths: index.paths().sort(),
    relationships: index.relationships().map((r) => ({ id: r.id, goals: r.goals.map((g) => g.id), sessions: r.sessions.map((s) => s.source.file), reviews: r.reviews.map((v) => v.source.file), files: r.files })),
    problems: [...index.allProblems()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  };
}

function checkIndex(index: JournalIndex, files: Map<string, string | Uint8Array>): void {
  for (const path of index.paths()) {
    const content = files.get(path);
    if (content === undefined) throw new Error(`${path} is indexed but does not exist`);
    const wrong = violations(content, index.problems(path));
    if (wrong.length > 0) throw new Error(`${path}: ${wrong.join('; ')}`);
  }
}

/**
 * Builds an index over a tree, applies updates as an editor and a watcher would, checks every
 * problem after each step, and finally compares the index with a fresh one of the final tree.
 */
export async function checkTree(tree: Tree, updates: readonly Update[]): Promise<void> {
  const fs = new MemoryFileSystem(tree);
  const files = new Map<string, string | Uint8Array>(Object.entries(tree));
  const index = new JournalIndex(fs);
  await index.build();
  checkIndex(index, files);
  for (const u of updates) {
    if (u.kind === 'save') {
      // What the editor holds after saving: a lone surrogate is written (and read back) as U+FFFD.
      const text = new TextDecoder().decode(new TextEncoder().encode(u.content));
      fs.write(u.path, text);
      files.set(u.path, text);
      index.setText(u.path, text);
    } else if (u.kind === 'write') {
      fs.write(u.path, u.content);
      files.set(u.path, u.content);
      await index.refresh(u.path);
    } else if (u.kind === 'delete') {
      fs.remove(u.path);
      for (const p of [...files.keys()]) if (p === u.path || p.startsWith(`${u.path}/`)) files.delete(p);
      index.delete(u.path);
    } else {
      await index.refresh(u.path);
    }
    checkIndex(index, files);
  }
  const fresh = new JournalIndex(fs);
  await fresh.build();
  const [a, b] = [JSON.stringify(snapshot(index)), JSON.stringify(snapshot(fresh))];
  if (a !== b) throw new Error(`the updated index differs from a fresh index:\n${a}\n${b}`);
}

// ---------------------------------------------------------------------------------------------
// The long run: npm run fuzz

interface Sample {
  bytes: number;
  ms: number;
  cpuMs: number;
  /** CPU time of parseJournalFile alone, before the body facts are read. */
  parseCpuMs: number;
  /** Whether it was read as a session or review, the files whose Markdown body is parsed. */
  withBody: boolean;
}

const BUCKETS: Array<[string, number]> = [
  ['≤ 1 KB', 1024],
  ['1-4 KB', 4096],
  ['4-16 KB', 16384],
  ['16-64 KB', 65536],
  ['64-80 KB', 81920],
];

const round = (n: number) => Math.round(n * 100) / 100;

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function main(): Promise<void> {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const runs = Number(arg('runs') ?? 20_000);
  const seed = Number(arg('seed') ?? Date.now() % 2 ** 31);
  const json = process.argv.includes('--json');
  const samples: Sample[] = [];
  type Kept = Sample & { path: string; content: string | Uint8Array };
  let slowest: Kept | undefined;
  let slowestParse: Kept | undefined;
  const record = (path: string, content: string | Uint8Array) => {
    const { ms, cpuMs, parseCpuMs, withBody } = checkFile(path, content);
    const bytes = typeof content === 'string' ? new TextEncoder().encode(content).length : content.length;
    samples.push({ bytes, ms, cpuMs, parseCpuMs, withBody });
    if (!slowest || cpuMs > slowest.cpuMs) slowest = { bytes, ms, cpuMs, parseCpuMs, withBody, path, content };
    if (!slowestParse || parseCpuMs > slowestParse.parseCpuMs) slowestParse = { bytes, ms, cpuMs, parseCpuMs, withBody, path, content };
  };
  // Warm the JIT so that the first cases do not count as slow.
  fc.sample(journalFileArb(), { numRuns: 300, seed }).forEach((f) => checkFile(f.path, f.text));

  const share = (fraction: number) => Math.max(1, Math.round(runs * fraction));
  const plan: Array<{ name: string; runs: number; property: fc.IProperty<never> | fc.IAsyncProperty<never> }> = [
    { name: 'arbitrary strings', runs: share(0.2), property: fc.property(pathArb, anyTextArb, (p, t) => record(p, t)) as never },
    { name: 'arbitrary bytes', runs: share(0.1), property: fc.property(pathArb, anyBytesArb, (p, b) => record(p, b)) as never },
    { name: 'structured journal files (up to 64 KB)', runs: share(0.3), property: fc.property(journalFileArb(65_536), (f) => record(f.path, f.text)) as never },
    { name: 'mutated journal files (up to 64 KB)', runs: share(0.3), property: fc.property(mutatedFileArb(65_536), (f) => record(f.path, f.bytes)) as never },
    { name: 'journal trees with updates (index)', runs: share(0.02), property: fc.asyncProperty(treeArb, updatesArb, (t, u) => checkTree(t, u)) as never },
  ];

  const started = performance.now();
  const results: Array<{ name: string; runs: number; failed: boolean; counterexample?: string; error?: string }> = [];
  for (const step of plan) {
    if (!json) process.stderr.write(`  ${step.name}: ${step.runs} cases...`);
    const stepStarted = performance.now();
    const details = await fc.check(step.property as fc.IAsyncProperty<never>, { numRuns: step.runs, seed, endOnFailure: false });
    if (!json) process.stderr.write(` ${((performance.now() - stepStarted) / 1000).toFixed(1)} s\n`);
    results.push({
      name: step.name,
      runs: details.numRuns,
      failed: details.failed,
      ...(details.failed ? { counterexample: JSON.stringify(details.counterexample).slice(0, 2000), error: String(details.errorInstance).slice(0, 2000) } : {}),
    });
  }
  const seconds = (performance.now() - started) / 1000;

  const stats = (times: number[]) => {
    times.sort((a, b) => a - b);
    return { p50: round(percentile(times, 50)), p99: round(percentile(times, 99)), max: round(times[times.length - 1] ?? 0) };
  };
  const bucket = (label: string, inside: Sample[]) => ({
    label,
    files: inside.length,
    cpu: stats(inside.map((x) => x.cpuMs)),
    parseCpu: stats(inside.map((x) => x.parseCpuMs)),
    wall: stats(inside.map((x) => x.ms)),
  });
  const buckets = BUCKETS.map(([label, max], i) => {
    const min = i === 0 ? 0 : BUCKETS[i - 1]![1];
    return bucket(label, samples.filter((x) => x.bytes > min && x.bytes <= max));
  });
  const large = samples.filter((x) => x.bytes > 16384);
  buckets.push(bucket('> 16 KB, body read', large.filter((x) => x.withBody)), bucket('> 16 KB, no body', large.filter((x) => !x.withBody)));
  const keep = (file: Kept | undefined, name: string) => {
    if (!file) return undefined;
    const savedTo = join(os.tmpdir(), name);
    writeFileSync(savedTo, file.content);
    return { path: file.path, bytes: file.bytes, cpuMs: round(file.cpuMs), parseCpuMs: round(file.parseCpuMs), ms: round(file.ms), savedTo };
  };
  const report = {
    seed,
    seconds: Number(seconds.toFixed(1)),
    cases: results.reduce((n, r) => n + r.runs, 0),
    filesParsed: samples.length,
    failures: results.filter((r) => r.failed).length,
    properties: results,
    timePerFile: buckets,
    slowest: keep(slowest, 'mentoring-journal-fuzz-slowest.md'),
    slowestParse: keep(slowestParse, 'mentoring-journal-fuzz-slowest-parse.md'),
    loadAverage: os.loadavg().map(round),
    maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  if (json) console.log(JSON.stringify(report, null, 2));
  else {
    console.log(`Fuzzed ${report.cases} cases (${report.filesParsed} files parsed) in ${report.seconds} s, seed ${seed}; peak RSS ${report.maxRssMB} MB.`);
    for (const r of results) console.log(`  ${r.failed ? 'FAIL' : 'ok  '} ${r.name}: ${r.runs} cases${r.failed ? `\n       ${r.error}\n       counterexample: ${r.counterexample}` : ''}`);
    console.log(`Time per file (parseJournalFile), by size, in ms; load average ${report.loadAverage.join(' ')} on ${os.cpus().length} cores:`);
    console.log('  (CPU: parse and body facts; parse: parseJournalFile alone, before the body is read)');
    console.log('  size                     files    CPU p50   CPU p99   CPU max  parse p99 parse max  wall p99  wall max');
    for (const b of report.timePerFile) {
      const cells = [b.cpu.p50, b.cpu.p99, b.cpu.max, b.parseCpu.p99, b.parseCpu.max, b.wall.p99, b.wall.max].map((v) => v.toFixed(2).padStart(10)).join('');
      console.log(`  ${b.label.padEnd(22)} ${String(b.files).padStart(6)}${cells}`);
      if (b.label === '64-80 KB') console.log('  Files over 16 KB: sessions and reviews (Markdown body read), other files (front matter only):');
    }
    const big = report.timePerFile.find((b) => b.label === '16-64 KB')!;
    console.log(`Target: at most 50 ms per 64 KB file. Files of 16-64 KB: CPU p99 ${big.cpu.p99} ms, max ${big.cpu.max} ms (wall clock p99 ${big.wall.p99} ms, max ${big.wall.max} ms); parseJournalFile alone: p99 ${big.parseCpu.p99} ms, max ${big.parseCpu.max} ms.`);
    if (report.slowest) console.log(`Slowest: ${report.slowest.path}, ${report.slowest.bytes} bytes, ${report.slowest.cpuMs} ms CPU (saved to ${report.slowest.savedTo}).`);
    if (report.slowestParse) console.log(`Slowest parseJournalFile: ${report.slowestParse.path}, ${report.slowestParse.bytes} bytes, ${report.slowestParse.parseCpuMs} ms CPU (saved to ${report.slowestParse.savedTo}).`);
    console.log(report.failures === 0 ? 'No failures.' : `${report.failures} properties failed.`);
  }
  process.exitCode = report.failures === 0 ? 0 : 1;
}

if (/fuzz\.[cm]?[jt]s$/.test(process.argv[1] ?? '')) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 2;
  });
}
