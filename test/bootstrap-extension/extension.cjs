// Test-only bootstrap extension for the offline runner (scripts/vscode-test/run-code-server.mjs)
// and the end-to-end runner (test/e2e/run.ts). code-server has no --extensionTestsPath, so this
// extension, installed beside the product, plays that part. It reads its orders from the
// environment, which the extension host inherits from code-server:
//
//   MJ_HOST_READY_FILE  written (JSON) as soon as this extension activates: proof that the
//                       extension host runs, with the VS Code version and the installed extensions.
//   MJ_TEST_SUITE       absolute path of the bundled suite index (out/suite/index.js); when set,
//                       its runSuites() runs once the product extension is installed and a folder
//                       is open.
//   MJ_TEST_EVENTS      JSON-lines file the suite index appends results to; a load or start-up
//                       error is reported there too, always followed by an "end" line.
//   MJ_TEST_PRODUCT_ID  extension the suites test (default mentoring-journal.mentoring-journal).
//   MJ_TEST_TODAY       YYYY-MM-DD: as soon as the product extension is active (however it was
//                       activated), "today" is pinned to this date through its api's setToday(),
//                       so that what the tests see does not depend on the day they run.
//   MJ_PERF_MARKS_FILE  written (JSON: name → Date.now() time) with the extension host's own
//                       performance marks (code/extHost/...: when it began and finished loading
//                       each extension's code, and calling and returning from its activate), each
//                       time there are new ones, for a minute: the performance test's measure of
//                       what an extension costs inside the host, apart from the window.
//   MJ_WEB_REPORT_FILE  the web tier: the product runs in the browser's web-worker extension host,
//                       where neither this extension nor the environment reaches it. The web
//                       bootstrap (test/bootstrap-web-extension/) runs beside it there, asks this
//                       extension for its orders (command mentoringJournalTests.orders: the day to
//                       pin) and sends back what it saw (mentoringJournalTests.webReport), written here.
//
// Without those variables it does nothing.
/* global require, module, setInterval, clearInterval */
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS: VS Code loads `main` with require() */
'use strict';

const fs = require('node:fs');
const vscode = require('vscode');

const PRODUCT_ID = process.env.MJ_TEST_PRODUCT_ID || 'mentoring-journal.mentoring-journal';

function appendEvent(file, record) {
  if (file) fs.appendFileSync(file, JSON.stringify({ ...record, time: Date.now() }) + '\n');
}

function writeJson(file, value) {
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, JSON.stringify(value, null, 2));
  fs.renameSync(tmp, file);
}

async function waitFor(what, check, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function runSuites(suitePath, eventsFile) {
  try {
    await waitFor(`extension ${PRODUCT_ID} to be installed`, () => vscode.extensions.getExtension(PRODUCT_ID), 30000);
    await waitFor('a workspace folder', () => (vscode.workspace.workspaceFolders || []).length > 0, 30000);
        const suite = require(suitePath);
    if (typeof suite.runSuites !== 'function') throw new Error(`${suitePath} does not export runSuites()`);
    await suite.runSuites({ eventsFile });
  } catch (err) {
    appendEvent(eventsFile, {
      event: 'fail',
      title: 'test bootstrap',
      fullTitle: 'test bootstrap: loading and starting the suites',
      message: err && err.message ? err.message : String(err),
      stack: err && err.stack,
    });
    appendEvent(eventsFile, { event: 'end', total: 1, passed: 0, failed: 1, pending: 0, durationMs: 0 });
  }
}

/**
 * Pins the product's "today" once it is active. Polls rather than activating it, so that the
 * tests still see the product activate by its own activation events.
 */
function pinToday(today) {
  const timer = setInterval(() => {
    const product = vscode.extensions.getExtension(PRODUCT_ID);
    if (!product || !product.isActive) return;
    clearInterval(timer);
    if (product.exports && typeof product.exports.setToday === 'function') product.exports.setToday(today);
  }, 10);
}

/** The two commands the web bootstrap calls across extension hosts (commands are the one shared channel). */
function serveWebBootstrap() {
  const reportFile = process.env.MJ_WEB_REPORT_FILE;
  return [
    vscode.commands.registerCommand('mentoringJournalTests.orders', () => ({ today: process.env.MJ_TEST_TODAY || null })),
    vscode.commands.registerCommand('mentoringJournalTests.webReport', (report) => {
      if (reportFile) writeJson(reportFile, { ...report, receivedAt: Date.now() });
    }),
  ];
}

/** Writes the host's performance marks (see MJ_PERF_MARKS_FILE above) whenever new ones appear. */
function writePerfMarks(file) {
  const marks = globalThis.MonacoPerformanceMarks;
  if (!marks || typeof marks.getMarks !== 'function') return writeJson(file, { error: 'this VS Code keeps no performance marks in the extension host' });
  let written = 0;
  const write = () => {
    const hostMarks = marks.getMarks().filter((m) => m.name.startsWith('code/extHost/'));
    if (hostMarks.length === written) return;
    written = hostMarks.length;
    writeJson(file, Object.fromEntries(hostMarks.map((m) => [m.name, m.startTime])));
  };
  write();
  const timer = setInterval(write, 25);
  setTimeout(() => clearInterval(timer), 60_000);
}

function activate(context) {
  if (process.env.MJ_PERF_MARKS_FILE) writePerfMarks(process.env.MJ_PERF_MARKS_FILE);
  if (process.env.MJ_WEB_REPORT_FILE) context.subscriptions.push(...serveWebBootstrap());
  if (process.env.MJ_TEST_TODAY) pinToday(process.env.MJ_TEST_TODAY);
  const readyFile = process.env.MJ_HOST_READY_FILE;
  if (readyFile) {
    writeJson(readyFile, {
      time: Date.now(),
      vscodeVersion: vscode.version,
      appHost: vscode.env.appHost,
      remoteName: vscode.env.remoteName || null,
      node: process.version,
      workspaceFolders: (vscode.workspace.workspaceFolders || []).map((f) => f.uri.toString()),
      isTrusted: vscode.workspace.isTrusted,
      extensions: vscode.extensions.all.filter((e) => !e.id.startsWith('vscode.')).map((e) => e.id),
    });
  }
  const suitePath = process.env.MJ_TEST_SUITE;
  if (suitePath) {
    // Run after activate() returns, so that the extension host is not held up.
    setTimeout(() => void runSuites(suitePath, process.env.MJ_TEST_EVENTS), 0);
  }
}

function deactivate() {}

module.exports = { activate, deactivate };
