/** Asks the content script of a tab (utils/diagnostics/protocol.ts); null when none answers there. */
import { browser } from 'wxt/browser';
import type { TabRequest } from '@/utils/diagnostics/protocol';

export const askTab = (tabId: number, request: TabRequest): Promise<unknown> =>
  // No content script there (not an Amplitude page): "Receiving end does not exist".
  browser.tabs.sendMessage(tabId, request).catch(() => null);
