import { daysBetween } from '../dates';
import type { Goal, Relationship, Session, Stage } from '../types';
import { closureInForce } from './cadence';
import type { StageInference } from './types';

/** How much longer the recent gaps between held sessions must be than the earlier ones to count as thinning. */
export const THINNING_FACTOR = 1.5;
/** Held sessions needed before thinning can be judged: three gaps, one recent pair against at least one earlier gap. */
const MIN_HELD_FOR_THINNING = 4;
/** How many of the latest sessions are looked at for missed meetings. */
const RECENT_SESSIONS = 3;

import { fromToday, plural } from '../words';

const ids = (goals: Goal[]) => goals.map((g) => g.id).join(', ');

/** Whether both partners have signed the agreement. */
export function signedByBoth(rel: Relationship): boolean {
  const signed = rel.agreement?.signed;
  return !!signed?.mentor && !!signed?.mentee;
}

/**
 * Whether held sessions are drifting apart: the mean of the last two gaps between held
 * sessions is at least {@link THINNING_FACTOR} times the mean of the gaps before them.
 * Undefined (unknown) with fewer than four held sessions.
 */
export function sessionsThinning(held: Session[]): { thinning: boolean; recent: number; earlier: number } | undefined {
  if (held.length < MIN_HELD_FOR_THINNING) return undefined;
  const gaps = held.slice(1).map((s, i) => daysBetween(held[i]!.date, s.date));
  const recentGaps = gaps.slice(-2);
  const earlierGaps = gaps.slice(0, -2);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const recent = mean(recentGaps);
  const earlier = mean(earlierGaps);
  return { thinning: earlier > 0 && recent >= earlier * THINNING_FACTOR, recent, earlier };
}

/**
 * Infers the stage from the journal, checking in this order (first match wins):
 *
 * 1. a closure dated today or earlier, or `ends` before today: moving-on (the partnership is over, whatever else holds);
 * 2. agreement not signed by both (or no agreement at all): creating;
 * 3. no goals, or every goal still `proposed`: creating (agreeing on goals completes the agreement);
 *    but with no goal read and a folder of the relationship unreadable, the declared stage;
 * 4. every goal achieved or dropped: moving-on;
 * 5. more than half of the goals that were not dropped are achieved, and held sessions are thinning
 *    out or one of the last three sessions was missed: mastery;
 * 6. otherwise: building.
 *
 * Edge cases: with no sessions, or fewer than four held ones, thinning is unknown and counts as
 * "not thinning", so mastery then needs a missed session; `paused` goals count as open work.
 */
export function inferStage(rel: Relationship, today: string): StageInference {
  const agreement = rel.agreement;
  const goals = rel.goals;
  const reasons: string[] = [];
  const result = (stage: Stage) => ({ stage, reasons });

  const closure = closureInForce(agreement, today);
  if (closure) {
    reasons.push(`Closure was recorded on ${closure.date}${closure.outcome ? ` (${closure.outcome})` : ''}.`);
    return result('moving-on');
  }
  if (agreement?.ends && daysBetween(agreement.ends, today) > 0) {
    reasons.push(`The partnership ended on ${agreement.ends}, ${fromToday(-daysBetween(agreement.ends, today))}.`);
    return result('moving-on');
  }
  if (!agreement && rel.agreementUnread) {
    reasons.push(`The agreement could not be read (line ${rel.agreementUnread.range.start.line}), so whether it is signed, and the goals it holds, are unknown: the journal is read as creating until it is fixed.`);
    return result('creating');
  }
  if (!agreement) {
    reasons.push('There is no readable agreement yet; writing and signing it is the first task.');
    return result('creating');
  }
  if (!signedByBoth(rel)) {
    const missing = [!agreement.signed.mentor && 'mentor', !agreement.signed.mentee && 'mentee'].filter(Boolean).join(' and ');
    reasons.push(`The agreement is not yet signed by the ${missing}.`);
    return result('creating');
  }
  reasons.push(`The agreement is signed by both partners (mentor ${agreement.signed.mentor}, mentee ${agreement.signed.mentee}).`);
  if (goals.length === 0 && rel.unreadFolders?.length) {
    // The goals may be in a folder that could not be read: nothing to infer from, so the declared stage stands.
    const folders = rel.unreadFolders.map((f) => `\`${f}\``).join(', ');
    reasons.push(`No goal could be read: ${folders} could not be read, so the goals are unknown.`);
    return result(agreement.stage ?? 'creating');
  }
  if (goals.length === 0) {
    reasons.push('No goals are defined yet.');
    return result('creating');
  }
  if (goals.every((g) => g.status === 'proposed')) {
    reasons.push(`Every goal is still proposed (${ids(goals)}); none has been agreed on.`);
    return result('creating');
  }

  const achieved = goals.filter((g) => g.status === 'achieved');
  const dropped = goals.filter((g) => g.status === 'dropped');
  if (achieved.length + dropped.length === goals.length) {
    reasons.push(`Every goal is closed: ${plural(achieved.length, 'achieved goal')}, ${plural(dropped.length, 'dropped goal')}.`);
    return result('moving-on');
  }

  const counted = goals.length - dropped.length;
  const mostAchieved = achieved.length * 2 > counted;
  const held = rel.sessions.filter((s) => s.status === 'held');
  const thinning = sessionsThinning(held);
  const recentMissed = rel.sessions.slice(-RECENT_SESSIONS).filter((s) => s.status === 'missed');
  const active = goals.filter((g) => g.status === 'active');
  if (mostAchieved) {
    reasons.push(`${achieved.length} of ${plural(counted, 'goal')} are achieved (${ids(achieved)}).`);
    const slowing: string[] = [];
    if (thinning?.thinning) slowing.push(`Held sessions are thinning out: the last gaps average ${Math.round(thinning.recent)} days against ${Math.round(thinning.earlier)} before.`);
    if (recentMissed.length) slowing.push(`${plural(recentMissed.length, 'of the latest sessions was', 'of the latest sessions were')} missed (${recentMissed.map((s) => s.date).join(', ')}).`);
    if (slowing.length) {
      reasons.push(...slowing);
      return result('mastery');
    }
    reasons.push(
      thinning
        ? 'Sessions keep their rhythm, so the work still looks like building.'
        : `With ${plural(held.length, 'held session')}, too few to tell whether sessions are thinning out (it takes ${MIN_HELD_FOR_THINNING}), and none of the latest missed, the work still looks like building.`,
    );
  }
  if (active.length) reasons.push(`${plural(active.length, 'goal is', 'goals are')} active (${ids(active)}).`);
  else {
    // A goal whose status could not be read (an unreadable goal file) is neither active nor open.
    const open = goals.filter((g) => g.status === 'paused' || g.status === 'proposed');
    const unknown = goals.filter((g) => g.status === 'unknown');
    const known = open.length ? `the open ones are ${ids(open)}` : '';
    const unread = unknown.length ? `the status of ${ids(unknown)} is unknown` : '';
    reasons.push(`No goal is active right now; ${[known, unread].filter(Boolean).join(', and ')}.`);
  }
  return result('building');
}
