import assert from 'node:assert/strict';
import { DEFAULT_OPTIONS } from '../../../src/core';
import { NodeFileSystem } from '../../../src/cli/nodeFileSystem';
import { checkPart } from '../../../src/cli/parallel';
import { AGREEMENT, cleanUp, tempJournal } from '../cliHarness';
import { expectNone, expectOne } from './helpers';

// session/after-today is reported by the command line's check, which knows today's date.
describe('rule session/after-today', () => {
  after(cleanUp);

  async function problems(today: string, session = "---\ntype: session\ndate: '2026-03-04' # the agenda\n---\n") {
    const root = tempJournal({ 'p/agreement.md': AGREEMENT, 'p/sessions/2026-03-04.md': session });
    const result = await checkPart(new NodeFileSystem(root), { kind: 'tree', folder: 'p' }, DEFAULT_OPTIONS, today);
    return new Map(result.problems).get('p/sessions/2026-03-04.md') ?? [];
  }

  it('valid: a session dated today or earlier', async () => {
    expectNone(await problems('2026-03-04'), 'session/after-today');
  });

  it('reports a session dated after today at its date, as an info', async () => {
    expectOne(await problems('2026-03-01'), { code: 'session/after-today', severity: 'info', range: [3, 7, 3, 19], message: [/dated 2026-03-04, after today \(2026-03-01\): the review leaves it out/] });
  });

  it('valid: a session whose YAML is broken (yaml/syntax alone: its date is a guess)', async () => {
    const found = await problems('2026-03-01', '---\ntype: session\ndate: 2026-03-04\n\tstatus: held\n---\n');
    expectNone(found, 'session/after-today');
    assert.deepEqual(found.map((p) => p.code), ['yaml/syntax']);
  });
});
