import * as vscode from 'vscode';

/**
 * Sets a context key only when `value` differs from what the window has: `previous`, the value
 * last set, and false for a key never set (`!key` holds for it). Each key set makes the window
 * evaluate the menus and welcome texts that test it, and draw their toolbars again.
 */
export function setContextKey(key: string, value: boolean, previous?: boolean): Thenable<unknown> | undefined {
  return value === (previous ?? false) ? undefined : vscode.commands.executeCommand('setContext', key, value);
}
