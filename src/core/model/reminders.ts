import { relationshipLabel } from '../conventions';
import { plural } from '../words';
import type { JournalAction } from './actions';
import type { RelationshipReport } from './types';

/** At most this many items in one reminder. */
export const REMINDER_LIMIT = 3;

/** One thing a reminder names. */
export interface ReminderItem {
  kind: 'session-today' | 'session-overdue' | 'action-overdue';
  relationship: string;
  /** Days late; 0 for a session planned today. */
  daysLate: number;
  text: string;
}

/** What one notification says: the items shown (most urgent first) and how many more there are. */
export interface Reminder {
  items: ReminderItem[];
  more: number;
}

/**
 * What to remind of on `today`: a relationship whose next session is today or overdue, and each
 * overdue action owned by me (`mine`, already filtered). Most days late first; for the same
 * number of days, sessions before actions, then by relationship. Closed or ended partnerships
 * are never overdue (cadence health says so) and have no next session. Undefined when nothing is due.
 */
export function reminderFor(reports: readonly RelationshipReport[], mine: readonly JournalAction[]): Reminder | undefined {
  const items: ReminderItem[] = [];
  for (const r of reports) {
    if (r.closure) continue;
    const who = relationshipLabel(r.mentors, r.mentees, r.id);
    const { cadence } = r;
    if (cadence.overdue) {
      items.push({ kind: 'session-overdue', relationship: r.id, daysLate: cadence.overdueDays, text: `${who}: session overdue ${plural(cadence.overdueDays, 'day')}` });
    } else if (cadence.nextSession?.daysTo === 0) {
      items.push({ kind: 'session-today', relationship: r.id, daysLate: 0, text: `${who}: session today` });
    }
  }
  for (const a of mine) {
    if (a.daysOverdue <= 0) continue;
    const owner = a.owner ? `@${a.owner} ` : '';
    items.push({ kind: 'action-overdue', relationship: a.relationship, daysLate: a.daysOverdue, text: `${owner}${a.text} (${a.label}): overdue ${plural(a.daysOverdue, 'day')}` });
  }
  if (items.length === 0) return undefined;
  const rank = (i: ReminderItem) => (i.kind === 'action-overdue' ? 1 : 0);
  items.sort((a, b) => b.daysLate - a.daysLate || rank(a) - rank(b) || (a.relationship < b.relationship ? -1 : a.relationship > b.relationship ? 1 : 0));
  return { items: items.slice(0, REMINDER_LIMIT), more: Math.max(0, items.length - REMINDER_LIMIT) };
}

/** The notification's text: "Mentoring: <item>; <item>; <item> (and 2 more)." */
export function reminderText(reminder: Reminder): string {
  const more = reminder.more ? ` (and ${reminder.more} more)` : '';
  return `Mentoring: ${reminder.items.map((i) => i.text).join('; ')}${more}.`;
}
