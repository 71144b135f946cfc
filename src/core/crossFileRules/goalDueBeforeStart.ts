import { toDayNumber } from '../dates';
import { problem } from '../rules';
import type { CrossFileRule } from './facts';

/** `goal/due-before-start`: a goal due before the partnership started, at its `due` (else its id). */
export const goalDueBeforeStart: CrossFileRule = {
  code: 'goal/due-before-start',
  check({ agreement, goals, duplicateGoals }) {
    if (!agreement?.started) return [];
    const start = toDayNumber(agreement.started);
    // A goal whose id another goal took (goal/duplicate-id) is checked too: its date is wrong all the same.
    return [...goals, ...duplicateGoals.map((d) => d.goal)]
      .filter((g) => g.due && toDayNumber(g.due) < start)
      .map((g) => problem(g.source.file, g.fields.due ?? g.idRange, 'goal/due-before-start', `Goal \`${g.id}\` is due ${g.due}, before the partnership started (${agreement.started}).`));
  },
};
