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
  /**
   * On: a role per project, 'user' as the non-Admin org role, No Access as a value [doc].
   * Null: not readable on this console (piece `settings`): no access is computed from a guess.
   */
  projectLevelPermissions: z.nullable(z.boolean()),
  /** Enterprise role-based access control (custom roles) [doc]; null when not readable. */
  rbac: z.nullable(z.boolean()),
});
export type OrgSettings = z.infer<typeof OrgSettings>;

export const Project = z.object({ id: z.string(), name: z.string() });
export type Project = z.infer<typeof Project>;

export const Team = z.object({ id: z.string(), name: z.string() });
export type Team = z.infer<typeof Team>;

export const TeamSpace = z.object({ id: z.string(), name: z.string() });
export type TeamSpace = z.infer<typeof TeamSpace>;

/** A custom role (Enterprise RBAC) as a grant names it: its id and the name the org gave it. */
export const CustomRoleRef = z.object({ id: z.string(), name: z.string() });
export type CustomRoleRef = z.infer<typeof CustomRoleRef>;

/**
 * A role on one project. With `customRole` the grant is a custom role: `role` is only what the
 * console's data puts beside it (a ranked stand-in, never shown as the person's role); what it
 * grants is its permissions (`OrgSnapshot.roleDefinitions`, permission-union.ts).
 */
export const ProjectRoleGrant = z.object({ projectId: z.string(), role: ProjectRole, customRole: z.optional(CustomRoleRef) });
export type ProjectRoleGrant = z.infer<typeof ProjectRoleGrant>;

/** A custom role's definition: its permissions are ids of the RBAC catalogue (permission-catalogue.ts). */
export const CustomRole = z.object({ id: z.string(), name: z.string(), description: z.string(), permissions: z.array(z.string()) });
export type CustomRole = z.infer<typeof CustomRole>;

/**
 * The org's custom roles, read on their own: when `read` is false (the reason says why) nothing may
 * be said about what a custom role permits, only its name.
 */
export const RoleDefinitions = z.object({ read: z.boolean(), reason: z.nullable(z.string()), roles: z.array(CustomRole) });
export type RoleDefinitions = z.infer<typeof RoleDefinitions>;

/** What a removal without transfer would orphan [doc, §5]. */
export const ContentCounts = z.object({ charts: Count, dashboards: Count, cohorts: Count, notebooks: Count });
export type ContentCounts = z.infer<typeof ContentCounts>;

/** An org role the console gave as a number we do not know: kept as read, never mapped to a role. */
export const UnknownOrgRole = z.object({ code: z.number() });
export type UnknownOrgRole = z.infer<typeof UnknownOrgRole>;
export const MemberOrgRole = z.union([OrgRole, UnknownOrgRole]);
export type MemberOrgRole = z.infer<typeof MemberOrgRole>;

/** The org role when it is one we know; null for an unknown code. */
export function knownOrgRole(role: MemberOrgRole): OrgRole | null {
  return typeof role === 'string' ? role : null;
}

export const Member = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  /** 'pending' = an invite not yet accepted [doc]. */
  status: z.enum(['joined', 'pending']),
  orgRole: MemberOrgRole,
  /** The team's name; null when the person has none. */
  team: z.nullable(z.string()),
  /** Direct project roles; meaningful only with project-level permissions (empty unless piece `projectRoles` was read). */
  projectRoles: z.array(ProjectRoleGrant),
  /** Their groups (empty unless piece `projectRoles` was read; groups list their members too). */
  groupIds: z.array(z.string()),
  invitedAt: IsoTime,
  /** Null: not joined, or piece `projectRoles` not read. */
  joinedAt: z.nullable(IsoTime),
  /** Null: never active, or piece `projectRoles` not read (say which by the piece). */
  lastActiveAt: z.nullable(IsoTime),
  /** What they own; null until counted (the removal guard counts the people it judges). */
  content: z.nullable(ContentCounts),
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

/**
 * The parts of the org that are read independently: each one read, or not with the reason. The
 * org itself, its projects and its people are always read (without them there is no snapshot).
 * - settings: project-level permissions and RBAC on or off
 * - projectRoles: each person's direct project roles, groups, joined and last active dates
 * - groups: the permission groups, their project roles and members
 * - teams: the list of teams
 * - teamSpaces: the team spaces
 * - permissions: what the signed-in admin may do (invite, remove)
 */
export const PIECES = ['settings', 'projectRoles', 'groups', 'teams', 'teamSpaces', 'permissions'] as const;
export type Piece = (typeof PIECES)[number];
export const PieceState = z.object({ read: z.boolean(), reason: z.nullable(z.string()) });
export type PieceState = z.infer<typeof PieceState>;
export const PieceStates = z.object({
  settings: PieceState,
  projectRoles: PieceState,
  groups: PieceState,
  teams: PieceState,
  teamSpaces: PieceState,
  permissions: PieceState,
});
export type PieceStates = z.infer<typeof PieceStates>;

/** What the signed-in admin may do, as the console says; null where it could not be asked. */
export const ViewerMay = z.object({ invite: z.nullable(z.boolean()), remove: z.nullable(z.boolean()) });
export type ViewerMay = z.infer<typeof ViewerMay>;

export const OrgSnapshot = z.object({
  org: OrgSettings,
  /** The signed-in admin looking at the page; null when they are not among the people read. */
  viewerId: z.nullable(z.string()),
  viewerMay: ViewerMay,
  projects: z.array(Project),
  teams: z.array(Team),
  teamSpaces: z.array(TeamSpace),
  members: z.array(Member),
  groups: z.array(Group),
  /** Which parts were read, and why not. */
  pieces: PieceStates,
  /** RBAC orgs that renamed roles: role value (e.g. 'manager') -> the name the org shows. */
  customRoleNames: z.optional(z.record(z.string(), z.string())),
  /** RBAC custom roles and their permissions; absent in snapshots made before they were read. */
  roleDefinitions: z.optional(RoleDefinitions),
  /** When the console's data was read; the picture is only as fresh as this. */
  readAt: IsoTime,
});
export type OrgSnapshot = z.infer<typeof OrgSnapshot>;

/** The pieces that were not read, in order. */
export function unreadPieces(snapshot: Pick<OrgSnapshot, 'pieces'>): Piece[] {
  return PIECES.filter((piece) => !snapshot.pieces[piece].read);
}

/**
 * Whether per-project access can be computed for people who are not org Admins: it needs the
 * permission mode, and the direct roles (project-level) and groups (always) behind it.
 */
export function projectAccessReadable(snapshot: Pick<OrgSnapshot, 'pieces' | 'org'>): boolean {
  const { pieces, org } = snapshot;
  if (org.projectLevelPermissions === null || !pieces.groups.read) return false;
  return org.projectLevelPermissions ? pieces.projectRoles.read : true;
}

export const ALL_READ: PieceStates = Object.fromEntries(PIECES.map((piece) => [piece, { read: true, reason: null }])) as PieceStates;

export type SnapshotParse = { ok: true; snapshot: OrgSnapshot } | { ok: false; error: string };

/** Validates untrusted data (e.g. a cached snapshot) and explains, field by field, what is wrong. */
export function parseOrgSnapshot(data: unknown): SnapshotParse {
  const result = z.safeParse(OrgSnapshot, data);
  return result.success ? { ok: true, snapshot: result.data } : { ok: false, error: z.prettifyError(result.error) };
}
