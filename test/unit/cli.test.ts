import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs, UsageError } from '../../src/cli/args';
import { escapeData, escapeProperty, formatGithub } from '../../src/cli/format';
import { partition, PartFileSystem } from '../../src/cli/partition';
import { JournalIndex, MemoryFileSystem } from '../../src/core';
import { AGREEMENT, buildCli, cleanUp, GOAL, runCli, session, tempJournal, TEST_TODAY } from './cliHarness';

const repo = path.resolve(__dirname, '../..');
const version = (JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as { version: string }).version;

/** One relationship: an unknown goal id (error) and an unknown key (warning) in one session. */
function brokenJournal(): string {
  return tempJournal({
    'p/agreement.md': AGREEMENT,
    'p/goals/write-rfc.md': GOAL,
    'p/sessions/2026-02-01.md': session('2026-02-01'),
    'p/sessions/2026-02-15.md': '---\ntype: session\ndate: 2026-02-15\ngoals: [write-rcf]\nmood: good\n---\n',
  });
}

const ERROR_LINE = 'p/sessions/2026-02-15.md:4:9 error goal/unknown-id No goal `write-rcf` in this relationship: did you mean `write-rfc`?';
const WARNING_LINE = 'p/sessions/2026-02-15.md:5:1 warning keys/unknown Unknown key `mood`.';

describe('CLI: global options', function () {
  this.timeout(60_000);
  before(() => buildCli());
  after(cleanUp);

  it('--version prints the version from package.json', () => {
    const result = runCli(['--version'], repo);
    assert.equal(result.code, 0);
    assert.equal(result.stdout, `${version}\n`);
    assert.equal(runCli(['-v'], repo).stdout, `${version}\n`);
  });

  it('--help lists the commands and exits 0; each command has its own help', () => {
    const result = runCli(['--help'], repo);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /^Usage: mentoring-journal <command>/);
    for (const command of ['check', 'review', 'init']) assert.match(result.stdout, new RegExp(`^  ${command} `, 'm'));
    for (const command of ['check', 'review', 'init']) {
      const own = runCli([command, '--help'], repo);
      assert.equal(own.code, 0);
      assert.match(own.stdout, new RegExp(`^Usage: mentoring-journal ${command} `));
      assert.equal(runCli(['help', command], repo).stdout, own.stdout);
    }
    const unknown = runCli(['help', 'chek'], repo);
    assert.equal(unknown.code, 2);
    assert.equal(unknown.stdout, '');
    assert.match(unknown.stderr, /^mentoring-journal: no help on 'chek': there is no such command \(did you mean 'check'\?\)/);
  });

  it('without a command prints the help on stderr and exits 2', () => {
    const result = runCli([], repo);
    assert.equal(result.code, 2);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /^Usage: mentoring-journal/);
  });

  it('an unknown flag is a usage error (exit 2) naming the flag and the nearest known one', () => {
    const result = runCli(['check', '--formt', 'json'], repo);
    assert.equal(result.code, 2);
    assert.equal(result.stdout, '');
    assert.equal(result.stderr, "mentoring-journal: unknown option --formt (did you mean --format?)\nRun 'mentoring-journal check --help' for usage.\n");
    assert.equal(runCli(['--frobnicate'], repo).code, 2);
    assert.equal(runCli(['init', '-z'], repo).code, 2);
  });

  it('an unknown command is a usage error with a suggestion', () => {
    const result = runCli(['chek'], repo);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /unknown command 'chek' \(did you mean 'check'\?\)/);
  });

  it('a value that starts with - is taken when it has a space in it, and otherwise the error says to write --name=value', () => {
    const specs = { mentor: { kind: 'string' }, mentee: { kind: 'string' }, json: { kind: 'boolean', short: 'j' } } as const;
    assert.deepEqual(parseArgs(['--mentor', '- Sam', '--mentee', '-', 'x'], specs).options, { mentor: '- Sam', mentee: '-' });
    assert.deepEqual(parseArgs(['--mentor=-Sam'], specs).options, { mentor: '-Sam' });
    const error = (argv: string[]) => {
      try {
        parseArgs(argv, specs, 'init');
      } catch (e) {
        assert.ok(e instanceof UsageError);
        return e.message;
      }
      return assert.fail('no usage error');
    };
    assert.equal(error(['--mentor', '-Sam']), 'option --mentor needs a value; for a value that starts with -, write --mentor=-Sam');
    // A forgotten value before the next option is just that.
    assert.equal(error(['--mentor', '--mentee', 'Lee']), 'option --mentor needs a value');
    assert.equal(error(['--mentor', '-j']), 'option --mentor needs a value');
    assert.equal(error(['--mentor']), 'option --mentor needs a value');
  });

  it('a bad option value is a usage error', () => {
    const root = tempJournal({ 'p/agreement.md': AGREEMENT });
    assert.equal(runCli(['check', '--format', 'xml'], root).code, 2);
    assert.equal(runCli(['check', '--max-warnings', 'many'], root).code, 2);
    assert.equal(runCli(['check', '--format'], root).code, 2);
    assert.equal(runCli(['check', '--format', 'json', '--format', 'text'], root).code, 2);
  });
});

describe('CLI: check', function () {
  this.timeout(60_000);
  before(() => buildCli());
  after(cleanUp);

  it('says in words that the output cannot be written (a full disk), exit 2; a reader that stops early is no error', function () {
    if (!existsSync('/dev/full')) this.skip();
    const root = tempJournal({ 'p/agreement.md': AGREEMENT, 'p/goals/write-rfc.md': GOAL, 'p/sessions/2026-02-01.md': session('2026-02-01').replace('goals: [write-rfc]', 'goals: [nope]') });
    for (const args of [['check'], ['review', '--no-git']]) {
      const full = openSync('/dev/full', 'w');
      const result = spawnSync(process.execPath, [buildCli(), ...args], { cwd: root, encoding: 'utf8', stdio: ['ignore', full, 'pipe'], env: { ...process.env, NO_COLOR: '1', MENTORING_JOURNAL_TODAY: TEST_TODAY } });
      closeSync(full);
      assert.equal(result.status, 2, result.stderr);
      assert.match(result.stderr, /^mentoring-journal: cannot write the standard output: no space left on the device$/m);
      assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
    }
    const early = spawnSync('sh', ['-c', `"${process.execPath}" "${buildCli()}" review --no-git | head -c 1`], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', MENTORING_JOURNAL_TODAY: TEST_TODAY } });
    assert.equal(early.stdout, '#');
    assert.doesNotMatch(early.stderr, /cannot write|\n\s+at /);
  });

  it('exits 0 and prints nothing for a valid journal', () => {
    const root = tempJournal({ 'p/agreement.md': AGREEMENT, 'p/goals/write-rfc.md': GOAL, 'p/sessions/2026-02-01.md': session('2026-02-01'), 'README.md': '# Notes\n' });
    const result = runCli(['check'], root);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, '');
    assert.equal(result.stderr, '');
  });

  it('--fix goes on past a file it cannot write, naming it, and leaves it as it was', function () {
    if (process.platform === 'win32' || !process.getuid) this.skip();
    const untyped = (date: string) => `---\ndate: ${date}\ngoals: [write-rfc]\n---\n`;
    const root = tempJournal({ 'p/agreement.md': AGREEMENT, 'p/goals/write-rfc.md': GOAL, 'p/sessions/2026-02-01.md': untyped('2026-02-01'), 'p/sessions/2026-02-02.md': untyped('2026-02-02') });
    const asRoot = process.getuid() === 0;
    if (asRoot) for (const folder of [root, path.dirname(buildCli()), path.join(root, 'p'), path.join(root, 'p', 'sessions'), path.join(root, 'p', 'goals')]) chmodSync(folder, 0o755);
    for (const file of ['p/agreement.md', 'p/goals/write-rfc.md']) chmodSync(path.join(root, file), 0o644);
    // Only the second session may be written (root writes any file: the command then runs as `nobody`).
    chmodSync(path.join(root, 'p/sessions/2026-02-01.md'), asRoot ? 0o644 : 0o444);
    chmodSync(path.join(root, 'p/sessions/2026-02-02.md'), 0o666);
    const result = runCli(['check', '--fix'], root, undefined, {}, asRoot ? { uid: 65534, gid: 65534 } : undefined);
    assert.match(result.stderr, /^mentoring-journal: cannot write p\/sessions\/2026-02-01\.md: permission denied; it was not fixed$/m);
    assert.match(result.stderr, /^fixed p\/sessions\/2026-02-02\.md: added `type: session`$/m);
    assert.equal(readFileSync(path.join(root, 'p/sessions/2026-02-01.md'), 'utf8'), untyped('2026-02-01'));
    assert.match(readFileSync(path.join(root, 'p/sessions/2026-02-02.md'), 'utf8'), /^---\ntype: session\n/);
    // Its problem is still reported; the run is an I/O error when nothing else is.
    assert.match(result.stdout, /^p\/sessions\/2026-02-01\.md:1:1 warning type\/missing /m);
    assert.equal(result.code, 2);
  });

  it('fails on a folder it cannot read, naming it, instead of passing what it could not look at', function () {
    if (process.platform === 'win32') this.skip();
    const root = tempJournal({ 'p/agreement.md': AGREEMENT, 'p/goals/write-rfc.md': GOAL, 'p/sessions/2026-02-01.md': session('2026-02-01') });
    // Root reads any folder whatever its mode: then the command runs as the unprivileged user `nobody`.
    const asRoot = process.getuid?.() === 0;
    if (asRoot) for (const folder of [root, path.dirname(buildCli())]) chmodSync(folder, 0o755);
    chmodSync(path.join(root, 'p', 'sessions'), 0o000);
    try {
      const user = asRoot ? { uid: 65534, gid: 65534 } : undefined;
      const result = runCli(['check'], root, undefined, {}, user);
      assert.equal(result.code, 1, result.stderr);
      assert.equal(result.stdout, 'p/sessions:1:1 error file/unreadable This folder could not be read: permission denied. Nothing in it was checked.\n');
      assert.equal(result.stderr, '1 error, 0 warnings and 0 infos in 2 files\n');
      const review = runCli(['review', '--no-git'], root, undefined, {}, user);
      assert.equal(review.code, 0, review.stderr);
      assert.equal(review.stderr, 'note: 1 folder could not be read, so the review may leave out what cannot be read; run mentoring-journal check\n');
    } finally {
      chmodSync(path.join(root, 'p', 'sessions'), 0o755);
    }
  });

  it('the example journal passes and the broken example fails', () => {
    assert.equal(runCli(['check', 'examples/journal'], repo).code, 0);
    const broken = runCli(['check', 'examples/broken'], repo);
    assert.equal(broken.code, 1);
    assert.match(broken.stdout, /^examples\/broken\/\S+\.md:\d+:\d+ error /m);
  });

  it('text: file:line:col severity code message, files relative to the current folder, exit 1 on errors', () => {
    const root = brokenJournal();
    const result = runCli(['check'], root);
    assert.equal(result.code, 1);
    assert.equal(result.stdout, `${ERROR_LINE}\n${WARNING_LINE}\n`);
    assert.equal(result.stderr, '1 error, 1 warning and 0 infos in 4 files\n');

    const fromInside = runCli(['check', '..'], path.join(root, 'p'));
    assert.equal(fromInside.stdout.split('\n')[0], ERROR_LINE.replace('p/sessions', 'sessions'));
    const fromOutside = runCli(['check', path.basename(root)], path.dirname(root));
    assert.equal(fromOutside.stdout.split('\n')[0], `${path.basename(root)}/${ERROR_LINE}`);
  });

  it('counts the files checked, not those read around them: one file named is "in 1 file", inside a relationship or outside every one', () => {
    const root = brokenJournal();
    const one = runCli(['check', 'p/sessions/2026-02-15.md'], root);
    assert.equal(one.stdout, `${ERROR_LINE}\n${WARNING_LINE}\n`);
    assert.equal(one.stderr, '1 error, 1 warning and 0 infos in 1 file\n');
    assert.equal((JSON.parse(runCli(['check', '--format', 'json', 'p/sessions'], root).stdout) as { files: number }).files, 2);
    // The same file named twice, and a folder that holds it, count it once.
    assert.equal(runCli(['check', 'p/sessions/2026-02-15.md', 'p/sessions', 'p/sessions/2026-02-15.md'], root).stderr, '1 error, 1 warning and 0 infos in 2 files\n');
    mkdirSync(path.join(root, 'notes'));
    writeFileSync(path.join(root, 'notes', 'a.md'), '---\ntype: session\ndate: 2026-11-02\n---\n');
    writeFileSync(path.join(root, 'notes', 'b.md'), '# b\n');
    writeFileSync(path.join(root, 'notes', 'c.md'), '# c\n');
    const outside = runCli(['check', 'notes/a.md'], root);
    assert.match(outside.stdout, /^notes\/a\.md:1:1 error file\/outside-relationship /);
    assert.equal(outside.stderr, '1 error, 0 warnings and 0 infos in 1 file\n');
  });

  it('json: files checked and every problem with its span', () => {
    const result = runCli(['check', '--format', 'json'], brokenJournal());
    assert.equal(result.code, 1);
    assert.deepEqual(JSON.parse(result.stdout), {
      files: 4,
      problems: [
        { file: 'p/sessions/2026-02-15.md', line: 4, column: 9, endLine: 4, endColumn: 18, severity: 'error', code: 'goal/unknown-id', message: 'No goal `write-rcf` in this relationship: did you mean `write-rfc`?' },
        { file: 'p/sessions/2026-02-15.md', line: 5, column: 1, endLine: 5, endColumn: 5, severity: 'warning', code: 'keys/unknown', message: 'Unknown key `mood`.' },
      ],
    });
    assert.equal(result.stderr, '');
    const clean = runCli(['check', '-f', 'json'], tempJournal({ 'p/agreement.md': AGREEMENT }));
    assert.equal(clean.code, 0);
    assert.deepEqual(JSON.parse(clean.stdout), { files: 1, problems: [] });
  });

  it('github: workflow commands with the span and the rule code as title', () => {
    const result = runCli(['check', '--format', 'github'], brokenJournal());
    assert.equal(result.code, 1);
    assert.equal(
      result.stdout,
      '::error file=p/sessions/2026-02-15.md,line=4,col=9,endLine=4,endColumn=18,title=goal/unknown-id::No goal `write-rcf` in this relationship: did you mean `write-rfc`?\n' +
        '::warning file=p/sessions/2026-02-15.md,line=5,col=1,endLine=5,endColumn=5,title=keys/unknown::Unknown key `mood`.\n',
    );
  });

  it('github: info becomes notice; %, CR and LF are escaped in messages, and : and , too in properties', () => {
    assert.equal(escapeData('100% done\r\nnext: a, b'), '100%25 done%0D%0Anext: a, b');
    assert.equal(escapeProperty('a:b,c%\n'), 'a%3Ab%2Cc%25%0A');
    const range = { start: { line: 2, column: 3 }, end: { line: 2, column: 7 } };
    const out = formatGithub({ files: 1, problems: [{ file: 'odd,name:1.md', problem: { file: 'x', range, severity: 'info', code: 'goal/achieved-incomplete', message: 'at 50%\nsecond line' } }] });
    assert.equal(out, '::notice file=odd%2Cname%3A1.md,line=2,col=3,endLine=2,endColumn=7,title=goal/achieved-incomplete::at 50%25%0Asecond line\n');
  });

  it('--max-warnings: exit 1 only when warnings exceed the limit', () => {
    const root = tempJournal({ 'p/agreement.md': AGREEMENT, 'p/goals/write-rfc.md': GOAL, 'p/sessions/2026-02-01.md': session('2026-02-01', 'mood: good\n') });
    assert.equal(runCli(['check'], root).code, 0);
    assert.equal(runCli(['check', '--max-warnings', '1'], root).code, 0);
    const over = runCli(['check', '--max-warnings', '0'], root);
    assert.equal(over.code, 1);
    assert.match(over.stderr, /1 warning, more than --max-warnings 0/);
    assert.equal(runCli(['check', '--max-warnings=0', '--format', 'json'], root).code, 1);
    // -1 is no limit, as ESLint takes it; another negative number is no count.
    assert.equal(runCli(['check', '--max-warnings', '-1'], root).code, 0);
    assert.equal(runCli(['check', '--max-warnings', '-2'], root).code, 2);
  });

  it('reports [[id]] references to unknown goals in the body, but not those in code', () => {
    const body = ['---', 'type: session', 'date: 2026-03-01', '---', '', '```', '[[in-fence]]', '```', '', 'Inline `[[in-code]]`, known [[write-rfc]] and unknown [[nope]].', 'Spaced: [[ nop ]].', ''].join('\n');
    const root = tempJournal({ 'p/agreement.md': AGREEMENT, 'p/goals/write-rfc.md': GOAL, 'p/sessions/2026-03-01.md': body, 'p/sessions/2026-03-08.md': session('2026-03-08') });
    const result = runCli(['check'], root);
    assert.equal(result.code, 1);
    // The span is the id alone, without the spaces inside the brackets.
    assert.equal(result.stdout, 'p/sessions/2026-03-01.md:10:57 error goal/unknown-id No goal `nope` in this relationship; its goals are write-rfc.\np/sessions/2026-03-01.md:11:12 error goal/unknown-id No goal `nop` in this relationship; its goals are write-rfc.\n');
    const json = JSON.parse(runCli(['check', '--format', 'json'], root).stdout) as { problems: Array<{ line: number; column: number; endColumn: number }> };
    assert.deepEqual(json.problems.map((p) => [p.line, p.column, p.endColumn]), [[10, 57, 61], [11, 12, 15]]);
  });

  it('writes a control character in a file name as an escape in the text format: one problem, one line', () => {
    const root = tempJournal({ 'p/agreement.md': AGREEMENT, 'p/goals/write-rfc.md': GOAL, 'p/sessions/nl\nname\t\u001b.md': session('2026-03-01').replace('goals: [write-rfc]', 'goals: [nope]') });
    const result = runCli(['check'], root);
    assert.equal(result.stdout, 'p/sessions/nl\\nname\\t\\x1b.md:4:9 error goal/unknown-id No goal `nope` in this relationship; its goals are write-rfc.\n');
    // And in `--fix`'s report of what it changed, and in `actions`' text.
    const fixable = tempJournal({ 'p/agreement.md': AGREEMENT, 'p/sessions/2026-03-0\n1.md': '---\ndate: 2026-03-01\n---\n\n- [ ] @sam send it (due 2026-03-09)\n' });
    assert.match(runCli(['check', '--fix'], fixable).stderr, /^fixed p\/sessions\/2026-03-0\\n1\.md: added `type: session`$/m);
    assert.match(runCli(['actions', '--today', '2026-03-02'], fixable).stdout, /p\/sessions\/2026-03-0\\n1\.md:6$/m);
    // JSON keeps the name as it is.
    assert.equal((JSON.parse(runCli(['check', '--format', 'json'], root).stdout) as { problems: Array<{ file: string }> }).problems[0]!.file, 'p/sessions/nl\nname\t\u001b.md');
  });

  it('a path that does not exist is an I/O error (exit 2)', () => {
    const root = tempJournal({ 'p/agreement.md': AGREEMENT });
    const result = runCli(['check', 'p', 'nowhere'], root);
    assert.equal(result.code, 2);
    assert.equal(result.stdout, '');
    assert.equal(result.stderr, 'mentoring-journal: no such file or folder: nowhere\n');
  });

  it('a file path is checked within its relationship and reports only that file', () => {
    const root = brokenJournal();
    const one = runCli(['check', 'p/sessions/2026-02-15.md'], root);
    assert.equal(one.code, 1);
    assert.equal(one.stdout, `${ERROR_LINE}\n${WARNING_LINE}\n`);
    const other = runCli(['check', 'p/sessions/2026-02-01.md', 'p/goals/write-rfc.md', 'p/agreement.md'], root);
    assert.equal(other.code, 0, other.stdout);
    assert.equal(other.stdout, '');
  });

  it('a folder inside a relationship is checked within the relationship', () => {
    const root = brokenJournal();
    const result = runCli(['check', 'p/sessions'], root);
    assert.equal(result.stdout, `${ERROR_LINE}\n${WARNING_LINE}\n`);
    assert.equal(runCli(['check', 'p/goals'], root).code, 0);
  });

  it('files that are not Markdown are skipped; overlapping paths report a problem once', () => {
    const root = brokenJournal();
    writeFileSync(path.join(root, 'notes.txt'), 'not a journal');
    const result = runCli(['check', 'notes.txt', '.', 'p/sessions/2026-02-15.md'], root);
    assert.equal(result.stdout, `${ERROR_LINE}\n${WARNING_LINE}\n`);
    writeFileSync(path.join(root, 'p/goals/other.md'), '---\ntype: goal\ntitle: Other\nstatus: active\n---\n');
    const fileFirst = runCli(['check', '--format', 'json', 'p/goals/write-rfc.md', '.'], root);
    const json = JSON.parse(fileFirst.stdout) as { files: number; problems: Array<{ file: string }> };
    assert.equal(json.files, 5);
    assert.deepEqual([...new Set(json.problems.map((p) => p.file))], ['p/goals/other.md', 'p/sessions/2026-02-15.md']);
    assert.equal(runCli(['check', 'notes.txt'], root).code, 0);
  });

  it('--rule sets a severity or turns a rule off; --no-unknown-keys drops unknown keys', () => {
    const root = brokenJournal();
    const off = runCli(['check', '--rule', 'goal/unknown-id=off', '--rule', 'keys/unknown=error'], root);
    assert.equal(off.code, 1);
    assert.equal(off.stdout, `${WARNING_LINE.replace('warning', 'error')}\n`);
    const quiet = runCli(['check', '--no-unknown-keys', '--rule=goal/unknown-id=warning'], root);
    assert.equal(quiet.code, 0);
    assert.equal(quiet.stdout, `${ERROR_LINE.replace('error', 'warning')}\n`);
    const bad = runCli(['check', '--rule', 'goal/unknown=off'], root);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /unknown rule goal\/unknown \(did you mean goal\/unknown-id\?\)/);
    assert.equal(runCli(['check', '--rule', 'keys/unknown'], root).code, 2);
    // Names of an object's own machinery are no rules either, also in the config file (where JSON keeps `__proto__` as a key).
    for (const code of ['__proto__', 'constructor', 'toString']) {
      const result = runCli(['check', '--rule', `${code}=off`], root);
      assert.deepEqual([result.code, result.stderr.split('\n')[0]], [2, `mentoring-journal: --rule: unknown rule ${code}`]);
    }
    writeFileSync(path.join(root, '.mentoring-journal.json'), '{"rules": {"__proto__": "bogus"}}');
    const config = runCli(['check'], root);
    assert.deepEqual([config.code, config.stderr.split('\n')[0]], [2, `mentoring-journal: ${path.join(root, '.mentoring-journal.json')}: unknown rule __proto__`]);
  });

  it('reads .mentoring-journal.json at the root or above; the command line wins', () => {
    const root = brokenJournal();
    writeFileSync(path.join(root, '.mentoring-journal.json'), JSON.stringify({ rules: { 'goal/unknown-id': 'warning' }, unknownKeys: false }));
    const result = runCli(['check'], root);
    assert.equal(result.code, 0);
    assert.equal(result.stdout, `${ERROR_LINE.replace('error', 'warning')}\n`);
    assert.equal(runCli(['check', 'p/sessions/2026-02-15.md'], root).stdout, `${ERROR_LINE.replace('error', 'warning')}\n`);
    assert.equal(runCli(['check', '--rule', 'goal/unknown-id=error'], root).code, 1);
  });

  it('a config file with an unknown key, a bad severity or bad JSON is a usage error', () => {
    for (const content of ['{"rulez": {}}', '{"rules": {"keys/unknown": "loud"}}', '{"rules": {"no/such-rule": "off"}}', '{not json']) {
      const root = tempJournal({ 'p/agreement.md': AGREEMENT, '.mentoring-journal.json': content });
      const result = runCli(['check'], root);
      assert.equal(result.code, 2, content);
      assert.match(result.stderr, /\.mentoring-journal\.json/, content);
    }
  });

  it('says what is wrong with a config file in plain words: a missing file, bad JSON, a value out of range', () => {
    const root = tempJournal({ 'p/agreement.md': AGREEMENT, 'grace.json': '{"graceDays": -1}', 'size.json': '{"maxFileSize": "1MB"}', 'bad.json': '{not json', 'list.json': '[]' });
    const message = (config: string) => runCli(['check', '--config', config], root).stderr;
    assert.match(message('missing.json'), /cannot read .*missing\.json: no such file or folder/);
    assert.doesNotMatch(message('missing.json'), /ENOENT/);
    assert.match(message('grace.json'), /grace\.json: `graceDays` must be a whole number of days, 0 or more, not -1/);
    assert.match(message('size.json'), /size\.json: `maxFileSize` must be a whole number of bytes, 1024 or more, not "1MB"/);
    assert.match(message('bad.json'), /bad\.json is not valid JSON: /);
    // `exclude` takes folder names: a path or a glob would skip nothing, without a word.
    for (const [name, value] of [['glob.json', '["arch*"]'], ['path.json', '["archive/old"]']] as const) {
      writeFileSync(path.join(root, name), `{"exclude": ${value}}`);
      assert.ok(message(name).includes(`${name}: \`exclude\` must be a list of folder names, each in quotes (\`archive\`), skipped wherever they are; not paths or glob patterns, which \`ignores\` takes, not ${JSON.stringify(JSON.parse(value))}\n`), name);
    }
    writeFileSync(path.join(root, 'huge.json'), '{"graceDays": 1e400}');
    assert.match(message('huge.json'), /`graceDays` must be a whole number of days, 0 or more, not Infinity$/m);
    assert.match(message('list.json'), /list\.json: the file must hold one JSON object/);
    assert.equal(runCli(['check', '--config', 'grace.json'], root).code, 2);
  });

  it('reads a config file saved with a UTF-8 byte order mark, as some Windows editors save it', () => {
    const root = brokenJournal();
    writeFileSync(path.join(root, '.mentoring-journal.json'), `\uFEFF${JSON.stringify({ rules: { 'goal/unknown-id': 'warning' } })}\n`);
    const result = runCli(['check'], root);
    assert.equal(result.stderr.includes('not valid JSON'), false, result.stderr);
    assert.equal(result.code, 0);
    assert.equal(result.stdout.split('\n')[0], ERROR_LINE.replace('error', 'warning'));
  });

  it('--config names the config file; exclude skips folders', () => {
    const root = brokenJournal();
    mkdirSync(path.join(root, 'conf'));
    writeFileSync(path.join(root, 'conf/strict.json'), JSON.stringify({ exclude: ['sessions'] }));
    const result = runCli(['check', '--config', 'conf/strict.json', '--format', 'json'], root);
    assert.equal(result.code, 0);
    assert.deepEqual(JSON.parse(result.stdout), { files: 2, problems: [] });
  });

  it('does not follow symbolic links to folders, so a link loop cannot hang it', function () {
    const root = brokenJournal();
    try {
      symlinkSync(root, path.join(root, 'p/loop'), 'dir');
    } catch {
      this.skip(); // no permission to create links here
    }
    const result = runCli(['check', '--format', 'json'], root);
    assert.equal(result.code, 1);
    const report = JSON.parse(result.stdout) as { files: number; problems: Array<{ file: string; code: string; message: string }> };
    assert.equal(report.files, 4);
    // Not entered, but said: a check that passed would claim what it never looked at.
    assert.deepEqual(report.problems.filter((p) => p.file === 'p/loop').map((p) => p.code), ['file/unreadable']);
    // Nor by a glob: the link's files were listed 64 levels deep, each "left out of the check" for a reason that was not the one.
    const globbed = runCli(['check', '--format', 'json', '**/*.md'], root);
    assert.doesNotMatch(globbed.stderr, /loop/);
    assert.equal((JSON.parse(globbed.stdout) as { files: number }).files, 4);
  });

  it('reports a folder that is a symbolic link (sessions/ -> elsewhere) at the folder, also for a file named through it, and follows a link to a file', function () {
    const root = tempJournal({ 'p/agreement.md': AGREEMENT, 'p/goals/write-rfc.md': GOAL, 'elsewhere/2026-02-15.md': '---\ntype: session\ndate: 2026-2-15\n---\n', 'kept/linked.md': '---\ntype: goal\ntitle: Linked\nstatus: done\n---\n' });
    try {
      symlinkSync(path.join(root, 'elsewhere'), path.join(root, 'p/sessions'), 'dir');
      mkdirSync(path.join(root, 'p/reviews'));
      symlinkSync(path.join(root, 'kept/linked.md'), path.join(root, 'p/goals/linked.md'));
    } catch {
      this.skip(); // no permission to create links here
    }
    const line = 'p/sessions:1:1 error file/unreadable This folder could not be read: it is a symbolic link to a folder, which the journal does not follow (git keeps the link, not the files it leads to): move the files into the journal. Nothing in it was checked.';
    const whole = runCli(['check', 'p'], root);
    assert.equal(whole.code, 1);
    assert.ok(whole.stdout.split('\n').includes(line), whole.stdout);
    // A pre-commit hook names the staged file: it was never read, so the check does not pass.
    const named = runCli(['check', 'p/sessions/2026-02-15.md'], root);
    assert.equal(named.code, 1);
    assert.equal(named.stdout, `${line}\n`);
    // A link to a file is read as that file.
    assert.match(whole.stdout, /^p\/goals\/linked\.md:4:9 error schema\/invalid-enum /m);
  });
});

/** A journal with nested relationships, loose files at several levels, and excluded folders. */
function tangledJournal(): Record<string, string> {
  const files: Record<string, string> = {
    'README.md': '# Journals\n',
    'stray.md': '---\ntype: session\ndate: 2026-01-01\n---\n',
    'team/notes.md': '---\ntype: goal\ntitle: Loose\nstatus: active\n---\n',
    'team/a/agreement.md': AGREEMENT,
    'team/a/goals/write-rfc.md': GOAL,
    'team/a/sessions/2026-02-01.md': session('2026-02-01'),
    'team/a/inner/agreement.md': AGREEMENT,
    'team/a/inner/sessions/2026-02-01.md': session('2026-02-01'),
    'team/b/agreement.md': AGREEMENT.replace('stage: building', 'stage: mastery').replace('signed: {mentor: 2026-01-02, mentee: 2026-01-02}\n', ''),
    'team/b/sessions/2026-03-01.md': session('2026-03-01'),
    'team/b/sessions/2027-03-01.md': '---\ntype: session\ndate: 2027-03-01\n---\n',
    'node_modules/x/agreement.md': 'not ours',
    '.hidden/agreement.md': 'not ours',
    'other/deep/er/c/agreement.md': AGREEMENT,
    'other/deep/er/c/sessions/2026-02-01.md': session('2026-02-01'),
    'other/deep/loose.md': '---\ntype: review\ndate: 2026-01-01\n---\n',
  };
  for (let i = 0; i < 20; i++) files[`many/r${i}/agreement.md`] = AGREEMENT;
  for (let i = 0; i < 20; i++) files[`many/r${i}/sessions/2026-02-0${(i % 9) + 1}.md`] = session(`2026-02-0${(i % 9) + 1}`, i % 3 ? '' : 'mood: fine\n');
  return files;
}

describe('CLI: partition', () => {
  const problemsOf = async (fs: MemoryFileSystem | PartFileSystem) => {
    const index = new JournalIndex(fs);
    await index.build();
    return { paths: index.paths(), problems: [...index.allProblems()] };
  };

  it('splits a journal into relationship trees and loose-file folders, skipping excluded ones', async () => {
    const parts = await partition(new MemoryFileSystem(tangledJournal()), ['node_modules', '.git']);
    assert.deepEqual(parts.slice(0, 7), [
      { kind: 'files', folder: '' },
      { kind: 'tree', folder: 'many/r0' },
      { kind: 'tree', folder: 'many/r1' },
      { kind: 'tree', folder: 'many/r10' },
      { kind: 'tree', folder: 'many/r11' },
      { kind: 'tree', folder: 'many/r12' },
      { kind: 'tree', folder: 'many/r13' },
    ]);
    assert.deepEqual(parts.slice(21), [
      { kind: 'files', folder: 'other/deep' },
      { kind: 'tree', folder: 'other/deep/er/c' },
      { kind: 'files', folder: 'team' },
      { kind: 'tree', folder: 'team/a' },
      { kind: 'tree', folder: 'team/b' },
    ]);
  });

  it('makes a folder it cannot list a part of its own, whose check reports it; not a folder that vanished', async () => {
    const fs = new MemoryFileSystem(tangledJournal());
    const list = fs.readDirectory.bind(fs);
    fs.readDirectory = async (path: string) => {
      if (path === 'other' || path === 'team/b') throw Object.assign(new Error(`EACCES: permission denied, scandir '${path}'`), { code: 'EACCES' });
      if (path === 'many') throw Object.assign(new Error(`ENOENT: no such file or directory, scandir '${path}'`), { code: 'ENOENT' });
      return list(path);
    };
    const parts = await partition(fs, ['node_modules', '.git']);
    assert.deepEqual(parts, [
      { kind: 'files', folder: '' },
      { kind: 'files', folder: 'other' },
      { kind: 'files', folder: 'team' },
      { kind: 'tree', folder: 'team/a' },
      { kind: 'files', folder: 'team/b' },
    ]);
    const found = await problemsOf(new PartFileSystem(fs, parts[1]!));
    assert.deepEqual(found.paths, []);
    assert.deepEqual(found.problems.map(([file, list]) => [file, list.map((p) => p.code)]), [['other', ['file/unreadable']]]);
  });

  it('checking part by part finds exactly what checking the whole journal finds', async () => {
    const fs = new MemoryFileSystem(tangledJournal());
    const whole = await problemsOf(fs);
    const paths: string[] = [];
    const problems: Array<[string, unknown]> = [];
    for (const part of await partition(fs, ['node_modules', '.git'])) {
      const found = await problemsOf(new PartFileSystem(fs, part));
      paths.push(...found.paths);
      problems.push(...found.problems);
    }
    assert.deepEqual(paths.sort(), whole.paths.sort());
    assert.deepEqual(problems.sort(([a], [b]) => (a < b ? -1 : 1)), whole.problems.sort(([a], [b]) => (a < b ? -1 : 1)));
    assert.ok(whole.problems.length >= 5);
  });
});

describe('CLI: check on several threads', function () {
  this.timeout(60_000);
  before(() => buildCli());
  after(cleanUp);

  it('--jobs 2 reports exactly what --jobs 1 reports', () => {
    const root = tempJournal(tangledJournal());
    const one = runCli(['check', '--jobs', '1', '--format', 'json'], root);
    const two = runCli(['check', '--jobs', '2', '--format', 'json'], root);
    assert.equal(one.code, 1);
    assert.equal(two.code, one.code);
    assert.equal(two.stdout, one.stdout);
    assert.ok((JSON.parse(one.stdout) as { problems: unknown[] }).problems.length >= 5);
    assert.equal(runCli(['check', '--jobs', '0'], root).code, 2);
    assert.equal(runCli(['check', '-j1', '-fjson'], root).stdout, one.stdout);
    assert.equal(runCli(['check', '-hx'], root).code, 2);
  });
});
