// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { LEASE_STALE_MS, leaseVerdict, parseLease, type JobActivity, type JobLease } from './job-lease';

const NOW = 10_000_000;
const lease = (runnerId: string, tabId: number | null, ago = 0): JobLease => ({ runnerId, tabId, at: NOW - ago });
const running = (ago: number, sending = true): JobActivity => ({ status: 'running', updatedAt: NOW - ago, sending });

describe('lease verdict', () => {
  it('the holder keeps it; another runner in another tab is held off while the lease is fresh, if that tab is open', () => {
    expect(leaseVerdict(lease('a', 1), { runnerId: 'a', tabId: 1 }, null, NOW)).toBe('mine');
    expect(leaseVerdict(lease('a', 1), { runnerId: 'b', tabId: 2 }, null, NOW)).toBe('held-unless-tab-closed');
    expect(leaseVerdict(lease('a', 1), { runnerId: null, tabId: 2 }, null, NOW)).toBe('held-unless-tab-closed');
    expect(leaseVerdict(lease('a', null), { runnerId: 'b', tabId: 2 }, null, NOW)).toBe('held');
  });

  it('a reload of the holder\'s tab takes over; a lease not renewed for LEASE_STALE_MS is free', () => {
    expect(leaseVerdict(lease('a', 1), { runnerId: 'b', tabId: 1 }, null, NOW)).toBe('free');
    expect(leaseVerdict(lease('a', 1, LEASE_STALE_MS), { runnerId: 'b', tabId: 2 }, null, NOW)).toBe('held-unless-tab-closed');
    expect(leaseVerdict(lease('a', 1, LEASE_STALE_MS + 1), { runnerId: 'b', tabId: 2 }, null, NOW)).toBe('free');
  });

  it('without a lease, a job running with rows being sent and a recent update counts as running elsewhere until it goes quiet', () => {
    const b = { runnerId: 'b', tabId: 2 };
    expect(leaseVerdict(null, b, running(1_000), NOW)).toBe('held');
    expect(leaseVerdict(null, b, running(LEASE_STALE_MS + 1), NOW)).toBe('free');
    expect(leaseVerdict(null, b, running(1_000, false), NOW)).toBe('free');
    expect(leaseVerdict(null, b, { status: 'paused', updatedAt: NOW - 1_000, sending: true }, NOW)).toBe('free');
    expect(leaseVerdict(null, b, { status: 'running', updatedAt: null, sending: true }, NOW)).toBe('free');
    expect(leaseVerdict(null, b, null, NOW)).toBe('free');
  });

  it('reads only well-formed stored leases', () => {
    expect(parseLease({ runnerId: 'a', tabId: 3, at: 5 })).toEqual({ runnerId: 'a', tabId: 3, at: 5 });
    expect(parseLease({ runnerId: 'a', tabId: null, at: 5 })).toEqual({ runnerId: 'a', tabId: null, at: 5 });
    for (const bad of [undefined, null, 'a', { runnerId: '', tabId: 1, at: 5 }, { runnerId: 'a', tabId: '1', at: 5 }, { runnerId: 'a', tabId: 1, at: Number.NaN }]) {
      expect(parseLease(bad)).toBeNull();
    }
  });
});
