import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { calendarEvents, isCalendarExport, renderCalendar } from '../core/model/calendar';
import { analyzeJournal } from '../core/model/analyze';
import { journalFolder, parseCommand, stringOption, todayOption, type OptionSpecs } from './args';
import { CALENDAR_HELP } from './help';
import { ioReason, makeFolders, type Io } from './io';
import { refuseToReplace, type OutputKind } from './outputFile';
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
  const file = await refuseToReplace(EXPORT, out, io.cwd, stringOption(args, 'config'));
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

/** The calendar replaces an earlier export, never a journal file or anything else (outputFile.ts). */
const EXPORT: OutputKind = { option: '--out', what: 'the calendar', example: 'mentoring.ics', earlier: 'an earlier export', isEarlier: isCalendarExport };
