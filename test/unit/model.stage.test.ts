import assert from 'node:assert/strict';
import { analyzeRelationship, inferStage, sessionsThinning } from '../../src/core';
import { load, TODAY, type SessionSpec } from './model.journal.test';

const held = (...dates: string[]): SessionSpec[] => dates.map((date) => ({ date, goals: ['a'] }));
/** Regular sessions every 14 days, then gaps of 28 and 35. */
const THINNING = held('2026-01-05', '2026-01-19', '2026-02-02', '2026-02-16', '2026-03-16', '2026-04-20');
const REGULAR = held('2026-03-02', '2026-03-16', '2026-03-30', '2026-04-13', '2026-04-27', '2026-05-11');
const MOSTLY_DONE = [{ id: 'a', status: 'achieved' }, { id: 'b', status: 'achieved' }, { id: 'c', status: 'active' }];

describe('stage inference', () => {
  it('creating: the agreement is not signed by both', async () => {
    const rel = await load({ agreement: { signed: { mentor: '2026-01-02' } }, goals: [{ id: 'a' }] });
    const inferred = inferStage(rel, TODAY);
    assert.equal(inferred.stage, 'creating');
    assert.deepEqual(inferred.reasons, ['The agreement is not yet signed by the mentee.']);
  });

  it('a review as of a day before a signature finds the agreement not yet signed by that partner', async () => {
    const rel = await load({ goals: [{ id: 'a' }] }); // signed by the mentor on 2026-01-02, the mentee on 2026-01-03
    const before = analyzeRelationship(rel, '2026-01-02');
    assert.equal(before.inferred.stage, 'creating');
    assert.deepEqual(before.inferred.reasons, ['The agreement is not yet signed by the mentee.']);
    assert.equal(analyzeRelationship(rel, '2026-01-01').inferred.reasons[0], 'The agreement is not yet signed by the mentor and mentee.');
    assert.equal(analyzeRelationship(rel, '2026-01-03').inferred.stage, 'building');
  });

  it('creating: signed, but no goals yet, or only proposed ones', async () => {
    const none = inferStage(await load(), TODAY);
    assert.deepEqual([none.stage, none.reasons[1]], ['creating', 'No goals are defined yet.']);
    const proposed = inferStage(await load({ goals: [{ id: 'a', status: 'proposed' }] }), TODAY);
    assert.equal(proposed.stage, 'creating');
    assert.match(proposed.reasons[1]!, /still proposed \(a\)/);
  });

  it('building: signed with an active goal', async () => {
    const inferred = inferStage(await load({ goals: [{ id: 'a' }, { id: 'b', status: 'achieved' }] }), TODAY);
    assert.equal(inferred.stage, 'building');
    assert.deepEqual(inferred.reasons, ['The agreement is signed by both partners (mentor 2026-01-02, mentee 2026-01-03).', '1 goal is active (a).']);
  });

  it('building: most goals achieved while sessions keep their rhythm', async () => {
    const inferred = inferStage(await load({ goals: MOSTLY_DONE, sessions: REGULAR }), TODAY);
    assert.equal(inferred.stage, 'building');
    assert.ok(inferred.reasons.includes('Sessions keep their rhythm, so the work still looks like building.'));
  });

  it('building: most goals achieved with too few held sessions to judge the rhythm says so, not that they keep it', async () => {
    const inferred = inferStage(await load({ goals: MOSTLY_DONE, sessions: held('2026-04-06', '2026-04-20', '2026-05-04') }), TODAY);
    assert.equal(inferred.stage, 'building');
    assert.ok(inferred.reasons.includes('With 3 held sessions, too few to tell whether sessions are thinning out (it takes 4), and none of the latest missed, the work still looks like building.'), inferred.reasons.join(' | '));
  });

  it('mastery: most goals achieved and held sessions thinning out', async () => {
    const inferred = inferStage(await load({ goals: MOSTLY_DONE, sessions: THINNING }), TODAY);
    assert.equal(inferred.stage, 'mastery');
    assert.ok(inferred.reasons.includes('2 of 3 goals are achieved (a, b).'));
    assert.ok(inferred.reasons.some((r) => /thinning out: the last gaps average 32 days against 14 before/.test(r)), inferred.reasons.join(' | '));
  });

  it('mastery: most goals achieved and a recent session missed', async () => {
    const sessions: SessionSpec[] = [...held('2026-04-06', '2026-04-20'), { date: '2026-05-04', status: 'missed' }, { date: '2026-05-18' }];
    const inferred = inferStage(await load({ goals: MOSTLY_DONE, sessions }), TODAY);
    assert.equal(inferred.stage, 'mastery');
    assert.ok(inferred.reasons.includes('1 of the latest sessions was missed (2026-05-04).'));
  });

  it('not mastery when half or fewer of the goals are achieved, however thin the sessions', async () => {
    const goals = [{ id: 'a', status: 'achieved' }, { id: 'c' }, { id: 'd', status: 'dropped' }, { id: 'e' }];
    assert.equal(inferStage(await load({ goals, sessions: THINNING }), TODAY).stage, 'building');
  });

  it('moving-on: every goal achieved or dropped', async () => {
    const inferred = inferStage(await load({ goals: [{ id: 'a', status: 'achieved' }, { id: 'b', status: 'dropped' }] }), TODAY);
    assert.equal(inferred.stage, 'moving-on');
    assert.equal(inferred.reasons[1], 'Every goal is closed: 1 achieved goal, 1 dropped goal.');
  });

  it('moving-on: the end date has passed, even with open goals and no signatures', async () => {
    const inferred = inferStage(await load({ agreement: { ends: '2026-05-30', signed: null }, goals: [{ id: 'a' }] }), TODAY);
    assert.deepEqual(inferred, { stage: 'moving-on', reasons: ['The partnership ended on 2026-05-30, 2 days ago.'] });
    assert.equal(inferStage(await load({ agreement: { ends: TODAY }, goals: [{ id: 'a' }] }), TODAY).stage, 'building');
  });

  it('moving-on: closure is recorded', async () => {
    const inferred = inferStage(await load({ agreement: { closure: '{date: 2026-05-20, outcome: friends}' }, goals: [{ id: 'a' }] }), TODAY);
    assert.deepEqual(inferred, { stage: 'moving-on', reasons: ['Closure was recorded on 2026-05-20 (friends).'] });
  });

  it('the report carries declared and inferred stage side by side', async () => {
    const report = analyzeRelationship(await load({ agreement: { stage: 'mastery' }, goals: [{ id: 'a' }] }), TODAY);
    assert.deepEqual([report.declaredStage, report.inferred.stage], ['mastery', 'building']);
  });
});

describe('sessionsThinning', () => {
  const sessions = (dates: string[]) => dates.map((date) => ({ date })) as Parameters<typeof sessionsThinning>[0];

  it('is unknown with fewer than four held sessions', () => {
    assert.equal(sessionsThinning(sessions(['2026-01-01', '2026-02-01', '2026-05-01'])), undefined);
  });

  it('compares the mean of the last two gaps with the mean of the earlier ones', () => {
    assert.deepEqual(sessionsThinning(sessions(['2026-01-01', '2026-01-11', '2026-01-21', '2026-02-05'])), { thinning: false, recent: 12.5, earlier: 10 });
    assert.deepEqual(sessionsThinning(sessions(['2026-01-01', '2026-01-11', '2026-01-26', '2026-02-10'])), { thinning: true, recent: 15, earlier: 10 });
  });
});
