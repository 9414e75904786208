/**
 * Role vocabulary and order [doc, console-reference §3]: No Access < Viewer < Member < Manager < Admin.
 * Admin exists only at org level; No Access only as a per-project value (project-level permissions).
 * Plain data and functions, no zod: the engine imports this and should stay small.
 */

export const ROLES = ['no_access', 'viewer', 'member', 'manager', 'admin'] as const;
/** Any role a person can end up with on a project. */
export type Role = (typeof ROLES)[number];

/** What a direct grant or a group can give on one project: never Admin [shot]. */
export const PROJECT_ROLES = ['no_access', 'viewer', 'member', 'manager'] as const;
export type ProjectRole = (typeof PROJECT_ROLES)[number];

/**
 * The org-wide role. 'user' is what the console shows for every non-Admin once project-level
 * permissions are on [doc]: it grants nothing by itself.
 */
export const ORG_ROLES = ['viewer', 'member', 'manager', 'admin', 'user'] as const;
export type OrgRole = (typeof ORG_ROLES)[number];

const RANK: Readonly<Record<Role, number>> = { no_access: 0, viewer: 1, member: 2, manager: 3, admin: 4 };

const LABEL: Readonly<Record<Role, string>> = {
  no_access: 'No Access',
  viewer: 'Viewer',
  member: 'Member',
  manager: 'Manager',
  admin: 'Admin',
};

/** Negative when a is lower than b, 0 when equal, positive when higher; usable as a sort comparator. */
export function compareRoles(a: Role, b: Role): number {
  return RANK[a] - RANK[b];
}

/** The highest of the roles ("the highest wins" [doc]); 'no_access' when given none. */
export function maxRole(...roles: readonly Role[]): Role {
  let best: Role = 'no_access';
  for (const role of roles) if (RANK[role] > RANK[best]) best = role;
  return best;
}

/** True when the role lets a person see the project at all. */
export function grantsAccess(role: Role): boolean {
  return role !== 'no_access';
}

/** An org's own names for default roles (RBAC orgs that renamed them): role value -> display name. */
export type CustomRoleNames = Readonly<Partial<Record<string, string>>>;

/**
 * Display name of a role. `customNames` carries the org's own wording where it has renamed a
 * default role (RBAC orgs); anything it does not mention keeps Amplitude's default label.
 */
export function roleLabel(role: Role, customNames?: CustomRoleNames): string {
  return customNames?.[role] ?? LABEL[role];
}
