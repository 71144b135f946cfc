import assert from 'node:assert/strict';
import { JournalIndex, MemoryFileSystem } from '../../../src/core';
import { analyzeRelationship, renderReviewMarkdown } from '../../../src/core/model';
import { check, expectCodes, expectNone, expectOne, lines, problemsOf, relationship, SESSION } from './helpers';

/** A session as git leaves it after `git merge feature/x`: one conflict in the front matter, one in the body. */
const MERGED = lines(
  '---', //                            1
  'type: session', //                  2
  'date: 2026-02-01', //               3
  '<<<<<<< HEAD', //                   4
  'attendees: [Priya]', //             5
  '=======', //                        6
  'attendees: [Priya, Sam, Lee]', //   7
  '>>>>>>> feature/x', //              8
  'goals: [rust-basics]', //           9
  '---', //                            10
  '', //                               11
  '## Notes', //                       12
  '', //                               13
  '<<<<<<< HEAD', //                   14
  'We talked briefly.', //             15
  '=======', //                        16
  'We talked about the RFC.', //       17
  '>>>>>>> feature/x', //              18
  '',
);

/** The same merge with `merge.conflictStyle = diff3`: the common ancestor after `|||||||`. */
const DIFF3 = lines(
  '---', //                            1
  'type: session', //                  2
  'date: 2026-02-01', //               3
  '<<<<<<< HEAD', //                   4
  'attendees: [Priya]', //             5
  '||||||| 088dc25', //                6
  'attendees: [Priya, Sam]', //        7
  '=======', //                        8
  'attendees: [Priya, Sam, Lee]', //   9
  '>>>>>>> feature/x', //              10
  'goals: [rust-basics]', //           11
  '---', //                            12
  '',
);

const MESSAGE = [/^Unresolved merge conflict between HEAD and feature\/x: keep one side \(or merge them\) and delete the conflict markers\.$/];
const FILE = 'p/sessions/2026-02-02.md';

describe('rule git/conflict', () => {
  it('valid: a file without conflict markers', () => {
    expectNone(problemsOf(FILE, SESSION), 'git/conflict');
  });

  it('a conflict in the front matter is one error from <<<<<<< to the end of >>>>>>>, and nothing else', () => {
    const text = lines('---', 'type: session', 'date: 2026-02-01', '<<<<<<< HEAD', 'attendees: [Priya]', '=======', 'attendees: [Priya, Sam, Lee]', '>>>>>>> feature/x', 'goals: [rust-basics]', '---', '');
    const problems = problemsOf(FILE, text);
    expectOne(problems, { code: 'git/conflict', severity: 'error', range: [4, 1, 8, 18], message: MESSAGE });
    assert.equal(problems.length, 1);
  });

  it('a conflict in the body is one error', () => {
    const text = lines('---', 'type: session', 'date: 2026-02-01', '---', '', '<<<<<<< HEAD', 'We talked briefly.', '=======', 'We talked about the RFC.', '>>>>>>> feature/x', 'After.', '');
    expectCodes(problemsOf(FILE, text), ['git/conflict@6:1-10:18']);
  });

  it('a file as git writes it, with two blocks: one error each, each naming both sides', () => {
    const problems = problemsOf(FILE, MERGED);
    expectCodes(problems, ['git/conflict@4:1-8:18', 'git/conflict@14:1-18:18']);
    for (const p of problems) for (const m of MESSAGE) assert.match(p.message, m);
  });

  it('diff3 style: the |||||| part belongs to the block', () => {
    const problems = problemsOf(FILE, DIFF3);
    expectOne(problems, { code: 'git/conflict', severity: 'error', range: [4, 1, 10, 18], message: MESSAGE });
    assert.equal(problems.length, 1);
  });

  it('markers longer than seven (conflict-marker-size in .gitattributes): one block, in the front matter and in the body', () => {
    const eight = MERGED.replace(/^(<{7}|={7}|>{7})/gm, (m) => m + m[0]);
    expectCodes(problemsOf(FILE, eight), ['git/conflict@4:1-8:19', 'git/conflict@14:1-18:19']);
    // The markers of a block are all as long as its first: a longer one inside is a side's text.
    const nested = lines('---', 'type: session', 'date: 2026-02-01', '---', '', '<<<<<<< HEAD', 'a', '<<<<<<<<< inner', 'b', '=========', 'c', '>>>>>>>>> inner', '=======', 'd', '>>>>>>> feature/x', '');
    expectCodes(problemsOf(FILE, nested), ['git/conflict@6:1-15:18']);
    // Markers of another length do not end a block.
    expectNone(problemsOf(FILE, lines('---', 'type: session', 'date: 2026-02-02', '---', '', '<<<<<<<< HEAD', 'a', '=======', 'b', '>>>>>>> x', '')), 'git/conflict');
  });

  it('CRLF: the range ends before the line break', () => {
    expectCodes(problemsOf(FILE, MERGED.replace(/\n/g, '\r\n')), ['git/conflict@4:1-8:18', 'git/conflict@14:1-18:18']);
  });

  it('markers without labels: the message still says what to do', () => {
    const p = expectOne(problemsOf(FILE, lines('---', 'type: session', '---', '<<<<<<<', 'a', '=======', 'b', '>>>>>>>', '')), { code: 'git/conflict', severity: 'error', range: [4, 1, 8, 8] });
    assert.equal(p.message, 'Unresolved merge conflict: keep one side (or merge them) and delete the conflict markers.');
  });

  it('valid: a ======= Setext heading underline alone is not a conflict', () => {
    const text = lines('---', 'type: session', 'date: 2026-02-02', '---', '', 'Notes', '=======', '', 'Text.', '');
    assert.deepEqual(problemsOf(FILE, text), []);
  });

  it('valid: a lone <<<<<<< without ======= and >>>>>>> is ordinary text (in the front matter, YAML reports it)', () => {
    expectNone(problemsOf(FILE, lines('---', 'type: session', 'date: 2026-02-02', '---', '', '<<<<<<< HEAD', 'Text.', '')), 'git/conflict');
    expectNone(problemsOf(FILE, lines('---', 'type: session', 'date: 2026-02-02', '---', '', '<<<<<<< HEAD', 'a', '=======', 'b', '')), 'git/conflict');
    const front = problemsOf(FILE, lines('---', 'type: session', '<<<<<<< HEAD', 'date: 2026-02-02', '---', ''));
    expectNone(front, 'git/conflict');
    assert.ok(front.some((p) => p.code === 'yaml/syntax'));
  });

  it('valid: markers inside a fenced code block are an example, not a conflict', () => {
    const text = lines('---', 'type: session', 'date: 2026-02-02', '---', '', '```text', '<<<<<<< HEAD', 'a', '=======', 'b', '>>>>>>> main', '```', '');
    expectNone(problemsOf(FILE, text), 'git/conflict');
  });

  it('the conflicted file is left out of the relationship: no cross-file problems, and the review says so', async () => {
    const { index, problems, all } = await check(relationship({ [FILE]: MERGED }));
    expectCodes(problems(FILE), ['git/conflict@4:1-8:18', 'git/conflict@14:1-18:18']);
    // No other file gets a problem it did not have.
    for (const [path, list] of all()) if (path !== FILE) expectNone(list, 'git/conflict');
    const rel = index.relationships().find((r) => r.id === 'p')!;
    assert.deepEqual(rel.conflicted, [FILE]);
    assert.ok(!rel.sessions.some((s) => s.source.file === FILE));
    const markdown = renderReviewMarkdown(analyzeRelationship(rel, '2026-03-10'));
    assert.match(markdown, /^> Note: This file was left out of this review because of an unresolved merge conflict: `p\/sessions\/2026-02-02\.md`\. Resolve it and review again\.$/m);
  });

  it('a conflicted agreement: the references to its goals are neither unknown nor reported as unchecked', async () => {
    const agreement = lines('---', 'type: agreement', '<<<<<<< ours', 'mentor: Priya', '=======', 'mentor: Priya Raman', '>>>>>>> theirs', 'mentee: Sam', '---', '');
    const { problems } = await check(relationship({ 'p/agreement.md': agreement, 'p/goals/design-doc.md': undefined }));
    expectCodes(problems('p/agreement.md'), ['git/conflict@3:1-7:15']);
    expectNone(problems('p/sessions/2026-02-02.md'), 'goal/unknown-id');
    expectNone(problems('p/sessions/2026-02-02.md'), 'goal/references-unchecked');
  });

  it('with keepLastGood (the editor), a conflict drops the last good facts instead of keeping them', async () => {
    const fs = new MemoryFileSystem(relationship());
    const index = new JournalIndex(fs, {}, { keepLastGood: true });
    await index.build();
    assert.ok(index.relationships()[0]!.sessions.some((s) => s.source.file === FILE));
    index.setText(FILE, MERGED);
    const rel = index.relationships()[0]!;
    assert.ok(!rel.sessions.some((s) => s.source.file === FILE));
    assert.deepEqual(rel.conflicted, [FILE]);
  });
});
