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

/** One commit, with the files it changed (none for a merge). */
export interface GitCommit {
  hash: string;
  author: GitAuthor;
  /** The author date, `YYYY-MM-DD`, in the author's time zone. */
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
   * The commits that changed a file under the journal root, newest first, a commit always
   * before its parents, with renames detected; an empty list when there is no history.
   */
  commits(): Promise<GitCommit[]>;
  /** The files' bytes at those commits, in the order asked; `undefined` where a file is absent. */
  read(requests: GitFileRequest[]): Promise<Array<Uint8Array | undefined>>;
}

/** One version of a file: the commit that wrote it and the path it had there. */
export interface FileVersion {
  /** Index of the commit in the list, newest first. */
  index: number;
  commit: GitCommit;
  path: string;
}

/**
 * Every version of the file now at `path`, newest first, following renames back to the commit
 * that added it. A file that was deleted and added again is followed back to that addition only.
 */
export function fileVersions(commits: readonly GitCommit[], path: string, byPath: PathIndex = pathIndex(commits)): FileVersion[] {
  const versions: FileVersion[] = [];
  let name = path;
  let from = 0;
  for (;;) {
    const next = byPath.get(name)?.find((c) => c.index >= from && c.change.status !== 'D');
    if (!next) break;
    versions.push({ index: next.index, commit: commits[next.index]!, path: name });
    from = next.index + 1;
    if (next.change.status === 'A' || next.change.status === 'C') break;
    if (next.change.status === 'R' && next.change.from) name = next.change.from;
  }
  return versions;
}

/** Each path's changes, newest first, with the index of their commit. */
export type PathIndex = ReadonlyMap<string, ReadonlyArray<{ index: number; change: GitFileChange }>>;

/** Indexes the commits' changes by path, so that following a file costs its own changes only. */
export function pathIndex(commits: readonly GitCommit[]): PathIndex {
  const map = new Map<string, Array<{ index: number; change: GitFileChange }>>();
  commits.forEach((commit, index) => {
    for (const change of commit.files) {
      const list = map.get(change.path) ?? [];
      list.push({ index, change });
      map.set(change.path, list);
    }
  });
  return map;
}
