import { browser } from 'wxt/browser';

/** The extension behind this content script still answers (false once it was updated, reloaded or removed). */
export function extensionAlive(): boolean {
  try {
    return typeof browser.runtime?.id === 'string';
  } catch {
    return false;
  }
}
