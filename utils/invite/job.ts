/**
 * Bulk invite, step 4: the job and its state machine. Plain serialisable objects (stored in
 * IndexedDB before anything is sent) and pure functions that return new objects; nothing here
 * talks to a page. Each row is in exactly one state (`row.state.kind`):
 *
 *   queued → sending → sent → verified
 *      ↘        ↘        ↘→ failed(reason) → (retry) queued
 *   skipped, invalid: final from the start.
 *
 * On resume, and before each batch, the runner re-reads who is pending: `reconcileWithPending`
 * marks those rows verified, so an invite that went out just before a crash is never sent twice.
 */
import type { InvitePlan, SharedSettings } from './plan';
import type { ValidatedRow } from './validate';
import { t } from '../i18n';

export type RowState =
  | { kind: 'queued' }
  | { kind: 'sending'; batchId: string }
  | { kind: 'sent'; batchId: string }
  | { kind: 'verified' }
  | { kind: 'failed'; reason: string }
  | { kind: 'skipped'; reason: string }
  | { kind: 'invalid'; reason: string };

export type RowStateKind = RowState['kind'];

export type RowEvent =
  | { type: 'send'; batchId: string }
  | { type: 'sent' }
  | { type: 'verify' }
  | { type: 'fail'; reason: string }
  | { type: 'retry' }
  /** The email is now pending (seen in the org's data): done, whatever step we were at. */
  | { type: 'found-pending' }
  /** After a crash: an in-flight row whose email is not pending goes back to the queue. */
  | { type: 'requeue' }
  /** After an unclear failure: the email turned out to be a member already; nothing to send. */
  | { type: 'found-member'; reason: string };

export interface JobRow {
  row: number;
  line: number;
  email: string;
  /** The original cells, for the results download. */
  cells: string[];
  teamId: string | null;
  /** The batch that carries this row; null for skipped and invalid rows. */
  batchId: string | null;
  state: RowState;
  /** How many times the row went to 'sending'. */
  attempts: number;
}

export interface JobBatch {
  id: string;
  settings: SharedSettings;
  /** Row numbers, in order. */
  rows: number[];
}

export type JobStatus = 'ready' | 'running' | 'paused' | 'cancelled' | 'done';

export interface InviteJob {
  id: string;
  /** The org it belongs to (the console's org URL), so a page offers only its own org's jobs. */
  orgUrl: string;
  createdAt: string;
  updatedAt: string;
  status: JobStatus;
  /** Why the job is paused (by the user or after repeated failures); null otherwise. */
  pauseReason: string | null;
  /** Failed batches since the last batch that succeeded. */
  consecutiveFailedBatches: number;
  /** The original header, for the results download. */
  headers: string[];
  rows: JobRow[];
  batches: JobBatch[];
}

/** After this many failed batches in a row the job pauses. */
export const MAX_CONSECUTIVE_FAILED_BATCHES = 3;

export type TransitionResult = { ok: true; row: JobRow } | { ok: false; error: string };

/** Rows not yet finished one way or the other. */
const IN_FLIGHT: ReadonlySet<RowStateKind> = new Set(['sending', 'sent']);

/** The one place that knows which moves are legal. Returns a new row; never mutates. */
export function transition(row: JobRow, event: RowEvent): TransitionResult {
  const from = row.state.kind;
  const to = (state: RowState, extra: Partial<JobRow> = {}): TransitionResult => ({ ok: true, row: { ...row, ...extra, state } });
  switch (event.type) {
    case 'send':
      if (from === 'queued') return to({ kind: 'sending', batchId: event.batchId }, { attempts: row.attempts + 1 });
      break;
    case 'sent':
      if (from === 'sending') return to({ kind: 'sent', batchId: (row.state as { batchId: string }).batchId });
      break;
    case 'verify':
      if (from === 'sent') return to({ kind: 'verified' });
      break;
    case 'fail':
      if (from === 'queued' || from === 'sending' || from === 'sent') return to({ kind: 'failed', reason: event.reason });
      break;
    case 'retry':
      if (from === 'failed') return to({ kind: 'queued' });
      break;
    case 'found-pending':
      if (from === 'queued' || from === 'sending' || from === 'sent' || from === 'failed') return to({ kind: 'verified' });
      break;
    case 'requeue':
      if (IN_FLIGHT.has(from)) return to({ kind: 'queued' });
      break;
    case 'found-member':
      if (from === 'queued' || from === 'sending' || from === 'sent' || from === 'failed') return to({ kind: 'skipped', reason: event.reason });
      break;
  }
  return { ok: false, error: `Row ${row.row} (${row.email}): cannot "${event.type}" while ${from}.` };
}

/** Like {@link transition}, but throws on an illegal move (a bug in the runner). */
export function mustTransition(row: JobRow, event: RowEvent): JobRow {
  const result = transition(row, event);
  if (!result.ok) throw new Error(result.error);
  return result.row;
}

/** Builds the job from the validated rows and their plan. Nothing is sent yet: every invite is queued. */
export function createJob(input: { id: string; orgUrl?: string; now: string; headers: string[]; rows: readonly ValidatedRow[]; plan: InvitePlan }): InviteJob {
  const batchOf = new Map<number, string>();
  for (const batch of input.plan.batches) for (const invite of batch.invites) batchOf.set(invite.row, batch.id);
  const rows: JobRow[] = input.rows.map((row) => {
    const batchId = batchOf.get(row.row) ?? null;
    const state: RowState =
      row.status === 'skip'
        ? { kind: 'skipped', reason: row.reason ?? t('jobSkipped') }
        : row.status === 'invalid' || batchId === null
          ? { kind: 'invalid', reason: row.errors.map((error) => (error.column ? t('biColumnNote', { column: error.column, message: error.message }) : error.message)).join(' ') || t('jobInvalid') }
          : { kind: 'queued' };
    return { row: row.row, line: row.line, email: row.email, cells: [...row.cells], teamId: row.settings?.teamId ?? null, batchId: state.kind === 'queued' ? batchId : null, state, attempts: 0 };
  });
  const batches = input.plan.batches.map((batch) => ({ id: batch.id, settings: batch.settings, rows: batch.invites.map((invite) => invite.row) }));
  return finish({
    id: input.id,
    orgUrl: input.orgUrl ?? '',
    createdAt: input.now,
    updatedAt: input.now,
    status: 'ready',
    pauseReason: null,
    consecutiveFailedBatches: 0,
    headers: [...input.headers],
    rows,
    batches,
  });
}

function applyToRows(job: InviteJob, select: (row: JobRow) => RowEvent | null, now: string): InviteJob {
  let changed = false;
  const rows = job.rows.map((row) => {
    const event = select(row);
    if (!event) return row;
    const result = transition(row, event);
    if (!result.ok) return row;
    changed = true;
    return result.row;
  });
  return changed ? { ...job, rows, updatedAt: now } : job;
}

/** 'done' once nothing is queued or in flight (unless cancelled). */
function finish(job: InviteJob): InviteJob {
  if (job.status === 'cancelled') return job;
  const open = job.rows.some((row) => row.state.kind === 'queued' || IN_FLIGHT.has(row.state.kind));
  if (!open && job.status !== 'done') return { ...job, status: 'done', pauseReason: null };
  if (open && job.status === 'done') return { ...job, status: 'ready' };
  return job;
}

/** The next batch with queued rows, with just those rows; null when there is none or the job is not runnable. */
export function nextBatch(job: InviteJob): { batch: JobBatch; rows: JobRow[] } | null {
  if (job.status !== 'ready' && job.status !== 'running') return null;
  for (const batch of job.batches) {
    const rows = job.rows.filter((row) => row.batchId === batch.id && row.state.kind === 'queued');
    if (rows.length > 0) return { batch, rows };
  }
  return null;
}

/** The batch's queued rows go to 'sending' (to be stored before the wizard is touched). */
export function startBatch(job: InviteJob, batchId: string, now: string): InviteJob {
  if (job.status !== 'ready' && job.status !== 'running') return job;
  const started = applyToRows(job, (row) => (row.batchId === batchId && row.state.kind === 'queued' ? { type: 'send', batchId } : null), now);
  return { ...started, status: 'running', updatedAt: now };
}

/** The wizard said the invite went out: the batch's sending rows are 'sent'. */
export function markBatchSent(job: InviteJob, batchId: string, now: string): InviteJob {
  return applyToRows(job, (row) => (row.state.kind === 'sending' && row.state.batchId === batchId ? { type: 'sent' } : null), now);
}

const lower = (email: string) => email.trim().toLowerCase();

/**
 * Checks a sent batch against who is pending now: its rows found pending are verified, the others
 * fail. A batch with every row verified resets the failure streak; otherwise it counts as failed.
 */
export function verifyBatch(job: InviteJob, batchId: string, pendingEmails: Iterable<string>, now: string): InviteJob {
  const pending = new Set([...pendingEmails].map(lower));
  const inBatch = (row: JobRow) => (row.state.kind === 'sent' || row.state.kind === 'sending') && row.state.batchId === batchId;
  const missing = job.rows.filter((row) => inBatch(row) && !pending.has(lower(row.email))).length;
  const verified = applyToRows(job, (row) => (inBatch(row) && row.state.kind === 'sent' && pending.has(lower(row.email)) ? { type: 'verify' } : null), now);
  if (missing === 0) return finish({ ...verified, consecutiveFailedBatches: 0 });
  return failBatch(verified, batchId, t('jobNotPending'), now);
}

/**
 * A batch failed (a landmark missing, a server error, …): its unfinished rows fail with the reason,
 * the run goes on; three failed batches in a row pause the job with an explanation.
 */
export function failBatch(job: InviteJob, batchId: string, reason: string, now: string): InviteJob {
  const failed = applyToRows(
    job,
    (row) => (row.batchId === batchId && (row.state.kind === 'queued' || IN_FLIGHT.has(row.state.kind)) ? { type: 'fail', reason } : null),
    now,
  );
  const streak = job.consecutiveFailedBatches + 1;
  const next: InviteJob = { ...failed, consecutiveFailedBatches: streak, updatedAt: now };
  if (streak >= MAX_CONSECUTIVE_FAILED_BATCHES && next.status !== 'cancelled') {
    return {
      ...next,
      status: 'paused',
      pauseReason: t('jobPausedFailures', { count: streak, reason }),
    };
  }
  return finish(next);
}

/** Who among some emails is a pending invite and who a joined member, read from the org's data. */
export interface Membership {
  pending: Iterable<string>;
  joined: Iterable<string>;
}

/**
 * A batch failed in a way that does not say whether the invites were made (a 5xx, no answer, a
 * timeout, the wizard gone, or a refusal we cannot read): checked against who is pending and who
 * joined, read after the failure. Rows found pending are invited, rows found joined are skipped as
 * members, and only the others fail. A batch with nobody left failing counts as a success.
 */
export function settleFailedBatch(job: InviteJob, batchId: string, found: Membership, reason: string, now: string): InviteJob {
  const pending = new Set([...found.pending].map(lower));
  const joined = new Set([...found.joined].map(lower));
  const open = (row: JobRow) => row.batchId === batchId && (row.state.kind === 'queued' || IN_FLIGHT.has(row.state.kind));
  const settled = applyToRows(
    job,
    (row) => {
      if (!open(row)) return null;
      if (pending.has(lower(row.email))) return { type: 'found-pending' };
      if (joined.has(lower(row.email))) return { type: 'found-member', reason: t('jobFoundMember') };
      return null;
    },
    now,
  );
  if (!settled.rows.some(open)) return finish({ ...settled, consecutiveFailedBatches: 0 });
  return failBatch(settled, batchId, reason, now);
}

/** Pauses the job (the user pressed Pause). */
export function pauseJob(job: InviteJob, reason: string, now: string): InviteJob {
  if (job.status === 'done' || job.status === 'cancelled') return job;
  return { ...job, status: 'paused', pauseReason: reason, updatedAt: now };
}

/** Resumes a paused job; the failure streak starts again. */
export function resumeJob(job: InviteJob, now: string): InviteJob {
  if (job.status !== 'paused') return job;
  return finish({ ...job, status: 'ready', pauseReason: null, consecutiveFailedBatches: 0, updatedAt: now });
}

/** Cancels: queued rows stay queued (never sent), the job stops for good. */
export function cancelJob(job: InviteJob, now: string): InviteJob {
  if (job.status === 'done') return job;
  return { ...job, status: 'cancelled', pauseReason: null, updatedAt: now };
}

/** Retry failed: every failed row goes back to the queue (in its batch) and the job can run again. */
export function retryFailed(job: InviteJob, now: string): InviteJob {
  const retried = applyToRows(job, (row) => (row.state.kind === 'failed' ? { type: 'retry' } : null), now);
  if (retried === job) return job;
  const status: JobStatus = retried.status === 'cancelled' ? 'cancelled' : 'ready';
  return finish({ ...retried, status, pauseReason: null, consecutiveFailedBatches: 0 });
}

/**
 * Resume and before-each-batch helper: rows whose email is now pending are verified (whatever step
 * they were at, failed included), so they are never sent twice; rows caught in flight (sending or
 * sent, e.g. after a crash) whose email is not pending go back to the queue.
 */
export function reconcileWithPending(job: InviteJob, pendingEmails: Iterable<string>, now: string = job.updatedAt): InviteJob {
  const pending = new Set([...pendingEmails].map(lower));
  const reconciled = applyToRows(
    job,
    (row) => {
      if (pending.has(lower(row.email))) return { type: 'found-pending' };
      if (IN_FLIGHT.has(row.state.kind)) return { type: 'requeue' };
      return null;
    },
    now,
  );
  return finish(reconciled);
}

export type JobCounts = Record<RowStateKind, number> & { total: number };

export function jobCounts(job: InviteJob): JobCounts {
  const counts: JobCounts = { queued: 0, sending: 0, sent: 0, verified: 0, failed: 0, skipped: 0, invalid: 0, total: job.rows.length };
  for (const row of job.rows) counts[row.state.kind] += 1;
  return counts;
}
