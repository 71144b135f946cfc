import { nameForms, personNames, sameName } from '../conventions';
import type { Person, Relationship } from '../types';
import { fileVersions, type GitAuthor, type GitCommit, type PathIndex } from './source';

/** Who first committed one held session's file. */
export interface SessionRecord {
  /** The session file, as it is named now. */
  file: string;
  /** The session's date. */
  date: string;
  /** The commit that added the file (following renames back). */
  commit: string;
  /** That commit's author date. */
  committed: string;
  author: GitAuthor;
  /** The agreement's person the author is, matched by email, then by name; absent when none matches. */
  partner?: { name: string; role: 'mentor' | 'mentee' };
}

/** How many held sessions' files each partner first committed. */
export interface RecordKeeping {
  /** Every partner of the agreement, with a count (0 included), mentors first. */
  partners: Array<{ name: string; role: 'mentor' | 'mentee'; sessions: number }>;
  /** Authors who are none of the agreement's people, with their counts. */
  others: Array<{ name: string; email: string; sessions: number }>;
  /** Held sessions whose file is not in the history yet (not committed). */
  uncommitted: number;
  /** One record per held session with a commit, oldest session first. */
  sessions: SessionRecord[];
}

/** An email compared as people read it: any case, and accents however they are encoded (`ë` as one code point or as `e` and a combining mark). */
const norm = (s: string) => s.normalize('NFC').trim().toLowerCase();

/**
 * The agreement's person a git author is: the same email (any case), else the same name as
 * names are compared (sameName: a git configured as `Ines Souza` is `Inês Souza`, `Juergen Gross`
 * is `Jürgen Groß`).
 */
export function matchPartner(rel: Relationship, author: GitAuthor): SessionRecord['partner'] {
  const people: Array<{ person: Person; role: 'mentor' | 'mentee' }> = [
    ...(rel.agreement?.mentors ?? []).map((person) => ({ person, role: 'mentor' as const })),
    ...(rel.agreement?.mentees ?? []).map((person) => ({ person, role: 'mentee' as const })),
  ];
  const byEmail = author.email ? people.find((p) => p.person.email !== undefined && norm(p.person.email) === norm(author.email)) : undefined;
  const name = author.name;
  // Else by the whole name; else by one of the names only that person has (a git configured with a given name alone, `花子`, `Juergen`).
  const persons = people.map((p) => p.person);
  const found = byEmail ?? (name ? (people.find((p) => sameName(p.person.name, name)) ?? people.find((p) => nameForms(name).some((form) => personNames(p.person, persons).includes(form)))) : undefined);
  return found ? { name: found.person.name, role: found.role } : undefined;
}

/** Who first committed each held session's file. */
export function recordKeeping(rel: Relationship, commits: readonly GitCommit[], byPath: PathIndex): RecordKeeping {
  const partners = [
    ...(rel.agreement?.mentors ?? []).map((p) => ({ name: p.name, role: 'mentor' as const, sessions: 0 })),
    ...(rel.agreement?.mentees ?? []).map((p) => ({ name: p.name, role: 'mentee' as const, sessions: 0 })),
  ];
  const others = new Map<string, { name: string; email: string; sessions: number }>();
  const sessions: SessionRecord[] = [];
  let uncommitted = 0;
  for (const s of rel.sessions) {
    if (s.status !== 'held') continue;
    // The oldest version the walk back reaches: the file's first addition, past renames, a
    // deletion reverted, and the later of two additions on two branches joined by a merge.
    const first = fileVersions(commits, s.source.file, byPath).at(-1);
    if (!first) {
      uncommitted++;
      continue;
    }
    const partner = matchPartner(rel, first.commit.author);
    sessions.push({ file: s.source.file, date: s.date, commit: first.commit.hash, committed: first.commit.date, author: { ...first.commit.author }, ...(partner ? { partner } : {}) });
    const counted = partner && partners.find((p) => p.name === partner.name && p.role === partner.role);
    if (counted) counted.sessions++;
    else {
      const id = `${first.commit.author.name}\u0000${norm(first.commit.author.email)}`;
      const other = others.get(id) ?? { name: first.commit.author.name, email: first.commit.author.email, sessions: 0 };
      other.sessions++;
      others.set(id, other);
    }
  }
  return { partners, others: [...others.values()], uncommitted, sessions };
}
