import { chainEdits, goalPath, setFrontMatterValue } from '../../core/edits';
import { applyEngineEdits, notify, type FileEdit } from '../editing';
import { journalProgress, progressPlace } from './progress';
import type { RelationshipCommand } from './registry';
import { fileOf, resolveGoal } from './targets';

const ACTION = 'Mark goal achieved';

/**
 * Sets the goal's `status` to `achieved` (in its goal file or its item of the agreement's
 * `goals:` list) and records its progress as 100 where the journal reads progress
 * (progressPlace: the newest session once one has recorded the goal, else the goal itself),
 * in one undo step. Argument: a goal node of the Mentoring view, or `{ relationship, goal }`.
 * Resolves with the URI of the goal's file.
 */
export const markGoalAchieved: RelationshipCommand = {
  id: 'mentoringJournal.markGoalAchieved', action: ACTION, writes: true, target: 'relationship',
  async run(ctx, target, arg) {
    const shown = journalProgress(ctx, target);
    const goal = await resolveGoal(ctx, target, arg, ACTION, (g) => g.status !== 'achieved' && g.status !== 'dropped', shown);
    if (!goal) return undefined;
    if (goal.status === 'achieved') {
      void notify(ctx, 'info', `${ACTION}: "${goal.title}" is already achieved.`);
      return undefined;
    }
    const uri = fileOf(target, goal.source.file);
    const status = (text: string) => setFrontMatterValue(text, goalPath(goal, 'status'), 'achieved');
    const parts: FileEdit[] = [{ uri, compute: status }];
    if (shown.get(goal.id) !== 100) {
      const place = await progressPlace(ctx, target, goal, arg, ACTION);
      if (!place) return undefined;
      const progress = (text: string) => setFrontMatterValue(text, place.path, 100);
      if (place.uri.toString() === uri.toString()) parts[0] = { uri, compute: (text) => chainEdits(text, [status, progress]) };
      else parts.push({ uri: place.uri, compute: progress });
    }
    if (!(await applyEngineEdits(ctx, ACTION, parts))) return undefined;
    void notify(ctx, 'info', `Goal "${goal.title}" is marked achieved, at 100%.`);
    return uri;
  },
};
