import { existsSync, promises as fsp, statSync } from 'node:fs';
import * as path from 'node:path';
import { isExcludedName, isMarkdownPath } from '../core/conventions';
import { DEFAULT_OPTIONS, type EngineOptions } from '../core/types';
import { plural } from '../core/words';
import { flag, listOption, parseCommand, stringOption, todayOption, UsageError, type OptionSpecs } from './args';
import { findConfig, loadConfig, loadIgnores, parseRuleOptions } from './config';
import { FolderNames } from './folderNames';
import { ignoredOnTheWay, Ignorer, type IgnoreSpec } from './ignore';
import { expandPatterns } from './patterns';
import { CHECK_FORMATS, compareReported, formatCheck, isCheckReport, printablePath, summary, type CheckFormat, type CheckResult, type Reported } from './format';
import { refuseToReplace, type OutputKind } from './outputFile';
import { fixFile } from './fix';
import { formatSarif } from './sarif';
import { VERSION } from './run';
import { CHECK_HELP } from './help';
import { ioReason, makeFolders, shellWord, type Io } from './io';
import { NodeFileSystem, type Overlay } from './nodeFileSystem';
import { checkParts, defaultJobs, type NestedConfigs } from './parallel';
import { partition } from './partition';
import { coversScope, displayPath, inScope, journalBase, PathError, relationshipFolder, resolveTargets } from './targets';

export const CHECK_OPTIONS: OptionSpecs = {
  format: { kind: 'string', values: CHECK_FORMATS, short: 'f' },
  'max-warnings': { kind: 'string' },
  'no-unknown-keys': { kind: 'boolean' },
  rule: { kind: 'string', repeatable: true },
  config: { kind: 'string' },
  jobs: { kind: 'string', short: 'j' },
  quiet: { kind: 'boolean', short: 'q' },
  stdin: { kind: 'boolean' },
  fix: { kind: 'boolean' },
  today: { kind: 'string' },
  'stdin-filename': { kind: 'string' },
  'output-file': { kind: 'string', short: 'o' },
  help: { kind: 'boolean', short: 'h' },
};

/** Engine options for one root: the config file's, then the command line's on top. */
function optionsFor(root: string, configFile: string | undefined, cli: Partial<EngineOptions>): Partial<EngineOptions> {
  const file = configFile ?? findConfig(root);
  const fromFile = file ? loadConfig(file) : {};
  return {
    ...fromFile,
    ...cli,
    severities: { ...(fromFile.severities ?? {}), ...(cli.severities ?? {}) },
  };
}

export function commandLineOptions(noUnknownKeys: boolean, rules: readonly string[]): Partial<EngineOptions> {
  return {
    ...(noUnknownKeys ? { unknownKeys: false } : {}),
    ...(rules.length ? { severities: parseRuleOptions(rules) } : {}),
  };
}

export async function runCheck(argv: readonly string[], io: Io): Promise<number> {
  const args = parseCommand(argv, CHECK_OPTIONS, 'check', CHECK_HELP, io);
  if (!args) return 0;
  const format = (stringOption(args, 'format') ?? 'text') as CheckFormat;
  const maxText = stringOption(args, 'max-warnings');
  // -1 is no limit, as ESLint takes it.
  if (maxText !== undefined && !/^(?:\d+|-1)$/.test(maxText)) throw new UsageError(`--max-warnings takes a whole number of warnings (or -1 for no limit), not '${maxText}'`, 'check');
  const maxWarnings = maxText === undefined || maxText === '-1' ? undefined : Number(maxText);
  const cli = commandLineOptions(flag(args, 'no-unknown-keys'), listOption(args, 'rule'));
  const configOption = stringOption(args, 'config');
  const configFile = configOption === undefined ? undefined : path.resolve(io.cwd, configOption);
  const jobsText = stringOption(args, 'jobs');
  if (jobsText !== undefined && !/^[1-9]\d*$/.test(jobsText)) throw new UsageError(`--jobs takes a number of threads (1 or more), not '${jobsText}'`, 'check');
  const ignoreFor = (root: string): IgnoreSpec => {
    const file = configFile ?? findConfig(root);
    // Without --config, a config file below the root applies there, with its own `ignores`.
    return { globs: file ? loadIgnores(file) : [], base: file ? path.dirname(file) : root, gitignore: true, ...(configFile === undefined ? { nested: { config: file } } : {}) };
  };
  const today = todayOption(args, io, 'check');
  const nestedFor = (root: string): NestedConfigs | undefined => (configFile === undefined ? { config: findConfig(root), cli } : undefined);
  const run: RunOptions = { jobs: jobsText === undefined ? defaultJobs() : Number(jobsText), entry: io.entry, ignoreFor, nestedFor, today };
  const stdinName = stringOption(args, 'stdin-filename');
  if (flag(args, 'stdin') !== (stdinName !== undefined)) throw new UsageError('--stdin and --stdin-filename PATH go together: PATH says where the text belongs, for its relationship', 'check');
  if (stdinName !== undefined) {
    if (args.positionals.length) throw new UsageError('with --stdin, name the file with --stdin-filename only, not as a path', 'check');
    const absolute = path.resolve(io.cwd, stdinName);
    // The text is checked as that file: a name that is no Markdown file would check nothing and pass.
    if (stdinName.trim() && (await fsp.stat(absolute).then((s) => s.isDirectory(), () => false))) throw new UsageError(`--stdin-filename ${stdinName} is a folder: name the Markdown file the text belongs to, like ${stdinName.replace(/\/+$/, '')}/2026-11-20.md`, 'check');
    if (!stdinName.trim() || !isMarkdownPath(absolute)) throw new UsageError(`--stdin-filename names the Markdown file the text belongs to, like sessions/2026-11-20.md, not '${stdinName}'`, 'check');
    const why = whyLeftOut(absolute, io.cwd, (root) => optionsFor(root, configFile, cli), ignoreFor);
    if (why) throw new UsageError(leftOutOfCheck(stdinName, why), 'check');
    if (!io.readStdin) throw new UsageError('standard input cannot be read here', 'check');
    run.overlay = { absolute, content: await io.readStdin() };
    run.jobs = 1;
  }
  const paths = stdinName !== undefined ? [stdinName] : await expandPatterns(args.positionals.length ? args.positionals : ['.'], io.cwd, (root) => ({ ...DEFAULT_OPTIONS, ...optionsFor(root, configFile, cli) }).exclude, ignoreFor);
  let full = await check(paths, io.cwd, (root) => optionsFor(root, configFile, cli), run);
  // The text of --stdin is always one file: none checked means its name is one the check leaves out.
  if (run.overlay && full.files === 0) throw new UsageError(leftOutOfCheck(stdinName!, GENERIC_LEFT_OUT), 'check');
  // Files --fix could not write: an I/O error (exit 2) unless errors in the journal say 1 anyway.
  let unwritable = 0;
  if (flag(args, 'fix')) {
    if (run.overlay) throw new UsageError('--fix writes files, and --stdin has none to write', 'check');
    let fixed = 0;
    for (const file of [...new Set(full.problems.map((r) => r.file))]) {
      let changes: ReturnType<typeof fixFile>;
      try {
        changes = fixFile(path.resolve(io.cwd, file), file, { ...DEFAULT_OPTIONS, ...optionsFor(path.dirname(path.resolve(io.cwd, file)), configFile, cli) });
      } catch (error) {
        // One file that cannot be written does not stop the others: it is named, left as it was, and its problems stay in the report.
        unwritable++;
        io.err(`mentoring-journal: cannot write ${file}: ${ioReason(error)}; it was not fixed\n`);
        continue;
      }
      if (!changes) continue;
      if (changes.changes.length) {
        fixed++;
        io.err(`fixed ${printablePath(file)}: ${changes.changes.join('; ')}\n`);
      }
      for (const why of changes.left) io.err(`not fixed ${printablePath(file)}: ${why}\n`);
    }
    // What is left after the fixes: checked again, since a fix can settle a rule across files too.
    if (fixed) full = await check(paths, io.cwd, (root) => optionsFor(root, configFile, cli), run);
  }
  // --quiet prints errors only; --max-warnings still counts every warning.
  const result = flag(args, 'quiet') ? { ...full, problems: full.problems.filter((r) => r.problem.severity === 'error') } : full;

  const report = format === 'sarif' ? formatSarif(result, io.cwd, VERSION, rulesDoc()) : formatCheck(result, format);
  const outputFile = stringOption(args, 'output-file');
  // `-o -` is the standard output, as `calendar --out -` is.
  if (outputFile === undefined || outputFile === '-') io.out(report);
  else {
    const target = await refuseToReplace(REPORT, outputFile, io.cwd, configFile);
    try {
      await makeFolders(path.dirname(target));
      await fsp.writeFile(target, report);
    } catch (error) {
      throw new PathError(`cannot write ${outputFile}: ${ioReason(error)}`);
    }
  }
  const warnings = full.problems.filter((r) => r.problem.severity === 'warning').length;
  const errors = full.problems.filter((r) => r.problem.severity === 'error').length;
  if (format === 'text' && result.problems.length) io.err(`${summary(full, flag(args, 'quiet'))}\n`);
  // A file named that the check leaves out (added with `git add -f`, say): said, or a hook would pass it unread.
  for (const { file, why } of full.leftOut ?? []) io.err(`note: ${shellWord(file)} is left out of the check (${why}); it was not checked\n`);
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    io.err(`mentoring-journal: ${plural(warnings, 'warning')}, more than --max-warnings ${maxWarnings}\n`);
    return 1;
  }
  return errors > 0 ? 1 : unwritable ? 2 : 0;
}

/** docs/rules.md as the package ships it: next to dist/ in the bundle, two folders up from src/cli when run from source. */
function rulesDoc(): string {
  for (const up of ['..', '../..']) {
    const candidate = path.resolve(__dirname, up, 'docs', 'rules.md');
    if (existsSync(candidate)) return candidate;
  }
  return path.resolve(__dirname, '..', 'docs', 'rules.md');
}

/** How to run a check: on how many threads, and the script that starts a worker thread. */
export interface RunOptions {
  jobs: number;
  entry?: string;
  /** What .gitignore and the config's `ignores` leave out under a root. */
  ignoreFor?: (root: string) => IgnoreSpec | undefined;
  /** `--stdin`: this file's content, checked within its relationship in place of what is on disk. */
  overlay?: Overlay;
  /** Today's date, for `session/after-today`. */
  today?: string;
  /** Config files below a root that take over there (config.ts `nestedOptions`); none with `--config`. */
  nestedFor?: (root: string) => NestedConfigs | undefined;
}

/**
 * Why the check leaves out the file at `absolute` when it is named on its own (a staged file,
 * `--stdin-filename`), or undefined when it does not: a dot folder or an excluded one
 * (`node_modules`) on its way, from its relationship or the top of its work tree, or else from
 * `cwd`; a dot file; or a folder on that way, or the file, that .gitignore or `ignores` leave out
 * (`gone/` leaves out `gone/x.md`). The check of the whole journal leaves such a file out, so
 * naming it alone must not check it either.
 */
function whyLeftOut(absolute: string, cwd: string, optionsFor: (root: string) => Partial<EngineOptions>, ignoreFor?: (root: string) => IgnoreSpec | undefined): string | undefined {
  const base = journalBase(path.dirname(absolute)) ?? cwd;
  const below = path.relative(base, absolute);
  if (below.startsWith('..') || path.isAbsolute(below)) return undefined;
  const parts = below.split(path.sep);
  const exclude = { ...DEFAULT_OPTIONS, ...optionsFor(base) }.exclude;
  const at = parts.findIndex((part) => isExcludedName(part, exclude));
  if (at >= 0) {
    const name = parts[at]!;
    if (at === parts.length - 1) return name.startsWith('.') ? 'its name starts with a dot' : `\`${name}\` is an excluded name`;
    return name.startsWith('.') ? `it is in the dot folder \`${name}\`` : `it is in the excluded folder \`${name}\``;
  }
  const ignore = ignoreFor?.(base);
  return ignore !== undefined && ignoredOnTheWay(base, below, new Ignorer(ignore)) ? IGNORED : undefined;
}

const IGNORED = ".gitignore or the config's `ignores` leave it out";
/** When the reason cannot be told apart: the file was not among those a walk of its relationship read. */
const GENERIC_LEFT_OUT = "a dot file or folder, an excluded folder, or what .gitignore or the config's `ignores` leave out";

/** The usage error for a --stdin-filename the check leaves out. */
const leftOutOfCheck = (name: string, why: string) => `--stdin-filename ${name} names a file the check leaves out (${why}), so the text would not be checked: name the file it belongs to`;

/**
 * Checks each root part by part (a relationship at a time, see partition.ts), so that memory
 * stays bounded by the largest relationship and the parts can be spread over threads, and
 * collects the problems of the files in scope, with paths relative to `cwd`.
 */
export async function check(paths: readonly string[], cwd: string, optionsFor: (root: string) => Partial<EngineOptions>, run: RunOptions = { jobs: 1 }): Promise<CheckResult> {
  const leftOut: Array<{ file: string; why: string }> = [];
  // A file named outside every relationship is checked from its own folder, whose walk cannot see
  // the dot folder, the excluded folder or the ignored one above it: it is left out here, as the
  // check of the whole journal leaves it out. (Files in a relationship are walked from it.)
  const kept = paths.filter((given) => {
    const absolute = path.resolve(cwd, given);
    if (absolute === run.overlay?.absolute || !isMarkdownPath(absolute) || relationshipFolder(path.dirname(absolute))) return true;
    const why = statSync(absolute, { throwIfNoEntry: false })?.isFile() ? whyLeftOut(absolute, cwd, optionsFor, run.ignoreFor) : undefined;
    if (!why) return true;
    leftOut.push({ file: displayPath(cwd, absolute), why });
    return false;
  });
  const targets = await resolveTargets(kept, cwd, run.overlay?.absolute);
  // Paths are remembered only when several targets may overlap: to count and report each file once.
  const reported = targets.length > 1 ? new Set<string>() : undefined;
  let files = 0;
  const problems: Reported[] = [];
  for (const target of targets) {
    // The Markdown files named as such: each is either read or said to be left out.
    // (A folder named like a Markdown file, `2026-11-21.md/`, is a folder: its files are reported, not it.)
    const named = [...target.scopes].filter((scope) => scope !== '' && isMarkdownPath(scope) && !statSync(path.join(target.root, scope), { throwIfNoEntry: false })?.isDirectory());
    const read = new Set<string>();
    const ignore = run.ignoreFor?.(target.root);
    const names = new FolderNames();
    const fs = new NodeFileSystem(target.root, ignore && new Ignorer(ignore, names), run.overlay, undefined, names);
    const options = { ...DEFAULT_OPTIONS, ...optionsFor(target.root) };
    const parts = await partition(fs, options.exclude);
    await checkParts(target.root, parts, options, run.jobs, run.entry, (result) => {
      if (named.length) for (const relative of result.paths) read.add(relative);
      const byPath = new Map(result.problems);
      if (!reported) {
        // One target: every file counts once, and only those with problems need a path for output.
        // The count is of the files checked, not of those read around them for the rules across files.
        files += target.scopes.has('') ? result.paths.length : result.paths.filter((relative) => inScope(target, relative)).length;
        for (const [relative, found] of byPath) {
          if (!inScope(target, relative) && !coversScope(target, relative)) continue;
          const file = displayPath(cwd, fs.resolve(relative));
          for (const problem of found) problems.push({ file, problem });
        }
        return;
      }
      const listed = new Set(result.paths);
      const covering = [...byPath.keys()].filter((relative) => !listed.has(relative) && coversScope(target, relative));
      for (const relative of [...result.paths, ...covering]) {
        if (!inScope(target, relative) && !coversScope(target, relative)) continue;
        const absolute = fs.resolve(relative);
        if (reported?.has(absolute)) continue;
        files++;
        reported?.add(absolute);
        const file = displayPath(cwd, absolute);
        for (const problem of byPath.get(relative) ?? []) problems.push({ file, problem });
      }
    }, ignore, run.overlay, run.today, run.nestedFor?.(target.root));
    for (const scope of named) {
      if (read.has(scope) || run.overlay) continue;
      const absolute = fs.resolve(scope);
      leftOut.push({ file: displayPath(cwd, absolute), why: whyLeftOut(absolute, cwd, optionsFor, run.ignoreFor) ?? GENERIC_LEFT_OUT });
    }
  }
  return { files, problems: problems.sort(compareReported), ...(leftOut.length ? { leftOut } : {}) };
}

/** The report replaces an earlier report, never a journal file or anything else (outputFile.ts). */
const REPORT: OutputKind = { option: '--output-file', what: 'the report', example: 'journal-report.txt', earlier: 'an earlier report', isEarlier: isCheckReport };
