/**
 * Issue 13 in a real Chromium: the double's page calls the [code] operations on load (its resource
 * timing lists them), every data request reaches the double with the page's Origin through
 * Playwright's routing, and the Origin check refuses what does not come from the page.
 */
import { expect, test } from './fixtures';
import { openMembers } from './console-helpers';

const PAGE_ORIGIN = 'https://app.amplitude.com';

/** Operation names of the page's own resource timing entries for the data endpoint (`?q=<Op>`). */
const calledOperations = (page: import('@playwright/test').Page): Promise<string[]> =>
  page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name))
      .filter((url) => url.pathname.startsWith('/t/graphql/'))
      .map((url) => url.searchParams.get('q') ?? ''),
  );

test.describe('the page alone', () => {
  test.use({ extension: false });

  test('calls OrgData, Users, TeamSpaces and RbacBatchCheckPermissions on load, with its Origin', async ({ page, consoleDouble }) => {
    const origins = new Set<string>();
    const handle = consoleDouble.handle;
    consoleDouble.handle = (request) => {
      if (new URL(request.url).pathname.startsWith('/t/graphql/')) origins.add(request.headers.origin ?? request.headers.Origin ?? '(none)');
      return handle(request);
    };
    await openMembers(page);
    const called = await calledOperations(page);
    for (const operation of ['OrgData', 'Users', 'TeamSpaces', 'RbacBatchCheckPermissions']) expect(called).toContain(operation);
    expect(called[0]).toBe('OrgData'); // the id comes from it
    // Playwright's routing hands the double the Origin the browser sent, and the check passes it.
    expect([...origins]).toEqual([PAGE_ORIGIN]);
    const log = consoleDouble.backend.requestLog();
    expect(log.filter((entry) => entry.status !== 200)).toEqual([]);
    expect(log.map((entry) => entry.operation)).toEqual(expect.arrayContaining(['OrgData', 'Users', 'TeamSpaces', 'RbacBatchCheckPermissions']));
  });

  test('keeps working when operations are unknown to the server (the fault spares the page)', async ({ page, consoleDouble }) => {
    consoleDouble.backend.setFaults({ unknownOperations: ['OrgMembers', 'PermissionGroups', 'GlobalSearch', 'Users'] });
    await openMembers(page);
    await expect(page.getByRole('table', { name: 'Joined users' }).getByRole('row').filter({ hasText: 'Grace Liu' })).toBeVisible();
  });
});

test.describe('with the extension', () => {
  test("the content script's reads pass the Origin check, the service worker's fetch is refused", async ({ page, consoleDouble, serviceWorker }) => {
    await page.goto('https://app.amplitude.com/analytics/demo-org/settings/members');
    await expect(page.getByRole('status', { name: /Admin Lens is active/ })).toContainText(/30 members/);
    expect(consoleDouble.backend.requestLog().filter((entry) => entry.status === 403)).toEqual([]);

    const answer = await serviceWorker.evaluate(async () => {
      const response = await fetch('https://app.amplitude.com/t/graphql/org-url/demo-org?q=Users', {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json', 'x-org': '412345' },
        body: JSON.stringify({ operationName: 'Users', variables: {}, query: 'query Users { users { id } }' }),
      });
      return { status: response.status, body: (await response.json()) as unknown };
    });
    expect(answer).toEqual({ status: 403, body: { errors: [{ message: 'Origin not allowed', extensions: { code: 'FORBIDDEN' } }] } });
  });
});
