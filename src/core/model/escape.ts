/**
 * Escaping for text that comes from journal files (names, titles, action items) on its way into
 * Markdown or SVG. Journal text is user input: a title may hold `<script>`, `|` or `[[id]]`.
 */

/**
 * Markdown inline text: backslash-escapes the characters that would start markup, raw HTML, a
 * link or a `[[goal]]` reference, and entity-like `&`; line breaks become spaces.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r?\n|\r/g, ' ')
    .replace(/[\\`*_[\]<>#~|]/g, (c) => `\\${c}`)
    .replace(/&(?=#?[a-zA-Z0-9]+;)/g, '\\&');
}

/** A Markdown table cell: inline-escaped (which covers `|`), with line breaks as spaces. */
export function escapeCell(text: string): string {
  return escapeMarkdown(text).trim() || ' ';
}

/** Inline code for ids and paths; falls back to escaped text when the value holds a backtick. */
export function code(text: string): string {
  return text.includes('`') || /[\r\n]/.test(text) ? escapeMarkdown(text) : `\`${text}\``;
}

/** Text or attribute content in XML/SVG. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
