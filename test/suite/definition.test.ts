/**
 * Go to Definition (F12) on a goal id, through `vscode.executeDefinitionProvider` on the example
 * journal: from a session's `goals:` list, a `progress:` key and `[[id]]` in a body to the goal's
 * `id:` in its goal file or in the agreement's `goals:` list. Reads only.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { setUpSuite, uri } from './support';

const PRIYA = 'journal/priya-and-sam';
const REVERSE = 'journal/reverse-mentoring';

/** Where F12 at the first occurrence of `needle` (plus `offset`) in the file leads: `path line:character` (0-based) of each target's selection. */
async function definitionsAt(path: string, needle: string, offset: number): Promise<string[]> {
  const doc = await vscode.workspace.openTextDocument(uri(path));
  const at = doc.getText().indexOf(needle);
  assert.ok(at >= 0, `${needle} in ${path}`);
  const found = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>('vscode.executeDefinitionProvider', doc.uri, doc.positionAt(at + offset));
  return (found ?? []).map((d) => {
    const [target, range] = 'targetUri' in d ? [d.targetUri, d.targetSelectionRange ?? d.targetRange] : [d.uri, d.range];
    return `${vscode.workspace.asRelativePath(target, false)} ${range.start.line}:${range.start.character}`;
  });
}

describe('Go to Definition on a goal id', () => {
  before(async () => {
    await setUpSuite();
  });

  it('leads from a session\'s goals: list, a progress: key and [[id]] to the id in the goal file', async () => {
    const session = `${PRIYA}/sessions/2026-11-18.md`;
    const target = [`${PRIYA}/goals/write-design-rfc.md 2:4`];
    assert.deepEqual(await definitionsAt(session, 'goals: [write-design-rfc', 10), target);
    assert.deepEqual(await definitionsAt(session, '  write-design-rfc: 60', 4), target);
    assert.deepEqual(await definitionsAt(session, '[[review-others-designs]]', 4), [`${PRIYA}/goals/review-others-designs.md 2:4`]);
  });

  it('leads to a goal written in the agreement\'s goals: list', async () => {
    const agreement = (await vscode.workspace.openTextDocument(uri(`${REVERSE}/agreement.md`))).getText().split('\n');
    const line = agreement.indexOf('  - id: accessibility-audit');
    assert.ok(line > 0);
    const target = [`${REVERSE}/agreement.md ${line}:8`];
    assert.deepEqual(await definitionsAt(`${REVERSE}/sessions/2026-11-12.md`, 'goals: [accessibility-audit', 10), target);
    assert.deepEqual(await definitionsAt(`${REVERSE}/sessions/2026-11-12.md`, '[[accessibility-audit]] is', 3), target);
  });

  it('leads nowhere from an unknown id or from plain text', async () => {
    assert.deepEqual(await definitionsAt(`${PRIYA}/sessions/2026-11-18.md`, 'attendees:', 2), []);
  });
});
