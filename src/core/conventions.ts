import type { JournalFileType } from './types';

/**
 * The journal's conventions, each written once: where files live and what they are named,
 * which names are skipped, how goal ids look and how ids and labels are made from names.
 * Engine, CLI and extension all ask here rather than repeat a pattern.
 */

/** The file that makes a folder a relationship. */
export const AGREEMENT_FILE = 'agreement.md';

/** Whether a root-relative path (or a bare name) is a relationship's agreement: named exactly `agreement.md`. */
export function isAgreementFile(path: string): boolean {
  return path === AGREEMENT_FILE || path.endsWith(`/${AGREEMENT_FILE}`);
}

/** The agreement's path in a relationship folder (`''` is the root). */
export function agreementFileOf(folder: string): string {
  return folder ? `${folder}/${AGREEMENT_FILE}` : AGREEMENT_FILE;
}

/** The folder of a root-relative path (`''` for a file at the root). */
export function parentOf(path: string): string {
  return path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
}

/** Whether a path or name is a Markdown file, the only files the journal reads. */
export function isMarkdownPath(path: string): boolean {
  return /\.md$/i.test(path);
}

/** Every journal file type, in the order messages and completion list them. */
export const JOURNAL_TYPES = ['agreement', 'goal', 'session', 'review'] as const satisfies readonly JournalFileType[];

export function isJournalType(value: unknown): value is JournalFileType {
  return typeof value === 'string' && (JOURNAL_TYPES as readonly string[]).includes(value);
}

/** Folders whose files are of a type without saying so. */
const FOLDER_TYPES: Readonly<Record<string, JournalFileType>> = { goals: 'goal', sessions: 'session', reviews: 'review' };

/** The type a file's place implies: `agreement.md`, or a file under `goals/`, `sessions/` or `reviews/`. */
export function typeFromPath(path: string): JournalFileType | undefined {
  if (isAgreementFile(path)) return 'agreement';
  const parts = path.split('/');
  for (let i = parts.length - 2; i >= 0; i--) {
    const name = parts[i] ?? '';
    if (Object.hasOwn(FOLDER_TYPES, name)) return FOLDER_TYPES[name];
  }
  return undefined;
}

/** Whether the engine skips a folder or file of this name: one of `exclude` (the option), or a dot name. */
export function isExcludedName(name: string, exclude: readonly string[]): boolean {
  return exclude.includes(name) || (name.startsWith('.') && name.length > 1);
}

/** Whether any part of a root-relative path is skipped ({@link isExcludedName}). */
export function isExcludedPath(path: string, exclude: readonly string[]): boolean {
  return path.split('/').some((part) => isExcludedName(part, exclude));
}

/** A goal id: lower-case kebab-case, like `write-design-doc`. */
export const GOAL_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The message for an id that does not match {@link GOAL_ID}, without its subject. */
export const GOAL_ID_RULE = 'must be lower-case kebab-case, like `write-design-doc`';

/** Lower-case ASCII words of a text (accents dropped): `Ünal's RFC!` gives `unal`, `s`, `rfc`. */
function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** A kebab-case slug of a text: `Priya Raman` gives `priya-raman`. */
export function slug(text: string): string {
  return words(text).join('-');
}

/** A goal id from a title: `Lead the design RFC!` gives `lead-the-design-rfc`, at most 48 characters, cut at a word. */
export function goalIdFromTitle(title: string): string {
  let id = '';
  for (const word of words(title)) {
    const next = id ? `${id}-${word}` : word;
    if (next.length > 48 && id) break;
    id = next.slice(0, 48);
  }
  return id || 'new-goal';
}

/** A readable title from an id: `review-others-designs` gives `Review others designs`. */
export function titleFromId(id: string): string {
  const text = id.split('-').filter(Boolean).join(' ');
  return text ? text[0]!.toUpperCase() + text.slice(1) : id;
}

/** A text on one line, runs of white space as one space: for headings and one-line values. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * How a relationship is named to people: "Priya Raman ↔ Sam Okafor" (a `?` for a side without
 * names), or its id (its folder) when the agreement names nobody; `(journal root)` for the root.
 * The tree, the status bar, quick picks, messages and the review panel all show this one label.
 */
export function relationshipLabel(mentors: readonly string[], mentees: readonly string[], id: string): string {
  if (mentors.length === 0 && mentees.length === 0) return id === '.' || id === '' ? '(journal root)' : id;
  return `${mentors.join(', ') || '?'} ↔ ${mentees.join(', ') || '?'}`;
}
