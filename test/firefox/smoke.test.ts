/**
 * The extension end to end in a real Firefox (Debian's firefox-esr, WebDriver BiDi through
 * puppeteer-core), against the console double at https://app.amplitude.com: the org is read (the
 * chip and the badges show data), the removal guard holds a content owner removed without
 * transfer, and a two-row bulk invite runs through the console's own wizard. What reached the
 * double's backend is checked in its logs. Run by `npm run test:firefox` (README).
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import type { Page } from 'puppeteer-core';
import { HOSTNAME, MEMBERS_URL, startHarness, type Harness } from './support/harness';
import { byRole, waitForText } from './support/queries';
import { waitFor } from './support/wait';

let harness: Harness | undefined;
let page: Page | undefined;

function running(): Harness {
  if (!harness) throw new Error('The Firefox harness did not start (see the error of the "before" hook).');
  return harness;
}

before(async () => {
  harness = await startHarness();
}, { timeout: 60_000 });

after(async () => {
  await page?.close().catch(() => {});
  await harness?.stop();
}, { timeout: 30_000 });

beforeEach(async () => {
  await page?.close().catch(() => {});
  page = undefined;
  // Every test starts from the demo org as seeded, with empty logs.
  running().double.backend.reset();
});

/** Opens Members & Groups and waits until the extension says it has read the org. */
async function openMembersWithData(): Promise<Page> {
  page = await running().firefox.browser.newPage();
  await page.goto(MEMBERS_URL);
  await byRole(page, 'heading', 'Team Members & Groups');
  const chip = await byRole(page, 'status', 'Admin Lens is active for org demo-org');
  await waitForText(chip, 'the Admin Lens chip', /30 members/);
  return page;
}

type Mutation = { operation: string; variables: unknown };
const mutationsOf = (operation: string): Mutation[] => running().double.backend.mutations().filter((mutation) => mutation.operation === operation);

function refusedRequests(): string[] {
  return running()
    .double.backend.requestLog()
    .filter((request) => request.status !== 200)
    .map((request) => `${request.operation} → ${request.status}`);
}

test('the chip and the badges show the org, read through the Origin check of the data endpoint', { timeout: 45_000 }, async () => {
  const page = await openMembersWithData();
  const maya = await byRole(page, 'button', /^Access for Maya Okafor:/);
  await waitForText(maya, "Maya Okafor's badge", /^Admin/);
  const priya = await byRole(page, 'button', /^Access for Priya Natarajan:/);
  await waitForText(priya, "Priya Natarajan's badge", /^Manager in \d of 8 projects/);
  // Every data request (the page's and the extension's) was answered; none was refused...
  assert.deepEqual(refusedRequests(), []);
  // ...by a double that does check the Origin: the same read from another origin (the extension's
  // own, as its background would send it) is refused.
  const foreign = await running().double.handle({
    method: 'POST',
    url: `https://${HOSTNAME}/t/graphql/org-url/demo-org?q=OrgData`,
    headers: { origin: `moz-extension://${running().firefox.extensionId}`, 'content-type': 'application/json' },
    body: JSON.stringify({ operationName: 'OrgData', variables: { product: 'analytics' }, query: 'query OrgData { org { orgId } }' }),
  });
  assert.equal(foreign.status, 403, 'the double refuses a read from a foreign Origin');
});

test('the removal guard holds a content owner removed without transfer', { timeout: 45_000 }, async () => {
  const page = await openMembersWithData();
  await (await byRole(page, 'checkbox', 'Select Grace Liu')).click();
  const toolbar = await byRole(page, 'toolbar', 'Bulk actions');
  await (await byRole(toolbar, 'button', 'Remove')).click();
  const dialog = await byRole(page, 'dialog', 'Remove Members?');
  await (await byRole(dialog, 'button', 'Remove')).click();

  const guard = await byRole(page, 'region', 'Admin Lens removal check');
  await waitForText(guard, 'the removal check', /becomes unassigned/);
  await waitForText(guard, 'the removal check', /Owns 48 charts, 12 dashboards, 9 cohorts, 4 notebooks/);
  await waitForText(guard, 'the removal check', /held this removal back/);
  assert.deepEqual(mutationsOf('RemoveMembers'), []);
  assert.ok(running().double.backend.state().members.some((member) => member.email === 'grace.liu@lumenfield.example'), 'Grace Liu is still a member');
});

test('a two-row bulk invite through the "Bulk invite from CSV" panel completes', { timeout: 60_000 }, async () => {
  const page = await openMembersWithData();
  await (await byRole(page, 'button', 'Bulk invite from CSV')).click();
  const panel = await byRole(page, 'dialog', 'Bulk invite from CSV');
  const emails = ['ana.alpha@newhire.example', 'ben.beta@newhire.example'];
  const csv = ['email,team,groups', ...emails.map((email) => `${email},Engineering,Product Analysts`)].join('\n');
  await (await byRole(panel, 'textbox', 'Paste CSV or spreadsheet rows')).type(csv);
  await waitForText(panel, 'the bulk-invite panel', /2 to invite · 0 to skip · 0 invalid/);
  await (await byRole(panel, 'button', 'Invite 2 people')).click();
  await waitForText(panel, 'the bulk-invite panel', /Finished\.(?!:)/, { timeoutMs: 45_000 });
  await waitForText(panel, 'the bulk-invite panel', /Invited 2 of 2/);

  // Both rows share their settings: one submission of the console's wizard.
  assert.equal(mutationsOf('InviteUsers').length, 1);
  const invited = mutationsOf('InviteUsers').flatMap((mutation) => (mutation.variables as { invites: { email: string }[] }).invites.map((invite) => invite.email));
  assert.deepEqual([...invited].sort(), emails);
  for (const email of emails) {
    assert.equal(running().double.backend.state().members.find((member) => member.email === email)?.status, 'pending', `${email} is pending`);
  }
});
