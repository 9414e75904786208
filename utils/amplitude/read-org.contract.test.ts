// @vitest-environment node
/**
 * Contract test: the extension's client reads every seed of the console double (a separate
 * program with its own types) through each operation, on both transport paths, and the model
 * matches the seed; an operation the console does not know leaves only its own piece unread.
 */
import { describe, expect, it } from 'vitest';
import { parseOrgSnapshot, PIECES, type Piece } from '@/utils/access/model';
import type { OperationName as DoubleOperation } from '../../test/console/shared/operations';
import { createConsoleDouble } from '../../test/console/server/double';
import { createConsoleClient } from './console-client';
import { countByType, countContent, readOwnedContent } from './content-counts';
import { pendingInvites } from './pending-invites';
import { readOrgSnapshot } from './read-org';

type Double = ReturnType<typeof createConsoleDouble>;
const ORIGIN = 'https://app.amplitude.com';

/** A fetch that answers from the double in-process, carrying its session cookie and the page's Origin. */
function fetchFrom(double: Double, seen: string[] = []): typeof fetch {
  const cookie = double.sessionCookie();
  return async (input, init) => {
    seen.push(String(input));
    // A browser adds the page's Origin to every POST; the double refuses a POST without it.
    const headers = { origin: new URL(String(input)).origin, ...(init?.headers as Record<string, string>), cookie: `${cookie.name}=${cookie.value}` };
    const answer = await double.handle({ method: init?.method ?? 'GET', url: String(input), headers, body: (init?.body as string) ?? null });
    const body = typeof answer.body === 'string' ? answer.body : new TextDecoder().decode(answer.body);
    return new Response(body, { status: answer.status, headers: answer.headers });
  };
}

/** The two paths: the org by its URL slug (id learned from OrgData), and by its id (from the address). */
const PATHS = [
  { name: 'org-url', key: (double: Double) => double.backend.state().org.url, prefix: '/t/graphql/org-url/' },
  { name: 'org-id', key: (double: Double) => `org/${double.backend.state().org.id}`, prefix: '/t/graphql/org/' },
] as const;

/** A seed grant as our model holds it: a custom role by id and the name the org gave it. */
function asModelGrant(state: ReturnType<Double['backend']['state']>, grant: { projectId: string; role: string; customRoleId?: string | undefined }) {
  if (grant.customRoleId === undefined) return { projectId: grant.projectId, role: grant.role };
  const name = state.customRoles.find((role) => role.id === grant.customRoleId)?.name;
  return { projectId: grant.projectId, role: grant.role, customRole: { id: grant.customRoleId, name } };
}

const clientFor = (double: Double, orgUrl: string, seen?: string[]) => createConsoleClient({ origin: ORIGIN, orgUrl, fetch: fetchFrom(double, seen), attempts: 1 });

describe.each(['demo', 'sole-admin', 'org-level', 'large'])('reading the %s seed', (seed) => {
  it.each(PATHS)('gives a valid model that matches the seed, on the $name path', { timeout: 30_000 }, async (path) => {
    const double = createConsoleDouble({ seed });
    const state = double.backend.state();
    const seen: string[] = [];
    const snapshot = await readOrgSnapshot(clientFor(double, path.key(double), seen));

    expect(seen.every((url) => new URL(url).pathname.startsWith(path.prefix))).toBe(true);
    expect(parseOrgSnapshot(snapshot).ok).toBe(true);
    expect(Object.values(snapshot.pieces).every((piece) => piece.read)).toBe(true);
    expect(snapshot.org).toMatchObject({ id: state.org.id, url: state.org.url, name: state.org.name, projectLevelPermissions: state.org.projectLevelPermissions });
    expect(snapshot.viewerId).toBe(state.signedInMemberId);
    expect(snapshot.projects).toEqual(state.projects.map(({ id, name }) => ({ id, name })));
    expect(snapshot.teams).toHaveLength(state.teams.length);
    expect(snapshot.teamSpaces).toEqual(state.teamSpaces.map(({ id, name }) => ({ id, name })));
    expect(snapshot.groups).toHaveLength(state.groups.length);
    expect(snapshot.members).toHaveLength(state.members.length);
    expect(snapshot.members.filter((m) => m.status === 'pending')).toHaveLength(state.members.filter((m) => m.status === 'pending').length);
    // The seed's signed-in member is joined; whether they may invite follows the double's rule.
    expect(snapshot.viewerMay.invite).not.toBeNull();

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
        team: state.teams.find((team) => team.id === expected.teamId)?.name ?? null,
        // Unix seconds on the wire: the same moment, to the second.
        invitedAt: new Date(Math.floor(Date.parse(expected.invitedAt) / 1000) * 1000).toISOString(),
        joinedAt: expected.joinedAt,
        lastActiveAt: expected.lastActiveAt,
        content: null,
      });
      expect([...(actual?.projectRoles ?? [])].sort((a, b) => a.projectId.localeCompare(b.projectId))).toEqual(
        expected.projectRoles.map((grant) => asModelGrant(state, grant)).sort((a, b) => a.projectId.localeCompare(b.projectId)),
      );
      const expectedGroups = state.groups.filter((group) => group.memberIds.includes(expected.id)).map((group) => group.id).sort();
      expect([...(actual?.groupIds ?? [])].sort()).toEqual(expectedGroups);
    }
    for (const group of state.groups.slice(0, 5)) {
      expect(snapshot.groups.find((g) => g.id === group.id)).toMatchObject({
        name: group.name,
        projectRoles: group.projectRoles.map((grant) => asModelGrant(state, grant)),
        defaultProjectId: group.defaultProjectId,
        memberIds: group.memberIds,
      });
    }
  });
});

describe('content counts through GlobalSearch', () => {
  it.each(PATHS)('match the seed for every demo member, on the $name path', async (path) => {
    const double = createConsoleDouble({ seed: 'demo' });
    const client = clientFor(double, path.key(double));
    await readOrgSnapshot(client); // learns the org id
    for (const member of double.backend.state().members) {
      expect(await countContent(client, member.email), member.id).toEqual(member.content);
    }
  });

  it('count past one page of results per type', async () => {
    const double = createConsoleDouble({ seed: 'demo' });
    const grace = double.backend.state().members.find((member) => member.id === 'u-5')!;
    const client = clientFor(double, 'demo-org');
    await readOrgSnapshot(client);
    // 73 items: a search of 10 cannot hold them, so each type is counted by its own search.
    const seen: string[] = [];
    const counting = clientFor(double, 'demo-org', seen);
    await readOrgSnapshot(counting);
    seen.length = 0;
    expect(await countContent(counting, grace.email, 10)).toEqual(grace.content);
    expect(seen.filter((url) => url.includes('q=GlobalSearch'))).toHaveLength(5);
    expect(await countContent(client, grace.email)).toEqual(grace.content);
    // By type at once: one search per type, the same counts.
    seen.length = 0;
    expect(await countByType(counting, grace.email)).toEqual(grace.content);
    expect(seen.filter((url) => url.includes('q=GlobalSearch'))).toHaveLength(4);
  });

  it('give the latest change of what a person owns, and say when it is only a lower bound', async () => {
    const double = createConsoleDouble({ seed: 'demo' });
    const client = clientFor(double, 'demo-org');
    await readOrgSnapshot(client);
    const members = double.backend.state().members;
    const ethan = members.find((member) => member.id === 'u-10')!;
    // The double dates each owner's first chart at their last activity, the rest earlier.
    expect(await readOwnedContent(client, ethan.email)).toEqual({ counts: ethan.content, lastChangedAt: ethan.lastActiveAt, changeComplete: true });
    const nobody = members.find((member) => member.id === 'u-4')!;
    expect(await readOwnedContent(client, nobody.email)).toEqual({ counts: nobody.content, lastChangedAt: null, changeComplete: true });
    const grace = members.find((member) => member.id === 'u-5')!;
    const partial = await readOwnedContent(client, grace.email, 10);
    expect(partial).toMatchObject({ counts: grace.content, changeComplete: false });
    expect(Date.parse(partial.lastChangedAt!)).toBeLessThanOrEqual(Date.parse(grace.lastActiveAt!));
  });
});

describe('pending invites through Users', () => {
  it.each(PATHS)('lists exactly the pending people, on the $name path', async (path) => {
    const double = createConsoleDouble({ seed: 'demo' });
    const pending = double.backend.state().members.filter((member) => member.status === 'pending').map((member) => member.email);
    const invites = pendingInvites(clientFor(double, path.key(double)));
    expect((await invites.all()).sort()).toEqual([...pending].sort());
    expect(await invites.among([pending[0]!.toUpperCase(), 'maya.okafor@lumenfield.example', 'nobody@example.com'])).toEqual([pending[0]]);
  });
});

/** Which piece each [guess]/[code] operation feeds (OrgData and Users are not pieces: the read needs them). */
const PIECE_OF: Record<Piece, DoubleOperation[]> = {
  settings: ['OrgSettings'],
  projectRoles: ['OrgMembers'],
  groups: ['PermissionGroups'],
  teams: ['TeamsAndSpaces'],
  teamSpaces: ['TeamSpaces'],
  permissions: ['RbacBatchCheckPermissions'],
};

describe('an operation this console does not know', () => {
  it.each(PIECES)('leaves only the %s piece unread, with the reason', async (piece) => {
    const double = createConsoleDouble({ seed: 'demo' });
    double.backend.setFaults({ unknownOperations: PIECE_OF[piece] });
    const snapshot = await readOrgSnapshot(clientFor(double, 'demo-org'));
    expect(parseOrgSnapshot(snapshot).ok).toBe(true);
    for (const other of PIECES) expect(snapshot.pieces[other].read, other).toBe(other !== piece);
    expect(snapshot.pieces[piece].reason).toMatch(/Cannot query field/);
    expect(snapshot.members).toHaveLength(double.backend.state().members.length);
  });

  it('leaves project roles and groups unread together, people and org roles still read', async () => {
    const double = createConsoleDouble({ seed: 'demo' });
    double.backend.setFaults({ unknownOperations: ['OrgMembers', 'PermissionGroups'] });
    const snapshot = await readOrgSnapshot(clientFor(double, 'demo-org'));
    expect(snapshot.pieces.projectRoles.read).toBe(false);
    expect(snapshot.pieces.groups.read).toBe(false);
    expect(snapshot.groups).toEqual([]);
    expect(snapshot.members.find((member) => member.id === 'u-1')).toMatchObject({ orgRole: 'admin', status: 'joined', projectRoles: [], lastActiveAt: null });
    expect(snapshot.members.find((member) => member.id === 'u-25')).toMatchObject({ status: 'pending' });
  });

  it('leaves role definitions unread on their own: custom roles keep their names, every piece stands', async () => {
    const double = createConsoleDouble({ seed: 'demo' });
    const whole = await readOrgSnapshot(clientFor(double, 'demo-org'));
    expect(whole.roleDefinitions).toMatchObject({ read: true, reason: null });
    expect(whole.roleDefinitions?.roles.map((role) => role.name)).toEqual(['Analyst', 'Marketing', 'Data Steward', 'Contributor']);

    double.backend.setFaults({ unknownOperations: ['RoleDefinitions'] });
    const snapshot = await readOrgSnapshot(clientFor(double, 'demo-org'));
    expect(parseOrgSnapshot(snapshot).ok).toBe(true);
    expect(snapshot.roleDefinitions).toMatchObject({ read: false, roles: [] });
    expect(snapshot.roleDefinitions?.reason).toMatch(/Cannot query field/);
    for (const piece of PIECES) expect(snapshot.pieces[piece].read, piece).toBe(true);
    expect(snapshot.members.find((member) => member.id === 'u-21')?.projectRoles).toEqual([{ projectId: 'p-1', role: 'member', customRole: { id: 'role-analyst', name: 'Analyst' } }]);
  });

  it.each(['OrgData', 'Users'] as const)('fails the whole read when it is %s', async (operation) => {
    const double = createConsoleDouble({ seed: 'demo' });
    double.backend.setFaults({ unknownOperations: [operation] });
    await expect(readOrgSnapshot(clientFor(double, 'demo-org'))).rejects.toThrow(new RegExp(`${operation}: Cannot query field`));
  });
});

describe('a console answer with a renamed field', () => {
  it('fails naming the operation and the field', async () => {
    const double = createConsoleDouble({ seed: 'demo' });
    const inner = fetchFrom(double);
    const renaming: typeof fetch = async (input, init) => {
      const response = await inner(input, init);
      if (!String(input).includes('q=Users')) return response;
      const body = (await response.json()) as { data: { users: Array<Record<string, unknown>> } };
      for (const node of body.data.users) {
        node.isPending = node.hasOutstandingInvite;
        delete node.hasOutstandingInvite;
      }
      return new Response(JSON.stringify(body), { status: 200 });
    };
    const client = createConsoleClient({ origin: ORIGIN, orgUrl: 'demo-org', fetch: renaming });
    await expect(readOrgSnapshot(client)).rejects.toThrow(/Users: field "users\[0\]\.hasOutstandingInvite"/);
  });
});

describe('the Origin check', () => {
  it('refuses a read from another origin (a service worker sends the extension origin)', async () => {
    const double = createConsoleDouble({ seed: 'demo' });
    const inner = fetchFrom(double);
    const foreign: typeof fetch = (input, init) => inner(input, { ...init, headers: { ...(init?.headers as Record<string, string>), origin: 'chrome-extension://abcdefghijklmnop' } });
    const client = createConsoleClient({ origin: ORIGIN, orgUrl: 'demo-org', fetch: foreign, attempts: 1 });
    await expect(readOrgSnapshot(client)).rejects.toMatchObject({ kind: 'forbidden' });
  });
});

describe('a large org', () => {
  it('is checked and made into members in slices, with a pause for the page between them', { timeout: 30_000 }, async () => {
    const double = createConsoleDouble({ seed: 'large' });
    const people = double.backend.state().members.length;
    let pauses = 0;
    const snapshot = await readOrgSnapshot(clientFor(double, 'large-org'), {
      pause: async () => {
        pauses++;
      },
    });
    expect(snapshot.members).toHaveLength(people);
    // Checking and making members each pause after every 500 people.
    expect(pauses).toBe(2 * (Math.ceil(people / 500) - 1));
  });

  it('names the person whose entry breaks the shape, however far down the list', async () => {
    const double = createConsoleDouble({ seed: 'large' });
    const inner = fetchFrom(double);
    const breaking: typeof fetch = async (input, init) => {
      const response = await inner(input, init);
      if (!String(input).includes('q=Users')) return response;
      const body = (await response.json()) as { data: { users: Array<Record<string, unknown>> } };
      body.data.users[1234]!.orgRole = 'admin';
      return new Response(JSON.stringify(body), { status: 200 });
    };
    const client = createConsoleClient({ origin: ORIGIN, orgUrl: 'large-org', fetch: breaking, attempts: 1 });
    await expect(readOrgSnapshot(client)).rejects.toThrow(/Users: field "users\[1234\]\.orgRole"/);
  });
});

describe('an org id known from an earlier read', () => {
  /** The double behind a fetch that logs when each operation is asked and answered. */
  function timedClient(double: Double) {
    const events: string[] = [];
    const inner = fetchFrom(double);
    const fetch: typeof globalThis.fetch = async (input, init) => {
      const operation = new URL(String(input)).searchParams.get('q');
      events.push(`ask ${operation}`);
      // Let every request asked in the same turn go out first.
      await new Promise((resolve) => setTimeout(resolve, 0));
      const answer = await inner(input, init);
      events.push(`answer ${operation}`);
      return answer;
    };
    return { client: createConsoleClient({ origin: ORIGIN, orgUrl: 'demo-org', fetch, attempts: 1 }), events };
  }
  const withoutTime = ({ readAt: _readAt, ...snapshot }: Awaited<ReturnType<typeof readOrgSnapshot>>) => snapshot;

  it('asks OrgData alongside the other pieces, and reads the same org', async () => {
    const double = createConsoleDouble({ seed: 'demo' });
    const expected = withoutTime(await readOrgSnapshot(clientFor(double, 'demo-org')));
    const { client, events } = timedClient(double);
    const snapshot = await readOrgSnapshot(client, { knownOrgId: double.backend.state().org.id });
    expect(withoutTime(snapshot)).toEqual(expected);
    expect(events.indexOf('ask Users')).toBeLessThan(events.indexOf('answer OrgData'));
  });

  it('reads again, OrgData first, when the id is not this org\'s: nothing read for the other id stands', async () => {
    const double = createConsoleDouble({ seed: 'demo' });
    const expected = withoutTime(await readOrgSnapshot(clientFor(double, 'demo-org')));
    const { client, events } = timedClient(double);
    const snapshot = await readOrgSnapshot(client, { knownOrgId: double.backend.state().org.id + 1 });
    expect(withoutTime(snapshot)).toEqual(expected);
    // The second round: Users asked again once OrgData told the real id.
    expect(events.filter((event) => event === 'ask Users')).toHaveLength(2);
    expect(events.lastIndexOf('ask Users')).toBeGreaterThan(events.indexOf('answer OrgData'));
  });
});
