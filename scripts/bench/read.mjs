// Baseline: read every Markdown file of a folder and do nothing else. Usage: node read.mjs DIR
import { readFileSync } from 'node:fs';
import { markdownFiles } from './files.mjs';

let bytes = 0;
const files = markdownFiles(process.argv[2]);
for (const file of files) bytes += readFileSync(file).byteLength;
console.log(JSON.stringify({ files: files.length, bytes }));
