import type * as vscode from 'vscode';

/**
 * Resolves true when `event` fires with a value that passes `test`, or false once `ms` have
 * passed; either way the listener and the timer are gone.
 */
export function eventWithin<T>(event: vscode.Event<T>, test: (value: T) => boolean, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const done = (value: boolean) => {
      clearTimeout(timer);
      subscription.dispose();
      resolve(value);
    };
    const subscription = event((value) => {
      if (test(value)) done(true);
    });
    const timer = setTimeout(() => done(false), ms);
  });
}
