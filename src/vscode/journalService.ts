import * as vscode from 'vscode';
import { AGREEMENT_FILE, FolderMoves, isAgreementFile, isExcludedPath, JournalIndex, localToday, type EngineOptions, type IndexChange, type Relationship } from '../core';
import { readOptions, readRoots, SECTION } from './config';
import { within } from './events';
import { defaultReader, WorkspaceFileSystem, workspaceReader, type UriReader } from './workspaceFileSystem';

/** One journal root: a folder, its file access and its index. */
export interface JournalRoot {
  readonly uri: vscode.Uri;
  readonly fs: WorkspaceFileSystem;
  readonly index: JournalIndex;
  readonly options: EngineOptions;
  /** Folders renamed on disk: the watcher may go on naming their files by the old path. */
  readonly moves: FolderMoves;
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
/** How often a renamed folder, whose changes the watcher no longer reports, is compared with the disk. */
const MOVED_FOLDER_CHECK_MS = 2000;
/** The longest the first build waits, once it has listed the relationships, for what shows the list (`holdAfterListing`). */
const LISTING_HOLD_MS = 300;
/** How often the service looks whether a new day has begun (newDay): a day's rules follow within this. */
const DAY_CHECK_MS = 5 * 60 * 1000;

/** Every journal root of the workspace's folders: the `roots` setting, or the folders themselves. */
function rootUris(): vscode.Uri[] {
  return (vscode.workspace.workspaceFolders ?? []).flatMap((folder) => readRoots(folder));
}

/** The folders a walk for an agreement lists before it asks VS Code's file search instead (`holdsJournal`). */
const AGREEMENT_WALK_FOLDERS = 500;
/** How long `startIfJournal` waits after a folder appeared for more, before it walks them; and how many it walks then at most. */
const APPEARED_SETTLE_MS = 500;
const APPEARED_FOLDERS_CHECKED = 50;
/** The longest a search for an agreement may take (VS Code gives `workspaceContains` 7 s). */
const AGREEMENT_SEARCH_MS = 7000;

/** Whether VS Code's file search finds an `agreement.md` below `root`; undefined when it cannot tell (no search provider, timed out). */
async function searchAgreement(root: vscode.Uri): Promise<boolean | undefined> {
  const cancellation = new vscode.CancellationTokenSource();
  const timer = setTimeout(() => cancellation.cancel(), AGREEMENT_SEARCH_MS);
  try {
    const found = await vscode.workspace.findFiles(new vscode.RelativePattern(root, `**/${AGREEMENT_FILE}`), undefined, 1, cancellation.token);
    return found.length > 0 ? true : cancellation.token.isCancellationRequested ? undefined : false;
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
    cancellation.dispose();
  }
}

/** The path of `uri` relative to `root` (POSIX), when it lies below it; else undefined. */
function pathBelow(root: vscode.Uri, uri: vscode.Uri): string | undefined {
  if (uri.scheme !== root.scheme || uri.authority !== root.authority) return undefined;
  const base = root.path.endsWith('/') ? root.path : `${root.path}/`;
  return uri.path.startsWith(base) ? uri.path.slice(base.length) : undefined;
}

/** Whether a path lies inside a journal root, outside its excluded and dot folders. */
function insideRoot(uri: vscode.Uri): boolean {
  return rootUris().some((root) => {
    const path = pathBelow(root, uri);
    return path !== undefined && !isExcludedPath(path, readOptions(root).exclude);
  });
}

async function isFolder(uri: vscode.Uri): Promise<boolean> {
  try {
    return ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory) !== 0;
  } catch {
    return false; // gone again already
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  return vscode.workspace.fs.stat(uri).then(() => true, () => false);
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
  /** Stops a walk for an agreement (`holdsJournal`) once the service is disposed. */
  private readonly disposal = { isCancellationRequested: false };
  private resolveStarted: () => void = () => undefined;
  /** Settles when the first build starts (`whenStarted`). */
  private readonly started = new Promise<void>((resolve) => (this.resolveStarted = resolve));
  /** The reconcile running now, if any: `ready()` waits for it too. */
  private reconciling: Promise<void> | undefined;
  private burstEvents = 0;
  /** File-watcher events received and reconciles run: figures for tests and troubleshooting. */
  readonly stats = { watcherEvents: 0, reconciles: 0, movedFolderChecks: 0 };
  private burstTimer: NodeJS.Timeout | undefined;
  private movedTimer: NodeJS.Timeout | undefined;
  private checkingMoved = false;
  private generation = 0;
  private clock: () => string = () => localToday();
  /** Until a build has finished once, builds are progressive (JournalIndex.build with a listener). */
  private builtOnce = false;
  /** The generation of the progressive build under way, if any. */
  private progressing: number | undefined;
  private listedOnce: Promise<void> | undefined;
  private resolveListed: (() => void) | undefined;
  private readerFor: ((root: vscode.Uri) => UriReader | Promise<UriReader>) | undefined;
  private readonly listingHolds = new Set<() => Promise<void>>();
  private listingHoldMs = LISTING_HOLD_MS;

  private readonly changedFully = new vscode.EventEmitter<void>();

  /**
   * Fires after the indexes changed: a relationship was read (during the first build), a build
   * finished, or files were updated.
   */
  readonly onDidChange = this.changed.event;
  /** Fires when a build has finished (every relationship whole). */
  readonly onDidBuild = this.changedFully.event;

  constructor() {
    this.disposables.push(this.changed, this.changedFully);
  }

  /** Today's date for the model; tests can fix it. */
  today(): string {
    return this.clock();
  }

  setClock(clock: () => string): void {
    this.clock = clock;
    this.newDay(true);
  }

  /**
   * Tells the indexes the day (the rules that depend on one, such as goal/achieved-incomplete,
   * check as of it) and the views that it changed: when the clock is set, and when a day begins
   * while VS Code stays open (checked every few minutes, once the first build has started).
   */
  private newDay(clockSet = false): void {
    const today = this.today();
    if (!clockSet && today === this.day) return;
    this.day = today;
    this.fire(
      this.roots.map((root) => {
        const change = root.index.setToday(today);
        return { root, change: { files: change.files, relationships: [...new Set([...change.relationships, ...root.index.relationships().map((r) => r.id)])] } };
      }),
    );
  }

  /** The day the indexes were last told (newDay). */
  private day: string | undefined;
  private dayTimer: ReturnType<typeof setInterval> | undefined;

  /**
   * How the roots built from now on read their files; undefined: the default (workspaceFileSystem.ts,
   * Node's fs for `file:` roots in a Node host, else `vscode.workspace.fs`). For tests.
   */
  setReader(readerFor: ((root: vscode.Uri) => UriReader | Promise<UriReader>) | undefined): void {
    this.readerFor = readerFor;
  }

  /**
   * Has the first build, once it has listed the relationships, wait until `hold()` settles (at
   * most LISTING_HOLD_MS, or what `setListingHoldLimit` set) before it reads the other files:
   * what shows the list (the tree's first rows) gets the machine first. Reading and parsing the rest straight away kept the extension
   * host busy while the view's request for its rows waited, and took the processor from the window
   * drawing them (docs/performance.md). `hold` is called once the list is known.
   */
  holdAfterListing(hold: () => Promise<void>): vscode.Disposable {
    this.listingHolds.add(hold);
    return new vscode.Disposable(() => this.listingHolds.delete(hold));
  }

  /** The longest a listing hold may hold the build (default LISTING_HOLD_MS). For tests. */
  setListingHoldLimit(ms: number | undefined): void {
    this.listingHoldMs = ms ?? LISTING_HOLD_MS;
  }

  /** What the first build waits for after the listing: every hold, or the limit. */
  private afterListing(): Promise<void> | undefined {
    if (this.listingHolds.size === 0) return undefined;
    const holds = [...this.listingHolds].map((hold) => hold());
    // A hold that fails holds nothing up.
    return within(Promise.all(holds.map((held) => held.catch(() => undefined))), this.listingHoldMs).then(() => undefined);
  }

  /**
   * Resolves once the relationships can be listed: during the first build, as soon as every
   * agreement is read (the relationships' other files come in one relationship after another,
   * see `isComplete`); later at once.
   */
  listed(): Promise<void> {
    const building = this.start();
    if (!this.reading) return Promise.resolve();
    // A build that was cancelled or superseded lists nothing: wait no longer than it runs.
    return Promise.race([this.listedOnce ?? building, building]).then(() => undefined);
  }

  /**
   * Whether a progressive build is under way (the first one): relationships may be listed before
   * they are whole (`JournalIndex.isComplete`).
   */
  get reading(): boolean {
    return this.progressing !== undefined || !this.builtOnce;
  }

  /** When the progressive build last listed the journal or finished a relationship (Date.now()). */
  private progressAt = 0;

  /**
   * Whether the progressive build finished a relationship within the last `ms`: then it is
   * moving, and work that can wait (reports) should let it run, so that every relationship's
   * diagnostics arrive sooner. False once it waits for files, and after it.
   */
  readingBusily(ms: number): boolean {
    return this.reading && Date.now() - this.progressAt < ms;
  }

  /** Resolves once a relationship's files are all read (or the build it waited for ended). */
  async whenComplete(root: JournalRoot, relationshipId: string): Promise<void> {
    if (root.index.isComplete(relationshipId)) return;
    const building = this.building;
    await new Promise<void>((resolve) => {
      const done = () => {
        subscription.dispose();
        resolve();
      };
      const subscription = this.onDidChange(() => {
        if (root.index.isComplete(relationshipId)) done();
      });
      void building?.then(done, done);
    });
  }

  /**
   * Resolves once the first build (or the latest rebuild) has finished, and the reconcile with
   * the disk that a burst of watcher events started, if one is running.
   */
  ready(): Promise<void> {
    const building = this.building ?? this.start();
    const reconciling = this.reconciling;
    return reconciling ? building.then(() => reconciling) : building;
  }

  /** Starts the watchers and the first build; returns at once, the build runs in the background. */
  start(): Promise<void> {
    if (!this.building) {
      this.watch();
      this.building = this.rebuild();
      this.resolveStarted();
    }
    return this.building;
  }

  /** Whether the first build has started (`start`). */
  get hasStarted(): boolean {
    return this.building !== undefined;
  }

  /** Resolves once the first build has started, whoever started it; never, in a workspace that never holds a journal. */
  whenStarted(): Promise<void> {
    return this.started;
  }

  /**
   * Starts the first build only if the workspace holds a journal: at once when a root holds an
   * `agreement.md` at any depth (`holdsJournal`), else as soon as one is created. The extension
   * is activated after start-up in every workspace (`onStartupFinished`), so in a workspace without
   * a journal this is all it does: one walk of its folders, no file read. What shows the journal
   * or asks for it (the views, the commands, a review panel) starts the build anyway (`listed`,
   * `ready`).
   */
  async startIfJournal(roots: readonly vscode.Uri[] = rootUris()): Promise<void> {
    if (this.building) return;
    const begin = () => {
      stop.dispose();
      void this.start();
    };
    // Watched before the walk, so that an agreement created meanwhile is not missed. A folder
    // that appears at once (a pull, a copy) may be reported without its files: new folders are
    // walked too, a moment after the last one appeared.
    const watcher = vscode.workspace.createFileSystemWatcher('**/*', false, true, true);
    const appeared = new Map<string, vscode.Uri>();
    let settle: NodeJS.Timeout | undefined;
    const checkAppeared = async () => {
      const folders = [...appeared.values()].slice(0, APPEARED_FOLDERS_CHECKED);
      appeared.clear();
      const news: vscode.Uri[] = [];
      for (const uri of folders) if (await isFolder(uri)) news.push(uri);
      if (news.length && (await this.holdsJournal(news))) begin();
    };
    const stop = vscode.Disposable.from(
      watcher,
      watcher.onDidCreate((uri) => {
        if (isAgreementFile(uri.path)) return begin();
        if (/\.md$/i.test(uri.path) || !insideRoot(uri)) return;
        appeared.set(uri.toString(), uri);
        clearTimeout(settle);
        settle = setTimeout(() => void checkAppeared(), APPEARED_SETTLE_MS);
      }),
      new vscode.Disposable(() => clearTimeout(settle)),
      vscode.workspace.onDidChangeWorkspaceFolders(async (e) => {
        if (await this.holdsJournal(e.added.flatMap((folder) => readRoots(folder)))) begin();
      }),
    );
    this.disposables.push(stop);
    void this.started.then(() => stop.dispose());
    if (await this.holdsJournal(roots)) begin();
  }

  /**
   * Whether one of `roots` holds an `agreement.md` at any depth, reading no file. A root read with
   * Node's fs is walked as the build walks it, outside its excluded folders, up to the first
   * agreement and at most AGREEMENT_WALK_FOLDERS folders (JournalIndex.holdsAgreement). Past that,
   * and for a root read through `vscode.workspace.fs` (a virtual or remote workspace, the web
   * worker), where every listing is a round trip, VS Code's file search is asked (the one
   * `workspaceContains` uses: ripgrep where there is a disk). Where there is no search either,
   * the whole root is walked. False once the service is disposed.
   */
  async holdsJournal(roots: readonly vscode.Uri[] = rootUris()): Promise<boolean> {
    for (const uri of roots) {
      const reader = await (this.readerFor?.(uri) ?? defaultReader(uri));
      const walk = (maxFolders?: number) => new JournalIndex(new WorkspaceFileSystem(uri, reader), readOptions(uri)).holdsAgreement(this.disposal, maxFolders);
      let found = reader === workspaceReader ? undefined : await walk(AGREEMENT_WALK_FOLDERS);
      if (found === undefined && !this.disposal.isCancellationRequested) found = (await searchAgreement(uri)) ?? (await walk());
      if (found) return true;
    }
    return false;
  }

  allRoots(): readonly JournalRoot[] {
    return this.roots;
  }

  relationships(): Array<{ root: JournalRoot; relationship: Relationship }> {
    return this.roots.flatMap((root) => root.index.relationships().map((relationship) => ({ root, relationship })));
  }

  /** The journal root and root-relative path of a file, if it lies inside a root. */
  locate(uri: vscode.Uri): Located | undefined {
    let best: Located | undefined;
    for (const root of this.roots) {
      const path = pathBelow(root.uri, uri);
      if (path !== undefined && (!best || root.uri.path.length > best.root.uri.path.length)) best = { root, path };
    }
    return best;
  }

  /**
   * Rebuilds every index from scratch, for the Refresh command and after settings change. The
   * first build is progressive: the roots are shown once their agreements are read, and each
   * relationship is announced (onDidChange) as soon as its files are read. A later rebuild keeps
   * the current roots until the new ones are whole, so the view does not empty itself meanwhile.
   */
  rebuild(options: { progressive?: boolean } = {}): Promise<void> {
    const generation = ++this.generation;
    const folders = vscode.workspace.workspaceFolders ?? [];
    const roots: JournalRoot[] = folders.flatMap((folder) => {
      const options = readOptions(folder.uri);
      return readRoots(folder).map((uri) => {
        const fs = new WorkspaceFileSystem(uri, this.readerFor?.(uri));
        // Renames found before a rebuild still matter: the watcher stays as it was.
        const moves = this.roots.find((r) => r.uri.toString() === uri.toString())?.moves ?? new FolderMoves();
        // As of today for the rules that depend on a day; a new day tells the index again (newDay).
        this.day = this.today();
        this.dayTimer ??= setInterval(() => this.newDay(), DAY_CHECK_MS);
        return { uri, fs, index: new JournalIndex(fs, { ...options, today: this.day }, { keepLastGood: true }), options, moves };
      });
    });
    const progressive = options.progressive ?? !this.builtOnce;
    const current = () => generation === this.generation;
    if (progressive) {
      this.progressing = generation;
      // Made with the build, not when someone first asks: whoever asks after the listing gets it settled.
      this.listedOnce = new Promise((resolve) => (this.resolveListed = resolve));
    } else if (this.progressing !== undefined) {
      this.progressing = undefined; // superseded
    }
    const show = () => {
      if (this.roots !== roots) {
        this.roots = roots;
        this.resolveListed?.();
      }
    };
    // The status bar's "indexing" and the `loading` key: at once for a rebuild; for the first build
    // the progress only once the listing is announced (after the tree's first rows, which the
    // window draws first), and no `loading` key (`indexed` is not set yet, which hides the welcome
    // texts that test it).
    if (!progressive) void vscode.commands.executeCommand('setContext', 'mentoringJournal.loading', true);
    const cancellation = new vscode.CancellationTokenSource();
    let finished = false;
    const showProgress = () => {
      if (finished) return;
      void vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Mentoring Journal: indexing', cancellable: true }, (_progress, token) => {
        const cancelled = token.onCancellationRequested(() => cancellation.cancel());
        return building.finally(() => cancelled.dispose());
      });
    };
    const building: Promise<void> = Promise.resolve(
      (async (token: vscode.CancellationToken) => {
        for (const root of roots) {
          if (token.isCancellationRequested || !current()) return;
          const listener = progressive
            ? {
              listed: () => {
                if (!current()) return;
                this.progressAt = Date.now();
                show();
                // The view asks for its rows itself (`listed()` settles with `show`). Everyone else
                // hears of the listing once the view has them (the holds), so that the window gets
                // no other work from us (a refresh, a message, context keys, the status bar)
                // while it is about to ask for the rows and draw them.
                const announce = () => {
                  if (!current()) return;
                  this.fire([{ root, change: { files: [], relationships: root.index.relationships().map((r) => r.id) } }]);
                  if (root === roots[0]) showProgress();
                };
                const held = this.afterListing();
                if (!held) return announce();
                return held.then(announce);
              },
              relationship: (change: IndexChange) => {
                if (!current()) return;
                this.progressAt = Date.now();
                this.fire([{ root, change }]);
              },
            }
            : undefined;
          await root.index.build(token, listener);
        }
        if (!current()) return; // a newer rebuild superseded this one
        const shownEarly = this.roots === roots;
        show();
        this.builtOnce = true;
        if (this.progressing === generation) this.progressing = undefined;
        for (const doc of vscode.workspace.textDocuments) if (doc.isDirty) this.takeText(doc);
        await vscode.commands.executeCommand('setContext', 'mentoringJournal.hasJournal', this.relationships().length > 0);
        // The views' welcome texts ("No mentoring journal in this workspace yet", "Nothing to do")
        // need both: `indexed` is unset until the journal was read once, so that they do not
        // show while the extension starts (a view without its provider yet shows its welcome).
        await vscode.commands.executeCommand('setContext', 'mentoringJournal.indexed', true);
        if (!progressive) await vscode.commands.executeCommand('setContext', 'mentoringJournal.loading', false);
        // After a progressive build every relationship was announced already: only the files
        // outside every relationship are new (their problems are final only now).
        this.fire(roots.map((root) => ({
          root,
          change: { files: shownEarly ? root.index.paths().filter((p) => root.index.relationshipIdOf(p) === undefined) : root.index.paths(), relationships: shownEarly ? [] : root.index.relationships().map((r) => r.id) },
        })));
        this.changedFully.fire();
      })(cancellation.token),
    ).finally(() => {
      finished = true;
      cancellation.dispose();
    });
    if (!progressive) showProgress();
    this.building = building;
    return this.building;
  }

  /** Re-reads one file from disk (after a command wrote it) and waits for the update; `settled` as JournalIndex.refresh takes it. */
  async refreshFile(uri: vscode.Uri, options: { settled?: boolean } = {}): Promise<void> {
    await this.ready();
    const located = this.locate(uri);
    if (located) this.fire([{ root: located.root, change: await located.root.index.refresh(located.path, options) }]);
  }

  private watch(): void {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    const onFile = (kind: 'refresh' | 'delete') => async (uri: vscode.Uri) => {
      this.noteBurst();
      await this.building;
      const located = this.locate(uri);
      if (!located) return;
      // After a folder rename, VS Code's watcher (on Linux) reports changes under the new folder
      // with the old folder's path: look at the same path under the new folder too.
      const moved = located.root.moves.translate(located.path);
      await this.onWatcherEvent(kind, located.root, located.path, uri);
      for (const path of moved) await this.onWatcherEvent('refresh', located.root, path, located.root.fs.uri(path));
    };
    this.disposables.push(
      watcher,
      watcher.onDidCreate(onFile('refresh')),
      watcher.onDidChange(onFile('refresh')),
      watcher.onDidDelete(onFile('delete')),
      vscode.workspace.onDidChangeTextDocument((e) => this.scheduleText(e.document)),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        // Unsaved edits are dropped on close: go back to what is on disk, as it is (no longer being typed).
        if (this.locate(doc.uri)) void this.refreshFile(doc.uri, { settled: true });
      }),
      // A save settles the text: the view shows what the file says now, errors and all, not its last
      // version without errors (a quick fix undone and saved leaves no trace of the fix).
      vscode.workspace.onDidSaveTextDocument((doc) => this.takeText(doc, { settled: true })),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(SECTION)) void this.rebuild();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.rebuild()),
    );
  }

  /** One watcher event: re-reads the file, reads a folder that appeared, forgets what was deleted. */
  private async onWatcherEvent(kind: 'refresh' | 'delete', root: JournalRoot, path: string, uri: vscode.Uri): Promise<void> {
    if (kind === 'delete') {
      if (!/\.md$/i.test(path)) root.moves.noteVanished(path, root.index.paths(), Date.now());
      this.fire([{ root, change: root.index.delete(path) }]);
      this.watchMovedFolders();
      return;
    }
    if (!/\.md$/i.test(uri.path)) {
      // A folder that appears at once (a copy, a checkout, a rename) may be reported without its files.
      if (!(await isFolder(uri))) {
        // A translated path of a folder deleted since.
        if (root.index.paths().some((p) => p.startsWith(`${path}/`)) && !(await exists(uri))) this.fire([{ root, change: root.index.delete(path) }]);
        return;
      }
      this.fire([{ root, change: await root.index.refreshFolder(path) }]);
      root.moves.noteAppeared(path, root.index.paths(), Date.now());
      this.watchMovedFolders();
      return;
    }
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open?.isDirty) return; // the buffer, not the disk, is what the user sees
    // Not open in an editor: changed outside one (a pull, another program), so not text being typed.
    this.fire([{ root, change: await root.index.refresh(path, { settled: !open }) }]);
  }

  /**
   * VS Code's watcher (seen on Linux) stops reporting changes under a folder renamed on disk, or
   * reports them late under the old path: renamed folders are compared with the disk every
   * {@link MOVED_FOLDER_CHECK_MS} until they are gone (only their own files, by size and time).
   */
  private watchMovedFolders(): void {
    if (this.movedTimer || !this.roots.some((root) => root.moves.targets().length)) return;
    this.movedTimer = setInterval(() => void this.checkMovedFolders(), MOVED_FOLDER_CHECK_MS);
  }

  private async checkMovedFolders(): Promise<void> {
    if (this.checkingMoved) return;
    this.checkingMoved = true;
    try {
      let left = 0;
      for (const root of this.roots) {
        for (const folder of root.moves.targets()) {
          if (!(await isFolder(root.fs.uri(folder)))) {
            root.moves.forget(folder);
            continue;
          }
          left++;
          this.stats.movedFolderChecks++;
          const keep = new Set(vscode.workspace.textDocuments.filter((d) => d.isDirty).flatMap((d) => (this.locate(d.uri)?.root === root ? [this.locate(d.uri)!.path] : [])));
          this.fire([{ root, change: await root.index.reconcile(keep, undefined, folder) }]);
        }
      }
      if (left === 0) {
        clearInterval(this.movedTimer);
        this.movedTimer = undefined;
      }
    } finally {
      this.checkingMoved = false;
    }
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

  /**
   * Re-checks every root against the disk, leaving documents with unsaved changes alone. A
   * reconcile asked for while one runs starts after it.
   */
  reconcile(): Promise<void> {
    const before = this.reconciling?.catch(() => undefined);
    const run = before ? before.then(() => this.reconcileRoots()) : this.reconcileRoots();
    this.reconciling = run;
    const clear = () => {
      if (this.reconciling === run) this.reconciling = undefined;
    };
    run.then(clear, clear);
    return run;
  }

  private async reconcileRoots(): Promise<void> {
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

  private takeText(doc: vscode.TextDocument, options: { settled?: boolean } = {}): void {
    if (doc.isClosed) return;
    const located = this.locate(doc.uri);
    if (!located) return;
    if (options.settled) {
      // The save comes after the last keystroke's text: that one need not be taken again.
      const key = doc.uri.toString();
      clearTimeout(this.pendingEdits.get(key));
      this.pendingEdits.delete(key);
    }
    this.fire([{ root: located.root, change: located.root.index.setText(located.path, doc.getText(), options) }]);
  }

  private fire(changes: JournalChange[]): void {
    const relevant = changes.filter((c) => c.change.files.length || c.change.relationships.length);
    if (relevant.length) this.changed.fire(relevant);
    void vscode.commands.executeCommand('setContext', 'mentoringJournal.hasJournal', this.relationships().length > 0);
  }

  dispose(): void {
    this.disposal.isCancellationRequested = true;
    for (const t of this.pendingEdits.values()) clearTimeout(t);
    clearTimeout(this.burstTimer);
    clearInterval(this.movedTimer);
    clearInterval(this.dayTimer);
    for (const d of this.disposables) d.dispose();
  }
}
