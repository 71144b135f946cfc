// The git history of a journal that two partners keep on branches, as of a day, and in a
// shallow clone: found by a stranger's repositories (merge order, merge additions, --today,
// an invalid status, an uncommitted latest session).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { JournalIndex } from '../../src/core/journalIndex';
import { analyzeRelationship, authorDateOrder, historyLines, mergeChanges, readJournalHistory, type GitCommit } from '../../src/core';
import { NodeFileSystem } from '../../src/cli/nodeFileSystem';
import { gitHistorySource } from '../../src/cli/gitSource';
import { buildCli, runCli } from './cliHarness';
import { agreement, PRIYA, removeRepos, SAM, session, TempRepo } from './gitRepo';

async function reviewOf(root: string, today: string) {
  const index = new JournalIndex(new NodeFileSystem(root));
  await index.build();
  const rels = index.relationships();
  const source = await gitHistorySource(root);
  assert.ok(source && source !== 'shallow');
  const history = await readJournalHistory(source, rels);
  return analyzeRelationship(rels[0]!, today, {}, history.get(rels[0]!.id));
}

const goal = (due: string, progress: number, status = 'active') => `---\ntype: goal\ntitle: Write an RFC\nstatus: ${status}\ndue: ${due}\nprogress: ${progress}\nsuccess: Accepted\n---\n`;

/** Priya on main, Sam on a branch in between, merged by Priya keeping Sam's goal file. */
function branchRepo(): { repo: TempRepo; merge: string } {
  const repo = new TempRepo();
  repo.write({ 'p/agreement.md': agreement(''), 'p/goals/write-rfc.md': goal('2026-06-30', 10) }).commit(PRIYA, '2026-03-01');
  repo.git('checkout', '-q', '-b', 'sam');
  repo.write({ 'p/goals/write-rfc.md': goal('2026-07-31', 50), 'p/sessions/2026-03-02.md': session('2026-03-02') }).commit(SAM, '2026-03-02');
  repo.git('checkout', '-q', 'main');
  repo.write({ 'p/goals/write-rfc.md': goal('2026-07-15', 40), 'p/sessions/2026-03-03.md': session('2026-03-03') }).commit(PRIYA, '2026-03-03');
  // The conflict resolved as Sam had it, and a session added while resolving.
  repo.git('merge', '-q', '--no-commit', '-X', 'theirs', 'sam');
  repo.write({ 'p/sessions/2026-03-04.md': session('2026-03-04') });
  const merge = repo.commit(PRIYA, '2026-03-04', 'Merge sam');
  return { repo, merge };
}

describe('git history across branches, days and clones', function () {
  this.timeout(60_000);
  after(removeRepos);

  it('puts the changes of two branches in the order of their dates, with what the merge chose last', async () => {
    const { repo, merge } = branchRepo();
    const report = await reviewOf(repo.root, '2026-03-10');
    const rfc = report.goals.find((g) => g.id === 'write-rfc')!;
    assert.deepEqual(
      rfc.fieldHistory!.filter((c) => c.field === 'due').map((c) => [c.date, c.author.name, c.from ?? null, c.to]),
      [
        ['2026-03-01', 'Priya Raman', null, '2026-06-30'],
        ['2026-03-02', 'Sam Lee', '2026-06-30', '2026-07-31'],
        // What Priya changed on main, against her parent: Sam's branch was not merged yet.
        ['2026-03-03', 'Priya Raman', '2026-06-30', '2026-07-15'],
        ['2026-03-04', 'Priya Raman', '2026-07-15', '2026-07-31'],
      ],
    );
    assert.equal(rfc.fieldHistory!.at(-1)!.commit, merge);
    // As of a day in between, nothing made later is seen.
    const earlier = (await reviewOf(repo.root, '2026-03-02')).goals.find((g) => g.id === 'write-rfc')!;
    assert.deepEqual(historyLines(earlier.fieldHistory), ['due moved once: 2026-06-30 → 2026-07-31', 'progress changed once: 10 → 50']);
  });

  it('a clean merge of changes to different fields makes up no change, and each commit is compared with its own parent', async () => {
    const repo = new TempRepo();
    // `due` and `progress` lines apart, so that git merges the two branches' edits without a conflict.
    const apart = (due: string, progress: number) => `---\ntype: goal\ndue: ${due}\ntitle: Write an RFC\nstatus: active\nsuccess: Accepted\nprogress: ${progress}\n---\n`;
    repo.write({ 'p/agreement.md': agreement(''), 'p/goals/write-rfc.md': apart('2026-06-30', 10) }).commit(PRIYA, '2026-03-01');
    repo.git('checkout', '-q', '-b', 'sam');
    repo.write({ 'p/goals/write-rfc.md': apart('2026-06-30', 30) }).commit(SAM, '2026-03-05');
    repo.git('checkout', '-q', 'main');
    repo.write({ 'p/goals/write-rfc.md': apart('2026-07-31', 10) }).commit(PRIYA, '2026-03-06');
    repo.git('checkout', '-q', 'sam');
    repo.write({ 'p/goals/write-rfc.md': apart('2026-06-30', 40) }).commit(SAM, '2026-03-07');
    repo.git('checkout', '-q', 'main');
    const merge = repo.merge(PRIYA, '2026-03-08', 'sam');
    assert.equal(repo.git('show', `${merge}:p/goals/write-rfc.md`), apart('2026-07-31', 40));
    const report = await reviewOf(repo.root, '2026-03-10');
    const rfc = report.goals.find((g) => g.id === 'write-rfc')!;
    assert.deepEqual(historyLines(rfc.fieldHistory), ['due moved once: 2026-06-30 → 2026-07-31', 'progress changed twice: 10 → 30 → 40']);
    assert.deepEqual(
      rfc.fieldHistory!.filter((c) => c.from !== undefined).map((c) => [c.field, c.date, c.author.name, c.from, c.to]),
      [
        ['progress', '2026-03-05', 'Sam Lee', 10, 30],
        ['due', '2026-03-06', 'Priya Raman', '2026-06-30', '2026-07-31'],
        ['progress', '2026-03-07', 'Sam Lee', 30, 40],
      ],
    );
    assert.equal(report.signals.some((sig) => sig.code === 'goal-due-slipped'), false);
  });

  it('both branches moving the due date, the conflict resolved one way: each move once, in date order, the choice last, no slip made up', async () => {
    const repo = new TempRepo();
    repo.write({ 'p/agreement.md': agreement(''), 'p/goals/write-rfc.md': goal('2026-06-30', 10) }).commit(PRIYA, '2026-02-01');
    repo.git('checkout', '-q', '-b', 'sam');
    repo.write({ 'p/goals/write-rfc.md': goal('2026-08-31', 10) }).commit(SAM, '2026-02-10');
    repo.git('checkout', '-q', 'main');
    repo.write({ 'p/goals/write-rfc.md': goal('2026-07-31', 10) }).commit(PRIYA, '2026-02-12');
    repo.git('merge', '-q', '--no-commit', '-X', 'ours', 'sam');
    repo.commit(PRIYA, '2026-03-01', 'Merge sam');
    const report = await reviewOf(repo.root, '2026-03-02');
    const rfc = report.goals.find((g) => g.id === 'write-rfc')!;
    assert.deepEqual(historyLines(rfc.fieldHistory), ['due moved twice: 2026-06-30 → 2026-08-31 → 2026-07-31']);
    assert.deepEqual(rfc.fieldHistory!.filter((c) => c.from !== undefined).map((c) => [c.author.name, c.from, c.to]), [['Sam Lee', '2026-06-30', '2026-08-31'], ['Priya Raman', '2026-06-30', '2026-07-31']]);
    assert.equal(report.signals.some((sig) => sig.code === 'goal-due-slipped'), false);
  });

  it('counts a field removed and written again as changes, and a goal moved from its file back into the agreement keeps its history', async () => {
    const repo = new TempRepo();
    const inline = (due: string) => ['  - id: write-rfc', '    title: Write an RFC', '    status: active', '    success: Accepted', `    due: ${due}`, '    progress: 40'].join('\n');
    repo.write({ 'p/agreement.md': agreement(''), 'p/goals/write-rfc.md': goal('2026-05-01', 10) }).commit(PRIYA, '2026-03-01');
    repo.write({ 'p/goals/write-rfc.md': goal('2026-06-01', 10) }).commit(SAM, '2026-03-05');
    repo.write({ 'p/goals/write-rfc.md': goal('2026-06-01', 10).replace('due: 2026-06-01\n', '') }).commit(PRIYA, '2026-03-10');
    repo.write({ 'p/goals/write-rfc.md': goal('2026-07-01', 10) }).commit(SAM, '2026-03-15');
    repo.git('rm', '-q', 'p/goals/write-rfc.md');
    repo.write({ 'p/agreement.md': agreement(inline('2026-08-01')) }).commit(PRIYA, '2026-03-20');
    const rfc = (await reviewOf(repo.root, '2026-03-25')).goals.find((g) => g.id === 'write-rfc')!;
    assert.deepEqual(historyLines(rfc.fieldHistory), ['due moved 4 times: 2026-05-01 → 2026-06-01 → (none) → 2026-07-01 → 2026-08-01', 'progress changed once: 10 → 40']);
    assert.deepEqual(rfc.fieldHistory!.at(-1)!.author.name, 'Priya Raman');
  });

  it('credits notes both partners added for the same meeting on their branches to the one who added them first', async () => {
    const repo = new TempRepo();
    repo.write({ 'p/agreement.md': agreement(''), 'p/goals/write-rfc.md': goal('2026-06-30', 10) }).commit(PRIYA, '2026-03-01');
    repo.git('checkout', '-q', '-b', 'sam');
    repo.write({ 'p/sessions/2026-03-09.md': session('2026-03-09') }).commit(SAM, '2026-03-09');
    repo.git('checkout', '-q', 'main');
    repo.write({ 'p/sessions/2026-03-09.md': `${session('2026-03-09')}\nPriya's notes.\n` }).commit(PRIYA, '2026-03-12');
    repo.git('merge', '-q', '--no-commit', '-X', 'ours', 'sam');
    repo.commit(PRIYA, '2026-03-12', 'Merge sam');
    const records = (await reviewOf(repo.root, '2026-03-20')).records!;
    assert.deepEqual(records.sessions.map((r) => [r.file, r.author.name, r.committed]), [['p/sessions/2026-03-09.md', 'Sam Lee', '2026-03-09']]);
    // On a day between the two additions, the first one is already there.
    assert.equal((await reviewOf(repo.root, '2026-03-10')).records!.uncommitted, 0);
  });

  it('credits a session to the commit that added it on its branch, and one added while resolving a merge to the merge', async () => {
    const { repo, merge } = branchRepo();
    const report = await reviewOf(repo.root, '2026-03-10');
    assert.deepEqual(
      report.records!.sessions.map((s) => [s.file, s.author.name, s.committed]),
      [
        ['p/sessions/2026-03-02.md', 'Sam Lee', '2026-03-02'],
        ['p/sessions/2026-03-03.md', 'Priya Raman', '2026-03-03'],
        ['p/sessions/2026-03-04.md', 'Priya Raman', '2026-03-04'],
      ],
    );
    assert.equal(report.records!.sessions[2]!.commit, merge);
    assert.equal(report.records!.uncommitted, 0);
  });

  it('as of a day, a session first committed later is not committed yet', async () => {
    const repo = new TempRepo();
    repo.write({ 'p/agreement.md': agreement('') }).commit(PRIYA, '2026-01-05');
    repo.write({ 'p/sessions/2026-02-10.md': session('2026-02-10') }).commit(SAM, '2026-05-01');
    const report = await reviewOf(repo.root, '2026-03-01');
    assert.deepEqual(report.records!.sessions, []);
    assert.equal(report.records!.uncommitted, 1);
    assert.deepEqual(report.records!.partners.map((p) => p.sessions), [0, 0]);
  });

  it('raises goal-due-slipped for open goals only, not for one whose status is not valid', async () => {
    const repo = new TempRepo();
    repo.write({ 'p/agreement.md': agreement(''), 'p/goals/write-rfc.md': goal('2026-06-30', 10, 'finished') }).commit(PRIYA, '2026-02-01');
    repo.write({ 'p/goals/write-rfc.md': goal('2026-07-31', 10, 'finished') }).commit(PRIYA, '2026-03-01');
    repo.write({ 'p/goals/write-rfc.md': goal('2026-08-31', 10, 'finished') }).commit(PRIYA, '2026-04-01');
    const report = await reviewOf(repo.root, '2026-05-01');
    assert.equal(report.goals[0]!.status, 'unknown');
    assert.equal(report.signals.some((s) => s.code === 'goal-due-slipped'), false);
    repo.write({ 'p/goals/write-rfc.md': goal('2026-08-31', 10, 'paused') }).commit(PRIYA, '2026-04-02');
    assert.equal((await reviewOf(repo.root, '2026-05-01')).signals.some((s) => s.code === 'goal-due-slipped'), true);
  });

  it('notes-one-sided counts back from the latest held session: one not committed yet ends the streak', async () => {
    const repo = new TempRepo();
    repo.write({ 'p/agreement.md': agreement('') }).commit(SAM, '2026-01-05');
    for (const m of ['01', '02', '03', '04', '05', '06']) repo.write({ [`p/sessions/2026-${m}-10.md`]: session(`2026-${m}-10`) }).commit(PRIYA, `2026-${m}-10`);
    assert.equal((await reviewOf(repo.root, '2026-07-01')).signals.find((s) => s.code === 'notes-one-sided')?.message, 'Priya Raman first committed the notes of every held session (6), going by git.');
    repo.write({ 'p/sessions/2026-07-10.md': session('2026-07-10') }); // written, not committed
    assert.equal((await reviewOf(repo.root, '2026-07-11')).signals.some((s) => s.code === 'notes-one-sided'), false);
  });

  it('gives dates as days where the machine is, as the extension does: a commit at 23:30 UTC is the next day east of it', async () => {
    const repo = new TempRepo();
    repo.write({ 'p/agreement.md': agreement(''), 'p/goals/write-rfc.md': goal('2026-06-30', 10) }).commit(PRIYA, '2026-03-01');
    repo.write({ 'p/goals/write-rfc.md': goal('2026-07-31', 10) });
    repo.git('add', '-A');
    execFileSync('git', ['-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'late'], { cwd: repo.root, env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_AUTHOR_NAME: SAM.name, GIT_AUTHOR_EMAIL: SAM.email, GIT_COMMITTER_NAME: SAM.name, GIT_COMMITTER_EMAIL: SAM.email, GIT_AUTHOR_DATE: '2026-03-05T23:30:00+00:00', GIT_COMMITTER_DATE: '2026-03-05T23:30:00+00:00' } });
    const dates = (tz: string) => {
      const out = execFileSync(process.execPath, [buildCli(), 'review', '--today', '2026-03-10', '--format', 'json'], { cwd: repo.root, encoding: 'utf8', env: { ...process.env, TZ: tz } });
      return JSON.parse(out).relationships[0].goals[0].changes.filter((c: { field: string }) => c.field === 'due').map((c: { date: string }) => c.date);
    };
    assert.deepEqual(dates('UTC'), ['2026-03-01', '2026-03-05']);
    assert.deepEqual(dates('Asia/Tokyo'), ['2026-03-01', '2026-03-06']);
  });

  it('reads no history from a shallow clone (its oldest commit looks as if it added every file), and the review says so', async () => {
    const { repo } = branchRepo();
    const outer = mkdtempSync(path.join(tmpdir(), 'mj-shallow-'));
    try {
      const clone = path.join(outer, 'journal');
      execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo.root}`, clone], { env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' } });
      assert.equal(await gitHistorySource(clone), 'shallow');
      const result = runCli(['review', '--today', '2026-03-10', '--format', 'json'], clone);
      assert.equal(result.code, 0);
      assert.match(result.stderr, /shallow git clone, so the review reads no history from git/);
      const json = JSON.parse(result.stdout);
      assert.equal(json.relationships[0].records, null);
      assert.equal(json.relationships[0].signals.some((s: { code: string }) => s.code === 'notes-one-sided'), false);
    } finally {
      rmSync(outer, { recursive: true, force: true });
    }
  });
});

describe('mergeChanges and authorDateOrder', () => {
  it('a merge adds a file only when no parent had it, and is a version where any parent differs', () => {
    assert.deepEqual(
      mergeChanges([
        [{ status: 'A', path: 'from-other.md' }, { status: 'M', path: 'both.md' }, { status: 'A', path: 'new.md' }, { status: 'R', path: 'b.md', from: 'a.md' }],
        [{ status: 'M', path: 'both.md' }, { status: 'A', path: 'new.md' }, { status: 'D', path: 'gone.md' }, { status: 'R', path: 'b.md', from: 'a.md' }],
      ]),
      [
        { status: 'M', path: 'from-other.md' },
        { status: 'M', path: 'both.md' },
        { status: 'A', path: 'new.md' },
        { status: 'R', path: 'b.md', from: 'a.md' },
        { status: 'D', path: 'gone.md' },
      ],
    );
  });

  it('orders by date, newest first, never a parent before its child, equal dates as given', () => {
    const c = (hash: string, date: string, parents: string[] = []): GitCommit => ({ hash, date, parents, author: { name: '', email: '' }, files: [] });
    // Topological order as git gives it without dates: the side branch (s1, s2) after main's m2.
    const commits = [c('merge', '2026-03-05', ['m2', 's2']), c('m2', '2026-03-04', ['m1']), c('s2', '2026-03-03', ['s1']), c('s1', '2026-03-02', ['m1']), c('m1', '2026-03-01'), c('odd', '2026-03-09', ['merge'])];
    assert.deepEqual(authorDateOrder(commits).map((x) => x.hash), ['odd', 'merge', 'm2', 's2', 's1', 'm1']);
    // A child dated before its parent (a rebase) still comes first.
    assert.deepEqual(authorDateOrder([c('child', '2026-01-01', ['parent']), c('parent', '2026-02-01')]).map((x) => x.hash), ['child', 'parent']);
  });
});
