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

  it('builds a .vsix of at most 400 KB holding only the bundle, manifest, grammars, snippets, media, docs and notices', () => {
    execFileSync('npm', ['run', 'package', '--silent'], { cwd: root, stdio: 'pipe' });
    const vsix = join(root, 'mentoring-journal.vsix');
    const size = statSync(vsix).size;
    assert.ok(size <= 400 * 1024, `the .vsix has ${size} bytes`);
    const listing = zipEntries(vsix);
    const allowed = /^(extension\.vsixmanifest|\[Content_Types\]\.xml|extension\/(package\.json|readme\.md|changelog\.md|LICENSE\.txt|dist\/extension\.js|syntaxes\/[^/]+\.json|schemas\/[^/]+\.schema\.json|snippets\/[^/]+|media\/.+|docs\/[a-z]+\.md))$/;
    for (const entry of listing) assert.match(entry, allowed, `unexpected file in the .vsix: ${entry}`);
    for (const needed of ['extension/dist/extension.js', 'extension/package.json', 'extension/schemas/mentoring-journal.schema.json', 'extension/docs/format.md', 'extension/docs/rules.md']) {
      assert.ok(listing.includes(needed), `${needed} is missing from the .vsix`);
    }
    // The tests pin "today" through the api only: the product itself reads no test variable.
    assert.ok(!readFileSync(join(root, 'dist', 'extension.js'), 'utf8').includes('MJ_TEST_'), 'the bundle reads an MJ_TEST_ variable');
  });
});
