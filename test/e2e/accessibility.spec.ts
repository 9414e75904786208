/**
 * Issue 8: axe-core over every UI Admin Lens injects into the console double, in the states a user
 * sees, and over the extension's own pages. Fails on serious or critical violations.
 *
 * Only our nodes are checked on the console: axe is given our shadow hosts (custom elements named
 * admin-lens-*) with `include`, and axe walks into their open shadow roots. The double's own markup
 * (Amplitude's, not ours) is left out. The extension pages are ours entirely and are checked whole.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { dialog, openMembers } from './console-helpers';
import { EXTENSION_DIR } from './support/launch';

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;
type Target = AxeResults['violations'][number]['nodes'][number]['target'];

const BLOCKING = new Set(['serious', 'critical']);
const HOST_PREFIX = 'admin-lens-';

const describeTarget = (target: Target): string => target.map((part) => (Array.isArray(part) ? part.join(' >>> ') : String(part))).join(' >>> ');

/** Serious and critical violations, one readable block each: rule, impact, help, every node. */
function blocking(results: AxeResults): string[] {
  return results.violations
    .filter((violation) => BLOCKING.has(violation.impact ?? ''))
    .map((violation) =>
      [
        `${violation.id} (${violation.impact}): ${violation.help}`,
        `  ${violation.helpUrl}`,
        ...violation.nodes.map((node) => `  - ${describeTarget(node.target)}\n      ${node.html.slice(0, 300)}\n      ${(node.failureSummary ?? '').replace(/\n/g, '\n      ')}`),
      ].join('\n'),
    );
}

/** Every node axe looked at, as "host >>> inner" paths. */
const inspected = (results: AxeResults): string[] =>
  [...results.passes, ...results.violations, ...results.incomplete].flatMap((rule) => rule.nodes.map((node) => describeTarget(node.target)));

/** Tag names of our shadow hosts now in the page. */
const ourHosts = (page: Page): Promise<string[]> =>
  page.evaluate(
    (prefix) => [...new Set([...document.querySelectorAll('*')].map((element) => element.localName).filter((name) => name.startsWith(prefix)))].sort(),
    HOST_PREFIX,
  );

/**
 * Runs axe over our injected UIs only; `expected` are the hosts this state must show, and axe must
 * have looked inside each one's shadow root (so a host axe cannot enter does not pass silently).
 */
async function checkInjected(page: Page, state: string, expected: string[]): Promise<void> {
  const hosts = await ourHosts(page);
  expect(hosts, `${state}: our UIs in the page`).toEqual(expect.arrayContaining(expected));
  let builder = new AxeBuilder({ page });
  for (const host of hosts) builder = builder.include(host);
  const results = await builder.analyze();
  const paths = inspected(results);
  for (const host of expected) {
    expect(paths.some((where) => where.includes(host) && where.includes('>>>')), `${state}: axe looked inside <${host}>`).toBe(true);
  }
  expect(blocking(results), `${state}: serious or critical axe violations`).toEqual([]);
}

/** Runs axe over a whole extension page. */
async function checkPage(page: Page, state: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.passes.length, `${state}: axe ran its rules`).toBeGreaterThan(0);
  expect(blocking(results), `${state}: serious or critical axe violations`).toEqual([]);
}

const chip = (page: Page) => page.getByRole('status', { name: /Admin Lens is active/ });
const summary = (page: Page) => page.getByRole('region', { name: 'Admin Lens access summary' });
const guardPanel = (page: Page) => dialog(page, 'Remove Members?').getByRole('region', { name: 'Admin Lens removal check' });

test('the Users tab: chip, badges, breakdown card, summary with a people list', async ({ page }) => {
  await openMembers(page);
  await expect(chip(page)).toContainText(/members/);
  await expect(page.getByRole('button', { name: /^Access for Priya Natarajan:/ })).toBeVisible();
  await expect(summary(page).getByRole('button', { name: /^Admin: \d+$/ })).toBeVisible();
  await checkInjected(page, 'Users tab at rest', ['admin-lens-chip', 'admin-lens-badge', 'admin-lens-summary', 'admin-lens-bulk-invite']);

  // The breakdown card, opened by hover.
  await page.getByRole('button', { name: /^Access for Priya Natarajan:/ }).hover();
  const card = page.getByRole('dialog', { name: 'Access for Priya Natarajan' });
  await expect(card.getByRole('region', { name: 'Findings' })).toBeVisible();
  await checkInjected(page, 'breakdown card open', ['admin-lens-badge', 'admin-lens-access-card']);
  await page.getByRole('heading', { name: 'Team Members & Groups' }).hover();
  await expect(card).toHaveCount(0);

  // The summary expanded, with a count's people list open.
  const escalated = summary(page).getByRole('button', { name: /^Escalated through groups: \d+$/ });
  await escalated.click();
  await expect(escalated).toHaveAttribute('aria-pressed', 'true');
  await expect(summary(page).getByRole('region', { name: 'People: Escalated through groups' })).toContainText('Priya Natarajan');
  await checkInjected(page, 'summary people list open', ['admin-lens-summary']);
});

test('the Groups tab escalation notes', async ({ page }) => {
  await page.goto('https://app.amplitude.com/analytics/demo-org/settings/members?tab=groups');
  const row = page.getByRole('table', { name: 'Groups' }).getByRole('row').filter({ hasText: 'Engineering Leads' });
  await expect(row.getByText(/^Escalates \d+ members? to Manager/)).toBeVisible();
  await checkInjected(page, 'Groups tab notes', ['admin-lens-group-note']);
});

test('the removal guard while checking, after a failed audit write, and its notice after an extension reload', async ({ page, consoleDouble, serviceWorker }) => {
  await openMembers(page);
  await expect(chip(page)).toContainText(/members/);
  // The audit write fails from the start: the check, which reads the org and the content side by
  // side, may end while axe looks at its "checking" state, and must then meet the failed write.
  await serviceWorker.evaluate(() => {
    IDBObjectStore.prototype.add = () => {
      throw new DOMException('The disk is full', 'QuotaExceededError');
    };
  });
  consoleDouble.backend.setLatency({ ms: 1500 });
  await page.getByRole('button', { name: 'More actions for Chloe Martin' }).click();
  await page.getByRole('menu', { name: 'More actions for Chloe Martin' }).getByRole('menuitem', { name: 'Remove' }).click();
  const modal = dialog(page, 'Remove Members?');
  await modal.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(guardPanel(page).getByRole('status')).toContainText('checking');
  await checkInjected(page, 'removal guard checking', ['admin-lens-removal-guard']);

  consoleDouble.backend.setLatency({ ms: 0 });
  await expect(guardPanel(page).getByRole('alert')).toContainText('could not record this removal', { timeout: 10_000 });
  await checkInjected(page, 'removal guard after a failed audit write', ['admin-lens-removal-guard']);
  await modal.getByRole('button', { name: 'Cancel' }).click();

  await serviceWorker.evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload());
  await page.getByRole('button', { name: 'More actions for Grace Liu' }).click();
  await page.getByRole('menu', { name: 'More actions for Grace Liu' }).getByRole('menuitem', { name: 'Remove' }).click();
  await expect(modal.getByText('Admin Lens was updated')).toBeVisible();
  const results = await new AxeBuilder({ page }).include('[data-admin-lens="removal-guard-updated"]').analyze();
  expect(inspected(results).some((where) => where.includes('>>>')), 'axe looked inside the notice').toBe(true);
  expect(blocking(results), 'the update notice: serious or critical axe violations').toEqual([]);
});

test('the removal warning, the acknowledgement, and the audit log with the entry', async ({ page, context, extensionId }) => {
  await openMembers(page);
  await expect(chip(page)).toContainText(/members/);
  await page.getByRole('checkbox', { name: 'Select Grace Liu' }).check();
  await page.getByRole('toolbar', { name: 'Bulk actions' }).getByRole('button', { name: 'Remove' }).click();
  const modal = dialog(page, 'Remove Members?');
  await modal.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(guardPanel(page).getByRole('alert')).toContainText('becomes unassigned');
  await checkInjected(page, 'removal warning', ['admin-lens-removal-guard']);

  await guardPanel(page).getByRole('button', { name: 'Remove without transfer' }).click();
  const acknowledge = guardPanel(page).getByRole('checkbox', { name: 'I understand the content will be orphaned' });
  await expect(acknowledge).toBeVisible();
  await checkInjected(page, 'removal acknowledgement', ['admin-lens-removal-guard']);

  // Go through with it, so that the audit log has an entry to show.
  await acknowledge.check();
  await modal.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(modal).toHaveCount(0);
  const log = await context.newPage();
  await log.goto(`chrome-extension://${extensionId}/audit-log.html`);
  await expect(log.getByRole('article').filter({ hasText: 'grace.liu@lumenfield.example' })).toBeVisible();
  await checkPage(log, 'audit-log.html with an entry');
});

test('the bulk-invite panel with a pasted CSV, its preview and the finished run', async ({ page }) => {
  await openMembers(page);
  await page.getByRole('button', { name: 'Bulk invite from CSV' }).click();
  const panel = page.getByRole('dialog', { name: 'Bulk invite from CSV' });
  await expect(panel).toBeVisible();
  await checkInjected(page, 'bulk-invite panel empty', ['admin-lens-bulk-invite']);
  await panel
    .getByRole('textbox', { name: 'Paste CSV or spreadsheet rows' })
    .fill(['Email,Team,Groups', 'new.person@example.com,Engineering,Product Analysts', 'priya.natarajan@lumenfield.example,,', 'not-an-email,,', 'someone.else@example.com,,Engineering Lead'].join('\n'));
  await expect(panel.getByText('1 to invite · 1 to skip · 2 invalid')).toBeVisible();
  await expect(panel.getByRole('table', { name: 'Rows to invite' })).toBeVisible();
  await checkInjected(page, 'bulk-invite preview', ['admin-lens-bulk-invite']);

  // The run, finished: progress, controls and the per-row results.
  await panel.getByRole('button', { name: 'Invite 1 person' }).click();
  await expect(panel.getByText('Finished.', { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(panel.getByRole('table', { name: 'Invite results' })).toBeVisible();
  await checkInjected(page, 'bulk-invite run finished', ['admin-lens-bulk-invite']);
});

test('the popup, the empty audit log and the options page', async ({ page, context, extensionId }) => {
  await openMembers(page);
  await expect(chip(page)).toContainText(/members/);
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.locator('body')).not.toBeEmpty();
  await checkPage(popup, 'popup.html');

  await popup.goto(`chrome-extension://${extensionId}/audit-log.html`);
  await expect(popup.getByRole('heading', { level: 1 })).toBeVisible();
  await checkPage(popup, 'audit-log.html empty');

  // The options page is being added (issue 8); check it as soon as the build has it.
  if (existsSync(path.join(EXTENSION_DIR, 'options.html'))) {
    await popup.goto(`chrome-extension://${extensionId}/options.html`);
    await expect(popup.locator('body')).not.toBeEmpty();
    await checkPage(popup, 'options.html');
  }
});
