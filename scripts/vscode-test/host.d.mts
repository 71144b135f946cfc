// Types of host.mjs, for the TypeScript end-to-end tests (test/e2e/).
import type { ChildProcess } from 'node:child_process';
import type { BrowserContext, Page } from 'playwright-core';

export const repoRoot: string;
export const cacheDir: string;
export const node24Home: string;
export const node24: string;
export const codeServerEntry: string;
export const chromiumPath: string;
export const bootstrapExtensionDir: string;
export const bootstrapWebExtensionDir: string;
export const WEB_BOOTSTRAP_ID: string;
export const resultsDir: string;
export const PRODUCT_ID: string;
/** The day the VS Code tiers run on (`MJ_TEST_TODAY` in the extension host). */
export const TEST_TODAY: string;
export const CHROMIUM_ARGS: string[];
export const USER_SETTINGS: Record<string, unknown>;
export const UNTRUSTED_SETTINGS: Record<string, unknown>;

export interface ExtensionManifest {
  publisher: string;
  name: string;
  version: string;
  main?: string;
  browser?: string;
  [key: string]: unknown;
}

export interface InstalledExtension {
  id: string;
  dir: string;
  manifest: ExtensionManifest;
  /** Paths relative to `dir`: what the extension's .vsix would hold. */
  files: string[];
}

export interface HostDirs {
  tmp: string;
  userData: string;
  extensions: string;
  workspace: string;
  browserProfile: string;
  home: string;
  run: string;
}

export interface Host {
  name: string;
  port: number;
  url: string;
  dirs: HostDirs;
  installed: InstalledExtension[];
  workspaceEntries: string[];
  logFile: string;
  child: ChildProcess;
  startMs: number;
  /** false: started without --disable-workspace-trust, in Restricted Mode. */
  trust: boolean;
  browser: BrowserContext | null;
  exited(): { code: number | null; signal: string | null } | null;
  exitReason(): string | undefined;
  stop(): Promise<void>;
}

export interface StartHostOptions {
  name: string;
  extensions: string[];
  env?: Record<string, string>;
  keep?: boolean;
  settings?: Record<string, unknown>;
  /** Default true (--disable-workspace-trust); false opens the workspace in Restricted Mode (UNTRUSTED_SETTINGS). */
  trust?: boolean;
  prepare?: (ctx: { dirs: HostDirs; installed: InstalledExtension[] }) =>
    Record<string, string> | void | Promise<Record<string, string> | void>;
}

export function log(prefix: string, message: string): void;
export function assertSetup(): void;
export function readManifest(dir: string): ExtensionManifest;
export function packagedFiles(dir: string): string[];
export function installExtensionFolder(sourceDir: string, extensionsDir: string): InstalledExtension;
export function prepareWorkspace(dest: string): string[];
export function freePort(): Promise<number>;
type Falsy = false | 0 | '' | null | undefined;
export function waitUntil<T>(
  what: string,
  check: () => T | Falsy | Promise<T | Falsy>,
  options: { timeoutMs: number; intervalMs?: number; abort?: () => string | undefined },
): Promise<T>;
export function startHost(options: StartHostOptions): Promise<Host>;
export function stopAllHosts(): Promise<void>;
export function waitForQuiet(options?: { busyBelow?: number; windowMs?: number; maxMs?: number }): Promise<{ waitedMs: number; busy: number }>;
export function stopHostsOnSignals(): void;
export function openBrowser(
  host: Host,
  options?: { viewport?: { width: number; height: number } },
): Promise<{ context: BrowserContext; page: Page; consoleLines: string[] }>;
export function tail(file: string, lines?: number): string;
export function listFiles(dir: string): string[];
export function collectLogs(host: Host, tier: string, extra?: Record<string, string>): string;
export function extensionHostErrors(host: Host): string[];
export function writeTierSummary(
  tier: string,
  counts: { total: number; passed: number; failed: number; pending?: number; durationMs: number; ok: boolean; extra?: Record<string, unknown> },
): Record<string, unknown>;
