import assert from 'node:assert/strict';
import { check, expectCodes, expectNone, expectOne, GOAL, lines, problemsOf, relationship, SESSION, parseFile } from './helpers';

describe('rules: yaml/*', () => {
  describe('yaml/syntax', () => {
    it('says a key under an item of a list of maps that is not in the column of its keys, once, at the key', () => {
      const agreement = (...goals: string[]) => problemsOf('p/agreement.md', lines('---', 'type: agreement', 'mentor: Jo', 'mentee: Ravi', 'formality: informal', 'started: 2026-01-05', 'stage: creating', 'goals:', ...goals, '---', ''));
      // One space short of the item's keys.
      expectOne(agreement('  - id: give-talk', '    title: Give a talk', '  - id: code-review', '    title: Give useful code reviews', '   owner: mentee', '    status: active', '    due: 2026-08-31'), {
        code: 'yaml/syntax',
        severity: 'error',
        range: [13, 4, 13, 9],
        message: [/^YAML syntax error: `owner:` does not start in the column of the keys of the list item above \(column 5, where `id:` is\): start it in that column\.$/],
      });
      // A second item written without its `- `, as keys or as one key.
      const asKeys = agreement('  - id: give-talk', '    title: Give a talk', '    status: proposed', '  id: write-guide', '  title: Write a guide', '  status: proposed');
      expectOne(asKeys, { code: 'yaml/syntax', severity: 'error', range: [12, 3, 12, 5], message: [/^YAML syntax error: `id:` starts in the column of the `-` of the list item above, so YAML reads it as neither a new item nor a key of that item\. If it starts a new item, write `- id: write-guide` and indent the item's other keys under `id:`; if it belongs to the item above, start it in column 5, where `id:` is\.$/] });
      expectOne(agreement('  - id: give-talk', '    status: proposed', '  write-guide:', '    title: Write a guide', '    status: proposed'), { code: 'yaml/syntax', severity: 'error', range: [11, 3, 11, 14], message: [/write `- id: write-guide` and indent the item's other keys under `id:`/] });
      expectOne(agreement('  - {id: give-talk, title: Give a talk, status: proposed}', '  id: write-guide', '  title: Write a guide'), { code: 'yaml/syntax', severity: 'error', range: [10, 3, 10, 5], message: [/To start a new item, write `- id: write-guide` and indent the item's other keys under `id:`\.$/] });
      // Followed, each is two goals.
      const followed = parseFile('p/agreement.md', lines('---', 'type: agreement', 'mentor: Jo', 'mentee: Ravi', 'formality: informal', 'started: 2026-01-05', 'stage: creating', 'goals:', '  - id: give-talk', '    title: Give a talk', '    status: proposed', '  - id: write-guide', '    title: Write a guide', '    status: proposed', '---', ''));
      assert.deepEqual(followed.problems, []);
      assert.deepEqual(followed.goals.map((g) => g.id), ['give-talk', 'write-guide']);
    });

    it('says a closing line of dashes that is not `---` (`----`, `———`, ` ---`) at it, once, when the front matter runs on to a rule in the body', () => {
      const cases: Array<[string, [number, number, number, number], RegExp]> = [
        ['----', [5, 1, 5, 5], /^YAML syntax error: `----` has 4 hyphens, not 3, so it does not close the front matter, which runs on to a later `---` and takes in what is between as YAML: write `---` here, at the start of the line\.$/],
        ['\u2014\u2014\u2014', [5, 1, 5, 4], /is not written with hyphens/],
        [' ---', [5, 2, 5, 5], /has a space before it/],
        ['--', [5, 1, 5, 3], /^YAML syntax error: the front matter opened with `---` on line 1 is not closed by this line: `--` has 2 hyphens, not 3\. Write `---` here, at the start of the line\. The front matter runs on to the `---` on line 9, and YAML cannot read what is between\.$/],
      ];
      for (const [fence, range, message] of cases) {
        const text = lines('---', 'type: session', 'date: 2026-03-02', 'next: 2026-03-16', fence, '', 'We met and talked.', '', '---', '');
        expectOne(problemsOf('p/sessions/2026-03-02.md', text), { code: 'yaml/syntax', severity: 'error', range, message: [message] });
        assert.deepEqual(problemsOf('p/sessions/2026-03-02.md', text.replace(`\n${fence}\n`, '\n---\n')), []);
      }
    });

    it('says a front matter left open runs into the body, at the body\'s first sentence, and where the `---` goes', () => {
      const open = (...body: string[]) => lines('---', 'type: session', 'date: 2026-03-02', 'next: 2026-03-16', '', ...body, '', '---', '', '- [ ] @zoe send the outline (due 2026-03-10)', '');
      expectOne(problemsOf('p/sessions/2026-03-02.md', open('# Talk outline', '', 'Long gap. Zoe drafted the outline.')), {
        code: 'yaml/syntax',
        severity: 'error',
        range: [6, 1, 6, 15],
        message: [/^YAML syntax error: `# Talk outline` is a Markdown heading, which YAML reads as a comment: the front matter was not closed before it, so it runs on into the body, to a later `---`, and YAML cannot read what follows\. Add a line `---` after `next: 2026-03-16`\.$/],
      });
      // Whatever YAML stumbles on after the heading: a key and a sentence, an action item.
      for (const body of [['Summary: Zoe ran the review.', 'We agreed next steps.'], ['- [ ] @zoe send the outline (due 2026-03-10)']]) {
        expectOne(problemsOf('p/sessions/2026-03-02.md', open('# Notes', '', ...body)), { code: 'yaml/syntax', severity: 'error', range: [6, 1, 6, 8], message: [/^YAML syntax error: `# Notes` is a Markdown heading/] });
      }
      expectOne(problemsOf('p/sessions/2026-03-02.md', open('We met and talked about the plan.')), { code: 'yaml/syntax', severity: 'error', range: [6, 1, 6, 34], message: [/reads as the body's text/, /Add a line `---` after `next: 2026-03-16`\.$/] });
      // With a colon in the sentence, no syntax error: the unknown key says it.
      expectOne(problemsOf('p/sessions/2026-03-02.md', open('# Talk outline', '', 'Summary: Zoe ran the review.')), {
        code: 'keys/unknown',
        severity: 'warning',
        range: [8, 1, 8, 8],
        message: [/^Unknown key `Summary`: it comes after `# Talk outline`, a Markdown heading that YAML reads as a comment, so the front matter seems to run on into the body\. If so, add a line `---` after `next: 2026-03-16`\.$/],
      });
      // Followed, the file is whole: front matter, then the body.
      const fixed = lines('---', 'type: session', 'date: 2026-03-02', 'next: 2026-03-16', '---', '', '# Talk outline', '', 'Long gap. Zoe drafted the outline.', '', '---', '', '- [ ] @zoe send the outline (due 2026-03-10)', '');
      assert.deepEqual(problemsOf('p/sessions/2026-03-02.md', fixed), []);
      // A key written without its colon right under the others is still that.
      expectOne(problemsOf('p/sessions/2026-03-02.md', lines('---', 'type: session', 'date: 2026-03-02', 'duration 60', '---', '')), { code: 'yaml/syntax', severity: 'error', range: [4, 1, 4, 9], message: [/has no `:` after the key `duration`/] });
    });

    it('valid: a session with well-formed YAML has none', () => {
      expectNone(problemsOf('p/sessions/2026-02-02.md', SESSION), 'yaml/syntax');
    });

    it('reports a tab used as indentation at the tab, and nothing else', () => {
      const text = lines('---', 'type: session', 'date: 2026-02-02', 'progress:', '\tdesign-doc: 40', '---', '');
      const problems = problemsOf('p/sessions/2026-02-02.md', text);
      expectOne(problems, { code: 'yaml/syntax', severity: 'error', range: [5, 1, 5, 2], message: [/YAML syntax error/, /indented with a tab, which YAML does not take as indentation: indent it with spaces/] });
      // Schema checks on front matter that does not parse would only add noise.
      expectCodes(problems, ['yaml/syntax@5:1-5:2']);
    });

    it('reports an unclosed flow sequence at its [, not on the next key where the parser gives up', () => {
      const text = lines('---', 'type: goal', 'title: [Write, a doc', 'status: active', '---', '');
      // A text key: closing the list would make it a list, which a text does not take.
      expectOne(problemsOf('p/goals/design-doc.md', text), { code: 'yaml/syntax', severity: 'error', range: [3, 8, 3, 9], message: [/^YAML syntax error: a value that starts with `\[` is a list, and this one is never closed: for a text, put the whole value in quotes, or leave the `\[` out\.$/] });
      assert.deepEqual(problemsOf('p/goals/design-doc.md', text.replace('title: [Write, a doc', 'title: "[Write, a doc"')).filter((p) => p.code.startsWith('yaml/') || p.code.startsWith('schema/')), []);
      // A list key: close it.
      const list = lines('---', 'type: goal', 'title: Doc', 'status: active', 'skills: [writing, reviews', '---', '');
      expectOne(problemsOf('p/goals/design-doc.md', list), { code: 'yaml/syntax', severity: 'error', range: [5, 9, 5, 10], message: [/the list opened with `\[` here is never closed: end it with `\]`/] });
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

    it('reports quoted text over lines with a line not indented past its key at that line, not as never closed', () => {
      const comment = lines('---', 'type: goal', 'title: "Learn', '# due: 2026-05-01', '  more"', 'status: active', '---', '');
      expectOne(problemsOf('p/goals/learn.md', comment), {
        code: 'yaml/syntax',
        severity: 'error',
        range: [4, 1, 4, 18],
        message: [/^YAML syntax error: this line is inside the text opened with `"` after `title:`, but it is not indented past `title:`, so YAML cannot read it: indent it, and every line up to the closing `"`\. Inside quotes a `#` line is text, not a comment: to keep it as a comment, move it out of the quotes\.$/],
      });
      expectCodes(problemsOf('p/goals/learn.md', comment), ['yaml/syntax@4:1-4:18']);
      const single = lines('---', 'type: goal', "title: 'Learn", "more'", 'status: active', '---', '').replace(/\n/g, '\r\n');
      expectCodes(problemsOf('p/goals/learn.md', single), ['yaml/syntax@4:1-4:6']);
      // In a list item the key is `title`, at column 5: a line at column 5 is not past it.
      const nested = lines('---', 'type: agreement', 'goals:', '  - id: x', '    title: "Learn', '      more', '    again"', '---', '');
      expectOne(problemsOf('p/agreement.md', nested), { code: 'yaml/syntax', severity: 'error', range: [7, 5, 7, 11], message: [/inside the text opened with `"` after `title:`/] });
      // A key on the way: the quote was never closed, and the one later belongs to another value.
      const unclosed = lines('---', 'type: goal', 'title: "Learn', 'status: "active"', '---', '');
      expectOne(problemsOf('p/goals/learn.md', unclosed), { code: 'yaml/syntax', severity: 'error', range: [3, 8, 3, 9], message: [/the text opened with `"` here is never closed/] });
    });

    it('reports a key indented under the value above it at that key, not at the value where the parser gives up', () => {
      expectOne(problemsOf('p/sessions/2026-02-02.md', lines('---', 'type: session', ' date: 2026-02-02', '---', '')), {
        code: 'yaml/syntax',
        severity: 'error',
        range: [3, 2, 3, 6],
        message: [/^YAML syntax error: `date:` is indented more than `type:` above it, so YAML reads it as more of `type`'s value: start `date:` in the same column as `type:`\.$/],
      });
      const crlf = lines('---', 'type: session', 'date: 2026-02-03', 'duration: 30 # minutes', '  goals: [x]', '---', '').replace(/\n/g, '\r\n');
      expectOne(problemsOf('p/sessions/2026-02-03.md', crlf), { code: 'yaml/syntax', severity: 'error', range: [5, 3, 5, 8], message: [/`goals:` does not start in the same column as `duration:` above it: the keys of one map line up/] });
    });

    it('reports ": " on a later line of a value that goes on over lines at that colon', () => {
      const text = lines('---', 'type: goal', 'title: Talk', 'success: Sam gives the talk', '  and gets feedback: from three people', '---', '');
      expectOne(problemsOf('p/goals/talk.md', text), { code: 'yaml/syntax', severity: 'error', range: [5, 20, 5, 21], message: [/the value of `success` goes on over this line, and the ": " here makes YAML read a key: put the whole value in quotes, or write it on lines of its own after `success: >-`\./] });
    });

    it('reports ": " on a later line of a list item that goes on over lines at that colon', () => {
      const text = lines('---', 'type: session', 'date: 2026-02-02', 'attendees:', '  - Zoë gives the talk', '    and gets feedback: from Li', '---', '');
      expectOne(problemsOf('p/sessions/2026-02-02.md', text), { code: 'yaml/syntax', severity: 'error', range: [6, 22, 6, 23], message: [/^YAML syntax error: the list item goes on over this line, and the ": " here makes YAML read a key: put the whole item in quotes, or write it on lines of its own after `- >-`\.$/] });
    });

    it('says what to do with an apostrophe inside single quotes, and with a value that starts with @ or a backtick', () => {
      const apostrophe = lines('---', 'type: goal', "title: 'Zoë's talk'", 'status: proposed', '---', '');
      expectOne(problemsOf('p/goals/talk.md', apostrophe), { code: 'yaml/syntax', severity: 'error', range: [3, 13, 3, 20], message: [/the apostrophe before it ends the single quotes\. Inside single quotes write an apostrophe twice \(`''`\), or put the value in double quotes instead\.$/] });
      const inList = lines('---', 'type: session', 'date: 2026-02-02', "topics: ['Zoë's talk', b]", '---', '');
      expectOne(problemsOf('p/sessions/2026-02-02.md', inList), { code: 'yaml/syntax', severity: 'error', range: [4, 15, 4, 21], message: [/^YAML syntax error: the apostrophe before this ends the single quotes of the item\. Inside single quotes write an apostrophe twice \(`''`\), or put the item in double quotes instead\.$/] });
      const handles = lines('---', 'type: session', 'date: 2026-02-02', 'attendees: [@zoe, @li]', '---', '');
      expectOne(problemsOf('p/sessions/2026-02-02.md', handles), { code: 'yaml/syntax', severity: 'error', range: [4, 13, 4, 17], message: [/^YAML syntax error: a value cannot start with `@`, which YAML keeps for itself: put it in quotes \(`"@zoe"`\), or write the name without `@`\.$/] });
      const backtick = lines('---', 'type: goal', 'title: `make` targets # why', 'status: proposed', '---', '');
      expectOne(problemsOf('p/goals/make.md', backtick), { code: 'yaml/syntax', severity: 'error', range: [3, 8, 3, 22], message: [/^YAML syntax error: a value cannot start with a backtick, which YAML keeps for itself: put it in quotes \(`` "`make` targets" ``\)\.$/] });
      const name = lines('---', 'type: agreement', 'mentor: @zoe smith', '---', '').replace(/\n/g, '\r\n');
      expectOne(problemsOf('p/agreement.md', name), { code: 'yaml/syntax', severity: 'error', range: [3, 9, 3, 19], message: [/put it in quotes \(`"@zoe smith"`\), or write the name without `@`\.$/] });
    });

    it('reports a key without a space after its colon over the key and value, with the line as it should read', () => {
      for (const after of [['goals: [a]'], []]) {
        const text = lines('---', 'type: session', 'date:2026-02-02', ...after, '---', '');
        expectOne(problemsOf('p/sessions/2026-02-02.md', text), { code: 'yaml/syntax', severity: 'error', range: [3, 1, 3, 16], message: [/`date:2026-02-02` needs a space after the colon to be a key and its value: `date: 2026-02-02`\./] });
      }
    });

    it('reports text after a quoted or bracketed value at that text', () => {
      expectOne(problemsOf('p/goals/talk.md', lines('---', 'type: goal', 'title: "Write" a doc', '---', '')), { code: 'yaml/syntax', severity: 'error', range: [3, 16, 3, 21], message: [/text after the end of the value of `title`/, /Put the whole value in quotes/] });
    });

    it('reports a list closed on a line not indented past its key once, at its [, as not indented (not as never closed)', () => {
      const text = lines('---', 'type: session', 'date: 2026-02-02', 'goals: [', 'plan, "x]y",', 'rfc # a comment ]', ']', 'next: 2026-02-09', '---', '');
      expectOne(problemsOf('p/sessions/2026-02-02.md', text), { code: 'yaml/syntax', severity: 'error', range: [4, 8, 4, 9], message: [/the list opened with `\[` here goes on over lines that are not indented past its key: indent each of them, up to the closing `\]`\./] });
    });

    it('reports text not indented after a key at that text, as not part of the value above (plain and `>-`)', () => {
      const block = lines('---', 'type: goal', 'title: Retro', 'status: active', 'success: >-', 'Bo leads a retro alone.', '---', '');
      expectOne(problemsOf('p/goals/retro.md', block), { code: 'yaml/syntax', severity: 'error', range: [6, 1, 6, 24], message: [/^YAML syntax error: `Bo leads a retro alone\.` is not indented, so it is not part of the `>-` text of `success` above/, /indent the text's lines past `success:`/] });
      const plain = lines('---', 'type: goal', 'title: Talk', 'status: active', 'success: Give the talk', 'and get feedback', '---', '').replace(/\n/g, '\r\n');
      expectOne(problemsOf('p/goals/talk.md', plain), { code: 'yaml/syntax', severity: 'error', range: [6, 1, 6, 17], message: [/`and get feedback` is not indented, so YAML reads it as a key without a value, not as more of the value of `success` above: to go on with that value, indent the line past `success:`; if `and` is a key, write `and: get feedback`\.$/] });
    });

    it('after a date, a number or true/false, which go on over no line: the line is a key without its colon', () => {
      const text = lines('---', 'type: session', 'date: 2026-02-02', 'mood very good', '---', '');
      expectOne(problemsOf('p/sessions/2026-02-02.md', text), { code: 'yaml/syntax', severity: 'error', range: [4, 1, 4, 5], message: [/^YAML syntax error: `mood very good` has no `:` after the key `mood`, so YAML cannot read it as a key and its value: write `mood: very good`\.$/] });
      assert.deepEqual(problemsOf('p/sessions/2026-02-02.md', text.replace('mood very good', 'mood: very good')).map((p) => p.code), ['keys/unknown']);
      // Nor does a quoted or bracketed value, or one of a key that takes no text (`status: held`).
      for (const above of ['date: "2026-02-02"', 'attendees: [Ko, Lu]', "next: '2026-02-16'", 'status: held']) {
        const after = lines('---', 'type: session', 'date: 2026-02-02', above, 'mood very good', '---', '').replace('date: 2026-02-02\ndate:', 'date:');
        assert.match(problemsOf('p/sessions/2026-02-02.md', after).find((p) => p.code === 'yaml/syntax')!.message, /^YAML syntax error: `mood very good` has no `:` after the key `mood`, .*: write `mood: very good`\.$/, above);
      }
    });

    it('reports a list item out of line with the items above, or among the keys of a map, at the item', () => {
      const less = lines('---', 'type: session', 'date: 2026-02-02', 'attendees:', '  - Ana Lopes', ' - Bo Li', '---', '');
      expectOne(problemsOf('p/sessions/2026-02-02.md', less), { code: 'yaml/syntax', severity: 'error', range: [6, 2, 6, 9], message: [/^YAML syntax error: `- Bo Li` does not line up with the item above it: start its `-` in the same column as the `-` above \(column 3\)/] });
      const amongKeys = lines('---', 'type: session', 'date: 2026-02-02', 'attendees: [Ana]', '- Bo Li', '---', '');
      expectOne(problemsOf('p/sessions/2026-02-02.md', amongKeys), { code: 'yaml/syntax', severity: 'error', range: [5, 1, 5, 8], message: [/`- Bo Li` is a list item among the keys of a map/] });
    });

    it('reports an extra closing bracket at it, text after a comment at that text, and each leftover conflict marker at its line', () => {
      expectOne(problemsOf('p/sessions/2026-02-02.md', lines('---', 'type: session', 'date: 2026-02-02', 'goals: [a, b]]', '---', '')), { code: 'yaml/syntax', severity: 'error', range: [4, 14, 4, 15], message: [/an extra `\]`: it closes nothing/] });
      expectOne(problemsOf('p/sessions/2026-02-02.md', lines('---', 'type: session', 'date: 2026-02-02', 'progress: {a: 1}}', '---', '')), { code: 'yaml/syntax', severity: 'error', range: [4, 17, 4, 18], message: [/an extra `\}`: it closes nothing, since the map before it/] });
      // With keys after it, which the parser no longer reads ("Unexpected scalar token in YAML stream" on each): still one problem.
      expectCodes(problemsOf('p/sessions/2026-02-02.md', lines('---', 'type: session', 'date: 2026-02-02', 'goals: [a]]', 'status: held', 'duration: 30', '---', '')), ['yaml/syntax@4:11-4:12']);
      const comment = lines('---', 'type: session', 'date: 2026-02-02', 'next: 2026-02-10 # planned', '  at the office', '---', '');
      // A date goes on over no line: the text belongs in the comment (followed, that is valid).
      expectOne(problemsOf('p/sessions/2026-02-02.md', comment), { code: 'yaml/syntax', severity: 'error', range: [5, 3, 5, 16], message: [/^YAML syntax error: `at the office` cannot go on the value of `next` above \(`2026-02-10`\), which is not a text that goes on over lines: put it in the comment on that line, or delete the line\.$/] });
      assert.deepEqual(problemsOf('p/sessions/2026-02-02.md', lines('---', 'type: session', 'date: 2026-02-02', 'next: 2026-02-10 # planned at the office', '---', '')), []);
      // A block text whose first line is indented more than the next: said at the next, with what to do (followed, valid).
      const deeper = lines('---', 'type: goal', 'title: Talk', 'status: proposed', 'success: >-', '    Ben gives the talk', '  and everyone claps.', '---', '');
      expectOne(problemsOf('p/goals/talk.md', deeper), { code: 'yaml/syntax', severity: 'error', range: [7, 3, 7, 22], message: [/^YAML syntax error: `and everyone claps\.` is indented less than the first line of the `>-` text of `success` \(`Ben gives the talk`\), which sets how far the whole text is indented, so YAML does not read it as more of that text: indent every line of the text alike\.$/] });
      assert.deepEqual(problemsOf('p/goals/talk.md', deeper.replace('    Ben', '  Ben')), []);
      // With a blank line before it: the same one problem, not the parser's own at the blank line too.
      const blank = lines('---', 'type: session', 'date: 2026-02-02', 'next: 2026-02-10 # planned', '', '  at the office', '---', '');
      expectCodes(problemsOf('p/sessions/2026-02-02.md', blank), ['yaml/syntax@6:3-6:16']);
      // A text may: the whole value goes before the comment.
      const text = lines('---', 'type: goal', 'title: Talk', 'status: proposed', 'success: Give the talk # soon', '  at the office', '---', '');
      expectOne(problemsOf('p/goals/talk.md', text), { code: 'yaml/syntax', severity: 'error', range: [6, 3, 6, 16], message: [/`at the office` cannot go on the value of `success` above: the comment on that line ends the value/] });
      const inBrackets = lines('---', 'type: goal', 'title: Talk', 'status: proposed', 'skills: [time,', '   - weekly slot]', '---', '');
      expectOne(problemsOf('p/goals/talk.md', inBrackets), { code: 'yaml/syntax', severity: 'error', range: [6, 4, 6, 17], message: [/`- weekly slot` is a `- ` item inside brackets/, /write it as `weekly slot` after a comma/] });
      const half = lines('---', 'type: session', '<<<<<<< HEAD', 'date: 2026-02-02', '>>>>>>> other', '---', '');
      expectCodes(problemsOf('p/sessions/2026-02-02.md', half), ['yaml/syntax@3:1-3:13', 'yaml/syntax@5:1-5:14']);
      assert.match(problemsOf('p/sessions/2026-02-02.md', half)[0]!.message, /`<<<<<<< HEAD` is a line left from a git merge conflict/);
    });

    it('reports a key written without its colon at the key, saying to add the colon (not to indent the line)', () => {
      const SYNTAX = { code: 'yaml/syntax', severity: 'error' } as const;
      const duration = lines('---', 'type: session', 'date: 2026-03-04', 'duration 60', 'status: held', '---', '');
      expectOne(problemsOf('p/sessions/2026-03-04.md', duration), { ...SYNTAX, range: [4, 1, 4, 9], message: [/^YAML syntax error: `duration 60` has no `:` after the key `duration`, so YAML cannot read it as a key and its value: write `duration: 60`\.$/] });
      expectCodes(problemsOf('p/sessions/2026-03-04.md', duration), ['yaml/syntax@4:1-4:9']);
      // Such lines in a row are one error of the parser's: one problem, at the first, that names each.
      const two = lines('---', 'type: session', 'date: 2026-03-04', 'duration 60', 'status held', 'goals [a, b]', 'attendees: [Ale]', '---', '');
      expectOne(problemsOf('p/sessions/2026-03-04.md', two), { ...SYNTAX, range: [4, 1, 4, 9], message: [/^YAML syntax error: `duration 60` has no `:` after the key `duration`, .*: write `duration: 60`\. The next 2 lines have no `:` either: write `status: held`, `goals: \[a, b\]`\.$/] });
      const fixed = two.replace('duration 60', 'duration: 60').replace('status held', 'status: held').replace('goals [a, b]', 'goals: [a, b]');
      assert.deepEqual(problemsOf('p/sessions/2026-03-04.md', fixed).filter((p) => p.code.startsWith('yaml/')), []);
      // With comments on the lines, or a comment or blank line between them: still one problem.
      const commented = lines('---', 'type: session', 'date: 2026-10-01', 'duration 60   # minutes', '# a comment', '', 'status held', '---', '');
      expectOne(problemsOf('p/sessions/2026-10-01.md', commented), { ...SYNTAX, range: [4, 1, 4, 9], message: [/write `duration: 60`\. The next line has no `:` either: write `status: held`\.$/] });
      // A comment on a nested line without its colon, with a key after it (the parser then finds that key out of column).
      const pulse = lines('---', 'type: session', 'date: 2026-10-01', 'pulse:', '  mentor 4   # good day', '  mentee: 3', '---', '');
      expectOne(problemsOf('p/sessions/2026-10-01.md', pulse), { ...SYNTAX, range: [5, 3, 5, 9], message: [/^YAML syntax error: `mentor 4` has no `:` after the key `mentor`, .*: write `mentor: 4`\.$/] });
      assert.deepEqual(problemsOf('p/sessions/2026-10-01.md', pulse.replace('  mentor 4', '  mentor: 4')), []);
      // A comment line between, or a second line without its colon after the comment.
      const between = lines('---', 'type: session', 'date: 2026-10-01', 'pulse:', '  mentor 4', '  # c', '  mentee: 3', '---', '');
      expectOne(problemsOf('p/sessions/2026-10-01.md', between), { ...SYNTAX, range: [5, 3, 5, 9], message: [/write `mentor: 4`\.$/] });
      const both = lines('---', 'type: session', 'date: 2026-10-01', 'pulse:', '  mentor 4   # good', '  mentee 3', '---', '');
      expectOne(problemsOf('p/sessions/2026-10-01.md', both), { ...SYNTAX, range: [5, 3, 5, 9], message: [/write `mentor: 4`\. The next line has no `:` either: write `mentee: 3`\.$/] });
      assert.deepEqual(problemsOf('p/sessions/2026-10-01.md', both.replace('  mentor 4', '  mentor: 4').replace('  mentee 3', '  mentee: 3')), []);
      // The first line, where the parser's own words were "Implicit keys need to be on a single line".
      const type = lines('---', 'type session', 'date: 2026-03-01', '---', '');
      expectOne(problemsOf('p/sessions/2026-03-01.md', type), { ...SYNTAX, range: [2, 1, 2, 5], message: [/^YAML syntax error: `type session` has no `:` after the key `type`, so YAML cannot read it as a key and its value: write `type: session`\.$/] });
      // Nested, under a key alone on its line; the last line (the parser: "Implicit map keys need to be followed by map values"); a comment; CRLF.
      const nested = lines('---', 'type: session', 'date: 2026-03-02', 'pulse:', '  mentor 4', '  mentee: 3', '---', '');
      expectOne(problemsOf('p/sessions/2026-03-02.md', nested), { ...SYNTAX, range: [5, 3, 5, 9], message: [/`mentor 4` has no `:` after the key `mentor`, .*: write `mentor: 4`\.$/] });
      const last = lines('---', 'type: session', 'date: 2026-03-02', 'pulse:', '  mentor: 4', '  mentee 3 # felt rushed', '---', '').replace(/\n/g, '\r\n');
      expectOne(problemsOf('p/sessions/2026-03-02.md', last), { ...SYNTAX, range: [6, 3, 6, 9], message: [/`mentee 3` has no `:` after the key `mentee`, .*: write `mentee: 3`\.$/] });
      // A known key at the start of a line after a line that is no key (an item without its `- `): its own mistake, said as such.
      const afterItem = lines('---', 'type: session', 'date: 2025-02-01', 'attendees:', '  - Ale', '  Bea', 'duration 60', '---', '');
      expectCodes(problemsOf('p/sessions/2025-02-01.md', afterItem), ['yaml/syntax@6:3-6:6', 'yaml/syntax@7:1-7:9']);
      assert.match(problemsOf('p/sessions/2025-02-01.md', afterItem)[1]!.message, /`duration 60` has no `:` after the key `duration`/);
      // A known key in the column of a key further up its map, past a list under that key (not "another item of the list").
      const strengths = lines('---', 'type: agreement', 'mentor: Priya', 'mentee: Sam', 'started: 2026-06-01', 'ends: 2027-05-31', 'stage: creating', 'strengths:', '  mentor:', '    - design', '  mentee code', '---', '');
      expectOne(problemsOf('p/agreement.md', strengths), { ...SYNTAX, range: [11, 3, 11, 9], message: [/^YAML syntax error: `mentee code` has no `:` after the key `mentee`, .*: write `mentee: code`\.$/] });
      // A key alone on its line with its map under it.
      const alone = lines('---', 'type: session', 'date: 2026-11-18', 'progress', '  write-rfc: 60', '---', '');
      expectOne(problemsOf('p/sessions/2026-11-18.md', alone), { ...SYNTAX, range: [4, 1, 4, 9], message: [/^YAML syntax error: `progress` has no `:` after it, so YAML reads it and the lines under it as one text, not as a key and its value: write `progress:`\.$/] });
      // The items of a flow list that start with `@` are quoted in the advice too.
      const flow = lines('---', 'type: session', 'date: 2026-11-18', 'attendees [@ale, Bo]', '---', '');
      expectOne(problemsOf('p/sessions/2026-11-18.md', flow), { ...SYNTAX, range: [4, 1, 4, 10], message: [/write `attendees: \["@ale", Bo\]`\.$/] });
      assert.deepEqual(problemsOf('p/sessions/2026-11-18.md', flow.replace('attendees [@ale, Bo]', 'attendees: ["@ale", Bo]')).filter((p) => p.code.startsWith('yaml/')), []);
      // A value YAML keeps a first character for is written in quotes, so that the advice followed is valid YAML.
      const handle = lines('---', 'type: session', 'date: 2026-03-02', 'attendees @ale', 'status: held', '---', '');
      expectOne(problemsOf('p/sessions/2026-03-02.md', handle), { ...SYNTAX, range: [4, 1, 4, 10], message: [/`attendees @ale` has no `:` after the key `attendees`, .*: write `attendees: "@ale"`\.$/] });
      assert.deepEqual(problemsOf('p/sessions/2026-03-02.md', handle.replace('attendees @ale', 'attendees: "@ale"')).filter((p) => p.code.startsWith('yaml/')), []);
      // In a map that is a list item, with a text value; a word the journal does not know, with one value after a one-word value.
      const item = lines('---', 'type: agreement', 'goals:', '  - id: docs', '    title Write the docs', '    status: active', '---', '');
      expectOne(problemsOf('p/agreement.md', item), { ...SYNTAX, range: [5, 5, 5, 10], message: [/`title Write the docs` has no `:` after the key `title`, .*: write `title: Write the docs`\.$/] });
      const unknown = lines('---', 'type: goal', 'status: active', 'colour blue', 'title: Talk', '---', '');
      expectOne(problemsOf('p/goals/talk.md', unknown), { ...SYNTAX, range: [4, 1, 4, 7], message: [/write `colour: blue`\.$/] });
    });

    it('still reads words after a text value as text not indented, not as a key without its colon', () => {
      const text = lines('---', 'type: goal', 'title: Talk', 'status: active', 'success: Give the talk', 'and get feedback', '---', '');
      expectOne(problemsOf('p/goals/talk.md', text), { code: 'yaml/syntax', severity: 'error', range: [6, 1, 6, 17], message: [/`and get feedback` is not indented/] });
      const block = lines('---', 'type: goal', 'title: Talk', 'status: active', 'success: >-', 'feedback given', '---', '');
      expectOne(problemsOf('p/goals/talk.md', block), { code: 'yaml/syntax', severity: 'error', range: [6, 1, 6, 15], message: [/`feedback given` is not indented, so it is not part of the `>-` text of `success` above/] });
    });

    it('reports a list item written without its `- ` at the item, saying to start it with `- `', () => {
      const SYNTAX = { code: 'yaml/syntax', severity: 'error' } as const;
      const message = /^YAML syntax error: `Bo` looks like another item of the list above, but it does not start with `- `: write it as ` {2}- Bo`, its `-` in the same column as the `-` above\.$/;
      // In the column of the items' `-` (the parser: "All mapping items must start at the same column", at the spaces).
      const inColumn = lines('---', 'type: session', 'date: 2026-03-05', 'attendees:', '  - Ana', '  Bo', '---', '');
      expectOne(problemsOf('p/sessions/2026-03-05.md', inColumn), { ...SYNTAX, range: [6, 3, 6, 5], message: [message] });
      expectCodes(problemsOf('p/sessions/2026-03-05.md', inColumn), ['yaml/syntax@6:3-6:5']);
      // At the start of the line (the parser: "Implicit map keys need to be followed by map values").
      const atStart = lines('---', 'type: session', 'date: 2026-03-05', 'attendees:', '  - Ana', 'Bo', '---', '');
      expectOne(problemsOf('p/sessions/2026-03-05.md', atStart), { ...SYNTAX, range: [6, 1, 6, 3], message: [message] });
      // Between items, before another key, with a comment, CRLF; a list of goal ids.
      const between = lines('---', 'type: session', 'date: 2026-03-05', 'attendees:', '  - Ana', '  Bo  # remote', '  - Cy', 'next: 2026-03-19', '---', '').replace(/\n/g, '\r\n');
      expectCodes(problemsOf('p/sessions/2026-03-05.md', between), ['yaml/syntax@6:3-6:5']);
      // A dash without its space (`-Bea`): the item is `Bea`, not `-Bea`.
      const noSpace = lines('---', 'type: session', 'date: 2026-03-05', 'attendees:', '  - Ana', '  -Bea', '---', '');
      expectOne(problemsOf('p/sessions/2026-03-05.md', noSpace), { ...SYNTAX, range: [6, 3, 6, 7], message: [/^YAML syntax error: `-Bea` looks like another item of the list above, but its `-` has no space after it: write it as ` {2}- Bea`, its `-` in the same column as the `-` above\.$/] });
      const goals = lines('---', 'type: session', 'date: 2026-03-05', 'goals:', '  - design-doc', '  design-doc', '---', '');
      expectOne(problemsOf('p/sessions/2026-03-05.md', goals), { ...SYNTAX, range: [6, 3, 6, 13], message: [/^YAML syntax error: `design-doc` looks like another item of the list above, but it does not start with `- `: write it as ` {2}- design-doc`/] });
      // A quoted item (the parser: "All mapping items must start at the same column", at the line's start).
      const quoted = lines('---', 'type: session', 'date: 2026-03-05', 'attendees:', '  - Ana', '  "Bo"', '---', '');
      expectOne(problemsOf('p/sessions/2026-03-05.md', quoted), { ...SYNTAX, range: [6, 3, 6, 7], message: [/`"Bo"` looks like another item of the list above, .*: write it as ` {2}- "Bo"`/] });
      // A list flush with its key.
      const flush = lines('---', 'type: session', 'date: 2026-03-05', 'attendees:', '- Ana', 'Bo Li', 'next: 2026-03-19', '---', '');
      expectOne(problemsOf('p/sessions/2026-03-05.md', flush), { ...SYNTAX, range: [6, 1, 6, 6], message: [/`Bo Li` looks like another item of the list above, .*: write it as `- Bo Li`/] });
    });

    it('says a list item of maps written without the space after its `-`, or indented among the keys of the item above, once, at it', () => {
      const agreement = (...goals: string[]) => problemsOf('p/agreement.md', lines('---', 'type: agreement', 'mentor: Ana Souza', 'mentee: Ben Lee', 'started: 2026-11-20', 'ends: 2027-05-20', 'stage: creating', 'goals:', ...goals, '---', ''));
      expectOne(agreement('  - id: async-writing', '    title: Write clearer async updates', '    status: proposed', '  -id: feedback', '   title: Give feedback', '   status: proposed'), { code: 'yaml/syntax', severity: 'error', range: [12, 3, 12, 7], message: [/^YAML syntax error: `-id:` has no space after its `-`, so YAML does not read it as a list item: write `- id:`, and indent the item's other keys under `id:`\.$/] });
      expectOne(agreement('-id: feedback', ' title: Give feedback'), { code: 'yaml/syntax', severity: 'error', range: [9, 1, 9, 5], message: [/`-id:` has no space after its `-`/] });
      expectOne(problemsOf('p/sessions/2026-01-01.md', lines('---', 'type: session', 'date: 2026-01-01', 'attendees:', '-Carla Diaz', '-Dev Patel', '---', '')), { code: 'yaml/syntax', severity: 'error', range: [5, 1, 5, 12], message: [/^YAML syntax error: `-Carla Diaz` has no space after its `-`, so YAML does not read it as a list item: write `- Carla Diaz`\.$/] });
      expectOne(agreement('- id: async-writing', '  title: Write clearer async updates', '  status: proposed', '  - id: feedback', '    title: Give feedback', '    status: proposed'), { code: 'yaml/syntax', severity: 'error', range: [12, 3, 12, 17], message: [/^YAML syntax error: `- id: feedback` starts in the column of the keys of the list item above \(`- id: async-writing`\), where YAML cannot read a list item\. If it is the next item of that list, start its `-` in column 1, as in the item above, and its other keys under it\.$/] });
    });

    it('says a character that only looks like the one YAML needs at it: a full-width colon, a non-breaking space', () => {
      const session = (...keys: string[]) => problemsOf('p/sessions/2026-01-26.md', lines('---', 'type: session', ...keys, '---', ''));
      expectOne(session('date：2026-01-26'), { code: 'yaml/syntax', severity: 'error', range: [3, 5, 3, 6], message: [/^YAML syntax error: `：` after `date` is a full-width colon \(U\+FF1A\), which YAML does not read as the `:` after a key: write `date: 2026-01-26`\.$/] });
      expectOne(session('date:\u00a02026-01-26'), { code: 'yaml/syntax', severity: 'error', range: [3, 6, 3, 7], message: [/^YAML syntax error: the space after `date:` is a non-breaking space \(U\+00A0\), which YAML does not take as the space after a key's colon: write an ordinary space\.$/] });
      expectOne(session('date: 2026-01-26', 'attendees:', '\u00a0\u00a0- Ana'), { code: 'yaml/syntax', severity: 'error', range: [5, 1, 5, 2], message: [/^YAML syntax error: this line is indented with a non-breaking space \(U\+00A0\), which YAML does not take as indentation: indent it with ordinary spaces\.$/] });
      // Where YAML reads the line as one text, the type error says the same of full-width brackets, commas and colons.
      const values = session('date: 2026-01-26', 'goals: ［write-rfc，talk］', 'attendees: Ana，Bo');
      assert.deepEqual(values.map((p) => [p.code, p.range.start.line, p.message.replace(/^.*?: /, '')]).sort(), [
        ['schema/invalid-type', 4, '`［write-rfc，talk］` is written with full-width punctuation (`［ ， ］`), which YAML does not read as its own: write `goals: [write-rfc, talk]`.'],
        ['schema/invalid-type', 5, '`Ana，Bo` is written with full-width punctuation (`，`), which YAML does not read as its own: write `attendees: [Ana, Bo]`.'],
      ]);
      // Followed, each is read.
      assert.deepEqual(session('date: 2026-01-26', 'goals: [write-rfc, talk]', 'attendees: [Ana, Bo]').filter((p) => p.code.startsWith('yaml/') || p.code.startsWith('schema/')), []);
      // Inside brackets: a full-width comma the parser stops at, and a full-width colon that makes a key and its value one key (no rename offered, which would lose the value).
      expectOne(session('date: 2026-01-26', 'progress: {a: 60，b: 80}'), { code: 'yaml/syntax', severity: 'error', range: [4, 17, 4, 18], message: [/^YAML syntax error: `，` is a full-width comma \(U\+FF0C\), which YAML does not read as the `,` between items: write `,` and a space\.$/] });
      const key = expectOne(session('date: 2026-01-26', 'pulse: {mentor：4, mentee: 3}'), { code: 'keys/unknown', severity: 'warning', range: [4, 9, 4, 17], message: [/^Unknown key `pulse\.mentor：4`: `：` is a full-width colon \(U\+FF1A\), .* so the key and its value are one key: write `mentor: 4`\.$/] });
      assert.equal((key.data as { suggestion?: string }).suggestion, undefined);
    });

    it('says `...` ends the document, at the `...`, instead of naming the parser\'s API', () => {
      const text = lines('---', 'type: session', 'date: 2026-03-05', '...', 'status: held', '---', '');
      expectOne(problemsOf('p/sessions/2026-03-05.md', text), { code: 'yaml/syntax', severity: 'error', range: [4, 1, 4, 4], message: [/^YAML syntax error: `\.\.\.` ends the YAML document, so the lines after it are not read: remove the `\.\.\.` line\.$/] });
      const comment = lines('---', 'type: session', 'date: 2026-03-05', '... # end', '', 'status: held', 'goals: [a', '---', '');
      expectCodes(problemsOf('p/sessions/2026-03-05.md', comment), ['yaml/syntax@4:1-4:4']);
      const dashes = lines('---', 'type: session', '--- notes', 'date: 2026-03-05', '---', '');
      expectOne(problemsOf('p/sessions/2026-03-05.md', dashes), { code: 'yaml/syntax', severity: 'error', range: [3, 1, 3, 4], message: [/^YAML syntax error: `--- notes` starts a second YAML document inside the front matter, so the lines after it are not read: remove the line/] });
      // A key after the marker is kept: the advice removes only the `---` (followed, valid).
      const keyAfter = lines('---', 'type: session', '--- date: 2026-11-19', '---', '');
      expectOne(problemsOf('p/sessions/2026-11-19.md', keyAfter), { code: 'yaml/syntax', severity: 'error', range: [3, 1, 3, 4], message: [/: remove the `---` and keep `date: 2026-11-19` on its line \(the front matter ends at a line that is `---` alone\)\.$/] });
      assert.deepEqual(problemsOf('p/sessions/2026-11-19.md', keyAfter.replace('--- date', 'date')), []);
    });

    it('gives the tab advice for a tab before the text of a block scalar, at the tab', () => {
      const first = lines('---', 'type: goal', 'title: Talk', 'status: active', 'success: >-', '\tfoo', '---', '');
      expectOne(problemsOf('p/goals/talk.md', first), { code: 'yaml/syntax', severity: 'error', range: [6, 1, 6, 2], message: [/^YAML syntax error: this line is indented with a tab, which YAML does not take as indentation: indent it with spaces\.$/] });
      expectCodes(problemsOf('p/goals/talk.md', first), ['yaml/syntax@6:1-6:2']);
      const later = lines('---', 'type: goal', 'title: Talk', 'status: active', 'success: |', '  Give the talk', '\tand get feedback', '---', '');
      expectOne(problemsOf('p/goals/talk.md', later), { code: 'yaml/syntax', severity: 'error', range: [7, 1, 7, 2], message: [/^YAML syntax error: this line is indented with a tab, which YAML does not take as indentation: indent it with spaces\.$/] });
      // Nested in a map and in an inline goal of a list: the parser's words differ ("more-indented leading empty lines"), the advice does not.
      const nested = lines('---', 'type: agreement', 'mentor: A', 'mentee: B', 'formality: informal', 'started: 2025-01-01', 'stage: 1', 'closure:', '  date: 2025-02-01', '  reflection: |', '\twe learned a lot', '---', '');
      expectCodes(problemsOf('p/agreement.md', nested), ['yaml/syntax@11:1-11:2']);
      expectOne(problemsOf('p/agreement.md', nested), { code: 'yaml/syntax', severity: 'error', range: [11, 1, 11, 2], message: [/^YAML syntax error: this line is indented with a tab, which YAML does not take as indentation: indent it with spaces\.$/] });
      const inList = lines('---', 'type: agreement', 'mentor: A', 'mentee: B', 'formality: informal', 'started: 2025-01-01', 'stage: 1', 'goals:', '  - id: a', '    title: A', '    status: active', '    success: >-', '\tship it', '---', '');
      expectCodes(problemsOf('p/agreement.md', inList), ['yaml/syntax@13:1-13:2']);
    });

    it('reports a comma with no item before it at the comma, as a stray comma to remove', () => {
      const list = lines('---', 'type: session', 'date: 2026-03-05', 'goals: [, design-doc]', '---', '');
      expectOne(problemsOf('p/sessions/2026-03-05.md', list), { code: 'yaml/syntax', severity: 'error', range: [4, 9, 4, 10], message: [/^YAML syntax error: a stray `,` with no item before it, which would leave an empty item in the list: remove the `,`\.$/] });
      const twice = lines('---', 'type: session', 'date: 2026-03-05', 'goals: [a,, b]', '---', '');
      expectOne(problemsOf('p/sessions/2026-03-05.md', twice), { code: 'yaml/syntax', severity: 'error', range: [4, 11, 4, 12], message: [/a stray `,` with no item before it/] });
      const map = lines('---', 'type: session', 'date: 2026-03-05', 'progress: {, a: 10}', '---', '');
      expectOne(problemsOf('p/sessions/2026-03-05.md', map), { code: 'yaml/syntax', severity: 'error', range: [4, 12, 4, 13], message: [/^YAML syntax error: a stray `,` with no entry before it, which would leave an empty entry in the map: remove the `,`\.$/] });
    });

    it('reports a `%` directive line as not allowed in front matter, at the line; a value starting with `%` as to be quoted', () => {
      const message = /^YAML syntax error: `%YAML 1\.2` is a YAML directive \(a line starting with `%`\), which is not allowed in front matter: remove the line\. If it was meant as text, write it as the value of a key, in quotes \(`note: "%YAML 1\.2"`\)\.$/;
      const first = lines('---', '%YAML 1.2', 'type: session', 'date: 2026-03-05', '---', '');
      expectOne(problemsOf('p/sessions/2026-03-05.md', first), { code: 'yaml/syntax', severity: 'error', range: [2, 1, 2, 10], message: [message] });
      const middle = lines('---', 'type: session', '%YAML 1.2', 'date: 2026-03-05', '---', '');
      expectOne(problemsOf('p/sessions/2026-03-05.md', middle), { code: 'yaml/syntax', severity: 'error', range: [3, 1, 3, 10], message: [message] });
      const last = lines('---', 'type: session', 'date: 2026-03-05', '%YAML 1.2 # old', '---', '');
      expectOne(problemsOf('p/sessions/2026-03-05.md', last), { code: 'yaml/syntax', severity: 'error', range: [4, 1, 4, 10], message: [message] });
      const value = lines('---', 'type: goal', 'title: %50 done', 'status: active', '---', '');
      expectOne(problemsOf('p/goals/half.md', value), { code: 'yaml/syntax', severity: 'error', range: [3, 8, 3, 16], message: [/^YAML syntax error: a value cannot start with `%`, which YAML keeps for itself: put it in quotes \(`"%50 done"`\)\.$/] });
    });

    it('does not report type/missing when the YAML is broken (type may be there, unreadable)', () => {
      const problems = problemsOf('p/sessions/x.md', lines('---', 'date: [2026-02-02', '---', ''));
      expectNone(problems, 'type/missing');
      assert.ok(problems.some((p) => p.code === 'yaml/syntax'));
    });
  });

  describe('yaml/anchor-in-text', () => {
    it('reports a value that starts with &word or !word at that word, and quoting it keeps the text', () => {
      const text = lines('---', 'type: goal', 'title: &Co growth plan', 'status: active', 'success: !Important the board approves it', 'due: 2026-12-01', 'skills: [&x writing]', '---', '');
      expectOne(problemsOf('p/goals/t.md', lines('---', 'type: goal', 'title: &Co growth plan', 'status: active', 'success: x', 'due: 2026-12-01', '---', '')), { code: 'yaml/anchor-in-text', severity: 'warning', range: [3, 8, 3, 11], message: [/^`&Co` is read by YAML as an anchor/] });
      const problems = problemsOf('p/goals/t.md', text).filter((p) => p.code === 'yaml/anchor-in-text');
      assert.deepEqual(problems.map((p) => [p.severity, p.range.start.line, p.range.start.column, p.range.end.column, p.message]), [
        ['warning', 3, 8, 11, '`&Co` is read by YAML as an anchor (a name for the value), not as text, so it is not part of the value after it: put the whole value in quotes to keep it.'],
        ['warning', 5, 10, 20, '`!Important` is read by YAML as a tag (a type name), not as text, so it is not part of the value after it: put the whole value in quotes to keep it.'],
        ['warning', 7, 10, 12, '`&x` is read by YAML as an anchor (a name for the value), not as text, so it is not part of the value after it: put the whole value in quotes to keep it.'],
      ]);
      const quoted = text.replace('title: &Co growth plan', 'title: "&Co growth plan"').replace('success: !Important the board approves it', "success: '!Important the board approves it'").replace('[&x writing]', '["&x writing"]');
      assert.deepEqual(problemsOf('p/goals/t.md', quoted), []);
      assert.equal(parseFile('p/goals/t.md', quoted).goals[0]?.title, '&Co growth plan');
    });

    it('says a tag that made a number a text at the tag, once, with the type error', () => {
      const session = (...keys: string[]) => problemsOf('p/sessions/2026-02-02.md', lines('---', 'type: session', 'date: 2026-02-02', ...keys, '---', ''));
      const minutes = '`duration` must be a positive whole number of minutes';
      // `!!float 45`: YAML cannot read `45` as a float and keeps the text; `!!str` makes it a text; another's tag too (and its anchor-in-text warning is not said again).
      expectOne(session('duration: !!float 45'), { code: 'schema/invalid-type', severity: 'error', range: [4, 11, 4, 18], message: [new RegExp(`^${minutes}: the tag \`!!float\` before \`45\` makes YAML read it as a text\\. Delete \`!!float\`\\.$`)] });
      expectOne(session('duration: !!str 45'), { code: 'schema/invalid-type', severity: 'error', range: [4, 11, 4, 16], message: [/: the tag `!!str` before `45` makes YAML read it as a text\. Delete `!!str`\.$/] });
      expectOne(session('duration: !minutes 45'), { code: 'schema/invalid-type', severity: 'error', range: [4, 11, 4, 19], message: [/: the tag `!minutes` before `45` makes YAML read it as a text\. Delete `!minutes`\.$/] });
      expectOne(session('duration: &d !!str 45'), { code: 'schema/invalid-type', severity: 'error', range: [4, 14, 4, 19], message: [/the tag `!!str` before `45`/] });
      expectOne(session('progress: {give-talk: !!str 40}', 'goals: [give-talk]'), { code: 'schema/invalid-type', severity: 'error', range: [4, 23, 4, 28], message: [/^`progress\.give-talk` must be a number: the tag `!!str` before `40`/] });
      assert.equal(session('duration: !!str 45')[0]!.data, undefined, 'no quick fix that keeps the tag');
      // A tag that gives the right type is no mistake; a number of the wrong kind is said as before, at the value.
      assert.deepEqual(session('duration: !!int "45"'), []);
      expectOne(session('duration: !!float 45.5'), { code: 'schema/invalid-type', severity: 'error', range: [4, 19, 4, 23], message: [new RegExp(`^${minutes}\\.$`)] });
    });

    it('says to delete an anchor before a date, a status or a key, which quoting would not keep readable', () => {
      const session = (...keys: string[]) => problemsOf('p/sessions/2026-01-26.md', lines('---', 'type: session', ...keys, '---', ''));
      expectOne(session('date: &d 2026-01-26'), { code: 'yaml/anchor-in-text', severity: 'warning', range: [3, 7, 3, 9], message: [/^`&d` is read by YAML as an anchor \(a name for the value\), not as text, so it is not part of the value after it: delete it\.$/] });
      expectOne(session('date: 2026-01-26', 'status: !urgent held'), { code: 'yaml/anchor-in-text', severity: 'warning', range: [4, 9, 4, 16], message: [/: delete it\.$/] });
      expectOne(session('date: 2026-01-26', '&k attendees: [Bo]'), { code: 'yaml/anchor-in-text', severity: 'warning', range: [4, 1, 4, 3], message: [/^`&k` is read by YAML as an anchor \(a name for the key\), not as part of the key after it: delete it\.$/] });
      // Before a text or a name, quoting keeps the word.
      expectOne(session('date: 2026-01-26', 'attendees: [&x Ana]'), { code: 'yaml/anchor-in-text', severity: 'warning', range: [4, 13, 4, 15], message: [/put the whole value in quotes to keep it\.$/] });
    });

    it('reports an anchor or tag that leaves the value empty, a lone `!`, and `&` or `*word` before text, each once at the value', () => {
      const goal = (title: string) => problemsOf('p/goals/t.md', lines('---', 'type: goal', `title: ${title}`, 'status: active', 'success: x', 'due: 2026-12-01', '---', ''));
      // Where the empty value is an error too (a title is required), the two are one problem, at the word.
      expectOne(goal('&Co'), { code: 'schema/missing-key', severity: 'error', range: [3, 8, 3, 11], message: [/^`title` has no value: `&Co` is read by YAML as an anchor \(a name for the value\), not as text, so the value is empty: put it in quotes to keep it, as `title: "&Co"`\.$/] });
      assert.equal(goal('&Co')[0]!.data, undefined, 'no quick fix to add a key that is written');
      const session = (...keys: string[]) => problemsOf('p/sessions/2026-02-02.md', lines('---', 'type: session', 'date: 2026-02-02', ...keys, '---', ''));
      expectOne(session('attendees:', '  - &Co', '  - Bo Chen'), { code: 'schema/invalid-type', severity: 'error', range: [5, 5, 5, 8], message: [/^`attendees\[0\]` must be a text: `&Co` is read by YAML as an anchor \(a name for the value\), not as text, so the value is empty: put it in quotes to keep it\.$/] });
      expectOne(session('attendees: [&Co, Bo Chen]'), { code: 'schema/invalid-type', severity: 'error', range: [4, 13, 4, 16], message: [/^`attendees\[0\]` must be a text: `&Co`/] });
      const inline = problemsOf('p/agreement.md', lines('---', 'type: agreement', 'mentor: Jo', 'mentee: Ravi', 'formality: informal', 'started: 2026-01-05', 'stage: creating', 'goals:', '  - id: grow', '    title: &Inc', '    status: proposed', '---', ''));
      expectOne(inline, { code: 'schema/missing-key', severity: 'error', range: [10, 12, 10, 16], message: [/^`goals\[0\]\.title` has no value: `&Inc` is read by YAML as an anchor .* as `title: "&Inc"`\.$/] });
      // The word on the line below its key: the same.
      expectOne(goal('\n  &Co'), { code: 'schema/missing-key', severity: 'error', range: [4, 3, 4, 6], message: [/^`title` has no value: `&Co`/] });
      // Where an empty value is no error, the warning alone.
      expectOne(session('next: &Co'), { code: 'yaml/anchor-in-text', severity: 'warning', range: [4, 7, 4, 10], message: [/^`&Co` is read by YAML as an anchor \(a name for the value\), not as text, so the value is empty: put it in quotes to keep it\.$/] });
      expectOne(goal('! urgent growth plan'), { code: 'yaml/anchor-in-text', severity: 'warning', range: [3, 8, 3, 9], message: [/^`!` is read by YAML as a tag \(a type name\), not as text, so it is not part of the value after it/] });
      expectOne(goal('& Co growth'), { code: 'yaml/syntax', severity: 'error', range: [3, 8, 3, 19], message: [/^YAML syntax error: `&` before a space is read by YAML as an anchor \(a name for the value\) with no name, not as text\. If `& Co growth` is text, put it in quotes \(`"& Co growth"`\)\.$/] });
      expectOne(goal('*starred goal # the one'), { code: 'yaml/syntax', severity: 'error', range: [3, 8, 3, 21], message: [/^YAML syntax error: YAML reads `\*starred` as an alias \(a repeat of the value named `&starred`\), and no text may follow an alias\. If `\*starred goal` is text, put it in quotes \(`"\*starred goal"`\)\.$/] });
      // Markdown emphasis: said as such, once.
      for (const [title, end, quoted] of [['*Really* write a guide', 30, '"\\*Really\\* write a guide"'], ['*Really*', 16, '"\\*Really\\*"']] as const) {
        expectOne(goal(title), { code: 'yaml/syntax', severity: 'error', range: [3, 8, 3, end], message: [new RegExp(`^YAML syntax error: \`\\*Really\\*\` looks like Markdown emphasis, but YAML reads a value that starts with \`\\*\` as an alias \\(a repeat of a value named with \`&\`\\): put the whole value in quotes, \`title: ${quoted}\`; the front matter is not Markdown, so the stars stay as written\\.$`)] });
      }
      // Followed, each is the text written.
      for (const title of ['&Co', '! urgent growth plan', '& Co growth', '*starred goal', '*Really* write a guide']) {
        const quoted = lines('---', 'type: goal', `title: ${JSON.stringify(title)}`, 'status: active', 'success: x', 'due: 2026-12-01', '---', '');
        assert.deepEqual(problemsOf('p/goals/t.md', quoted), []);
        assert.equal(parseFile('p/goals/t.md', quoted).goals[0]?.title, title);
      }
      // A `!` in text is no tag.
      expectNone(goal('Ship it! Then rest'), 'yaml/anchor-in-text');
    });

    it('leaves alone an anchor an alias repeats, and YAML\'s own tags', () => {
      const used = lines('---', 'type: goal', 'title: Base', 'status: &s active', 'success: *s', 'due: 2026-12-01', 'skills: [!!str 42]', '---', '');
      expectNone(problemsOf('p/goals/t.md', used), 'yaml/anchor-in-text');
    });
  });

  describe('yaml/comment-in-text', () => {
    it('reports a `#word` that starts the last line of a text going on over lines, at it; not under a status, nor `# a comment`', () => {
      const goal = (...keys: string[]) => problemsOf('p/goals/guide.md', lines('---', 'type: goal', 'title: Guide', 'status: proposed', ...keys, '---', ''));
      expectOne(goal('success: Post the write-up in', '  the channel', '  #eng-blog'), { code: 'yaml/comment-in-text', severity: 'warning', range: [7, 3, 7, 12], message: [/^`#eng-blog` at the start of this line is read by YAML as a comment, so the value of `success` above ends before it\. If it belongs to the value, put the whole value in quotes, or write it as a `>-` text \(`success: >-`, then its lines indented\); if it is a comment, write a space after `#`\.$/] });
      for (const keys of [['success: Post the write-up', '  # a comment'], ['success: Post it', '#eng-blog at the margin'], ['success: Post it', '', '  #after-a-blank'], ['due: 2026-12-01', '  #todo later']]) {
        expectNone(goal(...keys).concat(problemsOf('p/goals/guide.md', lines('---', 'type: goal', 'title: Guide', 'status: proposed', '  #todo later', 'success: x', '---', ''))), 'yaml/comment-in-text');
      }
      const followed = parseFile('p/goals/guide.md', lines('---', 'type: goal', 'title: Guide', 'status: proposed', 'success: >-', '  Post the write-up in', '  the channel', '  #eng-blog', '---', ''));
      assert.equal(followed.goals[0]?.success, 'Post the write-up in the channel #eng-blog');
    });

    it('valid: comments written `# text`, a # in quotes, in block scalars and without a space before it, a line that is only a comment', () => {
      const text = lines(
        '---',
        'type: goal',
        'title: "Ship C# #1" # the first one',
        '# mentoring-journal-disable keys/unknown',
        '#whole-line',
        'status: active',
        'success: |',
        '  done when #eng-blog says so',
        'notes: >-',
        '  see #42',
        "due: '2026-12-01' # ok",
        '---',
        '',
      );
      expectNone(problemsOf('p/goals/ship.md', text), 'yaml/comment-in-text');
    });

    it('reports #word after a value at the #word: in plain text, in text over lines, as a whole value, in a list, with CRLF', () => {
      const goal = lines('---', 'type: goal', 'title: Launch post', 'status: active', 'success: Published and announced in #eng-blog', 'due: 2026-12-01', '---', '');
      expectOne(problemsOf('p/goals/launch.md', goal), { code: 'yaml/comment-in-text', severity: 'warning', range: [5, 37, 5, 46], message: [/`#eng-blog` starts a YAML comment/, /quotes/] });
      const over = lines('---', 'type: goal', 'title: Launch post', 'status: active', 'success: Published', '  and announced in #eng-blog', 'due: 2026-12-01', '---', '');
      expectOne(problemsOf('p/goals/launch.md', over), { code: 'yaml/comment-in-text', severity: 'warning', range: [6, 20, 6, 29], message: [/#eng-blog/] });
      const session = lines('---', 'type: session', 'date: 2026-02-02', 'attendees:', '  - Ann #mentor', '  - Bo', '---', '').replace(/\n/g, '\r\n');
      expectCodes(problemsOf('p/sessions/2026-02-02.md', session), ['yaml/comment-in-text@5:9-5:16']);
      // A `#` in quotes earlier on the line is text: the comment after the value still counts.
      const quoted = lines('---', 'type: goal', 'title: "Ship C# #1" #launch', 'status: proposed', '---', '');
      expectCodes(problemsOf('p/goals/launch.md', quoted), ['yaml/comment-in-text@3:21-3:28']);
      const empty = lines('---', 'type: goal', 'title: #eng-blog', 'status: proposed', '---', '');
      // The title is then empty, which the schema says too: one problem, at the `#word`, saying why it is empty and what to write.
      expectOne(problemsOf('p/goals/launch.md', empty), { code: 'schema/missing-key', severity: 'error', range: [3, 8, 3, 17], message: [/^`title` has no value: `#eng-blog` starts a YAML comment \(a `#` after a space\), so the value is empty: put it in quotes to keep it, as `title: "#eng-blog"`\.$/] });
      expectOne(problemsOf('p/goals/launch.md', empty.replace('#eng-blog', '#1 priority: talks')), { code: 'schema/missing-key', severity: 'error', range: [3, 8, 3, 10], message: [/as `title: "#1 priority: talks"`\.$/] });
      // The writer's own comment after it stays a comment; a status or a date is told to lose the `#`, which quotes would keep; an empty list item is said once, at the word.
      expectOne(problemsOf('p/goals/launch.md', empty.replace('#eng-blog', '#1 talk # really')), { code: 'schema/missing-key', severity: 'error', range: [3, 8, 3, 10], message: [/as `title: "#1 talk"`\.$/] });
      expectOne(problemsOf('p/goals/launch.md', empty.replace('status: proposed', 'status: #active')).filter((p) => p.range.start.line === 4), { code: 'schema/missing-key', severity: 'error', range: [4, 9, 4, 16], message: [/^`status` has no value: `#active` starts a YAML comment \(a `#` after a space\), so the value is empty: delete the `#`, as `status: active`\.$/] });
      expectOne(problemsOf('p/sessions/2026-01-01.md', lines('---', 'type: session', 'date: 2026-01-01', 'attendees:', '  - #carla', '  - Bo', '---', '')), { code: 'schema/invalid-type', severity: 'error', range: [5, 5, 5, 11], message: [/^`attendees\[0\]` must be a text: `#carla` starts a YAML comment \(a `#` after a space\), so the value is empty: put it in quotes to keep it\.$/] });
    });

    it('after a closed list or map, says the #word can only be a comment, and does not advise quoting the value', () => {
      const list = lines('---', 'type: session', 'date: 2026-02-02', 'goals: [rust-basics] #wip', 'progress: {rust-basics: 40}  #done', '---', '');
      const problems = problemsOf('p/sessions/2026-02-02.md', list).filter((p) => p.code === 'yaml/comment-in-text');
      assert.deepEqual(problems.map((p) => [p.range.start.line, p.range.start.column, p.range.end.column]), [[4, 22, 26], [5, 30, 35]]);
      assert.match(problems[0]!.message, /^`#wip` starts a YAML comment \(a `#` after a space\), so it is not part of the list before it\. If it is a comment, write a space after `#`; if it belongs in the list, move it inside the `\]`, in quotes\.$/);
      assert.match(problems[1]!.message, /not part of the map before it.*inside the `\}`/);
    });

    it('inside a list that goes on below, advises quoting the item, not the list', () => {
      const text = lines('---', 'type: session', 'date: 2026-02-02', 'attendees: [Zoë, Li #remote', '  ]', '---', '');
      expectOne(problemsOf('p/sessions/2026-02-02.md', text), { code: 'yaml/comment-in-text', severity: 'warning', range: [4, 21, 4, 28], message: [/so it is not part of the item before it\. If it belongs to the item, put the item in quotes; if it is a comment, write a space after `#`\.$/] });
    });

    it('a #word that hides the closing bracket is reported at the #word, as what keeps the list open', () => {
      const text = lines('---', 'type: session', 'date: 2026-02-02', 'attendees: [Zoë, Li #remote]', '---', '');
      expectOne(problemsOf('p/sessions/2026-02-02.md', text), {
        code: 'yaml/syntax',
        severity: 'error',
        range: [4, 21, 4, 28],
        message: [/^YAML syntax error: `#remote` starts a YAML comment \(a `#` after a space\), which hides the `\]` after it, so the list opened with `\[` is never closed: put the item with `#` in quotes, or write the comment after the `\]`\.$/],
      });
      // A comment without the bracket in it is not the reason: the list is reported as never closed.
      const open = lines('---', 'type: session', 'date: 2026-02-02', 'attendees: [Zoë, Li # who came', 'next: 2026-02-09', '---', '');
      expectOne(problemsOf('p/sessions/2026-02-02.md', open), { code: 'yaml/syntax', severity: 'error', range: [4, 12, 4, 13], message: [/the list opened with `\[` here is never closed/] });
    });

    it('stays quiet while the YAML is broken', () => {
      const text = lines('---', 'type: goal', 'title: [Launch #post', 'status: active', '---', '');
      expectNone(problemsOf('p/goals/launch.md', text), 'yaml/comment-in-text');
    });
  });

  describe('yaml/item-in-text', () => {
    it('valid: list items in line, `- ` lines in quoted text and block scalars, a dash inside a line', () => {
      const text = lines(
        '---',
        'type: session',
        'date: 2026-02-02',
        'attendees:',
        '  - Ana Lopes',
        '  - Bo Li - the mentee',
        'goals:',
        '- rfc',
        'notes: |',
        '  - a list in text',
        '  - on purpose',
        'summary: >-',
        '  - folded',
        'title: "a',
        '  - b"',
        'plain: one',
        '  two - three',
        '---',
        '',
      );
      expectNone(problemsOf('p/sessions/2026-02-02.md', text), 'yaml/item-in-text');
    });

    it('reports a `- ` line that YAML joins to the text above, at its `-`: an item indented one space too many, a list under a text value, CRLF, the yaml package\'s path', () => {
      const oneTooMany = lines('---', 'type: session', 'date: 2026-02-02', 'attendees:', '  - Ana Lopes', '   - Bo Li', '---', '');
      expectOne(problemsOf('p/sessions/2026-02-02.md', oneTooMany), { code: 'yaml/item-in-text', severity: 'warning', range: [6, 4, 6, 11], message: [/^`- Bo Li` is not a list item/, /"Ana Lopes - Bo Li"/, /same column/] });
      const underText = lines('---', 'type: goal', 'title: Learn Rust', 'status: active', 'skills: ownership', '  - lifetimes', '  -', '---', '').replace(/\n/g, '\r\n');
      expectCodes(problemsOf('p/goals/rust.md', underText).filter((p) => p.code === 'yaml/item-in-text'), ['yaml/item-in-text@6:3-6:14', 'yaml/item-in-text@7:3-7:4']);
      // An anchor sends the file to the yaml package: the same problem at the same place.
      const anchored = lines('---', 'type: session', 'date: &d 2026-02-02', 'attendees:', '  - Ana Lopes', '   - Bo Li', '---', '');
      expectCodes(problemsOf('p/sessions/2026-02-02.md', anchored).filter((p) => p.code === 'yaml/item-in-text'), ['yaml/item-in-text@6:4-6:11']);
    });

    it('reports a list item holding a full-width or ideographic comma between words, at the comma, on either path; quoted items, goals and a comma at an end are left alone', () => {
      const flow = lines('---', 'type: session', 'date: 2026-02-02', 'attendees: [佐藤 花子，Jürgen Groß]', '---', '');
      expectOne(problemsOf('p/sessions/2026-02-02.md', flow), {
        code: 'yaml/item-in-text',
        severity: 'warning',
        range: [4, 18, 4, 19],
        message: [/^`佐藤 花子，Jürgen Groß` is one list item: `，` is a full-width comma \(U\+FF0C\), and YAML parts the items of a list only at `,`\. For 2 items, write `\[佐藤 花子, Jürgen Groß\]`, or each on a line of its own after `- `; if the comma belongs to the item, put the item in quotes\.$/],
      });
      const block = lines('---', 'type: session', 'date: &d 2026-02-02', 'attendees:', '  - Ana Lopes', '  - 佐藤 花子 、 鈴木 一郎、Bo', '---', '').replace(/\n/g, '\r\n');
      expectOne(problemsOf('p/sessions/2026-02-02.md', block), { code: 'yaml/item-in-text', severity: 'warning', range: [6, 11, 6, 12], message: [/`、` is an ideographic comma \(U\+3001\)/, /For 3 items, write `\[佐藤 花子, 鈴木 一郎, Bo\]`/] });
      const quiet = lines('---', 'type: session', 'date: 2026-02-02', 'attendees: ["佐藤 花子，Jürgen", \'Ana、Bo\', 花子，]', 'title: 佐藤 花子，Jürgen', '---', '');
      expectNone(problemsOf('p/sessions/2026-02-02.md', quiet), 'yaml/item-in-text');
      // Prose in other lists may hold such a comma: a strength is one item however it is written.
      const prose = lines('---', 'type: agreement', 'mentor: 佐藤 花子', 'mentee: Jürgen Groß', 'strengths:', '  mentor:', '    - 十年的系统设计经验，带过很多新人', '  mentee: [熟悉计费代码，写作清楚]', '---', '');
      expectNone(problemsOf('p/agreement.md', prose), 'yaml/item-in-text');
    });

    it('stays quiet while the YAML is broken', () => {
      const text = lines('---', 'type: session', 'date: 2026-02-02', 'attendees:', '  - Ana Lopes', '   - Bo Li', 'goals: [a', '---', '');
      expectNone(problemsOf('p/sessions/2026-02-02.md', text), 'yaml/item-in-text');
    });
  });

  describe('yaml/duplicate-key', () => {
    it('valid: distinct keys', () => {
      expectNone(problemsOf('p/goals/design-doc.md', GOAL), 'yaml/duplicate-key');
    });

    it('says a goal written at the margin after a `goals:` list at the margin is a goal without its `- `, as an error or at the unknown keys', () => {
      const agreement = (...goals: string[]) => problemsOf('p/agreement.md', lines('---', 'type: agreement', 'mentor: Jo', 'mentee: Ravi', 'formality: informal', 'started: 2026-01-05', 'stage: creating', 'goals:', '- id: give-talk', '  title: Give a talk', '  status: proposed', ...goals, '---', ''));
      expectOne(agreement('id: speak-meetup', '  title: Speak', '  status: proposed'), { code: 'yaml/syntax', severity: 'error', range: [12, 1, 12, 3], message: [/^YAML syntax error: `id:` starts at the margin right after the `goals:` list, whose items start with `- ` there too, so YAML reads it as a key of the front matter, not of a goal: if it starts a new goal, write `- id: speak-meetup` and indent the goal's other keys under `id:`, as in the goal above\.$/] });
      const asKeys = agreement('id: speak-meetup', 'title: Speak', 'status: proposed');
      assert.deepEqual(asKeys.map((p) => [p.code, p.range.start.line]), [['keys/unknown', 12], ['keys/unknown', 13], ['keys/unknown', 14]]);
      assert.match(asKeys[0]!.message, /^Unknown key `id`: `id:` starts at the margin right after the `goals:` list/);
      assert.match(asKeys[1]!.message, /^Unknown key `title`: `title:` belongs with `id:` above, a goal written at the margin without its `- `/);
      expectOne(agreement('speak-meetup:', '  title: Speak'), { code: 'keys/unknown', severity: 'warning', range: [12, 1, 12, 13], message: [/write `- id: speak-meetup` and indent the goal's other keys under `id:`/] });
      // Followed, two goals.
      const followed = parseFile('p/agreement.md', lines('---', 'type: agreement', 'mentor: Jo', 'mentee: Ravi', 'formality: informal', 'started: 2026-01-05', 'stage: creating', 'goals:', '- id: give-talk', '  title: Give a talk', '  status: proposed', '- id: speak-meetup', '  title: Speak', '  status: proposed', '---', ''));
      assert.deepEqual(followed.problems, []);
      assert.deepEqual(followed.goals.map((g) => g.id), ['give-talk', 'speak-meetup']);
    });

    it('says a second `id` in a goal is a new goal written without its `- `, once, not each of its keys as a duplicate to delete', () => {
      const agreement = (...goals: string[]) => problemsOf('p/agreement.md', lines('---', 'type: agreement', 'mentor: Jo', 'mentee: Ravi', 'formality: informal', 'started: 2026-01-05', 'stage: creating', 'goals:', ...goals, '---', ''));
      const margin = agreement('- id: give-talk', '  title: Give a talk', '  status: proposed', '  id: write-blog', '  title: Write a blog post', '  status: proposed');
      expectOne(margin, {
        code: 'yaml/duplicate-key',
        severity: 'error',
        range: [12, 3, 12, 5],
        message: [/^Duplicate key `id`: a second item starts here without its `- `, so YAML reads its keys into the item above \(its `id` is on line 9\), and each of the two items loses what the other sets\. Write `- ` before `id`, with the `-` in column 1 as in the item above, and indent its other keys as that item's\.$/],
      });
      expectOne(agreement('  - id: give-talk', '    title: Give a talk', '    id: write-blog', '    title: Write a blog post'), { code: 'yaml/duplicate-key', severity: 'error', range: [11, 5, 11, 7], message: [/with the `-` in column 3 as in the item above/] });
      // The new item's own duplicate is still one.
      const twice = agreement('  - id: give-talk', '    title: Give a talk', '    id: write-blog', '    title: Write a blog post', '    title: Again');
      assert.deepEqual(twice.filter((p) => p.code === 'yaml/duplicate-key').map((p) => [p.range.start.line, p.message.slice(0, 24)]), [[11, 'Duplicate key `id`: a se'], [13, 'Duplicate key `title`: i']]);
      // Followed, two goals.
      const followed = parseFile('p/agreement.md', lines('---', 'type: agreement', 'mentor: Jo', 'mentee: Ravi', 'formality: informal', 'started: 2026-01-05', 'stage: creating', 'goals:', '- id: give-talk', '  title: Give a talk', '  status: proposed', '- id: write-blog', '  title: Write a blog post', '  status: proposed', '---', ''));
      assert.deepEqual(followed.problems, []);
      assert.deepEqual(followed.goals.map((g) => g.id), ['give-talk', 'write-blog']);
      // A goal that does not start with `id`: the new one starts at the first key it repeats.
      const titled = agreement('  - title: Give a talk', '    id: give-talk', '    status: proposed', '    title: Write a blog', '    id: write-blog', '    status: proposed');
      expectOne(titled, { code: 'yaml/duplicate-key', severity: 'error', range: [12, 5, 12, 10], message: [/^Duplicate key `title`: a second item starts here without its `- `, so YAML reads its keys into the item above \(its `title` is on line 9\), and each of the two items loses what the other sets\. Write `- ` before `title`, with the `-` in column 3 as in the item above/] });
      // A key repeated with no second `id` is a plain duplicate.
      expectOne(agreement('  - id: give-talk', '    title: Give a talk', '    title: Again'), { code: 'yaml/duplicate-key', severity: 'error', range: [11, 5, 11, 10], message: [/keep only one\.$/] });
      // A map that is no list's item keeps the plain message.
      expectOne(problemsOf('p/goals/design-doc.md', GOAL.replace('status: active', 'status: active\nid: x\nid: y')), { code: 'yaml/duplicate-key', severity: 'error', range: [6, 1, 6, 3], message: [/keep only one\.$/] });
    });

    it('says a list item written on its key\'s line, and a `#word` line inside a value, at each, with what to write', () => {
      const goal = (...keys: string[]) => problemsOf('p/goals/guide.md', lines('---', 'type: goal', ...keys, '---', ''));
      expectOne(goal('title: Guide', 'status: proposed', 'skills: - writing'), { code: 'yaml/syntax', severity: 'error', range: [5, 9, 5, 18], message: [/^YAML syntax error: `- writing` is a list item on the line of its key, which YAML does not take: write `skills: \[writing\]`, or put `- writing` on a line of its own under `skills:`, indented \(` {2}- writing`\)\.$/] });
      expectOne(goal('title: - talk', 'status: proposed'), { code: 'yaml/syntax', severity: 'error', range: [3, 8, 3, 14], message: [/if it is text, put it in quotes, `title: "- talk"`\.$/] });
      // Nested, with more items below, or an item that is a map: the advice that, followed, reads.
      const session = (...keys: string[]) => problemsOf('p/sessions/2026-02-02.md', lines('---', 'type: session', 'date: 2026-02-02', ...keys, '---', ''));
      expectOne(session('attendees: - Ana', '  - Bo'), { code: 'yaml/syntax', severity: 'error', range: [4, 12, 4, 17], message: [/^YAML syntax error: `- Ana` is a list item on the line of its key, which YAML does not take: put `- Ana` on a line of its own under `attendees:`, indented \(` {2}- Ana`\), as the items below are\.$/] });
      assert.deepEqual(session('attendees:', '  - Ana', '  - Bo'), []);
      expectOne(problemsOf('p/agreement.md', lines('---', 'type: agreement', 'mentor: Jo', 'mentee: Ravi', 'formality: informal', 'started: 2026-01-05', 'stage: creating', 'strengths:', '  mentor: - writing', '---', '')), { code: 'yaml/syntax', severity: 'error', range: [9, 11, 9, 20], message: [/write `mentor: \[writing\]`, or put `- writing` on a line of its own under `mentor:`/] });
      expectOne(problemsOf('p/agreement.md', lines('---', 'type: agreement', 'mentor: Jo', 'mentee: Ravi', 'formality: informal', 'started: 2026-01-05', 'stage: creating', 'goals: - id: x', '    title: S', '---', '')).filter((p) => p.code.startsWith('yaml/')), { code: 'yaml/syntax', severity: 'error', range: [8, 8, 8, 15], message: [/put `- id: x` on a line of its own under `goals:`, indented \(` {2}- id: x`\), with the item's other keys under it\.$/] });
      // A comment the writer wrote (`# note`), at the margin or indented, between a value's lines: one problem, at it.
      expectOne(goal('title: Guide', 'status: proposed', 'success: Post the write-up', '# note', '  and more text'), { code: 'yaml/syntax', severity: 'error', range: [6, 1, 6, 7], message: [/^YAML syntax error: the comment `# note` ends the value of `success` above it, so the indented line after it \(`and more text`\) cannot go on the value and YAML cannot read it: move the comment below the value's last line \(or delete it\)\.$/] });
      expectOne(goal('title: Guide', 'status: proposed', 'success: Post the write-up', '  # note', '  and more text', '  and more'), { code: 'yaml/syntax', severity: 'error', range: [6, 3, 6, 9], message: [/so the indented lines after it \(`and more text`, …\) cannot go on the value and YAML cannot read them/] });
      assert.deepEqual(goal('title: Guide', 'status: proposed', 'success: Post the write-up', '  and more text', '# note'), []);
      // In a list item's value, up to the next item.
      expectOne(problemsOf('p/sessions/2026-02-02.md', lines('---', 'type: session', 'date: 2026-02-02', 'attendees:', '  - Zoë', '    # c', '    Brandt', '  - Kofi Mensah', '---', '')), { code: 'yaml/syntax', severity: 'error', range: [6, 5, 6, 8], message: [/^YAML syntax error: the comment `# c` ends the value of the item `Zoë` above it, so the indented line after it \(`Brandt`\) cannot go on the value and YAML cannot read it: move the comment below the value's last line \(or delete it\)\.$/] });
      const cut = goal('title: Guide', 'status: proposed', 'success: The guide is on the wiki and announced in the', '  #eng-blog channel, and two', '  teams use it.');
      expectOne(cut, { code: 'yaml/syntax', severity: 'error', range: [6, 3, 6, 12], message: [/^YAML syntax error: this line starts with `#eng-blog`, which YAML reads as a comment, so the value of `success` ends on the line above and the lines after it are not read: put the whole value in quotes, or write it as a `>-` text/] });
      // Followed, each is read whole.
      assert.deepEqual(goal('title: Guide', 'status: proposed', 'skills: [writing]').filter((p) => p.code.startsWith('yaml/')), []);
      const followed = parseFile('p/goals/guide.md', lines('---', 'type: goal', 'title: Guide', 'status: proposed', 'success: >-', '  The guide is on the wiki and announced in the', '  #eng-blog channel, and two', '  teams use it.', '---', ''));
      assert.equal(followed.goals[0]?.success, 'The guide is on the wiki and announced in the #eng-blog channel, and two teams use it.');
    });

    it('says to merge two maps or two lists written under one key, not to keep one', () => {
      const text = lines('---', 'type: session', 'date: 2026-04-15', 'progress:', '  design-doc: 40', 'next: 2026-04-29', 'progress: {rfc: 10}', 'goals: [design-doc]', 'goals:', '  - rfc', '---', '');
      const problems = problemsOf('p/sessions/2026-04-15.md', text).filter((p) => p.code === 'yaml/duplicate-key');
      assert.deepEqual(problems.map((p) => [p.range.start.line, p.range.start.column, p.message]), [
        [7, 1, "Duplicate key `progress`: it is already set on line 4; both hold entries, and only one would be read: move this one's entries into the first and delete this key."],
        [9, 1, "Duplicate key `goals`: it is already set on line 8; both hold items, and only one would be read: move this one's items into the first and delete this key."],
      ]);
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

    it('says the partners\' signing days written at the margin under `signed:` are to be indented there, not that one is to go', () => {
      const text = lines('---', 'type: agreement', 'mentor: Carla Diaz', 'mentee: Dev Patel', 'started: 2026-06-01', 'ends: 2027-05-31', 'stage: building', 'signed:', 'mentor: 2026-06-02', 'mentee: 2026-06-03', '---', '');
      const duplicates = problemsOf('p/agreement.md', text).filter((p) => p.code === 'yaml/duplicate-key');
      assert.deepEqual(duplicates.map((p) => [p.range.start.line, p.range.start.column, p.range.end.column]), [[9, 1, 7], [10, 1, 7]]);
      assert.equal(duplicates[0]!.message, 'Duplicate key `mentor`: it is already set on line 3. It comes after `signed:`, which has no value, so YAML reads it as a second key of the front matter, in the place of the first: if it belongs to `signed`, indent it under `signed:` (`  mentor: 2026-06-02`).');
      assert.match(duplicates[1]!.message, /^Duplicate key `mentee`: it is already set on line 4\. It comes after `signed:`, .* \(` {2}mentee: 2026-06-03`\)\.$/);
      // One indented and one not: the second is said so.
      const one = problemsOf('p/agreement.md', text.replace('mentor: 2026-06-02', '  mentor: 2026-06-02')).filter((p) => p.code === 'yaml/duplicate-key');
      expectOne(one, { code: 'yaml/duplicate-key', severity: 'error', range: [10, 1, 10, 7], message: [/It comes after `signed:` and the keys indented under it, but at the margin, .* indent it under `signed:` \(` {2}mentee: 2026-06-03`\)\.$/] });
      // As far as the keys above it are indented.
      const four = problemsOf('p/agreement.md', text.replace('mentor: 2026-06-02', '    mentor: 2026-06-02')).filter((p) => p.code === 'yaml/duplicate-key');
      expectOne(four, { code: 'yaml/duplicate-key', severity: 'error', range: [10, 1, 10, 7], message: [/\(` {4}mentee: 2026-06-03`\)\.$/] });
    });

    it('says a `type` written twice once: which kind of file it is, and so what it lacks, is in doubt', () => {
      const text = lines('---', 'type: session', 'type: goal', 'date: 2026-01-26', '---', '');
      expectOne(problemsOf('p/sessions/2026-01-26.md', text), { code: 'yaml/duplicate-key', severity: 'error', range: [3, 1, 3, 5], message: [/^Duplicate key `type`: it is already set on line 2; keep only one\.$/] });
    });

    it('reports at most 20 YAML errors in a front matter, and says at the last one when more were left out', () => {
      const dates = (n: number) => lines('---', 'type: session', ...Array.from({ length: n }, (_, i) => `date: 2026-01-${String((i % 28) + 1).padStart(2, '0')}`), '---', '');
      const cut = problemsOf('p/sessions/2026-01-01.md', dates(30));
      assert.equal(cut.length, 20);
      assert.match(cut[19]!.message, /^Duplicate key `date`: it is already set on line 3; keep only one\. \(The front matter has more YAML errors after this one, not listed: fix these first\.\)$/);
      assert.doesNotMatch(cut[18]!.message, /more YAML errors/);
      // Exactly 20: none left out, nothing said.
      const all = problemsOf('p/sessions/2026-01-01.md', dates(21));
      assert.equal(all.length, 20);
      assert.doesNotMatch(all[19]!.message, /more YAML errors/);
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

  describe('a key written twice: the later value is read, and problems about it point at it', () => {
    it('a value of the wrong type in the later key is reported there, not at the first', () => {
      const text = lines('---', 'type: session', 'date: 2026-04-15', 'duration: 45', 'duration: 6.5', '---', '');
      expectCodes(problemsOf('p/sessions/2026-04-15.md', text), ['yaml/duplicate-key@5:1-5:9', 'schema/invalid-type@5:11-5:14']);
    });

    it('a goal written twice in progress: the duplicate alone, and the session counts for nothing until one is left (block and flow)', async () => {
      for (const progress of ['progress:\n  design-doc: 50\n  design-doc: 30', 'progress: {design-doc: 50, design-doc: 30}']) {
        const { problems } = await check(relationship({ 'p/sessions/2026-02-09.md': `---\ntype: session\ndate: 2026-02-09\n${progress}\n---\n` }));
        const found = problems('p/sessions/2026-02-09.md');
        assert.deepEqual(found.map((p) => p.code), ['yaml/duplicate-key'], progress);
        const at = progress.startsWith('progress: {') ? [4, 28] : [6, 3];
        assert.deepEqual([found[0]!.range.start.line, found[0]!.range.start.column], at);
      }
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

    it('reports an alias that names no anchor before it, and one inside the value it repeats, as syntax errors at the alias', () => {
      for (const text of [lines('---', 'type: session', 'date: 2026-02-02', 'next: *x', '---', ''), lines('---', 'type: session', 'date: 2026-02-02', 'next: *x', 'later: &x 2026-02-09', '---', '')]) {
        expectOne(problemsOf('p/sessions/2026-02-02.md', text), { code: 'yaml/syntax', severity: 'error', range: [4, 7, 4, 9], message: [/`\*x` repeats the value named `&x`, but no value before it has that name/] });
      }
      const self = lines('---', 'type: session', 'date: 2026-02-02', 'goals: &g [a, *g]', '---', '');
      expectOne(problemsOf('p/sessions/2026-02-02.md', self), { code: 'yaml/syntax', severity: 'error', range: [4, 15, 4, 17], message: [/`\*g` is inside the value named `&g` that it repeats/] });
    });

    it('refuses more than 100 aliases unread, at the first: a value that contains itself once made 15,000 of them take minutes', () => {
      const many = lines('---', 'type: session', 'date: &d 2026-02-02', ...Array.from({ length: 15_000 }, (_, i) => `k${i}: *d`), '---', '');
      expectOne(problemsOf('p/sessions/2026-02-02.md', many), { code: 'yaml/too-many-aliases', severity: 'error', range: [4, 5, 4, 7], message: [/too much data/] });
    });

    it('takes exactly 100 aliases of a value and refuses 101, as the docs say ("more than 100")', () => {
      const aliases = (n: number) => lines('---', 'type: session', 'date: 2026-02-02', 'next: &n 2026-02-16', 'extra:', ...Array.from({ length: n }, () => '  - *n'), '---', '');
      expectNone(problemsOf('p/sessions/2026-02-02.md', aliases(100)), 'yaml/too-many-aliases');
      expectOne(problemsOf('p/sessions/2026-02-02.md', aliases(101)), { code: 'yaml/too-many-aliases', severity: 'error', range: [6, 5, 6, 7], message: [/too much data/] });
    });

    it('reports an alias bomb once, at its first alias, and reads nothing else', () => {
      const problems = problemsOf('p/sessions/2026-02-02.md', bomb);
      expectOne(problems, { code: 'yaml/too-many-aliases', severity: 'error', range: [5, 8, 5, 10], message: [/aliases/, /too much/] });
      assert.equal(problems.length, 1);
    });
  });
});
