/**
 * What the engine needs from git, injected by the host: the CLI runs `git` as a child process,
 * the extension asks VS Code's git extension, tests build real repositories. The engine never
 * runs anything itself.
 */

/** A commit's author as git recorded it. */
export interface GitAuthor {
  name: string;
  email: string;
}

/** What a commit did to one file. Paths are relative to the journal root, POSIX. */
export interface GitFileChange {
  /** Added, modified, deleted, renamed (from `from`), copied, or type changed. */
  status: 'A' | 'M' | 'D' | 'R' | 'C' | 'T';
  path: string;
  /** The file's previous path, for a rename or copy. */
  from?: string;
}

/** One commit, with the files it changed (for a merge, see mergeChanges). */
export interface GitCommit {
  hash: string;
  author: GitAuthor;
  /** The author date, `YYYY-MM-DD`, in the local time zone of the machine that reads the history. */
  date: string;
  parents: string[];
  files: GitFileChange[];
}

/** A file's bytes wanted at a commit. */
export interface GitFileRequest {
  commit: string;
  path: string;
}

/** Read access to the journal's git history. */
export interface GitHistorySource {
  /**
   * The commits that changed a file under the journal root, on every branch merged (no history
   * simplification), merges with their changes combined by mergeChanges, with renames detected;
   * an empty list when there is no history. Any order with a commit before its parents:
   * readJournalHistory puts them in authorDateOrder.
   */
  commits(): Promise<GitCommit[]>;
  /**
   * Whether the repository has no commit at all yet (a new repository, its branch unborn): then
   * no file of the journal is committed, which is worth saying, where an empty list of commits
   * otherwise only means that there is no history to read (a shallow clone, say).
   */
  noCommitsYet?(): Promise<boolean>;
  /** The files' bytes at those commits, in the order asked; `undefined` where a file is absent. */
  read(requests: GitFileRequest[]): Promise<Array<Uint8Array | undefined>>;
}

/** One version of a file: the commit that wrote it and the path it had there. */
export interface FileVersion {
  /** Index of the commit in the list, newest first. */
  index: number;
  commit: GitCommit;
  path: string;
  /** What the commit did to the file: its status, and for a rename the path it had before. */
  change: GitFileChange;
}

/**
 * Where the parent of a version's commit had the file: the path before a rename, else the same
 * path. None for a file the commit added or copied (it had no earlier version there), for a first
 * commit, and for a merge, whose changes are read against the history so far, not its parents
 * (goalHistories).
 */
export function parentPath(version: FileVersion): { commit: string; path: string } | undefined {
  const { change, commit } = version;
  if (change.status === 'A' || change.status === 'C' || commit.parents.length !== 1) return undefined;
  return { commit: commit.parents[0]!, path: change.status === 'R' && change.from ? change.from : version.path };
}

/**
 * Every version of the file now at `path`, newest first, following renames back to the commit
 * that added it. A path's earlier life counts too: a file deleted and added again (a deletion
 * reverted, a goal file restored) is followed back past the addition to its versions before the
 * deletion, and so is a file added on two branches at once, to both additions. A goal history
 * thus does not depend on whether a goal came back at the same path or in another file. But a
 * file that a rename took elsewhere lives on there: the versions a path had before it was renamed
 * away are that file's, not those of a new file written at the path later (a relationship moved
 * to `archive/`, and a new one started in its old folder).
 *
 * Only versions from the commit at index `from` back, and, for `path` itself, no older than
 * `until` (a folder whose earlier life belongs to another relationship, goalFiles).
 */
export function fileVersions(commits: readonly GitCommit[], path: string, byPath: PathIndex = pathIndex(commits), from = 0, until = Infinity): FileVersion[] {
  const versions: FileVersion[] = [];
  const seen = new Set<string>();
  // Each path to walk, from a commit index on: the path itself, and each path a rename came from.
  const walks: Array<{ name: string; from: number; until: number }> = [{ name: path, from, until }];
  for (let walk = walks.pop(); walk; walk = walks.pop()) {
    // Versions older than a rename away from the path went with it.
    const oldest = Math.min(walk.until, movedAwayAt(byPath, walk.name, walk.from));
    for (const entry of byPath.get(walk.name) ?? []) {
      if (entry.index < walk.from || entry.index > oldest || entry.change.status === 'D' || movedAway(entry.change, walk.name)) continue;
      const id = `${entry.index}\u0000${walk.name}`;
      if (seen.has(id)) continue;
      seen.add(id);
      versions.push({ index: entry.index, commit: commits[entry.index]!, path: walk.name, change: entry.change });
      if (entry.change.status === 'R' && entry.change.from) walks.push({ name: entry.change.from, from: entry.index + 1, until: Infinity });
    }
  }
  return versions.sort((a, b) => a.index - b.index);
}

/**
 * What a merge commit did to each path, from its changes against each of its parents (in the
 * parents' order): a file it added (absent from every parent), renamed (alike from every parent)
 * or deleted; else, where it differs from some parent, a version (`M`). A file added on one
 * branch is not added by the merge: the walk back (fileVersions) goes on to the commit that
 * added it. A path the merge left as one parent had it is still a version where another parent
 * differs: in the date order of the history, the version before it may be that other parent's.
 */
export function mergeChanges(perParent: ReadonlyArray<readonly GitFileChange[]>): GitFileChange[] {
  const byPath = new Map<string, Array<GitFileChange | undefined>>();
  perParent.forEach((changes, i) => {
    for (const change of changes) {
      const list = byPath.get(change.path) ?? Array.from({ length: perParent.length }, () => undefined);
      list[i] = change;
      byPath.set(change.path, list);
    }
  });
  const out: GitFileChange[] = [];
  for (const [path, list] of byPath) {
    const all = list.every((c) => c !== undefined);
    if (list.some((c) => c?.status === 'D')) out.push({ status: 'D', path });
    else if (all && list.every((c) => c!.status === 'A')) out.push({ status: 'A', path });
    else if (all && list.every((c) => c!.status === 'R' && c!.from === list[0]!.from)) out.push({ status: 'R', path, from: list[0]!.from! });
    else out.push({ status: 'M', path });
  }
  return out;
}

/**
 * The commits newest first by author date, and never a commit before one of its children (as
 * `git log --author-date-order`): commits of two branches interleave by date, as they were
 * made, instead of one branch after the other. Equal dates keep the order given.
 */
export function authorDateOrder(commits: readonly GitCommit[]): GitCommit[] {
  const at = new Map(commits.map((c, i) => [c.hash, i]));
  const children = new Array<number>(commits.length).fill(0);
  for (const c of commits) for (const p of new Set(c.parents)) if (at.has(p)) children[at.get(p)!]!++;
  // A heap of the commits whose children are all out: the newest date first, then the given order.
  const heap: number[] = [];
  const before = (a: number, b: number) => commits[a]!.date > commits[b]!.date || (commits[a]!.date === commits[b]!.date && a < b);
  const push = (i: number) => {
    heap.push(i);
    for (let k = heap.length - 1; k > 0; ) {
      const up = (k - 1) >> 1;
      if (!before(heap[k]!, heap[up]!)) break;
      [heap[k], heap[up]] = [heap[up]!, heap[k]!];
      k = up;
    }
  };
  const pop = (): number => {
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length) {
      heap[0] = last;
      for (let k = 0; ; ) {
        const l = 2 * k + 1;
        const r = l + 1;
        let best = k;
        if (l < heap.length && before(heap[l]!, heap[best]!)) best = l;
        if (r < heap.length && before(heap[r]!, heap[best]!)) best = r;
        if (best === k) break;
        [heap[k], heap[best]] = [heap[best]!, heap[k]!];
        k = best;
      }
    }
    return top;
  };
  commits.forEach((_, i) => children[i] === 0 && push(i));
  const out: GitCommit[] = [];
  while (heap.length) {
    const i = pop();
    out.push(commits[i]!);
    for (const p of new Set(commits[i]!.parents)) {
      const j = at.get(p);
      if (j !== undefined && --children[j]! === 0) push(j);
    }
  }
  // A cycle cannot happen in git; should the list be odd anyway, it is kept as given.
  return out.length === commits.length ? out : [...commits];
}

/**
 * Each path's changes, newest first, with the index of their commit; and under the path a rename
 * took a file from, that rename too (`movedAway`): where the file at the path went elsewhere.
 */
export type PathIndex = ReadonlyMap<string, ReadonlyArray<{ index: number; change: GitFileChange }>>;

/** Whether a change listed under `path` is a rename that took the file at `path` elsewhere. */
export const movedAway = (change: GitFileChange, path: string): boolean => change.status === 'R' && change.from === path && change.path !== path;

/** The index of the newest commit, from the one at `from` back, that renamed the file at `path` away (Infinity when none did). */
export function movedAwayAt(byPath: PathIndex, path: string, from: number): number {
  const away = (byPath.get(path) ?? []).find((e) => e.index >= from && movedAway(e.change, path));
  return away ? away.index : Infinity;
}

/** A change with its path, and the path a rename came from, rewritten by `to` (a prefix added, a staged rename applied). */
export const withPaths = (change: GitFileChange, to: (path: string) => string): GitFileChange => ({ ...change, path: to(change.path), ...(change.from !== undefined ? { from: to(change.from) } : {}) });

/** Indexes the commits' changes by path, so that following a file costs its own changes only. */
export function pathIndex(commits: readonly GitCommit[]): PathIndex {
  const map = new Map<string, Array<{ index: number; change: GitFileChange }>>();
  const add = (path: string, index: number, change: GitFileChange) => {
    const list = map.get(path) ?? [];
    list.push({ index, change });
    map.set(path, list);
  };
  commits.forEach((commit, index) => {
    for (const change of commit.files) {
      add(change.path, index, change);
      if (movedAway(change, change.from ?? '')) add(change.from!, index, change);
    }
  });
  return map;
}

/**
 * A history read from a repository nested in the journal (a git submodule at `prefix`, a folder
 * of the journal root), with its paths as the journal root has them: the commits' paths get the
 * prefix, and reads lose it again.
 */
export function nestedHistory(source: GitHistorySource, prefix: string): GitHistorySource {
  const add = (p: string) => `${prefix}/${p}`;
  const cut = (p: string) => (p.startsWith(`${prefix}/`) ? p.slice(prefix.length + 1) : p);
  return {
    commits: async () => (await source.commits()).map((c) => ({ ...c, files: c.files.map((f) => withPaths(f, add)) })),
    read: (requests) => source.read(requests.map((r) => ({ commit: r.commit, path: cut(r.path) }))),
    ...(source.noCommitsYet ? { noCommitsYet: () => source.noCommitsYet!() } : {}),
  };
}

/**
 * A repository's history (paths from its top, children before parents) as a journal root at
 * `prefix`, a folder of the repository, sees it: paths below the root lose the prefix, and the
 * others are left out (a file moved out of the root is deleted from it), except along the way a
 * file came into the root by a rename (a journal moved into its folder). Those keep their path
 * from the root (`../p/agreement.md` for `p/agreement.md` seen from `journal`), so that
 * `fileVersions` follows the file back past the move, and reads through `<commit>:./<path>` find it.
 */
export function rootedHistory(commits: readonly GitCommit[], prefix: string): GitCommit[] {
  if (!prefix) return [...commits];
  const inside = (p: string) => p.startsWith(`${prefix}/`);
  const up = prefix.split('/');
  const fromRoot = (p: string): string => {
    if (inside(p)) return p.slice(prefix.length + 1);
    const parts = p.split('/');
    let same = 0;
    while (same < up.length && same < parts.length - 1 && parts[same] === up[same]) same++;
    return [...Array<string>(up.length - same).fill('..'), ...parts.slice(same)].join('/');
  };
  // The paths outside the root that a file below it once had, gathered newest first: a commit's
  // rename names the path its parents had the file at. And the folders such a file was in: a
  // folder moved in (`git mv zl j/`) may have files git saw as deleted and added, not renamed (a
  // goal file rewritten in the same commit), whose earlier versions are kept too.
  const followed = new Set<string>();
  const folders = new Set<string>();
  const inFolder = (p: string) => folders.has('') || [...folders].some((f) => p.startsWith(`${f}/`));
  return commits.map((commit) => {
    for (const change of commit.files) {
      if (change.from !== undefined && inside(change.path) && !inside(change.from)) {
        const folder = movedFolder(change.from, change.path);
        if (folder !== undefined && !inside(`${folder}/`) && folder !== prefix) folders.add(folder);
      }
    }
    const files: GitFileChange[] = [];
    for (const change of commit.files) {
      if (!inside(change.path) && !followed.has(change.path) && !inFolder(change.path)) {
        // Moved out of the root: gone from it, as git limited to the root's folder says.
        if (change.status === 'R' && change.from !== undefined && inside(change.from)) files.push({ status: 'D', path: fromRoot(change.from) });
        continue;
      }
      if (change.from !== undefined && !inside(change.from)) followed.add(change.from);
      files.push({ ...change, path: fromRoot(change.path), ...(change.from !== undefined ? { from: fromRoot(change.from) } : {}) });
    }
    return { ...commit, files };
  });
}

/**
 * The folder a file was in when a rename moved that folder (`zl/agreement.md` → `j/zl/agreement.md`
 * gives `zl`; `agreement.md` → `j/agreement.md` gives `''`, the top): the part of `from` before
 * the path both share at their ends. Undefined when the file's own name changed.
 */
export function movedFolder(from: string, to: string): string | undefined {
  const a = from.split('/');
  const b = to.split('/');
  if (a[a.length - 1] !== b[b.length - 1]) return undefined;
  let shared = 0;
  while (shared < a.length && shared < b.length && a[a.length - 1 - shared] === b[b.length - 1 - shared]) shared++;
  // What is left of `from` before the path both end with is the folder (`''`: the top).
  return a.slice(0, a.length - shared).join('/');
}
