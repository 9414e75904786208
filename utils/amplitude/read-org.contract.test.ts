// @vitest-environment node
/**
 * Contract test: the extension's client reads every seed of the console double (a separate
 * program with its own types) and the model matches the seed.
 */
import { describe, expect, it } from 'vitest';
import { parseOrgSnapshot } from '@/utils/access/model';
import { createConsoleDouble } from '../../test/console/server/double';
import { createConsoleClient } from './console-client';
import { readOrgSnapshot } from './read-org';

/** A fetch that answers from the double in-process, carrying its session cookie and the page's Origin. */
function fetchFrom(double: ReturnType<typeof createConsoleDouble>): typeof fetch {
  const cookie = double.sessionCookie();
  return async (input, init) => {
    // A browser adds the page's Origin to every POST; the double refuses a POST without it.
    const headers = { origin: new URL(String(input)).origin, ...(init?.headers as Record<string, string>), cookie: `${cookie.name}=${cookie.value}` };
    const answer = await double.handle({ method: init?.method ?? 'GET', url: String(input), headers, body: (init?.body as string) ?? null });
    const body = typeof answer.body === "string" ? answer.body : new TextDecoder().decode(answer.body);
    return new Response(body, { status: answer.status, headers: answer.headers });
  };
}

describe.each(['demo', 'sole-admin', 'org-level', 'large'])('reading the %s seed', (seed) => {
  it('gives a valid model that matches the seed', { timeout: 30_000 }, async () => {
    const double = createConsoleDouble({ seed });
    const state = double.backend.state();
    const client = createConsoleClient({ origin: 'https://app.amplitude.com', orgUrl: state.org.url, fetch: fetchFrom(double) });
    const snapshot = await readOrgSnapshot(client);

    expect(parseOrgSnapshot(snapshot).ok).toBe(true);
    expect(snapshot.org).toMatchObject({ id: state.org.id, url: state.org.url, projectLevelPermissions: state.org.projectLevelPermissions });
    expect(snapshot.viewerId).toBe(state.signedInMemberId);
    expect(snapshot.projects).toHaveLength(state.projects.length);
    expect(snapshot.teams).toHaveLength(state.teams.length);
    expect(snapshot.teamSpaces).toHaveLength(state.teamSpaces.length);
    expect(snapshot.groups).toHaveLength(state.groups.length);
    expect(snapshot.members).toHaveLength(state.members.length);
    expect(snapshot.members.filter((m) => m.status === 'pending')).toHaveLength(state.members.filter((m) => m.status === 'pending').length);

    // A sample of members, field by field: first, last and every 97th.
    const byId = new Map(snapshot.members.map((member) => [member.id, member]));
    const sample = state.members.filter((_m, index) => index === 0 || index === state.members.length - 1 || index % 97 === 0);
    for (const expected of sample) {
      const actual = byId.get(expected.id);
      expect(actual, expected.id).toBeDefined();
      expect(actual).toMatchObject({
        email: expected.email,
        name: expected.name,
        status: expected.status,
        orgRole: expected.orgRole,
        teamId: expected.teamId,
        invitedAt: expected.invitedAt,
        joinedAt: expected.joinedAt,
        lastActiveAt: expected.lastActiveAt,
        content: expected.content,
      });
      expect([...(actual?.projectRoles ?? [])].sort((a, b) => a.projectId.localeCompare(b.projectId))).toEqual(
        [...expected.projectRoles].sort((a, b) => a.projectId.localeCompare(b.projectId)),
      );
      const expectedGroups = state.groups.filter((group) => group.memberIds.includes(expected.id)).map((group) => group.id).sort();
      expect([...(actual?.groupIds ?? [])].sort()).toEqual(expectedGroups);
    }
    for (const group of state.groups.slice(0, 5)) {
      expect(snapshot.groups.find((g) => g.id === group.id)).toMatchObject({
        name: group.name,
        projectRoles: group.projectRoles,
        defaultProjectId: group.defaultProjectId,
        memberIds: group.memberIds,
      });
    }
  });
});

describe('a console answer with a renamed field', () => {
  it('fails naming the operation and the field', async () => {
    const double = createConsoleDouble({ seed: 'demo' });
    const inner = fetchFrom(double);
    const renaming: typeof fetch = async (input, init) => {
      const response = await inner(input, init);
      if (!String(input).includes('q=OrgMembers')) return response;
      const body = (await response.json()) as { data: { members: { nodes: Array<Record<string, unknown>> } } };
      for (const node of body.data.members.nodes) {
        node.emailAddress = node.email;
        delete node.email;
      }
      return new Response(JSON.stringify(body), { status: 200 });
    };
    const client = createConsoleClient({ origin: 'https://app.amplitude.com', orgUrl: 'demo-org', fetch: renaming });
    await expect(readOrgSnapshot(client)).rejects.toThrow(/OrgMembers: field "members\.nodes\[0\]\.email"/);
  });
});
