// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { computeAccessReport } from './engine';
import * as permissionFindings from './permission-findings';
import { escalationsByGroup, peopleFor, summarizeOrg } from './org-summary';
import { buildSnapshot, READ_AT } from './test-snapshot';

const snapshot = buildSnapshot({
  projects: ['p1', 'p2'],
  members: {
    u1: { orgRole: 'admin', name: 'Ada' },
    u2: { name: 'Priya', roles: { p1: 'viewer' }, groupIds: ['g1'] },
    u3: { name: 'Nobody' },
    u4: { name: 'Mia', roles: { p1: 'member' } },
    u5: { status: 'pending', name: '', invitedAt: '2025-01-01T00:00:00.000Z' },
    u6: { status: 'pending', name: '', invitedAt: '2025-06-29T00:00:00.000Z' },
    u7: { name: 'Omar', roles: { p1: 'viewer', p2: 'viewer' }, groupIds: ['g1', 'g2'] },
  },
  groups: {
    g1: { name: 'Leads', roles: { p1: 'manager' }, memberIds: ['u2', 'u7'] },
    g2: { name: 'Helpers', roles: { p2: 'member' }, memberIds: ['u7'] },
    g3: { name: 'Quiet', roles: { p1: 'viewer' }, memberIds: [] },
  },
});
const report = computeAccessReport(snapshot, { now: READ_AT });

describe('summarizeOrg', () => {
  const summary = summarizeOrg(report);

  it('counts joined members by their highest role, highest first', () => {
    expect(summary.byRole.map(({ role, people }) => [role, people.map((p) => p.id)])).toEqual([
      ['admin', ['u1']],
      ['manager', ['u2', 'u7']],
      ['member', ['u4']],
      ['viewer', []],
      ['no_access', ['u3']],
    ]);
    expect(summary.joinedCount).toBe(5);
  });

  it('warns about a sole Admin', () => {
    expect(summary.adminWarning?.code).toBe('sole-admin');
  });

  it('lists escalated, no-access, pending and stale invites with names and emails', () => {
    expect(summary.escalated.map((p) => p.id)).toEqual(['u2', 'u7']);
    expect(summary.noAccess).toEqual([{ id: 'u3', name: 'Nobody', email: 'u3@example.com' }]);
    expect(peopleFor(summary, 'pending').map((p) => p.id)).toEqual(['u5', 'u6']);
    expect(peopleFor(summary, 'stale-invites').map((p) => p.id)).toEqual(['u5']);
    expect(peopleFor(summary, 'role:member').map((p) => p.id)).toEqual(['u4']);
  });

  it('has no Admin warning with two Admins', () => {
    const two = buildSnapshot({ members: { a: { orgRole: 'admin' }, b: { orgRole: 'admin' } } });
    expect(summarizeOrg(computeAccessReport(two)).adminWarning).toBeNull();
  });
});

describe('escalationsByGroup', () => {
  it('counts members each group escalates and the roles it lifts them to', () => {
    const byGroup = escalationsByGroup(report, snapshot.groups);
    expect(byGroup.get('g1')).toEqual({ memberIds: ['u2', 'u7'], roles: ['manager'], customRoles: [] });
    expect(byGroup.get('g2')).toEqual({ memberIds: ['u7'], roles: ['member'], customRoles: [] });
    expect(byGroup.get('g3')).toEqual({ memberIds: [], roles: [], customRoles: [] });
  });
});

describe('with custom roles (demo)', () => {
  it('counts a group escalation by permissions among the escalated (Benjamin: direct Viewer, Marketing through a group)', async () => {
    const { demoSnapshot } = await import('../invite/test-fixture');
    const report = computeAccessReport(demoSnapshot(), {}, permissionFindings);
    const byPermissions = report.findings.filter((finding) => finding.code === 'permission-escalation').flatMap((finding) => finding.memberIds);
    expect(byPermissions.length).toBeGreaterThan(0);
    const escalated = summarizeOrg(report).escalated;
    expect(escalated.map((person) => person.name)).toContain('Benjamin Clarke');
    for (const id of byPermissions) expect(escalated.map((person) => person.id)).toContain(id);
  });

  it('files custom-role holders apart from the ranked roles, never under the stand-in rank', async () => {
    const { demoSnapshot } = await import('../invite/test-fixture');
    const summary = summarizeOrg(computeAccessReport(demoSnapshot(), {}, permissionFindings));
    const names = summary.customRoles.map((person) => person.name);
    expect(names).toEqual(expect.arrayContaining(['Zara Ahmed', 'Benjamin Clarke']));
    const ranked = summary.byRole.flatMap(({ people }) => people.map((person) => person.id));
    for (const person of summary.customRoles) expect(ranked).not.toContain(person.id);
    expect(ranked.length + summary.customRoles.length + summary.accessUnknown.length).toBe(summary.joinedCount);
    expect(peopleFor(summary, 'custom-roles')).toBe(summary.customRoles);
  });

  it("counts a group's escalation by permissions in its note, with the custom role it gives", async () => {
    const { demoSnapshot } = await import('../invite/test-fixture');
    const snapshot = demoSnapshot();
    const byGroup = escalationsByGroup(computeAccessReport(snapshot, {}, permissionFindings), snapshot.groups);
    const guild = byGroup.get('g-6');
    expect(guild?.customRoles).toEqual(['Marketing']);
    expect(guild?.memberIds).toContain('u-22');
  });
});
