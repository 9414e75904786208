/**
 * Small steps shared by the console double's specs (console-*.spec.ts), written the way an admin
 * works the page: by role, accessible name and visible text, never by class.
 */
import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

export const MEMBERS_URL = 'https://app.amplitude.com/analytics/demo-org/settings/members';
export const membersUrl = (orgUrl: string, host = 'https://app.amplitude.com'): string => `${host}/analytics/${orgUrl}/settings/members`;

/** Opens Members & Groups and waits until the users table has its rows. */
export async function openMembers(page: Page, url = MEMBERS_URL): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('heading', { name: 'Team Members & Groups', level: 1 })).toBeVisible();
  await expect(page.getByRole('table', { name: /users/ }).getByRole('row').nth(1)).toBeVisible();
}

/** Opens a combobox and picks an option from its listbox (rendered in a portal at the end of <body>). */
export async function pickOption(page: Page, scope: Page | Locator, combobox: string, option: string): Promise<void> {
  await scope.getByRole('combobox', { name: combobox, exact: true }).click();
  const listbox = page.getByRole('listbox', { name: combobox, exact: true });
  await listbox.getByRole('option', { name: option, exact: true }).click();
}

/** The row of a person (or group) in a table, by the name shown in it. */
export const rowOf = (scope: Page | Locator, name: string): Locator => scope.getByRole('row').filter({ hasText: name });

export const dialog = (page: Page, title: string): Locator => page.getByRole('dialog', { name: title });

/** Toasts live in the "Notifications" region. */
export const toasts = (page: Page): Locator => page.getByRole('region', { name: 'Notifications' });
