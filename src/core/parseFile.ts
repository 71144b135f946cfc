import { isAlias, isNode, isPair, isScalar, visit, type Document, type Node as YamlNode } from 'yaml';
import { goalIdCandidates, mayHaveDueProblems, mayHideText, readBody, type BodyFacts } from './body';
import { FOLDER_OF, GOAL_ID, isJournalType, JOURNAL_TYPES, slug, typeFromPath } from './conventions';
import { commentsInText, propertiesInText, scalarSpans, taggedTexts, type TaggedText } from './commentInText';
import { itemsInText, joinedItems, WIDE_COMMA } from './itemInText';
import { clip, codePoint, withArticle } from './words';
import { conflictMessage, findConflicts, idOutsideConflicts } from './conflicts';
import { cadenceDays, isRealDate, toDayNumber } from './dates';
import { AGREEMENT_FIELDS, caseFixedGoalId, FIELDS_BY_TYPE, goalFileName, goalIdOfFileName, INLINE_GOAL_FIELDS, type FieldValues } from './fields';
import { parseBody, type BodyPieceCache } from './bodyPieces';
import { bodySkeleton } from './bodySkeleton';
import { parseMarkdown, type ParsedMarkdown } from './frontmatter';
import { almostFrontMatter } from './frontMatterStart';
import { FastDocument } from './simpleYaml';
import { YamlLocator } from './yamlLocator';
import type { FrontMatterDocument } from './yamlParse';
import { emphasisAsAlias, goalAtMargin, headingAboveKey, isTextKey, mapKeyAbove, textForKeys } from './yamlErrors';
import type { RuleCode } from './rules';
import { FILE_START, type LineIndex } from './text';
import {
  CLOSURE_OUTCOMES,
  DEFAULT_OPTIONS,
  type ActionItem,
  type Agreement,
  type ClosureOutcome,
  type EngineOptions,
  type Goal,
  type GoalReference,
  type JournalFile,
  type JournalFileType,
  type Person,
  type Position,
  type Problem,
  type Range,
  type Review,
  type Session,
  type SessionStatusRead,
  type SourceRef,
  type Stage,
} from './types';
import { isSlip } from './suggest';
import { closestValue, isRecord, Reporter, validateFields, type Raw, type ValidationContext } from './validate';

const BINARY_PROBE = 8192;

/** One decoder each for all files: `decode` without `stream` keeps no state between calls, and a new decoder per file cost more than the decoding of a small one. */
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });
const LENIENT_UTF8 = new TextDecoder('utf-8');

/** Decodes bytes as UTF-8 text, reporting binary content and invalid encodings; the BOM is dropped. */
export function decode(path: string, bytes: Uint8Array, reporter: Reporter): string | undefined {
  const probe = bytes.subarray(0, BINARY_PROBE);
  // Without a zero byte, only a byte order mark can make it UTF-16 (or binary): most files skip the count.
  const zero = probe.indexOf(0) !== -1;
  if (zero ? isUtf16(probe) : hasUtf16Bom(probe)) {
    reporter.report(FILE_START, 'file/binary', 'This file is saved as UTF-16, which is not read: save it as UTF-8 (in VS Code: click the encoding in the status bar, then "Save with Encoding", "UTF-8").');
    return undefined;
  }
  if (zero) {
    reporter.report(FILE_START, 'file/binary', 'This file holds binary content, not Markdown text; it was skipped.');
    return undefined;
  }
  let text: string;
  try {
    text = STRICT_UTF8.decode(bytes);
  } catch {
    reporter.report(FILE_START, 'file/encoding', 'This file is not valid UTF-8; invalid bytes were read as \uFFFD. Save it as UTF-8.');
    text = LENIENT_UTF8.decode(bytes);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function hasUtf16Bom(probe: Uint8Array): boolean {
  return probe.length >= 2 && ((probe[0] === 0xff && probe[1] === 0xfe) || (probe[0] === 0xfe && probe[1] === 0xff));
}

/** UTF-16 text: a UTF-16 byte order mark, or (without one) ASCII letters with a zero byte beside each. */
function isUtf16(probe: Uint8Array): boolean {
  if (hasUtf16Bom(probe)) return true;
  const pairs = Math.floor(Math.min(probe.length, 512) / 2);
  if (pairs < 4) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < pairs; i++) {
    if (probe[2 * i] === 0 && probe[2 * i + 1] !== 0) even++;
    if (probe[2 * i + 1] === 0 && probe[2 * i] !== 0) odd++;
  }
  return Math.max(even, odd) >= pairs * 0.9;
}

/** Text from an editor buffer, judged as its bytes would be on disk (a NUL early on means binary); the BOM is dropped. */
function fromEditor(content: string, reporter: Reporter): string | undefined {
  const nul = content.indexOf('\0');
  if (nul >= 0 && utf8Length(content.slice(0, nul), BINARY_PROBE) < BINARY_PROBE) {
    reporter.report(FILE_START, 'file/binary', 'This file holds binary content, not Markdown text; it was skipped.');
    return undefined;
  }
  return content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
}

/**
 * Reads one journal file: what it is, its typed content, and every problem that can be
 * found in the file alone. Never throws, whatever the input.
 */
export function parseJournalFile(path: string, content: Uint8Array | string, options: EngineOptions = DEFAULT_OPTIONS, pieces?: BodyPieceCache): JournalFile {
  const reporter = new Reporter(path);
  const empty: JournalFile = { path, typeSource: 'none', hasFrontMatter: false, headRange: FILE_START, goals: [], problems: reporter.problems };
  const implied = typeFromPath(path);
  try {
    const bytes = typeof content === 'string' ? utf8Length(content, options.maxFileBytes) : content.byteLength;
    if (bytes > options.maxFileBytes) return tooLargeFile(path, bytes, options);
    const text = typeof content === 'string' ? fromEditor(content, reporter) : decode(path, content, reporter);
    if (text === undefined) return { ...empty, ...(implied ? { type: implied, typeSource: 'folder' } : {}) };
    const conflicts = findConflicts(text);
    if (conflicts.length) {
      // Until the conflict is resolved, the file is neither YAML nor Markdown: one problem per block, no facts.
      for (const block of conflicts) reporter.report(block.range, 'git/conflict', conflictMessage(block));
      const id = implied === 'goal' ? idOutsideConflicts(text, conflicts, (v) => GOAL_ID.test(v)) : undefined;
      return { ...empty, hasFrontMatter: /^---[ \t]*(?:\r\n?|\n)/.test(text), ...(implied ? { type: implied, typeSource: 'folder' } : {}), ...(id ? { conflictedGoalId: id } : {}) };
    }
    const parsed = parseMarkdown(path, text, pieces ? { pieces } : {});
    markInvalidBytes(reporter.problems, parsed);
    return readParsed(path, parsed, implied, reporter, options);
  } catch (error) {
    // A defect of ours must not take the editor down: report it on the file instead.
    reporter.report(FILE_START, 'file/unreadable', `This file could not be read: ${error instanceof Error ? error.message : String(error)}`);
    return empty;
  }
}

/**
 * Says of `file/encoding` whether the bytes that are not UTF-8 are in the front matter: only then
 * is what the front matter says in doubt (a name or a goal id garbled). In the body they garble
 * notes, and the file's keys are read and checked as usual.
 */
function markInvalidBytes(problems: Problem[], parsed: ParsedMarkdown): void {
  const at = problems.findIndex((p) => p.code === 'file/encoding');
  if (at < 0) return;
  const inFrontMatter = parsed.yaml ? parsed.yaml.source.includes('\uFFFD') : true;
  problems[at] = { ...problems[at]!, data: { kind: 'invalid-bytes', inFrontMatter } };
}

/** UTF-8 length of a text; counting stops once it passes `limit` (an editor buffer can be huge). */
function utf8Length(text: string, limit: number): number {
  if (text.length > limit) return text.length; // every UTF-16 unit is at least one byte
  if (text.length * 3 <= limit) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= limit; i++) {
    const c = text.charCodeAt(i);
    bytes += c < 0x80 ? 1 : c < 0x800 || (c >= 0xd800 && c <= 0xdfff) ? 2 : 3;
  }
  return bytes;
}

/** The result for a file over `options.maxFileBytes`: reported and skipped, without reading (or allocating) its content. */
export function tooLargeFile(path: string, bytes: number, options: EngineOptions = DEFAULT_OPTIONS): JournalFile {
  const reporter = new Reporter(path);
  reporter.report(FILE_START, 'file/too-large', `This file has ${bytes} bytes, more than the limit of ${options.maxFileBytes}; it was skipped, and nothing in it counts in the review. Split it, move what is not journal out of it, or raise \`maxFileSize\` (a setting, and a key of the command line's config file).`);
  const implied = typeFromPath(path);
  return { path, typeSource: 'none', hasFrontMatter: false, headRange: FILE_START, goals: [], problems: reporter.problems, ...(implied ? { type: implied, typeSource: 'folder' } : {}) };
}

/**
 * Whether offset `at` of YAML source is inside a `[...]` or `{...}` still open there (quotes and
 * comments skipped): a list or map that goes on over lines.
 */
function insideBrackets(source: string, at: number): boolean {
  let depth = 0;
  for (let i = 0; i < at; i++) {
    const c = source[i]!;
    if (c === '"' || c === "'") {
      const close = source.indexOf(c, i + 1);
      if (close === -1 || close >= at) return depth > 0;
      i = close;
    } else if (c === '#' && (i === 0 || /\s/.test(source[i - 1]!))) {
      const nl = source.indexOf('\n', i);
      if (nl === -1 || nl >= at) return depth > 0;
      i = nl;
    } else if (c === '[' || c === '{') depth++;
    else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
  return depth > 0;
}

/** `# mentoring-journal-disable goal/unknown-id keys/unknown` in the front matter: the codes it names, `*` for all. */
const DISABLE_COMMENT = /(?:^|\s)#\s*mentoring-journal-disable\b([^\n#]*)/g;

/**
 * The rules the front matter's disable comments turn off, from the YAML source only (not the
 * body). Only a comment counts: the same words inside a value (quoted, or a line of a `|` or `>`
 * block) are text.
 */
export function disabledRules(source: string, doc: FrontMatterDocument): string[] | undefined {
  if (!source.includes('mentoring-journal-disable')) return undefined;
  const scalars = scalarSpans(doc);
  const codes: string[] = [];
  for (const match of source.matchAll(DISABLE_COMMENT)) {
    const hash = source.indexOf('#', match.index);
    if (scalars.some(([start, end]) => start <= hash && hash < end)) continue;
    const named = (match[1] ?? '').split(/[\s,]+/).filter(Boolean);
    codes.push(...(named.length ? named : ['*']));
  }
  return codes.length ? codes : undefined;
}

function readParsed(path: string, parsed: ParsedMarkdown, implied: JournalFileType | undefined, reporter: Reporter, options: EngineOptions): JournalFile {
  const disabled = parsed.yaml ? disabledRules(parsed.yaml.source, parsed.yaml.doc) : undefined;
  const base: JournalFile = {
    path,
    typeSource: 'none',
    hasFrontMatter: !!parsed.yaml,
    headRange: parsed.yaml?.head ?? FILE_START,
    goals: [],
    problems: reporter.problems,
    ...(disabled ? { disabledRules: disabled } : {}),
  };
  if (!parsed.yaml) {
    if (!implied) return base; // plain notes and READMEs are not journal files
    reporter.problems.push(...parsed.problems);
    const almost = parsed.problems.length === 0 ? almostFrontMatter(parsed.text) : undefined;
    if (almost) {
      reporter.report(parsed.lines.range(almost.start, almost.end), 'frontmatter/missing', almost.message, almost.repair ? { kind: 'front-matter-start' } : undefined);
    } else if (parsed.problems.length === 0) {
      reporter.report(FILE_START, 'frontmatter/missing', `This ${implied} file has no front matter: start it with a line \`---\`, then \`type: ${implied}\` and the keys ${withArticle(implied)} file takes, then a line \`---\` that closes it.`, { kind: 'missing-type', type: implied });
    }
    return { ...base, type: implied, typeSource: 'folder' };
  }
  reporter.problems.push(...parsed.problems);
  const { doc, offset, head } = parsed.yaml;
  const locator = new YamlLocator(doc, offset, parsed.lines, head);
  // A front matter closed at once (frontmatter/closed-early) is not the one written: what it lacks is not reported.
  // So is one whose `type` is written twice: which kind of file it is, and so what it lacks, is in doubt.
  const brokenYaml =
    doc.errors.some((e) => e.code !== 'DUPLICATE_KEY') ||
    parsed.problems.some((p) => p.code === 'frontmatter/closed-early' || (p.code === 'yaml/duplicate-key' && p.range.start.column === 1 && p.message.startsWith('Duplicate key `type`:')));
  // `&Co` alone as a value: its warning, to be said once with the error the empty value gets, if any (foldEmptyAnchors).
  const emptyAnchors: EmptyAnchor[] = [];
  // Texts given a tag (`duration: !!float 45`): where the value is no text, the tag is what to say (foldTaggedValues).
  const tagged = brokenYaml ? [] : taggedTexts(parsed.yaml.source, doc);
  if (!brokenYaml) {
    const source = parsed.yaml.source;
    for (const { start, end, word, kind, empty, place } of propertiesInText(source, doc)) {
      reporter.report(parsed.lines.range(offset + start, offset + end), 'yaml/anchor-in-text', `${propertyInText(word, kind, empty, place)}.`);
      if (empty) emptyAnchors.push({ problem: reporter.problems[reporter.problems.length - 1]!, keep: word, why: propertyInText(word, kind, true) });
    }
    for (const { start, end, word, lineOfValue } of commentsInText(source, doc)) {
      // After a closing bracket the value is complete: quoting it would make a list or map text.
      // Inside an open bracket (the list goes on below), only the item is quoted.
      const before = source.slice(source.lastIndexOf('\n', start - 1) + 1, start);
      const closed = /[\]}]$/.exec(before.trimEnd())?.[0];
      const what = closed === ']' ? 'list' : 'map';
      reporter.report(
        parsed.lines.range(offset + start, offset + end),
        'yaml/comment-in-text',
        lineOfValue !== undefined
          ? `\`${word}\` at the start of this line is read by YAML as a comment, so the value of \`${lineOfValue}\` above ends before it. If it belongs to the value, put the whole value in quotes, or write it as a \`>-\` text (\`${lineOfValue}: >-\`, then its lines indented); if it is a comment, write a space after \`#\`.`
          : closed
          ? `\`${word}\` starts a YAML comment (a \`#\` after a space), so it is not part of the ${what} before it. If it is a comment, write a space after \`#\`; if it belongs in the ${what}, move it inside the \`${closed}\`, in quotes.`
          : insideBrackets(source, start)
            ? `\`${word}\` starts a YAML comment (a \`#\` after a space), so it is not part of the item before it. If it belongs to the item, put the item in quotes; if it is a comment, write a space after \`#\`.`
            : `\`${word}\` starts a YAML comment (a \`#\` after a space), so it is not part of the value before it. If it belongs to the value, put the whole value in quotes; if it is a comment, write a space after \`#\`.`,
      );
      // `title: #eng-blog`, `- #carla`: nothing before the comment, so the value is empty; with the error that gives, said once (foldEmptyAnchors).
      if (lineOfValue === undefined && /^[ \t]*(?:-[ \t]+)?(?:["']?[^\s"'#:-][^"':]*["']?[ \t]*:[ \t]+)?$/.test(before) && /\S/.test(before)) {
        // The comment up to a comment of the writer's own after it (`#1 talk # really`).
        const comment = source.slice(start, (source.indexOf('\n', start) + 1 || source.length + 1) - 1).replace(/[ \t]+#.*$/, '').trim();
        const empty = `\`${word}\` starts a YAML comment (a \`#\` after a space), so the value is empty`;
        emptyAnchors.push({ problem: reporter.problems[reporter.problems.length - 1]!, keep: comment, why: `${empty}: put it in quotes to keep it`, plain: { why: `${empty}: delete the \`#\``, value: comment.slice(1) } });
      }
    }
    for (const { start, comma, value } of joinedItems(parsed.yaml.source, doc)) {
      const parts = value.split(WIDE_COMMA).map((part) => part.trim()).filter(Boolean);
      reporter.report(
        parsed.lines.range(offset + start, offset + start + comma.length),
        'yaml/item-in-text',
        `\`${clip(value)}\` is one list item: \`${comma}\` is ${comma === '，' ? 'a full-width' : 'an ideographic'} comma (${codePoint(comma)}), and YAML parts the items of a list only at \`,\`. For ${parts.length} items, write \`[${clip(parts.join(', '), 60)}]\`, or each on a line of its own after \`- \`; if the comma belongs to the item, put the item in quotes.`,
      );
    }
    for (const { start, end, item, value } of itemsInText(parsed.yaml.source, doc)) {
      reporter.report(
        parsed.lines.range(offset + start, offset + end),
        'yaml/item-in-text',
        `\`${clip(item)}\` is not a list item: YAML reads this line as more of the text above it, which becomes one value, "${clip(value)}". Start its \`-\` in the same column as the \`-\` of the items above (or, under a key, on a line of its own after the key); if the text is meant, put the whole value in quotes.`,
      );
    }
  }

  // Aliases the yaml package would loop on, fail on or spend minutes on, found before it reads them.
  const alias = doc instanceof FastDocument ? undefined : aliasMistake(doc);
  if (alias) {
    const range = locator.rangeOf(alias.node) ?? head;
    // Said already where a syntax error starts at the alias (`title: *starred goal`).
    const said = reporter.problems.some((p) => p.code === 'yaml/syntax' && p.range.start.line === range.start.line && p.range.start.column === range.start.column);
    if (!said) reporter.report(range, alias.code, alias.message);
    return { ...base, ...(implied ? { type: implied, typeSource: 'folder' } : {}) };
  }
  let raw: unknown;
  try {
    // The fast path's tree holds no aliases: its plain value is built as it is read.
    // The package counts the anchored value itself as one expansion: +1, so that 100 aliases pass and 101 do not.
    raw = doc instanceof FastDocument ? doc.toJS() : doc.toJS({ maxAliasCount: MAX_ALIASES + 1 });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/alias/i.test(message)) {
      reporter.report(
        (doc instanceof FastDocument ? undefined : locator.rangeOf(firstAlias(doc))) ?? head,
        'yaml/too-many-aliases',
        TOO_MANY_ALIASES,
      );
    } else {
      reporter.report(head, 'yaml/syntax', `The front matter could not be read: ${message.split('\n')[0]}`);
    }
    return { ...base, ...(implied ? { type: implied, typeSource: 'folder' } : {}) };
  }
  if (raw === null || raw === undefined) raw = {};
  if (!isRecord(raw)) {
    if (!brokenYaml) {
      // `type session` (and more lines like it): keys without their colons read as one text.
      const text = typeof raw === 'string' && !(doc instanceof FastDocument) && isScalar(doc.contents) && doc.contents.range ? textForKeys(parsed.yaml.source, doc.contents.range[0]) : undefined;
      if (text) reporter.report(parsed.lines.range(offset + text.start, offset + text.end), 'frontmatter/not-a-map', text.message);
      else reporter.report(locator.rangeOf(doc.contents) ?? head, 'frontmatter/not-a-map', 'The front matter must be a map of keys to values, like `type: session`.');
    }
    return { ...base, ...(implied ? { type: implied, typeSource: 'folder' } : {}) };
  }

  const declared = raw.type;
  let type: JournalFileType | undefined;
  let typeSource: JournalFile['typeSource'] = 'none';
  if (isJournalType(declared)) {
    type = declared;
    typeSource = 'declared';
    // A goal under sessions/ (or any of goals/, sessions/, reviews/ under another): read as it says, and said, since it is not where it is looked for.
    // (Not below its own folder: `goals/sessions/x.md` is under goals/ already.)
    if (!brokenYaml && implied && implied !== declared && implied !== 'agreement' && declared !== 'agreement' && !path.split('/').slice(0, -1).includes(FOLDER_OF[declared])) {
      reporter.report(locator.valueRange(['type']), 'type/other-folder', `This file is ${withArticle(declared)} kept under \`${FOLDER_OF[implied]}/\`, where ${implied}s go: it is read as ${withArticle(declared)}, as its \`type\` says. Move it to \`${FOLDER_OF[declared]}/\`, or correct \`type\` if it is ${withArticle(implied)}.`);
    }
  } else if (declared !== undefined && declared !== null) {
    if (!brokenYaml) {
      // `sesion`, `Session`: the type meant, as other values' messages give it (the quick fix offers it first).
      const meant = typeof declared === 'string' || typeof declared === 'number' ? closestValue(String(declared), JOURNAL_TYPES) : undefined;
      reporter.report(locator.valueRange(['type']), 'schema/invalid-enum', `\`type\` must be one of ${JOURNAL_TYPES.join(', ')}${meant ? `: did you mean \`${meant}\`?` : '.'}`, {
        kind: 'invalid-enum',
        key: 'type',
        allowed: [...JOURNAL_TYPES],
      });
    }
    if (implied) [type, typeSource] = [implied, 'folder'];
  } else if (implied) {
    [type, typeSource] = [implied, 'folder'];
    // With broken YAML, `type` may be there but unreadable: the syntax error says what to fix. With
    // `typ:` or `Type:`, the unknown key's "did you mean `type`?" says it, at the key, with its rename.
    const misspelt = options.unknownKeys !== false && options.severities?.['keys/unknown'] !== 'off' && Object.keys(raw).some((key) => key !== 'type' && isSlip(key, 'type'));
    if (!brokenYaml && !misspelt) reporter.report(head, 'type/missing', `Missing \`type\`: this file is read as ${withArticle(implied)} because of where it is; add \`type: ${implied}\`.`, { kind: 'missing-type', type: implied });
  }
  if (!type) return { ...base, typeSource };

  // With `type` missing or wrong, its problem is reported above; validate the rest as the implied type.
  const body: Raw = typeSource === 'declared' ? raw : { ...raw, type };
  const ctx: ValidationContext = { locator, reporter, unknownKeys: options.unknownKeys, quiet: brokenYaml };
  // A key written twice: which value was meant is not known, so nothing the session or review says counts (as with broken YAML), though its problems are checked.
  const duplicated = parsed.problems.some((p) => p.code === 'yaml/duplicate-key');
  // Written out rather than spread from `base`: this is on every file's path, and a spread costs more.
  const { hasFrontMatter, headRange, goals, problems } = base;
  const file: JournalFile = disabled
    ? { path, typeSource, hasFrontMatter, headRange, goals, problems, disabledRules: disabled, type }
    : { path, typeSource, hasFrontMatter, headRange, goals, problems, type };
  switch (type) {
    case 'agreement':
      buildAgreement(file, body, ctx);
      break;
    case 'goal':
      buildGoalFile(file, body, ctx);
      break;
    case 'session':
      buildSession(file, body, ctx, parsed, duplicated);
      break;
    case 'review':
      buildReview(file, body, ctx, parsed, duplicated);
      break;
  }
  // An unknown key at the margin can say more of where it stands: after a Markdown heading (the
  // front matter left open runs into the body), or after a `goals:` list at the margin (a goal
  // without its `- `).
  const source = parsed.yaml.source;
  if (/\n[ \t]*\r?\n#{1,6}[ \t]+\S/.test(source)) {
    retellUnknownKeys(problems, parsed, offset, (at) => {
      const found = headingAboveKey(source, at);
      return found && `it comes after \`${clip(found.heading)}\`, a Markdown heading that YAML reads as a comment, so the front matter seems to run on into the body. If so, add a line \`---\` after \`${clip(found.lastKey)}\``;
    });
  }
  if (type === 'agreement' && /^goals:[ \t]*(?:#.*)?\r?\n-/m.test(source)) retellUnknownKeys(problems, parsed, offset, (at) => goalAtMargin(source, at), true);
  retellMapKeysAtMargin(problems, parsed, offset, type);
  foldEmptyAnchors(problems, emptyAnchors, parsed.lines);
  if (tagged.length) foldTaggedValues(problems, tagged, offset, parsed.lines);
  return file;
}

/**
 * One mistake, one problem: a tag before a value where a number, a date or a list goes
 * (`duration: !!float 45`: YAML cannot read `45` as a float, and keeps it as the text `45`;
 * `!!str 45`, `!minutes 45`) makes the value a text, and its type error did not say why. It is
 * said at the tag, and a tag of another's (`!minutes`, `yaml/anchor-in-text`) is not said again.
 * The type error's quick-fix data goes: quoting or rewriting the value would keep the tag.
 */
function foldTaggedValues(problems: Problem[], tagged: readonly TaggedText[], offset: number, lines: LineIndex): void {
  for (const { start, end, word, valueStart, as } of tagged) {
    const at = lines.position(offset + valueStart);
    const i = problems.findIndex((p) => (p.code === 'schema/invalid-type' || p.code === 'date/format') && p.range.start.line === at.line && p.range.start.column === at.column);
    if (i < 0) continue;
    const error = problems[i]!;
    const range = lines.range(offset + start, offset + end);
    const value = lines.text.slice(offset + valueStart, lines.offset(error.range.end));
    const { data: _quickFix, ...rest } = error;
    problems[i] = { ...rest, range, message: `${error.message.replace(/\.$/, '')}: the tag \`${word}\` before \`${clip(value)}\` makes YAML read it as ${as}. Delete \`${word}\`.` };
    const said = problems.findIndex((p) => p.code === 'yaml/anchor-in-text' && p.range.start.line === range.start.line && p.range.start.column === range.start.column);
    if (said >= 0) problems.splice(said, 1);
  }
}

/** A value's `&word` or `!word` that leaves it empty, reported as `yaml/anchor-in-text` (foldEmptyAnchors). */
interface EmptyAnchor {
  problem: Problem;
  /** What to put in quotes: the word, or the comment that took the whole value. */
  keep: string;
  /** For a key whose value is no text (`status: #active`, `date: #2026-01-26`), where quotes would not do: why, and the value to write instead. */
  plain?: { why: string; value: string };
  /** Why the value is empty, to say with the error the empty value gets. */
  why: string;
}

/** What YAML makes of a `&word` or `!word` before a value (`yaml/anchor-in-text`), without the final stop. */
function propertyInText(word: string, kind: 'anchor' | 'tag', empty: boolean, place: 'text' | 'value' | 'key' = 'text'): string {
  const what = kind === 'anchor' ? 'an anchor (a name for the value)' : 'a tag (a type name)';
  // Before a key, or a date or a status (which quoted would not be read): the word is to go.
  if (place === 'key') return `\`${word}\` is read by YAML as ${kind === 'anchor' ? 'an anchor (a name for the key)' : 'a tag (a type name)'}, not as part of the key after it: delete it`;
  if (place === 'value' && !empty) return `\`${word}\` is read by YAML as ${what}, not as text, so it is not part of the value after it: delete it`;
  return `\`${word}\` is read by YAML as ${what}, not as text, so ${empty ? 'the value is empty: put it in quotes to keep it' : 'it is not part of the value after it: put the whole value in quotes to keep it'}`;
}

/**
 * One mistake, one problem: a value written `&Co` (or `!urgent`) alone is empty to YAML, and a key
 * that needs a value then has an error too, at the empty value right after the word (`must be a
 * text`) or at the key (`Missing required key`). The two are said once: the error, at the word,
 * saying why the value is empty. Its quick-fix data goes (a key to add is written already).
 */
function foldEmptyAnchors(problems: Problem[], anchors: readonly EmptyAnchor[], lines: LineIndex): void {
  const same = (a: Position, b: Position) => a.line === b.line && a.column === b.column;
  const between = (a: Position, b: Position) => (a.line < b.line || (a.line === b.line && a.column <= b.column) ? lines.text.slice(lines.offset(a), lines.offset(b)) : '\0');
  for (const { problem: anchor, keep, why: quoted, plain } of anchors) {
    const { start, end } = anchor.range;
    const at = problems.findIndex(
      (p) =>
        p.severity === 'error' &&
        p.code.startsWith('schema/') &&
        // At the empty value right after the word, or at the key whose value it is (`title: &Co`, or `&Co` on the line below).
        // (Or, for an empty list item, at the word's start with no span: `- #carla`.)
        (same(p.range.start, end) || (same(p.range.start, start) && same(p.range.end, start)) || (p.code === 'schema/missing-key' && /^["']?[ \t]*:[ \t]*(?:\r?\n[ \t]*)?$/.test(between(p.range.end, start)))),
    );
    if (at < 0) continue;
    const error = problems[at]!;
    const key = error.code === 'schema/missing-key' ? /`([^`]+)`/.exec(error.message)?.[1] : undefined;
    // The key as written on its line (`title`, not `goals[0].title`).
    const written = key?.split('.').pop();
    // Quotes keep a text; a status or a date in quotes would still be no status or date.
    const asIs = plain && written !== undefined && !isTextKey(written) ? plain : undefined;
    const why = asIs?.why ?? quoted;
    const message = key !== undefined ? `\`${key}\` has no value: ${why}, as \`${written}: ${asIs ? asIs.value : JSON.stringify(keep)}\`.` : `${error.message.replace(/\.$/, '')}: ${why}.`;
    const { data: _quickFix, ...rest } = error;
    problems[at] = { ...rest, range: anchor.range, message };
    problems.splice(problems.indexOf(anchor), 1);
  }
}

/**
 * Gives each unknown key at the margin whose line `say` has something to add (given the line's
 * offset in the YAML source) that as the rest of its message, in place of its suggestion too
 * when `instead` (a key meant for a goal is no misspelling of the agreement's).
 */
function retellUnknownKeys(problems: Problem[], parsed: ParsedMarkdown, offset: number, say: (at: number) => string | undefined, instead = false): void {
  for (let i = 0; i < problems.length; i++) {
    const p = problems[i]!;
    if (p.code !== 'keys/unknown' || p.range.start.column !== 1) continue;
    const more = say(parsed.lines.lineStart(p.range.start.line) - offset);
    if (!more) continue;
    const said = p.message.replace(/\.$/, '');
    problems[i] = { ...p, message: `${instead ? said.replace(/: did you mean .*$/, '') : said}: ${more}.` };
  }
}

/**
 * A map's keys written at the margin under their key (`signed:`, then `mentor: 2026-06-02` not
 * indented; `progress:`, then `design-doc: 60`): YAML reads them as keys of the front matter, so
 * they are unknown keys, or duplicates of the partners' names, whose advice (keep only one) would
 * lose a name or a date. Each says to indent it under the map's key. A duplicate's quick fix goes.
 */
function retellMapKeysAtMargin(problems: Problem[], parsed: ParsedMarkdown, offset: number, type: JournalFileType): void {
  const source = parsed.yaml!.source;
  for (let i = 0; i < problems.length; i++) {
    const p = problems[i]!;
    if ((p.code !== 'keys/unknown' && p.code !== 'yaml/duplicate-key') || p.range.start.column !== 1) continue;
    if (!/^[A-Za-z_][\w-]*:[ \t]*(?:#.*)?\r?$/m.test(source)) return; // no key without a value on its line: no map to indent under
    const at = parsed.lines.lineStart(p.range.start.line) - offset;
    const found = mapKeyAbove(source, at, type);
    if (!found) continue;
    const { map, indented, indent: under } = found;
    const line = source.slice(at, (source.indexOf('\n', at) + 1 || source.length + 1) - 1).trim();
    const where = indented ? `it comes after \`${map}:\` and the keys indented under it, but at the margin` : `it comes after \`${map}:\`, which has no value`;
    const indent = `if it belongs to \`${map}\`, indent it under \`${map}:\` (\`${under}${clip(line)}\`)`;
    const message =
      p.code === 'keys/unknown'
        ? `${p.message.replace(/: did you mean .*$/, '').replace(/\.$/, '')}: ${where}, so YAML reads it as a key of the front matter: ${indent}.`
        : `${p.message.replace(/; keep only one\.$/, '')}. ${where[0]!.toUpperCase()}${where.slice(1)}, so YAML reads it as a second key of the front matter, in the place of the first: ${indent}.`;
    const { data: _fix, ...rest } = p;
    problems[i] = { ...rest, message };
  }
}

/** Aliases (`*name`) in one front matter: more are refused unread, and so is data that expands past as many. */
const MAX_ALIASES = 100;
const TOO_MANY_ALIASES = 'The front matter uses YAML aliases (*name) that expand to too much data (a resource-exhaustion pattern); it was not read. Write the values out instead.';

function firstAlias(doc: Document.Parsed): YamlNode | undefined {
  let found: YamlNode | undefined;
  visit(doc, {
    Alias(_, node) {
      found = node;
      return visit.BREAK;
    },
  });
  return found;
}

/**
 * The first alias the yaml package cannot read well, in document order: one naming no anchor
 * set before it (`*x` without `&x`), one inside the value its anchor names (`&a [*a]`: a value
 * that contains itself, which also defeats the package's expansion limit and makes each later
 * alias cost a walk of the document), or the alias past MAX_ALIASES (reported at the first).
 */
function aliasMistake(doc: Document.Parsed): { node: YamlNode; code: RuleCode; message: string } | undefined {
  const anchors = new Set<string>();
  let count = 0;
  let first: YamlNode | undefined;
  let found: { node: YamlNode; code: RuleCode; message: string } | undefined;
  visit(doc, {
    Node(_, node, path) {
      if (isAlias(node)) {
        first ??= node;
        const name = node.source;
        if (!anchors.has(name) && name.endsWith('*')) {
          const pair = path[path.length - 1];
          const key = isPair(pair) && isScalar(pair.key) ? String(pair.key.value) : undefined;
          found = { node, code: 'yaml/syntax', message: emphasisAsAlias(`*${name}`, `*${name}`, key) };
        } else if (!anchors.has(name)) {
          found = { node, code: 'yaml/syntax', message: `YAML syntax error: \`*${name}\` repeats the value named \`&${name}\`, but no value before it has that name: write the value out, or name it with \`&${name}\` before this line; if \`*${name}\` is text, put it in quotes.` };
        } else if (path.some((p) => isNode(p) && p.anchor === name)) {
          found = { node, code: 'yaml/syntax', message: `YAML syntax error: \`*${name}\` is inside the value named \`&${name}\` that it repeats, so that value would contain itself: write the values out instead.` };
        } else if (++count > MAX_ALIASES) {
          found = { node: first, code: 'yaml/too-many-aliases', message: TOO_MANY_ALIASES };
        }
        return found ? visit.BREAK : undefined;
      }
      if (node.anchor) anchors.add(node.anchor);
      return undefined;
    },
  });
  return found;
}

function toPerson(v: NonNullable<FieldValues<typeof AGREEMENT_FIELDS>['mentor']>): Person {
  if (typeof v === 'string') return { name: v.trim() };
  return { name: v.name.trim(), ...(v.handle ? { handle: v.handle } : {}), ...(v.email ? { email: v.email } : {}) };
}

/** The entries of a map that are real dates, when the map as a whole is invalid (say, a misspelt key beside them). */
function validDates<K extends string>(value: unknown, keys: readonly K[]): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  if (!isRecord(value)) return out;
  for (const key of keys) {
    const v = Object.hasOwn(value, key) ? value[key] : undefined;
    if (typeof v === 'string' && isRealDate(v)) out[key] = v;
  }
  return out;
}

/** People once each, by name (`mentor: Ana` beside `mentors: [Ana, Cy]` is Ana and Cy). */
function distinctPeople(people: Person[]): Person[] {
  const seen = new Set<string>();
  return people.filter((p) => !seen.has(p.name) && !!seen.add(p.name));
}

/** The closure's date, and its outcome and reflection where valid, from a closure that is not valid as a whole. */
function recoveredClosure(value: unknown): NonNullable<Agreement['closure']> | undefined {
  const { date } = validDates(value, ['date']);
  if (!date || !isRecord(value)) return undefined;
  const outcome = (CLOSURE_OUTCOMES as readonly unknown[]).includes(value.outcome) ? (value.outcome as ClosureOutcome) : undefined;
  return { date, ...(outcome ? { outcome } : {}), ...(typeof value.reflection === 'string' ? { reflection: value.reflection } : {}) };
}

function wholeRange(ctx: ValidationContext): Range {
  return ctx.locator.head;
}

function buildAgreement(file: JournalFile, raw: Raw, ctx: ValidationContext): void {
  const data = validateFields(raw, AGREEMENT_FIELDS, [], ctx);
  const { reporter, locator } = ctx;
  const report = (range: Range, code: RuleCode, message: string, key?: keyof typeof AGREEMENT_FIELDS) => {
    if (ctx.quiet) return;
    reporter.report(range, code, message, key ? { kind: 'missing-key', key, placeholder: AGREEMENT_FIELDS[key].placeholder } : undefined);
  };
  for (const [one, many] of [['mentor', 'mentors'], ['mentee', 'mentees']] as const) {
    // Both written: every name counts (none is dropped), and the duplication is said at `one`.
    if (raw[one] != null && raw[many] != null) {
      report(locator.keyRange([one]), 'schema/invalid-value', `Both \`${one}\` and \`${many}\` are written; the ${one}s are read from both: write them all under \`${many}\` and delete \`${one}\`.`);
    }
    if (raw[one] == null && raw[many] == null) {
      // Written with no value (`mentor:`, `mentee: ~`): said at the key, as any required key written empty.
      const range = raw[one] === null ? locator.keyRange([one]) : raw[many] === null ? locator.keyRange([many]) : locator.head;
      report(range, 'schema/missing-key', `Missing required key \`${one}\` (or \`${many}\` for group mentoring): who is the ${one}?`, one);
    }
  }
  const formality = data.formality ?? 'formal';
  if (formality === 'formal' && raw.ends == null) {
    report(locator.head, 'schema/missing-key', 'Missing key `ends`: a formal partnership is time-limited, so give its end date (or set `formality: informal`).', 'ends');
  }
  const { started, ends } = data;
  if (started && ends && toDayNumber(ends) <= toDayNumber(started)) {
    report(locator.valueRange(['ends']), 'agreement/ends-before-start', `\`ends\` (${ends}) must be after \`started\` (${started}).`);
  }
  const signed = data.signed ?? validDates(raw.signed, ['mentor', 'mentee']);
  const stage = data.stage;
  // A signature written with a date that is not valid is its own problem, at that date: it is
  // not reported as missing too (the person did sign; the date needs fixing).
  const unsigned = (['mentor', 'mentee'] as const).filter((who) => !signed[who] && locator.lacksValue(['signed', who]));
  if (stage && stage !== 'creating' && unsigned.length > 0) {
    const missing = unsigned.join(' and ');
    const advice = signedAdvice(locator, raw.signed, signed, unsigned);
    report(
      locator.valueRange(['stage']),
      'agreement/unsigned',
      `The stage is ${stage}, but the agreement is not signed by the ${missing}: completing the agreement is the critical task of the creating stage. ${advice}`,
    );
  }
  const cadenceText = data.cadence;
  const partners = data.strengths ?? {};
  const expectations = data.expectations ?? {};
  // A closure with a real date ends the partnership even before its outcome is written (`check` asks for it).
  const closure = data.closure ?? recoveredClosure(raw.closure);
  file.agreement = {
    source: { file: file.path, range: wholeRange(ctx) },
    mentors: distinctPeople([...(data.mentor !== undefined ? [data.mentor] : []), ...(data.mentors ?? [])].map(toPerson)),
    mentees: distinctPeople([...(data.mentee !== undefined ? [data.mentee] : []), ...(data.mentees ?? [])].map(toPerson)),
    format: data.format ?? 'one-to-one',
    formality,
    ...(started ? { started, startedRange: locator.valueRange(['started']) } : {}),
    ...(ends ? { ends } : {}),
    ...(cadenceText ? { cadence: { label: cadenceText, days: cadenceDays(cadenceText) ?? 0 } } : raw.cadence !== undefined && raw.cadence !== null ? { cadenceInvalid: true as const } : {}),
    ...(stage ? { stage } : raw.stage !== undefined && raw.stage !== null ? { stageInvalid: true as const } : {}),
    confidential: data.confidential ?? true,
    signed,
    strengths: { mentor: partners.mentor ?? [], mentee: partners.mentee ?? [] },
    expectations: { mentor: expectations.mentor ?? [], mentee: expectations.mentee ?? [] },
    ...(typeof data.success === 'string' ? { success: data.success } : {}),
    ...(closure ? { closure } : {}),
  };
  const items = data.goals ?? [];
  const itemRanges = locator.itemsOf(['goals']);
  items.forEach((item, i) => {
    const path = ['goals', i];
    const range = itemRanges[i] ?? locator.valueRange(path);
    if (!isRecord(item)) {
      report(range, 'schema/invalid-type', `\`goals[${i}]\` must be a goal: a map with id, title and status.`);
      return;
    }
    const goalData = validateFields(item, INLINE_GOAL_FIELDS, path, ctx);
    // An id in the wrong case is reported once, at the id; the goal is still defined, so its references are not errors too.
    // One no id can be made of (`登壇`) defines it as written, as a goal file's name does: one mistake, one problem.
    const written = typeof item.id === 'string' && item.id.trim() ? item.id : undefined;
    const goal = toGoal(goalData, goalData.id ?? caseFixedGoalId(item.id) ?? written, file.path, range, locator.valueRange([...path, 'id']), 'agreement', ctx, path);
    if (goal && typeof item.id === 'string' && item.id !== goal.id) goal.declaredId = item.id;
    if (goal) file.goals.push(goal);
  });
}

function toGoal(
  data: FieldValues<typeof INLINE_GOAL_FIELDS>,
  id: string | undefined,
  file: string,
  range: Range,
  idRange: Range,
  origin: Goal['origin'],
  ctx: ValidationContext,
  base: Array<string | number>,
): Goal | undefined {
  if (!id) return undefined;
  // A status written but not valid (`finished`), or none readable from broken YAML, is unknown,
  // not the default: the review must not make one up.
  const written = ctx.locator.pair([...base, 'status']) !== undefined;
  const status = data.status ?? (written || ctx.quiet ? 'unknown' : 'proposed');
  const goal: Goal = {
    id,
    title: data.title ?? id,
    owner: data.owner ?? 'mentee',
    ...(typeof data.success === 'string' ? { success: data.success } : {}),
    ...(typeof data.due === 'string' ? { due: data.due } : {}),
    status,
    ...(typeof data.progress === 'number' ? { progress: data.progress } : {}),
    skills: data.skills ?? [],
    ...(typeof data.created === 'string' ? { created: data.created } : {}),
    source: { file, range },
    idRange,
    fields: Object.fromEntries(ctx.locator.keysOf(base).map(({ key }) => [key, ctx.locator.valueRange([...base, key])])),
    origin,
  };
  // A `success` or `due` written but not valid is its own problem, at its value: only what is not
  // written at all, or written with no value (`success:`), is missing here (the quick fix fills an
  // empty value in place).
  const lacksSuccess = !goal.success && ctx.locator.lacksValue([...base, 'success']);
  const lacksDue = !goal.due && ctx.locator.lacksValue([...base, 'due']);
  if (!ctx.quiet && data.status === 'active' && (lacksSuccess || lacksDue)) {
    const missing = [lacksSuccess && '`success`', lacksDue && '`due`'].filter(Boolean).join(' and ');
    ctx.reporter.report(
      ctx.locator.valueRange([...base, 'status']),
      'goal/no-success-criteria',
      `Active goal \`${id}\` has no ${missing}: a goal needs specific success criteria and a timeframe.`,
      { kind: 'missing-key', key: lacksSuccess ? 'success' : 'due', placeholder: lacksSuccess ? 'How we will know this goal is met' : 'YYYY-MM-DD' },
    );
  }
  return goal;
}

function buildGoalFile(file: JournalFile, raw: Raw, ctx: ValidationContext): void {
  const data = validateFields(raw, FIELDS_BY_TYPE.goal, [], ctx);
  let id = data.id ?? caseFixedGoalId(raw.id);
  let idRange = ctx.locator.valueRange(['id']);
  const name = goalFileName(file.path);
  // `id:` written with no value (`id:`, `id: ~`, `id: ""`): said at the key, and the goal keeps the
  // id its file name gives, as without the line, rather than vanishing with no problem of its own.
  const empty = raw.id === null || (typeof raw.id === 'string' && raw.id.trim() === '');
  // (An empty text is already reported by the id's own schema.)
  if (raw.id === null && !ctx.quiet) {
    const fromName = GOAL_ID.test(name) ? name : undefined;
    ctx.reporter.report(ctx.locator.keyRange(['id']), 'schema/invalid-value', `\`id\` has no value: write the goal's id${fromName ? ` (\`${fromName}\`, as the file is named)` : ''}, or delete the line to take the id from the file name.`);
  }
  if (raw.id === undefined || empty) {
    idRange = ctx.locator.head;
    id = goalIdOfFileName(name);
    if (!GOAL_ID.test(name)) {
      // A name almost an id (`learn_go`, `Learn-Go`): the goal is still defined under the id to
      // write, so the sessions that name it as the file is named are not errors too. A name no
      // id can be made of (`登壇`) defines it under the name itself: the goal exists all the same
      // (the relationship is not "without goals"), and the sessions that name it so still find it.
      const fixed = caseFixedGoalId(name);
      if (!ctx.quiet) {
        ctx.reporter.report(ctx.locator.head, 'goal/id-from-file-name', `The file name \`${name}\` is not a valid goal id (lower-case kebab-case): rename the file${fixed ? ` to \`${fixed}.md\` (unless another goal file has that name)` : ''} or add \`id:\`.`, {
          kind: 'missing-key',
          key: 'id',
          placeholder: fixed ?? (slug(name) || 'goal-id'),
        });
      }
    }
  }
  const goal = toGoal(data, id, file.path, ctx.locator.head, idRange, 'file', ctx, []);
  const declared = typeof raw.id === 'string' && !empty ? raw.id : raw.id === undefined || empty ? name : undefined;
  if (goal && declared !== undefined && declared !== goal.id) goal.declaredId = declared;
  if (goal) file.goals.push(goal);
}

/**
 * What to write for the partners who have not signed, so that the advice followed is valid YAML
 * with no key twice: a `signed` map written as a block gets the missing keys under it (or a value
 * for a key written empty); one written as a flow map is written again whole; no `signed` at all
 * (or not a map) gets the whole key.
 */
function signedAdvice(locator: YamlLocator, written: unknown, signed: Partial<Record<'mentor' | 'mentee', string>>, unsigned: ReadonlyArray<'mentor' | 'mentee'>): string {
  const whole = (['mentor', 'mentee'] as const).map((who) => `${who}: ${signed[who] ?? 'YYYY-MM-DD'}`).join(', ');
  if (!locator.isMapAt(['signed'])) {
    return written === undefined ? `Add \`signed: {${whole}}\` with the days of signing.` : `Give \`signed\` the days of signing: \`signed: {${whole}}\`.`;
  }
  if (locator.isFlowMapAt(['signed'])) return `Write \`signed: {${whole}}\` with the days of signing.`;
  const parts = unsigned.map((who) => (locator.pair(['signed', who]) ? `write the day of signing after \`${who}:\` under \`signed:\` (\`${who}: YYYY-MM-DD\`)` : `add \`${who}: YYYY-MM-DD\` under \`signed:\` (the day of signing)`));
  const sentence = parts.join(', and ');
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}

/**
 * A goal id written in the front matter (`goals: [id]`, `progress: {id: 40}`). Its spans are made
 * when first asked for: most never are (only a reference to an unknown goal, a progress that went
 * down, or a hover needs one), and making them for every session of a journal was a tenth of
 * `check`'s work on small files, a third of it in garbage collection (docs/performance.md,
 * "Session 26"). As JSON, and to the reader, it is the plain GoalReference it stands for.
 */
class FrontMatterReference implements GoalReference {
  readonly id: string;
  readonly via: 'goals' | 'progress';
  readonly #lines: LineIndex;
  readonly #start: number;
  readonly #end: number;
  /** A progress entry's value: its offsets, or the span taken for it (its map's) when it has none of its own. */
  readonly #value: { start: number; end: number } | undefined;
  #range: Range | undefined;
  #valueRange: Range | undefined;

  constructor(id: string, via: 'goals' | 'progress', lines: LineIndex, start: number, end: number, value?: { start: number; end: number }, valueRange?: Range) {
    this.id = id;
    this.via = via;
    this.#lines = lines;
    this.#start = start;
    this.#end = end;
    this.#value = value;
    this.#range = undefined;
    this.#valueRange = valueRange;
  }

  get range(): Range {
    return (this.#range ??= this.#lines.range(this.#start, this.#end));
  }

  get valueRange(): Range | undefined {
    const value = this.#value;
    return value ? (this.#valueRange ??= this.#lines.range(value.start, value.end)) : this.#valueRange;
  }

  toJSON(): GoalReference {
    const { id, range, via, valueRange } = this;
    return valueRange ? { id, range, via, valueRange } : { id, range, via };
  }
}

/** Goal ids named in `goals:` (a list) and as keys of a map at `key`, with their spans (made when asked for). */
function frontMatterRefs(ctx: ValidationContext, key: string, via: 'goals' | 'progress'): GoalReference[] {
  const lines = ctx.locator.lines;
  const items = ctx.locator.textItemOffsetsOf([key]);
  if (items) return items.map(({ text, start, end }) => new FrontMatterReference(text, via, lines, start, end));
  // (No map there: none.) `<<` is a merge key, which merges nothing (keys/unknown says so), not a goal id.
  // A goal written twice in the map (yaml/duplicate-key) is one reference: the later, whose value is read.
  return ctx.locator.keyOffsetsOf([key], (id) => id !== '<<').map(({ key: id, start, end, value, fallback }) => new FrontMatterReference(id, via, lines, start, end, value, fallback));
}

/** What the cross-file rules may ask of a session or review without parsing its body. */
interface ReferenceHints {
  /** References written in the front matter (`goals:`, `progress:`), with their spans. */
  frontMatter: GoalReference[];
  /** Every id written `[[id]]` anywhere in the file: a superset of the body's references. */
  candidates: string[];
}

/** The hints of a session or review read from its file (`BodyReader`); none for one made otherwise. */
function hintsOf(item: Session | Review): ReferenceHints | undefined {
  return item instanceof BodyReader ? item.referenceHints() : undefined;
}

/** The references a session or review writes in its front matter, read without parsing its body. */
export function frontMatterReferences(item: Session | Review): GoalReference[] {
  return hintsOf(item)?.frontMatter ?? item.references;
}

/**
 * Whether a session or review may refer to a goal id that is not in `known`: false only when
 * every id in its front matter and every `[[id]]` in its text is known, and then its body
 * need not be parsed to know that it names no unknown goal.
 */
export function mayReferToUnknownGoal(item: Session | Review, known: { has(id: string): boolean }): boolean {
  const hint = hintsOf(item);
  if (!hint) return true;
  return hint.frontMatter.some((r) => !known.has(r.id)) || hint.candidates.some((id) => !known.has(id));
}

/**
 * The references of a session or review that may name a goal not in `known`, in the order of
 * `references`: only those of its front matter when every `[[id]]` in its text is known (the
 * body's references are among those ids, so none of them can be unknown, and the body need not
 * be parsed); else all of them.
 */
export function referencesThatMayBeUnknown(item: Session | Review, known: { has(id: string): boolean }): GoalReference[] {
  const hint = hintsOf(item);
  if (hint && hint.candidates.every((id) => known.has(id))) return hint.frontMatter;
  return item.references;
}

/**
 * The body facts of a file, read on first use: by a scan of its lines when it is written in
 * plain Markdown (bodySkeleton.ts), else parsed with remark. Parsing the body is most of the
 * cost of reading a session, and checking needs it only for `[[id]]`s that are not known
 * goals (docs/performance.md). The closure keeps the text, not the front matter's Document.
 */
function lazyBody(file: string, parsed: ParsedMarkdown): () => BodyFacts {
  const { text, lines, pieces } = parsed;
  let facts: BodyFacts | undefined;
  return () => (facts ??= readBody(file, bodySkeleton(text, lines) ?? parseBody(text, undefined, pieces), lines));
}

/**
 * What sessions and reviews read from their files share: the goal ids their front matter names,
 * read at once, and their body facts, parsed on first use. The facts are getters on the
 * prototype: most sessions are never asked, and an instance costs no more to make than a plain
 * object with the same fields (an object literal with getters cost a closure per getter and a
 * slow path in V8 for each of the 10,000 sessions of a journal).
 */
abstract class BodyReader {
  readonly #hints: ReferenceHints;
  readonly #body: () => BodyFacts;
  #references: GoalReference[] | undefined;

  constructor(hints: ReferenceHints, body: () => BodyFacts) {
    this.#hints = hints;
    this.#body = body;
    this.#references = undefined;
  }

  get references(): GoalReference[] {
    return (this.#references ??= [...this.#hints.frontMatter, ...this.#body().references]);
  }

  /** What its text says about goal ids, read without parsing the body. */
  referenceHints(): ReferenceHints {
    return this.#hints;
  }

  protected bodyFacts(): BodyFacts {
    return this.#body();
  }
}

/** A session as read from its file. */
class ReadSession extends BodyReader implements Session {
  date: string;
  attendees: string[];
  status: SessionStatusRead;
  progress: Record<string, number>;
  source: SourceRef;
  dateRange: Range;
  declare duration?: number;
  declare stage?: Stage;
  declare next?: string;
  declare pulse?: { mentor?: number; mentee?: number };
  declare statusRange?: Range;
  declare pulseRange?: Range;
  declare nextRange?: Range;
  #goals: string[] | undefined;

  constructor(fields: Pick<Session, 'date' | 'attendees' | 'status' | 'progress' | 'source' | 'dateRange'>, hints: ReferenceHints, body: () => BodyFacts) {
    super(hints, body);
    this.date = fields.date;
    this.attendees = fields.attendees;
    this.status = fields.status;
    this.progress = fields.progress;
    this.source = fields.source;
    this.dateRange = fields.dateRange;
    this.#goals = undefined;
  }

  get goals(): string[] {
    return (this.#goals ??= [...new Set(this.references.map((r) => r.id))]);
  }

  get sections(): Record<string, string> {
    return this.bodyFacts().sections;
  }

  get actions(): ActionItem[] {
    return this.bodyFacts().actions;
  }

  /** The session as the plain object it stands for, body facts included, in the order of `Session`'s keys. */
  toJSON(): Session {
    // The optional keys are own properties only when set; the rest of `this` is just those.
    const { date, attendees, status, progress, source, dateRange, ...optional } = this;
    const { goals, sections, actions, references } = this;
    return { date, attendees, status, goals, progress, sections, actions, references, source, dateRange, ...optional };
  }
}

/** A review as read from its file. */
class ReadReview extends BodyReader implements Review {
  date: string;
  goals: Review['goals'];
  source: SourceRef;
  declare stage?: Stage;

  constructor(fields: Pick<Review, 'date' | 'goals' | 'source'>, hints: ReferenceHints, body: () => BodyFacts) {
    super(hints, body);
    this.date = fields.date;
    this.goals = fields.goals;
    this.source = fields.source;
  }

  /** The review as the plain object it stands for, references included, in the order of `Review`'s keys. */
  toJSON(): Review {
    const { date, stage, goals, references, source } = this;
    return { date, ...(stage ? { stage } : {}), goals, references, source };
  }
}

/** The body of a session or review whose YAML is broken: nothing read from it counts. */
const UNREAD_BODY: () => BodyFacts = () => ({ sections: {}, actions: [], references: [], problems: [] });

function buildSession(file: JournalFile, raw: Raw, ctx: ValidationContext, parsed: ParsedMarkdown, duplicated = false): void {
  const data = validateFields(raw, FIELDS_BY_TYPE.session, [], ctx);
  // Broken YAML (`ctx.quiet`), or a key written twice: the session is there, with the date the parser guessed and its
  // status unknown, but nothing it says counts (docs/rules.md, yaml/syntax): no progress, goals,
  // actions, pulse or next date that the review, the actions or the rules would take as written.
  const broken = ctx.quiet === true || duplicated;
  const frontMatter = broken ? [] : frontMatterRefs(ctx, 'goals', 'goals').concat(frontMatterRefs(ctx, 'progress', 'progress'));
  const body = broken ? UNREAD_BODY : lazyBody(file.path, parsed);
  const session = new ReadSession(
    {
      date: data.date ?? '',
      attendees: broken ? [] : data.attendees ?? [],
      // A status written but not valid (`skipped`), or none readable from broken YAML, is unknown: such a session is not counted as held.
      status: data.status && !broken ? data.status : raw.status != null || broken ? 'unknown' : 'held',
      progress: broken ? {} : data.progress ?? {},
      source: { file: file.path, range: ctx.locator.head },
      dateRange: ctx.locator.valueRange(['date']),
    },
    { frontMatter, candidates: broken ? [] : goalIdCandidates(parsed.text) },
    body,
  );
  file.session = session;
  if (broken) return;
  if (typeof data.duration === 'number') session.duration = data.duration;
  if (data.stage) session.stage = data.stage;
  if (typeof data.next === 'string') {
    session.next = data.next;
    session.nextRange = ctx.locator.valueRange(['next']);
  }
  if (ctx.locator.pair(['status'])) session.statusRange = ctx.locator.valueRange(['status']);
  if (ctx.locator.pair(['pulse'])) session.pulseRange = ctx.locator.valueRange(['pulse']);
  if (data.pulse && (data.pulse.mentor !== undefined || data.pulse.mentee !== undefined)) session.pulse = { ...data.pulse };
  // The body is parsed here only when a due marker may be wrong: most bodies are not parsed to be checked.
  // The cheap tests look at the text from the front matter's closing line on: the body's problems are all there.
  const after = parsed.yaml ? parsed.text.slice(parsed.yaml.offset + parsed.yaml.source.length) : parsed.text;
  if (mayHaveDueProblems(after) || mayHideText(after)) for (const p of body().problems) ctx.reporter.report(p.range, p.code, p.message);
}

function buildReview(file: JournalFile, raw: Raw, ctx: ValidationContext, parsed: ParsedMarkdown, duplicated = false): void {
  const data = validateFields(raw, FIELDS_BY_TYPE.review, [], ctx);
  // As for a session: a review whose YAML is broken, or with a key written twice, says nothing that counts.
  const broken = ctx.quiet === true || duplicated;
  const review = new ReadReview(
    { date: data.date ?? '', goals: broken ? {} : data.goals ?? {}, source: { file: file.path, range: ctx.locator.head } },
    { frontMatter: broken ? [] : frontMatterRefs(ctx, 'goals', 'goals'), candidates: broken ? [] : goalIdCandidates(parsed.text) },
    broken ? UNREAD_BODY : lazyBody(file.path, parsed),
  );
  if (data.stage && !broken) review.stage = data.stage;
  file.review = review;
}
