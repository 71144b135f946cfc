import { isPair, isScalar, visit, type Document } from 'yaml';
import { FastDocument, FastMap, FastScalar, FastSeq, type FastNode } from './simpleYaml';
import type { FrontMatterDocument } from './yamlParse';

/**
 * `yaml/item-in-text`: a line starting with `- ` that YAML reads as more of the text above, not as
 * a list item. A plain value may go on over lines, and a `- ` line indented past the items of its
 * list (or under a key whose value is text) is one of those lines:
 *
 *     attendees:
 *       - Ana Lopes
 *        - Bo Li          (one space too many: one attendee, "Ana Lopes - Bo Li")
 *
 * The file is valid YAML, so nothing else says so. Quoted text and block scalars (`|`, `>`) are
 * left alone: a `- ` line there is what someone wrote on purpose.
 */

/** A line of the YAML source that starts with `-` and a blank, or is only `-`. */
const DASH_LINE = /\n[ \t]*-(?:[ \t]|\r?\n|\r?$)/;

/** A `- ` line inside a plain value: where its `-` is (offsets in the YAML source), the line's text, and the whole value. */
export interface ItemInText {
  start: number;
  end: number;
  item: string;
  value: string;
}

/** The `- ` lines that continue a plain value over lines, in the YAML source parsed as `doc`. */
export function itemsInText(source: string, doc: FrontMatterDocument): ItemInText[] {
  // Only a plain scalar over lines can hold such a line; the fast path's tree knows whether it has one.
  if ((doc instanceof FastDocument && !doc.plainOverLines) || !DASH_LINE.test(source)) return [];
  const out: ItemInText[] = [];
  for (const [start, end, value] of plainSpans(source, doc)) {
    // Items written without the space after their `-` (`-design-doc`, then `-talk`): the list's own error says so (dashAdvice, validate.ts).
    if (/^-[^\s-]/.test(value)) continue;
    for (let nl = source.indexOf('\n', start); nl !== -1 && nl < end; nl = source.indexOf('\n', nl + 1)) {
      const m = /^[ \t]*(-(?:[ \t][^\r\n]*)?)(?![^\s])/.exec(source.slice(nl + 1, end));
      if (!m || !/^-(?:[ \t]|$)/.test(m[1]!)) continue;
      const dash = nl + 1 + m[0].length - m[1]!.length;
      out.push({ start: dash, end: dash + m[1]!.trimEnd().length, item: m[1]!.trimEnd(), value });
    }
  }
  return out;
}

/** Spans and values of the plain scalars that go on over lines (quoted and block scalars left out). */
function plainSpans(source: string, doc: FrontMatterDocument): Array<[number, number, string]> {
  const spans: Array<[number, number, string]> = [];
  const add = (start: number, end: number, value: unknown) => {
    if (typeof value !== 'string' || /["'|>]/.test(source[start] ?? '"')) return;
    const nl = source.indexOf('\n', start);
    if (nl !== -1 && nl < end) spans.push([start, end, value]);
  };
  if (doc instanceof FastDocument) {
    const walk = (node: FastNode): void => {
      if (node instanceof FastMap) for (const pair of node.items) walk(pair.value);
      else if (node instanceof FastSeq) for (const item of node.items) walk(item);
      else add(node.start, node.valueEnd, node.value);
    };
    walk(doc.contents);
    return spans;
  }
  visit(doc as Document.Parsed, {
    Scalar(_, node) {
      if (isScalar(node) && node.type === 'PLAIN' && node.range) add(node.range[0], node.range[1], node.value);
    },
  });
  return spans;
}

/** A comma an input method writes between the items of a list: full-width `，` (U+FF0C) or ideographic `、` (U+3001). */
export const WIDE_COMMA = /[\uff0c\u3001]/;
const WIDE_COMMA_BETWEEN = /\S[ \t\u3000]*([\uff0c\u3001])[ \t\u3000]*\S/u;

/** A list item YAML reads as one text where a wide comma was meant to part two: where the comma is (offsets in the YAML source), and the item. */
export interface JoinedItem {
  start: number;
  comma: string;
  value: string;
}

/**
 * The plain items of `attendees` that hold a wide comma between words (`attendees: [佐藤 花子，Jürgen
 * Groß]`): YAML parts items at `,` alone, so the two people are one attendee, and the file is
 * valid. A name has no such comma; other lists hold prose that may (`strengths: [熟悉计费代码，写作清楚]`),
 * and a session's goal id with one is an unknown goal, which says so itself.
 */
export function joinedItems(source: string, doc: FrontMatterDocument): JoinedItem[] {
  if (!WIDE_COMMA.test(source)) return [];
  const out: JoinedItem[] = [];
  const add = (start: number, value: unknown, key: unknown) => {
    if (key !== 'attendees' || typeof value !== 'string' || /["']/.test(source[start] ?? '"')) return;
    const m = WIDE_COMMA_BETWEEN.exec(value);
    const at = m ? source.indexOf(m[1]!, start) : -1;
    if (at !== -1) out.push({ start: at, comma: m![1]!, value });
  };
  if (doc instanceof FastDocument) {
    const walk = (node: FastNode, key: unknown): void => {
      if (node instanceof FastMap) for (const pair of node.items) walk(pair.value, pair.key.value);
      else if (node instanceof FastSeq) {
        for (const item of node.items) {
          if (item instanceof FastScalar) add(item.start, item.value, key);
          else walk(item, key);
        }
      }
    };
    walk(doc.contents, undefined);
    return out;
  }
  visit(doc as Document.Parsed, {
    Seq(_, node, path) {
      const parent = path[path.length - 1];
      const key = isPair(parent) && isScalar(parent.key) ? parent.key.value : undefined;
      for (const item of node.items) if (isScalar(item) && item.type === 'PLAIN' && item.range) add(item.range[0], item.value, key);
    },
  });
  return out;
}
