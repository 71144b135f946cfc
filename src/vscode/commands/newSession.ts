import * as vscode from 'vscode';
import { isRealDate } from '../../core';
import { renderSessionFile, uniqueFileName } from '../../core/templates';
import { inferStage } from '../../core/model';
import { createFiles, namesIn, notify, requireTrust } from '../editing';
import type { FeatureContext } from '../feature';
import { asArgs, folderOf, resolveRelationship } from './targets';

export const NEW_SESSION = 'mentoringJournal.newSession';
const ACTION = 'New session';

/**
 * Creates today's session file, `sessions/YYYY-MM-DD.md` (with a suffix when that name is
 * taken; never overwriting), from the template: attendees, active goals, open action items of
 * the previous session, questions for the stage (declared, else inferred). Opens it and
 * resolves with its URI. Argument: a relationship node, or `{ relationship, date }`.
 */
export async function newSession(ctx: FeatureContext, arg?: unknown): Promise<vscode.Uri | undefined> {
  if (!requireTrust(ctx, ACTION)) return undefined;
  const target = await resolveRelationship(ctx, arg, ACTION);
  if (!target) return undefined;
  const date = asArgs<{ date: string }>(arg).date ?? ctx.service.today();
  if (!isRealDate(date)) {
    void notify(ctx, 'error', `${ACTION}: \`${date}\` is not a date written YYYY-MM-DD.`);
    return undefined;
  }
  const folder = vscode.Uri.joinPath(folderOf(target), 'sessions');
  const taken = await namesIn(folder);
  const uri = vscode.Uri.joinPath(folder, uniqueFileName(date, (name) => taken.has(name)));
  const { relationship } = target;
  const stage = relationship.agreement?.stage ?? inferStage(relationship, date).stage;
  if (!(await createFiles(ctx, ACTION, [{ uri, content: renderSessionFile({ relationship, date, stage }) }]))) return undefined;
  await vscode.window.showTextDocument(uri, { preview: false });
  return uri;
}
