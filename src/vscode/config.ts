import * as vscode from 'vscode';
import { DEFAULT_OPTIONS, type EngineOptions, type RuleSeverity } from '../core';

export const SECTION = 'mentoringJournal';

/** Engine options from the `mentoringJournal.*` settings of a workspace folder. */
export function readOptions(scope?: vscode.Uri): EngineOptions {
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  return {
    unknownKeys: config.get<boolean>('unknownKeys', DEFAULT_OPTIONS.unknownKeys),
    severities: config.get<Record<string, RuleSeverity>>('rules', {}),
    staleAfterSessions: config.get<number>('staleAfterSessions', DEFAULT_OPTIONS.staleAfterSessions),
    graceDays: config.get<number>('graceDays', DEFAULT_OPTIONS.graceDays),
    maxFileBytes: config.get<number>('maxFileSize', DEFAULT_OPTIONS.maxFileBytes),
    exclude: config.get<string[]>('exclude', DEFAULT_OPTIONS.exclude),
  };
}

/** Journal roots inside a workspace folder: the configured sub-folders, or the folder itself. */
export function readRoots(folder: vscode.WorkspaceFolder): vscode.Uri[] {
  const roots = vscode.workspace.getConfiguration(SECTION, folder.uri).get<string[]>('roots', []);
  if (roots.length === 0) return [folder.uri];
  return roots.map((r) => vscode.Uri.joinPath(folder.uri, ...r.split('/').filter((s) => s && s !== '.')));
}
