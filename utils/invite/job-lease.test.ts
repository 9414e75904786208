import { describe, expect, it } from 'vitest';
import { createLeases, LEASE_STALE_MS } from './job-lease';

function setup() {
  let now = 1_000_000;
  const open = new Set([1, 2]);
  const leases = createLeases({ tabExists: async (id) => open.has(id), now: () => now });
  return { leases, open, advance: (ms: number) => (now += ms) };
}

describe('job leases', () => {
  it('lets one runner hold a job; a second tab is refused while the first is alive', async () => {
    const { leases } = setup();
    expect(await leases.claim('j', 'runner-a', 1)).toBe(true);
    expect(await leases.claim('j', 'runner-a', 1)).toBe(true);
    expect(await leases.claim('j', 'runner-b', 2)).toBe(false);
    expect(await leases.heldByOther('j', null, 2)).toBe(true);
    expect(await leases.heldByOther('j', 'runner-a', 1)).toBe(false);
    expect(await leases.claim('other-job', 'runner-b', 2)).toBe(true);
  });

  it('hands over when the holder lets go, its tab closes, its tab reloads, or it went quiet', async () => {
    const { leases, open, advance } = setup();
    await leases.claim('j', 'a', 1);
    leases.release('j', 'b'); // not the holder: nothing happens
    expect(await leases.claim('j', 'b', 2)).toBe(false);
    leases.release('j', 'a');
    expect(await leases.claim('j', 'b', 2)).toBe(true);

    open.delete(2); // b's tab closed
    expect(await leases.claim('j', 'c', 1)).toBe(true);
    expect(await leases.claim('j', 'd', 1)).toBe(true); // same tab, a new page after a reload

    advance(LEASE_STALE_MS + 1);
    expect(await leases.claim('j', 'e', 2)).toBe(true);
  });
});
