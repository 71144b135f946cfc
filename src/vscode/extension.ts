import * as vscode from 'vscode';
import { localToday } from '../core';
import type { MentoringJournalApi } from './feature';
import { FEATURES } from './features';
import { JournalService } from './journalService';

/**
 * Wires the features together. Reads no files: the index is built in the background
 * once `activate` has returned.
 */
export function activate(extension: vscode.ExtensionContext): MentoringJournalApi {
  const started = Date.now();
  const service = new JournalService();
  const api: MentoringJournalApi = {
    service,
    setToday: (date) => service.setClock(date ? () => date : () => localToday()),
  };
  extension.subscriptions.push(service);
  for (const register of FEATURES) extension.subscriptions.push(register({ extension, service, api }));
  void service.start();
  // How long `activate` itself took (the budget is 50 ms); the activation suite checks it.
  api.activationMs = Date.now() - started;
  return api;
}

export function deactivate(): void {
  // Everything is disposed through `extension.subscriptions`.
}
