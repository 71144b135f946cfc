import * as vscode from 'vscode';
import type { Feature } from './feature';
import { JOURNAL_SELECTOR } from './hover';
import type { JournalService } from './journalService';

/** The product's snippets (contributed for Markdown in package.json) and the prefix they share. */
const SNIPPET_FILE = ['snippets', 'mentoring.code-snippets'];
const PREFIX = 'mj-';
/** What marks the suggestions this provider adds (the contributed ones say nothing of the kind). */
export const SNIPPET_DETAIL = 'Mentoring Journal snippet';

interface SnippetEntry {
  name: string;
  prefix: string;
  body: string;
  description: string;
}

/**
 * The `mj-` snippets as you type, in journal files. Markdown's `editor.quickSuggestions` is off by
 * default, so the contributed snippets show only on Ctrl+Space. Rather than change that setting
 * for all Markdown, this provider answers the `-` of `mj-` (a trigger character, which
 * `editor.suggestOnTriggerCharacters` honours) with the same snippets. It stays quiet on
 * Ctrl+Space, and where quick suggestions already list them, so that nothing shows twice.
 */
export class SnippetsWhileTyping implements vscode.CompletionItemProvider {
  private entries: Promise<SnippetEntry[]> | undefined;

  constructor(
    private readonly service: JournalService,
    private readonly extensionUri: vscode.Uri,
  ) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position, _token: vscode.CancellationToken, context: vscode.CompletionContext): Promise<vscode.CompletionItem[] | undefined> {
    if (context.triggerKind !== vscode.CompletionTriggerKind.TriggerCharacter || !this.service.locate(document.uri)) return undefined;
    const before = document.lineAt(position.line).text.slice(0, position.character);
    const typed = /(?:^|[^\w-])(mj-[\w-]*)$/.exec(before)?.[1];
    if (!typed || quickSuggestionsList(document)) return undefined;
    const range = new vscode.Range(position.translate(0, -typed.length), position);
    return (await this.load()).map((entry) => {
      const item = new vscode.CompletionItem({ label: entry.prefix, description: entry.name }, vscode.CompletionItemKind.Snippet);
      item.insertText = new vscode.SnippetString(entry.body);
      item.detail = SNIPPET_DETAIL;
      item.documentation = entry.description;
      item.filterText = entry.prefix;
      item.sortText = entry.prefix;
      item.range = range;
      return item;
    });
  }

  /** Read once, when first needed (activation reads nothing). */
  private load(): Promise<SnippetEntry[]> {
    this.entries ??= Promise.resolve(vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.extensionUri, ...SNIPPET_FILE))).then(
      (bytes) => {
        const parsed = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, { prefix: string | string[]; body: string | string[]; description?: string }>;
        return Object.entries(parsed).flatMap(([name, s]) =>
          (Array.isArray(s.prefix) ? s.prefix : [s.prefix])
            .filter((prefix) => prefix.startsWith(PREFIX))
            .map((prefix) => ({ name, prefix, body: Array.isArray(s.body) ? s.body.join('\n') : s.body, description: s.description ?? '' })),
        );
      },
      () => [],
    );
    return this.entries;
  }
}

/** Whether the editor lists suggestions as you type plain text in this document anyway (`editor.quickSuggestions` for "other"). */
function quickSuggestionsList(document: vscode.TextDocument): boolean {
  const value = vscode.workspace.getConfiguration('editor', document).get<unknown>('quickSuggestions');
  if (typeof value === 'boolean') return value;
  const other = (value as { other?: unknown } | undefined)?.other;
  return other === true || other === 'on';
}

export const registerSnippetsWhileTyping: Feature = ({ service, extension }) =>
  vscode.languages.registerCompletionItemProvider(JOURNAL_SELECTOR, new SnippetsWhileTyping(service, extension.extensionUri), '-');
