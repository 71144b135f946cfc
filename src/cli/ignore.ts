import { existsSync, lstatSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { configFinder, loadIgnores } from './config';
import { globToRegExp, matchIgnoreEntry, parseGitignore, type Glob } from './glob';
import { onDisk, type FolderNames } from './folderNames';

/**
 * What a check leaves out besides the engine's own exclusions: paths the git work tree's
 * `.gitignore` files ignore, and the `ignores` globs of `.mentoring-journal.json`. Plain data,
 * so that it can be handed to worker threads.
 */
export interface IgnoreSpec {
  /** `ignores` globs, relative to `base`. */
  globs: string[];
  /** Absolute folder the globs are relative to (the config file's folder). */
  base: string;
  /** Whether to read `.gitignore` files (git's own rules: nested files, `!` negation, `dir/`). */
  gitignore: boolean;
  /**
   * The config file the globs come from, when a config file in a folder below may take over there
   * (the nearest one applies, config.ts `nestedOptions`): its own `ignores`, relative to its folder.
   * Absent for `--config FILE`, which applies everywhere, and where there is no config file at all.
   */
  nested?: { config: string | undefined };
}

const toPosix = (p: string) => p.split(path.sep).join('/');

/** The top of the git work tree holding `folder`, if any. */
export function gitTop(folder: string): string | undefined {
  for (let dir = path.resolve(folder); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** A segment that path.relative would read otherwise than as a name: empty, `.` or `..`. */
const ODD_SEGMENT = /(?:^|\/)\.{0,2}(?:\/|$)/;

/**
 * `path.relative(from, to)` with POSIX separators. A folder below `from`, written plainly, is
 * cut as text: path.relative resolves both paths each time, which cost more than the rest of
 * listing a folder (docs/performance.md).
 */
function relativePath(from: string, to: string): string {
  if (path.sep === '/' && from.length > 1 && !from.endsWith('/') && to.startsWith(`${from}/`) && path.isAbsolute(from) && !ODD_SEGMENT.test(from.slice(1))) {
    const rest = to.slice(from.length + 1);
    if (!ODD_SEGMENT.test(rest)) return rest;
  }
  return toPosix(path.relative(from, to));
}

/** What `Ignorer` works out once per folder, for every entry in it. */
interface FolderContext {
  /** The `ignores` globs that apply to the folder's entries: the root's config's, or a nearer config's. */
  globs: Glob[];
  /** The folder relative to those globs' base (POSIX; `''` when it is the base). */
  fromBase: string;
  /** The folder relative to the git work tree's top (POSIX), or undefined without one. */
  fromTop: string | undefined;
  /** The .gitignore rules that can decide for an entry, top down: each with the entry's path relative to its folder, less the entry's name. */
  rules: Array<{ rules: ReturnType<typeof parseGitignore>; prefix: string }>;
}

/** `ignores` globs as written in a config file (`./drafts/` is everything in drafts). */
const compileGlobs = (globs: readonly string[]): Glob[] => globs.map((g) => globToRegExp(g.replace(/^\.\//, '').replace(/\/$/, '/**')));

/** Answers "is this absolute path ignored?", reading each folder's .gitignore once. */
export class Ignorer {
  private readonly globs: Glob[];
  private readonly top: string | undefined;
  private readonly rulesByFolder = new Map<string, ReturnType<typeof parseGitignore>>();
  private readonly folders = new Map<string, FolderContext>();
  /** existsSync's answer, from the walk's listings where it has them. */
  private readonly exists: (folder: string, name: string) => boolean;

  /** `names`: the listings of the walk this Ignorer serves, so that a folder it has listed is not asked again for a `.gitignore`. */
  constructor(
    private readonly spec: IgnoreSpec,
    names?: FolderNames,
  ) {
    this.globs = compileGlobs(spec.globs);
    this.top = spec.gitignore ? gitTop(spec.base) : undefined;
    this.exists = names ? (folder, name) => names.exists(folder, name) : onDisk;
    this.configOf = configFinder(this.exists);
  }

  ignored(absolute: string, isDirectory: boolean): boolean {
    return this.ignoredIn(path.dirname(absolute), path.basename(absolute), isDirectory);
  }

  /**
   * Whether the entry `name` of the absolute folder `folder` is ignored. The same answer as
   * `ignored(path.join(folder, name))`, with the folder's relative paths and the .gitignore files
   * above it worked out once for all its entries: a listing of 10,000 files asked `path.relative`
   * and `path.join` for each entry and each folder above it (docs/performance.md).
   */
  ignoredIn(folder: string, name: string, isDirectory: boolean): boolean {
    const context = this.context(folder);
    if (context.globs.length) {
      const fromBase = context.fromBase ? `${context.fromBase}/${name}` : name;
      if (!fromBase.startsWith('..') && context.globs.some((g) => g.test(fromBase) || (isDirectory && g.test(`${fromBase}/`)))) return true;
    }
    // Folders from the top down to the entry's parent: a deeper .gitignore overrides a higher one.
    // (None for a folder outside the work tree.)
    let result: boolean | undefined;
    for (const { rules, prefix } of context.rules) {
      const decided = matchIgnoreEntry(rules, prefix, name, isDirectory);
      if (decided !== undefined) result = decided;
    }
    return result === true;
  }

  private context(folder: string): FolderContext {
    let context = this.folders.get(folder);
    if (context) return context;
    // A config file nearer than the root's takes over for its folder and below, with its own `ignores`.
    const nearer = this.spec.nested ? this.nearerConfig(folder) : undefined;
    const globs = nearer ? nearer.globs : this.globs;
    const fromBase = relativePath(nearer ? nearer.base : this.spec.base, folder);
    const fromTop = this.top === undefined ? undefined : relativePath(this.top, folder);
    const rules: FolderContext['rules'] = [];
    if (this.top !== undefined && fromTop !== undefined && !fromTop.startsWith('..')) {
      const parts = fromTop ? fromTop.split('/') : [];
      const plain = path.sep === '/' && this.top !== '/' && path.normalize(this.top) === this.top;
      let dir = this.top;
      for (let depth = 0; depth <= parts.length; depth++) {
        if (depth > 0) dir = plain ? `${dir}/${parts[depth - 1]!}` : path.join(dir, parts[depth - 1]!);
        const found = this.rules(dir);
        if (found.length) rules.push({ rules: found, prefix: parts.slice(depth).map((p) => `${p}/`).join('') });
      }
    }
    context = { globs, fromBase, fromTop, rules };
    this.folders.set(folder, context);
    return context;
  }

  private readonly nearer = new Map<string, { globs: Glob[]; base: string } | undefined>();
  private readonly configOf: (folder: string) => string | undefined;

  /** The nearest config file at or above `folder`, when it is not the root's: its globs and folder. */
  private nearerConfig(folder: string): { globs: Glob[]; base: string } | undefined {
    const found = this.configOf(folder);
    if (found === undefined || found === this.spec.nested?.config) return undefined;
    if (!this.nearer.has(found)) this.nearer.set(found, { globs: compileGlobs(loadIgnores(found)), base: path.dirname(found) });
    return this.nearer.get(found);
  }

  private rules(folder: string): ReturnType<typeof parseGitignore> {
    let rules = this.rulesByFolder.get(folder);
    if (!rules) {
      rules = this.exists(folder, '.gitignore') ? readGitignore(path.join(folder, '.gitignore')) : [];
      this.rulesByFolder.set(folder, rules);
    }
    return rules;
  }
}

/**
 * The rules of a `.gitignore`, read as git reads it: only a regular file. Git passes over a
 * `.gitignore` that is a folder, a symbolic link (since git 2.32, with a warning) or a file it
 * cannot read, and checks that folder as if it had none; so does this. Before, such a
 * `.gitignore` made its whole folder unreadable, and nothing in it was checked.
 */
function readGitignore(file: string): ReturnType<typeof parseGitignore> {
  try {
    if (!lstatSync(file).isFile()) return [];
    return parseGitignore(readFileSync(file, 'utf8'));
  } catch {
    return [];
  }
}

/** Whether `ignorer` leaves out a folder on the way from `base` to the entry at `relative` (a native relative path), or the entry itself (a file unless `folder`). */
export function ignoredOnTheWay(base: string, relative: string, ignorer: Ignorer, folder = false): boolean {
  const parts = relative.split(path.sep);
  let at = base;
  return parts.some((name, i) => {
    const ignored = ignorer.ignoredIn(at, name, folder || i < parts.length - 1);
    at = path.join(at, name);
    return ignored;
  });
}
