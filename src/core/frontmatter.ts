import type { Root } from 'mdast';
import { parseBody, type BodyPieceCache } from './bodyPieces';
import { problem, type RuleCode } from './rules';
import { LineIndex } from './text';
import type { Position, Problem, Range } from './types';
import type { Document } from 'yaml';
import { isKnownKey } from './fields';
import { almostClosing, isDashesLine, isYamlLine } from './frontMatterStart';
import { explainYamlError, syntaxHint } from './yamlErrors';
import { parseYaml, type FrontMatterDocument } from './yamlParse';

/**
 * A journal file's text split into its front matter and its body: the front matter is found by
 * remark-frontmatter's rules (without running micromark) and parsed by yaml with positions
 * (yamlParse.ts, with the guards of yamlGuards.ts); the body is parsed on first use, in pieces
 * (bodyPieces.ts). Problems are anchored through the YamlLocator (yamlLocator.ts).
 */

/** A Markdown file split into its YAML front matter (positioned: a Document, or the fast path's tree) and its body tree. */
export interface ParsedMarkdown<D extends FrontMatterDocument = FrontMatterDocument> {
  text: string;
  lines: LineIndex;
  root: Root;
  /** Absent when the file has no front matter (or an unusable one, which is reported). */
  yaml?: {
    doc: D;
    /** Offset in `text` where the YAML source starts (the line after the opening `---`). */
    offset: number;
    /** Span of the opening `---`. */
    head: Range;
    /** The YAML source as parsed: the text from `offset` to the closing fence (a lone `\r` read as `\n`). */
    source: string;
  };
  problems: Problem[];
  /** Where the body's pieces are kept between parses (the index's cache), if anywhere. */
  pieces?: BodyPieceCache;
}

/** At most this many YAML errors are reported per file; the first ones are the useful ones. */
const MAX_YAML_ERRORS = 20;

/**
 * Parses a journal file's text: finds its front matter by remark-frontmatter's rules and parses
 * it into a positioned `yaml` Document; the body is parsed with remark on first use. Simple
 * front matter takes a fast path that reads the same values and spans into a small tree
 * (simpleYaml.ts); `exact` skips it, for edits, which rewrite the text by a Document's ranges.
 */
export function parseMarkdown(file: string, text: string, options: { exact: true; pieces?: BodyPieceCache }): ParsedMarkdown<Document.Parsed>;
export function parseMarkdown(file: string, text: string, options?: { exact?: boolean; pieces?: BodyPieceCache }): ParsedMarkdown;
export function parseMarkdown(file: string, text: string, options: { exact?: boolean; pieces?: BodyPieceCache } = {}): ParsedMarkdown {
  const lines = new LineIndex(text);
  const problems: Problem[] = [];
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
    // Made at the first error: most front matters have none.
    // One mistake, one problem: the parser's follow-on errors on a line already reported (a tab
    // gives three more), and those that follow from a mistake already explained, are left out.
    let seen: Set<number> | undefined;
    let reported = 0;
    let followsUpTo = -1;
    for (const error of doc.errors) {
      const [start, end] = error.pos;
      const gaveUp = lines.position(contentStart + start).line;
      if (start <= followsUpTo || seen?.has(gaveUp)) continue;
      const duplicate = error.code === 'DUPLICATE_KEY' ? duplicates.get(start) : undefined;
      const explained = duplicate ? undefined : explainYamlError(source, doc, error);
      if (explained) followsUpTo = explained.through;
      const range = duplicate
        ? lines.range(contentStart + duplicate.start, contentStart + duplicate.end)
        : explained
          ? lines.range(contentStart + explained.start, contentStart + explained.end)
          : lines.range(contentStart + start, contentStart + Math.max(end, start + 1));
      const message = duplicate?.newItem
        ? `Duplicate key \`${duplicate.key}\`: a second item starts here without its \`- \`, so YAML reads its keys into the item above (its \`${duplicate.key}\` is ${whereFirst(lines.position(contentStart + duplicate.firstAt), range.start)}), and each of the two items loses what the other sets. Write \`- \` before \`${duplicate.key}\`, with the \`-\` in column ${duplicate.newItem.dash + 1} as in the item above, and indent its other keys as that item's.`
        : duplicate
        ? `Duplicate key \`${duplicate.key}\`: it is already set ${whereFirst(lines.position(contentStart + duplicate.firstAt), range.start)}; ${duplicate.mergeable ? `both hold ${duplicate.mergeable === 'list' ? 'items' : 'entries'}, and only one would be read: move this one's ${duplicate.mergeable === 'list' ? 'items' : 'entries'} into the first and delete this key.` : 'keep only one.'}`
        : explained
          ? explained.message
          : error.code === 'DUPLICATE_KEY'
          ? `Duplicate key: ${firstLine(error.message)}`
          : error.code === 'RESOURCE_EXHAUSTION'
            ? error.message
            : `YAML syntax error: ${firstLine(error.message)}${syntaxHint(lines.text.slice(lines.lineStart(range.start.line), lines.lineEnd(range.start.line)), error.message)}`;
      seen ??= new Set<number>();
      if (seen.has(range.start.line)) continue;
      seen.add(range.start.line).add(gaveUp);
      if (++reported > MAX_YAML_ERRORS) {
        // The list is cut: the last problem says so, rather than the file seeming to hold no more.
        const last = problems[problems.length - 1]!;
        problems[problems.length - 1] = { ...last, message: `${last.message} (The front matter has more YAML errors after this one, not listed: fix these first.)` };
        break;
      }
      report(range, error.code === 'DUPLICATE_KEY' ? 'yaml/duplicate-key' : 'yaml/syntax', message);
    }
    // Its closing line written almost right (`----`, `--- # end`, `...`), so that it runs on to a `---` in the body: one
    // problem, at that line, put right by --fix and the quick fix. (What YAML says of a dash line there says the same.)
    const closing = reported ? almostClosing(text) : undefined;
    const line = closing && closing.start < closingStart ? lines.position(closing.start).line : undefined;
    const dashes = line !== undefined && isDashesLine(lines.text.slice(lines.lineStart(line), lines.lineEnd(line)));
    // `...` or `--- # end` with only keys after it, up to the `---`, is not where the writer closed it: YAML's own words say that.
    const bodyAfter = line !== undefined && text.slice(lines.lineEnd(line), closingStart).split(/\r\n|\r|\n/).some((l) => !isYamlLine(l));
    if (closing && line !== undefined && (dashes || bodyAfter)) {
      // What YAML's explanation of a dash line there says already (almostClosingFence), in its words; not the parser's own.
      const said = dashes ? problems.find((p) => p.code === 'yaml/syntax' && p.range.start.line === line && p.message.includes('so it does not close the front matter')) : undefined;
      const message = said?.message ?? `YAML syntax error: ${closing.message.charAt(0).toLowerCase()}${closing.message.slice(1)} The front matter runs on to the \`---\` on line ${lines.position(closingStart).line}, and YAML cannot read what is between.`;
      for (let i = problems.length - 1; i >= 0; i--) if (problems[i]!.code === 'yaml/syntax' && problems[i]!.range.start.line >= line) problems.splice(i, 1);
      problems.push({ ...problem(file, lines.range(closing.start, closing.end), 'yaml/syntax', message), ...(closing.repair ? { data: { kind: 'front-matter-close' } } : {}) });
    }
    // A front matter that is empty (or only comments) may be closed by a doubled `---`; one with keys, only when known keys follow.
    const empty = !/^[ \t]*[^\s#]/m.test(source);
    const early = !reported ? keysAfterEarlyClosing(text, endOffset, empty) : undefined;
    if (early) {
      const closing = lines.range(closingStart, closingStart + 3);
      const upTo = early.end === undefined ? '' : `, up to the \`---\` on line ${lines.position(early.end).line},`;
      const what = empty ? 'closes the front matter right after it opens' : 'closes the front matter before its last keys';
      problems.push({
        ...problem(file, closing, 'frontmatter/closed-early', `This \`---\` ${what}, so the keys below it${upTo} are read as the body, not as front matter: remove this line${early.end === undefined ? ', and close the front matter with a line `---` after its last key' : ''}.`),
        data: { kind: 'closed-early' },
      });
    }
    const cut = reported || early ? undefined : textCutByClosing(source, text, endOffset);
    if (cut) {
      const closing = lines.range(closingStart, closingStart + 3);
      report(closing, 'frontmatter/closed-in-text', `This \`---\` ends the front matter inside the \`${cut.indicator}\` text of \`${cut.key}\`, so the indented lines after it, up to the next \`---\`, are read as the body, not as that text: indent this \`---\` as far as the text's lines (${cut.indent} spaces) to keep it in the text, or, if those lines belong to the body, write them without indentation.`);
    }
    const parsed = new ParsedText(text, lines, problems, options.pieces);
    parsed.yaml = { doc, offset: contentStart, head, source };
    return parsed;
  }
  if (first?.type === 'toml') {
    report(lines.range(0, 3), 'frontmatter/toml', 'TOML front matter (+++) is not supported: write the front matter as YAML between --- lines.');
  } else if (/^---[ \t]*(?:\r\n?|\n|$)/.test(text)) {
    // Its closing line written almost right (`----`, `--- # end`, `...`): said there, and put right.
    const closing = almostClosing(text);
    if (closing) problems.push({ ...problem(file, lines.range(closing.start, closing.end), 'frontmatter/unclosed', `${closing.message} Nothing closes the front matter before the end of the file.`), ...(closing.repair ? { data: { kind: 'front-matter-close' } } : {}) });
    else report(lines.range(0, 3), 'frontmatter/unclosed', 'The front matter opened with --- is never closed: add a line with --- after the last key.');
  }
  return new ParsedText(text, lines, problems, options.pieces);
}

/**
 * The keys a second `---` cut off from the front matter: the lines after the closing fence, up
 * to a later `---` (`end`, where it starts), are keys, comments, list items or indented lines.
 * For an `empty` front matter (a doubled `---`), any keys, and the keys may also run to the end
 * of the file (the writer did not close them); for one with keys, only keys a journal file knows
 * (`date:`, `goals:`), closed by a `---`. Blank lines may come first (the usual layout after a
 * `---`), and then every key at the margin must be one a journal file knows. Undefined otherwise.
 */
function keysAfterEarlyClosing(text: string, closingEnd: number, empty: boolean): { end?: number } | undefined {
  // Line by line from the one after the closing fence; most bodies stop this at their first line.
  const line = /([^\r\n]*)(\r\n|\r|\n|$)/gy;
  line.lastIndex = closingEnd;
  line.exec(text); // the rest of the closing fence's line
  let keys = 0;
  let blankFirst = false;
  for (let count = 0; count < 200 && line.lastIndex < text.length; count++) {
    const at = line.lastIndex;
    const m = line.exec(text);
    if (!m) break;
    const bare = m[1]!;
    if (/^---[ \t]*$/.test(bare)) return keys > 0 ? { end: at } : undefined;
    if (keys === 0 && !bare.trim()) {
      blankFirst = true;
      if (!m[2]) break;
      continue;
    }
    const key = /^["']?([\p{L}_][\p{L}\p{N}_-]*)["']?[ \t]*:(?:[ \t]|$)/u.exec(bare)?.[1];
    if (blankFirst && key !== undefined && !isKnownKey(key)) return undefined;
    // After keys, a heading first is the body's (`# Agenda`); only a doubled `---` may have comments before its keys.
    if (!empty && keys === 0 && key === undefined) return undefined;
    if (key !== undefined && (empty || isKnownKey(key))) keys++;
    else if (!(keys > 0 && (/^[ \t]+\S/.test(bare) || /^-(?:[ \t]|$)/.test(bare) || !bare.trim())) && !/^#/.test(bare)) return undefined;
    if (!m[2]) break;
  }
  return empty && keys > 0 && line.lastIndex >= text.length ? {} : undefined;
}

/**
 * Whether the front matter ends inside a block text (`success: >-` and its lines) while the body
 * goes on with lines indented as that text: a `---` the writer meant as text (a rule in a
 * reflection, say) ended the front matter there, and the rest of the text went to the body
 * unread. The key of that text and its indicator, or undefined. `closingEnd` is where the
 * closing `---` ends in `text`.
 */
function textCutByClosing(source: string, text: string, closingEnd: number): { key: string; indicator: string; indent: number } | undefined {
  // Most front matters end with a key at the margin: nothing to look at (this runs for every file).
  const trimmed = source.trimEnd();
  const last = trimmed.slice(trimmed.lastIndexOf('\n') + 1);
  if (!/^[ \t]/.test(last) && !/:[ \t]*[|>][+-]?\d*[ \t]*(?:#.*)?$/.test(last)) return undefined;
  // The body's first line must come right after the closing `---` (a blank line first is the
  // start of a body: an indented code block, say), and a later line must be `---` alone: the
  // one the writer meant to close the front matter with.
  const lineEnd = text.indexOf('\n', closingEnd);
  if (lineEnd === -1) return undefined;
  const nextEnd = text.indexOf('\n', lineEnd + 1);
  const next = text.slice(lineEnd + 1, nextEnd === -1 ? text.length : nextEnd).replace(/\r$/, '');
  if (!next.trim() || !/^[ \t]/.test(next) || nextEnd === -1) return undefined;
  // Up to that later `---`, every line is indented (or blank), as the text's lines are: a line at
  // the margin before it (`Plan` over a `---` that underlines it) is the body's own.
  const after = text.slice(nextEnd + 1).split(/\r?\n|\r/);
  const closing = after.findIndex((l) => /^---[ \t]*$/.test(l));
  if (closing === -1 || after.slice(0, closing).some((l) => l.trim() !== '' && !/^[ \t]/.test(l))) return undefined;
  const indentOf = (l: string) => /^[ \t]*/.exec(l)![0].length;
  const front = trimmed.split(/\r?\n/);
  for (let i = front.length - 1; i >= 0; i--) {
    const line = front[i]!;
    if (!line.trim()) continue;
    const header = /^([ \t]*)(?:-[ \t]+)?([A-Za-z_][\w-]*):[ \t]*([|>][+-]?\d*)[ \t]*(?:#.*)?$/.exec(line);
    if (header) {
      // The key's column: after `- ` for the first key of a list item.
      const keyIndent = /^[ \t]*-[ \t]+/.exec(line)?.[0].length ?? header[1]!.length;
      const lines = front.slice(i + 1).filter((l) => l.trim());
      // The text's lines are indented past the key; the body's first line as far as they are.
      const indent = lines.length ? indentOf(lines[0]!) : keyIndent + 2;
      const inText = lines.every((l) => indentOf(l) >= indent && indentOf(l) > keyIndent) && indent > keyIndent;
      return inText && indentOf(next) >= indent ? { key: header[2]!, indicator: header[3]!, indent } : undefined;
    }
    // A line of the text: indented, and not a key of a map (`  mentor: 4`) or a list item.
    if (!/^[ \t]/.test(line)) return undefined;
  }
  return undefined;
}

/**
 * What `parseMarkdown` gives: the body is parsed only when `root` is first read (sessions and
 * reviews read it; agreements and goals do not). A class rather than an object literal with a
 * getter, which V8 builds on a slow path: this is made for every file.
 */
class ParsedText implements ParsedMarkdown {
  declare yaml?: ParsedMarkdown['yaml'];
  declare pieces?: BodyPieceCache;
  #root: Root | undefined;

  constructor(
    readonly text: string,
    readonly lines: LineIndex,
    readonly problems: Problem[],
    pieces: BodyPieceCache | undefined,
  ) {
    this.#root = undefined;
    if (pieces) this.pieces = pieces;
  }

  get root(): Root {
    return (this.#root ??= parseBody(this.text, undefined, this.pieces));
  }
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

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '').trim();
}

/** Where a key was first set, as seen from its duplicate: `on line 4`, or `on line 4, column 10` when both are on one line (a flow map). */
function whereFirst(first: Position, duplicate: Position): string {
  return first.line === duplicate.line ? `on line ${first.line}, column ${first.column}` : `on line ${first.line}`;
}
