/**
 * The change-of-email panel as an admin works it (issue 18), shared by the email-change specs:
 * the panel, its step line, opening it from a person's badge card, planning and starting a change.
 */
import type { Page } from '@playwright/test';
import type { ConsoleDouble } from '../../console/server/double';
import { expect } from '../fixtures';

export const panel = (page: Page) => page.getByRole('dialog', { name: 'Change email' });
export const step = (page: Page) => panel(page).getByRole('region', { name: 'Where the change is' }).getByRole('status');

/**
 * Opens the person's breakdown card from their badge and presses "Change email…". The badge is
 * found by its name, wherever it is: a table row, a grid row or plain divs, depending on the markup.
 */
export async function openChangeEmail(page: Page, name: string) {
  await expect(page.getByRole('status', { name: /Admin Lens is active/ })).toContainText(/members/);
  const badge = page.getByRole('button', { name: new RegExp(`^Access for ${name}:`) });
  await badge.focus();
  await page.keyboard.press('Enter');
  const card = page.getByRole('dialog', { name: `Access for ${name}` });
  await card.getByRole('button', { name: 'Change email…' }).click();
  await expect(panel(page)).toBeVisible();
}

/**
 * Plans and starts a change: the team spaces (not readable per person on any console) ticked, or
 * left empty on purpose when none are given; the new address typed.
 */
export async function startChange(page: Page, name: string, newEmail: string, spaces: string[] = []) {
  await openChangeEmail(page, name);
  const dialog = panel(page);
  // The plan as read: team spaces are not readable on this console and say so.
  await expect(dialog.getByText('Not readable on this console: fill it in or leave it empty below')).toBeVisible();
  const fillIn = dialog.getByRole('group', { name: 'Team spaces: fill in or leave empty' });
  if (spaces.length === 0) await fillIn.getByRole('checkbox', { name: 'Leave empty' }).check();
  for (const space of spaces) await fillIn.getByRole('checkbox', { name: space }).check();
  await dialog.getByRole('textbox', { name: 'New email address' }).fill(newEmail);
  await dialog.getByRole('button', { name: 'Invite the new address' }).click();
}


/** Step 2 and 3 with the days in between simulated: the invite accepted and the account used, then the old account removed. */
export async function acceptAndRemove(page: Page, double: ConsoleDouble, oldEmail: string, newEmail: string) {
  await expect(step(page)).toContainText(`waiting for ${newEmail} to accept the invite`);
  double.backend.acceptInvite({ email: newEmail, lastActiveAt: new Date().toISOString() });
  await panel(page).getByRole('button', { name: 'Check again' }).click();
  await expect(step(page)).toContainText(`Ready for step 3: ${newEmail} joined and is active`);
  await panel(page).getByRole('button', { name: 'Remove the old account and transfer its content' }).click();
  await expect(step(page)).toContainText(`Done: ${oldEmail} is now ${newEmail}.`, { timeout: 30_000 });
}
