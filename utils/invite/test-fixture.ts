/**
 * Test-only: org snapshots for the invite tests, built from the console double's demo seed so the
 * names (teams, groups, projects, spaces, members) are the ones the e2e runs see. Not shipped.
 */
import seed from '../../test/console/seeds/demo.json';
import { ALL_READ, type OrgSnapshot, type Piece, parseOrgSnapshot } from '../access/model';

/** A seed grant as our model holds it: a custom role (its id in `role`) by id and name, beside Member [guess as the double]. */
function grantOf(grant: { projectId: string; role: string }) {
  const custom = seed.customRoles.find((role) => role.id === grant.role);
  return custom ? { projectId: grant.projectId, role: 'member', customRole: { id: custom.id, name: custom.name } } : grant;
}

/** The demo seed as an `OrgSnapshot`; `viewerId` is the signed-in Admin (u-1 Maya Okafor) unless given. */
export function demoSnapshot(overrides: { viewerId?: string; projectLevelPermissions?: boolean | null; unread?: Piece[] } = {}): OrgSnapshot {
  const pieces = { ...ALL_READ };
  for (const piece of overrides.unread ?? []) pieces[piece] = { read: false, reason: `${piece}: Cannot query field (test)` };
  const data = {
    org: {
      id: seed.org.id,
      url: seed.org.url,
      name: seed.org.name,
      projectLevelPermissions: overrides.projectLevelPermissions !== undefined ? overrides.projectLevelPermissions : seed.org.projectLevelPermissions,
      rbac: seed.org.rbac,
    },
    viewerId: overrides.viewerId ?? seed.signedInMemberId,
    // As if the console could not be asked: the inviter's rights follow from their role.
    viewerMay: { invite: null, remove: null },
    projects: seed.projects.map(({ id, name }) => ({ id, name })),
    // Without the team list, read-org.ts knows the teams people are in, by name.
    teams: pieces.teams.read ? seed.teams : [...new Set(seed.members.map((m) => seed.teams.find((team) => team.id === m.teamId)?.name).filter((name): name is string => !!name))].map((name) => ({ id: name, name })),
    teamSpaces: pieces.teamSpaces.read ? seed.teamSpaces : [],
    members: seed.members.map(({ invitedBy: _by, teamId, ...member }) => ({
      ...member,
      projectRoles: member.projectRoles.map(grantOf),
      team: seed.teams.find((team) => team.id === teamId)?.name ?? null,
      ...(pieces.projectRoles.read ? {} : { projectRoles: [], joinedAt: null, lastActiveAt: null }),
      groupIds: pieces.projectRoles.read ? seed.groups.filter((group) => group.memberIds.includes(member.id)).map((group) => group.id) : [],
    })),
    groups: pieces.groups.read ? seed.groups.map(({ lastModifiedAt: _at, lastModifiedBy: _by, ...group }) => ({ ...group, projectRoles: group.projectRoles.map(grantOf) })) : [],
    pieces,
    roleDefinitions: { read: true, reason: null, roles: seed.customRoles },
    readAt: seed.now,
  };
  const parsed = parseOrgSnapshot(data);
  if (!parsed.ok) throw new Error(`demo seed is not a valid snapshot: ${parsed.error}`);
  return parsed.snapshot;
}

/** The demo org switched to org-level roles, with u-2's role changed as given (for inviter checks). */
export function classicSnapshot(viewerRole: OrgSnapshot['members'][number]['orgRole'] = 'admin'): OrgSnapshot {
  const snapshot = demoSnapshot({ projectLevelPermissions: false, viewerId: 'u-2' });
  return {
    ...snapshot,
    members: snapshot.members.map((member) =>
      member.id === 'u-2' ? { ...member, orgRole: viewerRole } : member.orgRole === 'user' ? { ...member, orgRole: 'viewer', projectRoles: [] } : member,
    ),
  };
}
