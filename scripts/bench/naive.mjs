// Baseline: parse every Markdown file whole, the naive way: unified + remark-parse +
// remark-frontmatter for the document, then `yaml` for the front matter. Usage: node naive.mjs DIR
import { readFileSync } from 'node:fs';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parseDocument } from 'yaml';
import { markdownFiles } from './files.mjs';

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);
let nodes = 0;
let keys = 0;
const files = markdownFiles(process.argv[2]);
for (const file of files) {
  const tree = processor.parse(readFileSync(file, 'utf8'));
  nodes += tree.children.length;
  const first = tree.children[0];
  if (first?.type === 'yaml') keys += Object.keys(parseDocument(first.value).toJS() ?? {}).length;
}
console.log(JSON.stringify({ files: files.length, nodes, keys }));
