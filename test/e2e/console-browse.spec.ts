/**
 * Issue 3, acceptance 4 (first half): searching, paging, both tabs, in-app navigation, the Role
 * dropdown, the Groups tab with its group pane, and Manage Project Access in the console double.
 */
import { readFileSync } from 'node:fs';
import type { SeedInput } from '../console/shared/seed';
import { expect, test } from './fixtures';
import { dialog, MEMBERS_URL, membersUrl, openMembers, pickOption, rowOf, toasts } from './console-helpers';

test.use({ extension: false });

test('tabs, views and settings pages are client-side routes', async ({ page }) => {
  await openMembers(page);
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
  const usersTab = page.getByRole('tab', { name: 'Users' });
  const groupsTab = page.getByRole('tab', { name: 'Groups' });
  await expect(usersTab).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel', { name: 'Users' })).toBeVisible();
  await expect(page.getByText('Manage the users in your account and assign permissions in bulk with Groups.')).toBeVisible();
  for (const label of ['Total users', 'Joined users', 'Pending users', 'Users requesting access']) await expect(page.getByRole('group', { name: label })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Total users' })).toContainText('30');
  await expect(page.getByRole('group', { name: 'Users requesting access' })).toContainText('2');

  await page.getByRole('button', { name: 'Pending Users' }).click();
  await expect(page.getByRole('button', { name: 'Pending Users' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('table', { name: 'Pending users' }).getByRole('row')).toHaveCount(7);
  await expect(page).toHaveURL(/\?view=pending$/);

  await groupsTab.click();
  await expect(page).toHaveURL(/\/settings\/members\?tab=groups$/);
  await expect(groupsTab).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText('Showing 6 groups')).toBeVisible();
  await page.goBack();
  await expect(usersTab).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('table', { name: 'Pending users' })).toBeVisible();

  // Left nav: real links, handled in the page.
  await expect(page.getByRole('link', { name: 'Projects' })).toHaveAttribute('href', '/analytics/demo-org/settings/projects');
  await page.getByRole('link', { name: 'Projects' }).click();
  await expect(page.getByRole('heading', { name: 'Projects', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Team Members & Groups' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Members & Groups' }).click();
  await expect(page.getByRole('link', { name: 'Members & Groups' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('heading', { name: 'Team Members & Groups' })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);

  // Direct load of the Groups tab, and of another host.
  await page.goto(`${MEMBERS_URL}?tab=groups`);
  await expect(page.getByRole('tab', { name: 'Groups' })).toHaveAttribute('aria-selected', 'true');
  await page.goto('https://app.eu.amplitude.com/analytics/demo-org/settings/members');
  await expect(page.getByRole('heading', { name: 'Team Members & Groups' })).toBeVisible();
});

test('search by name or email is server-side and debounced', async ({ page, consoleDouble }) => {
  await openMembers(page);
  const table = page.getByRole('table', { name: 'Joined users' });
  await expect(table.getByRole('row')).toHaveCount(25);
  const search = page.getByRole('searchbox', { name: 'Search users' });
  await expect(search).toHaveAttribute('placeholder', 'Search by name or email');
  const before = consoleDouble.backend.requestLog().filter((entry) => entry.operation === 'OrgMembers').length;
  await search.pressSequentially('grace', { delay: 20 });
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(rowOf(table, 'Grace Liu')).toContainText('grace.liu@lumenfield.example');
  // Debounced: fewer queries than keystrokes (one, unless the machine stalls between keys).
  expect(consoleDouble.backend.requestLog().filter((entry) => entry.operation === 'OrgMembers').length - before).toBeLessThan(5);

  await search.fill('noah.fischer@');
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(rowOf(table, 'Noah Fischer')).toBeVisible();
  await search.fill('zzz');
  await expect(table).toContainText('No users match “zzz”.');
  await search.fill('');
  await expect(table.getByRole('row')).toHaveCount(25);
});

test.describe('a large org', () => {
  test.use({ seed: 'large' });

  test('pages through members 50 at a time', async ({ page, consoleDouble }) => {
    const joined = consoleDouble.backend.state().members.filter((member) => member.status === 'joined').length;
    await openMembers(page, membersUrl('large-org'));
    const table = page.getByRole('table', { name: 'Joined users' });
    const pagination = page.getByRole('navigation', { name: 'Pagination' });
    await expect(pagination).toContainText(`1–50 of ${joined}`);
    await expect(table.getByRole('row')).toHaveCount(51);
    await expect(pagination.getByRole('button', { name: 'Previous' })).toBeDisabled();
    const firstOnPageOne = (await table.getByRole('row').nth(1).textContent()) ?? '';

    await pagination.getByRole('button', { name: 'Next' }).click();
    await expect(pagination).toContainText(`51–100 of ${joined}`);
    await expect(table.getByRole('row').nth(1)).not.toHaveText(firstOnPageOne);
    await pagination.getByRole('button', { name: 'Next' }).click();
    await expect(pagination).toContainText(`101–150 of ${joined}`);
    await pagination.getByRole('button', { name: 'Previous' }).click();
    await pagination.getByRole('button', { name: 'Previous' }).click();
    await expect(pagination).toContainText(`1–50 of ${joined}`);
    await expect(table.getByRole('row').nth(1)).toHaveText(firstOnPageOne);

    // Selection spans pages; the bulk bar counts it.
    await table.getByRole('checkbox', { name: 'Select all users on this page' }).check();
    await expect(page.getByRole('toolbar', { name: 'Bulk actions' })).toContainText('50 selected');
  });
});

test('the Role dropdown is an ARIA combobox with its list in a portal, by mouse and keyboard', async ({ page, consoleDouble }) => {
  await openMembers(page);
  const role = page.getByRole('combobox', { name: 'Role for Grace Liu' });
  await expect(role).toHaveText(/User/);
  await expect(role).toHaveAttribute('aria-expanded', 'false');
  await role.click();
  await expect(role).toHaveAttribute('aria-expanded', 'true');
  const listbox = page.getByRole('listbox', { name: 'Role for Grace Liu' });
  await expect(listbox.getByRole('option')).toHaveText(['User', 'Admin']);
  // In a portal: the list is not inside the table, but its id is what the combobox controls.
  expect(await listbox.evaluate((element) => element.closest('table') === null && element.parentElement?.parentElement === document.body)).toBe(true);
  await expect(role).toHaveAttribute('aria-controls', (await listbox.getAttribute('id'))!);
  await page.keyboard.press('Escape');
  await expect(listbox).toHaveCount(0);

  await role.press('ArrowDown');
  await role.press('ArrowDown');
  await expect(role).toHaveAttribute('aria-activedescendant', /.+/);
  await role.press('Enter');
  await expect(toasts(page).getByText("Grace Liu's role changed to Admin")).toBeVisible();
  await expect(role).toHaveText(/Admin/);
  expect(consoleDouble.backend.mutations()).toMatchObject([{ operation: 'UpdateMemberRole', variables: { memberId: 'u-5', orgRole: 'admin' } }]);

  // Nobody can change their own role [doc].
  await expect(page.getByRole('combobox', { name: 'Role for Maya Okafor' })).toBeDisabled();
});

test.describe('an org with organization-level roles', () => {
  test.use({ seed: 'org-level' });

  test('offers Viewer, Member, Manager and Admin', async ({ page, consoleDouble }) => {
    await openMembers(page, membersUrl('classic-org'));
    await pickOption(page, page, 'Role for Tom Reed', 'Manager');
    await expect(page.getByRole('combobox', { name: 'Role for Tom Reed' })).toHaveText(/Manager/);
    await page.getByRole('combobox', { name: 'Role for Tom Reed' }).click();
    await expect(page.getByRole('listbox', { name: 'Role for Tom Reed' }).getByRole('option')).toHaveText(['Viewer', 'Member', 'Manager', 'Admin']);
    expect(consoleDouble.backend.mutations()).toMatchObject([{ operation: 'UpdateMemberRole', variables: { memberId: 'u-4', orgRole: 'manager' } }]);
  });
});

test('the Groups tab: search, filters, sorting, Delete and the group pane', async ({ page, consoleDouble }) => {
  await openMembers(page);
  await page.getByRole('tab', { name: 'Groups' }).click();
  await expect(page.getByText('Only Admins can manage Groups.')).toBeVisible();
  const table = page.getByRole('table', { name: 'Groups' });
  await expect(table.getByRole('columnheader')).toHaveText(['Select', /GROUP NAME/, 'DESCRIPTION', 'MEMBERS', 'PROJECT ACCESS', 'LAST MODIFIED', 'LAST MODIFIED BY']);
  // "Mar 17, 2:40 pm" [shot]; the double's dates move with the clock, so the expected text is derived.
  const modified = new Date(consoleDouble.backend.state().groups.find((group) => group.name === 'Product Analysts')?.lastModifiedAt ?? 0);
  const monthDay = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(modified);
  // The double shifts its dates by the exact time since the seed's `now`, so the time of day moves too.
  const hour = modified.getUTCHours();
  const time = `${hour % 12 || 12}:${String(modified.getUTCMinutes()).padStart(2, '0')} ${hour < 12 ? 'am' : 'pm'}`;
  await expect(rowOf(table, 'Product Analysts')).toContainText(`${monthDay}, ${time}`);
  await expect(rowOf(table, 'Sales Viewers')).toContainText('SCIM Provisioned');

  const names = table.getByRole('row').locator('td:nth-child(2)');
  await expect(names).toHaveText(['Data Platform', 'Engineering Leads', 'Insights Guild', 'Marketing Team', 'Product Analysts', 'Sales Viewers']);
  await table.getByRole('button', { name: /GROUP NAME/ }).click();
  await expect(names).toHaveText(['Sales Viewers', 'Product Analysts', 'Marketing Team', 'Insights Guild', 'Engineering Leads', 'Data Platform']);

  const remove = page.getByRole('button', { name: 'Delete' });
  await expect(remove).toBeDisabled();
  await table.getByRole('checkbox', { name: 'Select Marketing Team' }).check();
  await expect(remove).toBeEnabled();

  await pickOption(page, page, 'Filter by Project', 'Data Warehouse Sync');
  await expect(page.getByText('Showing 2 groups')).toBeVisible();
  await pickOption(page, page, 'Filter by Project', 'All projects');
  await expect(page.getByText('Showing 6 groups')).toBeVisible();
  const member = page.getByRole('combobox', { name: 'Filter by Member' });
  await member.fill('Hannah');
  await page.getByRole('listbox', { name: 'Filter by Member' }).getByRole('option', { name: 'Hannah Schmidt' }).click();
  await expect(page.getByText('Showing 2 groups')).toBeVisible();
  await expect(names).toHaveText(['Product Analysts', 'Data Platform']);
  await member.fill('');
  await expect(page.getByText('Showing 6 groups')).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search groups' }).fill('warehouse');
  await expect(page.getByText('Showing 1 group')).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search groups' }).fill('');

  // The group pane.
  await table.getByRole('button', { name: 'Product Analysts' }).click();
  const pane = dialog(page, 'Product Analysts');
  await expect(pane.getByRole('tab', { name: 'General' })).toHaveAttribute('aria-selected', 'true');
  await expect(pane.getByLabel('Name *')).toHaveValue('Product Analysts');
  await expect(pane).toContainText('Product Insights');
  await expect(pane).toContainText('Regular');
  await expect(pane.getByRole('tab', { name: 'Project Access' })).toHaveAttribute('aria-selected', 'true');
  await expect(pane.getByText('Default Project: Web App (Production)')).toBeVisible();
  const projects = pane.getByRole('table', { name: 'Project access' });
  await expect(rowOf(projects, 'Web App (Production)')).toContainText('DEFAULT PROJECT');
  await expect(rowOf(projects, 'Growth Experiments')).toContainText('Member');
  await expect(pane.getByRole('button', { name: 'Save' })).toBeDisabled();
  await pane.getByRole('tab', { name: 'Members' }).click();
  const members = pane.getByRole('table', { name: 'Group members' });
  await expect(members.getByRole('row')).toHaveCount(5);
  await expect(rowOf(members, 'Grace Liu')).toContainText('grace.liu@lumenfield.example');
  await expect(rowOf(members, 'nina.kowalski@lumenfield.example')).toContainText('Pending');
  await page.keyboard.press('Escape');
  await expect(pane).toHaveCount(0);

  await page.getByRole('button', { name: 'New Group' }).click();
  await expect(dialog(page, 'Create New Group').getByLabel('Name *')).toBeVisible();
  await dialog(page, 'Create New Group').getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog(page, 'Create New Group')).toHaveCount(0);
});

test('Manage Project Access: roles per project, group grants cannot be lowered, review and Submit', async ({ page, consoleDouble }) => {
  await openMembers(page);
  await page.getByRole('checkbox', { name: 'Select Hannah Schmidt' }).check();
  await page.getByRole('toolbar', { name: 'Bulk actions' }).getByRole('button', { name: 'Manage Project Access' }).click();
  const modal = dialog(page, 'Manage Project Access');
  await expect(modal).toContainText('Project access for 1 user.');
  await expect(modal).toContainText('hannah.schmidt@lumenfield.example');
  await expect(modal.getByText('Showing 8 projects')).toBeVisible();
  const table = modal.getByRole('table', { name: 'Project access' });
  await expect(table.getByRole('columnheader')).toHaveText(['Project', 'Description', 'Role']);
  // Direct Member on Staging; Member on Production through her groups; Manager on the warehouse via Data Platform.
  await expect(table.getByRole('combobox', { name: 'Role for Web App (Staging)' })).toHaveText(/Member/);
  await expect(table.getByRole('combobox', { name: 'Role for Data Warehouse Sync' })).toHaveText(/Manager/);
  await expect(table.getByRole('combobox', { name: 'Role for Marketing Site' })).toHaveText(/No Access/);

  await table.getByRole('combobox', { name: 'Role for Web App (Production)' }).click();
  const options = page.getByRole('listbox', { name: 'Role for Web App (Production)' }).getByRole('option');
  await expect(options).toHaveText(['No Access', 'Viewer', 'Member', 'Manager', 'Admin']);
  await expect(options.nth(1)).toHaveAttribute('aria-disabled', 'true');
  await expect(options.nth(1)).toHaveAttribute('title', 'User(s) are assigned access to this project via Group(s)');
  await expect(options.nth(2)).not.toHaveAttribute('aria-disabled', 'true');
  await expect(options.nth(4)).toHaveAttribute('aria-disabled', 'true');
  await page.keyboard.press('Escape');
  await expect(modal).toBeVisible();
  await expect(rowOf(table, 'Web App (Production)').getByRole('button', { name: 'Access to Web App (Production) via group' })).toHaveAccessibleDescription(
    'User(s) are assigned access to this project via Group(s)',
  );

  const next = modal.getByRole('button', { name: 'Next' });
  await expect(next).toBeDisabled();
  await modal.getByRole('searchbox', { name: 'Search projects' }).fill('marketing');
  await expect(modal.getByText('Showing 1 project')).toBeVisible();
  await modal.getByRole('button', { name: 'Make Manager' }).click();
  await modal.getByRole('searchbox', { name: 'Search projects' }).fill('');
  await pickOption(page, modal, 'Role for Web App (Staging)', 'Viewer');
  await expect(modal.getByRole('switch')).toHaveAccessibleName('By default add selected user(s) to new projects as a');
  await next.click();

  const review = modal.getByRole('region', { name: 'Review changes' });
  await expect(review.getByRole('listitem')).toHaveText(['Web App (Staging): Member → Viewer', 'Marketing Site: No Access → Manager']);
  await modal.getByRole('button', { name: 'Submit' }).click();
  await expect(toasts(page).getByText('Project access updated for 1 user.')).toBeVisible();
  await expect(modal).toHaveCount(0);
  expect(consoleDouble.backend.mutations()).toMatchObject([
    {
      operation: 'SetProjectAccess',
      variables: {
        memberIds: ['u-7'],
        projectRoles: [
          { projectId: 'p-2', role: 'viewer' },
          { projectId: 'p-5', role: 'manager' },
        ],
      },
    },
  ]);
});

test('names with markup are shown as text, never as HTML', async ({ page, consoleDouble }) => {
  const seed = JSON.parse(readFileSync(new URL('../console/seeds/demo.json', import.meta.url), 'utf8')) as SeedInput;
  seed.members.find((member) => member.id === 'u-5')!.name = '<b>Grace</b> <img src=x onerror="window.injected=1">';
  seed.groups![0]!.name = '<i>Analysts</i>';
  consoleDouble.backend.reset(seed);
  await openMembers(page);
  await expect(page.getByRole('row', { name: /<b>Grace<\/b> <img src=x/ })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: '<b>Grace</b> <img src=x onerror="window.injected=1">', exact: false })).toHaveCount(1);
  await page.getByRole('tab', { name: 'Groups' }).click();
  await expect(page.getByRole('button', { name: '<i>Analysts</i>' })).toBeVisible();
  expect(await page.evaluate(() => ({ injected: (window as unknown as { injected?: number }).injected, tags: document.querySelectorAll('main b, main img, main i').length }))).toEqual({ injected: undefined, tags: 0 });

  // The placeholder for Bulk Transfer Edit Access opens and closes like every dialog.
  await page.getByRole('tab', { name: 'Users' }).click();
  await page.getByRole('button', { name: 'Bulk Transfer Edit Access' }).click();
  await dialog(page, 'Bulk Transfer Edit Access').getByRole('button', { name: 'Close' }).first().click();
  await expect(dialog(page, 'Bulk Transfer Edit Access')).toHaveCount(0);
});
