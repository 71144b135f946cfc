// What the benchmark's scripts share: the engine bundled from source as the CLI bundles it, the
// session they edit, and the summary of a series of timings.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Bundles `exports` (lines of `export { .. } from '..'`, paths from the repository's root) into `outfile`, for Node. */
export async function bundleEngine(outfile, exports) {
  await esbuild.build({
    stdin: { contents: exports.join('\n'), resolveDir: repo, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}

/** A session in the middle of the middle relationship of a built index: a typical file being edited. */
export function middleSession(index, dir) {
  const relationships = index.relationships();
  const rel = relationships[Math.floor(relationships.length / 2)];
  const sessions = rel.files.filter((f) => f.includes('/sessions/'));
  const target = sessions[Math.floor(sessions.length / 2)];
  return { rel, target, original: readFileSync(path.join(dir, target), 'utf8'), goal: rel.goals[0]?.id ?? 'goal' };
}

/** Median, 90th percentile and maximum of a series of timings. */
export function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p90: at(0.9), max: sorted[sorted.length - 1] };
}
