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
 *   removal-guard.png     "Remove Members?" for a content owner, held back by the guard
 *   bulk-invite-preview.png  a pasted CSV validated, with counts, per-row errors and the plan
 *   bulk-invite-run.png   the same run finished: per-row status (one refused by the console)
 *   popup.png             the popup's data status and diagnostics for the Members page
 *   options.png           the settings page
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

    // The removal guard: Grace Liu owns content; removing her without transfer is held back.
    await page.getByRole('tab', { name: 'Users' }).click();
    await page.getByRole('button', { name: 'More actions for Grace Liu' }).click();
    await page.getByRole('menu', { name: 'More actions for Grace Liu' }).getByRole('menuitem', { name: 'Remove' }).click();
    const removeDialog = page.getByRole('dialog', { name: 'Remove Members?' });
    await removeDialog.getByRole('button', { name: 'Remove', exact: true }).click();
    await removeDialog.getByText('Admin Lens held this removal back', { exact: false }).waitFor();
    await page.waitForTimeout(400); // the dialog's own fade-in, so the picture is not caught mid-transition
    await page.screenshot({ path: save('removal-guard.png'), clip: await clipAround(page, [removeDialog]) });
    await removeDialog.getByRole('button', { name: 'Close' }).click();
    await removeDialog.waitFor({ state: 'detached' });

    // Bulk invite: a CSV with a few mistakes, then the run (the console refuses one email).
    double.backend.setFaults({ failEmails: { emails: ['sam.ortiz@newhire.example'], code: 'ALREADY_INVITED', message: 'sam.ortiz@newhire.example already has a pending invite.' } });
    await page.getByRole('button', { name: 'Bulk invite from CSV' }).click();
    const invite = page.getByRole('dialog', { name: 'Bulk invite from CSV' });
    await invite.getByRole('textbox', { name: 'Paste CSV or spreadsheet rows' }).fill(
      [
        'email,team,groups,projects,default_project',
        'ana.silva@newhire.example,Engineering,Engineering Leads,,Web App (Staging)',
        'ben.okoro@newhire.example,Product,Product Analysts,,',
        'cleo.martin@newhire.example,Marketing,Marketing Tem,,',
        'sam.ortiz@newhire.example,Sales,,Sales Analytics:Viewer,',
        'priya.natarajan@lumenfield.example,Engineering,Engineering Leads,,',
        'dev.rao@newhire,Data,Data Platform,,',
      ].join('\n'),
    );
    await invite.getByRole('button', { name: 'Invite 3 people' }).waitFor();
    await page.screenshot({ path: save('bulk-invite-preview.png'), clip: await clipAround(page, [invite], 8) });
    await invite.getByRole('button', { name: 'Invite 3 people' }).click();
    await invite.getByText(/^Finished/).waitFor({ timeout: 60_000 });
    await page.screenshot({ path: save('bulk-invite-run.png'), clip: await clipAround(page, [invite], 8) });
    await invite.getByRole('button', { name: 'Close' }).click();

    // The popup for this tab, opened as a page (the toolbar cannot be clicked here): ?tab=<id>.
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const extensionId = new URL(worker.url()).host;
    const popup = await context.newPage();
    await popup.setViewportSize({ width: 420, height: 900 });
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    const tabId = await popup.evaluate(async () => {
      const tabs = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number }[]> } } }).chrome.tabs;
      return (await tabs.query({ url: 'https://app.amplitude.com/*' }))[0]?.id ?? null;
    });
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
    await popup.getByRole('list', { name: 'Landmarks' }).waitFor();
    await popup.getByText(/Data: Ready/).waitFor({ timeout: 15_000 });
    await popup.screenshot({ path: save('popup.png'), fullPage: true });

    await popup.setViewportSize({ width: 900, height: 900 });
    await popup.goto(`chrome-extension://${extensionId}/options.html`);
    await popup.getByRole('heading', { level: 1 }).waitFor();
    await popup.screenshot({ path: save('options.png'), fullPage: true });
  } finally {
    await context.close();
  }
  console.log(`Screenshots (seed "${SEED}"):\n${saved.map((file) => `  ${file}`).join('\n')}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
