import { problem } from '../rules';
import type { Goal, Problem } from '../types';
import type { CrossFileRule } from './facts';

/**
 * `goal/duplicate-id`: two goals of the relationship with one id, reported at the `id` of each:
 * the second names the first, and the first names the ones after it, so that checking either
 * file alone (a pre-commit hook checks only the files staged) finds the clash.
 */
export const goalDuplicateId: CrossFileRule = {
  code: 'goal/duplicate-id',
  check: ({ duplicateGoals, local }) => {
    const where = (goal: Goal, other: Goal) => (other.source.file === goal.source.file ? `line ${other.idRange.start.line}` : local(other.source.file));
    const problems: Problem[] = [];
    const later = new Map<Goal, Goal[]>();
    for (const { goal, first } of duplicateGoals) {
      problems.push(problem(goal.source.file, goal.idRange, 'goal/duplicate-id', `Goal id \`${goal.id}\` is already used by another goal of this relationship (${where(goal, first)}).`));
      later.set(first, [...(later.get(first) ?? []), goal]);
    }
    for (const [first, others] of later) {
      const names = [...new Set(others.map((g) => where(first, g)))].join(', ');
      problems.push(problem(first.source.file, first.idRange, 'goal/duplicate-id', `Goal id \`${first.id}\` is used again by another goal of this relationship (${names}): give each goal its own id.`));
    }
    return problems;
  },
};
