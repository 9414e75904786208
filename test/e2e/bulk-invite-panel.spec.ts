/**
 * Bulk invite, input and preview (issue 7): our button beside "Invite New Users" opens the panel;
 * pasted, tab-separated and file input (semicolon + BOM) are validated against the demo org.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const MEMBERS_URL = 'https://app.amplitude.com/analytics/demo-org/settings/members';
const opener = (page: Page) => page.getByRole('button', { name: 'Bulk invite from CSV' });
const dialog = (page: Page) => page.getByRole('dialog', { name: 'Bulk invite from CSV' });
const textarea = (page: Page) => dialog(page).getByRole('textbox', { name: 'Paste CSV or spreadsheet rows' });
const rowOf = (page: Page, email: string) => dialog(page).getByRole('table', { name: 'Rows to invite' }).getByRole('row').filter({ hasText: new RegExp(email.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }); // case-sensitive

async function openPanel(page: Page) {
  await page.goto(MEMBERS_URL);
  await expect(page.getByRole('button', { name: 'Invite New Users' })).toBeVisible();
  await opener(page).click();
  await expect(dialog(page)).toBeVisible();
}

test('a mixed CSV shows counts and every row with its status and fix', async ({ page }) => {
  await openPanel(page);
  const csv = [
    'Email,Team,Groups',
    'new.person@example.com,Engineering,Product Analysts',
    'priya.natarajan@lumenfield.example,,',
    'ryan.patel@lumenfield.example,,',
    'not-an-email,,',
    'NEW.person@example.com,,',
    'someone.else@example.com,Product,Engineering Lead',
  ].join('\n');
  await textarea(page).fill(csv);

  await expect(dialog(page).getByText('1 to invite · 2 to skip · 3 invalid')).toBeVisible();
  await expect(rowOf(page, 'new.person@example.com')).toContainText('Ready');
  await expect(rowOf(page, 'priya.natarajan@lumenfield.example')).toContainText('Skip: Already a member (Priya Natarajan)');
  await expect(rowOf(page, 'ryan.patel@lumenfield.example')).toContainText('Skip: Already invited (pending since');
  await expect(rowOf(page, 'not-an-email')).toContainText('Invalid');
  await expect(rowOf(page, 'not-an-email')).toContainText('email: "not-an-email" is not a valid email address');
  await expect(rowOf(page, 'NEW.person@example.com')).toContainText('email: Duplicate of row 1');
  await expect(rowOf(page, 'someone.else@example.com')).toContainText('groups: "Engineering Lead" is not a group. Did you mean "Engineering Leads"?');
  await expect(dialog(page).getByText('1 batch of up to 10 (1 email)', { exact: false })).toBeVisible();
  await expect(dialog(page).getByRole('button', { name: 'Invite 1 person' })).toBeEnabled();

  // Errors download: only the problem rows, with status and error columns.
  const downloading = page.waitForEvent('download');
  await dialog(page).getByRole('button', { name: 'Download errors' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^invite-errors-demo-org-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  expect(lines[0]).toBe('Email,Team,Groups,status,error');
  expect(lines).toHaveLength(6);
  expect(lines.some((line) => line.startsWith('new.person@example.com'))).toBe(false);

  // Edit and re-validate: fix the group; the text stays, the counts follow.
  await textarea(page).fill(csv.replace('Engineering Lead\n', 'Engineering Leads\n').replace(/Engineering Lead$/, 'Engineering Leads'));
  await expect(dialog(page).getByText('2 to invite · 2 to skip · 2 invalid')).toBeVisible();
  await expect(textarea(page)).toHaveValue(/Engineering Leads$/);
});

test('a tab-separated paste from a spreadsheet works', async ({ page }) => {
  await openPanel(page);
  await textarea(page).fill('email\tteam\tgroups\nalpha@example.com\tProduct\tProduct Analysts\nbeta@example.com\tSales\tSales Viewers\n');
  await expect(dialog(page).getByText('2 to invite · 0 to skip · 0 invalid')).toBeVisible();
  await expect(rowOf(page, 'beta@example.com')).toContainText('Ready');
});

test('a semicolon CSV with a BOM from the file picker works', async ({ page }) => {
  await openPanel(page);
  const text = '\uFEFFE-Mail;Team;Groups\r\ngamma@example.com;Marketing;Marketing Team\r\ndelta@example.com;Data;"Data Platform;Sales Viewers"\r\n';
  await dialog(page).locator('input[type="file"]').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
  await expect(dialog(page).getByText('2 to invite · 0 to skip · 0 invalid')).toBeVisible();
  await expect(rowOf(page, 'gamma@example.com')).toContainText('Ready');
  await expect(textarea(page)).toHaveValue(/gamma@example\.com;Marketing/);
});

test('Download template gives a CSV with an email header', async ({ page }) => {
  await openPanel(page);
  const downloading = page.waitForEvent('download');
  await dialog(page).getByRole('button', { name: 'Download template' }).click();
  const download = await downloading;
  const header = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/)[0]!;
  expect(header.split(',')).toContain('email');
});

test('Esc closes the panel and focus returns to our button; the text stays', async ({ page }) => {
  await openPanel(page);
  await expect(textarea(page)).toBeFocused();
  await textarea(page).fill('email\nkeep.me@example.com');
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toBeHidden();
  await expect(opener(page)).toBeFocused();
  await opener(page).click();
  await expect(textarea(page)).toHaveValue('email\nkeep.me@example.com');
});
