import { expect, test } from './fixtures';

test.use({ site: 'static-settings' });

const chip = (page: import('@playwright/test').Page) => page.getByRole('status', { name: /Admin Lens is active/ });

test('the chip appears beside the heading on Members & Groups (US host) and names the org', async ({ page }) => {
  await page.goto('https://app.amplitude.com/analytics/acme-corp/settings/members');
  await expect(page.getByRole('heading', { name: 'Team Members & Groups' })).toBeVisible();
  await expect(chip(page)).toBeVisible();
  await expect(chip(page)).toHaveAccessibleName('Admin Lens is active for org acme-corp');
  await expect(chip(page)).toContainText('acme-corp');
  // Rendered in a shadow root right after the heading, not inside the page's own markup.
  const host = page.locator('h1 + admin-lens-chip');
  await expect(host).toHaveCount(1);
  expect(await host.evaluate((element) => element.shadowRoot !== null)).toBe(true);
});

test('the chip appears on the EU host too', async ({ page }) => {
  await page.goto('https://app.eu.amplitude.com/analytics/euro-org/settings/members');
  await expect(chip(page)).toContainText('euro-org');
});

test('client-side navigation: absent elsewhere, appears on entering, removed on leaving', async ({ page }) => {
  await page.goto('https://app.amplitude.com/analytics/acme/settings/projects');
  await expect(page.getByRole('heading', { name: 'Projects' })).toBeVisible();
  await page.waitForLoadState('load');
  await expect(page.locator('admin-lens-chip')).toHaveCount(0);

  // Same document: the content script was there all along and only now has a page to work on.
  await page.getByRole('link', { name: 'Members & Groups' }).click();
  await expect(page).toHaveURL(/\/settings\/members$/);
  await expect(chip(page)).toBeVisible();

  // Leaving aborts the page's features; the chip's signal handler removes it.
  await page.getByRole('link', { name: 'General' }).click();
  await expect(page.getByRole('heading', { name: 'General' })).toBeVisible();
  await expect(page.locator('admin-lens-chip')).toHaveCount(0);

  // Back to the page, then browser back: one chip at a time.
  await page.getByRole('link', { name: 'Members & Groups' }).click();
  await expect(page.locator('admin-lens-chip')).toHaveCount(1);
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'General' })).toBeVisible();
  await expect(page.locator('admin-lens-chip')).toHaveCount(0);
});

test('the background rejects a malformed message and names the problem', async ({ context, extensionId }) => {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.getByRole('status')).toContainText('Running, version');
  const answers = await popup.evaluate(async () => {
    const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime;
    const send = (message: unknown) => runtime.sendMessage(message);
    return {
      unknown: await send({ type: 'drop-all-tables' }),
      extraField: await send({ type: 'ping', sneaky: true }),
      notObject: await send('ping'),
      valid: await send({ type: 'ping' }),
      dbInfo: await send({ type: 'db-info' }),
    };
  });
  expect(answers.unknown).toMatchObject({ ok: false, error: { code: 'unknown-type', message: expect.stringContaining('drop-all-tables') } });
  expect(answers.extraField).toMatchObject({ ok: false, error: { code: 'invalid-message', message: expect.stringContaining('"ping"') } });
  expect(answers.notObject).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
  expect(answers.valid).toMatchObject({ ok: true, result: { version: '0.1.0' } });
  expect(answers.dbInfo).toMatchObject({ ok: true, result: { name: 'admin-lens', version: 4 } });
});
