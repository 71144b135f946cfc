import assert from 'node:assert/strict';
import { AGREEMENT, check, expectNone, expectOne, parseFile, problemsOf, relationship } from './helpers';

describe('rules: agreement/*', () => {
  describe('agreement/duplicate', () => {
    it('valid: one agreement per relationship', async () => {
      const { problems } = await check(relationship());
      expectNone(problems('p/agreement.md'), 'agreement/duplicate');
    });

    it('reports a second agreement in the same relationship at its opening ---, naming the first', async () => {
      const { problems, index } = await check(relationship({ 'p/notes/agreement-v2.md': AGREEMENT }));
      expectOne(problems('p/notes/agreement-v2.md'), { code: 'agreement/duplicate', severity: 'error', range: [1, 1, 1, 4], message: [/^This relationship already has an agreement \(agreement\.md\); a relationship has exactly one\. Merge it into that one, or move it to a folder of its own as `agreement\.md` \(with that relationship's goals and sessions\)\.$/] });
      expectNone(problems('p/agreement.md'), 'agreement/duplicate');
      assert.equal(index.relationship('p')?.agreementFile, 'p/agreement.md');
    });

    it('a nested folder with its own agreement.md is its own relationship, not a duplicate', async () => {
      const { problems, index } = await check(relationship({ 'p/q/agreement.md': AGREEMENT }));
      expectNone(problems('p/q/agreement.md'), 'agreement/duplicate');
      assert.deepEqual(index.relationships().map((r) => r.id), ['p', 'p/q']);
    });
  });

  describe('agreement/ends-before-start', () => {
    it('valid: ends after started', () => {
      expectNone(problemsOf('p/agreement.md', AGREEMENT), 'agreement/ends-before-start');
    });

    it('reports ends on or before started at the ends value, with both dates', () => {
      expectOne(problemsOf('p/agreement.md', AGREEMENT.replace('ends: 2026-12-18', 'ends: 2025-12-18')), {
        code: 'agreement/ends-before-start',
        severity: 'error',
        range: [6, 7, 6, 17],
        message: [/`ends` \(2025-12-18\)/, /after `started` \(2026-01-05\)/],
      });
      expectOne(problemsOf('p/agreement.md', AGREEMENT.replace('ends: 2026-12-18', 'ends: 2026-01-05')), { code: 'agreement/ends-before-start', severity: 'error', range: [6, 7, 6, 17] });
    });
  });

  describe('agreement/unsigned', () => {
    const unsigned = AGREEMENT.replace('signed: {mentor: 2026-01-05, mentee: 2026-01-06}\n', '');

    it('valid: signed by both past creating, or not signed while still creating', () => {
      expectNone(problemsOf('p/agreement.md', AGREEMENT), 'agreement/unsigned');
      expectNone(problemsOf('p/agreement.md', unsigned.replace('stage: building', 'stage: creating')), 'agreement/unsigned');
      expectNone(problemsOf('p/agreement.md', unsigned.replace('stage: building', 'stage: 1')), 'agreement/unsigned');
    });

    it('reports a stage past creating without signatures at the stage value', () => {
      expectOne(problemsOf('p/agreement.md', unsigned), {
        code: 'agreement/unsigned',
        severity: 'warning',
        range: [8, 8, 8, 16],
        message: [/stage is building/, /mentor and mentee/, /Add `signed: \{mentor: YYYY-MM-DD, mentee: YYYY-MM-DD\}` with the days of signing\.$/],
      });
      expectOne(problemsOf('p/agreement.md', unsigned.replace('stage: building', 'stage: 3')), { code: 'agreement/unsigned', severity: 'warning', range: [8, 8, 8, 9], message: [/stage is mastery/] });
    });

    it('names only the partner who has not signed, even beside a misspelt key', () => {
      expectOne(problemsOf('p/agreement.md', AGREEMENT.replace(', mentee: 2026-01-06}', '}')), { code: 'agreement/unsigned', severity: 'warning', range: [8, 8, 8, 16], message: [/not signed by the mentee:/] });
      const typo = parseFile('p/agreement.md', AGREEMENT.replace('mentee: 2026-01-06}', 'mentie: 2026-01-06}'));
      expectOne(typo.problems, { code: 'agreement/unsigned', severity: 'warning', range: [8, 8, 8, 16], message: [/not signed by the mentee:/] });
      assert.deepEqual(typo.agreement?.signed, { mentor: '2026-01-05' });
    });

    it('advice that, followed, adds to the `signed` map the agreement has, rather than a second `signed` key', () => {
      const half = AGREEMENT.replace('signed: {mentor: 2026-01-05, mentee: 2026-01-06}', 'signed:\n  mentor: 2026-01-05');
      const [found] = problemsOf('p/agreement.md', half).filter((p) => p.code === 'agreement/unsigned');
      assert.match(found!.message, /not signed by the mentee: .* Add `mentee: YYYY-MM-DD` under `signed:` \(the day of signing\)\.$/);
      const followed = half.replace('  mentor: 2026-01-05', '  mentor: 2026-01-05\n  mentee: 2026-01-06');
      assert.deepEqual(problemsOf('p/agreement.md', followed), []);
      const empty = problemsOf('p/agreement.md', AGREEMENT.replace('signed: {mentor: 2026-01-05, mentee: 2026-01-06}', 'signed:')).find((p) => p.code === 'agreement/unsigned');
      assert.match(empty!.message, /Give `signed` the days of signing: `signed: \{mentor: YYYY-MM-DD, mentee: YYYY-MM-DD\}`\.$/);
      // A flow map is written again whole, with the dates it has; a key written empty is given its day.
      const flow = problemsOf('p/agreement.md', AGREEMENT.replace(', mentee: 2026-01-06}', '}')).find((p) => p.code === 'agreement/unsigned');
      assert.match(flow!.message, /Write `signed: \{mentor: 2026-01-05, mentee: YYYY-MM-DD\}` with the days of signing\.$/);
      const followedFlow = AGREEMENT.replace(', mentee: 2026-01-06}', '}').replace('signed: {mentor: 2026-01-05}', 'signed: {mentor: 2026-01-05, mentee: 2026-01-06}');
      assert.deepEqual(problemsOf('p/agreement.md', followedFlow), []);
      const emptyKey = AGREEMENT.replace('signed: {mentor: 2026-01-05, mentee: 2026-01-06}', 'signed:\n  mentor: 2026-01-05\n  mentee:');
      assert.match(problemsOf('p/agreement.md', emptyKey).find((p) => p.code === 'agreement/unsigned')!.message, /Write the day of signing after `mentee:` under `signed:` \(`mentee: YYYY-MM-DD`\)\.$/);
      assert.deepEqual(problemsOf('p/agreement.md', emptyKey.replace('  mentee:', '  mentee: 2026-01-06')), []);
    });

    it('a signature written with a date that is not valid is reported at that date, not as missing too; an empty one is missing', () => {
      const bad = problemsOf('p/agreement.md', AGREEMENT.replace('signed: {mentor: 2026-01-05, mentee: 2026-01-06}', 'signed: {mentor: 05.01.2026, mentee: 2026-02-30}'));
      expectNone(bad, 'agreement/unsigned');
      assert.deepEqual(bad.map((p) => p.code), ['date/format', 'date/impossible']);
      const half = problemsOf('p/agreement.md', AGREEMENT.replace('signed: {mentor: 2026-01-05, mentee: 2026-01-06}', 'signed:\n  mentor: 2026-13-05\n  mentee:'));
      expectOne(half, { code: 'agreement/unsigned', severity: 'warning', range: [8, 8, 8, 16], message: [/not signed by the mentee:/] });
    });
  });
});
