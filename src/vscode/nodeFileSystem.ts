import * as fs from 'node:fs';
import type * as vscode from 'vscode';
import type { EntryKind, UriReader } from './workspaceFileSystem';

/** Whether Node says the file or folder is not there: the index forgets it, no fallback needed. */
function isNotFound(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/**
 * Reads `file:` URIs with Node's `fs`, in the extension host's own process: no round trip to the
 * window's file service. Only for an extension host that runs on Node, and loaded only then
 * (workspaceFileSystem.ts imports it on demand): nothing a web-worker bundle needs imports it.
 * A file or folder that is not there fails as with `vscode.workspace.fs`; any other error
 * (permissions, an unusual file system) is left to `fallback`, so the result, or the error the
 * user sees, is the one `vscode.workspace.fs` gives. Folder entries are typed as `fallback`
 * types them: a symbolic link counts as a file only when it points to one (links to folders are
 * not followed).
 */
export function nodeReader(fallback: UriReader): UriReader {
  const orFallback = async <T>(uri: vscode.Uri, fast: (path: string) => Promise<T>, slow: () => Promise<T>): Promise<T> => {
    try {
      return await fast(uri.fsPath);
    } catch (error) {
      if (isNotFound(error)) throw error;
      return slow();
    }
  };
  return {
    readFile: (uri) => orFallback(uri, (path) => fs.promises.readFile(path), () => fallback.readFile(uri)),
    readDirectory: (uri) =>
      orFallback(
        uri,
        async (path) => {
          const entries = await fs.promises.readdir(path, { withFileTypes: true });
          return Promise.all(
            entries.map(async (entry): Promise<[string, EntryKind]> => {
              if (entry.isSymbolicLink()) {
                const target = await fs.promises.stat(`${path}/${entry.name}`).catch(() => undefined);
                return [entry.name, target?.isFile() ? 'file' : 'other'];
              }
              return [entry.name, entry.isDirectory() ? 'directory' : entry.isFile() ? 'file' : 'other'];
            }),
          );
        },
        () => fallback.readDirectory(uri),
      ),
    stat: (uri) =>
      orFallback(
        uri,
        async (path) => {
          const stat = await fs.promises.stat(path);
          return { size: stat.size, mtime: stat.mtime.getTime() };
        },
        () => fallback.stat(uri),
      ),
  };
}
