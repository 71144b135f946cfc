import { problem } from '../rules';
import type { Goal, Problem } from '../types';
import type { CrossFileRule } from './facts';

/**
 * `goal/duplicate-id`: two goals of the relationship with one id, reported at the `id` of each:
 * the second names the first, and the first names the ones after it, so that checking either
 * file alone (a pre-commit hook checks only the files staged) finds the clash.
 */
export const goalDuplicateId: CrossFileRule = {
  code: 'goal/duplicate-id',
  check: ({ duplicateGoals, local }) => {
    const where = (goal: Goal, other: Goal) => (other.source.file === goal.source.file ? `line ${other.idRange.start.line}` : local(other.source.file));
    const problems: Problem[] = [];
    const later = new Map<Goal, Goal[]>();
    for (const { goal, first } of duplicateGoals) {
      problems.push(problem(goal.source.file, goal.idRange, 'goal/duplicate-id', `Goal id \`${goal.id}\` is already used by another goal of this relationship (${where(goal, first)})${fromFileName(goal, first)}`));
      later.set(first, [...(later.get(first) ?? []), goal]);
    }
    for (const [first, others] of later) {
      const names = [...new Set(others.map((g) => where(first, g)))].join(', ');
      const advice = fromFileName(first, others[0]!);
      problems.push(problem(first.source.file, first.idRange, 'goal/duplicate-id', `Goal id \`${first.id}\` is used again by another goal of this relationship (${names})${advice === '.' ? ': give each goal its own id.' : advice}`));
    }
    return problems;
  },
};

/**
 * For a goal whose id its file name gives, a name that is no id (`goals/Design Doc.md` gives
 * `design-doc`): renaming the file to that id, as `goal/id-from-file-name` says, would take
 * another goal's file, so the way out is an `id:` of its own.
 */
function fromFileName(goal: Goal, other: Goal): string {
  if (goal.origin !== 'file' || Object.hasOwn(goal.fields, 'id') || goal.declaredId === undefined || goal.declaredId === goal.id) return '.';
  const taken = other.source.file.endsWith(`/${goal.id}.md`) ? 'the name of the other goal\'s file' : 'a name the other goal\'s file is told to take as well';
  return `: the file name \`${goal.declaredId}\` gives it that id. Do not rename the file to \`${goal.id}.md\`, ${taken}; add \`id:\` with an id of its own.`;
}
