/**
 * Effective permissions as a union (issue 16, acceptance 1): table-driven cases, fast-check
 * properties (the union is the union; default roles alone give today's ranked answer; removing a
 * source never adds a permission; "covered by one role" is decided correctly), and the engine on
 * the demo org, whose custom roles overlap.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeAccessReport } from './engine';
import * as permissionFindings from './permission-findings';
import { covers, DEFAULT_ROLE_PERMISSIONS, PERMISSIONS } from './permission-catalogue';
import { computeCell, createPermissionModel } from './permission-union';
import type { AccessSource } from './report';
import { maxRole, PROJECT_ROLES, type ProjectRole } from './roles';
import { demoSnapshot } from '../invite/test-fixture';
import type { FindingOf } from './finding';
import { generateSnapshot } from './test-snapshot';

const member = [...DEFAULT_ROLE_PERMISSIONS.member];
const ROLES: Record<string, readonly string[]> = {
  analyst: [...member, 'manage-custom-metrics', 'manage-annotations'],
  marketing: [...member, 'manage-predictions', 'manage-annotations'],
  narrow: ['view-chat'],
  contributor: member,
};
const custom = (id: string, kind: 'direct' | 'group' = 'direct', group = 'G'): AccessSource =>
  kind === 'direct'
    ? { kind: 'direct', role: 'member', customRole: { id, name: id } }
    : { kind: 'group', groupId: group, groupName: group, role: 'member', customRole: { id, name: id } };
const direct = (role: ProjectRole): AccessSource => ({ kind: 'direct', role });
const group = (role: ProjectRole, name = 'G'): AccessSource => ({ kind: 'group', groupId: name, groupName: name, role });

function permissionsOf(source: AccessSource, known: Readonly<Record<string, readonly string[]>> = ROLES): ReadonlySet<string> | null {
  const model = createPermissionModel({
    members: [],
    groups: [],
    roleDefinitions: { read: true, reason: null, roles: Object.entries(known).map(([id, permissions]) => ({ id, name: id, description: '', permissions: [...permissions] })) },
  });
  return model.permissionsOf(source);
}

describe('the permissions of one cell', () => {
  it.each([
    { name: 'two custom roles that overlap: neither covers the union', sources: [custom('analyst'), custom('marketing', 'group')], covered: null, shown: ['custom:analyst', 'custom:marketing'] },
    { name: 'a custom role beside Member: the custom role covers', sources: [custom('analyst'), group('member')], covered: 'custom:analyst', shown: ['custom:analyst'] },
    { name: 'Manager beside a Member-like custom role: Manager covers ("manage any" implies "manage own")', sources: [custom('contributor'), group('manager')], covered: 'manager', shown: ['manager'] },
    { name: 'No Access grants nothing and covers nothing', sources: [direct('no_access'), custom('narrow', 'group')], covered: 'custom:narrow', shown: ['custom:narrow'] },
    { name: 'a narrow custom role and Viewer: neither holds the other', sources: [direct('viewer'), custom('narrow', 'group')], covered: 'viewer', shown: ['viewer'] },
  ])('$name', ({ sources, covered, shown }) => {
    const cell = computeCell({ sources }, (source) => permissionsOf(source));
    expect(cell.readable).toBe(true);
    expect(cell.coveredBy?.key ?? null).toBe(covered);
    expect(cell.shown.map((role) => role.key)).toEqual(shown);
  });

  it('lists every permission with each source that grants it', () => {
    const analyst = custom('analyst');
    const marketing = custom('marketing', 'group');
    const cell = computeCell({ sources: [analyst, marketing] }, (source) => permissionsOf(source));
    const by = new Map(cell.permissions.map((entry) => [entry.permission, entry.sources]));
    expect(by.get('manage-custom-metrics')).toEqual([analyst]);
    expect(by.get('manage-predictions')).toEqual([marketing]);
    expect(by.get('manage-annotations')).toEqual([analyst, marketing]);
    expect(by.has('manage-api-keys')).toBe(false);
  });

  it('says nothing about permissions when a custom role could not be read', () => {
    const cell = computeCell({ sources: [custom('unknown'), group('viewer')] }, (source) => permissionsOf(source));
    expect(cell).toMatchObject({ readable: false, permissions: [], coveredBy: null });
    expect(cell.unreadable).toEqual([{ id: 'unknown', name: 'unknown' }]);
  });

  it('Viewer ⊂ Member ⊂ Manager ⊂ Admin once "manage any" implies "manage own"', () => {
    expect(covers(DEFAULT_ROLE_PERMISSIONS.member, DEFAULT_ROLE_PERMISSIONS.viewer)).toBe(true);
    expect(covers(DEFAULT_ROLE_PERMISSIONS.manager, DEFAULT_ROLE_PERMISSIONS.member)).toBe(true);
    expect(covers(DEFAULT_ROLE_PERMISSIONS.admin, DEFAULT_ROLE_PERMISSIONS.manager)).toBe(true);
    expect(DEFAULT_ROLE_PERMISSIONS.admin.size).toBe(PERMISSIONS.length);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const permissionIds = PERMISSIONS.map((permission) => permission.id);
const customRolesArb = fc.dictionary(fc.constantFrom('r1', 'r2', 'r3', 'r4'), fc.subarray(permissionIds), { minKeys: 1 });
const sourceArb = (roleIds: readonly string[]) =>
  fc.oneof(
    fc.constantFrom(...PROJECT_ROLES).map(direct),
    fc.tuple(fc.constantFrom(...PROJECT_ROLES), fc.constantFrom('G1', 'G2')).map(([role, name]) => group(role, name)),
    fc.tuple(fc.constantFrom(...roleIds), fc.constantFrom<'direct' | 'group'>('direct', 'group'), fc.constantFrom('G1', 'G2')).map(([id, kind, name]) => custom(id, kind, name)),
  );
const cellArb = customRolesArb.chain((roles) => fc.tuple(fc.constant(roles), fc.array(sourceArb(Object.keys(roles)), { minLength: 1, maxLength: 5 })));

const unionOf = (sources: readonly AccessSource[], roles: Record<string, readonly string[]>): Set<string> =>
  new Set(sources.flatMap((source) => [...(permissionsOf(source, roles) ?? [])]));
const idsOf = (sources: readonly AccessSource[], roles: Record<string, readonly string[]>) =>
  new Set(computeCell({ sources }, (source) => permissionsOf(source, roles)).permissions.map((entry) => entry.permission));

describe('properties of the union', () => {
  it('the effective set is exactly the union of every source role', () => {
    fc.assert(
      fc.property(cellArb, ([roles, sources]) => {
        expect(idsOf(sources, roles)).toEqual(unionOf(sources, roles));
      }),
      { seed: 16, numRuns: 300 },
    );
  });

  it('with default roles only, the union is the ranked role and that role covers it (today\'s answer)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...PROJECT_ROLES).map(direct), fc.constantFrom(...PROJECT_ROLES).map((role) => group(role))), { minLength: 1, maxLength: 5 }), (sources) => {
        const cell = computeCell({ sources }, (source) => permissionsOf(source));
        const highest = maxRole(...sources.map((source) => source.role));
        expect(new Set(cell.permissions.map((entry) => entry.permission))).toEqual(new Set(DEFAULT_ROLE_PERMISSIONS[highest]));
        if (highest !== 'no_access') expect(cell.coveredBy?.role).toBe(highest);
      }),
      { seed: 16, numRuns: 300 },
    );
  });

  it('removing a source never adds a permission', () => {
    fc.assert(
      fc.property(cellArb, fc.nat(), ([roles, sources], drop) => {
        const fewer = sources.filter((_source, index) => index !== drop % sources.length);
        const before = idsOf(sources, roles);
        for (const permission of idsOf(fewer, roles)) expect(before.has(permission)).toBe(true);
      }),
      { seed: 16, numRuns: 300 },
    );
  });

  it('"covered by one role" holds exactly when some held role has every permission of the union', () => {
    fc.assert(
      fc.property(cellArb, ([roles, sources]) => {
        const cell = computeCell({ sources }, (source) => permissionsOf(source, roles));
        const union = unionOf(sources, roles);
        const someCovers = union.size > 0 && sources.some((source) => covers(permissionsOf(source, roles) ?? new Set(), union));
        expect(cell.coveredBy !== null).toBe(someCovers);
        if (cell.coveredBy) expect(covers(cell.coveredBy.permissions ?? new Set(), union)).toBe(true);
        // Nothing shown beside another is covered by it; together they give the union.
        expect(new Set(cell.shown.flatMap((role) => [...(role.permissions ?? [])]))).toEqual(union);
      }),
      { seed: 16, numRuns: 300 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// The engine on the demo org

describe('the engine on an org with custom roles (demo)', () => {
  const snapshot = demoSnapshot();
  const report = computeAccessReport(snapshot, {}, permissionFindings);
  const ofMember = (id: string) => report.findings.filter((finding) => finding.memberIds.includes(id));

  it("names what Zara's two roles on Web App (Production) add together, with their sources", () => {
    const union = ofMember('u-21').find((finding): finding is FindingOf<'permission-union'> => finding.code === 'permission-union');
    expect(union?.projectIds).toEqual(['p-1']);
    expect(union?.params.roles.map((source) => (source.kind !== 'org' ? source.customRole?.name : null))).toEqual(['Analyst', 'Marketing']);
    expect(union?.params.extras.map((extra) => extra.permission)).toEqual(['Manage predictions', 'Mark audiences as official']);
    expect(union?.params.extras[0]?.sources).toEqual([expect.objectContaining({ kind: 'group', groupName: 'Insights Guild' })]);
    // Not judged by rank: no "escalated" or "mixed roles" from the stand-in.
    expect(ofMember('u-21').map((finding) => finding.code)).not.toContain('mixed-roles');
  });

  it("finds the group that gives Benjamin permissions beyond his direct Viewer, by permissions", () => {
    const codes = ofMember('u-22').map((finding) => finding.code);
    expect(codes).toContain('permission-escalation');
    expect(codes).not.toContain('escalated-through-group');
    const escalation = ofMember('u-22').find((finding): finding is FindingOf<'permission-escalation'> => finding.code === 'permission-escalation');
    expect(escalation?.params.group).toBe('Insights Guild');
    expect(escalation?.params.cells[0]?.permissions).toContain('Manage predictions');
  });

  it('a custom role with nothing beyond Member is found, naming who holds it; Manager covers it for Kenji', () => {
    const nothing = report.findings.find((finding): finding is FindingOf<'custom-role-adds-nothing'> => finding.code === 'custom-role-adds-nothing');
    expect(nothing?.params).toEqual({ role: 'Contributor', holders: 1 });
    expect(nothing?.memberIds).toEqual(['u-12']);
    expect(ofMember('u-12').map((finding) => finding.code)).not.toContain('permission-union');
  });

  it('with role definitions unreadable, no permission finding is made', () => {
    const unread = computeAccessReport({ ...demoSnapshot(), roleDefinitions: { read: false, reason: 'RoleDefinitions: Cannot query field', roles: [] } }, {}, permissionFindings);
    const codes = unread.findings.map((finding) => finding.code);
    expect(codes).not.toContain('permission-union');
    expect(codes).not.toContain('permission-escalation');
    expect(codes).not.toContain('custom-role-adds-nothing');
  });
});

describe('the permission rules as an argument (the Members page loads them on demand)', () => {
  it('change nothing for an org without custom roles: the same report with or without them', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 0x7fffffff }), fc.boolean(), (seed, projectLevel) => {
        const shape = { members: 40, projects: 12, groups: 8, projectLevel, groupsPerMember: 2, projectsPerGroup: 4, directPerMember: 3 };
        const options = { now: '2025-07-31T00:00:00.000Z' };
        const without = computeAccessReport(generateSnapshot(seed, shape), options);
        const withRules = computeAccessReport(generateSnapshot(seed, shape), options, permissionFindings);
        expect(withRules.findings).toEqual(without.findings);
        expect([...withRules.members.values()].map((access) => access.perProject)).toEqual([...without.members.values()].map((access) => access.perProject));
      }),
      { numRuns: 25 },
    );
  });

  it('without them, an org with custom roles gets no permission finding and no ranked one about custom-role cells: nothing is guessed', () => {
    const snapshot = demoSnapshot();
    const ranked = computeAccessReport(snapshot).findings;
    const full = computeAccessReport(demoSnapshot(), {}, permissionFindings).findings;
    const permissionCodes = new Set(['permission-union', 'permission-escalation', 'custom-role-adds-nothing']);
    expect(ranked.filter((finding) => permissionCodes.has(finding.code))).toEqual([]);
    // The ranked findings are the same either way: the permission rules only add theirs.
    expect(full.filter((finding) => !permissionCodes.has(finding.code))).toEqual(ranked);
    expect(full.length).toBeGreaterThan(ranked.length);
  });
});

describe('who can (demo)', () => {
  it('lists exactly the people holding a permission on a project, with their sources', async () => {
    const { whoCan } = await import('./who-can');
    const snapshot = demoSnapshot();
    const report = computeAccessReport(snapshot, {}, permissionFindings);
    const answer = whoCan(report, snapshot, 'manage-predictions', 'p-1');
    expect(answer.rows.map((row) => row.member.name).sort()).toEqual(
      ['Benjamin Clarke', 'Daniel Reyes', 'Ethan Brooks', 'Kenji Watanabe', 'Maya Okafor', 'Priya Natarajan', 'Tomás Herrera', 'Zara Ahmed'].sort(),
    );
    const zara = answer.rows.find((row) => row.member.id === 'u-21');
    expect(zara?.sources).toEqual([expect.objectContaining({ kind: 'group', groupName: 'Insights Guild', customRole: { id: 'role-marketing', name: 'Marketing' } })]);
    expect(answer.unknown).toEqual([]);
    // Unreadable definitions: Zara and Benjamin are not said to hold it, nor to lack it.
    const unread = { ...snapshot, roleDefinitions: { read: false, reason: 'x', roles: [] } };
    const degraded = whoCan(computeAccessReport(unread, {}, permissionFindings), unread, 'manage-predictions', 'p-1');
    expect(degraded.rows.map((row) => row.member.id)).not.toContain('u-21');
    expect(degraded.unknown.map((member) => member.id)).toEqual(expect.arrayContaining(['u-21', 'u-22']));
  });
});
