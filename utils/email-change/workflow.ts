/**
 * Change of email, the workflow: one record per change, in exactly one step, kept in the
 * background's IndexedDB from before the invite is sent until it ends. Pure: every change is an
 * event applied to the record (`applyEvent`), which refuses what must never happen (above all: the
 * old account is never removed before the new one has joined and is active, or the console's own
 * recipient picker offers it).
 *
 * Steps: ready (planned, nothing sent) -> inviting (Send may have been pressed: a resume reads who
 * is pending before sending again) -> waiting (the new account: pending, joined, active) ->
 * removing (the Remove dialog with content transfer) -> done (verified, with what differs); or
 * refused (the console refused the invite: ended at step 1) or cancelled, at any step.
 */
import type { ContentCounts, OrgRole } from '../access/model';
import type { EmailChangePlan } from './plan';

/** The new account as last read: the condition for step 3 is `active` (or `activity-unknown`, then the console's picker decides). */
export type NewAccountState = 'unchecked' | 'pending' | 'joined-inactive' | 'activity-unknown' | 'active' | 'missing';

/** One project where the new account's effective access differs from the old one's before. */
export interface AccessDifference {
  projectId: string;
  projectName: string;
  /** Effective role before, on the old account ('no_access' when none). */
  expected: string;
  actual: string;
}

export interface VerifyReport {
  oldGone: boolean;
  /** What the old account owned before, and what the new one owns now (null: could not be counted). */
  contentBefore: ContentCounts | null;
  contentAfter: ContentCounts | null;
  contentMoved: boolean | null;
  /** Effective access per project, engine computed: old before vs new after. Null: not comparable here. */
  accessDifferences: AccessDifference[] | null;
  /** Other pieces of the plan that the new account does not hold (team, groups), in words, each with what to fix by hand. */
  otherDifferences: string[];
  /** Pieces that could not be checked on this console (team spaces, say). */
  unchecked: string[];
}

export type ChangeStep =
  | { kind: 'ready' }
  | { kind: 'inviting'; since: string }
  | { kind: 'refused'; at: string; reason: string }
  | { kind: 'waiting'; since: string; account: NewAccountState; accountSince: string; checkedAt: string | null; note: string | null }
  | { kind: 'removing'; since: string }
  | { kind: 'done'; at: string; report: VerifyReport }
  | { kind: 'cancelled'; at: string; during: 'ready' | 'inviting' | 'waiting' | 'removing' };

export type StepKind = ChangeStep['kind'];
export const TERMINAL_STEPS: readonly StepKind[] = ['refused', 'done', 'cancelled'];

export interface PersonRef {
  id: string;
  email: string;
  name: string;
}

/** The old account's effective access before, per project (engine), the baseline of the final check. */
export interface AccessBefore {
  orgRole: OrgRole;
  /** Effective role on every project, by id; null when the engine could not tell (a piece unread). */
  perProject: Record<string, string> | null;
  content: ContentCounts | null;
}

export interface HistoryEntry {
  at: string;
  step: StepKind;
  /** What happened, in words (for the panel and the audit log). */
  detail: string;
}

export interface EmailChange {
  id: string;
  orgUrl: string;
  createdAt: string;
  updatedAt: string;
  /** Bumped by every save: a save based on an older revision is refused (two tabs never both act). */
  revision: number;
  old: PersonRef;
  newEmail: string;
  plan: EmailChangePlan;
  before: AccessBefore;
  step: ChangeStep;
  history: HistoryEntry[];
}

export type ChangeEvent =
  | { type: 'invite-start' }
  | { type: 'invite-verified' }
  /** Nothing went out (the wizard was not there, cancelled before Send): back to ready with the reason. */
  | { type: 'invite-not-sent'; reason: string }
  | { type: 'invite-refused'; reason: string }
  | { type: 'observed'; account: NewAccountState }
  /** Step 3 could not go on now (the picker did not offer the new account, the dialog failed before confirming): keep waiting. */
  | { type: 'removal-held'; reason: string }
  | { type: 'removal-start' }
  | { type: 'removal-failed'; reason: string }
  | { type: 'verified'; report: VerifyReport }
  | { type: 'cancel' };

/** An event that does not fit the step: nothing changes, and the caller is told why. */
export class StepRefused extends Error {
  constructor(
    readonly step: StepKind,
    readonly event: ChangeEvent['type'],
  ) {
    super(`An email change at step "${step}" cannot take "${event}".`);
    this.name = 'StepRefused';
  }
}

export function createEmailChange(input: { id: string; orgUrl: string; now: string; old: PersonRef; newEmail: string; plan: EmailChangePlan; before: AccessBefore }): EmailChange {
  return {
    id: input.id,
    orgUrl: input.orgUrl,
    createdAt: input.now,
    updatedAt: input.now,
    revision: 0,
    old: input.old,
    newEmail: input.newEmail.trim().toLowerCase(),
    plan: input.plan,
    before: input.before,
    step: { kind: 'ready' },
    history: [{ at: input.now, step: 'ready', detail: `planned: ${input.old.email} -> ${input.newEmail.trim().toLowerCase()}` }],
  };
}

export const isFinished = (change: Pick<EmailChange, 'step'>): boolean => TERMINAL_STEPS.includes(change.step.kind);

/** Whether step 3 may be offered: joined and active within 30 days, or activity unknown (the console's picker decides). */
export const mayOfferRemoval = (account: NewAccountState): boolean => account === 'active' || account === 'activity-unknown';

function waitingFrom(now: string, account: NewAccountState, previous?: Extract<ChangeStep, { kind: 'waiting' }>, note: string | null = null): ChangeStep {
  return {
    kind: 'waiting',
    since: previous?.since ?? now,
    account,
    // Since when the account is in this state (the panel says "joined since 10:42").
    accountSince: previous && previous.account === account ? previous.accountSince : now,
    checkedAt: account === 'unchecked' ? (previous?.checkedAt ?? null) : now,
    note,
  };
}

function next(change: EmailChange, event: ChangeEvent, now: string): { step: ChangeStep; detail: string } {
  const step = change.step;
  const refuse = () => {
    throw new StepRefused(step.kind, event.type);
  };
  if (event.type === 'cancel') {
    if (isFinished(change)) return refuse();
    return { step: { kind: 'cancelled', at: now, during: step.kind as 'ready' | 'inviting' | 'waiting' | 'removing' }, detail: `cancelled at step "${step.kind}"` };
  }
  switch (step.kind) {
    case 'ready':
      if (event.type === 'invite-start') return { step: { kind: 'inviting', since: now }, detail: `invite of ${change.newEmail} started` };
      // A resume that finds the address pending already (a Send whose answer was lost).
      if (event.type === 'invite-verified') return { step: waitingFrom(now, 'pending'), detail: `${change.newEmail} is pending: invite verified` };
      if (event.type === 'invite-not-sent') return { step, detail: `nothing sent: ${event.reason}` };
      return refuse();
    case 'inviting':
      if (event.type === 'invite-verified') return { step: waitingFrom(now, 'pending'), detail: `${change.newEmail} is pending: invite verified` };
      if (event.type === 'invite-refused') return { step: { kind: 'refused', at: now, reason: event.reason }, detail: `invite refused: ${event.reason}` };
      if (event.type === 'invite-not-sent') return { step: { kind: 'ready' }, detail: `nothing sent: ${event.reason}` };
      return refuse();
    case 'waiting':
      if (event.type === 'observed') return { step: waitingFrom(now, event.account, step), detail: `new account: ${event.account}` };
      if (event.type === 'removal-held') return { step: waitingFrom(now, step.account, step, event.reason), detail: `removal not made: ${event.reason}` };
      // The one rule that matters most: never before the new account may receive the content.
      if (event.type === 'removal-start' && mayOfferRemoval(step.account)) return { step: { kind: 'removing', since: now }, detail: `removal of ${change.old.email} with transfer to ${change.newEmail} started` };
      return refuse();
    case 'removing':
      if (event.type === 'removal-failed') {
        return { step: { ...(waitingFrom(now, 'unchecked') as Extract<ChangeStep, { kind: 'waiting' }>), note: event.reason }, detail: `removal failed: ${event.reason}` };
      }
      if (event.type === 'verified') return { step: { kind: 'done', at: now, report: event.report }, detail: describeReport(event.report) };
      return refuse();
    default:
      return refuse();
  }
}

/** The record after `event`, one revision on, with the step in its history. Throws StepRefused. */
export function applyEvent(change: EmailChange, event: ChangeEvent, now: string): EmailChange {
  const { step, detail } = next(change, event, now);
  return { ...change, step, updatedAt: now, revision: change.revision + 1, history: [...change.history, { at: now, step: step.kind, detail }] };
}

/** The final check in one line, for the history and the audit log. */
export function describeReport(report: VerifyReport): string {
  const parts = [report.oldGone ? 'old account gone' : 'old account STILL THERE'];
  parts.push(report.contentMoved === null ? 'content not checked' : report.contentMoved ? 'content moved' : 'content NOT all moved');
  if (report.accessDifferences === null) parts.push('access not comparable here');
  else parts.push(report.accessDifferences.length === 0 ? 'same effective access' : `${report.accessDifferences.length} access difference(s)`);
  if (report.otherDifferences.length) parts.push(`${report.otherDifferences.length} other difference(s)`);
  return parts.join('; ');
}

/** True when the final check found nothing to fix by hand. */
export const reportIsClean = (report: VerifyReport): boolean =>
  report.oldGone && report.contentMoved !== false && (report.accessDifferences?.length ?? 0) === 0 && report.otherDifferences.length === 0;
