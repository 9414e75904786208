/**
 * The console double's org as our model, built straight from its state (not through the
 * extension's reading of it): the independent oracle that unit and end-to-end tests compare the
 * extension's pictures against.
 */
import { ALL_READ, type OrgSnapshot } from '../../utils/access/model';
import type { ConsoleDouble } from '../console/server/double';

type DoubleState = ReturnType<ConsoleDouble['backend']['state']>;

export function snapshotOfDouble(state: DoubleState): OrgSnapshot {
  // A custom role (RBAC) by id and name, as the extension reads it.
  const grantOf = ({ projectId, role, customRoleId }: DoubleState['members'][number]['projectRoles'][number]) => {
    const custom = state.customRoles.find((candidate) => candidate.id === customRoleId);
    return custom ? { projectId, role, customRole: { id: custom.id, name: custom.name } } : { projectId, role };
  };
  return {
    org: { id: state.org.id, url: state.org.url, name: state.org.name, projectLevelPermissions: state.org.projectLevelPermissions, rbac: state.org.rbac },
    viewerId: state.signedInMemberId,
    viewerMay: { invite: true, remove: true },
    projects: state.projects.map(({ id, name }) => ({ id, name })),
    teams: state.teams,
    teamSpaces: state.teamSpaces,
    members: state.members.map((member) => ({
      id: member.id,
      email: member.email,
      name: member.name,
      status: member.status,
      orgRole: member.orgRole,
      team: state.teams.find((team) => team.id === member.teamId)?.name ?? null,
      projectRoles: member.projectRoles.map(grantOf),
      groupIds: state.groups.filter((group) => group.memberIds.includes(member.id)).map((group) => group.id),
      invitedAt: member.invitedAt,
      joinedAt: member.joinedAt,
      lastActiveAt: member.lastActiveAt,
      content: null,
    })),
    groups: state.groups.map(({ id, name, description, projectRoles, defaultProjectId, teamSpaceIds, memberIds }) => ({
      id,
      name,
      description,
      projectRoles: projectRoles.map(grantOf),
      defaultProjectId,
      teamSpaceIds,
      memberIds,
    })),
    pieces: ALL_READ,
    roleDefinitions: { read: true, reason: null, roles: state.customRoles },
    readAt: new Date().toISOString(),
  };
}
