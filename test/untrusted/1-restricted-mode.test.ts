/**
 * The untrusted tier (run-code-server.mjs --untrusted): these suites run in a window that VS Code
 * itself keeps in Restricted Mode (code-server started without --disable-workspace-trust, trust
 * enabled, no start-up prompt; nothing in the fresh profile is trusted). Nothing here calls
 * `api.editing.overrideTrust`: the extension sees the real `vscode.workspace.isTrusted`.
 *
 * This first suite checks the mode itself: the workspace is untrusted and the workbench shows it,
 * VS Code activates the extension by itself (it declares limited support), and the `when` clauses
 * with `isWorkspaceTrusted` hide every writing command from the command palette and the
 * Mentoring view, as the workbench renders them.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MentoringJournalApi } from '../../src/vscode/feature';
import { getExtension, waitFor } from '../suite/support';
import { queryWorkbench, waitForWorkbench, type WorkbenchElement } from './workbench';

// A root hook: it runs before the first test of every file of this tier, so that a window that
// turned out trusted fails the whole tier at once instead of letting refusals pass unchecked.
before(() => {
  assert.equal(vscode.workspace.isTrusted, false,
    'the workspace is trusted, so the untrusted tier cannot test anything: it must run in Restricted Mode (run-code-server.mjs --untrusted)');
});

const WRITING_TITLES = ['New relationship', 'New session', 'New goal', 'Mark goal achieved', 'Set goal progress', 'Advance stage'];

/** An element whose aria-label is `title`, possibly followed by a keybinding or ", recently used". */
const hasLabel = (elements: WorkbenchElement[], title: string) =>
  elements.some((e) => e.label === title || e.label.startsWith(`${title},`) || e.label.startsWith(`${title} (`));
const labels = (elements: WorkbenchElement[]) => elements.map((e) => e.label).join(' | ');

describe('Restricted Mode (a really untrusted workspace)', function () {
  // Generous: activation and the workbench are slower on a busy 2-core machine.
  this.timeout(60_000);

  it('has vscode.workspace.isTrusted === false, and the workbench shows Restricted Mode', async () => {
    assert.strictEqual(vscode.workspace.isTrusted, false);
    await waitForWorkbench('the workbench to show Restricted Mode', '.part.statusbar .statusbar-item, .part.banner',
      (elements) => elements.some((e) => /Restricted Mode/i.test(`${e.label} ${e.text}`)));
  });

  it('VS Code activates the extension by itself, as it supports limited mode', async () => {
    const extension = getExtension();
    assert.equal((extension.packageJSON as { capabilities: { untrustedWorkspaces: { supported: unknown } } }).capabilities.untrustedWorkspaces.supported, 'limited');
    // Activated after start-up (onStartupFinished), not by this test: no activate() call; it found the journal by itself.
    await waitFor('VS Code to activate the extension in Restricted Mode', () => extension.isActive, 30000);
    const api = extension.exports as MentoringJournalApi;
    assert.ok(api?.service, 'activate() returned the api');
    await api.service.ready();
    assert.ok(api.service.relationships().length >= 4, 'the example and broken journals are indexed');
  });

  it('leaves every writing command out of the command palette (isWorkspaceTrusted)', async () => {
    await vscode.commands.executeCommand('workbench.action.quickOpen', '>Mentoring: ');
    try {
      const rows = '.quick-input-widget .quick-input-list .monaco-list-row';
      // The reading commands (same `mentoringJournal.hasJournal` in their when clauses) are the control.
      await waitForWorkbench('the palette to list the reading commands', rows,
        (e) => hasLabel(e, 'Mentoring: Review goals') && hasLabel(e, 'Mentoring: Open agreement'));
      await new Promise((r) => setTimeout(r, 500));
      const offered = await queryWorkbench(rows);
      for (const title of ['Review goals', 'Open agreement', 'Refresh']) {
        assert.ok(hasLabel(offered, `Mentoring: ${title}`), `palette offers Mentoring: ${title}: ${labels(offered)}`);
      }
      for (const title of WRITING_TITLES) {
        assert.ok(!hasLabel(offered, `Mentoring: ${title}`), `palette offers Mentoring: ${title} in Restricted Mode: ${labels(offered)}`);
      }
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    }
  });

  it('shows Review goals but not New session in the Mentoring view\'s toolbar and on relationships', async () => {
    await vscode.commands.executeCommand('workbench.view.extension.mentoring');
    const toolbar = await waitForWorkbench('the Mentoring view\'s toolbar', '.part.sidebar .title-actions .action-label, .part.sidebar .pane-header .actions .action-label',
      (e) => hasLabel(e, 'Review goals') && hasLabel(e, 'Refresh'));
    assert.ok(!hasLabel(toolbar, 'New session'), `toolbar: ${labels(toolbar)}`);
    const inline = await waitForWorkbench('the inline actions of the relationships', '.part.sidebar .monaco-list-row .actions .action-label',
      (e) => hasLabel(e, 'Review goals'));
    for (const title of WRITING_TITLES) assert.ok(!hasLabel(inline, title), `inline actions: ${labels(inline)}`);
  });
});
