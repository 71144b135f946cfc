/**
 * How long a user waits for the Mentoring view: from the start of the navigation that opens the
 * workbench to the Relationships tree showing the relationships, for the example journal
 * (examples/journal, 2 relationships, 20 files) and for a generated journal of 1,000 files
 * (10 relationships, each with an agreement, 4 goals and 95 sessions). Each figure comes from a
 * fresh workbench (own code-server and Chromium) whose Mentoring view is opened as soon as the
 * activity bar offers it, as a user would. The figures are recorded (test-results/e2e/metrics.json,
 * docs/performance.md), never asserted: the tests assert what the tree shows.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateJournal } from './journalGenerator';
import { recordMetric, watchFirstAppearance, Workbench } from './workbench';

/** A top-level row ("mentor ↔ mentee") of the Relationships tree; roots appear together, once the index is built. */
const RELATIONSHIP_ROW = '.pane:has(.view-mentoringJournal-relationships) .monaco-list-row[aria-level="1"][aria-label*="↔"]';
watchFirstAppearance('mentoring-tree', RELATIONSHIP_ROW);

interface TreeTiming {
  /** From the start of the navigation to the first relationship row. */
  treeMs: number;
  /** From the start of the navigation to the extension host running (the bootstrap's report). */
  extensionHostMs: number;
  /** When the Mentoring view was opened (its activity-bar entry clicked). */
  viewOpenedMs: number;
  /** The top-level labels of the tree. */
  labels: string[];
}

/** Opens a fresh workbench on the workspace `populate` leaves, opens the Mentoring view at once, and times the tree. */
async function timeTree(name: string, populate: (workspace: string) => void): Promise<TreeTiming> {
  const wb = await Workbench.open({ name, populate });
  try {
    await wb.openViewContainer('Mentoring', 120_000);
    const viewOpenedMs = wb.sinceOpen();
    const treeMs = await wb.mark('mentoring-tree', 120_000);
    const ready = await wb.waitForExtensionHost();
    const labels = (await wb.treeRows('Relationships')).filter((r) => r.level === 1).map((r) => r.label);
    return { treeMs, extensionHostMs: ready.time - wb.openedAt, viewOpenedMs, labels };
  } finally {
    await wb.close();
  }
}

function record(prefix: string, t: TreeTiming): void {
  recordMetric(`${prefix}_tree_ms`, t.treeMs);
  recordMetric(`${prefix}_extension_host_ms`, t.extensionHostMs);
  recordMetric(`${prefix}_view_opened_ms`, t.viewOpenedMs);
  // What the extension adds once its host runs: activation, indexing the journal, the first render.
  recordMetric(`${prefix}_tree_after_extension_host_ms`, t.treeMs - t.extensionHostMs);
}

describe('Mentoring view: time to the tree', () => {
  it('measures the example journal (2 relationships, 20 files)', async function () {
    this.timeout(180_000);
    const timing = await timeTree('e2e-example-journal', (workspace) => {
      // Only examples/journal: the fixture's broken/ is not part of the example.
      fs.rmSync(path.join(workspace, 'broken'), { recursive: true, force: true });
    });
    assert.deepEqual(timing.labels, ['Priya Raman ↔ Sam Okafor', 'Aiko Tanaka ↔ Daniel Weber']);
    record('example_journal', timing);
  });

  it('measures a generated journal of 1,000 files (10 relationships)', async function () {
    this.timeout(180_000);
    let generated: { labels: string[]; files: number } | undefined;
    const timing = await timeTree('e2e-generated-1000', (workspace) => {
      fs.rmSync(path.join(workspace, 'broken'), { recursive: true, force: true });
      fs.rmSync(path.join(workspace, 'journal'), { recursive: true, force: true });
      generated = generateJournal(path.join(workspace, 'journal'));
    });
    assert.ok(generated);
    assert.equal(generated.files, 1000);
    assert.deepEqual([...timing.labels].sort(), [...generated.labels].sort());
    record('generated_1000', timing);
  });
});
