// Measures updates of one file in a built index: builds the engine's index of DIR in this
// process, then calls setText 100 times on one session with changing content.
// Usage: node --expose-gc update.mjs ENGINE_BUNDLE DIR [COUNT]
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { middleSession, stats } from './common.mjs';

const [engineFile, dir, countText] = process.argv.slice(2);
const { JournalIndex, NodeFileSystem } = createRequire(import.meta.url)(path.resolve(engineFile));
const count = Number(countText ?? 100);


const index = new JournalIndex(new NodeFileSystem(path.resolve(dir)));
const started = performance.now();
await index.build();
const buildMs = performance.now() - started;
globalThis.gc?.();
const heapMB = process.memoryUsage().heapUsed / 2 ** 20;

const { target, original, goal } = middleSession(index, dir);
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
