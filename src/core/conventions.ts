import { isRealDate } from './dates';
import type { JournalFileType, Person } from './types';

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

/** The folder each type of file is kept in, inside its relationship (an agreement is `agreement.md` itself). */
export const FOLDER_OF: Readonly<Record<Exclude<JournalFileType, 'agreement'>, string>> = { goal: 'goals', session: 'sessions', review: 'reviews' };

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

/**
 * The date a file's name starts with: `sessions/2026-11-24.md` and `reviews/2026-11-24-2.md` give
 * `2026-11-24`; a name without a real date first gives undefined. New session and review files are
 * named so, and a missing `date:` is best filled with it.
 */
export function dateFromFileName(path: string): string | undefined {
  const date = /^(\d{4}-\d{2}-\d{2})(?![\d])/.exec(path.slice(path.lastIndexOf('/') + 1))?.[1];
  return date && isRealDate(date) ? date : undefined;
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

/** Latin letters with no decomposition into a base letter and an accent, as they are usually written in ASCII. */
const LATIN_LETTERS: Record<string, string> = { æ: 'ae', ø: 'o', ß: 'ss', œ: 'oe', đ: 'd', ł: 'l', þ: 'th', ð: 'd', ı: 'i', ħ: 'h', ŧ: 't', ŋ: 'ng', ĸ: 'k' };

/** A lower-case text with the Latin letters that have no decomposition (`ø`, `ł`, `ß`) as ASCII writes them. */
export const asciiLetters = (lower: string): string =>
  lower
    // The keys of LATIN_LETTERS, as escapes: the bundles stay ASCII (scripts/build.mjs).
    .replace(/[\u00e6\u00f8\u00df\u0153\u0111\u0142\u00fe\u00f0\u0131\u0127\u0167\u014b\u0138]/g, (c) => LATIN_LETTERS[c]!)
    // Catalan's `l·l` (`ŀl`, `col·lega`) is `ll`.
    .replace(/l\u00b7(?=l)/g, 'l');

/**
 * A person's name or handle as it is compared: case, accents however they are encoded (`Inês`
 * is `ines`), Latin letters ASCII writes otherwise (`Weiß` is `weiss`), spacing and a leading `@`
 * do not count.
 */
export const comparableName = (name: string): string => asciiLetters(name.normalize('NFD').replace(/\p{M}/gu, '').trim().replace(/^@/, '').replace(/\s+/g, ' ').toLowerCase());

/** German's umlauts as its own ASCII spelling writes them: `ä` `ae`, `ö` `oe`, `ü` `ue` (however the dots are encoded). */
const spellUmlauts = (name: string): string => name.normalize('NFD').replace(/([aouAOU])\u0308/g, (_, vowel: string) => `${vowel}e`);

/**
 * Every way a name is compared (comparableName), and the same with German's umlauts spelled out:
 * `Jürgen` is both `jurgen` and `juergen`, so either spelling of a name finds the other.
 */
export function nameForms(name: string): string[] {
  const plain = comparableName(name);
  const spelled = comparableName(spellUmlauts(name));
  return spelled === plain ? [plain] : [plain, spelled];
}

/** Whether two names are the same person's, as names are compared (nameForms). */
export function sameName(a: string, b: string): boolean {
  const forms = nameForms(b);
  return nameForms(a).some((form) => forms.includes(form));
}

/** A text in lower case with its Latin letters as ASCII writes them (`Présentation` gives `presentation`); other characters are kept. */
export function asciiLatin(text: string): string {
  return asciiLetters(text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase());
}

/** Lower-case ASCII words of a text (accents dropped): `Ünal's RFC!` gives `unal`, `s`, `rfc`. */
function words(text: string): string[] {
  return asciiLatin(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** A kebab-case slug of a text: `Priya Raman` gives `priya-raman`. */
export function slug(text: string): string {
  return words(text).join('-');
}

/** A suggested goal id has at most this many words... */
export const GOAL_ID_MAX_WORDS = 5;
/** ...and at most this many characters (a longer first word is cut). */
export const GOAL_ID_MAX_LENGTH = 32;
/** Words that say nothing at the end of a shortened id (`lead-the-design-rfc-for` becomes `lead-the-design-rfc`). */
const TRAILING_FILLERS = new Set(['a', 'an', 'and', 'at', 'by', 'for', 'from', 'in', 'into', 'of', 'on', 'or', 'the', 'to', 'with']);

/**
 * A short goal id from a title, to be typed in `goals:` lists and `[[...]]`: `Lead the design RFC!`
 * gives `lead-the-design-rfc`. At most {@link GOAL_ID_MAX_WORDS} words and {@link GOAL_ID_MAX_LENGTH}
 * characters, cut at a word, without a filler word at the end. An id the relationship has
 * (`taken`) gets `-2`, `-3`...; a title with no Latin letters or digits (`写设计文档`, since goal ids
 * are ASCII) gives `goal-1`, or the first such number free.
 */
export function goalIdFromTitle(title: string, taken: (id: string) => boolean = () => false): string {
  const base = titleSlug(title);
  if (!base) {
    let n = 1;
    while (taken(`goal-${n}`)) n++;
    return `goal-${n}`;
  }
  if (!taken(base)) return base;
  let n = 2;
  while (taken(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

function titleSlug(title: string): string {
  const kept: string[] = [];
  for (const word of words(title)) {
    if (kept.length === GOAL_ID_MAX_WORDS) break;
    if (kept.length === 0) {
      kept.push(word.slice(0, GOAL_ID_MAX_LENGTH));
      continue;
    }
    if ([...kept, word].join('-').length > GOAL_ID_MAX_LENGTH) break;
    kept.push(word);
  }
  while (kept.length > 1 && TRAILING_FILLERS.has(kept.at(-1)!)) kept.pop();
  return kept.join('-');
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

/**
 * The words a person of the agreement goes by, each in every form it is compared in (nameForms):
 * full name, the name without spaces (`@alexkim`), handle, and each of its names that no other
 * person of the agreement shares: the first (`@alex`), the family name (`@kim`), and so the given
 * name of a name written family name first (`佐藤 花子` is `@花子`).
 */
export function personNames(p: Person, people: readonly Person[]): string[] {
  const words = (name: string) => name.replace(/^\s*@/, '').split(/\s+/).filter(Boolean);
  const shared = (part: string) => people.some((other) => other !== p && words(other.name).some((word) => sameName(word, part)));
  const parts = words(p.name).filter((part) => !shared(part));
  return [p.name, p.name.replace(/\s+/g, ''), ...(p.handle ? [p.handle] : []), ...parts].flatMap(nameForms).filter(Boolean);
}
