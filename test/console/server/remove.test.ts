// @vitest-environment node
import { describe, it, expect } from 'vitest';
import { backendWith, dataOf, expectCodes, member, refusal } from './test-support';

describe('RemoveMembers', () => {
  it('moves content to the recipient and takes the removed out of every group', () => {
    const backend = backendWith('demo');
    const gabriel = member(backend, 'u-16'); // long inactive, owns content
    const ethan = member(backend, 'u-10');
    const data = dataOf(backend.execute('RemoveMembers', { memberIds: ['u-16', 'u-18'], transferToMemberId: 'u-10' }));
    expect(data).toEqual({ removed: ['u-16', 'u-18'] });
    expect(member(backend, 'u-10').content).toEqual({
      charts: ethan.content.charts + gabriel.content.charts,
      dashboards: ethan.content.dashboards + gabriel.content.dashboards,
      cohorts: ethan.content.cohorts + gabriel.content.cohorts,
      notebooks: ethan.content.notebooks + gabriel.content.notebooks,
    });
    const state = backend.state();
    expect(state.unassignedContent).toEqual({ charts: 0, dashboards: 0, cohorts: 0, notebooks: 0 });
    expect(state.members.map((m) => m.id)).not.toContain('u-16');
    expect(state.groups.flatMap((g) => g.memberIds)).not.toContain('u-18');
    expect(state.groups.find((g) => g.id === 'g-4')!.lastModifiedBy).toBe('Maya Okafor');
    expect(backend.mutations()).toMatchObject([{ operation: 'RemoveMembers', variables: { memberIds: ['u-16', 'u-18'], transferToMemberId: 'u-10' } }]);
  });

  it('leaves content unassigned without a transfer', () => {
    const backend = backendWith('demo');
    const grace = member(backend, 'u-5');
    backend.call('RemoveMembers', { memberIds: ['u-5'], transferToMemberId: null });
    expect(backend.state().unassignedContent).toEqual(grace.content);
    expect(backend.call('MemberCounts', {})).toMatchObject({ total: 29, joined: 23 });
  });

  it('revokes a pending invite by removing the pending member', () => {
    const backend = backendWith('demo');
    backend.call('RemoveMembers', { memberIds: ['u-26'], transferToMemberId: null });
    expect(backend.call('MemberCounts', {})).toMatchObject({ pending: 5 });
    expect(backend.state().groups.find((g) => g.id === 'g-1')!.memberIds).not.toContain('u-26');
    // and the email can be invited again
    expect(backend.execute('InviteUsers', { invites: [{ email: 'nina.kowalski@lumenfield.example', teamId: null }] }).kind).toBe('data');
  });

  it('requires a recipient active in the last 30 days, not being removed', () => {
    const backend = backendWith('demo');
    const [inactive] = expectCodes(backend.execute('RemoveMembers', { memberIds: ['u-5'], transferToMemberId: 'u-24' }), 'RECIPIENT_INACTIVE'); // 45 days
    expect(inactive!.extensions.field).toBe('transferToMemberId');
    expectCodes(backend.execute('RemoveMembers', { memberIds: ['u-5'], transferToMemberId: 'u-16' }), 'RECIPIENT_INACTIVE'); // 200 days
    expectCodes(backend.execute('RemoveMembers', { memberIds: ['u-5'], transferToMemberId: 'u-25' }), 'RECIPIENT_INACTIVE'); // pending
    const [among] = expectCodes(backend.execute('RemoveMembers', { memberIds: ['u-5', 'u-10'], transferToMemberId: 'u-10' }), 'BAD_USER_INPUT');
    expect(among!.extensions.field).toBe('transferToMemberId');
    expectCodes(backend.execute('RemoveMembers', { memberIds: ['u-5'], transferToMemberId: 'u-404' }), 'BAD_USER_INPUT');
    // 25 days is recent enough
    expect(backend.execute('RemoveMembers', { memberIds: ['u-5'], transferToMemberId: 'u-22' }).kind).toBe('data');
    expect(backend.mutations()).toHaveLength(1);
  });

  it('refuses removing yourself', () => {
    const backend = backendWith('demo');
    const [error] = expectCodes(backend.execute('RemoveMembers', { memberIds: ['u-1', 'u-5'], transferToMemberId: null }), 'CANNOT_REMOVE_SELF');
    expect(error!.extensions.field).toBe('memberIds[0]');
    expect(backend.state().members).toHaveLength(30);
  });

  it('refuses removing the only Admin, whoever asks', () => {
    const solo = backendWith('sole-admin');
    expect(refusal(solo.execute('RemoveMembers', { memberIds: ['u-1'], transferToMemberId: null }))[0]!.extensions.code).toBe('SOLE_ADMIN');
    expect(refusal(solo.execute('RemoveMembers', { memberIds: ['u-1'], transferToMemberId: null }, { actorId: 'u-2' }))[0]!.extensions.code).toBe('SOLE_ADMIN');
    // removing every Admin at once is the same
    const demo = backendWith('demo');
    const errors = refusal(demo.execute('RemoveMembers', { memberIds: ['u-2', 'u-1'], transferToMemberId: null }));
    expect(errors.map((e) => e.extensions.code)).toEqual(['SOLE_ADMIN', 'CANNOT_REMOVE_SELF']);
    expect(errors[0]!.message).toMatch(/all the Admins/);
    expect(demo.execute('RemoveMembers', { memberIds: ['u-2'], transferToMemberId: null }).kind).toBe('data');
  });

  it('lets only Admins and Managers remove; Managers never an Admin', () => {
    const demo = backendWith('demo');
    expectCodes(demo.execute('RemoveMembers', { memberIds: ['u-22'], transferToMemberId: null }, { actorId: 'u-15' }), 'FORBIDDEN');
    expectCodes(demo.execute('RemoveMembers', { memberIds: ['u-2'], transferToMemberId: null }, { actorId: 'u-10' }), 'FORBIDDEN');
    // a project Manager removes people whose direct access lies within their projects
    expectCodes(demo.execute('RemoveMembers', { memberIds: ['u-22'], transferToMemberId: null }, { actorId: 'u-10' }), 'FORBIDDEN');
    expect(demo.execute('RemoveMembers', { memberIds: ['u-28'], transferToMemberId: null }, { actorId: 'u-10' }).kind).toBe('data');

    const orgLevel = backendWith('org-level');
    expectCodes(orgLevel.execute('RemoveMembers', { memberIds: ['u-4'], transferToMemberId: null }, { actorId: 'u-3' }), 'FORBIDDEN');
    expect(orgLevel.execute('RemoveMembers', { memberIds: ['u-4'], transferToMemberId: 'u-5' }, { actorId: 'u-2' }).kind).toBe('data');
  });

  it('names unknown and repeated ids', () => {
    const backend = backendWith('demo');
    const errors = expectCodes(backend.execute('RemoveMembers', { memberIds: ['u-404', 'u-5', 'u-5'], transferToMemberId: null }), 'BAD_USER_INPUT', 'BAD_USER_INPUT');
    expect(errors.map((e) => e.extensions.field)).toEqual(['memberIds[0]', 'memberIds[2]']);
    const [missing] = expectCodes(backend.execute('RemoveMembers', { memberIds: ['u-5'] }), 'BAD_USER_INPUT');
    expect(missing!.extensions.field).toBe('transferToMemberId');
  });

  it('ends the removed member\'s sessions', () => {
    const backend = backendWith('demo');
    const token = backend.signIn('u-5');
    expect(backend.sessionMember(token)).toBe('u-5');
    backend.call('RemoveMembers', { memberIds: ['u-5'], transferToMemberId: null }, { actorId: 'u-1' });
    expect(backend.sessionMember(token)).toBeNull();
  });
});
