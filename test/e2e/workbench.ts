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
import type { Locator, Page } from 'playwright-core';
import {
  bootstrapExtensionDir, collectLogs, type Host, openBrowser, repoRoot, resultsDir, startHost, waitUntil,
} from '../../scripts/vscode-test/host.mjs';

export const E2E_RESULTS = path.join(resultsDir, 'e2e');
export const SCREENSHOTS = path.join(resultsDir, 'screenshots');
const isMac = process.platform === 'darwin';
const mod = isMac ? 'Meta' : 'Control';

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
}

let current: Workbench | undefined;

/** The workbench that test/e2e/run.ts opened for this run. */
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
  fs.mkdirSync(E2E_RESULTS, { recursive: true });
  const file = path.join(E2E_RESULTS, 'metrics.json');
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
  ) {
    this.consoleLines = consoleLines;
  }

  /** Starts code-server and loads the workbench on the fixture workspace. */
  static async open(options: OpenOptions = {}): Promise<Workbench> {
    const name = options.name ?? 'e2e';
    let readyFile = '';
    const host = await startHost({
      name,
      keep: options.keep,
      settings: options.settings,
      extensions: [options.extension ?? repoRoot, bootstrapExtensionDir],
      prepare: async ({ dirs }) => {
        await options.populate?.(dirs.workspace);
        readyFile = path.join(dirs.run, 'host-ready.json');
        return { MJ_HOST_READY_FILE: readyFile };
      },
    });
    try {
      const { page, consoleLines } = await openBrowser(host);
      // A string, not a function: this project type-checks without the DOM library.
      await page.addInitScript({ content: firstAppearanceScript([...watches.entries()]) });
      const openedAt = Date.now();
      await page.goto(host.url, { waitUntil: 'domcontentloaded' });
      const wb = new Workbench(host, page, consoleLines, readyFile, openedAt, name);
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
   * Time from the start of the navigation to the first appearance of a watched element
   * (see watchFirstAppearance); waits for it up to `timeoutMs`.
   */
  async mark(name: string, timeoutMs = 60_000): Promise<number> {
    if (!watches.has(name)) throw new Error(`no watch named ${name}: call watchFirstAppearance() at the top of the test file`);
    const handle = await this.page.waitForFunction(`window.__mjMarks && window.__mjMarks[${JSON.stringify(name)}]`,
      undefined, { timeout: timeoutMs });
    return (await handle.jsonValue()) as number;
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
    await this.dismissQuickInput();
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: timeoutMs });
    await input.fill(`>${label}`);
    const row = this.quickInputRow(label);
    await row.waitFor({ state: 'visible', timeout: timeoutMs }).catch(async (err: Error) => {
      const offered = await this.quickInputLabels();
      await this.page.keyboard.press('Escape');
      throw new Error(`command palette has no "${label}" (offered: ${offered.join(' | ') || 'nothing'}): ${err.message}`);
    });
    await row.click();
  }

  /** Opens a workspace file through Quick Open (Ctrl+P) by its path relative to the workspace. */
  async openFile(relativePath: string, timeoutMs = 15_000): Promise<void> {
    await this.dismissQuickInput();
    await this.page.keyboard.press(`${mod}+P`);
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: timeoutMs });
    await input.fill(relativePath);
    const base = path.posix.basename(relativePath);
    const row = this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row').filter({ hasText: base }).first();
    await row.waitFor({ state: 'visible', timeout: timeoutMs });
    await this.page.keyboard.press('Enter');
    await this.activeTab(base).waitFor({ state: 'visible', timeout: timeoutMs });
    await this.page.locator('.editor-instance .monaco-editor').first().waitFor({ state: 'visible', timeout: timeoutMs });
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
  }

  /**
   * Types a snippet's prefix in the active editor, opens suggestions and accepts the entry whose
   * label is `prefix` (or `label`). Fails when the suggestion list has no such entry.
   */
  async insertSnippet(prefix: string, label = prefix, timeoutMs = 15_000): Promise<void> {
    // Type where the cursor is; give the editor the focus first if something else has it.
    if (await this.page.locator('.editor-instance .monaco-editor.focused').count() === 0) {
      await this.runCommand('View: Focus Active Editor Group');
      await this.page.locator('.editor-instance .monaco-editor.focused').first().waitFor({ state: 'visible', timeout: timeoutMs });
    }
    await this.page.keyboard.type(prefix);
    await this.page.keyboard.press(`Control+Space`);
    const widget = this.page.locator('.editor-widget.suggest-widget');
    await widget.waitFor({ state: 'visible', timeout: timeoutMs });
    const row = widget.locator('.monaco-list-row').filter({ has: this.page.locator('.label-name', { hasText: label }) }).first();
    await row.waitFor({ state: 'visible', timeout: timeoutMs }).catch(async (err: Error) => {
      const offered = await widget.locator('.monaco-list-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label') ?? ''));
      await this.page.keyboard.press('Escape');
      throw new Error(`no suggestion "${label}" for "${prefix}" (offered: ${offered.join(' | ') || 'nothing'}): ${err.message}`);
    });
    await row.click();
    await widget.waitFor({ state: 'hidden', timeout: timeoutMs });
  }

  /** Saves the active editor (Ctrl+S) and returns the file's text as written to disk. */
  async saveAndRead(relativePath: string): Promise<string> {
    const file = path.join(this.workspaceDir, relativePath);
    const before = fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0;
    await this.page.keyboard.press(`${mod}+S`);
    await waitUntil(`${relativePath} to be saved`, () => fs.existsSync(file) && fs.statSync(file).mtimeMs !== before, { timeoutMs: 10_000 });
    return fs.readFileSync(file, 'utf8');
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
    const pressed = await item.locator('xpath=..').getAttribute('aria-pressed').catch(() => null);
    if (pressed !== 'true') await item.click();
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

  /** Closes whatever quick input (palette, quick pick) is open. */
  async dismissQuickInput(): Promise<void> {
    const widget = this.page.locator('.quick-input-widget');
    if (await widget.isVisible()) {
      await this.page.keyboard.press('Escape');
      await widget.waitFor({ state: 'hidden' });
    }
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

  /** Screenshot of the page, or of one element, into test-results/screenshots/<name>.png. */
  async screenshot(name: string, target?: Locator): Promise<string> {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    const file = path.join(SCREENSHOTS, `${name}.png`);
    if (target) await target.screenshot({ path: file });
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
