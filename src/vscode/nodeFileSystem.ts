import * as fs from 'node:fs';
import type * as vscode from 'vscode';
import { DANGLING_LINK, danglingLinkError, LINKED_FOLDER, linkedFolderError } from '../core/ioReason';
import { isMarkdownPath } from '../core/conventions';
import type { EntryKind, UriReader } from './workspaceFileSystem';

/** Whether Node says the file or folder is not there: the index forgets it, no fallback needed. */
function isNotFound(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/**
 * A folder that is a symbolic link, or a file that is one to nothing: not entered or read, and said
 * so (as the command line does), not left to `fallback`, which would follow the one or lose the other.
 */
function isLinkedFolder(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === LINKED_FOLDER || code === DANGLING_LINK;
}

/** A read or stat at a symbolic link that leads nowhere fails with DANGLING_LINK (said), not as a file that vanished (passed over). */
function danglingOr<T>(path: string, read: Promise<T>): Promise<T> {
  return read.catch(async (error: unknown) => {
    throw isNotFound(error) && (await fs.promises.lstat(path).catch(() => undefined))?.isSymbolicLink() ? danglingLinkError(path) : error;
  });
}

/**
 * Reads `file:` URIs with Node's `fs`, in the extension host's own process: no round trip to the
 * window's file service. Only for an extension host that runs on Node, and loaded only then
 * (workspaceFileSystem.ts imports it on demand): nothing a web-worker bundle needs imports it.
 * A file or folder that is not there fails as with `vscode.workspace.fs`; any other error
 * (permissions, an unusual file system) is left to `fallback`, so the result, or the error the
 * user sees, is the one `vscode.workspace.fs` gives. A symbolic link to a file counts as that
 * file; one to a folder is listed as a folder whose listing fails with LINKED_FOLDER, so that the
 * journal reports it (`file/unreadable`) instead of passing over it, as the command line does.
 * (`vscode.workspace.fs` alone, for other schemes, passes over links to folders: it cannot tell
 * whether one loops.)
 */
export function nodeReader(fallback: UriReader, root?: vscode.Uri): UriReader {
  // The root itself may be a link (a workspace folder opened through one); a folder below it that is one is not entered.
  const isBelowRoot = (uri: vscode.Uri) => !root || uri.toString() !== root.toString();
  const orFallback = async <T>(uri: vscode.Uri, fast: (path: string) => Promise<T>, slow: () => Promise<T>): Promise<T> => {
    try {
      return await fast(uri.fsPath);
    } catch (error) {
      if (isNotFound(error) || isLinkedFolder(error)) throw error;
      return slow();
    }
  };
  return {
    readFile: (uri) =>
      orFallback(
        uri,
        (path) => danglingOr(path, fs.promises.readFile(path)),
        () => fallback.readFile(uri),
      ),
    readDirectory: (uri) =>
      orFallback(
        uri,
        async (path) => {
          if (isBelowRoot(uri) && (await fs.promises.lstat(path)).isSymbolicLink()) throw linkedFolderError(path);
          const entries = await fs.promises.readdir(path, { withFileTypes: true });
          return Promise.all(
            entries.map(async (entry): Promise<[string, EntryKind]> => {
              if (entry.isSymbolicLink()) {
                // A link to a folder is listed as a folder, so that listing it says it is not followed (above).
                const target = await fs.promises.stat(`${path}/${entry.name}`).catch(() => undefined);
                // A link to nothing, or to itself: a Markdown one is a file whose reading says why it cannot be read.
                return [entry.name, target?.isFile() || (!target && isMarkdownPath(entry.name)) ? 'file' : target?.isDirectory() ? 'directory' : 'other'];
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
          const stat = await danglingOr(path, fs.promises.stat(path));
          return { size: stat.size, mtime: stat.mtime.getTime() };
        },
        () => fallback.stat(uri),
      ),
  };
}
