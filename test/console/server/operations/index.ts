/** Every operation of the contract, by name, with its handler. */
import type { OperationName } from '../../shared/operations';
import { orgData, rbacBatchCheckPermissions, teamSpaces, users } from './code-reads';
import { globalSearch } from './global-search';
import { inviteUsers } from './invite-users';
import { memberCounts, orgMembers, orgSettings, permissionGroups, projects, roleDefinitions, teamsAndSpaces } from './queries';
import { removeMembers } from './remove-members';
import { setProjectAccess } from './set-project-access';
import type { MutationHandler, QueryHandler } from './types';
import { updateMemberRole } from './update-member-role';

type Registry = { [Op in OperationName]: { kind: 'query'; run: QueryHandler<Op> } | { kind: 'mutation'; plan: MutationHandler<Op> } };

export const HANDLERS: Registry = {
  // [code] console-reference.md, section 7
  OrgData: { kind: 'query', run: orgData },
  Users: { kind: 'query', run: users },
  TeamSpaces: { kind: 'query', run: teamSpaces },
  RbacBatchCheckPermissions: { kind: 'query', run: rbacBatchCheckPermissions },
  GlobalSearch: { kind: 'query', run: globalSearch },
  // [guess] ours
  OrgSettings: { kind: 'query', run: orgSettings },
  RoleDefinitions: { kind: 'query', run: roleDefinitions },
  Projects: { kind: 'query', run: projects },
  TeamsAndSpaces: { kind: 'query', run: teamsAndSpaces },
  MemberCounts: { kind: 'query', run: memberCounts },
  OrgMembers: { kind: 'query', run: orgMembers },
  PermissionGroups: { kind: 'query', run: permissionGroups },
  InviteUsers: { kind: 'mutation', plan: inviteUsers },
  UpdateMemberRole: { kind: 'mutation', plan: updateMemberRole },
  SetProjectAccess: { kind: 'mutation', plan: setProjectAccess },
  RemoveMembers: { kind: 'mutation', plan: removeMembers },
};
