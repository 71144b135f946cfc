// LineIndex finds line starts by searching the text, not with a regular expression per line;
// it must give the lines that `\r\n`, `\n` and a lone `\r` make, as editors count them.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LineIndex } from '../../src/core/text';

/** The reference: every line break as the pattern `\r\n?|\n` finds it. */
function starts(text: string): number[] {
  return [0, ...[...text.matchAll(/\r\n?|\n/g)].map((m) => (m.index ?? 0) + m[0].length)];
}

describe('LineIndex', () => {
  it('starts a line after each \\n, \\r\\n and lone \\r', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'é', ' ', '\n', '\r', '\r\n', '\n\r', '𝄞'), { maxLength: 40 }).map((parts) => parts.join('')), (text) => {
        const index = new LineIndex(text);
        const expected = starts(text);
        assert.equal(index.lineCount, expected.length, JSON.stringify(text));
        expected.forEach((start, i) => assert.equal(index.lineStart(i + 1), start, JSON.stringify(text)));
      }),
      { numRuns: 3000 },
    );
  });

  it('gives 1-based positions on CRLF, LF and CR lines alike', () => {
    const index = new LineIndex('ab\r\ncd\nef\rgh');
    assert.deepEqual(index.position(0), { line: 1, column: 1 });
    assert.deepEqual(index.position(4), { line: 2, column: 1 });
    assert.deepEqual(index.position(7), { line: 3, column: 1 });
    assert.deepEqual(index.position(10), { line: 4, column: 1 });
    assert.equal(index.lineEnd(1), 2);
  });
});
