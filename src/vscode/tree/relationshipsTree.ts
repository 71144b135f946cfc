import * as vscode from 'vscode';
import { frontMatterUnread } from '../../core';
import { closureInForce } from '../../core/model';
import { setContextKey } from '../contextKeys';
import { eventWithin } from '../events';
import type { Feature, FeatureContext } from '../feature';
import type { JournalService } from '../journalService';
import type { GitHistoryApi } from '../gitHistory';
import { BaseTreeProvider } from './baseTreeProvider';
import type { JournalRoot } from '../journalService';
import { isClosed, pendingItem, treeItem, urgency, type GoalNode, type GroupNode, type JournalNode, type RelationshipEntry, type RelationshipNode, type SessionNode, type SignalNode, type UnreadGoalNode, type ViewNode } from './items';
import { ReportCache } from './reports';

export const VIEW_ID = 'mentoringJournal.relationships';

/**
 * A context key set once, as the extension starts, that no `when` clause tests: its round trip
 * tells the extension whether the view is shown (see registerRelationshipsTree).
 */
export const ACTIVE_KEY = 'mentoringJournal.active';

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

/** How recently the first build must have finished a relationship for background reports to wait for it. */
const BUSY_MS = 100;

/**
 * The Relationships tree: each relationship with its agreement, goals, sessions (newest first)
 * and signals. Ids are built from the journal root, the relationship folder and the goal id or
 * file, so they survive refreshes; `getParent` lets `TreeView.reveal` find any node.
 *
 * While the journal is read for the first time, the tree lists every relationship as soon as
 * the agreements are read (a PendingRelationshipNode: partners and declared stage); each turns
 * into its full row once its own files are read, its report computed when it is shown (or, with
 * the view hidden, in the background, one relationship per turn of the event loop).
 */
export class RelationshipsProvider extends BaseTreeProvider<ViewNode> {
  private readonly reports: ReportCache;
  private readonly options: Record<ViewOption, boolean> = { hideClosed: false, sortByUrgency: false };
  private readonly warmQueue: Array<[JournalRoot, string]> = [];
  private warmTimer: NodeJS.Timeout | undefined;
  private readonly answerWaiters: Array<() => void> = [];
  private answeredOnce = false;

  constructor(
    private readonly service: JournalService,
    history?: GitHistoryApi,
  ) {
    super();
    this.reports = new ReportCache(service, history);
    this.disposables.push(
      service.onDidChange((changes) => {
        this.reports.invalidate(changes);
        if (service.reading) for (const { root, change } of changes) for (const id of change.relationships) this.warm(root, id);
        this.refresh();
      }),
      service.onDidBuild(() => this.refresh()),
      { dispose: () => clearTimeout(this.warmTimer) },
    );
    // A history read in the background: the reports notice it themselves (ReportCache.get).
    if (history) this.disposables.push(history.onDidChange(() => this.refresh()));
  }

  /**
   * Computes a report in the background once the relationship is whole (first build only), one
   * per turn of the event loop, and shows it. While the build is moving (it finished a
   * relationship within the last BUSY_MS) the reports wait: a report parses the relationship's
   * session bodies, and the build, not held up by them, gets every diagnostic out sooner. A build
   * that waits for files (a slow disk, a remote file system) lets them run.
   */
  private warm(root: JournalRoot, id: string): void {
    if (!root.index.isComplete(id)) return;
    if (!this.warmQueue.some(([r, i]) => r === root && i === id)) this.warmQueue.push([root, id]);
    const next = () => {
      if (this.service.readingBusily(BUSY_MS)) {
        this.warmTimer = setTimeout(next, BUSY_MS);
        return;
      }
      const item = this.warmQueue.shift();
      if (item && !this.reports.peek(item[0], item[1])) {
        this.reports.get(item[0], item[1]);
        this.refresh();
      }
      this.warmTimer = this.warmQueue.length ? setTimeout(next, 0) : undefined;
    };
    this.warmTimer ??= setTimeout(next, 0);
  }

  /** Whether the view has had top-level rows from this provider. */
  get hasAnswered(): boolean {
    return this.answeredOnce;
  }

  /**
   * Resolves once the top-level rows are next answered and the window has taken the answer
   * (windowHasTaken): what waits for the rows (the features registered after them, the rest of
   * the first build) gives the window no work before it draws them.
   */
  nextAnswer(): Promise<void> {
    return new Promise((resolve) => this.answerWaiters.push(resolve));
  }

  /** Relationships listed but not whole yet (during the first build). */
  pending(): number {
    return this.service.relationships().filter(({ root, relationship }) => !root.index.isComplete(relationship.id)).length;
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

  getTreeItem(node: ViewNode): vscode.TreeItem {
    if (node.kind === 'pending') return pendingItem(node);
    const counts = { children: 0, hidden: 0 };
    if (node.kind === 'goals' || node.kind === 'sessions' || node.kind === 'signals') {
      counts.children = this.children(node).length;
      if (node.kind === 'goals' && this.hideClosed) counts.hidden = node.entry.report.goals.filter((g) => g.status === 'achieved').length;
    }
    return treeItem(node, counts);
  }

  protected async roots(): Promise<ViewNode[]> {
    await this.service.listed();
    const shown: ViewNode[] = [];
    // While the first build reads, or its reports are still being computed in the background
    // (`warm`), a report not computed yet is not computed here: its row shows as pending, so that
    // the rows are drawn at once even when the build read the journal before the view first
    // asked. Later, every report is computed here as needed.
    const eager = !this.service.reading && this.warmQueue.length === 0;
    const today = this.service.today();
    for (const { root, relationship } of this.service.relationships()) {
      // The closure is the agreement's: known before the report (a closure dated after today is not in force yet).
      if (this.hideClosed && closureInForce(relationship.agreement, today)) continue;
      const complete = root.index.isComplete(relationship.id);
      const entry = !complete ? undefined : this.reports.peek(root, relationship.id) ?? (eager ? this.reports.get(root, relationship.id) : undefined);
      if (!entry) {
        shown.push({ kind: 'pending', id: ReportCache.key(root, relationship.id), parent: undefined, root, relationship });
        if (complete) this.warm(root, relationship.id);
        continue;
      }
      if (!(this.hideClosed && isClosed(entry.report))) shown.push(this.relationshipNode(entry));
    }
    // A stable sort: relationships equally urgent keep their order by name. Urgency needs every
    // report: until then, the order by name.
    const full = shown.filter((n): n is RelationshipNode => n.kind === 'relationship');
    if (this.sortByUrgency && full.length === shown.length) full.sort((a, b) => urgency(a.entry.report) - urgency(b.entry.report));
    this.answeredOnce = true;
    const waiters = this.answerWaiters.splice(0);
    if (waiters.length) setTimeout(() => void windowHasTaken().then(() => waiters.forEach((answered) => answered())), 0);
    return full.length === shown.length ? full : shown;
  }

  /** Every node's parent is a full node (a pending relationship is a top-level row). */
  override getParent(node: ViewNode): JournalNode | undefined {
    return node.parent;
  }

  override async getChildren(node?: ViewNode): Promise<ViewNode[]> {
    if (node?.kind !== 'pending') return super.getChildren(node);
    // Opened before its files were all read: wait for them, then show what the full row holds.
    await this.service.whenComplete(node.root, node.relationship.id);
    const entry = this.reports.get(node.root, node.relationship.id);
    return entry ? this.children(this.relationshipNode(entry)) : [];
  }

  protected children(node: ViewNode): JournalNode[] {
    if (node.kind === 'pending') return [];
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
        return [...this.goalNodes(node).filter((g) => !(this.hideClosed && g.goal.status === 'achieved')), ...this.unreadGoalNodes(node)];
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
    // The goal an unreadable goal file stands for (every field unknown) is its unreadGoal node.
    const unread = new Set(this.unreadGoalNodes(group).map((n) => n.file));
    const goals = group.entry.report.goals.filter((g) => !unread.has(g.source.file));
    const keys = uniqueKeys(goals.map((g) => g.id));
    return goals.map((goal, i) => ({ kind: 'goal', id: `${group.id}::${keys[i]}`, parent: group, entry: group.entry, goal }));
  }

  /** The goal files that could not be read: listed after the goals, so that a goal does not just vanish. */
  private unreadGoalNodes(group: GroupNode): UnreadGoalNode[] {
    const { root, relationship } = group.entry;
    return relationship.files
      .filter((file) => {
        const read = root.index.file(file);
        return read?.type === 'goal' && read.goals.length === 0 && frontMatterUnread(read);
      })
      .map((file) => ({ kind: 'unreadGoal', id: `${group.id}::${file}`, parent: group, entry: group.entry, file }));
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
    const goal = this.children(goals).find((g) => (g.kind === 'goal' && g.goal.source.file === located.path) || (g.kind === 'unreadGoal' && g.file === located.path));
    if (goal) return goal;
    return this.children(sessions).find((s) => s.kind === 'session' && s.session.source.file === located.path) ?? rel;
  }
}

/**
 * While the journal is read for the first time: a progress bar on the view, and its message
 * says how many relationships are read ("Reading the journal: 4 of 15 relationships read").
 */
function showReading(service: JournalService, provider: RelationshipsProvider, view: vscode.TreeView<ViewNode>): vscode.Disposable {
  let showing = false;
  const update = () => {
    const total = service.relationships().length;
    const pending = provider.pending();
    const message = service.reading && pending > 0 ? `Reading the journal: ${total - pending} of ${total} relationships read` : undefined;
    // Only a new text: VS Code sends every assignment to the window, even of the same text or of
    // none over none (a view's message starts as ''), and this runs at activation and at every
    // change while the journal is read.
    if ((view.message || undefined) !== message) view.message = message;
    // Not before the view has rows: the window draws the rows first (it starts the progress bar
    // at the first change after them).
    if (service.reading && !showing && provider.hasAnswered) {
      showing = true;
      // Until the build ends (not `service.ready()`: that would start it during activation).
      const ended = new Promise<void>((resolve) => {
        const subscription = vscode.Disposable.from(service.onDidBuild(done), service.onDidChange(() => !service.reading && done()));
        function done(): void {
          subscription.dispose();
          showing = false;
          resolve();
        }
      });
      void vscode.window.withProgress({ location: { viewId: VIEW_ID } }, () => ended);
    }
  };
  update();
  return vscode.Disposable.from(service.onDidChange(update), service.onDidBuild(update));
}

/**
 * Resolves once the window has handled every message the extension host sent it before this call:
 * one round trip (setting ACTIVE_KEY again, which no `when` clause tests). The host sends its
 * messages in batches, a batch every turn of its event loop, and the window handles a batch as one
 * task before the promises it settles (the rows of an answer) go on: so whatever is registered in
 * the turn after an answer, without this wait, goes out in the answer's batch and is handled before
 * the rows are drawn (docs/performance.md).
 */
function windowHasTaken(): Promise<void> {
  return Promise.resolve(vscode.commands.executeCommand('setContext', ACTIVE_KEY, true)).then(() => undefined, () => undefined);
}

/** How long a reveal may take to select its node before it is made again. */
const REVEAL_SETTLE_MS = 500;

/** Whether the node `id` is (or within REVEAL_SETTLE_MS becomes) the view's selection. */
async function selectedSoon(view: vscode.TreeView<ViewNode>, id: string): Promise<boolean> {
  const selected = () => view.selection.some((n) => n.id === id);
  return selected() || (await eventWithin(view.onDidChangeSelection, selected, REVEAL_SETTLE_MS)) || selected();
}

/** What the tree feature puts on the extension's API (`api.tree`). */
export interface RelationshipsTreeApi {
  readonly provider: RelationshipsProvider;
  readonly view: vscode.TreeView<ViewNode>;
  /** Reveals and selects the node of a journal file; false when the file is not in the tree. */
  reveal(uri: vscode.Uri): Promise<boolean>;
  /**
   * Resolves once the view has had its first rows (the answer on its way to the window), or at
   * once when the window has said that the view is not shown: what can wait for the rows waits
   * for this (extension.ts).
   */
  readonly firstRows: Promise<void>;
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
  const view = vscode.window.createTreeView<ViewNode>(VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  const progress = showReading(service, provider, view);
  // As remembered for the workspace: applied, with nothing to write back (a context key only when on).
  const options = (Object.keys(VIEW_OPTIONS) as ViewOption[]).map((option) => {
    const value = ctx.extension.workspaceState.get<boolean>(VIEW_OPTIONS[option], false);
    provider.setOption(option, value);
    return setContextKey(VIEW_OPTIONS[option], value);
  });
  // Whether the view is shown: the window tells the extension host as soon as it takes the
  // provider, before it answers the commands sent after the registration, so once one of them is
  // answered `view.visible` is known. Until then it says false (in traces the window said "shown"
  // up to 0.15 s after the listing). The command sent for it sets ACTIVE_KEY, which no `when`
  // clause tests (so the window has nothing to draw again for it).
  const visibilityKnown = Promise.all([...options, windowHasTaken()]).then(() => undefined, () => undefined);
  const firstAnswer = provider.nextAnswer();
  const firstRows = visibilityKnown.then(() => (view.visible && !provider.hasAnswered ? firstAnswer : undefined));
  const tree: RelationshipsTreeApi = {
    provider,
    view,
    firstRows,
    async reveal(uri) {
      const node = await provider.nodeFor(uri);
      if (!node) return false;
      const options = { select: true, focus: false, expand: node.kind === 'relationship' };
      await view.reveal(node, options);
      // A view that the reveal brings back after it was shown and then hidden can drop the
      // reveal without a word: nothing is selected, and no error is logged. The suite shows it
      // when the tree suite follows the progressive one (the view focused, then the Explorer).
      // So the reveal is made once more if the node is not selected soon.
      if (!(await selectedSoon(view, node.id))) await view.reveal(node, options);
      return true;
    },
  };
  api.tree = tree;
  // The rows first, when the view is shown. A view that is not shown holds nothing. The listing
  // is announced (onDidChange, which refreshes the view) only after this hold: a view that
  // already shows rows from before this build is refreshed here, or it would have no reason to
  // ask; on the first build the view asks by itself.
  const held = service.holdAfterListing(async () => {
    const answered = provider.nextAnswer();
    if (provider.hasAnswered) provider.refresh();
    await visibilityKnown;
    if (view.visible) await answered;
  });
  return vscode.Disposable.from(view, provider, progress, held);
};
