import { visit, type Document } from 'yaml';
import { FastDocument, FastMap, FastSeq, type FastNode } from './simpleYaml';
import type { FrontMatterDocument } from './yamlParse';

/**
 * `yaml/comment-in-text`: a `#` after a space on a line that holds a value starts a YAML
 * comment, so `success: announced in #eng-blog` reads `announced in` and
 * `channel: #eng-blog` reads nothing. A comment is nearly always written `# text`; a `#` with a
 * word right after it, after a value on the same line, is nearly always meant as text. Inside
 * quotes and block scalars (`|`, `>`) a `#` is text, and a line that is only a comment is left
 * alone whatever it says.
 */

/** A `#` after a blank, then a character that is neither blank nor another `#`. */
const CANDIDATE = /[ \t]#[^\s#]/g;

/** What `#word` starts a comment in the YAML source: its span (offsets in `source`) and its word. */
export interface CommentInText {
  start: number;
  end: number;
  word: string;
}

/** The comments in `source` (the front matter's YAML, parsed as `doc`) that look like text cut off. */
export function commentsInText(source: string, doc: FrontMatterDocument): CommentInText[] {
  CANDIDATE.lastIndex = 0;
  if (!CANDIDATE.test(source)) return [];
  const literal = literalSpans(doc);
  const out: CommentInText[] = [];
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(source); m; m = CANDIDATE.exec(source)) {
    const hash = m.index + 1;
    const lineStart = Math.max(source.lastIndexOf('\n', hash - 1), source.lastIndexOf('\r', hash - 1)) + 1;
    // A line that is only a comment: whatever follows its `#` is the comment someone meant.
    if (source.slice(lineStart, hash).trim() === '') continue;
    // Earlier on this line a comment started already: this `#` is inside it.
    if (/(?:^|[ \t])#/.test(source.slice(lineStart, hash - 1))) continue;
    if (literal.some(([start, end]) => start <= hash && hash < end)) continue;
    let end = hash + 1;
    while (end < source.length && !/\s/.test(source[end]!)) end++;
    out.push({ start: hash, end, word: source.slice(hash, end) });
  }
  return out;
}

/**
 * Spans of the scalars of the front matter. A `#` inside one is text: in quotes, in a block
 * scalar, or in a plain scalar without a blank before it (a plain scalar ends before a comment).
 */
function literalSpans(doc: FrontMatterDocument): Array<[number, number]> {
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
