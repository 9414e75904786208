/**
 * Issue 8, options page: settings are validated and saved, survive a browser restart, export and
 * import as a file, and reach an open Members & Groups page at once (a feature switched off goes,
 * switched on comes back; new thresholds change the findings; a region switched off is left alone).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { membersUrl, openMembers } from './console-helpers';
import { createConsoleDouble } from '../console/server/double';
import { persistentProfile, type PersistentProfile } from './support/persistent-profile';

const optionsUrl = (extensionId: string) => `chrome-extension://${extensionId}/options.html`;
const badges = (page: Page) => page.getByRole('button', { name: /^Access for .+:/ });
const chip = (page: Page) => page.getByRole('status', { name: /Admin Lens is active/ });
const summary = (page: Page) => page.getByRole('region', { name: 'Admin Lens access summary' });
const saveStatus = (page: Page) => page.getByRole('form', { name: 'Settings' }).getByRole('status');

async function openOptions(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(optionsUrl(extensionId));
  await expect(page.getByRole('heading', { name: 'Admin Lens settings', level: 1 })).toBeVisible();
  await expect(page.getByRole('spinbutton', { name: 'Invite batch size' })).toBeVisible();
  return page;
}

async function save(options: Page, expected = 'Settings saved.') {
  await options.getByRole('button', { name: 'Save' }).click();
  await expect(saveStatus(options)).toHaveText(expected);
}

test('switching Access badges off removes the badges from an open Members page at once; on brings them back', async ({ page, context, extensionId }) => {
  await openMembers(page);
  await expect(badges(page).first()).toBeVisible();
  const count = await badges(page).count();
  expect(count).toBeGreaterThan(10);

  const options = await openOptions(context, extensionId);
  const switchOf = options.getByRole('checkbox', { name: 'Access badges' });
  await expect(switchOf).toBeChecked();
  await switchOf.uncheck();
  await save(options);

  await expect(badges(page)).toHaveCount(0);
  // Only that feature stopped: the chip and the summary panel are still there, on the same page.
  await expect(chip(page)).toBeVisible();
  await expect(summary(page)).toBeVisible();

  await switchOf.check();
  await save(options);
  await expect(badges(page)).toHaveCount(count);
  await expect(chip(page)).toHaveCount(1);
});

test('new thresholds reach the findings on an open page; a region switched off is left alone', async ({ page, context, extensionId, consoleDouble }) => {
  await openMembers(page);
  const stale = summary(page).getByRole('button', { name: /^Stale invites: \d+$/ });
  await expect(stale).toBeVisible();
  await expect(stale).not.toHaveAccessibleName('Stale invites: 0');
  await expect(summary(page)).not.toContainText('more than 1.');

  // Longer than the oldest pending invite is old: nothing is stale any more.
  const now = Date.now();
  const oldestDays = Math.max(
    ...consoleDouble.backend
      .state()
      .members.filter((member) => member.status === 'pending')
      .map((member) => (now - Date.parse(member.invitedAt)) / 86_400_000),
  );
  const options = await openOptions(context, extensionId);
  await options.getByRole('spinbutton', { name: 'Stale invite after (days)' }).fill(String(Math.min(365, Math.ceil(oldestDays) + 1)));
  await options.getByRole('spinbutton', { name: 'Too many Admins: more than' }).fill('1');
  await save(options);
  expect(oldestDays).toBeLessThan(364);
  await expect(summary(page).getByRole('button', { name: 'Stale invites: 0' })).toBeVisible();
  await expect(summary(page)).toContainText('This org has 2 Admins, more than 1.');

  // The US region off: the features leave the page; a fresh visit starts nothing.
  await options.getByRole('checkbox', { name: 'US (app.amplitude.com)' }).uncheck();
  await save(options);
  await expect(chip(page)).toHaveCount(0);
  await expect(badges(page)).toHaveCount(0);
  await openMembers(page);
  await expect(page.getByRole('table', { name: /users/ }).getByRole('row').nth(5)).toBeVisible();
  // The EU app is still served, with Admin Lens on.
  const eu = await context.newPage();
  await openMembers(eu, membersUrl('demo-org', 'https://app.eu.amplitude.com'));
  await expect(chip(eu)).toBeVisible();
  await expect(chip(page)).toHaveCount(0);
  await expect(badges(page)).toHaveCount(0);

  await options.getByRole('checkbox', { name: 'US (app.amplitude.com)' }).check();
  await save(options);
  await expect(chip(page)).toBeVisible();
  await expect(badges(page).first()).toBeVisible();
});

test('invalid values are explained next to their field and not saved', async ({ context, extensionId }) => {
  const options = await openOptions(context, extensionId);
  const batch = options.getByRole('spinbutton', { name: 'Invite batch size' });
  await expect(batch).toHaveValue('10');
  await batch.fill('11');
  await options.getByRole('spinbutton', { name: 'Stale invite after (days)' }).fill('');
  await options.getByRole('button', { name: 'Save' }).click();
  await expect(saveStatus(options)).toHaveText('Not saved: 2 fields need attention.');
  await expect(options.getByRole('spinbutton', { name: 'Stale invite after (days)' })).toBeFocused();
  await expect(options.getByRole('spinbutton', { name: 'Stale invite after (days)' })).toHaveAccessibleDescription(/Enter a number\./);
  await expect(batch).toHaveAccessibleDescription(/Enter at most 10\./);
  await expect(batch).toHaveAttribute('aria-invalid', 'true');

  await options.reload();
  await expect(options.getByRole('spinbutton', { name: 'Invite batch size' })).toHaveValue('10');
  await expect(options.getByRole('spinbutton', { name: 'Stale invite after (days)' })).toHaveValue('14');
});

test('export, import and reset: the exported file restores the settings; a bad file is refused with its reason', async ({ context, extensionId }) => {
  const options = await openOptions(context, extensionId);
  await options.getByRole('spinbutton', { name: 'Invite batch size' }).fill('3');
  await options.getByRole('checkbox', { name: 'Group escalation notes' }).uncheck();
  await save(options);

  const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Export settings' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^admin-lens-settings-\d{4}-\d\d-\d\d\.json$/);
  const exported = JSON.parse(readFileSync(await download.path(), 'utf8')) as { format: string; version: number; settings: Record<string, unknown> };
  expect(exported).toMatchObject({ format: 'admin-lens-settings', version: 4, settings: { inviteBatchSize: 3, features: { 'groups-escalation': false } } });

  await options.getByRole('button', { name: 'Reset to defaults' }).click();
  await expect(saveStatus(options)).toHaveText('Restored the defaults and saved.');
  await expect(options.getByRole('spinbutton', { name: 'Invite batch size' })).toHaveValue('10');
  await expect(options.getByRole('checkbox', { name: 'Group escalation notes' })).toBeChecked();

  const dir = mkdtempSync(path.join(tmpdir(), 'admin-lens-settings-'));
  try {
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...exported, settings: { ...exported.settings, inviteBatchSize: 25 } }));
    const chooser = options.waitForEvent('filechooser');
    await options.getByRole('button', { name: 'Import settings…' }).click();
    await (await chooser).setFiles(bad);
    await expect(options.getByRole('alert')).toHaveText('Could not import “bad.json”: The file\'s settings are not valid: Invite batch size: Enter at most 10.');
    await expect(saveStatus(options)).toHaveText('Nothing was imported.');
    await expect(options.getByRole('spinbutton', { name: 'Invite batch size' })).toHaveValue('10');

    const good = path.join(dir, 'good.json');
    writeFileSync(good, JSON.stringify(exported));
    await options.getByLabel('Import settings file').setInputFiles(good);
    await expect(saveStatus(options)).toHaveText('Imported and saved the settings from “good.json”.');
    await expect(options.getByRole('alert')).toHaveCount(0);
    await expect(options.getByRole('spinbutton', { name: 'Invite batch size' })).toHaveValue('3');
    await options.reload();
    await expect(options.getByRole('checkbox', { name: 'Group escalation notes' })).not.toBeChecked();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the popup links to the settings', async ({ context, extensionId }) => {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const opened = context.waitForEvent('page');
  await popup.getByRole('link', { name: 'Settings' }).click();
  await expect(await opened).toHaveURL(optionsUrl(extensionId));
});

test.describe('settings survive a browser restart', () => {
  let profile: PersistentProfile;
  test.beforeEach(() => {
    profile = persistentProfile('options');
  });
  test.afterEach(() => profile.remove());
  const launch = (double: ReturnType<typeof createConsoleDouble>) => profile.launch(double);

  test('values saved on the options page are there after a restart, and the audit log shares the retention', async () => {
    const double = createConsoleDouble({ seed: 'demo' });
    let { context, extensionId } = await launch(double);
    let options = await openOptions(context, extensionId);
    await options.getByRole('spinbutton', { name: 'Too many Admins: more than' }).fill('5');
    await options.getByRole('spinbutton', { name: 'Invite batch size' }).fill('4');
    await options.getByRole('combobox', { name: 'Keep audit log entries' }).selectOption('90 days');
    await options.getByRole('checkbox', { name: 'EU (app.eu.amplitude.com)' }).uncheck();
    await options.getByRole('checkbox', { name: 'Status chip' }).uncheck();
    await save(options);
    await context.close();

    ({ context, extensionId } = await launch(double));
    options = await openOptions(context, extensionId);
    await expect(options.getByRole('spinbutton', { name: 'Too many Admins: more than' })).toHaveValue('5');
    await expect(options.getByRole('spinbutton', { name: 'Invite batch size' })).toHaveValue('4');
    await expect(options.getByRole('spinbutton', { name: 'Stale invite after (days)' })).toHaveValue('14');
    await expect(options.getByRole('combobox', { name: 'Keep audit log entries' })).toHaveValue('90');
    await expect(options.getByRole('checkbox', { name: 'EU (app.eu.amplitude.com)' })).not.toBeChecked();
    await expect(options.getByRole('checkbox', { name: 'US (app.amplitude.com)' })).toBeChecked();
    await expect(options.getByRole('checkbox', { name: 'Status chip' })).not.toBeChecked();
    await expect(options.getByRole('checkbox', { name: 'Access badges' })).toBeChecked();

    // The audit log page reads the same retention; and the page after the restart runs without the chip.
    const log = await context.newPage();
    await log.goto(`chrome-extension://${extensionId}/audit-log.html`);
    await expect(log.getByRole('combobox', { name: 'Keep entries' })).toHaveValue('90');
    const page = context.pages()[0] ?? (await context.newPage());
    await openMembers(page);
    await expect(badges(page).first()).toBeVisible();
    await expect(chip(page)).toHaveCount(0);
    await context.close();
  });
});
