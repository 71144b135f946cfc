import * as vscode from 'vscode';
import { uniqueFileName } from '../../core/templates';
import { analyzeRelationship, renderReviewFile, type OpenAction } from '../../core/model';
import { folderOf, labelOf, type Target } from '../commands/targets';
import { createFiles, isTrusted, namesIn, notify, requireTrust } from '../editing';
import type { Feature, FeatureContext } from '../feature';
import type { JournalChange } from '../journalService';
import { esc, renderReviewPage, saveLabel, savedText } from './html';

/** The panels' view type; package.json activates the extension on `onWebviewPanel:` it, so VS Code can restore them after a reload. */
export const REVIEW_VIEW_TYPE = 'mentoringJournal.review';

/** What a page keeps as its webview state (html.ts sets it), and what the serializer gets back after a reload. */
export interface ReviewPanelState {
  /** The journal root's URI. */
  root: string;
  /** The relationship's id in that root. */
  relationship: string;
  /** The names in `reviews/` this panel saved (`2026-11-23.md`), so that it still says so after a reload. */
  saved?: string[];
  scrollY?: number;
}

/** What the Review panel puts on the extension's API (`api.reviewPanel`), for tests. */
export interface ReviewPanelApi {
  /** The panel shown last, if it is still open: its relationship, HTML and webview options. */
  current(): { relationship: string; title: string; html: string; options: vscode.WebviewOptions } | undefined;
  /** What the Save button does, for the panel of `relationship` (default: the current one); with `name`, as the button showing that name does. */
  save(relationship?: string, name?: string): Promise<vscode.Uri | undefined>;
  /** Handles a message as if the current panel's page had sent it; resolves with the opened editor or the saved file, or undefined when it was refused. */
  receive(message: unknown): Promise<vscode.TextEditor | vscode.Uri | undefined>;
  /** Opens the panel of a relationship, or reveals it when it is open (the Review goals command). */
  show(target: Target): void;
  /** The serializer registered for the panels, which restores them after a window reload. */
  readonly serializer: vscode.WebviewPanelSerializer<unknown>;
}

interface OpenPanel {
  panel: vscode.WebviewPanel;
  target: Target;
  key: string;
  /** The number of the page shown now, and its open actions by their number on the page. */
  page: number;
  actions: OpenAction[];
  /** Names this panel saved in `reviews/`, known before the index has seen the files. */
  saved: Set<string>;
}

const keyOf = (target: Target) => `${target.root.uri.toString()}::${target.relationship.id}`;
const SAVE_NAME = /^\d{4}-\d{2}-\d{2}(-\d+)?\.md$/;

/** The names of the files in the relationship's `reviews/` folder, as the index knows them. */
function reviewNames(target: Target): Set<string> {
  const prefix = target.relationship.folder ? `${target.relationship.folder}/reviews/` : 'reviews/';
  return new Set(target.relationship.files.filter((f) => f.startsWith(prefix) && !f.slice(prefix.length).includes('/')).map((f) => f.slice(prefix.length)));
}

/** The review of `today` saved last among `names` (`today.md`, `today-2.md`, ...): the highest number there. */
function lastSaved(today: string, names: ReadonlySet<string>): string | undefined {
  let last: string | undefined;
  let highest = 0;
  for (const name of names) {
    const m = /^(\d{4}-\d{2}-\d{2})(?:-(\d+))?\.md$/.exec(name);
    const n = m?.[1] === today ? Number(m[2] ?? 1) : 0;
    if (n > highest) [highest, last] = [n, name];
  }
  return last;
}

/**
 * Review goals: one webview panel per relationship, with the goals table, declared and
 * inferred stage with reasons, signals with advice, the progress chart, cadence, the open actions
 * (each opens its line) and the changes since the last review, kept current as the journal
 * changes. Its Save button writes `reviews/YYYY-MM-DD.md` and says which name the next save takes.
 * Panels come back after a window reload through the serializer.
 */
export class ReviewPanels implements vscode.Disposable {
  private readonly open = new Map<string, OpenPanel>();
  private last: string | undefined;
  private pages = 0;
  private readonly subscription: vscode.Disposable;
  readonly serializer: vscode.WebviewPanelSerializer<unknown> = {
    deserializeWebviewPanel: (panel, state) => this.restore(panel, state),
  };

  constructor(private readonly ctx: FeatureContext) {
    this.subscription = vscode.Disposable.from(
      ctx.service.onDidChange((changes) => this.refresh(changes)),
      // A git history read in the background (or dropped when HEAD moved): show the pages again with it.
      ctx.api.gitHistory.onDidChange(() => {
        for (const entry of this.open.values()) this.render(entry);
      }),
      // A panel opened in Restricted Mode shows Save disabled: enable it once the user trusts the workspace.
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        for (const entry of this.open.values()) this.render(entry);
      }),
      vscode.window.registerWebviewPanelSerializer(REVIEW_VIEW_TYPE, this.serializer),
    );
  }

  private options(): vscode.WebviewOptions {
    return {
      enableScripts: true,
      enableCommandUris: false,
      // The page loads nothing; if it ever does, only from the extension's media folder.
      localResourceRoots: [vscode.Uri.joinPath(this.ctx.extension.extensionUri, 'media')],
    };
  }

  /** Takes a panel (new or restored) into the map and listens to its page. */
  private adopt(panel: vscode.WebviewPanel, target: Target): OpenPanel {
    const key = keyOf(target);
    const entry: OpenPanel = { panel, target, key, page: 0, actions: [], saved: new Set() };
    this.open.set(key, entry);
    panel.onDidDispose(() => {
      if (this.open.get(key) === entry) this.open.delete(key);
      if (this.last === key) this.last = undefined;
    });
    panel.onDidChangeViewState(() => {
      if (panel.active) this.last = key;
    });
    panel.webview.onDidReceiveMessage((message: unknown) => void this.receive(entry, message));
    return entry;
  }

  show(target: Target): OpenPanel {
    const key = keyOf(target);
    let entry = this.open.get(key);
    if (entry) {
      entry.target = target;
      entry.panel.reveal();
    } else {
      const panel = vscode.window.createWebviewPanel(REVIEW_VIEW_TYPE, `Review: ${labelOf(target.relationship)}`, vscode.ViewColumn.Active, this.options());
      entry = this.adopt(panel, target);
    }
    this.last = key;
    this.render(entry);
    return entry;
  }

  /** Restores a panel VS Code kept over a reload: its state names the root and the relationship. */
  private async restore(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    panel.webview.options = this.options();
    const saved = state && typeof state === 'object' ? (state as Partial<ReviewPanelState>) : {};
    await this.ctx.service.ready();
    const root = this.ctx.service.allRoots().find((r) => r.uri.toString() === saved.root);
    const relationship = typeof saved.relationship === 'string' ? root?.index.relationship(saved.relationship) : undefined;
    if (!root || !relationship) {
      panel.webview.html = gonePage(typeof saved.relationship === 'string' ? saved.relationship : 'The relationship of this review');
      return;
    }
    const target = { root, relationship };
    const existing = this.open.get(keyOf(target));
    if (existing && existing.panel !== panel) {
      // The relationship already has a panel: keep that one.
      panel.dispose();
      return;
    }
    const entry = this.adopt(panel, target);
    // What it saved before the reload, as long as those files are still there.
    const present = reviewNames(target);
    for (const name of Array.isArray(saved.saved) ? saved.saved : []) if (typeof name === 'string' && SAVE_NAME.test(name) && present.has(name)) entry.saved.add(name);
    this.last = entry.key;
    this.render(entry);
  }

  private render(entry: OpenPanel): void {
    const { root, relationship } = entry.target;
    const today = this.ctx.service.today();
    const report = analyzeRelationship(relationship, today, root.options, this.ctx.api.gitHistory.get(root, relationship));
    const nonce = newNonce();
    const names = new Set([...reviewNames(entry.target), ...entry.saved]);
    entry.page = ++this.pages;
    entry.actions = report.actions;
    entry.panel.title = `Review: ${labelOf(relationship)}`;
    entry.panel.webview.html = renderReviewPage(report, {
      nonce,
      cspSource: entry.panel.webview.cspSource,
      canSave: isTrusted(this.ctx),
      saveName: uniqueFileName(today, (name) => names.has(name)),
      // "Saved as" only for what this panel saved: a file of that name someone wrote (by hand,
      // or with `review --save`) is not this page's review.
      savedName: lastSaved(today, entry.saved),
      page: entry.page,
      state: { root: root.uri.toString(), relationship: relationship.id, saved: [...entry.saved] },
    });
  }

  private refresh(changes: readonly JournalChange[]): void {
    for (const entry of this.open.values()) {
      const touched = changes.some((c) => c.root.uri.toString() === entry.target.root.uri.toString() && c.change.relationships.includes(entry.target.relationship.id));
      const root = this.ctx.service.allRoots().find((r) => r.uri.toString() === entry.target.root.uri.toString());
      if (!touched && root === entry.target.root) continue;
      const relationship = root?.index.relationship(entry.target.relationship.id);
      if (!root || !relationship) {
        entry.panel.webview.html = gonePage(entry.target.relationship.id);
        continue;
      }
      entry.target = { root, relationship };
      this.render(entry);
    }
  }

  /**
   * A message from a page, checked before anything happens: `{ command: 'open', page, action }`
   * opens the open action numbered `action` on the page shown now; `{ command: 'save', name }`
   * saves under the name the button showed. Anything else is ignored.
   */
  private async receive(entry: OpenPanel, message: unknown): Promise<vscode.TextEditor | vscode.Uri | undefined> {
    if (!message || typeof message !== 'object') return undefined;
    const m = message as Record<string, unknown>;
    if (m.command === 'save') return typeof m.name === 'string' && SAVE_NAME.test(m.name) ? this.save(entry, m.name) : undefined;
    if (m.command !== 'open' || m.page !== entry.page || typeof m.action !== 'number' || !Number.isInteger(m.action)) return undefined;
    const action = entry.actions[m.action];
    if (!action) return undefined;
    const start = new vscode.Position(action.source.range.start.line - 1, action.source.range.start.column - 1);
    return vscode.window.showTextDocument(entry.target.root.fs.uri(action.source.file), { selection: new vscode.Range(start, start), viewColumn: vscode.ViewColumn.Beside, preview: true });
  }

  /**
   * Saves the review as `reviews/YYYY-MM-DD.md` in the relationship's folder, with a suffix when
   * that name is taken. With `shown` (the name on the button) it writes that name or nothing: when
   * the name was taken meanwhile, the button changes and says the next one.
   */
  async save(entry: OpenPanel, shown?: string): Promise<vscode.Uri | undefined> {
    const post = (message: Record<string, string>) => void entry.panel.webview.postMessage(message);
    if (!requireTrust(this.ctx, 'Save review')) {
      post({ command: 'failed', status: 'Saving needs a trusted workspace.' });
      return undefined;
    }
    const { root, relationship } = entry.target;
    const today = this.ctx.service.today();
    const folder = vscode.Uri.joinPath(folderOf(entry.target), 'reviews');
    const taken = await namesIn(folder);
    const name = uniqueFileName(today, (n) => taken.has(n));
    const label = saveLabel(name, lastSaved(today, entry.saved));
    if (shown !== undefined && shown !== name) {
      post({ command: 'failed', status: `Not saved: reviews/${shown} exists now. Click again to save as reviews/${name}.`, label, name });
      return undefined;
    }
    const uri = vscode.Uri.joinPath(folder, name);
    const content = renderReviewFile(analyzeRelationship(relationship, today, root.options, this.ctx.api.gitHistory.get(root, relationship)));
    if (!(await createFiles(this.ctx, 'Save review', [{ uri, content }]))) {
      post({ command: 'failed', status: 'The review was not saved; see the message.', label, name });
      return undefined;
    }
    entry.saved.add(name);
    taken.add(name);
    const next = uniqueFileName(today, (n) => taken.has(n));
    post({ command: 'saved', status: savedText(name), label: saveLabel(next, name), name: next, saved: name });
    // The index may have shown the new file (and the page been drawn again) before this panel
    // knew the name was its own: draw it again, saying so.
    this.render(entry);
    const path = vscode.workspace.asRelativePath(uri);
    void notify(this.ctx, 'info', `Review saved as ${path}.`, 'Open').then((choice) => {
      if (choice === 'Open') void vscode.window.showTextDocument(uri);
    });
    return uri;
  }

  api(): ReviewPanelApi {
    const currentEntry = () => (this.last ? this.open.get(this.last) : undefined);
    return {
      current: () => {
        const entry = currentEntry();
        if (!entry) return undefined;
        return { relationship: entry.target.relationship.id, title: entry.panel.title, html: entry.panel.webview.html, options: entry.panel.webview.options };
      },
      show: (target) => void this.show(target),
      save: async (relationship, name) => {
        const entry = [...this.open.values()].find((e) => (relationship === undefined ? e.key === this.last : e.target.relationship.id === relationship));
        return entry ? this.save(entry, name) : undefined;
      },
      receive: async (message) => {
        const entry = currentEntry();
        return entry ? this.receive(entry, message) : undefined;
      },
      serializer: this.serializer,
    };
  }

  dispose(): void {
    this.subscription.dispose();
    for (const entry of [...this.open.values()]) entry.panel.dispose();
  }
}

/** The page of a panel whose relationship is no longer in the journal. */
function gonePage(id: string): string {
  return `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'"></head><body><p>${esc(id)} is no longer in the journal.</p></body></html>`;
}

/** The review panels, opened by the Review goals command (commands/reviewGoals.ts). */
export const registerReviewPanels: Feature = (ctx) => {
  const panels = new ReviewPanels(ctx);
  ctx.api.reviewPanel = panels.api();
  return panels;
};

/** 128 random bits in hex for the page's Content Security Policy: Web Crypto, there in Node and in a web worker. */
function newNonce(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
