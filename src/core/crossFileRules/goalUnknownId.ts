import { mayReferToUnknownGoal, referencesThatMayBeUnknown } from '../parseFile';
import { problem } from '../rules';
import { FILE_START } from '../text';
import { nearest } from '../suggest';
import { codePoint } from '../words';
import type { GoalReference, Problem, Session } from '../types';
import type { CrossFileRule, RelationshipFacts } from './facts';

/**
 * References in sessions to goal ids the relationship lacks. Reviews are snapshots: the ids they
 * recorded are not checked against today's goals. A reference written exactly as a goal's id was
 * declared in the wrong case (`Write-RFC`) is that goal's one mistake, reported at the goal.
 */
export function unknownReferences({ goalsById, goals, referringSessions }: RelationshipFacts): Array<{ session: Session; ref: GoalReference }> {
  const declared = new Set(goals.flatMap((g) => (g.declaredId ? [g.declaredId] : [])));
  const out: Array<{ session: Session; ref: GoalReference }> = [];
  for (const session of referringSessions) {
    if (!mayReferToUnknownGoal(session, goalsById)) continue; // spares parsing the body
    // The body is parsed only when one of its `[[id]]`s is not a goal: an unknown id in `goals:` alone needs only the front matter.
    for (const ref of referencesThatMayBeUnknown(session, goalsById)) if (!goalsById.has(ref.id) && !declared.has(ref.id)) out.push({ session, ref });
  }
  return out;
}

/**
 * `goal/unknown-id`: a session refers to a goal id the relationship lacks, at the reference. Not
 * reported while the agreement or a goal file cannot be read: it may define the goal
 * (`goal/references-unchecked` says so once instead).
 */
export const goalUnknownId: CrossFileRule = {
  code: 'goal/unknown-id',
  check(facts) {
    if (facts.unreadGoalFiles.length) return [];
    const problems: Problem[] = [];
    const ids = [...facts.goalsById.keys()];
    for (const { session, ref } of unknownReferences(facts)) {
      const sameButCase = ids.find((id) => id === ref.id.toLowerCase());
      // An invisible character (a right-to-left mark, a zero-width joiner) makes two ids that print alike differ.
      const invisible = [...ref.id].filter((c) => /\p{Cf}/u.test(c));
      const visible = invisible.length ? [...ref.id].filter((c) => !/\p{Cf}/u.test(c)).join('') : undefined;
      const sameButInvisible = visible !== undefined ? ids.find((id) => id === visible || id === visible.toLowerCase()) : undefined;
      const suggestion = /[\uff0c\u3001]/.test(ref.id) ? undefined : sameButCase ?? sameButInvisible ?? nearest(ref.id, ids);
      const codes = invisible.map(codePoint).join(', ');
      // `[design-doc，give-talk]`: ids joined by a full-width comma (a Japanese input method's), one id to YAML.
      const wide = /[\uff0c\u3001]/.exec(ref.id)?.[0];
      const hint = wide
        ? `: it holds a full-width comma (\`${wide}\`, ${codePoint(wide)}), which YAML does not read as \`,\`, so the ids are one: write \`${ref.id.split(/[\uff0c\u3001][ \u3000]*/).join(', ')}\`.`
        : sameButInvisible
        ? `: it holds an invisible character (${codes}); delete it to name \`${sameButInvisible}\`.`
        : sameButCase
        ? `: goal ids are lower-case, write \`${sameButCase}\`.`
        : suggestion
          ? `: did you mean \`${suggestion}\`?`
          : ids.length
            ? `; its goals are ${ids.join(', ')}.`
            : ', which has no goals yet.';
      problems.push(
        problem(session.source.file, ref.range, 'goal/unknown-id', `No goal \`${ref.id}\` in this relationship${hint}`, {
          kind: 'unknown-goal',
          id: ref.id,
          relationship: facts.id,
          ...(suggestion ? { suggestion } : {}),
        }),
      );
    }
    return problems;
  },
};

/**
 * `goal/references-unchecked`: one info at the agreement when goal references were not checked
 * because the agreement or a goal file could not be read, and some reference names no known goal.
 */
export const goalReferencesUnchecked: CrossFileRule = {
  code: 'goal/references-unchecked',
  check(facts) {
    if (!facts.unreadGoalFiles.length) return [];
    // A merge conflict is its own error (git/conflict) and says what to fix: no second problem about it.
    if (facts.unreadGoalFiles.every((f) => f.problems.some((p) => p.code === 'git/conflict'))) return [];
    // A reference to the id an unread goal file's name gives (`goals/design-doc.md`) names that goal:
    // the review lists it already, so such a reference is not one the unread files leave in doubt.
    const standIns = new Set(facts.goals.filter((g) => g.unread).flatMap((g) => (g.declaredId ? [g.id, g.declaredId] : [g.id])));
    const unknown = unknownReferences(facts).filter((u) => !standIns.has(u.ref.id));
    if (!unknown.length) return [];
    const files = new Set(unknown.map((u) => u.session.source.file)).size;
    const unread = facts.unreadGoalFiles.map((f) => `\`${facts.local(f.path)}\``);
    const names = unread.length === 1 ? unread[0]! : `${unread.slice(0, -1).join(', ')} and ${unread[unread.length - 1]!}`;
    const refs = unknown.length === 1 ? 'the reference' : `the ${unknown.length} references`;
    const where = files === 1 ? 'in 1 session' : `in ${files} sessions`;
    return [
      problem(
        facts.primary?.path ?? facts.agreementFile,
        facts.primary?.headRange ?? FILE_START,
        'goal/references-unchecked',
        `Goal references not checked: ${names} could not be read and may define the goals that ${refs} ${where} name${unknown.length === 1 ? 's' : ''}. Fix ${unread.length === 1 ? 'it' : 'them'} first; the references are checked again then.`,
      ),
    ];
  },
};
