import { historyLines } from '../history';
import { plural } from '../words';
import type { Markup } from './markdown';
import type { RelationshipReport } from './types';

/**
 * The History part of the review (saved review and Review panel), from git: each goal whose
 * status, progress, due date or success changed, and who first committed the held sessions'
 * notes. Undefined when the report has no git history (no git, `--no-git`, a virtual workspace).
 */
export function historyItems(r: RelationshipReport, m: Markup): { heading: string; items: string[]; none: string } | undefined {
  if (!r.records) return undefined;
  const items: string[] = [];
  for (const g of r.goals) {
    const lines = historyLines(g.fieldHistory);
    if (lines.length) items.push(`${m.code(g.id)} (${m.text(g.title)}): ${lines.map(m.text).join('; ')}`);
  }
  const rec = r.records;
  if (rec.sessions.length) {
    const counts = [...rec.partners.map((p) => `${m.text(p.name)} ${p.sessions}`), ...rec.others.map((o) => `${m.text(o.name)} ${o.sessions} (not in the agreement)`)];
    items.push(`Notes of ${plural(rec.sessions.length, 'held session')} first committed by: ${counts.join(', ')}`);
  }
  if (rec.uncommitted) items.push(`${plural(rec.uncommitted, 'held session is', 'held sessions are')} not committed yet.`);
  return { heading: 'History (from git)', items, none: 'Git has no changes of goals or session notes to show.' };
}

/** The History part as Markdown lines; none without git history. */
export function historyMarkdown(r: RelationshipReport, m: Markup): string[] {
  const part = historyItems(r, m);
  if (!part) return [];
  return [`## ${part.heading}`, '', ...(part.items.length ? part.items.map((item) => `- ${item}`) : [part.none]), ''];
}
