/**
 * Which Chromium runs the end-to-end tests: $CHROMIUM_PATH, else Playwright's own download,
 * else Debian's /usr/bin/chromium. Google Chrome (branded) ignores --load-extension, so it is not
 * a fallback.
 */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export function resolveChromium(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH is set to "${fromEnv}", but no file is there.`);
  }
  try {
    const own = chromium.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    // Playwright's browser is not installed; try the system one.
  }
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  throw new Error(
    'No Chromium found for the end-to-end tests. Install one of:\n' +
      '  - Debian/Ubuntu: sudo apt-get install -y chromium\n' +
      '  - any machine with internet: npx playwright install chromium\n' +
      '  - or point CHROMIUM_PATH at a Chromium (not branded Chrome) executable.',
  );
}
