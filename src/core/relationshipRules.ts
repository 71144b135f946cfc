import { agreementFileOf, typeFromPath } from './conventions';
import { goalFileName, goalIdOfFileName } from './fields';
import { problem, type RuleCode } from './rules';
import { FILE_START, naturalCompare } from './text';
import { CROSS_FILE_RULES, type RelationshipFacts } from './crossFileRules';
import type { Goal, JournalFile, Problem, Relationship } from './types';

/** The relationship a folder forms and the problems that only show across its files. */
export interface RelationshipResult {
  relationship: Relationship;
  problems: Problem[];
}

/**
 * Two files of one day in the order they were written: `2026-11-23.md`, then `2026-11-23-2.md`,
 * ..., `2026-11-23-10.md` (the names `review --save` and New session give a second and later one
 * that day). Names are compared without `.md`, runs of digits as numbers; plain text order would
 * put `-2.md` before `.md` (`-` sorts before `.`) and `-10` before `-2`.
 */
export function compareFileNames(a: string, b: string): number {
  const chunks = (path: string) => path.replace(/\.md$/i, '').match(/\d+|\D+/g) ?? [];
  const x = chunks(a);
  const y = chunks(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const p = x[i]!;
    const q = y[i]!;
    if (p === q) continue;
    const numbers = /^\d/.test(p) && /^\d/.test(q);
    if (numbers && Number(p) !== Number(q)) return Number(p) - Number(q);
    return p < q ? -1 : 1;
  }
  return x.length - y.length || (a < b ? -1 : a > b ? 1 : 0);
}

const byDate = <T extends { date: string; source: { file: string } }>(a: T, b: T) =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : compareFileNames(a.source.file, b.source.file);

/**
 * Assembles one relationship from its parsed files and runs the cross-file rules
 * (crossFileRules/, one file per rule): duplicate agreements and goal ids, unknown goal ids,
 * dates outside the partnership, goals due before the start, and progress that goes backwards.
 */
export function assembleRelationship(id: string, folder: string, files: JournalFile[], today?: string, unreadFolders: readonly string[] = []): RelationshipResult {
  const facts = relationshipFacts(id, folder, files, today, unreadFolders);
  const problems = CROSS_FILE_RULES.flatMap((rule) => rule.check(facts));
  const { agreementFile, agreement, goals, sessions, reviews } = facts;
  const relationship: Relationship = {
    id,
    folder,
    agreementFile,
    ...(agreement ? { agreement } : {}),
    goals,
    sessions,
    reviews,
    files: facts.files.map((f) => f.path),
  };
  if (unreadFolders.length) relationship.unreadFolders = unreadFolders.map(facts.local);
  const conflicted = facts.files.filter((f) => f.problems.some((p) => p.code === 'git/conflict')).map((f) => f.path);
  if (conflicted.length) relationship.conflicted = conflicted;
  // A session file that gives no session, or one whose front matter was not read whole (its
  // status unknown), is in none of the review's counts: the review says so.
  const read = new Set(sessions.map((s) => s.source.file));
  const unreadSessions = facts.files.filter((f) => (f.type ?? typeFromPath(f.path)) === 'session' && (!read.has(f.path) || unread(f)) && !conflicted.includes(f.path)).map((f) => f.path);
  if (unreadSessions.length) relationship.unreadSessions = unreadSessions;
  const unreadable = facts.primary?.problems.find(isUnreadProblem);
  if (unreadable) relationship.agreementUnread = { file: facts.primary!.path, range: unreadable.range, code: unreadable.code as RuleCode };
  // An agreement.md whose `type` says it is something else (`type: session`): no agreement is read from it either.
  const other = facts.primary ? undefined : facts.files.find((f) => f.path === agreementFile && f.type !== undefined && f.type !== 'agreement');
  if (other) relationship.agreementUnread = { file: other.path, range: other.headRange, code: 'type/not-agreement' };
  return { relationship, problems };
}

/** Problems after which a file's front matter was not (or not fully) read. */
const UNREAD: ReadonlySet<RuleCode> = new Set<RuleCode>([
  'yaml/syntax',
  // A key written twice: which of the two was meant is not known (`signed:` with `mentor: 2026-06-02`
  // not indented under it puts a date in the place of the mentor's name).
  'yaml/duplicate-key',
  'yaml/too-many-aliases',
  'frontmatter/missing',
  'frontmatter/unclosed',
  'frontmatter/toml',
  'frontmatter/not-a-map',
  'file/too-large',
  'file/binary',
  'file/encoding',
  'file/unreadable',
  'git/conflict',
]);

/** Whether a file's front matter was not (or not fully) read: what it says is not to be trusted. */
export const unread = (file: JournalFile): boolean => file.problems.some(isUnreadProblem);

/** A problem after which the front matter is in doubt: bytes that are not UTF-8 only when they are in it. */
const isUnreadProblem = (p: Problem): boolean => UNREAD.has(p.code as RuleCode) && !(p.data?.kind === 'invalid-bytes' && !p.data.inFrontMatter);

/**
 * The goal an unread goal file stands for: the `id:` a conflicted one writes outside its
 * conflicts, else its file name's id (the name itself when it gives
 * none, `登壇`: the goal exists all the same), status unknown, nothing else known.
 */
function unreadGoal(file: JournalFile): Goal | undefined {
  const name = goalFileName(file.path);
  const id = file.conflictedGoalId ?? goalIdOfFileName(name);
  if (!id) return undefined;
  // `goals/Design Doc.md` stands for `design-doc`, named `Design Doc` where it is written so, as when it is readable.
  const declared = file.conflictedGoalId === undefined && name !== id ? { declaredId: name } : {};
  return { id, title: id, owner: 'mentee', status: 'unknown', skills: [], source: { file: file.path, range: file.headRange }, idRange: file.headRange, fields: {}, origin: 'file', unread: true, ...declared };
}

/** A goal read from a file that could not be read whole: its id and where it is, every other field unknown. */
function unknownGoal(goal: Goal): Goal {
  return { id: goal.id, title: goal.id, owner: 'mentee', status: 'unknown', skills: [], source: goal.source, idRange: goal.idRange, fields: {}, origin: goal.origin, unread: true };
}

/** A folder that could not be listed, as the unread file it may hold goals in. */
function unlistedFolder(path: string): JournalFile {
  return { path, typeSource: 'none', hasFrontMatter: false, headRange: FILE_START, goals: [], problems: [problem(path, FILE_START, 'file/unreadable', 'This folder could not be read.')] };
}

/** What the rules look at: the files by path, the agreement, the goals (each id once), and the dated sessions and reviews. */
function relationshipFacts(id: string, folder: string, files: JournalFile[], today: string | undefined, unreadFolders: readonly string[]): RelationshipFacts {
  const agreementFile = agreementFileOf(folder);
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const unreadFiles = new Set(sorted.filter(unread));
  const isUnread = (f: JournalFile) => unreadFiles.has(f);
  const primary = sorted.find((f) => f.path === agreementFile && f.type === 'agreement');
  const goals: Goal[] = [];
  const goalsById = new Map<string, Goal>();
  const duplicateGoals: RelationshipFacts['duplicateGoals'] = [];
  // A goal file that could not be read at all (a merge conflict, no or unclosed front matter,
  // binary or too large) still defines a goal, as a goal file with broken YAML does: the
  // relationship has it in its place, under the id its file name gives, with every field unknown,
  // unless a goal read elsewhere has that id. It is not in goalsById: the references it may
  // define are not checked meanwhile (goal/unknown-id).
  const unreadGoals = new Set<Goal>();
  // The agreement's own goals first, in the order written; then the goal files as a file explorer
  // lists them (goals/goal-2.md before goals/goal-10.md): the order of the view and the review.
  const goalFiles = sorted.filter((f) => f.type === 'goal').sort((a, b) => naturalCompare(a.path, b.path));
  for (const f of [...(primary ? [primary] : []), ...goalFiles]) {
    const placeholder = f.type === 'goal' && !f.goals.length && isUnread(f) ? unreadGoal(f) : undefined;
    if (placeholder) {
      unreadGoals.add(placeholder);
      goals.push(placeholder);
    }
    // An unread agreement's goals keep their ids (a session naming one is not told it is unknown),
    // and nothing else: what the parser guessed of their status or due date is not shown as known.
    for (const goal of f === primary && isUnread(f) ? f.goals.map(unknownGoal) : f.goals) {
      const first = goalsById.get(goal.id);
      if (first) {
        duplicateGoals.push({ goal, first });
        continue;
      }
      goalsById.set(goal.id, goal);
      goals.push(goal);
    }
  }
  const taken = new Set(goalsById.keys());
  const kept = goals.filter((g) => {
    if (!unreadGoals.has(g)) return true;
    if (taken.has(g.id)) return false;
    taken.add(g.id);
    return true;
  });
  return {
    ...(today ? { today } : {}),
    id,
    agreementFile,
    local: (path) => (folder && path.startsWith(`${folder}/`) ? path.slice(folder.length + 1) : path),
    files: sorted,
    unread: new Set([...unreadFiles].map((f) => f.path)),
    ...(primary ? { primary } : {}),
    // An agreement whose front matter was not read says nothing to trust: not even the partners
    // (a line the parser rejected can put a date where a name was). Its goals are kept as the
    // goal files' are; the relationship says that its agreement is unreadable (agreementUnread).
    ...(primary?.agreement && !isUnread(primary) ? { agreement: primary.agreement } : {}),
    goals: kept,
    goalsById,
    duplicateGoals,
    // A folder that could not be listed may hold goal files: references are not checked either.
    unreadGoalFiles: [...(primary ? [primary] : []), ...goalFiles].filter(isUnread).concat(unreadFolders.map(unlistedFolder)),
    sessions: sorted.flatMap((f) => (f.type === 'session' && f.session && f.session.date ? [f.session] : [])).sort(byDate),
    referringSessions: sorted.flatMap((f) => (f.type === 'session' && f.session && !isUnread(f) ? [f.session] : [])),
    // A review whose YAML is broken is no snapshot to compare with: the last readable one is.
    reviews: sorted.flatMap((f) => (f.type === 'review' && f.review && f.review.date && !isUnread(f) ? [f.review] : [])).sort(byDate),
  };
}
