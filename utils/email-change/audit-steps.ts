/**
 * Change of email, what goes into the audit log: from a change before and after one save, the
 * steps that acted on the console or ended something (planned, invited, joined, old account
 * removed, verified, cancelled, failed), each as an audit entry of its own kind. A save that only
 * re-read the same state (every page load re-reads a waiting change) logs nothing. Pure.
 */
import type { EmailChangeAuditEntry, EmailChangeStep } from '../audit/email-change-entry';
import type { AuditBy, AuditOrg } from '../audit/entry';
import type { EmailChange, NewAccountState } from './workflow';

const JOINED: readonly NewAccountState[] = ['joined-inactive', 'activity-unknown', 'active'];

/** The audit steps one save made, with what happened in words. */
export function auditStepsOf(previous: EmailChange | null, next: EmailChange): { step: EmailChangeStep; detail: string }[] {
  const detail = next.history[next.history.length - 1]?.detail ?? '';
  const was = previous?.step;
  const now = next.step;
  if (!was) return [{ step: 'planned', detail }];
  switch (now.kind) {
    case 'cancelled':
      return [{ step: 'cancelled', detail }];
    case 'refused':
      return [{ step: 'failed', detail }];
    // Back to (or still at) ready after a save: the invite was not sent, with the reason.
    case 'ready':
      return [{ step: 'failed', detail }];
    case 'done': {
      const removed = now.report.oldGone ? [{ step: 'removed-old' as const, detail: `${next.old.email} removed, content transferred to ${next.newEmail}` }] : [];
      return [...removed, { step: 'verified', detail }];
    }
    case 'waiting':
      if (was.kind === 'ready' || was.kind === 'inviting') return [{ step: 'invited', detail }];
      // The removal was not made (the dialog failed or held it, the picker did not offer the new account).
      if (was.kind === 'removing' || now.note !== null) return [{ step: 'failed', detail }];
      if (was.kind === 'waiting' && was.account === 'pending' && JOINED.includes(now.account)) return [{ step: 'joined', detail }];
      return [];
    default:
      // inviting, removing: under way; what comes of it is logged when it settles.
      return [];
  }
}

/** The audit entries of one save, ready to append. */
export function auditEntriesOf(previous: EmailChange | null, next: EmailChange, who: { org: AuditOrg; by: AuditBy }): EmailChangeAuditEntry[] {
  return auditStepsOf(previous, next).map(({ step, detail }) => ({
    kind: 'email-change',
    at: Date.parse(next.updatedAt),
    org: who.org,
    by: who.by,
    changeId: next.id,
    step,
    old: { name: next.old.name, email: next.old.email },
    newEmail: next.newEmail,
    detail,
  }));
}
