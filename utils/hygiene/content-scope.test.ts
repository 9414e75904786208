/**
 * The hygiene report reads what people own only for the people it lists (with the console's
 * last-active dates), and for every joined person only when their content is the only activity
 * data; the report built from those reads lists exactly what it would list had everyone's been read.
 */
import { describe, expect, it } from 'vitest';
import { computeAccessReport } from '../access/engine';
import { buildSnapshot, type SnapshotSpec } from '../access/test-snapshot';
import type { ContentRead } from './activity';
import { contentScope } from './content-scope';
import { buildHygieneReport, type HygieneOptions } from './hygiene-report';

const NOW = new Date('2025-06-30T12:00:00.000Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();
const OPTIONS: HygieneOptions = { inactiveDays: 90, staleInviteDays: 14, now: NOW };
const owns = (charts: number, lastChangedAt: string | null = null): ContentRead => ({ ok: true, counts: { charts, dashboards: 0, cohorts: 0, notebooks: 0 }, lastChangedAt, changeComplete: true });

const ORG: SnapshotSpec = {
  members: {
    admin: { orgRole: 'admin', lastActiveAt: daysAgo(1) },
    staleAdmin: { orgRole: 'admin', lastActiveAt: daysAgo(120) },
    active: { roles: { p1: 'member' }, lastActiveAt: daysAgo(10) },
    busy: { roles: { p1: 'member' }, lastActiveAt: daysAgo(3) },
    gone: { roles: { p1: 'member' }, lastActiveAt: daysAgo(91) },
    never: { roles: { p1: 'viewer' }, lastActiveAt: null },
    nowhere: { lastActiveAt: daysAgo(2) },
    oldInvite: { status: 'pending', invitedAt: daysAgo(15) },
  },
};
/** What everyone owns, with the date of their last content change. */
const EVERYONE: Record<string, ContentRead> = {
  admin: owns(4, daysAgo(1)),
  staleAdmin: owns(2, daysAgo(150)),
  active: owns(9, daysAgo(12)),
  busy: owns(30, daysAgo(3)),
  gone: owns(3, daysAgo(95)),
  never: owns(0),
  nowhere: owns(1, daysAgo(200)),
};

function setup(spec: SnapshotSpec) {
  const snapshot = buildSnapshot({ projects: ['p1', 'p2'], ...spec });
  return { snapshot, report: computeAccessReport(snapshot, { now: NOW.toISOString() }) };
}
const readOnly = (ids: readonly string[]) => new Map(ids.map((id) => [id, EVERYONE[id]!] as const));
const listing = (result: ReturnType<typeof buildHygieneReport>) => result.rows.map((row) => [row.memberId, row.reasons]);

describe('whose content the hygiene report reads', () => {
  it('with last-active dates: only the people it lists (never the active, never a pending invite), and the report is the same as with everyone read', () => {
    const { snapshot, report } = setup(ORG);
    const scope = contentScope(snapshot, report, OPTIONS);
    expect(scope.people.map((person) => person.id).sort()).toEqual(['gone', 'never', 'nowhere', 'staleAdmin']);
    expect(scope).toMatchObject({ joined: 7, forActivity: false });
    expect(scope.people.find((person) => person.id === 'gone')?.email).toBe(snapshot.members.find((member) => member.id === 'gone')!.email);
    const fromScope = buildHygieneReport(snapshot, report, readOnly(scope.people.map((person) => person.id)), OPTIONS);
    const fromEveryone = buildHygieneReport(snapshot, report, readOnly(Object.keys(EVERYONE)), OPTIONS);
    expect(listing(fromScope)).toEqual(listing(fromEveryone));
    expect(fromScope.counts).toEqual(fromEveryone.counts);
  });

  it('follows the thresholds: a lower one lists, so reads, more people', () => {
    const { snapshot, report } = setup(ORG);
    const ids = (inactiveDays: number) => contentScope(snapshot, report, { ...OPTIONS, inactiveDays }).people.map((person) => person.id).sort();
    expect(ids(5)).toEqual(['active', 'gone', 'never', 'nowhere', 'staleAdmin']);
    expect(ids(365)).toEqual(['never', 'nowhere']);
  });

  it('without last-active dates: every joined person, because the last content change is the only activity data', () => {
    const { snapshot, report } = setup({ ...ORG, unread: ['projectRoles'] });
    const scope = contentScope(snapshot, report, OPTIONS);
    expect(scope.people.map((person) => person.id).sort()).toEqual(['active', 'admin', 'busy', 'gone', 'never', 'nowhere', 'staleAdmin']);
    expect(scope).toMatchObject({ joined: 7, forActivity: true });
  });
});
