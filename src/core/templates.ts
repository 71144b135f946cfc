import { SESSION_HINTS } from './templateHints';
import { oneLine } from './conventions';
import { addDays, daysBetween } from './dates';
import { lastDay, partnershipOver } from './model/cadence';
import { openActions } from './model/goals';
import type { GoalOwner, Relationship, Stage } from './types';
import { yamlScalar } from './yamlWrite';

/**
 * Templates for new journal files: a goal, today's session, and the file names they get.
 * Pure text out; the hosts create the files (never overwriting). A new relationship's files
 * come from scaffold.ts next door.
 */

/** A file name that is not taken: `base.md`, else `base-2.md`, `base-3.md`, ... */
export function uniqueFileName(base: string, taken: (name: string) => boolean, extension = '.md'): string {
  if (!taken(`${base}${extension}`)) return `${base}${extension}`;
  for (let n = 2; ; n++) if (!taken(`${base}-${n}${extension}`)) return `${base}-${n}${extension}`;
}

export interface GoalTemplate {
  id: string;
  title: string;
  /** `YYYY-MM-DD`, today. */
  created: string;
  owner?: GoalOwner;
  due?: string;
  success?: string;
}

/** A new goal file: proposed, at 0 %, with the keys still to fill in shown as comments. */
export function renderGoalFile(goal: GoalTemplate): string {
  const lines = [
    '---',
    'type: goal',
    `id: ${goal.id}`,
    `title: ${yamlScalar(oneLine(goal.title))}`,
    `owner: ${goal.owner ?? 'mentee'}`,
    'status: proposed',
    'progress: 0',
    `created: ${goal.created}`,
    goal.due ? `due: ${goal.due}` : '# due: YYYY-MM-DD (when the goal should be met)',
    goal.success ? `success: ${yamlScalar(oneLine(goal.success))}` : '# success: how both of you will know, specifically, that this goal is met',
    'skills: []',
    '---',
    '',
    `# ${oneLine(goal.title)}`,
    '',
    '## Why this goal',
    '',
    '<!-- What it changes for the mentee, and why now. -->',
    '',
    '## Milestones',
    '',
    '<!-- The steps on the way, each one you can check off in a session. -->',
    '',
  ];
  return lines.join('\n');
}

/** Open-ended prompts for each stage, to pick from at the start of a session. */
export const STAGE_QUESTIONS: Record<Stage, readonly string[]> = {
  creating: [
    'What made you look for a mentor now, and what should be different a year from today?',
    'How do you like to get feedback: written or spoken, straight away or after a while?',
    'What stays between the two of us, and what may either of us share?',
    'Which goal matters most to you, and how will we both recognise that it is met?',
    'When one of us has to move a session, how do we want to handle it?',
  ],
  building: [
    'What did you try since we last met, and what came of it?',
    'Where did you get stuck, and what did you do next?',
    'How would you go about it if you started again tomorrow?',
    'Which goal needs a sharper definition now that you know more?',
    'What would help you most from me before our next session?',
  ],
  mastery: [
    'What did you decide on your own lately, and how did it turn out?',
    'How would you explain this to someone a step behind you?',
    'Where do you still want a sounding board, and where no longer?',
    'What tells us a goal is really done, rather than just quiet?',
    'Which part of our sessions would you now like to lead?',
  ],
  'moving-on': [
    'What are you proudest of from our time together?',
    'How do you want to keep learning once our formal sessions end?',
    'What should our contact look like afterwards: informal, now and then, or not at all?',
    'Which new goals grow out of what you can do now?',
    'What do we want to write down as our reflection on this partnership?',
  ],
};

/**
 * The comment a new agreement carries above `stage:`, and the one Advance stage puts in its
 * place: what the stage is about and when to move on. Lines without the leading `# `.
 */
export function stageHint(stage: Stage): readonly string[] {
  switch (stage) {
    case 'creating':
      return ['Stage 1: agree on goals, cadence and confidentiality. Once both of you sign,', 'move on to `stage: building`.'];
    case 'building':
      return ['Stage 2: work on the goals and sharpen them as you learn. When the mentee leads', 'and sessions thin out, move on to `stage: mastery`.'];
    case 'mastery':
      return ['Stage 3: the mentee leads. When the goals are met, move on to `stage: moving-on`.'];
    case 'moving-on':
      return ['Stage 4: wrap up, reflect together, and record the closure when the partnership ends.'];
  }
}

export interface SessionTemplate {
  relationship: Relationship;
  /** `YYYY-MM-DD` of the new session. */
  date: string;
  /** The stage to pick questions for; default the agreement's. */
  stage?: Stage;
}

/** How far from today a planned meeting may be and still be offered (without an agreed cadence). */
const DEFAULT_PERIOD_DAYS = 14;

/**
 * The date the partners planned for their next meeting (the `next` of the latest session held or
 * missed by `today`), when it lies within one cadence period of today, before or after, and not
 * after the partnership's last day: the session New session should prepare. Undefined when
 * nothing is planned that close.
 */
export function plannedSessionDate(relationship: Relationship, today: string): string | undefined {
  // Once the partnership is over, no meeting is planned any more.
  if (partnershipOver(relationship, today)) return undefined;
  const past = relationship.sessions.filter((s) => s.date <= today);
  const next = past[past.length - 1]?.next;
  if (!next) return undefined;
  // Nor a meeting planned after the partnership's last day (`ends`, or a closure recorded ahead).
  const last = lastDay(relationship.agreement);
  if (last !== undefined && next > last) return undefined;
  const period = relationship.agreement?.cadence?.days || DEFAULT_PERIOD_DAYS;
  return Math.abs(daysBetween(today, next)) <= period ? next : undefined;
}

/** Latest progress of a goal: from the sessions that recorded it, else the goal's own. */
function latestProgress(relationship: Relationship, goalId: string): number | undefined {
  for (let i = relationship.sessions.length - 1; i >= 0; i--) {
    const value = relationship.sessions[i]!.progress[goalId];
    if (value !== undefined) return value;
  }
  return relationship.goals.find((g) => g.id === goalId)?.progress;
}

/**
 * A session file for `date` (today's, or the planned meeting's: a session dated after today is an
 * agenda until its day comes): attendees from the agreement, the active goals listed (their last
 * progress as a comment to update), every open action item of the sessions before it carried over,
 * open-ended questions suited to the stage, and the next date from the cadence.
 */
export function renderSessionFile({ relationship, date, stage }: SessionTemplate): string {
  const agreement = relationship.agreement;
  const people = [...(agreement?.mentors ?? []), ...(agreement?.mentees ?? [])].map((p) => p.name);
  const active = relationship.goals.filter((g) => g.status === 'active');
  const currentStage = stage ?? agreement?.stage ?? 'creating';
  // Every action still open before this session, once (from the session that holds its latest
  // occurrence), so that the copy written here becomes that latest occurrence.
  const carried = openActions(relationship.sessions.filter((s) => s.date < date), date);
  const front = ['---', 'type: session', `date: ${date}`];
  if (people.length) front.push(`attendees: [${people.map((p) => yamlScalar(oneLine(p))).join(', ')}]`);
  if (active.length) {
    front.push(`goals: [${active.map((g) => g.id).join(', ')}]`);
    front.push('# Progress of each goal as of this session, 0-100 (the last recorded values):');
    front.push('# progress:');
    for (const g of active) front.push(`#   ${g.id}: ${latestProgress(relationship, g.id) ?? 0}`);
  }
  // The next meeting by the cadence, unless it falls after the partnership's end (or its closure).
  const next = agreement?.cadence?.days ? addDays(date, agreement.cadence.days) : undefined;
  const last = lastDay(agreement);
  if (next && (!last || next <= last)) front.push(`next: ${next}`);
  front.push('# How each of you felt the relationship went today, 1-5 (5 best):', '# pulse: {mentor: 4, mentee: 4}');
  front.push('---');

  const body = ['', `# Session of ${date}`, '', '## Goals', ''];
  if (active.length === 0) body.push('No active goals yet: agreeing on them is a good use of this session.');
  for (const g of active) {
    const progress = latestProgress(relationship, g.id);
    const facts = [progress !== undefined ? `${progress}%` : undefined, g.due ? `due ${g.due}` : undefined].filter(Boolean).join(', ');
    body.push(`- [[${g.id}]] ${oneLine(g.title)}${facts ? ` (${facts})` : ''}`);
  }
  body.push('', '## Questions', '', SESSION_HINTS.questions(currentStage), '');
  for (const q of STAGE_QUESTIONS[currentStage]) body.push(`- ${q}`);
  body.push('', '## Notes', '', SESSION_HINTS.notes, '');
  body.push('## Summary', '', SESSION_HINTS.summary, '', '## Actions', '');
  if (carried.length) {
    for (const from of [...new Set(carried.map((a) => a.sessionDate))]) {
      body.push(`Carried over from the session of ${from}:`, '');
      for (const a of carried.filter((c) => c.sessionDate === from)) body.push(`- [ ] ${a.owner ? `@${a.owner} ` : ''}${a.text}${a.due ?? a.invalidDue ? ` (due ${a.due ?? a.invalidDue})` : ''}`);
      body.push('');
    }
  } else {
    body.push(SESSION_HINTS.actions, '');
  }
  return [...front, ...body].join('\n');
}
