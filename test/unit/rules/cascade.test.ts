import assert from 'node:assert/strict';
import { check, expectCodes, expectOne } from './helpers';

// A journal as a person writes it by hand, in the YAML styles docs/format.md allows:
// CRLF line ends, comments, quoted values, flow maps and lists, block scalars, inline goals.
const AGREEMENT = [
  '---',
  'type: agreement # written together on day one',
  'mentor: {name: "Ana Lima", handle: ana}',
  "mentee: 'Tomás Ruiz'",
  'started: 2026-02-02',
  'ends: "2026-12-18"',
  'cadence: weekly',
  'stage: building',
  'signed:',
  '  mentor: 2026-02-02',
  '  mentee: 2026-02-03',
  'success: >',
  '  Tomás leads a design review',
  '  on his own.',
  'goals:',
  '  - id: listening',
  '    title: "Listen before answering"',
  '    status: active',
  '    success: |',
  '      Summarise the question back',
  '      before answering it.',
  '    due: 2026-06-30',
  '  - {id: write-rfc, title: Write an RFC, status: proposed}',
  '---',
  '',
  '# Our agreement',
  '',
].join('\r\n');

const session = (date: string, goals: string, body = '') => `---\ntype: session\ndate: ${date}\ngoals: ${goals} # what we talked about\n---\n\n${body}\n`;

function journal(agreement: string | Uint8Array = AGREEMENT): Record<string, string | Uint8Array> {
  return {
    'ana-tomas/agreement.md': agreement,
    'ana-tomas/sessions/2026-02-09.md': session('2026-02-09', '[listening]', 'Talked about [[listening]] and [[write-rfc]].'),
    'ana-tomas/sessions/2026-02-16.md': session('2026-02-16', '[listening, write-rfc]'),
    'ana-tomas/sessions/2026-02-23.md': session('2026-02-23', '["write-rfc"]', '- [ ] draft the [[write-rfc]] outline'),
    'ana-tomas/goals/pairing.md': '---\ntype: goal\ntitle: Pair weekly\nstatus: proposed\n---\n',
    'ana-tomas/sessions/2026-03-02.md': session('2026-03-02', '[pairing]'),
  };
}

describe('one clear problem per mistake', () => {
  it('valid: the hand-written journal has no problem', async () => {
    const { all } = await check(journal());
    assert.deepEqual([...all().values()].flat(), []);
  });

  it('one tab in the agreement: one YAML error, no unknown goal ids, one info on the agreement', async () => {
    const { problems, all } = await check(journal(AGREEMENT.replace('\r\n  mentor: 2026-02-02', '\r\n\tmentor: 2026-02-02')));
    expectCodes(problems('ana-tomas/agreement.md'), ['yaml/syntax@10:1-10:2', 'goal/references-unchecked@1:1-1:4']);
    expectOne(problems('ana-tomas/agreement.md'), {
      code: 'goal/references-unchecked',
      severity: 'info',
      range: [1, 1, 1, 4],
      message: [/^Goal references not checked: `agreement\.md` could not be read and may define the goals that the 7 references in 3 sessions name\./],
    });
    expectOne(problems('ana-tomas/agreement.md'), { code: 'yaml/syntax', severity: 'error', range: [10, 1, 10, 2], message: [/indented with a tab/] });
    const codes = [...all().values()].flat().map((p) => p.code);
    assert.ok(!codes.includes('goal/unknown-id'), codes.join(', '));
  });

  it('an agreement saved as UTF-16, or empty: no unknown goal ids, one info', async () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...Buffer.from(AGREEMENT, 'utf16le')]]);
    for (const agreement of [utf16, '']) {
      const { problems, all } = await check(journal(agreement));
      const flat = [...all().values()].flat();
      assert.equal(flat.filter((p) => p.code === 'goal/unknown-id').length, 0);
      assert.equal(flat.filter((p) => p.code === 'goal/references-unchecked').length, 1);
      assert.equal(problems('ana-tomas/agreement.md').filter((p) => p.severity === 'error' || p.severity === 'warning').length, 1);
    }
  });

  it('a goal file that cannot be read: references are not checked, and say so once', async () => {
    const files = journal();
    // Saved as UTF-16 by an editor: its `id: pair-weekly` cannot be read, and a session names that goal.
    files['ana-tomas/goals/pairing.md'] = new Uint8Array([0xff, 0xfe, ...Buffer.from('---\ntype: goal\nid: pair-weekly\ntitle: Pair weekly\n---\n', 'utf16le')]);
    files['ana-tomas/sessions/2026-03-02.md'] = session('2026-03-02', '[pair-weekly]');
    const { problems, all } = await check(files);
    const flat = [...all().values()].flat();
    assert.equal(flat.filter((p) => p.code === 'goal/unknown-id').length, 0);
    expectOne(problems('ana-tomas/agreement.md'), { code: 'goal/references-unchecked', severity: 'info', range: [1, 1, 1, 4], message: [/`goals\/pairing\.md` could not be read/, /the reference in 1 session names/] });
  });

  it('no info when every reference names a known goal', async () => {
    const files = journal();
    delete files['ana-tomas/sessions/2026-03-02.md'];
    files['ana-tomas/goals/pairing.md'] = '---\ntype: goal\ntitle: [Pair weekly\n---\n';
    const { all } = await check(files);
    assert.deepEqual([...all().values()].flat().map((p) => p.code), ['yaml/syntax']);
  });

  it('a goal id that differs only in case: one error at the id, with the id to write', async () => {
    const { problems, all } = await check(journal(AGREEMENT.replace('  - id: listening', '  - id: Listening')));
    const flat = [...all().values()].flat();
    assert.equal(flat.length, 1, flat.map((p) => `${p.file} ${p.code} ${p.message}`).join('\n'));
    expectOne(problems('ana-tomas/agreement.md'), { code: 'schema/invalid-value', severity: 'error', range: [16, 9, 16, 18], message: [/^`goals\[0\]\.id` must be lower-case: write `listening`/] });
  });

  it('a goal id with `_` or spaces between its words: one error at the id, with the id to write; references as declared are not errors too', async () => {
    const files = journal(AGREEMENT.replace('  - id: listening', '  - id: Active_Listening'));
    files['ana-tomas/sessions/2026-03-02.md'] = session('2026-03-02', '[Active_Listening]');
    const { problems, all } = await check(files);
    // The other sessions' `listening` is another id now: only they are unknown references.
    const flat = [...all().values()].flat().filter((p) => !(p.code === 'goal/unknown-id' && p.message.startsWith('No goal `listening`')));
    assert.equal(flat.length, 1, flat.map((p) => `${p.file} ${p.code} ${p.message}`).join('\n'));
    assert.deepEqual(problems('ana-tomas/sessions/2026-03-02.md'), []);
    expectOne(problems('ana-tomas/agreement.md'), { code: 'schema/invalid-value', severity: 'error', range: [16, 9, 16, 25], message: [/^`goals\[0\]\.id` must be lower-case kebab-case \(words joined by `-`\): write `active-listening`/] });
  });

  it('a reference that differs only in case from a goal: one error, with the id to write', async () => {
    const files = journal();
    files['ana-tomas/sessions/2026-03-02.md'] = session('2026-03-02', '[Listening]');
    const { problems, all } = await check(files);
    assert.equal([...all().values()].flat().length, 1);
    expectOne(problems('ana-tomas/sessions/2026-03-02.md'), { code: 'goal/unknown-id', severity: 'error', range: [4, 9, 4, 18], message: [/No goal `Listening` in this relationship: goal ids are lower-case, write `listening`\./] });
  });

  it('a goal file whose id differs only in case: one error, and the sessions that write it that way are not errors too', async () => {
    const files = journal();
    files['ana-tomas/goals/pairing.md'] = '---\ntype: goal\nid: Pairing\ntitle: Pair weekly\nstatus: proposed\n---\n';
    files['ana-tomas/sessions/2026-03-09.md'] = session('2026-03-09', '[Pairing]');
    const { all } = await check(files);
    assert.deepEqual([...all().values()].flat().map((p) => `${p.file}:${p.code}`), ['ana-tomas/goals/pairing.md:schema/invalid-value']);
  });

  it('reviews are snapshots: goal ids they recorded are not checked against today\'s goals', async () => {
    const files = journal();
    files['ana-tomas/reviews/2026-03-01.md'] = '---\ntype: review\ndate: 2026-03-01\ngoals:\n  old-goal-name: {status: active, progress: 40}\n---\n\nWe renamed [[old-goal-name]] since.\n';
    const { all } = await check(files);
    assert.deepEqual([...all().values()].flat(), []);
  });
});
