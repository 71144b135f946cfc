/**
 * The walkthrough "Get started with mentoring journals" as a user opens it: Welcome: Open
 * Walkthrough... lists it; it shows its four steps, the first open with its button and its page
 * (media/walkthrough/*.md) beside the list; running a step's command ticks the step off.
 * Progress is reset first (other tests run the commands of some steps), so the steps start
 * unticked; the test changes no file. Screenshot: walkthrough.
 */
import * as assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import * as path from 'node:path';
import { waitUntil } from '../../scripts/vscode-test/host.mjs';
import { workbench, Workbench } from './workbench';

const TITLE = 'Get started with mentoring journals';
const STEPS = ['Create a relationship', 'Write the agreement', 'Log a session', 'Review goals'];
const PRIYA = 'Priya Raman ↔ Sam Okafor';

/** The walkthrough's steps as shown: title, whether ticked off, whether open. */
async function steps() {
  return workbench().page.locator('.gettingStartedSlideDetails button.getting-started-step:visible').evaluateAll((buttons) => buttons.map((b) => ({
    title: b.querySelector('.step-title')?.textContent?.trim() ?? '',
    done: b.querySelector('.codicon[role="checkbox"]')?.getAttribute('aria-checked') === 'true',
    open: b.getAttribute('aria-expanded') === 'true',
  })));
}

describe('Walkthrough', () => {
  let sideBarShown = false;

  before(async () => {
    const wb = workbench();
    await wb.reset({ panel: false });
    // The walkthrough shows a step's page beside the steps only in a wide enough editor area.
    sideBarShown = await wb.page.locator('.part.sidebar').isVisible();
    if (sideBarShown) {
      await wb.runCommand('View: Close Primary Side Bar');
      await wb.page.locator('.part.sidebar').waitFor({ state: 'hidden' });
    }
    await wb.runCommand('Developer: Reset Welcome Page Walkthrough Progress');
  });

  after(async () => {
    const wb = workbench();
    await wb.reset();
    if (sideBarShown && !(await wb.page.locator('.part.sidebar').isVisible())) {
      await wb.runCommand('View: Toggle Primary Side Bar Visibility');
      await wb.page.locator('.part.sidebar').waitFor({ state: 'visible' });
    }
  });

  it('lists "Get started with mentoring journals" and shows its four steps', async () => {
    const wb = workbench();
    await wb.runCommand('Welcome: Open Walkthrough...');
    const entry = wb.page.locator('.quick-input-widget .quick-input-list .monaco-list-row').filter({ hasText: TITLE }).first();
    await entry.waitFor({ state: 'visible', timeout: 15_000 });
    assert.match((await entry.innerText()).replace(/\s+/g, ' '), /Set up a mentoring relationship, agree on it, log a session and review your goals\./);
    await entry.click();

    // The Welcome editor with the walkthrough: its title, description and steps.
    const details = wb.page.locator('.gettingStartedSlideDetails');
    await details.locator('.getting-started-category .category-title', { hasText: TITLE }).first().waitFor({ state: 'visible', timeout: 15_000 });
    assert.match((await details.locator('.getting-started-category').first().innerText()).replace(/\s+/g, ' '), /Set up a mentoring relationship, agree on it, log a session and review your goals\./);
    await waitUntil('the steps to show', async () => (await steps()).length === STEPS.length, { timeoutMs: 15_000 });
    const shown = await steps();
    assert.deepEqual(shown.map((s) => s.title), STEPS);
    assert.deepEqual(shown.map((s) => s.done), [false, false, false, false], 'no step is ticked off yet');
    assert.deepEqual(shown.map((s) => s.open), [true, false, false, false], 'the first step is open');

    // The open step: its text, its button, and its page beside the list.
    const first = details.locator('button.getting-started-step[aria-expanded="true"]');
    assert.match((await first.innerText()).replace(/\s+/g, ' '), /A relationship is a folder with an agreement\.md\./);
    await first.locator('.monaco-button', { hasText: 'Create mentoring relationship' }).first().waitFor({ state: 'visible' });
    const page = wb.page.frameLocator('.getting-started-media iframe.webview.ready').frameLocator('#active-frame');
    await page.locator('h1', { hasText: 'Create a relationship' }).waitFor({ state: 'visible', timeout: 30_000 });
    await page.locator('code', { hasText: 'Mentoring: New relationship' }).or(page.locator('strong', { hasText: 'Mentoring: New relationship' })).first()
      .waitFor({ state: 'visible' });

    await wb.page.mouse.move(1400, 880);
    await wb.screenshot('walkthrough', wb.page.locator('.part.editor'));
  });

  it('ticks a step off when its command runs', async () => {
    const wb = workbench();
    // Write the agreement: Open agreement (the palette asks which relationship).
    await wb.runCommand('Mentoring: Open agreement');
    await wb.pickQuickInput(PRIYA);
    await wb.activeTab('agreement.md').waitFor({ state: 'visible', timeout: 15_000 });
    // Back to the walkthrough, in its Welcome tab.
    await wb.page.locator('.tabs-container .tab', { hasText: 'Welcome' }).first().click();
    await waitUntil('"Write the agreement" to be ticked off', async () => (await steps()).find((s) => s.title === 'Write the agreement')?.done === true, { timeoutMs: 15_000 });
    assert.deepEqual((await steps()).map((s) => s.done), [false, true, false, false]);
  });
});

describe('Walkthrough opened by Mentoring: Get started, in a window whose Welcome page did not open at start-up', () => {
  it('ticks the steps the journal already shows done: a relationship, an agreement signed by both, a session', async function () {
    this.timeout(180_000);
    // A workbench of its own: VS Code loads the walkthroughs only with the Welcome page or the
    // first walkthrough opened, and counts a context key only when it turns true after that.
    const wb = await Workbench.open({ name: 'e2e-walkthrough-get-started', populate: (workspace) => void rmSync(path.join(workspace, 'broken'), { recursive: true, force: true }) });
    try {
      await wb.openViewContainer('Mentoring', 120_000);
      await wb.page.locator('.monaco-list-row[aria-level="1"]', { hasText: PRIYA }).first().waitFor({ state: 'visible', timeout: 60_000 });
      await wb.runCommand('Mentoring: Get started');
      const details = wb.page.locator('.gettingStartedSlideDetails');
      await details.locator('.getting-started-category .category-title', { hasText: TITLE }).first().waitFor({ state: 'visible', timeout: 15_000 });
      const shown = async () => wb.page.locator('.gettingStartedSlideDetails button.getting-started-step:visible').evaluateAll((buttons) => buttons.map((b) => b.querySelector('.codicon[role="checkbox"]')?.getAttribute('aria-checked') === 'true'));
      // The example journal has relationships, agreements signed by both and sessions, and no saved review.
      await waitUntil('the three steps the journal shows done to be ticked', async () => JSON.stringify(await shown()) === JSON.stringify([true, true, true, false]), { timeoutMs: 15_000 });
    } finally {
      await wb.close();
    }
  });
});
