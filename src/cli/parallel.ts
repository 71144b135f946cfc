import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { JournalIndex } from '../core/journalIndex';
import { unread } from '../core/relationshipRules';
import { applySeverities, problem } from '../core/rules';
import type { EngineOptions, Problem } from '../core/types';
import { nestedOptions } from './config';
import { FolderNames } from './folderNames';
import { Ignorer, type IgnoreSpec } from './ignore';
import { NodeFileSystem, type Overlay } from './nodeFileSystem';
import { PartFileSystem, type Part } from './partition';

/** What checking one part found: every Markdown file read, and the problems of those that have any. */
export interface PartResult {
  paths: string[];
  problems: Array<[path: string, problems: Problem[]]>;
}

/** Below this many parts a worker costs more to start (it loads the whole bundle) than it saves. */
export const MIN_PARTS_PER_WORKER = 8;

/** A smaller young generation than V8's default keeps a worker's memory down at no measurable cost in time. */
const WORKER_YOUNG_GENERATION_MB = 16;

interface WorkerInput {
  kind: 'mentoring-journal/check-parts';
  root: string;
  parts: Part[];
  options: EngineOptions;
  ignore?: IgnoreSpec;
  overlay?: Overlay;
  today?: string;
  /** Config files below the root take over there (config.ts `nestedOptions`): the root's own, and the command line's options. */
  nested?: NestedConfigs;
  /** Index of the next unclaimed part, shared by every thread. */
  next: Int32Array;
}

/** What a thread needs to find the options of the config files below the root: plain data, for worker threads. */
export interface NestedConfigs {
  config: string | undefined;
  cli: Partial<EngineOptions>;
}

export async function checkPart(fs: NodeFileSystem, part: Part, options: EngineOptions, today?: string, scoped?: (path: string) => EngineOptions | undefined): Promise<PartResult> {
  // As of the day checked: goal/achieved-incomplete leaves out sessions dated later, as the review does.
  const index = new JournalIndex(new PartFileSystem(fs, part), today ? { ...options, today } : options, scoped ? { scoped } : {});
  await index.build();
  const paths = index.paths();
  const later = today ? afterToday(index, today, options, scoped) : new Map<string, Problem[]>();
  const problems: PartResult['problems'] = [];
  for (const path of [...paths, ...index.unlistedFolders()]) {
    const found = [...index.problems(path), ...(later.get(path) ?? [])];
    if (found.length) problems.push([path, found]);
  }
  return { paths, problems };
}

/**
 * `session/after-today`: sessions dated after `today`, which the review leaves out until then;
 * not for a session whose front matter does not parse.
 * Only the command line knows today's date when it checks, so the rule is reported here.
 */
function afterToday(index: JournalIndex, today: string, options: EngineOptions, scoped?: (path: string) => EngineOptions | undefined): Map<string, Problem[]> {
  const out = new Map<string, Problem[]>();
  for (const rel of index.relationships()) {
    for (const session of rel.sessions) {
      if (session.date <= today) continue;
      const file = session.source.file;
      const read = index.file(file);
      // A date guessed from broken YAML is not to be trusted (yaml/syntax says what to fix).
      if (read && unread(read)) continue;
      const off = read?.disabledRules;
      if (off?.includes('*') || off?.includes('session/after-today')) continue;
      const found = applySeverities([problem(file, session.dateRange, 'session/after-today', `This session is dated ${session.date}, after today (${today}): the review leaves it out until then. If it is an agenda written ahead, that is fine.`)], (scoped?.(file) ?? options).severities);
      if (found.length) out.set(file, found);
    }
  }
  return out;
}

/** Claims parts one at a time from the shared counter until none is left. */
async function drain(input: Omit<WorkerInput, 'kind'>, onResult: (result: PartResult) => void): Promise<void> {
  const names = new FolderNames();
  const fs = new NodeFileSystem(input.root, input.ignore && new Ignorer(input.ignore, names), input.overlay, undefined, names);
  const scoped = input.nested && nestedOptions(input.root, input.nested.config, input.nested.cli, (folder, name) => names.exists(folder, name));
  for (let i = Atomics.add(input.next, 0, 1); i < input.parts.length; i = Atomics.add(input.next, 0, 1)) {
    onResult(await checkPart(fs, input.parts[i]!, input.options, input.today, scoped));
  }
}

/**
 * How many threads to use by default: one per core, at most four, on machines with at least
 * four cores. With fewer, a worker's start and its own JIT warm-up cost more than the second
 * core gives back once anything else runs (measured in docs/performance.md).
 */
export function defaultJobs(cores = availableParallelism()): number {
  return cores >= 4 ? Math.min(4, cores) : 1;
}

/**
 * Checks the parts of one root on up to `jobs` threads: this one and `jobs - 1` workers, which
 * claim parts from a shared counter so that a large relationship does not hold the others
 * up. Each part's result is handed to `onResult` as soon as it is ready, in no set order, and
 * then dropped, so memory does not grow with the journal. `entry` is the script that starts
 * a worker (the CLI's own bundle).
 */
export async function checkParts(
  root: string,
  parts: Part[],
  options: EngineOptions,
  jobs: number,
  entry: string | undefined,
  onResult: (result: PartResult) => void,
  ignore?: IgnoreSpec,
  overlay?: Overlay,
  today?: string,
  nested?: NestedConfigs,
): Promise<void> {
  const next = new Int32Array(new SharedArrayBuffer(4));
  const workers = entry ? Math.min(jobs - 1, Math.floor(parts.length / MIN_PARTS_PER_WORKER)) : 0;
  const input: WorkerInput = { kind: 'mentoring-journal/check-parts', root, parts, options, next, ...(ignore ? { ignore } : {}), ...(overlay ? { overlay } : {}), ...(today ? { today } : {}), ...(nested ? { nested } : {}) };
  const running = Array.from({ length: Math.max(0, overlay ? 0 : workers) }, () => runWorker(entry!, input, onResult));
  await drain(input, onResult);
  await Promise.all(running);
}

function runWorker(entry: string, input: WorkerInput, onResult: (result: PartResult) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(entry, { workerData: input, stdout: false, stderr: false, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
    worker.on('message', (result: PartResult) => onResult(result));
    worker.on('error', reject);
    worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`a check worker stopped with exit code ${code}`))));
  });
}

/** Whether this thread is a check worker started by `checkParts`. */
export function isCheckWorker(): boolean {
  return !isMainThread && (workerData as Partial<WorkerInput> | undefined)?.kind === 'mentoring-journal/check-parts';
}

/** The worker side: checks parts until none is left, posting each result as it is done. */
export async function serveCheckWorker(): Promise<void> {
  const input = workerData as WorkerInput;
  const names = new FolderNames();
  const fs = new NodeFileSystem(input.root, input.ignore && new Ignorer(input.ignore, names), undefined, undefined, names);
  const scoped = input.nested && nestedOptions(input.root, input.nested.config, input.nested.cli, (folder, name) => names.exists(folder, name));
  for (let i = Atomics.add(input.next, 0, 1); i < input.parts.length; i = Atomics.add(input.next, 0, 1)) {
    parentPort!.postMessage(await checkPart(fs, input.parts[i]!, input.options, input.today, scoped));
  }
}
