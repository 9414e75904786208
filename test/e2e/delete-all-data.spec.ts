/**
 * Issue 14, personal data: Options › "Delete all Admin Lens data" empties the extension's
 * IndexedDB stores and its storage areas, after a confirmation; checked after a reload, on an
 * extension page (the background's origin), not through the background that did the deleting.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openMembers } from './console-helpers';

type Chrome = { chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> }; storage: Record<'local' | 'session' | 'sync', { get(keys: null): Promise<Record<string, unknown>>; set(items: object): Promise<void> }> } };

/** Every store of the extension's database with its record count, read directly from IndexedDB. */
const storeCounts = (page: Page) =>
  page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('admin-lens');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const counts: Record<string, number> = {};
    for (const name of [...db.objectStoreNames]) {
      counts[name] = await new Promise<number>((resolve, reject) => {
        const request = db.transaction(name).objectStore(name).count();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    }
    db.close();
    return counts;
  });

const storageAreas = (page: Page) =>
  page.evaluate(async () => {
    const { storage } = (globalThis as unknown as Chrome).chrome;
    return { local: await storage.local.get(null), session: await storage.session.get(null), sync: await storage.sync.get(null) };
  });

test('"Delete all Admin Lens data" asks first, then empties every store and storage area', async ({ context, page, extensionId }) => {
  // Seed: a snapshot by visiting the Members page, an audit entry, a changed setting, and a value in each area.
  await openMembers(page);
  await expect(page.getByRole('status', { name: /Admin Lens is active/ })).toContainText(/as of/);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByRole('spinbutton', { name: 'Invite batch size' }).fill('4');
  await options.getByRole('combobox', { name: 'Keep the last read of each org' }).selectOption('7 days');
  await options.getByRole('button', { name: 'Save' }).click();
  await expect(options.getByRole('form', { name: 'Settings' }).getByRole('status')).toHaveText('Settings saved.');
  const appended = await options.evaluate(async () => {
    const { runtime, storage } = (globalThis as unknown as Chrome).chrome;
    await storage.session.set({ seeded: 'session' });
    await storage.sync.set({ seeded: 'sync' });
    return runtime.sendMessage({
      type: 'audit-append',
      entry: {
        at: Date.now(),
        org: { url: 'demo-org', name: 'Lumenfield' },
        by: { name: 'Maya Okafor', email: 'maya.okafor@lumenfield.example' },
        people: [{ name: 'Grace Liu', email: 'grace.liu@lumenfield.example', memberId: 'u-5', access: 'Viewer', orgRole: 'user', content: { charts: 1, dashboards: 0, cohorts: 0, notebooks: 0 } }],
        transferTo: null,
        decision: 'passed',
        warnings: [],
        dataAsOf: null,
        outcome: { status: 'pending', checkedAt: null, detail: 'Waiting for the console to act.' },
      },
    });
  });
  expect(appended).toMatchObject({ ok: true });
  // A record in every other store too (an offboarding job, a change of email, ...), written straight
  // into the database: "Delete all" must empty stores it was not written for.
  await options.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('admin-lens');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    for (const name of [...db.objectStoreNames].filter((store) => !['audit', 'snapshots', 'inviteRows'].includes(store))) {
      await new Promise<void>((resolve, reject) => {
        const transaction = db.transaction(name, 'readwrite');
        transaction.objectStore(name).put({ id: `seeded-${name}`, orgUrl: 'demo-org' });
        transaction.oncomplete = () => resolve();
        transaction.onerror = () => reject(transaction.error);
      });
    }
    db.close();
  });
  await expect.poll(async () => (await storeCounts(options)).snapshots).toBe(1);
  expect(await storeCounts(options)).toMatchObject({ audit: 1, inviteJobs: 1, offboardJobs: 1, emailChanges: 1 });
  expect(await storageAreas(options)).toMatchObject({ local: { settings: { inviteBatchSize: 4 } }, session: { seeded: 'session' }, sync: { seeded: 'sync' } });
  // The Members tab is closed: an open page would cache its next read again.
  await page.close();

  // Asked first; "Keep my data" keeps it.
  await options.getByRole('button', { name: 'Delete all Admin Lens data…' }).click();
  const confirm = options.getByRole('dialog', { name: 'Delete all Admin Lens data?' });
  await expect(confirm).toContainText('It cannot be undone');
  await expect(confirm.getByRole('button', { name: 'Keep my data' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Keep my data' }).click();
  await expect(confirm).toBeHidden();
  expect(await storeCounts(options)).toMatchObject({ audit: 1, snapshots: 1 });

  await options.getByRole('button', { name: 'Delete all Admin Lens data…' }).click();
  await confirm.getByRole('button', { name: 'Delete everything' }).click();
  await expect(options.getByRole('region', { name: 'Your Admin Lens data' }).getByRole('status')).toHaveText('All Admin Lens data was deleted; the settings are back to their defaults.');
  await expect(options.getByRole('spinbutton', { name: 'Invite batch size' })).toHaveValue('10');

  // After a reload: every store is empty; the areas hold nothing of what was seeded (the options
  // page, reloaded, writes the default settings again, and nothing else).
  await options.reload();
  await expect(options.getByRole('spinbutton', { name: 'Invite batch size' })).toHaveValue('10');
  await expect(options.getByRole('combobox', { name: 'Keep the last read of each org' })).toHaveValue('30');
  expect(await storeCounts(options)).toEqual({ audit: 0, emailChanges: 0, inviteJobs: 0, inviteRows: 0, offboardJobs: 0, snapshots: 0 });
  const areas = await storageAreas(options);
  expect(areas.session).toEqual({});
  expect(areas.sync).toEqual({});
  expect(Object.keys(areas.local).filter((key) => key !== 'settings' && key !== 'settings$')).toEqual([]);
  expect(areas.local.settings ?? {}).toMatchObject({ inviteBatchSize: 10, snapshotRetentionDays: 30, auditRetentionDays: 365 });
});
