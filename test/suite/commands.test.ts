/**
 * The journal commands inside a real VS Code: New relationship, New session, New goal, Mark goal
 * achieved, Set goal progress, Advance stage and Open agreement, run through executeCommand with
 * argument objects (as tests and other extensions do), with nodes of the Mentoring view (as its
 * menus do) and through their quick picks (as the palette does). They work on a scratch copy
 * of the example journal that is removed afterwards, so that other suites see the fixture as it was.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { analyzeRelationship, openActions } from '../../src/core/model';
import type { EditingApi } from '../../src/vscode/editing';
import type { MentoringJournalApi } from '../../src/vscode/feature';
import type { JournalNode } from '../../src/vscode/tree/items';
import type { RelationshipsTreeApi } from '../../src/vscode/tree/relationshipsTree';
import { exists, read, removeFixture, restoreFile, setUpSuite, TODAY, uri, waitFor } from './support';

const SCRATCH = 'scratch-commands';
const PRIYA = `${SCRATCH}/priya-and-sam`;
const REVERSE = `${SCRATCH}/reverse-mentoring`;

let api: MentoringJournalApi;
const editing = () => api.editing as EditingApi;
const run = <T = vscode.Uri | undefined>(command: string, arg?: unknown) => vscode.commands.executeCommand<T>(`mentoringJournal.${command}`, arg);
const lastMessage = () => editing().messages[editing().messages.length - 1];

const relationship = (id: string) => api.service.relationships().find((r) => r.relationship.id === id)?.relationship;

/** Opens a file in an editor and resolves with its document (for undo). */
async function show(path: string): Promise<vscode.TextDocument> {
  const editor = await vscode.window.showTextDocument(uri(path), { preview: false, preserveFocus: false });
  return editor.document;
}

async function closeAll(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

describe('Commands that write the journal', () => {
  before(async () => {
    api = await setUpSuite({ 'journal/priya-and-sam': PRIYA, 'journal/reverse-mentoring': REVERSE });
    await waitFor('the scratch relationships', () => relationship(PRIYA)?.goals.length === 3 && relationship(PRIYA)?.sessions.length === 8 && relationship(REVERSE)?.goals.length === 3);
  });

  after(async () => {
    editing().overrideTrust(undefined);
    await closeAll();
    await removeFixture(SCRATCH);
    api.setToday(TODAY);
  });

  it('New session writes a session for the date given from the template, carrying every open action over, and never overwrites', async () => {
    const first = await run('newSession', { relationship: PRIYA, date: TODAY });
    assert.equal(first?.toString(), uri(`${PRIYA}/sessions/${TODAY}.md`).toString());
    const text = await read(`${PRIYA}/sessions/${TODAY}.md`);
    assert.match(text, /^---\ntype: session\ndate: 2026-11-23\nattendees: \[Priya Raman, Sam Okafor\]\ngoals: \[write-design-rfc\]\n/);
    const open = openActions(relationship(PRIYA)!.sessions.filter((s) => s.date < TODAY), TODAY);
    assert.ok(open.length > 0, 'the relationship has open action items');
    for (const from of new Set(open.map((a) => a.sessionDate))) {
      const carried = open.filter((a) => a.sessionDate === from).map((a) => `- [ ] ${a.owner ? `@${a.owner} ` : ''}${a.text}${a.due ? ` (due ${a.due})` : ''}`).join('\n');
      assert.ok(text.includes(`Carried over from the session of ${from}:\n\n${carried}\n`), text);
    }
    assert.equal(text.split('\n').filter((l) => l.startsWith('- [ ] ')).length, open.length, 'each open action once');
    assert.match(text, /Open-ended questions for the building stage/);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), first?.toString(), 'the new session is opened');
    await waitFor('the index to hold the new session', () => relationship(PRIYA)?.sessions.some((s) => s.source.file === `${PRIYA}/sessions/${TODAY}.md`));
    assert.deepEqual(vscode.languages.getDiagnostics(first!).filter((d) => d.severity === vscode.DiagnosticSeverity.Error), []);
    // Carried over, the actions are open once: at their copy in the new session.
    assert.equal(openActions(relationship(PRIYA)!.sessions, TODAY).length, open.length);

    const second = await run('newSession', { relationship: PRIYA, date: TODAY });
    assert.equal(second?.toString(), uri(`${PRIYA}/sessions/${TODAY}-2.md`).toString());
    assert.equal(await read(`${PRIYA}/sessions/${TODAY}.md`), text, 'the first session is left as it was');
    for (const made of [first!, second!]) await vscode.workspace.fs.delete(made);
    for (const made of [first!, second!]) await api.service.refreshFile(made);
    await waitFor('the two sessions to leave the index', () => relationship(PRIYA)?.sessions.length === 8);
  });

  it('New session prepares the planned meeting as an agenda, and opens it again rather than making a second one', async () => {
    const agenda = await run('newSession', { relationship: PRIYA, date: '2026-12-02' });
    const path = `${PRIYA}/sessions/2026-12-02.md`;
    assert.equal(agenda?.toString(), uri(path).toString());
    const text = await read(path);
    assert.match(text, /^---\ntype: session\ndate: 2026-12-02\n/);
    assert.match(text, /\nnext: 2026-12-16\n/);
    await waitFor('the index to hold the agenda', () => relationship(PRIYA)?.sessions.some((s) => s.source.file === path));
    // Dated after today, it has not taken place: the review is as before.
    const report = analyzeRelationship(relationship(PRIYA)!, TODAY);
    assert.equal(report.cadence.held, 7);
    assert.equal(report.cadence.nextMeeting, '2026-12-02');
    assert.ok(!report.sessions.some((s) => s.file === path));
    assert.equal(await run('newSession', { relationship: PRIYA, date: '2026-12-02' }).then(String), uri(path).toString());
    assert.equal(lastMessage()?.text, 'New session: the session of 2026-12-02 is already prepared; it is open now.');
    assert.equal(await read(path), text);
    await vscode.workspace.fs.delete(uri(path));
    await api.service.refreshFile(uri(path));
    await waitFor('the agenda to leave the index', () => relationship(PRIYA)?.sessions.length === 8);
  });

  it('New goal creates goals/<id>.md, and refuses an id the relationship already has', async () => {
    const created = await run('newGoal', { relationship: PRIYA, title: 'Mentor a new hire', due: '2027-03-31', success: 'The new hire ships a change on their own' });
    assert.equal(created?.toString(), uri(`${PRIYA}/goals/mentor-a-new-hire.md`).toString());
    const goal = await waitFor('the new goal in the index', () => relationship(PRIYA)?.goals.find((g) => g.id === 'mentor-a-new-hire'));
    assert.deepEqual([goal.title, goal.status, goal.progress, goal.created, goal.due], ['Mentor a new hire', 'proposed', 0, TODAY, '2027-03-31']);
    const before = await read(`${PRIYA}/goals/mentor-a-new-hire.md`);

    assert.equal(await run('newGoal', { relationship: PRIYA, title: 'Mentor a new hire' }), undefined);
    assert.match(lastMessage()?.text ?? '', /already has a goal `mentor-a-new-hire`/);
    assert.equal(await read(`${PRIYA}/goals/mentor-a-new-hire.md`), before);
    assert.equal(await run('newGoal', { relationship: PRIYA, id: 'Not An Id' }), undefined);
    assert.match(lastMessage()?.text ?? '', /kebab-case/);
    assert.equal(await run('newGoal', { relationship: PRIYA, title: 'Give a talk', due: '2027-02-30' }), undefined);
    assert.match(lastMessage()?.text ?? '', /2027-02-30 is not a day in the calendar: enter a real date written YYYY-MM-DD/);
  });

  it('Mark goal achieved sets the status and records 100 % in the session that keeps its progress, in one edit', async () => {
    const path = `${PRIYA}/goals/write-design-rfc.md`;
    const session = `${PRIYA}/sessions/2026-11-18.md`;
    const [goalBefore, sessionBefore] = [await read(path), await read(session)];
    const result = await run('markGoalAchieved', { relationship: PRIYA, goal: 'write-design-rfc' });
    assert.equal(result?.toString(), uri(path).toString());
    // The goal file: only the status. The session of 2026-11-18 recorded 60: it now records 100.
    assert.equal(await read(path), goalBefore.replace('\nstatus: active\n', '\nstatus: achieved\n'));
    assert.equal(await read(session), sessionBefore.replace('\n  write-design-rfc: 60\n', '\n  write-design-rfc: 100\n'));
    await waitFor('the view to show the goal achieved at 100 %', () => {
      const goal = analyzeRelationship(relationship(PRIYA)!, TODAY).goals.find((g) => g.id === 'write-design-rfc');
      return goal?.status === 'achieved' && goal.progress === 100;
    });
    assert.equal(lastMessage()?.text, 'Goal "Lead the design RFC for the event-driven billing pipeline" is marked achieved, at 100%.');
    // Back to the journal as it was, for the tests below.
    await restoreFile(path, goalBefore);
    await restoreFile(session, sessionBefore);
  });

  it('Mark goal achieved edits a goal written inline in the agreement', async () => {
    const path = `${REVERSE}/agreement.md`;
    const before = await read(path);
    const goal = relationship(REVERSE)!.goals.find((g) => g.status === 'active')!;
    assert.ok(goal, 'an active inline goal');
    await run('markGoalAchieved', { relationship: REVERSE, goal: goal.id });
    const after = await read(path);
    const at = before.indexOf(`- id: ${goal.id}`);
    const statusAt = before.indexOf('status: active', at);
    assert.equal(after.slice(0, statusAt), before.slice(0, statusAt));
    assert.ok(after.startsWith('status: achieved', statusAt));
    await waitFor('the goal to be achieved at 100 % in the index', () => {
      const report = analyzeRelationship(relationship(REVERSE)!, TODAY).goals.find((g) => g.id === goal.id);
      return report?.status === 'achieved' && report.progress === 100;
    });
  });

  it('Set goal progress records the value where the journal reads it, and refuses a value out of range', async () => {
    const path = `${PRIYA}/goals/capacity-planning.md`;
    const session = `${PRIYA}/sessions/2026-11-18.md`;
    const [goalBefore, sessionBefore] = [await read(path), await read(session)];
    // Sessions have recorded this goal's progress (100 on 2026-08-26): the value goes into the
    // newest session's progress map, which the view and the review read.
    await run('setGoalProgress', { relationship: PRIYA, goal: 'capacity-planning', progress: 85 });
    assert.equal(await read(path), goalBefore, 'the goal file is left as it is');
    assert.equal(await read(session), sessionBefore.replace('\n  write-design-rfc: 60\n', '\n  write-design-rfc: 60\n  capacity-planning: 85\n'));
    assert.equal(lastMessage()?.text, 'Progress of "Estimate capacity for a service before it is built": 85%, recorded in the session of 2026-11-18.');
    await waitFor('the journal to show 85 %', () => analyzeRelationship(relationship(PRIYA)!, TODAY).goals.find((g) => g.id === 'capacity-planning')?.progress === 85);
    assert.equal(await run('setGoalProgress', { relationship: PRIYA, goal: 'capacity-planning', progress: 150 }), undefined);
    assert.match(lastMessage()?.text ?? '', /not a progress value/);
    // A goal no session has recorded keeps its progress in its own file.
    const proposed = `${PRIYA}/goals/review-others-designs.md`;
    const proposedBefore = await read(proposed);
    await run('setGoalProgress', { relationship: PRIYA, goal: 'review-others-designs', progress: 10 });
    assert.equal(await read(proposed), proposedBefore.replace('\nstatus: proposed\n', '\nstatus: proposed\nprogress: 10\n'));
    assert.match(lastMessage()?.text ?? '', /10%, recorded in the goal file\.$/);
    await restoreFile(proposed, proposedBefore);
  });

  it('Set goal progress names the file when two sessions share the day', async () => {
    const second = `${PRIYA}/sessions/2026-11-18-2.md`;
    await vscode.workspace.fs.writeFile(uri(second), new TextEncoder().encode('---\ntype: session\ndate: 2026-11-18\ngoals: [write-design-rfc]\nprogress:\n  write-design-rfc: 60\n---\n'));
    await api.service.refreshFile(uri(second));
    try {
      await run('setGoalProgress', { relationship: PRIYA, goal: 'write-design-rfc', progress: 65, session: second });
      assert.match(await read(second), /\n {2}write-design-rfc: 65\n/);
      assert.match(lastMessage()?.text ?? '', /65%, recorded in the session of 2026-11-18 \(2026-11-18-2\.md\)\.$/);
    } finally {
      await vscode.workspace.fs.delete(uri(second));
      await api.service.refreshFile(uri(second));
    }
  });

  it('Set goal progress asks which session when the newest is older than one cadence period', async () => {
    const session = `${PRIYA}/sessions/2026-11-18.md`;
    const before = await read(session);
    api.setToday('2026-12-20'); // 32 days after the newest session; the cadence is biweekly
    try {
      let answered = false;
      const pending = Promise.resolve(run('setGoalProgress', { relationship: PRIYA, goal: 'write-design-rfc', progress: 65 })).finally(() => (answered = true));
      // The quick pick lists the sessions newest first: accept the first, once it is there.
      await waitFor('the session to be picked', async () => {
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        return answered;
      });
      assert.equal((await pending)?.toString(), uri(session).toString());
      assert.equal(await read(session), before.replace('\n  write-design-rfc: 60\n', '\n  write-design-rfc: 65\n'));
    } finally {
      api.setToday(TODAY);
      await restoreFile(session, before);
    }
  });

  it('Advance stage moves the agreement to the next stage, from a node of the Mentoring view', async () => {
    const path = `${PRIYA}/agreement.md`;
    const before = await read(path);
    const tree = api.tree as RelationshipsTreeApi | undefined;
    let arg: unknown = { relationship: PRIYA };
    if (tree) {
      const nodes = (await tree.provider.getChildren()) ?? [];
      const node = nodes.find((n) => n.kind !== 'pending' && n.entry.relationship.id === PRIYA) as JournalNode | undefined;
      assert.ok(node, 'the scratch relationship is in the tree');
      assert.equal(tree.provider.getTreeItem(node).contextValue, 'relationship');
      arg = node;
    }
    const result = await run('advanceStage', arg);
    assert.equal(result?.toString(), uri(path).toString());
    assert.equal(await read(path), before.replace('\nstage: building\n', '\nstage: mastery\n'));
    assert.match(lastMessage()?.text ?? '', /building → mastery/);
  });

  it('Mark goal achieved works from a goal node of the Mentoring view', async () => {
    const tree = api.tree as RelationshipsTreeApi | undefined;
    if (!tree) return assert.fail('the Mentoring view (api.tree) is not available');
    await waitFor('the tree to show the scratch relationship', async () => ((await tree.provider.getChildren()) ?? []).some((n) => n.kind !== 'pending' && n.entry.relationship.id === PRIYA));
    const rel = ((await tree.provider.getChildren()) ?? []).find((n) => n.kind !== 'pending' && n.entry.relationship.id === PRIYA)!;
    const groups = (await tree.provider.getChildren(rel)) ?? [];
    const goals = groups.find((g) => g.kind === 'goals')!;
    const node = ((await tree.provider.getChildren(goals)) ?? []).find((g) => g.kind === 'goal' && g.goal.id === 'review-others-designs');
    assert.ok(node && node.kind === 'goal');
    assert.match(String(tree.provider.getTreeItem(node).contextValue), /^goal\.(proposed|active|paused)$/);
    const path = `${PRIYA}/goals/review-others-designs.md`;
    const before = await read(path);
    await run('markGoalAchieved', node);
    // No session recorded its progress: status and progress in the goal file.
    assert.equal(await read(path), before.replace(/\nstatus: \w+\n/, '\nstatus: achieved\nprogress: 100\n'));
  });

  it('refuses to edit a file whose front matter is not valid YAML, and changes nothing', async () => {
    const path = `${PRIYA}/goals/write-design-rfc.md`;
    const doc = await show(path);
    const editor = vscode.window.activeTextEditor!;
    await editor.edit((b) => b.insert(new vscode.Position(1, 0), 'oops: [unclosed\n'));
    const broken = doc.getText();
    const session = await read(`${PRIYA}/sessions/2026-11-18.md`);
    // Mark goal achieved writes the status here and the progress in the session of 2026-11-18:
    // the refusal of one part stops both.
    assert.equal(await run('markGoalAchieved', { relationship: PRIYA, goal: 'write-design-rfc' }), undefined);
    assert.match(lastMessage()?.text ?? '', /not valid YAML \(line 2: YAML syntax error: the list opened with `\[` here is never closed.*nothing was changed/i);
    assert.equal(doc.getText(), broken);
    assert.equal(await read(`${PRIYA}/sessions/2026-11-18.md`), session);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('offers no goal whose file could not be read in the goal pickers: there is nothing to edit until it is mended', async () => {
    const lone = `${SCRATCH}/lone`;
    const agreement = '---\ntype: agreement\nmentor: Priya\nmentee: Sam\nstarted: 2026-01-01\nends: 2026-12-31\ncadence: biweekly\nstage: building\n---\n';
    const conflicted = '---\ntype: goal\ntitle: Short video\nstatus: active\n<<<<<<< HEAD\ndue: 2026-10-31\n=======\ndue: 2026-12-31\n>>>>>>> other\n---\n';
    await vscode.workspace.fs.writeFile(uri(`${lone}/agreement.md`), new TextEncoder().encode(agreement));
    await vscode.workspace.fs.writeFile(uri(`${lone}/goals/short-video.md`), new TextEncoder().encode(conflicted));
    await api.service.refreshFile(uri(`${lone}/agreement.md`));
    await api.service.refreshFile(uri(`${lone}/goals/short-video.md`));
    await waitFor('the stand-in goal', () => relationship(lone)?.goals.some((g) => g.id === 'short-video' && g.unread));
    for (const command of ['markGoalAchieved', 'setGoalProgress']) {
      // Before, the picker offered the goal: the command would wait on it (closed after 3 s here).
      const picked = Promise.resolve(run(command, { relationship: lone }));
      const timer = setTimeout(() => void vscode.commands.executeCommand('workbench.action.closeQuickOpen'), 3000);
      assert.equal(await picked, undefined);
      clearTimeout(timer);
      assert.match(lastMessage()?.text ?? '', /has no goal this applies to\.$/, command);
    }
    await removeFixture(lone);
  });

  it('Open agreement opens the agreement, also through the quick pick of the palette', async () => {
    const opened = await run('openAgreement', { relationship: REVERSE });
    assert.equal(opened?.toString(), uri(`${REVERSE}/agreement.md`).toString());
    await show(`${PRIYA}/sessions/2026-11-18.md`);
    // Without an argument it asks; the relationship of the active file is offered first.
    const pending = run('openAgreement');
    await new Promise((r) => setTimeout(r, 500));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const picked = await pending;
    assert.equal(picked?.toString(), uri(`${PRIYA}/agreement.md`).toString());
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), picked?.toString());
  });

  it('New relationship scaffolds a folder that passes the checks, and never reuses one', async () => {
    const args = { mentor: 'Ada Lovelace', mentee: 'Grace Hopper', cadence: 'weekly', ends: '2027-05-31', folder: `${SCRATCH}/ada-and-grace` };
    const agreement = await run('newRelationship', args);
    assert.equal(agreement?.toString(), uri(`${SCRATCH}/ada-and-grace/agreement.md`).toString());
    const text = await read(`${SCRATCH}/ada-and-grace/agreement.md`);
    assert.match(text, /\nmentor: Ada Lovelace\nmentee: Grace Hopper\n/);
    assert.match(text, /\nstarted: 2026-11-23\nends: 2027-05-31\ncadence: weekly\n/);
    assert.ok(await exists(`${SCRATCH}/ada-and-grace/goals/.gitkeep`));
    const rel = await waitFor('the new relationship', () => relationship(`${SCRATCH}/ada-and-grace`));
    assert.equal(rel.agreement?.stage, 'creating');
    assert.deepEqual(vscode.languages.getDiagnostics(agreement!), []);

    const again = await run('newRelationship', args);
    assert.equal(again?.toString(), uri(`${SCRATCH}/ada-and-grace-2/agreement.md`).toString());
    assert.equal(await read(`${SCRATCH}/ada-and-grace/agreement.md`), text);

    assert.equal(await run('newRelationship', { ...args, ends: '2026-01-01' }), undefined);
    assert.match(lastMessage()?.text ?? '', /end date .* must be after the start date/);
  });

  it('writes nothing in an untrusted workspace; reading commands still work', async () => {
    editing().overrideTrust(false);
    try {
      const before = await read(`${PRIYA}/agreement.md`);
      const attempts: Array<[string, unknown]> = [
        ['newSession', { relationship: PRIYA, date: TODAY }],
        ['newGoal', { relationship: PRIYA, title: 'Untrusted goal' }],
        ['markGoalAchieved', { relationship: PRIYA, goal: 'capacity-planning' }],
        ['setGoalProgress', { relationship: PRIYA, goal: 'capacity-planning', progress: 1 }],
        ['advanceStage', { relationship: PRIYA }],
        ['newRelationship', { mentor: 'A', mentee: 'B', cadence: 'weekly', ends: '2027-01-01', folder: `${SCRATCH}/untrusted` }],
      ];
      for (const [command, arg] of attempts) {
        assert.equal(await run(command, arg), undefined, command);
        assert.match(lastMessage()?.text ?? '', /untrusted workspace/, command);
      }
      assert.equal(await read(`${PRIYA}/agreement.md`), before);
      assert.equal(await exists(`${PRIYA}/goals/untrusted-goal.md`), false);
      assert.equal(await exists(`${SCRATCH}/untrusted`), false);
      const opened = await run('openAgreement', { relationship: PRIYA });
      assert.equal(opened?.toString(), uri(`${PRIYA}/agreement.md`).toString());
    } finally {
      editing().overrideTrust(undefined);
    }
  });
});
