// check follows the conventions of eslint and markdownlint-cli2 (issue 12): --fix, --quiet, globs,
// .gitignore and `ignores`, a comment that turns a rule off, SARIF, --output-file, --stdin.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { localToday } from '../../src/core/dates';
import { AGREEMENT, buildCli, cleanUp, GOAL, runCli, tempJournal } from './cliHarness';

const repo = path.resolve(__dirname, '../..');

// Hand-written, in the styles docs/format.md allows: CRLF, comments, quoted and flow values, block scalars.
const SESSION_CRLF = ['---', 'type: session # first one', "date: '2026-02-03'", 'attendees: ["Ana", Tomás]', 'goals: [write-rfc]', 'progress: {write-rfc: 40}', 'duration: 45 # minutes', '---', '', 'Notes.', ''].join('\r\n');
// Newcomer mistakes, each with one safe fix: no `type`, a misspelt key, no `date` (the file name has it).
const SESSION_NEWCOMER = ['---', 'atendees: [Ana, Tomás]   # both there', 'status: held', 'goals: ["write-rfc"]', '---', '', '## Notes', ''].join('\r\n');

function journal(extra: Record<string, string> = {}): string {
  return tempJournal({ 'p/agreement.md': AGREEMENT, 'p/goals/write-rfc.md': GOAL, 'p/sessions/2026-02-03.md': SESSION_CRLF, ...extra });
}

describe('CLI: check conventions', function () {
  this.timeout(120_000);
  after(cleanUp);

  it('--fix applies only the one-outcome fixes, byte for byte elsewhere, prints them, and leaves broken YAML alone', () => {
    const broken = '---\ntype: session\ndate: 2026-02-24\nstatus: done\ngoals: [write-rfc\n---\n';
    const root = journal({ 'p/sessions/2026-02-10.md': SESSION_NEWCOMER, 'p/sessions/2026-02-17.md': 'Only notes, no front matter.\n', 'p/sessions/2026-02-24.md': broken, 'p/sessions/2026-03-03.md': '---\ntype: session\ndate: 2026-03-03\nstatus: done\n---\n' });
    const result = runCli(['check', '--fix'], root);
    assert.equal(
      readFileSync(path.join(root, 'p/sessions/2026-02-10.md'), 'utf8'),
      ['---', 'type: session', 'date: 2026-02-10', 'attendees: [Ana, Tomás]   # both there', 'status: held', 'goals: ["write-rfc"]', '---', '', '## Notes', ''].join('\r\n'),
    );
    assert.equal(readFileSync(path.join(root, 'p/sessions/2026-02-17.md'), 'utf8'), '---\ntype: session\ndate: 2026-02-17\n---\n\nOnly notes, no front matter.\n');
    assert.equal(readFileSync(path.join(root, 'p/sessions/2026-02-24.md'), 'utf8'), broken, 'a file whose YAML does not parse is never touched');
    // `status: done` has several possible values: the user chooses, --fix does not.
    assert.match(readFileSync(path.join(root, 'p/sessions/2026-03-03.md'), 'utf8'), /status: done/);
    assert.match(result.stderr, /^fixed p\/sessions\/2026-02-10\.md: renamed `atendees` to `attendees`; added `type: session`; added `date: 2026-02-10` from the file name$/m);
    assert.match(result.stderr, /^fixed p\/sessions\/2026-02-17\.md: added `type: session`; added `date: 2026-02-17` from the file name$/m);
    assert.doesNotMatch(result.stderr, /fixed p\/sessions\/2026-0(2-24|3-03)/);
    assert.deepEqual(result.stdout.trim().split('\n').map((l) => l.split(' ').slice(0, 3).join(' ')), ['p/sessions/2026-02-24.md:5:8 error yaml/syntax', 'p/sessions/2026-03-03.md:4:9 error schema/invalid-enum']);
    assert.equal(result.code, 1);
    assert.equal(runCli(['check', '--fix'], root).stderr.includes('fixed'), false, 'a second --fix has nothing left to do');
  });

  it('--fix puts right front matter written almost right, rather than adding a second one above it', () => {
    const directive = '%YAML 1.2\n---\ntype: session\ndate: 2026-02-23\n---\n';
    const root = journal({
      'p/sessions/2026-02-16.md': '\uFEFF ---\r\ntype: session # first\r\n---\r\nNotes.\r\n',
      'p/sessions/2026-02-17.md': '\n----\ntype: session\ndate: 2026-02-17\n----\n\n## Notes\n',
      'p/sessions/2026-02-23.md': directive,
      'p/sessions/2026-02-24.md': '---\n---\ngoals: [write-rfc]\n---\n',
    });
    const result = runCli(['check', '--fix'], root);
    const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
    assert.equal(read('p/sessions/2026-02-16.md'), '\uFEFF---\r\ntype: session # first\r\ndate: 2026-02-16\r\n---\r\nNotes.\r\n');
    assert.equal(read('p/sessions/2026-02-17.md'), '---\ntype: session\ndate: 2026-02-17\n---\n\n## Notes\n');
    assert.equal(read('p/sessions/2026-02-23.md'), directive, 'a directive is the person\'s to remove');
    assert.equal(read('p/sessions/2026-02-24.md'), '---\ntype: session\ndate: 2026-02-24\ngoals: [write-rfc]\n---\n', 'the keys written are the front matter; none is added above them');
    assert.match(result.stderr, /^fixed p\/sessions\/2026-02-24\.md: removed the `---` that closed the front matter before its keys; added `type: session`; added `date: 2026-02-24` from the file name$/m);
    assert.match(result.stderr, /^fixed p\/sessions\/2026-02-16\.md: put the front matter's `---` lines right; added `date: 2026-02-16` from the file name$/m);
    assert.match(result.stderr, /^fixed p\/sessions\/2026-02-17\.md: put the front matter's `---` lines right$/m);
    assert.match(result.stdout, /^p\/sessions\/2026-02-23\.md:1:1 error frontmatter\/missing The front matter is not read: it must start with `---`/m);
    assert.equal(result.code, 1);
  });

  it('--fix does not rename a key whose value the key it looks like does not take, and the message says what that key takes', () => {
    const text = '---\ntype: session\ndate: 2026-02-16\natendees: Ana Lopes\ngoal: write-rfc\nprogres: 40\nnxt: next week\nduraton: 1h\n---\n';
    const root = journal({ 'p/sessions/2026-02-16.md': text });
    const result = runCli(['check', '--fix'], root);
    assert.equal(readFileSync(path.join(root, 'p/sessions/2026-02-16.md'), 'utf8'), text);
    assert.doesNotMatch(result.stderr, /fixed/);
    assert.equal(result.code, 0, 'warnings only, as before');
    assert.match(result.stdout, /^p\/sessions\/2026-02-16\.md:6:1 warning keys\/unknown Unknown key `progres`: did you mean `progress`\? It takes a map of goal id to 0-100, which this value is not: write the value that way too\.$/m);
    assert.equal(result.stdout.trim().split('\n').length, 5);
  });

  it('--fix does not rename a key into `id`, `goals`, `progress` or `closure`, whose value other files depend on or that ends the partnership', () => {
    const goalText = '---\ntype: goal\nidd: other-goal\ntitle: Write an RFC\nstatus: active\n---\n';
    const sessionText = '---\ntype: session\ndate: 2026-02-16\ngoals: [write-rfc]\nprogres: {nope: 40}\n---\n';
    const root = journal({ 'p/goals/write-rfc.md': goalText, 'p/sessions/2026-02-16.md': sessionText });
    const before = runCli(['check'], root);
    const result = runCli(['check', '--fix'], root);
    assert.equal(readFileSync(path.join(root, 'p/goals/write-rfc.md'), 'utf8'), goalText);
    assert.equal(readFileSync(path.join(root, 'p/sessions/2026-02-16.md'), 'utf8'), sessionText);
    assert.doesNotMatch(result.stderr, /^fixed/m);
    // Said, so that the writer knows the suggestion is theirs to take.
    assert.match(result.stderr, /^not fixed p\/goals\/write-rfc\.md: `idd` not renamed to `id`: /m);
    assert.match(result.stderr, /^not fixed p\/sessions\/2026-02-16\.md: `progres` not renamed to `progress`: /m);
    assert.equal(result.code, before.code);
    assert.match(result.stdout, /Unknown key `idd`: did you mean `id`\?/);
  });

  it('--fix renames the key a session wrote its date under, rather than adding `date` from the file name', () => {
    const root = journal({ 'p/sessions/2026-02-16.md': '---\ntype: session\nwhen: 2026-02-17 # moved a day\n---\n' });
    const result = runCli(['check', '--fix'], root);
    assert.equal(readFileSync(path.join(root, 'p/sessions/2026-02-16.md'), 'utf8'), '---\ntype: session\ndate: 2026-02-17 # moved a day\n---\n');
    assert.match(result.stderr, /^fixed p\/sessions\/2026-02-16\.md: renamed `when` to `date`$/m);
    assert.equal(result.code, 0, result.stdout);
  });

  it('--fix adds no `date` from the file name beside a key that holds a date which is no day (`when: 2026-02-30`): which day is meant is the writer\'s to say', () => {
    const text = '---\ntype: session\nwhen: 2026-02-30\n---\n';
    // A misspelt `date` holding no day is the same: the writer's date, misspelt.
    const misspelt = '---\ntype: session\nDat: 2026-02-30\n---\n';
    const root = journal({ 'p/sessions/2026-02-16.md': text, 'p/sessions/2026-02-17.md': misspelt });
    const result = runCli(['check', '--fix'], root);
    assert.equal(readFileSync(path.join(root, 'p/sessions/2026-02-16.md'), 'utf8'), text);
    assert.equal(readFileSync(path.join(root, 'p/sessions/2026-02-17.md'), 'utf8'), misspelt);
    assert.doesNotMatch(result.stderr, /^fixed/m);
    assert.match(result.stdout, /^p\/sessions\/2026-02-16\.md:3:1 warning keys\/unknown Unknown key `when`: it holds a date, and the required `date` is missing; if this is that date, rename `when` to `date`\. It takes a date, and `2026-02-30` is not a day in the calendar: write the day meant\.$/m);
    assert.match(result.stdout, /^p\/sessions\/2026-02-16\.md:1:1 error schema\/missing-key Missing required key `date`: expected a date YYYY-MM-DD\. `when` holds a date: if it is this one, rename it to `date`\.$/m);
    assert.equal(result.code, 1);
  });

  it('--fix makes its fixes beside a YAML warning about a value (`yaml/item-in-text`), and adds the opening `---` left out before the keys', () => {
    const root = journal({
      'p/sessions/2026-02-01.md': '---\ndate: 2026-02-01\nattendees:\n  - A B\n   - C D\n---\n',
      'p/sessions/2026-02-08.md': 'type: session\ndate: 2026-02-08\nstatus: missed\n---\n\nIll.\n',
    });
    const result = runCli(['check', '--fix'], root);
    assert.match(result.stderr, /^fixed p\/sessions\/2026-02-01\.md: added `type: session`$/m);
    assert.equal(readFileSync(path.join(root, 'p/sessions/2026-02-01.md'), 'utf8'), '---\ntype: session\ndate: 2026-02-01\nattendees:\n  - A B\n   - C D\n---\n');
    assert.match(result.stdout, /^p\/sessions\/2026-02-01\.md:6:4 warning yaml\/item-in-text /m);
    assert.match(result.stderr, /^fixed p\/sessions\/2026-02-08\.md: put the front matter's `---` lines right$/m);
    assert.equal(readFileSync(path.join(root, 'p/sessions/2026-02-08.md'), 'utf8'), '---\ntype: session\ndate: 2026-02-08\nstatus: missed\n---\n\nIll.\n');
    // Nor a file without front matter whose lines hold keys a journal file knows in a way no rule reads: a front matter added above would make them body text.
    const keys = journal({ 'p/sessions/2026-02-15.md': 'Some words first\ntype: session\ndate: 2026-02-15\nstatus: missed\n---\n' });
    assert.doesNotMatch(runCli(['check', '--fix'], keys).stderr, /^fixed/m);
    assert.equal(readFileSync(path.join(keys, 'p/sessions/2026-02-15.md'), 'utf8'), 'Some words first\ntype: session\ndate: 2026-02-15\nstatus: missed\n---\n');
    // Not a file whose YAML does not parse.
    const broken = journal({ 'p/sessions/2026-02-01.md': '---\ndate: [2026-02-01\n---\n' });
    assert.doesNotMatch(runCli(['check', '--fix'], broken).stderr, /^fixed/m);
  });

  it('--fix keeps a UTF-8 byte order mark, and renames a misspelt `type` rather than adding another', () => {
    const root = journal({
      'p/sessions/2026-02-16.md': '\uFEFF---\ndate: 2026-02-16\n---\nNotes.\n',
      'p/sessions/2026-02-23.md': '\uFEFF---\r\ntpye: session   # typo\r\ndate: 2026-02-23\r\n---\r\n',
      'p/sessions/2026-03-02.md': '---\nTyp: session\ndaet: 2026-03-02\n---\n',
    });
    const result = runCli(['check', '--fix'], root);
    const bytes = (file: string) => readFileSync(path.join(root, file));
    assert.deepEqual([...bytes('p/sessions/2026-02-16.md').subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the mark is kept');
    assert.equal(bytes('p/sessions/2026-02-16.md').toString('utf8'), '\uFEFF---\ntype: session\ndate: 2026-02-16\n---\nNotes.\n');
    assert.equal(bytes('p/sessions/2026-02-23.md').toString('utf8'), '\uFEFF---\r\ntype: session   # typo\r\ndate: 2026-02-23\r\n---\r\n');
    assert.equal(bytes('p/sessions/2026-03-02.md').toString('utf8'), '---\ntype: session\ndate: 2026-03-02\n---\n');
    assert.match(result.stderr, /^fixed p\/sessions\/2026-02-23\.md: renamed `tpye` to `type`$/m);
    assert.match(result.stderr, /^fixed p\/sessions\/2026-03-02\.md: renamed `Typ` to `type`; renamed `daet` to `date`$/m);
    assert.equal(result.stdout, '');
    assert.equal(result.code, 0);
  });

  it('--fix puts right a closing line written almost right, with or without a `---` further down, and leaves one with text after it', () => {
    const session = (date: string, close: string, later: string) => `---\ntype: session\ndate: ${date}\nstatus: missed\n${close}\n\nWe could not meet.\n${later}`;
    const root = journal({
      'p/sessions/2026-11-10.md': session('2026-11-10', '----', ''),
      'p/sessions/2026-11-11.md': session('2026-11-11', '--- # moved', '\n---\n\nMore.\n'),
      'p/sessions/2026-11-12.md': session('2026-11-12', '--- end', ''),
    });
    const result = runCli(['check', '--fix'], root);
    assert.equal(readFileSync(path.join(root, 'p/sessions/2026-11-10.md'), 'utf8'), session('2026-11-10', '---', ''));
    assert.equal(readFileSync(path.join(root, 'p/sessions/2026-11-11.md'), 'utf8'), session('2026-11-11', '# moved\n---', '\n---\n\nMore.\n'));
    assert.equal(readFileSync(path.join(root, 'p/sessions/2026-11-12.md'), 'utf8'), session('2026-11-12', '--- end', ''));
    assert.match(result.stderr, /^fixed p\/sessions\/2026-11-10\.md: put the line that closes the front matter right$/m);
    assert.match(result.stderr, /^fixed p\/sessions\/2026-11-11\.md: put the line that closes the front matter right$/m);
    assert.match(result.stdout, /^p\/sessions\/2026-11-12\.md:5:1 error frontmatter\/unclosed The front matter opened with `---` on line 1 is not closed by this line: it must be `---` alone, and `end` follows it\./m);
    assert.equal(result.stdout.trim().split('\n').length, 1);
  });

  it('--fix renames a slip of the hand, not a key of the writer\'s own that holds a known one', () => {
    const own = '---\ntype: session\ndate: 2026-01-26\nnext-next: 2026-03-01\nmy-status: held\nattendees2: [Bo]\n🎉atendees: [Bo]\n---\n';
    const root = journal({ 'p/sessions/2026-01-26.md': own, 'p/sessions/2026-02-02.md': '---\ntype: session\ndate: 2026-02-02\nnxet: 2026-02-16\n---\n' });
    const result = runCli(['check', '--fix'], root);
    assert.equal(readFileSync(path.join(root, 'p/sessions/2026-01-26.md'), 'utf8'), own, 'each is still said, with its suggestion, but left to the writer');
    assert.match(result.stdout, /^p\/sessions\/2026-01-26\.md:4:1 warning keys\/unknown Unknown key `next-next`: did you mean `next`\?$/m);
    assert.match(result.stdout, /^p\/sessions\/2026-01-26\.md:5:1 warning keys\/unknown Unknown key `my-status`: did you mean `status`\?$/m);
    assert.match(result.stderr, /^fixed p\/sessions\/2026-02-02\.md: renamed `nxet` to `next`$/m);
    assert.doesNotMatch(result.stderr, /2026-01-26/);
  });

  it('--fix says which misspellings it leaves: never renamed into goals, progress, id or closure, even beside a fix it makes', () => {
    const session = '---\ntype: session\ndate: 2026-04-20\natendees: [Priya, Sam]\ngols: [write-rfc]\nprogres: {write-rfc: 10}\n---\n';
    const root = journal({ 'p/sessions/2026-04-20.md': session, 'p/goals/write-talk.md': '---\ntype: goal\nidd: write-talk\ntitle: Talk\nstatus: active\nsuccess: x\n---\n' });
    const result = runCli(['check', '--fix'], root);
    assert.equal(readFileSync(path.join(root, 'p/sessions/2026-04-20.md'), 'utf8'), session.replace('atendees', 'attendees'));
    assert.deepEqual(result.stderr.split('\n').filter((l) => /^(not )?fixed /.test(l)), [
      'not fixed p/goals/write-talk.md: `idd` not renamed to `id`: sessions name the goal by its id, and would no longer find it, so the rename is yours to make',
      'fixed p/sessions/2026-04-20.md: renamed `atendees` to `attendees`',
      'not fixed p/sessions/2026-04-20.md: `gols` not renamed to `goals`: the goals it names would count as worked on, so the rename is yours to make',
      'not fixed p/sessions/2026-04-20.md: `progres` not renamed to `progress`: the progress it records would move the goals it names, so the rename is yours to make',
    ]);
  });

  it('--fix never replaces a YAML alias, and gives a file without front matter one only when that completes it', () => {
    const aliased = '---\ntype: session\ndate: 2026-04-20\nmy-usual: &usual {mentr: 4, mentee: 4}\npulse: *usual\n---\n';
    const root = journal({ 'p/sessions/2026-04-20.md': aliased, 'p/sessions/notes.md': 'Just some notes.\n', 'p/goals/mentor-others.md': 'Dev wants to mentor a new joiner next year.\n' });
    const before = runCli(['check'], root);
    assert.match(before.stdout, /^p\/sessions\/2026-04-20\.md:5:8 warning keys\/unknown Unknown key `pulse\.mentr`/m);
    const result = runCli(['check', '--fix'], root);
    assert.equal(readFileSync(path.join(root, 'p/sessions/2026-04-20.md'), 'utf8'), aliased, 'the alias stays: the key it names is written on line 4');
    assert.equal(readFileSync(path.join(root, 'p/sessions/notes.md'), 'utf8'), 'Just some notes.\n', 'no session without a date is made of a note');
    assert.match(result.stderr, /^not fixed p\/sessions\/notes\.md: no front matter added: it would still need `date`, which only you can write$/m);
    assert.match(result.stderr, /^not fixed p\/goals\/mentor-others\.md: no front matter added: it would still need `title` and `status`, which only you can write$/m);
    assert.equal(readFileSync(path.join(root, 'p/goals/mentor-others.md'), 'utf8'), 'Dev wants to mentor a new joiner next year.\n');
    assert.doesNotMatch(result.stderr, /^fixed /m);
    assert.equal(result.stdout, before.stdout);
    assert.equal(result.code, before.code);
  });

  it('--quiet prints errors only; --max-warnings still counts the warnings', () => {
    const root = journal({ 'p/sessions/2026-02-10.md': '---\ntype: session\ndate: 2026-02-10\nmood: good\ngoals: [nope]\n---\n' });
    const result = runCli(['check', '--quiet'], root);
    assert.deepEqual(result.stdout.trim().split('\n').map((l) => l.split(' ')[2]), ['goal/unknown-id']);
    // The summary counts what it does not show, and says so.
    assert.equal(result.stderr, '1 error, 1 warning and 0 infos (not shown: --quiet) in 4 files\n');
    assert.equal(runCli(['check', '-q', '--max-warnings', '0', '--rule', 'goal/unknown-id=off'], root).code, 1);
  });

  it('quoted globs select files; !globs leave files out; a glob that matches nothing is an error', () => {
    const root = journal({ 'p/sessions/2026-02-10.md': '---\ntype: session\ndate: 2026-02-10\ngoals: [nope]\n---\n', 'p/goals/bad.md': '---\ntype: goal\nstatus: active\n---\n' });
    const all = runCli(['check', '**/*.md'], root);
    assert.deepEqual(all.stdout.trim().split('\n').map((l) => l.split(':')[0]).sort(), ['p/goals/bad.md', 'p/goals/bad.md', 'p/sessions/2026-02-10.md']);
    const sessions = runCli(['check', 'p/sessions/*.md'], root);
    assert.deepEqual([...new Set(sessions.stdout.trim().split('\n').map((l) => l.split(':')[0]))], ['p/sessions/2026-02-10.md']);
    const negated = runCli(['check', '**/*.md', '!**/goals/**'], root);
    assert.deepEqual([...new Set(negated.stdout.trim().split('\n').map((l) => l.split(':')[0]))], ['p/sessions/2026-02-10.md']);
    assert.equal(runCli(['check', '.', '!p/sessions/2026-02-10.md', '!p/goals/*'], root).code, 0);
    const none = runCli(['check', '**/*.markdown'], root);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /no Markdown files the check reads match \*\*\/\*\.markdown \(a glob matches no file in a dot folder or an excluded one/);
    // A folder named like a Markdown file is a folder: its files are checked, and no note says it was left out.
    mkdirSync(path.join(root, 'p/sessions/2026-02-20.md'));
    writeFileSync(path.join(root, 'p/sessions/2026-02-20.md/inner.md'), '---\ntype: session\ndate: 2026-02-20\ngoals: [nope]\n---\n');
    const folder = runCli(['check', 'p/sessions/2026-02-20.md'], root);
    assert.equal(folder.code, 1);
    assert.match(folder.stdout, /^p\/sessions\/2026-02-20\.md\/inner\.md:4:9 error goal\/unknown-id /m);
    assert.doesNotMatch(folder.stderr, /left out/);
    rmSync(path.join(root, 'p/sessions/2026-02-20.md'), { recursive: true });
    // A file named with brackets or braces is that file, as a pre-commit hook names it.
    writeFileSync(path.join(root, 'p/sessions/2026-02-11 [draft].md'), '---\ntype: session\ndate: 2026-02-11\ngoals: [nope]\n---\n');
    writeFileSync(path.join(root, 'p/sessions/2026-02-12 {copy}.md'), '---\ntype: session\ndate: 2026-02-12\n---\n');
    const bracketed = runCli(['check', 'p/sessions/2026-02-11 [draft].md', 'p/sessions/2026-02-12 {copy}.md'], root);
    assert.equal(bracketed.code, 1, bracketed.stderr);
    assert.match(bracketed.stdout, /^p\/sessions\/2026-02-11 \[draft\]\.md:4:9 error goal\/unknown-id /m);
    // A link that leads nowhere, or to itself, is said where a folder is checked; a glob passes over it, and over a pipe named .md.
    symlinkSync('/nonexistent/old.md', path.join(root, 'p/sessions/old.md'));
    symlinkSync('loop.md', path.join(root, 'p/sessions/loop.md'));
    if (spawnSync('mkfifo', [path.join(root, 'p/sessions/pipe.md')]).status !== 0) writeFileSync(path.join(root, 'p/sessions/pipe.md'), '');
    const walked = runCli(['check', 'p/sessions'], root);
    assert.equal(walked.code, 1, walked.stderr);
    assert.match(walked.stdout, /^p\/sessions\/old\.md:1:1 error file\/unreadable This file could not be read: it is a symbolic link to a file that is not there \(moved or deleted\): point the link at the file, or remove it\. Nothing in it was checked, and nothing in it counts in the review\.$/m);
    assert.match(walked.stdout, /^p\/sessions\/loop\.md:1:1 error file\/unreadable This file could not be read: too many symbolic links \(a link that leads back to itself\)\. Nothing in it was checked, and nothing in it counts in the review\.$/m);
    const globbed = runCli(['check', '**/*.md'], root);
    assert.equal(globbed.code, 1, globbed.stderr);
    assert.doesNotMatch(globbed.stdout + globbed.stderr, /old\.md|loop\.md|pipe\.md/);
    const named = runCli(['check', 'p/sessions/old.md'], root);
    assert.equal(named.code, 2);
    assert.equal(named.stderr, 'mentoring-journal: cannot read p/sessions/old.md: it is a symbolic link to a file that is not there (moved or deleted): point the link at the file, or remove it\n');
  });

  it('respects .gitignore (nested, negated) and the `ignores` globs of .mentoring-journal.json', () => {
    const bad = '---\ntype: session\ndate: 2026-02-10\ngoals: [nope]\n---\n';
    const root = journal({
      '.gitignore': 'drafts/\n*.tmp.md\n',
      'p/drafts/2026-02-10.md': bad,
      'p/sessions/2026-02-11.tmp.md': bad,
      'p/sessions/.gitignore': '!keep.tmp.md\n',
      'p/sessions/keep.tmp.md': bad.replace('2026-02-10', '2026-02-12'),
      'p/sessions/2026-02-13.md': bad.replace('2026-02-10', '2026-02-13'),
      '.mentoring-journal.json': '{ "ignores": ["p/sessions/2026-02-1[3-9].md"] }',
    });
    const result = runCli(['check'], root);
    assert.deepEqual([...new Set(result.stdout.trim().split('\n').map((l) => l.split(':')[0]))], ['p/sessions/keep.tmp.md']);
    // Named (a pre-commit hook names a file added with `git add -f`), an ignored file is said to be left out, not passed in silence.
    const named = runCli(['check', 'p/drafts/2026-02-10.md', 'p/sessions/2026-02-13.md'], root);
    assert.equal(named.code, 0);
    assert.equal(named.stdout, '');
    assert.equal(named.stderr, ['p/drafts/2026-02-10.md', 'p/sessions/2026-02-13.md'].map((f) => `note: ${f} is left out of the check (.gitignore or the config's \`ignores\` leave it out); it was not checked\n`).join(''));
  });

  it('passes over a .gitignore that is a folder or a symbolic link, as git does, and checks its folder', () => {
    const bad = '---\ntype: session\ndate: 2026-02-10\ngoals: [nope]\n---\n';
    const root = journal({ 'p/sessions/2026-02-10.tmp.md': bad, 'q/rules.txt': '*.tmp.md\n', 'q/x.md': 'x\n' });
    mkdirSync(path.join(root, '.gitignore'));
    symlinkSync(path.join(root, 'q/rules.txt'), path.join(root, 'p/.gitignore'));
    symlinkSync(path.join(root, 'q'), path.join(root, 'p/sessions/.gitignore'));
    const result = runCli(['check', '--format', 'json'], root);
    const found = (JSON.parse(result.stdout) as { problems: Array<{ file: string; code: string }> }).problems.map((p) => `${p.file} ${p.code}`);
    assert.deepEqual(found, ['p/sessions/2026-02-10.tmp.md goal/unknown-id']);
  });

  it('a config file in a cohort folder applies to the relationships below it, whether the journal, the cohort or one staged file is checked, and in review', () => {
    const cohort = (name: string) => ({
      [`cohort/${name}/agreement.md`]: AGREEMENT,
      [`cohort/${name}/sessions/2026-02-10.md`]: '---\ntype: session\ndate: 2026-02-10\nmood: fine\n---\n',
    });
    // Twelve relationships in the cohort, so that the whole check spreads them over threads with -j.
    const files: Record<string, string> = {
      'cohort/.mentoring-journal.json': '{ "rules": { "keys/unknown": "error" }, "graceDays": 400, "ignores": ["r0/drafts/**"] }',
      'cohort/r0/drafts/x.md': '---\ntype: session\n---\n',
      'solo/agreement.md': AGREEMENT,
      'solo/sessions/2026-02-10.md': '---\ntype: session\ndate: 2026-02-10\nmood: fine\n---\n',
    };
    for (let i = 0; i < 12; i++) Object.assign(files, cohort(`r${i}`));
    const root = tempJournal(files);
    const severityOf = (stdout: string, file: string) => new RegExp(`^${file.replace(/[./]/g, '\\$&')}:4:1 (\\w+) keys/unknown`, 'm').exec(stdout)?.[1];
    for (const args of [['check'], ['check', '-j', '2'], ['check', 'cohort'], ['check', 'cohort/r3/sessions/2026-02-10.md', 'solo/sessions/2026-02-10.md']]) {
      const result = runCli([...args, '--today', '2026-02-20'], root);
      assert.equal(severityOf(result.stdout, 'cohort/r3/sessions/2026-02-10.md'), 'error', args.join(' '));
      if (args[1] !== 'cohort') assert.equal(severityOf(result.stdout, 'solo/sessions/2026-02-10.md'), 'warning', args.join(' '));
      assert.doesNotMatch(result.stdout, /drafts/, args.join(' '));
      assert.equal(result.code, 1);
    }
    // The same from inside the cohort, and the cohort's graceDays in the review of its relationship, from anywhere.
    assert.equal(severityOf(runCli(['check', '--today', '2026-02-20'], path.join(root, 'cohort')).stdout, 'r3/sessions/2026-02-10.md'), 'error');
    for (const cwd of [root, path.join(root, 'cohort'), path.join(root, 'cohort/r3')]) {
      const review = JSON.parse(runCli(['review', '--no-git', '--format', 'json', '--today', '2026-12-01'], cwd).stdout) as { relationships: Array<{ id: string; signals: Array<{ code: string }> }> };
      for (const rel of review.relationships) {
        const overdue = rel.signals.some((sig) => sig.code === 'cadence-overdue');
        assert.equal(overdue, rel.id.endsWith('solo'), `${cwd}: ${rel.id}`);
      }
    }
    // --config applies to everything instead.
    writeFileSync(path.join(root, 'all.json'), '{ "rules": { "keys/unknown": "off" }, "ignores": ["**/drafts/**"] }');
    assert.equal(runCli(['check', '--config', 'all.json', '--today', '2026-02-20'], root).stdout, '');
  });

  it('review, calendar and actions leave out what check leaves out: .gitignore and the `ignores` globs', () => {
    const drafts = { 'drafts/old/agreement.md': AGREEMENT.replace('Priya', 'Cy').replace('Sam', 'Di'), 'drafts/old/sessions/2026-02-02.md': '---\ntype: session\ndate: 2026-02-02\nduration: sixty\n---\n- [ ] @cy send notes (due 2026-12-05)\n' };
    for (const ignore of [{ '.mentoring-journal.json': '{ "ignores": ["drafts/**"] }' }, { '.gitignore': 'drafts/\n' }] as Array<Record<string, string>>) {
      const root = journal({ ...drafts, ...ignore });
      assert.equal(runCli(['check'], root).code, 0);
      const review = runCli(['review', '--summary', '--format', 'text', '--today', '2026-11-30'], root);
      assert.equal(review.code, 0);
      assert.doesNotMatch(review.stdout, /drafts/);
      assert.doesNotMatch(review.stderr, /errors/, 'no note about files check does not read');
      const calendar = runCli(['calendar', '--today', '2026-11-30'], root);
      assert.doesNotMatch(calendar.stdout, /Cy|send notes/);
      assert.match(calendar.stdout, /Priya/);
      assert.match(runCli(['actions', '--today', '2026-11-30'], root).stdout, /^No open actions/);
    }
  });

  it('a front-matter comment turns named rules off for its file, and only for it', () => {
    const root = journal({
      'p/sessions/2026-02-10.md': '---\ntype: session # mentoring-journal-disable goal/unknown-id\ndate: 2026-02-10\nmood: fine\ngoals: [nope]\n---\n',
      'p/sessions/2026-02-11.md': '---\n# mentoring-journal-disable\ntype: session\ndate: 2026-02-11\ngoals: [nope]\n---\n',
      'p/sessions/2026-02-12.md': '---\ntype: session\ndate: 2026-02-12\ngoals: [nope]\n---\n\n# mentoring-journal-disable goal/unknown-id (in the body: no effect)\n',
    });
    const lines = runCli(['check'], root).stdout.trim().split('\n').map((l) => `${l.split(':')[0]} ${l.split(' ')[2]}`);
    assert.deepEqual(lines, ['p/sessions/2026-02-10.md keys/unknown', 'p/sessions/2026-02-12.md goal/unknown-id']);
  });

  it('the same words inside a value (a `|` or `>-` block, quotes) are text and turn nothing off', () => {
    const goal = (success: string) => `---\ntype: goal\ntitle: Document the linter\nstatus: active\ndue: 2026-13-01\nsuccess: ${success}\n---\n`;
    const root = journal({
      'p/goals/literal.md': goal('|\n  The README explains\n  # mentoring-journal-disable\n  and when to use it.'),
      'p/goals/folded.md': goal('>-\n  The README explains\n  # mentoring-journal-disable'),
      'p/goals/quoted.md': goal('"see # mentoring-journal-disable"'),
      'p/goals/comment.md': goal('|\n  The README explains\n# mentoring-journal-disable date/impossible'),
    });
    const lines = runCli(['check'], root).stdout.trim().split('\n').map((l) => l.split(' ').slice(0, 3).join(' '));
    assert.deepEqual(lines, ['p/goals/folded.md:5:6 error date/impossible', 'p/goals/literal.md:5:6 error date/impossible', 'p/goals/quoted.md:5:6 error date/impossible']);
  });

  it('--output-file writes the report to a file; --stdin checks text as the named file, within its relationship', () => {
    const root = journal();
    const written = runCli(['check', '-f', 'json', '--output-file', 'reports/check.json'], root);
    assert.equal(written.stdout, '');
    assert.deepEqual(JSON.parse(readFileSync(path.join(root, 'reports/check.json'), 'utf8')).problems, []);
    const stdin = runCli(['check', '--stdin', '--stdin-filename', 'p/sessions/2026-02-20.md'], root, '---\ntype: session\ndate: 2026-02-20\ngoals: [write-rfc, nope]\n---\n');
    assert.equal(stdin.code, 1);
    assert.match(stdin.stdout, /^p\/sessions\/2026-02-20\.md:4:20 error goal\/unknown-id No goal `nope`/);
    assert.ok(!existsSync(path.join(root, 'p/sessions/2026-02-20.md')));
    // The text replaces what is on disk.
    assert.equal(runCli(['check', '--stdin', '--stdin-filename', 'p/sessions/2026-02-03.md'], root, 'no front matter\n').code, 1);
    assert.equal(runCli(['check', '--stdin'], root, '').code, 2);
    // In folders that are not on disk yet: inside the relationship, and in a relationship still to be made.
    const text = '---\ntype: session\ndate: 2026-02-30\ngoals: [nope]\n---\n';
    const newFolder = runCli(['check', '--stdin', '--stdin-filename', 'p/notes/2026-03-01.md'], root, text);
    assert.deepEqual(newFolder.stdout.trim().split('\n').map((l) => l.split(' ').slice(0, 3).join(' ')), ['p/notes/2026-03-01.md:3:7 error date/impossible', 'p/notes/2026-03-01.md:4:9 error goal/unknown-id']);
    const newPair = JSON.parse(runCli(['check', '-f', 'json', '--stdin', '--stdin-filename', 'new-pair/sessions/2026-03-01.md'], root, text).stdout);
    assert.equal(newPair.files, 1);
    assert.deepEqual(newPair.problems.map((p: { code: string }) => p.code), ['file/outside-relationship', 'date/impossible']);
    assert.ok(!existsSync(path.join(root, 'p/notes')) && !existsSync(path.join(root, 'new-pair')), 'nothing is written');
    // A name that is no Markdown file would check nothing and pass: a usage error instead.
    for (const [name, said] of [['', /not ''$/m], ['p/sessions', /^mentoring-journal: --stdin-filename p\/sessions is a folder: name the Markdown file the text belongs to, like p\/sessions\/2026-11-20\.md$/m], ['p/sessions/new.txt', /not 'p\/sessions\/new\.txt'$/m], ['p/.drafts/2026-03-01.md', /^mentoring-journal: --stdin-filename p\/\.drafts\/2026-03-01\.md names a file the check leaves out/m]] as const) {
      const refused = runCli(['check', '--stdin', '--stdin-filename', name], root, text);
      assert.equal(refused.code, 2, name);
      assert.match(refused.stderr, said);
    }
    // Nor a name .gitignore, the config's `ignores` or the exclusions leave out, inside a relationship or outside one.
    writeFileSync(path.join(root, '.gitignore'), 'p/private/\n*draft*\ngone/\n');
    writeFileSync(path.join(root, '.mentoring-journal.json'), JSON.stringify({ ignores: ['p/old/**'] }));
    const ignored = ".gitignore or the config's `ignores` leave it out";
    const whys: Record<string, string> = { 'node_modules/x/2026-03-01.md': 'it is in the excluded folder `node_modules`', '.hidden/2026-03-01.md': 'it is in the dot folder `.hidden`', 'p/sessions/.2026-03-01.md': 'its name starts with a dot' };
    for (const name of ['p/private/2026-03-01.md', 'p/sessions/draft-2026-03-01.md', 'p/old/2026-03-01.md', 'node_modules/x/2026-03-01.md', '.hidden/2026-03-01.md', 'gone/2026-03-01.md', 'gone/deeper/2026-03-01.md', 'p/sessions/.2026-03-01.md']) {
      const refused = runCli(['check', '--stdin', '--stdin-filename', name], root, text);
      assert.equal(refused.code, 2, name);
      assert.equal(refused.stderr, `mentoring-journal: --stdin-filename ${name} names a file the check leaves out (${whys[name] ?? ignored}), so the text would not be checked: name the file it belongs to\nRun 'mentoring-journal check --help' for usage.\n`, name);
      // On disk and named (a staged file), it is left out as well, with a note: in a relationship or outside every one.
      mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      writeFileSync(path.join(root, name), text);
      const named = runCli(['check', name], root);
      assert.deepEqual([named.code, named.stdout], [0, ''], name);
      assert.equal(named.stderr, `note: ${name} is left out of the check (${whys[name] ?? ignored}); it was not checked\n`, name);
    }
    // A stray file named beside them is checked, from here as from its own folder.
    writeFileSync(path.join(root, 'loose.md'), text);
    for (const [cwd, name] of [[root, 'loose.md'], [path.join(root, 'gone'), '../loose.md']] as const) {
      const loose = runCli(['check', name], cwd);
      assert.equal(loose.code, 1, name);
      assert.match(loose.stdout, /^\S*loose\.md:1:1 error file\/outside-relationship /, name);
    }
  });

  it('looks for a relationship above a folder no further than the top of its git work tree, as for a file', () => {
    const root = tempJournal({ 'agreement.md': AGREEMENT, 'repo/loose.md': '---\ntype: session\ndate: 2026-02-09\n---\n' });
    mkdirSync(path.join(root, 'repo/.git'));
    for (const args of [['check'], ['check', '.'], ['check', 'loose.md']]) {
      const result = runCli([...args, '--today', '2026-03-01'], path.join(root, 'repo'));
      assert.equal(result.code, 1, args.join(' '));
      assert.match(result.stdout, /^loose\.md:1:1 error file\/outside-relationship /, args.join(' '));
    }
  });

  it('a path ending in `/` for --output-file or calendar --out names a folder: refused (exit 2), nothing written', () => {
    const root = journal();
    const report = runCli(['check', '-o', 'reports/x/'], root);
    assert.equal(report.code, 2);
    assert.match(report.stderr, /^mentoring-journal: --output-file reports\/x\/ names a folder; name a file, say reports\/x\/journal-report\.txt$/m);
    const calendar = runCli(['calendar', '--out', 'out/'], root);
    assert.equal(calendar.code, 2);
    assert.match(calendar.stderr, /^mentoring-journal: --out out\/ names a folder; name a file, say out\/mentoring\.ics$/m);
    assert.ok(!existsSync(path.join(root, 'reports')) && !existsSync(path.join(root, 'out')));
  });

  it('--output-file replaces an earlier report, never a journal file: a Markdown file, a file with front matter or a folder is refused (exit 2) and left as it was', () => {
    const root = journal();
    const agreementPath = path.join(root, 'p/agreement.md');
    const before = readFileSync(agreementPath, 'utf8');
    const refused = runCli(['check', '-o', 'p/agreement.md'], root);
    assert.equal(refused.code, 2);
    assert.equal(refused.stderr, 'mentoring-journal: --output-file p/agreement.md is a Markdown file, where journal files live; the report is never written to one: name another file, say journal-report.txt\n');
    assert.equal(readFileSync(agreementPath, 'utf8'), before);
    // Not even a new one: a report written there could not be written again.
    assert.equal(runCli(['check', '-o', 'report.MD'], root).code, 2);
    assert.ok(!existsSync(path.join(root, 'report.MD')));
    writeFileSync(path.join(root, 'notes.txt'), '\uFEFF---\ntype: session\n---\n');
    const frontMatter = runCli(['check', '-o', 'notes.txt'], root);
    assert.equal(frontMatter.code, 2);
    assert.match(frontMatter.stderr, /notes\.txt starts with front matter, as a journal file does; the report never replaces one/);
    assert.equal(readFileSync(path.join(root, 'notes.txt'), 'utf8'), '\uFEFF---\ntype: session\n---\n');
    writeFileSync(path.join(root, '.mentoring-journal.json'), '{"ignores": ["drafts/**"]}\n');
    assert.match(runCli(['check', '-o', '.mentoring-journal.json'], root).stderr, /--output-file \.mentoring-journal\.json is the journal's config file; the report is never written to it/);
    assert.equal(readFileSync(path.join(root, '.mentoring-journal.json'), 'utf8'), '{"ignores": ["drafts/**"]}\n');
    // `-o -` is the standard output; a report is not written to any Markdown file (`.markdown` neither); a config file must be a file.
    const dash = runCli(['check', '-o', '-'], root);
    assert.equal(dash.stdout, runCli(['check'], root).stdout);
    assert.ok(!existsSync(path.join(root, '-')));
    assert.equal(runCli(['check', '-o', 'notes.markdown'], root).code, 2);
    if (existsSync('/dev/zero')) assert.match(runCli(['check', '--config', '/dev/zero'], root).stderr, /^mentoring-journal: \/dev\/zero is not a file: a config file is a JSON file/);
    // Nor the config file that --config named, whatever its name.
    writeFileSync(path.join(root, 'team-config.json'), '{"graceDays": 5}\n');
    assert.match(runCli(['check', '--config', 'team-config.json', '-o', 'team-config.json'], root).stderr, /--output-file team-config\.json is the journal's config file/);
    assert.equal(readFileSync(path.join(root, 'team-config.json'), 'utf8'), '{"graceDays": 5}\n');
    mkdirSync(path.join(root, 'reports'));
    assert.match(runCli(['check', '-o', 'reports'], root).stderr, /--output-file reports is a folder; name a file, say reports[/\\]journal-report\.txt/);
    // An earlier report is replaced.
    writeFileSync(path.join(root, 'reports/check.txt'), 'p/sessions/2026-02-03.md:4:9 error goal/unknown-id No goal `nope` in this relationship.\n');
    assert.equal(runCli(['check', '-o', 'reports/check.txt'], root).code, 0);
    assert.equal(readFileSync(path.join(root, 'reports/check.txt'), 'utf8'), '');
    // In every format, and an empty file.
    const broken = journal({ 'p/sessions/2026-03-03.md': '---\ntype: session\ndate: 2026-03-03\ngoals: [nope]\n---\n' });
    for (const format of ['text', 'json', 'github', 'sarif']) {
      assert.equal(runCli(['check', '-f', format, '-o', `report.${format}`], broken).code, 1, format);
      assert.ok(readFileSync(path.join(broken, `report.${format}`), 'utf8').length > 0, format);
      assert.equal(runCli(['check', '-f', format, '-o', `report.${format}`], broken).code, 1, `${format}, again`);
    }
    writeFileSync(path.join(broken, 'empty.txt'), '');
    assert.equal(runCli(['check', '-o', 'empty.txt'], broken).code, 1);
    // Anything else is left as it is: `-o package.json` emptied it.
    for (const [name, text] of [['package.json', '{"name": "journal", "private": true}\n'], ['.gitignore', 'node_modules/\n'], ['notes.txt', 'my notes\n']] as const) {
      writeFileSync(path.join(broken, name), text);
      const kept = runCli(['check', '-o', name], broken);
      assert.equal(kept.code, 2, name);
      assert.equal(kept.stderr, `mentoring-journal: --output-file ${name} exists and is not an earlier report of this command; it is left as it is (name a new file or an earlier report)\n`);
      assert.equal(readFileSync(path.join(broken, name), 'utf8'), text, name);
    }
  });

  it('says in plain words, with exit 2, when the current folder is gone, a folder cannot be made, or a name is too long', () => {
    const root = journal();
    const gone = path.join(root, 'gone');
    mkdirSync(gone);
    const child = spawnSync('sh', ['-c', `cd "${gone}" && rmdir "${gone}" && "${process.execPath}" "${buildCli()}" check "${root}"`], { encoding: 'utf8' });
    assert.deepEqual([child.status, child.stderr], [2, 'mentoring-journal: the current folder no longer exists (it was deleted or moved): cd to a folder that exists and run the command again\n']);
    // A folder the system will not make, though its parent is there (Node's own recursive mkdir loops for ever on it).
    if (existsSync('/proc/self')) {
      const proc = runCli(['check', '-o', '/proc/mj-test/r.txt'], root);
      assert.equal(proc.code, 2);
      assert.match(proc.stderr, /^mentoring-journal: cannot write \/proc\/mj-test\/r\.txt: /);
    }
    const long = runCli(['init', 'x'.repeat(300), '--mentor', 'A', '--mentee', 'B'], root);
    assert.equal(long.code, 2);
    assert.match(long.stderr, /the name is too long/);
    // init checks every folder before writing anything: a relationship is made whole or not at all.
    mkdirSync(path.join(root, 'half'));
    writeFileSync(path.join(root, 'half', 'sessions'), 'x');
    const half = runCli(['init', 'half', '--mentor', 'A', '--mentee', 'B'], root);
    assert.equal(half.code, 2);
    assert.match(half.stderr, /cannot create half[/\\]sessions[/\\]\.gitkeep: half[/\\]sessions is a file, not a folder; nothing was written/);
    assert.ok(!existsSync(path.join(root, 'half', 'agreement.md')));
  });

  describe('--format sarif', () => {
    const root = () => journal({ 'p/sessions/2026-02-10.md': '---\ntype: session\ndate: 2026-02-10\nmood: fine\ngoals: [nope]\n---\n' });

    it('writes SARIF 2.1.0 with every rule, its description, level and help URI, and results located from %SRCROOT%', () => {
      const sarif = JSON.parse(runCli(['check', '-f', 'sarif'], root()).stdout);
      assert.equal(sarif.version, '2.1.0');
      const run = sarif.runs[0];
      assert.equal(run.tool.driver.name, 'mentoring-journal');
      const unknown = run.tool.driver.rules.find((r: { id: string }) => r.id === 'goal/unknown-id');
      assert.match(unknown.helpUri, /rules\.md#goalunknown-id$/);
      assert.equal(unknown.defaultConfiguration.level, 'error');
      assert.deepEqual(
        run.results.map((r: { ruleId: string; level: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number } } }> }) => [r.ruleId, r.level, r.locations[0]!.physicalLocation.artifactLocation.uri, r.locations[0]!.physicalLocation.artifactLocation.uriBaseId, r.locations[0]!.physicalLocation.region.startLine]),
        [
          ['keys/unknown', 'warning', 'p/sessions/2026-02-10.md', '%SRCROOT%', 4],
          ['goal/unknown-id', 'error', 'p/sessions/2026-02-10.md', '%SRCROOT%', 5],
        ],
      );
    });

    it('validates with the SARIF multitool', function () {
      this.timeout(600_000);
      // Installed on first use into .cache/ (git-ignored): the multitool is a 95 MB self-contained binary, too big for devDependencies.
      const tool = path.join(repo, '.cache', 'sarif-multitool');
      const bin = path.join(tool, 'node_modules', '.bin', 'sarif-multitool');
      if (!existsSync(bin)) {
        mkdirSync(tool, { recursive: true });
        const install = spawnSync('npm', ['install', '--prefix', tool, '--no-save', '--prefer-offline', '@microsoft/sarif-multitool@5'], { encoding: 'utf8' });
        assert.equal(install.status, 0, `the SARIF multitool did not install: ${install.stderr}`);
      }
      const dir = root();
      const file = path.join(dir, 'report.sarif');
      writeFileSync(file, runCli(['check', '-f', 'sarif'], dir).stdout);
      const out = path.join(dir, 'validation.sarif');
      const validate = spawnSync(bin, ['validate', file, '--output', out], { encoding: 'utf8', env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1' } });
      assert.equal(validate.status, 0, validate.stdout + validate.stderr);
      const findings = JSON.parse(readFileSync(out, 'utf8')).runs[0].results as Array<{ level?: string; ruleId: string; message: { text?: string; id?: string } }>;
      const errors = findings.filter((r) => (r.level ?? 'warning') === 'error');
      assert.deepEqual(errors, [], JSON.stringify(errors, null, 2));
    });
  });
});

describe('CLI: check says when sessions are dated after today', function () {
  this.timeout(60_000);
  after(cleanUp);

  it('reports session/after-today as an info at the date, as of --today', () => {
    const root = tempJournal({ 'p/agreement.md': AGREEMENT, 'p/goals/write-rfc.md': GOAL, 'p/sessions/2026-03-04.md': '---\ntype: session\ndate: 2026-03-04 # an agenda\ngoals: [write-rfc]\n---\n' });
    const later = runCli(['check', '--today', '2026-03-01'], root);
    assert.equal(later.code, 0);
    assert.equal(later.stdout, 'p/sessions/2026-03-04.md:3:7 info session/after-today This session is dated 2026-03-04, after today (2026-03-01): the review leaves it out until then. If it is an agenda written ahead, that is fine.\n');
    assert.equal(runCli(['check', '--today', '2026-03-04'], root).stdout, '');
    assert.equal(runCli(['check', '--today', '2026-03-01', '--rule', 'session/after-today=off'], root).stdout, '');
  });

  it('takes today from MENTORING_JOURNAL_TODAY for every command, --today first, and refuses a day that is not real', () => {
    const root = tempJournal({ 'p/agreement.md': AGREEMENT, 'p/goals/write-rfc.md': GOAL, 'p/sessions/2026-03-04.md': '---\ntype: session\ndate: 2026-03-04\ngoals: [write-rfc]\n---\n' });
    assert.match(runCli(['check'], root, undefined, { MENTORING_JOURNAL_TODAY: '2026-03-01' }).stdout, /^p\/sessions\/2026-03-04\.md:3:7 info session\/after-today .*after today \(2026-03-01\)/);
    assert.equal(runCli(['check', '--today', '2026-03-04'], root, undefined, { MENTORING_JOURNAL_TODAY: '2026-03-01' }).stdout, '');
    assert.match(runCli(['review', '--format', 'json'], root, undefined, { MENTORING_JOURNAL_TODAY: '2026-03-05' }).stdout, /"today": "2026-03-05"/);
    const wrong = runCli(['check'], root, undefined, { MENTORING_JOURNAL_TODAY: '2026-02-30' });
    assert.equal(wrong.code, 2);
    assert.equal(wrong.stderr, "mentoring-journal: MENTORING_JOURNAL_TODAY must be a real date written YYYY-MM-DD, not '2026-02-30'\nRun 'mentoring-journal --help' for usage.\n");
    // Empty is unset: the clock's day (the child process has the same clock as this one).
    const unset = runCli(['review', '--format', 'json'], root, undefined, { MENTORING_JOURNAL_TODAY: '' });
    assert.match(unset.stdout, new RegExp(`"today": "${localToday()}"`));
    const started = runCli(['init', '--mentor', 'Ana', '--mentee', 'Bo'], root, undefined, { MENTORING_JOURNAL_TODAY: '2026-05-06' });
    assert.equal(started.code, 0, started.stderr);
    assert.match(readFileSync(path.join(root, 'ana-and-bo/agreement.md'), 'utf8'), /^started: 2026-05-06$/m);
  });
});
