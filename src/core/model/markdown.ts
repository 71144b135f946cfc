import { stringify } from 'yaml';
import { code, escapeCell, escapeMarkdown as md, escapeMessage } from './escape';
import type { CadenceHealth, GoalReport, OpenAction, RelationshipReport, ReviewChanges, Signal } from './types';

import { daysBetween } from '../dates';
import { capital, days, fromToday as relative, noValidDue } from '../words';
import { historyMarkdown } from './historyPart';

const pct = (n: number | undefined) => (n === undefined ? '–' : `${n}%`);
const names = (list: string[]) => list.map(md).join(', ');

function header(r: RelationshipReport): string[] {
  const who = [r.mentors.length && `${names(r.mentors)} (mentor${r.mentors.length > 1 ? 's' : ''})`, r.mentees.length && `${names(r.mentees)} (mentee${r.mentees.length > 1 ? 's' : ''})`].filter(Boolean);
  const kind = [r.format, r.formality].filter(Boolean).join(', ');
  const facts: string[] = [];
  if (who.length) facts.push(who.join(' and '));
  if (kind) facts.push(`${kind} partnership`);
  if (r.started) facts.push(r.ends ? `from ${r.started} to ${r.ends}` : `since ${r.started}`);
  // A closure in force ended the partnership on its date, whatever `ends` says: one end per review.
  if (r.closure) {
    const since = daysBetween(r.closure.date, r.today);
    facts.push(`closed on ${r.closure.date}${r.closure.outcome ? ` (${r.closure.outcome})` : ''}, ${relative(-Math.max(0, since))}`);
  } else if (r.started && r.started > r.today) {
    // Not started yet: no time of it is gone.
    facts.push(`starting ${relative(daysBetween(r.today, r.started))}`);
  } else if (r.elapsed !== undefined && r.daysLeft !== undefined) {
    // Rounded down: 100% only once no day is left. Days as the signals say them: today, yesterday.
    facts.push(`${Math.floor(r.elapsed * 100)}% of its time gone, ${r.daysLeft > 0 ? `${days(r.daysLeft)} left` : r.daysLeft === 0 ? 'ending today' : `ended ${relative(r.daysLeft)}`}`);
  }
  if (!r.closure && r.plannedClosure) facts.push(`closing on ${r.plannedClosure.date}${r.plannedClosure.outcome ? ` (${r.plannedClosure.outcome})` : ''}`);
  return [`# Review of ${code(r.id === '.' ? '(journal root)' : r.id)} on ${r.today}`, '', facts.length ? `${capital(facts.join('; '))}.` : r.agreementUnread ? `The agreement could not be read (line ${r.agreementUnread.line}): the partners, dates and goals it holds are unknown until it is fixed.` : 'No readable agreement yet.', ''];
}

function stage(r: RelationshipReport): string[] {
  const out = ['## Stage', '', `- Declared in the agreement: ${r.declaredStage ? `**${r.declaredStage}**` : r.agreementUnread ? 'unknown, the agreement could not be read' : r.declaredStageInvalid ? 'not valid as written, so unknown (check says why)' : 'not set'}`, `- Inferred from the journal: **${r.inferred.stage}**`, ''];
  if (r.inferred.reasons.length) out.push(`Why the journal points to ${r.inferred.stage}:`, '', ...r.inferred.reasons.map((x) => `- ${escapeMessage(x)}`), '');
  return out;
}

function goalRow(g: GoalReport): string {
  // Days left only matter while the goal is open.
  const open = g.status !== 'achieved' && g.status !== 'dropped';
  // Past the due date, in the words of the Review panel: "overdue 25 days", not "-25".
  const left = g.daysLeft === undefined || !open ? '–' : g.daysLeft < 0 ? `overdue ${days(-g.daysLeft)}` : String(g.daysLeft);
  const cells = [`${g.title} (${g.id})`, g.owner, g.status, pct(g.progress), g.due ?? '–', left, g.lastDiscussed ?? 'never'];
  return `| ${cells.map(escapeCell).join(' | ')} |`;
}

/** What the review says when it has no goal to list: none written yet, or none that could be read. */
export function noGoalsText(r: Pick<RelationshipReport, 'unreadFolders' | 'agreementUnread'>): string {
  if (r.agreementUnread) return `No goal could be read: the agreement, where goals may be written, could not be read (line ${r.agreementUnread.line} of \`${r.agreementUnread.file}\`), so the goals are unknown until it is fixed.`;
  if (r.unreadFolders?.length) return `No goal could be read: ${r.unreadFolders.map((f) => `\`${f}\``).join(', ')} could not be read, so the goals are unknown (its problem, \`file/unreadable\`, says why).`;
  return 'No goals yet: agree on a few, each with success criteria and a date.';
}

function goals(r: RelationshipReport): string[] {
  if (!r.goals.length) return ['## Goals', '', noGoalsText(r), ''];
  return ['## Goals', '', '| Goal | Owner | Status | Progress | Due | Days left | Last discussed |', '| --- | --- | --- | ---: | --- | ---: | --- |', ...r.goals.map(goalRow), ''];
}

/**
 * How a rendering marks up the review's sentences, so the saved review (Markdown) and the Review
 * panel (HTML) say the same things in the same words: `text` escapes journal text, `code` shows
 * an id, `strong` emphasises markup already escaped, `date` keeps a YYYY-MM-DD date together.
 */
export interface Markup {
  text(value: string): string;
  code(value: string): string;
  strong(markup: string): string;
  date(value: string): string;
}

const MARKDOWN: Markup = { text: md, code, strong: (s) => `**${s}**`, date: (s) => s };

/**
 * The notes on files left out of the review, in the saved review's and the panel's words: those
 * with a merge conflict, and session files whose front matter or date could not be read.
 */
export function leftOutNotes(r: RelationshipReport, m: Markup): string[] {
  const notes: string[] = [];
  const list = (files: readonly string[]) => files.map((f) => m.code(f)).join(', ');
  const conflicted = r.conflicted ?? [];
  if (conflicted.length) notes.push(`${conflicted.length === 1 ? 'This file was' : 'These files were'} left out of this review because of an unresolved merge conflict: ${list(conflicted)}. Resolve ${conflicted.length === 1 ? 'it' : 'them'} and review again.`);
  const unread = r.unreadSessions ?? [];
  if (unread.length) {
    const one = unread.length === 1;
    const [file, its, it] = one ? ['This session file is', 'its', 'it'] : [`These ${unread.length} session files are`, 'their', 'them'];
    notes.push(`${file} in none of this review's counts, because ${its} front matter or date could not be read: ${list(unread)}. Fix ${it} (${its} problems say how) and review again.`);
  }
  return notes;
}

/**
 * When the next meeting is: the planned `next:`, or (none planned) the day the cadence makes it due,
 * the same day the calendar exports (see `CadenceHealth.nextSession`).
 */
/** `, after the partnership ends on …: extend `ends`, or meet before then`, when the planned day is after the last one; else nothing. */
function afterTheEnd(c: CadenceHealth, m: Markup): string {
  if (!c.endsFirst) return '';
  return c.endsFirstBy === 'closure'
    ? `, after the partnership closes on ${m.date(c.endsFirst)}: a meeting outside the formal partnership`
    : `, after the partnership ends on ${m.date(c.endsFirst)}: extend ${m.code('ends')}, or meet before then`;
}

function nextMeetingWords(c: CadenceHealth, m: Markup): string {
  const next = c.nextSession;
  if (next?.from === 'agenda') return `${m.date(next.date)}, ${relative(next.daysTo)}, with an agenda written ahead${afterTheEnd(c, m)}`;
  if (next?.from === 'cadence') return `not planned; by the cadence it ${next.daysTo < 0 ? 'was' : 'is'} due ${m.date(next.date)}, ${relative(next.daysTo)}`;
  if (c.nextMeeting) return `${m.date(c.nextMeeting)}, ${relative(c.daysToNext ?? 0)}${afterTheEnd(c, m)}`;
  if (c.endsFirst) return `not planned; the partnership ${c.endsFirstBy === 'closure' ? 'closes' : 'ends'} on ${m.date(c.endsFirst)}, before the cadence makes another session due`;
  return 'not planned';
}

/** The items of the cadence section, one sentence each. */
export function cadenceItems(c: CadenceHealth, m: Markup): string[] {
  const state = c.ended
    ? `The partnership ended on ${m.date(c.ended)}: no meeting is expected.`
    : !c.overdue
      ? 'On track.'
      : c.overdueBy === 'next'
        ? `${m.strong(`Overdue by ${days(c.overdueDays)}`)}: the planned meeting has passed without a recorded session.`
        : c.lastHeld
          ? `${m.strong(`Overdue by ${days(c.overdueDays)}`)}: more time has passed since the last held session than the cadence allows.`
          : `${m.strong(`Overdue by ${days(c.overdueDays)}`)}: no session has been held yet, and more time has passed since the start than the cadence allows.`;
  // Once the partnership is over, a `next:` written before its end is no plan any more.
  const next = c.ended ? `none, the partnership ended on ${m.date(c.ended)}` : nextMeetingWords(c, m);
  return [
    `Agreed cadence: ${c.cadence ? `${m.text(c.cadence.label)} (every ${days(c.cadence.days)})` : c.agreementUnread ? 'unknown, the agreement could not be read' : c.cadenceInvalid ? 'not valid as written, so unknown (check says why)' : 'none'}`,
    `Last held session: ${c.lastHeld ? `${m.date(c.lastHeld)}, ${relative(-(c.daysSinceLastHeld ?? 0))}` : 'none yet'}`,
    `Sessions so far: ${c.held} held, ${c.missed} missed, ${c.cancelled} cancelled`,
    `Next meeting: ${next}`,
    state,
  ];
}

function cadenceLines(c: CadenceHealth): string[] {
  return ['## Cadence', '', ...cadenceItems(c, MARKDOWN).map((item) => `- ${item}`), ''];
}

function signalLines(signals: Signal[]): string[] {
  if (!signals.length) return ['## Signals', '', 'Nothing needs attention right now.', ''];
  return ['## Signals', '', ...signals.flatMap((s) => [`- **${capital(s.severity)}** (${code(s.code)}): ${escapeMessage(s.message)}`, `  Advice: ${escapeMessage(s.advice)}`]), ''];
}

/** One action item as text: `@owner text (due date, when)`. */
export function actionText(a: OpenAction): string {
  const due = a.due ? ` (due ${a.due}, ${a.overdue ? `${days(-(a.daysLeft ?? 0))} overdue` : relative(a.daysLeft ?? 0)})` : a.invalidDue ? ` (${noValidDue(a.invalidDue)})` : '';
  return `${a.owner ? `@${md(a.owner)} ` : ''}${md(a.text)}${due}`;
}

function actions(list: OpenAction[]): string[] {
  if (!list.length) return ['## Open actions', '', 'No open action items.', ''];
  return ['## Open actions', '', ...list.map((a) => `- ${actionText(a)}, from the session of ${a.sessionDate}`), ''];
}

/** The changes section: its heading, one item per change, and what to say when there are none. */
export function changeItems(c: ReviewChanges | undefined, m: Markup): { heading: string; items: string[]; none: string } {
  if (!c?.previous) return { heading: 'Changes since the last review', items: [], none: 'No earlier review to compare with.' };
  const items: string[] = [];
  if (c.stage) items.push(`Declared stage: ${c.stage.from ?? 'not set'} → ${c.stage.to ?? 'not set'}`);
  for (const g of c.added) items.push(`New goal ${m.code(g.id)} (${m.text(g.title)}): ${g.status}${g.progress !== undefined ? `, ${g.progress}%` : ''}`);
  for (const g of c.removed) items.push(`Goal ${m.code(g.id)} is gone from the journal${g.status ? ` (was ${g.status})` : ''}`);
  for (const g of c.changed) {
    const parts = [g.status && `status ${g.status.from ?? 'unknown'} → ${g.status.to}`, g.progress && `progress ${pct(g.progress.from)} → ${pct(g.progress.to)}`].filter(Boolean);
    items.push(`${m.code(g.id)} (${m.text(g.title)}): ${parts.join('; ')}`);
  }
  return { heading: `Changes since the review of ${m.date(c.previous.date)}`, items, none: 'Nothing changed in stage or goals.' };
}

function changeLines(c: ReviewChanges | undefined): string[] {
  const { heading, items, none } = changeItems(c, MARKDOWN);
  return [`## ${heading}`, '', ...(items.length ? items.map((item) => `- ${item}`) : [none]), ''];
}

/**
 * The review of one relationship as a Markdown document: stage declared and inferred with the
 * reasons, a goals table, cadence health, signals with advice, open actions, and the changes
 * since the previous review (`changes` defaults to the report's own). Journal text is escaped.
 */
export function renderReviewMarkdown(report: RelationshipReport, changes: ReviewChanges | undefined = report.changes): string {
  const notes = leftOutNotes(report, MARKDOWN).flatMap((note) => [`> Note: ${note}`, '']);
  return [...header(report), ...notes, ...stage(report), ...goals(report), ...cadenceLines(report.cadence), ...signalLines(report.signals), ...actions(report.actions), ...changeLines(changes), ...historyMarkdown(report, MARKDOWN)].join('\n');
}

/**
 * The full text of a `type: review` file to save under the relationship's `reviews/` folder:
 * front matter with the snapshot later reviews compare with, then the Markdown review.
 */
export function renderReviewFile(report: RelationshipReport, changes: ReviewChanges | undefined = report.changes, today: string = report.today): string {
  const snapshot: Record<string, { status?: string; progress?: number }> = {};
  // An unknown status (not valid where it is written) is left out: the saved review stays valid.
  for (const g of report.goals) snapshot[g.id] = { ...(g.status !== 'unknown' ? { status: g.status } : {}), ...(g.progress !== undefined ? { progress: g.progress } : {}) };
  const front = {
    type: 'review',
    date: today,
    relationship: report.id,
    ...(report.declaredStage ? { stage: report.declaredStage } : {}),
    inferred: report.inferred.stage,
    goals: snapshot,
  };
  return `---\n${stringify(front, { lineWidth: 0 })}---\n\n${renderReviewMarkdown(report, changes)}`;
}
