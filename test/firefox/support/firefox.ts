/**
 * A real Firefox (Debian's firefox-esr) with the built extension installed, driven by
 * puppeteer-core over WebDriver BiDi. Playwright cannot drive a stock Firefox, and Firefox's BiDi
 * cannot read request bodies, so nothing is intercepted: `network.dns.localDomains` sends the real
 * hostnames to 127.0.0.1 and `network.socket.forcePort` their port 443 to the free port where
 * https-double.ts answers with the console double. The page's address and origin stay exactly
 * https://app.amplitude.com (a visible port would be another origin, which the manifest does not
 * match), and no run needs root or clashes with another over port 443.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser } from 'puppeteer-core';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
// ADMIN_LENS_OUT_DIR: the build of whoever runs the tests (npm run build:firefox writes <out>/firefox-mv3).
export const FIREFOX_EXTENSION_DIR = path.join(path.resolve(repoRoot, process.env.ADMIN_LENS_OUT_DIR || '.output'), 'firefox-mv3');

/** $FIREFOX_PATH, else Debian's firefox-esr. */
export function resolveFirefox(): string {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`FIREFOX_PATH is set to "${fromEnv}", but no file is there.`);
  }
  for (const candidate of ['/usr/bin/firefox-esr', '/usr/bin/firefox']) if (existsSync(candidate)) return candidate;
  throw new Error(
    'No Firefox found for the Firefox smoke test. Install one of:\n' +
      '  - Debian/Ubuntu: sudo apt-get install -y firefox-esr\n' +
      '  - or point FIREFOX_PATH at a Firefox 140+ executable.',
  );
}

export interface FirefoxWithExtension {
  browser: Browser;
  extensionId: string;
  close(): Promise<void>;
}

/** `hostnames` are answered by 127.0.0.1:`httpsPort` instead of the internet. */
export async function launchFirefox(options: { hostnames: readonly string[]; httpsPort: number }): Promise<FirefoxWithExtension> {
  if (!existsSync(path.join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No Firefox build of the extension at ${FIREFOX_EXTENSION_DIR}. Run: npm run build:firefox`);
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: resolveFirefox(),
    headless: true,
    // The double's certificate is self-signed.
    acceptInsecureCerts: true,
    timeout: 30_000,
    protocolTimeout: 30_000,
    defaultViewport: { width: 1280, height: 900 },
    extraPrefsFirefox: {
      // Resolve the real Amplitude hostnames to this machine...
      'network.dns.localDomains': options.hostnames.join(','),
      // ...on 127.0.0.1, where the double listens (localhost could also mean ::1)...
      'network.dns.disableIPv6': true,
      // ...and connect to the double's port whenever a URL says 443 (a testing pref of Firefox's
      // socket layer: "from=to" pairs). It applies to every host; others resolve to their own
      // addresses, where that port is closed, so Firefox's background traffic fails early: fine.
      'network.socket.forcePort': `443=${options.httpsPort}`,
    },
  });
  const close = async (): Promise<void> => {
    const child = browser.process();
    // A browser that does not close within 10 s is killed: the run must end either way.
    const closed = browser.close().then(() => true, () => false);
    const inTime = await Promise.race([closed, new Promise<false>((resolve) => setTimeout(() => resolve(false), 10_000).unref())]);
    if (!inTime && child && child.exitCode === null) child.kill('SIGKILL');
  };
  try {
    const extensionId = await browser.installExtension(FIREFOX_EXTENSION_DIR);
    return { browser, extensionId, close };
  } catch (error) {
    await close();
    throw error;
  }
}
