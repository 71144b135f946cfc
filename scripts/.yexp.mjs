import { parseDocument, isScalar, visit } from 'yaml';
const srcs = process.argv.slice(2).map(s => s.replace(/\\n/g, '\n'));
for (const s of srcs) {
  const d = parseDocument(s);
  console.log(JSON.stringify(s), d.errors.map(e=>e.message), 'doc', JSON.stringify(d.range), JSON.stringify(d.comment??''));
  visit(d, { Node(k, n) { console.log('  ', n.constructor.name, JSON.stringify(n.range), isScalar(n) ? JSON.stringify(n.value) : '', JSON.stringify(n.comment ?? ''), JSON.stringify(n.commentBefore ?? '')); } });
}
