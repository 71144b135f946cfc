import * as path from 'node:path';
import { ACTION_GROUP_LABELS, ACTION_GROUPS, actionGroup, journalActions, myActions, type JournalAction } from '../core/model';
import { noValidDue, plural } from '../core/words';
import { listOption, journalFolder, parseCommand, stringOption, UsageError, todayOption, type OptionSpecs } from './args';
import { ACTIONS_HELP } from './help';
import type { Io } from './io';
import { errorsNote, openJournal, selectRelationships } from './journal';
import { displayPath } from './targets';
import { printablePath } from './format';

export const ACTIONS_OPTIONS: OptionSpecs = {
  owner: { kind: 'string', repeatable: true },
  relationship: { kind: 'string', short: 'r' },
  today: { kind: 'string' },
  format: { kind: 'string', values: ['text', 'json'], short: 'f' },
  config: { kind: 'string' },
  help: { kind: 'boolean', short: 'h' },
};

/** One action as `--format json` prints it. */
export interface ActionJsonEntry {
  relationship: string;
  file: string;
  line: number;
  owner: string | null;
  text: string;
  due: string | null;
  /** A `(due ...)` date that names no real day, as written (then `due` is null); null otherwise. */
  invalidDue: string | null;
  daysOverdue: number;
  goals: string[];
}

/**
 * `mentoring-journal actions`: every open action of the journal (or of the relationship PATH lies
 * in), sorted by due date with undated ones last; `--owner` keeps the actions of those people (the
 * extension's "Only mine" rule). Reads what `review` reads, minus what .gitignore and the config's
 * `ignores` leave out, as `check` does. Exit code 0.
 */
export async function runActions(argv: readonly string[], io: Io): Promise<number> {
  const args = parseCommand(argv, ACTIONS_OPTIONS, 'actions', ACTIONS_HELP, io);
  if (!args) return 0;
  const given = journalFolder(args, 'actions');
  const today = todayOption(args, io, 'actions');
  const owners = listOption(args, 'owner');
  if (owners.some((o) => !o.replace(/^@/, '').trim())) throw new UsageError('--owner needs a name or handle', 'actions');
  const { root, index, ownId } = await openJournal(given, io, 'actions', stringOption(args, 'config'), true);
  const only = stringOption(args, 'relationship');
  const relationships = selectRelationships(index.relationships(), only, given, 'actions', ownId);
  const all = journalActions(relationships, today);
  const actions = owners.length ? myActions(all, relationships, owners) : all;
  const file = (a: JournalAction) => displayPath(io.cwd, path.join(root, ...a.file.split('/')));
  io.err(errorsNote(index, only === undefined && ownId === undefined ? undefined : relationships, given, 'this list of actions'));
  if (stringOption(args, 'format') === 'json') {
    const json = actions.map((a): ActionJsonEntry => ({
      relationship: a.relationship, file: file(a), line: a.line, owner: a.owner ?? null, text: a.text, due: a.due ?? null, invalidDue: a.invalidDue ?? null, daysOverdue: a.daysOverdue, goals: a.goals,
    }));
    io.out(`${JSON.stringify({ today, actions: json }, null, 2)}\n`);
    return 0;
  }
  io.out(actionsText(actions, today, file, owners));
  return 0;
}

/** The text format: one block per group (Overdue, This week, Later, No date), one line per action. */
function actionsText(actions: readonly JournalAction[], today: string, file: (a: JournalAction) => string, owners: readonly string[]): string {
  const whose = owners.length ? ` for ${owners.join(', ')}` : '';
  if (actions.length === 0) return `No open actions${whose} on ${today}.\n`;
  const lines = [`${plural(actions.length, 'open action')}${whose} on ${today}:`];
  for (const group of ACTION_GROUPS) {
    const members = actions.filter((a) => actionGroup(a) === group);
    if (!members.length) continue;
    lines.push('', `${ACTION_GROUP_LABELS[group]} (${members.length})`);
    for (const a of members) {
      const when = a.due ? (a.daysOverdue > 0 ? `due ${a.due}, ${plural(a.daysOverdue, 'day')} late` : `due ${a.due}`) : a.invalidDue ? noValidDue(a.invalidDue) : 'no date';
      lines.push(`  ${a.owner ? `@${a.owner} ` : ''}${a.text}`, `    ${when} · ${a.label} · ${printablePath(file(a))}:${a.line}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
