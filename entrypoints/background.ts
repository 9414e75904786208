import { browser } from 'wxt/browser';
import { createBackgroundHandler } from '@/utils/background-handler';
import { openAdminLensDb } from '@/utils/storage/db';
import { createDbConnection } from '@/utils/storage/connection';
import { settingsStore } from '@/utils/settings/storage';

/** The storage areas Admin Lens may have written; "Delete all Admin Lens data" clears each one the browser has. */
const STORAGE_AREAS = ['local', 'session', 'sync'] as const;

export default defineBackground(() => {
  // Reopened on the next request after the browser closed it, another context needed it closed,
  // or opening failed (utils/storage/connection.ts).
  const connection = createDbConnection((events) => openAdminLensDb(undefined, events));
  const handle = createBackgroundHandler({
    ownId: browser.runtime.id,
    ownOrigin: new URL(browser.runtime.getURL('/')).origin,
    version: browser.runtime.getManifest().version,
    db: () => connection.get(),
    dbFailed: () => connection.reset(),
    retention: async () => {
      const settings = await settingsStore().load();
      return { auditDays: settings.auditRetentionDays, snapshotDays: settings.snapshotRetentionDays };
    },
    clearStorage: async () => {
      const cleared: string[] = [];
      for (const name of STORAGE_AREAS) {
        const area = (browser.storage as Partial<Record<(typeof STORAGE_AREAS)[number], { clear(): Promise<void> }>>)[name];
        if (!area) continue;
        await area.clear();
        cleared.push(name);
      }
      return cleared;
    },
    // tabs.get needs no "tabs" permission for this: only whether the tab exists is asked.
    tabExists: (tabId) => browser.tabs.get(tabId).then(
      () => true,
      () => false,
    ),
  });
  // Returning a promise answers the message (webextension-polyfill semantics).
  browser.runtime.onMessage.addListener((message, sender) => handle(message, sender));
});
