import assert from 'node:assert/strict';
import { AGREEMENT, buildCli, cleanUp, GOAL, runCli, session, tempJournal } from './cliHarness';

/** A session as `git merge feature/x` leaves it: both partners changed `attendees`. */
const MERGED = [
  '---',
  'type: session',
  'date: 2026-02-15',
  '<<<<<<< HEAD',
  'attendees: [Priya]',
  '=======',
  'attendees: [Priya, Sam, Lee]',
  '>>>>>>> feature/x',
  'goals: [write-rfc]',
  '---',
  '',
  '## Notes',
  '',
  'Talked about [[write-rfc]].',
  '',
].join('\n');

describe('CLI: a merge conflict', function () {
  this.timeout(60_000);
  before(() => buildCli());
  after(cleanUp);

  const journal = () =>
    tempJournal({ 'p/agreement.md': AGREEMENT, 'p/goals/write-rfc.md': GOAL, 'p/sessions/2026-02-01.md': session('2026-02-01'), 'p/sessions/2026-02-15.md': MERGED });

  it('check prints exactly one problem for a session with a conflict in its front matter', () => {
    const result = runCli(['check'], journal());
    assert.equal(result.code, 1);
    assert.equal(
      result.stdout,
      'p/sessions/2026-02-15.md:4:1 error git/conflict Unresolved merge conflict between HEAD and feature/x: keep one side (or merge them) and delete the conflict markers.\n',
    );
    assert.equal(result.stderr, '1 error, 0 warnings and 0 infos in 4 files\n');
  });

  it('review leaves the file out and says so in a note', () => {
    const result = runCli(['review', '--today', '2026-03-01'], journal());
    assert.equal(result.code, 0);
    assert.match(result.stdout, /^> Note: This file was left out of this review because of an unresolved merge conflict: `p\/sessions\/2026-02-15\.md`\. Resolve it and review again\.$/m);
    assert.doesNotMatch(result.stdout, /\| 2026-02-15 /);
  });

  it('review --format json lists the file left out', () => {
    const result = runCli(['review', '--today', '2026-03-01', '--format', 'json'], journal());
    assert.equal(result.code, 0);
    const json = JSON.parse(result.stdout) as { relationships: Array<{ conflicted: string[]; sessions?: unknown }> };
    assert.deepEqual(json.relationships.map((r) => r.conflicted), [['p/sessions/2026-02-15.md']]);
  });

  it('review --format json gives an empty list when nothing was left out', () => {
    const result = runCli(['review', '--today', '2026-03-01', '--format', 'json'], tempJournal({ 'p/agreement.md': AGREEMENT, 'p/goals/write-rfc.md': GOAL }));
    assert.equal(result.code, 0);
    assert.deepEqual((JSON.parse(result.stdout) as { relationships: Array<{ conflicted: string[] }> }).relationships[0]!.conflicted, []);
  });
});
