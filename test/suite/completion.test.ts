/**
 * Completion inside a real VS Code, through `vscode.executeCompletionItemProvider`: front-matter
 * keys of the file's type with their descriptions, enum values, goal ids in `goals:` lists, under
 * `progress:` and inside `[[...]]`. Works on files written into a scratch copy of the example
 * relationship, removed afterwards.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MentoringJournalApi } from '../../src/vscode/feature';
import { removeFixture, setUpSuite, TODAY, uri, waitFor } from './support';

const SCRATCH = 'scratch-completion';
const REL = `${SCRATCH}/priya-and-sam`;
const REVERSE = `${SCRATCH}/reverse-mentoring`;
const GOAL_IDS = ['write-design-rfc', 'capacity-planning', 'review-others-designs'];

let api: MentoringJournalApi;

const labelOf = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);
const docOf = (item: vscode.CompletionItem) => (typeof item.documentation === 'string' ? item.documentation : item.documentation?.value ?? '');

let counter = 0;
/**
 * Writes `text` (with `|` marking the cursor) as a new file at `path` (relative to the scratch
 * relationship), and resolves with the completion items there that this extension provides.
 */
async function complete(base: string, path: string, marked: string): Promise<vscode.CompletionItem[]> {
  const at = marked.indexOf('|');
  const text = marked.replace('|', '');
  const file = `${base}/${path.replace('#', String(++counter))}`;
  await vscode.workspace.fs.writeFile(uri(file), new TextEncoder().encode(text));
  await api.service.refreshFile(uri(file));
  await waitFor(`${file} in the index`, () => api.service.allRoots().some((r) => r.index.file(file)));
  const doc = await vscode.workspace.openTextDocument(uri(file));
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, doc.positionAt(at));
  // Only what this extension's provider offers: keys, values and goal ids (not snippets or words).
  const ours = [vscode.CompletionItemKind.Property, vscode.CompletionItemKind.EnumMember, vscode.CompletionItemKind.Reference];
  return list.items.filter((i) => i.kind !== undefined && ours.includes(i.kind) && i.detail !== undefined);
}

describe('Completion', () => {
  before(async () => {
    api = await setUpSuite({ 'journal/priya-and-sam': REL, 'journal/reverse-mentoring': REVERSE });
    await waitFor('the scratch relationships', () => {
      const rels = api.service.relationships().map((r) => r.relationship);
      return rels.find((r) => r.id === REL)?.goals.length === 3 && rels.find((r) => r.id === REVERSE)?.goals.length === 3;
    });
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await removeFixture(SCRATCH);
    api.setToday(TODAY);
  });

  it('offers the keys of a session that are not written yet, with their descriptions', async () => {
    const items = await complete(REL, 'sessions/keys-#.md', '---\ntype: session\ndate: 2026-11-23\n|\n---\n');
    const labels = items.map(labelOf);
    for (const key of ['attendees', 'duration', 'status', 'stage', 'goals', 'progress', 'next']) assert.ok(labels.includes(key), `${key} in ${labels.join(', ')}`);
    for (const present of ['type', 'date']) assert.ok(!labels.includes(present), `${present} is already written`);
    const duration = items.find((i) => labelOf(i) === 'duration')!;
    assert.equal(duration.kind, vscode.CompletionItemKind.Property);
    assert.match(docOf(duration), /Length of the session in minutes/);
    assert.equal((duration.insertText as string | undefined) ?? labelOf(duration), 'duration: ');
  });

  it('offers the keys of a goal file and of a goal written inline in the agreement', async () => {
    const goal = (await complete(REVERSE, 'goals/g-#.md', '---\ntype: goal\ntitle: T\n|\n---\n')).map(labelOf);
    for (const key of ['id', 'owner', 'success', 'due', 'status', 'progress', 'skills', 'created']) assert.ok(goal.includes(key), `${key} in ${goal.join(', ')}`);
    assert.ok(!goal.includes('attendees'));
    const inline = (await complete(REVERSE, 'notes-#.md', '---\ntype: agreement\nmentor: A\ngoals:\n  - id: new-goal\n    |\n---\n')).map(labelOf);
    assert.ok(inline.includes('title') && inline.includes('success') && !inline.includes('id') && !inline.includes('mentor'), inline.join(', '));
  });

  it('offers the allowed values of enum keys, and today for dates', async () => {
    const session = (await complete(REL, 'sessions/status-#.md', '---\ntype: session\ndate: 2026-11-23\nstatus: |\n---\n')).map(labelOf);
    assert.deepEqual(session, ['held', 'cancelled', 'missed']);
    const goal = (await complete(REVERSE, 'goals/status-#.md', '---\ntype: goal\ntitle: T\nstatus: ac|\n---\n')).map(labelOf);
    assert.deepEqual(goal, ['proposed', 'active', 'achieved', 'dropped', 'paused']);
    const stage = (await complete(REL, 'sessions/stage-#.md', '---\ntype: session\ndate: 2026-11-23\nstage: |\n---\n')).map(labelOf);
    assert.deepEqual(stage, ['creating', 'building', 'mastery', 'moving-on']);
    const date = (await complete(REL, 'sessions/date-#.md', '---\ntype: session\ndate: |\n---\n')).map(labelOf);
    assert.deepEqual(date, [TODAY]);
  });

  it('offers the relationship\'s goal ids in goals: lists, leaving out those already listed', async () => {
    const flow = await complete(REL, 'sessions/flow-#.md', '---\ntype: session\ndate: 2026-11-23\ngoals: [write-design-rfc, |]\n---\n');
    assert.deepEqual(flow.map(labelOf).sort(), ['capacity-planning', 'review-others-designs']);
    const item = flow.find((i) => labelOf(i) === 'review-others-designs')!;
    assert.equal(item.kind, vscode.CompletionItemKind.Reference);
    assert.match(docOf(item), /Review other engineers/);
    const block = (await complete(REL, 'sessions/block-#.md', '---\ntype: session\ndate: 2026-11-23\ngoals:\n  - capacity-planning\n  - |\n---\n')).map(labelOf);
    assert.deepEqual(block.sort(), ['review-others-designs', 'write-design-rfc']);
  });

  it('offers goal ids as progress: keys, and the active goals first', async () => {
    const items = await complete(REL, 'sessions/progress-#.md', '---\ntype: session\ndate: 2026-11-23\nprogress:\n  |\n---\n');
    assert.deepEqual(items.map(labelOf).sort(), [...GOAL_IDS].sort());
    const sorted = [...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
    assert.equal(labelOf(sorted[0]!), 'write-design-rfc', 'the active goal first');
    assert.equal(items.find((i) => labelOf(i) === 'capacity-planning')!.insertText, 'capacity-planning: ');
  });

  it('offers goal ids inside [[...]] in the body, closing the brackets when needed', async () => {
    const open = await complete(REL, 'sessions/body-#.md', '---\ntype: session\ndate: 2026-11-23\n---\n\nWe talked about [[wri|\n');
    assert.deepEqual(open.map(labelOf).sort(), [...GOAL_IDS].sort());
    assert.equal(open.find((i) => labelOf(i) === 'write-design-rfc')!.insertText, 'write-design-rfc]]');
    const closed = await complete(REL, 'sessions/body-#.md', '---\ntype: session\ndate: 2026-11-23\n---\n\nSee [[|]] for details.\n');
    assert.equal(closed.find((i) => labelOf(i) === 'capacity-planning')!.insertText, 'capacity-planning');
    const plain = await complete(REL, 'sessions/body-#.md', '---\ntype: session\ndate: 2026-11-23\n---\n\nJust text |\n');
    assert.deepEqual(plain.map(labelOf), []);
  });
});
