/**
 * How the relationship feels, as a user sees it (issue 14): a relationship written into the
 * workspace while VS Code runs, whose sessions record a falling `pulse` and whose last two
 * planned sessions were missed. The Mentoring view lists it with its signals counted, and
 * Review goals shows the signals pulse-dropping and missed-in-a-row with their advice, and the
 * pulse as a second, dashed series of the chart with its own axis. The relationship is removed
 * afterwards, and the view lets it go.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { waitUntil } from '../../scripts/vscode-test/host.mjs';
import { childrenOf, workbench } from './workbench';

const VIEW = 'Relationships';
const FOLDER = 'journal/kim-and-ola';
const KIM = 'Kim Lee ↔ Ola Berg';

const AGREEMENT = `---
type: agreement
mentor: {name: Kim Lee, handle: kim}
mentee: {name: Ola Berg, handle: ola}
started: 2026-08-20
ends: 2027-05-31
cadence: biweekly
stage: building
signed: {mentor: 2026-08-20, mentee: 2026-08-21}
strengths: {mentor: [systems design], mentee: [writing]}
goals:
  - {id: lead-incident-review, title: Lead an incident review, owner: mentee, status: active, due: 2027-02-28, success: Ola runs one review end to end}
---

# Kim and Ola
`;

/** Held sessions with each partner's pulse (falling), then two missed ones. */
const HELD: Array<[string, number, number]> = [['2026-09-01', 5, 5], ['2026-09-15', 4, 5], ['2026-09-29', 3, 3], ['2026-10-13', 2, 3]];
const MISSED = ['2026-10-27', '2026-11-10'];


describe('How the relationship feels: pulse and the relationship signals', () => {
  before(async () => {
    const wb = workbench();
    await wb.reset({ panel: false });
    const write = (file: string, text: string) => {
      const full = path.join(wb.workspaceDir, FOLDER, file);
      fs.mkdirSync(path.dirname(full), { recursive: true });
      fs.writeFileSync(full, text);
    };
    write('agreement.md', AGREEMENT);
    for (const [date, mentor, mentee] of HELD) {
      write(`sessions/${date}.md`, `---\ntype: session\ndate: ${date}\nattendees: [Kim Lee, Ola Berg]\npulse: {mentor: ${mentor}, mentee: ${mentee}}\n---\n\n## Notes\n\nWorked on [[lead-incident-review]].\n`);
    }
    for (const date of MISSED) write(`sessions/${date}.md`, `---\ntype: session\ndate: ${date}\nstatus: missed\n---\n`);
  });

  after(async () => {
    const wb = workbench();
    await wb.reset();
    fs.rmSync(path.join(wb.workspaceDir, FOLDER), { recursive: true, force: true });
    await wb.treeRow(VIEW, KIM).waitFor({ state: 'detached', timeout: 30_000 });
  });

  it('lists the new relationship in the view, with its signals counted', async () => {
    const wb = workbench();
    await wb.openViewContainer('Mentoring');
    await wb.expandTreeItem(VIEW, KIM, 30_000);
    await waitUntil('its six sessions and its signals in the view', async () => {
      const under = childrenOf(await wb.treeRows(VIEW), KIM);
      return under.find((r) => r.label === 'Sessions')?.description === '6' && under.find((r) => r.label === 'Signals')?.description !== 'none';
    }, { timeoutMs: 30_000, intervalMs: 250 });
  });

  it('shows pulse-dropping and missed-in-a-row in Review goals, and the pulse as a second series of the chart', async () => {
    const wb = workbench();
    await wb.runCommand('Mentoring: Review goals');
    await wb.pickQuickInput(KIM);
    const page = wb.webview();
    await page.locator('#signals').waitFor({ state: 'visible', timeout: 30_000 });
    const signals = await page.locator('#signals li').evaluateAll((items) => items.map((li) => ({ code: li.getAttribute('data-code'), text: (li.textContent ?? '').replace(/\s+/g, ' ').trim() })));
    const pulse = signals.find((s) => s.code === 'pulse-dropping');
    assert.ok(pulse, signals.map((s) => s.code).join(', '));
    assert.match(pulse.text, /^The mean pulse of the last two held sessions is 2\.8, down from 4\.8 in the two before; and the mentor's latest pulse is 2 of 5 \(2026-10-13\)\. ?Advice: /);
    const missed = signals.find((s) => s.code === 'missed-in-a-row');
    assert.ok(missed, signals.map((s) => s.code).join(', '));
    assert.match(missed.text, /^The last 2 planned sessions did not take place: 2026-10-27 \(missed\) and 2026-11-10 \(missed\)\. ?Advice: /);
    // The chart: the goals' progress, and the pulse as a dashed line on a 1-5 axis of its own.
    assert.equal(await page.locator('#progress svg').count(), 1);
    assert.equal(await page.locator('#progress svg polyline.mj-pulse-line').count(), 1);
    assert.deepEqual(await page.locator('#progress svg .mj-pulse-axis').allTextContents(), ['1', '3', '5']);
    assert.ok((await page.locator('#progress svg').textContent())?.includes('Pulse, 1-5 (right axis)'));
  });
});
