import assert from 'node:assert/strict';
import { closestValue } from '../../../src/core/validate';
import { AGREEMENT, check, expectCodes, expectNone, expectOne, GOAL, parseFile, problemsOf, relationship, REVIEW, SESSION } from './helpers';

const agreement = (text: string) => problemsOf('p/agreement.md', text);
const goal = (text: string) => problemsOf('p/goals/design-doc.md', text);
const session = (text: string) => problemsOf('p/sessions/2026-02-02.md', text);
const review = (text: string) => problemsOf('p/reviews/2026-03-01.md', text);

/** The 1-based line of the first line of `text` that starts with `prefix`. */
function lineOf(text: string, prefix: string): number {
  return text.split('\n').findIndex((l) => l.startsWith(prefix)) + 1;
}

describe('rules: schema/*, keys/unknown, date/*', () => {
  it('valid: the base agreement, goal, session and review files have no problem', () => {
    assert.deepEqual(agreement(AGREEMENT), []);
    assert.deepEqual(goal(GOAL), []);
    assert.deepEqual(session(SESSION), []);
    assert.deepEqual(review(REVIEW), []);
  });

  describe('schema/missing-key', () => {
    it('reports an optional value written empty inside a map at its key, not past the end of the line', () => {
      const signed = AGREEMENT.replace('signed: {mentor: 2026-01-05, mentee: 2026-01-06}', 'signed:\n  mentor: 2026-01-05\n  mentee:');
      expectOne(agreement(signed), { code: 'schema/invalid-type', severity: 'error', range: [11, 3, 11, 9], message: [/^`signed\.mentee` must be a date YYYY-MM-DD\.$/] });
      const progress = SESSION.replace('  design-doc: 40', '  design-doc:');
      expectOne(session(progress), { code: 'schema/invalid-type', severity: 'error', range: [8, 3, 8, 13], message: [/`progress\.design-doc` must be a number/] });
    });

    it('reports a key written with no value inside a map as missing, at the key (not past the end of the line)', () => {
      const nested = AGREEMENT.replace('mentee: Sam Okafor', 'mentee:\n  name:\n  handle: sam');
      const p = expectOne(agreement(nested), { code: 'schema/missing-key', severity: 'error', range: [5, 3, 5, 7], message: [/^Missing required key `mentee\.name`: expected a text\.$/] });
      assert.equal(p.data?.kind, 'missing-key');
    });

    it('reads mentor and mentors written together as one list of mentors, and says to keep one key, at mentor', () => {
      const both = AGREEMENT.replace('mentor: Priya Raman', 'mentor: Priya Raman\nmentors: [Cy Kim, Priya Raman]');
      expectOne(agreement(both), { code: 'schema/invalid-value', severity: 'error', range: [3, 1, 3, 7], message: [/^Both `mentor` and `mentors` are written; the mentors are read from both: write them all under `mentors` and delete `mentor`\.$/] });
      assert.deepEqual(parseFile('p/agreement.md', both).agreement?.mentors.map((p) => p.name), ['Priya Raman', 'Cy Kim']);
      // Followed, valid.
      assert.deepEqual(agreement(both.replace('mentor: Priya Raman\n', '')), []);
    });

    it('reports mentor or mentee written with no value at the key, and left out at the opening ---', () => {
      for (const empty of ['mentee:', 'mentee: ~', 'mentee: null']) {
        const p = expectOne(agreement(AGREEMENT.replace('mentee: Sam Okafor', empty)), { code: 'schema/missing-key', severity: 'error', range: [4, 1, 4, 7], message: [/^Missing required key `mentee` \(or `mentees` for group mentoring\): who is the mentee\?$/] });
        assert.equal(p.data?.kind, 'missing-key');
      }
      expectOne(agreement(AGREEMENT.replace('mentor: Priya Raman\n', '')), { code: 'schema/missing-key', severity: 'error', range: [1, 1, 1, 4], message: [/`mentor` \(or `mentors`/] });
      expectOne(agreement(AGREEMENT.replace('mentor: Priya Raman', 'mentors:')), { code: 'schema/missing-key', severity: 'error', range: [3, 1, 3, 8], message: [/`mentor` \(or `mentors`/] });
    });

    it('reports a missing top-level key at the opening ---, naming it and what it expects', () => {
      const p = expectOne(agreement(AGREEMENT.replace('started: 2026-01-05\n', '')), {
        code: 'schema/missing-key',
        severity: 'error',
        range: [1, 1, 1, 4],
        message: [/`started`/, /a date YYYY-MM-DD/],
      });
      assert.deepEqual(p.data, { kind: 'missing-key', key: 'started', placeholder: 'YYYY-MM-DD' });
      expectOne(goal(GOAL.replace('title: Write a design doc\n', '')), { code: 'schema/missing-key', severity: 'error', range: [1, 1, 1, 4], message: [/`title`/, /a short text/] });
      expectOne(session(SESSION.replace('date: 2026-02-02\n', '')), { code: 'schema/missing-key', severity: 'error', range: [1, 1, 1, 4], message: [/`date`/] });
      expectOne(review(REVIEW.replace('date: 2026-03-01\n', '')), { code: 'schema/missing-key', severity: 'error', range: [1, 1, 1, 4], message: [/`date`/] });
    });

    it('reports a key written without a value at the key', () => {
      expectOne(goal(GOAL.replace('title: Write a design doc', 'title:')), { code: 'schema/missing-key', severity: 'error', range: [3, 1, 3, 6], message: [/`title`/] });
    });

    it('asks for mentee (or mentees) when neither is there', () => {
      expectOne(agreement(AGREEMENT.replace('mentee: Sam Okafor\n', '')), { code: 'schema/missing-key', severity: 'error', range: [1, 1, 1, 4], message: [/`mentee`/, /`mentees`/] });
    });

    it('asks a formal agreement for `ends`, and lets an informal one go without', () => {
      const formal = AGREEMENT.replace('ends: 2026-12-18\n', '');
      const p = expectOne(agreement(formal), { code: 'schema/missing-key', severity: 'error', range: [1, 1, 1, 4], message: [/`ends`/, /formal/, /`formality: informal`/] });
      assert.deepEqual(p.data, { kind: 'missing-key', key: 'ends', placeholder: 'YYYY-MM-DD' });
      expectNone(agreement(formal.replace('cadence: biweekly', 'formality: informal')), 'schema/missing-key');
    });

    it('reports a missing key of an inline goal at its list item, naming the path', () => {
      const text = AGREEMENT.replace('  - id: rust-basics\n    title: Learn Rust basics\n', '  - title: Learn Rust basics\n');
      expectOne(agreement(text), { code: 'schema/missing-key', severity: 'error', range: [11, 5, 14, 20], message: [/`goals\[0\]\.id`/, /kebab-case id/] });
    });

    it('reports a missing nested key (closure.outcome) at its parent key', () => {
      const text = AGREEMENT.replace('goals:', 'closure:\n  date: 2026-12-18\ngoals:');
      expectOne(agreement(text), { code: 'schema/missing-key', severity: 'error', range: [10, 1, 10, 8], message: [/`closure\.outcome`/, /informal, friends, periodic-contact, ended/] });
    });
  });

  describe('schema/invalid-enum', () => {
    it('reports a value outside the allowed set at the value, listing the allowed values', () => {
      const p = expectOne(goal(GOAL.replace('status: active', 'status: done')), {
        code: 'schema/invalid-enum',
        severity: 'error',
        range: [4, 9, 4, 13],
        message: [/`status`/, /proposed, active, achieved, dropped, paused/],
      });
      assert.deepEqual(p.data, { kind: 'invalid-enum', key: 'status', allowed: ['proposed', 'active', 'achieved', 'dropped', 'paused'] });
      expectOne(session(SESSION.replace('duration: 60', 'status: postponed')), { code: 'schema/invalid-enum', severity: 'error', range: [5, 9, 5, 18], message: [/`status`/, /held, cancelled, missed/] });
      expectOne(agreement(AGREEMENT.replace('cadence: biweekly', 'format: one-on-one')), { code: 'schema/invalid-enum', severity: 'error', range: [7, 9, 7, 19], message: [/`format`/, /one-to-one/] });
      // A value written short: the one allowed value it starts.
      const outcome = AGREEMENT.replace('stage: building', 'stage: moving-on\nclosure: {date: 2026-10-01, outcome: periodic}');
      expectOne(agreement(outcome), { code: 'schema/invalid-enum', severity: 'error', range: [9, 38, 9, 46], message: [/`closure\.outcome` is `periodic`/, /did you mean `periodic-contact`\?/] });
      assert.equal(closestValue('end', ['informal', 'friends', 'periodic-contact', 'ended']), 'ended');
      assert.equal(closestValue('fri', ['informal', 'friends', 'friendship']), undefined, 'two values start so: none is suggested');
    });

    it('accepts the stage aliases 1-4 and rejects 5', () => {
      for (const [alias, stage] of [['1', 'creating'], ['2', 'building'], ['3', 'mastery'], ['4', 'moving-on']] as const) {
        const file = parseFile('p/agreement.md', AGREEMENT.replace('stage: building', `stage: ${alias}`));
        assert.equal(file.agreement?.stage, stage);
        expectNone(file.problems, 'schema/invalid-enum');
      }
      expectOne(agreement(AGREEMENT.replace('stage: building', 'stage: 5')), { code: 'schema/invalid-enum', severity: 'error', range: [8, 8, 8, 9], message: [/`stage`/, /^`stage` is `5`, which is not one of creating \(or 1\), building \(or 2\), mastery \(or 3\), moving-on \(or 4\)\.$/] });
      expectOne(agreement(AGREEMENT.replace('stage: building', 'stage: constructor')), { code: 'schema/invalid-enum', severity: 'error', range: [8, 8, 8, 19] });
    });

    it('reports nested values (closure.outcome) and inline goal values at the value', () => {
      const closure = AGREEMENT.replace('goals:', 'closure: {date: 2026-12-18, outcome: friend}\ngoals:');
      expectOne(agreement(closure), { code: 'schema/invalid-enum', severity: 'error', range: [10, 38, 10, 44], message: [/`closure\.outcome`/, /periodic-contact/] });
      expectOne(agreement(AGREEMENT.replace('status: active', 'status: started')), { code: 'schema/invalid-enum', severity: 'error', range: [13, 13, 13, 20], message: [/`goals\[0\]\.status`/] });
    });
  });

  describe('schema/invalid-type', () => {
    it('says a number in quotes where a number goes is a text, with the number to write', () => {
      const s = SESSION.replace('  design-doc: 40', "  design-doc: '40'").replace('duration: 60', 'duration: "45"');
      assert.deepEqual(session(s).map((p) => [p.code, p.range.start.line, p.range.start.column, p.message]), [
        ['schema/invalid-type', 5, 11, '`duration` must be a positive whole number of minutes: `"45"` is in quotes, which makes it a text: write `duration: 45`.'],
        ['schema/invalid-type', 8, 15, "`progress.design-doc` must be a number: `'40'` is in quotes, which makes it a text: write `design-doc: 40`."],
      ]);
      // A number the key does not take is not offered: only why it is no number.
      expectOne(session(SESSION.replace('duration: 60', 'duration: "-5"')), { code: 'schema/invalid-type', severity: 'error', range: [5, 11, 5, 15], message: [/: `"-5"` is in quotes, which makes it a text, not a number\.$/] });
      expectOne(session(SESSION.replace('  design-doc: 40', '  design-doc: "150"')), { code: 'schema/invalid-type', severity: 'error', range: [8, 15, 8, 20], message: [/: `"150"` is in quotes, which makes it a text, not a number\.$/] });
    });

    it('says more of what to write: one goal without its `- `, a date with a non-breaking space, a tag before a date, a key of one\'s own', () => {
      const one = AGREEMENT.replace(/\ngoals:[\s\S]*?(?=\n---)/, '\ngoals:\n  id: give-talk\n  title: Give a talk');
      expectOne(agreement(one).filter((p) => p.code === 'schema/invalid-type'), { code: 'schema/invalid-type', severity: 'error', range: [lineOf(one, '  id:'), 3, lineOf(one, '  title:'), 21], message: [/^`goals` must be a list of goals: write the goal as an item of the list, `- id: give-talk`, its other keys indented under `id:`\.$/] });
      expectOne(session(SESSION.replace('date: 2026-02-02', 'date: 2026-02-02\u00a0')).filter((p) => p.code === 'date/format'), { code: 'date/format', severity: 'error', range: [3, 7, 3, 17], message: [/^`date` must be a date written YYYY-MM-DD, and it holds a non-breaking space \(U\+00A0\): delete it\.$/] });
      expectOne(session(SESSION.replace('date: 2026-02-02', 'date: !!timestamp 2026-02-02')).filter((p) => p.range.start.line === 3), { code: 'schema/invalid-type', severity: 'error', range: [3, 7, 3, 18], message: [/: the tag `!!timestamp` before `2026-02-02` makes YAML read it as a timestamp\. Delete `!!timestamp`\.$/] });
      // `yes` is YAML 1.1's true, a text in 1.2.
      expectOne(agreement(AGREEMENT.replace('type: agreement', 'type: agreement\nconfidential: yes')), { code: 'schema/invalid-type', severity: 'error', range: [3, 15, 3, 18], message: [/^`confidential` must be true or false: `yes` is a text in YAML 1\.2, which the journal is read as \(in YAML 1\.1 it meant true\): write `confidential: true`\.$/] });
      // `next-steps: call Dev` holds `next`, which takes a date: no misspelling of it, so no suggestion (--fix left it, as it must).
      expectOne(session(SESSION.replace('next: 2026-02-16', 'next: 2026-02-16\nnext-steps: call Dev')), { code: 'keys/unknown', severity: 'warning', range: [10, 1, 10, 11], message: [/^Unknown key `next-steps`\.$/] });
    });

    it('says the agreement\'s goals written as a map of ids are to be a list, each with its `id`', () => {
      const text = AGREEMENT.replace(/\ngoals:[\s\S]*?(?=\n---)/, '\ngoals:\n  give-talk:\n    title: Give a talk\n    status: proposed');
      expectOne(agreement(text).filter((p) => p.code === 'schema/invalid-type'), { code: 'schema/invalid-type', severity: 'error', range: [lineOf(text, '  give-talk:'), 3, lineOf(text, '    status:'), 21], message: [/^`goals` must be a list of goals: write each goal as an item of a list, its id under `id`: `- id: give-talk`, then its other keys indented under `id:`\.$/] });
    });

    it('says list items written without the space after their `-` are no items, once, with the items to write (never the one text in brackets)', () => {
      const s = ['---', 'type: session', 'date: 2026-02-02', 'goals:', '  -design-doc', '  -talk', 'attendees:', '  -Carla', '  - Dev', '---', ''].join('\n');
      assert.deepEqual(session(s).map((p) => [p.code, p.range.start.line, p.range.start.column, p.range.end.line, p.range.end.column, p.message]).sort((a, b) => (a[1] as number) - (b[1] as number)), [
        ['schema/invalid-type', 5, 3, 6, 8, '`goals` must be a list of goal ids: `-design-doc` is no list item, since YAML needs a space after the `-`, so the lines are read as one text: write `- design-doc`, one item a line, or `goals: [design-doc, talk]`.'],
        ['schema/invalid-type', 8, 3, 9, 8, '`attendees` must be a list of names: `-Carla` is no list item, since YAML needs a space after the `-`, so the lines are read as one text: write `- Carla`, one item a line, or `attendees: [Carla, Dev]`.'],
      ]);
      expectOne(session(SESSION.replace('goals: [rust-basics]', 'goals: -rust-basics')), { code: 'schema/invalid-type', severity: 'error', range: [6, 8, 6, 20], message: [/: `-rust-basics` is no list item, .* so it is read as a text: write `- rust-basics` or `goals: \[rust-basics\]`\.$/] });
      // Followed, both are lists.
      assert.deepEqual(session(s.replace('  -design-doc\n  -talk', '  - design-doc\n  - talk').replace('  -Carla', '  - Carla')).filter((p) => p.code.startsWith('schema/') || p.code.startsWith('yaml/')), []);
    });

    it('says list items written with a bullet that is not YAML\'s `-` (an input method\'s `－`, a word processor\'s `–`) are no items, with the items to write', () => {
      const s = ['---', 'type: session', 'date: 2026-02-02', 'attendees:', '  － 佐藤 花子', '  － Jürgen Groß', 'goals:', '  – rust-basics', '---', ''].join('\n');
      assert.deepEqual(session(s).map((p) => [p.code, p.range.start.line, p.range.start.column, p.range.end.line, p.range.end.column, p.message]).sort((a, b) => (a[1] as number) - (b[1] as number)), [
        ['schema/invalid-type', 5, 3, 6, 16, '`attendees` must be a list of names: `－ 佐藤 花子` is no list item, since `－` (U+FF0D) is not the `-` YAML takes, so the lines are read as one text: write `- 佐藤 花子`, one item a line, or `attendees: [佐藤 花子, Jürgen Groß]`.'],
        ['schema/invalid-type', 8, 3, 8, 16, '`goals` must be a list of goal ids: `– rust-basics` is no list item, since `–` (U+2013) is not the `-` YAML takes, so it is read as a text: write `- rust-basics` or `goals: [rust-basics]`.'],
      ]);
      // Followed, both are lists.
      assert.deepEqual(session(s.replace(/－/g, '-').replace('–', '-')).filter((p) => p.code.startsWith('schema/') || p.code.startsWith('yaml/')), []);
    });

    it('says how to write it: a list in brackets, a number without %, a number or true/false in quotes where a text goes, a date as a date', () => {
      const s = SESSION.replace('attendees: [Priya Raman, Sam Okafor]', 'attendees: Priya Raman, Sam Okafor').replace('goals: [rust-basics]', 'goals: rust-basics').replace('  design-doc: 40', '  design-doc: 40%');
      assert.deepEqual(session(s).map((p) => [p.code, p.range.start.line, p.range.start.column, p.message]), [
        ['schema/invalid-type', 4, 12, '`attendees` must be a list of names: write it in brackets, `attendees: [Priya Raman, Sam Okafor]`.'],
        ['schema/invalid-type', 6, 8, '`goals` must be a list of goal ids: write it in brackets, `goals: [rust-basics]`.'],
        ['schema/invalid-type', 8, 15, '`progress.design-doc` must be a number: write the number without `%`, `design-doc: 40`.'],
      ]);
      // Items YAML would read as a number or null are quoted, so that the advice, followed, holds texts.
      const quotedItems = session(SESSION.replace('attendees: [Priya Raman, Sam Okafor]', 'attendees: Sam, 2026').replace('goals: [rust-basics]', 'goals: rust-basics, null'));
      assert.deepEqual(quotedItems.map((p) => p.message), ['`attendees` must be a list of names: write it in brackets, `attendees: [Sam, "2026"]`.', '`goals` must be a list of goal ids: write it in brackets, `goals: [rust-basics, "null"]`.']);
      expectOne(goal(GOAL.replace('title: Write a design doc', 'title: 2026')), { code: 'schema/invalid-type', severity: 'error', range: [3, 8, 3, 12], message: [/^`title` must be a short text: YAML reads `2026` as a number; put it in quotes, `title: "2026"`\.$/] });
      expectOne(agreement(AGREEMENT.replace('cadence: biweekly', 'cadence: Biweekly')), { code: 'schema/invalid-value', severity: 'error', range: [7, 10, 7, 18], message: [/: write `biweekly`\.$/] });
      for (const [written, hint] of [['"14"', /: for every 14 days, write `P14D`\.$/], ['14 days', /: for every 14 days, write `P14D`\.$/], ['{days: 14}', /: for every 14 days, write `cadence: P14D`\.$/], ['1', /: for every day, write `cadence: P1D`\.$/]] as const) {
        const found = agreement(AGREEMENT.replace('cadence: biweekly', `cadence: ${written}`)).filter((p) => p.code.startsWith('schema/'));
        assert.equal(found.length, 1, written);
        assert.match(found[0]!.message, hint);
      }
      // A cadence written as a number of days: the duration that means it, not quotes (a text no cadence takes).
      expectOne(agreement(AGREEMENT.replace('cadence: biweekly', 'cadence: 14')), { code: 'schema/invalid-type', severity: 'error', range: [7, 10, 7, 12], message: [/: for every 14 days, write `cadence: P14D`\.$/] });
      assert.deepEqual(agreement(AGREEMENT.replace('cadence: biweekly', 'cadence: P14D')), []);
      // At most a year between meetings: longer, and the dates worked out from it run past any calendar.
      assert.deepEqual(agreement(AGREEMENT.replace('cadence: biweekly', 'cadence: P1Y')), []);
      for (const [written, days] of [['P100000000D', '100,000,000'], ['P53W', '371']] as const) {
        expectOne(agreement(AGREEMENT.replace('cadence: biweekly', `cadence: ${written}`)), { code: 'schema/invalid-value', severity: 'error', range: [7, 10, 7, 10 + written.length], message: [new RegExp(`^\`cadence\` must be at most a year between meetings \\(\`P366D\` at most; \`P1Y\` counts as 365 days\\): \`${written}\` is ${days} days\\.$`)] });
      }
      // The word null is no value to YAML: said so, with the quotes that keep it (a goal may be named null); an empty value is not.
      expectOne(session('---\ntype: session\ndate: 2026-02-02\ngoals: [NULL]\n---\n'), { code: 'schema/invalid-type', severity: 'error', range: [4, 9, 4, 13], message: [/^`goals\[0\]` must be a text: YAML reads `NULL` as no value; put it in quotes, `"NULL"`\.$/] });
      expectOne(session('---\ntype: session\ndate: 2026-02-02\ngoals:\n  - ~\n---\n'), { code: 'schema/invalid-type', severity: 'error', range: [5, 5, 5, 6], message: [/^`goals\[0\]` must be a text\.$/] });
      // The value as written, not as YAML read it (2.0 is 2, 007 is 7).
      for (const v of ['2.0', '007', '1e3']) expectOne(goal(GOAL.replace('title: Write a design doc', `title: ${v}`)), { code: 'schema/invalid-type', severity: 'error', range: [3, 8, 3, 8 + v.length], message: [new RegExp(`YAML reads \`${v.replace('.', '\\.')}\` as a number; put it in quotes, \`title: "${v.replace('.', '\\.')}"\`\\.$`)] });
      expectOne(goal(GOAL.replace('due: 2026-05-29', 'due: 20260529')), { code: 'date/format', severity: 'error', range: [6, 6, 6, 14], message: [/^`due` must be a date written YYYY-MM-DD: write `due: 2026-05-29`\.$/] });
      expectOne(goal(GOAL.replace('due: 2026-05-29', 'due: "20260529"')), { code: 'date/format', severity: 'error', range: [6, 6, 6, 16], message: [/^`due` must be a date written YYYY-MM-DD: write `due: 2026-05-29`\.$/] });
      // Followed, each is valid.
      const fixed = s.replace('attendees: Priya Raman, Sam Okafor', 'attendees: [Priya Raman, Sam Okafor]').replace('goals: rust-basics', 'goals: [rust-basics]').replace('design-doc: 40%', 'design-doc: 40');
      assert.deepEqual(session(fixed), []);
      assert.deepEqual(goal(GOAL.replace('title: Write a design doc', 'title: "2026"')), []);
    });

    it('reports a value of the wrong type at the value, saying what is expected', () => {
      expectOne(agreement(AGREEMENT.replace('cadence: biweekly', 'confidential: yes')), { code: 'schema/invalid-type', severity: 'error', range: [7, 15, 7, 18], message: [/`confidential`/, /true or false/] });
      expectOne(session(SESSION.replace('duration: 60', 'duration: 1.5')), { code: 'schema/invalid-type', severity: 'error', range: [5, 11, 5, 14], message: [/`duration`/, /whole number of minutes/] });
      expectOne(session(SESSION.replace('goals: [rust-basics]', 'goals: rust-basics')), { code: 'schema/invalid-type', severity: 'error', range: [6, 8, 6, 19], message: [/`goals`/, /list of goal ids/] });
    });

    it('accepts a person as a name or as {name, handle, email}, and rejects anything else', () => {
      const file = parseFile('p/agreement.md', AGREEMENT.replace('mentor: Priya Raman', 'mentor: {name: Priya Raman, handle: priya, email: priya@example.org}'));
      assert.deepEqual(file.problems, []);
      assert.deepEqual(file.agreement?.mentors, [{ name: 'Priya Raman', handle: 'priya', email: 'priya@example.org' }]);
      expectOne(agreement(AGREEMENT.replace('mentor: Priya Raman', 'mentor: [Priya]')), { code: 'schema/invalid-type', severity: 'error', range: [3, 9, 3, 16], message: [/`mentor`/, /a name or \{name, handle, email\}/] });
    });

    it('a person written as a map is told what is wrong inside it: a missing name at the key, an unknown key with "did you mean"', () => {
      const noName = AGREEMENT.replace('mentee: Sam Okafor', 'mentee:\n  handle: cy\n  email: cy@example.org');
      assert.notEqual(noName, AGREEMENT);
      expectOne(agreement(noName), { code: 'schema/missing-key', severity: 'error', range: [4, 1, 4, 7], message: [/^Missing required key `mentee\.name`: expected a text\.$/] });
      expectOne(agreement(AGREEMENT.replace('mentor: Priya Raman', 'mentor: {name: Priya Raman, emial: p@example.org}')), { code: 'keys/unknown', severity: 'warning', range: [3, 29, 3, 34], message: [/^Unknown key `mentor\.emial`: did you mean `email`\?$/] });
      expectOne(agreement(AGREEMENT.replace('mentor: Priya Raman', 'mentor: {name: 5}')), { code: 'schema/invalid-type', severity: 'error', range: [3, 16, 3, 17], message: [/^`mentor\.name` must be a text: YAML reads `5` as a number; put it in quotes, `name: "5"`\.$/] });
    });

    it('calls a date a date, not a text, when it is missing or written empty inside a map', () => {
      const empty = agreement(AGREEMENT.replace('signed: {mentor: 2026-01-05, mentee: 2026-01-06}', 'signed:\n  mentor: 2026-01-05\n  mentee:'));
      assert.equal(empty.find((p) => p.code === 'schema/invalid-type')!.message, '`signed.mentee` must be a date YYYY-MM-DD.');
      const closure = agreement(AGREEMENT.replace('---\n\n#', 'closure:\n  outcome: ended\n---\n\n#'));
      assert.equal(closure.find((p) => p.code === 'schema/missing-key')!.message, 'Missing required key `closure.date`: expected a date YYYY-MM-DD.');
    });

    it("reports a person's email that is not an email address at its value", () => {
      expectOne(agreement(AGREEMENT.replace('mentor: Priya Raman', 'mentor: {name: Priya Raman, email: priya at home}')), { code: 'schema/invalid-value', severity: 'error', range: [3, 36, 3, 49], message: [/`mentor\.email`/, /must be an email address such as priya@example\.org/] });
      assert.deepEqual(parseFile('p/agreement.md', AGREEMENT.replace('mentor: Priya Raman', 'mentor:\n  name: Priya Raman\n  email: "priya.raman+mentoring@example.org"')).problems, []);
    });

    it('says when a text in a list reads as a key and its value because of `: `, and how to quote it', () => {
      const text = SESSION.replace(/attendees: .*\n/, 'attendees:\n  - Priya\n  - Sam: joined late\n  - Noor:\n');
      const found = session(text).filter((p) => p.code === 'schema/invalid-type');
      assert.deepEqual(found.map((p) => [p.range.start.line, p.range.start.column, p.range.end.line, p.range.end.column]), [[6, 5, 6, 21], [7, 5, 7, 10]]);
      assert.equal(found[0]!.message, '`attendees[1]` must be a text: `Sam: joined late` reads as a key and its value because of the `:`; put the text in quotes, `"Sam: joined late"`.');
      assert.equal(found[1]!.message, '`attendees[2]` must be a text: `Noor:` reads as a key and its value because of the `:`; put the text in quotes, `"Noor:"`.');
      // A map written as one is not taken for a text.
      assert.match(session(text.replace('- Sam: joined late', '- {a: 1, b: 2}')).find((p) => p.code === 'schema/invalid-type')!.message, /^`attendees\[1\]` must be a text\.$/);
    });

    it('says when a map reads as one text because its keys have no colon, and what to write', () => {
      // `pulse:` then `  mentor 4`: valid YAML, a text where a map belongs.
      expectOne(session(SESSION.replace('next: 2026-02-16\n', 'next: 2026-02-16\npulse:\n  mentor 4\n')), {
        code: 'schema/invalid-type',
        severity: 'error',
        range: [11, 3, 11, 11],
        message: [/^`pulse` must be \{mentor: 1-5, mentee: 1-5\}: `mentor 4` has no `:` after the key `mentor`, so YAML reads what is under it as one text; write `mentor: 4`\.$/],
      });
      // Two such lines are one text (`mentor 4 mentee 5`), a blank line between or not: each is named.
      for (const lines of ['  mentor 4\n  mentee 5\n', '  mentor 4\n\n  mentee 5\n']) {
        assert.match(session(SESSION.replace('next: 2026-02-16\n', `pulse:\n${lines}next: 2026-02-16\n`)).find((p) => p.code === 'schema/invalid-type')!.message, /: `mentor 4` has no `:` after the key `mentor`, nor have the lines after it, so YAML reads what is under it as one text; write `mentor: 4`, `mentee: 5`\.$/);
      }
      // A goal id and a number under `progress:`, whose keys are any goal id.
      expectOne(session(SESSION.replace('  design-doc: 40', '  design-doc 40')), { code: 'schema/invalid-type', severity: 'error', range: [8, 3, 8, 16], message: [/^`progress` must be a map of goal id to 0-100: `design-doc 40` has no `:` after the key `design-doc`, so YAML reads what is under it as one text; write `design-doc: 40`\.$/] });
      // Two goals, folded into one text: each is named.
      assert.match(session(SESSION.replace('  design-doc: 40', '  design-doc 40\n  rust-basics 20')).find((p) => p.code === 'schema/invalid-type')!.message, /: `design-doc 40` has no `:` after the key `design-doc`, nor have the lines after it, .*; write `design-doc: 40`, `rust-basics: 20`\.$/);
      // Nested: the agreement's `signed` map.
      assert.match(agreement(AGREEMENT.replace(/signed: .*\n/, 'signed:\n  mentor 2026-01-06\n')).find((p) => p.code === 'schema/invalid-type')!.message, /`mentor 2026-01-06` has no `:` after the key `mentor`.*write `mentor: 2026-01-06`\.$/);
      // The whole value, over words and brackets, up to the next key of the map.
      assert.match(agreement(AGREEMENT.replace('---\n\n#', 'expectations:\n  mentee [honest feedback, time]\n---\n\n#')).find((p) => p.code === 'schema/invalid-type')!.message, /write `mentee: \[honest feedback, time\]`\.$/);
      assert.match(session(SESSION.replace('next: 2026-02-16\n', 'pulse:\n  mentor 4\n  mentee 5\n')).find((p) => p.code === 'schema/invalid-type')!.message, /`mentor 4` has no `:`.*write `mentor: 4`, `mentee: 5`\.$/);
      // A key whose value is a list is told to write a list.
      assert.match(agreement(AGREEMENT.replace('---\n\n#', 'expectations:\n  mentor come prepared\n---\n\n#')).find((p) => p.code === 'schema/invalid-type')!.message, /write `mentor: \[come prepared\]`\.$/);
      // In a flow map, a key glued to its value is a key of its own: told to add the colon, with no "did you mean" to rename it.
      const flowPulse = session(SESSION.replace('next: 2026-02-16\n', 'next: 2026-02-16\npulse: {mentor 4, mentee: 3}\n'));
      expectOne(flowPulse, { code: 'keys/unknown', severity: 'warning', range: [10, 9, 10, 17], message: [/^Unknown key `pulse\.mentor 4`: `mentor 4` has no `:` after the key `mentor`, so YAML reads it as a key without a value: write `mentor: 4`\.$/] });
      assert.deepEqual(flowPulse[0]!.data, { kind: 'unknown-key', key: 'mentor 4' });
      const glued = session(SESSION.replace('  design-doc: 40', '  design-doc: 40\n  rust-basics 20: ')).filter((p) => p.code === 'schema/invalid-type');
      assert.deepEqual(glued.map((p) => p.message), ['`progress.rust-basics 20` must be a number: `rust-basics 20` has no `:` after the key `rust-basics`, so YAML reads it as a key without a value; write `rust-basics: 20`.']);
      // Text that is not a key of the map, or not a number under `progress:`, gets no such advice.
      assert.match(session(SESSION.replace('next: 2026-02-16\n', 'pulse: felt good\n')).find((p) => p.code === 'schema/invalid-type')!.message, /^`pulse` must be \{mentor: 1-5, mentee: 1-5\}\.$/);
      assert.match(session(SESSION.replace('progress:\n  design-doc: 40', 'progress: good progress')).find((p) => p.code === 'schema/invalid-type')!.message, /^`progress` must be a map of goal id to 0-100\.$/);
    });

    it('reports an inline goal that is not a map at the item', () => {
      expectOne(agreement(AGREEMENT.replace('---\n\n#', '  - just a sentence\n---\n\n#')), { code: 'schema/invalid-type', severity: 'error', range: [16, 5, 16, 20], message: [/`goals\[1\]`/, /a map with id, title and status/] });
    });
  });

  describe('schema/invalid-value', () => {
    it('reports progress out of range', () => {
      expectOne(goal(GOAL.replace('progress: 40', 'progress: 140')), { code: 'schema/invalid-value', severity: 'error', range: [7, 11, 7, 14], message: [/`progress`/, /between 0 and 100/] });
      expectOne(session(SESSION.replace('design-doc: 40', 'design-doc: -5')), { code: 'schema/invalid-value', severity: 'error', range: [8, 15, 8, 17], message: [/`progress\.design-doc`/, /between 0 and 100/] });
    });

    it("keeps a progress map's valid entries when one is not valid, in a session and in a review", () => {
      // One value out of range must not lose what was written beside it: `rust-basics: 100` still counts.
      const text = SESSION.replace('  design-doc: 40', '  design-doc: 140\n  rust-basics: 100\n  __proto__: 20\n  wrong: x');
      const file = parseFile('p/sessions/2026-02-02.md', text);
      assert.deepEqual(file.problems.map((p) => `${p.code} ${p.range.start.line}:${p.range.start.column}`), ['schema/invalid-value 8:15', 'schema/invalid-type 11:10']);
      assert.deepEqual(Object.entries(file.session!.progress), [['rust-basics', 100], ['__proto__', 20]]);
      const none = parseFile('p/sessions/2026-02-02.md', SESSION.replace('  design-doc: 40', '  design-doc: 140'));
      assert.deepEqual(none.session!.progress, {});
      const rev = parseFile('p/reviews/2026-03-01.md', REVIEW.replace('  design-doc: {status: active, progress: 40}', '  design-doc: {status: active, progress: 400}\n  rust-basics: {status: achieved, progress: 100}'));
      assert.deepEqual(rev.problems.map((p) => p.code), ['schema/invalid-value']);
      assert.deepEqual(rev.review!.goals, { 'rust-basics': { status: 'achieved', progress: 100 } });
    });

    it('accepts named cadences and ISO-8601 durations, and rejects the rest', () => {
      for (const [cadence, days] of [['weekly', 7], ['biweekly', 14], ['fortnightly', 14], ['monthly', 30], ['P10D', 10], ['P3W', 21], ['P1M', 30]] as const) {
        const file = parseFile('p/agreement.md', AGREEMENT.replace('cadence: biweekly', `cadence: ${cadence}`));
        assert.deepEqual(file.problems, [], cadence);
        assert.equal(file.agreement?.cadence?.days, days, cadence);
      }
      for (const [cadence, end] of [['P0D', 13], ['daily', 15], ['3 weeks', 17], ['toString', 18]] as const) {
        expectOne(agreement(AGREEMENT.replace('cadence: biweekly', `cadence: ${cadence}`)), {
          code: 'schema/invalid-value',
          severity: 'error',
          range: [7, 10, 7, end],
          message: [/`cadence`/, /weekly, biweekly \(or fortnightly\), monthly or an ISO-8601 duration/],
        });
      }
    });

    it('reports a goal id that is not kebab-case, an empty text and an empty mentees list', () => {
      expectOne(agreement(AGREEMENT.replace('id: rust-basics', 'id: Rust Basics')), { code: 'schema/invalid-value', severity: 'error', range: [11, 9, 11, 20], message: [/`goals\[0\]\.id`/, /kebab-case/] });
      expectOne(goal(GOAL.replace('success: A design doc approved by the team', 'success: ""')), { code: 'schema/invalid-value', severity: 'error', range: [5, 10, 5, 12], message: [/`success`/, /must not be empty/] });
      const group = AGREEMENT.replace('mentor: Priya Raman\nmentee: Sam Okafor', 'mentors: [Priya Raman, Ana Lima]\nmentees: []');
      expectOne(agreement(group), { code: 'schema/invalid-value', severity: 'error', range: [4, 10, 4, 12], message: [/`mentees`/, /at least one mentee/] });
    });

    it('accepts group mentoring with mentors and mentees lists', () => {
      const group = AGREEMENT.replace('mentor: Priya Raman\nmentee: Sam Okafor', 'format: group\nmentors: [Priya Raman]\nmentees: [Sam Okafor, {name: Lee Chen, handle: lee}]');
      const file = parseFile('p/agreement.md', group);
      assert.deepEqual(file.problems, []);
      assert.deepEqual(file.agreement?.mentees, [{ name: 'Sam Okafor' }, { name: 'Lee Chen', handle: 'lee' }]);
      assert.equal(file.agreement?.format, 'group');
    });
  });

  describe('keys/unknown', () => {
    it('says a map\'s key written at the margin under its key (`progress:`, `pulse:`) is to be indented there, with or without keys indented above it', () => {
      const keys = (...lines: string[]) => session(['---', 'type: session', 'date: 2026-02-02', ...lines, '---', ''].join('\n')).filter((p) => p.code === 'keys/unknown');
      const [progress, mentor] = keys('progress:', 'design-doc: 60', 'pulse:', 'mentor: 2');
      assert.deepEqual([progress!.range, mentor!.range], [{ start: { line: 5, column: 1 }, end: { line: 5, column: 11 } }, { start: { line: 7, column: 1 }, end: { line: 7, column: 7 } }]);
      assert.equal(progress!.message, 'Unknown key `design-doc`: it comes after `progress:`, which has no value, so YAML reads it as a key of the front matter: if it belongs to `progress`, indent it under `progress:` (`  design-doc: 60`).');
      assert.match(mentor!.message, /^Unknown key `mentor`: it comes after `pulse:`, which has no value, .* indent it under `pulse:` \(` {2}mentor: 2`\)\.$/);
      assert.equal(progress!.data, undefined, 'no rename offered');
      // After keys indented under it, and past a comment line.
      const [late] = keys('progress:', '  write-rfc: 50', '# and', 'give-talk: 20');
      assert.equal(late!.message, 'Unknown key `give-talk`: it comes after `progress:` and the keys indented under it, but at the margin, so YAML reads it as a key of the front matter: if it belongs to `progress`, indent it under `progress:` (`  give-talk: 20`).');
      // Not a key after a text over lines, nor one a map does not take (`pulse:` takes `mentor` and `mentee` only).
      assert.doesNotMatch(keys('next: >-', '  soon', 'give-talk: 20')[0]!.message, /indent/);
      assert.doesNotMatch(keys('pulse:', 'mood: 2')[0]!.message, /indent/);
      // A key named as an object's own (found by the fuzzer: `constructor:` threw).
      assert.deepEqual(keys('constructor:', 'toString: 2').map((p) => p.message), ['Unknown key `constructor`.', 'Unknown key `toString`.']);
    });

    it('names a key that starts with a non-breaking space, which YAML takes as part of the key', () => {
      expectOne(session(SESSION.replace('date: 2026-02-02', 'date: 2026-02-02\nprogress:\n\u00a0\u00a0design-doc: 40')).filter((p) => p.code === 'keys/unknown'), { code: 'keys/unknown', severity: 'warning', range: [5, 1, 5, 13], message: [/^Unknown key `\u00a0\u00a0design-doc`: it starts with a non-breaking space \(U\+00A0\), which YAML reads as part of the key, not as indentation: write ordinary spaces instead\.$/] });
    });

    it('takes an unknown key that holds a date for the required date left out (`when:` for `date`), and says so at both', () => {
      const problems = session(SESSION.replace('date: 2026-02-02', 'when: 2026-02-03'));
      expectOne(problems.filter((p) => p.code === 'keys/unknown'), { code: 'keys/unknown', severity: 'warning', range: [3, 1, 3, 5], message: [/^Unknown key `when`: it holds a date, and the required `date` is missing; if this is that date, rename `when` to `date`\.$/] });
      assert.deepEqual(problems.find((p) => p.code === 'keys/unknown')!.data, { kind: 'unknown-key', key: 'when', suggestion: 'date', byValue: true });
      expectOne(problems.filter((p) => p.code === 'schema/missing-key'), { code: 'schema/missing-key', severity: 'error', range: [1, 1, 1, 4], message: [/^Missing required key `date`: expected a date YYYY-MM-DD\. `when` holds a date: if it is this one, rename it to `date`\.$/] });
      assert.deepEqual(problems.find((p) => p.code === 'schema/missing-key')!.data, { kind: 'missing-key', key: 'date', placeholder: 'YYYY-MM-DD', standIn: 'when' });
      // Not when two unknown keys hold dates, or the date is written, or the key is a misspelling of another.
      for (const text of [SESSION.replace('date: 2026-02-02', 'when: 2026-02-03\nheld: 2026-02-03'), SESSION.replace('next: 2026-02-16', 'next: 2026-02-16\nwhen: 2026-02-03'), SESSION.replace('date: 2026-02-02', 'when: soon')]) {
        for (const p of session(text).filter((q) => q.code === 'keys/unknown')) assert.equal((p.data as { byValue?: boolean }).byValue, undefined, p.message);
      }
    });

    it('suggests renaming a misspelt key whose value is a `|` text with its line breaks, which the key takes: no "not a text"', () => {
      const text = GOAL.replace('success: A design doc approved by the team', 'sucess: |\n  A design doc\n  approved by the team.');
      const p = expectOne(goal(text).filter((q) => q.code === 'keys/unknown'), { code: 'keys/unknown', severity: 'warning', range: [5, 1, 5, 7], message: [/^Unknown key `sucess`: did you mean `success`\?$/] });
      assert.deepEqual(p.data, { kind: 'unknown-key', key: 'sucess', suggestion: 'success' });
      assert.deepEqual(goal(text.replace('sucess:', 'success:')), []);
    });

    it('does not suggest a key the map already has (renaming would write it twice), at the top level and nested', () => {
      const top = SESSION.replace('goals: [rust-basics]', 'goal: [rust-basics]\ngoals: [rust-basics]');
      const problems = session(top).filter((p) => p.code === 'keys/unknown');
      expectOne(problems, { code: 'keys/unknown', severity: 'warning', range: [6, 1, 6, 5], message: [/^Unknown key `goal`: this front matter already has `goals`, the key it is nearest to; move what it holds into `goals` and delete it\.$/] });
      assert.deepEqual(problems[0]!.data, { kind: 'unknown-key', key: 'goal' }, 'no suggestion for a quick fix or --fix to rename into a duplicate');
      const nested = AGREEMENT.replace('signed: {mentor: 2026-01-05, mentee: 2026-01-06}', 'signed: {mentor: 2026-01-05, mentee: 2026-01-06, mentr: 2026-01-05}');
      const inside = agreement(nested).filter((p) => p.code === 'keys/unknown');
      expectOne(inside, { code: 'keys/unknown', severity: 'warning', range: [9, 50, 9, 55], message: [/^Unknown key `signed\.mentr`: `signed` already has `mentor`, the key it is nearest to; move what it holds into `mentor` and delete it\.$/] });
      assert.equal(inside[0]!.data?.kind, 'unknown-key');
      assert.equal((inside[0]!.data as { suggestion?: string }).suggestion, undefined);
      // Two misspellings of one key: neither is renamed, the writer picks the value.
      const two = GOAL.replace('status: active', 'statsu: proposed\nstaus: active');
      const rivals = problemsOf('p/goals/design-doc.md', two).filter((p) => p.code === 'keys/unknown');
      assert.deepEqual(rivals.map((p) => [p.range.start.line, p.message, p.data]), [
        [4, 'Unknown key `statsu`. It and `staus` both look like `status`: keep the one with the right value, as `status`, and delete the other.', { kind: 'unknown-key', key: 'statsu' }],
        [5, 'Unknown key `staus`. It and `statsu` both look like `status`: keep the one with the right value, as `status`, and delete the other.', { kind: 'unknown-key', key: 'staus' }],
      ]);
      // And inside a map: `signed`, `closure`, `pulse`.
      const signed = agreement(AGREEMENT.replace('signed: {mentor: 2026-01-05, mentee: 2026-01-06}', 'signed: {mentor: 2026-01-05, mentie: 2026-01-06, mentey: 2026-01-07}')).filter((p) => p.code === 'keys/unknown');
      assert.deepEqual(signed.map((p) => [p.message, (p.data as { suggestion?: string }).suggestion]), [
        ['Unknown key `signed.mentie`. It and `mentey` both look like `mentee`: keep the one with the right value, as `mentee`, and delete the other.', undefined],
        ['Unknown key `signed.mentey`. It and `mentie` both look like `mentee`: keep the one with the right value, as `mentee`, and delete the other.', undefined],
      ]);
      // Two misspellings of a list, or of a map, each holding a part: merged, not one kept (which would lose the other's items).
      const lists = session(SESSION.replace('attendees: [Priya Raman, Sam Okafor]', 'atendees: [Priya Raman]\nattendes: [Sam Okafor, "2026", Priya Raman]').replace('progress:\n  design-doc: 40', 'progres: {design-doc: 40}\nprogess: {rust-basics: 10}')).filter((p) => p.code === 'keys/unknown');
      assert.deepEqual(lists.map((p) => p.message), [
        'Unknown key `atendees`. It and `attendes` both look like `attendees`, and each holds a part of the list: write one `attendees` with the items of both: `attendees: [Priya Raman, Sam Okafor, "2026"]`, and delete the other.',
        'Unknown key `attendes`. It and `atendees` both look like `attendees`, and each holds a part of the list: write one `attendees` with the items of both: `attendees: [Priya Raman, Sam Okafor, "2026"]`, and delete the other.',
        'Unknown key `progres`. It and `progess` both look like `progress`, and each holds a part of the map: write one `progress` with the entries of both, and delete the other.',
        'Unknown key `progess`. It and `progres` both look like `progress`, and each holds a part of the map: write one `progress` with the entries of both, and delete the other.',
      ]);
      // Without `goals:`, `goal:` is still told its name.
      expectOne(session(SESSION.replace('goals: [rust-basics]', 'goal: [rust-basics]')), { code: 'keys/unknown', severity: 'warning', range: [6, 1, 6, 5], message: [/did you mean `goals`\?$/] });
    });

    it('reads a map with a key of its own without that key: the person, the closure are still there, with or without the warning', () => {
      const block = AGREEMENT.replace('mentor: Priya Raman', 'mentor:\n  name: Max Mustermann\n  handel: max');
      expectOne(agreement(block), { code: 'keys/unknown', severity: 'warning', range: [5, 3, 5, 9], message: [/^Unknown key `mentor\.handel`: did you mean `handle`\?$/] });
      assert.deepEqual(parseFile('p/agreement.md', block).agreement?.mentors, [{ name: 'Max Mustermann' }]);
      const flow = AGREEMENT.replace('mentor: Priya Raman', 'mentor: {name: Max Mustermann, handle: max, phone: 123}').replace('mentee: Sam Okafor', 'mentee: {name: Eva Lind, emial: e@x.org}');
      for (const unknownKeys of [true, false]) {
        const parsed = parseFile('p/agreement.md', flow, { unknownKeys });
        assert.deepEqual(parsed.agreement?.mentors, [{ name: 'Max Mustermann', handle: 'max' }]);
        assert.deepEqual(parsed.agreement?.mentees, [{ name: 'Eva Lind' }]);
        assert.deepEqual(parsed.problems.map((p) => p.code), unknownKeys ? ['keys/unknown', 'keys/unknown'] : []);
      }
      // A value that is wrong besides the extra key is still not read.
      assert.equal(parseFile('p/agreement.md', AGREEMENT.replace('mentor: Priya Raman', 'mentor: {name: 42, phone: 1}')).agreement?.mentors.length ?? 0, 0);
    });

    it('says that a YAML merge key `<<` merges nothing (YAML 1.2), at the `<<`, top-level and nested', async () => {
      const nested = AGREEMENT.replace('signed: {mentor: 2026-01-05, mentee: 2026-01-06}', 'signed:\n  <<: {mentor: 2026-01-05}\n  mentee: 2026-01-06');
      expectOne(agreement(nested), {
        code: 'keys/unknown',
        severity: 'warning',
        range: [lineOf(nested, '  <<:'), 3, lineOf(nested, '  <<:'), 5],
        message: [/^Unknown key `signed\.<<`: a YAML merge key \(`<<: \*anchor`\) is not part of the YAML the journal is read as \(1\.2\), so `signed` gets no keys from it: write the keys out\.$/],
      });
      assert.equal(parseFile('p/agreement.md', nested).agreement?.signed?.mentor, undefined, 'nothing is merged');
      const top = AGREEMENT.replace('mentee: Sam Okafor', 'mentee: Sam Okafor\n<<: {cadence: weekly}');
      expectOne(agreement(top), { code: 'keys/unknown', severity: 'warning', range: [lineOf(top, '<<:'), 1, lineOf(top, '<<:'), 3], message: [/^Unknown key `<<`: .* so the front matter gets no keys from it/] });
      // In a map of goal ids (a session's `progress:`): the same warning, and nothing else (not an unknown goal `<<`, not a value of the wrong type).
      const progress = SESSION.replace('progress:\n', 'progress:\n  <<: {design-doc: 10}\n');
      assert.notEqual(progress, SESSION);
      const found = session(progress);
      assert.deepEqual(found.map((p) => p.code), ['keys/unknown']);
      expectOne(found, { code: 'keys/unknown', severity: 'warning', range: [lineOf(progress, '  <<:'), 3, lineOf(progress, '  <<:'), 5], message: [/^Unknown key `progress\.<<`: a YAML merge key .* so `progress` gets no keys from it/] });
      assert.equal(parseFile('p/sessions/2026-02-02.md', progress).session?.progress['<<'], undefined);
      const { problems } = await check(relationship({ 'p/sessions/2026-02-02.md': progress }));
      assert.deepEqual(problems('p/sessions/2026-02-02.md').map((p) => p.code), ['keys/unknown']);
    });

    it('reports an unknown top-level key at the key with "did you mean"', () => {
      const p = expectOne(agreement(AGREEMENT.replace('mentee: Sam Okafor', 'mentie: Sam Okafor')), {
        code: 'keys/unknown',
        severity: 'warning',
        range: [4, 1, 4, 7],
        message: [/`mentie`/, /did you mean `mentee`\?/],
      });
      assert.deepEqual(p.data, { kind: 'unknown-key', key: 'mentie', suggestion: 'mentee' });
    });

    it('reports unknown nested keys: signed.mentie, strengths.mentie, a person object, an inline goal, a review snapshot', () => {
      expectOne(agreement(AGREEMENT.replace('signed: {mentor: 2026-01-05, mentee: 2026-01-06}', 'signed: {mentor: 2026-01-05, mentie: 2026-01-06}')), {
        code: 'keys/unknown',
        severity: 'warning',
        range: [9, 30, 9, 36],
        message: [/`signed\.mentie`/, /did you mean `mentee`\?/],
      });
      expectOne(agreement(AGREEMENT.replace('goals:', 'strengths:\n  mentor: [listening]\n  mentie: [curiosity]\ngoals:')), {
        code: 'keys/unknown',
        severity: 'warning',
        range: [12, 3, 12, 9],
        message: [/`strengths\.mentie`/, /did you mean `mentee`\?/],
      });
      expectOne(agreement(AGREEMENT.replace('mentor: Priya Raman', 'mentor: {name: Priya Raman, handel: priya}')), {
        code: 'keys/unknown',
        severity: 'warning',
        range: [3, 29, 3, 35],
        message: [/`mentor\.handel`/, /did you mean `handle`\?/],
      });
      expectOne(agreement(AGREEMENT.replace('    title: Learn Rust basics', '    titel: Learn Rust basics')), {
        code: 'keys/unknown',
        severity: 'warning',
        range: [12, 5, 12, 10],
        message: [/`goals\[0\]\.titel`/, /did you mean `title`\?/],
      });
      expectOne(review(REVIEW.replace('progress: 40}', 'progres: 40}')), {
        code: 'keys/unknown',
        severity: 'warning',
        range: [6, 32, 6, 39],
        message: [/`goals\.design-doc\.progres`/, /did you mean `progress`\?/],
      });
    });

    it('names the key without a suggestion when nothing is close', () => {
      const p = expectOne(session(SESSION.replace('duration: 60', 'mood: great')), { code: 'keys/unknown', severity: 'warning', range: [5, 1, 5, 5], message: [/`mood`\.$/] });
      assert.deepEqual(p.data, { kind: 'unknown-key', key: 'mood' });
    });

    it('treats __proto__ and constructor as the unknown keys they are', () => {
      expectCodes(session(SESSION.replace('duration: 60', '__proto__: 1\nconstructor: 2')), ['keys/unknown@5:1-5:10', 'keys/unknown@6:1-6:12']);
    });

    it('is silent with unknownKeys: false, at every level', () => {
      const text = AGREEMENT.replace('mentee: Sam Okafor', 'mentee: Sam Okafor\nnotes: x').replace('mentee: 2026-01-06}', 'mentee: 2026-01-06, witness: 2026-01-06}');
      assert.equal(agreement(text).filter((p) => p.code === 'keys/unknown').length, 2);
      assert.deepEqual(problemsOf('p/agreement.md', text, { unknownKeys: false }), []);
    });
  });

  describe('date/format', () => {
    it('valid: dates quoted or not', () => {
      expectNone(goal(GOAL.replace('due: 2026-05-29', 'due: "2026-05-29"')), 'date/format');
    });

    it('reports a date not written YYYY-MM-DD at the value', () => {
      expectOne(goal(GOAL.replace('due: 2026-05-29', 'due: 2026-5-29')), { code: 'date/format', severity: 'error', range: [6, 6, 6, 15], message: [/`due`/, /YYYY-MM-DD/] });
      expectOne(goal(GOAL.replace('due: 2026-05-29', 'due: 29.05.2026')), { code: 'date/format', severity: 'error', range: [6, 6, 6, 16], message: [/`due`/, /YYYY-MM-DD/] });
    });

    it('gives the date to write where what is written can mean only one day', () => {
      const said = (due: string) => goal(GOAL.replace('due: 2026-05-29', `due: ${due}`)).find((p) => p.code === 'date/format')?.message;
      for (const due of ['2026/05/29', '2026-5-29', '29.05.2026', '2026-05-29T10:00:00Z', '2026-05-29 10:00', '20260529', '29 May 2026', 'May 29, 2026', '29. Mai 2026', '2026年5月29日', '２０２６-０５-２９']) assert.equal(said(due), '`due` must be a date written YYYY-MM-DD: write `due: 2026-05-29`.', due);
      // Not where it could mean more than one, or no day at all.
      for (const due of ['05/29/2026', 'May 29', '2026-02-30T10:00']) assert.equal(said(due), '`due` must be a date written YYYY-MM-DD.', due);
    });

    it('reports a nested date (signed.mentor) at the value', () => {
      expectOne(agreement(AGREEMENT.replace('mentor: 2026-01-05,', 'mentor: Jan 5,')), { code: 'date/format', severity: 'error', range: [9, 18, 9, 23], message: [/`signed\.mentor`/, /YYYY-MM-DD/] });
    });
  });

  describe('date/impossible', () => {
    it('valid: a leap day in a leap year', () => {
      expectNone(goal(GOAL.replace('due: 2026-05-29', 'due: 2028-02-29')), 'date/impossible');
    });

    it('reports a date that does not exist at the value', () => {
      expectOne(goal(GOAL.replace('due: 2026-05-29', 'due: 2026-02-30')), { code: 'date/impossible', severity: 'error', range: [6, 6, 6, 16], message: [/`due`/, /not a real calendar date/] });
      expectOne(session(SESSION.replace('date: 2026-02-02', 'date: 2026-13-01')), { code: 'date/impossible', severity: 'error', range: [3, 7, 3, 17], message: [/`date`/] });
      expectOne(agreement(AGREEMENT.replace('mentee: 2026-01-06', 'mentee: 2027-02-29')), { code: 'date/impossible', severity: 'error', range: [9, 38, 9, 48], message: [/`signed\.mentee`/] });
      expectOne(agreement(AGREEMENT.replace('due: 2026-06-30', 'due: 2026-06-31')), { code: 'date/impossible', severity: 'error', range: [15, 10, 15, 20], message: [/`goals\[0\]\.due`/] });
    });

    it('says a date before the year 100 is in that year, and to write the year in full, not that the day does not exist', () => {
      expectOne(goal(GOAL.replace('due: 2026-05-29', 'due: 0026-05-29')), { code: 'date/impossible', severity: 'error', range: [6, 6, 6, 16], message: [/^`due` is in the year 26: the journal takes dates from the year 100 on; write the year in full \(YYYY\)/] });
      expectOne(session(SESSION.replace('date: 2026-02-02', 'date: "0099-12-31"')), { code: 'date/impossible', severity: 'error', range: [3, 7, 3, 19], message: [/`date` is in the year 99:/] });
      // A day that does not exist in such a year is still said not to exist.
      expectOne(goal(GOAL.replace('due: 2026-05-29', 'due: 0026-02-30')), { code: 'date/impossible', severity: 'error', range: [6, 6, 6, 16], message: [/not a real calendar date/] });
      expectNone(goal(GOAL.replace('due: 2026-05-29', 'due: 0100-05-29')), 'date/impossible');
    });
  });
});
