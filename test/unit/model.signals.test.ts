import assert from 'node:assert/strict';
import { analyzeRelationship, JournalIndex, MemoryFileSystem, renderReviewMarkdown, reviewToJson, SIGNAL_CODES, type EngineOptions, type GoalFieldChange, type Relationship, type RelationshipHistory, type Signal, type SignalCode } from '../../src/core';
import { journalFiles, load, TODAY, type JournalSpec } from './model.journal.test';
import { markdownToText, summaryRows } from '../../src/cli/summary';
import { renderSessionFile } from '../../src/core/templates';

async function signals(spec: JournalSpec, today = TODAY, options: Partial<EngineOptions> = {}): Promise<Signal[]> {
  return analyzeRelationship(await load(spec), today, options).signals;
}

async function only(code: SignalCode, spec: JournalSpec, today = TODAY, options: Partial<EngineOptions> = {}): Promise<Signal[]> {
  return (await signals(spec, today, options)).filter((s) => s.code === code);
}

/** A relationship meeting every two weeks with one active goal discussed each time: no signals. */
const HEALTHY: JournalSpec = {
  agreement: { strengths: '{mentor: [listening], mentee: [curiosity]}' },
  goals: [{ id: 'rfc', due: '2026-10-01', created: '2026-01-05' }],
  sessions: [
    { date: '2026-05-04', goals: ['rfc'], progress: { rfc: 30 } },
    { date: '2026-05-18', goals: ['rfc'], progress: { rfc: 40 } },
    { date: '2026-05-28', goals: ['rfc'], progress: { rfc: 45 }, next: '2026-06-11', actions: ['[ ] @sam draft (due 2026-06-10) [[rfc]]'] },
  ],
};

describe('signals', () => {
  it('a healthy relationship raises none', async () => {
    assert.deepEqual(await signals(HEALTHY), []);
  });

  describe('agreement-unreadable', () => {
    const build = async (agreement: string, options: Partial<EngineOptions> = {}) => {
      const index = new JournalIndex(new MemoryFileSystem({ 'ana-and-ben/agreement.md': agreement, 'ana-and-ben/sessions/2026-09-08.md': '---\ntype: session\ndate: 2026-09-08\n---\n' }), options);
      await index.build();
      return index.relationship('ana-and-ben')!;
    };

    it('fires, as an error at the problem, when the agreement\'s front matter was not read, and nothing of it is guessed', async () => {
      // A tab before `mentor:` under `signed:`: the parser puts 2026-09-01 where the mentor's name was.
      const rel = await build('---\ntype: agreement\nmentor: Ana Lima\nmentee: Ben Ode\nstarted: 2026-09-01\nstage: mastery\nsigned:\n\tmentor: 2026-09-01\n---\n');
      assert.equal(rel.agreement, undefined, 'no partner, date or stage taken from a front matter that does not parse');
      assert.deepEqual(rel.agreementUnread, { file: 'ana-and-ben/agreement.md', range: rel.agreementUnread!.range, code: 'yaml/syntax' });
      assert.equal(rel.agreementUnread!.range.start.line, 8);
      const report = analyzeRelationship(rel, TODAY);
      assert.deepEqual(report.mentors, []);
      const [s, ...rest] = report.signals;
      assert.equal(s!.code, 'agreement-unreadable');
      assert.equal(s!.severity, 'error');
      assert.equal(s!.message, 'The agreement could not be read: its front matter is not valid YAML (line 8). Until it is, the partners, dates, cadence and stage are unknown here.');
      assert.deepEqual(s!.source, { file: 'ana-and-ben/agreement.md', range: rel.agreementUnread!.range });
      assert.deepEqual(rest.filter((r) => r.code === 'agreement-unreadable'), []);
    });

    it('makes the review say the goals, the cadence and the stage are unknown, not absent or not agreed yet', async () => {
      const rel = await build('---\ntype: agreement\nmentor: Ana Lima\nmentee: Ben Ode\nstarted: 2026-09-01\ncadence: weekly\nsigned:\n\tmentor: 2026-09-01\n---\n');
      const report = analyzeRelationship(rel, TODAY);
      assert.deepEqual(report.agreementUnread, { file: 'ana-and-ben/agreement.md', line: 8 });
      assert.equal(report.cadence.agreementUnread, true);
      assert.equal(report.inferred.stage, 'creating');
      assert.deepEqual(report.inferred.reasons, ['The agreement could not be read (line 8), so whether it is signed, and the goals it holds, are unknown: the journal is read as creating until it is fixed.']);
      const text = renderReviewMarkdown(report);
      assert.match(text, /^The agreement could not be read \(line 8\): the partners, dates and goals it holds are unknown until it is fixed\.$/m);
      assert.match(text, /^No goal could be read: the agreement, where goals may be written, could not be read \(line 8 of `ana-and-ben\/agreement\.md`\), so the goals are unknown until it is fixed\.$/m);
      assert.match(text, /^- Agreed cadence: unknown, the agreement could not be read$/m);
      assert.doesNotMatch(text, /No goals yet|No readable agreement yet|Agreed cadence: none/);
      // In the JSON, the partners that could not be read are null, as every value that does not exist.
      assert.deepEqual([reviewToJson(report).mentor, reviewToJson(report).mentee, reviewToJson(report).mentors], [null, null, []]);
      assert.match(text, /^- Declared in the agreement: unknown, the agreement could not be read$/m);
      assert.deepEqual(summaryRows([report])[0]!.slice(1, 6), ['unknown', 'creating', report.cadence.nextSession ? report.cadence.nextSession.date : 'not planned', 'unknown', 'unknown']);
    });

    it('fires for an agreement with a key written twice: the signing days at the margin under `signed:` are no partners\' names', async () => {
      const rel = await build('---\ntype: agreement\nmentor: Carla Diaz\nmentee: Dev Patel\nstarted: 2026-06-01\nstage: building\nsigned:\nmentor: 2026-06-02\nmentee: 2026-06-03\n---\n');
      assert.equal(rel.agreement, undefined);
      assert.deepEqual(rel.agreementUnread, { file: 'ana-and-ben/agreement.md', range: rel.agreementUnread!.range, code: 'yaml/duplicate-key' });
      assert.equal(rel.agreementUnread!.range.start.line, 8);
      const report = analyzeRelationship(rel, TODAY);
      assert.deepEqual([report.mentors, report.mentees], [[], []]);
      assert.equal(report.signals[0]!.code, 'agreement-unreadable');
      assert.doesNotMatch(renderReviewMarkdown(report), /2026-06-02 \(mentor\)/);
    });

    it('fires for an agreement.md whose type says it is something else', async () => {
      const rel = await build('---\ntype: session\ndate: 2026-09-01\n---\n');
      assert.equal(rel.agreement, undefined);
      const [s] = analyzeRelationship(rel, TODAY).signals;
      assert.equal(s!.code, 'agreement-unreadable');
      assert.equal(s!.message, 'The agreement could not be read: its `type` says it is not an agreement (line 1). Until it is, the partners, dates, cadence and stage are unknown here.');
    });

    it('fires for an agreement larger than maxFileSize, and not for a readable one', async () => {
      const agreement = `---\ntype: agreement\nmentor: Ana Lima\nmentee: Ben Ode\nstarted: 2026-09-01\nends: 2027-08-31\nstage: building\n---\n${'Our ground rules. '.repeat(100)}\n`;
      const [big] = analyzeRelationship(await build(agreement, { maxFileBytes: 1024 }), TODAY).signals;
      assert.equal(big!.code, 'agreement-unreadable');
      assert.match(big!.message, /larger than the size limit \(`maxFileSize`\)/);
      const readable = analyzeRelationship(await build(agreement), TODAY);
      assert.deepEqual(readable.mentors, ['Ana Lima']);
      assert.deepEqual(readable.signals.filter((r) => r.code === 'agreement-unreadable'), []);
    });
  });

  describe('cadence-overdue', () => {
    it('fires when the planned next meeting has passed', async () => {
      const [s] = await only('cadence-overdue', { ...HEALTHY, sessions: [{ date: '2026-05-10', goals: ['rfc'], next: '2026-05-20' }] });
      assert.equal(s!.severity, 'warning');
      assert.equal(s!.message, 'The next meeting was planned for 2026-05-20, 12 days ago, and no later session is recorded.');
      assert.equal(s!.source?.file, 'p/sessions/2026-05-10.md');
    });

    it('fires past the cadence plus grace days when nothing is planned', async () => {
      const spec = { ...HEALTHY, sessions: [{ date: '2026-05-15', goals: ['rfc'] }] };
      const [s] = await only('cadence-overdue', spec);
      assert.equal(s!.message, 'The last held session was on 2026-05-15, 17 days ago, 3 days past the agreed biweekly rhythm of 14 days.');
      assert.deepEqual(await only('cadence-overdue', spec, TODAY, { graceDays: 3 }), []);
    });

    it('stays quiet while the next meeting is ahead', async () => {
      assert.deepEqual(await only('cadence-overdue', { ...HEALTHY, sessions: [{ date: '2026-04-01', goals: ['rfc'], next: '2026-06-02' }] }), []);
    });
  });

  describe('goal-stale', () => {
    const stale: JournalSpec = {
      goals: [{ id: 'rfc', created: '2026-01-05' }, { id: 'talk' }],
      sessions: [{ date: '2026-04-20', goals: ['rfc', 'talk'] }, { date: '2026-05-04', goals: ['talk'] }, { date: '2026-05-18', goals: ['talk'] }, { date: '2026-05-25', status: 'missed' }, { date: '2026-05-30', goals: ['talk'], next: '2026-06-13' }],
    };

    it('fires for an active goal absent from the last three held sessions', async () => {
      const found = await only('goal-stale', stale);
      assert.deepEqual(found.map((s) => s.goalId), ['rfc']);
      assert.equal(found[0]!.message, 'Active goal `rfc` (Goal rfc) was not discussed in the last 3 held sessions (last discussed on 2026-04-20).');
      assert.equal(found[0]!.source?.file, 'p/goals/rfc.md');
    });

    it('follows staleAfterSessions', async () => {
      assert.deepEqual(await only('goal-stale', stale, TODAY, { staleAfterSessions: 4 }), []);
      assert.equal((await only('goal-stale', stale, TODAY, { staleAfterSessions: 2 })).length, 1);
    });

    it('waits until enough held sessions exist after the goal was created', async () => {
      const young = { ...stale, goals: [{ id: 'rfc', created: '2026-05-10' }, { id: 'talk' }] };
      assert.deepEqual(await only('goal-stale', young), []);
    });

    it('does not take an open to-do carried over from session to session for a discussion of its goal', async () => {
      const todo = '- [ ] @sam submit a proposal for [[rfc]] (due 2026-07-01)';
      const carried: JournalSpec = { goals: [{ id: 'rfc', created: '2026-01-05' }, { id: 'talk' }], sessions: ['2026-05-04', '2026-05-11', '2026-05-18', '2026-05-25'].map((date) => ({ date, goals: ['talk'], body: `## Actions\n\n${todo}\n` })) };
      const [found] = await only('goal-stale', carried);
      assert.equal(found?.message, 'Active goal `rfc` (Goal rfc) was not discussed in the last 3 held sessions (last discussed on 2026-05-04).');
      // Written anew (another action, or the goal named in the notes), it is discussed.
      const talked = { ...carried, sessions: carried.sessions!.map((s, i) => (i === 3 ? { ...s, body: `${s.body}\nWe went through [[rfc]] again.\n` } : s)) };
      assert.deepEqual(await only('goal-stale', talked), []);
    });

    it('ignores goals that are not active', async () => {
      assert.deepEqual(await only('goal-stale', { ...stale, goals: [{ id: 'rfc', status: 'paused' }, { id: 'talk' }] }), []);
    });
  });

  describe('goals-too-broad', () => {
    const done: JournalSpec = { goals: [{ id: 'rfc', status: 'achieved' }, { id: 'talk', status: 'achieved' }, { id: 'old', status: 'dropped' }] };

    it('fires when every goal is achieved with more than a quarter of the time left', async () => {
      const [s] = await only('goals-too-broad', done);
      assert.equal(s!.severity, 'info');
      assert.equal(s!.message, 'Every goal that was not dropped is achieved (1 dropped) with 213 days of the partnership left, 58% of its time.');
      // Just past the threshold, the share says so (not "25%").
      const [near] = await only('goals-too-broad', done, '2026-09-30');
      assert.match(near!.message, /with 92 days of the partnership left, 25\.2% of its time\.$/);
      assert.match(s!.advice, /revisit them together and set new ones/);
    });

    it('stays quiet near the end, or while a goal is open', async () => {
      assert.deepEqual(await only('goals-too-broad', done, '2026-11-01'), []);
      assert.deepEqual(await only('goals-too-broad', { goals: [{ id: 'rfc', status: 'achieved' }, { id: 'talk' }] }), []);
    });

    it('stays quiet once a closure is recorded, even ahead: the partners decided to end', async () => {
      assert.deepEqual(await only('goals-too-broad', { ...done, agreement: { closure: '{date: 2026-12-15, outcome: friends}' } }), []);
    });
  });

  describe('closure-due', () => {
    it('fires within 30 days of the end without closure', async () => {
      const [s] = await only('closure-due', { ...HEALTHY, agreement: { ends: '2026-06-20' } });
      assert.equal(s!.message, 'The partnership ends on 2026-06-20, in 19 days, and no closure is recorded in the agreement.');
      assert.equal(s!.source?.file, 'p/agreement.md');
    });

    it('fires after the end without closure', async () => {
      const [s] = await only('closure-due', { ...HEALTHY, agreement: { ends: '2026-05-31' } });
      assert.equal(s!.message, 'The partnership ended on 2026-05-31, yesterday, and no closure is recorded in the agreement.');
    });

    it('stays quiet far from the end, or once closure is recorded', async () => {
      assert.deepEqual(await only('closure-due', HEALTHY), []);
      assert.deepEqual(await only('closure-due', { ...HEALTHY, agreement: { ends: '2026-06-20', closure: '{date: 2026-05-30, outcome: informal}' } }), []);
    });
  });

  describe('goal-at-risk', () => {
    const soon = (progress: number, due = '2026-06-20', status = 'active'): JournalSpec => ({
      goals: [{ id: 'rfc', due, status }],
      sessions: [{ date: '2026-05-28', goals: ['rfc'], progress: { rfc: progress }, next: '2026-06-11' }],
    });

    it('fires for a goal due within 30 days below 50%', async () => {
      const [s] = await only('goal-at-risk', soon(30));
      assert.equal(s!.message, 'Goal `rfc` (Goal rfc) is due on 2026-06-20, in 19 days, with 30% progress.');
      assert.equal(s!.goalId, 'rfc');
    });

    it('fires for a goal past due without any progress recorded', async () => {
      const [s] = await only('goal-at-risk', { goals: [{ id: 'rfc', due: '2026-05-01' }] });
      assert.equal(s!.message, 'Goal `rfc` (Goal rfc) was due on 2026-05-01, 31 days ago, with no progress recorded.');
    });

    it('fires for a goal past due however far along, below 100%, with advice for a goal nearly done', async () => {
      const [s] = await only('goal-at-risk', soon(90, '2026-05-20'));
      assert.equal(s!.message, 'Goal `rfc` (Goal rfc) was due on 2026-05-20, 12 days ago, with 90% progress.');
      assert.equal(s!.advice, 'Its date has passed: if it is met, mark it achieved; if not, agree on a new date for what is left, or narrow the success criteria.');
      assert.match((await only('goal-at-risk', soon(20, '2026-05-20')))[0]!.advice, /^Talk about whether it is still within reach/);
      assert.deepEqual(await only('goal-at-risk', soon(100, '2026-05-20')), []);
      assert.equal((await only('goal-at-risk', soon(90, '2026-05-20', 'paused'))).length, 1);
    });

    it('stays quiet at 50% or more before its date, further out, or once achieved', async () => {
      assert.deepEqual(await only('goal-at-risk', soon(50)), []);
      assert.deepEqual(await only('goal-at-risk', soon(10, '2026-07-15')), []);
      assert.deepEqual(await only('goal-at-risk', soon(10, '2026-06-20', 'achieved')), []);
    });
  });

  describe('actions-overdue', () => {
    it('fires for open action items past their due date, naming the oldest', async () => {
      const [s] = await only('actions-overdue', {
        sessions: [{ date: '2026-05-10', actions: ['[ ] @sam outline (due 2026-05-20)', '[ ] ask Mei (due 2026-05-15)', '[ ] @priya intro (due 2026-06-05)'] }],
      });
      assert.equal(s!.message, '2 open action items are past due; the oldest was due on 2026-05-15 (ask Mei).');
      assert.equal(s!.source?.file, 'p/sessions/2026-05-10.md');
      assert.equal(s!.source?.range.start.line, 11); // the line of `ask Mei`
    });

    it('after the partnership ended, does not send them to a next session', async () => {
      const [s] = await only('actions-overdue', { sessions: [{ date: '2026-05-10', actions: ['[ ] ask Mei (due 2026-05-15)'] }] }, '2027-02-01');
      assert.equal(s!.advice, 'The partnership is over: tick each one that is done (`[x]`), and for one that was dropped note why in the session and tick it too, so the record says what became of it.');
    });

    it('stays quiet when the late items were ticked off in a later session', async () => {
      const spec = { sessions: [{ date: '2026-05-10', actions: ['[ ] @sam outline (due 2026-05-20)'] }, { date: '2026-05-24', actions: ['[x] @sam outline'] }] };
      assert.deepEqual(await only('actions-overdue', spec), []);
    });
  });

  describe('stage-mismatch', () => {
    it('fires as information when declared and inferred stages differ', async () => {
      const [s] = await only('stage-mismatch', { ...HEALTHY, agreement: { stage: 'mastery' } });
      assert.equal(s!.severity, 'info');
      assert.equal(s!.message, "The agreement declares the mastery stage, but the journal's evidence points to building.");
    });

    it('stays quiet when they agree', async () => {
      assert.deepEqual(await only('stage-mismatch', HEALTHY), []);
    });

    it('advises new goals, not moving on, when the journal points to moving on only because every goal is met early', async () => {
      const done: JournalSpec = { ...HEALTHY, agreement: { stage: 'building' }, goals: [{ id: 'rfc', status: 'achieved' }] };
      const [s] = await only('stage-mismatch', done);
      assert.equal(s!.message, "The agreement declares the building stage, but the journal's evidence points to moving-on.");
      assert.match(s!.advice, /^Every goal is met, but much of the partnership's time is left: rather than moving on early, agree on new goals/);
      // Near the end, the usual advice.
      assert.match((await only('stage-mismatch', done, '2026-11-01'))[0]!.advice, /^Ask each other where you feel the relationship stands/);
    });
  });

  describe('agreement-unsigned-long', () => {
    it('fires when the agreement is still unsigned more than 30 days after the start', async () => {
      const [s] = await only('agreement-unsigned-long', { agreement: { stage: 'creating', signed: { mentor: '2026-01-02' } } });
      assert.equal(s!.message, 'The partnership started on 2026-01-01, 151 days ago, and the agreement is still not signed by the mentee.');
    });

    it('stays quiet in the first month, or once both signed', async () => {
      assert.deepEqual(await only('agreement-unsigned-long', { agreement: { stage: 'creating', signed: null, started: '2026-05-10' } }), []);
      assert.deepEqual(await only('agreement-unsigned-long', HEALTHY), []);
    });
  });

  it('after closure only stage, closure and action signals remain', async () => {
    const found = await signals({
      agreement: { stage: 'building', closure: '{date: 2026-05-20, outcome: ended}', signed: null },
      goals: [{ id: 'rfc', due: '2026-06-10' }],
      sessions: [{ date: '2026-03-01', next: '2026-03-15', actions: ['[ ] @sam outline (due 2026-03-10)'] }],
    });
    assert.deepEqual(found.map((s) => s.code), ['stage-mismatch', 'actions-overdue']);
  });

  describe('pulse-dropping', () => {
    const rated = (pulses: string[]): JournalSpec => ({
      ...HEALTHY,
      sessions: pulses.map((pulse, i) => ({ date: `2026-05-${String(4 + i * 7).padStart(2, '0')}`, goals: ['rfc'], pulse, ...(i === pulses.length - 1 ? { next: '2026-06-08' } : {}) })),
    });

    it('fires when the mean of the last two held sessions is 1 lower than the two before', async () => {
      const [s] = await only('pulse-dropping', rated(['{mentor: 5, mentee: 5}', '{mentor: 4, mentee: 5}', '{mentor: 4, mentee: 4}', '{mentor: 3, mentee: 4}']));
      assert.equal(s!.severity, 'warning');
      assert.equal(s!.message, 'The mean pulse of the last two held sessions is 3.8, down from 4.8 in the two before.');
      assert.match(s!.advice, /the relationship itself, not only the goals/);
      assert.equal(s!.source?.file, 'p/sessions/2026-05-25.md');
    });

    it('stays quiet while the pulse recovers: the latest above the one before, though the mean of the last two is down', async () => {
      // 5, 5, then 2 and 4: the mean of the last two (3) is 2 below the two before, but the latest is up again.
      assert.deepEqual(await only('pulse-dropping', rated(['{mentor: 5, mentee: 5}', '{mentor: 5, mentee: 5}', '{mentor: 3, mentee: 1}', '{mentor: 4, mentee: 4}'])), []);
      // Level with the one before is no recovery.
      const [s] = await only('pulse-dropping', rated(['{mentor: 5, mentee: 5}', '{mentor: 5, mentee: 5}', '{mentor: 3, mentee: 3}', '{mentor: 3, mentee: 3}']));
      assert.equal(s!.message, 'The mean pulse of the last two held sessions is 3, down from 5 in the two before.');
      // A partner's latest pulse at 2 or lower is said whatever the trend.
      assert.equal((await only('pulse-dropping', rated(['{mentor: 5, mentee: 5}', '{mentor: 5, mentee: 5}', '{mentor: 1, mentee: 1}', '{mentor: 5, mentee: 2}'])))[0]!.message, "The mentee's latest pulse is 2 of 5 (2026-05-25).");
    });

    it('stays quiet for a drop under 1, and with fewer than four rated sessions', async () => {
      assert.deepEqual(await only('pulse-dropping', rated(['{mentor: 5, mentee: 5}', '{mentor: 4, mentee: 5}', '{mentor: 4, mentee: 5}', '{mentor: 4, mentee: 4}'])), []);
      assert.deepEqual(await only('pulse-dropping', rated(['{mentor: 5, mentee: 5}', '{mentor: 3, mentee: 3}', '{mentor: 3, mentee: 3}'])), []);
    });

    it("fires when either partner's latest pulse is 2 or lower, in block style and with one partner only", async () => {
      const [s] = await only('pulse-dropping', rated(['{mentor: 4, mentee: 4}', '\n  mentee: 2']));
      assert.equal(s!.message, "The mentee's latest pulse is 2 of 5 (2026-05-11).");
      assert.deepEqual(await only('pulse-dropping', rated(['{mentor: 4, mentee: 4}', '\n  mentee: 3'])), []);
      // At the low pulse, when a later session rated by the other partner only is the latest (found by a tester).
      const [low] = await only('pulse-dropping', rated(['{mentor: 4, mentee: 2}', '{mentor: 4}']));
      assert.equal(low!.message, "The mentee's latest pulse is 2 of 5 (2026-05-04).");
      assert.equal(low!.source?.file, 'p/sessions/2026-05-04.md');
    });

    it('leaves out missed and cancelled sessions, and is quiet without any pulse', async () => {
      const spec = rated(['{mentor: 4, mentee: 4}', '{mentor: 1, mentee: 1}']);
      spec.sessions![1]!.status = 'cancelled';
      assert.deepEqual(await only('pulse-dropping', spec), []);
      assert.deepEqual(await only('pulse-dropping', HEALTHY), []);
    });
  });

  describe('no-first-session', () => {
    it('fires once one cadence period plus the grace days have passed since started without a held session', async () => {
      const spec: JournalSpec = { agreement: { started: '2026-05-01' }, sessions: [{ date: '2026-05-08', status: 'cancelled' }] };
      assert.deepEqual(await only('no-first-session', spec, '2026-05-17'), []);
      const [s] = await only('no-first-session', spec, '2026-05-18');
      assert.equal(s!.severity, 'warning');
      assert.equal(s!.message, 'No session has been held since the partnership started on 2026-05-01, 17 days ago; the agreed biweekly rhythm (14 days) and 2 days of grace ended on 2026-05-17.');
      assert.equal(s!.source?.file, 'p/agreement.md');
      assert.deepEqual(await only('cadence-overdue', spec, '2026-05-18'), [], 'replaces cadence-overdue counted from the start');
    });

    it('allows 21 days without a cadence', async () => {
      const spec: JournalSpec = { agreement: { started: '2026-05-01', cadence: null } };
      assert.deepEqual(await only('no-first-session', spec, '2026-05-22'), []);
      assert.equal((await only('no-first-session', spec, '2026-05-23'))[0]!.message, 'No session has been held since the partnership started on 2026-05-01, 22 days ago; a first meeting is due within 21 days.');
    });

    it('stays quiet once a session was held', async () => {
      assert.deepEqual(await only('no-first-session', { agreement: { started: '2026-05-01' }, sessions: [{ date: '2026-05-30' }] }), []);
    });
  });

  describe('missed-in-a-row', () => {
    const twoMissed: JournalSpec = { ...HEALTHY, sessions: [...HEALTHY.sessions!.slice(0, 2), { date: '2026-05-25', status: 'missed' }, { date: '2026-05-29', status: 'cancelled', next: '2026-06-05' }] };

    it('fires when the latest two sessions were missed or cancelled', async () => {
      const [s] = await only('missed-in-a-row', twoMissed);
      assert.equal(s!.severity, 'warning');
      assert.equal(s!.message, 'The last 2 planned sessions did not take place: 2026-05-25 (missed) and 2026-05-29 (cancelled).');
      assert.doesNotMatch(s!.advice, /moving on/);
      assert.equal(s!.source?.file, 'p/sessions/2026-05-29.md');
    });

    it('suggests talking about moving on in the mastery stage', async () => {
      const [s] = await only('missed-in-a-row', { ...twoMissed, agreement: { ...twoMissed.agreement, stage: 'mastery' } });
      assert.match(s!.advice, /little is left to accomplish/);
      assert.match(s!.advice, /moving on/);
    });

    it('stays quiet when one of the latest two was held', async () => {
      assert.deepEqual(await only('missed-in-a-row', { ...HEALTHY, sessions: [{ date: '2026-05-18', status: 'missed' }, { date: '2026-05-28', next: '2026-06-11' }] }), []);
      assert.deepEqual(await only('missed-in-a-row', { ...HEALTHY, sessions: [{ date: '2026-05-18' }, { date: '2026-05-28', status: 'missed', next: '2026-06-11' }] }), []);
    });
  });

  describe('next-far-ahead', () => {
    const planned = (next: string, extra: Partial<JournalSpec> = {}): JournalSpec => ({ ...HEALTHY, sessions: [...HEALTHY.sessions!.slice(0, 2), { ...HEALTHY.sessions![2]!, next }], ...extra });

    it('fires (info) at the `next:` value when the plan is more than twice the cadence and the grace days after the last held session', async () => {
      const spec = planned('2026-08-01');
      const [s, ...rest] = await only('next-far-ahead', spec);
      assert.deepEqual(rest, []);
      assert.equal(s!.severity, 'info');
      assert.equal(s!.message, 'The next session is planned for 2026-08-01 (the `next` of the session of 2026-05-28), 65 days after the last held session (2026-05-28): more than twice the agreed biweekly rhythm of 14 days.');
      const text = journalFiles(spec)['p/sessions/2026-05-28.md']!.split('\n');
      const line = text.findIndex((l) => l.startsWith('next:')) + 1;
      assert.deepEqual(s!.source, { file: 'p/sessions/2026-05-28.md', range: { start: { line, column: 7 }, end: { line, column: 17 } } });
      assert.deepEqual(await only('cadence-overdue', spec), [], 'nothing is overdue meanwhile');
    });

    it('stays quiet within twice the cadence and the grace days, once the plan is overdue, and without a cadence', async () => {
      // 14 × 2 + 2 = 30 days after 2026-05-28 is 2026-06-27.
      assert.deepEqual(await only('next-far-ahead', planned('2026-06-27')), []);
      assert.equal((await only('next-far-ahead', planned('2026-06-28'))).length, 1);
      assert.deepEqual(await only('next-far-ahead', planned('2026-05-30')), [], 'a plan that has passed is cadence-overdue');
      assert.deepEqual(await only('next-far-ahead', planned('2026-08-01', { agreement: { ...HEALTHY.agreement, cadence: null } })), []);
      // On the plan's day itself: due today, not far ahead.
      assert.deepEqual(await only('next-far-ahead', planned('2026-08-01'), '2026-08-01'), []);
    });

    it('stays quiet for a plan after the partnership ends (the Cadence section says so), and before the first held session (no-first-session speaks)', async () => {
      assert.deepEqual(await only('next-far-ahead', planned('2026-08-01', { agreement: { ...HEALTHY.agreement, ends: '2026-07-15' } })), []);
      assert.deepEqual(await only('next-far-ahead', { agreement: HEALTHY.agreement, goals: HEALTHY.goals, sessions: [{ date: '2026-05-20', status: 'cancelled', next: '2026-08-01' }] }), []);
    });

    it('keeps `next` as code in the Markdown review, and drops the backticks in text', async () => {
      const report = analyzeRelationship(await load(planned('2026-08-01')), TODAY);
      assert.match(renderReviewMarkdown(report), /\(`next-far-ahead`\): The next session is planned for 2026-08-01 \(the `next` of the session of 2026-05-28\)/);
      assert.match(markdownToText(renderReviewMarkdown(report)), /\(next-far-ahead\): The next session is planned for 2026-08-01 \(the next of the session of 2026-05-28\)/);
    });

    it('counts an agenda written ahead as the plan, at its date', async () => {
      const spec: JournalSpec = { ...HEALTHY, files: { 'sessions/2026-09-01.md': '---\ntype: session\ndate: 2026-09-01\n---\n\n## Agenda\n' } };
      const [s] = await only('next-far-ahead', spec);
      assert.equal(s!.message, 'The next session is planned for 2026-09-01 (an agenda written ahead, p/sessions/2026-09-01.md), 96 days after the last held session (2026-05-28): more than twice the agreed biweekly rhythm of 14 days.');
      assert.deepEqual(s!.source, { file: 'p/sessions/2026-09-01.md', range: { start: { line: 3, column: 7 }, end: { line: 3, column: 17 } } });
    });
  });

  describe('notes-unwritten', () => {
    /** The session New session writes for `date`, as HEALTHY stands. */
    const template = async (date: string, edit: (text: string) => string = (t) => t) => edit(renderSessionFile({ relationship: await load(HEALTHY), date }));
    const withSession = async (date: string, edit?: (text: string) => string, more: Record<string, string> = {}): Promise<JournalSpec> => ({ ...HEALTHY, files: { [`sessions/${date}.md`]: await template(date, edit), ...more } });
    const written = (t: string) => t.replace('<!-- What you talked about, in your own words. -->', 'We went through the RFC\'s open questions.');

    it('fires, as a warning at its date, when the latest held session passed with its Notes and Summary still the template\'s hints', async () => {
      const spec = await withSession('2026-05-30');
      const [s, ...rest] = await only('notes-unwritten', spec);
      assert.deepEqual(rest, []);
      assert.equal(s!.severity, 'warning');
      assert.equal(s!.message, "The session of 2026-05-30 passed with nothing in its Notes and Summary but the template's hints, and nothing else recorded; it counts as held, and the cadence counts from it.");
      assert.match(s!.advice, /status: missed/);
      assert.deepEqual(s!.source, { file: 'p/sessions/2026-05-30.md', range: { start: { line: 3, column: 7 }, end: { line: 3, column: 17 } } });
      // In the review, among the relationship's signals.
      assert.match(renderReviewMarkdown(analyzeRelationship(await load(spec), TODAY)), /`notes-unwritten`/);
    });

    it('stays quiet once anything is written in Notes, in Summary, or under a heading of the partners\' own', async () => {
      assert.deepEqual(await only('notes-unwritten', await withSession('2026-05-30', written)), []);
      assert.deepEqual(await only('notes-unwritten', await withSession('2026-05-30', (t) => t.replace('<!-- What you agreed and decided, in a few points. -->', '- Sam sends the draft on Friday.'))), []);
      assert.deepEqual(await only('notes-unwritten', await withSession('2026-05-30', (t) => `${t}
## What we discussed

The review process at Sam's team.
`)), []);
    });

    it('stays quiet when anything else says the partners met: a pulse, a duration, progress, a new action item, an answer under a question, a note under a goal', async () => {
      const front = (key: string) => (t: string) => t.replace('date: 2026-05-30', `date: 2026-05-30\n${key}`);
      for (const key of ['pulse: {mentor: 4, mentee: 5}', 'duration: 60', 'progress: {rfc: 50}']) assert.deepEqual(await only('notes-unwritten', await withSession('2026-05-30', front(key))), [], key);
      assert.deepEqual(await only('notes-unwritten', await withSession('2026-05-30', (t) => `${t}- [ ] @sam split the slow suite (due 2026-06-20)\n`)), [], 'a new action item');
      assert.deepEqual(await only('notes-unwritten', await withSession('2026-05-30', (t) => t.replace(/(## Questions\n[\s\S]*?\n- [^\n]*\n)/, '$1  Sam wants to lead the next review.\n'))), [], 'an answer under a question');
      assert.deepEqual(await only('notes-unwritten', await withSession('2026-05-30', (t) => t.replace(/(- \[\[rfc\]\][^\n]*\n)/, '$1\nThe RFC is half written.\n'))), [], 'a note under the goals');
      // An action carried over, ticked or not, is no sign: the Actions view ticks it in the newest session.
      assert.equal((await only('notes-unwritten', await withSession('2026-05-30', (t) => t.replace('- [ ] @sam draft', '- [x] @sam draft')))).length, 1);
    });

    it('takes anything but the template\'s hints for writing: text typed into a hint, a hint never closed, a comment of the partners\' own', async () => {
      const hint = '<!-- What you talked about, in your own words. -->';
      for (const written of ['<!-- What you talked about, in your own words.\nWe went through the open questions.', '<!-- What you talked about: the RFC\'s open questions. -->', '<!-- TODO: Sam writes this up -->']) {
        assert.deepEqual(await only('notes-unwritten', await withSession('2026-05-30', (t) => t.replace(hint, written))), [], written);
      }
      // The hints as the template writes them for every stage, with blanks inside the comment or not.
      for (const stage of ['creating', 'building', 'mastery', 'moving-on'] as const) {
        const text = renderSessionFile({ relationship: await load(HEALTHY), date: '2026-05-30', stage }).replace(hint, '<!--What you talked about, in your own words.-->');
        assert.equal((await only('notes-unwritten', { ...HEALTHY, files: { 'sessions/2026-05-30.md': text } })).length, 1, stage);
      }
    });

    it('stays quiet for a session marked missed or cancelled, one dated today or later (an agenda), and one without the template\'s sections', async () => {
      for (const status of ['missed', 'cancelled']) assert.deepEqual(await only('notes-unwritten', await withSession('2026-05-30', (t) => t.replace('date: 2026-05-30', `date: 2026-05-30\nstatus: ${status}`))), [], status);
      assert.deepEqual(await only('notes-unwritten', await withSession(TODAY)), []);
      assert.deepEqual(await only('notes-unwritten', await withSession('2026-06-04')), []);
      // HEALTHY's sessions have no Notes or Summary heading: notes kept another way are not judged.
      assert.deepEqual(await only('notes-unwritten', HEALTHY), []);
    });

    it('is info when a later held session was written, and counts the unwritten ones', async () => {
      const spec = await withSession('2026-05-20', undefined, { 'sessions/2026-05-22.md': await template('2026-05-22'), 'sessions/2026-05-30.md': await template('2026-05-30', written) });
      const [s] = await only('notes-unwritten', spec);
      assert.equal(s!.severity, 'info');
      assert.equal(s!.message, "2 held sessions passed with nothing in their Notes and Summary but the template's hints, and nothing else recorded (2026-05-20 and 2026-05-22).");
      assert.equal(s!.source?.file, 'p/sessions/2026-05-22.md');
    });
  });

  describe('strengths-unknown', () => {
    it('fires (info) past the creating stage when neither partner has strengths', async () => {
      const [s] = await only('strengths-unknown', { ...HEALTHY, agreement: {} });
      assert.equal(s!.severity, 'info');
      assert.equal(s!.message, 'The relationship is in the building stage, and the agreement records no strengths for either partner.');
    });

    it('stays quiet in the creating stage, or with strengths for one partner', async () => {
      assert.deepEqual(await only('strengths-unknown', { ...HEALTHY, agreement: { stage: 'creating' } }), []);
      assert.deepEqual(await only('strengths-unknown', { ...HEALTHY, agreement: { strengths: '{mentee: [curiosity]}' } }), []);
    });
  });

  describe('not-reciprocal', () => {
    const goal = (owner: string) => `---\ntype: goal\ntitle: Learn\nowner: ${owner}\nstatus: active\n---\n`;

    it('fires (info) for peer and co-mentoring when every goal is the mentee\'s', async () => {
      const [s] = await only('not-reciprocal', { ...HEALTHY, agreement: { ...HEALTHY.agreement, format: 'co-mentoring' } });
      assert.equal(s!.severity, 'info');
      assert.equal(s!.message, "The agreement sets up co-mentoring, but the only goal is the mentee's: none is owned by the mentor or by both.");
      assert.equal((await only('not-reciprocal', { agreement: { format: 'peer' } }))[0]!.message, 'The agreement sets up peer mentoring, but no goal is set yet: none is owned by the mentor or by both.');
      // Its advice's code spans stay code in the Markdown review (they are the tool's words, not journal text).
      const report = analyzeRelationship(await load({ ...HEALTHY, agreement: { ...HEALTHY.agreement, format: 'peer' } }), TODAY);
      assert.match(renderReviewMarkdown(report), /^ {2}Advice: In a two-way partnership .* \(`owner: mentor`\), or a shared one \(`owner: both`\)\.$/m);
    });

    it('stays quiet with a goal owned by the mentor or both, and for one-to-one', async () => {
      for (const owner of ['mentor', 'both']) assert.deepEqual(await only('not-reciprocal', { ...HEALTHY, agreement: { format: 'peer' }, files: { 'goals/learn.md': goal(owner) } }), []);
      assert.deepEqual(await only('not-reciprocal', HEALTHY), []);
    });
  });

  it('every signal has a known code and one sentence each of facts and advice', async () => {
    const all = [
      ...(await signals({ agreement: { stage: 'mastery', ends: '2026-06-20', signed: { mentee: '2026-01-02' } }, goals: [{ id: 'rfc', due: '2026-06-10' }], sessions: [{ date: '2026-03-01', actions: ['[ ] x (due 2026-03-10)'] }] })),
      ...(await signals({ goals: [{ id: 'rfc', status: 'achieved' }] })),
      ...(await signals({ goals: [{ id: 'rfc' }], sessions: [{ date: '2026-05-01' }, { date: '2026-05-10' }, { date: '2026-05-20', next: '2026-06-03' }] })),
      ...(await gitSignalsOf(['2026-03-01', '2026-04-01', '2026-05-01'], 6, 0)),
      ...(await signals({ agreement: { format: 'peer' }, sessions: [{ date: '2026-05-10', status: 'missed' }, { date: '2026-05-20', status: 'cancelled', next: '2026-06-03' }] })),
      ...(await signals({ sessions: [{ date: '2026-05-10', pulse: '{mentor: 2, mentee: 4}', next: '2026-06-03' }] })),
      ...(await signals({ agreement: { cadence: '[weekly' } })),
      ...(await signals({ ...HEALTHY, sessions: [...HEALTHY.sessions!.slice(0, 2), { ...HEALTHY.sessions![2]!, next: '2026-08-01' }] })),
      ...(await signals({ ...HEALTHY, files: { 'sessions/2026-05-30.md': renderSessionFile({ relationship: await load(HEALTHY), date: '2026-05-30' }) } })),
    ];
    assert.deepEqual([...new Set(all.map((s) => s.code))].sort(), [...SIGNAL_CODES].sort());
    for (const s of all) {
      for (const sentence of [s.message, s.advice]) assert.match(sentence, /^[A-Z0-9`][^\n]*[.)]$/, sentence);
      assert.doesNotMatch(s.advice, /\. [A-Z]/, s.advice);
    }
  });
});

const PRIYA = { name: 'Priya', email: 'priya@example.org' };
const dueChange = (from: string | undefined, to: string, date: string): GoalFieldChange => ({ field: 'due', ...(from ? { from } : {}), to, date, author: PRIYA, commit: `c-${date}` });

/** A history as a host would read it from git: `rfc`'s due dates, and who first committed each held session (Priya the last `byPriya`). */
function history(rel: Relationship, dues: string[], byPriya: number, uncommitted: number): RelationshipHistory {
  const held = rel.sessions.filter((s) => s.status === 'held');
  const committed = held.slice(0, held.length - uncommitted);
  const sessions = committed.map((s, i) => {
    const priya = i >= committed.length - byPriya;
    const author = priya ? PRIYA : { name: 'Sam', email: 'sam@example.org' };
    return { file: s.source.file, date: s.date, commit: `s-${s.date}`, committed: s.date, author, partner: { name: author.name, role: priya ? ('mentor' as const) : ('mentee' as const) } };
  });
  return {
    goals: { rfc: dues.map((d, i) => dueChange(dues[i - 1], d, `2026-0${i + 1}-15`)) },
    records: {
      partners: [{ name: 'Priya', role: 'mentor', sessions: 0 }, { name: 'Sam', role: 'mentee', sessions: 0 }],
      others: [],
      uncommitted,
      sessions,
    },
  };
}

const SEVEN = ['2026-01-05', '2026-02-05', '2026-03-05', '2026-04-05', '2026-05-05', '2026-05-15', '2026-05-25'].map((date) => ({ date }));

async function gitSignalsOf(dues: string[], byPriya: number, uncommitted: number, status = 'active'): Promise<Signal[]> {
  const rel = await load({ goals: [{ id: 'rfc', due: dues.at(-1)!, status }], sessions: SEVEN });
  return analyzeRelationship(rel, TODAY, {}, history(rel, dues, byPriya, uncommitted)).signals.filter((s) => s.code === 'goal-due-slipped' || s.code === 'notes-one-sided');
}

describe('signals read from git', () => {
  it('goal-due-slipped: the due date moved later twice, with the dates in order', async () => {
    const [signal, ...rest] = await gitSignalsOf(['2026-06-30', '2026-08-31', '2026-10-31'], 3, 0);
    assert.deepEqual(rest, []);
    assert.equal(signal?.code, 'goal-due-slipped');
    assert.equal(signal?.severity, 'warning');
    assert.equal(signal?.goalId, 'rfc');
    assert.match(signal!.message, /moved later twice: 2026-06-30 → 2026-08-31 → 2026-10-31\.$/);
  });

  it('goal-due-slipped: not for one move later, a move earlier, an achieved goal, or without history', async () => {
    assert.deepEqual(await gitSignalsOf(['2026-06-30', '2026-08-31'], 3, 0), []);
    assert.deepEqual(await gitSignalsOf(['2026-06-30', '2026-08-31', '2026-07-31'], 3, 0), []);
    assert.deepEqual(await gitSignalsOf(['2026-06-30', '2026-08-31', '2026-10-31'], 3, 0, 'achieved'), []);
    assert.deepEqual(await signals({ goals: [{ id: 'rfc', due: '2026-10-31' }], sessions: SEVEN }).then((all) => all.filter((s) => s.code === 'goal-due-slipped')), []);
  });

  it('notes-one-sided (info): one partner first committed each of the last 6 held sessions, named', async () => {
    const [signal] = await gitSignalsOf(['2026-06-30'], 6, 0);
    assert.deepEqual(signal && { code: signal.code, severity: signal.severity, message: signal.message }, {
      code: 'notes-one-sided',
      severity: 'info',
      message: 'Priya first committed the notes of each of the last 6 held sessions, going by git.',
    });
    const [all] = await gitSignalsOf(['2026-06-30'], 7, 0);
    assert.equal(all?.message, 'Priya first committed the notes of every held session (7), going by git.');
  });

  it('notes-one-sided: not for 5 in a row, nor when the latest session is not committed', async () => {
    assert.deepEqual(await gitSignalsOf(['2026-06-30'], 5, 0), []);
    assert.deepEqual(await gitSignalsOf(['2026-06-30'], 5, 1), []);
  });
});

describe('signals point at the node they are about', () => {
  const crlf = (t: string) => t.replace(/\n/g, '\r\n');
  const range = (sl: number, sc: number, el: number, ec: number) => ({ start: { line: sl, column: sc }, end: { line: el, column: ec } });
  const agreementText = (extra: string) =>
    crlf(`---\n# our agreement\ntype: agreement\nmentor: {name: 'Priya', email: priya@example.org}\nmentee: "Sam"\nstarted: '2026-01-01' # kick-off\nends: 2026-12-31\ncadence: monthly\nstage: building\nsigned: {mentor: 2026-01-02, mentee: 2026-01-02}\nstrengths: {mentor: [listening], mentee: [curiosity]}\n${extra}---\n`);
  const sessionText = (date: string, extra: string) => crlf(`---\ntype: session\ndate: ${date}\n${extra}---\n\nNotes.\n`);
  const reportOf = async (files: Record<string, string>, today: string, withHistory?: (rel: Relationship) => RelationshipHistory) => {
    const index = new JournalIndex(new MemoryFileSystem(files));
    await index.build();
    const rel = index.relationship('p')!;
    return analyzeRelationship(rel, today, {}, withHistory?.(rel)).signals;
  };
  const at = (list: Signal[], code: SignalCode) => list.filter((s) => s.code === code).map((s) => s.source);

  it('pulse-dropping at the latest pulse, missed-in-a-row at the latest status, no-first-session at started', async () => {
    const files = {
      'p/agreement.md': agreementText(''),
      'p/sessions/2026-02-01.md': sessionText('2026-02-01', 'pulse: {mentor: 5, mentee: 5}\n'),
      'p/sessions/2026-03-01.md': sessionText('2026-03-01', "status: 'held'\npulse:\n  mentor: 2 # rough one\n  mentee: 3\n"),
      'p/sessions/2026-04-01.md': sessionText('2026-04-01', 'status: missed\n'),
      'p/sessions/2026-05-01.md': sessionText('2026-05-01', 'status: "cancelled"\n'),
    };
    const list = await reportOf(files, '2026-05-10');
    assert.deepEqual(at(list, 'pulse-dropping'), [{ file: 'p/sessions/2026-03-01.md', range: range(6, 3, 7, 12) }]);
    assert.deepEqual(at(list, 'missed-in-a-row'), [{ file: 'p/sessions/2026-05-01.md', range: range(4, 9, 4, 20) }]);
    const never = await reportOf({ 'p/agreement.md': agreementText('') }, '2026-03-01');
    assert.deepEqual(at(never, 'no-first-session'), [{ file: 'p/agreement.md', range: range(6, 10, 6, 22) }]);
  });

  it('goal-due-slipped at the goal\'s due value (flow map in the agreement), notes-one-sided at the session\'s front matter', async () => {
    const files: Record<string, string> = {
      'p/agreement.md': agreementText("goals:\n  - {id: rfc, title: 'Write an RFC', status: active, success: \"Accepted\", due: 2026-10-31}\n"),
    };
    for (const { date } of SEVEN) files[`p/sessions/${date}.md`] = sessionText(date, 'goals: [rfc]\n');
    const list = await reportOf(files, TODAY, (rel) => history(rel, ['2026-06-30', '2026-08-31', '2026-10-31'], 7, 0));
    assert.deepEqual(at(list, 'goal-due-slipped'), [{ file: 'p/agreement.md', range: range(13, 80, 13, 90) }]);
    assert.deepEqual(at(list, 'notes-one-sided'), [{ file: 'p/sessions/2026-05-25.md', range: range(1, 1, 1, 4) }]);
  });
});
