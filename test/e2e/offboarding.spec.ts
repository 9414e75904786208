/**
 * Offboarding from CSV (issue 17, acceptance 2-4): the extension drives the double's own "Remove
 * Members?" dialog step by step; the double's mutation log and content counts prove who was
 * removed, once, and where their content went.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { MEMBERS_URL } from './console-helpers';
import { contentOf, FOUR_STEP_CSV, FOUR_STEP_IDS, offboardDialog as dialog, offboardRowOf as rowOf, ORG, removals, removedIds, stillThere } from './support/offboarding';


async function openDialog(page: Page) {
  await page.goto(MEMBERS_URL);
  await expect(page.getByRole('table', { name: 'Joined users' })).toBeVisible();
  // The org has been read: validation and the run work on current data.
  await expect(page.getByRole('status', { name: /Admin Lens is active/ })).toContainText(/members/);
  await page.getByRole('button', { name: 'Offboard from CSV' }).click();
  await expect(dialog(page)).toBeVisible();
}

async function startRun(page: Page, csv: string, preview: string, people: number) {
  await openDialog(page);
  await dialog(page).getByRole('textbox', { name: 'Paste the CSV, or drop a file here' }).fill(csv);
  await expect(dialog(page).getByRole('status').filter({ hasText: 'to remove with transfer' })).toHaveText(preview);
  await dialog(page).getByRole('button', { name: `Remove ${people} people` }).click();
}

const finished = (page: Page) => dialog(page).getByText(/^Finished/);

test.describe.configure({ timeout: 120_000 });

test('12 people from a CSV with every kind of error: the valid ones removed with their content moved, the rest reported', async ({ page, consoleDouble, extensionId }) => {
  const csv = [
    'email,transfer_to,reason',
    `grace.liu${ORG},ethan.brooks${ORG},left`, // transfer (one group with the next)
    `gabriel.costa${ORG},ethan.brooks${ORG},inactive`,
    `hannah.schmidt${ORG},sofia.rossi${ORG},`, // transfer to someone else
    `tomas.herrera${ORG},,`, // owns nothing
    `ryan.patel${ORG},,stale invite`, // pending: revoked
    `isabella.garcia${ORG},,`, // owner, acknowledged below: removed without transfer
    `nobody${ORG},,`, // unknown
    `maya.okafor${ORG},,`, // oneself
    `priya.natarajan${ORG},,`, // owner, not acknowledged: never removed
    `samuel.adeyemi${ORG},jonas.weber${ORG},`, // recipient inactive for 45 days
    `aisha.khan${ORG},nina.kowalski${ORG},`, // recipient pending
    `olivia.novak${ORG},grace.liu${ORG},`, // recipient removed in the same run
  ].join('\n');
  await openDialog(page);
  await dialog(page).getByRole('textbox', { name: 'Paste the CSV, or drop a file here' }).fill(csv);
  const counts = dialog(page).getByRole('status').filter({ hasText: 'to remove with transfer' });
  await expect(counts).toHaveText('3 to remove with transfer, 1 owning no content, 0 without transfer, 1 invitations to revoke, 2 waiting for "remove without transfer", 5 invalid.');
  await expect(dialog(page).getByRole('list', { name: 'Content that will move' })).toContainText('To Ethan Brooks (ethan.brooks@lumenfield.example): from 2 people, 63 charts, 15 dashboards, 13 cohorts, 6 notebooks (97 items).');
  await dialog(page).getByRole('checkbox', { name: `Remove isabella.garcia${ORG} without transfer` }).check();
  await expect(counts).toContainText('1 without transfer');
  for (const [email, why] of [
    [`nobody${ORG}`, 'is not a member of this organization'],
    [`maya.okafor${ORG}`, 'You cannot remove yourself'],
    [`samuel.adeyemi${ORG}`, 'has not been active in the last 30 days'],
    [`aisha.khan${ORG}`, 'has not accepted their invitation yet'],
    [`olivia.novak${ORG}`, 'is being removed in this same run'],
  ]) await expect(rowOf(page, 'Rows to offboard', email!)).toContainText(why!);

  const before = { ethan: contentOf(consoleDouble, 'u-10')!, sofia: contentOf(consoleDouble, 'u-13')! };
  await dialog(page).getByRole('button', { name: 'Remove 6 people' }).click();
  await expect(finished(page)).toHaveText('Finished: every row is in its final state.', { timeout: 90_000 });
  await expect(dialog(page).getByRole('status').filter({ hasText: 'removed' })).toHaveText('6 of 6 removed, 0 failed, 0 left; 1 not removed, 5 invalid.');

  // The mutation log: one step per recipient group, revocation and acknowledged person; nobody else.
  expect(removals(consoleDouble)).toEqual([
    { memberIds: ['u-16', 'u-5'], transferToMemberId: 'u-10' },
    { memberIds: ['u-7'], transferToMemberId: 'u-13' },
    { memberIds: ['u-4'], transferToMemberId: null },
    { memberIds: ['u-25'], transferToMemberId: null },
    { memberIds: ['u-17'], transferToMemberId: null },
  ]);
  expect(contentOf(consoleDouble, 'u-10')).toEqual({ charts: before.ethan.charts + 63, dashboards: before.ethan.dashboards + 15, cohorts: before.ethan.cohorts + 13, notebooks: before.ethan.notebooks + 6 });
  expect(contentOf(consoleDouble, 'u-13')).toEqual({ charts: before.sofia.charts + 7, dashboards: before.sofia.dashboards + 2, cohorts: before.sofia.cohorts + 5, notebooks: before.sofia.notebooks + 1 });
  for (const id of ['u-1', 'u-3', 'u-6', 'u-9', 'u-11', 'u-24', 'u-26']) expect(stillThere(consoleDouble, id)).toBe(true);
  await expect(rowOf(page, 'Offboarding rows', `grace.liu${ORG}`)).toContainText('moved to ethan.brooks@lumenfield.example (checked)');
  await expect(rowOf(page, 'Offboarding rows', `priya.natarajan${ORG}`)).toContainText('"remove without transfer" was not ticked');

  // Every removal is in the audit log with its before-state (the removal guard recorded each step).
  const log = await page.context().newPage();
  await log.goto(`chrome-extension://${extensionId}/audit-log.html`);
  await expect(log.getByRole('article')).toHaveCount(5);
  await expect(log.getByRole('article').filter({ hasText: `isabella.garcia${ORG}` })).toContainText('Transfer: none');
  await expect(log.getByRole('article').filter({ hasText: `grace.liu${ORG}` })).toContainText('48 charts, 12 dashboards, 9 cohorts, 4 notebooks');

  // The results download: every row with its final state.
  const downloading = page.waitForEvent('download');
  await dialog(page).getByRole('button', { name: 'Download results' }).click();
  const text = await (await downloading).path().then((path) => import('node:fs').then((fs) => fs.readFileSync(path, 'utf8')));
  const lines = text.trim().split(/\r?\n/);
  expect(lines[0]).toBe('email,transfer_to,reason,status,detail,content_owned');
  expect(lines).toHaveLength(13);
  expect(lines.filter((line) => line.includes(',removed,'))).toHaveLength(6);
});


async function resumeAndFinish(page: Page) {
  await page.goto(MEMBERS_URL);
  const offer = page.getByRole('button', { name: /^Resume offboarding \(\d+ left\)$/ });
  await expect(offer).toBeVisible();
  await expect(page.getByRole('status', { name: /Admin Lens is active/ })).toContainText(/members/);
  await offer.click();
  await expect(dialog(page).getByText(/This run was interrupted/)).toBeVisible();
  await dialog(page).getByRole('button', { name: 'Resume' }).click();
}

test('a reload mid-run and a closed tab: resumed, nobody removed twice, every row ends removed', async ({ context, page, consoleDouble }) => {
  consoleDouble.backend.setLatency({ ms: 150 });
  await startRun(page, FOUR_STEP_CSV, '5 to remove with transfer, 2 owning no content, 0 without transfer, 0 invitations to revoke, 0 waiting for "remove without transfer", 0 invalid.', 7);
  await expect.poll(() => removals(consoleDouble).length, { timeout: 60_000 }).toBeGreaterThanOrEqual(1);
  await page.reload();
  expect(removals(consoleDouble).length).toBeLessThan(4);
  await resumeAndFinish(page);
  const afterReload = removals(consoleDouble).length;
  await expect.poll(() => removals(consoleDouble).length, { timeout: 60_000 }).toBeGreaterThan(afterReload);
  await page.close();

  const again = await context.newPage();
  if (removals(consoleDouble).length < 4) {
    await resumeAndFinish(again);
    await expect(finished(again)).toHaveText('Finished: every row is in its final state.', { timeout: 90_000 });
  }
  // Everyone exactly once, and gone.
  expect([...removedIds(consoleDouble)].sort()).toEqual([...FOUR_STEP_IDS].sort());
  for (const id of FOUR_STEP_IDS) expect(stillThere(consoleDouble, id)).toBe(false);
  await again.goto(MEMBERS_URL);
  await expect(again.getByRole('button', { name: 'Offboard from CSV' })).toBeVisible();
  await expect(again.getByRole('button', { name: /^Resume offboarding/ })).toHaveCount(0);
});

test('a recipient made inactive mid-run fails only the rows that go to them', async ({ page, consoleDouble }) => {
  consoleDouble.backend.setLatency({ ms: 150 });
  const csv = ['email,transfer_to', `priya.natarajan${ORG},ethan.brooks${ORG}`, `samuel.adeyemi${ORG},sofia.rossi${ORG}`, `aisha.khan${ORG},sofia.rossi${ORG}`, `tomas.herrera${ORG},`].join('\n');
  await startRun(page, csv, '3 to remove with transfer, 1 owning no content, 0 without transfer, 0 invitations to revoke, 0 waiting for "remove without transfer", 0 invalid.', 4);
  await expect.poll(() => removals(consoleDouble).length, { timeout: 60_000 }).toBeGreaterThanOrEqual(1);
  // The control API, as a test would over HTTP: Sofia was last active 60 days ago.
  const response = await consoleDouble.handle({ method: 'POST', url: 'https://app.amplitude.com/__double/members/last-active', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: `sofia.rossi${ORG}`, lastActiveAt: new Date(Date.now() - 60 * 86_400_000).toISOString() }) });
  expect(response.status).toBe(200);
  await expect(finished(page)).toHaveText('Finished; 2 rows failed (see why below).', { timeout: 90_000 });
  for (const email of [`samuel.adeyemi${ORG}`, `aisha.khan${ORG}`]) await expect(rowOf(page, 'Offboarding rows', email)).toContainText(/sofia\.rossi@lumenfield\.example/);
  expect([...removedIds(consoleDouble)].sort()).toEqual(['u-3', 'u-4']);
  expect(stillThere(consoleDouble, 'u-6') && stillThere(consoleDouble, 'u-9')).toBe(true);
});

test.describe('the only Admin', () => {
  test.use({ seed: 'sole-admin' });

  test('the only Admin, oneself and an unacknowledged content owner are never removed; the rest is', async ({ page, consoleDouble }) => {
    // Signed in as the project Manager: the Admin is someone else.
    consoleDouble.backend.signIn('u-2');
    await page.goto('https://app.amplitude.com/analytics/solo-org/settings/members');
    await expect(page.getByRole('status', { name: /Admin Lens is active/ })).toContainText(/members/);
    await page.getByRole('button', { name: 'Offboard from CSV' }).click();
    const csv = [
      'email,transfer_to',
      'rosa.lindqvist@pebbleandpine.example,lily.tran@pebbleandpine.example',
      'kwame.mensah@pebbleandpine.example,',
      'lily.tran@pebbleandpine.example,',
      'arjun.mehta@pebbleandpine.example,',
      'hugo.martins@pebbleandpine.example,',
    ].join('\n');
    await dialog(page).getByRole('textbox', { name: 'Paste the CSV, or drop a file here' }).fill(csv);
    await expect(rowOf(page, 'Rows to offboard', 'rosa.lindqvist@pebbleandpine.example')).toContainText('This is the only Admin');
    await expect(rowOf(page, 'Rows to offboard', 'kwame.mensah@pebbleandpine.example')).toContainText('You cannot remove yourself');
    await expect(rowOf(page, 'Rows to offboard', 'lily.tran@pebbleandpine.example')).toContainText('Owns content, no recipient');
    await dialog(page).getByRole('button', { name: 'Remove 2 people' }).click();
    await expect(finished(page)).toHaveText('Finished: every row is in its final state.', { timeout: 60_000 });
    expect(removedIds(consoleDouble).sort()).toEqual(['u-4', 'u-5']);
    for (const id of ['u-1', 'u-2', 'u-3']) expect(stillThere(consoleDouble, id)).toBe(true);
  });
});
