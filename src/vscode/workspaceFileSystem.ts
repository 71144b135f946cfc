import * as vscode from 'vscode';
import type { FileSystem } from '../core';

/** How many times the extension has touched the file system: activation must leave this at 0. */
export const fileAccess = { count: 0 };

/** The engine's file access over `vscode.workspace.fs`, so journals in virtual workspaces work too. */
export class WorkspaceFileSystem implements FileSystem {
  constructor(readonly root: vscode.Uri) {}

  uri(path: string): vscode.Uri {
    return path ? vscode.Uri.joinPath(this.root, ...path.split('/')) : this.root;
  }

  async readFile(path: string): Promise<Uint8Array> {
    fileAccess.count++;
    return vscode.workspace.fs.readFile(this.uri(path));
  }

  async readDirectory(path: string): Promise<Array<[string, 'file' | 'directory' | 'other']>> {
    fileAccess.count++;
    const entries = await vscode.workspace.fs.readDirectory(this.uri(path));
    return entries.map(([name, type]) => {
      // Symbolic links to folders are not followed: they could loop.
      if (type & vscode.FileType.SymbolicLink) return [name, type & vscode.FileType.File ? 'file' : 'other'];
      return [name, type === vscode.FileType.Directory ? 'directory' : type === vscode.FileType.File ? 'file' : 'other'];
    });
  }

  async stat(path: string): Promise<{ size: number; mtime: number }> {
    fileAccess.count++;
    const stat = await vscode.workspace.fs.stat(this.uri(path));
    return { size: stat.size, mtime: stat.mtime };
  }

  async size(path: string): Promise<number | undefined> {
    fileAccess.count++;
    return (await vscode.workspace.fs.stat(this.uri(path))).size;
  }
}
