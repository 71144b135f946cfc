import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { JournalIndex, MemoryFileSystem } from '../../src/core';
import { addMonths, scaffoldProblem, scaffoldRelationship, suggestFolderName } from '../../src/core/scaffold';
import { yamlScalar } from '../../src/core/yamlWrite';
import { buildCli, cleanUp, runCli, tempJournal } from './cliHarness';

async function indexOf(files: Record<string, string>) {
  const index = new JournalIndex(new MemoryFileSystem(files));
  await index.build();
  return index;
}

function scaffoldAt(folder: string, options: Parameters<typeof scaffoldRelationship>[0]): Record<string, string> {
  return Object.fromEntries(scaffoldRelationship(options).map((f) => [`${folder}/${f.path}`, f.content]));
}

describe('scaffold', () => {
  it('writes an agreement that passes every check, with goals/ and sessions/ kept by .gitkeep', async () => {
    const files = scaffoldRelationship({ mentor: 'Priya Raman', mentee: 'Sam Okafor', started: '2026-11-23' });
    assert.deepEqual(files.map((f) => f.path), ['agreement.md', 'goals/.gitkeep', 'sessions/.gitkeep']);
    const index = await indexOf(scaffoldAt('priya-and-sam', { mentor: 'Priya Raman', mentee: 'Sam Okafor', started: '2026-11-23' }));
    assert.deepEqual([...index.allProblems()], []);
    const [rel] = index.relationships();
    assert.equal(rel?.id, 'priya-and-sam');
    assert.deepEqual(rel?.agreement?.mentors, [{ name: 'Priya Raman' }]);
    assert.deepEqual(rel?.agreement?.mentees, [{ name: 'Sam Okafor' }]);
    assert.equal(rel?.agreement?.stage, 'creating');
    assert.equal(rel?.agreement?.started, '2026-11-23');
    assert.equal(rel?.agreement?.ends, '2027-05-23');
    assert.equal(rel?.agreement?.cadence?.label, 'biweekly');
  });

  it('keeps names with YAML-special characters exactly as given', async () => {
    const names = ["Sam O'Neil: Jr", 'true', '#1 fan', 'Zoë "Z" Ångström', '2024', '- dash', 'Ada, Countess'];
    for (const mentee of names) {
      const index = await indexOf(scaffoldAt('r', { mentor: 'Priya', mentee, started: '2026-01-01', ends: '2026-12-31', cadence: 'P10D' }));
      assert.deepEqual([...index.allProblems()], [], mentee);
      assert.equal(index.relationships()[0]?.agreement?.mentees[0]?.name, mentee, mentee);
    }
  });

  it('explains options that cannot make a valid agreement, and refuses to scaffold them', () => {
    const base = { mentor: 'A', mentee: 'B', started: '2026-01-01' };
    assert.equal(scaffoldProblem(base), undefined);
    assert.match(scaffoldProblem({ ...base, mentor: ' ' }) ?? '', /mentor needs a name/);
    assert.match(scaffoldProblem({ ...base, started: '2026-02-30' }) ?? '', /start date/);
    assert.match(scaffoldProblem({ ...base, ends: '2025-12-31' }) ?? '', /must be after the start date/);
    assert.match(scaffoldProblem({ ...base, cadence: 'sometimes' }) ?? '', /cadence/);
    assert.throws(() => scaffoldRelationship({ ...base, ends: '2026-01-01' }), /must be after/);
    // The default end, six months on, must be a day a date can name (found on 9999-12-31: `ends: 10000-06-30`, which check refuses).
    assert.equal(scaffoldProblem({ ...base, started: '9999-12-31' }), 'Six months after the start date (9999-12-31), the default end date, is past 9999-12-31: give an end date.');
    assert.equal(scaffoldProblem({ ...base, started: '9999-06-30' }), undefined);
    assert.equal(scaffoldProblem({ ...base, started: '9999-07-01', ends: '9999-12-31' }), undefined);
  });

  it('adds months clamped to the month end, and suggests a folder name from first names', () => {
    assert.equal(addMonths('2026-08-31', 6), '2027-02-28');
    assert.equal(addMonths('2027-08-31', 6), '2028-02-29');
    assert.equal(addMonths('2026-01-15', 12), '2027-01-15');
    assert.equal(suggestFolderName('Priya Raman', 'Sam Okafor'), 'priya-and-sam');
    assert.equal(suggestFolderName('Zoë', '  Élodie Martin'), 'zoe-and-elodie');
    assert.equal(suggestFolderName('Øyvind Ås', 'Łukasz'), 'oyvind-and-lukasz', 'Latin letters with no accent to drop are written as ASCII writes them');
    assert.equal(suggestFolderName('Ægir', 'Þóra'), 'aegir-and-thora');
    assert.equal(suggestFolderName('Ħanna Borg', 'Ŋora'), 'hanna-and-ngora');
    assert.equal(suggestFolderName('Ŧove', 'ŀlum'), 'tove-and-llum', 'Catalan l·l is ll, as in goal ids');
    assert.equal(suggestFolderName('李明', 'Sam'), '李明-and-sam');
    assert.equal(suggestFolderName('Иван Петров', 'Ольга Смирнова'), 'иван-and-ольга');
    assert.equal(suggestFolderName('Йоханна', 'Ёжик'), 'йоханна-and-ёжик', 'й and ё are letters of their own, not и and е with an accent');
    assert.equal(suggestFolderName('Σοφία', 'Dmitrij'), 'σοφία-and-dmitrij');
    assert.equal(suggestFolderName('Nguyễn', 'プリヤ'), 'nguyen-and-プリヤ');
    assert.equal(suggestFolderName('प्रिया', '김민준'), 'प्रिया-and-김민준', 'marks other than Latin accents are part of the letter');
    assert.equal(suggestFolderName('O\'Neil', '!!'), 'o-neil-and-someone');
    assert.equal(yamlScalar('Priya Raman'), 'Priya Raman');
    assert.equal(yamlScalar('no'), '"no"');
  });
});

describe('CLI: init', function () {
  this.timeout(60_000);
  before(() => buildCli());
  after(cleanUp);

  it('creates the relationship, prints what it wrote, and the result passes check', () => {
    const root = tempJournal();
    const result = runCli(['init', '--mentor', 'Priya Raman', '--mentee', 'Sam Okafor', '--started', '2026-11-23', '--cadence', 'monthly', '--ends', '2027-11-22'], root);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^created priya-and-sam\/agreement\.md\ncreated priya-and-sam\/goals\/\.gitkeep\ncreated priya-and-sam\/sessions\/\.gitkeep\n/);
    const agreement = readFileSync(path.join(root, 'priya-and-sam/agreement.md'), 'utf8');
    assert.match(agreement, /^cadence: monthly$/m);
    assert.match(agreement, /^ends: 2027-11-22$/m);
    assert.equal(runCli(['check'], root).code, 0);
  });

  it('without a folder, names it after the first names in any script, with -2 when that folder is taken', () => {
    const root = tempJournal();
    const first = runCli(['init', '--mentor', '李明', '--mentee', '王芳', '--started', '2026-12-01'], root);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /^created 李明-and-王芳\/agreement\.md$/m);
    const second = runCli(['init', '--mentor', '李明', '--mentee', '王芳 Wang', '--started', '2026-12-01'], root);
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stdout, /^created 李明-and-王芳-2\/agreement\.md$/m);
    assert.match(readFileSync(path.join(root, '李明-and-王芳-2/agreement.md'), 'utf8'), /^mentee: 王芳 Wang$/m);
    assert.match(readFileSync(path.join(root, '李明-and-王芳/agreement.md'), 'utf8'), /^mentee: 王芳$/m, 'the first is untouched');
    assert.equal(runCli(['check'], root).code, 0);
  });

  it('takes a folder and defaults the start to today', () => {
    const root = tempJournal();
    const result = runCli(['init', 'pairs/ada', '--mentor=Ada', '--mentee=Grace'], root);
    assert.equal(result.code, 0, result.stderr);
    const agreement = readFileSync(path.join(root, 'pairs/ada/agreement.md'), 'utf8');
    assert.match(agreement, /^started: \d{4}-\d{2}-\d{2}$/m);
    assert.equal(runCli(['check', 'pairs'], root).code, 0);
  });

  it('says so when DIR is below a folder the readers leave out (a dot folder, an excluded one), and not otherwise', () => {
    const root = tempJournal();
    for (const [dir, below] of [['.private/ada', '.private'], ['node_modules/x/ada', 'node_modules']] as const) {
      const result = runCli(['init', dir, '--mentor=Ada', '--mentee=Grace', '--started', '2026-11-23'], root);
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stderr, new RegExp(`^note: ${dir.replace('.', '\\.')} is below ${below.replace('.', '\\.')}, a folder the journal's readers leave out .*\\(mentoring-journal review ${dir.replace('.', '\\.')}\\) or run inside it`, 'm'));
      assert.equal(runCli(['review', dir, '--today', '2026-11-23'], root).code, 0);
    }
    assert.equal(runCli(['init', 'pairs/ada', '--mentor=Ada', '--mentee=Grace'], root).stderr, '');
  });

  it('never overwrites: an existing file stops it before anything is written (exit 1)', () => {
    const root = tempJournal();
    mkdirSync(path.join(root, 'p/sessions'), { recursive: true });
    writeFileSync(path.join(root, 'p/sessions/.gitkeep'), 'mine');
    const result = runCli(['init', 'p', '--mentor', 'A', '--mentee', 'B'], root);
    assert.equal(result.code, 1);
    assert.equal(result.stderr, 'mentoring-journal: p/sessions/.gitkeep already exists; init never overwrites a file, so nothing was written.\n');
    assert.equal(readFileSync(path.join(root, 'p/sessions/.gitkeep'), 'utf8'), 'mine');
    assert.equal(existsSync(path.join(root, 'p/agreement.md')), false);
    assert.equal(existsSync(path.join(root, 'p/goals')), false);

    writeFileSync(path.join(root, 'p/agreement.md'), 'keep me');
    assert.equal(runCli(['init', 'p', '--mentor', 'A', '--mentee', 'B'], root).code, 1);
    assert.equal(readFileSync(path.join(root, 'p/agreement.md'), 'utf8'), 'keep me');
  });

  it('refuses to make a relationship inside another, from a folder in it or with a DIR in it, writing nothing (exit 2)', () => {
    const root = tempJournal();
    assert.equal(runCli(['init', '--mentor', 'Priya Raman', '--mentee', 'Sam Okafor'], root).code, 0);
    const inside = runCli(['init', '--mentor', 'Lee Park', '--mentee', 'Noor Ali'], path.join(root, 'priya-and-sam/sessions'));
    assert.equal(inside.code, 2);
    assert.equal(inside.stderr, "mentoring-journal: lee-and-noor would be inside the relationship .. (it has an agreement.md), and a relationship cannot hold another: run init in the journal's root folder, or give a DIR outside ..\nRun 'mentoring-journal init --help' for usage.\n");
    assert.equal(existsSync(path.join(root, 'priya-and-sam/sessions/lee-and-noor')), false);
    const dir = runCli(['init', 'priya-and-sam/goals/x', '--mentor', 'Lee Park', '--mentee', 'Noor Ali'], root);
    assert.equal(dir.code, 2);
    assert.match(dir.stderr, /^mentoring-journal: priya-and-sam\/goals\/x would be inside the relationship priya-and-sam /);
    // Nor around one: `init .` in the journal's root would hold priya-and-sam.
    const around = runCli(['init', '.', '--mentor', 'Cy Park', '--mentee', 'Di Lo'], root);
    assert.equal(around.code, 2);
    assert.equal(around.stderr, "mentoring-journal: . holds the relationship priya-and-sam already, and a relationship cannot hold another: give init a new folder (DIR), or leave DIR out to name one after the partners\nRun 'mentoring-journal init --help' for usage.\n");
    assert.equal(existsSync(path.join(root, 'agreement.md')), false);
    // Beside it, at the root or with a DIR outside it, is fine.
    assert.equal(runCli(['init', '../../lee', '--mentor', 'Lee Park', '--mentee', 'Noor Ali'], path.join(root, 'priya-and-sam/sessions')).code, 0);
    assert.ok(existsSync(path.join(root, 'lee/agreement.md')));
  });

  it('needs both names; bad dates and cadences are usage errors (exit 2)', () => {
    const root = tempJournal();
    const missing = runCli(['init', '--mentor', 'A'], root);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /init needs --mentee NAME/);
    assert.equal(runCli(['init', '--mentor', 'A', '--mentee', 'B', '--ends', '2026-13-01'], root).code, 2);
    assert.equal(runCli(['init', '--mentor', 'A', '--mentee', 'B', '--cadence', 'often'], root).code, 2);
    assert.equal(runCli(['init', 'a', 'b', '--mentor', 'A', '--mentee', 'B'], root).code, 2);
    assert.equal(existsSync(path.join(root, 'a-and-b')), false);
  });
});
