// @vitest-environment node
import { describe, it, expect } from 'vitest';
import { backendWith, expectCodes } from './test-support';
import type { Data } from '../shared/operations';
import type { Backend } from './backend';

/** Reads every page of OrgMembers. */
function allMembers(backend: Backend, status: 'joined' | 'pending', search = '', first = 7) {
  const ids: string[] = [];
  let after: string | null = null;
  let pages = 0;
  for (;;) {
    const page: Data<'OrgMembers'> = backend.call('OrgMembers', { status, search, first, after });
    pages++;
    ids.push(...page.members.nodes.map((n) => n.id));
    if (!page.members.pageInfo.hasNextPage) return { ids, pages, totalCount: page.members.totalCount };
    after = page.members.pageInfo.endCursor;
  }
}

describe('queries', () => {
  it('OrgSettings describes the org and the signed-in member', () => {
    const backend = backendWith('demo');
    expect(backend.call('OrgSettings', {})).toEqual({
      org: { id: 412345, url: 'demo-org', name: 'Lumenfield', plan: 'enterprise', projectLevelPermissions: true, rbac: true },
      viewer: { id: 'u-1', email: 'maya.okafor@lumenfield.example', name: 'Maya Okafor', orgRole: 'admin' },
      now: '2025-11-03T10:00:00.000Z',
    });
    expect(backend.call('OrgSettings', {}, { actorId: 'u-10' }).viewer.id).toBe('u-10');
  });

  it('RoleDefinitions lists the custom roles, and grants name them by customRoleId', () => {
    const backend = backendWith('demo');
    const roles = backend.call('RoleDefinitions', {}).customRoles;
    expect(roles.map((role) => role.id)).toEqual(['role-analyst', 'role-marketing', 'role-data-steward', 'role-contributor']);
    expect(roles[0]!.permissions).toContain('manage-custom-metrics');
    expect(backendWith('org-level').call('RoleDefinitions', {}).customRoles).toEqual([]);
    const zara = backend.call('OrgMembers', { status: 'joined', search: 'zara' }).members.nodes[0]!;
    expect(zara.projectRoles).toEqual([{ projectId: 'p-1', role: 'member', customRoleId: 'role-analyst', customRoleName: 'Analyst' }]);
  });

  it('Projects, TeamsAndSpaces and MemberCounts', () => {
    const backend = backendWith('demo');
    expect(backend.call('Projects', {}).projects).toHaveLength(8);
    expect(backend.call('TeamsAndSpaces', {})).toMatchObject({ teams: { length: 5 }, teamSpaces: { length: 5 } });
    expect(backend.call('MemberCounts', {})).toEqual({ total: 30, joined: 24, pending: 6, requestingAccess: 2 });
  });

  it('OrgMembers filters by status and orders by name then email', () => {
    const backend = backendWith('demo');
    const joined = backend.call('OrgMembers', { status: 'joined', first: 100 }).members;
    expect(joined.totalCount).toBe(24);
    const names = joined.nodes.map((n) => n.name);
    expect(names).toEqual([...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
    expect(joined.nodes[0]!.name).toBe('Aisha Khan');
    const pending = backend.call('OrgMembers', { status: 'pending' }).members;
    expect(pending.nodes.every((n) => n.status === 'pending')).toBe(true);
    expect(pending.totalCount).toBe(6);
    // groupIds are derived from the groups
    expect(joined.nodes.find((n) => n.id === 'u-18')!.groupIds).toEqual(['g-4', 'g-5']);
  });

  it('OrgMembers searches name or email, case-insensitively', () => {
    const backend = backendWith('demo');
    const byName = backend.call('OrgMembers', { status: 'joined', search: 'HERRERA' }).members;
    expect(byName.nodes.map((n) => n.id)).toEqual(['u-4']);
    const byEmail = backend.call('OrgMembers', { status: 'joined', search: 'liam.oconnor@' }).members;
    expect(byEmail.nodes.map((n) => n.id)).toEqual(['u-20']);
    expect(backend.call('OrgMembers', { status: 'pending', search: 'Lumenfield.EXAMPLE' }).members.totalCount).toBe(6);
    expect(backend.call('OrgMembers', { status: 'joined', search: 'zzz' }).members).toEqual({ nodes: [], pageInfo: { endCursor: null, hasNextPage: false }, totalCount: 0 });
  });

  it('OrgMembers pages with opaque cursors, without gaps or repeats', () => {
    const backend = backendWith('demo');
    const { ids, pages, totalCount } = allMembers(backend, 'joined', '', 5);
    expect(pages).toBe(5);
    expect(totalCount).toBe(24);
    expect(new Set(ids).size).toBe(24);
    expect(ids).toEqual(backend.call('OrgMembers', { status: 'joined', first: 100 }).members.nodes.map((n) => n.id));
    // search + paging
    expect(allMembers(backend, 'joined', 'a', 3).ids).toEqual(backend.call('OrgMembers', { status: 'joined', search: 'a', first: 100 }).members.nodes.map((n) => n.id));
  });

  it('keeps a cursor valid when members change between pages', () => {
    const backend = backendWith('demo');
    const first = backend.call('OrgMembers', { status: 'joined', first: 10 }).members;
    const lastSeen = first.nodes[9]!;
    backend.call('RemoveMembers', { memberIds: [lastSeen.id], transferToMemberId: null });
    const next = backend.call('OrgMembers', { status: 'joined', first: 10, after: first.pageInfo.endCursor }).members;
    const all = backend.call('OrgMembers', { status: 'joined', first: 100 }).members.nodes.map((n) => n.id);
    expect(next.nodes[0]!.id).toBe(all[9]);
  });

  it('refuses bad paging arguments, naming the field', () => {
    const backend = backendWith('demo');
    expect(expectCodes(backend.execute('OrgMembers', { status: 'joined', first: 101 }), 'BAD_USER_INPUT')[0]!.extensions.field).toBe('first');
    expect(expectCodes(backend.execute('OrgMembers', { status: 'joined', after: 'garbage!' }), 'BAD_USER_INPUT')[0]!.extensions.field).toBe('after');
    expect(expectCodes(backend.execute('OrgMembers', { status: 'deleted' }), 'BAD_USER_INPUT')[0]!.extensions.field).toBe('status');
    expect(expectCodes(backend.execute('OrgMembers', {}), 'BAD_USER_INPUT')[0]!.extensions.field).toBe('status');
  });

  it('PermissionGroups searches, filters by project and member, and pages', () => {
    const backend = backendWith('demo');
    const all = backend.call('PermissionGroups', {}).groups;
    expect(all.totalCount).toBe(6);
    expect(all.nodes.map((g) => g.name)).toEqual(['Data Platform', 'Engineering Leads', 'Insights Guild', 'Marketing Team', 'Product Analysts', 'Sales Viewers']);
    expect(backend.call('PermissionGroups', { search: 'market' }).groups.nodes.map((g) => g.id)).toEqual(['g-3']);
    expect(backend.call('PermissionGroups', { projectId: 'p-6' }).groups.nodes.map((g) => g.id)).toEqual(['g-4', 'g-5']);
    expect(backend.call('PermissionGroups', { memberId: 'u-7' }).groups.nodes.map((g) => g.id)).toEqual(['g-4', 'g-1']);
    expect(backend.call('PermissionGroups', { projectId: 'p-1', memberId: 'u-18' }).groups.totalCount).toBe(2);
    const page1 = backend.call('PermissionGroups', { first: 2 }).groups;
    const page2 = backend.call('PermissionGroups', { first: 2, after: page1.pageInfo.endCursor }).groups;
    expect([...page1.nodes, ...page2.nodes].map((g) => g.id)).toEqual(all.nodes.slice(0, 4).map((g) => g.id));
    const errors = expectCodes(backend.execute('PermissionGroups', { projectId: 'p-404', memberId: 'u-404' }), 'BAD_USER_INPUT', 'BAD_USER_INPUT');
    expect(errors.map((e) => e.extensions.field)).toEqual(['projectId', 'memberId']);
  });

  it('pages through the large org', () => {
    const backend = backendWith('large');
    const counts = backend.call('MemberCounts', {});
    expect(counts.total).toBe(5000);
    const joined = allMembers(backend, 'joined', '', 100);
    const pending = allMembers(backend, 'pending', '', 100);
    expect(joined.ids.length + pending.ids.length).toBe(5000);
    expect(new Set([...joined.ids, ...pending.ids]).size).toBe(5000);
    expect(joined.ids.length).toBe(counts.joined);
    expect(allMembers(backend, 'joined', '', 100).ids).toEqual(joined.ids);
    expect(backend.call('PermissionGroups', { first: 100 }).groups.totalCount).toBe(60);
  });
});
