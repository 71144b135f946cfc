import * as vscode from 'vscode';
import { relationshipLabel, type Goal, type Relationship } from '../../core';
import { notify } from '../editing';
import type { FeatureContext } from '../feature';
import type { JournalRoot } from '../journalService';

/**
 * Which relationship (and goal) a command acts on. Commands are run three ways, and all three
 * end here: from the Mentoring view (the tree node: `node.entry.root`, `node.entry.relationship`,
 * `node.goal` on goal nodes), from the palette (no argument: a quick pick when there is a choice),
 * and programmatically with `{ relationship: 'folder/id', goal: 'goal-id', ... }`.
 */
export interface Target {
  root: JournalRoot;
  relationship: Relationship;
}

export interface TargetArgs {
  /** A relationship id (its folder relative to the journal root) or the folder's URI as a string. */
  relationship?: string;
  /** A goal id, or (from a goal node of the view) the goal's report. */
  goal?: string | { id?: string };
  /** Set on nodes of the Mentoring view. */
  entry?: { root?: JournalRoot; relationship?: Relationship };
}

export const asArgs = <T extends object>(arg: unknown): Partial<T> & TargetArgs =>
  (arg && typeof arg === 'object' && !(arg instanceof vscode.Uri) ? arg : {}) as Partial<T> & TargetArgs;

/** The engine's label of a relationship ("Priya Raman ↔ Sam Okafor"), from its agreement's names. */
export function labelOf(relationship: Relationship): string {
  const names = (people: ReadonlyArray<{ name: string }> | undefined) => (people ?? []).map((p) => p.name);
  return relationshipLabel(names(relationship.agreement?.mentors), names(relationship.agreement?.mentees), relationship.id);
}

/** The URI of a root-relative path. */
export const fileOf = (target: Target, path: string): vscode.Uri => target.root.fs.uri(path);
export const folderOf = (target: Target): vscode.Uri => target.root.fs.uri(target.relationship.folder);

function fresh(root: JournalRoot, relationship: Relationship): Target | undefined {
  const current = root.index.relationship(relationship.id);
  return current ? { root, relationship: current } : undefined;
}

/** Resolves the relationship from the command's argument, or asks. Undefined when there is none or the user cancelled. */
export async function resolveRelationship(ctx: FeatureContext, arg: unknown, action: string): Promise<Target | undefined> {
  await ctx.service.ready();
  const all = ctx.service.relationships();
  const node = asArgs(arg);
  if (node.entry?.root && node.entry.relationship) return fresh(node.entry.root, node.entry.relationship);
  if (typeof node.relationship === 'string') {
    const wanted = node.relationship;
    const found = all.find(({ root, relationship }) => relationship.id === wanted || root.fs.uri(relationship.folder).toString() === wanted);
    if (!found) void notify(ctx, 'error', `${action}: there is no relationship \`${wanted}\` in this workspace.`);
    return found;
  }
  const uri = arg instanceof vscode.Uri ? arg : undefined;
  if (uri) {
    const located = ctx.service.locate(uri);
    const id = located?.root.index.relationshipIdOf(located.path);
    const found = located && id !== undefined ? all.find((t) => t.root === located.root && t.relationship.id === id) : undefined;
    if (found) return found;
  }
  if (all.length === 0) {
    void notify(ctx, 'error', `${action}: there is no mentoring relationship in this workspace yet. Create one with "Mentoring: New relationship".`);
    return undefined;
  }
  if (all.length === 1) return all[0];
  // The relationship of the file in the active editor comes first.
  const active = vscode.window.activeTextEditor?.document.uri;
  const located = active ? ctx.service.locate(active) : undefined;
  const activeId = located?.root.index.relationshipIdOf(located.path);
  const ordered = [...all].sort((a, b) => Number(b.root === located?.root && b.relationship.id === activeId) - Number(a.root === located?.root && a.relationship.id === activeId));
  const picked = await vscode.window.showQuickPick(
    ordered.map((t) => ({ label: labelOf(t.relationship), description: t.relationship.folder, detail: t.relationship.agreement?.stage ? `stage: ${t.relationship.agreement.stage}` : undefined, target: t })),
    { title: action, placeHolder: 'Which mentoring relationship?', matchOnDescription: true },
  );
  return picked?.target;
}

/**
 * Resolves a goal of the relationship from the argument, or asks among the goals `eligible`
 * accepts. `shown`: the progress the journal shows for each goal, for the picker (else the
 * goal's own `progress`).
 */
export async function resolveGoal(
  ctx: FeatureContext, target: Target, arg: unknown, action: string,
  eligible: (goal: Goal) => boolean = () => true, shown?: ReadonlyMap<string, number | undefined>,
): Promise<Goal | undefined> {
  const args = asArgs(arg);
  const id = args.goal && typeof args.goal === 'object' ? args.goal.id : typeof args.goal === 'string' ? args.goal : undefined;
  const goals = target.relationship.goals;
  if (id !== undefined) {
    const goal = goals.find((g) => g.id === id);
    if (!goal) void notify(ctx, 'error', `${action}: ${labelOf(target.relationship)} has no goal \`${id}\`.`);
    return goal;
  }
  // A goal whose file could not be read cannot be edited until it is mended: not offered.
  const candidates = goals.filter((g) => !g.unread && eligible(g));
  if (candidates.length === 0) {
    void notify(ctx, 'info', `${action}: ${labelOf(target.relationship)} has no goal this applies to.`);
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    candidates.map((g) => {
      const progress = shown ? shown.get(g.id) : g.progress;
      return { label: g.title, description: `${g.id} · ${g.status}${progress !== undefined ? ` · ${progress}%` : ''}`, goal: g };
    }),
    { title: action, placeHolder: 'Which goal?', matchOnDescription: true },
  );
  return picked?.goal;
}
