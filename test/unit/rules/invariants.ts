import type { Problem } from '../../../src/core';

/**
 * The text the engine reads from bytes: UTF-8 (invalid bytes become U+FFFD), without a BOM.
 * Positions are checked against it, as an editor shows the file.
 */
export function visibleText(content: string | Uint8Array): string {
  const text = typeof content === 'string' ? content : new TextDecoder('utf-8').decode(content);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Lengths of the lines of a text, split at `\r\n`, `\n` or a lone `\r` as editors do. */
export function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((l) => l.length);
}

/**
 * Why a problem's range does not lie inside the text, or undefined when it does:
 * 1 ≤ line ≤ line count, 1 ≤ column ≤ line length + 1, start ≤ end.
 */
export function rangeViolation(text: string, problem: Problem, lengths = lineLengths(text)): string | undefined {
  const { start, end } = problem.range;
  for (const [name, pos] of [['start', start], ['end', end]] as const) {
    if (!Number.isInteger(pos.line) || !Number.isInteger(pos.column)) return `${name} is not integral`;
    if (pos.line < 1 || pos.line > lengths.length) return `${name} line ${pos.line} outside 1..${lengths.length}`;
    const max = (lengths[pos.line - 1] ?? 0) + 1;
    if (pos.column < 1 || pos.column > max) return `${name} column ${pos.column} outside 1..${max} on line ${pos.line}`;
  }
  if (start.line > end.line || (start.line === end.line && start.column > end.column)) return 'start after end';
  return undefined;
}

/** Throws when any problem's range is outside the text (the engine's promise to editors). */
export function assertRangesInside(content: string | Uint8Array, problems: Problem[]): void {
  const text = visibleText(content);
  const lengths = lineLengths(text);
  for (const p of problems) {
    const why = rangeViolation(text, p, lengths);
    if (why) throw new Error(`${p.code} at ${p.range.start.line}:${p.range.start.column}-${p.range.end.line}:${p.range.end.column}: ${why}`);
  }
}
