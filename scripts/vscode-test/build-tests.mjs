// Bundles the extension-host suites for both runners (run-code-server.mjs, run-electron.mjs):
//   test/suite/index.ts        -> out/suite/index.js        (mocha bundled in; exports run(), runSuites())
//   test/suite/**/*.test.ts    -> out/suite/**/*.test.js    (one bundle per suite; `vscode` external)
// and the suites of the untrusted tier (run-code-server.mjs --untrusted), which need a window in
// Restricted Mode and so run apart, with their own copy of the same index:
//   test/suite/index.ts        -> out/untrusted/index.js
//   test/untrusted/**/*.test.ts -> out/untrusted/**/*.test.js
// CommonJS, inline source maps (stacks point at the .ts sources). Each out/ folder is emptied first
// so that a deleted suite does not linger. New *.test.ts files are picked up without configuration.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const indexEntry = path.join(root, 'test/suite/index.ts');
const SETS = [
  { name: 'suite', suiteDir: path.join(root, 'test/suite'), outDir: path.join(root, 'out/suite') },
  { name: 'untrusted', suiteDir: path.join(root, 'test/untrusted'), outDir: path.join(root, 'out/untrusted') },
];

function findSuites(dir) {
  const found = [];
  if (!fs.existsSync(dir)) return found;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...findSuites(full));
    else if (entry.isFile() && entry.name.endsWith('.test.ts')) found.push(full);
  }
  return found.sort();
}

// The offline runner copies out/<set>/ elsewhere; make the source maps' paths absolute so that
// stack traces still name the .ts files of this checkout.
const MAP_PREFIX = '//# sourceMappingURL=data:application/json;base64,';
function absoluteSourceMaps(outputs) {
  for (const rel of outputs) {
    const file = path.join(root, rel);
    const code = fs.readFileSync(file, 'utf8');
    const at = code.lastIndexOf(MAP_PREFIX);
    if (at < 0) continue;
    const map = JSON.parse(Buffer.from(code.slice(at + MAP_PREFIX.length).trim(), 'base64').toString('utf8'));
    map.sources = map.sources.map((source) => pathToFileURL(path.resolve(path.dirname(file), source)).href);
    fs.writeFileSync(file, code.slice(0, at) + MAP_PREFIX + Buffer.from(JSON.stringify(map)).toString('base64') + '\n');
  }
}

let failed = false;
for (const { name, suiteDir, outDir } of SETS) {
  const suites = findSuites(suiteDir);
  const started = Date.now();
  fs.rmSync(outDir, { recursive: true, force: true });
  // index.js beside the suites: its runSuites() loads every *.test.js of its own folder.
  const entryPoints = { index: indexEntry };
  for (const suite of suites) entryPoints[path.relative(suiteDir, suite).replace(/\.ts$/, '')] = suite;

  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints,
    outdir: outDir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    external: ['vscode'],
    sourcemap: 'inline',
    sourcesContent: false,
    logLevel: 'warning',
    // mocha's optional loaders (ESM import of test files, parallel mode) reference modules it only
    // needs in modes the runners do not use.
    logOverride: { 'require-resolve-not-external': 'silent', 'indirect-require': 'silent' },
    metafile: true,
  });

  const outputs = Object.keys(result.metafile.outputs).map((f) => path.relative(root, path.resolve(root, f)));
  absoluteSourceMaps(outputs);
  console.log(`[build-tests] bundled ${suites.length} suite(s) + index into ${path.relative(root, outDir)}/ in ${Date.now() - started} ms`);
  for (const f of outputs) console.log(`[build-tests]   ${f}`);
  if (suites.length === 0) {
    console.error(`[build-tests] ERROR: no ${path.relative(root, suiteDir)}/**/*.test.ts found (${name})`);
    failed = true;
  }
}
if (failed) process.exit(1);
