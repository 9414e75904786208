// @vitest-environment node
import { describe, it, expect } from 'vitest';
import { backendWith, dataOf, expectCodes, member, refusal } from './test-support';

describe('UpdateMemberRole', () => {
  it('lets an Admin grant and revoke Admin', () => {
    const backend = backendWith('demo');
    const data = dataOf<{ member: { orgRole: string } }>(backend.execute('UpdateMemberRole', { memberId: 'u-10', orgRole: 'admin' }));
    expect(data.member.orgRole).toBe('admin');
    backend.call('UpdateMemberRole', { memberId: 'u-10', orgRole: 'user' });
    expect(member(backend, 'u-10').orgRole).toBe('user');
    expect(backend.mutations().map((m) => m.operation)).toEqual(['UpdateMemberRole', 'UpdateMemberRole']);
  });

  it('refuses changing your own role', () => {
    const backend = backendWith('demo');
    const [error] = expectCodes(backend.execute('UpdateMemberRole', { memberId: 'u-1', orgRole: 'user' }), 'FORBIDDEN');
    expect(error!.message).toMatch(/own role/);
    expect(backend.mutations()).toEqual([]);
  });

  it('lets only Admins grant or revoke Admin', () => {
    const backend = backendWith('demo');
    const [error] = expectCodes(backend.execute('UpdateMemberRole', { memberId: 'u-15', orgRole: 'admin' }, { actorId: 'u-10' }), 'FORBIDDEN');
    expect(error!.extensions.field).toBe('orgRole');
    expectCodes(backend.execute('UpdateMemberRole', { memberId: 'u-2', orgRole: 'user' }, { actorId: 'u-10' }), 'FORBIDDEN');
    expectCodes(backend.execute('UpdateMemberRole', { memberId: 'u-2', orgRole: 'user' }, { actorId: 'u-15' }), 'FORBIDDEN');
  });

  it('keeps at least one Admin', () => {
    const backend = backendWith('sole-admin');
    const self = refusal(backend.execute('UpdateMemberRole', { memberId: 'u-1', orgRole: 'user' }));
    expect(self[0]!.extensions.code).toBe('SOLE_ADMIN');
    // a project Manager trying it hears the same reason first
    const other = refusal(backend.execute('UpdateMemberRole', { memberId: 'u-1', orgRole: 'user' }, { actorId: 'u-2' }));
    expect(other[0]!.extensions.code).toBe('SOLE_ADMIN');

    const demo = backendWith('demo');
    demo.call('UpdateMemberRole', { memberId: 'u-2', orgRole: 'user' });
    expect(refusal(demo.execute('UpdateMemberRole', { memberId: 'u-1', orgRole: 'user' }))[0]!.extensions.code).toBe('SOLE_ADMIN');
  });

  it('accepts only the roles of the permission mode, and known members', () => {
    const backend = backendWith('demo');
    const [role] = expectCodes(backend.execute('UpdateMemberRole', { memberId: 'u-15', orgRole: 'manager' }), 'BAD_USER_INPUT');
    expect(role!.extensions.field).toBe('orgRole');
    const [who] = expectCodes(backend.execute('UpdateMemberRole', { memberId: 'u-404', orgRole: 'admin' }), 'BAD_USER_INPUT');
    expect(who!.extensions.field).toBe('memberId');
    const [unknownRole] = expectCodes(backend.execute('UpdateMemberRole', { memberId: 'u-15', orgRole: 'owner' }), 'BAD_USER_INPUT');
    expect(unknownRole!.extensions.field).toBe('orgRole');
  });

  it('lets org-level Managers change roles below Admin', () => {
    const backend = backendWith('org-level');
    expect(backend.execute('UpdateMemberRole', { memberId: 'u-4', orgRole: 'member' }, { actorId: 'u-2' }).kind).toBe('data');
    expect(member(backend, 'u-4').orgRole).toBe('member');
    expectCodes(backend.execute('UpdateMemberRole', { memberId: 'u-3', orgRole: 'admin' }, { actorId: 'u-2' }), 'FORBIDDEN');
    expectCodes(backend.execute('UpdateMemberRole', { memberId: 'u-4', orgRole: 'viewer' }, { actorId: 'u-3' }), 'FORBIDDEN'); // a Member
    expectCodes(backend.execute('UpdateMemberRole', { memberId: 'u-4', orgRole: 'user' }), 'BAD_USER_INPUT');
    expect(refusal(backend.execute('UpdateMemberRole', { memberId: 'u-1', orgRole: 'viewer' }, { actorId: 'u-2' }))[0]!.extensions.code).toBe('SOLE_ADMIN');
  });
});

describe('SetProjectAccess', () => {
  it('sets direct roles, and No Access removes the direct grant', () => {
    const backend = backendWith('demo');
    const data = dataOf<{ members: { id: string; projectRoles: unknown[] }[] }>(
      backend.execute('SetProjectAccess', {
        memberIds: ['u-15', 'u-22'],
        projectRoles: [
          { projectId: 'p-1', role: 'member' },
          { projectId: 'p-3', role: 'no_access' },
          { projectId: 'p-5', role: 'viewer' },
        ],
      }),
    );
    expect(data.members.map((m) => m.id)).toEqual(['u-15', 'u-22']);
    expect(member(backend, 'u-15').projectRoles).toEqual([
      { projectId: 'p-1', role: 'member' },
      { projectId: 'p-5', role: 'viewer' },
    ]);
    expect(member(backend, 'u-22').projectRoles).toEqual([
      { projectId: 'p-2', role: 'viewer' },
      { projectId: 'p-4', role: 'viewer' },
      { projectId: 'p-1', role: 'member' },
      { projectId: 'p-5', role: 'viewer' },
    ]);
    expect(backend.mutations()).toHaveLength(1);
  });

  it('cannot lower a group grant, and says where it comes from', () => {
    const backend = backendWith('demo');
    const [error] = expectCodes(backend.execute('SetProjectAccess', { memberIds: ['u-3'], projectRoles: [{ projectId: 'p-1', role: 'viewer' }] }), 'GROUP_GRANT_NOT_LOWERABLE');
    expect(error!.message).toContain('User(s) are assigned access to this project via Group(s)');
    expect(error!.message).toContain('Engineering Leads');
    expect(error!.extensions.field).toBe('projectRoles[0].role');
    // equal to the group's role is fine; so is anything over a group's No Access
    expect(backend.execute('SetProjectAccess', { memberIds: ['u-3'], projectRoles: [{ projectId: 'p-1', role: 'manager' }] }).kind).toBe('data');
    expect(backend.execute('SetProjectAccess', { memberIds: ['u-7'], projectRoles: [{ projectId: 'p-2', role: 'no_access' }] }).kind).toBe('data');
  });

  it('is all or nothing across members', () => {
    const backend = backendWith('demo');
    const before = member(backend, 'u-15').projectRoles;
    expectCodes(backend.execute('SetProjectAccess', { memberIds: ['u-15', 'u-3'], projectRoles: [{ projectId: 'p-1', role: 'no_access' }] }), 'GROUP_GRANT_NOT_LOWERABLE');
    expect(member(backend, 'u-15').projectRoles).toEqual(before);
  });

  it('lets project Managers change only their projects', () => {
    const backend = backendWith('demo');
    expect(backend.execute('SetProjectAccess', { memberIds: ['u-15'], projectRoles: [{ projectId: 'p-2', role: 'member' }] }, { actorId: 'u-10' }).kind).toBe('data');
    const [error] = expectCodes(backend.execute('SetProjectAccess', { memberIds: ['u-15'], projectRoles: [{ projectId: 'p-3', role: 'member' }] }, { actorId: 'u-10' }), 'FORBIDDEN');
    expect(error!.extensions.field).toBe('projectRoles[0].projectId');
    expectCodes(backend.execute('SetProjectAccess', { memberIds: ['u-22'], projectRoles: [{ projectId: 'p-1', role: 'member' }] }, { actorId: 'u-15' }), 'FORBIDDEN');
  });

  it('refuses yourself, Admins, unknown ids and org-level orgs', () => {
    const backend = backendWith('demo');
    expectCodes(backend.execute('SetProjectAccess', { memberIds: ['u-10'], projectRoles: [{ projectId: 'p-1', role: 'viewer' }] }, { actorId: 'u-10' }), 'FORBIDDEN');
    const [admin] = expectCodes(backend.execute('SetProjectAccess', { memberIds: ['u-2'], projectRoles: [{ projectId: 'p-1', role: 'viewer' }] }), 'BAD_USER_INPUT');
    expect(admin!.extensions.field).toBe('memberIds[0]');
    const unknown = expectCodes(backend.execute('SetProjectAccess', { memberIds: ['u-404'], projectRoles: [{ projectId: 'p-404', role: 'viewer' }] }), 'BAD_USER_INPUT', 'BAD_USER_INPUT');
    expect(unknown.map((e) => e.extensions.field)).toEqual(['memberIds[0]', 'projectRoles[0].projectId']);
    const [orgLevel] = expectCodes(backendWith('org-level').execute('SetProjectAccess', { memberIds: ['u-4'], projectRoles: [{ projectId: 'p-1', role: 'viewer' }] }), 'BAD_USER_INPUT');
    expect(orgLevel!.extensions.field).toBe('projectRoles');
    expect(backend.mutations()).toEqual([]);
  });
});
