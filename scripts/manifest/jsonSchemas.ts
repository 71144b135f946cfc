// JSON Schemas made from the zod schemas (zod's toJSONSchema): one for the front matter of each
// journal file type, and one for .mentoring-journal.json. Written to schemas/ by
// `npm run generate`; test/unit/schemas.test.ts fails when a committed copy is stale.
import { z } from 'zod';
import { configSchema } from '../../src/cli/config';
import { dateSchema, FIELDS_BY_TYPE, INLINE_GOAL_FIELDS, stageSchema, type FieldSpecs } from '../../src/core/fields';
import { RULES } from '../../src/core/rules';
import { STAGES, type JournalFileType } from '../../src/core/types';

type JsonSchema = Record<string, unknown>;

/** The object schema of a table of fields: required keys required, each described as hover shows it. */
function objectOf(specs: FieldSpecs, extra: Partial<Record<string, z.ZodType>> = {}): z.ZodType {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, spec] of Object.entries(specs)) {
    const schema = extra[key] ?? spec.schema;
    shape[key] = spec.required ? schema : schema.optional();
  }
  return z.object(shape);
}

/** Adds each key's description (what hover shows) to the properties of an object schema, and of the inline goals. */
function describe(json: JsonSchema, specs: FieldSpecs): void {
  const properties = json.properties as Record<string, JsonSchema>;
  for (const [key, spec] of Object.entries(specs)) if (properties[key]) properties[key] = { ...properties[key], description: spec.description };
}

/** toJSONSchema with what zod cannot say itself: a date's pattern, and the stage's 1-4 aliases. */
function toJson(schema: z.ZodType, id: string, title: string): JsonSchema {
  const json = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
    override: (ctx) => {
      const def = ctx.zodSchema as unknown;
      if (def === dateSchema) Object.assign(ctx.jsonSchema, { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
      if (def === stageSchema) {
        for (const k of Object.keys(ctx.jsonSchema)) if (k !== 'description') delete ctx.jsonSchema[k];
        Object.assign(ctx.jsonSchema, { anyOf: [{ enum: [...STAGES] }, { enum: [1, 2, 3, 4, '1', '2', '3', '4'] }] });
      }
    },
  }) as JsonSchema;
  void id;
  return { $schema: json.$schema, title, ...Object.fromEntries(Object.entries(json).filter(([k]) => k !== '$schema')) };
}

const TITLES: Record<JournalFileType, string> = {
  agreement: 'Mentoring Journal: the front matter of an agreement (agreement.md)',
  goal: 'Mentoring Journal: the front matter of a goal file (goals/*.md)',
  session: 'Mentoring Journal: the front matter of a session file (sessions/*.md)',
  review: 'Mentoring Journal: the front matter of a saved review (reviews/*.md)',
};

/** Every schema, by file name under schemas/, as the text written there. */
export function jsonSchemas(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const type of Object.keys(FIELDS_BY_TYPE) as JournalFileType[]) {
    const extra = type === 'agreement' ? { goals: z.array(objectOf(INLINE_GOAL_FIELDS)) } : {};
    const json = toJson(objectOf(FIELDS_BY_TYPE[type], extra), `${type}.schema.json`, TITLES[type]);
    describe(json, FIELDS_BY_TYPE[type]);
    if (type === 'agreement') describe((json.properties as Record<string, JsonSchema>).goals!.items as JsonSchema, INLINE_GOAL_FIELDS);
    out[`${type}.schema.json`] = `${JSON.stringify(json, null, 2)}\n`;
  }
  const config = toJson(configSchema, 'mentoring-journal.schema.json', 'Mentoring Journal: .mentoring-journal.json, the command line\'s config file') as JsonSchema & { properties: { rules: JsonSchema } };
  config.properties.rules = { ...config.properties.rules, propertyNames: { enum: Object.keys(RULES) } };
  out['mentoring-journal.schema.json'] = `${JSON.stringify(config, null, 2)}\n`;
  return out;
}
