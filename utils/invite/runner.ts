/**
 * Bulk invite, step 5: the run. Drives batches one after another through injected ports (the
 * console's wizard, the data endpoint, the background's storage), so this file knows nothing about
 * pages or browsers and is tested with fakes.
 *
 * Safety rules, in order of importance:
 * - The job is saved before anything is sent, and each row's state before and after each step.
 * - Before each batch is sent (and on start or resume) the runner asks who is pending now; rows
 *   already pending are done, so an invite that went out just before a crash is never sent twice.
 *   That question (asked while the previous batch is being sent) and the proof for the batch just
 *   sent are answered while the console's form is being filled, and Send waits for both (the
 *   `beforeSend` gate): safety at little extra wait.
 * - A batch that failed after Send was pressed (a 5xx, no answer, a timeout, the wizard gone) may
 *   have been invited all the same: who is pending or joined is read again before any row fails.
 *   A failed batch fails only its rows, with the reason, and the run goes on; three in a row pause it.
 * - One runner per job: the background holds a lease on it, claimed by every save and renewed by a
 *   heartbeat while the run waits; a runner that lost it sends nothing more.
 * - The page may be left mid-run: nothing is sent while it is gone, a batch cut short goes back to
 *   the queue (checked against the pending invites), and the run pauses before its next batch.
 * - A failure of our own (storage, the data endpoint) pauses the run with the reason; nothing is lost.
 */
import {
  cancelJob,
  failBatch,
  markBatchSent,
  nextBatch,
  pauseJob,
  reconcileWithPending,
  resumeJob,
  retryFailed,
  settleFailedBatch,
  startBatch,
  verifyBatch,
  type InviteJob,
  type JobBatch,
  type JobRow,
  type Membership,
} from './job';
import { LEASE_HEARTBEAT_MS, leaseHeartbeat, LeaseLost } from '../jobs/job-lease';
import { t } from '../i18n';

/** Thrown by `renewLease` and `save` when another runner holds the job now (utils/jobs/job-lease.ts). */
export { LeaseLost };

/** `aborted`: nothing was sent (cancelled, or the gate said no). */
export type SendOutcome = { ok: true } | { ok: false; reason: string; aborted?: boolean };

export interface RunnerPorts {
  /** Stores the job; `previous` is what was stored last, so only changed rows need writing. */
  save(previous: InviteJob | null, next: InviteJob): Promise<void>;
  /**
   * Sends one batch through the console; `signal` aborts before Send when the run is cancelled.
   * `beforeSend` must be awaited just before Send: false means do not send (return `aborted`).
   */
  sendBatch(batch: JobBatch, rows: readonly JobRow[], signal: AbortSignal, beforeSend: () => Promise<boolean>): Promise<SendOutcome>;
  /** Which of these emails are pending invites now (any case). */
  pendingAmong(emails: readonly string[]): Promise<Iterable<string>>;
  /** Every pending invite's email, for start and resume. */
  allPending(): Promise<Iterable<string>>;
  /** Who of these emails is pending and who joined, read now: the check after a failed Send. */
  membershipAmong(emails: readonly string[]): Promise<Membership>;
  /**
   * Whether the page the console's wizard lives on is here (the admin may leave it mid-run).
   * Asked before each batch and before each Send. Absent: always.
   */
  onPage?(): boolean;
  /**
   * Before each batch: whether the page is ready for the wizard, waiting a moment when it is not
   * (a quick round trip to another settings page, a page still rendering its invite button);
   * false to stop. Absent: `onPage()`.
   */
  waitForPage?(): Promise<boolean>;
  /** Renews this runner's lease on the job while it runs; rejects with LeaseLost when another holds it. */
  renewLease?(jobId: string): Promise<void>;
  /** How often `renewLease` is called while the run goes on (ms; default LEASE_HEARTBEAT_MS). */
  leaseRenewMs?: number;
  now(): string;
  /** The run stopped (done, paused, cancelled): another page may run the job now. */
  release?(jobId: string): Promise<void>;
  /** Every change, for the UI. */
  onChange(job: InviteJob): void;
}

export interface InviteRunner {
  readonly job: InviteJob;
  readonly running: boolean;
  /** Runs until done, paused or cancelled. Resolves with the job as it ends. */
  run(): Promise<InviteJob>;
  /** Stops after the batch in progress. */
  pause(): void;
  /** Stops before the next Send; queued rows are never sent. */
  cancel(): void;
  /**
   * The page is going: the batch being filled in stops before its Send (a Send already pressed is
   * awaited) and goes back to the queue; the run then waits for the page before its next batch.
   */
  hold(): void;
  /** Failed rows back in the queue; then `run()`. */
  retryFailed(): Promise<void>;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function createInviteRunner(initial: InviteJob, ports: RunnerPorts): InviteRunner {
  let job = initial;
  let saved: InviteJob | null = null;
  let running = false;
  let pauseRequested = false;
  let aborter = new AbortController();
  /** Stops the batch in progress before its Send, without cancelling the run (the page is going). */
  let batchHold = new AbortController();
  /** Set when the heartbeat learns that another runner holds the job: nothing more is sent. */
  let leaseLost: LeaseLost | null = null;
  const onPage = () => ports.onPage?.() ?? true;

  // Saves go one at a time, in order; commits made while one is under way are written together.
  let saving: Promise<void> = Promise.resolve();
  const save = () => {
    saving = saving.then(async () => {
      if (saved === job) return;
      const target = job;
      await ports.save(saved, target);
      saved = target;
    });
    return saving;
  };

  /**
   * Records a step. `durable` (the default) waits until it is stored. Not durable: stored with the
   * next save, for steps a crash could not make unsafe (a sent or proven row is checked against
   * the pending invites on resume anyway); it keeps the wait between two invites short.
   */
  const commit = async (next: InviteJob, durable = true) => {
    if (next === job && saved === job) return;
    job = next;
    ports.onChange(job);
    if (durable) await save();
  };

  const emailsOf = (rows: readonly JobRow[]) => rows.map((row) => row.email);
  const lower = (email: string) => email.trim().toLowerCase();

  /** A batch that went out and still waits for its proof (its emails among the pending invites). */
  let unproven: { batchId: string; emails: string[] } | null = null;
  /** Who of the next batch is pending, asked while the current batch is being sent. */
  let lookahead: { batchId: string; emails: string[]; result: Promise<Set<string>> } | null = null;

  async function prove(pending: ReadonlySet<string>) {
    if (!unproven) return;
    const { batchId } = unproven;
    unproven = null;
    // With the page gone, its answer may still be on the way: rows not pending yet go back to the
    // queue (checked again before they are sent), rather than failing an invite that was made.
    const next = onPage() ? verifyBatch(job, batchId, pending, ports.now()) : reconcileWithPending(job, pending, ports.now());
    await commit(next, false);
  }

  async function proveNow() {
    if (unproven) await prove(new Set([...(await ports.pendingAmong(unproven.emails))].map(lower)));
  }

  async function loop(): Promise<void> {
    await commit(reconcileWithPending(job, await ports.allPending(), ports.now()));
    for (;;) {
      if (aborter.signal.aborted) {
        await proveNow();
        await commit(cancelJob(job, ports.now()));
        return;
      }
      if (leaseLost) throw leaseLost;
      if (pauseRequested) {
        await proveNow();
        await commit(pauseJob(job, t('runnerPaused'), ports.now()));
        return;
      }
      if (!(await (ports.waitForPage ? ports.waitForPage() : Promise.resolve(onPage())))) {
        await proveNow();
        await commit(pauseJob(job, t('runnerPausedLeft'), ports.now()));
        return;
      }
      // The page is here: a hold from an earlier departure is spent.
      if (batchHold.signal.aborted) batchHold = new AbortController();
      const next = nextBatch(job);
      if (!next) {
        await proveNow();
        if (nextBatch(job)) continue;
        return;
      }
      const { batch, rows } = next;
      const emails = emailsOf(rows);
      const toSet = (found: Iterable<string>) => new Set([...found].map(lower));
      // The proof for the batch just sent, and who of this batch is pending already (asked ahead,
      // while the last batch was being sent, when it is the batch we expected).
      const proof = unproven ? ports.pendingAmong(unproven.emails).then(toSet) : Promise.resolve(new Set<string>());
      const check =
        lookahead && lookahead.batchId === batch.id && lookahead.emails.join() === emails.join() ? lookahead.result : ports.pendingAmong(emails).then(toSet);
      lookahead = null;
      proof.catch(() => undefined); // awaited below; never an unhandled rejection
      check.catch(() => undefined);
      // Sending is stored before the wizard is touched: after a crash these rows are checked, not resent blindly.
      await commit(startBatch(job, batch.id, ports.now()));
      let gate: 'send' | 'hold' | null = null;
      const beforeSend = async () => {
        // The lease is confirmed right before Send, so a tab that took the job over meanwhile (this
        // one went quiet too long) is never doubled. Only a refusal counts: a renewal lost on its
        // way leaves the claim the batch's own save made a moment ago.
        const renewal = ports.renewLease
          ? ports.renewLease(job.id).then(
              () => null,
              (error: unknown) => (error instanceof LeaseLost ? error : null),
            )
          : Promise.resolve(null);
        const [proven, pending, lost] = await Promise.all([proof, check, renewal]);
        if (lost) leaseLost ??= lost;
        await prove(proven);
        const already = emails.some((email) => pending.has(lower(email)));
        // A pause lets this batch go (it stops after it); a cancel or a paused job (failures) holds it.
        gate = already || job.status === 'paused' || aborter.signal.aborted || leaseLost !== null || !onPage() ? 'hold' : 'send';
        if (gate === 'send') {
          // Ask about the next batch now, while this one is being sent.
          const following = nextBatch(job);
          if (following) {
            const followingEmails = emailsOf(following.rows);
            const result = ports.pendingAmong(followingEmails).then(toSet);
            result.catch(() => undefined);
            lookahead = { batchId: following.batch.id, emails: followingEmails, result };
          }
        }
        return gate === 'send';
      };
      let outcome: SendOutcome;
      try {
        outcome = await ports.sendBatch(batch, rows, AbortSignal.any([aborter.signal, batchHold.signal]), beforeSend);
      } catch (error) {
        outcome = { ok: false, reason: message(error) };
      }
      const [proven, pending] = await Promise.all([proof, check]); // also settles the proof when the form failed before Send
      await prove(proven);
      // Send may have been pressed (the gate let it go): only a read made now says who was invited.
      const mayHaveSent = gate === 'send';
      if (!outcome.ok && (gate === 'hold' || outcome.aborted || aborter.signal.aborted || batchHold.signal.aborted || leaseLost || !onPage())) {
        // Not sent, or cut short (cancelled, the page left): rows found pending are done, the others go back to the queue.
        const found = mayHaveSent ? toSet(await ports.pendingAmong(emails)) : pending;
        await commit(reconcileWithPending(job, found, ports.now()));
        continue;
      }
      if (!outcome.ok) {
        // A failure after Send does not prove that nothing was sent (the answer may be what was lost).
        const settled = mayHaveSent
          ? settleFailedBatch(job, batch.id, await ports.membershipAmong(emails), outcome.reason, ports.now())
          : failBatch(job, batch.id, outcome.reason, ports.now());
        await commit(settled);
        continue;
      }
      await commit(markBatchSent(job, batch.id, ports.now()), false);
      unproven = { batchId: batch.id, emails };
    }
  }

  /** Renews the lease while the run goes on, also while it waits on a slow Send (utils/jobs/job-lease.ts). */
  function heartbeat(): () => void {
    const renew = ports.renewLease;
    if (!renew) return () => undefined;
    return leaseHeartbeat(() => renew(job.id), ports.leaseRenewMs ?? LEASE_HEARTBEAT_MS, (error) => (leaseLost ??= error));
  }

  return {
    get job() {
      return job;
    },
    get running() {
      return running;
    },
    async run() {
      if (running) return job;
      running = true;
      pauseRequested = false;
      leaseLost = null;
      unproven = null;
      lookahead = null;
      if (aborter.signal.aborted) aborter = new AbortController();
      const stopHeartbeat = heartbeat();
      try {
        if (job.status === 'paused') await commit(resumeJob(job, ports.now()));
        await loop();
        await save();
      } catch (error) {
        // Our own failure (storage, the data endpoint): pause with the reason; rows keep their state.
        job = pauseJob(job, t('runnerPausedError', { error: message(error) }), ports.now());
        ports.onChange(job);
        // A failed save stays failed; start the queue again for this one.
        saving = Promise.resolve();
        await save().catch(() => undefined);
      } finally {
        stopHeartbeat();
        running = false;
        await ports.release?.(job.id).catch(() => undefined);
      }
      return job;
    },
    pause() {
      pauseRequested = true;
    },
    cancel() {
      aborter.abort();
      if (!running) {
        const cancelled = cancelJob(job, ports.now());
        if (cancelled !== job) void commit(cancelled).catch(() => undefined);
      }
    },
    hold() {
      batchHold.abort();
    },
    async retryFailed() {
      if (running) return;
      await commit(retryFailed(job, ports.now()));
    },
  };
}
