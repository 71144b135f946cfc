import { parseDocument } from 'yaml';
for (const src of ['pulse:\n  mentor 4\n  # c\n  mentee: 3\n', 'pulse:\n  mentor 4   # good\n  mentee 3\n', 'pulse:\n  mentor 4\n\n  mentee 3\n']) {
  const d = parseDocument(src);
  console.log(JSON.stringify(src), JSON.stringify(d.toJS()), d.errors.map((e) => [e.code, e.pos, e.message.split('\n')[0]]));
}
