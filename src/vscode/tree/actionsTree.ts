import * as vscode from 'vscode';
import { setContextKey } from '../contextKeys';
import { ACTION_GROUP_LABELS, ACTION_GROUPS, actionGroup, compareActions, journalActions, myActions, type ActionGroup, type JournalAction } from '../../core/model';
import { noValidDue, plural } from '../../core/words';
import { SECTION } from '../config';
import type { Feature, FeatureContext } from '../feature';
import type { JournalRoot, JournalService } from '../journalService';
import { toVsRange } from '../convert';
import { BaseTreeProvider } from './baseTreeProvider';
import { OPEN_ITEM } from './items';

export const ACTIONS_VIEW_ID = 'mentoringJournal.actions';
/** Context keys: the "Only mine" filter (remembered per workspace under the same key) and whether `mentoringJournal.me` is empty. */
export const ONLY_MINE = 'mentoringJournal.onlyMine';
export const ME_UNSET = 'mentoringJournal.meUnset';
/** The `contextValue` of an action item, which the Complete menu entries test. */
export const ACTION_ITEM = 'action';

/** One open action with the journal root it belongs to. */
export interface RootedAction {
  root: JournalRoot;
  action: JournalAction;
}

export type ActionsNode =
  | { kind: 'group'; id: string; parent: undefined; group: ActionGroup; members: ActionNode[] }
  | ActionNode;

export interface ActionNode {
  kind: 'action';
  id: string;
  parent: ActionsNode | undefined;
  root: JournalRoot;
  action: JournalAction;
  /** For the journal commands run on a node (New session, Review goals): the relationship it belongs to. */
  entry: { root: JournalRoot; relationship: NonNullable<ReturnType<JournalRoot['index']['relationship']>> };
}

/** The names or handles of `mentoringJournal.me`. */
export function readMe(): string[] {
  return vscode.workspace.getConfiguration(SECTION).get<string[]>('me', []).filter((s) => typeof s === 'string' && s.trim() !== '');
}

/** Every open action of the workspace as of the service's today, "mine" only when asked; sorted by due date. */
export function workspaceActions(service: JournalService, onlyMine: boolean, me: readonly string[]): RootedAction[] {
  const today = service.today();
  const out: RootedAction[] = [];
  for (const root of service.allRoots()) {
    const rels = root.index.relationships();
    const all = journalActions(rels, today);
    for (const action of onlyMine ? myActions(all, rels, me) : all) out.push({ root, action });
  }
  return out.sort((a, b) => compareActions(a.action, b.action));
}

/** How an action's due date reads: `due 2026-11-27 · 3 days late`, `due today`, `no date`. */
export function dueLabel(action: JournalAction): string {
  if (!action.due) return action.invalidDue ? noValidDue(action.invalidDue) : 'no date';
  if (action.daysOverdue > 0) return `due ${action.due} · ${plural(action.daysOverdue, 'day')} late`;
  return action.daysLeft === 0 ? `due today (${action.due})` : `due ${action.due}`;
}

/**
 * The Actions view: every open action across relationships, in the groups Overdue, This week,
 * Later and No date (each shown only when it has items). An item reads `owner · relationship ·
 * due date · N days late`; a click opens its line; its checkbox (or Complete) ticks it in its
 * newest session. Ids come from the root, the file and the action's text, so they survive edits
 * above the item.
 */
export class ActionsProvider extends BaseTreeProvider<ActionsNode> {
  private onlyMine = false;

  constructor(private readonly service: JournalService) {
    super();
    this.disposables.push(service.onDidChange(() => this.refresh()));
  }

  get mine(): boolean {
    return this.onlyMine;
  }

  setOnlyMine(value: boolean): void {
    if (this.onlyMine === value) return;
    this.onlyMine = value;
    this.refresh();
  }

  /** The actions the view lists now (after the filter). */
  actions(): RootedAction[] {
    return workspaceActions(this.service, this.onlyMine, readMe());
  }

  getTreeItem(node: ActionsNode): vscode.TreeItem {
    if (node.kind === 'group') {
      const item = new vscode.TreeItem(ACTION_GROUP_LABELS[node.group], node.group === 'later' || node.group === 'none' ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded);
      item.id = node.id;
      item.description = String(node.members.length);
      item.contextValue = `actionGroup.${node.group}`;
      item.iconPath = new vscode.ThemeIcon(node.group === 'overdue' ? 'warning' : node.group === 'week' ? 'calendar' : node.group === 'later' ? 'clock' : 'circle-large-outline');
      return item;
    }
    const { action } = node;
    const item = new vscode.TreeItem(action.text, vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    item.description = [action.owner ? `@${action.owner}` : 'no owner', action.label, dueLabel(action)].join(' · ');
    const uri = node.root.fs.uri(action.file);
    const tip = new vscode.MarkdownString(undefined, true);
    tip.appendText(`${action.owner ? `@${action.owner} ` : ''}${action.text}\n\n${action.label} · ${dueLabel(action)}${action.goals.length ? ` · goals: ${action.goals.join(', ')}` : ''}\n\n${action.file}:${action.line}`);
    item.tooltip = tip;
    item.contextValue = ACTION_ITEM;
    item.checkboxState = vscode.TreeItemCheckboxState.Unchecked;
    item.command = { command: OPEN_ITEM, title: 'Open', arguments: [uri, toVsRange(action.source.range)] };
    return item;
  }

  protected async roots(): Promise<ActionsNode[]> {
    await this.service.ready();
    if (this.onlyMine && readMe().length === 0) return [];
    const nodes: ActionsNode[] = [];
    const seen = new Map<string, number>();
    const all = this.actions();
    for (const group of ACTION_GROUPS) {
      const members = all.filter(({ action }) => actionGroup(action) === group);
      if (!members.length) continue;
      const node: ActionsNode = { kind: 'group', id: `group:${group}`, parent: undefined, group, members: [] };
      for (const { root, action } of members) {
        const relationship = root.index.relationship(action.relationship);
        if (!relationship) continue;
        const key = `${root.uri.toString()}::${action.file}::${action.owner ?? ''}::${action.text}`;
        const n = (seen.get(key) ?? 0) + 1;
        seen.set(key, n);
        node.members.push({ kind: 'action', id: n === 1 ? key : `${key}#${n}`, parent: node, root, action, entry: { root, relationship } });
      }
      nodes.push(node);
    }
    return nodes;
  }

  protected children(node: ActionsNode): ActionsNode[] {
    return node.kind === 'group' ? node.members : [];
  }
}

/** What the Actions view puts on the extension's API (`api.actions`). */
export interface ActionsViewApi {
  readonly provider: ActionsProvider;
  readonly view: vscode.TreeView<ActionsNode>;
}

/** Sets the "Only mine" filter and remembers it for the workspace; resolves with the value. */
export async function setOnlyMine({ api, extension }: FeatureContext, value: boolean): Promise<boolean> {
  api.actions?.provider.setOnlyMine(value);
  await extension.workspaceState.update(ONLY_MINE, value);
  await vscode.commands.executeCommand('setContext', ONLY_MINE, value);
  return value;
}

/** The command a checkbox runs: `mentoringJournal.completeAction` (commands/actions.ts). */
export const COMPLETE_ACTION = 'mentoringJournal.completeAction';

export const registerActionsView: Feature = (ctx) => {
  const provider = new ActionsProvider(ctx.service);
  const view = vscode.window.createTreeView(ACTIONS_VIEW_ID, { treeDataProvider: provider, manageCheckboxStateManually: true });
  ctx.api.actions = { provider, view };
  let meUnset: boolean | undefined;
  const syncMe = () => {
    const unset = readMe().length === 0;
    void setContextKey(ME_UNSET, unset, meUnset);
    meUnset = unset;
  };
  syncMe();
  // As remembered for the workspace: applied, with nothing to write back.
  const onlyMine = ctx.extension.workspaceState.get<boolean>(ONLY_MINE, false);
  provider.setOnlyMine(onlyMine);
  void setContextKey(ONLY_MINE, onlyMine);
  const badge = () => {
    // Counting needs every session body parsed: not while the first build reads (it would hold
    // the build up at each relationship); the build's last change counts them once.
    if (ctx.service.reading) return;
    const overdue = provider.actions().filter(({ action }) => action.daysOverdue > 0).length;
    view.badge = overdue ? { value: overdue, tooltip: `${plural(overdue, 'overdue action')}` } : undefined;
  };
  // Registered after the tree's first rows (extension.ts): the journal may be read by then.
  badge();
  return vscode.Disposable.from(
    view,
    provider,
    provider.onDidChangeTreeData(badge),
    // A ticked checkbox runs Complete, which writes (or refuses in Restricted Mode); the view then
    // shows the journal as it is, so a refused tick goes back to unchecked.
    view.onDidChangeCheckboxState(async (event) => {
      for (const [node, state] of event.items) {
        if (node.kind !== 'action' || state !== vscode.TreeItemCheckboxState.Checked) continue;
        await vscode.commands.executeCommand(COMPLETE_ACTION, node);
      }
      provider.refresh();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(`${SECTION}.me`)) return;
      syncMe();
      provider.refresh();
    }),
  );
};
