// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { loadSeed } from '../seeds';
import { rebaseSeedToNow } from '../seeds/rebase';
import type { Seed } from '../shared/seed';
import { createConsoleDouble } from './double';

const DAY_MS = 24 * 60 * 60 * 1000;
const ms = Date.parse;

/** Every date of a seed, with where it is, measured from the seed's own `now`. */
function agesOf(seed: Seed): Record<string, number | null> {
  const age = (iso: string | null) => (iso === null ? null : ms(seed.now) - ms(iso));
  return Object.fromEntries([
    ...seed.members.flatMap((member) => [
      [`${member.id}.invitedAt`, age(member.invitedAt)],
      [`${member.id}.joinedAt`, age(member.joinedAt)],
      [`${member.id}.lastActiveAt`, age(member.lastActiveAt)],
    ]),
    ...seed.groups.map((group) => [`${group.id}.lastModifiedAt`, age(group.lastModifiedAt)]),
    ...seed.accessRequests.map((request, index) => [`request${index}.requestedAt`, age(request.requestedAt)]),
  ]);
}

describe('rebasing a seed to the present', () => {
  it('puts `now` exactly at the given moment and keeps every age to the millisecond', () => {
    const seed = loadSeed('demo');
    // A moment at another time of day than the seed's `now` (10:00 UTC), with milliseconds.
    const moment = ms('2026-12-02T05:10:31.417Z');
    const rebased = rebaseSeedToNow(seed, moment);
    expect(rebased.now).toBe('2026-12-02T05:10:31.417Z');
    expect(agesOf(rebased)).toEqual(agesOf(seed));
    // The seed itself is left as it was.
    expect(seed.now).toBe('2025-11-03T10:00:00.000Z');
  });

  it('keeps an invite 14 days minus one minute old on its side of a 14-day boundary, whatever the hour', () => {
    const seed = loadSeed('demo');
    const invitedAt = new Date(ms(seed.now) - 14 * DAY_MS + 60_000).toISOString();
    const withInvite: Seed = { ...seed, members: seed.members.map((member) => (member.id === 'u-25' ? { ...member, invitedAt } : member)) };
    for (const hour of [0, 5, 9, 10, 11, 23]) {
      const moment = Date.UTC(2026, 11, 2, hour, 59, 30);
      const rebased = rebaseSeedToNow(withInvite, moment);
      const invite = rebased.members.find((member) => member.id === 'u-25');
      expect(moment - ms(invite?.invitedAt ?? ''), `at ${hour}:59:30`).toBe(14 * DAY_MS - 60_000);
    }
  });

  it('is what the browser double loads: its `now` is the moment of loading, on creation and on reset', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(ms('2026-12-02T05:10:31.417Z'));
      const double = createConsoleDouble({ seed: 'demo' });
      expect(double.backend.state().now).toBe('2026-12-02T05:10:31.417Z');
      vi.setSystemTime(ms('2026-12-02T23:59:59.999Z'));
      double.backend.reset();
      expect(double.backend.state().now).toBe('2026-12-02T23:59:59.999Z');
      expect(agesOf(double.backend.state() as unknown as Seed)).toEqual(agesOf(loadSeed('demo')));
      // Unit tests keep the seed's own clock.
      expect(createConsoleDouble({ seed: 'demo', clock: 'seed' }).backend.state().now).toBe('2025-11-03T10:00:00.000Z');
    } finally {
      vi.useRealTimers();
    }
  });
});
