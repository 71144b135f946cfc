// Test-only bootstrap of the web tier, the web-worker counterpart of test/bootstrap-extension/.
// It has a `browser` entry only, so VS Code runs it in the browser's web-worker extension host, the
// host the web tier forces the product into ("remote.extensionKind": ["web"]). An extension's
// exports reach only extensions of the same host, so this one, not the Node bootstrap, hands the
// product its day. There is no environment in a worker: the orders come from the Node bootstrap
// through a command (mentoringJournalTests.orders), and what this extension sees goes back the same
// way (mentoringJournalTests.webReport), which the Node bootstrap writes to a file for the runner.
// Outside the web tier nobody installs it (and without the Node bootstrap's commands it does nothing).
/* global require, module, self, WorkerGlobalScope, navigator */
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS: VS Code loads `browser` with require() */
'use strict';

const vscode = require('vscode');

const PRODUCT_ID = 'mentoring-journal.mentoring-journal';
const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Calls a command of the Node bootstrap, once it is registered (both activate on start-up, in any order). */
async function callNode(command, ...args) {
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      return await vscode.commands.executeCommand(command, ...args);
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await delay(100);
    }
  }
}

/** What says where this code runs: a dedicated worker has WorkerGlobalScope, no document and no process. */
function hostFacts() {
  return {
    workerGlobalScope: typeof WorkerGlobalScope !== 'undefined' && typeof self !== 'undefined' && self instanceof WorkerGlobalScope,
    typeofDocument: typeof document,
    typeofProcess: typeof process,
    typeofNavigator: typeof navigator,
    userAgent: typeof navigator !== 'undefined' ? navigator.userAgent : null,
    uiKind: vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop',
    remoteName: vscode.env.remoteName || null,
    vscodeVersion: vscode.version,
  };
}

async function activate() {
  const orders = await callNode('mentoringJournalTests.orders');
  const started = Date.now();
  let product = vscode.extensions.getExtension(PRODUCT_ID);
  // Polls rather than activating it: the product activates by its own activation events.
  while (!(product && product.isActive && product.exports)) {
    if (Date.now() - started > 120_000) {
      await callNode('mentoringJournalTests.webReport', { error: `${PRODUCT_ID} did not become active in this host`, host: hostFacts(), productSeen: !!product });
      return;
    }
    await delay(10);
    product = vscode.extensions.getExtension(PRODUCT_ID);
  }
  const api = product.exports;
  if (orders && orders.today && typeof api.setToday === 'function') api.setToday(orders.today);
  await callNode('mentoringJournalTests.webReport', {
    host: hostFacts(),
    product: {
      id: product.id,
      // Only an extension of this very host hands over its exports: the api is here, so the product runs here.
      exportsHere: typeof api.setToday === 'function',
      extensionKind: product.extensionKind === vscode.ExtensionKind.UI ? 'ui' : 'workspace',
      extensionUri: product.extensionUri.toString(),
      activationMs: api.activationMs,
      indexedAtActivation: api.indexedAtActivation,
    },
    today: orders && orders.today,
  });
}

function deactivate() {}

module.exports = { activate, deactivate };
