// `npm run bench [-- --large] [-- --runs N]`: generates a deterministic journal of 10,500 files
// (100 relationships x 100 sessions, 4 goal files and an agreement each) under .cache/bench and
// prints, from one run: our `check` as a cold process, markdownlint-cli2 over the same files,
// a naive unified + remark + yaml parse of every file, a plain read of every file, one-file
// updates in the built index, and peak memory; then the targets from docs/performance.md.
// `--large` adds a journal of 105,000 files to show how `check` grows. Never used by tests.
// Two more journals of about 10,000 small files each test the YAML styles (issue 13): `flow`
// (flow maps and sequences) and `mixed` (comments, quoted scalars, block scalars, blank lines,
// CRLF in some files, as people write by hand). For each journal: how many files take the fast
// YAML path, per form, and `check` against markdownlint-cli2 (wall time, peak RSS).
// `--journals block,flow,mixed` picks journals; `--compare-only` skips the baselines and the
// update series; `--before REV` also times the CLI built from git revision REV, side by side;
// `--keystroke` (with `--compare-only`) adds one keystroke in the block journal's index, which a
// full run always measures (scripts/bench/keystroke.mjs). `check` is timed as an install builds
// it (minified, no source map: `scripts/build.mjs --production`), built into .cache/bench/cli.js.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { bundleEngine } from './bench/common.mjs';
import { markdownFiles } from './bench/files.mjs';
import { generateJournal, GENERATOR_VERSION } from './bench/generate.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cache = path.join(repo, '.cache', 'bench');
const args = process.argv.slice(2);
const large = args.includes('--large');
const runsArg = args.indexOf('--runs');
const runs = runsArg === -1 ? 3 : Math.max(1, Number(args[runsArg + 1]));
const argValue = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const journalsWanted = (argValue('--journals') ?? 'block,flow,mixed').split(',');
const compareOnly = args.includes('--compare-only');
const beforeRev = argValue('--before');
const node = process.execPath;
/** The CLI as an install builds it (npm's `prepare`: minified, no source map), built into .cache/bench by `shippedCli`. */
const cli = path.join(cache, 'cli.js');
const markdownlint = path.join(repo, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

const TARGETS = { speedup: 10, updateMs: 10, keystrokeMs: 10, rssMB: 250, linearity: 1.1 };

/** The journal with `relationships` x 100 sessions, generated once and reused while the generator is unchanged. */
function journal(relationships, style = 'block') {
  const dir = path.join(cache, style === 'block' ? `journal-${relationships}x100` : `journal-${style}-${relationships}x95`);
  const stampFile = `${dir}.json`;
  const stamp = JSON.stringify(style === 'block' ? { generator: GENERATOR_VERSION, relationships } : { generator: GENERATOR_VERSION, relationships, style, styled: 3 });
  if (!existsSync(stampFile) || readFileSync(stampFile, 'utf8') !== stamp || !existsSync(dir)) {
    process.stderr.write(`generating ${relationships} relationships in ${path.relative(repo, dir)} ...\n`);
    generateJournal(dir, style === 'block' ? { relationships } : { relationships, sessionsPer: 95, style });
    writeFileSync(stampFile, stamp);
  }
  const files = markdownFiles(dir);
  const bytes = files.reduce((sum, f) => sum + statSync(f).size, 0);
  return { dir, files: files.length, bytes };
}

/** The engine's index and the Node file system adapter, bundled as the CLI bundles them. */
function engineBundle() {
  return bundleEngine(path.join(cache, 'engine.cjs'), [
    "export { JournalIndex } from './src/core/journalIndex';",
    "export { NodeFileSystem } from './src/cli/nodeFileSystem';",
    "export { parseSimpleYaml } from './src/core/simpleYaml';",
    "export { frontMatterSpan } from './src/core/frontmatter';",
    "export { LineIndex } from './src/core/text';",
    "export { parseDocument, visit, isMap, isSeq, isScalar } from 'yaml';",
    "export { analyzeRelationship } from './src/core/model';",
    "export { bodySkeleton } from './src/core/bodySkeleton';",
  ]);
}

/** Runs a command as a fresh process; wall time, CPU time and peak RSS (from /usr/bin/time -v, else from the process itself). */
function measure(argv, cwd) {
  const report = path.join(mkdtempSync(path.join(os.tmpdir(), 'mj-bench-')), 'time.txt');
  const command = timeBin ? [timeBin, '-v', '-o', report, ...argv] : [argv[0], '--import', pathToFileURL(path.join(repo, 'scripts/bench/maxrss.mjs')).href, ...argv.slice(1)];
  const started = process.hrtime.bigint();
  const result = spawnSync(command[0], command.slice(1), { cwd, stdio: ['ignore', 'ignore', timeBin ? 'ignore' : 'pipe'], maxBuffer: 1 << 30 });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  let cpuMs;
  let rssKB;
  if (timeBin) {
    const text = readFileSync(report, 'utf8');
    const num = (label) => Number(new RegExp(`${label}: ([\\d.]+)`).exec(text)?.[1]);
    cpuMs = (num('User time \\(seconds\\)') + num('System time \\(seconds\\)')) * 1000;
    rssKB = num('Maximum resident set size \\(kbytes\\)');
  } else {
    rssKB = Number(/BENCH_MAXRSS_KB (\d+)/.exec(result.stderr?.toString() ?? '')?.[1]);
  }
  rmSync(path.dirname(report), { recursive: true, force: true });
  if (result.error) throw result.error;
  return { wallMs, cpuMs, rssKB, code: result.status };
}

const median = (values) => {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (!sorted.length) return undefined;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Measures each command `rounds` times, interleaved so that a change in machine load hits all of them alike. */
function compare(commands, rounds) {
  const samples = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  for (let r = 0; r < rounds; r++) {
    for (const [name, { argv, cwd }] of Object.entries(commands)) {
      const m = measure(argv, cwd);
      samples[name].push(m);
      process.stderr.write(`  round ${r + 1}/${rounds} ${name}: ${(m.wallMs / 1000).toFixed(2)} s\n`);
    }
  }
  return Object.fromEntries(
    Object.entries(samples).map(([name, list]) => [
      name,
      { wallMs: median(list.map((m) => m.wallMs)), cpuMs: median(list.map((m) => m.cpuMs)), rssMB: median(list.map((m) => m.rssKB)) / 1024, codes: [...new Set(list.map((m) => m.code))] },
    ]),
  );
}

/** Builds the CLI as an install does (`scripts/build.mjs --production`), so that the bench times what people run. */
function shippedCli() {
  mkdirSync(cache, { recursive: true });
  const built = spawnSync(node, [path.join(repo, 'scripts', 'build.mjs'), '--cli-out', cli, '--production'], { cwd: repo, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`building the CLI failed: ${built.stderr}`);
}

/** The CLI as it was at git revision `rev`, bundled from that revision's sources into .cache/bench. */
async function beforeCli(rev) {
  const sha = spawnSync('git', ['rev-parse', '--short', rev], { cwd: repo, encoding: 'utf8' }).stdout.trim();
  const dir = path.join(cache, `before-${sha}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const archive = spawnSync('git', ['archive', sha, 'src'], { cwd: repo, maxBuffer: 1 << 28 });
  spawnSync('tar', ['-x', '-C', dir], { input: archive.stdout });
  const outfile = path.join(dir, 'cli.js');
  await esbuild.build({ entryPoints: [path.join(dir, 'src/cli/main.ts')], bundle: true, platform: 'node', target: 'node18', format: 'cjs', minify: true, legalComments: 'none', outfile, logLevel: 'warning', define: { MENTORING_JOURNAL_VERSION: '"before"' } });
  return { sha, cli: outfile };
}

const FORMS = ['flow sequence', 'flow map', 'single-quoted', 'double-quoted', 'comment', 'blank line', 'block scalar', 'plain text over lines', 'flow over lines', 'compact map in a list', 'list at its key', 'CRLF', 'block only, plain only'];

/** The column of an offset in `source`. */
const column = (source, offset) => offset - (source.lastIndexOf('\n', offset - 1) + 1);

/** For each YAML form: how many files use it, and how many of those the fast path reads (the rest go to parseDocument). */
function formCounts(engine, files) {
  const require = createRequire(import.meta.url);
  const { parseSimpleYaml, frontMatterSpan, LineIndex, parseDocument, visit, isMap, isSeq, isScalar } = require(engine);
  const options = { uniqueKeys: false, prettyErrors: false, logLevel: 'error' };
  const counts = Object.fromEntries(FORMS.map((f) => [f, { files: 0, fast: 0 }]));
  let total = 0;
  let fast = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const lines = new LineIndex(text);
    const span = frontMatterSpan(text, lines);
    if (span?.type !== 'yaml') continue;
    const start = lines.lineStart(2);
    const source = text.slice(start, Math.max(start, lines.lineStart(lines.position(span.end).line))).replace(/\r(?!\n)/g, '\n');
    const took = parseSimpleYaml(source, options) !== undefined;
    total++;
    if (took) fast++;
    const forms = new Set();
    const doc = parseDocument(source, options);
    if (source.includes('\r\n')) forms.add('CRLF');
    if (doc.commentBefore || doc.comment) forms.add('comment');
    if (/^[ ]*\r?\n/m.test(source)) forms.add('blank line');
    visit(doc, {
      Node(_, node) {
        if (node.commentBefore || node.comment) forms.add('comment');
        if (isSeq(node) && node.flow) forms.add('flow sequence');
        if (isMap(node) && node.flow) forms.add('flow map');
        if ((isSeq(node) || isMap(node)) && node.flow && source.slice(node.range[0], node.range[1]).includes('\n')) forms.add('flow over lines');
        if (isSeq(node) && node.items.some((item) => isMap(item))) forms.add('compact map in a list');
        // `goals:` with its `- item` lines at the key's own indentation.
        if (isMap(node)) {
          for (const pair of node.items) {
            if (isSeq(pair.value) && !pair.value.flow && pair.key?.range && column(source, pair.value.range[0]) === column(source, pair.key.range[0])) forms.add('list at its key');
          }
        }
        if (isScalar(node)) {
          if (node.type === 'QUOTE_SINGLE') forms.add('single-quoted');
          if (node.type === 'QUOTE_DOUBLE') forms.add('double-quoted');
          if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') forms.add('block scalar');
          if (node.type === 'PLAIN' && source.slice(node.range[0], node.range[1]).includes('\n')) forms.add('plain text over lines');
        }
        return undefined;
      },
    });
    if (forms.size === 0) forms.add('block only, plain only');
    for (const form of forms) {
      counts[form].files++;
      if (took) counts[form].fast++;
    }
  }
  return { total, fast, counts };
}

function updates(engine, dir) {
  const result = spawnSync(node, ['--expose-gc', '--max-old-space-size=8192', path.join(repo, 'scripts/bench/update.mjs'), engine, dir, '100'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (result.status !== 0) throw new Error(`update benchmark failed: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

/** One keystroke in the whole journal's index, as the extension handles it (scripts/bench/keystroke.mjs). */
function keystrokes(engine, dir) {
  const result = spawnSync(node, ['--expose-gc', '--max-old-space-size=8192', path.join(repo, 'scripts/bench/keystroke.mjs'), engine, dir, '100'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (result.status !== 0) throw new Error(`keystroke benchmark failed: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

const keystrokeLine = (k) =>
  `One keystroke in a ${fmt.n(k.files)}-file workspace (keepLastGood index; setText, the problems of the ${k.touchedFilesPerKeystroke} file(s) it touched, analyzeRelationship of its relationship of ${k.filesInRelationship} files; 100 characters typed into ${k.target}): median ${fmt.ms(k.keystroke.median)}, p90 ${fmt.ms(k.keystroke.p90)}, max ${fmt.ms(k.keystroke.max)}  target <= ${TARGETS.keystrokeMs} ms: ${k.keystroke.median <= TARGETS.keystrokeMs ? 'met' : 'MISSED'}`;

/** Runs the check once with its output kept, to be sure it reads every file and finds the planted problems. */
function sanity(dir, files) {
  const result = spawnSync(node, [cli, 'check', dir, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const json = JSON.parse(result.stdout);
  if (json.files !== files) throw new Error(`check read ${json.files} files, expected ${files}`);
  return { problems: json.problems.length, exitCode: result.status };
}

const fmt = {
  s: (ms) => (ms === undefined ? '–' : `${(ms / 1000).toFixed(2)} s`),
  ms: (ms) => `${ms.toFixed(2)} ms`,
  mb: (mb) => (Number.isFinite(mb) ? `${Math.round(mb)} MB` : '–'),
  n: (n) => n.toLocaleString('en-US'),
};

function machine() {
  const cpus = os.cpus();
  return {
    date: new Date().toISOString(),
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism(),
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))),
  };
}

function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('   ')).join('\n');
}

async function fullBlock(beforeBuild) {
  const before = machine();
  const small = journal(100);
  const engine = await engineBundle();
  markdownFiles(small.dir).forEach((f) => readFileSync(f)); // warm the file cache for every contender alike
  const check = sanity(small.dir, small.files);

  process.stderr.write(`measuring ${fmt.n(small.files)} files, ${runs} round(s) ...\n`);
  const results = compare(
    {
      check: { argv: [node, cli, 'check', small.dir, '--format', 'json'], cwd: repo },
      ...(beforeBuild ? { checkBefore: { argv: [node, beforeBuild.cli, 'check', small.dir, '--format', 'json'], cwd: repo } } : {}),
      checkOneThread: { argv: [node, cli, 'check', small.dir, '--format', 'json', '--jobs', '1'], cwd: repo },
      checkTwoThreads: { argv: [node, cli, 'check', small.dir, '--format', 'json', '--jobs', '2'], cwd: repo },
      markdownlint: { argv: [node, markdownlint, '**/*.md'], cwd: small.dir },
      naive: { argv: [node, path.join(repo, 'scripts/bench/naive.mjs'), small.dir], cwd: repo },
      read: { argv: [node, path.join(repo, 'scripts/bench/read.mjs'), small.dir], cwd: repo },
      nodeStart: { argv: [node, '-e', '0'], cwd: repo },
    },
    runs,
  );
  process.stderr.write('measuring one-file updates ...\n');
  const update = updates(engine, small.dir);
  process.stderr.write('measuring keystrokes ...\n');
  const keystroke = keystrokes(engine, small.dir);

  let big;
  if (large) {
    const journalLarge = journal(1000);
    markdownFiles(journalLarge.dir).forEach((f) => readFileSync(f));
    process.stderr.write(`measuring ${fmt.n(journalLarge.files)} files ...\n`);
    const measured = compare(
      {
        check: { argv: [node, cli, 'check', journalLarge.dir, '--format', 'json'], cwd: repo },
        checkOneThread: { argv: [node, cli, 'check', journalLarge.dir, '--format', 'json', '--jobs', '1'], cwd: repo },
        read: { argv: [node, path.join(repo, 'scripts/bench/read.mjs'), journalLarge.dir], cwd: repo },
      },
      1,
    );
    big = { journal: journalLarge, results: measured, update: updates(engine, journalLarge.dir) };
  }
  const after = machine();

  const r = results;
  const speedup = r.markdownlint.wallMs / r.check.wallMs;
  const cpuSpeedup = r.markdownlint.cpuMs / r.check.cpuMs;
  const perFile = (ms, files) => ms / files;
  // On a shared machine wall time swings with the load; CPU time is the steadier measure of growth.
  const linearity = big ? perFile(big.results.check.wallMs, big.journal.files) / perFile(r.check.wallMs, small.files) : undefined;
  const cpuLinearity = big ? perFile(big.results.check.cpuMs, big.journal.files) / perFile(r.check.cpuMs, small.files) : undefined;

  const lines = [];
  lines.push(`Mentoring Journal benchmark, ${before.date}`);
  lines.push(`Machine: ${before.cpu}, ${before.cores} cores, ${before.memoryGB} GB, Node ${before.node}, ${before.platform}`);
  lines.push(`Load average (1/5/15 min): ${before.loadAverage.join(' / ')} at start, ${after.loadAverage.join(' / ')} at end`);
  lines.push(`Journal: ${fmt.n(small.files)} files, ${(small.bytes / 2 ** 20).toFixed(1)} MB (100 relationships x 100 sessions + 4 goals + agreement), ${path.relative(repo, small.dir)}`);
  lines.push(`check exit code ${check.exitCode}, ${fmt.n(check.problems)} problems (planted on purpose)`);
  lines.push('');
  lines.push(
    table([
      ['', `wall (median of ${runs})`, 'CPU user+sys', 'peak RSS'],
      ['mentoring-journal check (cold process)', fmt.s(r.check.wallMs), fmt.s(r.check.cpuMs), fmt.mb(r.check.rssMB)],
      ...(r.checkBefore ? [[`check before (${beforeBuild.sha})`, fmt.s(r.checkBefore.wallMs), fmt.s(r.checkBefore.cpuMs), fmt.mb(r.checkBefore.rssMB)]] : []),
      ['mentoring-journal check --jobs 1', fmt.s(r.checkOneThread.wallMs), fmt.s(r.checkOneThread.cpuMs), fmt.mb(r.checkOneThread.rssMB)],
      ['mentoring-journal check --jobs 2', fmt.s(r.checkTwoThreads.wallMs), fmt.s(r.checkTwoThreads.cpuMs), fmt.mb(r.checkTwoThreads.rssMB)],
      ['markdownlint-cli2, default rules', fmt.s(r.markdownlint.wallMs), fmt.s(r.markdownlint.cpuMs), fmt.mb(r.markdownlint.rssMB)],
      ['naive: unified + remark + yaml, every file', fmt.s(r.naive.wallMs), fmt.s(r.naive.cpuMs), fmt.mb(r.naive.rssMB)],
      ['plain read of every file', fmt.s(r.read.wallMs), fmt.s(r.read.cpuMs), fmt.mb(r.read.rssMB)],
      ['node -e 0 (process start only)', fmt.s(r.nodeStart.wallMs), fmt.s(r.nodeStart.cpuMs), fmt.mb(r.nodeStart.rssMB)],
    ]),
  );
  lines.push('');
  lines.push(`Index build in one process: ${fmt.s(update.buildMs)}, heap after build ${fmt.mb(update.heapMB)}`);
  lines.push(`One-file update (setText, 100 calls, ${update.target}): median ${fmt.ms(update.setText.median)}, p90 ${fmt.ms(update.setText.p90)}, max ${fmt.ms(update.setText.max)}`);
  lines.push(`  with the file's problems and body facts read after it: median ${fmt.ms(update.setTextWithFacts.median)}, p90 ${fmt.ms(update.setTextWithFacts.p90)}`);
  lines.push(keystrokeLine(keystroke));
  if (big) {
    const b = big.results;
    lines.push('');
    lines.push(`Large journal: ${fmt.n(big.journal.files)} files, ${(big.journal.bytes / 2 ** 20).toFixed(1)} MB, one round`);
    lines.push(
      table([
        ['', 'wall', 'CPU user+sys', 'peak RSS', 'per file'],
        ['check (cold process)', fmt.s(b.check.wallMs), fmt.s(b.check.cpuMs), fmt.mb(b.check.rssMB), `${(perFile(b.check.wallMs, big.journal.files) * 1000).toFixed(0)} µs`],
        ['check --jobs 1', fmt.s(b.checkOneThread.wallMs), fmt.s(b.checkOneThread.cpuMs), fmt.mb(b.checkOneThread.rssMB), `${(perFile(b.checkOneThread.wallMs, big.journal.files) * 1000).toFixed(0)} µs`],
        ['plain read of every file', fmt.s(b.read.wallMs), fmt.s(b.read.cpuMs), fmt.mb(b.read.rssMB), `${(perFile(b.read.wallMs, big.journal.files) * 1000).toFixed(0)} µs`],
      ]),
    );
    lines.push(`Index build in one process: ${fmt.s(big.update.buildMs)}, heap ${fmt.mb(big.update.heapMB)}; one-file update median ${fmt.ms(big.update.setText.median)}, p90 ${fmt.ms(big.update.setText.p90)}`);
  }
  const verdict = (ok) => (ok ? 'met' : 'MISSED');
  lines.push('');
  lines.push('Targets:');
  lines.push(`  check at least ${TARGETS.speedup}x faster than markdownlint-cli2 (wall): ${speedup.toFixed(1)}x (CPU time: ${cpuSpeedup.toFixed(1)}x)  ${verdict(speedup >= TARGETS.speedup)}`);
  lines.push(`  one-file update at most ${TARGETS.updateMs} ms median: ${fmt.ms(update.setText.median)}  ${verdict(update.setText.median <= TARGETS.updateMs)}`);
  lines.push(`  peak RSS of check at most ${TARGETS.rssMB} MB: ${fmt.mb(r.check.rssMB)}  ${verdict(r.check.rssMB <= TARGETS.rssMB)}`);
  if (linearity !== undefined) {
    lines.push(
      `  no worse than linear at ${fmt.n(big.journal.files)} files: time per file ${linearity.toFixed(2)}x that at ${fmt.n(small.files)} (CPU time per file: ${cpuLinearity.toFixed(2)}x)  ${verdict(cpuLinearity <= TARGETS.linearity)}`,
    );
  }
  else lines.push('  linear growth: run `npm run bench -- --large`');
  console.log(lines.join('\n'));
  console.log('');

  const out = path.join(cache, large ? 'results-large.json' : 'results.json');
  writeFileSync(out, `${JSON.stringify({ machine: { before, after }, runs, journal: small, check, results, update, keystroke, large: big, speedup, cpuSpeedup, linearity, cpuLinearity }, null, 2)}\n`);
  process.stderr.write(`\nraw figures: ${path.relative(repo, out)}\n`);
}

/** How many files' bodies the engine reads by its scan of plain Markdown (src/core/bodySkeleton.ts); the rest go to remark. */
function bodyCounts(engine, files) {
  const { bodySkeleton, LineIndex } = createRequire(import.meta.url)(engine);
  let scanned = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    if (bodySkeleton(text, new LineIndex(text))) scanned++;
  }
  return { total: files.length, scanned };
}

/** The day `review` is run for in the bench: fixed, so that every run computes the same reports. */
const REVIEW_DAY = '2026-01-01';

/** Each journal of the YAML styles: fast-path counts per form, and check (before and now) against markdownlint-cli2. */
function styles(engine, beforeBuild, names) {
  const out = {};
  for (const name of names) {
    const j = journal(100, name);
    const files = markdownFiles(j.dir);
    files.forEach((f) => readFileSync(f));
    const check = sanity(j.dir, j.files);
    const forms = formCounts(engine, files);
    const bodies = bodyCounts(engine, files);
    process.stderr.write(`measuring the ${name} journal: ${fmt.n(j.files)} files, ${runs} round(s) ...\n`);
    const results = compare(
      {
        check: { argv: [node, cli, 'check', j.dir, '--format', 'json'], cwd: repo },
        ...(beforeBuild ? { checkBefore: { argv: [node, beforeBuild.cli, 'check', j.dir, '--format', 'json'], cwd: repo } } : {}),
        markdownlint: { argv: [node, markdownlint, '**/*.md'], cwd: j.dir },
        // Every relationship's report: the command that reads every session's body.
        review: { argv: [node, cli, 'review', j.dir, '--today', REVIEW_DAY, '--format', 'json'], cwd: repo },
        ...(beforeBuild ? { reviewBefore: { argv: [node, beforeBuild.cli, 'review', j.dir, '--today', REVIEW_DAY, '--format', 'json'], cwd: repo } } : {}),
        // The floor: starting Node, loading the CLI's bundle and nothing else, reading every file.
        nodeStart: { argv: [node, '-e', '0'], cwd: repo },
        bundleLoad: { argv: [node, cli, '--version'], cwd: repo },
        read: { argv: [node, path.join(repo, 'scripts/bench/read.mjs'), j.dir], cwd: repo },
      },
      runs,
    );
    out[name] = { journal: j, check, forms, bodies, results };
  }
  return out;
}

async function main() {
  mkdirSync(cache, { recursive: true });
  shippedCli();
  const beforeBuild = beforeRev ? await beforeCli(beforeRev) : undefined;
  const start = machine();
  if (!compareOnly && journalsWanted.includes('block')) await fullBlock(beforeBuild);
  const engine = await engineBundle();
  const names = journalsWanted.filter((n) => compareOnly || n !== 'block');
  const measured = styles(engine, beforeBuild, names);
  // `--compare-only --keystroke`: the keystroke row too (the full run has it with the block journal).
  const keystroke = compareOnly && args.includes('--keystroke') ? keystrokes(engine, journal(100).dir) : undefined;
  const end = machine();
  const lines = [];
  lines.push(`YAML styles, ${start.date}; load average (1/5/15 min) ${start.loadAverage.join(' / ')} at start, ${end.loadAverage.join(' / ')} at end`);
  lines.push(`Machine: ${start.cpu}, ${start.cores} cores, ${start.memoryGB} GB, Node ${start.node}`);
  for (const [name, m] of Object.entries(measured)) {
    lines.push('');
    lines.push(`${name} journal: ${fmt.n(m.journal.files)} files, ${(m.journal.bytes / 2 ** 20).toFixed(1)} MB; fast YAML path ${fmt.n(m.forms.fast)} of ${fmt.n(m.forms.total)} front matters; bodies read without remark ${fmt.n(m.bodies.scanned)} of ${fmt.n(m.bodies.total)}; check found ${fmt.n(m.check.problems)} problems`);
    lines.push(
      table([
        ['YAML form', 'files', 'fast path'],
        ...FORMS.filter((f) => m.forms.counts[f].files > 0).map((f) => [f, fmt.n(m.forms.counts[f].files), fmt.n(m.forms.counts[f].fast)]),
      ]),
    );
    const r = m.results;
    const rows = [['', `wall (median of ${runs})`, 'CPU user+sys', 'peak RSS', 'markdownlint-cli2 / this']];
    rows.push(['mentoring-journal check', fmt.s(r.check.wallMs), fmt.s(r.check.cpuMs), fmt.mb(r.check.rssMB), `${(r.markdownlint.wallMs / r.check.wallMs).toFixed(1)}x`]);
    if (r.checkBefore) rows.push([`check before (${beforeBuild.sha})`, fmt.s(r.checkBefore.wallMs), fmt.s(r.checkBefore.cpuMs), fmt.mb(r.checkBefore.rssMB), `${(r.markdownlint.wallMs / r.checkBefore.wallMs).toFixed(1)}x`]);
    rows.push(['markdownlint-cli2, default rules', fmt.s(r.markdownlint.wallMs), fmt.s(r.markdownlint.cpuMs), fmt.mb(r.markdownlint.rssMB), '']);
    rows.push(['mentoring-journal review (every body read)', fmt.s(r.review.wallMs), fmt.s(r.review.cpuMs), fmt.mb(r.review.rssMB), '']);
    if (r.reviewBefore) rows.push([`review before (${beforeBuild.sha})`, fmt.s(r.reviewBefore.wallMs), fmt.s(r.reviewBefore.cpuMs), fmt.mb(r.reviewBefore.rssMB), `this one ${(r.reviewBefore.wallMs / r.review.wallMs).toFixed(1)}x faster`]);
    const share = (m) => `${Math.round((100 * m.cpuMs) / r.check.cpuMs)}% of check's CPU`;
    rows.push(['floor: node -e 0', fmt.s(r.nodeStart.wallMs), fmt.s(r.nodeStart.cpuMs), fmt.mb(r.nodeStart.rssMB), share(r.nodeStart)]);
    rows.push(['floor: loading the bundle (--version)', fmt.s(r.bundleLoad.wallMs), fmt.s(r.bundleLoad.cpuMs), fmt.mb(r.bundleLoad.rssMB), share(r.bundleLoad)]);
    rows.push(['floor: plain read of every file', fmt.s(r.read.wallMs), fmt.s(r.read.cpuMs), fmt.mb(r.read.rssMB), share(r.read)]);
    lines.push(table(rows));
    const ratio = r.markdownlint.wallMs / r.check.wallMs;
    lines.push(`  target >= 10x: ${ratio.toFixed(1)}x ${ratio >= 10 ? 'met' : 'MISSED'}; target peak RSS <= 200 MB: ${fmt.mb(r.check.rssMB)} ${r.check.rssMB <= 200 ? 'met' : 'MISSED'}`);
  }
  if (keystroke) lines.push('', keystrokeLine(keystroke));
  console.log(lines.join('\n'));
  const file = path.join(cache, 'results-styles.json');
  writeFileSync(file, `${JSON.stringify({ machine: { start, end }, runs, before: beforeBuild?.sha, measured, keystroke }, null, 2)}\n`);
  process.stderr.write(`\nraw figures: ${path.relative(repo, file)}\n`);
  // The git history row (issue 15) lives in its own script.
  if (args.includes('--git')) await (await import('./bench/git-history.mjs')).benchGitHistory({ cache, runs });
}

await main();
