/**
 * Moves a seed's clock to the present. Seeds are written against a fixed `now`; the extension, like
 * the real console, judges ages against the real clock (a 40-day-old invite must look 40 days old
 * today, not 400). Every date moves by exactly the offset from the seed's `now` to the present, to
 * the millisecond: an invite written as 14 days minus a minute old is that old when the double
 * starts, at any hour. (Shifting by whole days put the double's `now` up to a day away from the real
 * clock, so whether such an invite was stale depended on the hour the test ran.)
 */
import type { Seed } from '../shared/seed';

export function rebaseSeedToNow(seed: Seed, nowMs: number = Date.now()): Seed {
  const offsetMs = nowMs - Date.parse(seed.now);
  if (offsetMs === 0) return seed;
  const shift = (iso: string) => new Date(Date.parse(iso) + offsetMs).toISOString();
  const shiftNullable = (iso: string | null) => (iso === null ? null : shift(iso));
  return {
    ...seed,
    now: shift(seed.now),
    members: seed.members.map((member) => ({
      ...member,
      invitedAt: shift(member.invitedAt),
      joinedAt: shiftNullable(member.joinedAt),
      lastActiveAt: shiftNullable(member.lastActiveAt),
    })),
    groups: seed.groups.map((group) => ({ ...group, lastModifiedAt: shift(group.lastModifiedAt) })),
    accessRequests: seed.accessRequests.map((request) => ({ ...request, requestedAt: shift(request.requestedAt) })),
  };
}
