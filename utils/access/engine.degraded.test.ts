// @vitest-environment node
/**
 * The engine when part of the org could not be read on this console: what is known (org roles,
 * Admins) stays; per-project access of everyone else is marked unknown and never judged.
 */
import { findingWords } from './finding-words';
import { describe, expect, it } from 'vitest';
import { accessReviewRows } from './export';
import { computeAccessReport } from './engine';
import { summarizeOrg } from './org-summary';
import { describeAccessSummary } from './access-words';
import { buildSnapshot, type SnapshotSpec } from './test-snapshot';

const ORG: SnapshotSpec = {
  projectLevel: true,
  members: {
    ada: { orgRole: 'admin', name: 'Ada' },
    ben: { name: 'Ben', roles: { p1: 'viewer' }, groupIds: ['g'] },
    cy: { name: 'Cy' },
    pam: { status: 'pending', name: 'pam@example.com', invitedAt: '2025-01-01T00:00:00.000Z' },
  },
  groups: { g: { name: 'Leads', roles: { p1: 'manager' }, memberIds: ['ben'] } },
};

describe('project roles and groups not readable', () => {
  const report = computeAccessReport(buildSnapshot({ ...ORG, unread: ['projectRoles', 'groups'] }));

  it('keeps Admins as Admin and marks everyone else unknown, saying their org role', () => {
    const ada = report.members.get('ada')!;
    const cy = report.members.get('cy')!;
    expect(ada.summary).toMatchObject({ accessKnown: true, isOrgAdmin: true });
    expect(describeAccessSummary(ada.summary, undefined, ada.member.orgRole)).toBe('Admin');
    expect(cy.summary.accessKnown).toBe(false);
    expect(describeAccessSummary(cy.summary, undefined, cy.member.orgRole)).toBe('User · project access unreadable here');
  });

  it('judges nobody on part of the data: no escalation, no "no access", but the Admin and stale-invite findings stay', () => {
    const codes = report.findings.map((finding) => finding.code);
    expect(codes).not.toContain('no-access');
    expect(codes).not.toContain('escalated-through-group');
    expect(codes).toContain('sole-admin');
    expect(codes).toContain('stale-invite');
  });

  it('counts nobody under a role it cannot know, and marks the figures that need the missing pieces', () => {
    const summary = summarizeOrg(report);
    expect(summary.accessComplete).toBe(false);
    expect(summary.accessUnknown.map((person) => person.id).sort()).toEqual(['ben', 'cy']);
    expect(summary.byRole.find((entry) => entry.role === 'admin')?.people.map((person) => person.id)).toEqual(['ada']);
    expect(summary.byRole.filter((entry) => entry.role !== 'admin').every((entry) => entry.people.length === 0)).toBe(true);
  });

  it('exports unknown, never a guessed role', () => {
    const rows = accessReviewRows(report, findingWords);
    expect(rows.filter((row) => row.memberId === 'cy').every((row) => row.effectiveRole.startsWith('Unknown'))).toBe(true);
    expect(rows.filter((row) => row.memberId === 'ada').every((row) => row.effectiveRole === 'Admin')).toBe(true);
  });
});

describe('one piece at a time', () => {
  it('in an org-level org, groups read and project roles not: access follows from org role and groups', () => {
    const report = computeAccessReport(buildSnapshot({ projectLevel: false, unread: ['projectRoles'], members: { ada: { orgRole: 'admin' }, vic: { orgRole: 'viewer' } } }));
    expect(report.members.get('vic')!.summary).toMatchObject({ accessKnown: true, highestRole: 'viewer', projectsWithAccess: 3 });
  });

  it('in a project-level org, project roles unread: non-Admins unknown', () => {
    const report = computeAccessReport(buildSnapshot({ ...ORG, unread: ['projectRoles'] }));
    expect(report.members.get('ben')!.summary.accessKnown).toBe(false);
  });

  it('the permission mode unread: non-Admins unknown', () => {
    const report = computeAccessReport(buildSnapshot({ ...ORG, projectLevelUnknown: true }));
    expect(report.members.get('cy')!.summary.accessKnown).toBe(false);
    expect(report.members.get('ada')!.summary.accessKnown).toBe(true);
  });

  it('an org role code we do not know is shown as read and, in an org-level org, grants nothing we could name', () => {
    const report = computeAccessReport(buildSnapshot({ projectLevel: false, members: { ada: { orgRole: 'admin' }, x: { orgRole: { code: 7 } } } }));
    const x = report.members.get('x')!;
    expect(x.summary.accessKnown).toBe(false);
    expect(describeAccessSummary(x.summary, undefined, x.member.orgRole)).toBe('role code 7 · project access unreadable here');
  });

  it('everything read: nothing is unknown', () => {
    const report = computeAccessReport(buildSnapshot(ORG));
    expect([...report.members.values()].every((access) => access.summary.accessKnown)).toBe(true);
    expect(summarizeOrg(report).accessComplete).toBe(true);
  });
});
