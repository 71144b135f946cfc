/**
 * The journal's git history: each goal's field changes and who keeps the record, read through an
 * injected {@link GitHistorySource}. The model takes the result as plain data.
 */
import type { Relationship } from '../types';
import { plural } from '../words';
import { goalFiles, goalHistories, key, versionsOf, type GoalFieldChange } from './goalHistory';
import { recordKeeping, type RecordKeeping } from './recordKeeping';
import { authorDateOrder, parentPath, pathIndex, type GitHistorySource } from './source';

export { authorDateOrder, fileVersions, mergeChanges, nestedHistory, rootedHistory, withPaths, type GitAuthor, type GitCommit, type GitFileChange, type GitFileRequest, type GitHistorySource } from './source';
export { HISTORY_FIELDS, type GoalFieldChange, type HistoryField } from './goalHistory';
export { matchPartner, type RecordKeeping, type SessionRecord } from './recordKeeping';

/** What git says about one relationship. */
export interface RelationshipHistory {
  /** Each goal's field changes, oldest first, by goal id (goals without history are absent). */
  goals: Record<string, GoalFieldChange[]>;
  records: RecordKeeping;
}

/**
 * Reads the history of every relationship: one list of commits, then every version of the files
 * that hold goals, asked for in one batch. Relationships are keyed by id.
 */
export async function readJournalHistory(source: GitHistorySource, rels: readonly Relationship[]): Promise<Map<string, RelationshipHistory>> {
  const commits = authorDateOrder(await source.commits());
  const result = new Map<string, RelationshipHistory>();
  if (!commits.length) {
    // A repository with no commit yet: no goal has changed, and every held session is still to commit.
    if (await source.noCommitsYet?.()) for (const rel of rels) result.set(rel.id, { goals: {}, records: recordKeeping(rel, [], pathIndex([])) });
    return result;
  }
  const byPath = pathIndex(commits);
  const plans = rels.map((rel) => ({ rel, versions: versionsOf(commits, goalFiles(rel, byPath), byPath) }));
  const requests = new Map<string, { commit: string; path: string }>();
  // Each version, and the file as the parent of its commit had it: a commit's changes are what
  // it changed against its parent, not against whatever version came before it by date.
  for (const { versions } of plans) {
    for (const list of versions.values()) {
      for (const v of list) {
        requests.set(key(v.commit.hash, v.path), { commit: v.commit.hash, path: v.path });
        const parent = parentPath(v);
        if (parent) requests.set(key(parent.commit, parent.path), parent);
      }
    }
  }
  const wanted = [...requests.entries()];
  const bytes = await source.read(wanted.map(([, r]) => r));
  const contents = new Map(wanted.map(([k], i) => [k, bytes[i]]));
  for (const { rel, versions } of plans) {
    result.set(rel.id, { goals: goalHistories(rel, commits, versions, contents), records: recordKeeping(rel, commits, byPath) });
  }
  return result;
}

const times = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);

/**
 * A goal's history in a few lines, for hovers, tooltips and the review: `due moved twice:
 * 2026-06-30 → 2026-08-31 → 2026-10-31`, `status changed once: active → achieved`,
 * `progress changed 3 times: 10 → 40 → 60 → 80`, `success reworded once`. Only fields that changed.
 */
export function historyLines(changes: readonly GoalFieldChange[] | undefined): string[] {
  if (!changes?.length) return [];
  const lines: string[] = [];
  for (const field of ['due', 'status', 'progress', 'success'] as const) {
    const mine = changes.filter((c) => c.field === field);
    // Every change after the value was first written counts: a move, a removal, and writing it
    // again after a removal.
    const moves = mine.filter((c, i) => c.from !== undefined || i > 0);
    if (!moves.length) continue;
    if (field === 'success') {
      const last = moves.at(-1)!;
      lines.push(`success ${moves.some((c) => c.to === undefined || c.from === undefined) ? 'changed' : 'reworded'} ${times(moves.length)} (last on ${last.date} by ${last.author.name}${last.to === undefined ? ', removed' : ''})`);
      continue;
    }
    const chain = valueChain(mine).map((v) => (v === undefined ? '(none)' : String(v)));
    lines.push(`${field} ${field === 'due' ? 'moved' : 'changed'} ${times(moves.length)}: ${chain.join(' → ')}`);
  }
  return lines;
}

/**
 * The values one field took, in the order of the changes (by date): the value before the first
 * change, then what each change wrote (undefined where it removed the field), without repeating
 * a value. Each change is what its commit changed against its own parent, so two branches that
 * changed the field at once both show, in date order, and what a merge chose comes last:
 * `2026-06-30 → 2026-08-31 → 2026-07-31` for a due date moved on a branch and on main.
 */
export function valueChain(changes: readonly GoalFieldChange[]): Array<string | number | undefined> {
  const chain: Array<string | number | undefined> = [];
  changes.forEach((c, i) => {
    if (i === 0 && c.from !== undefined) chain.push(c.from);
    if (chain.length === 0 || chain.at(-1) !== c.to) chain.push(c.to);
  });
  return chain;
}

/** `Priya Raman 5, Sam Lee 1` for the record-keeping line of a review. */
export function recordLine(records: RecordKeeping): string {
  const parts = [...records.partners.map((p) => `${p.name} ${p.sessions}`), ...records.others.map((o) => `${o.name} ${o.sessions}`)];
  return `${plural(records.sessions.length, 'held session')} first committed by: ${parts.join(', ')}`;
}
