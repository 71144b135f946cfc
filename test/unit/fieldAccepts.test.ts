// Each field's quick test (`accepts` in src/core/fields.ts) lets validation skip the zod schema
// for common valid values. It may say no to a valid value (the schema then runs), but whenever
// it says yes, the schema must accept the value and give back an equal one.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import fc from 'fast-check';
import { AGREEMENT_FIELDS, FIELDS_BY_TYPE, INLINE_GOAL_FIELDS, type FieldSpec } from '../../src/core/fields';
import { problemsOf } from './rules/helpers';

const SPECS: Array<[string, FieldSpec]> = [
  ...Object.entries(FIELDS_BY_TYPE).flatMap(([type, specs]) => Object.entries(specs).map(([key, spec]): [string, FieldSpec] => [`${type}.${key}`, spec])),
  ...Object.entries(INLINE_GOAL_FIELDS).map(([key, spec]): [string, FieldSpec] => [`inline goal.${key}`, spec]),
];

/** Values of every kind a front matter can give, weighted toward the near misses of each quick test. */
const text = fc.oneof(
  fc.constantFrom('', ' ', 'held', 'missed', ' held', 'held ', 'Held', 'active', 'achieved', 'building', 'mastery', '2', 'session', 'goal', 'review', 'agreement', 'mentee', 'weekly', 'P10D', 'P0D', 'biweekly '),
  fc.constantFrom('2026-11-29', '2024-02-29', '2023-02-29', '2026-02-30', '0099-01-01', '2026-1-01', '2026-11-29 ', '20261129', 'soon'),
  fc.constantFrom('write-rfc', 'Write-RFC', 'a--b', '-a', 'a-', 'goal-1', '__proto__', 'constructor', 'toString'),
  fc.constantFrom('Priya Shah', '\u00a0Priya', 'Priya\u2028', 'a\tb', '\ufeffx'),
  fc.string({ maxLength: 12 }),
);
const number = fc.oneof(fc.constantFrom(0, -0, 1, 40, 100, 100.5, -1, 0.5, 45, 2 ** 53, 2 ** 53 - 1, Number.NaN, Infinity, -Infinity, 1e21), fc.double(), fc.integer());
const scalar = fc.oneof(text, number, fc.boolean(), fc.constant(null));
const value = fc.oneof(
  { weight: 4, arbitrary: scalar },
  { weight: 2, arbitrary: fc.array(scalar, { maxLength: 4 }) },
  { weight: 2, arbitrary: fc.dictionary(text, scalar, { maxKeys: 4 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom('a', 'b', '__proto__', 'constructor', 'hasOwnProperty'), number, { maxKeys: 3 }) },
  { weight: 1, arbitrary: fc.anything() },
);

describe('quick tests of the fields', function () {
  this.timeout(120_000);

  it('say yes only to values the schema accepts unchanged', () => {
    let yes = 0;
    fc.assert(
      fc.property(value, (v) => {
        for (const [name, spec] of SPECS) {
          if (!spec.accepts?.(v)) continue;
          yes++;
          const result = spec.schema.safeParse(v);
          assert.ok(result.success, `${name} accepts ${JSON.stringify(v)} but its schema does not`);
          assert.deepStrictEqual(result.data, v, `${name}: ${JSON.stringify(v)}`);
        }
      }),
      { numRuns: 20_000 },
    );
    assert.ok(yes > 2000, `only ${yes} values were accepted`);
  });

  it('say yes to the common values, so that validation skips the schema for them', () => {
    const common: Array<[FieldSpec, unknown]> = [
      [FIELDS_BY_TYPE.session.type, 'session'],
      [FIELDS_BY_TYPE.session.date, '2026-11-29'],
      [FIELDS_BY_TYPE.session.status, 'held'],
      [FIELDS_BY_TYPE.session.attendees, ['Priya Shah', 'Sam Okafor']],
      [FIELDS_BY_TYPE.session.duration, 45],
      [FIELDS_BY_TYPE.session.goals, ['write-rfc']],
      [FIELDS_BY_TYPE.session.progress, { 'write-rfc': 40 }],
      [FIELDS_BY_TYPE.session.stage, 'building'],
      [FIELDS_BY_TYPE.goal.id, 'write-rfc'],
      [FIELDS_BY_TYPE.goal.title, 'Write an RFC'],
      [FIELDS_BY_TYPE.goal.progress, 100],
      [FIELDS_BY_TYPE.goal.skills, ['design']],
      [AGREEMENT_FIELDS.mentor, 'Grace Sato'],
      [AGREEMENT_FIELDS.cadence, 'biweekly'],
      [AGREEMENT_FIELDS.confidential, true],
      [FIELDS_BY_TYPE.review.relationship, 'grace-aiko'],
    ];
    for (const [spec, v] of common) assert.ok(spec.accepts?.(v), JSON.stringify(v));
    // And no to what needs the schema's words: a stage as a number, a name to trim, an impossible date.
    for (const [spec, v] of [
      [FIELDS_BY_TYPE.session.stage, 2],
      [AGREEMENT_FIELDS.mentor, ' Grace'],
      [FIELDS_BY_TYPE.session.date, '2026-02-30'],
      [FIELDS_BY_TYPE.session.progress, JSON.parse('{"__proto__": 40}')],
    ] as Array<[FieldSpec, unknown]>) {
      assert.ok(!spec.accepts?.(v), JSON.stringify(v));
    }
  });

  it('leave the problems of a file as they were', () => {
    const text = '---\ntype: session\ndate: 2026-02-30\nstatus: done\nattendees: [" Priya", Sam]\nduration: 0\nstage: 2\nprogress: {write-rfc: 140}\n---\n';
    const found = problemsOf('p/sessions/a.md', text).map((p) => `${p.code}@${p.range.start.line}:${p.range.start.column}-${p.range.end.line}:${p.range.end.column}`);
    // The same problems, at the same nodes, as the schemas alone gave before the quick tests.
    assert.deepEqual(found, ['date/impossible@3:7-3:17', 'schema/invalid-value@6:11-6:12', 'schema/invalid-enum@4:9-4:13', 'schema/invalid-value@8:23-8:26']);
  });
});

describe('the schemas and zod', () => {
  it('are built and used without reading `navigator` (logged as an error in VS Code\'s Node extension host), and leave zod\'s setting as it was', () => {
    const script = [
      "Object.defineProperty(globalThis, 'navigator', { configurable: true, get() { throw new Error('navigator was read'); } });",
      "const z = require('zod');",
      "const { AGREEMENT_FIELDS, FIELDS_BY_TYPE } = require('./src/core/fields.ts');",
      "const signed = AGREEMENT_FIELDS.signed.schema.safeParse({ mentor: '2026-01-05', mentee: '2026-02-30' });",
      "const pulse = FIELDS_BY_TYPE.session.pulse.schema.safeParse({ mentor: 4 });",
      "process.stdout.write(JSON.stringify({ signed: signed.success, pulse: pulse.success, jitless: z.config().jitless ?? null }));",
    ].join('\n');
    const run = spawnSync(process.execPath, ['--require', 'tsx/cjs', '-e', script], { cwd: path.resolve(__dirname, '../..'), encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), { signed: false, pulse: true, jitless: null });
  });
});
