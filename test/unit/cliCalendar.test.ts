import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import ICAL from 'ical.js';
import type { Io } from '../../src/cli/io';
import { UsageError } from '../../src/cli/args';
import { runCalendar } from '../../src/cli/calendar';
import { AGREEMENT, buildCli, cleanUp, GOAL, runCli, session, tempJournal } from './cliHarness';

const repo = path.resolve(__dirname, '../..');

const events = (text: string) => new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));

/** Two relationships, one nested in a team folder; p plans its next session and has an open action due. */
function journal(): string {
  return tempJournal({
    'p/agreement.md': AGREEMENT,
    'p/goals/write-rfc.md': GOAL,
    'p/sessions/2026-02-01.md': `${session('2026-02-01', 'next: 2026-02-15\n')}\n## Actions\n\n- [ ] @sam draft, then send (due 2026-02-10)\n`,
    'team/ana-and-li/agreement.md': AGREEMENT.replace('mentor: Priya', 'mentor: Ana').replace('mentee: Sam', 'mentee: Li'),
  });
}

/** Runs `calendar` in this process with a fixed clock (a usage error is exit code 2, as main() makes it). */
async function inProcess(args: string[], cwd: string, now: Date): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { cwd, out: (t) => void (out += t), err: (t) => void (err += t), today: () => '2026-02-05', now: () => now };
  try {
    return { code: await runCalendar(args.slice(1), io), out, err };
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return { code: 2, out, err: `${err}${error.message}\n` };
  }
}

describe('CLI: calendar', function () {
  this.timeout(60_000);
  before(() => buildCli());
  after(cleanUp);

  it('prints an iCalendar file of the example journal that ical.js reads', () => {
    const result = runCli(['calendar', 'examples/journal', '--today', '2026-11-23'], repo);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stderr, '');
    const list = events(result.stdout);
    assert.ok(list.length >= 6);
    assert.ok(list.some((e) => e.summary === 'Mentoring session: Priya Raman ↔ Sam Okafor' && e.startDate.toString() === '2026-12-02' && e.startDate.isDate));
    assert.ok(list.some((e) => e.summary.startsWith('Goal due: Present the design-token proposal')));
    assert.ok(list.some((e) => e.summary.startsWith('Partnership ends: Aiko Tanaka ↔ Daniel Weber')));
  });

  it('writes --out, says what it wrote, and gives the same file but for DTSTAMP on the next run', async () => {
    const root = journal();
    const first = await inProcess(['calendar', '--out', 'mentoring.ics'], root, new Date(Date.UTC(2026, 1, 5, 8)));
    assert.deepEqual([first.code, first.out, first.err], [0, '', 'wrote 6 events for 2 relationships to mentoring.ics\n']);
    const a = readFileSync(path.join(root, 'mentoring.ics'), 'utf8');
    assert.deepEqual(events(a).map((e) => [e.startDate.toString(), e.summary]).sort(), [
      ['2026-02-10', 'Action due: @sam draft, then send (Priya ↔ Sam)'],
      ['2026-02-15', 'Mentoring session: Priya ↔ Sam'],
      ['2026-06-01', 'Goal due: Write an RFC (Priya ↔ Sam)'],
      ['2026-12-31', 'Partnership ends: Priya ↔ Sam'],
      ['2026-12-31', 'Partnership ends: Ana ↔ Li'],
      // No session held yet: due by the cadence after `started`, a day that has passed, so on the day of the export.
      ['2026-02-05', 'Mentoring session overdue since 2026-01-15: Ana ↔ Li'],
    ].sort());
    const again = await inProcess(['calendar', '-o', 'mentoring.ics'], root, new Date(Date.UTC(2026, 1, 6, 8)));
    assert.equal(again.code, 0);
    const b = readFileSync(path.join(root, 'mentoring.ics'), 'utf8');
    assert.notEqual(a, b);
    assert.equal(a.replace(/^DTSTAMP:.*$/gm, ''), b.replace(/^DTSTAMP:.*$/gm, ''));
    assert.match(b, /^DTSTAMP:20260206T080000Z\r$/m);
  });

  it('--relationship takes the folder relative to the journal root, or the folder name alone', async () => {
    const root = journal();
    const now = new Date(Date.UTC(2026, 1, 5));
    const byPath = await inProcess(['calendar', '--relationship', 'team/ana-and-li'], root, now);
    const byName = await inProcess(['calendar', '-r', 'ana-and-li'], root, now);
    assert.equal(byPath.code, 0, byPath.err);
    assert.equal(byName.out, byPath.out);
    assert.deepEqual(events(byPath.out).map((e) => e.summary), ['Mentoring session overdue since 2026-01-15: Ana ↔ Li', 'Partnership ends: Ana ↔ Li']);
    const inside = await inProcess(['calendar'], path.join(root, 'p', 'sessions'), now);
    assert.deepEqual(events(inside.out).map((e) => e.summary.split(':')[0]), ['Action due', 'Mentoring session', 'Goal due', 'Partnership ends']);
    const unknown = await inProcess(['calendar', '-r', 'ana-and-lee'], root, now);
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /no relationship 'ana-and-lee' in \. \(did you mean 'team\/ana-and-li'\?\)/);
  });

  it('gives the same UIDs from the repository\'s top, the journal\'s folder and a relationship\'s, so that importing again updates', async () => {
    const root = journal(); // a git work tree: tempJournal makes a .git folder
    const now = new Date(Date.UTC(2026, 1, 5));
    const uids = async (cwd: string) => {
      const result = await inProcess(['calendar'], cwd, now);
      assert.equal(result.code, 0, result.err);
      return events(result.out).filter((e) => e.summary.includes('Ana ↔ Li')).map((e) => e.uid).sort();
    };
    const fromTop = await uids(root);
    assert.equal(fromTop.length, 2);
    assert.deepEqual(await uids(path.join(root, 'team')), fromTop);
    assert.deepEqual(await uids(path.join(root, 'team', 'ana-and-li')), fromTop);
    // Through symbolic links: to the journal's folder, and to a relationship's (`calendar mine`).
    symlinkSync(path.join(root, 'team'), path.join(root, 'team-link'));
    symlinkSync(path.join(root, 'team', 'ana-and-li'), path.join(root, 'mine'));
    assert.deepEqual(await uids(path.join(root, 'team-link')), fromTop);
    const viaLink = await inProcess(['calendar', 'mine'], root, now);
    assert.equal(viaLink.code, 0, viaLink.err);
    assert.deepEqual(events(viaLink.out).map((e) => e.uid).sort(), fromTop);
  });

  it('never replaces a file that is not an iCalendar file, and checks its arguments', () => {
    const root = journal();
    writeFileSync(path.join(root, 'notes.txt'), '# my notes\n');
    const refused = runCli(['calendar', '--out', 'notes.txt'], root);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /^mentoring-journal: --out notes\.txt exists and is not an earlier export of this command; it is left as it is/m);
    assert.equal(readFileSync(path.join(root, 'notes.txt'), 'utf8'), '# my notes\n');
    // Nor a journal file or the config file, even one not written yet: every command would read it.
    for (const [name, said] of [['p/sessions/calendar.md', /--out p\/sessions\/calendar\.md is a Markdown file, where journal files live; the calendar is never written to one/], ['.mentoring-journal.json', /--out \.mentoring-journal\.json is the journal's config file; the calendar is never written to it/]] as const) {
      const journalFile = runCli(['calendar', '--out', name], root);
      assert.equal(journalFile.code, 2, name);
      assert.match(journalFile.stderr, said);
      assert.ok(!existsSync(path.join(root, name)), name);
    }
    // Only an earlier export is replaced: not a note that starts with the same word, nor another calendar's file.
    for (const [name, text] of [['notes.txt', 'BEGIN:VCALENDARS is how I title my notes\n'], ['other.ics', 'BEGIN:VCALENDAR\r\nPRODID:-//Other//EN\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n']] as const) {
      writeFileSync(path.join(root, name), text);
      assert.equal(runCli(['calendar', '--out', name], root).code, 2, name);
      assert.equal(readFileSync(path.join(root, name), 'utf8'), text);
    }
    assert.equal(runCli(['calendar', '--out', 'mine.ics'], root).code, 0);
    assert.equal(runCli(['calendar', '--out', 'mine.ics'], root).code, 0, 'an earlier export is replaced');
    // Also once a checkout made its line ends `\n` (git's `text=auto`), or an editor added a byte order mark.
    const lf = readFileSync(path.join(root, 'mine.ics'), 'utf8').replace(/\r\n/g, '\n');
    for (const text of [lf, `\uFEFF${lf}`]) {
      writeFileSync(path.join(root, 'mine.ics'), text);
      assert.equal(runCli(['calendar', '--out', 'mine.ics'], root).code, 0);
      assert.match(readFileSync(path.join(root, 'mine.ics'), 'utf8'), /^BEGIN:VCALENDAR\r\n/);
    }
    writeFileSync(path.join(root, 'empty.ics'), '');
    assert.equal(runCli(['calendar', '--out', 'empty.ics'], root).code, 0, 'an empty file is replaced: nothing in it is lost');
    assert.match(readFileSync(path.join(root, 'empty.ics'), 'utf8'), /^BEGIN:VCALENDAR\r\n/);
    mkdirSync(path.join(root, 'out'));
    assert.match(runCli(['calendar', '--out', 'out'], root).stderr, /--out out is a folder/);
    assert.equal(runCli(['calendar', '--today', '2026-02-30'], root).code, 2);
    assert.equal(runCli(['calendar', 'a', 'b'], root).code, 2);
    const help = runCli(['calendar', '--help'], root);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: mentoring-journal calendar \[PATH\] \[options\]/);
    assert.match(runCli(['--help'], root).stdout, /calendar \[PATH\]/);
  });

  it('--out makes missing folders, as check --output-file does, and says in plain words why it cannot write (never ENOENT)', () => {
    const root = journal();
    const made = runCli(['calendar', '--today', '2026-02-05', '--out', 'missing dir/deeper/c.ics'], root);
    assert.equal(made.code, 0, made.stderr);
    assert.equal(made.stderr, 'wrote 6 events for 2 relationships to missing dir/deeper/c.ics\n');
    assert.match(readFileSync(path.join(root, 'missing dir', 'deeper', 'c.ics'), 'utf8'), /^BEGIN:VCALENDAR\r\n/);
    writeFileSync(path.join(root, 'afile'), 'not a folder\n');
    const blocked = runCli(['calendar', '--out', 'afile/c.ics'], root);
    assert.deepEqual([blocked.code, blocked.stdout, blocked.stderr], [2, '', 'mentoring-journal: cannot write afile/c.ics: a part of the path is a file, not a folder\n']);
    const check = runCli(['check', '--output-file', 'afile/report.txt'], root);
    assert.deepEqual([check.code, check.stderr], [2, 'mentoring-journal: cannot write afile/report.txt: a part of the path is a file, not a folder\n']);
    assert.equal(readFileSync(path.join(root, 'afile'), 'utf8'), 'not a folder\n');
  });
});
