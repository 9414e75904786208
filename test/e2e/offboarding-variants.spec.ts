/**
 * Offboarding from CSV on other renditions of the double (issue 17, with issue 12's markup
 * variants; the default rendition is offboarding.spec.ts): the same small run, with transfers to
 * two recipients, someone owning nothing, a pending invite to revoke (the other view of the list)
 * and an invalid row, goes through the console's own "Remove Members?" dialog however the page is
 * marked up. The double's mutation log and content counts are the proof.
 */
import type { MarkupVariant } from '../console/shared/markup';
import { expect, test } from './fixtures';
import { MEMBERS_URL } from './console-helpers';
import { contentOf, offboardDialog as dialog, offboardRowOf as rowOf, ORG, removals, stillThere } from './support/offboarding';


const CSV = [
  'email,transfer_to,reason',
  `grace.liu${ORG},ethan.brooks${ORG},left`,
  `gabriel.costa${ORG},ethan.brooks${ORG},inactive`,
  `hannah.schmidt${ORG},sofia.rossi${ORG},`,
  `tomas.herrera${ORG},,`,
  `ryan.patel${ORG},,stale invite`,
  `nobody${ORG},,`,
].join('\n');

/** The variants whose users list, buttons and dialogs differ from the default in structure or words. */
const VARIANTS: MarkupVariant[] = ['aria-grid', 'plain-divs', 'reworded'];

test.describe.configure({ timeout: 120_000 });

for (const variant of VARIANTS) {
  test.describe(`markup variant "${variant}"`, () => {
    test.use({ markup: variant });

    test('transfers, someone owning nothing and a revocation go through the console\'s dialog; the data shows each', async ({ page, consoleDouble }) => {
      // A console slower than the driver's settling time: the other view and pages load for a while,
      // and plain divs say so only by a visible "Loading…" (users-table.ts must see it).
      consoleDouble.backend.setLatency({ ms: 600 });
      await page.goto(MEMBERS_URL);
      // Not the users table: on some variants it has no table role nor name.
      await expect(page.getByRole('heading', { name: /^team members & groups$/i, level: 1 })).toBeVisible();
      await expect(page.getByRole('status', { name: /Admin Lens is active/ })).toContainText(/members/);
      await page.getByRole('button', { name: 'Offboard from CSV' }).click();
      await dialog(page).getByRole('textbox', { name: 'Paste the CSV, or drop a file here' }).fill(CSV);
      await expect(dialog(page).getByRole('status').filter({ hasText: 'to remove with transfer' })).toHaveText(
        '3 to remove with transfer, 1 owning no content, 0 without transfer, 1 invitations to revoke, 0 waiting for "remove without transfer", 1 invalid.',
      );
      const before = { ethan: contentOf(consoleDouble, 'u-10')!, sofia: contentOf(consoleDouble, 'u-13')! };
      await dialog(page).getByRole('button', { name: 'Remove 5 people' }).click();
      await expect(dialog(page).getByText(/^Finished/)).toHaveText('Finished: every row is in its final state.', { timeout: 90_000 });
      await expect(dialog(page).getByRole('status').filter({ hasText: 'removed' })).toHaveText('5 of 5 removed, 0 failed, 0 left; 0 not removed, 1 invalid.');

      // One dialog per recipient group, one for the person owning nothing, one for the revocation; nobody else.
      expect(removals(consoleDouble)).toEqual([
        { memberIds: ['u-16', 'u-5'], transferToMemberId: 'u-10' },
        { memberIds: ['u-7'], transferToMemberId: 'u-13' },
        { memberIds: ['u-4'], transferToMemberId: null },
        { memberIds: ['u-25'], transferToMemberId: null },
      ]);
      // Grace (48/12/9/4) and Gabriel (15/3/4/2) to Ethan; Hannah (7/2/5/1) to Sofia.
      expect(contentOf(consoleDouble, 'u-10')).toEqual({ charts: before.ethan.charts + 63, dashboards: before.ethan.dashboards + 15, cohorts: before.ethan.cohorts + 13, notebooks: before.ethan.notebooks + 6 });
      expect(contentOf(consoleDouble, 'u-13')).toEqual({ charts: before.sofia.charts + 7, dashboards: before.sofia.dashboards + 2, cohorts: before.sofia.cohorts + 5, notebooks: before.sofia.notebooks + 1 });
      for (const id of ['u-5', 'u-16', 'u-7', 'u-4', 'u-25']) expect(stillThere(consoleDouble, id)).toBe(false);
      for (const id of ['u-1', 'u-10', 'u-13']) expect(stillThere(consoleDouble, id)).toBe(true);
      await expect(rowOf(page, 'Offboarding rows', `grace.liu${ORG}`)).toContainText('moved to ethan.brooks@lumenfield.example (checked)');
      await expect(rowOf(page, 'Offboarding rows', `nobody${ORG}`)).toContainText('is not a member of this organization');
    });
  });
}
