/**
 * Quick fixes inside a real VS Code, through `vscode.executeCodeActionProvider` on a scratch copy
 * of the broken example journal (one deliberate problem per file): each fix is applied and the
 * resulting text asserted exactly, then reverted. The copy is removed afterwards.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MentoringJournalApi } from '../../src/vscode/feature';
import { read, removeFixture, setUpSuite, TODAY, uri, waitFor } from './support';

const SCRATCH = 'scratch-fixes';

let api: MentoringJournalApi;

async function write(path: string, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri(path), new TextEncoder().encode(text));
  await api.service.refreshFile(uri(path));
}

/** The quick fixes offered at a position (line and column 1-based, as in the broken journal's README). */
async function fixesAt(path: string, line: number, column: number): Promise<vscode.CodeAction[]> {
  const doc = await vscode.workspace.openTextDocument(uri(path));
  const at = new vscode.Position(line - 1, column - 1);
  const actions = await vscode.commands.executeCommand<Array<vscode.CodeAction | vscode.Command>>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(at, at), vscode.CodeActionKind.QuickFix.value);
  return (actions ?? []).filter((a): a is vscode.CodeAction => 'kind' in a || 'edit' in a).filter((a) => a.kind?.value === vscode.CodeActionKind.QuickFix.value);
}

const titles = (actions: vscode.CodeAction[]) => actions.map((a) => a.title);

/** Applies a fix's edit and resolves with the document's text; the document is reverted afterwards by `revert`. */
async function apply(path: string, action: vscode.CodeAction | undefined): Promise<string> {
  assert.ok(action?.edit, `the fix has an edit: ${action?.title}`);
  const doc = await vscode.workspace.openTextDocument(uri(path));
  assert.ok(await vscode.workspace.applyEdit(action.edit));
  const text = doc.getText();
  await vscode.window.showTextDocument(doc);
  await vscode.commands.executeCommand('workbench.action.files.revert');
  assert.equal(doc.getText(), await read(path), 'reverted');
  return text;
}

describe('Quick fixes', () => {
  before(async () => {
    api = await setUpSuite({ 'broken': SCRATCH });
    await waitFor('the scratch copy to be indexed', () => {
      const ids = api.service.relationships().map((r) => r.relationship.id);
      return ids.includes(`${SCRATCH}/lee-and-noor`) && ids.includes(`${SCRATCH}/jo-and-ravi`) && api.service.relationships().find((r) => r.relationship.id === `${SCRATCH}/lee-and-noor`)!.relationship.sessions.length >= 4;
    });
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await removeFixture(SCRATCH);
    api.setToday(TODAY);
  });

  it('renames an unknown key to the key it is probably a typo of', async () => {
    const path = `${SCRATCH}/jo-and-ravi/agreement.md`;
    const fixes = await fixesAt(path, 4, 1);
    const rename = fixes.find((a) => a.title.includes('`mentee`') && a.title.startsWith('Did you mean'));
    assert.ok(rename, titles(fixes).join(' | '));
    assert.equal(rename.isPreferred, true);
    const before = await read(path);
    assert.equal(await apply(path, rename), before.replace('\nmentie: Ravi Kumar\n', '\nmentee: Ravi Kumar\n'));
  });

  it('adds a missing required key with its placeholder', async () => {
    const path = `${SCRATCH}/lee-and-noor/goals/incident-review.md`;
    const fixes = await fixesAt(path, 1, 1);
    const add = fixes.find((a) => a.title === 'Add `title: Goal title`');
    assert.ok(add, titles(fixes).join(' | '));
    const before = await read(path);
    assert.equal(await apply(path, add), before.replace('---\ntype: goal\n', '---\ntype: goal\ntitle: Goal title\n'));
  });

  it('adds a missing date key with the date the file is named after', async () => {
    const path = `${SCRATCH}/lee-and-noor/sessions/2026-05-06.md`;
    await write(path, '---\ntype: session\nattendees: [Lee Hamilton, Noor Haddad] # both\n---\n\nNotes.\n');
    await waitFor('the new session to be indexed', () => api.service.allRoots().some((r) => r.index.file(path)));
    const fixes = await fixesAt(path, 1, 1);
    const add = fixes.find((a) => a.title === 'Add `date: 2026-05-06`');
    assert.ok(add, titles(fixes).join(' | '));
    assert.ok(!fixes.some((a) => a.title.includes(TODAY)), `today is not offered: ${titles(fixes).join(' | ')}`);
    assert.equal(await apply(path, add), '---\ntype: session\ndate: 2026-05-06\nattendees: [Lee Hamilton, Noor Haddad] # both\n---\n\nNotes.\n');
  });

  it('offers the file name\'s date, not preferred, beside a key that holds a date which is no day; the rename is not preferred either', async () => {
    const path = `${SCRATCH}/lee-and-noor/sessions/2026-05-13.md`;
    await write(path, '---\ntype: session\nwhen: 2026-02-30\n---\n\nNotes.\n');
    await waitFor('the new session to be indexed', () => api.service.allRoots().some((r) => r.index.file(path)));
    const add = (await fixesAt(path, 1, 1)).find((a) => a.title === 'Add `date: 2026-05-13`');
    assert.ok(add);
    assert.equal(add.isPreferred, false);
    const rename = (await fixesAt(path, 3, 1)).find((a) => a.title.startsWith('Did you mean `date`?'));
    assert.ok(rename);
    assert.equal(rename.isPreferred, false);
    assert.equal(await apply(path, add), '---\ntype: session\ndate: 2026-05-13\nwhen: 2026-02-30\n---\n\nNotes.\n');
  });

  it('adds a missing date key with today when the file name holds no date', async () => {
    const path = `${SCRATCH}/lee-and-noor/sessions/kick-off.md`;
    await write(path, '---\ntype: session\n---\n\nNotes.\n');
    await waitFor('the new session to be indexed', () => api.service.allRoots().some((r) => r.index.file(path)));
    const fixes = await fixesAt(path, 1, 1);
    const add = fixes.find((a) => a.title === `Add \`date: ${TODAY}\``);
    assert.ok(add, titles(fixes).join(' | '));
    assert.equal(await apply(path, add), `---\ntype: session\ndate: ${TODAY}\n---\n\nNotes.\n`);
  });

  it('adds success criteria to an active goal that has none', async () => {
    const path = `${SCRATCH}/lee-and-noor/goals/public-speaking.md`;
    const fixes = await fixesAt(path, 4, 9);
    const add = fixes.find((a) => a.title.startsWith('Add `success:'));
    assert.ok(add, titles(fixes).join(' | '));
    const text = await apply(path, add);
    const before = await read(path);
    assert.equal(text, before.replace('\ndue: 2026-10-16\n', '\ndue: 2026-10-16\nsuccess: How we will know this goal is met\n'));
  });

  it('replaces an invalid enum value with each allowed one, the closest preferred', async () => {
    const path = `${SCRATCH}/jo-and-ravi/agreement.md`;
    const fixes = (await fixesAt(path, 5, 9)).filter((a) => a.title.startsWith('Change to'));
    assert.deepEqual(titles(fixes), ['one-to-one', 'peer', 'group', 'reverse', 'co-mentoring'].map((v) => `Change to \`${v}\``));
    assert.deepEqual(fixes.filter((a) => a.isPreferred).map((a) => a.title), ['Change to `one-to-one`']);
    const before = await read(path);
    assert.equal(await apply(path, fixes[3]), before.replace('format: one-on-one', 'format: reverse'));
  });

  it('puts the value the message suggests first and preferred, also for a word people use instead (`done` for `achieved`)', async () => {
    const path = `${SCRATCH}/lee-and-noor/goals/finished.md`;
    await write(path, '---\ntype: goal\nid: finished\ntitle: A finished goal\nstatus: done\n---\n');
    const fixes = (await fixesAt(path, 5, 9)).filter((a) => a.title.startsWith('Change to'));
    assert.deepEqual(titles(fixes), ['achieved', 'proposed', 'active', 'dropped', 'paused'].map((v) => `Change to \`${v}\``));
    assert.deepEqual(fixes.filter((a) => a.isPreferred).map((a) => a.title), ['Change to `achieved`']);
    assert.equal(await apply(path, fixes[0]), '---\ntype: goal\nid: finished\ntitle: A finished goal\nstatus: achieved\n---\n');
    await vscode.workspace.fs.delete(uri(path));
  });

  it('offers the nearest goal id for an unknown one, and to create its goal file', async () => {
    const path = `${SCRATCH}/lee-and-noor/sessions/2026-03-04.md`;
    const fixes = await fixesAt(path, 5, 9);
    const change = fixes.find((a) => a.title.startsWith('Did you mean `design-review`'));
    assert.ok(change, titles(fixes).join(' | '));
    const before = await read(path);
    assert.equal(await apply(path, change), before.replace('goals: [design-reviews]', 'goals: [design-review]'));

    const create = fixes.find((a) => a.title === 'Create goal `design-reviews` (goals/design-reviews.md)');
    assert.ok(create?.command, titles(fixes).join(' | '));
    const created = await vscode.commands.executeCommand<vscode.Uri>(create.command.command, ...(create.command.arguments ?? []));
    assert.equal(created?.toString(), uri(`${SCRATCH}/lee-and-noor/goals/design-reviews.md`).toString());
    assert.match(await read(`${SCRATCH}/lee-and-noor/goals/design-reviews.md`), /^---\ntype: goal\nid: design-reviews\ntitle: Design reviews\n/);
    const doc = await vscode.workspace.openTextDocument(uri(path));
    await waitFor('the unknown goal problem to go', () => !vscode.languages.getDiagnostics(doc.uri).some((d) => (d.code as { value?: string })?.value === 'goal/unknown-id'));
  });

  it('adds the missing type, and a front matter where there is none', async () => {
    const path = `${SCRATCH}/lee-and-noor/sessions/2026-03-18.md`;
    const add = (await fixesAt(path, 1, 1)).find((a) => a.title === 'Add `type: session`');
    const before = await read(path);
    assert.equal(await apply(path, add), before.replace(/^---\n/, '---\ntype: session\n'));

    const bare = `${SCRATCH}/lee-and-noor/sessions/2026-05-20.md`;
    await write(bare, 'We met and talked.\n');
    await waitFor('the bare session to be indexed', () => api.service.allRoots().some((r) => r.index.file(bare)));
    const front = (await fixesAt(bare, 1, 1)).find((a) => a.title === 'Add `type: session`');
    assert.equal(await apply(bare, front), '---\ntype: session\n---\n\nWe met and talked.\n');
  });

  it('puts right front matter written almost right, rather than adding a second one', async () => {
    const path = `${SCRATCH}/lee-and-noor/sessions/2026-05-27.md`;
    await write(path, '\n ----\ntype: session\ndate: 2026-05-27\n----\n\nWe met.\n');
    await waitFor('the session to be indexed', () => api.service.allRoots().some((r) => r.index.file(path)));
    const fixes = await fixesAt(path, 2, 2);
    assert.deepEqual(titles(fixes), ['Put the front matter\'s `---` lines right']);
    assert.equal(await apply(path, fixes[0]), '---\ntype: session\ndate: 2026-05-27\n---\n\nWe met.\n');
  });

  it('puts right the line meant to close the front matter, written almost right', async () => {
    const path = `${SCRATCH}/lee-and-noor/sessions/2026-06-03.md`;
    await write(path, '---\ntype: session\ndate: 2026-06-03\nstatus: missed\n--- # moved\n\nWe could not meet.\n');
    await waitFor('the session to be indexed', () => api.service.allRoots().some((r) => r.index.file(path)));
    const fixes = await fixesAt(path, 5, 1);
    assert.deepEqual(titles(fixes), ['Put the line that closes the front matter right']);
    assert.equal(await apply(path, fixes[0]), '---\ntype: session\ndate: 2026-06-03\nstatus: missed\n# moved\n---\n\nWe could not meet.\n');
  });

  it('offers no fix that would have to guess in broken YAML', async () => {
    const path = `${SCRATCH}/lee-and-noor/sessions/2026-04-01.md`;
    const doc = await vscode.workspace.openTextDocument(uri(path));
    await waitFor('its syntax error', () => vscode.languages.getDiagnostics(doc.uri).some((d) => (d.code as { value?: string })?.value === 'yaml/syntax'));
    const all: vscode.CodeAction[] = [];
    for (let line = 1; line <= doc.lineCount; line++) all.push(...(await fixesAt(path, line, 1)));
    assert.deepEqual(titles(all), []);
  });
});
