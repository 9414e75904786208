/**
 * Issue 3, acceptance 3: "Remove Members?" in the console double. Content goes to the recipient or
 * becomes unassigned; the server refuses removing oneself and the only Admin; the mutation log
 * shows exactly what happened.
 */
import { expect, test } from './fixtures';
import { dialog, membersUrl, openMembers, rowOf, toasts } from './console-helpers';

test.use({ extension: false });

test('removing with transfer moves the content to the recipient', async ({ page, consoleDouble }) => {
  await openMembers(page);
  await page.getByRole('checkbox', { name: 'Select Gabriel Costa' }).check();
  await expect(page.getByRole('toolbar', { name: 'Bulk actions' })).toContainText('1 selected');
  await page.getByRole('toolbar', { name: 'Bulk actions' }).getByRole('button', { name: 'Remove' }).click();

  const modal = dialog(page, 'Remove Members?');
  await expect(modal.getByRole('list', { name: 'Users to remove' })).toContainText('Gabriel Costa');
  await expect(modal.getByRole('list', { name: 'Users to remove' })).toContainText('gabriel.costa@lumenfield.example');
  await modal.getByRole('checkbox', { name: 'Transfer content to another user' }).check();
  const confirm = modal.getByRole('button', { name: 'Remove', exact: true });
  await expect(confirm).toBeDisabled();

  const recipient = modal.getByRole('combobox', { name: 'Transfer content to' });
  // Jonas Weber was last active 44 days ago: not offered.
  await recipient.fill('Jonas');
  await expect(page.getByRole('listbox', { name: 'Transfer content to' })).toContainText('No user active in the last 30 days matches');
  await recipient.fill('Gra');
  await page.getByRole('listbox', { name: 'Transfer content to' }).getByRole('option', { name: 'Grace Liu' }).click();
  await expect(recipient).toHaveValue('Grace Liu');
  await expect(confirm).toBeEnabled();
  await confirm.click();

  await expect(toasts(page).getByText('Removed Gabriel Costa. Content transferred to Grace Liu.')).toBeVisible();
  await expect(modal).toHaveCount(0);
  await expect(page.getByRole('row', { name: /Gabriel Costa/ })).toHaveCount(0);
  await expect(page.getByRole('group', { name: 'Joined users' })).toContainText('23');

  const mutations = consoleDouble.backend.mutations();
  expect(mutations).toHaveLength(1);
  expect(mutations[0]).toMatchObject({ operation: 'RemoveMembers', variables: { memberIds: ['u-16'], transferToMemberId: 'u-5' } });
  const state = consoleDouble.backend.state();
  expect(state.members.find((member) => member.id === 'u-5')?.content).toEqual({ charts: 63, dashboards: 15, cohorts: 13, notebooks: 6 });
  expect(state.unassignedContent).toEqual({ charts: 0, dashboards: 0, cohorts: 0, notebooks: 0 });
});

test('removing without transfer leaves the content unassigned (row menu path)', async ({ page, consoleDouble }) => {
  await openMembers(page);
  await page.getByRole('button', { name: 'More actions for Sofia Rossi' }).click();
  await page.getByRole('menu', { name: 'More actions for Sofia Rossi' }).getByRole('menuitem', { name: 'Remove' }).click();
  const modal = dialog(page, 'Remove Members?');
  await expect(modal).toContainText('Owns 4 charts, 1 dashboard, 7 cohorts, 2 notebooks');
  await expect(modal).toContainText('Content that is not transferred becomes unassigned.');
  await modal.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(toasts(page).getByText('Removed Sofia Rossi.')).toBeVisible();
  await expect(page.getByRole('row', { name: /Sofia Rossi/ })).toHaveCount(0);

  expect(consoleDouble.backend.mutations()).toMatchObject([{ operation: 'RemoveMembers', variables: { memberIds: ['u-13'], transferToMemberId: null } }]);
  expect(consoleDouble.backend.state().unassignedContent).toEqual({ charts: 4, dashboards: 1, cohorts: 7, notebooks: 2 });
});

test('revoking a pending invite is removing the pending user', async ({ page, consoleDouble }) => {
  await openMembers(page);
  await page.getByRole('button', { name: 'Pending Users' }).click();
  const pending = page.getByRole('table', { name: 'Pending users' });
  await expect(rowOf(pending, 'lea.dupont@lumenfield.example')).toBeVisible();
  await page.getByRole('checkbox', { name: 'Select lea.dupont@lumenfield.example' }).check();
  await page.getByRole('toolbar', { name: 'Bulk actions' }).getByRole('button', { name: 'Remove' }).click();
  await dialog(page, 'Remove Members?').getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(rowOf(pending, 'lea.dupont@lumenfield.example')).toHaveCount(0);
  await expect(page.getByRole('group', { name: 'Pending users' })).toContainText('5');
  expect(consoleDouble.backend.mutations()).toMatchObject([{ operation: 'RemoveMembers', variables: { memberIds: ['u-30'] } }]);
});

test('removing oneself is refused with a visible error, and nothing changes', async ({ page, consoleDouble }) => {
  await openMembers(page);
  await page.getByRole('button', { name: 'More actions for Maya Okafor' }).click();
  await page.getByRole('menuitem', { name: 'Remove' }).click();
  const modal = dialog(page, 'Remove Members?');
  await modal.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(modal.getByRole('alert')).toHaveText('You cannot remove yourself from the organization.');
  await expect(modal).toBeVisible();
  expect(consoleDouble.backend.mutations()).toEqual([]);
  expect(consoleDouble.backend.refusals()).toMatchObject([{ operation: 'RemoveMembers', errors: [{ extensions: { code: 'CANNOT_REMOVE_SELF' } }] }]);
  await modal.getByRole('button', { name: 'Cancel' }).click();
  await expect(modal).toHaveCount(0);
  await expect(page.getByRole('row', { name: /Maya Okafor/ })).toBeVisible();
});

test('removing every Admin is refused', async ({ page, consoleDouble }) => {
  await openMembers(page);
  await page.getByRole('checkbox', { name: 'Select Daniel Reyes' }).check();
  await page.getByRole('checkbox', { name: 'Select Maya Okafor' }).check();
  await page.getByRole('toolbar', { name: 'Bulk actions' }).getByRole('button', { name: 'Remove' }).click();
  const modal = dialog(page, 'Remove Members?');
  await modal.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(modal.getByRole('alert')).toContainText('These are all the Admins; the organization must keep at least one Admin.');
  expect(consoleDouble.backend.mutations()).toEqual([]);
});

test.describe('an org with a single Admin', () => {
  test.use({ seed: 'sole-admin' });

  test('removing the sole Admin is refused', async ({ page, consoleDouble }) => {
    // Signed in as someone else, so the refusal is about the only Admin, not about oneself.
    consoleDouble.backend.signIn('u-2');
    await openMembers(page, membersUrl('solo-org'));
    await page.getByRole('button', { name: 'More actions for Rosa Lindqvist' }).click();
    await page.getByRole('menuitem', { name: 'Remove' }).click();
    const modal = dialog(page, 'Remove Members?');
    await modal.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect(modal.getByRole('alert')).toContainText(/Rosa Lindqvist .*is the only Admin; the organization must keep at least one Admin\./);
    expect(consoleDouble.backend.mutations()).toEqual([]);
    expect(consoleDouble.backend.state().members.map((member) => member.id)).toContain('u-1');
  });
});
