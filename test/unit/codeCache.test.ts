// The command line's loader: its bundle runs with the code cache made for exactly those bytes,
// and any other cache is passed over without changing what runs.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { cacheFileOf, compileBundle, runBundle } from '../../src/cli/codeCache';
import { buildCli } from './cliHarness';

interface Seen {
  value: string;
  filename: string;
  dirname: string;
  base: string;
  exportsIsModuleExports: boolean;
}
const seen = globalThis as unknown as { mjCodeCacheTest?: Seen };
/** What the last bundle run said. */
const lastRun = (): Seen | undefined => seen.mjCodeCacheTest;

/** A bundle that tells, through a global, what it ran with. `value` is 5 characters: two bundles of the same length. */
function bundleText(value: string): string {
  return `"use strict";
const { basename } = require('node:path');
function twice(text) { return text + text; }
globalThis.mjCodeCacheTest = { value: twice(${JSON.stringify(value)}), filename: __filename, dirname: __dirname, base: basename(__filename), exportsIsModuleExports: exports === module.exports };
`;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest();

/** A copy of a bundle and its cache under another name beside it. */
function copied(bundle: string, name: string): string {
  const copy = path.join(path.dirname(bundle), name);
  copyFileSync(bundle, copy);
  copyFileSync(cacheFileOf(bundle), cacheFileOf(copy));
  return copy;
}

describe('the command line code cache', () => {
  let dir: string;
  let bundle: string;

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'mj-cache-'));
    bundle = path.join(dir, 'x.bundle.js');
    writeFileSync(bundle, bundleText('first'));
    delete seen.mjCodeCacheTest;
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('runs a bundle as require would, and with no cache beside it says so', () => {
    const loaded = runBundle(bundle);
    assert.equal(loaded.cache, 'none');
    assert.deepEqual(lastRun(), { value: 'firstfirst', filename: bundle, dirname: dir, base: 'x.bundle.js', exportsIsModuleExports: true });
  });

  it('saves the cache after the run, headed by the digest of the bundle, and the next run takes it', () => {
    runBundle(bundle).save();
    const file = readFileSync(cacheFileOf(bundle));
    assert.deepEqual(file.subarray(0, 32), sha256(readFileSync(bundle)));
    assert.deepEqual(file.subarray(32, 64), sha256(file.subarray(64)));
    assert.ok(file.length > 64);
    assert.deepEqual(readdirSync(dir).sort(), ['x.bundle.js', 'x.bundle.js.cache'], 'no temporary file is left');
    // Under another name, so that V8 cannot take the script this process compiled already.
    const copy = copied(bundle, 'y.bundle.js');
    delete seen.mjCodeCacheTest;
    const again = runBundle(copy);
    assert.equal(again.cache, 'used');
    assert.equal(lastRun()?.base, 'y.bundle.js');
    assert.equal(lastRun()?.value, 'firstfirst');
  });

  it('passes over the cache of another bundle of the same length, and runs the bundle as it now is', () => {
    runBundle(bundle).save();
    writeFileSync(bundle, bundleText('other'));
    delete seen.mjCodeCacheTest;
    const loaded = runBundle(bundle);
    assert.equal(loaded.cache, 'stale');
    assert.equal(lastRun()?.value, 'otherother');
  });

  it('passes over a cache V8 refuses, a damaged one (V8 would crash on it), or one too short to hold its digests', () => {
    runBundle(bundle).save();
    const file = readFileSync(cacheFileOf(bundle));
    const garbage = Buffer.from('not a code cache at all');
    writeFileSync(cacheFileOf(bundle), Buffer.concat([file.subarray(0, 32), sha256(garbage), garbage]));
    const copy = copied(bundle, 'z.bundle.js');
    delete seen.mjCodeCacheTest;
    assert.equal(runBundle(copy).cache, 'rejected');
    assert.equal(lastRun()?.value, 'firstfirst');
    // One byte of the data changed, the header kept: not given to V8.
    for (const at of [64, Math.floor((file.length + 64) / 2), file.length - 1]) {
      const damaged = Buffer.from(file);
      damaged[at]! ^= 0xff;
      writeFileSync(cacheFileOf(bundle), damaged);
      const name = `d${at}.bundle.js`;
      delete seen.mjCodeCacheTest;
      assert.equal(runBundle(copied(bundle, name)).cache, 'stale', `byte ${at}`);
      assert.equal(lastRun()?.value, 'firstfirst');
    }
    writeFileSync(cacheFileOf(bundle), file.subarray(0, 10));
    assert.equal(runBundle(bundle).cache, 'stale');
    writeFileSync(cacheFileOf(bundle), '');
    assert.equal(runBundle(bundle).cache, 'stale');
  });

  it('does not fail, nor leave a temporary file, when the cache cannot be written', () => {
    mkdirSync(path.join(cacheFileOf(bundle), 'in-the-way'), { recursive: true });
    const loaded = runBundle(bundle);
    assert.equal(loaded.cache, 'none');
    assert.doesNotThrow(() => loaded.save());
    assert.deepEqual(readdirSync(dir).sort(), ['x.bundle.js', 'x.bundle.js.cache']);
    assert.deepEqual(readdirSync(cacheFileOf(bundle)), ['in-the-way']);
  });

  it('is made by the build, for the bundle it built, and this Node takes it', () => {
    const cli = buildCli();
    const built = path.join(path.dirname(cli), 'cli.bundle.js');
    assert.deepEqual(readdirSync(path.dirname(cli)).filter((name) => name.startsWith('cli.') && !name.endsWith('.map')).sort(), ['cli.bundle.js', 'cli.bundle.js.cache', 'cli.js']);
    // Compiled only: running it would run the command line in this process.
    assert.equal(compileBundle(built).cache, 'used');
  });
});
