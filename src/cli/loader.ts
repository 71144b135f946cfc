// dist/cli.js, what `mentoring-journal` runs (bin/mentoring-journal.js, the pre-commit hook, the
// worker threads of a large check): runs the command line's bundle, dist/cli.bundle.js, with the
// code cache the build made for it (codeCache.ts). The build runs it once with
// MENTORING_JOURNAL_WRITE_CODE_CACHE=1 to make that cache (scripts/build.mjs).
import * as path from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { runBundle } from './codeCache';

/** The bundle's file name, beside this file: set by the build. */
declare const MENTORING_JOURNAL_BUNDLE: string;

const loaded = runBundle(path.join(__dirname, MENTORING_JOURNAL_BUNDLE));
if (isMainThread && process.env.MENTORING_JOURNAL_WRITE_CODE_CACHE === '1') process.once('exit', () => loaded.save());
