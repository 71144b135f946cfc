import { problem } from '../rules';
import type { CrossFileRule } from './facts';

/** `goal/duplicate-id`: a goal whose id an earlier goal of the relationship has, at its `id`. */
export const goalDuplicateId: CrossFileRule = {
  code: 'goal/duplicate-id',
  check: ({ duplicateGoals, local }) =>
    duplicateGoals.map(({ goal, first }) => {
      const where = first.source.file === goal.source.file ? `line ${first.idRange.start.line}` : local(first.source.file);
      return problem(goal.source.file, goal.idRange, 'goal/duplicate-id', `Goal id \`${goal.id}\` is already used by another goal of this relationship (${where}).`);
    }),
};
