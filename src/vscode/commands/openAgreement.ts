import * as vscode from 'vscode';
import type { RelationshipCommand } from './registry';
import { fileOf } from './targets';

const ACTION = 'Open agreement';

/** Opens the relationship's agreement.md in an editor. Reads only: works in untrusted workspaces. */
export const openAgreement: RelationshipCommand = {
  id: 'mentoringJournal.openAgreement', action: ACTION, writes: false, target: 'relationship',
  async run(_ctx, target) {
    const uri = fileOf(target, target.relationship.agreementFile);
    await vscode.window.showTextDocument(uri, { preview: false });
    return uri;
  },
};
