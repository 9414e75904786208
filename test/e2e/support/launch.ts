/** Launching Chromium with the built extension; shared by the Playwright fixture and `npm run demo`. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { resolveChromium } from './browser';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const EXTENSION_DIR = path.join(path.resolve(repoRoot, process.env.ADMIN_LENS_OUT_DIR || '.output'), 'chrome-mv3');

export interface LaunchOptions {
  /** Load the built extension. */
  extension: boolean;
  /** Headless (tests, machines without a display) or a real window (demo on a desktop). */
  headless: boolean;
  /** A profile directory to keep between launches; empty for a throwaway profile. */
  userDataDir?: string;
}

export function launchArgs({ extension, headless }: LaunchOptions): string[] {
  const args = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
  if (headless) args.unshift('--headless=new');
  // --load-extension alone silently loads nothing; both flags are needed.
  if (extension) args.push(`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`);
  return args;
}

export async function launchBrowser(options: LaunchOptions): Promise<BrowserContext> {
  if (options.extension && !existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension at ${EXTENSION_DIR}. Run: npm run build`);
  }
  return chromium.launchPersistentContext(options.userDataDir ?? '', {
    executablePath: resolveChromium(),
    // Extensions need the "new" headless mode, chosen through args; Playwright's own flag stays off.
    headless: false,
    args: launchArgs(options),
    viewport: PAGE_VIEWPORT,
  });
}

/**
 * A plain Chromium without the extension, for tests that drive the double alone. One is shared by
 * every such test in a worker (each test gets a fresh context): launching a browser costs more CPU
 * than most of those tests, and an extension-free context holds no state a test could leak.
 */
export async function launchPageOnlyBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: resolveChromium(),
    headless: false,
    args: launchArgs({ extension: false, headless: true }),
  });
}

export const PAGE_VIEWPORT = { width: 1280, height: 900 };
