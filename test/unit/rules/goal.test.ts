import assert from 'node:assert/strict';
import { addMissingKey, applyEdits } from '../../../src/core/edits';
import { AGREEMENT, check, expectCodes, expectNone, expectOne, GOAL, lines, parseFile, problemsOf, relationship, REVIEW, SESSION } from './helpers';

describe('rules: goal/*', () => {
  describe('goal/unknown-id', () => {
    it('says when an id differs from a goal only by an invisible character, and which', async () => {
      const session = SESSION.replace('goals: [rust-basics]', 'goals: [rust-basics\u200f]');
      const { problems } = await check(relationship({ 'p/sessions/2026-02-02.md': session }));
      const p = expectOne(problems('p/sessions/2026-02-02.md'), { code: 'goal/unknown-id', severity: 'error', range: [6, 9, 6, 21], message: [/: it holds an invisible character \(U\+200F\); delete it to name `rust-basics`\.$/] });
      assert.equal((p.data as { suggestion?: string }).suggestion, 'rust-basics');
    });

    it('says ids joined by a full-width comma are one id to YAML, and offers no goal that would drop the other', async () => {
      const session = SESSION.replace('goals: [rust-basics]', 'goals: [rust-basics，design-doc]');
      const { problems } = await check(relationship({ 'p/sessions/2026-02-02.md': session }));
      const p = expectOne(problems('p/sessions/2026-02-02.md'), { code: 'goal/unknown-id', severity: 'error', range: [6, 9, 6, 31], message: [/: it holds a full-width comma \(`，`, U\+FF0C\), which YAML does not read as `,`, so the ids are one: write `rust-basics, design-doc`\.$/] });
      assert.equal((p.data as { suggestion?: string }).suggestion, undefined);
    });

    it('valid: references to goals defined inline and in files', async () => {
      const { problems } = await check(relationship());
      expectNone(problems('p/sessions/2026-02-02.md'), 'goal/unknown-id');
      expectNone(problems('p/reviews/2026-03-01.md'), 'goal/unknown-id');
    });

    it('reports an unknown id in `goals:` at the id, with the nearest id', async () => {
      const { problems } = await check(relationship({ 'p/sessions/2026-02-02.md': SESSION.replace('goals: [rust-basics]', 'goals: [rust-basic]') }));
      const p = expectOne(problems('p/sessions/2026-02-02.md'), {
        code: 'goal/unknown-id',
        severity: 'error',
        range: [6, 9, 6, 19],
        message: [/No goal `rust-basic`/, /did you mean `rust-basics`\?/],
      });
      assert.deepEqual(p.data, { kind: 'unknown-goal', id: 'rust-basic', suggestion: 'rust-basics', relationship: 'p' });
    });

    it('reports an unknown id as a `progress:` key at the key', async () => {
      const { problems } = await check(relationship({ 'p/sessions/2026-02-02.md': SESSION.replace('  design-doc: 40', '  desing-doc: 40') }));
      expectOne(problems('p/sessions/2026-02-02.md'), { code: 'goal/unknown-id', severity: 'error', range: [8, 3, 8, 13], message: [/`desing-doc`/, /did you mean `design-doc`\?/] });
    });

    it('reports an unknown [[id]] in the body, in a task item and in a paragraph, at the id inside the brackets', async () => {
      const session = SESSION.replace('[[design-doc]]', '[[design]]').replace('How do reviewers read a design doc?', 'We talked about [[rust]].');
      const { problems } = await check(relationship({ 'p/sessions/2026-02-02.md': session }));
      const found = problems('p/sessions/2026-02-02.md');
      expectCodes(found, ['goal/unknown-id@14:19-14:23', 'goal/unknown-id@18:47-18:53']);
      assert.match(found[0]!.message, /No goal `rust` in this relationship: did you mean `rust-basics`\?/);
      assert.match(found[1]!.message, /No goal `design` in this relationship: did you mean `design-doc`\?/);
    });

    it('checks the references of a session whose date is impossible or missing', async () => {
      const impossible = SESSION.replace('date: 2026-02-02', 'date: 2026-02-30').replace('goals: [rust-basics]', 'goals: [rust-basic]');
      const undated = SESSION.replace('date: 2026-02-02\n', '').replace('[[design-doc]]', '[[design]]');
      const { problems } = await check(relationship({ 'p/sessions/2026-02-02.md': impossible, 'p/sessions/notes.md': undated }));
      expectCodes(problems('p/sessions/2026-02-02.md'), ['date/impossible@3:7-3:17', 'goal/unknown-id@6:9-6:19']);
      expectCodes(problems('p/sessions/notes.md'), ['schema/missing-key@1:1-1:4', 'goal/unknown-id@17:47-17:53']);
    });

    it('does not check the references of a session whose YAML is broken (yaml/syntax alone)', async () => {
      const broken = SESSION.replace('goals: [rust-basics]', 'goals: [rust-basics, nope').replace('next: 2026-02-16', 'next: 2026-02-16');
      const { problems } = await check(relationship({ 'p/sessions/2026-02-02.md': broken }));
      expectCodes(problems('p/sessions/2026-02-02.md'), ['yaml/syntax@6:8-6:9']);
    });

    it('does not check the ids a saved review recorded: reviews are snapshots (issue 12)', async () => {
      const review = REVIEW.replace('  design-doc:', '  public-speaking:').replace('[[rust-basics]]', '[[zzz]]');
      const { problems } = await check(relationship({ 'p/reviews/2026-03-01.md': review }));
      expectCodes(problems('p/reviews/2026-03-01.md'), []);
    });

    it('says so when the relationship has no goals yet', async () => {
      const agreement = AGREEMENT.replace(/goals:\n(?: {2,}.*\n)+/, '');
      const { problems } = await check(relationship({ 'p/agreement.md': agreement, 'p/goals/design-doc.md': undefined, 'p/reviews/2026-03-01.md': undefined }));
      const found = problems('p/sessions/2026-02-02.md').filter((p) => p.code === 'goal/unknown-id');
      assert.equal(found.length, 4);
      assert.match(found[0]!.message, /which has no goals yet/);
    });
  });

  describe('goal/duplicate-id', () => {
    it('valid: distinct ids', async () => {
      const { problems } = await check(relationship());
      expectNone(problems('p/agreement.md'), 'goal/duplicate-id');
      expectNone(problems('p/goals/design-doc.md'), 'goal/duplicate-id');
    });

    it('reports a goal file reusing an inline id at the goal file (its id comes from the file name), and the inline goal at its id', async () => {
      const { problems } = await check(relationship({ 'p/goals/rust-basics.md': GOAL }));
      expectOne(problems('p/goals/rust-basics.md'), { code: 'goal/duplicate-id', severity: 'error', range: [1, 1, 1, 4], message: [/^Goal id `rust-basics` is already used by another goal of this relationship \(agreement\.md\)\.$/] });
      expectOne(problems('p/agreement.md'), { code: 'goal/duplicate-id', severity: 'error', range: [11, 9, 11, 20], message: [/^Goal id `rust-basics` is used again by another goal of this relationship \(goals\/rust-basics\.md\): give each goal its own id\.$/] });
    });

    it('reports an explicit id reused by another goal file at the id value, and the first at its own, so that checking either file alone finds it', async () => {
      const { problems } = await check(relationship({ 'p/goals/other.md': GOAL.replace('type: goal', 'type: goal\nid: design-doc') }));
      expectOne(problems('p/goals/other.md'), { code: 'goal/duplicate-id', severity: 'error', range: [3, 5, 3, 15], message: [/^Goal id `design-doc` is already used by another goal of this relationship \(goals\/design-doc\.md\)\.$/] });
      expectOne(problems('p/goals/design-doc.md'), { code: 'goal/duplicate-id', severity: 'error', range: [1, 1, 1, 4], message: [/^Goal id `design-doc` is used again by another goal of this relationship \(goals\/other\.md\): give each goal its own id\.$/] });
    });

    it('tells a goal whose id its file name gives (`Design Doc.md`) not to take the other goal\'s name, but an `id:` of its own', async () => {
      const { problems } = await check(relationship({ 'p/goals/Design Doc.md': GOAL.replace('title: Write a design doc', 'title: Other doc') }));
      const said = problems('p/goals/Design Doc.md').filter((p) => p.code === 'goal/duplicate-id');
      expectOne(said, { code: 'goal/duplicate-id', severity: 'error', range: [1, 1, 1, 4], message: [/^Goal id `design-doc` is used again by another goal of this relationship \(goals\/design-doc\.md\): the file name `Design Doc` gives it that id\. Do not rename the file to `design-doc\.md`, the name of the other goal's file; add `id:` with an id of its own\.$/] });
      // Two files told to take one name.
      const two = await check(relationship({ 'p/goals/public_speaking.md': GOAL, 'p/goals/Public Speaking.md': GOAL }));
      assert.match(two.problems('p/goals/Public Speaking.md').find((p) => p.code === 'goal/duplicate-id')!.message, /Do not rename the file to `public-speaking\.md`, a name the other goal's file is told to take as well; add `id:` with an id of its own\.$/);
    });

    it('names the other file from the relationship\'s folder, the same whichever folder the journal is read from', async () => {
      const files = { 'teams/t1/agreement.md': AGREEMENT, 'teams/t1/goals/rust-basics.md': GOAL };
      const { problems } = await check(files);
      expectOne(problems('teams/t1/goals/rust-basics.md'), { code: 'goal/duplicate-id', severity: 'error', range: [1, 1, 1, 4], message: [/^Goal id `rust-basics` is already used by another goal of this relationship \(agreement\.md\)\.$/] });
      const fromInside = await check({ 'agreement.md': AGREEMENT, 'goals/rust-basics.md': GOAL });
      assert.deepEqual(fromInside.problems('goals/rust-basics.md').map((p) => p.message), problems('teams/t1/goals/rust-basics.md').map((p) => p.message));
    });

    it('reports two inline goals with one id at the second, naming the line of the first', async () => {
      const agreement = AGREEMENT.replace('---\n\n#', '  - {id: rust-basics, title: Again, status: proposed}\n---\n\n#');
      const { problems } = await check(relationship({ 'p/agreement.md': agreement }));
      const found = problems('p/agreement.md').filter((p) => p.code === 'goal/duplicate-id');
      assert.deepEqual(found.map((p) => [p.range.start.line, p.range.start.column, p.range.end.line, p.range.end.column, p.message]), [
        [11, 9, 11, 20, 'Goal id `rust-basics` is used again by another goal of this relationship (line 16): give each goal its own id.'],
        [16, 10, 16, 21, 'Goal id `rust-basics` is already used by another goal of this relationship (line 11).'],
      ]);
    });
  });

  describe('goal/id-from-file-name', () => {
    it('valid: a kebab-case file name, or an explicit id', () => {
      expectNone(problemsOf('p/goals/design-doc.md', GOAL), 'goal/id-from-file-name');
      const file = parseFile('p/goals/Design Doc.md', GOAL.replace('type: goal', 'type: goal\nid: design-doc'));
      expectNone(file.problems, 'goal/id-from-file-name');
      assert.equal(file.goals[0]?.id, 'design-doc');
    });

    it('reports a goal file whose name is not a goal id and that has no id, at the opening ---; a name almost an id still defines the goal', () => {
      const file = parseFile('p/goals/Design Doc.md', GOAL);
      const p = expectOne(file.problems, { code: 'goal/id-from-file-name', severity: 'warning', range: [1, 1, 1, 4], message: [/^The file name `Design Doc` is not a valid goal id \(lower-case kebab-case\): rename the file to `design-doc\.md` \(unless another goal file has that name\) or add `id:`\.$/] });
      assert.deepEqual(p.data, { kind: 'missing-key', key: 'id', placeholder: 'design-doc' });
      assert.deepEqual(file.goals.map((g) => [g.id, g.declaredId]), [['design-doc', 'Design Doc']]);
      // A name no id can be made of defines the goal under the name itself: it exists all the same.
      const none = parseFile('p/goals/写设计文档.md', GOAL);
      expectOne(none.problems, { code: 'goal/id-from-file-name', severity: 'warning', range: [1, 1, 1, 4], message: [/rename the file or add `id:`\.$/] });
      assert.deepEqual(none.goals.map((g) => [g.id, g.declaredId]), [['写设计文档', undefined]]);
    });

    it("an inline goal whose id no id can be made of (`登壇`) is still defined as written, as a goal file's name is: the id's problem only", async () => {
      const agreementText = AGREEMENT.replace('  - id: rust-basics', '  - id: 登壇');
      const session = SESSION.replaceAll('rust-basics', '登壇');
      const { problems, index } = await check(relationship({ 'p/agreement.md': agreementText, 'p/sessions/2026-02-02.md': session }));
      expectOne(problems('p/agreement.md'), { code: 'schema/invalid-value', severity: 'error', range: [11, 9, 11, 11], message: [/^`goals\[0\]\.id` must be lower-case kebab-case/] });
      expectNone(problems('p/sessions/2026-02-02.md'), 'goal/unknown-id');
      assert.ok(index.relationship('p')!.goals.some((g) => g.id === '登壇'));
    });

    it('an id written with no value is said at the key, and the goal keeps the id its file name gives, not vanishing', async () => {
      for (const empty of ['id:', 'id: ~', 'id: null']) {
        const text = GOAL.replace('type: goal', `type: goal\n${empty}`);
        const file = parseFile('p/goals/design-doc.md', text);
        expectOne(file.problems, { code: 'schema/invalid-value', severity: 'error', range: [3, 1, 3, 3], message: [/^`id` has no value: write the goal's id \(`design-doc`, as the file is named\), or delete the line to take the id from the file name\.$/] });
        assert.deepEqual(file.goals.map((g) => g.id), ['design-doc']);
        const { problems } = await check(relationship({ 'p/goals/design-doc.md': text, 'p/sessions/2026-02-02.md': SESSION.replace('goals: [rust-basics]', 'goals: [rust-basics, design-doc]') }));
        expectNone(problems('p/sessions/2026-02-02.md'), 'goal/unknown-id');
      }
    });

    it('sessions naming a goal as its file is named (`learn_go`) are not errors too: the file name is the one mistake', async () => {
      const session = SESSION.replace('goals: [rust-basics]', 'goals: [rust-basics, learn_go]');
      assert.notEqual(session, SESSION);
      const { problems, all } = await check(relationship({ 'p/goals/learn_go.md': GOAL, 'p/sessions/2026-02-02.md': session }));
      expectOne(problems('p/goals/learn_go.md'), { code: 'goal/id-from-file-name', severity: 'warning', range: [1, 1, 1, 4], message: [/rename the file to `learn-go\.md`/] });
      assert.deepEqual([...all().values()].flat().filter((p) => p.code === 'goal/unknown-id'), []);
    });

    it('a name with accents (`présentation`, `Übung_Æsop`) is told the id to write, and defines the goal under it', async () => {
      const file = parseFile('p/goals/présentation.md', GOAL);
      expectOne(file.problems, { code: 'goal/id-from-file-name', severity: 'warning', range: [1, 1, 1, 4], message: [/^The file name `présentation` is not a valid goal id \(lower-case kebab-case\): rename the file to `presentation\.md` \(unless another goal file has that name\) or add `id:`\.$/] });
      assert.deepEqual(file.goals.map((g) => [g.id, g.declaredId]), [['presentation', 'présentation']]);
      assert.deepEqual(parseFile('p/goals/Übung_Æsop.md', GOAL).goals.map((g) => g.id), ['ubung-aesop']);
      // Decomposed accents (NFD, as some file systems store names) alike.
      assert.deepEqual(parseFile('p/goals/pre\u0301sentation.md', GOAL).goals.map((g) => g.id), ['presentation']);
      // Latin letters with no accent to drop, and Catalan's l·l, as ASCII writes them.
      assert.deepEqual(['Ħal_Far', 'ŀlum', 'col·lega'].map((name) => parseFile(`p/goals/${name}.md`, GOAL).goals[0]?.id), ['hal-far', 'llum', 'collega']);
      const session = SESSION.replace('goals: [rust-basics]', 'goals: [rust-basics, presentation]');
      const { all } = await check(relationship({ 'p/goals/présentation.md': GOAL, 'p/sessions/2026-02-02.md': session }));
      assert.deepEqual([...all().values()].flat().filter((p) => p.code === 'goal/unknown-id'), []);
    });
  });

  describe('goal/due-before-start', () => {
    it('valid: due after the start', async () => {
      const { problems } = await check(relationship());
      expectNone(problems('p/goals/design-doc.md'), 'goal/due-before-start');
    });

    it('reports a goal file due before started at the due value', async () => {
      const { problems } = await check(relationship({ 'p/goals/design-doc.md': GOAL.replace('due: 2026-05-29', 'due: 2025-12-01') }));
      expectOne(problems('p/goals/design-doc.md'), { code: 'goal/due-before-start', severity: 'warning', range: [6, 6, 6, 16], message: [/`design-doc` is due 2025-12-01/, /started \(2026-01-05\)/] });
    });

    it('reports a goal whose id another goal took as well (its date is wrong all the same)', async () => {
      const { problems } = await check(relationship({ 'p/goals/rust-basics.md': GOAL.replace('due: 2026-05-29', 'due: 2025-12-01') }));
      assert.deepEqual(problems('p/goals/rust-basics.md').map((p) => p.code).sort(), ['goal/due-before-start', 'goal/duplicate-id']);
    });

    it('reports an inline goal due before started at its due value', async () => {
      const { problems } = await check(relationship({ 'p/agreement.md': AGREEMENT.replace('due: 2026-06-30', 'due: 2026-01-04') }));
      expectOne(problems('p/agreement.md'), { code: 'goal/due-before-start', severity: 'warning', range: [15, 10, 15, 20], message: [/`rust-basics`/] });
    });
  });

  describe('goal/no-success-criteria', () => {
    it('valid: an active goal with success and due; a proposed goal without', () => {
      expectNone(problemsOf('p/goals/design-doc.md', GOAL), 'goal/no-success-criteria');
      expectNone(problemsOf('p/goals/design-doc.md', lines('---', 'type: goal', 'title: Someday', 'status: proposed', '---', '')), 'goal/no-success-criteria');
    });

    it('reports an active goal without success at the status value', () => {
      const p = expectOne(problemsOf('p/goals/design-doc.md', GOAL.replace('success: A design doc approved by the team\n', '')), {
        code: 'goal/no-success-criteria',
        severity: 'warning',
        range: [4, 9, 4, 15],
        message: [/Active goal `design-doc` has no `success`:/, /success criteria and a timeframe/],
      });
      assert.deepEqual(p.data, { kind: 'missing-key', key: 'success', placeholder: 'How we will know this goal is met' });
    });

    it('a `due` or `success` written but not valid is its own problem, not this one (whose fix would add a second key)', () => {
      const goal = GOAL.replace('due: 2026-05-29', 'due: 2026-13-01');
      expectNone(problemsOf('p/goals/design-doc.md', goal), 'goal/no-success-criteria');
      assert.deepEqual(problemsOf('p/goals/design-doc.md', goal).map((p) => p.code), ['date/impossible']);
      const empty = problemsOf('p/goals/design-doc.md', GOAL.replace('success: A design doc approved by the team', 'success: ""').replace('due: 2026-05-29\n', ''));
      expectOne(empty, { code: 'goal/no-success-criteria', severity: 'warning', range: [4, 9, 4, 15], message: [/has no `due`:/] });
    });

    it('reports `success:` or `due:` written with no value as missing, and its fix fills the empty value in place', () => {
      const empty = GOAL.replace('success: A design doc approved by the team', 'success:');
      expectOne(problemsOf('p/goals/design-doc.md', empty), { code: 'goal/no-success-criteria', severity: 'warning', range: [4, 9, 4, 15], message: [/has no `success`:/] });
      const fixed = addMissingKey(empty, empty.indexOf('active'), 'success', 'Approved by the team');
      assert.ok(fixed.ok);
      assert.equal(applyEdits(empty, fixed.edits), GOAL.replace('A design doc approved by the team', 'Approved by the team'));
      const todo = GOAL.replace('due: 2026-05-29', 'due:   # TODO');
      expectOne(problemsOf('p/goals/design-doc.md', todo), { code: 'goal/no-success-criteria', severity: 'warning', range: [4, 9, 4, 15], message: [/has no `due`:/] });
      expectOne(problemsOf('p/goals/design-doc.md', GOAL.replace('due: 2026-05-29', 'due: ~')), { code: 'goal/no-success-criteria', severity: 'warning', range: [4, 9, 4, 15], message: [/has no `due`:/] });
      expectOne(problemsOf('p/agreement.md', AGREEMENT.replace('    due: 2026-06-30\n', '    due:\n')), { code: 'goal/no-success-criteria', severity: 'warning', range: [13, 13, 13, 19], message: [/`rust-basics` has no `due`:/] });
    });

    it('reports an inline active goal without due, and one without both', () => {
      expectOne(problemsOf('p/agreement.md', AGREEMENT.replace('    due: 2026-06-30\n', '')), { code: 'goal/no-success-criteria', severity: 'warning', range: [13, 13, 13, 19], message: [/`rust-basics` has no `due`:/] });
      expectOne(problemsOf('p/agreement.md', AGREEMENT.replace('    success: One small CLI shipped in Rust\n    due: 2026-06-30\n', '')), {
        code: 'goal/no-success-criteria',
        severity: 'warning',
        range: [13, 13, 13, 19],
        message: [/no `success` and `due`/],
      });
    });
  });

  describe('goal/achieved-incomplete', () => {
    it('valid: achieved at 100, or achieved without any progress figure', async () => {
      expectNone(problemsOf('p/goals/design-doc.md', GOAL.replace('status: active', 'status: achieved').replace('progress: 40', 'progress: 100')), 'goal/achieved-incomplete');
      const { problems } = await check(relationship({ 'p/goals/design-doc.md': GOAL.replace('status: active', 'status: achieved').replace('progress: 40\n', ''), 'p/sessions/2026-03-02.md': SESSION.replace('2026-02-02', '2026-03-02').replace('design-doc: 40', 'design-doc: 100') }));
      expectNone(problems('p/goals/design-doc.md'), 'goal/achieved-incomplete');
    });

    it('reports achieved with its own progress below 100 at the progress value, when no session records the goal\'s progress', async () => {
      const { problems } = await check(relationship({ 'p/goals/design-doc.md': GOAL.replace('status: active', 'status: achieved'), 'p/sessions/2026-02-02.md': SESSION.replace(/progress:\n {2}design-doc: 40\n/, '') }));
      expectOne(problems('p/goals/design-doc.md'), {
        code: 'goal/achieved-incomplete',
        severity: 'info',
        range: [7, 11, 7, 13],
        message: [/^Goal `design-doc` is achieved but its progress is 40: set it to 100, or the status back to active\.$/],
      });
    });

    it('with a session at 100, says the goal\'s own lower figure is not read, at it, and not to set the status back', async () => {
      const { problems } = await check(relationship({ 'p/goals/design-doc.md': GOAL.replace('status: active', 'status: achieved').replace('progress: 40', 'progress: 0'), 'p/sessions/2026-02-02.md': SESSION.replace('design-doc: 40', 'design-doc: 100') }));
      expectOne(problems('p/goals/design-doc.md'), {
        code: 'goal/achieved-incomplete',
        severity: 'info',
        range: [7, 11, 7, 12],
        message: [/^Goal `design-doc` is achieved, and the latest session puts its progress at 100, but its own `progress` here says 0, which is not read once a session records the goal's progress: write 100, or delete it\.$/],
      });
      // Below 100 in the session too: the session's figure is the goal's, said at the status.
      const lower = await check(relationship({ 'p/goals/design-doc.md': GOAL.replace('status: active', 'status: achieved') }));
      expectOne(lower.problems('p/goals/design-doc.md'), { code: 'goal/achieved-incomplete', severity: 'info', range: [4, 9, 4, 17], message: [/latest session puts its progress at 40\.$/] });
    });

    it('reports achieved when the latest session puts progress below 100, at the status value', async () => {
      const { problems } = await check(relationship({ 'p/goals/design-doc.md': GOAL.replace('status: active', 'status: achieved').replace('progress: 40\n', '') }));
      expectOne(problems('p/goals/design-doc.md'), { code: 'goal/achieved-incomplete', severity: 'info', range: [4, 9, 4, 17], message: [/`design-doc` is achieved/, /latest session puts its progress at 40/] });
    });

    it('as of a day, an agenda (a session dated later) does not count yet, either way, as in the review; and the day can change', async () => {
      const achieved = GOAL.replace('status: active', 'status: achieved').replace('progress: 40\n', '');
      const agenda = (value: number) => SESSION.replace('date: 2026-02-02', 'date: 2026-12-15').replace('design-doc: 40', `design-doc: ${value}`);
      const held = (value: number) => SESSION.replace('design-doc: 40', `design-doc: ${value}`);
      // 100 as of today, 60 in the agenda: achieved as of today.
      const later = relationship({ 'p/goals/design-doc.md': achieved, 'p/sessions/2026-02-02.md': held(100), 'p/sessions/2026-12-15.md': agenda(60) });
      expectNone((await check(later, { today: '2026-12-01' })).problems('p/goals/design-doc.md'), 'goal/achieved-incomplete');
      // 60 as of today, 100 in the agenda: not yet.
      const { index, problems } = await check(relationship({ 'p/goals/design-doc.md': achieved, 'p/sessions/2026-02-02.md': held(60), 'p/sessions/2026-12-15.md': agenda(100) }), { today: '2026-12-01' });
      expectOne(problems('p/goals/design-doc.md'), { code: 'goal/achieved-incomplete', severity: 'info', range: [4, 9, 4, 17], message: [/latest session puts its progress at 60/] });
      // On the agenda's day it counts.
      const change = index.setToday('2026-12-15');
      assert.ok(change.files.includes('p/goals/design-doc.md'));
      expectNone(index.problems('p/goals/design-doc.md'), 'goal/achieved-incomplete');
    });
  });

  describe('goal/progress-decreased', () => {
    const later = (value: number) => SESSION.replace('date: 2026-02-02', 'date: 2026-02-16').replace('design-doc: 40', `design-doc: ${value}`);

    it('valid: progress that stays or grows', async () => {
      const { problems } = await check(relationship({ 'p/sessions/2026-02-16.md': later(40), 'p/sessions/2026-03-02.md': later(70).replace('2026-02-16', '2026-03-02') }));
      expectNone(problems('p/sessions/2026-02-16.md'), 'goal/progress-decreased');
      expectNone(problems('p/sessions/2026-03-02.md'), 'goal/progress-decreased');
    });

    it('reports a later session with lower progress at the number, with both figures', async () => {
      const { problems } = await check(relationship({ 'p/sessions/2026-02-16.md': later(30) }));
      expectOne(problems('p/sessions/2026-02-16.md'), {
        code: 'goal/progress-decreased',
        severity: 'info',
        range: [8, 15, 8, 17],
        message: [/`design-doc` went down from 40 \(session of 2026-02-02\) to 30/],
      });
      expectNone(problems('p/sessions/2026-02-02.md'), 'goal/progress-decreased');
    });

    it('orders sessions by date, not by file name', async () => {
      const { problems } = await check(relationship({ 'p/sessions/a-first.md': later(30).replace('2026-02-16', '2026-03-30') }));
      expectOne(problems('p/sessions/a-first.md'), { code: 'goal/progress-decreased', severity: 'info', range: [8, 15, 8, 17] });
    });
  });
});
