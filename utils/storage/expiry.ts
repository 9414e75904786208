/**
 * Personal data expires: the background forgets cached org snapshots, removal audit entries and
 * bulk-invite jobs past their time. The retentions are settings (utils/settings/retention.ts),
 * passed in; nothing here reads the settings.
 */
import type { IDBPDatabase } from 'idb';
import type { AdminLensDb } from './db';

export const DAY_MS = 24 * 60 * 60 * 1000;

/** A bulk-invite job not updated for this long is forgotten (its rows hold emails), finished or not, unless it runs. */
export const JOB_RETENTION_DAYS = 30;

/** The oldest time (epoch ms) a record may have; null when everything is kept. */
export function retentionCutoff(days: number | null, now: number): number | null {
  if (days === null || !Number.isFinite(days) || days <= 0) return null;
  return now - days * DAY_MS;
}

export interface RetentionPolicy {
  /** Days the audit log keeps an entry; null keeps everything. */
  auditDays: number | null;
  /** Days a cached org snapshot is kept. */
  snapshotDays: number;
}

/** Deletes the snapshots read before `before`, by their index: no snapshot is read to be deleted. */
export async function pruneSnapshots(db: IDBPDatabase<AdminLensDb>, before: number): Promise<number> {
  const tx = db.transaction('snapshots', 'readwrite');
  let deleted = 0;
  for (let cursor = await tx.store.index('byReadAt').openKeyCursor(IDBKeyRange.upperBound(before, true)); cursor; cursor = await cursor.continue()) {
    void tx.store.delete(cursor.primaryKey);
    deleted++;
  }
  await tx.done;
  return deleted;
}

/** Deletes audit entries recorded before `before`, except `keep` (the entry just written, whatever its clock said). */
export async function pruneAudit(db: IDBPDatabase<AdminLensDb>, before: number, keep?: number): Promise<number> {
  const tx = db.transaction('audit', 'readwrite');
  let deleted = 0;
  for (let cursor = await tx.store.index('byTime').openKeyCursor(IDBKeyRange.upperBound(before, true)); cursor; cursor = await cursor.continue()) {
    if (cursor.primaryKey === keep) continue;
    void tx.store.delete(cursor.primaryKey);
    deleted++;
  }
  await tx.done;
  return deleted;
}

/** When the job was last written: its own `updatedAt`, else when it was created. */
function lastUpdate(record: { createdAt: number; job: unknown }): number {
  const updatedAt = (record.job as { updatedAt?: unknown } | null)?.updatedAt;
  const parsed = typeof updatedAt === 'string' ? Date.parse(updatedAt) : Number.NaN;
  return Number.isNaN(parsed) ? record.createdAt : parsed;
}

/**
 * Deletes the jobs (and their rows) last updated before `before`, except `keep` and those a runner
 * holds now (`isRunning`: asked outside any transaction, which would not survive the wait).
 * Returns the ids deleted.
 */
export async function pruneJobs(
  db: IDBPDatabase<AdminLensDb>,
  before: number,
  isRunning: (jobId: string) => Promise<boolean>,
  keep?: string,
): Promise<string[]> {
  const old = (await db.getAll('inviteJobs')).filter((record) => record.id !== keep && lastUpdate(record) < before).map((record) => record.id);
  const expired: string[] = [];
  for (const id of old) if (!(await isRunning(id))) expired.push(id);
  if (!expired.length) return [];
  const tx = db.transaction(['inviteJobs', 'inviteRows'], 'readwrite');
  const jobs = tx.objectStore('inviteJobs');
  const rows = tx.objectStore('inviteRows');
  const deleted: string[] = [];
  for (const id of expired) {
    const record = await jobs.get(id);
    // Written again since it was found old (a resumed run): it stays.
    if (!record || lastUpdate(record) >= before) continue;
    for (const key of await rows.index('byJob').getAllKeys(id)) void rows.delete(key);
    void jobs.delete(id);
    deleted.push(id);
  }
  await tx.done;
  return deleted;
}

/** Everything past its time, in one go: the background runs it now and then (background-handler.ts). */
export async function pruneExpired(
  db: IDBPDatabase<AdminLensDb>,
  policy: RetentionPolicy,
  now: number,
  isRunning: (jobId: string) => Promise<boolean>,
): Promise<void> {
  const snapshotsBefore = retentionCutoff(policy.snapshotDays, now);
  if (snapshotsBefore !== null) await pruneSnapshots(db, snapshotsBefore);
  const auditBefore = retentionCutoff(policy.auditDays, now);
  if (auditBefore !== null) await pruneAudit(db, auditBefore);
  await pruneJobs(db, now - JOB_RETENTION_DAYS * DAY_MS, isRunning);
}
