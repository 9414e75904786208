// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { computeAccessReport } from './engine';
import type { AccessSource, LoweringBlock, ProjectAccess } from './report';
import type { Role } from './roles';
import { buildSnapshot, type SnapshotSpec } from './test-snapshot';

/** Compact, readable form of a source: "org:admin", "direct:viewer", "group:g1:manager". */
function tag(source: AccessSource): string {
  return source.kind === 'group' ? `group:${source.groupId}:${source.role}` : `${source.kind}:${source.role}`;
}

function cell(spec: SnapshotSpec, memberId: string, projectId: string): ProjectAccess {
  const access = computeAccessReport(buildSnapshot(spec)).accessOf(memberId, projectId);
  if (!access) throw new Error(`no access cell for ${memberId} on ${projectId}`);
  return access;
}

interface RuleCase {
  name: string;
  spec: SnapshotSpec;
  project?: string;
  role: Role;
  sources: string[];
  deciding: string[];
  blockedBy: LoweringBlock | null;
}

const projectLevel = (spec: Omit<SnapshotSpec, 'projectLevel'>): SnapshotSpec => ({ ...spec, projectLevel: true });
const orgLevel = (spec: Omit<SnapshotSpec, 'projectLevel'>): SnapshotSpec => ({ ...spec, projectLevel: false });

const RULES: RuleCase[] = [
  {
    name: 'a direct role alone decides and can be lowered individually',
    spec: projectLevel({ members: { m: { roles: { p1: 'member' } } } }),
    role: 'member',
    sources: ['direct:member'],
    deciding: ['direct:member'],
    blockedBy: null,
  },
  {
    name: 'a group role alone decides and cannot be lowered individually',
    spec: projectLevel({ members: { m: {} }, groups: { g1: { roles: { p1: 'manager' }, memberIds: ['m'] } } }),
    role: 'manager',
    sources: ['group:g1:manager'],
    deciding: ['group:g1:manager'],
    blockedBy: 'group',
  },
  {
    name: 'the highest wins: a group above the direct role',
    spec: projectLevel({ members: { m: { roles: { p1: 'viewer' } } }, groups: { g1: { roles: { p1: 'manager' }, memberIds: ['m'] } } }),
    role: 'manager',
    sources: ['group:g1:manager', 'direct:viewer'],
    deciding: ['group:g1:manager'],
    blockedBy: 'group',
  },
  {
    name: 'the highest wins: the direct role above a group',
    spec: projectLevel({ members: { m: { roles: { p1: 'manager' } } }, groups: { g1: { roles: { p1: 'viewer' }, memberIds: ['m'] } } }),
    role: 'manager',
    sources: ['direct:manager', 'group:g1:viewer'],
    deciding: ['direct:manager'],
    blockedBy: null,
  },
  {
    name: 'the highest of several groups wins',
    spec: projectLevel({
      members: { m: {} },
      groups: { g1: { roles: { p1: 'viewer' }, memberIds: ['m'] }, g2: { roles: { p1: 'member' }, memberIds: ['m'] } },
    }),
    role: 'member',
    sources: ['group:g2:member', 'group:g1:viewer'],
    deciding: ['group:g2:member'],
    blockedBy: 'group',
  },
  {
    name: 'a tie between direct and group: both decide, and the group blocks lowering',
    spec: projectLevel({ members: { m: { roles: { p1: 'member' } } }, groups: { g1: { roles: { p1: 'member' }, memberIds: ['m'] } } }),
    role: 'member',
    sources: ['direct:member', 'group:g1:member'],
    deciding: ['direct:member', 'group:g1:member'],
    blockedBy: 'group',
  },
  {
    name: 'a tie between two groups: both decide',
    spec: projectLevel({
      members: { m: {} },
      groups: { g1: { roles: { p1: 'viewer' }, memberIds: ['m'] }, g2: { roles: { p1: 'viewer' }, memberIds: ['m'] } },
    }),
    role: 'viewer',
    sources: ['group:g1:viewer', 'group:g2:viewer'],
    deciding: ['group:g1:viewer', 'group:g2:viewer'],
    blockedBy: 'group',
  },
  {
    name: 'No Access is a value that grants nothing',
    spec: projectLevel({ members: { m: { roles: { p1: 'no_access' } } } }),
    role: 'no_access',
    sources: ['direct:no_access'],
    deciding: ['direct:no_access'],
    blockedBy: 'no-access',
  },
  {
    name: 'a group role beats a direct No Access',
    spec: projectLevel({ members: { m: { roles: { p1: 'no_access' } } }, groups: { g1: { roles: { p1: 'viewer' }, memberIds: ['m'] } } }),
    role: 'viewer',
    sources: ['group:g1:viewer', 'direct:no_access'],
    deciding: ['group:g1:viewer'],
    blockedBy: 'group',
  },
  {
    name: 'neither direct nor group access: nothing',
    spec: projectLevel({ members: { m: { roles: { p2: 'manager' } } }, groups: { g1: { roles: { p3: 'manager' }, memberIds: ['m'] } } }),
    role: 'no_access',
    sources: [],
    deciding: [],
    blockedBy: 'no-access',
  },
  {
    name: "project-level: the org role 'user' grants nothing by itself",
    spec: projectLevel({ members: { m: { orgRole: 'user' } } }),
    role: 'no_access',
    sources: [],
    deciding: [],
    blockedBy: 'no-access',
  },
  {
    name: 'project-level: a leftover non-Admin org role grants nothing (the console shows "User")',
    spec: projectLevel({ members: { m: { orgRole: 'manager', roles: { p1: 'viewer' } } } }),
    role: 'viewer',
    sources: ['direct:viewer'],
    deciding: ['direct:viewer'],
    blockedBy: null,
  },
  {
    name: 'project-level: an org Admin is Admin, above any group',
    spec: projectLevel({ members: { m: { orgRole: 'admin' } }, groups: { g1: { roles: { p1: 'manager' }, memberIds: ['m'] } } }),
    role: 'admin',
    sources: ['org:admin', 'group:g1:manager'],
    deciding: ['org:admin'],
    blockedBy: 'org-admin',
  },
  {
    name: 'project-level: an org Admin is Admin even where nothing else grants access',
    spec: projectLevel({ members: { m: { orgRole: 'admin', roles: { p2: 'no_access' } } } }),
    project: 'p2',
    role: 'admin',
    sources: ['org:admin', 'direct:no_access'],
    deciding: ['org:admin'],
    blockedBy: 'org-admin',
  },
  {
    name: 'org-level: the org role applies to the project',
    spec: orgLevel({ members: { m: { orgRole: 'member' } } }),
    role: 'member',
    sources: ['org:member'],
    deciding: ['org:member'],
    blockedBy: null,
  },
  {
    name: 'org-level: a group may still give more on one project',
    spec: orgLevel({ members: { m: { orgRole: 'viewer' } }, groups: { g1: { roles: { p1: 'manager' }, memberIds: ['m'] } } }),
    role: 'manager',
    sources: ['group:g1:manager', 'org:viewer'],
    deciding: ['group:g1:manager'],
    blockedBy: 'group',
  },
  {
    name: 'org-level: a group giving less than the org role changes nothing',
    spec: orgLevel({ members: { m: { orgRole: 'manager' } }, groups: { g1: { roles: { p1: 'viewer' }, memberIds: ['m'] } } }),
    role: 'manager',
    sources: ['org:manager', 'group:g1:viewer'],
    deciding: ['org:manager'],
    blockedBy: null,
  },
  {
    name: 'org-level: a group No Access does not take away the org role',
    spec: orgLevel({ members: { m: { orgRole: 'viewer' } }, groups: { g1: { roles: { p1: 'no_access' }, memberIds: ['m'] } } }),
    role: 'viewer',
    sources: ['org:viewer', 'group:g1:no_access'],
    deciding: ['org:viewer'],
    blockedBy: null,
  },
  {
    name: 'org-level: a tie between the org role and a group blocks lowering',
    spec: orgLevel({ members: { m: { orgRole: 'member' } }, groups: { g1: { roles: { p1: 'member' }, memberIds: ['m'] } } }),
    role: 'member',
    sources: ['org:member', 'group:g1:member'],
    deciding: ['org:member', 'group:g1:member'],
    blockedBy: 'group',
  },
  {
    name: 'org-level: direct project roles do not exist there and are ignored',
    spec: orgLevel({ members: { m: { orgRole: 'viewer', roles: { p1: 'manager' } } } }),
    role: 'viewer',
    sources: ['org:viewer'],
    deciding: ['org:viewer'],
    blockedBy: null,
  },
  {
    name: 'org-level: an org Admin is Admin',
    spec: orgLevel({ members: { m: { orgRole: 'admin' } } }),
    role: 'admin',
    sources: ['org:admin'],
    deciding: ['org:admin'],
    blockedBy: 'org-admin',
  },
];

describe('computeAccessReport: combination rules', () => {
  it.each(RULES)('$name', ({ spec, project, role, sources, deciding, blockedBy }) => {
    const access = cell(spec, 'm', project ?? 'p1');
    expect(access.role).toBe(role);
    expect(access.sources.map(tag)).toEqual(sources);
    expect(access.deciding.map(tag)).toEqual(deciding);
    expect(access.loweringBlockedBy).toBe(blockedBy);
    expect(access.canLowerIndividually).toBe(blockedBy === null);
  });
});

describe('computeAccessReport: whole-org behaviour', () => {
  it('makes an org Admin Admin on every project, in both modes', () => {
    for (const projectLevelPermissions of [true, false]) {
      const report = computeAccessReport(
        buildSnapshot({ projectLevel: projectLevelPermissions, projects: ['a', 'b', 'c', 'd'], members: { boss: { orgRole: 'admin' } } }),
      );
      expect(report.members.get('boss')?.perProject.map((access) => access.role)).toEqual(['admin', 'admin', 'admin', 'admin']);
    }
  });

  it('applies the org role to every project in org-level mode', () => {
    const report = computeAccessReport(buildSnapshot({ projectLevel: false, members: { m: { orgRole: 'manager' } } }));
    expect(report.mode).toBe('org-level');
    expect(report.members.get('m')?.perProject.map((access) => access.role)).toEqual(['manager', 'manager', 'manager']);
  });

  it('gives each project its own role in project-level mode', () => {
    const report = computeAccessReport(
      buildSnapshot({
        members: { m: { roles: { p1: 'viewer', p3: 'manager' } } },
        groups: { g1: { roles: { p2: 'member' }, memberIds: ['m'] } },
      }),
    );
    expect(report.mode).toBe('project-level');
    expect(report.members.get('m')?.perProject.map((access) => access.role)).toEqual(['viewer', 'member', 'manager']);
  });

  it('reads group membership from either side, without counting a group twice', () => {
    const spec = (memberIds: string[], groupIds: string[]): SnapshotSpec => ({
      members: { m: { groupIds } },
      groups: { g1: { roles: { p1: 'member' }, memberIds } },
    });
    for (const [memberIds, groupIds] of [[['m'], []], [[], ['g1']], [['m'], ['g1']]] as const) {
      const access = cell(spec([...memberIds], [...groupIds]), 'm', 'p1');
      expect(access.sources.map(tag)).toEqual(['group:g1:member']);
    }
  });

  it('ignores grants on projects the snapshot does not know, and group ids that name no group', () => {
    const report = computeAccessReport(
      buildSnapshot({
        members: { m: { roles: { gone: 'manager' }, groupIds: ['ghost'] } },
        groups: { g1: { roles: { gone: 'manager' }, memberIds: ['m'] } },
      }),
    );
    const access = report.members.get('m');
    expect(access?.perProject.every((cellAccess) => cellAccess.role === 'no_access')).toBe(true);
    expect(access?.summary.hasDirectGrants).toBe(false);
    expect(access?.summary.hasGroupGrants).toBe(false);
    expect(access?.groupIds).toEqual(['g1']);
  });

  it('answers undefined for an unknown member or project', () => {
    const report = computeAccessReport(buildSnapshot({ members: { m: {} } }));
    expect(report.accessOf('nobody', 'p1')).toBeUndefined();
    expect(report.accessOf('m', 'nowhere')).toBeUndefined();
    expect(report.accessOf('m', 'p1')?.role).toBe('no_access');
  });

  it('carries the snapshot time and project order into the report', () => {
    const report = computeAccessReport(buildSnapshot({ projects: ['z', 'a'], readAt: '2025-02-03T04:05:06.000Z' }));
    expect(report.readAt).toBe('2025-02-03T04:05:06.000Z');
    expect(report.projects.map((project) => project.id)).toEqual(['z', 'a']);
  });
});

describe('group grants and individual changes', () => {
  const withGroups = (memberGroupIds: string[], directOnP1: 'viewer' | 'no_access' | null): SnapshotSpec => ({
    members: { m: { groupIds: memberGroupIds, roles: directOnP1 ? { p1: directOnP1 } : {} } },
    groups: {
      analysts: { name: 'Analysts', roles: { p1: 'manager', p2: 'viewer' } },
      ops: { name: 'Ops', roles: { p1: 'member', p3: 'member' } },
    },
  });
  const roles = (spec: SnapshotSpec) => computeAccessReport(buildSnapshot(spec)).members.get('m')?.perProject.map((access) => access.role);

  it.each([
    { name: 'in both groups', groups: ['analysts', 'ops'], expected: ['manager', 'viewer', 'member'] },
    { name: 'removed from Analysts: only what Analysts gave goes', groups: ['ops'], expected: ['member', 'no_access', 'member'] },
    { name: 'removed from Ops: only what Ops gave goes', groups: ['analysts'], expected: ['manager', 'viewer', 'no_access'] },
    { name: 'removed from both', groups: [], expected: ['viewer', 'no_access', 'no_access'] },
  ])('$name', ({ groups, expected }) => {
    expect(roles(withGroups(groups, 'viewer'))).toEqual(expected);
  });

  it('cannot lower a group grant by changing the direct role', () => {
    const before = cell(withGroups(['analysts'], 'viewer'), 'm', 'p1');
    const after = cell(withGroups(['analysts'], 'no_access'), 'm', 'p1');
    expect(before.role).toBe('manager');
    expect(after.role).toBe('manager');
    expect(after.canLowerIndividually).toBe(false);
  });
});

describe('member summary in the report', () => {
  it('counts effective roles across projects', () => {
    const report = computeAccessReport(
      buildSnapshot({
        projects: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'],
        members: { m: { roles: { a: 'manager', b: 'manager', c: 'viewer', d: 'no_access' } } },
        groups: { g1: { roles: { e: 'manager', f: 'manager', g: 'manager' }, memberIds: ['m'] } },
      }),
    );
    const summary = report.members.get('m')?.summary;
    expect(summary).toMatchObject({
      highestRole: 'manager',
      isOrgAdmin: false,
      projectsWithAccess: 6,
      projectCount: 8,
      projectsByRole: { no_access: 2, viewer: 1, member: 0, manager: 5, admin: 0 },
      hasDirectGrants: true,
      hasGroupGrants: true,
    });
  });

  it('treats an org Admin as Admin even in an org without projects', () => {
    const report = computeAccessReport(buildSnapshot({ projects: [], members: { boss: { orgRole: 'admin' } } }));
    expect(report.members.get('boss')?.summary.highestRole).toBe('admin');
  });
});

describe('computeAccessReportInSlices', () => {
  it('gives the same report as the one-go computation, pausing between slices', async () => {
    const { computeAccessReport, computeAccessReportInSlices } = await import('./engine');
    const { generateSnapshot } = await import('./test-snapshot');
    const snapshot = generateSnapshot(7, { members: 120, projects: 9, groups: 6, projectLevel: true, groupsPerMember: 1.5, projectsPerGroup: 3, directPerMember: 2 });
    let pauses = 0;
    const sliced = await computeAccessReportInSlices(snapshot, {}, { sliceSize: 25, pause: async () => { pauses++; } });
    const whole = computeAccessReport(snapshot);
    // Slices of access, a pause before the findings and one after the org-wide ones, slices of findings.
    expect(pauses).toBe(2 * Math.floor(120 / 25) + 2);
    expect(sliced.findings).toEqual(whole.findings);
    for (const [id, access] of whole.members) {
      expect(sliced.members.get(id)?.perProject.map((cell) => cell.role)).toEqual(access.perProject.map((cell) => cell.role));
      expect(sliced.members.get(id)?.summary).toEqual(access.summary);
    }
  });
});
