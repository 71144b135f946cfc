import * as path from 'node:path';
import { promises as fsp } from 'node:fs';
import { isRealDate } from '../core/dates';
import { JournalIndex } from '../core/journalIndex';
import { analyzeJournal, renderReviewFile, renderReviewMarkdown, reviewToJson } from '../core/model';
import type { RelationshipReport } from '../core/model';
import { nearest } from '../core/suggest';
import { flag, parseCommand, stringOption, UsageError, type OptionSpecs } from './args';
import { commandLineOptions } from './check';
import { findConfig, loadConfig } from './config';
import { REVIEW_HELP } from './help';
import type { Io } from './io';
import { NodeFileSystem, pathExists } from './nodeFileSystem';
import { displayPath, PathError } from './targets';

export const REVIEW_OPTIONS: OptionSpecs = {
  format: { kind: 'string', values: ['md', 'json'], short: 'f' },
  today: { kind: 'string' },
  relationship: { kind: 'string', short: 'r' },
  save: { kind: 'boolean' },
  config: { kind: 'string' },
  help: { kind: 'boolean', short: 'h' },
};

export async function runReview(argv: readonly string[], io: Io): Promise<number> {
  const args = parseCommand(argv, REVIEW_OPTIONS, 'review', REVIEW_HELP, io);
  if (!args) return 0;
  if (args.positionals.length > 1) throw new UsageError(`review takes one journal folder, not ${args.positionals.length}`, 'review');
  const today = stringOption(args, 'today') ?? io.today();
  if (!isRealDate(today)) throw new UsageError(`--today must be a real date written YYYY-MM-DD, not '${today}'`, 'review');
  const given = args.positionals[0] ?? '.';
  const root = path.resolve(io.cwd, given);
  await requireFolder(root, given);
  const configOption = stringOption(args, 'config');
  const configFile = configOption === undefined ? findConfig(root) : path.resolve(io.cwd, configOption);
  const options = { ...(configFile ? loadConfig(configFile) : {}), ...commandLineOptions(false, []) };

  const index = new JournalIndex(new NodeFileSystem(root), options);
  await index.build();
  let relationships = index.relationships();
  const only = stringOption(args, 'relationship');
  if (only !== undefined) {
    const id = only.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '') || '.';
    const ids = relationships.map((r) => r.id);
    relationships = relationships.filter((r) => r.id === id);
    if (relationships.length === 0) {
      const suggestion = nearest(id, ids);
      const known = ids.length ? `; the journal has ${ids.join(', ')}` : '; the journal has none';
      throw new UsageError(`no relationship '${only}' in ${given}${suggestion ? ` (did you mean '${suggestion}'?)` : known}`, 'review');
    }
  }
  const report = analyzeJournal(relationships, today, options);
  if (flag(args, 'save')) return save(report.relationships, root, io);
  if (stringOption(args, 'format') === 'json') {
    io.out(`${JSON.stringify(reviewToJson(report), null, 2)}\n`);
  } else if (report.relationships.length === 0) {
    io.out(`No relationships in ${given}: a relationship is a folder with an agreement.md (see mentoring-journal init).\n`);
  } else {
    io.out(report.relationships.map((r) => renderReviewMarkdown(r)).join('\n'));
  }
  const errors = [...index.allProblems().values()].filter((list) => list.some((p) => p.severity === 'error')).length;
  if (errors) io.err(`note: ${errors} journal file${errors === 1 ? ' has' : 's have'} errors, which the review skips in part; run mentoring-journal check ${given === '.' ? '' : given}`.trimEnd() + '\n');
  return 0;
}

/** Writes each review as `reviews/<today>.md` in its relationship; never overwrites (exit 1 before writing anything). */
async function save(reports: RelationshipReport[], root: string, io: Io): Promise<number> {
  const files = reports.map((r) => ({ report: r, absolute: path.join(root, ...(r.id === '.' ? [] : r.id.split('/')), 'reviews', `${r.today}.md`) }));
  for (const { absolute } of files) {
    if (await pathExists(absolute)) {
      io.err(`mentoring-journal: ${displayPath(io.cwd, absolute)} already exists; review --save never overwrites a file, so nothing was written.\n`);
      return 1;
    }
  }
  for (const { report, absolute } of files) {
    await fsp.mkdir(path.dirname(absolute), { recursive: true });
    await fsp.writeFile(absolute, renderReviewFile(report), { flag: 'wx' });
    io.out(`saved ${displayPath(io.cwd, absolute)}\n`);
  }
  return 0;
}

async function requireFolder(folder: string, given: string): Promise<void> {
  let stat;
  try {
    stat = await fsp.stat(folder);
  } catch {
    throw new PathError(`no such folder: ${given}`);
  }
  if (!stat.isDirectory()) throw new PathError(`review takes a journal folder, and ${given} is not a folder`);
}
