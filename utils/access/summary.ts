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

/**
 * Summaries shared between members: one object per distinct set of counts and facts. A large org
 * has a few hundred distinct summaries among thousands of members, and a summary is read-only.
 * The counts passed in may be a scratch record reused by the caller: a new summary copies them.
 */
export function createSummaryInterner(projectCount: number): (projectsByRole: Readonly<Record<Role, number>>, facts: SummaryFacts) => MemberAccessSummary {
  const known = new Map<number | string, MemberAccessSummary>();
  // Four counts and the facts decide the rest (the counts sum to the project count): as one number while that stays exact.
  const base = projectCount + 1;
  const numericKeys = Number.isSafeInteger(base ** 4 * 16);
  return (projectsByRole, facts) => {
    const flags = (facts.isOrgAdmin ? 1 : 0) | (facts.hasDirectGrants ? 2 : 0) | (facts.hasGroupGrants ? 4 : 0) | (facts.accessKnown ? 8 : 0);
    const { viewer, member, manager, admin } = projectsByRole;
    const key = numericKeys ? (((viewer * base + member) * base + manager) * base + admin) * 16 + flags : `${viewer},${member},${manager},${admin},${flags}`;
    let summary = known.get(key);
    if (!summary) known.set(key, (summary = summarizeMemberAccess({ ...projectsByRole }, facts)));
    return summary;
  };
}
