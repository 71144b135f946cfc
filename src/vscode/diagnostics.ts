import * as vscode from 'vscode';
import { ruleAnchor, type Problem } from '../core';
import { toVsRange, toVsSeverity } from './convert';
import type { Feature } from './feature';
import type { JournalChange, JournalRoot, JournalService } from './journalService';

export const DIAGNOSTIC_SOURCE = 'mentoring-journal';

/**
 * The rule documentation bundled with the extension, at the rule's heading. A file URI into the
 * extension's own folder: it opens offline, in virtual workspaces too, and needs no network.
 * (The Problems panel does not run `command:` links, so a command URI would not work there.)
 */
export function ruleDocsUri(extensionUri: vscode.Uri, code: string): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'docs', 'rules.md').with({ fragment: ruleAnchor(code) });
}

export function toDiagnostic(problem: Problem, extensionUri: vscode.Uri): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toVsRange(problem.range), problem.message, toVsSeverity(problem.severity));
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = { value: problem.code, target: ruleDocsUri(extensionUri, problem.code) };
  return diagnostic;
}

/**
 * Mirrors the engine's problems into one DiagnosticCollection: every journal file, open or not.
 * The service already debounces typing and applies the severities from the settings; this only
 * converts, per changed file, and starts over when the journal roots were rebuilt. During the
 * first build the problems of each relationship arrive as soon as its files are read; a file whose
 * relationship is not whole yet gets none (its cross-file problems are not known yet).
 */
export class DiagnosticsPublisher implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  private roots: readonly JournalRoot[] = [];
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly service: JournalService,
    private readonly extensionUri: vscode.Uri,
  ) {
    this.subscription = service.onDidChange((changes) => this.update(changes));
    this.publishAll();
  }

  private update(changes: readonly JournalChange[]): void {
    if (this.service.allRoots() !== this.roots) {
      this.publishAll();
      return;
    }
    for (const { root, change } of changes) for (const path of change.files) this.publish(root, path);
  }

  /** Replaces every diagnostic: after a rebuild, files of an old root (or excluded now) must go. */
  private publishAll(): void {
    this.roots = this.service.allRoots();
    this.collection.clear();
    for (const root of this.roots) for (const path of root.index.allProblems().keys()) this.publish(root, path);
  }

  private publish(root: JournalRoot, path: string): void {
    if (!root.index.isSettled(path)) return;
    const uri = root.fs.uri(path);
    const problems = root.index.problems(path);
    if (problems.length === 0) this.collection.delete(uri);
    else this.collection.set(uri, problems.map((p) => toDiagnostic(p, this.extensionUri)));
  }

  dispose(): void {
    this.subscription.dispose();
    this.collection.dispose();
  }
}

export const registerDiagnostics: Feature = ({ extension, service, api }) => {
  const publisher = new DiagnosticsPublisher(service, extension.extensionUri);
  api.diagnostics = publisher.collection;
  return publisher;
};
