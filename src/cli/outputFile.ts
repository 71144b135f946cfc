import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { isMarkdownPath } from '../core/conventions';
import { CONFIG_FILE } from './config';
import { fileHead } from './io';
import { PathError } from './targets';

/** What a command writes to a file of the user's naming (`check --output-file`, `calendar --out`), and how it knows a file it wrote before. */
export interface OutputKind {
  /** The option, as the user writes it: `--output-file`, `--out`. */
  option: string;
  /** What is written: `the report`, `the calendar`. */
  what: string;
  /** A file name to offer instead: `journal-report.txt`. */
  example: string;
  /** Whether a file's first bytes are what this command wrote there before (or nothing). */
  isEarlier(head: string): boolean;
  /** How an earlier file of this command is called in the refusal: `an earlier report`. */
  earlier: string;
}

/** How many bytes of an existing file are read to tell an earlier output from anything else. */
const HEAD_BYTES = 1024;

/**
 * Refuses (exit 2, nothing written) to write a command's output over anything but what the command
 * wrote there before: a journal file (a Markdown file, whether it exists yet or not, or any file
 * that starts with front matter), the config file (by its name, or the one `--config` names), a
 * folder (named with a trailing `/` too, which path.resolve would drop), and any other file with
 * something in it, such as a package.json that `-o package.json` would have emptied.
 */
export async function refuseToReplace(kind: OutputKind, given: string, cwd: string, configFile?: string): Promise<string> {
  const { option, what, example } = kind;
  const instead = `name another file, say ${example}`;
  if (/[\\/]$/.test(given)) throw new PathError(`${option} ${given} names a folder; name a file, say ${path.join(given, example)}`);
  const target = path.resolve(cwd, given);
  // Refused whether or not it exists yet: a new .md file would be a journal file once written.
  if (isMarkdownPath(target) || /\.(?:markdown|mdown|mkd|mdwn)$/i.test(target)) throw new PathError(`${option} ${given} is a Markdown file, where journal files live; ${what} is never written to one: ${instead}`);
  if (path.basename(target) === CONFIG_FILE || (configFile !== undefined && (await sameFile(target, configFile)))) throw new PathError(`${option} ${given} is the journal's config file; ${what} is never written to it: ${instead}`);
  let head: string;
  try {
    head = await fileHead(target, HEAD_BYTES);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') throw new PathError(`${option} ${given} is a folder; name a file, say ${path.join(given, example)}`);
    return target; // a new file, or one the write refuses with its reason
  }
  if (/^\uFEFF?---/.test(head)) throw new PathError(`${option} ${given} starts with front matter, as a journal file does; ${what} never replaces one: ${instead}`);
  if (head.trim() && !kind.isEarlier(head)) throw new PathError(`${option} ${given} exists and is not ${kind.earlier} of this command; it is left as it is (name a new file or ${kind.earlier})`);
  return target;
}

/** Whether two paths name the same file (through links too); false when either is missing. */
async function sameFile(a: string, b: string): Promise<boolean> {
  if (path.resolve(a) === path.resolve(b)) return true;
  const [x, y] = await Promise.all([fsp.stat(a).catch(() => undefined), fsp.stat(b).catch(() => undefined)]);
  return !!x && !!y && x.dev === y.dev && x.ino === y.ino;
}
