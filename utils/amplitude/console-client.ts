/**
 * A read-only client for the console's data endpoint, using the admin's own session (same-origin
 * fetch with cookies). Every answer is validated; failures are typed (ConsoleError); server and
 * network failures are retried a bounded number of times with backoff.
 *
 * Content script only, never the background: the console checks the `Origin` header against CSRF
 * [code]. A content script's same-origin `fetch` carries the page's origin (Chromium, and Firefox
 * 140 MV3); a service worker's carries the extension's and is refused (console-reference.md §7).
 * `background-imports.test.ts` fails if the background ever imports this file.
 */
import { z } from 'zod/mini';
import { ConsoleError, type ConsoleErrorKind } from './console-errors';
import { endpointUrl, OPERATIONS, type OperationName } from './endpoint';
import { orgIdOfKey } from './page';

export interface ConsoleClientOptions {
  origin: string;
  /** The org as the page's address names it: a URL slug, or `org/<id>` (then `x-org` is sent from the start). */
  orgUrl: string;
  fetch?: typeof fetch;
  /** Attempts for server/network failures, including the first (default 3). */
  attempts?: number;
  /** First backoff delay; doubled each retry (default 400 ms). */
  backoffMs?: number;
  sleep?: (ms: number) => Promise<void>;
  signal?: AbortSignal;
}

export interface QueryRecord {
  operation: OperationName;
  ok: boolean;
  attempts: number;
  error?: string;
  /** The failure's kind, when it was a ConsoleError. */
  kind?: ConsoleErrorKind;
}

/**
 * The last outcome of each operation in this page, whichever client ran it, with its time (epoch
 * ms): what the popup's diagnostics list. Holds statuses and messages only, never data.
 */
export const lastQueries: Partial<Record<OperationName, QueryRecord & { at: number }>> = {};

export interface ConsoleClient {
  query<T>(operation: OperationName, variables: Record<string, unknown>, data: z.ZodMiniType<T>): Promise<T>;
  /** Sent as `x-org` once known (from the page's address, else learned from `OrgData`; see endpoint.ts). */
  setOrgId(id: number): void;
  /** What was asked and how it went, for diagnostics. */
  readonly log: readonly QueryRecord[];
}

const GraphqlEnvelope = z.object({
  data: z.optional(z.unknown()),
  errors: z.optional(z.array(z.object({ message: z.string(), extensions: z.optional(z.object({ code: z.optional(z.string()) })) }))),
});

/** Names the first field that did not match, e.g. `members.nodes[3].email`. */
/** Where and what the first issue is: `field "users[3].orgRole": …`; `prefix` is the path of what was checked. */
export function describeShapeError(error: z.core.$ZodError, prefix: readonly PropertyKey[] = []): string {
  const issue = error.issues[0];
  if (!issue) return 'unexpected answer';
  const where = [...prefix, ...issue.path].reduce<string>(
    (text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)),
    '',
  );
  return `field "${where || '(root)'}": ${issue.message}`;
}

export function createConsoleClient(options: ConsoleClientOptions): ConsoleClient {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const attempts = Math.max(1, options.attempts ?? 3);
  const backoffMs = options.backoffMs ?? 400;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  let orgId: number | null = orgIdOfKey(options.orgUrl);
  let everSucceeded = false;
  const log: QueryRecord[] = [];

  async function once<T>(operation: OperationName, variables: Record<string, unknown>, data: z.ZodMiniType<T>): Promise<T> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (orgId !== null) headers['x-org'] = String(orgId);
    let response: Response;
    try {
      response = await doFetch(endpointUrl(options.origin, options.orgUrl, operation), {
        method: 'POST',
        credentials: 'include',
        headers,
        body: JSON.stringify({ operationName: operation, variables, query: OPERATIONS[operation] }),
        signal: options.signal,
      });
    } catch (error) {
      if (options.signal?.aborted) throw error;
      throw new ConsoleError('network', operation, `the request failed (${error instanceof Error ? error.message : String(error)}).`);
    }
    const status = response.status;
    if (status === 401) {
      throw new ConsoleError(everSucceeded ? 'session-expired' : 'not-signed-in', operation, 'HTTP 401.', status);
    }
    if (status === 403) throw new ConsoleError('forbidden', operation, 'HTTP 403.', status);
    if (status >= 500) throw new ConsoleError('server', operation, `HTTP ${status}.`, status);
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new ConsoleError('unexpected-shape', operation, `HTTP ${status} with a body that is not JSON.`, status);
    }
    if (status !== 200) throw new ConsoleError('refused', operation, `HTTP ${status}.`, status);
    const envelope = z.safeParse(GraphqlEnvelope, body);
    if (!envelope.success) throw new ConsoleError('unexpected-shape', operation, describeShapeError(envelope.error), status);
    const firstError = envelope.data.errors?.[0];
    if (firstError) {
      const code = firstError.extensions?.code;
      if (code === 'UNAUTHENTICATED') throw new ConsoleError(everSucceeded ? 'session-expired' : 'not-signed-in', operation, firstError.message, status);
      if (code === 'FORBIDDEN') throw new ConsoleError('forbidden', operation, firstError.message, status);
      throw new ConsoleError('refused', operation, `${firstError.message}${code ? ` (${code})` : ''}.`, status);
    }
    const parsed = z.safeParse(data, envelope.data.data);
    if (!parsed.success) throw new ConsoleError('unexpected-shape', operation, describeShapeError(parsed.error), status);
    everSucceeded = true;
    return parsed.data;
  }

  return {
    log,
    setOrgId(id) {
      orgId = id;
    },
    async query(operation, variables, data) {
      for (let attempt = 1; ; attempt++) {
        try {
          const result = await once(operation, variables, data);
          const record: QueryRecord = { operation, ok: true, attempts: attempt };
          log.push(record);
          lastQueries[operation] = { ...record, at: Date.now() };
          return result;
        } catch (error) {
          const retry = error instanceof ConsoleError && error.retryable && attempt < attempts && !options.signal?.aborted;
          if (!retry) {
            const record: QueryRecord = { operation, ok: false, attempts: attempt, error: error instanceof Error ? error.message : String(error) };
            if (error instanceof ConsoleError) record.kind = error.kind;
            log.push(record);
            // An aborted read (the page was left) says nothing about the console.
            if (!options.signal?.aborted) lastQueries[operation] = { ...record, at: Date.now() };
            throw error;
          }
          await sleep(backoffMs * 2 ** (attempt - 1));
        }
      }
    },
  };
}
