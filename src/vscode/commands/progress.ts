import * as vscode from 'vscode';
import { daysBetween, type Goal, type Session } from '../../core';
import { goalPath, type PathSegment } from '../../core/edits';
import { analyzeRelationship, progressHistory, progressHome } from '../../core/model';
import { fromToday } from '../../core/words';
import type { FeatureContext } from '../feature';
import { asArgs, fileOf, type Target } from './targets';

/** Where a new progress value of a goal is written, and how to say so. */
export interface ProgressPlace {
  uri: vscode.Uri;
  path: PathSegment[];
  /** "the session of 2026-11-18", "the goal file", "the agreement". */
  where: string;
}

/** The progress the journal shows for each goal today (the latest a session recorded, else the goal's own). */
export function journalProgress(ctx: FeatureContext, target: Target): Map<string, number | undefined> {
  const report = analyzeRelationship(target.relationship, ctx.service.today(), target.root.options);
  return new Map(report.goals.map((g) => [g.id, g.progress]));
}

function sessionPlace(target: Target, goal: Goal, session: Session): ProgressPlace {
  // Two sessions of one day (`2026-11-23.md`, `2026-11-23-2.md`): name the file.
  const sameDay = target.relationship.sessions.filter((s) => s.date === session.date).length > 1;
  const where = sameDay ? `the session of ${session.date} (${session.source.file.split('/').pop()})` : `the session of ${session.date}`;
  return { uri: fileOf(target, session.source.file), path: ['progress', goal.id], where };
}

/**
 * Where a new progress value of `goal` belongs, so that the view and the review show it at once
 * (the engine's progressHome): the newest session once a session has recorded the goal's
 * progress, else the goal itself. When the newest session is older than one cadence period, asks
 * which session the value belongs to (newest first, back to the one that last recorded the goal).
 * `{ session: 'YYYY-MM-DD' }` in the argument picks one without asking. Undefined: cancelled.
 */
export async function progressPlace(ctx: FeatureContext, target: Target, goal: Goal, arg: unknown, action: string): Promise<ProgressPlace | undefined> {
  const today = ctx.service.today();
  const home = progressHome(target.relationship, goal.id, today);
  if (home.kind === 'goal') {
    return { uri: fileOf(target, goal.source.file), path: goalPath(goal, 'progress'), where: goal.origin === 'agreement' ? 'the agreement' : 'the goal file' };
  }
  const past = target.relationship.sessions.filter((s) => s.date <= today);
  const wanted = asArgs<{ session: string }>(arg).session;
  if (wanted !== undefined) {
    const session = past.find((s) => s.date === wanted || s.source.file === wanted);
    return session ? sessionPlace(target, goal, session) : undefined;
  }
  if (!home.stale) return sessionPlace(target, goal, home.session);
  const lastRecorded = progressHistory(goal.id, past).at(-1)!.date;
  const choices = past.filter((s) => s.date >= lastRecorded).reverse();
  const picked = await vscode.window.showQuickPick(
    choices.map((s, i) => ({
      label: `Session of ${s.date}`,
      description: `${fromToday(daysBetween(today, s.date))}${i === 0 ? ' · the newest' : ''}`,
      session: s,
    })),
    {
      title: `${action}: ${goal.title}`,
      placeHolder: `The newest session is more than one cadence period old: which session does this progress belong to? (Or prepare today's with New session first.)`,
    },
  );
  return picked && sessionPlace(target, goal, picked.session);
}
