import { describe, expect, it } from 'vitest';
import { computeAccessReport } from '../access/engine';
import { buildSnapshot, type SnapshotSpec } from '../access/test-snapshot';
import { activityOf, type ContentRead } from './activity';
import { buildHygieneReport, type HygieneOptions } from './hygiene-report';

const NOW = new Date('2025-06-30T12:00:00.000Z');
const daysAgo = (days: number, hours = 0) => new Date(NOW.getTime() - days * 86_400_000 - hours * 3_600_000).toISOString();
const OPTIONS: HygieneOptions = { inactiveDays: 90, staleInviteDays: 14, now: NOW };
const owns = (charts: number, lastChangedAt: string | null = null, changeComplete = true): ContentRead => ({
  ok: true,
  counts: { charts, dashboards: 0, cohorts: 0, notebooks: 0 },
  lastChangedAt,
  changeComplete,
});

function hygiene(spec: SnapshotSpec, content: Record<string, ContentRead> | null = null, options = OPTIONS) {
  const snapshot = buildSnapshot({ projects: ['p1', 'p2'], ...spec });
  const report = computeAccessReport(snapshot, { now: NOW.toISOString() });
  return buildHygieneReport(snapshot, report, content ? new Map(Object.entries(content)) : null, options);
}

const listed = (result: ReturnType<typeof hygiene>) => Object.fromEntries(result.rows.map((row) => [row.memberId, row.reasons.map((reason) => reason.code)]));

describe('where activity comes from', () => {
  it('takes the console’s last-active date first, then the latest content change, else unknown', () => {
    const joined = { status: 'joined' as const, lastActiveAt: daysAgo(3), invitedAt: daysAgo(400) };
    expect(activityOf(joined, true, owns(1, daysAgo(1)))).toEqual({ source: 'last-active', at: daysAgo(3) });
    expect(activityOf(joined, false, owns(1, daysAgo(1)))).toEqual({ source: 'content-change', at: daysAgo(1), atLeast: false });
    expect(activityOf(joined, false, owns(1, daysAgo(1), false))).toEqual({ source: 'content-change', at: daysAgo(1), atLeast: true });
    expect(activityOf(joined, false, owns(0))).toEqual({ source: 'unknown' });
    expect(activityOf(joined, false, { ok: false, reason: 'x' })).toEqual({ source: 'unknown' });
  });

  it('reads a joined person without a date as never active only when the data carries the dates', () => {
    const invitedAt = daysAgo(20);
    expect(activityOf({ status: 'joined', lastActiveAt: null, invitedAt }, true, undefined)).toEqual({ source: 'never' });
    expect(activityOf({ status: 'joined', lastActiveAt: null, invitedAt }, false, undefined)).toEqual({ source: 'unknown' });
    expect(activityOf({ status: 'pending', lastActiveAt: null, invitedAt }, true, undefined)).toEqual({ source: 'invited', at: invitedAt });
  });
});

describe('the hygiene report', () => {
  const org: SnapshotSpec = {
    members: {
      admin: { orgRole: 'admin', lastActiveAt: daysAgo(1) },
      staleAdmin: { orgRole: 'admin', lastActiveAt: daysAgo(120) },
      active: { roles: { p1: 'member' }, lastActiveAt: daysAgo(10) },
      gone: { roles: { p1: 'member' }, lastActiveAt: daysAgo(91) },
      edge: { roles: { p1: 'member' }, lastActiveAt: daysAgo(90, -1) },
      never: { roles: { p1: 'viewer' }, lastActiveAt: null },
      nowhere: { lastActiveAt: daysAgo(2) },
      oldInvite: { status: 'pending', invitedAt: daysAgo(15) },
      newInvite: { status: 'pending', invitedAt: daysAgo(13) },
    },
  };

  it('lists each category by its own threshold, with why, and the content owners among them', () => {
    const result = hygiene(org, { gone: owns(3), staleAdmin: owns(2), never: owns(0), active: owns(9) });
    expect(listed(result)).toEqual({
      staleAdmin: ['inactive', 'inactive-admin', 'owns-content'],
      gone: ['inactive', 'owns-content'],
      never: ['never-signed-in'],
      nowhere: ['no-access'],
      oldInvite: ['old-invite'],
    });
    expect(result.counts).toEqual({ inactive: 2, 'never-signed-in': 1, 'old-invite': 1, 'no-access': 1, 'inactive-admin': 1, 'content-owner': 2 });
    expect(result.rows.find((row) => row.memberId === 'gone')!.reasons[0]).toEqual({ code: 'inactive', days: 91 });
    expect(result.columns).toEqual({ lastActive: { readable: true, reason: null }, content: { readable: true, reason: null }, access: { readable: true, reason: null } });
  });

  it('moves with the thresholds', () => {
    const result = hygiene(org, null, { ...OPTIONS, inactiveDays: 5, staleInviteDays: 10 });
    expect(Object.keys(listed(result)).sort()).toEqual(['active', 'edge', 'gone', 'never', 'newInvite', 'nowhere', 'oldInvite', 'staleAdmin']);
  });

  it('never calls someone inactive on the content proxy without saying so, and judges nobody it cannot', () => {
    const result = hygiene({ ...org, unread: ['projectRoles'] }, { gone: owns(3, daysAgo(200)), active: owns(1, daysAgo(5)), staleAdmin: owns(0) });
    const gone = result.rows.find((row) => row.memberId === 'gone')!;
    expect(gone.reasons).toEqual([{ code: 'no-recent-content-change', days: 200 }, { code: 'owns-content', total: 3 }]);
    expect(gone.activity).toEqual({ source: 'content-change', at: daysAgo(200), atLeast: false });
    const admin = hygiene({ ...org, unread: ['projectRoles'] }, { staleAdmin: owns(2, daysAgo(150)) }).rows.find((row) => row.memberId === 'staleAdmin')!;
    expect(admin.reasons).toEqual([{ code: 'no-recent-content-change', days: 150 }, { code: 'inactive-admin', byProxy: true }, { code: 'owns-content', total: 2 }]);
    // Without the dates nobody is "never signed in"; those with no content date are unknown, not inactive.
    expect(result.rows.map((row) => row.memberId)).not.toContain('never');
    expect(result.rows.map((row) => row.memberId)).not.toContain('staleAdmin');
    expect(result.activityUnknown).toBe(5); // admin, staleAdmin, edge, never, nowhere
    expect(result.columns.lastActive).toEqual({ readable: false, reason: 'projectRoles: Cannot query field (test)' });
  });

  it('says when no one’s content could be read, and then lists no content owners', () => {
    const failed: ContentRead = { ok: false, reason: 'Cannot query field "unisearchContentSearch" on type "Query".' };
    const result = hygiene(org, { admin: failed, staleAdmin: failed, gone: failed });
    expect(result.columns.content).toEqual({ readable: false, reason: failed.reason });
    expect(result.counts['content-owner']).toBe(0);
    expect(result.rows.find((row) => row.memberId === 'gone')!.content).toEqual({ state: 'unreadable', reason: failed.reason });
  });

  it('does not judge "no access" for people whose access could not be computed', () => {
    const result = hygiene({ ...org, unread: ['groups'] });
    expect(result.accessUnknown).toBeGreaterThan(0);
    expect(result.counts['no-access']).toBe(0);
    expect(result.columns.access.readable).toBe(false);
  });
});
