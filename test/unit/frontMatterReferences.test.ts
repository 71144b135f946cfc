// A session's front-matter goal references make their spans when first asked for. Those spans
// must be what the locator gives each path (`textItemsOf`, `keysOf`, `valueRange`), in every
// YAML form docs/format.md allows, through both the fast YAML path and the yaml package.
import assert from 'node:assert/strict';
import { parseMarkdown } from '../../src/core/frontmatter';
import { frontMatterReferences, parseJournalFile } from '../../src/core/parseFile';
import type { GoalReference, Range } from '../../src/core/types';
import { YamlLocator } from '../../src/core/yamlLocator';

/** The references as the locator finds them path by path (how they were made before). */
function expected(text: string): GoalReference[] {
  const parsed = parseMarkdown('p/sessions/2026-02-02.md', text);
  const yaml = parsed.yaml!;
  const locator = new YamlLocator(yaml.doc, yaml.offset, parsed.lines, yaml.head);
  const refs = (key: string, via: 'goals' | 'progress'): GoalReference[] => {
    const items = locator.textItemsOf([key]);
    if (items) return items.map(({ text: id, range }) => ({ id, range, via }));
    if (!locator.isMapAt([key])) return [];
    const keys = new Map(locator.keysOf([key], (id) => id !== '<<').map((k) => [k.key, k.range]));
    return [...keys].map(([id, range]) => ({ id, range, via, valueRange: locator.valueRange([key, id]) }));
  };
  return [...refs('goals', 'goals'), ...refs('progress', 'progress')];
}

const plain = (r: GoalReference): { id: string; via: string; range: Range; valueRange?: Range } => ({ id: r.id, via: r.via, range: r.range, ...(r.valueRange ? { valueRange: r.valueRange } : {}) });

const FRONT_MATTERS = [
  'goals: [a, b]\nprogress: {a: 40, b: 60}',
  'goals:\n  - a\n  - "b"\nprogress:\n  a: 40\n  \'b\': 60',
  'goals: [a]\nprogress:\n  a: 40   # after the talk\n  b:\n  c: ~',
  'progress: {2024: 40, a: 5}',
  'progress: {<<: {x: 1}, a: 5}',
  'goals: {a: 1, b: 2}\nprogress: [a]',
  'goals: [a, [b], {c: 1}, 7]\nprogress: 40',
  'goals:\n- a\n- b\nprogress:\n  a: >-\n    40\n',
  '{goals: [a, b], progress: {a: 40}}',
  'goals: []\nprogress: {}',
];

describe('front-matter goal references', () => {
  for (const yaml of FRONT_MATTERS) {
    for (const eol of ['\n', '\r\n']) {
      it(`have the locator's spans: ${JSON.stringify(yaml)}${eol === '\r\n' ? ' (CRLF)' : ''}`, () => {
        const text = `---\ntype: session\ndate: 2026-02-02\n${yaml}\n---\n\n## Notes\n\nText.\n`.replace(/\n/g, eol);
        const session = parseJournalFile('p/sessions/2026-02-02.md', text).session!;
        const refs = frontMatterReferences(session);
        assert.deepEqual(refs.map(plain), expected(text).map(plain));
        // As JSON, a reference is the plain object it stands for (no valueRange on a list's items).
        assert.deepEqual(JSON.parse(JSON.stringify(refs)), JSON.parse(JSON.stringify(expected(text))));
      });
    }
  }

  it('are found by the spans they report: a progress value, and a key with no value', () => {
    const text = '---\ntype: session\ndate: 2026-02-02\nprogress:\n  a: 40\n  b:\n---\n';
    const [a, b] = frontMatterReferences(parseJournalFile('p/sessions/2026-02-02.md', text).session!);
    assert.deepEqual([a!.range, a!.valueRange], [{ start: { line: 5, column: 3 }, end: { line: 5, column: 4 } }, { start: { line: 5, column: 6 }, end: { line: 5, column: 8 } }]);
    // (`b:` has an empty value, just after its colon.)
    assert.deepEqual([b!.range, b!.valueRange], [{ start: { line: 6, column: 3 }, end: { line: 6, column: 4 } }, { start: { line: 6, column: 5 }, end: { line: 6, column: 5 } }]);
  });

  it("keyOffsetsOf gives what keysOf and valueRange give, for a key written twice too (the later one, at the first one's place)", () => {
    for (const yaml of ['progress: {a: 40, b: 1, a: 50}', 'progress:\n  a: 40\n  b: 10\n  a: 50', 'progress:\n  a:\n  a: 5', 'progress: {2024: 40, "2024": 5}']) {
      const text = `---\n${yaml}\n---\n`;
      const parsed = parseMarkdown('p/sessions/2026-02-02.md', text);
      const locator = new YamlLocator(parsed.yaml!.doc, parsed.yaml!.offset, parsed.lines, parsed.yaml!.head);
      const keys = new Map(locator.keysOf(['progress']).map((k) => [k.key, k.range]));
      const before = [...keys].map(([key, range]) => ({ key, range, valueRange: locator.valueRange(['progress', key]) }));
      const now = locator.keyOffsetsOf(['progress']).map(({ key, start, end, value, fallback }) => ({ key, range: parsed.lines.range(start, end), valueRange: value ? parsed.lines.range(value.start, value.end) : fallback }));
      assert.deepEqual(now, before, yaml);
    }
  });
});
