import { toDayNumber } from '../dates';
import { escapeXml as x } from './escape';
import type { ProgressSeries } from './series';

/** Requested size of the chart in pixels. */
export interface SvgOptions {
  width: number;
  height: number;
}

/** Chart colours follow the VS Code theme when the webview defines its variables, with fixed fallbacks. */
const PALETTE = ['blue', 'orange', 'green', 'purple', 'red', 'yellow'].map((name, i) => `--vscode-charts-${name},${['#3794ff', '#d18616', '#89d185', '#b180d7', '#f14c4c', '#cca700'][i]}`);
/** Dash patterns tell goals apart where colours do not (monochrome themes, no style sheet). */
const DASHES = ['', '6 3', '2 3', '8 3 2 3', '1 2', '10 4'];

const STYLE = [
  '.mj-progress{color:var(--vscode-foreground,currentColor);font-family:var(--vscode-font-family,sans-serif);font-size:11px}',
  '.mj-label{fill:currentColor;opacity:.8}',
  '.mj-grid{stroke:currentColor;opacity:.2}',
  '.mj-axis{stroke:currentColor;opacity:.6}',
  '.mj-today{stroke:currentColor;stroke-dasharray:2 3;opacity:.7}',
  '.mj-goal polyline,.mj-goal line{stroke:var(--mj-c)}',
  '.mj-goal circle{fill:var(--mj-c)}',
  ...PALETTE.map((p, i) => `.mj-c${i}{--mj-c:var(${p})}`),
  '.mj-session-held{fill:currentColor}',
  '.mj-session-missed{fill:none;stroke:var(--vscode-charts-red,#f14c4c)}',
  '.mj-session-cancelled{stroke:currentColor;opacity:.6}',
].join('');

const PAD = { left: 40, right: 14, top: 12 };
const LANE = 18; // session marks below the plot
const AXIS_LABELS = 16;
const ROW = 16;
const LEGEND_COLUMN = 200;
const MIN = { width: 240, height: 160, plot: 60 };

/** Short decimal for coordinates: deterministic and compact. */
const n = (v: number) => String(Math.round(v * 10) / 10);
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function sessionMark(status: string, cx: number, cy: number, label: string): string {
  const title = `<title>${x(label)}</title>`;
  if (status === 'cancelled') {
    const d = `M${n(cx - 3)} ${n(cy - 3)}L${n(cx + 3)} ${n(cy + 3)}M${n(cx - 3)} ${n(cy + 3)}L${n(cx + 3)} ${n(cy - 3)}`;
    return `<path class="mj-session mj-session-cancelled" d="${d}" stroke="currentColor" stroke-width="1.5">${title}</path>`;
  }
  const paint = status === 'missed' ? 'fill="none" stroke="currentColor" stroke-width="1.5"' : 'fill="currentColor"';
  return `<circle class="mj-session mj-session-${x(status)}" cx="${n(cx)}" cy="${n(cy)}" r="3.5" ${paint}>${title}</circle>`;
}

/**
 * Draws a progress chart as a self-contained SVG string: one polyline per goal (0-100% on the
 * vertical axis, dates on the horizontal one), session marks below the axis (filled: held,
 * hollow: missed, cross: cancelled), a dashed line at today, and a legend. No scripts, no ids;
 * every text from the journal is escaped. Colours come from classes and CSS variables so a
 * VS Code webview can theme it; presentation attributes keep it legible without the style sheet.
 * The height grows when the legend needs more room than `height` leaves.
 */
export function renderProgressSvg(series: ProgressSeries, options: SvgOptions = { width: 640, height: 320 }): string {
  const width = Math.max(MIN.width, Number.isFinite(options.width) ? Math.round(options.width) : 640);
  const requested = Math.max(MIN.height, Number.isFinite(options.height) ? Math.round(options.height) : 320);
  const plotW = width - PAD.left - PAD.right;
  const columns = Math.max(1, Math.floor(plotW / LEGEND_COLUMN));
  const legendRows = Math.ceil(series.goals.length / columns) + 1;
  const legendH = legendRows * ROW + 4;
  const plotH = Math.max(MIN.plot, requested - PAD.top - LANE - AXIS_LABELS - legendH);
  const height = PAD.top + plotH + LANE + AXIS_LABELS + legendH;
  const bottom = PAD.top + plotH;

  const first = toDayNumber(series.start);
  const span = Math.max(1, toDayNumber(series.end) - first);
  const px = (date: string) => PAD.left + ((toDayNumber(date) - first) / span) * plotW;
  const py = (progress: number) => PAD.top + (1 - Math.min(100, Math.max(0, progress)) / 100) * plotH;

  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="mj-progress" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${x(`Goal progress from ${series.start} to ${series.end}`)}">`,
    `<title>${x(`Goal progress from ${series.start} to ${series.end}`)}</title>`,
    `<style>${STYLE}</style>`,
  ];
  for (const p of [0, 50, 100]) {
    out.push(`<line class="mj-grid" x1="${PAD.left}" y1="${n(py(p))}" x2="${width - PAD.right}" y2="${n(py(p))}" stroke="currentColor" stroke-opacity="0.2"/>`);
    out.push(`<text class="mj-label" x="${PAD.left - 6}" y="${n(py(p) + 4)}" text-anchor="end" fill="currentColor">${p}%</text>`);
  }
  out.push(`<line class="mj-axis" x1="${PAD.left}" y1="${bottom}" x2="${width - PAD.right}" y2="${bottom}" stroke="currentColor"/>`);
  const labelY = bottom + LANE + 12;
  out.push(`<text class="mj-label" x="${PAD.left}" y="${labelY}" fill="currentColor">${x(series.start)}</text>`);
  out.push(`<text class="mj-label" x="${width - PAD.right}" y="${labelY}" text-anchor="end" fill="currentColor">${x(series.end)}</text>`);
  if (series.today >= series.start && series.today <= series.end) {
    const tx = n(px(series.today));
    out.push(`<line class="mj-today" x1="${tx}" y1="${PAD.top}" x2="${tx}" y2="${bottom}" stroke="currentColor" stroke-dasharray="2 3"><title>${x(`today, ${series.today}`)}</title></line>`);
  }
  if (series.ends) {
    const ex = n(px(series.ends));
    out.push(`<line class="mj-axis mj-ends" x1="${ex}" y1="${PAD.top}" x2="${ex}" y2="${bottom}" stroke="currentColor"><title>${x(`planned end, ${series.ends}`)}</title></line>`);
  }

  series.goals.forEach((goal, i) => {
    if (!goal.points.length) return;
    const k = i % PALETTE.length;
    const dash = DASHES[k] ? ` stroke-dasharray="${DASHES[k]}"` : '';
    const group = [`<g class="mj-goal mj-c${k}">`];
    const points = goal.points.map((p) => `${n(px(p.date))},${n(py(p.progress))}`);
    if (points.length > 1) group.push(`<polyline class="mj-line" points="${points.join(' ')}" fill="none" stroke="currentColor" stroke-width="2"${dash}/>`);
    for (const p of goal.points) {
      group.push(`<circle cx="${n(px(p.date))}" cy="${n(py(p.progress))}" r="3" fill="currentColor"><title>${x(`${goal.title}: ${p.progress}% on ${p.date}`)}</title></circle>`);
    }
    group.push('</g>');
    out.push(group.join(''));
  });

  if (!series.goals.some((g) => g.points.length)) {
    out.push(`<text class="mj-label mj-empty" x="${n(PAD.left + plotW / 2)}" y="${n(PAD.top + plotH / 2)}" text-anchor="middle" fill="currentColor">No progress recorded yet</text>`);
  }
  out.push('<g class="mj-sessions">');
  for (const s of series.sessions) out.push(sessionMark(s.status, px(s.date), bottom + LANE / 2 + 1, `${s.status} session, ${s.date}`));
  out.push('</g>');

  const legendTop = labelY + 8;
  const columnW = plotW / columns;
  out.push('<g class="mj-legend">');
  series.goals.forEach((goal, i) => {
    const k = i % PALETTE.length;
    const lx = PAD.left + (i % columns) * columnW;
    const ly = legendTop + Math.floor(i / columns) * ROW + ROW / 2;
    const dash = DASHES[k] ? ` stroke-dasharray="${DASHES[k]}"` : '';
    const label = `${goal.title} (${goal.status}${goal.points.length ? '' : ', no progress recorded'})`;
    out.push(
      `<g class="mj-goal mj-c${k}"><line x1="${n(lx)}" y1="${n(ly)}" x2="${n(lx + 18)}" y2="${n(ly)}" stroke="currentColor" stroke-width="2"${dash}/>` +
        `<text class="mj-label" x="${n(lx + 24)}" y="${n(ly + 4)}" fill="currentColor">${x(clip(label, Math.max(8, Math.floor((columnW - 30) / 6))))}<title>${x(`${goal.title} (${goal.id})`)}</title></text></g>`,
    );
  });
  const sy = legendTop + (legendRows - 1) * ROW + ROW / 2;
  const kinds: Array<[string, string]> = [['held', 'held'], ['missed', 'missed'], ['cancelled', 'cancelled']];
  kinds.forEach(([status, text], i) => {
    const lx = PAD.left + i * Math.min(120, plotW / 3);
    out.push(sessionMark(status, lx + 4, sy, `${text} session`), `<text class="mj-label" x="${lx + 12}" y="${n(sy + 4)}" fill="currentColor">${text} session</text>`);
  });
  out.push('</g>', '</svg>');
  return out.join('\n');
}
