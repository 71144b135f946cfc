/**
 * The last suite of the untrusted tier: the user trusts the workspace (the Trust button of VS
 * Code's Workspace Trust editor, clicked in the workbench), and the extension follows without a
 * reload: the Review panel already open enables its Save button, and the writing commands come
 * back to the command palette. This is also the control of the suites before: the same window,
 * once trusted, offers what Restricted Mode withheld. Writes nothing.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MentoringJournalApi } from '../../src/vscode/feature';
import type { ReviewPanelApi } from '../../src/vscode/review/panel';
import { getApi, waitFor } from '../suite/support';
import { clickWorkbench, waitForWorkbench } from './workbench';

const PRIYA = 'journal/priya-and-sam';
const DISABLED = /<button id="save" type="button" disabled/;

let api: MentoringJournalApi;
const panel = () => api.reviewPanel as ReviewPanelApi;

describe('Granting trust (at the end of the tier)', function () {
  // Generous: activation and the workbench are slower on a busy 2-core machine.
  this.timeout(60_000);

  before(async () => {
    api = await getApi();
    await api.service.ready();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('enables Save in the open Review panel and brings the writing commands back to the palette', async () => {
    assert.equal(vscode.workspace.isTrusted, false);
    await vscode.commands.executeCommand('mentoringJournal.reviewGoals', { relationship: PRIYA });
    assert.match(panel().current()?.html ?? '', DISABLED);

    const granted = new Promise<void>((resolve) => {
      const sub = vscode.workspace.onDidGrantWorkspaceTrust(() => { sub.dispose(); resolve(); });
    });
    await vscode.commands.executeCommand('workbench.trust.manage');
    const trust = '.workspace-trust-editor .workspace-trust-buttons [aria-label^="Trust,"] .monaco-button';
    await waitForWorkbench('the Trust button of the Workspace Trust editor', trust, (e) => e.length > 0);
    await clickWorkbench(trust);
    await Promise.race([granted, new Promise((_, reject) => setTimeout(() => reject(new Error('no onDidGrantWorkspaceTrust within 10 s')), 10000))]);
    assert.equal(vscode.workspace.isTrusted, true);

    // The panel opened in Restricted Mode, without a change to the journal since.
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor'); // the Workspace Trust editor
    await waitFor(() => `the Review panel to enable Save (${DISABLED.test(panel().current()?.html ?? '') ? 'still disabled' : 'no panel'})`,
      () => panel().current()?.relationship === PRIYA && !DISABLED.test(panel().current()!.html), 5000);
    assert.match(panel().current()!.html, /<button id="save" type="button">Save review as reviews\/\d{4}-\d{2}-\d{2}\.md<\/button>/);

    await vscode.commands.executeCommand('workbench.action.quickOpen', '>Mentoring: ');
    try {
      await waitForWorkbench('the palette to offer Mentoring: New session once trusted', '.quick-input-widget .quick-input-list .monaco-list-row',
        (e) => e.some((r) => r.label.startsWith('Mentoring: New session')));
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    }
  });
});
