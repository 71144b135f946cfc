import * as vscode from 'vscode';

/** What every node of a Mentoring tree carries: an id stable across refreshes, and its parent. */
export interface TreeNode {
  /** Stable across refreshes, so that VS Code keeps expansion and selection, and `reveal` finds the node. */
  readonly id: string;
  readonly parent: TreeNode | undefined;
}

/**
 * The one base of every tree view: owns the change emitter, `refresh` and the disposables.
 * Subclasses say what the roots and children are and how a node looks.
 */
export abstract class BaseTreeProvider<T extends TreeNode> implements vscode.TreeDataProvider<T>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<T | undefined | void>();
  protected readonly disposables: vscode.Disposable[] = [this.changed];

  readonly onDidChangeTreeData = this.changed.event;

  /** Re-renders the whole tree, or the subtree below `node`. */
  refresh(node?: T): void {
    this.changed.fire(node);
  }

  abstract getTreeItem(node: T): vscode.TreeItem;
  protected abstract roots(): T[] | Promise<T[]>;
  protected abstract children(node: T): T[];

  async getChildren(node?: T): Promise<T[]> {
    return node ? this.children(node) : this.roots();
  }

  getParent(node: T): T | undefined {
    return node.parent as T | undefined;
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
