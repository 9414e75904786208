/**
 * Issue 14, "correct in time": ages are judged to the minute, at any hour. The console double moves
 * its seed to the present by the exact offset (test/console/seeds/rebase.ts), and the extension's
 * clock is set to a chosen moment (support/extension-clock.ts; Playwright's page.clock does not
 * reach a content script's isolated world), so nothing here races the clock or midnight.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openMembers, rowOf } from './console-helpers';
import { setExtensionClock } from './support/extension-clock';
import { loadSeed } from '../console/seeds';
import { rebaseSeedToNow } from '../console/seeds/rebase';
import type { Seed } from '../console/shared/seed';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const JUST_FRESH = 'nina.kowalski@lumenfield.example';
const JUST_STALE = 'felix.wagner@lumenfield.example';

const panel = (page: Page) => page.getByRole('region', { name: 'Admin Lens access summary' });
const staleButton = (page: Page) => panel(page).getByRole('button', { name: /^Stale invites: \d+$/ });
const pendingBadge = (page: Page, email: string): Locator =>
  rowOf(page.getByRole('table', { name: 'Pending users' }), email).getByRole('button', { name: new RegExp(`^Access for ${email.replace(/[.]/g, '\\.')}:`) });
const findingsOf = (page: Page, email: string) => page.getByRole('dialog', { name: `Access for ${email}` }).getByRole('region', { name: 'Findings' });

/**
 * The demo org written twelve hours of the day away from `moment` (a double that moved it by whole
 * days would live twelve hours off the real clock), with one invite 14 days minus a minute old and
 * one 14 days plus a minute, on either side of the default stale-invite threshold (14 days).
 */
function boundarySeed(moment: number): Seed {
  const writtenAt = moment - 400 * DAY_MS - 12 * 60 * MINUTE_MS;
  const seed = rebaseSeedToNow(loadSeed('demo'), writtenAt);
  const invitedAt: Record<string, number> = { [JUST_FRESH]: writtenAt - 14 * DAY_MS + MINUTE_MS, [JUST_STALE]: writtenAt - 14 * DAY_MS - MINUTE_MS };
  return {
    ...seed,
    members: seed.members.map((member) => {
      const at = invitedAt[member.email];
      return at === undefined ? member : { ...member, invitedAt: new Date(at).toISOString() };
    }),
  };
}

test('an invite 14 days minus a minute old is not stale, one 14 days plus a minute is, at any hour', async ({ page, consoleDouble, extensionId }) => {
  const moment = Date.now();
  consoleDouble.backend.reset(boundarySeed(moment));
  // The double lives at the real moment it was loaded, to the millisecond (not today at the seed's hour).
  expect(Math.abs(Date.parse(consoleDouble.backend.state().now) - moment)).toBeLessThan(1000);
  await setExtensionClock(page, extensionId, moment);
  await openMembers(page);

  // Stale in the demo org: the invites 20, 39 and 59 days old, and the one just past 14 days.
  await expect(staleButton(page)).toHaveAccessibleName('Stale invites: 4');
  await staleButton(page).click();
  const list = panel(page).getByRole('region', { name: 'People: Stale invites' });
  await expect(list).toContainText(JUST_STALE);
  await expect(list).not.toContainText(JUST_FRESH);

  await page.getByRole('button', { name: 'Pending Users' }).click();
  await pendingBadge(page, JUST_STALE).focus();
  await expect(findingsOf(page, JUST_STALE)).toContainText(`The invite to ${JUST_STALE} was sent 14 days ago`);
  await page.keyboard.press('Escape');
  await pendingBadge(page, JUST_FRESH).focus();
  await expect(page.getByRole('dialog', { name: `Access for ${JUST_FRESH}` })).toBeVisible();
  await expect(page.getByRole('dialog', { name: `Access for ${JUST_FRESH}` })).not.toContainText('days ago');
});

test('a day later both are stale, each with its own age in days', async ({ page, consoleDouble, extensionId }) => {
  const moment = Date.now();
  consoleDouble.backend.reset(boundarySeed(moment));
  // The extension's clock one day ahead of the double's: the invite 14 days minus a minute old is now
  // 15 days minus a minute old.
  const clock = await setExtensionClock(page, extensionId, moment + DAY_MS);
  await openMembers(page);
  await clock.installed();
  // Computed again on that clock, whatever the first read was computed on.
  await panel(page).getByRole('button', { name: 'Refresh' }).click();

  await expect(staleButton(page)).toHaveAccessibleName('Stale invites: 5');
  await page.getByRole('button', { name: 'Pending Users' }).click();
  await pendingBadge(page, JUST_FRESH).focus();
  await expect(findingsOf(page, JUST_FRESH)).toContainText(`The invite to ${JUST_FRESH} was sent 14 days ago`);
  await page.keyboard.press('Escape');
  await pendingBadge(page, JUST_STALE).focus();
  await expect(findingsOf(page, JUST_STALE)).toContainText(`The invite to ${JUST_STALE} was sent 15 days ago`);
});
