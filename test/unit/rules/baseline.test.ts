import assert from 'node:assert/strict';
import { check, describe as list, relationship } from './helpers';

describe('rules: the valid relationship the rule tests start from', () => {
  it('has no problem at all', async () => {
    const { all, index } = await check(relationship());
    assert.deepEqual([...all()].map(([f, ps]) => `${f}\n${list(ps)}`), []);
    const rel = index.relationship('p')!;
    assert.deepEqual(rel.goals.map((g) => g.id), ['rust-basics', 'design-doc']);
    assert.deepEqual(rel.sessions.map((s) => s.date), ['2026-02-02']);
    assert.deepEqual(rel.reviews.map((r) => r.date), ['2026-03-01']);
  });
});
