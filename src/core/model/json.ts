import type { RecordKeeping } from '../history';
import type { GoalStatus, GoalStatusRead, Severity, SourceRef, Stage } from '../types';
import type { CadenceHealth, GoalReport, JournalReport, OpenAction, ProgressPoint, RelationshipReport, ReviewChanges, SessionRef, Signal } from './types';

/** An open action item in JSON; absent values are `null` so every key is always present. */
export interface ActionJson {
  text: string;
  owner: string | null;
  due: string | null;
  /** A `(due ...)` date that names no real day, as written (then `due` is null); null otherwise. */
  invalidDue: string | null;
  daysLeft: number | null;
  overdue: boolean;
  goals: string[];
  session: string;
  source: SourceRef;
}

/** A goal's figures in JSON (see {@link GoalReport}). */
export interface GoalJson {
  id: string;
  title: string;
  owner: string;
  status: GoalStatusRead;
  success: string | null;
  due: string | null;
  daysLeft: number | null;
  progress: number | null;
  progressSource: GoalReport['progressSource'];
  lastDiscussed: string | null;
  sessions: SessionRef[];
  history: ProgressPoint[];
  openActions: ActionJson[];
  source: SourceRef;
  /** Changes of status, progress, due and success read from git, oldest first; null without git history. */
  changes: GoalChangeJson[] | null;
}

/** One change of a goal's field in JSON; `from`/`to` are null when the field was first written/removed. */
export interface GoalChangeJson {
  field: string;
  from: string | number | null;
  to: string | number | null;
  date: string;
  author: string;
  email: string;
  commit: string;
}

/** Who first committed the held sessions' files, in JSON; see {@link RecordKeeping}. */
export interface RecordsJson {
  partners: Array<{ name: string; role: 'mentor' | 'mentee'; sessions: number }>;
  others: Array<{ name: string; email: string; sessions: number }>;
  uncommitted: number;
  sessions: Array<{ file: string; date: string; commit: string; committed: string; author: string; email: string; partner: string | null }>;
}

/** A closure in JSON: its date, outcome and reflection as the agreement writes them (`null` where not written or not valid). */
export interface ClosureJson {
  date: string;
  outcome: string | null;
  reflection: string | null;
}

/** What changed since the previous saved review, in JSON (see {@link ReviewChanges}); every key present, `null` where nothing is known or nothing changed. */
export interface ChangesJson {
  previous: { date: string; file: string } | null;
  /** null when the declared stage did not change. */
  stage: { from: Stage | null; to: Stage | null } | null;
  added: Array<{ id: string; title: string; status: GoalStatusRead; progress: number | null }>;
  removed: Array<{ id: string; status: GoalStatus | null; progress: number | null }>;
  /** `status`/`progress` null when that field did not change; `from` null when it was not known before. */
  changed: Array<{ id: string; title: string; status: { from: GoalStatus | null; to: GoalStatusRead } | null; progress: { from: number | null; to: number } | null }>;
}

/** Cadence health in JSON (see {@link CadenceHealth}). */
export interface CadenceJson {
  cadence: string | null;
  cadenceDays: number | null;
  lastHeld: string | null;
  daysSinceLastHeld: number | null;
  held: number;
  missed: number;
  cancelled: number;
  nextMeeting: string | null;
  daysToNext: number | null;
  /** When the next session is due: `next:`, else the last held session plus the cadence (see `CadenceHealth.nextSession`). */
  nextSession: { date: string; from: 'next' | 'cadence' | 'agenda'; daysTo: number } | null;
  overdue: boolean;
  overdueDays: number;
  overdueBy: CadenceHealth['overdueBy'] | null;
}

/** One held session's pulse in JSON: 1-5 per partner, `null` when that partner gave none. */
export interface PulseJson {
  date: string;
  mentor: number | null;
  mentee: number | null;
  session: string;
}

/** A signal in JSON; `goal` is the goal id for goal signals. */
export interface SignalJson {
  code: string;
  severity: Severity;
  message: string;
  advice: string;
  goal: string | null;
  source: SourceRef | null;
}

/** One relationship's review as printed by `mentoring-journal review --format json`. */
export interface RelationshipJson {
  id: string;
  /** Mentor names joined with `, ` (several for group mentoring); null when the agreement names none or could not be read. */
  mentor: string | null;
  mentee: string | null;
  mentors: string[];
  mentees: string[];
  format: string | null;
  formality: string | null;
  started: string | null;
  ends: string | null;
  daysLeft: number | null;
  /** Share of the partnership's time gone by, 0-1, to three decimals. */
  elapsed: number | null;
  /** The closure once in force (dated on or before `today`). */
  closure: ClosureJson | null;
  /** A closure recorded for a day after `today`: the partnership goes on until then. */
  plannedClosure: ClosureJson | null;
  agreement: string;
  stage: { declared: Stage | null; inferred: Stage; reasons: string[] };
  goals: GoalJson[];
  cadence: CadenceJson;
  actions: ActionJson[];
  /** The pulse of each held session that records one, oldest first. */
  pulse: PulseJson[];
  signals: SignalJson[];
  changes: ChangesJson;
  /** Files left out of the review because of an unresolved merge conflict; empty when none. */
  conflicted: string[];
  /** Session files whose front matter or date could not be read, so not counted; empty when none. */
  unreadSessions: string[];
  /** Who keeps the record, read from git; null without git history. */
  records: RecordsJson | null;
}

/** A whole journal's review in JSON. */
export interface JournalJson {
  today: string;
  relationships: RelationshipJson[];
}

const nil = <T>(value: T | undefined): T | null => (value === undefined ? null : value);
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function actionJson(a: OpenAction): ActionJson {
  return { text: a.text, owner: nil(a.owner), due: nil(a.due), invalidDue: nil(a.invalidDue), daysLeft: nil(a.daysLeft), overdue: a.overdue, goals: [...a.goalRefs], session: a.sessionDate, source: copy(a.source) };
}

function goalJson(g: GoalReport): GoalJson {
  return {
    id: g.id,
    title: g.title,
    owner: g.owner,
    status: g.status,
    success: nil(g.success),
    due: nil(g.due),
    daysLeft: nil(g.daysLeft),
    progress: nil(g.progress),
    progressSource: g.progressSource,
    lastDiscussed: nil(g.lastDiscussed),
    sessions: copy(g.discussedIn),
    history: copy(g.history),
    openActions: g.openActions.map(actionJson),
    source: copy(g.source),
    changes: g.fieldHistory ? g.fieldHistory.map((c) => ({ field: c.field, from: nil(c.from), to: nil(c.to), date: c.date, author: c.author.name, email: c.author.email, commit: c.commit })) : null,
  };
}

function recordsJson(r: RecordKeeping): RecordsJson {
  return {
    partners: r.partners.map((p) => ({ ...p })),
    others: r.others.map((o) => ({ ...o })),
    uncommitted: r.uncommitted,
    sessions: r.sessions.map((s) => ({ file: s.file, date: s.date, commit: s.commit, committed: s.committed, author: s.author.name, email: s.author.email, partner: s.partner?.name ?? null })),
  };
}

function cadenceJson(c: CadenceHealth): CadenceJson {
  return {
    cadence: nil(c.cadence?.label),
    cadenceDays: nil(c.cadence?.days),
    lastHeld: nil(c.lastHeld),
    daysSinceLastHeld: nil(c.daysSinceLastHeld),
    held: c.held,
    missed: c.missed,
    cancelled: c.cancelled,
    nextMeeting: nil(c.nextMeeting),
    daysToNext: nil(c.daysToNext),
    nextSession: c.nextSession ? { ...c.nextSession } : null,
    overdue: c.overdue,
    overdueDays: c.overdueDays,
    overdueBy: nil(c.overdueBy),
  };
}

function closureJson(c: RelationshipReport['closure']): ClosureJson | null {
  return c ? { date: c.date, outcome: c.outcome ?? null, reflection: c.reflection ?? null } : null;
}

function changesJson(c: ReviewChanges): ChangesJson {
  return {
    previous: c.previous ? { date: c.previous.date, file: c.previous.file } : null,
    stage: c.stage ? { from: nil(c.stage.from), to: nil(c.stage.to) } : null,
    added: c.added.map((g) => ({ id: g.id, title: g.title, status: g.status, progress: nil(g.progress) })),
    removed: c.removed.map((g) => ({ id: g.id, status: nil(g.status), progress: nil(g.progress) })),
    changed: c.changed.map((g) => ({
      id: g.id,
      title: g.title,
      status: g.status ? { from: nil(g.status.from), to: g.status.to } : null,
      progress: g.progress ? { from: nil(g.progress.from), to: g.progress.to } : null,
    })),
  };
}

function signalJson(s: Signal): SignalJson {
  return { code: s.code, severity: s.severity, message: s.message, advice: s.advice, goal: nil(s.goalId), source: s.source ? copy(s.source) : null };
}

function relationshipJson(r: RelationshipReport): RelationshipJson {
  return {
    id: r.id,
    mentor: r.mentors.length ? r.mentors.join(', ') : null,
    mentee: r.mentees.length ? r.mentees.join(', ') : null,
    mentors: [...r.mentors],
    mentees: [...r.mentees],
    format: nil(r.format),
    formality: nil(r.formality),
    started: nil(r.started),
    ends: nil(r.ends),
    daysLeft: nil(r.daysLeft),
    elapsed: r.elapsed === undefined ? null : Math.round(r.elapsed * 1000) / 1000,
    closure: closureJson(r.closure),
    plannedClosure: closureJson(r.plannedClosure),
    agreement: r.agreementFile,
    stage: { declared: nil(r.declaredStage), inferred: r.inferred.stage, reasons: [...r.inferred.reasons] },
    goals: r.goals.map(goalJson),
    cadence: cadenceJson(r.cadence),
    actions: r.actions.map(actionJson),
    pulse: r.pulse.map((p) => ({ date: p.date, mentor: nil(p.mentor), mentee: nil(p.mentee), session: p.file })),
    signals: r.signals.map(signalJson),
    changes: changesJson(r.changes),
    conflicted: [...(r.conflicted ?? [])],
    unreadSessions: [...(r.unreadSessions ?? [])],
    records: r.records ? recordsJson(r.records) : null,
  };
}

/**
 * A report as plain JSON-safe data (no `undefined`, no shared references): a journal report
 * becomes `{ today, relationships: [...] }`, a relationship report one relationship object.
 */
export function reviewToJson(report: JournalReport): JournalJson;
export function reviewToJson(report: RelationshipReport): RelationshipJson;
export function reviewToJson(report: JournalReport | RelationshipReport): JournalJson | RelationshipJson {
  if ('relationships' in report) return { today: report.today, relationships: report.relationships.map(relationshipJson) };
  return relationshipJson(report);
}
