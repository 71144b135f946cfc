import { nameForms, personNames, relationshipLabel } from '../conventions';
import { splitOwner } from '../body';
import { daysBetween } from '../dates';
import type { EditResult } from '../edits';
import type { Agreement, Relationship, SourceRef } from '../types';
import { closureInForce } from './cadence';
import { openActions } from './goals';

/**
 * Every open action of a journal, for the Actions view, the reminders and `mentoring-journal actions`.
 *
 * An action is open when its newest occurrence (by session date, agendas written ahead included)
 * is unchecked, so an item carried over from session to session is one action, at its newest
 * session: that is the line a tick goes to. Relationships whose closure is in force (dated today or
 * earlier) are left out.
 */
export interface JournalAction {
  /** The relationship's id (its folder, relative to the journal root; `.` for the root). */
  relationship: string;
  /** "Priya Raman ↔ Sam Okafor", as the rest of the product names it. */
  label: string;
  text: string;
  owner?: string;
  due?: string;
  /** A `(due ...)` date that names no real day, as written; the action then has no `due`. */
  invalidDue?: string;
  /** Days past `due`; 0 when not overdue or undated. */
  daysOverdue: number;
  /** Days until `due` (negative when past). */
  daysLeft?: number;
  /** The `[[ids]]` in the text. */
  goals: string[];
  /** The session holding the newest occurrence: root-relative path and 1-based line of the item. */
  file: string;
  line: number;
  sessionDate: string;
  source: SourceRef;
}

/** The Actions view's groups, in order. */
export const ACTION_GROUPS = ['overdue', 'week', 'later', 'none'] as const;
export type ActionGroup = (typeof ACTION_GROUPS)[number];
export const ACTION_GROUP_LABELS: Record<ActionGroup, string> = { overdue: 'Overdue', week: 'This week', later: 'Later', none: 'No date' };

/** "This week" is today and the six days after it: an action due within the next seven days. */
export const WEEK_DAYS = 7;

/** Which group an action falls in on the day it was collected for. */
export function actionGroup(action: Pick<JournalAction, 'due' | 'daysLeft'>): ActionGroup {
  if (action.due === undefined || action.daysLeft === undefined) return 'none';
  if (action.daysLeft < 0) return 'overdue';
  return action.daysLeft < WEEK_DAYS ? 'week' : 'later';
}

/** Due date first (undated last), then relationship, file and line: a stable order for every front. */
export function compareActions(a: JournalAction, b: JournalAction): number {
  const due = (a.due ?? '\uffff').localeCompare(b.due ?? '\uffff');
  if (due) return due;
  return a.relationship < b.relationship ? -1 : a.relationship > b.relationship ? 1 : a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line;
}

/** The open actions of the relationships as of `today`, sorted by `compareActions`. */
export function journalActions(relationships: readonly Relationship[], today: string): JournalAction[] {
  const out: JournalAction[] = [];
  for (const rel of relationships) {
    if (closureInForce(rel.agreement, today)) continue;
    const label = relationshipLabel(rel.agreement?.mentors.map((p) => p.name) ?? [], rel.agreement?.mentees.map((p) => p.name) ?? [], rel.id);
    for (const action of openActions(rel.sessions, today)) {
      out.push({
        relationship: rel.id,
        label,
        text: action.text,
        ...(action.owner ? { owner: action.owner } : {}),
        ...(action.due ? { due: action.due, daysLeft: action.daysLeft } : {}),
        ...(action.invalidDue ? { invalidDue: action.invalidDue } : {}),
        daysOverdue: action.due ? Math.max(0, daysBetween(action.due, today)) : 0,
        goals: action.goalRefs,
        file: action.source.file,
        line: action.source.range.start.line,
        sessionDate: action.sessionDate,
        source: action.source,
      });
    }
  }
  return out.sort(compareActions);
}

/**
 * Whether an action is mine, for `me` (the `mentoringJournal.me` setting, `--owner`): a list of
 * names or handles, compared as names are (nameForms: case, accents and a leading `@` do not
 * count, and `juergen` is `jürgen`).
 *
 * 1. `@owner` equals one of `me`: `@Alex` is mine for `me: ["alex"]`.
 * 2. Or `@owner` names a person of the agreement (their handle, full name with or without
 *    spaces, or one of their names no other person of the agreement has) whom one of `me` names
 *    the same ways: with "Alex Kim" (handle `alexk`) in the agreement, `@alexk`, `@alex`, `@kim`
 *    and `@alexkim` are all mine for `me` holding "Alex Kim", "alex", "kim" or "alexk".
 *
 * An action without an owner is nobody's.
 */
export function isMine(owner: string | undefined, agreement: Pick<Agreement, 'mentors' | 'mentees'> | undefined, me: readonly string[]): boolean {
  if (!owner) return false;
  const mine = new Set(me.flatMap(nameForms).filter(Boolean));
  if (mine.size === 0) return false;
  const who = nameForms(owner);
  if (who.some((form) => mine.has(form))) return true;
  const people = [...(agreement?.mentors ?? []), ...(agreement?.mentees ?? [])];
  return people.some((p) => {
    const names = personNames(p, people);
    return who.some((form) => names.includes(form)) && names.some((n) => mine.has(n));
  });
}

/** The actions owned by `me` (see `isMine`). */
export function myActions(actions: readonly JournalAction[], relationships: readonly Relationship[], me: readonly string[]): JournalAction[] {
  const agreements = new Map(relationships.map((r) => [r.id, r.agreement]));
  return actions.filter((a) => isMine(a.owner, agreements.get(a.relationship), me));
}

// A list item whose paragraph starts with an open task box: `- [ ]`, `* [ ]`, `+ [ ]`, `1. [ ]`, `1) [ ]`,
// indented or inside a block quote.
const OPEN_TASK = /^((?:[ \t]*>)*[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+\[) \]/;
const DUE = /\(due\s+(\d{4}-\d{2}-\d{2})\)/i;
const simplify = (s: string) => s.replace(DUE, '').replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Ticks the open task item on 1-based `line` (`[ ]` → `[x]`): one character, nothing else of the
 * file changes (line endings, indentation, list markers included). `expected` is the action as the
 * journal read it; when the line no longer starts that action (the file changed since), nothing is
 * changed and the result says why.
 */
export function tickAction(text: string, line: number, expected: { owner?: string; text: string }): EditResult {
  let start = 0;
  for (let n = 1; n < line; n++) {
    const m = /\r\n?|\n/g;
    m.lastIndex = start;
    const br = m.exec(text);
    if (!br) return { ok: false, error: `The file has no line ${line} any more; nothing was changed.` };
    start = br.index + br[0].length;
  }
  const end = text.slice(start).search(/\r|\n/);
  const content = end === -1 ? text.slice(start) : text.slice(start, start + end);
  const box = OPEN_TASK.exec(content);
  if (!box) return { ok: false, error: `Line ${line} is no longer an open action (\`- [ ]\`): it may have been ticked or moved meanwhile. Nothing was changed.` };
  const { owner, rest } = splitOwner(content.slice(box[0].length).trim());
  const fromLine = simplify(rest);
  const whole = simplify(expected.text);
  if ((owner ?? '').toLowerCase() !== (expected.owner ?? '').toLowerCase() || !whole.startsWith(fromLine)) {
    return { ok: false, error: `Line ${line} no longer holds the action "${expected.text}": the file changed meanwhile. Nothing was changed.` };
  }
  const at = start + box[1]!.length;
  const edits = [{ start: at, end: at + 1, text: 'x' }];
  return { ok: true, edits, text: text.slice(0, at) + 'x' + text.slice(at + 1) };
}
