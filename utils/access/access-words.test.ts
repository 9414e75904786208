// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { computeAccessReport } from './engine';
import type { MemberAccessSummary } from './report';
import type { Role } from './roles';
import { describeAccessSummary } from './access-words';
import { buildSnapshot } from './test-snapshot';

function summary(projectsByRole: Partial<Record<Role, number>>, isOrgAdmin = false): MemberAccessSummary {
  const counts: Record<Role, number> = { no_access: 0, viewer: 0, member: 0, manager: 0, admin: 0, ...projectsByRole };
  const projectCount = Object.values(counts).reduce((sum, count) => sum + count, 0);
  return {
    highestRole: 'viewer',
    isOrgAdmin,
    projectsWithAccess: projectCount - counts.no_access,
    projectCount,
    projectsByRole: counts,
    hasDirectGrants: false,
    hasGroupGrants: false,
    accessKnown: true,
  };
}

describe('describeAccessSummary', () => {
  it.each([
    { name: 'org Admin', input: summary({ admin: 8 }, true), text: 'Admin' },
    { name: 'no access anywhere', input: summary({ no_access: 8 }), text: 'No access' },
    { name: 'no projects at all', input: summary({}), text: 'No access' },
    { name: 'one role on some projects', input: summary({ manager: 5, no_access: 3 }), text: 'Manager in 5 of 8 projects' },
    { name: 'one role on every project', input: summary({ viewer: 3 }), text: 'Viewer in all 3 projects' },
    { name: 'the only project', input: summary({ member: 1 }), text: 'Member in the only project' },
    { name: 'one of one is not "of 1 projects"', input: summary({ viewer: 1, no_access: 1 }), text: 'Viewer in 1 of 2 projects' },
    {
      name: 'several roles: highest first, then the rest by rank',
      input: summary({ viewer: 3, manager: 2, member: 1, no_access: 2 }),
      text: 'Manager in 2 of 8 projects, Member in 1, Viewer in 3',
    },
  ])('$name: "$text"', ({ input, text }) => {
    expect(describeAccessSummary(input)).toBe(text);
  });

  it('uses the org’s own role names', () => {
    expect(describeAccessSummary(summary({ manager: 2, no_access: 1 }), { manager: 'Lead' })).toBe('Lead in 2 of 3 projects');
    expect(describeAccessSummary(summary({ admin: 1 }, true), { admin: 'Owner' })).toBe('Owner');
  });

  it('describes members straight from a report', () => {
    const report = computeAccessReport(
      buildSnapshot({
        projects: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'],
        members: { boss: { orgRole: 'admin' }, lead: { roles: { a: 'manager', b: 'manager' } }, idle: {} },
        groups: { g: { roles: { c: 'manager', d: 'manager', e: 'manager' }, memberIds: ['lead'] } },
      }),
    );
    const text = (id: string) => {
      const member = report.members.get(id);
      return member && describeAccessSummary(member.summary);
    };
    expect(text('boss')).toBe('Admin');
    expect(text('lead')).toBe('Manager in 5 of 8 projects');
    expect(text('idle')).toBe('No access');
  });
});
