import { isMap, isScalar, isSeq } from 'yaml';
import { FastMap, FastScalar, FastSeq } from './simpleYaml';
import type { LineIndex } from './text';
import type { Range } from './types';
import type { FrontMatterDocument } from './yamlParse';

/**
 * Positions of front-matter nodes by path: every problem of a file is anchored through this.
 * It reads a yaml Document or the fast path's tree (simpleYaml.ts) alike: both have maps of
 * key-value pairs, sequences of items and scalars with values, each with its `range`.
 */

export type YamlPath = ReadonlyArray<string | number>;

/** A key of a map as `keyOffsetsOf` gives it: its offsets, and those of its value (or the span to take for it). */
export interface KeyOffsets {
  key: string;
  start: number;
  end: number;
  value?: { start: number; end: number };
  fallback?: Range;
}

/** A key and its value in a map, of either tree. */
export interface KeyValue {
  key: unknown;
  value: unknown;
}

/** The pairs of a map node, or undefined for any other node. */
function pairsOf(node: unknown): readonly KeyValue[] | undefined {
  if (node instanceof FastMap) return node.items;
  return isMap(node) ? node.items : undefined; // a parsed map holds only pairs
}

/** The items of a sequence node, or undefined for any other node. */
function itemsOfSeq(node: unknown): readonly unknown[] | undefined {
  if (node instanceof FastSeq) return node.items;
  return isSeq(node) ? node.items : undefined;
}

/** The value of a scalar node, or undefined for any other node. */
function scalarOf(node: unknown): { value: unknown } | undefined {
  return node instanceof FastScalar || isScalar(node) ? node : undefined;
}

/** Where a node starts and where its value ends, in the YAML source. */
function spanOf(node: unknown): { start: number; end: number } | undefined {
  if (node instanceof FastScalar || node instanceof FastMap || node instanceof FastSeq) return { start: node.start, end: node.valueEnd };
  const range = node !== null && typeof node === 'object' ? (node as { range?: readonly number[] | null }).range : undefined;
  return range ? { start: range[0]!, end: range[1]! } : undefined;
}

/**
 * The node at `path`, as the yaml package's `getIn(path, true)` finds it: a map's pair whose
 * key is the step itself or a scalar with the step as its value; a sequence's item at the step
 * read as an index (`2` or `'2'`).
 */
function nodeAt(root: unknown, path: YamlPath): unknown {
  let node = root;
  for (const step of path) {
    const pairs = pairsOf(node);
    if (pairs) {
      // A key written twice (yaml/duplicate-key): the later one, whose value is the one read.
      node = lastPair(pairs, (key) => key === step || scalarOf(key)?.value === step)?.value;
      continue;
    }
    const items = itemsOfSeq(node);
    if (!items) return undefined;
    const index = typeof step === 'string' && step ? Number(step) : step;
    node = typeof index === 'number' && Number.isInteger(index) && index >= 0 ? items[index] : undefined;
  }
  return node;
}

/** Finds positions of YAML nodes by path in a parsed front matter. */
export class YamlLocator {
  constructor(
    private readonly doc: FrontMatterDocument,
    private readonly offset: number,
    readonly lines: LineIndex,
    readonly head: Range,
  ) {}

  rangeOf(node: unknown): Range | undefined {
    const span = this.offsetsOf(node);
    return span && this.lines.range(span.start, span.end);
  }

  /** What `rangeOf` gives as offsets in the file's text, for a span to be made later (`lines.range`). */
  offsetsOf(node: unknown): { start: number; end: number } | undefined {
    const span = spanOf(node);
    if (!span) return undefined;
    const start = this.offset + span.start;
    let end = this.offset + span.end;
    // Block collections end after their last line break; a span should end at the last character.
    while (end > start && isWhiteSpace(this.lines.text.charCodeAt(end - 1))) end--;
    return { start, end };
  }

  /**
   * The text items of the sequence at `path` as `textItemsOf` finds them, with their offsets
   * instead of their spans; undefined when there is no sequence there.
   */
  textItemOffsetsOf(path: YamlPath): Array<{ text: string; start: number; end: number }> | undefined {
    const items = itemsOfSeq(nodeAt(this.doc.contents, path));
    if (!items) return undefined;
    const out: Array<{ text: string; start: number; end: number }> = [];
    for (const item of items) {
      const value = scalarOf(item)?.value;
      const span = this.offsetsOf(item);
      if (typeof value === 'string' && span) out.push({ text: value, start: span.start, end: span.end });
    }
    return out;
  }

  /**
   * The keys of the map at `path` (those `only` accepts), each once and in the order first
   * written, with the offsets of its key and of its value: what `keysOf(path, only)` and then
   * `valueRange([...path, key])` for each give (a key written twice has the later one's, whose
   * value is read). Where neither the value nor a key of that text has a span, `fallback` is the
   * span valueRange falls back to (the map's, or the front matter's start).
   */
  keyOffsetsOf(path: YamlPath, only?: (key: string) => boolean): KeyOffsets[] {
    const pairs = pairsOf(nodeAt(this.doc.contents, path));
    if (!pairs) return [];
    const out: KeyOffsets[] = [];
    for (const pair of pairs) {
      const key = keyText(pair.key);
      if (only && !only(key)) continue;
      const span = this.offsetsOf(pair.key);
      if (!span) continue;
      const seen = out.find((entry) => entry.key === key);
      if (seen) {
        seen.start = span.start;
        seen.end = span.end;
        continue;
      }
      // As valueRange finds it: the value of the last pair nodeAt takes, else the key of the last pair of that text, else the map's own span.
      const value = this.offsetsOf(lastPair(pairs, (k) => k === key || scalarOf(k)?.value === key)?.value) ?? this.offsetsOf(lastPair(pairs, (k) => keyText(k) === key)?.key);
      out.push(value ? { key, start: span.start, end: span.end, value } : { key, start: span.start, end: span.end, fallback: this.valueRange(path) });
    }
    return out;
  }

  /** The pair whose key is the last element of `path`, inside the map at the rest of the path. */
  pair(path: YamlPath): KeyValue | undefined {
    if (path.length === 0) return undefined;
    const pairs = pairsOf(nodeAt(this.doc.contents, path.slice(0, -1)));
    if (!pairs) return undefined;
    const key = String(path[path.length - 1]);
    // A key written twice (yaml/duplicate-key): the later one, whose value is the one read.
    return lastPair(pairs, (k) => keyText(k) === key);
  }

  /** Whether the key at `path` is not written, or written with no value (`success:`, `due:   # TODO`, `~`, `null`). */
  lacksValue(path: YamlPath): boolean {
    const pair = this.pair(path);
    if (!pair || pair.value === null || pair.value === undefined) return true;
    const scalar = scalarOf(pair.value);
    return scalar !== undefined && scalar.value === null;
  }

  /** Span of the value at `path`, falling back to its key, then to the nearest existing ancestor, then the opening `---`. */
  valueRange(path: YamlPath): Range {
    for (let depth = path.length; depth > 0; depth--) {
      const sub = path.slice(0, depth);
      const range = this.rangeOf(nodeAt(this.doc.contents, sub)) ?? this.rangeOf(this.pair(sub)?.key);
      if (range) return range;
    }
    return this.head;
  }

  /** The value at `path` as written in the source (`2.0`, `007`), when it is there. */
  sourceOf(path: YamlPath): string | undefined {
    const range = this.rangeOf(nodeAt(this.doc.contents, path));
    return range && this.lines.text.slice(this.lines.offset(range.start), this.lines.offset(range.end));
  }

  /** Span of the key at `path`, or the value when the path ends in a list index. */
  keyRange(path: YamlPath): Range {
    if (typeof path[path.length - 1] === 'number') return this.valueRange(path);
    return this.rangeOf(this.pair(path)?.key) ?? this.valueRange(path);
  }

  /** Where a missing key inside `parentPath` is reported: the parent's key (or list item), or the opening `---` at top level. */
  missingKeyRange(parentPath: YamlPath): Range {
    return parentPath.length === 0 ? this.head : this.keyRange(parentPath);
  }

  /** The keys of the map at `path` (those `only` accepts, when given), each with the span of its key node. */
  keysOf(path: YamlPath, only?: (key: string) => boolean): Array<{ key: string; range: Range }> {
    const pairs = pairsOf(nodeAt(this.doc.contents, path));
    if (!pairs) return [];
    const out: Array<{ key: string; range: Range }> = [];
    for (const pair of pairs) {
      const key = keyText(pair.key);
      if (only && !only(key)) continue;
      const range = this.rangeOf(pair.key);
      if (range) out.push({ key, range });
    }
    return out;
  }

  /** The items of the sequence at `path` with their spans. */
  itemsOf(path: YamlPath): Range[] {
    const items = itemsOfSeq(nodeAt(this.doc.contents, path));
    if (!items) return [];
    return items.map((item) => this.rangeOf(item) ?? this.valueRange(path));
  }

  /** The text items of the sequence at `path` with their spans; undefined when there is no sequence there. */
  textItemsOf(path: YamlPath): Array<{ text: string; range: Range }> | undefined {
    return this.textItemOffsetsOf(path)?.map(({ text, start, end }) => ({ text, range: this.lines.range(start, end) }));
  }

  /** Whether the value at `path` is a map. */
  isMapAt(path: YamlPath): boolean {
    return pairsOf(nodeAt(this.doc.contents, path)) !== undefined;
  }

  /** Whether the map at `path` is written in flow style, between `{` and `}`. */
  isFlowMapAt(path: YamlPath): boolean {
    const node = nodeAt(this.doc.contents, path);
    const span = pairsOf(node) && spanOf(node);
    return !!span && this.lines.text.charAt(this.offset + span.start) === '{';
  }
}

/** Whether a character is white space as `\s` has it: ASCII ones told apart by code, the rest by the pattern. */
function isWhiteSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return /\s/.test(String.fromCharCode(c));
}

/** The last pair whose key `matches`. */
function lastPair(pairs: readonly KeyValue[], matches: (key: unknown) => boolean): KeyValue | undefined {
  for (let i = pairs.length - 1; i >= 0; i--) if (matches(pairs[i]!.key)) return pairs[i];
  return undefined;
}

function keyText(key: unknown): string {
  const scalar = scalarOf(key);
  return String(scalar ? scalar.value : key);
}
