import { readFileSync, writeFileSync } from 'node:fs';
import { isRealDate } from '../core/dates';
import { addMissingKey, addType, removeEarlyClosing, repairFrontMatterClose, repairFrontMatterStart, replaceToken, type EditResult } from '../core/edits';
import { AGREEMENT_FIELDS, GOAL_FIELDS, INLINE_GOAL_FIELDS, isKnownKey, MEANING_KEYS, REVIEW_FIELDS, SESSION_FIELDS } from '../core/fields';
import { parseJournalFile } from '../core/parseFile';
import { editDistance, isSlip } from '../core/suggest';
import { LineIndex } from '../core/text';
import type { EngineOptions, Problem } from '../core/types';

/** Problems after which a file is not touched: its YAML does not parse, or its bytes are not plain UTF-8 text. */
/**
 * Problems after which a file is not fixed: YAML that does not parse (or loses a value to a second
 * key), front matter that is not a map, bytes that are not text. The YAML warnings about a value
 * read otherwise than meant (`yaml/item-in-text` and the like) leave the keys as they are: not these.
 */
const UNTOUCHABLE = /^(yaml\/(syntax|duplicate-key|too-many-aliases)$|frontmatter\/(unclosed|toml|not-a-map)|file\/(binary|encoding|too-large|unreadable))/;

const KNOWN_KEYS = [...new Set([AGREEMENT_FIELDS, GOAL_FIELDS, INLINE_GOAL_FIELDS, SESSION_FIELDS, REVIEW_FIELDS].flatMap((f) => Object.keys(f)))];

interface Fix {
  description: string;
  result: EditResult;
}

/**
 * The one safe fix for a problem, if it has exactly one outcome: the `type` the folder implies,
 * a misspelt key with exactly one candidate, a session's missing `date` from its file name
 * (`2026-11-02.md`). Anything the user must choose (a value, a goal) is left alone.
 */
function safeFix(path: string, text: string, lines: LineIndex, p: Problem): Fix | { left: string } | undefined {
  const data = p.data;
  const start = lines.offset(p.range.start);
  const end = lines.offset(p.range.end);
  if (data?.kind === 'closed-early') return { description: 'removed the `---` that closed the front matter before its keys', result: removeEarlyClosing(text) };
  if (data?.kind === 'front-matter-start') return { description: 'put the front matter\'s `---` lines right', result: repairFrontMatterStart(text) };
  if (data?.kind === 'front-matter-close') return { description: 'put the line that closes the front matter right', result: repairFrontMatterClose(text) };
  // A file without front matter whose lines hold keys a journal file knows (`status: missed`) has
  // its front matter written wrong in a way no rule recognised: one added above would make those
  // keys body text, and the file pass. Left to the writer.
  if (data?.kind === 'missing-type' && p.code === 'frontmatter/missing' && holdsKnownKeys(text)) return undefined;
  if (data?.kind === 'missing-type') return { description: `added \`type: ${data.type}\``, result: addType(text, data.type) };
  // A key whose value the key it is renamed to does not take is not renamed: the value is the writer's to change.
  // And only a slip of the hand (`atendees`), not a key that holds a known one (`next-next`, `my-status`), which may be the writer's own.
  if (data?.kind === 'unknown-key' && data.suggestion && !data.misfit && (data.byValue || isSlip(data.key, data.suggestion))) {
    // Exactly one candidate: no other known key is as close to the typo.
    const distance = editDistance(data.key.toLowerCase(), data.suggestion.toLowerCase());
    const rivals = data.byValue ? [] : KNOWN_KEYS.filter((k) => k !== data.suggestion && editDistance(data.key.toLowerCase(), k.toLowerCase()) <= distance);
    if (rivals.length) return undefined;
    // Nor into a key whose value other files depend on or that ends the partnership (MEANING_KEYS): said, not done.
    if (MEANING_KEYS.has(data.suggestion)) return { left: `\`${data.key}\` not renamed to \`${data.suggestion}\`: ${MEANING_WHY[data.suggestion] ?? 'what it holds changes what other files mean'}, so the rename is yours to make` };
    return { description: `renamed \`${data.key}\` to \`${data.suggestion}\``, result: replaceToken(text, start, end, data.suggestion) };
  }
  // A date written under another key (`when: 2026-02-30`) is the writer's: the file name's does not replace it.
  if (data?.kind === 'missing-key' && data.key === 'date' && p.code === 'schema/missing-key' && !data.standIn) {
    const date = /(?:^|\/)(\d{4}-\d{2}-\d{2})(?:-\d+)?\.md$/i.exec(path)?.[1];
    if (!date || !isRealDate(date)) return undefined;
    return { description: `added \`date: ${date}\` from the file name`, result: addMissingKey(text, start, 'date', date) };
  }
  return undefined;
}

/** Why a misspelling is not renamed into one of MEANING_KEYS, for the note on stderr. */
const MEANING_WHY: Readonly<Record<string, string>> = {
  id: 'sessions name the goal by its id, and would no longer find it',
  goals: 'the goals it names would count as worked on',
  progress: 'the progress it records would move the goals it names',
  closure: 'it would end the partnership',
};

/** Whether one of a text's first lines is a key a journal file knows (`type: session`, `  date: …`). */
function holdsKnownKeys(text: string): boolean {
  return text.split(/\r\n|\r|\n/, 40).some((line) => {
    const key = /^[ \t]*([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]|$)/.exec(line)?.[1];
    return key !== undefined && isKnownKey(key);
  });
}

const errorCount = (problems: readonly Problem[]): number => problems.filter((p) => p.severity === 'error').length;

export interface FixedFile {
  file: string;
  changes: string[];
}

/** The front matter first (closed before its keys: the keys below are it), then renames: a misspelt `tpye:` is renamed to `type`, not left beside an added `type:`. */
const fixOrder = (p: Problem): number => (p.data?.kind === 'closed-early' || p.data?.kind === 'front-matter-close' ? -1 : p.data?.kind === 'unknown-key' ? 0 : 1);

/**
 * Applies the safe fixes to one file on disk, one at a time (each re-reads the file, since
 * offsets move), with the extension's byte-preserving edits. Returns what changed and, for each
 * fix it would not make, why (a file without front matter that one would not complete, a
 * misspelling of `goals` or `progress`); undefined when there is neither.
 * A UTF-8 byte order mark stays where it was.
 */
export function fixFile(absolute: string, relative: string, options: EngineOptions): { changes: string[]; left: string[] } | undefined {
  let text: string;
  let bom: boolean;
  try {
    const bytes = readFileSync(absolute);
    bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    // The decoder drops the mark; the problems' positions are counted without it too.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
  const original = text;
  const changes: string[] = [];
  const left = new Set<string>();
  let withoutFrontMatter = false;
  for (let round = 0; round < 20; round++) {
    const problems = parseJournalFile(relative, text, options).problems;
    if (round === 0) withoutFrontMatter = problems.some((p) => p.code === 'frontmatter/missing' && p.data?.kind === 'missing-type');
    // A closing line written almost right is put right first, whatever YAML made of what followed it.
    if (problems.some((p) => UNTOUCHABLE.test(p.code) && p.data?.kind !== 'front-matter-close')) break;
    const lines = new LineIndex(text);
    let applied = false;
    for (const p of [...problems].sort((a, b) => fixOrder(a) - fixOrder(b))) {
      const fix = safeFix(relative, text, lines, p);
      if (fix && 'left' in fix) {
        left.add(fix.left);
        continue;
      }
      if (!fix?.result.ok || fix.result.text === text) continue;
      // A rename never leaves the file with more errors than before (a value the key does not take).
      if (p.data?.kind === 'unknown-key' && errorCount(parseJournalFile(relative, fix.result.text, options).problems) > errorCount(problems)) continue;
      text = fix.result.text;
      changes.push(fix.description);
      applied = true;
      break;
    }
    if (!applied) break;
  }
  if (text === original) return left.size ? { changes: [], left: [...left] } : undefined;
  // A file with no front matter gets one only when the fixes complete it (`sessions/2026-02-17.md`
  // gets its `date` from its name); `sessions/notes.md` would become a session without a date,
  // trading one error for another in a file that may not be meant as a session at all.
  if (withoutFrontMatter) {
    const missing = parseJournalFile(relative, text, options).problems.filter((p) => p.code === 'schema/missing-key').map((p) => (p.data?.kind === 'missing-key' ? p.data.key : undefined)).filter((k): k is string => !!k);
    if (missing.length) return { changes: [], left: [`no front matter added: it would still need ${missing.map((k) => `\`${k}\``).join(' and ')}, which only you can write`] };
  }
  writeFileSync(absolute, bom ? `\uFEFF${text}` : text);
  return { changes, left: [...left] };
}
