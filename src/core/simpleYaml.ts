import { Document, isScalar, Pair, Scalar, YAMLMap, YAMLSeq, type DocumentOptions, type ParsedNode, type SchemaOptions } from 'yaml';

/**
 * A fast path for front matter in the forms docs/format.md shows: block maps and sequences
 * (with compact maps as sequence items), one-line flow sequences and maps (`[a, b]`,
 * `{goal-a: 40}`), also nested in each other (`{mentor: [a, b]}`), plain, single- and
 * double-quoted one-line scalars, `|`, `|-`, `>` and `>-` block scalars, full-line and
 * trailing comments, blank lines, and LF or CRLF line ends. It
 * builds the same `yaml` Document that `parseDocument` would: the package's own node classes,
 * scalar types resolved by the package's own schema tags, the same ranges, the same scalar
 * `type`s and flow flags, and the comments where the package puts them (`commentBefore`,
 * `comment`, `spaceBefore`, the document's own comments). The yaml package's general parser
 * costs far more than the rest of reading a journal file (docs/performance.md).
 *
 * Whatever falls outside that subset (anchors, aliases, tags, directives, document markers,
 * tabs, `? ` keys, quoted or odd keys, duplicate keys, multi-line plain or quoted scalars,
 * multi-line flow collections, flow collections nested more than four deep, block scalars
 * with `+` or an explicit indentation, comments at an indentation the next line does not
 * have, anything odd) returns
 * undefined, and the caller parses the text with `parseDocument` as before. So the subset is
 * kept strict on purpose: it only has to be right about what it accepts. A property test
 * (test/unit/simpleYaml.test.ts) compares it with `parseDocument` (values, node kinds, scalar
 * types, every range and every comment) on generated front matter in every one of these forms
 * and on many mutations it must refuse.
 */
export function parseSimpleYaml(source: string, options: DocumentOptions & SchemaOptions): Document.Parsed | undefined {
  if (source.length === 0 || source.charCodeAt(source.length - 1) !== NL || !allowedCharacters(source)) return undefined;
  const doc = new Document(undefined, options) as unknown as Document.Parsed;
  try {
    const parsed = new SimpleParser(source, doc).document();
    BUILT.add(parsed);
    return parsed;
  } catch (error) {
    if (error === REFUSE) return undefined;
    throw error;
  }
}

/** The Documents this fast path built. */
const BUILT = new WeakSet<object>();

/**
 * `doc.toJS()` for a Document this fast path built, without the yaml package's general
 * machinery (anchors, merge keys, its context object): maps become plain objects keyed as the
 * package keys them (a null key as `''`, other scalars as their `String`, an inherited name such
 * as `__proto__` defined as an own property), sequences arrays, scalars their values. Undefined
 * for any other Document, or one changed since to hold other nodes: then call `doc.toJS()`.
 * The property test compares the two.
 */
export function simpleToJS(doc: Document): { value: unknown } | undefined {
  if (!BUILT.has(doc)) return undefined;
  try {
    return { value: plainJS(doc.contents) };
  } catch (error) {
    if (error === REFUSE) return undefined;
    throw error;
  }
}

function plainJS(node: unknown): unknown {
  if (node instanceof Scalar) {
    const value: unknown = node.value;
    if (value !== null && typeof value === 'object') refuse();
    return typeof value === 'bigint' ? Number(value) : value;
  }
  if (node instanceof YAMLSeq) return node.items.map(plainJS);
  if (node instanceof YAMLMap) {
    const out: Record<string, unknown> = {};
    for (const pair of node.items as Array<Pair<unknown, unknown>>) {
      if (!(pair.key instanceof Scalar)) refuse();
      const jsKey: unknown = pair.key.value;
      if (jsKey !== null && typeof jsKey === 'object') refuse();
      const key = jsKey === null ? '' : String(jsKey);
      const value = plainJS(pair.value);
      if (key in out) Object.defineProperty(out, key, { value, writable: true, enumerable: true, configurable: true });
      else out[key] = value;
    }
    return out;
  }
  return refuse();
}

const NL = 10;
const CR = 13;
const SPACE = 32;
const HASH = 35;
const REFUSE = Symbol('refuse');
/** Flow collections nested deeper than this are refused (journal front matter nests two: a list in a map). */
const MAX_FLOW_DEPTH = 4;

function refuse(): never {
  throw REFUSE;
}

/**
 * Whether every character may appear: printable Basic Multilingual Plane text, LF, and CR only
 * before LF. Tabs, other control characters, lone or paired surrogates, U+2028/9 and the byte
 * order mark are refused; so is a line that starts with `%`, `---` or `...` (directives,
 * document markers), in the parser.
 */
function allowedCharacters(source: string): boolean {
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c < 0x20) {
      if (c !== NL && !(c === CR && source.charCodeAt(i + 1) === NL)) return false;
    } else if (c >= 0x7f && (c <= 0x9f || (c >= 0xd800 && c <= 0xdfff) || c === 0x2028 || c === 0x2029 || c >= 0xfeff)) return false;
  }
  return true;
}

/** How every non-string plain scalar of the YAML 1.2 core schema starts: `~`, null, true, false, a number, `.inf`, `.nan`. */
const MAY_BE_TYPED = /^[~nNtTfF0-9+.-]/;

/** A key: a letter or `_`, then letters, digits, `_` and `-`. */
function isKeyStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}
function isKeyPart(c: number): boolean {
  return isKeyStart(c) || (c >= 48 && c <= 57) || c === 45;
}

/** Line kinds. */
const BLANK = 0;
const COMMENT = 1;
const CONTENT = 2;

/** A comment or a line break, in the order the yaml package's lexer sees them between nodes. */
type Trivia = { comment: string } | { newline: string };

/** Comments and blank lines folded as the yaml package's `resolveProps` folds them before a node. */
interface Props {
  comment: string;
  spaceBefore: boolean;
}
const NO_PROPS: Props = { comment: '', spaceBefore: false };

function props(events: Trivia[], startOnNewline: boolean): Props {
  let comment = '';
  let sep = '';
  let atNewline = startOnNewline;
  let spaceBefore = false;
  for (const e of events) {
    if ('comment' in e) {
      comment = comment ? comment + sep + e.comment : e.comment;
      sep = '';
      atNewline = false;
    } else {
      if (atNewline) {
        if (comment) comment += e.newline;
        else spaceBefore = true;
      } else sep += e.newline;
      atNewline = true;
    }
  }
  return { comment, spaceBefore };
}

type Node = Scalar | YAMLMap | YAMLSeq;

class SimpleParser {
  private readonly starts: number[] = [];
  /** End of each line's text, before its `\n` or `\r\n`. */
  private readonly ends: number[] = [];
  private readonly indents: number[] = [];
  private readonly kinds: number[] = [];
  private readonly n: number;
  /** The line being read. */
  private li = 0;

  constructor(
    private readonly src: string,
    private readonly doc: Document.Parsed,
  ) {
    let start = 0;
    while (start < src.length) {
      const nl = src.indexOf('\n', start);
      const end = src.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
      let i = start;
      while (src.charCodeAt(i) === SPACE) i++;
      this.starts.push(start);
      this.ends.push(end);
      this.indents.push(i - start);
      const c = src.charCodeAt(i);
      this.kinds.push(i === end ? BLANK : c === HASH ? COMMENT : CONTENT);
      if (i === start && (c === 37 /* % */ || src.startsWith('---', i) || src.startsWith('...', i))) refuse();
      start = nl + 1;
    }
    this.n = this.starts.length;
  }

  private next(line: number): number {
    return line + 1 < this.n ? this.starts[line + 1]! : this.src.length;
  }

  private newline(line: number): string {
    return this.ends[line]! + 1 === this.next(line) ? '\n' : '\r\n';
  }

  /** The text of a comment that starts at `hash` and runs to the end of its line, as the yaml package keeps it. */
  private commentText(hash: number, line: number): string {
    return this.src.slice(hash + 1, this.ends[line]!) || ' ';
  }

  /**
   * The blank and comment lines from `li` on, and the first content line after them (or `n`).
   * Every comment must be indented as that line is (at the end: not at all); anything else the
   * yaml package may hang on an enclosing collection instead, so it is refused.
   */
  private trivia(): { events: Trivia[]; next: number } {
    const events: Trivia[] = [];
    let line = this.li;
    while (line < this.n && this.kinds[line]! !== CONTENT) line++;
    const indent = line < this.n ? this.indents[line]! : 0;
    for (let l = this.li; l < line; l++) {
      if (this.kinds[l]! === COMMENT) {
        if (this.indents[l]! !== indent) refuse();
        events.push({ comment: this.commentText(this.starts[l]! + this.indents[l]!, l) });
      }
      events.push({ newline: this.newline(l) });
    }
    return { events, next: line };
  }

  document(): Document.Parsed {
    const doc = this.doc;
    // The lines before the first node: the yaml package's prelude (Composer.decorate). A blank
    // line after the last comment makes it the document's comment, else the first key's.
    let comment = '';
    let afterEmptyLine = false;
    for (; this.li < this.n && this.kinds[this.li]! !== CONTENT; this.li++) {
      if (this.kinds[this.li]! === COMMENT) {
        comment += (comment === '' ? '' : afterEmptyLine ? '\n\n' : '\n') + this.commentText(this.starts[this.li]! + this.indents[this.li]!, this.li);
        afterEmptyLine = false;
      } else afterEmptyLine = true;
    }
    if (this.li >= this.n || this.indents[this.li]! !== 0) refuse();
    const start = this.starts[this.li]!;
    const map = this.map(0, start, NO_PROPS);
    // Whatever follows the last node: blank lines and comments at the left margin (resolveEnd).
    let end = '';
    let sep = '';
    for (; this.li < this.n; this.li++) {
      const kind = this.kinds[this.li]!;
      if (kind === CONTENT || (kind === COMMENT && this.indents[this.li]! !== 0)) refuse();
      if (kind === COMMENT) {
        const text = this.commentText(this.starts[this.li]!, this.li);
        end = end ? end + sep + text : text;
        sep = '';
      }
      if (end) sep += this.newline(this.li);
    }
    if (comment) {
      if (afterEmptyLine) doc.commentBefore = comment;
      else {
        const key = (map.items[0] as Pair<Scalar>).key;
        key.commentBefore = key.commentBefore ? `${comment}\n${key.commentBefore}` : comment;
      }
    }
    if (end) doc.comment = end;
    doc.contents = map as unknown as ParsedNode;
    doc.range = [start, map.range![1], this.src.length];
    return doc;
  }

  /**
   * A block map whose keys are indented by `indent`; its first key starts at `first` on line
   * `li` (after `- ` for a compact map in a sequence); `before` are the comments and blank lines
   * before the map (after its key's line).
   */
  private map(indent: number, first: number, before: Props): YAMLMap {
    const map = new YAMLMap(this.doc.schema);
    if (before.spaceBefore) map.spaceBefore = true;
    if (before.comment) map.commentBefore = before.comment;
    const seen = new Set<unknown>();
    let keyStart = first;
    let keyProps = NO_PROPS;
    // A compact map (`- key: value` in a sequence) cannot have a sequence at its own indentation as a value.
    const compact = first !== this.starts[this.li]! + indent;
    for (;;) {
      const line = this.li;
      const src = this.src;
      if (!isKeyStart(src.charCodeAt(keyStart))) refuse();
      let i = keyStart + 1;
      while (isKeyPart(src.charCodeAt(i))) i++;
      if (src.charCodeAt(i) !== 58 /* : */) refuse();
      const key = this.plain(keyStart, i, true);
      if (seen.has(key.value)) refuse(); // duplicates: parseDocument reports them
      seen.add(key.value);
      if (keyProps.spaceBefore) key.spaceBefore = true;
      if (keyProps.comment) key.commentBefore = keyProps.comment;
      let v = i + 1;
      while (src.charCodeAt(v) === SPACE) v++;
      const end = this.ends[line]!;
      let value: Node;
      if (v === end || src.charCodeAt(v) === HASH) {
        // `key:` (perhaps with a comment): its value is the block below.
        if (v < end && v === i + 1) refuse();
        const events: Trivia[] = v < end ? [{ comment: this.commentText(v, line) }] : [];
        events.push({ newline: this.newline(line) });
        this.li = line + 1;
        const t = this.trivia();
        events.push(...t.events);
        if (t.next >= this.n) refuse(); // an empty value
        const inner = this.indents[t.next]!;
        this.li = t.next;
        const at = this.starts[t.next]! + inner;
        const isSeq = this.dash(at);
        if (!(inner > indent || (inner === indent && isSeq && !compact))) refuse();
        const p = props(events, false);
        value = isSeq ? this.seq(inner, p) : this.map(inner, at, p);
      } else {
        if (v === i + 1) refuse(); // `key:value`
        const c = src.charCodeAt(v);
        value = c === 124 /* | */ || c === 62 /* > */ ? this.blockScalar(v, indent) : this.inline(v);
      }
      map.items.push(new Pair(key, value));
      // What comes next: a key of this map, or a line indented less (the map ends there).
      const t = this.trivia();
      if (t.next >= this.n || this.indents[t.next]! < indent) break;
      if (this.indents[t.next]! > indent) refuse(); // a multi-line scalar, or a block at an odd indentation
      keyProps = props(t.events, true);
      this.li = t.next;
      keyStart = this.starts[t.next]! + indent;
    }
    map.range = [first, this.lastEnd, this.lastEnd];
    return map;
  }

  /** Where the last node read ends: after the line break of its last line. */
  private lastEnd = 0;

  private dash(at: number): boolean {
    return this.src.charCodeAt(at) === 45 && this.src.charCodeAt(at + 1) === SPACE;
  }

  /** A block sequence of `- item` lines indented by `indent`, from line `li`. */
  private seq(indent: number, before: Props): YAMLSeq {
    const seq = new YAMLSeq(this.doc.schema);
    const start = this.starts[this.li]! + indent;
    let itemProps = before;
    let first = true;
    for (;;) {
      const line = this.li;
      const dash = this.starts[line]! + indent;
      if (!this.dash(dash)) refuse();
      let v = dash + 2;
      while (this.src.charCodeAt(v) === SPACE) v++;
      if (v >= this.ends[line]! || this.src.charCodeAt(v) === HASH) refuse(); // `-` with the item below
      // Before the first item, the comments belong to the sequence (the caller's value props).
      const p = first ? NO_PROPS : itemProps;
      let item: Node;
      if (this.compactKey(v, line)) item = this.map(v - this.starts[line]!, v, NO_PROPS);
      else item = this.inline(v);
      if (p.spaceBefore) item.spaceBefore = true;
      if (p.comment) item.commentBefore = p.comment;
      seq.items.push(item);
      first = false;
      const t = this.trivia();
      if (t.next >= this.n || this.indents[t.next]! < indent) break;
      if (this.indents[t.next]! > indent) refuse();
      itemProps = props(t.events, true);
      this.li = t.next;
    }
    if (before.spaceBefore) seq.spaceBefore = true;
    if (before.comment) seq.commentBefore = before.comment;
    seq.range = [start, this.lastEnd, this.lastEnd];
    return seq;
  }

  /** Whether a sequence item at `at` starts with `key:` followed by a space or the line's end. */
  private compactKey(at: number, line: number): boolean {
    const src = this.src;
    if (!isKeyStart(src.charCodeAt(at))) return false;
    let i = at + 1;
    while (isKeyPart(src.charCodeAt(i))) i++;
    return src.charCodeAt(i) === 58 && (i + 1 === this.ends[line]! || src.charCodeAt(i + 1) === SPACE);
  }

  /**
   * A value on the rest of line `li` from `from`: a flow collection, a quoted or a plain scalar,
   * perhaps followed by a comment. Its node ends after the line break.
   */
  private inline(from: number): Node {
    const line = this.li;
    const src = this.src;
    const end = this.ends[line]!;
    const c = src.charCodeAt(from);
    let node: Node;
    let after: number;
    if (c === 91 /* [ */ || c === 123 /* { */) {
      const flow = this.flow(from, end);
      node = flow.node;
      after = flow.end;
      node.range = [from, after, after];
    } else if (c === 34 /* " */ || c === 39 /* ' */) {
      node = this.quoted(from, end);
      after = node.range![1];
    } else {
      let e = from;
      // A plain scalar ends at ` #` or the line's end, less trailing spaces.
      for (; e < end; e++) if (src.charCodeAt(e) === HASH && src.charCodeAt(e - 1) === SPACE) break;
      after = e;
      while (src.charCodeAt(after - 1) === SPACE) after--;
      node = this.plain(from, after, false);
      if (/[{}]/.test(src.slice(from, after))) refuse(); // braces are fine in block plain scalars, but rare: refused to stay simple
    }
    let i = after;
    while (src.charCodeAt(i) === SPACE) i++;
    if (i < end) {
      if (src.charCodeAt(i) !== HASH || i === after) refuse();
      node.comment = this.commentText(i, line);
    }
    const next = this.next(line);
    node.range = [node.range![0], node.range![1], next];
    this.lastEnd = next;
    this.li = line + 1;
    return node;
  }

  /**
   * A flow sequence or map on one line, from `from` (its bracket) to its closing bracket, with
   * plain or quoted scalars and flow collections nested in it (`{mentor: [a, b], mentee: []}`),
   * at most `MAX_FLOW_DEPTH` deep; deeper nesting is left to `parseDocument` and its guard.
   */
  private flow(from: number, end: number, depth = 1): { node: YAMLSeq | YAMLMap; end: number } {
    if (depth > MAX_FLOW_DEPTH) refuse();
    const src = this.src;
    const isMap = src.charCodeAt(from) === 123;
    const close = isMap ? 125 : 93;
    const node = isMap ? new YAMLMap(this.doc.schema) : new YAMLSeq(this.doc.schema);
    node.flow = true;
    const seen = new Set<unknown>();
    let i = from + 1;
    const skip = () => {
      while (src.charCodeAt(i) === SPACE) i++;
    };
    skip();
    if (src.charCodeAt(i) === close) return { node, end: i + 1 };
    for (;;) {
      if (i >= end) refuse();
      let item: Node;
      if (isMap) {
        const keyStart = i;
        if (!isKeyStart(src.charCodeAt(i))) refuse();
        i++;
        while (isKeyPart(src.charCodeAt(i))) i++;
        if (src.charCodeAt(i) !== 58 || src.charCodeAt(i + 1) !== SPACE) refuse();
        const key = this.plain(keyStart, i, true);
        if (seen.has(key.value)) refuse();
        seen.add(key.value);
        i += 2;
        skip();
        const value = this.flowItem(i, end, close, depth);
        i = value.range![1];
        skip();
        value.range = [value.range![0], value.range![1], i];
        (node as YAMLMap).items.push(new Pair(key, value));
      } else {
        item = this.flowItem(i, end, close, depth);
        i = item.range![1];
        skip();
        item.range = [item.range![0], item.range![1], i];
        (node as YAMLSeq).items.push(item);
      }
      const c = src.charCodeAt(i);
      if (c === close) return { node, end: i + 1 };
      if (c !== 44 /* , */) refuse();
      i++;
      skip();
      if (src.charCodeAt(i) === close) refuse(); // a trailing comma
    }
  }

  /** An item or a value inside a flow collection: a nested flow collection, or a scalar. Its range ends at its last character. */
  private flowItem(from: number, end: number, close: number, depth: number): Node {
    const c = this.src.charCodeAt(from);
    if (c !== 91 /* [ */ && c !== 123 /* { */) return this.flowScalar(from, end, close);
    const inner = this.flow(from, end, depth + 1);
    inner.node.range = [from, inner.end, inner.end];
    return inner.node;
  }

  /** A quoted or plain scalar inside a flow collection; its range ends at its last character. */
  private flowScalar(from: number, end: number, close: number): Scalar {
    const src = this.src;
    const c = src.charCodeAt(from);
    if (c === 34 || c === 39) return this.quoted(from, end);
    let e = from;
    while (e < end) {
      const d = src.charCodeAt(e);
      if (d === 44 || d === close || d === 91 || d === 93 || d === 123 || d === 125) break;
      if (d === HASH && src.charCodeAt(e - 1) === SPACE) refuse();
      if (d === 58 && (src.charCodeAt(e + 1) === SPACE || src.charCodeAt(e + 1) === 44 || src.charCodeAt(e + 1) === close)) refuse();
      e++;
    }
    let t = e;
    while (src.charCodeAt(t - 1) === SPACE) t--;
    if (t <= from) refuse();
    return this.plain(from, t, false);
  }

  /** A single- or double-quoted scalar on one line from `from`; its range ends after the closing quote. */
  private quoted(from: number, end: number): Scalar {
    const src = this.src;
    const double = src.charCodeAt(from) === 34;
    let value = '';
    let i = from + 1;
    for (;;) {
      if (i >= end) refuse(); // unclosed on this line: multi-line quoted scalars are refused
      const c = src.charCodeAt(i);
      if (double) {
        if (c === 34) break;
        if (c === 92 /* \ */) {
          const decoded = unescape(src, i + 1, end);
          value += decoded.text;
          i = decoded.next;
          continue;
        }
      } else if (c === 39) {
        if (src.charCodeAt(i + 1) !== 39) break;
        value += "'";
        i += 2;
        continue;
      }
      value += src[i] ?? "";
      i++;
    }
    const scalar = new Scalar(value);
    scalar.range = [from, i + 1, i + 1];
    scalar.source = value;
    scalar.type = double ? Scalar.QUOTE_DOUBLE : Scalar.QUOTE_SINGLE;
    return scalar;
  }

  /**
   * A `|`, `|-`, `>` or `>-` block scalar whose header is at `from` on line `li`, the value of a
   * key indented by `parent`. Its lines are indented alike (a literal's may be indented more),
   * with blank lines between them; trailing blank lines are left to what follows.
   */
  private blockScalar(from: number, parent: number): Scalar {
    const src = this.src;
    const header = this.li;
    const literal = src.charCodeAt(from) === 124;
    let h = from + 1;
    const strip = src.charCodeAt(h) === 45;
    if (strip) h++;
    let comment = '';
    if (h < this.ends[header]!) {
      if (src.charCodeAt(h) !== SPACE) refuse(); // `+`, an indentation indicator, or anything else
      while (src.charCodeAt(h) === SPACE) h++;
      if (h < this.ends[header]!) {
        if (src.charCodeAt(h) !== HASH) refuse();
        comment = src.slice(h + 1, this.ends[header]!); // an empty one is dropped, unlike other comments
      }
    }
    let line = header + 1;
    if (line >= this.n || this.kinds[line]! === BLANK) refuse();
    const indent = this.indents[line]!;
    if (indent <= parent) refuse();
    const texts: string[] = [];
    let last = line; // the last line with text
    for (; line < this.n; line++) {
      const width = this.ends[line]! - this.starts[line]!;
      if (this.kinds[line]! === BLANK) {
        if (width > indent) refuse(); // spaces beyond the indentation would be text
        texts.push('');
        continue;
      }
      if (this.indents[line]! < indent) break;
      if (this.indents[line]! > indent && !literal) refuse(); // more-indented lines fold differently
      texts.push(src.slice(this.starts[line]! + indent, this.ends[line]!));
      last = line;
    }
    texts.length = last - header; // trailing blank lines are not part of the scalar
    let value: string;
    if (literal) value = texts.join('\n');
    else {
      value = '';
      let sep = '';
      for (const text of texts) {
        if (text === '') {
          value += '\n';
          sep = '';
        } else {
          value += sep + text;
          sep = ' ';
        }
      }
    }
    if (!strip) value += '\n';
    const scalar = new Scalar(value);
    const end = this.next(last);
    scalar.range = [from, end, end];
    scalar.source = value;
    scalar.type = literal ? Scalar.BLOCK_LITERAL : Scalar.BLOCK_FOLDED;
    if (comment) scalar.comment = comment;
    this.li = last + 1;
    this.lastEnd = end;
    return scalar;
  }

  /**
   * A plain scalar from `from` to `to`, typed as the yaml package types it (the first of the
   * schema's default tags whose test matches). Refused for text that would not be read as one
   * plain scalar: an indicator at the start, `: ` or ` #` inside, a `:` at the end, or spaces
   * at either end.
   */
  private plain(from: number, to: number, atKey: boolean): Scalar {
    const text = this.src.slice(from, to);
    if (!plainScalar(text)) refuse();
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
    if (failed) refuse();
    scalar.range = [from, to, to];
    scalar.source = text;
    scalar.type = Scalar.PLAIN;
    return scalar;
  }
}

/** The characters of YAML 1.2's double-quoted escapes (`\x`, `\u` and `\U` are read apart). */
const ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029', ' ': ' ', '"': '"', '/': '/', '\\': '\\',
};

/** The escape after a backslash at `at`: its text and where the scalar goes on. Refuses anything unusual. */
function unescape(src: string, at: number, end: number): { text: string; next: number } {
  if (at >= end) refuse();
  const c = src[at] ?? "";
  const simple = ESCAPES[c];
  if (simple !== undefined) return { text: simple, next: at + 1 };
  const length = c === 'x' ? 2 : c === 'u' ? 4 : c === 'U' ? 8 : 0;
  if (length === 0) refuse();
  const hex = src.slice(at + 1, at + 1 + length);
  if (hex.length !== length || !/^[0-9a-fA-F]+$/.test(hex)) refuse();
  const code = parseInt(hex, 16);
  if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) refuse();
  return { text: String.fromCodePoint(code), next: at + 1 + length };
}

/** Whether a text reads as one plain scalar in block context (see `SimpleParser.plain`). */
function plainScalar(text: string): boolean {
  if (text.length === 0) return false;
  const first = text.charCodeAt(0);
  const second = text.charCodeAt(1);
  if (first === SPACE || text.charCodeAt(text.length - 1) === SPACE) return false;
  // `-`, `?` and `:` start a plain scalar only before a non-space; the other indicators never do.
  if ((first === 45 || first === 63 || first === 58) && (text.length === 1 || second === SPACE)) return false;
  if (INDICATORS.includes(text.charAt(0))) return false;
  if (text.charCodeAt(text.length - 1) === 58) return false;
  if (text.includes(': ') || text.includes(' #')) return false;
  // `---` or `...` at the start of a line are document markers; keys never start so, values
  // could only as a whole text of three or more dots or dashes.
  if (/^(?:-{3}|\.{3})/.test(text)) return false;
  return true;
}

const INDICATORS = `[]{},#&*!|>'"%@\``;
