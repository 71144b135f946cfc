import assert from 'node:assert/strict';
import ICAL from 'ical.js';
import { analyzeJournal, calendarEvents, escapeText, foldLine, journalCalendar, renderReviewMarkdown, stableHash } from '../../src/core/model';
import { JournalIndex, MemoryFileSystem } from '../../src/core';
import { load, type JournalSpec } from './model.journal.test';

const NOW = new Date(Date.UTC(2026, 5, 1, 9, 30, 0));
const LATER = new Date(Date.UTC(2026, 6, 15, 18, 5, 7));

/** A relationship with every kind of event, and a mentor whose name needs escaping. */
const SPEC: JournalSpec = {
  agreement: { mentor: '"Zoë Ní Bhriain, PhD; Lead"', mentee: 'Sam' },
  goals: [
    { id: 'rfc', title: 'Write an RFC; then, a talk \\ slides', due: '2026-06-20' },
    { id: 'old', status: 'achieved', due: '2026-03-01' },
    { id: 'idea', status: 'proposed', due: '2026-07-01' },
  ],
  sessions: [
    { date: '2026-05-04', goals: ['rfc'], actions: ['[ ] @sam outline the options, all of them (due 2026-05-25) [[rfc]]', '[x] @priya done already (due 2026-05-10)', '[ ] no date here'] },
    { date: '2026-05-18', goals: ['rfc'], next: '2026-06-02' },
  ],
};

function parse(text: string): ICAL.Component {
  return new ICAL.Component(ICAL.parse(text));
}

const withoutStamp = (text: string) => text.replace(/^DTSTAMP:.*\r\n/gm, '');

describe('calendar (iCalendar export)', () => {
  it('parses with ical.js: calendar properties and one all-day event per date', async () => {
    const text = journalCalendar([await load(SPEC)], '2026-06-01', NOW);
    const cal = parse(text);
    assert.equal(cal.name, 'vcalendar');
    assert.equal(cal.getFirstPropertyValue('version'), '2.0');
    assert.equal(cal.getFirstPropertyValue('prodid'), '-//Mentoring Journal//Calendar export//EN');
    assert.equal(cal.getFirstPropertyValue('calscale'), 'GREGORIAN');
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const people = 'Zoë Ní Bhriain, PhD; Lead ↔ Sam';
    assert.deepEqual(
      events.map((e) => [e.startDate.toString(), e.endDate.toString(), e.startDate.isDate, e.summary]),
      [
        // Due on 2026-05-25, a week before the export: on the export's day, as overdue.
        ['2026-06-01', '2026-06-02', true, `Action overdue since 2026-05-25: @sam outline the options, all of them Write an RFC; then, a talk \\ slides (${people})`],
        ['2026-06-02', '2026-06-03', true, `Mentoring session: ${people}`],
        ['2026-06-20', '2026-06-21', true, `Goal due: Write an RFC; then, a talk \\ slides (${people})`],
        ['2026-12-31', '2027-01-01', true, `Partnership ends: ${people}`],
      ],
    );
    for (const v of cal.getAllSubcomponents('vevent')) assert.equal(v.getFirstPropertyValue('dtstamp')!.toString(), '2026-06-01T09:30:00Z');
    assert.match(events[2]!.description, /^Goal rfc, owned by the mentee\.\nSuccess: Both partners agree it is done\nDefined in p\/goals\/rfc\.md\.$/);
    assert.match(events[0]!.description, /\)\.\nIts day passed 7 days before this export \(2026-06-01\), so it is shown on the day of the export\.$/);
    // A goal both partners own, in plain words.
    const both = parse(journalCalendar([await load({ ...SPEC, goals: SPEC.goals!.map((g) => ({ ...g, owner: 'both' })) })], '2026-06-01', NOW));
    const goalEvent = both.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)).find((e) => e.summary.startsWith('Goal due'))!;
    assert.match(goalEvent.description, /^Goal rfc, owned by both partners\./);
  });

  it('without a planned next, the next session is the last held one plus the cadence; none once the partnership is over', async () => {
    const spec: JournalSpec = { sessions: [{ date: '2026-05-18' }, { date: '2026-05-25', status: 'missed' }] };
    const [next] = calendarEvents(analyzeJournal([await load(spec)], '2026-06-01').relationships).filter((e) => e.kind === 'next-session');
    assert.equal(next!.date, '2026-06-01');
    assert.match(next!.description, /biweekly cadence \(every 14 days\) after the session of 2026-05-18 \(p\/sessions\/2026-05-18\.md\)/);
    const over = calendarEvents(analyzeJournal([await load({ ...spec, agreement: { closure: '{date: 2026-05-30, outcome: ended}' } })], '2026-06-01').relationships);
    assert.deepEqual(over.map((e) => e.kind), ['partnership-ends']);
  });

  it('a recorded closure leaves only the day it was closed: no open action or active goal of the partnership is due any more', async () => {
    const closed = { ...SPEC, agreement: { ...SPEC.agreement, closure: '{date: 2026-05-30, outcome: periodic-contact}' } };
    const reports = analyzeJournal([await load(closed)], '2026-06-01').relationships;
    assert.ok(reports[0]!.actions.length > 0 && reports[0]!.goals.some((g) => g.status === 'active' && g.due), 'the partnership still has open actions and active goals due');
    const events = calendarEvents(reports);
    assert.deepEqual(events.map((e) => [e.kind, e.date, e.summary]), [['partnership-ends', '2026-05-30', 'Partnership closed: Zoë Ní Bhriain, PhD; Lead ↔ Sam']]);
    assert.equal(events[0]!.description, 'The closure recorded in p/agreement.md (outcome: periodic-contact).');
    // The same event as the end it replaces: an import moves it instead of adding another.
    const open = calendarEvents(analyzeJournal([await load(SPEC)], '2026-06-01').relationships);
    assert.equal(open.find((e) => e.kind === 'partnership-ends')!.uid, events[0]!.uid);
  });

  it('puts a next session whose day has passed on the day of the export, saying since when it is due, as the review says (CRLF, flow maps, quotes)', async () => {
    const crlf = (...l: string[]) => `${l.join('\r\n')}\r\n`;
    const files = (next?: string) => ({
      'carla and dev/agreement.md': crlf('---', 'type: agreement', 'mentor: Carla Diaz', "mentee: {name: Dev Patel, handle: dev}", 'formality: informal', 'started: 2026-05-01', 'cadence: "monthly"', 'stage: 2', '---'),
      'carla and dev/sessions/2026-05-06.md': crlf('---', 'type: session', "date: '2026-05-06'", '---'),
      'carla and dev/sessions/2026-06-03.md': crlf('---', '{type: session, date: 2026-06-03, status: missed' + (next ? `, next: ${next}` : '') + '}', '---'),
    });
    const build = async (next?: string) => {
      const index = new JournalIndex(new MemoryFileSystem(files(next)));
      await index.build();
      return analyzeJournal(index.relationships(), '2026-11-29').relationships;
    };
    // No `next:`: due by the cadence on 2026-06-05 (30 days after the last held session), 177 days before the export.
    const reports = await build();
    const [event] = calendarEvents(reports).filter((e) => e.kind === 'next-session');
    assert.equal(event!.date, '2026-11-29');
    assert.equal(event!.summary, 'Mentoring session overdue since 2026-06-05: Carla Diaz ↔ Dev Patel');
    assert.match(event!.description, /monthly cadence \(every 30 days\) after the session of 2026-05-06 \(carla and dev\/sessions\/2026-05-06\.md\)\. That day passed 177 days before this export \(2026-11-29\)/);
    assert.deepEqual(reports[0]!.cadence.nextSession, { date: '2026-06-05', from: 'cadence', daysTo: -177 });
    const review = renderReviewMarkdown(reports[0]!);
    assert.match(review, /- Next meeting: not planned; by the cadence it was due 2026-06-05, 177 days ago\n/);
    assert.match(review, /\*\*Overdue by 177 days\*\*/);
    // A planned `next:` that has passed: the same rule, from that day.
    const planned = await build('2026-11-20');
    const [late] = calendarEvents(planned).filter((e) => e.kind === 'next-session');
    assert.deepEqual([late!.date, late!.summary], ['2026-11-29', 'Mentoring session overdue since 2026-11-20: Carla Diaz ↔ Dev Patel']);
    assert.match(renderReviewMarkdown(planned[0]!), /- Next meeting: 2026-11-20, 9 days ago\n[\s\S]*\*\*Overdue by 9 days\*\*/);
    // Within the grace days after the cadence's day it is due, not overdue, as the review's "On track" says.
    const inGrace = (await (async () => {
      const index = new JournalIndex(new MemoryFileSystem(files()));
      await index.build();
      return analyzeJournal(index.relationships(), '2026-06-06').relationships;
    })());
    assert.equal(inGrace[0]!.cadence.overdue, false);
    const [due] = calendarEvents(inGrace).filter((e) => e.kind === 'next-session');
    assert.deepEqual([due!.date, due!.summary], ['2026-06-06', 'Mentoring session due since 2026-06-05: Carla Diaz ↔ Dev Patel']);
    // A plan ahead stays on its day.
    const [ahead] = calendarEvents(await build('2026-12-02')).filter((e) => e.kind === 'next-session');
    assert.deepEqual([ahead!.date, ahead!.summary], ['2026-12-02', 'Mentoring session: Carla Diaz ↔ Dev Patel']);
  });

  it("names a goal an action refers to by its title, or its id when there is no such goal: no [[...]] in a summary, the UID kept", async () => {
    const spec: JournalSpec = {
      goals: [{ id: 'ship-cli', title: 'Ship the "CLI"', due: '2026-12-18' }],
      sessions: [{ date: '2026-11-18', goals: ['ship-cli'], actions: ['[ ] @ben write the release notes for [[ship-cli]] (due 2026-11-20)', '[ ] @ben ask about [[ no-such-goal ]] (due 2026-11-21)'] }],
    };
    const list = calendarEvents(analyzeJournal([await load(spec)], '2026-11-19').relationships).filter((e) => e.kind === 'action-due');
    assert.deepEqual(list.map((e) => e.summary.replace(/ \(.*\)$/, '')), ['Action due: @ben write the release notes for Ship the "CLI"', 'Action due: @ben ask about no-such-goal']);
    assert.equal(list[0]!.uid, `${stableHash('p\u0000action-due\u0000ben\u0000write the release notes for [[ship-cli]]')}@mentoring-journal`);
  });

  it('keeps a [[...]] in inline code as written: code shows the syntax, it refers to no goal (as check reads it)', async () => {
    const spec: JournalSpec = {
      goals: [{ id: 'ship-cli', title: 'Ship the CLI', due: '2026-12-18' }],
      sessions: [{ date: '2026-11-18', goals: ['ship-cli'], actions: ['[ ] @sam explain `[[nope]]` and ``a ` [[ship-cli]]`` then [[ship-cli]] (due 2026-11-30)'] }],
    };
    const rel = await load(spec);
    assert.deepEqual(rel.sessions[0]!.actions[0]!.goalRefs, ['ship-cli']);
    const [event] = calendarEvents(analyzeJournal([rel], '2026-11-19').relationships).filter((e) => e.kind === 'action-due');
    assert.equal(event!.summary.replace(/ \(.*\)$/, ''), 'Action due: @sam explain `[[nope]]` and ``a ` [[ship-cli]]`` then Ship the CLI');
    // An unclosed backtick is literal: the reference after it counts.
    assert.deepEqual((await load({ ...spec, sessions: [{ date: '2026-11-18', actions: ['[ ] @sam a ` tick, then [[ship-cli]] (due 2026-11-30)'] }] })).sessions[0]!.actions[0]!.goalRefs, ['ship-cli']);
  });

  it('only DTSTAMP differs between runs, and UIDs stay when today or an event\'s date moves', async () => {
    const rel = await load(SPEC);
    const a = journalCalendar([rel], '2026-06-01', NOW);
    const b = journalCalendar([rel], '2026-06-01', LATER);
    assert.notEqual(a, b);
    assert.equal(withoutStamp(a), withoutStamp(b));
    const uids = (text: string) => parse(text).getAllSubcomponents('vevent').map((v) => `${v.getFirstPropertyValue('summary')}=${v.getFirstPropertyValue('uid')}`).sort();
    // Another day, and the plan and the action's date moved: the same events, with the same UIDs.
    const moved = await load({
      ...SPEC,
      sessions: [
        { ...SPEC.sessions![0]!, actions: ['[ ] @Sam  Outline the options, ALL of them (due 2026-06-05) [[rfc]]'] },
        { ...SPEC.sessions![1]!, next: '2026-06-09' },
      ],
    });
    const later = journalCalendar([moved], '2026-06-04', LATER);
    assert.deepEqual(uids(later).map((u) => u.split('=')[1]), uids(a).map((u) => u.split('=')[1]));
    assert.match(later, /DTSTART;VALUE=DATE:20260609/);
    assert.equal(new Set(uids(a).map((u) => u.split('=')[1])).size, 4, 'UIDs are distinct');
    // The UID is a function of the journal, pinned so that a change of the hash (which would duplicate every imported event) fails here.
    assert.equal(stableHash('p\u0000next-session\u0000'), '5abea7537d5684e4');
    assert.match(a, /\r\nUID:5abea7537d5684e4@mentoring-journal\r\n/);
  });

  it('puts an active goal or an open action whose day has passed on the day of the export, as overdue, under the UID it had before', async () => {
    const rel = await load(SPEC);
    const event = (today: string, kind: string) => calendarEvents([analyzeJournal([rel], today).relationships[0]!]).find((e) => e.kind === kind)!;
    const people = 'Zoë Ní Bhriain, PhD; Lead ↔ Sam';
    // On its day the goal is due, not overdue; the next day it moves to the export's day.
    const onDay = event('2026-06-20', 'goal-due');
    assert.deepEqual([onDay.date, onDay.summary], ['2026-06-20', `Goal due: Write an RFC; then, a talk \\ slides (${people})`]);
    assert.doesNotMatch(onDay.description, /passed/);
    const after = event('2026-08-03', 'goal-due');
    assert.deepEqual([after.date, after.summary, after.uid], ['2026-08-03', `Goal overdue since 2026-06-20: Write an RFC; then, a talk \\ slides (${people})`, onDay.uid]);
    assert.match(after.description, /\nDefined in p\/goals\/rfc\.md\.\nIts day passed 44 days before this export \(2026-08-03\), so it is shown on the day of the export\.$/);
    // The action, due 2026-05-25: one day later.
    const action = event('2026-05-26', 'action-due');
    assert.deepEqual([action.date, action.summary, action.uid], ['2026-05-26', `Action overdue since 2026-05-25: @sam outline the options, all of them Write an RFC; then, a talk \\ slides (${people})`, event('2026-05-25', 'action-due').uid]);
    assert.match(action.description, /Its day passed 1 day before this export \(2026-05-26\)/);
    // Once `ends` (2026-12-31) has passed, the goal no longer applies; the action still does, as the review's actions-overdue says.
    const over = calendarEvents(analyzeJournal([rel], '2027-01-05').relationships);
    assert.deepEqual(over.map((e) => [e.kind, e.date]), [['partnership-ends', '2026-12-31'], ['action-due', '2027-01-05']]);
    // A goal achieved, or one only proposed, is not due at all, overdue or not.
    assert.deepEqual(calendarEvents(analyzeJournal([rel], '2026-08-03').relationships).filter((e) => e.kind === 'goal-due').map((e) => e.uid), [onDay.uid]);
  });

  it('separates relationships: the same goal id in two folders gives two UIDs', async () => {
    const one = await load(SPEC);
    const two = { ...one, id: 'q', folder: 'q' };
    const events = calendarEvents(analyzeJournal([one, two], '2026-06-01').relationships).filter((e) => e.kind === 'goal-due');
    assert.equal(events.length, 2);
    assert.notEqual(events[0]!.uid, events[1]!.uid);
  });

  it('writes an event on 9999-12-31, the last day a calendar date names, with a duration, and a review of such a journal does not fail', async () => {
    const journal = await load({ agreement: { ends: '9999-12-31', cadence: 'P1Y' }, sessions: [{ date: '2026-05-18', next: '9999-12-31' }] });
    const text = journalCalendar([journal], '2026-06-01', NOW);
    const events = parse(text).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    assert.deepEqual(events.map((e) => [e.startDate.toString(), e.endDate.toString()]), [['9999-12-31', '10000-01-01'], ['9999-12-31', '10000-01-01']]);
    assert.doesNotMatch(text, /DTEND;VALUE=DATE:\+/);
    assert.equal(text.match(/^DURATION:P1D\r$/gm)?.length, 2);
    assert.match(renderReviewMarkdown(analyzeJournal([journal], '2026-06-01').relationships[0]!), /to 9999-12-31/);
  });

  it('escapes TEXT: backslash, semicolon, comma and line breaks', () => {
    assert.equal(escapeText('a,b;c\\d\ne\r\nf'), 'a\\,b\\;c\\\\d\\ne\\nf');
  });

  it('folds lines at 75 octets with CRLF and a space, never inside a UTF-8 character', async () => {
    const long = `SUMMARY:${'x'.repeat(66)}${'é'.repeat(40)}${'😀'.repeat(20)}`;
    const folded = foldLine(long);
    const physical = folded.split('\r\n');
    assert.ok(physical.length > 1);
    for (const [i, line] of physical.entries()) {
      const bytes = Buffer.from(line, 'utf8');
      assert.ok(bytes.length <= 75, `line ${i} has ${bytes.length} octets`);
      if (i > 0) assert.equal(line[0], ' ');
      assert.equal(bytes.toString('utf8'), line);
      assert.doesNotMatch(line, /[\uD800-\uDBFF]$|^ ?[\uDC00-\uDFFF]/, 'no surrogate pair cut');
    }
    assert.equal(physical.map((l, i) => (i ? l.slice(1) : l)).join(''), long);
    assert.equal(Buffer.from(physical[0]!, 'utf8').length, 75 - 1, 'é (2 octets) does not fit in the 75th octet');

    const text = journalCalendar([await load({ ...SPEC, goals: [{ id: 'rfc', title: `Écrire ${'une très longue phrase, '.repeat(8)}`, due: '2026-06-20' }] })], '2026-06-01', NOW);
    assert.ok(text.endsWith('\r\n'));
    assert.doesNotMatch(text, /[^\r]\n/, 'every line ends with CRLF');
    for (const line of text.split('\r\n')) assert.ok(Buffer.byteLength(line, 'utf8') <= 75, line);
    const title = new ICAL.Event(parse(text).getAllSubcomponents('vevent').find((v) => String(v.getFirstPropertyValue('summary')).startsWith('Goal due'))!).summary;
    assert.equal(title, `Goal due: Écrire ${'une très longue phrase, '.repeat(8).trim()} (Zoë Ní Bhriain, PhD; Lead ↔ Sam)`);
  });

  it('reads a journal written by hand in every YAML style: flow maps, quotes, comments, block scalars, CRLF', async () => {
    const files = {
      'ana/agreement.md': [
        '---',
        'type: agreement',
        "mentor: {name: 'Ana María Ruiz', handle: ana}  # flow map, quoted",
        'mentee: "Li, Wei"',
        'format: co-mentoring',
        'started: 2026-03-02',
        'ends: "2026-09-30"',
        'cadence: P3W',
        'stage: 2',
        'signed: {mentor: 2026-03-02, mentee: 2026-03-03}',
        'goals:',
        '  - id: ship-it',
        '    title: >-',
        '      Ship the first',
        '      release',
        '    owner: mentee',
        '    status: active',
        '    due: 2026-06-30',
        '    success: |',
        '      Tagged; announced.',
        '---',
        '',
      ].join('\n'),
      'ana/sessions/2026-05-04.md': ['---', 'type: session', "date: '2026-05-04'", 'pulse:', '  mentor: 4', '  mentee: 2', '# next is planned below', 'next: 2026-05-25', '---', '', '## Actions', '', '- [ ] @li write notes; share them (due 2026-05-20)', ''].join('\r\n'),
    };
    const index = new JournalIndex(new MemoryFileSystem(files));
    await index.build();
    assert.deepEqual([...index.allProblems().values()].flat().filter((p) => p.severity === 'error'), []);
    const rel = index.relationship('ana')!;
    assert.deepEqual(rel.sessions[0]!.pulse, { mentor: 4, mentee: 2 });
    const text = journalCalendar([rel], '2026-05-10', NOW);
    const people = 'Ana María Ruiz ↔ Li, Wei';
    assert.deepEqual(parse(text).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)).map((e) => [e.startDate.toString(), e.summary]), [
      ['2026-05-20', `Action due: @li write notes; share them (${people})`],
      ['2026-05-25', `Mentoring session: ${people}`],
      ['2026-06-30', `Goal due: Ship the first release (${people})`],
      ['2026-09-30', `Partnership ends: ${people}`],
    ]);
    assert.match(text, /SUMMARY:Mentoring session: Ana María Ruiz ↔ Li\\, Wei\r\n/);
    assert.deepEqual(analyzeJournal([rel], '2026-05-10').relationships[0]!.signals.map((s) => s.code), ['pulse-dropping', 'strengths-unknown', 'not-reciprocal']);
  });

  it('an empty journal is a calendar with no events', () => {
    const cal = parse(journalCalendar([], '2026-06-01', NOW));
    assert.equal(cal.getAllSubcomponents('vevent').length, 0);
    assert.equal(cal.getFirstPropertyValue('version'), '2.0');
  });
});
