import type { Root } from 'mdast';
import type { Point } from 'unist';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import { Document, isMap, isPair, isScalar, isSeq, parseDocument, visit, YAMLParseError, type Node as YamlNode, type Pair } from 'yaml';
import { problem, type RuleCode } from './rules';
import { parseSimpleYaml } from './simpleYaml';
import { LineIndex } from './text';
import type { Problem, Range } from './types';

/**
 * Leaves out Markdown constructs the journal never reads (emphasis, links, images, link
 * definitions): body facts come from headings, list items, text and code. These constructs
 * also have superlinear worst cases in micromark (`*` or `[[x]]` repeated thousands of
 * times took seconds), and the engine runs on every keystroke.
 */
function remarkJournalSubset(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push({ disable: { null: ['attention', 'labelStartImage', 'labelStartLink', 'labelEnd', 'definition'] } });
}

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkJournalSubset);
/** For the pieces of a body after the first: a `---` there is a thematic break, never front matter. */
const pieceProcessor = unified().use(remarkParse).use(remarkJournalSubset);

/** Container markers (`>`, `-`, `1.`) opened on one line beyond this are read as spaces: deeper nesting costs micromark quadratic time. */
const MAX_LINE_CONTAINERS = 32;

/** A Markdown file split into its YAML front matter (as a positioned Document) and its body tree. */
export interface ParsedMarkdown {
  text: string;
  lines: LineIndex;
  root: Root;
  /** Absent when the file has no front matter (or an unusable one, which is reported). */
  yaml?: {
    doc: Document.Parsed;
    /** Offset in `text` where the YAML source starts (the line after the opening `---`). */
    offset: number;
    /** Span of the opening `---`. */
    head: Range;
  };
  problems: Problem[];
}

/** Deeper front matter is refused before the YAML parser sees it: its recursion would exhaust the stack. */
export const MAX_YAML_DEPTH = 64;
/** At most this many YAML errors are reported per file; the first ones are the useful ones. */
const MAX_YAML_ERRORS = 20;

/**
 * Parses a journal file's text: finds its front matter by remark-frontmatter's rules and parses
 * it into a positioned `yaml` Document; the body is parsed with remark on first use. Simple
 * front matter takes a fast path that builds the same Document (simpleYaml.ts); `exact` skips
 * it, for edits, which rewrite the text by the Document's ranges.
 */
export function parseMarkdown(file: string, text: string, options: { exact?: boolean } = {}): ParsedMarkdown {
  const lines = new LineIndex(text);
  const problems: Problem[] = [];
  let root: Root | undefined;
  // The body is parsed only when asked for (sessions and reviews read it; agreements and goals do not).
  const body = () => (root ??= parseBody(text));
  const first = frontMatterSpan(text, lines);
  const report = (range: Range, code: RuleCode, message: string) => problems.push(problem(file, range, code, message));

  if (first?.type === 'yaml') {
    const endOffset = first.end;
    const contentStart = lines.lineStart(2);
    const closingStart = lines.lineStart(lines.position(endOffset).line);
    // YAML knows only \n and \r\n as line breaks; a lone \r (which editors and remark honour) becomes \n, same length.
    const source = text.slice(contentStart, Math.max(contentStart, closingStart)).replace(/\r(?!\n)/g, '\n');
    const head = lines.range(0, 3);
    const { doc, duplicates } = parseYaml(source, options.exact === true);
    const seen = new Set<string>();
    for (const error of doc.errors) {
      const [start, end] = error.pos;
      const duplicate = error.code === 'DUPLICATE_KEY' ? duplicates.get(start) : undefined;
      const range = duplicate
        ? lines.range(contentStart + duplicate.start, contentStart + duplicate.end)
        : lines.range(contentStart + start, contentStart + Math.max(end, start + 1));
      const message = duplicate
        ? `Duplicate key \`${duplicate.key}\`: it is already set on line ${lines.position(contentStart + duplicate.firstAt).line}; keep only one.`
        : error.code === 'DUPLICATE_KEY'
          ? `Duplicate key: ${firstLine(error.message)}`
          : error.code === 'RESOURCE_EXHAUSTION'
            ? error.message
            : `YAML syntax error: ${firstLine(error.message)}`;
      const key = `${range.start.line}:${range.start.column}:${message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (seen.size > MAX_YAML_ERRORS) break;
      report(range, error.code === 'DUPLICATE_KEY' ? 'yaml/duplicate-key' : 'yaml/syntax', message);
    }
    return {
      text,
      lines,
      get root() {
        return body();
      },
      yaml: { doc, offset: contentStart, head },
      problems,
    };
  }
  if (first?.type === 'toml') {
    report(lines.range(0, 3), 'frontmatter/toml', 'TOML front matter (+++) is not supported: write the front matter as YAML between --- lines.');
  } else if (/^---[ \t]*(?:\r\n?|\n|$)/.test(text)) {
    report(lines.range(0, 3), 'frontmatter/unclosed', 'The front matter opened with --- is never closed: add a line with --- after the last key.');
  }
  return {
    text,
    lines,
    get root() {
      return body();
    },
    problems,
  };
}

/** Texts are parsed in pieces of at least this size, cut where a top-level block starts. */
const BODY_CHUNK = 1024;

/**
 * The Markdown tree of a journal file's whole text (the front matter is its first node).
 *
 * micromark's time grows with the square of the document for runs of closing containers
 * (`> a` paragraphs between blank lines, nested lists, quotes before headings): 64 KB of a
 * nested list took 17 s in one piece, 1 s in pieces of 1 KB. So the text is parsed in pieces
 * cut where a top-level block starts, and the pieces' trees are joined with their positions
 * shifted. What the journal reads from the tree (headings, task items with their first
 * paragraph, `[[id]]` outside code, section text) is the same either way (a property test
 * checks it); only a list cut in two becomes two lists. `chunk: Infinity` parses in one piece.
 * Pieces parsed lately are reused (see `parsePiece`); `reuse: false` parses every piece anew.
 */
export function parseBody(text: string, chunk = BODY_CHUNK, reuse = true): Root {
  const tamed = tameContainers(text);
  const cuts = tamed.length > chunk ? blockCuts(tamed, chunk) : [];
  if (cuts.length === 0) return processor.parse(tamed) as Root;
  const lines = new LineIndex(tamed);
  const root: Root = { type: 'root', children: [] };
  const bounds = [0, ...cuts, tamed.length];
  for (let i = 0; i + 1 < bounds.length; ) {
    const start = bounds[i]!;
    const parse = (end: number) => parsePiece(i === 0, tamed.slice(start, end), reuse);
    let part = parse(bounds[i + 1]!);
    // The cuts avoid code fences and HTML blocks; should a piece still end inside one (its
    // closing line is further on), the rest of the text is parsed with it, in one piece.
    if (i + 2 < bounds.length && endsInRawBlock(part, tamed.slice(start, bounds[i + 1]))) {
      part = parse(tamed.length);
      i = bounds.length - 1;
    } else i++;
    root.children.push(...shiftedCopy(part, start, lines.position(start).line - 1).children);
  }
  root.position = { start: { line: 1, column: 1, offset: 0 }, end: { ...lines.position(tamed.length), offset: tamed.length } };
  return root;
}

/** How many pieces' trees are kept, and the longest piece kept: enough for an edit in two long files. */
const PIECE_CACHE_ENTRIES = 128;
const PIECE_CACHE_MAX_CHARS = 8 * BODY_CHUNK;
/** Trees of recently parsed pieces by their text, least recently used first. */
const pieceCache = new Map<string, Root>();

/**
 * One piece's tree, positioned from the piece's start; the caller copies it (`shiftedCopy`)
 * and must not change it. While someone types in a long body, the pieces before and after the
 * edit keep their text, so their trees come from the cache and only the edited piece is parsed
 * again: in a 64 KB body that is one piece of about 1 KB instead of 64.
 */
function parsePiece(first: boolean, source: string, reuse: boolean): Root {
  const parse = () => (first ? processor : pieceProcessor).parse(source) as Root;
  if (!reuse || source.length > PIECE_CACHE_MAX_CHARS) return parse();
  const key = (first ? 'f' : 'p') + source;
  const kept = pieceCache.get(key);
  if (kept) {
    pieceCache.delete(key);
    pieceCache.set(key, kept);
    return kept;
  }
  const tree = parse();
  pieceCache.set(key, tree);
  if (pieceCache.size > PIECE_CACHE_ENTRIES) pieceCache.delete(pieceCache.keys().next().value!);
  return tree;
}

/** Whether a tree's last block (or the last block inside it) is a code fence or an HTML block left open at the end. */
function endsInRawBlock(tree: Root, source: string): boolean {
  let node: { type: string; position?: Root['position']; children?: unknown[] } | undefined = tree;
  while (node) {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start !== undefined && end !== undefined && (node.type === 'code' || node.type === 'html')) {
      const lines = source.slice(start, end).split(/\r\n|\r|\n/).map((l) => l.replace(CONTAINER_PREFIX, ''));
      const first = lines[0] ?? '';
      const last = lines[lines.length - 1] ?? '';
      const fence = /^(`{3,}|~{3,})/.exec(first)?.[1];
      if (node.type === 'code' && fence) return lines.length < 2 || !new RegExp(`^${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`).test(last);
      const html = HTML_BLOCKS.find(([open]) => open.test(first));
      if (node.type === 'html' && html) {
        // Ended by its closing text, or (for the others) by a blank line after it in this piece.
        return html[1] === 'blank' ? !/^[^\r\n]*(?:\r\n|\r(?!\n)|\n)[ \t]*(?:\r\n|\r(?!\n)|\n)/.test(source.slice(end)) : !html[1].test(lines.join('\n').slice(1));
      }
    }
    const children: unknown[] | undefined = node.children;
    node = children && children.length > 0 ? (children[children.length - 1] as typeof node) : undefined;
  }
  return false;
}

/** Leading blanks and container markers (`>`, `-`, `1.`) of a line. */
const CONTAINER_PREFIX = /^(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))*[ \t]*/;

/**
 * A copy of a tree parsed from a slice, with every position moved to where the slice starts (at
 * a line start). The tree itself is left as it is: it may be a piece kept for the next parse.
 */
function shiftedCopy<T extends { position?: Root['position']; children?: unknown[] }>(node: T, offset: number, lines: number): T {
  const out = { ...node };
  if (node.position) out.position = { start: shiftedPoint(node.position.start, offset, lines), end: shiftedPoint(node.position.end, offset, lines) };
  if (node.children) out.children = (node.children as T[]).map((child) => shiftedCopy(child, offset, lines));
  return out;
}

function shiftedPoint(point: Point, offset: number, lines: number): Point {
  const moved: Point = { line: point.line + lines, column: point.column };
  if (point.offset !== undefined) moved.offset = point.offset + offset;
  return moved;
}

/** CommonMark's HTML blocks by how they start, with what ends them. */
const HTML_BLOCKS: Array<[RegExp, RegExp | 'blank']> = [
  [/^<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^<!--/, /-->/],
  [/^<\?/, /\?>/],
  [/^<!\[CDATA\[/, /\]\]>/],
  [/^<![A-Za-z]/, />/],
  [/^<\/?[A-Za-z]/, 'blank'],
];

/**
 * Offsets at least `size` apart where a top-level block surely starts (or a list item, which is
 * read the same wherever it starts): a line after a blank one that is not indented (or indented
 * by up to three spaces when no list item may be open), or a heading, list item or `***`
 * indented by up to three spaces; never inside fenced code, HTML blocks or the front matter.
 */
export function blockCuts(text: string, size: number): number[] {
  const cuts: number[] = [];
  let last = 0;
  let prevBlank = false;
  let listOpen = false;
  let fence: { char: string; length: number } | undefined;
  /** Inside an HTML block: what has to come, in order, before it surely ended (`'blank'`: a blank line). */
  let html: Array<RegExp | 'blank'> = [];
  let i = 0;
  const head = /^(---|\+\+\+)[ \t]*(?:\r\n?|\n)/.exec(text);
  let frontMatter = head ? head[1]! : undefined;
  while (i < text.length) {
    let end = i;
    while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
    const line = text.slice(i, end);
    const next = end + (text[end] === '\r' && text[end + 1] === '\n' ? 2 : 1);
    if (frontMatter !== undefined) {
      if (i > 0 && line.startsWith(frontMatter) && /^[ \t]*$/.test(line.slice(3))) frontMatter = undefined;
      i = next;
      continue;
    }
    const blank = /^[ \t]*$/.test(line);
    if (!fence && html.length === 0 && !blank && i - last >= size) {
      // After a blank line, a line indented by up to three spaces starts a top-level block unless a
      // list item may still be open (then it may belong to it, and a fence in it would end with it).
      const afterBlank = prevBlank && (/^\S/.test(line) || (!listOpen && /^ {1,3}\S/.test(line)));
      // These interrupt a paragraph and cannot continue a container from the line before; a list item
      // stays a list item (with its own content) wherever it is cut. (A `>` line can continue: `> a` /
      // `lazy` / `> b` is one quote.)
      const blockStart = /^ {0,3}(?:#{1,6}(?:[ \t]|$)|[-*+][ \t]+\S|1[.)][ \t]+\S|(?:\*[ \t]*){3,}$|(?:_[ \t]*){3,}$)/.test(line);
      if (afterBlank || blockStart) {
        cuts.push(i);
        last = i;
      }
    }
    if (!fence && html.length === 0 && !blank) {
      if (/^(?:[ \t]*>)*[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/.test(line)) listOpen = true;
      else if ((prevBlank && /^\S/.test(line)) || /^(?:#{1,6}(?:[ \t]|$)|(?:\*[ \t]*){3,}$|(?:_[ \t]*){3,}$)/.test(line)) listOpen = false;
    }
    // The line without container markers, to see fences and HTML blocks inside quotes and lists.
    const inner = line.replace(CONTAINER_PREFIX, '');
    if (fence) {
      if (inner.startsWith(fence.char.repeat(fence.length)) && /^[`~]*[ \t]*$/.test(inner)) fence = undefined;
    } else if (html.length > 0) {
      const until = html[0]!;
      if (until === 'blank' ? blank : until.test(line)) html.shift();
      // The line that seemed to open a block ending at a blank line may have been paragraph text;
      // then this one opens a block (or a fence) of its own. Waiting for both only means fewer cuts.
      else if (until === 'blank') {
        const open = /^(`{3,}|~{3,})/.exec(inner)?.[1];
        const found = inner.startsWith('<') ? HTML_BLOCKS.find(([start]) => start.test(inner)) : undefined;
        if (open) fence = { char: open[0]!, length: open.length };
        else if (found && found[1] !== 'blank' && !found[1].test(inner.slice(1))) html.unshift(found[1]);
      }
    } else {
      const open = /^(`{3,}|~{3,})/.exec(inner)?.[1];
      if (open && !(open[0] === '`' && inner.slice(open.length).includes('`'))) fence = { char: open[0]!, length: open.length };
      else if (inner.startsWith('<')) {
        const found = HTML_BLOCKS.find(([start]) => start.test(inner));
        if (found && !(found[1] !== 'blank' && found[1].test(inner.slice(1)))) html = [found[1]];
      }
    }
    prevBlank = blank;
    i = next;
  }
  return cuts;
}

/**
 * Where the front matter that remark-frontmatter would find at the start of the text ends:
 * an opening `---` (`+++` for TOML) with only spaces or tabs after it on the first line, and
 * the first later line that is the same fence, again with only spaces or tabs after it.
 * These are micromark-extension-frontmatter's rules, applied without running micromark,
 * which costs more than the YAML parse of a typical file (docs/performance.md).
 */
export function frontMatterSpan(text: string, lines: LineIndex): { type: 'yaml' | 'toml'; end: number } | undefined {
  const fence = /^(---|\+\+\+)[ \t]*(?:\r\n?|\n)/.exec(text)?.[1];
  if (!fence) return undefined; // remark-frontmatter needs the opening fence and a line break
  for (let line = 2; line <= lines.lineCount; line++) {
    const start = lines.lineStart(line);
    if (!text.startsWith(fence, start)) continue;
    const end = lines.lineEnd(line);
    if (/^[ \t]*$/.test(text.slice(start + 3, end))) return { type: fence === '---' ? 'yaml' : 'toml', end };
  }
  return undefined;
}

/**
 * The text with container markers beyond {@link MAX_LINE_CONTAINERS} on a line blanked out,
 * same length so that every offset stays right; the text itself is unchanged for all else.
 */
export function tameContainers(text: string): string {
  let out: string[] | undefined;
  let lineStart = 0;
  while (lineStart < text.length) {
    let i = lineStart;
    let markers = 0;
    for (;;) {
      while (text[i] === ' ' || text[i] === '\t') i++;
      const c = text[i];
      let end = -1;
      if (c === '>') end = i + 1;
      else if ((c === '-' || c === '*' || c === '+') && /[ \t\r\n]/.test(text[i + 1] ?? '\n')) end = i + 1;
      else if (c !== undefined && c >= '0' && c <= '9') {
        let j = i;
        while (j - i < 9 && (text[j] ?? '') >= '0' && (text[j] ?? '') <= '9') j++;
        if ((text[j] === '.' || text[j] === ')') && /[ \t\r\n]/.test(text[j + 1] ?? '\n')) end = j + 1;
      }
      if (end < 0) break;
      if (++markers > MAX_LINE_CONTAINERS) {
        out ??= text.split('');
        for (let k = i; k < end; k++) out[k] = ' ';
      }
      i = end;
    }
    while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
    lineStart = i + (text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1);
  }
  return out ? out.join('') : text;
}

interface Duplicate {
  key: string;
  start: number;
  end: number;
  firstAt: number;
}

/**
 * Parses front matter, refusing nesting deep enough to exhaust the parser's stack (one error
 * instead), and finds duplicate keys itself: the yaml package's `uniqueKeys` check compares
 * each key with all before it, quadratic in the number of keys.
 */
function parseYaml(source: string, exact: boolean): { doc: Document.Parsed; duplicates: Map<number, Duplicate> } {
  const duplicates = new Map<number, Duplicate>();
  // logLevel 'error': the yaml package would otherwise print warnings (say, for a map used as a key) on the host's console.
  const options = { uniqueKeys: false, prettyErrors: false, logLevel: 'error' } as const;
  const simple = exact ? undefined : parseSimpleYaml(source, options);
  if (simple) return { doc: simple, duplicates }; // no duplicate keys, no nesting to speak of: the fast path refuses both
  const deep = nestingLimitOffset(source, MAX_YAML_DEPTH);
  if (deep >= 0) {
    const doc = parseDocument('', options);
    doc.errors.push(
      new YAMLParseError([deep, deep + 1], 'RESOURCE_EXHAUSTION', `The front matter nests more than ${MAX_YAML_DEPTH} levels deep; it was not read. Journal front matter needs only a few levels.`),
    );
    return { doc, duplicates };
  }
  // Garbage can hold thousands of syntax errors; their stack traces are never read and cost most of the time.
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    const doc = parseDocument(source, options);
    visit(doc, {
      Map(_, map) {
        const first = new Map<string, number>();
        for (const pair of map.items) {
          if (!isScalar(pair.key) || !pair.key.range) continue;
          const id = `${typeof pair.key.value}:${String(pair.key.value)}`;
          const at = pair.key.range[0];
          const earlier = first.get(id);
          if (earlier === undefined) {
            first.set(id, at);
            continue;
          }
          duplicates.set(at, { key: String(pair.key.value), start: at, end: Math.max(at + 1, pair.key.range[1]), firstAt: earlier });
          doc.errors.push(new YAMLParseError([at, at + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
        }
        return undefined;
      },
    });
    // Errors in document order, as the parser would have reported them.
    doc.errors.sort((a, b) => a.pos[0] - b.pos[0]);
    return { doc, duplicates };
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/**
 * Offset at which YAML source nests deeper than `max` levels, counting flow brackets, block
 * indentation and compact `- - x` sequences, or -1. A cheap single pass that skips quoted
 * scalars, comments and block scalars; it only has to be right about pathological input.
 */
export function nestingLimitOffset(src: string, max: number): number {
  let flow = 0;
  const indents: number[] = [];
  let scalarIndent = -1;
  let i = 0;
  while (i < src.length) {
    let indent = 0;
    while (src.charCodeAt(i + indent) === 32) indent++;
    const c0 = src[i + indent];
    const blank = c0 === undefined || c0 === '\n' || c0 === '\r' || c0 === '#';
    if (scalarIndent >= 0 && (blank || indent > scalarIndent)) {
      i = lineAfter(src, i + indent);
      continue;
    }
    scalarIndent = -1;
    if (flow === 0 && !blank) {
      while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop();
      indents.push(indent);
    }
    let prev = '\n';
    let compact = 0;
    let j = i + indent;
    for (; j < src.length; j++) {
      const c = src[j]!;
      if (c === '\n' || c === '\r') break;
      if (c === ' ' || c === '\t') continue;
      if (c === '#' && (prev === '\n' || src[j - 1] === ' ' || src[j - 1] === '\t')) {
        while (j < src.length && src[j] !== '\n' && src[j] !== '\r') j++;
        break;
      }
      if ((c === '"' || c === "'") && '\n:,[{-?'.includes(prev)) {
        j = skipQuoted(src, j);
        prev = c;
        continue;
      }
      const next = src[j + 1];
      if ((c === '-' || c === '?') && (prev === '\n' || prev === '-' || prev === '?') && (next === ' ' || next === '\t')) compact++;
      else if (c === '[' || c === '{') flow++;
      else if ((c === ']' || c === '}') && flow > 0) flow--;
      if (flow + indents.length + compact > max) return j;
      prev = c;
    }
    if (flow === 0 && /(?:^|[\s:-])[|>][0-9+-]*[ \t]*(?:#.*)?$/.test(src.slice(i, j))) scalarIndent = indent;
    i = lineAfter(src, j);
  }
  return -1;
}

function lineAfter(src: string, from: number): number {
  let i = from;
  while (i < src.length && src[i] !== '\n' && src[i] !== '\r') i++;
  if (src[i] === '\r' && src[i + 1] === '\n') return i + 2;
  return i + 1;
}

/** Offset of the closing quote of the quoted scalar opening at `at` (or the end of the text). */
function skipQuoted(src: string, at: number): number {
  const quote = src[at];
  for (let i = at + 1; i < src.length; i++) {
    const c = src[i];
    if (quote === '"' && c === '\\') i++;
    else if (c === quote) {
      if (quote === "'" && src[i + 1] === "'") i++;
      else return i;
    }
  }
  return src.length;
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '').trim();
}

export type YamlPath = ReadonlyArray<string | number>;

/** Finds positions of YAML nodes by path in a parsed front matter. */
export class YamlLocator {
  constructor(
    private readonly doc: Document.Parsed,
    private readonly offset: number,
    private readonly lines: LineIndex,
    readonly head: Range,
  ) {}

  rangeOf(node: YamlNode | null | undefined): Range | undefined {
    const r = node?.range;
    if (!r) return undefined;
    const start = this.offset + r[0];
    let end = this.offset + r[1];
    // Block collections end after their last line break; a span should end at the last character.
    while (end > start && /\s/.test(this.lines.text[end - 1] ?? '')) end--;
    return this.lines.range(start, end);
  }

  /** The pair whose key is the last element of `path`, inside the map at the rest of the path. */
  pair(path: YamlPath): Pair | undefined {
    if (path.length === 0) return undefined;
    const parent = path.length === 1 ? this.doc.contents : this.doc.getIn(path.slice(0, -1), true);
    if (!isMap(parent)) return undefined;
    const key = path[path.length - 1];
    return parent.items.find((p) => isPair(p) && keyText(p.key) === String(key)) as Pair | undefined;
  }

  /** Span of the value at `path`, falling back to its key, then to the nearest existing ancestor, then the opening `---`. */
  valueRange(path: YamlPath): Range {
    for (let depth = path.length; depth > 0; depth--) {
      const sub = path.slice(0, depth);
      const node = this.doc.getIn(sub, true) as YamlNode | undefined;
      const range = this.rangeOf(node) ?? this.rangeOf(this.pair(sub)?.key as YamlNode | undefined);
      if (range) return range;
    }
    return this.head;
  }

  /** Span of the key at `path`, or the value when the path ends in a list index. */
  keyRange(path: YamlPath): Range {
    if (typeof path[path.length - 1] === 'number') return this.valueRange(path);
    return this.rangeOf(this.pair(path)?.key as YamlNode | undefined) ?? this.valueRange(path);
  }

  /** Where a missing key inside `parentPath` is reported: the parent's key (or list item), or the opening `---` at top level. */
  missingKeyRange(parentPath: YamlPath): Range {
    return parentPath.length === 0 ? this.head : this.keyRange(parentPath);
  }

  /** The keys of the map at `path`, each with the span of its key node. */
  keysOf(path: YamlPath): Array<{ key: string; range: Range }> {
    const node = path.length === 0 ? this.doc.contents : this.doc.getIn(path, true);
    if (!isMap(node)) return [];
    const out: Array<{ key: string; range: Range }> = [];
    for (const pair of node.items) {
      const range = this.rangeOf(pair.key as YamlNode);
      if (range) out.push({ key: keyText(pair.key), range });
    }
    return out;
  }

  /** The items of the sequence at `path` with their spans. */
  itemsOf(path: YamlPath): Range[] {
    const node = this.doc.getIn(path, true);
    if (!isSeq(node)) return [];
    return node.items.map((item) => this.rangeOf(item as YamlNode) ?? this.valueRange(path));
  }
}

function keyText(key: unknown): string {
  if (isScalar(key)) return String(key.value);
  return String(key);
}
