import * as vscode from 'vscode';
import { localToday } from '../core';
import { createEditingApi } from './editing';
import type { MentoringJournalApi } from './feature';
import { FIRST_FEATURES, LATER_FEATURES } from './features';
import { within } from './events';
import { GitHistory } from './gitHistory';
import { JournalService } from './journalService';
import { fileAccess } from './workspaceFileSystem';

/** How long after the first build the git extension may be activated for the goals' history. */
const GIT_ACTIVATION_DELAY_MS = 1000;

/**
 * The longest the features that can wait (LATER_FEATURES) wait for the tree's first rows: a view
 * that is shown but never asks, or a journal slow to list (a remote file system), holds them up
 * no longer.
 */
const LATER_FEATURES_WAIT_MS = 1000;

/**
 * Wires the features together. Reads no files: once `activate` has returned, the index is built
 * in the background if the workspace holds a journal (JournalService.startIfJournal).
 *
 * The rows first: `activate` registers what the Relationships tree needs and what VS Code needs
 * from `activate` itself (FIRST_FEATURES); the rest (LATER_FEATURES) once the tree has its first
 * rows, or at once when the view is not shown, or after LATER_FEATURES_WAIT_MS, and the first
 * build has started (never in a workspace without a journal that nobody asks about). Between the
 * activation and the rows the window is busy starting itself (docs/performance.md): everything
 * sent to it then, a provider, a view, a status bar entry, a context key, is work it does before
 * it draws the rows. `api.registered` resolves once every feature is registered.
 */
export function activate(extension: vscode.ExtensionContext): MentoringJournalApi {
  const started = Date.now();
  const service = new JournalService();
  // Reads nothing until a view asks for a relationship's history; activates the git extension (if
  // nothing else did) only once the journal is read and the view has had a moment to show it.
  const gitHistory = new GitHistory(() => service.ready().then(() => new Promise((resolve) => setTimeout(resolve, GIT_ACTIVATION_DELAY_MS))));
  const api: MentoringJournalApi = {
    gitHistory,
    service,
    setToday: (date) => service.setClock(date ? () => date : () => localToday()),
    editing: createEditingApi(),
  };
  extension.subscriptions.push(service, gitHistory);
  const ctx = { extension, service, api };
  for (const register of FIRST_FEATURES) extension.subscriptions.push(register(ctx));
  let disposed = false;
  extension.subscriptions.push({ dispose: () => (disposed = true) });
  // And only where there is a journal to read: in a workspace without one (the extension is
  // activated after start-up in every workspace), no completion, hover or diagnostics run.
  // Everything the view's rows need is in FIRST_FEATURES, so a view opened there still works.
  api.registered = Promise.all([within(api.tree?.firstRows ?? Promise.resolve(), LATER_FEATURES_WAIT_MS), service.whenStarted()]).then(() => {
    if (disposed) return;
    for (const register of LATER_FEATURES) extension.subscriptions.push(register(ctx));
  });
  // Indexing starts after `activate` has returned, so that activation itself reads nothing, and
  // only in a workspace that holds a journal (or once a view or a command asks for it).
  setTimeout(() => void service.startIfJournal(), 0);
  // How long `activate` itself took (the budget is 50 ms) and how many file accesses it made (none).
  api.activationMs = Date.now() - started;
  api.indexedAtActivation = fileAccess.count;
  return api;
}

export function deactivate(): void {
  // Everything is disposed through `extension.subscriptions`.
}
