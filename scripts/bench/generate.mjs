// Generates a deterministic mentoring journal for the benchmark: `relationships` folders, each
// with an agreement, goal files and `sessions` session files with realistic bodies (sections,
// questions, notes, task-list actions with owners and due dates, and [[goal]] references).
// The same arguments always give byte-identical files. A few files carry deliberate problems
// (about one session in 200) so that the check has something to report.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

/** Bump when the generated content changes, so that cached journals are regenerated. */
export const GENERATOR_VERSION = 4;

/** A small, fast, seedable PRNG (mulberry32): the journal must not change between runs. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Priya', 'Sam', 'Aiko', 'Daniel', 'Lee', 'Noor', 'Jo', 'Ravi', 'Mei', 'Tomás', 'Fatima', 'Olu', 'Ingrid', 'Kenji', 'Ana', 'Marek', 'Zoë', 'Hamid', 'Grace', 'Luca'];
const LAST = ['Raman', 'Okafor', 'Tanaka', 'Weber', 'Park', 'Haddad', 'Silva', 'Iyer', 'Chen', 'García', 'Nowak', 'Adeyemi', 'Larsen', 'Sato', 'Costa', 'Novak'];
const TOPICS = [
  ['write-design-rfc', 'Lead the design RFC for the event pipeline', ['design documents', 'migration planning']],
  ['capacity-planning', 'Estimate load and capacity for a new service', ['capacity planning', 'load testing']],
  ['review-designs', 'Review other engineers\u2019 designs', ['design review', 'feedback']],
  ['public-speaking', 'Give a talk at the engineering all-hands', ['presenting', 'storytelling']],
  ['on-call-readiness', 'Lead an incident as on-call commander', ['incident response', 'communication']],
  ['frontend-testing', 'Set up component tests for the dashboard', ['testing', 'front-end']],
  ['hiring-interviews', 'Run system design interviews', ['interviewing', 'calibration']],
  ['delegation', 'Delegate the quarterly planning to the team', ['delegation', 'planning']],
];
const SENTENCES = [
  'We went through the draft section by section and agreed that the failure modes need the most work.',
  'The main question was how to keep the ledger and the invoice store consistent during the migration.',
  'Sam explained the trade-off between at-least-once delivery and idempotent consumers with a concrete example.',
  'Priya asked what would happen if the downstream team shipped their change a month late.',
  'We compared two options and wrote down the criteria for choosing between them before picking one.',
  'The review meeting went better than expected; two of the three comments were about naming.',
  'Estimating the peak load from last year\u2019s traffic gave a number that surprised both of us.',
  'We talked about how to say no to a request without closing the door on the person asking.',
  'The incident last week was a good case study: the timeline showed where communication slowed down.',
  'Next time we will start with the open questions from the last session before anything new.',
  'A short written summary after each meeting has made it easier to see progress over the months.',
  'We agreed the goal is still right, but the due date was too optimistic and should move by two weeks.',
];
const QUESTIONS = [
  'What would you do differently if you started this design again?',
  'Who else should review this before the architecture meeting?',
  'How will we know the migration can be rolled back safely?',
  'What is the smallest version of this that would still be useful?',
  'Which part of the week felt most like progress, and why?',
  'What feedback did you get that you disagree with?',
];
const ACTIONS = [
  'Send the outline to two reviewers outside the team',
  'Write down the failure modes for the retry path',
  'Book a slot at the architecture review',
  'Prepare three slides for the all-hands dry run',
  'Read the postmortem of last year\u2019s billing outage',
  'Pair on the load test scenarios',
];

const pick = (rand, list) => list[Math.floor(rand() * list.length)];
/** A chat handle from a name: `Tomás Silva` gives `tomas`. */
const handle = (name) => name.split(' ')[0].normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
const pad = (n, w = 2) => String(n).padStart(w, '0');
const DAY = 86_400_000;
const isoDay = (ms) => new Date(ms).toISOString().slice(0, 10);

function paragraph(rand, sentences) {
  return Array.from({ length: sentences }, () => pick(rand, SENTENCES)).join(' ');
}

function agreement(rand, r, mentor, mentee, started, ends, goals) {
  return `---
type: agreement
mentor:
  name: ${mentor}
  handle: ${handle(mentor)}${r}
mentee:
  name: ${mentee}
format: one-to-one
formality: formal
started: ${started}
ends: ${ends}
cadence: weekly
stage: building
confidential: true
signed:
  mentor: ${started}
  mentee: ${started}
strengths:
  mentor:
    - years of designing and operating distributed systems
    - calm in incident reviews
  mentee:
    - careful implementer with deep knowledge of the codebase
expectations:
  mentor:
    - come to each session with one concrete question from real work
  mentee:
    - honest, specific feedback on drafts
success: >-
  ${mentee} leads a cross-team design from first sketch to accepted RFC and
  reviews other engineers' designs without help.
---

# Mentoring agreement: ${mentor} and ${mentee}

${paragraph(rand, 4)}

## What we will work on

${goals.map((g) => `- [[${g.id}]]: ${g.title}`).join('\n')}

## How we will work

${paragraph(rand, 3)}

## Confidentiality

What we discuss stays between the two of us unless we both agree to share it.
`;
}

function goalFile(g, started, due) {
  return `---
type: goal
id: ${g.id}
title: ${g.title}
owner: mentee
status: active
created: ${started}
due: ${due}
progress: ${g.progress}
skills:
${g.skills.map((s) => `  - ${s}`).join('\n')}
success: >-
  The work is reviewed by two senior engineers outside the team and accepted,
  with the mentee presenting it.
---

# ${g.title}

Why this goal matters, and the milestones on the way:

1. Problem statement agreed.
2. First draft reviewed.
3. Presented and accepted.
`;
}

function sessionFile(rand, s) {
  const { date, next, mentor, mentee, goals, progress, broken } = s;
  const discussed = goals.filter(() => rand() < 0.6);
  if (discussed.length === 0) discussed.push(goals[0]);
  const mentorHandle = handle(mentor);
  const menteeHandle = handle(mentee);
  const goalIds = discussed.map((g) => (broken ? `${g.id}s` : g.id));
  const actions = Array.from({ length: 2 + Math.floor(rand() * 3) }, (_, i) => {
    const g = pick(rand, discussed);
    const owner = rand() < 0.5 ? menteeHandle : mentorHandle;
    const done = rand() < 0.4 ? 'x' : ' ';
    return `- [${done}] @${owner} ${pick(rand, ACTIONS)} for [[${g.id}]] (due ${isoDay(Date.parse(date) + (7 + i) * DAY)})`;
  });
  return `---
type: session
date: ${date}
attendees: [${mentor}, ${mentee}]
duration: ${pick(rand, [45, 60, 60, 90])}
goals: [${goalIds.join(', ')}]
progress:
${discussed.map((g) => `  ${g.id}: ${progress[g.id]}`).join('\n')}
next: ${next}
---

# Session ${date}: ${discussed[0].title.toLowerCase()}

## Questions

${Array.from({ length: 2 + Math.floor(rand() * 2) }, () => `- ${pick(rand, QUESTIONS)}`).join('\n')}

## Notes

${paragraph(rand, 3)} We looked at [[${discussed[0].id}]] first.

${paragraph(rand, 4)}

> ${pick(rand, SENTENCES)}

${paragraph(rand, 2)}

## Summary

${paragraph(rand, 2)} Progress on [[${discussed[discussed.length - 1].id}]] is now ${progress[discussed[discussed.length - 1].id]}%.

## Actions

${actions.join('\n')}
`;
}

/** The facts of one generated pair, drawn from `rand` in a fixed order (every style draws the same way). */
function pairPlan(rand, r, epoch, sessionsPer, goalsPer) {
  const mentor = `${pick(rand, FIRST)} ${pick(rand, LAST)}`;
  const mentee = `${pick(rand, FIRST)} ${pick(rand, LAST)}`;
  const startMs = epoch + Math.floor(rand() * 180) * DAY;
  const started = isoDay(startMs);
  const ends = isoDay(startMs + (sessionsPer * 7 + 60) * DAY);
  const folder = `team-${pad(Math.floor(r / 25), 2)}/pair-${pad(r, 4)}`;
  const offset = Math.floor(rand() * TOPICS.length);
  const goals = Array.from({ length: goalsPer }, (_, i) => {
    const [id, title, skills] = TOPICS[(offset + i) % TOPICS.length];
    return { id: i < TOPICS.length ? id : `${id}-${i}`, title, skills, progress: 0 };
  });
  return { mentor, mentee, startMs, started, ends, folder, goals };
}

/**
 * Writes the journal into `dir` (replacing it) and returns the number of files written.
 * Each relationship gets an agreement, `goalsPer` goal files and `sessionsPer` weekly sessions.
 */
export function generateJournal(dir, { relationships = 100, sessionsPer = 100, goalsPer = 4, seed = 20261123, style = 'block' } = {}) {
  if (style !== 'block') return generateStyledJournal(dir, { relationships, sessionsPer, goalsPer, seed, style });
  rmSync(dir, { recursive: true, force: true });
  const rand = random(seed);
  let files = 0;
  const write = (rel, content) => {
    const file = path.join(dir, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
    files++;
  };
  const epoch = Date.parse('2024-01-01');
  for (let r = 0; r < relationships; r++) {
    const { mentor, mentee, startMs, started, ends, folder, goals } = pairPlan(rand, r, epoch, sessionsPer, goalsPer);
    write(`${folder}/agreement.md`, agreement(rand, r, mentor, mentee, started, ends, goals));
    const progress = Object.fromEntries(goals.map((g) => [g.id, 0]));
    for (let s = 0; s < sessionsPer; s++) {
      for (const g of goals) progress[g.id] = Math.min(100, progress[g.id] + Math.floor(rand() * 3));
      const dateMs = startMs + s * 7 * DAY;
      const broken = (r * sessionsPer + s) % 200 === 199;
      write(`${folder}/sessions/${isoDay(dateMs)}.md`, sessionFile(rand, { date: isoDay(dateMs), next: isoDay(dateMs + 7 * DAY), mentor, mentee, goals, progress, broken }));
    }
    for (const g of goals) write(`${folder}/goals/${g.id}.md`, goalFile({ ...g, progress: progress[g.id] }, started, ends));
  }
  return files;
}

// The flow-style and mixed-style journals (issue 13): small files (bodies under 1 KB) whose front
// matter is written as docs/format.md allows and as people write it by hand.
//   flow:  `attendees: [A, B]`, `progress: {goal-a: 40}`, `signed: {mentor: D, mentee: D}`, people as `{name, handle}`;
//   mixed: comments (before keys, after values, at the end, and after an indented list's or map's
//          last item), quoted dates and names, `>-` and `|` block scalars and plain text over
//          several lines, blank lines between groups of keys, block and flow lists alike (block
//          lists indented under their key or at its indentation, flow maps on one line or one
//          entry a line), and CRLF line ends in one file in four.

const q = (rand, text) => (rand() < 0.5 ? `"${text}"` : `'${text.replace(/'/g, "''")}'`);
/** How a block list's items start: indented under their key, or at the key's own indentation (as many write it). */
const dash = (rand) => (rand() < 0.5 ? '  - ' : '- ');
/** A block list's item lines, each starting with `start`; an indented one sometimes ends with a comment at its items' indentation (a name struck out, a note). */
const blockList = (start, items, rand) => {
  const indent = start.indexOf('-');
  return items.map((item) => `${start}${item}`).join('\n') + (rand && indent > 0 && rand() < 0.3 ? `\n${' '.repeat(indent)}# ${pick(rand, ['added later', 'and a guest', 'on video'])}` : '');
};

function styledAgreement(rand, style, r, mentor, mentee, started, ends, goals) {
  if (style === 'flow') {
    return `---
type: agreement
mentor: {name: ${mentor}, handle: ${handle(mentor)}${r}}
mentee: {name: ${mentee}}
format: one-to-one
started: ${started}
ends: ${ends}
cadence: weekly
stage: building
signed: {mentor: ${started}, mentee: ${started}}
strengths: {mentor: [distributed systems, incident reviews], mentee: [deep knowledge of the codebase]}
expectations: {mentor: [one concrete question per session], mentee: [honest feedback on drafts]}
success: ${mentee} leads a cross-team design from first sketch to accepted RFC.
---

# ${mentor} and ${mentee}

${paragraph(rand, 2)}

${goals.map((g) => `- [[${g.id}]]: ${g.title}`).join('\n')}
`;
  }
  return `---
# Mentoring agreement, signed at the kick-off
type: agreement
mentor:
  name: ${q(rand, mentor)}
  handle: ${handle(mentor)}${r} # chat handle
mentee: ${q(rand, mentee)}

format: one-to-one
started: "${started}"
ends: '${ends}'
cadence: weekly # every Wednesday
stage: building

signed: {mentor: "${started}", mentee: ${started}}
strengths:
  mentor: [distributed systems, "incident reviews"]
  mentee:
    - deep knowledge of the codebase
success: >-
  ${mentee} leads a cross-team design from first sketch to accepted RFC and
  reviews other engineers' designs without help.
# goals live in goals/
---

# ${mentor} and ${mentee}

${paragraph(rand, 2)}

${goals.map((g) => `- [[${g.id}]]: ${g.title}`).join('\n')}
`;
}

function styledGoal(rand, style, g, started, due) {
  if (style === 'flow') {
    return `---
type: goal
id: ${g.id}
title: ${g.title}
status: active
created: ${started}
due: ${due}
progress: ${g.progress}
skills: [${g.skills.join(', ')}]
success: The work is reviewed by two senior engineers outside the team and accepted.
---

# ${g.title}

1. Problem statement agreed.
2. First draft reviewed.
`;
  }
  return `---
type: goal
title: ${q(rand, g.title)}
status: active # agreed at the last review

created: ${started}
due: "${due}"
progress: ${g.progress}
skills:
${blockList(dash(rand), [g.skills[0], `'${g.skills[1]}'`])}
success: ${pick(rand, ['>-\n  The work', '|\n  The work', 'The work'])} is reviewed by two senior engineers outside the team.
  It is accepted, with the mentee presenting it.
---

# ${g.title}

1. Problem statement agreed.
2. First draft reviewed.
`;
}

function styledSession(rand, style, s) {
  const { date, next, mentor, mentee, goals, progress, broken } = s;
  const discussed = goals.filter(() => rand() < 0.6);
  if (discussed.length === 0) discussed.push(goals[0]);
  const ids = discussed.map((g) => (broken ? `${g.id}s` : g.id));
  const body = `
# ${date}

## Notes

${paragraph(rand, 2)} We looked at [[${discussed[0].id}]] first.

## Actions

- [ ] @${handle(rand() < 0.5 ? mentor : mentee)} ${pick(rand, ACTIONS)} for [[${pick(rand, discussed).id}]] (due ${next})
`;
  if (style === 'flow') {
    return `---
type: session
date: ${date}
attendees: [${mentor}, ${mentee}]
duration: ${pick(rand, [45, 60, 60, 90])}
goals: [${ids.join(', ')}]
progress: {${discussed.map((g) => `${g.id}: ${progress[g.id]}`).join(', ')}}
next: ${next}
---
${body}`;
  }
  const lines = ['---'];
  if (rand() < 0.3) lines.push(`# ${pick(rand, ['weekly check-in', 'moved from Tuesday', 'remote', 'notes by the mentee'])}`);
  lines.push('type: session', rand() < 0.6 ? `date: "${date}"` : `date: ${date} # the meeting`);
  lines.push(rand() < 0.5 ? `attendees: [${q(rand, mentor)}, ${mentee}]` : `attendees:\n${blockList(dash(rand), [q(rand, mentor), mentee], rand)}`);
  lines.push(`duration: ${pick(rand, [45, 60, 60, 90])}`);
  if (rand() < 0.5) lines.push('');
  lines.push(rand() < 0.5 ? `goals: [${ids.join(', ')}]` : `goals:\n${blockList(dash(rand), ids)}`);
  lines.push(
    rand() < 0.5
      ? `progress:\n${discussed.map((g) => `  ${g.id}: ${progress[g.id]}${rand() < 0.2 ? ' # estimate' : ''}`).join('\n')}${rand() < 0.2 ? `\n  # ${goals[0].id}: not discussed` : ''}`
      : rand() < 0.8
        ? `progress: {${discussed.map((g) => `${g.id}: ${progress[g.id]}`).join(', ')}}`
        : `progress: {\n${discussed.map((g) => `  ${g.id}: ${progress[g.id]}`).join(',\n')}\n}`,
  );
  if (rand() < 0.4) lines.push('', `# ${pick(rand, QUESTIONS)}`);
  lines.push(`next: '${next}'`, '---', body);
  const text = lines.join('\n');
  return text;
}

function generateStyledJournal(dir, { relationships, sessionsPer, goalsPer, seed, style }) {
  rmSync(dir, { recursive: true, force: true });
  const rand = random(seed + (style === 'flow' ? 1 : 2));
  let files = 0;
  const write = (rel, content) => {
    const file = path.join(dir, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    const crlf = style === 'mixed' && files % 4 === 3;
    writeFileSync(file, crlf ? content.replace(/\n/g, '\r\n') : content);
    files++;
  };
  const epoch = Date.parse('2024-01-01');
  for (let r = 0; r < relationships; r++) {
    const { mentor, mentee, startMs, started, ends, folder, goals } = pairPlan(rand, r, epoch, sessionsPer, goalsPer);
    write(`${folder}/agreement.md`, styledAgreement(rand, style, r, mentor, mentee, started, ends, goals));
    const progress = Object.fromEntries(goals.map((g) => [g.id, 0]));
    for (let s = 0; s < sessionsPer; s++) {
      for (const g of goals) progress[g.id] = Math.min(100, progress[g.id] + Math.floor(rand() * 3));
      const dateMs = startMs + s * 7 * DAY;
      const broken = (r * sessionsPer + s) % 200 === 199;
      write(`${folder}/sessions/${isoDay(dateMs)}.md`, styledSession(rand, style, { date: isoDay(dateMs), next: isoDay(dateMs + 7 * DAY), mentor, mentee, goals, progress, broken }));
    }
    for (const g of goals) write(`${folder}/goals/${g.id}.md`, styledGoal(rand, style, { ...g, progress: progress[g.id] }, started, ends));
  }
  return files;
}
