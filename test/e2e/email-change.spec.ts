/**
 * Issue 18: change a person's email without losing their access or their content, with the built
 * extension on the console double. The days between the steps are simulated with the double's
 * control routes (accept-invite, last-active); what reached the console is checked against its
 * mutation log and its state.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openMembers } from './console-helpers';
import { acceptAndRemove, openChangeEmail, panel, startChange, step } from './support/email-change';
import { createConsoleDouble } from '../console/server/double';
import { persistentProfile } from './support/persistent-profile';

const D = 'lumenfield.example';
const HANNAH = { id: 'u-7', name: 'Hannah Schmidt', email: `hannah.schmidt@${D}` };

const mutationsOf = (double: ReturnType<typeof createConsoleDouble>, operation: string) => double.backend.mutations().filter((mutation) => mutation.operation === operation);

test('full path: the new address gets the same access and all the content, the old one is gone', async ({ page, consoleDouble, extensionId }) => {
  const newEmail = `hannah.s@${D}`;
  const before = consoleDouble.backend.state().members.find((member) => member.id === HANNAH.id)!;
  await openMembers(page);

  // A taken address is refused with the bulk invite's words before anything is sent.
  await openChangeEmail(page, HANNAH.name);
  await panel(page).getByRole('textbox', { name: 'New email address' }).fill(`grace.liu@${D}`);
  await expect(panel(page).getByText(/already a member/i)).toBeVisible();
  await expect(panel(page).getByRole('button', { name: 'Invite the new address' })).toBeDisabled();
  // The panel (its own shadow root): no serious or critical axe violation.
  const axe = await new AxeBuilder({ page }).include('admin-lens-email-change').analyze();
  expect(axe.violations.filter((violation) => ['serious', 'critical'].includes(violation.impact ?? '')).map((violation) => violation.id)).toEqual([]);
  expect(axe.passes.length).toBeGreaterThan(0);
  await page.keyboard.press('Escape');
  await expect(panel(page)).toHaveCount(0);

  await startChange(page, HANNAH.name, newEmail, ['Data Team']);
  await expect(step(page)).toContainText(`waiting for ${newEmail} to accept the invite`);
  // Step 1 went through the console's own wizard, once, with exactly the old account's access.
  const invites = mutationsOf(consoleDouble, 'InviteUsers');
  expect(invites).toHaveLength(1);
  expect(invites[0]!.variables).toMatchObject({
    invites: [{ email: newEmail, teamId: 't-data' }],
    groupIds: expect.arrayContaining(['g-1', 'g-4']),
    projectRoles: [{ projectId: 'p-2', role: 'member' }],
    teamSpaceIds: ['s-data'],
  });
  // Pending: no removal is offered.
  await expect(panel(page).getByRole('button', { name: 'Remove the old account and transfer its content' })).toHaveCount(0);

  // Days later: the invite is accepted and the new account used.
  consoleDouble.backend.acceptInvite({ email: newEmail, lastActiveAt: new Date().toISOString() });
  await panel(page).getByRole('button', { name: 'Check again' }).click();
  await expect(step(page)).toContainText(`Ready for step 3: ${newEmail} joined and is active`);
  await panel(page).getByRole('button', { name: 'Remove the old account and transfer its content' }).click();

  await expect(step(page)).toContainText(`Done: ${HANNAH.email} is now ${newEmail}.`, { timeout: 30_000 });
  const report = panel(page).getByRole('list', { name: 'What the check found' });
  await expect(report).toContainText('Same effective access on every project.');
  await expect(report).toContainText(`All their content now belongs to ${newEmail}.`);

  // The mutation log: one removal of the old account, its content to the new one.
  const state = consoleDouble.backend.state();
  const fresh = state.members.find((member) => member.email === newEmail)!;
  const removals = mutationsOf(consoleDouble, 'RemoveMembers');
  expect(removals).toHaveLength(1);
  expect(removals[0]!.variables).toMatchObject({ memberIds: [HANNAH.id], transferToMemberId: fresh.id });
  expect(state.members.some((member) => member.email === HANNAH.email)).toBe(false);
  expect(fresh.content).toEqual(before.content);
  expect(state.unassignedContent).toEqual({ charts: 0, dashboards: 0, cohorts: 0, notebooks: 0 });

  // The audit log: each step as an email change of its own, apart from the removal the guard recorded.
  const log = await page.context().newPage();
  await log.goto(`chrome-extension://${extensionId}/audit-log.html`);
  await log.getByRole('combobox', { name: 'Kind' }).selectOption({ label: 'Email changes' });
  const steps = log.getByRole('article');
  await expect(steps).toHaveCount(5);
  // Newest first.
  await expect(steps.locator('.al-audit-step')).toHaveText([
    'Step: Verified (final check)',
    'Step: Old account removed, content transferred',
    'Step: Joined (the new account accepted the invite)',
    'Step: Invited (the new address is pending)',
    'Step: Planned (nothing sent yet)',
  ]);
  await expect(steps.first()).toContainText(`Email change: ${HANNAH.email} → ${newEmail}`);
  await expect(steps.first()).toContainText('By: Maya Okafor');
  await log.getByRole('combobox', { name: 'Kind' }).selectOption({ label: 'Removals' });
  await expect(log.getByRole('article')).toHaveCount(1);
  await expect(log.getByRole('article')).toContainText('passed without warnings');
  await expect(log.getByRole('article')).toContainText(`Transfer: ${newEmail}`);
});

test('the change survives a browser restart between the steps and resumes', async () => {
  const newEmail = `h.schmidt@${D}`;
  const double = createConsoleDouble({ seed: 'demo' });
  const profile = persistentProfile('email-change');
  try {
    let { context, extensionId } = await profile.launch(double);
    let page = context.pages()[0] ?? (await context.newPage());
    await openMembers(page);
    await startChange(page, HANNAH.name, newEmail, ['Data Team']);
    await expect(step(page)).toContainText(`waiting for ${newEmail} to accept the invite`);
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await expect(popup.getByRole('heading', { name: 'Email changes: 1 waiting' })).toBeVisible();
    await context.close();

    // Meanwhile: accepted, and active.
    double.backend.acceptInvite({ email: newEmail, lastActiveAt: new Date().toISOString() });
    ({ context, extensionId } = await profile.launch(double));
    page = context.pages()[0] ?? (await context.newPage());
    await openMembers(page);
    // The page re-reads the change by itself: the new account joined and is active.
    const list = page.getByRole('region', { name: 'Email changes' });
    await expect(list).toContainText(`${HANNAH.email} → ${newEmail}: Ready for step 3`);
    await list.getByRole('button', { name: 'Open' }).click();
    await panel(page).getByRole('button', { name: 'Remove the old account and transfer its content' }).click();
    await expect(step(page)).toContainText(`Done: ${HANNAH.email} is now ${newEmail}.`, { timeout: 30_000 });
    expect(mutationsOf(double, 'InviteUsers')).toHaveLength(1);
    expect(mutationsOf(double, 'RemoveMembers')).toHaveLength(1);
    await context.close();
  } finally {
    profile.remove();
  }
});

test('never removes before the new account is active; a refused invite ends at step 1 with the reason; cancel loses nothing', async ({ page, consoleDouble }) => {
  const refusedEmail = `grace@${D}`;
  consoleDouble.backend.setFaults({ failEmails: { emails: [refusedEmail], code: 'FORBIDDEN', message: 'Addresses at this domain need approval.' } });
  await openMembers(page);

  // The console refuses: ended at step 1, with its own words; nothing was created.
  await startChange(page, 'Grace Liu', refusedEmail);
  await expect(step(page)).toContainText('Ended at step 1: the console refused the invite.');
  await expect(step(page)).toContainText('Addresses at this domain need approval.');
  expect(mutationsOf(consoleDouble, 'InviteUsers')).toHaveLength(0);
  await panel(page).getByRole('button', { name: 'Close' }).last().click();

  // Joined but never active: the old account stays, no removal is offered or made.
  const newEmail = `hannah.s@${D}`;
  await startChange(page, HANNAH.name, newEmail);
  await expect(step(page)).toContainText(`waiting for ${newEmail} to accept the invite`);
  consoleDouble.backend.acceptInvite({ email: newEmail });
  await panel(page).getByRole('button', { name: 'Check again' }).click();
  await expect(step(page)).toContainText(`${newEmail} joined; waiting for them to use Amplitude`);
  await expect(panel(page).getByRole('button', { name: 'Remove the old account and transfer its content' })).toHaveCount(0);

  // Cancelled: nothing removed, the old account keeps its access and content.
  const before = consoleDouble.backend.state().members.find((member) => member.id === HANNAH.id)!;
  await panel(page).getByRole('button', { name: 'Cancel this change' }).click();
  await expect(step(page)).toContainText('Cancelled');
  expect(mutationsOf(consoleDouble, 'RemoveMembers')).toHaveLength(0);
  expect(consoleDouble.backend.state().members.find((member) => member.id === HANNAH.id)).toEqual(before);
});

test('pieces this console does not let us read: the admin decides each, nothing is sent before, and the invite carries the decision', async ({ page, consoleDouble }) => {
  // A console without per-person roles, groups or team spaces for the extension (its own page keeps them).
  consoleDouble.backend.setFaults({ unknownOperations: ['OrgMembers', 'PermissionGroups', 'TeamSpaces'] });
  const newEmail = `hannah.s@${D}`;
  await openMembers(page);
  await openChangeEmail(page, HANNAH.name);
  const dialog = panel(page);
  const invite = dialog.getByRole('button', { name: 'Invite the new address' });
  await dialog.getByRole('textbox', { name: 'New email address' }).fill(newEmail);
  // What is read stays read (the team, by the name people carry); the rest waits for a decision.
  await expect(dialog.getByRole('group', { name: 'Team: fill in or leave empty' })).toHaveCount(0);
  const undecided = dialog.getByText(/^Before the invite: decide what the new address gets/);
  await expect(undecided).toHaveText(/: Permission groups, Direct project roles, Team spaces\.$/);
  await expect(invite).toBeDisabled();
  // The fill-ins (radio, checkboxes, a role picker per project): no serious or critical axe violation.
  const axe = await new AxeBuilder({ page }).include('admin-lens-email-change').analyze();
  expect(axe.violations.filter((violation) => ['serious', 'critical'].includes(violation.impact ?? '')).map((violation) => violation.id)).toEqual([]);

  // Groups and team spaces: not even their lists are readable here, so only "Leave empty".
  const groups = dialog.getByRole('group', { name: 'Permission groups: fill in or leave empty' });
  await expect(groups).toContainText('The choices are not readable on this console either');
  await expect(groups.getByRole('checkbox')).toHaveCount(1);
  await groups.getByRole('checkbox', { name: 'Leave empty' }).check();
  const spaces = dialog.getByRole('group', { name: 'Team spaces: fill in or leave empty' });
  await spaces.getByRole('checkbox', { name: 'Leave empty' }).check();
  await expect(undecided).toHaveText(/: Direct project roles\.$/);
  await expect(invite).toBeDisabled();

  // Direct roles: a role per project, from the projects (always read).
  const roles = dialog.getByRole('group', { name: 'Direct project roles: fill in or leave empty' });
  await roles.getByRole('combobox', { name: 'Web App (Staging)' }).selectOption({ label: 'Member' });
  await expect(undecided).toHaveCount(0);
  await expect(dialog.getByText('Web App (Staging): Member')).toBeVisible();
  // Undone and redone: an empty choice is not a decision.
  await roles.getByRole('combobox', { name: 'Web App (Staging)' }).selectOption({ label: 'No direct role' });
  await expect(invite).toBeDisabled();
  await roles.getByRole('combobox', { name: 'Web App (Staging)' }).selectOption({ label: 'Member' });
  expect(mutationsOf(consoleDouble, 'InviteUsers')).toHaveLength(0);
  await invite.click();

  await expect(step(page)).toContainText(`waiting for ${newEmail} to accept the invite`);
  const invites = mutationsOf(consoleDouble, 'InviteUsers');
  expect(invites).toHaveLength(1);
  expect(invites[0]!.variables).toMatchObject({ invites: [{ email: newEmail, teamId: 't-data' }], groupIds: [], projectRoles: [{ projectId: 'p-2', role: 'member' }], teamSpaceIds: [] });
  // The plan as sent says what was decided.
  await expect(dialog.getByText('Not readable on this console: left empty (your choice)')).toHaveCount(2);

  // Days later, on a console that reads everything again: the final check compares with what was filled in.
  consoleDouble.backend.clearFaults();
  await acceptAndRemove(page, consoleDouble, HANNAH.email, newEmail);
  const report = panel(page).getByRole('list', { name: 'What the check found' });
  await expect(report).toContainText('Permission groups: not readable when the change was planned and left empty by your choice');
  await expect(report).toContainText('Team spaces: not readable when the change was planned and left empty by your choice');
  await expect(report).not.toContainText('directly, not');
  expect(mutationsOf(consoleDouble, 'RemoveMembers')).toHaveLength(1);
});
