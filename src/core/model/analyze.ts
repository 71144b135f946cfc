import { daysBetween } from '../dates';
import type { GoalFieldChange, RelationshipHistory } from '../history';
import { DEFAULT_OPTIONS, type Agreement, type EngineOptions, type Relationship } from '../types';
import { cadenceHealth, closureInForce, plannedClosure } from './cadence';
import { changesSince, latestReview } from './changes';
import { goalReports, openActions } from './goals';
import { gitSignals } from './gitSignals';
import { computeSignals } from './signals';
import { inferStage } from './stage';
import type { GoalReport, JournalReport, RelationshipReport } from './types';
import type { RecordKeeping } from '../history';

/** Share of the partnership's time gone by on `today`, clamped to 0-1; undefined without both dates. */
function elapsedShare(started: string | undefined, ends: string | undefined, today: string): number | undefined {
  if (!started || !ends) return undefined;
  const total = daysBetween(started, ends);
  if (total <= 0) return undefined;
  return Math.min(1, Math.max(0, daysBetween(started, today) / total));
}

/** The agreement without the signatures given after `today` (nothing when there are none). */
function signedAsOf(relationship: Relationship, today: string): Pick<Relationship, 'agreement'> | undefined {
  const agreement = relationship.agreement;
  const { mentor, mentee } = agreement?.signed ?? {};
  if (!agreement || ((!mentor || mentor <= today) && (!mentee || mentee <= today))) return undefined;
  return { agreement: { ...agreement, signed: { ...(mentor && mentor <= today ? { mentor } : {}), ...(mentee && mentee <= today ? { mentee } : {}) } } };
}

/**
 * Analyzes one relationship as of `today` (`YYYY-MM-DD`): stage declared and inferred, goals,
 * cadence health, open actions, signals and the changes since the latest review saved before
 * today. Pure and deterministic: the same relationship, date and options give the same report.
 * Sessions and signatures dated after `today` are left out, except for the action items of
 * agendas (sessions written ahead): the open actions are the journal's as they stand. A relationship without a readable
 * agreement still gets a report (no partners, stage creating). With `history` (read from git by the host), goals
 * carry their field history, the report who keeps the record, and the git signals are raised.
 */
export function analyzeRelationship(relationship: Relationship, today: string, options: Partial<EngineOptions> = {}, history?: RelationshipHistory): RelationshipReport {
  const opts = { ...DEFAULT_OPTIONS, ...options };
  // Sessions dated after today have not happened yet (an agenda written ahead) or, with an earlier
  // `today`, had not happened then: the review is as of `today`, so it leaves them out.
  // So had signatures dated after `today`: the agreement is signed as of the day each was given.
  const rel: Relationship = { ...relationship, ...signedAsOf(relationship, today), sessions: relationship.sessions.filter((s) => s.date <= today) };
  const agreement = rel.agreement;
  // The to-do list is the journal's as it stands, agendas included, as `actions`, the Actions
  // view and the calendar have it: an item carried over into an agenda and ticked there is done
  // (the Actions view's checkbox ticks it there), and an item written in an agenda is open.
  const actions = openActions(relationship.sessions, today);
  const goals = goalReports(rel, actions, today);
  const records = history ? withHistory(rel, goals, history, today) : undefined;
  // The earliest session written ahead: the next meeting is prepared for its day.
  // (One already called off, `status: cancelled` or `missed`, is no plan.)
  const ahead = relationship.sessions.find((s) => s.date > today && s.status === 'held');
  const cadence = cadenceHealth(rel, today, opts.graceDays, ahead && { date: ahead.date, file: ahead.source.file });
  const inferred = inferStage(rel, today);
  const elapsed = elapsedShare(agreement?.started, agreement?.ends, today);
  const report: RelationshipReport = {
    id: rel.id,
    today,
    mentors: agreement?.mentors.map((p) => p.name) ?? [],
    mentees: agreement?.mentees.map((p) => p.name) ?? [],
    ...(agreement ? { format: agreement.format, formality: agreement.formality } : {}),
    ...(agreement?.started ? { started: agreement.started } : {}),
    ...(agreement?.ends ? { ends: agreement.ends, daysLeft: daysBetween(today, agreement.ends) } : {}),
    ...(elapsed !== undefined ? { elapsed } : {}),
    ...closureFacts(agreement, today),
    agreementFile: rel.agreementFile,
    ...(agreement?.stage ? { declaredStage: agreement.stage } : agreement?.stageInvalid ? { declaredStageInvalid: true as const } : {}),
    inferred,
    goals,
    cadence,
    sessions: rel.sessions.map((s) => ({ date: s.date, status: s.status, file: s.source.file })),
    pulse: rel.sessions.flatMap((s) => (s.status === 'held' && s.pulse ? [{ date: s.date, ...s.pulse, file: s.source.file }] : [])),
    actions,
    signals: [...computeSignals({ rel, today, options: opts, inferred, goals, cadence, actions, ...(ahead ? { agenda: ahead } : {}) }), ...gitSignals(rel, today, goals, records)],
    changes: { added: [], removed: [], changed: [] },
  };
  report.changes = changesSince(latestReview(rel, today), report);
  if (rel.conflicted?.length) report.conflicted = [...rel.conflicted];
  if (rel.unreadSessions?.length) report.unreadSessions = [...rel.unreadSessions];
  if (rel.unreadFolders?.length) report.unreadFolders = [...rel.unreadFolders];
  if (rel.agreementUnread) report.agreementUnread = { file: rel.agreementUnread.file, line: rel.agreementUnread.range.start.line };
  if (records) report.records = records;
  return report;
}

/**
 * A goal's changes made up to `today` (oldest first). A change dated later (a commit with an author
 * date ahead) is left out, and a change made on top of it reads as made on what it replaced: its
 * `from` is the value before the one left out, so that the values run on from change to change
 * as the review's chain of them does (`2026-06-30 → 2026-08-31`, not `from` a date it never shows).
 */
function changesAsOf(changes: readonly GoalFieldChange[], today: string): GoalFieldChange[] {
  const out: GoalFieldChange[] = [];
  /** By field, what the changes left out since the last one kept went from and to. */
  const skipped = new Map<string, { from: GoalFieldChange['from']; to: GoalFieldChange['to'] }>();
  for (const c of changes) {
    const gap = skipped.get(c.field);
    if (c.date > today) {
      skipped.set(c.field, { from: gap && gap.to === c.from ? gap.from : c.from, to: c.to });
      continue;
    }
    skipped.delete(c.field);
    const { from: _from, ...rest } = c;
    const from = gap && gap.to === c.from ? gap.from : c.from;
    out.push({ ...rest, ...(from !== undefined ? { from } : {}), author: { ...c.author } });
  }
  return out;
}

/** Puts git's history on the goals (changes up to `today`) and returns the record keeping of sessions up to `today`. */
function withHistory(rel: Relationship, goals: GoalReport[], history: RelationshipHistory, today: string): RecordKeeping {
  for (const g of goals) g.fieldHistory = changesAsOf(history.goals[g.id] ?? [], today);
  const held = new Set(rel.sessions.map((s) => s.source.file));
  // As of today: a session first committed after it was not committed yet on that day.
  const sessions = history.records.sessions.filter((s) => held.has(s.file) && s.committed <= today);
  const count = (name: string, role: string) => sessions.filter((s) => s.partner?.name === name && s.partner.role === role).length;
  const others = history.records.others
    .map((o) => ({ ...o, sessions: sessions.filter((s) => !s.partner && s.author.name === o.name && s.author.email.toLowerCase() === o.email.toLowerCase()).length }))
    .filter((o) => o.sessions > 0);
  return {
    partners: history.records.partners.map((p) => ({ ...p, sessions: count(p.name, p.role) })),
    others,
    uncommitted: rel.sessions.filter((s) => s.status === 'held').length - sessions.length,
    sessions: sessions.map((s) => ({ ...s, author: { ...s.author }, ...(s.partner ? { partner: { ...s.partner } } : {}) })),
  };
}

/** Analyzes every relationship of a journal as of `today`, in the order given. */
export function analyzeJournal(rels: Relationship[], today: string, options: Partial<EngineOptions> | ((rel: Relationship) => Partial<EngineOptions>) = {}, history?: ReadonlyMap<string, RelationshipHistory>): JournalReport {
  // One set of options for all, or each relationship's own (a config file of its cohort, say).
  const of = typeof options === 'function' ? options : () => options;
  return { today, relationships: rels.map((rel) => analyzeRelationship(rel, today, of(rel), history?.get(rel.id))) };
}

/** The report's `closure` (in force) or `plannedClosure` (dated after today), with the outcome where it is valid. */
function closureFacts(agreement: Agreement | undefined, today: string): Pick<RelationshipReport, 'closure' | 'plannedClosure'> {
  const fact = (c: NonNullable<Agreement['closure']>) => ({ date: c.date, ...(c.outcome ? { outcome: c.outcome } : {}), ...(c.reflection ? { reflection: c.reflection } : {}) });
  const closure = closureInForce(agreement, today);
  if (closure) return { closure: fact(closure) };
  const planned = plannedClosure(agreement, today);
  return planned ? { plannedClosure: fact(planned) } : {};
}
