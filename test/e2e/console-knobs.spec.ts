/**
 * Issue 3, acceptance 4 (second half): the double's latency and fault knobs take effect on the
 * page, one test each, and the page never goes blank: loading states, error views with Retry,
 * toasts, the expired-session notice.
 */
import { expect, test } from './fixtures';
import { dialog, MEMBERS_URL, openMembers, rowOf, toasts } from './console-helpers';

test.use({ extension: false });

test('latency: a loading state shows while the server is slow', async ({ page, consoleDouble }) => {
  consoleDouble.backend.setLatency({ ms: 1500 });
  await page.goto(MEMBERS_URL);
  await expect(page.getByRole('status').filter({ hasText: 'Loading settings…' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Team Members & Groups' })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText('Loading users…')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Joined users' })).toHaveAttribute('aria-busy', 'true');
  await expect(rowOf(page.getByRole('table', { name: 'Joined users' }), 'Grace Liu')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText('Loading users…')).toHaveCount(0);

  // Later requests are slow too: the old rows stay while the search runs.
  await page.getByRole('searchbox', { name: 'Search users' }).fill('mei');
  await expect(page.getByText('Loading users…')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Joined users' }).getByRole('row')).toHaveCount(2, { timeout: 15_000 });
});

test('server errors: an error view with Retry and a toast, never a blank page', async ({ page, consoleDouble }) => {
  consoleDouble.backend.setFaults({ serverErrorRate: 1 });
  await page.goto(MEMBERS_URL);
  const failed = page.getByRole('alert').filter({ hasText: 'Settings could not be loaded' });
  await expect(failed).toContainText('Something went wrong on our side (HTTP 503). Try again.');
  await expect(toasts(page).getByRole('alert')).toHaveText(/HTTP 503/);

  consoleDouble.backend.setFaults({ serverErrorRate: 0 });
  await failed.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('heading', { name: 'Team Members & Groups' })).toBeVisible();
  await expect(rowOf(page.getByRole('table', { name: 'Joined users' }), 'Grace Liu')).toBeVisible();

  // Mid-session: the list says it failed and offers Retry.
  consoleDouble.backend.setFaults({ serverErrorRate: 1 });
  await page.getByRole('button', { name: 'Pending Users' }).click();
  const listFailed = page.getByRole('alert').filter({ hasText: 'Pending users could not be loaded' });
  await expect(listFailed).toBeVisible();
  consoleDouble.backend.clearFaults();
  await listFailed.getByRole('button', { name: 'Retry' }).click();
  await expect(rowOf(page.getByRole('table', { name: 'Pending users' }), 'ryan.patel@lumenfield.example')).toBeVisible();
  await expect(listFailed).toHaveCount(0);
});

test('an expired session shows the sign-in notice; a reload signs in again', async ({ page, consoleDouble }) => {
  await openMembers(page);
  consoleDouble.backend.setFaults({ sessionExpired: true });
  await page.getByRole('tab', { name: 'Groups' }).click();
  await expect(page.getByRole('alert')).toHaveText('Your session has expired. Reload to sign in again.');
  await expect(page.getByRole('heading', { name: 'Team Members & Groups' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Reload' }).click();
  await expect(page.getByText('Showing 6 groups')).toBeVisible();
});

test('a failing mutation is reported in the dialog and changes nothing', async ({ page, consoleDouble }) => {
  await openMembers(page);
  consoleDouble.backend.setFaults({ failNthMutation: 1 });
  await page.getByRole('button', { name: 'More actions for Mei Chen' }).click();
  await page.getByRole('menuitem', { name: 'Remove' }).click();
  const modal = dialog(page, 'Remove Members?');
  const confirm = modal.getByRole('button', { name: 'Remove', exact: true });
  await confirm.click();
  await expect(modal.getByRole('alert')).toHaveText('Something went wrong on our side (HTTP 500). Try again.');
  expect(consoleDouble.backend.mutations()).toEqual([]);
  await expect(rowOf(page.getByRole('table', { name: 'Joined users' }), 'Mei Chen')).toBeVisible();
  // The fault is one-shot: trying again works.
  await confirm.click();
  await expect(modal).toHaveCount(0);
  await expect(toasts(page).getByText('Removed Mei Chen.')).toBeVisible();
  expect(consoleDouble.backend.mutations()).toHaveLength(1);
});

test('an email refused by the failEmails knob is named in the wizard', async ({ page, consoleDouble }) => {
  consoleDouble.backend.setFaults({ failEmails: { emails: ['blocked@lumenfield.example'], code: 'FORBIDDEN', message: 'Invites to blocked@lumenfield.example are not allowed.' } });
  await openMembers(page);
  await page.getByRole('button', { name: 'Invite New Users' }).click();
  const wizard = dialog(page, 'Invite New Users');
  const input = wizard.getByLabel('Email addresses');
  await input.fill('blocked@lumenfield.example');
  await input.press('Enter');
  await wizard.getByRole('combobox', { name: 'Team for blocked@lumenfield.example' }).click();
  await page.getByRole('option', { name: 'Data' }).click();
  const next = wizard.getByRole('button', { name: 'Next' });
  await next.click();
  await wizard.getByRole('checkbox', { name: 'Sales Viewers' }).check();
  await next.click();
  await next.click();
  await next.click();
  await wizard.getByRole('button', { name: 'Send' }).click();
  await expect(wizard.getByRole('alert')).toContainText('Invites to blocked@lumenfield.example are not allowed.');
  expect(consoleDouble.backend.mutations()).toEqual([]);
});
