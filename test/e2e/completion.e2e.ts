/**
 * Completion in front matter as a user sees it: at a goal's `status:` value, the suggestion
 * list offers the allowed statuses. Nothing is accepted, so the journal stays as it is.
 * Screenshot: completion.
 */
import * as assert from 'node:assert/strict';
import { waitUntil } from '../../scripts/vscode-test/host.mjs';
import { workbench } from './workbench';

describe('Completion', () => {
  before(async () => {
    const wb = workbench();
    await wb.reset();
  });

  it("offers the allowed values at a goal's status", async () => {
    const wb = workbench();
    await wb.openFile('journal/priya-and-sam/goals/write-design-rfc.md');
    // Line 6 is `status: active`; the cursor goes to the start of the value.
    await wb.goToLine(6, 9);
    // Right after start-up the list may hold only the editor's word suggestions while the
    // extension is still indexing the file (seen under a load of 17 on 2 cores): ask again
    // until the extension's own suggestions are there.
    let labels: string[] = [];
    await waitUntil('the extension\'s suggestions', async () => {
      labels = await wb.suggestions();
      if (labels.includes('proposed')) return true;
      await wb.page.keyboard.press('Escape');
      return false;
    }, { timeoutMs: 30_000, intervalMs: 500 }).catch(() => undefined);
    for (const status of ['proposed', 'active', 'paused', 'achieved', 'dropped']) {
      assert.ok(labels.includes(status), `${status} among the suggestions: ${labels.join(', ')}`);
    }
    const box = (await wb.page.locator('.part.editor').boundingBox())!;
    await wb.screenshot('completion', { x: box.x, y: box.y, width: box.width, height: 380 });
    await wb.page.keyboard.press('Escape');
    await wb.suggestWidget().waitFor({ state: 'hidden' });
    assert.equal(await wb.page.locator('.tabs-container .tab.active.dirty').count(), 0, 'the file is unchanged');
  });
});
