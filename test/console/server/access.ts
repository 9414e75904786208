/**
 * Who holds which role where, and who may change what. The reference's rules (section 3) [doc]:
 * the highest of the direct role and every group's role wins; Admin at org level means Admin
 * everywhere; only Admins and Managers change members, Managers only on projects where they are
 * Manager, and never Admin itself.
 */
import type { ProjectRole, SeedGroup } from '../shared/seed';
import { highestRole, type EffectiveRole } from './roles';
import type { OrgStore, StoredMember } from './store';

const DAY_MS = 24 * 60 * 60 * 1000;
/** "The receiver must have logged in within the last 30 days" [doc]. */
export const RECIPIENT_ACTIVE_DAYS = 30;

export const isAdmin = (member: StoredMember): boolean => member.orgRole === 'admin';

/** The member's direct grant on a project (project-level orgs), or null. */
export function directRole(member: StoredMember, projectId: string): ProjectRole | null {
  return member.projectRoles.find((grant) => grant.projectId === projectId)?.role ?? null;
}

/** The highest role any of these groups grants on a project, or null when none mentions it. */
export function groupGrant(groups: readonly SeedGroup[], projectId: string): ProjectRole | null {
  return highestRole(groups.flatMap((group) => group.projectRoles.filter((grant) => grant.projectId === projectId).map((grant) => grant.role)));
}

/** The role a member actually has on a project, or null for none at all. */
export function effectiveRole(store: OrgStore, member: StoredMember, projectId: string): EffectiveRole | null {
  if (isAdmin(member)) return 'admin';
  if (!store.projectLevel) {
    // Org level: one role for every project [doc]. 'user' cannot occur here (seed invariant).
    return member.orgRole === 'user' ? null : member.orgRole;
  }
  return highestRole([directRole(member, projectId), groupGrant(store.groupsOf(member.id), projectId)].filter((role): role is ProjectRole => role !== null));
}

/** Projects on which the member may manage people: all for Admins and org-level Managers. */
export function managedProjectIds(store: OrgStore, member: StoredMember): Set<string> {
  const all = store.state.projects.map((project) => project.id);
  if (isAdmin(member)) return new Set(all);
  if (!store.projectLevel) return new Set(member.orgRole === 'manager' ? all : []);
  return new Set(all.filter((projectId) => effectiveRole(store, member, projectId) === 'manager'));
}

/**
 * May this member invite, remove and change roles at all? Admins; org-level Managers; with
 * project-level permissions, a 'user' who is Manager on at least one project [doc: "project-level
 * ones whose role allows it"; which roles allow it is our reading].
 */
export function canManageMembers(store: OrgStore, member: StoredMember): boolean {
  return managedProjectIds(store, member).size > 0;
}

/** Joined and seen within the last 30 days of the double's clock. */
export function isRecentlyActive(store: OrgStore, member: StoredMember): boolean {
  if (member.status !== 'joined' || member.lastActiveAt === null) return false;
  return store.nowMs - Date.parse(member.lastActiveAt) <= RECIPIENT_ACTIVE_DAYS * DAY_MS;
}

/** Projects a member would reach with these direct grants and groups (anything above No Access). */
export function grantedProjectIds(grants: readonly { projectId: string; role: ProjectRole }[], groups: readonly SeedGroup[]): Set<string> {
  const ids = new Set<string>();
  for (const grant of [...grants, ...groups.flatMap((group) => group.projectRoles)]) {
    if (grant.role !== 'no_access') ids.add(grant.projectId);
  }
  return ids;
}
