import { describe, expect, it } from 'vitest';
import { computeAccessReport } from '../access/engine';
import type { OrgSnapshot } from '../access/model';
import { buildSnapshot, READ_AT } from '../access/test-snapshot';
import { assessRemoval, type DataState, type DialogReading } from './assess';

const NOW = Date.parse(READ_AT);
const DAY = 24 * 60 * 60 * 1000;

function org(): OrgSnapshot {
  const snapshot = buildSnapshot({
    projectLevel: true,
    members: {
      admin: { orgRole: 'admin', name: 'Ada Admin' },
      owner: { name: 'Olga Owner', roles: { p1: 'manager' } },
      empty: { name: 'Nils Nothing', roles: { p2: 'viewer' } },
      active: { name: 'Ari Active' },
      stale: { name: 'Sam Stale' },
      pending: { status: 'pending', name: 'pending@example.com' },
    },
  });
  snapshot.viewerId = 'active';
  const set = (id: string, patch: Partial<OrgSnapshot['members'][number]>) => Object.assign(snapshot.members.find((m) => m.id === id)!, patch);
  set('owner', { content: { charts: 3, dashboards: 1, cohorts: 0, notebooks: 2 } });
  set('active', { lastActiveAt: new Date(NOW - 2 * DAY).toISOString() });
  set('stale', { lastActiveAt: new Date(NOW - 45 * DAY).toISOString() });
  return snapshot;
}

function ready(snapshot: OrgSnapshot = org()): DataState {
  return { status: 'ready', snapshot, report: computeAccessReport(snapshot, { now: READ_AT }), error: null };
}

const reading = (ids: string[], patch: Partial<DialogReading> = {}): DialogReading => ({
  people: ids.map((id) => ({ name: id, email: `${id}@example.com` })),
  transfer: false,
  recipientText: '',
  missing: [],
  ...patch,
});

describe('assessRemoval', () => {
  it('lets a removal of someone who owns nothing pass', () => {
    const result = assessRemoval(reading(['empty']), ready(), NOW);
    expect(result.verdict).toBe('safe');
    expect(result.people[0]).toMatchObject({ name: 'Nils Nothing', memberId: 'empty', access: 'Viewer in 1 of 3 projects', ownsContent: false });
  });

  it('asks for confirmation when content would be orphaned, with counts and access per person', () => {
    const result = assessRemoval(reading(['owner', 'empty']), ready(), NOW);
    expect(result.verdict).toBe('confirm');
    expect(result.orphans).toBe(true);
    expect(result.warnings[0]).toContain('becomes unassigned');
    expect(result.people[0]).toMatchObject({ content: { charts: 3, dashboards: 1, cohorts: 0, notebooks: 2 }, access: 'Manager in 1 of 3 projects' });
  });

  it('passes a transfer to a recently active recipient, matched by the name the picker shows', () => {
    const result = assessRemoval(reading(['owner'], { transfer: true, recipientText: 'Ari Active' }), ready(), NOW);
    expect(result.verdict).toBe('safe');
    expect(result.recipient).toEqual({ name: 'Ari Active', email: 'active@example.com' });
  });

  it('warns that a transfer to someone inactive for more than 30 days will fail', () => {
    const result = assessRemoval(reading(['owner'], { transfer: true, recipientText: 'Sam Stale' }), ready(), NOW);
    expect(result.verdict).toBe('confirm');
    expect(result.warnings.join(' ')).toMatch(/Sam Stale was last active 45 days ago: the transfer will fail/);
  });

  it('treats an unknown recipient and an unknown person as unsafe', () => {
    expect(assessRemoval(reading(['owner'], { transfer: true, recipientText: 'Nobody Known' }), ready(), NOW).verdict).toBe('confirm');
    const unknown = assessRemoval(reading(['ghost']), ready(), NOW);
    expect(unknown.verdict).toBe('confirm');
    expect(unknown.warnings.join(' ')).toContain('ghost@example.com is not in the org data');
    expect(unknown.people[0]).toMatchObject({ memberId: null, content: null, access: null });
  });

  it('refuses the signed-in admin, without override', () => {
    const result = assessRemoval(reading(['active']), ready(), NOW);
    expect(result.verdict).toBe('refuse');
    expect(result.refusals[0]).toContain('You cannot remove yourself (Ari Active, signed in)');
  });

  it('refuses the only Admin, and every Admin at once', () => {
    expect(assessRemoval(reading(['admin']), ready(), NOW).refusals).toEqual(['Ada Admin is the only Admin; the organization must keep at least one Admin.']);
    const two = org();
    two.members.find((m) => m.id === 'owner')!.orgRole = 'admin';
    expect(assessRemoval(reading(['admin']), ready(two), NOW).verdict).not.toBe('refuse');
    expect(assessRemoval(reading(['admin', 'owner']), ready(two), NOW).refusals).toEqual(['These are all the Admins; the organization must keep at least one Admin.']);
  });

  it('never treats missing data as safe: no snapshot, a failed refresh, missing landmarks', () => {
    const loading = assessRemoval(reading(['empty']), { status: 'loading', snapshot: null, report: null, error: null }, NOW);
    expect(loading.verdict).toBe('confirm');
    expect(loading.warnings.join(' ')).toContain('still reading the org');
    const failed = assessRemoval(reading(['empty']), { status: 'error', snapshot: null, report: null, error: 'HTTP 503' }, NOW);
    expect(failed.warnings.join(' ')).toContain('could not read the org (HTTP 503)');
    const stale = assessRemoval(reading(['empty']), { ...ready(), status: 'error', error: 'offline' }, NOW);
    expect(stale.verdict).toBe('confirm');
    expect(assessRemoval(reading(['empty'], { missing: ['list "Users to remove"'] }), ready(), NOW).verdict).toBe('confirm');
    expect(assessRemoval(reading([]), ready(), NOW).verdict).toBe('confirm');
  });

  it('changes its signature when what the admin confirmed changes', () => {
    const a = assessRemoval(reading(['owner']), ready(), NOW);
    expect(assessRemoval(reading(['owner']), ready(), NOW).signature).toBe(a.signature);
    expect(assessRemoval(reading(['owner', 'empty']), ready(), NOW).signature).not.toBe(a.signature);
    expect(assessRemoval(reading(['owner'], { transfer: true, recipientText: 'Sam Stale' }), ready(), NOW).signature).not.toBe(a.signature);
  });
});
