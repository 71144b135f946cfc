import { valueChain, type RecordKeeping } from '../history';
import { FILE_START } from '../text';
import type { Range, Relationship } from '../types';
import { partnershipOver } from './cadence';
import type { GoalReport, Signal } from './types';

/** A goal whose due date moved later this many times (or more) raises `goal-due-slipped`. */
export const DUE_SLIPS = 2;
/** The last this many held sessions (or more), all first committed by one partner, raise `notes-one-sided`. */
export const ONE_SIDED_SESSIONS = 6;

/**
 * The signals read from git: `goal-due-slipped` and `notes-one-sided`. They need the history
 * (`goal.fieldHistory`, `records`); without it (no git, `--no-git`, a virtual workspace) there
 * are none. Like the goal and rhythm signals, they stop once the partnership is over.
 */
export function gitSignals(rel: Relationship, today: string, goals: GoalReport[], records: RecordKeeping | undefined): Signal[] {
  if (partnershipOver(rel, today)) return [];
  const dueRanges = new Map(rel.goals.flatMap((g) => (g.fields.due ? [[g.id, g.fields.due] as const] : [])));
  const heads = new Map(rel.sessions.map((s) => [s.source.file, s.source.range]));
  const held = rel.sessions.filter((s) => s.status === 'held').map((s) => s.source.file);
  return [...goals.flatMap((g) => goalDueSlipped(g, dueRanges.get(g.id))), ...notesOneSided(records, held, heads)];
}

/** At the goal's `due` value (`dueRange`), where the next move would be made. */
function goalDueSlipped(goal: GoalReport, dueRange: Range | undefined): Signal[] {
  // Open goals only: not an achieved or dropped one, nor one whose status is not valid (`unknown`).
  if (goal.status !== 'active' && goal.status !== 'proposed' && goal.status !== 'paused') return [];
  // The dates the goal was due by, in order (a branch's change and main's both count, the merge's
  // choice last): each step to a later date is a slip. A time without a date between two (`due`
  // removed, then written again later) does not hide the step.
  const chain = valueChain((goal.fieldHistory ?? []).filter((c) => c.field === 'due'));
  let later = 0;
  let before: string | undefined;
  for (const date of chain) {
    if (typeof date !== 'string') continue;
    if (before !== undefined && date > before) later++;
    before = date;
  }
  if (later < DUE_SLIPS) return [];
  return [{
    code: 'goal-due-slipped',
    severity: 'warning',
    message: `The due date of \`${goal.id}\` (${goal.title}) moved later ${later === 2 ? 'twice' : `${later} times`}: ${chain.map((v) => (v === undefined ? '(none)' : String(v))).join(' → ')}.`,
    advice: 'Rather than moving the date again, refine the goal or its success criteria together: a smaller next step, or terms you can both check by a date you believe in.',
    goalId: goal.id,
    source: { file: goal.source.file, range: dueRange ?? goal.source.range },
  }];
}

/**
 * At the front matter of the latest held session's file (`held`: the held sessions' files, oldest
 * first; `heads`: each session file's front matter span). The streak runs back from the latest
 * held session: one not committed yet has no committer, and ends it there.
 */
function notesOneSided(records: RecordKeeping | undefined, held: readonly string[], heads: Map<string, Range>): Signal[] {
  if (!records || records.partners.length < 2) return [];
  const byFile = new Map(records.sessions.map((s) => [s.file, s.partner]));
  const last = byFile.get(held.at(-1) ?? '');
  if (!last) return [];
  let streak = 0;
  for (let i = held.length - 1; i >= 0; i--) {
    const p = byFile.get(held[i]!);
    if (!p || p.name !== last.name || p.role !== last.role) break;
    streak++;
  }
  if (streak < ONE_SIDED_SESSIONS) return [];
  const all = streak === held.length;
  return [{
    code: 'notes-one-sided',
    severity: 'info',
    message: `${last.name} first committed the notes of ${all ? `every held session (${streak})` : `each of the last ${streak} held sessions`}, going by git.`,
    advice: 'Take turns writing up the sessions, so that both of you keep the record and both voices are in it; if you already write them together, ignore this.',
    source: { file: held.at(-1)!, range: heads.get(held.at(-1)!) ?? FILE_START },
  }];
}
