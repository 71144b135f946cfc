import { parseJournalFile } from '../parseFile';
import type { Goal, Relationship } from '../types';
import { fileVersions, movedAwayAt, parentPath, type FileVersion, type GitAuthor, type GitCommit, type PathIndex } from './source';

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
function goalsOf(path: string, bytes: Uint8Array | undefined): Goals | undefined {
  if (!bytes) return undefined;
  const file = parseJournalFile(path, bytes);
  // A version that cannot be read (a conflict, broken YAML) is skipped, and the next readable
  // version is compared with the last readable one.
  if (file.problems.some((p) => p.severity === 'error' && UNREADABLE.test(p.code))) return undefined;
  return new Map(file.goals.map((g) => [g.id, { snap: snapshot(g), origin: g.origin }]));
}

/** A file whose versions hold the relationship's goals, and the commits (by index, newest first) whose versions count. */
export interface GoalFile {
  path: string;
  from: number;
  until: number;
}

/**
 * The files that hold the relationship's goals: the agreement, every goal file, and the goal
 * files git has that are gone now (a goal moved back into the agreement keeps its history); and
 * those of the folders it was in before a move, for the time it was there.
 */
export function goalFiles(rel: Relationship, byPath: PathIndex): GoalFile[] {
  const files = new Map<string, GoalFile>();
  const add = (file: GoalFile) => {
    const key = `${file.path}\u0000${file.from}`;
    if (!files.has(key)) files.set(key, file);
  };
  const folders = earlierFolders(rel.folder, byPath);
  const here = folders[0]!;
  add({ path: rel.agreementFile, from: 0, until: here.until });
  for (const g of rel.goals) if (g.origin === 'file') add({ path: g.source.file, from: 0, until: here.until });
  for (const { folder, from, until } of folders) {
    const goalsFolder = folder ? `${folder}/goals/` : 'goals/';
    if (from > 0) add({ path: folder ? `${folder}/agreement.md` : 'agreement.md', from, until });
    for (const path of byPath.keys()) {
      if (path.startsWith(goalsFolder) && path.endsWith('.md') && !path.slice(goalsFolder.length).includes('/')) add({ path, from, until });
    }
  }
  return [...files.values()];
}

/**
 * The relationship's folder and the folders it was in before git saw it moved (`git mv zl j/`:
 * its agreement renamed from `zl/agreement.md` to `j/zl/agreement.md`), each move followed
 * back: a goal file that the same commit rewrote reads as deleted and added, and its earlier
 * versions are in the old folder. Each folder counts from the move that left it (`from`, the
 * commit before it) back to the move that brought the relationship there, or before that to a
 * move that took another relationship's agreement away from it (`until`): the folder's life
 * before then was another relationship's (one moved to `archive/`, and a new one started in its
 * old folder).
 */
function earlierFolders(folder: string, byPath: PathIndex): Array<{ folder: string; from: number; until: number }> {
  const found: Array<{ folder: string; from: number; until: number }> = [];
  const visit = (at: string, from: number) => found.push({ folder: at, from, until: movedAwayAt(byPath, at ? `${at}/agreement.md` : 'agreement.md', from) });
  visit(folder, 0);
  for (let i = 0; i < found.length && i < 32; i++) {
    const { folder: at, from, until } = found[i]!;
    const file = at ? `${at}/agreement.md` : 'agreement.md';
    for (const { index, change } of byPath.get(file) ?? []) {
      if (index < from || index > until || change.status !== 'R' || change.path !== file || change.from === undefined) continue;
      if (!(change.from === 'agreement.md' || change.from.endsWith('/agreement.md'))) continue;
      const before = change.from.slice(0, -'agreement.md'.length).replace(/\/$/, '');
      if (!found.some((f) => f.folder === before && f.from === index + 1)) visit(before, index + 1);
    }
  }
  return found;
}

type Goals = Map<string, { snap: Snapshot; origin: Goal['origin'] }>;

/** The goals of the files a commit touched, by id, the goal file's over the agreement's (as in the journal). */
function merged(maps: ReadonlyArray<Goals | undefined>): Map<string, Snapshot> {
  const out = new Map<string, { snap: Snapshot; origin: Goal['origin'] }>();
  for (const map of maps) {
    for (const [id, g] of map ?? []) {
      const had = out.get(id);
      if (!had || (had.origin !== 'file' && g.origin === 'file')) out.set(id, g);
    }
  }
  return new Map([...out].map(([id, g]) => [id, g.snap]));
}

/**
 * Each current goal's field changes, oldest first, from the versions of the files that hold the
 * goals (`contents` has the bytes of each version and of the file in the parent of its commit,
 * none for a merge, keyed by `commit:path`). A commit's changes are what it changed against its parent, so the
 * commits of two branches never undo each other by date order. A merge records what it chose
 * that differs from the latest change before it by date (a conflict resolved, or a branch's
 * value that the history so far does not end with); a clean merge of changes to different
 * fields records nothing. Goals are matched by id across files, so a goal moved between the
 * agreement and its own file, either way, in one commit keeps one history; while both hold it,
 * the goal file wins.
 */
export function goalHistories(rel: Relationship, commits: readonly GitCommit[], versions: Map<string, FileVersion[]>, contents: Map<string, Uint8Array | undefined>): Record<string, GoalFieldChange[]> {
  const byIndex = new Map<number, FileVersion[]>();
  for (const list of versions.values()) {
    for (const version of list) {
      const at = byIndex.get(version.index) ?? [];
      // A version two files' walks reach (a path's earlier life that a rename took elsewhere) counts once.
      if (at.some((v) => v.path === version.path)) continue;
      at.push(version);
      byIndex.set(version.index, at);
    }
  }
  const wanted = new Set(rel.goals.map((g) => g.id));
  /** Each field's value after the latest change by date: what a merge is compared with. */
  const last = new Map<string, Snapshot['fields']>();
  const result: Record<string, GoalFieldChange[]> = {};
  const record = (id: string, field: HistoryField, from: string | number | undefined, to: string | number | undefined, commit: GitCommit) => {
    (result[id] ??= []).push({ field, ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}), date: commit.date, author: { ...commit.author }, commit: commit.hash });
    const now = last.get(id) ?? {};
    if (to === undefined) delete now[field];
    else now[field] = to;
    last.set(id, now);
  };
  const indexes = [...byIndex.keys()].sort((a, b) => b - a); // oldest first
  for (const index of indexes) {
    const commit = commits[index]!;
    const readable = byIndex.get(index)!.flatMap((version) => {
      const after = goalsOf(version.path, contents.get(key(commit.hash, version.path)));
      // A version that cannot be read (a conflict, broken YAML) is skipped: the next readable one
      // is compared with what the history had last.
      if (!after) return [];
      // The file in the parent: none (added here, a first commit, or a merge) holds no goals; an
      // unreadable one is unknown.
      const parent = parentPath(version);
      const bytes = parent && contents.get(key(parent.commit, parent.path));
      return [{ after, before: bytes === undefined ? (new Map() as Goals) : goalsOf(parent!.path, bytes) }];
    });
    if (!readable.length) continue;
    const after = merged(readable.map((r) => r.after));
    const unknownParent = readable.some((r) => r.before === undefined);
    const before = merged(readable.map((r) => r.before));
    // A goal gone from the files touched keeps its last known values: only the goals still there change.
    for (const [id, snap] of after) {
      if (!wanted.has(id)) continue;
      const previous = last.get(id);
      if (commit.parents.length <= 1) {
        // Against the parent; where the parent's file could not be read, or the goal was not in
        // it (moved in from a file this commit did not touch), against the history's last values.
        const parent = unknownParent ? undefined : before.get(id);
        const from = parent?.fields ?? previous;
        for (const field of HISTORY_FIELDS) {
          const old = from?.[field];
          const now = snap.unreadable.has(field) ? old : snap.fields[field];
          if (old === now || (!from && now === undefined)) continue;
          record(id, field, old, now, commit);
        }
        continue;
      }
      for (const field of HISTORY_FIELDS) {
        const old = previous?.[field];
        const now = snap.unreadable.has(field) ? old : snap.fields[field];
        if (old !== now && (previous || now !== undefined)) record(id, field, old, now, commit);
      }
    }
  }
  return result;
}

export const key = (commit: string, path: string): string => `${commit}:${path}`;

/** The versions of each file, by its path and the commits that count. */
export function versionsOf(commits: readonly GitCommit[], files: readonly GoalFile[], byPath: PathIndex): Map<string, FileVersion[]> {
  return new Map(files.map((f) => [`${f.path}\u0000${f.from}`, fileVersions(commits, f.path, byPath, f.from, f.until)]));
}
