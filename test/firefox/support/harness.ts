/**
 * Everything the Firefox smoke test runs against, started together and always stopped together:
 * the console double over HTTPS on a free port, and Firefox with the built extension, sent there
 * for https://app.amplitude.com.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createConsoleDouble, DEFAULT_DIST_DIR, type ConsoleDouble } from '../../console/server/double';
import { selfSignedCertificate } from './certificate';
import { launchFirefox, type FirefoxWithExtension } from './firefox';
import { serveDoubleOverHttps } from './https-double';

export const HOSTNAME = 'app.amplitude.com';
export const MEMBERS_URL = `https://${HOSTNAME}/analytics/demo-org/settings/members`;

export interface Harness {
  double: ConsoleDouble;
  firefox: FirefoxWithExtension;
  stop(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  // Without its build the double answers every page with 503, and the test would only time out.
  if (!existsSync(path.join(DEFAULT_DIST_DIR, 'index.html'))) {
    throw new Error(`The console double is not built (no ${DEFAULT_DIST_DIR}/index.html). Run: npm run build:console`);
  }
  const stops: (() => Promise<void>)[] = [];
  const stop = async (): Promise<void> => {
    // In reverse order, each one even when an earlier one failed.
    for (const step of stops.reverse()) await step().catch((error: unknown) => console.error('shutdown:', error));
    stops.length = 0;
  };
  try {
    const double = createConsoleDouble({ seed: 'demo' });
    const server = await serveDoubleOverHttps(double, selfSignedCertificate(HOSTNAME));
    stops.push(() => server.close());
    const firefox = await launchFirefox({ hostnames: [HOSTNAME], httpsPort: server.port });
    stops.push(() => firefox.close());
    return { double, firefox, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
