import { browser } from 'wxt/browser';
import { createBackgroundHandler } from '@/utils/background-handler';
import { openAdminLensDb } from '@/utils/storage/db';
import { auditRetentionDays } from '@/utils/audit/retention';

export default defineBackground(() => {
  let database: ReturnType<typeof openAdminLensDb> | undefined;
  const handle = createBackgroundHandler({
    ownId: browser.runtime.id,
    ownOrigin: new URL(browser.runtime.getURL('/')).origin,
    version: browser.runtime.getManifest().version,
    db: () => (database ??= openAdminLensDb()),
    auditRetentionDays: () => auditRetentionDays.getValue(),
    // tabs.get needs no "tabs" permission for this: only whether the tab exists is asked.
    tabExists: (tabId) => browser.tabs.get(tabId).then(
      () => true,
      () => false,
    ),
  });
  // Returning a promise answers the message (webextension-polyfill semantics).
  browser.runtime.onMessage.addListener((message, sender) => handle(message, sender));
});
