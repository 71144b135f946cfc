import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES, ruleAnchor } from '../../../src/core';

const doc = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'rules.md'), 'utf8');

/** The rule sections of docs/rules.md: `### code` headings and the text up to the next heading. */
function sections(): Map<string, string> {
  const out = new Map<string, string>();
  const parts = doc.split(/^(?=#{2,3} )/m);
  for (const part of parts) {
    const m = /^### (.+)\n/.exec(part);
    if (m) out.set(m[1]!.trim(), part);
  }
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
