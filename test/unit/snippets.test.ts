import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';

/**
 * Checks snippets/mentoring.code-snippets: every snippet is well formed, and the
 * front matter that the file snippets insert is valid journal front matter once
 * the placeholders are filled with their defaults.
 */

const SNIPPET_FILE = join(__dirname, '..', '..', 'snippets', 'mentoring.code-snippets');
const PREFIX_START = 'mj-';
/** The fixed day that stands in for $CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE. */
const FIXED = { CURRENT_YEAR: '2026', CURRENT_MONTH: '11', CURRENT_DATE: '23' };

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description: string;
}

// The journal format (issue 2), kept here on purpose: the snippets must match the spec, not the engine's code.
const STAGES = ['creating', 'building', 'mastery', 'moving-on'];
const QUESTION_WORDS = ['what', 'where', 'how', 'when', 'why'];
const ENUMS: Record<string, Record<string, string[]>> = {
  agreement: {
    format: ['one-to-one', 'peer', 'group', 'reverse', 'co-mentoring'],
    formality: ['formal', 'informal'],
    stage: STAGES,
  },
  goal: {
    owner: ['mentee', 'mentor', 'both'],
    status: ['proposed', 'active', 'achieved', 'dropped', 'paused'],
  },
  session: { status: ['held', 'cancelled', 'missed'] },
};
const REQUIRED: Record<string, string[]> = {
  agreement: ['type', 'mentor', 'mentee', 'started', 'stage'],
  goal: ['type', 'title', 'status'],
  session: ['type', 'date'],
};
const DATE_KEYS = ['date', 'started', 'ends', 'due', 'created', 'next'];
const CADENCES = ['weekly', 'biweekly', 'monthly'];

/** Variables that VS Code resolves in snippets. */
const KNOWN_VARIABLES = new Set([
  'TM_SELECTED_TEXT', 'TM_CURRENT_LINE', 'TM_CURRENT_WORD', 'TM_LINE_INDEX', 'TM_LINE_NUMBER', 'TM_FILENAME',
  'TM_FILENAME_BASE', 'TM_DIRECTORY', 'TM_FILEPATH', 'RELATIVE_FILEPATH', 'CLIPBOARD', 'WORKSPACE_NAME',
  'WORKSPACE_FOLDER', 'CURSOR_INDEX', 'CURSOR_NUMBER', 'CURRENT_YEAR', 'CURRENT_YEAR_SHORT', 'CURRENT_MONTH',
  'CURRENT_MONTH_NAME', 'CURRENT_MONTH_NAME_SHORT', 'CURRENT_DATE', 'CURRENT_DAY_NAME', 'CURRENT_DAY_NAME_SHORT',
  'CURRENT_HOUR', 'CURRENT_MINUTE', 'CURRENT_SECOND', 'CURRENT_SECONDS_UNIX', 'CURRENT_TIMEZONE_OFFSET', 'RANDOM',
  'RANDOM_HEX', 'UUID', 'BLOCK_COMMENT_START', 'BLOCK_COMMENT_END', 'LINE_COMMENT',
]);

// ---------------------------------------------------------------------------
// A small parser for VS Code's snippet syntax: tabstops, placeholders, choices, variables.

type SnippetNode =
  | { kind: 'text'; value: string }
  | { kind: 'tabstop'; index: number; children?: SnippetNode[] }
  | { kind: 'choice'; index: number; options: string[] }
  | { kind: 'variable'; name: string; children?: SnippetNode[] };

class SnippetSyntaxError extends Error {}

function parseSnippet(source: string): SnippetNode[] {
  let pos = 0;
  const fail = (message: string): never => {
    throw new SnippetSyntaxError(`${message} at offset ${pos} in ${JSON.stringify(source)}`);
  };

  function parseSequence(insidePlaceholder: boolean): SnippetNode[] {
    const nodes: SnippetNode[] = [];
    let text = '';
    const flush = () => {
      if (text) nodes.push({ kind: 'text', value: text });
      text = '';
    };
    while (pos < source.length) {
      const ch = source[pos]!;
      if (ch === '\\' && pos + 1 < source.length && '$}\\'.includes(source[pos + 1]!)) {
        text += source[pos + 1];
        pos += 2;
      } else if (ch === '}' && insidePlaceholder) {
        flush();
        return nodes;
      } else if (ch === '$') {
        const node = parseDollar();
        if (node) {
          flush();
          nodes.push(node);
        } else {
          text += ch;
          pos++;
        }
      } else {
        text += ch;
        pos++;
      }
    }
    if (insidePlaceholder) fail('unclosed ${');
    flush();
    return nodes;
  }

  /** At a `$`: returns the node it starts, or undefined when the `$` is literal text. */
  function parseDollar(): SnippetNode | undefined {
    const rest = source.slice(pos);
    const simpleTabstop = /^\$(\d+)/.exec(rest);
    if (simpleTabstop) {
      pos += simpleTabstop[0].length;
      return { kind: 'tabstop', index: Number(simpleTabstop[1]) };
    }
    const simpleVariable = /^\$([_a-zA-Z][_a-zA-Z0-9]*)/.exec(rest);
    if (simpleVariable) {
      pos += simpleVariable[0].length;
      return { kind: 'variable', name: simpleVariable[1]! };
    }
    if (!rest.startsWith('${')) return undefined;
    const head = /^\$\{(?:(\d+)|([_a-zA-Z][_a-zA-Z0-9]*))/.exec(rest);
    if (!head) return fail('`${` must be followed by a tabstop number or a variable name');
    pos += head[0].length;
    const index = head[1] === undefined ? undefined : Number(head[1]);
    const name = head[2];
    const next = source[pos];
    if (next === '}') {
      pos++;
      return index !== undefined ? { kind: 'tabstop', index } : { kind: 'variable', name: name! };
    }
    if (next === ':') {
      pos++;
      const children = parseSequence(true);
      pos++; // the closing }
      return index !== undefined ? { kind: 'tabstop', index, children } : { kind: 'variable', name: name!, children };
    }
    if (next === '|' && index !== undefined) {
      pos++;
      const options: string[] = [];
      let option = '';
      while (pos < source.length) {
        const ch = source[pos]!;
        if (ch === '\\' && pos + 1 < source.length && ',|\\'.includes(source[pos + 1]!)) {
          option += source[pos + 1];
          pos += 2;
        } else if (ch === ',') {
          options.push(option);
          option = '';
          pos++;
        } else if (ch === '|') {
          if (source[pos + 1] !== '}') fail('a choice must end with |}');
          options.push(option);
          pos += 2;
          if (options.some((o) => o === '')) fail('a choice has an empty option');
          return { kind: 'choice', index, options };
        } else {
          option += ch;
          pos++;
        }
      }
      return fail('unclosed choice');
    }
    return fail(`unexpected ${JSON.stringify(next ?? 'end of text')} after \${`);
  }

  return parseSequence(false);
}

function walk(nodes: SnippetNode[], visit: (node: SnippetNode) => void): void {
  for (const node of nodes) {
    visit(node);
    if ((node.kind === 'tabstop' || node.kind === 'variable') && node.children) walk(node.children, visit);
  }
}

/** Fills every placeholder with its default, every choice with its first option, and the date variables with FIXED. */
function expand(nodes: SnippetNode[]): string {
  const defaults = new Map<number, SnippetNode[]>();
  walk(nodes, (n) => {
    if (n.kind === 'tabstop' && n.children && !defaults.has(n.index)) defaults.set(n.index, n.children);
    if (n.kind === 'choice' && !defaults.has(n.index)) defaults.set(n.index, [{ kind: 'text', value: n.options[0]! }]);
  });
  const render = (list: SnippetNode[]): string =>
    list
      .map((n) => {
        switch (n.kind) {
          case 'text':
            return n.value;
          case 'choice':
            return n.options[0]!;
          case 'tabstop': {
            const children = n.children ?? defaults.get(n.index);
            return children ? render(children) : '';
          }
          case 'variable': {
            const value = (FIXED as Record<string, string>)[n.name];
            if (value !== undefined) return value;
            return n.children ? render(n.children) : '';
          }
        }
      })
      .join('');
  return render(nodes);
}

// ---------------------------------------------------------------------------

const snippets = JSON.parse(readFileSync(SNIPPET_FILE, 'utf8')) as Record<string, Snippet>;
const entries = Object.entries(snippets);
const prefixesOf = (s: Snippet): string[] => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]);
const bodyOf = (s: Snippet): string => (Array.isArray(s.body) ? s.body.join('\n') : s.body);
const byPrefix = (prefix: string): Snippet => {
  const found = entries.find(([, s]) => prefixesOf(s).includes(prefix));
  assert.ok(found, `a snippet with prefix ${prefix}`);
  return found[1];
};
const expanded = (prefix: string): string => expand(parseSnippet(bodyOf(byPrefix(prefix))));

function frontMatter(text: string): { data: Record<string, unknown>; body: string } {
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  assert.ok(m, `front matter between --- lines in:\n${text}`);
  const doc = parseDocument(m[1]!, { uniqueKeys: true });
  assert.deepEqual(doc.errors.map((e) => e.message), [], `YAML errors in:\n${m[1]}`);
  const data = doc.toJS() as unknown;
  assert.ok(data && typeof data === 'object' && !Array.isArray(data), 'front matter is a map');
  return { data: data as Record<string, unknown>, body: m[2]! };
}

function isRealDate(value: unknown): boolean {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function assertJournalFrontMatter(type: string, data: Record<string, unknown>): void {
  assert.equal(data.type, type);
  for (const key of REQUIRED[type]!) assert.ok(key in data, `${type} snippet has required key ${key}`);
  for (const [key, allowed] of Object.entries(ENUMS[type] ?? {})) {
    if (key in data) assert.ok(allowed.includes(String(data[key])), `${type}.${key}: ${String(data[key])} is one of ${allowed.join(', ')}`);
  }
  for (const key of DATE_KEYS) {
    if (key in data) assert.ok(isRealDate(data[key]), `${type}.${key} is a real YYYY-MM-DD date, got ${String(data[key])}`);
  }
}

describe('snippets/mentoring.code-snippets', () => {
  it('is a non-empty JSON object of snippets', () => {
    assert.ok(entries.length >= 20, `expected at least 20 snippets, got ${entries.length}`);
  });

  it('gives every snippet a prefix with the shared start, a body and a description', () => {
    for (const [name, s] of entries) {
      const prefixes = prefixesOf(s);
      assert.ok(prefixes.length > 0, `${name}: has a prefix`);
      for (const p of prefixes) {
        assert.equal(typeof p, 'string', `${name}: prefix is a string`);
        assert.ok(p.startsWith(PREFIX_START), `${name}: prefix ${p} starts with ${PREFIX_START}`);
        assert.match(p, /^[a-z0-9-]+$/, `${name}: prefix ${p} is lower-case words joined by hyphens`);
      }
      assert.ok(bodyOf(s).trim().length > 0, `${name}: has a body`);
      if (Array.isArray(s.body)) for (const line of s.body) assert.equal(typeof line, 'string', `${name}: body lines are strings`);
      assert.equal(typeof s.description, 'string', `${name}: has a description`);
      assert.ok(s.description.trim().length >= 20, `${name}: the description says what the snippet is for`);
    }
  });

  it('uses unique prefixes', () => {
    const seen = new Map<string, string>();
    for (const [name, s] of entries) {
      for (const p of prefixesOf(s)) {
        assert.ok(!seen.has(p), `prefix ${p} is used by both ${seen.get(p)} and ${name}`);
        seen.set(p, name);
      }
    }
  });

  it('has well-formed placeholders, choices and known variables', () => {
    for (const [name, s] of entries) {
      const body = bodyOf(s);
      // The parser throws on any `${` that is not closed, on a malformed choice and on `${` without a number or name.
      let nodes: SnippetNode[] = [];
      assert.doesNotThrow(() => (nodes = parseSnippet(body)), `${name}: parses as a snippet`);
      let tabstops = 0;
      walk(nodes, (n) => {
        if (n.kind === 'variable') assert.ok(KNOWN_VARIABLES.has(n.name), `${name}: $${n.name} is a variable VS Code knows`);
        if (n.kind === 'choice') assert.ok(n.options.length >= 2, `${name}: a choice offers at least two options`);
        if (n.kind === 'tabstop' || n.kind === 'choice') tabstops++;
      });
      assert.ok(tabstops > 0, `${name}: has at least one tabstop or placeholder`);
      const opened = body.replace(/\\[\\$}]/g, '').split('${').length - 1;
      const closedBy = body.replace(/\\[\\$}]/g, '').split('}').length - 1;
      assert.ok(closedBy >= opened, `${name}: every \${ has a closing }`);
    }
  });

  it('rejects malformed placeholders (self-check of the parser)', () => {
    assert.throws(() => parseSnippet('${1:unclosed'), SnippetSyntaxError);
    assert.throws(() => parseSnippet('${1|a,b}'), SnippetSyntaxError);
    assert.throws(() => parseSnippet('${:x}'), SnippetSyntaxError);
    assert.equal(expand(parseSnippet('${1|a\\, b,c|} ${2:x ${3:y}} $CURRENT_YEAR \\$1')), 'a, b x y 2026 $1');
  });

  describe('open-ended questions', () => {
    for (const stage of STAGES) {
      for (const word of QUESTION_WORDS) {
        const prefix = `mj-${word}-${stage}`;
        it(`${prefix} offers several ${word} questions for the ${stage} stage`, () => {
          const nodes = parseSnippet(bodyOf(byPrefix(prefix)));
          const choices = nodes.filter((n) => n.kind === 'choice');
          assert.equal(choices.length, 1, 'one choice of questions');
          const options = (choices[0] as { options: string[] }).options;
          assert.ok(options.length >= 3, `at least three variants, got ${options.length}`);
          const capital = word[0]!.toUpperCase() + word.slice(1);
          for (const q of options) {
            assert.ok(q.startsWith(`${capital} `), `"${q}" starts with ${capital}`);
            assert.ok(q.endsWith('?'), `"${q}" is a question`);
          }
          assert.equal(new Set(options).size, options.length, 'variants are distinct');
        });
      }
    }
  });

  describe('active listening and actions', () => {
    it('mj-restate restates in your own words and checks', () => {
      assert.match(expanded('mj-restate'), /\?$/);
      assert.ok(parseSnippet(bodyOf(byPrefix('mj-restate'))).filter((n) => n.kind === 'choice').length >= 2);
    });

    it('mj-clarify asks a clarifying question', () => {
      assert.match(expanded('mj-clarify'), /\?$/);
    });

    it('mj-summarize and mj-summary record agreements and decisions', () => {
      assert.match(expanded('mj-summarize'), /\?$/);
      const summary = expanded('mj-summary');
      assert.match(summary, /^## Summary\n/);
      assert.match(summary, /agreed/i);
      assert.match(summary, /decided/i);
    });

    it('mj-action is a task-list item with an owner and a due date', () => {
      assert.match(expanded('mj-action'), /^- \[ \] @owner \S.* \(due 2026-11-23\)$/);
    });

    it('mj-goal-ref is a goal reference', () => {
      assert.equal(expanded('mj-goal-ref'), '[[goal-id]]');
    });
  });

  describe('file snippets expand to valid front matter', () => {
    it('mj-session', () => {
      const { data, body } = frontMatter(expanded('mj-session'));
      assertJournalFrontMatter('session', data);
      assert.equal(data.date, '2026-11-23');
      assert.ok(Array.isArray(data.attendees) && data.attendees.length === 2);
      assert.ok(Number.isInteger(data.duration) && (data.duration as number) > 0, 'duration is positive whole minutes');
      assert.deepEqual(data.goals, ['goal-id']);
      assert.deepEqual(data.progress, { 'goal-id': 0 });
      for (const section of ['Questions', 'Notes', 'Summary', 'Actions']) assert.match(body, new RegExp(`^## ${section}$`, 'm'));
      assert.match(body, /^- \[ \] @owner .+ \(due 2026-11-23\)$/m);
    });

    it('mj-goal', () => {
      const { data } = frontMatter(expanded('mj-goal'));
      assertJournalFrontMatter('goal', data);
      assert.match(String(data.id), /^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'id is kebab-case');
      assert.ok(typeof data.success === 'string' && data.success.length > 0, 'has success criteria');
      assert.ok(typeof data.progress === 'number' && data.progress >= 0 && data.progress <= 100);
      assert.ok(Array.isArray(data.skills));
    });

    it('mj-agreement', () => {
      const { data, body } = frontMatter(expanded('mj-agreement'));
      assertJournalFrontMatter('agreement', data);
      assert.equal(data.stage, 'creating');
      assert.equal(data.confidential, true);
      assert.ok(CADENCES.includes(String(data.cadence)));
      if (data.formality !== 'informal') {
        assert.ok(isRealDate(data.ends), 'a formal agreement has an end date');
        assert.ok(String(data.ends) > String(data.started), 'ends after started');
      }
      assert.deepEqual(data.signed, {}, 'nobody has signed a fresh agreement yet');
      for (const key of ['strengths', 'expectations']) {
        const value = data[key] as Record<string, unknown>;
        assert.ok(Array.isArray(value.mentor) && Array.isArray(value.mentee), `${key} has a list for each partner`);
      }
      assert.match(body, /^## Confidentiality$/m);
    });

    it('mj-goal-inline is an item of the agreement goals list', () => {
      const doc = parseDocument(`goals:\n${expanded('mj-goal-inline')}`, { uniqueKeys: true });
      assert.deepEqual(doc.errors, []);
      const goals = (doc.toJS() as { goals: Array<Record<string, unknown>> }).goals;
      assert.equal(goals.length, 1);
      const goal = goals[0]!;
      for (const key of ['id', 'title', 'status']) assert.ok(key in goal, `inline goal has ${key}`);
      assert.ok(ENUMS.goal!.status!.includes(String(goal.status)));
      assert.ok(isRealDate(goal.due));
    });

    it('mj-closure is a valid closure map', () => {
      const doc = parseDocument(expanded('mj-closure'), { uniqueKeys: true });
      assert.deepEqual(doc.errors, []);
      const { closure } = doc.toJS() as { closure: Record<string, unknown> };
      assert.ok(isRealDate(closure.date));
      assert.ok(['informal', 'friends', 'periodic-contact', 'ended'].includes(String(closure.outcome)));
      assert.equal(typeof closure.reflection, 'string');
    });
  });
});
