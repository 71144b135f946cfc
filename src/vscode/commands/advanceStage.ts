import type * as vscode from 'vscode';
import { STAGES, type Stage } from '../../core';
import { nextStage, setStage } from '../../core/edits';
import { applyEngineEdit, notify, requireTrust } from '../editing';
import type { FeatureContext } from '../feature';
import { asArgs, fileOf, relationshipLabel, resolveRelationship } from './targets';

export const ADVANCE_STAGE = 'mentoringJournal.advanceStage';
const ACTION = 'Advance stage';

/**
 * Moves the agreement's `stage` to the next one (creating → building → mastery → moving-on),
 * or to `{ stage }` when given; only that value changes. Leaving the creating stage without
 * both signatures is allowed, with a warning: the diagnostics report it too.
 */
export async function advanceStage(ctx: FeatureContext, arg?: unknown): Promise<vscode.Uri | undefined> {
  if (!requireTrust(ctx, ACTION)) return undefined;
  const target = await resolveRelationship(ctx, arg, ACTION);
  if (!target) return undefined;
  const agreement = target.relationship.agreement;
  if (!agreement) {
    void notify(ctx, 'error', `${ACTION}: the agreement of ${relationshipLabel(target.relationship)} could not be read; fix its problems first.`);
    return undefined;
  }
  const wanted = asArgs<{ stage: string }>(arg).stage;
  if (wanted !== undefined && !(STAGES as readonly string[]).includes(wanted)) {
    void notify(ctx, 'error', `${ACTION}: \`${wanted}\` is not a stage; the stages are ${STAGES.join(', ')}.`);
    return undefined;
  }
  const stage = (wanted as Stage | undefined) ?? nextStage(agreement.stage);
  if (!stage) {
    void notify(ctx, 'info', `${ACTION}: ${relationshipLabel(target.relationship)} is at the last stage, moving-on. Record the closure in the agreement when the partnership ends.`);
    return undefined;
  }
  const uri = await applyEngineEdit(ctx, fileOf(target, target.relationship.agreementFile), ACTION, (text) => setStage(text, stage));
  if (!uri) return undefined;
  const unsigned = [!agreement.signed.mentor && 'mentor', !agreement.signed.mentee && 'mentee'].filter(Boolean);
  const note = stage !== 'creating' && unsigned.length ? ` The agreement is not signed by the ${unsigned.join(' and ')} yet.` : '';
  void notify(ctx, note ? 'warning' : 'info', `Stage of ${relationshipLabel(target.relationship)}: ${agreement.stage ?? 'none'} → ${stage}.${note}`);
  return uri;
}
