import { relationshipLabel, STAGES } from '../../core';
import { progressSeries, renderProgressSvg, type GoalReport, type OpenAction, type RelationshipReport, type Signal } from '../../core/model';
import { historyItems } from '../../core/model/historyPart';
import { cadenceItems, changeItems, leftOutNotes, noGoalsText, type Markup } from '../../core/model/markdown';
import { days, noValidDue } from '../../core/words';

/**
 * The Review goals page: a self-contained HTML document for a webview. Its Content Security
 * Policy allows nothing by default; the one script and the style sheets carry a nonce (there are
 * no inline style attributes), images may only come from the webview's own resource origin.
 * Every text that comes from the journal is escaped, and none of it ever becomes a link or an
 * attribute that runs code. Open actions are buttons that ask the extension, by their number on
 * this page, to open their line; the extension checks the number (panel.ts).
 */
export interface ReviewPageOptions {
  nonce: string;
  /** `webview.cspSource`. */
  cspSource: string;
  /** Whether the Save button works (a trusted workspace). */
  canSave: boolean;
  /** The name in `reviews/` the next save writes: `2026-11-23.md`, or `2026-11-23-2.md` when that one exists. */
  saveName: string;
  /** The review of today this panel saved last, by its name in `reviews/`, if it saved one. */
  savedName?: string;
  /** This rendering's number: the page sends it with a click on an open action, so a click on an older page is ignored. */
  page: number;
  /** What the page keeps as its state, for the panel's serializer to reopen it after a reload. */
  state: { root: string; relationship: string; saved: readonly string[] };
}

/** HTML text and attribute escaping. */
export function esc(text: unknown): string {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A date that never breaks at its hyphens. */
const date = (value: string) => `<span class="date">${esc(value)}</span>`;
const DATES = /\b\d{4}-\d{2}-\d{2}\b/g;
/** A sentence of the engine (reason, signal): escaped, `code` as code, dates kept together. */
export const sentence = (text: string) => esc(text).replace(/`([^`]+)`/g, '<code>$1</code>').replace(DATES, '<span class="date">$&</span>');

/** The review's shared sentences (cadence, changes), marked up as HTML. */
const HTML: Markup = { text: (s) => esc(s), code: (s) => `<code>${esc(s)}</code>`, strong: (s) => `<strong>${s}</strong>`, date };

/** The Save button's label: what the next click writes, "again" once a review of today is saved. */
export const saveLabel = (saveName: string, savedName: string | undefined) => `${savedName ? 'Save again as' : 'Save review as'} reviews/${saveName}`;
/** What the status next to the button says once a review of today is saved. */
export const savedText = (savedName: string) => `Saved as reviews/${savedName}`;

/** When something is due, from the days left: "overdue 3 days", "due today", "due tomorrow", "due in 5 days". */
export function dueWords(daysLeft: number): string {
  if (daysLeft < 0) return `overdue ${days(-daysLeft)}`;
  if (daysLeft === 0) return 'due today';
  if (daysLeft === 1) return 'due tomorrow';
  return `due in ${days(daysLeft)}`;
}

const stageName = (stage: string | undefined) => (stage ? `${stage} (stage ${STAGES.indexOf(stage as (typeof STAGES)[number]) + 1})` : 'not declared');
const pct = (n: number | undefined) => (n === undefined ? '–' : `${n}%`);

const STYLE = `
body { color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); padding: 0 20px 24px; line-height: 1.45; }
h1 { font-size: 1.5em; margin-bottom: 0.2em; } h2 { font-size: 1.15em; margin-top: 1.6em; border-bottom: 1px solid var(--vscode-panel-border, transparent); padding-bottom: 2px; }
.meta { color: var(--vscode-descriptionForeground); margin-top: 0; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--vscode-panel-border, rgba(128,128,128,.3)); vertical-align: top; }
th { color: var(--vscode-descriptionForeground); font-weight: 600; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
code { font-family: var(--vscode-editor-font-family); background: var(--vscode-textCodeBlock-background); padding: 0 3px; border-radius: 3px; }
.status { font-weight: 600; } .status::before { content: '\\25CF' / ''; margin-right: .35em; font-size: .85em; }
.status-active::before { color: var(--vscode-charts-yellow); } .status-achieved::before { color: var(--vscode-testing-iconPassed, var(--vscode-charts-green)); }
.status-proposed::before { color: var(--vscode-charts-blue); } .status-paused::before, .status-dropped::before { color: var(--vscode-descriptionForeground); }
.status-paused, .status-dropped { color: var(--vscode-descriptionForeground); font-style: italic; }
progress { width: 60px; height: 8px; vertical-align: middle; accent-color: var(--vscode-progressBar-background); }
.signals { list-style: none; padding: 0; } .signals li { border-left: 3px solid var(--vscode-charts-blue); padding: 4px 10px; margin: 6px 0; background: var(--vscode-textBlockQuote-background); }
.signals li.warning { border-color: var(--vscode-editorWarning-foreground); } .signals li.error { border-color: var(--vscode-editorError-foreground); }
.advice { color: var(--vscode-descriptionForeground); }
.stage-mismatch { font-weight: 600; border-bottom: 2px solid var(--vscode-editorWarning-foreground); }
button { background: var(--vscode-button-background); color: var(--vscode-button-foreground); border: 1px solid var(--vscode-button-border, transparent); padding: 5px 14px; border-radius: 2px; cursor: pointer; font: inherit; }
button:hover { background: var(--vscode-button-hoverBackground); } button:disabled { opacity: .5; cursor: default; }
.toolbar { display: flex; gap: 12px; align-items: center; margin: 12px 0; } #saved { color: var(--vscode-descriptionForeground); }
.chart { overflow-x: auto; }
.date, code { white-space: nowrap; }
.due-overdue { color: var(--vscode-errorForeground); font-weight: 600; }
button.link { background: none; border: none; padding: 0; color: var(--vscode-textLink-foreground); text-align: left; font: inherit; cursor: pointer; }
button.link:hover, button.link:focus-visible { color: var(--vscode-textLink-activeForeground); text-decoration: underline; background: none; }
button.link:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 1px; }
.cadence-list, .changes-list, .actions-list { padding-left: 1.2em; } .actions-list li { margin: 3px 0; }
`;

function goalDue(goal: GoalReport): string {
  if (!goal.due) return '–';
  const open = goal.status !== 'achieved' && goal.status !== 'dropped';
  if (!open || goal.daysLeft === undefined) return date(goal.due);
  const left = goal.daysLeft;
  const words = left < 0 ? `overdue ${days(-left)}` : left === 0 ? 'due today' : `${days(left)} left`;
  return `${date(goal.due)} <span class="meta${left < 0 ? ' due-overdue' : ''}">(${words})</span>`;
}

function goalRow(goal: GoalReport): string {
  const width = Math.max(0, Math.min(100, goal.progress ?? 0));
  return `<tr data-goal="${esc(goal.id)}">
<td><strong>${esc(goal.title)}</strong><br><code>${esc(goal.id)}</code></td>
<td class="status status-${esc(goal.status)}">${esc(goal.status)}</td>
<td>${esc(goal.owner)}</td>
<td class="num"><progress max="100" value="${width}" aria-hidden="true"></progress> ${esc(pct(goal.progress))}</td>
<td>${goalDue(goal)}</td>
<td>${goal.success ? esc(goal.success) : '<em>none written</em>'}</td>
<td>${goal.lastDiscussed ? date(goal.lastDiscussed) : 'never'}</td>
<td class="num">${goal.openActions.length}</td>
</tr>`;
}

function goalsTable(goals: GoalReport[], report: RelationshipReport): string {
  if (!goals.length) return `<p>${esc(noGoalsText(report))}</p>`;
  return `<table id="goals-table">
<thead><tr><th>Goal</th><th>Status</th><th>Owner</th><th>Progress</th><th>Due</th><th>Success criteria</th><th>Last discussed</th><th>Open actions</th></tr></thead>
<tbody>
${goals.map(goalRow).join('\n')}
</tbody>
</table>`;
}

function signalItem(signal: Signal): string {
  return `<li class="${esc(signal.severity)}" data-code="${esc(signal.code)}"><strong>${sentence(signal.message)}</strong><br><span class="advice">Advice: ${sentence(signal.advice)}</span></li>`;
}

/** An open action: its text is a button that opens the session at the action's line; then when it is due and where it is from. */
export function actionItem(action: OpenAction, index: number): string {
  const line = action.source.range.start.line;
  const text = `${action.owner ? `<strong>@${esc(action.owner)}</strong> ` : ''}${esc(action.text)}`;
  const due = action.due
    ? ` <span class="due${action.overdue ? ' due-overdue' : ''}">${action.daysLeft === undefined ? 'due' : dueWords(action.daysLeft)}</span> <span class="meta">(${date(action.due)})</span>`
    : action.invalidDue
      ? ` <span class="due">${esc(noValidDue(action.invalidDue))}</span>`
      : '';
  return `<li><button type="button" class="link" data-action="${index}" title="${esc(`Open ${action.source.file} at line ${line}`)}">${text}</button>${due} <span class="meta">from the session of ${date(action.sessionDate)}</span></li>`;
}

function cadenceSection(report: RelationshipReport): string {
  return `<ul class="cadence-list">${cadenceItems(report.cadence, HTML).map((item) => `<li>${item}</li>`).join('')}</ul>`;
}

/** The History part, from git; empty without a history (no git, a virtual workspace). */
function historySection(report: RelationshipReport): string {
  const part = historyItems(report, HTML);
  if (!part) return '';
  return `<section id="history">\n<h2>${part.heading}</h2>\n${part.items.length ? `<ul class="history-list">${part.items.map((item) => `<li>${item}</li>`).join('')}</ul>` : `<p>${part.none}</p>`}\n</section>\n`;
}

function changesSection(report: RelationshipReport): string {
  const { heading, items, none } = changeItems(report.changes, HTML);
  return `<h2>${heading}</h2>\n${items.length ? `<ul class="changes-list">${items.map((item) => `<li>${item}</li>`).join('')}</ul>` : `<p>${none}</p>`}`;
}

/** The whole page for one relationship's report. */
export function renderReviewPage(report: RelationshipReport, options: ReviewPageOptions): string {
  const { nonce, cspSource } = options;
  const who = relationshipLabel(report.mentors, report.mentees, report.id);
  const span = report.started && (report.ends ? `${date(report.started)} to ${date(report.ends)}` : `since ${date(report.started)}`);
  const facts = [report.format && esc(report.format), report.formality && esc(report.formality), span, report.closure ? `closed ${date(report.closure.date)}` : report.plannedClosure && `closing ${date(report.plannedClosure.date)}`].filter(Boolean).join(' · ');
  const mismatch = report.declaredStage && report.declaredStage !== report.inferred.stage;
  // The chart is the model's SVG: its own <style> needs the nonce to pass the policy.
  const svg = renderProgressSvg(progressSeries(report), { width: 720, height: 320 }).replace('<style>', `<style nonce="${nonce}">`);
  const csp = [`default-src 'none'`, `img-src ${cspSource} data:`, `style-src ${cspSource} 'nonce-${nonce}'`, `script-src 'nonce-${nonce}'`, `font-src ${cspSource}`].join('; ');
  const notes = leftOutNotes(report, HTML);
  const status = !options.canSave ? 'Saving is disabled in an untrusted workspace.' : options.savedName ? savedText(options.savedName) : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Review: ${esc(who)}</title>
<style nonce="${nonce}">${STYLE}</style>
</head>
<body data-page="${options.page}" data-root="${esc(options.state.root)}" data-relationship="${esc(options.state.relationship)}" data-saved="${esc(options.state.saved.join('/'))}" data-save="${esc(options.saveName)}">
<header>
<h1>Review: ${esc(who)}</h1>
<p class="meta"><code>${esc(report.id)}</code> · ${date(report.today)}${facts ? ` · ${facts}` : ''}</p>
${notes.map((note) => `<p class="note">${note}</p>\n`).join('')}<div class="toolbar">
<button id="save" type="button"${options.canSave ? '' : ' disabled title="Saving needs a trusted workspace"'}>${esc(saveLabel(options.saveName, options.savedName))}</button>
<span id="saved" role="status" aria-live="polite">${esc(status)}</span>
</div>
</header>
<section id="stage">
<h2>Stage</h2>
<p>Declared in the agreement: <strong>${esc(report.declaredStage || !(report.agreementUnread || report.declaredStageInvalid) ? stageName(report.declaredStage) : report.agreementUnread ? 'unknown (the agreement could not be read)' : 'unknown (not valid as written: the problem says why)')}</strong>. Inferred from the journal: <strong class="${mismatch ? 'stage-mismatch' : ''}">${esc(stageName(report.inferred.stage))}</strong>.</p>
${report.inferred.reasons.length ? `<ul class="reasons">${report.inferred.reasons.map((r) => `<li>${sentence(r)}</li>`).join('')}</ul>` : ''}
</section>
<section id="goals">
<h2>Goals</h2>
${goalsTable(report.goals, report)}
</section>
<section id="progress">
<h2>Progress over time</h2>
<p class="meta">Each line is a goal's progress as sessions recorded it. Below the axis: filled dots are held sessions, hollow ones missed, crosses cancelled.</p>
<div class="chart">${svg}</div>
</section>
<section id="cadence">
<h2>Cadence</h2>
${cadenceSection(report)}
</section>
<section id="signals">
<h2>Signals</h2>
${report.signals.length ? `<ul class="signals">${report.signals.map(signalItem).join('\n')}</ul>` : '<p>Nothing needs attention right now.</p>'}
</section>
<section id="actions">
<h2>Open actions</h2>
${report.actions.length ? `<ul class="actions-list">${report.actions.map(actionItem).join('\n')}</ul>` : '<p>No open action items.</p>'}
</section>
<section id="changes">
${changesSection(report)}
</section>
${historySection(report)}<script nonce="${nonce}">${SCRIPT}</script>
</body>
</html>`;
}

/**
 * The page's one script. It keeps the panel's relationship, the reviews it saved and the scroll
 * position as the webview's state, which VS Code hands back after a reload; sends Save with the name the button
 * shows (kept in the body's `data-save`), so the extension never writes another name than the
 * one the user saw; sends a click on an open action as its number on this page; and shows what
 * the extension answers.
 */
const SCRIPT = `
(function () {
  const vscode = acquireVsCodeApi();
  const body = document.body;
  const page = Number(body.dataset.page);
  const button = document.getElementById('save');
  const status = document.getElementById('saved');
  const canSave = !button.disabled;
  const state = { root: body.dataset.root, relationship: body.dataset.relationship, saved: body.dataset.saved ? body.dataset.saved.split('/') : [], scrollY: 0 };
  const previous = vscode.getState();
  if (previous && previous.root === state.root && previous.relationship === state.relationship && previous.scrollY > 0) {
    state.scrollY = previous.scrollY;
    window.scrollTo(0, previous.scrollY);
  }
  vscode.setState(state);
  let pending = 0;
  window.addEventListener('scroll', function () {
    if (pending) return;
    pending = setTimeout(function () {
      pending = 0;
      state.scrollY = Math.round(window.scrollY);
      vscode.setState(state);
    }, 200);
  });
  button.addEventListener('click', function () {
    button.disabled = true;
    vscode.postMessage({ command: 'save', name: body.dataset.save });
  });
  document.addEventListener('click', function (event) {
    const link = event.target instanceof Element ? event.target.closest('[data-action]') : null;
    if (link) vscode.postMessage({ command: 'open', page: page, action: Number(link.dataset.action) });
  });
  window.addEventListener('message', function (event) {
    const message = event.data || {};
    if (message.command !== 'saved' && message.command !== 'failed') return;
    if (typeof message.status === 'string') status.textContent = message.status;
    if (typeof message.saved === 'string' && state.saved.indexOf(message.saved) < 0) {
      state.saved.push(message.saved);
      vscode.setState(state);
    }
    if (typeof message.label === 'string' && typeof message.name === 'string') {
      button.textContent = message.label;
      body.dataset.save = message.name;
    }
    button.disabled = !canSave;
  });
})();
`;
