/**
 * The extension in Restricted Mode as a user sees it: a second workbench (its own code-server,
 * started without --disable-workspace-trust, and Chromium) on a fresh copy of the fixture
 * workspace, which VS Code keeps untrusted. The banner and the status bar say Restricted Mode;
 * the Mentoring view lists the relationships and offers Review goals but not New session; the
 * command palette offers the reading commands and none of the writing ones. Nothing is written.
 * (The untrusted tier, test/untrusted/, proves the refusals through the API.)
 * Screenshot: restricted-mode.
 */
import * as assert from 'node:assert/strict';
import { waitUntil } from '../../scripts/vscode-test/host.mjs';
import { Workbench } from './workbench';

const VIEW = 'Relationships';
const PRIYA = 'Priya Raman ↔ Sam Okafor';
const READING = ['Review goals', 'Open agreement', 'Refresh'];
const WRITING = ['New relationship', 'New session', 'New goal', 'Mark goal achieved', 'Set goal progress', 'Advance stage'];

/** Whether a label (an aria-label of a palette row or a button) names `title`, possibly with a keybinding after it. */
const names = (labels: string[], title: string) =>
  labels.some((l) => l === title || l.startsWith(`${title},`) || l.startsWith(`${title} (`));

describe('Restricted Mode', function () {
  // Its own code-server and Chromium: starting them takes a while on a busy 2-core machine.
  this.timeout(180_000);
  let wb: Workbench | undefined;

  before(async () => {
    wb = await Workbench.open({ name: 'e2e-untrusted', trust: false });
    await wb.waitForExtensionHost();
  });

  after(async () => {
    await wb?.close();
  });

  it('shows the view and the reading commands, and none of the writing commands', async () => {
    const w = wb!;
    const page = w.page;
    // VS Code says so: the banner over the workbench and the status bar entry.
    const banner = page.locator('.part.banner');
    await banner.waitFor({ state: 'visible', timeout: 30_000 });
    assert.match((await banner.innerText()).replace(/\s+/g, ' '), /Restricted Mode/);
    const status = page.locator('.part.statusbar .statusbar-item').filter({ hasText: 'Restricted Mode' }).first();
    await status.waitFor({ state: 'visible', timeout: 15_000 });

    // The Mentoring view reads the journal: the relationships, Priya and Sam's goals.
    await w.openViewContainer('Mentoring', 60_000);
    await w.treeRow(VIEW, PRIYA).waitFor({ state: 'visible', timeout: 60_000 });
    await w.resizeSideBar(560);
    const top = (await w.treeRows(VIEW)).filter((r) => r.level === 1).map((r) => r.label);
    assert.deepEqual(top, ['Jo Marsh ↔ ?', 'Lee Hamilton ↔ Noor Haddad', PRIYA, 'Aiko Tanaka ↔ Daniel Weber']);
    assert.equal(await w.treeRowDescription(VIEW, PRIYA, 'Goals'), '3');
    await w.expandTreeItem(VIEW, 'Goals');
    await w.treeRow(VIEW, 'Lead the design RFC for the event-driven billing pipeline').waitFor({ state: 'visible', timeout: 15_000 });

    // Files open and read as usual: the goal in the editor beside the view.
    await w.openFile('journal/priya-and-sam/goals/write-design-rfc.md');

    // The view's toolbar (shown while the pointer is over the side bar): Review goals, no New session.
    // With the Actions view beside it, the Relationships view has its toolbar in its own header.
    await w.viewPane(VIEW).hover();
    const toolbar = w.viewPane(VIEW).locator('.pane-header .actions .action-label');
    await w.viewPane(VIEW).locator('.pane-header .actions .action-label[aria-label^="Review goals"]').first().waitFor({ state: 'visible', timeout: 15_000 });
    const buttons = await toolbar.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    assert.ok(names(buttons, 'Review goals'), `toolbar: ${buttons.join(' | ')}`);
    assert.ok(!names(buttons, 'New session'), `toolbar offers New session in Restricted Mode: ${buttons.join(' | ')}`);

    // The palette: the reading commands are offered, the writing ones are not.
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    await input.fill('>Mentoring: ');
    await w.quickInputRow('Mentoring: Review goals').waitFor({ state: 'visible', timeout: 15_000 });
    let offered: string[] = [];
    await waitUntil('the palette to list the reading commands', async () => {
      offered = await w.quickInputLabels();
      return READING.every((t) => names(offered, `Mentoring: ${t}`));
    }, { timeoutMs: 15_000, intervalMs: 250 }).catch((err: Error) => {
      throw new Error(`${err.message}: ${offered.join(' | ')}`);
    });
    for (const title of WRITING) {
      assert.ok(!names(offered, `Mentoring: ${title}`), `the palette offers Mentoring: ${title} in Restricted Mode: ${offered.join(' | ')}`);
    }

    // The picture: the banner, the palette with the reading commands, the view and the status bar.
    await page.mouse.move(1200, 700);
    await w.screenshot('restricted-mode');
    await page.keyboard.press('Escape');
  });
});
