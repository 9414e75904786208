// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod/mini';
import { createConsoleClient } from './console-client';
import { ConsoleError } from './console-errors';

const Data = z.object({ projects: z.array(z.object({ id: z.string(), name: z.string() })) });
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function clientWith(responses: Array<Response | Error>) {
  const fetch = vi.fn(async () => {
    const next = responses.shift();
    if (!next) throw new Error('no more responses');
    if (next instanceof Error) throw next;
    return next;
  });
  const sleep = vi.fn(async () => {});
  const client = createConsoleClient({ origin: 'https://app.amplitude.com', orgUrl: 'acme', fetch, sleep, attempts: 3, backoffMs: 100 });
  return { client, fetch, sleep };
}

async function failure(promise: Promise<unknown>): Promise<ConsoleError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ConsoleError) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

describe('console client', () => {
  it('posts the operation to the endpoint with the session and x-org once known, and validates the answer', async () => {
    const { client, fetch } = clientWith([json(200, { data: { projects: [{ id: 'p1', name: 'Web' }] } })]);
    client.setOrgId(42);
    await expect(client.query('TeamSpaces', {}, Data)).resolves.toEqual({ projects: [{ id: 'p1', name: 'Web' }] });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('https://app.amplitude.com/t/graphql/org-url/acme?q=TeamSpaces');
    expect(init.credentials).toBe('include');
    expect((init.headers as Record<string, string>)['x-org']).toBe('42');
    expect(JSON.parse(String(init.body))).toMatchObject({ operationName: 'TeamSpaces', variables: {} });
  });

  it('a page addressed by its numeric id reads from the org-id route with x-org from the first request', async () => {
    const fetch = vi.fn(async () => json(200, { data: { projects: [] } }));
    const client = createConsoleClient({ origin: 'https://app.eu.amplitude.com', orgUrl: 'org/412345', fetch });
    await client.query('OrgSettings', {}, z.unknown());
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('https://app.eu.amplitude.com/t/graphql/org/412345?q=OrgSettings');
    expect((init.headers as Record<string, string>)['x-org']).toBe('412345');
  });

  it('a page addressed by its org URL sends no x-org before the id is learnt, and escapes the slug', async () => {
    const fetch = vi.fn(async () => json(200, { data: {} }));
    const client = createConsoleClient({ origin: 'https://analytics.amplitude.com', orgUrl: 'acme co', fetch });
    await client.query('OrgSettings', {}, z.unknown());
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('https://analytics.amplitude.com/t/graphql/org-url/acme%20co?q=OrgSettings');
    expect((init.headers as Record<string, string>)['x-org']).toBeUndefined();
  });

  it('retries server and network errors with doubling backoff, then succeeds', async () => {
    const { client, fetch, sleep } = clientWith([json(503, {}), new TypeError('Failed to fetch'), json(200, { data: { projects: [] } })]);
    await expect(client.query('TeamSpaces', {}, Data)).resolves.toEqual({ projects: [] });
    expect(fetch).toHaveBeenCalledTimes(3);
    expect(sleep.mock.calls).toEqual([[100], [200]]);
    expect(client.log).toEqual([{ operation: 'TeamSpaces', ok: true, attempts: 3 }]);
  });

  it('gives up after the bounded attempts with a server error', async () => {
    const { client, fetch } = clientWith([json(500, {}), json(502, {}), json(503, {}), json(200, { data: { projects: [] } })]);
    const error = await failure(client.query('TeamSpaces', {}, Data));
    expect(error.kind).toBe('server');
    expect(error.message).toContain('TeamSpaces: HTTP 503');
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  it.each([
    ['401 before any success', [json(401, {})], 'not-signed-in'],
    ['403', [json(403, {})], 'forbidden'],
    ['a GraphQL refusal', [json(200, { errors: [{ message: 'Nope', extensions: { code: 'BAD_USER_INPUT' } }] })], 'refused'],
    ['a body that is not JSON', [new Response('<html>', { status: 200 })], 'unexpected-shape'],
  ])('does not retry %s', async (_label, responses, kind) => {
    const { client, fetch } = clientWith([...responses, json(200, { data: { projects: [] } })]);
    expect((await failure(client.query('TeamSpaces', {}, Data))).kind).toBe(kind);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('calls a 401 after a success an expired session', async () => {
    const { client } = clientWith([json(200, { data: { projects: [] } }), json(401, {})]);
    await client.query('TeamSpaces', {}, Data);
    const error = await failure(client.query('TeamSpaces', {}, Data));
    expect(error.kind).toBe('session-expired');
    expect(error.message).toContain('Reload the page');
  });

  it('names the operation and the field when the answer has an unknown shape', async () => {
    const { client } = clientWith([json(200, { data: { projects: [{ id: 'p1', name: 'Web' }, { id: 'p2', title: 'App' }] } })]);
    const error = await failure(client.query('TeamSpaces', {}, Data));
    expect(error.kind).toBe('unexpected-shape');
    expect(error.operation).toBe('TeamSpaces');
    expect(error.message).toContain('projects[1].name');
  });
});
