// @vitest-environment node
import { describe, it, expect } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadSeed } from '../seeds';
import { createConsoleDouble, type ConsoleDouble, type DoubleResponse } from './double';

const APP = 'https://app.amplitude.com';

function builtDist(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'double-dist-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Console double</title><div id="root"></div>');
  writeFileSync(path.join(dir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(dir, 'assets', 'app.css'), 'body{}');
  writeFileSync(path.join(dir, 'favicon.svg'), '<svg/>');
  return dir;
}

const bodyText = (response: DoubleResponse) => (typeof response.body === 'string' ? response.body : Buffer.from(response.body).toString('utf8'));
const bodyJson = (response: DoubleResponse) => JSON.parse(bodyText(response));
const cookieValue = (response: DoubleResponse) => /amp_session=([^;]+)/.exec(response.headers['set-cookie'] ?? '')?.[1] ?? null;

/** A call as the page makes it: its origin in the address and in the Origin header (unless `originHeader` says otherwise). */
function api(
  double: ConsoleDouble,
  operation: string,
  variables: unknown = {},
  options: { cookie?: string | null; xOrg?: string | null; orgUrl?: string; orgId?: string; q?: string; origin?: string; originHeader?: string | null } = {},
) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const originHeader = options.originHeader === undefined ? (options.origin ?? APP) : options.originHeader;
  if (originHeader !== null) headers.Origin = originHeader;
  const cookie = options.cookie === undefined ? double.sessionCookie().value : options.cookie;
  if (cookie !== null) headers.Cookie = `other=1; amp_session=${cookie}`;
  const xOrg = options.xOrg === undefined ? String(double.backend.org().id) : options.xOrg;
  if (xOrg !== null) headers['X-Org'] = xOrg;
  return double.handle({
    method: 'POST',
    url: `${options.origin ?? APP}/t/graphql/${options.orgId !== undefined ? `org/${options.orgId}` : `org-url/${options.orgUrl ?? double.backend.org().url}`}?q=${options.q ?? operation}`,
    headers,
    body: JSON.stringify({ operationName: operation, variables, query: `query ${operation} { ... }` }),
  });
}

const control = (double: ConsoleDouble, method: string, route: string, body?: unknown) =>
  double.handle({ method, url: `http://localhost:4173/__double/${route}`, headers: {}, body: body === undefined ? null : JSON.stringify(body) });

describe('data endpoint', () => {
  it('answers 401 without a session cookie', async () => {
    const double = createConsoleDouble();
    const response = await api(double, 'OrgSettings', {}, { cookie: null });
    expect(response.status).toBe(401);
    expect(bodyJson(response)).toEqual({ errors: [{ message: 'Not signed in', extensions: { code: 'UNAUTHENTICATED' } }] });
    expect(await api(double, 'OrgSettings', {}, { cookie: 'forged' })).toMatchObject({ status: 401 });
  });

  it('answers data with a valid session, on any host', async () => {
    const double = createConsoleDouble();
    for (const origin of [APP, 'https://app.eu.amplitude.com', 'http://localhost:4173']) {
      const response = await api(double, 'MemberCounts', {}, { origin });
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/application\/json/);
      expect(bodyJson(response)).toEqual({ data: { total: 30, joined: 24, pending: 6, requestingAccess: 2 } });
    }
  });

  it('answers refusals as 200 with errors', async () => {
    const double = createConsoleDouble();
    const response = await api(double, 'RemoveMembers', { memberIds: ['u-1'], transferToMemberId: null });
    expect(response.status).toBe(200);
    expect(bodyJson(response).errors[0].extensions.code).toBe('CANNOT_REMOVE_SELF');
  });

  it('checks x-org, the org url, ?q= and the operation name', async () => {
    const double = createConsoleDouble();
    const wrongOrg = await api(double, 'Projects', {}, { xOrg: '1' });
    expect(wrongOrg.status).toBe(403);
    expect(bodyJson(wrongOrg).errors[0].message).toMatch(/x-org 1 does not match/);
    expect((await api(double, 'Projects', {}, { xOrg: null })).status).toBe(403);
    // the org id is learned from OrgData (and, for older clients, OrgSettings), so they may come without x-org
    expect((await api(double, 'OrgData', { product: 'analytics' }, { xOrg: null })).status).toBe(200);
    expect((await api(double, 'OrgSettings', {}, { xOrg: null })).status).toBe(200);
    expect((await api(double, 'Users', {}, { xOrg: null })).status).toBe(403);
    expect((await api(double, 'OrgData', {}, { xOrg: '1' })).status).toBe(403);

    const wrongUrl = await api(double, 'Projects', {}, { orgUrl: 'other-org' });
    expect(wrongUrl.status).toBe(404);
    expect(bodyJson(wrongUrl).errors[0].message).toMatch(/other-org/);

    const mismatch = await api(double, 'Projects', {}, { q: 'OrgSettings' });
    expect(mismatch.status).toBe(400);
    expect(bodyJson(mismatch).errors[0].message).toMatch(/q=OrgSettings.*Projects/);

    const unknown = await api(double, 'DeleteEverything');
    expect(unknown.status).toBe(400);
    expect(bodyJson(unknown).errors[0].message).toContain('DeleteEverything');

    const get = await double.handle({ method: 'GET', url: `${APP}/t/graphql/org-url/demo-org?q=Projects`, headers: {}, body: null });
    expect(get.status).toBe(405);
    const broken = await double.handle({ method: 'POST', url: `${APP}/t/graphql/org-url/demo-org?q=Projects`, headers: { cookie: `amp_session=${double.sessionCookie().value}`, 'x-org': '412345', origin: APP }, body: '{nope' });
    expect(broken.status).toBe(400);
  });

  it('refuses a POST with a foreign or missing Origin (403), before anything else', async () => {
    const double = createConsoleDouble();
    const refusedBody = { errors: [{ message: 'Origin not allowed', extensions: { code: 'FORBIDDEN' } }] };
    for (const originHeader of ['chrome-extension://abcdefghijklmnop', 'moz-extension://1234', 'https://evil.example', 'https://app.eu.amplitude.com', 'http://app.amplitude.com', 'null', null]) {
      const response = await api(double, 'Users', {}, { originHeader });
      expect(response.status, String(originHeader)).toBe(403);
      expect(bodyJson(response)).toEqual(refusedBody);
    }
    // before the session, the org, x-org and the body are looked at
    expect(bodyJson(await api(double, 'Nope', {}, { originHeader: 'https://evil.example', cookie: null, xOrg: '1', orgUrl: 'other' }))).toEqual(refusedBody);
    double.backend.setFaults({ serverErrorRate: 1 });
    expect((await api(double, 'Users', {}, { originHeader: null })).status).toBe(403);
    double.backend.clearFaults();
    // the page's own origin passes, on every host and on both paths
    expect((await api(double, 'Users', {}, { originHeader: APP })).status).toBe(200);
    expect((await api(double, 'Users', {}, { origin: 'https://app.eu.amplitude.com' })).status).toBe(200);
    expect((await api(double, 'Users', {}, { origin: 'http://localhost:4173' })).status).toBe(200);
    expect((await api(double, 'Users', {}, { orgId: '412345' })).status).toBe(200);
    expect((await api(double, 'Users', {}, { orgId: '412345', originHeader: 'https://evil.example' })).status).toBe(403);
    // nothing was done for the refused calls, and they are logged with their status
    expect(double.backend.requestLog().filter((entry) => entry.status === 403)).toHaveLength(10);
  });

  it('leaves in-process calls alone (no Origin there)', () => {
    const double = createConsoleDouble();
    expect(double.backend.call('Users', {}).users).toHaveLength(30);
    expect(double.backend.execute('OrgData', {}).kind).toBe('data');
  });

  it('answers with the org named by its id, with the same checks, and 404 for another id', async () => {
    const double = createConsoleDouble();
    const byId = await api(double, 'MemberCounts', {}, { orgId: '412345' });
    expect(byId.status).toBe(200);
    expect(bodyJson(byId)).toEqual({ data: { total: 30, joined: 24, pending: 6, requestingAccess: 2 } });
    expect((await api(double, 'OrgSettings', {}, { orgId: '412345', xOrg: null })).status).toBe(200);

    const otherId = await api(double, 'MemberCounts', {}, { orgId: '412346' });
    expect(otherId.status).toBe(404);
    expect(bodyJson(otherId).errors[0].message).toMatch(/412346.*412345/);
    expect((await api(double, 'MemberCounts', {}, { orgId: 'demo-org' })).status).toBe(404);
    expect((await api(double, 'Projects', {}, { orgId: '412345', xOrg: '1' })).status).toBe(403);
    expect((await api(double, 'Projects', {}, { orgId: '412345', xOrg: null })).status).toBe(403);
    expect((await api(double, 'Projects', {}, { orgId: '412345', cookie: null })).status).toBe(401);
    expect((await api(double, 'Projects', {}, { orgId: '412345', q: 'OrgSettings' })).status).toBe(400);
    expect((await double.handle({ method: 'GET', url: `${APP}/t/graphql/org/412345?q=Projects`, headers: {}, body: null })).status).toBe(405);

    // The same operation by url and by id changes the same org.
    const removed = await api(double, 'RemoveMembers', { memberIds: ['u-19'], transferToMemberId: null }, { orgId: '412345' });
    expect(bodyJson(removed).data).toBeDefined();
    expect(double.backend.mutations()).toHaveLength(1);
  });

  it('logs every API request by operation name and status', async () => {
    const double = createConsoleDouble();
    await api(double, 'OrgSettings', {}, { xOrg: null });
    await api(double, 'OrgMembers', { status: 'joined' });
    await api(double, 'OrgMembers', { status: 'pending' }, { cookie: null });
    expect(double.backend.requestLog()).toEqual([
      { seq: 1, operation: 'OrgSettings', status: 200 },
      { seq: 2, operation: 'OrgMembers', status: 200 },
      { seq: 3, operation: 'OrgMembers', status: 401 },
    ]);
    expect(bodyJson(await control(double, 'GET', 'requests'))).toHaveLength(3);
  });
});

describe('pages and assets', () => {
  it('serves index.html for page paths and signs the browser in', async () => {
    const double = createConsoleDouble({ distDir: builtDist() });
    for (const pagePath of ['/', '/analytics/demo-org/settings/members', '/analytics/org/412345/settings/members', '/demo-org/settings/members', '/login', '/analytics/demo-org/settings/projects?x=1']) {
      const response = await double.handle({ method: 'GET', url: `${APP}${pagePath}`, headers: {}, body: null });
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/text\/html/);
      expect(bodyText(response)).toContain('Console double');
      expect(response.headers['set-cookie']).toMatch(/^amp_session=[^;]+; Path=\/; HttpOnly; SameSite=Lax; Secure$/);
    }
    const page = await double.handle({ method: 'GET', url: `http://localhost:4173/analytics/demo-org/settings/members`, headers: {}, body: null });
    expect(page.headers['set-cookie']).not.toContain('Secure'); // plain http
    const token = cookieValue(page)!;
    expect((await api(double, 'OrgSettings', {}, { cookie: token })).status).toBe(200);
    // a page load with a valid session keeps it
    const again = await double.handle({ method: 'GET', url: `${APP}/analytics/demo-org/settings/members`, headers: { cookie: `amp_session=${token}` }, body: null });
    expect(again.headers['set-cookie']).toBeUndefined();
  });

  it('serves assets with their content type, and 404 for missing files', async () => {
    const double = createConsoleDouble({ distDir: builtDist() });
    const js = await double.handle({ method: 'GET', url: `${APP}/assets/app.js`, headers: {}, body: null });
    expect(js).toMatchObject({ status: 200, headers: { 'content-type': 'text/javascript; charset=utf-8' } });
    expect(bodyText(js)).toBe('console.log(1)');
    expect((await double.handle({ method: 'GET', url: `${APP}/assets/app.css`, headers: {}, body: null })).headers['content-type']).toMatch(/text\/css/);
    expect((await double.handle({ method: 'GET', url: `${APP}/favicon.svg`, headers: {}, body: null })).headers['content-type']).toBe('image/svg+xml');
    expect((await double.handle({ method: 'GET', url: `${APP}/assets/missing.js`, headers: {}, body: null })).status).toBe(404);
    expect((await double.handle({ method: 'GET', url: `${APP}/assets/%2e%2e/%2e%2e/package.json`, headers: {}, body: null })).status).toBe(404);
    expect((await double.handle({ method: 'POST', url: `${APP}/analytics/demo-org`, headers: {}, body: null })).status).toBe(405);
  });

  it('says how to build when the page is not built', async () => {
    const double = createConsoleDouble({ distDir: mkdtempSync(path.join(tmpdir(), 'empty-dist-')) });
    const response = await double.handle({ method: 'GET', url: `${APP}/analytics/demo-org/settings/members`, headers: {}, body: null });
    expect(response.status).toBe(503);
    expect(bodyText(response)).toBe('The console double is not built. Run: npm run build:console');
  });
});

describe('sessions', () => {
  it('expires every session on the sessionExpired fault until a new page load', async () => {
    const double = createConsoleDouble({ distDir: builtDist() });
    const old = double.sessionCookie().value;
    expect((await api(double, 'Projects', {}, { cookie: old })).status).toBe(200);
    await control(double, 'POST', 'faults', { sessionExpired: true });
    expect((await api(double, 'Projects', {}, { cookie: old })).status).toBe(401);
    expect((await api(double, 'Projects', {}, { cookie: old })).status).toBe(401);
    const reload = await double.handle({ method: 'GET', url: `${APP}/analytics/demo-org/settings/members`, headers: { cookie: `amp_session=${old}` }, body: null });
    const fresh = cookieValue(reload);
    expect(fresh).not.toBeNull();
    expect(fresh).not.toBe(old);
    expect((await api(double, 'Projects', {}, { cookie: fresh })).status).toBe(200);
  });

  it('signs in as another member through the control API', async () => {
    const double = createConsoleDouble();
    const old = double.sessionCookie().value;
    const response = await control(double, 'POST', 'sign-in', { memberId: 'u-10' });
    expect(response.status).toBe(200);
    const { cookie } = bodyJson(response);
    expect(cookie.name).toBe('amp_session');
    expect(response.headers['set-cookie']).toContain(cookie.value);
    expect((await api(double, 'OrgSettings', {}, { cookie: old })).status).toBe(401);
    expect(bodyJson(await api(double, 'OrgSettings', {}, { cookie: cookie.value })).data.viewer.id).toBe('u-10');
    expect(double.sessionCookie().value).toBe(cookie.value);
    expect((await control(double, 'POST', 'sign-in', { memberId: 'u-25' })).status).toBe(400); // pending
    expect((await control(double, 'POST', 'sign-in', { memberId: 'u-404' })).status).toBe(400);
  });
});

describe('control API', () => {
  it('sets a member\'s last active, so a recipient can become inactive mid-run', async () => {
    const double = createConsoleDouble();
    const grace = { memberIds: ['u-5'], transferToMemberId: 'u-10' };
    const old = new Date(Date.now() - 60 * 86_400_000).toISOString();
    const response = await control(double, 'POST', 'members/last-active', { email: 'ethan.brooks@lumenfield.example', lastActiveAt: old });
    expect(response.status).toBe(200);
    expect(bodyJson(response).memberId).toBe('u-10');
    expect(bodyJson(await api(double, 'RemoveMembers', grace)).errors[0].extensions.code).toBe('RECIPIENT_INACTIVE');
    expect(double.backend.setLastActive('ethan.brooks@lumenfield.example', new Date().toISOString())).toBe('u-10');
    expect(bodyJson(await api(double, 'RemoveMembers', grace)).data).toBeTruthy();
    expect((await control(double, 'POST', 'members/last-active', { email: 'nobody@lumenfield.example', lastActiveAt: null })).status).toBe(400);
    expect((await control(double, 'POST', 'members/last-active', { email: 'ryan.patel@lumenfield.example', lastActiveAt: null })).status).toBe(400); // pending
    expect((await control(double, 'POST', 'members/last-active', { email: 'ethan.brooks@lumenfield.example', lastActiveAt: 'yesterday' })).status).toBe(400);
  });

  it('resets to a bundled seed, seed data or a seed file, and refuses bad seeds naming the field', async () => {
    const double = createConsoleDouble();
    await api(double, 'RemoveMembers', { memberIds: ['u-5'], transferToMemberId: null });
    expect(double.backend.mutations()).toHaveLength(1);

    expect(bodyJson(await control(double, 'POST', 'reset', { seed: 'org-level' }))).toMatchObject({ ok: true, org: { url: 'classic-org' } });
    expect(double.backend.mutations()).toEqual([]);

    const data = loadSeed('sole-admin');
    await control(double, 'POST', 'reset', { seedData: data });
    expect(double.backend.org().url).toBe('solo-org');

    const file = path.join(mkdtempSync(path.join(tmpdir(), 'seed-')), 'org.json');
    writeFileSync(file, JSON.stringify({ ...data, org: { ...data.org, url: 'from-file' } }));
    await control(double, 'POST', 'reset', { seedFile: file });
    expect(double.backend.org().url).toBe('from-file');

    const bad = await control(double, 'POST', 'reset', { seedData: { ...data, members: [{ ...data.members[0], email: 'nope' }] } });
    expect(bad.status).toBe(400);
    expect(bodyJson(bad).error).toMatch(/members\[0\]\.email/);
    expect(double.backend.org().url).toBe('from-file'); // unchanged
    expect((await control(double, 'POST', 'reset', { seed: 'nope' })).status).toBe(400);

    // a reset ends sessions like a fresh server: the next page load signs in again
    const before = double.sessionCookie().value;
    await control(double, 'POST', 'reset', {});
    expect(double.backend.org().url).toBe('from-file'); // {} reloads the current seed
    expect(double.backend.sessionMember(before)).toBeNull();
  });

  it('shows the state and the mutation log', async () => {
    const double = createConsoleDouble();
    await api(double, 'RemoveMembers', { memberIds: ['u-5'], transferToMemberId: null });
    const state = bodyJson(await control(double, 'GET', 'state'));
    expect(state.unassignedContent).toEqual({ charts: 48, dashboards: 12, cohorts: 9, notebooks: 4 });
    expect(state.members).toHaveLength(29);
    const log = bodyJson(await control(double, 'GET', 'mutations'));
    expect(log).toMatchObject([{ seq: 1, operation: 'RemoveMembers', actorId: 'u-1', result: { removed: ['u-5'] } }]);
    await api(double, 'RemoveMembers', { memberIds: ['u-1'], transferToMemberId: null });
    expect(bodyJson(await control(double, 'GET', 'refusals'))).toMatchObject([{ operation: 'RemoveMembers', reason: 'refused' }]);
    expect(bodyJson(await control(double, 'GET', 'mutations'))).toHaveLength(1);

    // the state loads back as a seed
    await api(double, 'InviteUsers', { invites: [{ email: 'back@lumenfield.example', teamId: 't-eng' }], groupIds: ['g-1'] });
    const saved = double.backend.state();
    expect((await control(double, 'POST', 'reset', { seedData: saved })).status).toBe(200);
    expect(double.backend.state().members.map((m) => m.id)).toEqual(saved.members.map((m) => m.id));
  });

  it('validates knob bodies and lists its routes', async () => {
    const double = createConsoleDouble();
    expect((await control(double, 'POST', 'faults', { failNthMutaton: 1 })).status).toBe(400); // typo
    expect((await control(double, 'POST', 'faults', { serverErrorRate: 2 })).status).toBe(400);
    expect((await control(double, 'POST', 'latency', { ms: -1 })).status).toBe(400);
    expect((await control(double, 'POST', 'reset', '{')).status).toBe(400);
    expect(bodyJson(await control(double, 'GET', '')).routes.length).toBeGreaterThan(5);
    expect((await control(double, 'GET', 'nothing')).status).toBe(404);
  });
});
