/**
 * What Manage Project Access shows per project for the selected users: the role they have now
 * ("the highest wins" of direct and group grants [doc]), and the lowest role their groups allow,
 * since group grants cannot be lowered per user [doc].
 */
import { highestProjectRole, projectRoleRank, type ProjectRole } from '../../model/roles';
import type { GroupNode, MemberNode } from '../../model/types';

export interface ProjectAccessRow {
  /** The role all selected users share, or 'multiple' when they differ. */
  current: ProjectRole | 'multiple';
  /** The highest role any selected user's groups grant here; nothing below it can be set. */
  groupFloor: ProjectRole | null;
}

export function groupRole(member: MemberNode, groupsById: ReadonlyMap<string, GroupNode>, projectId: string): ProjectRole | null {
  const roles = member.groupIds.flatMap((groupId) => groupsById.get(groupId)?.projectRoles.filter((grant) => grant.projectId === projectId).map((grant) => grant.role) ?? []);
  return highestProjectRole(roles);
}

export function effectiveRole(member: MemberNode, groupsById: ReadonlyMap<string, GroupNode>, projectId: string): ProjectRole {
  const direct = member.projectRoles.find((grant) => grant.projectId === projectId)?.role ?? null;
  return highestProjectRole([direct, groupRole(member, groupsById, projectId)].filter((role): role is ProjectRole => role !== null)) ?? 'no_access';
}

export function projectAccessRow(members: readonly MemberNode[], groupsById: ReadonlyMap<string, GroupNode>, projectId: string): ProjectAccessRow {
  const roles = new Set(members.map((member) => effectiveRole(member, groupsById, projectId)));
  const floors = members.map((member) => groupRole(member, groupsById, projectId)).filter((role): role is ProjectRole => role !== null);
  return { current: roles.size === 1 ? [...roles][0]! : 'multiple', groupFloor: highestProjectRole(floors) };
}

export const isBelowFloor = (role: ProjectRole, floor: ProjectRole | null): boolean => floor !== null && projectRoleRank(role) < projectRoleRank(floor);
