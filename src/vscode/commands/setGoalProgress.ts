import * as vscode from 'vscode';
import { setFrontMatterValue } from '../../core/edits';
import { applyEngineEdit, notify } from '../editing';
import { journalProgress, progressPlace } from './progress';
import type { RelationshipCommand } from './registry';
import { asArgs, resolveGoal } from './targets';

/** Why a text is not a progress value, or undefined when it is a whole number from 0 to 100. */
export function progressProblem(text: string): string | undefined {
  return /^\s*(100|[1-9]?\d)\s*$/.test(text) ? undefined : 'Enter a whole number from 0 to 100.';
}

const ACTION = 'Set goal progress';

/**
 * Records a goal's progress (0-100) where the journal reads it, so the view and the review
 * show it at once: in the newest session's `progress:` map once a session has recorded the
 * goal, else in the goal itself (progressPlace; it asks which session when the newest is older
 * than one cadence period). Only that value changes, in one undo step.
 * Argument: a goal node, or `{ relationship, goal, progress, session? }`; otherwise it asks.
 */
export const setGoalProgress: RelationshipCommand = {
  id: 'mentoringJournal.setGoalProgress', action: ACTION, writes: true, target: 'relationship',
  async run(ctx, target, arg) {
    const shown = journalProgress(ctx, target);
    const goal = await resolveGoal(ctx, target, arg, ACTION, undefined, shown);
    if (!goal) return undefined;
    const given = asArgs<{ progress: number }>(arg).progress;
    let progress: number;
    if (given !== undefined) {
      if (progressProblem(String(given))) {
        void notify(ctx, 'error', `${ACTION}: ${given} is not a progress value. ${progressProblem(String(given))}`);
        return undefined;
      }
      progress = Number(given);
    } else {
      const text = await vscode.window.showInputBox({
        title: `${ACTION}: ${goal.title}`,
        prompt: 'Progress, 0-100',
        value: String(shown.get(goal.id) ?? 0),
        validateInput: progressProblem,
      });
      if (text === undefined) return undefined;
      progress = Number(text.trim());
    }
    const place = await progressPlace(ctx, target, goal, arg, ACTION);
    if (!place) return undefined;
    const written = await applyEngineEdit(ctx, place.uri, ACTION, (text) => setFrontMatterValue(text, place.path, progress));
    if (written) void notify(ctx, 'info', `Progress of "${goal.title}": ${progress}%, recorded in ${place.where}.`);
    return written;
  },
};
