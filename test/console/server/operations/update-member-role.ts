/**
 * UpdateMemberRole: the Role dropdown in a user row [doc: the dropdown; guess: the operation].
 * With project-level permissions the org role is only "User" or "Admin" [doc].
 */
import { canManageMembers, isAdmin } from '../access';
import { badInput, error, Refused, type DoubleError } from '../refusal';
import { memberNode } from './nodes';
import { personName } from './describe';
import type { MutationHandler } from './types';

const PROJECT_LEVEL_ROLES = ['user', 'admin'];
const ORG_LEVEL_ROLES = ['viewer', 'member', 'manager', 'admin'];

export const updateMemberRole: MutationHandler<'UpdateMemberRole'> = ({ store, actor }, { memberId, orgRole }) => {
  const target = store.member(memberId);
  if (!target) throw new Refused([badInput('memberId', `no member with id "${memberId}"`)]);
  const allowed = store.projectLevel ? PROJECT_LEVEL_ROLES : ORG_LEVEL_ROLES;
  if (!allowed.includes(orgRole)) {
    throw new Refused([badInput('orgRole', `"${orgRole}" is not an org role here; this org allows ${allowed.join(', ')}`)]);
  }

  const errors: DoubleError[] = [];
  // The org invariant is checked first so the refusal says why, whoever asks [doc: at least one Admin].
  const demotesAdmin = target.orgRole === 'admin' && orgRole !== 'admin';
  if (demotesAdmin && target.status === 'joined' && store.joinedAdmins().length === 1) {
    errors.push(error('SOLE_ADMIN', `${personName(target)} is the only Admin; the organization must keep at least one Admin.`, { field: 'memberId' }));
  }
  if (target.id === actor.id) {
    errors.push(error('FORBIDDEN', 'Nobody can change their own role.', { field: 'memberId' }));
  } else if (!canManageMembers(store, actor)) {
    errors.push(error('FORBIDDEN', 'Only Admins and Managers can change roles.', { field: 'memberId' }));
  } else if ((demotesAdmin || orgRole === 'admin') && !isAdmin(actor)) {
    errors.push(error('FORBIDDEN', 'Only Admins can grant or revoke the Admin role.', { field: 'orgRole' }));
  }
  if (errors.length > 0) throw new Refused(errors);

  return {
    commit: () => {
      target.orgRole = orgRole;
      return { member: memberNode(store, target) };
    },
  };
};
