/**
 * Drives the VS Code workbench of code-server in headless Chromium for the end-to-end tests.
 *
 * `Workbench.open()` starts a throw-away code-server (scripts/vscode-test/host.mjs) with the
 * built product extension and the test bootstrap (which only reports that the extension host
 * runs), on a temp copy of the fixture workspace, and loads the workbench in Chromium.
 * test/e2e/run.ts opens one workbench for all tests: get it with `workbench()`.
 *
 * First-appearance marks: `watchFirstAppearance(name, selector)`, called at the top level of a
 * test file, makes the page record when an element matching `selector` first appears, measured
 * from the start of the navigation that opened the workbench (a MutationObserver installed
 * before any workbench script runs), whatever test runs first. `wb.mark(name)` returns it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import {
  bootstrapExtensionDir, bootstrapWebExtensionDir, collectLogs, type Host, openBrowser, PRODUCT_ID, repoRoot, resultsDir, startHost,
  TEST_TODAY, waitForQuiet, waitUntil, WEB_BOOTSTRAP_ID,
} from '../../scripts/vscode-test/host.mjs';

/**
 * "Today" as the extension sees it in every workbench these tests open, whatever the real date:
 * the test bootstrap pins it through the extension's api (MJ_TEST_TODAY). The browser's own
 * clock, which the editor's $CURRENT_DATE reads, stays the real one: see localToday.
 */
export const TODAY = TEST_TODAY;

/** How long expandTreeItem waits for a clicked row to show expanded before it clicks it again. */
const EXPAND_AGAIN_MS = 3000;

let tier = 'e2e';
/** The tier test/e2e/run.ts runs (`e2e`, or `web` with --tier web): names the results folder and the default logs folder. */
export function setTier(name: string): void {
  tier = name;
}
/** test-results/<tier>/: metrics.json and the logs of the run's workbench. */
export function tierResults(): string {
  return path.join(resultsDir, tier);
}
export const SCREENSHOTS = path.join(resultsDir, 'screenshots');
const isMac = process.platform === 'darwin';
/** The key that goes with shortcuts such as Ctrl+Z (Cmd on macOS), as playwright names it. */
export const mod = isMac ? 'Meta' : 'Control';

const watches = new Map<string, string>();

/** Records when `selector` first matches, from the start of the workbench's navigation. */
export function watchFirstAppearance(name: string, selector: string): void {
  watches.set(name, selector);
}

export interface HostReady {
  time: number;
  vscodeVersion: string;
  node: string;
  workspaceFolders: string[];
  extensions: string[];
}

/** See Workbench.extensionHostLog. */
export interface ExtensionHostLog {
  started: number | undefined;
  activations: Array<{ time: number; id: string; event: string }>;
}

export interface OpenOptions {
  /** Extension folder to test (package.json + dist/); default the repository root. */
  extension?: string;
  /** Adds files to the temp workspace (already holding journal/ and broken/) before start. */
  populate?: (workspaceDir: string) => void | Promise<void>;
  /** Extra user settings. */
  settings?: Record<string, unknown>;
  keep?: boolean;
  /** Names the logs folder: test-results/<name>/logs/ (default e2e). */
  name?: string;
  /** false: code-server without --disable-workspace-trust, so the workspace opens in Restricted Mode (default true). */
  trust?: boolean;
  /**
   * true: the product runs in the browser's web-worker extension host, as in VS Code for the Web
   * (user setting `remote.extensionKind` = ["web"] for it), with the web bootstrap beside it there,
   * which pins the day and reports where the product runs (`webReport()`).
   */
  web?: boolean;
  /** true: the bootstrap writes the extension host's performance marks, read with `extensionHostMarks()`. */
  perfMarks?: boolean;
  /**
   * true: once code-server and Chromium have started, the navigation waits until the machine is
   * quiet (waitForQuiet), so that what they, or the last workbench's processes, still do after
   * starting does not run beside the start being timed. `quiet` on the workbench says how long.
   */
  quiet?: boolean;
}

/** What the web bootstrap saw in the web-worker extension host (test/bootstrap-web-extension/). */
export interface WebReport {
  error?: string;
  host: {
    workerGlobalScope: boolean;
    typeofDocument: string;
    typeofProcess: string;
    typeofNavigator: string;
    userAgent: string | null;
    uiKind: 'web' | 'desktop';
    remoteName: string | null;
    vscodeVersion: string;
  };
  product: {
    id: string;
    exportsHere: boolean;
    extensionKind: 'ui' | 'workspace';
    extensionUri: string;
    activationMs?: number;
    indexedAtActivation?: number;
  };
  today: string | null;
  receivedAt: number;
}

/** User settings that force the product (and the web bootstrap) into the web-worker extension host. */
export const WEB_SETTINGS = { 'remote.extensionKind': { [PRODUCT_ID]: ['web'], [WEB_BOOTSTRAP_ID]: ['web'] } };

/** A row of a tree view as Workbench.treeRows reads it. */
export interface TreeRow {
  label: string;
  description: string;
  /** The codicon's name, e.g. `play-circle`; empty without a codicon. */
  icon: string;
  /** 1 for a top-level row. */
  level: number;
  /** undefined for a row that cannot expand. */
  expanded: boolean | undefined;
}

/** The rows below `parent` (by label) up to the next row at the parent's level or above; fails when there is no such row. */
export function childrenOf(rows: TreeRow[], parent: string): TreeRow[] {
  const i = rows.findIndex((r) => r.label === parent);
  if (i < 0) throw new Error(`no row "${parent}" in ${rows.map((r) => r.label).join(' | ')}`);
  const level = rows[i]!.level;
  const out: TreeRow[] = [];
  for (const row of rows.slice(i + 1)) {
    if (row.level <= level) break;
    if (row.level === level + 1) out.push(row);
  }
  return out;
}

/** A setting of the Settings editor as Workbench.settingRows reads it. */
export interface SettingRow {
  /** "Mentoring Journal: " */
  category: string;
  /** "Grace Days" */
  title: string;
  description: string;
}

/** A problem row of the Problems panel as Workbench.problemRows reads it. */
export interface ProblemRow {
  /** The file row above it: name and folder. */
  file: string;
  folder: string;
  severity: string;
  message: string;
  source: string;
  code: string;
  /** `[Ln 5, Col 6]` */
  position: string;
}

export interface SnippetOptions {
  /** Called with the suggestion list open and the entry focused, before accepting it (for a screenshot). */
  beforeAccept?: (widget: Locator) => Promise<void>;
}

/** A region of the page in CSS pixels. */
export interface Clip {
  x: number;
  y: number;
  width: number;
  height: number;
}

let current: Workbench | undefined;

/** The workbench that test/e2e/run.ts opened for this run. */
/** The real date in local time, as the browser and the editor's $CURRENT_DATE see it: YYYY-MM-DD (the extension sees TODAY). */
export function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function workbench(): Workbench {
  if (!current) throw new Error('no workbench open: run the end-to-end tests through test/e2e/run.ts');
  return current;
}

export function setCurrentWorkbench(wb: Workbench | undefined): void {
  current = wb;
}

const metrics: Record<string, number> = {};

/** Keeps a measured figure for test-results/e2e/metrics.json and prints `E2E_METRIC name=value`. */
export function recordMetric(name: string, value: number): void {
  metrics[name] = Math.round(value);
  process.stdout.write(`      E2E_METRIC ${name}=${metrics[name]}\n`);
}

export function writeMetrics(): string {
  fs.mkdirSync(tierResults(), { recursive: true });
  const file = path.join(tierResults(), 'metrics.json');
  fs.writeFileSync(file, JSON.stringify({ measuredAt: new Date().toISOString(), metrics }, null, 2) + '\n');
  return file;
}

export class Workbench {
  readonly consoleLines: string[];
  private readyInfo: HostReady | undefined;

  private constructor(
    readonly host: Host,
    readonly page: Page,
    consoleLines: string[],
    private readonly readyFile: string,
    /** Date.now() when the navigation to the workbench started. */
    readonly openedAt: number,
    readonly name: string,
    private readonly webReportFile?: string,
    private readonly perfMarksFile?: string,
    /** With `quiet: true`: how long the navigation waited for a quiet machine, and how busy it was then (0..1). */
    readonly quiet?: { waitedMs: number; busy: number },
  ) {
    this.consoleLines = consoleLines;
  }

  /** Starts code-server and loads the workbench on the fixture workspace. */
  static async open(options: OpenOptions = {}): Promise<Workbench> {
    const name = options.name ?? tier;
    let readyFile = '';
    let webReportFile: string | undefined;
    let perfMarksFile: string | undefined;
    const host = await startHost({
      name,
      keep: options.keep,
      settings: { ...(options.web ? WEB_SETTINGS : {}), ...options.settings },
      trust: options.trust ?? true,
      extensions: [options.extension ?? repoRoot, bootstrapExtensionDir, ...(options.web ? [bootstrapWebExtensionDir] : [])],
      prepare: async ({ dirs }) => {
        await options.populate?.(dirs.workspace);
        readyFile = path.join(dirs.run, 'host-ready.json');
        if (options.web) webReportFile = path.join(dirs.run, 'web-report.json');
        if (options.perfMarks) perfMarksFile = path.join(dirs.run, 'perf-marks.json');
        return { MJ_HOST_READY_FILE: readyFile, ...(webReportFile ? { MJ_WEB_REPORT_FILE: webReportFile } : {}), ...(perfMarksFile ? { MJ_PERF_MARKS_FILE: perfMarksFile } : {}) };
      },
    });
    try {
      const { page, consoleLines } = await openBrowser(host);
      // A string, not a function: this project type-checks without the DOM library.
      await page.addInitScript({ content: firstAppearanceScript([...watches.entries()]) });
      const quiet = options.quiet ? await waitForQuiet() : undefined;
      const openedAt = Date.now();
      await page.goto(host.url, { waitUntil: 'domcontentloaded' });
      const wb = new Workbench(host, page, consoleLines, readyFile, openedAt, name, webReportFile, perfMarksFile, quiet);
      await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
      return wb;
    } catch (err) {
      await host.stop();
      throw err;
    }
  }

  get workspaceDir(): string {
    return this.host.dirs.workspace;
  }

  /** Milliseconds since the navigation to the workbench started. */
  sinceOpen(): number {
    return Date.now() - this.openedAt;
  }

  /** Waits until the extension host runs (the bootstrap extension activated); returns its report. */
  async waitForExtensionHost(timeoutMs = 120_000): Promise<HostReady> {
    if (this.readyInfo) return this.readyInfo;
    this.readyInfo = await waitUntil('the extension host to start',
      () => fs.existsSync(this.readyFile) && (JSON.parse(fs.readFileSync(this.readyFile, 'utf8')) as HostReady),
      { timeoutMs, abort: this.host.exitReason });
    return this.readyInfo;
  }

  /**
   * The extension host's performance marks so far (`perfMarks: true`), by name, as Date.now()
   * times: `code/extHost/willLoadExtensionCode/<id>`, `didLoadExtensionCode`,
   * `willActivateExtension` (VS Code calls `activate`) and `didActivateExtension` (it returned and
   * its promise settled). Written by the bootstrap (test/bootstrap-extension/).
   */
  extensionHostMarks(): Record<string, number> {
    if (!this.perfMarksFile) throw new Error('open the workbench with perfMarks: true');
    if (!fs.existsSync(this.perfMarksFile)) return {};
    const marks = JSON.parse(fs.readFileSync(this.perfMarksFile, 'utf8')) as Record<string, number> & { error?: string };
    if (typeof marks.error === 'string') throw new Error(`bootstrap: ${marks.error}`);
    return marks;
  }

  /**
   * What the extension host's own log (remoteexthost.log) says so far: when its process started
   * and when each extension was activated, by which event (Date.now() clock; the log writes local
   * time to the millisecond). Undefined times: not in the log yet.
   */
  extensionHostLog(): ExtensionHostLog {
    const logs = path.join(this.host.dirs.userData, 'logs');
    const text = fs.existsSync(logs)
      ? fs.readdirSync(logs).map((session) => path.join(logs, session, 'exthost1', 'remoteexthost.log')).filter((file) => fs.existsSync(file)).map((file) => fs.readFileSync(file, 'utf8')).join('\n')
      : '';
    const at = (stamp: string) => new Date(stamp.replace(' ', 'T')).getTime();
    const started = /^(\S+ \S+) \[info\] Extension host with pid \d+ started/m.exec(text);
    const activations = [...text.matchAll(/^(\S+ \S+) \[info\] ExtensionService#_doActivateExtension ([^,\s]+), startup: \w+, activationEvent: '([^']*)'/gm)]
      .map((m) => ({ time: at(m[1]!), id: m[2]!, event: m[3]! }));
    return { started: started ? at(started[1]!) : undefined, activations };
  }

  /**
   * A workbench opened with `web: true`: waits until the web bootstrap has seen the product active in
   * the web-worker extension host (and pinned the day there); returns what it saw there.
   */
  async webReport(timeoutMs = 120_000): Promise<WebReport> {
    const file = this.webReportFile;
    if (!file) throw new Error('not a web workbench: open it with Workbench.open({ web: true })');
    const report = await waitUntil('the web bootstrap to report from the web-worker extension host',
      () => fs.existsSync(file) && (JSON.parse(fs.readFileSync(file, 'utf8')) as WebReport),
      { timeoutMs, abort: this.host.exitReason });
    if (report.error) throw new Error(`web bootstrap: ${report.error} (${JSON.stringify(report.host)})`);
    return report;
  }

  /**
   * Time from the start of the navigation to the first appearance of a watched element
   * (see watchFirstAppearance); waits for it up to `timeoutMs`.
   */
  async mark(name: string, timeoutMs = 60_000): Promise<number> {
    if (!watches.has(name)) throw new Error(`no watch named ${name}: call watchFirstAppearance() at the top of the test file`);
    const handle = await this.page.waitForFunction(`window.__mjMarks && window.__mjMarks[${JSON.stringify(name)}]`,
      undefined, { timeout: timeoutMs });
    return (await handle.jsonValue()) as number;
  }

  /** When an element of the watch `name` first appeared, or undefined if none has (no wait). */
  async markedAt(name: string): Promise<number | undefined> {
    if (!watches.has(name)) throw new Error(`no watch named ${name}: call watchFirstAppearance() at the top of the test file`);
    return (await this.page.evaluate(`window.__mjMarks && window.__mjMarks[${JSON.stringify(name)}]`)) as number | undefined;
  }

  /** A row of the Explorer's tree by its name (folder or file at any visible level). */
  explorerItem(name: string): Locator {
    return this.page.locator(`.explorer-folders-view .monaco-list-row[aria-label="${cssString(name)}"]`);
  }

  /** Names of the visible rows of the Explorer. */
  async explorerItems(): Promise<string[]> {
    return this.page.locator('.explorer-folders-view .monaco-list-row')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label') ?? ''));
  }

  /**
   * Runs a command from the command palette by its full label ("Mentoring: Review goals").
   * Fails when the palette offers no such entry.
   */
  async runCommand(label: string, timeoutMs = 15_000): Promise<void> {
    // The palette lists the commands whose `when` holds as it opens, and does not update while
    // open: after a window reload, a context key the extension sets once it has read the journal
    // (`mentoringJournal.hasJournal`) may come a moment later on a busy machine. So the palette
    // is opened again, every few seconds, until the command is there or the time is up.
    const deadline = Date.now() + timeoutMs;
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    const row = this.quickInputRow(label);
    for (;;) {
      await this.dismissQuickInput();
      await this.page.keyboard.press('F1');
      await input.waitFor({ state: 'visible', timeout: timeoutMs });
      await input.fill(`>${label}`, { timeout: timeoutMs });
      const left = deadline - Date.now();
      const found = await row.waitFor({ state: 'visible', timeout: Math.max(1000, Math.min(3000, left)) }).then(() => undefined, (err: Error) => err);
      if (!found) break;
      if (Date.now() >= deadline) {
        const offered = await this.quickInputLabels();
        await this.page.keyboard.press('Escape');
        throw new Error(`command palette has no "${label}" (offered: ${offered.join(' | ') || 'nothing'}): ${found.message}`);
      }
    }
    await row.click();
  }

  /** Opens a workspace file through Quick Open (Ctrl+P) by its path relative to the workspace. */
  async openFile(relativePath: string, timeoutMs = 15_000): Promise<void> {
    await this.dismissQuickInput();
    await this.page.keyboard.press(`${mod}+P`);
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: timeoutMs });
    const base = path.posix.basename(relativePath);
    const dir = path.posix.dirname(relativePath);
    // The entry Enter opens. Right after typing, the list may still be the unfiltered history of
    // recently opened files, which can hold this file below another one: wait until the file
    // (name and folder) is the focused entry.
    const focused = this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row.focused');
    const isTarget = async () => {
      const text = (await focused.first().textContent({ timeout: 500 }).catch(() => null)) ?? '';
      return text.includes(base) && (dir === '.' || text.includes(dir));
    };
    // A file created a moment ago may not be in the file search yet (the watcher lags on a busy
    // machine): type the path again until Quick Open lists it.
    await waitUntil(`Quick Open to offer ${relativePath} first`, async () => {
      await input.fill('');
      await input.fill(relativePath);
      return waitUntil('', isTarget, { timeoutMs: 3000, intervalMs: 100 }).then(() => true, () => false);
    }, { timeoutMs: Math.max(timeoutMs, 30_000), intervalMs: 500 });
    await this.page.keyboard.press('Enter');
    await this.activeTab(base).waitFor({ state: 'visible', timeout: timeoutMs });
    await this.page.locator('.editor-instance .monaco-editor').first().waitFor({ state: 'visible', timeout: timeoutMs });
  }

  /**
   * The lines of the active editor as it shows them, read from the screen: from the top, a page
   * at a time (the editor renders only the lines in view), each wrapped line joined again.
   * Leaves the cursor at the start of the file.
   */
  async editorLines(timeoutMs = 15_000): Promise<string[]> {
    const editor = this.page.locator('.editor-instance .monaco-editor').first();
    await editor.waitFor({ state: 'visible', timeout: timeoutMs });
    if (await this.page.locator('.editor-instance .monaco-editor.focused').count() === 0) await editor.locator('.view-lines').click();
    await this.page.keyboard.press(`${mod}+Home`);
    // The rendered rows, each with the line number the margin shows at its height (none for the
    // continuation of a wrapped line). (No named helper functions in here: see problemRows.)
    const readRows = () => editor.evaluate((el) => {
      const numbers = new Map<number, number>();
      for (const n of el.querySelectorAll('.margin-view-overlays > div')) {
        const text = n.querySelector('.line-numbers')?.textContent?.trim();
        if (text) numbers.set(Math.round(parseFloat(n.getAttribute('style')?.match(/top:\s*([\d.]+)px/)?.[1] ?? '0')), Number(text));
      }
      return [...el.querySelectorAll('.view-lines > .view-line')].map((l) => {
        const top = Math.round(parseFloat(l.getAttribute('style')?.match(/top:\s*([\d.]+)px/)?.[1] ?? '0'));
        return { top, number: numbers.get(top), text: (l.textContent ?? '').replace(/\u00a0/g, ' ') };
      }).sort((a, b) => a.top - b.top);
    });
    const lines = new Map<number, string>();
    let first = -1;
    for (let page = 0; page < 500; page++) {
      const seen = new Map<number, string>();
      let current: number | undefined;
      for (const row of await readRows()) {
        if (row.number !== undefined) current = row.number;
        if (current === undefined) continue; // the tail of a wrapped line whose start is above the view
        seen.set(current, row.number !== undefined ? row.text : `${seen.get(current) ?? ''}${row.text}`);
      }
      // A wrapped line cut at the bottom of the view lacks its tail: keep the longest reading.
      for (const [n, text] of seen) if ((lines.get(n)?.length ?? -1) < text.length) lines.set(n, text);
      const top = Math.min(...seen.keys());
      if (top === first) break; // PageDown did not scroll: the end is in view
      first = top;
      await this.page.keyboard.press('PageDown');
      await waitUntil('the editor to scroll', async () => {
        const numbers = await editor.locator('.margin-view-overlays .line-numbers').allTextContents();
        return Math.min(...numbers.map(Number).filter((n) => n > 0)) !== first;
      }, { timeoutMs: 1000, intervalMs: 50 }).catch(() => undefined);
    }
    await this.page.keyboard.press(`${mod}+Home`);
    return Array.from({ length: Math.max(0, ...lines.keys()) }, (_, i) => lines.get(i + 1) ?? '');
  }

  /** The active editor tab showing `fileName`. */
  activeTab(fileName: string): Locator {
    return this.page.locator(`.tabs-container .tab.active[data-resource-name="${cssString(fileName)}"]`);
  }

  /** Puts the cursor in the active editor at the given 1-based line and column (Go to Line). */
  async goToLine(line: number, column = 1): Promise<void> {
    await this.dismissQuickInput();
    await this.page.keyboard.press(`${mod}+G`);
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible' });
    await input.fill(`:${line}:${column}`);
    await this.page.keyboard.press('Enter');
    // Keys pressed before the editor has the focus back would be lost.
    await input.waitFor({ state: 'hidden' });
    await this.focusEditor();
  }

  /**
   * Makes sure the keyboard goes to the active text editor: waits until the page's focused
   * element is inside it, and gives it the focus (View: Focus Active Editor Group) when something
   * else keeps it. The editor's `.focused` class is no proof: Monaco updates it when it next
   * renders, so it can still be there while a quick input has the keyboard, or already gone.
   */
  async focusEditor(timeoutMs = 15_000): Promise<void> {
    // A string, not a function: this project type-checks without the DOM library.
    const focused = () => this.page.evaluate<boolean>("!!document.activeElement?.closest('.editor-instance .monaco-editor')");
    const settled = () => waitUntil('the editor to have the focus', focused, { timeoutMs: 2000, intervalMs: 50 }).then(() => true, () => false);
    if (await settled()) return;
    await this.runCommand('View: Focus Active Editor Group');
    await waitUntil('the editor to have the focus', focused, { timeoutMs, intervalMs: 50 });
  }

  /**
   * Types a snippet's prefix in the active editor, opens suggestions and accepts the entry whose
   * label is `prefix` (or `label`). Fails when the suggestion list has no such entry.
   */
  async insertSnippet(prefix: string, label = prefix, timeoutMs = 15_000, options: SnippetOptions = {}): Promise<void> {
    // Type where the cursor is, once the editor has the keyboard, and see the prefix arrive.
    await this.focusEditor(timeoutMs);
    await this.page.keyboard.type(prefix);
    const lines = this.page.locator('.editor-instance .monaco-editor').filter({ has: this.page.locator(':focus') }).locator('.view-lines');
    await waitUntil(`"${prefix}" to be typed into the editor`, async () => ((await lines.textContent()) ?? '').replace(/\u00a0/g, ' ').includes(prefix), { timeoutMs });
    // Ctrl+Space (Trigger Suggest) acts only while the editor has the keyboard, and right after
    // start-up the snippets may not be loaded yet ("No suggestions."): ask again in either case,
    // from a known state (the list closed, the editor focused).
    const widget = this.suggestWidget();
    const row = widget.locator('.monaco-list-row').filter({ has: this.page.locator('.label-name', { hasText: label }) }).first();
    await waitUntil(`the suggestion "${label}"`, async () => {
      if (await row.isVisible()) return true;
      if (await widget.isVisible()) {
        await this.page.keyboard.press('Escape');
        await widget.waitFor({ state: 'hidden', timeout: 2000 }).catch(() => undefined);
      }
      await this.focusEditor(timeoutMs);
      await this.page.keyboard.press('Control+Space');
      return row.waitFor({ state: 'visible', timeout: 3000 }).then(() => true, () => false);
    }, { timeoutMs, intervalMs: 100 }).catch(async (err: Error) => {
      const offered = await widget.locator('.monaco-list-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label') ?? ''));
      await this.page.keyboard.press('Escape');
      throw new Error(`no suggestion "${label}" for "${prefix}" (offered: ${offered.join(' | ') || 'nothing'}): ${err.message}`);
    });
    if (options.beforeAccept) {
      // Focus the entry (its details show beside the list) and let the caller look at the list.
      await row.hover();
      await options.beforeAccept(widget);
    }
    await row.click();
    // The list closes, or (a snippet with a choice) shows the choices instead.
    await waitUntil(`"${label}" to be accepted`, async () => !(await widget.isVisible()) || (await row.count()) === 0, { timeoutMs });
  }

  /**
   * Opens the suggestion list at the cursor of the active editor (Ctrl+Space) and returns the
   * labels it offers, without accepting any; the list stays open (Escape closes it).
   */
  async suggestions(timeoutMs = 15_000): Promise<string[]> {
    const widget = this.suggestWidget();
    const rows = widget.locator('.monaco-list-row');
    // Right after start-up a provider may not be registered yet ("No suggestions."): ask again.
    await waitUntil('suggestions', async () => {
      await this.page.keyboard.press('Control+Space');
      if (await rows.first().waitFor({ state: 'visible', timeout: 2000 }).then(() => true, () => false)) return true;
      await this.page.keyboard.press('Escape');
      return false;
    }, { timeoutMs, intervalMs: 500 });
    return rows.locator('.label-name').evaluateAll((els) => els.map((e) => e.textContent ?? ''));
  }

  /**
   * Opens the Quick Fix menu at the cursor of the active editor (Ctrl+.) and returns it once it
   * lists an entry containing `waitFor`; asks again while the fixes are not computed yet.
   */
  async quickFixMenu(waitFor: string, timeoutMs = 15_000): Promise<Locator> {
    const menu = this.page.locator('.action-widget:not(.action-list-submenu-panel)').first();
    const entry = menu.locator('.monaco-list-row').filter({ hasText: waitFor }).first();
    await waitUntil(`a quick fix "${waitFor}"`, async () => {
      await this.page.keyboard.press(`${mod}+.`);
      if (await entry.waitFor({ state: 'visible', timeout: 2000 }).then(() => true, () => false)) return true;
      await this.page.keyboard.press('Escape');
      return false;
    }, { timeoutMs, intervalMs: 500 });
    return menu;
  }

  /** The editor's suggestion (completion) list. */
  suggestWidget(): Locator {
    return this.page.locator('.editor-widget.suggest-widget');
  }

  /** Saves the active editor (Ctrl+S) and returns the file's text as written to disk. */
  async saveAndRead(relativePath: string): Promise<string> {
    const file = path.join(this.workspaceDir, relativePath);
    const before = fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0;
    await this.page.keyboard.press(`${mod}+S`);
    await waitUntil(`${relativePath} to be saved`, () => fs.existsSync(file) && fs.statSync(file).mtimeMs !== before, { timeoutMs: 10_000 });
    // The write may still be under way when the time stamp changes: wait for the editor to say
    // it is saved, then for the content to stay the same between two reads.
    await this.page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached', timeout: 10_000 });
    let last = '';
    return waitUntil(`${relativePath} to be written`, () => {
      const text = fs.readFileSync(file, 'utf8');
      const stable = text === last;
      last = text;
      return stable && text !== '' ? text : undefined;
    }, { timeoutMs: 10_000, intervalMs: 100 });
  }

  /** A file of the temp workspace as it is on disk now. */
  readWorkspaceFile(relativePath: string): string {
    return fs.readFileSync(path.join(this.workspaceDir, relativePath), 'utf8');
  }

  /**
   * Opens the Problems panel and returns its rows' accessible labels: file rows ("agreement.md")
   * and problem rows, as VS Code reads them out (severity, message, source, line and column).
   * With `waitFor`, waits until a row contains that text.
   */
  async problems(waitFor?: string, timeoutMs = 30_000): Promise<string[]> {
    await this.runCommand('View: Focus Problems (Errors, Warnings, Infos)');
    const rows = this.page.locator('.markers-panel .monaco-list-row');
    if (waitFor) await rows.filter({ hasText: waitFor }).first().waitFor({ state: 'visible', timeout: timeoutMs });
    return rows.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? e.textContent ?? ''));
  }

  /** Opens a view container of the activity bar by its title ("Explorer", "Mentoring"). */
  async openViewContainer(title: string, timeoutMs = 15_000): Promise<void> {
    const item = this.page.locator(`.activitybar .action-item a[aria-label^="${cssString(title)}"], .activitybar .action-item .action-label[aria-label^="${cssString(title)}"]`).first();
    await item.waitFor({ state: 'visible', timeout: timeoutMs });
    // The entry's tab (li) is selected while its container shows; clicking it then would hide the side bar.
    const tab = item.locator('xpath=ancestor::li[contains(@class, "action-item")][1]');
    const shown = async () => (await tab.getAttribute('aria-selected')) === 'true' && await this.page.locator('.part.sidebar').isVisible();
    if (await shown()) return;
    await item.click();
    await waitUntil(`the ${title} view container to show`, shown, { timeoutMs });
  }

  /** Rows of a view's tree (by the view's title), as their accessible labels. */
  async treeItems(viewTitle: string): Promise<string[]> {
    const pane = this.viewPane(viewTitle);
    await pane.waitFor({ state: 'visible' });
    return pane.locator('.monaco-list-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label') ?? ''));
  }

  /** A view's pane in the side bar, by its title. */
  viewPane(viewTitle: string): Locator {
    return this.page.locator('.pane').filter({ has: this.page.locator(`.pane-header[aria-label^="${cssString(viewTitle)}"]`) });
  }

  /**
   * The visible rows of a view's tree (by the view's title), as a user sees them: label,
   * description, the codicon of the icon (`play-circle`), depth (1 = top level) and whether
   * the row is expanded (undefined for a leaf).
   */
  async treeRows(viewTitle: string): Promise<TreeRow[]> {
    const pane = this.viewPane(viewTitle);
    await pane.waitFor({ state: 'visible' });
    return pane.locator('.monaco-list-row').evaluateAll((rows) => rows.map((r) => {
      const icon = r.querySelector('.custom-view-tree-node-item-icon');
      const codicon = [...(icon?.classList ?? [])].find((c) => c.startsWith('codicon-') && c !== 'codicon-colored');
      const expanded = r.getAttribute('aria-expanded');
      return {
        label: r.querySelector('.label-name')?.textContent ?? '',
        description: r.querySelector('.label-description')?.textContent ?? '',
        icon: codicon ? codicon.slice('codicon-'.length) : '',
        level: Number(r.getAttribute('aria-level')),
        expanded: expanded === null ? undefined : expanded === 'true',
        top: parseFloat(r.getAttribute('style')?.match(/top:\s*([\d.]+)px/)?.[1] ?? '0'),
      };
    }).sort((a, b) => a.top - b.top).map(({ top: _top, ...row }) => row));
  }

  /** The row of a view's tree whose label is exactly `label` (the first, or the one under `parentLabel`'s row). */
  treeRow(viewTitle: string, label: string): Locator {
    return this.viewPane(viewTitle).locator('.monaco-list-row')
      .filter({ has: this.page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(label)}$`) }) }).first();
  }

  /** Expands a collapsed row of a view's tree (by its label) and waits until it is expanded. */
  /** The description of the row `label` under `parent` (which is expanded first), e.g. "9 sessions". */
  async treeRowDescription(viewTitle: string, parent: string, label: string): Promise<string> {
    await this.expandTreeItem(viewTitle, parent);
    const row = this.treeRow(viewTitle, label);
    await row.waitFor({ state: 'visible' });
    return (await row.locator('.label-description').textContent()) ?? '';
  }

  async expandTreeItem(viewTitle: string, label: string, timeoutMs = 15_000): Promise<void> {
    const row = this.treeRow(viewTitle, label);
    await row.waitFor({ state: 'visible', timeout: timeoutMs });
    // The row can be drawn anew between the click and its expansion: a relationship listed before
    // its report is computed shows as a pending row (nothing to expand yet), then as its full row,
    // collapsed. So the twistie is clicked again while the row shows collapsed, a few seconds
    // apart (a click while its children load would fold it again), until it shows expanded.
    let clickedAt = 0;
    await waitUntil(`"${label}" to expand`, async () => {
      const expanded = await row.getAttribute('aria-expanded');
      if (expanded === 'true') return true;
      if (expanded === 'false' && Date.now() - clickedAt > EXPAND_AGAIN_MS) {
        await row.locator('.monaco-tl-twistie').click();
        clickedAt = Date.now();
      }
      return false;
    }, { timeoutMs });
  }

  /**
   * The problem rows of the Problems panel (opening it), as shown: severity, message, source,
   * code, `[Ln 5, Col 6]`, and the file row above each. With `waitFor`, waits until a row
   * contains that text.
   */
  async problemRows(waitFor?: string, timeoutMs = 30_000): Promise<ProblemRow[]> {
    await this.problems(waitFor, timeoutMs);
    return this.page.locator('.markers-panel .monaco-list-row').evaluateAll((rows) => {
      const sorted = rows.map((r) => ({ r, top: parseFloat(r.getAttribute('style')?.match(/top:\s*([\d.]+)px/)?.[1] ?? '0') }))
        .sort((a, b) => a.top - b.top).map((x) => x.r);
      const out: Array<{ file: string; folder: string; severity: string; message: string; source: string; code: string; position: string }> = [];
      let file = '';
      let folder = '';
      for (const r of sorted) {
        // (No named helper functions in here: the bundler would wrap them in a call the page does not have.)
        const [name, description, message, source, code, position] = ['.label-name', '.label-description', '.marker-message', '.marker-source', '.marker-code', '.marker-line']
          .map((sel) => r.querySelector(sel)?.textContent?.trim() ?? '');
        if (r.getAttribute('aria-level') === '1') {
          file = name ?? '';
          folder = description ?? '';
          continue;
        }
        const severity = ['error', 'warning', 'info'].find((s) => r.querySelector(`.marker-icon.${s}`)) ?? '';
        out.push({ file, folder, severity, message: message ?? '', source: source ?? '', code: code ?? '', position: position ?? '' });
      }
      return out;
    });
  }

  /** Chooses an entry of the open quick pick by its label (waits for it). */
  async pickQuickInput(label: string, timeoutMs = 15_000): Promise<void> {
    const row = this.quickInputRow(label);
    await row.waitFor({ state: 'visible', timeout: timeoutMs }).catch(async (err: Error) => {
      throw new Error(`quick pick has no "${label}" (offered: ${(await this.quickInputLabels()).join(' | ') || 'nothing'}): ${err.message}`);
    });
    await row.click();
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: timeoutMs });
  }

  /**
   * The content of the visible webview (an editor panel such as Review goals). VS Code puts a
   * webview's page in an iframe (`iframe.webview`) whose own iframe (`#active-frame`) holds the
   * extension's HTML.
   */
  webview(): FrameLocator {
    return this.page.frameLocator('iframe.webview.ready:visible').frameLocator('#active-frame');
  }

  /** Shows the editor's hover at the cursor (Show or Focus Hover) and returns its locator once visible. */
  async showHover(timeoutMs = 15_000): Promise<Locator> {
    await this.page.keyboard.press(`${mod}+K`);
    await this.page.keyboard.press(`${mod}+I`);
    const hover = this.page.locator('.monaco-editor .monaco-hover:not(.hidden)').first();
    await hover.waitFor({ state: 'visible', timeout: timeoutMs });
    return hover;
  }

  /**
   * Opens the Settings editor (Preferences: Open Settings (UI)) and searches for `query`
   * (`@ext:publisher.name`, a word); waits until the search shows its results, and returns them
   * as shown (see settingRows).
   */
  async openSettings(query: string, timeoutMs = 15_000): Promise<SettingRow[]> {
    await this.runCommand('Preferences: Open Settings (UI)');
    const editor = this.page.locator('.settings-editor');
    await editor.waitFor({ state: 'visible', timeout: timeoutMs });
    const search = editor.locator('.settings-header .suggest-input-container .monaco-editor').first();
    await search.waitFor({ state: 'visible', timeout: timeoutMs });
    await search.click();
    await this.page.keyboard.press(`${mod}+A`);
    await this.page.keyboard.insertText(query);
    // The search box's suggestions (@ext:, @tag:) would cover the settings, and Escape would close
    // the Settings editor (a modal in VS Code 1.139): click the blank foot of the table of contents.
    const suggestions = editor.locator('.suggest-widget.visible');
    if (await suggestions.waitFor({ state: 'visible', timeout: 1000 }).then(() => true, () => false)) {
      const toc = await editor.locator('.settings-toc-container').boundingBox();
      if (toc) await this.page.mouse.click(toc.x + 10, toc.y + toc.height - 10);
      await suggestions.waitFor({ state: 'hidden', timeout: 5000 }).catch(() => undefined);
    }
    // The count ("7 Settings Found") shows once the search is done.
    const count = editor.locator('.settings-count-widget');
    let seen = '';
    await waitUntil(`the Settings editor to show the settings for "${query}"`, async () => {
      seen = (await count.isVisible()) ? await count.innerText() : '(no count)';
      return /\d+ Settings? Found/i.test(seen) && (await this.settingRows()).length > 0;
    }, { timeoutMs, intervalMs: 250 }).catch(async (err: Error) => {
      const header = await editor.locator('.settings-header').innerText().catch(() => '');
      throw new Error(`${err.message}; the count said ${seen}, the header ${JSON.stringify(header)}`);
    });
    return this.settingRows();
  }

  /**
   * The settings the open Settings editor shows (the rows rendered in view, top to bottom): the
   * category ("Mentoring Journal: "), the title ("Grace Days") and the description, as shown.
   */
  async settingRows(): Promise<SettingRow[]> {
    return this.page.locator('.settings-editor .settings-tree-container .monaco-list-row').evaluateAll((rows) => rows
      .filter((r) => r.querySelector('.setting-item-label'))
      .map((r) => ({
        top: parseFloat(r.getAttribute('style')?.match(/top:\s*([\d.]+)px/)?.[1] ?? '0'),
        category: (r.querySelector('.setting-item-category')?.textContent ?? '').trim(),
        title: (r.querySelector('.setting-item-label')?.textContent ?? '').trim(),
        description: (r.querySelector('.setting-item-description')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
      }))
      .sort((a, b) => a.top - b.top)
      .map(({ top: _top, ...row }) => row));
  }

  /** Drags the side bar's edge so that the side bar is `width` pixels wide. */
  async resizeSideBar(width: number): Promise<void> {
    const sidebar = this.page.locator('.part.sidebar');
    const box = await sidebar.boundingBox();
    if (!box) throw new Error('no side bar visible');
    const y = box.y + box.height / 2;
    const edge = box.x + box.width;
    // The vertical sash nearest to the side bar's right edge.
    const sashes = await this.page.locator('.monaco-sash.vertical:visible').evaluateAll((els) => els.map((e) => {
      const r = e.getBoundingClientRect();
      return { x: r.x + r.width / 2, top: r.y, bottom: r.y + r.height };
    }));
    const sash = sashes.filter((s) => s.top <= y && s.bottom >= y).sort((a, b) => Math.abs(a.x - edge) - Math.abs(b.x - edge))[0];
    if (!sash || Math.abs(sash.x - edge) > 6) throw new Error(`no sash at the side bar's edge (${edge}): ${JSON.stringify(sashes)}`);
    await this.page.mouse.move(sash.x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(sash.x + (width - box.width) / 2, y, { steps: 4 });
    await this.page.mouse.move(sash.x + width - box.width, y, { steps: 4 });
    await this.page.mouse.up();
    await waitUntil(`the side bar to be ${width} px wide`, async () => Math.abs(((await sidebar.boundingBox())?.width ?? 0) - width) <= 4, { timeoutMs: 5000 });
  }

  /** Hides the panel (Problems, Output, Terminal) when it shows. */
  async hidePanel(): Promise<void> {
    const panel = this.page.locator('.part.panel');
    if (!(await panel.isVisible())) return;
    await this.runCommand('View: Hide Panel');
    await panel.waitFor({ state: 'hidden' });
  }

  /** Closes whatever quick input (palette, quick pick) is open. */
  /** A clean workbench for the next test: no quick input, no editor open, and (with `panel: false`) the panel hidden. */
  async reset(options: { panel?: boolean } = {}): Promise<void> {
    await this.dismissQuickInput();
    await this.runCommand('View: Close All Editors');
    if (options.panel === false) await this.hidePanel();
  }

  /**
   * Waits until the open input box shows `value` and a message (the text under the box) that
   * matches; returns what it shows. Steps of a command reuse the widget, so this is how a test
   * knows the next step is there; on a time-out it says what the box showed instead.
   */
  /**
   * Waits until the open input box shows `message` below it and `value` in it (and, when given,
   * `title` above it: the widget is reused from the quick pick before it, and its parts are
   * redrawn on separate frames), and returns what it shows.
   */
  async inputBox(message: RegExp, value: string, title?: string): Promise<{ title: string; value: string; placeholder: string; message: string }> {
    let last: Awaited<ReturnType<Workbench['quickInputState']>> | undefined;
    return waitUntil(`the input box to say ${message} with "${value}" in it${title === undefined ? '' : ` under "${title}"`}`, async () => {
      last = await this.quickInputState().catch(() => undefined);
      return last && message.test(last.message) && last.value === value && (title === undefined || last.title === title) ? last : undefined;
    }, { timeoutMs: 15_000 }).catch((err: Error) => {
      throw new Error(`${err.message}; it shows ${JSON.stringify(last)}`);
    });
  }

  async dismissQuickInput(): Promise<void> {
    const widget = this.page.locator('.quick-input-widget');
    if (await widget.isVisible()) {
      await this.page.keyboard.press('Escape');
      await widget.waitFor({ state: 'hidden' });
    }
  }

  /**
   * What the open quick input (a quick pick or an input box) shows: its title, the text typed
   * (or suggested) in the box, the placeholder, and the line below the box (an input box's
   * prompt, or its validation message). Empty strings for what it does not show.
   */
  async quickInputState(): Promise<{ title: string; value: string; placeholder: string; message: string }> {
    const widget = this.page.locator('.quick-input-widget');
    await widget.waitFor({ state: 'visible' });
    const text = async (selector: string) => {
      const el = widget.locator(selector).first();
      return (await el.isVisible()) ? (await el.innerText()).trim() : '';
    };
    const input = widget.locator('.quick-input-box input').first();
    return {
      title: await text('.quick-input-title'),
      value: await input.inputValue(),
      placeholder: (await input.getAttribute('placeholder')) ?? '',
      message: await text('.quick-input-message'),
    };
  }

  /** Labels offered by the open quick input. */
  async quickInputLabels(): Promise<string[]> {
    return this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label') ?? ''));
  }

  /** An entry of the open quick input whose label is `label` (optionally followed by ", keybinding"). */
  quickInputRow(label: string): Locator {
    return this.page.locator(
      `.quick-input-widget .quick-input-list .monaco-list-row[aria-label="${cssString(label)}"], `
      + `.quick-input-widget .quick-input-list .monaco-list-row[aria-label^="${cssString(label)},"]`,
    ).first();
  }

  /**
   * Screenshot of the page, of one element, or of a region of the page (`clip`, in page
   * pixels), into test-results/screenshots/<name>.png.
   */
  async screenshot(name: string, target?: Locator | Clip): Promise<string> {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    const file = path.join(SCREENSHOTS, `${name}.png`);
    if (target && 'screenshot' in target) await target.screenshot({ path: file });
    else if (target) await this.page.screenshot({ path: file, clip: target });
    else await this.page.screenshot({ path: file });
    return file;
  }

  /** Stops Chromium and code-server; copies the logs into test-results/<name>/logs/. */
  async close(): Promise<void> {
    const logs = collectLogs(this.host, this.name, { 'browser-console.log': this.consoleLines.join('\n') + '\n' });
    if (this.readyInfo) fs.writeFileSync(path.join(logs, 'host-ready.json'), JSON.stringify(this.readyInfo, null, 2));
    await this.host.stop();
  }
}

/**
 * Page script recording in `window.__mjMarks[name]` the `performance.now()` (milliseconds since
 * the navigation started) at which an element matching each selector first appears.
 */
function firstAppearanceScript(watched: Array<[string, string]>): string {
  return `(() => {
  const watched = ${JSON.stringify(watched)};
  const marks = {};
  window.__mjMarks = marks;
  let observer;
  const check = () => {
    let pending = 0;
    for (const [name, selector] of watched) {
      if (name in marks) continue;
      if (document.querySelector(selector)) marks[name] = performance.now();
      else pending++;
    }
    if (pending === 0 && observer) observer.disconnect();
  };
  observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, attributes: true });
})();`;
}

/** Escapes a value for a double-quoted CSS attribute selector. */
function cssString(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
