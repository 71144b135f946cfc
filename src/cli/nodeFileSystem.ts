import { readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { lstat } from 'node:fs/promises';
import * as path from 'node:path';
import type { FileSystem } from '../core/types';

type EntryKind = 'file' | 'directory' | 'other';

/**
 * The engine's `FileSystem` over `node:fs/promises`, rooted at an absolute folder.
 * Paths in are root-relative POSIX. A symbolic link to a file is read as that file;
 * a symbolic link to a folder is reported as `other`, so it is never entered: links
 * cannot make the walk loop or leave the root.
 *
 * The calls are synchronous behind the async interface: a command-line check has nothing
 * else to do meanwhile, and on 10,000 small files sync calls take a fraction of the time
 * of the promise API's file handles and thread-pool round trips (docs/performance.md).
 */
export class NodeFileSystem implements FileSystem {
  constructor(readonly root: string) {}

  /** The absolute path of a root-relative POSIX path. */
  resolve(relative: string): string {
    return relative ? path.join(this.root, ...relative.split('/')) : this.root;
  }

  async readFile(relative: string): Promise<Uint8Array> {
    return readFileSync(this.resolve(relative));
  }

  async readDirectory(relative: string): Promise<Array<[string, EntryKind]>> {
    const folder = this.resolve(relative);
    return readdirSync(folder, { withFileTypes: true }).map((entry): [string, EntryKind] => [entry.name, kind(folder, entry)]);
  }

  async size(relative: string): Promise<number | undefined> {
    return statSync(this.resolve(relative), { throwIfNoEntry: false })?.size; // readFile reports a missing file
  }
}

function kind(folder: string, entry: Dirent): EntryKind {
  if (entry.isFile()) return 'file';
  if (entry.isDirectory()) return 'directory';
  if (!entry.isSymbolicLink()) return 'other';
  try {
    return statSync(path.join(folder, entry.name)).isFile() ? 'file' : 'other';
  } catch {
    return 'other'; // a dangling link
  }
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
