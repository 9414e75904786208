/**
 * Issue 12, "A double that can look different": each named markup variant of the console double
 * renders as test/console/shared/markup.ts specifies, and the page still works by hand on it (a
 * removal and an invite through the UI, checked in the mutation log). Without the extension.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { MEMBERS_URL, pickOption, toasts } from './console-helpers';

test.use({ extension: false });

/** Opens Members & Groups in any casing and waits for a person of the demo org. */
async function openPage(page: Page): Promise<void> {
  await page.goto(MEMBERS_URL);
  await expect(page.getByRole('heading', { name: /^team members & groups$/i, level: 1 })).toBeVisible();
  await expect(page.getByText(/^Grace Liu/).first()).toBeVisible();
}

test.describe('aria-grid', () => {
  test.use({ markup: 'aria-grid' });

  test('the users list is an ARIA grid of divs, actions are div buttons, confirmations nameless alertdialogs; a removal works by keyboard', async ({ page, consoleDouble }) => {
    await openPage(page);
    const grid = page.getByRole('grid', { name: 'Joined users' });
    await expect(grid.getByRole('row')).toHaveCount(25); // the header and 24 joined members
    await expect(page.getByRole('table')).toHaveCount(0);
    await expect(grid.getByRole('columnheader', { name: 'Last active' })).toBeVisible();
    const row = grid.getByRole('row').filter({ hasText: 'Sofia Rossi' });
    await expect(row.getByRole('gridcell').nth(1)).toContainText('sofia.rossi@lumenfield.example');
    const box = row.getByRole('checkbox', { name: 'Select Sofia Rossi' });
    expect(await box.evaluate((element) => `${element.tagName} ${(element as HTMLInputElement).type}`)).toBe('INPUT checkbox');
    const invite = page.getByRole('button', { name: 'Invite New Users' });
    expect(await invite.evaluate((element) => `${element.tagName} ${element.tabIndex}`)).toBe('DIV 0');

    // The row's "⋯" is a div: Enter opens its menu.
    const more = row.getByRole('button', { name: 'More actions for Sofia Rossi' });
    await more.focus();
    await more.press('Enter');
    await page.getByRole('menu', { name: 'More actions for Sofia Rossi' }).getByRole('menuitem', { name: 'Remove' }).click();

    const modal = page.getByRole('alertdialog');
    await expect(modal.getByRole('heading', { name: 'Remove Members?' })).toBeVisible();
    await expect(modal).not.toHaveAttribute('aria-labelledby');
    await expect(modal).toHaveAccessibleName('');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(modal.getByRole('list', { name: 'Users to remove' })).toContainText('sofia.rossi@lumenfield.example');

    // aria-disabled instead of disabled, and a click on it does nothing.
    const transfer = modal.getByRole('checkbox', { name: 'Transfer content to another user' });
    await transfer.check();
    const confirm = modal.getByRole('button', { name: 'Remove', exact: true });
    await expect(confirm).toHaveAttribute('aria-disabled', 'true');
    await expect(confirm).toBeDisabled();
    await confirm.click({ force: true });
    await transfer.uncheck();
    await expect(confirm).toBeEnabled();
    expect(consoleDouble.backend.mutations()).toEqual([]);

    await confirm.focus();
    await confirm.press(' ');
    await expect(toasts(page).getByText('Removed Sofia Rossi.')).toBeVisible();
    await expect(modal).toHaveCount(0);
    await expect(grid.getByRole('row')).toHaveCount(24);
    expect(consoleDouble.backend.mutations()).toMatchObject([{ operation: 'RemoveMembers', variables: { memberIds: ['u-13'], transferToMemberId: null } }]);
  });
});

test.describe('plain-divs', () => {
  test.use({ markup: 'plain-divs' });

  test('no table or grid roles, emails only in a title, labels in sentence case; a removal with transfer works', async ({ page, consoleDouble }) => {
    await openPage(page);
    await expect(page.getByRole('heading', { name: 'Team members & groups', exact: true, level: 1 })).toBeVisible();
    await expect(page.getByRole('tab', { name: 'Users', exact: true })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('button', { name: 'Invite new users', exact: true })).toBeVisible();
    for (const role of ['table', 'grid', 'row', 'cell', 'gridcell', 'columnheader'] as const) await expect(page.getByRole(role)).toHaveCount(0);
    await expect(page.getByText('Grace Liu', { exact: true })).toHaveAttribute('title', 'grace.liu@lumenfield.example');
    await expect(page.getByRole('tabpanel')).not.toContainText('@lumenfield.example');

    await page.getByRole('checkbox', { name: 'Select Gabriel Costa' }).check();
    const bulk = page.getByRole('toolbar', { name: 'Bulk actions' });
    await expect(bulk).toContainText('1 selected');
    await bulk.getByRole('button', { name: 'Remove', exact: true }).click();

    const modal = page.getByRole('dialog', { name: 'Remove members?', exact: true });
    const list = modal.getByRole('list', { name: 'Users to remove' });
    await expect(list.getByText('Gabriel Costa', { exact: true })).toHaveAttribute('title', 'gabriel.costa@lumenfield.example');
    await expect(list).not.toContainText('@');
    await modal.getByRole('checkbox', { name: 'Transfer content to another user' }).check();
    await modal.getByRole('combobox', { name: 'Transfer content to' }).fill('Gra');
    await page.getByRole('listbox', { name: 'Transfer content to' }).getByRole('option', { name: 'Grace Liu' }).click();
    await modal.getByRole('button', { name: 'Remove', exact: true }).click();

    await expect(toasts(page).getByText('Removed Gabriel Costa. Content transferred to Grace Liu.')).toBeVisible();
    await expect(page.getByText('Gabriel Costa', { exact: true })).toHaveCount(0);
    expect(consoleDouble.backend.mutations()).toMatchObject([{ operation: 'RemoveMembers', variables: { memberIds: ['u-16'], transferToMemberId: 'u-5' } }]);
  });
});

test.describe('reworded', () => {
  test.use({ markup: 'reworded' });

  test('reworded upper-case labels, "Name · email", an unnamed list; a removal with transfer works', async ({ page, consoleDouble }) => {
    await openPage(page);
    await expect(page.getByRole('heading', { name: 'TEAM MEMBERS & GROUPS', exact: true, level: 1 })).toBeVisible();
    await expect(page.getByRole('table', { name: 'JOINED USERS', exact: true })).toBeVisible();
    await expect(page.getByText('Grace Liu · grace.liu@lumenfield.example', { exact: true })).toBeVisible();

    await page.getByRole('button', { name: 'MORE ACTIONS FOR Gabriel Costa', exact: true }).click();
    await page.getByRole('menuitem', { name: 'REMOVE', exact: true }).click();
    const modal = page.getByRole('dialog', { name: 'REMOVE MEMBERS?', exact: true });
    const list = modal.getByRole('list');
    await expect(list).toHaveCount(1);
    await expect(list).toHaveAccessibleName('');
    await expect(list).toContainText('Gabriel Costa · gabriel.costa@lumenfield.example');
    await expect(modal.getByRole('button', { name: 'REMOVE', exact: true })).toHaveCount(0);

    await modal.getByRole('checkbox', { name: 'TRANSFER THEIR CONTENT BEFORE REMOVING', exact: true }).check();
    await modal.getByRole('combobox', { name: 'NEW CONTENT OWNER', exact: true }).fill('Gra');
    await page.getByRole('listbox', { name: 'NEW CONTENT OWNER' }).getByRole('option', { name: 'Grace Liu' }).click();
    await modal.getByRole('button', { name: 'REMOVE MEMBERS', exact: true }).click();

    await expect(toasts(page).getByText('REMOVED Gabriel Costa. CONTENT TRANSFERRED TO Grace Liu.')).toBeVisible();
    expect(consoleDouble.backend.mutations()).toMatchObject([{ operation: 'RemoveMembers', variables: { memberIds: ['u-16'], transferToMemberId: 'u-5' } }]);
  });

  test('the invite wizard makes chips on a comma or blur, never on Enter, and step headings are just titles; an invite is sent', async ({ page, consoleDouble }) => {
    await openPage(page);
    await page.getByRole('button', { name: 'INVITE NEW USERS', exact: true }).click();
    const wizard = page.getByRole('dialog', { name: 'INVITE NEW USERS', exact: true });
    const heading = wizard.getByRole('heading', { level: 3 });
    await expect(heading).toHaveText('ADD USERS');

    const input = wizard.getByRole('textbox', { name: 'EMAIL ADDRESSES', exact: true });
    const chips = wizard.getByRole('list', { name: 'EMAILS TO INVITE' }).getByRole('listitem');
    await input.fill('ada.byron@lumenfield.example');
    await input.press('Enter');
    await expect(input).toHaveValue('ada.byron@lumenfield.example');
    await expect(chips).toHaveCount(0);
    await input.press(',');
    await expect(chips).toHaveCount(1);
    await expect(input).toHaveValue('');
    await input.fill('bo.sun@lumenfield.example');
    await input.blur();
    await expect(chips).toHaveText([/ada\.byron@lumenfield\.example/, /bo\.sun@lumenfield\.example/]);

    await pickOption(page, wizard, 'TEAM FOR ada.byron@lumenfield.example', 'Engineering');
    await pickOption(page, wizard, 'TEAM FOR bo.sun@lumenfield.example', 'Product');
    const next = wizard.getByRole('button', { name: 'NEXT', exact: true });
    await next.click();
    await expect(heading).toHaveText('SELECT GROUPS');
    await next.click();
    await expect(heading).toHaveText('ASSIGN ACCESS');
    await pickOption(page, wizard, 'ADD PROJECT', 'Marketing Site');
    await next.click();
    await expect(heading).toHaveText('DEFAULT PROJECT & TEAM SPACES');
    await next.click();
    await expect(heading).toHaveText('REVIEW');
    expect(consoleDouble.backend.mutations()).toEqual([]);
    await wizard.getByRole('button', { name: 'SEND', exact: true }).click();

    await expect(toasts(page).getByText('INVITATIONS SENT TO 2 USERS')).toBeVisible();
    expect(consoleDouble.backend.mutations()).toMatchObject([
      {
        operation: 'InviteUsers',
        variables: {
          invites: [
            { email: 'ada.byron@lumenfield.example', teamId: 't-eng' },
            { email: 'bo.sun@lumenfield.example', teamId: 't-product' },
          ],
          projectRoles: [{ projectId: 'p-5', role: 'viewer' }],
        },
      },
    ]);
  });
});

test.describe('names-only', () => {
  test.use({ markup: 'names-only' });

  test('no email in the users rows nor in the Remove list, in text or title', async ({ page, consoleDouble }) => {
    await openPage(page);
    const table = page.getByRole('table', { name: 'Joined users' });
    await expect(table.getByRole('row').filter({ hasText: 'Grace Liu' })).toBeVisible();
    await expect(table).not.toContainText('@');
    await expect(table.locator('[title*="@"], [aria-label*="@"], a[href^="mailto:"]')).toHaveCount(0);

    await page.getByRole('checkbox', { name: 'Select Gabriel Costa' }).check();
    await page.getByRole('toolbar', { name: 'Bulk actions' }).getByRole('button', { name: 'Remove', exact: true }).click();
    const modal = page.getByRole('dialog', { name: 'Remove Members?' });
    const list = modal.getByRole('list', { name: 'Users to remove' });
    await expect(list).toContainText('Gabriel Costa');
    await expect(list).not.toContainText('@');
    await expect(list.locator('[title*="@"], [aria-label*="@"]')).toHaveCount(0);
    await modal.getByRole('button', { name: 'Cancel' }).click();
    await expect(modal).toHaveCount(0);

    // A pending invitee's name is their email: shown once, as the name.
    await page.getByRole('button', { name: 'Pending Users' }).click();
    const pending = page.getByRole('table', { name: 'Pending users' });
    await expect(pending.getByRole('row').filter({ hasText: 'lea.dupont@lumenfield.example' }).getByText('lea.dupont@lumenfield.example')).toHaveCount(1);
    expect(consoleDouble.backend.mutations()).toEqual([]);
  });
});
