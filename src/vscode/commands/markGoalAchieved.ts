import { goalPath, setFrontMatterValue } from '../../core/edits';
import { applyEngineEdit, notify } from '../editing';
import type { RelationshipCommand } from './registry';
import { fileOf, resolveGoal } from './targets';

const ACTION = 'Mark goal achieved';

/**
 * Sets the goal's `status` to `achieved`, in its goal file or in its item of the agreement's
 * `goals:` list; nothing else changes (its `progress` stays as written). Argument: a goal node
 * of the Mentoring view, or `{ relationship, goal }`. Resolves with the URI of the edited file.
 */
export const markGoalAchieved: RelationshipCommand = {
  id: 'mentoringJournal.markGoalAchieved', action: ACTION, writes: true, target: 'relationship',
  async run(ctx, target, arg) {
    const goal = await resolveGoal(ctx, target, arg, ACTION, (g) => g.status !== 'achieved' && g.status !== 'dropped');
    if (!goal) return undefined;
    if (goal.status === 'achieved') {
      void notify(ctx, 'info', `${ACTION}: \`${goal.id}\` is already achieved.`);
      return undefined;
    }
    const uri = await applyEngineEdit(ctx, fileOf(target, goal.source.file), ACTION, (text) => setFrontMatterValue(text, goalPath(goal, 'status'), 'achieved'));
    if (uri) void notify(ctx, 'info', `Goal "${goal.title}" is marked achieved.`);
    return uri;
  },
};
