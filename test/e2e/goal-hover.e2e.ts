/**
 * Hover on a goal id as a user sees it: in Priya and Sam's session of 2026-11-18, the goal ids of
 * the front matter (in the `goals:` list and as keys under `progress:`) show the goal in a hover:
 * title and id, status, latest progress, due date, owner and success criteria, and where the goal
 * is defined, as a link. F12 (Go to Definition) on an id opens the goal's definition. Nothing is
 * typed, so the journal stays as it is. Screenshot: goal-hover.
 */
import * as assert from 'node:assert/strict';
import { waitUntil } from '../../scripts/vscode-test/host.mjs';
import { workbench } from './workbench';

const SESSION = 'journal/priya-and-sam/sessions/2026-11-18.md';

/** Shows the hover at the cursor until it holds `waitFor`; returns its text, whitespace collapsed. */
async function hoverText(waitFor: string): Promise<string> {
  const wb = workbench();
  let text = '';
  // Right after a file opens the hover may come before the extension knows the file: ask again.
  await waitUntil(`a hover with "${waitFor}"`, async () => {
    const hover = await wb.showHover().catch(() => undefined);
    text = hover ? (await hover.innerText()).replace(/\s+/g, ' ').trim() : '';
    if (text.includes(waitFor)) return true;
    await wb.page.keyboard.press('Escape');
    return false;
  }, { timeoutMs: 30_000, intervalMs: 500 }).catch((err: Error) => {
    throw new Error(`${err.message}; the hover said: ${text || 'nothing'}`);
  });
  return text;
}

describe('Goal hover', () => {
  before(async () => {
    const wb = workbench();
    await wb.reset({ panel: false });
    await wb.openFile(SESSION);
  });

  after(async () => {
    const wb = workbench();
    await wb.page.keyboard.press('Escape');
    // The editor keeps its hover widget, hidden, with the last content: leave it with a key's
    // description rather than a goal's, which the Mentoring view's tooltip test would find first.
    await wb.goToLine(3, 2);
    const hover = await wb.showHover();
    await hover.filter({ hasText: 'Expects:' }).waitFor({ state: 'visible', timeout: 15_000 });
    assert.ok(!(await hover.innerText()).includes('Status:'), 'the hover shows the key date');
    await wb.page.keyboard.press('Escape');
    assert.equal(await wb.page.locator('.tabs-container .tab.dirty').count(), 0, 'nothing was changed');
    await wb.runCommand('View: Close All Editors');
  });

  it("shows a proposed goal's title, status and success criteria on its id in the goals: list", async () => {
    const wb = workbench();
    // Line 6 is `goals: [write-design-rfc, review-others-designs]`: the cursor in the second id.
    await wb.goToLine(6, 31);
    const text = await hoverText("Review other engineers' design documents");
    assert.match(text, /^Review other engineers' design documents review-others-designs /);
    assert.ok(text.includes('Status: proposed · Progress: none recorded · Owner: mentee'), `hover: ${text}`);
    assert.ok(text.includes('Success criteria: Sam is added to the design-review rotation and reviews three design documents from other teams, with Priya reading the comments on the first one.'), `hover: ${text}`);
    assert.ok(text.includes('Defined in journal/priya-and-sam/goals/review-others-designs.md'), `hover: ${text}`);
    await wb.page.keyboard.press('Escape');
  });

  it("shows an active goal's title, status, progress, due date and success criteria on its id under progress:", async () => {
    const wb = workbench();
    // Line 8 is `  write-design-rfc: 60`, under `progress:`.
    await wb.goToLine(8, 8);
    const text = await hoverText('Lead the design RFC for the event-driven billing pipeline');
    assert.match(text, /^Lead the design RFC for the event-driven billing pipeline write-design-rfc /);
    assert.ok(text.includes('Status: active · Progress: 60% · Due: 2026-12-18 · Owner: mentee'), `hover: ${text}`);
    assert.ok(text.includes('Success criteria: The RFC covers failure modes, idempotency, data consistency between the ledger and the invoice store, and a reversible migration plan; at least two senior engineers from outside the billing team review it; and it is accepted at the architecture review in December 2026 with Sam presenting.'), `hover: ${text}`);
    assert.ok(text.includes('Defined in journal/priya-and-sam/goals/write-design-rfc.md'), `hover: ${text}`);

    // The picture: the editor's top, the front matter with the hover below the id.
    const hover = wb.page.locator('.monaco-editor .monaco-hover:not(.hidden)').first();
    const box = (await wb.page.locator('.part.editor').boundingBox())!;
    const bottom = (await hover.boundingBox())!;
    await wb.screenshot('goal-hover', { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, Math.round(bottom.y + bottom.height - box.y + 110)) });
    // "Defined in" is a link to the goal's file.
    assert.equal(await hover.locator('a', { hasText: 'journal/priya-and-sam/goals/write-design-rfc.md' }).count(), 1, 'the definition is a link');
    await wb.page.keyboard.press('Escape');
  });

  it('opens the goal\'s definition on F12 (Go to Definition)', async () => {
    const wb = workbench();
    await wb.openFile(SESSION);
    // Line 6, the cursor in `review-others-designs` of the goals: list.
    await wb.goToLine(6, 31);
    // Right after a file opens the extension may not know it yet: press F12 again until the goal file opens.
    const tab = wb.activeTab('review-others-designs.md');
    await waitUntil('F12 to open the goal file', async () => {
      await wb.focusEditor();
      await wb.page.keyboard.press('F12');
      return tab.waitFor({ state: 'visible', timeout: 3000 }).then(() => true, () => false);
    }, { timeoutMs: 30_000, intervalMs: 200 });
    // At its id: line 3, `id: review-others-designs`.
    const position = wb.page.locator('.statusbar-item[id="status.editor.selection"]');
    await waitUntil('the cursor at the goal\'s id', async () => /^Ln 3, Col \d+/.test((await position.innerText().catch(() => '')).trim()), { timeoutMs: 10_000, intervalMs: 200 });
    await wb.runCommand('View: Close All Editors');
    await wb.openFile(SESSION);
  });
});
