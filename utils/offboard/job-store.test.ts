// @vitest-environment node
/**
 * Offboarding jobs in the background's database, with the lease they share with the bulk invite
 * (utils/jobs/lease-store.ts): one runner per job across tabs, claimed atomically by its saves,
 * kept fresh by its heartbeat, free once released, stale or its tab closed; a job of another org
 * is never taken over by its id.
 */
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openAdminLensDb } from '../storage/db';
import { LEASE_HEARTBEAT_MS, LEASE_STALE_MS } from '../jobs/job-lease';
import type { LeaseDeps } from '../jobs/lease-store';
import type { OffboardJob } from './job';
import { latestOffboardJob, offboardRunningElsewhere, pruneOffboardJobs, releaseOffboardLease, renewOffboardLease, saveOffboardJob } from './job-store';

const T0 = Date.parse('2026-12-01T10:00:00.000Z');

function newJob(id = 'ob-1', orgUrl = 'acme', createdAt = T0): OffboardJob {
  const at = new Date(createdAt).toISOString();
  return {
    id,
    orgUrl,
    createdAt: at,
    updatedAt: at,
    status: 'running',
    rows: [{ row: 1, email: 'a@x.io', transferTo: '', reason: '', name: 'A', memberId: 'u-9', action: 'no-content', recipient: null, content: null, state: { kind: 'queued' } }],
    steps: [{ id: 1, view: 'joined', recipient: null, emails: ['a@x.io'], acknowledged: false, state: 'queued', before: null }],
  };
}

function setup() {
  const factory = new IDBFactory();
  let now = T0;
  const open = new Set([1, 2, 3]);
  const deps: LeaseDeps = { now: () => now, tabExists: async (tabId) => open.has(tabId) };
  // Each call opens the database anew, as a restarted service worker would.
  const db = () => openAdminLensDb(factory);
  const save = async (job: OffboardJob, runnerId: string | null, tabId: number) => saveOffboardJob(await db(), job, runnerId ? { runnerId, tabId } : null, deps);
  return { db, deps, open, save, advance: (ms: number) => (now += ms), at: (ms: number) => (now = ms) };
}

describe('offboarding jobs and their lease', () => {
  it('runners in three tabs starting the same job at once: exactly one wins, the others write nothing', async () => {
    const { db, save } = setup();
    const job = newJob();
    const results = await Promise.all(['a', 'b', 'c'].map((runner, index) => save({ ...job, updatedAt: runner }, `runner-${runner}`, index + 1)));
    expect(results.filter((result) => result.saved)).toHaveLength(1);
    expect(results.filter((result) => !result.saved)).toEqual([
      { saved: false, why: 'held-elsewhere' },
      { saved: false, why: 'held-elsewhere' },
    ]);
    const winner = ['a', 'b', 'c'][results.findIndex((result) => result.saved)];
    expect((await latestOffboardJob(await db(), 'acme'))?.updatedAt).toBe(winner);
  });

  it('a second tab is told the job runs elsewhere and refused, even after the worker restarted; the holder\'s own tab is not', async () => {
    const { db, deps, save } = setup();
    const job = newJob();
    expect(await save(job, 'runner-a', 1)).toEqual({ saved: true, created: true });
    expect(await offboardRunningElsewhere(await db(), job.id, 2, deps)).toBe(true);
    expect(await save({ ...job, status: 'paused' }, 'runner-b', 2)).toEqual({ saved: false, why: 'held-elsewhere' });
    expect((await latestOffboardJob(await db(), 'acme'))?.status).toBe('running');
    // A reload of the holder's tab takes over (its old runner died with the page).
    expect(await offboardRunningElsewhere(await db(), job.id, 1, deps)).toBe(false);
    expect(await save(job, 'runner-a2', 1)).toMatchObject({ saved: true });
  });

  it('the heartbeat keeps the lease while a step waits; a silent holder goes stale and another tab takes over, the old one refused from then on', async () => {
    const { deps, db, save, advance } = setup();
    const job = newJob();
    await save(job, 'runner-a', 1);
    for (let waited = 0; waited < 3 * LEASE_STALE_MS; waited += LEASE_HEARTBEAT_MS) {
      advance(LEASE_HEARTBEAT_MS);
      expect(await renewOffboardLease(await db(), job.id, { runnerId: 'runner-a', tabId: 1 }, deps)).toBe(true);
      expect((await save(job, 'runner-b', 2)).saved).toBe(false);
    }
    advance(LEASE_STALE_MS + 1);
    expect((await save(job, 'runner-b', 2)).saved).toBe(true);
    expect(await renewOffboardLease(await db(), job.id, { runnerId: 'runner-a', tabId: 1 }, deps)).toBe(false);
    expect((await save(job, 'runner-a', 1)).saved).toBe(false);
  });

  it('a closed tab\'s lease is free at once; a released one too; a release by another runner changes nothing', async () => {
    const { db, deps, open, save } = setup();
    const job = newJob();
    await save(job, 'runner-a', 1);
    open.delete(1);
    expect(await offboardRunningElsewhere(await db(), job.id, 2, deps)).toBe(false);
    expect((await save(job, 'runner-b', 2)).saved).toBe(true);
    await releaseOffboardLease(await db(), job.id, 'runner-a');
    expect((await save(job, 'runner-c', 3)).saved).toBe(false);
    await releaseOffboardLease(await db(), job.id, 'runner-b');
    expect(await offboardRunningElsewhere(await db(), job.id, 3, deps)).toBe(false);
    expect((await save(job, 'runner-c', 3)).saved).toBe(true);
  });

  it('without a lease, a job with a removal being confirmed and a recent update counts as running until it has been quiet for a lease\'s time', async () => {
    const { db, deps, save, at } = setup();
    const removing: OffboardJob = { ...newJob(), rows: [{ ...newJob().rows[0]!, state: { kind: 'removing', at: new Date(T0).toISOString() } }] };
    await save(removing, null, 1);
    at(T0 + 5_000);
    expect(await offboardRunningElsewhere(await db(), removing.id, 2, deps)).toBe(true);
    expect((await save(removing, 'runner-b', 2)).saved).toBe(false);
    at(T0 + LEASE_STALE_MS + 1);
    expect(await offboardRunningElsewhere(await db(), removing.id, 2, deps)).toBe(false);
    // Queued rows only: nothing under way.
    const { db: db2, deps: deps2, save: save2 } = setup();
    await save2(newJob(), null, 1);
    expect(await offboardRunningElsewhere(await db2(), 'ob-1', 2, deps2)).toBe(false);
  });

  it('never takes over another org\'s job by its id, with or without a runner', async () => {
    const { db, save } = setup();
    await save(newJob('ob-1', 'acme'), 'runner-a', 1);
    expect(await save(newJob('ob-1', 'other'), 'runner-a', 1)).toEqual({ saved: false, why: 'other-org' });
    expect(await save(newJob('ob-1', 'other'), null, 2)).toEqual({ saved: false, why: 'other-org' });
    expect((await latestOffboardJob(await db(), 'acme'))?.id).toBe('ob-1');
    expect(await latestOffboardJob(await db(), 'other')).toBeNull();
  });

  it('forgets the org\'s old finished jobs, never an unfinished one nor the one kept', async () => {
    const { db, save } = setup();
    const old = T0 - 40 * 86_400_000;
    await save({ ...newJob('done-old', 'acme', old), status: 'done' }, null, 1);
    await save({ ...newJob('paused-old', 'acme', old), status: 'paused' }, null, 1);
    await save({ ...newJob('done-other-org', 'other', old), status: 'done' }, null, 1);
    await save(newJob('new', 'acme'), null, 1);
    await pruneOffboardJobs(await db(), 'acme', T0 - 30 * 86_400_000, 'new');
    expect((await (await db()).getAllKeys('offboardJobs')).sort()).toEqual(['done-other-org', 'new', 'paused-old']);
  });
});
