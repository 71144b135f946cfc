import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { AGREEMENT, buildCli, cleanUp, GOAL, runCli, session, tempJournal } from './cliHarness';
import { columns, displayWidth, markdownToText } from '../../src/cli/summary';

const repo = path.resolve(__dirname, '../..');

interface ReviewJson {
  today: string;
  relationships: Array<{
    id: string;
    mentor: string;
    mentee: string;
    stage: { declared: string | null; inferred: string; reasons: string[] };
    goals: Array<{ id: string; status: string; progress: number | null; daysLeft: number | null; sessions: unknown[] }>;
    cadence: { held: number; overdue: boolean };
    signals: Array<{ code: string }>;
    changes: { previous: { date: string } | null; changed: Array<{ id: string }> };
  }>;
}

/** A small journal whose figures are known: one goal at 40%, discussed on 2026-02-01, biweekly cadence. */
function smallJournal(): string {
  return tempJournal({ 'p/agreement.md': AGREEMENT, 'p/goals/write-rfc.md': GOAL, 'p/sessions/2026-02-01.md': session('2026-02-01', 'progress: {write-rfc: 40}\n') });
}

describe('CLI: review', function () {
  this.timeout(60_000);
  before(() => buildCli());
  after(cleanUp);

  it('prints the Markdown review of every relationship as of --today', () => {
    const result = runCli(['review', 'examples/journal', '--today', '2026-11-23'], repo);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^# Review of `priya-and-sam` on 2026-11-23\n/);
    assert.match(result.stdout, /^# Review of `reverse-mentoring` on 2026-11-23$/m);
    for (const section of ['## Stage', '## Goals', '## Cadence', '## Signals', '## Open actions']) assert.ok(result.stdout.includes(`\n${section}\n`), section);
  });

  it('--relationship limits the review to one relationship', () => {
    const result = runCli(['review', 'examples/journal', '--today', '2026-11-23', '--relationship', 'reverse-mentoring'], repo);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^# Review of `reverse-mentoring` on 2026-11-23\n/);
    assert.doesNotMatch(result.stdout, /priya-and-sam/);
  });

  it('an unknown relationship is a usage error with the nearest id', () => {
    const result = runCli(['review', 'examples/journal', '--relationship', 'priya-and-sem'], repo);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /no relationship 'priya-and-sem' in examples\/journal \(did you mean 'priya-and-sam'\?\)/);
  });

  it('with PATH inside a relationship, --relationship may only name that one: another is a usage error, not a review of a folder outside PATH', () => {
    for (const command of ['review', 'calendar']) {
      const outside = runCli([command, 'examples/journal/priya-and-sam', '--today', '2026-11-23', '--relationship', 'reverse-mentoring'], repo);
      assert.equal(outside.code, 2, command);
      assert.match(outside.stderr, /^mentoring-journal: examples\/journal\/priya-and-sam is in the relationship '[^']*priya-and-sam', so --relationship 'reverse-mentoring' is not in it: give the journal's folder as PATH to choose another relationship$/m);
      assert.equal(outside.stdout, '');
      const inside = runCli([command, '--today', '2026-11-23', '-r', 'reverse-mentoring'], path.join(repo, 'examples/journal/priya-and-sam/sessions'));
      assert.match(inside.stderr, /^mentoring-journal: the current folder is in the relationship '[^']*priya-and-sam', so --relationship 'reverse-mentoring' is not in it/m);
    }
    for (const named of ['priya-and-sam', '', '.']) {
      const own = runCli(['review', 'examples/journal/priya-and-sam', '--no-git', '--today', '2026-11-23', '--relationship', named], repo);
      assert.equal(own.code, 0, own.stderr);
      assert.match(own.stdout, /^# Review of `[^`]*priya-and-sam` on 2026-11-23\n/);
    }
  });

  it('--format json: per relationship, partners, stages with reasons, goals, cadence and signals', () => {
    const result = runCli(['review', '--format', 'json', '--today', '2026-02-10'], smallJournal());
    assert.equal(result.code, 0, result.stderr);
    const json = JSON.parse(result.stdout) as ReviewJson;
    assert.equal(json.today, '2026-02-10');
    assert.equal(json.relationships.length, 1);
    const [rel] = json.relationships;
    assert.equal(rel?.id, 'p');
    assert.equal(rel?.mentor, 'Priya');
    assert.equal(rel?.mentee, 'Sam');
    assert.equal(rel?.stage.declared, 'building');
    assert.equal(typeof rel?.stage.inferred, 'string');
    assert.ok(rel?.stage.reasons.length);
    assert.equal(rel?.goals.length, 1);
    assert.equal(rel?.goals[0]?.id, 'write-rfc');
    assert.equal(rel?.goals[0]?.progress, 40);
    assert.equal(rel?.goals[0]?.daysLeft, 111);
    assert.equal(rel?.goals[0]?.sessions.length, 1);
    assert.equal(rel?.cadence.held, 1);
    assert.equal(rel?.cadence.overdue, false);
    assert.equal(rel?.changes.previous, null);
  });

  it('the same journal and --today give the same output', () => {
    const root = smallJournal();
    const a = runCli(['review', '--today', '2026-03-30'], root);
    const b = runCli(['review', '--today', '2026-03-30'], root);
    assert.equal(a.stdout, b.stdout);
    assert.match(a.stdout, /cadence-overdue/);
  });

  it('bad dates, paths and extra arguments are usage or I/O errors (exit 2)', () => {
    const root = smallJournal();
    assert.equal(runCli(['review', '--today', '2026-02-30'], root).code, 2);
    assert.equal(runCli(['review', '--today', 'tomorrow'], root).code, 2);
    assert.equal(runCli(['review', '--format', 'html'], root).code, 2);
    assert.equal(runCli(['review', 'a', 'b'], root).code, 2);
    const missing = runCli(['review', 'nowhere'], root);
    assert.equal(missing.code, 2);
    assert.equal(missing.stderr, 'mentoring-journal: no such folder: nowhere\n');
    assert.equal(runCli(['review', 'p/agreement.md'], root).code, 2);
  });

  it('a folder without relationships says so; json lists none', () => {
    const root = tempJournal({ 'README.md': '# Notes\n' });
    const md = runCli(['review'], root);
    assert.equal(md.code, 0);
    assert.match(md.stdout, /^No relationships in \.: a relationship is a folder with an agreement\.md/);
    assert.deepEqual(JSON.parse(runCli(['review', '-f', 'json', '--today', '2026-01-01'], root).stdout), { today: '2026-01-01', relationships: [] });
  });

  it('notes on stderr when journal files have errors', () => {
    const root = smallJournal();
    writeFileSync(path.join(root, 'p/sessions/2026-02-15.md'), '---\ntype: session\ndate: 2026-02-31\n---\n');
    const result = runCli(['review', '--today', '2026-03-01'], root);
    assert.equal(result.code, 0);
    assert.match(result.stderr, /^note: 1 journal file has errors/);
  });

  it('with --relationship, the note counts only the reviewed relationship\'s files with errors', () => {
    const root = smallJournal();
    const crlf = (t: string) => t.replace(/\n/g, '\r\n');
    writeFileSync(path.join(root, 'p/sessions/2026-02-15.md'), '---\ntype: session\ndate: 2026-02-31\n---\n');
    // Another relationship, in flow style with CRLF and quotes, with two files in error.
    const other = path.join(root, 'ana and ben');
    mkdirSync(path.join(other, 'sessions'), { recursive: true });
    writeFileSync(path.join(other, 'agreement.md'), crlf("---\n{type: agreement, mentor: 'Ana', mentee: \"Ben\", started: 2026-01-01, ends: 2026-12-31, formality: 'loose'}\n---\n"));
    writeFileSync(path.join(other, 'sessions/2026-02-01.md'), crlf("---\n{type: session, date: '2026-02-30'}\n---\n"));
    const one = runCli(['review', '--today', '2026-03-01', '-r', 'p'], root);
    assert.equal(one.code, 0, one.stderr);
    assert.equal(one.stderr, 'note: 1 journal file has errors, so the review may leave out what cannot be read; run mentoring-journal check\n');
    const ana = runCli(['review', '--today', '2026-03-01', '-r', 'ana and ben'], root);
    assert.equal(ana.stderr, 'note: 2 journal files have errors, so the review may leave out what cannot be read; run mentoring-journal check\n');
    const all = runCli(['review', '--today', '2026-03-01'], root);
    assert.equal(all.stderr, 'note: 3 journal files have errors, so the review may leave out what cannot be read; run mentoring-journal check\n');
  });

  it('--save with --summary is a usage error, and writes nothing', () => {
    const root = smallJournal();
    const result = runCli(['review', '--save', '--summary', '--today', '2026-11-23'], root);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^mentoring-journal: --summary prints one table of all relationships and --save writes each relationship's review into its reviews\/ folder: give one of them$/m);
    assert.doesNotMatch(execFileSync('find', [root, '-name', '2026-11-23*.md'], { encoding: 'utf8' }), /reviews/);
  });

  it('--save writes a valid review file, never overwrites it (a second one that day gets -2), and the next review compares with it', () => {
    const root = tempJournal();
    cpSync(path.join(repo, 'examples/journal'), root, { recursive: true });
    const saved = runCli(['review', '--today', '2026-11-23', '--relationship', 'priya-and-sam', '--save'], root);
    assert.equal(saved.code, 0, saved.stderr);
    assert.equal(saved.stdout, 'saved priya-and-sam/reviews/2026-11-23.md\n');
    const text = readFileSync(path.join(root, 'priya-and-sam/reviews/2026-11-23.md'), 'utf8');
    assert.match(text, /^---\ntype: review\ndate: 2026-11-23\n/);
    assert.equal(runCli(['check'], root).code, 0);

    // A second review on the same day gets the -2 suffix, as in the extension; the first stays as it was.
    const again = runCli(['review', '--today', '2026-11-23', '--save', '-r', 'priya-and-sam'], root);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(again.stdout, 'saved priya-and-sam/reviews/2026-11-23-2.md\n');
    assert.equal(readFileSync(path.join(root, 'priya-and-sam/reviews/2026-11-23.md'), 'utf8'), text);
    assert.equal(runCli(['review', '--today', '2026-11-23', '--save', '-r', 'priya-and-sam'], root).stdout, 'saved priya-and-sam/reviews/2026-11-23-3.md\n');
    assert.equal(runCli(['check'], root).code, 0);

    const later = runCli(['review', '--today', '2026-12-01', '-r', 'priya-and-sam', '-f', 'json'], root);
    assert.equal((JSON.parse(later.stdout) as ReviewJson).relationships[0]?.changes.previous?.date, '2026-11-23');
    assert.match(runCli(['review', '--today', '2026-12-01', '-r', 'priya-and-sam'], root).stdout, /^## Changes since the review of 2026-11-23$/m);
  });
});

describe('CLI: review conventions (issue 12)', function () {
  this.timeout(60_000);
  after(cleanUp);

  /** The example journal, plus relationships named so that only a natural sort orders them right. */
  function journal(): string {
    const root = tempJournal();
    cpSync(path.join(repo, 'examples/journal'), root, { recursive: true });
    for (const name of ['pair-10', 'pair-2']) cpSync(path.join(repo, 'examples/journal/reverse-mentoring'), path.join(root, name), { recursive: true });
    return root;
  }

  it('finds its relationship upwards like check: run in sessions/, it reviews that relationship with its real id', () => {
    const root = journal();
    const result = runCli(['review', '--today', '2026-11-23'], path.join(root, 'priya-and-sam', 'sessions'));
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^# Review of `priya-and-sam` on 2026-11-23\n/);
    assert.doesNotMatch(result.stdout, /# Review of `(reverse-mentoring|pair-2)`/);
    const saved = runCli(['review', '--today', '2026-11-23', '--save'], path.join(root, 'priya-and-sam'));
    assert.equal(saved.stdout, 'saved reviews/2026-11-23.md\n');
    assert.match(readFileSync(path.join(root, 'priya-and-sam/reviews/2026-11-23.md'), 'utf8'), /^relationship: priya-and-sam$/m);
  });

  it('a saved review names its relationship from the top of the repository, whatever folder it is saved from; inside a relationship only it is read', () => {
    const root = tempJournal({
      'cohort/ana-and-bo/agreement.md': AGREEMENT,
      'cohort/ana-and-bo/goals/write-rfc.md': GOAL,
      'cohort/ana-and-bo/sessions/2026-02-01.md': session('2026-02-01', 'progress: {write-rfc: 40}\n'),
      'other/cy-and-di/agreement.md': AGREEMENT,
      'other/cy-and-di/sessions/2026-02-01.md': '---\ntype: session\ndate: [\n---\n',
    });
    execFileSync('git', ['init', '-q'], { cwd: root });
    const review = (cwd: string, args: string[] = []) => {
      const result = runCli(['review', '--today', '2026-11-23', '--no-git', ...args], cwd);
      assert.equal(result.code, 0, result.stderr);
      return { headings: result.stdout.split('\n').filter((l) => l.startsWith('# Review of') || l.startsWith('saved ')), stderr: result.stderr };
    };
    // Printed, ids are relative to PATH, as paths are to the current folder.
    assert.deepEqual(review(root).headings, ['# Review of `cohort/ana-and-bo` on 2026-11-23', '# Review of `other/cy-and-di` on 2026-11-23']);
    assert.deepEqual(review(path.join(root, 'cohort')), { headings: ['# Review of `ana-and-bo` on 2026-11-23'], stderr: '' });
    // Inside a relationship nothing else is read: no note about other/'s broken session.
    assert.deepEqual(review(path.join(root, 'cohort/ana-and-bo/sessions')), { headings: ['# Review of `cohort/ana-and-bo` on 2026-11-23'], stderr: '' });
    const saved = [
      review(path.join(root, 'cohort'), ['--save']),
      review(root, ['-r', 'cohort/ana-and-bo', '--save']),
      review(path.join(root, 'cohort/ana-and-bo'), ['--save']),
    ].map((r) => r.headings);
    assert.deepEqual(saved, [['saved ana-and-bo/reviews/2026-11-23.md'], ['saved cohort/ana-and-bo/reviews/2026-11-23-2.md'], ['saved reviews/2026-11-23-3.md']]);
    for (const name of ['2026-11-23', '2026-11-23-2', '2026-11-23-3']) {
      const text = readFileSync(path.join(root, `cohort/ana-and-bo/reviews/${name}.md`), 'utf8');
      assert.match(text, /^relationship: cohort\/ana-and-bo$/m, name);
      assert.match(text, /^# Review of `cohort\/ana-and-bo` on 2026-11-23$/m, name);
    }
    // The calendar's UIDs are the same from any of the three folders.
    const uids = (cwd: string) => runCli(['calendar', '--today', '2026-11-23', '-r', 'ana-and-bo'], cwd).stdout.split('\r\n').filter((l) => l.startsWith('UID:'));
    const fromTop = uids(root);
    assert.ok(fromTop.length > 0);
    assert.deepEqual(uids(path.join(root, 'cohort')), fromTop);
    assert.deepEqual(uids(path.join(root, 'cohort/ana-and-bo')), fromTop);
  });

  it('--summary prints one table of all relationships, sorted naturally (pair-2 before pair-10)', () => {
    const result = runCli(['review', '--summary', '--today', '2026-11-23'], journal());
    const rows = result.stdout.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| ---'));
    assert.equal(rows[0], '| Relationship | Declared stage | Inferred stage | Next session | Active goals | Achieved goals | Signals |');
    assert.deepEqual(rows.slice(1).map((r) => r.split(' | ')[0]!.slice(2)), ['pair-2', 'pair-10', 'priya-and-sam', 'reverse-mentoring']);
    assert.equal(rows[3], '| priya-and-sam | building | building | 2026-12-02 | 1 | 1 | none |');
    assert.match(rows[4]!, /^\| reverse-mentoring \| mastery \| mastery \| 2026-12-09 \| 1 \| 2 \| 1 warning \|$/);
    const text = runCli(['review', '--summary', '-f', 'text', '--today', '2026-11-23'], journal()).stdout;
    assert.match(text, /^priya-and-sam {6}building {8}building {8}2026-12-02 {4}1 {13}1 {15}none$/m);
  });

  it('--summary says a next session whose day has passed is overdue, as the review and the calendar do', () => {
    const root = tempJournal({ 'p/agreement.md': AGREEMENT, 'p/sessions/2026-02-03.md': session('2026-02-03', 'next: 2026-02-17\n'), 'q/agreement.md': AGREEMENT, 'q/sessions/2026-02-03.md': session('2026-02-03') });
    const cells = (today: string) => runCli(['review', '--summary', '--today', today], root).stdout.split('\n').filter((l) => /^\| [pq] \|/.test(l)).map((l) => l.split(' | ')[3]);
    assert.deepEqual(cells('2026-02-16'), ['2026-02-17', '2026-02-17 (by cadence)']);
    // Past the grace days (2), overdue.
    assert.deepEqual(cells('2026-02-20'), ['overdue since 2026-02-17', 'overdue since 2026-02-17 (by cadence)']);
  });

  it('--summary shows a folder\'s name as written: Markdown in it escaped, a line break in it a space', () => {
    const root = tempJournal({ '[link](x)/agreement.md': AGREEMENT, '*bold* <b>/agreement.md': AGREEMENT, 'two\nlines/agreement.md': AGREEMENT, '_draft_ ~~old~~ a&lt;b/agreement.md': AGREEMENT, 'www.example.org/agreement.md': AGREEMENT });
    const rows = runCli(['review', '--summary', '--today', '2026-11-23'], root).stdout.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| ---'));
    assert.deepEqual(rows.slice(1).map((r) => r.split(' | ')[0]!.slice(2)).sort(), ['\\*bold\\* \\<b\\>', '\\[link\\](x)', 'two lines', '\\_draft\\_ \\~\\~old\\~\\~ a\\&lt;b', 'www\\.example.org'].sort());
  });

  it('--fail-on exits 1 when a signal of that severity (or above) is raised, for a scheduled CI job', () => {
    const root = journal();
    assert.equal(runCli(['review', '-r', 'priya-and-sam', '--today', '2026-11-23', '--fail-on', 'warning'], root).code, 0);
    const failing = runCli(['review', '-r', 'reverse-mentoring', '--today', '2026-11-23', '--fail-on', 'warning'], root);
    assert.equal(failing.code, 1);
    assert.match(failing.stderr, /^mentoring-journal: 1 signal of severity warning or above \(reverse-mentoring: [a-z-]+\)$/m);
    assert.equal(runCli(['review', '-r', 'reverse-mentoring', '--today', '2026-11-23', '--fail-on', 'error'], root).code, 0);
    assert.equal(runCli(['review', '--fail-on', 'info'], root).code, 2);
  });

  it('--format text prints plain terminal text: no Markdown marks or escapes', () => {
    const text = runCli(['review', '-r', 'priya-and-sam', '--today', '2026-11-23', '-f', 'text'], journal()).stdout;
    assert.match(text, /^Review of priya-and-sam on 2026-11-23\n=+\n/);
    assert.match(text, /^- Declared in the agreement: building$/m);
    assert.match(text, /^Review other engineers' design documents \(review-others-designs\) +mentee +proposed/m);
    assert.doesNotMatch(text, /[`|\\]|\*\*|^#/m);
  });

  it('says when sessions dated after today were left out', () => {
    const result = runCli(['review', '-r', 'priya-and-sam', '--today', '2026-11-10'], journal());
    assert.match(result.stdout, /^> Note: 1 session dated after today was left out of this review: `priya-and-sam\/sessions\/2026-11-18\.md`\.$/m);
    assert.doesNotMatch(runCli(['review', '-r', 'priya-and-sam', '--today', '2026-11-23'], journal()).stdout, /dated after today/);
    // One whose YAML is broken below its date is named once, in the note on the files that could not be read.
    const root = journal();
    writeFileSync(path.join(root, 'priya-and-sam/sessions/2026-11-18.md'), '---\ntype: session\ndate: 2026-11-18\ngoals: [a]]\n---\n');
    const broken = runCli(['review', '-r', 'priya-and-sam', '--today', '2026-11-10'], root).stdout;
    assert.doesNotMatch(broken, /dated after today/);
    assert.match(broken, /^> Note: This session file is in none of this review's counts, because its front matter or date could not be read: `priya-and-sam\/sessions\/2026-11-18\.md`\./m);
  });
});

describe('a relationship below a dot folder or an excluded one', () => {
  after(cleanUp);

  it('is read when named, or from inside it, by review, actions and calendar, as check reads it (and below a folder .gitignore leaves out)', () => {
    const files = (folder: string) => ({
      [`${folder}/ana-and-bo/agreement.md`]: AGREEMENT,
      [`${folder}/ana-and-bo/goals/write-rfc.md`]: GOAL,
      [`${folder}/ana-and-bo/sessions/2026-02-03.md`]: session('2026-02-03', '').replace('## Notes', '- [ ] @sam send the draft (due 2026-02-10)'),
    });
    for (const folder of ['.journal', 'node_modules/pairs', 'gone']) {
      // (`gone/` is what .gitignore leaves out.)
      const root = tempJournal({ ...files(folder), '.gitignore': 'gone/\n' });
      const inside = path.join(root, folder, 'ana-and-bo/sessions');
      const named = `${folder}/ana-and-bo`;
      for (const [args, cwd] of [[['actions', '--today', '2026-02-05'], inside], [['actions', named, '--today', '2026-02-05'], root]] as const) {
        const result = runCli([...args], cwd);
        assert.equal(result.code, 0, `${folder}: ${args.join(' ')}`);
        assert.match(result.stdout, /^1 open action on 2026-02-05:/, `${folder}: ${args.join(' ')}`);
      }
      const review = runCli(['review', named, '--summary', '--today', '2026-02-05'], root);
      assert.match(review.stdout, /^\| ana-and-bo \| building \|/m, folder);
      assert.match(runCli(['calendar', '--today', '2026-02-05'], inside).stdout, /SUMMARY:Action due: @sam send the draft/, folder);
      // From the top, the folder is still left out, as for check.
      assert.match(runCli(['review', '--summary', '--today', '2026-02-05'], root).stdout, /^No relationships in \./m, folder);
    }
  });
});

describe('text columns in a terminal', () => {
  it('pads by the columns a terminal gives each character: two for CJK and full-width, none for combining marks', () => {
    assert.deepEqual(['abc', '日本語', 'Zoe\u0308', '🙂', 'ｆｕｌｌ'].map(displayWidth), [3, 6, 3, 2, 8]);
    // Emoji of the first plane, sequences that draw as one emoji, and Hangul written as jamo (NFD).
    assert.deepEqual(['✅ ⭐ ☕ ⏰', '❤️', '👩\u200d💻', '👍🏽', '🇯🇵', '민수'.normalize('NFD'), '1️⃣'].map(displayWidth), [11, 2, 2, 2, 2, 4, 2]);
    const text = columns([['Goal', 'Owner'], ['日本語のタイトル (cjk)', 'mentee'], ['Zoë (a-b)', 'mentor']]);
    const at = text.split('\n').slice(0, 3).map((line) => displayWidth(line.slice(0, line.lastIndexOf(' ') + 1)));
    assert.deepEqual(at, [24, 24, 24], text);
    assert.equal(markdownToText('# 日本語\n'), '日本語\n======\n');
  });

  it('keeps no Markdown mark in plain text: a quoted note is a plain line', () => {
    assert.equal(markdownToText('> Note: 1 session dated after today was left out of this review: `p/sessions/2026-12-05.md`.\n'), 'Note: 1 session dated after today was left out of this review: p/sessions/2026-12-05.md.\n');
  });
});
