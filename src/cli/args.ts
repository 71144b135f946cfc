import { isRealDate } from '../core/dates';
import { nearest } from '../core/suggest';
import type { Io } from './io';

/** A usage mistake: printed with a pointer to `--help`, exit code 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message);
  }
}

export interface OptionSpec {
  /** `string` takes a value (`--format json` or `--format=json`); `boolean` takes none. */
  kind: 'string' | 'boolean';
  /** May be given more than once; the values are collected in order. */
  repeatable?: boolean;
  /** Allowed values, checked here so that every command reports them alike. */
  values?: readonly string[];
  /** One-letter alias, without the dash. */
  short?: string;
}

export type OptionSpecs = Record<string, OptionSpec>;

export interface ParsedArgs {
  positionals: string[];
  /** Boolean options are `true` when given; repeatable string options are arrays. */
  options: Record<string, string | boolean | string[]>;
}

/**
 * Parses `argv` against `specs`: long options, plus declared one-letter aliases;
 * `--name=value`, `--name value`, `-n value` and `-nvalue` all work; `--` ends the options. Anything unknown
 * is a `UsageError` that suggests the nearest known option.
 */
export function parseArgs(argv: readonly string[], specs: OptionSpecs, command?: string): ParsedArgs {
  const positionals: string[] = [];
  const options: ParsedArgs['options'] = {};
  const shorts = new Map(Object.entries(specs).flatMap(([name, spec]) => (spec.short ? [[spec.short, name] as const] : [])));

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-' || !arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    let name: string;
    let inline: string | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
      inline = eq === -1 ? undefined : arg.slice(eq + 1);
    } else {
      // `-j 2`, and for options that take a value also `-j2`.
      const long = shorts.get(arg[1]!);
      if (!long || (arg.length > 2 && specs[long]!.kind !== 'string')) throw new UsageError(`unknown option ${arg}`, command);
      name = long;
      if (arg.length > 2) inline = arg.slice(2);
    }
    const spec = specs[name];
    if (!spec) {
      const suggestion = nearest(name, Object.keys(specs));
      throw new UsageError(`unknown option --${name}${suggestion ? ` (did you mean --${suggestion}?)` : ''}`, command);
    }
    if (spec.kind === 'boolean') {
      if (inline !== undefined) throw new UsageError(`option --${name} takes no value`, command);
      options[name] = true;
      continue;
    }
    let value = inline;
    if (value === undefined) {
      const next = argv[i + 1];
      // The next word is taken for an option when it looks like one: `-x` or `--x`, not `-` (standard
      // input or output), a negative number, or a text with a space in it (`--mentor "- Sam"`).
      if (next === undefined) throw new UsageError(`option --${name} needs a value`, command);
      if (next.startsWith('-') && next !== '-' && !/^-\d/.test(next) && !/\s/.test(next)) {
        const option = next.startsWith('--') ? Object.hasOwn(specs, next.slice(2).split('=')[0]!) : shorts.has(next[1]!);
        throw new UsageError(`option --${name} needs a value${option ? '' : `; for a value that starts with -, write --${name}=${next}`}`, command);
      }
      value = next;
      i++;
    }
    if (spec.values && !spec.values.includes(value)) {
      throw new UsageError(`option --${name} must be one of ${spec.values.join(', ')}, not '${value}'`, command);
    }
    if (spec.repeatable) {
      const list = (options[name] as string[] | undefined) ?? [];
      list.push(value);
      options[name] = list;
    } else if (options[name] !== undefined) {
      throw new UsageError(`option --${name} is given twice`, command);
    } else {
      options[name] = value;
    }
  }
  return { positionals, options };
}

/** Reads a string option that was declared non-repeatable. */
export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const value = args.options[name];
  return typeof value === 'string' ? value : undefined;
}

/** `--today YYYY-MM-DD`, else today as `io` has it; a usage error when it is not a real date. */
export function todayOption(args: ParsedArgs, io: Pick<Io, 'today'>, command: string): string {
  const today = stringOption(args, 'today') ?? io.today();
  if (!isRealDate(today)) throw new UsageError(`--today must be a real date written YYYY-MM-DD, not '${today}'`, command);
  return today;
}

/** The one journal folder a command reads (default: the current folder); a usage error for more. */
export function journalFolder(args: ParsedArgs, command: string): string {
  if (args.positionals.length > 1) throw new UsageError(`${command} takes one journal folder, not ${args.positionals.length}`, command);
  return args.positionals[0] ?? '.';
}

export function listOption(args: ParsedArgs, name: string): string[] {
  const value = args.options[name];
  return Array.isArray(value) ? value : [];
}

export function flag(args: ParsedArgs, name: string): boolean {
  return args.options[name] === true;
}

/**
 * Parses a command's arguments; with `--help` (or `-h`) prints the command's help instead and
 * returns undefined, for the command to exit with 0.
 */
export function parseCommand(argv: readonly string[], specs: OptionSpecs, command: string, help: string, io: Io): ParsedArgs | undefined {
  const args = parseArgs(argv, specs, command);
  if (!flag(args, 'help')) return args;
  io.out(help);
  return undefined;
}
