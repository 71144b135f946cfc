/**
 * The web tier's premise: the product runs in the browser's web-worker extension host, as in VS
 * Code for the Web, not in code-server's Node extension host. The workbench was opened with the
 * user setting "remote.extensionKind": {"mentoring-journal.mentoring-journal": ["web"]}; the web
 * bootstrap (test/bootstrap-web-extension/), which runs only in that host, reports what it saw there.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PRODUCT_ID } from '../../scripts/vscode-test/host.mjs';
import { TODAY, workbench } from '../e2e/workbench';

describe('Web worker extension host', () => {
  it('runs the product in a web worker: no DOM, no Node, VS Code for the Web', async () => {
    const report = await workbench().webReport();
    // A dedicated worker: WorkerGlobalScope, no page (document) and no Node (process).
    assert.equal(report.host.workerGlobalScope, true, JSON.stringify(report.host));
    assert.equal(report.host.typeofDocument, 'undefined');
    assert.equal(report.host.typeofProcess, 'undefined');
    assert.equal(report.host.typeofNavigator, 'object');
    assert.equal(report.host.uiKind, 'web');
    // The product's exports reach only extensions of its own host: it runs in this worker, on the UI side.
    assert.equal(report.product.id, PRODUCT_ID);
    assert.equal(report.product.exportsHere, true);
    assert.equal(report.product.extensionKind, 'ui');
    // The tests' day reached it there, through its api.
    assert.equal(report.today, TODAY);
  });

  it('reads no file during activation', async () => {
    const report = await workbench().webReport();
    assert.equal(report.product.indexedAtActivation, 0);
    assert.equal(typeof report.product.activationMs, 'number');
  });

  it("is not activated in code-server's Node extension host", async () => {
    const wb = workbench();
    await wb.webReport();
    // The Node host's log names every extension it activates; the product is not among them.
    const logs = path.join(wb.host.dirs.userData, 'logs');
    const remoteLogs = fs.readdirSync(logs, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('remoteexthost.log'));
    assert.ok(remoteLogs.length > 0, 'the Node extension host wrote its log');
    const text = remoteLogs.map((f) => fs.readFileSync(path.join(logs, f), 'utf8')).join('\n');
    assert.match(text, /ExtensionService#_doActivateExtension mentoring-journal-tests\.test-bootstrap,/, 'the Node host logs the activation of the Node bootstrap');
    assert.doesNotMatch(text, /ExtensionService#_doActivateExtension mentoring-journal\.mentoring-journal,/);
  });
});
