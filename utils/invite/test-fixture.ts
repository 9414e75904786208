/**
 * Test-only: org snapshots for the invite tests, built from the console double's demo seed so the
 * names (teams, groups, projects, spaces, members) are the ones the e2e runs see. Not shipped.
 */
import seed from '../../test/console/seeds/demo.json';
import type { OrgSnapshot } from '../access/model';
import { parseOrgSnapshot } from '../access/model';

/** The demo seed as an `OrgSnapshot`; `viewerId` is the signed-in Admin (u-1 Maya Okafor) unless given. */
export function demoSnapshot(overrides: { viewerId?: string; projectLevelPermissions?: boolean } = {}): OrgSnapshot {
  const data = {
    org: {
      id: seed.org.id,
      url: seed.org.url,
      name: seed.org.name,
      projectLevelPermissions: overrides.projectLevelPermissions ?? seed.org.projectLevelPermissions,
      rbac: seed.org.rbac,
    },
    viewerId: overrides.viewerId ?? seed.signedInMemberId,
    projects: seed.projects,
    teams: seed.teams,
    teamSpaces: seed.teamSpaces,
    members: seed.members.map(({ invitedBy: _by, ...member }) => ({
      ...member,
      groupIds: seed.groups.filter((group) => group.memberIds.includes(member.id)).map((group) => group.id),
    })),
    groups: seed.groups.map(({ lastModifiedAt: _at, lastModifiedBy: _by, ...group }) => group),
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
