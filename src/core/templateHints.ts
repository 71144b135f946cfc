import { escapeRegExp } from './text';
import type { Stage } from './types';

/**
 * The hints the session template (templates.ts `renderSessionFile`) writes as HTML comments, for
 * the partners to replace: the review tells a session whose Notes and Summary still hold only
 * these (`notes-unwritten`) from one where anything was written, a comment of their own included.
 */
export const SESSION_HINTS = {
  questions: (stage: Stage) => `<!-- Open-ended questions for the ${stage} stage: keep the ones that fit, add your own. -->`,
  notes: '<!-- What you talked about, in your own words. -->',
  summary: '<!-- What you agreed and decided, in a few points. -->',
  actions: '<!-- - [ ] @owner what to do (due YYYY-MM-DD) -->',
} as const;

/** Any of SESSION_HINTS, as written (blanks inside the comment aside), for every stage. */
export const SESSION_HINT = new RegExp(
  [SESSION_HINTS.questions('creating').replace('creating', '\u0000'), SESSION_HINTS.notes, SESSION_HINTS.summary, SESSION_HINTS.actions]
    .map((hint) => escapeRegExp(hint).replace('\u0000', '[a-z-]+').replace(/^<!-- /, '<!--[ \\t]*').replace(/ -->$/, '[ \\t]*-->'))
    .join('|'),
  'g',
);
