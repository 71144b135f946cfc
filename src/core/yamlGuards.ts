/**
 * Guards the YAML parser against pathological front matter before it runs: nesting deep enough
 * to exhaust its stack is refused with one error (see `parseYaml` in yamlParse.ts).
 */

/** Deeper front matter is refused before the YAML parser sees it: its recursion would exhaust the stack. */
export const MAX_YAML_DEPTH = 64;
/**
 * Offset at which YAML source nests deeper than `max` levels, counting flow brackets, block
 * indentation and compact `- - x` sequences, or -1. A cheap single pass that skips quoted
 * scalars, comments and block scalars; it only has to be right about pathological input.
 */
export function nestingLimitOffset(src: string, max: number): number {
  let flow = 0;
  const indents: number[] = [];
  let scalarIndent = -1;
  let i = 0;
  while (i < src.length) {
    let indent = 0;
    while (src.charCodeAt(i + indent) === 32) indent++;
    const c0 = src[i + indent];
    const blank = c0 === undefined || c0 === '\n' || c0 === '\r' || c0 === '#';
    if (scalarIndent >= 0 && (blank || indent > scalarIndent)) {
      i = lineAfter(src, i + indent);
      continue;
    }
    scalarIndent = -1;
    if (flow === 0 && !blank) {
      while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop();
      indents.push(indent);
    }
    let prev = '\n';
    let compact = 0;
    let j = i + indent;
    for (; j < src.length; j++) {
      const c = src[j]!;
      if (c === '\n' || c === '\r') break;
      if (c === ' ' || c === '\t') continue;
      if (c === '#' && (prev === '\n' || src[j - 1] === ' ' || src[j - 1] === '\t')) {
        while (j < src.length && src[j] !== '\n' && src[j] !== '\r') j++;
        break;
      }
      if ((c === '"' || c === "'") && '\n:,[{-?'.includes(prev)) {
        j = skipQuoted(src, j);
        prev = c;
        continue;
      }
      const next = src[j + 1];
      if ((c === '-' || c === '?') && (prev === '\n' || prev === '-' || prev === '?') && (next === ' ' || next === '\t')) compact++;
      // A bracket opens a flow collection inside one, or where a node starts; elsewhere (`a[b`) it is text.
      else if ((c === '[' || c === '{') && (flow > 0 || '\n:-?,'.includes(prev))) flow++;
      else if ((c === ']' || c === '}') && flow > 0) flow--;
      if (flow + indents.length + compact > max) return j;
      prev = c;
    }
    if (flow === 0 && /(?:^|[\s:-])[|>][0-9+-]*[ \t]*(?:#.*)?$/.test(src.slice(i, j))) scalarIndent = indent;
    i = lineAfter(src, j);
  }
  return -1;
}

function lineAfter(src: string, from: number): number {
  let i = from;
  while (i < src.length && src[i] !== '\n' && src[i] !== '\r') i++;
  if (src[i] === '\r' && src[i + 1] === '\n') return i + 2;
  return i + 1;
}

/** Offset of the closing quote of the quoted scalar opening at `at` (or the end of the text). */
function skipQuoted(src: string, at: number): number {
  const quote = src[at];
  for (let i = at + 1; i < src.length; i++) {
    const c = src[i];
    if (quote === '"' && c === '\\') i++;
    else if (c === quote) {
      if (quote === "'" && src[i + 1] === "'") i++;
      else return i;
    }
  }
  return src.length;
}
