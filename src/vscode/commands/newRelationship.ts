import * as vscode from 'vscode';
import { cadenceDays } from '../../core';
import { uniqueFileName } from '../../core/templates';
import { addMonths, scaffoldProblem, scaffoldRelationship, suggestFolderName, type ScaffoldOptions } from '../../core/scaffold';
import { createFiles, namesIn, notify } from '../editing';
import type { FeatureContext } from '../feature';
import type { PlainCommand } from './registry';
import { asArgs } from './targets';

const ACTION = 'New relationship';

export interface NewRelationshipArgs {
  mentor?: string;
  mentee?: string;
  cadence?: string;
  ends?: string;
  /** Folder for the relationship, relative to the journal root; default from the first names. */
  folder?: string;
}

/** Where new relationships go: the journal root (the first, or the one picked). */
async function pickRoot(ctx: FeatureContext): Promise<vscode.Uri | undefined> {
  await ctx.service.ready();
  const roots = ctx.service.allRoots().map((r) => r.uri);
  if (roots.length <= 1) return roots[0] ?? vscode.workspace.workspaceFolders?.[0]?.uri;
  const picked = await vscode.window.showQuickPick(roots.map((uri) => ({ label: vscode.workspace.asRelativePath(uri), uri })), { title: ACTION, placeHolder: 'Which journal root?' });
  return picked?.uri;
}

async function ask(prompt: string, value = '', validate?: (text: string) => string | undefined): Promise<string | undefined> {
  return vscode.window.showInputBox({ title: ACTION, prompt, value, validateInput: validate });
}

/** The options from the arguments, asking for whatever is missing. */
async function options(ctx: FeatureContext, args: NewRelationshipArgs): Promise<ScaffoldOptions | undefined> {
  const started = ctx.service.today();
  const mentor = args.mentor ?? (await ask("The mentor's name", '', (t) => (t.trim() ? undefined : 'A name, please.')));
  if (mentor === undefined) return undefined;
  const mentee = args.mentee ?? (await ask("The mentee's name", '', (t) => (t.trim() ? undefined : 'A name, please.')));
  if (mentee === undefined) return undefined;
  let cadence = args.cadence;
  if (cadence === undefined) {
    const picked = await vscode.window.showQuickPick(['weekly', 'biweekly', 'monthly'], { title: ACTION, placeHolder: 'How often will you meet?' });
    if (picked === undefined) return undefined;
    cadence = picked;
  }
  const ends =
    args.ends ??
    (await ask('When does the formal partnership end? (YYYY-MM-DD)', addMonths(started, 6), (t) => scaffoldProblem({ mentor: 'a', mentee: 'b', started, ends: t })));
  if (ends === undefined) return undefined;
  return { mentor, mentee, started, ends, cadence };
}

/**
 * Scaffolds a relationship folder (agreement.md, goals/, sessions/) with the engine's
 * scaffold, in a folder that does not exist yet, and opens the agreement. Asks for mentor,
 * mentee, cadence and end date unless given as `{ mentor, mentee, cadence, ends, folder }`.
 * Resolves with the agreement's URI.
 */
export const newRelationship: PlainCommand = {
  id: 'mentoringJournal.newRelationship', action: ACTION, writes: true,
  async run(ctx, arg) {
    const args = asArgs<NewRelationshipArgs>(arg);
    const root = await pickRoot(ctx);
    if (!root) {
      void notify(ctx, 'error', `${ACTION}: open a folder first; the relationship is created inside it.`);
      return undefined;
    }
    const opts = await options(ctx, args);
    if (!opts) return undefined;
    const problem = scaffoldProblem(opts) ?? (opts.cadence !== undefined && cadenceDays(opts.cadence) === undefined ? `Unknown cadence \`${opts.cadence}\`.` : undefined);
    if (problem) {
      void notify(ctx, 'error', `${ACTION}: ${problem}`);
      return undefined;
    }
    const parts = (args.folder ?? '').split('/').filter((p) => p && p !== '.' && p !== '..');
    const parent = parts.length > 1 ? vscode.Uri.joinPath(root, ...parts.slice(0, -1)) : root;
    const taken = await namesIn(parent);
    const name = uniqueFileName(parts[parts.length - 1] ?? suggestFolderName(opts.mentor, opts.mentee), (n) => taken.has(n), '');
    const folder = vscode.Uri.joinPath(parent, name);
    const files = scaffoldRelationship(opts).map((f) => ({ uri: vscode.Uri.joinPath(folder, ...f.path.split('/')), content: f.content }));
    if (!(await createFiles(ctx, ACTION, files))) return undefined;
    const agreement = vscode.Uri.joinPath(folder, 'agreement.md');
    await vscode.window.showTextDocument(agreement, { preview: false });
    return agreement;
  },
};
