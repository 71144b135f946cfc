// The `mentoring-journal` executable: bundled into dist/cli.bundle.js, which dist/cli.js (loader.ts) runs.
// The same bundle runs the worker threads of a large check (see parallel.ts).
import { isMainThread } from 'node:worker_threads';
import { localToday } from '../core/dates';
import { environmentToday, ioReason, type Io } from './io';
import { main } from './run';

/** The current folder; undefined when it no longer exists (deleted or moved away under the shell). */
function currentFolder(): string | undefined {
  try {
    return process.cwd();
  } catch {
    return undefined;
  }
}

const cwd = isMainThread ? currentFolder() : undefined;
if (isMainThread && cwd === undefined) {
  process.stderr.write('mentoring-journal: the current folder no longer exists (it was deleted or moved): cd to a folder that exists and run the command again\n');
  process.exitCode = 2;
} else if (isMainThread) {
  const io: Io = {
    cwd: cwd!,
    out: (text) => void (text && process.stdout.write(text)),
    err: (text) => void (text && process.stderr.write(text)),
    today: () => environmentToday(process.env) ?? localToday(),
    now: () => new Date(),
    ...(process.argv[1] ? { entry: process.argv[1] } : {}),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return new Uint8Array(Buffer.concat(chunks));
    },
  };

  // A reader that goes away early (`mentoring-journal check | head`) is not an error. Any other
  // failure to write the output (a full disk, `> /dev/full`) is an I/O error, exit 2, said in words.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') return;
    process.stderr.write(`mentoring-journal: cannot write the standard output: ${ioReason(error)}\n`);
    process.exit(2);
  });

  // exitCode, not exit(): a large report piped to another program must be written out in full.
  void main(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
} else {
  void import('./parallel').then(async ({ isCheckWorker, serveCheckWorker }) => {
    if (isCheckWorker()) await serveCheckWorker();
  });
}
