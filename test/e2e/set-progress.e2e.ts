/**
 * Set goal progress as a user runs it from the command palette, with Priya and Sam's latest
 * session open in the editor: "Mentoring: Set goal progress" asks which relationship (theirs
 * first, as the file being edited is theirs), which goal (with its id, status and the progress
 * the journal shows), then the progress in an input box that refuses what is not a whole number
 * from 0 to 100. The value goes where the journal reads progress, the `progress:` map of the
 * newest session: exactly that value changes, the file is saved, the Mentoring view shows the
 * new figure at once, and a notification says where it was recorded. Undo takes it back, and
 * saving again leaves the file byte for byte as it was. Screenshot: set-progress.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { waitUntil } from '../../scripts/vscode-test/host.mjs';
import { mod, workbench } from './workbench';

const VIEW = 'Relationships';

const PRIYA = 'Priya Raman ↔ Sam Okafor';
const FILE = 'journal/priya-and-sam/sessions/2026-11-18.md';
const TITLE = 'Lead the design RFC for the event-driven billing pipeline';
const ACTION = 'Set goal progress';

describe('Set goal progress', () => {
  let original: Buffer;

  before(async () => {
    const wb = workbench();
    await wb.reset({ panel: false });
    original = fs.readFileSync(path.join(wb.workspaceDir, FILE));
  });

  after(async () => {
    const wb = workbench();
    await wb.dismissQuickInput();
    // Whatever happened above: the file as it was, and no editor left with changes.
    const file = path.join(wb.workspaceDir, FILE);
    if (!fs.readFileSync(file).equals(original)) {
      await wb.runCommand('View: Close All Editors');
      await wb.page.locator('.monaco-dialog-box, .dialog-shadow').first().waitFor({ state: 'visible', timeout: 2000 })
        .then(() => wb.page.keyboard.press('Escape'), () => undefined);
      fs.writeFileSync(file, original);
    }
    await wb.runCommand('View: Close All Editors');
  });

  it('asks for the goal and the progress, changes exactly that value, and Undo takes it back', async () => {
    const wb = workbench();
    await wb.openFile(FILE);
    const before = await wb.editorLines();
    assert.deepEqual(before, original.toString('utf8').split('\n'), 'the editor shows the file');
    const line = before.indexOf('  write-design-rfc: 60');
    assert.equal(line, 7, `write-design-rfc: 60 on line 8:\n${before.join('\n')}`);

    await wb.runCommand(`Mentoring: ${ACTION}`);
    // Which relationship: theirs first, as the active editor's file is theirs.
    await wb.quickInputRow(PRIYA).waitFor({ state: 'visible', timeout: 15_000 });
    let box = await wb.quickInputState();
    assert.equal(box.title, ACTION);
    assert.equal(box.placeholder, 'Which mentoring relationship?');
    const relationships = await wb.quickInputLabels();
    assert.ok(relationships[0]?.startsWith(`${PRIYA},`), `Priya and Sam first: ${relationships.join(' | ')}`);
    await wb.quickInputRow(PRIYA).click();

    // Which goal: each with its id, status and the progress the journal shows.
    const goalRow = wb.quickInputRow(TITLE);
    await goalRow.waitFor({ state: 'visible', timeout: 15_000 });
    box = await wb.quickInputState();
    assert.equal(box.title, ACTION);
    assert.equal(box.placeholder, 'Which goal?');
    const goals = await wb.quickInputLabels();
    for (const expected of [
      `${TITLE}, write-design-rfc · active · 60%`,
      'Review other engineers\' design documents, review-others-designs · proposed',
    ]) {
      assert.ok(goals.includes(expected), `the quick pick offers "${expected}": ${goals.join(' | ')}`);
    }
    await goalRow.click();

    // The progress: an input box titled with the goal, the current value in it.
    const input = wb.page.locator('.quick-input-widget .quick-input-box input');
    const prompt = (message: RegExp, value: string) => wb.inputBox(message, value);
    box = await wb.inputBox(/^Progress, 0-100/, '60', `${ACTION}: ${TITLE}`);
    assert.equal(box.title, `${ACTION}: ${TITLE}`);
    // Not a progress value: refused, with the reason below the box.
    await input.fill('120');
    await prompt(/Enter a whole number from 0 to 100\./, '120');
    await wb.page.keyboard.press('Enter');
    await wb.page.waitForTimeout(300);
    await prompt(/Enter a whole number from 0 to 100\./, '120'); // still there: Enter refused it
    await input.fill('75');
    await prompt(/^Progress, 0-100/, '75');
    await wb.page.keyboard.press('Enter');
    await wb.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 15_000 });

    // Exactly one value changed, and the file (saved before) is saved again.
    const expected = [...before];
    expected[line] = '  write-design-rfc: 75';
    const disk = path.join(wb.workspaceDir, FILE);
    await waitUntil('the file to be saved with the new progress', () => fs.readFileSync(disk, 'utf8') === expected.join('\n'), { timeoutMs: 15_000, intervalMs: 200 })
      .catch((err: Error) => {
        throw new Error(`${err.message}; on disk:\n${fs.readFileSync(disk, 'utf8')}`);
      });
    await wb.page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached', timeout: 10_000 });
    const after = await wb.editorLines();
    assert.deepEqual(after, expected, 'the editor shows the file with only progress changed');
    const changed = after.flatMap((text, i) => (text !== before[i] ? [`${i + 1}: ${before[i]} → ${text}`] : []));
    assert.deepEqual(changed, ['8:   write-design-rfc: 60 →   write-design-rfc: 75']);
    // The notification says where the value went, in plain words.
    const toast = wb.page.locator('.notifications-toasts .notification-toast', { hasText: 'recorded in the session of 2026-11-18' });
    await toast.waitFor({ state: 'visible', timeout: 10_000 });
    assert.equal(((await toast.locator('.notification-list-item-message').textContent()) ?? '').trim(),
      `Progress of "${TITLE}": 75%, recorded in the session of 2026-11-18.`);
    // The Mentoring view shows the new figure at once.
    await wb.openViewContainer('Mentoring');
    await wb.expandTreeItem(VIEW, PRIYA);
    await waitUntil('the view to show 75%', async () => (await wb.treeRowDescription(VIEW, 'Goals', TITLE)) === '75% · due 2026-12-18 (25 days left)',
      { timeoutMs: 15_000, intervalMs: 200 });
    await wb.runCommand('Notifications: Clear All Notifications');

    // The picture: the edited file, the cursor on the changed line.
    await wb.goToLine(8, 22);
    await wb.page.mouse.move(1100, 700);
    const editor = (await wb.page.locator('.part.editor').boundingBox())!;
    await wb.screenshot('set-progress', { x: editor.x, y: editor.y, width: editor.width, height: Math.min(editor.height, 560) });

    // Undo (one step) takes the value back; saving writes the file back byte for byte.
    await wb.focusEditor();
    await wb.page.keyboard.press(`${mod}+Z`);
    await wb.page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'visible', timeout: 10_000 });
    assert.deepEqual(await wb.editorLines(), before, 'Undo restores the value in the editor');
    await wb.saveAndRead(FILE);
    assert.ok(fs.readFileSync(disk).equals(original), 'the file on disk is as it was, byte for byte');
  });
});
