import type { RelationshipReport } from '../core/model';
import { naturalCompare } from '../core/text';

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** One row per relationship: stage declared and inferred, next session, goals active and achieved, signals by severity. */
export function summaryRows(reports: readonly RelationshipReport[]): string[][] {
  return [...reports]
    .sort((a, b) => naturalCompare(a.id, b.id))
    .map((r) => {
      const by = (s: string) => r.signals.filter((x) => x.severity === s).length;
      const signals = [by('error') && count(by('error'), 'error'), by('warning') && count(by('warning'), 'warning'), by('info') && count(by('info'), 'info')].filter(Boolean).join(', ');
      return [
        r.id === '.' ? '(journal root)' : r.id,
        r.declaredStage ?? (r.agreementUnread || r.declaredStageInvalid ? 'unknown' : 'not set'),
        r.inferred.stage,
        nextSessionCell(r),
        // With the agreement unread, the goals it may hold are unknown: the goal files' are counted, and the rest said unknown.
        goalCount(r, 'active'),
        goalCount(r, 'achieved'),
        signals || 'none',
      ];
    });
}

/** How many goals have a status: with the agreement unread, those known from goal files, `+ unknown` for the agreement's. */
function goalCount(r: RelationshipReport, status: 'active' | 'achieved'): string {
  const known = r.goals.filter((g) => g.status === status).length;
  if (!r.agreementUnread) return String(known);
  return known ? `${known} + unknown` : 'unknown';
}

/** The day the next session is due, as the review and the calendar have it; `by cadence` when no `next:` planned it. */
function nextSessionCell(r: RelationshipReport): string {
  if (r.cadence.ended) return `none (ended ${r.cadence.ended})`;
  const next = r.cadence.nextSession;
  // Past, as the review calls it overdue (after the grace days): said so, as the calendar says it, not shown like a plan ahead.
  if (next && r.cadence.overdue) return `overdue since ${next.date}${next.from === 'cadence' ? ' (by cadence)' : ''}`;
  if (next) return next.from === 'cadence' ? `${next.date} (by cadence)` : next.date;
  return 'not planned';
}

export const SUMMARY_HEADER = ['Relationship', 'Declared stage', 'Inferred stage', 'Next session', 'Active goals', 'Achieved goals', 'Signals'];

/**
 * The overview as a Markdown table (cells are relationship ids and the tool's words). A folder's
 * name is shown as written: `|` and what Markdown would read as markup or a link (`*`, `_`, `~`,
 * `[`, `<`, `&`, a backtick, `\`, an address) are escaped, and a line break, which would end the row,
 * is a space.
 */
export function summaryMarkdown(reports: readonly RelationshipReport[], today: string): string {
  const cell = (s: string) =>
    s
      .replace(/\r\n|[\r\n]/g, ' ')
      .replace(/[\\|*_~&[\]<>`]/g, '\\$&')
      // Nor a link GitHub would make of an address (`www.example.org`, `https://…`).
      .replace(/\b(www)\./gi, '$1\\.')
      .replace(/:\/\//g, '\\://');
  const rows = summaryRows(reports);
  return [`# Relationships on ${today}`, '', `| ${SUMMARY_HEADER.join(' | ')} |`, `| ${SUMMARY_HEADER.map((_, i) => (i === 4 || i === 5 ? '---:' : '---')).join(' | ')} |`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`), ''].join('\n');
}

/** The overview as aligned plain-text columns, for a terminal. */
export function summaryText(reports: readonly RelationshipReport[], today: string): string {
  return `Relationships on ${today}\n\n${columns([SUMMARY_HEADER, ...summaryRows(reports)])}`;
}

/** East Asian Wide and Fullwidth ranges (CJK, Hangul syllables and leading jamo, kana, full-width forms). */
const isWide = (c: number): boolean =>
  (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0x303e) || (c >= 0x3041 && c <= 0x33ff) || (c >= 0x3400 && c <= 0x4dbf) ||
  (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xa000 && c <= 0xa4cf) || (c >= 0xa960 && c <= 0xa97f) || (c >= 0xac00 && c <= 0xd7a3) ||
  (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) ||
  (c >= 0x1f300 && c <= 0x1f64f) || (c >= 0x1f900 && c <= 0x1f9ff) || (c >= 0x20000 && c <= 0x3fffd);

/** One character as the terminal draws it: an emoji (with the joiners, modifiers and selectors that make one), a syllable of jamo, a letter and its accents. */
const graphemes: ((text: string) => Iterable<string>) =
  typeof Intl.Segmenter === 'function' ? ((segmenter) => (text: string) => [...segmenter.segment(text)].map((s) => s.segment))(new Intl.Segmenter(undefined, { granularity: 'grapheme' })) : (text: string) => [...text];

/**
 * Columns a text takes in a terminal, as terminals draw it (Unicode's East Asian Width, emoji
 * presentation, and the rules of wcwidth): an emoji takes two, also when it is a sequence (`👩‍💻`,
 * `❤️`, a flag, `👍🏽`), and so does a Hangul syllable, also written as jamo; otherwise each character
 * counts on its own: two for a wide one (CJK, kana, full-width forms), none for a combining mark or
 * a format character (a soft hyphen is drawn), one for the rest (`हिन्दी` takes 5: its vowel signs
 * are drawn, its virama is not).
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const g of graphemes(text)) {
    if (/\p{Emoji_Presentation}|\uFE0F/u.test(g) || /^[\u1100-\u115f]/.test(g)) {
      width += 2;
      continue;
    }
    for (const char of g) {
      const c = char.codePointAt(0)!;
      if (isWide(c)) width += 2;
      else if (c === 0xad || !/[\p{Mn}\p{Me}\p{Cf}\u1160-\u11ff]/u.test(char)) width += 1;
    }
  }
  return width;
}

export function columns(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => displayWidth(r[i] ?? ''))));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c + ' '.repeat(widths[i]! - displayWidth(c)))).join('  ')).join('\n') + '\n';
}

/**
 * A Markdown review as plain terminal text: headings without `#`, no emphasis or code marks, no
 * backslash escapes, and tables as aligned columns.
 */
export function markdownToText(markdown: string): string {
  const out: string[] = [];
  let table: string[][] = [];
  const flush = () => {
    if (table.length) out.push(...columns(table).trimEnd().split('\n'));
    table = [];
  };
  for (const line of markdown.split('\n')) {
    if (/^\|.*\|$/.test(line)) {
      if (/^\|\s*:?-{3,}/.test(line)) continue;
      table.push(splitRow(line).map(inline));
      continue;
    }
    flush();
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    // A quoted note (`> Note: …`) is a line of its own in plain text.
    const quoted = /^>[ \t]?(.*)$/.exec(line);
    if (heading) {
      const text = inline(heading[2]!);
      out.push(text, (heading[1]!.length === 1 ? '=' : '-').repeat(displayWidth(text)));
    } else out.push(inline(quoted ? quoted[1]! : line));
  }
  flush();
  return out.join('\n');
}

function splitRow(line: string): string[] {
  const cells: string[] = [];
  let current = '';
  for (let i = 1; i < line.length - 1; i++) {
    const c = line[i]!;
    if (c === '\\' && i + 1 < line.length - 1) {
      current += c + line[++i]!;
    } else if (c === '|') {
      cells.push(current.trim());
      current = '';
    } else current += c;
  }
  cells.push(current.trim());
  return cells;
}

/** Inline Markdown to text: `**x**` and `` `x` `` lose their marks, `\x` becomes x, `&amp;`-style stays as written. */
function inline(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length) out += text[++i];
    else if (c === '`') continue;
    else if (c === '*' && text[i + 1] === '*') i++;
    else out += c;
  }
  return out;
}
