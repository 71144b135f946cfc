import * as vscode from 'vscode';
import { toVsRange } from './convert';
import type { Feature } from './feature';
import { documentFacts, goalIdAt, JOURNAL_SELECTOR } from './hover';
import type { JournalService } from './journalService';

/**
 * Go to Definition (F12) on a goal id in a session's `goals:` list, under `progress:`, in a
 * review's `goals:` or in `[[id]]` in a body: the goal's `id:` in its goal file (the front matter
 * when the id comes from the file name) or in its item of the agreement's `goals:` list.
 */
export class GoalDefinitionProvider implements vscode.DefinitionProvider {
  constructor(private readonly service: JournalService) {}

  provideDefinition(document: vscode.TextDocument, position: vscode.Position): vscode.DefinitionLink[] | undefined {
    const facts = documentFacts(this.service, document);
    if (!facts?.relationship) return undefined;
    const at = goalIdAt(document, position, facts);
    if (!at) return undefined;
    // Every definition of a duplicated id, so that the choice is the user's.
    const goals = facts.relationship.goals.filter((g) => g.id === at.id);
    return goals.map((goal) => ({
      originSelectionRange: at.range,
      targetUri: facts.root.fs.uri(goal.source.file),
      targetRange: toVsRange(goal.source.range),
      targetSelectionRange: toVsRange(goal.idRange),
    }));
  }
}

export const registerDefinitions: Feature = ({ service }) => vscode.languages.registerDefinitionProvider(JOURNAL_SELECTOR, new GoalDefinitionProvider(service));
