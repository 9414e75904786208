/**
 * Bulk invite, files as people really have them (issue 14), through the real panel: an empty file,
 * Excel's "Unicode text" (UTF-16 LE, tab-separated), a UTF-16 BE file, a Windows-1252 CSV and an
 * Excel workbook, each by the file picker or by drag and drop, which get the same checks.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const MEMBERS_URL = 'https://app.amplitude.com/analytics/demo-org/settings/members';
const dialog = (page: Page) => page.getByRole('dialog', { name: 'Bulk invite from CSV' });
const textarea = (page: Page) => dialog(page).getByRole('textbox', { name: 'Paste CSV or spreadsheet rows' });
const rows = (page: Page) => dialog(page).getByRole('table', { name: 'Rows to invite' });

async function openPanel(page: Page) {
  await page.goto(MEMBERS_URL);
  await expect(page.getByRole('button', { name: 'Invite New Users' })).toBeVisible();
  await page.getByRole('button', { name: 'Bulk invite from CSV' }).click();
  await expect(dialog(page)).toBeVisible();
}

/** Serious or critical axe violations in the panel (its colours and roles), by rule id. */
async function panelViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include('admin-lens-bulk-invite').analyze();
  return results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => violation.id);
}

/** Drops a file with these bytes on the panel's text area, as a file dragged from the desktop. */
async function dropFile(page: Page, name: string, bytes: Uint8Array) {
  const dataTransfer = await page.evaluateHandle(
    ({ name, bytes }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], name));
      return transfer;
    },
    { name, bytes: [...bytes] },
  );
  await textarea(page).dispatchEvent('dragover', { dataTransfer });
  await textarea(page).dispatchEvent('drop', { dataTransfer });
}

async function chooseFile(page: Page, name: string, bytes: Uint8Array) {
  await dialog(page).locator('input[type="file"]').setInputFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) });
}

const TSV = 'email\tteam\tgroups\tname\r\nzoe.muller@example.com\tMarketing\tMarketing Team\tZoë Müller\r\nrene.lefevre@example.com\tData\tData Platform\tRené Lefèvre\r\n';
/** Excel's "Unicode text": UTF-16 LE with a BOM. */
const utf16le = (text: string) => new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
const utf16be = (text: string) => new Uint8Array([0xfe, 0xff, ...Buffer.from(text, 'utf16le').map((_, index, bytes) => bytes[index % 2 === 0 ? index + 1 : index - 1]!)]);

test('an empty file, dropped or chosen, says that it is empty', async ({ page }) => {
  await openPanel(page);
  await dropFile(page, 'empty.csv', new Uint8Array());
  await expect(dialog(page).getByRole('alert')).toHaveText('empty.csv is empty: there is nothing in it to import. Choose the file you saved your people in, or paste the rows.');
  await expect(textarea(page)).toHaveValue('');

  await chooseFile(page, 'blank.csv', new Uint8Array([0xef, 0xbb, 0xbf, 0x0d, 0x0a, 0x0d, 0x0a]));
  await expect(dialog(page).getByRole('alert')).toContainText('blank.csv is empty');
});

test('a UTF-16 file from the file picker and one dropped are read into rows', async ({ page }) => {
  await openPanel(page);
  await chooseFile(page, 'people.txt', utf16le(TSV));
  await expect(dialog(page).getByText('2 to invite · 0 to skip · 0 invalid')).toBeVisible();
  await expect(rows(page).getByRole('row').filter({ hasText: 'zoe.muller@example.com' })).toContainText('Ready');
  await expect(textarea(page)).toHaveValue(/Zoë Müller/);
  await expect(dialog(page).getByText('Read people.txt.')).toBeVisible();

  await dropFile(page, 'other.txt', utf16be(TSV.replace('zoe.muller', 'zoe.m')));
  await expect(rows(page).getByRole('row').filter({ hasText: 'zoe.m@example.com' })).toContainText('Ready');
  await expect(textarea(page)).toHaveValue(/René Lefèvre/);
  await expect(dialog(page).getByText('2 to invite · 0 to skip · 0 invalid')).toBeVisible();
});

test('a Windows-1252 file is read with a visible notice; an Excel workbook is named, not shown as columns', async ({ page }) => {
  await openPanel(page);
  const latin = new Uint8Array(Buffer.from('email,team,groups,name\r\nfrancois@example.com,Data,Data Platform,Fran\u00e7ois\r\n', 'latin1'));
  await dropFile(page, 'people.csv', latin);
  await expect(dialog(page).getByRole('status').filter({ hasText: 'people.csv is not saved as UTF-8, so it was read as Windows-1252' })).toBeVisible();
  await expect(textarea(page)).toHaveValue(/François/);
  await expect(dialog(page).getByText('1 to invite · 0 to skip · 0 invalid')).toBeVisible();
  expect(await panelViolations(page)).toEqual([]);

  // A workbook starts with a zip's PK\x03\x04 and holds xl/workbook.xml.
  const xlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Array<number>(22).fill(0), 15, 0, 0, 0, ...Buffer.from('xl/workbook.xml', 'ascii')]);
  await chooseFile(page, 'people.xlsx', xlsx);
  await expect(dialog(page).getByRole('alert')).toContainText('people.xlsx is an Excel workbook, not a CSV file');
  await expect(textarea(page)).toHaveValue('');
  await expect(rows(page)).toBeHidden();
  await expect(dialog(page).getByText(/No "email" column/)).toBeHidden();
  expect(await panelViolations(page)).toEqual([]);
});
