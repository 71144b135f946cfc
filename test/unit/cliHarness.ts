// Runs the bundled CLI as a child process, the way users and git hooks run it.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const repo = path.resolve(__dirname, '../..');
let built: string | undefined;

/**
 * Bundles src/cli/main.ts with the project's own build script into a private folder, once
 * per test run: tests never race a `npm run build` writing dist/, and a broken extension
 * bundle cannot fail the CLI tests.
 */
export function buildCli(): string {
  if (built) return built;
  const folder = mkdtempSync(path.join(tmpdir(), 'mj-cli-'));
  // Removed when the test run ends, however it ends.
  process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
  const file = path.join(folder, 'cli.js');
  execFileSync(process.execPath, [path.join(repo, 'scripts/build.mjs'), '--cli-out', file], { cwd: repo, stdio: 'pipe' });
  built = file;
  return file;
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The day the command line takes as today in these tests (`MENTORING_JOURNAL_TODAY`), as the VS Code
 * tiers pin theirs: the fixtures are dated around it, and a test must pass on any day it runs.
 */
export const TEST_TODAY = '2026-11-23';

/** `user`: run as that user instead (root only), as a test of permissions needs when it runs as root. */
export function runCli(args: string[], cwd: string, input?: string, env: Record<string, string> = {}, user?: { uid: number; gid: number }): RunResult {
  const result = spawnSync(process.execPath, [buildCli(), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', MENTORING_JOURNAL_TODAY: TEST_TODAY, ...env },
    ...(input !== undefined ? { input } : {}),
    ...(user ?? {}),
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const folders: string[] = [];

/** A temporary folder holding `files` (paths relative to it, `/`-separated). */
export function tempJournal(files: Record<string, string> = {}): string {
  const root = mkdtempSync(path.join(tmpdir(), 'mj-journal-'));
  folders.push(root);
  // A .git marker keeps config and relationship look-ups from climbing out of the fixture.
  mkdirSync(path.join(root, '.git'));
  for (const [file, content] of Object.entries(files)) {
    const absolute = path.join(root, ...file.split('/'));
    mkdirSync(path.dirname(absolute), { recursive: true });
    writeFileSync(absolute, content);
  }
  return root;
}

export function cleanUp(): void {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
}

export const AGREEMENT = [
  '---',
  'type: agreement',
  'mentor: Priya',
  'mentee: Sam',
  'started: 2026-01-01',
  'ends: 2026-12-31',
  'cadence: biweekly',
  'stage: building',
  'signed: {mentor: 2026-01-02, mentee: 2026-01-02}',
  '---',
  '',
].join('\n');

export const GOAL = ['---', 'type: goal', 'title: Write an RFC', 'status: active', 'success: Accepted at review', 'due: 2026-06-01', 'progress: 40', '---', ''].join('\n');

export const session = (date: string, extra = '') => `---\ntype: session\ndate: ${date}\ngoals: [write-rfc]\n${extra}---\n\n## Notes\n\nTalked about [[write-rfc]].\n`;
