// @vitest-environment node
/**
 * Properties of the engine over generated orgs (issue 4, acceptance 2), with fast-check:
 * - every cell lists exactly the sources the rules give it (an oracle written independently of the
 *   engine), and its effective role is never below any source and always one of them;
 * - adding a group membership never lowers anyone's access, removing one never raises it, and
 *   either changes only that member, only on that group's projects, by only that group's grants.
 *
 * Orgs are small and valid (`OrgSnapshot`), in both org-level and project-level mode, with the
 * awkward cases the console can produce: grants on projects the snapshot does not hold, group ids
 * that name no group, membership recorded on only one side. Every property runs with a fixed seed,
 * so every run checks the same orgs; fast-check shrinks a failure to a small counterexample.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeAccessReport } from './engine';
import { type Group, type Member, type OrgSnapshot, parseOrgSnapshot } from './model';
import type { AccessReport, AccessSource, ProjectAccess } from './report';
import { compareRoles, maxRole, type OrgRole, PROJECT_ROLES, type ProjectRole, type Role, ROLES } from './roles';
import { buildSnapshot, generateSnapshot, type GroupSpec, type MemberSpec } from './test-snapshot';

const RUNS = 200;

// ---------------------------------------------------------------------------------------------
// Arbitraries

const PROJECT_IDS = ['p0', 'p1', 'p2', 'p3'] as const;
/** Grants may name a project the snapshot does not hold (deleted, or fewer projects generated). */
const GRANT_TARGETS = [...PROJECT_IDS, 'p-gone'] as const;
const MAX_GROUPS = 4;
/** A member may name a group the snapshot does not hold. */
const GROUP_TARGETS = [...Array.from({ length: MAX_GROUPS }, (_, index) => `g${index}`), 'g-gone'];

const projectRoleArb = fc.constantFrom<ProjectRole>(...PROJECT_ROLES);

/** At most one grant per project, as the console gives them. */
const grantsArb = (maxLength: number) =>
  fc.uniqueArray(fc.record({ projectId: fc.constantFrom(...GRANT_TARGETS), role: projectRoleArb }), {
    selector: (grant) => grant.projectId,
    maxLength,
  });

/** Where a membership was read: normally both sides agree; the engine must cope when they do not. */
const recordedOnArb = fc.constantFrom('both', 'both', 'both', 'group', 'member');

/**
 * Project-level orgs show non-Admins as 'user'; org-level orgs give everyone a real role. Now and
 * then the other mode's roles appear too (say, left over from before the setting changed): a
 * Viewer/Member/Manager org role must grant nothing in project-level mode, 'user' nothing anywhere.
 */
const orgRoleArb = (projectLevel: boolean): fc.Arbitrary<OrgRole> =>
  projectLevel
    ? fc.oneof(
        { weight: 6, arbitrary: fc.constant<OrgRole>('user') },
        { weight: 2, arbitrary: fc.constant<OrgRole>('admin') },
        { weight: 1, arbitrary: fc.constantFrom<OrgRole>('viewer', 'member', 'manager') },
      )
    : fc.oneof({ weight: 8, arbitrary: fc.constantFrom<OrgRole>('viewer', 'member', 'manager', 'admin') }, { weight: 1, arbitrary: fc.constant<OrgRole>('user') });

const memberArb = (projectLevel: boolean) =>
  fc.record({
    orgRole: orgRoleArb(projectLevel),
    status: fc.constantFrom<Member['status']>('joined', 'joined', 'pending'),
    // Direct project roles mean something only with project-level permissions; an org-level org
    // may still carry stale ones, which must change nothing.
    grants: grantsArb(projectLevel ? 4 : 2),
    memberships: fc.uniqueArray(fc.record({ groupId: fc.constantFrom(...GROUP_TARGETS), recordedOn: recordedOnArb }), {
      selector: (membership) => membership.groupId,
      maxLength: 3,
    }),
  });

interface OrgSizes {
  minMembers?: number;
  minGroups?: number;
}

function modeOrgArb(projectLevel: boolean, sizes: OrgSizes): fc.Arbitrary<OrgSnapshot> {
  return fc
    .record({
      projectCount: fc.integer({ min: 0, max: PROJECT_IDS.length }),
      groups: fc.array(grantsArb(4), { minLength: sizes.minGroups ?? 0, maxLength: MAX_GROUPS }),
      members: fc.array(memberArb(projectLevel), { minLength: sizes.minMembers ?? 0, maxLength: 7 }),
    })
    .map(({ projectCount, groups, members }) => {
      const roles = (grants: readonly { projectId: string; role: ProjectRole }[]) =>
        Object.fromEntries(grants.map((grant) => [grant.projectId, grant.role]));
      const groupSpecs: Record<string, GroupSpec & { memberIds: string[] }> = {};
      groups.forEach((grants, index) => (groupSpecs[`g${index}`] = { roles: roles(grants), memberIds: [] }));
      const memberSpecs: Record<string, MemberSpec> = {};
      members.forEach((member, index) => {
        const id = `m${index}`;
        const groupIds: string[] = [];
        for (const { groupId, recordedOn } of member.memberships) {
          if (recordedOn !== 'group') groupIds.push(groupId);
          if (recordedOn !== 'member') groupSpecs[groupId]?.memberIds.push(id);
        }
        memberSpecs[id] = { orgRole: member.orgRole, status: member.status, roles: roles(member.grants), groupIds };
      });
      return buildSnapshot({ projectLevel, projects: PROJECT_IDS.slice(0, projectCount), members: memberSpecs, groups: groupSpecs });
    });
}

/** A small valid org in either mode. */
const orgArb = (sizes: OrgSizes = {}): fc.Arbitrary<OrgSnapshot> => fc.oneof(modeOrgArb(true, sizes), modeOrgArb(false, sizes));

/** A larger org of realistic shape from the seeded generator the performance test uses. */
const generatedOrgArb = fc.record({ seed: fc.integer({ min: 1, max: 0x7fffffff }), projectLevel: fc.boolean() }).map(({ seed, projectLevel }) =>
  generateSnapshot(seed, { members: 40, projects: 12, groups: 8, projectLevel, groupsPerMember: 2, projectsPerGroup: 4, directPerMember: 3 }),
);

// ---------------------------------------------------------------------------------------------
// The oracle: the combination rules [doc, console-reference §3], written without the engine.

/** Membership is the union of both sides; ids that name no group are ignored. */
function isInGroup(member: Member, group: Group): boolean {
  return group.memberIds.includes(member.id) || member.groupIds.includes(group.id);
}

const RANK_ORDER = (a: AccessSource, b: AccessSource) => compareRoles(b.role, a.role);

/** Every source of `member` on `projectId`, highest first; ties keep org, direct, group order. */
function expectedSources(snapshot: OrgSnapshot, member: Member, projectId: string): AccessSource[] {
  const projectLevel = snapshot.org.projectLevelPermissions;
  const sources: AccessSource[] = [];
  if (member.orgRole === 'admin') sources.push({ kind: 'org', role: 'admin' });
  else if (!projectLevel && typeof member.orgRole === 'string' && member.orgRole !== 'user') sources.push({ kind: 'org', role: member.orgRole });
  if (projectLevel) {
    for (const grant of member.projectRoles) if (grant.projectId === projectId) sources.push({ kind: 'direct', role: grant.role });
  }
  for (const group of snapshot.groups) {
    if (!isInGroup(member, group)) continue;
    for (const grant of group.projectRoles) {
      if (grant.projectId === projectId) sources.push({ kind: 'group', groupId: group.id, groupName: group.name, role: grant.role });
    }
  }
  return sources.sort(RANK_ORDER); // stable
}

/** Checks one cell against the rules, from its sources alone. */
function expectCellConsistent(cell: ProjectAccess, where: string): void {
  const roles = cell.sources.map((source) => source.role);
  // Never below any source, and always one of them.
  for (const role of roles) expect(compareRoles(cell.role, role), where).toBeGreaterThanOrEqual(0);
  if (roles.length > 0) expect(roles, where).toContain(cell.role);
  expect(cell.role, where).toBe(maxRole(...roles));
  // A person with no source sees nothing.
  if (roles.length === 0) expect(cell.role, where).toBe('no_access');

  expect(cell.deciding, where).toEqual(cell.sources.filter((source) => source.role === cell.role));
  const adminDecides = cell.deciding.some((source) => source.kind === 'org' && source.role === 'admin');
  const groupDecides = cell.deciding.some((source) => source.kind === 'group');
  const blockedBy = cell.role === 'no_access' ? 'no-access' : adminDecides ? 'org-admin' : groupDecides ? 'group' : null;
  expect(cell.loweringBlockedBy, where).toBe(blockedBy);
  // Group grants cannot be lowered individually.
  expect(cell.canLowerIndividually, where).toBe(blockedBy === null);
}

/** The whole report against the oracle: every cell, every member summary, `accessOf`. */
function expectReportMatchesRules(snapshot: OrgSnapshot, report: AccessReport): void {
  expect(report.mode).toBe(snapshot.org.projectLevelPermissions ? 'project-level' : 'org-level');
  expect([...report.members.keys()]).toEqual(snapshot.members.map((member) => member.id));
  for (const member of snapshot.members) {
    const access = report.members.get(member.id);
    if (!access) throw new Error(`no access for ${member.id}`);
    const perProject = access.perProject;
    expect(perProject).toHaveLength(snapshot.projects.length);
    // The sparse form says the same: `accessAt` is the dense cell, `granted` lists exactly the
    // projects whose cell is not the baseline (and maybe some that equal it), ascending.
    perProject.forEach((cell, position) => expect(access.accessAt(position), `${member.id} at ${position}`).toBe(cell));
    expect(access.accessAt(perProject.length)).toBeUndefined();
    const grantedAt = access.granted.map(([position]) => position);
    expect(grantedAt).toEqual([...grantedAt].sort((a, b) => a - b));
    perProject.forEach((cell, position) => {
      if (cell !== access.baseline) expect(grantedAt, `${member.id} at ${position}`).toContain(position);
    });
    expect(access.groupIds).toEqual(snapshot.groups.filter((group) => isInGroup(member, group)).map((group) => group.id));

    const counts: Record<Role, number> = { no_access: 0, viewer: 0, member: 0, manager: 0, admin: 0 };
    snapshot.projects.forEach((project, position) => {
      const where = `${member.id} on ${project.id}`;
      const cell = perProject[position];
      if (!cell) throw new Error(`no cell for ${where}`);
      expect(report.accessOf(member.id, project.id), where).toBe(cell);
      expect(cell.sources, where).toEqual(expectedSources(snapshot, member, project.id));
      expectCellConsistent(cell, where);
      // Admin at org level is Admin everywhere, in either mode.
      if (member.orgRole === 'admin') expect(cell.role, where).toBe('admin');
      counts[cell.role] += 1;
    });

    const { summary } = access;
    expect(summary.projectsByRole, member.id).toEqual(counts);
    expect(summary.projectCount).toBe(snapshot.projects.length);
    expect(summary.projectsWithAccess).toBe(snapshot.projects.length - counts.no_access);
    expect(summary.isOrgAdmin).toBe(member.orgRole === 'admin');
    expect(summary.highestRole).toBe(member.orgRole === 'admin' ? 'admin' : maxRole(...ROLES.filter((role) => counts[role] > 0)));
  }
}

// ---------------------------------------------------------------------------------------------
// Membership changes

interface MembershipChange {
  snapshot: OrgSnapshot;
  memberId: string;
  groupId: string;
}

/** An org and a (member, group) pair with the member outside (`inGroup` false) or inside the group. */
const membershipChangeArb = (inGroup: boolean): fc.Arbitrary<MembershipChange> =>
  fc.record({ snapshot: orgArb({ minMembers: 1, minGroups: 1 }), pick: fc.nat() }).map(({ snapshot, pick }) => {
    const candidates = snapshot.groups.flatMap((group) =>
      snapshot.members.filter((member) => isInGroup(member, group) === inGroup).map((member) => ({ memberId: member.id, groupId: group.id })),
    );
    const chosen = candidates[pick % Math.max(1, candidates.length)];
    return { snapshot, memberId: chosen?.memberId ?? '', groupId: chosen?.groupId ?? '' };
  });

/** The snapshot with the membership added or removed on both sides, as the console would show it after the edit. */
function withMembership({ snapshot, memberId, groupId }: MembershipChange, present: boolean): OrgSnapshot {
  const changed = structuredClone(snapshot);
  const group = changed.groups.find((candidate) => candidate.id === groupId);
  const member = changed.members.find((candidate) => candidate.id === memberId);
  if (!group || !member) throw new Error(`unknown ${memberId} or ${groupId}`);
  group.memberIds = group.memberIds.filter((id) => id !== memberId);
  member.groupIds = member.groupIds.filter((id) => id !== groupId);
  if (present) {
    group.memberIds.push(memberId);
    member.groupIds.push(groupId);
  }
  return changed;
}

const isSourceOf = (groupId: string) => (source: AccessSource) => source.kind === 'group' && source.groupId === groupId;

/**
 * Compares two reports cell by cell: every cell must be identical except the changed member's cells
 * on projects the group grants a role on, whose sources may differ by that group's grant alone.
 * `check` then judges each such cell.
 */
function compareAround(
  change: MembershipChange,
  before: AccessReport,
  after: AccessReport,
  check: (cellBefore: ProjectAccess, cellAfter: ProjectAccess, where: string) => void,
): void {
  const group = change.snapshot.groups.find((candidate) => candidate.id === change.groupId);
  const groupProjects = new Set(group?.projectRoles.map((grant) => grant.projectId));
  for (const [memberId, accessBefore] of before.members) {
    const accessAfter = after.members.get(memberId);
    before.projects.forEach((project, position) => {
      const where = `${memberId} on ${project.id}`;
      const cellBefore = accessBefore.perProject[position];
      const cellAfter = accessAfter?.perProject[position];
      if (!cellBefore || !cellAfter) throw new Error(`no cell for ${where}`);
      if (memberId === change.memberId && groupProjects.has(project.id)) check(cellBefore, cellAfter, where);
      else expect(cellAfter, where).toEqual(cellBefore);
    });
  }
}

// ---------------------------------------------------------------------------------------------

describe('engine properties over generated orgs (fast-check)', () => {
  it('every cell has exactly the sources the rules give, and its role is the highest of them', () => {
    fc.assert(
      fc.property(orgArb(), (snapshot) => expectReportMatchesRules(snapshot, computeAccessReport(snapshot))),
      { numRuns: RUNS, seed: 0x4ac3e55 },
    );
  });

  it('the same holds on larger orgs of realistic shape, where many members share cells', () => {
    fc.assert(
      fc.property(generatedOrgArb, (snapshot) => expectReportMatchesRules(snapshot, computeAccessReport(snapshot))),
      { numRuns: 40, seed: 0x1a26e },
    );
    // Forty generated orgs take a few seconds on a busy CI machine; the default 5 s is too tight.
  }, 60_000);

  it('adding a group membership never lowers anyone, and adds only that group’s grants to that member', () => {
    fc.assert(
      fc.property(membershipChangeArb(false), (change) => {
        fc.pre(change.memberId !== '');
        const before = computeAccessReport(change.snapshot);
        const after = computeAccessReport(withMembership(change, true));
        compareAround(change, before, after, (cellBefore, cellAfter, where) => {
          expect(compareRoles(cellAfter.role, cellBefore.role), where).toBeGreaterThanOrEqual(0);
          expect(cellAfter.sources.filter((source) => !isSourceOf(change.groupId)(source)), where).toEqual(cellBefore.sources);
          expect(cellAfter.sources.filter(isSourceOf(change.groupId)), where).toHaveLength(1);
        });
      }),
      { numRuns: RUNS, seed: 0xadd },
    );
  });

  it('removing a group membership never raises anyone, and takes away only that group’s grants from that member', () => {
    fc.assert(
      fc.property(membershipChangeArb(true), (change) => {
        fc.pre(change.memberId !== '');
        const before = computeAccessReport(change.snapshot);
        const after = computeAccessReport(withMembership(change, false));
        compareAround(change, before, after, (cellBefore, cellAfter, where) => {
          expect(compareRoles(cellAfter.role, cellBefore.role), where).toBeLessThanOrEqual(0);
          expect(cellAfter.sources, where).toEqual(cellBefore.sources.filter((source) => !isSourceOf(change.groupId)(source)));
        });
      }),
      { numRuns: RUNS, seed: 0x4e30e },
    );
  });

  it('adding a membership and removing it again gives back the same access', () => {
    fc.assert(
      fc.property(membershipChangeArb(false), (change) => {
        fc.pre(change.memberId !== '');
        const added = withMembership(change, true);
        const restored = withMembership({ ...change, snapshot: added }, false);
        const original = computeAccessReport(change.snapshot);
        const roundTrip = computeAccessReport(restored);
        for (const [memberId, access] of original.members) expect(roundTrip.members.get(memberId)?.perProject, memberId).toEqual(access.perProject);
      }),
      { numRuns: RUNS, seed: 0x7e7 },
    );
  });

  it('generated orgs are valid snapshots in both modes', () => {
    const modes = new Set<boolean | null>();
    fc.assert(
      fc.property(orgArb(), (snapshot) => {
        modes.add(snapshot.org.projectLevelPermissions);
        expect(parseOrgSnapshot(snapshot)).toEqual({ ok: true, snapshot });
      }),
      { numRuns: 50, seed: 0x0de },
    );
    expect([...modes].sort()).toEqual([false, true]);
  });
});
