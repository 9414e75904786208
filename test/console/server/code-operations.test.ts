// @vitest-environment node
/** The [code] operations (console-reference.md, section 7) as the double answers them, in-process. */
import { describe, it, expect } from 'vitest';
import { CONTENT_COUNT_OF_TYPE, CONTENT_TYPES, OPERATIONS, type ContentType } from '../shared/operations';
import { ORG_ROLE_CODE, orgRoleOfCode } from '../shared/org-role-codes';
import { backendWith, expectCodes, member } from './test-support';
import type { Backend } from './backend';

const DEMO_MEMBERS = 30;

describe('orgRole numbers', () => {
  it('4 is Admin [code]; the guessed numbers are distinct and map back', () => {
    expect(ORG_ROLE_CODE.admin).toBe(4);
    expect(new Set(Object.values(ORG_ROLE_CODE)).size).toBe(Object.keys(ORG_ROLE_CODE).length);
    expect(orgRoleOfCode(4)).toBe('admin');
    expect(orgRoleOfCode(0)).toBe('user');
    expect(orgRoleOfCode(7)).toBeNull();
  });
});

describe('OrgData', () => {
  it('gives the org, its projects as apps and the signed-in user', () => {
    const backend = backendWith('demo');
    const data = backend.call('OrgData', { product: 'analytics' });
    expect(data.apps).toHaveLength(8);
    expect(data.apps[0]).toEqual({ id: 'p-1', name: 'Web App (Production)' });
    expect(data.currentUser).toEqual({ loginId: 'maya.okafor@lumenfield.example', email: 'maya.okafor@lumenfield.example', fullName: 'Maya Okafor', orgRole: 4 });
    expect(data.org).toMatchObject({ orgId: 412345, name: 'Lumenfield', url: 'demo-org', plan: 'enterprise' });
    expect(Number.isInteger(data.org.createdAt)).toBe(true);
    // Unix seconds, before the double's clock
    expect(data.org.createdAt * 1000).toBeLessThanOrEqual(Date.parse(backend.state().now));
    expect(data.org.createdAt).toBeGreaterThan(1_500_000_000);
    expect(data).toMatchObject({ orgHasAppWithData: true, orgCount: 1, planInfo: { plan: 'enterprise' } });
    expect(Object.keys(data).sort()).toEqual(['apps', 'currentUser', 'org', 'orgCount', 'orgHasAppWithData', 'planInfo']);
  });

  it('answers without variables too, and for whoever is signed in', () => {
    const backend = backendWith('demo');
    expect(backend.call('OrgData', {}).apps).toHaveLength(8);
    expect(backend.call('OrgData', {}, { actorId: 'u-10' }).currentUser).toMatchObject({ loginId: 'ethan.brooks@lumenfield.example', orgRole: ORG_ROLE_CODE.user });
    expect(backendWith('org-level').call('OrgData', {}, { actorId: 'u-2' }).currentUser.orgRole).toBe(ORG_ROLE_CODE.manager);
  });
});

describe('Users', () => {
  it('lists everyone, joined and pending, in one list with pending flagged', () => {
    const backend = backendWith('demo');
    const { users } = backend.call('Users', {});
    expect(users).toHaveLength(DEMO_MEMBERS);
    expect(new Set(users.map((user) => user.id)).size).toBe(DEMO_MEMBERS);
    const pending = users.filter((user) => user.hasOutstandingInvite).map((user) => user.id);
    expect(pending).toEqual(['u-25', 'u-26', 'u-27', 'u-28', 'u-29', 'u-30']);
    expect(users.every((user) => user.loginId === user.email && user.email === user.email.toLowerCase())).toBe(true);
  });

  it('gives each person the [code] fields, with numeric org roles and the team by name', () => {
    const backend = backendWith('demo');
    const byId = new Map(backend.call('Users', {}).users.map((user) => [user.id, user]));
    expect(byId.get('u-1')).toEqual({
      id: 'u-1',
      alias: null,
      avatarVersion: null,
      blurb: null,
      createdAt: Date.parse('2023-12-02T09:30:00.000Z') / 1000,
      defaultAllProjectRole: null,
      defaultAppId: null,
      email: 'maya.okafor@lumenfield.example',
      firstName: 'Maya',
      fullName: 'Maya Okafor',
      hasAvatar: false,
      hasOutstandingInvite: false,
      isConnectedToSlack: false,
      lastName: 'Okafor',
      loginId: 'maya.okafor@lumenfield.example',
      name: 'Maya Okafor',
      orgRole: 4,
      orgTeam: 'Data',
      title: null,
      pronouns: null,
    });
    expect(byId.get('u-2')!.orgRole).toBe(4);
    expect(byId.get('u-3')!.orgRole).toBe(ORG_ROLE_CODE.user);
    expect(byId.get('u-19')!.orgTeam).toBeNull();
    expect(byId.get('u-20')).toMatchObject({ firstName: 'Liam', lastName: "O'Connor" });
    // a pending invitee's name is their email, and they have no first or last name
    expect(byId.get('u-25')).toMatchObject({ name: 'ryan.patel@lumenfield.example', firstName: null, lastName: null, hasOutstandingInvite: true, orgTeam: 'Product' });
  });

  it('gives the org-level roles their numbers', () => {
    const roles = Object.fromEntries(backendWith('org-level').call('Users', {}).users.map((user) => [user.id, user.orgRole]));
    expect(roles).toMatchObject({ 'u-1': 4, 'u-2': ORG_ROLE_CODE.manager, 'u-3': ORG_ROLE_CODE.member, 'u-4': ORG_ROLE_CODE.viewer });
  });

  it('follows invites and removals, with the invite default project as defaultAppId', () => {
    const backend = backendWith('demo');
    backend.call('InviteUsers', { invites: [{ email: 'New.Person@lumenfield.example', teamId: 't-eng' }], projectRoles: [{ projectId: 'p-2', role: 'viewer' }], defaultProjectId: 'p-2' });
    backend.call('RemoveMembers', { memberIds: ['u-19'], transferToMemberId: null });
    const { users } = backend.call('Users', {});
    expect(users).toHaveLength(DEMO_MEMBERS);
    expect(users.some((user) => user.id === 'u-19')).toBe(false);
    expect(users.at(-1)).toMatchObject({ id: 'u-31', loginId: 'new.person@lumenfield.example', hasOutstandingInvite: true, defaultAppId: 'p-2', orgTeam: 'Engineering', orgRole: ORG_ROLE_CODE.user });
    expect(users.at(-1)!.createdAt * 1000).toBe(Math.floor(Date.parse(backend.state().now) / 1000) * 1000);
  });

  it('lists all 5,000 of the large org in one answer', () => {
    const { users } = backendWith('large').call('Users', {});
    expect(users).toHaveLength(5000);
    expect(users.filter((user) => user.orgRole === 4).length).toBeGreaterThanOrEqual(5);
  });
});

describe('TeamSpaces', () => {
  it('lists the team spaces, with item counts only when asked', () => {
    const backend = backendWith('demo');
    const plain = backend.call('TeamSpaces', { fetchItemCountInSpaces: false }).teamSpaces;
    expect(plain.map((space) => space.name)).toEqual(['Engineering Space', 'Product Insights', 'Campaigns', 'Data Team', 'Revenue']);
    expect(plain[0]).toMatchObject({ id: 's-eng', spaceId: 's-eng', orgId: 412345, isArchived: false, isDeleted: false, itemCount: null, public: true });
    const counted = backend.call('TeamSpaces', { fetchItemCountInSpaces: true }).teamSpaces;
    expect(counted.every((space) => Number.isInteger(space.itemCount) && space.itemCount! >= 0)).toBe(true);
    // the same counts on every call
    expect(backend.call('TeamSpaces', { fetchItemCountInSpaces: true }).teamSpaces).toEqual(counted);
  });

  it('needs fetchItemCountInSpaces (Boolean!)', () => {
    expect(expectCodes(backendWith('demo').execute('TeamSpaces', {}), 'BAD_USER_INPUT')[0]!.extensions.field).toBe('fetchItemCountInSpaces');
  });
});

describe('RbacBatchCheckPermissions', () => {
  const check = (backend: Backend, actorId: string, actions: string[], appIds?: (string | number)[]) =>
    backend.call('RbacBatchCheckPermissions', { input: appIds === undefined ? { actions } : { actions, appIds } }, { actorId }).rbacBatchCheckPermissions.results;

  it('answers per action, in order, for the signed-in member', () => {
    const backend = backendWith('demo');
    expect(check(backend, 'u-1', ['INVITE_NEW_USERS', 'REMOVE_USERS', 'DELETE_ORG'])).toEqual([
      { action: 'INVITE_NEW_USERS', allowed: true },
      { action: 'REMOVE_USERS', allowed: true },
      { action: 'DELETE_ORG', allowed: false },
    ]);
    expect(check(backend, 'u-1', [])).toEqual([]);
  });

  it('follows who may invite and remove under the double rules', () => {
    const demo = backendWith('demo');
    // a project Manager (direct on Web App projects) may, a user without Manager anywhere may not
    expect(check(demo, 'u-10', ['INVITE_NEW_USERS'])[0]!.allowed).toBe(true);
    expect(check(demo, 'u-3', ['INVITE_NEW_USERS'])[0]!.allowed).toBe(true); // Manager through Engineering Leads
    expect(check(demo, 'u-19', ['INVITE_NEW_USERS', 'REMOVE_USERS']).map((r) => r.allowed)).toEqual([false, false]);
    expect(check(demo, 'u-9', ['INVITE_NEW_USERS'])[0]!.allowed).toBe(false); // Member and Viewer only
    const orgLevel = backendWith('org-level');
    expect(check(orgLevel, 'u-1', ['INVITE_NEW_USERS'])[0]!.allowed).toBe(true);
    expect(check(orgLevel, 'u-2', ['INVITE_NEW_USERS'])[0]!.allowed).toBe(true);
    expect(check(orgLevel, 'u-3', ['INVITE_NEW_USERS'])[0]!.allowed).toBe(false);
    expect(check(orgLevel, 'u-4', ['REMOVE_USERS'])[0]!.allowed).toBe(false);
  });

  it('narrows to the given projects (ids as strings or numbers)', () => {
    const demo = backendWith('demo');
    expect(check(demo, 'u-10', ['INVITE_NEW_USERS'], ['p-1', 'p-2'])[0]!.allowed).toBe(true);
    expect(check(demo, 'u-10', ['INVITE_NEW_USERS'], ['p-1', 'p-5'])[0]!.allowed).toBe(false);
    expect(check(demo, 'u-1', ['INVITE_NEW_USERS'], ['p-5'])[0]!.allowed).toBe(true);
    expect(check(demo, 'u-1', ['INVITE_NEW_USERS'], [42])[0]!.allowed).toBe(false); // no such project
  });

  it('refuses input without actions', () => {
    expect(expectCodes(backendWith('demo').execute('RbacBatchCheckPermissions', { input: {} }), 'BAD_USER_INPUT')[0]!.extensions.field).toBe('input.actions');
  });
});

describe('GlobalSearch', () => {
  const search = (backend: Backend, variables: { owners?: string[]; searchContentTypes?: ContentType[]; limit?: number; query?: string }) =>
    backend.call('GlobalSearch', { searchContentTypes: [...CONTENT_TYPES], ...variables }).unisearchContentSearch;

  it('counts each person’s content per type in totalHits (limit 1)', () => {
    const backend = backendWith('demo');
    for (const person of backend.state().members) {
      for (const type of CONTENT_TYPES) {
        const answer = search(backend, { owners: [person.email], searchContentTypes: [type], limit: 1 });
        expect(answer.totalHits, `${person.id} ${type}`).toBe(person.content[CONTENT_COUNT_OF_TYPE[type]]);
        expect(answer.results.length).toBe(Math.min(1, answer.totalHits));
      }
    }
    expect(search(backend, { owners: ['grace.liu@lumenfield.example'], searchContentTypes: ['CHART'], limit: 1 }).totalHits).toBe(48);
  });

  it('returns at most limit results, owned by the asked owners, of the asked types', () => {
    const backend = backendWith('demo');
    const grace = search(backend, { owners: ['Grace.Liu@lumenfield.example'], limit: 10 });
    expect(grace.totalHits).toBe(48 + 12 + 9 + 4);
    expect(grace.results).toHaveLength(10);
    expect(grace.results.every(({ entity }) => entity.owners.length === 1 && entity.owners[0] === 'grace.liu@lumenfield.example')).toBe(true);
    const all = search(backend, { owners: ['grace.liu@lumenfield.example'], limit: 1000 });
    expect(all.results).toHaveLength(73);
    expect(new Set(all.results.map(({ entity }) => entity.entityId)).size).toBe(73);
    expect(all.results.filter(({ entity }) => entity.type === 'NOTEBOOK')).toHaveLength(4);
    const none = search(backend, { owners: ['grace.liu@lumenfield.example'], limit: 0 });
    expect(none).toEqual({ results: [], totalHits: 73 });
    expect(search(backend, { owners: ['nobody@lumenfield.example'] })).toEqual({ results: [], totalHits: 0 });
  });

  it('without owners searches everyone; two owners add up', () => {
    const backend = backendWith('demo');
    const everything = backend.state().members.reduce((sum, m) => sum + m.content.charts + m.content.dashboards + m.content.cohorts + m.content.notebooks, 0);
    expect(search(backend, {}).totalHits).toBe(everything);
    expect(search(backend, { owners: [] }).totalHits).toBe(everything);
    expect(search(backend, { owners: ['grace.liu@lumenfield.example', 'maya.okafor@lumenfield.example'], searchContentTypes: ['DASHBOARD'] }).totalHits).toBe(12 + 8);
  });

  it('makes the same entities on every call, dated no later than the owner was last seen', () => {
    const backend = backendWith('demo');
    const first = search(backend, { owners: ['ethan.brooks@lumenfield.example'], limit: 100 });
    expect(search(backend, { owners: ['ethan.brooks@lumenfield.example'], limit: 100 })).toEqual(first);
    const lastActive = Date.parse(member(backend, 'u-10').lastActiveAt!);
    for (const { entity } of first.results) {
      expect(Date.parse(entity.lastModifiedAt)).toBeLessThanOrEqual(lastActive);
      expect(entity.appIds).toEqual(['p-1']);
      expect(entity.isArchived).toBe(false);
    }
    expect(first.results[0]!.entity).toMatchObject({ entityId: 'chart-u-10-1', name: "Ethan Brooks's chart 1", type: 'CHART' });
  });

  it('filters by the text query, counting every match', () => {
    const backend = backendWith('demo');
    const answer = search(backend, { query: 'ETHAN BROOKS', limit: 2 });
    expect(answer.totalHits).toBe(27 + 6 + 3 + 2);
    expect(answer.results).toHaveLength(2);
    expect(search(backend, { query: "grace liu's notebook" }).totalHits).toBe(4);
  });

  it('moves counts with a content transfer', () => {
    const backend = backendWith('demo');
    backend.call('RemoveMembers', { memberIds: ['u-5'], transferToMemberId: 'u-10' });
    expect(search(backend, { owners: ['grace.liu@lumenfield.example'] }).totalHits).toBe(0);
    expect(search(backend, { owners: ['ethan.brooks@lumenfield.example'], searchContentTypes: ['CHART'], limit: 1 }).totalHits).toBe(27 + 48);
  });

  it('needs searchContentTypes and knows only the four types', () => {
    const backend = backendWith('demo');
    expect(expectCodes(backend.execute('GlobalSearch', { owners: [] }), 'BAD_USER_INPUT')[0]!.extensions.field).toBe('searchContentTypes');
    expect(expectCodes(backend.execute('GlobalSearch', { searchContentTypes: ['SPREADSHEET'] }), 'BAD_USER_INPUT')[0]!.extensions.field).toBe('searchContentTypes[0]');
  });

  it('counts the whole large org and lists only the limit', () => {
    const backend = backendWith('large');
    const total = backend.state().members.reduce((sum, m) => sum + m.content.charts + m.content.dashboards + m.content.cohorts + m.content.notebooks, 0);
    const answer = search(backend, { limit: 5 });
    expect(answer.totalHits).toBe(total);
    expect(answer.results).toHaveLength(Math.min(5, total));
  });
});

describe('the [code] operations in the contract', () => {
  it('are marked code, with their root fields', () => {
    const code = Object.entries(OPERATIONS).filter(([, op]) => op.source === 'code');
    expect(Object.fromEntries(code.map(([name, op]) => [name, op.rootField]))).toEqual({
      OrgData: 'apps',
      Users: 'users',
      TeamSpaces: 'teamSpaces',
      RbacBatchCheckPermissions: 'rbacBatchCheckPermissions',
      GlobalSearch: 'unisearchContentSearch',
    });
  });
});
