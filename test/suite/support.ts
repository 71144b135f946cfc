/**
 * Helpers shared by the extension-host suites (test/suite/*.test.ts). Not a suite itself: the
 * suite builder (scripts/vscode-test/build-tests.mjs) picks up only `*.test.ts` and bundles this
 * module into each suite that imports it, so its state (the activated api) is per suite.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MentoringJournalApi } from '../../src/vscode/feature';

export const EXTENSION_ID = 'mentoring-journal.mentoring-journal';

export type Truthy<T> = Exclude<T, false | 0 | '' | null | undefined>;

/** The first (and only) folder of the test workspace. */
export const folder = () => vscode.workspace.workspaceFolders![0]!.uri;
/** A workspace-relative path with `/` separators as a Uri. */
export const uri = (path: string) => vscode.Uri.joinPath(folder(), ...path.split('/'));
export const read = async (path: string) => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri(path)));
export const exists = async (path: string) => vscode.workspace.fs.stat(uri(path)).then(() => true, () => false);
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** This extension's diagnostics of a workspace-relative path or a Uri. */
export const journalDiagnostics = (at: string | vscode.Uri) => vscode.languages.getDiagnostics(typeof at === 'string' ? uri(at) : at).filter((d) => d.source === 'mentoring-journal');
/** A diagnostic's rule code (VS Code keeps a code with a link as `{ value, target }`). */
export const codeOf = (d: vscode.Diagnostic) => String(typeof d.code === 'object' ? d.code.value : d.code);
/** The rule codes of this extension's diagnostics of a path or Uri. */
export const diagnosticCodes = (at: string | vscode.Uri) => journalDiagnostics(at).map(codeOf);

/**
 * The problems of every file of examples/broken (the table in its README), each written
 * `code severity startLine:startChar-endLine:endChar`, 0-based as VS Code counts.
 */
export const BROKEN_PROBLEMS: Record<string, string[]> = {
  'broken/stray-session.md': ['file/outside-relationship error 0:0-0:3'],
  'broken/jo-and-ravi/agreement.md': ['schema/missing-key error 0:0-0:3', 'keys/unknown warning 3:0-3:6', 'schema/invalid-enum error 4:8-4:18'],
  'broken/lee-and-noor/goals/incident-review.md': ['schema/missing-key error 0:0-0:3'],
  'broken/lee-and-noor/goals/on-call-readiness.md': ['date/impossible error 4:5-4:15'],
  'broken/lee-and-noor/goals/pairing-habit.md': ['goal/due-before-start warning 5:5-5:15'],
  'broken/lee-and-noor/goals/public-speaking.md': ['goal/no-success-criteria warning 3:8-3:14'],
  'broken/lee-and-noor/sessions/2026-03-04.md': ['goal/unknown-id error 4:8-4:22'],
  'broken/lee-and-noor/sessions/2026-03-18.md': ['type/missing warning 0:0-0:3'],
  'broken/lee-and-noor/sessions/2026-04-01.md': ['yaml/syntax error 6:0-6:1'],
  'broken/lee-and-noor/sessions/2026-04-15.md': ['yaml/duplicate-key error 5:0-5:8'],
  'broken/lee-and-noor/sessions/2026-11-16.md': ['session/outside-partnership warning 2:6-2:16'],
};

/**
 * Polls `check` every 50 ms until it gives a truthy value, and resolves with it; rejects with
 * `timed out waiting for <what>` after `timeoutMs`. `what` may be a function, evaluated only
 * then (for a message that shows the state at the time out).
 */
export async function waitFor<T>(what: string | (() => string), check: () => T | Promise<T>, timeoutMs = 10000): Promise<Truthy<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as Truthy<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${typeof what === 'function' ? what() : what}`);
    await sleep(50);
  }
}

/** This extension as installed in the VS Code under test; fails if it is not. */
export function getExtension(): vscode.Extension<MentoringJournalApi> {
  const found = vscode.extensions.getExtension<MentoringJournalApi>(EXTENSION_ID);
  assert.ok(found, `${EXTENSION_ID} is not installed`);
  return found;
}

/**
 * The day the suites run on, whatever the real date: the runners set `MJ_TEST_TODAY`
 * (scripts/vscode-test/host.mjs, TEST_TODAY) and the examples are dated around it.
 */
export const TODAY = ((): string => {
  const date = process.env.MJ_TEST_TODAY;
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`MJ_TEST_TODAY is not set to a date (got ${date}): run the suites through scripts/vscode-test/`);
  return date;
})();

let activated: Promise<MentoringJournalApi> | undefined;
/** Activates the extension (once), pins "today" to TODAY, and resolves with the api `activate()` returns. */
export function getApi(): Promise<MentoringJournalApi> {
  activated ??= Promise.resolve().then(async () => {
    const api = await getExtension().activate();
    api.setToday(TODAY);
    // The features the tree's first rows do not need are registered after them (extension.ts).
    await api.registered;
    return api;
  });
  return activated;
}

/**
 * The start every suite shares: the extension activated with "today" at TODAY, its first index
 * build finished, and each fixture folder copied (`{ from: to }`, workspace-relative) and indexed.
 */
export async function setUpSuite(fixtures: Record<string, string> = {}): Promise<MentoringJournalApi> {
  const api = await getApi();
  await api.service.ready();
  api.setToday(TODAY);
  for (const [from, to] of Object.entries(fixtures)) await copyFixture(from, to);
  return api;
}

/**
 * Waits until the file watcher's events stop (no new one for 1.5 s) and any rebuild of the index
 * has finished (`ready()`). A copied folder reaches the watcher as a burst, which ends in a
 * reconcile once it has been quiet for a second: by the time this returns that reconcile has
 * started, and `ready()` waits for it to finish.
 */
export async function settle(): Promise<void> {
  const api = await getApi();
  let events = -1;
  await waitFor('the watcher to settle', async () => {
    const seen = api.service.stats.watcherEvents;
    const settled = seen === events;
    events = seen;
    await sleep(1500);
    return settled;
  }, 20_000);
  await api.service.ready();
}

/**
 * Writes a file back as it was, on disk, and waits until the index and any document VS Code
 * holds for it have it: the next command must not edit (and fail to save) a stale document.
 * An open document normally reloads when the file changes on disk; when it has not within 3 s
 * (a missed or late watcher event on a loaded machine, or a document left dirty) it is reverted,
 * which reads the file again.
 */
export async function restoreFile(path: string, text: string): Promise<void> {
  const api = await getApi();
  await vscode.workspace.fs.writeFile(uri(path), new TextEncoder().encode(text));
  await api.service.refreshFile(uri(path));
  const open = () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri(path).toString());
  const reloaded = () => !open() || (!open()!.isDirty && open()!.getText() === text);
  await waitFor(`${path} to be reloaded`, reloaded, 3000).catch(async () => {
    await vscode.window.showTextDocument(open()!, { preview: false });
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitFor(() => `${path} to be reloaded (reverted: ${JSON.stringify(open()?.getText())}, dirty ${open()?.isDirty})`, reloaded);
  });
}

/** Copies a fixture folder and makes sure every file in it is indexed (a copied folder may reach the watcher as one event). */
export async function copyFixture(from: string, to: string): Promise<void> {
  const api = await getApi();
  await vscode.workspace.fs.delete(uri(to), { recursive: true, useTrash: false }).then(undefined, () => undefined);
  await vscode.workspace.fs.copy(uri(from), uri(to));
  const walk = async (path: string): Promise<void> => {
    for (const [name, type] of await vscode.workspace.fs.readDirectory(uri(path))) {
      if (type === vscode.FileType.Directory) await walk(`${path}/${name}`);
      else if (name.endsWith('.md')) await api.service.refreshFile(uri(`${path}/${name}`));
    }
  };
  await walk(to);
}

/** Deletes a scratch folder and waits until the index has forgotten it (rebuilding if the watcher missed it). */
export async function removeFixture(path: string): Promise<void> {
  const api = await getApi();
  await vscode.workspace.fs.delete(uri(path), { recursive: true, useTrash: false });
  const gone = () => !api.service.relationships().some((r) => r.relationship.id.startsWith(path));
  await waitFor(`${path} to leave the index`, gone, 3000).catch(async () => {
    await api.service.rebuild();
    await waitFor(`${path} to leave the index after a rebuild`, gone);
  });
}
