// @vitest-environment node
/** The background's invite-job messages: a job saved in steps reads back whole, per org, checked. */
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createBackgroundHandler } from '../background-handler';
import { openAdminLensDb } from '../storage/db';
import { createJob, markBatchSent, startBatch, type InviteJob } from './job';
import { changedRows, splitJob } from './job-schema';
import { parseInviteCsv } from './parse';
import { planBatches } from './plan';
import { demoSnapshot } from './test-fixture';
import { validateInvites } from './validate';

const OWN_ID = 'abcdefghijklmnopabcdefghijklmnop';
const contentScript = { id: OWN_ID, url: 'https://app.amplitude.com/analytics/demo-org/settings/members', tab: { id: 1 } };
const otherOrgPage = { id: OWN_ID, url: 'https://app.amplitude.com/analytics/solo-org/settings/members', tab: { id: 3 } };

function handler(openTabs: Set<number> = new Set([1, 2]), now: () => number = Date.now, factory = new IDBFactory()) {
  let db: ReturnType<typeof openAdminLensDb> | undefined;
  return createBackgroundHandler({
    ownId: OWN_ID,
    ownOrigin: `chrome-extension://${OWN_ID}`,
    version: '1',
    db: () => (db ??= openAdminLensDb(factory)),
    tabExists: async (id) => openTabs.has(id),
    now,
  });
}

function job(id: string, orgUrl = 'demo-org', now = '2026-11-29T10:00:00.000Z'): InviteJob {
  const parsed = parseInviteCsv('email,team,projects\nnew.one@example.com,Engineering,iOS App:Viewer\nnew.two@example.com,Product,iOS App:Viewer\nmaya.okafor@lumenfield.example,Engineering,iOS App:Viewer\n');
  const result = validateInvites(parsed, demoSnapshot());
  return createJob({ id, orgUrl, now, headers: parsed.headers, rows: result.rows, plan: planBatches(result.rows) });
}

const save = (handle: ReturnType<typeof handler>, previous: InviteJob | null, next: InviteJob, sender = contentScript) =>
  handle({ type: 'invite-job-save', meta: splitJob(next).meta, rows: changedRows(previous, next) }, sender);

describe('invite job messages', () => {
  it('stores the header and the changed rows, and reads the job back whole', async () => {
    const handle = handler();
    const first = job('j1');
    expect(await save(handle, null, first)).toEqual({ ok: true, result: { saved: 3 } });
    const started = startBatch(first, 'b1', '2026-11-29T10:00:01.000Z');
    expect(await save(handle, first, started)).toEqual({ ok: true, result: { saved: 2 } });
    const sent = markBatchSent(started, 'b1', '2026-11-29T10:00:02.000Z');
    await save(handle, started, sent);
    const read = await handle({ type: 'invite-job-get', jobId: 'j1' }, contentScript);
    expect(read).toEqual({ ok: true, result: sent });
    expect(await handle({ type: 'invite-job-get', jobId: 'nope' }, contentScript)).toEqual({ ok: true, result: null });
  });

  it('offers the newest job of the page\'s org only', async () => {
    const handle = handler();
    await save(handle, null, job('old', 'demo-org', '2026-11-28T10:00:00.000Z'));
    await save(handle, null, job('new', 'demo-org', '2026-11-29T10:00:00.000Z'));
    await save(handle, null, job('other', 'solo-org', '2026-11-30T10:00:00.000Z'), otherOrgPage);
    const latest = await handle({ type: 'invite-job-latest', orgUrl: 'demo-org' }, contentScript);
    expect(latest.ok && (latest.result as { job: InviteJob }).job.id).toBe('new');
    expect(await handle({ type: 'invite-job-latest', orgUrl: 'solo-org' }, otherOrgPage)).toMatchObject({ ok: true, result: { job: { id: 'other' } } });
    expect(await handle({ type: 'invite-job-latest', orgUrl: 'nobody' }, { ...contentScript, url: 'https://app.amplitude.com/analytics/nobody/settings/members' })).toEqual({ ok: true, result: null });
  });

  it('a page reaches only its own org\'s jobs: another org\'s is neither offered, read nor overwritten', async () => {
    const handle = handler();
    await save(handle, null, job('theirs', 'solo-org'), otherOrgPage);
    const refused = { ok: false, error: { code: 'forbidden-request' } };
    expect(await handle({ type: 'invite-job-latest', orgUrl: 'solo-org' }, contentScript)).toMatchObject(refused);
    expect(await handle({ type: 'invite-job-get', jobId: 'theirs' }, contentScript)).toMatchObject(refused);
    // Saved under its own id with this page's org: refused, the job stays theirs.
    expect(await save(handle, null, job('theirs', 'demo-org'))).toMatchObject(refused);
    expect(await save(handle, null, job('mine', 'solo-org'))).toMatchObject(refused);
    expect(await handle({ type: 'invite-job-get', jobId: 'theirs' }, otherOrgPage)).toMatchObject({ ok: true, result: { id: 'theirs', orgUrl: 'solo-org' } });
  });

  it('refuses a row in an impossible state, naming the field', async () => {
    const handle = handler();
    const { meta, rows } = splitJob(job('j2'));
    const bad = { ...rows[0]!, state: { kind: 'teleported' } };
    const answer = await handle({ type: 'invite-job-save', meta, rows: [bad] }, contentScript);
    expect(answer.ok).toBe(false);
    expect(!answer.ok && answer.error.code).toBe('invalid-message');
    expect(!answer.ok && answer.error.message).toMatch(/rows/);
  });

  it('lets one tab run a job: a second tab is refused and told it runs elsewhere, until the first lets go or closes', async () => {
    const tabs = new Set([1, 2]);
    const handle = handler(tabs);
    const otherTab = { ...contentScript, tab: { id: 2 } };
    const first = job('j3');
    const { meta, rows } = splitJob(first);
    expect(await handle({ type: 'invite-job-save', meta, rows, runnerId: 'runner-a' }, contentScript)).toEqual({ ok: true, result: { saved: 3 } });
    const refused = await handle({ type: 'invite-job-save', meta, rows, runnerId: 'runner-b' }, otherTab);
    expect(refused).toEqual({ ok: false, error: { code: 'held-elsewhere', message: 'This bulk invite is running in another tab; it goes on there.' } });
    expect(await handle({ type: 'invite-job-latest', orgUrl: 'demo-org' }, otherTab)).toMatchObject({ ok: true, result: { runningElsewhere: true } });
    expect(await handle({ type: 'invite-job-latest', orgUrl: 'demo-org' }, contentScript)).toMatchObject({ ok: true, result: { runningElsewhere: false } });

    await handle({ type: 'invite-job-release', jobId: 'j3', runnerId: 'runner-a' }, contentScript);
    expect(await handle({ type: 'invite-job-latest', orgUrl: 'demo-org' }, otherTab)).toMatchObject({ ok: true, result: { runningElsewhere: false } });
    expect(await handle({ type: 'invite-job-save', meta, rows: [], runnerId: 'runner-b' }, otherTab)).toMatchObject({ ok: true });

    // b's tab closes mid-run: a (tab 1) may take the job back.
    tabs.delete(2);
    expect(await handle({ type: 'invite-job-save', meta, rows: [], runnerId: 'runner-a' }, contentScript)).toMatchObject({ ok: true });
  });

  it('the lease outlives the service worker: a restarted background still refuses a second tab, and answers the holder\'s heartbeat', async () => {
    const factory = new IDBFactory();
    const otherTab = { ...contentScript, tab: { id: 2 } };
    const first = job('j4');
    const { meta, rows } = splitJob(first);
    expect(await handler(new Set([1, 2]), Date.now, factory)({ type: 'invite-job-save', meta, rows, runnerId: 'runner-a' }, contentScript)).toMatchObject({ ok: true });
    // The worker was stopped; a new one starts on the same database.
    const restarted = handler(new Set([1, 2]), Date.now, factory);
    expect(await restarted({ type: 'invite-job-latest', orgUrl: 'demo-org' }, otherTab)).toMatchObject({ ok: true, result: { runningElsewhere: true } });
    expect(await restarted({ type: 'invite-job-heartbeat', jobId: 'j4', runnerId: 'runner-b' }, otherTab)).toMatchObject({ ok: false, error: { code: 'held-elsewhere' } });
    expect(await restarted({ type: 'invite-job-heartbeat', jobId: 'j4', runnerId: 'runner-a' }, contentScript)).toEqual({ ok: true, result: { renewed: true } });
    expect(await restarted({ type: 'invite-job-save', meta, rows: [], runnerId: 'runner-a' }, contentScript)).toMatchObject({ ok: true });
  });

  it('forgets jobs not updated for 30 days (hourly, and when a new job starts), finished or not, unless one runs now', async () => {
    let now = Date.parse('2026-10-01T11:00:00.000Z');
    const handle = handler(new Set([1, 2]), () => now);
    const old = job('old-done');
    await save(handle, null, { ...old, status: 'done', updatedAt: '2026-10-01T10:00:00.000Z' });
    await save(handle, null, { ...job('old-paused'), status: 'paused', updatedAt: '2026-10-01T10:00:00.000Z' });
    await save(handle, null, { ...job('recent-done'), status: 'done', updatedAt: '2026-11-20T10:00:00.000Z' });
    now = Date.parse('2026-11-29T12:00:00.000Z');
    // A run in another tab holds a job whose header is as old: it is running, so it stays.
    const running = { ...job('old-running'), status: 'running' as const, updatedAt: '2026-10-01T10:00:00.000Z' };
    await handle({ type: 'invite-job-save', meta: splitJob(running).meta, rows: splitJob(running).rows, runnerId: 'runner-elsewhere' }, { ...contentScript, tab: { id: 2 } });
    await save(handle, null, job('new'));
    const get = (jobId: string) => handle({ type: 'invite-job-get', jobId }, contentScript);
    expect(await get('old-done')).toEqual({ ok: true, result: null });
    expect(await get('old-paused')).toEqual({ ok: true, result: null });
    expect(await get('old-running')).toMatchObject({ ok: true, result: { id: 'old-running' } });
    expect(await get('recent-done')).toMatchObject({ ok: true, result: { id: 'recent-done' } });
    expect(await get('new')).toMatchObject({ ok: true, result: { id: 'new' } });
  });
});
