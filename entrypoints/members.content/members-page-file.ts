/**
 * Everything the Members & Groups page needs (its features, the org's data and access engine, the
 * diagnostics answers) is its own file, entrypoints/members-page.ts, loaded by the content script
 * only where it can matter: on a settings address, on the way to one (the console is a single-page
 * app), or when the popup asks this tab. The content script itself runs on every Amplitude page
 * and stays small (issue 15: the content script at most 35 KB gzip). The file is ours, packaged
 * and web-accessible to the Amplitude hosts only; importing it runs it, and it leaves its
 * functions on the isolated world's global.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { TabRequestAnswerer } from './diagnostics';
import type { RemovalFallback } from './removal-guard-fallback';

export const MEMBERS_PAGE_FILE = '/members-page.js';
export const MEMBERS_PAGE_GLOBAL = '__adminLensMembersPage';

export interface MembersPageFile {
  /**
   * Starts following the settings and watching for the Members & Groups page (its features start
   * and stop with each visit). Called once per content script.
   */
  start(ctx: ContentScriptContext, fallback: RemovalFallback): TabRequestAnswerer;
}

let loading: Promise<MembersPageFile> | null = null;

export function loadMembersPage(): Promise<MembersPageFile> {
  loading ??= (async () => {
    await import(/* @vite-ignore */ browser.runtime.getURL(MEMBERS_PAGE_FILE as '/members-page.js'));
    const file = (globalThis as Record<string, unknown>)[MEMBERS_PAGE_GLOBAL] as MembersPageFile | undefined;
    if (!file) throw new Error(`${MEMBERS_PAGE_FILE} did not load`);
    return file;
  })().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}
