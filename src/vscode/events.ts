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

/**
 * Resolves with what `promise` resolves with, or with undefined once `ms` have passed, whichever
 * comes first (a rejection passes through); the timer is cleared either way.
 */
export function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}
