/**
 * Issue 13, acceptance 2: the org read piece by piece. With the project-role and group operations
 * unknown to the console ("Cannot query field"), every feature keeps what it can and says what it
 * lacks; with the content search unknown, the removal guard asks instead of judging.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { dialog, openMembers, rowOf } from './console-helpers';

const chip = (page: Page) => page.getByRole('status', { name: /Admin Lens is active/ });
const badge = (scope: Page | Locator, name: string) => scope.getByRole('button', { name: new RegExp(`^Access for ${name}:`) });
const guardPanel = (page: Page) => dialog(page, 'Remove Members?').getByRole('region', { name: 'Admin Lens removal check' });
const removals = (mutations: { operation: string }[]) => mutations.filter((mutation) => mutation.operation === 'RemoveMembers');
const joined = (page: Page) => page.getByRole('table', { name: 'Joined users' });

async function openRemoveBulk(page: Page, names: string[]) {
  for (const name of names) await page.getByRole('checkbox', { name: `Select ${name}` }).check();
  await page.getByRole('toolbar', { name: 'Bulk actions' }).getByRole('button', { name: 'Remove' }).click();
  return dialog(page, 'Remove Members?');
}

test.describe('project roles and permission groups unknown to this console', () => {
  test.beforeEach(async ({ consoleDouble }) => {
    consoleDouble.backend.setFaults({ unknownOperations: ['OrgMembers', 'PermissionGroups'] });
  });

  test('badges show org roles and say project access is unreadable; the summary marks what it cannot give', async ({ page }) => {
    await openMembers(page);
    await expect(chip(page)).toContainText(/30 members · as of/);
    await expect(badge(rowOf(joined(page), 'Maya Okafor'), 'Maya Okafor')).toHaveText(/^Admin/);
    const priya = badge(rowOf(joined(page), 'Priya Natarajan'), 'Priya Natarajan');
    await expect(priya).toContainText('User · project access unreadable here');
    // No finding is made from part of the data (Priya's escalation needs her groups).
    await expect(priya).toHaveAccessibleName('Access for Priya Natarajan: User · project access unreadable here');

    await priya.focus();
    const card = page.getByRole('dialog', { name: 'Access for Priya Natarajan' });
    await expect(card).toContainText("could not read this person's project roles and groups");
    await expect(card).toContainText('Their org role is read: User.');

    const panel = page.getByRole('region', { name: 'Admin Lens access summary' });
    await expect(panel).toContainText('Not readable on this console: ');
    await expect(panel).toContainText('permission groups');
    await expect(panel).toContainText('Escalated through groups: unknown here');
    await expect(panel.getByRole('button', { name: /^Access unreadable/ })).toBeVisible();
  });

  test('the guard still holds a content owner without transfer, from the content search', async ({ page, consoleDouble }) => {
    await openMembers(page);
    await expect(chip(page)).toContainText(/members/);
    const modal = await openRemoveBulk(page, ['Grace Liu']);
    await modal.getByRole('button', { name: 'Remove', exact: true }).click();
    const panel = guardPanel(page);
    await expect(panel.getByRole('alert')).toContainText('becomes unassigned');
    await expect(panel).toContainText('Owns 48 charts, 12 dashboards, 9 cohorts, 4 notebooks');
    await expect(panel.getByRole('status')).toContainText('held this removal back');
    expect(removals(consoleDouble.backend.mutations())).toEqual([]);
    // The counts were read for this dialog, from the console's content search.
    expect(consoleDouble.backend.requestLog().some((entry) => entry.operation === 'GlobalSearch')).toBe(true);
  });

  test('bulk invite still skips members and pending people and says what it could not check', async ({ page }) => {
    await openMembers(page);
    await page.getByRole('button', { name: 'Bulk invite from CSV' }).click();
    const panel = page.getByRole('dialog', { name: 'Bulk invite from CSV' });
    await panel.getByRole('textbox', { name: 'Paste CSV or spreadsheet rows' }).fill(
      [
        'Email,Team,Groups,Projects',
        'new.person@example.com,Engineering,,Web App (Production):Viewer',
        'priya.natarajan@lumenfield.example,,,',
        'ryan.patel@lumenfield.example,,,',
        'grouped.person@example.com,Engineering,Engineering Leads,',
      ].join('\n'),
    );
    await expect(panel.getByText('1 to invite · 2 to skip · 1 invalid')).toBeVisible();
    const rows = panel.getByRole('table', { name: 'Rows to invite' });
    await expect(rows.getByRole('row').filter({ hasText: 'priya.natarajan@' })).toContainText('Skip: Already a member (Priya Natarajan)');
    await expect(rows.getByRole('row').filter({ hasText: 'ryan.patel@' })).toContainText('Skip: Already invited');
    await expect(rows.getByRole('row').filter({ hasText: 'grouped.person@' })).toContainText('"Engineering Leads" could not be checked');
    await expect(panel).toContainText('could not read the permission groups on this console');
  });
});

test('with the content search unknown, the guard asks instead of judging', async ({ page, consoleDouble }) => {
  consoleDouble.backend.setFaults({ unknownOperations: ['GlobalSearch'] });
  await openMembers(page);
  await expect(chip(page)).toContainText(/members/);
  // Emma owns nothing in the seed: with counts she would pass; without them she is held.
  const modal = await openRemoveBulk(page, ['Emma Johansson']);
  await modal.getByRole('button', { name: 'Remove', exact: true }).click();
  const panel = guardPanel(page);
  await expect(panel).toContainText('could not count what Emma Johansson owns');
  await expect(panel).toContainText('Cannot query field');
  await expect(panel.getByRole('status')).toContainText('held this removal back');
  expect(removals(consoleDouble.backend.mutations())).toEqual([]);
});
