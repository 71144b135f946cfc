import assert from 'node:assert/strict';
import { DEFAULT_OPTIONS, JournalIndex, MemoryFileSystem, parseJournalFile, type EngineOptions, type FileSystem, type JournalFile, type Problem, type Severity } from '../../../src/core';

/** Joins lines with `\n`; fixtures are written line by line so that positions can be read off them. */
export const lines = (...l: string[]): string => l.join('\n');

/** Front matter from lines, followed by an optional body. */
export const fm = (keys: string[], body = ''): string => `---\n${keys.join('\n')}\n---\n${body}`;

/** Parses one file alone (per-file rules only), with default severities. */
export function parseFile(path: string, content: string | Uint8Array, options: Partial<EngineOptions> = {}): JournalFile {
  return parseJournalFile(path, content, { ...DEFAULT_OPTIONS, ...options });
}

export function problemsOf(path: string, content: string | Uint8Array, options: Partial<EngineOptions> = {}): Problem[] {
  return parseFile(path, content, options).problems;
}

/** Builds an index over files (or a file system) and returns a lookup of each file's problems, cross-file ones included. */
export async function check(files: Record<string, string | Uint8Array> | FileSystem, options: Partial<EngineOptions> = {}) {
  const fs = isFileSystem(files) ? files : new MemoryFileSystem(files);
  const index = new JournalIndex(fs, options);
  await index.build();
  return { index, problems: (path: string) => index.problems(path), all: () => index.allProblems() };
}

function isFileSystem(value: unknown): value is FileSystem {
  return typeof (value as FileSystem).readFile === 'function';
}

export interface Expected {
  code: string;
  severity: Severity;
  /** start line, start column, end line, end column (1-based, end exclusive). */
  range: [number, number, number, number];
  /** Every pattern must match the message: name the field, say what is expected. */
  message?: RegExp[];
}

/** Asserts exactly one problem with the code, with the severity, range and message given; returns it. */
export function expectOne(problems: Problem[], expected: Expected): Problem {
  const found = problems.filter((p) => p.code === expected.code);
  assert.equal(found.length, 1, `expected one ${expected.code}, got ${found.length}:\n${describe(problems)}`);
  const p = found[0]!;
  assert.equal(p.severity, expected.severity, `severity of ${expected.code}`);
  const [sl, sc, el, ec] = expected.range;
  assert.deepEqual(p.range, { start: { line: sl, column: sc }, end: { line: el, column: ec } }, `range of ${expected.code}: ${p.message}`);
  for (const pattern of expected.message ?? []) assert.match(p.message, pattern);
  return p;
}

/** Asserts that no problem has the code. */
export function expectNone(problems: Problem[], code: string): void {
  const found = problems.filter((p) => p.code === code);
  assert.equal(found.length, 0, `expected no ${code}:\n${describe(found)}`);
}

/** Asserts the exact list of problems as `code@line:col-line:col`, in any order. */
export function expectCodes(problems: Problem[], expected: string[]): void {
  const actual = problems.map((p) => `${p.code}@${p.range.start.line}:${p.range.start.column}-${p.range.end.line}:${p.range.end.column}`);
  assert.deepEqual([...actual].sort(), [...expected].sort(), describe(problems));
}

export function describe(problems: Problem[]): string {
  return problems.map((p) => `  ${p.file}:${p.range.start.line}:${p.range.start.column}-${p.range.end.line}:${p.range.end.column} ${p.severity} ${p.code} ${p.message}`).join('\n');
}

/**
 * A valid relationship `p/`: formal, signed, in the building stage, with an inline goal,
 * a goal file, two sessions and a review. Tests replace one file to break one rule.
 * Line numbers of the agreement are noted because many assertions refer to them.
 */
export const AGREEMENT = lines(
  '---', //                                            1
  'type: agreement', //                                2
  'mentor: Priya Raman', //                            3
  'mentee: Sam Okafor', //                             4
  'started: 2026-01-05', //                            5
  'ends: 2026-12-18', //                               6
  'cadence: biweekly', //                              7
  'stage: building', //                                8
  'signed: {mentor: 2026-01-05, mentee: 2026-01-06}', // 9
  'goals:', //                                         10
  '  - id: rust-basics', //                            11
  '    title: Learn Rust basics', //                   12
  '    status: active', //                             13
  '    success: One small CLI shipped in Rust', //     14
  '    due: 2026-06-30', //                            15
  '---', //                                            16
  '',
  '# Mentoring agreement',
  '',
);

export const GOAL = lines(
  '---', //                                     1
  'type: goal', //                              2
  'title: Write a design doc', //               3
  'status: active', //                          4
  'success: A design doc approved by the team', // 5
  'due: 2026-05-29', //                         6
  'progress: 40', //                            7
  '---', //                                     8
  '',
);

export const SESSION = lines(
  '---', //                                     1
  'type: session', //                           2
  'date: 2026-02-02', //                        3
  'attendees: [Priya Raman, Sam Okafor]', //    4
  'duration: 60', //                            5
  'goals: [rust-basics]', //                    6
  'progress:', //                               7
  '  design-doc: 40', //                        8
  'next: 2026-02-16', //                        9
  '---', //                                     10
  '', //                                        11
  '## Questions', //                            12
  '', //                                        13
  'How do reviewers read a design doc?', //     14
  '', //                                        15
  '## Actions', //                              16
  '', //                                        17
  '- [ ] @sam Outline the doc (due 2026-02-10) [[design-doc]]', // 18
  '- [x] Read chapter 3 of the book [[rust-basics]]', // 19
  '',
);

export const REVIEW = lines(
  '---', //                                     1
  'type: review', //                            2
  'date: 2026-03-01', //                        3
  'stage: building', //                         4
  'goals:', //                                  5
  '  design-doc: {status: active, progress: 40}', // 6
  '---', //                                     7
  '',
  'We looked at [[rust-basics]] too.',
  '',
);

export function relationship(replace: Record<string, string | Uint8Array | undefined> = {}): Record<string, string | Uint8Array> {
  const files: Record<string, string | Uint8Array | undefined> = {
    'README.md': '# Journals\n',
    'p/agreement.md': AGREEMENT,
    'p/goals/design-doc.md': GOAL,
    'p/sessions/2026-02-02.md': SESSION,
    'p/reviews/2026-03-01.md': REVIEW,
    ...replace,
  };
  return Object.fromEntries(Object.entries(files).filter((e): e is [string, string | Uint8Array] => e[1] !== undefined));
}
