/**
 * InviteUsers: one submission of the Invite New Users wizard [doc: the steps; guess: the operation].
 * Atomic: every rule is checked for every email first; if anything is refused nothing is created,
 * and `errors` holds the general refusals plus one entry per refused email (extensions.email).
 */
import { z } from 'zod';
import type { ProjectRoleGrant, SeedGroup } from '../../shared/seed';
import { canManageMembers, groupGrant, grantedProjectIds, isAdmin, managedProjectIds } from '../access';
import { badInput, error, Refused, type DoubleError } from '../refusal';
import { ROLE_LABEL, roleRank } from '../roles';
import { NO_CONTENT, normalizeEmail } from '../store';
import { projectName, repeatedIndexes } from './describe';
import type { MutationHandler } from './types';

const Email = z.email();

export const inviteUsers: MutationHandler<'InviteUsers'> = ({ store, actor, faults }, variables) => {
  if (!canManageMembers(store, actor)) {
    throw new Refused([error('FORBIDDEN', 'Only Admins and Managers can invite users.')]);
  }
  const actorIsAdmin = isAdmin(actor);
  const managed = managedProjectIds(store, actor);
  const general: DoubleError[] = [];

  // The org's permission mode decides which of the two role inputs counts [doc: org vs project level].
  if (store.projectLevel) {
    if (variables.orgRole !== null) general.push(badInput('orgRole', 'this org uses project-level permissions; give projectRoles instead'));
  } else {
    if (variables.projectRoles.length > 0) general.push(badInput('projectRoles', 'this org uses organization-level roles; give orgRole instead'));
    if (variables.orgRole === 'admin' && !actorIsAdmin) general.push(error('FORBIDDEN', 'Only Admins can grant the Admin role.', { field: 'orgRole' }));
  }

  const groups: SeedGroup[] = [];
  const repeatedGroups = new Set(repeatedIndexes(variables.groupIds));
  variables.groupIds.forEach((groupId, index) => {
    const field = `groupIds[${index}]`;
    const group = store.group(groupId);
    if (!group) return general.push(badInput(field, `no group with id "${groupId}"`));
    if (repeatedGroups.has(index)) return general.push(badInput(field, `group "${group.name}" is listed twice`));
    groups.push(group);
    // A group's grants are grants: a project Manager may hand out only their own projects [guess].
    const foreign = group.projectRoles.find((grant) => grant.role !== 'no_access' && !managed.has(grant.projectId));
    if (foreign && !actorIsAdmin) {
      general.push(error('FORBIDDEN', `Group "${group.name}" grants access to ${projectName(store, foreign.projectId)}, where you are not a Manager.`, { field }));
    }
  });

  const repeatedProjects = new Set(repeatedIndexes(variables.projectRoles.map((grant) => grant.projectId)));
  variables.projectRoles.forEach((grant, index) => {
    const field = `projectRoles[${index}]`;
    if (!store.hasProject(grant.projectId)) return general.push(badInput(`${field}.projectId`, `no project with id "${grant.projectId}"`));
    if (repeatedProjects.has(index)) return general.push(badInput(`${field}.projectId`, `project ${projectName(store, grant.projectId)} is listed twice`));
    if (!managed.has(grant.projectId)) {
      return general.push(error('FORBIDDEN', `You can grant roles only on projects where you are a Manager, not on ${projectName(store, grant.projectId)}.`, { field: `${field}.projectId` }));
    }
    // "Access that a chosen group grants cannot be lowered here" [doc].
    const fromGroups = groupGrant(groups, grant.projectId);
    if (fromGroups !== null && roleRank(grant.role) < roleRank(fromGroups)) {
      general.push(
        error('GROUP_GRANT_NOT_LOWERABLE', `A chosen group grants ${ROLE_LABEL[fromGroups]} on ${projectName(store, grant.projectId)}; the role cannot be lowered to ${ROLE_LABEL[grant.role]}.`, {
          field: `${field}.role`,
        }),
      );
    }
  });

  if (variables.defaultProjectId !== null) {
    if (!store.hasProject(variables.defaultProjectId)) {
      general.push(badInput('defaultProjectId', `no project with id "${variables.defaultProjectId}"`));
    } else if (store.projectLevel && !grantedProjectIds(variables.projectRoles, groups).has(variables.defaultProjectId)) {
      general.push(badInput('defaultProjectId', `${projectName(store, variables.defaultProjectId)} is not among the projects the invitees get (directly or through a chosen group)`));
    }
  }

  variables.teamSpaceIds.forEach((spaceId, index) => {
    if (!store.hasTeamSpace(spaceId)) general.push(badInput(`teamSpaceIds[${index}]`, `no team space with id "${spaceId}"`));
  });

  const perEmail: DoubleError[] = [];
  const repeatedEmails = new Set(repeatedIndexes(variables.invites.map((invite) => invite.email), normalizeEmail));
  variables.invites.forEach((invite, index) => {
    const field = `invites[${index}].email`;
    const email = normalizeEmail(invite.email);
    if (!Email.safeParse(email).success) return perEmail.push(badInput(field, `"${invite.email}" is not a valid email address`, email));
    if (repeatedEmails.has(index)) return perEmail.push(badInput(field, `${email} is listed twice`, email));
    const existing = store.memberByEmail(email);
    // [doc for SCIM, assumed for the form] no second invite for a member or a pending email.
    if (existing?.status === 'joined') return perEmail.push(error('ALREADY_MEMBER', `${email} is already a member of this organization.`, { email, field }));
    if (existing?.status === 'pending') return perEmail.push(error('ALREADY_INVITED', `${email} already has a pending invite.`, { email, field }));
    if (invite.teamId !== null && !store.hasTeam(invite.teamId)) {
      return perEmail.push(badInput(`invites[${index}].teamId`, `no team with id "${invite.teamId}"`, email));
    }
    const injected = faults.emailFailure(email, field);
    if (injected) perEmail.push(injected);
  });

  if (general.length > 0 || perEmail.length > 0) throw new Refused([...general, ...perEmail]);

  return {
    commit: () => {
      // No Access as a direct grant is the same as no grant (SetProjectAccess removes it too).
      const directGrants: ProjectRoleGrant[] = store.projectLevel ? variables.projectRoles.filter((grant) => grant.role !== 'no_access') : [];
      const invited = variables.invites.map((invite) => {
        const email = normalizeEmail(invite.email);
        const id = store.allocateMemberId();
        store.addMember({
          id,
          email,
          // [guess] A pending invitee has no name yet; the console lists them by email.
          name: email,
          status: 'pending',
          // New invitees are Viewers unless told otherwise [doc]; 'user' in project-level orgs.
          orgRole: store.projectLevel ? 'user' : (variables.orgRole ?? 'viewer'),
          teamId: invite.teamId,
          projectRoles: directGrants.map((grant) => ({ ...grant })),
          invitedAt: store.state.now,
          invitedBy: actor.id,
          joinedAt: null,
          lastActiveAt: null,
          content: { ...NO_CONTENT },
          defaultProjectId: variables.defaultProjectId,
          teamSpaceIds: [...variables.teamSpaceIds],
        });
        for (const group of groups) store.addToGroup(group, id, actor.name);
        return { id, email };
      });
      return { invited };
    },
  };
};
