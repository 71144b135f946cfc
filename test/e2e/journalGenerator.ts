/**
 * A generated journal for the performance tests and the extension-host profile: relationships of
 * an agreement, 4 goal files and weekly sessions, the same bytes on every run (seeded).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { random } from '../../scripts/bench/generate.mjs';

const MENTORS = ['Priya Raman', 'Aiko Tanaka', 'Lee Hamilton', 'Mei Chen', 'Tomás Silva', 'Fatima Iyer', 'Ingrid Larsen', 'Kenji Sato', 'Grace Adeyemi', 'Marek Nowak'];
const MENTEES = ['Sam Okafor', 'Daniel Weber', 'Noor Haddad', 'Ravi Kumar', 'Ana Costa', 'Olu Park', 'Zoë García', 'Hamid Novak', 'Luca Rossi', 'Jo Marsh'];
const GOALS: Array<[id: string, title: string]> = [
  ['write-design-rfc', 'Lead the design RFC for the event pipeline'],
  ['capacity-planning', 'Estimate load and capacity for a new service'],
  ['review-designs', "Review other engineers' designs"],
  ['public-speaking', 'Give a talk at the engineering all-hands'],
  ['on-call-readiness', 'Lead an incident as on-call commander'],
  ['delegation', 'Delegate the quarterly planning to the team'],
];
const QUESTIONS = [
  'What would you do differently if you started this design again?',
  'Who else should review this before the architecture meeting?',
  'How will we know the migration can be rolled back safely?',
  'What is the smallest version of this that would still be useful?',
  'Where did you get stuck, and what did you try first?',
  'Why does this step feel harder than the others?',
];
const NOTES = [
  'We went through the draft section by section and agreed that the failure modes need the most work.',
  'We compared two options and wrote down the criteria for choosing between them before picking one.',
  'The review meeting went better than expected; two of the three comments were about naming.',
  'We talked about how to say no to a request without closing the door on the person asking.',
  'The incident last week was a good case study: the timeline showed where communication slowed down.',
  'We agreed the goal is still right, but the due date was too optimistic and should move by two weeks.',
];
const ACTIONS = ['send the outline to two reviewers outside the team', 'write down the failure modes for the retry path', 'book a slot at the architecture review', 'pair on the load test scenarios'];

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const first = (name: string) => name.split(' ')[0]!;
const handle = (name: string) => first(name).normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

/**
 * Writes a journal of `relationships` × (agreement + 4 goals + `sessions` sessions) files under
 * `dir`; returns the "mentor ↔ mentee" labels and the number of files. With `unknownGoalEvery`
 * (n > 0), every n-th session held also names a goal that does not exist (`no-such-goal`), an
 * error in the Problems panel.
 */
export function generateJournal(dir: string, relationships = 10, sessions = 95, { unknownGoalEvery = 0 } = {}): { labels: string[]; files: number } {
  const rand = random(20261123);
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)]!;
  const labels: string[] = [];
  let files = 0;
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
    files++;
  };
  for (let r = 0; r < relationships; r++) {
    const mentor = MENTORS[r % MENTORS.length]!;
    const mentee = MENTEES[r % MENTEES.length]!;
    labels.push(`${mentor} ↔ ${mentee}`);
    const folder = `pair-${String(r + 1).padStart(2, '0')}-${handle(mentor)}-and-${handle(mentee)}`;
    const start = Date.parse('2025-01-06') + r * DAY;
    const goals = [0, 1, 2, 3].map((i) => GOALS[(r + i) % GOALS.length]!);
    const statuses = ['active', 'active', 'proposed', 'achieved'];
    write(`${folder}/agreement.md`, `---
type: agreement
mentor:
  name: ${mentor}
  handle: ${handle(mentor)}
mentee:
  name: ${mentee}
  handle: ${handle(mentee)}
format: one-to-one
formality: formal
started: ${iso(start)}
ends: 2027-06-30
cadence: weekly
stage: building
confidential: true
signed:
  mentor: ${iso(start)}
  mentee: ${iso(start)}
success: >-
  ${first(mentee)} leads a cross-team design from first sketch to accepted RFC.
---

# Mentoring agreement: ${first(mentor)} and ${first(mentee)}

${goals.map(([id, title]) => `- [[${id}]]: ${title}`).join('\n')}
`);
    const progress = new Map(goals.map(([id]) => [id, 0]));
    for (let s = 0; s < sessions; s++) {
      const date = start + s * 7 * DAY;
      const missed = s % 10 === 9;
      const discussed = goals.slice(0, 3).filter(() => rand() < 0.6).map(([id]) => id);
      if (discussed.length === 0) discussed.push(goals[0]![0]);
      for (const id of discussed) progress.set(id, Math.min(100, progress.get(id)! + Math.floor(rand() * 3)));
      const owner = () => handle(rand() < 0.5 ? mentor : mentee);
      const named = unknownGoalEvery > 0 && !missed && s % unknownGoalEvery === 0 ? [...discussed, 'no-such-goal'] : discussed;
      write(`${folder}/sessions/${iso(date)}.md`, missed
        ? `---\ntype: session\ndate: ${iso(date)}\nstatus: missed\nattendees: [${mentor}]\nnext: ${iso(date + 7 * DAY)}\n---\n\n# Missed\n\n${pick(NOTES)}\n`
        : `---
type: session
date: ${iso(date)}
attendees: [${mentor}, ${mentee}]
duration: ${pick([45, 60, 90])}
goals: [${named.join(', ')}]
progress:
${discussed.map((id) => `  ${id}: ${progress.get(id)}`).join('\n')}
next: ${iso(date + 7 * DAY)}
---

# Session ${iso(date)}

## Questions

- ${pick(QUESTIONS)}
- ${pick(QUESTIONS)}

## Notes

${pick(NOTES)} We looked at [[${discussed[0]}]] first. ${pick(NOTES)}

${pick(NOTES)} ${pick(NOTES)}

## Summary

- ${pick(NOTES)}

## Actions

- [ ] @${owner()} ${pick(ACTIONS)} for [[${pick(discussed)}]] (due ${iso(date + 7 * DAY)})
- [x] @${owner()} ${pick(ACTIONS)} (due ${iso(date + 3 * DAY)})
`);
    }
    goals.forEach(([id, title], i) => {
      const status = statuses[i]!;
      write(`${folder}/goals/${id}.md`, `---
type: goal
id: ${id}
title: ${title}
owner: mentee
status: ${status}
progress: ${status === 'achieved' ? 100 : progress.get(id)}
created: ${iso(start)}
due: 2027-06-30
success: >-
  The work is reviewed by two senior engineers outside the team and accepted.
---

# ${title}
`);
    });
  }
  return { labels, files };
}
