/**
 * Rules a seed must satisfy beyond its zod shape, so the double never starts in an org the real
 * console could not be in: at least one joined Admin [doc], unique lowercase emails (the email is
 * the account's identity [doc]), references that resolve, roles that fit the permission mode.
 * Each problem names its field, e.g. `members[3].projectRoles[0].projectId`.
 */
import { ADMIN_ONLY_PERMISSION_IDS, PERMISSION_IDS } from '../shared/permission-ids';
import type { Seed } from '../shared/seed';

function duplicates(values: readonly string[]): Set<number> {
  const seen = new Set<string>();
  const repeated = new Set<number>();
  values.forEach((value, index) => {
    if (seen.has(value)) repeated.add(index);
    seen.add(value);
  });
  return repeated;
}

const isDate = (text: string): boolean => !Number.isNaN(Date.parse(text));

export function seedProblems(seed: Seed): string[] {
  const problems: string[] = [];
  const say = (field: string, message: string): void => void problems.push(`${field}: ${message}`);

  const projectIds = new Set(seed.projects.map((project) => project.id));
  const teamIds = new Set(seed.teams.map((team) => team.id));
  const spaceIds = new Set(seed.teamSpaces.map((space) => space.id));
  const memberIds = new Set(seed.members.map((member) => member.id));

  for (const [list, items] of [
    ['projects', seed.projects],
    ['teams', seed.teams],
    ['teamSpaces', seed.teamSpaces],
    ['members', seed.members],
    ['groups', seed.groups],
    ['customRoles', seed.customRoles],
  ] as const) {
    for (const index of duplicates(items.map((item) => item.id))) say(`${list}[${index}].id`, `duplicate id "${items[index]!.id}"`);
  }

  if (!isDate(seed.now)) say('now', `not a date: "${seed.now}"`);
  for (const index of duplicates(seed.members.map((member) => member.email.toLowerCase()))) {
    say(`members[${index}].email`, `duplicate email "${seed.members[index]!.email}" (emails are compared case-insensitively)`);
  }

  const customRoleIds = new Set(seed.customRoles.map((role) => role.id));
  /** A grant naming a custom role needs RBAC on and a role the org defines. */
  const checkCustomGrant = (grant: { customRoleId?: string | undefined }, field: string): void => {
    if (grant.customRoleId === undefined) return;
    if (!seed.org.rbac) say(field, `custom role "${grant.customRoleId}" needs RBAC (org.rbac)`);
    else if (!customRoleIds.has(grant.customRoleId)) say(field, `no custom role with id "${grant.customRoleId}"`);
  };
  seed.customRoles.forEach((role, index) => {
    const at = `customRoles[${index}]`;
    if (!seed.org.rbac) say(at, 'custom roles exist only with RBAC (org.rbac)');
    for (const repeated of duplicates(role.permissions)) say(`${at}.permissions[${repeated}]`, 'permission listed twice');
    role.permissions.forEach((permission, permissionIndex) => {
      if (!PERMISSION_IDS.has(permission)) say(`${at}.permissions[${permissionIndex}]`, `no permission "${permission}" in the catalogue`);
      else if (ADMIN_ONLY_PERMISSION_IDS.has(permission)) say(`${at}.permissions[${permissionIndex}]`, `"${permission}" is Admin-only: no custom role can hold it`);
    });
  });

  seed.members.forEach((member, index) => {
    const at = `members[${index}]`;
    member.projectRoles.forEach((grant, grantIndex) => checkCustomGrant(grant, `${at}.projectRoles[${grantIndex}].role`));
    if (member.email !== member.email.toLowerCase()) say(`${at}.email`, `must be lowercase: "${member.email}"`);
    if (member.teamId !== null && !teamIds.has(member.teamId)) say(`${at}.teamId`, `no team with id "${member.teamId}"`);
    if (seed.org.projectLevelPermissions && !['user', 'admin'].includes(member.orgRole)) {
      say(`${at}.orgRole`, `with project-level permissions the org role is "user" or "admin", not "${member.orgRole}"`);
    }
    if (!seed.org.projectLevelPermissions && member.orgRole === 'user') say(`${at}.orgRole`, '"user" exists only with project-level permissions');
    if (!seed.org.projectLevelPermissions && member.projectRoles.length > 0) say(`${at}.projectRoles`, 'project roles exist only with project-level permissions');
    for (const repeated of duplicates(member.projectRoles.map((grant) => grant.projectId))) say(`${at}.projectRoles[${repeated}].projectId`, 'project listed twice');
    member.projectRoles.forEach((grant, grantIndex) => {
      if (!projectIds.has(grant.projectId)) say(`${at}.projectRoles[${grantIndex}].projectId`, `no project with id "${grant.projectId}"`);
    });
    if (!isDate(member.invitedAt)) say(`${at}.invitedAt`, `not a date: "${member.invitedAt}"`);
    if (member.lastActiveAt !== null && !isDate(member.lastActiveAt)) say(`${at}.lastActiveAt`, `not a date: "${member.lastActiveAt}"`);
    if (member.status === 'pending' && member.joinedAt !== null) say(`${at}.joinedAt`, 'a pending member has not joined');
    if (member.status === 'joined' && (member.joinedAt === null || !isDate(member.joinedAt))) say(`${at}.joinedAt`, 'a joined member needs a join date');
  });

  const signedIn = seed.members.find((member) => member.id === seed.signedInMemberId);
  if (!signedIn) say('signedInMemberId', `no member with id "${seed.signedInMemberId}"`);
  else if (signedIn.status !== 'joined') say('signedInMemberId', 'the signed-in member must have joined');
  if (!seed.members.some((member) => member.status === 'joined' && member.orgRole === 'admin')) {
    say('members', 'every org keeps at least one joined Admin');
  }

  seed.groups.forEach((group, index) => {
    const at = `groups[${index}]`;
    for (const repeated of duplicates(group.projectRoles.map((grant) => grant.projectId))) say(`${at}.projectRoles[${repeated}].projectId`, 'project listed twice');
    group.projectRoles.forEach((grant, grantIndex) => {
      if (!projectIds.has(grant.projectId)) say(`${at}.projectRoles[${grantIndex}].projectId`, `no project with id "${grant.projectId}"`);
      checkCustomGrant(grant, `${at}.projectRoles[${grantIndex}].role`);
    });
    if (group.defaultProjectId !== null && !group.projectRoles.some((grant) => grant.projectId === group.defaultProjectId && grant.role !== 'no_access')) {
      say(`${at}.defaultProjectId`, `"${group.defaultProjectId}" is not among the projects the group grants`);
    }
    group.teamSpaceIds.forEach((spaceId, spaceIndex) => {
      if (!spaceIds.has(spaceId)) say(`${at}.teamSpaceIds[${spaceIndex}]`, `no team space with id "${spaceId}"`);
    });
    for (const repeated of duplicates(group.memberIds)) say(`${at}.memberIds[${repeated}]`, 'member listed twice');
    group.memberIds.forEach((memberId, memberIndex) => {
      if (!memberIds.has(memberId)) say(`${at}.memberIds[${memberIndex}]`, `no member with id "${memberId}"`);
    });
  });
  return problems;
}
