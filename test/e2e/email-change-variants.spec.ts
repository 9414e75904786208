/**
 * Issue 18 on other renditions of the console's page (the double's markup variants): the change of
 * email, from the person's badge card to the verified end, works the same whatever markup the Users
 * list, the invite wizard and the Remove dialog have. The mutation log is the proof.
 */
import type { Page } from '@playwright/test';
import { MARKUP_VARIANT_NAMES } from '../console/shared/markup';
import { expect, test } from './fixtures';
import { MEMBERS_URL } from './console-helpers';
import { acceptAndRemove, panel, startChange, step } from './support/email-change';

const D = 'lumenfield.example';
const HANNAH = { id: 'u-7', name: 'Hannah Schmidt', email: `hannah.schmidt@${D}` };
/**
 * Every rendition but the default one (email-change.spec.ts runs on that) and names-only, where the
 * removal guard cannot tell who is in the Remove dialog and holds every removal (below).
 */
const VARIANTS = MARKUP_VARIANT_NAMES.filter((variant) => variant !== 'default' && variant !== 'names-only');

test.describe.configure({ timeout: 120_000 });

/** Opens Members & Groups and waits for its people, in whatever markup (labels in any casing, names never). */
async function openPeople(page: Page) {
  await page.goto(MEMBERS_URL);
  await expect(page.getByRole('heading', { name: /^team members & groups$/i, level: 1 })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /^select maya okafor$/i })).toBeVisible();
}

for (const variant of VARIANTS) {
  test.describe(`markup "${variant}"`, () => {
    test.use({ markup: variant });

    test('full path: invited with the same access, the old account removed with its content', async ({ page, consoleDouble }) => {
      const newEmail = `hannah.s@${D}`;
      const before = consoleDouble.backend.state().members.find((member) => member.id === HANNAH.id)!;
      await openPeople(page);
      await startChange(page, HANNAH.name, newEmail, ['Data Team']);
      await acceptAndRemove(page, consoleDouble, HANNAH.email, newEmail);
      await expect(panel(page).getByRole('list', { name: 'What the check found' })).toContainText('Same effective access on every project.');

      const mutations = consoleDouble.backend.mutations();
      const invites = mutations.filter((mutation) => mutation.operation === 'InviteUsers');
      expect(invites).toHaveLength(1);
      expect(invites[0]!.variables).toMatchObject({ invites: [{ email: newEmail, teamId: 't-data' }], groupIds: expect.arrayContaining(['g-1', 'g-4']), projectRoles: [{ projectId: 'p-2', role: 'member' }], teamSpaceIds: ['s-data'] });
      const state = consoleDouble.backend.state();
      const fresh = state.members.find((member) => member.email === newEmail)!;
      expect(mutations.filter((mutation) => mutation.operation === 'RemoveMembers').map((mutation) => mutation.variables)).toMatchObject([{ memberIds: [HANNAH.id], transferToMemberId: fresh.id }]);
      expect(fresh.content).toEqual(before.content);
    });
  });
}

test.describe('markup "names-only" (the Remove dialog shows no emails)', () => {
  test.use({ markup: 'names-only' });

  test('invites as planned; the guard holds the removal it cannot check: nothing removed, the change waits and says why', async ({ page, consoleDouble }) => {
    const newEmail = `hannah.s@${D}`;
    await openPeople(page);
    await startChange(page, HANNAH.name, newEmail, ['Data Team']);
    await expect(step(page)).toContainText(`waiting for ${newEmail} to accept the invite`);
    expect(consoleDouble.backend.mutations().filter((mutation) => mutation.operation === 'InviteUsers').map((mutation) => mutation.variables)).toMatchObject([
      { invites: [{ email: newEmail, teamId: 't-data' }], projectRoles: [{ projectId: 'p-2', role: 'member' }], teamSpaceIds: ['s-data'] },
    ]);
    consoleDouble.backend.acceptInvite({ email: newEmail, lastActiveAt: new Date().toISOString() });
    await panel(page).getByRole('button', { name: 'Check again' }).click();
    await expect(step(page)).toContainText(`Ready for step 3: ${newEmail} joined and is active`);
    await panel(page).getByRole('button', { name: 'Remove the old account and transfer its content' }).click();

    // The guard's hold is the answer: said at once, the dialog closed, nothing removed.
    await expect(panel(page).getByRole('list', { name: 'What the check found' })).toContainText('could not read the email of "Hannah Schmidt"');
    await expect(step(page)).toContainText(`Step 2: ${newEmail}`);
    await expect(page.getByRole('dialog', { name: /^remove members\?$/i })).toHaveCount(0);
    expect(consoleDouble.backend.mutations().filter((mutation) => mutation.operation === 'RemoveMembers')).toEqual([]);
    expect(consoleDouble.backend.state().members.some((member) => member.id === HANNAH.id)).toBe(true);
  });
});
