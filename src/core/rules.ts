import type { Problem, ProblemData, Range, RuleSeverity, Severity } from './types';

export interface RuleInfo {
  severity: Severity;
  /** One line on what the rule checks, for docs and settings. */
  description: string;
}

/** Every rule the engine reports, with its default severity. Codes are stable: settings and docs refer to them. */
export const RULES = {
  'yaml/syntax': { severity: 'error', description: 'The front matter is not valid YAML.' },
  'yaml/duplicate-key': { severity: 'error', description: 'A key appears twice in the same map.' },
  'yaml/anchor-in-text': { severity: 'warning', description: 'A value starts with `&word` or `!word`, which YAML reads as an anchor or a tag, not as text, so the word is lost (`title: &Co growth plan`).' },
  'yaml/comment-in-text': { severity: 'warning', description: 'A `#` right after a space on a value\'s line starts a YAML comment, which cuts the value short (`announced in #eng-blog`).' },
  'yaml/item-in-text': { severity: 'warning', description: 'A line starting with `- ` that YAML reads as more of the text above, not as a list item (indented past the items of its list); or a list item holding a full-width or ideographic comma (`，`, `、`), which YAML does not part items at.' },
  'yaml/too-many-aliases': { severity: 'error', description: 'The front matter expands too many YAML aliases (a resource-exhaustion pattern).' },
  'frontmatter/missing': { severity: 'error', description: 'A file that must be a journal file has no front matter.' },
  'frontmatter/unclosed': { severity: 'error', description: 'The front matter opened with --- is never closed.' },
  'frontmatter/closed-in-text': { severity: 'warning', description: 'A `---` line inside a `|` or `>` text ends the front matter, and the indented lines after it go to the body.' },
  'frontmatter/closed-early': { severity: 'error', description: 'A `---` closes the front matter before keys written below it (a doubled `---`, or one between keys), and those keys are read as the body.' },
  'frontmatter/toml': { severity: 'error', description: 'TOML (+++) front matter is not supported.' },
  'frontmatter/not-a-map': { severity: 'error', description: 'The front matter is not a map of keys to values.' },
  'file/too-large': { severity: 'warning', description: 'The file is larger than the configured limit and was skipped.' },
  'file/binary': { severity: 'error', description: 'The file holds binary content or UTF-16 text, not UTF-8 text.' },
  'file/encoding': { severity: 'warning', description: 'The file is not valid UTF-8.' },
  'file/unreadable': { severity: 'error', description: 'The file could not be read.' },
  'file/outside-relationship': { severity: 'error', description: 'A goal, session or review file is not inside a folder with an agreement.md.' },
  'git/conflict': { severity: 'error', description: 'An unresolved git merge conflict (<<<<<<<, =======, >>>>>>>); the file is not read until it is resolved.' },
  'type/missing': { severity: 'warning', description: 'A file under goals/ or sessions/ (or an agreement.md) lacks `type`.' },
  'type/unknown': { severity: 'warning', description: 'A file with front matter inside a relationship has no `type` and its folder does not imply one.' },
  'type/other-folder': { severity: 'info', description: 'A goal, session or review file is kept in the folder of another type (a goal under sessions/).' },
  'schema/missing-key': { severity: 'error', description: 'A required key is missing.' },
  'schema/invalid-enum': { severity: 'error', description: 'A value is not one of the allowed values.' },
  'schema/invalid-type': { severity: 'error', description: 'A value has the wrong type.' },
  'schema/invalid-value': { severity: 'error', description: 'A value is out of range or malformed.' },
  'keys/unknown': { severity: 'warning', description: 'A key the journal format does not define (often a typo).' },
  'date/format': { severity: 'error', description: 'A date is not written YYYY-MM-DD.' },
  'date/impossible': { severity: 'error', description: 'A date does not exist in the calendar (2026-02-30).' },
  'agreement/duplicate': { severity: 'error', description: 'A relationship has more than one agreement.' },
  'agreement/ends-before-start': { severity: 'error', description: '`ends` is not after `started`.' },
  'agreement/unsigned': { severity: 'warning', description: 'The stage is past creating, but the agreement is not signed by both partners.' },
  'goal/unknown-id': { severity: 'error', description: 'A session refers to a goal id that does not exist.' },
  'goal/references-unchecked': { severity: 'info', description: 'Goal references were not checked because the agreement or a goal file could not be read.' },
  'goal/duplicate-id': { severity: 'error', description: 'Two goals of one relationship share an id.' },
  'goal/id-from-file-name': { severity: 'warning', description: 'A goal file without `id` has a file name that is not a valid goal id.' },
  'goal/due-before-start': { severity: 'warning', description: 'A goal is due before the partnership started.' },
  'goal/no-success-criteria': { severity: 'warning', description: 'An active goal lacks `success` criteria or a `due` date.' },
  'goal/achieved-incomplete': { severity: 'info', description: 'A goal is achieved but its progress is below 100.' },
  'goal/progress-decreased': { severity: 'info', description: "A session records lower progress for a goal than an earlier session." },
  'action/not-a-task': { severity: 'warning', description: 'A list item starts like an action item (`[]`, `[x ]`, `[ ]@sam`) but its box is not a checkbox, so it is not read as one.' },
  'action/no-text': { severity: 'warning', description: 'An open action item says nothing to do: only its box, an `@owner` or a due marker.' },
  'action/due-repeated': { severity: 'warning', description: 'An action item has more than one `(due YYYY-MM-DD)` marker; only the first counts.' },
  'session/after-today': { severity: 'info', description: 'A session is dated after today, so the review leaves it out until then (reported by the command line).' },
  'session/outside-partnership': { severity: 'warning', description: 'A session is dated before `started`, after `ends` or after a recorded closure, or the latest session plans the next one after `ends`.' },
  'session/next-before-date': { severity: 'warning', description: "A session's `next` is on or before its own `date`." },
  'session/hidden-by-comment': { severity: 'warning', description: 'An HTML comment in a session never closes, or runs over a heading: what it holds is hidden and not read.' },
} satisfies Record<string, RuleInfo>;

/** A rule's code: a typo in one is a type error. */
export type RuleCode = keyof typeof RULES;

export function isRuleCode(code: unknown): code is RuleCode {
  return typeof code === 'string' && Object.hasOwn(RULES, code);
}

export function defaultSeverity(code: RuleCode): Severity {
  return RULES[code].severity;
}

/** The one way a problem is made: its severity is the rule's default (settings may change it later, see `applySeverities`). */
export function problem(file: string, range: Range, code: RuleCode, message: string, data?: ProblemData): Problem {
  return { file, range, severity: defaultSeverity(code), code, message, ...(data ? { data } : {}) };
}

/** Applies per-rule severity settings; rules set to `off` disappear. */
export function applySeverities(problems: Problem[], overrides: Record<string, RuleSeverity>): Problem[] {
  if (Object.keys(overrides).length === 0) return problems;
  const out: Problem[] = [];
  for (const p of problems) {
    const s = overrides[p.code];
    if (s === 'off') continue;
    out.push(s ? { ...p, severity: s } : p);
  }
  return out;
}

/**
 * The documentation anchor for a rule code, used by hosts to link codes to docs/rules.md.
 * docs/rules.md has a heading `### <code>` per rule; GitHub (and VS Code's Markdown preview)
 * derive its anchor by lower-casing and dropping punctuation other than `-` and `_`, so
 * `goal/unknown-id` is found at `#goalunknown-id`.
 */
export function ruleAnchor(code: string): string {
  return code
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}
