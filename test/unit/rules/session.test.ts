import assert from 'node:assert/strict';
import { noValidDue } from '../../../src/core/words';
import { AGREEMENT, check, expectNone, expectOne, lines, parseFile, problemsOf, relationship, SESSION } from './helpers';

/** The 1-based line of the first line of `text` that starts with `prefix`. */
function lineOf(text: string, prefix: string): number {
  return text.split('\n').findIndex((l) => l.startsWith(prefix)) + 1;
}

describe('rules: session/*', () => {
  describe('session/outside-partnership', () => {
    it('valid: a session between started and ends, on either boundary too', async () => {
      const { problems } = await check(
        relationship({
          'p/sessions/first.md': SESSION.replace('date: 2026-02-02', 'date: 2026-01-05'),
          'p/sessions/last.md': SESSION.replace('date: 2026-02-02', 'date: 2026-12-18'),
        }),
      );
      for (const f of ['p/sessions/2026-02-02.md', 'p/sessions/first.md', 'p/sessions/last.md']) expectNone(problems(f), 'session/outside-partnership');
    });

    it('reports a session before started at its date value', async () => {
      const { problems } = await check(relationship({ 'p/sessions/2026-02-02.md': SESSION.replace('date: 2026-02-02', 'date: 2026-01-04') }));
      expectOne(problems('p/sessions/2026-02-02.md'), { code: 'session/outside-partnership', severity: 'warning', range: [3, 7, 3, 17], message: [/\(2026-01-04\) is dated before the partnership started \(2026-01-05\)/] });
    });

    it('reports a session after ends at its date value, suggesting to extend ends or record closure', async () => {
      const { problems } = await check(relationship({ 'p/sessions/2026-02-02.md': SESSION.replace('date: 2026-02-02', 'date: 2026-12-19') }));
      expectOne(problems('p/sessions/2026-02-02.md'), { code: 'session/outside-partnership', severity: 'warning', range: [3, 7, 3, 17], message: [/after the partnership ends \(2026-12-18\)/, /extend `ends`/, /closure/] });
    });

    it('reports a session after a recorded closure, which ends the partnership from its date, and no longer advises recording one', async () => {
      const closed = AGREEMENT.replace('stage: building', 'stage: moving-on\nclosure: {date: 2026-09-30, outcome: friendship}');
      const { problems } = await check(
        relationship({
          'p/agreement.md': closed,
          'p/sessions/2026-02-02.md': SESSION.replace('date: 2026-02-02', 'date: 2026-09-30'),
          'p/sessions/after.md': SESSION.replace('date: 2026-02-02', 'date: 2026-11-20'),
          'p/sessions/after-ends.md': SESSION.replace('date: 2026-02-02', 'date: 2026-12-20'),
        }),
      );
      expectNone(problems('p/sessions/2026-02-02.md'), 'session/outside-partnership');
      expectOne(problems('p/sessions/after.md'), { code: 'session/outside-partnership', severity: 'warning', range: [3, 7, 3, 17], message: [/^This session \(2026-11-20\) is dated after the partnership closed \(2026-09-30\): keep later meetings outside the formal journal, or correct the closure's date/] });
      expectOne(problems('p/sessions/after-ends.md'), { code: 'session/outside-partnership', severity: 'warning', range: [3, 7, 3, 17], message: [/after the partnership closed \(2026-09-30\)/] });
      // A closure after `ends`: a session between the two is told to extend `ends`, not to record the closure it has.
      const late = AGREEMENT.replace('stage: building', 'stage: moving-on\nclosure: {date: 2027-01-10, outcome: friendship}');
      const between = await check(relationship({ 'p/agreement.md': late, 'p/sessions/2026-02-02.md': SESSION.replace('date: 2026-02-02', 'date: 2026-12-20') }));
      expectOne(between.problems('p/sessions/2026-02-02.md'), { code: 'session/outside-partnership', severity: 'warning', range: [3, 7, 3, 17], message: [/^This session \(2026-12-20\) is dated after the partnership ends \(2026-12-18\): extend `ends` in the agreement\.$/] });
    });

    it('checks no end when ends is not after started (one problem of the agreement, not of every session), and still the start', async () => {
      const { problems } = await check(relationship({ 'p/agreement.md': AGREEMENT.replace('ends: 2026-12-18', 'ends: 2025-12-18'), 'p/sessions/early.md': SESSION.replace('date: 2026-02-02', 'date: 2025-03-02') }));
      expectNone(problems('p/sessions/2026-02-02.md'), 'session/outside-partnership');
      expectOne(problems('p/sessions/early.md'), { code: 'session/outside-partnership', severity: 'warning', range: [3, 7, 3, 17], message: [/\(2025-03-02\) is dated before the partnership started/] });
      expectOne(problems('p/agreement.md'), { code: 'agreement/ends-before-start', severity: 'error', range: [lineOf(AGREEMENT, 'ends:'), 7, lineOf(AGREEMENT, 'ends:'), 17], message: [/`ends` \(2025-12-18\) must be after `started`/] });
    });

    it('has no end to check in an informal partnership without ends', async () => {
      const informal = AGREEMENT.replace('ends: 2026-12-18', 'formality: informal');
      const { problems } = await check(relationship({ 'p/agreement.md': informal, 'p/sessions/2026-02-02.md': SESSION.replace('date: 2026-02-02', 'date: 2031-01-01') }));
      expectNone(problems('p/sessions/2026-02-02.md'), 'session/outside-partnership');
    });
  });

  describe('session/outside-partnership: the next session planned after ends', () => {
    const at = (text: string): [number, number, number, number] => {
      const line = lineOf(text, 'next:');
      return [line, 7, line, 17];
    };

    it("reports the latest session's next after ends at the next value, with what to do", async () => {
      const session = SESSION.replace('date: 2026-02-02', 'date: 2026-12-10').replace('next: 2026-02-16', 'next: 2027-01-07');
      const { problems } = await check(relationship({ 'p/sessions/2026-02-02.md': session }));
      expectOne(problems('p/sessions/2026-02-02.md'), { code: 'session/outside-partnership', severity: 'warning', range: at(session), message: [/^The next session \(2027-01-07\) is planned after the partnership ends \(2026-12-18\)/, /meet on or before 2026-12-18/, /extend `ends`/, /record closure/] });
    });

    it('reports nothing for a next on the last day, an earlier session whose plan a later one replaced, or once a closure is recorded', async () => {
      const onLastDay = SESSION.replace('date: 2026-02-02', 'date: 2026-12-10').replace('next: 2026-02-16', 'next: 2026-12-18');
      expectNone((await check(relationship({ 'p/sessions/2026-02-02.md': onLastDay }))).problems('p/sessions/2026-02-02.md'), 'session/outside-partnership');
      const replaced = SESSION.replace('date: 2026-02-02', 'date: 2026-12-01').replace('next: 2026-02-16', 'next: 2027-01-07');
      const later = SESSION.replace('date: 2026-02-02', 'date: 2026-12-15').replace('next: 2026-02-16', 'next: 2026-12-18');
      const both = await check(relationship({ 'p/sessions/2026-02-02.md': replaced, 'p/sessions/2026-12-15.md': later }));
      for (const f of ['p/sessions/2026-02-02.md', 'p/sessions/2026-12-15.md']) expectNone(both.problems(f), 'session/outside-partnership');
      const closed = AGREEMENT.replace('stage: building', 'stage: moving-on\nclosure: {date: 2026-12-10, outcome: friendship}');
      const afterEnd = SESSION.replace('date: 2026-02-02', 'date: 2026-12-10').replace('next: 2026-02-16', 'next: 2027-01-07');
      // With a closure recorded, the partners decided how it ends: a meeting planned after it is outside the formal journal.
      expectNone((await check(relationship({ 'p/agreement.md': closed, 'p/sessions/2026-02-02.md': afterEnd }))).problems('p/sessions/2026-02-02.md'), 'session/outside-partnership');
      // So recording the closure, as the advice says, clears the warning.
      const atEnd = AGREEMENT.replace('stage: building', 'stage: moving-on\nclosure: {date: 2026-12-18, outcome: periodic-contact}');
      expectNone((await check(relationship({ 'p/agreement.md': atEnd, 'p/sessions/2026-02-02.md': afterEnd }))).problems('p/sessions/2026-02-02.md'), 'session/outside-partnership');
    });

    it('reports a session after ends once, at its date, not again at its next', async () => {
      const session = SESSION.replace('date: 2026-02-02', 'date: 2026-12-20').replace('next: 2026-02-16', 'next: 2027-01-07');
      const { problems } = await check(relationship({ 'p/sessions/2026-02-02.md': session }));
      expectOne(problems('p/sessions/2026-02-02.md'), { code: 'session/outside-partnership', severity: 'warning', range: [3, 7, 3, 17], message: [/This session \(2026-12-20\) is dated after the partnership ends/] });
    });

    it('once the end has passed, does not advise meeting by then', async () => {
      const session = SESSION.replace('date: 2026-02-02', 'date: 2026-12-10').replace('next: 2026-02-16', 'next: 2027-01-07');
      const { problems } = await check(relationship({ 'p/sessions/2026-02-02.md': session }), { today: '2027-02-01' });
      expectOne(problems('p/sessions/2026-02-02.md'), { code: 'session/outside-partnership', severity: 'warning', range: [lineOf(session, 'next:'), 7, lineOf(session, 'next:'), 17], message: [/^The next session \(2027-01-07\) is planned after the partnership ends \(2026-12-18\): extend `ends` in the agreement, or record closure\.$/] });
    });

    it('followed, its advice clears it: extending ends', async () => {
      const session = SESSION.replace('date: 2026-02-02', 'date: 2026-12-10').replace('next: 2026-02-16', 'next: 2027-01-07');
      const { problems } = await check(relationship({ 'p/agreement.md': AGREEMENT.replace('ends: 2026-12-18', 'ends: 2027-03-31'), 'p/sessions/2026-02-02.md': session }));
      expectNone(problems('p/sessions/2026-02-02.md'), 'session/outside-partnership');
    });
  });

  describe('session/hidden-by-comment', () => {
    const front = ['---', 'type: session', 'date: 2026-02-02', '---', ''];

    it('reports a comment never closed at its `<!--`, and one that runs over a heading (a hint edited in place)', () => {
      const open = lines(...front, '## Notes', '', '<!-- What you talked about, in your own words.', 'We went through the RFC.', '', '- [ ] @sam send the draft (due 2026-02-09)', '');
      expectOne(problemsOf('p/sessions/2026-02-02.md', open), { code: 'session/hidden-by-comment', severity: 'warning', range: [8, 1, 8, 5], message: [/^This comment is never closed: everything after it, to the end of the file, is hidden when the note is shown, and the journal reads none of it: sections, action items, `\[\[goal\]\]` references\. Close it with `-->` where it should end\.$/] });
      const over = lines(...front, '## Notes', '', '  <!-- What you talked about, in your own words.', 'We went through the RFC.', '', '## Summary', '', '<!-- What you agreed and decided, in a few points. -->', '');
      expectOne(problemsOf('p/sessions/2026-02-02.md', over), { code: 'session/hidden-by-comment', severity: 'warning', range: [8, 3, 8, 7], message: [/^This comment runs from line 8 to line 13, over the heading `## Summary`: all of it is hidden/] });
      // With CRLF line ends too.
      expectOne(problemsOf('p/sessions/2026-02-02.md', over.replace(/\n/g, '\r\n')), { code: 'session/hidden-by-comment', severity: 'warning', range: [8, 3, 8, 7] });
    });

    it('says where a comment never closed ends when a list item or quote holds it: the notes after are read', () => {
      const inItem = lines(...front, '## Actions', '', '- <!-- put aside for now', '  - [ ] @sam an idea', '', '## Notes', '', 'We went through the RFC.', '');
      expectOne(problemsOf('p/sessions/2026-02-02.md', inItem), { code: 'session/hidden-by-comment', severity: 'warning', range: [8, 3, 8, 7], message: [/^This comment is never closed: everything after it, to line 9, where the list item or quote it is in ends, is hidden/] });
      // Two items meant to be put aside: the comment ends with the first one, and the `-->` in the second closes nothing.
      const twoItems = lines(...front, '## Actions', '', '- <!-- [ ] @sam draft the RFC', '- [ ] @ana review it -->', '', '## Notes', '', 'Text.', '');
      expectOne(problemsOf('p/sessions/2026-02-02.md', twoItems), { code: 'session/hidden-by-comment', severity: 'warning', range: [8, 3, 8, 7], message: [/^This comment is never closed: everything after it, to the end of its line, where the list item or quote it is in ends \(the `-->` on line 9 is outside it, and closes nothing\), is hidden .* Close it with `-->` where it should end, before its list item or quote ends\.$/] });
      const inQuote = lines(...front, '## Notes', '', '> <!-- a quote', '> still in it', '', 'We went through the RFC.', '');
      expectOne(problemsOf('p/sessions/2026-02-02.md', inQuote), { code: 'session/hidden-by-comment', severity: 'warning', range: [8, 3, 8, 7], message: [/everything after it, to line 9, where the list item or quote it is in ends,/] });
    });

    it('says nothing of the template\'s hints, comments over action items (tasks put aside), comments in code, or inline', () => {
      const ok = lines(...front, '## Notes', '', '<!-- What you talked about, in your own words. -->', '', '<!--', '- [ ] @sam an idea for later', '-->', '', '```', '<!-- not a comment', '## not a heading', '```', '', 'Text <!-- inline --> more.', '', '`<!--` in code', '');
      expectNone(problemsOf('p/sessions/2026-02-02.md', ok), 'session/hidden-by-comment');
    });
  });

  describe('session/next-before-date', () => {
    it('reports a next before the session, or on its day, at the next value (block and flow styles)', async () => {
      const before = SESSION.replace('next: 2026-02-16', 'next: 2026-01-26');
      const line = lineOf(before, 'next:');
      const { problems } = await check(relationship({ 'p/sessions/2026-02-02.md': before }));
      expectOne(problems('p/sessions/2026-02-02.md'), { code: 'session/next-before-date', severity: 'warning', range: [line, 7, line, 17], message: [/^`next` \(2026-01-26\) is before this session \(2026-02-02\): write the day the partners plan to meet next, after 2026-02-02\.$/] });
      const same = lines('---', '{type: session, date: 2026-02-02, next: "2026-02-02"}', '---', '');
      const flow = await check(relationship({ 'p/sessions/2026-02-02.md': same }));
      expectOne(flow.problems('p/sessions/2026-02-02.md'), { code: 'session/next-before-date', severity: 'warning', range: [2, 41, 2, 53], message: [/is the same day as this session/] });
    });

    it('reports nothing for a next after the session, and nothing for a session whose YAML is broken', async () => {
      expectNone((await check(relationship({}))).problems('p/sessions/2026-02-02.md'), 'session/next-before-date');
      const broken = SESSION.replace('next: 2026-02-16', 'next: 2026-01-26').replace('duration: 60', 'duration: [60');
      expectNone((await check(relationship({ 'p/sessions/2026-02-02.md': broken }))).problems('p/sessions/2026-02-02.md'), 'session/next-before-date');
    });
  });

  describe('session body', () => {
    const body = lines(
      '---', //                                                                1
      'type: session', //                                                      2
      'date: 2026-02-02', //                                                   3
      '---', //                                                                4
      '', //                                                                   5
      '## Questions', //                                                       6
      '', //                                                                   7
      'What makes a *good* design doc?', //                                    8
      '', //                                                                   9
      '## Notes', //                                                           10
      '', //                                                                   11
      'Talked about [[design-doc]] and `[[not-a-ref]]` in code.', //           12
      '', //                                                                   13
      'Second paragraph.', //                                                  14
      '', //                                                                   15
      '## Summary', //                                                         16
      '', //                                                                   17
      'A good start.', //                                                      18
      '', //                                                                   19
      '## Actions', //                                                         20
      '', //                                                                   21
      '- [ ] @sam Outline the doc (due 2026-02-10) [[design-doc]]', //        22
      '- [x] Read chapter 3', //                                               23
      '- [X] @priya.r Send examples', //                                       24
      '- [ ] Ask the team (DUE 2026-02-20)', //                                25
      '- a plain list item, not an action', //                                 26
      '  - [ ] @lee nested task [[rust-basics]]', //                           27
      '',
    );

    it('splits sections by heading, keyed by the lower-cased heading text', () => {
      const session = parseFile('p/sessions/2026-02-02.md', body).session!;
      assert.deepEqual(Object.keys(session.sections), ['questions', 'notes', 'summary', 'actions']);
      assert.equal(session.sections.questions, 'What makes a *good* design doc?');
      assert.equal(session.sections.notes, 'Talked about [[design-doc]] and `[[not-a-ref]]` in code.\n\nSecond paragraph.');
      assert.equal(session.sections.summary, 'A good start.');
    });

    it('reads task items as actions: owner and due optional, [x] and [X] done, nested items too', () => {
      const session = parseFile('p/sessions/2026-02-02.md', body).session!;
      assert.deepEqual(
        session.actions.map(({ source: _source, ...a }) => a),
        [
          { text: 'Outline the doc [[design-doc]]', done: false, owner: 'sam', due: '2026-02-10', goalRefs: ['design-doc'] },
          { text: 'Read chapter 3', done: true, goalRefs: [] },
          { text: 'Send examples', done: true, owner: 'priya.r', goalRefs: [] },
          { text: 'Ask the team', done: false, due: '2026-02-20', goalRefs: [] },
          { text: 'nested task [[rust-basics]]', done: false, owner: 'lee', goalRefs: ['rust-basics'] },
        ],
      );
      assert.deepEqual(session.actions[0]!.source, { file: 'p/sessions/2026-02-02.md', range: { start: { line: 22, column: 1 }, end: { line: 22, column: 59 } } });
    });

    it('finds [[id]] references in text and task items, not in code, with the span of the id', () => {
      const session = parseFile('p/sessions/2026-02-02.md', body).session!;
      assert.deepEqual(
        session.references.map((r) => [r.id, r.via, r.range.start.line, r.range.start.column, r.range.end.column]),
        [
          ['design-doc', 'body', 12, 16, 26],
          ['design-doc', 'body', 22, 47, 57],
          ['rust-basics', 'body', 27, 28, 39],
        ],
      );
      assert.deepEqual(session.goals, ['design-doc', 'rust-basics']);
    });

    it('merges goals from goals:, progress: and the body, and keeps a heading named like Object members as text', () => {
      const file = parseFile('p/sessions/2026-02-02.md', SESSION.replace('## Questions', '## constructor').replace('## Actions', '## `__proto__`'));
      const session = file.session!;
      assert.deepEqual(session.goals, ['rust-basics', 'design-doc']);
      assert.deepEqual(session.progress, { 'design-doc': 40 });
      assert.equal(session.sections.constructor, 'How do reviewers read a design doc?');
      assert.equal(Object.getOwnPropertyDescriptor(session.sections, '__proto__')?.value?.startsWith('- [ ] @sam'), true);
      assert.equal(({} as Record<string, unknown>).polluted, undefined);
    });
  });

  describe('action items: due markers', () => {
    // The stranger's journal: flow-map front matter, quoted values, CRLF line ends.
    const crlf = (...l: string[]) => l.join('\r\n');
    const file = crlf(
      '---', //                                                           1
      'type: "session"', //                                               2
      "date: '2026-11-25'", //                                            3
      'pulse: {mentor: 4, mentee: 3}  # flow map', //                     4
      '---', //                                                           5
      '', //                                                              6
      '## Notes', //                                                      7
      '', //                                                              8
      '- [ ] @ben item with (due 2026-02-30) impossible date', //         9
      '- [ ] @ben item with (due 2026-11-31) and text after', //          10
      '- [ ] @ben item (due 2026-11-28) (due 2026-12-28)', //             11
      '1. [ ]  @ben (DUE  2027-02-29) first', //                          12
      '- [ ] @ben fine (due 2026-11-30)', //                              13
      '```', //                                                           14
      '- [ ] @ben in a fence (due 2026-02-31)', //                        15
      '```', //                                                           16
      '',
    );

    it('says action items and due dates as a Japanese input method or a German writer types them, at each, rather than dropping them', () => {
      const body = [
        '- ［ ］ @hanako 資料を送る', //                           6
        '- [\u3000] @hanako 二つ目', //                          7
        '- [ｘ] @hanako 三つ目', //                               8
        '', //                                                   9
        '・ [ ] @hanako 四つ目', //                               10
        '', //                                                   11
        '- [ ] @hanako 五つ目 (due 2026年11月20日)', //            12
        '- [ ] @hanako 六つ目 (due ２０２６-１２-０５)', //        13
        '- [ ] @jürgen sieben (due 5. Dezember 2026)', //        14
        '- [ ] @jürgen acht (due to 3 people)', //                15
      ];
      const file = parseFile('p/sessions/2026-11-25.md', lines('---', 'type: session', 'date: 2026-11-25', '---', '', ...body, ''));
      assert.deepEqual(
        file.problems.map((p) => [p.code, p.range.start.line, p.range.start.column, p.range.end.column, p.message.replace(/, so .*$/, '')]),
        [
          ['action/not-a-task', 6, 3, 6, '`［ ］` is not a checkbox'],
          ['action/not-a-task', 7, 3, 6, '`[\u3000]` is not a checkbox'],
          ['action/not-a-task', 8, 3, 6, '`[ｘ]` is not a checkbox'],
          ['action/not-a-task', 10, 1, 2, '`・` is not a list marker to Markdown'],
          ['date/format', 12, 24, 35, '`2026年11月20日` in this due marker is not a date written YYYY-MM-DD'],
          ['date/format', 13, 24, 34, '`２０２６-１２-０５` in this due marker is not a date written YYYY-MM-DD'],
          ['date/format', 14, 27, 43, '`5. Dezember 2026` in this due marker is not a date written YYYY-MM-DD'],
        ],
      );
      // A full-width `＠` names the owner, as `@` does.
      assert.equal(parseFile('p/sessions/2026-11-25.md', lines('---', 'type: session', 'date: 2026-11-25', '---', '', '- [ ] ＠hanako 資料を送る (due 2026-12-01)', '')).session!.actions[0]!.owner, 'hanako');
      assert.match(file.problems[4]!.message, /write `\(due 2026-11-20\)`\.$/);
      assert.match(file.problems[5]!.message, /write `\(due 2026-12-05\)`\.$/);
      assert.match(file.problems[6]!.message, /write `\(due 2026-12-05\)`\.$/);
    });

    it('reads no due marker inside inline code: the one after it is the due date, and the code stays in the text', () => {
      const text = lines('---', 'type: session', 'date: 2026-11-25', '---', '', '- [ ] @finn run `make (due 2027-01-01)` and fix the build (due 2027-01-20)', '- [ ] @finn try ``a ` (due: 2027-01-05)`` first', '');
      const file = parseFile('p/sessions/2026-11-25.md', text);
      assert.deepEqual(file.problems, []);
      assert.deepEqual(
        file.session!.actions.map((a) => [a.text, a.due, a.invalidDue]),
        [
          ['run `make (due 2027-01-01)` and fix the build', '2027-01-20', undefined],
          ['try ``a ` (due: 2027-01-05)`` first', undefined, undefined],
        ],
      );
    });

    it('reports an impossible date in a (due ...) marker at the date, and the item has no due date', () => {
      const parsed = parseFile('p/sessions/2026-11-25.md', file);
      const impossible = parsed.problems.filter((p) => p.code === 'date/impossible');
      assert.deepEqual(
        impossible.map((p) => [p.severity, p.range.start.line, p.range.start.column, p.range.end.line, p.range.end.column]),
        [['error', 9, 27, 9, 37], ['error', 10, 27, 10, 37], ['error', 12, 20, 12, 30]],
      );
      assert.match(impossible[0]!.message, /2026-02-30 is not a day in the calendar, so this action item has no due date/);
      const actions = parsed.session!.actions;
      assert.deepEqual(
        actions.map((a) => [a.text, a.due, a.invalidDue]),
        [
          ['item with impossible date', undefined, '2026-02-30'],
          ['item with and text after', undefined, '2026-11-31'],
          ['item (due 2026-12-28)', '2026-11-28', undefined],
          ['first', undefined, '2027-02-29'],
          ['fine', '2026-11-30', undefined],
        ],
      );
    });

    it('reports a due date written another way (date/format, at the date), with the date to write where it can mean only one; the item has no due date', () => {
      const text = lines(
        '---', 'type: session', 'date: 2026-11-20', '---', '',
        '- [ ] @bo one (due 2026-1-5)', //          6
        '- [ ] @bo two (due 5.1.2026)', //          7
        '- [ ] @bo three (due: 2026-11-30)', //     8
        '- [ ] @bo four (due 2026/11/30)', //       9
        '- [ ] @bo five (due Nov 30)', //           10
        '- [ ] @bo six (due 11/30/2026)', //        11
        '- [ ] @bo seven (due to the holidays) later', // 12
        '- [ ] @bo eight (due 2026-12-02) (due: 2026-12-09)', // 13
        '- [ ] @bo nine (due by 2026-12-01)', // 14
        '- [ ] @bo ten (due 2026-12-01 10:00)', // 15
        '- [ ] @bo eleven (due 2026-12-01, maybe)', // 16
        '- [ ] @bo twelve (due 12/1)', // 17
        '- [x] @bo done long ago (due 2026-1-5)', // 18
        '- [ ] @bo thirteen (due 3 people said so)', // 19
        '',
      );
      const parsed = parseFile('p/sessions/2026-11-20.md', text);
      assert.deepEqual(
        parsed.problems.map((p) => [p.code, p.range.start.line, p.range.start.column, p.range.end.column, p.message]),
        [
          ['date/format', 6, 20, 28, '`2026-1-5` in this due marker is not a date written YYYY-MM-DD, so this action item has no due date: write `(due 2026-01-05)`.'],
          ['date/format', 7, 20, 28, '`5.1.2026` in this due marker is not a date written YYYY-MM-DD, so this action item has no due date: write `(due 2026-01-05)`.'],
          ['date/format', 8, 23, 33, 'This due marker is not written `(due YYYY-MM-DD)`, so this action item has no due date: write `(due 2026-11-30)`.'],
          ['date/format', 9, 21, 31, '`2026/11/30` in this due marker is not a date written YYYY-MM-DD, so this action item has no due date: write `(due 2026-11-30)`.'],
          ['date/format', 10, 21, 27, '`Nov 30` in this due marker is not a date written YYYY-MM-DD, so this action item has no due date: write `(due YYYY-MM-DD)`.'],
          ['date/format', 11, 20, 30, '`11/30/2026` in this due marker is not a date written YYYY-MM-DD, so this action item has no due date: write `(due YYYY-MM-DD)`.'],
          ['action/due-repeated', 13, 34, 51, 'This action item already has a due marker, at column 17; only the first one counts, and this one is read as text. Keep one `(due YYYY-MM-DD)`.'],
          ['date/format', 14, 24, 34, 'This due marker is not written `(due YYYY-MM-DD)`, so this action item has no due date: write `(due 2026-12-01)`.'],
          ['date/format', 15, 20, 30, 'This due marker is not written `(due YYYY-MM-DD)`, so this action item has no due date: write `(due 2026-12-01)`.'],
          ['date/format', 16, 23, 33, 'This due marker is not written `(due YYYY-MM-DD)`, so this action item has no due date: write `(due 2026-12-01)`.'],
          ['date/format', 17, 23, 27, '`12/1` in this due marker is not a date written YYYY-MM-DD, so this action item has no due date: write `(due YYYY-MM-DD)`.'],
        ],
      );
      assert.deepEqual(
        parsed.session!.actions.map((a) => [a.text, a.due, a.invalidDue]),
        [
          ['one', undefined, '2026-1-5'],
          ['two', undefined, '5.1.2026'],
          ['three', undefined, '2026-11-30'],
          ['four', undefined, '2026/11/30'],
          ['five', undefined, 'Nov 30'],
          ['six', undefined, '11/30/2026'],
          ['seven (due to the holidays) later', undefined, undefined],
          ['eight (due: 2026-12-09)', '2026-12-02', undefined],
          ['nine', undefined, '2026-12-01'],
          ['ten', undefined, '2026-12-01'],
          ['eleven', undefined, '2026-12-01'],
          ['twelve', undefined, '12/1'],
          ['done long ago', undefined, '2026-1-5'],
          ['thirteen (due 3 people said so)', undefined, undefined],
        ],
      );
      assert.equal(noValidDue('2026-1-5'), 'no valid due date: 2026-1-5 is not written YYYY-MM-DD');
      assert.equal(noValidDue('2026-11-30'), 'no valid due date: write it (due 2026-11-30)');
      assert.equal(noValidDue('0026-11-05'), 'no valid due date: 0026-11-05 is in the year 26: write the year in full');
      assert.equal(noValidDue('2026-02-30'), 'no valid due date: 2026-02-30 is not a day in the calendar');
    });

    it('reports more ways of writing a due date: a weekday before it, a time or a range after it, other dashes', () => {
      const text = lines('---', 'type: session', 'date: 2026-11-20', '---', '', '- [ ] @bo a (due Wed 2026-12-02)', '- [ ] @bo b (due 2026-12-01T10:00)', '- [ ] @bo c (due 2026-12-01 to 2026-12-05)', '- [ ] @bo d (due ~2026-12-01)', '- [ ] @bo e (due 2026-12-01!)', '- [ ] @bo f (due 2026\u201112\u201101)', '');
      const parsed = parseFile('p/sessions/2026-11-20.md', text);
      assert.deepEqual(parsed.problems.map((p) => [p.code, p.range.start.line, p.message.replace(/, so this.*$/, '')]), [
        ['date/format', 6, 'This due marker is not written `(due YYYY-MM-DD)`'],
        ['date/format', 7, 'This due marker is not written `(due YYYY-MM-DD)`'],
        ['date/format', 8, 'This due marker is not written `(due YYYY-MM-DD)`'],
        ['date/format', 9, 'This due marker is not written `(due YYYY-MM-DD)`'],
        ['date/format', 10, 'This due marker is not written `(due YYYY-MM-DD)`'],
        ['date/format', 11, '`2026\u201112\u201101` in this due marker is not a date written YYYY-MM-DD'],
      ]);
      assert.match(parsed.problems[5]!.message, /write `\(due 2026-12-01\)`\.$/);
      assert.deepEqual(parsed.session!.actions.map((a) => [a.due, a.invalidDue]), [[undefined, '2026-12-02'], [undefined, '2026-12-01'], [undefined, '2026-12-01'], [undefined, '2026-12-01'], [undefined, '2026-12-01'], [undefined, '2026\u201112\u201101']]);
    });

    it('reports a list item that starts like an action item but whose box is not a checkbox (action/not-a-task), at the box', () => {
      const text = lines('---', 'type: session', 'date: 2026-11-20', '---', '', '- [] @bo a', '- [ ]@bo b', '- [x ] @bo c', '- [-] @bo d', '- [ ] @bo real', '- [link](https://example.org)', '- [x] done', '');
      const problems = problemsOf('p/sessions/2026-11-20.md', text);
      assert.deepEqual(problems.map((p) => [p.code, p.severity, p.range.start.line, p.range.start.column, p.range.end.column]), [
        ['action/not-a-task', 'warning', 6, 3, 5],
        ['action/not-a-task', 'warning', 7, 3, 6],
        ['action/not-a-task', 'warning', 8, 3, 7],
        ['action/not-a-task', 'warning', 9, 3, 6],
      ]);
      expectOne(problemsOf('p/sessions/2026-11-20.md', lines('---', 'type: session', 'date: 2026-11-20', '---', '', '- [] @bo a', '')), { code: 'action/not-a-task', severity: 'warning', range: [6, 3, 6, 5], message: [/^`\[\]` is not a checkbox, so this item is not read as an action item: write `\[ \]` \(or `\[x\]` once it is done\) and a space after it, as in `- \[ \] @sam draft the outline`\.$/] });
      assert.match(problems[1]!.message, /^`\[ \]` needs a space after it to be a checkbox, so this item is not read as an action item: write `\[ \] `/);
      // Links and references are not boxes.
      const links = lines('---', 'type: session', 'date: 2026-11-20', '---', '', '- [x](https://x.com/ourteam) our account on X', '- [X][ref] a reference', '- [ ]: https://example.org', '');
      expectNone(problemsOf('p/sessions/2026-11-20.md', links), 'action/not-a-task');
      // Followed, each is an action item.
      const fixed = parseFile('p/sessions/2026-11-20.md', text.replace('- [] @bo a', '- [ ] @bo a').replace('- [ ]@bo b', '- [ ] @bo b').replace('- [x ] @bo c', '- [x] @bo c').replace('- [-] @bo d', '- [ ] @bo d'));
      assert.deepEqual(fixed.problems, []);
      assert.deepEqual(fixed.session!.actions.map((a) => a.text), ['a', 'b', 'c', 'd', 'real', 'done']);
    });

    it('reports a line written like an action item with no space after the dash (action/not-a-task), at the dash and the box', () => {
      const text = lines('---', 'type: session', 'date: 2026-11-20', '---', '', '-[ ] @bo a (due 2026-12-01)', '+[x] @bo b', '> -[ ] @bo quoted', '*[ ] @bo c', '', '*[ ] is *emphasis* here', '-[x]', 'text -[ ] not at the start', '');
      const problems = problemsOf('p/sessions/2026-11-20.md', text);
      assert.deepEqual(problems.map((p) => [p.code, p.severity, p.range.start.line, p.range.start.column, p.range.end.line, p.range.end.column]), [
        ['action/not-a-task', 'warning', 6, 1, 6, 5],
        ['action/not-a-task', 'warning', 7, 1, 7, 5],
        ['action/not-a-task', 'warning', 8, 3, 8, 7],
        ['action/not-a-task', 'warning', 9, 1, 9, 5],
      ]);
      assert.equal(problems[0]!.message, '`-[ ]` needs a space after the `-` to be a list item, so this line is not read as an action item: write `- [ ]`, as in `- [ ] @sam draft the outline`.');
      // Followed, each is an action item, and nothing else is said.
      const fixed = parseFile('p/sessions/2026-11-20.md', text.replace('-[ ] @bo a', '- [ ] @bo a').replace('+[x]', '+ [x]').replace('> -[ ]', '> - [ ]').replace('*[ ] @bo c', '* [ ] @bo c'));
      assert.deepEqual(fixed.problems, []);
      assert.deepEqual(fixed.session!.actions.map((a) => [a.text, a.due]), [['a', '2026-12-01'], ['b', undefined], ['quoted', undefined], ['c', undefined]]);
    });

    it('reports due dates in markers written with quotes, stars, eight digits, a space or a letter more, and without the parentheses, at the date', () => {
      const text = lines('---', 'type: session', 'date: 2026-11-20', '---', '',
        '- [ ] @z a (due 20260105)', '- [ ] @z b (due "2026-01-05")', '- [ ] @z c (due 10000-01-05)', '- [ ] @z d (due +2026-01-05)', '- [ ] @z e ( due 2026-01-05)', '- [ ] @z f (due **2026-01-05**)', '- [ ] @z g (due 2026-01-05Z)',
        '- [ ] @z h due 2026-11-05', '- [ ] @z i [due 2026-11-05]', '- [ ] @z j due: 2026-11-05.', '- [ ] @z k it was due 2026-11-05 but we moved it', '- [x] @z l done, due 2026-11-05', '');
      const parsed = parseFile('p/sessions/2026-11-20.md', text);
      assert.deepEqual(parsed.problems.map((p) => [p.code, p.range.start.line, p.range.start.column, p.range.end.column]), [
        ['date/format', 6, 17, 25], ['date/format', 7, 18, 28], ['date/format', 8, 17, 28], ['date/format', 9, 18, 28], ['date/format', 10, 18, 28], ['date/format', 11, 19, 29], ['date/format', 12, 17, 27],
        ['date/format', 13, 16, 26], ['date/format', 14, 17, 27], ['date/format', 15, 17, 27],
      ]);
      assert.equal(parsed.problems[0]!.message, '`20260105` in this due marker is not a date written YYYY-MM-DD, so this action item has no due date: write `(due 2026-01-05)`.');
      assert.equal(parsed.problems[7]!.message, 'This due date is not in a due marker, so this action item has no due date: write `(due 2026-11-05)`, in parentheses.');
      // The items keep the date as written, so that `actions`, the view and the review say why they have none.
      // (A ticked one too, as one written `(due: ...)`; nothing is reported for it.) Their text is without the date, as with a marker.
      assert.deepEqual(parsed.session!.actions.slice(7).map((a) => [a.due, a.invalidDue, a.text]), [[undefined, '2026-11-05', 'h'], [undefined, '2026-11-05', 'i'], [undefined, '2026-11-05', 'j'], [undefined, undefined, 'k it was due 2026-11-05 but we moved it'], [undefined, '2026-11-05', 'l done,']]);
      // Followed, each has its due date.
      const fixed = text.replace(/\(due [^)]*\)|\( due [^)]*\)|\[due [^\]]*\]|due:? 2026-11-05\.?$/gm, '(due 2026-01-05)').replace('(due 2026-01-05) but we moved it', 'due 2026-11-05 but we moved it');
      assert.deepEqual(parseFile('p/sessions/2026-11-20.md', fixed).problems, []);
    });

    it('reports a due marker in full-width parentheses, and a marker written another way beside another, at each', () => {
      const text = lines('---', 'type: session', 'date: 2026-11-20', '---', '', '- [ ] @bo a (due 2026-12-01) (due 2026-1-5)', '- [ ] @bo b \uFF08due 2026-12-02\uFF09', '- [ ] @bo c (due 2026-1-5) (due 5.1.2026)', '- [ ] @bo d (due 2026-1-5) (due 2026-01-06)', '');
      const parsed = parseFile('p/sessions/2026-11-20.md', text);
      assert.deepEqual(parsed.problems.map((p) => [p.code, p.range.start.line, p.range.start.column, p.range.end.column]), [
        ['action/due-repeated', 6, 30, 44],
        ['date/format', 7, 18, 28],
        ['date/format', 8, 18, 26],
        ['action/due-repeated', 8, 28, 42],
        ['action/due-repeated', 9, 13, 27],
      ]);
      assert.equal(parsed.problems[1]!.message, 'This due marker is written with full-width parentheses `\uFF08 \uFF09`, not `( )`, so this action item has no due date: write `(due 2026-12-02)`.');
      assert.equal(parsed.problems[4]!.message, 'This action item has another due marker, at column 28, and that one counts, as it is written `(due YYYY-MM-DD)`; this one is read as text. Keep one `(due YYYY-MM-DD)`.');
      assert.deepEqual(parsed.session!.actions.map((a) => [a.due, a.invalidDue]), [['2026-12-01', undefined], [undefined, '2026-12-02'], [undefined, '2026-1-5'], ['2026-01-06', undefined]]);
    });

    it('reports due markers with several words before the date, or a range written without spaces', () => {
      const text = lines('---', 'type: session', 'date: 2026-11-20', '---', '', '- [ ] @bo a (due on Wed 2026-12-02)', '- [ ] @bo b (due by Wednesday, 2026-12-02)', '- [ ] @bo c (due by ~2026-12-01)', '- [ ] @bo d (due 2026-12-01\u201305)', '- [ ] @bo e (due 2026-12-01/05)', '- [ ] @bo f (due diligence)', '');
      const parsed = parseFile('p/sessions/2026-11-20.md', text);
      assert.deepEqual(parsed.problems.map((p) => [p.code, p.range.start.line]), [['date/format', 6], ['date/format', 7], ['date/format', 8], ['date/format', 9], ['date/format', 10]]);
      assert.deepEqual(parsed.session!.actions.map((a) => a.invalidDue), ['2026-12-02', '2026-12-02', '2026-12-01', '2026-12-01', '2026-12-01', undefined]);
    });

    it('puts a problem of a due marker written before the @owner at the marker\'s date, and one after it at its own', () => {
      const text = lines('---', 'type: session', 'date: 2026-11-25', '---', '', '- [ ] (due 2026-02-30) @ben item (due 2026-12-01)', '');
      assert.deepEqual(problemsOf('p/sessions/2026-11-25.md', text).map((p) => [p.code, p.range.start.line, p.range.start.column, p.range.end.column]), [['date/impossible', 6, 12, 22], ['action/due-repeated', 6, 34, 50]]);
    });

    it('says a due date before the year 100 is in that year, at the date', () => {
      const text = lines('---', 'type: session', 'date: 2026-11-25', '---', '', '- [ ] @ben item (due 0026-12-01)', '');
      expectOne(problemsOf('p/sessions/2026-11-25.md', text), { code: 'date/impossible', severity: 'error', range: [6, 22, 6, 32], message: [/^0026-12-01 is in the year 26, before the year 100 the journal takes dates from, so this action item has no due date: write the year in full\.$/] });
    });

    it('reports a second (due ...) marker of one item at that marker (action/due-repeated), naming the column of the first', () => {
      const problems = parseFile('p/sessions/2026-11-25.md', file).problems;
      expectOne(problems, { code: 'action/due-repeated', severity: 'warning', range: [11, 34, 11, 50], message: [/already has a due marker, at column 17/, /only the first one counts/] });
    });

    it('reports a due date written without parentheses beside a well-written marker as a second marker, wherever it stands; a ticked item\'s markers not at all', () => {
      const text = lines('---', 'type: session', 'date: 2026-11-25', '---', '',
        '- [ ] @sam a1 (due 2026-05-01) due 2026-06-01', '- [ ] @sam a4 (due 2026-05-01) [due 2026-06-01]', '- [ ] @sam a5 due 2026-06-01 (due 2026-05-01)', '- [ ] @sam a7 (due 2026-05-01) due: 2026-06-01.',
        '- [ ] @sam a9 due 2026-06-01, due 2026-07-01', '- [x] @sam t1 (due 2026-02-30)', '- [x] @sam t2 (due 2026-05-01) (due 2026-06-01)', '- [x] @sam t3 due 2026-05-01', '- [X] @sam t4 (due 2026-5-1)', '');
      const parsed = parseFile('p/sessions/2026-11-25.md', text);
      assert.deepEqual(parsed.problems.map((p) => [p.code, p.range.start.line, p.range.start.column, p.range.end.column]), [
        ['action/due-repeated', 6, 32, 46],
        ['action/due-repeated', 7, 32, 48],
        ['action/due-repeated', 8, 15, 29],
        ['action/due-repeated', 9, 32, 47],
        // Two without parentheses: the first is the item's marker, written another way; the second one more.
        ['date/format', 10, 19, 29],
        ['action/due-repeated', 10, 31, 45],
      ]);
      assert.match(parsed.problems[2]!.message, /has another due marker, at column 30, and that one counts/);
      assert.match(parsed.problems[5]!.message, /already has a due marker, at column 15;/);
      assert.deepEqual(parsed.session!.actions.map((a) => [a.text, a.due ?? a.invalidDue, a.done]), [
        ['a1 due 2026-06-01', '2026-05-01', false],
        ['a4 [due 2026-06-01]', '2026-05-01', false],
        ['a5 due 2026-06-01', '2026-05-01', false],
        ['a7 due: 2026-06-01.', '2026-05-01', false],
        ['a9 , due 2026-07-01', '2026-06-01', false],
        ['t1', '2026-02-30', true],
        ['t2 (due 2026-06-01)', '2026-05-01', true],
        ['t3', '2026-05-01', true],
        ['t4', '2026-5-1', true],
      ]);
    });

    it('reports an open action item with nothing to do written, only an owner or a due marker (action/no-text), at its box', () => {
      const text = lines('---', 'type: session', 'date: 2026-11-25', '---', '', '## Actions', '',
        '- [ ] (due 2026-12-04)', '- [ ] @sam', '- [ ] @sam (due 2026-12-04)', '- [ ] @sam due 2026-12-04', '  - [ ] [due 2026-12-05]', '- [ ] @sam (due: 4 Dec)', '- [x] @sam (due 2026-12-04)', '- [ ] @sam draft it (due 2026-12-04)', '- [ ] `(due 2026-12-04)`', '');
      const parsed = parseFile('p/sessions/2026-11-25.md', text);
      assert.deepEqual(parsed.problems.filter((p) => p.code === 'action/no-text').map((p) => [p.range.start.line, p.range.start.column, p.range.end.column, p.severity]), [
        [8, 3, 6, 'warning'], [9, 3, 6, 'warning'], [10, 3, 6, 'warning'], [11, 3, 6, 'warning'], [12, 5, 8, 'warning'], [13, 3, 6, 'warning'],
      ]);
      assert.deepEqual(parsed.problems.filter((p) => p.code === 'action/no-text').map((p) => p.message.replace(/:.*/, '')), [
        'This action item says nothing to do (only a due date)', 'This action item says nothing to do (only its owner @sam)', 'This action item says nothing to do (only its owner @sam and a due date)',
        'This action item says nothing to do (only its owner @sam and a due date)', 'This action item says nothing to do (only a due date)', 'This action item says nothing to do (only its owner @sam and a due date)',
      ]);
      // (parseFile reads the file as check does: its body parsed for problems only when the cheap tests on its text say so.)
      expectOne(problemsOf('p/sessions/2026-11-25.md', lines('---', 'type: session', 'date: 2026-11-25', '---', '', '- [ ] @sam', '')), { code: 'action/no-text', severity: 'warning', range: [6, 3, 6, 6], message: [/says nothing to do \(only its owner @sam\): write what is to be done after the box/] });
    });

    it('names the line of the first marker when the item runs over two lines', () => {
      const text = lines('---', 'type: session', 'date: 2026-11-25', '---', '', '- [ ] @ben item (due 2026-11-28)', '  more text (due 2026-12-28)', '');
      expectOne(problemsOf('p/sessions/2026-11-25.md', text), { code: 'action/due-repeated', severity: 'warning', range: [7, 13, 7, 29], message: [/at line 6, column 17/] });
    });

    it('reports nothing for real dates, one marker per item, or markers outside action items', () => {
      const text = lines('---', 'type: session', 'date: 2026-11-25', '---', '', '- [ ] @ben fine (due 2026-11-30)', '', 'A plan (due 2026-02-30) (due 2026-03-01) in prose.', '', '    - [ ] indented code (due 2026-02-30)', '');
      const problems = problemsOf('p/sessions/2026-11-25.md', text);
      expectNone(problems, 'date/impossible');
      expectNone(problems, 'action/due-repeated');
    });
  });
});
