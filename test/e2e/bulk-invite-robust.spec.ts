/**
 * Bulk invite when things go wrong around it (issue 14): an answer lost after the console made the
 * invites, a settings change mid-run, the service worker stopped mid-Send with a second tab opened,
 * the Members page left and entered again mid-run. The double's mutation log proves who was invited
 * and how often; its refusals prove that no second runner tried to send anyone again.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import type { ConsoleDouble } from '../console/server/double';
import { PAGE_WAIT_MS } from '../../entrypoints/members.content/bulk-invite-runs';

const MEMBERS_URL = 'https://app.amplitude.com/analytics/demo-org/settings/members';
const panel = (page: Page) => page.getByRole('dialog', { name: 'Bulk invite from CSV' });
const results = (page: Page) => panel(page).getByRole('table', { name: 'Invite results' });
const resultRow = (page: Page, email: string) => results(page).getByRole('row').filter({ has: page.getByRole('cell', { name: email, exact: true }) });

/** 15 people in 5 batches (each group of three shares its settings). */
const HEADER = 'email,team,groups,projects,role,default_project,team_spaces';
const CSV = [
  HEADER,
  ...['Product Analysts', 'Engineering Leads', 'Marketing Team', 'Data Platform', 'Sales Viewers'].flatMap((group, g) =>
    Array.from({ length: 3 }, (_, i) => `r${g + 1}.${i + 1}@newhire.example,Engineering,${group},,,,`),
  ),
].join('\n');
const EMAILS = CSV.split('\n').slice(1).map((line) => line.split(',')[0]!);

async function startRun(page: Page) {
  await page.goto(MEMBERS_URL);
  await expect(page.getByRole('table', { name: 'Joined users' })).toBeVisible();
  await page.getByRole('button', { name: 'Bulk invite from CSV' }).click();
  await panel(page).getByRole('textbox', { name: 'Paste CSV or spreadsheet rows' }).fill(CSV);
  await expect(panel(page).getByText('15 to invite · 0 to skip · 0 invalid')).toBeVisible();
  await panel(page).getByRole('button', { name: 'Invite 15 people' }).click();
  await expect(panel(page).getByRole('progressbar', { name: 'Invites done' })).toBeVisible();
}

/** Everyone invited exactly once, and nobody's invite ever attempted a second time. */
function expectEachInvitedOnce(double: ConsoleDouble) {
  const invited = double.backend
    .mutations()
    .filter((mutation) => mutation.operation === 'InviteUsers')
    .flatMap((mutation) => (mutation.variables as { invites: { email: string }[] }).invites.map((invite) => invite.email));
  expect([...invited].sort()).toEqual([...EMAILS].sort());
  expect(double.backend.refusals().filter((attempt) => attempt.operation === 'InviteUsers')).toEqual([]);
  const state = double.backend.state();
  for (const email of EMAILS) expect(state.members.find((member) => member.email === email)?.status).toBe('pending');
}

async function expectFinishedAllInvited(page: Page) {
  await expect(panel(page).getByText('Finished.', { exact: true })).toBeVisible({ timeout: 120_000 });
  await expect(panel(page).getByRole('status').filter({ hasText: 'Invited 15 of 15' })).toContainText('0 failed');
}

test.describe.configure({ timeout: 180_000 });

for (const how of ['server-error', 'drop'] as const) {
  test(`an invite answer lost after the console made the invites (${how === 'drop' ? 'no answer' : 'a 502'}): the rows end invited, not failed, each invited once`, async ({ page, consoleDouble }) => {
    // The second batch (Engineering Leads) is made, then its answer is lost; the console's page says "Nothing was sent."
    consoleDouble.backend.setFaults({ loseNthAnswer: { nth: 2, how } });
    await startRun(page);
    await expectFinishedAllInvited(page);
    for (const email of ['r2.1@newhire.example', 'r2.2@newhire.example', 'r2.3@newhire.example']) await expect(resultRow(page, email)).toContainText('Invited');
    expect(consoleDouble.backend.requestLog().some((entry) => entry.operation === 'InviteUsers' && entry.status === (how === 'drop' ? 0 : 502))).toBe(true);
    expectEachInvitedOnce(consoleDouble);
    await expect(panel(page).getByRole('button', { name: /^Retry failed/ })).toHaveCount(0);
  });
}

type ChromeStorage = { chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void> } } } };

test('a threshold changed in the settings mid-run: the run goes on to the end, never paused', async ({ page, consoleDouble, serviceWorker }) => {
  consoleDouble.backend.setLatency({ ms: 250 });
  await startRun(page);
  await expect.poll(() => consoleDouble.backend.mutations().length, { timeout: 60_000 }).toBeGreaterThanOrEqual(1);
  await serviceWorker.evaluate(async () => {
    const { storage } = (globalThis as unknown as ChromeStorage).chrome;
    const { settings } = await storage.local.get('settings');
    await storage.local.set({ settings: { ...(settings as object | undefined), tooManyAdminsThreshold: 1, staleInviteDays: 30 } });
  });
  // The findings follow the new threshold (two Admins is now too many) while the run goes on.
  await expect(page.getByText(/This org has 2 Admins, more than 1\./).first()).toBeVisible({ timeout: 30_000 });
  expect(consoleDouble.backend.mutations().length).toBeLessThan(5);
  await expect(panel(page).getByText(/Paused/)).toHaveCount(0);
  await expectFinishedAllInvited(page);
  expectEachInvitedOnce(consoleDouble);
});

/**
 * Stops the extension's service worker, as Chrome does with an idle one: DevTools' "stop all
 * workers", asked from one of the extension's own pages (whose storage holds the worker), and
 * waited for until DevTools reports the worker stopped.
 */
async function stopExtensionWorker(context: BrowserContext, extensionId: string) {
  const own = await context.newPage();
  await own.goto(`chrome-extension://${extensionId}/audit-log.html`);
  const cdp = await context.newCDPSession(own);
  type Versions = { versions: { scriptURL: string; runningStatus: string }[] };
  const stopped = new Promise<void>((resolve) =>
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }: Versions) => {
      if (versions.some((version) => version.scriptURL.startsWith(`chrome-extension://${extensionId}/`) && version.runningStatus === 'stopped')) resolve();
    }),
  );
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
  await cdp.detach();
  await own.close();
}

test('the service worker stopped while a Send waits, and a second tab opened: it is told the run goes on elsewhere, nobody is invited twice, every row ends invited', async ({ context, page, consoleDouble, extensionId }) => {
  await startRun(page);
  // A slow console from the second batch on: its Send waits well over a second for the answer.
  await expect.poll(() => consoleDouble.backend.mutations().length, { timeout: 60_000 }).toBeGreaterThanOrEqual(1);
  consoleDouble.backend.setLatency({ ms: 1_500 });
  await expect(page.getByRole('button', { name: 'Sending…' })).toBeVisible({ timeout: 60_000 });
  await stopExtensionWorker(context, extensionId);

  const other = await context.newPage();
  await other.goto(MEMBERS_URL);
  await expect(other.getByRole('heading', { name: 'Team Members & Groups' })).toBeVisible();
  await expect(other.getByText(/^A bulk invite is running in another tab \(\d+ left\)\.$/)).toBeVisible({ timeout: 30_000 });
  await expect(other.getByRole('button', { name: /^Resume bulk invite/ })).toHaveCount(0);

  await expectFinishedAllInvited(page);
  expectEachInvitedOnce(consoleDouble);
});

/** A client-side navigation in the console (its left nav is a router link), even with its wizard open over the page. */
async function followNav(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Organization settings' }).getByRole('link', { name }).dispatchEvent('click');
}

test('the Members page left for another settings page mid-run and entered again later: the same runner waits paused, Resume finishes it, nothing is sent twice', async ({ page, consoleDouble }) => {
  consoleDouble.backend.setLatency({ ms: 250 });
  await startRun(page);
  await expect.poll(() => consoleDouble.backend.mutations().length, { timeout: 60_000 }).toBeGreaterThanOrEqual(1);
  const sameDocument = await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));

  await followNav(page, 'Projects');
  await expect(page.getByRole('heading', { name: 'Projects', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Team Members & Groups' })).toHaveCount(0);
  // Away for longer than a run waits for the page: it stops before its next batch, sending nothing meanwhile.
  const whileAway = consoleDouble.backend.mutations().length;
  await page.waitForTimeout(PAGE_WAIT_MS + 2_000);
  expect(consoleDouble.backend.mutations().length).toBeLessThanOrEqual(whileAway + 1); // at most the Send already on its way

  await followNav(page, 'Members & Groups');
  await expect(page.getByRole('heading', { name: 'Team Members & Groups' })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(sameDocument);
  // The run is shown again as it was left, stopped before its next Send, with Resume.
  await expect(panel(page)).toBeVisible();
  await expect(panel(page).getByText(/Members page was left/)).toBeVisible();
  await expect(panel(page).getByRole('status').filter({ hasText: 'Invited' })).toContainText('0 failed');
  await panel(page).getByRole('button', { name: 'Resume' }).click();
  await expectFinishedAllInvited(page);
  expectEachInvitedOnce(consoleDouble);
  // Nothing was offered again as an interrupted run: this tab's runner is the only one.
  await expect(page.getByRole('button', { name: /^Resume bulk invite/ })).toHaveCount(0);
});

test('the Members page left and entered again within moments mid-run: the run goes on without a pause', async ({ page, consoleDouble }) => {
  consoleDouble.backend.setLatency({ ms: 250 });
  await startRun(page);
  await expect.poll(() => consoleDouble.backend.mutations().length, { timeout: 60_000 }).toBeGreaterThanOrEqual(1);
  await followNav(page, 'Projects');
  await expect(page.getByRole('heading', { name: 'Projects', level: 1 })).toBeVisible();
  await followNav(page, 'Members & Groups');
  await expect(page.getByRole('heading', { name: 'Team Members & Groups' })).toBeVisible();
  await expect(panel(page)).toBeVisible();
  await expectFinishedAllInvited(page);
  expectEachInvitedOnce(consoleDouble);
});
