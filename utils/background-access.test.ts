// @vitest-environment node
/** Least privilege: what a content script may ask the background, and for which org. */
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createBackgroundHandler } from './background-handler';
import { openAdminLensDb } from './storage/db';
import { buildSnapshot } from './access/test-snapshot';
import { PENDING_OUTCOME, type AuditEntry } from './audit/entry';
import { KNOWN_TYPES, REQUEST_SENDERS } from './messages';

const OWN_ID = 'abcdefghijklmnopabcdefghijklmnop';
const OWN_ORIGIN = `chrome-extension://${OWN_ID}`;
const auditPage = { id: OWN_ID, url: `${OWN_ORIGIN}/audit-log.html` };
const optionsInTab = { id: OWN_ID, url: `${OWN_ORIGIN}/options.html`, tab: { id: 9 } };
const acme = { id: OWN_ID, url: 'https://app.amplitude.com/analytics/acme/settings/members', tab: { id: 1 } };
const globex = { id: OWN_ID, url: 'https://app.amplitude.com/analytics/globex/settings/members', tab: { id: 2 } };
const ACME_KEY = 'https://app.amplitude.com|acme';

function handler() {
  const factory = new IDBFactory();
  let db: ReturnType<typeof openAdminLensDb> | undefined;
  return createBackgroundHandler({ ownId: OWN_ID, ownOrigin: OWN_ORIGIN, version: '1', db: () => (db ??= openAdminLensDb(factory)) });
}

const snapshot = (readAt = '2026-11-29T10:42:00.000Z') => buildSnapshot({ readAt, members: {}, viewerMay: { invite: true, remove: true } });

const entry = (orgUrl: string): AuditEntry => ({
  at: Date.now(),
  org: { url: orgUrl, name: orgUrl },
  by: { name: 'Ada', email: 'ada@acme.example' },
  people: [{ name: 'Olga', email: 'olga@acme.example', memberId: 'u-2', access: 'Viewer', orgRole: 'user', content: { charts: 0, dashboards: 0, cohorts: 0, notebooks: 0 } }],
  transferTo: null,
  decision: 'passed',
  warnings: [],
  dataAsOf: null,
  outcome: PENDING_OUTCOME,
});

const refused = { ok: false, error: { code: 'forbidden-request' } };

describe('who may ask what', () => {
  it('every request type says who may send it', () => {
    expect(Object.keys(REQUEST_SENDERS).sort()).toEqual([...KNOWN_TYPES].sort());
  });

  it('a content script cannot list the audit log, read the database info or delete everything; our pages can', async () => {
    const handle = handler();
    await handle({ type: 'audit-append', entry: entry('acme') }, acme);
    for (const type of ['audit-list', 'db-info', 'data-delete-all'] as const) {
      const answer = await handle({ type }, acme);
      expect(answer, type).toMatchObject(refused);
      if (!answer.ok) expect(answer.error.message).toContain(`"${type}" is answered for Admin Lens's own pages only`);
    }
    expect(await handle({ type: 'audit-list' }, auditPage)).toMatchObject({ ok: true, result: { entries: [{ org: { url: 'acme' } }] } });
    // An extension page opened in a tab is still our page.
    expect(await handle({ type: 'audit-list' }, optionsInTab)).toMatchObject({ ok: true });
  });

  it('a content script reads and writes only its own org\'s snapshot; our pages any', async () => {
    const handle = handler();
    expect(await handle({ type: 'snapshot-put', orgKey: ACME_KEY, snapshot: snapshot() }, acme)).toEqual({ ok: true, result: { stored: true } });
    expect(await handle({ type: 'snapshot-get', orgKey: ACME_KEY }, globex)).toMatchObject(refused);
    expect(await handle({ type: 'snapshot-put', orgKey: ACME_KEY, snapshot: snapshot('2026-11-30T10:00:00.000Z') }, globex)).toMatchObject(refused);
    // The same org on another origin (region) is another key.
    expect(await handle({ type: 'snapshot-get', orgKey: 'https://app.eu.amplitude.com|acme' }, acme)).toMatchObject(refused);
    expect(await handle({ type: 'snapshot-get', orgKey: ACME_KEY }, acme)).toMatchObject({ ok: true, result: { readAt: Date.parse('2026-11-29T10:42:00.000Z') } });
    expect(await handle({ type: 'snapshot-get', orgKey: ACME_KEY }, auditPage)).toMatchObject({ ok: true, result: { readAt: Date.parse('2026-11-29T10:42:00.000Z') } });
  });

  it('the org is the tab\'s: a page moved on within the org keeps its access, one moved to another org loses it', async () => {
    const handle = handler();
    const movedWithin = { ...acme, url: 'https://app.amplitude.com/analytics/acme/settings/members', tab: { id: 1, url: 'https://app.amplitude.com/analytics/acme/home' } };
    expect(await handle({ type: 'snapshot-get', orgKey: ACME_KEY }, movedWithin)).toEqual({ ok: true, result: null });
    const movedAway = { ...acme, tab: { id: 1, url: 'https://app.amplitude.com/analytics/globex/settings/members' } };
    expect(await handle({ type: 'snapshot-get', orgKey: ACME_KEY }, movedAway)).toMatchObject(refused);
    const numeric = { ...acme, url: 'https://app.amplitude.com/analytics/org/123/settings/members' };
    expect(await handle({ type: 'snapshot-get', orgKey: 'https://app.amplitude.com|org/123' }, numeric)).toEqual({ ok: true, result: null });
    const noOrg = { ...acme, url: 'https://app.amplitude.com/login' };
    expect(await handle({ type: 'snapshot-get', orgKey: ACME_KEY }, noOrg)).toMatchObject(refused);
    expect(await handle({ type: 'ping' }, noOrg)).toMatchObject({ ok: true });
  });

  it('a content script records and updates audit entries of its own org only', async () => {
    const handle = handler();
    expect(await handle({ type: 'audit-append', entry: entry('globex') }, acme)).toMatchObject(refused);
    const theirs = await handle({ type: 'audit-append', entry: entry('globex') }, globex);
    const id = theirs.ok ? (theirs.result as { id: number }).id : -1;
    const outcome = { status: 'gone' as const, checkedAt: 1, detail: 'No longer in the org data.' };
    expect(await handle({ type: 'audit-update-outcome', id, outcome }, acme)).toMatchObject(refused);
    expect(await handle({ type: 'audit-update-outcome', id, outcome }, globex)).toEqual({ ok: true, result: { updated: true } });
  });
});
