import { promises as fsp, type Dirent } from 'node:fs';
import * as path from 'node:path';
import type { FileSystem } from '../core/types';

type EntryKind = 'file' | 'directory' | 'other';

/**
 * The engine's `FileSystem` over `node:fs/promises`, rooted at an absolute folder.
 * Paths in are root-relative POSIX. A symbolic link to a file is read as that file;
 * a symbolic link to a folder is reported as `other`, so it is never entered: links
 * cannot make the walk loop or leave the root.
 */
export class NodeFileSystem implements FileSystem {
  constructor(readonly root: string) {}

  /** The absolute path of a root-relative POSIX path. */
  resolve(relative: string): string {
    return relative ? path.join(this.root, ...relative.split('/')) : this.root;
  }

  async readFile(relative: string): Promise<Uint8Array> {
    return fsp.readFile(this.resolve(relative));
  }

  async readDirectory(relative: string): Promise<Array<[string, EntryKind]>> {
    const folder = this.resolve(relative);
    const entries = await fsp.readdir(folder, { withFileTypes: true });
    return Promise.all(entries.map(async (entry): Promise<[string, EntryKind]> => [entry.name, await this.kind(folder, entry)]));
  }

  async size(relative: string): Promise<number | undefined> {
    try {
      return (await fsp.stat(this.resolve(relative))).size;
    } catch {
      return undefined; // readFile reports the failure
    }
  }

  private async kind(folder: string, entry: Dirent): Promise<EntryKind> {
    if (entry.isFile()) return 'file';
    if (entry.isDirectory()) return 'directory';
    if (!entry.isSymbolicLink()) return 'other';
    try {
      return (await fsp.stat(path.join(folder, entry.name))).isFile() ? 'file' : 'other';
    } catch {
      return 'other'; // a dangling link
    }
  }
}
