import { closeSync, fstatSync, lstatSync, openSync, readdirSync, readFileSync, readSync, statSync, type Dirent } from 'node:fs';
import { danglingLinkError, isNotFound, linkedFolderError } from '../core/ioReason';
import { isMarkdownPath } from '../core/conventions';
import { lstat } from 'node:fs/promises';
import * as path from 'node:path';
import type { FileSystem } from '../core/types';
import type { FolderNames } from './folderNames';
import type { Ignorer } from './ignore';

type EntryKind = 'file' | 'directory' | 'other';

/** A relative path that path.join would change: an empty, `.` or `..` segment, or a leading or trailing slash. */
const ODD_SEGMENT = /(?:^|\/)\.{0,2}(?:\/|$)/;

/** A file's content given on standard input, at its absolute path. */
export interface Overlay {
  absolute: string;
  content: Uint8Array;
}

/**
 * The engine's `FileSystem` over `node:fs/promises`, rooted at an absolute folder.
 * Paths in are root-relative POSIX. A symbolic link to a file is read as that file;
 * a symbolic link to a folder is listed as a folder that cannot be read (linkedFolderError), so
 * it is never entered but reported: links cannot make the walk loop or leave the root.
 *
 * The calls are synchronous behind the async interface: a command-line check has nothing
 * else to do meanwhile, and on 10,000 small files sync calls take a fraction of the time
 * of the promise API's file handles and thread-pool round trips (docs/performance.md).
 */
export class NodeFileSystem implements FileSystem {
  /** `ignorer` hides what .gitignore and the config's `ignores` leave out. */
  constructor(
    readonly root: string,
    private readonly ignorer?: Ignorer,
    /** A file whose content comes from elsewhere (standard input): read as if it were on disk, even when it is not. */
    private readonly overlay?: Overlay,
    /**
     * A root-relative folder (POSIX) outside which nothing is listed: the folders on the way to
     * it list only the next one down. Paths stay relative to the root (a cohort's relationships
     * keep the ids they have from the top of the repository).
     */
    private readonly within?: string,
    /** Where the names of the folders listed are kept, for the Ignorer and the config files' lookup of the same walk. */
    private readonly names?: FolderNames,
  ) {
    this.plainJoin = path.sep === '/' && path.isAbsolute(root) && !root.endsWith('/') && path.normalize(root) === root;
  }

  /** Whether `root/relative` is already the normal form of a plain relative path: POSIX separators, and a normal root that does not end in one. */
  private readonly plainJoin: boolean;

  /** Folders a listing showed as folders, not links to one: listing them needs no look at whether they are links. */
  private readonly realFolders = new Set<string>();

  /** The absolute path of a root-relative POSIX path. */
  resolve(relative: string): string {
    if (!relative) return this.root;
    // The engine's paths are already plain (`a/b.md`): joined as text, which path.join (with its
    // argument checks and normalising) made about 5% of a check's time on small files. Anything
    // else (`.` or `..` segments, doubled or end slashes, Windows) goes through path.join.
    if (this.plainJoin && !ODD_SEGMENT.test(relative)) return `${this.root}/${relative}`;
    return path.join(this.root, ...relative.split('/'));
  }

  async readFile(relative: string): Promise<Uint8Array> {
    const absolute = this.resolve(relative);
    if (this.overlay && absolute === this.overlay.absolute) return this.overlay.content;
    try {
      return readFileSync(absolute);
    } catch (error) {
      throw danglingOr(absolute, error);
    }
  }

  /**
   * A file's bytes, or its size alone when it has more than `maxBytes`: opened once, its size
   * from the open file, then read into a buffer of that size (what readFileSync does, less a
   * second look at the size), instead of a stat by path before reading.
   */
  async readFileUpTo(relative: string, maxBytes: number): Promise<Uint8Array | { size: number }> {
    const absolute = this.resolve(relative);
    if (this.overlay && absolute === this.overlay.absolute) {
      const content = this.overlay.content;
      return content.byteLength > maxBytes ? { size: content.byteLength } : content;
    }
    let fd: number;
    try {
      fd = openSync(absolute, 'r');
    } catch (error) {
      throw danglingOr(absolute, error);
    }
    try {
      const stats = fstatSync(fd);
      const size = stats.size;
      if (size > maxBytes) return { size };
      // Files that report no size (some virtual ones) are read to their end as readFileSync reads them.
      if (size === 0 || !stats.isFile()) return readFileSync(fd);
      const bytes = Buffer.allocUnsafeSlow(size);
      let filled = 0;
      while (filled < size) {
        const got = readSync(fd, bytes, filled, size - filled, null);
        if (got === 0) break;
        filled += got;
      }
      return filled === size ? bytes : bytes.subarray(0, filled);
    } finally {
      closeSync(fd);
    }
  }

  /**
   * A folder's entries. The overlay's file is listed where it belongs, and so are the folders on
   * its way that are not on disk yet (`check --stdin` for a file in a folder still to be made).
   */
  async readDirectory(relative: string): Promise<Array<[string, EntryKind]>> {
    const folder = this.resolve(relative);
    const overlaid = this.overlay && overlayEntry(folder, this.overlay.absolute);
    let entries: Array<[string, EntryKind]>;
    // The root itself may be a link (`check ~/journal`); a folder below it that is one is not entered.
    if (relative !== '' && !this.realFolders.has(folder) && lstatSync(folder, { throwIfNoEntry: false })?.isSymbolicLink()) throw linkedFolderError(folder);
    try {
      const dirents = readdirSync(folder, { withFileTypes: true });
      entries = dirents.map((entry): [string, EntryKind] => [entry.name, kind(folder, entry)]);
      this.names?.record(folder, entries.map(([name]) => name));
      for (const entry of dirents) if (entry.isDirectory()) this.realFolders.add(this.resolve(relative ? `${relative}/${entry.name}` : entry.name));
    } catch (error) {
      if (!overlaid || (error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      entries = [];
    }
    const ignorer = this.ignorer;
    let shown = ignorer ? entries.filter(([name, k]) => !ignorer.ignoredIn(folder, name, k === 'directory')) : entries;
    const within = this.within;
    if (within && relative !== within && !relative.startsWith(`${within}/`)) {
      const onTheWay = relative === '' || within.startsWith(`${relative}/`);
      const next = onTheWay ? within.slice(relative ? relative.length + 1 : 0).split('/')[0] : undefined;
      shown = shown.filter(([name, k]) => name === next && k === 'directory');
    }
    // Not where .gitignore or the config's `ignores` leave it out: the text is then a file the check leaves out, as on disk.
    if (overlaid && !shown.some(([n]) => n === overlaid[0]) && !ignorer?.ignoredIn(folder, overlaid[0], overlaid[1] === 'directory')) shown.push(overlaid);
    return shown;
  }

  async size(relative: string): Promise<number | undefined> {
    if (this.overlay && this.resolve(relative) === this.overlay.absolute) return this.overlay.content.byteLength;
    return statSync(this.resolve(relative), { throwIfNoEntry: false })?.size; // readFile reports a missing file
  }
}

/** The entry of `folder` on the way to the overlay's file: the file itself, or the next folder down; none when the file is not below `folder`. */
function overlayEntry(folder: string, file: string): [string, EntryKind] | undefined {
  const rest = path.relative(folder, file);
  if (!rest || rest.startsWith('..') || path.isAbsolute(rest)) return undefined;
  const first = rest.split(path.sep)[0]!;
  return [first, first === rest ? 'file' : 'directory'];
}

function kind(folder: string, entry: Dirent): EntryKind {
  if (entry.isFile()) return 'file';
  if (entry.isDirectory()) return 'directory';
  if (!entry.isSymbolicLink()) return 'other';
  try {
    const target = statSync(path.join(folder, entry.name));
    // A link to a folder is listed as a folder, so that listing it says it is not followed (below).
    return target.isFile() ? 'file' : target.isDirectory() ? 'directory' : 'other';
  } catch {
    // A link to nothing, or to itself: a Markdown one is listed as a file, whose reading says why it cannot be read.
    return isMarkdownPath(entry.name) ? 'file' : 'other';
  }
}

/** A read that found nothing at a symbolic link: the link leads nowhere (danglingLinkError), not a file that vanished. */
function danglingOr(absolute: string, error: unknown): unknown {
  return isNotFound(error) && lstatSync(absolute, { throwIfNoEntry: false })?.isSymbolicLink() ? danglingLinkError(absolute) : error;
}


/** Whether anything (a file, a folder, even a dangling link) is at an absolute path: commands that write never replace it. */
export async function pathExists(file: string): Promise<boolean> {
  try {
    await lstat(file);
    return true;
  } catch {
    return false;
  }
}
