/**
 * [guess] The data endpoint's operations. The transport is public (console-reference.md,
 * section 7): `POST /t/graphql/org-url/<orgUrl>?q=<OperationName>` with a JSON body
 * `{ operationName, variables, query }`, the session cookie and an `x-org: <orgId>` header.
 * No operation for members, groups, invites or removals is public, so every name and shape here
 * is the double's own invention. The page loads and changes everything through these, and so
 * does the extension (read-only) — its own copy of this knowledge lives in utils/amplitude/.
 *
 * Responses follow GraphQL conventions: `{ data }` on success, `{ errors: [{ message,
 * extensions: { code } }] }` on a refused operation (HTTP 200), HTTP 401 without a valid session,
 * HTTP 5xx on server faults.
 */
import { z } from 'zod';
import { ContentCounts, OrgRole, ProjectRole, ProjectRoleGrant } from './seed';

export const GRAPHQL_PATH_PREFIX = '/t/graphql/org-url/';
/** [guess] The same endpoint with the org named by its numeric id, as pages opened at /analytics/org/<orgId>/... use it. */
export const GRAPHQL_ORG_ID_PATH_PREFIX = '/t/graphql/org/';
export const SESSION_COOKIE = 'amp_session';

export const PageArgs = z.object({
  first: z.number().int().min(1).max(100).default(50),
  /** Opaque cursor from a previous page's `pageInfo.endCursor`. */
  after: z.string().nullable().default(null),
});

export const MemberNode = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  status: z.enum(['joined', 'pending']),
  orgRole: OrgRole,
  teamId: z.string().nullable(),
  projectRoles: z.array(ProjectRoleGrant),
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
  projectRoles: z.array(ProjectRoleGrant),
  defaultProjectId: z.string().nullable(),
  teamSpaceIds: z.array(z.string()),
  memberIds: z.array(z.string()),
  lastModifiedAt: z.string(),
  lastModifiedBy: z.string(),
});
export type GroupNode = z.infer<typeof GroupNode>;

const PageInfo = z.object({ endCursor: z.string().nullable(), hasNextPage: z.boolean() });

/** Every operation: its variables and the shape of `data` in its answer. */
export const OPERATIONS = {
  /** Org settings and the signed-in person. */
  OrgSettings: {
    kind: 'query',
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
    variables: z.object({}),
    data: z.object({ projects: z.array(z.object({ id: z.string(), name: z.string(), description: z.string() })) }),
  },
  TeamsAndSpaces: {
    kind: 'query',
    variables: z.object({}),
    data: z.object({
      teams: z.array(z.object({ id: z.string(), name: z.string() })),
      teamSpaces: z.array(z.object({ id: z.string(), name: z.string() })),
    }),
  },
  /** The four counts at the top of the Users tab [doc]. */
  MemberCounts: {
    kind: 'query',
    variables: z.object({}),
    data: z.object({ total: z.number(), joined: z.number(), pending: z.number(), requestingAccess: z.number() }),
  },
  /** Members, one status at a time, searched by name or email, paged by cursor. */
  OrgMembers: {
    kind: 'query',
    variables: PageArgs.extend({ status: z.enum(['joined', 'pending']), search: z.string().default('') }),
    data: z.object({
      members: z.object({ nodes: z.array(MemberNode), pageInfo: PageInfo, totalCount: z.number() }),
    }),
  },
  /** Permission groups, with optional filters as on the Groups tab [shot]. */
  PermissionGroups: {
    kind: 'query',
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
    variables: z.object({
      invites: z.array(z.object({ email: z.string(), teamId: z.string().nullable() })).min(1),
      groupIds: z.array(z.string()).default([]),
      /** Project-level orgs: a role per project. */
      projectRoles: z.array(ProjectRoleGrant).default([]),
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
    variables: z.object({ memberId: z.string(), orgRole: OrgRole }),
    data: z.object({ member: MemberNode }),
  },
  /** Manage Project Access, Submit. `no_access` removes the direct grant. */
  SetProjectAccess: {
    kind: 'mutation',
    variables: z.object({
      memberIds: z.array(z.string()).min(1),
      projectRoles: z.array(z.object({ projectId: z.string(), role: ProjectRole })).min(1),
    }),
    data: z.object({ members: z.array(MemberNode) }),
  },
  /** Remove Members?, confirmed. Joined and pending alike (revoking an invite is removing). */
  RemoveMembers: {
    kind: 'mutation',
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
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface GraphqlError {
  message: string;
  /** For per-email refusals of InviteUsers. */
  path?: string[];
  extensions: { code: ErrorCode; email?: string };
}
