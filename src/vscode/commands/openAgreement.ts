import * as vscode from 'vscode';
import type { FeatureContext } from '../feature';
import { fileOf, resolveRelationship } from './targets';

export const OPEN_AGREEMENT = 'mentoringJournal.openAgreement';

/** Opens the relationship's agreement.md in an editor. Reads only: works in untrusted workspaces. */
export async function openAgreement(ctx: FeatureContext, arg?: unknown): Promise<vscode.Uri | undefined> {
  const target = await resolveRelationship(ctx, arg, 'Open agreement');
  if (!target) return undefined;
  const uri = fileOf(target, target.relationship.agreementFile);
  await vscode.window.showTextDocument(uri, { preview: false });
  return uri;
}
