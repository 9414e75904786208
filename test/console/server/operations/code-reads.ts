/**
 * The reads public code shows the real console making [code] (console-reference.md, section 7):
 * `OrgData`, `Users`, `TeamSpaces` and `RbacBatchCheckPermissions`, with their names and fields.
 * `GlobalSearch` is in global-search.ts. The values behind fields the seed has no place for are
 * our choice and marked [guess] where made.
 */
import { RBAC_ACTIONS, type UserNode } from '../../shared/operations';
import { orgRoleCode } from '../../shared/org-role-codes';
import { managedProjectIds } from '../access';
import { randomInt, stream } from '../random';
import type { OrgStore, StoredMember } from '../store';
import { unixSeconds } from '../unix-time';
import type { QueryHandler } from './types';

/** [guess] Free for the starter plan, paid for the others: the real planType values are not public. */
const planType = (plan: string): string => (plan === 'starter' ? 'free' : 'paid');

export const orgData: QueryHandler<'OrgData'> = ({ store, actor }) => ({
  // The seed's project ids, strings like "p-3": the real type is not public (contract).
  apps: store.state.projects.map((project) => ({ id: project.id, name: project.name })),
  currentUser: { loginId: actor.email, email: actor.email, fullName: actor.name, orgRole: orgRoleCode(actor.orgRole) },
  org: { orgId: store.org.id, name: store.org.name, url: store.org.url, plan: store.org.plan, createdAt: unixSeconds(store.createdAtMs) },
  // [guess] The double has no event data; an org with a project counts as having data.
  orgHasAppWithData: store.state.projects.length > 0,
  // [guess] The signed-in person belongs to this one org.
  orgCount: 1,
  planInfo: { plan: store.org.plan, planType: planType(store.org.plan) },
});

/** "First Last" split at the first space; an invitee's name is their email, so they have none. */
function nameParts(member: StoredMember): { firstName: string | null; lastName: string | null } {
  if (member.name === member.email) return { firstName: null, lastName: null };
  const space = member.name.indexOf(' ');
  if (space === -1) return { firstName: member.name, lastName: null };
  return { firstName: member.name.slice(0, space), lastName: member.name.slice(space + 1) };
}

export function userNode(store: OrgStore, member: StoredMember): UserNode {
  return {
    id: member.id,
    alias: null,
    avatarVersion: null,
    blurb: null,
    createdAt: unixSeconds(member.invitedAt),
    defaultAllProjectRole: null,
    defaultAppId: member.defaultProjectId,
    email: member.email,
    ...nameParts(member),
    fullName: member.name,
    hasAvatar: false,
    hasOutstandingInvite: member.status === 'pending',
    isConnectedToSlack: false,
    loginId: member.email,
    name: member.name,
    orgRole: orgRoleCode(member.orgRole),
    orgTeam: store.teamName(member.teamId),
    title: null,
    pronouns: null,
  };
}

/** Everyone, joined and pending, in one list, in the org's order (the seed's, invitees last). */
export const users: QueryHandler<'Users'> = ({ store }) => ({
  users: store.state.members.map((member) => userNode(store, member)),
});

export const teamSpaces: QueryHandler<'TeamSpaces'> = ({ store }, { fetchItemCountInSpaces }) => ({
  teamSpaces: store.state.teamSpaces.map((space) => ({
    // The double has one id per space; the real console's two ids are not explained in public code.
    id: space.id,
    spaceId: space.id,
    orgId: store.org.id,
    type: 'team', // [guess]
    name: space.name,
    description: '',
    isArchived: false,
    isDeleted: false,
    // [guess] The double has no content in spaces: a steady number per space, from a PRNG named after it.
    itemCount: fetchItemCountInSpaces ? randomInt(stream(store.org.id, `team-space:${space.id}`), 0, 40) : null,
    createdBy: null,
    createdAt: unixSeconds(store.createdAtMs),
    permissionLevel: 'edit', // [guess]
    public: true,
  })),
});

/**
 * What the signed-in member may do. Inviting and removing follow the double's own rule (access.ts):
 * allowed where they manage members; with `appIds`, only if they manage every one of those
 * projects. Any action the double does not know is not allowed.
 */
export const rbacBatchCheckPermissions: QueryHandler<'RbacBatchCheckPermissions'> = ({ store, actor }, { input }) => {
  const managed = managedProjectIds(store, actor);
  const appIds = (input.appIds ?? []).map(String);
  const managesMembers = managed.size > 0 && appIds.every((appId) => managed.has(appId));
  const known: ReadonlySet<string> = new Set(Object.values(RBAC_ACTIONS));
  return {
    rbacBatchCheckPermissions: {
      results: input.actions.map((action) => ({ action, allowed: known.has(action) && managesMembers })),
    },
  };
};
