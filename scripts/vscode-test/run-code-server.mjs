#!/usr/bin/env node
// Offline runner of the extension-host suites: VS Code 1.139 from code-server, opened in headless
// Chromium. Builds nothing itself; expects
//   - the built product extension (package.json + dist/, `npm run build`) at --extension (default: repo root),
//   - the bundled suites at out/suite/index.js (`node scripts/vscode-test/build-tests.mjs`),
//   - the host set up (`scripts/vscode-test/setup-code-server.sh`).
// It installs the product and test/bootstrap-extension/ into a temp --extensions-dir, starts
// code-server on a temp copy of the fixture workspace, opens the workbench in Chromium (which
// starts the extension host), and follows the results the bootstrap's suites write. Exit code 1
// when a test fails, when no test ran, or on a time-out; code-server and Chromium are always ended.
//
// Options: --extension <dir>  --suite <index.js>  --grep <regex>  --timeout <seconds, whole run>
//          --keep (keep the temp folders)  --tier <name> (summary name, default vscode)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import {
  bootstrapExtensionDir, collectLogs, extensionHostErrors, log, openBrowser, readManifest, repoRoot,
  startHost, stopAllHosts, stopHostsOnSignals, tail, waitUntil, writeTierSummary,
} from './host.mjs';
import { EventsReader, SpecPrinter } from './report.mjs';

const { values: opts } = parseArgs({
  options: {
    extension: { type: 'string', default: repoRoot },
    suite: { type: 'string', default: path.join(repoRoot, 'out/suite/index.js') },
    grep: { type: 'string' },
    timeout: { type: 'string', default: process.env.MJ_VSCODE_TIMEOUT ?? '600' },
    keep: { type: 'boolean', default: false },
    tier: { type: 'string', default: 'vscode' },
  },
});

const TAG = 'vscode';
const BOOTSTRAP_ID = 'mentoring-journal-tests.test-bootstrap';
const runStarted = Date.now();
const deadline = runStarted + Number(opts.timeout) * 1000;
const remaining = () => Math.max(1000, deadline - Date.now());
const suite = path.resolve(opts.suite);
const extensionDir = path.resolve(opts.extension);

// The bootstrap extension learns where to write from the environment, which the extension host
// inherits from code-server: the files are named before code-server starts.
async function run() {
  if (!fs.existsSync(suite)) throw new Error(`${suite} not found: run node scripts/vscode-test/build-tests.mjs`);
  const manifest = readManifest(extensionDir);
  const productId = `${manifest.publisher}.${manifest.name}`.toLowerCase();
  stopHostsOnSignals();

  const resultsDir = path.join(repoRoot, 'test-results', opts.tier);
  fs.rmSync(resultsDir, { recursive: true, force: true });
  fs.mkdirSync(resultsDir, { recursive: true });
  const eventsFile = path.join(resultsDir, 'events.jsonl');
  const readyFile = path.join(resultsDir, 'host-ready.json');

  log(TAG, `product ${productId}@${manifest.version} from ${path.relative(process.cwd(), extensionDir) || '.'}; suites ${path.relative(process.cwd(), suite)}`);
  const host = await startHost({
    name: opts.tier,
    keep: opts.keep,
    extensions: [extensionDir, bootstrapExtensionDir],
    // The suites run from a copy inside the bootstrap extension's folder, so that their
    // `require('vscode')` is attributed to an installed extension (as with test-electron, where
    // out/suite/ lies inside the extension under development). Mocha is bundled in index.js.
    prepare: ({ installed }) => {
      const bootstrap = installed.find((ext) => ext.id === BOOTSTRAP_ID);
      const copy = path.join(bootstrap.dir, 'suite');
      fs.cpSync(path.dirname(suite), copy, { recursive: true });
      return { MJ_TEST_SUITE: path.join(copy, path.basename(suite)) };
    },
    env: {
      MJ_TEST_EVENTS: eventsFile,
      MJ_HOST_READY_FILE: readyFile,
      MJ_TEST_PRODUCT_ID: productId,
      ...(opts.grep ? { MJ_TEST_GREP: opts.grep } : {}),
    },
  });
  log(TAG, `code-server up on 127.0.0.1:${host.port} in ${host.startMs} ms (temp ${host.dirs.tmp}); workspace: ${host.workspaceEntries.join(', ') || '(empty)'}`);

  const printer = new SpecPrinter();
  let outcome = { ok: false, reason: 'not run' };
  let consoleLines = [];
  try {
    const browser = await openBrowser(host);
    consoleLines = browser.consoleLines;
    const opened = Date.now();
    await browser.page.goto(host.url, { waitUntil: 'domcontentloaded', timeout: remaining() });
    log(TAG, 'workbench opened in Chromium; waiting for the extension host');

    const ready = await waitUntil('the extension host to start the test bootstrap', () => fs.existsSync(readyFile) && JSON.parse(fs.readFileSync(readyFile, 'utf8')),
      { timeoutMs: Math.min(remaining(), 120000), abort: host.exitReason });
    log(TAG, `extension host up after ${Date.now() - opened} ms: VS Code ${ready.vscodeVersion}, Node ${ready.node}, extensions ${ready.extensions.join(', ')}`);

    const reader = new EventsReader(eventsFile);
    await waitUntil('the suites to finish', () => {
      for (const ev of reader.read()) printer.handle(ev);
      return printer.end !== null;
    }, { timeoutMs: remaining(), intervalMs: 250, abort: host.exitReason });

    const c = printer.counts();
    if (c.failed > 0) outcome = { ok: false, reason: `${c.failed} test(s) failed` };
    else if (c.passed === 0) outcome = { ok: false, reason: 'no test ran' };
    else outcome = { ok: true };
  } catch (err) {
    outcome = { ok: false, reason: err.message };
    if (printer.running) outcome.reason += `; the test running then: "${printer.running.fullTitle}"`;
  } finally {
    const logs = collectLogs(host, opts.tier, { 'browser-console.log': consoleLines.join('\n') + '\n' });
    const hostErrors = extensionHostErrors(host);
    await stopAllHosts();
    const c = printer.summary();
    writeTierSummary(opts.tier, { ...c, ok: outcome.ok, durationMs: Date.now() - runStarted, extra: { runner: 'code-server', reason: outcome.reason ?? null } });
    if (!outcome.ok) {
      process.stderr.write(`[${TAG}] FAILED: ${outcome.reason}\n`);
      if (hostErrors.length) process.stderr.write(`[${TAG}] extension host errors:\n${hostErrors.slice(-20).join('\n')}\n`);
      if (!printer.end) process.stderr.write(`${tail(path.join(logs, 'code-server.log'), 30)}\n`);
      process.stderr.write(`[${TAG}] logs: ${path.relative(process.cwd(), logs)}\n`);
    }
    log(TAG, `${outcome.ok ? 'passed' : 'FAILED'} in ${((Date.now() - runStarted) / 1000).toFixed(1)} s`);
  }
  return outcome.ok;
}

run().then(
  (ok) => process.exit(ok ? 0 : 1),
  async (err) => {
    process.stderr.write(`[${TAG}] FAILED: ${err.stack ?? err}\n`);
    await stopAllHosts();
    writeTierSummary(opts.tier, { total: 0, passed: 0, failed: 0, pending: 0, ok: false, durationMs: Date.now() - runStarted, extra: { runner: 'code-server', reason: err.message } });
    process.exit(1);
  },
);
