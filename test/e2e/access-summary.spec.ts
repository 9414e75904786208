/**
 * The access summary panel, the Groups-tab escalation notes and the access review export, checked
 * against the engine run here on the double's own state (independent of what the extension read).
 */
// First: the engine's sentences come from the i18n messages (see the file).
import './support/node-i18n';
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { computeAccessReport } from '../../utils/access/engine';
import * as permissionFindings from '../../utils/access/permission-findings';
import type { OrgSnapshot } from '../../utils/access/model';
import { snapshotOfDouble } from '../support/double-snapshot';
import { escalationsByGroup, summarizeOrg } from '../../utils/access/org-summary';
import type { AccessReport, ProjectAccess } from '../../utils/access/report';
import { permissionModelOf } from '../../utils/access/permission-union';
import { holdsCustomRole } from '../../utils/access/custom-roles';
import type { ConsoleDouble } from '../console/server/double';
import { expect, test } from './fixtures';
import { setExtensionClock } from './support/extension-clock';

const MEMBERS_URL = 'https://app.amplitude.com/analytics/demo-org/settings/members';
const panel = (page: Page) => page.getByRole('region', { name: 'Admin Lens access summary' });
const toggle = (page: Page) => panel(page).getByRole('button', { name: 'Access summary' });

/** The double's org as our model, built straight from its state. */
const snapshotOf = (consoleDouble: ConsoleDouble): OrgSnapshot => snapshotOfDouble(consoleDouble.backend.state());

function engineReport(consoleDouble: ConsoleDouble): { snapshot: OrgSnapshot; report: AccessReport } {
  const snapshot = snapshotOf(consoleDouble);
  // Judged at the double's `now`; a test comparing ages pins the extension's clock there too. With the
  // permission rules, as the extension computes an org with custom roles (RBAC).
  return { snapshot, report: computeAccessReport(snapshot, { now: consoleDouble.backend.state().now }, permissionFindings) };
}

/** Reads the CSV back with an independent parser (papaparse), as a spreadsheet would. */
function parseCsv(text: string): string[][] {
  return Papa.parse<string[]>(text, { delimiter: ',', skipEmptyLines: true }).data;
}

async function downloadCsv(page: Page): Promise<{ fileName: string; rows: string[][] }> {
  const downloading = page.waitForEvent('download');
  await panel(page).getByRole('button', { name: 'Export CSV' }).click();
  const download = await downloading;
  const text = readFileSync(await download.path(), 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  return { fileName: download.suggestedFilename(), rows: parseCsv(text.slice(1)) };
}

test('the panel shows the engine counts and lists who is escalated through groups', async ({ page, consoleDouble, extensionId }) => {
  const summary = summarizeOrg(engineReport(consoleDouble).report);
  // Stale invites are counted by age: the extension's clock at the same moment as the engine's.
  await setExtensionClock(page, extensionId, Date.parse(consoleDouble.backend.state().now));
  await page.goto(MEMBERS_URL);
  await expect(panel(page)).toContainText(/as of \d\d:\d\d/);
  const labels = { admin: 'Admin', manager: 'Manager', member: 'Member', viewer: 'Viewer', no_access: 'No access' } as const;
  for (const { role, people } of summary.byRole) {
    await expect(panel(page).getByRole('button', { name: `${labels[role]}: ${people.length}`, exact: true })).toBeVisible();
  }
  expect(summary.byRole.find((entry) => entry.role === 'admin')?.people).toHaveLength(2);
  // Custom roles have no rank: their holders are a figure of their own, not under a stand-in role.
  expect(summary.customRoles.map((person) => person.name)).toContain('Zara Ahmed');
  await expect(panel(page).getByRole('button', { name: `Custom roles: ${summary.customRoles.length}`, exact: true })).toBeVisible();
  await expect(panel(page).getByRole('button', { name: `Pending invites: ${summary.pending.length}` })).toBeVisible();
  await expect(panel(page).getByRole('button', { name: `Stale invites: ${summary.staleInvites.length}` })).toBeVisible();
  expect(summary.staleInvites.length).toBeGreaterThan(0);

  const escalated = panel(page).getByRole('button', { name: `Escalated through groups: ${summary.escalated.length}` });
  await escalated.click();
  await expect(escalated).toHaveAttribute('aria-pressed', 'true');
  const list = panel(page).getByRole('region', { name: 'People: Escalated through groups' });
  await expect(list).toContainText('Priya Natarajan');
  await expect(list).toContainText('priya.natarajan@lumenfield.example');
  await expect(list.getByRole('listitem')).toHaveCount(summary.escalated.length);

  // The panel sits in the Users tab panel, above the table, and leaves with the Groups tab.
  await page.getByRole('tab', { name: 'Groups' }).click();
  await expect(panel(page)).toHaveCount(0);
  await page.getByRole('tab', { name: 'Users' }).click();
  await expect(panel(page)).toBeVisible();
});

test('collapsing the panel is remembered across a reload', async ({ page }) => {
  await page.goto(MEMBERS_URL);
  await expect(toggle(page)).toHaveAttribute('aria-expanded', 'true');
  await expect(panel(page).getByRole('button', { name: /^Admin: / })).toBeVisible();
  await toggle(page).click();
  await expect(toggle(page)).toHaveAttribute('aria-expanded', 'false');
  await expect(panel(page).getByRole('button', { name: /^Admin: / })).toBeHidden();
  await page.reload();
  await expect(toggle(page)).toHaveAttribute('aria-expanded', 'false');
  await expect(panel(page).getByRole('button', { name: /^Admin: / })).toBeHidden();
  await toggle(page).click();
  await expect(panel(page).getByRole('button', { name: /^Admin: / })).toBeVisible();
});

test('a failed refresh replaces the numbers with a banner naming the error', async ({ context, page }) => {
  await page.goto(MEMBERS_URL);
  await expect(panel(page).getByRole('button', { name: /^Admin: 2$/ })).toBeVisible();
  // From now on the extension's reads of the people fail (its query text is one line; the page's
  // own is not); without the people nothing is current.
  await context.route(/\/t\/graphql\/org-url\/demo-org\?q=Users/, async (route) => {
    const query = (JSON.parse(route.request().postData() ?? '{}') as { query?: string }).query ?? '';
    if (!query.includes('\n')) await route.fulfill({ status: 503, body: 'Service Unavailable' });
    else await route.fallback();
  });
  await panel(page).getByRole('button', { name: 'Refresh' }).click();
  const banner = panel(page).getByRole('alert');
  await expect(banner).toContainText('not current');
  await expect(banner).toContainText('HTTP 503');
  await expect(panel(page).getByRole('button', { name: /^Admin: / })).toHaveCount(0);
  await expect(panel(page).getByRole('button', { name: 'Export CSV' })).toBeDisabled();
  await expect(panel(page)).toContainText(/last read \d\d:\d\d( [AP]M)?, not current/);
});

test('the Groups tab says whom each group escalates and to what, through search', async ({ page, consoleDouble }) => {
  const { snapshot, report } = engineReport(consoleDouble);
  const leads = snapshot.groups.find((group) => group.name === 'Engineering Leads');
  const expected = leads ? escalationsByGroup(report, snapshot.groups).get(leads.id) : undefined;
  expect(expected?.memberIds.length).toBeGreaterThan(0);
  expect(expected?.roles).toEqual(['manager']);
  const count = expected?.memberIds.length ?? 0;

  await page.goto(`${MEMBERS_URL}?tab=groups`);
  const table = page.getByRole('table', { name: 'Groups' });
  const row = table.getByRole('row').filter({ hasText: 'Engineering Leads' });
  await expect(row.getByText(`Escalates ${count} ${count === 1 ? 'member' : 'members'} to Manager`)).toBeVisible();
  // Every group row gets exactly one note.
  const rows = table.getByRole('row').filter({ has: page.getByRole('checkbox') });
  await expect(rows).toHaveCount(snapshot.groups.length);
  await expect(table.getByText(/^Escalates /)).toHaveCount(snapshot.groups.length);
  // A group that escalates by permissions (a custom role beyond the person's own) is counted too, with the role's name.
  const guild = snapshot.groups.find((group) => group.name === 'Insights Guild');
  const byPermissions = guild ? escalationsByGroup(report, snapshot.groups).get(guild.id) : undefined;
  const guildCount = byPermissions?.memberIds.length ?? 0;
  expect(guildCount).toBeGreaterThan(0);
  await expect(table.getByRole('row').filter({ hasText: 'Insights Guild' }).getByText(`Escalates ${guildCount} ${guildCount === 1 ? 'member' : 'members'} to Marketing`)).toBeVisible();

  // Search narrows the table; the note stays with its row; sorting moves it along.
  await page.getByRole('searchbox', { name: 'Search groups' }).fill('Leads');
  await expect(rows).toHaveCount(1);
  await expect(table.getByText(/^Escalates /)).toHaveCount(1);
  await page.getByRole('searchbox', { name: 'Search groups' }).fill('');
  await expect(rows).toHaveCount(snapshot.groups.length);
  await table.getByRole('button', { name: /GROUP NAME/ }).click();
  await expect(table.getByText(/^Escalates /)).toHaveCount(snapshot.groups.length);
  await expect(row.getByText(`Escalates ${count}`)).toBeVisible();
});

test('the CSV and JSON exports match the engine report for the demo seed', async ({ page, consoleDouble }) => {
  const { snapshot, report } = engineReport(consoleDouble);
  await page.goto(MEMBERS_URL);
  await expect(panel(page).getByRole('button', { name: /^Admin: 2$/ })).toBeVisible();

  const { fileName, rows } = await downloadCsv(page);
  expect(fileName).toMatch(/^admin-lens-access-review-demo-org-\d{4}-\d{2}-\d{2}\.csv$/);
  const [header, ...body] = rows;
  expect(header).toEqual(['email', 'name', 'status', 'org role', 'project', 'effective role', 'sources', 'deciding source', 'finding codes', 'findings']);
  expect(body).toHaveLength(report.members.size * report.projects.length);
  const col = (name: string) => header?.indexOf(name) ?? -1;
  const priya = body.find((line) => line[col('email')] === 'priya.natarajan@lumenfield.example' && line[col('project')] === 'Web App (Production)');
  expect(priya?.[col('effective role')]).toBe('Manager');
  expect(priya?.[col('deciding source')]).toBe('Group Engineering Leads: Manager');
  expect(priya?.[col('sources')]).toContain('Direct: Viewer');
  expect(priya?.[col('finding codes')]).toContain('escalated-through-group');
  // Every cell agrees with the engine's effective role.
  const projectByName = new Map(snapshot.projects.map((project) => [project.name, project.id]));
  const memberByEmail = new Map(snapshot.members.map((member) => [member.email, member.id]));
  const label = { no_access: 'No Access', viewer: 'Viewer', member: 'Member', manager: 'Manager', admin: 'Admin' } as const;
  const model = permissionModelOf(snapshot);
  const unionLabel = (access: ProjectAccess) =>
    model.cellPermissions(access).shown.map((held) => (held.custom ? held.custom.name : label[held.role])).join(' + ');
  for (const line of body) {
    const access = report.accessOf(memberByEmail.get(line[col('email')] ?? '') ?? '', projectByName.get(line[col('project')] ?? '') ?? '');
    // A custom role (RBAC) has no rank: the covering role or the roles combined, as the engine's union says.
    const expected = !access ? 'missing' : holdsCustomRole(access) ? unionLabel(access) : label[access.role];
    expect(line[col('effective role')]).toBe(expected);
  }
  // The demo's custom-role cells were among them (Zara: Analyst directly, Marketing through a group).
  expect(body.find((line) => line[col('name')] === 'Zara Ahmed' && line[col('project')] === 'Web App (Production)')?.[col('effective role')]).toBe('Analyst + Marketing');

  const downloading = page.waitForEvent('download');
  await panel(page).getByRole('button', { name: 'Export JSON' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^admin-lens-access-review-demo-org-\d{4}-\d{2}-\d{2}\.json$/);
  const json = JSON.parse(readFileSync(await download.path(), 'utf8')) as { rowCount: number; org: { url: string }; rows: unknown[] };
  expect(json.org.url).toBe('demo-org');
  expect(json.rowCount).toBe(report.members.size * report.projects.length);
  expect(json.rows).toHaveLength(json.rowCount);
});

test.describe('a seed whose names look like formulas', () => {
  test.use({ seed: 'test/e2e/seeds/formula.json' });

  test('the export neutralises every cell a spreadsheet would run', async ({ page }) => {
    await page.goto(MEMBERS_URL);
    await expect(panel(page).getByRole('button', { name: /^Admin: 2$/ })).toBeVisible();
    const { rows } = await downloadCsv(page);
    const cells = rows.flat();
    expect(cells).toContain(`'=HYPERLINK("http://x")`);
    expect(cells).toContain(`'+Samuel, "Sam" Adeyemi`);
    expect(cells).toContain(`'@Hannah -Schmidt`);
    expect(cells.some((cell) => cell.includes("Group -Marketing Team: "))).toBe(true);
    for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    // The panel shows the name as text.
    await panel(page).getByRole('button', { name: /^Manager: / }).click();
    await expect(panel(page).getByRole('region', { name: /^People: / })).toContainText('=HYPERLINK("http://x")');
  });
});

test.describe('an org with a single Admin', () => {
  test.use({ seed: 'sole-admin' });

  test('the panel warns that there is only one Admin', async ({ page, consoleDouble }) => {
    await page.goto(`https://app.amplitude.com/analytics/${consoleDouble.backend.state().org.url}/settings/members`);
    await expect(panel(page).getByRole('button', { name: 'Admin: 1', exact: true })).toBeVisible();
    await expect(panel(page)).toContainText('is the only Admin of this org');
    await expect(panel(page)).toContainText('Make a second trusted person Admin.');
  });
});
