/**
 * Bulk invite, the run (issue 7, acceptance 1–3): the extension drives the double's own "Invite New
 * Users" wizard batch by batch; the double's mutation log proves who was invited, once, with what.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const MEMBERS_URL = 'https://app.amplitude.com/analytics/demo-org/settings/members';
const panel = (page: Page) => page.getByRole('dialog', { name: 'Bulk invite from CSV' });
const results = (page: Page) => panel(page).getByRole('table', { name: 'Invite results' });
const resultRow = (page: Page, email: string) => results(page).getByRole('row').filter({ has: page.getByRole('cell', { name: email, exact: true }) });

const HEADER = 'email,team,groups,projects,role,default_project,team_spaces';
const VALID = [
  'ana.alpha@newhire.example,Engineering,Engineering Leads,,,Web App (Staging),Engineering Space',
  'ben.beta@newhire.example,Product,Engineering Leads,,,Web App (Staging),Engineering Space',
  'cara.gamma@newhire.example,Marketing,Marketing Team,Marketing Site:Manager,,Marketing Site,Campaigns',
  'dan.delta@newhire.example,Data,,Data Warehouse Sync:Member;Sales Analytics:Viewer,,,',
  'eve.epsilon@newhire.example,Sales,Sales Viewers,,,,Revenue',
  ...Array.from({ length: 7 }, (_, i) => `f${i + 1}@newhire.example,Engineering,Product Analysts,,,,`),
];
/** One row per kind of error, with the text its result must show. */
const INVALID: [string, string][] = [
  ['not-an-email,Engineering,Product Analysts,,,,', 'is not a valid email address'],
  ['F1@NEWHIRE.example,Engineering,Product Analysts,,,,', 'Duplicate of row'],
  ['priya.natarajan@lumenfield.example,Engineering,Product Analysts,,,,', 'Already a member'],
  ['ryan.patel@lumenfield.example,Engineering,Product Analysts,,,,', 'Already invited'],
  ['gus@newhire.example,Engneering,Product Analysts,,,,', 'Did you mean "Engineering"?'],
  ['hal@newhire.example,Engineering,Product Analyst,,,,', 'Did you mean "Product Analysts"?'],
  ['ivy@newhire.example,Engineering,,iOS Ap:Viewer,,,', 'Did you mean "iOS App"?'],
  ['jon@newhire.example,Engineering,Product Analysts,,,,Engineering Spac', 'Did you mean "Engineering Space"?'],
  ['kim@newhire.example,Engineering,,iOS App:Owner,,,', '"Owner" is not a project role'],
  ['max@newhire.example,Engineering,Engineering Leads,iOS App:Viewer,,,', 'which the group "Engineering Leads" gives'],
  ['ned@newhire.example,Engineering,Product Analysts,,,Sales Analytics,', 'is not among the projects this row gives access to'],
  ['oli@newhire.example,,Product Analysts,,,,', 'asks for a team for every person'],
  ['pat@newhire.example,Engineering,,iOS App:Admin,,,', 'Admin is not a project role'],
];
const validEmails = VALID.map((line) => line.split(',')[0]!);

async function openPanel(page: Page) {
  await page.goto(MEMBERS_URL);
  await expect(page.getByRole('table', { name: 'Joined users' })).toBeVisible();
  await page.getByRole('button', { name: 'Bulk invite from CSV' }).click();
  await expect(panel(page)).toBeVisible();
}

function invitedEmails(mutations: readonly { operation: string; variables: unknown }[]): string[] {
  return mutations
    .filter((mutation) => mutation.operation === 'InviteUsers')
    .flatMap((mutation) => (mutation.variables as { invites: { email: string }[] }).invites.map((invite) => invite.email));
}

test.describe.configure({ timeout: 150_000 });

test('a 25-row CSV: exactly the valid rows are invited, with their settings; each invalid row says why', async ({ page, consoleDouble }) => {
  const csv = [HEADER, ...VALID.slice(0, 6), ...INVALID.map(([line]) => line), ...VALID.slice(6)].join('\n');
  expect(csv.split('\n')).toHaveLength(26);
  await openPanel(page);
  await panel(page).getByRole('textbox', { name: 'Paste CSV or spreadsheet rows' }).fill(csv);
  await expect(panel(page).getByText('12 to invite · 2 to skip · 11 invalid')).toBeVisible();
  await panel(page).getByRole('button', { name: 'Invite 12 people' }).click();

  await expect(panel(page).getByRole('progressbar', { name: 'Invites done' })).toBeVisible();
  await expect(panel(page).getByText('Finished.', { exact: true })).toBeVisible({ timeout: 120_000 });
  await expect(panel(page).getByRole('status').filter({ hasText: 'Invited 12 of 12' })).toContainText('0 failed');

  const mutations = consoleDouble.backend.mutations();
  const invited = invitedEmails(mutations);
  expect([...invited].sort()).toEqual([...validEmails].sort());
  // Rows sharing settings went together (teams may differ): 5 invites for 12 people.
  expect(mutations.filter((mutation) => mutation.operation === 'InviteUsers')).toHaveLength(5);
  const variablesFor = (email: string) =>
    mutations.map((mutation) => mutation.variables as Record<string, unknown> & { invites: { email: string; teamId: string | null }[] }).find((variables) => variables.invites.some((invite) => invite.email === email))!;
  expect(variablesFor('ana.alpha@newhire.example')).toMatchObject({
    invites: [
      { email: 'ana.alpha@newhire.example', teamId: 't-eng' },
      { email: 'ben.beta@newhire.example', teamId: 't-product' },
    ],
    groupIds: ['g-2'],
    projectRoles: [],
    defaultProjectId: 'p-2',
    teamSpaceIds: ['s-eng'],
  });
  expect(variablesFor('cara.gamma@newhire.example')).toMatchObject({ groupIds: ['g-3'], projectRoles: [{ projectId: 'p-5', role: 'manager' }], defaultProjectId: 'p-5', teamSpaceIds: ['s-marketing'] });
  expect(variablesFor('dan.delta@newhire.example')).toMatchObject({
    invites: [{ email: 'dan.delta@newhire.example', teamId: 't-data' }],
    groupIds: [],
    projectRoles: [
      { projectId: 'p-6', role: 'member' },
      { projectId: 'p-8', role: 'viewer' },
    ],
    defaultProjectId: null,
  });
  expect(variablesFor('f7@newhire.example').invites).toHaveLength(7);
  const state = consoleDouble.backend.state();
  for (const email of validEmails) expect(state.members.find((member) => member.email === email)?.status).toBe('pending');

  for (const email of validEmails) await expect(resultRow(page, email)).toContainText('Invited');
  for (const [line, why] of INVALID) {
    const email = line.split(',')[0]!;
    await expect(resultRow(page, email)).toContainText(why);
  }

  // The results download: original columns plus status and error, every row.
  const downloading = page.waitForEvent('download');
  await panel(page).getByRole('button', { name: 'Download results' }).click();
  const text = await (await downloading).path().then((path) => import('node:fs').then((fs) => fs.readFileSync(path, 'utf8')));
  const lines = text.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  expect(lines[0]).toBe(`${HEADER},status,error`);
  expect(lines).toHaveLength(26);
  expect(lines.find((line) => line.startsWith('cara.gamma@'))).toMatch(/,invited,$/);
  expect(lines.find((line) => line.startsWith('oli@'))).toMatch(/,invalid,.*team/);
});

/** 15 people in 5 batches (each group of three shares its settings). */
const RESUME_CSV = [
  HEADER,
  ...['Product Analysts', 'Engineering Leads', 'Marketing Team', 'Data Platform', 'Sales Viewers'].flatMap((group, g) =>
    Array.from({ length: 3 }, (_, i) => `r${g + 1}.${i + 1}@newhire.example,Engineering,${group},,,,`),
  ),
].join('\n');
const resumeEmails = RESUME_CSV.split('\n').slice(1).map((line) => line.split(',')[0]!);

async function startResumeRun(page: Page) {
  await openPanel(page);
  await panel(page).getByRole('textbox', { name: 'Paste CSV or spreadsheet rows' }).fill(RESUME_CSV);
  await expect(panel(page).getByText('15 to invite · 0 to skip · 0 invalid')).toBeVisible();
  await panel(page).getByRole('button', { name: 'Invite 15 people' }).click();
}

async function resumeAndFinish(page: Page) {
  await page.goto(MEMBERS_URL);
  const offer = page.getByRole('button', { name: /^Resume bulk invite \(\d+ left\)$/ });
  await expect(offer).toBeVisible();
  await offer.click();
  await expect(panel(page).getByText(/This run stopped before it finished/)).toBeVisible();
  await panel(page).getByRole('button', { name: 'Resume' }).click();
  await expect(panel(page).getByText('Finished.', { exact: true })).toBeVisible({ timeout: 120_000 });
  await expect(panel(page).getByRole('status').filter({ hasText: 'Invited 15 of 15' })).toBeVisible();
}

function expectEachInvitedOnce(mutations: readonly { operation: string; variables: unknown }[]) {
  const invited = invitedEmails(mutations);
  expect([...invited].sort()).toEqual([...resumeEmails].sort());
}

test('a reload in the middle of a run, then Resume: everyone invited exactly once', async ({ page, consoleDouble }) => {
  consoleDouble.backend.setLatency({ ms: 250 });
  await startResumeRun(page);
  await expect.poll(() => consoleDouble.backend.mutations().length, { timeout: 60_000 }).toBeGreaterThanOrEqual(2);
  await page.reload();
  expect(consoleDouble.backend.mutations().length).toBeLessThan(5);
  await resumeAndFinish(page);
  expectEachInvitedOnce(consoleDouble.backend.mutations());
});

test('a tab closed in the middle of a run, then Resume in a new tab: everyone invited exactly once', async ({ context, page, consoleDouble }) => {
  consoleDouble.backend.setLatency({ ms: 250 });
  await startResumeRun(page);
  await expect.poll(() => consoleDouble.backend.mutations().length, { timeout: 60_000 }).toBeGreaterThanOrEqual(1);
  await page.close();
  const again = await context.newPage();
  await resumeAndFinish(again);
  expectEachInvitedOnce(consoleDouble.backend.mutations());
});

test('a server error fails one batch with the reason, the others go on; Retry failed invites those rows', async ({ page, consoleDouble }) => {
  consoleDouble.backend.setFaults({ failNthMutation: 2 });
  await startResumeRun(page);
  await expect(panel(page).getByText(/^Finished: 3 failed\./)).toBeVisible({ timeout: 120_000 });
  // The second batch (Engineering Leads) failed with the console's own words; the rest went out.
  for (const email of ['r2.1@newhire.example', 'r2.2@newhire.example', 'r2.3@newhire.example']) {
    await expect(resultRow(page, email)).toContainText('Failed');
    await expect(resultRow(page, email)).toContainText('Nothing was sent.');
  }
  expect(invitedEmails(consoleDouble.backend.mutations()).sort()).toEqual(resumeEmails.filter((email) => !email.startsWith('r2.')).sort());

  await panel(page).getByRole('button', { name: 'Retry failed (3)' }).click();
  await expect(panel(page).getByText('Finished.', { exact: true })).toBeVisible({ timeout: 60_000 });
  expectEachInvitedOnce(consoleDouble.backend.mutations());
});

test('a console without its "Invite New Users" button: batches fail naming it, the run pauses after three, nothing is lost', async ({ page, consoleDouble }) => {
  consoleDouble.backend.setLandmarks({ inviteButton: 'Add Users' });
  await startResumeRun(page);
  await expect(panel(page).getByText(/Paused: 3 batches in a row failed .*"Invite New Users" button is not in the page/)).toBeVisible({ timeout: 60_000 });
  for (const email of ['r1.1@newhire.example', 'r3.3@newhire.example']) {
    await expect(resultRow(page, email)).toContainText(`Failed`);
    await expect(resultRow(page, email)).toContainText(`The console's "Invite New Users" button is not in the page.`);
  }
  for (const email of ['r4.1@newhire.example', 'r5.3@newhire.example']) await expect(resultRow(page, email)).toContainText('Waiting');
  expect(consoleDouble.backend.mutations()).toEqual([]);

  // The console is back: the paused run is offered on the next visit; Resume, then Retry failed.
  consoleDouble.backend.clearLandmarks();
  await page.goto(MEMBERS_URL);
  await page.getByRole('button', { name: 'Resume bulk invite (6 left)' }).click();
  await panel(page).getByRole('button', { name: 'Resume' }).click();
  await expect(panel(page).getByText(/^Finished: 9 failed\./)).toBeVisible({ timeout: 60_000 });
  await panel(page).getByRole('button', { name: 'Retry failed (9)' }).click();
  await expect(panel(page).getByText('Finished.', { exact: true })).toBeVisible({ timeout: 60_000 });
  expectEachInvitedOnce(consoleDouble.backend.mutations());
});

test('the batch size setting decides how many emails go in one invite', async ({ page, serviceWorker }) => {
  // Written as the options page writes it: with the settings' version beside it (`settings$`), or
  // the background would take it for a version-1 value and migrate it to the defaults.
  await serviceWorker.evaluate(() =>
    (globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } }).chrome.storage.local.set({
      settings: { inviteBatchSize: 2 },
      settings$: { v: 4 },
    }),
  );
  await openPanel(page);
  await panel(page).getByRole('textbox', { name: 'Paste CSV or spreadsheet rows' }).fill(RESUME_CSV.split('\n').slice(0, 6).join('\n'));
  await expect(panel(page).getByText('5 to invite · 0 to skip · 0 invalid')).toBeVisible();
  // Rows 1-3 share settings (2 + 1), rows 4-5 share theirs (2).
  await expect(panel(page).getByRole('button', { name: 'Invite 5 people' })).toBeVisible();
  await expect(panel(page).getByText("3 invites through the console's own form", { exact: false })).toBeVisible();
});

test('Pause stops after the batch in progress; Cancel right after Resume stops before the next Send', async ({ page, consoleDouble }) => {
  consoleDouble.backend.setLatency({ ms: 250 });
  await startResumeRun(page);
  await expect.poll(() => consoleDouble.backend.mutations().length, { timeout: 60_000 }).toBeGreaterThanOrEqual(1);
  await panel(page).getByRole('button', { name: 'Pause' }).click();
  await expect(panel(page).getByText('Paused. Resume to send the rest.')).toBeVisible({ timeout: 30_000 });
  const paused = consoleDouble.backend.mutations().length;
  expect(paused).toBeLessThan(5);
  const summary = panel(page).getByRole('status').filter({ hasText: 'Invited' });
  await expect(summary).toContainText(`Invited ${paused * 3} of 15`);
  // A paused run is still; the queue waits.
  await expect(resultRow(page, 'r5.3@newhire.example')).toContainText('Waiting');

  // Resume, then Cancel at once: the run stops before its next Send.
  consoleDouble.backend.setLatency({ ms: 600 });
  await panel(page).getByRole('button', { name: 'Resume' }).click();
  await panel(page).getByRole('button', { name: 'Cancel run' }).click();
  await expect(panel(page).getByText(/^Cancelled: \d+ not sent\.$/)).toBeVisible({ timeout: 30_000 });
  const sent = consoleDouble.backend.mutations().length;
  expect(sent).toBeLessThan(5);
  await expect(summary).toContainText(`Invited ${sent * 3} of 15`);
  await expect(panel(page).getByText(`Cancelled: ${15 - sent * 3} not sent.`)).toBeVisible();
  expect(invitedEmails(consoleDouble.backend.mutations())).toEqual(resumeEmails.slice(0, sent * 3));
  // Cancelled for good: no Resume, and nothing is offered on the next visit.
  await expect(panel(page).getByRole('button', { name: 'Resume' })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Bulk invite from CSV' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Resume bulk invite/ })).toHaveCount(0);
});

test('a second tab on the same org sees the run going on elsewhere and is not offered to resume it', async ({ context, page, consoleDouble }) => {
  consoleDouble.backend.setLatency({ ms: 300 });
  await startResumeRun(page);
  await expect.poll(() => consoleDouble.backend.mutations().length, { timeout: 60_000 }).toBeGreaterThanOrEqual(1);
  const other = await context.newPage();
  await other.goto(MEMBERS_URL);
  await expect(other.getByText(/^A bulk invite is running in another tab \(\d+ left\)\.$/)).toBeVisible();
  await expect(other.getByRole('button', { name: /^Resume bulk invite/ })).toHaveCount(0);
  // The first tab finishes on its own; everyone once.
  await expect(panel(page).getByText('Finished.', { exact: true })).toBeVisible({ timeout: 60_000 });
  expectEachInvitedOnce(consoleDouble.backend.mutations());
  await other.reload();
  await expect(other.getByRole('button', { name: 'Bulk invite from CSV' })).toBeVisible();
  await expect(other.getByText(/running in another tab/)).toHaveCount(0);
});

test.describe('an org without project-level permissions or groups', () => {
  test.use({ seed: 'org-level' });

  test('the run skips Select Groups and gives each batch its one role, default project and space', async ({ page, consoleDouble }) => {
    await page.goto('https://app.amplitude.com/analytics/classic-org/settings/members');
    await expect(page.getByRole('table', { name: 'Joined users' })).toBeVisible();
    await page.getByRole('button', { name: 'Bulk invite from CSV' }).click();
    await panel(page)
      .getByRole('textbox', { name: 'Paste CSV or spreadsheet rows' })
      .fill(['email,team,role,default_project,team_spaces', 'kai@brightwater.example,Engineering,Member,iOS,Shared', 'lu@brightwater.example,Marketing,Member,iOS,Shared', 'mo@brightwater.example,Marketing,Manager,,'].join('\n'));
    await expect(panel(page).getByText('3 to invite · 0 to skip · 0 invalid')).toBeVisible();
    await panel(page).getByRole('button', { name: 'Invite 3 people' }).click();
    await expect(panel(page).getByText('Finished.', { exact: true })).toBeVisible({ timeout: 60_000 });
    const mutations = consoleDouble.backend.mutations();
    expect(mutations).toHaveLength(2);
    expect(mutations[0]).toMatchObject({
      operation: 'InviteUsers',
      variables: {
        invites: [
          { email: 'kai@brightwater.example', teamId: expect.any(String) },
          { email: 'lu@brightwater.example', teamId: expect.any(String) },
        ],
        groupIds: [],
        projectRoles: [],
        orgRole: 'member',
        teamSpaceIds: [expect.any(String)],
      },
    });
    expect(mutations[0]!.variables).toMatchObject({ defaultProjectId: consoleDouble.backend.state().projects.find((project) => project.name === 'iOS')!.id });
    expect(mutations[1]).toMatchObject({ variables: { invites: [{ email: 'mo@brightwater.example' }], orgRole: 'manager', defaultProjectId: null, teamSpaceIds: [] } });
  });
});
