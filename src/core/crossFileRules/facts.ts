import type { RuleCode } from '../rules';
import type { Goal, JournalFile, Problem, Relationship, Review, Session } from '../types';

/**
 * What the cross-file rules of one relationship look at, worked out once by
 * `assembleRelationship` (relationshipRules.ts). A rule reports at a range these facts carry:
 * a file's `headRange` (its opening `---`), a goal's `idRange` or `fields.<key>`, a session's
 * `dateRange`, or a reference's `range`/`valueRange`; all were found by the YamlLocator when
 * the file was parsed, so a cross-file rule never parses anything itself.
 */
export interface RelationshipFacts {
  id: string;
  agreementFile: string;
  /**
   * A path of the relationship as its messages name it: from the relationship's folder
   * (`agreement.md`, `goals/rfc.md`), the same whichever folder a check starts from.
   */
  local(path: string): string;
  /** Every file of the relationship, by path. */
  files: JournalFile[];
  /** The files whose front matter was not (or not fully) read: rules say nothing about what the parser guessed of them. */
  unread: ReadonlySet<string>;
  /** The `agreement.md` of the folder when it is an agreement. */
  primary?: JournalFile;
  agreement?: Relationship['agreement'];
  /** Goals from the agreement, then the goal files, each id once (the first wins). */
  goals: Goal[];
  /** The first goal of each id. */
  goalsById: ReadonlyMap<string, Goal>;
  /** Goals whose id an earlier goal already has, with that earlier goal. */
  duplicateGoals: Array<{ goal: Goal; first: Goal }>;
  /** The agreement and goal files that could not be read (broken YAML, binary, not UTF-8, ...): they may define goals nobody can see. */
  unreadGoalFiles: JournalFile[];
  /** Dated sessions and reviews, by date. */
  sessions: Session[];
  /**
   * The sessions whose goal references are checked: every session whose front matter was read,
   * dated or not (a session with an impossible date still names goals), by path. A session whose
   * YAML is broken is left out: what the parser guessed of it would only be noise.
   */
  referringSessions: Session[];
  reviews: Review[];
  /** The day as of which the rules that depend on one check (EngineOptions.today); absent: every session counts. */
  today?: string;
}

/** A cross-file rule: one rule code, checked over one relationship's facts. */
export interface CrossFileRule {
  readonly code: RuleCode;
  check(facts: RelationshipFacts): Problem[];
}
