/** Changes of email in the background: stored, read back, one step at a time, each org its own. */
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createBackgroundHandler } from '../background-handler';
import { openAdminLensDb } from '../storage/db';
import { demoSnapshot } from '../invite/test-fixture';
import { planEmailChange } from './plan';
import { applyEvent, createEmailChange, type EmailChange } from './workflow';

const OWN_ID = 'abcdefghijklmnopabcdefghijklmnop';
const OWN_ORIGIN = `chrome-extension://${OWN_ID}`;
const popup = { id: OWN_ID, url: `${OWN_ORIGIN}/popup.html` };
const demo = { id: OWN_ID, url: 'https://app.amplitude.com/analytics/demo-org/settings/members', tab: { id: 1 } };
const other = { id: OWN_ID, url: 'https://app.amplitude.com/analytics/globex/settings/members', tab: { id: 2 } };

function handler(now = () => Date.parse('2025-11-03T10:00:00.000Z')) {
  const factory = new IDBFactory();
  let db: ReturnType<typeof openAdminLensDb> | undefined;
  return createBackgroundHandler({ ownId: OWN_ID, ownOrigin: OWN_ORIGIN, version: '1', now, db: () => (db ??= openAdminLensDb(factory)) });
}

function change(id = 'c1', createdAt = '2025-11-03T10:00:00.000Z'): EmailChange {
  const plan = planEmailChange(demoSnapshot(), 'u-7');
  if (!plan.ok) throw new Error(plan.problem);
  return createEmailChange({
    id,
    orgUrl: 'demo-org',
    now: createdAt,
    old: { id: 'u-7', email: 'hannah.schmidt@lumenfield.example', name: 'Hannah Schmidt' },
    newEmail: 'h.schmidt@lumenfield.example',
    plan: plan.plan,
    before: { orgRole: 'user', perProject: { 'p-1': 'member' }, content: null },
  });
}

describe('email changes in the background', () => {
  it('stores a change and each next step; lists it for its org and in the popup', async () => {
    const handle = handler();
    const first = change();
    expect(await handle({ type: 'email-change-save', change: first }, demo)).toEqual({ ok: true, result: { revision: 0 } });
    const inviting = applyEvent(first, { type: 'invite-start' }, '2025-11-03T10:01:00.000Z');
    expect(await handle({ type: 'email-change-save', change: inviting }, demo)).toEqual({ ok: true, result: { revision: 1 } });
    expect(await handle({ type: 'email-change-get', id: 'c1' }, demo)).toEqual({ ok: true, result: inviting });
    expect(await handle({ type: 'email-change-list', orgUrl: 'demo-org' }, demo)).toEqual({ ok: true, result: { changes: [inviting] } });
    expect(await handle({ type: 'email-change-all' }, popup)).toEqual({ ok: true, result: { changes: [inviting] } });
  });

  it('refuses a step taken on an older picture (another tab moved the change on): nothing is written', async () => {
    const handle = handler();
    const first = change();
    await handle({ type: 'email-change-save', change: first }, demo);
    const tabA = applyEvent(first, { type: 'invite-start' }, '2025-11-03T10:01:00.000Z');
    const tabB = applyEvent(first, { type: 'cancel' }, '2025-11-03T10:01:00.000Z');
    expect(await handle({ type: 'email-change-save', change: tabA }, demo)).toMatchObject({ ok: true });
    expect(await handle({ type: 'email-change-save', change: tabB }, demo)).toMatchObject({ ok: false, error: { code: 'held-elsewhere' } });
    // A second "new" record with the same id is refused too.
    expect(await handle({ type: 'email-change-save', change: first }, demo)).toMatchObject({ ok: false, error: { code: 'held-elsewhere' } });
    expect(await handle({ type: 'email-change-get', id: 'c1' }, demo)).toMatchObject({ ok: true, result: { step: { kind: 'inviting' } } });
  });

  it('keeps each org to itself; every org is listed for our own pages only', async () => {
    const handle = handler();
    await handle({ type: 'email-change-save', change: change() }, demo);
    expect(await handle({ type: 'email-change-get', id: 'c1' }, other)).toMatchObject({ ok: false, error: { code: 'forbidden-request' } });
    expect(await handle({ type: 'email-change-list', orgUrl: 'demo-org' }, other)).toMatchObject({ ok: false, error: { code: 'forbidden-request' } });
    expect(await handle({ type: 'email-change-save', change: change('c2') }, other)).toMatchObject({ ok: false, error: { code: 'forbidden-request' } });
    expect(await handle({ type: 'email-change-all' }, demo)).toMatchObject({ ok: false, error: { code: 'forbidden-request' } });
  });

  it('forgets finished changes after the retention, never open ones', async () => {
    const handle = handler(() => Date.parse('2026-01-10T10:00:00.000Z'));
    const open = change('open', '2025-11-01T10:00:00.000Z');
    const finished = applyEvent(change('finished', '2025-11-01T10:00:00.000Z'), { type: 'cancel' }, '2025-11-01T10:05:00.000Z');
    await handle({ type: 'email-change-save', change: open }, demo);
    await handle({ type: 'email-change-save', change: { ...finished, revision: 0 } }, demo);
    await handle({ type: 'email-change-save', change: change('new', '2026-01-10T09:00:00.000Z') }, demo);
    const listed = await handle({ type: 'email-change-list', orgUrl: 'demo-org' }, demo);
    expect(listed.ok && (listed.result as { changes: EmailChange[] }).changes.map((c) => c.id)).toEqual(['new', 'open']);
  });

  it('refuses a record that does not fit the schema', async () => {
    const handle = handler();
    const broken = { ...change(), step: { kind: 'teleported' } };
    expect(await handle({ type: 'email-change-save', change: broken }, demo)).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
  });
});
