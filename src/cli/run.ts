import { nearest } from '../core/suggest';
import { UsageError } from './args';
import { ACTIONS_HELP, CALENDAR_HELP, CHECK_HELP, HELP, INIT_HELP, REVIEW_HELP } from './help';
import { ioReason, isIoError, type Io } from './io';
import { PathError } from './targets';

/** Inlined by esbuild from package.json (scripts/build.mjs); absent when run from source. */
declare const MENTORING_JOURNAL_VERSION: string | undefined;
export const VERSION = typeof MENTORING_JOURNAL_VERSION === 'string' ? MENTORING_JOURNAL_VERSION : '0.0.0-dev';

type Command = (argv: readonly string[], io: Io) => Promise<number>;

// Loaded on demand: the bundle evaluates a command's modules (and the engine) only when it runs.
const COMMANDS: Record<string, { load: () => Promise<Command>; help: string }> = {
  check: { load: async () => (await import('./check')).runCheck, help: CHECK_HELP },
  review: { load: async () => (await import('./review')).runReview, help: REVIEW_HELP },
  actions: { load: async () => (await import('./actions')).runActions, help: ACTIONS_HELP },
  init: { load: async () => (await import('./init')).runInit, help: INIT_HELP },
  calendar: { load: async () => (await import('./calendar')).runCalendar, help: CALENDAR_HELP },
};

/** Runs the command line (`argv` without node and the script) and returns the exit code; never throws. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [first, ...rest] = argv;
  try {
    if (first === undefined) {
      io.err(HELP);
      return 2;
    }
    if (first === '-h' || first === '--help') {
      io.out(HELP);
      return 0;
    }
    if (first === '-v' || first === '--version') {
      io.out(`${VERSION}\n`);
      return 0;
    }
    if (first === 'help') {
      const topic = rest[0];
      if (topic !== undefined && !COMMANDS[topic]) {
        const suggestion = nearest(topic, Object.keys(COMMANDS));
        throw new UsageError(`no help on '${topic}': there is no such command${suggestion ? ` (did you mean '${suggestion}'?)` : ''}`);
      }
      io.out(topic ? COMMANDS[topic]!.help : HELP);
      return 0;
    }
    const command = COMMANDS[first];
    if (!command) {
      if (first.startsWith('-')) throw new UsageError(`unknown option ${first}; options go after the command`);
      const suggestion = nearest(first, Object.keys(COMMANDS));
      throw new UsageError(`unknown command '${first}'${suggestion ? ` (did you mean '${suggestion}'?)` : ''}`);
    }
    return await (await command.load())(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      const help = error.command ? `mentoring-journal ${error.command} --help` : 'mentoring-journal --help';
      io.err(`mentoring-journal: ${error.message}\nRun '${help}' for usage.\n`);
      return 2;
    }
    if (error instanceof PathError) {
      io.err(`mentoring-journal: ${error.message}\n`);
      return 2;
    }
    // A file-system error no command caught still gets plain words, never `ENOENT: ...`.
    const message = isIoError(error) ? `${ioReason(error)}${error.path ? `: ${error.path}` : ''}` : error instanceof Error ? error.message : String(error);
    io.err(`mentoring-journal: ${message}\n`);
    return 2;
  }
}
