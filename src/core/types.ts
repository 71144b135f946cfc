/**
 * The engine's shared vocabulary. Nothing here depends on an editor: paths are
 * root-relative POSIX strings (`priya-and-sam/sessions/2026-11-02.md`), positions
 * are 1-based, and the host injects file access and the clock.
 */

export type Severity = 'error' | 'warning' | 'info';

/** A 1-based line and column. */
export interface Position {
  line: number;
  column: number;
}

/** A span of text; `end` points just past the last character (as in ESLint's endColumn). */
export interface Range {
  start: Position;
  end: Position;
}

/** Where something came from: a file and the exact span of its YAML node (or body text). */
export interface SourceRef {
  file: string;
  range: Range;
}

/** Extra facts a problem carries so that hosts can offer fixes without re-parsing. */
export type ProblemData =
  /** `standIn`: the unknown key that seems to hold this missing date (`when: 2026-11-16`). */
  | { kind: 'missing-key'; key: string; placeholder: string; standIn?: string }
  | { kind: 'invalid-enum'; key: string; allowed: string[] }
  /**
   * `byValue`: the suggestion is the required key the value stands in for (`when: 2026-11-16` for
   * `date`), not a spelling. `misfit`: the value is not one the suggested key takes (`progres: 40`),
   * so renaming alone would not do.
   */
  | { kind: 'unknown-key'; key: string; suggestion?: string; byValue?: boolean; misfit?: boolean }
  | { kind: 'unknown-goal'; id: string; suggestion?: string; relationship: string }
  | { kind: 'missing-type'; type: JournalFileType }
  /** Front matter written almost right (frontMatterStart.ts): its fence lines can be put right. */
  | { kind: 'front-matter-start' }
  /** The line meant to close the front matter written almost right (`----`, `--- # end`, `...`): it can be put right. */
  | { kind: 'front-matter-close' }
  /** An empty front matter closed by a second `---` right after the first (frontmatter/closed-early): that line can go. */
  | { kind: 'closed-early' }
  /** file/encoding: whether a byte that is not UTF-8 is in the front matter (what it says is then in doubt). */
  | { kind: 'invalid-bytes'; inFrontMatter: boolean };

export interface Problem {
  /** Root-relative POSIX path. */
  file: string;
  range: Range;
  severity: Severity;
  /** Stable rule code, e.g. `schema/missing-key`. */
  code: string;
  message: string;
  data?: ProblemData;
}

export type JournalFileType = 'agreement' | 'goal' | 'session' | 'review';

export const STAGES = ['creating', 'building', 'mastery', 'moving-on'] as const;
export type Stage = (typeof STAGES)[number];

export const GOAL_STATUSES = ['proposed', 'active', 'achieved', 'dropped', 'paused'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];
/** A goal's status as read: `unknown` when the written value is not a status. */
export type GoalStatusRead = GoalStatus | 'unknown';

export const SESSION_STATUSES = ['held', 'cancelled', 'missed'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];
/** A session's status as read: `unknown` when the written value is not a status, or broken YAML gives none. */
export type SessionStatusRead = SessionStatus | 'unknown';

export const FORMATS = ['one-to-one', 'peer', 'group', 'reverse', 'co-mentoring'] as const;
export type MentoringFormat = (typeof FORMATS)[number];

export const FORMALITIES = ['formal', 'informal'] as const;
export type Formality = (typeof FORMALITIES)[number];

export const GOAL_OWNERS = ['mentee', 'mentor', 'both'] as const;
export type GoalOwner = (typeof GOAL_OWNERS)[number];

export const CLOSURE_OUTCOMES = ['informal', 'friends', 'periodic-contact', 'ended'] as const;
export type ClosureOutcome = (typeof CLOSURE_OUTCOMES)[number];

export interface Person {
  name: string;
  handle?: string;
  email?: string;
}

export interface Cadence {
  /** As written: `weekly`, `P10D`. */
  label: string;
  /** Length of one interval in days. */
  days: number;
}

export interface Agreement {
  source: SourceRef;
  mentors: Person[];
  mentees: Person[];
  format: MentoringFormat;
  formality: Formality;
  started?: string;
  /** Span of the `started` value, when it is written. */
  startedRange?: Range;
  ends?: string;
  cadence?: Cadence;
  /** `cadence` is written with a value that is no cadence (its error is reported at the value): not "none". */
  cadenceInvalid?: true;
  stage?: Stage;
  /** `stage` is written with a value that is no stage (its error is reported at the value): not "not set". */
  stageInvalid?: true;
  confidential: boolean;
  signed: { mentor?: string; mentee?: string };
  strengths: { mentor: string[]; mentee: string[] };
  expectations: { mentor: string[]; mentee: string[] };
  success?: string;
  /** `outcome` is absent while it is not written (or not valid): `check` reports that, and the date still ends the partnership. */
  closure?: { date: string; outcome?: ClosureOutcome; reflection?: string };
}

export interface Goal {
  id: string;
  title: string;
  owner: GoalOwner;
  success?: string;
  due?: string;
  /** `unknown` when `status` is written with a value that is not a goal status (its error is reported at the value). */
  status: GoalStatusRead;
  progress?: number;
  skills: string[];
  created?: string;
  /** Span of the goal file's front matter, or of the item in the agreement's `goals:` list. */
  source: SourceRef;
  /** Span of the `id` value (or of the opening `---` when the id is implied by the file name). */
  idRange: Range;
  /** The id as written, when it differs from `id` only in case (`Write-RFC` for `write-rfc`); its error is reported once, at the goal. */
  declaredId?: string;
  /** Spans of the values of the keys written for this goal, by key. */
  fields: Record<string, Range>;
  origin: 'agreement' | 'file';
  /** Set when the goal stands for a goal file that could not be read (a merge conflict, no front matter, binary): only its id, from the file's name, is known. */
  unread?: true;
}

export interface ActionItem {
  text: string;
  done: boolean;
  owner?: string;
  due?: string;
  /** The date of a `(due ...)` marker that names no real day (`2026-02-30`), as written; the item then has no `due`. */
  invalidDue?: string;
  goalRefs: string[];
  source: SourceRef;
}

/** A reference to a goal id somewhere in a session or review, with the exact span of the id. */
export interface GoalReference {
  id: string;
  range: Range;
  /** Where it was written: the `goals:` list, a `progress:` key, or `[[id]]` in the body. */
  via: 'goals' | 'progress' | 'body';
  /** For `progress:` entries, the span of the number. */
  valueRange?: Range;
}

export interface Session {
  date: string;
  attendees: string[];
  duration?: number;
  /** `unknown` when `status` is written with a value that is not a session status, or the front matter is broken YAML and gives none. */
  status: SessionStatusRead;
  stage?: Stage;
  /** Goal ids listed in `goals:` plus those referenced with `[[id]]` and in `progress:`, deduplicated. */
  goals: string[];
  progress: Record<string, number>;
  next?: string;
  /** How each partner felt the session went, 1-5 (5 best), as far as recorded. */
  pulse?: { mentor?: number; mentee?: number };
  /** Body sections by heading text (lower-cased), e.g. `summary`. */
  sections: Record<string, string>;
  actions: ActionItem[];
  references: GoalReference[];
  source: SourceRef;
  /** Span of the `date` value. */
  dateRange: Range;
  /** Span of the `status` value, when it is written. */
  statusRange?: Range;
  /** Span of the `pulse` value, when it is written. */
  pulseRange?: Range;
  /** Span of the `next` value, when it is read. */
  nextRange?: Range;
}

export interface Review {
  date: string;
  stage?: Stage;
  /** Snapshot of each goal at the time of the review, used for "what changed since". */
  goals: Record<string, { status?: GoalStatus; progress?: number }>;
  references: GoalReference[];
  source: SourceRef;
}

/** One parsed file, with its per-file problems. */
export interface JournalFile {
  path: string;
  type?: JournalFileType;
  /** `declared` from `type:`, `folder` inferred from `goals/` or `sessions/`. */
  typeSource: 'declared' | 'folder' | 'none';
  /** Whether the file has a front-matter block at all. */
  hasFrontMatter: boolean;
  /**
   * Rules a `# mentoring-journal-disable CODE ...` comment in the front matter turns off for this
   * file; `'*'` for every rule (the comment without codes).
   */
  disabledRules?: string[];
  /** Span of the opening `---` (where missing keys are reported). */
  headRange: Range;
  agreement?: Agreement;
  /** Goals defined by this file: one for a goal file, the inline list for an agreement. */
  goals: Goal[];
  session?: Session;
  review?: Review;
  problems: Problem[];
  /**
   * A goal file with a merge conflict: the `id:` it writes outside its conflict blocks, which
   * its goal keeps until the conflict is resolved (else the goal goes by its file name).
   */
  conflictedGoalId?: string;
  /**
   * Set by the index when this text has errors and the facts above (agreement, goals, session,
   * review) are those of the file's last version without errors: half-typed text does not shake
   * the view. The problems are always those of the current text.
   */
  stale?: true;
}

export interface Relationship {
  /** Folder path relative to the root (`''` for a root-level agreement). */
  id: string;
  folder: string;
  agreementFile: string;
  agreement?: Agreement;
  goals: Goal[];
  /** Sorted by date, oldest first. */
  sessions: Session[];
  /** Sorted by date, oldest first. */
  reviews: Review[];
  files: string[];
  /** Files left out of the facts above because of an unresolved merge conflict (`git/conflict`); absent when none. */
  conflicted?: string[];
  /**
   * Session files (by `type` or by their `sessions/` folder) that give no session, or one whose
   * front matter was not read whole (broken YAML: its status is unknown), so in none of the
   * review's counts. Merge conflicts are in `conflicted`. Absent when none.
   */
  unreadSessions?: string[];
  /**
   * When the agreement's front matter could not be read (broken YAML, too large, a conflict...):
   * where its first such problem is, and its rule. `agreement` is absent then.
   */
  agreementUnread?: SourceRef & { code: string };
  /** Folders of the relationship that could not be listed (file/unreadable), from its folder (`goals`): the goals and sessions in them are unknown. Absent when none. */
  unreadFolders?: string[];
}

/** File access, injected by the host: Node's fs for the CLI, `workspace.fs` in VS Code, memory in tests. */
export interface FileSystem {
  /** Root-relative POSIX path in, bytes out. */
  readFile(path: string): Promise<Uint8Array>;
  /** Entries of a folder: names and kinds. `''` is the root. */
  readDirectory(path: string): Promise<Array<[name: string, kind: 'file' | 'directory' | 'other']>>;
  /** Size in bytes, when cheaply known; used to skip huge files without reading them. */
  size?(path: string): Promise<number | undefined>;
  /**
   * Size and modification time, when cheaply known. When given, the index remembers them
   * for every file it reads, so that `reconcile` can find changes a file watcher missed.
   */
  stat?(path: string): Promise<{ size: number; mtime: number } | undefined>;
  /**
   * The bytes of a file, or only its size when it has more than `maxBytes`: one look at the file
   * instead of `size` and then `readFile` (a command-line check reads thousands of small files).
   * Used when given and `stat` is not.
   */
  readFileUpTo?(path: string, maxBytes: number): Promise<Uint8Array | { size: number }>;
}

/** A cancellation signal in the style of VS Code's `CancellationToken`. */
export interface Cancellation {
  readonly isCancellationRequested: boolean;
}

export type RuleSeverity = Severity | 'off';

export interface EngineOptions {
  /** Report unknown front-matter keys (with a "did you mean"). */
  unknownKeys: boolean;
  /** Per-rule severity overrides, by rule code. */
  severities: Record<string, RuleSeverity>;
  /** An active goal not mentioned in this many of the latest held sessions is stale. */
  staleAfterSessions: number;
  /** Days of slack past the cadence before a relationship counts as overdue. */
  graceDays: number;
  /** Files larger than this are reported and skipped. */
  maxFileBytes: number;
  /** Folder names never entered. */
  exclude: string[];
  /**
   * The day the rules that depend on it take as today, `YYYY-MM-DD`: `goal/achieved-incomplete`
   * reads progress from sessions dated up to it, as the review does. Absent: every session counts.
   */
  today?: string;
}

export const DEFAULT_OPTIONS: EngineOptions = {
  unknownKeys: true,
  severities: {},
  staleAfterSessions: 3,
  graceDays: 2,
  maxFileBytes: 1024 * 1024,
  exclude: ['node_modules', '.git'],
};
