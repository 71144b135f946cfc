// Writes the parts of package.json that are made from the engine's tables (today: the
// `mentoringJournal.rules` settings, from RULES). `--check` writes nothing and exits 1 when
// the committed package.json is stale. Run by `npm run generate` and `npm run build`.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonSchemas } from './jsonSchemas';
import { withGeneratedRules } from './rulesSetting';

// The JSON Schemas in schemas/, from the zod schemas.
const schemaFolder = join(__dirname, '..', '..', 'schemas');
mkdirSync(schemaFolder, { recursive: true });
for (const [name, text] of Object.entries(jsonSchemas())) {
  const target = join(schemaFolder, name);
  if (existsSync(target) && readFileSync(target, 'utf8') === text) continue;
  if (process.argv.includes('--check')) {
    console.error(`schemas/${name} does not match the zod schemas; run \`npm run generate\`.`);
    process.exitCode = 1;
  } else {
    writeFileSync(target, text);
    console.log(`schemas/${name} regenerated from the zod schemas.`);
  }
}

const file = join(__dirname, '..', '..', 'package.json');
const current = readFileSync(file, 'utf8');
const generated = withGeneratedRules(current);
if (generated === current) {
  // Nothing to do: the committed copy is current.
} else if (process.argv.includes('--check')) {
  console.error('package.json: the mentoringJournal.rules settings do not match RULES in src/core/rules.ts; run `npm run generate`.');
  process.exitCode = 1;
} else {
  writeFileSync(file, generated);
  console.log('package.json: mentoringJournal.rules regenerated from RULES.');
}
