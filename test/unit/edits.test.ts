import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { GOAL_STATUSES, JournalIndex, MemoryFileSystem, parseJournalFile, SESSION_STATUSES, STAGES, typeFromPath } from '../../src/core';
import {
  addMissingKey,
  addType,
  applyEdits,
  goalPath,
  nextStage,
  readFrontMatterValue,
  replaceToken,
  setFrontMatterValue,
  setStage,
  type EditResult,
  type PathSegment,
  type TextEdit,
} from '../../src/core/edits';
import { dateFromFileName, GOAL_ID, goalIdFromTitle, titleFromId } from '../../src/core/conventions';
import { scaffoldRelationship } from '../../src/core/scaffold';
import { renderGoalFile, renderSessionFile, STAGE_QUESTIONS, uniqueFileName } from '../../src/core/templates';

const EXAMPLES = path.resolve(__dirname, '../../examples');

function filesUnder(dir: string, rel = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const relPath = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) Object.assign(out, filesUnder(full, relPath));
    else if (entry.name.endsWith('.md')) out[relPath] = fs.readFileSync(full, 'utf8');
  }
  return out;
}

/** The front matter's data, read independently of the code under test. */
function frontData(text: string): unknown {
  const m = /^---\r?\n([\s\S]*?)^---\s*$/m.exec(text);
  assert.ok(m, 'front matter present');
  const doc = parseDocument(m[1]!);
  assert.deepEqual(doc.errors, []);
  return doc.toJS();
}

function setAt(data: unknown, steps: ReadonlyArray<string | number>, value: unknown): unknown {
  const copy = structuredClone(data) as Record<string | number, unknown>;
  let node = copy;
  steps.forEach((s, i) => {
    if (i === steps.length - 1) node[s] = value;
    else node = (node[s] ??= {}) as Record<string | number, unknown>;
  });
  return copy;
}

/** Steps of a path with goal ids replaced by list indexes. */
function concrete(data: unknown, steps: readonly PathSegment[]): Array<string | number> {
  let node = data as Record<string, unknown> | unknown[] | undefined;
  return steps.map((s) => {
    let key: string | number = s as string | number;
    if (typeof s === 'object') key = (node as Array<{ id?: string }>).findIndex((g) => g?.id === s.id);
    node = (node as Record<string | number, unknown> | undefined)?.[key] as typeof node;
    return key;
  });
}

/**
 * The edit changed only the targeted value: one edit, everything outside it byte for byte the
 * same, the replaced span is exactly the old value as written (or nothing, for an insertion of
 * one line or one `, key: value`), and the front matter reads back with only that value changed.
 */
function assertTargeted(before: string, result: EditResult, steps: readonly PathSegment[], value: string | number): string {
  assert.ok(result.ok, result.ok ? '' : result.error);
  assert.equal(result.edits.length, 1);
  const edit = result.edits[0] as TextEdit;
  const after = before.slice(0, edit.start) + edit.text + before.slice(edit.end);
  assert.equal(result.text, after);
  assert.equal(applyEdits(before, result.edits), after);
  const old = before.slice(edit.start, edit.end);
  assert.ok(!/[\r\n]/.test(old), `only one value is replaced, not ${JSON.stringify(old)}`);
  if (edit.start === edit.end) {
    const key = String(steps[steps.length - 1]);
    assert.match(edit.text, new RegExp(`^((\\r?\\n)?( *)(${key}|\\w+:\\r?\\n +${key}): [^\\r\\n]+\\r?\\n( *)|, ${key}: [^\\r\\n]+| [^\\r\\n]+|${key}: [^\\r\\n]+)$`));
  } else {
    assert.ok(!/[\r\n]/.test(edit.text), 'a replaced value stays on its line');
  }
  const data = frontData(before);
  assert.deepEqual(frontData(after), setAt(data, concrete(data, steps), value));
  return after;
}

describe('edits: minimal front-matter edits', () => {
  const journal = filesUnder(path.join(EXAMPLES, 'journal'));

  it('covers every example file', () => {
    assert.ok(Object.keys(journal).length >= 15);
  });

  for (const [file, text] of Object.entries(journal)) {
    const type = typeFromPath(file);
    if (!type) continue;
    it(`changes only the targeted value in examples/journal/${file}`, () => {
      let edits = 0;
      const parsed = parseJournalFile(file, text);
      if (type === 'goal') {
        for (const status of GOAL_STATUSES) {
          assertTargeted(text, setFrontMatterValue(text, ['status'], status), ['status'], status);
          edits++;
        }
        for (const progress of [0, 45, 100]) {
          assertTargeted(text, setFrontMatterValue(text, ['progress'], progress), ['progress'], progress);
          edits++;
        }
      }
      if (type === 'agreement') {
        for (const stage of STAGES) {
          assertTargeted(text, setStage(text, stage), ['stage'], stage);
          edits++;
        }
        for (const who of ['mentor', 'mentee']) {
          assertTargeted(text, setFrontMatterValue(text, ['signed', who], '2026-11-23'), ['signed', who], '2026-11-23');
          edits++;
        }
        for (const goal of parsed.goals) {
          const status = goalPath(goal, 'status');
          assertTargeted(text, setFrontMatterValue(text, status, 'achieved'), status, 'achieved');
          const progress = goalPath(goal, 'progress');
          assertTargeted(text, setFrontMatterValue(text, progress, 12), progress, 12);
          edits += 2;
        }
      }
      if (type === 'session') {
        for (const status of SESSION_STATUSES) {
          assertTargeted(text, setFrontMatterValue(text, ['status'], status), ['status'], status);
          edits++;
        }
        for (const stage of STAGES) {
          assertTargeted(text, setFrontMatterValue(text, ['stage'], stage), ['stage'], stage);
          edits++;
        }
      }
      assert.ok(edits > 0);
    });
  }

  it('edits the broken examples where the YAML is valid, and refuses where it is not', () => {
    const broken = filesUnder(path.join(EXAMPLES, 'broken'));
    let refused = 0;
    let edited = 0;
    for (const [file, text] of Object.entries(broken)) {
      if (!text.startsWith('---')) continue;
      const result = setFrontMatterValue(text, ['status'], 'paused');
      const yamlBroken = parseJournalFile(file, text).problems.some((p) => p.code.startsWith('yaml/') || p.code.startsWith('frontmatter/'));
      if (yamlBroken) {
        assert.equal(result.ok, false, `${file} has broken front matter and must not be edited`);
        refused++;
      } else if (result.ok) {
        assertTargeted(text, result, ['status'], 'paused');
        edited++;
      }
    }
    assert.ok(refused >= 1 && edited >= 1, `refused ${refused}, edited ${edited}`);
  });

  it('keeps quoting, comments and CRLF line endings', () => {
    const text = '---\r\ntype: goal\r\ntitle: "A goal" # the title\r\nstatus: \'active\' # still going\r\n---\r\nBody\r\n';
    const after = assertTargeted(text, setFrontMatterValue(text, ['status'], 'achieved'), ['status'], 'achieved');
    assert.equal(after, text.replace("'active'", "'achieved'"));
    const inserted = assertTargeted(text, setFrontMatterValue(text, ['progress'], 80), ['progress'], 80);
    assert.equal(inserted, text.replace('# still going\r\n', '# still going\r\nprogress: 80\r\n'));
  });

  it('keeps lone CR line endings (old Mac files): adds `type` first and a key after the others with CR', () => {
    const text = '---\rdate: 2026-05-01\rstatus: held\r---\rNotes.\r';
    const typed = addType(text, 'session');
    assert.ok(typed.ok, !typed.ok ? typed.error : '');
    assert.equal(typed.text, '---\rtype: session\rdate: 2026-05-01\rstatus: held\r---\rNotes.\r');
    const added = setFrontMatterValue(text, ['duration'], 45);
    assert.ok(added.ok, !added.ok ? added.error : '');
    assert.doesNotMatch(added.text, /\n/);
    assert.deepEqual(parseJournalFile('p/sessions/2026-05-01.md', added.text).session?.duration, 45);
  });

  it('writes a stage given as a number as a number', () => {
    const text = '---\ntype: agreement\nstage: 2\n---\n';
    assert.equal(assertTargeted(text, setStage(text, 'mastery'), ['stage'], 3), '---\ntype: agreement\nstage: 3\n---\n');
    assert.equal(nextStage('building'), 'mastery');
    assert.equal(nextStage('moving-on'), undefined);
    assert.equal(nextStage(undefined), 'creating');
  });

  it('adds signed.mentee wherever signed is, or is not, written', () => {
    const cases: Array<[string, string]> = [
      ['---\ntype: agreement\nstage: creating\n---\n', '---\ntype: agreement\nstage: creating\nsigned:\n  mentee: 2026-11-23\n---\n'],
      ['---\ntype: agreement\nsigned: # later\nstage: building\n---\n', '---\ntype: agreement\nsigned: # later\n  mentee: 2026-11-23\nstage: building\n---\n'],
      ['---\nsigned:\n    mentor: 2026-01-01\n    # mentee: ?\nstage: x\n---\n', '---\nsigned:\n    mentor: 2026-01-01\n    mentee: 2026-11-23\n    # mentee: ?\nstage: x\n---\n'],
      ['---\nsigned: {mentor: 2026-01-01}\n---\n', '---\nsigned: {mentor: 2026-01-01, mentee: 2026-11-23}\n---\n'],
      ['---\nsigned: {}\n---\n', '---\nsigned: {mentee: 2026-11-23}\n---\n'],
      ['---\nsigned: {mentor: 2026-01-01, mentee: "2026-01-02"}\n---\n', '---\nsigned: {mentor: 2026-01-01, mentee: "2026-11-23"}\n---\n'],
    ];
    for (const [before, expected] of cases) {
      assert.equal(assertTargeted(before, setFrontMatterValue(before, ['signed', 'mentee'], '2026-11-23'), ['signed', 'mentee'], '2026-11-23'), expected);
    }
  });

  it('edits goals written inline in the agreement, flow or block', () => {
    const text = '---\ngoals:\n  - {id: rust, title: Rust, status: active}\n  - id: go\n    title: Go # c\n    status: proposed\n---\n';
    const flow = assertTargeted(text, setFrontMatterValue(text, ['goals', { id: 'rust' }, 'progress'], 50), ['goals', { id: 'rust' }, 'progress'], 50);
    assert.match(flow, /\{id: rust, title: Rust, status: active, progress: 50\}/);
    const block = assertTargeted(text, setFrontMatterValue(text, ['goals', { id: 'go' }, 'progress'], 5), ['goals', { id: 'go' }, 'progress'], 5);
    assert.match(block, / {4}status: proposed\n {4}progress: 5\n---/);
    const missing = setFrontMatterValue(text, ['goals', { id: 'nope' }, 'status'], 'achieved');
    assert.equal(missing.ok, false);
    assert.match(missing.ok ? '' : missing.error, /no goal `nope`/);
  });

  it('refuses when the front matter is invalid, missing, or the value is not a single scalar', () => {
    const refusals: Array<[string, PathSegment[], RegExp]> = [
      ['---\ntitle: [unclosed\nstatus: active\n---\n', ['status'], /not valid YAML \(line \d+/],
      ['---\nstatus: active\nstatus: paused\n---\n', ['status'], /not valid YAML.*Duplicate key/],
      ['# Just notes\n', ['status'], /no front matter/],
      ['---\nstatus: active\n', ['status'], /never closed/],
      ['+++\nstatus = "active"\n+++\n', ['status'], /TOML/],
      ['---\n- a\n- b\n---\n', ['status'], /not a map/],
      ['---\nstatus: [active]\n---\n', ['status'], /holds a list/],
      ['---\nbase: &b active\nstatus: *b\n---\n', ['status'], /alias/],
      ['---\nstatus: >-\n  active\n---\n', ['status'], /block of text/],
      ['---\nsigned: [2026-01-01]\n---\n', ['signed', 'mentee'], /not a map/],
    ];
    for (const [text, steps, message] of refusals) {
      const result = setFrontMatterValue(text, steps, 'achieved');
      assert.equal(result.ok, false, text);
      assert.match(result.ok ? '' : result.error, message);
      assert.match(result.ok ? '' : result.error, /[Nn]othing was changed/);
    }
  });

  it('reads values back', () => {
    const text = '---\nstage: 2\nsigned: {mentor: 2026-01-01}\ngoals:\n  - {id: a, status: active}\n---\n';
    assert.equal(readFrontMatterValue(text, ['stage']), 2);
    assert.equal(readFrontMatterValue(text, ['signed', 'mentor']), '2026-01-01');
    assert.equal(readFrontMatterValue(text, ['goals', { id: 'a' }, 'status']), 'active');
    assert.equal(readFrontMatterValue(text, ['signed', 'mentee']), undefined);
    assert.equal(readFrontMatterValue('no front matter', ['stage']), undefined);
  });
});

describe('edits: quick-fix edits', () => {
  it('adds a missing key at the top level, into a list item, and fills a key written without a value', () => {
    const text = '---\ntype: goal\ntitle:\nowner: mentee\n---\n';
    const filled = addMissingKey(text, text.indexOf('title'), 'title', 'Goal title');
    assert.ok(filled.ok);
    assert.equal(filled.text, '---\ntype: goal\ntitle: Goal title\nowner: mentee\n---\n');
    const status = addMissingKey(text, 0, 'status', 'proposed');
    assert.ok(status.ok);
    assert.equal(status.text, '---\ntype: goal\ntitle:\nowner: mentee\nstatus: proposed\n---\n');
    const agreement = '---\ngoals:\n  - id: go\n    title: Go\n---\n';
    const item = addMissingKey(agreement, agreement.indexOf('id: go'), 'status', 'proposed');
    assert.ok(item.ok);
    assert.equal(item.text, '---\ngoals:\n  - id: go\n    title: Go\n    status: proposed\n---\n');
    const twice = addMissingKey(status.text, 0, 'status', 'active');
    assert.equal(twice.ok, false);
    // A key written with spaces after its colon, or with a comment: no space is left after the value, one before the comment.
    for (const [written, filled] of [['date: ', 'date: 2026-01-26'], ['date:\t ', 'date: 2026-01-26'], ['date:   # when', 'date: 2026-01-26 # when']] as const) {
      const session = `---\ntype: session\n${written}\nstatus: held\n---\n`;
      const result = addMissingKey(session, session.indexOf('date'), 'date', '2026-01-26');
      assert.equal(result.ok && result.text, `---\ntype: session\n${filled}\nstatus: held\n---\n`, written);
    }
  });

  it('adds a nested key under the key it is reported at', () => {
    const text = '---\ntype: agreement\nclosure:\nstage: moving-on\n---\n';
    const result = addMissingKey(text, text.indexOf('closure'), 'date', '2026-11-23');
    assert.ok(result.ok, result.ok ? '' : result.error);
    assert.equal(result.text, '---\ntype: agreement\nclosure:\n  date: 2026-11-23\nstage: moving-on\n---\n');
  });

  it('adds type first, or a front matter with only type', () => {
    const withFront = addType('---\n# a comment\ntitle: x\n---\nBody\n', 'goal');
    assert.ok(withFront.ok);
    assert.equal(withFront.text, '---\n# a comment\ntype: goal\ntitle: x\n---\nBody\n');
    const without = addType('Notes\n', 'session');
    assert.ok(without.ok);
    assert.equal(without.text, '---\ntype: session\n---\n\nNotes\n');
    assert.equal(addType('---\ntitle: [\n---\n', 'goal').ok, false);
  });

  it('replaces a token keeping its quotes in the front matter, and as is in the body', () => {
    const text = '---\ngoals: ["wrte", b]\nprogress:\n  wrte: 5\n---\nSee [[wrte]].\n';
    const inList = replaceToken(text, text.indexOf('"wrte"'), text.indexOf('"wrte"') + 6, 'write');
    assert.ok(inList.ok);
    assert.match(inList.text, /goals: \["write", b\]/);
    const key = text.indexOf('  wrte') + 2;
    const inKey = replaceToken(text, key, key + 4, 'write');
    assert.ok(inKey.ok);
    assert.match(inKey.text, /\n {2}write: 5\n/);
    const body = text.indexOf('[[wrte') + 2;
    const inBody = replaceToken(text, body, body + 4, 'write');
    assert.ok(inBody.ok);
    assert.equal(inBody.text, text.replace('[[wrte]]', '[[write]]'));
  });
});

describe('edits: generated valid files', () => {
  const quote = (value: string, style: number) => (style === 0 ? value : style === 1 ? `"${value}"` : `'${value}'`);
  const goalFile = fc
    .record({
      crlf: fc.boolean(),
      statusStyle: fc.integer({ min: 0, max: 2 }),
      status: fc.constantFrom(...GOAL_STATUSES),
      progress: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
      comment: fc.boolean(),
      order: fc.shuffledSubarray(['title', 'owner', 'success', 'skills', 'due', 'note'], { minLength: 0 }),
      blockSkills: fc.boolean(),
      indent: fc.constantFrom('  ', '    '),
      trailing: fc.constantFrom('', ' # why', '   '),
    })
    .map((g) => {
      const lines: Record<string, string[]> = {
        title: ['title: Learn to "estimate" # c'],
        owner: ['owner: both'],
        success: ['success: >-', `${g.indent}The estimate is within 20%`, `${g.indent}of the real load.`],
        skills: g.blockSkills ? ['skills:', `${g.indent}- sizing`, `${g.indent}- queues # q`] : ['skills: [sizing, queues]'],
        due: ["due: '2026-12-01'"],
        note: ['# a comment line', ''],
      };
      const keys = [['type: goal'], ...g.order.map((k) => lines[k]!), [`status: ${quote(g.status, g.statusStyle)}${g.trailing}`]];
      if (g.progress !== undefined) keys.splice(1, 0, [`progress: ${g.progress}${g.comment ? ' # %' : ''}`]);
      const eol = g.crlf ? '\r\n' : '\n';
      return ['---', ...keys.flat(), '---', '', '# Body', ''].join(eol);
    });

  it('sets status and progress of generated goal files, touching nothing else', () => {
    fc.assert(
      fc.property(goalFile, fc.constantFrom(...GOAL_STATUSES), fc.integer({ min: 0, max: 100 }), (text, status, progress) => {
        assertTargeted(text, setFrontMatterValue(text, ['status'], status), ['status'], status);
        assertTargeted(text, setFrontMatterValue(text, ['progress'], progress), ['progress'], progress);
      }),
      { numRuns: 200 },
    );
  });

  const agreementFile = fc
    .record({
      crlf: fc.boolean(),
      signed: fc.constantFrom('none', 'empty', 'block-mentor', 'flow-mentor', 'flow-empty', 'both'),
      stage: fc.constantFrom('stage: creating', 'stage: "building"', 'stage: 2', "stage: 'mastery' # now", ''),
      indent: fc.constantFrom('  ', '    '),
      goals: fc.boolean(),
    })
    .map((a) => {
      const signed: Record<string, string[]> = {
        none: [],
        empty: ['signed:'],
        'block-mentor': ['signed:', `${a.indent}mentor: 2026-01-02 # signed`],
        'flow-mentor': ['signed: { mentor: 2026-01-02 }'],
        'flow-empty': ['signed: {}'],
        both: ['signed:', `${a.indent}mentor: 2026-01-02`, `${a.indent}mentee: "2026-01-03"`],
      };
      const goals = a.goals ? ['goals:', `${a.indent}- id: one`, `${a.indent}  title: One`, `${a.indent}  status: active`, `${a.indent}- {id: two, title: Two}`] : [];
      const eol = a.crlf ? '\r\n' : '\n';
      return ['---', 'type: agreement', 'mentor: A', 'mentee: B', ...(a.stage ? [a.stage] : []), ...signed[a.signed]!, ...goals, '---', ''].join(eol);
    });

  it('sets stage, signatures and inline goals of generated agreements, touching nothing else', () => {
    fc.assert(
      fc.property(agreementFile, fc.constantFrom(...STAGES), fc.constantFrom('mentor', 'mentee'), (text, stage, who) => {
        const numeric = typeof readFrontMatterValue(text, ['stage']) === 'number';
        assertTargeted(text, setStage(text, stage), ['stage'], numeric ? STAGES.indexOf(stage) + 1 : stage);
        assertTargeted(text, setFrontMatterValue(text, ['signed', who], '2026-11-23'), ['signed', who], '2026-11-23');
        if (text.includes('goals:')) {
          for (const id of ['one', 'two']) {
            assertTargeted(text, setFrontMatterValue(text, ['goals', { id }, 'status'], 'achieved'), ['goals', { id }, 'status'], 'achieved');
            assertTargeted(text, setFrontMatterValue(text, ['goals', { id }, 'progress'], 70), ['goals', { id }, 'progress'], 70);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('edits: templates', () => {
  async function priyaAndSam() {
    const index = new JournalIndex(new MemoryFileSystem(filesUnder(path.join(EXAMPLES, 'journal'))));
    await index.build();
    return index.relationship('priya-and-sam')!;
  }

  it('renders a valid session with attendees, active goals, carried-over actions and stage questions', async () => {
    const relationship = await priyaAndSam();
    const text = renderSessionFile({ relationship, date: '2026-11-23' });
    const parsed = parseJournalFile('priya-and-sam/sessions/2026-11-23.md', text);
    assert.deepEqual(parsed.problems, []);
    const session = parsed.session!;
    assert.deepEqual(session.attendees, ['Priya Raman', 'Sam Okafor']);
    const active = relationship.goals.filter((g) => g.status === 'active').map((g) => g.id);
    assert.ok(active.length > 0);
    assert.deepEqual(session.goals, active);
    assert.equal(session.next, '2026-12-07');
    const previous = relationship.sessions[relationship.sessions.length - 1]!;
    const open = previous.actions.filter((a) => !a.done);
    assert.deepEqual(session.actions.map((a) => [a.owner, a.text, a.due, a.done]), open.map((a) => [a.owner, a.text, a.due, false]));
    assert.match(text, /Carried over from the session of 2026-11-18/);
    for (const question of STAGE_QUESTIONS.building) assert.ok(text.includes(question));
    assert.ok(!text.includes(STAGE_QUESTIONS.creating[0]!));
    // The new file joins the relationship without a problem.
    const fsys = new MemoryFileSystem({ ...filesUnder(path.join(EXAMPLES, 'journal')), 'priya-and-sam/sessions/2026-11-23.md': text });
    const index = new JournalIndex(fsys);
    await index.build();
    assert.deepEqual(index.problems('priya-and-sam/sessions/2026-11-23.md'), []);
  });

  it('asks questions of the stage it is given, and handles a relationship without goals or sessions', async () => {
    const relationship = { ...(await priyaAndSam()), goals: [], sessions: [] };
    const text = renderSessionFile({ relationship, date: '2026-11-23', stage: 'moving-on' });
    assert.deepEqual(parseJournalFile('x/sessions/a.md', text).problems, []);
    for (const question of STAGE_QUESTIONS['moving-on']) assert.ok(text.includes(question));
    assert.ok(!text.includes('Carried over'));
    assert.ok(!/^goals:/m.test(text));
  });

  it('has open-ended questions for every stage', () => {
    for (const stage of STAGES) {
      assert.ok(STAGE_QUESTIONS[stage].length >= 4);
      for (const q of STAGE_QUESTIONS[stage]) assert.match(q, /^(What|Where|How|When|Why|Which|Who)\b.*\?$/);
    }
  });

  it('renders a valid goal file, quoting what needs quotes', () => {
    const text = renderGoalFile({ id: 'talk-at-meetup', title: 'Talk: "queues" at #meetup', created: '2026-11-23', due: '2027-02-01', success: 'A 20-minute talk, given' });
    const parsed = parseJournalFile('x/goals/talk-at-meetup.md', text);
    assert.deepEqual(parsed.problems, []);
    const goal = parsed.goals[0]!;
    assert.deepEqual([goal.id, goal.title, goal.status, goal.progress, goal.due, goal.success, goal.created], ['talk-at-meetup', 'Talk: "queues" at #meetup', 'proposed', 0, '2027-02-01', 'A 20-minute talk, given', '2026-11-23']);
    const bare = parseJournalFile('x/goals/a.md', renderGoalFile({ id: 'a', title: 'A', created: '2026-11-23' }));
    assert.deepEqual(bare.problems, []);
  });

  it('names files without overwriting, and ids from titles', () => {
    const taken = new Set(['2026-11-23.md', '2026-11-23-2.md']);
    assert.equal(uniqueFileName('2026-11-23', (n) => taken.has(n)), '2026-11-23-3.md');
    assert.equal(uniqueFileName('2026-11-24', (n) => taken.has(n)), '2026-11-24.md');
    assert.equal(goalIdFromTitle('Lead the design RFC!'), 'lead-the-design-rfc');
    assert.equal(goalIdFromTitle('Café Ünïcode talk'), 'cafe-unicode-talk');
    // Goal ids are ASCII: a title without Latin letters or digits gets a number, the first free one.
    assert.equal(goalIdFromTitle('???'), 'goal-1');
    assert.equal(goalIdFromTitle('写设计文档'), 'goal-1');
    assert.equal(goalIdFromTitle('Γράψε ένα RFC'), 'rfc');
    // Latin letters that do not decompose are written as ASCII has them, not dropped.
    assert.equal(goalIdFromTitle('Ærø trip'), 'aero-trip');
    assert.equal(goalIdFromTitle('Øresund Straße'), 'oresund-strasse');
    assert.equal(goalIdFromTitle('Łódź œuvre'), 'lodz-oeuvre');
    assert.equal(goalIdFromTitle('Μάθε Rust', (id) => ['rust'].includes(id)), 'rust-2');
    assert.equal(goalIdFromTitle('Учиться', (id) => ['goal-1', 'goal-2'].includes(id)), 'goal-3');
    assert.equal(goalIdFromTitle('Lead the design RFC', (id) => ['lead-the-design-rfc', 'lead-the-design-rfc-2'].includes(id)), 'lead-the-design-rfc-3');
    assert.equal(goalIdFromTitle('word '.repeat(40)), 'word-word-word-word-word');
  });

  it('suggests short goal ids: at most five words and 32 characters, cut at a word, no filler word last', () => {
    // This title gave a 43-character id before.
    assert.equal(goalIdFromTitle('Give a talk about our incident review process at the spring meetup'), 'give-a-talk-about-our');
    assert.equal(goalIdFromTitle('Lead the design RFC for the payments service migration'), 'lead-the-design-rfc');
    assert.equal(goalIdFromTitle('Understand distributed consensus algorithms thoroughly'), 'understand-distributed-consensus');
    assert.equal(goalIdFromTitle('Internationalisation'.repeat(3)), 'internationalisationinternationa');
    for (const title of ['Become the go-to person for capacity planning across the whole organisation', 'a b c d e f g', 'Write']) {
      const id = goalIdFromTitle(title);
      assert.ok(id.split('-').length <= 5 && id.length <= 32 && GOAL_ID.test(id), `${title} → ${id}`);
    }
    assert.equal(titleFromId('review-others-designs'), 'Review others designs');
  });

  it('writes a value where its template left it commented out: New session\'s progress, a new agreement\'s signatures', async () => {
    const example = await priyaAndSam();
    const relationship = { ...example, goals: example.goals.map((g) => ({ ...g, status: 'active' as const })) };
    const text = renderSessionFile({ relationship, date: '2026-11-23' });
    const active = relationship.goals.filter((g) => g.status === 'active').map((g) => g.id);
    assert.ok(active.length >= 2, 'two active goals to set in turn');
    const [first, second] = active as [string, string];
    const lines = text.split('\n');
    const hint = lines.indexOf('# progress:');
    assert.ok(hint > 0);
    // Set goal progress on the new session: `# progress:` and the goal's own hint become the map.
    const once = setFrontMatterValue(text, ['progress', first], 55);
    assert.ok(once.ok, once.ok ? '' : once.error);
    const expected = [...lines];
    expected.splice(hint, 1, 'progress:', `  ${first}: 55`);
    expected.splice(expected.indexOf(`#   ${first}: ${lines.find((l) => l.startsWith(`#   ${first}: `))!.split(': ')[1]}`), 1);
    assert.equal(once.text, expected.join('\n'));
    // The other goal's hint is still there, as a comment under the map, and becomes its line when it is set.
    const twice = setFrontMatterValue(once.text, ['progress', second], 30);
    assert.ok(twice.ok, twice.ok ? '' : twice.error);
    assert.equal(twice.edits.length, 1);
    assert.equal(twice.text, once.text.replace(new RegExp(`^#   ${second}: \\d+$`, 'm'), `  ${second}: 30`));
    assert.deepEqual(parseJournalFile('priya-and-sam/sessions/2026-11-23.md', twice.text).session?.progress, { [first]: 55, [second]: 30 });

    // A new agreement: `# signed:` and `#   mentor: YYYY-MM-DD` become the signature, the mentee's hint stays until signed.
    const agreement = scaffoldRelationship({ mentor: 'Zoë Adams', mentee: 'Inês Costa', started: '2026-11-30' }).find((f) => f.path === 'agreement.md')!.content;
    const mentor = setFrontMatterValue(agreement, ['signed', 'mentor'], '2026-12-01');
    assert.ok(mentor.ok, mentor.ok ? '' : mentor.error);
    assert.equal(mentor.text, agreement.replace('# signed:\n#   mentor: YYYY-MM-DD\n', 'signed:\n  mentor: 2026-12-01\n'));
    const both = setFrontMatterValue(mentor.text, ['signed', 'mentee'], '2026-12-02');
    assert.ok(both.ok, both.ok ? '' : both.error);
    assert.equal(both.text, mentor.text.replace('#   mentee: YYYY-MM-DD\n', '  mentee: 2026-12-02\n'));
    assert.deepEqual(parseJournalFile('z/agreement.md', both.text).agreement?.signed, { mentor: '2026-12-01', mentee: '2026-12-02' });

    // With CRLF line ends too.
    const crlf = agreement.replace(/\n/g, '\r\n');
    const signed = setFrontMatterValue(crlf, ['signed', 'mentee'], '2026-12-02');
    assert.ok(signed.ok);
    assert.equal(signed.text, crlf.replace('# signed:\r\n#   mentor: YYYY-MM-DD\r\n#   mentee: YYYY-MM-DD\r\n', 'signed:\r\n  mentee: 2026-12-02\r\n#   mentor: YYYY-MM-DD\r\n'));
  });

  it('leaves a comment alone when it is a person\'s note, not a placeholder, or when the value cannot go there', () => {
    // Text after the key: a note, kept; the key goes where it would without it.
    const note = '---\ntype: session\ndate: 2026-11-23\n# progress: ask Sam about the RFC first\nstatus: held\n---\n';
    const kept = setFrontMatterValue(note, ['progress', 'rfc'], 40);
    assert.ok(kept.ok);
    assert.equal(kept.text, note.replace('status: held\n', 'status: held\nprogress:\n  rfc: 40\n'));
    // Another key's placeholder is no place for this one.
    const other = '---\ntype: goal\n# due: YYYY-MM-DD (when the goal should be met)\nstatus: active\n---\n';
    const progress = setFrontMatterValue(other, ['progress'], 10);
    assert.ok(progress.ok);
    assert.equal(progress.text, other.replace('status: active\n', 'status: active\nprogress: 10\n'));
    assert.equal((setFrontMatterValue(other, ['due'], '2027-01-31') as { text: string }).text, other.replace('# due: YYYY-MM-DD (when the goal should be met)', 'due: 2027-01-31'));
    // A key that is already written is replaced where it is, whatever the comments say.
    const written = '---\ntype: goal\n# progress: 5\nprogress: 20\n---\n';
    assert.equal((setFrontMatterValue(written, ['progress'], 30) as { text: string }).text, written.replace('progress: 20', 'progress: 30'));
    // A placeholder inside a block of text is text: the check after the edit refuses that place, and the key goes as usual.
    const block = '---\ntype: session\nprogress:\n  rfc: 10\nnotes: |\n  # talk: 5\n  more\n---\n';
    const safe = setFrontMatterValue(block, ['progress', 'talk'], 40);
    assert.ok(safe.ok);
    assert.equal(safe.text, block.replace('  rfc: 10\n', '  rfc: 10\n  talk: 40\n'));
  });

  it('reads the date a session or review file is named after', () => {
    assert.equal(dateFromFileName('pair/sessions/2026-11-24.md'), '2026-11-24');
    assert.equal(dateFromFileName('pair/reviews/2026-11-24-2.md'), '2026-11-24');
    assert.equal(dateFromFileName('2026-11-24 planning.md'), '2026-11-24');
    assert.equal(dateFromFileName('pair/sessions/2026-11-31.md'), undefined, 'not a real date');
    assert.equal(dateFromFileName('pair/sessions/kick-off.md'), undefined);
    assert.equal(dateFromFileName('2026-11-240.md'), undefined);
    assert.equal(dateFromFileName('pair/2026-11-24/notes.md'), undefined, 'only the file name counts');
  });
});
