import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : name.endsWith('.ts') ? [relative(root, path).split('\\').join('/')] : [];
  });
}

describe('docs/ARCHITECTURE.md', () => {
  const doc = readFileSync(join(root, 'docs', 'ARCHITECTURE.md'), 'utf8');
  const map = doc.slice(doc.indexOf('## Map'), doc.indexOf('## Data flow'));

  it('names every source file in its map, under its folder', () => {
    const missing = sourceFiles(join(root, 'src')).filter((file) => {
      const name = file.split('/').pop()!;
      const folder = file.split('/').slice(0, -1).join('/');
      const inFolder = map.indexOf(`${folder.split('/').pop()}/`);
      return inFolder < 0 || !new RegExp(`(^|[\\s/])${name.replace(/\./g, '\\.')}(\\s|$)`, 'm').test(map.slice(inFolder));
    });
    assert.deepEqual(missing, [], 'add these files to the map in docs/ARCHITECTURE.md');
  });

  it('names no file that does not exist', () => {
    const names = new Set(sourceFiles(join(root, 'src')).map((file) => file.split('/').pop()));
    const named = [...map.matchAll(/(?:^|\s)([A-Za-z]+\.ts)(?=\s|$)/gm)].map((m) => m[1]!);
    assert.deepEqual(named.filter((name) => !names.has(name)), []);
  });
});

describe('bundles', () => {
  it('import zod as a namespace, so that the bundler keeps only the schemas used', () => {
    // `import { z } from 'zod'` takes zod's whole namespace object as a value: every locale and
    // the JSON Schema converters came into the command line's bundle with it, 360 KB of its 1 MB,
    // read, hashed and compiled at every start (docs/performance.md, "Session 28").
    const whole = sourceFiles(join(root, 'src')).filter((file) => /^import\s+\{[^}]*\bz\b[^}]*\}\s+from\s+'zod'/m.test(readFileSync(join(root, file), 'utf8')));
    assert.deepEqual(whole, [], "write `import * as z from 'zod'` (or `import type { z }`)");
  });
});
