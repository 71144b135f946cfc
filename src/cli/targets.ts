import { existsSync, lstatSync, promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { AGREEMENT_FILE, isMarkdownPath } from '../core/conventions';
import { danglingLinkError } from '../core/ioReason';
import { ioReason } from './io';

/** An I/O failure on a path the user named (exit code 2). */
export class PathError extends Error {}

/** One journal root to index, and which of its files to report (`''` reports every file). */
export interface Target {
  root: string;
  /** Root-relative POSIX paths: files, or folders whose files are reported. */
  scopes: Set<string>;
}

const toPosix = (p: string) => p.split(path.sep).join('/');

/**
 * The folder of the relationship that `folder` lies in: the nearest folder at or above
 * it holding an agreement.md. The search stops at the top of the git work tree.
 */
export function relationshipFolder(folder: string): string | undefined {
  for (let dir = folder; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, AGREEMENT_FILE))) return dir;
    if (existsSync(path.join(dir, '.git')) || path.dirname(dir) === dir) return undefined;
  }
}

/** The folder a file's path is read from for the journal's exclusions: its relationship's, else the top of its git work tree; undefined outside both. */
export function journalBase(folder: string): string | undefined {
  for (let dir = folder; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, AGREEMENT_FILE)) || existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/**
 * Turns the paths named on the command line into roots to index. A folder that is not
 * inside a relationship is a journal root. A file, or a folder inside a relationship, is
 * checked within that relationship: its root is the relationship's folder, which gives
 * exactly the problems a check of the whole journal gives for it, since every rule looks
 * at one file or one relationship. Files that are not Markdown are skipped.
 */
export async function resolveTargets(paths: readonly string[], cwd: string, virtualFile?: string): Promise<Target[]> {
  const byRoot = new Map<string, Target>();
  const add = (root: string, scope: string) => {
    const target = byRoot.get(root) ?? { root, scopes: new Set<string>() };
    byRoot.set(root, target);
    target.scopes.add(scope);
  };
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    let stat: { isDirectory(): boolean; isFile(): boolean };
    try {
      // The file of `check --stdin` need not exist on disk yet.
      stat = absolute === virtualFile ? { isDirectory: () => false, isFile: () => true } : await fsp.stat(absolute);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const link = code === 'ENOENT' && lstatSync(absolute, { throwIfNoEntry: false })?.isSymbolicLink();
      throw new PathError(code === 'ENOENT' && !link ? `no such file or folder: ${given}` : `cannot read ${given}: ${ioReason(link ? danglingLinkError(absolute) : error)}`);
    }
    if (stat.isDirectory()) {
      // The search upwards stops at the top of the git work tree: a folder that holds `.git` is in no relationship above it.
      const owner = existsSync(path.join(absolute, '.git')) ? undefined : relationshipFolder(path.dirname(absolute));
      const holdsAgreement = existsSync(path.join(absolute, AGREEMENT_FILE));
      if (owner && !holdsAgreement) add(owner, toPosix(path.relative(owner, absolute)));
      else add(absolute, '');
    } else if (stat.isFile()) {
      if (!isMarkdownPath(absolute)) continue;
      const folder = path.dirname(absolute);
      const root = relationshipFolder(folder) ?? folder;
      add(root, toPosix(path.relative(root, absolute)));
    } else {
      throw new PathError(`not a file or folder: ${given}`);
    }
  }
  return [...byRoot.values()];
}

/** Whether a root-relative path is one of the scopes or lies below one. */
export function inScope(target: Target, relative: string): boolean {
  if (target.scopes.has('')) return true;
  for (const scope of target.scopes) if (relative === scope || relative.startsWith(`${scope}/`)) return true;
  return false;
}

/**
 * Whether a folder's problem concerns a file asked for below it: a folder that could not be
 * listed (a symbolic link, no permission) holds the file named on the command line, which was
 * then never read, so the check must not pass without a word.
 */
export function coversScope(target: Target, relative: string): boolean {
  for (const scope of target.scopes) if (scope.startsWith(`${relative}/`)) return true;
  return false;
}

/** A path for output: relative to the current folder, `/`-separated on every platform. */
export function displayPath(cwd: string, absolute: string): string {
  return toPosix(path.relative(cwd, absolute)) || '.';
}
