// Mocha reporter for the unit tier: mocha's dot reporter, plus the machine-readable summary that
// every test tier writes (test-results/tiers/<tier>.json and the line
// `TESTS <tier>=<executed> passed=<n> failed=<n> pending=<n>`), which .ci/run checks.
//   mocha --reporter ./scripts/vscode-test/tier-reporter.cjs [--reporter-option tier=unit]
/* global require, module */
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS: mocha loads reporters with require() */
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const Mocha = require('mocha');

const { Dot } = Mocha.reporters;
const { EVENT_RUN_END } = Mocha.Runner.constants;

class TierReporter extends Dot {
  constructor(runner, options = {}) {
    super(runner, options);
    const tier = (options.reporterOptions && options.reporterOptions.tier) || 'unit';
    const started = Date.now();
    runner.once(EVENT_RUN_END, () => {
      const { passes = 0, failures = 0, pending = 0 } = this.stats;
      const dir = path.resolve(__dirname, '../../test-results/tiers');
      fs.mkdirSync(dir, { recursive: true });
      const summary = {
        tier,
        total: passes + failures + pending,
        passed: passes,
        failed: failures,
        pending,
        durationMs: Date.now() - started,
        ok: failures === 0 && passes > 0,
        finishedAt: new Date().toISOString(),
        runner: 'mocha',
      };
      fs.writeFileSync(path.join(dir, `${tier}.json`), JSON.stringify(summary, null, 2) + '\n');
      process.stdout.write(`TESTS ${tier}=${passes + failures} passed=${passes} failed=${failures} pending=${pending}\n`);
    });
  }
}

module.exports = TierReporter;
