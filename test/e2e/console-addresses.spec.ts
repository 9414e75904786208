/**
 * The double's page on every documented address form (by org url, by org id, the legacy host's
 * form), and its links stay in the form the page was opened with. Without the extension.
 */
import { expect, test } from './fixtures';
import { openMembers } from './console-helpers';

test.use({ extension: false });

const FORMS = [
  { name: 'org url', url: 'https://app.amplitude.com/analytics/demo-org/settings/members', base: '/analytics/demo-org' },
  { name: 'org id', url: 'https://app.amplitude.com/analytics/org/412345/settings/members', base: '/analytics/org/412345' },
  { name: 'legacy host', url: 'https://analytics.amplitude.com/demo-org/settings/members', base: '/demo-org' },
] as const;

for (const form of FORMS) {
  test(`Members & Groups by ${form.name}: loads, switches tabs, links keep the form`, async ({ page, consoleDouble }) => {
    await openMembers(page, form.url);
    await expect(page.getByRole('row').filter({ hasText: 'grace.liu@lumenfield.example' })).toBeVisible();
    await page.getByRole('tab', { name: 'Groups' }).click();
    await expect(page).toHaveURL(`${new URL(form.url).origin}${form.base}/settings/members?tab=groups`);
    await expect(page.getByRole('table', { name: /groups/i })).toBeVisible();

    const nav = page.getByRole('navigation', { name: 'Organization settings' });
    await expect(nav.getByRole('link', { name: 'Projects' })).toHaveAttribute('href', `${form.base}/settings/projects`);
    await nav.getByRole('link', { name: 'Projects' }).click();
    await expect(page.getByRole('heading', { name: 'Projects', level: 1 })).toBeVisible();
    await nav.getByRole('link', { name: 'Members & Groups' }).click();
    await expect(page).toHaveURL(`${new URL(form.url).origin}${form.base}/settings/members`);
    await expect(page.getByRole('table', { name: 'Joined users' })).toBeVisible();
    // Every call went through, by url or by id.
    expect(consoleDouble.backend.requestLog().filter((entry) => entry.status !== 200)).toEqual([]);
  });
}

test('another org id answers with an error the page shows', async ({ page }) => {
  await page.goto('https://app.amplitude.com/analytics/org/999/settings/members');
  await expect(page.getByRole('main').getByRole('alert')).toContainText('Settings could not be loaded');
});
