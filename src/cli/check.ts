import * as path from 'node:path';
import { JournalIndex } from '../core/journalIndex';
import type { EngineOptions } from '../core/types';
import { flag, listOption, parseArgs, stringOption, UsageError, type OptionSpecs } from './args';
import { findConfig, loadConfig, parseRuleOptions } from './config';
import { CHECK_FORMATS, compareReported, formatCheck, summary, type CheckFormat, type CheckResult, type Reported } from './format';
import { CHECK_HELP } from './help';
import type { Io } from './io';
import { NodeFileSystem } from './nodeFileSystem';
import { displayPath, inScope, resolveTargets } from './targets';

export const CHECK_OPTIONS: OptionSpecs = {
  format: { kind: 'string', values: CHECK_FORMATS, short: 'f' },
  'max-warnings': { kind: 'string' },
  'no-unknown-keys': { kind: 'boolean' },
  rule: { kind: 'string', repeatable: true },
  config: { kind: 'string' },
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
  const args = parseArgs(argv, CHECK_OPTIONS, 'check');
  if (flag(args, 'help')) {
    io.out(CHECK_HELP);
    return 0;
  }
  const format = (stringOption(args, 'format') ?? 'text') as CheckFormat;
  const maxText = stringOption(args, 'max-warnings');
  if (maxText !== undefined && !/^\d+$/.test(maxText)) throw new UsageError(`--max-warnings takes a whole number of warnings, not '${maxText}'`, 'check');
  const maxWarnings = maxText === undefined ? undefined : Number(maxText);
  const cli = commandLineOptions(flag(args, 'no-unknown-keys'), listOption(args, 'rule'));
  const configOption = stringOption(args, 'config');
  const configFile = configOption === undefined ? undefined : path.resolve(io.cwd, configOption);
  const result = await check(args.positionals.length ? args.positionals : ['.'], io.cwd, (root) => optionsFor(root, configFile, cli));

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

/** Indexes each root once and collects the problems of the files in scope, relative to `cwd`. */
export async function check(paths: readonly string[], cwd: string, optionsFor: (root: string) => Partial<EngineOptions>): Promise<CheckResult> {
  const targets = await resolveTargets(paths, cwd);
  const read = new Set<string>();
  const seen = new Set<string>();
  const problems: Reported[] = [];
  for (const target of targets) {
    const fs = new NodeFileSystem(target.root);
    const index = new JournalIndex(fs, optionsFor(target.root));
    await index.build();
    for (const relative of index.paths()) {
      const absolute = fs.resolve(relative);
      read.add(absolute);
      if (!inScope(target, relative) || seen.has(absolute)) continue;
      seen.add(absolute);
      const file = displayPath(cwd, absolute);
      for (const problem of index.problems(relative)) problems.push({ file, problem });
    }
  }
  return { files: read.size, problems: problems.sort(compareReported) };
}
