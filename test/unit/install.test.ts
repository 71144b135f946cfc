// Installs the package the three ways the README gives (tarball, git URL, folder) into a scratch
// journal repository, then runs what a user copies from the README: check, review, the
// GitHub Actions steps and the pre-commit hook. Needs npm and git; dependencies of the
// build come from the configured registry (or npm's cache).
import assert from 'node:assert/strict';
import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { TEST_TODAY } from './cliHarness';

const repo = path.resolve(__dirname, '../..');
const readme = readFileSync(path.join(repo, 'README.md'), 'utf8');
// The day is pinned (as for every command-line test) so that the examples' sessions are never in the future.
const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', MENTORING_JOURNAL_TODAY: TEST_TODAY, npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
// npm run from mocha inherits npm_* variables of the outer `npm run test:unit`; they must not leak into the scratch installs.
for (const key of Object.keys(env)) if (/^npm_(package|lifecycle|config_(global|local)_prefix|command)/i.test(key)) delete env[key];

function sh(command: string, cwd: string, extra: Record<string, string> = {}): SpawnSyncReturns<string> {
  return spawnSync('sh', ['-c', command], { cwd, encoding: 'utf8', env: { ...env, ...extra }, timeout: 300_000 });
}

function ok(result: SpawnSyncReturns<string>, what: string): string {
  assert.equal(result.status, 0, `${what} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'user.email=test@example.invalid', '-c', 'user.name=Test', ...args], { cwd, encoding: 'utf8' });

/** The fenced blocks of a language in the README, in order. */
function blocks(language: string): string[] {
  return [...readme.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);
}

/** The README's install lines, one per form, with its placeholders replaced. */
function installLine(form: 'git' | 'tarball' | 'folder'): string {
  const block = blocks('sh').find((b) => b.includes('npm install --save-dev git+'));
  assert.ok(block, 'the README has no install block');
  const lines = block.split('\n').filter((l) => l.startsWith('npm install --save-dev'));
  const line = lines.find((l) => (form === 'git' ? l.includes('git+') : form === 'tarball' ? l.includes('.tgz') : l.includes('/path/to/')));
  assert.ok(line, `the README has no install line for the ${form} form`);
  return line;
}

function readmeLine(prefix: string): string {
  const line = blocks('sh').flatMap((b) => b.split('\n')).find((l) => l.startsWith(prefix));
  assert.ok(line, `the README has no line starting ${prefix}`);
  return line;
}

/**
 * npm 11's notice about install scripts, when an install printed one, must be in the README as
 * npm prints it (whitespace aside), so that a reader recognises it for every way of installing.
 */
function assertNoticeDocumented(stderr: string, form: string): void {
  const notice = stderr
    .split('\n')
    .filter((l) => l.startsWith('npm warn install-scripts'))
    .map((l) => l.replace(/^npm warn install-scripts\s*/, ''))
    .filter((l) => /allowScripts:$|^mentoring-journal@/.test(l));
  if (notice.length === 0) return;
  const words = (text: string) => text.replace(/\s+/g, ' ');
  assert.ok(words(readme).includes(words(notice.join(' ')).trim()), `the README quotes npm's notice of the ${form} install: ${notice.join(' ')}`);
}

const BROKEN_SESSION = '---\ntype: session\ndate: 2026-11-20\ngoals: [no-such-goal]\n---\n\nWe met.\n';

describe('installing the package into a journal repository', function () {
  this.timeout(900_000);
  let tmp: string;
  let source: string;
  let tarball: string;

  before(() => {
    tmp = mkdtempSync(path.join(tmpdir(), 'mj-install-'));
    // The project as it is in the work tree (committed or not), as a git repository without build output.
    source = path.join(tmp, 'source');
    const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: repo, encoding: 'utf8' }).split('\0').filter(Boolean);
    for (const file of listed) {
      const from = path.join(repo, file);
      // A linked node_modules is not a folder to git, so `node_modules/` in .gitignore does not hide it.
      if (!existsSync(from) || /^(node_modules|dist)(\/|$)/.test(file)) continue;
      mkdirSync(path.dirname(path.join(source, file)), { recursive: true });
      cpSync(from, path.join(source, file));
    }
    assert.ok(!existsSync(path.join(source, 'dist')), 'dist/ is not in the repository');
    git(source, 'init', '-q');
    git(source, 'add', '-A');
    git(source, 'commit', '-q', '-m', 'source');
    // `npm pack` in a checkout whose dependencies are installed (linked from this one after the commit).
    symlinkSync(path.join(repo, 'node_modules'), path.join(source, 'node_modules'), 'dir');
    const packed = ok(sh(`npm pack --pack-destination "${tmp}"`, source), 'npm pack').trim().split('\n').pop()!;
    tarball = path.join(tmp, packed);
  });

  after(() => rmSync(tmp, { recursive: true, force: true }));

  /** A fresh journal repository holding a copy of examples/journal. */
  function journal(name: string): string {
    const dir = path.join(tmp, name);
    cpSync(path.join(repo, 'examples/journal'), dir, { recursive: true });
    writeFileSync(path.join(dir, 'package.json'), '{\n  "private": true\n}\n');
    git(dir, 'init', '-q');
    return dir;
  }

  function checkAndReview(dir: string): void {
    ok(sh(readmeLine('echo "node_modules/"'), dir), 'the .gitignore line');
    assert.equal(readFileSync(path.join(dir, '.gitignore'), 'utf8'), 'node_modules/\n');
    assert.equal(git(dir, 'status', '--porcelain', '--', 'node_modules'), '', 'node_modules is not ignored');
    const check = sh(readmeLine('npx --offline --no-install mentoring-journal check'), dir);
    assert.equal(check.status, 0, check.stdout + check.stderr);
    const review = ok(sh('npx --offline --no-install mentoring-journal review --today 2026-11-23', dir), 'review');
    assert.match(review, /^# Review of `priya-and-sam` on 2026-11-23/m);
    writeFileSync(path.join(dir, 'priya-and-sam/sessions/2026-11-20.md'), BROKEN_SESSION);
    const broken = sh('npx --offline --no-install mentoring-journal check', dir);
    assert.equal(broken.status, 1);
    assert.match(broken.stdout, /2026-11-20\.md:4:\d+ error goal\/unknown-id/);
    rmSync(path.join(dir, 'priya-and-sam/sessions/2026-11-20.md'));
  }

  it("starts a journal repository without package.json with the README's `npm init -y`, before the install lines", () => {
    const block = blocks('sh').find((b) => b.includes('npm install --save-dev git+'))!;
    const order = block.split('\n').filter((l) => /^npm (init|install)/.test(l)).map((l) => l.split(' ').slice(0, 2).join(' '));
    assert.equal(order[0], 'npm init', block);
    const dir = path.join(tmp, 'journal-new');
    mkdirSync(dir);
    ok(sh(readmeLine('npm init -y'), dir), 'npm init -y');
    const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    assert.equal(typeof manifest.name, 'string');
    // A journal is confidential: npm refuses to publish a private package (checked before any request is made).
    assert.equal(manifest.private, true);
  });

  it('packs bin/ and the built command line (dist/cli.js, its bundle and code cache), with no runtime dependencies', () => {
    const listing = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n').filter(Boolean).sort();
    assert.deepEqual(listing, ['package/LICENSE', 'package/README.md', 'package/bin/mentoring-journal.js', 'package/dist/cli.bundle.js', 'package/dist/cli.bundle.js.cache', 'package/dist/cli.js', 'package/docs/rules.md', 'package/package.json', ...listing.filter((f) => f.startsWith('package/schemas/'))].sort());
    const manifest = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8'));
    assert.equal(manifest.dependencies, undefined, 'the CLI bundle needs no package at run time');
    assert.equal(manifest.private, undefined);
    assert.equal(manifest.license, 'MIT');
    assert.ok(manifest.engines.node);
  });

  it('installs from the tarball; the GitHub Actions steps of the README then work in a fresh clone', () => {
    const dir = journal('journal-tarball');
    mkdirSync(path.join(dir, 'vendor'));
    cpSync(tarball, path.join(dir, 'vendor', path.basename(tarball)));
    const line = installLine('tarball').replace(/\.\/vendor\/mentoring-journal-[\d.]+\.tgz/, `./vendor/${path.basename(tarball)}`);
    const installed = sh(line, dir);
    ok(installed, line);
    assertNoticeDocumented(installed.stderr, 'tarball');
    assert.deepEqual(JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')), JSON.parse(blocks('json').find((b) => b.includes('"mentoring-journal": "file:vendor/'))!));
    checkAndReview(dir);

    // The workflow: checkout (a clone of what was committed), then every `run` step, in order.
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'journal');
    const workflow = parse(blocks('yaml').find((b) => b.includes('.github/workflows/journal.yml'))!) as { jobs: { check: { steps: Array<{ uses?: string; run?: string }> } } };
    const steps = workflow.jobs.check.steps;
    assert.deepEqual(steps.filter((s) => s.uses).map((s) => s.uses!.split('@')[0]), ['actions/checkout', 'actions/setup-node']);
    const runs = steps.flatMap((s) => (s.run ? [s.run] : []));
    assert.deepEqual(runs.map((r) => r.split(' ').slice(0, 2).join(' ')), ['npm ci', 'npx --offline']);
    const runner = path.join(tmp, 'runner');
    git(tmp, 'clone', '-q', dir, runner);
    for (const run of runs) ok(sh(run, runner), run);
    writeFileSync(path.join(runner, 'priya-and-sam/sessions/2026-11-20.md'), BROKEN_SESSION);
    const failing = sh(runs[1]!, runner);
    assert.equal(failing.status, 1);
    assert.match(failing.stdout, /^::error file=priya-and-sam\/sessions\/2026-11-20\.md,line=4,/m);

    // The README's hook for the staged files stops a commit of a broken session, in the
    // repository and in a worktree of it (whose .git is a file).
    const hook = blocks('sh').find((b) => b.includes('mentoring-journal-staged'));
    assert.ok(hook, 'the README has a hook for the staged files');
    const hooks = path.join(dir, '.git', 'hooks', 'pre-commit');
    writeFileSync(hooks, hook, { mode: 0o755 });
    const worktree = path.join(tmp, 'journal-worktree');
    git(dir, 'worktree', 'add', '-q', worktree);
    symlinkSync(path.join(dir, 'node_modules'), path.join(worktree, 'node_modules'), 'dir');
    for (const where of [dir, worktree]) {
      writeFileSync(path.join(where, 'priya-and-sam/sessions/2026-11-20.md'), BROKEN_SESSION);
      git(where, 'add', 'priya-and-sam/sessions/2026-11-20.md');
      const commit = spawnSync('git', ['-c', 'user.email=test@example.invalid', '-c', 'user.name=Test', 'commit', '-q', '-m', 'broken'], { cwd: where, encoding: 'utf8', env });
      assert.equal(commit.status, 1, `${where}: ${commit.stdout}${commit.stderr}`);
      assert.match(commit.stderr, /priya-and-sam\/sessions\/2026-11-20\.md:4:\d+ error goal\/unknown-id/);
      writeFileSync(path.join(where, 'priya-and-sam/sessions/2026-11-20.md'), BROKEN_SESSION.replace('no-such-goal', 'write-design-rfc'));
      git(where, 'add', 'priya-and-sam/sessions/2026-11-20.md');
      git(where, 'commit', '-q', '-m', 'fixed');
      git(where, 'rm', '-q', 'priya-and-sam/sessions/2026-11-20.md');
      git(where, 'commit', '-q', '-m', 'removed');
    }
  });

  it('installs from a git URL (npm clones it and runs prepare)', () => {
    const dir = journal('journal-git');
    const line = installLine('git').replace(/git\+https:\/\/\S+/, `git+file://${source}`);
    const installed = sh(line, dir);
    ok(installed, line);
    assertNoticeDocumented(installed.stderr, 'git');
    assert.ok(existsSync(path.join(dir, 'node_modules/mentoring-journal/dist/cli.js')));
    checkAndReview(dir);
  });

  it('installs from a folder: a checkout whose dependencies are installed, never built', () => {
    const folder = path.join(tmp, 'checkout');
    git(tmp, 'clone', '-q', source, folder);
    symlinkSync(path.join(repo, 'node_modules'), path.join(folder, 'node_modules'), 'dir');
    assert.ok(!existsSync(path.join(folder, 'dist')));
    const dir = journal('journal-folder');
    const line = installLine('folder').replace('/path/to/mentoring-journal', folder);
    const installed = sh(line, dir);
    ok(installed, line);
    assertNoticeDocumented(installed.stderr, 'folder');
    checkAndReview(dir);
  });

  /** A journal repository with a commit, and a staged session that names a goal the relationship does not define (a rule across files). */
  function stagedJournal(name: string): { dir: string; staged: string[] } {
    const dir = journal(name);
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'journal');
    writeFileSync(path.join(dir, 'priya-and-sam/sessions/2026-11-20.md'), BROKEN_SESSION);
    writeFileSync(path.join(dir, 'notes.txt'), 'not markdown\n');
    git(dir, 'add', '-A');
    const staged = git(dir, 'diff', '--cached', '--name-only', '-z').split('\0').filter((f) => /\.(md|markdown|mdown|mkdn)$/i.test(f));
    assert.deepEqual(staged, ['priya-and-sam/sessions/2026-11-20.md']);
    return { dir, staged };
  }

  it('runs the pre-commit hook the way pre-commit runs a script hook: from a fresh clone, which it builds once, on the staged files, each within its relationship', () => {
    const hooks = parse(readFileSync(path.join(repo, '.pre-commit-hooks.yaml'), 'utf8')) as Array<{ id: string; entry: string; language: string; types: string[] }>;
    const hook = hooks.find((h) => h.id === 'mentoring-journal');
    assert.ok(hook);
    // Not `node`: pre-commit installs a node hook with `npm pack` and takes all it prints as the
    // tarball's name, and npm prints a banner for the `prepare` script.
    assert.equal(hook.language, 'script');
    assert.deepEqual(hook.types, ['markdown']);
    // pre-commit's script language: clone the hook repository at `rev` (no install step), run the entry from it, in the journal, with the files.
    const clone = path.join(tmp, 'hook-repo');
    git(tmp, 'clone', '-q', source, clone);
    assert.ok(!existsSync(path.join(clone, 'dist')), 'a clone has no command line yet');
    const { dir, staged } = stagedJournal('journal-hook');
    const run = () => spawnSync(path.join(clone, hook.entry), staged, { cwd: dir, encoding: 'utf8', env });
    const failing = run();
    assert.equal(failing.status, 1, failing.stderr);
    assert.match(failing.stderr, /building the command line in the pre-commit cache \(once\)/);
    assert.match(failing.stdout, /^priya-and-sam\/sessions\/2026-11-20\.md:4:\d+ error goal\/unknown-id/m);
    assert.match(failing.stderr, /1 error, 0 warnings and 0 infos in 1 file\n$/);
    assert.ok(!existsSync(path.join(clone, '.pre-commit-build.lock')), 'the lock is gone');
    writeFileSync(path.join(dir, 'priya-and-sam/sessions/2026-11-20.md'), BROKEN_SESSION.replace('no-such-goal', 'write-design-rfc'));
    const passing = run();
    assert.equal(passing.status, 0, passing.stdout + passing.stderr);
    assert.doesNotMatch(passing.stderr, /building/, 'built once');
  });

  it('works with the pre-commit framework itself, as the README configures it (when pre-commit is installed; .ci/run installs it)', function () {
    if (spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status !== 0) {
      assert.notEqual(process.env.MJ_REQUIRE_PRE_COMMIT, '1', 'pre-commit is required here but not installed');
      this.skip();
    }
    const { dir } = stagedJournal('journal-pre-commit');
    const config = blocks('yaml').find((b) => b.includes('.pre-commit-config.yaml') || b.includes('id: mentoring-journal') && !b.includes('repo: local'));
    assert.ok(config, "the README's .pre-commit-config.yaml");
    const sha = git(source, 'rev-parse', 'HEAD').trim();
    writeFileSync(path.join(dir, '.pre-commit-config.yaml'), config.replace(/repo: \S+/, `repo: ${source}`).replace(/rev: .*/, `rev: ${sha}`));
    git(dir, 'add', '.pre-commit-config.yaml');
    const home = path.join(tmp, 'pre-commit-home');
    const failing = spawnSync('pre-commit', ['run'], { cwd: dir, encoding: 'utf8', env: { ...env, PRE_COMMIT_HOME: home } });
    assert.equal(failing.status, 1, failing.stdout + failing.stderr);
    assert.match(failing.stdout, /^priya-and-sam\/sessions\/2026-11-20\.md:4:\d+ error goal\/unknown-id/m);
    writeFileSync(path.join(dir, 'priya-and-sam/sessions/2026-11-20.md'), BROKEN_SESSION.replace('no-such-goal', 'write-design-rfc'));
    git(dir, 'add', '-A');
    const passing = spawnSync('pre-commit', ['run'], { cwd: dir, encoding: 'utf8', env: { ...env, PRE_COMMIT_HOME: home } });
    assert.equal(passing.status, 0, passing.stdout + passing.stderr);
    assert.match(passing.stdout, /mentoring journal\.+Passed/);
  });
});
