/**
 * Change of email, the steps as they are taken in the page, through injected ports (the console's
 * wizard and Remove dialog, the data endpoint, the background's storage), so this file knows
 * nothing of pages and is tested with fakes. Every step is saved before the console is asked to act
 * (the wizard's Send, the dialog's confirm), and a step found half done after a reload, a closed
 * tab or a crash is settled from the data first: who is pending, who is still there. Nothing is
 * ever sent or removed twice, and the old account is removed only when a fresh read says the new
 * one may receive its content.
 */
import type { ContentCounts, OrgSnapshot } from '../access/model';
import { t } from '../i18n';
import { pieceList } from './piece-labels';
import { unknownPieces } from './plan';
import { newAccountState } from './readiness';
import { verifyEmailChange } from './verify';
import { applyEvent, mayOfferRemoval, type ChangeEvent, type EmailChange } from './workflow';

export type InviteOutcome = { ok: true } | { ok: false; reason: string; aborted?: boolean; refusedByConsole: boolean };
export type RemovalOutcome =
  | { kind: 'done' }
  | { kind: 'refused'; reason: string; confirmed: boolean }
  | { kind: 'failed'; reason: string; confirmed: boolean; aborted?: boolean };

export interface StepPorts {
  /** Stores the change (a compare-and-set on its revision); rejects when another tab moved it on. */
  save(change: EmailChange): Promise<void>;
  /** The org read afresh (never the cache). */
  freshSnapshot(): Promise<OrgSnapshot>;
  /** Whether an email is pending or joined now, through the data endpoint. */
  membership(email: string): Promise<'pending' | 'joined' | 'absent'>;
  /** The console's invite wizard for the new address; `beforeSend` must be awaited just before Send. */
  invite(change: EmailChange, beforeSend: () => Promise<boolean>): Promise<InviteOutcome>;
  /** The console's Remove dialog for the old account with transfer to the new one; `beforeConfirm` just before its confirm. */
  remove(change: EmailChange, snapshot: OrgSnapshot, beforeConfirm: () => Promise<boolean>): Promise<RemovalOutcome>;
  /** What the new account owns now; null when it cannot be counted. */
  contentOf(email: string): Promise<ContentCounts | null>;
  /** The new account's default project now; null: none; undefined: not readable here. */
  defaultProjectOf(email: string): Promise<string | null | undefined>;
  now(): string;
}

export function emailChangeSteps(ports: StepPorts) {
  async function step(change: EmailChange, event: ChangeEvent): Promise<EmailChange> {
    const next = applyEvent(change, event, ports.now());
    await ports.save(next);
    return next;
  }

  /** Where the new address is now, for a change at step 1 (a resume, or a Send whose answer was lost). */
  async function settleInvite(change: EmailChange, reason: string): Promise<EmailChange> {
    const where = await ports.membership(change.newEmail);
    if (where !== 'absent') return step(change, { type: 'invite-verified' });
    return step(change, { type: 'invite-not-sent', reason });
  }

  /** The old account gone (or not) after a confirm: the final check, or back to waiting. */
  async function settleRemoval(change: EmailChange, reason: string): Promise<EmailChange> {
    const snapshot = await ports.freshSnapshot();
    const oldThere = snapshot.members.some((member) => member.id === change.old.id || member.email.toLowerCase() === change.old.email.toLowerCase());
    if (oldThere) return step(change, { type: 'removal-failed', reason });
    const defaultProjectId = await ports.defaultProjectOf(change.newEmail).catch(() => undefined);
    const report = verifyEmailChange(change, snapshot, await ports.contentOf(change.newEmail), { defaultProjectId });
    return step(change, { type: 'verified', report });
  }

  return {
    /**
     * Step 1: the invite. A change found at "inviting" (Send may have gone out before a reload) is
     * settled from the data and never sent again blindly; a ready one is checked the same way first.
     */
    async invite(change: EmailChange): Promise<EmailChange> {
      if (change.step.kind === 'inviting') return settleInvite(change, 'interrupted');
      if (change.step.kind !== 'ready') return change;
      // Fail closed: a piece nobody decided (not readable, neither filled in nor left empty) is never sent as empty.
      const undecided = unknownPieces(change.plan);
      if (undecided.length > 0) return step(change, { type: 'invite-not-sent', reason: t('ecUndecidedPieces', { pieces: pieceList(undecided) }) });
      if ((await ports.membership(change.newEmail)) !== 'absent') return step(change, { type: 'invite-verified' });
      let current = change;
      const outcome = await ports.invite(change, async () => {
        current = await step(change, { type: 'invite-start' });
        return true;
      });
      // The gate was never reached: nothing was sent; the reason is kept, the change stays ready.
      if (current === change) return step(change, { type: 'invite-not-sent', reason: outcome.ok ? 'the wizard closed before Send' : outcome.reason });
      if (outcome.ok) {
        const where = await ports.membership(change.newEmail);
        return where === 'absent' ? step(current, { type: 'invite-not-sent', reason: 'not pending after Send' }) : step(current, { type: 'invite-verified' });
      }
      // A Send that failed may have gone through all the same (an answer lost): the data decides.
      const where = await ports.membership(change.newEmail);
      if (where !== 'absent') return step(current, { type: 'invite-verified' });
      if (outcome.refusedByConsole) return step(current, { type: 'invite-refused', reason: outcome.reason });
      return step(current, { type: 'invite-not-sent', reason: outcome.reason });
    },

    /** Step 2: the new account read afresh (pending, joined, active); saved when something changed or was checked. */
    async observe(change: EmailChange, snapshot?: OrgSnapshot): Promise<EmailChange> {
      if (change.step.kind === 'inviting') return settleInvite(change, 'interrupted');
      if (change.step.kind === 'removing') return settleRemoval(change, 'interrupted');
      if (change.step.kind !== 'waiting') return change;
      const fresh = snapshot ?? (await ports.freshSnapshot());
      const account = newAccountState(fresh, change.newEmail, Date.parse(ports.now()));
      // Every page load re-reads: only a change of state is worth a save (and a line in the history).
      if (snapshot && account === change.step.account) return change;
      return step(change, { type: 'observed', account });
    },

    /**
     * Step 3: the removal with content transfer, only when a fresh read says the new account may
     * receive it (or cannot say: then the console's recipient picker decides). Anything short of a
     * confirmed removal keeps the change waiting, with the reason.
     */
    async remove(change: EmailChange): Promise<EmailChange> {
      if (change.step.kind === 'removing') return settleRemoval(change, 'interrupted');
      if (change.step.kind !== 'waiting') return change;
      const snapshot = await ports.freshSnapshot();
      const observed = await step(change, { type: 'observed', account: newAccountState(snapshot, change.newEmail, Date.parse(ports.now())) });
      if (observed.step.kind !== 'waiting' || !mayOfferRemoval(observed.step.account)) return observed;
      let current = observed;
      const outcome = await ports.remove(observed, snapshot, async () => {
        current = await step(observed, { type: 'removal-start' });
        return true;
      });
      if (current === observed) {
        const reason = outcome.kind === 'done' ? 'the dialog closed before its confirm' : outcome.reason;
        return step(observed, { type: 'removal-held', reason });
      }
      if (outcome.kind === 'done' || outcome.confirmed) return settleRemoval(current, outcome.kind === 'done' ? 'not removed' : outcome.reason);
      return step(current, { type: 'removal-failed', reason: outcome.reason });
    },

    async cancel(change: EmailChange): Promise<EmailChange> {
      return step(change, { type: 'cancel' });
    },
  };
}
