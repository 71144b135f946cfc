import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { isRealDate } from '../core/dates';
import { IO_REASONS, ioReason } from '../core/ioReason';
import { UsageError } from './args';

export { ioReason };

/** What a command may touch besides the file system: injected so that commands stay testable. */
export interface Io {
  cwd: string;
  out(text: string): void;
  err(text: string): void;
  /** Today's date, `YYYY-MM-DD`: `MENTORING_JOURNAL_TODAY` when set, else in local time; `--today` overrides both. */
  today(): string;
  /** The current moment, for the calendar's DTSTAMP; `new Date()` when absent. */
  now?(): Date;
  /** The script this process runs (the CLI bundle), to start worker threads from; absent in tests run in-process. */
  entry?: string;
  /** Everything on standard input, for `check --stdin`. */
  readStdin?(): Promise<Uint8Array>;
}

/** The variable that pins the day every command takes as today (as `--today` does for one command). */
export const TODAY_VARIABLE = 'MENTORING_JOURNAL_TODAY';

/**
 * The day `MENTORING_JOURNAL_TODAY` pins, for a CI job or a test that must give the same answer on
 * any day; undefined when it is unset or empty, a usage error when it is not a real date.
 */
export function environmentToday(env: Record<string, string | undefined>): string | undefined {
  const pinned = env[TODAY_VARIABLE];
  if (!pinned) return undefined;
  if (!isRealDate(pinned)) throw new UsageError(`${TODAY_VARIABLE} must be a real date written YYYY-MM-DD, not '${pinned}'`);
  return pinned;
}

/** Whether an error is one of Node's file-system errors with a reason in {@link ioReason}. */
export function isIoError(error: unknown): error is { code: string; path?: string } {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && Object.hasOwn(IO_REASONS, code);
}

/**
 * The first `bytes` bytes of a file as text (fewer when it is shorter): what a command looks at
 * before it replaces a file. Rejects with the file system's error (ENOENT, EISDIR...).
 */
export async function fileHead(file: string, bytes: number): Promise<string> {
  const handle = await fsp.open(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

/**
 * Makes the folder `dir` and the folders above it that are missing, one at a time from the
 * nearest one that exists. (Node's `mkdir` with `recursive` loops for ever where the system
 * says a folder is missing while its parent is there, as under `/proc`.) Fails with the
 * system's error, as `mkdir` does.
 */
export async function makeFolders(dir: string): Promise<void> {
  for (const at of await missingFolders(dir)) {
    try {
      await fsp.mkdir(at);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/**
 * The folders `makeFolders(dir)` would make, outermost first; fails with ENOTDIR (its `path` the
 * file) when the nearest path on the way that exists is a file, before anything is made.
 */
export async function missingFolders(dir: string): Promise<string[]> {
  const missing: string[] = [];
  for (let at = path.resolve(dir); ; at = path.dirname(at)) {
    try {
      if ((await fsp.stat(at)).isDirectory()) break;
      throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${at}'`), { code: 'ENOTDIR', syscall: 'mkdir', path: at });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || path.dirname(at) === at) throw error;
      missing.unshift(at);
    }
  }
  return missing;
}

/** A path as one word of a shell command, to paste as it is: quoted when it holds a space or another character the shell reads. */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
