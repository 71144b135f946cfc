import { toDayNumber } from '../dates';
import { problem } from '../rules';
import type { Problem } from '../types';
import type { CrossFileRule } from './facts';

/** `session/outside-partnership`: a session dated before `started` or after `ends`, at its `date`; not one whose YAML is broken. */
export const sessionOutsidePartnership: CrossFileRule = {
  code: 'session/outside-partnership',
  check({ agreement, sessions, unread }) {
    if (!agreement?.started) return [];
    const start = toDayNumber(agreement.started);
    // An `ends` on or before `started` is the agreement's own problem (agreement/ends-before-start):
    // with it no end is checked, or every session after the start would be reported too.
    const written = agreement.ends ? toDayNumber(agreement.ends) : undefined;
    const end = written !== undefined && written > start ? written : undefined;
    const problems: Problem[] = [];
    for (const s of sessions) {
      // A date the parser guessed from broken YAML is not reported on (yaml/syntax says what to fix).
      if (unread.has(s.source.file)) continue;
      const day = toDayNumber(s.date);
      if (day < start) problems.push(problem(s.source.file, s.dateRange, 'session/outside-partnership', `This session (${s.date}) is dated before the partnership started (${agreement.started}).`));
      else if (end !== undefined && day > end) problems.push(problem(s.source.file, s.dateRange, 'session/outside-partnership', `This session (${s.date}) is dated after the partnership ends (${agreement.ends}): extend \`ends\` in the agreement, or record closure.`));
    }
    return problems;
  },
};
