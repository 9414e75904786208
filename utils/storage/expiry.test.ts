// @vitest-environment node
/** Personal data expires, an older snapshot never replaces a newer one, and "Delete all" empties everything. */
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { createBackgroundHandler } from '../background-handler';
import { buildSnapshot } from '../access/test-snapshot';
import { PENDING_OUTCOME, type AuditEntry } from '../audit/entry';
import { openAdminLensDb } from './db';
import { DAY_MS, retentionCutoff, type RetentionPolicy } from './expiry';

const OWN_ID = 'abcdefghijklmnopabcdefghijklmnop';
const options = { id: OWN_ID, url: `chrome-extension://${OWN_ID}/options.html` };
const acme = { id: OWN_ID, url: 'https://app.amplitude.com/analytics/acme/settings/members', tab: { id: 1 } };
const ACME = 'https://app.amplitude.com|acme';
const T0 = Date.parse('2026-11-01T10:00:00.000Z');

function setup(policy: RetentionPolicy = { auditDays: 365, snapshotDays: 30 }) {
  const factory = new IDBFactory();
  const clock = { now: T0 };
  let db: ReturnType<typeof openAdminLensDb> | undefined;
  const clearStorage = vi.fn(async () => ['local', 'session', 'sync']);
  const deps = {
    ownId: OWN_ID,
    ownOrigin: `chrome-extension://${OWN_ID}`,
    version: '1',
    db: () => (db ??= openAdminLensDb(factory)),
    retention: async () => policy,
    clearStorage,
    now: () => clock.now,
  };
  // A second handler on the same database: another worker's life (its memory empty).
  return { clock, handle: createBackgroundHandler(deps), nextWorker: () => createBackgroundHandler(deps), raw: () => deps.db(), clearStorage };
}

const snapshot = (readAt: number, name = 'Acme') => {
  const built = buildSnapshot({ readAt: new Date(readAt).toISOString(), viewerMay: { invite: true, remove: true } });
  return { ...built, org: { ...built.org, name } };
};

const entry = (at: number): AuditEntry => ({
  at,
  org: { url: 'acme', name: 'Acme' },
  by: { name: 'Ada', email: 'ada@acme.example' },
  people: [{ name: 'Olga', email: 'olga@acme.example', memberId: 'u-2', access: 'Viewer', orgRole: 'user', content: { charts: 0, dashboards: 0, cohorts: 0, notebooks: 0 } }],
  transferTo: null,
  decision: 'passed',
  warnings: [],
  dataAsOf: null,
  outcome: PENDING_OUTCOME,
});

describe('retention cutoff', () => {
  it('is the oldest time kept, or null when everything is kept', () => {
    expect(retentionCutoff(null, 1000)).toBeNull();
    expect(retentionCutoff(0, 1000)).toBeNull();
    expect(retentionCutoff(1, 2 * DAY_MS)).toBe(DAY_MS);
  });
});

describe('a slower tab never overwrites a newer snapshot', () => {
  it('an older read put after a newer one is not stored, in this worker or the next', async () => {
    const { handle, nextWorker } = setup();
    const newer = snapshot(T0, 'Newer');
    const older = snapshot(T0 - 60_000, 'Older');
    expect(await handle({ type: 'snapshot-put', orgKey: ACME, snapshot: newer }, acme)).toEqual({ ok: true, result: { stored: true } });
    expect(await handle({ type: 'snapshot-put', orgKey: ACME, snapshot: older }, acme)).toEqual({ ok: true, result: { stored: false } });
    expect(await handle({ type: 'snapshot-get', orgKey: ACME }, acme)).toMatchObject({ ok: true, result: { snapshot: { org: { name: 'Newer' } } } });
    // A new worker knows nothing in memory: the store's own times decide.
    const next = nextWorker();
    expect(await next({ type: 'snapshot-put', orgKey: ACME, snapshot: older }, acme)).toEqual({ ok: true, result: { stored: false } });
    expect(await next({ type: 'snapshot-get', orgKey: ACME }, acme)).toMatchObject({ ok: true, result: { snapshot: { org: { name: 'Newer' } } } });
    // A later read replaces it, as always; another org's newer snapshot is no reason to refuse.
    await next({ type: 'snapshot-put', orgKey: 'https://app.amplitude.com|globex', snapshot: snapshot(T0 + 120_000, 'Globex') }, options);
    expect(await next({ type: 'snapshot-put', orgKey: ACME, snapshot: snapshot(T0 + 60_000, 'Latest') }, acme)).toEqual({ ok: true, result: { stored: true } });
    expect(await next({ type: 'snapshot-get', orgKey: ACME }, options)).toMatchObject({ ok: true, result: { snapshot: { org: { name: 'Latest' } } } });
  });
});

describe('expiry', () => {
  it('a snapshot past its retention is not shown and is deleted; the other orgs\' go in the next sweep', async () => {
    const { clock, handle, nextWorker, raw } = setup({ auditDays: 365, snapshotDays: 30 });
    await handle({ type: 'snapshot-put', orgKey: ACME, snapshot: snapshot(T0) }, acme);
    await handle({ type: 'snapshot-put', orgKey: 'https://app.amplitude.com|globex', snapshot: snapshot(T0) }, options);
    await handle({ type: 'snapshot-put', orgKey: 'https://app.amplitude.com|fresh', snapshot: snapshot(T0 + 20 * DAY_MS) }, options);
    clock.now = T0 + 29 * DAY_MS;
    expect(await handle({ type: 'snapshot-get', orgKey: ACME }, acme)).toMatchObject({ ok: true, result: { readAt: T0 } });
    clock.now = T0 + 31 * DAY_MS;
    // Even the worker's memory copy is past its time.
    expect(await handle({ type: 'snapshot-get', orgKey: ACME }, acme)).toEqual({ ok: true, result: null });
    // The next worker's first request sweeps: globex (never asked for) is gone, the recent one stays.
    await nextWorker()({ type: 'ping' }, options);
    await nextWorker()({ type: 'audit-list' }, options);
    expect((await (await raw()).getAllKeys('snapshots')).sort()).toEqual(['https://app.amplitude.com|fresh']);
  });

  it('the audit log keeps entries for its retention (a year by default) and everything only when chosen', async () => {
    const kept = setup({ auditDays: null, snapshotDays: 30 });
    await kept.handle({ type: 'audit-append', entry: entry(T0 - 800 * DAY_MS) }, acme);
    await kept.handle({ type: 'audit-append', entry: entry(T0) }, acme);
    expect(await kept.handle({ type: 'audit-list' }, options)).toMatchObject({ ok: true, result: { entries: [{ at: T0 }, { at: T0 - 800 * DAY_MS }] } });

    const year = setup();
    await year.handle({ type: 'audit-append', entry: entry(T0 - 400 * DAY_MS) }, acme);
    await year.handle({ type: 'audit-append', entry: entry(T0 - 300 * DAY_MS) }, acme);
    // Without any new removal, the sweep of a later worker applies the retention too.
    year.clock.now = T0 + 100 * DAY_MS;
    expect(await year.nextWorker()({ type: 'audit-list' }, options)).toMatchObject({ ok: true, result: { entries: [] } });
  });
});

describe('delete all data', () => {
  it('empties every store, forgets the worker\'s copy and clears the storage areas', async () => {
    const { handle, raw, clearStorage } = setup();
    await handle({ type: 'snapshot-put', orgKey: ACME, snapshot: snapshot(T0) }, acme);
    await handle({ type: 'audit-append', entry: entry(T0) }, acme);
    expect(await handle({ type: 'data-delete-all' }, options)).toEqual({
      ok: true,
      result: { stores: expect.arrayContaining(['audit', 'inviteJobs', 'inviteRows', 'snapshots']), areas: ['local', 'session', 'sync'] },
    });
    expect(clearStorage).toHaveBeenCalledOnce();
    const db = await raw();
    for (const store of db.objectStoreNames) expect(await db.count(store), store).toBe(0);
    expect(await handle({ type: 'snapshot-get', orgKey: ACME }, acme)).toEqual({ ok: true, result: null });
  });
});
