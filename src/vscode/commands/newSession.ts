import * as vscode from 'vscode';
import { isRealDate } from '../../core';
import { inferStage } from '../../core/model';
import { renderSessionFile, uniqueFileName } from '../../core/templates';
import { createFiles, namesIn, notify } from '../editing';
import type { RelationshipCommand } from './registry';
import { asArgs, folderOf } from './targets';

const ACTION = 'New session';

/**
 * Creates today's session file, `sessions/YYYY-MM-DD.md` (with a suffix when that name is
 * taken; never overwriting), from the template: attendees, active goals, open action items of
 * the previous session, questions for the stage (declared, else inferred). Opens it and
 * resolves with its URI. Argument: a relationship node, or `{ relationship, date }`.
 */
export const newSession: RelationshipCommand = {
  id: 'mentoringJournal.newSession', action: ACTION, writes: true, target: 'relationship',
  async run(ctx, target, arg) {
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
  },
};
