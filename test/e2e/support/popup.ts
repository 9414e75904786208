/**
 * The popup's diagnostics for an Amplitude tab. The popup is an extension page: Playwright cannot
 * click the toolbar button, so a test opens popup.html in a tab of its own, where "the active tab"
 * would be the popup itself; the popup takes the tab to check as `?tab=<id>`
 * (entrypoints/popup/Diagnostics.tsx). The id comes from chrome.tabs.query by URL, which the
 * extension's host permission for Amplitude allows.
 */
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { expect } from '../fixtures';

/** Opens the popup for the one open tab on an Amplitude host (US by default). */
export async function openPopupFor(context: BrowserContext, extensionId: string, hostPattern = 'https://app.amplitude.com/*'): Promise<Page> {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const tabId = await popup.evaluate(async (url) => {
    const tabs = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number }[]> } } }).chrome.tabs;
    const [tab] = await tabs.query({ url });
    return tab?.id ?? null;
  }, hostPattern);
  expect(tabId).not.toBeNull();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  return popup;
}

export const landmarks = (popup: Page): Locator => popup.getByRole('list', { name: 'Landmarks' });
export const queries = (popup: Page): Locator => popup.getByRole('list', { name: 'Data queries' });
/** The row whose name is exactly `name` (its status word comes first, its detail after). */
export const row = (list: Locator, name: string): Locator => list.getByRole('listitem').filter({ has: list.page().getByText(name, { exact: true }) });

/** Asks the tab again until the org data has been read (the popup shows what is, not what will be). */
export async function untilReady(popup: Page): Promise<void> {
  await expect(async () => {
    await popup.getByRole('button', { name: 'Check again' }).click();
    await expect(popup.getByText(/Data: Ready/)).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
}

/**
 * Presses a Copy button of the popup and returns what it wrote. The real clipboard cannot be read
 * back here (an extension page cannot be granted clipboard-read in Playwright: "opaque origin"),
 * so the write is recorded on its way to the clipboard.
 */
export async function copiedBy(popup: Page, button: string, confirmation: string): Promise<string> {
  await popup.evaluate(() => {
    const clipboard = navigator.clipboard;
    const write = clipboard.writeText.bind(clipboard);
    clipboard.writeText = (text: string) => {
      (globalThis as unknown as { copied: string }).copied = text;
      return write(text);
    };
  });
  await popup.getByRole('button', { name: button }).click();
  await expect(popup.getByRole('status').filter({ hasText: confirmation })).toBeVisible();
  return popup.evaluate(() => (globalThis as unknown as { copied: string }).copied);
}
