/**
 * The page's only way to its data: POST /t/graphql/org-url/<orgUrl>?q=<Operation> (or
 * /t/graphql/org/<orgId> when the address names the org by id) with {operationName, variables,
 * query}, the session cookie and `x-org: <orgId>` [doc: the transport; guess: the operations, see
 * shared/operations.ts].
 *
 * When the address has only the org url, the client starts without the id: the first call is
 * OrgData [code], which the backend answers without `x-org` [guess], and every later call carries
 * the id learned from it (`org.orgId`).
 */
import type { Data, GraphqlError, OperationName, Variables } from '../../shared/operations';
import { OperationRefused, ServerError, SessionExpiredError } from './errors';
import { QUERY_TEXT } from './queries';
import { CONSOLE_PAGE_HEADER, CONSOLE_PAGE_HEADER_VALUE } from '../../shared/page-client';
import type { OrgRef } from '../routing';

type SessionListener = () => void;

/** Same as GRAPHQL_PATH_PREFIX and GRAPHQL_ORG_ID_PATH_PREFIX in shared/operations.ts, copied so the page's bundle has no zod. */
const GRAPHQL_PATH_PREFIX = '/t/graphql/org-url/';
const GRAPHQL_ORG_ID_PATH_PREFIX = '/t/graphql/org/';

export class ApiClient {
  private orgId: number | null;
  private readonly endpoint: string;
  private readonly sessionListeners = new Set<SessionListener>();

  constructor(org: OrgRef) {
    this.orgId = org.kind === 'id' ? org.orgId : null;
    this.endpoint = org.kind === 'id' ? `${GRAPHQL_ORG_ID_PATH_PREFIX}${org.orgId}` : `${GRAPHQL_PATH_PREFIX}${encodeURIComponent(org.orgUrl)}`;
  }

  /** Called once OrgSettings has answered; from then on every request names the org. */
  setOrgId(orgId: number): void {
    this.orgId = orgId;
  }

  /** Any 401 anywhere ends the session for the whole page. */
  onSessionExpired(listener: SessionListener): () => void {
    this.sessionListeners.add(listener);
    return () => this.sessionListeners.delete(listener);
  }

  async request<Op extends OperationName>(operationName: Op, variables: Variables<Op>): Promise<Data<Op>> {
    // The page's mark: the unknownOperations fault is for the extension's reads, not the console's own (shared/page-client.ts).
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json', [CONSOLE_PAGE_HEADER]: CONSOLE_PAGE_HEADER_VALUE };
    if (this.orgId !== null) headers['x-org'] = String(this.orgId);
    const url = `${this.endpoint}?q=${operationName}`;

    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        credentials: 'include',
        headers,
        body: JSON.stringify({ operationName, variables, query: QUERY_TEXT[operationName] }),
      });
    } catch {
      throw new ServerError(0, 'No answer from the server.');
    }

    if (response.status === 401) {
      for (const listener of this.sessionListeners) listener();
      throw new SessionExpiredError();
    }
    const body = (await response.json().catch(() => null)) as { data?: unknown; errors?: GraphqlError[] } | null;
    if (response.status !== 200) {
      throw new ServerError(response.status, body?.errors?.[0]?.message ?? response.statusText ?? `HTTP ${response.status}`);
    }
    if (body?.errors && body.errors.length > 0) throw new OperationRefused(body.errors);
    if (!body || body.data === undefined) throw new ServerError(response.status, 'The server answered without data.');
    return body.data as Data<Op>;
  }
}
