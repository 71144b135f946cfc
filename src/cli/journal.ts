import { promises as fsp, realpathSync } from 'node:fs';
import * as path from 'node:path';
import { JournalIndex } from '../core/journalIndex';
import { isExcludedPath } from '../core/conventions';
import { nearest } from '../core/suggest';
import { DEFAULT_OPTIONS, type EngineOptions, type Relationship } from '../core/types';
import { UsageError } from './args';
import { commandLineOptions } from './check';
import { findConfig, loadConfig, loadIgnores, nestedOptions } from './config';
import { FolderNames } from './folderNames';
import { gitTop, ignoredOnTheWay, Ignorer } from './ignore';
import { shellWord, type Io } from './io';
import { NodeFileSystem } from './nodeFileSystem';
import { PathError, relationshipFolder } from './targets';

/** A journal folder named on the command line, indexed: what review, calendar and actions work from. */
export interface OpenedJournal {
  /** The journal root: relationship ids are relative to it. */
  root: string;
  index: JournalIndex;
  options: Partial<EngineOptions>;
  /** When PATH lies inside a relationship (say its sessions/ folder), that relationship's id. */
  ownId?: string;
  /** The options a relationship is reviewed with: its nearest config file's (config.ts `nestedOptions`), else `options`. */
  optionsOf: (relationship: Relationship) => Partial<EngineOptions>;
  /**
   * A relationship's id as the top of its git work tree sees it (`cohort/ana-and-bo`, whether
   * PATH is the repository, the cohort or the relationship): what is written into the journal (a
   * saved review's `relationship:`) or exported (calendar UIDs). Outside git, the id. Printed ids
   * stay relative to PATH, as printed paths are relative to the current folder.
   */
  stableId: (id: string) => string;
}

/**
 * Indexes the journal at `given` (relative to the current folder). Inside a relationship it
 * works on that relationship, with its id as seen from the journal root (the top of the git
 * work tree, else the folder above it), as check does. `honourIgnores`: leave out what
 * .gitignore files and the config's `ignores` leave out (actions, like check).
 */
export async function openJournal(given: string, io: Io, command: string, configOption?: string, honourIgnores = false): Promise<OpenedJournal> {
  await requireFolder(path.resolve(io.cwd, given), given, command);
  // The folder as it really is: a relationship given through a symbolic link (`review mine`) is
  // found where it lies, in its journal, as it is when the command runs inside it.
  const start = realpathSync(path.resolve(io.cwd, given));
  const owner = relationshipFolder(start);
  const top = gitTop(owner ?? start);
  let root = owner ? (top && (owner === top || owner.startsWith(top + path.sep)) ? top : path.dirname(owner)) : start;
  const configFile = configOption === undefined ? findConfig(root) : path.resolve(io.cwd, configOption);
  const options = { ...(configFile ? loadConfig(configFile) : {}), ...commandLineOptions(false, []) };
  // A relationship asked for by name or from inside it, below a dot folder or an excluded one
  // (`.journal/ana-and-bo`, `archive/old-pair`): read from the folder above it, as `check` reads it,
  // not skipped with the folder on the way from the top of the work tree.
  const nested = configOption === undefined ? { config: configFile } : undefined;
  const names = new FolderNames();
  const ignorerAt = (base: string) => new Ignorer({ globs: configFile ? loadIgnores(configFile) : [], base: configFile ? path.dirname(configFile) : base, gitignore: true, ...(nested ? { nested } : {}) }, names);
  // And so for one below a folder .gitignore or `ignores` leave out (`gone/` for `gone/ana-and-bo`), when they are honoured.
  if (owner && owner !== root) {
    const excluded = isExcludedPath(posixRelative(root, path.dirname(owner)), options.exclude ?? DEFAULT_OPTIONS.exclude);
    if (excluded || (honourIgnores && ignoredOnTheWay(root, path.relative(root, owner), ignorerAt(root), true))) root = path.dirname(owner);
  }
  const ownId = owner ? posixRelative(root, owner) || '.' : undefined;
  // Inside a relationship, only its folder is read.
  const within = owner && posixRelative(root, owner);
  // With `honourIgnores`, what .gitignore files and the config's `ignores` leave out is left out, as check does.
  // Without --config, a config file in a folder below the root applies there (the nearest one), as for check.
  const ignorer = honourIgnores ? ignorerAt(root) : undefined;
  const scoped = nested ? nestedOptions(root, configFile, {}, (folder, name) => names.exists(folder, name)) : undefined;
  const index = new JournalIndex(new NodeFileSystem(root, ignorer, undefined, within, names), options, scoped ? { scoped } : {});
  await index.build();
  const optionsOf = (relationship: Relationship): Partial<EngineOptions> => scoped?.(relationship.agreementFile) ?? options;
  const stableId = (id: string) => (top ? posixRelative(top, path.join(root, id === '.' ? '' : id)) || '.' : id);
  return { root, index, options, optionsOf, stableId, ...(ownId !== undefined ? { ownId } : {}) };
}

const posixRelative = (from: string, to: string) => path.relative(from, to).split(path.sep).join('/');

/**
 * The relationships `only` names: a relationship's id (its folder relative to the journal root,
 * `./` and trailing slashes ignored) or, when no id matches, its folder's name if exactly one
 * relationship has it. A name that matches none is a `UsageError` with the nearest id. When PATH
 * is inside a relationship (`ownId`), only that one: `only` may name it (or be empty), nothing else.
 */
export function selectRelationships(relationships: Relationship[], only: string | undefined, given: string, command: string, ownId?: string): Relationship[] {
  if (ownId !== undefined) {
    // PATH is (inside) one relationship: that one is all there is to choose from.
    const own = relationships.filter((r) => r.id === ownId);
    const asked = only?.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
    if (asked === undefined || asked === '' || asked === '.' || asked === ownId || asked === ownId.split('/').pop()) return own;
    const where = given === '.' ? 'the current folder is in' : `${given} is in`;
    throw new UsageError(`${where} the relationship '${ownId}', so --relationship '${only}' is not in it: give the journal's folder as PATH to choose another relationship`, command);
  }
  if (only === undefined) return relationships;
  const id = only.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '') || '.';
  const ids = relationships.map((r) => r.id);
  const exact = relationships.filter((r) => r.id === id);
  if (exact.length) return exact;
  const byName = relationships.filter((r) => r.id.split('/').pop() === id);
  if (byName.length === 1) return byName;
  if (byName.length > 1) throw new UsageError(`'${only}' names ${byName.length} relationships (${byName.map((r) => r.id).join(', ')}); give its path`, command);
  // The nearest id, or the id of the nearest folder name (`ana-and-lee` → `team/ana-and-li`).
  const name = nearest(id, relationships.map((r) => r.id.split('/').pop()!));
  const suggestion = nearest(id, ids) ?? relationships.find((r) => r.id.split('/').pop() === name)?.id;
  const known = ids.length ? `; the journal has ${ids.join(', ')}` : '; the journal has none';
  throw new UsageError(`no relationship '${only}' in ${given}${suggestion ? ` (did you mean '${suggestion}'?)` : known}`, command);
}

async function requireFolder(folder: string, given: string, command: string): Promise<void> {
  let stat;
  try {
    stat = await fsp.stat(folder);
  } catch {
    throw new PathError(`no such folder: ${given}`);
  }
  if (!stat.isDirectory()) throw new PathError(`${command} takes a journal folder, and ${given} is not a folder`);
}

/**
 * `note: 2 journal files have errors, so the review may leave out what cannot be read; run mentoring-journal check`
 * (on stderr), when journal files (of the relationships in `only`, when given) have errors: a session whose date or
 * front matter cannot be read is left out of the review, the actions and the calendar alike,
 * and without the note its actions would vanish without a word. Nothing when there are none.
 */
export function errorsNote(index: JournalIndex, only: readonly Relationship[] | undefined, given: string, what: string): string {
  // Only the files of the relationships worked on count when one is chosen (--relationship, a
  // PATH inside it): another relationship's errors are none of this command's business.
  const ids = only && new Set(only.map((r) => r.id));
  const ours = (path: string) => !ids || ids.has(index.relationshipIdOf(path) ?? '\0');
  const unlisted = new Set(index.unlistedFolders());
  const errors = [...index.allProblems()].filter(([file, list]) => !unlisted.has(file) && ours(file) && list.some((p) => p.severity === 'error')).length;
  const folders = [...unlisted].filter(ours).length;
  if (!errors && !folders) return '';
  const found = [
    ...(errors ? [`${errors} journal file${errors === 1 ? ' has' : 's have'} errors`] : []),
    ...(folders ? [`${folders} folder${folders === 1 ? '' : 's'} could not be read`] : []),
  ].join(' and ');
  return `note: ${found}, so ${what} may leave out what cannot be read; run mentoring-journal check ${given === '.' ? '' : shellWord(given)}`.trimEnd() + '\n';
}

