import { addDays, daysBetween } from '../dates';
import type { Relationship } from '../types';
import type { CadenceHealth } from './types';

/** Whether the partnership is over: closure recorded, or `ends` before today. */
export function partnershipOver(rel: Relationship, today: string): boolean {
  const agreement = rel.agreement;
  return !!agreement?.closure || (!!agreement?.ends && daysBetween(agreement.ends, today) > 0);
}

/**
 * How the meeting rhythm is holding up on `today`.
 *
 * - `nextMeeting` is the `next` of the latest session (by date, whatever its status); an earlier
 *   session's `next` is not used, since a later session replaced that plan.
 * - Overdue when `nextMeeting` is before today (`overdueBy: 'next'`, counted from that date).
 * - With no `next` planned, overdue when the days since the last held session (or since `started`,
 *   when none was held yet) exceed the cadence plus `graceDays` (`overdueBy: 'cadence'`);
 *   `overdueDays` then counts from the end of the cadence interval, grace not deducted.
 * - `nextSession` is the day the next session is due: `nextMeeting`, else the last held session
 *   (or `started`) plus the cadence; absent once the partnership is over.
 * - A `next` today or later is a plan, so never overdue. Without a cadence, only `next` can make
 *   it overdue. Once the partnership is over (closure recorded or `ends` passed) it is never overdue.
 */
export function cadenceHealth(rel: Relationship, today: string, graceDays: number): CadenceHealth {
  const sessions = rel.sessions;
  const held = sessions.filter((s) => s.status === 'held');
  const lastHeld = held[held.length - 1]?.date;
  const nextMeeting = sessions[sessions.length - 1]?.next;
  const cadence = rel.agreement?.cadence && rel.agreement.cadence.days > 0 ? rel.agreement.cadence : undefined;
  const health: CadenceHealth = {
    ...(cadence ? { cadence: { label: cadence.label, days: cadence.days } } : {}),
    ...(lastHeld ? { lastHeld, daysSinceLastHeld: daysBetween(lastHeld, today) } : {}),
    held: held.length,
    missed: sessions.filter((s) => s.status === 'missed').length,
    cancelled: sessions.filter((s) => s.status === 'cancelled').length,
    ...(nextMeeting ? { nextMeeting, daysToNext: daysBetween(today, nextMeeting) } : {}),
    overdue: false,
    overdueDays: 0,
  };
  if (partnershipOver(rel, today)) {
    const ended = rel.agreement?.closure?.date ?? rel.agreement?.ends;
    if (ended) health.ended = ended;
    return health;
  }
  const since = lastHeld ?? rel.agreement?.started;
  const due = nextMeeting ? { date: nextMeeting, from: 'next' as const } : cadence && since ? { date: addDays(since, cadence.days), from: 'cadence' as const } : undefined;
  if (due) health.nextSession = { ...due, daysTo: daysBetween(today, due.date) };

  if (nextMeeting) {
    const late = daysBetween(nextMeeting, today);
    if (late > 0) Object.assign(health, { overdue: true, overdueDays: late, overdueBy: 'next' });
    return health;
  }
  if (cadence && since) {
    const days = daysBetween(since, today);
    if (days > cadence.days + graceDays) Object.assign(health, { overdue: true, overdueDays: days - cadence.days, overdueBy: 'cadence' });
  }
  return health;
}
