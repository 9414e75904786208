// @vitest-environment node
/**
 * Contract tests, double side (issue 13, acceptance 1): every operation over the double's HTTP
 * handler, on both paths (`/t/graphql/org/<orgId>` and `/t/graphql/org-url/<orgUrl>`), with the
 * Origin check. The [code] operations are held to the field lists of console-reference.md,
 * section 7, written out here as selections (not derived from the double's own schemas), so a
 * field renamed, added or dropped on either side fails.
 */
import { describe, expect, it } from 'vitest';
import { OPERATIONS, type OperationName } from '../shared/operations';
import { ORG_ROLE_CODE } from '../shared/org-role-codes';
import { createConsoleDouble, type ConsoleDouble } from './double';

const APP = 'https://app.amplitude.com';

/** The selections of section 7, as public code sends them. */
const CODE_SELECTIONS: Record<string, string> = {
  OrgData: 'apps { id name } currentUser { loginId email fullName orgRole } org { orgId name url plan createdAt } orgHasAppWithData orgCount planInfo { plan planType }',
  Users:
    'users { id alias avatarVersion blurb createdAt defaultAllProjectRole defaultAppId email firstName fullName hasAvatar hasOutstandingInvite isConnectedToSlack lastName loginId name orgRole orgTeam title pronouns }',
  TeamSpaces: 'teamSpaces { id spaceId orgId type name description isArchived isDeleted itemCount createdBy createdAt permissionLevel public }',
  RbacBatchCheckPermissions: 'rbacBatchCheckPermissions { results { action allowed } }',
  GlobalSearch: 'unisearchContentSearch { results { entity { entityId name type owners appIds lastModifiedAt lastViewedAt isArchived } } totalHits }',
};

/** Variables each operation is called with (as the contract gives them). */
const VARIABLES: Record<OperationName, unknown> = {
  OrgData: { product: 'analytics' },
  Users: {},
  TeamSpaces: { fetchItemCountInSpaces: true },
  RbacBatchCheckPermissions: { input: { actions: ['INVITE_NEW_USERS', 'REMOVE_USERS'] } },
  GlobalSearch: { query: '', limit: 5, owners: ['grace.liu@lumenfield.example'], searchContentTypes: ['CHART', 'DASHBOARD', 'COHORT', 'NOTEBOOK'] },
  OrgSettings: {},
  RoleDefinitions: {},
  Projects: {},
  TeamsAndSpaces: {},
  MemberCounts: {},
  OrgMembers: { status: 'joined', first: 5 },
  PermissionGroups: { first: 5 },
  InviteUsers: { invites: [{ email: 'contract@lumenfield.example', teamId: null }], projectRoles: [{ projectId: 'p-1', role: 'viewer' }] },
  UpdateMemberRole: { memberId: 'u-3', orgRole: 'admin' },
  SetProjectAccess: { memberIds: ['u-19'], projectRoles: [{ projectId: 'p-8', role: 'viewer' }] },
  RemoveMembers: { memberIds: ['u-19'], transferToMemberId: null },
};

type Tree = Map<string, Tree | null>;

/** "a { b c } d" → {a: {b, c}, d}. */
function parseSelection(text: string): Tree {
  const tokens = text.match(/[{}]|[A-Za-z_]\w*/g) ?? [];
  let at = 0;
  const level = (): Tree => {
    const tree: Tree = new Map();
    while (at < tokens.length && tokens[at] !== '}') {
      const name = tokens[at++]!;
      if (tokens[at] === '{') {
        at++;
        tree.set(name, level());
        at++; // '}'
      } else tree.set(name, null);
    }
    return tree;
  };
  return level();
}

/** Every place where the value's keys differ from the selection (arrays: each element). */
function shapeDifferences(value: unknown, tree: Tree, path = 'data'): string[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => shapeDifferences(item, tree, `${path}[${index}]`));
  if (typeof value !== 'object' || value === null) return [`${path}: expected an object, got ${JSON.stringify(value)}`];
  const keys = Object.keys(value);
  const differences = [
    ...keys.filter((key) => !tree.has(key)).map((key) => `${path}.${key}: not in the selection`),
    ...[...tree.keys()].filter((key) => !keys.includes(key)).map((key) => `${path}.${key}: missing`),
  ];
  for (const [key, sub] of tree) {
    const child = (value as Record<string, unknown>)[key];
    if (sub && child !== undefined && child !== null) differences.push(...shapeDifferences(child, sub, `${path}.${key}`));
  }
  return differences;
}

type Path = 'org' | 'org-url';

function call(double: ConsoleDouble, operation: string, variables: unknown, options: { path: Path; origin?: string | null; xOrg?: boolean }) {
  const org = double.backend.org();
  const headers: Record<string, string> = { 'content-type': 'application/json', cookie: `amp_session=${double.sessionCookie().value}` };
  if (options.origin !== null) headers.origin = options.origin ?? APP;
  if (options.xOrg !== false) headers['x-org'] = String(org.id);
  return double.handle({
    method: 'POST',
    url: `${APP}/t/graphql/${options.path === 'org' ? `org/${org.id}` : `org-url/${org.url}`}?q=${operation}`,
    headers,
    body: JSON.stringify({ operationName: operation, variables, query: `query ${operation} { ... }` }),
  });
}

const json = (response: { body: string | Uint8Array }) => JSON.parse(typeof response.body === 'string' ? response.body : Buffer.from(response.body).toString('utf8'));

const PATHS: Path[] = ['org', 'org-url'];
const OPERATION_NAMES = Object.keys(OPERATIONS) as OperationName[];

describe.each(PATHS)('over /t/graphql/%s/...', (path) => {
  it.each(OPERATION_NAMES)('%s answers data matching the contract', async (operation) => {
    const double = createConsoleDouble({ seed: 'demo' });
    const response = await call(double, operation, VARIABLES[operation], { path });
    expect(response.status).toBe(200);
    const body = json(response);
    expect(body.errors).toBeUndefined();
    expect(OPERATIONS[operation].data.safeParse(body.data).success).toBe(true);
    const selection = CODE_SELECTIONS[operation];
    if (selection) expect(shapeDifferences(body.data, parseSelection(selection))).toEqual([]);
  });

  it.each(OPERATION_NAMES)('%s is refused with a foreign Origin, and changes nothing', async (operation) => {
    const double = createConsoleDouble({ seed: 'demo' });
    for (const origin of ['chrome-extension://abcdefghijklmnopabcdefghijklmnop', 'https://evil.example', null]) {
      const response = await call(double, operation, VARIABLES[operation], { path, origin });
      expect(response.status).toBe(403);
      expect(json(response)).toEqual({ errors: [{ message: 'Origin not allowed', extensions: { code: 'FORBIDDEN' } }] });
    }
    expect(double.backend.mutations()).toEqual([]);
    expect((await call(double, operation, VARIABLES[operation], { path, origin: APP })).status).toBe(200);
  });

  it('the [code] shapes hold on every bundled seed', async () => {
    for (const seed of ['sole-admin', 'org-level']) {
      const double = createConsoleDouble({ seed });
      const signedIn = double.backend.state().members.find((m) => m.id === double.backend.signedInMemberId())!;
      const variables = { ...VARIABLES, GlobalSearch: { ...(VARIABLES.GlobalSearch as object), owners: [signedIn.email] } } as Record<string, unknown>;
      for (const [operation, selection] of Object.entries(CODE_SELECTIONS)) {
        const body = json(await call(double, operation, variables[operation], { path }));
        expect(shapeDifferences(body.data, parseSelection(selection)), `${seed} ${operation}`).toEqual([]);
      }
    }
  });

  it('OrgData comes without x-org (how a client learns the id); the other [code] operations do not', async () => {
    const double = createConsoleDouble({ seed: 'demo' });
    const orgData = await call(double, 'OrgData', VARIABLES.OrgData, { path, xOrg: false });
    expect(orgData.status).toBe(200);
    expect(json(orgData).data.org.orgId).toBe(412345);
    for (const operation of ['Users', 'TeamSpaces', 'RbacBatchCheckPermissions', 'GlobalSearch'] as const) {
      expect((await call(double, operation, VARIABLES[operation], { path, xOrg: false })).status, operation).toBe(403);
    }
  });
});

describe('values the extension relies on (contract)', () => {
  it('types: numeric org ids and roles, Unix-second times, string project ids, owners by login id', async () => {
    const double = createConsoleDouble({ seed: 'demo', clock: 'seed' });
    const orgData = json(await call(double, 'OrgData', VARIABLES.OrgData, { path: 'org-url' })).data;
    expect(typeof orgData.org.orgId).toBe('number');
    expect(orgData.currentUser.orgRole).toBe(4);
    expect(Number.isInteger(orgData.org.createdAt) && orgData.org.createdAt < 2_000_000_000).toBe(true);
    expect(orgData.apps.every((app: { id: unknown }) => typeof app.id === 'string')).toBe(true);

    const users = json(await call(double, 'Users', {}, { path: 'org' })).data.users as Array<Record<string, unknown>>;
    expect(users.every((user) => typeof user.orgRole === 'number' && Number.isInteger(user.createdAt) && user.loginId === user.email)).toBe(true);
    expect(new Set(users.map((user) => user.orgRole))).toEqual(new Set([ORG_ROLE_CODE.admin, ORG_ROLE_CODE.user]));
    expect(users.filter((user) => user.hasOutstandingInvite)).toHaveLength(6);

    const search = json(await call(double, 'GlobalSearch', { ...(VARIABLES.GlobalSearch as object), limit: 1, searchContentTypes: ['CHART'] }, { path: 'org' })).data;
    expect(search.unisearchContentSearch.totalHits).toBe(48);
    expect(search.unisearchContentSearch.results).toHaveLength(1);
    expect(search.unisearchContentSearch.results[0].entity.owners).toEqual(['grace.liu@lumenfield.example']);
  });
});
