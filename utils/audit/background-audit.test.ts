// @vitest-environment node
/** The background's audit messages: append, update the outcome, list; retention on append. */
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createBackgroundHandler } from '../background-handler';
import { openAdminLensDb } from '../storage/db';
import { PENDING_OUTCOME, type AuditEntry } from './entry';

const OWN_ID = 'abcdefghijklmnopabcdefghijklmnop';
const page = { id: OWN_ID, url: `chrome-extension://${OWN_ID}/audit-log.html` };
const contentScript = { id: OWN_ID, url: 'https://app.amplitude.com/analytics/acme/settings/members', tab: { id: 1 } };
const DAY = 86_400_000;

function handlerWith(retention: number | null, now: number) {
  const factory = new IDBFactory();
  let db: ReturnType<typeof openAdminLensDb> | undefined;
  return createBackgroundHandler({
    ownId: OWN_ID,
    ownOrigin: `chrome-extension://${OWN_ID}`,
    version: '1',
    db: () => (db ??= openAdminLensDb(factory)),
    retention: async () => ({ auditDays: retention, snapshotDays: 30 }),
    now: () => now,
  });
}

const entry = (at: number, email = 'olga@acme.example'): AuditEntry => ({
  at,
  org: { url: 'acme', name: 'Acme' },
  by: { name: 'Ada', email: 'ada@acme.example' },
  people: [{ name: 'Olga', email, memberId: 'u-2', access: 'Viewer in 1 of 3 projects', orgRole: 'user', content: { charts: 1, dashboards: 0, cohorts: 0, notebooks: 0 } }],
  transferTo: null,
  decision: 'confirmed',
  warnings: [],
  dataAsOf: null,
  outcome: PENDING_OUTCOME,
});

describe('audit messages', () => {
  it('appends, updates the outcome and lists newest first', async () => {
    const handle = handlerWith(null, 10 * DAY);
    const first = await handle({ type: 'audit-append', entry: entry(1 * DAY) }, contentScript);
    const second = await handle({ type: 'audit-append', entry: entry(2 * DAY, 'b@acme.example') }, contentScript);
    expect(first).toEqual({ ok: true, result: { id: 1 } });
    expect(second).toEqual({ ok: true, result: { id: 2 } });
    const outcome = { status: 'gone' as const, checkedAt: 3 * DAY, detail: 'No longer in the org data.' };
    expect(await handle({ type: 'audit-update-outcome', id: 1, outcome }, contentScript)).toEqual({ ok: true, result: { updated: true } });
    expect(await handle({ type: 'audit-update-outcome', id: 99, outcome }, contentScript)).toEqual({ ok: true, result: { updated: false } });
    const listed = await handle({ type: 'audit-list' }, page);
    expect(listed).toMatchObject({ ok: true, result: { entries: [{ id: 2, outcome: PENDING_OUTCOME }, { id: 1, outcome }] } });
  });

  it('rejects malformed entries', async () => {
    const handle = handlerWith(null, 0);
    const bad = await handle({ type: 'audit-append', entry: { ...entry(1), people: 'everyone' } }, contentScript);
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
  });

  it('applies retention when appending, never dropping the new entry', async () => {
    const handle = handlerWith(30, 100 * DAY);
    await handle({ type: 'audit-append', entry: entry(10 * DAY) }, contentScript);
    await handle({ type: 'audit-append', entry: entry(80 * DAY) }, contentScript);
    // An entry whose own time is already past the cutoff (clock skew) is still kept.
    await handle({ type: 'audit-append', entry: entry(5 * DAY, 'late@acme.example') }, contentScript);
    const listed = await handle({ type: 'audit-list' }, page);
    expect(listed.ok && (listed.result as { entries: { id: number }[] }).entries.map((e) => e.id)).toEqual([2, 3]);
  });

  it('lists the entries of an org whose outcome is not known yet, under any of its names; a settled one is never overwritten by a later read', async () => {
    const handle = handlerWith(null, 10 * DAY);
    await handle({ type: 'audit-append', entry: entry(1 * DAY) }, contentScript);
    // Written under other names (another address form, another org): by an extension page, as a
    // content script may only write its own page's org.
    await handle({ type: 'audit-append', entry: { ...entry(2 * DAY, 'b@acme.example'), org: { url: 'org/42', name: 'Acme' } } }, page);
    await handle({ type: 'audit-append', entry: { ...entry(3 * DAY, 'c@other.example'), org: { url: 'other', name: 'Other' } } }, page);
    await handle({ type: 'audit-append', entry: entry(4 * DAY, 'd@acme.example') }, contentScript);
    const gone = { status: 'gone' as const, checkedAt: 5 * DAY, detail: 'No longer in the org data.' };
    await handle({ type: 'audit-update-outcome', id: 4, outcome: gone }, contentScript);

    const unsettled = await handle({ type: 'audit-unsettled', orgUrls: ['acme', 'org/42'] }, contentScript);
    expect(unsettled).toEqual({
      ok: true,
      result: {
        entries: [
          { id: 1, at: 1 * DAY, people: entry(1 * DAY).people },
          { id: 2, at: 2 * DAY, people: entry(2 * DAY, 'b@acme.example').people },
        ],
      },
    });

    const stillThere = { status: 'still-there' as const, checkedAt: 6 * DAY, detail: 'Still in the org data: d@acme.example.' };
    expect(await handle({ type: 'audit-update-outcome', id: 4, outcome: stillThere, onlyIfPending: true }, contentScript)).toEqual({ ok: true, result: { updated: false } });
    expect(await handle({ type: 'audit-update-outcome', id: 1, outcome: gone, onlyIfPending: true }, contentScript)).toEqual({ ok: true, result: { updated: true } });
    const listed = await handle({ type: 'audit-list' }, page);
    expect(listed).toMatchObject({ ok: true, result: { entries: [{ id: 4, outcome: gone }, { id: 3, outcome: PENDING_OUTCOME }, { id: 2 }, { id: 1, outcome: gone }] } });
    expect(await handle({ type: 'audit-unsettled', orgUrls: [] }, contentScript)).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    // A page asks only under its own address's name.
    expect(await handle({ type: 'audit-unsettled', orgUrls: ['other'] }, contentScript)).toMatchObject({ ok: false, error: { code: 'forbidden-request' } });
  });

  it('keeps email-change steps as their own kind, never among the removals to settle, and lists old removals as removals', async () => {
    const handle = handlerWith(null, 10 * DAY);
    const step = {
      kind: 'email-change' as const,
      at: 2 * DAY,
      org: { url: 'acme', name: 'Acme' },
      by: { name: 'Ada', email: 'ada@acme.example' },
      changeId: 'c-1',
      step: 'invited' as const,
      old: { name: 'Olga', email: 'olga@acme.example' },
      newEmail: 'olga.new@acme.example',
      detail: 'olga.new@acme.example is pending: invite verified',
    };
    await handle({ type: 'audit-append', entry: entry(1 * DAY) }, contentScript);
    expect(await handle({ type: 'audit-append', entry: step }, contentScript)).toEqual({ ok: true, result: { id: 2 } });
    // Another org's page may not write into this one's log; a step that is not one is refused.
    expect(await handle({ type: 'audit-append', entry: { ...step, org: { url: 'other', name: null } } }, contentScript)).toMatchObject({ ok: false, error: { code: 'forbidden-request' } });
    expect(await handle({ type: 'audit-append', entry: { ...step, step: 'half-done' } }, contentScript)).toMatchObject({ ok: false, error: { code: 'invalid-message' } });

    expect(await handle({ type: 'audit-unsettled', orgUrls: ['acme'] }, contentScript)).toMatchObject({ ok: true, result: { entries: [{ id: 1 }] } });
    const gone = { status: 'gone' as const, checkedAt: 3 * DAY, detail: 'No longer in the org data.' };
    expect(await handle({ type: 'audit-update-outcome', id: 2, outcome: gone }, contentScript)).toEqual({ ok: true, result: { updated: false } });
    const listed = await handle({ type: 'audit-list' }, page);
    expect(listed).toMatchObject({ ok: true, result: { entries: [{ id: 2, ...step }, { id: 1, kind: 'removal', people: [{ email: 'olga@acme.example' }] }] } });
  });
});
