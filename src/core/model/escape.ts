/**
 * Escaping for text that comes from journal files (names, titles, action items) on its way into
 * Markdown or SVG. Journal text is user input: a title may hold `<script>`, `|` or `[[id]]`.
 */

/**
 * Markdown inline text: backslash-escapes the characters that would start markup, raw HTML, a
 * link or a `[[goal]]` reference, and entity-like `&`; line breaks become spaces.
 */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/\r?\n|\r/g, ' ')
      .replace(/[\\`*_[\]<>#~|]/g, (c) => `\\${c}`)
      // `[[id]]` stays escaped too (`\[\[id\]\]`, shown as `[[id]]`): journal text copied into a saved
      // review (a title, an action item) must not make a goal reference there.
      .replace(/&(?=#?[a-zA-Z0-9]+;)/g, '\\&')
  );
}

/**
 * The tool's own sentence that names ids in code spans (`` `write-rfc` ``, `` `owner: mentor` ``) around journal text:
 * the code spans stay code, everything else is escaped as journal text.
 */
export function escapeMessage(text: string): string {
  const out: string[] = [];
  let last = 0;
  // An id or a path (`write-rfc`, `goals/rfc`), or a key and a word (`owner: mentor`).
  for (const m of text.matchAll(/`([a-z0-9]+(?:[-/ ][a-z0-9]+)*(?:: [a-z0-9]+(?:-[a-z0-9]+)*)?)`/g)) {
    out.push(escapeMarkdown(text.slice(last, m.index)), m[0]);
    last = m.index + m[0].length;
  }
  out.push(escapeMarkdown(text.slice(last)));
  return out.join('');
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
