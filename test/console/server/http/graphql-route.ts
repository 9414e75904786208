/**
 * The data endpoint, shaped like the real transport (console-reference.md, section 7 [code]):
 * `POST /t/graphql/org-url/<orgUrl>?q=<Operation>` or `POST /t/graphql/org/<orgId>?q=<Operation>`
 * with `{operationName, variables, query}`, the session cookie and `x-org: <orgId>`. The `query`
 * text is not parsed: operations are looked up by name (shared/operations.ts, [code] and [guess]).
 *
 * Like the real console's CSRF check [code], a POST must carry the page's own `Origin`: a request
 * made from anywhere else (an extension's service worker, another site, a script without the
 * header) is refused before anything else is looked at.
 */
import { GRAPHQL_ORG_ID_PATH_PREFIX, GRAPHQL_PATH_PREFIX } from '../../shared/operations';
import { CONSOLE_PAGE_HEADER, CONSOLE_PAGE_HEADER_VALUE } from '../../shared/page-client';
import { isOperationName, type Backend } from '../backend';
import { readSessionToken } from './cookies';
import { json, parseJsonBody, type DoubleRequest, type DoubleResponse } from './messages';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const failure = (status: number, code: string, message: string): { status: number; body: unknown } => ({
  status,
  body: { errors: [{ message, extensions: { code } }] },
});

export const isGraphqlPath = (pathname: string): boolean => pathname.startsWith(GRAPHQL_PATH_PREFIX) || pathname.startsWith(GRAPHQL_ORG_ID_PATH_PREFIX);

/** Why the path does not name this org, or null when it does (by url or by id). */
function wrongOrg(pathname: string, org: { id: number; url: string }): string | null {
  const byId = pathname.startsWith(GRAPHQL_ORG_ID_PATH_PREFIX);
  const raw = pathname.slice((byId ? GRAPHQL_ORG_ID_PATH_PREFIX : GRAPHQL_PATH_PREFIX).length).replace(/\/$/, '');
  let named: string;
  try {
    named = decodeURIComponent(raw);
  } catch {
    named = raw;
  }
  if (byId) return named === String(org.id) ? null : `No organization with id "${named}" (this double serves ${org.id}).`;
  return named === org.url ? null : `No organization at org-url "${named}" (this double serves "${org.url}").`;
}

/**
 * The operations a client may send without `x-org`, because it learns the id from them [guess]:
 * `OrgData` [code: it carries org.orgId], and `OrgSettings` for clients written before it.
 */
const ORG_ID_SOURCES: ReadonlySet<string> = new Set(['OrgData', 'OrgSettings']);

/**
 * The page's origin: the scheme and host the request was addressed to (the Host header; under
 * Playwright's routing, the real Amplitude address). Browsers send exactly this serialisation.
 */
const pageOrigin = (url: URL): string => url.origin;

/** The answer before latency: checks in the order a gateway would make them. `drop`: send no answer at all. */
function answer(backend: Backend, request: DoubleRequest, url: URL, operationHint: string): { status: number; body: unknown; drop?: true } {
  if (request.method !== 'POST') return failure(405, 'BAD_USER_INPUT', `Use POST for ${GRAPHQL_PATH_PREFIX}<orgUrl>?q=<Operation>, not ${request.method}.`);
  // The CSRF check [code]: browsers always send Origin on a POST, so a missing one is refused too.
  if (request.headers.origin !== pageOrigin(url)) return failure(403, 'FORBIDDEN', 'Origin not allowed');
  // An overloaded server fails before it looks at who you are.
  if (backend.shouldFailRequest()) return failure(503, 'INTERNAL', 'Service unavailable (injected: serverErrorRate).');

  const memberId = backend.sessionMember(readSessionToken(request.headers));
  if (memberId === null) return failure(401, 'UNAUTHENTICATED', 'Not signed in');

  const org = backend.org();
  const notThisOrg = wrongOrg(url.pathname, org);
  if (notThisOrg !== null) return failure(404, 'BAD_USER_INPUT', notThisOrg);
  const xOrg = request.headers['x-org'];
  if (xOrg === undefined && !ORG_ID_SOURCES.has(operationHint)) return failure(403, 'FORBIDDEN', `Missing x-org header (expected ${org.id}).`);
  if (xOrg !== undefined && xOrg.trim() !== String(org.id)) return failure(403, 'FORBIDDEN', `x-org ${xOrg} does not match this organization (${org.id}).`);

  let body: unknown;
  try {
    body = parseJsonBody(request.body);
  } catch {
    return failure(400, 'BAD_USER_INPUT', 'The request body is not JSON.');
  }
  if (typeof body !== 'object' || body === null) return failure(400, 'BAD_USER_INPUT', 'Expected a JSON body {operationName, variables, query}.');
  const { operationName, variables } = body as { operationName?: unknown; variables?: unknown };
  if (typeof operationName !== 'string') return failure(400, 'BAD_USER_INPUT', 'The body has no operationName.');
  const q = url.searchParams.get('q');
  if (q !== operationName) return failure(400, 'BAD_USER_INPUT', `?q=${q ?? ''} does not match operationName "${operationName}".`);
  if (!isOperationName(operationName)) return failure(400, 'BAD_USER_INPUT', `Unknown operation "${operationName}".`);

  const asConsolePage = request.headers[CONSOLE_PAGE_HEADER] === CONSOLE_PAGE_HEADER_VALUE;
  const outcome = backend.execute(operationName, variables, { actorId: memberId, asConsolePage });
  if (outcome.kind === 'data') return { status: 200, body: { data: outcome.data } };
  if (outcome.kind === 'errors') return { status: 200, body: { errors: outcome.errors } };
  if (outcome.kind === 'answer-lost') {
    // A gateway that gave up waiting answers 502 [guess]; a dropped connection answers nothing.
    return outcome.how === 'drop' ? { ...failure(0, 'INTERNAL', outcome.message), drop: true } : failure(502, 'INTERNAL', outcome.message);
  }
  return failure(outcome.status, 'INTERNAL', outcome.message);
}

export async function handleGraphql(backend: Backend, request: DoubleRequest, url: URL): Promise<DoubleResponse> {
  const operationHint = url.searchParams.get('q') ?? operationNameOf(request.body) ?? '(unknown)';
  // Latency first: a slow network delays the request before the server sees it.
  const delay = backend.nextDelayMs();
  if (delay > 0) await sleep(delay);
  const { status, body, drop } = answer(backend, request, url, operationHint);
  backend.recordRequest(operationHint, status);
  return drop ? { ...json(502, body), dropConnection: true } : json(status, body);
}

function operationNameOf(body: string | null): string | null {
  try {
    const parsed = parseJsonBody(body) as { operationName?: unknown } | undefined;
    return typeof parsed?.operationName === 'string' ? parsed.operationName : null;
  } catch {
    return null;
  }
}
