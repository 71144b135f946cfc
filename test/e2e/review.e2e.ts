/**
 * Review goals from the command palette: "Mentoring: Review goals" asks which relationship (the
 * fixture workspace has four), and the panel shows the stage, the goals table, the chart, the
 * cadence, the open actions and the changes since the last review of the one picked. An open
 * action opens its line; Save says what it wrote and what the next click would write; the panel
 * comes back after the window reloads. The panel's page is a webview: its HTML is in an iframe
 * inside VS Code's webview iframe. Screenshots: review-goals, review-chart.
 */
import * as assert from 'node:assert/strict';
import { TODAY, workbench } from './workbench';

const PRIYA = 'Priya Raman ↔ Sam Okafor';

describe('Review goals', () => {
  before(async () => {
    const wb = workbench();
    await wb.reset({ panel: false });
  });

  it('asks for a relationship and shows its stage and goals table in a panel', async () => {
    const wb = workbench();
    await wb.openViewContainer('Mentoring');
    // Room for the table, with the tree still in sight.
    await wb.resizeSideBar(360);
    await wb.runCommand('Mentoring: Review goals');
    // The palette gives way to the command's own quick pick.
    await wb.quickInputRow(PRIYA).waitFor({ state: 'visible', timeout: 15_000 });
    const offered = await wb.quickInputLabels();
    for (const label of ['Jo Marsh ↔ ?', 'Lee Hamilton ↔ Noor Haddad', PRIYA, 'Aiko Tanaka ↔ Daniel Weber']) {
      assert.ok(offered.some((o) => o.startsWith(`${label},`)), `the quick pick offers ${label}: ${offered.join(' | ')}`);
    }
    await wb.pickQuickInput(PRIYA);

    await wb.page.locator(`.tabs-container .tab.active[aria-label^="Review: ${PRIYA}"]`).waitFor({ state: 'visible', timeout: 15_000 });
    const page = wb.webview();
    await page.locator('#goals-table').waitFor({ state: 'visible', timeout: 30_000 });
    assert.equal(await page.locator('h1').innerText(), `Review: ${PRIYA}`);
    assert.match(await page.locator('#stage').innerText(), /Declared in the agreement: building \(stage 2\)\. Inferred from the journal: building \(stage 2\)\./);

    const headers = await page.locator('#goals-table thead th').allInnerTexts();
    assert.deepEqual(headers.map((h) => h.replace(/\s+/g, ' ').trim()), ['Goal', 'Status', 'Owner', 'Progress', 'Due', 'Success criteria', 'Last discussed', 'Open actions']);
    const rows = await page.locator('#goals-table tbody tr').evaluateAll((trs) => trs.map((tr) => ({
      id: tr.getAttribute('data-goal'),
      cells: [...tr.querySelectorAll('td')].map((td) => td.innerText.replace(/\s+/g, ' ').trim()),
    })));
    assert.deepEqual(rows.map((r) => [r.id, r.cells[1], r.cells[2], r.cells[3]]), [
      ['capacity-planning', 'achieved', 'mentee', '100%'],
      ['review-others-designs', 'proposed', 'mentee', '–'],
      ['write-design-rfc', 'active', 'mentee', '60%'],
    ]);
    const rfc = rows[2]!.cells;
    assert.match(rfc[0]!, /^Lead the design RFC for the event-driven billing pipeline write-design-rfc$/);
    assert.equal(rfc[4], '2026-12-18 (25 days left)');
    assert.match(rfc[5]!, /^The RFC covers failure modes/);
    assert.equal(rfc[6], '2026-11-18');
    assert.equal(rfc[7], '2');
    // The progress chart and the save button are there too.
    assert.equal(await page.locator('#progress svg').count(), 1);
    assert.equal(await page.locator('button#save').innerText(), `Save review as reviews/${TODAY}.md`);

    await wb.page.mouse.move(900, 860);
    await wb.screenshot('review-goals');

    // Further down: the progress chart, one line per goal, the sessions marked below the axis.
    assert.ok(await page.locator('#progress svg polyline').count() >= 1, 'the chart draws progress lines');
    // A mark per session below the axis (the legend's marks carry no date): 7 held and 1 missed.
    const marks = (await page.locator('#progress svg .mj-session title').allTextContents()).filter((t) => /\d{4}-\d{2}-\d{2}/.test(t));
    assert.equal(marks.filter((t) => t.startsWith('held session')).length, 7, marks.join(' | '));
    assert.deepEqual(marks.filter((t) => t.startsWith('missed session')), ['missed session, 2026-09-09']);
    // Dates along the axis: the first and last day, and the first of each month where its label fits.
    const dates = await page.locator('#progress svg text.mj-date').allTextContents();
    assert.deepEqual(dates, ['2026-06-01', `${TODAY}`, '2026-07-01', '2026-08-01', '2026-09-01', '2026-10-01']);
    // The legend gives every title its room: whole titles, none running into the next or off the chart.
    const legend = await page.locator('#progress svg .mj-legend .mj-goal text').evaluateAll((texts) => texts.map((t) => {
      const box = (t as unknown as { getBBox(): { x: number; y: number; width: number } }).getBBox();
      return { text: t.firstChild?.textContent ?? '', left: box.x, right: box.x + box.width, y: box.y };
    }));
    assert.deepEqual(legend.map((l) => l.text), [
      'Estimate capacity for a service before it is built (achieved)',
      'Review other engineers\' design documents (proposed, no progress recorded)',
      'Lead the design RFC for the event-driven billing pipeline (active)',
    ]);
    const svgWidth = Number(await page.locator('#progress svg').getAttribute('width'));
    legend.forEach((entry, i) => {
      assert.ok(entry.right <= svgWidth, `${entry.text} ends at ${entry.right}, inside ${svgWidth}`);
      const next = legend[i + 1];
      if (next && Math.abs(next.y - entry.y) < 1) assert.ok(entry.right + 10 < next.left, `${entry.text} (to ${entry.right}) runs into ${next.text} (from ${next.left})`);
    });
    await page.locator('#progress').evaluate((section) => section.scrollIntoView({ block: 'start' }));
    await wb.screenshot('review-chart', wb.page.locator('.part.editor'));
  });

  it('has what the saved review has: cadence, open actions with when they are due, changes since the last review', async () => {
    const page = workbench().webview();
    const lines = async (selector: string) => (await page.locator(selector).allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    assert.deepEqual(await lines('#cadence li'), [
      'Agreed cadence: biweekly (every 14 days)',
      'Last held session: 2026-11-18, 5 days ago',
      'Sessions so far: 7 held, 1 missed, 0 cancelled',
      'Next meeting: 2026-12-02, in 9 days',
      'On track.',
    ]);
    assert.deepEqual(await lines('#actions li'), [
      '@sam write the section of [[write-design-rfc]] on keeping the batch job as an alternative due in 4 days (2026-11-27) from the session of 2026-11-18',
      '@sam send the full draft of [[write-design-rfc]] to Jonas and Mei for review due in 7 days (2026-11-30) from the session of 2026-11-18',
      '@priya book the architecture review slot for December due in 4 days (2026-11-27) from the session of 2026-11-18',
    ]);
    assert.deepEqual(await lines('#changes'), ['Changes since the last review No earlier review to compare with.']);
    // No date or id breaks at its hyphens: each is laid out on one line.
    const broken = await page.locator('.date, code').evaluateAll((els) => els.filter((el) => el.getClientRects().length !== 1).map((el) => el.textContent));
    assert.deepEqual(broken, []);
    assert.ok(await page.locator('.date, code').count() > 20);
  });

  it('opens an open action at its line in the session file', async () => {
    const wb = workbench();
    await wb.webview().locator('#actions button[data-action="2"]').click();
    await wb.activeTab('2026-11-18.md').waitFor({ state: 'visible', timeout: 15_000 });
    const position = wb.page.locator('[id="status.editor.selection"]');
    await position.filter({ hasText: /^Ln 52, Col \d+/ }).waitFor({ state: 'visible', timeout: 15_000 });
    // The panel stays in sight beside the file.
    assert.equal(await wb.webview().locator('h1').innerText(), `Review: ${PRIYA}`);
  });

  it('says what Save wrote and what the next click would write', async () => {
    const wb = workbench();
    const page = wb.webview();
    await page.locator('button#save').click();
    await page.locator('#saved').filter({ hasText: `Saved as reviews/${TODAY}.md` }).waitFor({ state: 'visible', timeout: 15_000 });
    await page.locator('button#save').filter({ hasText: `Save again as reviews/${TODAY}-2.md` }).waitFor({ state: 'visible', timeout: 15_000 });
    assert.match(wb.readWorkspaceFile(`journal/priya-and-sam/reviews/${TODAY}.md`), /^---\ntype: review\n/);
    assert.throws(() => wb.readWorkspaceFile(`journal/priya-and-sam/reviews/${TODAY}-2.md`), 'no second file');
  });

  it('comes back after the window reloads, still saying the review is saved', async function () {
    // A reload starts the workbench and the extension host again, as opening it did (180 s there).
    this.timeout(180_000);
    const wb = workbench();
    // Developer: Reload Window, as a user reloads: the workbench stores its editors before it
    // goes. (A reload of the browser page leaves that to a race with the page's unload, which
    // a busy machine loses: then no editor comes back at all.)
    const reloaded = wb.page.waitForEvent('load', { timeout: 60_000 });
    await wb.runCommand('Developer: Reload Window');
    await reloaded;
    await wb.page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
    await wb.page.locator(`.tabs-container .tab[aria-label^="Review: ${PRIYA}"]`).waitFor({ state: 'visible', timeout: 60_000 });
    await wb.page.locator(`.tabs-container .tab[aria-label^="Review: ${PRIYA}"]`).click();
    const page = wb.webview();
    await page.locator('#goals-table').waitFor({ state: 'visible', timeout: 60_000 });
    assert.equal(await page.locator('h1').innerText(), `Review: ${PRIYA}`);
    await page.locator('button#save').filter({ hasText: `Save again as reviews/${TODAY}-2.md` }).waitFor({ state: 'visible', timeout: 30_000 });
    assert.equal(await page.locator('#saved').innerText(), `Saved as reviews/${TODAY}.md`);
    await wb.reset({ panel: false });
  });
});
