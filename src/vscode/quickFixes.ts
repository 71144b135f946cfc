import * as vscode from 'vscode';
import { applySeverities, assembleRelationship, type JournalFile, type Problem } from '../core';
import { closestValue } from '../core/validate';
import { dateFromFileName, GOAL_ID, titleFromId } from '../core/conventions';
import { MEANING_KEYS } from '../core/fields';
import { isSlip } from '../core/suggest';
import { addMissingKey, addType, removeEarlyClosing, repairFrontMatterClose, repairFrontMatterStart, replaceToken, setFrontMatterValue, type EditResult } from '../core/edits';
import { newGoal } from './commands/newGoal';
import { toVsRange } from './convert';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import type { Feature } from './feature';
import { documentFacts, JOURNAL_SELECTOR, type DocumentFacts } from './hover';
import type { JournalService } from './journalService';

/**
 * Quick fixes for the engine's problems, from the facts the problems carry: add a missing key
 * with its placeholder (`YYYY-MM-DD` becomes the date the file is named after for `date:`, else today), replace an invalid enum value with each
 * allowed one, "did you mean" for unknown keys and goal ids, create the goal file for an unknown
 * goal id, add a missing `type`, and sign an unsigned agreement. Problems are computed from the
 * document's current text, so fixes match what is on screen even before the index catches up.
 */
export class JournalQuickFixes implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly service: JournalService) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] | undefined {
    if (context.only && !vscode.CodeActionKind.QuickFix.intersects(context.only)) return undefined;
    const facts = documentFacts(this.service, document);
    if (!facts) return undefined;
    const text = document.getText();
    const actions: vscode.CodeAction[] = [];
    for (const problem of this.problems(facts)) {
      const problemRange = toVsRange(problem.range);
      if (!problemRange.intersection(range) && !problemRange.contains(range.start)) continue;
      const diagnostics = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE && codeOf(d) === problem.code && d.range.isEqual(problemRange));
      for (const action of this.fixes(document, text, facts, problem)) {
        action.diagnostics = diagnostics;
        actions.push(action);
      }
    }
    return actions;
  }

  /** The file's problems as of its current text: its own and those its relationship adds to it. */
  private problems(facts: DocumentFacts): Problem[] {
    const { root, path, file, relationship } = facts;
    const problems = [...file.problems];
    if (relationship) {
      const others = relationship.files.filter((p) => p !== path).map((p) => root.index.file(p)).filter((f): f is JournalFile => !!f);
      problems.push(...assembleRelationship(relationship.id, relationship.folder, [...others, file]).problems.filter((p) => p.file === path));
    }
    return applySeverities(problems, root.options.severities);
  }

  private fixes(document: vscode.TextDocument, text: string, facts: DocumentFacts, problem: Problem): vscode.CodeAction[] {
    const range = toVsRange(problem.range);
    const start = document.offsetAt(range.start);
    const end = document.offsetAt(range.end);
    const current = document.getText(range);
    const data = problem.data;
    const out: vscode.CodeAction[] = [];
    const add = (title: string, result: EditResult, preferred = false) => {
      if (!result.ok) return; // a fix that cannot be made safely is not offered
      const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
      const edit = new vscode.WorkspaceEdit();
      for (const e of result.edits) edit.replace(document.uri, new vscode.Range(document.positionAt(e.start), document.positionAt(e.end)), e.text);
      action.edit = edit;
      action.isPreferred = preferred;
      out.push(action);
    };
    if (data?.kind === 'missing-key') {
      // A session's or review's date is the one its file is named after, when it is; otherwise today.
      const date = (data.key === 'date' ? dateFromFileName(facts.path) : undefined) ?? this.service.today();
      const value = data.placeholder.replace(/YYYY-MM-DD/g, date);
      // Not preferred when another key seems to hold the date: which one is meant is the writer's to say.
      add(`Add \`${data.key}: ${value}\``, addMissingKey(text, start, data.key, value), !data.standIn);
    } else if (data?.kind === 'invalid-enum') {
      // The value the message suggests (a synonym such as `done` for `achieved`, or the nearest spelling), first and preferred.
      const best = closestValue(current.replace(/^["']|["']$/g, ''), data.allowed);
      const ordered = best ? [best, ...data.allowed.filter((v) => v !== best)] : data.allowed;
      for (const value of ordered) add(`Change to \`${value}\``, replaceToken(text, start, end, value), value === best);
    } else if (data?.kind === 'unknown-key' && data.suggestion) {
      // Offered, but not preferred (no "auto fix") where renaming alone would not do, or would change what other files mean.
      add(`Did you mean \`${data.suggestion}\`? Rename the key`, replaceToken(text, start, end, data.suggestion), !data.misfit && !MEANING_KEYS.has(data.suggestion) && (!!data.byValue || isSlip(data.key, data.suggestion)));
    } else if (data?.kind === 'unknown-goal') {
      if (data.suggestion) add(`Did you mean \`${data.suggestion}\`? Change the goal id`, replaceToken(text, start, end, data.suggestion), true);
      // Creating the goal file writes: not offered in Restricted Mode, where New goal refuses.
      if (GOAL_ID.test(data.id) && facts.relationship && vscode.workspace.isTrusted) {
        const action = new vscode.CodeAction(`Create goal \`${data.id}\` (goals/${data.id}.md)`, vscode.CodeActionKind.QuickFix);
        action.command = {
          command: newGoal.id,
          title: 'Create goal file',
          arguments: [{ relationship: facts.relationship.id, id: data.id, title: titleFromId(data.id) }],
        };
        out.push(action);
      }
    } else if (data?.kind === 'closed-early') {
      add('Remove the `---` that closes the front matter before its keys', removeEarlyClosing(text), true);
    } else if (data?.kind === 'front-matter-start') {
      add('Put the front matter\'s `---` lines right', repairFrontMatterStart(text), true);
    } else if (data?.kind === 'front-matter-close') {
      add('Put the line that closes the front matter right', repairFrontMatterClose(text), true);
    } else if (data?.kind === 'missing-type') {
      add(`Add \`type: ${data.type}\``, addType(text, data.type), true);
    } else if (problem.code === 'agreement/unsigned') {
      const signed = facts.file.agreement?.signed ?? {};
      for (const who of ['mentor', 'mentee'] as const) {
        if (!signed[who]) add(`Record the ${who}'s signature as of today (\`signed.${who}: ${this.service.today()}\`)`, setFrontMatterValue(text, ['signed', who], this.service.today()));
      }
    }
    return out;
  }
}

function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  return typeof code === 'object' ? String(code.value) : code === undefined ? undefined : String(code);
}

export const registerQuickFixes: Feature = ({ service }) =>
  vscode.languages.registerCodeActionsProvider(JOURNAL_SELECTOR, new JournalQuickFixes(service), JournalQuickFixes.metadata);
