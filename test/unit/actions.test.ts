/**
 * Every open action across relationships (issue 14): the list, its groups, "mine", the tick edit
 * and the reminder, over in-memory journals.
 */
import assert from 'node:assert/strict';
import { JournalIndex, MemoryFileSystem } from '../../src/core';
import { actionGroup, analyzeRelationship, calendarEvents, isMine, journalActions, myActions, reminderFor, reminderText, renderReviewMarkdown, reviewToJson, tickAction } from '../../src/core/model';

const agreement = (extra = '') =>
  [
    '---',
    'type: agreement',
    'mentor: {name: Alex Kim, handle: alexk}',
    'mentee: Sam Okafor',
    'started: 2026-01-01',
    'ends: 2026-12-31',
    'cadence: biweekly',
    'stage: building',
    extra,
    '---',
    '',
  ].filter((l) => l !== '').join('\n') + '\n';

const session = (date: string, body: string, front = '') => `---\ntype: session\ndate: ${date}\n${front}---\n\n## Actions\n\n${body}`;

async function relationships(files: Record<string, string>) {
  const index = new JournalIndex(new MemoryFileSystem(files));
  await index.build();
  return index.relationships();
}

describe('journal actions', () => {
  it('never uses a (due ...) date that is not a day: no due date, never overdue, no calendar event, and says why (CRLF, flow map, quotes)', async () => {
    const crlf = (...l: string[]) => l.join('\r\n');
    const rels = await relationships({
      'p/agreement.md': agreement(),
      'p/sessions/2026-11-25.md': crlf(
        '---',
        'type: "session"',
        "date: '2026-11-25'",
        'pulse: {mentor: 4, mentee: 4}',
        '---',
        '',
        '- [ ] @ben item with (due 2026-02-30) impossible date',
        '- [ ] @ben item with (due 2026-11-31) and text after',
        '',
      ),
    });
    const today = '2026-11-29';
    const actions = journalActions(rels, today);
    assert.deepEqual(
      actions.map((a) => [a.text, a.due, a.invalidDue, a.daysOverdue, actionGroup(a)]),
      [
        ['item with impossible date', undefined, '2026-02-30', 0, 'none'],
        ['item with and text after', undefined, '2026-11-31', 0, 'none'],
      ],
    );
    const report = analyzeRelationship(rels[0]!, today);
    assert.deepEqual(report.actions.map((a) => [a.due, a.invalidDue, a.overdue]), [[undefined, '2026-02-30', false], [undefined, '2026-11-31', false]]);
    assert.equal(report.signals.some((s) => s.code === 'actions-overdue'), false);
    assert.deepEqual(calendarEvents([report]).filter((e) => e.kind === 'action-due'), []);
    const markdown = renderReviewMarkdown(report);
    assert.match(markdown, /- @ben item with impossible date \(no valid due date: 2026-02-30 is not a day in the calendar\), from the session of 2026-11-25/);
    const json = reviewToJson(report);
    assert.deepEqual(json.actions.map((a) => [a.due, a.invalidDue]), [[null, '2026-02-30'], [null, '2026-11-31']]);
  });

  it('lists an action carried over from session to session once, at its newest session, with due, days overdue, owner, goals, file and line', async () => {
    const rels = await relationships({
      'p/agreement.md': agreement(),
      'p/sessions/2026-03-01.md': session('2026-03-01', '- [ ] @sam write the outline of [[rfc]] (due 2026-03-10)\n- [ ] @alexk send the reading list\n'),
      'p/sessions/2026-03-15.md': session('2026-03-15', 'Intro.\n\n- [x] @alexk send the reading list\n- [ ] @sam write the   outline of [[rfc]] (due 2026-03-12)\n'),
    });
    const actions = journalActions(rels, '2026-03-20');
    assert.deepEqual(
      actions.map((a) => [a.relationship, a.file, a.line, a.owner, a.text, a.due, a.daysOverdue, a.daysLeft, a.goals, a.label]),
      [['p', 'p/sessions/2026-03-15.md', 11, 'sam', 'write the outline of [[rfc]]', '2026-03-12', 8, -8, ['rfc'], 'Alex Kim ↔ Sam Okafor']],
    );
  });

  it('matches an item whose due date was written without parentheses with the same item written right in a later session, so a tick there closes it', async () => {
    const rels = await relationships({
      'p/agreement.md': agreement(),
      'p/sessions/2026-03-01.md': session('2026-03-01', '- [ ] @sam send draft due 2026-05-01\n- [ ] @sam plan trip [due 2026-05-03]\n- [ ] @sam file notes due: 2026-05-04.\n- [ ] @sam still open due 2026-05-05\n'),
      'p/sessions/2026-03-08.md': session('2026-03-08', '- [x] @sam send draft (due 2026-05-01)\n- [x] @sam Plan  trip (due 2026-05-03)\n- [x] @sam file notes (due 2026-05-04)\n'),
    });
    assert.deepEqual(journalActions(rels, '2026-03-10').map((a) => [a.text, a.due, a.invalidDue]), [['still open', undefined, '2026-05-05']]);
  });

  it('counts an agenda written ahead as the newest session, so a tick there closes the action', async () => {
    const files = {
      'p/agreement.md': agreement(),
      'p/sessions/2026-03-01.md': session('2026-03-01', '- [ ] @sam book the room\n'),
      'p/sessions/2026-03-29.md': session('2026-03-29', '- [ ] @sam book the room\n'),
    };
    assert.deepEqual(journalActions(await relationships(files), '2026-03-20').map((a) => `${a.file}:${a.line}`), ['p/sessions/2026-03-29.md:8']);
    files['p/sessions/2026-03-29.md'] = session('2026-03-29', '- [x] @sam book the room\n');
    assert.deepEqual(journalActions(await relationships(files), '2026-03-20'), []);
  });

  it('groups by due date relative to today: Overdue, This week (today and the 6 days after), Later, No date; sorted by due date, undated last', async () => {
    const rels = await relationships({
      'a/agreement.md': agreement(),
      'a/sessions/2026-05-01.md': session('2026-05-01', ['- [ ] none', '- [ ] d7 (due 2026-05-17)', '- [ ] d6 (due 2026-05-16)', '- [ ] d0 (due 2026-05-10)', '- [ ] late (due 2026-05-09)', ''].join('\n')),
      'b/agreement.md': agreement(),
      'b/sessions/2026-05-02.md': session('2026-05-02', '- [ ] other d0 (due 2026-05-10)\n'),
    });
    const actions = journalActions(rels, '2026-05-10');
    assert.deepEqual(actions.map((a) => `${a.text}:${actionGroup(a)}:${a.daysOverdue}`), ['late:overdue:1', 'd0:week:0', 'other d0:week:0', 'd6:week:0', 'd7:later:0', 'none:none:0']);
  });

  it('leaves out relationships whose closure is recorded', async () => {
    const rels = await relationships({
      'p/agreement.md': agreement('closure: {date: 2026-06-01, outcome: ended}'),
      'p/sessions/2026-03-01.md': session('2026-03-01', '- [ ] @sam left open\n'),
    });
    assert.deepEqual(journalActions(rels, '2026-07-01'), []);
  });

  it('counts a closure with a date as the end before its outcome is written (check asks for the outcome)', async () => {
    const rels = await relationships({
      'p/agreement.md': agreement('closure: {date: 2026-06-01}'),
      'p/sessions/2026-03-01.md': session('2026-03-01', '- [ ] @sam left open\n'),
    });
    assert.deepEqual(journalActions(rels, '2026-07-01'), []);
    const report = analyzeRelationship(rels[0]!, '2026-07-01');
    assert.equal(report.inferred.stage, 'moving-on');
    assert.equal(report.inferred.reasons[0], 'Closure was recorded on 2026-06-01.');
    assert.deepEqual(reviewToJson(report).closure, { date: '2026-06-01', outcome: null, reflection: null });
    assert.match(renderReviewMarkdown(report), /closed on 2026-06-01[^(]/);
  });

  it('a closure written ahead ends the partnership on its day, not before: actions, stage, sessions due and calendar until then', async () => {
    const rels = await relationships({
      'p/agreement.md': agreement('signed: {mentor: 2026-01-02, mentee: 2026-01-02}\nclosure: {date: 2026-08-20, outcome: friends, reflection: We learned a lot.}'),
      'p/sessions/2026-03-01.md': session('2026-03-01', '- [ ] @sam send the packet (due 2026-05-01)\n', 'next: 2026-03-22\n'),
    });
    // Before its day: the partnership goes on.
    assert.deepEqual(journalActions(rels, '2026-04-01').map((a) => a.text), ['send the packet']);
    const before = analyzeRelationship(rels[0]!, '2026-04-01');
    assert.equal(before.closure, undefined);
    assert.deepEqual(before.plannedClosure, { date: '2026-08-20', outcome: 'friends', reflection: 'We learned a lot.' });
    assert.notEqual(before.inferred.stage, 'moving-on');
    assert.equal(before.cadence.ended, undefined);
    assert.deepEqual([before.cadence.overdue, before.cadence.overdueDays], [true, 10]);
    assert.deepEqual(reviewToJson(before).closure, null);
    assert.deepEqual(reviewToJson(before).plannedClosure, { date: '2026-08-20', outcome: 'friends', reflection: 'We learned a lot.' });
    assert.match(renderReviewMarkdown(before), /; closing on 2026-08-20 \(friends\)\./);
    assert.deepEqual(calendarEvents([before]).map((e) => [e.kind, e.date, e.summary]), [
      ['next-session', '2026-04-01', 'Mentoring session overdue since 2026-03-22: Alex Kim ↔ Sam Okafor'],
      ['action-due', '2026-05-01', 'Action due: @sam send the packet (Alex Kim ↔ Sam Okafor)'],
      ['partnership-ends', '2026-08-20', 'Partnership closes: Alex Kim ↔ Sam Okafor'],
    ]);
    // From its day on: over, and the calendar's end keeps its UID.
    assert.deepEqual(journalActions(rels, '2026-08-20'), []);
    const on = analyzeRelationship(rels[0]!, '2026-08-20');
    assert.deepEqual([on.closure, on.plannedClosure, on.inferred.stage, on.cadence.ended], [{ date: '2026-08-20', outcome: 'friends', reflection: 'We learned a lot.' }, undefined, 'moving-on', '2026-08-20']);
    const [closed] = calendarEvents([on]);
    assert.deepEqual([closed?.kind, closed?.summary, closed?.uid], ['partnership-ends', 'Partnership closed: Alex Kim ↔ Sam Okafor', calendarEvents([before])[2]!.uid]);
  });

  it('an item carried over into an agenda and ticked there is done for the review, the calendar and actions alike', async () => {
    const rels = await relationships({
      'p/agreement.md': agreement('signed: {mentor: 2026-01-02, mentee: 2026-01-02}'),
      'p/sessions/2026-01-04.md': session('2026-01-04', '- [ ] @sam send the notes (due 2026-01-08)\n- [ ] @sam book the room (due 2026-01-09)\n', 'next: 2026-01-18\n'),
      'p/sessions/2026-01-18.md': session('2026-01-18', '- [x] @sam send the notes\n- [ ] @sam book the room (due 2026-01-09)\n- [ ] @alexk bring the slides (due 2026-01-15)\n'),
    });
    const today = '2026-01-11';
    const report = analyzeRelationship(rels[0]!, today);
    const open = (list: Array<{ text: string }>) => list.map((a) => a.text).sort();
    assert.deepEqual(open(report.actions), ['book the room', 'bring the slides']);
    assert.deepEqual(open(journalActions(rels, today)), open(report.actions));
    assert.deepEqual(calendarEvents([report]).filter((e) => e.kind === 'action-due').map((e) => e.summary), ['Action overdue since 2026-01-09: @sam book the room (Alex Kim ↔ Sam Okafor)', 'Action due: @alexk bring the slides (Alex Kim ↔ Sam Okafor)']);
    const overdue = report.signals.find((s) => s.code === 'actions-overdue');
    assert.match(overdue!.message, /^1 open action item is past due/);
    // Still an agenda: not held.
    assert.equal(report.cadence.held, 1);
  });

  it('the cadence makes no session due after the partnership ends; a next: the partners wrote stays their plan', async () => {
    const rels = await relationships({
      'p/agreement.md': agreement().replace('ends: 2026-12-31', 'ends: 2026-12-18').replace('cadence: biweekly', 'cadence: monthly'),
      'p/sessions/2026-12-10.md': session('2026-12-10', ''),
    });
    const report = analyzeRelationship(rels[0]!, '2026-12-12');
    assert.equal(report.cadence.nextSession, undefined);
    assert.equal(report.cadence.endsFirst, '2026-12-18');
    assert.match(renderReviewMarkdown(report), /^- Next meeting: not planned; the partnership ends on 2026-12-18, before the cadence makes another session due$/m);
    assert.deepEqual(calendarEvents([report]).map((e) => e.kind), ['partnership-ends']);
    // A closure planned after `ends` does not move the end later.
    const late = await relationships({
      'p/agreement.md': agreement('closure: {date: 2027-02-01, outcome: ended}').replace('ends: 2026-12-31', 'ends: 2026-12-18').replace('cadence: biweekly', 'cadence: monthly'),
      'p/sessions/2026-12-10.md': session('2026-12-10', ''),
    });
    assert.equal(analyzeRelationship(late[0]!, '2026-12-12').cadence.endsFirst, '2026-12-18');
    // Within the partnership, the cadence's day is due as before.
    const longer = await relationships({
      'p/agreement.md': agreement().replace('ends: 2026-12-31', 'ends: 2027-03-31').replace('cadence: biweekly', 'cadence: monthly'),
      'p/sessions/2026-12-10.md': session('2026-12-10', ''),
    });
    assert.equal(analyzeRelationship(longer[0]!, '2026-12-12').cadence.nextSession?.date, '2027-01-09');
    const planned = await relationships({
      'p/agreement.md': agreement().replace('ends: 2026-12-31', 'ends: 2026-12-18'),
      'p/sessions/2026-12-10.md': session('2026-12-10', '', 'next: 2026-12-24\n'),
    });
    const plannedReport = analyzeRelationship(planned[0]!, '2026-12-12');
    assert.deepEqual(plannedReport.cadence.nextSession, { date: '2026-12-24', from: 'next', daysTo: 12 });
    // ...and the review and the calendar say that it is after the end.
    assert.match(renderReviewMarkdown(plannedReport), /^- Next meeting: 2026-12-24, in 12 days, after the partnership ends on 2026-12-18: extend `ends`, or meet before then$/m);
    assert.match(calendarEvents([plannedReport]).find((e) => e.kind === 'next-session')!.description, /The partnership ends on 2026-12-18, before this day\.$/);
  });

  it('reads an @owner in any script whole, and matches it to the agreement\'s names however they are written', async () => {
    const rels = await relationships({
      'p/agreement.md': agreement().replace('Sam Okafor', 'Jürgen Müller'),
      'p/sessions/2026-03-01.md': session('2026-03-01', '- [ ] @zoë send the book (due 2026-03-05)\n- [ ] @jürgen install rustup\n- [ ] @明 review\n'),
    });
    const actions = journalActions(rels, '2026-03-02');
    assert.deepEqual(actions.map((a) => [a.owner, a.text]), [['zoë', 'send the book'], ['jürgen', 'install rustup'], ['明', 'review']]);
    assert.deepEqual(myActions(actions, rels, ['Jürgen Müller']).map((a) => a.text), ['install rustup']);
    // The same name typed with a combining diaeresis (as some keyboards and file systems write it), or without it.
    assert.deepEqual(myActions(actions, rels, ['Zoe\u0308']).map((a) => a.text), ['send the book']);
    assert.deepEqual(myActions(actions, rels, ['zoe']).map((a) => a.text), ['send the book']);
    // Accents do not count: `@jurgen` is Jürgen's, and Jürgen's `me` finds it.
    assert.equal(isMine('jurgen', rels[0]!.agreement, ['Jürgen Müller']), true);
    assert.equal(isMine('jürgen', rels[0]!.agreement, ['Jurgen']), true);
    // Nor do the Latin letters ASCII writes with two: `ß` is `ss`, `ø` is `o`.
    assert.equal(isMine('weiß', undefined, ['Weiss']), true);
    assert.equal(isMine('soren', undefined, ['Søren']), true);
  });

  it('keeps an action carried over with a second due marker written after the first one action, which a tick then closes', async () => {
    const files = {
      'p/agreement.md': agreement(),
      'p/sessions/2026-01-05.md': session('2026-01-05', '- [ ] @sam write the runbook (due 2026-01-09)\n'),
      'p/sessions/2026-01-12.md': session('2026-01-12', '- [ ] @sam write the runbook (due 2026-01-09) (due 2026-01-23)\n'),
    };
    const open = journalActions(await relationships(files), '2026-01-14');
    assert.deepEqual(open.map((a) => [a.file, a.due, a.text]), [['p/sessions/2026-01-12.md', '2026-01-09', 'write the runbook (due 2026-01-23)']]);
    const ticked = { ...files, 'p/sessions/2026-01-19.md': session('2026-01-19', '- [x] @sam write the runbook (due 2026-01-23)\n') };
    assert.deepEqual(journalActions(await relationships(ticked), '2026-01-20'), []);
  });

  it('reads an @owner written after a due marker that comes first as the owner, with the marker\'s date at its place, and ticks it', async () => {
    const files = {
      'p/agreement.md': agreement(),
      'p/sessions/2026-01-05.md': session('2026-01-05', '- [ ] (due 2026-01-17) @sam owner after due\n- [ ] (due 2026-02-30) ＠sam bad day\n'),
    };
    const rels = await relationships(files);
    assert.deepEqual(journalActions(rels, '2026-01-20').map((a) => [a.owner, a.text, a.due ?? a.invalidDue]), [['sam', 'owner after due', '2026-01-17'], ['sam', 'bad day', '2026-02-30']]);
    assert.deepEqual(myActions(journalActions(rels, '2026-01-20'), rels, ['sam']).length, 2);
    const text = files['p/sessions/2026-01-05.md'];
    const line = text.split('\n').findIndex((l) => l.includes('owner after due')) + 1;
    const ticked = tickAction(text, line, { owner: 'sam', text: 'owner after due' });
    assert.ok(ticked.ok && ticked.text === text.replace('- [ ] (due 2026-01-17)', '- [x] (due 2026-01-17)'));
    // Carried over with a second marker before the owner: the same action, with its owner.
    const twice = await relationships({ ...files, 'p/sessions/2026-01-12.md': session('2026-01-12', '- [ ] (due 2026-01-17) (due 2026-01-24) @sam owner after due\n') });
    assert.deepEqual(journalActions(twice, '2026-01-20').filter((a) => a.text.includes('owner after due')).map((a) => [a.owner, a.file]), [['sam', 'p/sessions/2026-01-12.md']]);
    // A marker written another way before the owner: still the owner (the marker's own problem says how to write it).
    const colon = await relationships({ 'p/agreement.md': agreement(), 'p/sessions/2026-01-05.md': session('2026-01-05', '- [ ] (due: 2026-01-18) @sam colon marker\n') });
    assert.deepEqual(journalActions(colon, '2026-01-20').map((a) => [a.owner, a.text, a.invalidDue]), [['sam', 'colon marker', '2026-01-18']]);
    // A tick in a later session, owner first, closes it.
    const later = await relationships({ ...files, 'p/sessions/2026-01-12.md': session('2026-01-12', '- [x] @sam owner after due\n') });
    assert.deepEqual(journalActions(later, '2026-01-20').map((a) => a.text), ['bad day']);
  });

  it('reads task items in every list style, indented, in a quote, with CRLF line ends', async () => {
    const body = ['* [ ] star', '+ [ ] plus', '1. [ ] numbered', '2) [ ] paren', '- parent', '  - [ ] nested', '> - [ ] quoted', ''].join('\r\n');
    const rels = await relationships({ 'p/agreement.md': agreement(), 'p/sessions/2026-03-01.md': session('2026-03-01', body).replace(/\n/g, '\r\n').replace(/\r\r/g, '\r') });
    assert.deepEqual(journalActions(rels, '2026-03-02').map((a) => `${a.line}:${a.text}`), ['8:star', '9:plus', '10:numbered', '11:paren', '13:nested', '14:quoted']);
  });
});

describe('isMine', () => {
  const people = { mentors: [{ name: 'Alex Kim', handle: 'alexk' }], mentees: [{ name: 'Sam Okafor' }] };

  it('matches @owner against me case-insensitively, a leading @ ignored', () => {
    assert.equal(isMine('Sam', undefined, ['@sam']), true);
    assert.equal(isMine('sam', undefined, ['SAM']), true);
    assert.equal(isMine('samuel', undefined, ['sam']), false);
    assert.equal(isMine(undefined, people, ['sam']), false);
    assert.equal(isMine('sam', people, []), false);
  });

  it('matches a person of the agreement by full name, first name or handle, whichever way @owner names them', () => {
    for (const me of ['Alex Kim', 'alex', 'ALEXK', '@alexk']) {
      for (const owner of ['alexk', 'alex', 'AlexKim']) assert.equal(isMine(owner, people, [me]), true, `${owner} for ${me}`);
    }
    assert.equal(isMine('sam', people, ['Alex Kim']), false);
    assert.equal(isMine('samokafor', people, ['sam']), true);
    // A family name names the person too, whichever order the name is written in.
    assert.equal(isMine('kim', people, ['Alex Kim']), true);
    assert.equal(isMine('okafor', people, ['sam']), true);
    assert.equal(isMine('alexk', people, ['kim']), true);
  });

  it('matches the given name of a name written family name first, and no name two people share', () => {
    const pair = { mentors: [{ name: '佐藤 花子' }], mentees: [{ name: 'Jürgen Groß' }] };
    assert.equal(isMine('花子', pair, ['佐藤 花子']), true);
    assert.equal(isMine('佐藤', pair, ['花子']), true);
    assert.equal(isMine('花子', pair, ['Jürgen Groß']), false);
    const siblings = { mentors: [{ name: 'Anna Schmidt' }], mentees: [{ name: 'Ben Schmidt' }] };
    assert.equal(isMine('schmidt', siblings, ['Anna Schmidt']), false);
    assert.equal(isMine('anna', siblings, ['Anna Schmidt']), true);
    assert.equal(isMine('ben', siblings, ['Anna Schmidt']), false);
  });

  it('takes German umlauts spelled out (`ue` for `ü`) as the same name, both ways', () => {
    const pair = { mentors: [{ name: 'Jürgen Groß' }], mentees: [{ name: 'Hanako Sato' }] };
    assert.equal(isMine('jürgen', pair, ['juergen']), true);
    assert.equal(isMine('juergen', pair, ['Jürgen Groß']), true);
    assert.equal(isMine('Ju\u0308rgen', undefined, ['JUERGEN']), true);
    assert.equal(isMine('jurgen', undefined, ['jürgen']), true);
    assert.equal(isMine('grosz', pair, ['jürgen']), false);
    assert.equal(isMine('hanako', pair, ['juergen']), false);
  });

  it('myActions keeps the actions of me across relationships, by each relationship\'s own agreement', async () => {
    const rels = await relationships({
      'a/agreement.md': agreement(),
      'a/sessions/2026-03-01.md': session('2026-03-01', '- [ ] @alexk one\n- [ ] @sam two\n- [ ] nobody\n'),
      'b/agreement.md': agreement().replace('Alex Kim, handle: alexk', 'Alex Other'),
      'b/sessions/2026-03-01.md': session('2026-03-01', '- [ ] @alexk three\n- [ ] @alex four\n'),
    });
    const mine = (me: string[]) => myActions(journalActions(rels, '2026-03-02'), rels, me).map((a) => `${a.relationship}:${a.text}`);
    // In b, Alex is "Alex Other", without the handle alexk: only `alex` itself is mine there.
    assert.deepEqual(mine(['Alex Kim']), ['a:one']);
    assert.deepEqual(mine(['alex']), ['a:one', 'b:four']);
    assert.deepEqual(mine(['alexk', 'Sam']), ['a:one', 'a:two', 'b:three']);
  });
});

describe('tickAction', () => {
  const cases: Array<[string, string, number, string]> = [
    ['dash', 'a\n- [ ] @sam do it (due 2026-01-02)\nb\n', 2, 'a\n- [x] @sam do it (due 2026-01-02)\nb\n'],
    ['star, CRLF', 'a\r\n* [ ] @sam do it\r\nb\r\n', 2, 'a\r\n* [x] @sam do it\r\nb\r\n'],
    ['plus, lone CR', 'a\r+ [ ] @sam do it\rb', 2, 'a\r+ [x] @sam do it\rb'],
    ['numbered, indented, tab', 'x\n\n  12.\t[ ] @sam do it\n', 3, 'x\n\n  12.\t[x] @sam do it\n'],
    ['paren, quoted', '> 3) [ ] @sam do it', 1, '> 3) [x] @sam do it'],
    ['continued on the next line', '- [ ] @sam do\n  it\n', 1, '- [x] @sam do\n  it\n'],
  ];
  for (const [name, before, line, after] of cases) {
    it(`ticks one character and keeps every other byte: ${name}`, () => {
      const result = tickAction(before, line, { owner: 'sam', text: 'do it' });
      assert.ok(result.ok, result.ok ? '' : result.error);
      assert.equal(result.text, after);
      assert.equal(result.edits.length, 1);
      assert.equal(result.edits[0]!.end - result.edits[0]!.start, 1);
    });
  }

  it('refuses, changing nothing, when the line was ticked, is gone or holds another action', () => {
    const refused = (text: string, line: number, expected = { owner: 'sam', text: 'do it' }) => {
      const result = tickAction(text, line, expected);
      assert.equal(result.ok, false);
      return result.ok ? '' : result.error;
    };
    assert.match(refused('- [x] @sam do it\n', 1), /^Line 1 is no longer an open action/);
    assert.match(refused('- [ ] @sam do it\n', 5), /no line 5/);
    assert.match(refused('- [ ] @sam something else\n', 1), /no longer holds the action "do it"/);
    assert.match(refused('- [ ] @priya do it\n', 1), /no longer holds/);
    assert.match(refused('text [ ] @sam do it\n', 1), /no longer an open action/);
  });

  it('ticks the line the journal reports, so the action leaves the list', async () => {
    const text = session('2026-03-01', 'Intro\r\n\r\n1. [ ] @sam first (due 2026-03-02)\r\n2. [ ] @sam second [[rfc]]\r\n').replace(/(?<!\r)\n/g, '\r\n');
    const files: Record<string, string> = { 'p/agreement.md': agreement(), 'p/sessions/2026-03-01.md': text };
    const [first, second] = journalActions(await relationships(files), '2026-03-05');
    const result = tickAction(text, second!.line, second!);
    assert.ok(result.ok);
    assert.equal(result.text, text.replace('2. [ ]', '2. [x]'));
    files['p/sessions/2026-03-01.md'] = result.text;
    assert.deepEqual(journalActions(await relationships(files), '2026-03-05').map((a) => a.text), [first!.text]);
  });
});

describe('reminders', () => {
  it('names a session today or overdue and my overdue actions, most days late first, at most 3, with how many more', async () => {
    const files = {
      'a/agreement.md': agreement(),
      'a/sessions/2026-03-01.md': session('2026-03-01', '- [ ] @alexk send notes (due 2026-03-08)\n- [ ] @sam not mine (due 2026-03-01)\n- [ ] @alex later (due 2026-04-01)\n', 'next: 2026-03-10\n'),
      'b/agreement.md': agreement(),
      'b/sessions/2026-03-01.md': session('2026-03-01', '- [ ] @alex fix (due 2026-03-09)\n', 'next: 2026-03-12\n'),
      'c/agreement.md': agreement(),
      'c/sessions/2026-03-01.md': session('2026-03-01', '', 'next: 2026-03-05\n'),
    };
    const rels = await relationships(files);
    const today = '2026-03-12';
    const reports = rels.map((r) => analyzeRelationship(r, today));
    const reminder = reminderFor(reports, myActions(journalActions(rels, today), rels, ['Alex Kim']));
    assert.deepEqual(reminder?.items.map((i) => `${i.kind}:${i.relationship}:${i.daysLate}`), ['session-overdue:c:7', 'action-overdue:a:4', 'action-overdue:b:3']);
    assert.equal(reminder?.more, 2);
    assert.equal(
      reminderText(reminder!),
      'Mentoring: Alex Kim ↔ Sam Okafor: session overdue 7 days; @alexk send notes (Alex Kim ↔ Sam Okafor): overdue 4 days; @alex fix (Alex Kim ↔ Sam Okafor): overdue 3 days (and 2 more).',
    );
  });

  it('says nothing when no session is due today or late and none of my actions is overdue', async () => {
    const rels = await relationships({
      'a/agreement.md': agreement(),
      'a/sessions/2026-03-01.md': session('2026-03-01', '- [ ] @sam late (due 2026-03-02)\n', 'next: 2026-03-13\n'),
    });
    const reports = rels.map((r) => analyzeRelationship(r, '2026-03-12'));
    assert.equal(reminderFor(reports, myActions(journalActions(rels, '2026-03-12'), rels, ['alex'])), undefined);
    const today = reminderFor(rels.map((r) => analyzeRelationship(r, '2026-03-13')), []);
    assert.deepEqual(today?.items.map((i) => i.text), ['Alex Kim ↔ Sam Okafor: session today']);
  });
});
