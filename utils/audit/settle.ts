/**
 * The outcome of a confirmed removal, from a read of the org. Where the removal was confirmed the
 * guard checks it when the dialog closes; but the page may be left, or the guard switched off, right
 * after the confirm, or the read afterwards may fail. Such an entry stays "not known yet" (never a
 * guess), and any later fresh read of the same org settles it, in this tab or another.
 *
 * Why not finish before the page goes: a content script cannot outlive its page (there is no
 * sendBeacon for extensions, and `pagehide` leaves no time for a read), and the background cannot
 * read the console (it refuses a service worker's requests, see console-client.ts). So the next
 * read is the robust place; a guard that is switched off while its page stays still checks at once.
 */
import { outcomeFrom, type AuditEntry, type AuditOutcome, type AuditPerson } from './entry';

/**
 * The console sends the removal the moment the confirm is let through, and answers in seconds: a
 * read begun this long after the confirm that still finds the person means it did not happen (the
 * page was left before the request went, or the console refused it). Earlier, only "gone" is sure.
 */
export const SETTLE_AFTER_MS = 60_000;

export interface Membership {
  ids: ReadonlySet<string>;
  /** Lower-cased. */
  emails: ReadonlySet<string>;
}

export function membershipOf(members: readonly { id: string; email: string }[]): Membership {
  return { ids: new Set(members.map((member) => member.id)), emails: new Set(members.map((member) => member.email.toLowerCase())) };
}

/** By member id when the guard knew it, else by email; someone with neither cannot be shown gone. */
export const stillThereIn =
  (membership: Membership) =>
  (person: AuditPerson): boolean =>
    person.memberId ? membership.ids.has(person.memberId) : person.email ? membership.emails.has(person.email.toLowerCase()) : true;

/** The outcome the dialog's closing proves: the console has acted (or the admin cancelled). */
export function outcomeAfterClose(entry: Pick<AuditEntry, 'people'>, membership: Membership, checkedAt: number): AuditOutcome {
  return outcomeFrom(entry.people, stillThereIn(membership), checkedAt);
}

/**
 * What a read begun at `readStartedAt` proves about a removal confirmed at `entry.at`, or null when
 * it proves nothing yet: a read begun before the confirm may predate the removal, and someone still
 * there soon after it may be gone a moment later (SETTLE_AFTER_MS). Gone is gone.
 */
export function settledOutcome(entry: Pick<AuditEntry, 'at' | 'people'>, membership: Membership, readStartedAt: number): AuditOutcome | null {
  if (readStartedAt <= entry.at) return null;
  const outcome = outcomeFrom(entry.people, stillThereIn(membership), readStartedAt);
  return outcome.status === 'gone' || readStartedAt - entry.at >= SETTLE_AFTER_MS ? outcome : null;
}

/** Still pending because the org could not be read afterwards: said, and checked again later. */
export function notKnownYet(reason: string): AuditOutcome {
  return { status: 'pending', checkedAt: null, detail: `Not known yet: the org could not be read afterwards (${reason}). Admin Lens checks again the next time it reads this org.` };
}
