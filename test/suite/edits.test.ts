/**
 * Safe edits inside a real VS Code: for every goal and agreement of the example journal (on a
 * scratch copy), the commands change exactly the targeted value (the text equals what the engine's
 * minimal edit gives, so everything else is byte for byte the same), as one undo step. CRLF files
 * keep their line endings, a document with unsaved changes is edited but not saved, and invalid
 * front matter is refused without a change.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { chainEdits, goalPath, nextStage, setFrontMatterValue, setStage } from '../../src/core/edits';
import { progressHome } from '../../src/core/model';
import type { EditingApi } from '../../src/vscode/editing';
import type { MentoringJournalApi } from '../../src/vscode/feature';
import { read, removeFixture, settle, setUpSuite, TODAY, uri, waitFor } from './support';

const SCRATCH = 'scratch-edits';

let api: MentoringJournalApi;
const relationships = () => api.service.relationships().filter((r) => r.relationship.id.startsWith(`${SCRATCH}/`)).map((r) => r.relationship);

/** Runs a command on a file shown in the editor; asserts the expected text, then that one undo restores the original. */
async function editAndUndo(path: string, command: string, arg: unknown, expected: (before: string) => string): Promise<void> {
  const editor = await vscode.window.showTextDocument(uri(path), { preview: false });
  const before = editor.document.getText();
  const result = await vscode.commands.executeCommand<vscode.Uri | undefined>(command, arg);
  assert.equal(result?.toString(), uri(path).toString(), `${command} on ${path}`);
  assert.equal(editor.document.getText(), expected(before), `${command} on ${path}: only the targeted value changed`);
  assert.equal(await read(path), editor.document.getText(), 'saved');
  await vscode.commands.executeCommand('undo');
  assert.equal(editor.document.getText(), before, `${command} on ${path}: one undo restores the exact text`);
  await editor.document.save();
}

const engine = (result: ReturnType<typeof setFrontMatterValue>) => {
  assert.ok(result.ok, result.ok ? '' : result.error);
  return result.text;
};

describe('Safe edits in the editor', () => {
  before(async () => {
    api = await setUpSuite({ 'journal': SCRATCH });
    await waitFor('the scratch journal', () => relationships().length === 2 && relationships().every((r) => r.goals.length === 3));
    // Where each goal's progress lives is worked out from the index, so let the copy's burst of
    // watcher events die down first, and the reconcile it starts finish (a clean-clone run once
    // found a relationship without its newest session here).
    await settle();
  });

  after(async () => {
    (api.editing as EditingApi).overrideTrust(undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await removeFixture(SCRATCH);
    api.setToday(TODAY);
  });

  it('sets the progress of every goal where the journal reads it (the newest session, else the goal file), as one undo step', async () => {
    const places = new Set<string>();
    for (const rel of relationships()) {
      for (const goal of rel.goals) {
        const home = progressHome(rel, goal.id, TODAY);
        const [path, keys] = home.kind === 'session' ? [home.session.source.file, ['progress', goal.id]] : [goal.source.file, goalPath(goal, 'progress')];
        places.add(home.kind === 'session' ? 'session' : goal.origin);
        await editAndUndo(path, 'mentoringJournal.setGoalProgress', { relationship: rel.id, goal: goal.id, progress: 42 }, (before) => engine(setFrontMatterValue(before, keys, 42)));
      }
    }
    // The examples' inline goals all have progress recorded by sessions.
    assert.deepEqual([...places].sort(), ['file', 'session']);
  });

  it('marks every open goal achieved at 100 %: status and progress in one file, as one undo step', async () => {
    let edited = 0;
    for (const rel of relationships()) {
      for (const goal of rel.goals.filter((g) => g.status !== 'achieved' && g.status !== 'dropped' && progressHome(rel, g.id, TODAY).kind === 'goal')) {
        await editAndUndo(goal.source.file, 'mentoringJournal.markGoalAchieved', { relationship: rel.id, goal: goal.id }, (before) =>
          engine(chainEdits(before, [(t) => setFrontMatterValue(t, goalPath(goal, 'status'), 'achieved'), (t) => setFrontMatterValue(t, goalPath(goal, 'progress'), 100)])));
        edited++;
      }
    }
    assert.ok(edited >= 1, `${edited} open goals whose progress no session recorded`);
  });

  it('advances the stage of every agreement, as one undo step', async () => {
    for (const rel of relationships()) {
      const next = nextStage(rel.agreement?.stage);
      assert.ok(next, rel.id);
      await editAndUndo(rel.agreementFile, 'mentoringJournal.advanceStage', { relationship: rel.id }, (before) => {
        const expected = engine(setStage(before, next));
        assert.equal(expected, before.replace(`\nstage: ${rel.agreement!.stage}\n`, `\nstage: ${next}\n`));
        return expected;
      });
    }
  });

  it('keeps CRLF line endings and comments', async () => {
    const path = `${SCRATCH}/priya-and-sam/goals/crlf-goal.md`;
    const text = '---\r\ntype: goal\r\ntitle: "Keep CRLF" # quoted\r\nstatus: proposed # for now\r\nprogress: 10\r\n---\r\n\r\nBody.\r\n';
    await vscode.workspace.fs.writeFile(uri(path), new TextEncoder().encode(text));
    await api.service.refreshFile(uri(path));
    await waitFor('the CRLF goal', () => relationships().some((r) => r.goals.some((g) => g.id === 'crlf-goal')));
    await editAndUndo(path, 'mentoringJournal.setGoalProgress', { relationship: `${SCRATCH}/priya-and-sam`, goal: 'crlf-goal', progress: 55 }, (before) => before.replace('progress: 10\r\n', 'progress: 55\r\n'));
    await editAndUndo(path, 'mentoringJournal.markGoalAchieved', { relationship: `${SCRATCH}/priya-and-sam`, goal: 'crlf-goal' }, (before) => before.replace('status: proposed # for now\r\nprogress: 10\r\n', 'status: achieved # for now\r\nprogress: 100\r\n'));
    assert.equal(await read(path), text);
  });

  it('edits a document with unsaved changes without saving it', async () => {
    const rel = relationships().find((r) => r.id.endsWith('priya-and-sam'))!;
    const goal = rel.goals.find((g) => g.id === 'review-others-designs')!;
    const editor = await vscode.window.showTextDocument(uri(goal.source.file), { preview: false });
    const onDisk = await read(goal.source.file);
    await editor.edit((b) => b.insert(editor.document.positionAt(editor.document.getText().length), '\nA line not saved yet.\n'));
    const typed = editor.document.getText();
    await vscode.commands.executeCommand('mentoringJournal.setGoalProgress', { relationship: rel.id, goal: goal.id, progress: 77 });
    assert.equal(editor.document.getText(), engine(setFrontMatterValue(typed, ['progress'], 77)));
    assert.equal(editor.document.isDirty, true);
    assert.equal(await read(goal.source.file), onDisk, 'nothing written to disk');
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), typed);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('refuses to advance the stage of an agreement whose front matter is invalid', async () => {
    const rel = relationships().find((r) => r.id.endsWith('reverse-mentoring'))!;
    const editor = await vscode.window.showTextDocument(uri(rel.agreementFile), { preview: false });
    await editor.edit((b) => b.insert(new vscode.Position(2, 0), 'stage: duplicate\n'));
    const broken = editor.document.getText();
    assert.equal(await vscode.commands.executeCommand('mentoringJournal.advanceStage', { relationship: rel.id }), undefined);
    const message = (api.editing as EditingApi).messages.at(-1)?.text ?? '';
    assert.match(message, /Advance stage: .*agreement\.md: The front matter is not valid YAML \(line \d+: Duplicate key.*Fix it first: nothing was changed\./);
    assert.equal(editor.document.getText(), broken);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
