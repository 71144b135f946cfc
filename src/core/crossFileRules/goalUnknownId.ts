import { mayReferToUnknownGoal } from '../parseFile';
import { problem } from '../rules';
import { nearest } from '../suggest';
import type { Problem } from '../types';
import type { CrossFileRule } from './facts';

/** `goal/unknown-id`: a session or review refers to a goal id the relationship lacks, at the reference. */
export const goalUnknownId: CrossFileRule = {
  code: 'goal/unknown-id',
  check({ id, goalsById, sessions, reviews }) {
    const problems: Problem[] = [];
    const ids = [...goalsById.keys()];
    for (const item of [...sessions, ...reviews]) {
      if (!mayReferToUnknownGoal(item, goalsById)) continue; // spares parsing the body
      for (const ref of item.references) {
        if (goalsById.has(ref.id)) continue;
        const suggestion = nearest(ref.id, ids);
        problems.push(
          problem(item.source.file, ref.range, 'goal/unknown-id', `No goal \`${ref.id}\` in this relationship${suggestion ? `: did you mean \`${suggestion}\`?` : ids.length ? `; its goals are ${ids.join(', ')}.` : ', which has no goals yet.'}`, {
            kind: 'unknown-goal',
            id: ref.id,
            relationship: id,
            ...(suggestion ? { suggestion } : {}),
          }),
        );
      }
    }
    return problems;
  },
};
