/**
 * The bulk-invite job's lease (utils/jobs/lease-store.ts: stored with the job, claimed in one
 * transaction), and the saves that claim it. The job's header is in `inviteJobs`, its rows in
 * `inviteRows`; a claim spans both. Background only.
 */
import type { IDBPDatabase, IDBPTransaction } from 'idb';
import type { AdminLensDb } from '../storage/db';
import type { JobRow } from './job';
import type { JobMeta } from './job-schema';
import { LEASE_STALE_MS, parseLease, type JobActivity, type JobLease } from '../jobs/job-lease';
import { claimJob, releaseJob, renewJob, runningElsewhere, type Leased, type LeasedJobs, type LeaseDeps, type Runner } from '../jobs/lease-store';

export type { LeaseDeps } from '../jobs/lease-store';

type InviteStores = 'inviteJobs' | 'inviteRows';
type JobRecord = Leased<AdminLensDb['inviteJobs']['value']>;

/** Where bulk-invite jobs are kept, and when one without a lease is visibly running (rows being sent, updated lately). */
export const INVITE_JOBS: LeasedJobs<InviteStores, AdminLensDb['inviteJobs']['value']> = {
  stores: ['inviteJobs', 'inviteRows'],
  get: async (tx, jobId) => (await tx.objectStore('inviteJobs').get(jobId)) as JobRecord | undefined,
  put(tx, record) {
    void tx.objectStore('inviteJobs').put(record);
  },
  async activity(tx, record, now): Promise<JobActivity> {
    const { status, updatedAt } = record.job as { status?: unknown; updatedAt?: unknown };
    const at = typeof updatedAt === 'string' ? Date.parse(updatedAt) : NaN;
    const activity: JobActivity = { status: typeof status === 'string' ? status : null, updatedAt: Number.isFinite(at) ? at : null, sending: false };
    // The rows are read only when the header says it could matter.
    if (activity.status !== 'running' || activity.updatedAt === null || now - activity.updatedAt > LEASE_STALE_MS) return activity;
    const rows = await tx.objectStore('inviteRows').index('byJob').getAll(record.id);
    return { ...activity, sending: rows.some((row) => row.state === 'sending') };
  },
};

/**
 * Stores a step of a job: its header and the rows that changed, together or not at all. With a
 * runner, the save is also its claim on the job (refused, writing nothing, when another runner
 * holds it); without one, the lease stays as it was.
 */
export async function saveJobStep(
  db: IDBPDatabase<AdminLensDb>,
  step: { meta: JobMeta; rows: readonly JobRow[] },
  runner: Runner | null,
  deps: LeaseDeps,
): Promise<{ saved: boolean; created: boolean }> {
  let created = false;
  const write = (tx: IDBPTransaction<AdminLensDb, InviteStores[], 'readwrite'>, existing: JobRecord | undefined, lease: JobLease | undefined) => {
    created = !existing;
    const record: JobRecord = { id: step.meta.id, createdAt: existing?.createdAt ?? Date.parse(step.meta.createdAt), job: step.meta };
    if (lease) record.lease = lease;
    void tx.objectStore('inviteJobs').put(record);
    const rows = tx.objectStore('inviteRows');
    for (const row of step.rows) void rows.put({ jobId: step.meta.id, rowNumber: row.row, state: row.state.kind, row });
  };
  if (runner) return { saved: await claimJob(db, INVITE_JOBS, step.meta.id, runner, deps, write), created };
  const tx = db.transaction(INVITE_JOBS.stores, 'readwrite');
  const existing = await INVITE_JOBS.get(tx, step.meta.id);
  write(tx, existing, parseLease(existing?.lease) ?? undefined);
  await tx.done;
  return { saved: true, created };
}

/** The heartbeat: the runner's lease renewed; false when another runner holds the job now. */
export const renewJobLease = (db: IDBPDatabase<AdminLensDb>, jobId: string, runner: Runner, deps: LeaseDeps): Promise<boolean> => renewJob(db, INVITE_JOBS, jobId, runner, deps);

/** The runner is done with the job (finished, paused, cancelled): its lease goes, another's stays. */
export const releaseJobLease = (db: IDBPDatabase<AdminLensDb>, jobId: string, runnerId: string): Promise<void> => releaseJob(db, INVITE_JOBS, jobId, runnerId);

/** Whether a live runner other than one in `tabId` (a reload of that tab takes over) holds the job. */
export const jobRunningElsewhere = (db: IDBPDatabase<AdminLensDb>, jobId: string, tabId: number | null, deps: LeaseDeps): Promise<boolean> => runningElsewhere(db, INVITE_JOBS, jobId, tabId, deps);
