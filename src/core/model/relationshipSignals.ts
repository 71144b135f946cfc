import { addDays, daysBetween } from '../dates';
import type { Session } from '../types';
import type { SignalInput } from './signals';
import { SESSION_HINT } from '../templateHints';
import { actionKey } from './goals';
import type { Signal } from './types';
import { days, fromToday } from '../words';

/*
 * Signals about the relationship itself rather than its goals: how each partner says it feels
 * (`pulse`), whether it ever got going, sessions that keep not happening, and the parts of the
 * agreement that make mentoring two-way. One function per signal; `computeSignals` lists them.
 */

/** Without a cadence, the first held session is expected within this many days of `started`. */
export const FIRST_SESSION_DAYS = 21;
/** The mean pulse of the last two held sessions this much lower than the two before raises `pulse-dropping`. */
export const PULSE_DROP = 1;
/** A partner's latest pulse at or below this raises `pulse-dropping`. */
export const PULSE_LOW = 2;
/** This many planned sessions in a row missed or cancelled raise `missed-in-a-row`. */
export const MISSED_IN_A_ROW = 2;

/** The stage the partners work in: the declared one, else the one the journal points to. */
const stageOf = ({ rel, inferred }: SignalInput) => rel.agreement?.stage ?? inferred.stage;

/** Mean of the values a session's pulse records (one or both partners). */
function sessionPulse(s: Session): number | undefined {
  const values = [s.pulse?.mentor, s.pulse?.mentee].filter((v): v is number => v !== undefined);
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : undefined;
}

const round1 = (n: number) => String(Math.round(n * 10) / 10);

/**
 * `pulse-dropping`: over the held sessions that record a pulse, the mean of the last two is at
 * least `PULSE_DROP` below the mean of the two before, and the latest is not above the one before
 * it (recovering); or either partner's latest pulse is at most `PULSE_LOW`.
 */
export function pulseDropping({ rel }: SignalInput): Signal[] {
  const rated = rel.sessions.filter((s) => s.status === 'held' && sessionPulse(s) !== undefined);
  const last = rated[rated.length - 1];
  if (!last) return [];
  const reasons: string[] = [];
  if (rated.length >= 4) {
    const mean = (list: Session[]) => list.reduce((sum, s) => sum + sessionPulse(s)!, 0) / list.length;
    const before = mean(rated.slice(-4, -2));
    const now = mean(rated.slice(-2));
    // Up again since the session before: the drop is behind them, not going on.
    const recovering = sessionPulse(last)! > sessionPulse(rated[rated.length - 2]!)!;
    if (before - now >= PULSE_DROP && !recovering) reasons.push(`the mean pulse of the last two held sessions is ${round1(now)}, down from ${round1(before)} in the two before`);
  }
  // The signal points at the pulse it speaks of first: the latest one for the mean, else the low one (which may be a session earlier).
  let at = reasons.length ? last : undefined;
  for (const partner of ['mentor', 'mentee'] as const) {
    const latest = [...rated].reverse().find((s) => s.pulse?.[partner] !== undefined);
    const value = latest?.pulse?.[partner];
    if (latest && value !== undefined && value <= PULSE_LOW) {
      reasons.push(`the ${partner}'s latest pulse is ${value} of 5 (${latest.date})`);
      at ??= latest;
    }
  }
  if (!reasons.length || !at) return [];
  return [{
    code: 'pulse-dropping',
    severity: 'warning',
    message: `${reasons.join('; and ').replace(/^t/, 'T')}.`,
    advice: 'Give the next session time for the relationship itself, not only the goals: ask each other what is working between you, what is not, and what you would change.',
    source: { file: at.source.file, range: at.pulseRange ?? at.source.range },
  }];
}

/**
 * `no-first-session`: no held session within one cadence period plus the grace days after
 * `started` (`FIRST_SESSION_DAYS` without a cadence).
 */
export function noFirstSession({ rel, today, options }: SignalInput): Signal[] {
  const started = rel.agreement?.started;
  if (!started || rel.sessions.some((s) => s.status === 'held')) return [];
  const cadence = rel.agreement?.cadence?.days ? rel.agreement.cadence : undefined;
  const allowed = cadence ? cadence.days + options.graceDays : FIRST_SESSION_DAYS;
  const since = daysBetween(started, today);
  if (since <= allowed) return [];
  const expected = cadence
    ? `the agreed ${cadence.label} rhythm (${days(cadence.days)}) and ${days(options.graceDays)} of grace ended on ${addDays(started, allowed)}`
    : `a first meeting is due within ${days(FIRST_SESSION_DAYS)}`;
  return [{
    code: 'no-first-session',
    severity: 'warning',
    message: `No session has been held since the partnership started on ${started}, ${fromToday(-since)}; ${expected}.`,
    advice: 'Meet soon, even briefly: the first conversations are where you get to know each other and settle goals and ground rules, and a match that never starts tends to quietly end.',
    source: { file: rel.agreement!.source.file, range: rel.agreement!.startedRange ?? rel.agreement!.source.range },
  }];
}

/**
 * `missed-in-a-row`: the latest `MISSED_IN_A_ROW` sessions were missed or cancelled. In the
 * mastery stage this often means little is left to accomplish, and the advice says so.
 */
export function missedInARow(input: SignalInput): Signal[] {
  // A session whose status is unknown (not valid, or broken YAML) says nothing either way: it is left out.
  const latest = input.rel.sessions.filter((s) => s.status !== 'unknown').slice(-MISSED_IN_A_ROW);
  if (latest.length < MISSED_IN_A_ROW || latest.some((s) => s.status === 'held')) return [];
  const list = latest.map((s) => `${s.date} (${s.status})`).join(' and ');
  const mastery = stageOf(input) === 'mastery';
  return [{
    code: 'missed-in-a-row',
    severity: 'warning',
    message: `The last ${MISSED_IN_A_ROW} planned sessions did not take place: ${list}.`,
    advice: mastery
      ? 'In the mastery stage, sessions that keep slipping can mean one of you feels little is left to accomplish: say it openly, and talk about moving on, setting new goals, or meeting less often.'
      : 'Ask each other plainly what keeps getting in the way, then agree on a rhythm you can both keep, or say openly that the partnership needs to change.',
    source: { file: latest[latest.length - 1]!.source.file, range: latest[latest.length - 1]!.statusRange ?? latest[latest.length - 1]!.source.range },
  }];
}

/** The sections the session template leaves for the partners to write after they meet. */
const WRITTEN_AFTER = ['notes', 'summary'] as const;

/** The template's sections that hold what it wrote before the meeting: goals, questions and carried actions. */
const TEMPLATE_SECTIONS = new Set(['goals', 'questions', 'actions']);

/** A line the template writes in those sections: a list item, the carried actions' lead-in, the note for a journal without goals. */
const TEMPLATE_LINE = /^(?:[-*+][ \t]|\d{1,9}[.)][ \t]|Carried over from the session of |No active goals yet)/;

/** A section's text without the template's hints (SESSION_HINT). Any other comment, or text typed into a hint, is the partners' own. */
const withoutHints = (text: string) => text.replace(SESSION_HINT, '');

/** Whether a section holds anything the partners wrote: any text, or in the template's own sections a line it does not write (an answer, an indented note). */
function sectionWritten(name: string, text: string): boolean {
  const rest = withoutHints(text);
  if (!TEMPLATE_SECTIONS.has(name)) return rest.trim() !== '';
  return rest.split(/\r?\n/).some((line) => line.trim() !== '' && !TEMPLATE_LINE.test(line));
}

/**
 * Whether a session's notes were never written: it has a `## Notes` or `## Summary` section, as
 * the template writes them, nothing in any section but what the template writes (its lines and
 * its hints), and nothing else that says the partners met: no `pulse`, `duration` or `progress`,
 * and no action item that no earlier session holds (`earlier`: their keys).
 */
function notesUnwritten(session: Session, earlier: ReadonlySet<string>): boolean {
  const sections = session.sections;
  if (!WRITTEN_AFTER.some((name) => Object.hasOwn(sections, name))) return false;
  if (session.pulse || session.duration !== undefined || Object.keys(session.progress).length) return false;
  if (session.actions.some((a) => !earlier.has(actionKey(a.owner, a.text)))) return false;
  return Object.entries(sections).every(([name, text]) => !sectionWritten(name, text));
}

/**
 * `notes-unwritten`: held sessions dated before today whose Notes and Summary hold nothing but
 * the template's hints, with nothing else to say the partners met. A session
 * prepared ahead (an agenda) counts as held once its day comes, so a meeting that did not happen,
 * and was never marked `missed` or `cancelled`, keeps the rhythm looking kept. A warning when the
 * latest held session is one (the cadence counts from it), else info.
 */
export function notesUnwrittenSignal({ rel, today }: SignalInput): Signal[] {
  const earlier = new Set<string>();
  const unwritten: Session[] = [];
  const held: Session[] = [];
  for (const s of rel.sessions) {
    if (s.status === 'held' && s.date < today) {
      held.push(s);
      if (notesUnwritten(s, earlier)) unwritten.push(s);
    }
    for (const a of s.actions) earlier.add(actionKey(a.owner, a.text));
  }
  const latest = unwritten[unwritten.length - 1];
  if (!latest) return [];
  const isLatestHeld = latest === held[held.length - 1];
  const dates = unwritten.slice(-3).map((s) => s.date);
  const listed = `${dates.slice(0, -1).join(', ')} and ${dates[dates.length - 1]}${unwritten.length > 3 ? ', the latest three' : ''}`;
  const counted = isLatestHeld ? `; ${unwritten.length === 1 ? 'it counts' : `the one of ${latest.date} counts`} as held, and the cadence counts from it` : '';
  return [{
    code: 'notes-unwritten',
    severity: isLatestHeld ? 'warning' : 'info',
    message: unwritten.length === 1
      ? `The session of ${latest.date} passed with nothing in its Notes and Summary but the template's hints, and nothing else recorded${counted}.`
      : `${unwritten.length} held sessions passed with nothing in their Notes and Summary but the template's hints, and nothing else recorded (${listed})${counted}.`,
    advice: 'If you met, write a few lines of what you talked about and what you agreed while you both remember; if you did not, set `status: missed` (or `cancelled`), so that the journal shows when you last met.',
    source: { file: latest.source.file, range: latest.dateRange },
  }];
}

/** `strengths-unknown` (info): past the creating stage, and `strengths` names nothing for either partner. */
export function strengthsUnknown(input: SignalInput): Signal[] {
  const agreement = input.rel.agreement;
  if (!agreement || stageOf(input) === 'creating') return [];
  if (agreement.strengths.mentor.length || agreement.strengths.mentee.length) return [];
  return [{
    code: 'strengths-unknown',
    severity: 'info',
    message: `The relationship is in the ${stageOf(input)} stage, and the agreement records no strengths for either partner.`,
    advice: 'Write down what each of you brings: knowing the other’s strengths shows where the mentee can lead, and what the mentor can learn in return.',
    source: agreement.source,
  }];
}

const goalsOwned = (n: number) => (n === 0 ? 'no goal is set yet' : n === 1 ? "the only goal is the mentee's" : `all ${n} goals are the mentee's`);

/** `not-reciprocal` (info): a peer or co-mentoring format, and no goal is owned by `mentor` or `both`. */
export function notReciprocal({ rel }: SignalInput): Signal[] {
  const agreement = rel.agreement;
  if (!agreement || (agreement.format !== 'peer' && agreement.format !== 'co-mentoring')) return [];
  if (rel.goals.some((g) => g.owner === 'mentor' || g.owner === 'both')) return [];
  return [{
    code: 'not-reciprocal',
    severity: 'info',
    message: `The agreement sets up ${agreement.format === 'peer' ? 'peer mentoring' : 'co-mentoring'}, but ${goalsOwned(rel.goals.length)}: none is owned by the mentor or by both.`,
    advice: 'In a two-way partnership both partners learn: agree on a goal for the other partner too (`owner: mentor`), or a shared one (`owner: both`).',
    source: agreement.source,
  }];
}
