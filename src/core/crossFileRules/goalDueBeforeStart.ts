import { toDayNumber } from '../dates';
import { problem } from '../rules';
import type { CrossFileRule } from './facts';

/** `goal/due-before-start`: a goal due before the partnership started, at its `due` (else its id). */
export const goalDueBeforeStart: CrossFileRule = {
  code: 'goal/due-before-start',
  check({ agreement, goals }) {
    if (!agreement?.started) return [];
    const start = toDayNumber(agreement.started);
    return goals
      .filter((g) => g.due && toDayNumber(g.due) < start)
      .map((g) => problem(g.source.file, g.fields.due ?? g.idRange, 'goal/due-before-start', `Goal \`${g.id}\` is due ${g.due}, before the partnership started (${agreement.started}).`));
  },
};
