import { agreementFileOf } from './conventions';
import { toDayNumber } from './dates';
import { problem } from './rules';
import { frontMatterReferences, mayReferToUnknownGoal } from './parseFile';
import { nearest } from './suggest';
import type { Goal, JournalFile, Problem, Relationship } from './types';

/** The relationship a folder forms and the problems that only show across its files. */
export interface RelationshipResult {
  relationship: Relationship;
  problems: Problem[];
}

const byDate = <T extends { date: string; source: { file: string } }>(a: T, b: T) =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : a.source.file < b.source.file ? -1 : a.source.file > b.source.file ? 1 : 0;

/**
 * Assembles one relationship from its parsed files and runs the cross-file rules:
 * duplicate agreements and goal ids, unknown goal ids, dates outside the partnership,
 * goals due before the start, and progress that goes backwards.
 */
export function assembleRelationship(id: string, folder: string, files: JournalFile[]): RelationshipResult {
  const problems: Problem[] = [];
  const agreementFile = agreementFileOf(folder);
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const primary = sorted.find((f) => f.path === agreementFile && f.type === 'agreement');
  const agreement = primary?.agreement;

  for (const f of sorted) {
    if (f.type === 'agreement' && f !== primary) {
      problems.push(problem(f.path, f.headRange, 'agreement/duplicate', `This relationship already has an agreement (${agreementFile}); a relationship has exactly one. Move this file to its own folder or merge it.`));
    }
  }

  for (const f of sorted) {
    if (f.type || !f.hasFrontMatter || f.problems.some(hidesType)) continue;
    problems.push(
      problem(f.path, f.headRange, 'type/unknown', 'This file has front matter but no `type`, and its folder does not imply one: add `type: session` (or agreement, goal, review), or remove the front matter if it is a plain note.'),
    );
  }

  const goals: Goal[] = [];
  const seen = new Map<string, Goal>();
  const goalSources = [...(primary ? [primary] : []), ...sorted.filter((f) => f.type === 'goal')];
  for (const f of goalSources) {
    for (const goal of f.goals) {
      const first = seen.get(goal.id);
      if (first) {
        const where = first.source.file === goal.source.file ? `line ${first.idRange.start.line}` : first.source.file;
        problems.push(problem(goal.source.file, goal.idRange, 'goal/duplicate-id', `Goal id \`${goal.id}\` is already used by another goal of this relationship (${where}).`));
        continue;
      }
      seen.set(goal.id, goal);
      goals.push(goal);
    }
  }

  const sessions = sorted.flatMap((f) => (f.type === 'session' && f.session && f.session.date ? [f.session] : [])).sort(byDate);
  const reviews = sorted.flatMap((f) => (f.type === 'review' && f.review && f.review.date ? [f.review] : [])).sort(byDate);
  const ids = [...seen.keys()];

  for (const item of [...sessions, ...reviews]) {
    if (!mayReferToUnknownGoal(item, seen)) continue; // spares parsing the body
    for (const ref of item.references) {
      if (seen.has(ref.id)) continue;
      const suggestion = nearest(ref.id, ids);
      problems.push(
        problem(item.source.file, ref.range, 'goal/unknown-id', `No goal \`${ref.id}\` in this relationship${suggestion ? `: did you mean \`${suggestion}\`?` : ids.length ? `; its goals are ${ids.join(', ')}.` : ', which has no goals yet.'}`, {
          kind: 'unknown-goal',
          id: ref.id,
          relationship: id,
          ...(suggestion ? { suggestion } : {}),
        }),
      );
    }
  }

  if (agreement?.started) {
    const start = toDayNumber(agreement.started);
    const end = agreement.ends ? toDayNumber(agreement.ends) : undefined;
    for (const s of sessions) {
      const day = toDayNumber(s.date);
      if (day < start) problems.push(problem(s.source.file, s.dateRange, 'session/outside-partnership', `This session (${s.date}) is dated before the partnership started (${agreement.started}).`));
      else if (end !== undefined && day > end) problems.push(problem(s.source.file, s.dateRange, 'session/outside-partnership', `This session (${s.date}) is dated after the partnership ends (${agreement.ends}): extend \`ends\` in the agreement, or record closure.`));
    }
    for (const g of goals) {
      if (g.due && toDayNumber(g.due) < start) {
        problems.push(problem(g.source.file, g.fields.due ?? g.idRange, 'goal/due-before-start', `Goal \`${g.id}\` is due ${g.due}, before the partnership started (${agreement.started}).`));
      }
    }
  }

  checkProgress(goals, sessions, problems);

  const relationship: Relationship = {
    id,
    folder,
    agreementFile,
    ...(agreement ? { agreement } : {}),
    goals,
    sessions,
    reviews,
    files: sorted.map((f) => f.path),
  };
  return { relationship, problems };
}

/** Problems that already explain why a file has no type: unreadable front matter, or a `type` value that is not a journal type. */
const hidesType = (p: Problem) => /^(yaml|frontmatter|file)\//.test(p.code) || (p.data?.kind === 'invalid-enum' && p.data.key === 'type');

function checkProgress(goals: Goal[], sessions: Relationship['sessions'], problems: Problem[]): void {
  const best = new Map<string, { value: number; date: string }>();
  const latest = new Map<string, number>();
  for (const s of sessions) {
    for (const ref of frontMatterReferences(s)) {
      if (ref.via !== 'progress') continue;
      const value = Object.hasOwn(s.progress, ref.id) ? s.progress[ref.id] : undefined;
      if (typeof value !== 'number') continue;
      const top = best.get(ref.id);
      if (top && value < top.value) {
        problems.push(problem(s.source.file, ref.valueRange ?? ref.range, 'goal/progress-decreased', `Progress of \`${ref.id}\` went down from ${top.value} (session of ${top.date}) to ${value}: was the goal redefined? Say why in the notes.`));
      }
      if (!top || value > top.value) best.set(ref.id, { value, date: s.date });
      latest.set(ref.id, value);
    }
  }
  for (const g of goals) {
    const last = latest.get(g.id);
    if (g.status === 'achieved' && g.progress === undefined && last !== undefined && last < 100) {
      problems.push(problem(g.source.file, g.fields.status ?? g.idRange, 'goal/achieved-incomplete', `Goal \`${g.id}\` is achieved, but the latest session puts its progress at ${last}.`));
    }
  }
}
