/**
 * "What this console uses": the GraphQL operations the page itself called during this visit, with
 * how often, read from the page's resource timing in the content script's world. Nothing of the
 * page is touched or wrapped: the browser's own performance timeline lists every request's URL, and
 * the console names the operation in it (`?q=<Operation>`, utils/amplitude/graphql-ops.ts).
 *
 * One observer with `buffered: true` gets the entries from before the content script started (the
 * page's first reads) and every later one, each exactly once (reading `getEntriesByType` as well
 * would count some twice). Entries of our own requests, where the browser lists them, are left out
 * (utils/amplitude/own-requests.ts says how they are told apart). The timeline's buffer holds 250
 * entries by default: on a page that loaded more before the content script ran, the earliest may be
 * missed; everything after is seen. Kept tiny (content script): names and counts only, the popup
 * does the wording and the marking.
 */
import { graphqlOperationOf } from '@/utils/amplitude/graphql-ops';
import { takeOwnRequest } from '@/utils/amplitude/own-requests';

/** More distinct operations than any console calls; a page that makes up names cannot grow this. */
const MAX_OPERATIONS = 200;

export interface PageOperations {
  /** Operation name → calls the page made, so far. */
  counts(): Record<string, number>;
  stop(): void;
}

export function watchPageOperations(origin: string): PageOperations {
  // A Map: an operation name is page data, and `__proto__` is a valid GraphQL name.
  const counts = new Map<string, number>();
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const operation = graphqlOperationOf(entry.name, origin);
      if (!operation || takeOwnRequest(operation, entry.startTime)) continue;
      if (counts.has(operation) || counts.size < MAX_OPERATIONS) counts.set(operation, (counts.get(operation) ?? 0) + 1);
    }
  });
  try {
    observer.observe({ type: 'resource', buffered: true });
  } catch {
    // A browser without resource timing: the popup then lists nothing the page called.
  }
  return { counts: () => Object.fromEntries(counts), stop: () => observer.disconnect() };
}
