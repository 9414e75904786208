/**
 * Issue 3, acceptance 1 and 2: the Invite New Users wizard of the console double, driven as an
 * admin would, checked against the double's mutation log and state.
 */
import { expect, test } from './fixtures';
import { dialog, MEMBERS_URL, membersUrl, openMembers, pickOption, rowOf, toasts } from './console-helpers';
import type { Page } from '@playwright/test';

test.use({ extension: false });

async function addEmail(page: Page, email: string) {
  const input = dialog(page, 'Invite New Users').getByLabel('Email addresses');
  await input.fill(email);
  await input.press('Enter');
}

const stepHeading = (page: Page, title: string) => dialog(page, 'Invite New Users').getByRole('heading', { name: new RegExp(`Step \\d of \\d: ${title}$`) });

test('invites three emails with teams, a group, two projects, a default project and a space', async ({ page, consoleDouble }) => {
  await openMembers(page);
  await page.getByRole('button', { name: 'Invite New Users' }).click();
  const wizard = dialog(page, 'Invite New Users');
  await expect(stepHeading(page, 'Add Users')).toBeVisible();
  const next = wizard.getByRole('button', { name: 'Next' });
  await expect(next).toBeDisabled();

  await addEmail(page, 'ada.byron@lumenfield.example');
  await addEmail(page, 'Bo.Sun@Lumenfield.example'); // chipped in lower case
  await addEmail(page, 'cy.young@lumenfield.example');
  const chips = wizard.getByRole('list', { name: 'Emails to invite' }).getByRole('listitem');
  await expect(chips).toHaveText([/ada\.byron@lumenfield\.example/, /bo\.sun@lumenfield\.example/, /cy\.young@lumenfield\.example/]);
  // Teams are required [guess]: Next waits for all three.
  await expect(next).toBeDisabled();
  await pickOption(page, wizard, 'Team for ada.byron@lumenfield.example', 'Engineering');
  await pickOption(page, wizard, 'Team for bo.sun@lumenfield.example', 'Product');
  await expect(next).toBeDisabled();
  // The third by keyboard: open, move, pick.
  const team = wizard.getByRole('combobox', { name: 'Team for cy.young@lumenfield.example' });
  await team.focus();
  await team.press('ArrowDown');
  await expect(team).toHaveAttribute('aria-expanded', 'true');
  await team.press('ArrowDown');
  await team.press('ArrowDown');
  await team.press('Enter');
  await expect(team).toHaveText(/Marketing/);
  await next.click();

  await expect(stepHeading(page, 'Select Groups')).toBeVisible();
  await wizard.getByRole('checkbox', { name: 'Product Analysts' }).check();
  await next.click();

  await expect(stepHeading(page, 'Assign Access')).toBeVisible();
  // Product Analysts grants Member on iOS App: lower roles are greyed out with the reason.
  await pickOption(page, wizard, 'Add project', 'iOS App');
  await wizard.getByRole('combobox', { name: 'Role for iOS App' }).click();
  const viewer = page.getByRole('listbox', { name: 'Role for iOS App' }).getByRole('option', { name: 'Viewer' });
  await expect(viewer).toHaveAttribute('aria-disabled', 'true');
  await expect(viewer).toHaveAttribute('title', /Product Analysts grants Member on this project/);
  await viewer.click({ force: true });
  await page.keyboard.press('Escape');
  await expect(wizard.getByRole('combobox', { name: 'Role for iOS App' })).toHaveText(/Member/);
  await wizard.getByRole('button', { name: 'Remove iOS App' }).click();

  await pickOption(page, wizard, 'Add project', 'Web App (Staging)');
  await pickOption(page, wizard, 'Role for Web App (Staging)', 'Manager');
  await pickOption(page, wizard, 'Add project', 'Marketing Site');
  await expect(wizard.getByRole('combobox', { name: 'Role for Marketing Site' })).toHaveText(/Viewer/);
  // Escape closes only the dropdown, not the wizard.
  await expect(wizard).toBeVisible();
  await next.click();

  await expect(stepHeading(page, 'Default Project & Team Spaces')).toBeVisible();
  await wizard.getByRole('combobox', { name: 'Default project' }).click();
  const defaults = page.getByRole('listbox', { name: 'Default project' });
  // Only projects the invitees will reach: direct grants and the group's.
  await expect(defaults.getByRole('option', { name: 'Sales Analytics' })).toHaveCount(0);
  await expect(defaults.getByRole('option', { name: 'Growth Experiments' })).toHaveCount(1);
  await defaults.getByRole('option', { name: 'Web App (Staging)' }).click();
  await wizard.getByRole('combobox', { name: 'Team spaces' }).click();
  await page.getByRole('listbox', { name: 'Team spaces' }).getByRole('option', { name: 'Engineering Space' }).click();
  await page.keyboard.press('Escape');
  await expect(wizard.getByRole('combobox', { name: 'Team spaces' })).toHaveText(/Engineering Space/);
  await next.click();

  await expect(stepHeading(page, 'Review')).toBeVisible();
  await expect(wizard.getByRole('list', { name: 'Users to invite' }).getByRole('listitem')).toHaveText([
    'ada.byron@lumenfield.example — Engineering',
    'bo.sun@lumenfield.example — Product',
    'cy.young@lumenfield.example — Marketing',
  ]);
  const access = wizard.getByRole('list', { name: 'Project access' });
  await expect(access).toContainText('Web App (Staging): Manager');
  await expect(access).toContainText('Marketing Site: Viewer');
  await expect(access).toContainText('iOS App: Member (via Product Analysts)');
  expect(consoleDouble.backend.mutations()).toEqual([]);
  await wizard.getByRole('button', { name: 'Send' }).click();

  await expect(toasts(page).getByText('Invitations sent to 3 users')).toBeVisible();
  await expect(wizard).toHaveCount(0);
  await page.getByRole('button', { name: 'Pending Users' }).click();
  await expect(page).toHaveURL(/view=pending/);
  const pending = page.getByRole('table', { name: 'Pending users' });
  // The double lives in today (its seed clock is shifted), so the date is the double's `now`.
  const invitedOn = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(consoleDouble.backend.state().now),
  );
  for (const email of ['ada.byron@lumenfield.example', 'bo.sun@lumenfield.example', 'cy.young@lumenfield.example']) {
    await expect(rowOf(pending, email)).toContainText(`Invited ${invitedOn}`);
  }
  await expect(page.getByRole('group', { name: 'Pending users' })).toContainText('9');

  const mutations = consoleDouble.backend.mutations();
  expect(mutations).toHaveLength(1);
  expect(mutations[0]).toMatchObject({
    operation: 'InviteUsers',
    variables: {
      invites: [
        { email: 'ada.byron@lumenfield.example', teamId: 't-eng' },
        { email: 'bo.sun@lumenfield.example', teamId: 't-product' },
        { email: 'cy.young@lumenfield.example', teamId: 't-marketing' },
      ],
      groupIds: ['g-1'],
      projectRoles: [
        { projectId: 'p-2', role: 'manager' },
        { projectId: 'p-5', role: 'viewer' },
      ],
      orgRole: null,
      defaultProjectId: 'p-2',
      teamSpaceIds: ['s-eng'],
    },
  });
  const ada = consoleDouble.backend.state().members.find((member) => member.email === 'ada.byron@lumenfield.example');
  expect(ada).toMatchObject({ status: 'pending', teamId: 't-eng', defaultProjectId: 'p-2', teamSpaceIds: ['s-eng'] });
});

test('an invalid email is not chipped and says why; Next waits for a chip', async ({ page }) => {
  await openMembers(page);
  await page.getByRole('button', { name: 'Invite New Users' }).click();
  const wizard = dialog(page, 'Invite New Users');
  const input = wizard.getByLabel('Email addresses');
  await input.fill('not-an-email');
  await input.press('Enter');
  await expect(wizard.getByRole('alert')).toHaveText('not-an-email is not a valid email address');
  await expect(wizard.getByRole('list', { name: 'Emails to invite' })).toHaveCount(0);
  await expect(input).toHaveValue('not-an-email');
  await expect(wizard.getByRole('button', { name: 'Next' })).toBeDisabled();

  // A comma also makes a chip; each chip can be removed again.
  await input.fill('dee@lumenfield.example,');
  await input.press(',');
  await expect(wizard.getByRole('listitem').filter({ hasText: 'dee@lumenfield.example' })).toBeVisible();
  await wizard.getByRole('button', { name: 'Remove dee@lumenfield.example' }).click();
  await expect(wizard.getByRole('list', { name: 'Emails to invite' })).toHaveCount(0);

  // A modal: focus starts in it and Tab keeps it there.
  await expect(wizard).toHaveAttribute('aria-modal', 'true');
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press(i % 2 ? 'Shift+Tab' : 'Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('[role="dialog"]')?.getAttribute('aria-modal'))).toBe('true');
  }

  // Escape closes the wizard (with its transition), focus returns to its button, nothing was sent.
  await page.keyboard.press('Escape');
  await expect(wizard).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Invite New Users' })).toBeFocused();
});

/** Walks an invite of these emails (Engineering team each) with one direct project to Review. */
async function inviteUpToReview(page: Page, emails: string[]) {
  await page.getByRole('button', { name: 'Invite New Users' }).click();
  const wizard = dialog(page, 'Invite New Users');
  for (const email of emails) {
    await addEmail(page, email);
    await pickOption(page, wizard, `Team for ${email}`, 'Engineering');
  }
  const next = wizard.getByRole('button', { name: 'Next' });
  await next.click();
  await expect(stepHeading(page, 'Select Groups')).toBeVisible();
  await next.click();
  await pickOption(page, wizard, 'Add project', 'Android App');
  await next.click();
  await expect(stepHeading(page, 'Default Project & Team Spaces')).toBeVisible();
  await next.click();
  await expect(stepHeading(page, 'Review')).toBeVisible();
  return wizard;
}

test('inviting an existing member shows the error in the wizard and sends nothing', async ({ page, consoleDouble }) => {
  await openMembers(page);
  const wizard = await inviteUpToReview(page, ['grace.liu@lumenfield.example', 'new.person@lumenfield.example']);
  await wizard.getByRole('button', { name: 'Send' }).click();
  const alert = wizard.getByRole('alert');
  await expect(alert).toContainText('Nothing was sent.');
  await expect(alert).toContainText('grace.liu@lumenfield.example is already a member of this organization.');
  await expect(wizard).toBeVisible();
  expect(consoleDouble.backend.mutations()).toEqual([]);
  expect(consoleDouble.backend.state().members.some((member) => member.email === 'new.person@lumenfield.example')).toBe(false);

  // Back on the first step the refused chip says why; removing it lets the rest go through.
  for (let i = 0; i < 4; i++) await wizard.getByRole('button', { name: 'Back' }).click();
  await expect(wizard.getByRole('listitem').filter({ hasText: 'grace.liu@lumenfield.example' })).toContainText('already a member');
  await wizard.getByRole('button', { name: 'Remove grace.liu@lumenfield.example' }).click();
  for (let i = 0; i < 4; i++) await wizard.getByRole('button', { name: 'Next' }).click();
  await wizard.getByRole('button', { name: 'Send' }).click();
  await expect(toasts(page).getByText('Invitations sent to 1 user')).toBeVisible();
  expect(consoleDouble.backend.mutations().map((entry) => entry.operation)).toEqual(['InviteUsers']);
});

test('inviting a pending email shows the error and sends nothing', async ({ page, consoleDouble }) => {
  await openMembers(page);
  const wizard = await inviteUpToReview(page, ['ryan.patel@lumenfield.example']);
  await wizard.getByRole('button', { name: 'Send' }).click();
  await expect(wizard.getByRole('alert')).toContainText('ryan.patel@lumenfield.example already has a pending invite.');
  expect(consoleDouble.backend.mutations()).toEqual([]);
  expect(consoleDouble.backend.refusals().map((attempt) => attempt.errors[0]?.extensions.code)).toEqual(['ALREADY_INVITED']);
  await page.keyboard.press('Escape');
  await expect(wizard).toHaveCount(0);
  await expect(page.getByRole('group', { name: 'Pending users' })).toContainText('6');
});

test.describe('an org without project-level permissions or groups', () => {
  test.use({ seed: 'org-level' });

  test('skips Select Groups and asks for one role', async ({ page, consoleDouble }) => {
    await openMembers(page, membersUrl('classic-org'));
    await page.getByRole('button', { name: 'Invite New Users' }).click();
    const wizard = dialog(page, 'Invite New Users');
    await expect(wizard.getByRole('list', { name: 'Steps' }).getByRole('listitem')).toHaveText(['Add Users', 'Assign Access', 'Default Project & Team Spaces', 'Review']);
    await addEmail(page, 'river@brightwater.example');
    await pickOption(page, wizard, 'Team for river@brightwater.example', 'Marketing');
    await wizard.getByRole('button', { name: 'Next' }).click();
    await expect(stepHeading(page, 'Assign Access')).toBeVisible();
    await pickOption(page, wizard, 'Role for new users', 'Member');
    await wizard.getByRole('button', { name: 'Next' }).click();
    // Org level: any project can be the default.
    await pickOption(page, wizard, 'Default project', 'Android');
    await wizard.getByRole('button', { name: 'Next' }).click();
    await expect(stepHeading(page, 'Review')).toBeVisible();
    await expect(wizard.getByText('Member', { exact: true })).toBeVisible();
    await wizard.getByRole('button', { name: 'Send' }).click();
    await expect(toasts(page).getByText('Invitations sent to 1 user')).toBeVisible();
    expect(consoleDouble.backend.mutations()[0]).toMatchObject({ operation: 'InviteUsers', variables: { invites: [{ email: 'river@brightwater.example', teamId: 't-marketing' }], orgRole: 'member', projectRoles: [], groupIds: [], defaultProjectId: 'p-3' } });
  });
});

test('the wizard is reachable from another settings page without a reload', async ({ page }) => {
  await page.goto(MEMBERS_URL.replace('/members', '/projects'));
  await expect(page.getByRole('heading', { name: 'Projects', level: 1 })).toBeVisible();
  await page.getByRole('link', { name: 'Members & Groups' }).click();
  await page.getByRole('button', { name: 'Invite New Users' }).click();
  await expect(dialog(page, 'Invite New Users')).toBeVisible();
});
