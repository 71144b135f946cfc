import assert from 'node:assert/strict';
import { removeEarlyClosing, repairFrontMatterClose, repairFrontMatterStart } from '../../../src/core/edits';
import { expectCodes, expectNone, expectOne, GOAL, lines, parseFile, problemsOf, SESSION } from './helpers';

describe('rules: frontmatter/*', () => {
  describe('frontmatter/missing', () => {
    it('valid: a session file that starts with front matter', () => {
      expectNone(problemsOf('p/sessions/2026-02-02.md', SESSION), 'frontmatter/missing');
    });

    it('reports a file under sessions/ without front matter at the start of the file', () => {
      expectOne(problemsOf('p/sessions/2026-02-02.md', '# Notes from today\n'), {
        code: 'frontmatter/missing',
        severity: 'error',
        range: [1, 1, 1, 1],
        message: [/^This session file has no front matter: start it with a line `---`, then `type: session` and the keys a session file takes, then a line `---` that closes it\.$/],
      });
      // Followed (with the keys a session takes), the file is valid: the front matter is closed.
      assert.deepEqual(problemsOf('p/sessions/2026-02-02.md', '---\ntype: session\ndate: 2026-02-02\n---\n# Notes from today\n'), []);
    });

    it('reports an empty goal file', () => {
      const p = expectOne(problemsOf('p/goals/design-doc.md', ''), { code: 'frontmatter/missing', severity: 'error', range: [1, 1, 1, 1], message: [/goal/] });
      assert.deepEqual(p.data, { kind: 'missing-type', type: 'goal' });
    });

    it('says what keeps front matter written almost right from being read, at that line, and puts it right', () => {
      const body = 'type: session\ndate: 2026-02-02\n';
      const cases: Array<[string, [number, number, number, number], RegExp, string | undefined]> = [
        [` ---\n${body}---\n`, [1, 2, 1, 5], /^The front matter is not read: the line that opens it must be `---` at the start of the line, and `---` has a space before it\. Write `---`\.$/, `---\n${body}---\n`],
        [`----\n${body}----\n`, [1, 1, 1, 5], /`----` has 4 hyphens, not 3\. Write `---`\. The line that closes it, line 4, likewise: write `---` there too\.$/, `---\n${body}---\n`],
        [`\u2014\u2014\u2014\r\n${body.replace(/\n/g, '\r\n')}---\r\n`, [1, 1, 1, 4], /`———` is not written with hyphens/, `---\r\n${body.replace(/\n/g, '\r\n')}---\r\n`],
        [`\n\n---\n${body}---\n# Notes\n`, [3, 1, 3, 4], /^The front matter is not read: its `---` must be the file's first line, and 2 blank lines come before it\. Remove the blank lines\.$/, `---\n${body}---\n# Notes\n`],
        [`%YAML 1.2\n---\n${body}---\n`, [1, 1, 1, 10], /^The front matter is not read: it must start with `---` on the file's first line, and a YAML directive \(`%YAML 1\.2`\) is not taken before it\. Remove the directive, so that the file starts with `---`\.$/, undefined],
        // Comment lines before the keys (kept, in the front matter), or keys indented.
        [`# moved to Friday\n${body}status: missed\n---\n`, [2, 1, 2, 14], /^The front matter is not read: it has no opening `---`, so its keys are text and the `---` on line 5 closes nothing\. Add a line `---` before `# moved to Friday`, as the file's first line\.$/, `---\n# moved to Friday\n${body}status: missed\n---\n`],
        [`  type: session\n  date: 2026-02-02\n---\n\nNotes.\n`, [1, 3, 1, 16], /^The front matter is not read: it has no opening `---`, so its keys are text and the `---` on line 3 closes nothing\. Add a line `---` before `type: session`, as the file's first line\.$/, `---\n  type: session\n  date: 2026-02-02\n---\n\nNotes.\n`],
        // A comment on the opening line: kept, on a line of its own.
        [`--- # notes\r\n${body.replace(/\n/g, '\r\n')}---\r\n`, [1, 5, 1, 12], /^The front matter is not read: its first line must be `---` alone, and `# notes` follows it on that line\. Put the comment on a line of its own below the `---`\.$/, `---\r\n# notes\r\n${body.replace(/\n/g, '\r\n')}---\r\n`],
        [`--- # a\n${body}--- # b\n\nNotes.\n`, [1, 5, 1, 8], /^The front matter is not read: its first line must be `---` alone, and `# a` follows it on that line\. Put the comment on a line of its own below the `---`\. The line that closes it, line 4, likewise: put its comment above it\.$/, `---\n# a\n${body}# b\n---\n\nNotes.\n`],
        // No opening `---`: the keys first, then a `---` that closes nothing. With blank lines before the keys, or CRLF.
        [`${body}goals: [talk]\nprogress: {talk: 60}\n---\n\nRehearsed.\n`, [1, 1, 1, 14], /^The front matter is not read: it has no opening `---`, so its keys are text and the `---` on line 5 closes nothing\. Add a line `---` before `type: session`, as the file's first line\.$/, `---\n${body}goals: [talk]\nprogress: {talk: 60}\n---\n\nRehearsed.\n`],
        [`\r\n${body.replace(/\n/g, '\r\n')}status: missed # ill\r\n---\r\n`, [2, 1, 2, 14], /^The front matter is not read: it has no opening `---`, so its keys are text and the `---` on line 5 closes nothing\. Add a line `---` before `type: session`, as the file's first line \(the blank line above goes\)\.$/, `---\r\n${body.replace(/\n/g, '\r\n')}status: missed # ill\r\n---\r\n`],
        [`# Session with Zoë\n\n---\n${body}goals: [talk]\n---\n\nNotes.\n`, [3, 1, 3, 4], /^The front matter is not read: it must start on the file's first line, and it starts on line 3, after `# Session with Zoë`\. Move the lines before it below its closing `---` \(line 7\)\.$/, undefined],
      ];
      for (const [text, range, message, repaired] of cases) {
        const p = expectOne(problemsOf('p/sessions/2026-02-02.md', text), { code: 'frontmatter/missing', severity: 'error', range, message: [message] });
        const edit = repairFrontMatterStart(text);
        if (repaired === undefined) {
          assert.equal(p.data, undefined);
          assert.equal(edit.ok, false);
          continue;
        }
        assert.deepEqual(p.data, { kind: 'front-matter-start' });
        assert.ok(edit.ok);
        assert.equal(edit.text, repaired);
        assert.deepEqual(problemsOf('p/sessions/2026-02-02.md', edit.text), []);
      }
      // A note that only starts with a rule is not front matter written wrong; nor prose that starts `Note: ...`, or keys no journal file knows.
      expectOne(problemsOf('p/sessions/2026-02-02.md', '----\nJust notes, no keys.\n----\n'), { code: 'frontmatter/missing', severity: 'error', range: [1, 1, 1, 1], message: [/has no front matter/] });
      for (const text of ['Note: we met today\nand talked.\n---\n', 'Where: office\nWho: us\n---\n', 'type: session\ndate: 2026-02-02\n']) {
        expectOne(problemsOf('p/sessions/2026-02-02.md', text), { code: 'frontmatter/missing', severity: 'error', range: [1, 1, 1, 1], message: [/has no front matter/] });
      }
    });

    it('ignores a note without front matter outside journal folders', () => {
      assert.deepEqual(problemsOf('p/README.md', '# About us\n'), []);
      assert.deepEqual(problemsOf('README.md', ''), []);
    });
  });

  describe('frontmatter/closed-early', () => {
    it('reports a second `---` that closes the front matter at once, at it, and nothing the empty front matter lacks; removing it is the fix', () => {
      const text = lines('---', '---', 'type: session # first', 'date: 2026-02-02', 'progress:', '  design-doc: 40', 'goals:', '- design-doc', '---', '', 'Notes.', '');
      const p = expectOne(problemsOf('p/sessions/2026-02-02.md', text), {
        code: 'frontmatter/closed-early',
        severity: 'error',
        range: [2, 1, 2, 4],
        message: [/^This `---` closes the front matter right after it opens, so the keys below it, up to the `---` on line 9, are read as the body, not as front matter: remove this line\.$/],
      });
      assert.deepEqual(p.data, { kind: 'closed-early' });
      const fixed = removeEarlyClosing(text);
      assert.ok(fixed.ok);
      assert.equal(fixed.text, text.replace('---\n---\n', '---\n'));
      assert.deepEqual(parseFile('p/sessions/2026-02-02.md', fixed.text).problems, []);
    });

    it('also with a comment between the two `---`, lone CR line breaks, keys running to the end, or known keys after a front matter closed too soon', () => {
      const cases: Array<[string, [number, number, number, number], RegExp, string]> = [
        ['---\n# a comment\n---\ntype: session\ndate: 2026-02-02\n---\n\nNotes.\n', [3, 1, 3, 4], /right after it opens, so the keys below it, up to the `---` on line 6,/, '---\n# a comment\ntype: session\ndate: 2026-02-02\n---\n\nNotes.\n'],
        ['---\r---\rtype: session\rdate: 2026-02-02\r---\rNotes.\r', [2, 1, 2, 4], /right after it opens/, '---\rtype: session\rdate: 2026-02-02\r---\rNotes.\r'],
        ['---\ntype: session\n---\ndate: 2026-02-02\ngoals: [design-doc]\n---\n\nNotes.\n', [3, 1, 3, 4], /^This `---` closes the front matter before its last keys, so the keys below it, up to the `---` on line 6, are read as the body, not as front matter: remove this line\.$/, '---\ntype: session\ndate: 2026-02-02\ngoals: [design-doc]\n---\n\nNotes.\n'],
        ['---\n---\ntype: session\ndate: 2026-02-02\n', [2, 1, 2, 4], /are read as the body, not as front matter: remove this line, and close the front matter with a line `---` after its last key\.$/, '---\ntype: session\ndate: 2026-02-02\n'],
        // The usual blank line after a `---`, then known keys up to another `---`.
        ['---\ntype: session\ndate: 2026-11-13\n---\n\ngoals: [give-talk]\nprogress: {give-talk: 60}\n---\n', [4, 1, 4, 4], /^This `---` closes the front matter before its last keys, so the keys below it, up to the `---` on line 8,/, '---\ntype: session\ndate: 2026-11-13\n\ngoals: [give-talk]\nprogress: {give-talk: 60}\n---\n'],
      ];
      for (const [text, range, message, fixed] of cases) {
        expectOne(problemsOf('p/sessions/2026-02-02.md', text), { code: 'frontmatter/closed-early', severity: 'error', range, message: [message] });
        const edit = removeEarlyClosing(text);
        assert.ok(edit.ok);
        assert.equal(edit.text, fixed);
      }
      // A body that starts with a heading, or whose lines are no keys a journal file knows, after a front matter with keys.
      for (const text of ['---\ntype: session\ndate: 2026-02-02\n---\n# Agenda\nnext: 2026-02-16\n---\n', '---\ntype: session\ndate: 2026-02-02\n---\nWhere: the office\n---\n', '---\ntype: session\ndate: 2026-02-02\n---\n\nstatus: fine, Sam said\nmood: ok\n---\n']) {
        expectNone(problemsOf('p/sessions/2026-02-02.md', text), 'frontmatter/closed-early');
      }
    });

    it('leaves alone an empty front matter followed by a body, and a rule under a heading', () => {
      expectNone(problemsOf('p/sessions/2026-02-02.md', lines('---', 'type: session', 'date: 2026-02-02', '---', '', 'Notes: none.', '---', '')), 'frontmatter/closed-early');
      expectNone(problemsOf('p/README.md', lines('---', '---', '', 'Title: x', '---', '')), 'frontmatter/closed-early');
      expectNone(problemsOf('p/notes.md', lines('---', '---', '# Notes', 'text', '---', '')), 'frontmatter/closed-early');
    });
  });

  describe('frontmatter/unclosed', () => {
    it('valid: closed front matter', () => {
      expectNone(problemsOf('p/goals/design-doc.md', GOAL), 'frontmatter/unclosed');
    });

    it('reports the opening --- when no closing line follows', () => {
      const text = lines('---', 'type: goal', 'title: Write a design doc', 'status: active', '', 'Body text.', '');
      expectOne(problemsOf('p/goals/design-doc.md', text), { code: 'frontmatter/unclosed', severity: 'error', range: [1, 1, 1, 4], message: [/never closed/, /---/] });
    });

    it('says a closing line written almost right at it, with or without a `---` further down, and puts it right', () => {
      const session = (close: string, later = false) => lines('---', 'type: session', 'date: 2026-11-25', 'status: missed', close, '', 'We could not meet.', ...(later ? ['', '---', '', 'More.'] : []), '');
      const cases: Array<[string, [number, number, number, number], RegExp, string | undefined]> = [
        ['----', [5, 1, 5, 5], /: `----` has 4 hyphens, not 3\. Write `---` here, at the start of the line\./, '---'],
        ['--', [5, 1, 5, 3], /: `--` has 2 hyphens, not 3\. Write `---` here, at the start of the line\./, '---'],
        ['  ---', [5, 3, 5, 6], /: `---` has 2 spaces or tabs before it\./, '---'],
        ['\u2014\u2014\u2014', [5, 1, 5, 4], /is not written with hyphens/, '---'],
        ['--- # end', [5, 1, 5, 10], /: it must be `---` alone, and `# end` follows it\. Put the comment on a line of its own above the `---`\./, '# end\n---'],
        ['-- # end', [5, 1, 5, 9], /: `--` has 2 hyphens, not 3, and `# end` follows it\. Write `---` here, at the start of the line, and the comment on a line of its own above it\./, '# end\n---'],
        ['---- # end of the front matter', [5, 1, 5, 31], /: `----` has 4 hyphens, not 3, and `# end of the front matter` follows it\./, '# end of the front matter\n---'],
        [' --- # end', [5, 2, 5, 11], /: `---` has a space before it, and `# end` follows it\./, '# end\n---'],
        ['\u2014\u2014\u2014 # end', [5, 1, 5, 10], /: `\u2014\u2014\u2014` is not written with hyphens \(a text editor may have turned them into long dashes\), and `# end` follows it\./, '# end\n---'],
        ['...', [5, 1, 5, 4], /: `\.\.\.` ends a YAML document, not the front matter\. Write `---` here/, '---'],
        ['--- end', [5, 1, 5, 8], /: it must be `---` alone, and `end` follows it\. Write `---` alone, and the text on a line of its own\./, undefined],
      ];
      for (const [close, range, said, fixed] of cases) {
        const unclosed = session(close);
        expectOne(problemsOf('p/sessions/2026-11-25.md', unclosed), { code: 'frontmatter/unclosed', severity: 'error', range, message: [/^The front matter opened with `---` on line 1 is not closed by this line/, said, /Nothing closes the front matter before the end of the file\.$/] });
        // With a `---` further down, a rule in the body, the front matter runs on to it: one problem, at the same line.
        const runsOn = session(close, true);
        expectOne(problemsOf('p/sessions/2026-11-25.md', runsOn), { code: 'yaml/syntax', severity: 'error', range, message: [/^YAML syntax error: /] });
        for (const text of [unclosed, runsOn]) {
          const repaired = repairFrontMatterClose(text);
          if (fixed === undefined) {
            assert.equal(repaired.ok, false, `${close}: where the text after it goes is the writer's choice`);
            continue;
          }
          assert.ok(repaired.ok && repaired.text === text.replace(`\n${close}\n`, `\n${fixed}\n`), close);
          assert.deepEqual(problemsOf('p/sessions/2026-11-25.md', repaired.text), [], close);
        }
      }
      // Not a dash line inside a `|` text, nor one under prose (a body never fenced), nor a list item.
      for (const text of [lines('---', 'type: session', 'date: 2026-11-25', 'notes: |', '  ----', '  more', ''), lines('---', 'type: session', 'Some prose here.', '-----', ''), lines('---', 'type: session', 'goals:', '-', '')]) {
        expectOne(problemsOf('p/sessions/2026-11-25.md', text), { code: 'frontmatter/unclosed', severity: 'error', range: [1, 1, 1, 4], message: [/never closed/] });
      }
      // After a flow list, an indented map or a list, `  ---` with a `---` further down: ours, not the parser's words or advice to indent it.
      for (const keys of [['goals: [design-doc]'], ['progress:', '  design-doc: 30'], ['attendees:', '  - Carla']]) {
        const text = lines('---', 'type: session', 'date: 2026-01-26', ...keys, '  ---', '', 'We met.', '', '---', '');
        const at = 4 + keys.length;
        expectOne(problemsOf('p/sessions/2026-01-26.md', text), { code: 'yaml/syntax', severity: 'error', range: [at, 3, at, 6], message: [/^YAML syntax error: the front matter opened with `---` on line 1 is not closed by this line: `---` has 2 spaces or tabs before it\./] });
      }
      // Never a rule of the body under a heading or an action item, nor a code block indented four spaces (found by the verifier: --fix made `## Notes` a YAML comment, and the file passed).
      for (const text of [
        lines('---', 'type: session', 'date: 2026-01-26', 'goals: [design-doc]', '', '## Notes', '', '----', '', '- [ ] @dev draft outline (due 2026-02-05)', ''),
        lines('---', 'type: session', 'date: 2026-01-26', '- [ ] x', '', '  ---', ''),
        lines('---', 'type: session', 'date: 2026-01-26', '', '    ---', ''),
      ]) {
        expectOne(problemsOf('p/sessions/2026-01-26.md', text), { code: 'frontmatter/unclosed', severity: 'error', range: [1, 1, 1, 4], message: [/never closed/] });
        assert.equal(repairFrontMatterClose(text).ok, false);
      }
      // As a Japanese input method types them, and with a non-breaking space after the dashes: the opening and the closing line.
      for (const [open, close, said] of [['ーーー', '---', /`ーーー` is not written with hyphens \(`－` and `ー` are the full-width dashes a Japanese input method types\)/], ['---\u00a0', '---', /`---` has a non-breaking space \(U\+00A0\) after it/]] as const) {
        const text = lines(open, 'type: session', 'date: 2026-11-25', close, '', 'We met.', '');
        expectOne(problemsOf('p/sessions/2026-11-25.md', text), { code: 'frontmatter/missing', severity: 'error', range: [1, 1, 1, open.length + 1], message: [said] });
        const put = repairFrontMatterStart(text);
        assert.equal(put.ok && put.text, lines('---', 'type: session', 'date: 2026-11-25', '---', '', 'We met.', ''));
      }
      const wide = lines('---', 'type: session', 'date: 2026-11-25', '－－－', '', 'We met.', '');
      expectOne(problemsOf('p/sessions/2026-11-25.md', wide), { code: 'frontmatter/unclosed', severity: 'error', range: [4, 1, 4, 4], message: [/`－－－` is not written with hyphens/] });
      const closed = repairFrontMatterClose(wide);
      assert.equal(closed.ok && closed.text, lines('---', 'type: session', 'date: 2026-11-25', '---', '', 'We met.', ''));
      // CRLF and a byte order mark are kept.
      const crlf = `\uFEFF${session('----').replace(/\n/g, '\r\n')}`;
      const kept = repairFrontMatterClose(crlf);
      assert.equal(kept.ok && kept.text, crlf.replace('\r\n----\r\n', '\r\n---\r\n'));
    });

    it('reports a file that is only ---, with or without a line break', () => {
      expectCodes(problemsOf('p/goals/design-doc.md', '---'), ['frontmatter/unclosed@1:1-1:4']);
      expectCodes(problemsOf('p/goals/design-doc.md', '---\n'), ['frontmatter/unclosed@1:1-1:4']);
      expectCodes(problemsOf('p/goals/design-doc.md', '---\r\n'), ['frontmatter/unclosed@1:1-1:4']);
    });
  });

  describe('frontmatter/closed-in-text', () => {
    const cut = lines('---', 'type: goal', 'title: Write a design doc', 'status: active', 'due: 2026-12-18', 'success: >-', '  Reviewers accept the doc.', '---', '  Then the team adopts it: all of it.', '---', '');

    it('reports a --- that closes the front matter inside a block text the body goes on with, at that ---', () => {
      expectOne(problemsOf('p/goals/design-doc.md', cut), { code: 'frontmatter/closed-in-text', severity: 'warning', range: [8, 1, 8, 4], message: [/^This `---` ends the front matter inside the `>-` text of `success`, so the indented lines after it, up to the next `---`, are read as the body, not as that text: indent this `---` as far as the text's lines \(2 spaces\) to keep it in the text, or, if those lines belong to the body, write them without indentation\.$/] });
      // In a list item of the agreement, with a literal block, CRLF.
      const inList = lines('---', 'type: agreement', 'mentor: A', 'mentee: B', 'formality: informal', 'started: 2026-01-05', 'stage: creating', 'goals:', '  - id: a', '    title: A', '    status: proposed', '    success: |', '      first part', '---', '      second part', '---', '').replace(/\n/g, '\r\n');
      expectOne(problemsOf('p/agreement.md', inList), { code: 'frontmatter/closed-in-text', severity: 'warning', range: [14, 1, 14, 4], message: [/inside the `\|` text of `success`/, /\(6 spaces\)/] });
      // Followed (indented as far as the text's lines), nested texts are whole and valid too.
      const fixedList = parseFile('p/agreement.md', inList.replace('\r\n---\r\n      second', '\r\n      ---\r\n      second'));
      assert.deepEqual(fixedList.problems, []);
      assert.equal(fixedList.goals[0]?.success, 'first part\n---\nsecond part');
      const reflection = lines('---', 'type: agreement', 'mentor: A', 'mentee: B', 'formality: informal', 'started: 2026-01-05', 'stage: moving-on', 'signed: {mentor: 2026-01-05, mentee: 2026-01-05}', 'closure:', '  date: 2026-06-01', '  outcome: friends', '  reflection: |', '    We met twelve times.', '---', '    Then we kept in touch.', '---', '');
      expectOne(problemsOf('p/agreement.md', reflection), { code: 'frontmatter/closed-in-text', severity: 'warning', range: [14, 1, 14, 4], message: [/inside the `\|` text of `reflection`/, /\(4 spaces\)/] });
      assert.deepEqual(problemsOf('p/agreement.md', reflection.replace('times.\n---\n', 'times.\n    ---\n')), []);
    });

    it('followed, the text is whole; nothing is reported for a body that is not indented, or a front matter that does not end in a text', () => {
      const fixed = parseFile('p/goals/design-doc.md', cut.replace('doc.\n---\n', 'doc.\n  ---\n'));
      expectNone(fixed.problems, 'frontmatter/closed-in-text');
      assert.equal(fixed.goals[0]?.success, 'Reviewers accept the doc. --- Then the team adopts it: all of it.');
      expectNone(problemsOf('p/goals/design-doc.md', cut.replace('---\n  Then', '---\nThen')), 'frontmatter/closed-in-text');
      const codeBlock = lines('---', 'type: goal', 'title: T', 'status: active', 'due: 2026-12-18', 'success: done', '---', '', '    an indented code block', '');
      expectNone(problemsOf('p/goals/t.md', codeBlock), 'frontmatter/closed-in-text');
      const nested = lines('---', 'type: session', 'date: 2026-02-02', 'pulse:', '  mentor: 4', '---', '  indented note', '');
      expectNone(problemsOf('p/sessions/2026-02-02.md', nested), 'frontmatter/closed-in-text');
      // A complete block text, then a blank line and an indented code block (with a thematic break later): a body.
      const code = lines('---', 'type: goal', 'title: T', 'status: active', 'due: 2026-12-18', 'success: |', '  Ship it.', '---', '', '    npm run build', '', '---', '');
      expectNone(problemsOf('p/goals/t.md', code), 'frontmatter/closed-in-text');
      // A `---` under a line at the margin is a setext heading of the body, not the front matter's end.
      const heading = lines('---', 'type: goal', 'title: T', 'status: active', 'due: 2026-12-18', 'success: |', '  Ship it.', '---', '  - a note', '', 'Plan', '---', '');
      expectNone(problemsOf('p/goals/t.md', heading), 'frontmatter/closed-in-text');
      // A body line indented less than the text's lines could never be part of it; nor is a text with no `---` after it to close at.
      expectNone(problemsOf('p/goals/t.md', lines('---', 'type: goal', 'title: T', 'status: active', 'due: 2026-12-18', 'success: |', '    Ship it.', '---', '  note', '---', '')), 'frontmatter/closed-in-text');
      expectNone(problemsOf('p/goals/t.md', lines('---', 'type: goal', 'title: T', 'status: active', 'due: 2026-12-18', 'success: |', '  Ship it.', '---', '  more', '')), 'frontmatter/closed-in-text');
    });
  });

  describe('frontmatter/toml', () => {
    it('valid: YAML front matter', () => {
      expectNone(problemsOf('p/sessions/2026-02-02.md', SESSION), 'frontmatter/toml');
    });

    it('reports +++ front matter at the opening fence', () => {
      const text = lines('+++', 'type = "session"', 'date = "2026-02-02"', '+++', '');
      expectOne(problemsOf('p/sessions/2026-02-02.md', text), { code: 'frontmatter/toml', severity: 'error', range: [1, 1, 1, 4], message: [/TOML/, /YAML between --- lines/] });
    });
  });

  describe('frontmatter/not-a-map', () => {
    it('valid: a map', () => {
      expectNone(problemsOf('p/sessions/2026-02-02.md', SESSION), 'frontmatter/not-a-map');
    });

    it('reports a list at the list', () => {
      const problems = problemsOf('p/sessions/2026-02-02.md', lines('---', '- type', '- session', '---', ''));
      expectOne(problems, { code: 'frontmatter/not-a-map', severity: 'error', range: [2, 1, 3, 10], message: [/map of keys to values/, /type: session/] });
      assert.equal(problems.length, 1);
    });

    it('reports a lone scalar at the scalar', () => {
      expectOne(problemsOf('p/sessions/2026-02-02.md', lines('---', 'just some words', '---', '')), {
        code: 'frontmatter/not-a-map',
        severity: 'error',
        range: [2, 1, 2, 16],
        message: [/map of keys to values/],
      });
    });

    it('front matter that is one text because its keys have no colons: reported at the first key, saying to add the colon', () => {
      const one = problemsOf('p/sessions/2026-02-02.md', lines('---', 'type session', '---', ''));
      expectOne(one, { code: 'frontmatter/not-a-map', severity: 'error', range: [2, 1, 2, 5], message: [/^The front matter must be a map of keys to values, like `type: session`: `type session` has no `:` after the key `type`, so YAML reads the front matter as one text\. Write `type: session`, with a `:` after each key\.$/] });
      assert.equal(one.length, 1);
      const two = problemsOf('p/sessions/2026-02-02.md', lines('---', '# notes', '  date 2026-02-02', '  type session', '---', '').replace(/\n/g, '\r\n'));
      expectOne(two, { code: 'frontmatter/not-a-map', severity: 'error', range: [3, 3, 3, 7], message: [/`date 2026-02-02` has no `:` after the key `date`, .* Write `date: 2026-02-02`, with a `:` after each key\.$/] });
    });

    it('treats empty front matter as an empty map (missing keys are reported instead)', () => {
      const file = parseFile('p/sessions/2026-02-02.md', '---\n---\n');
      expectNone(file.problems, 'frontmatter/not-a-map');
      expectOne(file.problems, { code: 'type/missing', severity: 'warning', range: [1, 1, 1, 4] });
      expectOne(file.problems, { code: 'schema/missing-key', severity: 'error', range: [1, 1, 1, 4], message: [/`date`/] });
    });
  });
});
