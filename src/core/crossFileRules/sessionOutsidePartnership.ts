import { toDayNumber } from '../dates';
import { problem } from '../rules';
import type { Problem } from '../types';
import type { CrossFileRule } from './facts';

/**
 * `session/outside-partnership`: a session dated before `started` or after `ends`, at its `date`;
 * and the latest session's `next` after `ends`, at that `next` (the plan the review, the view and
 * the calendar show; an earlier session's `next` was replaced by the sessions after it). A session
 * after a recorded closure's date is after the end too. No `next` is checked once a closure is
 * recorded: a meeting planned after it is outside the formal journal. Not a session whose YAML is
 * broken.
 */
export const sessionOutsidePartnership: CrossFileRule = {
  code: 'session/outside-partnership',
  check({ agreement, sessions, unread, today }) {
    if (!agreement?.started) return [];
    const start = toDayNumber(agreement.started);
    // An `ends` on or before `started` is the agreement's own problem (agreement/ends-before-start):
    // with it no end is checked, or every session after the start would be reported too.
    const written = agreement.ends ? toDayNumber(agreement.ends) : undefined;
    const end = written !== undefined && written > start ? written : undefined;
    // A recorded closure ends the partnership from its date (docs/format.md, Closure): a session after
    // it is after the end, whatever `ends` says, and recording a closure is no longer the advice.
    const closure = agreement.closure?.date;
    const closed = closure !== undefined && closure >= agreement.started ? toDayNumber(closure) : undefined;
    const problems: Problem[] = [];
    for (const s of sessions) {
      // A date the parser guessed from broken YAML is not reported on (yaml/syntax says what to fix).
      if (unread.has(s.source.file)) continue;
      const day = toDayNumber(s.date);
      if (day < start) problems.push(problem(s.source.file, s.dateRange, 'session/outside-partnership', `This session (${s.date}) is dated before the partnership started (${agreement.started}).`));
      else if (closed !== undefined && day > closed) problems.push(problem(s.source.file, s.dateRange, 'session/outside-partnership', `This session (${s.date}) is dated after the partnership closed (${closure}): keep later meetings outside the formal journal, or correct the closure's date if the partnership went on.`));
      else if (end !== undefined && day > end) problems.push(problem(s.source.file, s.dateRange, 'session/outside-partnership', `This session (${s.date}) is dated after the partnership ends (${agreement.ends}): extend \`ends\` in the agreement${closure === undefined ? ', or record its closure and keep this meeting\'s notes outside the formal journal' : ''}.`));
    }
    const latest = sessions[sessions.length - 1];
    // With a closure recorded the partners decided how the partnership ends: a meeting they plan
    // after it is outside the formal journal (the review and the calendar say so), not a mistake.
    if (end !== undefined && closure === undefined && latest?.next && latest.nextRange && !unread.has(latest.source.file)) {
      const day = toDayNumber(latest.date);
      const next = toDayNumber(latest.next);
      // A session after the end is reported above; its plan is part of the same mistake.
      if (day <= end && next > end) {
        // Once that day has passed, meeting by then is no advice any more.
        const meet = today !== undefined && today > agreement.ends! ? '' : `meet on or before ${agreement.ends}, `;
        problems.push(problem(latest.source.file, latest.nextRange, 'session/outside-partnership', `The next session (${latest.next}) is planned after the partnership ends (${agreement.ends}): ${meet}extend \`ends\` in the agreement, or record closure.`));
      }
    }
    return problems;
  },
};
