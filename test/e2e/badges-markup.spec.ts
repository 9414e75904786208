/**
 * Issue 12, acceptance 4: badges on every markup variant of the double that shows an email or a
 * unique name per row (a `<table>`, an ARIA grid, plain divs; name over email, the email in a
 * `title`, "Name · email", names only), the breakdown card on hover and focus there; where rows
 * cannot be told apart, no badge, and the chip and the popup say why. And the page recognised, with
 * badges, on every documented address form.
 *
 * Found the way an admin reads the page, whatever its markup: people by their "Select <name>"
 * checkbox (labels may be in any casing, names never are), badges by their accessible name.
 */
import type { Locator, Page } from '@playwright/test';
import { MARKUP_VARIANT_NAMES } from '../console/shared/markup';
import { expect, test } from './fixtures';
import { landmarks, openPopupFor, row, untilReady } from './support/popup';
import { MEMBERS_URL } from './console-helpers';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Each person's selection checkbox (not the header's "Select all users on this page"). */
const personBoxes = (page: Page): Locator => page.getByRole('checkbox', { name: /^select (?!all users)/i });
const personBox = (page: Page, name: string): Locator => page.getByRole('checkbox', { name: new RegExp(`^select ${escape(name)}$`, 'i') });
const badges = (page: Page): Locator => page.getByRole('button', { name: /^Access for / });
const badge = (page: Page, name: string): Locator => page.getByRole('button', { name: new RegExp(`^Access for ${escape(name)}:`) });
const card = (page: Page, name: string): Locator => page.getByRole('dialog', { name: `Access for ${name}` });
const chip = (page: Page): Locator => page.getByRole('status', { name: /Admin Lens is active/ });
const UNREADABLE = /rows? of the Users table: no email or unique name readable, no badge there\./;

/** Opens Members & Groups and waits for its people, in whatever markup. */
async function openPeople(page: Page, url = MEMBERS_URL): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('heading', { name: /^team members & groups$/i, level: 1 })).toBeVisible();
  await expect(personBox(page, 'Maya Okafor')).toBeVisible();
}

/**
 * The badge sits in the row of the person it names, whatever the markup: the nearest element
 * around the badge that holds a checkbox holds exactly one, that person's.
 */
async function expectInRowOf(page: Page, name: string): Promise<void> {
  const boxes = await badge(page, name).evaluate((button) => {
    let at: Element | null = (button.getRootNode() as ShadowRoot).host;
    while (at && !at.querySelector('input[type="checkbox"]')) at = at.parentElement;
    return [...(at?.querySelectorAll('input[type="checkbox"]') ?? [])].map((box) => box.getAttribute('aria-label'));
  });
  expect(boxes).toHaveLength(1);
  expect(boxes[0]).toMatch(new RegExp(`^select ${escape(name)}$`, 'i'));
}

for (const variant of MARKUP_VARIANT_NAMES) {
  test.describe(`markup "${variant}"`, () => {
    test.use({ markup: variant });

    test('every person gets their badge; the card opens on hover and on focus', async ({ page }) => {
      await openPeople(page);
      const priya = badge(page, 'Priya Natarajan');
      await expect(priya).toHaveText(/^Manager in \d of 8 projects/, { timeout: 15_000 });
      await expect(badge(page, 'Maya Okafor')).toHaveText(/^Admin/);
      // One badge per person, and each where its person is.
      await expect(badges(page)).toHaveCount(await personBoxes(page).count());
      await expectInRowOf(page, 'Priya Natarajan');
      await expectInRowOf(page, 'Grace Liu');

      await priya.hover();
      const breakdown = card(page, 'Priya Natarajan');
      await expect(breakdown).toBeVisible();
      await expect(breakdown.getByRole('region', { name: 'Findings' })).toContainText('Engineering Leads');
      await page.getByRole('heading', { level: 1 }).hover();
      await expect(breakdown).toHaveCount(0);

      await badge(page, 'Grace Liu').focus();
      await expect(card(page, 'Grace Liu')).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(card(page, 'Grace Liu')).toHaveCount(0);

      // The Pending view: invitees (their name is their email) get theirs too.
      await page.getByRole('button', { name: /^pending users$/i }).click();
      await expect(badge(page, 'ryan.patel@lumenfield.example')).toHaveText(/^Viewer in 1 of 8 projects/);
      await expect(badges(page)).toHaveCount(await personBoxes(page).count());
      await expect(badge(page, 'Priya Natarajan')).toHaveCount(0);

      // Nobody was left without a badge, so the chip says nothing about it.
      await expect(chip(page)).toBeVisible();
      await expect(page.getByText(UNREADABLE)).toHaveCount(0);
    });
  });
}

test.describe('names only, two members with the same name', () => {
  test.use({ markup: 'names-only' });

  test('their rows get no badge, and the chip and the popup say why', async ({ page, consoleDouble, context, extensionId }) => {
    // Hannah Schmidt (u-7) renamed to the name Priya Natarajan (u-3) already has.
    const state = consoleDouble.backend.state();
    consoleDouble.backend.reset({ ...state, members: state.members.map((member) => (member.id === 'u-7' ? { ...member, name: 'Priya Natarajan' } : member)) });
    consoleDouble.backend.setMarkup('names-only');
    await openPeople(page);
    await expect(personBox(page, 'Priya Natarajan')).toHaveCount(2);

    await expect(badge(page, 'Maya Okafor')).toHaveText(/^Admin/, { timeout: 15_000 });
    await expect(badges(page)).toHaveCount((await personBoxes(page).count()) - 2);
    await expect(badge(page, 'Priya Natarajan')).toHaveCount(0);
    await expect(badge(page, 'Hannah Schmidt')).toHaveCount(0);
    await expect(page.getByRole('status').filter({ hasText: '2 rows of the Users table: no email or unique name readable, no badge there.' })).toBeVisible();

    const popup = await openPopupFor(context, extensionId);
    await untilReady(popup);
    await expect(row(landmarks(popup), 'Email or unique name in each user row')).toContainText(
      /^MISSING.*2 of 24 rows: no email or unique name readable, no badge there\. Affects: Access badges\./,
    );
    await expect(row(landmarks(popup), 'Users table')).toContainText(/^found/);
  });
});

test.describe('every documented address form', () => {
  const FORMS = [
    { name: 'org url', url: 'https://app.amplitude.com/analytics/demo-org/settings/members', org: 'demo-org' },
    { name: 'org id', url: 'https://app.amplitude.com/analytics/org/412345/settings/members', org: 'org/412345' },
    { name: 'legacy host', url: 'https://analytics.amplitude.com/demo-org/settings/members', org: 'demo-org' },
    { name: 'EU host', url: 'https://app.eu.amplitude.com/analytics/demo-org/settings/members', org: 'demo-org' },
  ] as const;

  for (const form of FORMS) {
    test(`by ${form.name}: the page is recognised and every row has its badge`, async ({ page, consoleDouble }) => {
      await openPeople(page, form.url);
      await expect(chip(page)).toHaveAccessibleName(`Admin Lens is active for org ${form.org}`);
      await expect(badge(page, 'Priya Natarajan')).toHaveText(/^Manager in \d of 8 projects/, { timeout: 15_000 });
      await expect(badges(page)).toHaveCount(await personBoxes(page).count());
      // Every read went through (the extension's included): by org url, or by org id.
      const log = consoleDouble.backend.requestLog();
      expect(log.filter((entry) => entry.operation === 'OrgMembers').length).toBeGreaterThan(1);
      expect(log.filter((entry) => entry.status !== 200)).toEqual([]);
    });
  }
});
