import { relationshipLabel, STAGES } from '../../core';
import { progressSeries, renderProgressSvg, type GoalReport, type OpenAction, type RelationshipReport, type Signal } from '../../core/model';

/**
 * The Review goals page: a self-contained HTML document for a webview. Its Content Security
 * Policy allows nothing by default; the one script and the style sheets carry a nonce (there are
 * no inline style attributes), images may only come from the webview's own resource origin.
 * Every text that comes from the journal is escaped, and none of it ever becomes a link or an
 * attribute that runs code.
 */
export interface ReviewPageOptions {
  nonce: string;
  /** `webview.cspSource`. */
  cspSource: string;
  /** Whether the Save button works (a trusted workspace). */
  canSave: boolean;
  /** The file name the review would be saved as, for the button. */
  saveName: string;
}

/** HTML text and attribute escaping. */
export function esc(text: unknown): string {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
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
.status { font-weight: 600; } .status-active { color: var(--vscode-charts-yellow); } .status-achieved { color: var(--vscode-testing-iconPassed, var(--vscode-charts-green)); }
.status-proposed { color: var(--vscode-charts-blue); } .status-paused, .status-dropped { color: var(--vscode-disabledForeground); }
progress { width: 60px; height: 8px; vertical-align: middle; accent-color: var(--vscode-progressBar-background); }
.signals { list-style: none; padding: 0; } .signals li { border-left: 3px solid var(--vscode-charts-blue); padding: 4px 10px; margin: 6px 0; background: var(--vscode-textBlockQuote-background); }
.signals li.warning { border-color: var(--vscode-editorWarning-foreground); } .signals li.error { border-color: var(--vscode-editorError-foreground); }
.advice { color: var(--vscode-descriptionForeground); }
.stage-mismatch { color: var(--vscode-editorWarning-foreground); }
button { background: var(--vscode-button-background); color: var(--vscode-button-foreground); border: 1px solid var(--vscode-button-border, transparent); padding: 5px 14px; border-radius: 2px; cursor: pointer; font: inherit; }
button:hover { background: var(--vscode-button-hoverBackground); } button:disabled { opacity: .5; cursor: default; }
.toolbar { display: flex; gap: 12px; align-items: center; margin: 12px 0; } #saved { color: var(--vscode-descriptionForeground); }
.chart { overflow-x: auto; }
`;

function goalRow(goal: GoalReport): string {
  const width = Math.max(0, Math.min(100, goal.progress ?? 0));
  const open = goal.status !== 'achieved' && goal.status !== 'dropped';
  const due = goal.due ? `${esc(goal.due)}${open && goal.daysLeft !== undefined ? ` <span class="meta">(${goal.daysLeft >= 0 ? `${goal.daysLeft} days left` : `${-goal.daysLeft} days overdue`})</span>` : ''}` : '–';
  return `<tr data-goal="${esc(goal.id)}">
<td><strong>${esc(goal.title)}</strong><br><code>${esc(goal.id)}</code></td>
<td class="status status-${esc(goal.status)}">${esc(goal.status)}</td>
<td>${esc(goal.owner)}</td>
<td class="num"><progress max="100" value="${width}" aria-hidden="true"></progress> ${esc(pct(goal.progress))}</td>
<td>${due}</td>
<td>${goal.success ? esc(goal.success) : '<em>none written</em>'}</td>
<td>${esc(goal.lastDiscussed ?? 'never')}</td>
<td class="num">${goal.openActions.length}</td>
</tr>`;
}

function goalsTable(goals: GoalReport[]): string {
  if (!goals.length) return '<p>No goals yet: agree on a few, each with success criteria and a date.</p>';
  return `<table id="goals-table">
<thead><tr><th>Goal</th><th>Status</th><th>Owner</th><th>Progress</th><th>Due</th><th>Success criteria</th><th>Last discussed</th><th>Open actions</th></tr></thead>
<tbody>
${goals.map(goalRow).join('\n')}
</tbody>
</table>`;
}

function signalItem(signal: Signal): string {
  return `<li class="${esc(signal.severity)}" data-code="${esc(signal.code)}"><strong>${esc(signal.message)}</strong><br><span class="advice">Advice: ${esc(signal.advice)}</span></li>`;
}

function actionItem(action: OpenAction): string {
  const due = action.due ? ` <span class="meta">(due ${esc(action.due)}${action.overdue ? ', overdue' : ''})</span>` : '';
  return `<li>${action.owner ? `<strong>@${esc(action.owner)}</strong> ` : ''}${esc(action.text)}${due} <span class="meta">from ${esc(action.sessionDate)}</span></li>`;
}

/** The whole page for one relationship's report. */
export function renderReviewPage(report: RelationshipReport, options: ReviewPageOptions): string {
  const { nonce, cspSource } = options;
  const who = relationshipLabel(report.mentors, report.mentees, report.id);
  const facts = [report.format, report.formality, report.started && (report.ends ? `${report.started} to ${report.ends}` : `since ${report.started}`), report.closure && `closed ${report.closure.date}`].filter(Boolean).join(' · ');
  const mismatch = report.declaredStage && report.declaredStage !== report.inferred.stage;
  // The chart is the model's SVG: its own <style> needs the nonce to pass the policy.
  const svg = renderProgressSvg(progressSeries(report), { width: 720, height: 320 }).replace('<style>', `<style nonce="${nonce}">`);
  const csp = [`default-src 'none'`, `img-src ${cspSource} data:`, `style-src ${cspSource} 'nonce-${nonce}'`, `script-src 'nonce-${nonce}'`, `font-src ${cspSource}`].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Review: ${esc(who)}</title>
<style nonce="${nonce}">${STYLE}</style>
</head>
<body>
<header>
<h1>Review: ${esc(who)}</h1>
<p class="meta"><code>${esc(report.id)}</code> · ${esc(report.today)}${facts ? ` · ${esc(facts)}` : ''}</p>
<div class="toolbar">
<button id="save" type="button"${options.canSave ? '' : ' disabled title="Saving needs a trusted workspace"'}>Save review as reviews/${esc(options.saveName)}</button>
<span id="saved" role="status" aria-live="polite">${options.canSave ? '' : 'Saving is disabled in an untrusted workspace.'}</span>
</div>
</header>
<section id="stage">
<h2>Stage</h2>
<p>Declared in the agreement: <strong>${esc(stageName(report.declaredStage))}</strong>. Inferred from the journal: <strong class="${mismatch ? 'stage-mismatch' : ''}">${esc(stageName(report.inferred.stage))}</strong>.</p>
${report.inferred.reasons.length ? `<ul class="reasons">${report.inferred.reasons.map((r) => `<li>${esc(r)}</li>`).join('')}</ul>` : ''}
</section>
<section id="goals">
<h2>Goals</h2>
${goalsTable(report.goals)}
</section>
<section id="progress">
<h2>Progress over time</h2>
<p class="meta">Each line is a goal's progress as sessions recorded it. Below the axis: filled dots are held sessions, hollow ones missed, crosses cancelled.</p>
<div class="chart">${svg}</div>
</section>
<section id="signals">
<h2>Signals</h2>
${report.signals.length ? `<ul class="signals">${report.signals.map(signalItem).join('\n')}</ul>` : '<p>Nothing needs attention right now.</p>'}
</section>
<section id="actions">
<h2>Open actions</h2>
${report.actions.length ? `<ul>${report.actions.map(actionItem).join('\n')}</ul>` : '<p>No open action items.</p>'}
</section>
<script nonce="${nonce}">
(function () {
  const vscode = acquireVsCodeApi();
  const button = document.getElementById('save');
  const status = document.getElementById('saved');
  button.addEventListener('click', function () {
    button.disabled = true;
    vscode.postMessage({ command: 'save' });
  });
  window.addEventListener('message', function (event) {
    const message = event.data || {};
    if (message.command === 'saved') status.textContent = 'Saved as ' + message.path;
    if (message.command === 'failed') status.textContent = message.error;
    button.disabled = ${options.canSave ? 'false' : 'true'};
  });
})();
</script>
</body>
</html>`;
}
