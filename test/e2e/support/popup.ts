/**
 * The popup for an Amplitude tab. Playwright cannot click the toolbar button, so the popup opens in
 * a tab of its own, where "the active tab" would be the popup itself: the popup takes the tab to
 * check as `?tab=<id>` (entrypoints/popup/Diagnostics.tsx). The id comes from chrome.tabs.query by
 * URL, which the extension's host permission for Amplitude allows.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { expect } from '../fixtures';

/** Opens the popup for the Amplitude tab (the only one open). */
export async function openPopupFor(context: BrowserContext, extensionId: string): Promise<Page> {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const tabId = await popup.evaluate(async () => {
    const tabs = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number }[]> } } }).chrome.tabs;
    const [tab] = await tabs.query({ url: 'https://app.amplitude.com/*' });
    return tab?.id ?? null;
  });
  expect(tabId).not.toBeNull();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  return popup;
}
