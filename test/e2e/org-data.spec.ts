import { expect, test } from './fixtures';

const MEMBERS_URL = 'https://app.amplitude.com/analytics/demo-org/settings/members';
const chip = (page: import('@playwright/test').Page) => page.getByRole('status', { name: /Admin Lens is active/ });

test('the extension reads the whole org through the data endpoint and says how fresh it is', async ({ page, consoleDouble }) => {
  await page.goto(MEMBERS_URL);
  await expect(chip(page)).toContainText(/30 members · as of \d\d:\d\d/);
  const operations = consoleDouble.backend.requestLog().map((entry) => entry.operation);
  for (const operation of ['OrgData', 'Users', 'TeamSpaces', 'RbacBatchCheckPermissions', 'OrgSettings', 'TeamsAndSpaces', 'OrgMembers', 'PermissionGroups']) {
    expect(operations).toContain(operation);
  }
});

/** The extension's own `Users` read (one line of query text; the console's page sends its own text). */
const isOurUsersRead = (postData: string | null) => (JSON.parse(postData ?? '{}') as { query?: string }).query?.startsWith('query Users { users {') ?? false;

test('an answer with a renamed field shows an error naming the operation and field, not numbers', async ({ context, page, consoleDouble }) => {
  // Only the extension's reads are altered: the console's own page asks with its own query text.
  await context.route(/\/t\/graphql\/org-url\/demo-org\?q=Users/, async (route) => {
    const request = route.request();
    const answer = await consoleDouble.handle({ method: 'POST', url: request.url(), headers: await request.allHeaders(), body: request.postData() });
    const body = JSON.parse(String(answer.body)) as { data?: { users?: Array<Record<string, unknown>> } };
    if (isOurUsersRead(request.postData())) {
      for (const node of body.data?.users ?? []) {
        node.isPending = node.hasOutstandingInvite;
        delete node.hasOutstandingInvite;
      }
    }
    await route.fulfill({ status: answer.status, headers: answer.headers, body: JSON.stringify(body) });
  });
  await page.goto(MEMBERS_URL);
  const alert = page.getByRole('alert').filter({ hasText: 'Admin Lens could not read the org' });
  await expect(alert).toContainText('Users');
  await expect(alert).toContainText('users[0].hasOutstandingInvite');
  await expect(chip(page)).not.toContainText('members ·');
  await expect(chip(page)).toContainText('no data');
  // The console itself keeps working.
  await expect(page.getByRole('table', { name: 'Joined users' })).toBeVisible();
});

test('the cached picture shows at once, and a failed refresh marks it as not current', async ({ context, page }) => {
  await page.goto(MEMBERS_URL);
  await expect(chip(page)).toContainText('30 members · as of');
  // From now on the extension's people reads meet a server error; the page's own do not.
  await context.route(/\/t\/graphql\/org-url\/demo-org\?q=Users/, async (route) => {
    if (isOurUsersRead(route.request().postData())) await route.fulfill({ status: 503, body: 'Service Unavailable' });
    else await route.fallback();
  });
  await page.reload();
  await expect(chip(page)).toContainText(/last read \d\d:\d\d( [AP]M)?, not current/);
  await expect(chip(page)).not.toContainText("30 members");
  await expect(page.getByRole('alert').filter({ hasText: 'Admin Lens could not read the org' })).toContainText('HTTP 503');
});
