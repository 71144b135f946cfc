/** A compiled glob: whether a relative, `/`-separated path matches it. */
export interface Glob {
  test(path: string): boolean;
}

/** At most this many alternatives from `{a,b}` groups: more are matched as the text they are. */
const MAX_ALTERNATIVES = 256;

/**
 * Globs as linters take them: `*` and `?` within one path segment, `**` across segments,
 * `[abc]`, `[!abc]` and `{a,b}`. Paths are `/`-separated and relative. Matched without
 * backtracking regular expressions, segment by segment, so that no pattern (`*a*a*a*a*a*a*a*b`
 * in a `.gitignore` someone committed, `**` written 1,000 times) can make a check take long: the
 * work is at most the pattern's length times the path's, for each alternative.
 */
export function globToRegExp(glob: string): Glob {
  const alternatives = expandBraces(glob).map((alternative) => compileAlternative(alternative));
  return { test: (path) => alternatives.some((match) => match(path)) };
}

/** `globToRegExp` by the general search alone, without the shortcuts for patterns with one `**` or none: what they must agree with (the unit tests compare them). */
export function globBySearch(glob: string): Glob {
  const alternatives = expandBraces(glob).map((alternative) => compileAlternative(alternative, true));
  return { test: (path) => alternatives.some((match) => match(path)) };
}

/** Whether a text holds glob syntax (and so is a pattern, not a path). */
export function isGlob(text: string): boolean {
  return /[*?[\]{}]/.test(text);
}

/** `a{b,c}d` as `abd` and `acd`; nested groups too, up to MAX_ALTERNATIVES. An unclosed `{` is text. */
function expandBraces(glob: string): string[] {
  const open = glob.indexOf('{');
  if (open < 0) return [glob];
  let depth = 0;
  let close = -1;
  const commas: number[] = [];
  for (let i = open; i < glob.length; i++) {
    if (glob[i] === '{') depth++;
    else if (glob[i] === '}' && --depth === 0) {
      close = i;
      break;
    } else if (glob[i] === ',' && depth === 1) commas.push(i);
  }
  if (close < 0) return [glob];
  const bounds = [open, ...commas, close];
  const options = bounds.slice(0, -1).map((b, k) => glob.slice(b + 1, bounds[k + 1]));
  const before = glob.slice(0, open);
  const rest = expandBraces(glob.slice(close + 1));
  const out: string[] = [];
  for (const option of options) {
    for (const head of expandBraces(before + option)) {
      for (const tail of rest) {
        if (out.length >= MAX_ALTERNATIVES) return out;
        out.push(head + tail);
      }
    }
  }
  return out;
}

type Token = { kind: 'star' } | { kind: 'one' } | { kind: 'char'; char: string } | { kind: 'class'; negate: boolean; test: (c: string) => boolean };

/** One segment's pattern (`*.md`, `2026-??-*`, `[!_]*`) as tokens. */
function segmentTokens(segment: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i]!;
    if (c === '*') {
      if (tokens[tokens.length - 1]?.kind !== 'star') tokens.push({ kind: 'star' });
    } else if (c === '?') tokens.push({ kind: 'one' });
    else if (c === '[') {
      const end = segment.indexOf(']', i + 2);
      if (end < 0) {
        tokens.push({ kind: 'char', char: c });
        continue;
      }
      const body = segment.slice(i + 1, end);
      const negate = body.startsWith('!') || body.startsWith('^');
      const chars = negate ? body.slice(1) : body;
      const ranges: Array<[string, string]> = [];
      for (let k = 0; k < chars.length; k++) {
        if (chars[k + 1] === '-' && k + 2 < chars.length) {
          ranges.push([chars[k]!, chars[k + 2]!]);
          k += 2;
        } else ranges.push([chars[k]!, chars[k]!]);
      }
      tokens.push({ kind: 'class', negate, test: (x) => ranges.some(([a, b]) => x >= a && x <= b) !== negate });
      i = end;
    } else tokens.push({ kind: 'char', char: c });
  }
  return tokens;
}

/** Whether one path segment matches a segment's tokens: wildcard matching that goes back only to the last `*` (linear in practice, at most tokens × text). */
function matchSegment(tokens: readonly Token[], text: string): boolean {
  let t = 0;
  let p = 0;
  let star = -1;
  let resume = 0;
  while (t < text.length) {
    const token = tokens[p];
    if (token && token.kind !== 'star' && (token.kind === 'one' || (token.kind === 'char' ? token.char === text[t] : token.test(text[t]!)))) {
      t++;
      p++;
    } else if (token?.kind === 'star') {
      star = p++;
      resume = t;
    } else if (star >= 0) {
      p = star + 1;
      t = ++resume;
    } else return false;
  }
  while (tokens[p]?.kind === 'star') p++;
  return p === tokens.length;
}

/** Whether `count` segments from `from` match as many names from `at`, one for one (no `**` among them). */
function matchFixed(segments: readonly Token[][], names: readonly string[], from: number, at: number, count: number): boolean {
  for (let k = 0; k < count; k++) if (!matchSegment(segments[from + k]!, names[at + k]!)) return false;
  return true;
}

/** One alternative (no braces left) as a matcher of whole paths, `**` segments matching any number of segments. */
function compileAlternative(glob: string, searchOnly = false): (path: string) => boolean {
  const parts = glob.split('/');
  // `**` alone in its segment crosses segments; `**` within a segment (`a**b`) is `*`. A trailing `x/**` matches `x/` and anything below.
  const segments = parts.map((part) => (part === '**' ? undefined : segmentTokens(part)));
  const crossing = searchOnly ? -1 : segments.filter((s) => s === undefined).length;
  // Most patterns have no `**` (`drafts/*.md`) or one (`**/*.tmp`, a `.gitignore`'s `*.tmp`,
  // `archive/**`): their segments then fall on fixed names, counted from the start before the `**`
  // and from the end after it, with no search (a `.gitignore` rule is asked of every entry listed).
  if (crossing === 0) {
    return (path) => {
      const names = path.split('/');
      return names.length === segments.length && matchFixed(segments as Token[][], names, 0, 0, segments.length);
    };
  }
  if (crossing === 1) {
    const at = segments.indexOf(undefined);
    const after = segments.length - at - 1;
    return (path) => {
      const names = path.split('/');
      return names.length >= segments.length - 1 && matchFixed(segments as Token[][], names, 0, 0, at) && matchFixed(segments as Token[][], names, at + 1, names.length - after, after);
    };
  }
  return (path) => {
    const names = path.split('/');
    // memo[i][j]: whether segments i.. match names j..
    const memo = new Map<number, boolean>();
    const match = (i: number, j: number): boolean => {
      const key = i * (names.length + 1) + j;
      const known = memo.get(key);
      if (known !== undefined) return known;
      let result: boolean;
      if (i === segments.length) result = j === names.length;
      else if (segments[i] === undefined) result = match(i + 1, j) || (j < names.length && match(i, j + 1));
      else result = j < names.length && matchSegment(segments[i]!, names[j]!) && match(i + 1, j + 1);
      memo.set(key, result);
      return result;
    };
    return match(0, 0);
  };
}


interface IgnoreRule {
  regex: Glob;
  negate: boolean;
  dirOnly: boolean;
  /** A pattern with no `/` (`*.tmp`, `node_modules/`): it matches a name at any depth, so an entry's name alone decides. */
  anyDepth: boolean;
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
    const glob = anchored ? line.replace(/^\//, '') : `**/${line}`;
    // `x/**` is everything inside x, not x itself (git's rule): a file in it can be taken back with `!x/file`.
    const pattern = /.\/\*\*$/.test(glob) ? `${glob}/*` : glob;
    rules.push({ regex: globToRegExp(pattern), negate, dirOnly, anyDepth: !anchored });
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

/**
 * `matchIgnore(rules, prefix + name, isDirectory)`, for an entry `name` of a folder at `prefix`
 * (`''` or ending in `/`) below the rules' folder. A rule that matches at any depth is asked of the
 * name alone (a `*.tmp` rule matches a path just when its last name matches `*.tmp`), so that most
 * entries never have their whole path made and split: every entry of every folder listed is asked.
 */
export function matchIgnoreEntry(rules: readonly IgnoreRule[], prefix: string, name: string, isDirectory: boolean): boolean | undefined {
  let result: boolean | undefined;
  let whole: string | undefined;
  for (const rule of rules) {
    if (rule.dirOnly && !isDirectory) continue;
    if (rule.regex.test(rule.anyDepth || !prefix ? name : (whole ??= prefix + name))) result = !rule.negate;
  }
  return result;
}
