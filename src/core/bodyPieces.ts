import type { Root } from 'mdast';
import type { Point } from 'unist';
import { createMarkdownParsers, type MarkdownParsers } from './markdownParser';
import { LineIndex } from './text';

/**
 * Bodies parsed with remark in pieces of about 1 KB, cut where a top-level block starts, with
 * recent pieces' trees reused while someone types (the cache belongs to whoever parses: the
 * index holds one). Front matter is found and parsed in frontmatter.ts, not here.
 */

/** Made when the first body is parsed (see markdownParser.ts). */
let parsers: MarkdownParsers | undefined;
const markdown = (): MarkdownParsers => (parsers ??= createMarkdownParsers());

/** Container markers (`>`, `-`, `1.`) opened on one line beyond this are read as spaces: deeper nesting costs micromark quadratic time. */
const MAX_LINE_CONTAINERS = 32;

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
 * With `pieces`, pieces parsed lately are reused (see `BodyPieceCache`); without, every piece is parsed anew.
 */
export function parseBody(text: string, chunk = BODY_CHUNK, pieces?: BodyPieceCache): Root {
  const tamed = tameContainers(text);
  const cuts = tamed.length > chunk ? blockCuts(tamed, chunk) : [];
  if (cuts.length === 0) return markdown().whole.parse(tamed) as Root;
  const lines = new LineIndex(tamed);
  const root: Root = { type: 'root', children: [] };
  const bounds = [0, ...cuts, tamed.length];
  for (let i = 0; i + 1 < bounds.length; ) {
    const start = bounds[i]!;
    const parse = (end: number) => (pieces ? pieces.parse(i === 0, tamed.slice(start, end)) : parsePiece(i === 0, tamed.slice(start, end)));
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

/** One piece's tree, positioned from the piece's start. */
function parsePiece(first: boolean, source: string): Root {
  return (first ? markdown().whole : markdown().piece).parse(source) as Root;
}

/**
 * Trees of recently parsed pieces by their text, least recently used first. While someone types
 * in a long body, the pieces before and after the edit keep their text, so their trees come from
 * here and only the edited piece is parsed again: in a 64 KB body that is one piece of about 1 KB
 * instead of 64. The index owns one (`JournalIndex.pieces`); a tree handed out is shared, so the
 * caller copies it (`shiftedCopy`) and must not change it.
 */
export class BodyPieceCache {
  private readonly trees = new Map<string, Root>();

  parse(first: boolean, source: string): Root {
    if (source.length > PIECE_CACHE_MAX_CHARS) return parsePiece(first, source);
    const key = (first ? 'f' : 'p') + source;
    const kept = this.trees.get(key);
    if (kept) {
      this.trees.delete(key);
      this.trees.set(key, kept);
      return kept;
    }
    const tree = parsePiece(first, source);
    this.trees.set(key, tree);
    if (this.trees.size > PIECE_CACHE_ENTRIES) this.trees.delete(this.trees.keys().next().value!);
    return tree;
  }

  get size(): number {
    return this.trees.size;
  }
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
