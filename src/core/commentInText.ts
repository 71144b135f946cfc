import { isScalar, visit, type Document } from 'yaml';
import { FastDocument, FastMap, FastSeq, type FastNode } from './simpleYaml';
import type { FrontMatterDocument } from './yamlParse';
import { isTextKey } from './yamlErrors';

/**
 * `yaml/comment-in-text`: a `#` after a space on a line that holds a value starts a YAML
 * comment, so `success: announced in #eng-blog` reads `announced in` and
 * `channel: #eng-blog` reads nothing. A comment is nearly always written `# text`; a `#` with a
 * word right after it, after a value on the same line, is nearly always meant as text. Inside
 * quotes and block scalars (`|`, `>`) a `#` is text, and a line that is only a comment is left
 * alone whatever it says.
 */

/** A `#` after a blank, then a character that is neither blank nor another `#`: the comments this rule may report. */
const CANDIDATE = /[ \t]#[^\s#]/;
/** Where a comment may start: a `#` at the start of a line or after a blank. */
const COMMENT_START = /(^|[ \t])#/gm;

/** What `#word` starts a comment in the YAML source: its span (offsets in `source`) and its word. */
export interface CommentInText {
  start: number;
  end: number;
  word: string;
  /** The `#word` starts an indented line under a plain value going on over lines (`success: … in the`, then `  #eng-blog`). */
  lineOfValue?: string;
}

/**
 * The comments in `source` (the front matter's YAML, parsed as `doc`; its line breaks are
 * `\n` or `\r\n`) that look like text cut off: on each line, the first `#` that starts a comment
 * (outside every scalar), when text is before it on its line and a word right after it.
 */
export function commentsInText(source: string, doc: FrontMatterDocument): CommentInText[] {
  if (!CANDIDATE.test(source) && !/\n[ \t]+#[^\s#]/.test(source)) return [];
  const literal = scalarSpans(doc);
  const out: CommentInText[] = [];
  let commentLine = -1;
  for (const m of source.matchAll(COMMENT_START)) {
    const hash = m.index! + m[1]!.length;
    if (literal.some(([start, end]) => start <= hash && hash < end)) continue;
    const lineStart = source.lastIndexOf('\n', hash - 1) + 1;
    // A comment started on this line already: this `#` is inside it.
    if (lineStart === commentLine) continue;
    commentLine = lineStart;
    // A line that is only a comment, or a comment written `# text`: what someone meant; unless the
    // line is indented under a plain value going on over lines, whose next line it was meant as.
    if (/[\s#]/.test(source[hash + 1] ?? ' ')) continue;
    if (source.slice(lineStart, hash).trim() === '') {
      const key = hash > lineStart ? plainValueAbove(source, lineStart, hash - lineStart) : undefined;
      if (key === undefined) continue;
      let end = hash + 1;
      while (end < source.length && !/\s/.test(source[end]!)) end++;
      out.push({ start: hash, end, word: source.slice(hash, end), lineOfValue: key });
      continue;
    }
    let end = hash + 1;
    while (end < source.length && !/\s/.test(source[end]!)) end++;
    out.push({ start: hash, end, word: source.slice(hash, end) });
  }
  return out;
}

/**
 * The key of the plain value the line at `lineStart` (indented by `indent`) would go on, when the
 * lines right above it are that value: its key's line (`success: … in the`, a plain value, no
 * quote, bracket or block indicator) and maybe more lines of it, each indented past the key, with
 * no blank line between. Undefined otherwise.
 */
function plainValueAbove(source: string, lineStart: number, indent: number): string | undefined {
  for (let end = lineStart - 1; end > 0; ) {
    const start = source.lastIndexOf('\n', end - 1) + 1;
    const line = source.slice(start, end).replace(/\r$/, '');
    end = start - 1;
    if (!line.trim() || /^[ \t]*#/.test(line)) return undefined;
    const key = /^([ \t]*)(?:-[ \t]+)?([A-Za-z_][\w-]*):[ \t]+([^\s"'[{|>&*!#][^#]*)$/.exec(line);
    // A text's (`success`), not a status's or a date's: `#todo` under `status: active` is a comment.
    if (key) return indent > key[1]!.length && isTextKey(key[2]!) ? key[2] : undefined;
    // A line of the value itself: indented, and no key.
    if (!/^[ \t]+\S/.test(line) || /^[ \t]*(?:-[ \t]+)?[A-Za-z_][\w-]*:(?:[ \t]|$)/.test(line)) return undefined;
  }
  return undefined;
}

/**
 * Spans of the scalars of the front matter. A `#` inside one is text: in quotes, in a block
 * scalar, or in a plain scalar without a blank before it (a plain scalar ends before a comment).
 */
export function scalarSpans(doc: FrontMatterDocument): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  if (doc instanceof FastDocument) {
    const walk = (node: FastNode): void => {
      if (node instanceof FastMap) {
        for (const pair of node.items) {
          walk(pair.key);
          walk(pair.value);
        }
      }
      else if (node instanceof FastSeq) for (const item of node.items) walk(item);
      else spans.push([node.start, node.valueEnd]);
    };
    walk(doc.contents);
    return spans;
  }
  visit(doc as Document.Parsed, {
    Scalar(_, node) {
      if (node.range) spans.push([node.range[0], node.range[1]]);
    },
  });
  return spans;
}

const isScalarNode = (node: unknown): node is { value: unknown } => isScalar(node);

/** `&word` or `!word` before a plain value: a YAML anchor or a local tag, which YAML does not keep as text. */
const PROPERTY = /([&!][^\s,[\]{}]*)[ \t]*$/;

/** A text that starts with `&word` or `!word` (`title: &Co growth plan`): its span in `source` and the word. */
export interface PropertyInText {
  start: number;
  end: number;
  word: string;
  kind: 'anchor' | 'tag';
  /** Nothing follows it: the value is empty (`title: &Co`). */
  empty: boolean;
  /** What quoting would do: `text` for a free text (or a name, or an unknown key's value), which keeps the word; `value` for a date, a number, a status (quoted, it would not be read); `key` for a word before a key (`&k atendees:`). */
  place: 'text' | 'value' | 'key';
}

/**
 * `yaml/anchor-in-text`: a plain value written after `&word` or `!word` loses that word, which YAML
 * reads as an anchor (a name for the value, for `*word` to repeat it) or a tag (a type name). In
 * a journal neither is meant: `title: &Co growth plan` is "growth plan", `success: !Important the
 * board approves it` is "the board approves it". Not reported: an anchor an alias uses, a tag of
 * YAML's own (`!!str`), and anything in a front matter read by the fast path (which has neither).
 */
export function propertiesInText(source: string, doc: FrontMatterDocument): PropertyInText[] {
  if (doc instanceof FastDocument || !/[&!](?:[^\s!]|[ \t]+[^\s#])/.test(source)) return [];
  const used = new Set<string>();
  visit(doc as Document.Parsed, {
    Alias(_, node) {
      used.add(node.source);
    },
  });
  const out: PropertyInText[] = [];
  visit(doc as Document.Parsed, {
    Scalar(_, node, path) {
      const start = node.range?.[0];
      if (start === undefined || (typeof node.value !== 'string' && node.value !== null)) return;
      const anchor = node.anchor !== undefined && !used.has(node.anchor);
      const tag = node.tag !== undefined && node.tag.startsWith('!') && !node.tag.startsWith('!!');
      if (!anchor && !tag) return;
      const lineStart = source.lastIndexOf('\n', start - 1) + 1;
      const m = PROPERTY.exec(source.slice(lineStart, start));
      if (!m) return;
      const at = lineStart + m.index;
      const pair = path[path.length - 1];
      const isPair = !!pair && typeof pair === 'object' && 'key' in pair && 'value' in pair;
      const key = isPair && isScalarNode((pair as { key: unknown }).key) ? String((pair as { key: { value: unknown } }).key.value) : undefined;
      const place = isPair && (pair as { key: unknown }).key === node ? 'key' : key === undefined || isTextKey(key) ? 'text' : 'value';
      out.push({ start: at, end: at + m[1]!.length, word: m[1]!, kind: m[1]!.startsWith('&') ? 'anchor' : 'tag', empty: node.value === null || node.value === '', place });
    },
  });
  return out;
}

/** A text given a tag (`duration: !!float 45`, `progress: !!str 40`): the tag's span in `source`, the tag and where the value starts. */
export interface TaggedText {
  start: number;
  end: number;
  word: string;
  valueStart: number;
  /** What the tag makes of the value. */
  as: 'a text' | 'a timestamp';
}

/**
 * Every non-empty text with a tag before it, of YAML's own (`!!str 45`, or `!!float 45`, which
 * YAML cannot read as a number and keeps as the text `45`) or another (`!foo 45`). Where a number,
 * a date or a list goes, it is the tag that made the value a text (foldTaggedValues, parseFile.ts).
 */
export function taggedTexts(source: string, doc: FrontMatterDocument): TaggedText[] {
  if (doc instanceof FastDocument || !source.includes('!')) return [];
  const out: TaggedText[] = [];
  visit(doc as Document.Parsed, {
    Scalar(_, node) {
      const start = node.range?.[0];
      // A text, or a timestamp (`!!timestamp 2026-01-26`, a date YAML reads as a point in time).
      if (start === undefined || node.tag === undefined || !((typeof node.value === 'string' && node.value !== '') || node.value instanceof Date)) return;
      const lineStart = source.lastIndexOf('\n', start - 1) + 1;
      const m = TAG_BEFORE.exec(source.slice(lineStart, start));
      if (!m) return;
      const at = lineStart + m.index;
      out.push({ start: at, end: at + m[1]!.length, word: m[1]!, valueStart: start, as: typeof node.value === 'string' ? 'a text' : 'a timestamp' });
    },
  });
  return out;
}

/** A tag right before a value, after an anchor or not (`!!float 45`, `&d !!str 45`). */
const TAG_BEFORE = /(![^\s,[\]{}]*)[ \t]+(?:&[^\s,[\]{}]+[ \t]+)?$/;
