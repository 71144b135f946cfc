// The `mentoring-journal` executable: bundled into dist/cli.js, which bin/mentoring-journal.js loads.
import { localToday } from '../core/dates';
import type { Io } from './io';
import { main } from './run';

const io: Io = {
  cwd: process.cwd(),
  out: (text) => void (text && process.stdout.write(text)),
  err: (text) => void (text && process.stderr.write(text)),
  today: () => localToday(),
};

// A reader that goes away early (`mentoring-journal check | head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

// exitCode, not exit(): a large report piped to another program must be written out in full.
void main(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
});
