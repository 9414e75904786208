/**
 * Offboarding jobs in the background's IndexedDB (`offboardJobs`, each job stored whole), with the
 * same durable lease as the bulk invite's (utils/jobs/lease-store.ts): every save by a runner is
 * its claim on the job, so a second tab's runner is refused before it writes anything, and so
 * before it removes anyone. Background only.
 */
import type { IDBPDatabase } from 'idb';
import type { AdminLensDb } from '../storage/db';
import { LEASE_STALE_MS, parseLease, type JobActivity } from '../jobs/job-lease';
import { claimJob, releaseJob, renewJob, runningElsewhere, type Leased, type LeasedJobs, type LeaseDeps, type LeaseTx, type Runner } from '../jobs/lease-store';
import type { OffboardJob } from './job';
import { parseOffboardJob } from './job-schema';

type OffboardRecord = AdminLensDb['offboardJobs']['value'];

/** Where offboarding jobs are kept; one without a lease is visibly running when a removal is being confirmed and it was updated lately. */
export const OFFBOARD_JOBS: LeasedJobs<'offboardJobs', OffboardRecord> = {
  stores: ['offboardJobs'],
  get: async (tx, jobId) => (await tx.objectStore('offboardJobs').get(jobId)) as Leased<OffboardRecord> | undefined,
  put(tx, record) {
    void tx.objectStore('offboardJobs').put(record);
  },
  async activity(_tx, record, now): Promise<JobActivity> {
    const { status, updatedAt, rows } = record.job as { status?: unknown; updatedAt?: unknown; rows?: unknown };
    const at = typeof updatedAt === 'string' ? Date.parse(updatedAt) : NaN;
    const recent = Number.isFinite(at) && now - at <= LEASE_STALE_MS;
    const removing = Array.isArray(rows) && rows.some((row) => (row as { state?: { kind?: unknown } } | null)?.state?.kind === 'removing');
    return { status: typeof status === 'string' ? status : null, updatedAt: Number.isFinite(at) ? at : null, sending: recent && removing };
  },
};

export type SaveOutcome = { saved: true; created: boolean } | { saved: false; why: 'held-elsewhere' | 'other-org' };

/**
 * Stores the job whole. With a runner, the save is also its claim (refused, writing nothing, when
 * another live runner holds the job); without one, the lease stays as it was. A job id already
 * kept for another org is never taken over by naming it with this one (refused, nothing written).
 */
export async function saveOffboardJob(db: IDBPDatabase<AdminLensDb>, job: OffboardJob, runner: Runner | null, deps: LeaseDeps): Promise<SaveOutcome> {
  let outcome: SaveOutcome = { saved: true, created: false };
  const write = (tx: LeaseTx<'offboardJobs', 'readwrite'>, prior: Leased<OffboardRecord> | undefined, lease: Leased<OffboardRecord>['lease']) => {
    if (prior && prior.orgUrl !== job.orgUrl) {
      outcome = { saved: false, why: 'other-org' };
      return;
    }
    const record: Leased<OffboardRecord> = { id: job.id, orgUrl: job.orgUrl, createdAt: prior?.createdAt ?? (Date.parse(job.createdAt) || deps.now()), job };
    if (lease) record.lease = lease;
    OFFBOARD_JOBS.put(tx, record);
    outcome = { saved: true, created: !prior };
  };
  if (runner) {
    if (!(await claimJob(db, OFFBOARD_JOBS, job.id, runner, deps, write))) return { saved: false, why: 'held-elsewhere' };
    return outcome;
  }
  const tx = db.transaction(OFFBOARD_JOBS.stores, 'readwrite');
  const prior = await OFFBOARD_JOBS.get(tx, job.id);
  write(tx, prior, parseLease(prior?.lease) ?? undefined);
  await tx.done;
  return outcome;
}

/** The org's finished (or unreadable) jobs created before `cutoff`, but `keep`, forgotten (their rows hold emails); unfinished ones never. */
export async function pruneOffboardJobs(db: IDBPDatabase<AdminLensDb>, orgUrl: string, cutoff: number, keep: string): Promise<void> {
  const tx = db.transaction('offboardJobs', 'readwrite');
  for (const record of await tx.store.index('byOrg').getAll(orgUrl)) {
    const old = parseOffboardJob(record.job);
    if (record.id !== keep && record.createdAt < cutoff && (!old || old.status === 'done' || old.status === 'cancelled')) await tx.store.delete(record.id);
  }
  await tx.done;
}

/** The newest job of an org, if it still fits the schema (never half-read). */
export async function latestOffboardJob(db: IDBPDatabase<AdminLensDb>, orgUrl: string): Promise<OffboardJob | null> {
  const records = await db.getAllFromIndex('offboardJobs', 'byOrg', orgUrl);
  const newest = records.sort((a, b) => b.createdAt - a.createdAt)[0];
  return newest ? parseOffboardJob(newest.job) : null;
}

/** The heartbeat: the runner's lease renewed; false when another runner holds the job now. */
export const renewOffboardLease = (db: IDBPDatabase<AdminLensDb>, jobId: string, runner: Runner, deps: LeaseDeps): Promise<boolean> => renewJob(db, OFFBOARD_JOBS, jobId, runner, deps);

/** The runner is done with the job (finished, paused, cancelled, or the page went): another tab may run it. */
export const releaseOffboardLease = (db: IDBPDatabase<AdminLensDb>, jobId: string, runnerId: string): Promise<void> => releaseJob(db, OFFBOARD_JOBS, jobId, runnerId);

/** Whether a live runner other than one in `tabId` (a reload of that tab takes over) runs the job now. */
export const offboardRunningElsewhere = (db: IDBPDatabase<AdminLensDb>, jobId: string, tabId: number | null, deps: LeaseDeps): Promise<boolean> => runningElsewhere(db, OFFBOARD_JOBS, jobId, tabId, deps);
