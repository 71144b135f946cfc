/**
 * The `mentoringJournal.*` settings inside a real VS Code: changing one (in the workspace's
 * settings) rebuilds the index and the diagnostics, the tree and the status bar follow.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MentoringJournalApi } from '../../src/vscode/feature';
import type { JournalNode } from '../../src/vscode/tree/items';
import type { RelationshipsTreeApi } from '../../src/vscode/tree/relationshipsTree';
import { codeOf, folder, getExtension, journalDiagnostics, setUpSuite, uri as file, waitFor } from './support';

const KEYS = ['rules', 'unknownKeys', 'graceDays', 'staleAfterSessions', 'roots', 'exclude', 'maxFileSize'];

let api: MentoringJournalApi;
let tree: RelationshipsTreeApi;

const config = () => vscode.workspace.getConfiguration('mentoringJournal', folder());
const set = (key: string, value: unknown) => config().update(key, value, vscode.ConfigurationTarget.Workspace);

const ours = (path: string) => journalDiagnostics(path);
const find = (path: string, code: string) => ours(path).find((d) => codeOf(d) === code);
const JO = 'broken/jo-and-ravi/agreement.md';

async function roots(): Promise<JournalNode[]> {
  return ((await tree.provider.getChildren()) ?? []) as JournalNode[];
}

async function relationship(label: string): Promise<JournalNode | undefined> {
  return (await roots()).find((r) => tree.provider.getTreeItem(r).label === label);
}

async function signalCodes(label: string): Promise<string[]> {
  const rel = await relationship(label);
  if (!rel) return [];
  const group = ((await tree.provider.getChildren(rel)) ?? []).find((c) => c.kind === 'signals')!;
  return ((await tree.provider.getChildren(group)) ?? []).map((s) => String(tree.provider.getTreeItem(s).contextValue));
}

describe('Settings: severities, unknown keys, grace days, staleness, roots and limits', () => {
  before(async () => {
    api = await setUpSuite();
    tree = api.tree as RelationshipsTreeApi;
  });

  afterEach(async () => {
    for (const key of KEYS) await set(key, undefined);
    await api.service.ready();
    await waitFor('the default diagnostics', () => ours(JO).length === 3 && ours('journal/priya-and-sam/agreement.md').length === 0);
  });

  it('declares every setting with a scope, a default and a description', () => {
    const properties = (getExtension().packageJSON.contributes.configuration.properties) as Record<string, Record<string, unknown>>;
    for (const key of KEYS) {
      const p = properties[`mentoringJournal.${key}`];
      assert.ok(p, `mentoringJournal.${key} is declared`);
      assert.equal(p.scope, 'resource', key);
      assert.ok('default' in p, `${key} has a default`);
      assert.ok(p.markdownDescription || p.description, `${key} has a description`);
    }
  });

  it('changes the severity of a rule, and turns a rule off', async () => {
    assert.equal(find(JO, 'keys/unknown')?.severity, vscode.DiagnosticSeverity.Warning);
    await set('rules', { 'keys/unknown': 'error', 'schema/invalid-enum': 'info' });
    await waitFor('keys/unknown as an error', () => find(JO, 'keys/unknown')?.severity === vscode.DiagnosticSeverity.Error);
    assert.equal(find(JO, 'schema/invalid-enum')?.severity, vscode.DiagnosticSeverity.Information);
    assert.equal(find(JO, 'schema/missing-key')?.severity, vscode.DiagnosticSeverity.Error, 'other rules keep their default');

    await set('rules', { 'keys/unknown': 'off', 'goal/no-success-criteria': 'error' });
    await waitFor('keys/unknown off', () => ours(JO).length === 2 && !find(JO, 'keys/unknown'));
    await waitFor('goal/no-success-criteria as an error', () =>
      find('broken/lee-and-noor/goals/public-speaking.md', 'goal/no-success-criteria')?.severity === vscode.DiagnosticSeverity.Error);
  });

  it('turns unknown-key warnings off', async () => {
    await set('unknownKeys', false);
    await waitFor('no keys/unknown', () => ours(JO).length === 2);
    assert.deepEqual(ours(JO).map(codeOf), ['schema/missing-key', 'schema/invalid-enum']);
  });

  it('uses the grace days before a relationship counts as overdue', async () => {
    const jo = async () => String(tree.provider.getTreeItem((await relationship('Jo Marsh ↔ ?'))!).description);
    assert.equal(await jo(), 'overdue 76 days · creating (stage 1)');
    // No session held yet: no-first-session says so (not cadence-overdue), counting the grace days too.
    assert.deepEqual((await signalCodes('Jo Marsh ↔ ?')).filter((c) => /cadence-overdue|no-first-session/.test(c)), ['signal.no-first-session']);
    // 83 days since the start against a weekly cadence: overdue unless the grace covers it.
    await set('graceDays', 80);
    // Still past the day the cadence gave, within the grace: said, not as overdue.
    await waitFor('no longer overdue', async () => (await jo()) === 'session was due 76 days ago · creating (stage 1)');
    await waitFor('no no-first-session signal', async () => !(await signalCodes('Jo Marsh ↔ ?')).some((c) => /cadence-overdue|no-first-session/.test(c)));
  });

  it('uses the number of sessions after which an undiscussed goal is stale', async () => {
    const session = file('journal/priya-and-sam/sessions/2026-11-22.md');
    const text = '---\ntype: session\ndate: 2026-11-22\nattendees: [Priya Raman, Sam Okafor]\ngoals: []\nnext: 2026-12-02\n---\n\n## Notes\n\nA short check-in.\n';
    await vscode.workspace.fs.writeFile(session, new TextEncoder().encode(text));
    try {
      await waitFor('the new session in the tree', async () => {
        const rel = await relationship('Priya Raman ↔ Sam Okafor');
        const sessions = ((await tree.provider.getChildren(rel)) ?? []).find((c) => c.kind === 'sessions')!;
        return ((await tree.provider.getChildren(sessions)) ?? []).length === 9;
      });
      assert.ok(!(await signalCodes('Priya Raman ↔ Sam Okafor')).includes('signal.goal-stale'));
      await set('staleAfterSessions', 1);
      await waitFor('a stale goal', async () => (await signalCodes('Priya Raman ↔ Sam Okafor')).includes('signal.goal-stale'));
    } finally {
      await vscode.workspace.fs.delete(session);
    }
  });

  it('limits the journal to the configured roots, and skips excluded folders', async () => {
    await set('roots', ['journal']);
    await waitFor('only the journal root', async () => (await roots()).length === 2 && ours(JO).length === 0);
    assert.deepEqual((await roots()).map((r) => tree.provider.getTreeItem(r).label), ['Priya Raman ↔ Sam Okafor', 'Aiko Tanaka ↔ Daniel Weber']);
    assert.equal(ours('broken/stray-session.md').length, 0, 'diagnostics of files outside the roots are cleared');

    await set('roots', undefined);
    await waitFor('all four relationships again', async () => (await roots()).length === 4 && ours(JO).length === 3);
    await set('exclude', ['broken']);
    await waitFor('broken/ excluded', async () => (await roots()).length === 2 && ours(JO).length === 0);
  });

  it('reports files larger than the size limit', async () => {
    await set('maxFileSize', 1024);
    const agreement = 'journal/priya-and-sam/agreement.md';
    const tooLarge = await waitFor('file/too-large', () => find(agreement, 'file/too-large'));
    assert.equal(tooLarge.severity, vscode.DiagnosticSeverity.Warning);
  });
});
