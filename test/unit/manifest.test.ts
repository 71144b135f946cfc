import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../src/core';
import { withGeneratedRules } from '../../scripts/manifest/rulesSetting';

const root = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const contributes = manifest.contributes;

describe('package.json manifest', () => {
  it('declares a setting for the severity of every rule, and only for rules', () => {
    const declared = Object.keys(contributes.configuration.properties['mentoringJournal.rules'].properties).sort();
    assert.deepEqual(declared, Object.keys(RULES).sort());
  });

  it('holds the rules settings exactly as generated from RULES (run `npm run generate` after changing RULES)', () => {
    const text = readFileSync(join(root, 'package.json'), 'utf8');
    assert.equal(withGeneratedRules(text), text, 'package.json is stale: run `npm run generate`');
  });

  it('gives every setting a scope, a default and a description', () => {
    for (const [key, setting] of Object.entries<Record<string, unknown>>(contributes.configuration.properties)) {
      assert.ok(setting.scope, `${key} has no scope`);
      assert.ok('default' in setting, `${key} has no default`);
      assert.ok(setting.markdownDescription || setting.description, `${key} has no description`);
    }
  });

  it('gives every command the Mentoring category and ids in the mentoringJournal namespace', () => {
    for (const command of contributes.commands) {
      assert.equal(command.category, 'Mentoring', command.command);
      assert.match(command.command, /^mentoringJournal\.[a-z][A-Za-z]+$/);
    }
  });

  it('puts a when clause on every menu entry and refers only to declared commands', () => {
    const ids = new Set(contributes.commands.map((c: { command: string }) => c.command));
    for (const [menu, entries] of Object.entries<Array<{ command: string; when?: string }>>(contributes.menus)) {
      for (const entry of entries) {
        assert.ok(ids.has(entry.command), `${menu}: ${entry.command} is not declared`);
        assert.ok(entry.when, `${menu}: ${entry.command} has no when clause`);
      }
    }
  });

  it('activates after start-up, never on * and never on a workspace search during start-up', () => {
    assert.ok(!manifest.activationEvents.includes('*'));
    assert.ok(manifest.activationEvents.includes('onStartupFinished'));
    // VS Code runs a workspaceContains glob as a file search while the window starts (docs/performance.md).
    assert.ok(!manifest.activationEvents.some((event: string) => event.startsWith('workspaceContains:')));
  });

  it('records the current version in the changelog', () => {
    const changelog = readFileSync(join(root, 'CHANGELOG.md'), 'utf8');
    assert.match(changelog, new RegExp(`^## \\[${manifest.version.replace(/\./g, '\\.')}\\]`, 'm'));
  });
});
