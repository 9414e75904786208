/**
 * A browser profile kept between launches, for tests of what survives a browser restart: each
 * launch loads the built extension into the same profile, serves the console double at the real
 * address, and gives the extension's id. The folder is removed after the test.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext } from '@playwright/test';
import type { createConsoleDouble } from '../../console/server/double';
import { launchBrowser } from './launch';
import { serveAmplitude } from './routing';

export interface PersistentProfile {
  launch(double: ReturnType<typeof createConsoleDouble>): Promise<{ context: BrowserContext; extensionId: string }>;
  remove(): void;
}

export function persistentProfile(prefix: string): PersistentProfile {
  const folder = mkdtempSync(path.join(tmpdir(), `admin-lens-${prefix}-`));
  return {
    async launch(double) {
      const context = await launchBrowser({ extension: true, headless: true, userDataDir: folder });
      await serveAmplitude(context, (request) => double.handle(request));
      const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
      return { context, extensionId: new URL(worker.url()).host };
    },
    remove: () => rmSync(folder, { recursive: true, force: true }),
  };
}
