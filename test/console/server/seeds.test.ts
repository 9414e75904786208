// @vitest-environment node
import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadSeed, SEED_NAMES, SeedError } from '../seeds';
import { generateLargeSeed, LARGE_SIZES } from '../seeds/large';
import { seedProblems } from '../seeds/invariants';
import type { Seed } from '../shared/seed';

const DAY = 24 * 60 * 60 * 1000;
const ageDays = (seed: Seed, iso: string | null) => (iso === null ? Infinity : (Date.parse(seed.now) - Date.parse(iso)) / DAY);

/** role on a project through each of the member's groups */
function groupRoles(seed: Seed, memberId: string, projectId: string) {
  return seed.groups.filter((g) => g.memberIds.includes(memberId)).flatMap((g) => g.projectRoles.filter((r) => r.projectId === projectId).map((r) => r.role));
}

describe('bundled seeds', () => {
  it.each(SEED_NAMES)('%s loads and satisfies every invariant', (name) => {
    const seed = loadSeed(name);
    expect(seedProblems(seed)).toEqual([]);
    const emails = seed.members.map((m) => m.email);
    expect(new Set(emails).size).toBe(emails.length);
    expect(emails.every((e) => e === e.toLowerCase())).toBe(true);
    expect(seed.members.some((m) => m.status === 'joined' && m.orgRole === 'admin')).toBe(true);
  });

  it('demo has the stories the tests and the demo rely on', () => {
    const seed = loadSeed('demo');
    expect(seed.org).toMatchObject({ url: 'demo-org', id: 412345, plan: 'enterprise', projectLevelPermissions: true, rbac: true });
    expect(seed.members).toHaveLength(30);
    expect(seed.members.filter((m) => m.status === 'pending')).toHaveLength(6);
    expect(seed.projects).toHaveLength(8);
    expect(seed.groups).toHaveLength(6);
    expect(seed.teams.map((t) => t.name)).toEqual(['Engineering', 'Product', 'Marketing', 'Data', 'Sales']);
    expect(seed.accessRequests).toHaveLength(2);

    const admins = seed.members.filter((m) => m.orgRole === 'admin');
    expect(admins.map((m) => m.id)).toEqual(['u-1', 'u-2']);
    expect(admins.map((m) => m.id)).toContain(seed.signedInMemberId);

    // custom roles (RBAC): Zara holds Analyst directly and Marketing through Insights Guild on Web App
    // (Production); Benjamin's direct Viewer there meets the guild's Marketing.
    expect(seed.customRoles.map((role) => role.name)).toEqual(['Analyst', 'Marketing', 'Data Steward', 'Contributor']);
    expect(seed.members.find((m) => m.id === 'u-21')!.projectRoles).toContainEqual({ projectId: 'p-1', role: 'member', customRoleId: 'role-analyst' });
    expect(seed.groups.find((g) => g.id === 'g-6')).toMatchObject({ name: 'Insights Guild', memberIds: ['u-21', 'u-22'], projectRoles: [{ projectId: 'p-1', role: 'member', customRoleId: 'role-marketing' }] });

    // escalated through a group: direct Viewer, group Manager
    const priya = seed.members.find((m) => m.id === 'u-3')!;
    expect(priya.projectRoles).toContainEqual({ projectId: 'p-1', role: 'viewer' });
    expect(groupRoles(seed, 'u-3', 'p-1')).toContain('manager');

    // several groups on one project with different roles
    const rolesOnWeb = new Set(seed.groups.flatMap((g) => g.projectRoles.filter((r) => r.projectId === 'p-1').map((r) => r.role)));
    expect(rolesOnWeb.size).toBeGreaterThanOrEqual(3);

    // No Access grants, directly and through groups
    expect(seed.members.some((m) => m.projectRoles.some((r) => r.role === 'no_access'))).toBe(true);
    expect(seed.groups.some((g) => g.projectRoles.some((r) => r.role === 'no_access'))).toBe(true);

    // old and new pending invites
    const pendingAges = seed.members.filter((m) => m.status === 'pending').map((m) => ageDays(seed, m.invitedAt));
    expect(Math.max(...pendingAges)).toBeGreaterThanOrEqual(40);
    expect(Math.min(...pendingAges)).toBeLessThanOrEqual(2);

    // content owners, a long-inactive one among them
    const owners = seed.members.filter((m) => m.content.charts + m.content.dashboards + m.content.cohorts + m.content.notebooks > 0);
    expect(owners.length).toBeGreaterThanOrEqual(5);
    const gabriel = seed.members.find((m) => m.id === 'u-16')!;
    expect(Math.round(ageDays(seed, gabriel.lastActiveAt))).toBe(200);
    expect(gabriel.content.charts).toBeGreaterThan(0);

    // someone with no access to any project
    const emma = seed.members.find((m) => m.id === 'u-19')!;
    expect(emma.projectRoles).toEqual([]);
    expect(seed.groups.some((g) => g.memberIds.includes('u-19'))).toBe(false);

    expect(seed.groups.some((g) => g.lastModifiedBy === 'SCIM Provisioned')).toBe(true);
  });

  it('sole-admin has exactly one Admin, who is signed in', () => {
    const seed = loadSeed('sole-admin');
    const admins = seed.members.filter((m) => m.orgRole === 'admin');
    expect(admins).toHaveLength(1);
    expect(admins[0]!.id).toBe(seed.signedInMemberId);
  });

  it('org-level has project-level permissions off and org roles only', () => {
    const seed = loadSeed('org-level');
    expect(seed.org.projectLevelPermissions).toBe(false);
    expect(new Set(seed.members.map((m) => m.orgRole))).toEqual(new Set(['admin', 'manager', 'member', 'viewer']));
    expect(seed.members.every((m) => m.projectRoles.length === 0)).toBe(true);
  });

  it('large has 5,000 members, 200 projects and 60 groups, the same every time', () => {
    const seed = loadSeed('large');
    expect(seed.members).toHaveLength(LARGE_SIZES.members);
    expect(seed.projects).toHaveLength(LARGE_SIZES.projects);
    expect(seed.groups).toHaveLength(LARGE_SIZES.groups);
    expect(seed.org.projectLevelPermissions).toBe(true);
    expect(seed.members.filter((m) => m.status === 'pending').length).toBeGreaterThan(100);
    expect(JSON.stringify(generateLargeSeed())).toBe(JSON.stringify(generateLargeSeed()));
    expect(loadSeed('large')).toEqual(seed);
  });
});

describe('loadSeed', () => {
  it('loads a JSON file by path and seed data directly', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'seed-'));
    const file = path.join(dir, 'mine.json');
    const data = loadSeed('sole-admin');
    writeFileSync(file, JSON.stringify(data));
    expect(loadSeed(file).org.url).toBe('solo-org');
    expect(loadSeed(data).org.url).toBe('solo-org');
  });

  it('names the field of bad seed data', () => {
    const data = structuredClone(loadSeed('sole-admin')) as unknown as { members: { email: string }[] };
    data.members[2]!.email = 'not-an-email';
    expect(() => loadSeed(data as never)).toThrow(/members\[2\]\.email/);
  });

  it('refuses broken invariants, naming the field', () => {
    const noAdmin = structuredClone(loadSeed('sole-admin'));
    noAdmin.members[0]!.orgRole = 'user';
    expect(() => loadSeed(noAdmin)).toThrow(/at least one joined Admin/);

    const duplicate = structuredClone(loadSeed('sole-admin'));
    duplicate.members[1]!.email = duplicate.members[0]!.email;
    expect(() => loadSeed(duplicate)).toThrow(/members\[1\]\.email: duplicate email/);

    const upper = structuredClone(loadSeed('sole-admin'));
    upper.members[1]!.email = 'Kwame.Mensah@pebbleandpine.example';
    expect(() => loadSeed(upper)).toThrow(/members\[1\]\.email: must be lowercase/);

    const badProject = structuredClone(loadSeed('demo'));
    badProject.groups[0]!.projectRoles[0]!.projectId = 'p-404';
    expect(() => loadSeed(badProject)).toThrow(/groups\[0\]\.projectRoles\[0\]\.projectId: no project with id "p-404"/);

    const badMember = structuredClone(loadSeed('demo'));
    badMember.groups[1]!.memberIds.push('u-404');
    expect(() => loadSeed(badMember)).toThrow(/groups\[1\]\.memberIds\[3\]/);

    const userInOrgLevel = structuredClone(loadSeed('org-level'));
    userInOrgLevel.members[3]!.orgRole = 'user';
    expect(() => loadSeed(userInOrgLevel)).toThrow(/members\[3\]\.orgRole/);
  });

  it('throws a SeedError for unknown names and missing files', () => {
    expect(() => loadSeed('nope')).toThrow(SeedError);
    expect(() => loadSeed('nope')).toThrow(/demo, sole-admin, org-level, large/);
    expect(() => loadSeed('./missing.json')).toThrow(/no such seed file/);
  });
});

describe('custom roles in seeds', () => {
  it('refuses custom roles that name an unknown role, an unknown or Admin-only permission, or an org without RBAC', () => {
    const unknownRole = structuredClone(loadSeed('demo'));
    unknownRole.members[2]!.projectRoles[0]!.customRoleId = 'role-nope';
    expect(() => loadSeed(unknownRole)).toThrow(/members\[2\]\.projectRoles\[0\]\.role: no custom role with id "role-nope"/);

    const badPermission = structuredClone(loadSeed('demo'));
    badPermission.customRoles[0]!.permissions.push('fly-to-the-moon', 'manage-deployments');
    expect(() => loadSeed(badPermission)).toThrow(/no permission "fly-to-the-moon" in the catalogue/);
    expect(() => loadSeed(badPermission)).toThrow(/"manage-deployments" is Admin-only/);

    const noRbac = structuredClone(loadSeed('demo'));
    noRbac.org.rbac = false;
    expect(() => loadSeed(noRbac)).toThrow(/custom roles exist only with RBAC/);
  });

  it('the large seed keeps its shape and holds custom roles directly and through groups', () => {
    const seed = loadSeed('large');
    expect(seed.members).toHaveLength(LARGE_SIZES.members);
    expect(seed.customRoles.length).toBeGreaterThanOrEqual(3);
    expect(seed.members.some((m) => m.projectRoles.some((grant) => grant.customRoleId !== undefined))).toBe(true);
    expect(seed.groups.some((g) => g.projectRoles.some((grant) => grant.customRoleId !== undefined))).toBe(true);
  });
});
