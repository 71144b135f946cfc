import * as assert from 'node:assert/strict';
import { AGREEMENT_FIELDS, GOAL_FIELDS, SESSION_FIELDS, REVIEW_FIELDS, type FieldValues } from '../../../src/core/fields';
import type { Goal, Review, Session } from '../../../src/core/types';

// Types flow from the zod schemas: these assignments compile only while `FieldValues`
// gives each key its schema's output type (a key typed `unknown` would fail them).
describe('field values are typed by their schemas', () => {
  it('gives each key the output type of its zod schema', () => {
    const session: FieldValues<typeof SESSION_FIELDS> = { date: '2026-11-02', status: 'held', progress: { a: 50 } };
    const status: Session['status'] | undefined = session.status;
    const progress: Record<string, number> | undefined = session.progress;
    const goal: FieldValues<typeof GOAL_FIELDS> = { status: 'active', owner: 'both' };
    const goalStatus: Goal['status'] | undefined = goal.status;
    const review: FieldValues<typeof REVIEW_FIELDS> = { goals: { a: { status: 'achieved' } } };
    const goals: Review['goals'] | undefined = review.goals;
    const agreement: FieldValues<typeof AGREEMENT_FIELDS> = { stage: 'building', mentor: { name: 'Sam' } };
    // @ts-expect-error a stage outside STAGES does not type-check
    const wrong: FieldValues<typeof AGREEMENT_FIELDS> = { stage: 'done' };
    assert.deepEqual([status, progress, goalStatus, goals, agreement.stage, wrong.stage], ['held', { a: 50 }, 'active', { a: { status: 'achieved' } }, 'building', 'done']);
  });
});
