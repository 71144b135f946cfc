import assert from 'node:assert/strict';
import { summaryRows } from '../../src/cli/summary';
import { analyzeJournal, analyzeRelationship, calendarEvents, journalActions, JournalIndex, MemoryFileSystem, parseJournalFile, renderReviewFile, renderReviewMarkdown, reviewToJson } from '../../src/core';
import { load, TODAY } from './model.journal.test';

describe('analyzeRelationship', () => {
  it('describes the partnership: partners, dates, days left, elapsed share and agreement file', async () => {
    const report = analyzeRelationship(await load(), TODAY);
    assert.equal(report.id, 'p');
    assert.equal(report.today, TODAY);
    assert.deepEqual([report.mentors, report.mentees], [['Priya'], ['Sam']]);
    assert.deepEqual([report.format, report.formality], ['one-to-one', 'formal']);
    assert.deepEqual([report.started, report.ends, report.daysLeft], ['2026-01-01', '2026-12-31', 213]);
    assert.equal(Math.round(report.elapsed! * 1000), 415); // 151 of 364 days
    assert.equal(report.agreementFile, 'p/agreement.md');
    assert.equal(report.declaredStage, 'building');
  });

  it('leaves the elapsed share and days left out without an end date', async () => {
    const report = analyzeRelationship(await load({ agreement: { ends: null, formality: 'informal' } }), TODAY);
    assert.equal(report.elapsed, undefined);
    assert.equal(report.daysLeft, undefined);
  });

  it('still reports a relationship whose agreement cannot be read', async () => {
    const index = new JournalIndex(new MemoryFileSystem({ 'p/agreement.md': '---\n: [\n---\n' }));
    await index.build();
    const report = analyzeRelationship(index.relationship('p')!, TODAY);
    assert.deepEqual([report.mentors, report.declaredStage, report.inferred.stage], [[], undefined, 'creating']);
    // It says why: the one signal is that the agreement could not be read.
    assert.deepEqual(report.signals.map((s) => [s.code, s.severity, s.source?.file]), [['agreement-unreadable', 'error', 'p/agreement.md']]);
    // Its advice names the command as code, in the Markdown review as in the text.
    assert.match(renderReviewMarkdown(report), /^ {2}Advice: Fix the problem the Problems panel \(or `mentoring-journal check`\) shows in agreement\.md;/m);
  });

  it('with the agreement unreadable, shows its goals by id only, unknown, as the calendar and the summary do; the goal files\' as read', async () => {
    const agreement = ['---', 'type: agreement', 'mentor: Jo', 'mentee: Ravi', 'started: 2026-01-05', 'stage: building', 'goals:', '  - id: give-talk', '    title: Give a talk', '    status: active', '    due: 2026-12-15', '  - id: code-review', '   owner: mentee', '    status: active', '---', ''].join('\n');
    const goal = '---\ntype: goal\ntitle: Write\nstatus: active\ndue: 2026-12-20\nsuccess: x\n---\n';
    const session = '---\ntype: session\ndate: 2026-05-01\ngoals: [give-talk, write]\n---\n';
    const index = new JournalIndex(new MemoryFileSystem({ 'p/agreement.md': agreement, 'p/goals/write.md': goal, 'p/sessions/2026-05-01.md': session }));
    await index.build();
    const report = analyzeRelationship(index.relationship('p')!, TODAY);
    assert.deepEqual(report.goals.map((g) => [g.id, g.status, g.due]), [['give-talk', 'unknown', undefined], ['code-review', 'unknown', undefined], ['write', 'active', '2026-12-20']]);
    assert.deepEqual(calendarEvents([report]).filter((e) => e.kind === 'goal-due').map((e) => e.date), ['2026-12-20']);
    assert.deepEqual(summaryRows([report])[0]!.slice(4, 6), ['1 + unknown', 'unknown']);
    // A session naming one of its goals is not told the goal is unknown.
    assert.deepEqual([...index.allProblems().values()].flat().map((p) => p.code), ['yaml/syntax']);
  });

  it('says an agreed cadence written with a value that is no cadence is not valid, not "none"', async () => {
    const report = analyzeRelationship(await load({ agreement: { cadence: 'P100000000D' } }), TODAY);
    assert.equal(report.cadence.cadenceInvalid, true);
    assert.match(renderReviewMarkdown(report), /^- Agreed cadence: not valid as written, so unknown \(check says why\)$/m);
    assert.match(renderReviewMarkdown(analyzeRelationship(await load({ agreement: { cadence: null } }), TODAY)), /^- Agreed cadence: none$/m);
  });

  it('says a declared stage written with a value that is no stage is not valid, not "not set"', async () => {
    const invalid = analyzeRelationship(await load({ agreement: { stage: '5' } }), TODAY);
    assert.equal(invalid.declaredStage, undefined);
    assert.equal(invalid.declaredStageInvalid, true);
    assert.match(renderReviewMarkdown(invalid), /^- Declared in the agreement: not valid as written, so unknown \(check says why\)$/m);
    assert.equal(summaryRows([invalid])[0]![1], 'unknown');
    const unset = analyzeRelationship(await load({ agreement: { stage: '~' } }), TODAY);
    assert.equal(unset.declaredStageInvalid, undefined);
    assert.match(renderReviewMarkdown(unset), /^- Declared in the agreement: not set$/m);
    assert.equal(summaryRows([unset])[0]![1], 'not set');
  });

  it('reviews as of today: sessions dated later are left out', async () => {
    const rel = await load({ goals: [{ id: 'rfc' }], sessions: [{ date: '2026-05-20', progress: { rfc: 30 } }, { date: '2026-06-10', progress: { rfc: 60 } }] });
    const report = analyzeRelationship(rel, TODAY);
    assert.deepEqual(report.sessions.map((s) => s.date), ['2026-05-20']);
    assert.equal(report.goals[0]!.progress, 30);
    assert.equal(analyzeRelationship(rel, '2026-06-10').goals[0]!.progress, 60);
  });

  it('is deterministic', async () => {
    const rel = await load({ goals: [{ id: 'rfc' }], sessions: [{ date: '2026-05-20', goals: ['rfc'], progress: { rfc: 30 } }] });
    assert.deepEqual(analyzeRelationship(rel, TODAY), analyzeRelationship(rel, TODAY));
  });
});

describe('goal reports', () => {
  const spec = {
    goals: [
      { id: 'rfc', title: 'Write an RFC', due: '2026-07-01', progress: 5, created: '2026-01-05' },
      { id: 'talk', status: 'achieved' },
      { id: 'mentor-others', status: 'proposed', progress: 15 },
      { id: 'quiet', status: 'paused' },
    ],
    sessions: [
      { date: '2026-02-01', goals: ['rfc'], progress: { rfc: 20 }, actions: ['[ ] @sam outline [[rfc]] (due 2026-02-10)', '[ ] @priya send examples'] },
      { date: '2026-03-01', status: 'missed' as const, progress: { rfc: 25 } },
      { date: '2026-04-01', body: 'We looked at [[rfc]] again.', progress: { rfc: 40 }, actions: ['[x] @sam outline [[rfc]] (due 2026-02-10)', '[ ] @sam first draft [[rfc]] (due 2026-05-01)'] },
    ],
  };

  it('takes progress from the latest session, then the goal, then an achieved status', async () => {
    const report = analyzeRelationship(await load(spec), TODAY);
    const byId = Object.fromEntries(report.goals.map((g) => [g.id, g]));
    assert.deepEqual([byId.rfc!.progress, byId.rfc!.progressSource], [40, 'session']);
    assert.deepEqual([byId.talk!.progress, byId.talk!.progressSource], [100, 'status']);
    assert.deepEqual([byId['mentor-others']!.progress, byId['mentor-others']!.progressSource], [15, 'goal']);
    assert.deepEqual([byId.quiet!.progress, byId.quiet!.progressSource], [undefined, 'none']);
  });

  it('keeps the progress history from every session that recorded one', async () => {
    const rfc = analyzeRelationship(await load(spec), TODAY).goals.find((g) => g.id === 'rfc');
    assert.deepEqual(rfc!.history, [
      { date: '2026-02-01', progress: 20, file: 'p/sessions/2026-02-01.md' },
      { date: '2026-03-01', progress: 25, file: 'p/sessions/2026-03-01.md' },
      { date: '2026-04-01', progress: 40, file: 'p/sessions/2026-04-01.md' },
    ]);
  });

  it('lists held sessions that discussed the goal, the last discussion, due date and days left', async () => {
    const rfc = analyzeRelationship(await load(spec), TODAY).goals.find((g) => g.id === 'rfc');
    assert.deepEqual(rfc!.discussedIn.map((s) => s.date), ['2026-02-01', '2026-04-01']);
    assert.equal(rfc!.lastDiscussed, '2026-04-01');
    assert.deepEqual([rfc!.title, rfc!.owner, rfc!.status, rfc!.due, rfc!.daysLeft, rfc!.created], ['Write an RFC', 'mentee', 'active', '2026-07-01', 30, '2026-01-05']);
    assert.equal(rfc!.success, 'Both partners agree it is done');
    assert.deepEqual(rfc!.source.file, 'p/goals/rfc.md');
    assert.equal(rfc!.source.range.start.line, 1);
  });

  it('attaches the open action items that reference the goal', async () => {
    const report = analyzeRelationship(await load(spec), TODAY);
    const byId = Object.fromEntries(report.goals.map((g) => [g.id, g]));
    assert.deepEqual(byId.rfc!.openActions.map((a) => a.text), ['first draft [[rfc]]']);
    assert.deepEqual(byId.talk!.openActions, []);
  });
});

describe('open action items', () => {
  it('count an item as open when its latest occurrence is unchecked, and flag past due dates', async () => {
    const rel = await load({
      sessions: [
        { date: '2026-04-01', actions: ['[ ] @sam outline (due 2026-04-10)', '[ ] @priya send examples', '[x] @sam book a room'] },
        { date: '2026-05-01', actions: ['[x] @sam outline (due 2026-04-20)', '[ ] @sam book a room', '[ ] @sam first draft (due 2026-06-15)'] },
      ],
    });
    const actions = analyzeRelationship(rel, TODAY).actions;
    assert.deepEqual(
      actions.map((a) => [a.owner, a.text, a.sessionDate, a.due ?? null, a.daysLeft ?? null, a.overdue]),
      [
        ['priya', 'send examples', '2026-04-01', null, null, false],
        ['sam', 'book a room', '2026-05-01', null, null, false],
        ['sam', 'first draft', '2026-05-01', '2026-06-15', 14, false],
      ],
    );
    assert.equal(actions[0]!.source.file, 'p/sessions/2026-04-01.md');
  });

  it('take an item carried over with its letters composed another way (`u` and a combining mark for `ü`) for the same item', async () => {
    const rel = await load({
      sessions: [
        { date: '2026-04-01', actions: ['[ ] @j\u00fcrgen \u00fcbersetzen (due 2026-04-10)'] },
        { date: '2026-05-01', actions: ['[x] @ju\u0308rgen u\u0308bersetzen (due 2026-04-10)'] },
      ],
    });
    assert.deepEqual(analyzeRelationship(rel, TODAY).actions, []);
  });

  it('mark an unchecked item past its due date as overdue', async () => {
    const rel = await load({ sessions: [{ date: '2026-05-01', actions: ['[ ] @sam outline (due 2026-05-20)'] }] });
    const [action] = analyzeRelationship(rel, TODAY).actions;
    assert.deepEqual([action!.overdue, action!.daysLeft], [true, -12]);
  });
});

describe('cadence health', () => {
  const base = { goals: [{ id: 'rfc' }] };

  it('counts held, missed and cancelled sessions and reads the next meeting from the latest session', async () => {
    const rel = await load({
      ...base,
      sessions: [
        { date: '2026-05-01', next: '2026-05-15' },
        { date: '2026-05-15', status: 'missed' },
        { date: '2026-05-20', status: 'cancelled' },
        { date: '2026-05-25', next: '2026-06-08' },
      ],
    });
    const c = analyzeRelationship(rel, TODAY).cadence;
    assert.deepEqual(c, { cadence: { label: 'biweekly', days: 14 }, lastHeld: '2026-05-25', daysSinceLastHeld: 7, held: 2, missed: 1, cancelled: 1, nextMeeting: '2026-06-08', daysToNext: 7, nextSession: { date: '2026-06-08', from: 'next', daysTo: 7 }, overdue: false, overdueDays: 0 });
  });

  it('is overdue once the planned next meeting has passed', async () => {
    const rel = await load({ ...base, sessions: [{ date: '2026-05-20', next: '2026-05-28' }] });
    const c = analyzeRelationship(rel, TODAY).cadence;
    assert.deepEqual([c.overdue, c.overdueDays, c.overdueBy, c.daysToNext], [true, 4, 'next', -4]);
  });

  it('uses only the latest session\'s next: an earlier plan was replaced', async () => {
    const rel = await load({ ...base, sessions: [{ date: '2026-05-10', next: '2026-05-24' }, { date: '2026-05-24' }] });
    const c = analyzeRelationship(rel, TODAY).cadence;
    assert.equal(c.nextMeeting, undefined);
    assert.deepEqual(c.nextSession, { date: '2026-06-07', from: 'cadence', daysTo: 6 }); // by the cadence: 2026-05-24 + 14
    assert.equal(c.overdue, false); // 8 days since the last held session, within 14 + 2
  });

  it('without a next date, is overdue past the cadence plus the grace days', async () => {
    const sessions = [{ date: '2026-05-16' }]; // 16 days before TODAY; biweekly is 14
    const rel = await load({ ...base, sessions });
    assert.equal(analyzeRelationship(rel, TODAY, { graceDays: 2 }).cadence.overdue, false);
    const tight = analyzeRelationship(rel, TODAY, { graceDays: 1 }).cadence;
    assert.deepEqual([tight.overdue, tight.overdueDays, tight.overdueBy], [true, 2, 'cadence']);
    assert.equal(analyzeRelationship(rel, '2026-06-02', { graceDays: 2 }).cadence.overdue, true);
  });

  it('counts from the start when no session was held yet', async () => {
    const rel = await load({ ...base, agreement: { started: '2026-05-01', signed: null, stage: 'creating' } });
    const c = analyzeRelationship(rel, TODAY).cadence;
    assert.deepEqual([c.overdue, c.overdueDays, c.lastHeld], [true, 17, undefined]);
  });

  it('is never overdue by cadence without one, but still by a passed next date', async () => {
    const quiet = await load({ ...base, agreement: { cadence: null }, sessions: [{ date: '2026-01-10' }] });
    assert.equal(analyzeRelationship(quiet, TODAY).cadence.overdue, false);
    const planned = await load({ ...base, agreement: { cadence: null }, sessions: [{ date: '2026-01-10', next: '2026-02-01' }] });
    assert.equal(analyzeRelationship(planned, TODAY).cadence.overdue, true);
  });

  it('is never overdue once the partnership is over', async () => {
    const rel = await load({ ...base, agreement: { ends: '2026-05-01' }, sessions: [{ date: '2026-03-01', next: '2026-03-15' }] });
    assert.equal(analyzeRelationship(rel, TODAY).cadence.overdue, false);
  });
});

describe('analyzeJournal', () => {
  it('reports every relationship of the index for one day', async () => {
    const fs = new MemoryFileSystem({
      'a/agreement.md': '---\ntype: agreement\nmentor: A\nmentee: B\nformality: informal\nstarted: 2026-01-01\nstage: creating\n---\n',
      'b/agreement.md': '---\ntype: agreement\nmentor: C\nmentee: D\nformality: informal\nstarted: 2026-01-01\nstage: creating\n---\n',
    });
    const index = new JournalIndex(fs);
    await index.build();
    const journal = analyzeJournal(index.relationships(), TODAY, { graceDays: 0 });
    assert.equal(journal.today, TODAY);
    assert.deepEqual(journal.relationships.map((r) => [r.id, r.mentors[0]]), [['a', 'A'], ['b', 'C']]);
  });
});

describe('statuses that are not valid, and sessions whose YAML is broken', () => {
  const crlf = (t: string) => t.replace(/\n/g, '\r\n');
  const files = {
    // Flow maps, quotes, CRLF: an inline goal with an invalid status beside a valid one.
    'p/agreement.md': crlf(
      "---\ntype: agreement\nmentor: {name: 'Priya'}\nmentee: \"Sam\"\nstarted: 2026-01-01\nends: 2026-12-31\ncadence: monthly\nstage: building\nsigned: {mentor: 2026-01-02, mentee: 2026-01-02}\ngoals:\n  - {id: learn-d3, title: \"Learn D3\", status: finished}\n  - {id: ship-cli, title: 'Ship the CLI', status: active, success: shipped, due: 2026-09-01}\n---\n",
    ),
    'p/goals/odd.md': crlf("---\ntype: goal\ntitle: 'Odd'\nstatus: \"done\" # not a status\n---\n"),
    // A `: ` in the unquoted title breaks the YAML before `status`: the parser reads no status, so none is made up.
    'p/goals/broken.md': crlf('---\ntype: goal\ntitle: Headcount: how decisions are made\nowner: mentor\nstatus: active\n---\n'),
    'p/sessions/2026-02-01.md': crlf('---\n{type: session, date: 2026-02-01}\n---\n'),
    'p/sessions/2026-03-01.md': crlf("---\ntype: session\ndate: 2026-03-01\nstatus: 'skipped'\n---\n"),
    'p/sessions/2026-04-01.md': crlf('---\ntype: session\ndate: 2026-04-01\nstatus: missed\n---\n'),
    // A tab where YAML wants spaces: the front matter is broken, its status is not known.
    'p/sessions/2026-05-01.md': crlf('---\ntype: session\ndate: 2026-05-01\npulse:\n\tmentor: 4\n---\n'),
  };

  it('shows an invalid goal status as unknown in the report, Markdown and JSON, and leaves it out of a saved review', async () => {
    const index = new JournalIndex(new MemoryFileSystem(files));
    await index.build();
    const report = analyzeRelationship(index.relationship('p')!, TODAY);
    assert.deepEqual(
      report.goals.map((g) => [g.id, g.status]),
      [
        ['learn-d3', 'unknown'],
        ['ship-cli', 'active'],
        ['broken', 'unknown'],
        ['odd', 'unknown'],
      ],
    );
    assert.deepEqual(index.problems('p/goals/broken.md').map((p) => p.code), ['yaml/syntax']);
    const markdown = renderReviewMarkdown(report);
    assert.match(markdown, /^\| Learn D3 \(learn-d3\) \| mentee \| unknown \|/m);

    assert.doesNotMatch(markdown, /\| proposed \|/);
    assert.deepEqual(reviewToJson(report).goals.find((g) => g.id === 'learn-d3')?.status, 'unknown');
    const saved = renderReviewFile(report);
    assert.match(saved, /^ {2}learn-d3: \{\}$|^ {2}learn-d3:$/m);
    assert.match(saved, /^ {2}ship-cli:\n {4}status: active$/m);
    // The saved review is a valid review file: no problem about its goals' statuses.
    const problems = parseJournalFile('p/reviews/2026-06-01.md', saved).problems;
    assert.deepEqual(problems.map((p) => p.code), []);
  });

  it('counts neither a session with an invalid status nor one whose YAML is broken as held', async () => {
    const index = new JournalIndex(new MemoryFileSystem(files));
    await index.build();
    const rel = index.relationship('p')!;
    assert.deepEqual(
      rel.sessions.map((s) => [s.date, s.status]),
      [
        ['2026-02-01', 'held'],
        ['2026-03-01', 'unknown'],
        ['2026-04-01', 'missed'],
        ['2026-05-01', 'unknown'],
      ],
    );
    const report = analyzeRelationship(rel, TODAY);
    assert.deepEqual([report.cadence.held, report.cadence.missed, report.cadence.cancelled, report.cadence.lastHeld], [1, 1, 0, '2026-02-01']);
    const markdown = renderReviewMarkdown(report);
    assert.match(markdown, /^- Sessions so far: 1 held, 1 missed, 0 cancelled$/m);
    // Only one session is known to have been missed since the last held one: not two in a row.
    assert.equal(report.signals.some((s) => s.code === 'missed-in-a-row'), false);
  });

  it('takes nothing from a session whose YAML is broken but that it is there: no progress, goals, actions, pulse or next date, and no rule on its guessed date', async () => {
    const broken = (date: string) => `---\ntype: session\ndate: ${date}\nprogress:\n  ship-cli: 20\n\tx: 1\npulse: {mentor: 2, mentee: 2}\nnext: 2026-06-01\ngoals: [ship-cli]\n---\n## Notes\nTalked about [[ship-cli]].\n- [ ] @sam write it (due 2026-02-20)\n`;
    const index = new JournalIndex(new MemoryFileSystem({ ...files, 'p/sessions/2026-01-15.md': '---\ntype: session\ndate: 2026-01-15\nprogress: {ship-cli: 50}\n---\n', 'p/sessions/2026-02-08.md': broken('2026-02-08'), 'p/sessions/2025-12-08.md': broken('2025-12-08') }));
    await index.build();
    // Only the syntax error: not progress-decreased (50, then 20), nor dated before the partnership started (2026-01-01).
    for (const file of ['p/sessions/2026-02-08.md', 'p/sessions/2025-12-08.md']) assert.deepEqual(index.problems(file).map((p) => `${p.code}@${p.range.start.line}:${p.range.start.column}`), ['yaml/syntax@6:1'], file);
    const rel = index.relationship('p')!;
    const session = rel.sessions.find((s) => s.date === '2026-02-08')!;
    assert.deepEqual([session.status, session.progress, session.goals, session.actions, session.pulse, session.next], ['unknown', {}, [], [], undefined, undefined]);
    assert.deepEqual(journalActions([rel], '2026-03-01'), []);
    const report = analyzeRelationship(rel, '2026-03-01');
    assert.equal(report.goals.find((g) => g.id === 'ship-cli')!.progress, 50);
  });
});

describe('goals and reviews a file stands for', () => {
  const agreement = "---\ntype: agreement\nmentor: Élodie\nmentee: Jürgen\nformality: informal\nstarted: 2025-01-01\nstage: building\nsigned: {mentor: 2025-01-01, mentee: 2025-01-01}\n---\n";
  const goal = (title: string) => `---\ntype: goal\ntitle: ${title}\nowner: mentee\nstatus: active\ncreated: 2025-01-02\ndue: 2025-06-01\nsuccess: ok\n---\n`;
  const reportOf = async (files: Record<string, string>, today: string) => {
    const index = new JournalIndex(new MemoryFileSystem({ 'p/agreement.md': agreement, ...files }));
    await index.build();
    return { index, report: analyzeRelationship(index.relationship('p')!, today) };
  };

  it('counts the progress and the mentions of a goal named as its file is (`Über_Python`), which check takes without an error', async () => {
    const { index, report } = await reportOf({
      'p/goals/Über_Python.md': goal('Python'),
      'p/goals/learn-go.md': goal('Go').replace('type: goal', 'type: goal\nid: Learn-Go'),
      'p/sessions/2025-01-10.md': '---\ntype: session\ndate: 2025-01-10\ngoals: [Über_Python]\nprogress: {Über_Python: 40, Learn-Go: 30}\n---\n',
    }, '2025-01-20');
    assert.deepEqual(report.goals.map((g) => [g.id, g.progress, g.lastDiscussed]), [['learn-go', 30, '2025-01-10'], ['uber-python', 40, '2025-01-10']]);
    assert.deepEqual([...index.allProblems().values()].flat().filter((p) => p.code === 'goal/unknown-id'), []);
  });

  it('compares with the last review it can read, not with one whose YAML is broken', async () => {
    const review = (date: string, status: string) => `---\ntype: review\ndate: ${date}\nstage: building\ngoals:\n  python:\n${status}\n---\n`;
    const { report } = await reportOf({
      'p/goals/python.md': goal('Python'),
      'p/reviews/2025-01-15.md': review('2025-01-15', '    status: active'),
      'p/reviews/2025-02-01.md': review('2025-02-01', '\tstatus: active'),
    }, '2025-02-20');
    assert.equal(report.changes?.previous?.date, '2025-01-15');
  });

  it('counts a goal file with a merge conflict whose name gives no id (`登壇.md`) as a goal of unknown status', async () => {
    const { report } = await reportOf({
      'p/goals/done.md': goal('Done').replace('status: active', 'status: achieved'),
      'p/goals/登壇.md': '---\ntype: goal\n<<<<<<< HEAD\nstatus: active\n=======\nstatus: paused\n>>>>>>> other\n---\n',
    }, '2025-03-10');
    assert.deepEqual(report.goals.map((g) => [g.id, g.status]), [['done', 'achieved'], ['登壇', 'unknown']]);
    assert.notEqual(report.inferred.stage, 'moving-on');
    // Its owner is as unknown as its status, in the review's table and its JSON.
    assert.equal(report.goals[1]!.owner, 'unknown');
    assert.match(renderReviewMarkdown(report), /^\| 登壇 \(登壇\) \| unknown \| unknown \|/m);
    assert.equal(reviewToJson(report).goals[1]!.owner, 'unknown');
  });

  it('a goal file that cannot be read, named almost as an id (`Design Doc.md`), answers to its name as a readable one does', async () => {
    const { index, report } = await reportOf({
      'p/goals/Design Doc.md': '---\ntype: goal\ntitle: Design\nstatus: active\n',
      'p/sessions/2025-03-01.md': '---\ntype: session\ndate: 2025-03-01\ngoals: [Design Doc]\n---\n',
    }, '2025-03-10');
    assert.deepEqual(report.goals.map((g) => [g.id, g.status, g.lastDiscussed]), [['design-doc', 'unknown', '2025-03-01']]);
    assert.deepEqual([...index.allProblems().values()].flat().filter((p) => p.code === 'goal/references-unchecked' || p.code === 'goal/unknown-id'), []);
  });

  it('keeps the id a conflicted goal file writes outside its conflict blocks; an id the two sides disagree on leaves the file name', async () => {
    const conflicted = (id: string, inside = '') => `---\ntype: goal\n${id}<<<<<<< HEAD\nstatus: active\n${inside}=======\nstatus: paused\n>>>>>>> other\n---\n`;
    const { index, report } = await reportOf({
      'p/goals/talk.md': conflicted('id: speaking # the talk\n'),
      'p/goals/video.md': conflicted('', 'id: short-video\n'),
      'p/sessions/2025-03-01.md': '---\ntype: session\ndate: 2025-03-01\ngoals: [speaking]\n---\n',
    }, '2025-03-10');
    assert.deepEqual(report.goals.map((g) => [g.id, g.status, g.source.file]), [['speaking', 'unknown', 'p/goals/talk.md'], ['video', 'unknown', 'p/goals/video.md']]);
    assert.equal(index.relationship('p')!.goals.find((g) => g.id === 'speaking')?.unread, true);
    assert.deepEqual([...index.allProblems().values()].flat().filter((p) => p.code === 'goal/unknown-id'), []);
  });
});

describe('the cadence section before the first session and after the end', () => {
  const crlf = (t: string) => t.replace(/\n/g, '\r\n');
  const agreement = (extra: string) =>
    crlf(`---\n{type: agreement, mentor: 'Eve', mentee: "Finn", started: 2026-09-01, ends: '2026-12-31', cadence: biweekly, stage: creating${extra}}\n---\n`);
  const reportOf = async (files: Record<string, string>, today: string) => {
    const index = new JournalIndex(new MemoryFileSystem(files));
    await index.build();
    return analyzeRelationship(index.relationship('p')!, today);
  };

  it('with no session held yet, the overdue line does not speak of a last held session', async () => {
    const report = await reportOf({ 'p/agreement.md': agreement('') }, '2026-12-07');
    const markdown = renderReviewMarkdown(report);
    assert.match(markdown, /^- Last held session: none yet$/m);
    assert.match(markdown, /^- \*\*Overdue by 83 days\*\*: no session has been held yet, and more time has passed since the start than the cadence allows\.$/m);
    assert.doesNotMatch(markdown, /since the last held session/);
  });

  it('an agenda written ahead is the plan: the next session on its day, nothing overdue, past a next: or the cadence', async () => {
    const files = {
      'p/agreement.md': agreement(''),
      'p/sessions/2026-11-04.md': crlf("---\ntype: session\ndate: 2026-11-04\nnext: '2026-11-18'\n---\n"),
      'p/sessions/2026-12-05.md': '---\ntype: session\ndate: 2026-12-05\n---\n\n## Agenda\n',
    };
    const report = await reportOf(files, '2026-12-01');
    assert.deepEqual(report.cadence.nextSession, { date: '2026-12-05', from: 'agenda', daysTo: 4 });
    assert.deepEqual([report.cadence.overdue, report.cadence.nextMeeting], [false, '2026-11-18']);
    const markdown = renderReviewMarkdown(report);
    assert.match(markdown, /^- Next meeting: 2026-12-05, in 4 days, with an agenda written ahead$/m);
    assert.match(markdown, /^- On track\.$/m);
    assert.equal(reviewToJson(report).cadence.nextSession?.from, 'agenda');
    // Without the agenda, the passed next: is overdue.
    const without = await reportOf({ 'p/agreement.md': files['p/agreement.md'], 'p/sessions/2026-11-04.md': files['p/sessions/2026-11-04.md'] }, '2026-12-01');
    assert.deepEqual([without.cadence.overdue, without.cadence.overdueDays], [true, 13]);
    // One called off in advance is no plan.
    const calledOff = await reportOf({ ...files, 'p/sessions/2026-12-05.md': '---\ntype: session\ndate: 2026-12-05\nstatus: cancelled\n---\n' }, '2026-12-01');
    assert.deepEqual([calledOff.cadence.nextSession?.from, calledOff.cadence.overdue], ['next', true]);
    // An agenda after the end is still the plan, said to be after the end.
    const afterEnd = await reportOf({ ...files, 'p/sessions/2026-12-05.md': '---\ntype: session\ndate: 2027-01-08\n---\n' }, '2026-12-01');
    assert.match(renderReviewMarkdown(afterEnd), /^- Next meeting: 2027-01-08, in 38 days, with an agenda written ahead, after the partnership ends on 2026-12-31: extend `ends`, or meet before then$/m);
    // A closure recorded ahead is the end that comes first: the advice is about it, not about `ends`.
    const closing = await reportOf({ 'p/agreement.md': agreement(', closure: {date: 2026-12-20}'), 'p/sessions/2026-11-04.md': crlf("---\ntype: session\ndate: 2026-11-04\nnext: '2026-12-24'\n---\n") }, '2026-12-14');
    assert.match(renderReviewMarkdown(closing), /^- Next meeting: 2026-12-24, in 10 days, after the partnership closes on 2026-12-20: a meeting outside the formal partnership$/m);
    const event = calendarEvents([closing]).find((e) => e.kind === 'next-session')!;
    assert.match(event.description, /The partnership closes on 2026-12-20, before this day: a meeting outside the formal partnership\.$/);
  });

  it('once the partnership has ended, a next: written before the end is no plan, and it is not "on track"', async () => {
    const files = {
      'p/agreement.md': agreement(''),
      'p/sessions/2026-11-18.md': crlf("---\ntype: session\ndate: 2026-11-18\nnext: '2026-12-02' # in two weeks\n---\n"),
    };
    const report = await reportOf(files, '2027-03-05');
    const markdown = renderReviewMarkdown(report);
    assert.match(markdown, /^- Next meeting: none, the partnership ended on 2026-12-31$/m);
    assert.match(markdown, /^- The partnership ended on 2026-12-31: no meeting is expected\.$/m);
    assert.doesNotMatch(markdown, /On track|days ago\n- On/);
    assert.equal(summaryRows([report])[0]![3], 'none (ended 2026-12-31)');
    // A closure's date wins over `ends`; before the end, the plan stands.
    const closed = await reportOf({ ...files, 'p/agreement.md': agreement(', closure: {date: 2026-12-20, outcome: friends}') }, '2027-03-05');
    assert.match(renderReviewMarkdown(closed), /^- Next meeting: none, the partnership ended on 2026-12-20$/m);
    const before = await reportOf(files, '2026-11-25');
    assert.match(renderReviewMarkdown(before), /^- Next meeting: 2026-12-02, in 7 days$/m);
    assert.equal(summaryRows([before])[0]![3], '2026-12-02');
  });
});
