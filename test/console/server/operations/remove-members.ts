/**
 * RemoveMembers: "Remove Members?" confirmed [doc: the modal and its rules; guess: the operation].
 * Removal is immediate and total; content either goes to one recipient active in the last 30 days
 * or becomes unassigned [doc]. Revoking a pending invite is removing the pending user [doc].
 */
import { canManageMembers, isAdmin, isRecentlyActive, managedProjectIds, RECIPIENT_ACTIVE_DAYS } from '../access';
import { badInput, error, Refused, type DoubleError } from '../refusal';
import { addContent, NO_CONTENT, type StoredMember } from '../store';
import { personName, projectName, repeatedIndexes } from './describe';
import type { MutationHandler } from './types';

export const removeMembers: MutationHandler<'RemoveMembers'> = ({ store, actor }, { memberIds, transferToMemberId }) => {
  const errors: DoubleError[] = [];
  const targets: StoredMember[] = [];
  const repeated = new Set(repeatedIndexes(memberIds));
  memberIds.forEach((memberId, index) => {
    const member = store.member(memberId);
    if (!member) return errors.push(badInput(`memberIds[${index}]`, `no member with id "${memberId}"`));
    if (repeated.has(index)) return errors.push(badInput(`memberIds[${index}]`, `${personName(member)} is listed twice`));
    targets.push(member);
  });
  const removing = new Set(targets.map((member) => member.id));
  const fieldOf = (member: StoredMember): string => `memberIds[${memberIds.indexOf(member.id)}]`;

  // The org invariant first, so removing the only Admin says so whoever asks [doc].
  const joinedAdmins = store.joinedAdmins();
  if (joinedAdmins.length > 0 && joinedAdmins.every((admin) => removing.has(admin.id))) {
    const admin = joinedAdmins[0]!;
    const message = joinedAdmins.length === 1 ? `${personName(admin)} is the only Admin` : 'These are all the Admins';
    errors.push(error('SOLE_ADMIN', `${message}; the organization must keep at least one Admin.`, { field: fieldOf(admin) }));
  }
  if (removing.has(actor.id)) {
    errors.push(error('CANNOT_REMOVE_SELF', 'You cannot remove yourself from the organization.', { field: fieldOf(actor) }));
  }

  if (!canManageMembers(store, actor)) {
    errors.push(error('FORBIDDEN', 'Only Admins and Managers can remove users.'));
  } else if (!isAdmin(actor)) {
    const managed = managedProjectIds(store, actor);
    for (const member of targets) {
      if (member.id === actor.id) continue;
      if (isAdmin(member)) {
        errors.push(error('FORBIDDEN', `Only Admins can remove an Admin (${personName(member)}).`, { field: fieldOf(member) }));
        continue;
      }
      // [guess] A project Manager removes only people whose direct access lies within their projects.
      const foreign = member.projectRoles.find((grant) => grant.role !== 'no_access' && !managed.has(grant.projectId));
      if (store.projectLevel && foreign) {
        errors.push(error('FORBIDDEN', `${personName(member)} has access to ${projectName(store, foreign.projectId)}, where you are not a Manager.`, { field: fieldOf(member) }));
      }
    }
  }

  let recipient: StoredMember | undefined;
  if (transferToMemberId !== null) {
    recipient = store.member(transferToMemberId);
    if (!recipient) errors.push(badInput('transferToMemberId', `no member with id "${transferToMemberId}"`));
    else if (removing.has(recipient.id)) errors.push(badInput('transferToMemberId', `${personName(recipient)} is among the members being removed`));
    else if (!isRecentlyActive(store, recipient)) {
      errors.push(
        error('RECIPIENT_INACTIVE', `${personName(recipient)} has not been active in the last ${RECIPIENT_ACTIVE_DAYS} days and cannot receive content.`, {
          field: 'transferToMemberId',
        }),
      );
    }
  }
  if (errors.length > 0) throw new Refused(errors);

  return {
    commit: () => {
      const content = targets.reduce((sum, member) => addContent(sum, member.content), { ...NO_CONTENT });
      if (recipient) recipient.content = addContent(recipient.content, content);
      else store.state.unassignedContent = addContent(store.state.unassignedContent, content);
      store.removeMembers(removing, actor.name);
      return { removed: targets.map((member) => member.id) };
    },
  };
};
