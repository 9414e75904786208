/**
 * Bulk invite, step 5: the run. Drives batches one after another through injected ports (the
 * console's wizard, the data endpoint, the background's storage), so this file knows nothing about
 * pages or browsers and is tested with fakes.
 *
 * Safety rules, in order of importance:
 * - The job is saved before anything is sent, and each row's state before and after each step.
 * - Before each batch (and on start or resume) the runner asks who is pending now; rows already
 *   pending are done, so an invite that went out just before a crash is never sent twice.
 * - A failed batch fails its rows with the reason and the run goes on; three in a row pause it.
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
  startBatch,
  verifyBatch,
  type InviteJob,
  type JobBatch,
  type JobRow,
} from './job';

export type SendOutcome = { ok: true } | { ok: false; reason: string; aborted?: boolean };

export interface RunnerPorts {
  /** Stores the job; `previous` is what was stored last, so only changed rows need writing. */
  save(previous: InviteJob | null, next: InviteJob): Promise<void>;
  /** Sends one batch through the console; `signal` aborts before Send when the run is cancelled. */
  sendBatch(batch: JobBatch, rows: readonly JobRow[], signal: AbortSignal): Promise<SendOutcome>;
  /** Which of these emails are pending invites now (any case). */
  pendingAmong(emails: readonly string[]): Promise<Iterable<string>>;
  /** Every pending invite's email, for start and resume. */
  allPending(): Promise<Iterable<string>>;
  now(): string;
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

  const commit = async (next: InviteJob) => {
    if (next === job && saved === job) return;
    const previous = saved;
    job = next;
    ports.onChange(job);
    await ports.save(previous, job);
    saved = job;
  };

  const emailsOf = (rows: readonly JobRow[]) => rows.map((row) => row.email);

  async function runBatch(batch: JobBatch, rows: readonly JobRow[]): Promise<void> {
    // Sending is stored before the wizard is touched: after a crash these rows are checked, not resent blindly.
    await commit(startBatch(job, batch.id, ports.now()));
    let outcome: SendOutcome;
    try {
      outcome = await ports.sendBatch(batch, rows, aborter.signal);
    } catch (error) {
      outcome = { ok: false, reason: message(error) };
    }
    if (!outcome.ok && (outcome.aborted || aborter.signal.aborted)) {
      // Stopped before Send: the rows were never sent; back to the queue, the job cancelled.
      await commit(reconcileWithPending(job, await ports.pendingAmong(emailsOf(rows)), ports.now()));
      return;
    }
    if (!outcome.ok) {
      await commit(failBatch(job, batch.id, outcome.reason, ports.now()));
      return;
    }
    await commit(markBatchSent(job, batch.id, ports.now()));
    await commit(verifyBatch(job, batch.id, await ports.pendingAmong(emailsOf(rows)), ports.now()));
  }

  async function loop(): Promise<void> {
    await commit(reconcileWithPending(job, await ports.allPending(), ports.now()));
    for (;;) {
      if (aborter.signal.aborted) {
        await commit(cancelJob(job, ports.now()));
        return;
      }
      if (pauseRequested) {
        await commit(pauseJob(job, 'Paused. Resume to send the rest.', ports.now()));
        return;
      }
      const next = nextBatch(job);
      if (!next) return;
      // Who is pending now, just before this batch: a row invited meanwhile (another tab, a crash) is done.
      const pending = [...(await ports.pendingAmong(emailsOf(next.rows)))];
      if (pending.length > 0) {
        await commit(reconcileWithPending(job, pending, ports.now()));
        continue;
      }
      await runBatch(next.batch, next.rows);
    }
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
      if (aborter.signal.aborted) aborter = new AbortController();
      try {
        if (job.status === 'paused') await commit(resumeJob(job, ports.now()));
        await loop();
      } catch (error) {
        // Our own failure (storage, the data endpoint): pause with the reason; rows keep their state.
        const paused = pauseJob(job, `Paused: ${message(error)} Nothing was lost: Resume to go on.`, ports.now());
        job = paused;
        ports.onChange(job);
        await ports.save(saved, job).then(
          () => (saved = job),
          () => undefined,
        );
      } finally {
        running = false;
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
    async retryFailed() {
      if (running) return;
      await commit(retryFailed(job, ports.now()));
    },
  };
}
