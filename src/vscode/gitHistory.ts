import * as vscode from 'vscode';
import { mergeChanges, readJournalHistory, rootedHistory, withPaths, type GitCommit, type GitFileChange, type GitFileRequest, type GitHistorySource, type RelationshipHistory } from '../core/history';
import { localToday } from '../core/dates';
import type { Relationship } from '../core/types';
import type { JournalRoot } from './journalService';
import { eventWithin } from './events';

// The part of VS Code's built-in git extension API (`vscode.git`, API version 1) used here.
interface GitChange {
  readonly status: number;
  readonly uri: vscode.Uri;
  readonly originalUri: vscode.Uri;
  readonly renameUri?: vscode.Uri;
}
interface GitApiCommit {
  readonly hash: string;
  readonly parents: string[];
  readonly authorName?: string;
  readonly authorEmail?: string;
  readonly authorDate?: Date;
}
interface GitRepository {
  readonly rootUri: vscode.Uri;
  readonly state: { readonly HEAD?: { readonly name?: string; readonly commit?: string }; readonly indexChanges?: readonly GitChange[]; readonly onDidChange: vscode.Event<void> };
  log(options?: { maxEntries?: number }): Promise<GitApiCommit[]>;
  buffer(ref: string, path: string): Promise<Uint8Array>;
  diffBetweenWithStats?(ref1: string, ref2: string, path?: string): Promise<GitChange[]>;
  /** `git diff --raw <range>`: takes `<tree>..<commit>`, which the three-dot form above cannot do for a root commit. */
  diffBetweenWithStats2?(range: string, path?: string): Promise<GitChange[]>;
}
interface GitApi {
  readonly state: 'uninitialized' | 'initialized';
  readonly onDidChangeState: vscode.Event<'uninitialized' | 'initialized'>;
  readonly onDidOpenRepository: vscode.Event<GitRepository>;
  getRepository(uri: vscode.Uri): GitRepository | null;
}
interface GitExtension {
  readonly enabled: boolean;
  readonly onDidChangeEnablement: vscode.Event<boolean>;
  getAPI(version: 1): GitApi;
}

/** The git extension's `Status` values, as git's name-status letters. */
const STATUS: Record<number, GitFileChange['status']> = { 0: 'M', 1: 'A', 2: 'D', 3: 'R', 4: 'C', 5: 'M', 6: 'D', 11: 'T' };
/** git's empty tree, the "parent" of a root commit. */
const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';
/** How many `git diff` runs go at once while the files of new commits are read. */
const PARALLEL = 4;

/** A path relative to the repository's top (`top`, no trailing slash), or undefined outside it. */
const underTop = (top: string, uri: vscode.Uri | undefined): string | undefined => (uri?.path.startsWith(`${top}/`) ? uri.path.slice(top.length + 1) : undefined);

/** The git extension's `Status.INDEX_RENAMED`: a rename staged in the index. */
const INDEX_RENAMED = 3;

/**
 * The renames staged but not committed (`git mv p ana-and-bo`), from each old path to its new one,
 * repository-relative: the history is read as if the files had always had their new paths, which
 * are the ones the journal has now, as the command line reads it (gitSource.ts).
 */
export function stagedRenames(repository: Pick<GitRepository, 'rootUri' | 'state'>): Map<string, string> {
  const top = repository.rootUri.path.replace(/\/$/, '');
  const rel = (uri: vscode.Uri | undefined) => underTop(top, uri);
  const out = new Map<string, string>();
  for (const change of repository.state.indexChanges ?? []) {
    if (change.status !== INDEX_RENAMED) continue;
    const from = rel(change.originalUri);
    const to = rel(change.renameUri ?? change.uri);
    if (from !== undefined && to !== undefined && from !== to) out.set(from, to);
  }
  return out;
}

const renamesKey = (renames: Map<string, string>) => [...renames].map(([from, to]) => `${from}\0${to}`).sort().join('\0');

/** Children before parents (what the engine expects), keeping the log's order otherwise. */
export function childrenFirst<T extends { hash: string; parents: string[] }>(commits: readonly T[]): T[] {
  const byHash = new Map(commits.map((c) => [c.hash, c]));
  const children = new Map<string, number>();
  for (const c of commits) for (const p of c.parents) if (byHash.has(p)) children.set(p, (children.get(p) ?? 0) + 1);
  const ready = commits.filter((c) => !children.get(c.hash)).reverse();
  const out: T[] = [];
  while (ready.length) {
    const c = ready.pop()!;
    out.push(c);
    for (const p of [...c.parents].reverse()) {
      const left = (children.get(p) ?? 0) - 1;
      children.set(p, left);
      const parent = byHash.get(p);
      if (left === 0 && parent) ready.push(parent);
    }
  }
  return out.length === commits.length ? out : [...commits];
}

/** Whether the repository at `root` is a shallow clone (`.git/shallow` is there); a worktree or submodule, whose `.git` is a file, counts as not. */
async function isShallow(root: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(vscode.Uri.joinPath(root, '.git', 'shallow'));
    return true;
  } catch {
    return false;
  }
}

/** What the git history puts on the extension's API (`api.gitHistory`), for tests. */
export interface GitHistoryApi {
  /** The history of a relationship once read; undefined until then, and always without git. */
  get(root: JournalRoot, relationship: Relationship): RelationshipHistory | undefined;
  /** Reads it (in the background of whoever awaits) and resolves with it; undefined without git. */
  load(root: JournalRoot, relationship: Relationship): Promise<RelationshipHistory | undefined>;
  /** Fires when a history was read, or HEAD moved and the histories were dropped. */
  readonly onDidChange: vscode.Event<void>;
  /** `git` commands asked of the git extension so far (activation asks none). */
  readonly stats: { logs: number; diffs: number; reads: number };
}

/**
 * The journal's git history through VS Code's built-in git extension, used when it is there and
 * enabled (it is not an extension dependency). Nothing is read at activation: a relationship's
 * history is read in the background the first time a view asks for it, from the repository that
 * holds its agreement, and kept until that repository's HEAD moves. A commit's changed files never
 * change, so they are kept across HEAD moves. Virtual workspaces, the web and folders outside git
 * get no history, and nothing else changes.
 */
export class GitHistory implements GitHistoryApi, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  readonly stats = { logs: 0, diffs: 0, reads: 0 };
  private loads = new WeakMap<Relationship, Promise<RelationshipHistory | undefined>>();
  private done = new WeakMap<Relationship, RelationshipHistory | undefined>();
  /** One source per journal root and repository, for the HEAD it was made at. */
  private readonly sources = new Map<string, GitHistorySource>();
  private readonly files = new Map<string, GitFileChange[]>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private readonly watched = new Set<string>();
  private api: Promise<GitApi | undefined> | undefined;
  private openWatch: vscode.Disposable | undefined;
  private enablement: vscode.Disposable | undefined;
  private fireTimer: ReturnType<typeof setTimeout> | undefined;
  private mayActivate: Promise<unknown> | undefined;

  /**
   * `notBefore`: what to wait for before activating the git extension when nothing has activated
   * it yet. Activating it costs the extension host a few hundred milliseconds, on the thread that
   * answers the views; the extension waits until the journal is read and the tree has shown it.
   */
  constructor(private readonly notBefore?: () => Promise<unknown>) {}

  get(root: JournalRoot, relationship: Relationship): RelationshipHistory | undefined {
    if (this.done.has(relationship)) return this.done.get(relationship);
    void this.load(root, relationship);
    return undefined;
  }

  load(root: JournalRoot, relationship: Relationship): Promise<RelationshipHistory | undefined> {
    let loading = this.loads.get(relationship);
    if (!loading) {
      const done = this.done;
      loading = this.read(root, relationship);
      this.loads.set(relationship, loading);
      void loading.then((history) => {
        if (this.done !== done) return; // HEAD moved meanwhile: read again when asked
        done.set(relationship, history);
        if (history) this.fire();
      });
    }
    return loading;
  }

  dispose(): void {
    if (this.fireTimer) clearTimeout(this.fireTimer);
    this.openWatch?.dispose();
    this.enablement?.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  private async read(root: JournalRoot, relationship: Relationship): Promise<RelationshipHistory | undefined> {
    try {
      if (root.uri.scheme !== 'file') return undefined;
      const api = await this.gitApi();
      const repository = api?.getRepository(root.fs.uri(relationship.agreementFile));
      if (!repository) return undefined;
      const source = this.sourceFor(root, repository);
      return (await readJournalHistory(source, [relationship])).get(relationship.id);
    } catch {
      return undefined; // a git failure hides the history; it never breaks the view
    }
  }

  /** The git extension's API once it is initialized; undefined without the extension or with git disabled. */
  private gitApi(): Promise<GitApi | undefined> {
    return (this.api ??= (async () => {
      const extension = vscode.extensions.getExtension<GitExtension>('vscode.git');
      if (!extension) return undefined;
      if (!extension.isActive) await (this.mayActivate ??= this.notBefore?.() ?? Promise.resolve());
      const git = extension.isActive ? extension.exports : await extension.activate();
      if (!git) return undefined;
      // `git.enabled: false` turns the extension off; when it is turned on, ask again.
      this.enablement ??= git.onDidChangeEnablement(() => {
        this.api = undefined;
        this.reset();
      });
      if (!git.enabled) return undefined;
      const api = git.getAPI(1);
      if (api.state !== 'initialized') await eventWithin(api.onDidChangeState, (s) => s === 'initialized', 10_000);
      // A repository opened later (the git extension finds them as it goes) may hold a journal.
      this.openWatch?.dispose();
      this.openWatch = api.onDidOpenRepository(() => this.reset());
      return api;
    })().catch(() => undefined));
  }

  private sourceFor(root: JournalRoot, repository: GitRepository): GitHistorySource {
    const key = `${root.uri.toString()}|${repository.rootUri.toString()}`;
    let source = this.sources.get(key);
    if (!source) {
      source = this.source(root, repository);
      this.sources.set(key, source);
    }
    const repoKey = repository.rootUri.toString();
    if (!this.watched.has(repoKey)) {
      this.watched.add(repoKey);
      let head = repository.state.HEAD?.commit;
      let renames = renamesKey(stagedRenames(repository));
      this.disposables.push(
        repository.state.onDidChange(() => {
          // A commit, or a rename staged or unstaged: the history reads differently.
          const now = renamesKey(stagedRenames(repository));
          if (repository.state.HEAD?.commit === head && now === renames) return;
          head = repository.state.HEAD?.commit;
          renames = now;
          this.reset();
        }),
      );
    }
    return source;
  }

  /** Forgets every history (HEAD moved, or a repository appeared) and tells the views. */
  private reset(): void {
    this.loads = new WeakMap();
    this.done = new WeakMap();
    this.sources.clear();
    this.fire();
  }

  private fire(): void {
    // Several relationships finish together: one refresh for all of them.
    this.fireTimer ??= setTimeout(() => {
      this.fireTimer = undefined;
      this.changed.fire();
    }, 30);
  }

  private source(root: JournalRoot, repository: GitRepository): GitHistorySource {
    const top = repository.rootUri.path.replace(/\/$/, '');
    const base = root.uri.path.replace(/\/$/, '');
    // Repository-relative paths to journal-root-relative ones: the root may be the repository,
    // hold it in a subfolder (a submodule), or be a folder of it (rootedHistory, which follows
    // files moved in from outside the root).
    const nested = top.startsWith(`${base}/`) ? `${top.slice(base.length + 1)}/` : undefined;
    const prefix = base.startsWith(`${top}/`) ? base.slice(top.length + 1) : top === base || nested !== undefined ? '' : undefined;
    let commits: Promise<GitCommit[]> | undefined;
    const staged = stagedRenames(repository);
    const before = new Map([...staged].map(([from, to]) => [to, from]));
    const renamed = (p: string) => staged.get(p) ?? p;
    // A new repository: HEAD names a branch that has no commit yet (`git log` would fail).
    const unborn = () => repository.state.HEAD?.name !== undefined && repository.state.HEAD.commit === undefined;
    return {
      noCommitsYet: async () => prefix !== undefined && unborn(),
      commits: () =>
        (commits ??= (async () => {
          // A shallow clone's oldest commit looks as if it added every file: no history from it,
          // as on the command line.
          if (prefix === undefined || unborn() || (await isShallow(repository.rootUri))) return [];
          this.stats.logs++;
          const log = childrenFirst(await repository.log({ maxEntries: 1_000_000 }));
          await this.changesOf(repository, log.filter((c) => !this.files.has(`${top}@${c.hash}`)), top);
          const fromTop = log.map((c) => ({
            hash: c.hash,
            parents: [...c.parents],
            author: { name: c.authorName ?? '', email: c.authorEmail ?? '' },
            // The author date's day where this machine is, as the command line gives it (`--date=short-local`).
            date: localToday(c.authorDate ?? new Date(0)),
            files: (this.files.get(`${top}@${c.hash}`) ?? []).map((f) => (nested === undefined && !staged.size ? f : withPaths(f, (p) => (nested ?? '') + renamed(p)))),
          }));
          return rootedHistory(fromTop, prefix);
        })()),
      read: (requests: GitFileRequest[]) =>
        Promise.all(
          requests.map(async (r) => {
            this.stats.reads++;
            try {
              const file = vscode.Uri.joinPath(root.uri, ...r.path.split('/'));
              // A file renamed in the index is read at the path the commits knew.
              const fromTop = underTop(top, file);
              const old = fromTop === undefined ? undefined : before.get(fromTop);
              return await repository.buffer(r.commit, old === undefined ? file.fsPath : vscode.Uri.joinPath(repository.rootUri, ...old.split('/')).fsPath);
            } catch {
              return undefined;
            }
          }),
        ),
    };
  }

  /**
   * Reads the changed files of each commit (repository-relative paths), a few `git diff` runs at
   * a time; a merge's against each parent, combined as the command line combines them (mergeChanges).
   */
  private async changesOf(repository: GitRepository, commits: GitApiCommit[], top: string): Promise<void> {
    const diff = async (c: GitApiCommit, parent: string): Promise<GitChange[]> => {
      this.stats.diffs++;
      try {
        return await (repository.diffBetweenWithStats2
          ? repository.diffBetweenWithStats2(`${parent}..${c.hash}`)
          : repository.diffBetweenWithStats
            ? repository.diffBetweenWithStats(parent, c.hash)
            : Promise.resolve([]));
      } catch {
        return [];
      }
    };
    const rel = (uri: vscode.Uri) => underTop(top, uri);
    const files = (changes: GitChange[]): GitFileChange[] =>
      changes.flatMap((ch) => {
        const status = STATUS[ch.status];
        const path = rel(ch.renameUri ?? ch.uri);
        if (!status || path === undefined) return [];
        const from = status === 'R' ? rel(ch.originalUri) : undefined;
        return [{ status, path, ...(from !== undefined ? { from } : {}) }];
      });
    let next = 0;
    const worker = async () => {
      while (next < commits.length) {
        const c = commits[next++]!;
        const parents = c.parents.length ? c.parents : [EMPTY_TREE];
        const perParent: GitFileChange[][] = [];
        for (const parent of parents) perParent.push(files(await diff(c, parent)));
        this.files.set(`${top}@${c.hash}`, perParent.length > 1 ? mergeChanges(perParent) : perParent[0]!);
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
  }
}
