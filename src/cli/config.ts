import { existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import * as z from 'zod';
import { isRuleCode, RULES } from '../core/rules';
import { nearest } from '../core/suggest';
import { DEFAULT_OPTIONS, type EngineOptions, type RuleSeverity } from '../core/types';
import { UsageError } from './args';
import { ioReason } from './io';
import { onDisk } from './folderNames';

export const CONFIG_FILE = '.mentoring-journal.json';
export const RULE_SEVERITIES = ['error', 'warning', 'info', 'off'] as const;

/** The config file: the same names as the extension's settings, without the `mentoringJournal.` prefix. */
export const configSchema = z.strictObject({
  $schema: z.string().optional(),
  rules: z.record(z.string(), z.enum(RULE_SEVERITIES)).optional(),
  unknownKeys: z.boolean().optional(),
  // Folder names, skipped wherever they are: a path or a glob would silently skip nothing (`ignores` takes those).
  exclude: z.array(z.string().regex(/^[^/\\*?[\]{}]+$/)).optional(),
  ignores: z.array(z.string()).optional(),
  maxFileSize: z.number().int().min(1024).optional(),
  graceDays: z.number().int().min(0).optional(),
  staleAfterSessions: z.number().int().min(1).optional(),
});

/**
 * The nearest config file at `folder` or above it. The search stops at the top of the
 * git work tree (a folder holding `.git`), so a stray file in a home folder cannot
 * change how a repository is checked.
 */
export function findConfig(folder: string): string | undefined {
  for (let dir = path.resolve(folder); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, CONFIG_FILE);
    if (existsSync(candidate)) return candidate;
    if (existsSync(path.join(dir, '.git')) || path.dirname(dir) === dir) return undefined;
  }
}

/**
 * `findConfig` for many folders of one walk: each folder is looked at once, and a folder without
 * a config file of its own has its parent's answer (up to the top of the git work tree).
 * `exists(folder, name)` is existsSync's answer; a walk's FolderNames gives it from its listings.
 */
export function configFinder(exists: (folder: string, name: string) => boolean = onDisk): (folder: string) => string | undefined {
  const known = new Map<string, string | undefined>();
  const find = (dir: string): string | undefined => {
    if (known.has(dir)) return known.get(dir);
    const parent = path.dirname(dir);
    const found = exists(dir, CONFIG_FILE) ? path.join(dir, CONFIG_FILE) : exists(dir, '.git') || parent === dir ? undefined : find(parent);
    known.set(dir, found);
    return found;
  };
  return (folder) => find(path.resolve(folder));
}

/**
 * A config file applies to the folder it is in and everything below it, and the nearest one
 * wins: a cohort's `.mentoring-journal.json` applies to its relationships whether the whole
 * journal is checked from the top, the cohort's folder, or one staged file (a pre-commit hook),
 * and `review` reads it the same way. `--config FILE` applies to everything instead.
 *
 * `nestedOptions(root, base, cli)`: the options for a file (root-relative path) whose nearest
 * config is not `base` (the root's own, whose options the caller has): that config's, with the
 * command line's on top; undefined where `base` applies. Found on disk, once per folder
 * (`exists`: as for configFinder).
 */
export function nestedOptions(root: string, base: string | undefined, cli: Partial<EngineOptions>, exists?: (folder: string, name: string) => boolean): (relative: string) => EngineOptions | undefined {
  const byFolder = new Map<string, EngineOptions | undefined>();
  const byFile = new Map<string, EngineOptions>();
  const configOf = configFinder(exists);
  return (relative) => {
    const slash = relative.lastIndexOf('/');
    const folder = slash < 0 ? '' : relative.slice(0, slash);
    if (byFolder.has(folder)) return byFolder.get(folder);
    const found = configOf(folder ? path.join(root, ...folder.split('/')) : root);
    let options: EngineOptions | undefined;
    if (found !== undefined && found !== base) {
      options = byFile.get(found);
      if (!options) {
        const fromFile = loadConfig(found);
        options = { ...DEFAULT_OPTIONS, ...fromFile, ...cli, severities: { ...(fromFile.severities ?? {}), ...(cli.severities ?? {}) } };
        byFile.set(found, options);
      }
    }
    byFolder.set(folder, options);
    return options;
  };
}

/** The `ignores` globs of a config file (relative to its folder). */
export function loadIgnores(file: string): string[] {
  return readConfig(file).ignores ?? [];
}

/** Reads a config file into engine options. A bad file is a usage error: guessing would hide mistakes. */
export function loadConfig(file: string): Partial<EngineOptions> {
  const config = readConfig(file);
  const options: Partial<EngineOptions> = {};
  if (config.rules) options.severities = config.rules;
  if (config.unknownKeys !== undefined) options.unknownKeys = config.unknownKeys;
  if (config.exclude) options.exclude = config.exclude;
  if (config.maxFileSize !== undefined) options.maxFileBytes = config.maxFileSize;
  if (config.graceDays !== undefined) options.graceDays = config.graceDays;
  if (config.staleAfterSessions !== undefined) options.staleAfterSessions = config.staleAfterSessions;
  return options;
}

/** What each key of the config file takes, in the words of a message. */
const EXPECTED: Record<keyof typeof configSchema.shape, string> = {
  $schema: 'a string (the address of the JSON schema)',
  rules: `a map of rule codes to ${RULE_SEVERITIES.join(', ')}`,
  unknownKeys: 'true or false',
  exclude: 'a list of folder names, each in quotes (`archive`), skipped wherever they are; not paths or glob patterns, which `ignores` takes',
  ignores: 'a list of glob patterns, each in quotes',
  maxFileSize: 'a whole number of bytes, 1024 or more',
  graceDays: 'a whole number of days, 0 or more',
  staleAfterSessions: 'a whole number of sessions, 1 or more',
};

function readConfig(file: string): z.output<typeof configSchema> {
  let text: string;
  let isFile: boolean;
  try {
    isFile = statSync(file).isFile();
    // Only a file is read: a device (`/dev/zero`) or a pipe could be read for ever.
    text = isFile ? readFileSync(file, 'utf8') : '';
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${ioReason(error)}`);
  }
  if (!isFile) throw new UsageError(`${file} is not a file: a config file is a JSON file, like .mentoring-journal.json`);
  let raw: unknown;
  try {
    // A byte order mark (which some Windows editors write) is not part of the JSON.
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new UsageError(`${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new UsageError(`${file}: the file must hold one JSON object, like {"graceDays": 3}`);
  // The codes first, as JSON wrote them: a map would not keep a `__proto__` key as one.
  const rules = (raw as Record<string, unknown>).rules;
  if (typeof rules === 'object' && rules !== null && !Array.isArray(rules)) checkRuleCodes(Object.keys(rules), file);
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    if (issue.code === 'unrecognized_keys') {
      const key = issue.keys[0] ?? '';
      const suggestion = nearest(key, Object.keys(configSchema.shape));
      throw new UsageError(`${file}: unknown key \`${key}\`${suggestion ? `: did you mean \`${suggestion}\`?` : `; the keys are ${Object.keys(configSchema.shape).join(', ')}`}`);
    }
    const key = String(issue.path[0] ?? '') as keyof typeof EXPECTED;
    const value = (raw as Record<string, unknown>)[key];
    // (A number JSON cannot hold, `1e400`, is Infinity, which JSON.stringify would call null.)
    throw new UsageError(`${file}: \`${key}\` must be ${EXPECTED[key]}, not ${typeof value === 'number' ? String(value) : JSON.stringify(value)}`);
  }
  return parsed.data;
}

/** `CODE=severity` from `--rule`, checked against the known rule codes. */
export function parseRuleOptions(values: readonly string[]): Record<string, RuleSeverity> {
  const out: Record<string, RuleSeverity> = {};
  for (const value of values) {
    const eq = value.lastIndexOf('=');
    const code = value.slice(0, eq);
    const severity = value.slice(eq + 1);
    if (eq <= 0 || !(RULE_SEVERITIES as readonly string[]).includes(severity)) {
      throw new UsageError(`--rule takes CODE=${RULE_SEVERITIES.join('|')}, like --rule keys/unknown=off; got '${value}'`, 'check');
    }
    // Checked before it is set: `out['__proto__'] = ...` would set no key at all.
    checkRuleCodes([code], '--rule');
    out[code] = severity as RuleSeverity;
  }
  return out;
}

/** A usage error for the first code that is no rule's (`__proto__` included). */
function checkRuleCodes(codes: readonly string[], where: string): void {
  const known = Object.keys(RULES);
  for (const code of codes) {
    if (isRuleCode(code)) continue;
    const suggestion = nearest(code, known);
    throw new UsageError(`${where}: unknown rule ${code}${suggestion ? ` (did you mean ${suggestion}?)` : ''}`, 'check');
  }
}
