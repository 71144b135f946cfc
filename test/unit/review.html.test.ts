/**
 * The Review goals page as HTML (src/vscode/review/html.ts, which imports no `vscode`): the
 * sections the saved review has (cadence, changes since the last review), open actions as buttons
 * with days overdue, the Save button's label before and after a save, numbers in the singular,
 * dates kept together, and the page state the serializer gets back. Exact strings.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeRelationship, renderReviewMarkdown, type RelationshipReport } from '../../src/core';
import { actionItem, dueWords, renderReviewPage, saveLabel, savedText, sentence, type ReviewPageOptions } from '../../src/vscode/review/html';
import { load, TODAY, type JournalSpec } from './model.journal.test';

const OPTIONS: ReviewPageOptions = { nonce: 'bm9uY2Vub25jZW5vbmNl', cspSource: 'vscode-resource:', canSave: true, saveName: `${TODAY}.md`, page: 7, state: { root: 'file:///w/journal', relationship: 'p', saved: [] } };

// TODAY is 2026-06-01: actions due three days ago, yesterday, today, tomorrow and in five days.
const SPEC: JournalSpec = {
  goals: [
    { id: 'rfc', title: 'Write an RFC', due: '2026-06-02' },
    { id: 'talk', title: 'Give a talk', due: '2026-05-31' },
    { id: 'blog', title: 'Blog post', due: '2026-06-01' },
  ],
  sessions: [
    { date: '2026-05-04', goals: ['rfc'], progress: { rfc: 20 }, actions: ['[ ] @sam outline the options (due 2026-05-29) [[rfc]]', '[ ] ask Lee for a review (due 2026-05-31)'] },
    {
      date: '2026-05-18',
      goals: ['rfc', 'talk'],
      progress: { rfc: 30 },
      next: '2026-05-28',
      actions: ['[ ] @priya book a room (due 2026-06-01)', '[ ] @sam send the draft (due 2026-06-02)', '[ ] @sam read two RFCs (due 2026-06-06)', '[ ] @sam keep notes'],
    },
  ],
  files: { 'reviews/2026-05-01.md': '---\ntype: review\ndate: 2026-05-01\nstage: creating\ngoals:\n  rfc: {status: proposed, progress: 10}\n---\n\n# Old review\n' },
};

let report: RelationshipReport;
let html: string;
const section = (id: string) => new RegExp(`<section id="${id}">\\n([\\s\\S]*?)\\n</section>`).exec(html)?.[1] ?? '';

before(async () => {
  report = analyzeRelationship(await load(SPEC), TODAY);
  html = renderReviewPage(report, OPTIONS);
});

describe('Review page: what the saved review has', () => {
  it('has the saved review\'s sections, in its order, with the chart after the goals', () => {
    const headings = [...html.matchAll(/<h2>(.*?)<\/h2>/g)].map((m) => m[1]);
    assert.deepEqual(headings, ['Stage', 'Goals', 'Progress over time', 'Cadence', 'Signals', 'Open actions', 'Changes since the review of <span class="date">2026-05-01</span>']);
    const saved = renderReviewMarkdown(report).split('\n').filter((l) => l.startsWith('## ')).map((l) => l.slice(3));
    assert.deepEqual(saved, ['Stage', 'Goals', 'Cadence', 'Signals', 'Open actions', 'Changes since the review of 2026-05-01']);
  });

  it('shows the cadence in the saved review\'s words', () => {
    assert.equal(
      section('cadence'),
      '<h2>Cadence</h2>\n<ul class="cadence-list">' +
        '<li>Agreed cadence: biweekly (every 14 days)</li>' +
        '<li>Last held session: <span class="date">2026-05-18</span>, 14 days ago</li>' +
        '<li>Sessions so far: 2 held, 0 missed, 0 cancelled</li>' +
        '<li>Next meeting: <span class="date">2026-05-28</span>, 4 days ago</li>' +
        '<li><strong>Overdue by 4 days</strong>: the planned meeting has passed without a recorded session.</li></ul>',
    );
    const markdown = renderReviewMarkdown(report);
    for (const line of ['- Agreed cadence: biweekly (every 14 days)', '- Last held session: 2026-05-18, 14 days ago', '- Next meeting: 2026-05-28, 4 days ago', '- **Overdue by 4 days**: the planned meeting has passed without a recorded session.']) {
      assert.ok(markdown.includes(`\n${line}\n`), line);
    }
  });

  it('lists the changes since the last review, ids as code', () => {
    assert.equal(
      section('changes'),
      '<h2>Changes since the review of <span class="date">2026-05-01</span></h2>\n<ul class="changes-list">' +
        '<li>Declared stage: creating → building</li>' +
        '<li>New goal <code>blog</code> (Blog post): active</li>' +
        '<li>New goal <code>talk</code> (Give a talk): active</li>' +
        '<li><code>rfc</code> (Write an RFC): status proposed → active; progress 10% → 30%</li></ul>',
    );
  });

  it('says which files were left out, in the saved review\'s words, before the toolbar', async () => {
    const files = { ...SPEC.files, 'sessions/2026-05-25.md': '---\ntype: session\ndate: 2026-05-25\n\nNever closed.\n', 'sessions/2026-05-26.md': '---\ntype: session\n<<<<<<< HEAD\ndate: 2026-05-26\n=======\ndate: 2026-05-27\n>>>>>>> other\n---\n' };
    const page = renderReviewPage(analyzeRelationship(await load({ ...SPEC, files }), TODAY), OPTIONS);
    assert.ok(
      page.includes(
        '<p class="note">This file was left out of this review because of an unresolved merge conflict: <code>p/sessions/2026-05-26.md</code>. Resolve it and review again.</p>\n<p class="note">This session file is in none of this review\'s counts, because its front matter or date could not be read: <code>p/sessions/2026-05-25.md</code>. Fix it (its problems say how) and review again.</p>\n<div class="toolbar">',
      ),
      page,
    );
    assert.doesNotMatch(html, /class="note"/);
  });

  it('says so when there is no earlier review, as the saved review does', async () => {
    const page = renderReviewPage(analyzeRelationship(await load({ ...SPEC, files: {} }), TODAY), OPTIONS);
    assert.ok(page.includes('<section id="changes">\n<h2>Changes since the last review</h2>\n<p>No earlier review to compare with.</p>\n</section>'));
  });
});

describe('Review page: open actions', () => {
  it('says how many days overdue, or when due, in words', () => {
    assert.deepEqual([-3, -1, 0, 1, 2, 5].map(dueWords), ['overdue 3 days', 'overdue 1 day', 'due today', 'due tomorrow', 'due in 2 days', 'due in 5 days']);
  });

  it('makes each action a button that opens its line, numbered on the page, with when it is due and where it is from', () => {
    const items = [...section('actions').matchAll(/<li>.*?<\/li>/g)].map((m) => m[0]);
    assert.deepEqual(items, [
      '<li><button type="button" class="link" data-action="0" title="Open p/sessions/2026-05-04.md at line 12"><strong>@sam</strong> outline the options [[rfc]]</button> <span class="due due-overdue">overdue 3 days</span> <span class="meta">(<span class="date">2026-05-29</span>)</span> <span class="meta">from the session of <span class="date">2026-05-04</span></span></li>',
      '<li><button type="button" class="link" data-action="1" title="Open p/sessions/2026-05-04.md at line 13">ask Lee for a review</button> <span class="due due-overdue">overdue 1 day</span> <span class="meta">(<span class="date">2026-05-31</span>)</span> <span class="meta">from the session of <span class="date">2026-05-04</span></span></li>',
      '<li><button type="button" class="link" data-action="2" title="Open p/sessions/2026-05-18.md at line 13"><strong>@priya</strong> book a room</button> <span class="due">due today</span> <span class="meta">(<span class="date">2026-06-01</span>)</span> <span class="meta">from the session of <span class="date">2026-05-18</span></span></li>',
      '<li><button type="button" class="link" data-action="3" title="Open p/sessions/2026-05-18.md at line 14"><strong>@sam</strong> send the draft</button> <span class="due">due tomorrow</span> <span class="meta">(<span class="date">2026-06-02</span>)</span> <span class="meta">from the session of <span class="date">2026-05-18</span></span></li>',
      '<li><button type="button" class="link" data-action="4" title="Open p/sessions/2026-05-18.md at line 15"><strong>@sam</strong> read two RFCs</button> <span class="due">due in 5 days</span> <span class="meta">(<span class="date">2026-06-06</span>)</span> <span class="meta">from the session of <span class="date">2026-05-18</span></span></li>',
      '<li><button type="button" class="link" data-action="5" title="Open p/sessions/2026-05-18.md at line 16"><strong>@sam</strong> keep notes</button> <span class="meta">from the session of <span class="date">2026-05-18</span></span></li>',
    ]);
  });

  it('shows an action whose (due ...) is not a day as having no valid due date, never as due', () => {
    const { due: _due, daysLeft: _days, ...undated } = report.actions[0]!;
    const action = { ...undated, overdue: false, invalidDue: '2026-02-30' };
    assert.equal(
      actionItem(action, 0).split('</button>')[1],
      ' <span class="due">no valid due date: 2026-02-30 is not a day in the calendar</span> <span class="meta">from the session of <span class="date">2026-05-04</span></span></li>',
    );
  });

  it('escapes the action\'s text and file in the button and its title', () => {
    const action = { ...report.actions[0]!, text: '<img src=x onerror=alert(1)> "q"', owner: '<b>', source: { file: 'p/"x"<y>.md', range: report.actions[0]!.source.range } };
    assert.equal(
      actionItem(action, 0).split('</button>')[0],
      '<li><button type="button" class="link" data-action="0" title="Open p/&quot;x&quot;&lt;y&gt;.md at line 12"><strong>@&lt;b&gt;</strong> &lt;img src=x onerror=alert(1)&gt; &quot;q&quot;',
    );
  });

  it('sends a click as the action\'s number and this page\'s number, and nothing else', () => {
    const script = /<script nonce="[^"]+">([\s\S]*?)<\/script>/.exec(html)![1]!;
    assert.ok(script.includes("vscode.postMessage({ command: 'open', page: page, action: Number(link.dataset.action) });"));
    assert.ok(html.includes(`<body data-page="7" data-root="file:///w/journal" data-relationship="p" data-saved="" data-save="${TODAY}.md">`));
    const withSaved = renderReviewPage(report, { ...OPTIONS, state: { ...OPTIONS.state, saved: [`${TODAY}.md`, `${TODAY}-3.md`] } });
    assert.ok(withSaved.includes(`data-saved="${TODAY}.md/${TODAY}-3.md"`));
  });
});

describe('Review page: Save tells the truth', () => {
  it('names the file the next save writes, and says when a review of today is saved already', () => {
    assert.equal(saveLabel('2026-11-23.md', undefined), 'Save review as reviews/2026-11-23.md');
    assert.equal(saveLabel('2026-11-23-2.md', '2026-11-23.md'), 'Save again as reviews/2026-11-23-2.md');
    assert.equal(savedText('2026-11-23.md'), 'Saved as reviews/2026-11-23.md');
    assert.ok(html.includes(`<button id="save" type="button">Save review as reviews/${TODAY}.md</button>\n<span id="saved" role="status" aria-live="polite"></span>`));
    const again = renderReviewPage(report, { ...OPTIONS, saveName: `${TODAY}-2.md`, savedName: `${TODAY}.md` });
    assert.ok(again.includes(`<button id="save" type="button">Save again as reviews/${TODAY}-2.md</button>\n<span id="saved" role="status" aria-live="polite">Saved as reviews/${TODAY}.md</span>`));
  });

  it('sends the name the button shows with the click, and takes the label the extension answers', () => {
    const script = /<script nonce="[^"]+">([\s\S]*?)<\/script>/.exec(html)![1]!;
    assert.ok(script.includes("vscode.postMessage({ command: 'save', name: body.dataset.save });"));
    assert.ok(script.includes('button.textContent = message.label;'));
    assert.ok(script.includes('status.textContent = message.status;'));
  });

  it('disables Save in an untrusted workspace and says why', () => {
    const page = renderReviewPage(report, { ...OPTIONS, canSave: false });
    assert.ok(page.includes(`<button id="save" type="button" disabled title="Saving needs a trusted workspace">Save review as reviews/${TODAY}.md</button>\n<span id="saved" role="status" aria-live="polite">Saving is disabled in an untrusted workspace.</span>`));
  });
});

describe('Review page: numbers and dates read right', () => {
  it('says "1 day" and "overdue 1 day" in the goals table, and "due today"', () => {
    const due = (id: string) => new RegExp(`<tr data-goal="${id}">(?:\\n<td[^>]*>.*</td>){4}\\n<td>(.*)</td>`).exec(html)?.[1];
    assert.equal(due('rfc'), '<span class="date">2026-06-02</span> <span class="meta">(1 day left)</span>');
    assert.equal(due('talk'), '<span class="date">2026-05-31</span> <span class="meta due-overdue">(overdue 1 day)</span>');
    assert.equal(due('blog'), '<span class="date">2026-06-01</span> <span class="meta">(due today)</span>');
    assert.doesNotMatch(html, /\b1 days\b/);
  });

  it('says when a closure written ahead will close the partnership, and when one closed it', () => {
    const withClosure = (date: string): RelationshipReport => {
      const { closure: _closure, plannedClosure: _planned, ...rest } = report;
      return { ...rest, ...(date > TODAY ? { plannedClosure: { date, outcome: 'friends' } } : { closure: { date, outcome: 'friends' } }) };
    };
    assert.match(renderReviewPage(withClosure('2026-08-20'), OPTIONS), / · closing <span class="date">2026-08-20<\/span><\/p>/);
    assert.match(renderReviewPage(withClosure('2026-05-20'), OPTIONS), / · closed <span class="date">2026-05-20<\/span><\/p>/);
  });

  it('keeps dates and ids on one line', () => {
    const style = /<style nonce="[^"]+">([\s\S]*?)<\/style>/.exec(html)![1]!;
    assert.ok(style.includes('.date, code { white-space: nowrap; }'));
    assert.ok(html.includes('<td><strong>Write an RFC</strong><br><code>rfc</code></td>'));
    assert.ok(html.includes(`<p class="meta"><code>p</code> · <span class="date">${TODAY}</span> · one-to-one · formal · <span class="date">2026-01-01</span> to <span class="date">2026-12-31</span></p>`));
    // Engine sentences: `ids` become code, dates are kept together.
    assert.equal(sentence('Goal `write-rfc` is due on 2026-06-20.'), 'Goal <code>write-rfc</code> is due on <span class="date">2026-06-20</span>.');
    assert.equal(sentence('<b> & `x<y>`'), '&lt;b&gt; &amp; <code>x&lt;y&gt;</code>');
  });
});

describe('Review panel: restored after a reload', () => {
  const root = join(__dirname, '../..');
  it('activates on its webview panel, so VS Code can hand the panel back to the serializer', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { activationEvents: string[] };
    const panel = readFileSync(join(root, 'src/vscode/review/panel.ts'), 'utf8');
    const viewType = /export const REVIEW_VIEW_TYPE = '([\w.]+)';/.exec(panel)?.[1];
    assert.equal(viewType, 'mentoringJournal.review');
    assert.ok(manifest.activationEvents.includes(`onWebviewPanel:${viewType}`));
    assert.ok(panel.includes('vscode.window.registerWebviewPanelSerializer(REVIEW_VIEW_TYPE, this.serializer)'));
  });

  it('keeps the root and the relationship as the page\'s state', () => {
    const script = /<script nonce="[^"]+">([\s\S]*?)<\/script>/.exec(html)![1]!;
    assert.ok(script.includes("const state = { root: body.dataset.root, relationship: body.dataset.relationship, saved: body.dataset.saved ? body.dataset.saved.split('/') : [], scrollY: 0 };"));
    assert.ok(script.includes('vscode.setState(state);'));
  });
});
