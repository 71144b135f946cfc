import { AGREEMENT_FILE, asciiLetters, oneLine } from './conventions';
import { cadenceDays, isRealDate } from './dates';
import { stageHint } from './templates';
import { yamlScalar } from './yamlWrite';

/** What a new relationship is set up with; the names are the only thing nobody can guess. */
export interface ScaffoldOptions {
  mentor: string;
  mentee: string;
  /** The first day of the partnership, `YYYY-MM-DD`; the host passes today. */
  started: string;
  /** When the formal partnership ends. Default: six months after `started`. */
  ends?: string;
  /** `weekly`, `biweekly` (or `fortnightly`), `monthly` or an ISO-8601 duration. Default: `biweekly`. */
  cadence?: string;
}

/** A file to create, relative to the new relationship's folder. */
export interface ScaffoldFile {
  path: string;
  content: string;
}

/**
 * Why the options cannot make a valid agreement, or undefined when they can. Hosts call this
 * before `scaffoldRelationship` so that the user sees the problem before any file is written.
 */
export function scaffoldProblem(options: ScaffoldOptions): string | undefined {
  if (!options.mentor.trim()) return 'The mentor needs a name.';
  if (!options.mentee.trim()) return 'The mentee needs a name.';
  if (!isRealDate(options.started)) return `The start date must be a real date written YYYY-MM-DD, not \`${options.started}\`.`;
  // Six months after the start (the default end) must still be a day a date can name.
  if (options.ends === undefined && !isRealDate(addMonths(options.started, 6))) return `Six months after the start date (${options.started}), the default end date, is past 9999-12-31: give an end date.`;
  if (options.ends !== undefined) {
    if (!isRealDate(options.ends)) return `The end date must be a real date written YYYY-MM-DD, not \`${options.ends}\`.`;
    if (options.ends <= options.started) return `The end date (${options.ends}) must be after the start date (${options.started}).`;
  }
  if (options.cadence !== undefined && cadenceDays(options.cadence) === undefined) {
    return `The cadence must be weekly, biweekly (or fortnightly), monthly or an ISO-8601 duration such as P10D or P3W, not \`${options.cadence}\`.`;
  }
  return undefined;
}

/** The same calendar day `months` later, clamped to the end of a shorter month (2026-08-31 + 6 = 2027-02-28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, last))}`;
}

/**
 * A folder name for a new relationship from the first names: `Priya Raman` and `Sam Okafor` give
 * `priya-and-sam`, `Zoë` gives `zoe` and `Øyvind` `oyvind` (Latin accents dropped), and names in other scripts stay as
 * they are (`李明` and `Йоханна` give `李明-and-йоханна`): a folder name may hold any letter.
 */
export function suggestFolderName(mentor: string, mentee: string): string {
  const first = (name: string) =>
    asciiLetters(
      (name.trim().split(/\s+/)[0] ?? '')
        .normalize('NFKD')
        // Accents of Latin letters only: in other scripts a mark can make another letter (й, ё).
        .replace(/([A-Za-z])[\u0300-\u036f]+/g, '$1')
        .normalize('NFC')
        .toLowerCase(),
    )
      .split(/[^\p{L}\p{M}\p{N}]+/u)
      .filter(Boolean)
      .join('-') || 'someone';
  return `${first(mentor)}-and-${first(mentee)}`;
}

/**
 * The files of a new relationship: an agreement that passes every check as written (stage
 * `creating`, so unsigned is fine), with commented keys showing what to fill in next, and
 * the `goals/` and `sessions/` folders (kept in git by an empty `.gitkeep`, which the engine
 * ignores). No placeholder goal is written: a made-up goal would only have to be deleted.
 * Pure: the caller checks that none of the paths exists and never overwrites.
 */
export function scaffoldRelationship(options: ScaffoldOptions): ScaffoldFile[] {
  const problem = scaffoldProblem(options);
  if (problem) throw new Error(problem);
  const ends = options.ends ?? addMonths(options.started, 6);
  const cadence = options.cadence ?? 'biweekly';
  const mentor = yamlScalar(options.mentor.trim());
  const mentee = yamlScalar(options.mentee.trim());
  const agreement = [
    '---',
    'type: agreement',
    `mentor: ${mentor}`,
    `mentee: ${mentee}`,
    'format: one-to-one',
    'formality: formal',
    `started: ${options.started}`,
    `ends: ${ends}`,
    `cadence: ${cadence}`,
    ...stageHint('creating').map((line) => `# ${line}`),
    'stage: creating',
    'confidential: true',
    '# signed:',
    '#   mentor: YYYY-MM-DD',
    '#   mentee: YYYY-MM-DD',
    'strengths:',
    '  mentor: []',
    '  mentee: []',
    'expectations:',
    '  mentor: []',
    '  mentee: []',
    '# success: How both of you will know, at the end, that the partnership worked.',
    '# Goals can live here or as files under goals/, for example:',
    '# goals:',
    '#   - id: first-goal',
    '#     title: What the mentee wants to achieve',
    '#     status: proposed',
    '---',
    '',
    `# Mentoring agreement: ${oneLine(options.mentor)} and ${oneLine(options.mentee)}`,
    '',
    '## What we will work on',
    '',
    'The goals, each with measurable success criteria and a date, live in `goals/`.',
    '',
    '## How we will work',
    '',
    '- When and where we meet, and what happens when one of us cannot make it.',
    '- Who sets the agenda, and how we record each session in `sessions/`.',
    '',
    '## Confidentiality',
    '',
    'What stays between us, and what we may share with whom.',
    '',
    '## Ending well',
    '',
    'How either of us can end the partnership, and what we do in its last month.',
    '',
  ].join('\n');
  return [
    { path: AGREEMENT_FILE, content: agreement },
    { path: 'goals/.gitkeep', content: '' },
    { path: 'sessions/.gitkeep', content: '' },
  ];
}
