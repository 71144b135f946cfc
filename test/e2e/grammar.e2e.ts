/**
 * The injection grammars as VS Code applies them: with the editor's own token inspector
 * ("Developer: Inspect Editor Tokens and Scopes"), a goal reference, an action owner, a due
 * marker and a front-matter key of a real session file carry their `.mentoring` scopes.
 * Screenshot: highlighting (the inspector on a goal reference).
 */
import * as assert from 'node:assert/strict';
import { workbench } from './workbench';

const FILE = 'journal/priya-and-sam/sessions/2026-11-18.md';

/** The 1-based line and column of the first match of `pattern` in `text`, plus `offset` characters. */
function locate(text: string, pattern: RegExp, offset = 0): { line: number; column: number } {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = pattern.exec(lines[i]!);
    if (m) return { line: i + 1, column: m.index + 1 + offset };
  }
  throw new Error(`${pattern} not found in ${FILE}`);
}

describe('Highlighting', () => {
  before(async () => {
    const wb = workbench();
    await wb.reset();
    await wb.openFile(FILE);
  });

  const cases: Array<[what: string, pattern: RegExp, offset: number, scope: string]> = [
    ['a goal reference', /\[\[[a-z0-9-]+\]\]/, 3, 'entity.name.tag.goal-id.mentoring'],
    ['an action owner', /- \[[ x]\] @\w+/, 7, 'variable.other.owner.mentoring'],
    ['a due marker', /\(due \d{4}-\d{2}-\d{2}\)/, 7, 'constant.other.date.due.mentoring'],
    ['a front-matter key', /^attendees:/, 2, 'support.type.property-name.key.mentoring'],
  ];

  for (const [what, pattern, offset, scope] of cases) {
    it(`gives ${what} the scope ${scope}`, async () => {
      const wb = workbench();
      const at = locate(wb.readWorkspaceFile(FILE), pattern, offset);
      await wb.goToLine(at.line, at.column);
      await wb.runCommand('Developer: Inspect Editor Tokens and Scopes');
      const inspector = wb.page.locator('.token-inspect-widget');
      await inspector.waitFor({ state: 'visible', timeout: 15_000 });
      const text = await inspector.innerText();
      if (scope.includes('goal-id')) {
        const box = (await wb.page.locator('.part.editor').boundingBox())!;
        await wb.screenshot('highlighting', { x: box.x, y: box.y, width: box.width, height: box.height });
      }
      await wb.page.keyboard.press('Escape');
      assert.ok(text.includes(scope), `${what} at ${at.line}:${at.column}: the inspector shows\n${text}`);
    });
  }
});
