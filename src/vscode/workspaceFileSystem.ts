import * as vscode from 'vscode';
import type { FileSystem } from '../core';

/** How many times the extension has touched the file system: activation must leave this at 0. */
export const fileAccess = { count: 0 };

export type EntryKind = 'file' | 'directory' | 'other';

/** Reads by absolute URI: `vscode.workspace.fs`, or a faster way for the roots that allow one. */
export interface UriReader {
  readFile(uri: vscode.Uri): Promise<Uint8Array>;
  readDirectory(uri: vscode.Uri): Promise<Array<[string, EntryKind]>>;
  stat(uri: vscode.Uri): Promise<{ size: number; mtime: number }>;
}

/** `vscode.workspace.fs`: works for every scheme, virtual workspaces included. */
export const workspaceReader: UriReader = {
  readFile: (uri) => Promise.resolve(vscode.workspace.fs.readFile(uri)),
  async readDirectory(uri) {
    const entries = await vscode.workspace.fs.readDirectory(uri);
    return entries.map(([name, type]): [string, EntryKind] => {
      // Symbolic links to folders are not followed: they could loop.
      if (type & vscode.FileType.SymbolicLink) return [name, type & vscode.FileType.File ? 'file' : 'other'];
      return [name, type === vscode.FileType.Directory ? 'directory' : type === vscode.FileType.File ? 'file' : 'other'];
    });
  },
  async stat(uri) {
    const stat = await vscode.workspace.fs.stat(uri);
    return { size: stat.size, mtime: stat.mtime };
  },
};

/**
 * The reader for a journal root, chosen at run time. Each `vscode.workspace.fs` call is a round
 * trip to the window's file service (in code-server, through a socket): reading 1,500 small files
 * that way took 15 to 20 times as long as with Node's `fs` in the same extension host
 * (docs/performance.md). So a `file:` root in an extension host that runs on Node is read with
 * Node's `fs` (nodeFileSystem.ts, loaded only then: a web-worker bundle never needs it), which
 * falls back to `vscode.workspace.fs` for anything it cannot read. Every other root, and a host
 * without Node, uses `vscode.workspace.fs`.
 */
export async function defaultReader(root: vscode.Uri): Promise<UriReader> {
  const hasNode = typeof (globalThis as { process?: { versions?: { node?: unknown } } }).process?.versions?.node === 'string';
  if (root.scheme !== 'file' || !hasNode) return workspaceReader;
  try {
    const { nodeReader } = await import('./nodeFileSystem');
    return nodeReader(workspaceReader, root);
  } catch {
    return workspaceReader;
  }
}

/** The engine's file access for one journal root, by root-relative paths, through a `UriReader`. */
export class WorkspaceFileSystem implements FileSystem {
  private reader: Promise<UriReader> | undefined;

  /** `reader`: how to read (default: `defaultReader(root)`, chosen on first use). */
  constructor(
    readonly root: vscode.Uri,
    reader?: UriReader | Promise<UriReader>,
  ) {
    this.reader = reader && Promise.resolve(reader);
  }

  uri(path: string): vscode.Uri {
    return path ? vscode.Uri.joinPath(this.root, ...path.split('/')) : this.root;
  }

  private read(): Promise<UriReader> {
    return (this.reader ??= defaultReader(this.root));
  }

  async readFile(path: string): Promise<Uint8Array> {
    fileAccess.count++;
    return (await this.read()).readFile(this.uri(path));
  }

  async readDirectory(path: string): Promise<Array<[string, EntryKind]>> {
    fileAccess.count++;
    return (await this.read()).readDirectory(this.uri(path));
  }

  async stat(path: string): Promise<{ size: number; mtime: number }> {
    fileAccess.count++;
    return (await this.read()).stat(this.uri(path));
  }

  async size(path: string): Promise<number | undefined> {
    return (await this.stat(path)).size;
  }
}
