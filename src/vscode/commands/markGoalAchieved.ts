import type * as vscode from 'vscode';
import { goalPath, setFrontMatterValue } from '../../core/edits';
import { applyEngineEdit, notify, requireTrust } from '../editing';
import type { FeatureContext } from '../feature';
import { fileOf, resolveGoal, resolveRelationship } from './targets';

export const MARK_GOAL_ACHIEVED = 'mentoringJournal.markGoalAchieved';
const ACTION = 'Mark goal achieved';

/**
 * Sets the goal's `status` to `achieved`, in its goal file or in its item of the agreement's
 * `goals:` list; nothing else changes (its `progress` stays as written). Argument: a goal node
 * of the Mentoring view, or `{ relationship, goal }`. Resolves with the URI of the edited file.
 */
export async function markGoalAchieved(ctx: FeatureContext, arg?: unknown): Promise<vscode.Uri | undefined> {
  if (!requireTrust(ctx, ACTION)) return undefined;
  const target = await resolveRelationship(ctx, arg, ACTION);
  if (!target) return undefined;
  const goal = await resolveGoal(ctx, target, arg, ACTION, (g) => g.status !== 'achieved' && g.status !== 'dropped');
  if (!goal) return undefined;
  if (goal.status === 'achieved') {
    void notify(ctx, 'info', `${ACTION}: \`${goal.id}\` is already achieved.`);
    return undefined;
  }
  const uri = await applyEngineEdit(ctx, fileOf(target, goal.source.file), ACTION, (text) => setFrontMatterValue(text, goalPath(goal, 'status'), 'achieved'));
  if (uri) void notify(ctx, 'info', `Goal "${goal.title}" is marked achieved.`);
  return uri;
}
