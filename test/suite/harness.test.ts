/**
 * Smoke suite of the extension-host harness: the product extension is installed in this VS Code,
 * activates, and every command its manifest contributes is registered.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID } from './support';

interface Manifest {
  name: string;
  publisher: string;
  main?: string;
  contributes?: { commands?: Array<{ command: string; title: string }> };
}

describe('harness: the product extension in a real VS Code', () => {
  let extension: vscode.Extension<unknown>;

  before(() => {
    const found = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(found, `extension ${EXTENSION_ID} is not installed in this VS Code; installed: ${
      vscode.extensions.all.filter((e) => !e.id.startsWith('vscode.')).map((e) => e.id).join(', ')}`);
    extension = found;
  });

  it('is the extension built from this repository', () => {
    const manifest = extension.packageJSON as Manifest;
    assert.equal(`${manifest.publisher}.${manifest.name}`.toLowerCase(), EXTENSION_ID);
    assert.ok(manifest.main, 'package.json has a "main" entry');
  });

  it('activates without error', async () => {
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  it('registers every command that package.json contributes', async () => {
    await extension.activate();
    const contributed = ((extension.packageJSON as Manifest).contributes?.commands ?? []).map((c) => c.command);
    assert.ok(contributed.length > 0, 'package.json contributes no commands');
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((id) => !registered.has(id));
    assert.deepEqual(missing, [], `contributed but not registered by activate(): ${missing.join(', ')}`);
  });

  it('runs with a workspace folder open', () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.equal(folders.length, 1, 'the runner opens exactly one fixture folder');
  });
});
