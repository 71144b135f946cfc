/**
 * Two moments of a mentor's week, as a user goes through them from the command palette:
 * marking a goal achieved (its status and its progress change together, the view shows it at
 * once, one Undo takes both back) and advancing the stage of an agreement nobody has signed
 * yet (a modal asks first; Cancel changes nothing). Screenshot: advance-stage-unsigned.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { waitUntil } from '../../scripts/vscode-test/host.mjs';
import { mod, workbench } from './workbench';

const VIEW = 'Relationships';
const PRIYA = 'Priya Raman ↔ Sam Okafor';
const GOAL_FILE = 'journal/priya-and-sam/goals/review-others-designs.md';
const GOAL = "Review other engineers' design documents";
const JO_AGREEMENT = 'broken/jo-and-ravi/agreement.md';

describe('A mentor\'s week', () => {
  const originals = new Map<string, Buffer>();

  before(async () => {
    const wb = workbench();
    await wb.reset({ panel: false });
    for (const file of [GOAL_FILE, JO_AGREEMENT]) originals.set(file, fs.readFileSync(path.join(wb.workspaceDir, file)));
  });

  after(async () => {
    const wb = workbench();
    await wb.dismissQuickInput();
    await wb.page.keyboard.press('Escape');
    for (const [file, original] of originals) {
      const disk = path.join(wb.workspaceDir, file);
      if (!fs.readFileSync(disk).equals(original)) fs.writeFileSync(disk, original);
    }
    await wb.runCommand('View: Close All Editors');
  });

  it('marks a goal achieved: status and progress in one edit, the view at once, one Undo takes both back', async () => {
    const wb = workbench();
    await wb.openFile(GOAL_FILE);
    const before = await wb.editorLines();
    await wb.runCommand('Mentoring: Mark goal achieved');
    // The goal picker follows in the same widget: click, and wait for the goals.
    await wb.quickInputRow(PRIYA).waitFor({ state: 'visible', timeout: 15_000 });
    await wb.quickInputRow(PRIYA).click();
    // Only the goals it applies to: not the achieved one.
    await wb.quickInputRow(GOAL).waitFor({ state: 'visible', timeout: 15_000 });
    const offered = await wb.quickInputLabels();
    assert.ok(!offered.some((l) => l.startsWith('Estimate capacity')), `the achieved goal is not offered: ${offered.join(' | ')}`);
    await wb.pickQuickInput(GOAL);

    // No session has recorded this goal's progress: both values go into its own file.
    const expected = [...before];
    expected.splice(before.indexOf('status: proposed'), 1, 'status: achieved', 'progress: 100');
    const disk = path.join(wb.workspaceDir, GOAL_FILE);
    await waitUntil('the goal file to be saved achieved at 100 %', () => fs.readFileSync(disk, 'utf8') === expected.join('\n'), { timeoutMs: 15_000, intervalMs: 200 });
    const toast = wb.page.locator('.notifications-toasts .notification-toast', { hasText: 'is marked achieved' });
    await toast.waitFor({ state: 'visible', timeout: 10_000 });
    assert.equal(((await toast.locator('.notification-list-item-message').textContent()) ?? '').trim(), `Goal "${GOAL}" is marked achieved, at 100%.`);
    await wb.runCommand('Notifications: Clear All Notifications');

    await wb.openViewContainer('Mentoring');
    await wb.expandTreeItem(VIEW, PRIYA);
    await wb.expandTreeItem(VIEW, 'Goals');
    await waitUntil('the view to show the goal achieved at 100 %', async () => {
      const row = (await wb.treeRows(VIEW)).find((r) => r.label === GOAL);
      return row?.icon === 'pass-filled' && row.description === '100%';
    }, { timeoutMs: 15_000, intervalMs: 200 });

    // One Undo takes back both values; saving writes the file back byte for byte.
    await wb.focusEditor();
    await wb.page.keyboard.press(`${mod}+Z`);
    await wb.page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'visible', timeout: 10_000 });
    assert.deepEqual(await wb.editorLines(), before, 'Undo restores both values in the editor');
    await wb.saveAndRead(GOAL_FILE);
    assert.ok(fs.readFileSync(disk).equals(originals.get(GOAL_FILE)!), 'the file on disk is as it was, byte for byte');
  });

  it('asks before advancing the stage of an agreement that is not signed by both, and Cancel changes nothing', async () => {
    const wb = workbench();
    await wb.runCommand('Mentoring: Advance stage');
    await wb.pickQuickInput('Jo Marsh ↔ ?');
    const dialog = wb.page.locator('.monaco-dialog-box');
    await dialog.waitFor({ state: 'visible', timeout: 15_000 });
    const text = (await dialog.innerText()).replace(/\s+/g, ' ');
    assert.match(text, /Jo Marsh ↔ \?: the agreement is not signed by the mentee yet\./);
    assert.match(text, /Completing the agreement, signatures included, is what the first stage is for\. Advance the stage anyway\?/);
    const buttons = await dialog.locator('.monaco-button').allInnerTexts();
    // (The order of the buttons is the platform's.)
    assert.deepEqual(buttons.map((b) => b.trim()).sort(), ['Advance anyway', 'Cancel']);
    await wb.screenshot('advance-stage-unsigned', dialog);
    await dialog.locator('.monaco-button', { hasText: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden', timeout: 10_000 });
    assert.ok(fs.readFileSync(path.join(wb.workspaceDir, JO_AGREEMENT)).equals(originals.get(JO_AGREEMENT)!), 'the agreement is unchanged');
  });
});
