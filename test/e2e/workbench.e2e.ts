/**
 * The workbench opens the fixture workspace in code-server and the Explorer lists its folders;
 * measures the time from opening the workbench to the Explorer showing `journal/`. And the
 * helpers of workbench.ts drive a real editor.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { waitUntil } from '../../scripts/vscode-test/host.mjs';
import { recordMetric, watchFirstAppearance, workbench } from './workbench';

const JOURNAL_ROW = '.explorer-folders-view .monaco-list-row[aria-label="journal"]';
watchFirstAppearance('explorer-journal', JOURNAL_ROW);

describe('workbench', () => {
  it('opens the fixture folder and the Explorer shows journal', async () => {
    const wb = workbench();
    assert.ok(fs.existsSync(path.join(wb.workspaceDir, 'journal')), 'the fixture workspace has journal/ (copied from examples/journal)');

    // (Another test may have switched the side bar to another view since: the mark is kept.)
    await wb.openViewContainer('Explorer');
    await wb.explorerItem('journal').waitFor({ state: 'visible' });
    const ms = await wb.mark('explorer-journal');
    recordMetric('workbench_to_explorer_journal_ms', ms);

    const items = await wb.explorerItems();
    assert.ok(items.includes('journal'), `Explorer rows: ${items.join(', ')}`);
    for (const name of wb.host.workspaceEntries) {
      assert.ok(items.includes(name), `the Explorer shows every top-level fixture folder; missing ${name} in ${items.join(', ')}`);
    }
    const title = await wb.page.title();
    assert.match(title, new RegExp(path.basename(wb.workspaceDir)), `window title "${title}" names the workspace folder`);
    await wb.screenshot('workbench');
  });
});

describe('workbench helpers', () => {
  it('open a file by Quick Open, insert a snippet by its prefix and save from the command palette', async () => {
    const wb = workbench();
    const file = 'harness-scratch.md';
    fs.writeFileSync(path.join(wb.workspaceDir, file), '# Scratch\n\n');
    await wb.openFile(file);
    await wb.goToLine(3);
    // The product's goal reference snippet: `[[${1:goal-id}]]$0`, the placeholder selected.
    await wb.insertSnippet('mj-goal-ref');
    await wb.page.keyboard.type('write-design-rfc');
    await wb.runCommand('File: Save');
    await waitUntil(`${file} to be saved`, () => wb.readWorkspaceFile(file).includes('[[write-design-rfc'), { timeoutMs: 10_000 });
    assert.equal(wb.readWorkspaceFile(file), '# Scratch\n\n[[write-design-rfc]]');
  });
});
