import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { buildCli, runCli } from './cliHarness';
import { removeRepos, twoPartnerRepo } from './gitRepo';

describe('CLI: review reads the git history', function () {
  this.timeout(120_000);
  before(() => buildCli());
  after(removeRepos);

  it('shows the History part and goal-due-slipped in a git repository', () => {
    const { repo } = twoPartnerRepo();
    const result = runCli(['review', '--today', '2026-07-01'], repo.root);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stderr, '');
    assert.match(result.stdout, /\n## History \(from git\)\n\n- `write-rfc` \(Write an RFC\): due moved twice: 2026-06-30 → 2026-08-31 → 2026-10-31; status changed once: proposed → active\n- Notes of 3 held sessions first committed by: Priya Raman 1, Sam Lee 2\n/);
    assert.match(result.stdout, /^- \*\*Warning\*\* \(`goal-due-slipped`\): The due date of `write-rfc` \(Write an RFC\) moved later twice: 2026-06-30 → 2026-08-31 → 2026-10-31\.$/m);
  });

  it('review --format json gives each goal its changes and each partner a count', () => {
    const { repo, hashes } = twoPartnerRepo();
    const result = runCli(['review', '--today', '2026-07-01', '--format', 'json'], repo.root);
    assert.equal(result.code, 0, result.stderr);
    const json = JSON.parse(result.stdout) as { relationships: Array<{ goals: Array<{ id: string; changes: Array<Record<string, unknown>> | null }>; records: { partners: Array<{ name: string; sessions: number }> } | null }> };
    const rel = json.relationships[0]!;
    const rfc = rel.goals.find((g) => g.id === 'write-rfc')!;
    assert.deepEqual(rfc.changes!.filter((c) => c.field === 'due'), [
      { field: 'due', from: null, to: '2026-06-30', date: '2026-01-05', author: 'Priya Raman', email: 'priya@example.org', commit: hashes.start },
      { field: 'due', from: '2026-06-30', to: '2026-08-31', date: '2026-03-01', author: 'Priya Raman', email: 'priya@example.org', commit: hashes.moved1 },
      { field: 'due', from: '2026-08-31', to: '2026-10-31', date: '2026-06-01', author: 'Priya Raman', email: 'priya@example.org', commit: hashes.moved2 },
    ]);
    assert.deepEqual(rel.records!.partners.map((p) => [p.name, p.sessions]), [['Priya Raman', 1], ['Sam Lee', 2]]);
  });

  it('reads a relationship kept in a git submodule from the submodule\'s history, reviewed from the repository around it', () => {
    const { repo } = twoPartnerRepo();
    const outer = mkdtempSync(path.join(tmpdir(), 'mj-super-'));
    try {
      const git = (cwd: string, ...args: string[]) => spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'protocol.file.allow=always', ...args], { cwd, encoding: 'utf8' });
      git(outer, 'init', '-q', '-b', 'main');
      assert.equal(git(outer, 'submodule', 'add', '-q', `file://${repo.root}`, 'journal').status, 0);
      git(outer, 'commit', '-q', '-m', 'journal as a submodule');
      const inside = runCli(['review', '--today', '2026-07-01'], repo.root);
      const around = runCli(['review', '--today', '2026-07-01'], outer);
      assert.equal(around.code, 0, around.stderr);
      assert.match(around.stdout, /- Notes of 3 held sessions first committed by: Priya Raman 1, Sam Lee 2\n/);
      assert.doesNotMatch(around.stdout, /not committed yet/);
      assert.equal(around.stdout.replace(/journal\/p\b/g, 'p'), inside.stdout);
    } finally {
      rmSync(outer, { recursive: true, force: true });
    }
  });

  it('a new repository with no commit yet says that no held session is committed, and no goal has changed', () => {
    const { repo } = twoPartnerRepo();
    const fresh = mkdtempSync(path.join(tmpdir(), 'mj-unborn-'));
    try {
      cpSync(path.join(repo.root, 'p'), path.join(fresh, 'p'), { recursive: true });
      assert.equal(spawnSync('git', ['init', '-q', '-b', 'main'], { cwd: fresh }).status, 0);
      // Staged, not committed: still nothing in the history.
      assert.equal(spawnSync('git', ['add', '-A'], { cwd: fresh }).status, 0);
      const result = runCli(['review', '--today', '2026-07-01'], fresh);
      assert.equal(result.code, 0, result.stderr);
      assert.equal(result.stderr, '');
      assert.match(result.stdout, /\n## History \(from git\)\n\n- 3 held sessions are not committed yet\.\n/);
      assert.doesNotMatch(result.stdout, /goal-due-slipped|notes-one-sided|moved/);
      const json = JSON.parse(runCli(['review', '--today', '2026-07-01', '--format', 'json'], fresh).stdout) as { relationships: Array<{ records: { uncommitted: number; partners: Array<{ name: string; sessions: number }>; sessions: unknown[] } | null; goals: Array<{ changes: unknown }> }> };
      const rel = json.relationships[0]!;
      assert.deepEqual([rel.records?.uncommitted, rel.records?.partners.map((p) => [p.name, p.sessions]), rel.records?.sessions], [3, [['Priya Raman', 0], ['Sam Lee', 0]], []]);
      assert.deepEqual(rel.goals.map((g) => g.changes), rel.goals.map(() => []));
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  });

  it('--no-git, a folder outside git, and git missing all give the review without history, and say nothing about git', () => {
    const { repo } = twoPartnerRepo();
    const noGit = runCli(['review', '--today', '2026-07-01', '--no-git'], repo.root);
    assert.equal(noGit.code, 0, noGit.stderr);
    assert.equal(noGit.stderr, '');
    assert.doesNotMatch(noGit.stdout, /History|goal-due-slipped|git/);

    const outside = mkdtempSync(path.join(tmpdir(), 'mj-nogit-'));
    try {
      cpSync(path.join(repo.root, 'p'), path.join(outside, 'p'), { recursive: true });
      const plain = runCli(['review', '--today', '2026-07-01'], outside);
      assert.deepEqual(plain, noGit);
      // No git on the PATH (node is started by its full path).
      const bare = spawnSync(process.execPath, [buildCli(), 'review', '--today', '2026-07-01'], { cwd: repo.root, encoding: 'utf8', env: { PATH: path.join(outside, 'p'), NO_COLOR: '1' } });
      assert.deepEqual({ code: bare.status, stdout: bare.stdout, stderr: bare.stderr }, noGit);
      const json = JSON.parse(runCli(['review', '--today', '2026-07-01', '--format', 'json', '--no-git'], repo.root).stdout) as { relationships: Array<{ records: unknown; goals: Array<{ changes: unknown }> }> };
      assert.equal(json.relationships[0]!.records, null);
      assert.equal(json.relationships[0]!.goals.every((g) => g.changes === null), true);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
