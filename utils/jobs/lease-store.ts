/**
 * A job's lease kept in IndexedDB as a field of the job's own record (next to the job, so it
 * outlives the service worker), and the claims that take it, for every kind of job that has one
 * (bulk invite: utils/invite/job-lease-store.ts; offboarding: utils/offboard/job-store.ts). Every
 * claim is one readwrite transaction that reads the lease, decides (job-lease.ts) and writes: two
 * tabs that claim at once cannot both win. Background only.
 */
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { AdminLensDb } from '../storage/db';
import { leaseVerdict, parseLease, sameLease, type JobActivity, type JobLease, type LeaseClaimant } from './job-lease';

export interface LeaseDeps {
  now(): number;
  /** Whether a tab is still open: a closed tab's run may be taken over at once. */
  tabExists(tabId: number): Promise<boolean>;
}

export type LeaseTx<S extends StoreNames<AdminLensDb>, Mode extends IDBTransactionMode = 'readwrite' | 'readonly'> = IDBPTransaction<AdminLensDb, S[], Mode>;

/** A job's record, with its lease (a field the record types of the schema do not name). */
export type Leased<R> = R & { lease?: JobLease };

/** Where one kind of job is kept, and what its record says about a run without a lease. */
export interface LeasedJobs<S extends StoreNames<AdminLensDb>, R extends object> {
  /** The object stores a claim reads and writes, in one transaction. */
  stores: S[];
  get(tx: LeaseTx<S>, jobId: string): Promise<Leased<R> | undefined>;
  /** Writes the record back (a renewed or released lease). */
  put(tx: LeaseTx<S, 'readwrite'>, record: Leased<R>): void;
  /** For a record without a lease: is a run visibly under way? Read only when asked. */
  activity(tx: LeaseTx<S>, record: Leased<R>, now: number): Promise<JobActivity | null>;
}

export interface Runner {
  runnerId: string;
  tabId: number | null;
}

/**
 * Claims the job for `claimant` and, in the same transaction, lets `write` store what goes with
 * the claim. Whether another holder's tab is still open cannot be asked inside a transaction (it
 * would commit while waiting), so it is asked in between, and the next transaction takes the lease
 * only if it is still that very lease. False when another live runner holds the job.
 */
export async function claimJob<S extends StoreNames<AdminLensDb>, R extends object>(
  db: IDBPDatabase<AdminLensDb>,
  jobs: LeasedJobs<S, R>,
  jobId: string,
  claimant: Runner,
  deps: LeaseDeps,
  write: (tx: LeaseTx<S, 'readwrite'>, record: Leased<R> | undefined, lease: JobLease) => void,
): Promise<boolean> {
  let closedTabHolder: JobLease | null = null;
  for (let round = 0; round < 3; round++) {
    const tx = db.transaction(jobs.stores, 'readwrite');
    const record = await jobs.get(tx, jobId);
    const lease = parseLease(record?.lease);
    const now = deps.now();
    let verdict = leaseVerdict(lease, claimant, lease || !record ? null : await jobs.activity(tx, record, now), now);
    if (verdict === 'held-unless-tab-closed' && sameLease(lease, closedTabHolder)) verdict = 'free';
    if (verdict === 'mine' || verdict === 'free') {
      write(tx, record, { runnerId: claimant.runnerId, tabId: claimant.tabId, at: now });
      await tx.done;
      return true;
    }
    tx.abort();
    await tx.done.catch(() => undefined);
    if (verdict === 'held' || !lease || lease.tabId === null) return false;
    if (await deps.tabExists(lease.tabId)) return false;
    closedTabHolder = lease;
  }
  return false;
}

/** The heartbeat: the runner's lease renewed; false when another runner holds the job now. */
export function renewJob<S extends StoreNames<AdminLensDb>, R extends object>(db: IDBPDatabase<AdminLensDb>, jobs: LeasedJobs<S, R>, jobId: string, runner: Runner, deps: LeaseDeps): Promise<boolean> {
  return claimJob(db, jobs, jobId, runner, deps, (tx, record, lease) => {
    if (record) jobs.put(tx, { ...record, lease });
  });
}

/** The runner is done with the job (finished, paused, cancelled): its lease goes, another's stays. */
export async function releaseJob<S extends StoreNames<AdminLensDb>, R extends object>(db: IDBPDatabase<AdminLensDb>, jobs: LeasedJobs<S, R>, jobId: string, runnerId: string): Promise<void> {
  const tx = db.transaction(jobs.stores, 'readwrite');
  const record = await jobs.get(tx, jobId);
  if (record && parseLease(record.lease)?.runnerId === runnerId) {
    const { lease: _released, ...rest } = record;
    jobs.put(tx, rest as Leased<R>);
  }
  await tx.done;
}

/** Whether a live runner other than one in `tabId` (a reload of that tab takes over) holds the job. */
export async function runningElsewhere<S extends StoreNames<AdminLensDb>, R extends object>(
  db: IDBPDatabase<AdminLensDb>,
  jobs: LeasedJobs<S, R>,
  jobId: string,
  tabId: number | null,
  deps: LeaseDeps,
): Promise<boolean> {
  const tx = db.transaction(jobs.stores, 'readonly');
  const record = await jobs.get(tx, jobId);
  const lease = parseLease(record?.lease);
  const now = deps.now();
  const verdict = leaseVerdict(lease, { runnerId: null, tabId } satisfies LeaseClaimant, lease || !record ? null : await jobs.activity(tx, record, now), now);
  await tx.done;
  if (verdict === 'held') return true;
  if (verdict === 'held-unless-tab-closed' && lease?.tabId != null) return deps.tabExists(lease.tabId);
  return false;
}
