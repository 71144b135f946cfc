/**
 * The "Get started with mentoring journals" walkthrough inside a real VS Code: every step has its
 * Markdown page in the installed extension, a button that runs a registered command, and
 * completes when that command runs or when the journal shows the step done (context keys); the front matter the pages show is valid journal YAML.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DEFAULT_OPTIONS, parseJournalFile } from '../../src/core';
import { copyFixture, getApi, getExtension, removeFixture, setUpSuite, TODAY, uri, waitFor } from './support';

/** The context key behind each step: a relationship, an agreement signed by both, a session, a review. */
const STATE_KEYS: Record<string, string> = {
  createRelationship: 'mentoringJournal.hasRelationship',
  writeAgreement: 'mentoringJournal.hasSignedAgreement',
  logSession: 'mentoringJournal.hasSession',
  reviewGoals: 'mentoringJournal.hasReview',
};
const SCRATCH = 'walkthrough-scratch';

interface Step {
  id: string;
  title: string;
  description: string;
  media: { markdown?: string; image?: string; altText?: string };
  completionEvents?: string[];
}
interface Walkthrough { id: string; title: string; description: string; steps: Step[] }

let extension: vscode.Extension<unknown>;
let walkthrough: Walkthrough;

async function read(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

describe('Walkthrough: Get started with mentoring journals', () => {
  before(async () => {
    extension = getExtension();
    await getApi();
    const walkthroughs = (extension.packageJSON.contributes.walkthroughs ?? []) as Walkthrough[];
    assert.equal(walkthroughs.length, 1);
    walkthrough = walkthroughs[0]!;
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('has the four steps: create a relationship, write the agreement, log a session, review goals', () => {
    assert.equal(walkthrough.title, 'Get started with mentoring journals');
    assert.deepEqual(walkthrough.steps.map((s) => s.id), ['createRelationship', 'writeAgreement', 'logSession', 'reviewGoals']);
  });

  it('completes each step on the command its button runs (registered), or on the journal\'s state', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    const contributed = new Set((extension.packageJSON.contributes.commands as Array<{ command: string }>).map((c) => c.command));
    for (const step of walkthrough.steps) {
      const buttons = [...step.description.matchAll(/\]\(command:([\w.]+)\)/g)].map((m) => m[1]!);
      assert.equal(buttons.length, 1, `${step.id} has one command button`);
      // The journal's state also with the key Mentoring: Get started turns on once the walkthrough is open (walkthrough.ts says why).
      assert.deepEqual(step.completionEvents, [`onCommand:${buttons[0]}`, `onContext:${STATE_KEYS[step.id]}`, `onContext:${STATE_KEYS[step.id]} && mentoringJournal.walkthroughOpened`], `${step.id} completes when its button's command runs or the journal shows it done`);
      assert.ok(contributed.has(buttons[0]!), `${buttons[0]} is contributed`);
      assert.ok(registered.has(buttons[0]!), `${buttons[0]} is registered`);
    }
  });

  it('Mentoring: Get started opens the walkthrough in the Welcome editor', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('mentoringJournal.getStarted');
    await waitFor('the Welcome editor', () => /Welcome/.test(vscode.window.tabGroups.activeTabGroup.activeTab?.label ?? ''));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('sets the context keys of the steps from the journal, also for steps done before the walkthrough was opened', async () => {
    const api = await setUpSuite();
    // The values the extension gave the keys (VS Code offers no command to read a context key).
    const value = (key: string) => api.walkthrough?.state()[key as keyof ReturnType<NonNullable<typeof api.walkthrough>['state']>];
    // The example journal has relationships, agreements signed by both and sessions, but no review yet.
    assert.ok(api.service.relationships().length > 0, 'mentoringJournal.hasJournal is set from the relationships');
    for (const step of ['writeAgreement', 'logSession']) await waitFor(`${STATE_KEYS[step]} to be true`, () => value(STATE_KEYS[step]!) === true);
    const review = STATE_KEYS.reviewGoals!;
    assert.equal(value(review), false);
    // A review saved by hand (or by the CLI) ticks the last step.
    await copyFixture('journal/priya-and-sam', SCRATCH);
    await vscode.workspace.fs.writeFile(uri(`${SCRATCH}/reviews/${TODAY}.md`), new TextEncoder().encode(`---\ntype: review\ndate: ${TODAY}\n---\n`));
    await api.service.refreshFile(uri(`${SCRATCH}/reviews/${TODAY}.md`));
    await waitFor(`${review} to be true`, () => value(review) === true);
    await removeFixture(SCRATCH);
    await waitFor(`${review} to be false again`, () => value(review) === false);
  });

  it('ships a Markdown page for every step, with a heading and the facts of the step', async () => {
    const expected: Record<string, RegExp> = {
      createRelationship: /agreement\.md[\s\S]*Mentoring: New relationship/,
      writeAgreement: /signed:[\s\S]*Problems/,
      logSession: /Mentoring: New session[\s\S]*- \[ \] @\w+/,
      reviewGoals: /Mentoring: Review goals[\s\S]*reviews\/YYYY-MM-DD\.md/,
    };
    for (const step of walkthrough.steps) {
      assert.ok(step.media.markdown, `${step.id} has Markdown media`);
      const text = await read(vscode.Uri.joinPath(extension.extensionUri, step.media.markdown));
      assert.match(text, new RegExp(`^# ${step.title}\\n`), `${step.media.markdown} starts with the step's title`);
      assert.match(text, expected[step.id]!, step.media.markdown);
    }
  });

  it('shows front matter that the engine accepts without a problem', async () => {
    const examples: Array<[page: string, path: string]> = [
      ['media/walkthrough/agreement.md', 'pair/agreement.md'],
      ['media/walkthrough/session.md', 'pair/sessions/2026-11-18.md'],
    ];
    for (const [page, path] of examples) {
      const text = await read(vscode.Uri.joinPath(extension.extensionUri, page));
      const yaml = /```yaml\n([\s\S]*?)```/.exec(text)?.[1];
      assert.ok(yaml, `${page} shows front matter`);
      assert.deepEqual(parseJournalFile(path, yaml, DEFAULT_OPTIONS).problems, [], page);
    }
  });

  it('opens in the Welcome page', async () => {
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${extension.id}#${walkthrough.id}`, false);
    const tab = await waitForTab((label) => /walkthrough|welcome/i.test(label));
    const labels = vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label);
    assert.ok(tab, `a Welcome tab is open; tabs: ${labels.join(', ')}`);
  });
});

async function waitForTab(match: (label: string) => boolean, timeoutMs = 10000): Promise<vscode.Tab | undefined> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const tab = vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => match(t.label));
    if (tab) return tab;
    await new Promise((r) => setTimeout(r, 100));
  }
  return undefined;
}
