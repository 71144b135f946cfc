import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULES, ruleAnchor, type RuleCode } from '../core/rules';
import type { Severity } from '../core/types';
import type { CheckResult } from './format';

/** Inlined by esbuild (scripts/build.mjs): package.json's `homepage`, where docs/rules.md is published; absent when unset. */
declare const MENTORING_JOURNAL_DOCS: string | undefined;

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * Where a rule is documented: docs/rules.md at package.json's `homepage` when the build knows one,
 * else the copy of docs/rules.md the package ships (a file: URI, which is absolute as SARIF requires).
 */
export function ruleHelpUri(code: string, docsFile: string): string {
  const base = typeof MENTORING_JOURNAL_DOCS === 'string' && MENTORING_JOURNAL_DOCS ? MENTORING_JOURNAL_DOCS : pathToFileURL(docsFile).href;
  return `${base}#${ruleAnchor(code)}`;
}

/**
 * The report as SARIF 2.1.0, as GitHub code scanning reads it: every rule with its description,
 * default level and help URI, and each problem as a result located relative to `%SRCROOT%`
 * (the current folder).
 */
export function formatSarif(result: CheckResult, cwd: string, version: string, docsFile: string): string {
  const codes = Object.keys(RULES) as RuleCode[];
  const index = new Map(codes.map((code, i) => [code as string, i]));
  const rules = codes.map((code) => ({
    id: code,
    name: code.replace(/[/-](\w)/g, (_, c: string) => c.toUpperCase()),
    shortDescription: { text: RULES[code].description },
    fullDescription: { text: RULES[code].description },
    helpUri: ruleHelpUri(code, docsFile),
    help: { text: `${RULES[code].description} See docs/rules.md, section ${code}.` },
    defaultConfiguration: { level: LEVEL[RULES[code].severity] },
  }));
  const results = result.problems.map(({ file, problem: p }) => {
    const relative = !file.startsWith('../') && !path.isAbsolute(file);
    const artifactLocation = relative
      ? { uri: file.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' }
      : { uri: pathToFileURL(path.resolve(cwd, file)).href };
    const ruleIndex = index.get(p.code);
    return {
      ruleId: p.code,
      ...(ruleIndex !== undefined ? { ruleIndex } : {}),
      level: LEVEL[p.severity],
      message: { text: p.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation,
            region: { startLine: p.range.start.line, startColumn: p.range.start.column, endLine: p.range.end.line, endColumn: p.range.end.column },
          },
        },
      ],
    };
  });
  const sarif = {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: { driver: { name: 'mentoring-journal', version, informationUri: ruleHelpUri('', docsFile).replace(/#$/, ''), rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd.endsWith(path.sep) ? cwd : cwd + path.sep).href } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
