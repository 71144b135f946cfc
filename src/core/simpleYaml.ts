import { Document, isScalar, type DocumentOptions, type SchemaOptions, type YAMLError } from 'yaml';
import { isInheritedName } from './validate';

/**
 * A fast path for front matter in the forms docs/format.md shows: block maps and sequences
 * (with compact maps as sequence items, and sequences indented under their key or at its own
 * indentation, `goals:` then `- a`), flow sequences and maps (`[a, b]`, `{goal-a: 40}`), also
 * nested in each other (`{mentor: [a, b]}`) and broken over lines between their items,
 * single- and double-quoted one-line scalars, empty values (`next:` before another key), plain scalars on one line or folded over several
 * (`success: Give the talk` then `  and get feedback`), `|`, `|-`, `>` and `>-` block scalars, full-line and
 * trailing comments (also after a nested block's last item, at its indentation, before a key
 * indented less), blank lines, and LF or CRLF line ends. It reads values and positions
 * straight from the text into a small tree (`FastDocument`): what the engine reads of front
 * matter, and nothing else. Each node has the kind, the span (`range`) and the value that the
 * yaml package's `parseDocument` gives the same node: scalars typed by the package's own schema
 * tags, maps keyed as its `toJS` keys them. It builds none of the package's node classes and
 * keeps no comments: building a full yaml Document cost more than the rest of reading a small
 * journal file (docs/performance.md). Edits, which rewrite text by a Document's ranges and keep
 * its comments, never use this path (`exact` in frontmatter.ts).
 *
 * Whatever falls outside that subset (anchors, aliases, tags, directives, document markers,
 * tabs, `? ` keys, quoted or odd keys, duplicate keys, multi-line quoted scalars, plain
 * lines that continue with an indicator or `: `, a flow item over two lines or a flow line not
 * indented past its key, flow collections nested more than four deep, block scalars with `+`
 * or an explicit indentation, other comments at an indentation the next line does not have,
 * anything odd) returns
 * undefined, and the caller parses the text with `parseDocument` as before. So the subset is
 * kept strict on purpose: it only has to be right about what it accepts. A property test
 * (test/unit/simpleYaml.test.ts) compares it with `parseDocument` (every node's kind, value
 * and range, and the whole `toJS` value) on generated front matter in every one of these forms
 * and on many mutations it must refuse.
 */
export function parseSimpleYaml(source: string, options: DocumentOptions & SchemaOptions): FastDocument | undefined {
  if (source.length === 0 || source.charCodeAt(source.length - 1) !== NL || !allowedCharacters(source)) return undefined;
  try {
    return new SimpleParser(source, schemaFor(options)).document();
  } catch (error) {
    if (error === REFUSE) return undefined;
    throw error;
  }
}

/** A node's span in the YAML source, as the yaml package gives it: start, end of the value, end of the node (after its line break). */
export type FastRange = [start: number, valueEnd: number, nodeEnd: number];

/** What every node of the tree has: its span, kept as three numbers (one array per node and per change would be garbage on every file). */
abstract class FastSpan {
  start = 0;
  valueEnd = 0;
  nodeEnd = 0;

  /** The span as the yaml package's `range`. */
  get range(): FastRange {
    return [this.start, this.valueEnd, this.nodeEnd];
  }

  span(start: number, valueEnd: number, nodeEnd: number): void {
    this.start = start;
    this.valueEnd = valueEnd;
    this.nodeEnd = nodeEnd;
  }
}

/** A scalar: its value as the yaml package resolves it (a string, number, boolean or null). */
export class FastScalar extends FastSpan {
  constructor(
    readonly value: unknown,
    start: number,
    end: number,
  ) {
    super();
    this.span(start, end, end);
  }
}

/** A key and its value in a map. */
export class FastPair {
  constructor(
    readonly key: FastScalar,
    readonly value: FastNode,
  ) {}
}

/** A block or flow map; `value` is its plain object, keyed as the yaml package's `toJS` keys it. */
export class FastMap extends FastSpan {
  readonly items: FastPair[] = [];
  readonly value: Record<string, unknown> = {};

  /**
   * Whether a key of the same name is in the map already. Two keys the yaml package tells apart
   * may share a name (`1` and `'1'`): the parser then refuses too, which is always safe.
   */
  has(key: FastScalar): boolean {
    return Object.hasOwn(this.value, key.value === null ? '' : String(key.value));
  }

  add(key: FastScalar, value: FastNode): void {
    this.items.push(new FastPair(key, value));
    // As the package's toJS: a null key is '', any other its String; an inherited name (`__proto__`) becomes an own property.
    const name = key.value === null ? '' : String(key.value);
    // A key is never set twice (the parser refuses duplicates), so only an inherited name needs defining.
    if (isInheritedName(name)) Object.defineProperty(this.value, name, { value: value.value, writable: true, enumerable: true, configurable: true });
    else this.value[name] = value.value;
  }
}

/** A block or flow sequence; `value` is its array. */
export class FastSeq extends FastSpan {
  readonly items: FastNode[] = [];
  readonly value: unknown[] = [];

  add(item: FastNode): void {
    this.items.push(item);
    this.value.push(item.value);
  }
}

export type FastNode = FastScalar | FastMap | FastSeq;

/** Front matter read by the fast path: its top-level map. It has no errors: what would have any is refused. */
export class FastDocument {
  readonly errors: YAMLError[] = [];

  constructor(
    readonly contents: FastMap,
    readonly range: FastRange,
    /** Whether a plain scalar goes on over lines (`success: Give the talk` then `  and get feedback`): the only scalars of this tree that span a line break. */
    readonly plainOverLines = false,
  ) {}

  /** The plain value, as `Document.toJS()` gives it for the same text (built once, while reading: the same object on every call). */
  toJS(): Record<string, unknown> {
    return this.contents.value;
  }
}

interface Schema {
  tags: Document['schema']['tags'];
  options: Document['options'];
  /** Plain texts already typed by the tags (`plain`), as keys and as values: their value, or REFUSE. */
  keys: Map<string, unknown>;
  values: Map<string, unknown>;
}

/** The yaml package's schema and options for a set of parse options, made once. */
const schemas = new WeakMap<object, Schema>();
function schemaFor(options: DocumentOptions & SchemaOptions): Schema {
  let schema = schemas.get(options);
  if (!schema) {
    const doc = new Document(undefined, options);
    schema = { tags: doc.schema.tags, options: doc.options, keys: new Map(), values: new Map() };
    schemas.set(options, schema);
  }
  return schema;
}

const NL = 10;
const CR = 13;
const SPACE = 32;
const HASH = 35;
const REFUSE = Symbol('refuse');
/** Flow collections nested deeper than this are refused (journal front matter nests two: a list in a map). */
const MAX_FLOW_DEPTH = 4;
/**
 * Block maps and sequences nested deeper than this are refused (journal front matter nests three),
 * so that what the fast path takes is far inside the slow path's guard (MAX_YAML_DEPTH levels,
 * yamlGuards.ts), which then reports deeper nesting the same way whichever path sees it first.
 */
const MAX_BLOCK_DEPTH = 16;

function refuse(): never {
  throw REFUSE;
}

/**
 * Whether every character may appear: printable text (YAML's printable set: the Basic
 * Multilingual Plane up to U+FFFD, full-width forms such as `，：（）` included, and the planes
 * beyond as surrogate pairs, emoji included), LF, and CR only before LF. Tabs, other control
 * characters, lone surrogates, U+2028/9, the byte order mark and U+FFFE/F are refused; so is a
 * line that starts with `%`, `---` or `...` (directives, document markers), in the parser.
 */
function allowedCharacters(source: string): boolean {
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c < 0x20) {
      if (c !== NL && !(c === CR && source.charCodeAt(i + 1) === NL)) return false;
    } else if (c >= 0x7f) {
      if (c <= 0x9f || c === 0x2028 || c === 0x2029 || c === 0xfeff || c >= 0xfffe) return false;
      if (c >= 0xd800 && c <= 0xdfff) {
        // A pair (high, then low) is one character beyond the Basic Multilingual Plane.
        const low = source.charCodeAt(i + 1);
        if (c > 0xdbff || !(low >= 0xdc00 && low <= 0xdfff)) return false;
        i++;
      }
    }
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
    private readonly schema: Schema,
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

  /**
   * Skips the blank and comment lines from `li` on and returns the first content line after
   * them (or `n`). Every comment must be indented as that line is (at the end: not at all);
   * anything else the yaml package may read otherwise, so it is refused.
   */
  private trivia(): number {
    let line = this.li;
    while (line < this.n && this.kinds[line]! !== CONTENT) line++;
    const indent = line < this.n ? this.indents[line]! : 0;
    for (let l = this.li; l < line; l++) if (this.kinds[l]! === COMMENT && this.indents[l]! !== indent) refuse();
    return line;
  }

  /**
   * What follows an item of a block map or sequence indented by `block`: as `trivia`, with two
   * more cases, when the next content line is indented less (the block ends there) and comment
   * lines come first. If one of them is at the block's own indentation and none deeper, the
   * yaml package gives them all to the block and ends its node where the next content line's
   * text starts (after blank lines and that line's indentation): they are skipped (`li` moves
   * to that line) and `tail` is set to that end. If they are all indented less than the block,
   * they are left to a parent, which reads them the same way. Otherwise `tail` is -1.
   */
  private afterItem(block: number): number {
    this.tail = -1;
    let line = this.li;
    let comments = false;
    let atBlock = false;
    let deeper = false;
    for (; line < this.n && this.kinds[line]! !== CONTENT; line++) {
      if (this.kinds[line]! !== COMMENT) continue;
      comments = true;
      const indent = this.indents[line]!;
      if (indent === block) atBlock = true;
      else if (indent > block) deeper = true; // the package gives those to the last scalar, or to a block inside: refused
    }
    if (comments && block > 0 && !deeper && (line >= this.n || this.indents[line]! < block)) {
      if (!atBlock) return line;
      this.li = line;
      this.tail = line >= this.n ? this.src.length : this.starts[line]! + this.indents[line]!;
      return line;
    }
    return this.trivia();
  }

  /** The end of the comments `afterItem` gave to the block that ends there, or -1. */
  private tail = -1;

  /** Ends a block map or sequence at the last node read, or after the comments it was given; its parents end there too. */
  private close(node: FastSpan, start: number): void {
    const valueEnd = this.lastEnd;
    const nodeEnd = this.tail >= 0 ? this.tail : valueEnd;
    this.tail = -1;
    node.span(start, valueEnd, nodeEnd);
    this.lastEnd = nodeEnd;
  }

  document(): FastDocument {
    // The lines before the first node: blank lines and comments.
    while (this.li < this.n && this.kinds[this.li]! !== CONTENT) this.li++;
    if (this.li >= this.n || this.indents[this.li]! !== 0) refuse();
    const start = this.starts[this.li]!;
    const map = this.map(0, start);
    // Whatever follows the last node: blank lines and comments at the left margin.
    for (; this.li < this.n; this.li++) {
      const kind = this.kinds[this.li]!;
      if (kind === CONTENT || (kind === COMMENT && this.indents[this.li]! !== 0)) refuse();
    }
    return new FastDocument(map, [start, map.valueEnd, this.endsEmpty ? map.nodeEnd : this.src.length], this.plainOverLines);
  }

  /**
   * A block map whose keys are indented by `indent`; its first key starts at `first` on line
   * `li` (after `- ` for a compact map in a sequence); `before` are the comments and blank lines
   * before the map (after its key's line).
   */
  private map(indent: number, first: number): FastMap {
    const map = new FastMap();
    let keyStart = first;
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
      if (map.has(key)) refuse(); // duplicates: parseDocument reports them
      let v = i + 1;
      while (src.charCodeAt(v) === SPACE) v++;
      const end = this.ends[line]!;
      let value: FastNode;
      if (v === end || src.charCodeAt(v) === HASH) {
        // `key:` (perhaps with a comment): its value is the block below, or none.
        if (v < end && v === i + 1) refuse();
        this.li = line + 1;
        const next = this.trivia();
        const inner = next < this.n ? this.indents[next]! : -1;
        const at = next < this.n ? this.starts[next]! + inner : -1;
        const isSeq = next < this.n && this.dash(at);
        if (next < this.n && (inner > indent || (inner === indent && isSeq && !compact))) {
          this.li = next;
          if (++this.depth > MAX_BLOCK_DEPTH) refuse();
          value = isSeq ? this.seq(inner) : this.map(inner, at);
          this.depth--;
        } else {
          value = this.empty(line, v, end, next, isSeq && inner === indent);
        }
      } else {
        if (v === i + 1) refuse(); // `key:value`
        const c = src.charCodeAt(v);
        value = c === 124 /* | */ || c === 62 /* > */ ? this.blockScalar(v, indent) : this.inline(v, indent);
      }
      map.add(key, value);
      // What comes next: a key of this map, or a line indented less (the map ends there).
      const next = this.afterItem(indent);
      if (next >= this.n || this.indents[next]! < indent) break;
      if (this.indents[next]! > indent) refuse(); // a block at an odd indentation, or text after a comment
      this.li = next;
      keyStart = this.starts[next]! + indent;
    }
    this.close(map, first);
    return map;
  }

  /**
   * An empty value (`next:` with nothing after it, or only a comment, and no block below): null,
   * where the package puts it: at `v`, after the colon and its spaces, ending there, or where the
   * next line's text starts when a comment follows on the line. Comment lines below it (the package gives them
   * to it) and an item at the key's indentation of a compact map are refused.
   */
  private empty(line: number, v: number, end: number, next: number, itemAtKey: boolean): FastScalar {
    const last = next >= this.n;
    // After a comment, blank lines before the next key extend it in ways not followed here: refused.
    if (itemAtKey || (v < end && !last && next !== line + 1)) refuse();
    for (let l = line + 1; l < next; l++) if (this.kinds[l]! === COMMENT) refuse();
    const node = new FastScalar(null, v, v);
    // With a comment, the package ends it where the next line's text starts (after its
    // indentation), or at the end of the text. Without one, last in the document, it ends the
    // document there too, before the line break (see document()).
    if (v < end) node.nodeEnd = last ? this.src.length : this.starts[next]! + this.indents[next]!;
    else if (last) this.endsEmpty = true;
    this.lastEnd = node.nodeEnd;
    this.li = line + 1;
    return node;
  }

  /** Whether a plain scalar read so far went on over lines (`continued`). */
  private plainOverLines = false;

  /** Whether the document ends with an empty value without a comment: the package ends the document at it. */
  private endsEmpty = false;

  /** Where the last node read ends: after the line break of its last line. */
  private lastEnd = 0;

  /** How many block maps and sequences the one being read is inside. */
  private depth = 0;

  private dash(at: number): boolean {
    return this.src.charCodeAt(at) === 45 && this.src.charCodeAt(at + 1) === SPACE;
  }

  /** A block sequence of `- item` lines indented by `indent`, from line `li`. */
  private seq(indent: number): FastSeq {
    const seq = new FastSeq();
    const start = this.starts[this.li]! + indent;
    for (;;) {
      const line = this.li;
      const dash = this.starts[line]! + indent;
      if (!this.dash(dash)) refuse();
      let v = dash + 2;
      while (this.src.charCodeAt(v) === SPACE) v++;
      if (v >= this.ends[line]! || this.src.charCodeAt(v) === HASH) refuse(); // `-` with the item below
      if (this.compactKey(v, line)) {
        if (++this.depth > MAX_BLOCK_DEPTH) refuse();
        seq.add(this.map(v - this.starts[line]!, v));
        this.depth--;
      } else seq.add(this.inline(v, indent));
      const next = this.afterItem(indent);
      if (next >= this.n || this.indents[next]! < indent) break;
      if (this.indents[next]! > indent) refuse();
      // A line at the sequence's indentation that is no item ends it: the next key of a map whose
      // sequence is written at its key's indentation (`goals:` then `- a` at the left margin, then
      // `next: …`). The map reads that key, or refuses what it cannot read. A comment between
      // them belongs to the sequence in some maps and to the key in others: refused.
      if (!this.dash(this.starts[next]! + indent)) {
        for (let l = this.li; l < next; l++) if (this.kinds[l]! === COMMENT) refuse();
        break;
      }
      this.li = next;
    }
    this.close(seq, start);
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
   * A value on the rest of line `li` from `from`, of a key or an item indented by `parent`: a
   * flow collection, a quoted or a plain scalar, perhaps followed by a comment. A plain scalar
   * may go on over lines indented more than `parent` (`continued`). Its node ends after the line
   * break of its last line.
   */
  private inline(from: number, parent: number): FastNode {
    let line = this.li;
    const src = this.src;
    let end = this.ends[line]!;
    const c = src.charCodeAt(from);
    let node: FastNode;
    let after: number;
    if (c === 91 /* [ */ || c === 123 /* { */) {
      this.fl = line;
      this.flowParent = parent;
      const flow = this.flow(from);
      node = flow.node;
      after = flow.end;
      node.span(from, after, after);
      line = this.fl;
      end = this.ends[line]!;
    } else if (c === 34 /* " */ || c === 39 /* ' */) {
      node = this.quoted(from, end);
      after = node.valueEnd;
    } else {
      const e = this.plainLine(from, end);
      after = this.textEnd;
      node = this.plain(from, after, false);
      if (e === end) {
        const more = this.continued(line, parent, node);
        if (more) {
          node = more;
          line = this.li;
          end = this.ends[line]!;
          after = more.valueEnd;
        }
      }
    }
    let i = after;
    while (src.charCodeAt(i) === SPACE) i++;
    // Anything after the value must be a comment, after a space.
    if (i < end && (src.charCodeAt(i) !== HASH || i === after)) refuse();
    const next = this.next(line);
    node.nodeEnd = next;
    this.lastEnd = next;
    this.li = line + 1;
    return node;
  }

  /**
   * The lines that continue a plain scalar `first` (ending line `line`, with no comment), the
   * value of a key or an item indented by `parent`: the content lines below it indented more
   * than `parent`, perhaps with blank lines between them, up to a comment. The text is folded
   * as YAML folds it: each line trimmed, one line break read as a space, and n blank lines as n
   * line breaks. Returns undefined when no line continues it, and leaves `li` at its last line.
   * Each line must read as plain text on its own (no `: `, no indicator at its start, no braces).
   */
  private continued(line: number, parent: number, first: FastScalar): FastScalar | undefined {
    const src = this.src;
    let value: string | undefined;
    let valueEnd = first.valueEnd;
    for (let l = line + 1; ; ) {
      let k = l;
      while (k < this.n && this.kinds[k]! === BLANK) k++;
      if (k >= this.n || this.kinds[k]! !== CONTENT || this.indents[k]! <= parent) break;
      const from = this.starts[k]! + this.indents[k]!;
      const end = this.ends[k]!;
      const e = this.plainLine(from, end);
      const text = src.slice(from, this.textEnd);
      if (!plainScalar(text)) refuse();
      value = (value ?? src.slice(first.start, first.valueEnd)) + (k === l ? ' ' : '\n'.repeat(k - l)) + text;
      valueEnd = this.textEnd;
      this.li = k;
      l = k + 1;
      if (e < end) break; // a comment ends the scalar
    }
    if (value === undefined) return undefined;
    this.plainOverLines = true;
    // Folded text holds a space or a line break, which no tag of the core schema matches; the check keeps it so.
    if (MAY_BE_TYPED.test(value) && this.schema.tags.some((t) => t.default === true && !t.collection && t.test?.test(value!))) refuse();
    return new FastScalar(value, first.start, valueEnd);
  }

  /**
   * Plain text on a line from `from` to `end`: returns where it stops (a comment's ` #`, or
   * `end`) and sets `textEnd` to the end of its text, less trailing spaces. Braces are fine in
   * block plain text, but rare: refused to stay simple.
   */
  private plainLine(from: number, end: number): number {
    const src = this.src;
    let e = from;
    for (; e < end; e++) if (src.charCodeAt(e) === HASH && src.charCodeAt(e - 1) === SPACE) break;
    let to = e;
    while (src.charCodeAt(to - 1) === SPACE) to--;
    for (let i = from; i < to; i++) {
      const c = src.charCodeAt(i);
      if (c === 123 || c === 125) refuse();
    }
    this.textEnd = to;
    return e;
  }

  /** Where the text `plainLine` read ends. */
  private textEnd = 0;

  /** While a flow collection is read: the line it has got to, and the indentation of the key or item it is the value of. */
  private fl = 0;
  private flowParent = 0;

  /**
   * A flow sequence or map from `from` (its bracket, on line `fl`) to its closing bracket, with
   * plain or quoted scalars and flow collections nested in it (`{mentor: [a, b], mentee: []}`),
   * at most `MAX_FLOW_DEPTH` deep; deeper nesting is left to `parseDocument` and its guard. It
   * may go on over more lines between its items (`flowSpace`); each item is on one line.
   */
  private flow(from: number, depth = 1): { node: FastSeq | FastMap; end: number } {
    if (depth > MAX_FLOW_DEPTH) refuse();
    const src = this.src;
    const isMap = src.charCodeAt(from) === 123;
    const close = isMap ? 125 : 93;
    const node = isMap ? new FastMap() : new FastSeq();
    let i = this.flowSpace(from + 1, depth);
    if (src.charCodeAt(i) === close) return { node, end: i + 1 };
    for (;;) {
      if (isMap) {
        const keyStart = i;
        if (!isKeyStart(src.charCodeAt(i))) refuse();
        i++;
        while (isKeyPart(src.charCodeAt(i))) i++;
        if (src.charCodeAt(i) !== 58 || src.charCodeAt(i + 1) !== SPACE) refuse();
        const key = this.plain(keyStart, i, true);
        if ((node as FastMap).has(key)) refuse();
        i += 2;
        while (src.charCodeAt(i) === SPACE) i++; // the value is on the key's line
        const value = this.flowItem(i, close, depth);
        // A value's node ends at what follows it on its line, as an item's; but when its line
        // ends first (perhaps with a comment), the yaml package ends it after that line break.
        const line = this.fl;
        i = this.flowSpace(value.valueEnd, depth);
        value.nodeEnd = this.fl === line ? i : this.next(line);
        (node as FastMap).add(key, value);
      } else {
        const item = this.flowItem(i, close, depth);
        i = this.flowSpace(item.valueEnd, depth);
        item.nodeEnd = i;
        (node as FastSeq).add(item);
      }
      const c = src.charCodeAt(i);
      if (c === close) return { node, end: i + 1 };
      if (c !== 44 /* , */) refuse();
      i = this.flowSpace(i + 1, depth);
      if (src.charCodeAt(i) === close) refuse(); // a trailing comma
    }
  }

  /**
   * Inside a flow collection, skips spaces from `i`, and where the line ends (or a comment
   * starts, after a space) goes on to the next line that is not blank or a comment, at its
   * text. Those lines must be indented more than `flowParent`, but for a line that starts with
   * the outermost collection's closing bracket (`depth` 1), which may be at that indentation;
   * anything else the yaml package reports ("must be sufficiently indented"), so it is refused,
   * as is the end of the text.
   */
  private flowSpace(i: number, depth: number): number {
    const src = this.src;
    for (;;) {
      while (src.charCodeAt(i) === SPACE) i++;
      if (i < this.ends[this.fl]! && !(src.charCodeAt(i) === HASH && src.charCodeAt(i - 1) === SPACE)) return i;
      for (;;) {
        if (++this.fl >= this.n) refuse();
        const kind = this.kinds[this.fl]!;
        if (kind === BLANK) continue;
        const indent = this.indents[this.fl]!;
        i = this.starts[this.fl]! + indent;
        const c = src.charCodeAt(i);
        if (indent <= this.flowParent && !(indent === this.flowParent && depth === 1 && (c === 93 || c === 125))) refuse();
        if (kind === CONTENT) break;
      }
    }
  }

  /** An item or a value inside a flow collection: a nested flow collection, or a scalar. Its range ends at its last character. */
  private flowItem(from: number, close: number, depth: number): FastNode {
    const c = this.src.charCodeAt(from);
    if (c !== 91 /* [ */ && c !== 123 /* { */) return this.flowScalar(from, close);
    const inner = this.flow(from, depth + 1);
    inner.node.span(from, inner.end, inner.end);
    return inner.node;
  }

  /** A quoted or plain scalar inside a flow collection, on one line; its range ends at its last character. */
  private flowScalar(from: number, close: number): FastScalar {
    const src = this.src;
    const end = this.ends[this.fl]!;
    const c = src.charCodeAt(from);
    if (c === 34 || c === 39) return this.quoted(from, end);
    let e = from;
    while (e < end) {
      const d = src.charCodeAt(e);
      if (d === 44 || d === close || d === 91 || d === 93 || d === 123 || d === 125) break;
      if (d === HASH && src.charCodeAt(e - 1) === SPACE) break; // a comment ends it
      if (d === 58 && (src.charCodeAt(e + 1) === SPACE || src.charCodeAt(e + 1) === 44 || src.charCodeAt(e + 1) === close)) refuse();
      e++;
    }
    let t = e;
    while (src.charCodeAt(t - 1) === SPACE) t--;
    if (t <= from) refuse();
    return this.plain(from, t, false);
  }

  /** A single- or double-quoted scalar on one line from `from`; its range ends after the closing quote. */
  private quoted(from: number, end: number): FastScalar {
    const src = this.src;
    const double = src.charCodeAt(from) === 34;
    // The text is taken in runs between escapes (most scalars have none: one slice).
    let value = '';
    let run = from + 1;
    let i = run;
    for (;;) {
      if (i >= end) refuse(); // unclosed on this line: multi-line quoted scalars are refused
      const c = src.charCodeAt(i);
      if (double) {
        if (c === 34) break;
        if (c === 92 /* \ */) {
          const decoded = unescape(src, i + 1, end);
          value += src.slice(run, i) + decoded.text;
          i = run = decoded.next;
          continue;
        }
      } else if (c === 39) {
        if (src.charCodeAt(i + 1) !== 39) break;
        value += src.slice(run, i + 1); // `''` is one quote
        i = run = i + 2;
        continue;
      }
      i++;
    }
    value += src.slice(run, i);
    return new FastScalar(value, from, i + 1);
  }

  /**
   * A `|`, `|-`, `>` or `>-` block scalar whose header is at `from` on line `li`, the value of a
   * key indented by `parent`. Its lines are indented alike (a literal's may be indented more),
   * with blank lines between them; trailing blank lines are left to what follows.
   */
  private blockScalar(from: number, parent: number): FastScalar {
    const src = this.src;
    const header = this.li;
    const literal = src.charCodeAt(from) === 124;
    let h = from + 1;
    const strip = src.charCodeAt(h) === 45;
    if (strip) h++;
    if (h < this.ends[header]!) {
      if (src.charCodeAt(h) !== SPACE) refuse(); // `+`, an indentation indicator, or anything else
      while (src.charCodeAt(h) === SPACE) h++;
      if (h < this.ends[header]! && src.charCodeAt(h) !== HASH) refuse(); // only a comment may follow
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
    const end = this.next(last);
    this.li = last + 1;
    this.lastEnd = end;
    return new FastScalar(value, from, end);
  }

  /**
   * A plain scalar from `from` to `to`, typed as the yaml package types it (the first of the
   * schema's default tags whose test matches). Refused for text that would not be read as one
   * plain scalar: an indicator at the start, `: ` or ` #` inside, a `:` at the end, or spaces
   * at either end.
   */
  private plain(from: number, to: number, atKey: boolean): FastScalar {
    const text = this.src.slice(from, to);
    if (!plainScalar(text)) refuse();
    const schema = this.schema;
    // Only text that starts like a null, bool or number can be anything but a string in the
    // core schema (its tests all start so); the rest skips the tests. The property test holds
    // this to parseDocument's typing.
    const quick = quickValue(text);
    if (quick !== undefined) return new FastScalar(quick, from, to);
    if (!MAY_BE_TYPED.test(text)) return new FastScalar(text, from, to);
    // The same few texts come back in file after file (`type`, `next`, names starting with N or
    // T): each is typed once by the schema's tags, then remembered.
    const typed = atKey ? schema.keys : schema.values;
    let value = typed.get(text);
    if (value === undefined) {
      value = typeByTags(text, atKey, schema);
      if (typed.size >= MAX_TYPED) typed.clear();
      typed.set(text, value);
    }
    if (value === REFUSE) refuse();
    return new FastScalar(value, from, to);
  }
}

/** How many typed texts `plain` remembers for each schema and role (a key or a value). */
const MAX_TYPED = 1024;

/**
 * A plain scalar's value as the yaml package types it (the first of the schema's default tags
 * whose test matches), or REFUSE for a value the fast path leaves to the package.
 */
function typeByTags(text: string, atKey: boolean, schema: Schema): unknown {
  const tag = schema.tags.find((t) => (t.default === true || (atKey && t.default === 'key')) && !t.collection && t.test?.test(text));
  if (!tag || !('resolve' in tag)) return text;
  let failed = false;
  const res = (tag.resolve as (s: string, onError: (m: string) => void, o: unknown) => unknown)(text, () => (failed = true), schema.options);
  if (failed) return REFUSE;
  const value = isScalar(res) ? res.value : res;
  // What toJS gives: a big integer as a number; anything that is not a plain value is left to the package.
  if (typeof value === 'bigint') return Number(value);
  if (value !== null && typeof value === 'object') return REFUSE;
  return value;
}

/**
 * The value of the two plain scalars journals hold most, without trying the schema's tags one
 * by one: a date (`2026-11-29`, a string in the core schema) and a number of at most 15 digits
 * (the core schema's decimal integer, read as `parseInt` reads it). Undefined for anything else.
 */
function quickValue(text: string): string | number | undefined {
  const n = text.length;
  if (n === 10 && text.charCodeAt(4) === 45 && text.charCodeAt(7) === 45 && digitsOnly(text, 0, 4) && digitsOnly(text, 5, 7) && digitsOnly(text, 8, 10)) return text;
  if (n <= 15 && digitsOnly(text, 0, n)) return parseInt(text, 10);
  return undefined;
}

function digitsOnly(text: string, from: number, to: number): boolean {
  if (from >= to) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
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
  if (first < 128 && INDICATOR[first] === 1) return false;
  if (text.charCodeAt(text.length - 1) === 58) return false;
  if (text.includes(': ') || text.includes(' #')) return false;
  // `---` or `...` at the start of a line are document markers; keys never start so, values
  // could only as a whole text of three or more dots or dashes.
  if ((first === 45 || first === 46) && second === first && text.charCodeAt(2) === first) return false;
  return true;
}

/** The indicators that never start a plain scalar, by character code. */
const INDICATOR = new Uint8Array(128);
for (const c of `[]{},#&*!|>'"%@\``) INDICATOR[c.charCodeAt(0)] = 1;
