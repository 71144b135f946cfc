import * as vscode from 'vscode';
import { isRealDate } from '../../core';
import { GOAL_ID, goalIdFromTitle } from '../../core/conventions';
import { renderGoalFile, uniqueFileName } from '../../core/templates';
import { createFiles, namesIn, notify } from '../editing';
import type { RelationshipCommand } from './registry';
import { asArgs, folderOf, type Target } from './targets';

export interface NewGoalArgs {
  relationship?: string;
  title?: string;
  id?: string;
  due?: string;
  success?: string;
  /** Open the new file in an editor (default true). */
  open?: boolean;
}

function idProblem(target: Target, id: string): string | undefined {
  if (!GOAL_ID.test(id)) return 'A goal id is lower-case kebab-case, like `write-design-doc`.';
  if (target.relationship.goals.some((g) => g.id === id)) return `This relationship already has a goal \`${id}\`.`;
  return undefined;
}

/** Why a due date cannot be taken: not written YYYY-MM-DD, or no day in the calendar (`2027-02-30`). */
function dateProblem(text: string): string | undefined {
  if (text === '' || isRealDate(text)) return undefined;
  const written = /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text} is not a day in the calendar: e` : 'E';
  return `${written}nter a real date written YYYY-MM-DD, or leave it empty.`;
}

const ACTION = 'New goal';

/**
 * Creates `goals/<id>.md` (never overwriting) from the goal template: proposed, 0 %, created
 * today. Asks for the title, the id (suggested from the title), the due date and the success
 * criteria unless they are given as `{ relationship, title, id, due, success }`.
 */
export const newGoal: RelationshipCommand = {
  id: 'mentoringJournal.newGoal', action: ACTION, writes: true, target: 'relationship',
  async run(ctx, target, arg) {
    const args = asArgs<NewGoalArgs>(arg);
    const given = args.title !== undefined || args.id !== undefined;
    const title = args.title ?? (args.id ? undefined : await vscode.window.showInputBox({ title: ACTION, prompt: 'The goal in a few words', validateInput: (t) => (t.trim() ? undefined : 'The goal needs a title.') }));
    if (title === undefined && !args.id) return undefined;
    // Asked for, the id offered is a free one; given (a title without an id, from a caller), the
    // title's id is taken as it is, and refused when the relationship has it.
    const suggested = args.id ?? goalIdFromTitle(title ?? '', given ? undefined : (id) => target.relationship.goals.some((g) => g.id === id));
    const id = given ? suggested : await vscode.window.showInputBox({ title: ACTION, prompt: 'Goal id, used by sessions to refer to it', value: suggested, validateInput: (t) => idProblem(target, t) });
    if (id === undefined) return undefined;
    const problem = idProblem(target, id) ?? (args.due !== undefined ? dateProblem(args.due) : undefined);
    if (problem) {
      void notify(ctx, 'error', `${ACTION}: ${problem}`);
      return undefined;
    }
    let due = args.due;
    let success = args.success;
    if (!given) {
      due = await vscode.window.showInputBox({ title: ACTION, prompt: 'Due date (YYYY-MM-DD), optional', validateInput: dateProblem });
      if (due === undefined) return undefined;
      success = await vscode.window.showInputBox({ title: ACTION, prompt: 'Success criteria: how will both of you know it is met? Optional' });
      if (success === undefined) return undefined;
    }
    const folder = vscode.Uri.joinPath(folderOf(target), 'goals');
    const taken = await namesIn(folder);
    const uri = vscode.Uri.joinPath(folder, uniqueFileName(id, (name) => taken.has(name)));
    const content = renderGoalFile({
      id,
      title: title?.trim() || id,
      created: ctx.service.today(),
      ...(due ? { due } : {}),
      ...(success?.trim() ? { success: success.trim() } : {}),
    });
    if (!(await createFiles(ctx, ACTION, [{ uri, content }]))) return undefined;
    if (args.open !== false) await vscode.window.showTextDocument(uri, { preview: false });
    return uri;
  },
};
