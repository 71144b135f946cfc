import type { ListItem, Nodes, Root, Text } from 'mdast';
import { dateWrittenLoosely, halfWidth, isBeforeYear100, isRealDate } from './dates';
import { capital } from './words';
import type { RuleCode } from './rules';
import type { LineIndex } from './text';
import type { ActionItem, GoalReference, Range } from './types';

/** A problem found in a body's action items, at the exact span it is about. */
export interface BodyProblem {
  range: Range;
  code: RuleCode;
  message: string;
}

/** What the body of a session (or review) says, read from the Markdown tree. */
export interface BodyFacts {
  /** Section text by lower-cased heading. */
  sections: Record<string, string>;
  actions: ActionItem[];
  references: GoalReference[];
  /** Due markers of action items that name a day that does not exist, or repeat the item's marker. */
  problems: BodyProblem[];
}

const GOAL_REF = /\[\[([^\][\n]+)\]\]/g;

/** The spans of a text's inline code, as CommonMark reads them: a run of backticks up to the next run of as many (`` `x` ``, ``` `` a ` b `` ```). */
export function codeSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const open = /`+/g;
  for (let m = open.exec(text); m; m = open.exec(text)) {
    const close = new RegExp(`(?<!\`)\`{${m[0].length}}(?!\`)`, 'g');
    close.lastIndex = open.lastIndex;
    const end = close.exec(text);
    // A run that nothing closes is literal backticks: the next run may still open a span.
    if (!end) continue;
    spans.push([m.index, end.index + m[0].length]);
    open.lastIndex = end.index + m[0].length;
  }
  return spans;
}

/** `text` with its inline code blanked out, character for character, so that what is found in it is found where it is written. */
function outsideCode(text: string): string {
  let out = text;
  for (const [from, to] of codeSpans(text)) out = out.slice(0, from) + out.slice(from, to).replace(/[^\n]/g, ' ') + out.slice(to);
  return out;
}

/**
 * The `[[id]]` references of a line of text outside its inline code (`` `[[id]]` `` shows the
 * syntax, as in the body, where code is no reference): each with its id (trimmed), and where its
 * `[[` starts and its `]]` ends in the text.
 */
export function goalRefsOutsideCode(text: string): Array<{ id: string; start: number; end: number }> {
  if (!text.includes('[[')) return [];
  const code = text.includes('`') ? codeSpans(text) : [];
  const out: Array<{ id: string; start: number; end: number }> = [];
  for (const m of text.matchAll(GOAL_REF)) {
    const start = m.index ?? 0;
    if (code.some(([from, to]) => start >= from && start < to)) continue;
    out.push({ id: (m[1] ?? '').trim(), start, end: start + m[0].length });
  }
  return out;
}
const TASK = /^\[([ xX])\]\s+/;
/**
 * The box of a list item that starts like a task but is not one: `[]`, `[  ]`, `[x ]`, `[ x]`, `[-]`, `[✓]`, or `[ ]` with
 * no space after it (`[ ]@sam`); and as a Japanese input method writes it: an ideographic space or a non-breaking space
 * inside (`[\u3000]`), a full-width `ｘ`, full-width brackets (`［ ］`), corner brackets (`「」`).
 */
// (Not a link or a reference: `[x](https://…)`, `[x]: https://…`, `[x][ref]`.)
const ALMOST_BOX =
  '(?:\\[(?:|\\s{2,}|[xX]\\s+|\\s+[xX]|[-*~\u2713\u2714\u2717\u00a0\u3000\uff58\uff38])\\](?=\\s|$)|\\[[ xX]\\](?=[^\\s(:[])|\uff3b[ \u00a0\u3000xX\uff58\uff38]?\uff3d|\u300c[ \u3000]*\u300d)';
const ALMOST_TASK = new RegExp(`^${ALMOST_BOX}`, 'u');
/** Such a box anywhere, not only after a list marker: a quicker first test, false for the boxes of well-written items. */
const ALMOST_BOX_ANYWHERE = /\[(?:\]|\s{2}|[xX]\s|\s[xX]|[-*~\u2713\u2714\u2717\u00a0\u3000\uff58\uff38]\])|\[[ xX]\][^\s(:[]|\uff3b|\u300c[ \u3000]*\u300d/;
/**
 * What may come before an item's text on its line, for the cheap tests on the raw text: indentation,
 * quote markers and the markers of the list items it is nested in (`- - [] x`, `> 1. ・ [ ] x`). One
 * character or one marker and its space a step, so that no text can be split two ways.
 */
const CONTAINERS = '(?:[ \\t>]|(?:[-*+]|\\d{1,9}[.)])[ \\t])*';
/** A line of a text with such an item: the cheap test that says a body must be parsed to be checked. */
// (The box may be on the line after its marker: an item may start with a blank line.)
const ALMOST_TASK_LINE = new RegExp(`^${CONTAINERS}(?:[-*+]|\\d{1,9}[.)])(?:[ \\t]+|[ \\t]*\\r?\\n[ \\t>]*)${ALMOST_BOX}`, 'mu');
/**
 * A line that starts like an action item with no space after its marker (`-[ ] @sam draft`,
 * `+[x] done`, `*[ ] x` with no other `*` on the line, which would make it emphasis): a
 * paragraph, not a list item. The marker and the box are the groups.
 */
const UNSPACED_TASK_LINE = /^[ \t>]*(?:([-+])|(\*)(?=[^*\n]*$))(\[[ xX]\])(?=[ \t]+\S)/gmu;
/** The same as a cheap test on the raw text (no global flag, whose `lastIndex` a test would move), also inside list items. */
const UNSPACED_TASK_TEST = new RegExp(UNSPACED_TASK_LINE.source.replace('^[ \\t>]*', `^${CONTAINERS}`), 'mu');
/**
 * A line that starts like an action item with a bullet Markdown does not take as a list marker (`・ [ ]`, `－ [ ]`,
 * `ー [ ]`, `• [ ]`, as a Japanese input method or a word processor writes them): a paragraph, or more of the item
 * above, not an action item. The bullet and the box are the groups.
 */
const FOREIGN_BULLET_LINE = /^[ \t>]*([\u30fb\uff0d\u30fc\u2022\u2023\u25e6\u2043])[ \t\u3000]*(\[[ xX\u3000]?\]|\uff3b[ \u3000xX\uff58\uff38]?\uff3d)/gmu;
const FOREIGN_BULLET_TEST = new RegExp(FOREIGN_BULLET_LINE.source.replace('^[ \\t>]*', `^${CONTAINERS}`), 'mu');
/** `@owner` right after an action's checkbox: a handle or a first name, in any script (`@zoë`, `@jürgen`, `@sam.lee`); a full-width `＠` (a Japanese input method's) counts as `@`. */
export const OWNER = /^[@\uff20]([\p{L}\p{N}_][\p{L}\p{M}\p{N}_.-]*)\s*/u;

/**
 * An action's `@owner` and the rest of its text (what follows its checkbox): the owner right after
 * the box, or right after a due marker written first (`- [ ] (due 2026-01-17) @sol send it`, the
 * marker kept in the text). The owner and the blanks after it are not in `rest` (after a marker,
 * blanks stand in their place).
 */
export function splitOwner(text: string): { owner?: string; rest: string } {
  // (A marker written another way, `(due: 2026-01-18)`, too: its own problem says how to write it.)
  const lead = /^(?:\(due\b[^()]*\)[ \t]*)+/i.exec(text)?.[0] ?? '';
  const owner = OWNER.exec(text.slice(lead.length));
  if (!owner) return { rest: text };
  // After a marker, the owner's place is kept as blanks, so that what follows stays at its offset from the text's end and the marker at its own.
  return { owner: owner[1]!, rest: lead ? lead + ' '.repeat(owner[0].length) + text.slice(lead.length + owner[0].length) : text.slice(owner[0].length) };
}
const DUES = /\(due\s+(\d{4}-\d{2}-\d{2})\)/gi;
// English and German month names (`Nov 30`, `5. Dezember 2026`).
const MONTH = '(?:jan|feb|m(?:a|\u00e4)r|apr|ma[yi]|jun|jul|aug|sep|o[ck]t|nov|de[cz])[a-z\u00e4]*\\.?';
/**
 * A due marker written another way: a date not written YYYY-MM-DD (`(due 2026-1-5)`, `(due
 * 5.1.2026)`, `(due 2026/11/30)`, `(due 12/1)`, `(due 2026-12)`, `(due Nov 30)`), or a date with
 * more around it (`(due: 2026-11-30)`, `(due by 2026-12-01)`, `(due 2026-12-01 10:00)`, `(due
 * 2026-12-01, maybe)`). Only what is shaped like a date: `(due to the holidays)` is text. The date
 * is the first group.
 */
const SEP = '[-/.\\u2010-\\u2015\\u2212]';
const LOOSE_DUES = new RegExp(
  `[(\\uFF08][ \\t]*due(?::[ \\t]*|[ \\t]+)(?:~[ \\t]*|[A-Za-z]{2,9}\\.?,?[ \\t]+){0,3}["'*_+\`]*(\\d{8}|(?:\\d{4}\u5e74)?\\d{1,2}\u6708\\d{1,2}\u65e5|\\d{1,5}${SEP}\\d{1,2}(?:${SEP}\\d{1,4})?|${MONTH}[ \\t]+\\d{1,2}(?:st|nd|rd|th)?(?:,?[ \\t]+\\d{4})?|\\d{1,2}(?:st|nd|rd|th)?\\.?[ \\t]+${MONTH}(?:,?[ \\t]+\\d{4})?)["'*_\`]*(?:(?:[ \\t,;!?~./A-Za-z]|${SEP}|T\\d)[^)\\uFF09\\n]*)?[)\\uFF09]`,
  'gi',
);

/**
 * A due date written without the marker's parentheses: `due 2026-11-05` at the end of an item,
 * `[due 2026-11-05]`, `due: 2026-11-05`, or right before a marker (`due 2026-11-05 (due 2026-11-06)`).
 * The date is the first group.
 */
const BARE_DUE = /(?:^|[\s,;[{])due:?[ \t]+(\d{4}-\d{1,2}-\d{1,2})(?=[\]}]|[ \t]*$|[ \t]*[,;.][ \t]|[ \t]*\.?$|[ \t]*[(\uFF08][ \t]*due)/im;
/** The same, every one of a text. */
const BARE_DUES = new RegExp(BARE_DUE.source, 'gim');

/** The loose due markers of a text that are not also well written (`(due 2026-11-30)` is both). */
function looseDues(text: string): RegExpMatchArray[] {
  // Every `(due` of the text starting a well-written marker (most texts): none written another way,
  // and the costly pattern need not run.
  if (!OTHER_OPENING.test(text)) return [];
  // Full-width digits, colon and dashes (a Japanese input method's `(due ２０２６-１２-０５)`, `（due：2026-12-05）`) are
  // matched as the ASCII they stand for, one character for one, and said as written.
  if (WIDE.test(text)) {
    const scan = halfWidth(text);
    return [...scan.matchAll(LOOSE_DUES)].map((m) => {
      const at = m.index ?? 0;
      const whole = text.slice(at, at + m[0].length);
      const date = text.slice(at + m[0].indexOf(m[1]!), at + m[0].indexOf(m[1]!) + m[1]!.length);
      return Object.assign([whole, date], { index: at }) as unknown as RegExpMatchArray;
    }).filter((m) => !/^\(due\s+\d{4}-\d{2}-\d{2}\)$/i.test(m[0]));
  }
  return [...text.matchAll(LOOSE_DUES)].filter((m) => !/^\(due\s+\d{4}-\d{2}-\d{2}\)$/i.test(m[0]));
}

/** Full-width ASCII, or the long vowel mark `ー` typed for a dash (`halfWidth`). */
const WIDE = /[\uff01-\uff5e\u30fc]/;

/** The opening of a due marker (`(due`, `( due`, `（due`) that does not start a well-written one. */
const OTHER_OPENING = /\uFF08[ \t]*due|\([ \t]+due|\(due(?!\s+\d{4}-\d{2}-\d{2}\))/i;

/** Text between two due markers that ends the first one's item: a new list item or a blank line. */
const ITEM_BREAK = /\n[ \t>]*(?:[-*+]|\d{1,9}[.)])[ \t]|\n[ \t>]*\r?\n/;

/**
 * An open box with nothing after it on its line but an owner and due markers (written any way):
 * the cheap test for `action/no-text`. Not tied to a list marker before it (which a search from the
 * line's start cost four times as much), so a superset of such items, wherever they are nested.
 */
const EMPTY_TASK_LINE = /\[ \][ \t]*(?:[@\uff20]\S*[ \t]*)?(?:[([{\uff08][^)\]}\uff09\r\n]*[)\]}\uff09][ \t]*|due:?[ \t]+\S+[ \t]*)*\.?$/imu;

/**
 * Whether a text may hold a due marker `readBody` reports: one whose date does not exist, or a
 * second marker in one item (two markers with neither a new list item nor a blank line between),
 * or an action item that is no task (`action/not-a-task`) or says nothing (`action/no-text`).
 * A cheap test on the raw text, true for a superset of the texts with such a marker, so that a
 * body without one need not be parsed to know that it has none.
 */
export function mayHaveDueProblems(text: string): boolean {
  if (text.includes('[') && ((ALMOST_BOX_ANYWHERE.test(text) && ALMOST_TASK_LINE.test(text)) || (/[-+*]\[/.test(text) && UNSPACED_TASK_TEST.test(text)) || EMPTY_TASK_LINE.test(text))) return true;
  // Full-width brackets and foreign bullets, looked for together (most texts have neither).
  if (/[\uff3b\u300c\u30fb\uff0d\u30fc\u2022\u2023\u25e6\u2043]/.test(text)) {
    if (/[\uff3b\u300c]/.test(text) && ALMOST_TASK_LINE.test(text)) return true;
    if (/[\u30fb\uff0d\u30fc\u2022\u2023\u25e6\u2043]/.test(text) && FOREIGN_BULLET_TEST.test(text)) return true;
  }
  if (!/due/i.test(text)) return false;
  // A bare `due 2026-11-05`, also beside well-written markers (which it never matches).
  if (BARE_DUE.test(text)) return true;
  if (!/[(\uFF08][ \t]*due/i.test(text)) return false;
  if (looseDues(text).length) return true;
  let previousEnd = -1;
  for (const m of text.matchAll(DUES)) {
    if (!isRealDate(m[1] ?? '')) return true;
    const at = m.index ?? 0;
    if (previousEnd >= 0 && !ITEM_BREAK.test(text.slice(previousEnd, at))) return true;
    previousEnd = at + m[0].length;
  }
  return false;
}

/**
 * Where the `-->` that closes the HTML comment opened at `at` starts, or -1. `<!-->` and `<!--->`
 * are whole comments, empty (CommonMark, as HTML): their own `-->` closes them.
 */
function commentClose(text: string, at: number): number {
  if (text.startsWith('<!-->', at)) return at + 2;
  if (text.startsWith('<!--->', at)) return at + 3;
  return text.indexOf('-->', at + 4);
}

/** A heading line (`## Summary`) inside a comment's text. */
const HEADING_LINE = /\n[ \t]{0,3}#{1,6}(?:[ \t][^\n]*|[ \t]*)(?=\r?\n|$)/;

/**
 * Whether a text may hold an HTML comment `readBody` reports (`session/hidden-by-comment`): a
 * `<!--` with no `-->` after it, or with a heading line before its `-->`, or one that goes on over
 * lines from after something else on its line (`- <!--`, `> <!--`, or only indentation under a list
 * item: in a list item or a quote, which may end before the `-->`). A cheap test on the raw text, true for a superset of such texts (a
 * `<!--` in code is no comment), so that a body without one need not be parsed to know it has none.
 */
export function mayHideText(text: string): boolean {
  for (let at = text.indexOf('<!--'); at >= 0; ) {
    const close = commentClose(text, at);
    if (close < 0 || HEADING_LINE.test(text.slice(at, close))) return true;
    // Over lines, from after anything on its line, indentation too (which may put it inside a list item above, where it ends with the item).
    if (/[\r\n]/.test(text.slice(at, close)) && at > 0 && text[at - 1] !== '\n' && text[at - 1] !== '\r') return true;
    at = text.indexOf('<!--', close + 3);
  }
  return false;
}

/**
 * An HTML comment block that hides what the writer meant to show: never closed (it runs to the end
 * of the body, or of the list item or quote it starts in), or holding a heading line (a hint edited
 * in place, its `-->` lost, runs on to the next hint's). Said at its `<!--`. A comment over action
 * items alone is taken as meant: a way to put tasks aside.
 */
function hiddenByComment(node: Nodes, lines: LineIndex): BodyProblem[] {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return [];
  // (An indented comment's node may start at its line's start.)
  const lead = /^[ \t]*/.exec(lines.text.slice(start, end))![0].length;
  const source = lines.text.slice(start + lead, end);
  if (!source.startsWith('<!--')) return [];
  const close = commentClose(source, 0);
  const inside = close < 0 ? source : source.slice(0, close);
  const heading = HEADING_LINE.exec(inside)?.[0].trim();
  if (close >= 0 && !heading) return [];
  const range = lines.range(start + lead, start + lead + 4);
  const shown = ' is hidden when the note is shown, and the journal reads none of it: sections, action items, `[[goal]]` references';
  const message = close < 0 ? neverClosed(start, end, range, lines, shown) : `This comment runs from line ${range.start.line} to line ${lines.position(end).line}, over the heading \`${heading!.length > 40 ? `${heading!.slice(0, 40)}…` : heading}\`: all of it${shown}. Close it with \`-->\` where it should end.`;
  return [{ range, code: 'session/hidden-by-comment', message }];
}

/** What a comment never closed hides: up to the end of the file, or of the list item or quote that holds it. */
function neverClosed(start: number, end: number, range: Range, lines: LineIndex, shown: string): string {
  if (lines.text.slice(end).trim() === '') return `This comment is never closed: everything after it, to the end of the file,${shown}. Close it with \`-->\` where it should end.`;
  const heldTo = lines.position(start + lines.text.slice(start, end).trimEnd().length).line;
  // A `-->` after that item or quote (`- <!-- x` over `- y -->`) closes nothing: Markdown ended the comment with the item.
  const later = lines.text.indexOf('-->', end);
  const stray = later >= 0 && !lines.text.slice(end, later).includes('<!--') ? ` (the \`-->\` on line ${lines.position(later).line} is outside it, and closes nothing)` : '';
  const to = heldTo === range.start.line ? 'to the end of its line' : `to line ${heldTo}`;
  return `This comment is never closed: everything after it, ${to}, where the list item or quote it is in ends${stray},${shown}. Close it with \`-->\` where it should end, before its list item or quote ends.`;
}

/**
 * Every id written `[[id]]` anywhere in a text, code blocks included: a superset of the ids
 * `readBody` finds. Each reference it finds is a match of the same pattern in a slice of the
 * same text, and matches cannot overlap, since an id holds no bracket. Lets the cross-file
 * rules skip parsing a body whose every `[[id]]` is a known goal.
 */
export function goalIdCandidates(text: string): string[] {
  if (!text.includes('[[')) return [];
  const ids = new Set<string>();
  for (const m of text.matchAll(GOAL_REF)) ids.add((m[1] ?? '').trim());
  return [...ids];
}

/** Walks the body tree: headings start sections, task-list items become action items, `[[id]]` become goal references. */
export function readBody(file: string, root: Root, lines: LineIndex): BodyFacts {
  const sections: Record<string, string> = {};
  const actions: ActionItem[] = [];
  const references: GoalReference[] = [];
  const problems: BodyProblem[] = [];
  let current: string | undefined;
  // A section's text is the source from its first block to its last, as written.
  let run: { start: number; end: number } | undefined;
  const flush = () => {
    if (current === undefined || !run) return;
    const chunk = lines.text.slice(run.start, run.end);
    const before = sections[current];
    setOwn(sections, current, before ? `${before}\n\n${chunk}` : chunk);
    run = undefined;
  };

  for (const node of root.children) {
    if (node.type === 'yaml' || (node.type as string) === 'toml') continue;
    if (node.type === 'heading') {
      flush();
      current = plainText(node).trim().toLowerCase();
      if (!Object.hasOwn(sections, current)) setOwn(sections, current, '');
    } else if (current !== undefined) {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start !== undefined && end !== undefined) run = { start: run?.start ?? start, end };
    }
    collect(node, (n) => {
      if (n.type === 'text') references.push(...goalRefsIn(n, lines));
      if (n.type === 'listItem') {
        const action = readTask(file, n, lines, problems);
        if (action) actions.push(action);
      }
      if (n.type === 'paragraph') problems.push(...unspacedTasks(n, lines));
      if (n.type === 'html') problems.push(...hiddenByComment(n, lines));
    });
  }
  flush();
  return { sections, actions, references, problems };
}

/** Sets an own property, even one named `__proto__` or `constructor`: headings are user text. */
function setOwn(target: Record<string, string>, key: string, value: string): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

function collect(node: Nodes, visit: (n: Nodes) => void): void {
  visit(node);
  if ('children' in node) for (const child of node.children) collect(child as Nodes, visit);
}

function plainText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if ('children' in node) return node.children.map((c) => plainText(c as Nodes)).join('');
  return '';
}

/** `[[id]]` in a text node, with spans taken from the source so that escapes cannot shift them. */
function goalRefsIn(node: Text, lines: LineIndex): GoalReference[] {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined || !node.value.includes('[[')) return [];
  const source = lines.text.slice(start, end);
  const out: GoalReference[] = [];
  for (const m of source.matchAll(GOAL_REF)) {
    const id = (m[1] ?? '').trim();
    // The id alone, without the spaces around it (`[[ nope ]]`).
    const at = start + (m.index ?? 0) + 2 + (m[1] ?? '').search(/\S|$/);
    out.push({ id, range: lines.range(at, at + id.length), via: 'body' });
  }
  return out;
}

/** The lines of a paragraph written like an action item without the space after the `-` (UNSPACED_TASK_LINE). */
function unspacedTasks(paragraph: Nodes, lines: LineIndex): BodyProblem[] {
  const start = paragraph.position?.start.offset;
  const end = paragraph.position?.end.offset;
  if (start === undefined || end === undefined) return [];
  const raw = lines.text.slice(start, end);
  const foreign = /[\u30fb\uff0d\u30fc\u2022\u2023\u25e6\u2043]/.test(raw)
    ? [...raw.matchAll(FOREIGN_BULLET_LINE)].map((m): BodyProblem => {
        const bullet = m[1]!;
        const at = start + (m.index ?? 0) + m[0].indexOf(bullet);
        return {
          range: lines.range(at, at + bullet.length),
          code: 'action/not-a-task',
          message: `\`${bullet}\` is not a list marker to Markdown, so this line is not read as an action item: write \`- [ ]\` (a hyphen and a space), as in \`- [ ] @sam draft the outline\`.`,
        };
      })
    : [];
  if (!/[-+*]\[/.test(raw)) return foreign;
  return [...foreign, ...[...raw.matchAll(UNSPACED_TASK_LINE)].map((m): BodyProblem => {
    const marker = m[1] ?? m[2] ?? '-';
    const at = start + (m.index ?? 0) + m[0].length - marker.length - (m[3] ?? '').length;
    const written = `${marker}${m[3] ?? ''}`;
    return {
      range: lines.range(at, at + written.length),
      code: 'action/not-a-task',
      message: `\`${written}\` needs a space after the \`${marker}\` to be a list item, so this line is not read as an action item: write \`${marker} ${m[3] ?? ''}\`, as in \`- [ ] @sam draft the outline\`.`,
    };
  })];
}

/**
 * Where a due date written without parentheses lies in its text, from `due` to the date's end, with
 * the brackets around it when it is written `[due 2026-11-05]` or `{due 2026-11-05}`; with `stop`, also
 * the full stop after it that ends the item (what is cut from the action's text).
 */
function bareSpan(text: string, bare: RegExpMatchArray, stop = false): { from: number; to: number } {
  const at = bare.index ?? 0;
  let from = at + bare[0].search(/due/i);
  let to = at + bare[0].length;
  const open = text[from - 1];
  if ((open === '[' && text[to] === ']') || (open === '{' && text[to] === '}')) {
    from--;
    to++;
  } else if (stop && text[to] === '.' && text.slice(to + 1).trim() === '') to++; // `due: 2026-11-05.` ending the item
  return { from, to };
}

/**
 * A list item whose paragraph starts with `[ ]` or `[x]`: `- [ ] @owner text (due YYYY-MM-DD) [[goal]]`.
 * Its first `(due ...)` marker is its due date, unless that day does not exist (`2026-02-30`):
 * then the item has no due date, keeps the date as written in `invalidDue`, and `date/impossible`
 * is reported at the date. A further marker is left in the text and reported (`action/due-repeated`).
 */
function readTask(file: string, item: ListItem, lines: LineIndex, problems: BodyProblem[]): ActionItem | undefined {
  const paragraph = item.children[0];
  if (paragraph?.type !== 'paragraph') return undefined;
  const start = paragraph.position?.start.offset;
  const end = paragraph.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  const raw = lines.text.slice(start, end);
  const task = TASK.exec(raw);
  if (!task) {
    const almost = ALMOST_TASK.exec(raw);
    if (almost) {
      problems.push({
        range: lines.range(start, start + almost[0].length),
        code: 'action/not-a-task',
        message: /^\[[ xX]\]$/.test(almost[0])
          ? `\`${almost[0]}\` needs a space after it to be a checkbox, so this item is not read as an action item: write \`${almost[0]} \`, as in \`- [ ] @sam draft the outline\`.`
          : `\`${almost[0]}\` is not a checkbox, so this item is not read as an action item: write \`[ ]\` (or \`[x]\` once it is done) and a space after it, as in \`- [ ] @sam draft the outline\`.`,
      });
    }
    return undefined;
  }
  const { owner, rest } = splitOwner(raw.slice(task[0].length));
  const restStart = end - rest.length;
  // Markers are read outside inline code: `` `make (due 2027-01-01)` `` shows a command, not a due date (as `[[id]]` in code is no reference).
  const scan = rest.includes('`') ? outsideCode(rest) : rest;
  const markers = [...scan.matchAll(DUES)];
  // Without a well-written marker, the first one written another way: no due date, and said so.
  const looseOnes = looseDues(scan);
  const loose = markers.length ? undefined : looseOnes[0];
  // Every marker after the one that counts, written well or not.
  const extras = [...markers.slice(1), ...(markers.length ? looseOnes : looseOnes.slice(1))];
  // (A ticked item's due date no longer matters: its marker is not reported, as a pre-commit hook
  // would otherwise fail on old, done items.)
  if (loose && task[1] === ' ') {
    const written = loose[1]!;
    const at = restStart + (loose.index ?? 0) + loose[0].indexOf(written);
    const meant = dateWrittenLoosely(written);
    const why = /[\uFF08\uFF09]/.test(loose[0]) && meant === written ? 'this due marker is written with full-width parentheses `（ ）`, not `( )`' : meant === written ? 'this due marker is not written `(due YYYY-MM-DD)`' : `\`${written}\` in this due marker is not a date written YYYY-MM-DD`;
    problems.push({ range: lines.range(at, at + written.length), code: 'date/format', message: `${capital(why)}, so this action item has no due date: write \`(due ${meant ?? 'YYYY-MM-DD'})\`.` });
  }
  // Due dates written without their parentheses (`due 2026-11-05`): with no marker, the first is
  // the item's marker, written another way; any other is one more marker (`action/due-repeated`).
  const bares = /due/i.test(scan) ? [...scan.matchAll(BARE_DUES)] : [];
  const bare = !markers.length && !loose ? bares[0] : undefined;
  extras.push(...(bare ? bares.slice(1) : bares));
  extras.sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
  if (bare && task[1] === ' ') {
    const date = bare[1]!;
    const at = restStart + (bare.index ?? 0) + bare[0].lastIndexOf(date);
    const meant = dateWrittenLoosely(date);
    problems.push({ range: lines.range(at, at + date.length), code: 'date/format', message: `This due date is not in a due marker, so this action item has no due date: write \`(due ${meant ?? 'YYYY-MM-DD'})\`, in parentheses.` });
  }
  const written = markers[0]?.[1] ?? loose?.[1] ?? bare?.[1];
  // A date written another way is no due date, even where it is a real day (`(due: 2026-11-30)`).
  const due = markers[0] && written !== undefined && isRealDate(written) ? written : undefined;
  const dateSpan = (m: RegExpExecArray | RegExpMatchArray) => {
    const at = restStart + (m.index ?? 0) + m[0].lastIndexOf(m[1] ?? '');
    return lines.range(at, at + (m[1]?.length ?? 0));
  };
  // (As above, a ticked item's markers are not reported: neither a day that does not exist nor a second marker.)
  if (markers[0] && written !== undefined && !due && task[1] === ' ') {
    const why = isBeforeYear100(written) ? `${written} is in the year ${Number(written.slice(0, 4))}, before the year 100 the journal takes dates from, so this action item has no due date: write the year in full.` : `${written} is not a day in the calendar, so this action item has no due date: write a date that exists.`;
    problems.push({ range: dateSpan(markers[0]), code: 'date/impossible', message: why });
  }
  // A marker's span in the text: a bare one from its `due` (its match starts at the character before).
  const spanOf = (m: RegExpMatchArray) => ((bares as RegExpMatchArray[]).includes(m) ? bareSpan(scan, m) : { from: m.index ?? 0, to: (m.index ?? 0) + m[0].length });
  for (const extra of task[1] === ' ' ? extras : []) {
    const m0 = spanOf(markers[0] ?? loose ?? bare!);
    const span = spanOf(extra);
    const first = lines.range(restStart + m0.from, restStart + m0.to).start;
    const where = first.line === dateSpan(extra).start.line ? `column ${first.column}` : `line ${first.line}, column ${first.column}`;
    // A marker written another way before the well-written one that counts.
    const before = span.from < m0.from;
    problems.push({
      range: lines.range(restStart + span.from, restStart + span.to),
      code: 'action/due-repeated',
      message: before
        ? `This action item has another due marker, at ${where}, and that one counts, as it is written \`(due YYYY-MM-DD)\`; this one is read as text. Keep one \`(due YYYY-MM-DD)\`.`
        : `This action item already has a due marker, at ${where}; only the first one counts, and this one is read as text. Keep one \`(due YYYY-MM-DD)\`.`,
    });
  }
  const goalRefs = goalRefsOutsideCode(rest).map((r) => r.id);
  // The marker that counts (or, with none written well, the first written another way) is no part of the text.
  const said = markers[0] ?? loose;
  const cut = said ? { from: said.index ?? 0, to: (said.index ?? 0) + said[0].length } : bare ? bareSpan(scan, bare, true) : undefined;
  const text = (cut ? rest.slice(0, cut.from) + rest.slice(cut.to) : rest).replace(/\s+/g, ' ').trim();
  // Nothing to do written: `actions`, the review and the calendar would show an empty line.
  if (text === '' && task[1] === ' ') {
    problems.push({
      range: lines.range(start, start + 3),
      code: 'action/no-text',
      message: `This action item says nothing to do${owner || written !== undefined ? ` (only ${[owner ? `its owner @${owner}` : '', written !== undefined ? 'a due date' : ''].filter(Boolean).join(' and ')})` : ''}: write what is to be done after the box, as in \`- [ ] @sam draft the outline (due 2026-12-04)\`, or delete the item.`,
    });
  }
  const itemStart = item.position?.start.offset ?? start;
  return {
    text,
    done: task[1] !== ' ',
    ...(owner ? { owner } : {}),
    ...(due ? { due } : written !== undefined ? { invalidDue: written } : {}),
    goalRefs,
    source: { file, range: lines.range(itemStart, end) },
  };
}
