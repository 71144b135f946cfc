import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES, ruleAnchor } from '../../../src/core';

const doc = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'rules.md'), 'utf8');

/** The rule sections of docs/rules.md: `### code` headings and the text up to the next heading. */
function sections(): Map<string, string> {
  const out = new Map<string, string>();
  // Headings in fenced code (an example of a session's body) are the example's, not the document's.
  let fenced = false;
  let current: { code: string; lines: string[] } | undefined;
  for (const line of doc.split('\n')) {
    if (/^(```|~~~)/.test(line)) fenced = !fenced;
    if (!fenced && /^#{2,3} /.test(line)) {
      if (current) out.set(current.code, current.lines.join('\n'));
      const m = /^### (.+)$/.exec(line);
      current = m ? { code: m[1]!.trim(), lines: [] } : undefined;
    }
    current?.lines.push(line);
  }
  if (current) out.set(current.code, current.lines.join('\n'));
  return out;
}

/** The anchor GitHub gives a heading: lower case, punctuation other than `-` and `_` dropped, spaces to `-`. */
function githubAnchor(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
    .replace(/ /g, '-');
}

describe('docs/rules.md', () => {
  it('has a section for every rule code, and only for rule codes', () => {
    assert.deepEqual([...sections().keys()].sort(), Object.keys(RULES).sort());
  });

  it('titles each section with its code, so that its anchor is ruleAnchor(code)', () => {
    for (const code of sections().keys()) assert.equal(githubAnchor(code), ruleAnchor(code), code);
    assert.equal(ruleAnchor('goal/unknown-id'), 'goalunknown-id');
    assert.equal(new Set(Object.keys(RULES).map(ruleAnchor)).size, Object.keys(RULES).length, 'anchors are unique');
  });

  it('states the default severity of each rule as the registry has it, with a bad and a fixed example', () => {
    for (const [code, text] of sections()) {
      const severity = (RULES as Record<string, { severity: string }>)[code]!.severity;
      assert.ok(text.includes(`**Default severity:** \`${severity}\``), `${code}: default severity ${severity}`);
      assert.match(text, /\*\*Why it matters:\*\*/, code);
      assert.match(text, /^Bad\b/m, `${code}: a bad example`);
      assert.match(text, /Fixed\b/, `${code}: a fixed example`);
    }
  });

  it('says how to change a severity', () => {
    assert.match(doc, /mentoringJournal\.rules/);
    assert.match(doc, /--rule [a-z/-]+=info/);
    assert.match(doc, /\.mentoring-journal\.json/);
  });
});
