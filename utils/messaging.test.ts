// @vitest-environment node
/** Every request to the background has a timeout: a stuck background is an error, never a wait for ever. */
import { afterEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { browser } from 'wxt/browser';
import { BackgroundError, REQUEST_TIMEOUT_MS, sendRequest } from './messaging';

/** The browser's sendMessage, answered by the test (its typing says nothing of the answers). */
const background = () => vi.spyOn(browser.runtime, 'sendMessage') as unknown as MockInstance<(message: unknown) => Promise<unknown>>;

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('sendRequest', () => {
  it('gives up after its timeout with a "timeout" error that names the request', async () => {
    vi.useFakeTimers();
    background().mockReturnValue(new Promise(() => undefined));
    const answer = sendRequest({ type: 'audit-list' });
    const failure = expect(answer).rejects.toMatchObject({ name: 'BackgroundError', code: 'timeout', message: expect.stringContaining('“audit-list” within 15 s') });
    await vi.advanceTimersByTimeAsync(REQUEST_TIMEOUT_MS);
    await failure;
  });

  it('takes a shorter timeout when asked, and answers normally in time', async () => {
    vi.useFakeTimers();
    const send = background().mockReturnValue(new Promise(() => undefined));
    const quick = expect(sendRequest({ type: 'ping' }, { timeoutMs: 2000 })).rejects.toBeInstanceOf(BackgroundError);
    await vi.advanceTimersByTimeAsync(2000);
    await quick;
    send.mockResolvedValue({ ok: true, result: { version: '1.0.0' } });
    await expect(sendRequest({ type: 'ping' })).resolves.toEqual({ version: '1.0.0' });
    send.mockResolvedValue({ ok: false, error: { code: 'forbidden-request', message: 'no' } });
    await expect(sendRequest({ type: 'audit-list' })).rejects.toMatchObject({ code: 'forbidden-request' });
  });
});
