/**
 * End-to-end runner: mocha (BDD) over test/e2e/**\/*.e2e.ts in one code-server workbench in
 * headless Chromium. Run with `npm run test:e2e` (builds the extension and sets up the host
 * first) or `tsx test/e2e/run.ts [--grep <regex>] [--keep] [--timeout <seconds>]`.
 *
 * `--tier web` (`npm run test:web`) runs test/web/**\/*.e2e.ts instead, in a workbench whose
 * product runs in the browser's web-worker extension host (Workbench.open({ web: true })), as in
 * VS Code for the Web; results go to test-results/web/ and test-results/tiers/web.json.
 *
 * Before the tests: the workbench is opened on a temp copy of the fixture workspace and the
 * extension host is waited for. After each failed test: a screenshot into
 * test-results/screenshots/failed-<title>.png. After all: the logs into test-results/e2e/logs/,
 * the measured figures into test-results/e2e/metrics.json, the counts into
 * test-results/tiers/e2e.json and the line `TESTS e2e=<n> ...`. Exit code 1 when a test
 * fails, when none ran, or on the time-out.
 */
import Mocha from 'mocha';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { stopAllHosts, stopHostsOnSignals, writeTierSummary } from '../../scripts/vscode-test/host.mjs';
import { recordMetric, SCREENSHOTS, setCurrentWorkbench, setTier, tierResults, Workbench, workbench, writeMetrics } from './workbench';

const { values: opts } = parseArgs({
  options: {
    grep: { type: 'string' },
    keep: { type: 'boolean', default: false },
    // A guard against a hang, not a speed limit: the e2e tier takes 11–12 minutes on an idle 2-core
    // machine (its performance test opens about 70 workbenches), and more under load.
    timeout: { type: 'string', default: process.env.MJ_E2E_TIMEOUT ?? '1500' },
    tier: { type: 'string', default: 'e2e' },
  },
});
const tier = opts.tier!;
if (!['e2e', 'web'].includes(tier)) throw new Error(`--tier ${tier}: e2e or web`);
setTier(tier);
/** The tests of the tier: test/e2e/ or test/web/. */
const testsDir = path.join(path.dirname(__filename), '..', tier);

const started = Date.now();

function findTests(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...findTests(full));
    else if (entry.name.endsWith('.e2e.ts')) found.push(full);
  }
  return found.sort();
}

async function main(): Promise<boolean> {
  stopHostsOnSignals();
  // Start clean: no figures, logs or failure screenshots of an earlier run.
  fs.rmSync(tierResults(), { recursive: true, force: true });
  if (fs.existsSync(SCREENSHOTS)) {
    for (const f of fs.readdirSync(SCREENSHOTS)) if (f.startsWith('failed-')) fs.rmSync(path.join(SCREENSHOTS, f));
  }
  const whole = setTimeout(() => {
    process.stderr.write(`[${tier}] FAILED: time-out after ${opts.timeout} s\n`);
    writeTierSummary(tier, { total: 0, passed: 0, failed: 0, durationMs: Date.now() - started, ok: false, extra: { reason: 'time-out' } });
    void stopAllHosts().finally(() => process.exit(1));
  }, Number(opts.timeout) * 1000);
  whole.unref();

  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    timeout: 60_000,
    forbidOnly: !!process.env.CI,
    rootHooks: {
      async beforeAll(this: Mocha.Context) {
        this.timeout(180_000);
        const wb = await Workbench.open({ keep: opts.keep, web: tier === 'web' });
        setCurrentWorkbench(wb);
        const ready = await wb.waitForExtensionHost();
        recordMetric('workbench_to_extension_host_ms', ready.time - wb.openedAt);
        process.stdout.write(`  workbench: VS Code ${ready.vscodeVersion} on 127.0.0.1:${wb.host.port}, extensions ${ready.extensions.join(', ')}\n`);
      },
      async afterEach(this: Mocha.Context) {
        const test = this.currentTest;
        if (test?.state === 'failed') {
          const name = `failed-${test.fullTitle().replace(/[^a-z0-9]+/gi, '-').slice(0, 80)}`;
          const file = await workbench().screenshot(name).catch(() => undefined);
          if (file) process.stdout.write(`      screenshot: ${path.relative(process.cwd(), file)}\n`);
        }
      },
      async afterAll() {
        const wb = (() => { try { return workbench(); } catch { return undefined; } })();
        setCurrentWorkbench(undefined);
        await wb?.close();
      },
    },
  });
  if (opts.grep) mocha.grep(opts.grep);
  const files = findTests(testsDir);
  for (const file of files) mocha.addFile(file);
  if (files.length === 0) throw new Error(`no test/${tier}/**/*.e2e.ts found`);

  let passed = 0;
  let failed = 0;
  let pending = 0;
  await new Promise<void>((resolve) => {
    const runner = mocha.run(() => resolve());
    runner.on(Mocha.Runner.constants.EVENT_TEST_PASS, () => passed++);
    runner.on(Mocha.Runner.constants.EVENT_TEST_FAIL, () => failed++);
    runner.on(Mocha.Runner.constants.EVENT_TEST_PENDING, () => pending++);
  });
  await stopAllHosts();

  const metricsFile = writeMetrics();
  let reason: string | null = null;
  if (failed > 0) reason = `${failed} ${tier} test(s) failed`;
  else if (passed === 0) reason = `no ${tier} test ran`;
  writeTierSummary(tier, {
    total: passed + failed + pending, passed, failed, pending, durationMs: Date.now() - started, ok: !reason,
    extra: { runner: 'code-server + chromium', reason, metrics: path.relative(process.cwd(), metricsFile) },
  });
  if (reason) process.stderr.write(`[${tier}] FAILED: ${reason}; screenshots and logs in test-results/\n`);
  else process.stdout.write(`[${tier}] passed in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return !reason;
}

main().then(
  (ok) => process.exit(ok ? 0 : 1),
  async (err: Error) => {
    process.stderr.write(`[${tier}] FAILED: ${err.stack ?? err}\n`);
    await stopAllHosts();
    writeTierSummary(tier, { total: 0, passed: 0, failed: 0, durationMs: Date.now() - started, ok: false, extra: { reason: err.message } });
    process.exit(1);
  },
);
