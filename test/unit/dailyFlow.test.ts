/**
 * The engine's part of a mentor's week (issue 11): half-typed text keeps the last good facts,
 * progress goes where the journal reads it, Advance stage updates its hint, and a new session
 * carries every open action over once.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { JournalIndex, MemoryFileSystem, type Relationship } from '../../src/core';
import { addDays, daysBetween } from '../../src/core/dates';
import { advanceStageTo, applyEdits, chainEdits, setFrontMatterValue } from '../../src/core/edits';
import { analyzeRelationship, calendarEvents, journalActions, openActions, progressHome, renderReviewMarkdown } from '../../src/core/model';
import { plannedSessionDate, renderSessionFile, stageHint } from '../../src/core/templates';

const EXAMPLES = join(__dirname, '..', '..', 'examples', 'journal');
const TODAY = '2026-11-23';
const PRIYA = 'priya-and-sam';
const SESSION = `${PRIYA}/sessions/2026-11-18.md`;

/** Every file of examples/journal in a memory file system. */
function examples(): MemoryFileSystem {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else files[relative(EXAMPLES, full).split('\\').join('/')] = readFileSync(full, 'utf8');
    }
  };
  walk(EXAMPLES);
  return new MemoryFileSystem(files);
}

async function indexOf(fs: MemoryFileSystem, keepLastGood: boolean): Promise<JournalIndex> {
  const index = new JournalIndex(fs, {}, { keepLastGood });
  await index.build();
  return index;
}

/** What the tree and the status bar show of a relationship, in a comparable form. */
function glance(rel: Relationship) {
  const report = analyzeRelationship(rel, TODAY);
  return {
    sessions: rel.sessions.map((s) => s.date),
    progress: report.goals.map((g) => `${g.id}:${g.progress}`),
    next: report.cadence.daysToNext,
    overdue: report.cadence.overdue,
    signals: report.signals.map((s) => `${s.severity} ${s.code}`),
  };
}

describe('Half-typed text keeps the last good facts (keepLastGood)', () => {
  it('never shows the intermediate states while a date is typed one character at a time', async () => {
    const fs = examples();
    const index = await indexOf(fs, true);
    const original = await fs.readFile(SESSION).then((b) => new TextDecoder().decode(b));
    const before = glance(index.relationship(PRIYA)!);
    // Delete the date, then type it again, a keystroke at a time: 2026-11-31 on the way is impossible.
    const line = 'date: 2026-11-18';
    const at = original.indexOf(line) + 'date: '.length;
    const typed = '2026-11-31'.split('').map((_, i) => '2026-11-31'.slice(0, i + 1));
    const steps = ['', ...typed, '2026-11-3', '2026-11-', '2026-11-1', '2026-11-18'];
    let staleSeen = 0;
    for (const value of steps) {
      const text = original.slice(0, at) + value + original.slice(at + '2026-11-18'.length);
      index.setText(SESSION, text);
      const file = index.file(SESSION)!;
      if (file.stale) staleSeen++;
      // The problems are always those of the text as it is now.
      const errors = index.problems(SESSION).filter((p) => p.severity === 'error');
      assert.equal(!!file.stale, errors.length > 0, `"${value}": stale exactly while the file has errors`);
      assert.deepEqual(glance(index.relationship(PRIYA)!), before, `"${value}": the relationship looks as before`);
    }
    assert.ok(staleSeen >= 10, `most steps had errors (${staleSeen})`);
    assert.equal(index.file(SESSION)!.stale, undefined);
  });

  it('also for a file that already has an error: only an error the last kept version did not have makes it stale', async () => {
    const fs = examples();
    const original = new TextDecoder().decode(await fs.readFile(SESSION));
    // On disk the session already has an error of its own: an action due on a day that does not exist.
    const withError = original.replace('## Notes', '- [ ] @sam book the room (due 2026-11-31)\n\n## Notes');
    assert.notEqual(withError, original);
    fs.write(SESSION, withError);
    const index = await indexOf(fs, true);
    assert.deepEqual(index.problems(SESSION).map((p) => p.code), ['date/impossible']);
    const before = glance(index.relationship(PRIYA)!);
    // Half-typed YAML: a `[` before a progress value.
    const typing = withError.replace(/(\n {2}[a-z-]+: )(\d+)/, '$1[$2');
    assert.notEqual(typing, withError);
    index.setText(SESSION, typing);
    assert.equal(index.file(SESSION)!.stale, true);
    assert.deepEqual(glance(index.relationship(PRIYA)!), before, 'the progress does not fall back');
    // Back as it was: the same errors as the kept version, so not stale.
    index.setText(SESSION, withError);
    assert.equal(index.file(SESSION)!.stale, undefined);
    // Fixing the due date removes an error: kept, and the new baseline.
    index.setText(SESSION, withError.replace('(due 2026-11-31)', '(due 2026-11-30)'));
    assert.equal(index.file(SESSION)!.stale, undefined);
    assert.deepEqual(index.problems(SESSION), []);
  });

  it('shows a settled text as it is: saved, closed, or changed outside an editor, its errors are the view\'s too', async () => {
    const fs = examples();
    const index = await indexOf(fs, true);
    const original = new TextDecoder().decode(await fs.readFile(SESSION));
    const broken = original.replace('date: 2026-11-18', 'date: 2026-11-31');
    // Typed: stale, the last good date stands in.
    index.setText(SESSION, broken);
    assert.equal(index.file(SESSION)!.stale, true);
    assert.ok(index.relationship(PRIYA)!.sessions.some((s) => s.date === '2026-11-18'));
    // Saved as it is: the view shows what the file says.
    index.setText(SESSION, broken, { settled: true });
    assert.equal(index.file(SESSION)!.stale, undefined);
    assert.ok(!index.relationship(PRIYA)!.sessions.some((s) => s.date === '2026-11-18'));
    // And it is the new baseline: typing on from it is measured against it.
    index.setText(SESSION, broken.replace('## Notes', '## Note'));
    assert.equal(index.file(SESSION)!.stale, undefined);
    // Read again from disk after a change outside an editor (or on close): the same.
    fs.write(SESSION, original);
    index.setText(SESSION, original);
    fs.write(SESSION, broken);
    await index.refresh(SESSION);
    assert.equal(index.file(SESSION)!.stale, true, 'an open file saved by auto-save is still being typed');
    await index.refresh(SESSION, { settled: true });
    assert.equal(index.file(SESSION)!.stale, undefined);
    assert.deepEqual(index.problems(SESSION).map((p) => p.code), ['date/impossible']);
  });

  it('reports the current problems of a stale file, and no cross-file finding about it', async () => {
    const fs = examples();
    const index = await indexOf(fs, true);
    const original = new TextDecoder().decode(await fs.readFile(SESSION));
    // An impossible date and a goal id that does not exist: the date is the file's own error; the
    // unknown id would come from facts that are not the file's current ones, so it is not reported.
    index.setText(SESSION, original.replace('date: 2026-11-18', 'date: 2026-11-31').replace('goals: [write-design-rfc,', 'goals: [no-such-goal,'));
    const codes = index.problems(SESSION).map((p) => p.code);
    assert.deepEqual(codes, ['date/impossible']);
    assert.deepEqual(index.problems(SESSION)[0]!.range, { start: { line: 3, column: 7 }, end: { line: 3, column: 17 } });
    assert.equal(index.file(SESSION)!.session?.date, '2026-11-18');
  });

  it('is off by default: a one-shot index shows the file as it is', async () => {
    const fs = examples();
    const index = await indexOf(fs, false);
    const original = new TextDecoder().decode(await fs.readFile(SESSION));
    index.setText(SESSION, original.replace('date: 2026-11-18', 'date: 2026-11-31'));
    assert.equal(index.file(SESSION)!.stale, undefined);
    assert.ok(!index.relationship(PRIYA)!.sessions.some((s) => s.source.file === SESSION), 'the session without a date is not a session');
  });

  it('does not stand in for a file whose type changed', async () => {
    const fs = examples();
    const index = await indexOf(fs, true);
    index.setText(SESSION, '---\ntype: goal\ntitle: [\n---\n');
    assert.equal(index.file(SESSION)!.stale, undefined);
    assert.equal(index.file(SESSION)!.type, 'goal');
  });
});

describe('Where progress is kept (progressHome)', () => {
  it('is the newest session once a session has recorded the goal, else the goal itself', async () => {
    const index = await indexOf(examples(), false);
    const rel = index.relationship(PRIYA)!;
    const home = progressHome(rel, 'write-design-rfc', TODAY);
    assert.equal(home.kind, 'session');
    assert.equal(home.kind === 'session' && home.session.source.file, SESSION);
    assert.equal(home.kind === 'session' && home.stale, false, '5 days old, cadence biweekly');
    assert.deepEqual(progressHome(rel, 'review-others-designs', TODAY), { kind: 'goal' });
    // Seen from 2026-12-20, the newest session is 32 days old: older than one period of 14 days.
    const later = progressHome(rel, 'write-design-rfc', '2026-12-20');
    assert.equal(later.kind === 'session' && later.stale, true);
    // A session dated after today is an agenda, not where progress stood.
    const agenda = { ...rel.sessions.at(-1)!, date: '2026-12-02', source: { ...rel.sessions.at(-1)!.source, file: `${PRIYA}/sessions/2026-12-02.md` } };
    const withAgenda = { ...rel, sessions: [...rel.sessions, agenda] };
    const home2 = progressHome(withAgenda, 'write-design-rfc', TODAY);
    assert.equal(home2.kind === 'session' && home2.session.source.file, SESSION);
  });
});

describe('Advance stage and its hint (advanceStageTo)', () => {
  const agreement = (hint: string[]) => ['---', 'type: agreement', 'mentor: Priya', ...hint, 'stage: creating', 'confidential: true', '---', ''].join('\n');

  it('replaces the hint a template wrote with the next stage\'s, and changes nothing else', () => {
    const text = agreement(stageHint('creating').map((l) => `# ${l}`));
    const result = advanceStageTo(text, 'building', stageHint);
    assert.ok(result.ok);
    assert.equal(result.text, agreement(stageHint('building').map((l) => `# ${l}`)).replace('stage: creating', 'stage: building'));
    assert.equal(result.edits.length, 1, 'one edit: one undo step');
  });

  it('leaves a comment of the user\'s own alone', () => {
    const text = agreement(['# We agreed on this in the first call.']);
    const result = advanceStageTo(text, 'building', stageHint);
    assert.ok(result.ok);
    assert.equal(result.text, text.replace('stage: creating', 'stage: building'));
  });

  it('keeps CRLF line ends', () => {
    const text = agreement(stageHint('creating').map((l) => `# ${l}`)).replace(/\n/g, '\r\n');
    const result = advanceStageTo(text, 'building', stageHint);
    assert.ok(result.ok);
    assert.ok(!/[^\r]\n/.test(result.text), 'every line ends with CRLF');
    assert.ok(result.text.includes('# Stage 2: '));
  });
});

describe('chainEdits', () => {
  it('makes two changes to one file one edit, refusing both when one is refused', () => {
    const text = '---\ntype: goal\nstatus: active\nprogress: 20\ntitle: X\n---\nbody\n';
    const both = chainEdits(text, [(t) => setFrontMatterValue(t, ['status'], 'achieved'), (t) => setFrontMatterValue(t, ['progress'], 100)]);
    assert.ok(both.ok);
    assert.equal(both.text, '---\ntype: goal\nstatus: achieved\nprogress: 100\ntitle: X\n---\nbody\n');
    // One replacement, of the smallest span that differs (inside the two changed lines).
    assert.deepEqual(both.edits, [{ start: 25, end: 41, text: 'hieved\nprogress: 10' }]);
    assert.equal(applyEdits(text, both.edits), both.text);
    const refused = chainEdits(text, [(t) => setFrontMatterValue(t, ['status'], 'achieved'), () => ({ ok: false, error: 'no' })]);
    assert.deepEqual(refused, { ok: false, error: 'no' });
  });
});

describe('New session prepares the planned meeting', () => {
  it('carries over every open action of the relationship once, grouped by the session it comes from', async () => {
    const index = await indexOf(examples(), false);
    const rel = index.relationship(PRIYA)!;
    const open = openActions(rel.sessions, TODAY);
    const text = renderSessionFile({ relationship: rel, date: '2026-12-02' });
    const carried = text.split('\n').filter((l) => l.startsWith('- [ ] '));
    assert.equal(carried.length, open.length);
    for (const action of open) assert.equal(carried.filter((l) => l.includes(action.text)).length, 1, action.text);
    // Carried over, the copies are the latest occurrences: still one open action each.
    const agenda = new JournalIndex(examples(), {});
    await agenda.build();
    await agenda.setText(`${PRIYA}/sessions/2026-12-02.md`, text);
    assert.equal(openActions(agenda.relationship(PRIYA)!.sessions, '2026-12-02').length, open.length);
  });

  it('offers the planned date when it is within one cadence period of today', async () => {
    const rel = (await indexOf(examples(), false)).relationship(PRIYA)!;
    assert.equal(plannedSessionDate(rel, TODAY), '2026-12-02');
    assert.equal(plannedSessionDate(rel, '2026-11-17'), '2026-11-18', 'the plan of the session of 2026-10-21');
    assert.equal(plannedSessionDate(rel, '2026-12-20'), undefined, 'more than a period past the plan');
  });

  it('plans nothing after the partnership: no `next:` past its end, no planned meeting offered once it is over', async () => {
    const rel = (await indexOf(examples(), false)).relationship(PRIYA)!;
    const ends = rel.agreement!.ends!;
    const cadence = rel.agreement!.cadence!.days;
    const lastDay = renderSessionFile({ relationship: rel, date: ends });
    assert.doesNotMatch(lastDay, /^next:/m, 'the cadence would put the next meeting after the end');
    const earlier = renderSessionFile({ relationship: rel, date: addDays(ends, -cadence) });
    assert.match(earlier, new RegExp(`^next: ${ends}$`, 'm'), 'a next meeting on the last day is still planned');
    const closed = { ...rel, agreement: { ...rel.agreement!, closure: { date: '2026-12-01', outcome: 'ended' as const } } };
    assert.doesNotMatch(renderSessionFile({ relationship: closed, date: '2026-11-25' }), /^next:/m, 'nor after a recorded closure');
    assert.equal(plannedSessionDate(closed, TODAY), undefined, 'the planned meeting (2026-12-02) is after the closure recorded ahead');
    const closing = (date: string) => ({ ...rel, agreement: { ...rel.agreement!, closure: { date, outcome: 'ended' as const } } });
    assert.equal(plannedSessionDate(closing('2026-12-10'), TODAY), '2026-12-02', 'a closure recorded for a later day leaves the meeting before it');
    assert.equal(plannedSessionDate(closing('2026-11-20'), '2026-11-30'), undefined, 'a closure in force: over');
    assert.equal(plannedSessionDate(rel, addDays(ends, 1)), undefined);
  });

  it('a session dated after today is an agenda: not held, not discussed, no progress point yet', async () => {
    const fs = examples();
    const index = await indexOf(fs, false);
    const rel = index.relationship(PRIYA)!;
    const before = analyzeRelationship(rel, TODAY);
    index.setText(`${PRIYA}/sessions/2026-12-02.md`, renderSessionFile({ relationship: rel, date: '2026-12-02' }).replace('# progress:\n#   write-design-rfc: 60', 'progress:\n  write-design-rfc: 70'));
    const after = analyzeRelationship(index.relationship(PRIYA)!, TODAY);
    assert.equal(after.cadence.held, before.cadence.held);
    assert.deepEqual(after.goals.map((g) => [g.lastDiscussed, g.progress]), before.goals.map((g) => [g.lastDiscussed, g.progress]));
    assert.deepEqual(after.sessions, before.sessions);
    // Its action items are the journal's to-do list as it stands, as in `actions` and the Actions
    // view: the same open actions, now at the agenda's lines (where a tick goes).
    assert.deepEqual(after.actions.map((a) => a.text), before.actions.map((a) => a.text));
    assert.deepEqual(after.actions.map((a) => a.source.file), before.actions.map(() => `${PRIYA}/sessions/2026-12-02.md`));
    assert.deepEqual(after.actions.map((a) => a.text).sort(), journalActions([index.relationship(PRIYA)!], TODAY).map((a) => a.text).sort());
    // It is the plan: the next session is on its day, whatever `next:` or the cadence said, and
    // nothing is overdue meanwhile, in the review, the calendar and the view alike.
    assert.deepEqual(after.cadence.nextSession, { date: '2026-12-02', from: 'agenda', daysTo: daysBetween(TODAY, '2026-12-02') });
    assert.equal(after.cadence.agendaFile, `${PRIYA}/sessions/2026-12-02.md`);
    assert.equal(after.cadence.overdue, false);
    assert.match(renderReviewMarkdown(after), /^- Next meeting: 2026-12-02, in \d+ days?, with an agenda written ahead$/m);
    const event = calendarEvents([after]).find((e) => e.kind === 'next-session')!;
    assert.deepEqual([event.date, event.summary.startsWith('Mentoring session: '), event.description], ['2026-12-02', true, `Prepared in the agenda ${PRIYA}/sessions/2026-12-02.md.`]);
    // On its day it counts.
    const onTheDay = analyzeRelationship(index.relationship(PRIYA)!, '2026-12-02');
    assert.equal(onTheDay.cadence.held, before.cadence.held + 1);
    assert.equal(onTheDay.goals.find((g) => g.id === 'write-design-rfc')!.progress, 70);
  });
});

describe('The daily flow on a journal written by hand in other YAML styles', () => {
  // Flow maps, quoted dates and names, comments, a folded and a literal block scalar, an inline
  // goal in the agreement, and a session with CRLF line ends.
  const agreement = [
    '---',
    '# Our agreement, written by hand',
    'type: agreement',
    'mentor: "Elena Petrova"',
    'mentee: {name: Marco Rossi, handle: marco}',
    'format: one-to-one',
    'formality: formal',
    "started: '2026-09-01'",
    'ends: 2027-03-01',
    'cadence: weekly',
    'stage: building # we agreed on 2026-09-03',
    'signed: {mentor: 2026-09-02, mentee: 2026-09-03}',
    'success: >-',
    '  Marco runs the on-call rotation',
    '  on his own.',
    'goals:',
    '  - id: run-oncall',
    '    title: Run the on-call rotation',
    '    status: active # since October',
    '    progress: 10',
    '    due: 2027-01-15',
    '    success: |',
    '      Marco leads two incidents',
    '      without help.',
    '  - id: write-postmortems',
    "    title: 'Write blameless postmortems'",
    '    status: proposed',
    '    success: Two postmortems the team adopts',
    '---',
    'Notes about us.',
    '',
  ].join('\n');
  const session = ['---', 'type: session', 'date: 2026-11-20', 'attendees: [Elena Petrova, Marco Rossi]', 'goals: [run-oncall]', 'progress: {run-oncall: 55}', 'next: 2026-11-27', '---', '', '## Actions', '', '- [ ] @marco shadow the next incident (due 2026-11-25)', ''].join('\r\n');
  const journal = () => new MemoryFileSystem({ 'em/agreement.md': agreement, 'em/sessions/2026-11-20.md': session });

  it('puts progress in the session\'s flow map, and an unrecorded goal\'s in its inline entry, keeping everything else', async () => {
    const rel = (await indexOf(journal(), false)).relationship('em')!;
    const home = progressHome(rel, 'run-oncall', '2026-11-23');
    assert.equal(home.kind === 'session' && home.session.source.file, 'em/sessions/2026-11-20.md');
    const set = setFrontMatterValue(session, ['progress', 'run-oncall'], 70);
    assert.ok(set.ok);
    assert.equal(set.text, session.replace('progress: {run-oncall: 55}', 'progress: {run-oncall: 70}'));
    // write-postmortems: no session recorded it, its progress goes into its entry of the agreement.
    assert.deepEqual(progressHome(rel, 'write-postmortems', '2026-11-23'), { kind: 'goal' });
    const goal = rel.goals.find((g) => g.id === 'write-postmortems')!;
    const achieved = chainEdits(agreement, [
      (t) => setFrontMatterValue(t, ['goals', { id: goal.id }, 'status'], 'achieved'),
      (t) => setFrontMatterValue(t, ['goals', { id: goal.id }, 'progress'], 100),
    ]);
    assert.ok(achieved.ok);
    assert.equal(achieved.text, agreement.replace('    status: proposed\n', '    status: achieved\n    progress: 100\n'));
  });

  it('offers the planned meeting, and keeps the last good facts while the CRLF session is edited', async () => {
    const fs = journal();
    const index = await indexOf(fs, true);
    assert.equal(plannedSessionDate(index.relationship('em')!, '2026-11-23'), '2026-11-27');
    const before = glanceAt(index.relationship('em')!, '2026-11-23');
    for (const broken of ['progress: {run-oncall: 5', 'progress: {run-oncall: }', 'progress: {run-oncall: 555}']) {
      index.setText('em/sessions/2026-11-20.md', session.replace('progress: {run-oncall: 55}', broken));
      assert.equal(index.file('em/sessions/2026-11-20.md')!.stale, true, broken);
      assert.deepEqual(glanceAt(index.relationship('em')!, '2026-11-23'), before, broken);
    }
    index.setText('em/sessions/2026-11-20.md', session.replace('progress: {run-oncall: 55}', 'progress: {run-oncall: 65}'));
    assert.equal(index.file('em/sessions/2026-11-20.md')!.stale, undefined);
    assert.equal(analyzeRelationship(index.relationship('em')!, '2026-11-23').goals.find((g) => g.id === 'run-oncall')!.progress, 65);
  });
});

/** glance() on another day. */
function glanceAt(rel: Relationship, today: string) {
  const report = analyzeRelationship(rel, today);
  return { sessions: rel.sessions.map((s) => s.date), progress: report.goals.map((g) => `${g.id}:${g.progress}`), signals: report.signals.map((s) => s.code) };
}
