/**
 * README screenshots from the console double, so they stay true: `npx tsx scripts/screenshots.ts`
 * (`npm run screenshots` builds first). Builds nothing itself: needs `.output/chrome-mv3` (npm run
 * build) and `test/console/dist` (npm run build:console).
 *
 * Serves the double with the `demo` seed at the real address (answered locally through Playwright's
 * routing; nothing goes to Amplitude), opens Chromium headless with the extension and saves to
 * docs/screenshots/:
 *   summary-panel.png     the chip and the access summary panel
 *   summary-chosen.png    the panel with "Escalated through groups" chosen
 *   badge-card.png        a badge's open breakdown card (skipped if no badge shows within 10 s)
 *   groups-tab.png        the Groups tab with the escalation notes
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { createConsoleDouble } from '../test/console/server/double';
import { launchBrowser } from '../test/e2e/support/launch';
import { serveAmplitude } from '../test/e2e/support/routing';

const OUTPUT_DIR = path.resolve('docs/screenshots');
const SEED = 'demo';

/** A clip around some elements, with a margin, within the page. */
async function clipAround(page: Page, locators: Locator[], margin = 16) {
  const boxes = (await Promise.all(locators.map((locator) => locator.boundingBox()))).filter((box) => box !== null);
  if (boxes.length === 0) throw new Error('nothing to frame');
  const x = Math.max(0, Math.min(...boxes.map((box) => box.x)) - margin);
  const y = Math.max(0, Math.min(...boxes.map((box) => box.y)) - margin);
  const right = Math.max(...boxes.map((box) => box.x + box.width)) + margin;
  const bottom = Math.max(...boxes.map((box) => box.y + box.height)) + margin;
  return { x, y, width: right - x, height: bottom - y };
}

async function main(): Promise<void> {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const double = createConsoleDouble({ seed: SEED });
  const url = `https://app.amplitude.com/analytics/${double.backend.state().org.url}/settings/members`;
  const context = await launchBrowser({ extension: true, headless: true });
  const saved: string[] = [];
  const save = (name: string) => {
    const file = path.join(OUTPUT_DIR, name);
    saved.push(file);
    return file;
  };
  try {
    await serveAmplitude(context, (request) => double.handle(request));
    const page = context.pages()[0] ?? (await context.newPage());
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(url);
    const heading = page.getByRole('heading', { name: 'Team Members & Groups' });
    const panel = page.getByRole('region', { name: 'Admin Lens access summary' });
    await heading.waitFor();
    await panel.getByRole('button', { name: /^Admin: / }).waitFor({ timeout: 15_000 });
    // The collapsed choice is remembered; the screenshots want the panel open.
    const toggle = panel.getByRole('button', { name: 'Access summary' });
    if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();

    await page.screenshot({ path: save('summary-panel.png'), clip: await clipAround(page, [heading, panel]) });

    await panel.getByRole('button', { name: /^Escalated through groups: / }).click();
    await panel.getByRole('region', { name: /^People: / }).waitFor();
    await page.screenshot({ path: save('summary-chosen.png'), clip: await clipAround(page, [panel]) });
    await panel.getByRole('button', { name: /^Escalated through groups: / }).click();

    const badge = page.getByRole('button', { name: /^Access for Priya Natarajan:/ });
    const found = await badge
      .waitFor({ timeout: 10_000 })
      .then(() => true)
      .catch(() => false);
    if (found) {
      await badge.focus();
      const card = page.getByRole('dialog', { name: /^Access for Priya Natarajan/ });
      const opened = await card
        .waitFor({ timeout: 5_000 })
        .then(() => true)
        .catch(() => false);
      if (!opened) await badge.press('Enter');
      if (await card.isVisible()) {
        await page.screenshot({ path: save('badge-card.png'), clip: await clipAround(page, [badge, card], 32) });
      } else console.warn('The badge showed but its card did not open: badge-card.png skipped.');
      await page.keyboard.press('Escape');
    } else {
      console.warn('No access badge within 10 s (is the badges feature built?): badge-card.png skipped.');
    }

    await page.getByRole('tab', { name: 'Groups' }).click();
    const table = page.getByRole('table', { name: 'Groups' });
    await table.getByText(/^Escalates /).first().waitFor({ timeout: 10_000 });
    await page.screenshot({ path: save('groups-tab.png'), clip: await clipAround(page, [heading, table]) });
  } finally {
    await context.close();
  }
  console.log(`Screenshots (seed "${SEED}"):\n${saved.map((file) => `  ${file}`).join('\n')}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
