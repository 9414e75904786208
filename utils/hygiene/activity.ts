/**
 * When someone was last active, and how we know. Amplitude documents no "last login" for members,
 * so the report uses the best source there is and always says which:
 *
 * 1. `last-active`: the console's own data carries a last-active date ([guess], read with the
 *    people's roles: piece `projectRoles`). When that piece was read and a joined person has none,
 *    the data says they never signed in (`never`).
 * 2. `content-change`: otherwise the latest `lastModifiedAt` of the content they own ([code],
 *    GlobalSearch by owner). It proves they were active then; it never proves they were not since.
 * 3. `unknown`: neither could be read, or they own nothing with a date.
 * A pending invitee has not joined: their date is the invite's (`invited`).
 *
 * Pure: data in, a labelled date out.
 */
import type { Member, OrgSnapshot } from '../access/model';

/** What a content read gave for one person (utils/amplitude/content-counts.ts), or why it failed. */
export type ContentRead =
  | { ok: true; counts: { charts: number; dashboards: number; cohorts: number; notebooks: number }; lastChangedAt: string | null; changeComplete: boolean }
  | { ok: false; reason: string };

export type Activity =
  /** The console's own last-active date. */
  | { source: 'last-active'; at: string }
  /** The console's data says this joined person has never been active. */
  | { source: 'never' }
  /** The latest change to content they own: proves activity then, not inactivity since. `atLeast`: a lower bound (not every item was read). */
  | { source: 'content-change'; at: string; atLeast: boolean }
  /** A pending invite, not accepted: never active here; dated by the invite. */
  | { source: 'invited'; at: string }
  /** No source could tell. */
  | { source: 'unknown' };

export const DAY_MS = 24 * 60 * 60 * 1000;

/** Whether the console's data carries last-active dates on this read (the piece they come with was read). */
export function lastActiveReadable(snapshot: Pick<OrgSnapshot, 'pieces'>): boolean {
  return snapshot.pieces.projectRoles.read;
}

export function activityOf(member: Pick<Member, 'status' | 'lastActiveAt' | 'invitedAt'>, dataCarriesLastActive: boolean, content: ContentRead | undefined): Activity {
  if (member.status === 'pending') return { source: 'invited', at: member.invitedAt };
  if (dataCarriesLastActive) {
    if (member.lastActiveAt) return { source: 'last-active', at: member.lastActiveAt };
    if (member.status === 'joined') return { source: 'never' };
  }
  if (content?.ok && content.lastChangedAt) return { source: 'content-change', at: content.lastChangedAt, atLeast: !content.changeComplete };
  return { source: 'unknown' };
}

/** Whole days from `at` to `now` (negative never: a date ahead of the clock counts as today). */
export function daysSince(at: string, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - Date.parse(at)) / DAY_MS));
}
