/**
 * The shapes of the console's answers, as the extension reads them: [code] where public code that
 * drives the real console shows them (console-reference.md, section 7), [guess] where they are ours.
 * They are the extension's own, independent of the console double's types: two programs, as the
 * real console and we are. Only the fields we use are checked; others may come and go.
 * zod/mini keeps the content script small.
 */
import { z } from 'zod/mini';

/** [code] An id the public code sees as a number in some places and a string in others (read-org keeps it as text). */
const AnyId = z.union([z.string(), z.number()]);
/** [code] Unix seconds. */
const UnixTime = z.number();

/** [code] `OrgData`: the org, its projects (`apps`) and the signed-in user. */
export const OrgDataData = z.object({
  apps: z.array(z.object({ id: AnyId, name: z.string() })),
  currentUser: z.object({ loginId: z.string(), email: z.nullable(z.string()), orgRole: z.nullable(z.number()) }),
  org: z.object({
    orgId: AnyId,
    name: z.string(),
    url: z.string(),
    plan: z.nullish(z.string()),
  }),
});

/** [code] `Users`: everyone, joined and pending. Names and dates may be missing for some people. */
export const UserNode = z.object({
  id: AnyId,
  loginId: z.nullish(z.string()),
  email: z.nullish(z.string()),
  name: z.nullish(z.string()),
  fullName: z.nullish(z.string()),
  orgRole: z.number(),
  hasOutstandingInvite: z.boolean(),
  orgTeam: z.nullish(z.string()),
  createdAt: z.nullish(UnixTime),
});
export const UsersData = z.object({ users: z.array(UserNode) });
/**
 * `Users` as it arrives: the list, each person checked against `UserNode` afterwards, a slice at a
 * time (the whole org in one list: one check of 5,000 people would be one long task in the page).
 */
export const UsersList = z.object({ users: z.array(z.unknown()) });

/** [code] `TeamSpaces`. */
export const TeamSpacesData = z.object({
  teamSpaces: z.array(z.object({ id: AnyId, name: z.string(), isArchived: z.nullish(z.boolean()), isDeleted: z.nullish(z.boolean()) })),
});

/** [code] `RbacBatchCheckPermissions`. */
export const RbacData = z.object({
  rbacBatchCheckPermissions: z.object({ results: z.array(z.object({ action: z.string(), allowed: z.boolean() })) }),
});

/**
 * [code] `GlobalSearch`: what counting content needs, and when each item was last changed (the
 * hygiene report's proxy for activity). `lastModifiedAt` is optional: a result without it still counts.
 */
export const GlobalSearchData = z.object({
  unisearchContentSearch: z.object({
    results: z.array(z.object({ entity: z.object({ type: z.string(), lastModifiedAt: z.optional(z.nullable(z.string())) }) })),
    totalHits: z.int().check(z.nonnegative()),
  }),
});

// ---- [guess] operations ------------------------------------------------------------------------

/** A grant; a custom role (RBAC) is named by id and name beside a ranked stand-in `role` [guess]. */
const ProjectRoleGrant = z.object({
  projectId: z.string(),
  role: z.enum(['no_access', 'viewer', 'member', 'manager']),
  customRoleId: z.nullish(z.string()),
  customRoleName: z.nullish(z.string()),
});
const PageInfo = z.object({ endCursor: z.nullable(z.string()), hasNextPage: z.boolean() });

/** [guess] `OrgSettings`: project-level permissions and RBAC. */
export const OrgSettingsData = z.object({
  org: z.object({ projectLevelPermissions: z.boolean(), rbac: z.boolean() }),
});

/** [guess] `TeamsAndSpaces`: the teams. */
export const TeamsAndSpacesData = z.object({
  teams: z.array(z.object({ id: z.string(), name: z.string() })),
});

/** [guess] `OrgMembers`: what Users does not say about each person. */
export const MemberNode = z.object({
  id: z.string(),
  email: z.string(),
  projectRoles: z.array(ProjectRoleGrant),
  groupIds: z.array(z.string()),
  joinedAt: z.nullable(z.string()),
  lastActiveAt: z.nullable(z.string()),
});

export const OrgMembersData = z.object({
  members: z.object({ nodes: z.array(MemberNode), pageInfo: PageInfo, totalCount: z.number() }),
});

/** [guess] `PermissionGroups`. */
export const GroupNode = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  projectRoles: z.array(ProjectRoleGrant),
  defaultProjectId: z.nullable(z.string()),
  teamSpaceIds: z.array(z.string()),
  memberIds: z.array(z.string()),
});

export const PermissionGroupsData = z.object({
  groups: z.object({ nodes: z.array(GroupNode), pageInfo: PageInfo, totalCount: z.number() }),
});

/** [guess] `RoleDefinitions`: RBAC custom roles and their permissions. */
export const RoleDefinitionsData = z.object({
  customRoles: z.array(z.object({ id: z.string(), name: z.string(), description: z.nullish(z.string()), permissions: z.array(z.string()) })),
});
