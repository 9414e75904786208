/**
 * A member's access across all projects, condensed: the highest role and how many projects carry
 * each role. Pure (the engine imports it); the badge's words are in access-words.ts.
 */
import type { MemberAccessSummary } from './report';
import { maxRole, type Role, ROLES } from './roles';

export interface SummaryFacts {
  isOrgAdmin: boolean;
  hasDirectGrants: boolean;
  hasGroupGrants: boolean;
  accessKnown: boolean;
}

export function emptyRoleCounts(): Record<Role, number> {
  return { no_access: 0, viewer: 0, member: 0, manager: 0, admin: 0 };
}

/** `projectsByRole`: how many projects carry each effective role; the counts sum to the project count. */
export function summarizeMemberAccess(projectsByRole: Readonly<Record<Role, number>>, facts: SummaryFacts): MemberAccessSummary {
  const projectCount = ROLES.reduce((sum, role) => sum + projectsByRole[role], 0);
  const presentRoles = ROLES.filter((role) => projectsByRole[role] > 0);
  return {
    // An org Admin is Admin even in an org with no projects yet.
    highestRole: facts.isOrgAdmin ? 'admin' : maxRole(...presentRoles),
    isOrgAdmin: facts.isOrgAdmin,
    projectsWithAccess: projectCount - projectsByRole.no_access,
    projectCount,
    projectsByRole,
    hasDirectGrants: facts.hasDirectGrants,
    hasGroupGrants: facts.hasGroupGrants,
    accessKnown: facts.isOrgAdmin || facts.accessKnown,
  };
}
