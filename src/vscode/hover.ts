import * as vscode from 'vscode';
import { FIELDS_BY_TYPE, INLINE_GOAL_FIELDS, parseJournalFile, type FieldSpec, type FieldSpecs, type JournalFile, type Relationship } from '../core';
import { historyLines, type RelationshipHistory } from '../core/history';
import { analyzeRelationship, type GoalReport } from '../core/model';
import { escapeMarkdown } from '../core/model/escape';
import { rangeContains, toVsRange } from './convert';
import { within } from './events';
import type { Feature } from './feature';
import type { GitHistoryApi } from './gitHistory';
import type { JournalRoot, JournalService } from './journalService';

/** What the language features know about an open journal document: its text as parsed now, and its relationship. */
export interface DocumentFacts {
  root: JournalRoot;
  path: string;
  file: JournalFile;
  relationship?: Relationship;
  /** Lines of the front matter: [first key line, closing line) (0-based), when there is one. */
  frontMatter?: { start: number; end: number };
}

export const JOURNAL_SELECTOR: vscode.DocumentSelector = [{ language: 'markdown' }, { pattern: '**/*.md' }];

/** The document's journal facts, from its current text (unsaved edits included), or undefined outside journal roots. */
export function documentFacts(service: JournalService, document: vscode.TextDocument): DocumentFacts | undefined {
  const located = service.locate(document.uri);
  if (!located) return undefined;
  const { root, path } = located;
  const file = parseJournalFile(path, document.getText(), root.options, root.index.pieces);
  const id = root.index.relationshipIdOf(path);
  const relationship = id !== undefined ? root.index.relationship(id) : undefined;
  let frontMatter: DocumentFacts['frontMatter'];
  if (/^---\s*$/.test(document.lineAt(0).text)) {
    let end = 1;
    while (end < document.lineCount && !/^(---|\.\.\.)\s*$/.test(document.lineAt(end).text)) end++;
    frontMatter = { start: 1, end };
  }
  return { root, path, file, ...(relationship ? { relationship } : {}), ...(frontMatter ? { frontMatter } : {}) };
}

export function inFrontMatter(facts: DocumentFacts, line: number): boolean {
  return !!facts.frontMatter && line >= facts.frontMatter.start && line < facts.frontMatter.end;
}

/** The top-level key a front-matter line belongs to: the nearest key at indentation 0 on this line or above. */
export function enclosingKey(document: vscode.TextDocument, facts: DocumentFacts, line: number): string | undefined {
  for (let l = line; l >= (facts.frontMatter?.start ?? 1); l--) {
    const m = /^([A-Za-z_][\w-]*)\s*:/.exec(document.lineAt(l).text);
    if (m) return m[1];
  }
  return undefined;
}

/** The field specs that apply on a front-matter line: the file type's, or an inline goal's inside an agreement's `goals:` list. */
export function specsAt(document: vscode.TextDocument, facts: DocumentFacts, line: number): FieldSpecs | undefined {
  const type = facts.file.type;
  if (!type) return undefined;
  const indented = /^\s/.test(document.lineAt(line).text) || /^-\s/.test(document.lineAt(line).text);
  if (!indented) return FIELDS_BY_TYPE[type];
  if (type === 'agreement' && enclosingKey(document, facts, line) === 'goals') return INLINE_GOAL_FIELDS;
  return undefined;
}

/** The goal reports of a relationship as of the service's today, for hover and completion details. */
export function goalReports(service: JournalService, root: JournalRoot, relationship: Relationship, history?: RelationshipHistory): GoalReport[] {
  return analyzeRelationship(relationship, service.today(), root.options, history).goals;
}

/**
 * Where a goal is defined, to open it at its line: its goal file's front matter or its item in the
 * agreement's `goals:` list, as a file URI with a `#L<line>` fragment (what Markdown links in hovers
 * open at that line without a trusted command).
 */
export function goalSourceUri(root: JournalRoot, goal: { source: { file: string; range: { start: { line: number } } } }): vscode.Uri {
  return root.fs.uri(goal.source.file).with({ fragment: `L${goal.source.range.start.line}` });
}

/** The goal id under the cursor, with its span: in `goals:`, under `progress:`, or in `[[...]]` in a body. */
export function goalIdAt(document: vscode.TextDocument, position: vscode.Position, facts: DocumentFacts): { id: string; range: vscode.Range } | undefined {
  const references = facts.file.session?.references ?? facts.file.review?.references ?? [];
  const ref = references.find((r) => rangeContains(r.range, position));
  if (ref) return { id: ref.id, range: toVsRange(ref.range) };
  // `[[id]]` in any journal file's body.
  const line = document.lineAt(position.line).text;
  for (const m of line.matchAll(/\[\[([^\][\n]+)\]\]/g)) {
    const start = (m.index ?? 0) + 2;
    if (position.character >= start && position.character <= start + (m[1]?.length ?? 0)) {
      return { id: m[1]!.trim(), range: new vscode.Range(position.line, start, position.line, start + m[1]!.length) };
    }
  }
  return undefined;
}

/** A goal as Markdown: title and id, status, progress, due date and success criteria. Journal text is escaped (and HTML is never rendered). With `root`, "Defined in" links to the definition. */
export function goalMarkdown(goal: GoalReport, root?: JournalRoot): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown(`**${escapeMarkdown(goal.title)}** \`${goal.id}\`\n\n`);
  const facts = [`Status: **${goal.status}**`, `Progress: ${goal.progress !== undefined ? `${goal.progress}%` : 'none recorded'}`];
  if (goal.due) facts.push(`Due: ${goal.due}`);
  facts.push(`Owner: ${goal.owner}`);
  md.appendMarkdown(`${facts.join(' · ')}\n\n`);
  md.appendMarkdown(`Success criteria: ${goal.success ? escapeMarkdown(goal.success) : '*none written yet*'}\n\n`);
  // From git, when the history has been read: "due moved twice: 2026-06-30 → 2026-08-31 → 2026-10-31".
  const history = historyLines(goal.fieldHistory);
  if (history.length) md.appendMarkdown(`History: ${history.map(escapeMarkdown).join('; ')}\n\n`);
  if (root) {
    // A file link, not a command: it works without `isTrusted`, and parentheses cannot end it early.
    const target = goalSourceUri(root, goal).toString().replace(/\(/g, '%28').replace(/\)/g, '%29');
    md.appendMarkdown(`Defined in [${escapeMarkdown(goal.source.file)}](${target} "Open the goal's definition")`);
  } else {
    md.appendMarkdown(`Defined in ${escapeMarkdown(goal.source.file)}`);
  }
  return md;
}

/** The description of a front-matter key as Markdown. */
export function keyMarkdown(key: string, spec: FieldSpec): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  // The descriptions are the extension's own words, with `code` spans meant as such.
  md.appendMarkdown(`**${key}**${spec.required ? ' (required)' : ''}\n\n${spec.description}\n\nExpects: ${spec.expects}`);
  return md;
}


/** Hover on a goal id (in `goals:`, `progress:` or `[[...]]`): the goal; on a front-matter key: what it means. */
export class JournalHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly service: JournalService,
    private readonly history?: GitHistoryApi,
  ) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const facts = documentFacts(this.service, document);
    if (!facts) return undefined;
    return (await this.goalHover(document, position, facts)) ?? this.keyHover(document, position, facts);
  }

  private async goalHover(document: vscode.TextDocument, position: vscode.Position, facts: DocumentFacts): Promise<vscode.Hover | undefined> {
    const relationship = facts.relationship;
    if (!relationship) return undefined;
    const at = goalIdAt(document, position, facts);
    if (!at) return undefined;
    // The git history, when there is one: read in the background, waited for briefly (the hover shows without it otherwise).
    const history = this.history ? await within(this.history.load(facts.root, relationship), HISTORY_WAIT_MS) : undefined;
    const goal = goalReports(this.service, facts.root, relationship, history).find((g) => g.id === at.id);
    if (!goal) return undefined;
    return new vscode.Hover(goalMarkdown(goal, facts.root), at.range);
  }

  private keyHover(document: vscode.TextDocument, position: vscode.Position, facts: DocumentFacts): vscode.Hover | undefined {
    if (!inFrontMatter(facts, position.line)) return undefined;
    const text = document.lineAt(position.line).text;
    const m = /^(\s*(?:-\s+)?)([A-Za-z_][\w-]*)(\s*):/.exec(text);
    if (!m) return undefined;
    const start = m[1]!.length;
    const end = start + m[2]!.length;
    if (position.character < start || position.character > end) return undefined;
    const spec = specsAt(document, facts, position.line)?.[m[2]!];
    if (!spec) return undefined;
    return new vscode.Hover(keyMarkdown(m[2]!, spec), new vscode.Range(position.line, start, position.line, end));
  }
}

/** How long a hover waits for the git history of its relationship before showing without it. */
const HISTORY_WAIT_MS = 1500;

export const registerHover: Feature = ({ service, api }) => vscode.languages.registerHoverProvider(JOURNAL_SELECTOR, new JournalHoverProvider(service, api.gitHistory));
