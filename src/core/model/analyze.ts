import { daysBetween } from '../dates';
import { DEFAULT_OPTIONS, type EngineOptions, type Relationship } from '../types';
import { cadenceHealth } from './cadence';
import { changesSince, latestReview } from './changes';
import { goalReports, openActions } from './goals';
import { computeSignals } from './signals';
import { inferStage } from './stage';
import type { JournalReport, RelationshipReport } from './types';

/** Share of the partnership's time gone by on `today`, clamped to 0-1; undefined without both dates. */
function elapsedShare(started: string | undefined, ends: string | undefined, today: string): number | undefined {
  if (!started || !ends) return undefined;
  const total = daysBetween(started, ends);
  if (total <= 0) return undefined;
  return Math.min(1, Math.max(0, daysBetween(started, today) / total));
}

/**
 * Analyzes one relationship as of `today` (`YYYY-MM-DD`): stage declared and inferred, goals,
 * cadence health, open actions, signals and the changes since the latest review saved before
 * today. Pure and deterministic: the same relationship, date and options give the same report.
 * Sessions dated after `today` are left out. A relationship without a readable agreement still
 * gets a report (no partners, stage creating).
 */
export function analyzeRelationship(relationship: Relationship, today: string, options: Partial<EngineOptions> = {}): RelationshipReport {
  const opts = { ...DEFAULT_OPTIONS, ...options };
  // Sessions dated after today have not happened yet (an agenda written ahead) or, with an earlier
  // `today`, had not happened then: the review is as of `today`, so it leaves them out.
  const rel: Relationship = { ...relationship, sessions: relationship.sessions.filter((s) => s.date <= today) };
  const agreement = rel.agreement;
  const actions = openActions(rel.sessions, today);
  const goals = goalReports(rel, actions, today);
  const cadence = cadenceHealth(rel, today, opts.graceDays);
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
    ...(agreement?.closure ? { closure: { date: agreement.closure.date, outcome: agreement.closure.outcome } } : {}),
    agreementFile: rel.agreementFile,
    ...(agreement?.stage ? { declaredStage: agreement.stage } : {}),
    inferred,
    goals,
    cadence,
    sessions: rel.sessions.map((s) => ({ date: s.date, status: s.status, file: s.source.file })),
    pulse: rel.sessions.flatMap((s) => (s.status === 'held' && s.pulse ? [{ date: s.date, ...s.pulse, file: s.source.file }] : [])),
    actions,
    signals: computeSignals({ rel, today, options: opts, inferred, goals, cadence, actions }),
    changes: { added: [], removed: [], changed: [] },
  };
  report.changes = changesSince(latestReview(rel, today), report);
  if (rel.conflicted?.length) report.conflicted = [...rel.conflicted];
  return report;
}

/** Analyzes every relationship of a journal as of `today`, in the order given. */
export function analyzeJournal(rels: Relationship[], today: string, options: Partial<EngineOptions> = {}): JournalReport {
  return { today, relationships: rels.map((rel) => analyzeRelationship(rel, today, options)) };
}
