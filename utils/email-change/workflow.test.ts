import { describe, expect, it } from 'vitest';
import { demoSnapshot } from '../invite/test-fixture';
import { planEmailChange } from './plan';
import { newAccountState } from './readiness';
import { accessBeforeOf, verifyEmailChange } from './verify';
import { applyEvent, createEmailChange, isFinished, StepRefused, type ChangeEvent, type EmailChange } from './workflow';
import type { OrgSnapshot } from '../access/model';

const D = 'lumenfield.example';
const T0 = '2025-11-03T10:00:00.000Z';
const at = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000).toISOString();

function change(snapshot = demoSnapshot()): EmailChange {
  const plan = planEmailChange(snapshot, 'u-7', { defaultProjectId: null });
  if (!plan.ok) throw new Error(plan.problem);
  const old = snapshot.members.find((m) => m.id === 'u-7')!;
  return createEmailChange({
    id: 'c1',
    orgUrl: 'demo-org',
    now: T0,
    old: { id: old.id, email: old.email, name: old.name },
    newEmail: `H.Schmidt@${D}`,
    plan: plan.plan,
    before: accessBeforeOf(snapshot, 'u-7', { charts: 7, dashboards: 2, cohorts: 5, notebooks: 1 }),
  });
}

const run = (start: EmailChange, ...events: ChangeEvent[]) => events.reduce((c, event, index) => applyEvent(c, event, at(index + 1)), start);

describe('the email-change state machine', () => {
  it('goes ready -> inviting -> waiting (pending, joined, active) -> removing -> done, one revision per step', () => {
    const done = run(
      change(),
      { type: 'invite-start' },
      { type: 'invite-verified' },
      { type: 'observed', account: 'pending' },
      { type: 'observed', account: 'joined-inactive' },
      { type: 'observed', account: 'active' },
      { type: 'removal-start' },
      { type: 'verified', report: { oldGone: true, contentBefore: null, contentAfter: null, contentMoved: true, accessDifferences: [], otherDifferences: [], unchecked: [] } },
    );
    expect(done.newEmail).toBe(`h.schmidt@${D}`);
    expect(done.step.kind).toBe('done');
    expect(done.revision).toBe(7);
    expect(done.history.map((entry) => entry.step)).toEqual(['ready', 'inviting', 'waiting', 'waiting', 'waiting', 'waiting', 'removing', 'done']);
    expect(isFinished(done)).toBe(true);
  });

  it('keeps when the wait began and since when the account is in its state', () => {
    const waiting = run(change(), { type: 'invite-start' }, { type: 'invite-verified' }, { type: 'observed', account: 'pending' }, { type: 'observed', account: 'active' }, { type: 'observed', account: 'active' });
    expect(waiting.step).toMatchObject({ kind: 'waiting', since: at(2), account: 'active', accountSince: at(4), checkedAt: at(5) });
  });

  it.each(['unchecked', 'pending', 'joined-inactive', 'missing'] as const)('never starts the removal while the new account is %s', (account) => {
    const waiting = run(change(), { type: 'invite-start' }, { type: 'invite-verified' }, { type: 'observed', account });
    expect(() => applyEvent(waiting, { type: 'removal-start' }, at(9))).toThrow(StepRefused);
  });

  it('with activity unknown, lets the console picker decide; declined, it keeps waiting and says why', () => {
    const waiting = run(change(), { type: 'invite-start' }, { type: 'invite-verified' }, { type: 'observed', account: 'activity-unknown' });
    const held = applyEvent(waiting, { type: 'removal-held', reason: 'not offered' }, at(9));
    expect(held.step).toMatchObject({ kind: 'waiting', account: 'activity-unknown', note: 'not offered' });
    expect(applyEvent(held, { type: 'removal-start' }, at(10)).step.kind).toBe('removing');
  });

  it('ends at step 1 when the console refuses the invite, with its reason', () => {
    const refused = run(change(), { type: 'invite-start' }, { type: 'invite-refused', reason: 'Domain not allowed' });
    expect(refused.step).toEqual({ kind: 'refused', at: at(2), reason: 'Domain not allowed' });
    expect(() => applyEvent(refused, { type: 'invite-start' }, at(3))).toThrow(StepRefused);
  });

  it('goes back to ready when nothing was sent, and back to waiting when the removal failed', () => {
    expect(run(change(), { type: 'invite-start' }, { type: 'invite-not-sent', reason: 'no wizard' }).step.kind).toBe('ready');
    const failed = run(change(), { type: 'invite-start' }, { type: 'invite-verified' }, { type: 'observed', account: 'active' }, { type: 'removal-start' }, { type: 'removal-failed', reason: 'dialog gone' });
    expect(failed.step).toMatchObject({ kind: 'waiting', account: 'unchecked', note: 'dialog gone' });
  });

  it('cancels at any step until it ends, never after', () => {
    for (const events of [[], [{ type: 'invite-start' }], [{ type: 'invite-start' }, { type: 'invite-verified' }]] as ChangeEvent[][]) {
      const cancelled = applyEvent(run(change(), ...events), { type: 'cancel' }, at(20));
      expect(cancelled.step.kind).toBe('cancelled');
      expect(() => applyEvent(cancelled, { type: 'cancel' }, at(21))).toThrow(StepRefused);
    }
  });
});

describe('newAccountState', () => {
  const NOW = Date.parse('2025-11-03T10:00:00.000Z');
  const withMember = (patch: Partial<OrgSnapshot['members'][number]>, unread: ('projectRoles')[] = []) => {
    const snapshot = demoSnapshot({ unread });
    const base = snapshot.members.find((m) => m.id === 'u-19')!;
    return { ...snapshot, members: [...snapshot.members, { ...base, id: 'u-99', email: `h.schmidt@${D}`, ...patch }] };
  };
  it('reads pending, joined, active and missing', () => {
    expect(newAccountState(demoSnapshot(), `h.schmidt@${D}`, NOW)).toBe('missing');
    expect(newAccountState(withMember({ status: 'pending' }), `H.Schmidt@${D}`, NOW)).toBe('pending');
    expect(newAccountState(withMember({ status: 'joined', lastActiveAt: null }), `h.schmidt@${D}`, NOW)).toBe('joined-inactive');
    expect(newAccountState(withMember({ status: 'joined', lastActiveAt: '2025-09-01T00:00:00.000Z' }), `h.schmidt@${D}`, NOW)).toBe('joined-inactive');
    expect(newAccountState(withMember({ status: 'joined', lastActiveAt: '2025-11-02T00:00:00.000Z' }), `h.schmidt@${D}`, NOW)).toBe('active');
  });
  it('says activity unknown when this console does not give it', () => {
    expect(newAccountState(withMember({ status: 'joined', lastActiveAt: null }, ['projectRoles']), `h.schmidt@${D}`, NOW)).toBe('activity-unknown');
  });
});

describe('verifyEmailChange (engine comparison)', () => {
  const before = demoSnapshot();
  const started = change(before);
  /** The org after the change: the new account with what the invite gave, the old one gone. */
  const after = (patch: { groups?: string[]; roles?: { projectId: string; role: 'member' | 'viewer' }[] } = {}): OrgSnapshot => {
    const old = before.members.find((m) => m.id === 'u-7')!;
    const groups = patch.groups ?? ['g-1', 'g-4'];
    return {
      ...before,
      members: [...before.members.filter((m) => m.id !== 'u-7'), { ...old, id: 'u-31', email: `h.schmidt@${D}`, groupIds: groups, projectRoles: patch.roles ?? old.projectRoles }],
      groups: before.groups.map((g) => ({ ...g, memberIds: [...g.memberIds.filter((id) => id !== 'u-7'), ...(groups.includes(g.id) ? ['u-31'] : [])] })),
    };
  };

  it('finds nothing to fix when the new account holds the same access and all content', () => {
    const report = verifyEmailChange(started, after(), { charts: 7, dashboards: 2, cohorts: 5, notebooks: 1 });
    expect(report).toMatchObject({ oldGone: true, contentMoved: true, accessDifferences: [], otherDifferences: [] });
  });

  it('reports a missing group as the access it changed, and content that did not move', () => {
    const report = verifyEmailChange(started, after({ groups: ['g-1'] }), { charts: 7, dashboards: 2, cohorts: 0, notebooks: 1 });
    expect(report.contentMoved).toBe(false);
    expect(report.accessDifferences).toEqual(
      expect.arrayContaining([
        { projectId: 'p-6', projectName: 'Data Warehouse Sync', expected: 'Manager', actual: 'No Access' },
        { projectId: 'p-8', projectName: 'Sales Analytics', expected: 'Viewer', actual: 'No Access' },
      ]),
    );
    expect(report.otherDifferences.join(' ')).toMatch(/Data Platform/);
  });

  it('names the planned team spaces for a check by hand, and what was left empty on purpose', () => {
    const planned = { ...started, plan: { ...started.plan, teamSpaceIds: { value: ['s-data'], source: 'admin' as const }, defaultProjectId: { value: null, source: 'left-empty' as const } } };
    const report = verifyEmailChange(planned, after(), null);
    expect(report.unchecked).toEqual([
      `Team spaces: the console does not show a person's team spaces; check by hand that h.schmidt@${D} is in Data Team.`,
      `Default project: not readable when the change was planned and left empty by your choice; check by hand what h.schmidt@${D} should have.`,
    ]);
    expect(report.otherDifferences).toEqual([]);
  });

  it('says the old account is still there', () => {
    const snapshot = after();
    const report = verifyEmailChange(started, { ...snapshot, members: [...snapshot.members, before.members.find((m) => m.id === 'u-7')!] }, null);
    expect(report.oldGone).toBe(false);
    expect(report.contentMoved).toBeNull();
  });
});
