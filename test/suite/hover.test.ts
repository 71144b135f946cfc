/**
 * Hover inside a real VS Code, through `vscode.executeHoverProvider` on the example journal:
 * a goal id shows the goal (title, status, progress, success criteria), a front-matter key
 * shows what it means. Reads only.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MentoringJournalApi } from '../../src/vscode/feature';
import { setUpSuite, TODAY, uri } from './support';

/** The hover text at the first occurrence of `needle` (plus `offset` characters) in the file, Markdown escapes removed. */
async function hoverAt(path: string, needle: string, offset = 1): Promise<string> {
  const doc = await vscode.workspace.openTextDocument(uri(path));
  const at = doc.getText().indexOf(needle);
  assert.ok(at >= 0, `${needle} in ${path}`);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(at + offset));
  return (hovers ?? [])
    .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)))
    .join('\n')
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>'])/g, '$1');
}

describe('Hover', () => {
  let api: MentoringJournalApi;
  let goal: { title: string; success?: string; progress?: number };

  before(async () => {
    api = await setUpSuite();
    const rel = api.service.relationships().find((r) => r.relationship.id === 'journal/priya-and-sam');
    assert.ok(rel, 'the example relationship is indexed');
    goal = rel.relationship.goals.find((g) => g.id === 'write-design-rfc')!;
    assert.ok(goal?.success);
  });

  after(() => api.setToday(TODAY));

  it('shows the goal for an id in a session\'s goals list: title, status, progress and success criteria', async () => {
    const text = await hoverAt('journal/priya-and-sam/sessions/2026-11-18.md', 'goals: [write-design-rfc', 9);
    assert.ok(text.includes(`**${goal.title}**`), text);
    assert.match(text, /`write-design-rfc`/);
    assert.match(text, /Status: \*\*active\*\*/);
    assert.match(text, /Progress: \d+%/);
    assert.ok(text.includes(`Success criteria: ${goal.success}`), text);
    assert.match(text, /Defined in \[journal\/priya-and-sam\/goals\/write-design-rfc\.md\]/);
  });

  it('links "Defined in" to the goal\'s definition, a file link at its line that needs no trust', async () => {
    const doc = await vscode.workspace.openTextDocument(uri('journal/priya-and-sam/sessions/2026-11-18.md'));
    const at = doc.getText().indexOf('goals: [write-design-rfc') + 9;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(at));
    const md = hovers.flatMap((h) => h.contents).find((c): c is vscode.MarkdownString => typeof c !== 'string' && 'value' in c && c.value.includes('Defined in'));
    assert.ok(md, 'a goal hover');
    const link = /Defined in \[[^\]]+\]\((\S+) "/.exec(md.value)?.[1];
    assert.ok(link, md.value);
    const target = vscode.Uri.parse(link);
    assert.equal(target.with({ fragment: '' }).toString(), uri('journal/priya-and-sam/goals/write-design-rfc.md').toString());
    assert.equal(target.fragment, 'L1', 'the front matter starts on line 1');
  });

  it('shows the goal for an id under progress: and in [[...]] in the body', async () => {
    const progress = await hoverAt('journal/priya-and-sam/sessions/2026-11-18.md', '  write-design-rfc:', 4);
    assert.ok(progress.includes(`**${goal.title}**`), progress);
    const body = await hoverAt('journal/priya-and-sam/sessions/2026-11-18.md', '[[review-others-designs]]', 5);
    assert.match(body, /\*\*Review other engineers' design documents\*\*/);
    assert.match(body, /Status: \*\*proposed\*\*/);
  });

  it('shows what a front-matter key means, also for a goal written inline in the agreement', async () => {
    const duration = await hoverAt('journal/priya-and-sam/sessions/2026-11-18.md', 'duration:', 2);
    assert.match(duration, /\*\*duration\*\*/);
    assert.match(duration, /Length of the session in minutes/);
    const cadence = await hoverAt('journal/priya-and-sam/agreement.md', 'cadence:', 0);
    assert.match(cadence, /How often you meet/);
    const stage = await hoverAt('journal/priya-and-sam/agreement.md', '\nstage:', 2);
    assert.match(stage, /\*\*stage\*\* \(required\)/);
    const inline = await hoverAt('journal/reverse-mentoring/agreement.md', '    success:', 6);
    assert.match(inline, /Specific, measurable success criteria/);
  });

  it('shows nothing for plain text or an id that is no goal', async () => {
    assert.equal(await hoverAt('journal/priya-and-sam/sessions/2026-11-18.md', 'The outbox', 2), '');
    assert.equal(await hoverAt('journal/priya-and-sam/sessions/2026-11-18.md', 'attendees: [Priya', 13), '');
  });
});
