/**
 * Who may talk to the background: our own extension pages, and our own content scripts running
 * on an Amplitude page. Anything else is refused before its message is even parsed.
 */
import { isAmplitudeOrigin } from './amplitude/hosts';

export interface SenderLike {
  id?: string;
  url?: string;
  origin?: string;
  tab?: unknown;
}

export function isTrustedSender(sender: SenderLike, ownId: string, ownOrigin: string): boolean {
  if (!sender.id || sender.id !== ownId || !sender.url) return false;
  const origin = originOf(sender.url);
  if (origin === null) return false;
  if (origin === originOf(ownOrigin)) return true;
  // Content scripts: a tab, on an Amplitude host.
  return sender.tab !== undefined && isAmplitudeOrigin(origin);
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
