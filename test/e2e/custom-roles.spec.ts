/**
 * Issue 16: RBAC custom roles on the demo org. Zara Ahmed holds Analyst directly and Marketing
 * through group "Insights Guild" on Web App (Production): the card shows the union with each
 * permission's source and the finding names what the two add together; "Who can…?" lists exactly
 * the people holding one permission; with role definitions unreadable nothing claims a permission.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openMembers, rowOf } from './console-helpers';

const joined = (page: Page) => page.getByRole('table', { name: 'Joined users' });
const badge = (page: Page, name: string): Locator => rowOf(joined(page), name).getByRole('button', { name: new RegExp(`^Access for ${name}:`) });
const card = (page: Page, name: string): Locator => page.getByRole('dialog', { name: `Access for ${name}` });
const production = (scope: Locator) => scope.getByRole('listitem').filter({ hasText: 'Web App (Production)' }).first();

test('the card of a person holding two custom roles shows the union with each source, and the finding names the extra permissions', async ({ page }) => {
  await openMembers(page);
  const zara = badge(page, 'Zara Ahmed');
  await expect(zara).toHaveText(/Analyst \+ Marketing in 1/);
  await zara.focus();
  const breakdown = card(page, 'Zara Ahmed');
  const project = production(breakdown.getByRole('list', { name: /per project/i }));
  await expect(project).toContainText('Analyst + Marketing');
  await expect(project).toContainText('Direct: Analyst');
  await expect(project).toContainText('Group “Insights Guild”: Marketing');

  await project.getByText(/^Permissions \(\d+\), by product area$/).click();
  const permissions = breakdown.getByRole('group', { name: 'Permissions on Web App (Production)' });
  await expect(permissions.getByRole('listitem').filter({ hasText: /^Manage predictions / })).toContainText('from Group “Insights Guild”: Marketing');
  await expect(permissions.getByRole('listitem').filter({ hasText: /^Manage custom metrics / })).toContainText('from Direct: Analyst');
  // Held through both: both sources are named.
  await expect(permissions.getByRole('listitem').filter({ hasText: /^Manage annotations / })).toContainText('Direct: Analyst; Group “Insights Guild”: Marketing');

  const findings = breakdown.getByRole('region', { name: 'Findings' });
  await expect(findings).toContainText('together they grant more than any one of them');
  await expect(findings).toContainText("Beyond Analyst they add: Manage predictions (Marketing through group 'Insights Guild') and Mark audiences as official (Marketing through group 'Insights Guild')");
});

test('"Who can…?" lists exactly the people holding a permission on a project', async ({ page }) => {
  await openMembers(page);
  const panel = page.getByRole('region', { name: 'Admin Lens access summary' });
  await panel.getByRole('button', { name: 'Who can…?' }).click();
  const tool = panel.getByRole('region', { name: 'Who can…?' });
  await tool.getByLabel('Permission', { exact: true }).selectOption({ label: 'Manage predictions' });
  await tool.getByLabel('Project', { exact: true }).selectOption({ label: 'Web App (Production)' });
  await expect(tool).toContainText('8 people hold Manage predictions');
  const list = tool.getByRole('list', { name: 'People who hold Manage predictions' });
  const names = list.locator(':scope > li > .al-who__name');
  await expect(names).toHaveText(['Maya Okafor', 'Daniel Reyes', 'Priya Natarajan', 'Tomás Herrera', 'Ethan Brooks', 'Kenji Watanabe', 'Zara Ahmed', 'Benjamin Clarke']);
  await expect(list.locator(':scope > li').filter({ hasText: 'Zara Ahmed' })).toContainText('Web App (Production): Group “Insights Guild”: Marketing');
});

test.describe('role definitions unreadable', () => {
  test.beforeEach(async ({ consoleDouble }) => {
    consoleDouble.backend.setFaults({ unknownOperations: ['RoleDefinitions'] });
  });

  test('badges show role names and say permissions are unreadable; the card claims no permission', async ({ page }) => {
    await openMembers(page);
    const zara = badge(page, 'Zara Ahmed');
    await expect(zara).toHaveText(/^Analyst, Marketing · permissions unreadable/);
    await zara.focus();
    const breakdown = card(page, 'Zara Ahmed');
    const project = production(breakdown.getByRole('list', { name: /per project/i }));
    await expect(project).toContainText('What Analyst, Marketing may do could not be read on this console: no permission is claimed for it.');
    await expect(breakdown).not.toContainText('Manage predictions');
    await expect(breakdown.getByText(/^Permissions \(/)).toHaveCount(0);
    await expect(breakdown).not.toContainText('together they grant');
  });
});
