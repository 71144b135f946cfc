import type { Problem, Severity } from '../core/types';

/** A problem with its file as the user named it: relative to the current folder, `/`-separated. */
export interface Reported {
  file: string;
  problem: Problem;
}

export const CHECK_FORMATS = ['text', 'json', 'github', 'sarif'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

export interface CheckResult {
  /** Markdown files read. */
  files: number;
  problems: Reported[];
  /** Markdown files named on the command line that the check leaves out (.gitignore, `ignores`, a dot folder), and why: said, not passed in silence. */
  leftOut?: Array<{ file: string; why: string }>;
}

/** Orders by file, then position, then rule code, so that output is stable across runs. */
export function compareReported(a: Reported, b: Reported): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  const p = a.problem.range.start;
  const q = b.problem.range.start;
  return p.line - q.line || p.column - q.column || (a.problem.code < b.problem.code ? -1 : a.problem.code > b.problem.code ? 1 : 0);
}

/** `file:line:col severity code message`, one problem a line, as other linters print them. */
export function formatText(result: CheckResult): string {
  return result.problems
    .map(({ file, problem: p }) => `${printablePath(file)}:${p.range.start.line}:${p.range.start.column} ${p.severity} ${p.code} ${oneLine(p.message)}\n`)
    .join('');
}

export function formatJson(result: CheckResult): string {
  const problems = result.problems.map(({ file, problem: p }) => ({
    file,
    line: p.range.start.line,
    column: p.range.start.column,
    endLine: p.range.end.line,
    endColumn: p.range.end.column,
    severity: p.severity,
    code: p.code,
    message: p.message,
  }));
  return `${JSON.stringify({ files: result.files, problems }, null, 2)}\n`;
}

const GITHUB_COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** GitHub Actions workflow commands: each problem becomes an annotation on the pull request. */
export function formatGithub(result: CheckResult): string {
  return result.problems
    .map(({ file, problem: p }) => {
      const properties = [
        `file=${escapeProperty(file)}`,
        `line=${p.range.start.line}`,
        `col=${p.range.start.column}`,
        `endLine=${p.range.end.line}`,
        `endColumn=${p.range.end.column}`,
        `title=${escapeProperty(p.code)}`,
      ].join(',');
      return `::${GITHUB_COMMAND[p.severity]} ${properties}::${escapeData(p.message)}\n`;
    })
    .join('');
}

/** The message part of a workflow command: `%`, CR and LF are encoded. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value of a workflow command: as data, plus `:` and `,` which delimit properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * Whether a file's first bytes are a report `check` wrote, in any format (so that `-o` replaces it):
 * text lines, the JSON object, workflow commands, or SARIF naming this tool.
 */
export function isCheckReport(head: string): boolean {
  const text = head.replace(/^\uFEFF/, '');
  return (
    /^\{\s*"files": \d+,\s*"problems": \[/.test(text) ||
    (/^\{\s*"version": "2\.1\.0",\s*"\$schema": "[^"]*sarif/.test(text) && text.includes('"name": "mentoring-journal"')) ||
    /^::(?:error|warning|notice) file=/.test(text) ||
    /^[^\n]*:\d+:\d+ (?:error|warning|info) [a-z]+\/[a-z-]+ /.test(text)
  );
}

export function formatCheck(result: CheckResult, format: CheckFormat): string {
  switch (format) {
    case 'json':
      return formatJson(result);
    case 'github':
      return formatGithub(result);
    default:
      return formatText(result);
  }
}

/** `2 errors, 1 warning and 3 infos in 12 files`, for the end of a text report. */
/** `2 errors, 1 warning and 0 infos in 14 files`; with `quiet` (--quiet), the warnings and infos are counted and said to be hidden. */
export function summary(result: CheckResult, quiet = false): string {
  const count = (severity: Severity) => result.problems.filter((r) => r.problem.severity === severity).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const hidden = quiet && count('warning') + count('info') > 0 ? ' (not shown: --quiet)' : '';
  return `${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')} and ${plural(count('info'), 'info')}${hidden} in ${plural(result.files, 'file')}`;
}

/**
 * A path on one line of text output: a line break, tab or other control character in a file's
 * name is written as an escape (`\\n`, `\\t`, `\\x1b`), so that a name cannot split a problem's
 * line or reach the terminal as a control sequence.
 */
export function printablePath(file: string): string {
  const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
  // eslint-disable-next-line no-control-regex -- control characters are what this escapes
  return file.replace(/[\u0000-\u001f\u007f]/g, (c) => named[c] ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}
