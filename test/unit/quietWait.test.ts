/**
 * The performance test's wait for a quiet machine before each navigation (waitForQuiet in
 * scripts/vscode-test/host.mjs): it reads the machine's CPU time from /proc/stat, window by
 * window, until one window is quiet enough or the limit has passed.
 */
import * as assert from 'node:assert/strict';
import { waitForQuiet } from '../../scripts/vscode-test/host.mjs';

describe('waitForQuiet (the performance test waits for a quiet machine)', () => {
  it('returns after one window when that window is quiet enough, with how busy it was', async () => {
    // Every share of busy cores is below 1.01: the first window ends the wait.
    const quiet = await waitForQuiet({ busyBelow: 1.01, windowMs: 30, maxMs: 60_000 });
    assert.ok(quiet.waitedMs >= 30 && quiet.waitedMs < 60_000, `waited ${quiet.waitedMs} ms`);
    assert.ok(quiet.busy >= 0 && quiet.busy <= 1, `busy ${quiet.busy}`);
  });

  it('gives up at its limit when no window is quiet enough', async () => {
    // No share is below 0: it waits window after window until the limit.
    const never = await waitForQuiet({ busyBelow: 0, windowMs: 30, maxMs: 150 });
    assert.ok(never.waitedMs >= 150, `waited ${never.waitedMs} ms`);
    assert.ok(never.busy >= 0 && never.busy <= 1, `busy ${never.busy}`);
  });
});
