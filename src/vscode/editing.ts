import * as vscode from 'vscode';
import type { EditResult } from '../core/edits';
import type { FeatureContext } from './feature';

/**
 * How commands write: engine edits applied as one WorkspaceEdit (one undo step), new files
 * created with `ignoreIfExists` after checking they do not exist, never overwriting. Every
 * write first checks that the workspace is trusted. Messages shown to the user are also kept
 * on the API (`api.messages`) so that tests can read what a command said.
 */

export interface ShownMessage {
  severity: 'error' | 'warning' | 'info';
  text: string;
}

/** What the editing layer adds to the extension's API. */
export interface EditingApi {
  /** The latest messages commands showed, newest last (at most 20). */
  readonly messages: ShownMessage[];
  /** Tests: act as if the workspace were (not) trusted; undefined goes back to the real state. */
  overrideTrust(trusted: boolean | undefined): void;
}

const trustOverride = new WeakMap<EditingApi, boolean>();

/** The editing part of a new extension API (`api.editing`). */
export function createEditingApi(): EditingApi {
  const editing: EditingApi = {
    messages: [],
    overrideTrust(trusted: boolean | undefined) {
      if (trusted === undefined) trustOverride.delete(editing);
      else trustOverride.set(editing, trusted);
    },
  };
  return editing;
}

/** Shows a message and records it for tests. Resolves with the button chosen, if any. */
export function notify(ctx: FeatureContext, severity: ShownMessage['severity'], text: string, ...buttons: string[]): Thenable<string | undefined> {
  const { messages } = ctx.api.editing;
  messages.push({ severity, text });
  if (messages.length > 20) messages.shift();
  const show = severity === 'error' ? vscode.window.showErrorMessage : severity === 'warning' ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  return show(text, ...buttons);
}

/** Whether the workspace is trusted (or, in tests, acts as if). */
export function isTrusted(ctx: FeatureContext): boolean {
  return trustOverride.get(ctx.api.editing) ?? vscode.workspace.isTrusted;
}

/** Whether commands may write: the workspace is trusted (checked here too, not only by `when` clauses). */
export function requireTrust(ctx: FeatureContext, action: string): boolean {
  const trusted = isTrusted(ctx);
  if (!trusted) void notify(ctx, 'error', `${action} writes files, which Mentoring Journal does not do in an untrusted workspace. Trust the workspace to use it.`);
  return trusted;
}

/** One file's part of an edit: its URI and the engine edit made from its current text. */
export interface FileEdit {
  uri: vscode.Uri;
  compute: (text: string) => EditResult;
}

/**
 * Applies the edit that `compute` makes from the document's current text, as one WorkspaceEdit:
 * one undo step. A document that had no unsaved changes is saved afterwards, so that the file on
 * disk (and every view of it) shows the change; one with unsaved changes is left for the user to
 * save. Refusals of the engine are shown as they are. Resolves with the URI, or undefined.
 */
export async function applyEngineEdit(ctx: FeatureContext, uri: vscode.Uri, label: string, compute: (text: string) => EditResult): Promise<vscode.Uri | undefined> {
  return (await applyEngineEdits(ctx, label, [{ uri, compute }])) ? uri : undefined;
}

/**
 * Edits of several files as one WorkspaceEdit (one undo step, as applyEngineEdit does for one):
 * every file's edit is computed first, and nothing is written when any of them is refused or a
 * document changed meanwhile. Two parts for the same file must be chained (chainEdits) by the
 * caller. Resolves with whether the edit was applied.
 */
export async function applyEngineEdits(ctx: FeatureContext, label: string, parts: readonly FileEdit[]): Promise<boolean> {
  const planned: Array<{ uri: vscode.Uri; document: vscode.TextDocument; wasDirty: boolean; version: number; result: Extract<EditResult, { ok: true }> }> = [];
  for (const { uri, compute } of parts) {
    let document: vscode.TextDocument;
    try {
      document = await vscode.workspace.openTextDocument(uri);
    } catch (error) {
      void notify(ctx, 'error', `${label}: ${vscode.workspace.asRelativePath(uri)} could not be opened (${error instanceof Error ? error.message : String(error)}).`);
      return false;
    }
    const version = document.version;
    const result = compute(document.getText());
    if (!result.ok) {
      void notify(ctx, 'error', `${label}: ${vscode.workspace.asRelativePath(uri)}: ${result.error}`);
      return false;
    }
    planned.push({ uri, document, wasDirty: document.isDirty, version, result });
  }
  const edit = new vscode.WorkspaceEdit();
  for (const { uri, document, version, result } of planned) {
    if (document.version !== version) {
      void notify(ctx, 'error', `${label}: ${vscode.workspace.asRelativePath(uri)} changed while the edit was prepared; nothing was changed. Try again.`);
      return false;
    }
    for (const e of result.edits) {
      edit.replace(uri, new vscode.Range(document.positionAt(e.start), document.positionAt(e.end)), e.text, { label, needsConfirmation: false });
    }
  }
  if (!(await vscode.workspace.applyEdit(edit))) {
    void notify(ctx, 'error', `${label}: VS Code did not apply the edit to ${planned.map((p) => vscode.workspace.asRelativePath(p.uri)).join(', ')}; nothing was changed.`);
    return false;
  }
  for (const { uri, document, wasDirty } of planned) {
    if (wasDirty) continue;
    await document.save();
    await ctx.service.refreshFile(uri);
  }
  return true;
}

/** Whether a file or folder exists. */
export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** Names in a folder, or none when it does not exist yet. */
export async function namesIn(folder: vscode.Uri): Promise<Set<string>> {
  try {
    return new Set((await vscode.workspace.fs.readDirectory(folder)).map(([name]) => name));
  } catch {
    return new Set();
  }
}

/**
 * Creates new files in one WorkspaceEdit. Refuses when any of them exists already; creation
 * uses `ignoreIfExists` as well, so that a file appearing in between is never overwritten, and
 * the contents are read back to make sure what is there is what was written.
 */
export async function createFiles(ctx: FeatureContext, label: string, files: ReadonlyArray<{ uri: vscode.Uri; content: string }>): Promise<boolean> {
  for (const { uri } of files) {
    if (await exists(uri)) {
      void notify(ctx, 'error', `${label}: ${vscode.workspace.asRelativePath(uri)} already exists; nothing was written.`);
      return false;
    }
  }
  const edit = new vscode.WorkspaceEdit();
  const encoder = new TextEncoder();
  for (const { uri, content } of files) edit.createFile(uri, { ignoreIfExists: true, overwrite: false, contents: encoder.encode(content) }, { label, needsConfirmation: false });
  const applied = await vscode.workspace.applyEdit(edit);
  for (const { uri, content } of files) {
    const written = applied && (await exists(uri)) ? new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)) : undefined;
    if (written !== content) {
      void notify(ctx, 'error', `${label}: ${vscode.workspace.asRelativePath(uri)} could not be created as new (it may have appeared meanwhile); it was left as it is.`);
      return false;
    }
  }
  for (const { uri } of files) if (/\.md$/i.test(uri.path)) await ctx.service.refreshFile(uri);
  return true;
}
