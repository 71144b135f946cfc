/**
 * The Mentoring view of a generated journal of 1,500 files (15 relationships, each with an
 * agreement, 4 goals and 95 sessions, from the benchmark's seeded generator) in the web-worker
 * extension host and, for comparison, in code-server's Node extension host: from the start of the
 * navigation to the first relationship row, each in a fresh workbench (own code-server and
 * Chromium) whose Mentoring view is opened as soon as the activity bar offers it. The figures are
 * recorded (test-results/web/metrics.json, docs/performance.md), never asserted: the test asserts
 * what the tree shows, and that the web figure comes from the worker.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateJournal } from '../../scripts/bench/generate.mjs';
import { waitUntil } from '../../scripts/vscode-test/host.mjs';
import { recordMetric, watchFirstAppearance, Workbench } from '../e2e/workbench';

const RELATIONSHIP_ROW = '.pane:has(.view-mentoringJournal-relationships) .monaco-list-row[aria-level="1"][aria-label*="↔"]';
watchFirstAppearance('mentoring-tree', RELATIONSHIP_ROW);

const RELATIONSHIPS = 15;

function populate(workspace: string): void {
  fs.rmSync(path.join(workspace, 'broken'), { recursive: true, force: true });
  const files = generateJournal(path.join(workspace, 'journal'), { relationships: RELATIONSHIPS, sessionsPer: 95, goalsPer: 4 });
  assert.equal(files, 1500);
}

/** ms from the start of the navigation to the first relationship row, and the number of rows once all are there. */
async function timeTree(web: boolean): Promise<{ treeMs: number; extensionHostMs: number }> {
  const wb = await Workbench.open({ name: web ? 'web-generated-1500' : 'web-node-generated-1500', populate, web });
  try {
    await wb.openViewContainer('Mentoring', 120_000);
    const treeMs = await wb.mark('mentoring-tree', 180_000);
    const ready = await wb.waitForExtensionHost();
    if (web) {
      const report = await wb.webReport();
      assert.equal(report.host.workerGlobalScope, true, 'the product ran in the web worker');
    }
    await waitUntil(`${RELATIONSHIPS} relationships in the tree`,
      async () => (await wb.page.locator(RELATIONSHIP_ROW).count()) === RELATIONSHIPS, { timeoutMs: 60_000, intervalMs: 250 });
    return { treeMs, extensionHostMs: ready.time - wb.openedAt };
  } finally {
    await wb.close();
  }
}

describe('Mentoring view of 1,500 files: web worker against Node', () => {
  it('shows the tree in both hosts and records the times', async function () {
    this.timeout(600_000);
    const worker = await timeTree(true);
    const node = await timeTree(false);
    recordMetric('generated_1500_worker_tree_ms', worker.treeMs);
    recordMetric('generated_1500_worker_extension_host_ms', worker.extensionHostMs);
    recordMetric('generated_1500_node_tree_ms', node.treeMs);
    recordMetric('generated_1500_node_extension_host_ms', node.extensionHostMs);
    // Percent: the worker's time to the tree against the Node host's (200 would be twice as long).
    recordMetric('generated_1500_worker_vs_node_percent', (100 * worker.treeMs) / node.treeMs);
  });
});
