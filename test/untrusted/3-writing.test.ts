/**
 * Every command that writes refuses in a window VS Code keeps in Restricted Mode, with the
 * untrusted-workspace message, whether it is given its arguments (as tests and other extensions
 * do), a node of the Mentoring view (as its menus do) or nothing (as the palette would, before
 * asking anything); and afterwards the workspace on disk is exactly as it was, file for file and
 * byte for byte. No `overrideTrust`: the refusals come from the real `vscode.workspace.isTrusted`.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { EditingApi } from '../../src/vscode/editing';
import type { MentoringJournalApi } from '../../src/vscode/feature';
import type { ReviewPanelApi } from '../../src/vscode/review/panel';
import type { JournalNode } from '../../src/vscode/tree/items';
import type { RelationshipsTreeApi } from '../../src/vscode/tree/relationshipsTree';
import { folder, setUpSuite, TODAY } from '../suite/support';

const PRIYA = 'journal/priya-and-sam';
const REVERSE = 'journal/reverse-mentoring';

let api: MentoringJournalApi;
let before_: Map<string, string>;
const editing = () => api.editing as EditingApi;

/** Every file under the workspace folder, by relative path, with its bytes (base64). */
async function snapshot(dir = folder(), prefix = ''): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const [name, type] of await vscode.workspace.fs.readDirectory(dir)) {
    const child = vscode.Uri.joinPath(dir, name);
    if (type & vscode.FileType.Directory) {
      files.set(`${prefix}${name}/`, '');
      for (const [path, bytes] of await snapshot(child, `${prefix}${name}/`)) files.set(path, bytes);
    } else {
      files.set(`${prefix}${name}`, Buffer.from(await vscode.workspace.fs.readFile(child)).toString('base64'));
    }
  }
  return files;
}

/** What changed between two snapshots, as `+ added`, `- removed`, `~ changed` lines. */
function changes(a: Map<string, string>, b: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [path, bytes] of b) if (!a.has(path)) out.push(`+ ${path}`); else if (a.get(path) !== bytes) out.push(`~ ${path}`);
  for (const path of a.keys()) if (!b.has(path)) out.push(`- ${path}`);
  return out;
}

/**
 * Runs a command and expects it to refuse at once: undefined, and `<action> writes files ...
 * untrusted workspace` as the latest message. A command that asked something first (a quick
 * pick, an input box) would not answer within the time limit: it fails then.
 */
async function expectRefusal(command: string, action: string, arg?: unknown): Promise<void> {
  const previous = editing().messages.at(-1);
  const result = await Promise.race([
    vscode.commands.executeCommand(`mentoringJournal.${command}`, arg),
    new Promise((r) => setTimeout(() => r('no answer within 3 s (did it ask something?)'), 3000)),
  ]);
  const what = `${command}(${arg === undefined ? '' : JSON.stringify(arg, (k, v) => (k === 'entry' ? '…' : v))})`;
  if (result !== undefined) await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  assert.equal(result, undefined, what);
  // A new message object (the list keeps the latest 20, so its length may not grow).
  const message = editing().messages.at(-1);
  assert.ok(message && message !== previous, `${what} showed no message`);
  assert.equal(message?.severity, 'error', what);
  assert.match(message?.text ?? '', new RegExp(`^${action} writes files, which Mentoring Journal does not do in an untrusted workspace\\. Trust the workspace to use it\\.$`), what);
}

describe('Writing commands in Restricted Mode', function () {
  // Generous: activation and the workbench are slower on a busy 2-core machine.
  this.timeout(60_000);

  before(async () => {
    api = await setUpSuite();
    before_ = await snapshot();
    assert.ok([...before_.keys()].some((p) => p === `${PRIYA}/agreement.md`), 'the snapshot holds the journal');
  });

  after(async () => {
    api.setToday(TODAY);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('refuse with their arguments given', async () => {
    await expectRefusal('newRelationship', 'New relationship', { mentor: 'Ada Lovelace', mentee: 'Grace Hopper', cadence: 'weekly', ends: '2027-05-31', folder: 'ada-and-grace' });
    await expectRefusal('newSession', 'New session', { relationship: PRIYA });
    await expectRefusal('newGoal', 'New goal', { relationship: PRIYA, title: 'Mentor a new hire', due: '2027-03-31', success: 'The new hire ships a change on their own' });
    await expectRefusal('markGoalAchieved', 'Mark goal achieved', { relationship: PRIYA, goal: 'write-design-rfc' });
    await expectRefusal('markGoalAchieved', 'Mark goal achieved', { relationship: REVERSE, goal: relationshipGoal(REVERSE) });
    await expectRefusal('setGoalProgress', 'Set goal progress', { relationship: PRIYA, goal: 'capacity-planning', progress: 85 });
    await expectRefusal('advanceStage', 'Advance stage', { relationship: PRIYA });
  });

  it('refuse on nodes of the Mentoring view, as its menus would run them', async () => {
    const tree = api.tree as RelationshipsTreeApi;
    const roots = (await tree.provider.getChildren()) ?? [];
    const priya = roots.find((n) => n.kind !== 'pending' && n.entry.relationship.id === PRIYA) as JournalNode | undefined;
    assert.ok(priya, 'Priya and Sam in the tree');
    const goalsGroup = ((await tree.provider.getChildren(priya)) ?? []).find((n) => n.kind === 'goals');
    const goal = ((await tree.provider.getChildren(goalsGroup)) ?? []).find((n) => n.kind === 'goal' && n.goal.id === 'write-design-rfc');
    assert.ok(goal, 'the goal node');
    await expectRefusal('newSession', 'New session', priya);
    await expectRefusal('newGoal', 'New goal', goalsGroup);
    await expectRefusal('advanceStage', 'Advance stage', priya);
    await expectRefusal('markGoalAchieved', 'Mark goal achieved', goal);
    await expectRefusal('setGoalProgress', 'Set goal progress', goal);
  });

  it('refuse from the palette (no argument) before asking anything', async () => {
    await vscode.window.showTextDocument(vscode.Uri.joinPath(folder(), ...`${PRIYA}/sessions/2026-11-18.md`.split('/')));
    for (const [command, action] of [
      ['newRelationship', 'New relationship'], ['newSession', 'New session'], ['newGoal', 'New goal'],
      ['markGoalAchieved', 'Mark goal achieved'], ['setGoalProgress', 'Set goal progress'], ['advanceStage', 'Advance stage'],
    ] as const) await expectRefusal(command, action);
  });

  it('Save review refuses, while the panel opens', async () => {
    assert.equal(await vscode.commands.executeCommand('mentoringJournal.reviewGoals', { relationship: REVERSE }), REVERSE);
    const panel = api.reviewPanel as ReviewPanelApi;
    assert.equal(panel.current()?.relationship, REVERSE);
    const previous = editing().messages.at(-1);
    assert.equal(await panel.save(), undefined);
    assert.ok(editing().messages.at(-1) !== previous, 'Save review showed a message');
    assert.equal(editing().messages.at(-1)?.text, 'Save review writes files, which Mentoring Journal does not do in an untrusted workspace. Trust the workspace to use it.');
  });

  it('left the workspace on disk exactly as it was, and no editor with unsaved changes', async () => {
    const after = await snapshot();
    assert.deepEqual(changes(before_, after), [], 'files written in Restricted Mode');
    assert.deepEqual(vscode.workspace.textDocuments.filter((d) => d.isDirty).map((d) => d.uri.toString()), [], 'editors changed in Restricted Mode');
    const rel = api.service.relationships().find((r) => r.relationship.id === PRIYA)!.relationship;
    assert.equal(rel.agreement?.stage, 'building', 'the index still reads the stage from disk');
    assert.equal(rel.goals.find((g) => g.id === 'write-design-rfc')?.status, 'active');
  });
});

function relationshipGoal(id: string): string {
  const goal = api.service.relationships().find((r) => r.relationship.id === id)?.relationship.goals.find((g) => g.status === 'active');
  assert.ok(goal, `an active goal in ${id}`);
  return goal.id;
}
