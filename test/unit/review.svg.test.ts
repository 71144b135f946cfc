import assert from 'node:assert/strict';
import { analyzeRelationship, progressSeries, renderProgressSvg, type ProgressSeries } from '../../src/core';
import { dateTicks, SERIES_COLOURS } from '../../src/core/model/svg';
import { load, TODAY, type JournalSpec } from './model.journal.test';

const SPEC: JournalSpec = {
  goals: [{ id: 'rfc', title: 'Write an RFC' }, { id: 'talk', title: 'Give a talk', status: 'achieved' }, { id: 'later', status: 'proposed' }],
  sessions: [
    { date: '2026-03-02', goals: ['rfc'], progress: { rfc: 10, talk: 40 } },
    { date: '2026-03-16', status: 'missed' },
    { date: '2026-03-30', status: 'cancelled' },
    { date: '2026-04-13', goals: ['rfc'], progress: { rfc: 35, talk: 100 } },
  ],
};

describe('progressSeries', () => {
  it('gives per goal its progress points and per session its date and status, on an axis from the start to today', async () => {
    const series = progressSeries(analyzeRelationship(await load(SPEC), TODAY));
    assert.deepEqual([series.start, series.end, series.today, series.ends], ['2026-01-01', TODAY, TODAY, undefined]);
    assert.deepEqual(
      series.goals.map((g) => [g.id, g.status, g.points]),
      [
        ['later', 'proposed', []],
        ['rfc', 'active', [{ date: '2026-03-02', progress: 10 }, { date: '2026-04-13', progress: 35 }]],
        ['talk', 'achieved', [{ date: '2026-03-02', progress: 40 }, { date: '2026-04-13', progress: 100 }]],
      ],
    );
    assert.deepEqual(series.sessions.map((s) => [s.date, s.status]), [['2026-03-02', 'held'], ['2026-03-16', 'missed'], ['2026-03-30', 'cancelled'], ['2026-04-13', 'held']]);
  });

  it('shows the planned end when it falls on the axis', async () => {
    const series = progressSeries(analyzeRelationship(await load({ agreement: { ends: '2026-05-01' } }), TODAY));
    assert.equal(series.ends, '2026-05-01');
  });
});

describe('renderProgressSvg', () => {
  const render = async (spec: JournalSpec = SPEC) => renderProgressSvg(progressSeries(analyzeRelationship(await load(spec), TODAY)), { width: 640, height: 320 });

  it('draws one polyline per goal with data, session marks told apart by status, today and a legend', async () => {
    const svg = await render();
    assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" class="mj-progress" width="640" height="320" viewBox="0 0 640 320"'));
    assert.ok(svg.endsWith('</svg>'));
    assert.equal(svg.match(/<polyline /g)?.length, 2);
    assert.equal(svg.match(/mj-session mj-session-held"/g)?.length, 3); // two sessions and the legend
    assert.equal(svg.match(/mj-session mj-session-missed"/g)?.length, 2);
    assert.equal(svg.match(/mj-session mj-session-cancelled"/g)?.length, 2);
    assert.match(svg, /<circle class="mj-session mj-session-missed"[^>]*fill="none"/);
    assert.match(svg, /<circle class="mj-session mj-session-held"[^>]*fill="currentColor"/);
    assert.match(svg, /class="mj-today"/);
    assert.match(svg, /<g class="mj-legend">[\s\S]*Goal later \(proposed, no progress recorded\)[\s\S]*Write an RFC \(active\)/);
    assert.match(svg, /<g class="mj-goal mj-c1"><polyline class="mj-line" points="[^"]+" fill="none" stroke="#c46a00" stroke-width="2" stroke-dasharray="6 3"\/>/);
    assert.doesNotMatch(svg, /var\(--vscode-charts/, 'no theme chart colours: a theme may make them transparent');
  });

  it('draws a session whose status is not readable as its own mark, named in the legend, never as a held one', async () => {
    const svg = renderProgressSvg(
      {
        today: TODAY,
        start: '2026-03-01',
        end: TODAY,
        goals: [],
        sessions: [
          { date: '2026-03-02', status: 'held', file: 'p/sessions/2026-03-02.md' },
          { date: '2026-03-09', status: 'unknown', file: 'p/sessions/2026-03-09.md' },
        ],
      },
      { width: 640, height: 320 },
    );
    assert.equal(svg.match(/mj-session mj-session-held"/g)?.length, 2); // one session and the legend
    assert.equal(svg.match(/<path class="mj-session mj-session-unknown"[^>]*fill="none"/g)?.length, 2);
    assert.match(svg, /<title>session of 2026-03-09: status not readable \(see p\/sessions\/2026-03-09\.md\)<\/title>/);
    assert.match(svg, />status not readable<\/text>/);
    // Without such a session, the legend has the three kinds only.
    assert.doesNotMatch(await render(), /status not readable/);
  });

  it('maps progress to height and dates to width inside the plot', async () => {
    const svg = await render();
    // rfc: 2026-03-02 is day 60 of 151 from 2026-01-01; plot x from 40 to 626, y from 12 (100%) down.
    const points = /<g class="mj-goal mj-c1"><polyline class="mj-line" points="([^"]+)"/.exec(svg)![1]!.split(' ').map((p) => p.split(',').map(Number));
    assert.equal(points.length, 2);
    assert.ok(Math.abs(points[0]![0]! - (40 + (60 / 151) * 586)) < 0.1, String(points[0]));
    assert.ok(points[0]![1]! > points[1]![1]!, 'higher progress is drawn higher');
  });

  it('escapes every text from the journal and holds no script', async () => {
    const svg = await render({ ...SPEC, goals: [{ id: 'rfc', title: '<script>alert("x")</script> & "quotes" | pipes' }] });
    assert.doesNotMatch(svg, /<script/i);
    assert.doesNotMatch(svg, /on\w+=/i);
    assert.match(svg, /&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt; &amp; &quot;quotes&quot; \| pipes: 10% on 2026-03-02/);
    assert.doesNotMatch(svg, /&(?!amp;|lt;|gt;|quot;|#39;)/);
  });

  it('says so when no progress was recorded, and grows to fit a long legend', async () => {
    const empty: ProgressSeries = { today: TODAY, start: TODAY, end: '2026-06-02', goals: [], sessions: [] };
    assert.match(renderProgressSvg(empty, { width: 300, height: 200 }), /No progress recorded yet/);
    const many: ProgressSeries = { ...empty, goals: Array.from({ length: 30 }, (_, i) => ({ id: `g${i}`, title: `Goal ${i}`, status: 'active' as const, points: [] })) };
    const svg = renderProgressSvg(many, { width: 240, height: 160 });
    const height = Number(/ height="(\d+)"/.exec(svg)![1]);
    assert.ok(height > 160 + 30 * 14, String(height));
  });

  it('falls back to sane sizes for nonsense options', () => {
    const series: ProgressSeries = { today: TODAY, start: TODAY, end: '2026-06-02', goals: [], sessions: [] };
    const svg = renderProgressSvg(series, { width: Number.NaN, height: -5 });
    assert.match(svg, /width="640"/);
  });

  it('writes dates along the axis: the first and last day, and ticks in between where their labels fit', async () => {
    const svg = await render();
    // 2026-01-01 to 2026-06-01 on a 586px plot: the first of every month, each at its day's place.
    const ticks = [...svg.matchAll(/<line class="mj-grid mj-tick" x1="([\d.]+)"/g)].map((m) => Number(m[1]));
    assert.deepEqual(ticks, [160.3, 269, 389.3, 505.7]);
    const labels = [...svg.matchAll(/<text class="mj-label mj-date" x="([\d.]+)" y="\d+"(?: text-anchor="(\w+)")? fill="currentColor">([^<]+)<\/text>/g)].map((m) => [m[3], Number(m[1]), m[2] ?? 'start']);
    assert.deepEqual(labels, [
      ['2026-01-01', 40, 'start'],
      ['2026-06-01', 626, 'end'],
      ['2026-02-01', 160.3, 'middle'],
      ['2026-03-01', 269, 'middle'],
      ['2026-04-01', 389.3, 'middle'],
      ['2026-05-01', 505.7, 'middle'],
    ]);
  });

  it('lays out the legend in the space it has: whole titles side by side, a new row when the next does not fit', async () => {
    const svg = await render();
    const entries = [...svg.matchAll(/<g class="mj-goal mj-c\d"><line x1="([\d.]+)" y1="([\d.]+)"[^>]*\/><text class="mj-label"[^>]*>([^<]+)<title>/g)].map((m) => [m[3], Number(m[1]), Number(m[2])]);
    assert.deepEqual(entries, [
      ['Goal later (proposed, no progress recorded)', 40, 280],
      ['Write an RFC (active)', 361.5, 280],
      ['Give a talk (achieved)', 40, 296],
    ]);
    const title = 'Lead the design RFC for the event-driven billing pipeline';
    const long = renderProgressSvg({ today: TODAY, start: '2026-01-01', end: TODAY, goals: [{ id: 'rfc', title, status: 'active', points: [] }], sessions: [] }, { width: 720, height: 320 });
    assert.ok(long.includes(`>${title} (active, no progress recorded)<title>`), 'a long title is not cut when the row has room');
    const narrow = renderProgressSvg({ today: TODAY, start: '2026-01-01', end: TODAY, goals: [{ id: 'rfc', title, status: 'active', points: [] }], sessions: [] }, { width: 240, height: 320 });
    assert.ok(narrow.includes('>Lead the design RFC for…<title>'), 'cut only when wider than the whole plot');
  });

  it('finds date ticks at the finest step that leaves room for the labels', () => {
    assert.deepEqual(dateTicks('2026-11-01', '2026-11-23', 600), ['2026-11-08', '2026-11-15', '2026-11-22']);
    assert.deepEqual(dateTicks('2026-09-01', '2026-11-23', 600), ['2026-09-15', '2026-09-29', '2026-10-13', '2026-10-27', '2026-11-10']);
    assert.deepEqual(dateTicks('2026-06-01', '2026-11-23', 666), ['2026-07-01', '2026-08-01', '2026-09-01', '2026-10-01', '2026-11-01']);
    assert.deepEqual(dateTicks('2025-06-15', '2026-11-23', 666), ['2025-07-01', '2025-10-01', '2026-01-01', '2026-04-01', '2026-07-01', '2026-10-01']);
    assert.deepEqual(dateTicks('2020-03-02', '2026-11-23', 666), ['2021-01-01', '2022-01-01', '2023-01-01', '2024-01-01', '2025-01-01', '2026-01-01']);
    assert.deepEqual(dateTicks('2026-11-23', '2026-11-24', 666), []);
  });
});

/** WCAG 2 relative luminance of `#rrggbb`, and the contrast ratio of two colours. */
const luminance = (hex: string) => {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
};
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

describe('chart colours', () => {
  // The editor backgrounds of VS Code's own themes (theme-defaults, VS Code 1.139), which a webview's body takes.
  const BACKGROUNDS = {
    'Light Modern, Light+, Light 2026': '#ffffff',
    'Dark Modern': '#1f1f1f',
    'Dark+': '#1e1e1e',
    'Dark 2026': '#121314',
    'Dark High Contrast': '#000000',
    'Light High Contrast': '#ffffff',
  };

  it('computes contrast ratios as WCAG does', () => {
    assert.equal(contrast('#000000', '#ffffff'), 21);
    assert.equal(Math.round(contrast('#767676', '#ffffff') * 100) / 100, 4.54);
  });

  it('gives every goal line a contrast of at least 3:1 against the light, dark and high-contrast backgrounds', () => {
    assert.equal(SERIES_COLOURS.length, 6);
    const ratios = SERIES_COLOURS.map((colour) => Object.entries(BACKGROUNDS).map(([theme, background]) => ({ colour, theme, ratio: Math.round(contrast(colour, background) * 100) / 100 })));
    for (const { colour, theme, ratio } of ratios.flat()) assert.ok(ratio >= 3, `${colour} on ${theme}: ${ratio}:1`);
    // The weakest pairing, so a change that gets close to the limit shows here.
    assert.equal(Math.min(...ratios.flat().map((r) => r.ratio)), 3.82);
  });

  it('are the colours the chart draws, and all different', async () => {
    assert.equal(new Set(SERIES_COLOURS).size, SERIES_COLOURS.length);
    const goals = Array.from({ length: 6 }, (_, i) => ({ id: `g${i}`, title: `Goal ${i}`, status: 'active' as const, points: [{ date: '2026-05-01', progress: 10 * i }] }));
    const svg = renderProgressSvg({ today: TODAY, start: '2026-01-01', end: TODAY, goals, sessions: [] });
    const used = [...svg.matchAll(/<circle cx="[^"]+" cy="[^"]+" r="3" fill="(#[0-9a-f]{6})"/g)].map((m) => m[1]);
    assert.deepEqual(used, [...SERIES_COLOURS]);
  });
});
