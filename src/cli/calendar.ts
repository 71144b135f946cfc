import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { calendarEvents, isCalendarExport, renderCalendar } from '../core/model/calendar';
import { analyzeJournal } from '../core/model/analyze';
import { journalFolder, parseCommand, stringOption, todayOption, type OptionSpecs } from './args';
import { CALENDAR_HELP } from './help';
import { fileHead, ioReason, makeFolders, type Io } from './io';
import { errorsNote, openJournal, selectRelationships } from './journal';
import { displayPath, PathError } from './targets';

export const CALENDAR_OPTIONS: OptionSpecs = {
  out: { kind: 'string', short: 'o' },
  today: { kind: 'string' },
  relationship: { kind: 'string', short: 'r' },
  config: { kind: 'string' },
  help: { kind: 'boolean', short: 'h' },
};

/**
 * `mentoring-journal calendar [PATH] [--out FILE] [--today DATE] [--relationship ID]`: the journal's
 * dates as an iCalendar file, on standard output or in FILE. FILE is replaced only when it is empty
 * or an earlier export of this command, so a mistyped name never overwrites someone's notes or
 * another calendar.
 */
export async function runCalendar(argv: readonly string[], io: Io): Promise<number> {
  const args = parseCommand(argv, CALENDAR_OPTIONS, 'calendar', CALENDAR_HELP, io);
  if (!args) return 0;
  const given = journalFolder(args, 'calendar');
  const today = todayOption(args, io, 'calendar');
  const opened = await openJournal(given, io, 'calendar', stringOption(args, 'config'), true);
  const { index, optionsOf, ownId, stableId } = opened;
  const only = stringOption(args, 'relationship');
  const relationships = selectRelationships(index.relationships(), only, given, 'calendar', ownId);
  // UIDs from each relationship's folder in its git repository: the same from the repository's
  // top, the journal's folder or a relationship's, so that importing again updates.
  const events = calendarEvents(analyzeJournal(relationships, today, optionsOf).relationships, stableId);
  const text = renderCalendar(events, io.now?.() ?? new Date());
  io.err(errorsNote(index, only === undefined && ownId === undefined ? undefined : relationships, given, 'the calendar'));
  const out = stringOption(args, 'out');
  if (out === undefined || out === '-') {
    io.out(text);
    return 0;
  }
  // `out/` names a folder, made or not (path.resolve would drop the `/` and write a file of its name).
  if (/[\\/]$/.test(out)) throw new PathError(`--out ${out} names a folder; name a file, say ${path.join(out, 'mentoring.ics')}`);
  const file = path.resolve(io.cwd, out);
  await refuseToReplaceOtherFiles(file, out);
  try {
    // Missing folders are made, as `check --output-file` makes them.
    await makeFolders(path.dirname(file));
    await fsp.writeFile(file, text);
  } catch (error) {
    throw new PathError(`cannot write ${out}: ${ioReason(error)}`);
  }
  const count = events.length === 1 ? '1 event' : `${events.length} events`;
  io.err(`wrote ${count} for ${relationships.length === 1 ? '1 relationship' : `${relationships.length} relationships`} to ${displayPath(io.cwd, file)}\n`);
  return 0;
}

async function refuseToReplaceOtherFiles(file: string, given: string): Promise<void> {
  let head: string;
  try {
    head = await fileHead(file, 200);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return; // written above, or refused there with a reason
    if (code === 'EISDIR') throw new PathError(`--out ${given} is a folder; name a file, say ${path.join(given, 'mentoring.ics')}`);
    throw new PathError(`cannot read ${given}: ${ioReason(error)}`);
  }
  // Only an earlier export is replaced.
  if (head.length > 0 && !isCalendarExport(head)) throw new PathError(`${given} exists and is not an earlier export of this command; it is left as it is (name a new file or an earlier export)`);
}
