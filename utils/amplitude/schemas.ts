/**
 * [guess] The shapes of the console's answers, written from what the page shows and our assumed
 * operations (endpoint.ts). They are the extension's own, independent of the console double's
 * types: two programs, as the real console and we are. zod/mini keeps the content script small.
 */
import { z } from 'zod/mini';

const ProjectRoleGrant = z.object({ projectId: z.string(), role: z.enum(['no_access', 'viewer', 'member', 'manager']) });
const OrgRole = z.enum(['viewer', 'member', 'manager', 'admin', 'user']);
const PageInfo = z.object({ endCursor: z.nullable(z.string()), hasNextPage: z.boolean() });

export const OrgSettingsData = z.object({
  org: z.object({ id: z.number(), url: z.string(), name: z.string(), projectLevelPermissions: z.boolean(), rbac: z.boolean() }),
  viewer: z.object({ id: z.string(), email: z.string(), name: z.string(), orgRole: OrgRole }),
});

export const ProjectsData = z.object({
  projects: z.array(z.object({ id: z.string(), name: z.string(), description: z.string() })),
});

export const TeamsAndSpacesData = z.object({
  teams: z.array(z.object({ id: z.string(), name: z.string() })),
  teamSpaces: z.array(z.object({ id: z.string(), name: z.string() })),
});

const Count = z.number();
export const MemberNode = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  status: z.enum(['joined', 'pending']),
  orgRole: OrgRole,
  teamId: z.nullable(z.string()),
  projectRoles: z.array(ProjectRoleGrant),
  groupIds: z.array(z.string()),
  invitedAt: z.string(),
  joinedAt: z.nullable(z.string()),
  lastActiveAt: z.nullable(z.string()),
  content: z.object({ charts: Count, dashboards: Count, cohorts: Count, notebooks: Count }),
});

export const OrgMembersData = z.object({
  members: z.object({ nodes: z.array(MemberNode), pageInfo: PageInfo, totalCount: z.number() }),
});

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
