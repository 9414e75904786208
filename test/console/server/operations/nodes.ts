/** Store records to the contract's node shapes (no extra fields leak to clients). */
import type { GroupNode, MemberNode } from '../../shared/operations';
import type { SeedGroup } from '../../shared/seed';
import type { OrgStore, StoredMember } from '../store';

export function memberNode(store: OrgStore, member: StoredMember): MemberNode {
  return {
    id: member.id,
    email: member.email,
    name: member.name,
    status: member.status,
    orgRole: member.orgRole,
    teamId: member.teamId,
    projectRoles: member.projectRoles.map((grant) => ({ ...grant })),
    groupIds: [...store.groupIdsOf(member.id)],
    invitedAt: member.invitedAt,
    joinedAt: member.joinedAt,
    lastActiveAt: member.lastActiveAt,
    content: { ...member.content },
  };
}

export function groupNode(group: SeedGroup): GroupNode {
  return {
    id: group.id,
    name: group.name,
    description: group.description,
    type: group.type,
    projectRoles: group.projectRoles.map((grant) => ({ ...grant })),
    defaultProjectId: group.defaultProjectId,
    teamSpaceIds: [...group.teamSpaceIds],
    memberIds: [...group.memberIds],
    lastModifiedAt: group.lastModifiedAt,
    lastModifiedBy: group.lastModifiedBy,
  };
}
