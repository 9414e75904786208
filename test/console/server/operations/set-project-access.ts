/**
 * SetProjectAccess: Manage Project Access, Submit [shot: the modal; guess: the operation].
 * Sets direct roles for several members at once; `no_access` removes the direct grant. A role
 * below what a member's groups grant is refused: group grants cannot be lowered per user [doc].
 */
import { canManageMembers, groupGrant, isAdmin, managedProjectIds } from '../access';
import { badInput, error, Refused, type DoubleError } from '../refusal';
import { ROLE_LABEL, roleRank } from '../roles';
import type { StoredMember } from '../store';
import { personName, projectName, repeatedIndexes } from './describe';
import { memberNode } from './nodes';
import type { MutationHandler } from './types';

export const setProjectAccess: MutationHandler<'SetProjectAccess'> = ({ store, actor }, { memberIds, projectRoles }) => {
  if (!store.projectLevel) {
    throw new Refused([badInput('projectRoles', 'this org uses organization-level roles; change the org role instead')]);
  }
  if (!canManageMembers(store, actor)) throw new Refused([error('FORBIDDEN', 'Only Admins and Managers can change project access.')]);
  const managed = managedProjectIds(store, actor);
  const errors: DoubleError[] = [];

  const targets: StoredMember[] = [];
  const repeatedMembers = new Set(repeatedIndexes(memberIds));
  memberIds.forEach((memberId, index) => {
    const field = `memberIds[${index}]`;
    const member = store.member(memberId);
    if (!member) return errors.push(badInput(field, `no member with id "${memberId}"`));
    if (repeatedMembers.has(index)) return errors.push(badInput(field, `${personName(member)} is listed twice`));
    if (member.id === actor.id) return errors.push(error('FORBIDDEN', 'Nobody can change their own access.', { field }));
    // [guess] Admin is Admin everywhere, so a per-project role would mean nothing; the modal greys Admin out [shot].
    if (isAdmin(member)) return errors.push(badInput(field, `${personName(member)} is an Admin and has Admin access to every project`));
    targets.push(member);
  });

  const repeatedProjects = new Set(repeatedIndexes(projectRoles.map((grant) => grant.projectId)));
  const validGrants: { grant: (typeof projectRoles)[number]; index: number }[] = [];
  projectRoles.forEach((grant, index) => {
    const field = `projectRoles[${index}].projectId`;
    if (!store.hasProject(grant.projectId)) return errors.push(badInput(field, `no project with id "${grant.projectId}"`));
    if (repeatedProjects.has(index)) return errors.push(badInput(field, `project ${projectName(store, grant.projectId)} is listed twice`));
    if (!managed.has(grant.projectId)) {
      return errors.push(error('FORBIDDEN', `You can change access only on projects where you are a Manager, not on ${projectName(store, grant.projectId)}.`, { field }));
    }
    validGrants.push({ grant, index });
  });

  for (const member of targets) {
    const groups = store.groupsOf(member.id);
    for (const { grant, index } of validGrants) {
      const fromGroups = groupGrant(groups, grant.projectId);
      if (fromGroups === null || roleRank(grant.role) >= roleRank(fromGroups)) continue;
      const names = groups.filter((group) => group.projectRoles.some((g) => g.projectId === grant.projectId && g.role === fromGroups)).map((group) => group.name);
      errors.push(
        error(
          'GROUP_GRANT_NOT_LOWERABLE',
          // The first sentence is the console's own tooltip [doc].
          `User(s) are assigned access to this project via Group(s). ${personName(member)} has ${ROLE_LABEL[fromGroups]} on ${projectName(store, grant.projectId)} through ${names.join(', ')}; remove them from the group or change the group to lower it.`,
          { field: `projectRoles[${index}].role` },
        ),
      );
    }
  }
  if (errors.length > 0) throw new Refused(errors);

  return {
    commit: () => {
      for (const member of targets) {
        for (const { grant } of validGrants) {
          const others = member.projectRoles.filter((existing) => existing.projectId !== grant.projectId);
          member.projectRoles = grant.role === 'no_access' ? others : [...others, { projectId: grant.projectId, role: grant.role }];
        }
      }
      return { members: targets.map((member) => memberNode(store, member)) };
    },
  };
};
