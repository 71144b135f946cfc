import * as vscode from 'vscode';
import type { Feature, FeatureContext } from '../feature';
import { editingApi } from '../editing';
import { ADVANCE_STAGE, advanceStage } from './advanceStage';
import { MARK_GOAL_ACHIEVED, markGoalAchieved } from './markGoalAchieved';
import { NEW_GOAL, newGoal } from './newGoal';
import { NEW_RELATIONSHIP, newRelationship } from './newRelationship';
import { NEW_SESSION, newSession } from './newSession';
import { OPEN_AGREEMENT, openAgreement } from './openAgreement';
import { SET_GOAL_PROGRESS, setGoalProgress } from './setGoalProgress';

const COMMANDS: Record<string, (ctx: FeatureContext, arg?: unknown) => Promise<unknown>> = {
  [NEW_RELATIONSHIP]: newRelationship,
  [NEW_SESSION]: newSession,
  [NEW_GOAL]: newGoal,
  [MARK_GOAL_ACHIEVED]: markGoalAchieved,
  [SET_GOAL_PROGRESS]: setGoalProgress,
  [ADVANCE_STAGE]: advanceStage,
  [OPEN_AGREEMENT]: openAgreement,
};

/**
 * The journal commands: New relationship, New session, New goal, Mark goal achieved, Set goal
 * progress, Advance stage and Open agreement. (Review goals lives with its panel in review/.)
 * Each takes a Mentoring view node, an argument object, or nothing (then it asks).
 */
export const registerJournalCommands: Feature = (ctx) => {
  editingApi(ctx.api);
  return vscode.Disposable.from(...Object.entries(COMMANDS).map(([id, run]) => vscode.commands.registerCommand(id, (arg?: unknown) => run(ctx, arg))));
};
