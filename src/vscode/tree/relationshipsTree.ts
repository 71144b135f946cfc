import * as vscode from 'vscode';
import type { Feature, FeatureContext } from '../feature';
import type { JournalService } from '../journalService';
import { BaseTreeProvider } from './baseTreeProvider';
import { isClosed, treeItem, urgency, type GoalNode, type GroupNode, type JournalNode, type RelationshipEntry, type RelationshipNode, type SessionNode, type SignalNode } from './items';
import { ReportCache } from './reports';

export const VIEW_ID = 'mentoringJournal.relationships';

/** workspaceState key and context key of the filter that hides closed relationships and achieved goals. */
export const HIDE_CLOSED = 'mentoringJournal.hideClosed';
/** workspaceState key and context key of the order of relationships: by urgency, or by name (the default). */
export const SORT_BY_URGENCY = 'mentoringJournal.sortByUrgency';

/** Makes keys unique in order of appearance: `a`, `a#2`, `a#3`. */
function uniqueKeys(keys: string[]): string[] {
  const seen = new Map<string, number>();
  return keys.map((key) => {
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return n === 1 ? key : `${key}#${n}`;
  });
}

/**
 * The Relationships tree: each relationship with its agreement, goals, sessions (newest first)
 * and signals. Ids are built from the journal root, the relationship folder and the goal id or
 * file, so they survive refreshes; `getParent` lets `TreeView.reveal` find any node.
 */
export class RelationshipsProvider extends BaseTreeProvider<JournalNode> {
  private readonly reports: ReportCache;
  private hide = false;
  private byUrgency = false;

  constructor(private readonly service: JournalService) {
    super();
    this.reports = new ReportCache(service);
    this.disposables.push(
      service.onDidChange((changes) => {
        this.reports.invalidate(changes);
        this.refresh();
      }),
    );
  }

  /** Whether closed relationships and achieved goals are hidden. */
  get hideClosed(): boolean {
    return this.hide;
  }

  setHideClosed(hide: boolean): void {
    if (hide === this.hide) return;
    this.hide = hide;
    this.refresh();
  }

  /** Whether relationships are listed by urgency (overdue first) rather than by name. */
  get sortByUrgency(): boolean {
    return this.byUrgency;
  }

  setSortByUrgency(byUrgency: boolean): void {
    if (byUrgency === this.byUrgency) return;
    this.byUrgency = byUrgency;
    this.refresh();
  }

  getTreeItem(node: JournalNode): vscode.TreeItem {
    const counts = { children: 0, hidden: 0 };
    if (node.kind === 'goals' || node.kind === 'sessions' || node.kind === 'signals') {
      counts.children = this.children(node).length;
      if (node.kind === 'goals' && this.hide) counts.hidden = node.entry.report.goals.filter((g) => g.status === 'achieved').length;
    }
    return treeItem(node, counts);
  }

  protected async roots(): Promise<JournalNode[]> {
    await this.service.ready();
    const shown = this.reports.all().filter((e) => !(this.hide && isClosed(e.report)));
    // A stable sort: relationships equally urgent keep their order by name.
    if (this.byUrgency) shown.sort((a, b) => urgency(a.report) - urgency(b.report));
    return shown.map((entry) => this.relationshipNode(entry));
  }

  protected children(node: JournalNode): JournalNode[] {
    const { entry } = node;
    switch (node.kind) {
      case 'relationship':
        return [
          { kind: 'agreement', id: `${node.id}::agreement`, parent: node, entry },
          { kind: 'goals', id: `${node.id}::goals`, parent: node, entry },
          { kind: 'sessions', id: `${node.id}::sessions`, parent: node, entry },
          { kind: 'signals', id: `${node.id}::signals`, parent: node, entry },
        ];
      case 'goals':
        return this.goalNodes(node).filter((g) => !(this.hide && g.goal.status === 'achieved'));
      case 'sessions':
        return this.sessionNodes(node);
      case 'signals': {
        const signals = entry.report.signals;
        const keys = uniqueKeys(signals.map((s) => `${s.code}:${s.goalId ?? s.source?.file ?? ''}`));
        return signals.map((signal, i): SignalNode => ({ kind: 'signal', id: `${node.id}::${keys[i]}`, parent: node, entry, signal }));
      }
      default:
        return [];
    }
  }

  private relationshipNode(entry: RelationshipEntry): RelationshipNode {
    return { kind: 'relationship', id: ReportCache.key(entry.root, entry.relationship.id), parent: undefined, entry };
  }

  private goalNodes(group: GroupNode): GoalNode[] {
    const goals = group.entry.report.goals;
    const keys = uniqueKeys(goals.map((g) => g.id));
    return goals.map((goal, i) => ({ kind: 'goal', id: `${group.id}::${keys[i]}`, parent: group, entry: group.entry, goal }));
  }

  private sessionNodes(group: GroupNode): SessionNode[] {
    const newestFirst = [...group.entry.relationship.sessions].reverse();
    return newestFirst.map((session) => ({ kind: 'session', id: `${group.id}::${session.source.file}`, parent: group, entry: group.entry, session }));
  }

  /** The node that stands for a file: its goal, session or agreement, else its relationship. */
  async nodeFor(uri: vscode.Uri): Promise<JournalNode | undefined> {
    await this.service.ready();
    const located = this.service.locate(uri);
    if (!located) return undefined;
    const id = located.root.index.relationshipIdOf(located.path);
    const entry = id !== undefined ? this.reports.get(located.root, id) : undefined;
    if (!entry || (this.hide && isClosed(entry.report))) return undefined;
    const rel = this.relationshipNode(entry);
    const [agreement, goals, sessions] = this.children(rel) as [JournalNode, GroupNode, GroupNode];
    if (located.path === entry.relationship.agreementFile) return agreement;
    const goal = this.children(goals).find((g) => g.kind === 'goal' && g.goal.source.file === located.path);
    if (goal) return goal;
    return this.children(sessions).find((s) => s.kind === 'session' && s.session.source.file === located.path) ?? rel;
  }
}

/** What the tree feature puts on the extension's API (`api.tree`). */
export interface RelationshipsTreeApi {
  readonly provider: RelationshipsProvider;
  readonly view: vscode.TreeView<JournalNode>;
  /** Reveals and selects the node of a journal file; false when the file is not in the tree. */
  reveal(uri: vscode.Uri): Promise<boolean>;
}

/** Hides (or shows) closed relationships and achieved goals, and remembers it for the workspace. */
export async function setHideClosed({ api, extension }: FeatureContext, hide: boolean): Promise<boolean> {
  api.tree?.provider.setHideClosed(hide);
  await extension.workspaceState.update(HIDE_CLOSED, hide);
  await vscode.commands.executeCommand('setContext', HIDE_CLOSED, hide);
  return hide;
}

/** Lists relationships by urgency (or by name), and remembers it for the workspace. */
export async function setSortByUrgency({ api, extension }: FeatureContext, byUrgency: boolean): Promise<boolean> {
  api.tree?.provider.setSortByUrgency(byUrgency);
  await extension.workspaceState.update(SORT_BY_URGENCY, byUrgency);
  await vscode.commands.executeCommand('setContext', SORT_BY_URGENCY, byUrgency);
  return byUrgency;
}

export const registerRelationshipsTree: Feature = (ctx) => {
  const { service, api } = ctx;
  const provider = new RelationshipsProvider(service);
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  const tree: RelationshipsTreeApi = {
    provider,
    view,
    async reveal(uri) {
      const node = await provider.nodeFor(uri);
      if (!node) return false;
      await view.reveal(node, { select: true, focus: false, expand: node.kind === 'relationship' });
      return true;
    },
  };
  api.tree = tree;
  void setHideClosed(ctx, ctx.extension.workspaceState.get<boolean>(HIDE_CLOSED, false));
  void setSortByUrgency(ctx, ctx.extension.workspaceState.get<boolean>(SORT_BY_URGENCY, false));
  return vscode.Disposable.from(view, provider);
};
