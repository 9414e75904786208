/**
 * Moves a seed's clock to today. Seeds are written against a fixed `now`; the extension, like the
 * real console, judges ages against the real clock (a 40-day-old invite must look 40 days old
 * today, not 400). Shifting every date by the same whole number of days keeps every relative fact
 * of the seed (active in the last 30 days, stale invites) and stays deterministic within a day.
 */
import type { Seed } from '../shared/seed';

const DAY_MS = 24 * 60 * 60 * 1000;

export function rebaseSeedToToday(seed: Seed, todayMs: number = Date.now()): Seed {
  const shiftDays = Math.floor(todayMs / DAY_MS) - Math.floor(Date.parse(seed.now) / DAY_MS);
  if (shiftDays === 0) return seed;
  const shift = (iso: string) => new Date(Date.parse(iso) + shiftDays * DAY_MS).toISOString();
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
