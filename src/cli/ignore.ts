import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { globToRegExp, matchIgnore, parseGitignore } from './glob';

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
}

const toPosix = (p: string) => p.split(path.sep).join('/');

/** The top of the git work tree holding `folder`, if any. */
export function gitTop(folder: string): string | undefined {
  for (let dir = path.resolve(folder); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** Answers "is this absolute path ignored?", reading each folder's .gitignore once. */
export class Ignorer {
  private readonly globs: RegExp[];
  private readonly top: string | undefined;
  private readonly rulesByFolder = new Map<string, ReturnType<typeof parseGitignore>>();

  constructor(private readonly spec: IgnoreSpec) {
    this.globs = spec.globs.map((g) => globToRegExp(g.replace(/^\.\//, '').replace(/\/$/, '/**')));
    this.top = spec.gitignore ? gitTop(spec.base) : undefined;
  }

  ignored(absolute: string, isDirectory: boolean): boolean {
    const fromBase = toPosix(path.relative(this.spec.base, absolute));
    if (!fromBase.startsWith('..') && this.globs.some((g) => g.test(fromBase) || (isDirectory && g.test(`${fromBase}/`)))) return true;
    if (!this.top) return false;
    const relative = toPosix(path.relative(this.top, absolute));
    if (!relative || relative.startsWith('..')) return false;
    // Folders from the top down to the path's parent: a deeper .gitignore overrides a higher one.
    const parts = relative.split('/');
    let result: boolean | undefined;
    for (let depth = 0; depth < parts.length; depth++) {
      const folder = path.join(this.top, ...parts.slice(0, depth));
      const decided = matchIgnore(this.rules(folder), parts.slice(depth).join('/'), isDirectory);
      if (decided !== undefined) result = decided;
    }
    return result === true;
  }

  private rules(folder: string): ReturnType<typeof parseGitignore> {
    let rules = this.rulesByFolder.get(folder);
    if (!rules) {
      const file = path.join(folder, '.gitignore');
      rules = existsSync(file) ? parseGitignore(readFileSync(file, 'utf8')) : [];
      this.rulesByFolder.set(folder, rules);
    }
    return rules;
  }
}
