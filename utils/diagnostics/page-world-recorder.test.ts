import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { armShapeRecorder } from './page-world-recorder';
import { RECORD_EVENT, RECORD_MS, SHAPE_EVENT, type ShapeMessage } from './shape-protocol';

const ORIGIN = 'https://app.amplitude.com';
const NONCE = '0f0e0d0c-0b0a-4909-8807-060504030201';
const USERS_URL = `${ORIGIN}/t/graphql/org-url/demo-org?q=Users`;
const QUERY = 'query Users($search: String) { users(search: $search) { id email name orgRole } }';
const ANSWER = { data: { users: [{ id: 'm-7', email: 'maya.okafor@lumenfield.example', name: 'Maya Okafor', orgRole: 4 }] } };

/** A page world of its own: its fetch answers Users, its XMLHttpRequest is a bare prototype. */
function pageWorld() {
  const doc = document.implementation.createHTMLDocument('page');
  const pageFetch = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => new Response(JSON.stringify(ANSWER), { headers: { 'content-type': 'application/json' } }));
  const open = vi.fn();
  const send = vi.fn();
  class FakeXhr extends EventTarget {
    responseType = '';
    responseText = '';
  }
  Object.assign(FakeXhr.prototype, { open, send });
  const XMLHttpRequest = FakeXhr as unknown as typeof globalThis.XMLHttpRequest;
  const win = { fetch: pageFetch, Request, XMLHttpRequest, location: { origin: ORIGIN }, document: doc } as unknown as Window & typeof globalThis;
  const messages: ShapeMessage[] = [];
  doc.addEventListener(SHAPE_EVENT, (event) => messages.push(JSON.parse(String((event as CustomEvent).detail)) as ShapeMessage));
  const record = (nonce: string = NONCE) => doc.dispatchEvent(new CustomEvent(RECORD_EVENT, { detail: nonce }));
  return { win, pageFetch, open, send, messages, record };
}

/** Lets pending answers be read (not a timer: the timers are fake here). */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('the page-world recorder', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] }));
  afterEach(() => vi.useRealTimers());

  it('is dormant until asked: fetch and XMLHttpRequest stay the page\'s own', () => {
    const { win, pageFetch, open, send, record } = pageWorld();
    armShapeRecorder(win);
    expect(win.fetch).toBe(pageFetch);
    expect(win.XMLHttpRequest.prototype.open).toBe(open);
    expect(win.XMLHttpRequest.prototype.send).toBe(send);
    // A request without a proper nonce does not wake it.
    record('please');
    expect(win.fetch).toBe(pageFetch);
  });

  it('while recording, hands the page its own answer and sends only the call\'s shape', async () => {
    const { win, pageFetch, messages, record } = pageWorld();
    armShapeRecorder(win);
    record();
    expect(win.fetch).not.toBe(pageFetch);
    const init = { method: 'POST', body: JSON.stringify({ operationName: 'Users', variables: { search: 'maya' }, query: QUERY }) };
    const response = await win.fetch(USERS_URL, init);
    expect(pageFetch).toHaveBeenCalledWith(USERS_URL, init);
    expect(await response.json()).toEqual(ANSWER);
    await vi.waitFor(() => expect(messages).toHaveLength(1));
    expect(messages[0]).toEqual({
      nonce: NONCE,
      operation: 'Users',
      variables: [['search', ['string']]],
      response: [
        ['data', ['object']],
        ['data.users', ['array']],
        ['data.users[]', ['object']],
        ['data.users[].email', ['string']],
        ['data.users[].id', ['string']],
        ['data.users[].name', ['string']],
        ['data.users[].orgRole', ['number']],
      ],
      queryText: true,
    });
    expect(JSON.stringify(messages)).not.toMatch(/maya|Maya|m-7|@|4\b/);
    // Other requests pass untouched and unrecorded.
    await win.fetch(`${ORIGIN}/static/app.js`);
    await win.fetch('https://elsewhere.example/t/graphql/org-url/x?q=Users', init);
    await settle();
    expect(messages).toHaveLength(1);
  });

  it('reads a Request body from a copy, so the page\'s own call still has it', async () => {
    const { win, pageFetch, messages, record } = pageWorld();
    armShapeRecorder(win);
    record();
    const request = new Request(USERS_URL, { method: 'POST', body: JSON.stringify({ variables: { search: 'x' }, query: QUERY }) });
    await win.fetch(request);
    expect(pageFetch.mock.calls[0]?.[0]).toBe(request);
    expect(request.bodyUsed).toBe(false);
    await vi.waitFor(() => expect(messages[0]?.variables).toEqual([['search', ['string']]]));
  });

  it('describes an XMLHttpRequest call too', () => {
    const { win, open, send, messages, record } = pageWorld();
    armShapeRecorder(win);
    record();
    const xhr = new win.XMLHttpRequest();
    xhr.open('POST', USERS_URL);
    const body = JSON.stringify({ variables: { search: 'maya' }, query: QUERY });
    xhr.send(body);
    expect(open).toHaveBeenCalledWith('POST', USERS_URL);
    expect(send).toHaveBeenCalledWith(body);
    Object.assign(xhr, { responseText: JSON.stringify(ANSWER) });
    xhr.dispatchEvent(new Event('load'));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ operation: 'Users', variables: [['search', ['string']]] });
    expect(messages[0]?.response).toContainEqual(['data.users[].email', ['string']]);
    expect(JSON.stringify(messages)).not.toMatch(/maya|Maya|m-7|@/);
  });

  it('puts everything back after 60 s, and leaves a wrapper the page added meanwhile in place', async () => {
    const first = pageWorld();
    armShapeRecorder(first.win);
    first.record();
    vi.advanceTimersByTime(RECORD_MS);
    expect(first.win.fetch).toBe(first.pageFetch);
    expect(first.win.XMLHttpRequest.prototype.open).toBe(first.open);
    expect(first.win.XMLHttpRequest.prototype.send).toBe(first.send);

    const second = pageWorld();
    armShapeRecorder(second.win);
    second.record();
    const ours = second.win.fetch;
    const theirs = vi.fn((input: RequestInfo | URL, init?: RequestInit) => ours(input, init));
    second.win.fetch = theirs as unknown as typeof fetch;
    vi.advanceTimersByTime(RECORD_MS);
    expect(second.win.fetch).toBe(theirs);
    // Ours is still in their chain, but only passes calls through now.
    await second.win.fetch(USERS_URL, { method: 'POST', body: JSON.stringify({ query: QUERY }) });
    expect(second.pageFetch).toHaveBeenCalledTimes(1);
    await settle();
    expect(second.messages).toEqual([]);
  });
});
