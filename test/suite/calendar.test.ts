/**
 * Export calendar inside a real VS Code: the command writes the journal's dates as an iCalendar
 * file (parsed here with ical.js) where it is told, exports one relationship on request, never
 * replaces a file that is not an iCalendar file, and writes nothing in Restricted Mode.
 */
import * as assert from 'node:assert/strict';
import ICAL from 'ical.js';
import * as vscode from 'vscode';
import type { EditingApi } from '../../src/vscode/editing';
import type { MentoringJournalApi } from '../../src/vscode/feature';
import { exists, read, setUpSuite, uri } from './support';

const SCRATCH = 'scratch-calendar';

let api: MentoringJournalApi;
const editing = () => api.editing as EditingApi;
const lastMessage = () => editing().messages[editing().messages.length - 1];
const exportCalendar = (arg?: unknown) => vscode.commands.executeCommand<vscode.Uri | undefined>('mentoringJournal.exportCalendar', arg);
const summaries = (text: string) => new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)).map((e) => `${e.startDate.toString()} ${e.summary}`);

describe('Export calendar', () => {
  before(async () => {
    api = await setUpSuite();
    await vscode.workspace.fs.createDirectory(uri(SCRATCH));
  });

  after(async () => {
    editing().overrideTrust(undefined);
    await vscode.workspace.fs.delete(uri(SCRATCH), { recursive: true, useTrash: false });
  });

  it('writes every relationship\'s next session, due dates and ends as an iCalendar file', async () => {
    const written = await exportCalendar({ uri: uri(`${SCRATCH}/all.ics`) });
    assert.equal(written?.toString(), uri(`${SCRATCH}/all.ics`).toString());
    const text = await read(`${SCRATCH}/all.ics`);
    assert.ok(text.startsWith('BEGIN:VCALENDAR\r\n'));
    const list = summaries(text);
    assert.ok(list.includes('2026-12-02 Mentoring session: Priya Raman ↔ Sam Okafor'), list.join('\n'));
    assert.ok(list.some((s) => s.endsWith('Partnership ends: Aiko Tanaka ↔ Daniel Weber')), list.join('\n'));
    assert.ok(list.some((s) => s.includes('Goal due: ')), list.join('\n'));
    assert.ok(list.some((s) => s.includes('Action due: @sam ')), list.join('\n'));
    const relationships = new Set(api.service.relationships().map((r) => r.relationship.id)).size;
    assert.match(lastMessage()!.text, new RegExp(`^Exported ${list.length} events for ${relationships} relationships to ${SCRATCH}/all\\.ics\\.`));
  });

  it('exports one relationship, and gives the same events (UIDs included) on the next export', async () => {
    await exportCalendar({ uri: uri(`${SCRATCH}/one.ics`), relationship: 'journal/reverse-mentoring' });
    const first = await read(`${SCRATCH}/one.ics`);
    assert.ok(summaries(first).every((s) => s.includes('Aiko Tanaka ↔ Daniel Weber')), summaries(first).join('\n'));
    await exportCalendar({ uri: uri(`${SCRATCH}/one.ics`), relationship: 'journal/reverse-mentoring' });
    const second = await read(`${SCRATCH}/one.ics`);
    const stable = (t: string) => t.replace(/^DTSTAMP:.*$/gm, '');
    assert.equal(stable(second), stable(first));
  });

  it('leaves a file that is not an iCalendar file as it is', async () => {
    await vscode.workspace.fs.writeFile(uri(`${SCRATCH}/notes.ics`), new TextEncoder().encode('my notes\n'));
    assert.equal(await exportCalendar({ uri: uri(`${SCRATCH}/notes.ics`) }), undefined);
    assert.equal(await read(`${SCRATCH}/notes.ics`), 'my notes\n');
    assert.match(lastMessage()!.text, /notes\.ics exists and is not an earlier export of this command; it was left as it is/);
  });

  it('writes nothing in Restricted Mode', async () => {
    editing().overrideTrust(false);
    try {
      assert.equal(await exportCalendar({ uri: uri(`${SCRATCH}/untrusted.ics`) }), undefined);
      assert.equal(await exists(`${SCRATCH}/untrusted.ics`), false);
      assert.match(lastMessage()!.text, /^Export calendar writes files, which Mentoring Journal does not do in an untrusted workspace/);
    } finally {
      editing().overrideTrust(undefined);
    }
  });
});
