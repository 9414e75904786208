/**
 * The data endpoint's operations. The transport is public (console-reference.md, section 7
 * [code]): `POST /t/graphql/org/<orgId>?q=<OperationName>` or
 * `POST /t/graphql/org-url/<orgUrl>?q=<OperationName>` with a JSON body
 * `{ operationName, variables, query }`, the session cookie and an `x-org: <orgId>` header.
 *
 * Two kinds of operation live here, each marked with `source`:
 * - [code] `OrgData`, `Users`, `TeamSpaces`, `RbacBatchCheckPermissions`, `GlobalSearch`: names,
 *   variables and fields as public code that drives the real console shows them (section 7); the
 *   choices the reference leaves open are fixed by the issue-13 contract and commented where made.
 * - [guess] everything else: no operation for per-person project roles, groups, invites or
 *   removals is public, so those names and shapes are the double's own invention.
 * The page loads and changes everything through these, and so does the extension (read-only) —
 * its own copy of this knowledge lives in utils/amplitude/.
 *
 * Responses follow GraphQL conventions: `{ data }` on success, `{ errors: [{ message,
 * extensions: { code } }] }` on a refused operation (HTTP 200), HTTP 401 without a valid session,
 * HTTP 5xx on server faults.
 */
import { z } from 'zod';
import { ContentCounts, CustomRole, OrgRole, ProjectRole } from './seed';

/** Content types of `GlobalSearch` [code], and the seed's content count each one is generated from. */
export const CONTENT_TYPES = ['CHART', 'DASHBOARD', 'COHORT', 'NOTEBOOK'] as const;
export type ContentType = (typeof CONTENT_TYPES)[number];
export const CONTENT_COUNT_OF_TYPE: Readonly<Record<ContentType, keyof ContentCounts>> = {
  CHART: 'charts',
  DASHBOARD: 'dashboards',
  COHORT: 'cohorts',
  NOTEBOOK: 'notebooks',
};

/** Permission checks `RbacBatchCheckPermissions` answers as the double's rules say; any other action is not allowed. */
export const RBAC_ACTIONS = {
  /** [code] The action name seen in public code. */
  INVITE_NEW_USERS: 'INVITE_NEW_USERS',
  /** [guess] name. */
  REMOVE_USERS: 'REMOVE_USERS',
} as const;

export const GRAPHQL_PATH_PREFIX = '/t/graphql/org-url/';
/** [guess] The same endpoint with the org named by its numeric id, as pages opened at /analytics/org/<orgId>/... use it. */
export const GRAPHQL_ORG_ID_PATH_PREFIX = '/t/graphql/org/';
export const SESSION_COOKIE = 'amp_session';

export const PageArgs = z.object({
  first: z.number().int().min(1).max(100).default(50),
  /** Opaque cursor from a previous page's `pageInfo.endCursor`. */
  after: z.string().nullable().default(null),
});

/**
 * A role on one project as nodes carry it: a custom role (RBAC) by id and name beside the 'member'
 * its `role` stands in with [guess: the console's tables show the role's name; how its data
 * carries it is not public]. Its permissions come from `RoleDefinitions`.
 */
export const GrantNode = z.object({ projectId: z.string(), role: ProjectRole, customRoleId: z.string().optional(), customRoleName: z.string().optional() });
export type GrantNode = z.infer<typeof GrantNode>;

export const MemberNode = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  status: z.enum(['joined', 'pending']),
  orgRole: OrgRole,
  teamId: z.string().nullable(),
  projectRoles: z.array(GrantNode),
  groupIds: z.array(z.string()),
  invitedAt: z.string(),
  joinedAt: z.string().nullable(),
  lastActiveAt: z.string().nullable(),
  content: ContentCounts,
});
export type MemberNode = z.infer<typeof MemberNode>;

export const GroupNode = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  type: z.string(),
  projectRoles: z.array(GrantNode),
  defaultProjectId: z.string().nullable(),
  teamSpaceIds: z.array(z.string()),
  memberIds: z.array(z.string()),
  lastModifiedAt: z.string(),
  lastModifiedBy: z.string(),
});
export type GroupNode = z.infer<typeof GroupNode>;

const PageInfo = z.object({ endCursor: z.string().nullable(), hasNextPage: z.boolean() });

/** Unix time in seconds, as the [code] operations give `createdAt`. */
const UnixSeconds = z.number().int();
/** Numeric org role of the [code] operations: 4 = Admin [code]; the rest in org-role-codes.ts [guess]. */
const OrgRoleCode = z.number().int();

/** One person of `Users` [code: the field list]. Values the seed has no field for are null or false. */
export const UserNode = z.object({
  /** The seed's member id. */
  id: z.string(),
  alias: z.string().nullable(),
  avatarVersion: z.number().nullable(),
  blurb: z.string().nullable(),
  /** When they were invited, Unix seconds. */
  createdAt: UnixSeconds,
  defaultAllProjectRole: z.string().nullable(),
  /** The default project chosen at invite (a project id), or null. */
  defaultAppId: z.string().nullable(),
  email: z.string(),
  firstName: z.string().nullable(),
  fullName: z.string(),
  hasAvatar: z.boolean(),
  /** Pending: invited and not yet joined [code]. */
  hasOutstandingInvite: z.boolean(),
  isConnectedToSlack: z.boolean(),
  lastName: z.string().nullable(),
  /** The email (lowercase) [code]. */
  loginId: z.string(),
  /** Display name; a pending invitee's is their email. */
  name: z.string(),
  orgRole: OrgRoleCode,
  /** The team's NAME, or null [code]. */
  orgTeam: z.string().nullable(),
  title: z.string().nullable(),
  pronouns: z.string().nullable(),
});
export type UserNode = z.infer<typeof UserNode>;

export const TeamSpaceNode = z.object({
  id: z.string(),
  spaceId: z.string(),
  orgId: z.number(),
  type: z.string(),
  name: z.string(),
  description: z.string(),
  isArchived: z.boolean(),
  isDeleted: z.boolean(),
  /** Null unless asked for with `fetchItemCountInSpaces: true`. */
  itemCount: z.number().int().nullable(),
  /** Login id (email) of whoever created it, or null. */
  createdBy: z.string().nullable(),
  createdAt: UnixSeconds,
  permissionLevel: z.string(),
  public: z.boolean(),
});
export type TeamSpaceNode = z.infer<typeof TeamSpaceNode>;

export const SearchEntity = z.object({
  entityId: z.string(),
  name: z.string(),
  type: z.enum(CONTENT_TYPES),
  /** Login ids (emails) [code]. */
  owners: z.array(z.string()),
  /** Project ids, as `OrgData.apps[].id`. */
  appIds: z.array(z.string()),
  lastModifiedAt: z.string(),
  lastViewedAt: z.string().nullable(),
  isArchived: z.boolean(),
});
export type SearchEntity = z.infer<typeof SearchEntity>;

/**
 * Every operation: where its name and shape come from, its first selected root field (what a
 * GraphQL server names when it does not know the operation), its variables and the shape of
 * `data` in its answer.
 */
export const OPERATIONS = {
  // ---- [code] console-reference.md, section 7 ------------------------------------------------

  /** The org, its projects (`apps`) and the signed-in user [code]. */
  OrgData: {
    kind: 'query',
    source: 'code',
    rootField: 'apps',
    variables: z.object({ product: z.string().nullish() }),
    data: z.object({
      apps: z.array(z.object({ id: z.string(), name: z.string() })),
      currentUser: z.object({ loginId: z.string(), email: z.string(), fullName: z.string(), orgRole: OrgRoleCode }),
      org: z.object({ orgId: z.number(), name: z.string(), url: z.string(), plan: z.string(), createdAt: UnixSeconds }),
      orgHasAppWithData: z.boolean(),
      orgCount: z.number(),
      planInfo: z.object({ plan: z.string(), planType: z.string() }),
    }),
  },
  /** Everyone, joined and pending, in one unpaged list [code]. */
  Users: {
    kind: 'query',
    source: 'code',
    rootField: 'users',
    variables: z.object({}),
    data: z.object({ users: z.array(UserNode) }),
  },
  TeamSpaces: {
    kind: 'query',
    source: 'code',
    rootField: 'teamSpaces',
    variables: z.object({ fetchItemCountInSpaces: z.boolean() }),
    data: z.object({ teamSpaces: z.array(TeamSpaceNode) }),
  },
  /** What the signed-in member may do [code]; `appIds` narrows the check to those projects. */
  RbacBatchCheckPermissions: {
    kind: 'query',
    source: 'code',
    rootField: 'rbacBatchCheckPermissions',
    variables: z.object({
      input: z.object({ actions: z.array(z.string()), appIds: z.array(z.union([z.string(), z.number()])).nullish() }),
    }),
    data: z.object({ rbacBatchCheckPermissions: z.object({ results: z.array(z.object({ action: z.string(), allowed: z.boolean() })) }) }),
  },
  /**
   * Content search [code]. `owners` are login ids (emails); `totalHits` counts every match and
   * `results` holds at most `limit` of them, so `{owners: [email], searchContentTypes: [TYPE],
   * limit: 1}` counts one person's content of one type.
   */
  GlobalSearch: {
    kind: 'query',
    source: 'code',
    rootField: 'unisearchContentSearch',
    variables: z.object({
      query: z.string().default(''),
      limit: z.number().int().nonnegative().default(20),
      owners: z.array(z.string()).nullish(),
      searchContentTypes: z.array(z.enum(CONTENT_TYPES)),
    }),
    data: z.object({
      unisearchContentSearch: z.object({ results: z.array(z.object({ entity: SearchEntity })), totalHits: z.number().int() }),
    }),
  },

  // ---- [guess] the double's own -------------------------------------------------------------

  /**
   * The org's custom roles and their permissions (RBAC) [guess: how the console's data carries role
   * definitions is not public]. Empty for orgs without custom roles. A grant names a custom role by
   * `customRoleId` (its `role` is then 'member', what every custom role starts from [doc]).
   */
  RoleDefinitions: {
    kind: 'query',
    source: 'guess',
    rootField: 'customRoles',
    variables: z.object({}),
    data: z.object({ customRoles: z.array(CustomRole) }),
  },

  /** Org settings and the signed-in person. */
  OrgSettings: {
    kind: 'query',
    source: 'guess',
    rootField: 'org',
    variables: z.object({}),
    data: z.object({
      org: z.object({
        id: z.number(),
        url: z.string(),
        name: z.string(),
        plan: z.string(),
        projectLevelPermissions: z.boolean(),
        rbac: z.boolean(),
      }),
      viewer: z.object({ id: z.string(), email: z.string(), name: z.string(), orgRole: OrgRole }),
      now: z.string(),
    }),
  },
  Projects: {
    kind: 'query',
    source: 'guess',
    rootField: 'projects',
    variables: z.object({}),
    data: z.object({ projects: z.array(z.object({ id: z.string(), name: z.string(), description: z.string() })) }),
  },
  TeamsAndSpaces: {
    kind: 'query',
    source: 'guess',
    rootField: 'teams',
    variables: z.object({}),
    data: z.object({
      teams: z.array(z.object({ id: z.string(), name: z.string() })),
      teamSpaces: z.array(z.object({ id: z.string(), name: z.string() })),
    }),
  },
  /** The four counts at the top of the Users tab [doc]. */
  MemberCounts: {
    kind: 'query',
    source: 'guess',
    rootField: 'total',
    variables: z.object({}),
    data: z.object({ total: z.number(), joined: z.number(), pending: z.number(), requestingAccess: z.number() }),
  },
  /** Members, one status at a time, searched by name or email, paged by cursor. */
  OrgMembers: {
    kind: 'query',
    source: 'guess',
    rootField: 'members',
    variables: PageArgs.extend({ status: z.enum(['joined', 'pending']), search: z.string().default('') }),
    data: z.object({
      members: z.object({ nodes: z.array(MemberNode), pageInfo: PageInfo, totalCount: z.number() }),
    }),
  },
  /** Permission groups, with optional filters as on the Groups tab [shot]. */
  PermissionGroups: {
    kind: 'query',
    source: 'guess',
    rootField: 'groups',
    variables: PageArgs.extend({
      search: z.string().default(''),
      projectId: z.string().nullable().default(null),
      memberId: z.string().nullable().default(null),
    }),
    data: z.object({
      groups: z.object({ nodes: z.array(GroupNode), pageInfo: PageInfo, totalCount: z.number() }),
    }),
  },
  /**
   * One submission of the Invite New Users wizard. Atomic: if any email is refused, nothing is
   * sent and `errors` names each refused email.
   */
  InviteUsers: {
    kind: 'mutation',
    source: 'guess',
    rootField: 'inviteUsers',
    variables: z.object({
      invites: z.array(z.object({ email: z.string(), teamId: z.string().nullable() })).min(1),
      groupIds: z.array(z.string()).default([]),
      /** Project-level orgs: a role per project. */
      projectRoles: z.array(z.object({ projectId: z.string(), role: ProjectRole })).default([]),
      /** Org-level orgs: the one role [guess]. */
      orgRole: z.enum(['viewer', 'member', 'manager', 'admin']).nullable().default(null),
      defaultProjectId: z.string().nullable().default(null),
      teamSpaceIds: z.array(z.string()).default([]),
    }),
    data: z.object({ invited: z.array(z.object({ id: z.string(), email: z.string() })) }),
  },
  /** The Role dropdown in a user row. */
  UpdateMemberRole: {
    kind: 'mutation',
    source: 'guess',
    rootField: 'updateMemberRole',
    variables: z.object({ memberId: z.string(), orgRole: OrgRole }),
    data: z.object({ member: MemberNode }),
  },
  /** Manage Project Access, Submit. `no_access` removes the direct grant. */
  SetProjectAccess: {
    kind: 'mutation',
    source: 'guess',
    rootField: 'setProjectAccess',
    variables: z.object({
      memberIds: z.array(z.string()).min(1),
      projectRoles: z.array(z.object({ projectId: z.string(), role: ProjectRole })).min(1),
    }),
    data: z.object({ members: z.array(MemberNode) }),
  },
  /** Remove Members?, confirmed. Joined and pending alike (revoking an invite is removing). */
  RemoveMembers: {
    kind: 'mutation',
    source: 'guess',
    rootField: 'removeMembers',
    variables: z.object({ memberIds: z.array(z.string()).min(1), transferToMemberId: z.string().nullable() }),
    data: z.object({ removed: z.array(z.string()) }),
  },
} as const;

export type OperationName = keyof typeof OPERATIONS;
export type Variables<Op extends OperationName> = z.input<(typeof OPERATIONS)[Op]['variables']>;
export type Data<Op extends OperationName> = z.infer<(typeof OPERATIONS)[Op]['data']>;

/** Error codes in `errors[].extensions.code`. */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'ALREADY_MEMBER',
  'ALREADY_INVITED',
  'SOLE_ADMIN',
  'CANNOT_REMOVE_SELF',
  'RECIPIENT_INACTIVE',
  'GROUP_GRANT_NOT_LOWERABLE',
  /** An operation this console does not have (the `unknownOperations` fault). */
  'GRAPHQL_VALIDATION_FAILED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface GraphqlError {
  message: string;
  /** For per-email refusals of InviteUsers. */
  path?: string[];
  extensions: { code: ErrorCode; email?: string };
}
