import type { Relationship, Review } from '../types';
import type { RelationshipReport, ReviewChanges } from './types';

/**
 * The review to compare with on `today`: the latest saved review dated before today. A review
 * saved today is left out, because saving today's review again replaces it.
 */
export function latestReview(rel: Relationship, today: string): Review | undefined {
  const earlier = rel.reviews.filter((r) => r.date < today);
  return earlier[earlier.length - 1];
}

/**
 * What changed between a saved review's snapshot and the current report: the declared stage,
 * goals added or removed, and each goal's status and progress. Without a previous review the
 * result has no `previous` and empty lists. A progress the snapshot did not record counts as
 * a change only when the report now knows one.
 */
export function changesSince(previous: Review | undefined, report: RelationshipReport): ReviewChanges {
  const changes: ReviewChanges = { added: [], removed: [], changed: [] };
  if (!previous) return changes;
  changes.previous = { date: previous.date, file: previous.source.file };
  if (previous.stage !== report.declaredStage) {
    changes.stage = { ...(previous.stage ? { from: previous.stage } : {}), ...(report.declaredStage ? { to: report.declaredStage } : {}) };
  }
  const current = new Set(report.goals.map((g) => g.id));
  for (const goal of report.goals) {
    const before = previous.goals[goal.id];
    if (!before) {
      changes.added.push({ id: goal.id, title: goal.title, status: goal.status, ...(goal.progress !== undefined ? { progress: goal.progress } : {}) });
      continue;
    }
    const entry: ReviewChanges['changed'][number] = { id: goal.id, title: goal.title };
    // A status unknown now that the saved review did not record either (it was unknown then too) is no change.
    const unknownBoth = goal.status === 'unknown' && (before.status === undefined || (before.status as string) === 'unknown');
    if (before.status !== goal.status && !unknownBoth) entry.status = { ...(before.status ? { from: before.status } : {}), to: goal.status };
    if (before.progress !== goal.progress && goal.progress !== undefined) {
      entry.progress = { ...(before.progress !== undefined ? { from: before.progress } : {}), to: goal.progress };
    }
    if (entry.status || entry.progress) changes.changed.push(entry);
  }
  for (const [id, before] of Object.entries(previous.goals)) {
    if (!current.has(id)) changes.removed.push({ id, ...(before.status ? { status: before.status } : {}), ...(before.progress !== undefined ? { progress: before.progress } : {}) });
  }
  return changes;
}
