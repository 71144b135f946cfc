import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { uniqueFileName } from '../../core/templates';
import { analyzeRelationship, renderReviewFile } from '../../core/model';
import { folderOf, labelOf, type Target } from '../commands/targets';
import { createFiles, isTrusted, namesIn, notify, requireTrust } from '../editing';
import type { Feature, FeatureContext } from '../feature';
import type { JournalChange } from '../journalService';
import { esc, renderReviewPage } from './html';

const VIEW_TYPE = 'mentoringJournal.review';

/** What the Review panel puts on the extension's API (`api.reviewPanel`), for tests. */
export interface ReviewPanelApi {
  /** The panel shown last, if it is still open: its relationship, HTML and webview options. */
  current(): { relationship: string; title: string; html: string; options: vscode.WebviewOptions } | undefined;
  /** What the Save button does, for the panel of `relationship` (default: the current one). */
  save(relationship?: string): Promise<vscode.Uri | undefined>;
  /** Opens the panel of a relationship, or reveals it when it is open (the Review goals command). */
  show(target: Target): void;
}

interface OpenPanel {
  panel: vscode.WebviewPanel;
  target: Target;
  key: string;
}

const keyOf = (target: Target) => `${target.root.uri.toString()}::${target.relationship.id}`;

/**
 * Review goals: one webview panel per relationship, with the goals table, declared and
 * inferred stage with reasons, signals with advice, the progress chart and the open actions,
 * kept current as the journal changes. Its Save button writes `reviews/YYYY-MM-DD.md`.
 */
export class ReviewPanels implements vscode.Disposable {
  private readonly open = new Map<string, OpenPanel>();
  private last: string | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly ctx: FeatureContext) {
    this.subscription = vscode.Disposable.from(
      ctx.service.onDidChange((changes) => this.refresh(changes)),
      // A panel opened in Restricted Mode shows Save disabled: enable it once the user trusts the workspace.
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        for (const entry of this.open.values()) this.render(entry);
      }),
    );
  }

  show(target: Target): OpenPanel {
    const key = keyOf(target);
    let entry = this.open.get(key);
    if (entry) {
      entry.target = target;
      entry.panel.reveal();
    } else {
      const panel = vscode.window.createWebviewPanel(VIEW_TYPE, `Review: ${labelOf(target.relationship)}`, vscode.ViewColumn.Active, {
        enableScripts: true,
        enableCommandUris: false,
        // The page loads nothing; if it ever does, only from the extension's media folder.
        localResourceRoots: [vscode.Uri.joinPath(this.ctx.extension.extensionUri, 'media')],
      });
      entry = { panel, target, key };
      this.open.set(key, entry);
      const opened = entry;
      panel.onDidDispose(() => {
        this.open.delete(key);
        if (this.last === key) this.last = undefined;
      });
      panel.webview.onDidReceiveMessage((message: { command?: string }) => {
        if (message?.command === 'save') void this.save(opened);
      });
    }
    this.last = key;
    this.render(entry);
    return entry;
  }

  private render(entry: OpenPanel): void {
    const { root, relationship } = entry.target;
    const today = this.ctx.service.today();
    const report = analyzeRelationship(relationship, today, root.options);
    const nonce = randomBytes(16).toString('base64');
    const trusted = isTrusted(this.ctx);
    entry.panel.title = `Review: ${labelOf(relationship)}`;
    entry.panel.webview.html = renderReviewPage(report, { nonce, cspSource: entry.panel.webview.cspSource, canSave: trusted, saveName: `${today}.md` });
  }

  private refresh(changes: readonly JournalChange[]): void {
    for (const entry of this.open.values()) {
      const touched = changes.some((c) => c.root.uri.toString() === entry.target.root.uri.toString() && c.change.relationships.includes(entry.target.relationship.id));
      const root = this.ctx.service.allRoots().find((r) => r.uri.toString() === entry.target.root.uri.toString());
      if (!touched && root === entry.target.root) continue;
      const relationship = root?.index.relationship(entry.target.relationship.id);
      if (!root || !relationship) {
        entry.panel.webview.html = `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'"></head><body><p>${esc(entry.target.relationship.id)} is no longer in the journal.</p></body></html>`;
        continue;
      }
      entry.target = { root, relationship };
      this.render(entry);
    }
  }

  /** Saves the review as `reviews/YYYY-MM-DD.md` in the relationship's folder, with a suffix when that name is taken. */
  async save(entry: OpenPanel): Promise<vscode.Uri | undefined> {
    const post = (message: Record<string, string>) => void entry.panel.webview.postMessage(message);
    if (!requireTrust(this.ctx, 'Save review')) {
      post({ command: 'failed', error: 'Saving needs a trusted workspace.' });
      return undefined;
    }
    const { root, relationship } = entry.target;
    const today = this.ctx.service.today();
    const folder = vscode.Uri.joinPath(folderOf(entry.target), 'reviews');
    const taken = await namesIn(folder);
    const uri = vscode.Uri.joinPath(folder, uniqueFileName(today, (name) => taken.has(name)));
    const content = renderReviewFile(analyzeRelationship(relationship, today, root.options));
    if (!(await createFiles(this.ctx, 'Save review', [{ uri, content }]))) {
      post({ command: 'failed', error: 'The review was not saved; see the message.' });
      return undefined;
    }
    const path = vscode.workspace.asRelativePath(uri);
    post({ command: 'saved', path });
    void notify(this.ctx, 'info', `Review saved as ${path}.`, 'Open').then((choice) => {
      if (choice === 'Open') void vscode.window.showTextDocument(uri);
    });
    return uri;
  }

  api(): ReviewPanelApi {
    return {
      current: () => {
        const entry = this.last ? this.open.get(this.last) : undefined;
        if (!entry) return undefined;
        return { relationship: entry.target.relationship.id, title: entry.panel.title, html: entry.panel.webview.html, options: entry.panel.webview.options };
      },
      show: (target) => void this.show(target),
      save: async (relationship) => {
        const entry = [...this.open.values()].find((e) => (relationship === undefined ? e.key === this.last : e.target.relationship.id === relationship));
        return entry ? this.save(entry) : undefined;
      },
    };
  }

  dispose(): void {
    this.subscription.dispose();
    for (const entry of [...this.open.values()]) entry.panel.dispose();
  }
}

/** The review panels, opened by the Review goals command (commands/reviewGoals.ts). */
export const registerReviewPanels: Feature = (ctx) => {
  const panels = new ReviewPanels(ctx);
  ctx.api.reviewPanel = panels.api();
  return panels;
};
