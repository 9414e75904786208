/**
 * Which member a Users row stands for, from what the row shows (users-table.ts `readRow`) and the
 * org's data. Rules (issue 12):
 * - an email anywhere in the row decides; when the row shows several (a display name that is
 *   someone else's email, say), only a member whose name the row also shows can be the one;
 * - else a name the row shows that exactly one member of the org has (joined or pending);
 * - a name that looks like an email never decides as a name: it counts only as an email, exactly;
 * - else nobody: no badge, and the row is counted as unreadable. Never a guess.
 */
import { looksLikeEmail } from './emails';
import { normaliseName } from './names';
import type { RowReading } from './users-table';

export interface Person {
  id: string;
  email: string;
  name: string;
}

export interface PeopleIndex {
  byEmail: ReadonlyMap<string, Person>;
  /** Everyone with this name (compared by meaning); names that look like an email are left out. */
  named(name: string): readonly Person[];
}

/**
 * The org's people by email, and by name on first need: normalising every name of a large org is
 * work (a few ms per thousand) that rows showing an email never need.
 */
export function indexPeople(people: readonly Person[]): PeopleIndex {
  const byEmail = new Map<string, Person>();
  for (const person of people) byEmail.set(person.email.trim().toLowerCase(), person);
  let byName: Map<string, Person[]> | null = null;
  const buildByName = () => {
    const index = new Map<string, Person[]>();
    for (const person of people) {
      const name = normaliseName(person.name);
      if (!name || looksLikeEmail(person.name)) continue;
      const same = index.get(name);
      if (same) same.push(person);
      else index.set(name, [person]);
    }
    return index;
  };
  return { byEmail, named: (name) => (byName ??= buildByName()).get(normaliseName(name)) ?? [] };
}

export type RowIdentity =
  | { kind: 'member'; memberId: string; by: 'email' | 'name' }
  /** The row shows an email the data does not know (yet): a fresh invite, or data older than the page. */
  | { kind: 'unknown-email'; email: string }
  /** Several members fit: a name shared in the org, or emails of different people and no name to tell. */
  | { kind: 'ambiguous' }
  /** No email, and no name of a member. */
  | { kind: 'unreadable' };

export function identifyRow(reading: Pick<RowReading, 'emails' | 'texts' | 'names'>, people: PeopleIndex): RowIdentity {
  if (reading.emails.length > 0) return byEmail(reading, people);
  const found = new Set<Person>();
  for (const name of reading.names) {
    if (looksLikeEmail(name)) continue;
    const same = people.named(name);
    if (!same.length) continue;
    if (same.length > 1) return { kind: 'ambiguous' };
    found.add(same[0]!);
  }
  const [only, ...others] = found;
  if (!only) return { kind: 'unreadable' };
  return others.length ? { kind: 'ambiguous' } : { kind: 'member', memberId: only.id, by: 'name' };
}

function byEmail({ emails, texts }: Pick<RowReading, 'emails' | 'texts'>, people: PeopleIndex): RowIdentity {
  const known = emails.flatMap((email) => people.byEmail.get(email) ?? []);
  if (emails.length === 1) return known[0] ? { kind: 'member', memberId: known[0].id, by: 'email' } : { kind: 'unknown-email', email: emails[0]! };
  // Several emails: the person is the one whose name the row shows as well.
  const shown = new Set(texts.map(normaliseName));
  const named = known.filter((person) => shown.has(normaliseName(person.name)));
  if (named.length === 1) return { kind: 'member', memberId: named[0]!.id, by: 'email' };
  if (named.length === 0 && known.length < emails.length) {
    return { kind: 'unknown-email', email: emails.find((email) => !people.byEmail.has(email))! };
  }
  return { kind: 'ambiguous' };
}
