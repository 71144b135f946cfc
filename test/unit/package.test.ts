import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
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

  it('builds a .vsix of at most 450 KB holding only the Node and web-worker bundles, manifest, grammars, snippets, media, docs and notices', () => {
    execFileSync('npm', ['run', 'package', '--silent'], { cwd: root, stdio: 'pipe' });
    const vsix = join(root, 'mentoring-journal.vsix');
    const size = statSync(vsix).size;
    assert.ok(size <= 450 * 1024, `the .vsix has ${size} bytes`);
    const listing = zipEntries(vsix);
    const allowed = /^(extension\.vsixmanifest|\[Content_Types\]\.xml|extension\/(package\.json|readme\.md|changelog\.md|LICENSE\.txt|dist\/extension\.js|dist\/web\/extension\.js|syntaxes\/[^/]+\.json|schemas\/[^/]+\.schema\.json|snippets\/[^/]+|media\/.+|docs\/[a-z]+\.md))$/;
    for (const entry of listing) assert.match(entry, allowed, `unexpected file in the .vsix: ${entry}`);
    for (const needed of ['extension/dist/extension.js', 'extension/dist/web/extension.js', 'extension/package.json', 'extension/schemas/mentoring-journal.schema.json', 'extension/docs/format.md', 'extension/docs/rules.md']) {
      assert.ok(listing.includes(needed), `${needed} is missing from the .vsix`);
    }
    // The tests pin "today" through the api only: the product itself reads no test variable.
    for (const bundle of [join('dist', 'extension.js'), join('dist', 'web', 'extension.js')]) {
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
