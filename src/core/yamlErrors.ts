import { isCollection, isMap, isScalar, visit, type Document, type YAMLError } from 'yaml';
import { FIELDS_BY_TYPE, INLINE_GOAL_FIELDS, isKnownKey } from './fields';
import { dashLineFault } from './frontMatterStart';
import { clip, codePoint, spaceName } from './words';
import type { FrontMatterDocument } from './yamlParse';

/**
 * The YAML parser's errors in a newcomer's terms. The parser names what it met where it gave up
 * ("Nested mappings are not allowed in compact mappings" on the line above the mistake); for the
 * mistakes people make most, this says where the mistake is and what to do, and which of the
 * parser's later errors only follow from it.
 */

/** A parser error explained: where the mistake is (offsets in the YAML source) and what to do. */
export interface Explained {
  start: number;
  end: number;
  message: string;
  /** The parser's later errors that start at or before this offset follow from this mistake: they are left out. */
  through: number;
}

/** The explanation of a parser error, when it is one of the mistakes this knows. */
export function explainYamlError(source: string, doc: FrontMatterDocument, error: YAMLError): Explained | undefined {
  const explained = explainAt(source, doc, error);
  if (explained) return explained;
  // The parser stops at a blank line before the line at fault (`next: 2026-12-02 # planned`, a
  // blank line, then `  at the office`): the mistake is the next line that is not blank.
  const line = lineAt(source, error.pos[0]);
  if (line.text.trim() || line.end >= source.length) return undefined;
  const below = lineBelow(source, line);
  if (!below) return undefined;
  const at = below.start + indentOf(below.text);
  return explainAt(source, doc, { ...error, pos: [at, at + 1] } as YAMLError);
}

function explainAt(source: string, doc: FrontMatterDocument, error: YAMLError): Explained | undefined {
  return (
    conflictMarker(source, error) ??
    almostClosingFence(source, error) ??
    lookalikeCharacter(source, error) ??
    dashWithoutSpace(source, error) ??
    runsIntoBody(source, error) ??
    goalWithoutDash(source, error) ??
    itemOnKeyLine(source, error) ??
    commentLineInValue(source, error) ??
    documentMarker(source, error) ??
    directiveLine(source, error) ??
    tabInIndent(source, error) ??
    dedentedBlockText(source, error) ??
    flowOrQuote(source, doc, error) ??
    misalignedItem(source, error) ??
    missingColon(source, error) ??
    keyAloneWithoutColon(source, error) ??
    missingDash(source, error) ??
    indentedIntoValue(source, error) ??
    keyInListItem(source, error) ??
    misalignedKey(source, error) ??
    noSpaceAfterColon(source, error) ??
    textAfterValue(source, error) ??
    extraClosing(source, error) ??
    itemInFlow(source, error) ??
    textAfterComment(source, error) ??
    unindentedText(source, error) ??
    colonInItemText(source, error) ??
    reservedStart(source, error) ??
    emptyAnchor(source, error) ??
    apostropheInFlow(source, error) ??
    emptyFlowItem(source, error)
  );
}


/**
 * `duration 60`, `type session`, `  mentor 4` under `pulse:`: a key written without its colon, among
 * the keys of a map. YAML reads the line as text, then that text (with the lines after it) as a
 * key, and gives up there or at the end; the advice for text not indented would break the key
 * above. A word the journal knows as a key always counts; another word counts when the line holds
 * one value (`color red`) and the line above cannot go on over lines (a key with a one-word
 * value, a key alone on its line, or nothing).
 */
function missingColon(source: string, error: YAMLError): Explained | undefined {
  const missingValue = error.code === 'MISSING_CHAR' && /^Implicit map keys need to be followed by map values/.test(error.message);
  if (error.code === 'MULTILINE_IMPLICIT_KEY' || missingValue) return keyWithoutColon(source, lineAt(source, error.pos[0]), error.pos[0]);
  // `  mentor 4   # good day` (or a comment line after it) then `  mentee: 3` or `  mentee 3`:
  // with the comment, the parser takes the line for a text and finds the line below out of
  // column. The line above is the mistake.
  if (error.code !== 'BAD_INDENT' || !/^All mapping items must start at the same column/.test(error.message)) return undefined;
  const line = lineAt(source, error.pos[0]);
  let above = lineAbove(source, line);
  while (above && /^\s*(?:#.*)?$/.test(above.text)) above = lineAbove(source, above);
  // (Without a comment on or between the lines the parser makes another error of this: see above.)
  const column = above ? indentOf(above.text) : -1;
  const keyBelow = keyOf(line.text) !== undefined ? keyColumn(line.text) === column : indentOf(line.text) === column && /^[ \t]*[A-Za-z_][\w-]*[ \t]+\S/.test(line.text);
  if (!above || !keyBelow) return undefined;
  const found = keyWithoutColon(source, above, above.start + indentOf(above.text));
  return found && { ...found, through: Math.max(found.through, line.end) };
}

/** A line among the keys of a map that is a word and a value (`duration 60`): the key, told to add its colon, with such lines after it. */
function keyWithoutColon(source: string, line: Line, at: number): Explained | undefined {
  const m = /^([ \t]*)([A-Za-z_][\w-]*)[ \t]+([^\s#].*)$/.exec(line.text.replace(/[ \t]+#.*$/, '').trimEnd());
  if (!m || line.start + m[1]!.length !== at) return undefined;
  const [, indent, key, value] = m as unknown as [string, string, string, string];
  if (/:(?:[ \t]|$)/.test(value)) return undefined;
  const column = indent.length;
  const above = lineAbove(source, line);
  const below = lineBelow(source, line);
  const sibling = (other: Line | undefined) => other !== undefined && keyOf(other.text) !== undefined && keyColumn(other.text) === column;
  const aboveValue = above && keyOf(above.text) !== undefined ? valueAfterKey(above.text) : undefined;
  const parent = above !== undefined && aboveValue === '' && keyColumn(above.text) < column;
  const known = isKnownKey(key);
  // A key the journal knows at the start of a line is a top-level key, whatever the line above it
  // is; and one in the column of a key further up the same map (past a list under that key).
  if (!(sibling(above) || sibling(below) || parent || (column === 0 && (above === undefined || known)) || (known && keyAboveInColumn(source, line, column)))) return undefined;
  const oneValue = !/\s/.test(value) && (above === undefined || (aboveValue !== undefined && !/\s/.test(aboveValue) && !/^[|>]/.test(aboveValue)));
  if (!known && !oneValue) return undefined;
  const start = line.start + column;
  // The parser makes one error of such lines in a row (`duration 60`, then `status held`; blank
  // and comment lines between): the others are named in the same message, and their errors left
  // out, so that one fix mends them all.
  const next: string[] = [];
  let through = line.end;
  for (let other = lineBelow(source, line); other; other = lineBelow(source, other)) {
    if (/^\s*(?:#.*)?$/.test(other.text)) continue;
    const o = /^([ \t]*)([A-Za-z_][\w-]*)[ \t]+([^\s#].*)$/.exec(other.text.replace(/[ \t]+#.*$/, '').trimEnd());
    if (!o || o[1]!.length !== column || !isKnownKey(o[2]!) || /:(?:[ \t]|$)/.test(o[3]!)) break;
    next.push(`\`${clip(`${o[2]!}: ${asValue(o[3]!)}`)}\``);
    through = other.end;
  }
  const also = next.length === 0 ? '' : ` The ${next.length === 1 ? 'next line has' : `next ${next.length} lines have`} no \`:\` either: write ${next.join(', ')}.`;
  return {
    start,
    end: start + key.length,
    through,
    message: `YAML syntax error: ${noColon(key, value)}, so YAML cannot read it as a key and its value: write \`${clip(`${key}: ${asValue(value)}`)}\`.${also}`,
  };
}

/**
 * A value as it can be written after `key: `: in quotes when it starts with a character YAML
 * keeps for itself (`@ale`, `%50`, `` ` ``), and so is each such item of a flow list
 * (`[@ale, Bo]` gives `["@ale", Bo]`).
 */
const asValue = (value: string): string => {
  if (/^[[{]/.test(value)) return value.replace(/(^[[{]|,)([ \t]*)([@`%][^,\]}]*?)([ \t]*)(?=[,\]}])/g, (_, open: string, before: string, item: string, after: string) => `${open}${before}${JSON.stringify(item)}${after}`);
  return /^[@`%]/.test(value) ? JSON.stringify(value) : value;
};

/**
 * Whether a key line stands in `column` further up the map `line` is in: lines indented deeper
 * (the items of a list under that key, a value over lines) are passed over; a line indented less
 * ends the map.
 */
function keyAboveInColumn(source: string, line: Line, column: number): boolean {
  for (let above = lineAbove(source, line); above; above = lineAbove(source, above)) {
    const indent = indentOf(above.text);
    if (indent > column) continue;
    return indent === column && keyOf(above.text) !== undefined && keyColumn(above.text) === column;
  }
  return false;
}

/**
 * `progress` alone on its line, with the keys of its map indented under it: a key whose colon is
 * missing, which YAML reads as text going on over the lines below.
 */
function keyAloneWithoutColon(source: string, error: YAMLError): Explained | undefined {
  if (error.code !== 'MULTILINE_IMPLICIT_KEY') return undefined;
  const line = lineAt(source, error.pos[0]);
  const m = /^([ \t]*)([A-Za-z_][\w-]*)[ \t]*(?:#.*)?$/.exec(line.text);
  if (!m || line.start + m[1]!.length !== error.pos[0] || !isKnownKey(m[2]!)) return undefined;
  const below = lineBelow(source, line);
  if (!below || indentOf(below.text) <= m[1]!.length || !(keyOf(below.text) !== undefined || /^\s*-(?:\s|$)/.test(below.text))) return undefined;
  const key = m[2]!;
  const start = line.start + m[1]!.length;
  return {
    start,
    end: start + key.length,
    through: below.end,
    message: `YAML syntax error: \`${key}\` has no \`:\` after it, so YAML reads it and the lines under it as one text, not as a key and its value: write \`${key}:\`.`,
  };
}

/** The keys of an inline goal, which a new item of `goals:` starts with. */
const GOAL_FIELD_WORDS: ReadonlySet<string> = new Set(Object.keys(INLINE_GOAL_FIELDS));

/** Keys whose value is a list (`skills`, `attendees`, `goals`). */
const LIST_KEYS: ReadonlySet<string> = new Set(
  Object.values(FIELDS_BY_TYPE).flatMap((fields) => Object.entries(fields).filter(([, spec]) => /\blist\b/.test(spec.expects)).map(([key]) => key)),
);

/** Keys whose value is a free text (or a name), which may go on over lines. */
const TEXT_KEYS: ReadonlySet<string> = new Set(
  Object.values(FIELDS_BY_TYPE).flatMap((fields) => Object.entries(fields).filter(([, spec]) => /\b(?:text|name)\b/.test(spec.expects)).map(([key]) => key)),
);

/**
 * Whether the plain value of `key` may go on over the next lines: not a quoted or bracketed
 * value, a date, a number or true/false, nor the value of a key the journal knows that is no
 * text (`status: held`, `stage: building`).
 */
function canGoOn(key: string, value: string): boolean {
  if (/^(?:"[^"]*"|'[^']*'|\[.*\]|\{.*\}|\d{4}-\d{2}-\d{2}|[-+]?\d+(?:\.\d+)?|true|false)$/.test(value)) return false;
  return !isKnownKey(key) || TEXT_KEYS.has(key);
}

/** Whether a key's value is a free text (or a name), which may go on over lines; unknown keys count, whatever they hold. */
export const isTextKey = (key: string): boolean => TEXT_KEYS.has(key) || !isKnownKey(key);

/** `` `duration 60` has no `:` after the key `duration` ``. */
const noColon = (key: string, value: string): string => `\`${clip(`${key} ${value}`)}\` has no \`:\` after the key \`${key}\``;

/**
 * Front matter that YAML reads as one text because its first line is a key the journal knows
 * written without its colon (`type session`, then maybe more such lines): where that key is in
 * the source, and what to say.
 */
export function textForKeys(source: string, at: number): { start: number; end: number; message: string } | undefined {
  const line = lineAt(source, at);
  const m = /^([A-Za-z_][\w-]*)[ \t]+([^\s#].*)$/.exec(line.text.slice(at - line.start).replace(/[ \t]+#.*$/, '').trimEnd());
  if (!m || !isKnownKey(m[1]!) || /:(?:[ \t]|$)/.test(m[2]!)) return undefined;
  const [, key, value] = m as unknown as [string, string, string];
  return {
    start: at,
    end: at + key.length,
    message: `The front matter must be a map of keys to values, like \`type: session\`: ${noColon(key, value)}, so YAML reads the front matter as one text. Write \`${clip(`${key}: ${asValue(value)}`)}\`, with a \`:\` after each key.`,
  };
}

/**
 * `  - Ana` then `  Bo`: a line under the items of a list, not indented past their `-`, that
 * is neither an item nor a key: another item without its `- `.
 */
function missingDash(source: string, error: YAMLError): Explained | undefined {
  const missingValue = error.code === 'MISSING_CHAR' && /^Implicit map keys need to be followed by map values/.test(error.message);
  const misaligned = error.code === 'BAD_INDENT' && /^All mapping items must start at the same column/.test(error.message);
  if (error.code !== 'MULTILINE_IMPLICIT_KEY' && !missingValue && !misaligned) return undefined;
  const line = lineAt(source, error.pos[0]);
  if (!line.text.trim() || /^\s*(?:-(?:\s|$)|#)/.test(line.text) || keyOf(line.text) !== undefined || /:(?:[ \t]|$)/.test(line.text)) return undefined;
  const above = lineAbove(source, line);
  const item = above && /^([ \t]*)-[ \t]+\S/.exec(above.text);
  if (!above || !item || keyOf(above.text) !== undefined) return undefined;
  const dash = item[1]!;
  if (indentOf(line.text) > dash.length) return undefined;
  const start = line.start + indentOf(line.text);
  const text = line.text.slice(indentOf(line.text)).replace(/[ \t]+#.*$/, '').trimEnd();
  // Not a value of its own: a block scalar, an anchor, alias or tag, a reserved character.
  if (/^[|>&*!%@`]/.test(text)) return undefined;
  // `-Bea`: the dash is there, the space after it is not.
  const itemText = /^-[^\s-]/.test(text) ? text.slice(1) : text;
  const advice = itemText === text ? 'it does not start with `- `' : 'its `-` has no space after it';
  return {
    start,
    end: start + text.length,
    through: line.end,
    message: `YAML syntax error: \`${clip(text)}\` looks like another item of the list above, but ${advice}: write it as \`${dash}- ${clip(itemText)}\`, its \`-\` in the same column as the \`-\` above.`,
  };
}

/**
 * `...` (or `--- more`) on a line inside the front matter: it ends the YAML document (or starts
 * another), and the parser names the API that would read the next one.
 */
function documentMarker(source: string, error: YAMLError): Explained | undefined {
  if (error.code !== 'MULTIPLE_DOCS') return undefined;
  for (let line: Line | undefined = lineAt(source, error.pos[0]); line; line = line.start > 0 ? lineAt(source, line.start - 1) : undefined) {
    const m = /^(\.\.\.|---)(?=[ \t]|$)/.exec(line.text);
    if (!m) continue;
    return {
      start: line.start,
      end: line.start + 3,
      through: source.length,
      message:
        m[1] === '...'
          ? 'YAML syntax error: `...` ends the YAML document, so the lines after it are not read: remove the `...` line.'
          : `YAML syntax error: \`${clip(line.text.trim())}\` starts a second YAML document inside the front matter, so the lines after it are not read: ${
              // `--- date: 2026-11-19`: what follows the marker is front matter the writer meant to keep.
              /^---[ \t]+[A-Za-z_][\w-]*:(?:[ \t]|$)/.test(line.text) ? `remove the \`---\` and keep \`${clip(line.text.replace(/^---[ \t]+/, '').trim())}\` on its line` : 'remove the line'
            } (the front matter ends at a line that is \`---\` alone).`,
    };
  }
  return undefined;
}

/** `%YAML 1.2` (or any line starting with `%`): a YAML directive, which front matter cannot have. */
function directiveLine(source: string, error: YAMLError): Explained | undefined {
  let line: Line | undefined;
  if (error.code === 'MISSING_CHAR' && /^Missing directives-end/.test(error.message)) {
    // The parser gives up after the directives: the first of them is the mistake.
    for (let from = 0; from <= error.pos[0] && from < source.length; ) {
      const next = lineAt(source, from);
      if (next.text.startsWith('%')) {
        line = next;
        break;
      }
      from = next.end + 1;
    }
  } else {
    const at = lineAt(source, error.pos[0]);
    if (at.text.startsWith('%') && at.start === error.pos[0]) line = at;
  }
  if (!line) return undefined;
  const text = line.text.replace(/[ \t]+#.*$/, '').trimEnd();
  return {
    start: line.start,
    end: line.start + text.length,
    through: Math.max(line.end, error.pos[0]),
    message: `YAML syntax error: \`${clip(text)}\` is a YAML directive (a line starting with \`%\`), which is not allowed in front matter: remove the line. If it was meant as text, write it as the value of a key, in quotes (\`note: "${clip(text.replace(/\\/g, '\\\\').replace(/"/g, '\\"'))}"\`).`,
  };
}

/**
 * A tab in the indentation of a line that the parser reports as badly indented rather than as a
 * tab (the lines of a block scalar: `success: >-` then a tab before the text, at the top or nested).
 */
function tabInIndent(source: string, error: YAMLError): Explained | undefined {
  // Nested (`closure:` then `  reflection: |` then a tab), the parser speaks of "more-indented leading empty lines".
  const nested = error.code === 'MISSING_CHAR' && /^Block scalars with more-indented leading empty lines/.test(error.message);
  if (error.code !== 'BAD_INDENT' && error.code !== 'TAB_AS_INDENT' && !nested) return undefined;
  const line = lineAt(source, error.pos[0]);
  const indent = /^[ \t]*/.exec(line.text)![0];
  const tab = indent.indexOf('\t');
  if (tab === -1 || error.pos[0] > line.start + indent.length) return undefined;
  return {
    start: line.start + tab,
    end: line.start + tab + 1,
    through: line.end,
    message: 'YAML syntax error: this line is indented with a tab, which YAML does not take as indentation: indent it with spaces.',
  };
}

/** `goals: [, design-doc]`, `[a,, b]`: a comma with no item before it. */
function emptyFlowItem(source: string, error: YAMLError): Explained | undefined {
  const m = error.code === 'UNEXPECTED_TOKEN' ? /^Unexpected , in flow (sequence|map)/.exec(error.message) : null;
  if (!m || source[error.pos[0]] !== ',') return undefined;
  const [what, item] = m[1] === 'sequence' ? ['list', 'item'] : ['map', 'entry'];
  return {
    start: error.pos[0],
    end: error.pos[0] + 1,
    through: error.pos[0],
    message: `YAML syntax error: a stray \`,\` with no ${item} before it, which would leave an empty ${item} in the ${what}: remove the \`,\`.`,
  };
}

/** `['Zoë's talk', b]`: an apostrophe after a word ends the single quotes of an item too early. */
function apostropheInFlow(source: string, error: YAMLError): Explained | undefined {
  if (error.code !== 'MISSING_CHAR' || !/^Missing , or : between flow/.test(error.message)) return undefined;
  const at = error.pos[0];
  if (!(source[at - 1] === "'" && /[\p{L}\p{N}]/u.test(source[at - 2] ?? '') && /^[\p{L}\p{N}]/u.test(source.slice(at)))) return undefined;
  // The text left outside the quotes, up to where the item was meant to end.
  let end = at;
  while (end < source.length && !/[\n,\]}'#]/.test(source[end]!)) end++;
  while (end > at && /\s/.test(source[end - 1]!)) end--;
  return {
    start: at,
    end,
    through: source.length,
    message: "YAML syntax error: the apostrophe before this ends the single quotes of the item. Inside single quotes write an apostrophe twice (`''`), or put the item in double quotes instead.",
  };
}

/**
 * A list item that goes on over lines with `: ` on a later one (`- Zoë gives the talk`, then
 * `  and gets feedback: from Li`): YAML reads the lines before the colon as a key, which must be
 * on one line. The mistake is the colon, where it is reported.
 */
function colonInItemText(source: string, error: YAMLError): Explained | undefined {
  if (error.code !== 'MULTILINE_IMPLICIT_KEY') return undefined;
  const first = lineAt(source, error.pos[0]);
  if (!/^[ \t]*-[ \t]/.test(first.text)) return undefined;
  for (let from = first.end + 1; from < error.pos[1]; ) {
    const line = lineAt(source, from);
    from = line.end + 1;
    const m = /^([^#]*?):(?:[ \t]|$)/.exec(line.text);
    if (!m || line.start + m[1]!.length > error.pos[1]) continue;
    const colon = line.start + m[1]!.length;
    return {
      start: colon,
      end: colon + 1,
      through: line.end,
      message: 'YAML syntax error: the list item goes on over this line, and the ": " here makes YAML read a key: put the whole item in quotes, or write it on lines of its own after `- >-`.',
    };
  }
  return undefined;
}

/** A value that starts with `@`, `%` or a backtick, which YAML keeps for itself (`attendees: [@zoe, @li]`, `title: %50 done`). */
function reservedStart(source: string, error: YAMLError): Explained | undefined {
  if (error.code !== 'BAD_SCALAR_START') return undefined;
  const mark = source[error.pos[0]];
  if (mark !== '@' && mark !== '`' && mark !== '%') return undefined;
  // The whole value: in a list or map in brackets up to the next `,`, `]` or `}`; else up to a
  // comment or the end of the line.
  const before = source.slice(source.lastIndexOf('\n', error.pos[0] - 1) + 1, error.pos[0]).trimEnd();
  const inFlow = /[[{,]$/.test(before);
  let end = error.pos[0] + 1;
  while (end < source.length && source[end] !== '\n' && !(inFlow ? /[,\]}]/ : /^\s#/).test(inFlow ? source[end]! : source.slice(end, end + 2))) end++;
  const value = source.slice(error.pos[0], end).replace(/\r$/, '').trimEnd();
  const quoted = `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  // A code span around text with a backtick in it needs two backticks.
  const shown = quoted.includes('`') ? `\`\` ${quoted} \`\`` : `\`${quoted}\``;
  return {
    start: error.pos[0],
    end: error.pos[0] + value.length,
    through: error.pos[0],
    message: `YAML syntax error: a value cannot start with ${mark === '`' ? 'a backtick' : `\`${mark}\``}, which YAML keeps for itself: put it in quotes (${shown})${mark === '@' ? ', or write the name without `@`' : ''}.`,
  };
}

/** What to add to the parser's own message for the other mistakes newcomers make: a tab for indentation, an unquoted `: ` inside a value. */
export function syntaxHint(line: string, message: string): string {
  if (/tab/i.test(message) && /^\s*\t/.test(line)) return ': indent with spaces.';
  const value = /^\s*(?:-\s+)?([A-Za-z_][\w-]*):[ \t]+([^"'\s[{|>&*!#][^#]*?)\s*(?:#.*)?$/.exec(line);
  if (value && /:\s/.test(value[2]!)) {
    const quoted = `"${value[2]!.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
    return `. The value of \`${value[1]}\` holds ": ", which YAML reads as another key; if it is text, put it in quotes: \`${value[1]}: ${quoted}\`.`;
  }
  return '';
}

interface Line {
  start: number;
  /** Where the line break starts (or the source ends). */
  end: number;
  /** The line without its line break. */
  text: string;
}

function lineAt(source: string, offset: number): Line {
  // (`lastIndexOf` from -1 looks at index 0: the first line starts at 0 even when the source starts with a line break.)
  const start = offset <= 0 ? 0 : source.lastIndexOf('\n', offset - 1) + 1;
  const newline = source.indexOf('\n', offset);
  const end = newline === -1 ? source.length : newline;
  const text = source.slice(start, end).replace(/\r$/, '');
  return { start, end, text };
}

/** The key a line sets (`title` of `title: x`, `- title: x` or `"title": x`), if it sets one. */
function keyOf(line: string): string | undefined {
  return /^\s*(?:-\s+)?(?:"([^"]+)"|'([^']+)'|([^\s"'#:[\]{},][^:#]*?))\s*:(?:\s|$)/.exec(line)?.slice(1).find((k) => k !== undefined);
}

/**
 * An unclosed `[`, `{` or quote: the parser gives up where the next key starts, but the mistake is
 * the opening bracket or quote, which is where it is reported. The parser closes the node it
 * opened at the error, so the node is the outermost flow collection or quoted scalar that ends
 * there. A list or map whose closing bracket is there, on a line not indented past its key, is
 * not unclosed: its lines need indenting.
 */
function flowOrQuote(source: string, doc: FrontMatterDocument, error: YAMLError): Explained | undefined {
  const flow = error.code === 'BAD_INDENT' && /^Flow (?:sequence|map) in block collection/.test(error.message);
  const quote = error.code === 'MISSING_CHAR' && /^Missing closing .?quote/.test(error.message);
  if (!flow && !quote) return undefined;
  let found: Explained | undefined;
  visit(doc as Document.Parsed, {
    Node(_, node) {
      const range = node.range;
      if (!range || range[1] !== error.pos[0] || (found && found.start <= range[0])) return;
      const at = range[0];
      if (flow && isCollection(node) && node.flow) {
        const [open, close, what] = isMap(node) ? ['{', '}', 'map'] : ['[', ']', 'list'];
        // Past a list or map whose lines are not indented, the parser has lost the file's structure: what it says of the lines after is noise.
        const closed = closingBracket(source, at);
        const hidden = closed === -1 ? commentHiding(source, at, error.pos[0], close) : undefined;
        found = hidden
          ? { start: hidden.start, end: hidden.end, through: error.pos[0], message: `YAML syntax error: \`${hidden.word}\` starts a YAML comment (a \`#\` after a space), which hides the \`${close}\` after it, so the ${what} opened with \`${open}\` is never closed: put the item with \`#\` in quotes, or write the comment after the \`${close}\`.` }
          : closed === -1
            ? {
                start: at,
                end: at + 1,
                through: error.pos[0],
                // A text that starts with `[` (`success: [The CI fails …`): closing it would make it a list, which a text key does not take.
                message: TEXT_KEYS.has(keyOf(lineAt(source, at).text) ?? '')
                  ? `YAML syntax error: a value that starts with \`${open}\` is a ${what}, and this one is never closed: for a text, put the whole value in quotes, or leave the \`${open}\` out.`
                  : `YAML syntax error: the ${what} opened with \`${open}\` here is never closed: end it with \`${close}\`; it may go on over lines, each indented past its key.`,
              }
            : { start: at, end: at + 1, through: source.length, message: `YAML syntax error: the ${what} opened with \`${open}\` here goes on over lines that are not indented past its key: indent each of them, up to the closing \`${close}\`.` };
      } else if (quote && isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE')) {
        const mark = node.type === 'QUOTE_DOUBLE' ? '"' : "'";
        const line = unindentedInQuote(source, at, mark === '"' ? endOfDouble(source, at) : endOfSingle(source, at));
        found = line
          ? {
              start: line.start + line.indent,
              end: line.start + line.text.length,
              through: source.length,
              message: `YAML syntax error: this line is inside the text opened with \`${mark}\`${line.key === undefined ? '' : ` after \`${line.key}:\``}, but it is not indented past ${line.key === undefined ? 'its key' : `\`${line.key}:\``}, so YAML cannot read it: indent it, and every line up to the closing \`${mark}\`.${line.text.trimStart().startsWith('#') ? ' Inside quotes a `#` line is text, not a comment: to keep it as a comment, move it out of the quotes.' : ''}`,
            }
          : { start: at, end: at + 1, through: error.pos[0], message: `YAML syntax error: the text opened with \`${mark}\` here is never closed: end it with \`${mark}\`, or leave the quotes out.` };
      }
    },
  });
  return found;
}

/**
 * A comment (`#` after a blank, outside quotes) between the flow collection opened at `at` and
 * `until` whose text holds the closing bracket: `[Zoë, Li #remote]` is never closed because the
 * comment took the `]`. Its `#word`, where the mistake is.
 */
function commentHiding(source: string, at: number, until: number, close: string): { start: number; end: number; word: string } | undefined {
  let quote = '';
  for (let i = at + 1; i < until; i++) {
    const c = source[i]!;
    if (quote) {
      if (c === quote) quote = '';
      continue;
    }
    if ((c === '"' || c === "'") && /[[{,\s]/.test(source[i - 1]!)) quote = c;
    else if (c === '#' && /[ \t]/.test(source[i - 1]!)) {
      const lineEnd = source.indexOf('\n', i);
      const comment = source.slice(i, lineEnd === -1 ? source.length : lineEnd);
      if (!comment.includes(close)) {
        i = lineEnd === -1 ? source.length : lineEnd;
        continue;
      }
      const word = /^#[^\s\]},]*/.exec(comment)![0];
      return { start: i, end: i + word.length, word };
    }
  }
  return undefined;
}

/**
 * Where the flow collection opened at `at` is closed, or -1 when it never is. Brackets inside
 * quoted items and comments do not count; a quote counts only where an item can start with one.
 */
function closingBracket(source: string, at: number): number {
  const stack: string[] = [];
  let previous = '';
  for (let i = at; i < source.length; i++) {
    const c = source[i]!;
    if ((c === '"' || c === "'") && (previous === '' || '[{,:'.includes(previous))) {
      i = c === '"' ? endOfDouble(source, i) : endOfSingle(source, i);
      if (i === -1) return -1;
      previous = c;
      continue;
    }
    if (c === '#' && (i === 0 || /\s/.test(source[i - 1]!))) {
      const newline = source.indexOf('\n', i);
      if (newline === -1) return -1;
      i = newline;
      continue;
    }
    if (c === '[' || c === '{') stack.push(c);
    else if (c === ']' || c === '}') {
      if (stack.pop() !== (c === ']' ? '[' : '{')) return -1;
      if (!stack.length) return i;
    }
    if (!/\s/.test(c)) previous = c;
  }
  return -1;
}

/** The offset of the `"` that ends the double-quoted text opened at `at`, or -1. */
function endOfDouble(source: string, at: number): number {
  for (let i = at + 1; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === '"') return i;
  }
  return -1;
}

/**
 * The first line of the quoted text opened at `at` and closed at `close` that is not indented past
 * the text's key (the mistake that makes the parser give up at the quote), when the text is really
 * closed there: a line on the way that is a key at or left of the key's column means the quote
 * was never closed, and the quote closing later belongs to another value.
 */
function unindentedInQuote(source: string, at: number, close: number): (Line & { indent: number; key: string | undefined }) | undefined {
  if (close === -1) return undefined;
  const first = lineAt(source, at);
  const key = keyOf(first.text.slice(0, at - first.start));
  const keyColumn = /^[ \t]*(?:-[ \t]+)*/.exec(first.text)![0].length;
  let found: (Line & { indent: number; key: string | undefined }) | undefined;
  for (let start = first.end + 1; start <= close; ) {
    const line = lineAt(source, start);
    const indent = /^[ \t]*/.exec(line.text)![0].length;
    if (line.text.trim() && indent <= keyColumn) {
      if (keyOf(line.text) !== undefined) return undefined;
      found ??= { ...line, indent, key };
    }
    start = line.end + 1;
  }
  return found;
}

/** The offset of the `'` that ends the single-quoted text opened at `at` (`''` is a quote inside it), or -1. */
function endOfSingle(source: string, at: number): number {
  for (let i = at + 1; i < source.length; i++) {
    if (source[i] !== "'") continue;
    if (source[i + 1] === "'") i++;
    else return i;
  }
  return -1;
}

/**
 * A key indented under a plain value (`type: session` then ` date: 2026-02-02`), or a value going
 * on over lines with `: ` on a later one: YAML reads the lines as one text, then that text as a
 * key, and gives up at the value on the first line. The mistake is on the later line.
 */
function indentedIntoValue(source: string, error: YAMLError): Explained | undefined {
  if (error.code !== 'BLOCK_AS_IMPLICIT_KEY') return undefined;
  const first = lineAt(source, error.pos[0]);
  const key = keyOf(first.text);
  if (key === undefined) return undefined;
  for (let from = first.end + 1; from < source.length; ) {
    const line = lineAt(source, from);
    from = line.end + 1;
    if (!line.text.trim()) continue;
    const m = /^([ \t]+)([^#]*?):(?:[ \t]|$)/.exec(line.text);
    if (!m) {
      if (/^[ \t]/.test(line.text)) continue; // more of the text
      return undefined;
    }
    const start = line.start + m[1]!.length;
    const name = m[2]!;
    if (/^[A-Za-z_][\w-]*$/.test(name)) {
      return {
        start,
        end: start + name.length,
        through: line.end,
        message: `YAML syntax error: \`${name}:\` is indented more than \`${key}:\` above it, so YAML reads it as more of \`${key}\`'s value: start \`${name}:\` in the same column as \`${key}:\`.`,
      };
    }
    const colon = start + name.length;
    return {
      start: colon,
      end: colon + 1,
      through: line.end,
      message: `YAML syntax error: the value of \`${key}\` goes on over this line, and the ": " here makes YAML read a key: put the whole value in quotes, or write it on lines of its own after \`${key}: >-\`.`,
    };
  }
  return undefined;
}

/** A key that does not line up with the keys of its map (`duration: 30 # minutes` then `  goals: [x]`). */
/**
 * For a key at the start of a line (`id: speak-meetup`) right after a `goals:` list whose items
 * start with `- ` at the start of the line too: YAML reads it as a key of the front matter, not
 * of a goal. The advice, or undefined when the key does not follow such a list.
 */
export function goalAtMargin(source: string, at: number): string | undefined {
  const line = lineAt(source, at);
  const m = /^([A-Za-z_][\w-]*):(?:[ \t]+(.*?))?[ \t]*(?:#.*)?$/.exec(line.text);
  if (!m) return undefined;
  // Up the lines: items at the margin (`- …`) and their indented lines, up to `goals:` itself.
  let items = 0;
  // The key that starts the run of keys at the margin this one is in (`id:` above `title:`).
  let runStart: string | undefined;
  for (let above = lineAbove(source, line); above; above = lineAbove(source, above)) {
    const aboveKey = keyOf(above.text);
    if (/^-(?:[ \t]|$)/.test(above.text)) items++;
    else if (/^goals:[ \t]*(?:#.*)?$/.test(above.text)) break;
    else if (items === 0 && aboveKey !== undefined && /^[^\s-]/.test(above.text) && GOAL_FIELD_WORDS.has(aboveKey)) runStart = aboveKey;
    else if (!/^[ \t]+\S/.test(above.text)) return undefined;
    if (above.start === 0) return undefined;
  }
  if (!items) return undefined;
  const key = m[1]!;
  if (runStart !== undefined) return `\`${key}:\` belongs with \`${runStart}:\` above, a goal written at the margin without its \`- \`, which YAML reads as keys of the front matter: once that line starts with \`- \`, indent this one under \`${runStart}:\``;
  const item = GOAL_FIELD_WORDS.has(key) ? `- ${line.text.trim()}` : `- id: ${key}`;
  return `\`${key}:\` starts at the margin right after the \`goals:\` list, whose items start with \`- \` there too, so YAML reads it as a key of the front matter, not of a goal: if it starts a new goal, write \`${clip(item)}\` and indent the goal's other keys under \`${GOAL_FIELD_WORDS.has(key) ? key : 'id'}:\`, as in the goal above`;
}

/**
 * The keys of the maps a file type holds, where a map is written as keys under its key (`signed:`
 * then `  mentor: 2026-06-02`): a fixed set, or any key for a map of goal ids (a session's
 * `progress`, a review's `goals`).
 */
const MAP_KEYS: Record<string, Record<string, readonly string[] | 'any'>> = {
  agreement: { signed: ['mentor', 'mentee'], strengths: ['mentor', 'mentee'], expectations: ['mentor', 'mentee'], closure: ['date', 'outcome', 'reflection'], mentor: ['name', 'handle', 'email'], mentee: ['name', 'handle', 'email'] },
  session: { progress: 'any', pulse: ['mentor', 'mentee'] },
  review: { goals: 'any' },
};

/**
 * For a key at the margin at `at` in `source` (said as unknown, or as a duplicate): the map key
 * above it whose keys this one and those at the margin between them are, written at the margin
 * instead of indented under it, so that YAML reads them as keys of the front matter
 * (`mentor: 2026-06-02` in the place of the mentor's name). The map's key has no value on its
 * line (`signed:`, `progress:`), and either nothing under it (`indented` false) or keys indented
 * under it above this one (`progress:`, `  write-rfc: 50`, then `give-talk: 20`). Undefined when
 * there is no such key above it.
 */
export function mapKeyAbove(source: string, at: number, type: string | undefined): { map: string; indented: boolean; indent: string } | undefined {
  const maps = type !== undefined && Object.hasOwn(MAP_KEYS, type) ? MAP_KEYS[type] : undefined;
  if (!maps) return undefined;
  const line = lineAt(source, at);
  const own = /^([A-Za-z_][\w-]*):(?:[ \t]|$)/.exec(line.text)?.[1];
  if (own === undefined) return undefined;
  const keys = [own];
  let indented = false;
  // The indentation of the map's keys written under it: the nearest to the map's key wins.
  let indent = '  ';
  for (let above = lineAbove(source, line), n = 0; above && n < 50; above = lineAbove(source, above), n++) {
    if (/^[ \t]/.test(above.text)) {
      indented = true;
      indent = /^[ \t]*/.exec(above.text)![0];
      continue;
    }
    const m = /^([A-Za-z_][\w-]*):[ \t]*(?:#.*)?$/.exec(above.text);
    // Own keys only: a key written `constructor:` is no map of ours.
    const takes = m && Object.hasOwn(maps, m[1]!) ? maps[m[1]!] : undefined;
    if (m) return takes && keys.every((k) => (takes === 'any' ? !Object.hasOwn(FIELDS_BY_TYPE[type as keyof typeof FIELDS_BY_TYPE], k) : takes.includes(k))) ? { map: m[1]!, indented, indent } : undefined;
    const key = /^([A-Za-z_][\w-]*):[ \t]/.exec(above.text)?.[1];
    // A key with a value above the map's indented keys is no key of the map.
    if (key === undefined || indented) return undefined;
    keys.push(key);
  }
  return undefined;
}

function goalWithoutDash(source: string, error: YAMLError): Explained | undefined {
  if (error.code !== 'BLOCK_AS_IMPLICIT_KEY' && error.code !== 'MULTILINE_IMPLICIT_KEY') return undefined;
  const line = lineAt(source, error.pos[0]);
  const advice = goalAtMargin(source, line.start);
  if (!advice) return undefined;
  const key = keyOf(line.text)!;
  let through = line.end;
  for (let below = lineBelow(source, line); below && (/^[ \t]+\S/.test(below.text) || !below.text.trim()); below = lineBelow(source, below)) through = below.end;
  return { start: line.start, end: line.start + key.length, through, message: `YAML syntax error: ${advice}.` };
}

/**
 * A key line under an item of a list of maps that is not in the column of the item's keys:
 * between the item's `-` and its keys (`   owner:` under `  - id: …` and `    title: …`), or in
 * the column of the `-` itself (`  id: write-guide` after an item: a new item written without its
 * `- `). Said at the key, once for the lines that follow from it.
 */
function keyInListItem(source: string, error: YAMLError): Explained | undefined {
  const sequenceItem = error.code === 'MISSING_CHAR' && /^Sequence item without - indicator/.test(error.message);
  const mapItem = error.code === 'BAD_INDENT' && /^All mapping items must start at the same column/.test(error.message);
  if (!sequenceItem && !mapItem) return undefined;
  const line = lineAt(source, error.pos[0]);
  const m = /^([ \t]*)([^\s#:-][^:#]*?):(?:[ \t]|$)/.exec(line.text);
  if (!m || /\t/.test(m[1]!)) return undefined;
  const column = m[1]!.length;
  // The nearest list item above, with the key written after its `-`.
  let item: Line | undefined;
  for (let above = lineAbove(source, line); above; above = lineAbove(source, above)) {
    const indent = indentOf(above.text);
    if (/^[ \t]*-[ \t]+[^\s#]/.test(above.text) && indent <= column) {
      item = above;
      break;
    }
    if (indent < column) return undefined;
  }
  const head = item && /^([ \t]*)-([ \t]+)([^\s:#][^:#]*?):(?:[ \t]|$)/.exec(item.text);
  if (!item || !head) return undefined;
  const dash = head[1]!.length;
  const keys = dash + 1 + head[2]!.length;
  if (column > keys || (column > dash && column === keys)) return undefined;
  const key = m[2]!;
  const start = line.start + column;
  // What follows from it: the lines after it, as far as they are indented past the `-` (in its
  // column too, for a new item written without it), up to the next item.
  let through = line.end;
  for (let below = lineBelow(source, line); below; below = lineBelow(source, below)) {
    const indent = indentOf(below.text);
    if (indent < column || (indent === dash && /^[ \t]*-(?:[ \t]|$)/.test(below.text))) break;
    through = below.end;
  }
  const flow = head[3]!.startsWith('{');
  const keyColumn = `column ${keys + 1}, where \`${head[3]}:\` is`;
  if (column > dash) {
    return { start, end: start + key.length, through, message: `YAML syntax error: \`${key}:\` does not start in the column of the keys of the list item above (${keyColumn}): start it in that column.` };
  }
  const asItem = GOAL_FIELD_WORDS.has(key) ? `- ${line.text.trim()}` : `- id: ${key}`;
  const first = GOAL_FIELD_WORDS.has(key) ? key : 'id';
  return {
    start,
    end: start + key.length,
    through,
    message: `YAML syntax error: \`${key}:\` starts in the column of the \`-\` of the list item above, so YAML reads it as neither a new item nor a key of that item. ${flow ? 'To start a new item' : 'If it starts a new item'}, write \`${clip(asItem)}\` and indent the item's other keys under \`${first}:\`${flow ? '' : `; if it belongs to the item above, start it in ${keyColumn}`}.`,
  };
}

function misalignedKey(source: string, error: YAMLError): Explained | undefined {
  if (error.code !== 'BAD_INDENT' || !/^All mapping items must start at the same column/.test(error.message)) return undefined;
  const line = lineAt(source, error.pos[0]);
  const m = /^([ \t]*)(?:-\s+)?([A-Za-z_][\w-]*)[ \t]*:(?:\s|$)/.exec(line.text);
  if (!m) return undefined;
  let above: string | undefined;
  for (let end = line.start - 1; end > 0 && above === undefined; ) {
    const previous = lineAt(source, end - 1);
    end = previous.start;
    above = keyOf(previous.text);
  }
  if (above === undefined) return undefined;
  const start = line.start + m[1]!.length;
  const name = m[2]!;
  return {
    start,
    end: start + name.length,
    through: line.end,
    message: `YAML syntax error: \`${name}:\` does not start in the same column as \`${above}:\` above it: the keys of one map line up, so start it in that column.`,
  };
}

/** `date:2026-02-02`: without a space after the colon YAML reads one text, not a key and its value. */
function noSpaceAfterColon(source: string, error: YAMLError): Explained | undefined {
  const missingValue = error.code === 'MISSING_CHAR' && /^Implicit map keys need to be followed by map values/.test(error.message);
  if (error.code !== 'MULTILINE_IMPLICIT_KEY' && !missingValue) return undefined;
  const line = lineAt(source, error.pos[0]);
  const m = /^(\s*(?:-\s+)?)([A-Za-z_][\w-]*):([^\s#][^#]*?)\s*(?:#.*)?$/.exec(line.text);
  if (!m) return undefined;
  const start = line.start + m[1]!.length;
  const [, , key, value] = m;
  return {
    start,
    end: start + key!.length + 1 + value!.length,
    through: line.end,
    message: `YAML syntax error: \`${key}:${value}\` needs a space after the colon to be a key and its value: \`${key}: ${value}\`.`,
  };
}

/** `skills: - writing`: a list item on its key's line, which YAML does not take. */
function itemOnKeyLine(source: string, error: YAMLError): Explained | undefined {
  if (error.code !== 'UNEXPECTED_TOKEN' || !/^Unexpected block-seq-ind on same line with key/.test(error.message)) return undefined;
  const line = lineAt(source, error.pos[0]);
  const key = keyOf(line.text);
  if (key === undefined) return undefined;
  const value = source.slice(error.pos[0], line.end).replace(/\r$/, '').replace(/[ \t]+#.*$/, '').trimEnd();
  const item = value.replace(/^-[ \t]*/, '');
  const indent = ' '.repeat(indentOf(line.text) + 2);
  // A text only at the top (`title: - talk`); nested (`strengths:` then `mentor: - writing`), a list.
  const text = TEXT_KEYS.has(key) && !LIST_KEYS.has(key) && indentOf(line.text) === 0;
  const below = lineBelow(source, line);
  const more = below !== undefined && /^[ \t]*-(?:[ \t]|$)/.test(below.text) && indentOf(below.text) > indentOf(line.text);
  // An item that is a map (`- id: x`), or more items below: only a line of its own will do.
  const ownLine = more || /:(?:[ \t]|$)/.test(item);
  const under = `put \`- ${clip(item)}\` on a line of its own under \`${key}:\`, indented (\`${more ? ' '.repeat(indentOf(below!.text)) : indent}- ${clip(item)}\`)${more ? ', as the items below are' : /:(?:[ \t]|$)/.test(item) ? ", with the item's other keys under it" : ''}`;
  return {
    start: error.pos[0],
    end: error.pos[0] + value.length,
    through: more ? below!.end : line.end,
    message: text
      ? `YAML syntax error: \`${clip(value)}\` starts with \`- \`, which YAML reads as a list item, and a list cannot start on the line of its key: if it is text, put it in quotes, \`${key}: ${clip(JSON.stringify(value))}\`.`
      : ownLine
        ? `YAML syntax error: \`${clip(value)}\` is a list item on the line of its key, which YAML does not take: ${under}.`
        : `YAML syntax error: \`${clip(value)}\` is a list item on the line of its key, which YAML does not take: write \`${key}: [${clip(asValue(item))}]\`, or ${under}.`,
  };
}

/**
 * A line of a plain value going on over lines that starts with `#` (`success: … in the`, then
 * `  #eng-blog channel, and two`): YAML reads it as a comment, which ends the value, and the
 * parser fails at the next line. Said at the `#` line.
 */
function commentLineInValue(source: string, error: YAMLError): Explained | undefined {
  const misaligned = error.code === 'BAD_INDENT' && /^All mapping items must start at the same column/.test(error.message);
  const missingValue = error.code === 'MISSING_CHAR' && /^(?:Implicit map keys need to be followed by map values|Sequence item without - indicator)/.test(error.message);
  if (!misaligned && !missingValue) return undefined;
  const at = lineAt(source, error.pos[0]);
  // The parser stops at the comment line (one at the margin) or at the line after it.
  const isComment = (l: Line) => /^[ \t]*#/.test(l.text);
  const atComment = isComment(at);
  if (!atComment && at.start === 0) return undefined;
  const comment = atComment ? at : lineAt(source, at.start - 1);
  const line = atComment ? (comment.end < source.length ? lineAt(source, comment.end + 1) : undefined) : at;
  if (!line || !isComment(comment) || comment.start === 0 || !/^[ \t]+\S/.test(line.text) || isComment(line)) return undefined;
  // A `#word` (an indented line starting `#eng-blog`) was meant as text; `# note` is a comment the writer wrote.
  const hashWord = /^[ \t]+#\S/.test(comment.text);
  // The value it cut: a key with a plain value above, or a list item's (`- Zoë`), maybe over indented lines.
  let key: string | undefined;
  let item: string | undefined;
  let holderIndent: number;
  for (let above = lineAt(source, comment.start - 1); ; above = lineAt(source, above.start - 1)) {
    key = keyOf(above.text);
    holderIndent = indentOf(above.text);
    item = key === undefined ? /^[ \t]*-[ \t]+([^\s#:[{|>"'&*!-][^#:]*?)[ \t]*$/.exec(above.text)?.[1] : undefined;
    if (item !== undefined) break;
    if (key !== undefined) {
      const value = valueAfterKey(above.text);
      if (!value || /^[|>"'[{&*!]/.test(value)) return undefined;
      break;
    }
    if (!/^[ \t]+\S/.test(above.text) || /^[ \t]*#/.test(above.text) || above.start === 0) return undefined;
  }
  const holder = key !== undefined ? `\`${key}\`` : `the item \`${clip(item!)}\``;
  const start = comment.start + indentOf(comment.text);
  // The indented lines after it: the rest of the value, each of which the parser stumbles on.
  let last = line;
  while (last.end < source.length) {
    const next = lineAt(source, last.end + 1);
    // Up to the next key or item of the holder's level, or the next item (`  - Kofi`).
    if (!/^[ \t]+\S/.test(next.text) || isComment(next) || indentOf(next.text) <= holderIndent || /^[ \t]*-(?:[ \t]|$)/.test(next.text)) break;
    last = next;
  }
  if (!hashWord) {
    const written = comment.text.trim();
    return {
      start,
      end: start + written.length,
      through: last.end,
      message: `YAML syntax error: the comment \`${clip(written)}\` ends the value of ${holder} above it, so the indented line${last === line ? '' : 's'} after it (\`${clip(line.text.trim())}\`${last === line ? '' : ', …'}) cannot go on the value and YAML cannot read ${last === line ? 'it' : 'them'}: move the comment below the value's last line (or delete it).`,
    };
  }
  const word = /^#\S*/.exec(comment.text.slice(indentOf(comment.text)))![0];
  return {
    start,
    end: start + word.length,
    through: last.end,
    message: `YAML syntax error: this line starts with \`${clip(word)}\`, which YAML reads as a comment, so the value of ${holder} ends on the line above and the lines after it are not read: put the whole value in quotes${key !== undefined ? `, or write it as a \`>-\` text (\`${key}: >-\`, then its lines indented)` : ''}.`,
  };
}

/**
 * `*Really*` at the start of a value: Markdown emphasis to the writer, an alias to YAML. What to
 * say, with the value to write in quotes (the front matter is not Markdown: the stars stay).
 */
export function emphasisAsAlias(word: string, value: string, key: string | undefined): string {
  const quoted = clip(JSON.stringify(value));
  return `YAML syntax error: \`${clip(word)}\` looks like Markdown emphasis, but YAML reads a value that starts with \`*\` as an alias (a repeat of a value named with \`&\`): put the whole value in quotes, ${key ? `\`${key}: ${quoted}\`` : `\`${quoted}\``}; the front matter is not Markdown, so the stars stay as written.`;
}

/** `title: & Co growth`: `&` and a space, an anchor with no name. */
function emptyAnchor(source: string, error: YAMLError): Explained | undefined {
  if (error.code !== 'BAD_ALIAS' || !/^Anchor cannot be an empty string/.test(error.message) || source[error.pos[0]] !== '&') return undefined;
  const line = lineAt(source, error.pos[0]);
  const inFlow = /[[{,][ \t]*$/.test(source.slice(line.start, error.pos[0]));
  const rest = source.slice(error.pos[0], line.end).replace(/\r$/, '');
  const value = (inFlow ? /^[^,\]}]*/.exec(rest)![0] : rest.replace(/[ \t]+#.*$/, '')).trimEnd();
  return {
    start: error.pos[0],
    end: error.pos[0] + value.length,
    through: error.pos[1],
    message: `YAML syntax error: \`&\` before a space is read by YAML as an anchor (a name for the value) with no name, not as text. If \`${clip(value)}\` is text, put it in quotes (\`${clip(JSON.stringify(value))}\`).`,
  };
}

/** `title: "Write" a doc`, `goals: [a] b`: text after a quoted or bracketed value's end. */
function textAfterValue(source: string, error: YAMLError): Explained | undefined {
  if (error.code !== 'UNEXPECTED_TOKEN' || !/^Unexpected scalar at node end/.test(error.message)) return undefined;
  const line = lineAt(source, error.pos[0]);
  const key = keyOf(line.text);
  const of = key === undefined ? '' : ` of \`${key}\``;
  // `title: *starred goal`: an alias (`*starred`), after which nothing may follow.
  const alias = /(?:^|[:,[{-])[ \t]*(\*([^\s,[\]{}]+)[ \t]+)$/.exec(source.slice(line.start, error.pos[0]));
  if (alias) {
    const start = error.pos[0] - alias[1]!.length;
    const value = source.slice(start, line.end).replace(/[ \t]+#.*$/, '').replace(/\r$/, '').trimEnd();
    return {
      start,
      end: start + value.length,
      through: error.pos[0],
      message: alias[2]!.endsWith('*')
        ? emphasisAsAlias(`*${alias[2]}`, value, keyOf(line.text))
        : `YAML syntax error: YAML reads \`*${alias[2]}\` as an alias (a repeat of the value named \`&${alias[2]}\`), and no text may follow an alias. If \`${clip(value)}\` is text, put it in quotes (\`${clip(JSON.stringify(value))}\`).`,
    };
  }
  // `'Zoë's talk'`: an apostrophe right after a word ends single quotes too early.
  const apostrophe = source[error.pos[0] - 1] === "'" && /[\p{L}\p{N}]/u.test(source[error.pos[0] - 2] ?? '') && /^[\p{L}\p{N}]/u.test(source.slice(error.pos[0]));
  return {
    start: error.pos[0],
    end: Math.max(error.pos[1], error.pos[0] + 1),
    through: error.pos[0],
    message: apostrophe
      ? `YAML syntax error: text after the end of the value${of}: the apostrophe before it ends the single quotes. Inside single quotes write an apostrophe twice (\`''\`), or put the value in double quotes instead.`
      : `YAML syntax error: text after the end of the value${of}: a quoted value ends at its closing quote, a list or map at its closing bracket. Put the whole value in quotes, or remove the text after it.`,
  };
}

/** The nearest line above `line` that is neither blank nor only a comment, if any. */
function lineAbove(source: string, line: Line): Line | undefined {
  for (let end = line.start - 1; end > 0; ) {
    const previous = lineAt(source, end - 1);
    end = previous.start;
    if (previous.text.trim() && !/^\s*#/.test(previous.text)) return previous;
  }
  return undefined;
}

/** The nearest line below `line` that is neither blank nor only a comment, if any. */
function lineBelow(source: string, line: Line): Line | undefined {
  for (let from = line.end + 1; from < source.length; ) {
    const next = lineAt(source, from);
    from = next.end + 1;
    if (next.text.trim() && !/^\s*#/.test(next.text)) return next;
  }
  return undefined;
}

/** The column where the key of a key line starts: past its indentation and any `- `. */
const keyColumn = (text: string): number => /^[ \t]*(?:-[ \t]+)*/.exec(text)![0].length;

/** What a key line holds after its key's colon, without a comment: `''` for a key alone on its line. */
function valueAfterKey(text: string): string {
  const colon = /^[^:]*?:(?=\s|$)/.exec(text.slice(keyColumn(text)));
  if (!colon) return '';
  return text.slice(keyColumn(text) + colon[0].length).replace(/(?:^|[ \t])#.*$/, '').trim();
}

const indentOf = (text: string): number => /^[ \t]*/.exec(text)![0].length;

/** The text of a line without its indentation and trailing blanks, with its span in the source. */
function trimmed(line: Line): { start: number; end: number; text: string } {
  const start = line.start + indentOf(line.text);
  const text = line.text.trim();
  return { start, end: start + text.length, text };
}

/**
 * A line left from a git merge conflict whose other markers are gone (`<<<<<<< HEAD` without its
 * `=======`, which the git/conflict rule needs to see a conflict): YAML reads it as a broken key.
 */
function conflictMarker(source: string, error: YAMLError): Explained | undefined {
  const line = lineAt(source, error.pos[0]);
  const m = /^(<{7,}|>{7,}|={7,}|\|{7,})(?:[ \t].*)?$/.exec(line.text);
  if (!m) return undefined;
  const { start, end, text } = trimmed(line);
  return {
    start,
    end,
    through: line.end,
    message: `YAML syntax error: \`${text}\` is a line left from a git merge conflict (\`${m[1]}\`): keep the lines you want from each side, then delete the marker lines.`,
  };
}

/** Spaces YAML does not take as spaces (a non-breaking space, from Option+Space or a web page; an ideographic space), and their names. */
const ODD_SPACE = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/;

/**
 * A line YAML cannot read because a character in it only looks like the one YAML needs: a key
 * written with a full-width colon (`date：2026-01-26`, from a CJK input method), a non-breaking
 * space after the colon (`date:\u00a02026-01-26`) or as indentation. Said at the character, with
 * the character to write; the writer cannot see the difference.
 */
function lookalikeCharacter(source: string, error: YAMLError): Explained | undefined {
  const line = lineAt(source, error.pos[0]);
  // `{a: 60，b: 80}`: a full-width comma between the items of a list or map in brackets.
  const comma = /[[{][^\]}]*?([\uff0c\u3001])/u.exec(line.text);
  if (comma) {
    const at = line.start + comma.index + comma[0].length - 1;
    return { start: at, end: at + 1, through: line.end, message: `YAML syntax error: \`${comma[1]}\` is a full-width comma (${codePoint(comma[1]!)}), which YAML does not read as the \`,\` between items: write \`,\` and a space.` };
  }
  // `\uff1a` is the full-width colon `：`, as an escape: the bundles stay ASCII (scripts/build.mjs).
  const full = /^([ \t]*["']?[\p{L}\p{N}_-]+["']?)[ \t]*\uff1a[ \t\u3000]*/u.exec(line.text);
  if (full) {
    const at = line.start + line.text.indexOf('：', full[1]!.length);
    const rest = line.text.slice(full[0].length).trim();
    return { start: at, end: at + 1, through: line.end, message: `YAML syntax error: \`：\` after \`${clip(full[1]!.trim())}\` is a full-width colon (U+FF1A), which YAML does not read as the \`:\` after a key: write \`${clip(rest ? `${full[1]!.trim()}: ${rest}` : `${full[1]!.trim()}:`)}\`.` };
  }
  const indent = /^[ \t]*/.exec(line.text)![0].length;
  const space = ODD_SPACE.exec(line.text);
  if (!space) return undefined;
  const c = space[0];
  const at = line.start + space.index;
  if (space.index === indent) {
    return { start: at, end: at + 1, through: line.end, message: `YAML syntax error: this line is indented with ${spaceName(c)} (${codePoint(c)}), which YAML does not take as indentation: indent it with ordinary spaces.` };
  }
  const key = /^[ \t]*(?:-[ \t]+)?["']?([\p{L}\p{N}_-]+)["']?:$/u.exec(line.text.slice(0, space.index));
  if (key) return { start: at, end: at + 1, through: line.end, message: `YAML syntax error: the space after \`${clip(key[1]!)}:\` is ${spaceName(c)} (${codePoint(c)}), which YAML does not take as the space after a key's colon: write an ordinary space.` };
  return undefined;
}

/**
 * A list item that does not line up with the items above it (`  - Ana` then ` - Bo`), or one
 * among the keys of a map (`attendees: [Ana]` then `- Bo`): YAML cannot read it as an item.
 */
function misalignedItem(source: string, error: YAMLError): Explained | undefined {
  if (!['BLOCK_AS_IMPLICIT_KEY', 'MULTILINE_IMPLICIT_KEY', 'BAD_INDENT', 'UNEXPECTED_TOKEN'].includes(error.code)) return undefined;
  const line = lineAt(source, error.pos[0]);
  const item = /^([ \t]*)-(?:[ \t]|$)/.exec(line.text);
  if (!item) return undefined;
  const above = lineAbove(source, line);
  if (!above) return undefined;
  const { start, end, text } = trimmed(line);
  const column = item[1]!.length;
  const aboveItem = /^([ \t]*)-(?:[ \t]|$)/.exec(above.text);
  if (aboveItem && aboveItem[1]!.length !== column) {
    return {
      start,
      end,
      through: line.end,
      message: `YAML syntax error: \`${text}\` does not line up with the item above it: start its \`-\` in the same column as the \`-\` above (column ${aboveItem[1]!.length + 1}), or the list is broken.`,
    };
  }
  const key = keyOf(above.text);
  if (aboveItem || key === undefined || indentOf(above.text) < column) return undefined;
  // Among the keys of an item above (`- id: a`, `  title: …`, then `  - id: b`): the next item of that list, indented too far.
  for (let up = lineAbove(source, line); up; up = lineAbove(source, up)) {
    const dash = /^([ \t]*)-[ \t]+\S/.exec(up.text);
    if (dash && dash[1]!.length < column) {
      const keysAt = up.text.length - up.text.slice(dash[0].length - 1).length;
      if (keysAt !== column) break;
      return {
        start,
        end,
        through: line.end,
        message: `YAML syntax error: \`${clip(text)}\` starts in the column of the keys of the list item above (\`${clip(up.text.trim())}\`), where YAML cannot read a list item. If it is the next item of that list, start its \`-\` in column ${dash[1]!.length + 1}, as in the item above, and its other keys under it.`,
      };
    }
    if (indentOf(up.text) < column) break;
  }
  return {
    start,
    end,
    through: line.end,
    message: `YAML syntax error: \`${text}\` is a list item among the keys of a map, where YAML cannot read it. A list goes under its key: the key alone on its line (\`attendees:\`), then each item on a line of its own, indented under it and starting with \`- \`.`,
  };
}

/**
 * `-id: feedback` (or `-design-doc`) where a list item starts: without the space after its `-`,
 * YAML reads the line as a key (`-id`) or a text, not as an item, and the keys under it as
 * misplaced. Said at the first such line at or above the parser's error, once for the item's lines.
 */
function dashWithoutSpace(source: string, error: YAMLError): Explained | undefined {
  const at = lineAt(source, error.pos[0]);
  // `-Carla Diaz` under `attendees:`: an item of texts without its space, right under its key (or such an item).
  const text = /^([ \t]*)-([^\s\-:#][^:#]*?)[ \t]*$/.exec(at.text);
  const above = text ? lineAbove(source, at) : undefined;
  if (text && above && (/^[ \t]*[^\s#:-][^:#]*:[ \t]*(?:#.*)?$/.test(above.text) || /^[ \t]*-[^\s-]/.test(above.text))) {
    const start = at.start + text[1]!.length;
    return {
      start,
      end: at.end - /[ \t]*$/.exec(at.text)![0].length,
      through: at.end,
      message: `YAML syntax error: \`-${clip(text[2]!)}\` has no space after its \`-\`, so YAML does not read it as a list item: write \`- ${clip(text[2]!)}\`.`,
    };
  }
  for (let line: Line | undefined = at, n = 0; line && n < 12; line = lineAbove(source, line), n++) {
    const m = /^([ \t]*)-([\p{L}_][\p{L}\p{N}_-]*)(:(?:[ \t]|$))/u.exec(line.text);
    if (!m) continue;
    const column = m[1]!.length;
    // The item's lines: those below it indented past its `-`.
    let through = line.end;
    for (let next = lineBelow(source, line); next && indentOf(next.text) > column && next.text.trim(); next = lineBelow(source, next)) through = next.end;
    if (through < error.pos[0] && at.start > through) return undefined;
    const start = line.start + column;
    return {
      start,
      end: start + 1 + m[2]!.length + 1,
      through,
      message: `YAML syntax error: \`-${clip(m[2]!)}:\` has no space after its \`-\`, so YAML does not read it as a list item: write \`- ${clip(m[2]!)}:\`, and indent the item's other keys under \`${clip(m[2]!)}:\`.`,
    };
  }
  return undefined;
}

/** `goals: [a, b]]`: a closing bracket that closes nothing. */
function extraClosing(source: string, error: YAMLError): Explained | undefined {
  const m = error.code === 'UNEXPECTED_TOKEN' ? /^Unexpected flow-(seq|map)-end token/.exec(error.message) : null;
  if (!m) return undefined;
  const bracket = m[1] === 'seq' ? ']' : '}';
  return {
    start: error.pos[0],
    end: error.pos[0] + 1,
    // The parser reads nothing after it as YAML ("Unexpected scalar token in YAML stream" on each
    // line that follows): one mistake, one problem.
    through: source.length,
    message: `YAML syntax error: an extra \`${bracket}\`: it closes nothing, since the ${m[1] === 'seq' ? 'list' : 'map'} before it is closed already. Remove it (or, if it belongs to a value, put the whole value in quotes).`,
  };
}

/**
 * `success: >-`, then a line indented 4, then one indented 2: the first line of a block text sets
 * how far the whole text is indented, so a line indented less ends the text, and YAML reads it as
 * a key out of its column (or a key without a value).
 */
function dedentedBlockText(source: string, error: YAMLError): Explained | undefined {
  if (error.code !== 'BAD_INDENT' && error.code !== 'MISSING_CHAR' && error.code !== 'MULTILINE_IMPLICIT_KEY') return undefined;
  const line = lineAt(source, error.pos[0]);
  if (!line.text.trim() || keyOf(line.text) !== undefined || /^\s*-(?:\s|$)/.test(line.text)) return undefined;
  const indent = indentOf(line.text);
  let first: Line | undefined;
  let above = lineAbove(source, line);
  while (above && indentOf(above.text) > indent) {
    first = above;
    above = lineAbove(source, above);
  }
  const block = above && /:\s*([|>][+-]?\d*)\s*(?:#.*)?$/.exec(above.text)?.[1];
  const key = above && keyOf(above.text);
  if (!first || !above || !block || key === undefined || indentOf(above.text) >= indent) return undefined;
  const { start, end, text } = trimmed(line);
  return {
    start,
    end,
    through: line.end,
    message: `YAML syntax error: \`${clip(text)}\` is indented less than the first line of the \`${block}\` text of \`${key}\` (\`${clip(first.text.trim(), 30)}\`), which sets how far the whole text is indented, so YAML does not read it as more of that text: indent every line of the text alike.`,
  };
}

/** `next: 2026-02-10 # planned` then `  at the office`: a comment ends the value, so no line after it continues it. */
function textAfterComment(source: string, error: YAMLError): Explained | undefined {
  if (error.code !== 'BAD_INDENT' && error.code !== 'MISSING_CHAR') return undefined;
  const line = lineAt(source, error.pos[0]);
  if (keyOf(line.text) !== undefined || /^\s*-(?:\s|$)/.test(line.text) || !/^[ \t]/.test(line.text)) return undefined;
  const above = lineAbove(source, line);
  const key = above && keyOf(above.text);
  if (!above || key === undefined || !/[ \t]#/.test(above.text.slice(above.text.indexOf(':') + 1))) return undefined;
  const { start, end, text } = trimmed(line);
  // A date, a number, a quoted or bracketed value, `held`: no text goes on it, before the comment or after.
  const value = valueAfterKey(above.text);
  if (value && !canGoOn(key, value)) {
    return {
      start,
      end,
      through: line.end,
      message: `YAML syntax error: \`${text}\` cannot go on the value of \`${key}\` above (\`${clip(value)}\`), which is not a text that goes on over lines: put it in the comment on that line, or delete the line.`,
    };
  }
  return {
    start,
    end,
    through: line.end,
    message: `YAML syntax error: \`${text}\` cannot go on the value of \`${key}\` above: the comment on that line ends the value. Write the whole value before the comment (in quotes if it holds \`: \` or \` #\`), or move the comment.`,
  };
}

/**
 * The line of the body that a front matter left open runs into: the writer forgot the closing
 * `---`, and a later `---` (a rule in the body) closed it instead. Known by what stands between
 * the last key and the line: a Markdown heading (`# Talk outline`, a comment to YAML) after a
 * blank line, or a blank line before a sentence. The last key above it, after which the `---`
 * belongs, and what to say; undefined for a line that may be a key without its colon.
 */
function bodyAfterKeys(source: string, line: Line): { lastKey: Line; heading?: string } | undefined {
  const above = lineAbove(source, line);
  if (!above) return undefined;
  // The lines strictly between: the text from the end of `above` to the start of `line`, less its first and last line break.
  const gap = source.slice(above.end, line.start).replace(/^\r?\n/, '').replace(/\r?\n$/, '');
  const between = gap === '' && source.slice(above.end, line.start).split('\n').length <= 2 ? [] : gap.split(/\r?\n/);
  const headingAt = between.findIndex((l) => /^#{1,6}[ \t]+\S/.test(l));
  const heading = headingAt > 0 && !between[headingAt - 1]!.trim() ? between[headingAt]!.trim() : undefined;
  const blank = between.some((l) => !l.trim());
  if (!heading && !blank) return undefined;
  return { lastKey: above, ...(heading ? { heading } : {}) };
}

/**
 * For a key at `at` in `source`: the heading and the last key above it, when the key comes after
 * a Markdown heading that follows a blank line (the body's, in a front matter left open).
 */
export function headingAboveKey(source: string, at: number): { heading: string; lastKey: string } | undefined {
  const found = bodyAfterKeys(source, lineAt(source, at));
  return found?.heading ? { heading: found.heading, lastKey: found.lastKey.text.trim() } : undefined;
}

/**
 * A line of dashes inside the front matter that is not `---` (`----`, `———`, ` ---`): meant to
 * close it, it is text to YAML, and the front matter runs on to a later `---` (a rule in the
 * body). Said at that line, once: everything YAML says after it follows from it.
 */
function almostClosingFence(source: string, error: YAMLError): Explained | undefined {
  const dashes = /^( ?)([-\u2010-\u2015\u2212\uff0d\u30fc]{2,})[ \t]*\r?$/gm;
  for (const m of source.matchAll(dashes)) {
    if (m.index! > error.pos[0]) break;
    if (m[1] === '' && m[2] === '---') continue;
    const start = m.index! + m[1]!.length;
    const written = m[2]!;
    const why = dashLineFault(m[1]!, written);
    return {
      start,
      end: start + written.length,
      through: source.length,
      message: `YAML syntax error: \`${written}\` ${why}, so it does not close the front matter, which runs on to a later \`---\` and takes in what is between as YAML: write \`---\` here, at the start of the line.`,
    };
  }
  return undefined;
}

/**
 * The Markdown heading (`# Notes`, after a blank line) above `line`, with no key a journal file
 * knows at the margin between them: where the body of a front matter left open starts. The
 * heading, and the last line above it that is not blank or a comment (where the `---` goes).
 */
function bodyHeadingAbove(source: string, line: Line): { heading: Line; lastKey: Line } | undefined {
  for (let above = line.start > 0 ? lineAt(source, line.start - 1) : undefined; above; above = above.start > 0 ? lineAt(source, above.start - 1) : undefined) {
    if (/^#{1,6}[ \t]+\S/.test(above.text)) {
      const before = above.start > 0 ? lineAt(source, above.start - 1) : undefined;
      const lastKey = before && !before.text.trim() ? lineAbove(source, above) : undefined;
      // And the body's kind of line after it, up to `line`: a sentence or an action item (not a key written wrong).
      const after = source.slice(above.end, line.end).split(/\r?\n/);
      if (lastKey && after.some((l) => /^[ \t]*[-*+][ \t]+\[[ xX]?\]/.test(l) || l.trim().split(/\s+/).length >= 3 || /[.!?]$/.test(l.trim()))) return { heading: above, lastKey };
      continue;
    }
    const key = keyOf(above.text);
    if (key !== undefined && indentOf(above.text) === 0 && isKnownKey(key)) return undefined;
  }
  return undefined;
}

function runsIntoBody(source: string, error: YAMLError): Explained | undefined {
  const line = lineAt(source, error.pos[0]);
  // After a heading, whatever YAML stumbles on is the body's: said at the heading, where the `---` goes.
  const body = error.code === 'DUPLICATE_KEY' ? undefined : bodyHeadingAbove(source, line);
  if (body) {
    const { start, end, text } = trimmed(body.heading);
    return {
      start,
      end,
      through: source.length,
      message: `YAML syntax error: \`${clip(text)}\` is a Markdown heading, which YAML reads as a comment: the front matter was not closed before it, so it runs on into the body, to a later \`---\`, and YAML cannot read what follows. Add a line \`---\` after \`${clip(body.lastKey.text.trim())}\`.`,
    };
  }
  const missingValue = error.code === 'MISSING_CHAR' && /^Implicit map keys need to be followed by map values/.test(error.message);
  if (error.code !== 'MULTILINE_IMPLICIT_KEY' && !missingValue) return undefined;
  // A sentence at the margin: words, no `key:`, not a list item.
  if (!/^[^\s#:\-[{|>"'][^:]*?\s\S/.test(line.text) || /:(?:[ \t]|$)/.test(line.text)) return undefined;
  const found = bodyAfterKeys(source, line);
  if (!found) return undefined;
  const words = line.text.trim().split(/\s+/).length;
  if (words < 3 && !/[.!?]$/.test(line.text.trim())) return undefined;
  const { start, end, text } = trimmed(line);
  const after = `after \`${clip(found.lastKey.text.trim())}\``;
  return {
    start,
    end,
    through: source.length,
    message: `YAML syntax error: \`${clip(text)}\` reads as the body's text, not as front matter: the front matter was not closed after its keys, so it runs on${found.heading ? ` past the heading \`${clip(found.heading)}\` (a comment to YAML)` : ''} to a later \`---\`. Add a line \`---\` ${after}.`,
  };
}

/**
 * Text at the start of a line after a key (`success: >-` or `success: Give the talk`, then
 * `and get feedback` not indented): YAML takes it as a key with no value, not as more of the value.
 */
function unindentedText(source: string, error: YAMLError): Explained | undefined {
  const missingValue = error.code === 'MISSING_CHAR' && /^Implicit map keys need to be followed by map values/.test(error.message);
  if (error.code !== 'MULTILINE_IMPLICIT_KEY' && !missingValue) return undefined;
  const line = lineAt(source, error.pos[0]);
  if (keyOf(line.text) !== undefined || /^\s*-(?:\s|$)/.test(line.text) || /^\s*[A-Za-z_][\w-]*:\S/.test(line.text)) return undefined;
  const above = lineAbove(source, line);
  const key = above && keyOf(above.text);
  if (!above || key === undefined || indentOf(line.text) > indentOf(above.text)) return undefined;
  const { start, end, text } = trimmed(line);
  const block = /:\s*([|>][+-]?\d*)\s*(?:#.*)?$/.exec(above.text)?.[1];
  // `date: 2026-02-02` then `mood very good`: a date, a number or true/false goes on over no
  // line, so the line is a key without its colon; after a text it may be either.
  const word = block ? undefined : /^([A-Za-z_][\w-]*)[ \t]+([^\s#].*)$/.exec(text.replace(/[ \t]+#.*$/, ''));
  const colon = word && `\`${clip(`${word[1]!}: ${asValue(word[2]!)}`)}\``;
  if (word && !canGoOn(key, valueAfterKey(above.text))) {
    return { start, end: start + word[1]!.length, through: line.end, message: `YAML syntax error: ${noColon(word[1]!, word[2]!)}, so YAML cannot read it as a key and its value: write ${colon}.` };
  }
  return {
    start,
    end,
    through: line.end,
    message: block
      ? `YAML syntax error: \`${clip(text)}\` is not indented, so it is not part of the \`${block}\` text of \`${key}\` above, and YAML reads it as a key without a value: indent the text's lines past \`${key}:\`.`
      : `YAML syntax error: \`${clip(text)}\` is not indented, so YAML reads it as a key without a value, not as more of the value of \`${key}\` above: to go on with that value, indent the line past \`${key}:\`${colon ? `; if \`${word![1]!}\` is a key, write ${colon}` : ''}.`,
  };
}


/** `skills: [time,` then `  - weekly slot]`: a block list item inside brackets. */
function itemInFlow(source: string, error: YAMLError): Explained | undefined {
  if (error.code !== 'BLOCK_IN_FLOW') return undefined;
  const line = lineAt(source, error.pos[0]);
  if (!/^\s*-(?:\s|$)/.test(line.text)) return undefined;
  const { start } = trimmed(line);
  // The item without the brackets or comma that end it on its line.
  const text = trimmed(line).text.replace(/[\s\]},]+$/, '');
  return {
    start,
    end: start + text.length,
    through: line.end,
    message: `YAML syntax error: \`${clip(text)}\` is a \`- \` item inside brackets (\`[...]\` or \`{...}\`), where items are separated by commas, without \`- \`: write it as \`${clip(text.replace(/^-\s*/, ''))}\` after a comma, or write the whole list as lines starting with \`- \`.`,
  };
}
