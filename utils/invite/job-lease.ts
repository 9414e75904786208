/**
 * One runner per job: a bulk-invite run belongs to the page that runs it. A second tab that
 * offered to resume the same job would otherwise send the batch the first one is sending (the
 * console would refuse the duplicates, but both tabs would write the job). Kept by the background,
 * in memory: the lease lives as long as the holder keeps saving, its tab exists, or it lets go.
 */

export interface Lease {
  runnerId: string;
  /** The holder's tab; null for a page with no tab (never the case for the content script). */
  tabId: number | null;
  /** When the holder last claimed or saved (epoch ms). */
  at: number;
}

/** A holder that has not saved for this long has stopped (a crash that left its tab open). */
export const LEASE_STALE_MS = 2 * 60_000;

export interface LeaseDeps {
  tabExists(tabId: number): Promise<boolean>;
  now(): number;
}

export function createLeases(deps: LeaseDeps) {
  const leases = new Map<string, Lease>();

  /** Whether another, live runner holds the job. A reloaded tab's new page takes over from its old one. */
  async function heldByOther(jobId: string, runnerId: string | null, tabId: number | null): Promise<boolean> {
    const lease = leases.get(jobId);
    if (!lease || lease.runnerId === runnerId) return false;
    if (lease.tabId !== null && lease.tabId === tabId) return false;
    if (deps.now() - lease.at > LEASE_STALE_MS) return false;
    if (lease.tabId !== null && !(await deps.tabExists(lease.tabId))) return false;
    return true;
  }

  return {
    heldByOther,
    /** Takes or renews the lease; false when another live runner holds it. */
    async claim(jobId: string, runnerId: string, tabId: number | null): Promise<boolean> {
      if (await heldByOther(jobId, runnerId, tabId)) return false;
      leases.set(jobId, { runnerId, tabId, at: deps.now() });
      return true;
    },
    release(jobId: string, runnerId: string): void {
      if (leases.get(jobId)?.runnerId === runnerId) leases.delete(jobId);
    },
  };
}

export type Leases = ReturnType<typeof createLeases>;
