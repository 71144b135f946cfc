import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';

/**
 * The Markdown parsers of journal bodies (remark), apart from the rest of the engine: the Node
 * extension host loads them from a file of their own (dist/markdown.js, scripts/build.mjs) the
 * first time a body is parsed, so that the code loaded before `activate` leaves them out.
 */

/**
 * Leaves out Markdown constructs the journal never reads (emphasis, links, images, link
 * definitions): body facts come from headings, list items, text and code. These constructs
 * also have superlinear worst cases in micromark (`*` or `[[x]]` repeated thousands of
 * times took seconds), and the engine runs on every keystroke.
 */
function remarkJournalSubset(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push({ disable: { null: ['attention', 'labelStartImage', 'labelStartLink', 'labelEnd', 'definition'] } });
}

/**
 * `whole` for a whole text, or the first piece of one: front matter (`---` or `+++`) is recognised;
 * `piece` for the pieces of a body after the first: a `---` there is a thematic break, never front matter.
 */
export function createMarkdownParsers() {
  return {
    whole: unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkJournalSubset),
    piece: unified().use(remarkParse).use(remarkJournalSubset),
  };
}

export type MarkdownParsers = ReturnType<typeof createMarkdownParsers>;
