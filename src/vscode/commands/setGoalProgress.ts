import * as vscode from 'vscode';
import { goalPath, setFrontMatterValue } from '../../core/edits';
import { progressHistory } from '../../core/model';
import { applyEngineEdit, notify } from '../editing';
import type { RelationshipCommand } from './registry';
import { asArgs, fileOf, resolveGoal } from './targets';

/** Why a text is not a progress value, or undefined when it is a whole number from 0 to 100. */
export function progressProblem(text: string): string | undefined {
  return /^\s*(100|[1-9]?\d)\s*$/.test(text) ? undefined : 'Enter a whole number from 0 to 100.';
}

const ACTION = 'Set goal progress';

/**
 * Sets the goal's `progress` (0-100) where the goal is defined; nothing else changes. When a
 * session has recorded a different progress for the goal, says that the session's value is the
 * one the journal shows.
 * Argument: a goal node, or `{ relationship, goal, progress }`; otherwise it asks.
 */
export const setGoalProgress: RelationshipCommand = {
  id: 'mentoringJournal.setGoalProgress', action: ACTION, writes: true, target: 'relationship',
  async run(ctx, target, arg) {
    const goal = await resolveGoal(ctx, target, arg, ACTION);
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
        value: String(goal.progress ?? 0),
        validateInput: progressProblem,
      });
      if (text === undefined) return undefined;
      progress = Number(text.trim());
    }
    const written = await applyEngineEdit(ctx, fileOf(target, goal.source.file), ACTION, (text) => setFrontMatterValue(text, goalPath(goal, 'progress'), progress));
    // The journal's progress is the latest a session recorded; the goal's own value counts only
    // until a session records one. Say so, rather than leave the view showing the old figure.
    const recorded = progressHistory(goal.id, target.relationship.sessions).at(-1);
    if (written && recorded && recorded.progress !== progress) {
      void notify(
        ctx,
        'info',
        `Set \`progress: ${progress}\` in the goal. The view and Review goals still show ${recorded.progress}%, recorded by the session of ${recorded.date}: the latest progress a session records counts. Record ${progress} under \`progress:\` in your next session to move it.`,
      );
    }
    return written;
  },
};
