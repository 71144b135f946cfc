// The JSON Schemas in schemas/ are generated from the zod schemas (npm run generate); a stale copy fails here.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { jsonSchemas } from '../../scripts/manifest/jsonSchemas';

const repo = path.resolve(__dirname, '../..');
const committed = (name: string) => readFileSync(path.join(repo, 'schemas', name), 'utf8');

/** ajv (draft 2020-12), which the project has through @vscode/vsce; loaded here only. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Ajv2020 = require('ajv/dist/2020').default as new (options: object) => { compile(schema: object): ((data: unknown) => boolean) & { errors?: Array<{ instancePath: string; message?: string }> | null } };

function frontMatter(file: string): unknown {
  const text = readFileSync(file, 'utf8').replace(/\r\n/g, '\n');
  return parse(/^---\n([\s\S]*?)\n---/.exec(text)![1]!);
}

describe('JSON Schemas', () => {
  it('schemas/ holds exactly the generated schemas, each current (run npm run generate when this fails)', () => {
    const generated = jsonSchemas();
    assert.deepEqual(readdirSync(path.join(repo, 'schemas')).sort(), Object.keys(generated).sort());
    for (const [name, text] of Object.entries(generated)) assert.equal(committed(name), text, `schemas/${name} is stale: run npm run generate`);
  });

  it('accept the example journal and reject a newcomer mistake', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const journal = path.join(repo, 'examples/journal/priya-and-sam');
    const validate = {
      agreement: ajv.compile(JSON.parse(committed('agreement.schema.json'))),
      goal: ajv.compile(JSON.parse(committed('goal.schema.json'))),
      session: ajv.compile(JSON.parse(committed('session.schema.json'))),
    };
    const check = (kind: keyof typeof validate, file: string) => assert.ok(validate[kind](frontMatter(file)), `${file}: ${JSON.stringify(validate[kind].errors)}`);
    check('agreement', path.join(journal, 'agreement.md'));
    for (const name of readdirSync(path.join(journal, 'goals'))) check('goal', path.join(journal, 'goals', name));
    for (const name of readdirSync(path.join(journal, 'sessions'))) check('session', path.join(journal, 'sessions', name));
    assert.equal(validate.goal({ type: 'goal', title: 'X', status: 'done' }), false);
    assert.equal(validate.session({ type: 'session', date: '2 Nov 2026' }), false);
    assert.equal(validate.agreement({ type: 'agreement', started: '2026-01-01', stage: 2 }), true, 'stages 1-4 are accepted');
  });

  it('the config schema knows every key and rule code, and the extension contributes it', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const config = ajv.compile(JSON.parse(committed('mentoring-journal.schema.json')));
    assert.equal(config({ rules: { 'keys/unknown': 'off' }, ignores: ['drafts/**'] }), true);
    assert.equal(config({ rule: {} }), false);
    assert.equal(config({ rules: { 'keys/unknwn': 'off' } }), false);
    const manifest = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8'));
    assert.deepEqual(manifest.contributes.jsonValidation, [{ fileMatch: '.mentoring-journal.json', url: './schemas/mentoring-journal.schema.json' }]);
  });
});
