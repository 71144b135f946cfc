// One keystroke in a large workspace, as the extension handles it: builds the engine's index of
// DIR in this process the way the extension does (keepLastGood), then types a sentence into one
// session of the middle relationship, one character per update. Each update is timed from the
// new text to everything the editor shows about it: the file re-validated (setText, with the
// cross-file rules of its relationship), the problems of every file the change touched (the
// diagnostics), and the report of each relationship it touched (analyzeRelationship: the tree's
// health, goals, sessions and signals), its session's actions and sections read as the tree does.
// Usage: node --expose-gc keystroke.mjs ENGINE_BUNDLE DIR [COUNT] [TODAY]
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { middleSession, stats } from './common.mjs';

const [engineFile, dir, countText, todayText] = process.argv.slice(2);
const { JournalIndex, NodeFileSystem, analyzeRelationship } = createRequire(import.meta.url)(path.resolve(engineFile));
const count = Number(countText ?? 100);
const today = todayText ?? '2026-11-23';


const index = new JournalIndex(new NodeFileSystem(path.resolve(dir)), {}, { keepLastGood: true });
const started = performance.now();
await index.build();
const buildMs = performance.now() - started;

// The reports the tree holds before the typing starts (the extension computes them for what it shows).
for (const rel of index.relationships()) analyzeRelationship(rel, today);
globalThis.gc?.();

const { rel, target, original, goal } = middleSession(index, dir);
// A sentence typed at the end of the file, one character at a time, with a goal reference in it.
const sentence = `\nWe talked it through again and agreed on the next step for [[${goal}]], then wrote it down so that both of us remember it well.`.repeat(3);

const samples = [];
let touchedFiles = 0;
let touchedRelationships = 0;
for (let i = 1; i <= count; i++) {
  const text = original + sentence.slice(0, i);
  const t = performance.now();
  const change = index.setText(target, text);
  for (const file of change.files) index.problems(file);
  for (const id of change.relationships) {
    const relationship = index.relationship(id);
    if (!relationship) continue;
    const report = analyzeRelationship(relationship, today);
    void report;
  }
  const session = index.file(target)?.session;
  void session?.actions.length;
  void (session && Object.keys(session.sections).length);
  samples.push(performance.now() - t);
  touchedFiles += change.files.length;
  touchedRelationships += change.relationships.length;
}
console.log(
  JSON.stringify({
    files: index.size,
    relationships: index.relationships().length,
    buildMs,
    target,
    filesInRelationship: rel.files.length,
    touchedFilesPerKeystroke: touchedFiles / count,
    touchedRelationshipsPerKeystroke: touchedRelationships / count,
    keystroke: stats(samples),
  }),
);
