import * as path from 'node:path';
import { promises as fsp } from 'node:fs';
import { analyzeJournal, renderReviewFile, renderReviewMarkdown, reviewToJson } from '../core/model';
import type { RelationshipReport } from '../core/model';
import { flag, journalFolder, parseCommand, stringOption, todayOption, UsageError, type OptionSpecs } from './args';
import { REVIEW_HELP } from './help';
import { ioReason, makeFolders, type Io } from './io';
import { errorsNote, openJournal, selectRelationships } from './journal';
import { pathExists } from './nodeFileSystem';
import { gitHistorySource } from './gitSource';
import { nestedHistory, readJournalHistory, type RelationshipHistory } from '../core/history';
import { gitTop } from './ignore';
import { naturalCompare } from '../core/text';
import { markdownToText, summaryMarkdown, summaryText } from './summary';
import { displayPath, PathError } from './targets';

export const REVIEW_OPTIONS: OptionSpecs = {
  format: { kind: 'string', values: ['md', 'json', 'text'], short: 'f' },
  summary: { kind: 'boolean' },
  'fail-on': { kind: 'string', values: ['warning', 'error'] },
  today: { kind: 'string' },
  relationship: { kind: 'string', short: 'r' },
  save: { kind: 'boolean' },
  config: { kind: 'string' },
  'no-git': { kind: 'boolean' },
  help: { kind: 'boolean', short: 'h' },
};

export async function runReview(argv: readonly string[], io: Io): Promise<number> {
  const args = parseCommand(argv, REVIEW_OPTIONS, 'review', REVIEW_HELP, io);
  if (!args) return 0;
  const given = journalFolder(args, 'review');
  if (flag(args, 'save') && flag(args, 'summary')) throw new UsageError('--summary prints one table of all relationships and --save writes each relationship\'s review into its reviews/ folder: give one of them', 'review');
  const today = todayOption(args, io, 'review');
  const { root, index, optionsOf, ownId, stableId } = await openJournal(given, io, 'review', stringOption(args, 'config'), true);
  const only = stringOption(args, 'relationship');
  const relationships = selectRelationships(index.relationships(), only, given, 'review', ownId);
  const report = analyzeJournal(relationships, today, optionsOf, flag(args, 'no-git') ? undefined : await gitHistory(root, relationships, io));
  const format = stringOption(args, 'format') ?? 'md';
  if (flag(args, 'save')) {
    const code = await save(report.relationships, root, stableId, io);
    if (code) return code;
  } else if (format === 'json') {
    io.out(`${JSON.stringify(reviewToJson(report), null, 2)}\n`);
  } else if (report.relationships.length === 0) {
    io.out(`No relationships in ${given}: a relationship is a folder with an agreement.md (see mentoring-journal init).\n`);
  } else if (flag(args, 'summary')) {
    io.out(format === 'text' ? summaryText(report.relationships, today) : summaryMarkdown(report.relationships, today));
  } else {
    // Sessions dated after today are left out of the review (it is as of today): say so, not silently.
    // (One whose front matter was not read whole is named in the note on unread sessions instead, once.)
    const later = new Map(relationships.map((r) => [r.id, r.sessions.filter((s) => s.date > today && !r.unreadSessions?.includes(s.source.file))]));
    const note = (id: string) => {
      const left = later.get(id) ?? [];
      if (!left.length) return '';
      const files = left.map((s) => `\`${s.source.file}\``).join(', ');
      return `> Note: ${left.length === 1 ? '1 session dated after today was' : `${left.length} sessions dated after today were`} left out of this review: ${files}.\n\n`;
    };
    const markdown = [...report.relationships]
      .sort((a, b) => naturalCompare(a.id, b.id))
      .map((r) => {
        const text = renderReviewMarkdown(r);
        const cut = text.indexOf('\n\n', text.indexOf('\n\n') + 2);
        return note(r.id) && cut > 0 ? `${text.slice(0, cut + 2)}${note(r.id)}${text.slice(cut + 2)}` : text;
      })
      .join('\n');
    io.out(format === 'text' ? markdownToText(markdown) : markdown);
  }
  io.err(errorsNote(index, only === undefined && ownId === undefined ? undefined : relationships, given, 'the review'));
  const failOn = stringOption(args, 'fail-on');
  if (failOn) {
    const raised = report.relationships.flatMap((r) => r.signals.filter((s) => s.severity === 'error' || (failOn === 'warning' && s.severity === 'warning')).map((s) => `${r.id}: ${s.code}`));
    if (raised.length) {
      io.err(`mentoring-journal: ${raised.length === 1 ? '1 signal' : `${raised.length} signals`} of severity ${failOn} or above (${raised.join(', ')})\n`);
      return 1;
    }
  }
  return 0;
}

/**
 * Writes each review as `reviews/<today>.md` in its relationship. A second review on the same day
 * becomes `<today>-2.md`, then `-3`, as in the extension: a saved review is never overwritten.
 * The file names its relationship by `stableId`, the same from whatever folder it is saved.
 */
async function save(reports: RelationshipReport[], root: string, stableId: (id: string) => string, io: Io): Promise<number> {
  const files: Array<{ report: RelationshipReport; absolute: string }> = [];
  for (const r of reports) {
    const folder = path.join(root, ...(r.id === '.' ? [] : r.id.split('/')), 'reviews');
    let absolute = path.join(folder, `${r.today}.md`);
    for (let n = 2; await pathExists(absolute); n++) absolute = path.join(folder, `${r.today}-${n}.md`);
    files.push({ report: r, absolute });
  }
  for (const { report, absolute } of files) {
    try {
      await makeFolders(path.dirname(absolute));
      await fsp.writeFile(absolute, renderReviewFile({ ...report, id: stableId(report.id) }), { flag: 'wx' });
    } catch (error) {
      throw new PathError(`cannot save ${displayPath(io.cwd, absolute)}: ${ioReason(error)}`);
    }
    io.out(`saved ${displayPath(io.cwd, absolute)}\n`);
  }
  return 0;
}

/**
 * What git says about the relationships, or undefined outside a git work tree, without git, or
 * when reading fails: the review is then what it always was, and nothing is said about git.
 */
async function gitHistory(root: string, relationships: Parameters<typeof readJournalHistory>[1], io: Io): Promise<Map<string, RelationshipHistory> | undefined> {
  // A relationship in a repository of its own inside the journal (a git submodule) has its
  // history there, not in the journal's repository, which sees only the submodule's commit.
  const rootTop = gitTop(root);
  const groups = new Map<string | undefined, typeof relationships>();
  for (const rel of relationships) {
    const top = gitTop(path.join(root, ...rel.folder.split('/').filter(Boolean)));
    const nested = top !== undefined && top !== rootTop && top.startsWith(root + path.sep) ? top : undefined;
    groups.set(nested, [...(groups.get(nested) ?? []), rel]);
  }
  let result: Map<string, RelationshipHistory> | undefined;
  let shallow = false;
  for (const [nested, rels] of groups) {
    const source = await gitHistorySource(nested ?? root);
    if (source === 'shallow') shallow = true;
    if (!source || source === 'shallow') continue;
    try {
      const read = await readJournalHistory(nested ? nestedHistory(source, path.relative(root, nested).split(path.sep).join('/')) : source, rels);
      result = new Map([...(result ?? []), ...read]);
    } catch {
      // A git failure leaves these relationships without history; the review goes on.
    }
  }
  if (shallow) io.err('note: this is a shallow git clone, so the review reads no history from git (goal history, who keeps the record); fetch the whole history with `git fetch --unshallow`, or `fetch-depth: 0` in actions/checkout\n');
  return result;
}
