/**
 * Who may talk to the background: our own extension pages, and our own content scripts running
 * on an Amplitude page. Anything else is refused before its message is even parsed. What each of
 * the two may ask is decided per request (messages.ts, REQUEST_SENDERS): a content script only
 * for the org of the page it runs on.
 */
import { isAmplitudeOrigin } from './amplitude/hosts';
import { orgOfConsoleAddress } from './amplitude/page';

export interface SenderLike {
  id?: string;
  url?: string;
  origin?: string;
  tab?: unknown;
}

/** An extension page (popup, options, audit log) may ask anything; a content script, for its page. */
export type SenderRole = 'extension-page' | 'content-script';

export function senderRole(sender: SenderLike, ownId: string, ownOrigin: string): SenderRole | null {
  if (!sender.id || sender.id !== ownId || !sender.url) return null;
  const origin = originOf(sender.url);
  if (origin === null) return null;
  // Our pages first: an options page opened in a tab has a tab too.
  if (origin === originOf(ownOrigin)) return 'extension-page';
  // Content scripts: a tab, on an Amplitude host.
  return sender.tab !== undefined && isAmplitudeOrigin(origin) ? 'content-script' : null;
}

export function isTrustedSender(sender: SenderLike, ownId: string, ownOrigin: string): boolean {
  return senderRole(sender, ownId, ownOrigin) !== null;
}

/** The page a content script runs on: its origin and the org its address names (null: none). */
export interface SenderPage {
  origin: string;
  orgUrl: string | null;
}

/**
 * The content script's page. The tab's address follows the console's in-page navigation
 * (`history.pushState`), which the frame's `sender.url` may not in every browser; it is used when
 * it is on the same origin as the frame (the extension holds the Amplitude hosts, so it is given).
 */
export function senderPage(sender: SenderLike): SenderPage | null {
  const origin = sender.url ? originOf(sender.url) : null;
  if (!sender.url || origin === null) return null;
  const tabUrl = (sender.tab as { url?: unknown } | undefined)?.url;
  const href = typeof tabUrl === 'string' && originOf(tabUrl) === origin ? tabUrl : sender.url;
  return { origin, orgUrl: orgOfConsoleAddress(href) };
}

/** `URL.origin` is "null" for extension schemes in some engines; build it from its parts. */
function originOf(href: string): string | null {
  try {
    const url = new URL(href);
    return `${url.protocol}//${url.host}`;
  } catch {
    return null;
  }
}
