// Bundles the extension (twice: dist/main.js for Node's extension host, loaded by the small entry
// dist/extension.js, and dist/web/extension.js for the browser's web-worker extension host, VS Code for the Web) and the CLI with esbuild. `--production` minifies and drops source maps.
// `--cli-out FILE` bundles only the CLI, to FILE (the CLI tests build their own copy this way);
// `--out-dir DIR` writes the bundles under DIR/dist instead of dist (the end-to-end performance test
// builds the extension as the .vsix ships it this way, beside the development build the other tests use);
// `--cli` only the CLI, to dist/cli.js: npm's `prepare` runs `--cli --production`, so that an install
// from a git URL, a folder or a tarball (`npm pack`) holds the bundle. The bundle needs no package at run time.
//
// The CLI is three files: FILE (dist/cli.js, src/cli/loader.ts), which runs the bundle FILE's name
// with `.bundle.js` (dist/cli.bundle.js) with V8's code cache beside it (`.bundle.js.cache`). The
// cache is made here, by running the built CLI once on examples/ (src/cli/codeCache.ts).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const cliOutIndex = process.argv.indexOf('--cli-out');
const cliOnly = process.argv.includes('--cli');
const cliOut = cliOutIndex === -1 ? undefined : process.argv[cliOutIndex + 1];
const outDirIndex = process.argv.indexOf('--out-dir');
/** Where `dist/` goes: this checkout, or `--out-dir`. */
const dist = outDirIndex === -1 ? 'dist' : `${process.argv[outDirIndex + 1]}/dist`;
const { version, homepage } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  minify: production,
  sourcemap: production ? false : 'linked',
  logLevel: 'warning',
  legalComments: 'none',
};

// `mentoring-journal --version` prints the version inlined here, without reading package.json at run time.
const cliFile = cliOut ?? `${dist}/cli.js`;
const cliBundle = cliFile.replace(/(\.[cm]?js)?$/, '.bundle.js');
const cli = { ...common, entryPoints: ['src/cli/main.ts'], outfile: cliBundle, define: { MENTORING_JOURNAL_VERSION: JSON.stringify(version), MENTORING_JOURNAL_DOCS: JSON.stringify(homepage ? `${homepage.replace(/#.*$/, '')}/blob/main/docs/rules.md` : '') } };

const cliLoader = { ...common, sourcemap: false, entryPoints: ['src/cli/loader.ts'], outfile: cliFile, define: { MENTORING_JOURNAL_BUNDLE: JSON.stringify(path.basename(cliBundle)) } };

const extension = { ...common, entryPoints: ['src/vscode/extension.ts'], outfile: `${dist}/main.js`, external: ['vscode'], plugins: [oneVscodeNamespace(), markdownApart()] };

// The Markdown parser of journal bodies, apart: dist/main.js loads it the first time a body is
// parsed (markdownApart below), after the first rows are shown, not before `activate`.
const markdown = { ...common, entryPoints: ['src/core/markdownParser.ts'], outfile: `${dist}/markdown.js` };

// package.json `main` for Node's extension host: a few lines that require dist/main.js on a timer,
// so that it loads while VS Code asks the window for the extension's state (src/vscode/entry.ts).
const entry = { ...common, entryPoints: ['src/vscode/entry.ts'], outfile: `${dist}/extension.js`, external: ['vscode', './main.js'] };

// The same code for a web worker (package.json `browser`): no Node built-ins, and no DOM either. With
// `platform: 'browser'` packages pick their `browser` exports, and one of them assumes a page:
// decode-named-character-reference's `index.dom.js` (used by micromark for `&amp;`-style references) makes
// a <i> element at load, so activation failed with "document is not defined". The `worker` condition comes
// before `browser` in that package's exports and picks its plain `index.js`; every other browser export
// in the bundle (vfile's path, process and URL shims, yaml's ES build) runs in a worker.
const web = {
  ...extension,
  platform: 'browser',
  target: 'es2022',
  conditions: ['worker'],
  outfile: `${dist}/web/extension.js`,
  // A bundle that still needs a Node built-in or a page fails the build here rather than in the browser.
  plugins: [oneVscodeNamespace(), workerSafe()],
};

/**
 * Gives every file the same `vscode` namespace object. Left alone, esbuild turns each file's
 * `import * as vscode from 'vscode'` into an object of its own, made at load by copying every name of
 * the API (hundreds) onto it: 32 copies, about a quarter of the bundle's load in plain Node, which
 * VS Code waits for before it activates (docs/performance.md). Here every import goes through one module that re-exports the API, copied once.
 */
function oneVscodeNamespace() {
  return {
    name: 'one-vscode-namespace',
    setup(build) {
      build.onResolve({ filter: /^vscode$/ }, (args) => (args.namespace === 'vscode-api' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-api' }));
      build.onLoad({ filter: /.*/, namespace: 'vscode-api' }, () => ({ contents: "export * from 'vscode';", loader: 'js' }));
    },
  };
}

/**
 * In Node's extension host, the engine's Markdown parsers (src/core/markdownParser.ts: unified,
 * remark, micromark and the HTML entity table, a fifth of the bundle) come from dist/markdown.js,
 * required when the first body is parsed: the bundle VS Code waits for before `activate` is that
 * much smaller. The web worker's bundle, which must be one file, and the command line keep them in.
 */
function markdownApart() {
  return {
    name: 'markdown-apart',
    setup(build) {
      build.onResolve({ filter: /^\.\/markdownParser$/ }, () => ({ path: 'markdownParser', namespace: 'markdown-apart' }));
      build.onResolve({ filter: /^\.\/markdown\.js$/, namespace: 'markdown-apart' }, (args) => ({ path: args.path, external: true }));
      build.onLoad({ filter: /.*/, namespace: 'markdown-apart' }, () => ({
        contents: "let loaded; export function createMarkdownParsers() { return (loaded ??= require('./markdown.js')).createMarkdownParsers(); }",
        loader: 'js',
      }));
    },
  };
}

/** Fails the web build when anything resolves to a Node built-in or to a DOM-only module. */
function workerSafe() {
  return {
    name: 'worker-safe',
    setup(build) {
      // Node's fs reader for `file:` roots (src/vscode/nodeFileSystem.ts) is loaded on demand only in a
      // host that runs on Node; in the worker, workspaceFileSystem.ts never asks for it. It is left out
      // here, so that a worker that did ask would get no reader and use workspace.fs.
      build.onResolve({ filter: /^\.\/nodeFileSystem$/ }, (args) => ({ path: args.path, namespace: 'node-only' }));
      build.onLoad({ filter: /.*/, namespace: 'node-only' }, () => ({ contents: 'export const nodeReader = undefined;', loader: 'js' }));
      build.onResolve({ filter: /^node:|^(fs|path|os|crypto|child_process|util|url|process|buffer|stream|events|worker_threads)(\/.*)?$/ }, (args) => ({
        errors: [{ text: `${args.path} is a Node built-in, which the web worker does not have (imported by ${args.importer})` }],
      }));
      build.onLoad({ filter: /\.dom\.js$/ }, (args) => ({
        errors: [{ text: `${args.path} needs a page's DOM, which the web worker does not have` }],
      }));
    },
  };
}

const builds = cliOut || cliOnly ? [cli, cliLoader] : [entry, extension, markdown, web, cli, cliLoader];

if (watch) {
  for (const options of builds) {
    const ctx = await esbuild.context(options);
    await ctx.watch();
  }
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
  // A development build keeps comments, which may hold any character.
  if (production) for (const options of builds) asciiOnly(options.outfile);
  makeCodeCache();
}

/**
 * Fails a production build when a bundle holds a character outside ASCII. esbuild escapes them in strings
 * but leaves them in regular expressions (`/[\uff1a]/` written with the character itself): one
 * such character makes V8 keep the whole bundle as two bytes a character, which doubled the
 * command line's source in memory and cost its start about 5 ms of decoding (docs/performance.md).
 */
function asciiOnly(file) {
  const bytes = readFileSync(file);
  const at = bytes.findIndex((byte) => byte > 0x7f);
  if (at < 0) return;
  const around = bytes.subarray(Math.max(0, at - 60), at + 20).toString('utf8');
  throw new Error(`${file} has a character outside ASCII at byte ${at}, in: ${around}\nWrite it as a \\u escape in the source (a regular expression's character, most likely).`);
}

/**
 * Runs the built CLI once, on the examples when this checkout has them (`check`, both journals,
 * problems and all), so that the loader writes the cache of every function the run compiled. A
 * cache left from an earlier build would be refused (its digest), but it is removed first. Made
 * by the Node that builds, which is the one that runs it after `npm install`; another Node refuses
 * it, and the CLI then compiles as it runs.
 */
function makeCodeCache() {
  rmSync(`${cliBundle}.cache`, { force: true });
  const root = fileURLToPath(new URL('..', import.meta.url));
  const examples = path.join(root, 'examples');
  const args = existsSync(examples) ? ['check', examples, '--format', 'json'] : ['--help'];
  const run = spawnSync(process.execPath, [path.resolve(cliFile), ...args], { cwd: root, env: { ...process.env, MENTORING_JOURNAL_WRITE_CODE_CACHE: '1' }, stdio: 'ignore' });
  if (run.status === null || run.status > 1) throw new Error(`the built command line failed while making its code cache (${run.error?.message ?? `exit ${run.status ?? run.signal}`})`);
}
