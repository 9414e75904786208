// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { demoSnapshot } from '../invite/test-fixture';
import { auditEntriesOf, auditStepsOf } from './audit-steps';
import { planEmailChange } from './plan';
import { accessBeforeOf } from './verify';
import { applyEvent, createEmailChange, type ChangeEvent, type EmailChange, type VerifyReport } from './workflow';

const T0 = '2025-11-03T10:00:00.000Z';
const NEW = 'h.schmidt@lumenfield.example';
const REPORT: VerifyReport = { oldGone: true, contentBefore: null, contentAfter: null, contentMoved: null, accessDifferences: [], otherDifferences: [], unchecked: [] };

function planned(): EmailChange {
  const snapshot = demoSnapshot();
  const plan = planEmailChange(snapshot, 'u-7', { defaultProjectId: null });
  if (!plan.ok) throw new Error(plan.problem);
  return createEmailChange({ id: 'c1', orgUrl: 'demo-org', now: T0, old: { id: 'u-7', email: 'hannah.schmidt@lumenfield.example', name: 'Hannah Schmidt' }, newEmail: NEW, plan: plan.plan, before: accessBeforeOf(snapshot, 'u-7', null) });
}

/** Every save of a run of events, with the audit steps it logs. */
function logged(start: EmailChange, ...events: ChangeEvent[]): string[] {
  const steps = auditStepsOf(null, start).map((entry) => entry.step as string);
  let current = start;
  events.forEach((event, index) => {
    const next = applyEvent(current, event, new Date(Date.parse(T0) + (index + 1) * 60_000).toISOString());
    steps.push(...auditStepsOf(current, next).map((entry) => entry.step));
    current = next;
  });
  return steps;
}

describe('the audit steps of an email change', () => {
  it('logs the full path once each, not the re-reads in between', () => {
    expect(
      logged(
        planned(),
        { type: 'invite-start' },
        { type: 'invite-verified' },
        { type: 'observed', account: 'pending' },
        { type: 'observed', account: 'pending' },
        { type: 'observed', account: 'joined-inactive' },
        { type: 'observed', account: 'active' },
        { type: 'removal-start' },
        { type: 'verified', report: REPORT },
      ),
    ).toEqual(['planned', 'invited', 'joined', 'removed-old', 'verified']);
  });

  it('logs what did not go through, with the reason, and a cancel', () => {
    expect(logged(planned(), { type: 'invite-start' }, { type: 'invite-refused', reason: 'Domain not allowed.' })).toEqual(['planned', 'failed']);
    expect(logged(planned(), { type: 'invite-not-sent', reason: 'the wizard closed before Send' }, { type: 'cancel' })).toEqual(['planned', 'failed', 'cancelled']);
    expect(
      logged(planned(), { type: 'invite-verified' }, { type: 'observed', account: 'active' }, { type: 'removal-held', reason: 'not offered as a recipient' }, { type: 'removal-start' }, { type: 'removal-failed', reason: 'RECIPIENT_INACTIVE' }),
    ).toEqual(['planned', 'invited', 'joined', 'failed', 'failed']);
    // A final check that finds the old account still there: verified, never "removed".
    expect(logged(planned(), { type: 'invite-verified' }, { type: 'observed', account: 'active' }, { type: 'removal-start' }, { type: 'verified', report: { ...REPORT, oldGone: false } })).toEqual([
      'planned',
      'invited',
      'joined',
      'verified',
    ]);
  });

  it('writes each step as an email-change entry with the old and new address and the detail', () => {
    const start = planned();
    const refused = applyEvent(applyEvent(start, { type: 'invite-start' }, T0), { type: 'invite-refused', reason: 'Domain not allowed.' }, '2025-11-03T10:05:00.000Z');
    const who = { org: { url: 'demo-org', name: 'Lumenfield' }, by: { name: 'Maya Okafor', email: 'maya.okafor@lumenfield.example' } };
    expect(auditEntriesOf(start, refused, who)).toEqual([
      {
        kind: 'email-change',
        at: Date.parse('2025-11-03T10:05:00.000Z'),
        ...who,
        changeId: 'c1',
        step: 'failed',
        old: { name: 'Hannah Schmidt', email: 'hannah.schmidt@lumenfield.example' },
        newEmail: NEW,
        detail: 'invite refused: Domain not allowed.',
      },
    ]);
  });
});
