/**
 * Issue 13, acceptance 3: the popup lists the GraphQL operations the double's page itself called
 * (not ours), each marked against the operations the extension uses; a data-shape recording started
 * from the popup captures the shapes of what the page asks while it is used, and the recorded text
 * holds no value of the seed.
 *
 * What the page called is known independently of the extension: the double's page marks its own
 * requests (a header), which the test watches on the wire; the double's request log counts every
 * call, the page's and ours, so it shows that ours were made but are not in the list.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';
import { OPERATIONS } from '@/utils/amplitude/endpoint';
import { CONSOLE_PAGE_HEADER, CONSOLE_PAGE_HEADER_VALUE } from '../console/shared/page-client';
import { expect, test } from './fixtures';
import { openMembers } from './console-helpers';
import { copiedBy, openPopupFor, queries, row, untilReady } from './support/popup';

const OURS = new Set(Object.keys(OPERATIONS));
const uses = (popup: Page) => popup.getByRole('list', { name: 'What this console uses' });

/**
 * Operation → calls the double's page made: its requests carry the page's mark (a header only the
 * double's own client sends, test/console/shared/page-client.ts), the extension's do not.
 */
function watchPageRequests(context: BrowserContext): () => Record<string, number> {
  const counts: Record<string, number> = {};
  context.on('request', (request) => {
    if (request.headers()[CONSOLE_PAGE_HEADER] !== CONSOLE_PAGE_HEADER_VALUE) return;
    const url = new URL(request.url());
    const operation = url.pathname.startsWith('/t/graphql/') ? url.searchParams.get('q') : null;
    if (operation) counts[operation] = (counts[operation] ?? 0) + 1;
  });
  return () => ({ ...counts });
}

function logCalls(log: { operation: string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { operation } of log) counts[operation] = (counts[operation] ?? 0) + 1;
  return counts;
}

/** The popup's list as operation → calls, from each row's "(N calls this visit)". */
async function listed(popup: Page): Promise<Record<string, number>> {
  const rows = await uses(popup).getByRole('listitem').allInnerTexts();
  return Object.fromEntries(
    rows.map((text) => {
      const match = /^(?:also ours|FAILED for us|unknown to us) (\w+)\s+The page called it \((\d+) calls? this visit\)/.exec(text.replace(/\s+/g, ' '));
      expect(match, text).not.toBeNull();
      return [match![1]!, Number(match![2])];
    }),
  );
}

/** Asks the tab again until the popup lists exactly `expected` (the page may still be answering). */
async function untilListed(popup: Page, expected: Record<string, number>): Promise<void> {
  await expect(async () => {
    await popup.getByRole('button', { name: 'Check again' }).click();
    expect(await listed(popup)).toEqual(expected);
  }).toPass({ timeout: 10_000 });
}

test('the popup lists what the page itself called, marked against ours, without our own calls', async ({ page, context, extensionId, consoleDouble }) => {
  const pageCalls = watchPageRequests(context);
  await openMembers(page);
  const popup = await openPopupFor(context, extensionId);
  await untilReady(popup);

  const called = pageCalls();
  // On load the double's page reads what the real console's front end is known to read [code].
  for (const operation of ['OrgData', 'Users', 'TeamSpaces', 'RbacBatchCheckPermissions']) expect(called[operation], operation).toBeGreaterThan(0);
  await untilListed(popup, called);

  // The double served all of these, and more: our own reads, which the list leaves out.
  const served = logCalls(consoleDouble.backend.requestLog());
  for (const [operation, count] of Object.entries(called)) expect(served[operation] ?? 0).toBeGreaterThanOrEqual(count);
  const both = Object.keys(called).filter((operation) => OURS.has(operation));
  expect(both.length).toBeGreaterThan(0);
  expect(both.some((operation) => served[operation]! > called[operation]!)).toBe(true);

  // Each is marked: ours, or unknown to us.
  for (const operation of Object.keys(called)) {
    await expect(row(uses(popup), operation)).toContainText(OURS.has(operation) ? /^also ours/ : /^unknown to us/);
  }
  // The double's page asks for some things we never read (its own counts, today MemberCounts).
  expect(Object.keys(called).some((operation) => !OURS.has(operation))).toBe(true);
  const unseen = [...OURS].filter((operation) => !(operation in called)).sort();
  await expect(popup.getByText(unseen.length ? `Ours that the page has not called this visit: ${unseen.join(', ')}.` : 'The page has called every operation Admin Lens uses.')).toBeVisible();

  // The page acts (the Groups tab reads its groups): the list follows.
  await page.bringToFront();
  await page.getByRole('tab', { name: 'Groups' }).click();
  await expect(page.getByRole('table', { name: 'Groups' })).toBeVisible();
  await expect.poll(() => pageCalls()).not.toEqual(called);
  await popup.bringToFront();
  await untilListed(popup, pageCalls());

  // Our reads now fail (the console answers 503) where the page's own calls had worked: those of
  // ours the page also called are marked so.
  consoleDouble.backend.setFaults({ serverErrorRate: 1 });
  await page.bringToFront();
  await page.getByRole('tab', { name: 'Users' }).click();
  await page.getByRole('button', { name: 'Refresh', exact: true }).click();
  await popup.bringToFront();
  await expect(async () => {
    await popup.getByRole('button', { name: 'Check again' }).click();
    await expect(popup.getByText(/Data: The last read failed/)).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  let failedBoth = 0;
  for (const operation of both) {
    const ours = await row(queries(popup), operation).innerText();
    if (!/^FAILED/.test(ours)) continue;
    failedBoth += 1;
    await expect(row(uses(popup), operation)).toContainText(/^FAILED for us.*its last call failed \(see Data queries\)\./);
  }
  expect(failedBoth).toBeGreaterThan(0);
});

/** Every name, email and id of the seed's people, projects, groups, teams and spaces, and the org's. */
function seedValues(): string[] {
  const seed = JSON.parse(readFileSync(new URL('../console/seeds/demo.json', import.meta.url), 'utf8')) as {
    org: { id: number; url: string; name: string };
    signedInMemberId: string;
    members: { id: string; email: string; name: string }[];
    projects: { id: string; name: string; description: string }[];
    teams: { id: string; name: string }[];
    teamSpaces: { id: string; name: string }[];
    groups: { id: string; name: string; description?: string }[];
  };
  const values = [seed.org.url, seed.org.name, String(seed.org.id), seed.signedInMemberId];
  for (const member of seed.members) values.push(member.id, member.email, member.name, ...member.name.split(' '), member.email.split('@')[0]!);
  for (const list of [seed.projects, seed.teams, seed.teamSpaces, seed.groups]) for (const item of list) values.push(item.id, item.name);
  return [...new Set(values)].filter((value) => value.length > 1);
}

test('a recording from the popup captures the shapes of what the page asks, and no value of the seed', async ({ page, context, extensionId }) => {
  await openMembers(page);
  const popup = await openPopupFor(context, extensionId);
  await untilReady(popup);

  await popup.getByRole('button', { name: 'Record data shapes for 60 s' }).click();
  await expect(popup.getByText(/^Recording: \d+ s left\. Use the page now\./)).toBeVisible();
  await expect(popup.getByRole('button', { name: 'Record data shapes for 60 s' })).toBeDisabled();

  // The admin uses the page: the Groups tab, back to Users, the pending people.
  await page.bringToFront();
  await page.getByRole('tab', { name: 'Groups' }).click();
  await expect(page.getByRole('table', { name: 'Groups' })).toBeVisible();
  await page.getByRole('tab', { name: 'Users' }).click();
  await expect(page.getByRole('table', { name: /users/ }).getByRole('row').nth(1)).toBeVisible();

  await popup.bringToFront();
  const shapes = popup.getByRole('region', { name: 'Data shapes' }).getByLabel('Recorded data shapes');
  await expect(shapes).toContainText('PermissionGroups');
  await expect(shapes).toContainText('OrgMembers');
  await expect(shapes).toContainText(/data\.groups\.nodes\[\]\.name: string/);
  await expect(shapes).toContainText(/data\.members\.nodes\[\]\.email: string/);
  await expect(shapes).toContainText(/^ {4}status: string$/m);
  // The popup with its new lists and the recording stays accessible (as accessibility.spec.ts asks).
  const axe = await new AxeBuilder({ page: popup }).analyze();
  expect(axe.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => violation.id)).toEqual([]);

  const copied = await copiedBy(popup, 'Copy shapes', 'Shapes copied.');
  expect(copied).toContain('Admin Lens for Amplitude: data shapes');
  expect(copied).toContain('PermissionGroups\n  variables:\n');

  // Below the header (time, version): no value of the seed, not one digit (every count, every id).
  const body = copied.split('\n\n').slice(1).join('\n\n');
  expect(body).toContain('OrgMembers');
  expect(body).not.toMatch(/\d/);
  expect(body).not.toContain('@');
  const tokens = new Set(body.split(/[^A-Za-z0-9_@.()-]+/).flatMap((part) => [part, ...part.split('.')]));
  for (const value of seedValues()) {
    // A one-word value must not be a token (a team named "Data" is not the key "data" nor "OrgData");
    // a longer one must not appear at all.
    if (/^[A-Za-z]+$/.test(value)) expect(tokens.has(value), value).toBe(false);
    else expect(body, value).not.toContain(value);
  }
});
