import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Checks the TextMate injection grammars in syntaxes/. Their `match` patterns are written
 * in the common subset of Oniguruma (which VS Code runs) and JavaScript regular expressions,
 * so that they can be compiled and exercised here with RegExp (with the `u` flag for a pattern
 * with Unicode classes such as `\p{L}`, which both read the same way).
 */

const SYNTAXES = join(__dirname, '..', '..', 'syntaxes');
const BODY_FILE = 'mentoring.injection.tmLanguage.json';
const FRONTMATTER_FILE = 'mentoring-frontmatter.injection.tmLanguage.json';

interface Capture {
  name?: string;
}
interface Rule {
  comment?: string;
  name?: string;
  match?: string;
  include?: string;
  captures?: Record<string, Capture>;
  patterns?: Rule[];
}
interface Grammar extends Rule {
  scopeName: string;
  injectionSelector: string;
  repository: Record<string, Rule>;
}

const load = (file: string): Grammar => JSON.parse(readFileSync(join(SYNTAXES, file), 'utf8')) as Grammar;
const body = load(BODY_FILE);
const frontmatter = load(FRONTMATTER_FILE);

// Every front-matter key of the journal format (issue 2), across agreement, goal, session and review.
const JOURNAL_KEYS = [
  'type', 'mentor', 'mentee', 'mentors', 'mentees', 'name', 'handle', 'email', 'format', 'formality', 'started', 'ends',
  'cadence', 'stage', 'confidential', 'signed', 'strengths', 'expectations', 'success', 'goals', 'closure', 'date',
  'outcome', 'reflection', 'id', 'title', 'owner', 'due', 'status', 'progress', 'skills', 'created', 'attendees',
  'duration', 'next', 'relationship', 'inferred',
];

/** All rules of a grammar, with a path for messages. */
function rulesOf(grammar: Grammar): Array<[string, Rule]> {
  const out: Array<[string, Rule]> = [];
  const visit = (path: string, rule: Rule) => {
    out.push([path, rule]);
    rule.patterns?.forEach((r, i) => visit(`${path}.patterns[${i}]`, r));
  };
  grammar.patterns?.forEach((r, i) => visit(`patterns[${i}]`, r));
  for (const [key, rule] of Object.entries(grammar.repository)) visit(`repository.${key}`, rule);
  return out;
}

function scopeNames(grammar: Grammar): string[] {
  const names: string[] = [];
  for (const [, rule] of rulesOf(grammar)) {
    if (rule.name) names.push(rule.name);
    for (const capture of Object.values(rule.captures ?? {})) if (capture.name) names.push(capture.name);
  }
  return names;
}

/** The RegExp for a repository rule's `match`, with `d` for capture positions. */
function regex(grammar: Grammar, key: string): RegExp {
  const source = grammar.repository[key]?.match;
  assert.ok(source, `repository.${key} has a match`);
  return new RegExp(source, source.includes('\\p{') ? 'gdu' : 'gd');
}

interface Token {
  scope: string;
  text: string;
  start: number;
}

/** Runs one repository rule over a line the way TextMate does (left to right, no overlaps) and lists the scoped spans. */
function tokens(grammar: Grammar, key: string, line: string): Token[] {
  const rule = grammar.repository[key]!;
  const re = regex(grammar, key);
  const out: Token[] = [];
  for (const m of line.matchAll(re)) {
    if (rule.name) out.push({ scope: rule.name, text: m[0], start: m.index });
    for (const [group, capture] of Object.entries(rule.captures ?? {})) {
      const span = m.indices?.[Number(group)];
      if (capture.name && span) out.push({ scope: capture.name, text: line.slice(span[0], span[1]), start: span[0] });
    }
  }
  return out;
}

const textsOf = (list: Token[], scope: string): string[] => list.filter((t) => t.scope === scope).map((t) => t.text);

describe('TextMate injection grammars', () => {
  describe('structure', () => {
    for (const [file, grammar] of [[BODY_FILE, body], [FRONTMATTER_FILE, frontmatter]] as const) {
      describe(file, () => {
        it('is an injection grammar with a scope name and patterns', () => {
          assert.match(grammar.scopeName, /^mentoring(\.[a-z]+)*\.injection$/);
          assert.equal(typeof grammar.injectionSelector, 'string');
          assert.match(grammar.injectionSelector, /^L:/, 'injected to the left, ahead of the host rules');
          assert.ok(Array.isArray(grammar.patterns) && grammar.patterns.length > 0);
        });

        it('resolves every include to the repository', () => {
          for (const [path, rule] of rulesOf(grammar)) {
            if (rule.include === undefined) continue;
            assert.match(rule.include, /^#/, `${path}: include is local`);
            assert.ok(grammar.repository[rule.include.slice(1)], `${path}: ${rule.include} exists`);
          }
        });

        it('names every scope with the .mentoring suffix', () => {
          const names = scopeNames(grammar);
          assert.ok(names.length > 0);
          for (const scope of names) assert.match(scope, /^[a-z]+(?:[.-][a-z0-9]+)*\.mentoring$/, scope);
        });

        it('compiles every match as a JavaScript RegExp whose capture numbers exist', () => {
          for (const [path, rule] of rulesOf(grammar)) {
            if (rule.match === undefined) {
              assert.ok(rule.include || rule.patterns, `${path}: a rule without match includes or groups others`);
              continue;
            }
            let re: RegExp | undefined;
            assert.doesNotThrow(() => (re = new RegExp(rule.match!)), `${path}: compiles`);
            const groups = new RegExp(`${re!.source}|`).exec('')!.length - 1;
            for (const group of Object.keys(rule.captures ?? {})) {
              assert.ok(Number(group) <= groups, `${path}: capture ${group} exists (${groups} groups)`);
            }
            // Oniguruma-only syntax would make the pattern mean something else in VS Code than here.
            const outsideClasses = rule.match.replace(/\[(?:\\.|[^\]\\])*\]/g, 'C');
            assert.doesNotMatch(outsideClasses, /\\[AGzZhH]|\(\?[imx-]+[:)]|\(\?>|[*+?}]\+/, `${path}: no Oniguruma-only syntax`);
          }
        });
      });
    }

    /** The comma-separated parts of a selector, each as its list of scope words. */
    const selectorParts = (selector: string): string[][] => selector.split(',').map((part) => part.trim().split(/\s+/));

    it('injects the body rules into Markdown paragraphs and headings, not into comments or inline code', () => {
      const parts = selectorParts(body.injectionSelector);
      assert.deepEqual(
        parts.map((words) => words.filter((w) => !w.startsWith('-')).join(' ')).sort(),
        ['L:text.html.markdown markup.heading.markdown', 'L:text.html.markdown meta.paragraph.markdown'],
        'paragraphs (list items and quotes included) and headings: front matter, code blocks and HTML are neither',
      );
      for (const words of parts) {
        for (const excluded of ['-comment', '-markup.inline.raw']) assert.ok(words.includes(excluded), `${words.join(' ')} has ${excluded}`);
      }
    });

    it("injects the key rule into the YAML keys inside VS Code's front-matter scope", () => {
      const parts = selectorParts(frontmatter.injectionSelector);
      assert.deepEqual(
        parts.map((words) => words.filter((w) => !w.startsWith('-')).join(' ')).sort(),
        ['L:meta.embedded.block.frontmatter meta.flow.map.key.yaml', 'L:meta.embedded.block.frontmatter meta.map.key.yaml'],
      );
      for (const words of parts) assert.ok(words.includes('-comment'));
    });

    it('uses the scope names that themes and the extension rely on', () => {
      const names = new Set([...scopeNames(body), ...scopeNames(frontmatter)]);
      for (const scope of [
        'meta.link.goal-reference.mentoring',
        'entity.name.tag.goal-id.mentoring',
        'variable.other.owner.mentoring',
        'constant.other.date.due.mentoring',
        'support.type.property-name.key.mentoring',
      ]) {
        assert.ok(names.has(scope), scope);
      }
    });
  });

  describe('goal references', () => {
    const scan = (line: string) => tokens(body, 'goal-reference', line);

    it('scopes [[id]] and its id', () => {
      const list = scan('We created [[write-design-rfc]] today.');
      assert.deepEqual(textsOf(list, 'meta.link.goal-reference.mentoring'), ['[[write-design-rfc]]']);
      assert.deepEqual(textsOf(list, 'entity.name.tag.goal-id.mentoring'), ['write-design-rfc']);
      assert.equal(list.find((t) => t.scope === 'entity.name.tag.goal-id.mentoring')?.start, 13);
      assert.deepEqual(textsOf(list, 'punctuation.definition.goal-reference.begin.mentoring'), ['[[']);
      assert.deepEqual(textsOf(list, 'punctuation.definition.goal-reference.end.mentoring'), [']]']);
    });

    it('finds several references on one line and trims spaces around the id', () => {
      const list = scan('- [[capacity-planning]] and [[ review-others-designs ]]');
      assert.deepEqual(textsOf(list, 'entity.name.tag.goal-id.mentoring'), ['capacity-planning', 'review-others-designs']);
    });

    it('ignores ordinary links, single brackets and empty references', () => {
      for (const line of ['[a link](https://example.invalid)', '[single]', '[[]]', '[[ ]]', '[ [x] ]']) {
        assert.deepEqual(scan(line), [], line);
      }
    });
  });

  describe('action-item owners', () => {
    const scan = (line: string) => tokens(body, 'action-owner', line);
    const owners = (line: string) => textsOf(scan(line), 'variable.other.owner.mentoring');

    it('scopes the @owner right after a task-list checkbox', () => {
      const line = '- [ ] @sam write the RFC draft (due 2026-11-30)';
      assert.deepEqual(owners(line), ['@sam']);
      assert.equal(scan(line).find((t) => t.scope === 'variable.other.owner.mentoring')?.start, 6);
      assert.deepEqual(textsOf(scan(line), 'punctuation.definition.owner.mentoring'), ['@']);
    });

    it('accepts done items, other bullets, ordered lists, indentation and dotted names', () => {
      assert.deepEqual(owners('- [x] @priya share the template'), ['@priya']);
      assert.deepEqual(owners('* [X] @aiko.t send the slides'), ['@aiko.t']);
      assert.deepEqual(owners('+ [ ] @dan_w try it'), ['@dan_w']);
      assert.deepEqual(owners('1. [ ] @noor draft the talk'), ['@noor']);
      assert.deepEqual(owners('    - [ ] @lee-h review'), ['@lee-h']);
    });

    it('takes names in any script whole: @zoë, @jürgen, @zoë written with a combining mark, @明', () => {
      assert.deepEqual(owners('- [ ] @zoë send the book'), ['@zoë']);
      assert.deepEqual(owners('- [ ] @jürgen install rustup'), ['@jürgen']);
      assert.deepEqual(owners('- [ ] @zoe\u0308 send the book'), ['@zoe\u0308']);
      assert.deepEqual(owners('- [ ] @明 review'), ['@明']);
    });

    it('leaves e-mail addresses, mentions in prose and tasks without an owner alone', () => {
      for (const line of ['Write to sam@example.invalid', 'Thanks @sam for the notes', '- [ ] write the RFC', '- [ ]@sam no space', '[ ] @sam not a list item']) {
        assert.deepEqual(owners(line), [], line);
      }
    });
  });

  describe('due markers', () => {
    const scan = (line: string) => tokens(body, 'due-marker', line);

    it('scopes (due YYYY-MM-DD) and its date', () => {
      const list = scan('- [ ] @sam send the draft (due 2026-11-30)');
      assert.deepEqual(textsOf(list, 'meta.due-marker.mentoring'), ['(due 2026-11-30)']);
      assert.deepEqual(textsOf(list, 'constant.other.date.due.mentoring'), ['2026-11-30']);
      assert.deepEqual(textsOf(list, 'keyword.other.due.mentoring'), ['due']);
    });

    it('accepts any letter case of "due"', () => {
      assert.deepEqual(textsOf(scan('(Due 2027-01-05)'), 'constant.other.date.due.mentoring'), ['2027-01-05']);
    });

    it('needs a full date in parentheses', () => {
      for (const line of ['due 2026-11-30', '(due 2026-1-5)', '(due next week)', '(due2026-11-30)']) {
        assert.deepEqual(scan(line), [], line);
      }
    });
  });

  describe('front-matter keys', () => {
    const keys = (line: string) => textsOf(tokens(frontmatter, 'journal-key', line), 'support.type.property-name.key.mentoring');

    it('knows every key of the journal format, and only those', () => {
      const alternatives = /\(([a-z|]+)\)/.exec(frontmatter.repository['journal-key']!.match!)![1]!.split('|');
      assert.deepEqual([...alternatives].sort(), [...JOURNAL_KEYS].sort());
    });

    it('scopes a key at the start of a line', () => {
      for (const key of JOURNAL_KEYS) assert.deepEqual(keys(`${key}: x`), [key], key);
      assert.deepEqual(keys('signed:'), ['signed']);
      assert.deepEqual(keys('stage : building'), ['stage']);
    });

    it('scopes nested keys and keys of inline goals', () => {
      assert.deepEqual(keys('  mentor: 2026-06-01'), ['mentor']);
      assert.deepEqual(keys('    name: Priya Raman'), ['name']);
      assert.deepEqual(keys('  - id: accessibility-audit'), ['id']);
      assert.deepEqual(keys('- title: A goal'), ['title']);
      assert.deepEqual(keys('      email: sam@example.invalid'), ['email']);
    });

    it('scopes keys of flow maps', () => {
      assert.deepEqual(keys('signed: {mentor: 2026-06-01, mentee: 2026-06-03}'), ['signed', 'mentor', 'mentee']);
      assert.deepEqual(keys('signed: { mentor: 2026-06-01,mentee: 2026-06-03 }'), ['signed', 'mentor', 'mentee']);
    });

    it('prefers the longer key where one is a prefix of another', () => {
      assert.deepEqual(keys('mentors: [A, B]'), ['mentors']);
      assert.deepEqual(keys('mentees: [C]'), ['mentees']);
    });

    it('leaves values, unknown keys and goal ids in progress maps alone', () => {
      for (const line of ['mentie: Sam', 'titles: x', 'type:session', '  capacity-planning: 10', 'x: type: y', '   status: odd indentation']) {
        assert.deepEqual(keys(line), [], line);
      }
      assert.deepEqual(keys('success: ask the mentor about it'), ['success']);
      assert.deepEqual(keys('success: talk to the mentor: soon'), ['success']);
    });
  });

  describe('on the example journal', () => {
    const root = join(__dirname, '..', '..', 'examples', 'journal');
    const files = (readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith('.md') && f.includes('sessions'));

    it('finds an owner and a due date on every action item that has them', () => {
      let checked = 0;
      for (const file of files) {
        for (const line of readFileSync(join(root, file), 'utf8').split('\n')) {
          if (!/^- \[[ x]\] @/.test(line)) continue;
          checked++;
          assert.equal(textsOf(tokens(body, 'action-owner', line), 'variable.other.owner.mentoring').length, 1, `${file}: ${line}`);
          if (line.includes('(due ')) assert.equal(tokens(body, 'due-marker', line).length > 0, true, `${file}: ${line}`);
        }
      }
      assert.ok(checked > 10, `checked ${checked} action items`);
    });

    it('finds every goal reference', () => {
      let refs = 0;
      for (const file of files) {
        const text = readFileSync(join(root, file), 'utf8');
        const expected = text.split('[[').length - 1;
        const found = text.split('\n').flatMap((line) => textsOf(tokens(body, 'goal-reference', line), 'entity.name.tag.goal-id.mentoring'));
        assert.equal(found.length, expected, file);
        refs += found.length;
      }
      assert.ok(refs > 10, `found ${refs} references`);
    });
  });
});
