import { daysBetween } from '../dates';
import type { Goal, GoalReference, Position, Range, Relationship, Session } from '../types';
import type { GoalReport, OpenAction, ProgressPoint } from './types';

/**
 * The identity of an action item across sessions: owner and text, case and spacing ignored, and
 * any due marker left in the text too (a second `(due …)` written to move the date, which
 * `action/due-repeated` reports), so that a date moved either way keeps the action one. In
 * Unicode's composed form: `ü` typed as `u` and a combining mark (as some editors and input
 * methods write it) is the same action.
 */
export const actionKey = (owner: string | undefined, text: string): string =>
  `${(owner ?? '').normalize('NFC').toLowerCase()}\u0000${text.normalize('NFC').replace(/\(due\s+\d{4}-\d{2}-\d{2}\)/gi, ' ').toLowerCase().replace(/\s+/g, ' ').trim()}`;

/**
 * Open action items: an item is open when its latest occurrence, by session date, is unchecked.
 * An item carried over to a later session and ticked there is therefore closed, and one ticked
 * earlier but written again unchecked is open again. Items are matched by owner and text (the
 * `(due ...)` part is not part of the text, so moving a due date keeps the identity).
 * All sessions count, whatever their status; the result is ordered by session date.
 */
export function openActions(sessions: Session[], today: string): OpenAction[] {
  const latest = new Map<string, { session: Session; index: number }>();
  for (const session of sessions) {
    session.actions.forEach((action, index) => latest.set(actionKey(action.owner, action.text), { session, index }));
  }
  const out: OpenAction[] = [];
  for (const { session, index } of latest.values()) {
    const action = session.actions[index]!;
    if (action.done) continue;
    const daysLeft = action.due ? daysBetween(today, action.due) : undefined;
    out.push({
      text: action.text,
      ...(action.owner ? { owner: action.owner } : {}),
      ...(action.due ? { due: action.due, daysLeft } : {}),
      ...(action.invalidDue ? { invalidDue: action.invalidDue } : {}),
      overdue: daysLeft !== undefined && daysLeft < 0,
      goalRefs: [...action.goalRefs],
      sessionDate: session.date,
      source: action.source,
    });
  }
  // Map insertion order is first occurrence; report by the session that holds the latest one.
  return out.sort((a, b) => (a.sessionDate < b.sessionDate ? -1 : a.sessionDate > b.sessionDate ? 1 : 0));
}

/**
 * Where a goal's progress is kept, as of `today`: the journal shows the latest value a session
 * recorded, so once any session (dated today or before) has recorded the goal's progress, a new
 * value belongs in the newest such session's `progress:` map, which is then the latest; until
 * then, the goal's own `progress`. `stale` says that the newest session is older than one cadence
 * period (so a host should ask before writing into it).
 */
export type ProgressHome = { kind: 'goal' } | { kind: 'session'; session: Session; stale: boolean };

export function progressHome(rel: Relationship, goalId: string, today: string): ProgressHome {
  const past = rel.sessions.filter((s) => s.date <= today);
  if (!past.some((s) => s.progress[goalId] !== undefined)) return { kind: 'goal' };
  const session = past[past.length - 1]!;
  const period = rel.agreement?.cadence?.days;
  return { kind: 'session', session, stale: !!period && daysBetween(session.date, today) > period };
}

/**
 * The names sessions may use for a goal: its id and, for a goal whose id was written almost as
 * one (`Über_Python.md`, `id: Learn-Go`), the name as written, which check takes without an error.
 */
export function goalNames(goal: Pick<Goal, 'id' | 'declaredId'>): string[] {
  return goal.declaredId && goal.declaredId !== goal.id ? [goal.id, goal.declaredId] : [goal.id];
}

/**
 * Whether a session of `rel` discusses a goal, by any of its names: lists it in `goals:`, records
 * its `progress:`, or mentions `[[id]]` in the body, except in an open action item carried over
 * from an earlier session (the same action, still open): a to-do copied along untouched is no
 * discussion of its goal, and counting it would hide a goal that is going stale.
 */
export function namesGoal(rel: Relationship, session: Session, names: readonly string[]): boolean {
  const ids = discussions(rel).get(session) ?? new Set(session.goals);
  return names.some((name) => ids.has(name));
}

const discussed = new WeakMap<Relationship, Map<Session, Set<string>>>();

/** The goal ids each session of `rel` discusses (namesGoal), worked out once per relationship. */
function discussions(rel: Relationship): Map<Session, Set<string>> {
  let out = discussed.get(rel);
  if (out) return out;
  out = new Map();
  const open = new Set<string>();
  for (const s of [...rel.sessions].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))) {
    const bodyRefs = s.references.filter((r) => r.via === 'body');
    const carried = bodyRefs.length ? s.actions.filter((a) => !a.done && open.has(actionKey(a.owner, a.text))) : [];
    const inCarried = (r: GoalReference) => carried.some((a) => within(r.range, a.source.range));
    out.set(s, new Set(s.references.filter((r) => r.via !== 'body' || !inCarried(r)).map((r) => r.id)));
    for (const a of s.actions) if (!a.done) open.add(actionKey(a.owner, a.text));
  }
  discussed.set(rel, out);
  return out;
}

const before = (p: Position, q: Position) => p.line < q.line || (p.line === q.line && p.column <= q.column);
const within = (inner: Range, outer: Range) => before(outer.start, inner.start) && before(inner.end, outer.end);

/** Progress values sessions recorded for a goal (by its id, or any of `names`), oldest first. */
export function progressHistory(goal: string | readonly string[], sessions: Session[]): ProgressPoint[] {
  const names = typeof goal === 'string' ? [goal] : goal;
  const points: ProgressPoint[] = [];
  for (const s of sessions) {
    let value: number | undefined;
    for (const n of names) if (value === undefined && Object.hasOwn(s.progress, n)) value = s.progress[n];
    if (value !== undefined) points.push({ date: s.date, progress: value, file: s.source.file });
  }
  return points;
}

/**
 * Latest progress: the last session that recorded one wins; otherwise the goal's own `progress`;
 * otherwise 100 for an achieved goal; otherwise unknown.
 */
function latestProgress(goal: Goal, history: ProgressPoint[]): Pick<GoalReport, 'progress' | 'progressSource'> {
  const last = history[history.length - 1];
  if (last) return { progress: last.progress, progressSource: 'session' };
  if (goal.progress !== undefined) return { progress: goal.progress, progressSource: 'goal' };
  if (goal.status === 'achieved') return { progress: 100, progressSource: 'status' };
  return { progressSource: 'none' };
}

/**
 * One report per goal. A goal counts as discussed by a held session that lists it in `goals:`,
 * records its `progress:` or mentions `[[id]]` in the body (not in a to-do carried over; namesGoal); cancelled and missed sessions did
 * not take place, so they never count as a discussion (their recorded progress still does).
 */
export function goalReports(rel: Relationship, actions: OpenAction[], today: string): GoalReport[] {
  return rel.goals.map((goal) => {
    const names = goalNames(goal);
    const history = progressHistory(names, rel.sessions);
    const discussedIn = rel.sessions.filter((s) => s.status === 'held' && namesGoal(rel, s, names)).map((s) => ({ date: s.date, file: s.source.file }));
    const last = discussedIn[discussedIn.length - 1];
    return {
      id: goal.id,
      title: goal.title,
      // A goal whose file could not be read: only its id is known (docs/review.md, Goals).
      owner: goal.unread ? 'unknown' : goal.owner,
      status: goal.status,
      ...(goal.success ? { success: goal.success } : {}),
      ...(goal.due ? { due: goal.due, daysLeft: daysBetween(today, goal.due) } : {}),
      ...(goal.created ? { created: goal.created } : {}),
      ...latestProgress(goal, history),
      history,
      discussedIn,
      ...(last ? { lastDiscussed: last.date } : {}),
      openActions: actions.filter((a) => a.goalRefs.includes(goal.id)),
      source: goal.source,
    };
  });
}
