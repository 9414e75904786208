/**
 * The page's only way to its data: POST /t/graphql/org-url/<orgUrl>?q=<Operation> with
 * {operationName, variables, query}, the session cookie and `x-org: <orgId>` [doc: the transport;
 * guess: the operations, see shared/operations.ts].
 *
 * The org id is not in the URL (only the org url is), so the client starts without it: the first
 * call is OrgSettings, which the backend answers without `x-org` [guess], and every later call
 * carries the id learned from it.
 */
import type { Data, GraphqlError, OperationName, Variables } from '../../shared/operations';
import { OperationRefused, ServerError, SessionExpiredError } from './errors';
import { QUERY_TEXT } from './queries';

type SessionListener = () => void;

/** Same as GRAPHQL_PATH_PREFIX in shared/operations.ts, copied so the page's bundle has no zod. */
const GRAPHQL_PATH_PREFIX = '/t/graphql/org-url/';

export class ApiClient {
  private orgId: number | null = null;
  private readonly sessionListeners = new Set<SessionListener>();

  constructor(readonly orgUrl: string) {}

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
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (this.orgId !== null) headers['x-org'] = String(this.orgId);
    const url = `${GRAPHQL_PATH_PREFIX}${encodeURIComponent(this.orgUrl)}?q=${operationName}`;

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
