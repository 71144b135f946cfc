// naturalCompare orders plain names (letters, digits, ` _-./`) without making a collator: its
// order must be the `en` collator's, numeric and case aside, with ties broken by code unit.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { naturalCompare } from '../../src/core/text';

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
const byCollator = (a: string, b: string) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
const sign = (n: number) => Math.sign(n);

describe('naturalCompare', () => {
  it('puts goal-2 before goal-10, and names in a file explorer\'s order', () => {
    const names = ['goal-10', 'goal-2', 'Goal-3', 'goal-02', 'goal', 'goal_1', 'goal.1', 'goal 1', 'goal/1', 'goalx', 'pair-0010', 'pair-9'];
    assert.deepEqual([...names].sort(naturalCompare), ['goal', 'goal 1', 'goal_1', 'goal-02', 'goal-2', 'Goal-3', 'goal-10', 'goal.1', 'goal/1', 'goalx', 'pair-9', 'pair-0010']);
  });

  it('agrees with the collator on plain names (generated)', () => {
    const plain = fc.string({ unit: fc.constantFrom(' ', '_', '-', '.', '/', '0', '0', '1', '2', '9', 'a', 'b', 'A', 'B', 'z', 'Z'), maxLength: 12 });
    fc.assert(
      fc.property(plain, plain, (a, b) => {
        assert.equal(sign(naturalCompare(a, b)), sign(byCollator(a, b)), `${JSON.stringify(a)} ${JSON.stringify(b)}`);
      }),
      { numRuns: 20000 },
    );
  });

  it('agrees with the collator on any other names, which it asks (generated)', () => {
    const any = fc.string({ unit: fc.constantFrom('a', 'é', 'E', '1', '٣', '-', '+', '~', 'ß', 'ss', '日', ' ', '\u0301'), maxLength: 8 });
    fc.assert(
      fc.property(any, any, (a, b) => {
        assert.equal(sign(naturalCompare(a, b)), sign(byCollator(a, b)));
      }),
      { numRuns: 5000 },
    );
  });

  it('is a total order: ties only between equal names', () => {
    assert.equal(naturalCompare('A1', 'a1') < 0, true);
    assert.equal(naturalCompare('a01', 'a1') < 0, true);
    assert.equal(naturalCompare('x', 'x'), 0);
    assert.equal(naturalCompare('9'.repeat(300), '9'.repeat(299)) > 0, true);
  });
});
