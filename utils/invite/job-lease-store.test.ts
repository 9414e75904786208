// @vitest-environment node
/** The durable lease: stored with the job, claimed atomically, renewed, stale, across worker restarts. */
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openAdminLensDb } from '../storage/db';
import { createJob, startBatch, type InviteJob } from './job';
import { LEASE_HEARTBEAT_MS, LEASE_STALE_MS } from '../jobs/job-lease';
import { jobRunningElsewhere, releaseJobLease, renewJobLease, saveJobStep, type LeaseDeps } from './job-lease-store';
import { splitJob } from './job-schema';
import { parseInviteCsv } from './parse';
import { planBatches } from './plan';
import { demoSnapshot } from './test-fixture';
import { validateInvites } from './validate';

function newJob(id = 'j'): InviteJob {
  const parsed = parseInviteCsv('email,team,projects\nnew.one@example.com,Engineering,iOS App:Viewer\nnew.two@example.com,Product,iOS App:Viewer\n');
  const result = validateInvites(parsed, demoSnapshot());
  return createJob({ id, orgUrl: 'demo-org', now: new Date(1_000_000).toISOString(), headers: parsed.headers, rows: result.rows, plan: planBatches(result.rows) });
}

function setup() {
  const factory = new IDBFactory();
  let now = 1_000_000;
  const open = new Set([1, 2, 3]);
  const deps: LeaseDeps = { now: () => now, tabExists: async (tabId) => open.has(tabId) };
  // Each call opens the database anew, as a restarted service worker would.
  const db = () => openAdminLensDb(factory);
  const save = async (job: InviteJob, runnerId: string | null, tabId: number) =>
    (await saveJobStep(await db(), { ...splitJob(job), rows: job.rows }, runnerId ? { runnerId, tabId } : null, deps)).saved;
  return { db, deps, open, save, advance: (ms: number) => (now += ms), at: (ms: number) => (now = ms) };
}

describe('job lease, stored with the job', () => {
  it('runners in three tabs claiming the same job at once: exactly one wins', async () => {
    const { save } = setup();
    const job = newJob();
    const results = await Promise.all([save(job, 'runner-a', 1), save(job, 'runner-b', 2), save(job, 'runner-c', 3)]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('is kept by the database, not the worker: after a restart a second tab is still refused and told it runs elsewhere', async () => {
    const { db, deps, save } = setup();
    const job = newJob();
    expect(await save(job, 'runner-a', 1)).toBe(true);
    // A fresh connection (the worker was stopped and started again).
    expect(await jobRunningElsewhere(await db(), job.id, 2, deps)).toBe(true);
    expect(await save(job, 'runner-b', 2)).toBe(false);
    expect(await jobRunningElsewhere(await db(), job.id, 1, deps)).toBe(false); // its own tab
  });

  it('a refused claim writes nothing', async () => {
    const { db, save } = setup();
    const job = newJob();
    await save(job, 'runner-a', 1);
    const started = startBatch(job, job.batches[0]!.id, new Date(1_000_500).toISOString());
    expect(await save(started, 'runner-b', 2)).toBe(false);
    const rows = await (await db()).getAllFromIndex('inviteRows', 'byJob', job.id);
    expect(rows.map((row) => row.state)).toEqual(['queued', 'queued']);
  });

  it('the heartbeat keeps the lease fresh while the holder waits; without it the lease goes stale and another tab takes over', async () => {
    const { db, deps, save, advance } = setup();
    const job = newJob();
    await save(job, 'runner-a', 1);
    // A slow Send: no save for several stale periods, but a heartbeat every LEASE_HEARTBEAT_MS.
    for (let waited = 0; waited < 3 * LEASE_STALE_MS; waited += LEASE_HEARTBEAT_MS) {
      advance(LEASE_HEARTBEAT_MS);
      expect(await renewJobLease(await db(), job.id, { runnerId: 'runner-a', tabId: 1 }, deps)).toBe(true);
      expect(await save(job, 'runner-b', 2)).toBe(false);
    }
    // The holder goes quiet (its page froze).
    advance(LEASE_STALE_MS + 1);
    expect(await jobRunningElsewhere(await db(), job.id, 2, deps)).toBe(false);
    expect(await save(job, 'runner-b', 2)).toBe(true);
    // The old holder wakes up: its heartbeat and its saves are refused from now on.
    expect(await renewJobLease(await db(), job.id, { runnerId: 'runner-a', tabId: 1 }, deps)).toBe(false);
    expect(await save(job, 'runner-a', 1)).toBe(false);
  });

  it('a closed tab\'s lease is free at once; a released one too; a release by someone else changes nothing', async () => {
    const { db, deps, open, save } = setup();
    const job = newJob();
    await save(job, 'runner-a', 1);
    open.delete(1);
    expect(await jobRunningElsewhere(await db(), job.id, 2, deps)).toBe(false);
    expect(await save(job, 'runner-b', 2)).toBe(true);
    await releaseJobLease(await db(), job.id, 'runner-a');
    expect(await save(job, 'runner-c', 3)).toBe(false);
    await releaseJobLease(await db(), job.id, 'runner-b');
    expect(await save(job, 'runner-c', 3)).toBe(true);
  });

  it('a save without a runner keeps the lease as it was', async () => {
    const { save } = setup();
    const job = newJob();
    await save(job, 'runner-a', 1);
    expect(await save(job, null, 2)).toBe(true);
    expect(await save(job, 'runner-b', 2)).toBe(false);
  });

  it('a job with rows being sent and a recent update, but no lease, counts as running elsewhere until it has been quiet for a lease\'s time', async () => {
    const { db, deps, save, at } = setup();
    const job = newJob();
    const sending = startBatch(job, job.batches[0]!.id, new Date(2_000_000).toISOString());
    at(2_000_000);
    await save(sending, null, 1); // written without a lease (an older version, or its lease lost)
    at(2_000_000 + 5_000);
    expect(await jobRunningElsewhere(await db(), job.id, 2, deps)).toBe(true);
    expect(await save(sending, 'runner-b', 2)).toBe(false);
    at(2_000_000 + LEASE_STALE_MS + 1);
    expect(await jobRunningElsewhere(await db(), job.id, 2, deps)).toBe(false);
    expect(await save(sending, 'runner-b', 2)).toBe(true);
  });
});
