import assert from 'node:assert/strict';
import { expectCodes, expectNone, expectOne, GOAL, lines, problemsOf, SESSION } from './helpers';

describe('rules: yaml/*', () => {
  describe('yaml/syntax', () => {
    it('valid: a session with well-formed YAML has none', () => {
      expectNone(problemsOf('p/sessions/2026-02-02.md', SESSION), 'yaml/syntax');
    });

    it('reports a tab used as indentation at the tab, and nothing else', () => {
      const text = lines('---', 'type: session', 'date: 2026-02-02', 'progress:', '\tdesign-doc: 40', '---', '');
      const problems = problemsOf('p/sessions/2026-02-02.md', text);
      expectOne(problems, { code: 'yaml/syntax', severity: 'error', range: [5, 1, 5, 2], message: [/YAML syntax error/, /[Tt]abs/] });
      // Schema checks on front matter that does not parse would only add noise.
      expectCodes(problems, ['yaml/syntax@5:1-5:2']);
    });

    it('reports an unclosed flow sequence at its [, not on the next key where the parser gives up', () => {
      const text = lines('---', 'type: goal', 'title: [Write, a doc', 'status: active', '---', '');
      expectOne(problemsOf('p/goals/design-doc.md', text), { code: 'yaml/syntax', severity: 'error', range: [3, 8, 3, 9], message: [/the list opened with `\[` here is never closed: end it with `\]`/] });
    });

    it('reports an unclosed flow map at its {, also over lines, with CRLF, and an inner unclosed list once, at the outer {', () => {
      const text = lines('---', 'type: session', 'date: 2026-02-02', 'progress: {design-doc: 40,', '  on-call: [10, 20', 'next: 2026-02-16', '---', '').replace(/\n/g, '\r\n');
      expectOne(problemsOf('p/sessions/2026-02-02.md', text), { code: 'yaml/syntax', severity: 'error', range: [4, 11, 4, 12], message: [/the map opened with `\{` here is never closed: end it with `\}`/] });
    });

    it('reports an unterminated quoted value at its opening quote', () => {
      const double = lines('---', 'type: goal', 'title: "Write a doc', 'status: active', '---', '');
      expectOne(problemsOf('p/goals/design-doc.md', double), { code: 'yaml/syntax', severity: 'error', range: [3, 8, 3, 9], message: [/the text opened with `"` here is never closed/] });
      const single = lines('---', 'type: goal', "title: Write", "success: 'a doc", 'status: active', '---', '');
      expectOne(problemsOf('p/goals/design-doc.md', single), { code: 'yaml/syntax', severity: 'error', range: [4, 10, 4, 11], message: [/the text opened with `'` here is never closed/] });
    });

    it('does not report type/missing when the YAML is broken (type may be there, unreadable)', () => {
      const problems = problemsOf('p/sessions/x.md', lines('---', 'date: [2026-02-02', '---', ''));
      expectNone(problems, 'type/missing');
      assert.ok(problems.some((p) => p.code === 'yaml/syntax'));
    });
  });

  describe('yaml/duplicate-key', () => {
    it('valid: distinct keys', () => {
      expectNone(problemsOf('p/goals/design-doc.md', GOAL), 'yaml/duplicate-key');
    });

    it('reports the second key, names it and the line of the first', () => {
      const text = lines('---', 'type: session', 'date: 2026-04-15', 'duration: 45', 'goals: [design-doc]', 'duration: 60', '---', '');
      expectOne(problemsOf('p/sessions/2026-04-15.md', text), {
        code: 'yaml/duplicate-key',
        severity: 'error',
        range: [6, 1, 6, 9],
        message: [/`duration`/, /line 4/, /keep only one/],
      });
    });

    it('reports a duplicate inside a nested map at the nested key', () => {
      const text = lines('---', 'type: session', 'date: 2026-04-15', 'progress: {design-doc: 40, design-doc: 50}', '---', '');
      expectOne(problemsOf('p/sessions/2026-04-15.md', text), { code: 'yaml/duplicate-key', severity: 'error', range: [4, 28, 4, 38], message: [/`design-doc`/, /line 4/] });
    });

    it('names the column of the first key when both are on one line (a flow map; quoted; CRLF)', () => {
      const text = ['---', 'type: session', "date: '2026-04-15'", 'progress: {design-doc: 40, "design-doc": 50}  # twice', '---', ''].join('\r\n');
      expectOne(problemsOf('p/sessions/2026-04-15.md', text), {
        code: 'yaml/duplicate-key',
        severity: 'error',
        range: [4, 28, 4, 40],
        message: [/^Duplicate key `design-doc`: it is already set on line 4, column 12; keep only one\.$/],
      });
      // On another line, the line is enough.
      const block = ['---', 'type: session', 'date: 2026-04-15', 'duration: 45', 'duration: 60', '---', ''].join('\r\n');
      assert.match(problemsOf('p/sessions/2026-04-15.md', block).find((p) => p.code === 'yaml/duplicate-key')!.message, /already set on line 4; keep only one/);
    });
  });

  describe('yaml/too-many-aliases', () => {
    const bomb = lines(
      '---',
      'type: session',
      'date: 2026-02-02',
      'a: &a [x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
      'e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]',
      'f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]',
      'g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]',
      '---',
      '',
    );

    it('valid: a few aliases are fine', () => {
      const text = lines('---', 'type: session', 'date: &d 2026-02-02', 'next: *d', '---', '');
      expectNone(problemsOf('p/sessions/2026-02-02.md', text), 'yaml/too-many-aliases');
    });

    it('reports an alias bomb once, at its first alias, and reads nothing else', () => {
      const problems = problemsOf('p/sessions/2026-02-02.md', bomb);
      expectOne(problems, { code: 'yaml/too-many-aliases', severity: 'error', range: [5, 8, 5, 10], message: [/aliases/, /too much/] });
      assert.equal(problems.length, 1);
    });
  });
});
