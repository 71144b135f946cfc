import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { JournalIndex } from '../../src/core/journalIndex';
import { analyzeRelationship, matchPartner, readJournalHistory, historyLines, reviewToJson, renderReviewMarkdown, type Relationship } from '../../src/core';
import { NodeFileSystem } from '../../src/cli/nodeFileSystem';
import { gitHistorySource } from '../../src/cli/gitSource';
import { agreement, goalFile, PRIYA, removeRepos, SAM, session, TempRepo, twoPartnerRepo } from './gitRepo';

async function reviewOf(root: string, today: string) {
  const index = new JournalIndex(new NodeFileSystem(root));
  await index.build();
  const rels = index.relationships();
  const source = await gitHistorySource(root);
  assert.ok(source && source !== 'shallow', 'a git work tree with its whole history is found');
  const history = await readJournalHistory(source, rels);
  return rels.map((rel) => analyzeRelationship(rel, today, {}, history.get(rel.id)));
}

describe('git history: goals and who keeps the record', function () {
  this.timeout(60_000);
  after(removeRepos);

  it('matches an author to the agreement\'s name whatever the accents: decomposed (NFD), composed (NFC), or left out as an ASCII-only git config leaves them', () => {
    const rel = { agreement: { mentors: [{ name: 'Zoë Brandt' }], mentees: [{ name: 'Jürgen Groß', email: 'J@Example.org' }] } } as unknown as Relationship;
    assert.deepEqual(matchPartner(rel, { name: 'Zoe\u0308 Brandt', email: 'zoe@example.org' }), { name: 'Zoë Brandt', role: 'mentor' });
    assert.deepEqual(matchPartner(rel, { name: 'someone', email: 'j@example.org' }), { name: 'Jürgen Groß', role: 'mentee' });
    assert.deepEqual(matchPartner(rel, { name: 'Zoe  brandt', email: '' }), { name: 'Zoë Brandt', role: 'mentor' });
    assert.deepEqual(matchPartner(rel, { name: 'Jurgen Gross', email: 'jurgen@home.example' }), { name: 'Jürgen Groß', role: 'mentee' });
    // German's own ASCII spelling of an umlaut, as git configs often have it.
    assert.deepEqual(matchPartner(rel, { name: 'Juergen Gross', email: 'jg@home.example' }), { name: 'Jürgen Groß', role: 'mentee' });
    assert.equal(matchPartner(rel, { name: 'Juergen Grosz', email: 'jg@home.example' }), undefined);
    // A git configured with one name alone, the person's own in the agreement (a given name, written first or last).
    const pair = { agreement: { mentors: [{ name: '佐藤 花子' }], mentees: [{ name: 'Jürgen Groß' }] } } as unknown as Relationship;
    assert.deepEqual(matchPartner(pair, { name: '花子', email: 'h@example.org' }), { name: '佐藤 花子', role: 'mentor' });
    assert.deepEqual(matchPartner(pair, { name: 'Juergen', email: 'j@example.org' }), { name: 'Jürgen Groß', role: 'mentee' });
    const shared = { agreement: { mentors: [{ name: 'Anna Schmidt' }], mentees: [{ name: 'Ben Schmidt' }] } } as unknown as Relationship;
    assert.equal(matchPartner(shared, { name: 'Schmidt', email: 's@example.org' }), undefined, 'a name two people share names neither');
    assert.equal(matchPartner(rel, { name: 'Zoe Brand', email: '' }), undefined, 'another name is another person');
  });

  it("follows a goal from the agreement into its own file and through a rename, with each change's date, author and commit", async () => {
    const { repo, hashes } = twoPartnerRepo();
    const [report] = await reviewOf(repo.root, '2026-07-01');
    const rfc = report!.goals.find((g) => g.id === 'write-rfc')!;
    const priya = { name: 'Priya Raman', email: 'priya@example.org' };
    assert.deepEqual(rfc.fieldHistory, [
      { field: 'status', to: 'proposed', date: '2026-01-05', author: priya, commit: hashes.start },
      { field: 'due', to: '2026-06-30', date: '2026-01-05', author: priya, commit: hashes.start },
      { field: 'success', to: 'Accepted at the architecture review', date: '2026-01-05', author: priya, commit: hashes.start },
      { field: 'status', from: 'proposed', to: 'active', date: '2026-03-01', author: priya, commit: hashes.moved1 },
      { field: 'due', from: '2026-06-30', to: '2026-08-31', date: '2026-03-01', author: priya, commit: hashes.moved1 },
      { field: 'progress', to: 40, date: '2026-06-01', author: priya, commit: hashes.moved2 },
      { field: 'due', from: '2026-08-31', to: '2026-10-31', date: '2026-06-01', author: priya, commit: hashes.moved2 },
    ]);
    assert.deepEqual(historyLines(rfc.fieldHistory), ['due moved twice: 2026-06-30 → 2026-08-31 → 2026-10-31', 'status changed once: proposed → active']);
    const talk = report!.goals.find((g) => g.id === 'give-talk')!;
    assert.deepEqual(talk.fieldHistory?.map((c) => [c.field, c.to, c.commit]), [['status', 'proposed', hashes.start]]);
  });

  it('follows the journal back past its move into a folder of the repository, reviewed from that folder as from the top', async () => {
    const { repo, hashes } = twoPartnerRepo();
    const [before] = await reviewOf(repo.root, '2026-07-01');
    mkdirSync(path.join(repo.root, 'journals', 'team'), { recursive: true });
    repo.git('mv', 'p', 'journals/team/p');
    repo.write({ 'tools/README.md': '# Tools\n' }).commit(SAM, '2026-06-10', 'The journal into journals/team');
    // A file moved out of the journal is gone from it; one never in it is not followed.
    repo.git('mv', 'journals/team/p/sessions/2026-04-15.md', 'tools/old-session.md');
    repo.commit(SAM, '2026-06-11', 'A session out of the journal');
    for (const folder of ['journals/team', 'journals/team/p', '.']) {
      const root = path.join(repo.root, ...folder.split('/'));
      const reports = await reviewOf(root, '2026-07-01');
      const report = reports.find((r) => r.id === (folder === '.' ? 'journals/team/p' : folder === 'journals/team' ? 'p' : '.'))!;
      const rfc = report.goals.find((g) => g.id === 'write-rfc')!;
      assert.deepEqual(rfc.fieldHistory, before!.goals.find((g) => g.id === 'write-rfc')!.fieldHistory, `from ${folder}`);
      assert.deepEqual(historyLines(rfc.fieldHistory), ['due moved twice: 2026-06-30 → 2026-08-31 → 2026-10-31', 'status changed once: proposed → active'], `from ${folder}`);
      assert.ok(rfc.fieldHistory!.some((c) => c.commit === hashes.start));
    }
  });

  it('follows a rename staged but not committed yet (`git mv p ana-and-bo`): the same history, and the sessions still count as committed', async () => {
    const { repo } = twoPartnerRepo();
    const [before] = await reviewOf(repo.root, '2026-07-01');
    repo.git('mv', 'p', 'ana-and-bo');
    for (const folder of ['.', 'ana-and-bo']) {
      const reports = await reviewOf(path.join(repo.root, folder), '2026-07-01');
      const report = reports.find((r) => r.id === (folder === '.' ? 'ana-and-bo' : '.'))!;
      assert.deepEqual(report.goals.map((g) => g.fieldHistory), before!.goals.map((g) => g.fieldHistory), `from ${folder}`);
      assert.equal(report.records?.uncommitted, 0, `from ${folder}`);
      assert.deepEqual(report.records?.sessions.map((r) => r.commit), before!.records?.sessions.map((r) => r.commit), `from ${folder}`);
    }
  });

  it('follows a goal file that the commit moving the journal also rewrote (git sees it deleted and added, not renamed)', async () => {
    const { repo, hashes } = twoPartnerRepo();
    mkdirSync(path.join(repo.root, 'j'), { recursive: true });
    repo.git('mv', 'p', 'j/p');
    // Rewritten past git's rename detection: comments, quotes, flow lists, a block scalar; the same id and due date.
    repo.write({ 'j/p/goals/rfc.md': '---\n# rewritten while moving\ntype: goal\nid: write-rfc\ntitle: "Write the design RFC for billing"\nowner: both\nstatus: active\nprogress: 40\ndue: 2026-10-31\nsuccess: >-\n  Accepted at the architecture review,\n  with two reviewers from other teams\nskills: [writing, design, review]\n---\n\nA different body altogether, long enough to make the file another file for git.\n' });
    repo.commit(SAM, '2026-06-20', 'Move the journal into j/ and rewrite the RFC goal');
    assert.match(repo.git('show', '--name-status', '-M', '--format=', 'HEAD'), /^A\tj\/p\/goals\/rfc\.md$/m, 'git sees the goal file added, not renamed');
    for (const folder of ['.', 'j', 'j/p']) {
      const reports = await reviewOf(path.join(repo.root, ...folder.split('/')), '2026-07-01');
      const rfc = reports.find((r) => r.id === (folder === '.' ? 'j/p' : folder === 'j' ? 'p' : '.'))!.goals.find((g) => g.id === 'write-rfc')!;
      assert.deepEqual(historyLines(rfc.fieldHistory)[0], 'due moved twice: 2026-06-30 → 2026-08-31 → 2026-10-31', `from ${folder}`);
      // Each change when it was made: the move to 2026-10-31 on 2026-06-01 by Priya, not by the commit that moved the journal.
      assert.deepEqual(rfc.fieldHistory!.filter((c) => c.field === 'due').map((c) => [c.to, c.date, c.commit]), [['2026-06-30', '2026-01-05', hashes.start], ['2026-08-31', '2026-03-01', hashes.moved1], ['2026-10-31', '2026-06-01', hashes.moved2]], `from ${folder}`);
    }
  });

  for (const rewritten of [false, true]) {
  it(`keeps a relationship moved away and a new one started in its old folder apart: no commit of one in the other${rewritten ? ' (its goal file rewritten by the move: deleted and added to git)' : ''}`, async () => {
    const { repo, hashes } = twoPartnerRepo();
    mkdirSync(path.join(repo.root, 'archive'), { recursive: true });
    repo.git('mv', 'p', 'archive/p');
    if (rewritten) repo.write({ 'archive/p/goals/rfc.md': '---\n# archived\ntype: goal\nid: write-rfc\ntitle: "Write the design RFC for billing"\nowner: both\nstatus: active\nprogress: 40\ndue: 2026-10-31\nsuccess: >-\n  Accepted at the architecture review,\n  with two reviewers from other teams\n---\n\nA different body altogether, long enough to make the file another file for git.\n' });
    const archived = repo.commit(PRIYA, '2026-06-10', 'Archive the pair');
    if (rewritten) assert.match(repo.git('show', '--name-status', '-M', '--format=', 'HEAD'), /^A\tarchive\/p\/goals\/rfc\.md$/m, 'git sees the goal file added, not renamed');
    // A new pair in the old folder, with a goal file and a session at the old paths.
    const started = repo.write({ 'p/agreement.md': agreement(''), 'p/goals/rfc.md': goalFile('2026-12-31'), 'p/sessions/2026-02-01.md': session('2026-02-01') }).commit(SAM, '2026-06-15', 'A new pair');
    const reports = await reviewOf(repo.root, '2026-07-01');
    const old = reports.find((r) => r.id === 'archive/p')!;
    const now = reports.find((r) => r.id === 'p')!;
    const dues = (r: typeof old) => r.goals.find((g) => g.id === 'write-rfc')!.fieldHistory!.filter((c) => c.field === 'due').map((c) => [c.to, c.commit]);
    assert.deepEqual(dues(old), [['2026-06-30', hashes.start], ['2026-08-31', hashes.moved1], ['2026-10-31', hashes.moved2]]);
    assert.deepEqual(dues(now), [['2026-12-31', started]]);
    assert.ok(old.signals.some((s) => s.code === 'goal-due-slipped'));
    assert.ok(!now.signals.some((s) => s.code === 'goal-due-slipped'));
    // Each session first committed where it was: the archived ones before the move, the new pair's by Sam now.
    assert.deepEqual(old.records!.sessions.map((s) => [s.file, s.commit]), [['archive/p/sessions/2026-02-01.md', hashes.first], ['archive/p/sessions/2026-04-15.md', hashes.renamed], ['archive/p/sessions/2026-05-01.md', hashes.second]]);
    assert.deepEqual(now.records!.sessions.map((s) => [s.file, s.commit, s.author.name]), [['p/sessions/2026-02-01.md', started, SAM.name]]);
    assert.notEqual(archived, started);
  });
  }

  it("reads the history whatever the repository's git settings: the first commit's files with log.showRoot off, names in UTF-8 with a Latin-1 log encoding", async () => {
    const repo = new TempRepo();
    const zoe = { name: 'Zoë Brandt', email: 'zoe@example.org' };
    const first = repo.write({ 'p/agreement.md': agreement(''), 'p/sessions/2026-02-01.md': session('2026-02-01') }).commit(zoe, '2026-02-01', 'Start');
    repo.write({ 'p/sessions/2026-02-01.md': `${session('2026-02-01')}\nMore notes.\n` }).commit(SAM, '2026-02-02', 'Notes');
    repo.git('config', 'i18n.logOutputEncoding', 'ISO-8859-1');
    repo.git('config', 'log.showRoot', 'false');
    repo.git('config', 'log.showSignature', 'true');
    const [report] = await reviewOf(repo.root, '2026-03-01');
    assert.deepEqual(report!.records!.sessions.map((s) => [s.commit, s.author.name]), [[first, 'Zoë Brandt']]);
  });

  it('raises goal-due-slipped once the due date moved later twice, not before', async () => {
    const { repo } = twoPartnerRepo();
    const [now] = await reviewOf(repo.root, '2026-07-01');
    const signal = now!.signals.find((s) => s.code === 'goal-due-slipped');
    assert.deepEqual(signal && { severity: signal.severity, message: signal.message, goal: signal.goalId, file: signal.source?.file }, {
      severity: 'warning',
      message: 'The due date of `write-rfc` (Write an RFC) moved later twice: 2026-06-30 → 2026-08-31 → 2026-10-31.',
      goal: 'write-rfc',
      file: 'p/goals/rfc.md',
    });
    assert.match(signal!.advice, /refine the goal or its success criteria together/);
    // A time without a date between two does not hide a step: removed, then written again later.
    const gap = new TempRepo();
    gap.write({ 'p/agreement.md': agreement(''), 'p/goals/write-rfc.md': goalFile('2026-06-30') }).commit(PRIYA, '2026-01-05');
    gap.write({ 'p/goals/write-rfc.md': goalFile('2026-06-30').replace('due: 2026-06-30\n', '') }).commit(SAM, '2026-01-10');
    gap.write({ 'p/goals/write-rfc.md': goalFile('2026-08-31') }).commit(PRIYA, '2026-01-15');
    gap.write({ 'p/goals/write-rfc.md': goalFile('2026-09-30') }).commit(PRIYA, '2026-01-20');
    const [after] = await reviewOf(gap.root, '2026-02-01');
    assert.equal(after!.signals.find((s) => s.code === 'goal-due-slipped')?.message, 'The due date of `write-rfc` (Write an RFC) moved later twice: 2026-06-30 → (none) → 2026-08-31 → 2026-09-30.');
    // A change dated after the review's day is left out, and the one made on top of it runs on from the value before it.
    const ahead = new TempRepo();
    const set = ahead.write({ 'p/agreement.md': agreement(''), 'p/goals/write-rfc.md': goalFile('2026-06-30') }).commit(PRIYA, '2026-01-05');
    ahead.write({ 'p/goals/write-rfc.md': goalFile('2026-07-31') }).commit(SAM, '2027-01-01');
    const moved = ahead.write({ 'p/goals/write-rfc.md': goalFile('2026-08-31') }).commit(PRIYA, '2026-02-01');
    const [asOf] = await reviewOf(ahead.root, '2026-03-01');
    const rfc = asOf!.goals.find((g) => g.id === 'write-rfc')!;
    assert.deepEqual(rfc.fieldHistory!.filter((c) => c.field === 'due').map((c) => [c.from, c.to, c.commit]), [[undefined, '2026-06-30', set], ['2026-06-30', '2026-08-31', moved]]);
    // On 2026-05-15 the date had moved once only.
    const [before] = await reviewOf(repo.root, '2026-05-15');
    assert.equal(before!.signals.some((s) => s.code === 'goal-due-slipped'), false);
  });

  it('counts who first committed each held session, mapping authors by email (any case), then by name, through renames and a merge', async () => {
    const { repo, hashes } = twoPartnerRepo();
    repo.git('mv', 'p/sessions/2026-02-01.md', 'p/sessions/2026-02-01-kickoff.md');
    repo.commit(PRIYA, '2026-06-02', 'Rename a session');
    const [report] = await reviewOf(repo.root, '2026-07-01');
    assert.deepEqual(report!.records, {
      partners: [
        { name: 'Priya Raman', role: 'mentor', sessions: 1 },
        { name: 'Sam Lee', role: 'mentee', sessions: 2 },
      ],
      others: [],
      uncommitted: 0,
      sessions: [
        { file: 'p/sessions/2026-02-01-kickoff.md', date: '2026-02-01', commit: hashes.first, committed: '2026-02-01', author: { name: 'Sam Lee', email: 'sam@home.example' }, partner: { name: 'Sam Lee', role: 'mentee' } },
        { file: 'p/sessions/2026-04-15.md', date: '2026-04-15', commit: hashes.renamed, committed: '2026-04-15', author: { name: 'Priya Raman', email: 'priya@example.org' }, partner: { name: 'Priya Raman', role: 'mentor' } },
        { file: 'p/sessions/2026-05-01.md', date: '2026-05-01', commit: hashes.second, committed: '2026-05-01', author: { name: 'Sam Lee', email: 'sam@home.example' }, partner: { name: 'Sam Lee', role: 'mentee' } },
      ],
    });
    assert.equal(report!.signals.some((s) => s.code === 'notes-one-sided'), false);
  });

  it('raises notes-one-sided (info) when one partner first committed each of the last 6 held sessions, naming them', async () => {
    const repo = new TempRepo();
    repo.write({ 'p/agreement.md': agreement('') }).commit(SAM, '2026-01-05');
    repo.write({ 'p/sessions/2026-01-10.md': session('2026-01-10') }).commit(SAM, '2026-01-10');
    const months = ['02', '03', '04', '05', '06'];
    for (const m of months) repo.write({ [`p/sessions/2026-${m}-10.md`]: session(`2026-${m}-10`) }).commit(PRIYA, `2026-${m}-10`);
    // Five sessions in a row by Priya: not yet.
    let [report] = await reviewOf(repo.root, '2026-07-01');
    assert.equal(report!.signals.some((s) => s.code === 'notes-one-sided'), false);
    repo.write({ 'p/sessions/2026-07-10.md': session('2026-07-10') }).commit(PRIYA, '2026-07-10');
    [report] = await reviewOf(repo.root, '2026-07-11');
    const signal = report!.signals.find((s) => s.code === 'notes-one-sided');
    assert.deepEqual(signal && { severity: signal.severity, message: signal.message, file: signal.source?.file }, {
      severity: 'info',
      message: 'Priya Raman first committed the notes of each of the last 6 held sessions, going by git.',
      file: 'p/sessions/2026-07-10.md',
    });
    assert.match(signal!.advice, /Take turns/);
    assert.deepEqual(report!.records?.partners, [
      { name: 'Priya Raman', role: 'mentor', sessions: 6 },
      { name: 'Sam Lee', role: 'mentee', sessions: 1 },
    ]);
  });

  it('lists an author who is none of the partners, and held sessions not committed yet', async () => {
    const repo = new TempRepo();
    repo.write({ 'p/agreement.md': agreement(''), 'p/sessions/2026-02-01.md': session('2026-02-01') }).commit({ name: 'Lee Park', email: 'lee@example.org' }, '2026-02-01');
    repo.write({ 'p/sessions/2026-03-01.md': session('2026-03-01') });
    const [report] = await reviewOf(repo.root, '2026-04-01');
    assert.deepEqual(report!.records?.others, [{ name: 'Lee Park', email: 'lee@example.org', sessions: 1 }]);
    assert.equal(report!.records?.uncommitted, 1);
    assert.match(renderReviewMarkdown(report!), /^- Notes of 1 held session first committed by: Priya Raman 0, Sam Lee 0, Lee Park 1 \(not in the agreement\)$/m);
    assert.match(renderReviewMarkdown(report!), /^- 1 held session is not committed yet\.$/m);
  });

  it('gives the history in the JSON review and a History part in the Markdown review', async () => {
    const { repo, hashes } = twoPartnerRepo();
    const [report] = await reviewOf(repo.root, '2026-07-01');
    const json = reviewToJson(report!);
    const rfc = json.goals.find((g) => g.id === 'write-rfc')!;
    assert.deepEqual(rfc.changes?.at(-1), { field: 'due', from: '2026-08-31', to: '2026-10-31', date: '2026-06-01', author: 'Priya Raman', email: 'priya@example.org', commit: hashes.moved2 });
    assert.deepEqual(json.records?.partners.map((p) => [p.name, p.sessions]), [['Priya Raman', 1], ['Sam Lee', 2]]);
    const md = renderReviewMarkdown(report!);
    assert.match(md, /## History \(from git\)\n\n- `write-rfc` \(Write an RFC\): due moved twice: 2026-06-30 → 2026-08-31 → 2026-10-31; status changed once: proposed → active\n- Notes of 3 held sessions first committed by: Priya Raman 1, Sam Lee 2\n/);
  });

  it('without a history (no git), the report has none of it', async () => {
    const { repo } = twoPartnerRepo();
    const index = new JournalIndex(new NodeFileSystem(repo.root));
    await index.build();
    const report = analyzeRelationship(index.relationships()[0]!, '2026-07-01');
    assert.equal(report.records, undefined);
    assert.equal(report.goals.every((g) => g.fieldHistory === undefined), true);
    assert.doesNotMatch(renderReviewMarkdown(report), /History/);
    const json = reviewToJson(report);
    assert.equal(json.records, null);
    assert.equal(json.goals.every((g) => g.changes === null), true);
  });

  it('reads every YAML style a person writes: flow maps, quotes, comments, block scalars and CRLF, and skips a version with a conflict', async () => {
    const repo = new TempRepo();
    const crlf = (t: string) => t.replace(/\n/g, '\r\n');
    const flowGoal = (due: string, status: string) =>
      crlf(`---\n# the RFC, in flow style\n{type: goal, title: 'Write an RFC', status: "${status}", due: ${due}, progress: 10}\n---\n`);
    repo.write({ 'p/agreement.md': agreement('') }).commit(PRIYA, '2026-01-05');
    repo.write({ 'p/goals/write-rfc.md': crlf(`---\ntype: goal\ntitle: "Write an RFC"\nstatus: active # for now\nsuccess: >-\n  Accepted at the\n  architecture review\ndue: '2026-06-30'\n---\n`) }).commit(SAM, '2026-02-01');
    repo.write({ 'p/goals/write-rfc.md': '---\ntype: goal\n<<<<<<< HEAD\ndue: 2026-07-31\n=======\ndue: 2026-09-30\n>>>>>>> other\n---\n' }).commit(SAM, '2026-02-15');
    repo.write({ 'p/goals/write-rfc.md': flowGoal('2026-08-31', 'active') }).commit(PRIYA, '2026-03-01');
    repo.write({ 'p/goals/write-rfc.md': flowGoal('2026-10-31', 'paused') }).commit(PRIYA, '2026-04-01');
    const [report] = await reviewOf(repo.root, '2026-05-01');
    const rfc = report!.goals.find((g) => g.id === 'write-rfc')!;
    assert.deepEqual(rfc.fieldHistory!.map((c) => [c.field, c.from ?? null, c.to ?? null, c.date]), [
      ['status', null, 'active', '2026-02-01'],
      ['due', null, '2026-06-30', '2026-02-01'],
      ['success', null, 'Accepted at the architecture review', '2026-02-01'],
      ['progress', null, 10, '2026-03-01'],
      ['due', '2026-06-30', '2026-08-31', '2026-03-01'],
      ['success', 'Accepted at the architecture review', null, '2026-03-01'],
      ['status', 'active', 'paused', '2026-04-01'],
      ['due', '2026-08-31', '2026-10-31', '2026-04-01'],
    ]);
    assert.deepEqual(historyLines(rfc.fieldHistory), ['due moved twice: 2026-06-30 → 2026-08-31 → 2026-10-31', 'status changed once: active → paused', 'success changed once (last on 2026-03-01 by Priya Raman, removed)']);
    assert.equal(report!.signals.filter((s) => s.code === 'goal-due-slipped').length, 1);
  });

  it('keeps the history of a goal whose version has a schema error (an invalid value, an invalid sibling goal): only unreadable versions are skipped', async () => {
    const repo = new TempRepo();
    const crlf = (t: string) => t.replace(/\n/g, '\r\n');
    // A goal file with `progress: 120` (and, once, an impossible `due`) in every version, CRLF, quoted values.
    const goal = (due: string, extra: string) => crlf(`---\ntype: goal\ntitle: "Write an RFC"\nstatus: active\nsuccess: 'Accepted'\ndue: ${due}\nprogress: 120 # too much\n${extra}---\n`);
    // An agreement whose inline goals are flow maps, beside a sibling goal with an invalid status.
    const talk = (due: string) => `  - {id: give-a-talk, title: "Give a talk", status: active, success: 'Talk given', due: ${due}}\n  - {id: learn-d3, title: Learn D3, status: finished}`;
    repo.write({ 'p/agreement.md': crlf(agreement(talk('2026-12-10'))), 'p/goals/write-rfc.md': goal('2026-03-01', '') }).commit(PRIYA, '2026-01-02');
    repo.write({ 'p/agreement.md': crlf(agreement(talk('2027-01-10'))), 'p/goals/write-rfc.md': goal('2026-04-01', 'created: 2026-02-30\n') }).commit(SAM, '2026-02-02');
    repo.write({ 'p/agreement.md': crlf(agreement(talk('2027-02-10'))), 'p/goals/write-rfc.md': goal('2026-05-01', '') }).commit(PRIYA, '2026-03-02');
    // A version where the due date is not valid: its last valid value is kept, not read as removed.
    repo.write({ 'p/goals/write-rfc.md': goal('2026-05-33', '') }).commit(SAM, '2026-03-05');
    const [report] = await reviewOf(repo.root, '2026-03-10');
    const rfc = report!.goals.find((g) => g.id === 'write-rfc')!;
    assert.deepEqual(rfc.fieldHistory!.map((c) => [c.field, c.from ?? null, c.to ?? null, c.date]), [
      ['status', null, 'active', '2026-01-02'],
      ['due', null, '2026-03-01', '2026-01-02'],
      ['success', null, 'Accepted', '2026-01-02'],
      ['due', '2026-03-01', '2026-04-01', '2026-02-02'],
      ['due', '2026-04-01', '2026-05-01', '2026-03-02'],
    ]);
    const talkGoal = report!.goals.find((g) => g.id === 'give-a-talk')!;
    assert.deepEqual(historyLines(talkGoal.fieldHistory), ['due moved twice: 2026-12-10 → 2027-01-10 → 2027-02-10']);
    assert.deepEqual(report!.signals.filter((s) => s.code === 'goal-due-slipped').map((s) => s.goalId).sort(), ['give-a-talk', 'write-rfc']);
  });
  describe('a goal deleted and restored', () => {
    const SAM_O = { name: 'Sam Okafor', email: 'sam@example.org' };
    const rfcFile = (due: string, id = '') => `---\ntype: goal\n${id}title: Write an RFC\nstatus: active\ndue: ${due}\nsuccess: Accepted at the architecture review\n---\n`;
    /** The tester's repository: the goal written, its due date moved twice, the goal file deleted. */
    function deletedGoalRepo(): TempRepo {
      const repo = new TempRepo();
      repo.write({ 'p/agreement.md': agreement(''), 'p/goals/write-rfc.md': rfcFile('2026-06-30') }).commit(PRIYA, '2026-03-01');
      repo.write({ 'p/goals/write-rfc.md': rfcFile('2026-08-31') }).commit(PRIYA, '2026-04-01');
      repo.write({ 'p/goals/write-rfc.md': rfcFile('2026-10-31') }).commit(SAM_O, '2026-05-01');
      return repo;
    }
    const rfcOf = async (repo: TempRepo, today: string) => (await reviewOf(repo.root, today))[0]!.goals.find((g) => g.id === 'write-rfc')!;
    const slipped = async (repo: TempRepo, today: string) => (await reviewOf(repo.root, today))[0]!.signals.filter((s) => s.code === 'goal-due-slipped').map((s) => s.goalId);

    it('keeps the history of a goal file deleted and restored at the same path (git revert), as of any day', async () => {
      const repo = deletedGoalRepo();
      const before = await rfcOf(repo, '2026-05-05');
      assert.deepEqual(historyLines(before.fieldHistory), ['due moved twice: 2026-06-30 → 2026-08-31 → 2026-10-31']);
      repo.git('rm', '-q', 'p/goals/write-rfc.md');
      repo.commit(SAM_O, '2026-05-10', 'Delete the RFC goal');
      const restored = repo.write({ 'p/goals/write-rfc.md': rfcFile('2026-10-31') }).commit(SAM_O, '2026-05-11', 'Revert the deletion');
      assert.equal(repo.git('show', '--name-status', '--format=', restored).trim(), 'A\tp/goals/write-rfc.md', 'git sees the file added again');
      const after = await rfcOf(repo, '2026-05-20');
      // Restored as it was: nothing changed, so the history is the one before the deletion.
      assert.deepEqual(after.fieldHistory, before.fieldHistory);
      assert.deepEqual(await slipped(repo, '2026-05-20'), ['write-rfc']);
      // A review as of a day before the deletion gives what it gave then.
      assert.deepEqual((await rfcOf(repo, '2026-05-05')).fieldHistory, before.fieldHistory);
      assert.deepEqual((await rfcOf(repo, '2026-04-15')).fieldHistory, before.fieldHistory!.filter((c) => c.date <= '2026-04-15'));
    });

    it('gives a goal restored at the same path the history it gets restored in another file with its id', async () => {
      const same = deletedGoalRepo();
      same.git('rm', '-q', 'p/goals/write-rfc.md');
      same.commit(SAM_O, '2026-05-10');
      same.write({ 'p/goals/write-rfc.md': rfcFile('2026-12-31') }).commit(SAM_O, '2026-05-11');
      const other = deletedGoalRepo();
      other.git('rm', '-q', 'p/goals/write-rfc.md');
      other.commit(SAM_O, '2026-05-10');
      other.write({ 'p/goals/rfc.md': rfcFile('2026-12-31', 'id: write-rfc\n') }).commit(SAM_O, '2026-05-11');
      const [a, b] = [await rfcOf(same, '2026-05-20'), await rfcOf(other, '2026-05-20')];
      // Restored with a later due date: the move counts, against the value before the deletion.
      assert.deepEqual(historyLines(a.fieldHistory), ['due moved 3 times: 2026-06-30 → 2026-08-31 → 2026-10-31 → 2026-12-31']);
      assert.deepEqual(a.fieldHistory!.at(-1)!.from, '2026-10-31');
      assert.deepEqual(
        a.fieldHistory!.map((c) => ({ ...c, commit: '' })),
        b.fieldHistory!.map((c) => ({ ...c, commit: '' })),
      );
      assert.deepEqual(a.fieldHistory!.slice(0, -1), b.fieldHistory!.slice(0, -1), 'the same commits before the deletion');
    });

    it('credits a session file deleted and restored to whoever first committed it', async () => {
      const repo = new TempRepo();
      repo.write({ 'p/agreement.md': agreement(''), 'p/sessions/2026-02-01.md': session('2026-02-01') }).commit(SAM, '2026-02-01');
      repo.git('rm', '-q', 'p/sessions/2026-02-01.md');
      repo.commit(PRIYA, '2026-02-10');
      repo.write({ 'p/sessions/2026-02-01.md': session('2026-02-01') }).commit(PRIYA, '2026-02-11');
      const [report] = await reviewOf(repo.root, '2026-03-01');
      assert.deepEqual(report!.records!.sessions.map((s) => [s.file, s.author.name, s.committed]), [['p/sessions/2026-02-01.md', 'Sam Lee', '2026-02-01']]);
    });
  });
});
