/**
 * Loads the bulk-invite tools into the content script's own world, once, on demand. The file is a
 * web-accessible resource of the extension (nothing remote): importing it runs it, and it leaves
 * its functions on the isolated world's global.
 */
import { browser } from 'wxt/browser';
import { t } from '@/utils/i18n';
import { INVITE_LOGIC_FILE, INVITE_LOGIC_GLOBAL, type InviteLogic } from './logic';

let loading: Promise<InviteLogic> | null = null;

export function loadInviteLogic(): Promise<InviteLogic> {
  loading ??= (async () => {
    const url = browser.runtime.getURL(INVITE_LOGIC_FILE as '/invite-logic.js');
    await import(/* @vite-ignore */ url);
    const logic = (globalThis as Record<string, unknown>)[INVITE_LOGIC_GLOBAL] as InviteLogic | undefined;
    if (!logic) throw new Error(t('biLoadFailed', { file: INVITE_LOGIC_FILE }));
    return logic;
  })().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}
