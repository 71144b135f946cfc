// Preloaded (`node --import`) where /usr/bin/time is missing: prints the process's peak RSS at exit.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  writeSync(2, `\nBENCH_MAXRSS_KB ${process.resourceUsage().maxRSS}\n`);
});
