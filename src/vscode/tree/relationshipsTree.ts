import * as vscode from 'vscode';
import type { Feature, FeatureContext } from '../feature';
import type { JournalService } from '../journalService';
import type { GitHistoryApi } from '../gitHistory';
import { BaseTreeProvider } from './baseTreeProvider';
import { isClosed, treeItem, urgency, type GoalNode, type GroupNode, type JournalNode, type RelationshipEntry, type RelationshipNode, type SessionNode, type SignalNode } from './items';
import { ReportCache } from './reports';

export const VIEW_ID = 'mentoringJournal.relationships';

/**
 * The view's options, each remembered per workspace (workspaceState) under its key, which is
 * also the context key its menu entries test: the filter that hides closed relationships and
 * achieved goals, and the order of relationships (by urgency, or by name).
 */
export const VIEW_OPTIONS = { hideClosed: 'mentoringJournal.hideClosed', sortByUrgency: 'mentoringJournal.sortByUrgency' } as const;
export type ViewOption = keyof typeof VIEW_OPTIONS;

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
  private readonly options: Record<ViewOption, boolean> = { hideClosed: false, sortByUrgency: false };

  constructor(
    private readonly service: JournalService,
    history?: GitHistoryApi,
  ) {
    super();
    this.reports = new ReportCache(service, history);
    this.disposables.push(
      service.onDidChange((changes) => {
        this.reports.invalidate(changes);
        this.refresh();
      }),
    );
    // A history read in the background: the reports notice it themselves (ReportCache.get).
    if (history) this.disposables.push(history.onDidChange(() => this.refresh()));
  }

  /** Whether closed relationships and achieved goals are hidden. */
  get hideClosed(): boolean {
    return this.options.hideClosed;
  }

  /** Whether relationships are listed by urgency (overdue first) rather than by name. */
  get sortByUrgency(): boolean {
    return this.options.sortByUrgency;
  }

  setOption(option: ViewOption, value: boolean): void {
    if (this.options[option] === value) return;
    this.options[option] = value;
    this.refresh();
  }

  getTreeItem(node: JournalNode): vscode.TreeItem {
    const counts = { children: 0, hidden: 0 };
    if (node.kind === 'goals' || node.kind === 'sessions' || node.kind === 'signals') {
      counts.children = this.children(node).length;
      if (node.kind === 'goals' && this.hideClosed) counts.hidden = node.entry.report.goals.filter((g) => g.status === 'achieved').length;
    }
    return treeItem(node, counts);
  }

  protected async roots(): Promise<JournalNode[]> {
    await this.service.ready();
    const shown = this.reports.all().filter((e) => !(this.hideClosed && isClosed(e.report)));
    // A stable sort: relationships equally urgent keep their order by name.
    if (this.sortByUrgency) shown.sort((a, b) => urgency(a.report) - urgency(b.report));
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
        return this.goalNodes(node).filter((g) => !(this.hideClosed && g.goal.status === 'achieved'));
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
    if (!entry || (this.hideClosed && isClosed(entry.report))) return undefined;
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

/** Sets one of the view's options and remembers it for the workspace; resolves with the value. */
export async function setViewOption({ api, extension }: FeatureContext, option: ViewOption, value: boolean): Promise<boolean> {
  api.tree?.provider.setOption(option, value);
  await extension.workspaceState.update(VIEW_OPTIONS[option], value);
  await vscode.commands.executeCommand('setContext', VIEW_OPTIONS[option], value);
  return value;
}

export const registerRelationshipsTree: Feature = (ctx) => {
  const { service, api } = ctx;
  const provider = new RelationshipsProvider(service, api.gitHistory);
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
  for (const option of Object.keys(VIEW_OPTIONS) as ViewOption[]) void setViewOption(ctx, option, ctx.extension.workspaceState.get<boolean>(VIEW_OPTIONS[option], false));
  return vscode.Disposable.from(view, provider);
};
