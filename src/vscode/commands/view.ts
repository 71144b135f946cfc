import * as vscode from 'vscode';
import type { FeatureContext } from '../feature';
import { OPEN_ITEM } from '../tree/items';
import { setViewOption, type ViewOption } from '../tree/relationshipsTree';
import type { PlainCommand } from './registry';

/**
 * The commands of the Mentoring view that only read: Refresh, the closed filter, Reveal active
 * file, the format documentation, and Open item (what a click on a tree item runs).
 */

export const refresh: PlainCommand = {
  id: 'mentoringJournal.refresh', action: 'Refresh', writes: false,
  run: (ctx) => ctx.service.rebuild(),
};

/** A command of the view's `...` menu that sets one of its remembered options. */
const viewOption = (id: string, action: string, option: ViewOption, value: boolean): PlainCommand => ({
  id, action, writes: false, run: (ctx) => setViewOption(ctx, option, value),
});

export const hideClosed = viewOption('mentoringJournal.hideClosed', 'Hide closed', 'hideClosed', true);
export const showClosed = viewOption('mentoringJournal.showClosed', 'Show closed', 'hideClosed', false);
export const sortByUrgency = viewOption('mentoringJournal.sortByUrgency', 'Sort by urgency', 'sortByUrgency', true);
export const sortByName = viewOption('mentoringJournal.sortByName', 'Sort by name', 'sortByUrgency', false);

export const revealActiveFile: PlainCommand = {
  id: 'mentoringJournal.revealActiveFile', action: 'Reveal active file', writes: false,
  async run(ctx, uri) {
    const target = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
    const tree = ctx.api.tree;
    const revealed = !!target && !!tree && (await tree.reveal(target));
    if (!revealed) void vscode.window.showInformationMessage('The active file is not part of a mentoring relationship shown in the Mentoring view.');
    return revealed;
  },
};

export const openFormatDocs: PlainCommand = {
  id: 'mentoringJournal.openFormatDocs', action: 'Open format documentation', writes: false,
  async run(ctx: FeatureContext, name?: unknown) {
    const uri = vscode.Uri.joinPath(ctx.extension.extensionUri, 'docs', typeof name === 'string' && /^[a-z-]+\.md$/.test(name) ? name : 'format.md');
    try {
      await vscode.workspace.fs.stat(uri);
    } catch {
      void vscode.window.showErrorMessage(`The journal format documentation is missing from the extension (${uri.path}).`);
      return undefined;
    }
    await vscode.commands.executeCommand('markdown.showPreview', uri);
    return uri;
  },
};

/** Opens a file with the cursor at the start of `range` (a `vscode.Range`, or a 0-based line). */
export const openItem: PlainCommand = {
  id: OPEN_ITEM, action: 'Open item', writes: false,
  run(_ctx, target, range) {
    const uri = typeof target === 'string' ? vscode.Uri.parse(target) : (target as vscode.Uri);
    const start = typeof range === 'number' ? new vscode.Position(range, 0) : (range as vscode.Range | undefined)?.start ?? new vscode.Position(0, 0);
    return vscode.window.showTextDocument(uri, { selection: new vscode.Range(start, start), preview: true });
  },
};
