// Runs the command line's bundle with V8's code cache: the bundle's functions compiled once, at
// build time, and kept beside it, so that each start skips compiling them (about 50 ms of a check,
// docs/performance.md). Only Node built-ins here: this is loaded before the bundle.
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { Script } from 'node:vm';

/** What became of the cache: taken; none beside the bundle; made for another bundle, or damaged; refused by V8 (another Node, other flags). */
export type CacheUse = 'used' | 'none' | 'stale' | 'rejected';

export interface LoadedBundle {
  cache: CacheUse;
  /**
   * Writes the cache of what has been compiled so far, for the next start: called when the
   * process ends, so that it holds the functions the run needed. Replaces the file at once
   * (written beside it, then renamed), so that a run starting meanwhile reads a whole one.
   */
  save(): void;
}

/** Length of a digest of the header: SHA-256. */
const DIGEST_BYTES = 32;
/** The header: the SHA-256 of the bundle the cache was made from, then that of the cache's data. */
const HEADER_BYTES = 2 * DIGEST_BYTES;

const sha256 = (bytes: Uint8Array): Buffer => createHash('sha256').update(bytes).digest();

/** The cache file of a bundle. */
export function cacheFileOf(bundle: string): string {
  return `${bundle}.cache`;
}

/** A bundle compiled, not yet run. */
export interface CompiledBundle {
  script: Script;
  cache: CacheUse;
  /** SHA-256 of the bundle's bytes, the cache file's header. */
  digest: Buffer;
}

/**
 * Compiles a CommonJS bundle as Node's `require` would, with its code cache when the cache
 * beside it was made from these very bytes and is whole. V8 checks only the source's length, its
 * own version and its flags, not its data: a cache of another bundle of the same length would run
 * that bundle's code, and a cache with one byte changed (a bad disk, a copy cut short) makes V8
 * crash. So the header's two digests are checked here first. Any cache that cannot be read, or
 * does not match, is passed over.
 */
export function compileBundle(bundle: string): CompiledBundle {
  const bytes = readFileSync(bundle);
  const digest = sha256(bytes);
  let cached: Buffer | undefined;
  let cache: CacheUse = 'none';
  try {
    const file = readFileSync(cacheFileOf(bundle));
    const data = file.subarray(HEADER_BYTES);
    const whole = file.length > HEADER_BYTES && digest.equals(file.subarray(0, DIGEST_BYTES)) && sha256(data).equals(file.subarray(DIGEST_BYTES, HEADER_BYTES));
    if (whole) cached = data;
    else cache = 'stale';
  } catch {
    // No cache (a build without one, a read-only copy): compiled as it runs.
  }
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${bytes.toString('utf8')}\n})`;
  const script = new Script(wrapped, { filename: bundle, ...(cached ? { cachedData: cached } : {}) });
  if (cached) cache = script.cachedDataRejected ? 'rejected' : 'used';
  return { script, cache, digest };
}

/** Runs a bundle compiled by `compileBundle`, with `require`, `module`, `__filename` and `__dirname` of its own. */
export function runBundle(bundle: string): LoadedBundle {
  const { script, cache, digest } = compileBundle(bundle);
  const module = { exports: {} };
  const run = script.runInThisContext() as (exports: unknown, require: NodeRequire, module: unknown, filename: string, dirname: string) => void;
  run(module.exports, createRequire(bundle), module, bundle, path.dirname(bundle));
  return {
    cache,
    save() {
      const cacheFile = cacheFileOf(bundle);
      const temporary = `${cacheFile}.${process.pid}.tmp`;
      try {
        const data = script.createCachedData();
        writeFileSync(temporary, Buffer.concat([digest, sha256(data), data]));
        renameSync(temporary, cacheFile);
      } catch {
        rmSync(temporary, { force: true });
      }
    },
  };
}
