/**
 * The extension's settings as a user finds them: the Settings editor searched for
 * `@ext:<publisher>.<name>` (read from package.json) lists the settings the manifest contributes,
 * each with its title and description. Nothing is changed. Screenshot: settings.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../../scripts/vscode-test/host.mjs';
import { workbench } from './workbench';

interface Manifest {
  name: string;
  publisher: string;
  contributes: { configuration: { properties: Record<string, { markdownDescription?: string; description?: string }> } };
}

const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Manifest;
const QUERY = `@ext:${manifest.publisher}.${manifest.name}`;

/** "mentoringJournal.staleAfterSessions" → "Stale After Sessions", as the Settings editor titles a setting. */
function settingTitle(key: string): string {
  const last = key.slice(key.lastIndexOf('.') + 1);
  return last.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase());
}

/** A markdown description as the Settings editor shows it: the text without `code` marks, emphasis and links. */
function shown(markdown: string): string {
  return markdown.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[`*]/g, '').replace(/\s+/g, ' ').trim();
}

describe('Settings', () => {
  before(async () => {
    const wb = workbench();
    await wb.reset({ panel: false });
  });

  after(async () => {
    const wb = workbench();
    // The modal Settings editor keeps the command palette from opening: Escape closes it.
    const settings = wb.page.locator('.settings-editor');
    for (let i = 0; i < 3 && await settings.isVisible(); i++) {
      await wb.page.keyboard.press('Escape');
      await settings.waitFor({ state: 'hidden', timeout: 2000 }).catch(() => undefined);
    }
    assert.equal(await settings.isVisible(), false, 'the Settings editor is closed');
    await wb.runCommand('View: Close All Editors');
  });

  it("lists the extension's settings with their titles and descriptions", async () => {
    const wb = workbench();
    const rows = await wb.openSettings(QUERY);
    const properties = manifest.contributes.configuration.properties;
    const keys = Object.keys(properties);
    const count = (await wb.page.locator('.settings-editor .settings-count-widget').innerText()).trim();
    assert.equal(count, `${keys.length} Settings Found`);
    // Every setting in view carries the extension's category, and those in view are the manifest's.
    for (const row of rows) assert.equal(row.category, 'Mentoring Journal:', `${row.title}: ${JSON.stringify(row)}`);
    const byTitle = new Map(rows.map((r) => [r.title, r.description]));
    const checked: string[] = [];
    for (const key of keys) {
      const title = settingTitle(key);
      if (!byTitle.has(title)) continue; // below the fold
      const description = properties[key]!.markdownDescription ?? properties[key]!.description ?? '';
      assert.equal(byTitle.get(title), shown(description), `${key}'s description`);
      checked.push(key);
    }
    assert.ok(checked.length >= 4, `at least four settings in view, with their descriptions: ${JSON.stringify(rows)}`);
    // The first settings in the editor's (alphabetical) order are in view.
    for (const key of ['mentoringJournal.exclude', 'mentoringJournal.graceDays', 'mentoringJournal.maxFileSize']) {
      assert.ok(checked.includes(key), `${key} in view: ${JSON.stringify(rows)}`);
    }

    // The picture: the Settings editor (a modal over the workbench in VS Code 1.139) as it shows.
    assert.equal(await wb.page.locator('.settings-editor .suggest-widget.visible').count(), 0, 'no suggestions cover the settings');
    await wb.page.mouse.move(1300, 880);
    await wb.screenshot('settings');
  });
});
