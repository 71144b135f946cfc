/**
 * Folder renames seen through a file watcher. A watcher reports a renamed folder as one folder
 * deleted and another created (in either order), and some watchers (VS Code's on Linux) go on
 * reporting changes under the new folder with the old folder's path. FolderMoves pairs a vanished
 * folder with one that appeared soon after (or before) holding the same files, and translates a
 * path under the old folder to the same path under the new one, so that the host can re-read
 * the file where it is now.
 */

/** A vanished and an appeared folder are paired when seen at most this far apart. */
export const MOVE_WINDOW_MS = 10_000;
/** Moves remembered at most (the oldest are forgotten first). */
const MAX_MOVES = 100;

interface Seen {
  folder: string;
  /** Paths of the files under the folder, relative to it, sorted and joined. */
  files: string;
  at: number;
}

const under = (path: string, folder: string) => path === folder || path.startsWith(`${folder}/`);

/** The files under `folder` among `paths` (root-relative), relative to the folder: what a move keeps. */
function relativeFiles(folder: string, paths: Iterable<string>): string {
  const out: string[] = [];
  for (const path of paths) if (path.startsWith(`${folder}/`)) out.push(path.slice(folder.length + 1));
  return out.sort().join('\n');
}

export class FolderMoves {
  private vanished: Seen[] = [];
  private appeared: Seen[] = [];
  /** Old folder → new folder, in the order they were found. */
  private readonly moves = new Map<string, string>();

  /** A folder was deleted; `paths` are the root-relative paths the index held before (those under it count). */
  noteVanished(folder: string, paths: Iterable<string>, now: number): void {
    const files = relativeFiles(folder, paths);
    if (files) this.note('vanished', { folder, files, at: now }, now);
  }

  /** A folder was created; `paths` are the root-relative paths the index holds now that it was read. */
  noteAppeared(folder: string, paths: Iterable<string>, now: number): void {
    const files = relativeFiles(folder, paths);
    if (files) this.note('appeared', { folder, files, at: now }, now);
  }

  /** The folder `folder` was renamed to `to` (a rename the host reported as such). */
  noteMove(folder: string, to: string): void {
    if (folder === to) return;
    this.moves.delete(folder);
    this.moves.set(folder, to);
    while (this.moves.size > MAX_MOVES) this.moves.delete(this.moves.keys().next().value!);
  }

  /** The folders moves led to (the last of each chain): the host keeps an eye on them itself. */
  targets(): string[] {
    const sources = new Set(this.moves.keys());
    return [...new Set([...this.moves.values()].filter((to) => !sources.has(to)))];
  }

  /** Forgets the moves that led to `folder` (it is gone). */
  forget(folder: string): void {
    for (const [from, to] of [...this.moves]) if (to === folder) this.moves.delete(from);
  }

  /**
   * Where a path reported by the watcher may be now: the same path under the folder each move
   * (and each later move of that folder) led to. Empty when the path is under no moved folder.
   */
  translate(path: string): string[] {
    const out: string[] = [];
    let current = path;
    for (let hops = 0; hops < MAX_MOVES; hops++) {
      const from = [...this.moves.keys()].filter((folder) => under(current, folder)).sort((a, b) => b.length - a.length)[0];
      if (from === undefined) break;
      current = this.moves.get(from)! + current.slice(from.length);
      if (current === path || out.includes(current)) break;
      out.push(current);
    }
    return out;
  }

  private note(kind: 'vanished' | 'appeared', seen: Seen, now: number): void {
    this.vanished = this.vanished.filter((s) => now - s.at <= MOVE_WINDOW_MS);
    this.appeared = this.appeared.filter((s) => now - s.at <= MOVE_WINDOW_MS);
    this[kind].push(seen);
    for (const gone of this.vanished) {
      const match = this.appeared.find((s) => s.files === gone.files && s.folder !== gone.folder && !under(s.folder, gone.folder) && !under(gone.folder, s.folder));
      if (!match) continue;
      this.noteMove(gone.folder, match.folder);
      this.vanished = this.vanished.filter((s) => s !== gone);
      this.appeared = this.appeared.filter((s) => s !== match);
      return;
    }
  }
}
