// The command line's globs (quoted globs, `!globs`, the config's `ignores`) and `.gitignore` rules.
import assert from 'node:assert/strict';
import { globBySearch, globToRegExp, matchIgnore, parseGitignore } from '../../src/cli/glob';

describe('globs', () => {
  it('match as linters do: * and ? within a segment, ** across, classes, braces', () => {
    const cases: Array<[string, string, boolean]> = [
      ['**/*.md', 'a/b/c.md', true],
      ['**/*.md', 'c.md', true],
      ['p/sessions/*.md', 'p/sessions/x.md', true],
      ['p/sessions/*.md', 'p/sessions/a/x.md', false],
      ['**/goals/**', 'p/goals/x.md', true],
      ['**/goals/**', 'goals/x.md', true],
      ['drafts/**', 'drafts/a/b.md', true],
      ['drafts/**', 'draftsx/a.md', false],
      ['{a,b}/*.md', 'b/x.md', true],
      ['{a,b}/*.md', 'c/x.md', false],
      ['{a,{b,c}}/x.md', 'c/x.md', true],
      ['[!_]*.md', '_x.md', false],
      ['[!_]*.md', 'x.md', true],
      ['202?-*.md', '2026-01.md', true],
      ['p/sessions/2026-02-1[0-2].md', 'p/sessions/2026-02-11.md', true],
      ['p/sessions/2026-02-1[0-2].md', 'p/sessions/2026-02-13.md', false],
      ['a**b', 'axxb', true],
      ['a**b', 'ax/xb', false],
      ['*', 'a/b', false],
      ['notes (old).md', 'notes (old).md', true],
      ['a{b', 'a{b', true],
    ];
    for (const [glob, path, expected] of cases) assert.equal(globToRegExp(glob).test(path), expected, `${glob} ${path}`);
  });

  it('answer as the general search does for patterns with one ** or none (random patterns and paths)', () => {
    // The shortcuts match fixed segments from the start and from the end; the search tries every split.
    const pieces = ['**', '*', 'a', 'b', 'a*', '*b', '?', '[ab]', '[!a]*', 'a**b', ''];
    const names = ['a', 'b', 'ab', 'ba', 'aa', '', 'x'];
    let seed = 13;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 4000; round++) {
      const glob = Array.from({ length: 1 + next(4) }, () => pieces[next(pieces.length)]!).join('/');
      const path = Array.from({ length: 1 + next(5) }, () => names[next(names.length)]!).join('/');
      assert.equal(globToRegExp(glob).test(path), globBySearch(glob).test(path), `${glob} against ${path}`);
    }
    // And the cases that matter most: a .gitignore's `*.vsix` (as `**/*.vsix`) and `drafts/**`.
    assert.equal(globToRegExp('**/*.vsix').test('a/b/c/x.vsix'), true);
    assert.equal(globToRegExp('**/*.vsix').test('a/x.vsix/c'), false);
    assert.equal(globToRegExp('drafts/**').test('drafts/'), true);
    assert.equal(globToRegExp('drafts/**').test('drafts'), true);
    assert.equal(globToRegExp('a/**/b').test('a/b'), true);
    assert.equal(globToRegExp('a/**/b').test('a/x/y/b'), true);
    assert.equal(globToRegExp('a/**/b/c').test('a/c'), false);
  });

  it('read `x/**` in a .gitignore as everything inside x, not x itself, as git does: a file in it can be taken back', () => {
    // git check-ignore with this .gitignore: x kept, x/z.md kept, x/y.md ignored, x/sub ignored (so x/sub/w.md stays ignored).
    const rules = parseGitignore('p1/sessions/x/**\n!p1/sessions/x/z.md\n!p1/sessions/x/sub/w.md\n');
    assert.equal(matchIgnore(rules, 'p1/sessions/x', true), undefined);
    assert.equal(matchIgnore(rules, 'p1/sessions/x/z.md', false), false);
    assert.equal(matchIgnore(rules, 'p1/sessions/x/y.md', false), true);
    assert.equal(matchIgnore(rules, 'p1/sessions/x/sub', true), true);
    // Not anchored, and `**` alone: still everything.
    assert.equal(matchIgnore(parseGitignore('drafts/**\n'), 'drafts', true), undefined);
    assert.equal(matchIgnore(parseGitignore('drafts/**\n'), 'drafts/a.md', false), true);
    assert.equal(matchIgnore(parseGitignore('**\n'), 'a', true), true);
  });

  it('finish on patterns that make a backtracking regular expression take exponential time', () => {
    // Before, `*a*a*a*a*a*a*a*a*b` in a .gitignore someone committed stalled `check` for minutes on one long name.
    const rules = parseGitignore('*a*a*a*a*a*a*a*a*a*a*b\n');
    assert.equal(matchIgnore(rules, `pa/sessions/${'a'.repeat(60)}.md`, false), undefined);
    assert.equal(matchIgnore(rules, `pa/sessions/${'a'.repeat(60)}b`, false), true);
    assert.equal(globToRegExp(`${'**/'.repeat(1500)}x`).test('a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q/r/s/t/y'), false);
    assert.equal(globToRegExp(`${'**/'.repeat(1500)}x`).test('a/b/x'), true);
  });
});
