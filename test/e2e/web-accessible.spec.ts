/**
 * Issue 14, least privilege: the on-demand files (members-page.js, invite-logic.js, offboard-logic.js, access-card.js,
 * shape-recording.js) are web-accessible under Chrome's per-session dynamic id only. The content
 * script still loads them (runtime.getURL gives the dynamic address), but the page cannot tell that
 * Admin Lens is installed by fetching them at the extension's fixed id.
 */
import { expect, test } from './fixtures';
import { openMembers } from './console-helpers';

const FILES = ['members-page.js', 'invite-logic.js', 'offboard-logic.js', 'access-card.js', 'access-permissions.js', 'hygiene-report.js', 'shape-recording.js', 'email-change.js'];

test('the page cannot fetch the on-demand files at the fixed extension id; the content script still loads them', async ({ page, extensionId }) => {
  await openMembers(page);
  // The content script loads the bulk-invite file and the card file on demand.
  await page.getByRole('button', { name: 'Bulk invite from CSV' }).click();
  await expect(page.getByRole('dialog', { name: 'Bulk invite from CSV' }).getByRole('textbox', { name: 'Paste CSV or spreadsheet rows' })).toBeVisible();
  await page.keyboard.press('Escape');
  const badge = page.getByRole('button', { name: /^Access for .+:/ }).first();
  await badge.hover();
  await expect(page.getByRole('dialog', { name: /^Access for / })).toBeVisible();

  // The page's own script, fetching what a fingerprinting script would.
  const fetched = await page.evaluate(
    async ({ id, files }) =>
      Promise.all(
        files.map(async (file) => {
          try {
            const response = await fetch(`chrome-extension://${id}/${file}`);
            return `${file}: ${response.status}`;
          } catch {
            return `${file}: refused`;
          }
        }),
      ),
    { id: extensionId, files: FILES },
  );
  expect(fetched).toEqual(FILES.map((file) => `${file}: refused`));
});
