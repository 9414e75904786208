/**
 * Role names and order as the console shows them [doc]: Viewer < Member < Manager < Admin, with
 * No Access below all on project-level orgs. With project-level permissions on, the org column
 * reads only "User" or "Admin" [doc, shot].
 */
import type { OrgRole, ProjectRole } from '../../shared/seed';

export type { OrgRole, ProjectRole } from '../../shared/seed';

export const PROJECT_ROLES: readonly ProjectRole[] = ['no_access', 'viewer', 'member', 'manager'];
export const ORG_LEVEL_ROLES: readonly OrgRole[] = ['viewer', 'member', 'manager', 'admin'];
export const PROJECT_LEVEL_ORG_ROLES: readonly OrgRole[] = ['user', 'admin'];

export const ROLE_LABEL: Record<OrgRole | ProjectRole, string> = {
  no_access: 'No Access',
  viewer: 'Viewer',
  member: 'Member',
  manager: 'Manager',
  admin: 'Admin',
  user: 'User',
};

const RANK: Record<ProjectRole | 'admin', number> = { no_access: 0, viewer: 1, member: 2, manager: 3, admin: 4 };

export const projectRoleRank = (role: ProjectRole): number => RANK[role];

/** The highest of these roles ("the highest wins" [doc]), or null for none. */
export function highestProjectRole(roles: readonly ProjectRole[]): ProjectRole | null {
  let best: ProjectRole | null = null;
  for (const role of roles) if (best === null || RANK[role] > RANK[best]) best = role;
  return best;
}

/** The tooltip the console shows when a group's grant blocks a lower role [doc]. */
export const GROUP_GRANT_TOOLTIP = 'User(s) are assigned access to this project via Group(s)';
