// Real git repositories in temp folders for the history tests: authors and dates are set per commit.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export interface Author {
  name: string;
  email: string;
}

export const PRIYA: Author = { name: 'Priya Raman', email: 'priya@example.org' };
export const SAM: Author = { name: 'Sam Lee', email: 'sam@home.example' };

const repos: string[] = [];

/** A git repository in a temp folder; every commit has the author and date it is given. */
export class TempRepo {
  readonly root = mkdtempSync(path.join(tmpdir(), 'mj-git-'));

  constructor() {
    repos.push(this.root);
    this.git('init', '-q', '-b', 'main');
  }

  git(...args: string[]): string {
    return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', ...args], {
      cwd: this.root,
      encoding: 'utf8',
      // git prints some news on stderr even with -q ("Automatic merge went well"): not among the test's dots.
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' },
    });
  }

  write(files: Record<string, string>): this {
    for (const [file, content] of Object.entries(files)) {
      const absolute = path.join(this.root, ...file.split('/'));
      mkdirSync(path.dirname(absolute), { recursive: true });
      writeFileSync(absolute, content);
    }
    return this;
  }

  /** Stages everything and commits it as `author` on `date` (noon UTC). */
  commit(author: Author, date: string, message = `change of ${date}`): string {
    this.git('add', '-A');
    const stamp = `${date}T12:00:00+00:00`;
    execFileSync('git', ['-c', 'commit.gpgsign=false', 'commit', '-q', '--allow-empty', '-m', message], {
      cwd: this.root,
      env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_AUTHOR_NAME: author.name, GIT_AUTHOR_EMAIL: author.email, GIT_COMMITTER_NAME: author.name, GIT_COMMITTER_EMAIL: author.email, GIT_AUTHOR_DATE: stamp, GIT_COMMITTER_DATE: stamp },
    });
    return this.git('rev-parse', 'HEAD').trim();
  }

  /** Merges `branch` into the current branch with a merge commit by `author` on `date`. */
  merge(author: Author, date: string, branch: string): string {
    const stamp = `${date}T12:00:00+00:00`;
    execFileSync('git', ['-c', 'commit.gpgsign=false', 'merge', '-q', '--no-ff', '-m', `Merge ${branch}`, branch], {
      cwd: this.root,
      env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_AUTHOR_NAME: author.name, GIT_AUTHOR_EMAIL: author.email, GIT_COMMITTER_NAME: author.name, GIT_COMMITTER_EMAIL: author.email, GIT_AUTHOR_DATE: stamp, GIT_COMMITTER_DATE: stamp },
    });
    return this.git('rev-parse', 'HEAD').trim();
  }
}

export function removeRepos(): void {
  for (const root of repos.splice(0)) rmSync(root, { recursive: true, force: true });
}

export const agreement = (goals: string) =>
  [
    '---',
    'type: agreement',
    'mentor: {name: Priya Raman, email: Priya@Example.org}',
    'mentee: Sam Lee',
    'started: 2026-01-01',
    'ends: 2026-12-31',
    'cadence: monthly',
    'stage: building',
    'signed: {mentor: 2026-01-02, mentee: 2026-01-02}',
    ...(goals ? ['goals:', goals] : []),
    '---',
    '',
  ].join('\n');

const inlineRfc = (due: string, status: string) =>
  [`  - id: write-rfc`, `    title: Write an RFC`, `    status: ${status}`, `    success: Accepted at the architecture review`, `    due: ${due}`].join('\n');
const inlineTalk = ['  - id: give-talk', '    title: Give a talk', '    status: proposed'].join('\n');

export const goalFile = (due: string, extra = '') =>
  ['---', 'type: goal', 'id: write-rfc', 'title: Write an RFC', 'status: active', 'success: Accepted at the architecture review', `due: ${due}`, extra, '---', '', 'Why it matters.', ''].filter((l, i, a) => l !== '' || i >= a.length - 3).join('\n');

export const session = (date: string) => `---\ntype: session\ndate: ${date}\ngoals: [write-rfc]\n---\n\n## Notes\n\nTalked about [[write-rfc]].\n`;

/**
 * A journal as two partners keep it: the agreement with two inline goals (Priya), a session
 * (Sam), the RFC's due date moved in the agreement (Priya), the goal moved into its own file
 * (Sam), on a branch the goal file renamed and a session added (Priya) while Sam adds one on
 * main, a merge, and the due date moved again in the goal file (Priya).
 */
export function twoPartnerRepo(): { repo: TempRepo; hashes: Record<string, string> } {
  const repo = new TempRepo();
  const h: Record<string, string> = {};
  h.start = repo.write({ 'p/agreement.md': agreement(`${inlineRfc('2026-06-30', 'proposed')}\n${inlineTalk}`) }).commit(PRIYA, '2026-01-05', 'Agreement');
  h.first = repo.write({ 'p/sessions/2026-02-01.md': session('2026-02-01') }).commit(SAM, '2026-02-01', 'First session');
  h.moved1 = repo.write({ 'p/agreement.md': agreement(`${inlineRfc('2026-08-31', 'active')}\n${inlineTalk}`) }).commit(PRIYA, '2026-03-01', 'RFC later');
  h.ownFile = repo.write({ 'p/agreement.md': agreement(inlineTalk), 'p/goals/write-rfc.md': goalFile('2026-08-31') }).commit(SAM, '2026-04-01', 'RFC in its own file');
  repo.git('checkout', '-q', '-b', 'side');
  repo.git('mv', 'p/goals/write-rfc.md', 'p/goals/rfc.md');
  h.renamed = repo.write({ 'p/sessions/2026-04-15.md': session('2026-04-15') }).commit(PRIYA, '2026-04-15', 'Rename the goal file; a session');
  repo.git('checkout', '-q', 'main');
  h.second = repo.write({ 'p/sessions/2026-05-01.md': session('2026-05-01') }).commit(SAM, '2026-05-01', 'Session');
  h.merge = repo.merge(SAM, '2026-05-02', 'side');
  h.moved2 = repo.write({ 'p/goals/rfc.md': goalFile('2026-10-31', 'progress: 40') }).commit(PRIYA, '2026-06-01', 'RFC later again');
  return { repo, hashes: h };
}

