#!/usr/bin/env node
'use strict';
// The pre-commit framework's hook (.pre-commit-hooks.yaml, `language: script`): pre-commit runs
// this file from its own clone of this repository, with the staged Markdown files as arguments,
// in the journal repository. The command line is not in git (it is built from src/), so the
// first run in a clone builds it there: `npm ci` (the build's packages) and the bundle, once,
// under a lock, with npm's and the build's output on stderr. Then `check` runs on the files.
//
// Not `language: node`: pre-commit installs a node hook with `npm pack` and takes everything
// npm prints as the tarball's name, and npm prints a banner for the `prepare` script that builds
// the command line, so that install always fails.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const repo = path.resolve(__dirname, '..');
const cli = path.join(repo, 'dist', 'cli.js');

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function run(command, args) {
  // A shell on Windows, where npm is npm.cmd.
  const result = spawnSync(command, args, { cwd: repo, stdio: ['ignore', process.stderr, process.stderr], shell: process.platform === 'win32' });
  if (result.status !== 0) {
    process.stderr.write(`mentoring-journal: \`${command} ${args.join(' ')}\` failed in ${repo}${result.error ? `: ${result.error.message}` : ''}\n`);
    process.exit(2);
  }
}

function build() {
  const lock = path.join(repo, '.pre-commit-build.lock');
  // Another run (a second repository's commit) may be building: wait for it, up to 10 minutes.
  for (let waited = 0; ; waited += 500) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST' || waited > 600_000) throw error;
      sleep(500);
    }
  }
  try {
    if (fs.existsSync(cli)) return;
    process.stderr.write('mentoring-journal: building the command line in the pre-commit cache (once)...\n');
    run('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund']);
    run(process.execPath, ['scripts/build.mjs', '--cli', '--production']);
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

if (!fs.existsSync(cli)) build();
process.argv.splice(2, 0, 'check');
require(cli);
