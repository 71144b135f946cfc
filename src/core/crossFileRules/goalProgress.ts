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
 * `goal/achieved-incomplete`: an achieved goal (without its own progress) whose latest session
 * puts it below 100, at its `status`. As of `today` when it is known: a session dated later (an
 * agenda) does not count yet, as in the review.
 */
export const goalAchievedIncomplete: CrossFileRule = {
  code: 'goal/achieved-incomplete',
  check({ goals, sessions, today }) {
    const latest = new Map<string, number>();
    for (const { ref, value } of recordedProgress(today ? sessions.filter((s) => s.date <= today) : sessions)) latest.set(ref.id, value);
    return goals.flatMap((g) => {
      const last = latest.get(g.id);
      if (g.status !== 'achieved' || g.progress !== undefined || last === undefined || last >= 100) return [];
      return [problem(g.source.file, g.fields.status ?? g.idRange, 'goal/achieved-incomplete', `Goal \`${g.id}\` is achieved, but the latest session puts its progress at ${last}.`)];
    });
  },
};
