import * as path from 'node:path';
import { DEFAULT_OPTIONS, type EngineOptions } from '../core/types';
import { flag, listOption, parseCommand, stringOption, UsageError, type OptionSpecs } from './args';
import { findConfig, loadConfig, parseRuleOptions } from './config';
import { CHECK_FORMATS, compareReported, formatCheck, summary, type CheckFormat, type CheckResult, type Reported } from './format';
import { CHECK_HELP } from './help';
import type { Io } from './io';
import { NodeFileSystem } from './nodeFileSystem';
import { checkParts, defaultJobs } from './parallel';
import { partition } from './partition';
import { displayPath, inScope, resolveTargets } from './targets';

export const CHECK_OPTIONS: OptionSpecs = {
  format: { kind: 'string', values: CHECK_FORMATS, short: 'f' },
  'max-warnings': { kind: 'string' },
  'no-unknown-keys': { kind: 'boolean' },
  rule: { kind: 'string', repeatable: true },
  config: { kind: 'string' },
  jobs: { kind: 'string', short: 'j' },
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
  if (maxText !== undefined && !/^\d+$/.test(maxText)) throw new UsageError(`--max-warnings takes a whole number of warnings, not '${maxText}'`, 'check');
  const maxWarnings = maxText === undefined ? undefined : Number(maxText);
  const cli = commandLineOptions(flag(args, 'no-unknown-keys'), listOption(args, 'rule'));
  const configOption = stringOption(args, 'config');
  const configFile = configOption === undefined ? undefined : path.resolve(io.cwd, configOption);
  const jobsText = stringOption(args, 'jobs');
  if (jobsText !== undefined && !/^[1-9]\d*$/.test(jobsText)) throw new UsageError(`--jobs takes a number of threads (1 or more), not '${jobsText}'`, 'check');
  const run: RunOptions = { jobs: jobsText === undefined ? defaultJobs() : Number(jobsText), entry: io.entry };
  const result = await check(args.positionals.length ? args.positionals : ['.'], io.cwd, (root) => optionsFor(root, configFile, cli), run);

  io.out(formatCheck(result, format));
  const warnings = result.problems.filter((r) => r.problem.severity === 'warning').length;
  const errors = result.problems.filter((r) => r.problem.severity === 'error').length;
  if (format === 'text' && result.problems.length) io.err(`${summary(result)}\n`);
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    io.err(`mentoring-journal: ${warnings} warnings, more than --max-warnings ${maxWarnings}\n`);
    return 1;
  }
  return errors > 0 ? 1 : 0;
}

/** How to run a check: on how many threads, and the script that starts a worker thread. */
export interface RunOptions {
  jobs: number;
  entry?: string;
}

/**
 * Checks each root part by part (a relationship at a time, see partition.ts), so that memory
 * stays bounded by the largest relationship and the parts can be spread over threads, and
 * collects the problems of the files in scope, with paths relative to `cwd`.
 */
export async function check(paths: readonly string[], cwd: string, optionsFor: (root: string) => Partial<EngineOptions>, run: RunOptions = { jobs: 1 }): Promise<CheckResult> {
  const targets = await resolveTargets(paths, cwd);
  // Paths are remembered only when several targets may overlap: to count each file read once, and report it once.
  const read = targets.length > 1 ? new Set<string>() : undefined;
  const reported = targets.length > 1 ? new Set<string>() : undefined;
  let files = 0;
  const problems: Reported[] = [];
  for (const target of targets) {
    const fs = new NodeFileSystem(target.root);
    const options = { ...DEFAULT_OPTIONS, ...optionsFor(target.root) };
    const parts = await partition(fs, options.exclude);
    await checkParts(target.root, parts, options, run.jobs, run.entry, (result) => {
      const byPath = new Map(result.problems);
      for (const relative of result.paths) {
        const absolute = fs.resolve(relative);
        if (!read?.has(absolute)) files++;
        read?.add(absolute);
        if (!inScope(target, relative) || reported?.has(absolute)) continue;
        reported?.add(absolute);
        const file = displayPath(cwd, absolute);
        for (const problem of byPath.get(relative) ?? []) problems.push({ file, problem });
      }
    });
  }
  return { files, problems: problems.sort(compareReported) };
}
