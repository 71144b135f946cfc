/**
 * Globs as linters take them: `*` and `?` within one path segment, `**` across segments,
 * `[abc]`, `[!abc]` and `{a,b}`. Paths are `/`-separated and relative.
 */
export function globToRegExp(glob: string): RegExp {
  return new RegExp(`^${globSource(glob)}$`);
}

/** Whether a text holds glob syntax (and so is a pattern, not a path). */
export function isGlob(text: string): boolean {
  return /[*?[\]{}]/.test(text);
}

function globSource(glob: string): string {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*' && (i === 0 || glob[i - 1] === '/')) {
        if (glob[i + 2] === '/') {
          out += '(?:[^/]*/)*';
          i += 2;
          continue;
        }
        if (i + 2 === glob.length) {
          out += '.*';
          break;
        }
      }
      while (glob[i + 1] === '*') i++;
      out += '[^/]*';
    } else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 2);
      if (end < 0) {
        out += '\\[';
        continue;
      }
      const body = glob.slice(i + 1, end);
      out += `[${body.startsWith('!') ? `^${escapeClass(body.slice(1))}` : escapeClass(body)}]`;
      i = end;
    } else if (c === '{') {
      const end = glob.indexOf('}', i);
      if (end < 0) {
        out += '\\{';
        continue;
      }
      out += `(?:${glob.slice(i + 1, end).split(',').map(globSource).join('|')})`;
      i = end;
    } else out += c.replace(/[.+^$()|\\]/g, '\\$&');
  }
  return out;
}

function escapeClass(body: string): string {
  return body.replace(/[\\\]^]/g, '\\$&');
}

interface IgnoreRule {
  regex: RegExp;
  negate: boolean;
  dirOnly: boolean;
}

/** One `.gitignore` file's rules, matched against paths relative to its folder (git's rules, without escapes of trailing spaces). */
export function parseGitignore(text: string): IgnoreRule[] {
  const rules: IgnoreRule[] = [];
  for (let line of text.split(/\r?\n/)) {
    line = line.replace(/\s+$/, '');
    if (!line || line.startsWith('#')) continue;
    const negate = line.startsWith('!');
    if (negate) line = line.slice(1);
    if (line.startsWith('\\')) line = line.slice(1);
    const dirOnly = line.endsWith('/');
    if (dirOnly) line = line.slice(0, -1);
    if (!line) continue;
    // A pattern with a `/` before its end is anchored to the .gitignore's folder; otherwise it matches at any depth.
    const anchored = line.includes('/');
    const pattern = anchored ? line.replace(/^\//, '') : `**/${line}`;
    rules.push({ regex: globToRegExp(pattern), negate, dirOnly });
  }
  return rules;
}

/** Whether `relative` (to the rules' folder) is ignored by `rules`: the last rule that matches decides; undefined when none does. */
export function matchIgnore(rules: readonly IgnoreRule[], relative: string, isDirectory: boolean): boolean | undefined {
  let result: boolean | undefined;
  for (const rule of rules) {
    if (rule.dirOnly && !isDirectory) continue;
    if (rule.regex.test(relative)) result = !rule.negate;
  }
  return result;
}
