import { describe, expect, it } from 'vitest';
import type { OrgSnapshot } from '../access/model';
import { demoSnapshot } from '../invite/test-fixture';
import { decidePiece, pickOption, setProjectRole, toggleOption } from './fill-in';
import { planEmailChange, type EmailChangePlan } from './plan';
import { emailChangeSteps, type InviteOutcome, type RemovalOutcome, type StepPorts } from './steps';
import { accessBeforeOf } from './verify';
import { createEmailChange, type EmailChange } from './workflow';

const NEW = 'h.schmidt@lumenfield.example';
const NOW = '2025-11-03T10:00:00.000Z';

interface FakeOrg {
  saved: EmailChange[];
  calls: string[];
  inviteOutcome: InviteOutcome;
  inviteMade: boolean;
  removalOutcome: RemovalOutcome;
  /** The new account's default project as the console answers it after the removal. */
  defaultProjectAfter: string | null | undefined;
  join(daysAgo: number | null): void;
  ports: StepPorts;
}

/** A fake org: the demo seed, the new account pending/joined/active as told, the old one removable. */
function fakeOrg(): FakeOrg {
  let snapshot: OrgSnapshot = demoSnapshot();
  const saved: EmailChange[] = [];
  const calls: string[] = [];
  const org: FakeOrg = {
    saved,
    calls,
    inviteOutcome: { ok: true } as InviteOutcome,
    /** Whether Send creates the invite (also when its answer is lost). */
    inviteMade: true,
    removalOutcome: { kind: 'done' } as RemovalOutcome,
    defaultProjectAfter: null as string | null | undefined,
    /** The new account joins (and is active `daysAgo` days ago, or never). */
    join(daysAgo: number | null) {
      const old = snapshot.members.find((m) => m.id === 'u-7')!;
      const member = { ...old, id: 'u-31', email: NEW, name: NEW, status: 'joined' as const, lastActiveAt: daysAgo === null ? null : new Date(Date.parse(NOW) - daysAgo * 86_400_000).toISOString() };
      snapshot = { ...snapshot, members: [...snapshot.members.filter((m) => m.email !== NEW), member], groups: snapshot.groups.map((g) => (old.groupIds.includes(g.id) ? { ...g, memberIds: [...g.memberIds, 'u-31'] } : g)) };
    },
    ports: {
      save: async (change) => {
        saved.push(change);
      },
      freshSnapshot: async () => snapshot,
      membership: async (email) => snapshot.members.find((m) => m.email === email)?.status ?? 'absent',
      invite: async (_change, beforeSend) => {
        calls.push('invite');
        if (!(await beforeSend())) return { ok: false, reason: 'held', aborted: true, refusedByConsole: false };
        if (org.inviteMade) {
          const old = snapshot.members.find((m) => m.id === 'u-7')!;
          snapshot = { ...snapshot, members: [...snapshot.members, { ...old, id: 'u-31', email: NEW, name: NEW, status: 'pending', lastActiveAt: null }] };
        }
        return org.inviteOutcome;
      },
      remove: async (_change, _snapshot, beforeConfirm) => {
        calls.push('remove');
        if (org.removalOutcome.kind === 'refused' && !org.removalOutcome.confirmed) return org.removalOutcome;
        if (!(await beforeConfirm())) return { kind: 'failed', reason: 'held', confirmed: false, aborted: true };
        if (org.removalOutcome.kind === 'done') snapshot = { ...snapshot, members: snapshot.members.filter((m) => m.id !== 'u-7') };
        return org.removalOutcome;
      },
      contentOf: async () => ({ charts: 7, dashboards: 2, cohorts: 5, notebooks: 1 }),
      defaultProjectOf: async (email) => (snapshot.members.some((m) => m.email === email) ? org.defaultProjectAfter : undefined),
      now: () => NOW,
    },
  };
  return org;
}

/** Hannah's change, planned on `snapshot`; the team spaces (never readable) decided by `decide`, by default ticked. */
function change(snapshot = demoSnapshot(), decide: (plan: EmailChangePlan) => EmailChangePlan = (plan) => toggleOption(plan, 'teamSpaceIds', 's-data', true)): EmailChange {
  const plan = planEmailChange(snapshot, 'u-7', { defaultProjectId: null });
  if (!plan.ok) throw new Error(plan.problem);
  return createEmailChange({ id: 'c1', orgUrl: 'demo-org', now: NOW, old: { id: 'u-7', email: 'hannah.schmidt@lumenfield.example', name: 'Hannah Schmidt' }, newEmail: NEW, plan: decide(plan.plan), before: accessBeforeOf(snapshot, 'u-7', { charts: 7, dashboards: 2, cohorts: 5, notebooks: 1 }) });
}

describe('emailChangeSteps', () => {
  it('invites, waits, removes only once the new account is active, and verifies', async () => {
    const org = fakeOrg();
    const steps = emailChangeSteps(org.ports);
    let current = await steps.invite(change());
    expect(current.step).toMatchObject({ kind: 'waiting', account: 'pending' });
    // Still pending, then joined but never active: no removal is even tried.
    current = await steps.remove(current);
    org.join(null);
    current = await steps.remove(current);
    expect(current.step).toMatchObject({ kind: 'waiting', account: 'joined-inactive' });
    expect(org.calls).toEqual(['invite']);
    org.join(1);
    current = await steps.remove(current);
    expect(org.calls).toEqual(['invite', 'remove']);
    expect(current.step).toMatchObject({ kind: 'done', report: { oldGone: true, contentMoved: true, accessDifferences: [], otherDifferences: [] } });
    // Every save one revision after the one before it.
    expect(org.saved.map((c) => c.revision)).toEqual(org.saved.map((_c, i) => i + 1));
  });

  it('ends at step 1 when the console refuses, with its reason', async () => {
    const org = fakeOrg();
    org.inviteOutcome = { ok: false, reason: 'Nothing was sent. Domain not allowed.', refusedByConsole: true };
    org.inviteMade = false;
    const current = await emailChangeSteps(org.ports).invite(change());
    expect(current.step).toMatchObject({ kind: 'refused', reason: 'Nothing was sent. Domain not allowed.' });
  });

  it('never sends again a change found at "inviting" whose invite went out: it is settled from the data', async () => {
    const org = fakeOrg();
    const steps = emailChangeSteps(org.ports);
    org.inviteOutcome = { ok: false, reason: 'no answer', refusedByConsole: false };
    const afterLostAnswer = await steps.invite(change());
    // The invite was made although Send "failed": verified, not failed.
    expect(afterLostAnswer.step.kind).toBe('waiting');
    const interrupted = org.saved.find((c) => c.step.kind === 'inviting')!;
    const resumed = await steps.invite(interrupted);
    expect(resumed.step.kind).toBe('waiting');
    expect(org.calls).toEqual(['invite']);
  });

  it('keeps waiting, removing nothing, when the recipient picker does not offer the new account', async () => {
    const org = fakeOrg();
    const steps = emailChangeSteps(org.ports);
    const waiting = await steps.invite(change());
    org.join(1);
    org.removalOutcome = { kind: 'refused', reason: 'h.schmidt@… is not offered as a recipient', confirmed: false };
    const held = await steps.remove(waiting);
    expect(held.step).toMatchObject({ kind: 'waiting', note: 'h.schmidt@… is not offered as a recipient' });
    expect((await org.ports.freshSnapshot()).members.some((m) => m.id === 'u-7')).toBe(true);
  });

  it('sends nothing while a piece not readable here is undecided', async () => {
    const org = fakeOrg();
    const undecided = change(demoSnapshot(), (plan) => plan);
    const held = await emailChangeSteps(org.ports).invite(undecided);
    expect(org.calls).toEqual([]);
    expect(held.step.kind).toBe('ready');
    expect(held.history.at(-1)?.detail).toMatch(/^nothing sent: Not sent: decide first.*Team spaces\.$/);
    // Left empty on purpose is a decision: the invite goes out.
    const decided = await emailChangeSteps(org.ports).invite(change(demoSnapshot(), (plan) => decidePiece(plan, 'teamSpaceIds', { kind: 'leave-empty' })));
    expect(org.calls).toEqual(['invite']);
    expect(decided.step.kind).toBe('waiting');
  });

  it('checks after the removal what the admin filled in where the console could not be read', async () => {
    const org = fakeOrg();
    const steps = emailChangeSteps(org.ports);
    // Planned on a console that did not give direct roles nor groups: the admin filled the roles in, left the groups empty.
    const planned = change(demoSnapshot({ unread: ['projectRoles', 'groups'] }), (plan) => {
      let next = setProjectRole(plan, 'p-2', 'member');
      next = setProjectRole(next, 'p-3', 'manager');
      next = decidePiece(next, 'groupIds', { kind: 'leave-empty' });
      next = pickOption(next, 'defaultProjectId', 'p-2');
      return decidePiece(next, 'teamSpaceIds', { kind: 'leave-empty' });
    });
    org.defaultProjectAfter = 'p-1';
    const waiting = await steps.invite(planned);
    org.join(1);
    const done = await steps.remove(waiting);
    if (done.step.kind !== 'done') throw new Error(done.step.kind);
    const { report } = done.step;
    // Read afterwards: Member on Staging holds; Manager on p-3 was never given, and the default project differs.
    expect(report.otherDifferences).toEqual([
      expect.stringMatching(/holds No Access on .* directly, not Manager as planned/),
      expect.stringMatching(/does not have Web App \(Staging\) as default project/),
    ]);
    expect(report.unchecked).toEqual(expect.arrayContaining([expect.stringMatching(/^Permission groups: not readable when the change was planned and left empty by your choice/)]));
  });
});
