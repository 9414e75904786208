/**
 * Properties of the engine over many generated orgs (issue 4, acceptance 2). fast-check is not a
 * dependency of the project, so orgs come from a seeded generator: every run checks the same
 * orgs, and a failure names the seed that reproduces it.
 */
import { describe, expect, it } from 'vitest';
import { computeAccessReport } from './engine';
import type { OrgSnapshot } from './model';
import type { AccessReport } from './report';
import { compareRoles, maxRole, type Role } from './roles';
import { generateSnapshot, seededRandom } from './test-snapshot';

const SEEDS = Array.from({ length: 120 }, (_, index) => index + 1);

function smallOrg(seed: number): OrgSnapshot {
  return generateSnapshot(seed, {
    members: 12,
    projects: 6,
    groups: 5,
    projectLevel: seed % 3 !== 0,
    groupsPerMember: 1.5,
    projectsPerGroup: 2,
    directPerMember: 2,
  });
}

/** Every member's role on every project, keyed "member/project". */
function rolesOf(report: AccessReport): Map<string, Role> {
  const roles = new Map<string, Role>();
  for (const [memberId, access] of report.members) {
    access.perProject.forEach((cell, position) => roles.set(`${memberId}/${report.projects[position]?.id}`, cell.role));
  }
  return roles;
}

/** A membership change picked from the seed: which member, which group. */
function pickMembership(snapshot: OrgSnapshot, seed: number, inGroup: boolean) {
  const random = seededRandom(seed * 7919);
  const candidates = snapshot.groups.flatMap((group) =>
    snapshot.members.filter((member) => group.memberIds.includes(member.id) === inGroup).map((member) => ({ group, member })),
  );
  return candidates[Math.floor(random() * candidates.length)];
}

describe('engine properties over generated orgs', () => {
  it.each(SEEDS)('seed %i: the effective role is the highest source, never below any and always one of them', (seed) => {
    const report = computeAccessReport(smallOrg(seed));
    for (const access of report.members.values()) {
      for (const cell of access.perProject) {
        const roles = cell.sources.map((source) => source.role);
        for (const role of roles) expect(compareRoles(cell.role, role)).toBeGreaterThanOrEqual(0);
        if (roles.length > 0) expect(roles).toContain(cell.role);
        expect(cell.role).toBe(maxRole(...roles));
        expect(cell.deciding.length > 0).toBe(roles.length > 0);
        for (const source of cell.deciding) expect(source.role).toBe(cell.role);
        const groupDecides = cell.deciding.some((source) => source.kind === 'group');
        const adminDecides = cell.deciding.some((source) => source.kind === 'org' && source.role === 'admin');
        expect(cell.canLowerIndividually).toBe(cell.role !== 'no_access' && !groupDecides && !adminDecides);
      }
    }
  });

  it.each(SEEDS)('seed %i: adding a group membership never lowers anyone, and changes only that member', (seed) => {
    const snapshot = smallOrg(seed);
    const change = pickMembership(snapshot, seed, false);
    if (!change) return;
    const before = rolesOf(computeAccessReport(snapshot));
    const changed = structuredClone(snapshot);
    changed.groups.find((group) => group.id === change.group.id)?.memberIds.push(change.member.id);
    const after = rolesOf(computeAccessReport(changed));
    for (const [key, role] of before) {
      const now = after.get(key) ?? 'no_access';
      expect(compareRoles(now, role), key).toBeGreaterThanOrEqual(0);
      if (!key.startsWith(`${change.member.id}/`)) expect(now, key).toBe(role);
    }
  });

  it.each(SEEDS)('seed %i: removing a group membership never raises anyone, and takes only that group’s grants', (seed) => {
    const snapshot = smallOrg(seed);
    const change = pickMembership(snapshot, seed, true);
    if (!change) return;
    const before = rolesOf(computeAccessReport(snapshot));
    const changed = structuredClone(snapshot);
    const group = changed.groups.find((candidate) => candidate.id === change.group.id);
    if (group) group.memberIds = group.memberIds.filter((memberId) => memberId !== change.member.id);
    const after = rolesOf(computeAccessReport(changed));
    const groupProjects = new Set(change.group.projectRoles.map((grant) => grant.projectId));
    for (const [key, role] of before) {
      const now = after.get(key) ?? 'no_access';
      expect(compareRoles(now, role), key).toBeLessThanOrEqual(0);
      const [memberId, projectId] = key.split('/');
      // Only this member, and only on projects this group gave a role on, can change.
      if (memberId !== change.member.id || !groupProjects.has(projectId ?? '')) expect(now, key).toBe(role);
    }
  });
});
