import assert from 'node:assert/strict';
import { analyzeRelationship, progressSeries, renderProgressSvg, type ProgressSeries } from '../../src/core';
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
    assert.match(svg, /var\(--vscode-charts-blue,#3794ff\)/);
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
});
