// Test-only: the floor of test/e2e/performance.e2e.ts. Its tree returns three static items at
// once, so the time until they show is what any extension's tree costs in this host: the
// extension host's start, activation and one round trip of the tree.
/* global require, module */
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS: VS Code loads `main` with require() */
'use strict';

const vscode = require('vscode');

module.exports = {
  activate(context) {
    const items = ['Floor item one', 'Floor item two', 'Floor item three'].map((label) => new vscode.TreeItem(label));
    context.subscriptions.push(vscode.window.registerTreeDataProvider('floorItems', {
      getTreeItem: (item) => item,
      getChildren: (item) => (item ? [] : items),
    }));
  },
  deactivate() {},
};
