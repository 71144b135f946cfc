/**
 * The product's snippets, inserted as a user does: type the `mj-` prefix in a Markdown file,
 * open the suggestions, accept, fill the placeholders. Screenshots: snippet-completion (the
 * suggestion list for `mj-` with a snippet's preview), snippet-choice (the variants of an
 * open question).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { localToday, workbench } from './workbench';

const FILE = 'session-notes.md';
/** The top of the editor area, `height` pixels high: where the suggestions show. */
async function editorTop(height: number) {
  const box = await workbench().page.locator('.part.editor').boundingBox();
  if (!box) throw new Error('no editor area');
  return { x: box.x, y: box.y, width: box.width, height };
}

describe('Snippets', () => {
  before(async () => {
    const wb = workbench();
    await wb.reset();
    // Outside every relationship, so that the other tests' journal stays as it is.
    fs.writeFileSync(path.join(wb.workspaceDir, FILE), '# Session notes\n\n## Questions\n\n\n\n## Actions\n\n\n');
  });

  after(async () => {
    await workbench().runCommand('View: Close All Editors');
  });

  it('offers the open questions by prefix and inserts the chosen variant', async () => {
    const wb = workbench();
    await wb.openFile(FILE);
    await wb.goToLine(5);
    await wb.insertSnippet('mj-wh', 'mj-what-building', 15_000, {
      beforeAccept: async (widget) => {
        const labels = await widget.locator('.monaco-list-row .label-name').allInnerTexts();
        // (The list renders the rows that fit: the What, When and Where questions come first.)
        for (const prefix of ['mj-what-building', 'mj-what-creating', 'mj-when-building', 'mj-where-building']) {
          assert.ok(labels.includes(prefix), `${prefix} among the suggestions: ${labels.join(', ')}`);
        }
        // The entry's description, as the list shows it.
        const row = widget.locator('.monaco-list-row').filter({ hasText: 'mj-what-building' }).first();
        assert.match(await row.innerText(), /Open question: What \(building\)/);
        await wb.screenshot('snippet-completion', await editorTop(420));
      },
    });
    // The question is a choice: the editor offers the variants; take the first.
    const choices = wb.suggestWidget();
    await choices.locator('.monaco-list-row').filter({ hasText: 'What did you try since we last met' }).first().waitFor({ state: 'visible' });
    const variants = await choices.locator('.monaco-list-row .label-name').allInnerTexts();
    assert.ok(variants.includes('What is getting in the way right now?'), `variants: ${variants.join(' | ')}`);
    await wb.screenshot('snippet-choice', await editorTop(300));
    await wb.page.keyboard.press('Enter');
    await choices.waitFor({ state: 'hidden' });
    await wb.page.keyboard.press('Escape');
    const text = await wb.saveAndRead(FILE);
    assert.equal(text.split('\n')[4], '- What did you try since we last met, and what happened?');
  });

  it('offers the snippets as you type mj- in a journal file, without Ctrl+Space', async () => {
    const wb = workbench();
    await wb.openFile(FILE);
    await wb.goToLine(7);
    await wb.page.keyboard.type('mj-act');
    // Markdown's quick suggestions are off: the list opens on the `-` of `mj-`, from the extension.
    const row = wb.suggestWidget().locator('.monaco-list-row').filter({ has: wb.page.locator('.label-name', { hasText: 'mj-action' }) }).first();
    await row.waitFor({ state: 'visible', timeout: 15_000 });
    await wb.page.keyboard.press('Escape');
    await wb.runCommand('File: Revert File');
    await wb.page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached', timeout: 10_000 });
  });

  it('inserts an action item with owner, text and a due date that defaults to today', async () => {
    const wb = workbench();
    await wb.openFile(FILE);
    await wb.goToLine(9);
    await wb.insertSnippet('mj-action');
    // The placeholders in order: owner, what will be done, the due date (today's date preselected).
    await wb.page.keyboard.type('sam');
    await wb.page.keyboard.press('Tab');
    await wb.page.keyboard.type('send the draft to two reviewers');
    await wb.page.keyboard.press('Tab');
    await wb.page.keyboard.press('Tab');
    const text = await wb.saveAndRead(FILE);
    assert.equal(text.split('\n')[8], `- [ ] @sam send the draft to two reviewers (due ${localToday()})`);
    assert.equal(text.split('\n').length, 10, 'nothing else was added');
  });
});
