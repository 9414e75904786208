// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { computeAccessReport } from './engine';
import { findingWords } from './finding-words';
import type { Finding, FindingCode, FindingOptions } from './findings';
import type { CustomRoleNames } from './roles';
import { buildSnapshot, type SnapshotSpec } from './test-snapshot';

function findingsOf(spec: SnapshotSpec, options?: FindingOptions): readonly Finding[] {
  return computeAccessReport(buildSnapshot(spec), options).findings;
}

function keysOf(code: FindingCode, spec: SnapshotSpec, options?: FindingOptions): string[] {
  return findingsOf(spec, options)
    .filter((finding) => finding.code === code)
    .map((finding) => finding.key);
}

interface FindingCase {
  code: FindingCode;
  name: string;
  spec: SnapshotSpec;
  options?: FindingOptions;
  /** The keys of the findings with this code; [] for a negative case. */
  keys: string[];
}

const admin = { orgRole: 'admin' } as const;

const CASES: FindingCase[] = [
  // escalated-through-group
  {
    code: 'escalated-through-group',
    name: 'a group gives more than the direct role',
    spec: { members: { m: { roles: { p1: 'viewer' } } }, groups: { g: { roles: { p1: 'manager' }, memberIds: ['m'] } } },
    keys: ['escalated-through-group:m:g'],
  },
  {
    code: 'escalated-through-group',
    name: 'a group overrides a direct No Access',
    spec: { members: { m: { roles: { p1: 'no_access' } } }, groups: { g: { roles: { p1: 'viewer' }, memberIds: ['m'] } } },
    keys: ['escalated-through-group:m:g'],
  },
  {
    code: 'escalated-through-group',
    name: 'org-level: a group gives more than the org role',
    spec: { projectLevel: false, members: { m: { orgRole: 'viewer' } }, groups: { g: { roles: { p2: 'member' }, memberIds: ['m'] } } },
    keys: ['escalated-through-group:m:g'],
  },
  {
    code: 'escalated-through-group',
    name: 'not when the group gives the same role',
    spec: { members: { m: { roles: { p1: 'member' } } }, groups: { g: { roles: { p1: 'member' }, memberIds: ['m'] } } },
    keys: [],
  },
  {
    code: 'escalated-through-group',
    name: 'not when the group gives less',
    spec: { members: { m: { roles: { p1: 'manager' } } }, groups: { g: { roles: { p1: 'viewer' }, memberIds: ['m'] } } },
    keys: [],
  },
  {
    code: 'escalated-through-group',
    name: 'not when access comes only from a group (nothing to escalate from)',
    spec: { members: { m: {} }, groups: { g: { roles: { p1: 'manager' }, memberIds: ['m'] } } },
    keys: [],
  },
  {
    code: 'escalated-through-group',
    name: 'not for an org Admin',
    spec: { members: { m: { ...admin, roles: { p1: 'viewer' } } }, groups: { g: { roles: { p1: 'manager' }, memberIds: ['m'] } } },
    keys: [],
  },
  // mixed-roles
  {
    code: 'mixed-roles',
    name: 'a direct role above a group role',
    spec: { members: { m: { roles: { p1: 'manager' } } }, groups: { g: { roles: { p1: 'viewer' }, memberIds: ['m'] } } },
    keys: ['mixed-roles:m'],
  },
  {
    code: 'mixed-roles',
    name: 'two groups with different roles',
    spec: {
      members: { m: {} },
      groups: { g1: { roles: { p3: 'viewer' }, memberIds: ['m'] }, g2: { roles: { p3: 'member' }, memberIds: ['m'] } },
    },
    keys: ['mixed-roles:m'],
  },
  {
    code: 'mixed-roles',
    name: 'not when every source gives the same role',
    spec: {
      members: { m: { roles: { p1: 'viewer' } } },
      groups: { g1: { roles: { p1: 'viewer' }, memberIds: ['m'] }, g2: { roles: { p1: 'viewer' }, memberIds: ['m'] } },
    },
    keys: [],
  },
  {
    code: 'mixed-roles',
    name: 'not where an escalation finding already explains the difference',
    spec: { members: { m: { roles: { p1: 'viewer' } } }, groups: { g: { roles: { p1: 'manager' }, memberIds: ['m'] } } },
    keys: [],
  },
  {
    code: 'mixed-roles',
    name: 'not for an org Admin',
    spec: { members: { m: admin }, groups: { g: { roles: { p1: 'viewer' }, memberIds: ['m'] } } },
    keys: [],
  },
  // redundant-direct-grant
  {
    code: 'redundant-direct-grant',
    name: 'a group gives the same role as the direct grant',
    spec: { members: { m: { roles: { p1: 'member' } } }, groups: { g: { roles: { p1: 'member' }, memberIds: ['m'] } } },
    keys: ['redundant-direct-grant:m'],
  },
  {
    code: 'redundant-direct-grant',
    name: 'a group gives more than the direct grant',
    spec: { members: { m: { roles: { p1: 'viewer' } } }, groups: { g: { roles: { p1: 'manager' }, memberIds: ['m'] } } },
    keys: ['redundant-direct-grant:m'],
  },
  {
    code: 'redundant-direct-grant',
    name: 'not when the group gives less',
    spec: { members: { m: { roles: { p1: 'member' } } }, groups: { g: { roles: { p1: 'viewer' }, memberIds: ['m'] } } },
    keys: [],
  },
  {
    code: 'redundant-direct-grant',
    name: 'not for a direct No Access (it grants nothing to be redundant)',
    spec: { members: { m: { roles: { p1: 'no_access' } } }, groups: { g: { roles: { p1: 'no_access' }, memberIds: ['m'] } } },
    keys: [],
  },
  {
    code: 'redundant-direct-grant',
    name: 'not when the group covers a different project',
    spec: { members: { m: { roles: { p1: 'viewer' } } }, groups: { g: { roles: { p2: 'manager' }, memberIds: ['m'] } } },
    keys: [],
  },
  // mixed-management
  {
    code: 'mixed-management',
    name: 'direct grants and group grants together',
    spec: { members: { m: { roles: { p1: 'viewer' } } }, groups: { g: { roles: { p2: 'viewer' }, memberIds: ['m'] } } },
    keys: ['mixed-management:m'],
  },
  {
    code: 'mixed-management',
    name: 'not with direct grants only',
    spec: { members: { m: { roles: { p1: 'viewer', p2: 'member' } } } },
    keys: [],
  },
  {
    code: 'mixed-management',
    name: 'not with group grants only',
    spec: { members: { m: {} }, groups: { g: { roles: { p1: 'viewer' }, memberIds: ['m'] } } },
    keys: [],
  },
  {
    code: 'mixed-management',
    name: 'not when the group grants no project role',
    spec: { members: { m: { roles: { p1: 'viewer' } } }, groups: { g: { memberIds: ['m'] } } },
    keys: [],
  },
  {
    code: 'mixed-management',
    name: 'not in org-level mode (there are no direct project roles)',
    spec: { projectLevel: false, members: { m: { roles: { p1: 'viewer' } } }, groups: { g: { roles: { p2: 'member' }, memberIds: ['m'] } } },
    keys: [],
  },
  // sole-admin
  { code: 'sole-admin', name: 'exactly one joined Admin', spec: { members: { a: admin, m: {} } }, keys: ['sole-admin:a'] },
  {
    code: 'sole-admin',
    name: 'a pending Admin does not relieve the only joined one',
    spec: { members: { a: admin, b: { ...admin, status: 'pending' } } },
    keys: ['sole-admin:a'],
  },
  { code: 'sole-admin', name: 'not with two Admins', spec: { members: { a: admin, b: admin } }, keys: [] },
  { code: 'sole-admin', name: 'not without any Admin', spec: { members: { m: {} } }, keys: [] },
  // too-many-admins
  {
    code: 'too-many-admins',
    name: 'more than the default 3',
    spec: { members: { a: admin, b: admin, c: admin, d: admin } },
    keys: ['too-many-admins'],
  },
  { code: 'too-many-admins', name: 'not at exactly 3', spec: { members: { a: admin, b: admin, c: admin } }, keys: [] },
  {
    code: 'too-many-admins',
    name: 'pending Admins are not counted',
    spec: { members: { a: admin, b: admin, c: admin, d: { ...admin, status: 'pending' } } },
    keys: [],
  },
  {
    code: 'too-many-admins',
    name: 'a lower threshold from the options',
    spec: { members: { a: admin, b: admin } },
    options: { maxAdmins: 1 },
    keys: ['too-many-admins'],
  },
  {
    code: 'too-many-admins',
    name: 'a higher threshold from the options',
    spec: { members: { a: admin, b: admin, c: admin, d: admin } },
    options: { maxAdmins: 4 },
    keys: [],
  },
  // no-access
  { code: 'no-access', name: 'a joined member with nothing', spec: { members: { m: {} } }, keys: ['no-access:m'] },
  {
    code: 'no-access',
    name: 'No Access everywhere counts as no access',
    spec: { members: { m: { roles: { p1: 'no_access' } } }, groups: { g: { roles: { p2: 'no_access' }, memberIds: ['m'] } } },
    keys: ['no-access:m'],
  },
  { code: 'no-access', name: 'not with access to one project', spec: { members: { m: { roles: { p3: 'viewer' } } } }, keys: [] },
  { code: 'no-access', name: 'not for a pending invite', spec: { members: { m: { status: 'pending' } } }, keys: [] },
  { code: 'no-access', name: 'not for an org Admin', spec: { members: { m: admin } }, keys: [] },
  { code: 'no-access', name: 'not in org-level mode with an org role', spec: { projectLevel: false, members: { m: { orgRole: 'viewer' } } }, keys: [] },
  { code: 'no-access', name: 'not in an org without projects', spec: { projects: [], members: { m: {} } }, keys: [] },
  // stale-invite (READ_AT is 2025-06-30T12:00Z)
  {
    code: 'stale-invite',
    name: 'pending for 15 days, default threshold 14',
    spec: { members: { m: { status: 'pending', invitedAt: '2025-06-15T12:00:00.000Z' } } },
    keys: ['stale-invite:m'],
  },
  {
    code: 'stale-invite',
    name: 'not at exactly 14 days',
    spec: { members: { m: { status: 'pending', invitedAt: '2025-06-16T12:00:00.000Z' } } },
    keys: [],
  },
  {
    code: 'stale-invite',
    name: 'a shorter threshold from the options',
    spec: { members: { m: { status: 'pending', invitedAt: '2025-06-20T12:00:00.000Z' } } },
    options: { staleInviteDays: 7 },
    keys: ['stale-invite:m'],
  },
  {
    code: 'stale-invite',
    name: 'aged against the `now` option instead of the read time',
    spec: { members: { m: { status: 'pending', invitedAt: '2025-06-25T12:00:00.000Z' } } },
    options: { now: '2025-07-20T00:00:00.000Z' },
    keys: ['stale-invite:m'],
  },
  {
    code: 'stale-invite',
    name: 'not when `now` is close to the invite',
    spec: { members: { m: { status: 'pending', invitedAt: '2025-01-01T00:00:00.000Z' } } },
    options: { now: new Date('2025-01-10T00:00:00.000Z') },
    keys: [],
  },
  {
    code: 'stale-invite',
    name: 'not for a member who joined long after being invited',
    spec: { members: { m: { status: 'joined', invitedAt: '2024-01-01T00:00:00.000Z', roles: { p1: 'viewer' } } } },
    keys: [],
  },
];

describe('findings: each code triggers, and only when it should', () => {
  it.each(CASES)('$code: $name', ({ code, spec, options, keys }) => {
    expect(keysOf(code, spec, options)).toEqual(keys);
  });
});

describe('finding content', () => {
  // The engine gives codes and facts; the words are the UI's (finding-words.ts), checked here together.
  const said = (finding: Finding | undefined, names?: CustomRoleNames) => (finding ? findingWords(finding, names) : undefined);
  const escalationOf = (spec: SnapshotSpec) => findingsOf(spec).filter((candidate) => candidate.code === 'escalated-through-group');

  it('names the escalating group and says how to lower the role', () => {
    const [finding] = escalationOf({
      members: { m: { name: 'Ana Lee', roles: { p1: 'viewer' } } },
      groups: { g: { name: 'Analysts', roles: { p1: 'manager' }, memberIds: ['m'] } },
    });
    expect(finding).toEqual({
      key: 'escalated-through-group:m:g',
      code: 'escalated-through-group',
      severity: 'warning',
      memberIds: ['m'],
      projectIds: ['p1'],
      groupIds: ['g'],
      params: { who: expect.objectContaining({ name: 'Ana Lee' }), group: 'Analysts', ownKind: 'direct', cells: [{ project: 'Project p1', given: 'manager', own: 'viewer' }] },
    });
    expect(said(finding)).toEqual({
      explanation: "Group 'Analysts' gives Ana Lee Manager on 'Project p1', above their direct role (Viewer).",
      fix: "To lower this, remove them from group 'Analysts' or change that group.",
    });
  });

  it('reports one escalation per group, each listing only its own projects', () => {
    const findings = escalationOf({
      projects: ['p1', 'p2', 'p3', 'p4'],
      members: { m: { roles: { p1: 'viewer', p2: 'viewer', p3: 'no_access', p4: 'manager' } } },
      groups: {
        low: { name: 'Readers', roles: { p1: 'viewer' }, memberIds: ['m'] },
        mid: { name: 'Ops', roles: { p1: 'member', p3: 'member', p4: 'member' }, memberIds: ['m'] },
        top: { name: 'Analysts', roles: { p1: 'manager', p2: 'manager' }, memberIds: ['m'] },
      },
    });
    expect(findings.map((finding) => [finding.key, finding.projectIds, finding.groupIds])).toEqual([
      ['escalated-through-group:m:top', ['p1', 'p2'], ['top']],
      ['escalated-through-group:m:mid', ['p1', 'p3'], ['mid']],
    ]);
    expect(said(findings[1])?.explanation).toBe(
      "Group 'Ops' gives Person m more than their direct role on 2 projects: Member on 'Project p1' (direct role: Viewer) and Member on 'Project p3' (direct role: No Access).",
    );
    expect(said(findings[1])?.fix).toBe("To lower this, remove them from group 'Ops' or change that group.");
  });

  it('speaks of the org role in org-level mode', () => {
    const [finding] = escalationOf({
      projectLevel: false,
      members: { m: { name: 'Bo', orgRole: 'viewer' } },
      groups: { g: { name: 'Ops', roles: { p2: 'member' }, memberIds: ['m'] } },
    });
    expect(said(finding)?.explanation).toBe("Group 'Ops' gives Bo Member on 'Project p2', above their org role (Viewer).");
  });

  it('names a few projects and counts the rest', () => {
    const projects = ['a', 'b', 'c', 'd', 'e'];
    const [finding] = escalationOf({
      projects,
      members: { m: { roles: Object.fromEntries(projects.map((id) => [id, 'viewer'])) } },
      groups: { g: { roles: Object.fromEntries(projects.map((id) => [id, 'member'])), memberIds: ['m'] } },
    });
    expect(finding?.projectIds).toEqual(projects);
    expect(said(finding)?.explanation).toMatch(/on 5 projects: .*'Project c' \(direct role: Viewer\) and 2 more\.$/);
  });

  it('lists every source in a mixed-roles explanation for one project', () => {
    const [finding] = findingsOf({
      members: { m: { name: 'Ana', roles: { p1: 'manager' } } },
      groups: { g: { name: 'Readers', roles: { p1: 'viewer' }, memberIds: ['m'] } },
    }).filter((candidate) => candidate.code === 'mixed-roles');
    expect(said(finding)?.explanation).toBe("Ana holds different roles on 'Project p1': Manager directly and Viewer through group 'Readers'. The highest, Manager, applies.");
    expect(finding?.groupIds).toEqual(['g']);
  });

  it('explains a redundant direct role and the catch in removing it', () => {
    const [finding] = findingsOf({
      members: { m: { name: 'Ana', roles: { p1: 'member' } } },
      groups: { g: { name: 'Analysts', roles: { p1: 'manager' }, memberIds: ['m'] } },
    }).filter((candidate) => candidate.code === 'redundant-direct-grant');
    expect(said(finding)?.explanation).toBe("Ana's direct Member role on 'Project p1' changes nothing: group 'Analysts' already gives Manager.");
    expect(said(finding)?.fix).toBe("Remove the direct role on 'Project p1', or keep it if they should stay Member there after leaving group 'Analysts'.");
  });

  it('uses the org’s own role names in the text', () => {
    const [finding] = escalationOf({
      customRoleNames: { manager: 'Lead' },
      members: { m: { roles: { p1: 'viewer' } } },
      groups: { g: { roles: { p1: 'manager' }, memberIds: ['m'] } },
    });
    expect(said(finding, { manager: 'Lead' })?.explanation).toContain('gives Person m Lead on');
  });

  it('says how old a stale invite is and names its email', () => {
    const [finding] = findingsOf({ members: { m: { status: 'pending', name: '', invitedAt: '2025-06-10T12:00:00.000Z' } } });
    expect(finding?.code).toBe('stale-invite');
    expect(said(finding)?.explanation).toBe('The invite to m@example.com was sent 20 days ago (2025-06-10) and has not been accepted.');
  });

  it('lists every joined Admin in a too-many-admins finding', () => {
    const [finding] = findingsOf({ members: { a: admin, b: admin, c: admin, d: admin, e: { ...admin, status: 'pending' } } });
    expect(finding?.memberIds).toEqual(['a', 'b', 'c', 'd']);
    expect(said(finding)?.explanation).toContain('4 Admins, more than 3');
  });

  it('refuses a `now` that is not a time, instead of silently finding nothing', () => {
    expect(() => findingsOf({ members: { m: { status: 'pending' } } }, { now: 'soon' })).toThrow(RangeError);
  });

  it('gives every finding a unique key, org-wide first, then member by member', () => {
    const findings = findingsOf({
      members: {
        a: admin,
        m: { roles: { p1: 'viewer', p2: 'member', p3: 'manager' } },
        n: {},
        o: { status: 'pending', invitedAt: '2024-01-01T00:00:00.000Z' },
      },
      groups: {
        g1: { roles: { p1: 'manager', p2: 'member', p3: 'viewer' }, memberIds: ['m'] },
        g2: { roles: { p1: 'member', p2: 'viewer' }, memberIds: ['m'] },
      },
    });
    const keys = findings.map((finding) => finding.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual([
      'sole-admin:a',
      'escalated-through-group:m:g1',
      'escalated-through-group:m:g2',
      'mixed-roles:m',
      'redundant-direct-grant:m',
      'mixed-management:m',
      'no-access:n',
      'stale-invite:o',
    ]);
    const byKey = new Map(findings.map((finding) => [finding.key, finding]));
    expect(byKey.get('mixed-roles:m')?.projectIds).toEqual(['p2', 'p3']);
    expect(byKey.get('redundant-direct-grant:m')?.projectIds).toEqual(['p1', 'p2']);
    expect(byKey.get('redundant-direct-grant:m')?.groupIds).toEqual(['g1', 'g2']);
  });
});
