/**
 * Content script on every Amplitude page. Kept small: it installs the removal guard's fallback
 * (which must outlive the extension, see removal-guard-fallback.ts) and loads the Members & Groups
 * page's own file (members-page-file.ts) only where it can matter: on a settings address, when the
 * single-page console navigates to one, or when our popup asks this tab something. That file
 * watches for the page and starts every feature that is switched on, each with an AbortSignal
 * aborted as soon as the page is left or the feature is switched off.
 */
import { browser, type Browser } from 'wxt/browser';
import { AMPLITUDE_MATCHES } from '@/utils/amplitude/hosts';
import { parseSettingsLocation } from '@/utils/amplitude/page';
import type { TabRequestAnswerer } from './diagnostics';
import { loadMembersPage } from './members-page-file';
import { installRemovalFallback } from './removal-guard-fallback';

export default defineContentScript({
  matches: AMPLITUDE_MATCHES,
  runAt: 'document_idle',
  // Each shadow-root UI brings its own styles (ui-styles.ts): the page's file is not this entry.
  cssInjectionMode: 'manual',
  main(ctx) {
    // First, so that its capture listeners run before the guard's: it holds removals until the
    // guard runs, and stands in for it once the extension is gone (updated or reloaded).
    const fallback = installRemovalFallback();
    let started: Promise<TabRequestAnswerer> | null = null;
    const start = () =>
      (started ??= loadMembersPage().then(
        (file) => {
          const answer = file.start(ctx, fallback);
          fallback.setGuardState('running');
          return answer;
        },
        (error: unknown) => {
          fallback.setGuardState('failed');
          started = null;
          console.warn('[Admin Lens] the Members & Groups features could not be loaded', error);
          throw error;
        },
      ));
    const startOnSettings = () => {
      if (parseSettingsLocation(location.href)) void start().catch(() => undefined);
    };
    startOnSettings();
    ctx.addEventListener(window, 'wxt:locationchange', startOnSettings);

    // The popup's questions to this tab. Only our own extension pages may ask; never a page or
    // another extension. Answered through sendResponse (native API: see diagnostics.ts).
    const listener = (message: unknown, sender: Browser.runtime.MessageSender, sendResponse: (answer: unknown) => void) => {
      if (sender.id !== browser.runtime.id || !sender.url?.startsWith(browser.runtime.getURL('/'))) return;
      start().then(
        (answer) => answer(message, sendResponse) || sendResponse(null),
        () => sendResponse(null),
      );
      return true;
    };
    browser.runtime.onMessage.addListener(listener);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
  },
});
