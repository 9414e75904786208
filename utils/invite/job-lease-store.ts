/**
 * The bulk-invite job's lease, kept in IndexedDB as a field of the job's own record (next to the
 * job, so it outlives the service worker), and the saves that claim it. Every claim is one
 * readwrite transaction that reads the lease, decides (job-lease.ts) and writes: two tabs that
 * claim at once cannot both win. Background only.
 */
import type { IDBPDatabase, IDBPTransaction } from 'idb';
import type { AdminLensDb } from '../storage/db';
import type { JobRow } from './job';
import type { JobMeta } from './job-schema';
import { leaseVerdict, parseLease, sameLease, type JobActivity, type JobLease, type LeaseClaimant, LEASE_STALE_MS } from './job-lease';

/** The stored job record with its lease (a field the schema's record type does not name). */
type JobRecord = AdminLensDb['inviteJobs']['value'] & { lease?: JobLease };
type JobTx = IDBPTransaction<AdminLensDb, ['inviteJobs', 'inviteRows'], 'readwrite' | 'readonly'>;

export interface LeaseDeps {
  now(): number;
  /** Whether a tab is still open: a closed tab's run may be taken over at once. */
  tabExists(tabId: number): Promise<boolean>;
}

const recordOf = (value: AdminLensDb['inviteJobs']['value'] | undefined): JobRecord | undefined => value as JobRecord | undefined;

/** For a job without a lease: is a run visibly under way (running, rows being sent, updated lately)? */
async function activityOf(tx: JobTx, record: JobRecord | undefined, now: number): Promise<JobActivity | null> {
  if (!record) return null;
  const { status, updatedAt } = record.job as { status?: unknown; updatedAt?: unknown };
  const at = typeof updatedAt === 'string' ? Date.parse(updatedAt) : NaN;
  const activity: JobActivity = { status: typeof status === 'string' ? status : null, updatedAt: Number.isFinite(at) ? at : null, sending: false };
  // The rows are read only when the header says it could matter.
  if (activity.status !== 'running' || activity.updatedAt === null || now - activity.updatedAt > LEASE_STALE_MS) return activity;
  const rows = await tx.objectStore('inviteRows').index('byJob').getAll(record.id);
  return { ...activity, sending: rows.some((row) => row.state === 'sending') };
}

/**
 * Claims the job for `claimant` and, in the same transaction, lets `write` store what goes with
 * the claim. Whether another holder's tab is still open cannot be asked inside a transaction (it
 * would commit while waiting), so it is asked in between, and the next transaction takes the lease
 * only if it is still that very lease. False when another live runner holds the job.
 */
async function claim(
  db: IDBPDatabase<AdminLensDb>,
  jobId: string,
  claimant: { runnerId: string; tabId: number | null },
  deps: LeaseDeps,
  write: (tx: IDBPTransaction<AdminLensDb, ['inviteJobs', 'inviteRows'], 'readwrite'>, record: JobRecord | undefined, lease: JobLease) => void,
): Promise<boolean> {
  let closedTabHolder: JobLease | null = null;
  for (let round = 0; round < 3; round++) {
    const tx = db.transaction(['inviteJobs', 'inviteRows'], 'readwrite');
    const record = recordOf(await tx.objectStore('inviteJobs').get(jobId));
    const lease = parseLease(record?.lease);
    const now = deps.now();
    let verdict = leaseVerdict(lease, claimant, lease ? null : await activityOf(tx, record, now), now);
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

/**
 * Stores a step of a job: its header and the rows that changed, together or not at all. With a
 * runner, the save is also its claim on the job (refused, writing nothing, when another runner
 * holds it); without one, the lease stays as it was.
 */
export async function saveJobStep(
  db: IDBPDatabase<AdminLensDb>,
  step: { meta: JobMeta; rows: readonly JobRow[] },
  runner: { runnerId: string; tabId: number | null } | null,
  deps: LeaseDeps,
): Promise<{ saved: boolean; created: boolean }> {
  let created = false;
  const write = (tx: IDBPTransaction<AdminLensDb, ['inviteJobs', 'inviteRows'], 'readwrite'>, existing: JobRecord | undefined, lease: JobLease | undefined) => {
    created = !existing;
    const record: JobRecord = { id: step.meta.id, createdAt: existing?.createdAt ?? Date.parse(step.meta.createdAt), job: step.meta };
    if (lease) record.lease = lease;
    void tx.objectStore('inviteJobs').put(record);
    const rows = tx.objectStore('inviteRows');
    for (const row of step.rows) void rows.put({ jobId: step.meta.id, rowNumber: row.row, state: row.state.kind, row });
  };
  if (runner) return { saved: await claim(db, step.meta.id, runner, deps, write), created };
  const tx = db.transaction(['inviteJobs', 'inviteRows'], 'readwrite');
  const existing = recordOf(await tx.objectStore('inviteJobs').get(step.meta.id));
  write(tx, existing, parseLease(existing?.lease) ?? undefined);
  await tx.done;
  return { saved: true, created };
}

/** The heartbeat: the runner's lease renewed; false when another runner holds the job now. */
export function renewJobLease(db: IDBPDatabase<AdminLensDb>, jobId: string, runner: { runnerId: string; tabId: number | null }, deps: LeaseDeps): Promise<boolean> {
  return claim(db, jobId, runner, deps, (tx, record, lease) => {
    const renewed: JobRecord | undefined = record && { ...record, lease };
    if (renewed) void tx.objectStore('inviteJobs').put(renewed);
  });
}

/** The runner is done with the job (finished, paused, cancelled): its lease goes, another's stays. */
export async function releaseJobLease(db: IDBPDatabase<AdminLensDb>, jobId: string, runnerId: string): Promise<void> {
  const tx = db.transaction(['inviteJobs', 'inviteRows'], 'readwrite');
  const jobs = tx.objectStore('inviteJobs');
  const record = recordOf(await jobs.get(jobId));
  if (record && parseLease(record.lease)?.runnerId === runnerId) {
    const { lease: _released, ...rest } = record;
    void jobs.put(rest);
  }
  await tx.done;
}

/** Whether a live runner other than one in `tabId` (a reload of that tab takes over) holds the job. */
export async function jobRunningElsewhere(db: IDBPDatabase<AdminLensDb>, jobId: string, tabId: number | null, deps: LeaseDeps): Promise<boolean> {
  const tx = db.transaction(['inviteJobs', 'inviteRows'], 'readonly');
  const record = recordOf(await tx.objectStore('inviteJobs').get(jobId));
  const lease = parseLease(record?.lease);
  const now = deps.now();
  const verdict = leaseVerdict(lease, { runnerId: null, tabId } satisfies LeaseClaimant, lease ? null : await activityOf(tx, record, now), now);
  await tx.done;
  if (verdict === 'held') return true;
  if (verdict === 'held-unless-tab-closed' && lease?.tabId != null) return deps.tabExists(lease.tabId);
  return false;
}
