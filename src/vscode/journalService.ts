import * as vscode from 'vscode';
import { JournalIndex, localToday, type EngineOptions, type IndexChange, type Relationship } from '../core';
import { readOptions, readRoots, SECTION } from './config';
import { WorkspaceFileSystem } from './workspaceFileSystem';

/** One journal root: a folder, its file access and its index. */
export interface JournalRoot {
  readonly uri: vscode.Uri;
  readonly fs: WorkspaceFileSystem;
  readonly index: JournalIndex;
  readonly options: EngineOptions;
}

/** A file located inside a journal root. */
export interface Located {
  root: JournalRoot;
  /** Root-relative POSIX path. */
  path: string;
}

export interface JournalChange {
  root: JournalRoot;
  change: IndexChange;
}

const EDIT_DEBOUNCE_MS = 300;
/** A burst of at least this many watcher events is followed by a reconcile with the disk. */
const BURST_EVENTS = 20;
const BURST_SETTLE_MS = 1000;

async function isFolder(uri: vscode.Uri): Promise<boolean> {
  try {
    return ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory) !== 0;
  } catch {
    return false; // gone again already
  }
}

/**
 * Owns the journal indexes of the workspace and keeps them current: built once after
 * activation (under a cancellable progress), then updated per file from the file
 * watcher and, debounced, from edits in open documents.
 */
export class JournalService implements vscode.Disposable {
  private roots: JournalRoot[] = [];
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<JournalChange[]>();
  private readonly pendingEdits = new Map<string, NodeJS.Timeout>();
  private building: Promise<void> | undefined;
  private burstEvents = 0;
  /** File-watcher events received and reconciles run: figures for tests and troubleshooting. */
  readonly stats = { watcherEvents: 0, reconciles: 0 };
  private burstTimer: NodeJS.Timeout | undefined;
  private generation = 0;
  private clock: () => string = () => localToday();

  /** Fires after the indexes changed: a build finished, or files were updated. */
  readonly onDidChange = this.changed.event;

  constructor() {
    this.disposables.push(this.changed);
  }

  /** Today's date for the model; tests can fix it. */
  today(): string {
    return this.clock();
  }

  setClock(clock: () => string): void {
    this.clock = clock;
    this.fire(this.roots.map((root) => ({ root, change: { files: [], relationships: root.index.relationships().map((r) => r.id) } })));
  }

  /** Resolves once the first build (or the latest rebuild) has finished. */
  ready(): Promise<void> {
    return this.building ?? this.start();
  }

  /** Starts the watchers and the first build; returns at once, the build runs in the background. */
  start(): Promise<void> {
    if (!this.building) {
      this.watch();
      this.building = this.rebuild();
    }
    return this.building;
  }

  allRoots(): readonly JournalRoot[] {
    return this.roots;
  }

  relationships(): Array<{ root: JournalRoot; relationship: Relationship }> {
    return this.roots.flatMap((root) => root.index.relationships().map((relationship) => ({ root, relationship })));
  }

  /** The journal root and root-relative path of a file, if it lies inside a root. */
  locate(uri: vscode.Uri): Located | undefined {
    let best: JournalRoot | undefined;
    for (const root of this.roots) {
      if (uri.scheme !== root.uri.scheme || uri.authority !== root.uri.authority) continue;
      const base = root.uri.path.endsWith('/') ? root.uri.path : `${root.uri.path}/`;
      if (uri.path.startsWith(base) && (!best || root.uri.path.length > best.uri.path.length)) best = root;
    }
    if (!best) return undefined;
    const base = best.uri.path.endsWith('/') ? best.uri.path : `${best.uri.path}/`;
    return { root: best, path: uri.path.slice(base.length) };
  }

  /** Rebuilds every index from scratch, for the Refresh command and after settings change. */
  rebuild(): Promise<void> {
    const generation = ++this.generation;
    const folders = vscode.workspace.workspaceFolders ?? [];
    const roots: JournalRoot[] = folders.flatMap((folder) => {
      const options = readOptions(folder.uri);
      return readRoots(folder).map((uri) => {
        const fs = new WorkspaceFileSystem(uri);
        return { uri, fs, index: new JournalIndex(fs, options, { keepLastGood: true }), options };
      });
    });
    void vscode.commands.executeCommand('setContext', 'mentoringJournal.loading', true);
    this.building = Promise.resolve(
      vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: 'Mentoring Journal: indexing', cancellable: true },
        async (_progress, token) => {
          for (const root of roots) {
            if (token.isCancellationRequested || generation !== this.generation) return;
            await root.index.build(token);
          }
          if (generation !== this.generation) return; // a newer rebuild superseded this one
          this.roots = roots;
          for (const doc of vscode.workspace.textDocuments) if (doc.isDirty) this.takeText(doc);
          await vscode.commands.executeCommand('setContext', 'mentoringJournal.hasJournal', this.relationships().length > 0);
          await vscode.commands.executeCommand('setContext', 'mentoringJournal.loading', false);
          this.fire(roots.map((root) => ({ root, change: { files: root.index.paths(), relationships: root.index.relationships().map((r) => r.id) } })));
        },
      ),
    );
    return this.building;
  }

  /** Re-reads one file from disk (after a command wrote it) and waits for the update. */
  async refreshFile(uri: vscode.Uri): Promise<void> {
    await this.ready();
    const located = this.locate(uri);
    if (located) this.fire([{ root: located.root, change: await located.root.index.refresh(located.path) }]);
  }

  private watch(): void {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    const onFile = (kind: 'refresh' | 'delete') => async (uri: vscode.Uri) => {
      this.noteBurst();
      await this.building;
      const located = this.locate(uri);
      if (!located) return;
      if (kind === 'delete') {
        this.fire([{ root: located.root, change: located.root.index.delete(located.path) }]);
        return;
      }
      if (!/\.md$/i.test(uri.path)) {
        // A folder that appears at once (a copy, a checkout) may be reported without its files.
        if (kind === 'refresh' && (await isFolder(uri))) this.fire([{ root: located.root, change: await located.root.index.refreshFolder(located.path) }]);
        return;
      }
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      if (open?.isDirty) return; // the buffer, not the disk, is what the user sees
      this.fire([{ root: located.root, change: await located.root.index.refresh(located.path) }]);
    };
    this.disposables.push(
      watcher,
      watcher.onDidCreate(onFile('refresh')),
      watcher.onDidChange(onFile('refresh')),
      watcher.onDidDelete(onFile('delete')),
      vscode.workspace.onDidChangeTextDocument((e) => this.scheduleText(e.document)),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        // Unsaved edits are dropped on close: go back to what is on disk.
        if (this.locate(doc.uri)) void this.refreshFile(doc.uri);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(SECTION)) void this.rebuild();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.rebuild()),
    );
  }

  /**
   * File watchers can miss events when many files change at once (a `git checkout`): after
   * such a burst has settled, compare the index with the disk and catch up.
   */
  private noteBurst(): void {
    this.stats.watcherEvents++;
    this.burstEvents++;
    clearTimeout(this.burstTimer);
    this.burstTimer = setTimeout(() => {
      const events = this.burstEvents;
      this.burstEvents = 0;
      if (events >= BURST_EVENTS) void this.reconcile();
    }, BURST_SETTLE_MS);
  }

  /** Re-checks every root against the disk, leaving documents with unsaved changes alone. */
  async reconcile(): Promise<void> {
    await this.building;
    this.stats.reconciles++;
    const dirty = vscode.workspace.textDocuments.filter((d) => d.isDirty);
    for (const root of this.roots) {
      const keep = new Set(dirty.flatMap((d) => (this.locate(d.uri)?.root === root ? [this.locate(d.uri)!.path] : [])));
      this.fire([{ root, change: await root.index.reconcile(keep) }]);
    }
  }

  private scheduleText(doc: vscode.TextDocument): void {
    if (doc.languageId !== 'markdown' && !/\.md$/i.test(doc.uri.path)) return;
    const key = doc.uri.toString();
    clearTimeout(this.pendingEdits.get(key));
    this.pendingEdits.set(
      key,
      setTimeout(() => {
        this.pendingEdits.delete(key);
        this.takeText(doc);
      }, EDIT_DEBOUNCE_MS),
    );
  }

  private takeText(doc: vscode.TextDocument): void {
    if (doc.isClosed) return;
    const located = this.locate(doc.uri);
    if (located) this.fire([{ root: located.root, change: located.root.index.setText(located.path, doc.getText()) }]);
  }

  private fire(changes: JournalChange[]): void {
    const relevant = changes.filter((c) => c.change.files.length || c.change.relationships.length);
    if (relevant.length) this.changed.fire(relevant);
    void vscode.commands.executeCommand('setContext', 'mentoringJournal.hasJournal', this.relationships().length > 0);
  }

  dispose(): void {
    for (const t of this.pendingEdits.values()) clearTimeout(t);
    clearTimeout(this.burstTimer);
    for (const d of this.disposables) d.dispose();
  }
}
