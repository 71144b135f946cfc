import { oneLine } from './conventions';
import { addDays } from './dates';
import type { GoalOwner, Relationship, Session, Stage } from './types';
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

export interface SessionTemplate {
  relationship: Relationship;
  /** `YYYY-MM-DD` of the new session. */
  date: string;
  /** The stage to pick questions for; default the agreement's. */
  stage?: Stage;
}

/** The latest held session on or before `date`: where open action items are carried over from. */
export function previousSession(relationship: Relationship, date: string): Session | undefined {
  const before = relationship.sessions.filter((s) => s.date <= date && s.status === 'held');
  return before[before.length - 1];
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
 * Today's session file: attendees from the agreement, the active goals listed (their last
 * progress as a comment to update), open action items of the previous session carried over,
 * open-ended questions suited to the stage, and the next date from the cadence.
 */
export function renderSessionFile({ relationship, date, stage }: SessionTemplate): string {
  const agreement = relationship.agreement;
  const people = [...(agreement?.mentors ?? []), ...(agreement?.mentees ?? [])].map((p) => p.name);
  const active = relationship.goals.filter((g) => g.status === 'active');
  const currentStage = stage ?? agreement?.stage ?? 'creating';
  const previous = previousSession(relationship, date);
  const carried = previous?.actions.filter((a) => !a.done) ?? [];
  const front = ['---', 'type: session', `date: ${date}`];
  if (people.length) front.push(`attendees: [${people.map((p) => yamlScalar(oneLine(p))).join(', ')}]`);
  if (active.length) {
    front.push(`goals: [${active.map((g) => g.id).join(', ')}]`);
    front.push('# Progress of each goal as of this session, 0-100 (the last recorded values):');
    front.push('# progress:');
    for (const g of active) front.push(`#   ${g.id}: ${latestProgress(relationship, g.id) ?? 0}`);
  }
  if (agreement?.cadence?.days) front.push(`next: ${addDays(date, agreement.cadence.days)}`);
  front.push('---');

  const body = ['', `# Session of ${date}`, '', '## Goals', ''];
  if (active.length === 0) body.push('No active goals yet: agreeing on them is a good use of this session.');
  for (const g of active) {
    const progress = latestProgress(relationship, g.id);
    const facts = [progress !== undefined ? `${progress}%` : undefined, g.due ? `due ${g.due}` : undefined].filter(Boolean).join(', ');
    body.push(`- [[${g.id}]] ${oneLine(g.title)}${facts ? ` (${facts})` : ''}`);
  }
  body.push('', '## Questions', '', `<!-- Open-ended questions for the ${currentStage} stage: keep the ones that fit, add your own. -->`, '');
  for (const q of STAGE_QUESTIONS[currentStage]) body.push(`- ${q}`);
  body.push('', '## Notes', '', '<!-- What you talked about, in your own words. -->', '');
  body.push('## Summary', '', '<!-- What you agreed and decided, in a few points. -->', '', '## Actions', '');
  if (carried.length) {
    body.push(`Carried over from the session of ${previous!.date}:`, '');
    for (const a of carried) body.push(`- [ ] ${a.owner ? `@${a.owner} ` : ''}${a.text}${a.due ? ` (due ${a.due})` : ''}`);
    body.push('');
  } else {
    body.push('<!-- - [ ] @owner what to do (due YYYY-MM-DD) -->', '');
  }
  return [...front, ...body].join('\n');
}
