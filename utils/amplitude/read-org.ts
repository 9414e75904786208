/**
 * Reads the org through the console's data endpoint and returns our own model, piece by piece.
 *
 * - `OrgData` [code] first: the org id (sent as `x-org` on everything after; see endpoint.ts), the
 *   org's name and url, its projects (`apps`) and the signed-in user. Without it nothing else can
 *   be asked on an org-url page, and there are no projects: the read fails. When the caller knows
 *   the org id already (an earlier read of this page's org), `OrgData` goes out with the rest, and
 *   the read stands only if it gives that very id; otherwise it is made again, `OrgData` first.
 * - `Users` [code]: everyone, joined and pending, with the org role and team. Without it there is
 *   nobody to show: the read fails.
 * - Every other piece is read independently: one that fails, or that this console does not know
 *   ("Cannot query field"), is recorded as not read with its reason, and the others stand.
 *   `TeamSpaces` and `RbacBatchCheckPermissions` are [code]; `OrgSettings`, `TeamsAndSpaces`,
 *   `OrgMembers` and `PermissionGroups` are our [guess].
 * Paged [guess] reads follow pagination and check that every page arrived (a short read is an
 * error, never a smaller org).
 */
import * as z from 'zod/mini';
import type { Group, Member, OrgSnapshot, Piece, PieceState, PieceStates, ProjectRoleGrant, RoleDefinitions, Team, TeamSpace, ViewerMay } from '@/utils/access/model';
import { type ConsoleClient, describeShapeError } from './console-client';
import { ConsoleError } from './console-errors';
import { PAGE_SIZE, RBAC_ACTIONS, type OperationName } from './endpoint';
import { orgRoleOfCode } from './org-roles';
import {
  OrgDataData,
  OrgMembersData,
  OrgSettingsData,
  PermissionGroupsData,
  RbacData,
  RoleDefinitionsData,
  TeamSpacesData,
  TeamsAndSpacesData,
  UserNode as UserNodeSchema,
  UsersList,
} from './schemas';

interface Page<Node> {
  nodes: Node[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
  totalCount: number;
}

/** Every page of a paged query; stops at a page limit so a looping cursor cannot hang us. */
export async function readAllPages<Node>(
  operation: OperationName,
  fetchPage: (after: string | null) => Promise<Page<Node>>,
): Promise<Node[]> {
  const nodes: Node[] = [];
  let after: string | null = null;
  for (let pages = 0; pages < 1000; pages++) {
    const page = await fetchPage(after);
    nodes.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) {
      if (nodes.length !== page.totalCount) {
        throw new ConsoleError('unexpected-shape', operation, `read ${nodes.length} items but the console reported totalCount ${page.totalCount}.`);
      }
      return nodes;
    }
    if (!page.pageInfo.endCursor) throw new ConsoleError('unexpected-shape', operation, 'field "pageInfo.endCursor": missing while hasNextPage is true.');
    after = page.pageInfo.endCursor;
  }
  throw new ConsoleError('unexpected-shape', operation, 'more than 1000 pages; stopped.');
}

type Outcome<T> = { ok: true; value: T } | { ok: false; reason: string };

/** One piece: its failure is kept as a reason, never thrown (unless the read was abandoned). */
async function attempt<T>(read: () => Promise<T>, signal?: AbortSignal): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await read() };
  } catch (error) {
    if (signal?.aborted) throw error;
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

const stateOf = (outcome: Outcome<unknown>): PieceState => (outcome.ok ? { read: true, reason: null } : { read: false, reason: outcome.reason });
const isoOfUnix = (seconds: number) => new Date(seconds * 1000).toISOString();
const lower = (text: string | null | undefined) => (text ?? '').trim().toLowerCase();

type UserNode = z.infer<typeof UserNodeSchema>;
type MemberNode = z.infer<typeof OrgMembersData>['members']['nodes'][number];

type GrantNode = MemberNode['projectRoles'][number];

/** A grant in our model: a custom role (RBAC) by id and name, a default role as it is. */
function toGrant(grant: GrantNode): ProjectRoleGrant {
  const { projectId, role, customRoleId, customRoleName } = grant;
  if (!customRoleId) return { projectId, role };
  return { projectId, role, customRole: { id: customRoleId, name: customRoleName?.trim() || customRoleId } };
}

/** A person from `Users`, completed by `OrgMembers` [guess] when that was read. */
function toMember(user: UserNode, extra: MemberNode | undefined): Member {
  const email = lower(user.email) || lower(user.loginId);
  return {
    id: String(user.id),
    email,
    name: (user.name ?? user.fullName ?? '').trim() || email,
    status: user.hasOutstandingInvite ? 'pending' : 'joined',
    orgRole: orgRoleOfCode(user.orgRole),
    team: user.orgTeam?.trim() || null,
    projectRoles: extra ? extra.projectRoles.map(toGrant) : [],
    groupIds: extra ? [...extra.groupIds] : [],
    invitedAt: isoOfUnix(user.createdAt ?? 0),
    joinedAt: extra?.joinedAt ?? null,
    lastActiveAt: extra?.lastActiveAt ?? null,
    content: null,
  };
}

/** Teams by the names people's `orgTeam` gives; the name stands as the id (the invite form picks teams by name). */
function teamsNamedIn(members: readonly Member[]): Team[] {
  const names = [...new Set(members.map((member) => member.team).filter((team): team is string => team !== null))];
  return names.sort((a, b) => a.localeCompare(b)).map((name) => ({ id: name, name }));
}

export interface ReadOptions {
  now?: () => Date;
  signal?: AbortSignal;
  /** Gives the page a turn between slices of work on a large org (the content script passes a task yield). */
  pause?: () => Promise<void>;
  /**
   * The org id an earlier read of this org learned: `OrgData` is then asked alongside the other
   * pieces instead of before them (one round trip less); a different answer makes the read again.
   */
  knownOrgId?: number | null;
}

/** People checked (and made into members) between two pauses. */
const PEOPLE_PER_SLICE = 500;

/** `Users` [code]: the list as it came, then each person checked, a slice between pauses. */
async function readUsers(client: ConsoleClient, pause: () => Promise<void>): Promise<UserNode[]> {
  const { users } = await client.query('Users', {}, UsersList);
  const checked: UserNode[] = [];
  for (let index = 0; index < users.length; index++) {
    if (index > 0 && index % PEOPLE_PER_SLICE === 0) await pause();
    const person = z.safeParse(UserNodeSchema, users[index]);
    if (!person.success) throw new ConsoleError('unexpected-shape', 'Users', describeShapeError(person.error, ['users', index]));
    checked.push(person.data);
  }
  return checked;
}

export async function readOrgSnapshot(client: ConsoleClient, options: ReadOptions = {}): Promise<OrgSnapshot> {
  const { knownOrgId, signal } = options;
  const askOrgData = () => client.query('OrgData', { product: 'analytics' }, OrgDataData);
  if (knownOrgId === undefined || knownOrgId === null || !Number.isSafeInteger(knownOrgId)) {
    const orgData = await askOrgData();
    client.setOrgId(Number(orgData.org.orgId));
    return readPieces(client, orgData, options);
  }
  // OrgData goes out as on the first read (its request is made, headers and all, before `query`
  // first awaits): without `x-org` on an org-url page, so a wrong id cannot make it fail.
  const asked = askOrgData();
  client.setOrgId(knownOrgId);
  const pieces = readPieces(client, asked, options);
  pieces.catch(() => undefined); // met below, or dropped with a read of another org
  const orgData = await asked;
  if (Number(orgData.org.orgId) !== knownOrgId) {
    // The pieces went out for another org id than this page's org has: none of them stands.
    if (signal?.aborted) throw signal.reason;
    client.setOrgId(Number(orgData.org.orgId));
    return readPieces(client, orgData, options);
  }
  return pieces;
}

/** Everything after `OrgData` (its answer is needed only to put the snapshot together). */
async function readPieces(
  client: ConsoleClient,
  orgDataAnswer: z.infer<typeof OrgDataData> | Promise<z.infer<typeof OrgDataData>>,
  { now = () => new Date(), signal, pause = () => Promise.resolve() }: ReadOptions,
): Promise<OrgSnapshot> {
  const readMembers = (status: 'joined' | 'pending') =>
    readAllPages('OrgMembers', async (after) => (await client.query('OrgMembers', { status, search: '', first: PAGE_SIZE, after }, OrgMembersData)).members);
  const piece = <T,>(read: () => Promise<T>) => attempt(read, signal);

  const [users, settings, teams, spaces, may, joined, pending, groups, roles] = await Promise.all([
    readUsers(client, pause),
    piece(() => client.query('OrgSettings', {}, OrgSettingsData)),
    piece(() => client.query('TeamsAndSpaces', {}, TeamsAndSpacesData)),
    piece(() => client.query('TeamSpaces', { fetchItemCountInSpaces: false }, TeamSpacesData)),
    piece(() => client.query('RbacBatchCheckPermissions', { input: { actions: Object.values(RBAC_ACTIONS) } }, RbacData)),
    piece(() => readMembers('joined')),
    piece(() => readMembers('pending')),
    piece(() => readAllPages('PermissionGroups', async (after) => (await client.query('PermissionGroups', { first: PAGE_SIZE, after }, PermissionGroupsData)).groups)),
    // Read on its own: when it fails, custom roles are shown by name and their permissions said unreadable.
    piece(() => client.query('RoleDefinitions', {}, RoleDefinitionsData)),
  ]);
  const orgData = await orgDataAnswer;
  const orgId = Number(orgData.org.orgId);
  const roleDefinitions: RoleDefinitions = roles.ok
    ? { read: true, reason: null, roles: roles.value.customRoles.map((role) => ({ id: role.id, name: role.name, description: role.description ?? '', permissions: [...role.permissions] })) }
    : { read: false, reason: roles.reason, roles: [] };

  const memberRoles: Outcome<MemberNode[]> = !joined.ok ? joined : !pending.ok ? pending : { ok: true, value: [...joined.value, ...pending.value] };
  const extraById = new Map(memberRoles.ok ? memberRoles.value.map((node) => [node.id, node]) : []);
  const members: Member[] = [];
  for (const user of users) {
    if (members.length > 0 && members.length % PEOPLE_PER_SLICE === 0) await pause();
    members.push(toMember(user, extraById.get(String(user.id))));
  }

  // `currentUser` has no member id [code]: the signed-in member is the one with its login id or email.
  const signedIn = new Set([lower(orgData.currentUser.loginId), lower(orgData.currentUser.email)].filter(Boolean));
  const viewer = users.find((user) => signedIn.has(lower(user.loginId)) || signedIn.has(lower(user.email)));

  const allowed = (action: string): boolean | null => (may.ok ? (may.value.rbacBatchCheckPermissions.results.find((result) => result.action === action)?.allowed ?? null) : null);
  const viewerMay: ViewerMay = { invite: allowed(RBAC_ACTIONS.invite), remove: allowed(RBAC_ACTIONS.remove) };

  const pieces: PieceStates = {
    settings: stateOf(settings),
    projectRoles: stateOf(memberRoles),
    groups: stateOf(groups),
    teams: stateOf(teams),
    teamSpaces: stateOf(spaces),
    permissions: stateOf(may),
  } satisfies Record<Piece, PieceState>;

  return {
    org: {
      id: orgId,
      url: orgData.org.url,
      name: orgData.org.name,
      projectLevelPermissions: settings.ok ? settings.value.org.projectLevelPermissions : null,
      rbac: settings.ok ? settings.value.org.rbac : null,
    },
    viewerId: viewer ? String(viewer.id) : null,
    viewerMay,
    projects: orgData.apps.map((app) => ({ id: String(app.id), name: app.name })),
    // Without the team list, the teams someone is in (Users names them [code]) are still known to exist.
    teams: teams.ok ? teams.value.teams.map((team): Team => ({ id: team.id, name: team.name })) : teamsNamedIn(members),
    teamSpaces: spaces.ok
      ? spaces.value.teamSpaces.filter((space) => !space.isArchived && !space.isDeleted).map((space): TeamSpace => ({ id: String(space.id), name: space.name }))
      : [],
    members,
    groups: groups.ok ? groups.value.map((group): Group => ({ ...group, projectRoles: group.projectRoles.map(toGrant) })) : [],
    pieces,
    roleDefinitions,
    readAt: now().toISOString(),
  };
}
