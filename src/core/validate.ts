import type { z } from 'zod';
import type { FieldSpecs, FieldValues } from './fields';
import type { YamlLocator, YamlPath } from './yamlLocator';
import { isRuleCode, problem, type RuleCode } from './rules';
import { dateOfDigits, isDateShaped, isRealDate } from './dates';
import { editDistance, isSlip, nearest } from './suggest';
import { clip, codePoint, spaceName } from './words';
import { STAGES, type Problem, type ProblemData, type Range } from './types';

/** Collects problems of one file while its front matter is validated. */
export class Reporter {
  readonly problems: Problem[] = [];

  constructor(readonly file: string) {}

  report(range: Range, code: RuleCode, message: string, data?: ProblemData): void {
    this.problems.push(problem(this.file, range, code, message, data));
  }
}

export interface ValidationContext {
  locator: YamlLocator;
  reporter: Reporter;
  unknownKeys: boolean;
  /** When the YAML itself is broken, values are still read but schema problems are not reported. */
  quiet: boolean;
}

export type Raw = Record<string, unknown>;

export function isRecord(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const INHERITED = new Set(Object.getOwnPropertyNames(Object.prototype));

/** Whether a plain object inherits a property of this name (`__proto__`, `constructor`, `toString`, ...). */
export function isInheritedName(name: string): boolean {
  return INHERITED.has(name);
}

export function pathText(path: YamlPath): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** The entries of a map whose values pass a record schema's value type, or undefined when it is no record schema, no map, or none pass. */
function validEntries(value: unknown, schema: z.ZodType): Record<string, unknown> | undefined {
  const valueType = schema.def.type === 'record' ? ((schema as z.ZodRecord).valueType as z.ZodType) : undefined;
  if (!valueType || value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const kept: Array<[string, unknown]> = [];
  for (const [k, v] of Object.entries(value)) {
    const result = valueType.safeParse(v);
    if (result.success) kept.push([k, result.data]);
  }
  // fromEntries defines each key as an own property, `__proto__` too.
  return kept.length ? Object.fromEntries(kept) : undefined;
}

/** Each spec table's keys and specs, listed once: `validateFields` runs for every file. */
const SPEC_ENTRIES = new WeakMap<FieldSpecs, ReadonlyArray<{ key: string; spec: FieldSpecs[string] }>>();

function specEntries(specs: FieldSpecs): ReadonlyArray<{ key: string; spec: FieldSpecs[string] }> {
  let entries = SPEC_ENTRIES.get(specs);
  if (!entries) SPEC_ENTRIES.set(specs, (entries = Object.entries(specs).map(([key, spec]) => ({ key, spec }))));
  return entries;
}

/**
 * The message of an unknown key: the nearest known key, else the known keys. `<<` is YAML 1.1's
 * merge key, which YAML 1.2 (what the journal is read as) does not have: nothing is merged.
 */
function unknownKeyMessage(path: YamlPath, suggestion: string | undefined, known: readonly string[] = []): string {
  const name = `\`${pathText(path)}\``;
  if (path[path.length - 1] === '<<') {
    const parent = path.length > 1 ? `\`${pathText(path.slice(0, -1))}\`` : 'the front matter';
    return `Unknown key ${name}: a YAML merge key (\`<<: *anchor\`) is not part of the YAML the journal is read as (1.2), so ${parent} gets no keys from it: write the keys out.`;
  }
  // `\u00a0\u00a0write-rfc: 40`: a space YAML does not take as one (typed with Option+Space, pasted from a page) starts the key.
  const odd = /^[\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff]/.exec(String(path[path.length - 1]))?.[0];
  if (odd) return `Unknown key ${name}: it starts with ${spaceName(odd)} (${codePoint(odd)}), which YAML reads as part of the key, not as indentation: write ordinary spaces instead.`;
  // `{mentor 4, mentee: 3}`: in a flow map a key without its colon is a key of its own, with no value.
  const glued = /^([A-Za-z_][\w-]*)[ \t]+([^\s:#].*)$/.exec(String(path[path.length - 1]));
  if (glued && known.includes(glued[1]!)) return `Unknown key ${name}: \`${glued[0]}\` has no \`:\` after the key \`${glued[1]}\`, so YAML reads it as a key without a value: write \`${glued[1]}: ${glued[2]}\`.`;
  return `Unknown key ${name}${suggestion ? `: did you mean \`${suggestion}\`?` : known.length ? `: expected one of ${known.join(', ')}.` : '.'}`;
}

/**
 * What to say of an unknown key, and the key to offer renaming it to. None is offered where its
 * nearest known key is written already (`goal:` beside `goals:`: renaming would write it twice),
 * or where other unknown keys of the map look like the same key (`statsu: proposed`, `staus:
 * active`: which value stands is the writer's choice, and the quick fix and --fix would pick the
 * first).
 */
function unknownKeyAdvice(path: YamlPath, nearestKey: string | undefined, alreadyWritten: boolean, rivals: readonly string[], known: readonly string[] = [], values: readonly unknown[] = []): { message: string; suggestion?: string } {
  // `{mentor：4, …}`: a key and its value joined by a full-width colon, one key to YAML (renamed, the value would be lost).
  const written = String(path[path.length - 1]);
  const colon = written.indexOf('\uff1a');
  if (colon > 0) return { message: `Unknown key \`${pathText(path)}\`: \`：\` is a full-width colon (U+FF1A), which YAML does not read as the \`:\` after a key, so the key and its value are one key: write \`${clip(`${written.slice(0, colon).trim()}: ${written.slice(colon + 1).trim()}`)}\`.` };
  if (nearestKey !== undefined && alreadyWritten) return { message: alsoWrittenMessage(path, nearestKey) };
  if (nearestKey !== undefined && rivals.length) return { message: rivalsMessage(path, rivals, nearestKey, values) };
  return { message: unknownKeyMessage(path, nearestKey, known), ...(nearestKey ? { suggestion: nearestKey } : {}) };
}

/**
 * Unknown keys of one map that all look like the same known key: which value stands is the writer's
 * choice; but lists (`atendees: [Rae Lin]`, `attendes: [Sol Park]`), or maps, are each a part of
 * the one meant, and keeping one would lose the other's items: they are merged. `values` are the
 * keys' values, this key's first, when known.
 */
function rivalsMessage(path: YamlPath, rivals: readonly string[], nearestKey: string, values: readonly unknown[]): string {
  const others = `${rivals.map((r) => `\`${r}\``).join(', ')}`;
  const both = rivals.length > 1 ? 'all' : 'both';
  const rest = rivals.length > 1 ? 'others' : 'other';
  const head = `${unknownKeyMessage(path, undefined)} It and ${others} ${both} look like \`${nearestKey}\``;
  if (values.length === rivals.length + 1 && values.every(Array.isArray)) {
    // Each item once: both lists may name the same person.
    const items = (values as unknown[][]).flat().filter((item, i, all) => all.findIndex((other) => String(other) === String(item)) === i);
    const scalar = items.every((item) => typeof item === 'string' || typeof item === 'number');
    const merged = scalar ? `: \`${clip(`${nearestKey}: [${items.map((item) => (typeof item === 'string' ? flowItem(item) : String(item))).join(', ')}]`, 80)}\`` : '';
    return `${head}, and each holds a part of the list: write one \`${nearestKey}\` with the items of ${both}${merged}, and delete the ${rest}.`;
  }
  if (values.length === rivals.length + 1 && values.every(isRecord)) return `${head}, and each holds a part of the map: write one \`${nearestKey}\` with the entries of ${both}, and delete the ${rest}.`;
  return `${head}: keep the one with the right value, as \`${nearestKey}\`, and delete the other.`;
}

/** An unknown key whose nearest known key is in the same map already: not to be renamed, but merged into it or removed. */
function alsoWrittenMessage(path: YamlPath, written: string): string {
  const where = path.length > 1 ? `\`${pathText(path.slice(0, -1))}\`` : 'this front matter';
  return `Unknown key \`${pathText(path)}\`: ${where} already has \`${written}\`, the key it is nearest to; move what it holds into \`${written}\` and delete it.`;
}

/** For a goal id and a number written as one key under `progress:` (`{g1 40}`): what to write. */
function gluedEntryAdvice(key: unknown, written: unknown): string {
  const m = written === null && typeof key === 'string' ? /^([A-Za-z_][\w-]*)[ \t]+(-?\d+(?:\.\d+)?)$/.exec(key) : null;
  return m ? `: \`${m[0]}\` has no \`:\` after the key \`${m[1]}\`, so YAML reads it as a key without a value; write \`${m[1]}: ${m[2]}\`` : '';
}

/**
 * The unknown key that stands in for a required date left out (`when: 2026-11-16` in a session
 * without `date`): the only unknown key, not a misspelling of a known one, whose value is written
 * like a date, where exactly one required date is missing. Undefined when it is not that clear.
 */
function dateStandIn(raw: Raw, specs: FieldSpecs, unknown: ReadonlyArray<{ key: string; nearestKey: string | undefined }>): { key: string; meant: string } | undefined {
  // Most maps have no unknown key: nothing to look at (this runs for every map of every file).
  if (!unknown.some(({ nearestKey }) => nearestKey === undefined)) return undefined;
  const missing = Object.entries(specs).filter(([key, spec]) => spec.required && spec.placeholder === 'YYYY-MM-DD' && (raw[key] === undefined || raw[key] === null));
  if (missing.length !== 1) return undefined;
  const holders = unknown.filter(({ key, nearestKey }) => nearestKey === undefined && writtenLikeDate(raw[key]));
  return holders.length === 1 ? { key: holders[0]!.key, meant: missing[0]![0] } : undefined;
}

/** Why a value would not do under the key an unknown key is renamed to, and what to write. */
function misfitAdvice(target: FieldSpecs[string], value: unknown): string {
  if (target.placeholder === 'YYYY-MM-DD' && typeof value === 'string' && isDateShaped(value.trim()) && !isRealDate(value.trim())) {
    return `It takes a date, and \`${value.trim()}\` is not a day in the calendar: write the day meant.`;
  }
  return `It takes ${target.expects}, which this value is not: write the value that way too.`;
}

function writtenLikeDate(value: unknown): boolean {
  return value instanceof Date || (typeof value === 'string' && /^\d{4}-\d{1,2}-\d{1,2}(?:$|[T ])/.test(value.trim()));
}

/**
 * Validates the map `raw` (found at `base` in the front matter) key by key against `specs`.
 * Returns the parsed values of the keys that are valid; every other key is reported.
 */
export function validateFields<T extends FieldSpecs>(raw: Raw, specs: T, base: YamlPath, ctx: ValidationContext): FieldValues<T> {
  const data: Raw = {};
  const { locator, reporter } = ctx;
  const quietReport: Reporter['report'] = (...args) => {
    if (!ctx.quiet) reporter.report(...args);
  };

  let meant: { key: string; meant: string } | undefined;
  // Misspellings of required keys (`dat:` for `date`): a key so written is not missing, only misspelt.
  let misspelt: ReadonlyMap<string, string> | undefined;
  if (ctx.unknownKeys) {
    // Only an unknown key needs its span: most files have none, and a span per key is garbage.
    const spelt = locator.keysOf(base, (key) => !Object.hasOwn(specs, key)).map((entry) => ({ ...entry, nearestKey: nearest(entry.key, Object.keys(specs)), byValue: false }));
    meant = dateStandIn(raw, specs, spelt);
    // (Most maps have no unknown key: no map made for them, on every map of every file.)
    if (spelt.length) misspelt = new Map(spelt.filter((e) => e.nearestKey !== undefined).map((e) => [e.nearestKey!, e.key]));
    const unknown = spelt.map((entry) => (entry.key === meant?.key ? { ...entry, nearestKey: meant.meant, byValue: true } : entry));
    for (const { key, range, nearestKey, byValue } of unknown) {
      // The key it is nearest to is written too (`goal:` beside `goals:`): renaming would write it twice.
      // (Asked of the text, not of `raw`: a `type` the folder implies is in `raw` without being written.)
      const written = nearestKey !== undefined && !!locator.pair([...base, nearestKey]);
      // Beside the key it holds (`next-steps` beside `next`), a key of the writer's own is no misspelling to merge.
      if (written && !byValue && !isSlip(key, nearestKey)) {
        quietReport(range, 'keys/unknown', unknownKeyMessage([...base, key], undefined), { kind: 'unknown-key', key });
        continue;
      }
      const rivals = nearestKey === undefined || written ? [] : unknown.filter((other) => other.key !== key && other.nearestKey === nearestKey).map((other) => other.key);
      const advice = byValue
        ? { message: `Unknown key \`${pathText([...base, key])}\`: it holds a date, and the required \`${nearestKey}\` is missing; if this is that date, rename \`${key}\` to \`${nearestKey}\`.`, suggestion: nearestKey }
        : unknownKeyAdvice([...base, key], nearestKey, written, rivals, [], unknown.filter((o) => o.key === key || rivals.includes(o.key)).map((o) => raw[o.key]));
      // Renamed, would its value do? (`progres: 40` for `progress`, which takes a map.)
      const target = advice.suggestion !== undefined ? specs[advice.suggestion] : undefined;
      const value = raw[key];
      // `accepts` is a quick yes (a `|` text, with its line breaks, is not one): the schema decides the rest.
      const misfit = target !== undefined && value !== undefined && value !== null && !(target.accepts?.(value) || target.schema.safeParse(value).success);
      // A key of the writer's own that holds a known one (`next-steps: call Dev`), whose value that key does not take, is no misspelling of it.
      const own = misfit && !byValue && advice.suggestion !== undefined && !isSlip(key, advice.suggestion);
      const message = own ? unknownKeyMessage([...base, key], undefined) : misfit ? `${advice.message} ${misfitAdvice(target, value)}` : advice.message;
      const suggestion = own ? undefined : advice.suggestion;
      quietReport(range, 'keys/unknown', message, {
        kind: 'unknown-key',
        key,
        ...(suggestion ? { suggestion } : {}),
        ...(suggestion && byValue ? { byValue } : {}),
        ...(misfit ? { misfit } : {}),
      });
    }
  }

  for (const { key, spec } of specEntries(specs)) {
    let value = raw[key];
    if (isRecord(value) && Object.hasOwn(value, '<<')) {
      // A YAML 1.1 merge key merges nothing here: said once at the `<<`, and left out of the map
      // (not a goal id of a `progress:` map, not a value of the wrong type).
      const merge = [...base, key, '<<'];
      if (ctx.unknownKeys) quietReport(locator.keyRange(merge), 'keys/unknown', unknownKeyMessage(merge, undefined), { kind: 'unknown-key', key: '<<' });
      const rest: Raw = {};
      for (const [k, v] of Object.entries(value)) if (k !== '<<') rest[k] = v;
      value = rest;
    }
    if (value === undefined || value === null) {
      if (spec.required) {
        const path = [...base, key];
        const range = value === null ? locator.keyRange(path) : locator.missingKeyRange(base);
        const standIn = meant?.meant === key ? ` \`${meant.key}\` holds a date: if it is this one, rename it to \`${key}\`.` : '';
        quietReport(range, 'schema/missing-key', `Missing required key \`${pathText(path)}\`: expected ${spec.expects}.${standIn}`, {
          kind: 'missing-key',
          key,
          placeholder: spec.placeholder,
          ...(standIn ? { standIn: meant!.key } : misspelt?.has(key) ? { standIn: misspelt.get(key)! } : {}),
        });
      }
      continue;
    }
    if (spec.accepts?.(value)) {
      data[key] = value;
      continue;
    }
    const result = spec.schema.safeParse(value);
    if (result.success) {
      data[key] = result.data;
      continue;
    }
    const path = [...base, key];
    const seen = new Set<string>();
    for (const issue of result.error.issues.flatMap(matchingBranch)) {
      const problem = missingInside(value, issue, path, spec.schema) ?? describeIssue(issue, path, spec.expects, spec.schema, valueAt(value, issue.path), (at) => locator.sourceOf(at));
      const id = `${problem.code}:${pathText(problem.path)}`;
      if (seen.has(id)) continue;
      seen.add(id);
      const range =
        problem.code === 'keys/unknown'
          ? locator.keyRange(problem.path)
          : problem.code === 'schema/missing-key'
            ? // A key written with no value (`  name:`) is said at the key; one left out at its map's key.
              locator.pair(problem.path) ? locator.keyRange(problem.path) : locator.missingKeyRange(problem.path.slice(0, -1))
            : // A value written empty (`  mentee:` under `signed:`) has no span of its own: its key has.
              typeof problem.path[problem.path.length - 1] === 'string' && locator.pair(problem.path) && locator.lacksValue(problem.path)
              ? locator.keyRange(problem.path)
              : locator.valueRange(problem.path);
      if (problem.code === 'keys/unknown' && !ctx.unknownKeys) continue;
      quietReport(range, problem.code, problem.message, problem.data);
    }
    // A key of its own inside a map (`mentor: {name: Max, phone: 1}`) is reported, and the rest of
    // the map still read: the person is Max, with or without the extra key.
    const known = withoutUnknownKeys(value, result.error.issues, spec.schema);
    if (known !== undefined) {
      data[key] = known;
      continue;
    }
    // A map of goal id to a value (a session's `progress`, a review's `goals`) keeps its valid
    // entries: one value out of range loses only itself, not what was written beside it.
    const kept = validEntries(value, spec.schema);
    if (kept) data[key] = kept;
  }
  // Each value is its key's schema output (set from `safeParse` above): the one place the types meet.
  return data as FieldValues<T>;
}

/** The unknown keys the issues name, with the path of their map, also inside the branches of a union. */
function unknownKeys(issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[] = []): Array<{ path: PropertyKey[]; keys: string[] }> {
  const found: Array<{ path: PropertyKey[]; keys: string[] }> = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') found.push({ path, keys: issue.keys });
    else if (issue.code === 'invalid_union') for (const branch of issue.errors) found.push(...unknownKeys(branch, path));
  }
  return found;
}

/** The value read without the unknown keys the issues name, when that is valid; undefined otherwise. */
function withoutUnknownKeys(value: unknown, issues: readonly z.core.$ZodIssue[], schema: z.ZodType): unknown {
  const unknown = unknownKeys(issues);
  if (!unknown.length || (!isRecord(value) && !Array.isArray(value))) return undefined;
  const copy = structuredClone(value) as Raw | unknown[];
  for (const { path, keys } of unknown) {
    let map: unknown = copy;
    for (const step of path) map = isRecord(map) || Array.isArray(map) ? (map as Record<PropertyKey, unknown>)[step] : undefined;
    if (isRecord(map)) for (const key of keys) delete map[key];
  }
  const again = schema.safeParse(copy);
  return again.success ? again.data : undefined;
}

/** A required key missing inside a nested map (`closure.outcome`): reported on the map's key, as missing keys are. */
/**
 * A union's issue, as the one option the value's kind matches reports it: a person written as a
 * map (`mentee: {handle: cy}`) is told that `mentee.name` is missing, not that it is neither a
 * name nor a map. The issue itself when no option or more than one matches the value's kind.
 */
function matchingBranch(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  // Each unknown key of a map is its own problem, at its own key.
  if (issue.code === 'unrecognized_keys' && issue.keys.length > 1) return issue.keys.map((key) => ({ ...issue, keys: [key] }));
  if (issue.code !== 'invalid_union' || !issue.errors.length) return [issue];
  const matching = issue.errors.filter((branch) => branch.length > 0 && !branch.some((i) => i.path.length === 0 && i.code === 'invalid_type'));
  if (matching.length !== 1) return [issue];
  return matching[0]!.map((i) => ({ ...i, path: [...issue.path, ...i.path] }) as z.core.$ZodIssue).flatMap(matchingBranch);
}

function missingInside(value: unknown, issue: z.core.$ZodIssue, fieldPath: YamlPath, schema: z.ZodType): DescribedIssue | undefined {
  if (issue.path.length === 0 || (issue.code !== 'invalid_type' && issue.code !== 'invalid_value' && issue.code !== 'invalid_union')) return undefined;
  let parent: unknown = value;
  for (const step of issue.path.slice(0, -1)) {
    if (!isRecord(parent) && !Array.isArray(parent)) return undefined;
    parent = Object.hasOwn(parent, step as PropertyKey) ? (parent as Record<PropertyKey, unknown>)[step as PropertyKey] : undefined;
  }
  const key = issue.path[issue.path.length - 1];
  if (!isRecord(parent) || typeof key !== 'string' || Object.hasOwn(parent, key)) return undefined;
  const path = [...fieldPath, ...(issue.path as Array<string | number>)];
  const expected = issue.code === 'invalid_value' ? `one of ${issue.values.map(String).join(', ')}` : issue.code === 'invalid_type' ? describeExpected(issue.expected, schema, issue.path) : 'a value';
  return { code: 'schema/missing-key', path, message: `Missing required key \`${pathText(path)}\`: expected ${expected}.`, data: { kind: 'missing-key', key, placeholder: issue.code === 'invalid_value' ? String(issue.values[0] ?? '') : '' } };
}

interface DescribedIssue {
  code: RuleCode;
  path: YamlPath;
  message: string;
  data?: ProblemData;
}

/** The value at `path` inside `value`, for messages that quote it. */
function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let node = value;
  for (const step of path) {
    if ((!isRecord(node) && !Array.isArray(node)) || !Object.hasOwn(node, step)) return undefined;
    node = (node as Record<PropertyKey, unknown>)[step];
  }
  return node;
}

/** Words people write for a value the format names otherwise. */
const SYNONYMS: Record<string, string> = { done: 'achieved', complete: 'achieved', completed: 'achieved', finished: 'achieved', met: 'achieved', ongoing: 'active', 'in-progress': 'active', started: 'active', open: 'active', 'on-hold': 'paused', cancelled: 'dropped', abandoned: 'dropped', attended: 'held', skipped: 'missed' };

/** The allowed value closest to what was written: a known synonym, else the nearest by spelling. */
export function closestValue(written: string, allowed: readonly string[]): string | undefined {
  const lower = written.trim().toLowerCase();
  const synonym = SYNONYMS[lower];
  if (synonym && allowed.includes(synonym)) return synonym;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of allowed) {
    const d = editDistance(lower, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  if (bestDistance <= Math.max(2, Math.floor(lower.length / 2))) return best;
  // A value written short or long (`periodic` for `periodic-contact`): the one allowed value it starts or ends.
  const prefixed = lower.length >= 3 ? allowed.filter((candidate) => candidate.startsWith(lower) || lower.startsWith(candidate)) : [];
  return prefixed.length === 1 ? prefixed[0] : undefined;
}

function describeIssue(issue: z.core.$ZodIssue, fieldPath: YamlPath, expects: string, schema: z.ZodType, written?: unknown, sourceOf?: (path: YamlPath) => string | undefined): DescribedIssue {
  const path = [...fieldPath, ...(issue.path as Array<string | number>)];
  const name = `\`${pathText(path)}\``;
  const atField = issue.path.length === 0;
  switch (issue.code) {
    case 'unrecognized_keys': {
      const key = issue.keys[0] ?? '';
      const known = knownKeys(schema, issue.path as Array<string | number>);
      // A key glued to its value (`{mentor 4}`) is told to add its colon, not to be renamed (a quick fix would drop the value).
      const nearestKey = /^[A-Za-z_][\w-]*[ \t]+[^\s:#]/.test(key) && known.includes(key.split(/[ \t]/)[0]!) ? undefined : nearest(key, known);
      // As at the top level (`written` is the map the key is in: the value at the issue's path).
      const also = nearestKey !== undefined && isRecord(written) && Object.hasOwn(written, nearestKey);
      const rivals = nearestKey === undefined || also || !isRecord(written) ? [] : Object.keys(written).filter((other) => other !== key && !known.includes(other) && nearest(other, known) === nearestKey);
      const { message, suggestion } = unknownKeyAdvice([...path, key], nearestKey, also, rivals, known, isRecord(written) ? Object.keys(written).filter((k) => k === key || rivals.includes(k)).map((k) => written[k]) : []);
      return {
        code: 'keys/unknown',
        path: [...path, key],
        message,
        data: { kind: 'unknown-key', key, ...(suggestion ? { suggestion } : {}) },
      };
    }
    case 'invalid_value': {
      const allowed = issue.values.map(String);
      const shown = typeof written === 'string' || typeof written === 'number' || typeof written === 'boolean' ? String(written) : undefined;
      const closest = shown === undefined ? undefined : closestValue(shown, allowed);
      // A stage may also be written as its number.
      const listed = allowed.join() === STAGES.join() ? STAGES.map((s, i) => `${s} (or ${i + 1})`).join(', ') : allowed.join(', ');
      return {
        code: 'schema/invalid-enum',
        path,
        message:
          shown === undefined
            ? `${name} must be one of ${listed}.`
            : `${name} is \`${shown}\`, which is not one of ${listed}${closest ? `: did you mean \`${closest}\`?` : '.'}`,
        data: { kind: 'invalid-enum', key: String(path[path.length - 1]), allowed },
      };
    }
    case 'custom': {
      const rule = (issue.params as { rule?: unknown } | undefined)?.rule;
      // The date to write, with its key, as for a date written as a number (`write \`due: 2026-05-29\``).
      const key = path[path.length - 1];
      const message = rule === 'date/format' && typeof key === 'string' ? issue.message.replace(/: write `(\d{4}-\d{2}-\d{2})`$/, `: write \`${key}: $1\``) : issue.message;
      return { code: isRuleCode(rule) ? rule : 'schema/invalid-value', path, message: `${name} ${message}.` };
    }
    case 'invalid_type': {
      const key = path[path.length - 1];
      const isDate = issue.expected === 'string' && isDateSchema(defAt(schema, issue.path as Array<string | number>));
      // A key written with no value inside a map (`mentee:` then `  name:`): it is missing, said at the key.
      if (written === null && !atField && typeof key === 'string' && !gluedEntryAdvice(key, written) && isRequiredAt(schema, issue.path as Array<string | number>)) {
        return { code: 'schema/missing-key', path, message: `Missing required key \`${pathText(path)}\`: expected ${describeExpected(issue.expected, schema, issue.path)}.`, data: { kind: 'missing-key', key, placeholder: '' } };
      }
      // A date written as a number (`due: 20261105`) is a date not written YYYY-MM-DD.
      if (isDate && (typeof written === 'number' || typeof written === 'boolean')) {
        const meant = dateOfDigits(String(written));
        return { code: 'date/format', path, message: `${name} must be a date written YYYY-MM-DD${meant ? `: write \`${typeof key === 'string' ? `${key}: ` : ''}${meant}\`` : ''}.` };
      }
      const advice =
        issue.expected === 'string'
          ? key === 'cadence'
            ? cadenceAdvice(written)
            : colonAdvice(written) || (isDate ? '' : quoteAdvice(key, written, sourceOf?.(path)))
          : issue.expected === 'boolean'
            ? booleanAdvice(key, written)
            : fullWidthAdvice(key, written, issue.expected === 'array') ||
            (issue.expected === 'array' ? dashAdvice(key, sourceOf?.(path)) || bulletAdvice(key, sourceOf?.(path)) || listAdvice(key, written) || goalMapAdvice(key, written) : issue.expected === 'number' ? percentAdvice(key, written) || quotedNumberAdvice(path, written, sourceOf?.(path)) : '') ||
            mapColonAdvice(written, schema, issue.path as Array<string | number>) ||
            gluedEntryAdvice(issue.path[issue.path.length - 1], written);
      return { code: 'schema/invalid-type', path, message: `${name} must be ${atField ? expects : describeExpected(issue.expected, schema, issue.path)}${advice}.` };
    }
    case 'invalid_union':
      return { code: 'schema/invalid-type', path, message: `${name} must be ${atField ? expects : 'a valid value'}.` };
    default:
      return { code: 'schema/invalid-value', path, message: `${name} ${issue.message.replace(/^Invalid input: /, '')}${atField ? ` (expected ${expects})` : ''}.` };
  }
}

/** `key: value` as the advice writes it: `key: value` for a key of a map, the value alone for a list item. */
const asKeyValue = (key: string | number | undefined, value: string) => (typeof key === 'string' ? `${key}: ${value}` : value);

/**
 * A number, true/false or the word `null` where a text goes (`title: 2026`, `title: 2.0`, `goals:
 * [null]`): the quotes that keep it a text, around the value as written (YAML reads `2.0` as 2,
 * `007` as 7), when the source gives it.
 */
function quoteAdvice(key: string | number | undefined, value: unknown, source: string | undefined): string {
  // `null` written as a word (`goals: [null]`, a goal named null): YAML reads it as no value.
  if (value === null) {
    const word = source?.trim();
    return word === 'null' || word === 'Null' || word === 'NULL' ? `: YAML reads \`${word}\` as no value; put it in quotes, \`${asKeyValue(key, JSON.stringify(word))}\`` : '';
  }
  if (typeof value !== 'number' && typeof value !== 'boolean') return '';
  const asWritten = source && !/^["']/.test(source) && !/[\r\n]/.test(source) ? source.trim() : undefined;
  const what = `\`${asWritten ?? String(value)}\``;
  const kind = typeof value === 'number' ? 'a number' : 'true or false';
  return asWritten ? `: YAML reads ${what} as ${kind}; put it in quotes, \`${asKeyValue(key, JSON.stringify(asWritten))}\`` : `: YAML reads it as ${kind}; put the value in quotes`;
}

/**
 * `cadence: 14` or `cadence: {days: 14}`: a number of days is a duration (quoting it would give a
 * text no cadence takes).
 */
function cadenceAdvice(written: unknown): string {
  const days = typeof written === 'number' ? written : isRecord(written) && Object.keys(written).length === 1 && typeof written.days === 'number' ? written.days : undefined;
  return days === undefined ? '' : everyDaysAdvice(days, 'cadence: ');
}

/** `: for every 14 days, write `P14D`` (after `prefix`, `cadence: ` where the key is to be written too); empty for no whole number of days. */
export function everyDaysAdvice(days: number, prefix = ''): string {
  if (!Number.isInteger(days) || days <= 0) return '';
  return `: for ${days === 1 ? 'every day' : `every ${days} days`}, write \`${prefix}P${days}D\``;
}

/**
 * `goals:` then `  -design-doc` and `  -talk`: items written without the space after their `-`,
 * which YAML reads as one text (`-design-doc -talk`), not as a list. What to write: the items as
 * written, each after `- `, or in brackets (never the one text in brackets).
 */
function dashAdvice(key: string | number | undefined, source: string | undefined): string {
  const lines = source?.split(/\r?\n|\r/).map((l) => l.trim()).filter(Boolean) ?? [];
  if (!lines.length || !lines.every((l) => /^-[ \t]*[^\s-]/.test(l)) || !lines.some((l) => /^-[^\s-]/.test(l))) return '';
  const items = lines.map((l) => l.replace(/^-[ \t]*/, ''));
  const first = lines.find((l) => /^-[^\s-]/.test(l))!;
  const listed = items.map(flowItem).join(', ');
  return `: \`${clip(first)}\` is no list item, since YAML needs a space after the \`-\`, so ${lines.length > 1 ? 'the lines are read as one text' : 'it is read as a text'}: write \`- ${clip(first.slice(1))}\`${lines.length > 1 ? ', one item a line,' : ''} or \`${asKeyValue(key, `[${listed}]`)}\``;
}

/** Bullets that are not YAML's `-`: an input method's `－` `ー` `・`, a word processor's `–` `—` `−` `•`. */
const LOOKALIKE_BULLET = /^([\uff0d\u30fc\u30fb\u2013\u2014\u2212\u2022\u2023\u25e6\u2043])[ \t\u3000]+(\S.*)$/u;

/**
 * `attendees:` then `  － 佐藤 花子` and `  － Jürgen Groß`: list items written with a bullet that
 * is not YAML's `-`, which YAML reads as one text over the lines. What to write: the items with
 * `- `, or in brackets (never the one text in brackets).
 */
function bulletAdvice(key: string | number | undefined, source: string | undefined): string {
  const lines = source?.split(/\r?\n|\r/).map((l) => l.trim()).filter(Boolean) ?? [];
  const items = lines.map((l) => LOOKALIKE_BULLET.exec(l));
  if (!items.length || !items.every(Boolean)) return '';
  const [first] = items as RegExpExecArray[];
  const bullet = first![1]!;
  const listed = (items as RegExpExecArray[]).map((m) => m[2]!.trim()).map(flowItem);
  return `: \`${clip(first![0])}\` is no list item, since \`${bullet}\` (${codePoint(bullet)}) is not the \`-\` YAML takes, so ${lines.length > 1 ? 'the lines are read as one text' : 'it is read as a text'}: write \`- ${clip(listed[0]!)}\`${lines.length > 1 ? ', one item a line,' : ''} or \`${asKeyValue(key, `[${listed.join(', ')}]`)}\``;
}

/** Full-width punctuation a CJK input method writes, and the ASCII YAML reads. */
const FULL_WIDTH: Record<string, [string]> = { '：': [':'], '［': ['['], '］': [']'], '｛': ['{'], '｝': ['}'], '，': [','] };

/**
 * A list or map written with full-width punctuation (`goals: ［write-rfc］`, `write-rfc：40` under
 * `progress:`): one text to YAML. What to write: the same in ASCII (never the text in brackets).
 */
function fullWidthAdvice(key: string | number | undefined, value: unknown, list: boolean): string {
  // The keys of FULL_WIDTH (`：［］｛｝，`), as escapes: the bundles stay ASCII (scripts/build.mjs).
  if (typeof value !== 'string' || !/[\uff1a\uff3b\uff3d\uff5b\uff5d\uff0c]/.test(value)) return '';
  const used = [...new Set([...value].filter((c) => Object.hasOwn(FULL_WIDTH, c)))];
  let ascii = value.replace(/[\uff1a\uff3b\uff3d\uff5b\uff5d\uff0c][ \t\u3000]*/g, (m) => `${FULL_WIDTH[m[0]!]![0]}${m[0] === '：' || m[0] === '，' ? ' ' : ''}`).trim();
  if (list && !ascii.startsWith('[')) ascii = `[${ascii}]`;
  const write = used.includes('：') && !/^[[{]/.test(ascii) ? ascii : asKeyValue(key, ascii);
  return `: \`${clip(value)}\` is written with full-width punctuation (\`${used.join(' ')}\`), which YAML does not read as its own: write \`${clip(write, 60)}\``;
}

/**
 * The agreement's goals written as a map of ids to goals (`goals:`, then `  give-talk:` and its keys
 * indented under it): a list of goals, each with its `id`, is what the format takes.
 */
function goalMapAdvice(key: string | number | undefined, value: unknown): string {
  if (key !== 'goals' || !isRecord(value)) return '';
  // One goal's keys under `goals:`, without the `- ` that makes it an item.
  if (typeof value.id === 'string') return `: write the goal as an item of the list, \`- id: ${clip(value.id, 40)}\`, its other keys indented under \`id:\``;
  const [first, goal] = Object.entries(value)[0] ?? [];
  if (first === undefined || !isRecord(goal)) return '';
  return `: write each goal as an item of a list, its id under \`id\`: \`- id: ${clip(first, 40)}\`, then its other keys indented under \`id:\``;
}

/** A text where a list goes (`attendees: Ana Lopes, Bo Li`, `goals: design-doc`): the same in brackets. */
function listAdvice(key: string | number | undefined, value: unknown): string {
  if (typeof value !== 'string' || !value.trim() || /[[\]{}]/.test(value)) return '';
  const items = value.split(',').map((item) => item.trim()).filter(Boolean);
  if (!items.length) return '';
  return `: write it in brackets, \`${asKeyValue(key, `[${items.map(flowItem).join(', ')}]`)}\``;
}

/**
 * A text as an item of a list in brackets (`[Ana, "2026", "@zoe"]`): in quotes when YAML would read
 * it otherwise, as a number, true or false, null, or with a character it keeps for itself.
 */
function flowItem(item: string): string {
  return /^[@`'"&*!|>%?#-]|[:#,[\]{}]/.test(item) || NOT_TEXT.test(item) ? JSON.stringify(item) : item;
}

/** A plain item YAML reads as no text (a number, true or false, null): written in quotes in a list of texts. */
const NOT_TEXT = /^(?:[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?|0x[0-9a-f]+|0o[0-7]+|[-+]?\.inf|\.nan|true|false|null|~)$/i;

/** A percentage where a number goes (`design-doc: 40%`): the number alone. */
function percentAdvice(key: string | number | undefined, value: unknown): string {
  const m = typeof value === 'string' ? /^\s*(-?\d+(?:\.\d+)?)\s*%\s*$/.exec(value) : null;
  return m ? `: write the number without \`%\`, \`${asKeyValue(key, m[1]!)}\`` : '';
}

/** `yes`, `no`, `on`, `off`: true or false in YAML 1.1, texts in YAML 1.2, which the journal is read as. */
function booleanAdvice(key: string | number | undefined, value: unknown): string {
  if (typeof value !== 'string') return '';
  const meant = /^(?:y|yes|on)$/i.test(value.trim()) ? 'true' : /^(?:n|no|off)$/i.test(value.trim()) ? 'false' : undefined;
  return meant ? `: \`${clip(value.trim())}\` is a text in YAML 1.2, which the journal is read as (in YAML 1.1 it meant ${meant}): write \`${asKeyValue(key, meant)}\`` : '';
}

/** The numbers each number the journal holds takes, by its top key: what may be written unquoted. */
const NUMBER_RANGES: Record<string, (n: number) => boolean> = {
  duration: (n) => Number.isSafeInteger(n) && n > 0,
  progress: (n) => n >= 0 && n <= 100,
  goals: (n) => n >= 0 && n <= 100,
  pulse: (n) => Number.isInteger(n) && n >= 1 && n <= 5,
};

/**
 * A number in quotes where a number goes (`design-doc: '40'`, `duration: "45"`): quoted, it is a
 * text. The number to write where it is one the key takes; else only why it is no number.
 */
function quotedNumberAdvice(path: YamlPath, value: unknown, source: string | undefined): string {
  if (typeof value !== 'string' || !/^-?\d+(?:\.\d+)?$/.test(value.trim()) || !source || !/^["']/.test(source.trim())) return '';
  const key = path[path.length - 1];
  const fits = NUMBER_RANGES[String(path[0])]?.(Number(value));
  return `: \`${clip(source.trim())}\` is in quotes, which makes it a text${fits ? `: write \`${asKeyValue(key, value.trim())}\`` : ', not a number'}`;
}

/**
 * For a text written with `: ` in it (`- Sam: late`), which YAML reads as a key and its value:
 * what it was read as, and the quotes that keep it a text. Empty for any other value.
 */
function colonAdvice(written: unknown): string {
  if (!isRecord(written)) return '';
  const entries = Object.entries(written);
  if (entries.length !== 1) return '';
  const [key, value] = entries[0]!;
  if (value !== null && typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return '';
  const text = value === null ? `${key}:` : `${key}: ${String(value)}`;
  return `: \`${text}\` reads as a key and its value because of the \`:\`; put the text in quotes, \`${JSON.stringify(text)}\``;
}

function describeExpected(expected: string, schema?: z.ZodType, path: ReadonlyArray<PropertyKey> = []): string {
  // A date is a text to YAML's reader, but a date to the person writing it.
  if (expected === 'string' && schema && isDateSchema(defAt(schema, path as Array<string | number>))) return 'a date YYYY-MM-DD';
  const words: Record<string, string> = { string: 'a text', number: 'a number', boolean: 'true or false', array: 'a list', object: 'a map', int: 'a whole number' };
  return words[expected] ?? expected;
}

/** Whether the key at the end of `path` is required in its map (not optional, nullable or defaulted). */
function isRequiredAt(schema: z.ZodType, path: ReadonlyArray<string | number>): boolean {
  const parent = defAt(schema, path.slice(0, -1));
  const child = parent?.type === 'object' ? (parent.shape?.[String(path[path.length - 1])] as { def?: { type?: string } } | undefined) : undefined;
  const type = child?.def?.type;
  return type !== undefined && type !== 'optional' && type !== 'nullable' && type !== 'default';
}

/** The definition of the schema at `path` inside `schema`, past optional, nullable, default and pipe. */
function defAt(schema: z.ZodType, path: ReadonlyArray<string | number>): { type?: string; shape?: Record<string, unknown>; checks?: unknown[] } | undefined {
  let node: unknown = schema;
  for (const step of [...path, undefined]) {
    node = unwrap(node);
    const def = (node as { def?: Record<string, unknown> })?.def;
    if (!def) return undefined;
    if (step === undefined) break;
    if (def.type === 'object') node = (def.shape as Record<string, unknown>)[String(step)];
    else if (def.type === 'array') node = def.element;
    else if (def.type === 'record') node = def.valueType;
    else return undefined;
  }
  return (unwrap(node) as { def?: { type?: string; shape?: Record<string, unknown>; checks?: unknown[] } })?.def;
}

/** Whether a schema definition is a journal date's (its checks are marked `date/format`). */
function isDateSchema(def: { checks?: unknown[] } | undefined): boolean {
  return !!def?.checks?.some((c) => (c as { _zod?: { def?: { params?: { rule?: unknown } } } })._zod?.def?.params?.rule === 'date/format');
}

/** The keys a (strict) object schema accepts at `path` inside `schema`, for "did you mean". */
function knownKeys(schema: z.ZodType, path: ReadonlyArray<string | number>): string[] {
  const def = defAt(schema, path);
  return def?.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

/**
 * For a map written with its keys' colons left out (`pulse:` then `  mentor 4`), which YAML reads
 * as one text: what to write. Only where the text starts with a key the map takes (`mentor`), or
 * with a word and a number where any key goes (`progress:` then `  write-rfc 40`). YAML folds
 * the lines under the key into one text (`mentor 4 mentee 3`): each key of the map in it starts
 * the next entry, and each entry is named; under `progress:` a word and a number make one.
 */
function mapColonAdvice(written: unknown, schema: z.ZodType, path: ReadonlyArray<string | number>): string {
  if (typeof written !== 'string') return '';
  const words = written.trim().split(/\s+/);
  const def = defAt(schema, path);
  const keys = def?.type === 'object' ? knownKeys(schema, path) : [];
  const entries: Array<[string, string]> = [];
  if (def?.type === 'record') {
    for (let i = 0; i + 1 < words.length && /^[A-Za-z_][\w-]*$/.test(words[i]!) && /^-?\d+(?:\.\d+)?$/.test(words[i + 1]!); i += 2) entries.push([words[i]!, words[i + 1]!]);
    if (entries.length * 2 !== words.length) entries.splice(1);
  } else {
    for (let i = 0; i < words.length; ) {
      if (!keys.includes(words[i]!)) break;
      let j = i + 1;
      while (j < words.length && !keys.includes(words[j]!)) j++;
      if (j === i + 1) break;
      const value = words.slice(i + 1, j).join(' ');
      if (/:(?:\s|$)/.test(value)) break;
      // A key whose value is a list (`expectations:`'s `mentor`) is told to write one.
      entries.push([words[i]!, defAt(schema, [...path, words[i]!])?.type === 'array' && !/^\[/.test(value) ? `[${value}]` : value]);
      i = j;
    }
  }
  if (!entries.length) return '';
  const [first] = entries as [[string, string]];
  const written1 = words.slice(0, 1 + first[1].replace(/^\[|\]$/g, '').split(/\s+/).length).join(' ');
  const nor = entries.length > 1 ? ', nor have the lines after it' : '';
  return `: \`${written1}\` has no \`:\` after the key \`${first[0]}\`${nor}, so YAML reads what is under it as one text; write ${entries.map(([k, v]) => `\`${k}: ${v}\``).join(', ')}`;
}

function unwrap(node: unknown): unknown {
  let current = node as { def?: Record<string, unknown> } | undefined;
  for (let i = 0; i < 10 && current?.def; i++) {
    const def = current.def;
    if (def.type === 'optional' || def.type === 'nullable' || def.type === 'default') current = def.innerType as typeof current;
    else if (def.type === 'pipe') current = def.out as typeof current;
    else if (def.type === 'union') {
      const object = (def.options as Array<{ def?: { type?: string } }>).find((o) => o.def?.type === 'object');
      if (!object) break;
      current = object as typeof current;
    } else break;
  }
  return current;
}
