import { daysBetween } from '../dates';
import type { EngineOptions, Relationship, Session } from '../types';
import { partnershipOver } from './cadence';
import { missedInARow, noFirstSession, notesUnwrittenSignal, notReciprocal, pulseDropping, strengthsUnknown } from './relationshipSignals';
import { signedByBoth } from './stage';
import { goalNames, namesGoal } from './goals';
import type { CadenceHealth, GoalReport, OpenAction, Signal, StageInference } from './types';

/** `ends` this close (or closer) without a recorded closure raises `closure-due`. */
export const CLOSURE_WINDOW_DAYS = 30;
/** A goal due within this many days (or already past due) ... */
export const AT_RISK_WINDOW_DAYS = 30;
/** ... with progress below this percentage raises `goal-at-risk`. */
export const AT_RISK_PROGRESS = 50;
/** Share of the partnership's time that must remain for `goals-too-broad`. */
export const TOO_BROAD_SHARE = 0.25;
/** Days after `started` before an unsigned agreement raises `agreement-unsigned-long`. */
export const UNSIGNED_LONG_DAYS = 30;

/** The facts signals are computed from. */
export interface SignalInput {
  rel: Relationship;
  today: string;
  options: Pick<EngineOptions, 'staleAfterSessions' | 'graceDays'>;
  inferred: StageInference;
  goals: GoalReport[];
  cadence: CadenceHealth;
  actions: OpenAction[];
  /** The earliest session written ahead (an agenda), dated after today: `rel.sessions` holds those up to today only. */
  agenda?: Session;
}

import { days, fromToday } from '../words';

const goalName = (g: GoalReport) => `\`${g.id}\` (${g.title})`;
const percent = (g: GoalReport) => (g.progress === undefined ? 'no progress recorded' : `${g.progress}% progress`);

/**
 * Every signal for one relationship, in a fixed order (relationship-wide first, then per goal).
 * Once the partnership is over (closure recorded or `ends` passed), only `stage-mismatch`,
 * `closure-due` and `actions-overdue` are raised: rhythm and goal warnings no longer apply.
 */
export function computeSignals(input: SignalInput): Signal[] {
  const over = partnershipOver(input.rel, input.today);
  return [
    ...agreementUnreadable(input),
    ...(over ? [] : unsignedLong(input)),
    ...stageMismatch(input),
    ...(over ? [] : [...cadenceOverdue(input), ...nextFarAhead(input)]),
    // Signals about the relationship itself (relationshipSignals.ts).
    ...(over ? [] : [...noFirstSession(input), ...missedInARow(input), ...notesUnwrittenSignal(input), ...pulseDropping(input), ...strengthsUnknown(input), ...notReciprocal(input)]),
    ...closureDue(input),
    ...(over ? [] : goalsTooBroad(input)),
    ...(over ? [] : input.goals.flatMap((g) => [...goalAtRisk(input, g), ...goalStale(input, g)])),
    ...actionsOverdue(input),
  ];
}

/** Words for the rules after which a file's front matter is not read. */
const UNREAD_WHY: Record<string, string> = {
  'yaml/syntax': 'its front matter is not valid YAML',
  'yaml/too-many-aliases': 'its front matter has too many aliases',
  'frontmatter/missing': 'it has no front matter',
  'frontmatter/unclosed': 'its front matter is never closed',
  'frontmatter/toml': 'its front matter is TOML, not YAML',
  'frontmatter/not-a-map': 'its front matter is not a map of keys',
  'file/too-large': 'it is larger than the size limit (`maxFileSize`)',
  'file/binary': 'it is not a text file',
  'file/encoding': 'it is not UTF-8 text',
  'file/unreadable': 'it could not be read',
  'git/conflict': 'it holds an unresolved merge conflict',
  'type/not-agreement': 'its `type` says it is not an agreement',
};

/** The agreement could not be read: nothing the review says about the partners, dates or stage can be trusted. */
function agreementUnreadable({ rel }: SignalInput): Signal[] {
  const where = rel.agreementUnread;
  if (!where) return [];
  return [{
    code: 'agreement-unreadable',
    severity: 'error',
    message: `The agreement could not be read: ${UNREAD_WHY[where.code] ?? 'see the problem at its line'} (line ${where.range.start.line}). Until it is, the partners, dates, cadence and stage are unknown here.`,
    advice: 'Fix the problem the Problems panel (or `mentoring-journal check`) shows in agreement.md; everything else in this review then reads from it again.',
    source: { file: where.file, range: where.range },
  }];
}

function unsignedLong({ rel, today }: SignalInput): Signal[] {
  const started = rel.agreement?.started;
  if (!rel.agreement || !started || signedByBoth(rel)) return [];
  const since = daysBetween(started, today);
  if (since <= UNSIGNED_LONG_DAYS) return [];
  const missing = [!rel.agreement.signed.mentor && 'mentor', !rel.agreement.signed.mentee && 'mentee'].filter(Boolean).join(' and ');
  return [{
    code: 'agreement-unsigned-long',
    severity: 'warning',
    message: `The partnership started on ${started}, ${fromToday(-since)}, and the agreement is still not signed by the ${missing}.`,
    advice: 'Finishing the agreement is the work of the first stage: meet to settle goals and ground rules and both sign, or say openly that the match is not working.',
    source: rel.agreement.source,
  }];
}

function stageMismatch(input: SignalInput): Signal[] {
  const { rel, inferred } = input;
  const declared = rel.agreement?.stage;
  if (!declared || declared === inferred.stage) return [];
  // Every goal met with much of the partnership left (goals-too-broad): the evidence for moving on is the goals' alone.
  const early = inferred.stage === 'moving-on' && goalsTooBroad(input).length > 0;
  return [{
    code: 'stage-mismatch',
    severity: 'info',
    message: `The agreement declares the ${declared} stage, but the journal's evidence points to ${inferred.stage}.`,
    advice: early
      ? 'Every goal is met, but much of the partnership\'s time is left: rather than moving on early, agree on new goals that build on what was learned (see goals-too-broad), and keep the stage; move on only if you both decide the partnership has done its work.'
      : 'Ask each other where you feel the relationship stands; if the journal is right, update the stage in the agreement, and if not, write down in the next session what it is missing.',
    source: rel.agreement!.source,
  }];
}

function cadenceOverdue({ rel, cadence }: SignalInput): Signal[] {
  // With no held session at all, `no-first-session` speaks instead (counting from `started`).
  if (!cadence.overdue || (cadence.overdueBy === 'cadence' && !cadence.lastHeld)) return [];
  const last = rel.sessions[rel.sessions.length - 1];
  const message =
    cadence.overdueBy === 'next'
      ? `The next meeting was planned for ${cadence.nextMeeting}, ${fromToday(-(cadence.overdueDays ?? 0))}, and no later session is recorded.`
      : `The last held session was on ${cadence.lastHeld}, ${fromToday(-(cadence.daysSinceLastHeld ?? 0))}, ${days(cadence.overdueDays)} past the agreed ${cadence.cadence?.label} rhythm of ${days(cadence.cadence?.days ?? 0)}.`;
  return [{
    code: 'cadence-overdue',
    severity: 'warning',
    message,
    advice: 'Put a date in both calendars now; a steady rhythm keeps the work moving, and a long silence often means one of you needs to say something about the relationship.',
    ...(last ? { source: last.source } : rel.agreement ? { source: rel.agreement.source } : {}),
  }];
}

/**
 * `next-far-ahead` (info): the next session is planned (a `next:`, or an agenda written ahead)
 * more than twice the agreed cadence plus the grace days after the last held session. Until that
 * day nothing is overdue, so a rhythm that drifted away from the agreement would go unsaid.
 */
function nextFarAhead({ rel, today, cadence, options, agenda }: SignalInput): Signal[] {
  const next = cadence.nextSession;
  const agreed = cadence.cadence;
  const since = cadence.lastHeld;
  // Before the first held session `no-first-session` speaks; a plan after the partnership's end is
  // said in the Cadence section ("extend `ends`, or meet before then").
  if (!next || next.from === 'cadence' || next.date <= today || !agreed || !since || cadence.endsFirst) return [];
  const gap = daysBetween(since, next.date);
  if (gap <= 2 * agreed.days + options.graceDays) return [];
  const planned = next.from === 'agenda' ? agenda : rel.sessions[rel.sessions.length - 1];
  const by = next.from === 'agenda' ? `an agenda written ahead, ${cadence.agendaFile}` : `the \`next\` of the session of ${planned?.date ?? since}`;
  return [{
    code: 'next-far-ahead',
    severity: 'info',
    message: `The next session is planned for ${next.date} (${by}), ${days(gap)} after the last held session (${since}): more than twice the agreed ${agreed.label} rhythm of ${days(agreed.days)}.`,
    advice: 'If it is a break you both chose, nothing needs doing; if not, agree on a nearer date, or write the rhythm you keep into the agreement’s `cadence`, so that the review can say when it slips.',
    ...(planned ? { source: { file: planned.source.file, range: next.from === 'agenda' ? planned.dateRange : planned.nextRange ?? planned.source.range } } : {}),
  }];
}

function closureDue({ rel, today }: SignalInput): Signal[] {
  const agreement = rel.agreement;
  if (!agreement?.ends || agreement.closure) return [];
  const left = daysBetween(today, agreement.ends);
  if (left > CLOSURE_WINDOW_DAYS) return [];
  const when = left >= 0 ? `ends on ${agreement.ends}, ${fromToday(left)}` : `ended on ${agreement.ends}, ${fromToday(left)}`;
  return [{
    code: 'closure-due',
    severity: 'warning',
    message: `The partnership ${when}, and no closure is recorded in the agreement.`,
    advice: 'Plan a closing conversation: look back at what each goal taught you, celebrate it, and agree whether to stay in touch informally, as friends, now and then, or not at all.',
    source: agreement.source,
  }];
}

/** A share as a percentage, rounded down, with a tenth where the whole number would be the threshold itself (`25.4%`, not `25%`). */
function share(part: number): string {
  const whole = Math.floor(part * 100);
  return whole === Math.round(TOO_BROAD_SHARE * 100) ? `${(Math.floor(part * 1000) / 10).toFixed(1)}%` : `${whole}%`;
}

function goalsTooBroad({ rel, today, goals }: SignalInput): Signal[] {
  const { started, ends, closure } = rel.agreement ?? {};
  const kept = goals.filter((g) => g.status !== 'dropped');
  // A closure recorded (ahead or not) is the partners' decision to end: no advice to set new goals then.
  if (!started || !ends || closure || kept.length === 0 || !kept.every((g) => g.status === 'achieved')) return [];
  const total = daysBetween(started, ends);
  const left = daysBetween(today, ends);
  if (total <= 0 || left <= total * TOO_BROAD_SHARE) return [];
  return [{
    code: 'goals-too-broad',
    severity: 'info',
    message: `${kept.length === goals.length ? 'Every goal is achieved' : `Every goal that was not dropped is achieved (${goals.length - kept.length} dropped)`} with ${days(left)} of the partnership left, ${share(left / total)} of its time.`,
    advice: 'Finishing this early suggests the goals were broad or modest: revisit them together and set new ones that build on the skills just gained.',
    source: rel.agreement!.source,
  }];
}

/**
 * `goal-at-risk`: an active or paused goal due within AT_RISK_WINDOW_DAYS below AT_RISK_PROGRESS,
 * or past its due date at all (below 100%: a goal nearly done but past its date is still open, and
 * the table's "overdue" alone would sit under "Nothing needs attention").
 */
function goalAtRisk(_input: SignalInput, goal: GoalReport): Signal[] {
  if ((goal.status !== 'active' && goal.status !== 'paused') || goal.daysLeft === undefined) return [];
  const progress = goal.progress ?? 0;
  const past = goal.daysLeft < 0;
  if (goal.daysLeft > AT_RISK_WINDOW_DAYS || progress >= (past ? 100 : AT_RISK_PROGRESS)) return [];
  const when = past ? `was due on ${goal.due}, ${fromToday(goal.daysLeft)}` : `is due on ${goal.due}, ${fromToday(goal.daysLeft)}`;
  return [{
    code: 'goal-at-risk',
    severity: 'warning',
    message: `Goal ${goalName(goal)} ${when}, with ${percent(goal)}.`,
    advice: past && progress >= AT_RISK_PROGRESS
      ? 'Its date has passed: if it is met, mark it achieved; if not, agree on a new date for what is left, or narrow the success criteria.'
      : 'Talk about whether it is still within reach: narrow the success criteria, agree on a new date, or pick the one next step that matters most.',
    goalId: goal.id,
    source: goal.source,
  }];
}

function goalStale({ rel, options }: SignalInput, goal: GoalReport): Signal[] {
  const n = Math.max(1, options.staleAfterSessions);
  if (goal.status !== 'active') return [];
  const held = rel.sessions.filter((s) => s.status === 'held' && (!goal.created || s.date >= goal.created));
  if (held.length < n) return [];
  const names = goalNames(rel.goals.find((g) => g.id === goal.id) ?? goal);
  if (held.slice(-n).some((s) => namesGoal(rel, s, names))) return [];
  const last = goal.lastDiscussed ? `last discussed on ${goal.lastDiscussed}` : 'never discussed in a held session';
  return [{
    code: 'goal-stale',
    severity: 'warning',
    message: `Active goal ${goalName(goal)} was not discussed in ${n === 1 ? 'the last held session' : `the last ${n} held sessions`} (${last}).`,
    advice: 'Bring it to the next session and check it still matters to both of you; then plan a concrete step, or pause or drop it openly rather than letting it fade.',
    goalId: goal.id,
    source: goal.source,
  }];
}

function actionsOverdue({ actions, cadence }: SignalInput): Signal[] {
  const late = actions.filter((a) => a.overdue).sort((a, b) => (a.due! < b.due! ? -1 : a.due! > b.due! ? 1 : 0));
  const oldest = late[0];
  if (!oldest) return [];
  const what = `${oldest.owner ? `@${oldest.owner}: ` : ''}${oldest.text}`;
  return [{
    code: 'actions-overdue',
    severity: 'warning',
    message: late.length === 1 ? `1 open action item is past due: it was due on ${oldest.due} (${what}).` : `${late.length} open action items are past due; the oldest was due on ${oldest.due} (${what}).`,
    // Once the partnership is over there is no next session to go through them at.
    advice: cadence.ended
      ? 'The partnership is over: tick each one that is done (`[x]`), and for one that was dropped note why in the session and tick it too, so the record says what became of it.'
      : 'Go through them together at the next session: finish each one, give it a date you both believe in, or cross it off, so the list stays a record of real commitments.',
    source: oldest.source,
  }];
}
