import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { isExcludedName } from '../core/conventions';
import { DEFAULT_OPTIONS } from '../core/types';
import { scaffoldProblem, scaffoldRelationship, suggestFolderName, type ScaffoldOptions } from '../core/scaffold';
import { parseCommand, stringOption, UsageError, type OptionSpecs } from './args';
import { findConfig, loadConfig } from './config';
import { INIT_HELP } from './help';
import { gitTop } from './ignore';
import { makeFolders, missingFolders, type Io } from './io';
import { displayPath, PathError, relationshipFolder } from './targets';
import { pathExists } from './nodeFileSystem';

export const INIT_OPTIONS: OptionSpecs = {
  mentor: { kind: 'string' },
  mentee: { kind: 'string' },
  cadence: { kind: 'string' },
  started: { kind: 'string' },
  ends: { kind: 'string' },
  help: { kind: 'boolean', short: 'h' },
};

export async function runInit(argv: readonly string[], io: Io): Promise<number> {
  const args = parseCommand(argv, INIT_OPTIONS, 'init', INIT_HELP, io);
  if (!args) return 0;
  if (args.positionals.length > 1) throw new UsageError(`init takes one folder, not ${args.positionals.length}`, 'init');
  const mentor = stringOption(args, 'mentor');
  const mentee = stringOption(args, 'mentee');
  if (mentor === undefined || mentee === undefined) {
    throw new UsageError(`init needs ${[mentor === undefined && '--mentor NAME', mentee === undefined && '--mentee NAME'].filter(Boolean).join(' and ')}`, 'init');
  }
  const cadence = stringOption(args, 'cadence');
  const ends = stringOption(args, 'ends');
  const options: ScaffoldOptions = {
    mentor,
    mentee,
    started: stringOption(args, 'started') ?? io.today(),
    ...(cadence !== undefined ? { cadence } : {}),
    ...(ends !== undefined ? { ends } : {}),
  };
  const problem = scaffoldProblem(options);
  if (problem) throw new UsageError(problem, 'init');

  // Without DIR, the folder is named after the first names, with -2, -3... when that name is taken
  // (as New relationship does); a DIR given is used as it is, and never overwritten.
  const given = args.positionals[0];
  let folder = path.resolve(io.cwd, given ?? suggestFolderName(mentor, mentee));
  if (given === undefined) {
    for (let n = 2; await pathExists(folder); n++) folder = path.resolve(io.cwd, `${suggestFolderName(mentor, mentee)}-${n}`);
  }
  const around = relationshipFolder(path.dirname(folder));
  if (around !== undefined) {
    const shown = displayPath(io.cwd, around) || '.';
    throw new UsageError(`${displayPath(io.cwd, folder) || '.'} would be inside the relationship ${shown} (it has an agreement.md), and a relationship cannot hold another: run init in the journal's root folder, or give a DIR outside ${shown}`, 'init');
  }
  const inside = await relationshipBelow(folder);
  if (inside !== undefined) {
    const shown = displayPath(io.cwd, folder) || '.';
    throw new UsageError(`${shown} holds the relationship ${displayPath(io.cwd, inside)} already, and a relationship cannot hold another: give init a new folder (DIR), or leave DIR out to name one after the partners`, 'init');
  }
  const files = scaffoldRelationship(options).map((f) => ({ ...f, absolute: path.join(folder, ...f.path.split('/')) }));
  for (const file of files) {
    if (await pathExists(file.absolute)) {
      io.err(`mentoring-journal: ${displayPath(io.cwd, file.absolute)} already exists; init never overwrites a file, so nothing was written.\n`);
      return 1;
    }
  }
  // Every folder the files go in must be a folder (or missing), before anything is written: a
  // relationship is made whole or not at all.
  for (const file of files) {
    await missingFolders(path.dirname(file.absolute)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOTDIR' || !error.path) throw error;
      throw new PathError(`cannot create ${displayPath(io.cwd, file.absolute)}: ${displayPath(io.cwd, error.path)} is a file, not a folder; nothing was written`);
    });
  }
  for (const file of files) {
    await makeFolders(path.dirname(file.absolute));
    // `wx` fails instead of overwriting, should the file appear after the check above.
    try {
      await fsp.writeFile(file.absolute, file.content, { flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      io.err(`mentoring-journal: ${displayPath(io.cwd, file.absolute)} appeared while writing; it was left as it is.\n`);
      return 1;
    }
    io.out(`created ${displayPath(io.cwd, file.absolute)}\n`);
  }
  const agreement = displayPath(io.cwd, path.join(folder, 'agreement.md'));
  io.out(`\nNext: agree on goals, cadence and confidentiality in ${agreement}, then both sign it.\n`);
  const skipped = skippedFolderAbove(folder, io.cwd);
  if (skipped) {
    const shown = displayPath(io.cwd, folder);
    io.err(`note: ${shown} is below ${skipped}, a folder the journal's readers leave out (a dot folder or an excluded one): check, review, actions and calendar read this relationship only when named (mentoring-journal review ${shown}) or run inside it, and the Mentoring view only in a window opened on it; not from the top of the journal\n`);
  }
  return 0;
}

/**
 * The folder on the way from the journal's top (the git work tree's, else the current folder) to
 * `folder` that the readers skip: a dot folder, or one of the config's (or the default) `exclude`.
 */
function skippedFolderAbove(folder: string, cwd: string): string | undefined {
  const top = gitTop(folder) ?? cwd;
  const parts = path.relative(top, path.dirname(folder)).split(path.sep);
  if (!parts[0] || parts[0] === '..') return undefined;
  const config = findConfig(top);
  const exclude = (config ? loadConfig(config).exclude : undefined) ?? DEFAULT_OPTIONS.exclude;
  const at = parts.findIndex((part) => isExcludedName(part, exclude));
  return at === -1 ? undefined : displayPath(cwd, path.join(top, ...parts.slice(0, at + 1)));
}

/**
 * A relationship (a folder with an `agreement.md`) below `folder`, which a new one there
 * would hold: `init .` in a journal's root. Folders git and npm keep (dot folders,
 * `node_modules`) are not searched; a folder that cannot be read holds nothing found.
 */
async function relationshipBelow(folder: string): Promise<string | undefined> {
  const pending = [folder];
  for (let seen = 0; pending.length && seen < 10_000; seen++) {
    const dir = pending.pop()!;
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fsp.readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    // DIR's own agreement.md is a file init would overwrite: it says so itself (exit 1).
    if (dir !== folder && entries.some((e) => e.name === 'agreement.md' && e.isFile())) return dir;
    for (const e of entries) if (e.isDirectory() && !e.name.startsWith('.') && e.name !== 'node_modules') pending.push(path.join(dir, e.name));
  }
  return undefined;
}
