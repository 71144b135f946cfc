import type { Position, Range } from './types';

/**
 * Maps UTF-16 offsets of one text to 1-based line and column. Lines end at `\n`;
 * a `\r` before it counts as part of the line, which is what editors do with CRLF.
 */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
      this.starts.push(i + 1);
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
    return { line: lo + 1, column: clamped - (this.starts[lo] ?? 0) + 1 };
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(Math.max(start, end)) };
  }

  /** Offset of a 1-based position. */
  offset(position: Position): number {
    const start = this.starts[Math.max(0, Math.min(position.line - 1, this.starts.length - 1))] ?? 0;
    return Math.min(this.text.length, start + position.column - 1);
  }

  /** The span of a whole line, without its line break. */
  lineRange(line: number): Range {
    const start = this.starts[line - 1] ?? this.text.length;
    let end = (this.starts[line] ?? this.text.length + 1) - 1;
    if (end > start && this.text[end - 1] === '\r') end -= 1;
    return this.range(start, Math.max(start, end));
  }
}

export const FILE_START: Range = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
