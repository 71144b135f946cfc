/**
 * Small journals written as Markdown for the model and review tests, loaded through the real
 * JournalIndex over a MemoryFileSystem. The tests in this file check that the fixtures
 * themselves are valid journal files, so that other tests never build on broken input.
 */
import assert from 'node:assert/strict';
import { JournalIndex, MemoryFileSystem, type Relationship } from '../../src/core';

export const TODAY = '2026-06-01';

export interface AgreementSpec {
  stage?: string;
  started?: string;
  ends?: string | null;
  cadence?: string | null;
  /** Signatures; `null` leaves `signed` out. */
  signed?: { mentor?: string; mentee?: string } | null;
  closure?: string;
  mentor?: string;
  mentee?: string;
  formality?: 'formal' | 'informal';
  format?: string;
  /** `strengths:` as written after the key, say `{mentor: [listening]}`. */
  strengths?: string;
}

/** A formal biweekly agreement for 2026-01-01 to 2026-12-31, signed by both, in the building stage. */
export function agreementMd(spec: AgreementSpec = {}): string {
  const signed = spec.signed === undefined ? { mentor: '2026-01-02', mentee: '2026-01-03' } : spec.signed;
  const lines = [
    '---',
    'type: agreement',
    `mentor: ${spec.mentor ?? 'Priya'}`,
    `mentee: ${spec.mentee ?? 'Sam'}`,
    ...(spec.formality ? [`formality: ${spec.formality}`] : []),
    ...(spec.format ? [`format: ${spec.format}`] : []),
    `started: ${spec.started ?? '2026-01-01'}`,
    ...(spec.ends === null ? [] : [`ends: ${spec.ends ?? '2026-12-31'}`]),
    ...(spec.cadence === null ? [] : [`cadence: ${spec.cadence ?? 'biweekly'}`]),
    `stage: ${spec.stage ?? 'building'}`,
    ...(signed ? [`signed: {${Object.entries(signed).map(([k, v]) => `${k}: ${v}`).join(', ')}}`] : []),
    ...(spec.strengths ? [`strengths: ${spec.strengths}`] : []),
    ...(spec.closure ? [`closure: ${spec.closure}`] : []),
    '---',
    '',
    '# Agreement',
    '',
  ];
  return lines.join('\n');
}

export interface GoalSpec {
  id: string;
  title?: string;
  status?: string;
  due?: string;
  progress?: number;
  created?: string;
  success?: string;
  owner?: string;
}

export function goalMd(spec: GoalSpec): string {
  return [
    '---',
    'type: goal',
    `title: ${JSON.stringify(spec.title ?? `Goal ${spec.id}`)}`,
    `status: ${spec.status ?? 'active'}`,
    `success: ${JSON.stringify(spec.success ?? 'Both partners agree it is done')}`,
    `due: ${spec.due ?? '2026-10-01'}`,
    ...(spec.progress !== undefined ? [`progress: ${spec.progress}`] : []),
    ...(spec.created ? [`created: ${spec.created}`] : []),
    ...(spec.owner ? [`owner: ${spec.owner}`] : []),
    '---',
    '',
  ].join('\n');
}

export interface SessionSpec {
  date: string;
  status?: 'held' | 'missed' | 'cancelled';
  goals?: string[];
  progress?: Record<string, number>;
  next?: string;
  /** `pulse:` as written after the key, say `{mentor: 4, mentee: 3}`. */
  pulse?: string;
  actions?: string[];
  body?: string;
}

export function sessionMd(spec: SessionSpec): string {
  const progress = Object.entries(spec.progress ?? {});
  return [
    '---',
    'type: session',
    `date: ${spec.date}`,
    ...(spec.status ? [`status: ${spec.status}`] : []),
    ...(spec.goals?.length ? [`goals: [${spec.goals.join(', ')}]`] : []),
    ...(progress.length ? [`progress: {${progress.map(([k, v]) => `${k}: ${v}`).join(', ')}}`] : []),
    ...(spec.next ? [`next: ${spec.next}`] : []),
    ...(spec.pulse ? [`pulse: ${spec.pulse}`] : []),
    '---',
    '',
    spec.body ?? '# Session',
    '',
    ...(spec.actions?.length ? ['## Actions', '', ...spec.actions.map((a) => `- ${a}`), ''] : []),
  ].join('\n');
}

export interface JournalSpec {
  agreement?: AgreementSpec;
  goals?: GoalSpec[];
  sessions?: SessionSpec[];
  /** Extra files by path relative to the relationship folder. */
  files?: Record<string, string>;
}

/** The files of one relationship in folder `p`. */
export function journalFiles(spec: JournalSpec = {}): Record<string, string> {
  const files: Record<string, string> = { 'p/agreement.md': agreementMd(spec.agreement) };
  for (const g of spec.goals ?? []) files[`p/goals/${g.id}.md`] = goalMd(g);
  for (const s of spec.sessions ?? []) files[`p/sessions/${s.date}.md`] = sessionMd(s);
  for (const [path, text] of Object.entries(spec.files ?? {})) files[`p/${path}`] = text;
  return files;
}

/** Loads a journal through the real index and returns the index and relationship `p`. */
export async function loadJournal(spec: JournalSpec = {}): Promise<{ index: JournalIndex; rel: Relationship }> {
  const index = new JournalIndex(new MemoryFileSystem(journalFiles(spec)));
  await index.build();
  const rel = index.relationship('p');
  assert.ok(rel, 'relationship p');
  return { index, rel };
}

/** Loads a journal and returns relationship `p`. */
export async function load(spec: JournalSpec = {}): Promise<Relationship> {
  return (await loadJournal(spec)).rel;
}

describe('model fixtures', () => {
  it('write journal files the engine reads without problems', async () => {
    const { index, rel } = await loadJournal({
      goals: [{ id: 'rfc', progress: 10, created: '2026-01-05' }, { id: 'talk', status: 'achieved', progress: 100 }],
      sessions: [
        { date: '2026-01-10', goals: ['rfc'], progress: { rfc: 20 }, next: '2026-01-24', actions: ['[ ] @sam draft the outline (due 2026-01-20) [[rfc]]'] },
        { date: '2026-01-24', status: 'missed' },
      ],
    });
    assert.deepEqual(Object.fromEntries(index.allProblems()), {});
    assert.deepEqual(rel.goals.map((g) => g.id), ['rfc', 'talk']);
    assert.deepEqual(rel.sessions.map((s) => [s.date, s.status]), [['2026-01-10', 'held'], ['2026-01-24', 'missed']]);
    assert.deepEqual(rel.sessions[0]!.actions.map((a) => [a.owner, a.text, a.due, a.goalRefs]), [['sam', 'draft the outline [[rfc]]', '2026-01-20', ['rfc']]]);
  });

  it('leave out signatures, end date and cadence when asked', async () => {
    const rel = await load({ agreement: { signed: null, ends: null, cadence: null, stage: 'creating', formality: 'informal' } });
    assert.deepEqual(rel.agreement?.signed, {});
    assert.equal(rel.agreement?.ends, undefined);
    assert.equal(rel.agreement?.cadence, undefined);
  });
});
