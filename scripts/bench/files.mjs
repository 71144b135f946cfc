// Lists the Markdown files of a folder, sorted, skipping dot folders and node_modules as the check does.
import { readdirSync } from 'node:fs';
import * as path from 'node:path';

export function markdownFiles(dir) {
  const out = [];
  const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.isFile() && entry.name.endsWith('.md')) out.push(file);
    }
  };
  walk(dir);
  return out;
}
