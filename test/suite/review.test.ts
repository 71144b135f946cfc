/**
 * Review goals inside a real VS Code: the webview panel's HTML (goals table, declared and inferred
 * stage with reasons, cadence, signals with advice, open actions, changes since the last review,
 * the progress chart with held and missed sessions), its Content Security Policy and escaping of
 * hostile journal text, its webview options, live updates, open actions opening their line through
 * a checked message, saving the review as reviews/YYYY-MM-DD.md without ever overwriting and
 * saying which name the next save takes, and the serializer that restores a panel after a reload.
 * On scratch copies.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { EditingApi } from '../../src/vscode/editing';
import type { MentoringJournalApi } from '../../src/vscode/feature';
import { REVIEW_VIEW_TYPE, type ReviewPanelApi } from '../../src/vscode/review/panel';
import { exists, getExtension, read, removeFixture, setUpSuite, TODAY, uri, waitFor } from './support';

const SCRATCH = 'scratch-review';
const PRIYA = `${SCRATCH}/priya-and-sam`;
const REVERSE = `${SCRATCH}/reverse-mentoring`;
const HOSTILE = `${SCRATCH}/hostile`;

let api: MentoringJournalApi;
let extension: vscode.Extension<MentoringJournalApi>;
const panel = () => api.reviewPanel as ReviewPanelApi;
const editing = () => api.editing as EditingApi;

async function writeFile(path: string, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri(path), new TextEncoder().encode(text));
  await api.service.refreshFile(uri(path));
}

/** Every tag of an HTML text (escaped journal text holds no `<`). */
const tags = (html: string) => html.match(/<[a-zA-Z!/][^<>]*>/g) ?? [];

async function review(relationship: string): Promise<string> {
  assert.equal(await vscode.commands.executeCommand('mentoringJournal.reviewGoals', { relationship }), relationship);
  const current = panel().current();
  assert.equal(current?.relationship, relationship);
  return current!.html;
}

const HOSTILE_AGREEMENT = `---
type: agreement
mentor: "<img src=x onerror=alert(1)>"
mentee: "<script>alert('mentee')</script>"
started: 2026-06-01
ends: 2027-05-31
cadence: weekly
stage: building
signed: {mentor: 2026-06-01, mentee: 2026-06-01}
goals:
  - id: escape-test
    title: "[click me](javascript:alert(1)) & <b onmouseover=alert(2)>bold</b>"
    status: active
    progress: 30
    due: 2026-12-01
    success: "</td></tr></table><script>alert(3)</script>"
---
`;

const HOSTILE_SESSION = `---
type: session
date: 2026-11-20
attendees: ["<svg onload=alert(4)>"]
progress: {escape-test: 30}
---

## Actions

- [ ] @mallory <iframe src="javascript:alert(5)"></iframe> [[escape-test]] (due 2026-11-30)
`;

describe('Review goals panel', () => {
  before(async () => {
    extension = getExtension();
    api = await setUpSuite({ 'journal/priya-and-sam': PRIYA, 'journal/reverse-mentoring': REVERSE });
    await writeFile(`${HOSTILE}/agreement.md`, HOSTILE_AGREEMENT);
    await writeFile(`${HOSTILE}/sessions/2026-11-20.md`, HOSTILE_SESSION);
    await waitFor('the scratch relationships', () => {
      const ids = api.service.relationships().map((r) => r.relationship.id);
      return [PRIYA, REVERSE, HOSTILE].every((id) => ids.includes(id));
    });
  });

  after(async () => {
    editing().overrideTrust(undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await removeFixture(SCRATCH);
    api.setToday(TODAY);
  });

  it('shows the goals table, declared and inferred stage with reasons, signals with advice and open actions', async () => {
    const html = await review(PRIYA);
    const rel = api.service.relationships().find((r) => r.relationship.id === PRIYA)!.relationship;
    assert.equal(panel().current()?.title, 'Review: Priya Raman ↔ Sam Okafor');
    assert.match(html, /<table id="goals-table">/);
    for (const goal of rel.goals) {
      assert.ok(html.includes(`<tr data-goal="${goal.id}">`), goal.id);
      assert.ok(html.includes(`<code>${goal.id}</code>`), goal.id);
    }
    assert.match(html, /Declared in the agreement: <strong>building \(stage 2\)<\/strong>/);
    assert.match(html, /Inferred from the journal: <strong[^>]*>(creating|building|mastery|moving-on) \(stage \d\)<\/strong>/);
    assert.match(html, /<ul class="reasons"><li>/);
    assert.match(html, /<section id="signals">/);
    assert.match(html, /<section id="actions">\n<h2>Open actions<\/h2>\n<ul class="actions-list"><li><button type="button" class="link" data-action="0" /);
    // What the saved review has besides: cadence, and the changes since the last review.
    assert.ok(html.includes('<section id="cadence">\n<h2>Cadence</h2>\n<ul class="cadence-list"><li>Agreed cadence: biweekly (every 14 days)</li><li>Last held session: <span class="date">2026-11-18</span>, 5 days ago</li><li>Sessions so far: 7 held, 1 missed, 0 cancelled</li><li>Next meeting: <span class="date">2026-12-02</span>, in 9 days</li><li>On track.</li></ul>\n</section>'));
    assert.ok(html.includes('<section id="changes">\n<h2>Changes since the last review</h2>\n<p>No earlier review to compare with.</p>\n</section>'));
    assert.ok(html.includes('<td><span class="date">2026-12-18</span> <span class="meta">(25 days left)</span></td>'));
  });

  it('opens an open action at its line, for a click on the page shown now only', async () => {
    const html = await review(PRIYA);
    const page = Number(/<body data-page="(\d+)"/.exec(html)?.[1]);
    assert.ok(page > 0, 'the page has a number');
    assert.ok(html.includes(`<li><button type="button" class="link" data-action="2" title="Open ${PRIYA}/sessions/2026-11-18.md at line 52"><strong>@priya</strong> book the architecture review slot for December</button> <span class="due">due in 4 days</span> <span class="meta">(<span class="date">2026-11-27</span>)</span> <span class="meta">from the session of <span class="date">2026-11-18</span></span></li>`));
    const editor = await panel().receive({ command: 'open', page, action: 2 });
    assert.ok(editor && 'document' in editor, 'an editor was opened');
    assert.equal(editor.document.uri.toString(), uri(`${PRIYA}/sessions/2026-11-18.md`).toString());
    assert.equal(editor.selection.active.line, 51);
    assert.match(editor.document.lineAt(51).text, /^- \[ \] @priya book the architecture review slot for December/);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');

    // Anything but a number of an action on the page shown now does nothing.
    const before = vscode.window.activeTextEditor?.document.uri.toString();
    for (const message of [
      { command: 'open', page: page - 1, action: 0 },
      { command: 'open', page, action: 3 },
      { command: 'open', page, action: -1 },
      { command: 'open', page, action: 0.5 },
      { command: 'open', page, action: '0' },
      { command: 'open', page, file: `${PRIYA}/agreement.md` },
      { command: 'openFile', page, action: 0 },
      { command: 'save', name: '../agreement.md' },
      'open',
      null,
    ]) {
      assert.equal(await panel().receive(message), undefined, JSON.stringify(message));
    }
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), before);
    assert.equal(await exists(`${PRIYA}/reviews`), false, 'no save for a bad name');
  });

  it('draws each goal\'s progress with the sessions as held or missed marks', async () => {
    const priya = await review(PRIYA);
    assert.match(priya, /<svg [^>]*class="mj-progress"/);
    assert.match(priya, /<polyline class="mj-line"/);
    assert.equal((priya.match(/class="mj-session mj-session-held"/g) ?? []).length >= 8, true, 'one mark per held session');
    const reverse = await review(REVERSE);
    assert.match(reverse, /class="mj-session mj-session-missed"/, 'the missed session is marked');
    assert.match(reverse, /<li class="(info|warning|error)" data-code="[\w-]+"><strong>.+?<\/strong><br><span class="advice">Advice: /, 'signals come with advice');
  });

  it('allows nothing by default: nonce scripts and styles, no inline handlers, resources only from media', async () => {
    const html = await review(PRIYA);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    assert.ok(csp, 'a CSP meta tag');
    assert.match(csp, /^default-src 'none';/);
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1];
    assert.ok(nonce && nonce.length >= 16, 'a script nonce');
    assert.match(csp, new RegExp(`style-src [^;]*'nonce-${nonce.replace(/[+/=]/g, '\\$&')}'`));
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|unsafe-hashes/);
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    assert.equal(scripts.length, 1);
    for (const tag of [...scripts, ...(html.match(/<style\b[^>]*>/g) ?? [])]) assert.ok(tag.includes(`nonce="${nonce}"`), tag);
    assert.deepEqual(tags(html).filter((t) => /\son[a-z]+=/i.test(t)), [], 'no inline event handlers');
    assert.doesNotMatch(html, /\sstyle="/, 'no inline style attributes (the policy would block them)');
    assert.doesNotMatch(html, /href=|src=/, 'nothing is loaded or linked');
    assert.notEqual(await review(PRIYA).then((h) => /'nonce-([^']+)'/.exec(h)?.[1]), nonce, 'a new nonce for every render');

    const options = panel().current()!.options;
    assert.equal(options.enableScripts, true);
    assert.ok(!options.enableCommandUris, 'no command links');
    assert.deepEqual(options.localResourceRoots?.map((u) => u.toString()), [vscode.Uri.joinPath(extension.extensionUri, 'media').toString()]);
  });

  it('escapes every text from the journal: <script>, <img onerror>, javascript: links', async () => {
    const html = await review(HOSTILE);
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'), 'the mentor name is shown as text');
    assert.ok(html.includes('&lt;script&gt;alert(&#39;mentee&#39;)&lt;/script&gt;'));
    assert.ok(html.includes('[click me](javascript:alert(1)) &amp; &lt;b onmouseover=alert(2)&gt;bold&lt;/b&gt;'));
    assert.ok(html.includes('&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;script&gt;alert(3)&lt;/script&gt;'));
    assert.ok(html.includes('&lt;iframe src=&quot;javascript:alert(5)&quot;&gt;&lt;/iframe&gt;'));
    assert.equal((html.match(/<script\b/g) ?? []).length, 1, 'only the page\'s own script');
    for (const raw of ['<img', '<iframe', '<b ', "<script>alert", '<svg onload']) assert.ok(!html.includes(raw), raw);
    assert.doesNotMatch(html, /<a\b|href=/);
    assert.deepEqual(tags(html).filter((t) => /\son[a-z]+=|javascript:/i.test(t)), [], 'no tag carries a handler or a javascript: URL');
  });

  it('follows the editor theme through its CSS variables', async () => {
    const html = await review(PRIYA);
    for (const variable of ['--vscode-foreground', '--vscode-editor-background', '--vscode-button-background', '--vscode-font-family']) {
      assert.ok(html.includes(`var(${variable})`), variable);
    }
    assert.doesNotMatch(/<style nonce="[^"]+">([\s\S]*?)<\/style>/.exec(html)![1]!, /#[0-9a-f]{3,6}\b/i, 'no fixed colours in the page style');
  });

  it('saves the review as reviews/YYYY-MM-DD.md, never overwriting, and says which name the next save takes', async () => {
    const html = await review(PRIYA);
    assert.ok(html.includes(`<button id="save" type="button">Save review as reviews/${TODAY}.md</button>\n<span id="saved" role="status" aria-live="polite"></span>`));
    const first = await panel().save(undefined, `${TODAY}.md`);
    assert.equal(first?.toString(), uri(`${PRIYA}/reviews/${TODAY}.md`).toString());
    const text = await read(`${PRIYA}/reviews/${TODAY}.md`);
    assert.match(text, new RegExp(`^---\\ntype: review\\ndate: ${TODAY}\\nrelationship: ${PRIYA}\\n`));
    assert.match(text, /\ngoals:\n[\s\S]*\n {2}write-design-rfc:\n {4}status: active\n/);
    await waitFor('the saved review in the index', () => api.service.relationships().find((r) => r.relationship.id === PRIYA)?.relationship.reviews.length === 1);
    assert.deepEqual(vscode.languages.getDiagnostics(first!), []);
    // The button tells the truth: the next click writes a second file, and says so.
    await waitFor('the panel to say the review is saved', () =>
      panel().current()?.html.includes(`<button id="save" type="button">Save again as reviews/${TODAY}-2.md</button>\n<span id="saved" role="status" aria-live="polite">Saved as reviews/${TODAY}.md</span>`),
    );

    // A click on a button that still showed the first name writes nothing.
    assert.equal(await panel().save(undefined, `${TODAY}.md`), undefined);
    assert.equal(await exists(`${PRIYA}/reviews/${TODAY}-2.md`), false);
    const second = await panel().save(undefined, `${TODAY}-2.md`);
    assert.equal(second?.toString(), uri(`${PRIYA}/reviews/${TODAY}-2.md`).toString());
    assert.equal(await read(`${PRIYA}/reviews/${TODAY}.md`), text, 'the first review is left as it was');
    await waitFor('the panel to offer a third name', () => panel().current()?.html.includes(`Save again as reviews/${TODAY}-3.md</button>\n<span id="saved" role="status" aria-live="polite">Saved as reviews/${TODAY}-2.md</span>`));
  });

  it('says "Saved as" only for what the panel saved: not for a review file of today someone wrote, and again after a reload', async () => {
    const mine = `# My own notes for today\n\nWritten by hand. Do not lose it.\n`;
    await writeFile(`${REVERSE}/reviews/${TODAY}.md`, mine);
    await waitFor('the hand-written file in the index', () => api.service.relationships().find((r) => r.relationship.id === REVERSE)?.relationship.files.includes(`${REVERSE}/reviews/${TODAY}.md`));
    let html = await review(REVERSE);
    assert.ok(html.includes(`<button id="save" type="button">Save review as reviews/${TODAY}-2.md</button>\n<span id="saved" role="status" aria-live="polite"></span>`), 'not "saved" yet, and the next free name');
    const saved = await panel().save(undefined, `${TODAY}-2.md`);
    assert.equal(saved?.toString(), uri(`${REVERSE}/reviews/${TODAY}-2.md`).toString());
    assert.equal(await read(`${REVERSE}/reviews/${TODAY}.md`), mine);
    await waitFor('the panel to say what it saved', () => panel().current()?.html.includes(`Save again as reviews/${TODAY}-3.md</button>\n<span id="saved" role="status" aria-live="polite">Saved as reviews/${TODAY}-2.md</span>`));
    html = panel().current()!.html;
    assert.ok(html.includes(`data-saved="${TODAY}-2.md"`), 'the page keeps what it saved as its state');
    // After a reload, the state names what it saved; a name whose file is gone is dropped.
    const root = api.service.relationships().find((r) => r.relationship.id === REVERSE)!.root.uri.toString();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const restored = vscode.window.createWebviewPanel(REVIEW_VIEW_TYPE, 'Review: restored', vscode.ViewColumn.Active, {});
    await panel().serializer.deserializeWebviewPanel(restored, { root, relationship: REVERSE, saved: [`${TODAY}-2.md`, `${TODAY}-9.md`, '../x.md'] });
    assert.ok(panel().current()?.html.includes(`<span id="saved" role="status" aria-live="polite">Saved as reviews/${TODAY}-2.md</span>`));
    assert.ok(panel().current()?.html.includes(`data-saved="${TODAY}-2.md"`));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(uri(`${REVERSE}/reviews`), { recursive: true });
    await api.service.refreshFile(uri(`${REVERSE}/reviews/${TODAY}.md`));
    await api.service.refreshFile(uri(`${REVERSE}/reviews/${TODAY}-2.md`));
  });

  it('is restored after a reload: the serializer is registered and reopens the relationship kept in the page state', async () => {
    assert.throws(() => vscode.window.registerWebviewPanelSerializer(REVIEW_VIEW_TYPE, { deserializeWebviewPanel: async () => undefined }), /already registered/);
    const html = await review(REVERSE);
    const root = api.service.relationships().find((r) => r.relationship.id === REVERSE)!.root.uri.toString();
    assert.ok(html.includes(`data-root="${root}" data-relationship="${REVERSE}"`), 'the page keeps root and relationship as its state');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    assert.equal(panel().current(), undefined);

    // What VS Code does after a reload: a panel of the view type, handed to the serializer with the page's state.
    const restored = vscode.window.createWebviewPanel(REVIEW_VIEW_TYPE, 'Review: restored', vscode.ViewColumn.Active, {});
    await panel().serializer.deserializeWebviewPanel(restored, { root, relationship: REVERSE, scrollY: 120 });
    const current = panel().current();
    assert.equal(current?.relationship, REVERSE);
    assert.equal(current?.title, restored.title);
    assert.match(restored.title, /^Review: /);
    assert.equal(current?.options.enableScripts, true);
    assert.ok(!current?.options.enableCommandUris);
    assert.match(current?.html ?? '', /<table id="goals-table">/);
    assert.equal(current?.html, restored.webview.html);
    // It is a panel like any other: it follows the journal and saves.
    assert.equal(await review(REVERSE).then(() => panel().current()?.title), restored.title, 'Review goals reveals the restored panel');

    // A state naming a relationship that is gone gets a page that says so.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const orphan = vscode.window.createWebviewPanel(REVIEW_VIEW_TYPE, 'Review: gone', vscode.ViewColumn.Active, {});
    await panel().serializer.deserializeWebviewPanel(orphan, { root, relationship: `${SCRATCH}/gone` });
    assert.match(orphan.webview.html, /scratch-review\/gone is no longer in the journal\./);
    assert.equal(panel().current(), undefined);
    orphan.dispose();
  });

  it('follows the journal as it changes', async () => {
    await review(PRIYA);
    assert.match(panel().current()?.html ?? '', /<tr data-goal="review-others-designs">\n<td>.*<\/td>\n<td class="status status-proposed">/);
    await vscode.commands.executeCommand('mentoringJournal.markGoalAchieved', { relationship: PRIYA, goal: 'review-others-designs' });
    await waitFor('the panel to show the goal achieved', () => /<tr data-goal="review-others-designs">\n<td>.*<\/td>\n<td class="status status-achieved">/.test(panel().current()?.html ?? ''));
  });

  it('opens in an untrusted workspace but does not save there', async () => {
    editing().overrideTrust(false);
    try {
      const html = await review(REVERSE);
      assert.match(html, /<button id="save" type="button" disabled/);
      assert.equal(await panel().save(), undefined);
      assert.match(editing().messages.at(-1)?.text ?? '', /untrusted workspace/);
      assert.equal(await exists(`${REVERSE}/reviews`), false);
    } finally {
      editing().overrideTrust(undefined);
    }
  });

  it('asks which relationship when run from the palette, the active file\'s first', async () => {
    await vscode.window.showTextDocument(uri(`${REVERSE}/sessions/2026-11-12.md`));
    const pending = vscode.commands.executeCommand('mentoringJournal.reviewGoals');
    await new Promise((r) => setTimeout(r, 500));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    assert.equal(await pending, REVERSE);
    assert.equal(panel().current()?.relationship, REVERSE);
  });
});
