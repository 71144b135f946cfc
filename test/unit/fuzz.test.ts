import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LineIndex, parseJournalFile } from '../../src/core';
import { readBody } from '../../src/core/body';
import { parseBody } from '../../src/core/bodyPieces';
import { anyBytesArb, anyTextArb, bodyArb, checkFile, checkTree, journalFileArb, mutate, mutatedFileArb, pathArb, structuredMarkdownArb, treeArb, updatesArb, violations } from '../../scripts/fuzz';

/**
 * A bounded fuzz run as part of `npm test` (a few hundred cases); `npm run fuzz` runs many more
 * and reports time per file. Only correctness is asserted here, never wall-clock time.
 * Set FUZZ_SEED to replay a failure that fast-check reported.
 */
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
const params = (numRuns: number): fc.Parameters<unknown> => ({ numRuns, ...(seed !== undefined ? { seed } : {}) });

describe('fuzz: the engine never throws and keeps every range inside its file', function () {
  // Thousands of generated cases: CPU-bound, so a busy machine makes them slower, never wrong
  // (one took more than mocha's 20 s on 2 cores at a load average of 14). The time-out only
  // catches a hang.
  this.timeout(300_000);
  it('the checks themselves catch a range outside the file', () => {
    const problem = { file: 'a.md', severity: 'error' as const, code: 'yaml/syntax', message: 'x', range: { start: { line: 2, column: 1 }, end: { line: 2, column: 5 } } };
    assert.deepEqual(violations('one\ntwo', [problem]), ['yaml/syntax 2:1-2:5: column outside 1..4']);
    assert.deepEqual(violations('one\r\ntwo!', [problem]), []);
    assert.equal(violations('x', [{ ...problem, code: 'no/such-rule', range: { start: { line: 1, column: 2 }, end: { line: 1, column: 1 } } }]).length, 2);
  });

  it('arbitrary strings', () => {
    fc.assert(fc.property(pathArb, anyTextArb, (path, text) => void checkFile(path, text)), params(150));
  });

  it('arbitrary bytes', () => {
    fc.assert(fc.property(pathArb, anyBytesArb, (path, bytes) => void checkFile(path, bytes)), params(100));
  });

  it('structured journal files of every type and style', () => {
    fc.assert(fc.property(journalFileArb(), (file) => void checkFile(file.path, file.text)), params(150));
  });

  it('mutated journal files: byte flips, truncation, spliced YAML, moved lines', () => {
    fc.assert(fc.property(mutatedFileArb(), (file) => void checkFile(file.path, file.bytes)), params(150));
  });

  it('parsing is deterministic', () => {
    fc.assert(
      fc.property(mutatedFileArb(), (file) => {
        assert.deepEqual(parseJournalFile(file.path, file.bytes), parseJournalFile(file.path, file.bytes));
      }),
      params(30),
    );
  });

  it('JournalIndex over journal trees with updates: never throws, ranges inside, equals a fresh index', async () => {
    await fc.assert(fc.asyncProperty(treeArb, updatesArb, (tree, updates) => checkTree(tree, updates)), params(40));
  });

  it('a body parsed in pieces gives the same facts as parsed whole (sections, actions, references)', () => {
    const text = fc.oneof(structuredMarkdownArb, bodyArb, anyTextArb).map((body) => `---\ntype: session\n---\n${body}`);
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 200 }), (t, chunk) => {
        const lines = new LineIndex(t);
        assert.deepEqual(readBody('s.md', parseBody(t, chunk), lines), readBody('s.md', parseBody(t, Infinity), lines));
      }),
      params(300),
    );
  });

  it('mutations change bytes as described', () => {
    assert.deepEqual([...mutate('abc', [{ kind: 'flip', at: 1, bit: 0 }])], [0x61, 0x63, 0x63]);
    assert.equal(new TextDecoder().decode(mutate('abc', [{ kind: 'truncate', at: 2 }])), 'ab');
    assert.equal(new TextDecoder().decode(mutate('abc', [{ kind: 'splice', at: 1, snippet: '&a ' }])), 'a&a bc');
    assert.equal(new TextDecoder().decode(mutate('a\nb', [{ kind: 'swap-lines', at: 0, other: 1 }])), 'b\na');
  });
});
