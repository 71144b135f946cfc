import { Scalar } from 'yaml';

/** Words a YAML reader (1.1 or 1.2) may take for a boolean or null when written plain. */
const YAML_WORDS = /^(true|false|yes|no|on|off|null|~|y|n)$/i;
/** Plain scalars of letters, digits, spaces and a little punctuation read back as the same string. */
const PLAIN_SAFE = /^[\p{L}\p{N}][\p{L}\p{N} ._'()-]*$/u;

/**
 * A YAML scalar for a value: plain when that reads back as the same string (also inside
 * `[..]`), double-quoted otherwise. `style` keeps the quoting of a value being replaced.
 * The one writer of values: templates, the scaffold and front-matter edits all use it.
 */
export function yamlScalar(value: string | number | boolean, style?: Scalar.Type | string): string {
  if (typeof value !== 'string') return String(value);
  if (style === Scalar.QUOTE_DOUBLE) return JSON.stringify(value);
  if (style === Scalar.QUOTE_SINGLE) return `'${value.replace(/'/g, "''")}'`;
  const numeric = /^[-+.\d]/.test(value) && !/^\d{4}-\d{2}-\d{2}$/.test(value);
  const plain = PLAIN_SAFE.test(value) && !value.endsWith(' ') && !YAML_WORDS.test(value) && !numeric;
  return plain ? value : JSON.stringify(value); // JSON strings are valid YAML double-quoted scalars
}
