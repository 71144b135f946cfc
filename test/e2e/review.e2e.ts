/**
 * Review goals from the command palette: "Mentoring: Review goals" asks which relationship (the
 * fixture workspace has four), and the panel shows the stage and the goals table of the one
 * picked. The panel's page is a webview: its HTML is in an iframe inside VS Code's webview
 * iframe. Screenshots: review-goals, review-chart.
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
    assert.match(rfc[4]!, /^2026-12-18/);
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
    await page.locator('#progress').evaluate((section) => section.scrollIntoView({ block: 'start' }));
    await wb.screenshot('review-chart', wb.page.locator('.part.editor'));
  });
});
