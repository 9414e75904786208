/**
 * Which GraphQL operation a request of the page went to, from its URL alone (for the popup's
 * "What this console uses" and the opt-in shape recording). Amplitude knowledge [code]: the web app
 * POSTs to `/t/graphql/org/<orgId>?q=<Operation>` or `/t/graphql/org-url/<orgUrl>?q=<Operation>`
 * on its own origin (console-reference.md, section 7; endpoint.ts for how we call it ourselves).
 * Pure, and small: the content script and the page-world script both bundle it.
 */
import { GRAPHQL_ORG_ID_PATH, GRAPHQL_PATH } from './endpoint';

/** A GraphQL name (operation, field, variable), as the GraphQL spec spells it; long ones are refused. */
export const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;

/** The operation a request URL names, or null when it is not the console's GraphQL endpoint on `origin`. */
export function graphqlOperationOf(url: string, origin: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url, origin);
  } catch {
    return null;
  }
  if (parsed.origin !== origin) return null;
  const path = parsed.pathname;
  const org = path.startsWith(GRAPHQL_PATH) ? path.slice(GRAPHQL_PATH.length) : path.startsWith(GRAPHQL_ORG_ID_PATH) ? path.slice(GRAPHQL_ORG_ID_PATH.length) : null;
  // Exactly one path segment after the prefix: the org.
  if (!org || org.includes('/')) return null;
  const operation = parsed.searchParams.get('q');
  return operation && GRAPHQL_NAME.test(operation) ? operation : null;
}
