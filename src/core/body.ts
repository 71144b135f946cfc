import type { ListItem, Nodes, Root, Text } from 'mdast';
import type { LineIndex } from './text';
import type { ActionItem, GoalReference } from './types';

/** What the body of a session (or review) says, read from the Markdown tree. */
export interface BodyFacts {
  /** Section text by lower-cased heading. */
  sections: Record<string, string>;
  actions: ActionItem[];
  references: GoalReference[];
}

const GOAL_REF = /\[\[([^\][\n]+)\]\]/g;
const TASK = /^\[([ xX])\]\s+/;
const OWNER = /^@([\w.-]+)\s*/;
const DUE = /\(due\s+(\d{4}-\d{2}-\d{2})\)/i;

/**
 * Every id written `[[id]]` anywhere in a text, code blocks included: a superset of the ids
 * `readBody` finds. Each reference it finds is a match of the same pattern in a slice of the
 * same text, and matches cannot overlap, since an id holds no bracket. Lets the cross-file
 * rules skip parsing a body whose every `[[id]]` is a known goal.
 */
export function goalIdCandidates(text: string): string[] {
  if (!text.includes('[[')) return [];
  const ids = new Set<string>();
  for (const m of text.matchAll(GOAL_REF)) ids.add((m[1] ?? '').trim());
  return [...ids];
}

/** Walks the body tree: headings start sections, task-list items become action items, `[[id]]` become goal references. */
export function readBody(file: string, root: Root, lines: LineIndex): BodyFacts {
  const sections: Record<string, string> = {};
  const actions: ActionItem[] = [];
  const references: GoalReference[] = [];
  let current: string | undefined;
  // A section's text is the source from its first block to its last, as written.
  let run: { start: number; end: number } | undefined;
  const flush = () => {
    if (current === undefined || !run) return;
    const chunk = lines.text.slice(run.start, run.end);
    const before = sections[current];
    setOwn(sections, current, before ? `${before}\n\n${chunk}` : chunk);
    run = undefined;
  };

  for (const node of root.children) {
    if (node.type === 'yaml' || (node.type as string) === 'toml') continue;
    if (node.type === 'heading') {
      flush();
      current = plainText(node).trim().toLowerCase();
      if (!Object.hasOwn(sections, current)) setOwn(sections, current, '');
    } else if (current !== undefined) {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start !== undefined && end !== undefined) run = { start: run?.start ?? start, end };
    }
    collect(node, (n) => {
      if (n.type === 'text') references.push(...goalRefsIn(n, lines));
      if (n.type === 'listItem') {
        const action = readTask(file, n, lines);
        if (action) actions.push(action);
      }
    });
  }
  flush();
  return { sections, actions, references };
}

/** Sets an own property, even one named `__proto__` or `constructor`: headings are user text. */
function setOwn(target: Record<string, string>, key: string, value: string): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

function collect(node: Nodes, visit: (n: Nodes) => void): void {
  visit(node);
  if ('children' in node) for (const child of node.children) collect(child as Nodes, visit);
}

function plainText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if ('children' in node) return node.children.map((c) => plainText(c as Nodes)).join('');
  return '';
}

/** `[[id]]` in a text node, with spans taken from the source so that escapes cannot shift them. */
function goalRefsIn(node: Text, lines: LineIndex): GoalReference[] {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined || !node.value.includes('[[')) return [];
  const source = lines.text.slice(start, end);
  const out: GoalReference[] = [];
  for (const m of source.matchAll(GOAL_REF)) {
    const id = (m[1] ?? '').trim();
    const at = start + (m.index ?? 0);
    out.push({ id, range: lines.range(at + 2, at + 2 + (m[1]?.length ?? 0)), via: 'body' });
  }
  return out;
}

/** A list item whose paragraph starts with `[ ]` or `[x]`: `- [ ] @owner text (due YYYY-MM-DD) [[goal]]`. */
function readTask(file: string, item: ListItem, lines: LineIndex): ActionItem | undefined {
  const paragraph = item.children[0];
  if (paragraph?.type !== 'paragraph') return undefined;
  const start = paragraph.position?.start.offset;
  const end = paragraph.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  const raw = lines.text.slice(start, end);
  const task = TASK.exec(raw);
  if (!task) return undefined;
  let rest = raw.slice(task[0].length);
  const owner = OWNER.exec(rest);
  if (owner) rest = rest.slice(owner[0].length);
  const due = DUE.exec(rest)?.[1];
  const goalRefs = [...rest.matchAll(GOAL_REF)].map((m) => (m[1] ?? '').trim());
  const text = rest.replace(DUE, '').replace(/\s+/g, ' ').trim();
  const itemStart = item.position?.start.offset ?? start;
  return {
    text,
    done: task[1] !== ' ',
    ...(owner?.[1] ? { owner: owner[1] } : {}),
    ...(due ? { due } : {}),
    goalRefs,
    source: { file, range: lines.range(itemStart, end) },
  };
}
