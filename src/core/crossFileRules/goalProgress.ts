import { frontMatterReferences } from '../parseFile';
import { problem } from '../rules';
import type { GoalReference, Problem, Session } from '../types';
import type { CrossFileRule } from './facts';

/** Each progress value sessions record (`progress: {id: n}`), in date order, with where it is written. */
function recordedProgress(sessions: readonly Session[]): Array<{ session: Session; ref: GoalReference; value: number }> {
  const out: Array<{ session: Session; ref: GoalReference; value: number }> = [];
  for (const s of sessions) {
    for (const ref of frontMatterReferences(s)) {
      if (ref.via !== 'progress') continue;
      const value = Object.hasOwn(s.progress, ref.id) ? s.progress[ref.id] : undefined;
      if (typeof value === 'number') out.push({ session: s, ref, value });
    }
  }
  return out;
}

/** `goal/progress-decreased`: a session records lower progress than an earlier one, at the value. */
export const goalProgressDecreased: CrossFileRule = {
  code: 'goal/progress-decreased',
  check({ sessions }) {
    const problems: Problem[] = [];
    const best = new Map<string, { value: number; date: string }>();
    for (const { session: s, ref, value } of recordedProgress(sessions)) {
      const top = best.get(ref.id);
      if (top && value < top.value) {
        problems.push(problem(s.source.file, ref.valueRange ?? ref.range, 'goal/progress-decreased', `Progress of \`${ref.id}\` went down from ${top.value} (session of ${top.date}) to ${value}: was the goal redefined? If so, say why in the notes, and mark the drop as explained with \`# mentoring-journal-disable goal/progress-decreased\` in this file's front matter.`));
      }
      if (!top || value > top.value) best.set(ref.id, { value, date: s.date });
    }
    return problems;
  },
};

/**
 * `goal/achieved-incomplete`: an achieved goal whose progress is below 100, by the one rule of
 * docs/format.md: the latest session that records it, else the goal's own `progress`. At the
 * `status` when a session gives the figure; at the goal's own `progress` when that is the figure,
 * or when a session puts the goal at 100 and the figure written in the goal says less (it is not
 * read, and it contradicts what the review shows). As of `today` when it is known: a session
 * dated later (an agenda) does not count yet, as in the review.
 */
export const goalAchievedIncomplete: CrossFileRule = {
  code: 'goal/achieved-incomplete',
  check({ goals, sessions, today }) {
    const latest = new Map<string, number>();
    for (const { ref, value } of recordedProgress(today ? sessions.filter((s) => s.date <= today) : sessions)) latest.set(ref.id, value);
    return goals.flatMap((g) => {
      if (g.status !== 'achieved') return [];
      const last = latest.get(g.id);
      const own = g.progress;
      const atOwn = g.fields.progress ?? g.idRange;
      if (last === undefined) {
        return own !== undefined && own < 100 ? [problem(g.source.file, atOwn, 'goal/achieved-incomplete', `Goal \`${g.id}\` is achieved but its progress is ${own}: set it to 100, or the status back to active.`)] : [];
      }
      if (last < 100) return [problem(g.source.file, g.fields.status ?? g.idRange, 'goal/achieved-incomplete', `Goal \`${g.id}\` is achieved, but the latest session puts its progress at ${last}.`)];
      if (own !== undefined && own < 100) {
        return [problem(g.source.file, atOwn, 'goal/achieved-incomplete', `Goal \`${g.id}\` is achieved, and the latest session puts its progress at ${last}, but its own \`progress\` here says ${own}, which is not read once a session records the goal's progress: write 100, or delete it.`)];
      }
      return [];
    });
  },
};
