/**
 * Issue 8, acceptance 2: the popup's diagnostics list every landmark found on the double; after the
 * double's landmark switch renames the "Invite New Users" button, the popup names it as missing and
 * the bulk-invite feature says so in the page. A failed data query shows with its reason.
 *
 * The popup is opened in a tab of its own for the Amplitude tab (support/popup.ts).
 */
import { expect, test } from './fixtures';
import { MEMBERS_URL, openMembers } from './console-helpers';
import { copiedBy, landmarks, openPopupFor, queries, row, untilReady } from './support/popup';

test('on the demo seed every landmark is found and every data query is ok', async ({ page, context, extensionId }) => {
  await openMembers(page);
  const popup = await openPopupFor(context, extensionId);
  await untilReady(popup);
  await expect(popup.getByText('This is a Members & Groups page.')).toBeVisible();
  await expect(popup.getByText(/Org demo-org\. Data: Ready, as of .*: 24 members, 6 pending, 8 projects, 6 groups\./)).toBeVisible();

  for (const name of ['Heading "Team Members & Groups"', 'Users and Groups tabs', 'Tab panel', 'Users table', 'Invite New Users button']) {
    await expect(row(landmarks(popup), name)).toContainText(/^found/);
  }
  // Landmarks of other states are not called missing.
  await expect(row(landmarks(popup), 'Groups table')).toContainText('not on screen now');
  await expect(row(landmarks(popup), 'Groups table')).toContainText('shown only on the Groups tab');
  await expect(row(landmarks(popup), '"Remove Members?" dialog')).toContainText('not on screen now');
  await expect(landmarks(popup)).not.toContainText('MISSING');

  for (const operation of ['OrgData', 'Users', 'TeamSpaces', 'RbacBatchCheckPermissions', 'OrgSettings', 'TeamsAndSpaces', 'OrgMembers', 'PermissionGroups']) {
    await expect(row(queries(popup), operation)).toContainText(/^ok/);
  }

  // On the Groups tab the Groups table is found, and the Users landmarks are not on screen.
  await page.bringToFront();
  await page.getByRole('tab', { name: 'Groups' }).click();
  await expect(page.getByRole('table', { name: 'Groups' })).toBeVisible();
  await popup.getByRole('button', { name: 'Check again' }).click();
  await expect(row(landmarks(popup), 'Groups table')).toContainText(/^found/);
  await expect(row(landmarks(popup), 'Users table')).toContainText('not on screen now');
  await expect(landmarks(popup)).not.toContainText('MISSING');
});

test('a renamed Invite New Users button is named missing in the popup and noted in the page', async ({ page, context, extensionId, consoleDouble }) => {
  consoleDouble.backend.setLandmarks({ inviteButton: 'Add Users' });
  await openMembers(page);
  await expect(page.getByRole('button', { name: 'Add Users' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Invite New Users' })).toHaveCount(0);
  // The feature says so in the page (bulk-invite-panel.tsx).
  await expect(page.getByText('Admin Lens did not find the console\'s "Invite New Users" button, so this button sits at the end of the page section.')).toBeVisible();

  const popup = await openPopupFor(context, extensionId);
  await untilReady(popup);
  const invite = row(landmarks(popup), 'Invite New Users button');
  await expect(invite).toContainText(/^MISSING/);
  await expect(invite).toContainText('Not found. Affects: Bulk invite from CSV.');
  // Only that one.
  await expect(landmarks(popup).getByRole('listitem').filter({ hasText: 'MISSING' })).toHaveCount(1);

  // Flipped back and reloaded, it is found again.
  consoleDouble.backend.clearLandmarks();
  await page.reload();
  await expect(page.getByRole('button', { name: 'Invite New Users' })).toBeVisible();
  await untilReady(popup);
  await expect(row(landmarks(popup), 'Invite New Users button')).toContainText(/^found/);
});

test('an unnamed Users table is still found by its structure; a Users list that is gone is named missing, with the feature it affects', async ({ page, context, extensionId, consoleDouble }) => {
  // Issue 12: the table's name is only a hint; rows with a checkbox and a person make the list.
  consoleDouble.backend.setLandmarks({ usersTableName: null });
  await page.goto(MEMBERS_URL);
  await expect(page.getByRole('heading', { name: 'Team Members & Groups', level: 1 })).toBeVisible();
  await expect(page.getByRole('table', { name: /users/ })).toHaveCount(0);
  await expect(page.getByRole('table').getByRole('button', { name: /^Access for Priya Natarajan:/ })).toBeVisible({ timeout: 15_000 });
  const popup = await openPopupFor(context, extensionId);
  await untilReady(popup);
  await expect(row(landmarks(popup), 'Users table')).toContainText(/^found/);
  await expect(row(landmarks(popup), 'Email or unique name in each user row')).toContainText(/^found/);

  // Amplitude drops the list altogether (here: taken out of the page): named missing in the popup...
  await page.bringToFront();
  await page.getByRole('table').evaluate((table) => table.remove());
  await popup.getByRole('button', { name: 'Check again' }).click();
  await expect(row(landmarks(popup), 'Users table')).toContainText(/^MISSING.*Affects: Access badges\./);
  // ...and in the page, beside the heading, once the list has stayed missing for a moment.
  await expect(page.getByRole('status').filter({ hasText: 'Admin Lens did not find on this page: Users table (stops: Access badges).' })).toBeVisible();
});

test('a failed data query shows with its reason, and the report copies without names or emails', async ({ page, context, extensionId, consoleDouble }) => {
  await openMembers(page);
  const popup = await openPopupFor(context, extensionId);
  await untilReady(popup);

  // The page has loaded; from now on the console's endpoint answers 503. Refresh reads again.
  consoleDouble.backend.setFaults({ serverErrorRate: 1 });
  await page.bringToFront();
  await page.getByRole('button', { name: 'Refresh', exact: true }).click();
  await expect(page.getByText(/HTTP 503/).first()).toBeVisible({ timeout: 15_000 });

  await popup.bringToFront();
  await popup.getByRole('button', { name: 'Check again' }).click();
  await expect(popup.getByText(/Data: The last read failed/)).toBeVisible();
  const failed = row(queries(popup), 'OrgData');
  await expect(failed).toContainText(/^FAILED/);
  await expect(failed).toContainText('(3 attempts), server: OrgData: HTTP 503. Amplitude had a server error. Try again in a moment.');

  const report = await copiedBy(popup, 'Copy report', 'Report copied');
  expect(report).toContain('- FAILED: OrgData.');
  expect(report).toContain('- found: Invite New Users button.');
  expect(report).toMatch(/Data: The last read failed, as of .*: 24 members, 6 pending, 8 projects, 6 groups\./);
  expect(report).not.toMatch(/@|Maya|Okafor|demo-org/);
});

test('a tab that is not an Amplitude page says so', async ({ context, extensionId }) => {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.getByText('No tab to check: open this popup from the toolbar while an Amplitude tab is active.')).toBeVisible();
  const ownId = await popup.evaluate(async () => {
    const tabs = (globalThis as unknown as { chrome: { tabs: { getCurrent(): Promise<{ id?: number }> } } }).chrome.tabs;
    return (await tabs.getCurrent()).id;
  });
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${ownId}`);
  await expect(popup.getByText('This tab is not an Amplitude page Admin Lens runs on.')).toBeVisible();
  await expect(popup.getByRole('list', { name: 'Landmarks' })).toHaveCount(0);
});
