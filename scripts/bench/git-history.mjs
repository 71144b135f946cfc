// Bench row for the git history (issue 15): a generated journal repository of 2,000 commits by two
// authors (sessions added, goal files' due dates and progress changed, goal files renamed, the
// agreement edited), then the time `review` spends reading it through git. Target: <= 1 s.
// Run alone (`node scripts/bench/git-history.mjs [--commits N] [--runs N]`) or from scripts/bench.mjs --git.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { bundleEngine } from './common.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const GENERATOR = 1;
const AUTHORS = [
  ['Priya Raman', 'priya@example.org'],
  ['Sam Lee', 'sam@example.org'],
];

const day = (n) => new Date(Date.UTC(2024, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);

/** A fast-import stream: `commits` commits over `rels` relationships with `goals` goal files each. */
function stream(commits, rels, goals) {
  const out = [];
  const due = {};
  const names = {};
  let sessions = 0;
  const file = (p, text) => out.push(`M 100644 inline ${p}`, `data ${Buffer.byteLength(text)}`, text);
  const agreement = (r, extra) =>
    `---\ntype: agreement\nmentor: {name: Priya Raman, email: priya@example.org}\nmentee: Sam Lee\nstarted: 2024-01-01\ncadence: weekly\nstage: building\nsigned: {mentor: 2024-01-02, mentee: 2024-01-02}\nformality: informal\n---\n\n${extra}\n`;
  const goal = (id, d, progress) => `---\ntype: goal\nid: ${id}\ntitle: Goal ${id}\nstatus: active\nsuccess: Done when ${id} is shown\ndue: ${d}\nprogress: ${progress}\n---\n\nWhy ${id} matters.\n`;
  for (let c = 0; c < commits; c++) {
    const [name, email] = AUTHORS[c % 7 < 4 ? 0 : 1];
    const when = Date.UTC(2024, 0, 1) / 1000 + c * 36_000;
    const r = c % rels;
    const rel = `rel-${r}`;
    out.push('commit refs/heads/main', `author ${name} <${email}> ${when} +0000`, `committer ${name} <${email}> ${when} +0000`, `data 8`, `change ${String(c % 10)}`);
    if (c < rels) {
      file(`${rel}/agreement.md`, agreement(r, 'Agreed.'));
      for (let g = 0; g < goals; g++) {
        const id = `goal-${r}-${g}`;
        due[id] = 200 + g * 10;
        names[id] = `${rel}/goals/${id}.md`;
        file(names[id], goal(id, day(due[id]), 0));
      }
    } else if (c % 10 < 6) {
      sessions++;
      const d = day(Math.floor(c / rels) + 1);
      file(`${rel}/sessions/${d}-${sessions}.md`, `---\ntype: session\ndate: ${d}\ngoals: [goal-${r}-${c % goals}]\n---\n\n## Notes\n\nSession ${sessions}.\n`);
    } else if (c % 10 < 9) {
      const id = `goal-${r}-${c % goals}`;
      due[id] += c % 3 === 0 ? 30 : 0;
      file(names[id], goal(id, day(due[id]), c % 101));
    } else if (c % 20 === 9) {
      const id = `goal-${r}-${c % goals}`;
      const to = `${rel}/goals/${id}-${c}.md`;
      out.push(`R ${names[id]} ${to}`);
      names[id] = to;
    } else {
      file(`${rel}/agreement.md`, agreement(r, `Agreed, revision ${c}.`));
    }
  }
  return `${out.join('\n')}\n`;
}

/** The repository, generated once per (generator, commits) under .cache/bench. */
export function gitJournal(cache, commits = 2000) {
  const dir = path.join(cache, `git-journal-${commits}`);
  const stampFile = `${dir}.json`;
  const stamp = JSON.stringify({ generator: GENERATOR, commits });
  if (!existsSync(stampFile) || readFileSync(stampFile, 'utf8') !== stamp || !existsSync(dir)) {
    process.stderr.write(`generating a journal repository of ${commits} commits in ${path.relative(repo, dir)} ...\n`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const git = (args, input) => execFileSync('git', args, { cwd: dir, input, stdio: ['pipe', 'ignore', 'inherit'], env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' } });
    git(['init', '-q', '-b', 'main']);
    git(['fast-import', '--quiet'], stream(commits, 10, 5));
    git(['reset', '-q', '--hard', 'main']);
    writeFileSync(stampFile, stamp);
  }
  return dir;
}

/** The engine's history reader and the CLI's git source, bundled as the CLI bundles them. */
async function historyBundle(cache) {
  const outfile = await bundleEngine(path.join(cache, 'git-history-bundle.cjs'), [
    "export { JournalIndex } from './src/core/journalIndex';",
    "export { readJournalHistory } from './src/core/history';",
    "export { NodeFileSystem } from './src/cli/nodeFileSystem';",
    "export { gitHistorySource } from './src/cli/gitSource';",
  ]);
  return createRequire(import.meta.url)(outfile);
}

const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];

/** Measures the history read in-process and `review` with and without git; prints one table. */
export async function benchGitHistory({ cache = path.join(repo, '.cache', 'bench'), commits = 2000, runs = 5 } = {}) {
  mkdirSync(cache, { recursive: true });
  const dir = gitJournal(cache, commits);
  const engine = await historyBundle(cache);
  const index = new engine.JournalIndex(new engine.NodeFileSystem(dir));
  await index.build();
  const rels = index.relationships();
  const inProcess = [];
  let summary;
  for (let r = 0; r < runs; r++) {
    const started = process.hrtime.bigint();
    const source = await engine.gitHistorySource(dir);
    const history = await engine.readJournalHistory(source, rels);
    inProcess.push(Number(process.hrtime.bigint() - started) / 1e6);
    const goals = [...history.values()].flatMap((h) => Object.values(h.goals));
    summary = { changes: goals.reduce((n, list) => n + list.length, 0), sessions: [...history.values()].reduce((n, h) => n + h.records.sessions.length, 0) };
  }
  const cli = path.join(repo, 'bin', 'mentoring-journal.js');
  // Wall time and CPU time (user + system of the CLI and the git processes it starts, from
  // /usr/bin/time): on a busy machine the CPU time shows the work, the wall time the wait.
  const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
  const review = (extra) => {
    const walls = [];
    const cpus = [];
    for (let r = 0; r < runs; r++) {
      const started = process.hrtime.bigint();
      const argv = [process.execPath, cli, 'review', '--format', 'json', '--today', '2026-01-01', ...extra];
      const result = spawnSync(timeBin ?? argv[0], timeBin ? ['-f', 'CPU %U %S', ...argv] : argv.slice(1), { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30 });
      if (result.status !== 0) throw new Error(`review exited ${result.status}: ${result.stderr}`);
      walls.push(Number(process.hrtime.bigint() - started) / 1e6);
      const cpu = /CPU ([\d.]+) ([\d.]+)/.exec(result.stderr.toString());
      if (cpu) cpus.push((Number(cpu[1]) + Number(cpu[2])) * 1000);
    }
    return { wall: median(walls), cpu: cpus.length ? median(cpus) : NaN };
  };
  const withGit = review([]);
  const withoutGit = review(['--no-git']);
  const history = median(inProcess);
  const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
  const lines = [
    `git history: ${commits} commits, ${rels.length} relationships, ${summary.changes} goal field changes, ${summary.sessions} held sessions traced to their first commit (median of ${runs})`,
    `  history read (git log + cat-file --batch + engine), in process   ${s(history)}`,
    `  review --format json            wall ${s(withGit.wall)}, CPU ${s(withGit.cpu)}`,
    `  review --format json --no-git   wall ${s(withoutGit.wall)}, CPU ${s(withoutGit.cpu)}`,
    `  target history <= 1 s: ${s(history)} in process, ${history <= 1000 ? 'met' : 'MISSED'}; review's extra CPU time with git ${s(withGit.cpu - withoutGit.cpu)}`,
    `  load average (1 min) ${os.loadavg()[0].toFixed(2)} on ${os.availableParallelism()} cores`,
  ];
  console.log(lines.join('\n'));
  return { commits, history, withGit, withoutGit, ...summary };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const arg = (name, fallback) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : fallback);
  await benchGitHistory({ commits: arg('--commits', 2000), runs: arg('--runs', 5) });
}
