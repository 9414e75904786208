/**
 * Playwright fixtures: a Chromium with the BUILT extension loaded (npm run build first), and the
 * console double answering at the real Amplitude addresses.
 *
 *   test.use({ seed: 'sole-admin' })   pick the double's org
 *   test.use({ extension: false })     drive the double without the extension
 *   test.use({ site: 'static-settings' }) serve a bare settings SPA instead of the double
 *   test.use({ markup: 'aria-grid' })  render the double's page with other markup (a variant name
 *                                      or flags, test/console/shared/markup.ts)
 */
import { expect, test as base, type Browser, type BrowserContext, type Worker } from '@playwright/test';
import { launchBrowser, launchPageOnlyBrowser, PAGE_VIEWPORT } from './support/launch';
import { serveAmplitude, type SiteHandler } from './support/routing';
import { staticSettingsSite } from './support/static-settings-site';
import type { ConsoleDouble } from '../console/server/double';
import type { MarkupRequest } from '../console/shared/markup';

export interface Fixtures {
  /** Load the built extension (default true). */
  extension: boolean;
  /** The console double's seed: a name (demo, sole-admin, org-level, large) or a JSON path. */
  seed: string;
  /** What answers at the Amplitude addresses: the console double, or a bare settings SPA. */
  site: 'console-double' | 'static-settings';
  /**
   * How the double renders its page: a variant name (default, aria-grid, plain-divs, reworded,
   * names-only) or `{variant?, ...flags}`; set before the first page load. A `backend.reset()` in a
   * test clears it (set it again with `backend.setMarkup`).
   */
  markup: MarkupRequest;
  consoleDouble: ConsoleDouble;
  /** Creates the double on first use only, so tests with their own `site` never load it. */
  lazyDouble: () => Promise<ConsoleDouble>;
  context: BrowserContext;
  /** The extension's service worker (only with `extension: true`). */
  serviceWorker: Worker;
  extensionId: string;
}

interface WorkerFixtures {
  /** A Chromium without the extension, launched on first use and shared by the worker's tests. */
  pageOnlyBrowser: () => Promise<Browser>;
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  pageOnlyBrowser: [
    async ({}, use) => {
      let launched: Promise<Browser> | undefined;
      await use(() => (launched ??= launchPageOnlyBrowser()));
      if (launched) await (await launched).close();
    },
    { scope: 'worker' },
  ],

  extension: [true, { option: true }],
  seed: ['demo', { option: true }],
  site: ['console-double', { option: true }],
  markup: ['default', { option: true }],

  lazyDouble: async ({ seed, markup }, use) => {
    let created: Promise<ConsoleDouble> | undefined;
    await use(() =>
      (created ??= import('../console/server/double').then(({ createConsoleDouble }) => {
        const double = createConsoleDouble({ seed });
        double.backend.setMarkup(markup);
        return double;
      })),
    );
  },

  consoleDouble: async ({ lazyDouble }, use) => {
    await use(await lazyDouble());
  },

  context: async ({ extension, site, lazyDouble, pageOnlyBrowser }, use) => {
    const context = extension
      ? await launchBrowser({ extension, headless: true })
      : await (await pageOnlyBrowser()).newContext({ viewport: PAGE_VIEWPORT });
    const handler: SiteHandler =
      site === 'static-settings' ? staticSettingsSite() : async (request) => (await lazyDouble()).handle(request);
    await serveAmplitude(context, handler);
    await use(context);
    await context.close();
  },

  page: async ({ context }, use) => {
    const page = context.pages()[0] ?? (await context.newPage());
    await use(page);
  },

  serviceWorker: async ({ context, extension }, use) => {
    if (!extension) throw new Error('serviceWorker needs the extension: do not combine with extension: false');
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await use(worker);
  },

  extensionId: async ({ serviceWorker }, use) => {
    await use(new URL(serviceWorker.url()).host);
  },
});

export { expect };
