import { LineIndex } from './text';
import type { Range } from './types';

/** One unresolved git conflict block: from its `<<<<<<<` line to the end of its `>>>>>>>` line. */
export interface ConflictBlock {
  range: Range;
  /** The labels git writes after `<<<<<<<` (ours, say `HEAD`) and `>>>>>>>` (theirs, say `feature/x`); empty when absent. */
  ours: string;
  theirs: string;
}

/**
 * A marker line as git writes it: seven characters (more where `.gitattributes` sets
 * `conflict-marker-size`, and for the markers of a conflict git resolved inside another one in a
 * criss-cross merge), then nothing or a space and a label. The first group is the marker.
 */
const marker = (char: string) => new RegExp(`^(\\${char}{7,})(?:[ \\t]+(.*?))?[ \\t]*$`);
const OURS = marker('<');
const THEIRS = marker('>');
const SEPARATOR = /^(={7,})[ \t]*$/;
/** A fenced code block's opening or closing line (CommonMark: up to three spaces, then ``` or ~~~). */
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * The unresolved git conflict blocks of a text: a `<<<<<<<` line, optionally a `|||||||` line
 * (diff3 style), then a `=======` line, then a `>>>>>>>` line. Only complete blocks count: a lone
 * marker (a `=======` Setext underline, a `<<<<<<<` without the rest) is ordinary text. Markers
 * inside a fenced code block of the body are an example, not a conflict.
 */
export function findConflicts(text: string): ConflictBlock[] {
  // Cheap test first: nearly every file has no marker at all.
  if (!text.includes('<<<<<<<')) return [];
  const lines = new LineIndex(text);
  const blocks: ConflictBlock[] = [];
  let fence: string | undefined;
  /** The block being read: its first line, its label, the length of its markers, and whether its `=======` came. */
  let open: { line: number; ours: string; size: number; separated: boolean } | undefined;
  for (let line = 1; line <= lines.lineCount; line++) {
    const content = text.slice(lines.lineStart(line), lines.lineEnd(line));
    if (fence) {
      const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(content)?.[1];
      if (close && close[0] === fence[0] && close.length >= fence.length) fence = undefined;
      continue;
    }
    const ours = OURS.exec(content);
    // A block's markers are all as long as its first: longer ones inside it are part of a side
    // (a criss-cross merge's inner conflict); one as long before the end starts over.
    if (ours && (!open || ours[1]!.length === open.size)) {
      open = { line, ours: ours[2] ?? '', size: ours[1]!.length, separated: false };
      continue;
    }
    if (open) {
      // Lines before `=======` are ours (and, in diff3 style, the common ancestor's after `|||||||`).
      if (!open.separated) open.separated = SEPARATOR.exec(content)?.[1]?.length === open.size;
      else {
        const theirs = THEIRS.exec(content);
        if (theirs?.[1]!.length === open.size) {
          blocks.push({ range: lines.range(lines.lineStart(open.line), lines.lineEnd(line)), ours: open.ours, theirs: theirs[2] ?? '' });
          open = undefined;
        }
      }
      continue;
    }
    fence = FENCE.exec(content)?.[1];
  }
  return blocks;
}

/** The message of one conflict block: what happened between which sides, and what to do. */
export function conflictMessage(block: ConflictBlock): string {
  const sides = block.ours && block.theirs ? ` between ${block.ours} and ${block.theirs}` : block.ours || block.theirs ? ` with ${block.ours || block.theirs}` : '';
  return `Unresolved merge conflict${sides}: keep one side (or merge them) and delete the conflict markers.`;
}

/**
 * The `id:` a goal file with conflict blocks writes at the top level of its front matter,
 * outside those blocks (so both sides agree on it): as written when it is a valid id. Undefined
 * when there is none, or more than one.
 */
export function idOutsideConflicts(text: string, blocks: readonly ConflictBlock[], isId: (value: string) => boolean): string | undefined {
  const lines = text.split(/\r\n?|\n/);
  if (!/^---[ \t]*$/.test(lines[0] ?? '')) return undefined;
  const inBlock = (line: number) => blocks.some((b) => b.range.start.line <= line && line <= b.range.end.line);
  const found = new Set<string>();
  for (let i = 1; i < lines.length && !/^---[ \t]*$/.test(lines[i]!); i++) {
    const m = /^id:[ \t]*(["']?)([^"'\s#]+)\1[ \t]*(?:#.*)?$/.exec(lines[i]!);
    if (m && !inBlock(i + 1)) found.add(m[2]!);
  }
  const [id] = found;
  return found.size === 1 && isId(id!) ? id : undefined;
}
