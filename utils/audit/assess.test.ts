// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { computeAccessReport } from '../access/engine';
import type { OrgSnapshot } from '../access/model';
import { buildSnapshot, READ_AT } from '../access/test-snapshot';
import { assessRemoval, type ContentRead, type DataState, type DialogReading } from './assess';

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
  // Everyone's content counted: nothing, unless said below.
  for (const member of snapshot.members) member.content = { charts: 0, dashboards: 0, cohorts: 0, notebooks: 0 };
  set('owner', { content: { charts: 3, dashboards: 1, cohorts: 0, notebooks: 2 } });
  set('active', { lastActiveAt: new Date(NOW - 2 * DAY).toISOString() });
  set('stale', { lastActiveAt: new Date(NOW - 45 * DAY).toISOString() });
  return snapshot;
}

function ready(snapshot: OrgSnapshot = org()): DataState {
  return { status: 'ready', snapshot, report: computeAccessReport(snapshot, { now: READ_AT }), error: null };
}

/** What the dialog shows for these members: the name each has in `org()`, and their email. */
const NAMES: Record<string, string> = { admin: 'Ada Admin', owner: 'Olga Owner', empty: 'Nils Nothing', active: 'Ari Active', stale: 'Sam Stale', pending: 'pending@example.com' };
const reading = (ids: string[], patch: Partial<DialogReading> = {}): DialogReading => ({
  people: ids.map((id) => ({ name: NAMES[id] ?? id, emails: [`${id}@example.com`] })),
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
    expect(unknown.unknowns).toHaveLength(1);
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

  it('waits for fresh data before judging, but says a refusal at once', () => {
    expect(assessRemoval(reading(['empty']), ready(), NOW, { fresh: false }).verdict).toBe('checking');
    expect(assessRemoval(reading(['owner']), ready(), NOW, { fresh: false }).verdict).toBe('checking');
    expect(assessRemoval(reading(['active']), ready(), NOW, { fresh: false }).verdict).toBe('refuse');
  });
});

describe('who is removed: the email shown decides, together with the name', () => {
  const person = (name: string, ...emails: string[]) => ({ name, emails });
  const one = (listed: ReturnType<typeof person>, snapshot = org()) =>
    assessRemoval({ people: [listed], transfer: false, recipientText: '', missing: [] }, ready(snapshot), NOW);

  it('identifies a person by email and name, whatever the casing', () => {
    expect(one(person('nils nothing', 'EMPTY@example.com')).people[0]).toMatchObject({ memberId: 'empty', name: 'Nils Nothing' });
    expect(one(person('pending@example.com', 'pending@example.com')).people[0]?.memberId).toBe('pending');
  });

  it('holds when the email is not shown (names only), never deciding by the name', () => {
    const result = one(person('Nils Nothing'));
    expect(result.verdict).toBe('confirm');
    expect(result.people[0]?.memberId).toBeNull();
    expect(result.unknowns[0]).toContain('could not read the email of "Nils Nothing"');
  });

  it('holds when name and email belong to different people', () => {
    const result = one(person('Olga Owner', 'empty@example.com'));
    expect(result.verdict).toBe('confirm');
    expect(result.people[0]?.memberId).toBeNull();
    expect(result.unknowns[0]).toContain('but in the org data empty@example.com is "Nils Nothing"');
  });

  it('a display name that is someone else\'s email never decides: the other email shown does', () => {
    const snapshot = org();
    // Nils's display name is Olga's email address (a pending-looking name that is not his).
    snapshot.members.find((m) => m.id === 'empty')!.name = 'owner@example.com';
    const result = one(person('owner@example.com', 'owner@example.com', 'empty@example.com'), snapshot);
    expect(result.people[0]).toMatchObject({ memberId: 'empty', content: { charts: 0, dashboards: 0, cohorts: 0, notebooks: 0 } });
    expect(result.verdict).toBe('safe');
    // Shown with that email only, the name-as-email must be the member's own name and email: Olga's is not.
    const shownOnce = one(person('owner@example.com', 'owner@example.com'), snapshot);
    expect(shownOnce.verdict).toBe('confirm');
    expect(shownOnce.people[0]?.memberId).toBeNull();
  });

  it('a recipient shown by a name that several members share is unknown', () => {
    const snapshot = org();
    snapshot.members.find((m) => m.id === 'stale')!.name = 'Ari Active';
    const result = assessRemoval(reading(['owner'], { transfer: true, recipientText: 'Ari Active' }), ready(snapshot), NOW);
    expect(result.verdict).toBe('confirm');
    expect(result.unknowns.join(' ')).toContain('2 members are called "Ari Active"');
  });
});

describe('content counts and pieces this console could not read', () => {
  const uncounted = () => {
    const snapshot = org();
    for (const member of snapshot.members) member.content = null;
    return snapshot;
  };
  const counted = (entries: Record<string, ContentRead>) => new Map(Object.entries(entries));
  const NONE = { charts: 0, dashboards: 0, cohorts: 0, notebooks: 0 };

  it('never takes uncounted content for nothing: without a transfer it asks, naming the person', () => {
    const result = assessRemoval(reading(['empty']), ready(uncounted()), NOW);
    expect(result.verdict).toBe('confirm');
    expect(result.orphans).toBe(false);
    expect(result.people[0]).toMatchObject({ memberId: 'empty', content: null, ownsContent: null });
    expect(result.unknowns.join(' ')).toMatch(/could not count what Nils Nothing owns \(not counted yet\)/);
  });

  it('with a transfer to an active recipient, uncounted content is no reason to ask', () => {
    const result = assessRemoval(reading(['empty'], { transfer: true, recipientText: 'Ari Active' }), ready(uncounted()), NOW);
    expect(result.verdict).toBe('safe');
  });

  it('decides on the counts made for the dialog: nothing owned passes, content owned asks', () => {
    const snapshot = uncounted();
    const nothing = assessRemoval(reading(['empty']), ready(snapshot), NOW, { fresh: true, content: counted({ empty: { counts: NONE } }) });
    expect(nothing.verdict).toBe('safe');
    const owns = assessRemoval(reading(['empty']), ready(snapshot), NOW, { fresh: true, content: counted({ empty: { counts: { ...NONE, notebooks: 1 } } }) });
    expect(owns).toMatchObject({ verdict: 'confirm', orphans: true });
    expect(owns.people[0]).toMatchObject({ ownsContent: true, content: { notebooks: 1 } });
  });

  it('a count that failed is unknown, with its reason', () => {
    const failed = counted({ empty: { error: 'GlobalSearch: Cannot query field "unisearchContentSearch" on type "Query".' } });
    const result = assessRemoval(reading(['empty']), ready(uncounted()), NOW, { fresh: true, content: failed });
    expect(result.verdict).toBe('confirm');
    expect(result.unknowns.join(' ')).toContain('Cannot query field "unisearchContentSearch"');
  });

  it('without project roles and groups, content counts still decide orphaning; access is said to be unreadable', () => {
    const snapshot = buildSnapshot({
      unread: ['projectRoles', 'groups'],
      members: { admin: { orgRole: 'admin', name: 'Ada Admin' }, active: { name: 'Ari Active' }, owner: { name: 'Olga Owner' } },
    });
    snapshot.viewerId = 'active';
    const owner = assessRemoval(reading(['owner']), ready(snapshot), NOW, { fresh: true, content: counted({ owner: { counts: { ...NONE, charts: 3 } } }) });
    expect(owner).toMatchObject({ verdict: 'confirm', orphans: true });
    expect(owner.people[0]?.access).toBe('User · project access unreadable here');
    const nothing = assessRemoval(reading(['owner']), ready(snapshot), NOW, { fresh: true, content: counted({ owner: { counts: NONE } }) });
    expect(nothing.verdict).toBe('safe');
    // Still refused: the only Admin (org roles come with the people).
    const admin = assessRemoval(reading(['admin']), ready(snapshot), NOW, { fresh: true, content: counted({ admin: { counts: NONE } }) });
    expect(admin.verdict).toBe('refuse');
  });

  it('cannot check the recipient when last-active dates are not readable', () => {
    const snapshot = org();
    snapshot.pieces = { ...snapshot.pieces, projectRoles: { read: false, reason: 'OrgMembers: Cannot query field' } };
    const result = assessRemoval(reading(['owner'], { transfer: true, recipientText: 'Ari Active' }), ready(snapshot), NOW);
    expect(result.verdict).toBe('confirm');
    expect(result.unknowns.join(' ')).toContain('cannot read when Ari Active was last active');
  });

  it('asks when the signed-in admin is not among the people read (removing oneself cannot be ruled out)', () => {
    const snapshot = org();
    snapshot.viewerId = null;
    const result = assessRemoval(reading(['empty']), ready(snapshot), NOW);
    expect(result.verdict).toBe('confirm');
    expect(result.unknowns.join(' ')).toContain('could not find you');
  });

  it('keeps an org role code it does not know as read, in the audit person', () => {
    const snapshot = org();
    snapshot.members.find((m) => m.id === 'empty')!.orgRole = { code: 7 };
    const result = assessRemoval(reading(['empty']), ready(snapshot), NOW);
    expect(result.people[0]?.orgRole).toBe('role code 7');
  });
});
