import { addDays } from '../dates';
import { goalRefsOutsideCode } from '../body';
import { relationshipLabel } from '../conventions';
import { days } from '../words';
import type { EngineOptions, Relationship } from '../types';
import { analyzeJournal } from './analyze';
import type { RelationshipReport } from './types';
import { actionKey } from './goals';

/**
 * The journal's dates as an iCalendar file (RFC 5545), for any calendar application to import.
 * Every event is all-day. Its UID is a hash of the relationship's folder (in its git repository,
 * so that the same journal gives the same UIDs wherever it is exported from), the kind of event and what it is about (the goal id, the action's owner and text), never of its
 * date: importing the file again moves an event whose date changed instead of adding a second one.
 * Only `DTSTAMP`, the moment of the export, differs between two exports of the same journal.
 */

/** What a calendar event is about. */
export type CalendarEventKind = 'next-session' | 'goal-due' | 'action-due' | 'partnership-ends';

export interface CalendarEvent {
  kind: CalendarEventKind;
  uid: string;
  /** The all-day event's day, `YYYY-MM-DD`. */
  date: string;
  summary: string;
  description: string;
  /** The relationship's id. */
  relationship: string;
}

/** The calendar's `PRODID`: fixed, so that a new version of the tool changes nothing in the file. */
export const CALENDAR_PRODID = '-//Mentoring Journal//Calendar export//EN';

/**
 * Whether the start of a file (its first 200 characters or more) is an earlier export of this
 * tool's, which an export may replace: `BEGIN:VCALENDAR` on a line of its own, then this
 * tool's PRODID. Another calendar's file, or a note that starts with those words, is not.
 */
// With a byte order mark, and line ends a checkout made `\n` (git's `text=auto`), too.
export const isCalendarExport = (head: string): boolean =>
  /^\uFEFF?BEGIN:VCALENDAR\r?\n/.test(head) && (head.includes(`\nPRODID:${CALENDAR_PRODID}\r\n`) || head.includes(`\nPRODID:${CALENDAR_PRODID}\n`));
/** The domain part of every UID. */
const UID_DOMAIN = 'mentoring-journal';
/** The last day a calendar date can be written (`YYYYMMDD`); an event worked out past it is left out. */
const LAST_DAY = '9999-12-31';

/**
 * A 64-bit FNV-1a hash of `text` (its UTF-16 code units), as 16 hex digits: the same text gives
 * the same digits on every platform and run.
 */
export function stableHash(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
    h2 = (h2 ^ (h2 >>> 15)) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}

const uid = (relationship: string, kind: CalendarEventKind, about = '') => `${stableHash(`${relationship}\u0000${kind}\u0000${about}`)}@${UID_DOMAIN}`;

/**
 * The events of one relationship's report: the next session (the review's `nextSession`: the latest
 * `next:`, else the last held session plus the cadence; none once the partnership is over; on the
 * day of the export, as overdue, when that day has passed), each open action with a
 * due date, each active goal with a due date (both on the day of the export, as overdue, once
 * their day has passed), and the partnership's end (`ends`, or a closure
 * recorded ahead for an earlier day). Once a closure is in force (dated today or earlier), only
 * the closure's day.
 */
export function relationshipEvents(report: RelationshipReport, key = report.id): CalendarEvent[] {
  const people = relationshipLabel(report.mentors, report.mentees, report.id);
  const events: CalendarEvent[] = [];
  const add = (kind: CalendarEventKind, about: string, date: string, summary: string, description: string) =>
    events.push({ kind, uid: uid(key, kind, about), date, summary, description, relationship: report.id });

  const c = report.cadence;
  const next = c.nextSession;
  if (next) {
    let why: string;
    const afterTheEnd = !c.endsFirst ? '' : c.endsFirstBy === 'closure' ? ` The partnership closes on ${c.endsFirst}, before this day: a meeting outside the formal partnership.` : ` The partnership ends on ${c.endsFirst}, before this day.`;
    if (next.from === 'agenda') {
      why = `Prepared in the agenda ${c.agendaFile ?? ''}.${afterTheEnd}`;
    } else if (next.from === 'next') {
      const latest = report.sessions[report.sessions.length - 1];
      why = `Planned as next: in ${latest?.file ?? 'the latest session'}.${afterTheEnd}`;
    } else {
      const held = [...report.sessions].reverse().find((s) => s.status === 'held');
      const after = c.lastHeld ? `the session of ${c.lastHeld}${held ? ` (${held.file})` : ''}` : `the start of the partnership`;
      why = `Due by the agreed ${c.cadence?.label ?? ''} cadence (every ${days(c.cadence?.days ?? 0)}) after ${after}.`;
    }
    if (next.daysTo < 0) {
      // A day that has passed is no use in a calendar: the overdue session goes on the day of the export.
      const today = addDays(next.date, -next.daysTo);
      // Within the grace days it is due, not yet overdue: the review says "On track" then.
      add('next-session', '', today, `Mentoring session ${c.overdue ? 'overdue' : 'due'} since ${next.date}: ${people}`, `${why} That day passed ${days(-next.daysTo)} before this export (${today}) with no later session recorded, so it is shown on the day of the export.`);
    } else {
      add('next-session', '', next.date, `Mentoring session: ${people}`, why);
    }
  }
  // A closure in force ends the partnership: no goal or action of it is due any more (the review,
  // the Actions view and `actions` leave them out too), and its end is the day it was closed.
  if (report.closure) {
    const outcome = report.closure.outcome ? ` (outcome: ${report.closure.outcome})` : '';
    add('partnership-ends', '', report.closure.date, `Partnership closed: ${people}`, `The closure recorded in ${report.agreementFile}${outcome}.`);
    return events;
  }
  // A goal or an action whose day has passed goes on the day of the export, as an overdue session does.
  const overdue = (due: string, daysLeft: number | undefined) =>
    daysLeft !== undefined && daysLeft < 0 ? { date: report.today, since: ` overdue since ${due}`, why: `\nIts day passed ${days(-daysLeft)} before this export (${report.today}), so it is shown on the day of the export.` } : { date: due, since: ' due', why: '' };
  // Once `ends` has passed, the goals no longer apply (the review raises no goal signal then); open
  // actions still do (it still raises actions-overdue).
  for (const goal of c.ended ? [] : report.goals) {
    if (goal.status !== 'active' || !goal.due) continue;
    const success = goal.success ? `\nSuccess: ${goal.success}` : '';
    const when = overdue(goal.due, goal.daysLeft);
    add('goal-due', goal.id, when.date, `Goal${when.since}: ${goal.title} (${people})`, `Goal ${goal.id}, ${goal.owner === 'both' ? 'owned by both partners' : goal.owner === 'unknown' ? 'its owner unknown' : `owned by the ${goal.owner}`}.${success}\nDefined in ${goal.source.file}.${when.why}`);
  }
  for (const action of report.actions) {
    if (!action.due) continue;
    const what = `${action.owner ? `@${action.owner} ` : ''}${withGoalNames(action.text, report)}`;
    const when = overdue(action.due, action.daysLeft);
    add('action-due', actionKey(action.owner, action.text), when.date, `Action${when.since}: ${what} (${people})`, `Open action from the session of ${action.sessionDate} (${action.source.file}, line ${action.source.range.start.line}).${when.why}`);
  }
  // A closure recorded ahead ends the partnership on its day: that is its end, under the same UID.
  const planned = report.plannedClosure;
  if (planned && (!report.ends || planned.date <= report.ends)) {
    const outcome = planned.outcome ? ` (outcome: ${planned.outcome})` : '';
    add('partnership-ends', '', planned.date, `Partnership closes: ${people}`, `The closure recorded ahead in ${report.agreementFile}${outcome}.`);
  } else if (report.ends) add('partnership-ends', '', report.ends, `Partnership ends: ${people}`, `The end date in ${report.agreementFile}.`);
  return events;
}

/**
 * An action's text for a calendar, where `[[id]]` means nothing: each reference becomes the goal's
 * title, or its id (without brackets) when the relationship has no such goal.
 */
function withGoalNames(text: string, report: RelationshipReport): string {
  // Right to left, so that the offsets of the references still to replace stay put; one in inline code is text.
  let out = text;
  for (const ref of goalRefsOutsideCode(text).reverse()) {
    out = `${out.slice(0, ref.start)}${report.goals.find((g) => g.id === ref.id)?.title ?? ref.id}${out.slice(ref.end)}`;
  }
  return out;
}

/**
 * Every event of the reports, by date, then by UID (a fixed order for a fixed journal). `keyOf`:
 * what a relationship's UIDs are made from, its id unless the host knows a folder that does not
 * depend on where the journal was opened (its path in the git repository).
 */
export function calendarEvents(reports: readonly RelationshipReport[], keyOf: (id: string) => string = (id) => id): CalendarEvent[] {
  return reports.flatMap((report) => relationshipEvents(report, keyOf(report.id))).sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0));
}

/** RFC 5545 TEXT: backslash, semicolon, comma and line breaks escaped; other control characters become spaces. */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, ' ');
}

/** Octets of one code point in UTF-8. */
const utf8Length = (codePoint: number) => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4);

/**
 * Folds a content line to at most 75 octets per physical line (RFC 5545, 3.1): each continuation
 * starts with one space, and a line is never cut inside a character's UTF-8 sequence.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0)!);
    // Continuation lines carry the leading space, so they hold 74 octets of content.
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const icsDate = (date: string) => date.replace(/-/g, '');
/** `DTSTAMP` in UTC: `20261123T090512Z`. */
export const icsStamp = (now: Date) => now.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');

/**
 * The iCalendar text of `events`: `VCALENDAR` with `PRODID`, `VERSION`, `CALSCALE` and `METHOD`,
 * one all-day `VEVENT` per event (`DTEND` the next day, transparent so it blocks no time), lines
 * folded at 75 octets and ended with CRLF. `now` is the export's moment, written as every
 * event's `DTSTAMP`; nothing else depends on it.
 */
export function renderCalendar(events: readonly CalendarEvent[], now: Date): string {
  const stamp = icsStamp(now);
  const lines = ['BEGIN:VCALENDAR', `PRODID:${CALENDAR_PRODID}`, 'VERSION:2.0', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', 'X-WR-CALNAME:Mentoring journal'];
  for (const e of events) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(e.date)) continue;
    lines.push(
      'BEGIN:VEVENT',
      `UID:${e.uid}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${icsDate(e.date)}`,
      // The day after 9999-12-31 has no iCalendar date: a day's length says the same there.
      e.date === LAST_DAY ? 'DURATION:P1D' : `DTEND;VALUE=DATE:${icsDate(addDays(e.date, 1))}`,
      `SUMMARY:${escapeText(e.summary)}`,
      `DESCRIPTION:${escapeText(e.description)}`,
      `CATEGORIES:Mentoring,${e.kind}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** The calendar of a set of relationship reports (see {@link calendarEvents} and {@link renderCalendar}). */
export function reportsToCalendar(reports: readonly RelationshipReport[], now: Date): string {
  return renderCalendar(calendarEvents(reports), now);
}

/**
 * The calendar of `relationships` as of `today` (which decides what is open and planned, as the
 * review does), stamped with `now`, the export's moment from the host's clock.
 */
export function journalCalendar(relationships: readonly Relationship[], today: string, now: Date, options: Partial<EngineOptions> = {}): string {
  return reportsToCalendar(analyzeJournal([...relationships], today, options).relationships, now);
}
