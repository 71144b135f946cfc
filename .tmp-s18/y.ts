import { parseDocument } from 'yaml';
for (const src of ['pulse:\n  mentor 4   # good day\n  mentee: 3\n', 'pulse:\n  mentor 4\n  mentee: 3\n', 'duration 60   # minutes\nstatus held\n', 'date: 2026-10-01\nduration 60   # minutes\nstatus held\n']) {
  const d = parseDocument(src);
  console.log(JSON.stringify(src), d.errors.map((e) => [e.code, e.pos, e.message.split('\n')[0]]));
}
