/** The few words the tool writes about numbers and days, in one place so that every message agrees. */
import { isBeforeYear100, isDateShaped, isRealDate } from './dates';

/** `1 day`, `2 days`, `0 days`; `many` for irregular plurals (`1 goal is`, `2 goals are`). */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${Math.abs(n) === 1 ? one : many}`;

/** How an action item whose `(due ...)` names no real day is shown: it has no due date, and says why. */
export const noValidDue = (written: string): string =>
  !isDateShaped(written)
    ? `no valid due date: ${written} is not written YYYY-MM-DD`
    : isRealDate(written)
      ? `no valid due date: write it (due ${written})`
      : isBeforeYear100(written)
        ? `no valid due date: ${written} is in the year ${Number(written.slice(0, 4))}: write the year in full`
        : `no valid due date: ${written} is not a day in the calendar`;

/** The text with its first letter in upper case (`Closure was…`). */
export const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** A text cut to at most `max` characters for a message or a label, `…` at the cut. */
export const clip = (text: string, max = 60): string => (text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`);

/**
 * A word with its indefinite article, chosen by how the word is said: `an agreement`, `an hour`,
 * `a goal`, `a user`, `a one-off`. By its spelling, with the common exceptions: a `u` or `eu`
 * said "you", a `one`, a silent `h`.
 */
export function withArticle(word: string): string {
  const w = word.trim().toLowerCase();
  // Said with a "you" or a "w" first: a unit, a user, a European, a one-off.
  const consonantSound = /^(?:uni(?![dmn])|us[eu]|uti|ubi|ura(?!l)|eu|ewe|one(?![a-z])|once)/.test(w);
  const silentH = /^(?:hour|honest|honou?r|heir)/.test(w);
  return `${(/^[aeiou]/.test(w) && !consonantSound) || silentH ? 'an' : 'a'} ${word}`;
}

export const days = (n: number): string => plural(n, 'day');

/** A day relative to today: `today`, `tomorrow`, `yesterday`, `in 3 days`, `3 days ago`. */
export function fromToday(n: number): string {
  if (n === 0) return 'today';
  if (n === 1) return 'tomorrow';
  if (n === -1) return 'yesterday';
  return n > 0 ? `in ${days(n)}` : `${days(-n)} ago`;
}

/** A character's code point as Unicode writes it: `U+00A0`, `U+FF1A`. */
export const codePoint = (c: string): string => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** The name of a space YAML does not take as one: a non-breaking space (Option+Space, a web page), an ideographic one (a Japanese input method), another. */
export const spaceName = (c: string): string => (c === '\u00a0' ? 'a non-breaking space' : c === '\u3000' ? 'an ideographic (full-width) space' : 'an invisible space character');
