import { isAgreementFile, isExcludedName, isMarkdownPath } from '../core/conventions';
import { isNotFound } from '../core/ioReason';
import type { FileSystem } from '../core/types';

/**
 * A part of a journal that can be checked on its own: a relationship folder with everything
 * below it (`tree`), or the Markdown files directly in a folder outside every relationship
 * (`files`). Every rule looks at one file or at one relationship, and a relationship never
 * reaches outside its folder, so checking the parts one by one gives exactly the problems
 * of checking the whole journal at once, while only one part is held in memory.
 */
export interface Part {
  kind: 'tree' | 'files';
  /** Root-relative POSIX folder (`''` is the root). */
  folder: string;
}

const join = (folder: string, name: string) => (folder ? `${folder}/${name}` : name);

/**
 * Splits the journal under `fs` into parts. Walks only down to the first folder with an
 * agreement.md on each path. A folder that cannot be read is a part of its own, so that its
 * problem is reported.
 */
export async function partition(fs: FileSystem, exclude: readonly string[], maxDepth = 64): Promise<Part[]> {
  const parts: Part[] = [];
  const visit = async (folder: string, depth: number): Promise<void> => {
    if (depth > maxDepth) return;
    let entries: Array<[string, 'file' | 'directory' | 'other']>;
    try {
      entries = await fs.readDirectory(folder);
    } catch (error) {
      // Gone since its parent was listed: nothing to check. Unreadable: a part of its own, whose
      // index meets the same error and reports the folder (file/unreadable), so the check fails.
      if (!isNotFound(error)) parts.push({ kind: 'files', folder });
      return;
    }
    if (entries.some(([name, kind]) => isAgreementFile(name) && kind === 'file')) {
      parts.push({ kind: 'tree', folder });
      return;
    }
    if (entries.some(([name, kind]) => kind === 'file' && isMarkdownPath(name) && !isExcludedName(name, exclude))) parts.push({ kind: 'files', folder });
    const folders = entries.filter(([name, kind]) => kind === 'directory' && !isExcludedName(name, exclude)).map(([name]) => name);
    for (const name of folders.sort()) await visit(join(folder, name), depth + 1);
  };
  await visit('', 0);
  return parts;
}

/**
 * The file system as one part sees it: folders above the part show only the way down to
 * it, and a `files` part shows no subfolders. Paths stay relative to the journal root, so
 * relationship ids and reported paths are the same as for the whole journal.
 */
export class PartFileSystem implements FileSystem {
  constructor(
    private readonly fs: FileSystem,
    private readonly part: Part,
  ) {}

  readFile(path: string): Promise<Uint8Array> {
    return this.fs.readFile(path);
  }

  size(path: string): Promise<number | undefined> {
    return this.fs.size ? this.fs.size(path) : Promise.resolve(undefined);
  }

  async readFileUpTo(path: string, maxBytes: number): Promise<Uint8Array | { size: number }> {
    if (this.fs.readFileUpTo) return this.fs.readFileUpTo(path, maxBytes);
    const size = await this.size(path).catch(() => undefined);
    return size !== undefined && size > maxBytes ? { size } : this.fs.readFile(path);
  }

  async readDirectory(path: string): Promise<Array<[string, 'file' | 'directory' | 'other']>> {
    const { folder, kind } = this.part;
    const inside = folder === '' || path === folder || path.startsWith(`${folder}/`);
    if (inside) {
      const entries = await this.fs.readDirectory(path);
      return kind === 'tree' || path !== folder ? entries : entries.filter(([, k]) => k !== 'directory');
    }
    // Above the part: only the folder that leads down to it, which `partition` found there when it
    // listed this folder. Not listed again for each part: the journal's root, listed once per
    // relationship, was the largest listing of a check.
    if (path !== '' && !folder.startsWith(`${path}/`)) return [];
    const rest = path === '' ? folder : folder.slice(path.length + 1);
    return [[rest.split('/')[0]!, 'directory']];
  }
}
