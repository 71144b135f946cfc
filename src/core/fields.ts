import * as z from 'zod';
import { asciiLatin, GOAL_ID, GOAL_ID_RULE, JOURNAL_TYPES } from './conventions';
import { cadenceDays, dateWrittenLoosely, durationDays, isBeforeYear100, isDateShaped, isRealDate, MAX_CADENCE_DAYS } from './dates';
import { clip, codePoint, spaceName } from './words';
import type { RuleCode } from './rules';
import { everyDaysAdvice, isInheritedName } from './validate';
import {
  CLOSURE_OUTCOMES,
  FORMALITIES,
  FORMATS,
  GOAL_OWNERS,
  GOAL_STATUSES,
  SESSION_STATUSES,
  STAGES,
  type JournalFileType,
} from './types';

/**
 * The journal schema, one zod schema per front-matter key. Keys are validated one by one
 * so that a bad value spoils only itself, and each key carries the words that completion,
 * hover, quick fixes and the docs show.
 */
export interface FieldSpec<S extends z.ZodType = z.ZodType> {
  schema: S;
  required?: boolean;
  /** What the key means, for hover and completion. */
  description: string;
  /** What a valid value looks like, for messages. */
  expects: string;
  /** Inserted by the "add missing key" fix. `YYYY-MM-DD` stands for today. */
  placeholder: string;
  /** Allowed values, for completion and "replace with" fixes. */
  values?: readonly string[];
  /**
   * A quick test, on every file's path, for the common valid values: when it holds, the schema
   * accepts the value and its output equals the value, so the schema need not run. A unit test
   * (test/unit/fields.test.ts) holds each one to its schema.
   */
  accepts?: (value: unknown) => boolean;
}

export type FieldSpecs = Record<string, FieldSpec>;

/** The values `validateFields` returns for `specs`: each key's zod output type, present when the key is valid. */
export type FieldValues<T extends FieldSpecs> = { [K in keyof T]?: z.output<T[K]['schema']> };

// zod compiles a parser for each object schema when it may: the first object schema makes it probe
// `navigator` and `new Function`. In VS Code's Node extension host that read of `navigator` is logged
// as an error against this extension (PendingMigrationError), and a web worker may refuse
// `new Function`. The schemas below are built without that (`jitless`, which zod keeps in one setting
// for every copy of it in the process: it is put back as it was at the end of this module).
const zodJitless = z.config().jitless;
z.config({ jitless: true });

export const dateSchema = z
  .string()
  .refine(isDateShaped, {
    params: { rule: 'date/format' satisfies RuleCode },
    // `"20261105"`: the date it means, where it is one.
    error: (issue) => {
      // `2026/01/05`, `26.01.2026`, `2026-1-5`, `2026-01-26T10:00`: the day it can only mean.
      // A space YAML keeps in the value (a non-breaking or an ideographic one, pasted or typed after the date): the date as written looks right.
      const odd = typeof issue.input === 'string' ? /[\u00a0\u3000\u2000-\u200b\u202f\ufeff]/.exec(issue.input)?.[0] : undefined;
      if (odd) return `must be a date written YYYY-MM-DD, and it holds ${spaceName(odd)} (${codePoint(odd)}): delete it`;
      const meant = typeof issue.input === 'string' ? dateWrittenLoosely(issue.input.trim()) : undefined;
      return meant ? `must be a date written YYYY-MM-DD: write \`${meant}\`` : 'must be a date written YYYY-MM-DD';
    },
  })
  .refine((s) => !isDateShaped(s) || isRealDate(s), {
    params: { rule: 'date/impossible' satisfies RuleCode },
    error: (issue) =>
      typeof issue.input === 'string' && isBeforeYear100(issue.input)
        ? `is in the year ${Number(issue.input.slice(0, 4))}: the journal takes dates from the year 100 on; write the year in full (YYYY)`
        : 'is not a real calendar date: expected a date YYYY-MM-DD that exists',
  });

const text = z.string().trim().min(1, 'must not be empty');
/** A text `text` keeps as it is: not empty, nothing to trim. */
const isText = (v: unknown): boolean => typeof v === 'string' && v !== '' && v.trim() === v;
const isTextList = (v: unknown): boolean => Array.isArray(v) && v.every(isText);
const isDate = (v: unknown): boolean => typeof v === 'string' && isRealDate(v);
const isPercent = (v: unknown): boolean => typeof v === 'number' && v >= 0 && v <= 100;
/** A map of goal ids to 0-100; one with an inherited name as a key (`__proto__`) is left to its schema. */
const isPercentRecord = (v: unknown): boolean => {
  if (typeof v !== 'object' || v === null || Object.getPrototypeOf(v) !== Object.prototype) return false;
  for (const key of Object.keys(v)) if (isInheritedName(key) || !isPercent((v as Record<string, unknown>)[key])) return false;
  return Object.getOwnPropertySymbols(v).length === 0;
};
const textList = z.array(text);
const email = z.string().regex(/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/, 'must be an email address such as priya@example.org');
const person = z.union([text, z.strictObject({ name: text, handle: z.string().optional(), email: email.optional() })]);
const percent = z.number().min(0, 'must be between 0 and 100').max(100, 'must be between 0 and 100');
/**
 * A goal id written almost as one: in the wrong case (`Write-RFC`), with `_`, spaces or dots
 * between its words (`rust_basics`), or with accents (`présentation`). It is told the id to
 * write, and the goal is still defined under it, so references written as declared are not
 * errors too.
 */
export const caseFixedGoalId = (value: unknown): string | undefined => {
  if (typeof value !== 'string') return undefined;
  const fixed = asciiLatin(value).replace(/[_\s.]+/g, '-').replace(/-{2,}/g, '-').replace(/^-|-$/g, '');
  return fixed !== value && GOAL_ID.test(fixed) ? fixed : undefined;
};
/** A goal file's name without its folder and `.md`. */
export const goalFileName = (path: string): string => (path.split('/').pop() ?? '').replace(/\.md$/i, '');
/**
 * The id a goal file's name gives: the name when it is one, else the id it is almost
 * (caseFixedGoalId), else the name itself (`登壇`: the goal exists all the same); undefined for
 * an empty name.
 */
export const goalIdOfFileName = (name: string): string | undefined => (GOAL_ID.test(name) ? name : caseFixedGoalId(name) ?? (name || undefined));
const goalId = z.string().regex(GOAL_ID, {
  error: (issue) => {
    const fixed = caseFixedGoalId(issue.input);
    if (!fixed) return GOAL_ID_RULE;
    return fixed === String(issue.input).toLowerCase() ? `must be lower-case: write \`${fixed}\`` : `must be lower-case kebab-case (words joined by \`-\`): write \`${fixed}\``;
  },
});

const STAGE_ALIASES: Record<string, string> = { '1': 'creating', '2': 'building', '3': 'mastery', '4': 'moving-on' };
/** `1`-`4` are accepted for the four stages. */
export const stageSchema = z.preprocess((v) => (typeof v === 'number' || typeof v === 'string') && Object.hasOwn(STAGE_ALIASES, String(v)) ? STAGE_ALIASES[String(v)] : v, z.enum(STAGES));

const cadence = z.string().refine((s) => cadenceDays(s) !== undefined, {
  // `Biweekly`, `Monthly`: the cadence meant, in the lower case the journal takes.
  error: (issue) => {
    const lower = typeof issue.input === 'string' ? issue.input.trim().toLowerCase() : undefined;
    // `"14"`, `14 days`: a number of days is a duration.
    const days = lower !== undefined ? /^(\d+)(?:\s*days?)?$/.exec(lower)?.[1] : undefined;
    const long = typeof issue.input === 'string' ? durationDays(issue.input) : undefined;
    if (long !== undefined && long > MAX_CADENCE_DAYS) return `must be at most a year between meetings (\`P${MAX_CADENCE_DAYS}D\` at most; \`P1Y\` counts as 365 days): \`${clip(String(issue.input))}\` is ${long.toLocaleString('en-US')} days`;
    const hint = lower !== undefined && lower !== issue.input && cadenceDays(lower) !== undefined ? `: write \`${lower}\`` : days !== undefined ? everyDaysAdvice(Number(days)) : '';
    return `must be weekly, biweekly (or fortnightly), monthly or an ISO-8601 duration such as P10D or P3W${hint}`;
  },
});

/** How one partner felt a session went, 1-5 (5 best). */
const pulseScore = z.number().int('must be a whole number from 1 to 5').min(1, 'must be from 1 to 5').max(5, 'must be from 1 to 5');

const partnerLists = z.strictObject({ mentor: textList.optional(), mentee: textList.optional() });

const typeField = <T extends JournalFileType>(type: T): FieldSpec<z.ZodLiteral<T>> => ({
  schema: z.literal(type),
  required: true,
  description: 'What this journal file is: agreement, goal, session or review.',
  expects: `\`${type}\``,
  placeholder: type,
  values: JOURNAL_TYPES,
  accepts: (v) => v === type,
});

const enumField = <const V extends readonly [string, ...string[]]>(values: V, description: string, placeholder?: string) => ({
  schema: z.enum(values),
  description,
  expects: `one of ${values.join(', ')}`,
  placeholder: placeholder ?? values[0] ?? '',
  values,
  accepts: (v: unknown) => typeof v === 'string' && values.includes(v),
}) satisfies FieldSpec;

const dateField = (description: string, required = false): FieldSpec<typeof dateSchema> => ({
  schema: dateSchema,
  required,
  description,
  expects: 'a date YYYY-MM-DD',
  placeholder: 'YYYY-MM-DD',
  accepts: isDate,
});

/** Goal fields shared by goal files and the agreement's inline `goals:` list. */
const goalFields = {
  id: { schema: goalId, description: 'Stable id that sessions use to refer to this goal, lower-case kebab-case. A goal file defaults to its file name.', expects: 'a kebab-case id', placeholder: 'goal-id', accepts: (v) => typeof v === 'string' && GOAL_ID.test(v) },
  title: { schema: text, required: true, description: 'The goal in a few words.', expects: 'a short text', placeholder: 'Goal title', accepts: isText },
  owner: enumField(GOAL_OWNERS, 'Whose learning goal this is. Mentoring is reciprocal: mentors set goals too. Default: mentee.', 'mentee'),
  success: { schema: text, description: 'Specific, measurable success criteria: how both partners will know the goal is met.', expects: 'a text', placeholder: 'How we will know this goal is met', accepts: isText },
  due: dateField('When the goal should be met: a goal needs a timeframe.'),
  status: { ...enumField(GOAL_STATUSES, 'Where the goal stands.', 'proposed'), required: true },
  progress: { schema: percent, description: 'How far along the goal is, 0-100.', expects: 'a number from 0 to 100', placeholder: '0', accepts: isPercent },
  skills: { schema: textList, description: 'Skills this goal develops.', expects: 'a list of skills', placeholder: '[]', accepts: isTextList },
  created: dateField('When the goal was set.'),
} satisfies FieldSpecs;

export const AGREEMENT_FIELDS = {
  type: typeField('agreement'),
  mentor: { schema: person, description: 'The mentor: a name, or {name, handle, email}.', expects: 'a name or {name, handle, email}', placeholder: 'Mentor Name', accepts: isText },
  mentee: { schema: person, description: 'The mentee: a name, or {name, handle, email}.', expects: 'a name or {name, handle, email}', placeholder: 'Mentee Name', accepts: isText },
  mentors: { schema: z.array(person).min(1, 'must name at least one mentor'), description: 'Several mentors, for group mentoring.', expects: 'a list of names', placeholder: '[]' },
  mentees: { schema: z.array(person).min(1, 'must name at least one mentee'), description: 'Several mentees, for group mentoring.', expects: 'a list of names', placeholder: '[]' },
  format: enumField(FORMATS, 'How the partnership is set up. Default: one-to-one.', 'one-to-one'),
  formality: enumField(FORMALITIES, 'A formal partnership is time-limited and needs an end date. Default: formal.', 'formal'),
  started: dateField('When the partnership began.', true),
  ends: dateField('When the partnership is planned to end; required for a formal partnership.'),
  cadence: { schema: cadence, description: 'How often you meet: weekly, biweekly (or fortnightly: 14 days too), monthly or an ISO-8601 duration (P10D, P3W).', expects: 'weekly, biweekly, fortnightly, monthly or a duration like P10D', placeholder: 'biweekly', values: ['weekly', 'biweekly', 'monthly'], accepts: (v) => typeof v === 'string' && cadenceDays(v) !== undefined },
  stage: {
    schema: stageSchema,
    required: true,
    description: 'The stage of the relationship: creating (1), building (2), mastery (3), moving-on (4).',
    expects: `one of ${STAGES.join(', ')} (or 1-4)`,
    placeholder: 'creating',
    values: STAGES,
    accepts: (v: unknown) => typeof v === 'string' && (STAGES as readonly string[]).includes(v),
  },
  confidential: { schema: z.boolean(), description: 'Whether what is discussed stays between the partners. Default: true.', expects: 'true or false', placeholder: 'true', values: ['true', 'false'], accepts: (v) => typeof v === 'boolean' },
  signed: {
    schema: z.strictObject({ mentor: dateSchema.optional(), mentee: dateSchema.optional() }),
    description: 'When each partner agreed to this agreement: {mentor: date, mentee: date}.',
    expects: '{mentor: YYYY-MM-DD, mentee: YYYY-MM-DD}',
    placeholder: '{ mentor: YYYY-MM-DD, mentee: YYYY-MM-DD }',
  },
  strengths: { schema: partnerLists, description: 'What each partner brings: {mentor: [..], mentee: [..]}.', expects: '{mentor: [..], mentee: [..]}', placeholder: '{ mentor: [], mentee: [] }' },
  expectations: { schema: partnerLists, description: 'What each partner expects: {mentor: [..], mentee: [..]}.', expects: '{mentor: [..], mentee: [..]}', placeholder: '{ mentor: [], mentee: [] }' },
  success: { schema: text, description: 'How both partners define success for the partnership.', expects: 'a text', placeholder: 'What success means for us', accepts: isText },
  goals: { schema: z.array(z.unknown()), description: 'Goals defined inline: a list of goals with the fields of a goal file (without type).', expects: 'a list of goals', placeholder: '[]' },
  closure: {
    schema: z.strictObject({ date: dateSchema, outcome: z.enum(CLOSURE_OUTCOMES), reflection: z.string().optional() }),
    description: 'How the formal partnership ended: {date, outcome: informal | friends | periodic-contact | ended, reflection}.',
    expects: '{date, outcome, reflection}',
    placeholder: '{ date: YYYY-MM-DD, outcome: ended }',
  },
} satisfies FieldSpecs;

/** Fields of an inline goal in the agreement: the goal fields, with `id` required since there is no file name. */
export const INLINE_GOAL_FIELDS = { ...goalFields, id: { ...goalFields.id, required: true } } satisfies FieldSpecs;

export const GOAL_FIELDS = { type: typeField('goal'), ...goalFields } satisfies FieldSpecs;

export const SESSION_FIELDS = {
  type: typeField('session'),
  date: dateField('When the session took place.', true),
  attendees: { schema: textList, description: 'Who took part.', expects: 'a list of names', placeholder: '[]', accepts: isTextList },
  duration: { schema: z.number().int('must be whole minutes').positive('must be positive'), description: 'Length of the session in minutes.', expects: 'a positive whole number of minutes', placeholder: '60', accepts: (v) => Number.isSafeInteger(v) && (v as number) > 0 },
  status: enumField(SESSION_STATUSES, 'Whether the session was held, cancelled or missed. Default: held.', 'held'),
  stage: { ...AGREEMENT_FIELDS.stage, required: false, description: 'The stage the partners felt they were in at this session.' },
  goals: { schema: z.array(z.string()), description: 'Ids of the goals discussed.', expects: 'a list of goal ids', placeholder: '[]', accepts: (v) => Array.isArray(v) && v.every((id) => typeof id === 'string') },
  progress: { schema: z.record(z.string(), percent), description: 'Progress of each goal as of this session: goal id to 0-100.', expects: 'a map of goal id to 0-100', placeholder: '{}', accepts: isPercentRecord },
  next: dateField('When the partners meet next.'),
  pulse: {
    schema: z.strictObject({ mentor: pulseScore.optional(), mentee: pulseScore.optional() }),
    description: 'How each partner felt the relationship went in this session, 1-5 (5 best): {mentor: 1-5, mentee: 1-5}. The review charts it over time and warns when it drops.',
    expects: '{mentor: 1-5, mentee: 1-5}',
    placeholder: '{ mentor: 4, mentee: 4 }',
  },
} satisfies FieldSpecs;

export const REVIEW_FIELDS = {
  type: typeField('review'),
  date: dateField('When the review was made.', true),
  relationship: { schema: z.string(), description: 'The relationship reviewed.', expects: 'a relationship id', placeholder: '', accepts: (v) => typeof v === 'string' },
  stage: { ...AGREEMENT_FIELDS.stage, required: false, description: 'The declared stage at the time of the review.' },
  inferred: { ...AGREEMENT_FIELDS.stage, required: false, description: 'The stage inferred from the journal at the time of the review.' },
  goals: {
    schema: z.record(z.string(), z.strictObject({ status: z.enum(GOAL_STATUSES).optional(), progress: percent.optional() })),
    description: 'Snapshot of each goal at the time of the review: goal id to {status, progress}.',
    expects: 'a map of goal id to {status, progress}',
    placeholder: '{}',
  },
} satisfies FieldSpecs;

export const FIELDS_BY_TYPE = {
  agreement: AGREEMENT_FIELDS,
  goal: GOAL_FIELDS,
  session: SESSION_FIELDS,
  review: REVIEW_FIELDS,
} satisfies Record<JournalFileType, FieldSpecs>;

/** Every key a journal file knows, at the top or nested (`pulse:`'s `mentor`, `closure:`'s `outcome`, a person's `email`). */
const KNOWN_KEYS: ReadonlySet<string> = new Set([
  ...Object.values(FIELDS_BY_TYPE).flatMap((fields) => Object.keys(fields)),
  ...['mentor', 'mentee', 'date', 'outcome', 'reflection', 'status', 'progress', 'name', 'handle', 'email'],
]);

/** Whether a word is a key some journal file has, at the top or nested. */
export const isKnownKey = (word: string): boolean => KNOWN_KEYS.has(word);

// Every schema is built: zod's setting goes back as it was for anyone else in this process.
z.config({ jitless: zodJitless });

/**
 * Keys a misspelling is never renamed into without asking (`--fix`, and the quick fix is not the
 * preferred one), though the warning names them: a goal's `id` (the sessions that name the goal
 * by its file name would no longer find it), `goals` and `progress` (ids of goals, checked against
 * the relationship's), and `closure` (it would end the partnership). What they hold changes what
 * other files mean: the writer decides.
 */
export const MEANING_KEYS: ReadonlySet<string> = new Set(['id', 'goals', 'progress', 'closure']);
