import * as vscode from 'vscode';
import { daysBetween, isRealDate } from '../../core';
import { inferStage } from '../../core/model';
import { fromToday } from '../../core/words';
import { plannedSessionDate, renderSessionFile, uniqueFileName } from '../../core/templates';
import { createFiles, namesIn, notify } from '../editing';
import type { FeatureContext } from '../feature';
import type { RelationshipCommand } from './registry';
import { asArgs, folderOf, type Target } from './targets';

const ACTION = 'New session';

/**
 * The date of the session to prepare: `{ date }` when given; else, from the palette or the view,
 * a pick between the planned meeting (the `next:` the partners agreed, when it is within one
 * cadence period of today), today, and another date. Undefined: cancelled.
 */
async function sessionDate(ctx: FeatureContext, target: Target, arg: unknown): Promise<string | undefined> {
  const given = asArgs<{ date: string }>(arg).date;
  if (given !== undefined) return given;
  const today = ctx.service.today();
  const planned = plannedSessionDate(target.relationship, today);
  if (!planned || planned === today) return today;
  const items: Array<vscode.QuickPickItem & { date?: string }> = [
    { label: planned, description: `the planned meeting, ${fromToday(daysBetween(today, planned))}`, detail: daysBetween(today, planned) > 0 ? 'An agenda until that day: it counts as held once its date has come.' : undefined, date: planned },
    { label: today, description: 'today', date: today },
    { label: 'Another date…' },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: ACTION, placeHolder: 'Which meeting is this session for?' });
  if (!picked) return undefined;
  if (picked.date) return picked.date;
  return vscode.window.showInputBox({
    title: ACTION, prompt: 'Date of the session, YYYY-MM-DD', value: planned,
    validateInput: (v) => (isRealDate(v.trim()) ? undefined : 'Enter a real date written YYYY-MM-DD.'),
  }).then((v) => v?.trim());
}

/**
 * Prepares a session: `sessions/YYYY-MM-DD.md` for the planned meeting, today, or another date
 * (with a suffix when that name is taken; never overwriting), from the template: attendees,
 * active goals, every open action item carried over, questions for the stage (declared, else
 * inferred), the next date from the cadence. A session dated after today is an agenda until its
 * day. When that day already has an agenda, opens it instead of making a second one. Opens the
 * file and resolves with its URI. Argument: a relationship node, or `{ relationship, date }`.
 */
export const newSession: RelationshipCommand = {
  id: 'mentoringJournal.newSession', action: ACTION, writes: true, target: 'relationship',
  async run(ctx, target, arg) {
    const date = await sessionDate(ctx, target, arg);
    if (date === undefined) return undefined;
    if (!isRealDate(date)) {
      void notify(ctx, 'error', `${ACTION}: "${date}" is not a date written YYYY-MM-DD.`);
      return undefined;
    }
    const { relationship } = target;
    const agenda = date > ctx.service.today() ? relationship.sessions.find((s) => s.date === date) : undefined;
    if (agenda) {
      const uri = target.root.fs.uri(agenda.source.file);
      await vscode.window.showTextDocument(uri, { preview: false });
      void notify(ctx, 'info', `${ACTION}: the session of ${date} is already prepared; it is open now.`);
      return uri;
    }
    const folder = vscode.Uri.joinPath(folderOf(target), 'sessions');
    const taken = await namesIn(folder);
    const uri = vscode.Uri.joinPath(folder, uniqueFileName(date, (name) => taken.has(name)));
    const stage = relationship.agreement?.stage ?? inferStage(relationship, date).stage;
    if (!(await createFiles(ctx, ACTION, [{ uri, content: renderSessionFile({ relationship, date, stage }) }]))) return undefined;
    await vscode.window.showTextDocument(uri, { preview: false });
    return uri;
  },
};
