import { Document, isMap, isPair, isScalar, isSeq, type Node as YamlNode, type Pair } from 'yaml';
import type { LineIndex } from './text';
import type { Range } from './types';

/** Positions of front-matter nodes by path: every problem of a file is anchored through this. */

export type YamlPath = ReadonlyArray<string | number>;

/** Finds positions of YAML nodes by path in a parsed front matter. */
export class YamlLocator {
  constructor(
    private readonly doc: Document.Parsed,
    private readonly offset: number,
    private readonly lines: LineIndex,
    readonly head: Range,
  ) {}

  rangeOf(node: YamlNode | null | undefined): Range | undefined {
    const r = node?.range;
    if (!r) return undefined;
    const start = this.offset + r[0];
    let end = this.offset + r[1];
    // Block collections end after their last line break; a span should end at the last character.
    while (end > start && /\s/.test(this.lines.text[end - 1] ?? '')) end--;
    return this.lines.range(start, end);
  }

  /** The pair whose key is the last element of `path`, inside the map at the rest of the path. */
  pair(path: YamlPath): Pair | undefined {
    if (path.length === 0) return undefined;
    const parent = path.length === 1 ? this.doc.contents : this.doc.getIn(path.slice(0, -1), true);
    if (!isMap(parent)) return undefined;
    const key = path[path.length - 1];
    return parent.items.find((p) => isPair(p) && keyText(p.key) === String(key)) as Pair | undefined;
  }

  /** Span of the value at `path`, falling back to its key, then to the nearest existing ancestor, then the opening `---`. */
  valueRange(path: YamlPath): Range {
    for (let depth = path.length; depth > 0; depth--) {
      const sub = path.slice(0, depth);
      const node = this.doc.getIn(sub, true) as YamlNode | undefined;
      const range = this.rangeOf(node) ?? this.rangeOf(this.pair(sub)?.key as YamlNode | undefined);
      if (range) return range;
    }
    return this.head;
  }

  /** Span of the key at `path`, or the value when the path ends in a list index. */
  keyRange(path: YamlPath): Range {
    if (typeof path[path.length - 1] === 'number') return this.valueRange(path);
    return this.rangeOf(this.pair(path)?.key as YamlNode | undefined) ?? this.valueRange(path);
  }

  /** Where a missing key inside `parentPath` is reported: the parent's key (or list item), or the opening `---` at top level. */
  missingKeyRange(parentPath: YamlPath): Range {
    return parentPath.length === 0 ? this.head : this.keyRange(parentPath);
  }

  /** The keys of the map at `path`, each with the span of its key node. */
  keysOf(path: YamlPath): Array<{ key: string; range: Range }> {
    const node = path.length === 0 ? this.doc.contents : this.doc.getIn(path, true);
    if (!isMap(node)) return [];
    const out: Array<{ key: string; range: Range }> = [];
    for (const pair of node.items) {
      const range = this.rangeOf(pair.key as YamlNode);
      if (range) out.push({ key: keyText(pair.key), range });
    }
    return out;
  }

  /** The items of the sequence at `path` with their spans. */
  itemsOf(path: YamlPath): Range[] {
    const node = this.doc.getIn(path, true);
    if (!isSeq(node)) return [];
    return node.items.map((item) => this.rangeOf(item as YamlNode) ?? this.valueRange(path));
  }
}

function keyText(key: unknown): string {
  if (isScalar(key)) return String(key.value);
  return String(key);
}
