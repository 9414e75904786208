/**
 * Our own model of an org (`OrgSnapshot`): what `utils/amplitude` produces from the console's data
 * and everything else works on. It carries no Amplitude wire names; only the meaning.
 * zod/mini, not zod: this ships in the content script, whose size is budgeted.
 */
import { z } from 'zod/mini';
import { ORG_ROLES, PROJECT_ROLES, ROLES } from './roles';

export { compareRoles, type CustomRoleNames, grantsAccess, maxRole, roleLabel, ROLES } from './roles';

export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;
export const ProjectRole = z.enum(PROJECT_ROLES);
export type ProjectRole = z.infer<typeof ProjectRole>;
export const OrgRole = z.enum(ORG_ROLES);
export type OrgRole = z.infer<typeof OrgRole>;

/** ISO 8601 timestamp, with `Z` or an offset. */
const IsoTime = z.iso.datetime({ offset: true });
const Count = z.int().check(z.nonnegative());

export const OrgSettings = z.object({
  /** Numeric org id (also in `/analytics/org/<id>/...` URLs [doc]). */
  id: z.number(),
  /** The org's URL slug, as in `/analytics/<url>/...` [doc]. */
  url: z.string(),
  name: z.string(),
  /** On: a role per project, 'user' as the non-Admin org role, No Access as a value [doc]. */
  projectLevelPermissions: z.boolean(),
  /** Enterprise role-based access control (custom roles) [doc]. */
  rbac: z.boolean(),
});
export type OrgSettings = z.infer<typeof OrgSettings>;

export const Project = z.object({ id: z.string(), name: z.string(), description: z.string() });
export type Project = z.infer<typeof Project>;

export const Team = z.object({ id: z.string(), name: z.string() });
export type Team = z.infer<typeof Team>;

export const TeamSpace = z.object({ id: z.string(), name: z.string() });
export type TeamSpace = z.infer<typeof TeamSpace>;

export const ProjectRoleGrant = z.object({ projectId: z.string(), role: ProjectRole });
export type ProjectRoleGrant = z.infer<typeof ProjectRoleGrant>;

/** What a removal without transfer would orphan [doc, §5]. */
export const ContentCounts = z.object({ charts: Count, dashboards: Count, cohorts: Count, notebooks: Count });
export type ContentCounts = z.infer<typeof ContentCounts>;

export const Member = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  /** 'pending' = an invite not yet accepted [doc]. */
  status: z.enum(['joined', 'pending']),
  orgRole: OrgRole,
  teamId: z.nullable(z.string()),
  /** Direct project roles; meaningful only with project-level permissions. */
  projectRoles: z.array(ProjectRoleGrant),
  groupIds: z.array(z.string()),
  invitedAt: IsoTime,
  joinedAt: z.nullable(IsoTime),
  lastActiveAt: z.nullable(IsoTime),
  content: ContentCounts,
});
export type Member = z.infer<typeof Member>;

export const Group = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  /** A group's role per project: No Access to Manager, never Admin [shot]. */
  projectRoles: z.array(ProjectRoleGrant),
  defaultProjectId: z.nullable(z.string()),
  teamSpaceIds: z.array(z.string()),
  memberIds: z.array(z.string()),
});
export type Group = z.infer<typeof Group>;

export const OrgSnapshot = z.object({
  org: OrgSettings,
  /** The signed-in admin looking at the page. */
  viewerId: z.string(),
  projects: z.array(Project),
  teams: z.array(Team),
  teamSpaces: z.array(TeamSpace),
  members: z.array(Member),
  groups: z.array(Group),
  /** RBAC orgs that renamed roles: role value (e.g. 'manager') -> the name the org shows. */
  customRoleNames: z.optional(z.record(z.string(), z.string())),
  /** When the console's data was read; the picture is only as fresh as this. */
  readAt: IsoTime,
});
export type OrgSnapshot = z.infer<typeof OrgSnapshot>;

export type SnapshotParse = { ok: true; snapshot: OrgSnapshot } | { ok: false; error: string };

/** Validates untrusted data (e.g. a cached snapshot) and explains, field by field, what is wrong. */
export function parseOrgSnapshot(data: unknown): SnapshotParse {
  const result = z.safeParse(OrgSnapshot, data);
  return result.success ? { ok: true, snapshot: result.data } : { ok: false, error: z.prettifyError(result.error) };
}
