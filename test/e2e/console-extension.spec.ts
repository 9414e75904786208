/**
 * Issue 3, acceptance 5: with the built extension loaded, its chip appears on the console double's
 * Members & Groups page (at the real address), and the page keeps working.
 */
import { expect, test } from './fixtures';
import { dialog, openMembers } from './console-helpers';

test('the extension chip appears on the double, which keeps working', async ({ page }) => {
  await openMembers(page);
  await expect(page.getByRole('status', { name: /Admin Lens is active/ })).toContainText('demo-org');
  await page.getByRole('tab', { name: 'Groups' }).click();
  await expect(page.getByText('Showing 6 groups')).toBeVisible();
  await page.getByRole('tab', { name: 'Users' }).click();
  await page.getByRole('button', { name: 'Invite New Users' }).click();
  await expect(dialog(page, 'Invite New Users')).toBeVisible();
});
