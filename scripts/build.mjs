// Bundles the extension and the CLI with esbuild. `--production` minifies and drops source maps.
// `--cli-out FILE` bundles only the CLI, to FILE (the CLI tests build their own copy this way);
// `--cli` only the CLI, to dist/cli.js: npm's `prepare` runs `--cli --production`, so that an install
// from a git URL, a folder or a tarball (`npm pack`) holds the bundle. The bundle needs no package at run time.
import { readFileSync } from 'node:fs';
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const cliOutIndex = process.argv.indexOf('--cli-out');
const cliOnly = process.argv.includes('--cli');
const cliOut = cliOutIndex === -1 ? undefined : process.argv[cliOutIndex + 1];
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
const cli = { ...common, entryPoints: ['src/cli/main.ts'], outfile: cliOut ?? 'dist/cli.js', define: { MENTORING_JOURNAL_VERSION: JSON.stringify(version), MENTORING_JOURNAL_DOCS: JSON.stringify(homepage ? `${homepage.replace(/#.*$/, '')}/blob/main/docs/rules.md` : '') } };

const builds = cliOut || cliOnly
  ? [cli]
  : [{ ...common, entryPoints: ['src/vscode/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }, cli];

if (watch) {
  for (const options of builds) {
    const ctx = await esbuild.context(options);
    await ctx.watch();
  }
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
