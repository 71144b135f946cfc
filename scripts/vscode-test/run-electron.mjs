#!/usr/bin/env node
// Runs the extension-host suites (out/suite/, from build-tests.mjs) in desktop VS Code through
// @vscode/test-electron: the product extension loaded with --extensionDevelopmentPath=<repo>,
// every other extension disabled, an isolated --user-data-dir and --extensions-dir, and a temp
// copy of the fixture workspace. The same suites run offline in code-server (run-code-server.mjs).
//
// VS Code comes from one of:
//   VSCODE_EXECUTABLE_PATH=/path/to/code   an installed VS Code (no download), or
//   VSCODE_TEST_VERSION (default below)    downloaded once by test-electron into .vscode-test/.
// This machine's kind cannot download VS Code: use the offline runner there. On Linux without a
// display, run it under Xvfb: `xvfb-run -a npm run test:electron`.
//
// Builds nothing itself: expects dist/ (`npm run build`) and out/suite/ (build-tests.mjs).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { TEST_TODAY, USER_SETTINGS, prepareWorkspace, readManifest, repoRoot, writeTierSummary } from './host.mjs';
import { EventsReader, SpecPrinter } from './report.mjs';

/**
 * The VS Code that test-electron downloads when no executable is given: the lowest version the
 * extension supports (package.json engines.vscode ^1.90.0, @types/vscode 1.90.0), so that this
 * runner checks the promise of `engines` while code-server checks VS Code 1.139.
 */
export const PINNED_VSCODE_VERSION = '1.90.0';

const { values: opts } = parseArgs({
  options: {
    extension: { type: 'string', default: repoRoot },
    suite: { type: 'string', default: path.join(repoRoot, 'out/suite/index.js') },
    grep: { type: 'string' },
    keep: { type: 'boolean', default: false },
    tier: { type: 'string', default: 'electron' },
  },
});

const TAG = 'electron';
const started = Date.now();

async function main() {
  const extensionDir = path.resolve(opts.extension);
  const suite = path.resolve(opts.suite);
  const manifest = readManifest(extensionDir);
  if (!fs.existsSync(suite)) throw new Error(`${suite} not found: run node scripts/vscode-test/build-tests.mjs`);
  if (manifest.main && !fs.existsSync(path.resolve(extensionDir, manifest.main))) {
    throw new Error(`${manifest.main} not found in ${extensionDir}: run npm run build`);
  }

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mj-electron-'));
  const userData = path.join(tmp, 'user-data');
  const extensionsDir = path.join(tmp, 'extensions');
  const workspace = path.join(tmp, 'workspace');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.writeFileSync(path.join(userData, 'User/settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  const entries = prepareWorkspace(workspace);

  const resultsDir = path.join(repoRoot, 'test-results', opts.tier);
  fs.rmSync(resultsDir, { recursive: true, force: true });
  fs.mkdirSync(resultsDir, { recursive: true });
  const eventsFile = path.join(resultsDir, 'events.jsonl');

  const executable = process.env.VSCODE_EXECUTABLE_PATH;
  const version = process.env.VSCODE_TEST_VERSION || PINNED_VSCODE_VERSION;
  console.log(`[${TAG}] VS Code ${executable ? `at ${executable}` : `${version} (downloaded by @vscode/test-electron into .vscode-test/)`}`);
  console.log(`[${TAG}] workspace ${workspace}: ${entries.join(', ') || '(empty)'}`);

  const { runTests } = await import('@vscode/test-electron');
  let error = null;
  try {
    await runTests({
      ...(executable ? { vscodeExecutablePath: executable } : { version }),
      extensionDevelopmentPath: extensionDir,
      extensionTestsPath: suite,
      extensionTestsEnv: {
        MJ_TEST_EVENTS: eventsFile,
        MJ_TEST_TODAY: TEST_TODAY,
        ...(opts.grep ? { MJ_TEST_GREP: opts.grep } : {}),
        MJ_TEST_COLOR: process.stdout.isTTY ? '1' : '',
      },
      launchArgs: [
        workspace,
        '--disable-extensions',
        `--user-data-dir=${userData}`,
        `--extensions-dir=${extensionsDir}`,
        '--disable-telemetry',
        '--disable-gpu',
        // test-electron adds --no-sandbox, --disable-gpu-sandbox, --disable-updates, --skip-welcome,
        // --skip-release-notes and --disable-workspace-trust itself.
      ],
    });
  } catch (err) {
    error = err;
  } finally {
    if (!opts.keep) fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
  }

  // The spec reporter already printed the tests inside VS Code; sum up from the events file,
  // and repeat the failures (a suite that fails to load never reaches the reporter).
  const printer = new SpecPrinter(() => undefined);
  for (const ev of new EventsReader(eventsFile).read()) printer.handle(ev);
  const c = printer.counts();
  if (c.failed > 0) {
    printer.write = (text) => process.stdout.write(text);
    printer.failureDetails();
    process.stdout.write('\n');
  }
  let reason = null;
  if (error) reason = `VS Code test run failed: ${error.message ?? error}`;
  else if (!printer.end) reason = 'the suites did not report an end';
  else if (c.failed > 0) reason = `${c.failed} test(s) failed`;
  else if (c.passed === 0) reason = 'no test ran';
  writeTierSummary(opts.tier, { ...c, ok: !reason, durationMs: Date.now() - started, extra: { runner: 'test-electron', vscode: executable ?? version, reason } });
  if (reason) {
    console.error(`[${TAG}] FAILED: ${reason}`);
    const launched = error?.name === 'TestRunFailedError' || error?.constructor?.name === 'TestRunFailedError';
    if (error && !launched && !executable) {
      console.error(`[${TAG}] hint: VS Code ${version} could not be downloaded; set VSCODE_EXECUTABLE_PATH to an installed VS Code, or run the offline tier: npm run test:vscode`);
    }
    if (launched && !printer.start && process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
      console.error(`[${TAG}] hint: no display; run under Xvfb (xvfb-run -a npm run test:electron)`);
    }
    return false;
  }
  console.log(`[${TAG}] passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return true;
}

main().then(
  (ok) => process.exit(ok ? 0 : 1),
  (err) => {
    console.error(`[${TAG}] FAILED: ${err.stack ?? err}`);
    writeTierSummary(opts.tier, { total: 0, passed: 0, failed: 0, pending: 0, ok: false, durationMs: Date.now() - started, extra: { runner: 'test-electron', reason: err.message } });
    process.exit(1);
  },
);
