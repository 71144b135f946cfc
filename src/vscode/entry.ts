import type * as vscode from 'vscode';
import type * as Extension from './extension';
import type { MentoringJournalApi } from './feature';

/**
 * The Node extension host's entry (package.json `main`, dist/extension.js): a few lines that load
 * the extension itself (dist/main.js, built from extension.ts) while VS Code prepares its context.
 *
 * VS Code activates an extension in two parts at once: it requires the module, and it asks the
 * window for the extension's stored state (`globalState`, `workspaceState`). The request goes out
 * on a timer, so a module that loads without a break (ours: 35 ms on an idle 2-core machine, 42–116
 * ms while the window starts) holds the request back by as much, and `activate` waits for both,
 * one after the other (docs/performance.md). This entry loads in a moment; the extension's code is loaded on the
 * next timer, after the request is on its way, and is ready by the time the answer comes back.
 * If VS Code calls `activate` first, `activate` loads it there and then. (The web worker's bundle,
 * dist/web/extension.js, stays one file: a web extension is one script.)
 */

let loaded: typeof Extension | undefined;

function load(): typeof Extension {
  // Not an import: esbuild would bundle it into this entry (see scripts/build.mjs).
  return (loaded ??= require('./main.js') as typeof Extension);
}

setTimeout(() => {
  try {
    load();
  } catch {
    // `activate` loads it again and reports the error to VS Code, which shows it.
  }
}, 0);

export function activate(extension: vscode.ExtensionContext): MentoringJournalApi {
  return load().activate(extension);
}

export function deactivate(): void {
  loaded?.deactivate();
}
