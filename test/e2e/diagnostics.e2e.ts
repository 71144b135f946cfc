/**
 * Problems as a user sees them: a journal file with a deliberate mistake (examples/broken) has
 * its entry in the Problems panel with the message, the source and the rule code linking to the
 * rule reference; the hover in the editor says the same; a quick fix corrects a value and the
 * problem disappears while the file is still unsaved, and comes back on undo.
 * Screenshots: diagnostic-hover, problems-panel, quick-fix.
 */
import * as assert from 'node:assert/strict';
import { waitUntil } from '../../scripts/vscode-test/host.mjs';
import { mod, workbench } from './workbench';

const ON_CALL = 'broken/lee-and-noor/goals/on-call-readiness.md';
const DUE_MESSAGE = '`due` is not a real calendar date: expected a date YYYY-MM-DD that exists.';
const JO = 'broken/jo-and-ravi/agreement.md';
const FORMAT_MESSAGE = '`format` is `one-on-one`, which is not one of one-to-one, peer, group, reverse, co-mentoring: did you mean `one-to-one`?';

describe('Problems', () => {
  before(async () => {
    const wb = workbench();
    await wb.reset();
  });

  it('lists the problem of an open file in the Problems panel with its message, source, code and position', async () => {
    const wb = workbench();
    await wb.openFile(ON_CALL);
    const rows = await wb.problemRows('date/impossible');
    const mine = rows.filter((r) => r.file === 'on-call-readiness.md');
    assert.deepEqual(mine, [{
      file: 'on-call-readiness.md', folder: 'broken/lee-and-noor/goals', severity: 'error',
      message: DUE_MESSAGE, source: 'mentoring-journal', code: 'date/impossible', position: '[Ln 5, Col 6]',
    }]);
    // Files that are not open are checked too: every deliberate problem of examples/broken is listed.
    const codes = rows.map((r) => `${r.folder}/${r.file} ${r.code}`);
    // (The panel shows the rows that fit: these two sort before on-call-readiness.md.)
    for (const expected of ['broken/jo-and-ravi/agreement.md schema/invalid-enum', 'broken/lee-and-noor/goals/incident-review.md schema/missing-key']) {
      assert.ok(codes.includes(expected), `${expected} in ${codes.join(' | ')}`);
    }
    // The code links to its entry in the rule reference shipped with the extension.
    const link = wb.page.locator('.markers-panel .monaco-list-row').filter({ hasText: DUE_MESSAGE }).locator('a.monaco-link');
    assert.match(await link.getAttribute('href') ?? '', /\/docs\/rules\.md#dateimpossible$/);
    await wb.screenshot('problems-panel', wb.page.locator('.part.panel'));
  });

  it('shows the problem in the hover at the marked value', async () => {
    const wb = workbench();
    await wb.openFile(ON_CALL);
    await wb.goToLine(5, 8);
    const hover = await wb.showHover();
    await hover.filter({ hasText: 'date/impossible' }).waitFor({ state: 'visible', timeout: 15_000 });
    const text = (await hover.innerText()).replace(/\s+/g, ' ');
    assert.ok(text.includes(DUE_MESSAGE), `hover: ${text}`);
    assert.match(text, /mentoring-journal\s*\(?date\/impossible/);
    await wb.screenshot('diagnostic-hover');
    await wb.page.keyboard.press('Escape');
  });

  it('applies a quick fix: the problem goes away as soon as the value is corrected, and comes back on undo', async () => {
    const wb = workbench();
    await wb.openFile(JO);
    await wb.problemRows(FORMAT_MESSAGE);
    await wb.runCommand('View: Focus Active Editor Group');
    await wb.goToLine(5, 9);
    const menu = await wb.quickFixMenu('Change to `one-to-one`');
    const fix = menu.locator('.monaco-list-row').filter({ hasText: 'Change to `one-to-one`' }).first();
    const offered = await menu.locator('.monaco-list-row').evaluateAll((rows) => rows.map((r) => (r.textContent ?? '').trim()).filter(Boolean));
    for (const value of ['one-to-one', 'peer', 'group', 'reverse', 'co-mentoring']) {
      assert.ok(offered.some((o) => o.includes(`Change to \`${value}\``)), `fix for ${value} in ${offered.join(' | ')}`);
    }
    await fix.hover();
    await wb.screenshot('quick-fix');
    await fix.click();
    await menu.waitFor({ state: 'hidden' });

    const formatRow = () => wb.page.locator('.markers-panel .monaco-list-row').filter({ hasText: FORMAT_MESSAGE });
    await waitUntil('the format problem to go away', async () => (await formatRow().count()) === 0, { timeoutMs: 15_000 });
    assert.equal(await wb.page.locator('.tabs-container .tab.active.dirty[data-resource-name="agreement.md"]').count(), 1, 'the fix is an unsaved edit');
    assert.ok(!wb.readWorkspaceFile(JO).includes('one-to-one'), 'nothing written to disk');

    await wb.runCommand('View: Focus Active Editor Group');
    await wb.page.keyboard.press(`${mod}+Z`);
    await formatRow().first().waitFor({ state: 'visible', timeout: 15_000 });
    await wb.runCommand('File: Revert File');
  });
});
