#!/usr/bin/env node
// Offline runner of the extension-host suites: VS Code 1.139 from code-server, opened in headless
// Chromium. Builds nothing itself; expects
//   - the built product extension (package.json + dist/, `npm run build`) at --extension (default: repo root),
//   - the bundled suites at out/suite/index.js, or out/untrusted/index.js with --untrusted
//     (`node scripts/vscode-test/build-tests.mjs`),
//   - the host set up (`scripts/vscode-test/setup-code-server.sh`).
// It installs the product and test/bootstrap-extension/ into a temp --extensions-dir, starts
// code-server on a temp copy of the fixture workspace, opens the workbench in Chromium (which
// starts the extension host), and follows the results the bootstrap's suites write. Exit code 1
// when a test fails, when no test ran, or on a time-out; code-server and Chromium are always ended.
//
// Options: --extension <dir>  --suite <index.js>  --grep <regex>  --timeout <seconds, whole run>
//          --keep (keep the temp folders)  --tier <name> (summary name, default vscode)
//          --untrusted: the untrusted tier. code-server starts without --disable-workspace-trust and
//            with trust settings that keep the workspace in Restricted Mode (host.mjs
//            UNTRUSTED_SETTINGS); the suites default to out/untrusted/index.js, the tier to `untrusted`.
//
// While the suites run, the runner answers their questions about the workbench's DOM (what the
// extension host cannot see, such as the entries of the command palette): a suite writes
// `<id>.request.json` ({ selector }) into the folder named by MJ_UI_BRIDGE, the runner answers
// with `<id>.response.json` ({ ok, elements: [{ label, text }] }), the aria-label and text of every
// element of the page that matches the CSS selector. With `click: true` it clicks the first match
// (as a user would: a button the extension API cannot press) and answers with that element.
// See test/untrusted/workbench.ts.
import { createHash } from 'node:crypto';
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
    suite: { type: 'string' },
    grep: { type: 'string' },
    timeout: { type: 'string', default: process.env.MJ_VSCODE_TIMEOUT ?? '600' },
    keep: { type: 'boolean', default: false },
    tier: { type: 'string' },
    untrusted: { type: 'boolean', default: false },
  },
});
opts.tier ??= opts.untrusted ? 'untrusted' : 'vscode';
opts.suite ??= path.join(repoRoot, opts.untrusted ? 'out/untrusted/index.js' : 'out/suite/index.js');

const TAG = opts.untrusted ? 'untrusted' : 'vscode';
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
  const bridgeDir = path.join(resultsDir, 'ui-bridge');
  fs.mkdirSync(bridgeDir, { recursive: true });

  log(TAG, `product ${productId}@${manifest.version} from ${path.relative(process.cwd(), extensionDir) || '.'}; suites ${path.relative(process.cwd(), suite)}`);
  const host = await startHost({
    name: opts.tier,
    keep: opts.keep,
    trust: !opts.untrusted,
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
      MJ_UI_BRIDGE: bridgeDir,
      ...(opts.grep ? { MJ_TEST_GREP: opts.grep } : {}),
    },
  });
  log(TAG, `code-server up on 127.0.0.1:${host.port} in ${host.startMs} ms (temp ${host.dirs.tmp}); workspace: ${host.workspaceEntries.join(', ') || '(empty)'}${opts.untrusted ? '; workspace trust enabled, no --disable-workspace-trust (Restricted Mode)' : ''}`);

  // In Restricted Mode nothing may write into the workspace, the suites included: compare it,
  // from outside the extension host, before and after.
  const workspaceBefore = opts.untrusted ? snapshotDir(host.dirs.workspace) : null;

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
    log(TAG, `extension host up after ${Date.now() - opened} ms: VS Code ${ready.vscodeVersion}, Node ${ready.node}, extensions ${ready.extensions.join(', ')}, workspace trusted: ${ready.isTrusted}`);
    // The suites check it too; this catches a run that --grep narrowed to nothing trust-related.
    if (opts.untrusted && ready.isTrusted !== false) throw new Error(`the workspace is trusted (vscode.workspace.isTrusted = ${ready.isTrusted}): the untrusted tier needs Restricted Mode`);

    const reader = new EventsReader(eventsFile);
    const bridge = new UiBridge(bridgeDir, browser.page);
    await waitUntil('the suites to finish', async () => {
      await bridge.answer();
      for (const ev of reader.read()) printer.handle(ev);
      return printer.end !== null;
    }, { timeoutMs: remaining(), intervalMs: 250, abort: host.exitReason });

    const c = printer.counts();
    const written = workspaceBefore ? diffSnapshots(workspaceBefore, snapshotDir(host.dirs.workspace)) : [];
    if (c.failed > 0) outcome = { ok: false, reason: `${c.failed} test(s) failed` };
    else if (c.passed === 0) outcome = { ok: false, reason: 'no test ran' };
    else if (written.length) outcome = { ok: false, reason: `the workspace changed in Restricted Mode: ${written.slice(0, 20).join(', ')}` };
    else outcome = { ok: true };
    if (workspaceBefore && !written.length) log(TAG, `workspace unchanged on disk (${workspaceBefore.size} entries compared)`);
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

/** Every file and folder under `dir` by relative path, with a hash of each file's bytes. */
function snapshotDir(dir, rel = '', out = new Map()) {
  for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const relPath = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      out.set(`${relPath}/`, '');
      snapshotDir(dir, relPath, out);
    } else {
      out.set(relPath, createHash('sha256').update(fs.readFileSync(path.join(dir, relPath))).digest('hex'));
    }
  }
  return out;
}

/** `+ added`, `- removed`, `~ changed` paths between two snapshots. */
function diffSnapshots(before, after) {
  const out = [];
  for (const [p, hash] of after) if (!before.has(p)) out.push(`+ ${p}`); else if (before.get(p) !== hash) out.push(`~ ${p}`);
  for (const p of before.keys()) if (!after.has(p)) out.push(`- ${p}`);
  return out;
}

/** Answers the suites' questions about the workbench's DOM (see the header). */
class UiBridge {
  constructor(dir, page) {
    this.dir = dir;
    this.page = page;
    this.answered = new Set();
  }

  async answer() {
    for (const name of fs.readdirSync(this.dir).filter((n) => n.endsWith('.request.json')).sort()) {
      if (this.answered.has(name)) continue;
      this.answered.add(name);
      let response;
      try {
        const { selector, click } = JSON.parse(fs.readFileSync(path.join(this.dir, name), 'utf8'));
        // (Playwright runs these functions in the page: they cannot share a helper.)
        if (click) {
          const target = this.page.locator(selector).first();
          const element = await target.evaluate((e) => ({ label: e.getAttribute('aria-label') ?? '', text: (e.textContent ?? '').trim() }), undefined, { timeout: 5000 });
          await target.click({ timeout: 5000 });
          response = { ok: true, elements: [element] };
        } else {
          const elements = await this.page.locator(selector)
            .evaluateAll((els) => els.map((e) => ({ label: e.getAttribute('aria-label') ?? '', text: (e.textContent ?? '').trim() })));
          response = { ok: true, elements };
        }
      } catch (err) {
        response = { ok: false, error: err.message };
      }
      const file = path.join(this.dir, name.replace(/\.request\.json$/, '.response.json'));
      fs.writeFileSync(`${file}.tmp`, JSON.stringify(response));
      fs.renameSync(`${file}.tmp`, file);
    }
  }
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
