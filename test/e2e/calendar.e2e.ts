/**
 * Export calendar as a user runs it from the command palette: the save dialog proposes
 * mentoring.ics in the journal, Enter writes it, a notification says how many events it holds,
 * and its Open button shows the file: an iCalendar file with Priya and Sam's planned session of
 * 2026-12-02 as an all-day event. The file is deleted afterwards. Screenshot: calendar-export.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { waitUntil } from '../../scripts/vscode-test/host.mjs';
import { workbench } from './workbench';

const FILE = 'mentoring.ics';

describe('Export calendar', () => {
  after(async () => {
    const wb = workbench();
    await wb.reset();
    fs.rmSync(path.join(wb.workspaceDir, FILE), { force: true });
  });

  it('writes mentoring.ics from the save dialog, says how many events it holds, and opens it', async () => {
    const wb = workbench();
    await wb.reset({ panel: false });
    const disk = path.join(wb.workspaceDir, FILE);
    fs.rmSync(disk, { force: true });
    // The command is offered once the journal is indexed (context key mentoringJournal.hasJournal).
    await wb.openViewContainer('Mentoring');
    await wb.treeRow('Relationships', 'Priya Raman ↔ Sam Okafor').waitFor({ state: 'visible', timeout: 60_000 });

    await wb.runCommand('Mentoring: Export calendar');
    // The save dialog (VS Code's own in the browser) proposes mentoring.ics at the journal root.
    await waitUntil('the save dialog to propose mentoring.ics', async () => (await wb.quickInputState().catch(() => undefined))?.value.endsWith(`/${FILE}`), { timeoutMs: 15_000, intervalMs: 200 });
    await wb.page.keyboard.press('Enter');

    await waitUntil('mentoring.ics to be written', () => fs.existsSync(disk) && fs.readFileSync(disk, 'utf8').endsWith('END:VCALENDAR\r\n'), { timeoutMs: 15_000, intervalMs: 200 });
    const text = fs.readFileSync(disk, 'utf8');
    assert.ok(text.startsWith('BEGIN:VCALENDAR\r\nPRODID:-//Mentoring Journal//Calendar export//EN\r\nVERSION:2.0\r\n'));
    assert.match(text, /BEGIN:VEVENT\r\nUID:[0-9a-f]{16}@mentoring-journal\r\nDTSTAMP:\d{8}T\d{6}Z\r\nDTSTART;VALUE=DATE:20261202\r\nDTEND;VALUE=DATE:20261203\r\nSUMMARY:Mentoring session: Priya Raman ↔ Sam Okafor\r\n/);
    const events = text.match(/^BEGIN:VEVENT\r$/gm)?.length ?? 0;

    const toast = wb.page.locator('.notifications-toasts .notification-toast', { hasText: 'Exported' });
    await toast.waitFor({ state: 'visible', timeout: 10_000 });
    assert.match(((await toast.locator('.notification-list-item-message').textContent()) ?? '').trim(), new RegExp(`^Exported ${events} events for \\d+ relationships to ${FILE.replace('.', '\\.')}\\. Import it in your calendar`));
    // The file beside the notification, for the screenshot; then the notification's Open button shows it too.
    await wb.openFile(FILE);
    await wb.activeTab(FILE).waitFor({ state: 'visible', timeout: 15_000 });
    await toast.waitFor({ state: 'visible', timeout: 5_000 });
    await wb.screenshot('calendar-export');
    await wb.runCommand('View: Close All Editors');
    await toast.locator('.monaco-button', { hasText: 'Open' }).click();
    await wb.activeTab(FILE).waitFor({ state: 'visible', timeout: 15_000 });
    const lines = await wb.editorLines();
    assert.deepEqual(lines.slice(0, 4), ['BEGIN:VCALENDAR', 'PRODID:-//Mentoring Journal//Calendar export//EN', 'VERSION:2.0', 'CALSCALE:GREGORIAN']);
    assert.ok(lines.includes('SUMMARY:Mentoring session: Priya Raman ↔ Sam Okafor'), lines.join('\n'));
  });
});
