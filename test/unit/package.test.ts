import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

/** Names of the entries of a zip archive, from its central directory (no unzip tool needed). */
function zipEntries(file: string): string[] {
  const zip = readFileSync(file);
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, 'not a zip archive');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    assert.equal(zip.readUInt32LE(at), 0x02014b50, 'broken central directory');
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    names.push(zip.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extra + comment;
  }
  return names;
}

describe('npm run package', function () {
  this.timeout(180_000);

  it('builds a .vsix of at most 550 KB holding only the Node bundles and their entry, the web-worker bundle, manifest, grammars, snippets, media, docs and notices', () => {
    // With stdin closed, as in a terminal where Enter answers No: vsce must have nothing to ask.
    const packaged = spawnSync('npm', ['run', 'package', '--silent'], { cwd: root, encoding: 'utf8', input: '\n' });
    assert.equal(packaged.status, 0, packaged.stdout + packaged.stderr);
    assert.doesNotMatch(packaged.stdout + packaged.stderr, /continue\?|repository/, 'vsce asked, or warned about the manifest');
    const vsix = join(root, 'mentoring-journal.vsix');
    const size = statSync(vsix).size;
    // A budget, not a target: the bundles and the docs shipped with them (rules, format, review, changelog) grow with the product.
    assert.ok(size <= 550 * 1024, `the .vsix has ${size} bytes`);
    const listing = zipEntries(vsix);
    const allowed = /^(extension\.vsixmanifest|\[Content_Types\]\.xml|extension\/(package\.json|readme\.md|changelog\.md|LICENSE\.txt|dist\/extension\.js|dist\/main\.js|dist\/markdown\.js|dist\/web\/extension\.js|syntaxes\/[^/]+\.json|schemas\/[^/]+\.schema\.json|snippets\/[^/]+|media\/.+|docs\/[a-z]+\.md))$/;
    for (const entry of listing) assert.match(entry, allowed, `unexpected file in the .vsix: ${entry}`);
    for (const needed of ['extension/dist/extension.js', 'extension/dist/main.js', 'extension/dist/markdown.js', 'extension/dist/web/extension.js', 'extension/package.json', 'extension/schemas/mentoring-journal.schema.json', 'extension/docs/format.md', 'extension/docs/rules.md']) {
      assert.ok(listing.includes(needed), `${needed} is missing from the .vsix`);
    }
    // The tests pin "today" through the api only: the product itself reads no test variable.
    for (const bundle of [join('dist', 'extension.js'), join('dist', 'main.js'), join('dist', 'web', 'extension.js')]) {
      assert.ok(!readFileSync(join(root, bundle), 'utf8').includes('MJ_TEST_'), `${bundle} reads an MJ_TEST_ variable`);
    }
  });
});

describe('the web-worker bundle (package.json browser)', function () {
  this.timeout(120_000);

  it('is built beside the Node bundle and requires nothing but vscode', () => {
    execFileSync('node', ['scripts/build.mjs'], { cwd: root, stdio: 'pipe' });
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string; browser: string };
    assert.equal(manifest.browser, './dist/web/extension.js');
    const bundle = readFileSync(join(root, manifest.browser), 'utf8');
    const required = new Set([...bundle.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]));
    assert.deepEqual([...required], ['vscode']);
    // decode-named-character-reference's DOM build (which made activation fail with "document is not defined") is not in it.
    assert.ok(!bundle.includes('index.dom.js'), 'the bundle holds a DOM-only module');
    assert.ok(!bundle.includes("document.createElement('i')") && !bundle.includes('document.createElement("i")'), 'the bundle makes a DOM element at load');
  });
});

/**
 * A stand-in for the `vscode` module: every top-level name @types/vscode declares, each a value that
 * can be read, called, constructed and extended at any depth. Enough to run a bundle's top-level
 * code, which makes classes and reads enums, without VS Code.
 */
function standInApi(): Record<string, unknown> {
  const names = [...readFileSync(require.resolve('@types/vscode/index.d.ts'), 'utf8').matchAll(/^\texport (?:class|namespace|enum|function|const|let) (\w+)/gm)].map((m) => m[1]!);
  const anything = (): unknown => {
    const members = new Map<PropertyKey, unknown>();
    const target = function () {} as unknown as object;
    return new Proxy(target, {
      get: (t, key) => {
        if (key === 'prototype') return (t as { prototype: unknown }).prototype;
        if (key === Symbol.toPrimitive || key === 'then') return undefined;
        if (!members.has(key)) members.set(key, anything());
        return members.get(key);
      },
      apply: () => anything(),
      construct: () => anything() as object,
    });
  };
  return Object.fromEntries(names.map((name) => [name, anything()]));
}

/** Requires a built CommonJS bundle afresh with `vscode` stood in for, and says which modules it required while loading. */
function loadWithStandInApi(bundle: string): { exports: Record<string, unknown>; required: string[] } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- Node's module loader, to stand in for `vscode` as VS Code's loader does
  const Module = require('node:module') as { _load(request: string, parent: unknown, isMain: boolean): unknown };
  const original = Module._load;
  const api = standInApi();
  const required: string[] = [];
  Module._load = function (request: string, ...rest: [unknown, boolean]) {
    required.push(request);
    return request === 'vscode' ? api : original.call(this, request, ...rest);
  };
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the built CommonJS bundle, as VS Code loads it
    return { exports: require(bundle) as Record<string, unknown>, required: [...new Set(required)] };
  } finally {
    Module._load = original;
  }
}

describe('the Node entry (package.json main)', function () {
  this.timeout(120_000);
  let dir: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'mj-entry-'));
    execFileSync('node', ['scripts/build.mjs', '--production', '--out-dir', dir], { cwd: root, stdio: 'pipe' });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** Requires the entry afresh, beside a main.js with `source` (a stand-in for the extension's bundle). */
  function entryBeside(source: string, name: string): { entry: { activate(context: unknown): unknown; deactivate(): void }; loads: () => number } {
    const folder = join(dir, name);
    mkdirSync(folder);
    copyFileSync(join(dir, 'dist', 'extension.js'), join(folder, 'extension.js'));
    writeFileSync(join(folder, 'main.js'), `globalThis.mjMainLoads = (globalThis.mjMainLoads ?? 0) + 1;\n${source}`);
    (globalThis as { mjMainLoads?: number }).mjMainLoads = 0;
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the built CommonJS entry, as VS Code loads it
    return { entry: require(join(folder, 'extension.js')), loads: () => (globalThis as { mjMainLoads?: number }).mjMainLoads ?? 0 };
  }
  const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

  it('is a few lines that require dist/main.js and nothing else; main.js requires vscode once', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string };
    assert.equal(manifest.main, './dist/extension.js');
    const entry = readFileSync(join(dir, 'dist', 'extension.js'), 'utf8');
    assert.ok(entry.length < 2048, `the entry has ${entry.length} bytes`);
    assert.deepEqual([...entry.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]), ['./main.js']);
    // Every file of the extension shares one namespace object for the API (scripts/build.mjs), in both hosts' bundles.
    for (const bundle of [join(dir, 'dist', 'main.js'), join(dir, 'dist', 'web', 'extension.js')]) {
      assert.equal(readFileSync(bundle, 'utf8').match(/\brequire\(\s*["']vscode["']\s*\)/g)?.length, 1, bundle);
    }
  });

  it("leaves the Markdown parser out of main.js: dist/markdown.js, required when the first body is parsed, parses bodies", () => {
    const main = readFileSync(join(dir, 'dist', 'main.js'), 'utf8');
    assert.deepEqual([...main.matchAll(/\brequire\(\s*["'](\.[^"']*)["']\s*\)/g)].map((m) => m[1]), ['./markdown.js']);
    // micromark's HTML entity table and its tokenizer are not in main.js; the web bundle, one file, keeps them.
    for (const marker of ['AElig', 'characterEntities', 'micromark']) assert.ok(!main.includes(marker), `main.js holds ${marker}`);
    assert.ok(readFileSync(join(dir, 'dist', 'web', 'extension.js'), 'utf8').includes('AElig'), 'the web bundle keeps the entity table');
    // Loading main.js, as VS Code does, does not load markdown.js: the require runs on the first parse.
    const loaded = loadWithStandInApi(join(dir, 'dist', 'main.js'));
    assert.equal(typeof loaded.exports.activate, 'function');
    assert.ok(loaded.required.includes('vscode'), `main.js required ${loaded.required.join(', ')}`);
    assert.ok(!loaded.required.includes('./markdown.js'), 'main.js required markdown.js at load');
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the built CommonJS bundle, as main.js loads it
    const { createMarkdownParsers } = require(join(dir, 'dist', 'markdown.js')) as typeof import('../../src/core/markdownParser');
    const tree = createMarkdownParsers().whole.parse('---\ntype: session\n---\n# Notes\n\n- [ ] @sam send the draft &amp; notes\n');
    assert.deepEqual(tree.children.map((n) => n.type), ['yaml', 'heading', 'list']);
    assert.match(JSON.stringify(tree.children[2]), /send the draft & notes/);
  });

  it('loads the extension on the next timer, not while VS Code requires it', async () => {
    const { entry, loads } = entryBeside("exports.activate = (context) => ({ activatedWith: context }); exports.deactivate = () => { globalThis.mjDeactivated = true; };", 'timer');
    assert.equal(loads(), 0, 'required with the entry');
    await tick();
    assert.equal(loads(), 1);
    assert.deepEqual(entry.activate('context'), { activatedWith: 'context' });
    entry.deactivate();
    assert.equal((globalThis as { mjDeactivated?: boolean }).mjDeactivated, true);
    assert.equal(loads(), 1, 'loaded once');
  });

  it('loads it in activate when VS Code activates before the timer, and only then', async () => {
    const { entry, loads } = entryBeside('exports.activate = () => "active"; exports.deactivate = () => {};', 'early');
    assert.equal(entry.activate({}), 'active');
    assert.equal(loads(), 1);
    await tick();
    assert.equal(loads(), 1, 'the timer loads it no more');
  });

  it("reports an extension that fails to load from activate, as VS Code expects, and not from the timer", async () => {
    const { entry } = entryBeside('throw new Error("broken bundle");', 'broken');
    await tick(); // an exception thrown from the timer would fail this test as uncaught
    assert.throws(() => entry.activate({}), /broken bundle/);
  });
});
