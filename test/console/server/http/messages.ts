/** Request and response shapes of the transport, and small helpers to build answers. */

export interface DoubleRequest {
  method: string;
  /** Absolute: https://app.amplitude.com/... or http://localhost:4173/...; any host is served alike. */
  url: string;
  headers: Record<string, string>;
  body: string | null;
}

export interface DoubleResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Uint8Array;
  /**
   * The loseNthAnswer fault's `drop`: the transport must break the connection instead of answering
   * (Playwright: `route.abort('connectionreset')`; a Node server: destroy the socket). A transport
   * that cannot sends the status and body as they are.
   */
  dropConnection?: true;
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): DoubleResponse {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers }, body: JSON.stringify(body) };
}

export function text(status: number, body: string, headers: Record<string, string> = {}): DoubleResponse {
  return { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers }, body };
}

/** Header names are case-insensitive; everything below reads them lowercased. */
export function lowercaseHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}

/** Parses a JSON body; `undefined` for an empty one, a thrown SyntaxError for a broken one. */
export function parseJsonBody(body: string | null): unknown {
  if (body === null || body.trim() === '') return undefined;
  return JSON.parse(body);
}
