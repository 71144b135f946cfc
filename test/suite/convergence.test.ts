/**
 * Convergence with the real file system and the real watcher: after bursts of creates,
 * changes, deletes and renames (as a `git checkout` of another branch makes), the live
 * index equals a fresh index of the final tree.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { JournalIndex } from '../../src/core';
import type { MentoringJournalApi } from '../../src/vscode/feature';
import type { JournalRoot } from '../../src/vscode/journalService';
import { getApi, settle, sleep } from './support';

const BASE = 'convergence';
const RELATIONSHIPS = 10;
const SESSIONS = 95;

let api: MentoringJournalApi;
let root: JournalRoot;
let dir: string;

function agreement(n: number, stage = 'building'): string {
  return [
    '---',
    'type: agreement',
    `mentor: Mentor ${n}`,
    `mentee: Mentee ${n}`,
    'started: 2026-01-05',
    'ends: 2026-12-20',
    'cadence: weekly',
    `stage: ${stage}`,
    'signed: {mentor: 2026-01-05, mentee: 2026-01-06}',
    '---',
    '',
  ].join('\n');
}

function goal(id: string, status = 'active'): string {
  return `---\ntype: goal\nid: ${id}\ntitle: Goal ${id}\nstatus: ${status}\nsuccess: Done when reviewed\ndue: 2026-11-30\n---\n`;
}

function session(day: number, goalId: string, progress: number): string {
  const date = new Date(Date.UTC(2026, 0, 5 + day)).toISOString().slice(0, 10);
  return `---\ntype: session\ndate: ${date}\ngoals: [${goalId}]\nprogress: {${goalId}: ${progress}}\n---\n## Notes\nWorked on [[${goalId}]].\n\n- [ ] @mentee follow up (due ${date})\n`;
}

/** Writes a file at a root-relative path, as another program would. */
function write(rel: string, text: string): void {
  const file = path.join(root.uri.fsPath, ...rel.split('/'));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

/** What the index knows, in a comparable form. */
function snapshot(index: JournalIndex) {
  return {
    relationships: index
      .relationships()
      .filter((r) => r.id.startsWith(BASE))
      .map((r) => ({ id: r.id, goals: r.goals.map((g) => `${g.id}:${g.status}`), sessions: r.sessions.map((s) => `${s.date}:${JSON.stringify(s.progress)}`), files: r.files })),
    problems: [...index.allProblems()]
      .filter(([file]) => file.startsWith(BASE))
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([file, problems]) => [file, problems.map((p) => `${p.code}@${p.range.start.line}:${p.range.start.column}`)]),
  };
}

/** Waits until the live index equals a fresh index of what is on disk. */
async function converged(label: string, timeoutMs = 90_000): Promise<{ files: number }> {
  const deadline = Date.now() + timeoutMs;
  let live: ReturnType<typeof snapshot> | undefined;
  let expected: ReturnType<typeof snapshot> | undefined;
  while (Date.now() < deadline) {
    await sleep(500);
    const fresh = new JournalIndex(root.fs, root.options);
    await fresh.build();
    live = snapshot(root.index);
    expected = snapshot(fresh);
    if (JSON.stringify(live) === JSON.stringify(expected)) return { files: expected.relationships.reduce((n, r) => n + r.files.length, 0) };
  }
  const differing = (pick: (s: ReturnType<typeof snapshot>) => Array<[string, unknown]>) => {
    const a = new Map(pick(live!).map(([k, v]) => [k, JSON.stringify(v)]));
    const b = new Map(pick(expected!).map(([k, v]) => [k, JSON.stringify(v)]));
    return [...new Set([...a.keys(), ...b.keys()])].filter((k) => a.get(k) !== b.get(k));
  };
  const rels = differing((s) => s.relationships.map((r) => [r.id, r] as [string, unknown]));
  const files = differing((s) => s.problems as Array<[string, unknown]>);
  const stats = JSON.stringify(api.service.stats);
  await api.service.reconcile();
  const healed = JSON.stringify(snapshot(root.index)) === JSON.stringify(expected);
  assert.fail(`${label}: the live index did not converge (service ${stats}; a reconcile now ${healed ? 'heals' : 'does not heal'} it): ${rels.length} relationships differ (${rels.slice(0, 5).join(', ')}), problems of ${files.length} files differ (${files.slice(0, 8).join(', ')})`);
}

describe('Convergence of the live index (real file system, real watcher)', function () {
  this.timeout(240_000);

  before(async () => {
    api = await getApi();
    await api.service.ready();
    root = api.service.allRoots()[0]!;
    assert.equal(root.uri.scheme, 'file', 'this suite writes with Node fs, like git does');
    dir = path.join(root.uri.fsPath, BASE);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  after(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await converged('after cleanup');
    // The Problems panel follows the index: no diagnostics are left for the deleted files.
    const deadline = Date.now() + 30_000;
    let left: string[];
    do {
      left = vscode.languages
        .getDiagnostics()
        .filter(([uri, ds]) => ds.length > 0 && vscode.workspace.asRelativePath(uri, false).startsWith(`${BASE}/`))
        .map(([uri]) => vscode.workspace.asRelativePath(uri, false));
      if (left.length === 0) return;
      await sleep(250);
    } while (Date.now() < deadline);
    const inIndex = left.filter((p) => root.index.file(p) !== undefined).length;
    assert.fail(`diagnostics left for ${left.length} deleted files (${inIndex} still in the index; service ${JSON.stringify(api.service.stats)}): ${left.slice(0, 5).join(', ')}`);
  });

  it('indexes a burst of 1,000 new files, then a checkout that changes, deletes and renames hundreds', async () => {
    // Burst 1: a branch with 10 relationships of 95 sessions and 4 goals each (1,000 files).
    for (let r = 0; r < RELATIONSHIPS; r++) {
      write(`${BASE}/pair-${r}/agreement.md`, agreement(r));
      for (let g = 0; g < 4; g++) write(`${BASE}/pair-${r}/goals/goal-${g}.md`, goal(`goal-${g}`));
      for (let s = 0; s < SESSIONS; s++) write(`${BASE}/pair-${r}/sessions/s-${String(s).padStart(3, '0')}.md`, session(s, `goal-${s % 4}`, s));
    }
    const first = await converged('after creating 1,000 files');
    assert.equal(first.files, RELATIONSHIPS * (1 + 4 + SESSIONS));

    // Burst 2: another branch. Change 300 sessions (some now name unknown goals or lose progress),
    // delete 200, rename 100, drop one agreement (its files become strays), add a relationship.
    for (let r = 0; r < RELATIONSHIPS; r++) {
      const sessions = path.join(dir, `pair-${r}`, 'sessions');
      for (let s = 0; s < 30; s++) write(`${BASE}/pair-${r}/sessions/s-${String(s).padStart(3, '0')}.md`, session(s, s % 2 ? `goal-${s % 4}` : 'goal-9', 90 - s));
      for (let s = 30; s < 50; s++) fs.rmSync(path.join(sessions, `s-${String(s).padStart(3, '0')}.md`));
      for (let s = 50; s < 60; s++) fs.renameSync(path.join(sessions, `s-${String(s).padStart(3, '0')}.md`), path.join(sessions, `renamed-${s}.md`));
      write(`${BASE}/pair-${r}/goals/goal-0.md`, goal('goal-0', 'achieved'));
    }
    fs.rmSync(path.join(dir, 'pair-3', 'agreement.md'));
    write(`${BASE}/pair-new/agreement.md`, agreement(99, 'creating'));
    write(`${BASE}/pair-new/sessions/first.md`, session(1, 'goal-0', 10));
    const second = await converged('after the checkout');
    // Nine relationships of 1 + 4 + 75 files, pair-3 without agreement (not a relationship), pair-new with 2.
    assert.equal(second.files, 9 * (1 + 4 + SESSIONS - 20) + 2);

    // Nothing a person wrote was touched: the files on disk are exactly what this test wrote.
    assert.equal(fs.readFileSync(path.join(dir, 'pair-0', 'goals', 'goal-0.md'), 'utf8'), goal('goal-0', 'achieved'));
  });

  it('ready() also waits for a reconcile with the disk that is running; reconciles asked for together run one after the other', async () => {
    // The checkout above ends in a burst whose own reconcile would run beside these: let it pass first.
    await settle();
    const done: string[] = [];
    const reconciles = api.service.stats.reconciles;
    const first = api.service.reconcile().then(() => done.push('first'));
    const second = api.service.reconcile().then(() => done.push('second'));
    await api.service.ready();
    assert.deepEqual(done, ['first', 'second']);
    assert.equal(api.service.stats.reconciles, reconciles + 2);
    await Promise.all([first, second]);
  });
});
