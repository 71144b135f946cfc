import * as vscode from 'vscode';
import { tickAction } from '../../core/model';
import { applyEngineEdit, notify } from '../editing';
import type { FeatureContext } from '../feature';
import { COMPLETE_ACTION, dueLabel, setOnlyMine, type ActionNode, type RootedAction } from '../tree/actionsTree';
import type { PlainCommand } from './registry';

/**
 * The Actions view's commands: Complete (also what a ticked checkbox runs) and the "Only mine"
 * filter. Complete writes, so the registry refuses it in Restricted Mode.
 */

const isActionNode = (arg: unknown): arg is ActionNode => !!arg && typeof arg === 'object' && (arg as ActionNode).kind === 'action' && !!(arg as ActionNode).action;

/** The action a Complete acts on: the view's node, or one picked from the open actions. */
async function pickAction(ctx: FeatureContext, arg: unknown): Promise<RootedAction | undefined> {
  if (isActionNode(arg)) return { root: arg.root, action: arg.action };
  await ctx.service.ready();
  const open = ctx.api.actions?.provider.actions() ?? [];
  if (open.length === 0) {
    void notify(ctx, 'info', 'Complete action: there is no open action in this workspace.');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    open.map((rooted) => ({ label: rooted.action.text, description: [rooted.action.owner ? `@${rooted.action.owner}` : undefined, rooted.action.label, dueLabel(rooted.action)].filter(Boolean).join(' · '), rooted })),
    { title: 'Complete action', placeHolder: 'Which action is done? It is ticked in its newest session.', matchOnDescription: true },
  );
  return picked?.rooted;
}

/** Ticks the action (`[ ]` → `[x]`) in its newest session: one character, one undo step. Resolves with whether it was ticked. */
export const completeAction: PlainCommand = {
  id: COMPLETE_ACTION, action: 'Complete action', writes: true,
  async run(ctx, arg) {
    const target = await pickAction(ctx, arg);
    if (!target) return false;
    const { root, action } = target;
    const uri = root.fs.uri(action.file);
    return !!(await applyEngineEdit(ctx, uri, 'Complete action', (text) => tickAction(text, action.line, action)));
  },
};

export const onlyMine: PlainCommand = {
  id: 'mentoringJournal.onlyMyActions', action: 'Only mine', writes: false,
  run: (ctx) => setOnlyMine(ctx, true),
};

export const allActions: PlainCommand = {
  id: 'mentoringJournal.allActions', action: 'Show everyone\'s actions', writes: false,
  run: (ctx) => setOnlyMine(ctx, false),
};
