import { existsSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { isExcludedName, isMarkdownPath } from '../core/conventions';
import { globToRegExp, isGlob } from './glob';
import { Ignorer, type IgnoreSpec } from './ignore';
import { PathError } from './targets';

const toPosix = (p: string) => p.split(path.sep).join('/');
const clean = (pattern: string) => toPosix(pattern).replace(/^(\.\/)+/, '');

/**
 * The command line's paths and patterns, as markdownlint-cli2 and ESLint take them: a quoted glob
 * (`'**\/*.md'`) selects the Markdown files it matches under the current folder, `!pattern` leaves
 * files out, and plain paths stay as they are. Without any glob or `!`, the paths are returned
 * unchanged. Files that .gitignore or the config's `ignores` leave out are not matched.
 */
export async function expandPatterns(
  args: readonly string[],
  cwd: string,
  excludeFor: (root: string) => readonly string[],
  ignoreFor: (root: string) => IgnoreSpec | undefined,
): Promise<string[]> {
  const negative = args.filter((a) => a.startsWith('!')).map((a) => globToRegExp(clean(a.slice(1))));
  // A path that exists is that path, even with `[`, `]`, `{` or `}` in its name (`2026-11-20 [draft].md`).
  const literal = (a: string) => !isGlob(a) || existsSync(path.resolve(cwd, a));
  const globs = args.filter((a) => !a.startsWith('!') && !literal(a));
  const plain = args.filter((a) => !a.startsWith('!') && literal(a));
  if (!negative.length && !globs.length) return [...args];

  const all = markdownFiles(cwd, excludeFor(cwd), ignoreFor(cwd));
  const selected = new Set<string>();
  for (const glob of globs) {
    const regex = globToRegExp(clean(glob));
    const matches = all.filter((f) => regex.test(f));
    if (!matches.length) throw new PathError(`no Markdown files the check reads match ${glob} (a glob matches no file in a dot folder or an excluded one, such as node_modules, nor what .gitignore or the config's \`ignores\` leave out)`);
    for (const f of matches) selected.add(f);
  }
  for (const given of plain.length || globs.length ? plain : ['.']) {
    const absolute = path.resolve(cwd, given);
    if (!existsSync(absolute)) throw new PathError(`no such file or folder: ${given}`);
    if (statSync(absolute).isFile()) {
      selected.add(toPosix(path.relative(cwd, absolute)));
      continue;
    }
    const prefix = toPosix(path.relative(cwd, absolute));
    for (const f of prefix.startsWith('..') ? markdownFiles(absolute, excludeFor(absolute), ignoreFor(absolute)).map((r) => toPosix(path.relative(cwd, path.join(absolute, r)))) : all) {
      if (!prefix || f.startsWith(`${prefix}/`) || prefix.startsWith('..')) selected.add(f);
    }
  }
  return [...selected].filter((f) => !negative.some((n) => n.test(f))).sort();
}

/** Every Markdown file under `root`, relative and `/`-separated, skipping excluded and ignored folders. */
function markdownFiles(root: string, exclude: readonly string[], ignore: IgnoreSpec | undefined): string[] {
  const ignorer = ignore && new Ignorer(ignore);
  const out: string[] = [];
  const walk = (folder: string, depth: number) => {
    if (depth > 64) return;
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (isExcludedName(entry.name, exclude)) continue;
      const absolute = path.join(folder, entry.name);
      // A symbolic link to a file is that file; one that leads nowhere is passed over here (`check .` reports it, at the link).
      // A pipe, a socket or a device named `.md` is no file to read either: passed over, as `check .` does.
      let directory = entry.isDirectory();
      let file = entry.isFile();
      if (entry.isSymbolicLink()) {
        const target = (() => {
          try {
            return statSync(absolute);
          } catch {
            return undefined;
          }
        })();
        if (!target) continue;
        directory = target.isDirectory();
        file = target.isFile();
      }
      if (ignorer?.ignored(absolute, directory)) continue;
      // A link to a folder is not followed, as the check's own walk does not follow it (`check .` reports it): a link
      // to a folder above it (`ln -s . loop`) would otherwise list every file again, 64 levels deep.
      if (directory && !entry.isSymbolicLink()) walk(absolute, depth + 1);
      else if (file && isMarkdownPath(entry.name)) out.push(toPosix(path.relative(root, absolute)));
    }
  };
  walk(root, 0);
  return out.sort();
}
