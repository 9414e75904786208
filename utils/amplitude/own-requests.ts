/**
 * Our own data requests in this page (operation and start time), so that "What this console uses"
 * (utils/diagnostics/page-operations.ts) lists only the page's requests where the browser files a
 * content script's requests among the page's resource timing entries.
 *
 * Whether it does is up to the browser: Chromium 156 does not (checked with the built extension on
 * the console double: none of our GraphQL requests showed in `performance.getEntriesByType`, neither
 * in the page's world nor in ours), other browsers or versions may. So we cannot simply subtract a
 * count of our calls (that would hide the page's own calls wherever ours are not listed); instead an
 * entry is ours only when one of our requests for the same operation started at the same moment: a
 * resource entry's `startTime` is taken when `fetch()` is called, and we note ours just before.
 *
 * The list lives on the isolated world's global, not in this module, because the content script and
 * the files it loads on demand (invite-logic.js) each bundle their own copy of the module.
 */
import { graphqlOperationOf } from './graphql-ops';

interface OwnRequest {
  operation: string;
  /** performance.now() just before fetch(). */
  start: number;
}

const GLOBAL = '__adminLensOwnRequests';
/** The entries of our requests start within this many ms of our note (fetch() records it at once). */
const SAME_MOMENT_MS = 5;
/** Enough for a long visit; the oldest go first (where the browser lists none of ours, none is ever taken). */
const KEEP = 500;

const own = (): OwnRequest[] => ((globalThis as Record<string, unknown>)[GLOBAL] ??= []) as OwnRequest[];

/** Notes a request we are about to send (ignored unless it goes to the console's GraphQL endpoint). */
export function noteOwnRequest(url: string, now = performance.now()): void {
  const operation = graphqlOperationOf(url, location.origin);
  if (!operation) return;
  const list = own();
  list.push({ operation, start: now });
  if (list.length > KEEP) list.splice(0, list.length - KEEP);
}

/** The console client's fetch (its `fetch` option): notes the request, then sends it unchanged. */
export const fetchNotingOwn: typeof fetch = (input, init) => {
  noteOwnRequest(input instanceof Request ? input.url : String(input));
  return fetch(input, init);
};

/** True (once) when a resource entry for `operation` that started at `startTime` is one of ours. */
export function takeOwnRequest(operation: string, startTime: number): boolean {
  const list = own();
  const index = list.findIndex((request) => request.operation === operation && Math.abs(request.start - startTime) <= SAME_MOMENT_MS);
  if (index < 0) return false;
  list.splice(index, 1);
  return true;
}
