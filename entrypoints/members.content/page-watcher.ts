/**
 * Tells when the Members & Groups page is entered and left. The console is a single-page app: the
 * URL changes without a reload (WXT's `wxt:locationchange`) and the heading renders after it, so
 * while on a settings URL we also watch the DOM, batched to one check per frame.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { detectMembersPage, parseSettingsLocation, type MembersPage } from '@/utils/amplitude/page';

type OnEnter = (page: MembersPage, signal: AbortSignal) => void;

export function watchMembersPage(ctx: ContentScriptContext, onEnter: OnEnter): void {
  let active: { page: MembersPage; controller: AbortController } | null = null;
  let scheduled = false;
  let observer: MutationObserver | null = null;

  const leave = () => {
    active?.controller.abort();
    active = null;
  };

  const evaluate = () => {
    scheduled = false;
    const page = detectMembersPage(location.href);
    const same =
      page &&
      active &&
      active.page.heading === page.heading &&
      active.page.location.orgUrl === page.location.orgUrl;
    if (!same) {
      leave();
      if (page) {
        active = { page, controller: new AbortController() };
        onEnter(page, active.controller.signal);
      }
    }
    updateObserver();
  };

  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(evaluate);
  };

  // Observe the DOM only on settings URLs: there the heading may appear, be replaced or vanish.
  const updateObserver = () => {
    const wanted = parseSettingsLocation(location.href) !== null;
    if (wanted && !observer) {
      observer = new MutationObserver(schedule);
      observer.observe(document.body, { childList: true, subtree: true });
    } else if (!wanted && observer) {
      observer.disconnect();
      observer = null;
    }
  };

  ctx.addEventListener(window, 'wxt:locationchange', schedule);
  ctx.onInvalidated(() => {
    observer?.disconnect();
    leave();
  });
  evaluate();
}
