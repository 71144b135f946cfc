/**
 * Trust and privacy, as far as a trusted test window can show them: the manifest declares limited
 * support for untrusted and full support for virtual workspaces, every entry point of a command
 * that writes requires trust while the reading features do not, and the bundle has no way to
 * reach the network, the local disk (I/O goes through workspace.fs) or a telemetry service.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { getApi, getExtension } from './support';

const WRITING = [
  'mentoringJournal.newRelationship', 'mentoringJournal.newSession', 'mentoringJournal.newGoal',
  'mentoringJournal.markGoalAchieved', 'mentoringJournal.setGoalProgress', 'mentoringJournal.advanceStage',
];
const READING = [
  'mentoringJournal.reviewGoals', 'mentoringJournal.openAgreement', 'mentoringJournal.refresh', 'mentoringJournal.hideClosed',
  'mentoringJournal.showClosed', 'mentoringJournal.revealActiveFile', 'mentoringJournal.openFormatDocs',
];

interface MenuEntry { command: string; when?: string }
interface Manifest {
  main: string;
  activationEvents: string[];
  capabilities: { untrustedWorkspaces: { supported: boolean | 'limited'; description?: string }; virtualWorkspaces: boolean | object };
  contributes: { menus: Record<string, MenuEntry[]>; viewsWelcome: Array<{ contents: string }> };
}

let extension: vscode.Extension<unknown>;
let manifest: Manifest;

describe('Trust and privacy', () => {
  before(async () => {
    extension = getExtension();
    await getApi();
    manifest = extension.packageJSON as Manifest;
  });

  it('declares limited support for untrusted workspaces and support for virtual workspaces', () => {
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.match(manifest.capabilities.untrustedWorkspaces.description ?? '', /only reads/);
    assert.equal(manifest.capabilities.virtualWorkspaces, true);
    assert.ok(!manifest.activationEvents.includes('*'), 'no activation on every start-up');
  });

  it('requires trust on every menu entry of a command that writes', () => {
    const entries = Object.values(manifest.contributes.menus).flat();
    const writing = entries.filter((e) => WRITING.includes(e.command));
    assert.ok(writing.length >= WRITING.length, 'every writing command has a menu or palette entry');
    for (const entry of writing) assert.match(entry.when ?? '', /\bisWorkspaceTrusted\b/, `${entry.command}: ${entry.when}`);
  });

  it('keeps the reading features available without trust', async () => {
    const entries = Object.values(manifest.contributes.menus).flat().filter((e) => READING.includes(e.command));
    assert.ok(entries.length > 0);
    for (const entry of entries) assert.doesNotMatch(entry.when ?? '', /isWorkspaceTrusted/, `${entry.command}: ${entry.when}`);
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const command of ['mentoringJournal.refresh', 'mentoringJournal.hideClosed', 'mentoringJournal.showClosed', 'mentoringJournal.revealActiveFile', 'mentoringJournal.openFormatDocs', 'mentoringJournal.openItem']) {
      assert.ok(registered.has(command), `${command} is registered`);
    }
  });

  it('bundles no network or process access, reads the disk only, and no telemetry', async () => {
    const read = async (file: string) => new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension.extensionUri, file)));
    // `main` is the entry, which requires the bundle and nothing else (src/vscode/entry.ts).
    const entry = await read(manifest.main);
    assert.deepEqual([...entry.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]), ['./main.js']);
    // The bundle, with the Markdown parser it loads on first use (scripts/build.mjs).
    const bundle = `${await read('dist/main.js')}\n${await read('dist/markdown.js')}`;
    assert.ok(bundle.length > 10000, 'the bundle was read');
    const required = new Set([...bundle.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]!.replace(/^node:/, '')));
    assert.ok(required.has('vscode'));
    for (const forbidden of ['http', 'https', 'http2', 'net', 'tls', 'dgram', 'dns', 'fs/promises', 'child_process', 'worker_threads']) {
      assert.ok(!required.has(forbidden), `the bundle requires "${forbidden}"`);
    }
    // Node's fs reads journal files in `file:` folders (src/vscode/nodeFileSystem.ts): it may read,
    // list and stat (`lstat`: whether a folder is a symbolic link), nothing else. Every write goes
    // through VS Code (edits, workspace.fs).
    assert.deepEqual([...new Set([...bundle.matchAll(/\.promises\.(\w+)\(/g)].map((m) => m[1]))].sort(), ['lstat', 'readFile', 'readdir', 'stat']);
    assert.doesNotMatch(bundle, /\b(?:writeFileSync|appendFileSync|unlinkSync|rmSync|rmdirSync|mkdirSync|renameSync|copyFileSync|createWriteStream|readFileSync)\b/);
    for (const pattern of [/\bfetch\(/, /XMLHttpRequest/, /new WebSocket\(/, /createTelemetryLogger/, /TelemetryReporter/, /applicationinsights/i]) {
      assert.doesNotMatch(bundle, pattern);
    }
  });

  it('links the rule docs inside the extension, not on the web', async () => {
    await getExtension().exports.service.ready();
    const targets = vscode.languages.getDiagnostics()
      .flatMap(([, ds]) => ds)
      .filter((d) => d.source === 'mentoring-journal')
      .map((d) => (d.code as { target: vscode.Uri }).target);
    assert.ok(targets.length > 0, 'the fixture has problems');
    for (const target of targets) {
      assert.equal(target.scheme, extension.extensionUri.scheme);
      assert.ok(target.path.startsWith(extension.extensionUri.path), target.toString());
    }
  });
});
