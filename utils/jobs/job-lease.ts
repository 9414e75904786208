/**
 * One runner per job: a run (a bulk invite, an offboarding) belongs to the page that runs it. A
 * second tab that offered to resume the same job would otherwise send the batch, or remove the
 * people, the first one is working on.
 *
 * The lease is durable: it is stored with the job (lease-store.ts), because Chrome stops an
 * idle service worker after about 30 s and a lease kept in its memory would be forgotten while a
 * run waits on a slow Send. It is claimed by every save and renewed by the runner's heartbeat, so
 * it is fresh while the holder lives; a holder that has been silent for LEASE_STALE_MS has
 * stopped (a crash that left its tab open, a frozen tab). This file only decides; nothing here
 * touches storage.
 */

export interface JobLease {
  runnerId: string;
  /** The holder's tab; null for a page with no tab (never the case for the content script). */
  tabId: number | null;
  /** When the holder last claimed, saved or renewed (epoch ms). */
  at: number;
}

/** A holder silent for this long has stopped. Several heartbeats, so one late renewal is no handover. */
export const LEASE_STALE_MS = 45_000;

/** How often a running runner renews its lease (also while it waits on the console). */
export const LEASE_HEARTBEAT_MS = 10_000;

/** Who asks: a runner (to claim) or a page that only wants to know (runnerId null). */
export interface LeaseClaimant {
  runnerId: string | null;
  tabId: number | null;
}

/**
 * What the stored job says about a run in progress, for a job without a lease (one written before
 * leases were stored, or whose lease was lost): running, with rows being acted on (sent, removed),
 * updated recently.
 */
export interface JobActivity {
  status: string | null;
  /** Epoch ms of the job's last update, or null when unknown. */
  updatedAt: number | null;
  /** Rows in the middle of their step: an invite being sent, a removal being confirmed. */
  sending: boolean;
}

/**
 * `mine`: the claimant holds it. `free`: nobody live holds it (the claimant may take it). `held`:
 * another live runner holds it. `held-unless-tab-closed`: another runner in another tab holds a
 * fresh lease; free if that tab is gone (asked of the browser, outside any transaction).
 */
export type LeaseVerdict = 'mine' | 'free' | 'held' | 'held-unless-tab-closed';

export function leaseVerdict(lease: JobLease | null, claimant: LeaseClaimant, activity: JobActivity | null, now: number): LeaseVerdict {
  if (lease) {
    if (claimant.runnerId !== null && lease.runnerId === claimant.runnerId) return 'mine';
    if (now - lease.at > LEASE_STALE_MS) return 'free';
    // The same tab with another runner: the page was reloaded, its old runner died with it.
    if (lease.tabId !== null && lease.tabId === claimant.tabId) return 'free';
    return lease.tabId !== null ? 'held-unless-tab-closed' : 'held';
  }
  // No lease, but rows being acted on and a recent update: some runner is at work (its lease was not
  // kept); it counts as running elsewhere until it has been quiet for as long as a lease lasts.
  if (activity && activity.status === 'running' && activity.sending && activity.updatedAt !== null && now - activity.updatedAt <= LEASE_STALE_MS) return 'held';
  return 'free';
}

/** A stored lease, if the value is one (the record may come from an older version). */
export function parseLease(value: unknown): JobLease | null {
  if (typeof value !== 'object' || value === null) return null;
  const { runnerId, tabId, at } = value as Record<string, unknown>;
  if (typeof runnerId !== 'string' || runnerId === '' || typeof at !== 'number' || !Number.isFinite(at)) return null;
  if (tabId !== null && typeof tabId !== 'number') return null;
  return { runnerId, tabId, at };
}

export const sameLease = (a: JobLease | null, b: JobLease | null): boolean => !!a && !!b && a.runnerId === b.runnerId && a.tabId === b.tabId && a.at === b.at;

/** Thrown by a runner's save or renewal when another runner holds the job now: this one must stop. */
export class LeaseLost extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LeaseLost';
  }
}

/**
 * Renews a runner's lease every `everyMs` while it runs, also while it waits on the console
 * (nothing is saved then, and a lease not renewed goes stale: another tab would take the job). A
 * renewal refused because another runner holds the job calls `lost`; one that fails otherwise
 * (the background restarting) is left to the next. Returns the function that stops it.
 */
export function leaseHeartbeat(renew: () => Promise<void>, everyMs: number, lost: (error: LeaseLost) => void): () => void {
  const timer = setInterval(() => {
    renew().catch((error: unknown) => {
      if (error instanceof LeaseLost) lost(error);
    });
  }, everyMs);
  return () => clearInterval(timer);
}
