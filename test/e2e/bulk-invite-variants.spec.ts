/**
 * Bulk invite on every markup variant of the double (issue 12, acceptance 3): the same small run
 * (3 people, two sets of settings, so two invites) either goes through the console's own wizard
 * with exactly the right invites, or stops before Send naming the landmark it could not find.
 * The double's mutation log is the proof: exactly the expected InviteUsers, nobody twice, or none.
 */
import type { Page } from '@playwright/test';
import { MARKUP_VARIANT_NAMES, type MarkupRequest, type MarkupVariant } from '../console/shared/markup';
import { expect, test } from './fixtures';
import { openPopupFor } from './support/popup';

const MEMBERS_URL = 'https://app.amplitude.com/analytics/demo-org/settings/members';
const panel = (page: Page) => page.getByRole('dialog', { name: 'Bulk invite from CSV' });
const results = (page: Page) => panel(page).getByRole('table', { name: 'Invite results' });
const resultRow = (page: Page, email: string) => results(page).getByRole('row').filter({ has: page.getByRole('cell', { name: email, exact: true }) });

const CSV = [
  'email,team,groups,projects,role,default_project,team_spaces',
  'vera.one@newhire.example,Engineering,Engineering Leads,,,Web App (Staging),Engineering Space',
  'walt.two@newhire.example,Product,Engineering Leads,,,Web App (Staging),Engineering Space',
  'xena.three@newhire.example,Data,,Data Warehouse Sync:Member;Sales Analytics:Viewer,,,',
].join('\n');
const EMAILS = ['vera.one@newhire.example', 'walt.two@newhire.example', 'xena.three@newhire.example'];

/** The two invites the run must send, as the double logs them (demo seed ids). */
const EXPECTED_INVITES = [
  {
    invites: [
      { email: 'vera.one@newhire.example', teamId: 't-eng' },
      { email: 'walt.two@newhire.example', teamId: 't-product' },
    ],
    groupIds: ['g-2'],
    projectRoles: [],
    orgRole: null,
    defaultProjectId: 'p-2',
    teamSpaceIds: ['s-eng'],
  },
  {
    invites: [{ email: 'xena.three@newhire.example', teamId: 't-data' }],
    groupIds: [],
    projectRoles: [
      { projectId: 'p-6', role: 'member' },
      { projectId: 'p-8', role: 'viewer' },
    ],
    orgRole: null,
    defaultProjectId: null,
    teamSpaceIds: [],
  },
];

/**
 * Variants the driver cannot drive, with the landmark its stop names. Empty: every variant of
 * test/console/shared/markup.ts runs through. A variant added later that cannot be driven goes
 * here, and its test then proves the run stops before Send, naming the landmark.
 */
const CANNOT_DRIVE: Partial<Record<MarkupVariant, string>> = {};

test.describe.configure({ timeout: 120_000 });

async function runSmallInvite(page: Page) {
  await page.goto(MEMBERS_URL);
  // Not the users table: on some variants it has no table role nor name; our button comes with the page.
  const opener = page.getByRole('button', { name: 'Bulk invite from CSV' });
  await expect(opener).toBeVisible();
  await opener.click();
  await panel(page).getByRole('textbox', { name: 'Paste CSV or spreadsheet rows' }).fill(CSV);
  await expect(panel(page).getByText('3 to invite · 0 to skip · 0 invalid')).toBeVisible();
  await panel(page).getByRole('button', { name: 'Invite 3 people' }).click();
}

function inviteMutations(mutations: readonly { operation: string; variables: unknown }[]) {
  return mutations.filter((mutation) => mutation.operation === 'InviteUsers').map((mutation) => mutation.variables as (typeof EXPECTED_INVITES)[number]);
}

/** The invite wizard (any casing, any dialog role) is not left open. */
async function expectWizardClosed(page: Page) {
  await expect(page.getByRole('dialog', { name: /^invite new users$/i })).toHaveCount(0);
  await expect(page.getByRole('alertdialog', { name: /^invite new users$/i })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: /^invite new users$/i })).toHaveCount(0);
}

async function expectRunsThrough(page: Page, mutations: () => readonly { operation: string; variables: unknown }[]) {
  await expect(panel(page).getByText('Finished.', { exact: true })).toBeVisible({ timeout: 90_000 });
  await expect(panel(page).getByRole('status').filter({ hasText: 'Invited 3 of 3' })).toContainText('0 failed');
  const invites = inviteMutations(mutations());
  expect(invites).toEqual(EXPECTED_INVITES);
  const invited = invites.flatMap((variables) => variables.invites.map((invite) => invite.email));
  expect(new Set(invited).size).toBe(invited.length);
  for (const email of EMAILS) await expect(resultRow(page, email)).toContainText('Invited');
  await expectWizardClosed(page);
}

async function expectStopsBeforeSend(page: Page, landmark: string, mutations: () => readonly { operation: string; variables: unknown }[]) {
  await expect(panel(page).getByText(/^(Finished|Paused)/)).toBeVisible({ timeout: 90_000 });
  for (const email of EMAILS) await expect(resultRow(page, email)).toContainText(landmark);
  expect(inviteMutations(mutations())).toEqual([]);
  await expectWizardClosed(page);
}

for (const variant of MARKUP_VARIANT_NAMES) {
  test.describe(`markup variant "${variant}"`, () => {
    test.use({ markup: variant });
    const landmark = CANNOT_DRIVE[variant];

    test(landmark ? `the run stops before Send naming ${landmark}; nothing is sent` : 'a bulk invite of 3 people in 2 invites sends exactly those invites, once, and closes the wizard', async ({ page, consoleDouble }) => {
      await runSmallInvite(page);
      const mutations = () => consoleDouble.backend.mutations();
      if (landmark) await expectStopsBeforeSend(page, landmark, mutations);
      else await expectRunsThrough(page, mutations);
    });
  });
}

test.describe('a landmark missing on another rendition', () => {
  test.use({ markup: 'aria-grid' });

  test('without its "Invite New Users" button the run stops before Send, naming it, on every row; nothing is sent', async ({ page, consoleDouble }) => {
    consoleDouble.backend.setLandmarks({ inviteButton: 'Add Users' });
    await runSmallInvite(page);
    await expectStopsBeforeSend(page, 'The console\'s "Invite New Users" button is not in the page.', () => consoleDouble.backend.mutations());
  });
});

test.describe('every wizard-relevant difference at once', () => {
  const everything: MarkupRequest = { dialogName: 'heading', actions: 'div', labelCase: 'upper', reworded: true, chipCommit: 'comma-blur', confirmDialogRole: 'alertdialog' };
  test.use({ markup: everything });

  test('the run still sends exactly the two invites', async ({ page, consoleDouble }) => {
    await runSmallInvite(page);
    await expectRunsThrough(page, () => consoleDouble.backend.mutations());
  });
});

/** The wizard, opened by hand, is found by the popup's diagnostics with the driver's own finders. */
for (const variant of ['aria-grid', 'reworded'] as const) {
  test.describe(`diagnostics on "${variant}"`, () => {
    test.use({ markup: variant });

    test('the open invite wizard, its step heading and its Next are found', async ({ page, context, extensionId }) => {
      await page.goto(MEMBERS_URL);
      await expect(page.getByRole('button', { name: 'Bulk invite from CSV' })).toBeVisible();
      await page.getByRole('button', { name: /^invite new users$/i }).click();
      await expect(page.getByRole('heading', { name: /^invite new users$/i })).toBeVisible();
      const popup = await openPopupFor(context, extensionId);
      const landmarks = popup.getByRole('list', { name: 'Landmarks' });
      const row = (name: string | RegExp) => landmarks.getByRole('listitem').filter({ hasText: name });
      await expect(async () => {
        await popup.getByRole('button', { name: 'Check again' }).click();
        await expect(row('"Invite New Users" dialog')).toContainText(/^found/, { timeout: 1000 });
      }).toPass({ timeout: 15_000 });
      await expect(row('Step heading in the invite dialog')).toContainText(/^found/);
      await expect(row('Button "Next" or "Send" in the invite dialog')).toContainText(/^found/);
    });
  });
}
