/**
 * The change-of-email tools are their own file (entrypoints/email-change.ts), loaded into the
 * content script's own world once, on demand. The file is ours, packaged and web-accessible to the
 * Amplitude hosts only; importing it runs it, and it leaves its function on the isolated world's
 * global. This is its shape (types only) and its loader.
 */
import { browser } from 'wxt/browser';
import type { startEmailChanges } from './email-change-controller';

export const EMAIL_CHANGE_FILE = '/email-change.js';
export const EMAIL_CHANGE_GLOBAL = '__adminLensEmailChange';

export interface EmailChangeFile {
  start: typeof startEmailChanges;
}

let loading: Promise<EmailChangeFile> | null = null;

export function loadEmailChange(): Promise<EmailChangeFile> {
  loading ??= (async () => {
    await import(/* @vite-ignore */ browser.runtime.getURL(EMAIL_CHANGE_FILE as '/email-change.js'));
    const file = (globalThis as Record<string, unknown>)[EMAIL_CHANGE_GLOBAL] as EmailChangeFile | undefined;
    if (!file) throw new Error(`${EMAIL_CHANGE_FILE} did not load`);
    return file;
  })().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}
