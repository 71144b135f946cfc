import * as vscode from 'vscode';
import { localToday } from '../core';
import { createEditingApi } from './editing';
import type { MentoringJournalApi } from './feature';
import { FEATURES } from './features';
import { GitHistory } from './gitHistory';
import { JournalService } from './journalService';
import { fileAccess } from './workspaceFileSystem';

/** How long after the first build the git extension may be activated for the goals' history. */
const GIT_ACTIVATION_DELAY_MS = 1000;

/**
 * Wires the features together. Reads no files: the index is built in the background
 * once `activate` has returned.
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
  for (const register of FEATURES) extension.subscriptions.push(register({ extension, service, api }));
  // Indexing starts after `activate` has returned, so that activation itself reads nothing.
  setTimeout(() => void service.start(), 0);
  // How long `activate` itself took (the budget is 50 ms) and how many file accesses it made (none).
  api.activationMs = Date.now() - started;
  api.indexedAtActivation = fileAccess.count;
  return api;
}

export function deactivate(): void {
  // Everything is disposed through `extension.subscriptions`.
}
