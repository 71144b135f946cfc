import { STAGES, type Stage } from '../../core';
import * as vscode from 'vscode';
import { advanceStageTo, nextStage, readFrontMatterValue, type EditResult } from '../../core/edits';
import { stageHint } from '../../core/templates';
import { applyEngineEdit, notify } from '../editing';
import type { RelationshipCommand } from './registry';
import { asArgs, fileOf, labelOf } from './targets';

/** A stage as written: its name, or its number 1-4. */
function asStage(value: unknown): Stage | undefined {
  if (typeof value === 'number') return STAGES[value - 1];
  return (STAGES as readonly unknown[]).includes(value) ? (value as Stage) : undefined;
}

const ACTION = 'Advance stage';

const ANYWAY = 'Advance anyway';

/**
 * Moves the agreement's `stage` to the next one (creating → building → mastery → moving-on),
 * or to `{ stage }` when given. The current stage is read from the agreement's text as it is now
 * (unsaved edits included). When the agreement is not signed by both, it asks first (a modal
 * warning, "Advance anyway"; `{ force: true }` skips the question for scripts). The stage hint a
 * template wrote above `stage:` is replaced with the new stage's, in the same undo step; the
 * user's own comments stay.
 */
export const advanceStage: RelationshipCommand = {
  id: 'mentoringJournal.advanceStage', action: ACTION, writes: true, target: 'relationship',
  async run(ctx, target, arg) {
    const label = labelOf(target.relationship);
    const wanted = asArgs<{ stage: string }>(arg).stage;
    if (wanted !== undefined && !asStage(wanted)) {
      void notify(ctx, 'error', `${ACTION}: \`${wanted}\` is not a stage; the stages are ${STAGES.join(', ')}.`);
      return undefined;
    }
    const agreement = target.relationship.agreement;
    const unreadable = target.relationship.agreementUnread;
    if (unreadable) {
      void notify(ctx, 'error', `${ACTION}: the agreement of ${label} cannot be read (see the problem on line ${unreadable.range.start.line} of ${unreadable.file}); fix it first. Nothing was changed.`);
      return undefined;
    }
    if (wanted === undefined && agreement?.stage === 'moving-on') {
      void notify(ctx, 'info', `${ACTION}: ${label} is at the last stage, moving-on. Record the closure in the agreement when the partnership ends.`);
      return undefined;
    }
    const signed = agreement?.signed ?? {};
    const unsigned = [!signed.mentor && 'mentor', !signed.mentee && 'mentee'].filter(Boolean);
    const intended = asStage(wanted) ?? nextStage(agreement?.stage);
    if (unsigned.length && intended !== 'creating' && !asArgs<{ force: boolean }>(arg).force) {
      const answer = await vscode.window.showWarningMessage(
        `${label}: the agreement is not signed by the ${unsigned.join(' and ')} yet.`,
        { modal: true, detail: 'Completing the agreement, signatures included, is what the first stage is for. Advance the stage anyway?' },
        ANYWAY,
      );
      if (answer !== ANYWAY) return undefined;
    }
    let from: Stage | undefined;
    let to: Stage | undefined;
    const uri = await applyEngineEdit(ctx, fileOf(target, target.relationship.agreementFile), ACTION, (text): EditResult => {
      const written = readFrontMatterValue(text, ['stage']);
      from = asStage(written) ?? agreement?.stage;
      // A stage that is written but is none (`Building`): the next one is not known, so nothing is guessed.
      if (wanted === undefined && written !== undefined && written !== null && !asStage(written)) {
        return { ok: false, error: `\`stage\` is \`${String(written)}\`, which is not a stage (${STAGES.join(', ')}, or 1-4): correct it first (the Problems panel offers the fix). Nothing was changed.` };
      }
      to = asStage(wanted) ?? nextStage(from);
      return to ? advanceStageTo(text, to, stageHint) : { ok: false, error: 'The relationship is already at the last stage, moving-on. Nothing was changed.' };
    });
    if (!uri) return undefined;
    const note = to !== 'creating' && unsigned.length ? ` The agreement is not signed by the ${unsigned.join(' and ')} yet.` : '';
    void notify(ctx, note ? 'warning' : 'info', `Stage of ${label}: ${from ?? 'none'} → ${to}.${note}`);
    return uri;
  },
};
