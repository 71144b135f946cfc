import { fromDayNumber, toDayNumber } from '../dates';
import { escapeXml as x } from './escape';
import type { ProgressSeries } from './series';
import { clip } from '../words';

/** Requested size of the chart in pixels. */
export interface SvgOptions {
  width: number;
  height: number;
}

/**
 * The goals' line colours. Theme variables cannot be trusted for lines (a theme may define a
 * chart colour with transparency: Dark Modern's orange is `rgba(234, 92, 0, 0.33)`), so the
 * chart uses fixed colours of middle lightness: each has a contrast ratio of at least 3:1 (the
 * WCAG minimum for graphics) against white, against the dark themes' editor background and
 * against black, so one palette reads in the light, dark and high-contrast themes alike (a unit
 * test computes the ratios). Blue, orange, green, purple, red, gold.
 */
export const SERIES_COLOURS = ['#2f7fd6', '#c46a00', '#2f8f4e', '#9a5fd0', '#d6455d', '#a17a00'] as const;
const MISSED = SERIES_COLOURS[4];
/** Dash patterns tell goals apart where colours do not (monochrome themes, no style sheet). */
const DASHES = ['', '6 3', '2 3', '8 3 2 3', '1 2', '10 4'];

const STYLE = [
  '.mj-progress{color:var(--vscode-foreground,currentColor);font-family:var(--vscode-font-family,sans-serif);font-size:11px}',
  '.mj-label{fill:currentColor;opacity:.8}',
  '.mj-grid{stroke:currentColor;opacity:.2}',
  '.mj-axis{stroke:currentColor;opacity:.6}',
  '.mj-today{stroke:currentColor;stroke-dasharray:2 3;opacity:.7}',
  '.mj-tick{stroke:currentColor;opacity:.6}',
  '.mj-session-held{fill:currentColor}',
  `.mj-session-missed{fill:none;stroke:${MISSED}}`,
  '.mj-session-cancelled{stroke:currentColor;opacity:.6}',
  '.mj-session-unknown{opacity:.8}',
].join('');

const PAD = { left: 40, right: 14, top: 12 };
/** Room on the right for the pulse axis (1-5), when the chart draws the pulse. */
const PULSE_AXIS = 22;
/** The pulse line's dash pattern: it takes the text colour, apart from the goals' palette. */
const PULSE_DASH = '5 2 1 2';
const LANE = 18; // session marks below the plot
const AXIS_LABELS = 16;
const ROW = 16;
const MIN = { width: 240, height: 160, plot: 60 };
/** Width of one character of the 11px labels, on the generous side, to lay out text without measuring it. */
const CHAR = 6.5;
/** A legend entry: the line sample and the gap before its text; between entries. */
const SAMPLE = 24;
const ENTRY_GAP = 18;
/** Date labels along the axis stay this far apart (a label is about 65px wide). */
const TICK_SPACING = 90;
const textWidth = (text: string) => text.length * CHAR;

/** Short decimal for coordinates: deterministic and compact. */
const n = (v: number) => String(Math.round(v * 10) / 10);

/**
 * Dates for ticks strictly between `start` and `end`: every week, two weeks, or the first day of
 * every 1, 2, 3, 6 or 12 months, the finest step whose ticks stay `TICK_SPACING` apart.
 */
export function dateTicks(start: string, end: string, plotWidth: number): string[] {
  const first = toDayNumber(start);
  const last = toDayNumber(end);
  const span = last - first;
  if (span <= 0) return [];
  const fits = (count: number) => count === 0 || plotWidth / (count + 1) >= TICK_SPACING;
  for (const step of [7, 14]) {
    const days: string[] = [];
    for (let d = first + step; d < last; d += step) days.push(fromDayNumber(d));
    if (fits(days.length)) return days;
  }
  for (const months of [1, 2, 3, 6, 12]) {
    const days: string[] = [];
    let [year, month] = [Number(start.slice(0, 4)), Number(start.slice(5, 7))];
    for (;;) {
      month += months;
      while (month > 12) [year, month] = [year + 1, month - 12];
      // Month steps count from January, so ticks land on the same months every year.
      if ((month - 1) % months !== 0) month -= (month - 1) % months;
      const date = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`;
      if (date >= end) break;
      if (date > start) days.push(date);
    }
    if (fits(days.length)) return days;
  }
  return [];
}

/** Legend entries laid out in rows, each as wide as its text: a title is cut only when it is wider than the whole plot. */
function legendLayout(labels: string[], width: number): Array<{ x: number; row: number; text: string }> {
  const out: Array<{ x: number; row: number; text: string }> = [];
  let [x, row] = [0, 0];
  for (const label of labels) {
    const text = clip(label, Math.floor((width - SAMPLE) / CHAR));
    const w = SAMPLE + textWidth(text);
    if (x > 0 && x + w > width) [x, row] = [0, row + 1];
    out.push({ x, row, text });
    x += w + ENTRY_GAP;
  }
  return out;
}

function sessionMark(status: string, cx: number, cy: number, label: string): string {
  const title = `<title>${x(label)}</title>`;
  if (status === 'cancelled') {
    const d = `M${n(cx - 3)} ${n(cy - 3)}L${n(cx + 3)} ${n(cy + 3)}M${n(cx - 3)} ${n(cy + 3)}L${n(cx + 3)} ${n(cy - 3)}`;
    return `<path class="mj-session mj-session-cancelled" d="${d}" stroke="currentColor" stroke-width="1.5">${title}</path>`;
  }
  if (status === 'unknown') {
    // A session whose status could not be read (its front matter is broken): not a held one.
    const d = `M${n(cx)} ${n(cy - 4)}L${n(cx + 4)} ${n(cy)}L${n(cx)} ${n(cy + 4)}L${n(cx - 4)} ${n(cy)}Z`;
    return `<path class="mj-session mj-session-unknown" d="${d}" fill="none" stroke="currentColor" stroke-width="1.2" stroke-dasharray="2 1.5">${title}</path>`;
  }
  const paint = status === 'missed' ? `fill="none" stroke="${MISSED}" stroke-width="1.5"` : 'fill="currentColor"';
  return `<circle class="mj-session mj-session-${x(status)}" cx="${n(cx)}" cy="${n(cy)}" r="3.5" ${paint}>${title}</circle>`;
}

/** A session's pulse as one value: the mean of what the partners recorded. */
function meanPulse(p: { mentor?: number; mentee?: number }): number | undefined {
  const values = [p.mentor, p.mentee].filter((v): v is number => v !== undefined);
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : undefined;
}

/** The pulse series: a right-hand axis 1-5 and one dashed line (text colour) through each session's mean pulse, a title per point with both values. */
function pulseLines(pulse: Array<{ date: string; mentor?: number; mentee?: number; mean: number }>, px: (date: string) => number, top: number, plotH: number, axisX: number): string[] {
  const py = (value: number) => top + (1 - (Math.min(5, Math.max(1, value)) - 1) / 4) * plotH;
  const out = ['<g class="mj-pulse">'];
  for (const v of [1, 3, 5]) out.push(`<text class="mj-label mj-pulse-axis" x="${n(axisX + 6)}" y="${n(py(v) + 4)}" fill="currentColor">${v}</text>`);
  const points = pulse.map((p) => `${n(px(p.date))},${n(py(p.mean))}`);
  if (points.length > 1) out.push(`<polyline class="mj-line mj-pulse-line" points="${points.join(' ')}" fill="none" stroke="currentColor" stroke-width="1.5" stroke-dasharray="${PULSE_DASH}"/>`);
  for (const p of pulse) {
    const who = [p.mentor !== undefined ? `mentor ${p.mentor}` : '', p.mentee !== undefined ? `mentee ${p.mentee}` : ''].filter(Boolean).join(', ');
    const [cx, cy] = [px(p.date), py(p.mean)];
    out.push(`<rect x="${n(cx - 3)}" y="${n(cy - 3)}" width="6" height="6" fill="currentColor"><title>${x(`Pulse on ${p.date}: ${who}`)}</title></rect>`);
  }
  out.push('</g>');
  return out;
}

/**
 * Draws a progress chart as a self-contained SVG string: one polyline per goal (0-100% on the
 * vertical axis, dates along the horizontal one: the first and last day and ticks between), session
 * marks below the axis (filled: held, hollow: missed, cross: cancelled, dashed diamond: status not
 * readable), a dashed line at today, and
 * a legend whose entries take only the width their titles need. No scripts, no ids; every text from
 * the journal is escaped. Goal lines take `SERIES_COLOURS` (and a dash pattern each); text, axes and
 * marks take the current colour, so a VS Code webview themes them through its style sheet, and the
 * presentation attributes keep the chart legible without one. The height grows when the legend
 * needs more room than `height` leaves.
 */
export function renderProgressSvg(series: ProgressSeries, options: SvgOptions = { width: 640, height: 320 }): string {
  const width = Math.max(MIN.width, Number.isFinite(options.width) ? Math.round(options.width) : 640);
  const requested = Math.max(MIN.height, Number.isFinite(options.height) ? Math.round(options.height) : 320);
  const pulse = (series.pulse ?? []).map((p) => ({ ...p, mean: meanPulse(p) })).filter((p): p is typeof p & { mean: number } => p.mean !== undefined);
  const right = PAD.right + (pulse.length ? PULSE_AXIS : 0);
  const plotW = width - PAD.left - right;
  const labels = series.goals.map((goal) => `${goal.title} (${goal.status}${goal.points.length ? '' : ', no progress recorded'})`);
  if (pulse.length) labels.push('Pulse, 1-5 (right axis)');
  const legend = legendLayout(labels, plotW);
  const legendRows = (legend.length ? legend[legend.length - 1]!.row + 1 : 0) + 1;
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
    out.push(`<line class="mj-grid" x1="${PAD.left}" y1="${n(py(p))}" x2="${width - right}" y2="${n(py(p))}" stroke="currentColor" stroke-opacity="0.2"/>`);
    out.push(`<text class="mj-label" x="${PAD.left - 6}" y="${n(py(p) + 4)}" text-anchor="end" fill="currentColor">${p}%</text>`);
  }
  out.push(`<line class="mj-axis" x1="${PAD.left}" y1="${bottom}" x2="${width - right}" y2="${bottom}" stroke="currentColor"/>`);
  const labelY = bottom + LANE + 12;
  // The first and last day at the ends of the axis; dates in between where their labels do not run into those.
  const startLabel = { left: PAD.left, right: PAD.left + textWidth(series.start) };
  const endLabel = { left: width - right - textWidth(series.end), right: width - right };
  out.push(`<text class="mj-label mj-date" x="${PAD.left}" y="${labelY}" fill="currentColor">${x(series.start)}</text>`);
  out.push(`<text class="mj-label mj-date" x="${width - right}" y="${labelY}" text-anchor="end" fill="currentColor">${x(series.end)}</text>`);
  for (const date of dateTicks(series.start, series.end, plotW)) {
    const tx = px(date);
    out.push(`<line class="mj-grid mj-tick" x1="${n(tx)}" y1="${PAD.top}" x2="${n(tx)}" y2="${bottom + 4}" stroke="currentColor" stroke-opacity="0.2"/>`);
    const half = textWidth(date) / 2;
    if (tx - half >= startLabel.right + 8 && tx + half <= endLabel.left - 8) {
      out.push(`<text class="mj-label mj-date" x="${n(tx)}" y="${labelY}" text-anchor="middle" fill="currentColor">${x(date)}</text>`);
    }
  }
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
    const k = i % SERIES_COLOURS.length;
    const colour = SERIES_COLOURS[k];
    const dash = DASHES[k] ? ` stroke-dasharray="${DASHES[k]}"` : '';
    const group = [`<g class="mj-goal mj-c${k}">`];
    const points = goal.points.map((p) => `${n(px(p.date))},${n(py(p.progress))}`);
    if (points.length > 1) group.push(`<polyline class="mj-line" points="${points.join(' ')}" fill="none" stroke="${colour}" stroke-width="2"${dash}/>`);
    for (const p of goal.points) {
      group.push(`<circle cx="${n(px(p.date))}" cy="${n(py(p.progress))}" r="3" fill="${colour}"><title>${x(`${goal.title}: ${p.progress}% on ${p.date}`)}</title></circle>`);
    }
    group.push('</g>');
    out.push(group.join(''));
  });

  if (pulse.length) out.push(...pulseLines(pulse, px, PAD.top, plotH, width - right));

  if (!series.goals.some((g) => g.points.length)) {
    out.push(`<text class="mj-label mj-empty" x="${n(PAD.left + plotW / 2)}" y="${n(PAD.top + plotH / 2)}" text-anchor="middle" fill="currentColor">No progress recorded yet</text>`);
  }
  out.push('<g class="mj-sessions">');
  for (const s of series.sessions) out.push(sessionMark(s.status, px(s.date), bottom + LANE / 2 + 1, s.status === 'unknown' ? `session of ${s.date}: status not readable (see ${s.file})` : `${s.status} session, ${s.date}`));
  out.push('</g>');

  const legendTop = labelY + 8;
  out.push('<g class="mj-legend">');
  series.goals.forEach((goal, i) => {
    const k = i % SERIES_COLOURS.length;
    const { x: at, row, text } = legend[i]!;
    const lx = PAD.left + at;
    const ly = legendTop + row * ROW + ROW / 2;
    const dash = DASHES[k] ? ` stroke-dasharray="${DASHES[k]}"` : '';
    out.push(
      `<g class="mj-goal mj-c${k}"><line x1="${n(lx)}" y1="${n(ly)}" x2="${n(lx + 18)}" y2="${n(ly)}" stroke="${SERIES_COLOURS[k]}" stroke-width="2"${dash}/>` +
        `<text class="mj-label" x="${n(lx + SAMPLE)}" y="${n(ly + 4)}" fill="currentColor">${x(text)}<title>${x(`${goal.title} (${goal.id})`)}</title></text></g>`,
    );
  });
  if (pulse.length) {
    const { x: at, row, text } = legend[series.goals.length]!;
    const lx = PAD.left + at;
    const ly = legendTop + row * ROW + ROW / 2;
    out.push(
      `<g class="mj-pulse"><line x1="${n(lx)}" y1="${n(ly)}" x2="${n(lx + 18)}" y2="${n(ly)}" stroke="currentColor" stroke-width="1.5" stroke-dasharray="${PULSE_DASH}"/>` +
        `<text class="mj-label" x="${n(lx + SAMPLE)}" y="${n(ly + 4)}" fill="currentColor">${x(text)}<title>How the partners felt each held session went, 1-5 (5 best): the mean of both</title></text></g>`,
    );
  }
  const sy = legendTop + (legendRows - 1) * ROW + ROW / 2;
  const kinds: Array<[string, string]> = [['held', 'held session'], ['missed', 'missed session'], ['cancelled', 'cancelled session']];
  if (series.sessions.some((s) => s.status === 'unknown')) kinds.push(['unknown', 'status not readable']);
  kinds.forEach(([status, text], i) => {
    const lx = PAD.left + i * Math.min(120, plotW / kinds.length);
    out.push(sessionMark(status, lx + 4, sy, text), `<text class="mj-label" x="${lx + 12}" y="${n(sy + 4)}" fill="currentColor">${text}</text>`);
  });
  out.push('</g>', '</svg>');
  return out.join('\n');
}
