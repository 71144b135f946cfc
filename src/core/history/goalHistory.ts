import { parseJournalFile } from '../parseFile';
import type { Goal, Relationship } from '../types';
import { fileVersions, type FileVersion, type GitAuthor, type GitCommit, type PathIndex } from './source';

/** The goal fields whose history is followed. */
export const HISTORY_FIELDS = ['status', 'progress', 'due', 'success'] as const;
export type HistoryField = (typeof HISTORY_FIELDS)[number];

/** One change of one field of a goal, as a commit made it. */
export interface GoalFieldChange {
  field: HistoryField;
  /** The value before; absent when the field was first written by this commit. */
  from?: string | number;
  /** The value after; absent when the commit removed the field. */
  to?: string | number;
  date: string;
  author: GitAuthor;
  commit: string;
}

/**
 * A goal's followed fields in one version. A field that is written but whose value is not valid
 * (`progress: 120`, `due: 2026-02-30`, `status: finished`) is left out of `fields` and named in
 * `unreadable`: the comparison keeps its last valid value instead of reading it as removed.
 */
interface Snapshot {
  fields: Partial<Record<HistoryField, string | number>>;
  unreadable: Set<HistoryField>;
}

const snapshot = (g: Goal): Snapshot => {
  const fields: Snapshot['fields'] = {};
  const unreadable = new Set<HistoryField>();
  const values: Record<HistoryField, string | number | undefined> = { status: g.status === 'unknown' ? undefined : g.status, progress: g.progress, due: g.due, success: g.success };
  for (const field of HISTORY_FIELDS) {
    const value = values[field];
    if (value !== undefined) fields[field] = value;
    else if (Object.hasOwn(g.fields, field)) unreadable.add(field);
  }
  return { fields, unreadable };
};

/**
 * Problems that mean a version could not be read at all (a merge conflict, broken YAML, no front
 * matter, unreadable bytes): its goals would read as removed and written again. A schema error
 * (an invalid value, an unknown key, an invalid sibling goal) does not: the valid fields count.
 */
const UNREADABLE = /^(?:git|yaml|frontmatter|file)\//;

/** The goals a version of a file defines, by id; undefined when that version cannot be read cleanly. */
function goalsOf(path: string, bytes: Uint8Array | undefined): Map<string, { snap: Snapshot; origin: Goal['origin'] }> | undefined {
  if (!bytes) return undefined;
  const file = parseJournalFile(path, bytes);
  // A version that cannot be read (a conflict, broken YAML) is skipped, and the next readable
  // version is compared with the last readable one.
  if (file.problems.some((p) => p.severity === 'error' && UNREADABLE.test(p.code))) return undefined;
  return new Map(file.goals.map((g) => [g.id, { snap: snapshot(g), origin: g.origin }]));
}

/** The files that hold the relationship's goals now: the agreement and every goal file. */
export function goalFiles(rel: Relationship): string[] {
  const files = new Set([rel.agreementFile]);
  for (const g of rel.goals) if (g.origin === 'file') files.add(g.source.file);
  return [...files];
}

/**
 * Each current goal's field changes, oldest first, from the versions of the files that hold the
 * goals (`contents` has the bytes of each version, keyed by `commit:path`). Goals are matched by
 * id across files, so a goal moved from the agreement into its own file keeps one history; while
 * both hold it, the goal file wins.
 */
export function goalHistories(rel: Relationship, commits: readonly GitCommit[], versions: Map<string, FileVersion[]>, contents: Map<string, Uint8Array | undefined>): Record<string, GoalFieldChange[]> {
  const byIndex = new Map<number, Array<{ file: string; version: FileVersion }>>();
  for (const [file, list] of versions) {
    for (const version of list) {
      const at = byIndex.get(version.index) ?? [];
      at.push({ file, version });
      byIndex.set(version.index, at);
    }
  }
  const wanted = new Set(rel.goals.map((g) => g.id));
  const state = new Map<string, Map<string, { snap: Snapshot; origin: Goal['origin'] }>>();
  const last = new Map<string, Snapshot['fields']>();
  const result: Record<string, GoalFieldChange[]> = {};
  const indexes = [...byIndex.keys()].sort((a, b) => b - a); // oldest first
  for (const index of indexes) {
    const commit = commits[index]!;
    const touched = new Set<string>();
    for (const { file, version } of byIndex.get(index)!) {
      const goals = goalsOf(version.path, contents.get(key(commit.hash, version.path)));
      if (!goals) continue;
      for (const id of state.get(file)?.keys() ?? []) touched.add(id);
      for (const id of goals.keys()) touched.add(id);
      state.set(file, goals);
    }
    for (const id of touched) {
      if (!wanted.has(id)) continue;
      const holders = [...state.values()].map((m) => m.get(id)).filter((g) => g !== undefined);
      const snap = (holders.find((g) => g.origin === 'file') ?? holders[0])?.snap;
      if (!snap) continue; // removed from every file: keep the last known values
      const before = last.get(id);
      const now = { ...snap.fields };
      for (const field of snap.unreadable) if (before?.[field] !== undefined) now[field] = before[field];
      for (const field of HISTORY_FIELDS) {
        const from = before?.[field];
        const to = now[field];
        if (from === to || (!before && to === undefined)) continue;
        (result[id] ??= []).push({
          field,
          ...(from !== undefined ? { from } : {}),
          ...(to !== undefined ? { to } : {}),
          date: commit.date,
          author: { ...commit.author },
          commit: commit.hash,
        });
      }
      last.set(id, now);
    }
  }
  return result;
}

export const key = (commit: string, path: string): string => `${commit}:${path}`;

/** The versions of each file, by its current path. */
export function versionsOf(commits: readonly GitCommit[], files: string[], byPath: PathIndex): Map<string, FileVersion[]> {
  return new Map(files.map((f) => [f, fileVersions(commits, f, byPath)]));
}
