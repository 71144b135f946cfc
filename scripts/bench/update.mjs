// Measures updates of one file in a built index: builds the engine's index of DIR in this
// process, then calls setText 100 times on one session with changing content.
// Usage: node --expose-gc update.mjs ENGINE_BUNDLE DIR [COUNT]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

const [engineFile, dir, countText] = process.argv.slice(2);
const { JournalIndex, NodeFileSystem } = createRequire(import.meta.url)(path.resolve(engineFile));
const count = Number(countText ?? 100);

const stats = (samples) => {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p90: at(0.9), max: sorted[sorted.length - 1] };
};

const index = new JournalIndex(new NodeFileSystem(path.resolve(dir)));
const started = performance.now();
await index.build();
const buildMs = performance.now() - started;
globalThis.gc?.();
const heapMB = process.memoryUsage().heapUsed / 2 ** 20;

// A session in the middle of the middle relationship: a typical file being edited.
const relationships = index.relationships();
const rel = relationships[Math.floor(relationships.length / 2)];
const sessions = rel.files.filter((f) => f.includes('/sessions/'));
const target = sessions[Math.floor(sessions.length / 2)];
const original = readFileSync(path.join(dir, target), 'utf8');
const goal = rel.goals[0]?.id ?? 'goal';
const edit = (i) => original.replace(/^(\s+[a-z0-9-]+: )(\d+)$/m, (_, key, n) => `${key}${Math.min(100, Number(n) + (i % 7))}`) + `\nEdit ${i}: we came back to [[${goal}]].\n`;

const update = [];
for (let i = 0; i < count; i++) {
  const text = edit(i);
  const t = performance.now();
  index.setText(target, text);
  update.push(performance.now() - t);
}
// What an editor needs after an update: the file's problems and its body (actions, sections).
const withFacts = [];
for (let i = 0; i < count; i++) {
  const text = edit(i + count);
  const t = performance.now();
  const change = index.setText(target, text);
  for (const file of change.files) index.problems(file);
  void index.file(target)?.session?.actions.length;
  withFacts.push(performance.now() - t);
}
console.log(JSON.stringify({ files: index.size, buildMs, heapMB, target, setText: stats(update), setTextWithFacts: stats(withFacts) }));
