/**
 * Issue 14: a removal confirmed just before the page is left, or the removal guard switched off,
 * still gets its outcome in the audit log ("not known yet" until a read of the org shows it, never
 * "pending" forever). The console's backend carries the removal out, but its answer is held, so
 * the page is left (or the guard switched off) before it learns what happened.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { dialog, MEMBERS_URL, openMembers } from './console-helpers';
import type { ConsoleDouble } from '../console/server/double';

const CHLOE = 'chloe.martin@lumenfield.example';
const removals = (mutations: { operation: string }[]) => mutations.filter((mutation) => mutation.operation === 'RemoveMembers');

async function openedWithData(page: Page) {
  await openMembers(page);
  await expect(page.getByRole('status', { name: /Admin Lens is active/ })).toContainText(/members/);
}

/**
 * The double carries out every RemoveMembers at once but holds its answer until `release()`, as
 * when the console's answer is slow. (Registered last, this route comes before the fixture's.)
 */
async function holdRemovalAnswers(context: BrowserContext, consoleDouble: ConsoleDouble): Promise<() => void> {
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  await context.route(/^https:\/\/app\.amplitude\.com\/t\/graphql\//, async (route) => {
    const request = route.request();
    const body = request.postData();
    if (!(body ?? '').includes('RemoveMembers')) return route.fallback();
    const answer = await consoleDouble.handle({ method: request.method(), url: request.url(), headers: await request.allHeaders(), body });
    await released;
    // The page that asked may be gone by now.
    await route.fulfill({ status: answer.status, headers: answer.headers, body: Buffer.from(answer.body) }).catch(() => undefined);
  });
  return release;
}

/** Confirms Chloe Martin's removal (she owns nothing: the guard lets it through) and waits until the console has carried it out. */
async function confirmRemovingChloe(page: Page, consoleDouble: ConsoleDouble) {
  await page.getByRole('button', { name: 'More actions for Chloe Martin' }).click();
  await page.getByRole('menu', { name: 'More actions for Chloe Martin' }).getByRole('menuitem', { name: 'Remove' }).click();
  await dialog(page, 'Remove Members?').getByRole('button', { name: 'Remove', exact: true }).click();
  await expect.poll(() => removals(consoleDouble.backend.mutations()).length).toBe(1);
}

async function auditEntry(context: BrowserContext, extensionId: string) {
  const log = await context.newPage();
  await log.goto(`chrome-extension://${extensionId}/audit-log.html`);
  return { log, entry: log.getByRole('article').filter({ hasText: CHLOE }) };
}

test('a removal confirmed just before the page is left is settled by the next read of the org', async ({ page, context, consoleDouble, extensionId }) => {
  await openedWithData(page);
  const release = await holdRemovalAnswers(context, consoleDouble);
  await confirmRemovingChloe(page, consoleDouble);
  // Left before the console answered: the page never learns what became of it.
  await page.goto('about:blank');
  release();

  const { log, entry } = await auditEntry(context, extensionId);
  await expect(entry).toContainText('passed without warnings');
  await expect(entry).toContainText('Outcome: Not known yet');
  await expect(entry).toContainText('Admin Lens checks the next time it reads this org');

  // The next visit reads the org and settles it.
  await openedWithData(page);
  await expect(async () => {
    await log.reload();
    await expect(entry).toContainText('Outcome: Removed', { timeout: 500 });
  }).toPass({ timeout: 15_000 });
  await expect(entry).toContainText('No longer in the org data.');
});

test('a removal confirmed just before the guard is switched off still gets its outcome', async ({ page, context, consoleDouble, extensionId }) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const guardSwitch = options.getByRole('checkbox', { name: 'Removal guard' });
  await expect(guardSwitch).toBeChecked();

  await page.bringToFront();
  await openedWithData(page);
  const release = await holdRemovalAnswers(context, consoleDouble);
  await confirmRemovingChloe(page, consoleDouble);
  // Switched off while the console's answer is still on its way (its dialog still open).
  await guardSwitch.uncheck();
  await options.getByRole('button', { name: 'Save' }).click();
  await expect(options.getByRole('form', { name: 'Settings' }).getByRole('status')).toHaveText('Settings saved.');
  await expect(dialog(page, 'Remove Members?')).toBeVisible();

  // No revisit, no answer: the page that stopped guarding read the org once more and recorded what it found.
  const { log, entry } = await auditEntry(context, extensionId);
  await expect(async () => {
    await log.reload();
    await expect(entry).toContainText('Outcome: Removed', { timeout: 500 });
  }).toPass({ timeout: 15_000 });
  await expect(dialog(page, 'Remove Members?')).toBeVisible();
  expect(page.url()).toBe(MEMBERS_URL);

  release();
  await expect(dialog(page, 'Remove Members?')).toHaveCount(0);
  expect(removals(consoleDouble.backend.mutations())).toHaveLength(1);
});
