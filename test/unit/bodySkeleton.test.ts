// The scan of plain bodies (src/core/bodySkeleton.ts) must give readBody what remark gives it:
// the same sections, actions, references and problems, and the same blocks at the same offsets.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import type { Root } from 'mdast';
import { readBody } from '../../src/core/body';
import { parseBody } from '../../src/core/bodyPieces';
import { bodySkeleton } from '../../src/core/bodySkeleton';
import { JournalIndex } from '../../src/core/journalIndex';
import { renderSessionFile } from '../../src/core/templates';
import { LineIndex } from '../../src/core/text';
import { NodeFileSystem } from '../../src/cli/nodeFileSystem';
import { generateJournal as generateBench } from '../../scripts/bench/generate.mjs';
import { bodyArb, structuredMarkdownArb } from '../../scripts/fuzz';
import { generateJournal as generateE2e } from '../e2e/journalGenerator';

/** Lines a journal's body is written in, which the scan reads itself. */
const PLAIN = [
  '# Notes', '## Actions ##', '### [[goal-a]] came up', '#', '## ', '####### seven hashes', '#tag', '## Next steps #', '## a#', '## # #',
  'We talked about [[goal-a]] and [[ goal-b ]].', 'Plain text.', 'text with `code [[x]]` and [[y]]', 'a `` b ` c `` d [[goal-a]]', 'unclosed ` tick [[z]]',
  'esc \\[[w]] here', 'amp &amp; [[goal-a]] &#91;[x]]', '*emph* [[goal-a]]', '_u_ __v__', '-foo', '+bar', '1.notlist', '| a | b |', '=foo', '3 < 4 and a->b',
  '- [ ] @sam draft the outline (due 2026-01-05) [[goal-a]]', '- [x] done', '* [ ] star', '+ plus [[goal-b]]', '- [ ]no space', '-  [ ] two spaces', '-    [ ] four',
  '1. first', '2. second', '3) third', '01. zero-one', '1. [ ] @kim ordered task (due 2026-03-01)',
  '- [ ] a (due 2026-02-30)', '- [ ] a (due: 2026-01-01)', '- [ ] b (due 2026-01-01) (due 2026-02-01)', '- [ ] `cmd (due 2026-01-01)` x', '- [ ] (due 2026-01-17) @sol after the date',
  '- [ ] due 2026-11-05 without parentheses', '- [ ] ＠花子 full-width owner', '- [] empty box', '- [X] capital', '-[ ] unspaced', '・[ ] foreign bullet', '- [ ] a  ', 'hard break  ', 'backslash break\\',
  '  lazy indent [[goal-a]]', '    four spaces in', '     five spaces in', 'ends with spaces   ', 'ends with a tab\t', 'tab\tinside', '[[a]][[b]]', '[[[a]]]', '[[x]](http://e)',
  '\u3000- [ ] ideographic space before', '－ [ ] full-width hyphen', '• [ ] bullet sign', 'nul \u0000 [[goal-a]]', '1234567890. ten digits', '# Ü [[goal-b]] 🎉',
  '## a `code`', '# Review of `journal/priya and kofi` on 2026-06-17', '## `` a ` b `` x', '## ` spaced `', '## `  `', '## unclosed ` tick', '## `[[goal-a]]` and [[goal-b]] #',
  '***', '- - -', '___', '* * *  ', '_ _ _', '****',
  '- **Overdue by 46 days**: the planned meeting has passed', '* *starred*', '- #tag in an item', '- _under_ [[goal-a]]', '- =equals', '- 2026 was a year', '> **bold** quote', '> #tag quote', '> -foo',
  '  *emphasis* continued', '  #tag continued', '  _under_ continued', '  =equals continued',
  '[[opens a reference', ']] closes it', '[[goal-a  ', '[[goal-a\\', 'hard  ', ']]',
  '> quote [[r]]', '>no space', '>    four after the quote', '> `code [[c]]` and [[d]]', '> ends with spaces  ',
  '<!-- [[c]] -->', '<!-- What you talked about, in your own words. -->', '<!-- - [ ] @owner what to do (due YYYY-MM-DD) -->', '<!---->', '<!-- a --> tail [[x]]',
  '<!-- a --- b -->', '<!-- a ---> b', '<!--a-->', '--> closes [[p]]', 'a --> b', '-->',
];
/** `---` after a paragraph's line underlines it (a setext heading), which the scan leaves to remark. */
const SETEXT = ['---', '--- ', '-----'];
/** Lines the scan reads in some places only: SETEXT, and a comment it reads once a later line closes it. */
const SOMETIMES = [...SETEXT, '<!-- opens [[o]]', '<!--', '<!-- --'];
/** Lines that make the scan hand the body to remark. */
const OTHER = [
  '===', '--', '>', '> ', '>     five after the quote', '> > nested', '>\ttab', '> - [ ] quoted task', '> # quoted heading', '```', '```ts', '~~~', '````', '~~~~~', '``` a`b', '  ```', '    indented code [[s]]', '\tTab start', '  - nested [[t]]', '   - three',
  '- - nested', '- > quoted', '- # heading', '- * star nested', '- + plus nested', '- 1. ordered nested', '- 1) ordered nested', '- ## heading two', '  ===', '  ---', '  ***', '  * nested star', '  # indented heading', '-     five after the marker', '-\ttab', '- ', '-', '1.', '<b>html</b> [[q]]', 'auto <https://x.y> [[q]]', '<!-->', '<!--->', ' <!-- indented -->', 'text <!-- inline -->', '<!- not one', '<div>',
  'escaped \\` tick', '## Q&A', '  ## indented', ' # one space', '2. after a paragraph',
];
const line = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...PLAIN) }, { weight: 1, arbitrary: fc.constantFrom(...SOMETIMES, ...OTHER) }, { weight: 3, arbitrary: fc.constantFrom('', '', ' ', '\t') });
const frontMatter = fc.constantFrom('', '---\ntype: session\ndate: 2026-01-01\n---\n', '---\r\ntype: session\r\n---\r\n', '--- \ntype: session\n---\t\n', '---\ntype: session\n', '+++\na = 1\n+++\n', '---\n---\n');
const eol = fc.constantFrom('\n', '\n', '\n', '\r\n', '\r');
/** Line ends the scan reads: a lone CR makes it hand the body to remark. */
const readEol = fc.constantFrom('\n', '\n', '\r\n');
const body = fc.tuple(frontMatter, fc.array(fc.tuple(line, eol), { maxLength: 24 }), fc.boolean()).map(([fm, lines, end]) => {
  const joined = lines.map(([l, e]) => l + e).join('');
  return fm + (end ? joined : joined.replace(/(\r\n|\r|\n)$/, ''));
});

/** The blocks readBody reads, with their offsets: the same from both trees. */
function blocks(root: Root): unknown[] {
  const at = (n: { position?: Root['position'] }) => [n.position?.start.offset, n.position?.end.offset];
  return root.children.map((n) => {
    if (n.type === 'list') return ['list', ...at(n), n.children.map((i) => ['item', ...at(i), ...at(i.children[0]!)])];
    return [n.type, ...at(n)];
  });
}

function agree(text: string): boolean {
  const lines = new LineIndex(text);
  const fast = bodySkeleton(text, lines);
  if (!fast) return false;
  // In one piece for the blocks (parseBody's pieces cut a long list in two); as the engine parses for the facts.
  assert.deepEqual(blocks(fast), blocks(parseBody(text, Infinity)), JSON.stringify(text));
  assert.deepEqual(readBody('p/sessions/s.md', fast, lines), readBody('p/sessions/s.md', parseBody(text), lines), JSON.stringify(text));
  return true;
}

describe('bodies read without remark (bodySkeleton)', function () {
  // Thousands of generated cases: CPU-bound, so a busy machine makes them slower, never wrong.
  this.timeout(300_000);

  it('reads what remark reads from generated bodies, or hands them to remark', () => {
    let fast = 0;
    fc.assert(fc.property(body, (t) => void (agree(t) && fast++)), { numRuns: 4000 });
    // The scan is not trivially refusing: most of these bodies are plain enough for it.
    assert.ok(fast > 800, `${fast} of 4000 bodies read by the scan`);
  });

  it('reads every body written only in the plain lines itself', () => {
    const plainBody = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...PLAIN.filter((l) => !/^(?:[ \t]|[02-9]|\d\d)/.test(l))), fc.constant('')), readEol), { maxLength: 24 }).map((ls) => `---\ntype: session\n---\n${ls.map(([l, e]) => l + e).join('')}`);
    fc.assert(fc.property(plainBody, (t) => assert.ok(agree(t), JSON.stringify(t))), { numRuns: 2000 });
  });

  it('agrees with remark on the fuzzer\'s bodies', () => {
    const text = fc.oneof(structuredMarkdownArb, bodyArb).map((b) => `---\ntype: session\n---\n${b}`);
    fc.assert(fc.property(text, (t) => void agree(t)), { numRuns: 2000 });
  });

  it('reads fenced code whatever its lines, and leaves a fence never closed to remark', () => {
    const inside = fc.array(fc.constantFrom(...PLAIN, ...SOMETIMES, ...OTHER.filter((l) => !/^ {0,3}(?:`{3}|~{3})/.test(l)), ''), { maxLength: 8 });
    const fenced = fc.tuple(fc.constantFrom('```', '```ts', '~~~', '````', '~~~ yaml'), inside, fc.constantFrom('', '  ', '   ', ' \t'), fc.constantFrom(0, 1, 2), fc.constantFrom('Some text.', '- [ ] an item [[goal-a]]', '> a quote', '', '## A heading')).map(([open, lines, pad, longer, before]) => {
      const close = open[0]!.repeat(open.replace(/[^`~]/g, '').length + longer);
      return `---\ntype: session\n---\n${before}\n${open}\n${lines.join('\n')}\n${pad.slice(0, 3)}${close}${pad}\nAfter [[goal-b]].\n`;
    });
    let read = 0;
    fc.assert(fc.property(fenced, (t) => void (agree(t) && read++)), { numRuns: 2000 });
    assert.ok(read > 1000, `${read} of 2000 fenced bodies read by the scan`);
    for (const t of ['```\nnever closed\n\n', 'text\n~~~\n```\n', '````\nx\n```\n']) assert.equal(bodySkeleton(t, new LineIndex(t)), undefined, JSON.stringify(t));
  });

  it('hands each form it does not read to remark after a blank line, and agrees with remark after text', () => {
    for (const other of OTHER) {
      const afterBlank = `---\ntype: session\n---\nSome text.\n\n${other}\n`;
      // A list item numbered 2 starts a list after a blank line, and is read then.
      if (other === '2. after a paragraph') assert.ok(agree(afterBlank));
      else assert.equal(bodySkeleton(afterBlank, new LineIndex(afterBlank)), undefined, JSON.stringify(afterBlank));
      // After a line of text some of them continue its paragraph (`    indented`), and may be read.
      agree(`---\ntype: session\n---\nSome text.\n${other}\nMore text.\n`);
    }
    for (const dashes of SETEXT) {
      const afterText = `---\ntype: session\n---\nA title\n${dashes}\n`;
      assert.equal(bodySkeleton(afterText, new LineIndex(afterText)), undefined, 'a setext heading is left to remark');
      assert.ok(agree(`---\ntype: session\n---\n- [ ] an item\n${dashes}\n\n${dashes}\n> a quote\n${dashes}\n`), 'a thematic break elsewhere is read');
    }
    // Found by a tester: with lone CR line ends a `[[…]]` ran across a hard break that remark cuts.
    for (const t of ['---\ntype: session\n---\n[[a  \r]]', '---\ntype: session\n---\n[[a\\\r]]', '---\ntype: session\n---\n- [ ] x [[a \r]]']) {
      assert.equal(bodySkeleton(t, new LineIndex(t)), undefined, JSON.stringify(t));
    }
    // A comment is one block up to the line that closes it, whatever the lines between; one never closed is left to remark.
    for (const t of ['## Notes\n<!-- opens\n\n- [ ] @sam not an item [[nope]]\n```\n  indented\nclosed --> after\nText [[goal-a]].\n', '- [ ] an item\n<!-- a -->\n- [ ] another\n', '> quote\n<!--\n-->\n']) {
      assert.ok(agree(`---\ntype: session\n---\n${t}`), JSON.stringify(t));
    }
    assert.deepEqual(readBody('s.md', bodySkeleton('## Notes\n<!--\n- [ ] hidden [[nope]]\n-->\n', new LineIndex('## Notes\n<!--\n- [ ] hidden [[nope]]\n-->\n'))!, new LineIndex('## Notes\n<!--\n- [ ] hidden [[nope]]\n-->\n')), { sections: { notes: '<!--\n- [ ] hidden [[nope]]\n-->' }, actions: [], references: [], problems: [] });
    for (const t of ['<!-- never closed\n[[a]]\n', 'Text\n<!--\n\n', '<!--\n']) assert.equal(bodySkeleton(t, new LineIndex(t)), undefined, JSON.stringify(t));
    for (const t of ['\uFEFF---\ntype: session\n---\ntext\n', '---\nopen front matter\n', '---', '- [ ] a\n> > nested quote']) assert.equal(bodySkeleton(t, new LineIndex(t)), undefined, JSON.stringify(t));
  });

  it('reads every session of the example journal, of the generated journals and of the template itself, as remark does', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mj-skeleton-'));
    try {
      for (const style of ['block', 'flow', 'mixed'] as const) generateBench(path.join(tmp, style), { relationships: 2, sessionsPer: 30, style });
      generateE2e(path.join(tmp, 'e2e'), 2, 30, { unknownGoalEvery: 7 });
      const sessions: string[] = [];
      const walk = (dir: string): void => {
        for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
          const p = path.join(dir, e.name);
          if (e.isDirectory()) walk(p);
          else if (e.name.endsWith('.md') && p.includes(`${path.sep}sessions${path.sep}`)) sessions.push(p);
        }
      };
      walk(path.join(__dirname, '../../examples'));
      walk(tmp);
      assert.ok(sessions.length > 200, `${sessions.length} sessions`);
      for (const f of sessions) assert.ok(agree(fs.readFileSync(f, 'utf8')), `${f} is read by the scan`);
      // And the sessions New session writes, hints in HTML comments and all, at every stage, carried actions or none.
      const index = new JournalIndex(new NodeFileSystem(path.join(__dirname, '../../examples/journal')));
      await index.build();
      let written = 0;
      for (const relationship of index.relationships()) {
        for (const stage of ['creating', 'building', 'mastery', 'moving-on'] as const) {
          for (const date of ['2026-01-01', '2026-12-02', '2027-06-01']) {
            const text = renderSessionFile({ relationship, date, stage });
            assert.ok(agree(text), `the template for ${relationship.id} on ${date} is read by the scan: ${JSON.stringify(text)}`);
            written++;
          }
        }
      }
      assert.ok(written >= 24);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
