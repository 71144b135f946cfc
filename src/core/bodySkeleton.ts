import type { Blockquote, Code, Heading, Html, InlineCode, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Text, ThematicBreak, Yaml } from 'mdast';
import type { Point } from 'unist';
import { codeSpans } from './body';
import { frontMatterSpan } from './frontmatter';
import type { LineIndex } from './text';

/**
 * The blocks of a journal body that `readBody` reads, found by a scan of its lines instead of
 * remark, for bodies written in the plain Markdown a journal is mostly written in: ATX headings,
 * paragraphs, lists whose items hold one paragraph each (`- [ ] @sam draft (due …) [[goal]]`),
 * quotes of one paragraph, fenced code, thematic breaks and HTML comments (the session template's
 * hints), with blank lines between them.
 * Parsing bodies with remark was most of the cost of a relationship's report
 * (docs/performance.md, "Bodies without remark").
 *
 * The tree has the nodes `readBody` walks, at the offsets remark gives them: the front matter,
 * headings with their text and inline code, paragraphs, lists and their items, quotes, thematic
 * breaks, fenced code and comments (their lines unread), and each paragraph's text outside inline
 * code as text nodes. Anything else a line may start (a code fence or comment never closed, indented code, other HTML, setext
 * underlines, nested lists or quotes, tabs in the indentation, an ordered item that could
 * continue a paragraph), lone CR line ends, and inline HTML, autolinks, escaped backticks, and
 * escapes or character references in headings, make it return `undefined`, and the body is parsed with remark. A
 * property test compares the blocks and what `readBody` reads from this tree with remark's, on
 * generated bodies of every form (test/unit/bodySkeleton.test.ts).
 */
export function bodySkeleton(text: string, lines: LineIndex): Root | undefined {
  if (text.charCodeAt(0) === 0xfeff) return undefined;
  // Lone CR line ends (old Mac files): a `[[…]]` may run across one (the pattern stops only at
  // `\n`), and remark's text nodes, cut at hard breaks, would not hold it: left to remark.
  if (LONE_CR.test(text)) return undefined;
  const root: Root = { type: 'root', children: [] };
  const point = (offset: number, line: number) => ({ line, column: offset - lines.lineStart(line) + 1, offset });
  const node = <T extends { position?: unknown }>(value: T, start: number, startLine: number, end: number, endLine: number): T => {
    value.position = { start: point(start, startLine), end: point(end, endLine) };
    return value;
  };
  let first = 1;
  if (/^(?:---|\+\+\+)/.test(text)) {
    const span = frontMatterSpan(text, lines);
    if (!span) return undefined; // an open fence is a thematic break or text to remark
    const endLine = lines.position(span.end).line;
    // The value is not read (readBody skips the front matter), so it is left empty.
    root.children.push(node<Yaml>({ type: span.type === 'yaml' ? 'yaml' : ('toml' as 'yaml'), value: '' }, 0, 1, span.end, endLine));
    first = endLine + 1;
  }

  let list: { node: List; marker: string } | undefined;
  // The paragraph that a next line may continue (at the top level, in a list item or in a quote),
  // and the blocks around it that end where it ends.
  let open: { node: Paragraph; around: Array<ListItem | List | Blockquote>; quote?: Blockquote } | undefined;
  let afterBlank = false;
  const endAt = (end: number, line: number) => {
    if (!open) return;
    const at = point(end, line);
    open.node.position!.end = at;
    for (const block of open.around) block.position!.end = at;
  };

  /** The first line from `from` on for which `closes` holds; undefined when none does (a block open to the end of the body, left to remark). */
  const closingLine = (from: number, closes: (line: number) => boolean): number | undefined => {
    for (let l = from; l <= lines.lineCount; l++) if (closes(l)) return l;
    return undefined;
  };
  /** A fenced code block or a comment: one node from `start` to the end of line `last`, its lines not read; nothing open before it goes on after it. Returns `last`. */
  const raw = (value: Code | Html, start: number, startLine: number, last: number): number => {
    open = undefined;
    list = undefined;
    root.children.push(node(value, start, startLine, lines.lineEnd(last), last));
    return last;
  };

  for (let line = first; line <= lines.lineCount; line++) {
    const start = lines.lineStart(line);
    const end = lines.lineEnd(line);
    const content = text.slice(start, end);
    if (BLANK.test(content)) {
      open = undefined;
      afterBlank = true;
      continue;
    }
    const indent = LEADING.exec(content)![0];
    if (indent.length > 0) {
      // Only a paragraph's next line may be indented, and then it must not start a block of its own.
      if (!open || afterBlank || indent.includes('\t') || !plainRest(content.slice(indent.length))) return undefined;
      endAt(end, line);
      continue;
    }
    afterBlank = false;
    const heading = ATX.exec(content);
    if (heading) {
      open = undefined;
      list = undefined;
      const { from, to } = headingText(content, heading[0].length);
      if (!plainHeading(content.slice(from, to))) return undefined;
      const h = node<Heading>({ type: 'heading', depth: heading[0].length as Heading['depth'], children: [] }, start, line, end, line);
      h.children.push(...headingInline(content.slice(from, to), start + from, line, point));
      root.children.push(h);
      continue;
    }
    const fence = FENCE.exec(content);
    if (fence) {
      // A fenced code block, read as one node up to its closing fence; its lines are not read.
      const marker = fence[1]!;
      if (marker[0] === '`' && content.slice(marker.length).includes('`')) return undefined; // not a fence: inline code
      const closing = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*$`);
      const last = closingLine(line + 1, (l) => closing.test(text.slice(lines.lineStart(l), lines.lineEnd(l))));
      if (last === undefined) return undefined;
      line = raw({ type: 'code', value: '' }, start, line, last);
      continue;
    }
    if (content.startsWith('<!--')) {
      // An HTML comment (the HTML block CommonMark starts with `<!--`), as the session template
      // writes its hints: one node up to the line that holds `-->`, blank lines and all; its lines
      // are not read. `<!-->` and `<!--->` are left to remark.
      if (/^<!---?>/.test(content)) return undefined;
      const opening = line;
      const last = closingLine(line, (l) => text.slice(lines.lineStart(l) + (l === opening ? 4 : 0), lines.lineEnd(l)).includes('-->'));
      if (last === undefined) return undefined;
      line = raw({ type: 'html', value: '' }, start, line, last);
      continue;
    }
    if (THEMATIC_BREAK.test(content)) {
      // After a paragraph's line at the top level, `---` underlines it (a setext heading): left to remark.
      if (open && open.around.length === 0 && /^-+[ \t]*$/.test(content)) return undefined;
      open = undefined;
      list = undefined;
      root.children.push(node<ThematicBreak>({ type: 'thematicBreak' }, start, line, end, line));
      continue;
    }
    const quoted = QUOTE.exec(content);
    if (quoted) {
      // A quote of paragraphs: `> text`, its next lines with `>` or without (lazily).
      if (!plainRest(content.slice(quoted[0].length))) return undefined;
      if (open?.quote) {
        endAt(end, line);
        continue;
      }
      list = undefined;
      const paragraph = node<Paragraph>({ type: 'paragraph', children: [] }, start + quoted[0].length, line, end, line);
      const quote = node<Blockquote>({ type: 'blockquote', children: [paragraph] }, start, line, end, line);
      root.children.push(quote);
      open = { node: paragraph, around: [quote], quote };
      continue;
    }
    if (BREAK_OR_UNDERLINE.test(content) || OTHER_BLOCK.test(content)) return undefined;
    // A list marker without text after one to four spaces (an empty item, indented code in an item, a tab).
    if (ITEMISH.test(content) && !BULLET.test(content) && !ORDERED.test(content)) return undefined;
    const bullet = BULLET.exec(content);
    const ordered = bullet ? null : ORDERED.exec(content);
    if (bullet || ordered) {
      const whole = (bullet ?? ordered)![0];
      const kind = bullet ? bullet[1]! : ordered![2]!;
      if (!plainRest(content.slice(whole.length))) return undefined;
      const sibling = list !== undefined && list.marker === kind && list.node.ordered === Boolean(ordered);
      // An ordered item that is not `1` after a paragraph's line may continue it (CommonMark's rule
      // for interrupting a paragraph); only a next item of the same list is surely an item.
      if (ordered && open && !sibling && ordered[1] !== '1') return undefined;
      const current = sibling ? list! : { node: node<List>({ type: 'list', ordered: Boolean(ordered), spread: false, children: [] }, start, line, end, line), marker: kind };
      if (!sibling) root.children.push(current.node);
      list = current;
      const paragraph = node<Paragraph>({ type: 'paragraph', children: [] }, start + whole.length, line, end, line);
      const li = node<ListItem>({ type: 'listItem', spread: false, children: [paragraph] }, start, line, end, line);
      current.node.children.push(li);
      current.node.position!.end = li.position!.end;
      open = { node: paragraph, around: [li, current.node] };
      continue;
    }
    if (!plainInline(content)) return undefined;
    if (open) {
      endAt(end, line); // a lazy continuation line
      continue;
    }
    list = undefined;
    open = { node: node<Paragraph>({ type: 'paragraph', children: [] }, start, line, end, line), around: [] };
    root.children.push(open.node);
  }
  for (const block of root.children) textOf(block, text, lines);
  return root;
}

const BLANK = /^[ \t]*$/;
const LONE_CR = /\r(?!\n)/;
const LEADING = /^[ \t]*/;
/** An ATX heading's opening sequence: one to six `#` before a space, a tab or the line's end. */
const ATX = /^#{1,6}(?=[ \t]|$)/;
/** A code fence's opening line: three or more backticks or tildes at the line's start. */
const FENCE = /^(`{3,}|~{3,})/;
/** A thematic break: three or more `-`, `*` or `_`, with blanks between them or not. */
const THEMATIC_BREAK = /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
/** A thematic break (`***`, `- - -`, `___`) or a setext underline (`===`, `--`). */
const BREAK_OR_UNDERLINE = /^(?:([-*_])(?:[ \t]*\1){2,}[ \t]*|=+[ \t]*|-+[ \t]*)$/;
/** A quote's marker and the blanks after it before its text (five would start indented code). */
const QUOTE = /^> {0,4}(?=[^ \t])/;
/** Quotes this scan does not read (`>` without text after it, `>` and five blanks) and HTML. */
const OTHER_BLOCK = /^(?:>|<)/;
/** A bullet item with text after one to four spaces (five or more would start indented code). */
const BULLET = /^([-*+]) {1,4}(?=[^ \t])/;
const ORDERED = /^(\d{1,9})([.)]) {1,4}(?=[^ \t])/;
const ITEMISH = /^(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
/**
 * What may start a block or a container at the start of a line's text: a list marker, a quote, an
 * ATX heading, HTML, a code fence (thematic breaks and setext underlines: BREAK_OR_UNDERLINE).
 */
const MAY_START_BLOCK = /^(?:[-*+](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|#{1,6}(?:[ \t]|$)|[>]|<|`{3}|~{3})/;
/** Inline HTML and autolinks (`<b>`, `<!-- -->`, `<https://…>`) and an escaped backtick split text in ways this scan does not follow. */
const NOT_PLAIN = /<[A-Za-z/!?]|\\`/;
const plainInline = (line: string) => !NOT_PLAIN.test(line);
/** The text of a line after its indentation, quote or list marker, when it is a paragraph's text and nothing else: no block starts in it, and its inline content is plain. */
const plainRest = (rest: string) => !MAY_START_BLOCK.test(rest) && !BREAK_OR_UNDERLINE.test(rest) && plainInline(rest);
/** Heading text whose plain text is what is written, but for inline code: no escapes, character references or HTML. */
const plainHeading = (written: string) => !/[\\&<]/.test(written);

/**
 * A heading's text and inline code as remark gives them: the code's value without its backticks,
 * and without one space at each end when it has one at both and is not all spaces (CommonMark).
 */
function headingInline(written: string, offset: number, line: number, point: (offset: number, line: number) => Point): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  const at = (from: number, to: number) => ({ start: point(offset + from, line), end: point(offset + to, line) });
  let from = 0;
  for (const [open, close] of written.includes('`') ? codeSpans(written) : []) {
    if (open > from) out.push({ type: 'text', value: written.slice(from, open), position: at(from, open) } satisfies Text);
    const ticks = /^`+/.exec(written.slice(open))![0].length;
    let value = written.slice(open + ticks, close - ticks);
    if (value.length > 1 && value.startsWith(' ') && value.endsWith(' ') && /[^ ]/.test(value)) value = value.slice(1, -1);
    out.push({ type: 'inlineCode', value, position: at(open, close) } satisfies InlineCode);
    from = close;
  }
  if (from < written.length) out.push({ type: 'text', value: written.slice(from), position: at(from, written.length) } satisfies Text);
  return out;
}

/** Where an ATX heading's text starts and ends in its line: without the opening and closing `#`s and the blanks around them. */
function headingText(line: string, opening: number): { from: number; to: number } {
  let from = opening;
  while (from < line.length && (line[from] === ' ' || line[from] === '\t')) from++;
  let to = line.length;
  while (to > from && (line[to - 1] === ' ' || line[to - 1] === '\t')) to--;
  // A closing sequence: `#`s at the end, after a blank or making up the whole text.
  let hashes = to;
  while (hashes > from && line[hashes - 1] === '#') hashes--;
  if (hashes < to && (hashes === from || line[hashes - 1] === ' ' || line[hashes - 1] === '\t')) {
    to = hashes;
    while (to > from && (line[to - 1] === ' ' || line[to - 1] === '\t')) to--;
  }
  return { from, to };
}

/** Fills each paragraph with its text outside inline code, as text nodes at their offsets. */
function textOf(block: RootContent, text: string, lines: LineIndex): void {
  if (block.type === 'list' || block.type === 'blockquote') {
    for (const inner of block.children) textOf(inner.type === 'listItem' ? inner.children[0]! : inner, text, lines);
    return;
  }
  if (block.type !== 'paragraph') return;
  const start = block.position!.start.offset!;
  const end = block.position!.end.offset!;
  const source = text.slice(start, end);
  const parts: Array<[number, number]> = [];
  let from = 0;
  if (source.includes('`')) {
    for (const [open, close] of codeSpans(source)) {
      if (open > from) parts.push([from, open]);
      from = close;
    }
  }
  if (from < source.length) parts.push([from, source.length]);
  for (const [a, b] of parts) {
    const at = lines.position(start + a);
    const to = lines.position(start + b);
    block.children.push({ type: 'text', value: source.slice(a, b), position: { start: { ...at, offset: start + a }, end: { ...to, offset: start + b } } });
  }
}
