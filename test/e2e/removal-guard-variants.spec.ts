/**
 * Issue 12, acceptance 1: the removal guard on every markup variant of the console double (the
 * default rendition is removal-guard.spec.ts). Removing a content owner without transfer never
 * reaches the backend without the deliberate step (mutation log); a transfer to an active
 * recipient passes; oneself and all the Admins are refused. Where the dialog cannot be read
 * (names only), the guard holds and says why, and a removal past it is audited as unverified.
 * Everything is found the way an admin reads it, in any casing.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openMembers } from './console-helpers';
import { landmarks, openPopupFor, row as popupRow } from './support/popup';
import type { MarkupVariant } from '../console/shared/markup';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const exactly = (text: string) => new RegExp(`^${escape(text)}$`, 'i');

const removeDialog = (page: Page): Locator =>
  page
    .getByRole('dialog')
    .or(page.getByRole('alertdialog'))
    .filter({ has: page.getByRole('heading', { name: /^remove members\??$/i }) });
const guardPanel = (page: Page) => removeDialog(page).getByRole('region', { name: 'Admin Lens removal check' });
const confirmOf = (modal: Locator) => modal.getByRole('button', { name: /^remove( members)?$/i });
const removals = <M extends { operation: string }>(mutations: M[]) => mutations.filter((mutation) => mutation.operation === 'RemoveMembers');

async function openWithData(page: Page) {
  await openMembers(page).catch(() => undefined); // the default helper looks for a table; not every variant has one
  await expect(page.getByRole('heading', { name: /^team members & groups$/i, level: 1 })).toBeVisible();
  await expect(page.getByRole('status', { name: /Admin Lens is active/ })).toContainText(/members/);
}

async function openRemoveFromRow(page: Page, name: string) {
  await page.getByRole('button', { name: exactly(`More actions for ${name}`) }).click();
  await page.getByRole('menu', { name: exactly(`More actions for ${name}`) }).getByRole('menuitem', { name: /^remove$/i }).click();
  const modal = removeDialog(page);
  await expect(modal).toBeVisible();
  return modal;
}

async function openRemoveBulk(page: Page, names: string[]) {
  for (const name of names) await page.getByRole('checkbox', { name: exactly(`Select ${name}`) }).check();
  await page.getByRole('toolbar', { name: /^bulk actions$/i }).getByRole('button', { name: /^remove$/i }).click();
  const modal = removeDialog(page);
  await expect(modal).toBeVisible();
  return modal;
}

const READABLE: MarkupVariant[] = ['aria-grid', 'plain-divs', 'reworded'];

for (const variant of READABLE) {
  test.describe(`markup variant ${variant}`, () => {
    test.use({ markup: variant });

    test('a content owner without transfer is held until the deliberate step; a transfer to an active recipient passes', async ({ page, consoleDouble }) => {
      await openWithData(page);
      let modal = await openRemoveFromRow(page, 'Grace Liu');
      await confirmOf(modal).click();
      await expect(guardPanel(page).getByRole('alert')).toContainText('becomes unassigned');
      await expect(guardPanel(page)).toContainText('Owns 48 charts, 12 dashboards, 9 cohorts, 4 notebooks');
      await confirmOf(modal).press('Enter');
      expect(removals(consoleDouble.backend.mutations())).toEqual([]);

      await guardPanel(page).getByRole('button', { name: 'Remove without transfer' }).click();
      await guardPanel(page).getByRole('checkbox', { name: 'I understand the content will be orphaned' }).check();
      await confirmOf(modal).click();
      await expect(modal).toHaveCount(0);
      expect(removals(consoleDouble.backend.mutations())).toMatchObject([{ variables: { memberIds: ['u-5'], transferToMemberId: null } }]);

      // A transfer to someone active in the last 30 days passes with no extra click.
      modal = await openRemoveBulk(page, ['Mei Chen']);
      await modal.getByRole('checkbox', { name: /transfer/i }).check();
      const recipient = modal.getByRole('combobox');
      await recipient.fill('Ethan');
      await page.getByRole('option', { name: /^Ethan Brooks/ }).click();
      await expect(recipient).toHaveValue('Ethan Brooks');
      await expect(guardPanel(page)).toHaveCount(0);
      await confirmOf(modal).click();
      await expect(modal).toHaveCount(0);
      expect(removals(consoleDouble.backend.mutations())[1]).toMatchObject({ variables: { memberIds: ['u-23'], transferToMemberId: 'u-10' } });
    });

    test('oneself and all the Admins are refused, by click and keyboard', async ({ page, consoleDouble }) => {
      await openWithData(page);
      const modal = await openRemoveBulk(page, ['Maya Okafor', 'Daniel Reyes']);
      await confirmOf(modal).click();
      const refusal = guardPanel(page).getByRole('alert');
      await expect(refusal).toContainText('You cannot remove yourself (Maya Okafor, signed in)');
      await expect(refusal).toContainText('These are all the Admins');
      await expect(guardPanel(page).getByRole('button')).toHaveCount(0);
      await confirmOf(modal).focus();
      await page.keyboard.press('Enter');
      await page.keyboard.press('Space');
      await expect(modal).toBeVisible();
      expect(consoleDouble.backend.mutations()).toEqual([]);
    });
  });
}

test.describe('markup variant names-only (the dialog shows no emails)', () => {
  test.use({ markup: 'names-only' });

  test('every removal is held, saying whose email it could not read; removing anyway is audited as unverified', async ({ page, consoleDouble, extensionId }) => {
    await openWithData(page);
    // Even someone who owns nothing, and a transfer to an active recipient: who it is cannot be told.
    let modal = await openRemoveFromRow(page, 'Chloe Martin');
    await confirmOf(modal).click();
    await expect(guardPanel(page).getByRole('alert')).toContainText('could not read the email of "Chloe Martin" in the dialog');
    await expect(guardPanel(page).getByRole('status')).toContainText('held this removal back');
    expect(removals(consoleDouble.backend.mutations())).toEqual([]);
    await modal.getByRole('button', { name: /^cancel$/i }).click();

    // Oneself is not refused outright (the guard cannot tell it is you) but never passes unasked.
    modal = await openRemoveFromRow(page, 'Maya Okafor');
    await confirmOf(modal).click();
    await expect(guardPanel(page).getByRole('alert')).toContainText('could not read the email of "Maya Okafor"');
    expect(consoleDouble.backend.mutations()).toEqual([]);
    await modal.getByRole('button', { name: /^cancel$/i }).click();

    modal = await openRemoveFromRow(page, 'Grace Liu');
    await confirmOf(modal).click();
    await guardPanel(page).getByRole('button', { name: 'Remove anyway' }).click();
    await guardPanel(page).getByRole('checkbox', { name: 'I understand Admin Lens could not check this removal' }).check();
    await confirmOf(modal).click();
    await expect(modal).toHaveCount(0);
    expect(removals(consoleDouble.backend.mutations())).toMatchObject([{ variables: { memberIds: ['u-5'], transferToMemberId: null } }]);

    const log = await page.context().newPage();
    await log.goto(`chrome-extension://${extensionId}/audit-log.html`);
    const entry = log.getByRole('article').filter({ hasText: 'Grace Liu' });
    await expect(entry).toContainText('removed anyway, unverified');
    await expect(entry).toContainText('could not read the email of "Grace Liu"');
  });

  test('the popup reports the open removal dialog found but its people unreadable: MISSING, not "not on screen"', async ({ page, context, extensionId }) => {
    await openWithData(page);
    await openRemoveFromRow(page, 'Chloe Martin');
    const popup = await openPopupFor(context, extensionId);
    const row = (name: string) => popupRow(landmarks(popup), name);
    await expect(row('"Remove Members?" dialog')).toContainText(/^found/);
    await expect(row('An email for each person in the removal dialog')).toContainText(/^MISSING/);
    await expect(row('Button "Remove" in the dialog')).toContainText(/^found/);
  });
});
