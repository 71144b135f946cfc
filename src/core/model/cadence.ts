import { addDays, daysBetween } from '../dates';
import type { Agreement, Relationship } from '../types';
import type { CadenceHealth } from './types';

/**
 * The agreement's closure once it is in force: from its date on. A closure written ahead of its
 * day (when the closing session is planned) does not end the partnership before that day.
 */
export function closureInForce(agreement: Agreement | undefined, today: string): Agreement['closure'] {
  const closure = agreement?.closure;
  return closure && closure.date <= today ? closure : undefined;
}

/** The partnership's last day: the earlier of its closure's date and `ends`; undefined when neither is written. */
export function lastDay(agreement: Agreement | undefined): string | undefined {
  const close = agreement?.closure?.date;
  const ends = agreement?.ends;
  return close && ends ? (close < ends ? close : ends) : close ?? ends;
}

/** Records that the partnership's last day comes first, and whether a closure recorded ahead or `ends` makes it so. */
function endsFirst(health: CadenceHealth, agreement: Agreement | undefined, last: string): void {
  health.endsFirst = last;
  health.endsFirstBy = agreement?.closure?.date === last ? 'closure' : 'ends';
}

/** The closure recorded for a day after today: the partnership ends then. */
export function plannedClosure(agreement: Agreement | undefined, today: string): Agreement['closure'] {
  const closure = agreement?.closure;
  return closure && closure.date > today ? closure : undefined;
}

/** Whether the partnership is over: a closure in force, or `ends` before today. */
export function partnershipOver(rel: Relationship, today: string): boolean {
  const agreement = rel.agreement;
  return !!closureInForce(agreement, today) || (!!agreement?.ends && daysBetween(agreement.ends, today) > 0);
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
 *   (or `started`) plus the cadence, unless that falls after `ends` or a planned closure; absent
 *   once the partnership is over.
 * - A `next` today or later is a plan, so never overdue. Without a cadence, only `next` can make
 *   it overdue. Once the partnership is over (a closure dated today or earlier, or `ends` passed) it is never overdue.
 * - An agenda (`agenda`: the earliest session written ahead, dated after today; `rel.sessions`
 *   holds only those up to today) is the plan the partners prepared: the next session is on its
 *   day (`from: 'agenda'`), whatever `next:` or the cadence say, and nothing is overdue.
 */
export function cadenceHealth(rel: Relationship, today: string, graceDays: number, agenda?: { date: string; file: string }): CadenceHealth {
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
    ...(rel.agreementUnread ? { agreementUnread: true as const } : {}),
    ...(rel.agreement?.cadenceInvalid ? { cadenceInvalid: true as const } : {}),
  };
  if (partnershipOver(rel, today)) {
    const ended = closureInForce(rel.agreement, today)?.date ?? rel.agreement?.ends;
    if (ended) health.ended = ended;
    return health;
  }
  const since = lastHeld ?? rel.agreement?.started;
  const last = lastDay(rel.agreement);
  if (agenda) {
    health.nextSession = { date: agenda.date, from: 'agenda', daysTo: daysBetween(today, agenda.date) };
    health.agendaFile = agenda.file;
    if (last !== undefined && agenda.date > last) endsFirst(health, rel.agreement, last);
    return health;
  }
  const due = nextMeeting ? { date: nextMeeting, from: 'next' as const } : cadence && since ? { date: addDays(since, cadence.days), from: 'cadence' as const } : undefined;
  // The cadence does not make a session due after the partnership ends (`ends`, or a closure
  // planned for a later day); a `next:` the partners wrote stays their plan.
  if (due?.from === 'cadence' && last !== undefined && due.date > last) endsFirst(health, rel.agreement, last);
  else if (due) health.nextSession = { ...due, daysTo: daysBetween(today, due.date) };
  // A `next:` the partners wrote after the end stays their plan, and the review says so.
  if (due?.from === 'next' && last !== undefined && due.date > last) endsFirst(health, rel.agreement, last);

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
