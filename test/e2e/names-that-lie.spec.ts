/**
 * Issue 14, "Names that lie": a name holding U+202E (right-to-left override) would make
 * "Grace fdp.exe" read "Grace exe.pdf". Wherever Admin Lens shows it (the breakdown card, the badge's
 * accessible name, the removal guard, the audit log page) it shows a visible marker ⟨U+202E⟩ instead
 * of applying the override, and the card raises a finding about it.
 *
 * The org is the demo seed with one member renamed, loaded into this test's double only (the
 * bundled seeds other tests count on are untouched).
 */
import type { Locator, Page } from '@playwright/test';
import { loadSeed } from '../console/seeds';
import { expect, test } from './fixtures';
import { dialog, openMembers, toasts } from './console-helpers';

const RLO = '\u202E';
const LYING = `Grace ${RLO}fdp.exe`;
const SHOWN = 'Grace ⟨U+202E⟩fdp.exe';
const EMAIL = 'grace.liu@lumenfield.example';

const guardPanel = (page: Page) => dialog(page, 'Remove Members?').getByRole('region', { name: 'Admin Lens removal check' });
const removals = (mutations: { operation: string }[]) => mutations.filter((mutation) => mutation.operation === 'RemoveMembers');

/** What a person sees: the text with no override left in it, and the marker drawn as its own element. */
async function expectMarked(scope: Locator) {
  await expect(scope).toContainText(SHOWN);
  expect(await scope.textContent()).not.toContain(RLO);
  await expect(scope.locator('.al-hidden-char').first()).toHaveText('⟨U+202E⟩');
  await expect(scope.locator('.al-hidden-char').first()).toBeVisible();
}

test.beforeEach(async ({ consoleDouble }) => {
  const seed = loadSeed('demo');
  const grace = seed.members.find((member) => member.email === EMAIL);
  if (!grace) throw new Error(`${EMAIL} is not in the demo seed`);
  grace.name = LYING;
  consoleDouble.backend.reset(seed);
});

test('a name with U+202E is marked in the card (with a finding), the guard and the audit log', async ({ page, consoleDouble, extensionId }) => {
  await openMembers(page);
  await expect(page.getByRole('status', { name: /Admin Lens is active/ })).toContainText(/members/);
  const row = page.getByRole('table', { name: 'Joined users' }).getByRole('row').filter({ hasText: EMAIL });

  // The badge's accessible name and the card: the marker, never the override.
  const badge = row.getByRole('button', { name: /^Access for / });
  await expect(badge).toHaveAccessibleName(new RegExp(`^Access for ${SHOWN.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: .*finding`));
  await badge.focus();
  const card = page.getByRole('dialog', { name: /^Access for Grace/ });
  await expect(card).toBeVisible();
  await expectMarked(card.getByRole('heading', { level: 2 }));
  const findings = card.getByRole('region', { name: 'Findings' });
  await expect(findings).toContainText(`${SHOWN}'s name holds characters that do not show or that change how it reads (U+202E)`);
  await expect(findings).toContainText('Check who this really is');
  expect(await findings.textContent()).not.toContain(RLO);
  await page.keyboard.press('Escape');

  // The removal guard: Grace owns content, so removing her without transfer is held; her name is marked.
  await row.getByRole('checkbox').check();
  await page.getByRole('toolbar', { name: 'Bulk actions' }).getByRole('button', { name: 'Remove' }).click();
  const modal = dialog(page, 'Remove Members?');
  await modal.getByRole('button', { name: 'Remove', exact: true }).click();
  const panel = guardPanel(page);
  await expect(panel.getByRole('alert')).toContainText('becomes unassigned');
  await expectMarked(panel.getByRole('list', { name: 'What this removal takes away' }).getByRole('listitem').filter({ hasText: EMAIL }));

  // The deliberate path, so that the removal is recorded.
  await panel.getByRole('button', { name: 'Remove without transfer' }).click();
  await guardPanel(page).getByRole('checkbox', { name: 'I understand the content will be orphaned' }).check();
  await modal.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(toasts(page)).toContainText('Removed');
  expect(removals(consoleDouble.backend.mutations())).toMatchObject([{ variables: { memberIds: ['u-5'] } }]);

  // The audit log page.
  const log = await page.context().newPage();
  await log.goto(`chrome-extension://${extensionId}/audit-log.html`);
  const entry = log.getByRole('article').filter({ hasText: EMAIL });
  await expect(entry).toHaveCount(1);
  await expectMarked(entry.getByRole('list', { name: 'People removed' }));
});
