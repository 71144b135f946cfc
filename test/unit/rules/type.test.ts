import assert from 'node:assert/strict';
import { check, expectNone, expectOne, lines, parseFile, problemsOf, relationship, SESSION } from './helpers';

describe('rules: type/*', () => {
  describe('type/other-folder', () => {
    const goal = lines('---', 'type: goal', 'id: speak-up', 'title: Speak up in design reviews', 'status: active', 'success: Three comments a month', 'due: 2026-12-20', '---', '');

    it('says, at `type`, that a goal kept under sessions/ is read as a goal, and where it goes', () => {
      const file = parseFile('p/sessions/speak-up.md', goal);
      assert.equal(file.type, 'goal');
      assert.equal(file.goals[0]?.id, 'speak-up');
      expectOne(file.problems, { code: 'type/other-folder', severity: 'info', range: [2, 7, 2, 11], message: [/^This file is a goal kept under `sessions\/`, where sessions go: it is read as a goal, as its `type` says\. Move it to `goals\/`, or correct `type` if it is a session\.$/] });
      // A session under goals/, a review under sessions/ (in a folder below it too), a session under reviews/.
      expectOne(problemsOf('p/goals/2026-02-02.md', SESSION), { code: 'type/other-folder', severity: 'info', range: [2, 7, 2, 14], message: [/a session kept under `goals\/`.* Move it to `sessions\/`/] });
      expectOne(problemsOf('p/sessions/old/2026-02-02.md', lines('---', 'type: review', 'date: 2026-02-02', '---', '')), { code: 'type/other-folder', severity: 'info', range: [2, 7, 2, 13], message: [/a review kept under `sessions\/`.* Move it to `reviews\/`/] });
    });

    it('stays quiet where a file is kept in its own folder, outside the typed folders, without `type`, and for agreements', () => {
      expectNone(problemsOf('p/sessions/2026-02-02.md', SESSION), 'type/other-folder');
      expectNone(problemsOf('p/goals/speak-up.md', goal), 'type/other-folder');
      expectNone(problemsOf('p/notes/speak-up.md', goal), 'type/other-folder');
      expectNone(problemsOf('p/sessions/2026-02-02.md', SESSION.replace('type: session\n', '')), 'type/other-folder');
      expectNone(problemsOf('p/sessions/agreement.md', SESSION), 'type/other-folder');
      // Below its own folder already (found by a tester: "move it to goals/" for a file under goals/).
      expectNone(problemsOf('p/goals/sessions/speak-up.md', goal), 'type/other-folder');
      expectNone(problemsOf('p/sessions/goals/2026-02-02.md', SESSION), 'type/other-folder');
    });
  });

  describe('type/missing', () => {
    it('valid: a session that declares its type', () => {
      expectNone(problemsOf('p/sessions/2026-02-02.md', SESSION), 'type/missing');
    });

    it('reads a file under sessions/ without type as a session and says how to fix it', () => {
      const file = parseFile('p/sessions/2026-02-02.md', SESSION.replace('type: session\n', ''));
      assert.equal(file.type, 'session');
      assert.equal(file.typeSource, 'folder');
      assert.equal(file.session?.date, '2026-02-02');
      const p = expectOne(file.problems, { code: 'type/missing', severity: 'warning', range: [1, 1, 1, 4], message: [/`type`/, /add `type: session`/] });
      assert.deepEqual(p.data, { kind: 'missing-type', type: 'session' });
      assert.equal(file.problems.length, 1);
    });

    it('does the same under goals/ and for an agreement.md', () => {
      const goal = parseFile('p/goals/design-doc.md', lines('---', 'title: Write a design doc', 'status: proposed', '---', ''));
      assert.equal(goal.goals[0]?.id, 'design-doc');
      expectOne(goal.problems, { code: 'type/missing', severity: 'warning', range: [1, 1, 1, 4], message: [/`type: goal`/] });
      const agreement = problemsOf('p/agreement.md', lines('---', 'mentor: A', 'mentee: B', 'started: 2026-01-01', 'formality: informal', 'stage: creating', '---', ''));
      expectOne(agreement, { code: 'type/missing', severity: 'warning', range: [1, 1, 1, 4], message: [/`type: agreement`/] });
    });

    it('says nothing of a missing `type` when a key is `type` misspelt (`typ:`, `Type:`): the unknown key says it, at the key, once', () => {
      for (const key of ['typ', 'Type', 'tpye']) {
        const file = parseFile('p/sessions/2026-02-02.md', SESSION.replace('type: session', `${key}: session`));
        assert.equal(file.type, 'session');
        assert.deepEqual(file.problems.map((p) => [p.code, p.range.start.line, p.range.start.column, p.message]), [['keys/unknown', 2, 1, `Unknown key \`${key}\`: did you mean \`type\`?`]], key);
      }
      // With unknown keys not reported (the setting, or the rule off), `type/missing` says it, as before.
      for (const options of [{ unknownKeys: false }, { severities: { 'keys/unknown': 'off' as const } }]) {
        expectOne(parseFile('p/sessions/2026-02-02.md', SESSION.replace('type: session', 'typ: session'), options).problems, { code: 'type/missing', severity: 'warning', range: [1, 1, 1, 4] });
      }
      // A key that is no slip of it leaves `type` missing.
      expectOne(problemsOf('p/sessions/2026-02-02.md', SESSION.replace('type: session', 'kind: session')), { code: 'type/missing', severity: 'warning', range: [1, 1, 1, 4] });
    });

    it('says "an agreement" and "a session", also for a front matter with no keys at all', () => {
      const empty = problemsOf('p/agreement.md', lines('---', '---', ''));
      expectOne(empty, { code: 'type/missing', severity: 'warning', range: [1, 1, 1, 4], message: [/^Missing `type`: this file is read as an agreement because of where it is; add `type: agreement`\.$/] });
      const session = problemsOf('p/sessions/2026-02-02.md', SESSION.replace('type: session\n', ''));
      expectOne(session, { code: 'type/missing', severity: 'warning', range: [1, 1, 1, 4], message: [/^Missing `type`: this file is read as a session because of where it is; add `type: session`\.$/] });
    });

    it('a wrong type value is an invalid enum, and the file is still read as what its folder implies', () => {
      const file = parseFile('p/sessions/2026-02-02.md', SESSION.replace('type: session', 'type: meeting'));
      assert.equal(file.type, 'session');
      expectNone(file.problems, 'type/missing');
      expectOne(file.problems, { code: 'schema/invalid-enum', severity: 'error', range: [2, 7, 2, 14], message: [/`type`/, /agreement, goal, session, review\.$/] });
      // A misspelling or a capital gets the type meant.
      for (const written of ['sesion', 'Session']) {
        expectOne(parseFile('p/sessions/2026-02-02.md', SESSION.replace('type: session', `type: ${written}`)).problems, { code: 'schema/invalid-enum', severity: 'error', range: [2, 7, 2, 7 + written.length], message: [/^`type` must be one of agreement, goal, session, review: did you mean `session`\?$/] });
      }
    });
  });

  describe('type/unknown', () => {
    it('valid: journal files with a type, and plain notes without front matter', async () => {
      const { problems } = await check(relationship({ 'p/notes/ideas.md': '# Ideas\n' }));
      expectNone(problems('p/notes/ideas.md'), 'type/unknown');
      expectNone(problems('p/sessions/2026-02-02.md'), 'type/unknown');
    });

    it('reports a file with front matter but no type inside a relationship, where the folder implies none', async () => {
      const { problems } = await check(relationship({ 'p/notes/ideas.md': lines('---', 'title: Ideas for later', '---', '', 'Some ideas.', '') }));
      expectOne(problems('p/notes/ideas.md'), { code: 'type/unknown', severity: 'warning', range: [1, 1, 1, 4], message: [/no `type`/, /add `type:/] });
    });

    it('stays quiet when the front matter is broken or the type is misspelt (those are reported instead)', async () => {
      const { problems } = await check(
        relationship({
          'p/notes/a.md': lines('---', 'title: [oops', '---', ''),
          'p/notes/b.md': lines('---', 'type: sesion', '---', ''),
        }),
      );
      expectNone(problems('p/notes/a.md'), 'type/unknown');
      expectNone(problems('p/notes/b.md'), 'type/unknown');
      expectOne(problems('p/notes/b.md'), { code: 'schema/invalid-enum', severity: 'error', range: [2, 7, 2, 13], message: [/`type`/] });
    });

    it('ignores front matter in files outside every relationship', async () => {
      const { problems } = await check(relationship({ 'blog/post.md': lines('---', 'title: A post', '---', '') }));
      assert.deepEqual(problems('blog/post.md'), []);
    });
  });
});
