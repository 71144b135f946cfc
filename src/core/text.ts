import type { Position, Range } from './types';

/**
 * Maps UTF-16 offsets of one text to 1-based line and column. Lines end at `\r\n`, `\n`
 * or a lone `\r`, as in editors, Markdown and YAML; the line break belongs to the line
 * it ends, so columns never count it.
 */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    const starts = this.starts;
    if (!text.includes('\r')) {
      // Most files: LF only, found by the engine's own search rather than a regular expression per line.
      for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', nl + 1)) starts.push(nl + 1);
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  position(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= clamped) lo = mid;
      else hi = mid - 1;
    }
    // An offset between the `\r` and `\n` of a CRLF still lies at the end of its line.
    const at = Math.min(clamped, this.lineEnd(lo + 1));
    return { line: lo + 1, column: at - (this.starts[lo] ?? 0) + 1 };
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(Math.max(start, end)) };
  }

  /** Offset of a 1-based position. */
  offset(position: Position): number {
    const start = this.starts[Math.max(0, Math.min(position.line - 1, this.starts.length - 1))] ?? 0;
    return Math.min(this.text.length, start + position.column - 1);
  }

  /** Offset where a 1-based line starts (the text's length past the last line). */
  lineStart(line: number): number {
    return this.starts[line - 1] ?? this.text.length;
  }

  /** Offset just past the last character of a 1-based line, before its line break. */
  lineEnd(line: number): number {
    const next = this.starts[line];
    if (next === undefined) return this.text.length;
    return next - (this.text[next - 2] === '\r' && this.text[next - 1] === '\n' ? 2 : 1);
  }

  /** The span of a whole line, without its line break. */
  lineRange(line: number): Range {
    const start = this.lineStart(line);
    return this.range(start, Math.max(start, this.lineEnd(line)));
  }
}

/** `text` as a literal inside a regular expression. */
export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

let collator: Intl.Collator | undefined;

/**
 * Names in the order a file explorer shows them: numbers inside names compare as numbers
 * (`goal-2` before `goal-10`), case aside; names that still tie, by code unit, so that the order is total.
 * The order is the `en` collator's (numeric, base strength). Names of letters, digits and
 * ` _-./` alone, as goal files and relationship folders are named, are compared here in the
 * collator's order without it: making one cost about 10 ms, a tenth of a check's start.
 */
export function naturalCompare(a: string, b: string): number {
  const plain = plainCompare(a, b);
  const primary = plain ?? (collator ??= new Intl.Collator('en', { numeric: true, sensitivity: 'base' })).compare(a, b);
  return primary || (a < b ? -1 : a > b ? 1 : 0);
}

/** Where the collator puts the punctuation of plain names: before digits, digits before letters. */
const PUNCTUATION_RANK: Record<string, number> = { ' ': 1, _: 2, '-': 3, '.': 4, '/': 5 };
const DIGITS_RANK = 6;
const PLAIN_NAME = /^[0-9A-Za-z _./-]{0,200}$/;

/** The collator's answer for two plain names (sign only), or undefined for any other. */
function plainCompare(a: string, b: string): number | undefined {
  if (!PLAIN_NAME.test(a) || !PLAIN_NAME.test(b)) return undefined;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(j);
    const xDigit = isDigit(x);
    const yDigit = isDigit(y);
    if (xDigit && yDigit) {
      // Numbers by value: leading zeros aside, the longer is larger, else the first digit that differs.
      let xEnd = i;
      while (xEnd < a.length && isDigit(a.charCodeAt(xEnd))) xEnd++;
      let yEnd = j;
      while (yEnd < b.length && isDigit(b.charCodeAt(yEnd))) yEnd++;
      while (i < xEnd - 1 && a.charCodeAt(i) === 48) i++;
      while (j < yEnd - 1 && b.charCodeAt(j) === 48) j++;
      if (xEnd - i !== yEnd - j) return xEnd - i < yEnd - j ? -1 : 1;
      for (; i < xEnd; i++, j++) if (a.charCodeAt(i) !== b.charCodeAt(j)) return a.charCodeAt(i) < b.charCodeAt(j) ? -1 : 1;
      continue;
    }
    const xRank = xDigit ? DIGITS_RANK : rankOf(x);
    const yRank = yDigit ? DIGITS_RANK : rankOf(y);
    if (xRank !== yRank) return xRank < yRank ? -1 : 1;
    i++;
    j++;
  }
  return i < a.length ? 1 : j < b.length ? -1 : 0;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** A letter, case aside, after every digit; punctuation before them. */
function rankOf(c: number): number {
  if (c >= 65 && c <= 90) return 100 + c - 65;
  if (c >= 97 && c <= 122) return 100 + c - 97;
  return PUNCTUATION_RANK[String.fromCharCode(c)]!;
}

export const FILE_START: Range = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
