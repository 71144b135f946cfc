import { ioReason, isNotFound } from './ioReason';
import { BodyPieceCache } from './bodyPieces';
import { isAgreementFile, isExcludedPath, isMarkdownPath, parentOf, typeFromPath } from './conventions';
import { parseJournalFile, tooLargeFile } from './parseFile';
import { assembleRelationship } from './relationshipRules';
import { applySeverities, problem } from './rules';
import { FILE_START, naturalCompare } from './text';
import { DEFAULT_OPTIONS, type Cancellation, type EngineOptions, type FileSystem, type JournalFile, type Problem, type Relationship } from './types';

/** What an update touched: files whose problems may differ now, and relationships whose model changed. */
export interface IndexChange {
  files: string[];
  relationships: string[];
}

/** What a progressive build (`JournalIndex.build`) reports as it goes. */
export interface BuildListener {
  /**
   * Every agreement is read: `relationships()` lists every relationship, each with its agreement
   * only. When it returns a promise, the build reads no other file until it settles: a front end
   * can have the list shown before the machine is busy with the rest.
   */
  listed?(): void | Promise<void>;
  /** A relationship's files are all read and it is assembled: its files' problems are final. */
  relationship?(change: IndexChange): void;
}

const READ_CONCURRENCY = 64;
/** Folders read at once while walking: sibling folders are listed together, not one after another. */
const LIST_CONCURRENCY = 16;
const MAX_DEPTH = 64;
/** Folders listed per build at most: a file system that loops (symbolic links followed) cannot make a build endless. */
const MAX_FOLDERS = 100_000;

/** Runs asynchronous work at most `limit` at a time; the rest waits for its turn, in order. */
class Limiter {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly limit: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    while (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running++;
    try {
      return await work();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }
}

/** One walk of a folder tree: how many folders it listed, its listings, and who hears of each Markdown file as soon as it is found. */
class Walk {
  folders = 0;
  readonly listings = new Limiter(LIST_CONCURRENCY);
  /** Folders that could not be listed, and why in plain words: nothing below them was read. */
  readonly unlisted = new Map<string, string>();

  constructor(readonly found: (path: string) => void = () => undefined) {}
}

const folderId = (folder: string) => (folder === '' ? '.' : folder);

/**
 * The journal index: every Markdown file under the root, parsed once, grouped into
 * relationships. Updates re-read only the changed file and re-run the cross-file
 * rules of the relationships it belongs to (before and after the change).
 */
export class JournalIndex {
  private readonly files = new Map<string, JournalFile>();
  /**
   * Each file's latest version that added no error (with its errors counted by rule): what a
   * version that adds one is represented by.
   */
  private readonly lastGood = new Map<string, { file: JournalFile; errors: Map<string, number> }>();
  /** Folders holding an `agreement.md`, whatever its content. */
  private readonly agreementFolders = new Set<string>();
  private readonly members = new Map<string, Set<string>>();
  private readonly relations = new Map<string, { relationship: Relationship; problems: Map<string, Problem[]> }>();
  /** Problems of files outside every relationship. */
  private readonly strays = new Map<string, Problem>();
  /** Folders the last walk could not list, and why: reported as problems of the folder (`problems`). */
  private readonly unlisted = new Map<string, string>();
  /** Modification time and size of each file when it was last read (when the file system tells them). */
  private readonly stamps = new Map<string, string>();
  /** The latest read of each file; an older read that finishes later is dropped. */
  private readonly tickets = new Map<string, number>();
  private options: EngineOptions;
  /** During a progressive build: the relationships whose files are not all read yet. */
  private incomplete: Set<string> | undefined;
  /** Trees of body pieces parsed lately, reused when a file is parsed again after an edit (bodyPieces.ts). */
  readonly pieces = new BodyPieceCache();

  /**
   * `keepLastGood`: an editor's index, where a version of a file that adds an error keeps the
   * facts of its last version that did not (see `store`). Off for a one-shot check, which must
   * report the files as they are: then the index always equals a fresh build of the same files.
   */
  constructor(
    private readonly fs: FileSystem,
    options: Partial<EngineOptions> = {},
    private readonly behaviour: {
      keepLastGood?: boolean;
      /**
       * Options of their own for some files (root-relative path): a config file in a folder below
       * the root (the command line's `.mentoring-journal.json` of a cohort). Undefined for the rest.
       */
      scoped?: (path: string) => EngineOptions | undefined;
    } = {},
  ) {
    this.options = { ...DEFAULT_OPTIONS, ...options };
  }

  /** The options a file is read and reported with: its own (`scoped`), as of the index's day, else the index's. */
  private optionsOf(path: string): EngineOptions {
    const own = this.behaviour.scoped?.(path);
    const today = this.options.today;
    if (!own) return this.options;
    if (today === undefined || own.today === today) return own;
    // Made once per config and day, not per file.
    let dated = this.datedOptions.get(own);
    if (dated?.today !== today) this.datedOptions.set(own, (dated = { ...own, today }));
    return dated;
  }

  /** A scoped config's options as of the index's day (optionsOf). */
  private readonly datedOptions = new WeakMap<EngineOptions, EngineOptions>();

  /**
   * Walks the root and reads every Markdown file. Returns false when cancelled part-way.
   *
   * With a `listener` the build is progressive: the agreements are read first (then
   * `relationships()` lists every relationship, with only its agreement), then the files of one
   * relationship after another, each relationship assembled and handed to the listener as soon
   * as its files are read, the files outside every relationship last. Until the build ends,
   * `isComplete` tells which relationships are whole; the others must not be reported on. The
   * index the build ends with is the same either way.
   */
  async build(token?: Cancellation, listener?: BuildListener): Promise<boolean> {
    this.files.clear();
    this.agreementFolders.clear();
    this.incomplete = undefined;
    // A progressive build reads each agreement as soon as the walk finds it, while it lists the
    // other folders: the relationships are listed once both are done.
    const early = new Map<string, Promise<JournalFile | undefined>>();
    const reads = new Limiter(READ_CONCURRENCY);
    const walk = new Walk((path) => {
      if (listener && isAgreementFile(path)) early.set(path, reads.run(() => this.read(path)));
    });
    const paths = await this.listMarkdown('', 0, token, walk);
    if (token?.isCancellationRequested) return false;
    this.noteUnlisted('', walk, true);
    if (!listener) {
      await this.readAll(paths, token);
      if (token?.isCancellationRequested) return false;
      this.regroup();
      return true;
    }
    const agreements = paths.filter((p) => isAgreementFile(p));
    this.incomplete = new Set();
    for (const path of agreements) {
      const file = await (early.get(path) ?? this.read(path));
      if (file) this.store(file); // a file deleted since it was listed is simply not there
    }
    if (token?.isCancellationRequested) return false;
    // Which relationship each file belongs to is known once every agreement is read.
    const groups = new Map<string, string[]>();
    for (const id of [...this.agreementFolders].map(folderId).sort()) groups.set(id, []);
    const strays: string[] = [];
    for (const path of paths) {
      if (isAgreementFile(path)) continue;
      const id = this.relationshipIdOf(path);
      if (id === undefined) strays.push(path);
      else groups.get(id)!.push(path);
    }
    for (const id of groups.keys()) this.incomplete.add(id);
    this.regroup();
    await listener.listed?.();
    if (token?.isCancellationRequested) return false;
    for (const [id, group] of groups) {
      await this.readAll(group, token);
      if (token?.isCancellationRequested) return false;
      const members = this.members.get(id)!;
      for (const path of group) if (this.files.has(path)) members.add(path);
      this.incomplete.delete(id);
      // Its agreement's own problems are announced with it too.
      const own = agreements.filter((p) => folderId(parentOf(p)) === id);
      // Assembled whether or not the listener asks for the change (`?.` would skip the argument).
      const change = this.reassemble(new Set([id]), [...own, ...group].filter((p) => this.files.has(p)));
      listener.relationship?.(change);
    }
    await this.readAll(strays, token);
    if (token?.isCancellationRequested) return false;
    this.incomplete = undefined;
    // Each relationship was assembled from its whole membership already (assembly sorts its
    // files by path, so the order they were read in does not matter): only strays are left.
    for (const path of strays) this.updateStray(path);
    return true;
  }

  /**
   * Whether a relationship (or, without an id, the whole index) is whole: false only during a
   * progressive build, for a relationship whose files are not all read yet.
   */
  isComplete(relationshipId?: string): boolean {
    if (!this.incomplete) return true;
    return relationshipId !== undefined && !this.incomplete.has(relationshipId);
  }

  /** Whether the problems of a file are final: its relationship is whole (see `isComplete`). */
  isSettled(path: string): boolean {
    return this.isComplete(this.relationshipIdOf(path));
  }

  /** Reads and stores files, READ_CONCURRENCY at a time. */
  private async readAll(paths: readonly string[], token?: Cancellation): Promise<void> {
    let next = 0;
    const worker = async () => {
      while (next < paths.length && !token?.isCancellationRequested) {
        const path = paths[next++]!;
        const file = await this.read(path);
        if (file) this.store(file); // a file deleted since it was listed is simply not there
      }
    };
    await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, paths.length) }, worker));
  }

  /**
   * Re-reads one file from disk after it was created or changed. `settled`: the text is final
   * (the file is closed, or was changed outside an editor), so it is kept as it is, errors and
   * all, instead of standing behind its last version without errors (`keepLastGood`).
   */
  async refresh(path: string, { settled = false }: { settled?: boolean } = {}): Promise<IndexChange> {
    if (!isMarkdownPath(path) || this.excluded(path)) return { files: [], relationships: [] };
    const ticket = this.supersede(path);
    const file = await this.read(path);
    // Reads can finish out of order: only the latest look at a file may change the index.
    if (this.tickets.get(path) !== ticket) return { files: [], relationships: [] };
    return file ? this.apply(path, file, settled) : this.delete(path);
  }

  /** Reads every Markdown file under a folder that appeared (a copy, a checkout) and updates the index. */
  async refreshFolder(folder: string, token?: Cancellation): Promise<IndexChange> {
    if (this.excluded(folder)) return { files: [], relationships: [] };
    const files = new Set<string>();
    const relationships = new Set<string>();
    const walk = new Walk();
    const paths = await this.listMarkdown(folder, folder.split('/').length, token, walk);
    if (!token?.isCancellationRequested) this.noteUnlisted(folder, walk, false);
    for (const path of paths) {
      if (token?.isCancellationRequested) break;
      const change = await this.refresh(path);
      change.files.forEach((f) => files.add(f));
      change.relationships.forEach((r) => relationships.add(r));
    }
    return { files: [...files], relationships: [...relationships] };
  }

  /**
   * Brings the index in line with the disk after a burst of changes that a file watcher may
   * have reported only in part (a `git checkout`): lists every file, reads the new ones and
   * those whose size or modification time changed, and forgets the vanished ones. Files in
   * `keep` (open editors with unsaved changes) are left as they are. With `folder`, only the
   * files under that folder are compared.
   */
  async reconcile(keep: ReadonlySet<string> = new Set(), token?: Cancellation, folder = ''): Promise<IndexChange> {
    const walk = new Walk();
    const listed = await this.listMarkdown(folder, folder ? folder.split('/').length : 0, token, walk);
    if (token?.isCancellationRequested) return { files: [], relationships: [] };
    this.noteUnlisted(folder, walk, true);
    const files = new Set<string>();
    const relationships = new Set<string>();
    const merge = (change: IndexChange) => {
      change.files.forEach((f) => files.add(f));
      change.relationships.forEach((r) => relationships.add(r));
    };
    const present = new Set(listed);
    const inside = (path: string) => !folder || path.startsWith(`${folder}/`);
    for (const path of [...this.files.keys()]) if (inside(path) && !present.has(path) && !keep.has(path)) merge(this.delete(path));
    for (const path of listed) {
      if (token?.isCancellationRequested || keep.has(path)) continue;
      const known = this.files.has(path);
      if (known && this.fs.stat) {
        const stat = await this.fs.stat(path).catch(() => undefined);
        if (stat && this.stamps.get(path) === `${stat.mtime}:${stat.size}`) continue;
      } else if (known) {
        continue; // without modification times only new and vanished files can be found
      }
      merge(await this.refresh(path));
    }
    return { files: [...files], relationships: [...relationships] };
  }

  /**
   * Takes the folders a walk of `folder` could not list. `whole`: the walk saw everything below
   * `folder`, so an unreadable folder it did not meet again is readable now (or gone).
   */
  private noteUnlisted(folder: string, walk: Walk, whole: boolean): void {
    if (whole) for (const known of [...this.unlisted.keys()]) if (!folder || known === folder || known.startsWith(`${folder}/`)) this.unlisted.delete(known);
    for (const [unreadable, reason] of walk.unlisted) this.unlisted.set(unreadable, reason);
  }

  /** The folders the index could not list (root-relative), whose files it therefore does not hold. */
  unlistedFolders(): string[] {
    return [...this.unlisted.keys()].sort();
  }

  /** Marks any read of `path` still under way as stale. */
  private supersede(path: string): number {
    const ticket = (this.tickets.get(path) ?? 0) + 1;
    this.tickets.set(path, ticket);
    return ticket;
  }

  /** Takes a file's text from an editor buffer, unsaved changes included; `settled` as for refresh (a save). */
  setText(path: string, text: string, { settled = false }: { settled?: boolean } = {}): IndexChange {
    if (!isMarkdownPath(path) || this.excluded(path)) return { files: [], relationships: [] };
    this.supersede(path);
    this.stamps.delete(path); // the buffer, not the disk, is what the index holds now
    return this.apply(path, parseJournalFile(path, text, this.optionsOf(path), this.pieces), settled);
  }

  /** Forgets a deleted file, or every file under a deleted folder. */
  delete(path: string): IndexChange {
    const gone = [...this.files.keys()].filter((p) => p === path || p.startsWith(`${path}/`));
    for (const p of gone) {
      this.supersede(p);
      this.stamps.delete(p);
    }
    if (gone.length === 0) return { files: [], relationships: [] };
    const before = new Set(gone.map((p) => this.relationshipIdOf(p)).filter((id): id is string => id !== undefined));
    let structural = false;
    for (const p of gone) {
      this.files.delete(p);
      this.lastGood.delete(p);
      this.strays.delete(p);
      if (isAgreementFile(p) && this.agreementFolders.delete(parentOf(p))) structural = true;
    }
    if (structural) return this.regroup(gone);
    for (const p of gone) {
      const id = this.relationshipIdOf(p);
      if (id !== undefined) this.members.get(id)?.delete(p);
    }
    return this.reassemble(before, gone);
  }

  /** Problems of one file: its own and those of its relationship, with configured severities. */
  problems(path: string): Problem[] {
    const file = this.files.get(path);
    if (!file) {
      const reason = this.unlisted.get(path);
      if (reason === undefined) return [];
      return applySeverities([problem(path, FILE_START, 'file/unreadable', `This folder could not be read: ${reason}. Nothing in it was checked.`)], this.optionsOf(path).severities);
    }
    const id = this.relationshipIdOf(path);
    const cross = id !== undefined ? this.relations.get(id)?.problems.get(path) ?? [] : [];
    const stray = this.strays.get(path);
    let all = [...file.problems, ...cross, ...(stray ? [stray] : [])];
    const off = file.disabledRules;
    if (off) all = off.includes('*') ? [] : all.filter((p) => !off.includes(p.code));
    return sortProblems(applySeverities(all, this.optionsOf(path).severities));
  }

  /** Every file with at least one problem, and its problems. */
  allProblems(): Map<string, Problem[]> {
    const out = new Map<string, Problem[]>();
    for (const path of [...this.files.keys(), ...this.unlisted.keys()]) {
      const problems = this.problems(path);
      if (problems.length) out.set(path, problems);
    }
    return out;
  }

  relationships(): Relationship[] {
    return [...this.relations.values()].map((r) => r.relationship).sort((a, b) => naturalCompare(a.id, b.id));
  }

  relationship(id: string): Relationship | undefined {
    return this.relations.get(id)?.relationship;
  }

  /** The relationship a file belongs to: the nearest folder above it with an agreement.md. */
  relationshipIdOf(path: string): string | undefined {
    for (let folder = parentOf(path); ; folder = parentOf(folder)) {
      if (this.agreementFolders.has(folder)) return folderId(folder);
      if (folder === '') return undefined;
    }
  }

  file(path: string): JournalFile | undefined {
    return this.files.get(path);
  }

  /** Paths of every Markdown file in the index. */
  paths(): string[] {
    return [...this.files.keys()];
  }

  get size(): number {
    return this.files.size;
  }

  private excluded(path: string): boolean {
    return isExcludedPath(path, this.optionsOf(path).exclude);
  }

  /**
   * The Markdown files below a folder, in the order of a depth-first walk: a folder's own files
   * as listed, then each sub-folder's, by name. Sibling folders are listed at once
   * (LIST_CONCURRENCY at most): each listing is a round trip in the extension host, and a
   * journal of many relationships has many folders.
   */
  private async listMarkdown(folder: string, depth: number, token: Cancellation | undefined, walk: Walk): Promise<string[]> {
    if (depth > MAX_DEPTH || token?.isCancellationRequested || ++walk.folders > MAX_FOLDERS) return [];
    let entries: Array<[string, 'file' | 'directory' | 'other']>;
    try {
      // Asked again once its turn comes: a walk stopped meanwhile lists no more.
      entries = await walk.listings.run(async () => (token?.isCancellationRequested ? [] : this.fs.readDirectory(folder)));
      if (!Array.isArray(entries)) return [];
    } catch (error) {
      // Nothing below an unreadable folder can be indexed; it is reported (`problems`), so that a
      // check that could not look does not pass. One gone since its parent was listed is not.
      if (!isNotFound(error)) walk.unlisted.set(folder, ioReason(error));
      return [];
    }
    const out: string[] = [];
    const folders: string[] = [];
    for (const entry of entries) {
      const [name, kind] = Array.isArray(entry) ? entry : [];
      // Names come from the host; one that is not a plain name cannot make a root-relative path.
      if (typeof name !== 'string' || name === '' || name === '.' || name === '..' || name.includes('/')) continue;
      const path = folder ? `${folder}/${name}` : name;
      if (this.excluded(path)) continue;
      if (kind === 'directory') folders.push(path);
      else if (kind === 'file' && isMarkdownPath(name)) {
        out.push(path);
        walk.found(path);
      }
    }
    const below = await Promise.all(folders.sort().map((sub) => this.listMarkdown(sub, depth + 1, token, walk)));
    for (const paths of below) out.push(...paths);
    return out;
  }

  /**
   * Whether an `agreement.md` lies below the root, outside the excluded folders: the build's walk,
   * reading no file and stopping at the first one found. Undefined when it cannot tell: after
   * listing `maxFolders` folders without finding one, or when cancelled. What the extension asks
   * before it reads a workspace, which may hold no journal at all.
   */
  async holdsAgreement(token?: Cancellation, maxFolders = MAX_FOLDERS): Promise<boolean | undefined> {
    let found = false;
    const walk = new Walk((path) => void (found ||= isAgreementFile(path)));
    const stop: Cancellation = {
      get isCancellationRequested() {
        return found || walk.folders > maxFolders || !!token?.isCancellationRequested;
      },
    };
    await this.listMarkdown('', 0, stop, walk);
    if (found) return true;
    return walk.folders > maxFolders || token?.isCancellationRequested ? undefined : false;
  }

  /** Reads and parses one file; undefined when it no longer exists. */
  private async read(path: string): Promise<JournalFile | undefined> {
    try {
      const options = this.optionsOf(path);
      if (this.fs.readFileUpTo && !this.fs.stat) {
        const read = await this.fs.readFileUpTo(path, options.maxFileBytes);
        if (!(read instanceof Uint8Array)) return tooLargeFile(path, read.size, options);
        return parseJournalFile(path, read, options, this.pieces);
      }
      // The size is only a shortcut: when it cannot be had, the bytes read decide.
      const size = await Promise.resolve()
        .then(async () => {
          if (!this.fs.stat) return this.fs.size?.(path);
          const stat = await this.fs.stat(path);
          if (stat) this.stamps.set(path, `${stat.mtime}:${stat.size}`);
          return stat?.size;
        })
        .catch((error: unknown) => {
          if (isNotFound(error)) throw error;
          return undefined;
        });
      if (typeof size === 'number' && size > options.maxFileBytes) return tooLargeFile(path, size, options);
      return parseJournalFile(path, await this.fs.readFile(path), options, this.pieces);
    } catch (error) {
      if (isNotFound(error)) return undefined;
      const message = ioReason(error);
      // What its folder makes it (a goal file under goals/): a goal file nobody can read still
      // stands for a goal, as one with a merge conflict does (relationshipRules.ts).
      const implied = typeFromPath(path);
      return {
        path,
        ...(implied ? { type: implied, typeSource: 'folder' as const } : { typeSource: 'none' as const }),
        hasFrontMatter: false,
        headRange: FILE_START,
        goals: [],
        problems: [problem(path, FILE_START, 'file/unreadable', `This file could not be read: ${message}. Nothing in it was checked, and nothing in it counts in the review${/permission/.test(message) ? ': give your user read access to it' : ''}.`)],
      };
    }
  }

  /**
   * Keeps a file. While its text has an error its last kept version did not have (a date half
   * typed, YAML mid-edit), the facts of that version stand in for it, marked `stale`, with the
   * current problems: the tree, the status bar and the signals stay as they were instead of
   * losing a session for a keystroke. Errors the file already had (an impossible due date in
   * the body, say) do not turn this off: a version is kept when it has no more errors of any
   * rule than the last kept one. The first version read is kept whatever its errors; so is one
   * whose `type` changed, and a settled one (saved, closed, changed outside an editor): the
   * protection is for text being typed. Only with `keepLastGood`.
   */
  private store(parsed: JournalFile, settled = false): void {
    let good: JournalFile | undefined;
    if (this.behaviour.keepLastGood) {
      const errors = new Map<string, number>();
      for (const p of applySeverities(parsed.problems, this.optionsOf(parsed.path).severities)) if (p.severity === 'error') errors.set(p.code, (errors.get(p.code) ?? 0) + 1);
      const last = this.lastGood.get(parsed.path);
      // Only while it is still the same kind of file: a changed `type:` is a new file. A merge
      // conflict is not half-typed text: the file is left out (and the review says so) until it is resolved.
      const adds = !settled && !!last && last.file.type === parsed.type && [...errors].some(([code, n]) => n > (last.errors.get(code) ?? 0));
      if (adds && !errors.has('git/conflict')) good = last.file;
      else this.lastGood.set(parsed.path, { file: parsed, errors });
    }
    const file: JournalFile = good ? { ...good, problems: parsed.problems, headRange: parsed.headRange, hasFrontMatter: parsed.hasFrontMatter, stale: true } : parsed;
    this.files.set(file.path, file);
    if (isAgreementFile(file.path)) this.agreementFolders.add(parentOf(file.path));
  }

  private apply(path: string, file: JournalFile, settled = false): IndexChange {
    const before = this.relationshipIdOf(path);
    const isNewAgreement = isAgreementFile(path) && !this.agreementFolders.has(parentOf(path));
    this.store(file, settled);
    if (isNewAgreement) return this.regroup([path]);
    const after = this.relationshipIdOf(path);
    if (after !== undefined) {
      if (!this.members.has(after)) this.members.set(after, new Set());
      this.members.get(after)!.add(path);
    }
    return this.reassemble(new Set([before, after].filter((id): id is string => id !== undefined)), [path]);
  }

  /** Recomputes membership of every file (after an agreement appeared or vanished) and every relationship. */
  private regroup(touched: string[] = []): IndexChange {
    this.members.clear();
    for (const folder of this.agreementFolders) this.members.set(folderId(folder), new Set());
    for (const path of this.files.keys()) {
      const id = this.relationshipIdOf(path);
      if (id !== undefined) this.members.get(id)!.add(path);
    }
    const previous = new Set(this.relations.keys());
    for (const id of previous) if (!this.members.has(id)) this.relations.delete(id);
    const change = this.reassemble(new Set(this.members.keys()), touched);
    for (const p of this.files.keys()) this.updateStray(p);
    change.relationships = [...new Set([...change.relationships, ...previous])];
    change.files = [...new Set([...change.files, ...this.files.keys(), ...touched])];
    return change;
  }

  /**
   * Sets the day the rules that depend on one check as of (EngineOptions.today) and runs the
   * cross-file rules of every relationship again; the files whose problems may have changed are
   * in the change. Nothing is read or parsed again.
   */
  setToday(today: string | undefined): IndexChange {
    if (today === this.options.today) return { files: [], relationships: [] };
    this.options = { ...this.options, today };
    return this.reassemble(new Set(this.members.keys()), []);
  }

  private reassemble(ids: Set<string>, touched: string[]): IndexChange {
    const files = new Set(touched);
    for (const id of ids) {
      const old = this.relations.get(id);
      for (const p of old?.problems.keys() ?? []) files.add(p);
      const memberPaths = this.members.get(id);
      if (!memberPaths) {
        this.relations.delete(id);
        continue;
      }
      const folder = id === '.' ? '' : id;
      const members = [...memberPaths].flatMap((p) => this.files.get(p) ?? []);
      const unreadFolders = [...this.unlisted.keys()].filter((f) => this.relationshipIdOf(`${f}/-`) === id).sort();
      const { relationship, problems } = assembleRelationship(id, folder, members, this.options.today, unreadFolders);
      const byFile = new Map<string, Problem[]>();
      for (const p of problems) {
        // Cross-file findings about a stale file would point into text that is no longer there.
        if (this.files.get(p.file)?.stale) continue;
        if (!byFile.has(p.file)) byFile.set(p.file, []);
        byFile.get(p.file)!.push(p);
        files.add(p.file);
      }
      this.relations.set(id, { relationship, problems: byFile });
    }
    for (const p of touched) this.updateStray(p);
    return { files: [...files], relationships: [...ids] };
  }

  private updateStray(path: string): void {
    const file = this.files.get(path);
    this.strays.delete(path);
    if (!file?.type || this.relationshipIdOf(path) !== undefined) return;
    const what = file.type === 'agreement' ? 'An agreement must be named agreement.md' : `This ${file.type} file is not inside a relationship`;
    this.strays.set(path, problem(path, file.headRange, 'file/outside-relationship', `${what}: a relationship is a folder with an agreement.md, and its journal files live below it.`));
  }
}


export function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.column - b.range.start.column || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
