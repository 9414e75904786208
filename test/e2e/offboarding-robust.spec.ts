/**
 * Offboarding, one run per job and the page left mid-run (issue 17): a second tab is told the run
 * goes on elsewhere, and its runner, should it be started, is refused before it drives the console
 * (the lease the bulk invite has, utils/jobs/); leaving the Members page pauses the run with its
 * rows still to do, and the same tab resumes it when the page is back. The double's mutation log
 * proves nobody is removed twice and no step is run by two tabs.
 */
import type { Page, Worker } from '@playwright/test';
import type { ConsoleDouble } from '../console/server/double';
import { expect, test } from './fixtures';
import { MEMBERS_URL } from './console-helpers';
import { FOUR_STEP_CSV, FOUR_STEP_IDS, offboardDialog as dialog, removals, removedIds } from './support/offboarding';

const finished = (page: Page) => dialog(page).getByText(/^Finished/);
const runStatus = (page: Page) => dialog(page).getByRole('status').filter({ hasText: / removed, / });
const ELSEWHERE = /^Offboarding is running in another tab \(\d+ left\); it goes on there\.$/;


const STEPS = 4;

async function startRun(page: Page) {
  await page.goto(MEMBERS_URL);
  await expect(page.getByRole('status', { name: /Admin Lens is active/ })).toContainText(/members/);
  await page.getByRole('button', { name: 'Offboard from CSV' }).click();
  await dialog(page).getByRole('textbox', { name: 'Paste the CSV, or drop a file here' }).fill(FOUR_STEP_CSV);
  await expect(dialog(page).getByRole('status').filter({ hasText: 'to remove with transfer' })).toContainText('5 to remove with transfer, 2 owning no content');
  await dialog(page).getByRole('button', { name: 'Remove 7 people' }).click();
}

/** Everyone exactly once, in exactly one dialog per step: no step was run by two tabs. */
function expectEachRemovedOnce(double: ConsoleDouble) {
  expect([...removedIds(double)].sort()).toEqual([...FOUR_STEP_IDS].sort());
  expect(removals(double)).toHaveLength(STEPS);
}

/** The stored job, as the background keeps it. */
const storedJob = (worker: Worker) =>
  worker.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('admin-lens');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const records = await new Promise<{ job: { status: string; rows: { state: { kind: string } }[] } }[]>((resolve, reject) => {
      const request = db.transaction('offboardJobs').objectStore('offboardJobs').getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.close();
    const job = records[0]?.job;
    return job ? { status: job.status, states: job.rows.map((row) => row.state.kind) } : null;
  });

test.describe.configure({ timeout: 120_000 });

test('two tabs: the second is told the run goes on elsewhere, and a runner started there is refused before it drives the console', async ({ context, page, consoleDouble }) => {
  consoleDouble.backend.setLatency({ ms: 300 });
  await startRun(page);
  await expect.poll(() => removals(consoleDouble).length, { timeout: 60_000 }).toBeGreaterThanOrEqual(1);
  // A slower console from here on: the run (a few seconds at 300 ms) must still be under way
  // while a second tab loads and is checked, and when it is paused.
  consoleDouble.backend.setLatency({ ms: 1_500 });

  // A tab opened while the run goes on: told so, nothing offered to resume.
  const other = await context.newPage();
  await other.goto(MEMBERS_URL);
  await expect(other.getByRole('status', { name: /Admin Lens is active/ })).toContainText(/members/);
  await expect(other.getByText(ELSEWHERE)).toBeVisible();
  await expect(other.getByRole('button', { name: /^Resume offboarding/ })).toHaveCount(0);

  // Paused in the first tab: its lease goes, the other tab (reloaded) may offer to resume...
  await dialog(page).getByRole('button', { name: 'Pause' }).click();
  await expect(dialog(page).getByText('Paused.', { exact: true })).toBeVisible({ timeout: 60_000 });
  await other.reload();
  await other.getByRole('button', { name: /^Resume offboarding \(\d+ left\)$/ }).click();
  await expect(dialog(other).getByText(/This run was interrupted/)).toBeVisible();

  // ...but the first tab resumes first (its claim is in once it removes again).
  const atPause = removals(consoleDouble).length;
  await dialog(page).getByRole('button', { name: 'Resume' }).click();
  await expect.poll(() => removals(consoleDouble).length, { timeout: 60_000 }).toBeGreaterThan(atPause);
  await dialog(other).getByRole('button', { name: 'Resume' }).click();
  await expect(dialog(other).getByText(ELSEWHERE)).toBeVisible();
  await expect(dialog(other).getByRole('button', { name: 'Resume' })).toHaveCount(0);

  await expect(finished(page)).toHaveText('Finished: every row is in its final state.', { timeout: 90_000 });
  await expect(runStatus(page)).toHaveText('7 of 7 removed, 0 failed, 0 left; 0 not removed, 0 invalid.');
  expectEachRemovedOnce(consoleDouble);
  await expect(other.getByRole('dialog', { name: /^remove members\?$/i })).toHaveCount(0);
});

/** A client-side navigation in the console (its left nav is a router link). */
async function followNav(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Organization settings' }).getByRole('link', { name }).dispatchEvent('click');
}

test('the Members page left mid-run: the run pauses with its rows still to do, and the same tab resumes it when the page is back', async ({ page, consoleDouble, serviceWorker }) => {
  consoleDouble.backend.setLatency({ ms: 300 });
  await startRun(page);
  await expect.poll(() => removals(consoleDouble).length, { timeout: 60_000 }).toBeGreaterThanOrEqual(1);
  const sameDocument = await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));

  await followNav(page, 'Projects');
  await expect(page.getByRole('heading', { name: 'Projects', level: 1 })).toBeVisible();
  // Paused, as stored: nothing failed, the rows left wait (a step the console answered is finished;
  // one confirmed as the page went, unanswered, stays "removing" for the resume to decide from the data).
  await expect.poll(async () => (await storedJob(serviceWorker))?.status, { timeout: 60_000 }).toBe('paused');
  const paused = (await storedJob(serviceWorker))!;
  expect(paused.states.filter((state) => !['removed', 'queued', 'removing'].includes(state))).toEqual([]);
  expect(paused.states.filter((state) => state === 'queued').length).toBeGreaterThan(0);
  const whileAway = removals(consoleDouble).length;
  expect(whileAway).toBeLessThan(STEPS);

  await followNav(page, 'Members & Groups');
  await expect(page.getByRole('heading', { name: 'Team Members & Groups' })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(sameDocument);
  // The same run, shown as it was left (the dialog was open), paused, with Resume.
  await expect(dialog(page).getByText(/^Paused: the Members page was left during the run\./)).toBeVisible();
  await expect(runStatus(page)).toContainText(' 0 failed');
  expect(removals(consoleDouble).length).toBe(whileAway);
  await dialog(page).getByRole('button', { name: 'Resume' }).click();
  await expect(finished(page)).toHaveText('Finished: every row is in its final state.', { timeout: 90_000 });
  expectEachRemovedOnce(consoleDouble);
  // Nothing was offered again as an interrupted run: this tab's runner is the only one.
  await expect(page.getByRole('button', { name: /^Resume offboarding/ })).toHaveCount(0);
});
