import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  analyzeJournal,
  analyzeRelationship,
  changesSince,
  JournalIndex,
  latestReview,
  MemoryFileSystem,
  parseJournalFile,
  renderReviewFile,
  renderReviewMarkdown,
  reviewToJson,
} from '../../src/core';
import { journalFiles, load, loadJournal, TODAY, type JournalSpec } from './model.journal.test';

const SPEC: JournalSpec = {
  agreement: { strengths: '{mentor: [listening], mentee: [curiosity]}' },
  goals: [
    { id: 'rfc', title: 'Write an RFC', due: '2026-06-20', created: '2026-01-05' },
    { id: 'talk', title: 'Give a talk', status: 'achieved' },
  ],
  sessions: [
    { date: '2026-05-04', goals: ['rfc'], progress: { rfc: 20 } },
    { date: '2026-05-18', goals: ['rfc', 'talk'], progress: { rfc: 30 }, next: '2026-05-28', actions: ['[ ] @sam outline the options (due 2026-05-25) [[rfc]]'] },
  ],
};

const reviewMd = (date: string, body: string) => `---\ntype: review\ndate: ${date}\n${body}\n---\n\n# Old review\n`;

describe('changesSince', () => {
  it('is empty without a previous review', async () => {
    const report = analyzeRelationship(await load(SPEC), TODAY);
    assert.deepEqual(changesSince(undefined, report), { added: [], removed: [], changed: [] });
    assert.deepEqual(report.changes, { added: [], removed: [], changed: [] });
  });

  it('lists stage, status and progress changes, new and removed goals', async () => {
    const files = { 'reviews/2026-04-01.md': reviewMd('2026-04-01', 'stage: creating\ngoals:\n  rfc: {status: proposed, progress: 10}\n  talk: {status: achieved, progress: 100}') };
    const { rel } = await loadJournal({ ...SPEC, goals: [...SPEC.goals!, { id: 'new-goal', title: 'A new one', status: 'proposed' }], files });
    const report = analyzeRelationship(rel, TODAY);
    assert.deepEqual(report.changes, {
      previous: { date: '2026-04-01', file: 'p/reviews/2026-04-01.md' },
      stage: { from: 'creating', to: 'building' },
      added: [{ id: 'new-goal', title: 'A new one', status: 'proposed' }],
      removed: [],
      changed: [{ id: 'rfc', title: 'Write an RFC', status: { from: 'proposed', to: 'active' }, progress: { from: 10, to: 30 } }],
    });
  });

  it('reports no status change for a goal whose status is unknown now and was not recorded then', async () => {
    const rel = await load(SPEC);
    const report = analyzeRelationship(rel, TODAY);
    const rfc = report.goals.find((g) => g.id === 'rfc')!;
    const unknown = { ...report, goals: report.goals.map((g) => (g.id === 'rfc' ? { ...g, status: 'unknown' as const } : g)) };
    const previous = { date: '2026-05-01', stage: 'building' as const, goals: { rfc: { progress: rfc.progress } }, references: [], source: { file: 'p/reviews/x.md', range: { start: { line: 1, column: 1 }, end: { line: 1, column: 4 } } } };
    assert.deepEqual(changesSince(previous, unknown).changed, []);
    // Known then, unknown now: that is a change.
    const known = { ...previous, goals: { rfc: { status: 'active' as const, progress: rfc.progress } } };
    assert.deepEqual(changesSince(known, unknown).changed, [{ id: 'rfc', title: 'Write an RFC', status: { from: 'active', to: 'unknown' } }]);
  });

  it('reports goals that disappeared since the review', async () => {
    const rel = await load(SPEC);
    const previous = { date: '2026-05-01', stage: 'building' as const, goals: { gone: { status: 'active' as const, progress: 40 }, rfc: { status: 'active' as const, progress: 30 } }, references: [], source: { file: 'p/reviews/x.md', range: { start: { line: 1, column: 1 }, end: { line: 1, column: 4 } } } };
    const changes = changesSince(previous, analyzeRelationship(rel, TODAY));
    assert.deepEqual(changes.removed, [{ id: 'gone', status: 'active', progress: 40 }]);
    assert.deepEqual(changes.changed, []);
    assert.equal(changes.stage, undefined);
    assert.deepEqual(changes.added.map((g) => g.id), ['talk']);
  });

  it('gives every key of the changes in JSON, null where a field did not change or was not known', async () => {
    const files = { 'reviews/2026-05-01.md': reviewMd('2026-05-01', 'stage: building\ngoals:\n  rfc: {status: active}\n  gone: {progress: 40}') };
    const json = reviewToJson(analyzeRelationship(await load({ ...SPEC, files }), TODAY)).changes;
    assert.deepEqual(json, {
      previous: { date: '2026-05-01', file: 'p/reviews/2026-05-01.md' },
      stage: null,
      added: [{ id: 'talk', title: 'Give a talk', status: 'achieved', progress: 100 }],
      removed: [{ id: 'gone', status: null, progress: 40 }],
      changed: [{ id: 'rfc', title: 'Write an RFC', status: null, progress: { from: null, to: 30 } }],
    });
  });

  it('compares with the latest review saved before today, not one saved today', async () => {
    const files = { 'reviews/2026-03-01.md': reviewMd('2026-03-01', 'stage: creating'), 'reviews/2026-05-01.md': reviewMd('2026-05-01', 'stage: building'), 'reviews/2026-06-01.md': reviewMd('2026-06-01', 'stage: mastery') };
    const rel = await load({ ...SPEC, files });
    assert.equal(latestReview(rel, TODAY)?.date, '2026-05-01');
    assert.equal(analyzeRelationship(rel, TODAY).changes.previous?.date, '2026-05-01');
  });

  it('of several reviews saved one day, compares with the last saved: DATE.md, then DATE-2.md, ..., DATE-10.md', async () => {
    const files = {
      'reviews/2026-05-01.md': reviewMd('2026-05-01', 'stage: creating'),
      'reviews/2026-05-01-2.md': reviewMd('2026-05-01', 'stage: building'),
      'reviews/2026-05-01-10.md': reviewMd('2026-05-01', 'stage: mastery'),
      'reviews/2026-05-01-3.md': reviewMd('2026-05-01', 'stage: moving-on'),
    };
    const rel = await load({ ...SPEC, files });
    assert.deepEqual(rel.reviews.map((r) => r.source.file), ['p/reviews/2026-05-01.md', 'p/reviews/2026-05-01-2.md', 'p/reviews/2026-05-01-3.md', 'p/reviews/2026-05-01-10.md']);
    assert.equal(analyzeRelationship(rel, TODAY).changes.previous?.file, 'p/reviews/2026-05-01-10.md');
    const two = await load({ ...SPEC, files: { 'reviews/2026-05-01.md': files['reviews/2026-05-01.md'], 'reviews/2026-05-01-2.md': files['reviews/2026-05-01-2.md'] } });
    assert.equal(latestReview(two, TODAY)?.source.file, 'p/reviews/2026-05-01-2.md');
  });
});

describe('renderReviewMarkdown', () => {
  it('has the stage, goals, cadence, signals, actions and changes sections', async () => {
    const text = renderReviewMarkdown(analyzeRelationship(await load(SPEC), TODAY));
    const headings = text.split('\n').filter((l) => l.startsWith('#'));
    assert.deepEqual(headings, ['# Review of `p` on 2026-06-01', '## Stage', '## Goals', '## Cadence', '## Signals', '## Open actions', '## Changes since the last review']);
    assert.match(text, /^Priya \(mentor\) and Sam \(mentee\); one-to-one, formal partnership; from 2026-01-01 to 2026-12-31; 41% of its time gone, 213 days left\.$/m);
    // Rounded down: never 100% while a day is left.
    assert.match(renderReviewMarkdown(analyzeRelationship(await load(SPEC), '2026-12-30')), /; 99% of its time gone, 1 day left\.$/m);
    assert.match(renderReviewMarkdown(analyzeRelationship(await load(SPEC), '2026-12-31')), /; 100% of its time gone, ending today\.$/m);
    // A closure in force is the one end the header gives, counted from its date, not from `ends`.
    const closed: JournalSpec = { ...SPEC, agreement: { ...SPEC.agreement, closure: '{date: 2026-09-30, outcome: friends}' } };
    assert.match(renderReviewMarkdown(analyzeRelationship(await load(closed), '2027-01-05')), /; from 2026-01-01 to 2026-12-31; closed on 2026-09-30 \(friends\), 97 days ago\.$/m);
    assert.match(renderReviewMarkdown(analyzeRelationship(await load(closed), '2026-09-30')), /; closed on 2026-09-30 \(friends\), today\.$/m);
    assert.match(renderReviewMarkdown(analyzeRelationship(await load(closed), '2026-06-01')), /; 41% of its time gone, 213 days left; closing on 2026-09-30 \(friends\)\.$/m);
    assert.match(text, /^- Declared in the agreement: \*\*building\*\*$/m);
    assert.match(text, /^\| Write an RFC \(rfc\) \| mentee \| active \| 30% \| 2026-06-20 \| 19 \| 2026-05-18 \|$/m);
    // Past its due date, in the Review panel's words.
    const later = renderReviewMarkdown(analyzeRelationship(await load(SPEC), '2026-07-15'));
    assert.match(later, /^\| Write an RFC \(rfc\) \| mentee \| active \| 30% \| 2026-06-20 \| overdue 25 days \| 2026-05-18 \|$/m);
    assert.match(text, /^- \*\*Overdue by 4 days\*\*: the planned meeting has passed/m);
    assert.match(text, /^- \*\*Warning\*\* \(`goal-at-risk`\): Goal `rfc` \(Write an RFC\) is due on 2026-06-20, in 19 days, with 30% progress\.$/m);
    assert.match(text, /^ {2}Advice: /m);
    // Journal text keeps `[[rfc]]` escaped: in a saved review it must not make a goal reference.
    assert.match(text, /^- @sam outline the options \\\[\\\[rfc\\\]\\\] \(due 2026-05-25, 7 days overdue\), from the session of 2026-05-18$/m);
    assert.match(text, /No earlier review to compare with\./);
  });

  it('says so when there are no goals, signals, actions or changes', async () => {
    const files = { 'reviews/2026-05-01.md': reviewMd('2026-05-01', 'stage: creating\ngoals: {}') };
    // Started within the 21 days a first session may take without a cadence, so no-first-session is not due yet.
    const text = renderReviewMarkdown(analyzeRelationship(await load({ agreement: { stage: 'creating', cadence: null, started: '2026-05-20' }, files }), TODAY));
    assert.match(text, /No goals yet/);
    assert.match(text, /Nothing needs attention right now\./);
    assert.match(text, /No open action items\./);
    assert.match(text, /## Changes since the review of 2026-05-01\n\nNothing changed in stage or goals\./);
  });

  it('renders changes since the previous review', async () => {
    const files = { 'reviews/2026-04-01.md': reviewMd('2026-04-01', 'stage: creating\ngoals:\n  rfc: {status: proposed, progress: 10}\n  talk: {status: achieved}') };
    const text = renderReviewMarkdown(analyzeRelationship(await load({ ...SPEC, files }), TODAY));
    assert.match(text, /## Changes since the review of 2026-04-01\n\n- Declared stage: creating → building\n- `rfc` \(Write an RFC\): status proposed → active; progress 10% → 30%\n- `talk` \(Give a talk\): progress – → 100%/);
  });

  it('escapes journal text: HTML, pipes and entities in cells stay text', async () => {
    const spec = { ...SPEC, agreement: { mentor: '"<b>Pri</b>"' }, goals: [{ id: 'rfc', title: '<script>alert(1)</script> | A&B &amp;\nnext' }] };
    const text = renderReviewMarkdown(analyzeRelationship(await load(spec), TODAY));
    assert.doesNotMatch(text, /<script>|<b>/);
    assert.match(text, /\\<script\\>alert\(1\)\\<\/script\\> \\\| A&B \\&amp; next \(rfc\)/);
    const row = text.split('\n').find((l) => l.includes('alert'))!;
    assert.equal(row.split(/(?<!\\)\|/).length, 9, row); // 7 cells between 8 unescaped pipes
  });
});

describe('renderReviewFile', () => {
  it('writes a review file that parses back without problems and holds the snapshot', async () => {
    const report = analyzeRelationship(await load(SPEC), TODAY);
    const text = renderReviewFile(report, report.changes, TODAY);
    assert.ok(text.startsWith('---\ntype: review\ndate: 2026-06-01\nrelationship: p\nstage: building\ninferred: building\ngoals:\n  rfc:\n    status: active\n    progress: 30\n'), text);
    const file = parseJournalFile('p/reviews/2026-06-01.md', text);
    assert.deepEqual(file.problems, []);
    assert.equal(file.type, 'review');
    assert.deepEqual(file.review?.goals, { rfc: { status: 'active', progress: 30 }, talk: { status: 'achieved', progress: 100 } });
    assert.equal(file.review?.stage, 'building');
  });

  it('adds no cross-file problems to the relationship, even with hostile titles', async () => {
    const spec = { ...SPEC, goals: [{ id: 'rfc', title: '[[nope]] <script>x</script> | & done' }] };
    const report = analyzeRelationship(await load(spec), TODAY);
    const files = { ...journalFiles(spec), 'p/reviews/2026-06-01.md': renderReviewFile(report, report.changes, TODAY) };
    const index = new JournalIndex(new MemoryFileSystem(files));
    await index.build();
    assert.deepEqual(index.problems('p/reviews/2026-06-01.md'), []);
    // The saved review is the baseline for the next one: nothing changed the day after.
    const next = analyzeRelationship(index.relationship('p')!, '2026-06-02');
    assert.deepEqual([next.changes.previous?.date, next.changes.changed, next.changes.added, next.changes.stage], ['2026-06-01', [], [], undefined]);
  });
});

describe('goal references in reviews', () => {
  it('a saved review escapes [[...]] in a title, so it makes no goal reference (shown as written)', async () => {
    const spec = { ...SPEC, goals: [{ id: 'rfc', title: 'Pipe | title <b>x</b> [[no-such-goal]]' }] };
    const report = analyzeRelationship(await load(spec), TODAY);
    const saved = renderReviewFile(report, report.changes, TODAY);
    assert.match(saved, /^\| Pipe \\\| title \\<b\\>x\\<\/b\\> \\\[\\\[no-such-goal\\\]\\\] \(rfc\) \|/m);
    assert.deepEqual(parseJournalFile('p/reviews/2026-06-01.md', saved).review?.references.filter((r) => r.via === 'body'), []);
  });
});

describe('reviewToJson', () => {
  it('prints a journal as { today, relationships } with the figures of each', async () => {
    const json = reviewToJson(analyzeJournal([await load(SPEC)], TODAY));
    assert.equal(json.today, TODAY);
    const [r] = json.relationships;
    assert.deepEqual([r!.id, r!.mentor, r!.mentee, r!.stage], ['p', 'Priya', 'Sam', { declared: 'building', inferred: 'building', reasons: ['The agreement is signed by both partners (mentor 2026-01-02, mentee 2026-01-03).', '1 goal is active (rfc).'] }]);
    const rfc = r!.goals.find((g) => g.id === 'rfc')!;
    assert.deepEqual([rfc.status, rfc.progress, rfc.due, rfc.daysLeft, rfc.lastDiscussed, rfc.sessions.length, rfc.openActions.length], ['active', 30, '2026-06-20', 19, '2026-05-18', 2, 1]);
    assert.deepEqual([r!.cadence.overdue, r!.cadence.overdueDays, r!.cadence.nextMeeting, r!.cadence.cadence], [true, 4, '2026-05-28', 'biweekly']);
    assert.deepEqual(r!.signals.map((s) => s.code), ['cadence-overdue', 'goal-at-risk', 'actions-overdue']);
    assert.equal(r!.changes.previous, null);
  });

  it('is plain JSON: no undefined, survives a round trip unchanged, strings unescaped', async () => {
    const spec = { ...SPEC, goals: [{ id: 'rfc', title: '<script>alert("x")</script> | A&B' }] };
    const json = reviewToJson(analyzeRelationship(await load(spec), TODAY));
    assert.deepEqual(JSON.parse(JSON.stringify(json)), json);
    assert.equal(json.goals[0]!.title, '<script>alert("x")</script> | A&B');
    assert.equal(json.goals[0]!.success, 'Both partners agree it is done');
    const walk = (v: unknown): void => {
      assert.notEqual(v, undefined);
      if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    walk(json);
  });
});

describe('the example journal', () => {
  const root = join(__dirname, '../../examples/journal');
  const read = (dir: string, out: Record<string, string> = {}): Record<string, string> => {
    for (const name of readdirSync(join(root, dir))) {
      const path = dir ? `${dir}/${name}` : name;
      if (statSync(join(root, path)).isDirectory()) read(path, out);
      else out[path] = readFileSync(join(root, path), 'utf8');
    }
    return out;
  };

  it('gets a review for each relationship whose saved file parses back cleanly', async () => {
    const index = new JournalIndex(new MemoryFileSystem(read('')));
    await index.build();
    const journal = analyzeJournal(index.relationships(), '2026-12-10');
    assert.ok(journal.relationships.length >= 2);
    for (const report of journal.relationships) {
      const file = parseJournalFile(`${report.id}/reviews/2026-12-10.md`, renderReviewFile(report));
      assert.deepEqual(file.problems, [], report.id);
      assert.ok(report.inferred.reasons.length > 0);
    }
  });
});

describe('a goal file that cannot be read', () => {
  const rfc = (middle: string) => `---\ntype: goal\ntitle: Write an RFC\nstatus: active\n${middle}success: Accepted at the architecture review\n---\n`;
  const CONFLICT = rfc('<<<<<<< HEAD\ndue: 2026-10-31\n=======\ndue: 2026-12-31\n>>>>>>> other\n');

  it('counts a goal file with a merge conflict as a goal that exists, status unknown, as one with broken YAML: never as no goals', async () => {
    for (const [what, text] of [['a conflict', CONFLICT], ['no closing ---', '---\ntype: goal\ntitle: Write an RFC\nstatus: active\n\nNever closed.\n'], ['broken YAML', rfc('title: [broken\n')]] as const) {
      const { rel } = await loadJournal({ files: { 'goals/write-rfc.md': text } });
      assert.deepEqual(rel.goals.map((g) => g.id), ['write-rfc'], what);
      const report = analyzeRelationship(rel, TODAY);
      assert.equal(report.inferred.stage, 'building', what);
      assert.equal(report.signals.some((s) => s.code === 'stage-mismatch'), false, what);
      const md = renderReviewMarkdown(report);
      assert.doesNotMatch(md, /No goals yet|No goals are defined/, what);
      assert.match(md, /\| write-rfc \(/, what);
    }
    const report = analyzeRelationship((await loadJournal({ files: { 'goals/write-rfc.md': CONFLICT } })).rel, TODAY);
    assert.deepEqual(report.goals.map((g) => [g.id, g.status, g.due ?? null]), [['write-rfc', 'unknown', null]]);
    assert.deepEqual(report.inferred.reasons.at(-1), 'No goal is active right now; the status of write-rfc is unknown.');
    assert.deepEqual(report.conflicted, ['p/goals/write-rfc.md']);
  });

  it('lets a goal read elsewhere with the id of an unreadable goal file stand, without a duplicate', async () => {
    const { index, rel } = await loadJournal({ goals: [{ id: 'write-rfc', title: 'The RFC' }], files: { 'goals/Write-RFC.md': CONFLICT } });
    assert.deepEqual(rel.goals.map((g) => [g.id, g.title, g.source.file]), [['write-rfc', 'The RFC', 'p/goals/write-rfc.md']]);
    assert.equal(index.problems('p/goals/Write-RFC.md').some((p) => p.code === 'goal/duplicate-id'), false);
  });
});

describe('a session file with a key written twice', () => {
  it('counts nowhere, as one whose YAML is broken: not held, no progress, no actions (found by the verifier)', async () => {
    const files = { 'sessions/2026-05-09.md': '---\ntype: session\ndate: 2026-05-09\ngoals: [rfc]\nstatus: held\nstatus: missed\nprogress:\n  rfc: 50\n---\n\n- [ ] @sam second thing (due 2026-05-20)\n' };
    const report = analyzeRelationship(await load({ goals: [{ id: 'rfc' }], sessions: [{ date: '2026-04-20', goals: ['rfc'], progress: { rfc: 10 } }], files }), TODAY);
    assert.deepEqual(report.unreadSessions, ['p/sessions/2026-05-09.md']);
    assert.deepEqual(report.sessions.map((s) => [s.file, s.status]), [['p/sessions/2026-04-20.md', 'held'], ['p/sessions/2026-05-09.md', 'unknown']]);
    assert.deepEqual([report.cadence.held, report.cadence.missed], [1, 0]);
    assert.equal(report.goals.find((g) => g.id === 'rfc')!.progress, 10);
    assert.deepEqual(report.actions.map((a) => a.text), []);
  });
});

describe('a session file that cannot be read', () => {
  it('is named in a note of the review and in JSON, since none of the counts has it; a conflict and a file of another type are not', async () => {
    const files = {
      'sessions/2026-05-01.md': '---\ntype: session\ndate: [2026-05-01\n---\n\nNotes.\n',
      // Its date read, its YAML broken further down: a session of unknown status, in no count.
      'sessions/2026-05-02.md': '---\ntype: session\ndate: 2026-05-02\nfoo: "unterminated\n---\n',
      'sessions/2026-05-08.md': '---\ntype: session\nwhen: 2026-05-08\n---\n',
      'sessions/2026-05-15.md': '---\ntype: session\ndate: 2026-02-30\n---\n',
      'sessions/2026-05-22.md': '---\ndate: 2026-05-22\n\nNever closed.\n',
      'sessions/2026-05-29.md': '---\ntype: session\n<<<<<<< HEAD\ndate: 2026-05-29\n=======\ndate: 2026-05-28\n>>>>>>> other\n---\n',
      'sessions/old-goal.md': '---\ntype: goal\ntitle: Filed in the wrong folder\nstatus: active\nsuccess: Moved\n---\n',
    };
    const report = analyzeRelationship(await load({ sessions: [{ date: '2026-04-20' }], files }), TODAY);
    assert.deepEqual(report.unreadSessions, ['p/sessions/2026-05-01.md', 'p/sessions/2026-05-02.md', 'p/sessions/2026-05-08.md', 'p/sessions/2026-05-15.md', 'p/sessions/2026-05-22.md']);
    assert.deepEqual(report.conflicted, ['p/sessions/2026-05-29.md']);
    assert.deepEqual(report.sessions.map((s) => [s.file, s.status]), [['p/sessions/2026-04-20.md', 'held'], ['p/sessions/2026-05-02.md', 'unknown']]);
    assert.equal(report.cadence.held, 1);
    assert.deepEqual(reviewToJson({ today: TODAY, relationships: [report] }).relationships[0]!.unreadSessions, report.unreadSessions);
    const md = renderReviewMarkdown(report);
    assert.ok(
      md.includes(
        '> Note: These 5 session files are in none of this review\'s counts, because their front matter or date could not be read: `p/sessions/2026-05-01.md`, `p/sessions/2026-05-02.md`, `p/sessions/2026-05-08.md`, `p/sessions/2026-05-15.md`, `p/sessions/2026-05-22.md`. Fix them (their problems say how) and review again.\n',
      ),
      md,
    );
    assert.match(md, /^> Note: This file was left out of this review because of an unresolved merge conflict: `p\/sessions\/2026-05-29\.md`\./m);
    const one = analyzeRelationship(await load({ files: { 'sessions/2026-05-08.md': files['sessions/2026-05-08.md'] } }), TODAY);
    assert.match(renderReviewMarkdown(one), /^> Note: This session file is in none of this review's counts, because its front matter or date could not be read: `p\/sessions\/2026-05-08\.md`\. Fix it \(its problems say how\) and review again\.$/m);
    const none = analyzeRelationship(await load({ sessions: [{ date: '2026-04-20' }] }), TODAY);
    assert.equal(none.unreadSessions, undefined);
    assert.deepEqual(reviewToJson({ today: TODAY, relationships: [none] }).relationships[0]!.unreadSessions, []);
    assert.doesNotMatch(renderReviewMarkdown(none), /> Note/);
  });
});
