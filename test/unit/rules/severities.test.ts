import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applySeverities, defaultSeverity, problem, RULES, type RuleCode } from '../../../src/core';
import { FILE_START } from '../../../src/core/text';
import { AGREEMENT, check, expectNone, expectOne, relationship, SESSION } from './helpers';

describe('rules: severities and options', () => {
  const broken = () =>
    relationship({
      'p/agreement.md': AGREEMENT.replace('mentee: Sam Okafor', 'mentee: Sam Okafor\nnotse: x'),
      'p/sessions/2026-02-02.md': SESSION.replace('goals: [rust-basics]', 'goals: [rust-basic]'),
    });

  it('uses the default severity of each rule', async () => {
    const { problems } = await check(broken());
    expectOne(problems('p/agreement.md'), { code: 'keys/unknown', severity: 'warning', range: [5, 1, 5, 6], message: [/`notse`/, /did you mean `notes`|\.$/] });
    expectOne(problems('p/sessions/2026-02-02.md'), { code: 'goal/unknown-id', severity: 'error', range: [6, 9, 6, 19] });
  });

  it('changes severities with the `severities` option and drops rules set to off', async () => {
    const { problems, all } = await check(broken(), { severities: { 'keys/unknown': 'error', 'goal/unknown-id': 'off' } });
    expectOne(problems('p/agreement.md'), { code: 'keys/unknown', severity: 'error', range: [5, 1, 5, 6] });
    expectNone(problems('p/sessions/2026-02-02.md'), 'goal/unknown-id');
    assert.deepEqual([...all().keys()], ['p/agreement.md']);
  });

  it('can lower an error to info and leaves other rules alone', async () => {
    const { problems } = await check(broken(), { severities: { 'goal/unknown-id': 'info' } });
    expectOne(problems('p/sessions/2026-02-02.md'), { code: 'goal/unknown-id', severity: 'info', range: [6, 9, 6, 19] });
    expectOne(problems('p/agreement.md'), { code: 'keys/unknown', severity: 'warning', range: [5, 1, 5, 6] });
  });

  it('turns unknown-key warnings off with unknownKeys: false', async () => {
    const { problems } = await check(broken(), { unknownKeys: false });
    assert.deepEqual(problems('p/agreement.md'), []);
  });

  it('applySeverities returns the same problems when nothing is overridden, and ignores unknown codes', () => {
    const problems = [{ file: 'a.md', range: { start: { line: 1, column: 1 }, end: { line: 1, column: 4 } }, severity: 'error' as const, code: 'yaml/syntax', message: 'x' }];
    assert.equal(applySeverities(problems, {}), problems);
    assert.deepEqual(applySeverities(problems, { 'no/such-rule': 'off' }), problems);
    assert.deepEqual(applySeverities(problems, { 'yaml/syntax': 'warning' })[0]?.severity, 'warning');
  });

  it('builds problems only for known codes: a typo in a code is a type error', () => {
    const made = problem('a.md', FILE_START, 'goal/unknown-id', 'No goal `x`.');
    assert.equal(made.severity, RULES['goal/unknown-id'].severity);
    // @ts-expect-error: `goal/unknwn-id` is not a RuleCode (npm run typecheck fails if this compiles)
    assert.throws(() => problem('a.md', FILE_START, 'goal/unknwn-id', 'typo'));
    // @ts-expect-error: defaultSeverity takes only rule codes, with no fallback for unknown ones
    assert.throws(() => defaultSeverity('no/such-rule'));
  });

  it('gives every rule a default severity and description', () => {
    for (const [code, info] of Object.entries(RULES)) {
      assert.match(code, /^[a-z]+\/[a-z]+(?:-[a-z]+)*$/);
      assert.ok(['error', 'warning', 'info'].includes(info.severity), code);
      assert.equal(defaultSeverity(code as RuleCode), info.severity);
      assert.ok(info.description.length > 10, code);
    }
  });

  it('has a test in test/unit/rules/ asserting each rule code', () => {
    const dir = __dirname;
    const sources = readdirSync(dir)
      .filter((f) => f.endsWith('.test.ts') && f !== 'severities.test.ts')
      .map((f) => readFileSync(join(dir, f), 'utf8'))
      .join('\n');
    const untested = Object.keys(RULES).filter((code) => !sources.includes(`code: '${code}'`) && !sources.includes(`'${code}@`));
    assert.deepEqual(untested, []);
  });
});
