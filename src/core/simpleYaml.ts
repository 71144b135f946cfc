import { Document, isScalar, Pair, Scalar, YAMLMap, YAMLSeq, type DocumentOptions, type ParsedNode, type SchemaOptions } from 'yaml';

/**
 * A fast path for the front matter most journal files have: block maps of `key: value` lines,
 * nested block maps and `- item` lists, one-line `[a, b]` lists and plain scalars. It builds
 * the same `yaml` Document that `parseDocument` would (the package's own node classes, scalar
 * types resolved by the package's own schema tags, and the same ranges), about ten times
 * faster, because the yaml package's general parser costs far more than the rest of reading
 * a journal file (docs/performance.md).
 *
 * Whatever falls outside that subset (comments, quotes, block scalars, anchors, blank lines,
 * tabs, CR, duplicate keys, multi-line plain scalars, compact maps in lists, anything odd)
 * returns undefined, and the caller parses the text with `parseDocument` as before. So the
 * subset is kept strict on purpose: it only has to be right about what it accepts. A property
 * test compares it with `parseDocument` (values, node kinds, scalar types and every range) on
 * generated front matter of every shape it accepts and many it must refuse.
 */
export function parseSimpleYaml(source: string, options: DocumentOptions & SchemaOptions): Document.Parsed | undefined {
  if (source.length === 0 || source.charCodeAt(source.length - 1) !== NL || !plainCharacters(source)) return undefined;
  const doc = new Document(undefined, options) as unknown as Document.Parsed;
  const parser = new SimpleParser(source, doc);
  const contents = parser.block(0);
  if (!contents || parser.pos !== source.length || !(contents instanceof YAMLMap)) return undefined;
  doc.contents = contents as unknown as ParsedNode;
  doc.range = [0, source.length, source.length];
  return doc;
}

const NL = 10;
const SPACE = 32;

/**
 * Whether every character may appear in the subset: printable, and none of the characters
 * that start comments, quotes, anchors, aliases, tags, block scalars, directives or flow maps
 * (`# ' " & * ! | > % @ \` { } \`), nor tabs, CR or anything outside the Basic Multilingual
 * Plane's printable range. A `'` inside a plain scalar is fine, but is refused here anyway.
 */
function plainCharacters(source: string): boolean {
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c < 0x20) {
      if (c !== NL) return false;
    } else if (c < 0x7f) {
      if (REFUSED_ASCII[c - 0x20] === 1) return false;
    } else if (c <= 0x9f || (c >= 0xd800 && c <= 0xdfff) || c === 0x2028 || c === 0x2029 || c >= 0xfeff) return false;
  }
  return true;
}

const REFUSED_ASCII = new Uint8Array(0x5f);
for (const ch of `#'"&*!|>%@\`{}\\`) REFUSED_ASCII[ch.charCodeAt(0) - 0x20] = 1;

/** How every non-string plain scalar of the YAML 1.2 core schema starts: `~`, null, true, false, a number, `.inf`, `.nan`. */
const MAY_BE_TYPED = /^[~nNtTfF0-9+.-]/;

/** A key: a letter or `_`, then letters, digits, `_` and `-`. */
function isKeyStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}
function isKeyPart(c: number): boolean {
  return isKeyStart(c) || (c >= 48 && c <= 57) || c === 45;
}

class SimpleParser {
  /** Start of the line being read. */
  pos = 0;

  constructor(
    private readonly src: string,
    private readonly doc: Document.Parsed,
  ) {}

  /** Spaces at the start of the line at `pos`. */
  private indentAt(pos: number): number {
    let i = pos;
    while (this.src.charCodeAt(i) === SPACE) i++;
    return i - pos;
  }

  private lineEnd(from: number): number {
    return this.src.indexOf('\n', from);
  }

  /** A block map or a block sequence whose lines are indented by exactly `indent`. */
  block(indent: number): YAMLMap | YAMLSeq | undefined {
    if (this.pos >= this.src.length || this.indentAt(this.pos) !== indent) return undefined;
    const first = this.pos + indent;
    const isSeq = this.src.charCodeAt(first) === 45 && this.src.charCodeAt(first + 1) === SPACE;
    return isSeq ? this.sequence(indent) : this.map(indent);
  }

  private map(indent: number): YAMLMap | undefined {
    const map = new YAMLMap(this.doc.schema);
    const start = this.pos + indent;
    const seen = new Set<unknown>();
    while (this.pos < this.src.length && this.indentAt(this.pos) === indent) {
      const keyStart = this.pos + indent;
      if (!isKeyStart(this.src.charCodeAt(keyStart))) return undefined;
      let i = keyStart + 1;
      while (isKeyPart(this.src.charCodeAt(i))) i++;
      if (this.src.charCodeAt(i) !== 58 /* : */) return undefined;
      const key = this.scalar(keyStart, i, true);
      if (!key || seen.has(key.value)) return undefined; // duplicates: parseDocument reports them
      seen.add(key.value);
      const end = this.lineEnd(i);
      let value: Scalar | YAMLSeq | YAMLMap | undefined;
      if (end === i + 1) {
        // `key:` alone: its value is the more indented block below.
        this.pos = end + 1;
        const inner = this.pos < this.src.length ? this.indentAt(this.pos) : -1;
        if (inner <= indent) return undefined; // an empty value (or a list at the key's own indent)
        value = this.block(inner);
      } else {
        if (this.src.charCodeAt(i + 1) !== SPACE) return undefined;
        let v = i + 1;
        while (this.src.charCodeAt(v) === SPACE) v++;
        value = this.inline(v, end);
        this.pos = end + 1;
      }
      if (!value) return undefined;
      map.items.push(new Pair(key, value));
    }
    // The map ends at a line indented less; one indented more (and not read as a nested block)
    // would continue the last value (a multi-line scalar) or be a block at an odd indent.
    if (this.pos < this.src.length && this.indentAt(this.pos) > indent) return undefined;
    map.range = [start, this.pos, this.pos];
    return map;
  }

  private sequence(indent: number): YAMLSeq | undefined {
    const seq = new YAMLSeq(this.doc.schema);
    const start = this.pos + indent;
    while (this.pos < this.src.length && this.indentAt(this.pos) === indent) {
      const dash = this.pos + indent;
      if (this.src.charCodeAt(dash) !== 45 || this.src.charCodeAt(dash + 1) !== SPACE) return undefined;
      let v = dash + 2;
      while (this.src.charCodeAt(v) === SPACE) v++;
      const end = this.lineEnd(v);
      const item = this.inline(v, end);
      if (!item) return undefined;
      seq.items.push(item);
      this.pos = end + 1;
    }
    // As for maps: a line indented more would continue the last item.
    if (this.pos < this.src.length && this.indentAt(this.pos) > indent) return undefined;
    seq.range = [start, this.pos, this.pos];
    return seq;
  }

  /** A value written on the rest of a line: `[a, b]` or a plain scalar; its node ends after the line break. */
  private inline(from: number, end: number): Scalar | YAMLSeq | undefined {
    if (from >= end) return undefined;
    if (this.src.charCodeAt(from) === 91 /* [ */) return this.flowSequence(from, end);
    const scalar = this.scalar(from, end, false);
    if (scalar) scalar.range = [from, end, end + 1];
    return scalar;
  }

  /** `[a, b, c]` on one line: items are plain scalars separated by `, `; the node ends after the line break. */
  private flowSequence(from: number, end: number): YAMLSeq | undefined {
    if (this.src.charCodeAt(end - 1) !== 93 /* ] */) return undefined;
    const seq = new YAMLSeq(this.doc.schema);
    seq.flow = true;
    seq.range = [from, end, end + 1];
    const inner = this.src.slice(from + 1, end - 1);
    if (inner.length === 0) return seq;
    let at = from + 1;
    for (const part of inner.split(', ')) {
      const item = part.length > 0 && !/[[\]:,]/.test(part) ? this.scalar(at, at + part.length, false) : undefined;
      if (!item) return undefined;
      seq.items.push(item);
      at += part.length + 2;
    }
    return seq;
  }

  /**
   * A plain scalar from `from` to `to`, typed as the yaml package types it (the first of the
   * schema's default tags whose test matches). Undefined for text that would not be read as
   * one plain scalar: an indicator at the start, `: ` or ` #` inside, a `:` at the end, or
   * spaces at either end.
   */
  private scalar(from: number, to: number, atKey: boolean): Scalar | undefined {
    const text = this.src.slice(from, to);
    if (!plainScalar(text)) return undefined;
    const schema = this.doc.schema;
    // Only text that starts like a null, bool or number can be anything but a string in the
    // core schema (its tests all start so); the rest skips the tests. The property test holds
    // this to parseDocument's typing.
    const tag = MAY_BE_TYPED.test(text) ? schema.tags.find((t) => (t.default === true || (atKey && t.default === 'key')) && !t.collection && t.test?.test(text)) : undefined;
    let failed = false;
    let scalar: Scalar;
    if (tag && 'resolve' in tag) {
      const res = (tag.resolve as (s: string, onError: (m: string) => void, o: unknown) => unknown)(text, () => (failed = true), this.doc.options);
      scalar = isScalar(res) ? res : new Scalar(res);
      if (tag.format) scalar.format = tag.format;
    } else scalar = new Scalar(text);
    if (failed) return undefined;
    scalar.range = [from, to, to];
    scalar.source = text;
    scalar.type = Scalar.PLAIN;
    return scalar;
  }
}

/** Whether a text reads as one plain scalar in block context (see `SimpleParser.scalar`). */
function plainScalar(text: string): boolean {
  if (text.length === 0) return false;
  const first = text.charCodeAt(0);
  const second = text.charCodeAt(1);
  if (first === SPACE || text.charCodeAt(text.length - 1) === SPACE) return false;
  // `-`, `?` and `:` start a plain scalar only before a non-space; `[`, `]`, `,` never do here.
  if ((first === 45 || first === 63 || first === 58) && (text.length === 1 || second === SPACE)) return false;
  if (first === 91 || first === 93 || first === 44) return false;
  if (text.charCodeAt(text.length - 1) === 58) return false;
  if (text.includes(': ')) return false;
  // `---` or `...` at the start of a line are document markers; keys never start so, values
  // could only as a whole text of three or more dots or dashes.
  if (/^(?:-{3}|\.{3})/.test(text)) return false;
  return true;
}
