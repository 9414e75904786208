/** The read operations [guess: names and shapes are ours, see shared/operations.ts]. */
import { badInput, Refused } from '../refusal';
import { paginate } from '../paging';
import { groupNode, memberNode } from './nodes';
import type { QueryHandler } from './types';

export const orgSettings: QueryHandler<'OrgSettings'> = ({ store, actor }) => ({
  org: { ...store.org },
  viewer: { id: actor.id, email: actor.email, name: actor.name, orgRole: actor.orgRole },
  now: store.state.now,
});

/** Custom roles with their permissions [guess]; none unless the seed defines some. */
export const roleDefinitions: QueryHandler<'RoleDefinitions'> = ({ store }) => ({
  customRoles: store.state.customRoles.map((role) => ({ ...role, permissions: [...role.permissions] })),
});

export const projects: QueryHandler<'Projects'> = ({ store }) => ({
  projects: store.state.projects.map((project) => ({ ...project })),
});

export const teamsAndSpaces: QueryHandler<'TeamsAndSpaces'> = ({ store }) => ({
  teams: store.state.teams.map((team) => ({ ...team })),
  teamSpaces: store.state.teamSpaces.map((space) => ({ ...space })),
});

/** The four counts of the Users tab [doc]; "total" is joined plus pending [guess]. */
export const memberCounts: QueryHandler<'MemberCounts'> = ({ store }) => {
  const joined = store.state.members.filter((member) => member.status === 'joined').length;
  const pending = store.state.members.length - joined;
  return { total: joined + pending, joined, pending, requestingAccess: store.state.accessRequests.length };
};

const matches = (search: string, ...texts: string[]): boolean => {
  const needle = search.trim().toLowerCase();
  return needle === '' || texts.some((text) => text.toLowerCase().includes(needle));
};

/** One status at a time, searched by name or email [doc], ordered by name then email [guess]. */
export const orgMembers: QueryHandler<'OrgMembers'> = ({ store }, { status, search, first, after }) => {
  const members = store.state.members.filter((member) => member.status === status && matches(search, member.name, member.email));
  return {
    members: paginate(members, (member) => [member.name.toLowerCase(), member.email, member.id], { first, after }, (member) => memberNode(store, member)),
  };
};

/**
 * Groups, searched by name or description, filtered by project (any grant on it, No Access
 * included [guess]) and by member [shot: Filter by Project, Filter by Member], ordered by name.
 */
export const permissionGroups: QueryHandler<'PermissionGroups'> = ({ store }, { search, projectId, memberId, first, after }) => {
  const refusals = [];
  if (projectId !== null && !store.hasProject(projectId)) refusals.push(badInput('projectId', `no project with id "${projectId}"`));
  if (memberId !== null && !store.member(memberId)) refusals.push(badInput('memberId', `no member with id "${memberId}"`));
  if (refusals.length > 0) throw new Refused(refusals);
  const groups = store.state.groups.filter(
    (group) =>
      matches(search, group.name, group.description) &&
      (projectId === null || group.projectRoles.some((grant) => grant.projectId === projectId)) &&
      (memberId === null || group.memberIds.includes(memberId)),
  );
  return { groups: paginate(groups, (group) => [group.name.toLowerCase(), group.id], { first, after }, (group) => groupNode(store, group)) };
};
