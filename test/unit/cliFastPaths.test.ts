// The engine's fast paths that make `check` fast (docs/performance.md) must agree with the slow,
// obviously right way: remark-frontmatter over the whole text, and remark over the whole body.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { goalIdCandidates, mayHaveDueProblems, mayHideText, readBody } from '../../src/core/body';
import { BodyPieceCache, parseBody } from '../../src/core/bodyPieces';
import { frontMatterSpan, parseMarkdown } from '../../src/core/frontmatter';
import { LineIndex } from '../../src/core/text';
import { parseJournalFile, referencesThatMayBeUnknown } from '../../src/core/parseFile';

/** Lines that are, or nearly are, front-matter fences and Markdown that can hide `[[id]]`. */
const piece = fc.constantFrom(
  '---', '--- ', '---\t', '----', ' ---', '+++', '+++ ', '-- -', 'a: 1', 'type: session', '', ' ', '# Notes', '- [ ] @sam do [[a]] (due 2026-01-02)',
  '```', '~~~', '    [[indented]]', '`[[code]]`', '[[a]]', '[[b c]]', '[[ a ]]', '[[[a]]]', '[[x]](http://e)', '<!-- [[html]] -->', '> [[quoted]]', '\\[[escaped]]', '[[a]][[b]]', '* [[star]]',
);
const eol = fc.constantFrom('\n', '\r\n', '\r');
const text = fc.array(fc.tuple(piece, eol), { maxLength: 14 }).chain((lines) =>
  fc.boolean().map((end) => {
    const joined = lines.map(([l, e]) => l + e).join('');
    return end ? joined : joined.replace(/(\r\n|\r|\n)$/, '');
  }),
);

describe('fast paths agree with remark', function () {
  // Thousands of generated cases: CPU-bound, so a busy machine makes them slower, never wrong
  // (one took more than mocha's 20 s on 2 cores at a load average of 14). The time-out only
  // catches a hang.
  this.timeout(300_000);
  it('finds the front matter exactly where remark-frontmatter does', () => {
    fc.assert(
      fc.property(text, (t) => {
        const first = parseBody(t).children[0];
        const found = first && (first.type === 'yaml' || first.type === ('toml' as string)) && first.position?.start.offset === 0 ? { type: first.type, end: first.position.end.offset } : undefined;
        assert.deepEqual(frontMatterSpan(t, new LineIndex(t)), found, JSON.stringify(t));
      }),
      { numRuns: 5000 },
    );
  });

  it('the [[id]] candidates hold every reference the body tree yields', () => {
    fc.assert(
      fc.property(text, (t) => {
        const parsed = parseMarkdown('s.md', t);
        const ids = new Set(readBody('s.md', parseBody(t), parsed.lines).references.map((r) => r.id));
        const candidates = new Set(goalIdCandidates(t));
        for (const id of ids) assert.ok(candidates.has(id), `${id} in ${JSON.stringify(t)}`);
      }),
      { numRuns: 3000 },
    );
  });

  it('the cheap tests on the raw text hold every body whose tree yields a problem (so that the others need no parse)', () => {
    // Action items and due markers written right and wrong, in ASCII and full width, with other bullets.
    const item = fc.constantFrom(
      '- [ ] @sam book it (due 2026-05-01)', '- [ ] @sam book it (due 2026-02-30)', '- [ ] x (due 2026-05-01) (due 2026-05-02)', '- [ ] x (Due: 5 May)', '- [ ] x ( due 2026-05-01)',
      '- [ ] x \uff08due 2026-05-01\uff09', '- [ ] x due 2026-05-01', '- [ ] x [due 2026-13-01]', '-[ ] x', '- [] x', '- [  ] x', '- [x]done', '- \uff3b \uff3d x', '\u30fb [ ] x', '\u2022 [ ] x',
      '\uff0d [ ] x', '- \u300c\u300d x', '* [X] x (due 2026-05-01)', '1. [ ] x (due 2026-04-31)', 'Notes (due soon)', 'nothing due', '<!-- hint', '-->', '## Notes', '', '> - [ ] quoted (due 2026-02-29)',
    );
    // And lines made of the pieces those are made of, in any order (a run of 600,000 such bodies found no more before committing).
    const token = fc.constantFrom(
      '-', '*', '+', '1.', '2)', ' ', '  ', '    ', '\t', '[', ']', '[ ]', '[x]', '[X]', '[]', 'x', '\u00a0', '\u3000', '\uff3b', '\uff3d', '\u300c', '\u300d', '\u30fb', '\u2022', '\u2023', '\u25e6', '\u2043', '\uff0d', '\u30fc', '\uff58',
      '(due', '(Due', '(DUE', '\uff08due', '( due', 'due', 'due:', ' 2026-05-01', ' 2026-02-30', '2026-5-1', ' 20260501', ' May 5', ' 5 Mai', ')', '\uff09', '\uff1a', '\uff12\uff10\uff12\uff16-\uff10\uff15-\uff10\uff11', '@sam ', 'task',
      '<!--', '-->', '<!-->', '## H', '#', '> ', ',', ';', '```', '~~~', '[[g]]', '`', '_', '\\', '|', '<b>', '&amp;', '\r',
    );
    const line = fc.oneof(item, fc.array(token, { maxLength: 9 }).map((t) => t.join('')));
    const body = fc.array(fc.tuple(line, fc.constantFrom('\n', '\r\n')), { maxLength: 10 }).map((lines) => lines.map(([l, e]) => l + e).join(''));
    fc.assert(
      fc.property(body, (t) => {
        const lines = new LineIndex(t);
        if (readBody('s.md', parseBody(t), lines).problems.length) assert.ok(mayHaveDueProblems(t) || mayHideText(t), JSON.stringify(t));
      }),
      { numRuns: 4000 },
    );
  });

  it('a body parsed again after edits, reusing the pieces it parsed before, gives the tree of a fresh parse', () => {
    const edit = fc.tuple(fc.nat(), fc.nat({ max: 12 }), fc.constantFrom('', 'x', '\n', '- ', '\n\n', '```\n', '## H\n', '[[b]]', '> ', '    '));
    const pieces = new BodyPieceCache();
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 6 }), fc.array(edit, { maxLength: 8 }), (parts, edits) => {
        let t = parts.join('\n\n');
        // Small pieces (32 characters), so that these texts are cut into many.
        assert.deepEqual(parseBody(t, 32, pieces), parseBody(t, 32));
        for (const [at, remove, insert] of edits) {
          const from = t.length ? at % t.length : 0;
          t = t.slice(0, from) + insert + t.slice(from + remove);
          assert.deepEqual(parseBody(t, 32, pieces), parseBody(t, 32), JSON.stringify(t));
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('a session read lazily equals one whose body is read at once', () => {
    const session = (body: string) => `---\ntype: session\ndate: 2026-02-01\ngoals: [a]\nprogress: {a: 10}\n---\n${body}`;
    fc.assert(
      fc.property(text, (body) => {
        const file = parseJournalFile('p/sessions/2026-02-01.md', session(body));
        // A body that starts with keys a journal file knows and a `---` reads as front matter closed too soon: not trusted as a body.
        fc.pre(!file.problems.some((p) => p.code === 'frontmatter/closed-early'));
        const s = file.session!;
        const tree = parseBody(session(body));
        const facts = readBody(file.path, tree, parseMarkdown(file.path, session(body)).lines);
        assert.deepEqual(s.sections, facts.sections);
        assert.deepEqual(s.actions, facts.actions);
        assert.deepEqual(s.references.filter((r) => r.via === 'body'), facts.references);
        assert.deepEqual(s.goals, [...new Set(s.references.map((r) => r.id))]);
        assert.deepEqual(JSON.parse(JSON.stringify(s)).references, JSON.parse(JSON.stringify(s.references)));
      }),
      { numRuns: 500 },
    );
  });

  it('the references that may name an unknown goal hold every unknown one, in order, without the body when its [[id]]s are known', () => {
    const session = (goals: string, body: string) => `---\ntype: session\ndate: 2026-02-01\ngoals: [${goals}]\nprogress: {a: 10}\n---\n${body}`;
    const ids = fc.constantFrom<string>('a', 'b', 'x', 'indented', 'code', 'quoted');
    const knownSets = fc.uniqueArray(ids, { maxLength: 6 });
    fc.assert(
      fc.property(fc.uniqueArray(ids, { maxLength: 3 }), text, knownSets, (goals, body, knownIds) => {
        const known = new Set(knownIds);
        const lazy = parseJournalFile('p/sessions/2026-02-01.md', session(goals.join(', '), body)).session!;
        const eager = parseJournalFile('p/sessions/2026-02-01.md', session(goals.join(', '), body)).session!;
        const unknown = (refs: typeof eager.references) => refs.filter((r) => !known.has(r.id));
        assert.deepEqual(unknown(referencesThatMayBeUnknown(lazy, known)), unknown(eager.references));
      }),
      { numRuns: 1000 },
    );
  });
});
