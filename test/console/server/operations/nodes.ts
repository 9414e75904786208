/** Store records to the contract's node shapes (no extra fields leak to clients). */
import type { GrantNode, GroupNode, MemberNode } from '../../shared/operations';
import type { ProjectRoleGrant, SeedGroup } from '../../shared/seed';
import type { OrgStore, StoredMember } from '../store';

/** A grant with its custom role's name beside the id (the page and clients show names). */
function grantNode(store: OrgStore, grant: ProjectRoleGrant): GrantNode {
  if (grant.customRoleId === undefined) return { projectId: grant.projectId, role: grant.role };
  const name = store.state.customRoles.find((role) => role.id === grant.customRoleId)?.name ?? grant.customRoleId;
  return { projectId: grant.projectId, role: grant.role, customRoleId: grant.customRoleId, customRoleName: name };
}

export function memberNode(store: OrgStore, member: StoredMember): MemberNode {
  return {
    id: member.id,
    email: member.email,
    name: member.name,
    status: member.status,
    orgRole: member.orgRole,
    teamId: member.teamId,
    projectRoles: member.projectRoles.map((grant) => grantNode(store, grant)),
    groupIds: [...store.groupIdsOf(member.id)],
    invitedAt: member.invitedAt,
    joinedAt: member.joinedAt,
    lastActiveAt: member.lastActiveAt,
    content: { ...member.content },
  };
}

export function groupNode(store: OrgStore, group: SeedGroup): GroupNode {
  return {
    id: group.id,
    name: group.name,
    description: group.description,
    type: group.type,
    projectRoles: group.projectRoles.map((grant) => grantNode(store, grant)),
    defaultProjectId: group.defaultProjectId,
    teamSpaceIds: [...group.teamSpaceIds],
    memberIds: [...group.memberIds],
    lastModifiedAt: group.lastModifiedAt,
    lastModifiedBy: group.lastModifiedBy,
  };
}
