import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { Document, isMap, isPair, isScalar, isSeq, parseDocument, type Node as YamlNode, type Pair } from 'yaml';
import { LineIndex } from './text';
import type { Problem, Range } from './types';

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']);

/** A Markdown file split into its YAML front matter (as a positioned Document) and its body tree. */
export interface ParsedMarkdown {
  text: string;
  lines: LineIndex;
  root: Root;
  /** Absent when the file has no front matter (or an unusable one, which is reported). */
  yaml?: {
    doc: Document.Parsed;
    /** Offset in `text` where the YAML source starts (the line after the opening `---`). */
    offset: number;
    /** Span of the opening `---`. */
    head: Range;
  };
  problems: Problem[];
}

/** Parses a journal file's text with remark (and remark-frontmatter) and its front matter with `yaml`. */
export function parseMarkdown(file: string, text: string): ParsedMarkdown {
  const lines = new LineIndex(text);
  const problems: Problem[] = [];
  const root = processor.parse(text) as Root;
  const first = root.children[0];
  const report = (range: Range, code: string, message: string) => problems.push({ file, range, severity: 'error', code, message });

  if (first?.type === 'yaml' && first.position?.start.offset === 0) {
    const endOffset = first.position.end.offset ?? text.length;
    const contentStart = text.indexOf('\n') + 1;
    const closingStart = text.lastIndexOf('\n', endOffset - 1) + 1;
    const source = text.slice(contentStart, Math.max(contentStart, closingStart));
    const head = lines.range(0, 3);
    const doc = parseDocument(source, { uniqueKeys: true, prettyErrors: false });
    for (const error of doc.errors) {
      const [start, end] = error.pos;
      const duplicate = error.code === 'DUPLICATE_KEY';
      report(
        lines.range(contentStart + start, contentStart + Math.max(end, start + 1)),
        duplicate ? 'yaml/duplicate-key' : 'yaml/syntax',
        duplicate ? `Duplicate key: ${firstLine(error.message)}` : `YAML syntax error: ${firstLine(error.message)}`,
      );
    }
    return { text, lines, root, yaml: { doc, offset: contentStart, head }, problems };
  }
  if (first?.type === ('toml' as string) && first.position?.start.offset === 0) {
    report(lines.range(0, 3), 'frontmatter/toml', 'TOML front matter (+++) is not supported: write the front matter as YAML between --- lines.');
  } else if (/^---[ \t]*\r?\n/.test(text) || text === '---') {
    report(lines.range(0, 3), 'frontmatter/unclosed', 'The front matter opened with --- is never closed: add a line with --- after the last key.');
  }
  return { text, lines, root, problems };
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '').trim();
}

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
