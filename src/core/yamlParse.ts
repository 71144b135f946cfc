import { Document, isMap, isScalar, isSeq, parseDocument, visit, YAMLParseError } from 'yaml';
import { parseSimpleYaml, type FastDocument } from './simpleYaml';
import { MAX_YAML_DEPTH, nestingLimitOffset } from './yamlGuards';

/** Front matter parsed by the yaml package into a positioned Document, or by its fast path (simpleYaml.ts) into a positioned tree. */

/** Parsed front matter: a yaml Document, or the fast path's tree of the same values and spans. */
export type FrontMatterDocument = Document.Parsed | FastDocument;

/** A key written a second time in one map: its span in the YAML source, and where it was first set. */
export interface Duplicate {
  key: string;
  start: number;
  end: number;
  firstAt: number;
  /** Both values are lists, or both maps: their entries can be merged into one, where keeping one would lose the other's. */
  mergeable?: 'list' | 'map';
  /**
   * Where a new item (a goal) written without its `- ` starts in a list item's map, its keys read
   * by YAML into the item above (secondItemStart). The keys after it are that new item's, not
   * duplicates of their own. `dash` is the column of the item's `-` above, in the source.
   */
  newItem?: { dash: number };
}

/**
 * In a list item's map, where a second item written without its `- ` starts: the first key that
 * repeats an earlier one, when `id` repeats too, at or after it (`- title: A`, `  id: a`,
 * `  title: B`, `  id: b`: the second `title`). -1 when there is none.
 */
function secondItemStart(items: ReadonlyArray<{ key: unknown }>): number {
  const seen = new Set<unknown>();
  let start = -1;
  let ids = 0;
  for (const [index, { key }] of items.entries()) {
    const name = isScalar(key) ? key.value : undefined;
    if (name === 'id' && ++ids === 2) return start >= 0 ? start : index;
    if (start < 0 && seen.has(name)) start = index;
    seen.add(name);
  }
  return -1;
}

/** logLevel 'error': the yaml package would otherwise print warnings (say, for a map used as a key) on the host's console. */
const OPTIONS = { uniqueKeys: false, prettyErrors: false, logLevel: 'error' } as const;

/**
 * Parses front matter, refusing nesting deep enough to exhaust the parser's stack (one error
 * instead), and finds duplicate keys itself: the yaml package's `uniqueKeys` check compares
 * each key with all before it, quadratic in the number of keys.
 */
export function parseYaml(source: string, exact: true): { doc: Document.Parsed; duplicates: Map<number, Duplicate> };
export function parseYaml(source: string, exact: boolean): { doc: FrontMatterDocument; duplicates: Map<number, Duplicate> };
export function parseYaml(source: string, exact: boolean): { doc: FrontMatterDocument; duplicates: Map<number, Duplicate> } {
  const duplicates = new Map<number, Duplicate>();
  const options = OPTIONS;
  const simple = exact ? undefined : parseSimpleYaml(source, options);
  if (simple) return { doc: simple, duplicates }; // no duplicate keys, no deep nesting: the fast path refuses both
  const deep = nestingLimitOffset(source, MAX_YAML_DEPTH);
  if (deep >= 0) {
    const doc = parseDocument('', options);
    doc.errors.push(
      new YAMLParseError([deep, deep + 1], 'RESOURCE_EXHAUSTION', `The front matter nests more than ${MAX_YAML_DEPTH} levels deep; it was not read. Journal front matter needs only a few levels.`),
    );
    return { doc, duplicates };
  }
  // Garbage can hold thousands of syntax errors; their stack traces are never read and cost most of the time.
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    const doc = parseDocument(source, options);
    visit(doc, {
      Map(_, map, path) {
        let first = new Map<string, { at: number; value: unknown }>();
        const newItemAt = isSeq(path[path.length - 1]) ? secondItemStart(map.items) : -1;
        for (const [index, pair] of map.items.entries()) {
          if (!isScalar(pair.key) || !pair.key.range) continue;
          const id = `${typeof pair.key.value}:${String(pair.key.value)}`;
          const at = pair.key.range[0];
          const earlier = first.get(id);
          if (earlier === undefined) {
            first.set(id, { at, value: pair.value });
            continue;
          }
          let said: Pick<Duplicate, 'mergeable' | 'newItem'>;
          if (index === newItemAt && map.range) {
            // A new item from here: its keys are compared among themselves. Its `-` goes where the item above has its own.
            first = new Map([[id, { at, value: pair.value }]]);
            const dash = source.lastIndexOf('-', map.range[0]);
            said = { newItem: { dash: dash - (source.lastIndexOf('\n', dash) + 1) } };
          } else {
            const mergeable = isSeq(earlier.value) && isSeq(pair.value) ? 'list' : isMap(earlier.value) && isMap(pair.value) ? 'map' : undefined;
            said = mergeable ? { mergeable } : {};
          }
          duplicates.set(at, { key: String(pair.key.value), start: at, end: Math.max(at + 1, pair.key.range[1]), firstAt: earlier.at, ...said });
          doc.errors.push(new YAMLParseError([at, at + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
        }
        return undefined;
      },
    });
    // Errors in document order, as the parser would have reported them.
    doc.errors.sort((a, b) => a.pos[0] - b.pos[0]);
    return { doc, duplicates };
  } finally {
    Error.stackTraceLimit = limit;
  }
}
