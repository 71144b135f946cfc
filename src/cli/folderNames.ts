import { existsSync } from 'node:fs';
import * as path from 'node:path';

/**
 * What a walk learnt from the folders it listed, so that asking whether one of them holds a
 * `.gitignore`, a config file or `.git` costs no call to the disk: the bench's journal of 405
 * folders asked it about 1,900 times (docs/performance.md). Only the names that start with a dot
 * are kept, since only those are asked about, so memory does not grow with the journal.
 *
 * Only a "no" is taken from a listing. A name that is there, in any case (a case-insensitive
 * disk), is still asked of the disk, which follows a link as before: a link to nothing is no file.
 */
export class FolderNames {
  private readonly folders = new Map<string, Set<string>>();

  /** The names of a folder's entries, as just listed; `folder` absolute and normal (path.resolve's form). */
  record(folder: string, names: readonly string[]): void {
    const dotted = new Set<string>();
    for (const name of names) if (name.charCodeAt(0) === 0x2e) dotted.add(name.toLowerCase());
    this.folders.set(folder, dotted);
  }

  /** Whether anything is at `folder/name` (what existsSync says), without asking the disk when a listing of `folder` says no. */
  exists(folder: string, name: string): boolean {
    const dotted = this.folders.get(folder);
    if (dotted && name.charCodeAt(0) === 0x2e && !dotted.has(name.toLowerCase())) return false;
    return existsSync(path.join(folder, name));
  }
}

/** existsSync, as a FolderNames without listings answers it. */
export const onDisk = (folder: string, name: string): boolean => existsSync(path.join(folder, name));
