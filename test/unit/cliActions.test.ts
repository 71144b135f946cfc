import assert from 'node:assert/strict';
import { cpSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { shellWord } from '../../src/cli/io';
import { AGREEMENT, buildCli, cleanUp, runCli, tempJournal } from './cliHarness';

const repo = path.resolve(__dirname, '../..');

interface ActionsJson {
  today: string;
  actions: Array<{ relationship: string; file: string; line: number; owner: string | null; text: string; due: string | null; invalidDue: string | null; daysOverdue: number; goals: string[] }>;
}

const session = (date: string, actions: string) => `---\ntype: session\ndate: ${date}\n---\n\n## Actions\n\n${actions}`;

describe('CLI: actions', function () {
  this.timeout(60_000);
  before(() => buildCli());
  after(cleanUp);

  it('--format json: every open action of the examples, sorted by due date, with exactly the documented keys', () => {
    const result = runCli(['actions', 'examples/journal', '--today', '2026-11-29', '--format', 'json'], repo);
    assert.equal(result.code, 0, result.stderr);
    const json = JSON.parse(result.stdout) as ActionsJson;
    assert.deepEqual(Object.keys(json), ['today', 'actions']);
    assert.equal(json.today, '2026-11-29');
    assert.deepEqual(json.actions[0], {
      relationship: 'priya-and-sam',
      file: 'examples/journal/priya-and-sam/sessions/2026-11-18.md',
      line: 50,
      owner: 'sam',
      text: 'write the section of [[write-design-rfc]] on keeping the batch job as an alternative',
      due: '2026-11-27',
      invalidDue: null,
      daysOverdue: 2,
      goals: ['write-design-rfc'],
    });
    assert.deepEqual(json.actions.map((a) => `${a.due}:${a.daysOverdue}:${a.file.split('/')[2]}:${a.line}`), [
      '2026-11-27:2:priya-and-sam:50',
      '2026-11-27:2:priya-and-sam:52',
      '2026-11-30:0:priya-and-sam:51',
      '2026-12-03:0:reverse-mentoring:44',
      '2026-12-09:0:reverse-mentoring:45',
    ]);
  });

  it('--owner keeps the actions of the people named (@owner, or the agreement\'s person by name), repeatable', () => {
    const json = (args: string[]) => (JSON.parse(runCli(['actions', 'examples/journal', '--today', '2026-11-29', '--format', 'json', ...args], repo).stdout) as ActionsJson).actions.map((a) => `${a.owner}:${a.line}`);
    assert.deepEqual(json(['--owner', 'Priya Raman']), ['priya:52']);
    assert.deepEqual(json(['--owner', '@PRIYA', '--owner', 'daniel']), ['priya:52', 'daniel:45']);
    assert.deepEqual(json(['--owner', 'nobody']), []);
  });

  it('--relationship (-r) keeps one relationship\'s actions, by id or folder name, as review and calendar take it', () => {
    const json = (args: string[]) => runCli(['actions', 'examples/journal', '--today', '2026-11-29', '--format', 'json', ...args], repo);
    const lines = (args: string[]) => (JSON.parse(json(args).stdout) as ActionsJson).actions.map((a) => `${a.relationship}:${a.line}`);
    assert.deepEqual(lines(['-r', 'reverse-mentoring']), ['reverse-mentoring:44', 'reverse-mentoring:45']);
    assert.deepEqual(lines(['--relationship', 'priya-and-sam']), ['priya-and-sam:50', 'priya-and-sam:52', 'priya-and-sam:51']);
    const unknown = json(['-r', 'priya-and-som']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /no relationship 'priya-and-som' in examples\/journal \(did you mean 'priya-and-sam'\?\)/);
  });

  it('text: the groups with each action\'s due date, days late, relationship and file:line relative to the current folder; undated last', () => {
    const root = tempJournal({
      'p/agreement.md': AGREEMENT,
      'p/sessions/2026-03-01.md': session('2026-03-01', '- [ ] @sam undated\n- [ ] @priya soon (due 2026-03-04)\n- [ ] @sam late [[write-rfc]] (due 2026-03-01)\n- [ ] far (due 2026-04-01)\n'),
    });
    const result = runCli(['actions', '--today', '2026-03-03'], path.join(root, 'p', 'sessions'));
    assert.equal(result.code, 0, result.stderr);
    assert.equal(
      result.stdout,
      [
        '4 open actions on 2026-03-03:',
        '',
        'Overdue (1)',
        '  @sam late [[write-rfc]]',
        '    due 2026-03-01, 2 days late · Priya ↔ Sam · 2026-03-01.md:10',
        '',
        'This week (1)',
        '  @priya soon',
        '    due 2026-03-04 · Priya ↔ Sam · 2026-03-01.md:9',
        '',
        'Later (1)',
        '  far',
        '    due 2026-04-01 · Priya ↔ Sam · 2026-03-01.md:11',
        '',
        'No date (1)',
        '  @sam undated',
        '    no date · Priya ↔ Sam · 2026-03-01.md:8',
        '',
      ].join('\n'),
    );
  });

  it('honours the config\'s ignores and .gitignore, and says when nothing is open', () => {
    const root = tempJournal({
      '.mentoring-journal.json': '{"ignores": ["old/**"]}',
      '.gitignore': 'drafts/\n',
      'old/agreement.md': AGREEMENT,
      'old/sessions/2026-03-01.md': session('2026-03-01', '- [ ] @sam ignored by config\n'),
      'drafts/agreement.md': AGREEMENT,
      'drafts/sessions/2026-03-01.md': session('2026-03-01', '- [ ] @sam ignored by git\n'),
      'p/agreement.md': AGREEMENT,
      'p/sessions/2026-03-01.md': session('2026-03-01', '- [x] @sam done\n'),
    });
    const result = runCli(['actions', '--today', '2026-03-03', '--owner', 'sam'], root);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, 'No open actions for sam on 2026-03-03.\n');
  });

  it('says on stderr when a journal file has errors, since a session whose date or front matter cannot be read is left out (also the calendar)', () => {
    const root = tempJournal({
      'p/agreement.md': AGREEMENT,
      'p/sessions/2026-10-15.md': session('15/10/2026', '- [ ] @sam prepare a question (due 2026-10-20)\n'),
      'p/sessions/2026-10-22.md': session('2026-10-22', '- [ ] @sam read the RFC (due 2026-10-30)\n'),
    });
    const actions = runCli(['actions', '--today', '2026-11-01'], root);
    assert.equal(actions.code, 0);
    assert.match(actions.stdout, /@sam read the RFC/);
    assert.equal(actions.stderr, 'note: 1 journal file has errors, so this list of actions may leave out what cannot be read; run mentoring-journal check\n');
    assert.equal(runCli(['calendar', '--today', '2026-11-01'], root).stderr, 'note: 1 journal file has errors, so the calendar may leave out what cannot be read; run mentoring-journal check\n');
    // The command to run is pasted as it is: a path with a space or a quote is quoted for the shell.
    mkdirSync(path.join(root, "Sam's journal"));
    cpSync(path.join(root, 'p'), path.join(root, "Sam's journal", 'p'), { recursive: true });
    assert.equal(runCli(['actions', "Sam's journal", '--today', '2026-11-01'], root).stderr, "note: 1 journal file has errors, so this list of actions may leave out what cannot be read; run mentoring-journal check 'Sam'\\''s journal'\n");
    assert.equal(shellWord('team/ana-and-li'), 'team/ana-and-li');
    assert.equal(shellWord('my journal'), "'my journal'");
    // Inside another relationship, this one's errors are not its business.
    const other = tempJournal({ 'p/agreement.md': AGREEMENT, 'p/sessions/2026-10-15.md': session('15/10/2026', ''), 'q/agreement.md': AGREEMENT, 'q/sessions/2026-10-22.md': session('2026-10-22', '') });
    assert.equal(runCli(['actions', 'q', '--today', '2026-11-01'], other).stderr, '');
  });

  it('usage errors exit 2 with a pointer to the help', () => {
    for (const args of [['--today', '2026-02-30'], ['--format', 'md'], ['a', 'b'], ['--owner', '@']]) {
      const result = runCli(['actions', ...args], repo);
      assert.equal(result.code, 2, args.join(' '));
      assert.match(result.stderr, /Run 'mentoring-journal actions --help' for usage/);
    }
    const help = runCli(['help', 'actions'], repo);
    assert.match(help.stdout, /^Usage: mentoring-journal actions \[PATH\] \[options\]/);
  });
});
