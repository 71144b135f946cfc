// Every wording of issue 12, with a test each: plurals, today and tomorrow, no visible escapes in
// the tool's own text (journal text stays escaped), "never", "the oldest" of one, dropped goals,
// a bad enum value quoted with the closest one, UTF-16, an unquoted ": ", a config key typo and
// one rule for a second review on the same day.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeRelationship, JournalIndex, MemoryFileSystem, parseJournalFile, renderReviewMarkdown } from '../../src/core';
import { days, fromToday, plural, withArticle } from '../../src/core/words';
import { cleanUp, runCli, tempJournal } from './cliHarness';

const repo = path.resolve(__dirname, '../..');

// Written by hand: a six-month partnership with one goal done, one dropped, one open action item.
const AGREEMENT = `---
type: agreement
mentor: "Mia Chen"
mentee: {name: Ola Berg}
started: 2026-01-05
ends: 2026-06-30
cadence: biweekly
stage: building
signed: {mentor: 2026-01-05, mentee: 2026-01-06}
goals:
  - id: give-feedback
    title: "Give *clear* feedback"   # the stars are the mentee's own
    status: achieved
  - id: public-talk
    title: Give a public talk
    status: dropped
---
`;
const SESSION = `---
type: session
date: 2026-01-19
goals: [give-feedback]
---

- [ ] @ola ask two peers for feedback on [[give-feedback]] (due 2026-01-26)
`;

async function report(files: Record<string, string>, today: string) {
  const index = new JournalIndex(new MemoryFileSystem(files));
  await index.build();
  return analyzeRelationship(index.relationship('m')!, today);
}

const journal = (extra: Record<string, string> = {}) => ({ 'm/agreement.md': AGREEMENT, 'm/sessions/2026-01-19.md': SESSION, ...extra });

describe('wording', () => {
  after(cleanUp);

  it('plurals: 1 day, 1 warning, the last held session', async () => {
    assert.deepEqual([days(1), days(2), plural(1, 'warning'), plural(0, 'warning')], ['1 day', '2 days', '1 warning', '0 warnings']);
    const root = tempJournal({ 'p/agreement.md': AGREEMENT, 'p/sessions/2026-01-19.md': SESSION.replace('goals: [give-feedback]', 'goals: [give-feedback]\nmood: ok') });
    assert.match(runCli(['check', '--max-warnings', '0'], root).stderr, /^mentoring-journal: 1 warning, more than --max-warnings 0$/m);
    const files = journal({ 'm/goals/write.md': '---\ntype: goal\ntitle: Write\nstatus: active\nsuccess: A post\ndue: 2026-09-01\n---\n', 'm/sessions/2026-02-02.md': '---\ntype: session\ndate: 2026-02-02\n---\n' });
    const index = new JournalIndex(new MemoryFileSystem(files));
    await index.build();
    const stale = analyzeRelationship(index.relationship('m')!, '2026-02-03', { staleAfterSessions: 1 }).signals.find((s) => s.code === 'goal-stale');
    assert.match(stale!.message, /was not discussed in the last held session \(never discussed in a held session\)\./);
  });

  it('"an" before a vowel sound, "a" before a consonant sound', () => {
    const said = ['agreement', 'goal', 'session', 'review', 'action item', 'hour', 'honest answer', 'unit', 'user', 'European', 'one-off', 'unindented line', 'umbrella', 'idea', 'Ola']
      .map(withArticle);
    assert.deepEqual(said, ['an agreement', 'a goal', 'a session', 'a review', 'an action item', 'an hour', 'an honest answer', 'a unit', 'a user', 'a European', 'a one-off', 'an unindented line', 'an umbrella', 'an idea', 'an Ola']);
  });

  it('today and tomorrow instead of "in 0 days" and "in 1 days"', async () => {
    assert.deepEqual([fromToday(0), fromToday(1), fromToday(-1), fromToday(3), fromToday(-3)], ['today', 'tomorrow', 'yesterday', 'in 3 days', '3 days ago']);
    const closure = (await report(journal(), '2026-06-30')).signals.find((s) => s.code === 'closure-due');
    assert.match(closure!.message, /^The partnership ends on 2026-06-30, today, and no closure is recorded/);
    const tomorrow = (await report(journal(), '2026-06-29')).signals.find((s) => s.code === 'closure-due');
    assert.match(tomorrow!.message, /ends on 2026-06-30, tomorrow,/);
  });

  it('no visible escapes in the tool\'s own text; journal text stays escaped', async () => {
    const r = await report(journal(), '2026-02-10');
    const md = renderReviewMarkdown(r);
    assert.match(md, /^- @ola ask two peers for feedback on \\\[\\\[give-feedback\\\]\\\] \(due 2026-01-26, 15 days overdue\)/m, 'a [[reference]] in journal text stays escaped');
    assert.match(md, /Give \\\*clear\\\* feedback/, 'the title the user wrote keeps its stars escaped');
    const withGoal = journal({ 'm/goals/talk.md': '---\ntype: goal\ntitle: Talk\nstatus: active\nsuccess: Given\ndue: 2026-02-20\n---\n' });
    const risk = renderReviewMarkdown(await report(withGoal, '2026-02-10'));
    assert.match(risk, /\(`goal-at-risk`\): Goal `talk` \(Talk\) is due on 2026-02-20, in 10 days/);
    assert.doesNotMatch(risk, /\\`/);
  });

  it('"never": no held session yet is said plainly, by no-first-session (not cadence-overdue)', async () => {
    const files = { 'm/agreement.md': AGREEMENT };
    const signals = (await report(files, '2026-02-10')).signals;
    assert.deepEqual(signals.filter((s) => s.code === 'cadence-overdue'), []);
    const first = signals.find((s) => s.code === 'no-first-session');
    assert.equal(first!.message, 'No session has been held since the partnership started on 2026-01-05, 36 days ago; the agreed biweekly rhythm (14 days) and 2 days of grace ended on 2026-01-21.');
  });

  it('"the oldest" only when there are several', async () => {
    const one = (await report(journal(), '2026-02-10')).signals.find((s) => s.code === 'actions-overdue');
    assert.equal(one!.message, '1 open action item is past due: it was due on 2026-01-26 (@ola: ask two peers for feedback on [[give-feedback]]).');
    const two = journal({ 'm/sessions/2026-01-19.md': `${SESSION}- [ ] @mia send the talk list (due 2026-01-28)\n` });
    assert.match((await report(two, '2026-02-10')).signals.find((s) => s.code === 'actions-overdue')!.message, /^2 open action items are past due; the oldest was due on 2026-01-26/);
  });

  it('"Every goal is achieved" is not said when one was dropped', async () => {
    const broad = (await report(journal(), '2026-02-10')).signals.find((s) => s.code === 'goals-too-broad');
    assert.match(broad!.message, /^Every goal that was not dropped is achieved \(1 dropped\) with 140 days of the partnership left/);
  });

  it('`status: done` quotes the value and suggests the closest one', () => {
    const problems = parseJournalFile('m/goals/x.md', '---\ntype: goal\ntitle: X\nstatus: done\nowner: mentees\n---\n').problems;
    assert.deepEqual(
      problems.map((p) => p.message),
      ['`owner` is `mentees`, which is not one of mentee, mentor, both: did you mean `mentee`?', '`status` is `done`, which is not one of proposed, active, achieved, dropped, paused: did you mean `achieved`?'],
    );
  });

  it('a UTF-16 file is called UTF-16, with how to save it as UTF-8', () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from('---\ntype: session\n---\n', 'utf16le')]);
    const [p] = parseJournalFile('m/sessions/2026-01-19.md', bytes).problems;
    assert.match(p!.message, /^This file is saved as UTF-16, which is not read: save it as UTF-8/);
    const noBom = parseJournalFile('m/sessions/2026-01-19.md', new Uint8Array(Buffer.from('---\ntype: session\n---\n', 'utf16le'))).problems;
    assert.match(noBom[0]!.message, /UTF-16/);
    assert.match(parseJournalFile('m/x.md', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2, 3])).problems[0]?.message ?? 'binary', /binary/);
  });

  it('`notes: we talked: a lot` gets a hint to quote the value', () => {
    const [p] = parseJournalFile('m/sessions/2026-01-19.md', '---\ntype: session\ndate: 2026-01-19\nnotes: we talked: a lot\n---\n').problems;
    assert.equal(p!.code, 'yaml/syntax');
    assert.match(p!.message, /The value of `notes` holds ": ", which YAML reads as another key; if it is text, put it in quotes: `notes: "we talked: a lot"`\.$/);
  });

  it('a config key typo gets "did you mean `rules`"', () => {
    const root = tempJournal({ 'p/agreement.md': AGREEMENT, '.mentoring-journal.json': '{ "rule": { "keys/unknown": "off" } }' });
    const result = runCli(['check'], root);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /\.mentoring-journal\.json: unknown key `rule`: did you mean `rules`\?/);
  });

  it('one rule for a second review on the same day, everywhere: the -2 suffix', () => {
    for (const doc of ['README.md', 'docs/review.md', 'docs/cli.md']) {
      const text = readFileSync(path.join(repo, doc), 'utf8');
      assert.match(text, /-2/, `${doc} states the -2 suffix`);
      assert.doesNotMatch(text, /replaces it\)|already exists; nothing was written|review file for that day exists/, `${doc} still says otherwise`);
    }
  });
});
