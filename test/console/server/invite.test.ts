// @vitest-environment node
import { describe, it, expect } from 'vitest';
import { backendWith, dataOf, expectCodes, member } from './test-support';

const D = 'lumenfield.example';

describe('InviteUsers', () => {
  it('invites several people with teams, a group, project roles, a default project and a space', () => {
    const backend = backendWith('demo');
    const variables = {
      invites: [
        { email: `Ada.New@${D}`, teamId: 't-eng' },
        { email: `ben.new@${D}`, teamId: 't-product' },
        { email: `cy.new@${D}`, teamId: null },
      ],
      groupIds: ['g-1'],
      projectRoles: [
        { projectId: 'p-2', role: 'member' as const },
        { projectId: 'p-3', role: 'manager' as const }, // above the group's Member: allowed
      ],
      defaultProjectId: 'p-1', // granted through g-1 only
      teamSpaceIds: ['s-product'],
    };
    const data = dataOf<{ invited: { id: string; email: string }[] }>(backend.execute('InviteUsers', variables));
    expect(data.invited).toEqual([
      { id: 'u-31', email: `ada.new@${D}` },
      { id: 'u-32', email: `ben.new@${D}` },
      { id: 'u-33', email: `cy.new@${D}` },
    ]);

    const ada = member(backend, 'u-31');
    expect(ada).toMatchObject({
      status: 'pending',
      orgRole: 'user',
      teamId: 't-eng',
      invitedAt: backend.state().now,
      invitedBy: 'u-1',
      joinedAt: null,
      projectRoles: [
        { projectId: 'p-2', role: 'member' },
        { projectId: 'p-3', role: 'manager' },
      ],
      defaultProjectId: 'p-1',
      teamSpaceIds: ['s-product'],
    });
    expect(member(backend, 'u-33').teamId).toBeNull();
    const group = backend.state().groups.find((g) => g.id === 'g-1')!;
    expect(group.memberIds).toEqual(expect.arrayContaining(['u-31', 'u-32', 'u-33']));
    expect(group.lastModifiedBy).toBe('Maya Okafor');

    expect(backend.call('MemberCounts', {})).toEqual({ total: 33, joined: 24, pending: 9, requestingAccess: 2 });
    const log = backend.mutations();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ seq: 1, at: backend.state().now, operation: 'InviteUsers', actorId: 'u-1', result: data });
    expect(log[0]!.variables).toMatchObject({ ...variables, orgRole: null });
  });

  it('gives deterministic ids', () => {
    const run = () => backendWith('demo').call('InviteUsers', { invites: [{ email: `x@${D}`, teamId: null }] }).invited;
    expect(run()).toEqual(run());
  });

  it('is atomic: one refused email refuses all, with one error per refused email', () => {
    const backend = backendWith('demo');
    const errors = expectCodes(
      backend.execute('InviteUsers', {
        invites: [
          { email: `fine@${D}`, teamId: null },
          { email: `MAYA.OKAFOR@${D}`, teamId: null }, // a member, other case
          { email: `Ryan.Patel@${D}`, teamId: null }, // pending
          { email: 'not an email', teamId: null },
        ],
      }),
      'ALREADY_MEMBER',
      'ALREADY_INVITED',
      'BAD_USER_INPUT',
    );
    expect(errors.map((e) => e.extensions.email)).toEqual([`maya.okafor@${D}`, `ryan.patel@${D}`, 'not an email']);
    expect(errors.map((e) => e.path)).toEqual([['invites', '1', 'email'], ['invites', '2', 'email'], ['invites', '3', 'email']]);
    expect(backend.state().members).toHaveLength(30);
    expect(backend.mutations()).toEqual([]);
    expect(backend.refusals()).toHaveLength(1);
    expect(backend.refusals()[0]).toMatchObject({ operation: 'InviteUsers', reason: 'refused' });
  });

  it('refuses the same email twice in one invite', () => {
    const backend = backendWith('demo');
    const [error] = expectCodes(
      backend.execute('InviteUsers', { invites: [{ email: `twin@${D}`, teamId: null }, { email: `TWIN@${D}`, teamId: null }] }),
      'BAD_USER_INPUT',
    );
    expect(error!.extensions).toMatchObject({ field: 'invites[1].email', email: `twin@${D}` });
  });

  it('refuses a role below what a chosen group grants', () => {
    const backend = backendWith('demo');
    const [error] = expectCodes(
      backend.execute('InviteUsers', { invites: [{ email: `x@${D}`, teamId: null }], groupIds: ['g-2'], projectRoles: [{ projectId: 'p-1', role: 'viewer' }] }),
      'GROUP_GRANT_NOT_LOWERABLE',
    );
    expect(error!.extensions.field).toBe('projectRoles[0].role');
    // No Access is lower still
    expectCodes(
      backend.execute('InviteUsers', { invites: [{ email: `x@${D}`, teamId: null }], groupIds: ['g-2'], projectRoles: [{ projectId: 'p-2', role: 'no_access' }] }),
      'GROUP_GRANT_NOT_LOWERABLE',
    );
  });

  it('names unknown teams, groups, projects and spaces', () => {
    const backend = backendWith('demo');
    const errors = expectCodes(
      backend.execute('InviteUsers', {
        invites: [{ email: `x@${D}`, teamId: 't-nope' }],
        groupIds: ['g-nope'],
        projectRoles: [{ projectId: 'p-nope', role: 'viewer' }],
        defaultProjectId: 'p-gone',
        teamSpaceIds: ['s-nope'],
      }),
      'BAD_USER_INPUT',
      'BAD_USER_INPUT',
      'BAD_USER_INPUT',
      'BAD_USER_INPUT',
      'BAD_USER_INPUT',
    );
    expect(errors.map((e) => e.extensions.field)).toEqual(['groupIds[0]', 'projectRoles[0].projectId', 'defaultProjectId', 'teamSpaceIds[0]', 'invites[0].teamId']);
    for (const e of errors) expect(e.message).toMatch(/nope|gone/);
  });

  it('requires the default project among the granted ones', () => {
    const backend = backendWith('demo');
    const [error] = expectCodes(
      backend.execute('InviteUsers', { invites: [{ email: `x@${D}`, teamId: null }], projectRoles: [{ projectId: 'p-2', role: 'viewer' }], defaultProjectId: 'p-5' }),
      'BAD_USER_INPUT',
    );
    expect(error!.extensions.field).toBe('defaultProjectId');
    // A No Access grant does not count as granted
    expectCodes(
      backend.execute('InviteUsers', { invites: [{ email: `x@${D}`, teamId: null }], projectRoles: [{ projectId: 'p-5', role: 'no_access' }], defaultProjectId: 'p-5' }),
      'BAD_USER_INPUT',
    );
    expect(backend.execute('InviteUsers', { invites: [{ email: `x@${D}`, teamId: null }], projectRoles: [{ projectId: 'p-5', role: 'viewer' }], defaultProjectId: 'p-5' }).kind).toBe('data');
  });

  it('takes projectRoles, not orgRole, with project-level permissions', () => {
    const backend = backendWith('demo');
    const [error] = expectCodes(backend.execute('InviteUsers', { invites: [{ email: `x@${D}`, teamId: null }], orgRole: 'manager' }), 'BAD_USER_INPUT');
    expect(error!.extensions.field).toBe('orgRole');
  });

  it('lets only Admins and Managers invite; project Managers only on their projects', () => {
    const backend = backendWith('demo');
    const invite = (actorId: string, extra: Record<string, unknown> = {}) =>
      backend.execute('InviteUsers', { invites: [{ email: `${actorId}-${Object.keys(extra).length}-${backend.mutations().length}@${D}`, teamId: null }], ...extra }, { actorId });

    expectCodes(invite('u-15'), 'FORBIDDEN'); // Chloe: Viewer only
    expectCodes(invite('u-19'), 'FORBIDDEN'); // Emma: no access at all

    // Ethan: direct Manager on p-1 and p-2
    expect(invite('u-10', { projectRoles: [{ projectId: 'p-1', role: 'member' }] }).kind).toBe('data');
    const [foreign] = expectCodes(invite('u-10', { projectRoles: [{ projectId: 'p-3', role: 'viewer' }] }), 'FORBIDDEN');
    expect(foreign!.extensions.field).toBe('projectRoles[0].projectId');
    expectCodes(invite('u-10', { groupIds: ['g-3'] }), 'FORBIDDEN'); // g-3 grants Marketing Site

    // Priya is Manager on p-3 only through Engineering Leads: that counts
    expect(invite('u-3', { projectRoles: [{ projectId: 'p-3', role: 'viewer' }] }).kind).toBe('data');
    expect(backend.mutations().map((m) => m.actorId)).toEqual(['u-10', 'u-3']);
    expect(member(backend, 'u-31').invitedBy).toBe('u-10');
  });

  it('refuses emails chosen by the failEmails fault, atomically', () => {
    const backend = backendWith('demo');
    backend.setFaults({ failEmails: { emails: [`Blocked@${D}`], code: 'FORBIDDEN', message: 'Domain blocked by policy' } });
    const [error] = expectCodes(
      backend.execute('InviteUsers', { invites: [{ email: `ok@${D}`, teamId: null }, { email: `blocked@${D}`, teamId: null }] }),
      'FORBIDDEN',
    );
    expect(error).toMatchObject({ message: 'Domain blocked by policy', extensions: { email: `blocked@${D}` } });
    expect(backend.state().members).toHaveLength(30);
    backend.clearFaults();
    expect(backend.execute('InviteUsers', { invites: [{ email: `blocked@${D}`, teamId: null }] }).kind).toBe('data');
  });

  it('validates variables, naming the field', () => {
    const backend = backendWith('demo');
    const [empty] = expectCodes(backend.execute('InviteUsers', { invites: [] }), 'BAD_USER_INPUT');
    expect(empty!.extensions.field).toBe('invites');
    const [role] = expectCodes(backend.execute('InviteUsers', { invites: [{ email: `x@${D}`, teamId: null }], projectRoles: [{ projectId: 'p-1', role: 'admin' }] }), 'BAD_USER_INPUT');
    expect(role!.extensions.field).toBe('projectRoles[0].role');
    expect(role!.message).toContain('projectRoles[0].role');
  });
});

describe('InviteUsers in an org-level org', () => {
  const O = 'brightwater.example';

  it('uses one org role, Viewer by default', () => {
    const backend = backendWith('org-level');
    backend.call('InviteUsers', { invites: [{ email: `v@${O}`, teamId: null }] });
    backend.call('InviteUsers', { invites: [{ email: `m@${O}`, teamId: 't-eng' }], orgRole: 'manager', defaultProjectId: 'p-2' });
    const members = backend.state().members;
    expect(members.find((m) => m.email === `v@${O}`)).toMatchObject({ orgRole: 'viewer', projectRoles: [] });
    expect(members.find((m) => m.email === `m@${O}`)).toMatchObject({ orgRole: 'manager', defaultProjectId: 'p-2' });
  });

  it('refuses projectRoles, and Admin from a Manager', () => {
    const backend = backendWith('org-level');
    const [roles] = expectCodes(backend.execute('InviteUsers', { invites: [{ email: `x@${O}`, teamId: null }], projectRoles: [{ projectId: 'p-1', role: 'viewer' }] }), 'BAD_USER_INPUT');
    expect(roles!.extensions.field).toBe('projectRoles');
    expectCodes(backend.execute('InviteUsers', { invites: [{ email: `x@${O}`, teamId: null }], orgRole: 'admin' }, { actorId: 'u-2' }), 'FORBIDDEN');
    expect(backend.execute('InviteUsers', { invites: [{ email: `x@${O}`, teamId: null }], orgRole: 'manager' }, { actorId: 'u-2' }).kind).toBe('data');
    expect(backend.execute('InviteUsers', { invites: [{ email: `y@${O}`, teamId: null }], orgRole: 'admin' }).kind).toBe('data');
    expectCodes(backend.execute('InviteUsers', { invites: [{ email: `z@${O}`, teamId: null }] }, { actorId: 'u-3' }), 'FORBIDDEN'); // a Member
  });
});
