/**
 * What the review computes for one relationship on one day. Every type here is plain
 * data (strings, numbers, arrays, records) so that hosts can post it to a webview or
 * print it as JSON without conversion.
 */
import type { GoalFieldChange, RecordKeeping } from '../history';
import type { Formality, GoalOwner, GoalStatus, GoalStatusRead, MentoringFormat, Severity, SessionStatusRead, SourceRef, Stage } from '../types';

/** The stage the journal's evidence points to, with the facts that led there. */
export interface StageInference {
  stage: Stage;
  /** Short sentences, most decisive first. */
  reasons: string[];
}

/** One value of a goal's progress, as a session recorded it. */
export interface ProgressPoint {
  date: string;
  progress: number;
  /** The session file that recorded it. */
  file: string;
}

/** A session, by date and file. */
export interface SessionRef {
  date: string;
  file: string;
}

/** An action item whose latest occurrence (by session date) is unchecked. */
export interface OpenAction {
  text: string;
  owner?: string;
  due?: string;
  /** A `(due ...)` date that names no real day, as written; the action then has no `due`. */
  invalidDue?: string;
  /** Days until `due` (negative when past). */
  daysLeft?: number;
  /** Whether `due` is before today. */
  overdue: boolean;
  goalRefs: string[];
  /** Date of the session holding the latest occurrence. */
  sessionDate: string;
  source: SourceRef;
}

/** Where one goal stands. */
export interface GoalReport {
  id: string;
  title: string;
  /** `unknown` for a goal whose file could not be read. */
  owner: GoalOwner | 'unknown';
  status: GoalStatusRead;
  success?: string;
  due?: string;
  /** Days until `due` (negative when past). */
  daysLeft?: number;
  created?: string;
  /** Latest known progress 0-100, or undefined when nothing was ever recorded. */
  progress?: number;
  /** Where `progress` comes from: a session, the goal's own `progress`, or its `achieved` status. */
  progressSource: 'session' | 'goal' | 'status' | 'none';
  /** Every progress value recorded by a session, oldest first. */
  history: ProgressPoint[];
  /** Held sessions that discussed the goal, oldest first. */
  discussedIn: SessionRef[];
  lastDiscussed?: string;
  /** Open action items that reference the goal with `[[id]]`. */
  openActions: OpenAction[];
  /** The goal file's front matter, or its item in the agreement's `goals:` list. */
  source: SourceRef;
  /** Changes of `status`, `progress`, `due` and `success` read from git, oldest first; absent without git history. */
  fieldHistory?: GoalFieldChange[];
}

/** How the meeting rhythm is holding up. */
export interface CadenceHealth {
  /** The agreed cadence, as written and in days. */
  cadence?: { label: string; days: number };
  lastHeld?: string;
  daysSinceLastHeld?: number;
  held: number;
  missed: number;
  cancelled: number;
  /** The `next` date of the latest session. */
  nextMeeting?: string;
  /** Days until `nextMeeting` (negative when past). */
  daysToNext?: number;
  /**
   * When the next session is due, the one idea the review, the summary and the calendar share: the
   * earliest agenda's day (`from: 'agenda'`: a session written ahead), else the latest session's
   * `next` (`from: 'next'`), else the last held session (or `started`, before the first) plus the
   * cadence (`from: 'cadence'`). Absent once the partnership is over, or when
   * neither is known. `daysTo` is negative when that day has passed.
   */
  nextSession?: { date: string; from: 'next' | 'cadence' | 'agenda'; daysTo: number };
  /** The file of the agenda (a session written ahead) the next session is prepared in, when `nextSession.from` is `agenda`. */
  agendaFile?: string;
  overdue: boolean;
  /** Days past the planned meeting, or past the cadence interval; 0 when not overdue. */
  overdueDays: number;
  /** Why it is overdue: the planned `next` has passed, or the cadence interval (plus grace) has. */
  overdueBy?: 'next' | 'cadence';
  /** The day the partnership ended (the closure's date, else `ends`), once it is over: no meeting is expected. */
  ended?: string;
  /** The day the partnership ends (`ends`, or a closure recorded ahead), when nothing is planned and the cadence would make the next session due after it, or when the planned `next:` is after it. */
  endsFirst?: string;
  /** What makes `endsFirst` the last day: a closure recorded ahead, or `ends`. */
  endsFirstBy?: 'closure' | 'ends';
  /** The agreement could not be read (a merge conflict, broken YAML): the agreed cadence is unknown, not absent. */
  agreementUnread?: true;
  /** `cadence` is written, but with a value that is no cadence: not valid, not absent. */
  cadenceInvalid?: true;
}

/** Stable signal codes: settings, docs and tools refer to them. */
export const SIGNAL_CODES = [
  'agreement-unreadable',
  'agreement-unsigned-long',
  'stage-mismatch',
  'cadence-overdue',
  'next-far-ahead',
  'closure-due',
  'goal-at-risk',
  'goal-stale',
  'goals-too-broad',
  'actions-overdue',
  // Read from git (model/gitSignals.ts).
  'goal-due-slipped',
  'notes-one-sided',
  // The relationship itself (relationshipSignals.ts).
  'no-first-session',
  'missed-in-a-row',
  'notes-unwritten',
  'pulse-dropping',
  'strengths-unknown',
  'not-reciprocal',
] as const;
export type SignalCode = (typeof SIGNAL_CODES)[number];

/** Something in the journal worth the partners' attention, with one sentence of advice. */
export interface Signal {
  code: SignalCode;
  severity: Severity;
  /** One sentence with the facts. */
  message: string;
  /** One sentence on what to do about it. */
  advice: string;
  goalId?: string;
  source?: SourceRef;
}

/** How the partners felt a held session went (its `pulse:`), 1-5 each, as far as recorded. */
export interface PulsePoint {
  date: string;
  mentor?: number;
  mentee?: number;
  /** The session file. */
  file: string;
}

/** A session on the time axis. */
export interface SessionMark {
  date: string;
  status: SessionStatusRead;
  file: string;
}

/** What changed since the previous saved review. */
export interface ReviewChanges {
  /** The review compared with; undefined when there is none, and then the lists are empty. */
  previous?: { date: string; file: string };
  /** Set when the declared stage differs from the one the previous review saved. */
  stage?: { from?: Stage; to?: Stage };
  added: Array<{ id: string; title: string; status: GoalStatusRead; progress?: number }>;
  removed: Array<{ id: string; status?: GoalStatus; progress?: number }>;
  changed: Array<{
    id: string;
    title: string;
    status?: { from?: GoalStatus; to: GoalStatusRead };
    progress?: { from?: number; to: number };
  }>;
}

/** Everything the review says about one relationship on `today`. */
export interface RelationshipReport {
  id: string;
  today: string;
  mentors: string[];
  mentees: string[];
  format?: MentoringFormat;
  formality?: Formality;
  started?: string;
  ends?: string;
  /** Days until `ends` (negative when past). */
  daysLeft?: number;
  /** Share of the partnership's time gone by, 0-1 (clamped); needs `started` and `ends`. */
  elapsed?: number;
  /** The closure, once in force (dated today or earlier). */
  closure?: { date: string; outcome?: string; reflection?: string };
  /** A closure recorded ahead, for a day after today: the partnership goes on until then. */
  plannedClosure?: { date: string; outcome?: string; reflection?: string };
  agreementFile: string;
  declaredStage?: Stage;
  /** The agreement's `stage` is written with a value that is no stage (`check` says why): unknown, not "not set". */
  declaredStageInvalid?: true;
  inferred: StageInference;
  goals: GoalReport[];
  cadence: CadenceHealth;
  sessions: SessionMark[];
  /** The pulse of each held session that records one, oldest first. */
  pulse: PulsePoint[];
  /** Open action items across all sessions, oldest session first. */
  actions: OpenAction[];
  signals: Signal[];
  /** Changes since the latest review saved before `today`. */
  changes: ReviewChanges;
  /** Files left out of the review because of an unresolved merge conflict; absent when none. */
  conflicted?: string[];
  /** Session files whose front matter or date could not be read, so not counted in the review; absent when none. */
  unreadSessions?: string[];
  /** Folders of the relationship that could not be read (from the relationship's folder): their goals and sessions are unknown. Absent when none. */
  unreadFolders?: string[];
  /** Where the agreement could not be read (its file and the problem's line): the goals it may hold are unknown. Absent when it was read. */
  agreementUnread?: { file: string; line: number };
  /** Who first committed each held session's file, read from git; absent without git history. */
  records?: RecordKeeping;
}

/** The review of a whole journal. */
export interface JournalReport {
  today: string;
  relationships: RelationshipReport[];
}
