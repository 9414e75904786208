// @vitest-environment node
import { describe, it, expect } from 'vitest';
import { createConsoleDouble } from './double';
import { backendWith, dataOf, member } from './test-support';

const D = 'lumenfield.example';

describe('accept-invite (control API)', () => {
  it('turns an invite into a joined member that keeps the team, groups, roles, default project and spaces', () => {
    const backend = backendWith('demo');
    const invited = dataOf<{ invited: { id: string }[] }>(
      backend.execute('InviteUsers', {
        invites: [{ email: `new.person@${D}`, teamId: 't-eng' }],
        groupIds: ['g-1'],
        projectRoles: [{ projectId: 'p-2', role: 'member' }],
        defaultProjectId: 'p-2',
        teamSpaceIds: ['s-product'],
      }),
    ).invited[0]!.id;
    const before = member(backend, invited);

    const accepted = backend.acceptInvite({ email: `New.Person@${D}`, lastActiveAt: '2025-10-10T08:00:00.000Z' });

    const after = member(backend, invited);
    expect(accepted.id).toBe(invited);
    expect(after).toEqual({ ...before, status: 'joined', joinedAt: backend.state().now, lastActiveAt: '2025-10-10T08:00:00.000Z' });
    expect(backend.state().groups.find((group) => group.id === 'g-1')!.memberIds).toContain(invited);
    // The Users read ([code]) shows the account as joined, not pending.
    const users = dataOf<{ users: { email: string; hasOutstandingInvite: boolean }[] }>(backend.execute('Users', {}));
    expect(users.users.find((user) => user.email === `new.person@${D}`)?.hasOutstandingInvite).toBe(false);
  });

  it('leaves last active alone unless asked, and refuses what is not a pending invite', () => {
    const backend = backendWith('demo');
    const nina = backend.state().members.find((m) => m.email === `nina.kowalski@${D}`)!;
    backend.acceptInvite({ email: nina.email });
    expect(member(backend, nina.id)).toMatchObject({ status: 'joined', lastActiveAt: null });
    expect(() => backend.acceptInvite({ email: nina.email })).toThrow(/no pending invite/);
    expect(() => backend.acceptInvite({ email: `nobody@${D}` })).toThrow(/No one/);
  });

  it('answers over HTTP: 200 with the member, 400 naming the problem', async () => {
    const double = createConsoleDouble({ seed: 'demo' });
    const post = (body: unknown) =>
      double.handle({ method: 'POST', url: 'http://localhost/__double/members/accept-invite', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const ok = await post({ email: `felix.wagner@${D}` });
    expect(ok.status).toBe(200);
    expect(JSON.parse(String(ok.body))).toMatchObject({ ok: true, member: { email: `felix.wagner@${D}`, status: 'joined' } });
    const again = await post({ email: `felix.wagner@${D}` });
    expect(again.status).toBe(400);
    expect((await post({ mail: 'x' })).status).toBe(400);
  });
});
