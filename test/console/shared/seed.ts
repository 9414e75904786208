/**
 * The console double's seed format: a whole org, validated with zod when loaded.
 * This is the double's own model (not the extension's): it mimics what the real backend knows.
 *
 * Dates are ISO strings. `now` is the double's fixed clock, so "active in the last 30 days" and
 * "invite older than 14 days" are deterministic in tests.
 */
import { z } from 'zod';

/** Org-level roles [doc]. With project-level permissions on, non-admins read "User" [doc]. */
export const OrgRole = z.enum(['viewer', 'member', 'manager', 'admin', 'user']);
export type OrgRole = z.infer<typeof OrgRole>;

/** Per-project roles [doc, shot]. Admin exists only at org level. */
export const ProjectRole = z.enum(['no_access', 'viewer', 'member', 'manager']);
export type ProjectRole = z.infer<typeof ProjectRole>;

/**
 * A custom role's id (Enterprise RBAC [doc]; the id's form is ours [guess]). A seed may write it as
 * a grant's role; permissions are ids of the RBAC catalogue (`rbac-permissions.json`, permission-ids.ts).
 */
export const CustomRoleId = z.string().regex(/^role-[a-z0-9-]+$/);
export const CustomRole = z.object({
  id: CustomRoleId,
  /** "a name of up to about 30 characters" [doc]. */
  name: z.string().min(1).max(30),
  description: z.string().default(''),
  permissions: z.array(z.string()),
});
export type CustomRole = z.infer<typeof CustomRole>;

/**
 * A role on one project: a default role, or (RBAC orgs) a custom role. A seed writes a custom role
 * by its id as `role`; it is kept as `customRoleId`, with `role` 'member' standing in for the
 * double's ranked rules (who may manage people, group floors): "every new role starts from the
 * default Member's permissions" [doc], and ranking a custom role at all is the double's [guess].
 */
export const ProjectRoleGrant = z.union([
  z.object({ projectId: z.string(), role: ProjectRole, customRoleId: CustomRoleId.optional() }),
  z.object({ projectId: z.string(), role: CustomRoleId }).transform(({ projectId, role }) => ({ projectId, role: 'member' as const, customRoleId: role })),
]);
export type ProjectRoleGrant = z.infer<typeof ProjectRoleGrant>;

export const ContentCounts = z.object({
  charts: z.number().int().nonnegative(),
  dashboards: z.number().int().nonnegative(),
  cohorts: z.number().int().nonnegative(),
  notebooks: z.number().int().nonnegative(),
});
export type ContentCounts = z.infer<typeof ContentCounts>;

export const SeedMember = z.object({
  id: z.string(),
  email: z.string().email(),
  name: z.string(),
  status: z.enum(['joined', 'pending']),
  orgRole: OrgRole,
  teamId: z.string().nullable().default(null),
  /** Direct project roles (project-level permissions only). */
  projectRoles: z.array(ProjectRoleGrant).default([]),
  invitedAt: z.string(),
  invitedBy: z.string().nullable().default(null),
  joinedAt: z.string().nullable().default(null),
  lastActiveAt: z.string().nullable().default(null),
  content: ContentCounts.default({ charts: 0, dashboards: 0, cohorts: 0, notebooks: 0 }),
});
export type SeedMember = z.infer<typeof SeedMember>;

export const SeedGroup = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().default(''),
  type: z.literal('regular').default('regular'),
  projectRoles: z.array(ProjectRoleGrant).default([]),
  defaultProjectId: z.string().nullable().default(null),
  teamSpaceIds: z.array(z.string()).default([]),
  memberIds: z.array(z.string()).default([]),
  lastModifiedAt: z.string(),
  /** A person's name, or "SCIM Provisioned" [shot]. */
  lastModifiedBy: z.string(),
});
export type SeedGroup = z.infer<typeof SeedGroup>;

export const Seed = z.object({
  now: z.string(),
  org: z.object({
    id: z.number().int().positive(),
    url: z.string().regex(/^[a-z0-9-]+$/),
    name: z.string(),
    plan: z.enum(['starter', 'plus', 'growth', 'enterprise']),
    projectLevelPermissions: z.boolean(),
    rbac: z.boolean(),
  }),
  signedInMemberId: z.string(),
  projects: z.array(z.object({ id: z.string(), name: z.string(), description: z.string().default('') })),
  teams: z.array(z.object({ id: z.string(), name: z.string() })),
  teamSpaces: z.array(z.object({ id: z.string(), name: z.string() })),
  members: z.array(SeedMember),
  groups: z.array(SeedGroup).default([]),
  /** RBAC custom roles (org.rbac on); grants name them by id. */
  customRoles: z.array(CustomRole).default([]),
  accessRequests: z
    .array(z.object({ email: z.string().email(), name: z.string(), requestedAt: z.string() }))
    .default([]),
});
export type Seed = z.infer<typeof Seed>;
export type SeedInput = z.input<typeof Seed>;
