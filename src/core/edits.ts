import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, Scalar, type Document, type Node as YamlNode, type Pair, type YAMLMap } from 'yaml';
import { parseMarkdown } from './frontmatter';
import { almostClosing, almostFrontMatter } from './frontMatterStart';
import { escapeRegExp } from './text';
import { yamlScalar } from './yamlWrite';
import { STAGES, type JournalFileType, type Stage } from './types';

/**
 * Minimal front-matter edits. Every edit replaces or inserts the few characters of one value
 * and nothing else: comments, key order, quoting and layout of the rest of the file stay byte
 * for byte as they were. When the front matter is not valid YAML, or the value sits somewhere
 * an edit cannot reach safely (an alias, a block scalar, a list), the edit is refused with a
 * message instead of guessed. Offsets are UTF-16 offsets into the text given, as editors use.
 */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export type EditResult = { ok: true; edits: TextEdit[]; text: string } | { ok: false; error: string };

/** A step into the front matter: a map key, a list index, or the goal with this `id` in a list. */
export type PathSegment = string | number | { id: string };

type Value = string | number | boolean;

/** Applies non-overlapping edits to a text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

interface FrontMatter {
  text: string;
  doc: Document.Parsed;
  /** Offset of the YAML source in `text`. */
  offset: number;
  eol: string;
}

const fail = (error: string): EditResult => ({ ok: false, error });

/** The file's front matter, or why it cannot be edited. */
function readFrontMatter(text: string): FrontMatter | string {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const parsed = parseMarkdown('', bom ? text.slice(1) : text, { exact: true });
  if (!parsed.yaml) {
    const problem = parsed.problems[0];
    return problem ? `${problem.message} Nothing was changed.` : 'This file has no front matter (a block between --- lines at the top). Nothing was changed.';
  }
  const { doc, offset } = parsed.yaml;
  if (doc.errors.length > 0) {
    const problem = parsed.problems[0];
    const where = problem ? ` (line ${problem.range.start.line}: ${problem.message})` : '';
    return `The front matter is not valid YAML${where}. Fix it first: nothing was changed.`;
  }
  if (doc.contents !== null && !isMap(doc.contents)) return 'The front matter is not a map of keys to values. Nothing was changed.';
  // The file's own line break: CRLF, LF, or a lone CR (old Mac files, which editors and remark honour).
  const eol = /^\uFEFF?---[ \t]*(\r\n|\r|\n)/.exec(text)?.[1] ?? '\n';
  return { text, doc, offset: offset + bom, eol };
}

const keyOf = (pair: Pair): string => (isScalar(pair.key) ? String(pair.key.value) : String(pair.key));
const findPair = (map: YAMLMap, key: string): Pair | undefined => map.items.find((p) => isPair(p) && keyOf(p) === key) as Pair | undefined;
const describe = (path: readonly PathSegment[]) =>
  path.map((p, i) => (typeof p === 'number' ? `[${p}]` : typeof p === 'object' ? `[id=${p.id}]` : i === 0 ? p : `.${p}`)).join('');

/** Where a key goes when it is missing: after the first of these siblings that exists, else at the end. */
const INSERT_AFTER: Record<string, readonly string[]> = {
  id: ['type'],
  title: ['id', 'type'],
  owner: ['title', 'id'],
  status: ['owner', 'title', 'id', 'duration', 'attendees', 'date'],
  progress: ['status'],
  date: ['type'],
  stage: ['cadence', 'ends', 'started', 'formality', 'format'],
  signed: ['confidential', 'stage'],
  mentor: ['type'],
  mentee: ['mentor', 'mentors'],
  started: ['formality', 'format', 'mentee', 'mentees'],
  ends: ['started'],
  success: ['due', 'status'],
  due: ['created', 'progress', 'status'],
};

/** Offset of the start of the line after the one holding `offset` (or `offset` itself at a line start). */
function nextLineStart(src: string, offset: number): number {
  // A line break is LF, CRLF or a lone CR (old Mac files).
  if (offset > 0 && (src[offset - 1] === '\n' || (src[offset - 1] === '\r' && src[offset] !== '\n'))) return offset;
  const br = /\r\n|\r|\n/g;
  br.lastIndex = offset;
  const m = br.exec(src);
  return m ? m.index + m[0].length : src.length;
}

function lineStart(src: string, offset: number): number {
  // After the last LF before `offset`, or a lone CR (not the CR of a CRLF).
  for (let i = offset - 1; i >= 0; i--) {
    const c = src[i];
    if (c === '\n' || (c === '\r' && src[i + 1] !== '\n')) return i + 1;
  }
  return 0;
}

/** The indentation step of nested block maps in this front matter (two spaces when there are none). */
function indentUnit(fm: FrontMatter): string {
  const src = fm.text;
  const top = fm.doc.contents as YAMLMap | null;
  for (const pair of top?.items ?? []) {
    const value = pair.value as YamlNode | null;
    if (isMap(value) && !value.flow && value.items[0]) {
      const key = value.items[0].key as YamlNode;
      const at = fm.offset + (key.range?.[0] ?? 0);
      return ' '.repeat(Math.max(1, at - lineStart(src, at)));
    }
  }
  return '  ';
}

/**
 * The edit that adds a key to `map`: `lines[0]` is `key: value`, further lines (a nested map)
 * are indented one step more. The map's own indentation is read from its first key.
 */
function insertIntoMap(fm: FrontMatter, map: YAMLMap | null, key: string, lines: readonly string[]): TextEdit | string {
  const { text, offset, eol } = fm;
  const [entry = '', ...nested] = lines;
  if (map?.flow) {
    if (nested.length) return `\`${key}\` would have to be added inside a one-line {...} map; edit it by hand.`;
    const last = map.items[map.items.length - 1] as Pair | undefined;
    if (!last) {
      const open = text.indexOf('{', offset + (map.range?.[0] ?? 0));
      return { start: open + 1, end: open + 1, text: entry };
    }
    const end = offset + ((last.value as YamlNode | null)?.range?.[1] ?? (last.key as YamlNode).range![1]);
    return { start: end, end, text: `, ${entry}` };
  }
  const unit = indentUnit(fm);
  const block = (indent: string) => [entry, ...nested.map((l) => `${unit}${l}`)].map((l) => `${indent}${l}`).join(eol);
  const items = (map?.items ?? []) as Pair[];
  const first = items[0];
  if (!first) {
    // An empty front matter: the key goes right before the closing ---.
    const at = offset + (fm.doc.range?.[1] ?? 0);
    return { start: at, end: at, text: `${block('')}${eol}` };
  }
  const firstKeyAt = offset + (first.key as YamlNode).range![0];
  const indent = ' '.repeat(firstKeyAt - lineStart(text, firstKeyAt));
  if (key === 'type') {
    // `type` goes first: before the first key (a `- ` list marker stays in front of it).
    return { start: firstKeyAt, end: firstKeyAt, text: `${block('').trimStart()}${eol}${indent}` };
  }
  const siblings = INSERT_AFTER[key] ?? [];
  const anchor = siblings.map((s) => findPair(map!, s)).find(Boolean) ?? items[items.length - 1]!;
  const value = anchor.value as YamlNode | null;
  const end = offset + (value?.range?.[1] ?? (anchor.key as YamlNode).range![1]);
  const at = nextLineStart(text, end);
  const prefix = at === text.length && !/[\r\n]$/.test(text) ? eol : '';
  return { start: at, end: at, text: `${prefix}${block(indent)}${eol}` };
}

/** The edit that gives a `key:` written without a value (or with `~`/`null`) its value. */
function fillNull(fm: FrontMatter, pair: Pair, valueText: string): TextEdit {
  const value = pair.value as Scalar | null;
  const written = value?.range && value.range[1] > value.range[0] ? value.range : undefined;
  if (written) return { start: fm.offset + written[0], end: fm.offset + written[1], text: valueText };
  const colon = fm.text.indexOf(':', fm.offset + (pair.key as YamlNode).range![1]);
  // The spaces after the colon make way for the value (`date: ` left no trailing space behind it); one stays before a comment.
  const spaces = /^[ \t]*/.exec(fm.text.slice(colon + 1))![0].length;
  const comment = fm.text.charAt(colon + 1 + spaces) === '#';
  return { start: colon + 1, end: colon + 1 + spaces, text: ` ${valueText}${comment ? ' ' : ''}` };
}

interface Target {
  map: YAMLMap | null;
  key: string;
  /** Set when the parent map itself is missing and must be created under this key of `map`. */
  createParent?: { key: string; pair?: Pair };
  /** The resolved path (ids replaced by indexes), for the check after the edit. */
  path: Array<string | number>;
}

/** Finds where a value at `path` lives (or would live); a string says why it cannot be reached. */
function resolve(fm: FrontMatter, path: readonly PathSegment[]): Target | string {
  let node: unknown = fm.doc.contents;
  const resolved: Array<string | number> = [];
  for (let i = 0; i < path.length - 1; i++) {
    const seg = path[i]!;
    if (isAlias(node)) return `\`${describe(path.slice(0, i))}\` is a YAML alias; edit it by hand.`;
    if (typeof seg === 'string') {
      if (node !== null && !isMap(node)) return `\`${describe(path.slice(0, i)) || 'the front matter'}\` is not a map.`;
      const pair = node ? findPair(node, seg) : undefined;
      const value = pair?.value as YamlNode | null | undefined;
      const isNull = !value || (isScalar(value) && value.value === null);
      if (isNull && i === path.length - 2 && typeof path[i + 1] === 'string') {
        return { map: node as YAMLMap | null, key: path[i + 1] as string, createParent: { key: seg, ...(pair ? { pair } : {}) }, path: [...resolved, seg, path[i + 1] as string] };
      }
      if (isNull) return `\`${describe(path.slice(0, i + 1))}\` is missing.`;
      node = value;
      resolved.push(seg);
      continue;
    }
    if (!isSeq(node)) return `\`${describe(path.slice(0, i))}\` is not a list.`;
    const index = typeof seg === 'number' ? seg : node.items.findIndex((item) => isMap(item) && String(item.get('id')) === seg.id);
    if (index < 0 || index >= node.items.length) return typeof seg === 'number' ? `There is no item ${seg} in \`${describe(path.slice(0, i))}\`.` : `There is no goal \`${seg.id}\` in \`${describe(path.slice(0, i))}\`.`;
    node = node.items[index];
    resolved.push(index);
  }
  const last = path[path.length - 1];
  if (typeof last !== 'string') return 'The last step of a path must be a key.';
  if (isAlias(node)) return `\`${describe(path.slice(0, -1))}\` is a YAML alias; edit it by hand.`;
  if (node !== null && !isMap(node)) return `\`${describe(path.slice(0, -1)) || 'the front matter'}\` is not a map.`;
  return { map: node, key: last, path: [...resolved, last] };
}

/** Formats the new value, given the quoting style of the value it replaces (if any). */
type Formatter = (style?: Scalar.Type | string) => string;

/**
 * A commented-out placeholder of a missing key, as New session, New goal and a new agreement
 * write them (`# progress:` with `#   goal-id: 40` below it, `# signed:` with `#   mentor:
 * YYYY-MM-DD`, `# due: YYYY-MM-DD (...)`): the line the key would be on with `# ` in front of
 * it (or after its indentation), its value empty, a number or the `YYYY-MM-DD` placeholder. A
 * person would uncomment that line and write the value, so an edit that adds the key does the
 * same, there; a comment with any other text after the key is a person's note and stays.
 */
function placeholderLine(fm: FrontMatter, indent: number, key: string, from = fm.offset): { start: number; end: number } | undefined {
  const { text } = fm;
  const pad = ' '.repeat(indent);
  const pattern = new RegExp(String.raw`^(?:# ?${pad}|${pad}# ?)${escapeRegExp(key)}:(?:[ \t]+(?:-?\d+(?:\.\d+)?|YYYY-MM-DD(?:[ \t].*)?))?[ \t]*$`);
  for (let at = from; at < text.length;) {
    const end = nextLineStart(text, at + 1);
    const line = text.slice(at, end).replace(/\r?\n$|\r$/, '');
    if (/^(---|\.\.\.)[ \t]*$/.test(line)) return undefined;
    if (pattern.test(line)) return { start: at, end: at + line.length };
    at = end;
  }
  return undefined;
}


/** The column of a block map's keys (0 for the front matter's own), or undefined for a flow or empty map. */
function keyColumn(fm: FrontMatter, map: YAMLMap | null): number | undefined {
  const first = map?.items[0];
  if (!map || map.flow || !first) return undefined;
  const at = fm.offset + (first.key as YamlNode).range![0];
  return at - lineStart(fm.text, at);
}

/**
 * The edits that add a missing key at its commented-out placeholder (placeholderLine), or
 * undefined when there is none. A new parent map (`progress:` for `progress.goal-id`) goes at the
 * parent's placeholder, and the child's own placeholder in the comments right below it goes.
 * The caller checks the result like any other edit, and places the key as usual when it fails.
 */
function placeholderEdits(fm: FrontMatter, target: Target, valueText: string): TextEdit[] | undefined {
  const { map, key, createParent } = target;
  if (createParent?.pair) return undefined;
  const column = keyColumn(fm, map);
  if (column === undefined) return undefined;
  const pad = ' '.repeat(column);
  if (!createParent) {
    if (findPair(map!, key)) return undefined;
    const line = placeholderLine(fm, column, key);
    return line && [{ ...line, text: `${pad}${key}: ${valueText}` }];
  }
  const parent = placeholderLine(fm, column, createParent.key);
  if (!parent) return undefined;
  const unit = indentUnit(fm);
  const edits: TextEdit[] = [{ ...parent, text: `${pad}${createParent.key}:${fm.eol}${pad}${unit}${key}: ${valueText}` }];
  // The child's placeholder, among the comment lines right below the parent's.
  for (let at = nextLineStart(fm.text, parent.end); at < fm.text.length && fm.text[at] === '#';) {
    const childIndent = /^# ?( *)/.exec(fm.text.slice(at, at + 200))![1]!.length;
    const child = childIndent > column ? placeholderLine(fm, childIndent, key, at) : undefined;
    if (child?.start === at) {
      edits.push({ start: at, end: nextLineStart(fm.text, child.end), text: '' });
      break;
    }
    at = nextLineStart(fm.text, at + 1);
  }
  return edits;
}

/** Tries the placeholder's place first (placeholderEdits), then the usual one (plan). */
function placed(fm: FrontMatter, target: Target, format: Formatter, label: string, expect: (data: unknown) => boolean): EditResult {
  const atPlaceholder = placeholderEdits(fm, target, format());
  if (atPlaceholder) {
    const result = checked(fm, atPlaceholder, expect);
    if (result.ok) return result;
  }
  const edits = plan(fm, target, format, label);
  if (typeof edits === 'string') return fail(`${edits} Nothing was changed.`);
  return checked(fm, edits, expect);
}

const isEmpty = (node: unknown): boolean => node === null || node === undefined || (isScalar(node) && node.value === null);

/** The edits that set one value, before they are checked. */
function plan(fm: FrontMatter, target: Target, format: Formatter, label: string): TextEdit[] | string {
  const { map, key, createParent } = target;
  if (createParent) {
    const entry = `${key}: ${format()}`;
    const parentPair = createParent.pair;
    if (!parentPair) {
      const edit = insertIntoMap(fm, map, createParent.key, [`${createParent.key}:`, entry]);
      return typeof edit === 'string' ? edit : [edit];
    }
    const written = parentPair.value as YamlNode | null;
    if (written?.range && written.range[1] > written.range[0]) return `\`${createParent.key}\` is written as an empty value; edit it by hand.`;
    // `signed:` with nothing after it: the new key goes on the next line, one step deeper.
    const keyAt = fm.offset + (parentPair.key as YamlNode).range![0];
    const at = nextLineStart(fm.text, fm.offset + (parentPair.key as YamlNode).range![1]);
    const indent = ' '.repeat(keyAt - lineStart(fm.text, keyAt)) + indentUnit(fm);
    const prefix = at === fm.text.length && !/[\r\n]$/.test(fm.text) ? fm.eol : '';
    return [{ start: at, end: at, text: `${prefix}${indent}${entry}${fm.eol}` }];
  }
  const pair = map ? findPair(map, key) : undefined;
  if (!pair) {
    const edit = insertIntoMap(fm, map, key, [`${key}: ${format()}`]);
    return typeof edit === 'string' ? edit : [edit];
  }
  const current = pair.value as YamlNode | null;
  if (isEmpty(current)) return [fillNull(fm, pair, format())];
  if (isAlias(current)) return `\`${label}\` is a YAML alias; edit it by hand.`;
  if (!isScalar(current)) return `\`${label}\` holds a ${isSeq(current) ? 'list' : 'map'}, not a single value; edit it by hand.`;
  if (current.type === Scalar.BLOCK_FOLDED || current.type === Scalar.BLOCK_LITERAL) return `\`${label}\` is written as a block of text; edit it by hand.`;
  const [start, end] = current.range!;
  return [{ start: fm.offset + start, end: fm.offset + end, text: format(typeof current.value === 'string' ? current.type : undefined) }];
}

/** Plain data of a front matter, for the check after an edit. */
function toData(doc: Document.Parsed): unknown {
  try {
    return doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch {
    return undefined;
  }
}

function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function setIn(data: unknown, path: ReadonlyArray<string | number>, value: unknown): unknown {
  const root = structuredClone(data ?? {}) as Record<string | number, unknown>;
  let node = root;
  path.forEach((seg, i) => {
    if (i === path.length - 1) node[seg] = value;
    else node = (node[seg] ??= {}) as Record<string | number, unknown>;
  });
  return root;
}

/**
 * Sets one value of the front matter (`['status']`, `['signed', 'mentee']`,
 * `['goals', {id: 'x'}, 'progress']`), replacing it where it is written, or inserting the key
 * at a fitting place in its map. The result is checked by parsing it again: the front matter
 * must read back as before with only this value changed, or the edit is refused.
 */
export function setFrontMatterValue(text: string, path: readonly PathSegment[], value: Value): EditResult {
  const fm = readFrontMatter(text);
  if (typeof fm === 'string') return fail(fm);
  const label = describe(path);
  const target = resolve(fm, path);
  if (typeof target === 'string') return fail(`${target} Nothing was changed.`);
  return placed(fm, target, (style) => yamlScalar(value, style), label, (after) => sameData(after, setIn(toData(fm.doc), target.path, value)));
}

/** Applies `edits` and accepts them only when the result parses cleanly and `expect` holds for its data. */
function checked(fm: FrontMatter, edits: TextEdit[], expect: (data: unknown) => boolean): EditResult {
  const after = applyEdits(fm.text, edits);
  const again = readFrontMatter(after);
  if (typeof again === 'string' || !expect(toData(again.doc))) {
    return fail('This change could not be made without touching other parts of the front matter; edit the file by hand. Nothing was changed.');
  }
  return { ok: true, edits, text: after };
}

/** The value at a path of the front matter, or undefined when absent or unreadable. */
export function readFrontMatterValue(text: string, path: readonly PathSegment[]): unknown {
  const fm = readFrontMatter(text);
  if (typeof fm === 'string') return undefined;
  const target = resolve(fm, path);
  if (typeof target === 'string' || target.createParent || !target.map) return undefined;
  const node = findPair(target.map, target.key)?.value;
  return isScalar(node) ? node.value : node ? (node as YamlNode).toJSON() : undefined;
}

/** Path of a goal's key: its own file's front matter, or its item in the agreement's `goals:` list. */
export function goalPath(goal: { id: string; origin: 'agreement' | 'file' }, key: string): PathSegment[] {
  return goal.origin === 'agreement' ? ['goals', { id: goal.id }, key] : [key];
}

/** Sets the agreement's `stage`; a stage written as a number (`2`) stays a number. */
export function setStage(text: string, stage: Stage): EditResult {
  const current = readFrontMatterValue(text, ['stage']);
  return setFrontMatterValue(text, ['stage'], typeof current === 'number' ? STAGES.indexOf(stage) + 1 : stage);
}

/**
 * Several edits of one text as one result: each step computes its edit from the text the steps
 * before it left, and the result is a single replacement of the span that changed (the text
 * before and after it is kept byte for byte). A refused step refuses the whole.
 */
export function chainEdits(text: string, steps: ReadonlyArray<(text: string) => EditResult>): EditResult {
  let current = text;
  for (const step of steps) {
    const result = step(current);
    if (!result.ok) return result;
    current = result.text;
  }
  if (current === text) return { ok: true, edits: [], text };
  let start = 0;
  while (start < text.length && start < current.length && text[start] === current[start]) start++;
  let tail = 0;
  while (tail < text.length - start && tail < current.length - start && text[text.length - 1 - tail] === current[current.length - 1 - tail]) tail++;
  // Never split a surrogate pair or a CRLF.
  while (start > 0 && (/[\uDC00-\uDFFF]/.test(text[start]!) || (text[start] === '\n' && text[start - 1] === '\r'))) start--;
  return { ok: true, edits: [{ start, end: text.length - tail, text: current.slice(start, current.length - tail) }], text: current };
}

/**
 * The comment block right above `stage:` when it is the hint our templates write (it starts
 * with `# Stage N:`), as a span of whole lines; undefined when the user wrote something else there.
 */
function stageHintSpan(text: string): { start: number; end: number; eol: string } | undefined {
  const fm = readFrontMatter(text);
  if (typeof fm === 'string') return undefined;
  const pair = fm.doc.contents ? findPair(fm.doc.contents as YAMLMap, 'stage') : undefined;
  if (!pair) return undefined;
  const end = lineStart(text, fm.offset + (pair.key as YamlNode).range![0]);
  let start = end;
  for (;;) {
    const previous = lineStart(text, start - 1);
    if (start === 0 || !/^[ \t]*#/.test(text.slice(previous, start))) break;
    start = previous;
  }
  if (start === end || !/^[ \t]*# Stage \d:/.test(text.slice(start, end))) return undefined;
  return { start, end, eol: fm.eol };
}

/**
 * Moves the agreement to `stage` and, when the comment above `stage:` is the hint a template
 * wrote for the stage before, replaces it with the hint for the new one (`hint` gives its lines;
 * none removes it). Comments of the user's own are left alone.
 */
export function advanceStageTo(text: string, stage: Stage, hint: (stage: Stage) => readonly string[]): EditResult {
  return chainEdits(text, [
    (t) => setStage(t, stage),
    (t) => {
      const span = stageHintSpan(t);
      if (!span) return { ok: true, edits: [], text: t };
      const indent = /^[ \t]*/.exec(t.slice(span.start))![0];
      const lines = hint(stage).map((l) => `${indent}# ${l}${span.eol}`).join('');
      const edits = [{ start: span.start, end: span.end, text: lines }];
      return { ok: true, edits, text: applyEdits(t, edits) };
    },
  ]);
}

/** The stage after `stage`, or undefined at the last one. */
export function nextStage(stage: Stage | undefined): Stage | undefined {
  return STAGES[(stage ? STAGES.indexOf(stage) : -1) + 1];
}

interface Hit {
  map: YAMLMap | null;
  /** Path of `map` in the front matter. */
  path: Array<string | number>;
  pair?: Pair;
  role?: 'key' | 'value' | 'item';
}

/** The YAML node (a key, a scalar value or a list item's map) that starts at an offset of the text. */
function nodeAt(fm: FrontMatter, at: number): Hit {
  const top = fm.doc.contents as YAMLMap | null;
  const rel = at - fm.offset;
  let found: Hit | undefined;
  const visit = (node: unknown, path: Array<string | number>): void => {
    if (found) return;
    if (isMap(node)) {
      for (const pair of node.items as Pair[]) {
        const key = pair.key as YamlNode;
        const value = pair.value as YamlNode | null;
        if (key?.range?.[0] === rel) return void (found = { map: node, path, pair, role: 'key' });
        if (value?.range?.[0] === rel && !isMap(value)) return void (found = { map: node, path, pair, role: 'value' });
        visit(value, [...path, keyOf(pair)]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        if (found) return;
        if (isMap(item) && item.range?.[0] === rel) found = { map: item, path: [...path, i], role: 'item' };
        else visit(item, [...path, i]);
      });
    }
  };
  if (rel >= 0) visit(top, []);
  return found ?? { map: top, path: [] };
}

function parseValue(valueText: string): unknown {
  try {
    return parseDocument(valueText).toJS({ maxAliasCount: 10 });
  } catch {
    return undefined;
  }
}

/**
 * The fix for a missing key reported at `anchor` (an offset of the text): the opening `---`
 * for a top-level key, the key or list item of the map it is missing from, or a sibling value.
 * A key written without a value gets the value instead of a second key.
 */
export function addMissingKey(text: string, anchor: number, key: string, valueText: string): EditResult {
  const fm = readFrontMatter(text);
  if (typeof fm === 'string') return fail(fm);
  const hit = nodeAt(fm, anchor);
  let target: Target = { map: hit.map, key, path: [...hit.path, key] };
  if (hit.role === 'key' && hit.pair && keyOf(hit.pair) !== key) {
    // Reported at the key of the map the key is missing from (`signed`, a list item's key).
    const value = hit.pair.value as YamlNode | null;
    const parent = keyOf(hit.pair);
    if (isMap(value)) target = { map: value, key, path: [...hit.path, parent, key] };
    else if (isEmpty(value)) target = { map: hit.map, key, createParent: { key: parent, pair: hit.pair }, path: [...hit.path, parent, key] };
    else return fail(`\`${keyOf(hit.pair)}\` is not a map, so \`${key}\` cannot be added to it. Nothing was changed.`);
  }
  const existing = target.map && !target.createParent ? findPair(target.map, key) : undefined;
  if (existing && !isEmpty(existing.value)) return fail(`\`${key}\` is already there. Nothing was changed.`);
  const value = parseValue(valueText);
  return placed(fm, target, () => valueText, key, (after) => sameData(after, setIn(toData(fm.doc), target.path, value)));
}

/**
 * Replaces the token at [start, end) with `replacement`: when it is a YAML scalar of the front
 * matter its quoting is kept, otherwise (the body, `[[id]]`) the text is replaced as is.
 */
export function replaceToken(text: string, start: number, end: number, replacement: string): EditResult {
  const fm = readFrontMatter(text);
  if (typeof fm !== 'string') {
    const yamlEnd = fm.offset + (fm.doc.range?.[2] ?? 0);
    if (start >= fm.offset && start < yamlEnd) {
      const hit = nodeAt(fm, start);
      const node = (hit.role === 'key' ? hit.pair?.key : hit.role === 'value' ? hit.pair?.value : undefined) as YamlNode | undefined;
      const item = node ?? scalarInSeqAt(fm, start - fm.offset);
      if (isScalar(item) && fm.offset + item.range![1] === end) {
        const edit = { start, end, text: yamlScalar(replacement, typeof item.value === 'string' ? item.type : undefined) };
        return checked(fm, [edit], (d) => d !== undefined);
      }
      // In the front matter only a whole scalar is a token: anything else there (an alias that
      // stands for a map written elsewhere, part of a value) is not replaced as text.
      return fail(`\`${text.slice(start, end)}\` is not a single value that can be replaced here${isAlias(node) ? ' (it is a YAML alias: edit what its anchor names)' : ''}. Nothing was changed.`);
    }
  } else if (start < text.indexOf('\n---') && /^\uFEFF?---/.test(text)) {
    return fail(fm);
  }
  return { ok: true, edits: [{ start, end, text: replacement }], text: text.slice(0, start) + replacement + text.slice(end) };
}

function scalarInSeqAt(fm: FrontMatter, rel: number): Scalar | undefined {
  let found: Scalar | undefined;
  const visit = (node: unknown): void => {
    if (found) return;
    if (isSeq(node)) {
      for (const item of node.items) {
        if (isScalar(item) && item.range?.[0] === rel) found = item;
        else visit(item);
      }
    }
    else if (isMap(node)) for (const pair of node.items as Pair[]) visit(pair.value);
  };
  visit(fm.doc.contents);
  return found;
}

/** Adds `type: <type>` as the first key, or a front matter holding only it when the file has none. */
export function addType(text: string, type: JournalFileType): EditResult {
  const fm = readFrontMatter(text);
  if (typeof fm === 'string') {
    if (/^\uFEFF?(---|\+\+\+)/.test(text)) return fail(fm);
    const eol = /\r\n|\r|\n/.exec(text)?.[0] ?? '\n';
    const at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const edits = [{ start: at, end: at, text: `---${eol}type: ${type}${eol}---${eol}${text.length > at ? eol : ''}` }];
    return { ok: true, edits, text: applyEdits(text, edits) };
  }
  return setFrontMatterValue(text, ['type'], type);
}

/**
 * Puts right front matter written almost right (frontMatterStart.ts): removes the blank lines
 * before its `---` and writes its fence lines as `---`. Touches no key or value.
 */
export function repairFrontMatterStart(text: string): EditResult {
  const almost = almostFrontMatter(text);
  if (!almost?.repair) return fail('This file does not start with front matter that can be put right: write its first line `---` by hand.');
  const after = applyEdits(text, almost.repair);
  const bom = after.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (!parseMarkdown('', after.slice(bom), { exact: true }).yaml) return fail('The front matter would still not be read: write its first line `---` by hand.');
  return { ok: true, edits: almost.repair, text: after };
}

/** Writes `---` where the line meant to close the front matter was written almost right (`----`, `--- # end`, `...`: frontMatterStart.ts `almostClosing`). */
export function repairFrontMatterClose(text: string): EditResult {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const closing = almostClosing(text.slice(bom));
  if (!closing?.repair) return fail('The front matter has no closing line that can be put right: write its `---` by hand.');
  const edits = closing.repair.map((e) => ({ ...e, start: e.start + bom, end: e.end + bom }));
  const after = applyEdits(text, edits);
  if (!parseMarkdown('', after.slice(bom), { exact: true }).yaml) return fail('The front matter would still not be read: write its closing `---` by hand.');
  return { ok: true, edits, text: after };
}

/** Removes the `---` that closed an empty front matter at once (frontmatter/closed-early), so that the keys below it are the front matter. */
export function removeEarlyClosing(text: string): EditResult {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const parsed = parseMarkdown('', text.slice(bom));
  const problem = parsed.problems.find((p) => p.code === 'frontmatter/closed-early');
  if (!problem) return fail('The front matter is not closed before its keys. Nothing was changed.');
  // The whole line, with its line break (LF, CRLF or a lone CR).
  const line = problem.range.start.line;
  const start = bom + parsed.lines.lineStart(line);
  const end = line < parsed.lines.lineCount ? bom + parsed.lines.lineStart(line + 1) : text.length;
  const edits = [{ start, end, text: '' }];
  return { ok: true, edits, text: applyEdits(text, edits) };
}
