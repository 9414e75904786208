/**
 * Issue 6: the removal guard in front of the console's "Remove Members?" confirm, and the audit log.
 * What reached the console's backend is checked against the double's mutation log.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { dialog, membersUrl, openMembers, toasts } from './console-helpers';
import { createConsoleDouble } from '../console/server/double';
import { auditCsv } from '../../utils/audit/export';
import type { AuditRecord } from '../../utils/audit/entry';
import { persistentProfile, type PersistentProfile } from './support/persistent-profile';

const guardPanel = (page: Page) => dialog(page, 'Remove Members?').getByRole('region', { name: 'Admin Lens removal check' });
const removals = (mutations: { operation: string }[]) => mutations.filter((mutation) => mutation.operation === 'RemoveMembers');
const entryOf = (page: Page, email: string) => page.getByRole('article').filter({ hasText: email });

/** Opens the dialog for one person through the row menu ("More actions for <name>" → Remove). */
async function openRemoveFromRow(page: Page, name: string) {
  await page.getByRole('button', { name: `More actions for ${name}` }).click();
  await page.getByRole('menu', { name: `More actions for ${name}` }).getByRole('menuitem', { name: 'Remove' }).click();
  return dialog(page, 'Remove Members?');
}

/** Opens the dialog through the bulk toolbar. */
async function openRemoveBulk(page: Page, names: string[]) {
  for (const name of names) await page.getByRole('checkbox', { name: `Select ${name}` }).check();
  await page.getByRole('toolbar', { name: 'Bulk actions' }).getByRole('button', { name: 'Remove' }).click();
  return dialog(page, 'Remove Members?');
}

async function openedWithData(page: Page, url?: string) {
  await openMembers(page, url);
  // The chip says the org was read: the guard decides with current data.
  await expect(page.getByRole('status', { name: /Admin Lens is active/ })).toContainText(/members/);
}

test('a content owner removed without transfer is stopped; Go back keeps everyone; the deliberate path removes and is audited', async ({ page, consoleDouble, extensionId }) => {
  await openedWithData(page);
  let modal = await openRemoveBulk(page, ['Grace Liu']);
  const confirm = modal.getByRole('button', { name: 'Remove', exact: true });
  await confirm.click();
  const panel = guardPanel(page);
  await expect(panel.getByRole('alert')).toContainText('becomes unassigned');
  await expect(panel).toContainText('Owns 48 charts, 12 dashboards, 9 cohorts, 4 notebooks');
  await expect(panel).toContainText('Access that disappears:');
  await expect(panel).toContainText('This cannot be undone.');
  await expect(panel.getByRole('status')).toContainText('held this removal back');
  expect(removals(consoleDouble.backend.mutations())).toEqual([]);

  // Go back and transfer: the transfer checkbox is ticked and focused; nothing is removed.
  await panel.getByRole('button', { name: 'Go back and transfer' }).click();
  const transfer = modal.getByRole('checkbox', { name: 'Transfer content to another user' });
  await expect(transfer).toBeChecked();
  await expect(transfer).toBeFocused();
  await modal.getByRole('button', { name: 'Cancel' }).click();
  await expect(modal).toHaveCount(0);
  expect(removals(consoleDouble.backend.mutations())).toEqual([]);
  await expect(page.getByRole('row', { name: /Grace Liu/ })).toBeVisible();

  // The deliberate path: Remove without transfer, acknowledge, then the console's Remove.
  modal = await openRemoveFromRow(page, 'Grace Liu');
  await guardPanel(page).getByRole('button', { name: 'Remove without transfer' }).click();
  await modal.getByRole('button', { name: 'Remove', exact: true }).click();
  expect(removals(consoleDouble.backend.mutations())).toEqual([]);
  await guardPanel(page).getByRole('checkbox', { name: 'I understand the content will be orphaned' }).check();
  await modal.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(toasts(page).getByText('Removed Grace Liu.')).toBeVisible();
  await expect(modal).toHaveCount(0);
  expect(removals(consoleDouble.backend.mutations())).toMatchObject([{ variables: { memberIds: ['u-5'], transferToMemberId: null } }]);

  // The audit log has it, with the before-state and the outcome.
  const log = await page.context().newPage();
  await log.goto(`chrome-extension://${extensionId}/audit-log.html`);
  const entry = log.getByRole('article').filter({ hasText: 'grace.liu@lumenfield.example' });
  await expect(entry).toContainText('48 charts, 12 dashboards, 9 cohorts, 4 notebooks');
  await expect(entry).toContainText('Transfer: none');
  // The outcome is written once the page has read the org again after the dialog closed.
  await expect(async () => {
    await log.reload();
    await expect(entry).toContainText('Outcome: Removed', { timeout: 500 });
  }).toPass({ timeout: 10_000 });
  await expect(entry).toContainText('maya.okafor@lumenfield.example');
});

test('a removal with transfer to an active recipient passes through untouched and the content moves', async ({ context, page, consoleDouble, extensionId }) => {
  await openedWithData(page);
  const modal = await openRemoveBulk(page, ['Grace Liu']);
  await modal.getByRole('checkbox', { name: 'Transfer content to another user' }).check();
  const recipient = modal.getByRole('combobox', { name: 'Transfer content to' });
  await recipient.fill('Ethan');
  await page.getByRole('listbox', { name: 'Transfer content to' }).getByRole('option', { name: 'Ethan Brooks' }).click();
  await expect(recipient).toHaveValue('Ethan Brooks');
  await expect(guardPanel(page)).toHaveCount(0);
  await modal.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(toasts(page).getByText('Removed Grace Liu. Content transferred to Ethan Brooks.')).toBeVisible();
  expect(removals(consoleDouble.backend.mutations())).toMatchObject([{ variables: { memberIds: ['u-5'], transferToMemberId: 'u-10' } }]);
  const ethan = consoleDouble.backend.state().members.find((member) => member.id === 'u-10');
  expect(ethan?.content).toEqual({ charts: 27 + 48, dashboards: 6 + 12, cohorts: 3 + 9, notebooks: 2 + 4 });
  // Safe removals are audited too, recorded before the console was let through.
  const log = await context.newPage();
  await log.goto(`chrome-extension://${extensionId}/audit-log.html`);
  await expect(entryOf(log, 'grace.liu@lumenfield.example')).toContainText('passed without warnings');
  await expect(entryOf(log, 'grace.liu@lumenfield.example')).toContainText('Content: 48 charts, 12 dashboards, 9 cohorts, 4 notebooks');
});

test('oneself cannot be removed through the guard, by click or keyboard', async ({ page, consoleDouble }) => {
  await openedWithData(page);
  const modal = await openRemoveFromRow(page, 'Maya Okafor');
  const panel = guardPanel(page);
  await expect(panel.getByRole('alert')).toContainText('You cannot remove yourself (Maya Okafor, signed in)');
  await expect(panel.getByRole('button')).toHaveCount(0);
  const confirm = modal.getByRole('button', { name: 'Remove', exact: true });
  await confirm.click();
  await confirm.focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Space');
  await expect(modal).toBeVisible();
  // Not even the console's own refusal: the request never left the page.
  expect(consoleDouble.backend.mutations()).toEqual([]);
  expect(consoleDouble.backend.refusals()).toEqual([]);
});

test.describe('an org with a single Admin', () => {
  test.use({ seed: 'sole-admin' });

  test('the only Admin cannot be removed, by click or by keyboard (Tab to Remove, Enter, Space)', async ({ page, consoleDouble }) => {
    await openedWithData(page, membersUrl('solo-org'));
    const modal = await openRemoveFromRow(page, 'Rosa Lindqvist');
    const panel = guardPanel(page);
    await expect(panel.getByRole('alert')).toContainText('Rosa Lindqvist is the only Admin; the organization must keep at least one Admin.');
    const confirm = modal.getByRole('button', { name: 'Remove', exact: true });
    // Keyboard: Tab until Remove has focus.
    for (let step = 0; step < 12 && !(await confirm.evaluate((element) => element === document.activeElement)); step++) await page.keyboard.press('Tab');
    await expect(confirm).toBeFocused();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Space');
    await confirm.click();
    await expect(modal).toBeVisible();
    expect(consoleDouble.backend.mutations()).toEqual([]);
    expect(consoleDouble.backend.refusals()).toEqual([]);
    expect(consoleDouble.backend.state().members.map((member) => member.id)).toContain('u-1');
  });
});

test('no path lets an unconfirmed removal through: click at once, Enter, double click, click during the warning', async ({ page, consoleDouble }) => {
  await openedWithData(page);
  const modal = await openRemoveBulk(page, ['Grace Liu', 'Gabriel Costa']);
  const confirm = modal.getByRole('button', { name: 'Remove', exact: true });
  // At once, while our panel is still being mounted.
  await confirm.click();
  await confirm.focus();
  await page.keyboard.press('Enter');
  await confirm.dblclick();
  await expect(guardPanel(page).getByRole('alert')).toBeVisible();
  await confirm.click();
  // Enter with focus on the dialog itself.
  await modal.focus();
  await page.keyboard.press('Enter');
  // Half way: "Remove without transfer" without the acknowledgement is not a confirmation.
  await guardPanel(page).getByRole('button', { name: 'Remove without transfer' }).click();
  await confirm.click();
  await confirm.dblclick();
  // Acknowledged, then withdrawn: still not.
  const understand = guardPanel(page).getByRole('checkbox', { name: 'I understand the content will be orphaned' });
  await understand.check();
  await understand.uncheck();
  await confirm.click();
  await expect(modal).toBeVisible();
  await expect(page.getByRole('row', { name: /Grace Liu/ })).toBeVisible();
  expect(removals(consoleDouble.backend.mutations())).toEqual([]);
});

test('an acknowledgement counts once only, and a double click after it removes once', async ({ page, consoleDouble }) => {
  await openedWithData(page);
  const modal = await openRemoveFromRow(page, 'Gabriel Costa');
  await guardPanel(page).getByRole('button', { name: 'Remove without transfer' }).click();
  await guardPanel(page).getByRole('checkbox', { name: 'I understand the content will be orphaned' }).check();
  await modal.getByRole('button', { name: 'Remove', exact: true }).dblclick();
  await expect(toasts(page).getByText('Removed Gabriel Costa.')).toBeVisible();
  expect(removals(consoleDouble.backend.mutations())).toHaveLength(1);
});

test.describe('the audit log survives a browser restart', () => {
  let profile: PersistentProfile;
  test.beforeEach(() => {
    profile = persistentProfile('audit');
  });
  test.afterEach(() => profile.remove());
  const launch = (double: ReturnType<typeof createConsoleDouble>) => profile.launch(double);


  test('each removal shows its before-state and outcome after a reload and a restart; the CSV export matches', async () => {
    const double = createConsoleDouble({ seed: 'demo' });
    let { context, extensionId } = await launch(double);
    const page = context.pages()[0] ?? (await context.newPage());
    await openedWithData(page);

    // A guarded removal (content orphaned, confirmed deliberately) and a safe one (owns nothing).
    let modal = await openRemoveFromRow(page, 'Gabriel Costa');
    await guardPanel(page).getByRole('button', { name: 'Remove without transfer' }).click();
    await guardPanel(page).getByRole('checkbox', { name: 'I understand the content will be orphaned' }).check();
    await modal.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect(toasts(page).getByText('Removed Gabriel Costa.')).toBeVisible();
    await expect(modal).toHaveCount(0);
    modal = await openRemoveFromRow(page, 'Tomás Herrera');
    await expect(guardPanel(page)).toHaveCount(0);
    await modal.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect(toasts(page).getByText('Removed Tomás Herrera.')).toBeVisible();
    expect(double.backend.mutations().filter((m) => m.operation === 'RemoveMembers')).toHaveLength(2);

    const log = await context.newPage();
    await log.goto(`chrome-extension://${extensionId}/audit-log.html`);
    await expect(async () => {
      await log.reload();
      await expect(entryOf(log, 'gabriel.costa@lumenfield.example')).toContainText('Outcome: Removed', { timeout: 500 });
      await expect(entryOf(log, 'tomas.herrera@lumenfield.example')).toContainText('Outcome: Removed', { timeout: 500 });
    }).toPass({ timeout: 10_000 });
    await context.close();

    // Same profile, new browser.
    ({ context, extensionId } = await launch(double));
    const again = context.pages()[0] ?? (await context.newPage());
    await again.goto(`chrome-extension://${extensionId}/audit-log.html`);
    await expect(again.getByRole('status')).toHaveText('Showing 2 of 2 entries');
    const gabriel = entryOf(again, 'gabriel.costa@lumenfield.example');
    await expect(gabriel).toContainText('Content: 15 charts, 3 dashboards, 4 cohorts, 2 notebooks');
    await expect(gabriel).toContainText('Access before:');
    await expect(gabriel).toContainText('Transfer: none');
    await expect(gabriel).toContainText('confirmed past warnings');
    await expect(gabriel).toContainText('Outcome: Removed');
    const tomas = entryOf(again, 'tomas.herrera@lumenfield.example');
    await expect(tomas).toContainText('passed without warnings');
    await expect(tomas).toContainText('Content: 0 charts, 0 dashboards, 0 cohorts, 0 notebooks');

    // Filters.
    await again.getByRole('searchbox', { name: 'Search' }).fill('gabriel');
    await expect(again.getByRole('status')).toHaveText('Showing 1 of 2 entries');
    await again.getByRole('searchbox', { name: 'Search' }).fill('');
    await again.getByRole('combobox', { name: 'Outcome' }).selectOption('still-there');
    await expect(again.getByRole('status')).toHaveText('Showing 0 of 2 entries');
    await again.getByRole('combobox', { name: 'Outcome' }).selectOption('all');

    // The CSV export is exactly the log's entries, written by the same formula-safe writer.
    const records = (await again.evaluate(async () => {
      const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } } }).chrome.runtime;
      const answer = (await runtime.sendMessage({ type: 'audit-list' })) as { result: { entries: unknown[] } };
      return answer.result.entries;
    })) as AuditRecord[];
    expect(records).toHaveLength(2);
    const [download] = await Promise.all([again.waitForEvent('download'), again.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^admin-lens-removal-audit-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toBe(auditCsv(records));
    expect(csv).toContain('gabriel.costa@lumenfield.example');
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(3);
    await context.close();
  });
});
