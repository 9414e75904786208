// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { computeAccessReport } from '@/utils/access/engine';
import { buildSnapshot } from '@/utils/access/test-snapshot';
import { findingsByMember, memberBadge, placeCard, sourceLabel, unknownBadge } from './access-badges-model';
import { cardView, loweringText } from './card-view';

const snapshot = buildSnapshot({
  projects: ['p1', 'p2', 'p3', 'p4'],
  members: {
    admin: { orgRole: 'admin', name: 'Ada Admin' },
    priya: { name: 'Priya', roles: { p1: 'viewer', p2: 'member' }, groupIds: ['leads'] },
    none: { name: 'Nobody' },
    invitee: { name: '', status: 'pending', roles: { p3: 'viewer' } },
  },
  groups: { leads: { name: 'Engineering Leads', roles: { p1: 'manager' }, memberIds: ['priya'] } },
});
const report = computeAccessReport(snapshot, { now: '2025-07-01T00:00:00.000Z' });
const findings = findingsByMember(report);
const access = (id: string) => report.members.get(id)!;

describe('badge text', () => {
  it('Admins read "Admin" and carry the sole-Admin finding as a warning marker', () => {
    const badge = memberBadge(access('admin'), findings.get('admin') ?? []);
    expect(badge.text).toBe('Admin');
    expect(badge.tone).toBe('admin');
    expect(badge.findings).toBeGreaterThan(0);
    expect(badge.warning).toBe(true);
    expect(badge.label).toMatch(/^Access for Ada Admin: Admin, \d findings?$/);
  });

  it('the highest role leads with its project count; a group escalation is a finding', () => {
    const badge = memberBadge(access('priya'), findings.get('priya') ?? []);
    expect(badge.text).toBe('Manager in 1 of 4 projects, Member in 1');
    expect(badge.tone).toBe('access');
    expect(findings.get('priya')?.map((finding) => finding.code)).toContain('escalated-through-group');
    expect(badge.label).toBe(`Access for Priya: Manager in 1 of 4 projects, Member in 1, ${badge.findings} finding${badge.findings === 1 ? '' : 's'}`);
  });

  it('no access reads "No access"; a pending invite with no name is named by email; stale data says so', () => {
    expect(memberBadge(access('none'), []).text).toBe('No access');
    expect(memberBadge(access('none'), []).tone).toBe('none');
    const invitee = memberBadge(access('invitee'), [], { stale: true });
    expect(invitee.text).toBe('Viewer in 1 of 4 projects');
    expect(invitee.label).toBe('Access for invitee@example.com: Viewer in 1 of 4 projects, not current');
    expect(invitee.findings).toBe(0);
  });

  it('an email the data does not know gets a neutral badge without a breakdown', () => {
    const badge = unknownBadge('new@example.com', true);
    expect(badge).toMatchObject({ text: 'Not yet read', tone: 'neutral', findings: 0, hasBreakdown: false });
    expect(badge.label).toBe('Access for new@example.com: reading the org');
  });
});

describe('badge text with custom roles (RBAC)', () => {
  it("says custom roles by the union engine's words (loaded on demand), and everyone else by today's words", async () => {
    const { demoSnapshot } = await import('@/utils/invite/test-fixture');
    const permissionFindings = await import('@/utils/access/permission-findings');
    const { permissionModelOf } = await import('@/utils/access/permission-union');
    const { describeUnionAccess } = await import('@/utils/access/union-words');
    const rbac = demoSnapshot();
    const rbacReport = computeAccessReport(rbac, {}, permissionFindings);
    const describeUnion = (member: Parameters<typeof describeUnionAccess>[0]) => describeUnionAccess(member, permissionModelOf(rbac));
    const zara = rbacReport.members.get('u-21')!;
    expect(memberBadge(zara, [], { describeUnion }).text).toMatch(/Analyst \+ Marketing in 1\b/);
    expect(memberBadge(zara, []).text).not.toMatch(/Analyst/);
    // Someone holding no custom role reads exactly as without the engine.
    const plain = [...rbacReport.members.values()].find((member) => member.summary.accessKnown && !member.summary.isOrgAdmin && describeUnion(member) === null)!;
    expect(memberBadge(plain, [], { describeUnion }).text).toBe(memberBadge(plain, []).text);
  });
});

describe('breakdown card', () => {
  it('lists every source with the deciding one marked and says how to lower it', () => {
    const view = cardView(report, access('priya'), findings.get('priya') ?? []);
    const p1 = view.projects.find((project) => project.id === 'p1')!;
    expect(p1.role).toBe('Manager');
    expect(p1.sources).toEqual([
      { label: 'Group “Engineering Leads”: Manager', decides: true },
      { label: 'Direct: Viewer', decides: false },
    ]);
    expect(p1.lowering).toBe("Set by group 'Engineering Leads': remove them from the group or change the group");
    const p2 = view.projects.find((project) => project.id === 'p2')!;
    expect(p2).toMatchObject({ role: 'Member', lowering: 'Can be lowered here', canLower: true });
    expect(view.projects.find((project) => project.id === 'p4')).toMatchObject({ hasAccess: false, sources: [], lowering: null });
    expect(view.capabilities[0]).toMatch(/^Manager: can /);
    expect(view.capabilities[1]).toMatch(/^Member: can /);
    expect(view.findings.some((finding) => finding.fix.length > 0)).toBe(true);
  });

  it('an org Admin cannot be lowered per project', () => {
    const cell = report.accessOf('admin', 'p1')!;
    expect(sourceLabel(cell.sources[0]!)).toBe('Org role: Admin');
    expect(loweringText(cell)).toBe('Admin through the org role: only changing the org role lowers it');
  });
});

describe('card placement', () => {
  const viewport = { width: 1200, height: 800 };
  const badge = { top: 100, bottom: 120, left: 300, right: 400 };
  const card = { width: 400, height: 300 };

  it('goes below the row when it fits', () => {
    const row = { top: 90, bottom: 130, left: 0, right: 1200 };
    expect(placeCard(row, badge, card, viewport)).toEqual({ top: 136, left: 300, maxHeight: 800 - 130 - 6 - 8 });
  });

  it('goes above the row when there is no room below, never over it', () => {
    const row = { top: 600, bottom: 640, left: 0, right: 1200 };
    const spot = placeCard(row, { ...badge, left: 1000 }, card, viewport);
    expect(spot.top + card.height).toBeLessThanOrEqual(row.top);
    expect(spot.left).toBe(1200 - 400 - 8);
  });

  it('shrinks to the larger side when it fits neither', () => {
    const row = { top: 300, bottom: 340, left: 0, right: 1200 };
    const spot = placeCard(row, badge, { width: 400, height: 2000 }, viewport);
    expect(spot.top).toBe(346);
    expect(spot.top + spot.maxHeight).toBeLessThanOrEqual(800);
  });
});

describe('badges and card when project access is not readable here', () => {
  const report = computeAccessReport(
    buildSnapshot({ unread: ['projectRoles', 'groups'], members: { ada: { orgRole: 'admin', name: 'Ada' }, uma: { name: 'Uma', roles: { p1: 'manager' } } } }),
  );
  const ada = report.members.get('ada')!;
  const uma = report.members.get('uma')!;

  it('an Admin stays "Admin"; anyone else shows the org role and that project access is unreadable, in a neutral badge', () => {
    expect(memberBadge(ada, []).text).toBe('Admin');
    expect(memberBadge(uma, [])).toMatchObject({ text: 'User · project access unreadable here', tone: 'neutral', hasBreakdown: true });
  });

  it('the card says so instead of listing projects, and claims no capabilities', () => {
    const card = cardView(report, uma, []);
    expect(card.projects).toEqual([]);
    expect(card.capabilities).toEqual([]);
    expect(card.unreadable).toContain('could not read this person');
    expect(card.unreadable).toContain('User');
    expect(cardView(report, ada, []).unreadable).toBeNull();
  });
});
