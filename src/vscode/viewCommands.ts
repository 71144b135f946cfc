import * as vscode from 'vscode';
import type { Feature } from './feature';
import { treeApi } from './tree/relationshipsTree';

/** workspaceState key and context key of the filter that hides closed relationships and achieved goals. */
export const HIDE_CLOSED = 'mentoringJournal.hideClosed';

/** Opens a file with the cursor at the start of `range` (a `vscode.Range`, or a 0-based line). */
async function openItem(target: vscode.Uri | string, range?: vscode.Range | number): Promise<vscode.TextEditor> {
  const uri = typeof target === 'string' ? vscode.Uri.parse(target) : target;
  const start = typeof range === 'number' ? new vscode.Position(range, 0) : range?.start ?? new vscode.Position(0, 0);
  return vscode.window.showTextDocument(uri, { selection: new vscode.Range(start, start), preview: true });
}

/**
 * The commands of the Mentoring view that only read: Refresh, the closed filter, Reveal active
 * file, the format documentation, and Open item (what a click on a tree item runs).
 */
export const registerViewCommands: Feature = ({ extension, service, api }) => {
  const setHideClosed = async (hide: boolean): Promise<boolean> => {
    treeApi(api)?.provider.setHideClosed(hide);
    await extension.workspaceState.update(HIDE_CLOSED, hide);
    await vscode.commands.executeCommand('setContext', HIDE_CLOSED, hide);
    return hide;
  };
  void setHideClosed(extension.workspaceState.get<boolean>(HIDE_CLOSED, false));

  const docs = (name: string) => vscode.Uri.joinPath(extension.extensionUri, 'docs', name);

  return vscode.Disposable.from(
    vscode.commands.registerCommand('mentoringJournal.refresh', () => service.rebuild()),
    vscode.commands.registerCommand('mentoringJournal.hideClosed', () => setHideClosed(true)),
    vscode.commands.registerCommand('mentoringJournal.showClosed', () => setHideClosed(false)),
    vscode.commands.registerCommand('mentoringJournal.revealActiveFile', async (uri?: vscode.Uri) => {
      const target = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
      const tree = treeApi(api);
      const revealed = !!target && !!tree && (await tree.reveal(target));
      if (!revealed) void vscode.window.showInformationMessage('The active file is not part of a mentoring relationship shown in the Mentoring view.');
      return revealed;
    }),
    vscode.commands.registerCommand('mentoringJournal.openFormatDocs', async (name?: string) => {
      const uri = docs(typeof name === 'string' && /^[a-z-]+\.md$/.test(name) ? name : 'format.md');
      try {
        await vscode.workspace.fs.stat(uri);
      } catch {
        void vscode.window.showErrorMessage(`The journal format documentation is missing from the extension (${uri.path}).`);
        return undefined;
      }
      await vscode.commands.executeCommand('markdown.showPreview', uri);
      return uri;
    }),
    vscode.commands.registerCommand('mentoringJournal.openItem', openItem),
  );
};
