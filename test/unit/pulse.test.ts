import assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { parseSimpleYaml } from '../../src/core/simpleYaml';
import { analyzeRelationship, progressSeries, renderProgressSvg, reviewToJson } from '../../src/core/model';
import { renderSessionFile } from '../../src/core/templates';
import { expectCodes, expectOne, lines, parseFile, problemsOf } from './rules/helpers';
import { load, TODAY } from './model.journal.test';

/** The options the engine parses front matter with (yamlParse.ts). */
const YAML_OPTIONS = { uniqueKeys: false, prettyErrors: false, logLevel: 'error' } as const;

const session = (...pulse: string[]) => lines('---', 'type: session', 'date: 2026-02-02', ...pulse, '---', '', '# Session', '');

describe('session key pulse', () => {
  it('reads block and flow style, one partner or both, with CRLF and comments', () => {
    assert.deepEqual(parseFile('p/sessions/a.md', session('pulse: {mentor: 4, mentee: 2}')).session!.pulse, { mentor: 4, mentee: 2 });
    assert.deepEqual(parseFile('p/sessions/a.md', session('pulse:', '  mentor: 5 # a good one', '  mentee: 3')).session!.pulse, { mentor: 5, mentee: 3 });
    assert.deepEqual(parseFile('p/sessions/a.md', session('pulse: { mentee: 1 }').replace(/\n/g, '\r\n')).session!.pulse, { mentee: 1 });
    assert.equal(parseFile('p/sessions/a.md', session()).session!.pulse, undefined);
    for (const style of [session('pulse: {mentor: 4, mentee: 2}'), session('pulse:', '  mentor: 5', '  mentee: 3')]) assert.deepEqual(problemsOf('p/sessions/a.md', style), []);
  });

  it('the fast YAML path builds the same document as the parser, or leaves it to the parser', () => {
    for (const yaml of ['type: session\npulse: {mentor: 4, mentee: 2}\n', 'type: session\npulse:\n  mentor: 5\n  mentee: 3\n', "type: session\npulse: {mentor: '4'}\n"]) {
      const fast = parseSimpleYaml(yaml, YAML_OPTIONS);
      if (fast) assert.deepEqual(fast.toJS(), parseDocument(yaml).toJS(), yaml);
    }
  });

  it('reports a value out of 1-5, not whole, or of the wrong type at the value, and an unknown partner at its key', () => {
    expectOne(problemsOf('p/sessions/a.md', session('pulse: {mentor: 6, mentee: 2}')), { code: 'schema/invalid-value', severity: 'error', range: [4, 17, 4, 18], message: [/pulse\.mentor/, /from 1 to 5/] });
    expectOne(problemsOf('p/sessions/a.md', session('pulse: {mentor: 0}')), { code: 'schema/invalid-value', severity: 'error', range: [4, 17, 4, 18], message: [/`pulse\.mentor` must be from 1 to 5/] });
    expectOne(problemsOf('p/sessions/a.md', session('pulse:', '  mentor: 4', '  mentee: 2.5')), { code: 'schema/invalid-type', severity: 'error', range: [6, 11, 6, 14], message: [/`pulse\.mentee` must be a whole number/] });
    expectOne(problemsOf('p/sessions/a.md', session('pulse: {mentor: high}')), { code: 'schema/invalid-type', severity: 'error', range: [4, 17, 4, 21] });
    expectOne(problemsOf('p/sessions/a.md', session('pulse: 4')), { code: 'schema/invalid-type', severity: 'error', range: [4, 8, 4, 9], message: [/\{mentor: 1-5, mentee: 1-5\}/] });
    expectCodes(problemsOf('p/sessions/a.md', session('pulse: {mentor: 4, mentie: 2}')), ['keys/unknown@4:20-4:26']);
    assert.match(problemsOf('p/sessions/a.md', session('pulse: {mentor: 4, mentie: 2}'))[0]!.message, /did you mean `mentee`/);
  });

  it('New session offers it, commented out', async () => {
    const text = renderSessionFile({ relationship: await load({}), date: '2026-06-01' });
    assert.match(text, /^# pulse: \{mentor: 4, mentee: 4\}$/m);
    const front = text.slice(0, text.indexOf('\n---', 4));
    assert.ok(front.includes('# pulse:'), 'inside the front matter');
  });

  it('the review has the pulse in JSON and as a second series in the chart', async () => {
    const rel = await load({
      sessions: [
        { date: '2026-05-04', pulse: '{mentor: 5, mentee: 4}' },
        { date: '2026-05-11', status: 'missed', pulse: '{mentor: 1, mentee: 1}' },
        { date: '2026-05-18', pulse: '\n  mentee: 2' },
      ],
    });
    const report = analyzeRelationship(rel, TODAY);
    assert.deepEqual(reviewToJson(report).pulse, [
      { date: '2026-05-04', mentor: 5, mentee: 4, session: 'p/sessions/2026-05-04.md' },
      { date: '2026-05-18', mentor: null, mentee: 2, session: 'p/sessions/2026-05-18.md' },
    ]);
    const svg = renderProgressSvg(progressSeries(report));
    assert.match(svg, /<polyline class="mj-line mj-pulse-line" points="[\d.]+,[\d.]+ [\d.]+,[\d.]+"/);
    assert.match(svg, /<title>Pulse on 2026-05-04: mentor 5, mentee 4<\/title>/);
    assert.match(svg, /<title>Pulse on 2026-05-18: mentee 2<\/title>/);
    assert.match(svg, />Pulse, 1-5 \(right axis\)</);
    assert.doesNotMatch(renderProgressSvg(progressSeries(analyzeRelationship(await load({ sessions: [{ date: '2026-05-04' }] }), TODAY))), /mj-pulse/);
  });
});
