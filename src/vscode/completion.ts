import * as vscode from 'vscode';
import { FIELDS_BY_TYPE, type FieldSpecs } from '../core';
import type { GoalReport } from '../core/model';
import type { Feature } from './feature';
import type { JournalService } from './journalService';
import { documentFacts, enclosingKey, goalMarkdown, goalReports, inFrontMatter, JOURNAL_SELECTOR, keyMarkdown, specsAt, type DocumentFacts } from './hover';

const ID_CHARS = /[A-Za-z0-9_-]+/;

/**
 * Completion in journal files. In the front matter: the keys of the file's type that are not
 * written yet (with their descriptions), the allowed values of enum keys, today for date keys,
 * and goal ids in `goals:` lists, under `progress:` and in a review's `goals:` map. In the body:
 * goal ids inside `[[...]]`.
 */
export class JournalCompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly service: JournalService) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] | undefined {
    const facts = documentFacts(this.service, document);
    if (!facts) return undefined;
    const before = document.lineAt(position.line).text.slice(0, position.character);
    const replace = this.replaceRange(document, position);
    if (!inFrontMatter(facts, position.line)) {
      const ref = /\[\[([^\][]*)$/.exec(before);
      if (!ref) return undefined;
      const after = document.lineAt(position.line).text.slice(position.character);
      return this.goalItems(facts, replace, [], after.startsWith(']]') ? '' : ']]');
    }
    const type = facts.file.type;
    if (!type) {
      if (/^[\w-]*$/.test(before)) return [this.keyItem('type', FIELDS_BY_TYPE.goal.type!, replace)];
      return undefined;
    }
    const top = enclosingKey(document, facts, position.line);
    const indented = /^\s/.test(before) || /^-\s/.test(before);

    // `goals: [a, b|` in a session or review.
    const flow = /^goals:\s*\[([^\]]*)$/.exec(before);
    if (flow && type !== 'agreement') return this.goalItems(facts, replace, this.listed(flow[1]!));

    const keyOnly = /^(\s*)(-\s+)?([\w-]*)$/.exec(before);
    if (keyOnly) {
      if (!indented) return this.keyItems(FIELDS_BY_TYPE[type], this.presentKeys(document, facts, 0), replace);
      if (type === 'agreement' && top === 'goals') return this.keyItems(specsAt(document, facts, position.line) ?? {}, this.itemKeys(document, facts, position.line), replace);
      if (top === 'progress' && type === 'session' && !keyOnly[2]) return this.goalItems(facts, replace, this.nestedKeys(document, facts, position.line), ': ');
      if (top === 'goals' && type === 'review' && !keyOnly[2]) return this.goalItems(facts, replace, this.nestedKeys(document, facts, position.line), ':');
      if (top === 'goals' && keyOnly[2]) return this.goalItems(facts, replace, this.nestedKeys(document, facts, position.line));
      return undefined;
    }

    const value = /^(\s*)(-\s+)?([\w-]+):\s*([^\s#]*)$/.exec(before);
    if (value) {
      const spec = specsAt(document, facts, position.line)?.[value[3]!];
      if (!spec) return undefined;
      if (spec.values) return spec.values.map((v, i) => this.valueItem(v, `${value[3]}: ${spec.expects}`, replace, i));
      if (spec.placeholder === 'YYYY-MM-DD') return [this.valueItem(this.service.today(), 'today', replace, 0)];
    }
    return undefined;
  }

  private replaceRange(document: vscode.TextDocument, position: vscode.Position): vscode.Range {
    const word = document.getWordRangeAtPosition(position, ID_CHARS);
    return word ? new vscode.Range(word.start, position) : new vscode.Range(position, position);
  }

  private keyItem(key: string, spec: FieldSpecs[string], range: vscode.Range): vscode.CompletionItem {
    const item = new vscode.CompletionItem(key, vscode.CompletionItemKind.Property);
    item.detail = spec.expects;
    item.documentation = keyMarkdown(key, spec);
    item.insertText = `${key}: `;
    item.range = range;
    if (spec.required) item.sortText = `0${key}`;
    if (spec.values) item.command = { command: 'editor.action.triggerSuggest', title: 'Suggest values' };
    return item;
  }

  private keyItems(specs: FieldSpecs, present: Set<string>, range: vscode.Range): vscode.CompletionItem[] {
    return Object.entries(specs)
      .filter(([key]) => !present.has(key))
      .map(([key, spec]) => this.keyItem(key, spec, range));
  }

  private valueItem(value: string, detail: string, range: vscode.Range, index: number): vscode.CompletionItem {
    const item = new vscode.CompletionItem(value, vscode.CompletionItemKind.EnumMember);
    item.detail = detail;
    item.range = range;
    item.sortText = String(index).padStart(3, '0');
    return item;
  }

  private goalItems(facts: DocumentFacts, range: vscode.Range, exclude: readonly string[], suffix = ''): vscode.CompletionItem[] | undefined {
    if (!facts.relationship) return undefined;
    const goals: GoalReport[] = goalReports(this.service, facts.root, facts.relationship);
    return goals
      .filter((g) => !exclude.includes(g.id))
      .map((g, i) => {
        const item = new vscode.CompletionItem({ label: g.id, description: g.title }, vscode.CompletionItemKind.Reference);
        item.detail = `${g.status}${g.progress !== undefined ? ` · ${g.progress}%` : ''}`;
        item.documentation = goalMarkdown(g);
        item.insertText = `${g.id}${suffix}`;
        item.filterText = g.id;
        item.range = range;
        // Active goals first, then proposed and paused, achieved and dropped last.
        item.sortText = `${['active', 'proposed', 'paused', 'achieved', 'dropped'].indexOf(g.status)}${String(i).padStart(3, '0')}`;
        return item;
      });
  }

  private listed(inside: string): string[] {
    return inside.split(',').map((s) => s.trim().replace(/^["']|["']$/g, '')).filter(Boolean);
  }

  /** Keys written at `indent` in the front matter (top-level keys for 0). */
  private presentKeys(document: vscode.TextDocument, facts: DocumentFacts, indent: number): Set<string> {
    const out = new Set<string>();
    for (let l = facts.frontMatter!.start; l < facts.frontMatter!.end; l++) {
      const m = /^(\s*)([A-Za-z_][\w-]*)\s*:/.exec(document.lineAt(l).text);
      if (m && m[1]!.length === indent) out.add(m[2]!);
    }
    return out;
  }

  /** Keys and list items already written under the top-level key of `line`. */
  private nestedKeys(document: vscode.TextDocument, facts: DocumentFacts, line: number): string[] {
    const out: string[] = [];
    let start = line;
    while (start > facts.frontMatter!.start && !/^[A-Za-z_]/.test(document.lineAt(start).text)) start--;
    for (let l = start + 1; l < facts.frontMatter!.end && (l === start + 1 || !/^[A-Za-z_]/.test(document.lineAt(l).text)); l++) {
      if (l === line) continue;
      const m = /^\s*(?:-\s+)?["']?([\w-]+)["']?\s*(:|$)/.exec(document.lineAt(l).text);
      if (m) out.push(m[1]!);
    }
    return out;
  }

  /** Keys already written in the agreement's `goals:` item that holds `line`. */
  private itemKeys(document: vscode.TextDocument, facts: DocumentFacts, line: number): Set<string> {
    const out = new Set<string>();
    let start = line;
    while (start > facts.frontMatter!.start && !/^\s*-\s/.test(document.lineAt(start).text)) start--;
    for (let l = start; l < facts.frontMatter!.end; l++) {
      const text = document.lineAt(l).text;
      if (l > start && (/^\s*-\s/.test(text) || /^[A-Za-z_]/.test(text))) break;
      const m = /^\s*(?:-\s+)?([\w-]+)\s*:/.exec(text);
      if (m && l !== line) out.add(m[1]!);
    }
    return out;
  }
}

export const registerCompletion: Feature = ({ service }) =>
  vscode.languages.registerCompletionItemProvider(JOURNAL_SELECTOR, new JournalCompletionProvider(service), '[', ':', ' ');
