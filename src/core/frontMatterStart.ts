import type { TextEdit } from './edits';
import { isKnownKey } from './fields';
import { clip, codePoint, spaceName } from './words';

/**
 * Front matter written almost right, so that it is not read as front matter at all: blank lines
 * before the opening `---`, a space before it, four dashes, dashes a word processor made long
 * (`———`), or a YAML directive (`%YAML 1.2`) first. Said at the line that keeps the front matter
 * from being read, with the repair where it only removes blank lines and spaces or replaces the
 * fence lines themselves (never a key or a value).
 */
export interface AlmostFrontMatter {
  /** The span to report: the offending line's text. */
  start: number;
  end: number;
  message: string;
  /** Edits that make it front matter, when they touch only fence lines and the blank lines before them. */
  repair?: TextEdit[];
}

/** A line of dashes only, maybe indented: hyphens, or the dashes and minus signs text editors substitute. */
const DASH_LINE = /^([ \t]*)([-\u2010-\u2015\u2212\uff0d\u30fc]+)([ \t\u00a0\u3000]*)$/;
/** Dashes that are not hyphens: long dashes and minus signs a text editor substitutes, and the full-width hyphen and long vowel mark a Japanese input method types. */
const LONG_DASHES = /[\u2010-\u2015\u2212\uff0d\u30fc]/;
/** A line of YAML that sets a key: what the lines between two fences must hold for them to be front matter. */
const KEY_LINE = /^[ \t]*["']?[\p{L}_][\p{L}\p{N}_ -]*["']?[ \t]*:(?:[ \t]|$)/u;

interface Line {
  start: number;
  /** Before the line break. */
  end: number;
  text: string;
}

function splitLines(text: string, from: number): Line[] {
  const out: Line[] = [];
  let start = from;
  while (start <= text.length) {
    const br = /\r\n|\r|\n/g;
    br.lastIndex = start;
    const m = br.exec(text);
    const end = m ? m.index : text.length;
    out.push({ start, end, text: text.slice(start, end) });
    if (!m) break;
    start = m.index + m[0].length;
  }
  return out;
}

/** Whether a line is three dashes or more of any kind (`----`, `  ---`, `———`, `ーーー`), maybe indented: a fence line written as one, or almost. */
export function isDashesLine(text: string): boolean {
  const m = DASH_LINE.exec(text);
  return !!m && m[2]!.length >= 3;
}

/** Whether a dash line is a fence as written: `---` at the start of the line. */
function isFence(line: Line): boolean {
  return /^---[ \t]*$/.test(line.text);
}

/** What is wrong with a dash line as a fence, in words (`\`----\` has 4 hyphens, not 3`); undefined for a fence as written. */
function fenceFault(line: Line): string | undefined {
  const m = DASH_LINE.exec(line.text);
  if (!m || isFence(line)) return undefined;
  const [, indent = '', dashes = '', after = ''] = m;
  // `---` and a non-breaking or an ideographic space after it, which does not end the line to YAML.
  const odd = /[\u00a0\u3000]/.exec(after)?.[0];
  if (odd && dashes === '---' && !indent) return `\`---\` has ${spaceName(odd)} (${codePoint(odd)}) after it`;
  return `\`${dashes}\` ${dashLineFault(indent, dashes)}`;
}

/**
 * What keeps a line of dashes (`dashes`, after `indent`) from being a fence, said after the
 * dashes as written: the one wording of the front matter's opening and closing lines.
 */
export function dashLineFault(indent: string, dashes: string): string {
  if (/[\uff0d\u30fc]/.test(dashes)) return 'is not written with hyphens (`－` and `ー` are the full-width dashes a Japanese input method types)';
  if (LONG_DASHES.test(dashes)) return 'is not written with hyphens (a text editor may have turned them into long dashes)';
  if (dashes.length !== 3) return `has ${dashes.length} hyphens, not 3`;
  return `has ${indent.length === 1 ? 'a space' : `${indent.length} spaces or tabs`} before it`;
}

/** Two dashes or more, written otherwise than `---` at the start of the line, and a comment after them (`-- # end`). */
const DASHES_AND_COMMENT = /^([ \t]*)([-\u2010-\u2015\u2212\uff0d\u30fc]{2,})[ \t]+(#.*?)[ \t]*$/;

/** `--- # notes`: a fence with a comment after it, which opens no front matter. */
const COMMENTED_FENCE = /^---[ \t]+(#.*?)[ \t]*$/;

/**
 * A first line `--- # notes` with keys below it and a `---` that closes them: said at the comment,
 * and repaired by putting the comment on a line of its own below the `---` (it is kept, as a
 * YAML comment of the front matter).
 */
function commentedOpening(text: string, lines: readonly Line[]): AlmostFrontMatter | undefined {
  const line = lines[0]!;
  let close = 1;
  // Closed by `---`, or by `--- # end`, commented the same way.
  while (close < lines.length && !isFence(lines[close]!) && !COMMENTED_FENCE.test(lines[close]!.text)) close++;
  if (close >= lines.length || !lines.slice(1, close).some((l) => KEY_LINE.test(l.text))) return undefined;
  const comment = COMMENTED_FENCE.exec(line.text)![1]!;
  const at = line.start + line.text.indexOf(comment);
  const lineBreak = lineBreakAfter(text, line);
  const closing = lines[close]!;
  // The closing line's comment goes above it, as the front matter's last line.
  const closingComment = COMMENTED_FENCE.exec(closing.text)?.[1];
  return {
    start: at,
    end: at + comment.length,
    message: `The front matter is not read: its first line must be \`---\` alone, and \`${clipLine(comment)}\` follows it on that line. Put the comment on a line of its own below the \`---\`.${closingComment ? ` The line that closes it, line ${close + 1}, likewise: put its comment above it.` : ''}`,
    repair: [
      { start: line.start, end: line.end, text: `---${lineBreak}${comment}` },
      ...(closingComment ? [{ start: closing.start, end: closing.end, text: `${closingComment}${lineBreak}---` }] : []),
    ],
  };
}

/** A line of YAML that is not a key at the margin: indented, a comment, a list item or blank. */
const YAML_LINE = /^(?:[ \t]+\S|[ \t]*#|-(?:[ \t]|$)|[ \t]*$)/;

/**
 * Front matter without its opening `---`: the file starts with keys a journal file knows
 * (`type: session`, `date: …`), and a `---` below them closes what was never opened. Said at the
 * first key; the repair adds the `---` line above it (the keys are left as written).
 */
function noOpeningFence(text: string, lines: readonly Line[], first: number, from: number): AlmostFrontMatter | undefined {
  // A key, maybe indented (the keys may all be).
  const key = (line: Line) => /^[ \t]*["']?([\p{L}_][\p{L}\p{N}_-]*)["']?[ \t]*:(?:[ \t]|$)/u.exec(line.text)?.[1];
  // Comment lines may come before the keys (`# moved to Friday`): they become the front matter's.
  let keysFrom = first;
  while (keysFrom < lines.length && key(lines[keysFrom]!) === undefined && /^[ \t]*(?:#|$)/.test(lines[keysFrom]!.text)) keysFrom++;
  if (keysFrom >= lines.length || key(lines[keysFrom]!) === undefined) return undefined;
  let close = keysFrom + 1;
  while (close < lines.length && !isFence(lines[close]!)) close++;
  if (close >= lines.length) return undefined;
  const between = lines.slice(keysFrom, close);
  // YAML only, and a key a journal file knows: not prose that happens to start `Note: …`.
  if (!between.every((l) => key(l) !== undefined || YAML_LINE.test(l.text)) || !between.some((l) => isKnownKey(key(l) ?? ''))) return undefined;
  const line = lines[keysFrom]!;
  const top = lines[first]!;
  // The file's own line break; blank lines before the first line written go (the `---` must be the first line).
  const lineBreak = lineBreakAfter(text, line);
  return {
    start: line.start + indentOfLine(line),
    end: line.end,
    message: `The front matter is not read: it has no opening \`---\`, so its keys are text and the \`---\` on line ${close + 1} closes nothing. Add a line \`---\` before \`${clipLine(top.text)}\`, as the file's first line${first > 0 ? ` (the blank line${first > 1 ? 's' : ''} above ${first > 1 ? 'go' : 'goes'})` : ''}.`,
    repair: [{ start: from, end: top.start, text: `---${lineBreak}` }],
  };
}

const indentOfLine = (line: Line) => /^[ \t]*/.exec(line.text)![0].length;

/** A line's text as quoted in a message: trimmed, at most 40 characters. */
const clipLine = (text: string) => clip(text.trim(), 40);

/** The line break that ends `line` in `text` (the file's own: LF, CRLF or a lone CR), for a line written after it. */
const lineBreakAfter = (text: string, line: Line) => /\r\n|\r|\n/.exec(text.slice(line.end, line.end + 2))?.[0] ?? '\n';

/** How far down a front matter after other lines (`# Title`, then `---`) is still looked for. */
const FURTHER_DOWN_LINES = 30;

/**
 * A front matter that starts further down, after other lines (a heading, a note): a `---` line
 * with keys after it and another `---` that closes them. Said at that `---`; no repair, since the
 * lines before it are the writer's to move.
 */
function frontMatterFurtherDown(lines: readonly Line[], first: number): AlmostFrontMatter | undefined {
  for (let open = first + 1; open < Math.min(lines.length, FURTHER_DOWN_LINES); open++) {
    if (!isFence(lines[open]!)) continue;
    let close = open + 1;
    while (close < lines.length && !isFence(lines[close]!)) close++;
    if (close >= lines.length || !lines.slice(open + 1, close).some((l) => KEY_LINE.test(l.text))) return undefined;
    // Each line between is a key, a comment, a list item, indented or blank: YAML, not prose.
    if (!lines.slice(open + 1, close).every((l) => KEY_LINE.test(l.text) || /^(?:[ \t]+\S|[ \t]*#|-(?:[ \t]|$)|[ \t]*$)/.test(l.text))) return undefined;
    return {
      start: lines[open]!.start,
      end: lines[open]!.start + 3,
      message: `The front matter is not read: it must start on the file's first line, and it starts on line ${open + 1}, after \`${clipLine(lines[first]!.text)}\`. Move the lines before it below its closing \`---\` (line ${close + 1}).`,
    };
  }
  return undefined;
}

/**
 * The front matter this text was meant to open with, when it does not, because of its first
 * lines; undefined when the text does not start like front matter (a plain note).
 */
export function almostFrontMatter(text: string): AlmostFrontMatter | undefined {
  const from = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (!text.slice(from, from + 400).match(/[-\u2010-\u2015\u2212\uff0d\u30fc%]/)) return undefined;
  const lines = splitLines(text, from).slice(0, 200);
  let first = 0;
  while (first < lines.length && /^[ \t]*$/.test(lines[first]!.text)) first++;
  const opening = lines[first];
  if (!opening) return undefined;
  const directive = /^%\S/.test(opening.text);
  let open = first;
  if (directive) {
    while (open < lines.length && /^(?:%\S|[ \t]*#|[ \t]*$)/.test(lines[open]!.text)) open++;
  }
  if (!directive && first === 0 && lines[0] && COMMENTED_FENCE.test(lines[0].text)) return commentedOpening(text, lines);
  if (!directive && lines[open] && !DASH_LINE.test(lines[open]!.text)) return noOpeningFence(text, lines, first, from) ?? frontMatterFurtherDown(lines, first);
  const fenceLine = lines[open];
  if (!fenceLine || !DASH_LINE.test(fenceLine.text)) return undefined;
  // The closing fence: the first dash line (or `...`) after the opening one, with a key between.
  let close = -1;
  for (let i = open + 1; i < lines.length; i++) {
    if (DASH_LINE.test(lines[i]!.text) || /^\.\.\.[ \t]*$/.test(lines[i]!.text)) {
      close = i;
      break;
    }
  }
  if (close < 0 || !lines.slice(open + 1, close).some((l) => KEY_LINE.test(l.text))) return undefined;
  const closing = lines[close]!;
  const closeFault = /^\.\.\.[ \t]*$/.test(closing.text) ? undefined : fenceFault(closing);
  const closeWords = closeFault ? ` The line that closes it, line ${close + 1}, likewise: write \`---\` there too.` : '';
  const span = (line: Line) => {
    const lead = /^[ \t]*/.exec(line.text)![0].length;
    return { start: line.start + lead, end: line.end - (/[ \t]*$/.exec(line.text)![0].length) };
  };
  const fenceEdits = (): TextEdit[] => [
    ...(isFence(fenceLine) ? [] : [{ start: fenceLine.start, end: fenceLine.end, text: '---' }]),
    ...(closeFault ? [{ start: closing.start, end: closing.end, text: '---' }] : []),
  ];
  if (directive) {
    return {
      ...span(opening),
      message: `The front matter is not read: it must start with \`---\` on the file's first line, and a YAML directive (\`${opening.text.trim()}\`) is not taken before it. Remove the directive${open - first > 1 ? 's' : ''}, so that the file starts with \`---\`.`,
    };
  }
  if (first > 0) {
    const blank = first === 1 ? 'a blank line' : `${first} blank lines`;
    const fault = fenceFault(fenceLine);
    return {
      ...span(fenceLine),
      message: `The front matter is not read: its \`---\` must be the file's first line, and ${blank} come${first === 1 ? 's' : ''} before it. Remove ${first === 1 ? 'the blank line' : 'the blank lines'}${fault ? `; and ${fault}: write \`---\`` : ''}.${closeWords}`,
      repair: [{ start: from, end: fenceLine.start, text: '' }, ...fenceEdits()],
    };
  }
  const fault = fenceFault(fenceLine);
  if (!fault) return undefined; // `---` as written: front matter, or not closed (said elsewhere)
  return {
    ...span(fenceLine),
    message: `The front matter is not read: the line that opens it must be \`---\` at the start of the line, and ${fault}. Write \`---\`.${closeWords}`,
    repair: fenceEdits(),
  };
}

/** Whether a line reads as YAML in a front matter: a key, an indented line, a list item, a comment or a blank line. */
export function isYamlLine(line: string): boolean {
  return KEY_LINE.test(line) || YAML_LINE.test(line);
}

/** How many lines below the opening `---` a closing line written almost right is looked for. */
const CLOSING_LINES = 400;

/**
 * The line meant to close a front matter opened with `---`, written almost right, so that it
 * does not: `----`, ` ---`, `———`, `--- # end`, `--- end` or `...` (which ends a YAML document,
 * not a front matter). The front matter then runs on to a later `---` (a rule in the body, and
 * YAML cannot read what lies between), or is never closed. Said at that line; repaired by
 * writing `---` there, a comment after it kept on a line of its own above it (`--- end`, with
 * text after it, is not: where the text goes is the writer's choice). Only where every line
 * above it is YAML (keys, indented lines, list items, comments, blank lines), and not in the
 * indented lines of a `|` or `>` text, which may hold a `---`.
 */
export function almostClosing(text: string): AlmostFrontMatter | undefined {
  const lines = splitLines(text, 0).slice(0, CLOSING_LINES);
  if (!lines[0] || !isFence(lines[0])) return undefined;
  let blockIndent = -1;
  let blank = false;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (isFence(line)) return undefined;
    const indent = indentOfLine(line);
    if (blockIndent >= 0 && (indent > blockIndent || !line.text.trim())) continue;
    // After a blank line, a Markdown heading or an action item is the body's, not a YAML comment or item: the front
    // matter was left open above it, and a dash line further down is a rule of the body (taking it for the closing
    // line would make the heading a comment of the front matter).
    if ((blank && /^#{1,6}(?:[ \t]|$)/.test(line.text)) || /^[ \t]*[-*+][ \t]+\[[ xX]?\][ \t]/.test(line.text)) return undefined;
    blank = !line.text.trim();
    blockIndent = /:[ \t]*[|>][-+0-9]*[ \t]*(?:#.*)?$/.test(line.text) ? indent : -1;
    const dashes = DASH_LINE.exec(line.text);
    // (Indented four spaces or more, a dash line is a code block of the body, as Markdown reads it.)
    const fault = dashes && dashes[1]!.length < 4 && (dashes[2]!.length >= 2 || LONG_DASHES.test(dashes[2]!)) ? fenceFault(line) : undefined;
    const comment = COMMENTED_FENCE.exec(line.text)?.[1];
    // `-- # end`, `---- # end`, `  --- # end`: dashes written almost right, and a comment after them.
    const commented = comment ? undefined : DASHES_AND_COMMENT.exec(line.text);
    const commentedFault = commented && commented[1]!.length < 4 ? `\`${commented[2]}\` ${dashLineFault(commented[1]!, commented[2]!)}` : undefined;
    const after = comment || commentedFault ? undefined : /^---[ \t]+(\S.*?)[ \t]*$/.exec(line.text)?.[1];
    const documentEnd = /^\.\.\.[ \t]*$/.test(line.text);
    if (fault || comment || commentedFault || after || documentEnd) {
      if (!lines.slice(1, i).some((l) => KEY_LINE.test(l.text))) return undefined;
      const start = line.start + indent;
      const end = line.end - /[ \t]*$/.exec(line.text)![0].length;
      const opened = 'The front matter opened with `---` on line 1 is not closed by this line';
      if (comment) {
        return { start, end, message: `${opened}: it must be \`---\` alone, and \`${clipLine(comment)}\` follows it. Put the comment on a line of its own above the \`---\`.`, repair: [{ start: line.start, end: line.end, text: `${comment}${lineBreakAfter(text, line)}---` }] };
      }
      if (commentedFault) {
        const note = commented![3]!;
        return { start, end, message: `${opened}: ${commentedFault}, and \`${clipLine(note)}\` follows it. Write \`---\` here, at the start of the line, and the comment on a line of its own above it.`, repair: [{ start: line.start, end: line.end, text: `${note}${lineBreakAfter(text, line)}---` }] };
      }
      if (after) return { start, end, message: `${opened}: it must be \`---\` alone, and \`${clipLine(after)}\` follows it. Write \`---\` alone, and the text on a line of its own.` };
      const why = documentEnd ? '`...` ends a YAML document, not the front matter' : `${fault}`;
      return { start, end, message: `${opened}: ${why}. Write \`---\` here, at the start of the line.`, repair: [{ start: line.start, end: line.end, text: '---' }] };
    }
    if (!isYamlLine(line.text)) return undefined;
  }
  return undefined;
}
