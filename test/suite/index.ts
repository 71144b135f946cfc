/**
 * Runs the extension-host suites (every `*.test.js` next to this file in `out/suite/`) with
 * mocha, inside a running VS Code. Used by both runners:
 *
 * - `@vscode/test-electron` (scripts/vscode-test/run-electron.mjs) loads this module as
 *   `extensionTestsPath` and calls `run()`; a rejected promise fails the run.
 * - The offline runner (scripts/vscode-test/run-code-server.mjs) installs the bootstrap
 *   extension (test/bootstrap-extension/), which calls `runSuites()` when it activates.
 *
 * Results stream as JSON lines to the file named by `MJ_TEST_EVENTS` (or `options.eventsFile`),
 * one object per line: `{event:"start"}`, `{event:"suite"|"begin"|"pass"|"fail"|"pending", ...}` and finally
 * `{event:"end", total, passed, failed, pending, durationMs}`. The runners read that file.
 *
 * Suites use mocha's BDD interface (`describe`/`it`/`before`/...), and `node:assert`.
 *
 * Mocha is bundled into this file by scripts/vscode-test/build-tests.mjs, so it works in any
 * extension host's Node version, wherever `out/` is.
 */
import Mocha from 'mocha';
import * as fs from 'node:fs';
import { findSourceMap } from 'node:module';
import * as path from 'node:path';

export interface TestRecord {
  title: string;
  fullTitle: string;
  file?: string;
  durationMs?: number;
}

export interface FailureRecord extends TestRecord {
  message: string;
  stack?: string;
  expected?: string;
  actual?: string;
}

export interface SuiteResults {
  total: number;
  passed: number;
  failed: number;
  pending: number;
  durationMs: number;
  passes: TestRecord[];
  failures: FailureRecord[];
  pendings: TestRecord[];
}

export interface RunOptions {
  /** JSON-lines file the events are appended to; default `process.env.MJ_TEST_EVENTS`. */
  eventsFile?: string;
  /** Only run tests whose full title matches; default `process.env.MJ_TEST_GREP`. */
  grep?: string;
  /** Per-test time-out in ms; default `process.env.MJ_TEST_TIMEOUT` or 20000. */
  timeout?: number;
  /** mocha reporter printing to the extension host's stdout; default `spec`. */
  reporter?: string;
}

/** Every `*.test.js` under `dir`, sorted, so the order is stable. */
export function findTestFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...findTestFiles(full));
    else if (entry.isFile() && entry.name.endsWith('.test.js')) files.push(full);
  }
  return files.sort();
}

function inspectValue(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value, null, 2);
  } catch {
    return String(value);
  }
}

/**
 * Maps the stack frames of the bundled suites back to their TypeScript sources and drops the
 * frames of the bundled mocha. Done here rather than by Node: VS Code's extension host installs
 * its own `Error.prepareStackTrace`, which does not apply source maps.
 */
export function mapStack(stack: string | undefined): string | undefined {
  if (!stack) return stack;
  const frame = /^(\s+at (?:.*? \()?)(.+?\.js):(\d+):(\d+)(\)?)$/;
  const lines: string[] = [];
  for (const line of stack.split('\n')) {
    const m = frame.exec(line);
    if (!m) {
      lines.push(line);
      continue;
    }
    const [, head, file, lineNo, column, close] = m as unknown as [string, string, string, string, string, string];
    if (path.resolve(file) === __filename) continue; // mocha's own frames
    const entry = (() => {
      try {
        return findSourceMap(file)?.findEntry(Number(lineNo) - 1, Number(column) - 1);
      } catch {
        return undefined;
      }
    })();
    const origin = entry as { originalSource?: string; originalLine?: number; originalColumn?: number } | undefined;
    if (origin?.originalSource && origin.originalLine !== undefined && origin.originalColumn !== undefined) {
      const source = origin.originalSource.startsWith('file:') ? new URL(origin.originalSource).pathname : origin.originalSource;
      lines.push(`${head}${source}:${origin.originalLine + 1}:${origin.originalColumn + 1}${close}`);
    } else {
      lines.push(line);
    }
  }
  return lines.join('\n');
}

export async function runSuites(options: RunOptions = {}): Promise<SuiteResults> {
  const eventsFile = options.eventsFile ?? process.env.MJ_TEST_EVENTS;
  const grep = options.grep ?? process.env.MJ_TEST_GREP;
  const timeout = options.timeout ?? (Number(process.env.MJ_TEST_TIMEOUT) || 20000);
  // Stacks of the bundled suites point at the TypeScript sources (inline source maps).
  process.setSourceMapsEnabled?.(true);

  const emit = (record: Record<string, unknown>): void => {
    if (!eventsFile) return;
    fs.appendFileSync(eventsFile, JSON.stringify({ ...record, time: Date.now() }) + '\n');
  };

  const mocha = new Mocha({
    ui: 'bdd',
    timeout,
    color: !!process.env.MJ_TEST_COLOR,
    reporter: options.reporter ?? 'spec',
    forbidOnly: !!process.env.CI,
  });
  if (grep) mocha.grep(grep);

  const files = findTestFiles(__dirname);
  for (const file of files) mocha.addFile(file);

  const results: SuiteResults = {
    total: 0, passed: 0, failed: 0, pending: 0, durationMs: 0, passes: [], failures: [], pendings: [],
  };
  const started = Date.now();
  emit({ event: 'start', files: files.map((f) => path.relative(__dirname, f)), grep: grep ?? null });

  const record = (test: Mocha.Runnable): TestRecord => ({
    title: test.title,
    fullTitle: test.fullTitle(),
    file: test.file ? path.relative(__dirname, test.file) : undefined,
    durationMs: test.duration,
  });

  await new Promise<void>((resolve, reject) => {
    let runner: Mocha.Runner;
    try {
      runner = mocha.run(() => resolve());
    } catch (err) {
      // A suite file that throws while loading (syntax error, bad import) fails the whole run.
      const error = err as Error;
      const failure: FailureRecord = {
        title: 'loading the suites', fullTitle: 'loading the suites', message: error.message, stack: mapStack(error.stack),
      };
      results.failures.push(failure);
      results.failed++;
      emit({ event: 'fail', ...failure });
      reject(err);
      return;
    }
    runner.on(Mocha.Runner.constants.EVENT_SUITE_BEGIN, (suite: Mocha.Suite) => {
      if (!suite.root) emit({ event: 'suite', title: suite.title, fullTitle: suite.fullTitle(), depth: suiteDepth(suite) });
    });
    runner.on(Mocha.Runner.constants.EVENT_TEST_BEGIN, (test: Mocha.Test) => {
      emit({ event: 'begin', title: test.title, fullTitle: test.fullTitle() });
    });
    runner.on(Mocha.Runner.constants.EVENT_TEST_PASS, (test: Mocha.Test) => {
      const rec = record(test);
      results.passes.push(rec);
      results.passed++;
      emit({ event: 'pass', ...rec });
    });
    runner.on(Mocha.Runner.constants.EVENT_TEST_FAIL, (test: Mocha.Runnable, err: Error & { expected?: unknown; actual?: unknown }) => {
      const rec: FailureRecord = {
        ...record(test),
        message: err?.message ?? String(err),
        stack: mapStack(err?.stack),
        expected: inspectValue(err?.expected),
        actual: inspectValue(err?.actual),
      };
      results.failures.push(rec);
      results.failed++;
      emit({ event: 'fail', ...rec });
    });
    runner.on(Mocha.Runner.constants.EVENT_TEST_PENDING, (test: Mocha.Test) => {
      const rec = record(test);
      results.pendings.push(rec);
      results.pending++;
      emit({ event: 'pending', ...rec });
    });
  }).catch(() => undefined);

  results.total = results.passed + results.failed + results.pending;
  results.durationMs = Date.now() - started;
  emit({
    event: 'end',
    total: results.total, passed: results.passed, failed: results.failed, pending: results.pending,
    durationMs: results.durationMs,
  });
  return results;
}

function suiteDepth(suite: Mocha.Suite): number {
  let depth = 0;
  for (let s = suite.parent; s && !s.root; s = s.parent) depth++;
  return depth;
}

/** Entry point for `@vscode/test-electron`: rejects when a test failed or none ran. */
export async function run(): Promise<void> {
  const results = await runSuites();
  if (results.failed > 0) throw new Error(`${results.failed} of ${results.total} extension-host test(s) failed`);
  if (results.passed === 0) throw new Error('no extension-host test ran');
}
