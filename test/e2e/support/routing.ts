/**
 * Serving pages at the real Amplitude addresses. The shipped manifest matches only Amplitude
 * hosts, so tests answer https://app.amplitude.com/** (and the EU and legacy hosts) from a local
 * handler through context.route, and the content script injects exactly as on the real site.
 * Every other request is aborted: tests never touch the network.
 */
import type { BrowserContext } from '@playwright/test';

export interface SiteRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | null;
}
export interface SiteResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Uint8Array;
  /** Break the connection instead of answering (the console double's loseNthAnswer fault, `drop`). */
  dropConnection?: true;
}
export type SiteHandler = (request: SiteRequest) => Promise<SiteResponse>;

export const AMPLITUDE_HOSTS = /^https:\/\/(app\.amplitude\.com|app\.eu\.amplitude\.com|analytics\.amplitude\.com)\//;

export async function serveAmplitude(context: BrowserContext, handler: SiteHandler): Promise<void> {
  await context.route(
    (url) => !AMPLITUDE_HOSTS.test(url.href) && /^https?:/.test(url.protocol),
    (route) => route.abort('blockedbyclient'),
  );
  await context.route(AMPLITUDE_HOSTS, async (route) => {
    const request = route.request();
    const response = await handler({
      method: request.method(),
      url: request.url(),
      headers: await request.allHeaders(),
      body: request.postData(),
    });
    if (response.dropConnection) {
      await route.abort('connectionreset');
      return;
    }
    await route.fulfill({
      status: response.status,
      headers: response.headers,
      body: typeof response.body === 'string' ? response.body : Buffer.from(response.body),
    });
  });
}
