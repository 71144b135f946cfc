import { problem } from '../rules';
import type { Problem } from '../types';
import type { CrossFileRule } from './facts';

/**
 * `session/next-before-date`: a session whose `next` is on or before its own `date` (a date copied
 * from the line above, or a typo), at that `next`. The review would take that day as the plan, so
 * the relationship would show as overdue from it. Not a session whose YAML is broken.
 */
export const sessionNextBeforeDate: CrossFileRule = {
  code: 'session/next-before-date',
  check({ sessions, unread }) {
    const problems: Problem[] = [];
    for (const s of sessions) {
      if (!s.next || !s.nextRange || unread.has(s.source.file)) continue;
      // Both are valid dates written YYYY-MM-DD, so they compare as text.
      if (s.next > s.date) continue;
      const when = s.next === s.date ? 'the same day as this session' : `before this session (${s.date})`;
      problems.push(problem(s.source.file, s.nextRange, 'session/next-before-date', `\`next\` (${s.next}) is ${when}: write the day the partners plan to meet next, after ${s.date}.`));
    }
    return problems;
  },
};
