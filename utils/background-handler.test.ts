// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createBackgroundHandler } from './background-handler';
import { openAdminLensDb } from './storage/db';
import { ALL_READ } from './access/model';
import { buildSnapshot } from './access/test-snapshot';

const OWN_ID = 'abcdefghijklmnopabcdefghijklmnop';
const OWN_ORIGIN = `chrome-extension://${OWN_ID}`;
const handle = createBackgroundHandler({ ownId: OWN_ID, ownOrigin: OWN_ORIGIN, version: '1.2.3', db: () => openAdminLensDb() });
const popup = { id: OWN_ID, url: `${OWN_ORIGIN}/popup.html` };
const contentScript = { id: OWN_ID, url: 'https://app.amplitude.com/analytics/acme/settings/members', tab: { id: 1 } };

describe('background handler', () => {
  it('answers a valid request from our popup and from our content script', async () => {
    expect(await handle({ type: 'ping' }, popup)).toEqual({ ok: true, result: { version: '1.2.3' } });
    expect(await handle({ type: 'ping' }, contentScript)).toEqual({ ok: true, result: { version: '1.2.3' } });
  });

  it.each([
    ['another extension', { id: 'someone-else', url: 'chrome-extension://someone-else/x.html' }],
    ['our id on a foreign page', { id: OWN_ID, url: 'https://evil.example/amplitude', tab: { id: 2 } }],
    ['an Amplitude page without a tab', { id: OWN_ID, url: 'https://app.amplitude.com/x' }],
    ['no url', { id: OWN_ID }],
  ])('refuses %s', async (_label, sender) => {
    const response = await handle({ type: 'ping' }, sender);
    expect(response).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
  });

  it.each([
    [null, 'invalid-message', 'must be an object'],
    ['ping', 'invalid-message', 'must be an object'],
    [{}, 'invalid-message', 'no string "type"'],
    [{ type: 'delete-everything' }, 'unknown-type', 'Unknown message type "delete-everything"'],
    [{ type: 'ping', extra: 1 }, 'invalid-message', 'Malformed "ping" message'],
  ])('rejects the malformed message %j and names the problem', async (message, code, text) => {
    const response = await handle(message, popup);
    expect(response.ok).toBe(false);
    if (response.ok) return;
    expect(response.error.code).toBe(code);
    expect(response.error.message).toContain(text);
  });

  it('opens the versioned database with every store', async () => {
    const response = await handle({ type: 'db-info' }, popup);
    expect(response).toEqual({
      ok: true,
      result: { name: 'admin-lens', version: 4, stores: ['audit', 'emailChanges', 'inviteJobs', 'inviteRows', 'offboardJobs', 'snapshots'] },
    });
  });
});

describe('offboarding jobs', () => {
  const job = (id: string, orgUrl = 'acme') => ({
    id,
    orgUrl,
    createdAt: '2026-12-01T10:00:00.000Z',
    updatedAt: '2026-12-01T10:00:00.000Z',
    status: 'running',
    rows: [{ row: 1, email: 'a@x.io', transferTo: '', reason: '', name: 'A', memberId: 'u-9', action: 'no-content', recipient: null, content: null, state: { kind: 'queued' } }],
    steps: [{ id: 1, view: 'joined', recipient: null, emails: ['a@x.io'], acknowledged: false, state: 'queued', before: null }],
  });

  it('keeps the newest job of the page\'s own org, and refuses another org\'s', async () => {
    expect(await handle({ type: 'offboard-job-save', job: job('ob-1') }, contentScript)).toEqual({ ok: true, result: { saved: true } });
    const removing = { ...job('ob-1'), rows: [{ ...job('ob-1').rows[0], state: { kind: 'removing', at: 'now' } }] };
    await handle({ type: 'offboard-job-save', job: removing }, contentScript);
    const latest = await handle({ type: 'offboard-job-latest', orgUrl: 'acme' }, contentScript);
    expect(latest).toMatchObject({ ok: true, result: { job: { id: 'ob-1', rows: [{ state: { kind: 'removing' } }] }, runningElsewhere: false } });
    expect(await handle({ type: 'offboard-job-save', job: job('ob-2', 'other') }, contentScript)).toMatchObject({ ok: false, error: { code: 'forbidden-request' } });
    expect(await handle({ type: 'offboard-job-latest', orgUrl: 'other' }, contentScript)).toMatchObject({ ok: false });
    expect(await handle({ type: 'offboard-job-save', job: { ...job('ob-3'), status: 'exploded' } }, contentScript)).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
  });
});

describe('offboarding jobs, one runner per job', () => {
  const job = (id: string, orgUrl = 'acme') => ({
    id,
    orgUrl,
    createdAt: '2026-12-01T10:00:00.000Z',
    updatedAt: '2026-12-01T10:00:00.000Z',
    status: 'running',
    rows: [{ row: 1, email: 'a@x.io', transferTo: '', reason: '', name: 'A', memberId: 'u-9', action: 'no-content', recipient: null, content: null, state: { kind: 'queued' } }],
    steps: [{ id: 1, view: 'joined', recipient: null, emails: ['a@x.io'], acknowledged: false, state: 'queued', before: null }],
  });
  const tab = (id: number, org = 'acme') => ({ id: OWN_ID, url: `https://app.amplitude.com/analytics/${org}/settings/members`, tab: { id } });

  it('a second tab\'s runner is refused while the first holds the job, and that tab is told it runs elsewhere; a release frees it', async () => {
    expect(await handle({ type: 'offboard-job-save', job: job('lease-1'), runnerId: 'runner-a' }, tab(11))).toEqual({ ok: true, result: { saved: true } });
    expect(await handle({ type: 'offboard-job-save', job: job('lease-1'), runnerId: 'runner-b' }, tab(12))).toMatchObject({ ok: false, error: { code: 'held-elsewhere', message: expect.stringContaining('another tab') } });
    expect(await handle({ type: 'offboard-job-heartbeat', jobId: 'lease-1', runnerId: 'runner-b' }, tab(12))).toMatchObject({ ok: false, error: { code: 'held-elsewhere' } });
    expect(await handle({ type: 'offboard-job-heartbeat', jobId: 'lease-1', runnerId: 'runner-a' }, tab(11))).toEqual({ ok: true, result: { renewed: true } });
    expect(await handle({ type: 'offboard-job-latest', orgUrl: 'acme' }, tab(12))).toMatchObject({ ok: true, result: { job: { id: 'lease-1' }, runningElsewhere: true } });
    expect(await handle({ type: 'offboard-job-latest', orgUrl: 'acme' }, tab(11))).toMatchObject({ ok: true, result: { runningElsewhere: false } });
    // Only the holder lets go.
    await handle({ type: 'offboard-job-release', jobId: 'lease-1', runnerId: 'runner-b' }, tab(12));
    expect(await handle({ type: 'offboard-job-latest', orgUrl: 'acme' }, tab(12))).toMatchObject({ ok: true, result: { runningElsewhere: true } });
    expect(await handle({ type: 'offboard-job-release', jobId: 'lease-1', runnerId: 'runner-a' }, tab(11))).toEqual({ ok: true, result: { released: true } });
    expect(await handle({ type: 'offboard-job-latest', orgUrl: 'acme' }, tab(12))).toMatchObject({ ok: true, result: { runningElsewhere: false } });
    expect(await handle({ type: 'offboard-job-save', job: job('lease-1'), runnerId: 'runner-b' }, tab(12))).toEqual({ ok: true, result: { saved: true } });
  });

  it('checks the sender and the shape: another org\'s page may not renew the job, a foreign sender nothing, a malformed message is refused', async () => {
    await handle({ type: 'offboard-job-save', job: job('lease-2', 'beta'), runnerId: 'runner-a' }, tab(21, 'beta'));
    expect(await handle({ type: 'offboard-job-heartbeat', jobId: 'lease-2', runnerId: 'runner-a' }, tab(21, 'acme'))).toMatchObject({ ok: false, error: { code: 'forbidden-request' } });
    expect(await handle({ type: 'offboard-job-release', jobId: 'lease-2', runnerId: 'runner-a' }, { id: 'someone-else', url: 'chrome-extension://someone-else/x.html' })).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(await handle({ type: 'offboard-job-heartbeat', jobId: 'lease-2' }, tab(21, 'beta'))).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    expect(await handle({ type: 'offboard-job-save', job: job('lease-2', 'beta'), runnerId: '' }, tab(21, 'beta'))).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    // Still held by its runner: nothing above changed it.
    expect(await handle({ type: 'offboard-job-latest', orgUrl: 'beta' }, tab(22, 'beta'))).toMatchObject({ ok: true, result: { job: { id: 'lease-2' }, runningElsewhere: true } });
  });
});

describe('snapshot cache', () => {
  const snapshot = {
    org: { id: 7, url: 'acme', name: 'Acme', projectLevelPermissions: true, rbac: false },
    viewerId: 'u1',
    viewerMay: { invite: true, remove: true },
    projects: [{ id: 'p1', name: 'Web' }],
    teams: [],
    teamSpaces: [],
    members: [],
    groups: [],
    pieces: ALL_READ,
    readAt: '2026-11-29T10:42:00.000Z',
  };

  it('stores the last snapshot per org and returns it with its time', async () => {
    expect(await handle({ type: 'snapshot-get', orgKey: 'https://app.amplitude.com|acme' }, contentScript)).toEqual({ ok: true, result: null });
    expect(await handle({ type: 'snapshot-put', orgKey: 'https://app.amplitude.com|acme', snapshot }, contentScript)).toEqual({ ok: true, result: { stored: true } });
    expect(await handle({ type: 'snapshot-get', orgKey: 'https://app.amplitude.com|acme' }, contentScript)).toEqual({
      ok: true,
      result: { readAt: Date.parse(snapshot.readAt), snapshot },
    });
  });

  it('refuses a snapshot that does not fit the model, naming the field', async () => {
    const broken = { ...snapshot, projects: [{ id: 'p1' }] };
    const response = await handle({ type: 'snapshot-put', orgKey: 'k', snapshot: broken }, contentScript);
    expect(response).toMatchObject({ ok: false, error: { code: 'invalid-message', message: expect.stringContaining('projects') } });
  });
});

describe('snapshot cache versions', () => {
  it('re-checks a snapshot stored by another version and drops it when it no longer fits', async () => {
    const db = await openAdminLensDb();
    await db.put('snapshots', { orgKey: 'old', readAt: 1, snapshot: { org: 'not an org' } });
    expect(await handle({ type: 'snapshot-get', orgKey: 'old' }, popup)).toEqual({ ok: true, result: null });
  });
});

describe('snapshot cache in memory', () => {
  it('answers the last snapshot put from memory, and a newer put replaces it', async () => {
    const own = createBackgroundHandler({ ownId: OWN_ID, ownOrigin: OWN_ORIGIN, version: '1.2.3', db: () => openAdminLensDb() });
    const base = { org: { id: 7, url: 'acme', name: 'Acme', projectLevelPermissions: true, rbac: false }, viewerId: 'u1', viewerMay: { invite: true, remove: true }, pieces: ALL_READ, projects: [], teams: [], teamSpaces: [], members: [], groups: [] };
    const first = { ...base, readAt: '2026-11-29T10:42:00.000Z' };
    const second = { ...base, readAt: '2026-11-29T10:50:00.000Z' };
    await own({ type: 'snapshot-put', orgKey: 'mem|acme', snapshot: first }, popup);
    // The store is emptied behind the handler's back: the answer comes from memory.
    await (await openAdminLensDb()).delete('snapshots', 'mem|acme');
    expect(await own({ type: 'snapshot-get', orgKey: 'mem|acme' }, popup)).toEqual({ ok: true, result: { readAt: Date.parse(first.readAt), snapshot: first } });
    await own({ type: 'snapshot-put', orgKey: 'mem|acme', snapshot: second }, popup);
    expect(await own({ type: 'snapshot-get', orgKey: 'mem|acme' }, popup)).toEqual({ ok: true, result: { readAt: Date.parse(second.readAt), snapshot: second } });
    // Another org is still read from the store.
    expect(await own({ type: 'snapshot-get', orgKey: 'mem|other' }, popup)).toEqual({ ok: true, result: null });
  });
});

describe('a snapshot sent as JSON text', () => {
  it('is stored like the object, and text that is not a snapshot is refused with the field', async () => {
    const handle = createBackgroundHandler({ ownId: OWN_ID, ownOrigin: OWN_ORIGIN, version: '1.2.3', db: () => openAdminLensDb() });
    const snapshot = buildSnapshot({ readAt: '2026-11-30T10:00:00.000Z', members: { ann: { roles: { p1: 'viewer' } } } });
    expect(await handle({ type: 'snapshot-put', orgKey: 'json|acme', snapshot: JSON.stringify(snapshot) }, popup)).toEqual({ ok: true, result: { stored: true } });
    expect(await handle({ type: 'snapshot-get', orgKey: 'json|acme' }, popup)).toEqual({ ok: true, result: { readAt: Date.parse(snapshot.readAt), snapshot } });
    expect(await handle({ type: 'snapshot-put', orgKey: 'json|acme', snapshot: '{"org": 1' }, popup)).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    expect(await handle({ type: 'snapshot-put', orgKey: 'json|acme', snapshot: JSON.stringify({ ...snapshot, projects: [{ id: 'p1' }] }) }, popup)).toMatchObject({
      ok: false,
      error: { code: 'invalid-message', message: expect.stringContaining('projects') },
    });
  });
});
