// @vitest-environment node
import {
  cancelJob,
  createJob,
  failBatch,
  type InviteJob,
  jobCounts,
  type JobRow,
  markBatchSent,
  MAX_CONSECUTIVE_FAILED_BATCHES,
  mustTransition,
  nextBatch,
  pauseJob,
  reconcileWithPending,
  resumeJob,
  retryFailed,
  type RowEvent,
  startBatch,
  transition,
  verifyBatch,
} from './job';
import { parseInviteCsv } from './parse';
import { planBatches } from './plan';
import { demoSnapshot } from './test-fixture';
import { validateInvites } from './validate';

const NOW = '2025-11-03T10:00:00.000Z';

function makeJob(lines: string[], batchSize = 2): InviteJob {
  const parsed = parseInviteCsv(['email,team,groups', ...lines].join('\n'));
  const validated = validateInvites(parsed, demoSnapshot());
  const plan = planBatches(validated.rows, { batchSize });
  return createJob({ id: 'job-1', now: NOW, headers: parsed.headers, rows: validated.rows, plan });
}

/** Six new rows (three batches of two), a member, an invalid row. */
const sample = () =>
  makeJob([
    'n1@example.com,Data,Sales Viewers',
    'n2@example.com,Data,Sales Viewers',
    'maya.okafor@lumenfield.example,,',
    'n3@example.com,Data,Sales Viewers',
    'not-an-email,Data,Sales Viewers',
    'n4@example.com,Data,Sales Viewers',
    'n5@example.com,Data,Sales Viewers',
    'n6@example.com,Data,Sales Viewers',
  ]);

const row = (state: JobRow['state']): JobRow => ({ row: 1, line: 2, email: 'a@example.com', cells: ['a@example.com'], teamId: null, batchId: 'b1', state, attempts: 0 });
const states = (job: InviteJob) => job.rows.map((r) => r.state.kind);

/** Sends a batch successfully: send, sent, verified by the pending list. */
function runBatch(job: InviteJob, batchId: string, pending: string[]): InviteJob {
  return verifyBatch(markBatchSent(startBatch(job, batchId, NOW), batchId, NOW), batchId, pending, NOW);
}

describe('transition', () => {
  it('walks queued → sending → sent → verified, counting attempts', () => {
    let r = mustTransition(row({ kind: 'queued' }), { type: 'send', batchId: 'b1' });
    expect(r.state).toEqual({ kind: 'sending', batchId: 'b1' });
    expect(r.attempts).toBe(1);
    r = mustTransition(r, { type: 'sent' });
    expect(r.state).toEqual({ kind: 'sent', batchId: 'b1' });
    r = mustTransition(r, { type: 'verify' });
    expect(r.state).toEqual({ kind: 'verified' });
  });

  it('fails from queued, sending or sent, and retries a failed row', () => {
    for (const state of [{ kind: 'queued' }, { kind: 'sending', batchId: 'b1' }, { kind: 'sent', batchId: 'b1' }] as const) {
      expect(mustTransition(row(state), { type: 'fail', reason: 'boom' }).state).toEqual({ kind: 'failed', reason: 'boom' });
    }
    expect(mustTransition(row({ kind: 'failed', reason: 'boom' }), { type: 'retry' }).state).toEqual({ kind: 'queued' });
  });

  const illegal: [JobRow['state'], RowEvent][] = [
    [{ kind: 'queued' }, { type: 'sent' }],
    [{ kind: 'queued' }, { type: 'verify' }],
    [{ kind: 'queued' }, { type: 'retry' }],
    [{ kind: 'sending', batchId: 'b1' }, { type: 'send', batchId: 'b1' }],
    [{ kind: 'sending', batchId: 'b1' }, { type: 'verify' }],
    [{ kind: 'sent', batchId: 'b1' }, { type: 'send', batchId: 'b2' }],
    [{ kind: 'verified' }, { type: 'send', batchId: 'b1' }],
    [{ kind: 'verified' }, { type: 'fail', reason: 'x' }],
    [{ kind: 'verified' }, { type: 'retry' }],
    [{ kind: 'failed', reason: 'x' }, { type: 'send', batchId: 'b1' }],
    [{ kind: 'failed', reason: 'x' }, { type: 'requeue' }],
    [{ kind: 'skipped', reason: 'member' }, { type: 'send', batchId: 'b1' }],
    [{ kind: 'skipped', reason: 'member' }, { type: 'found-pending' }],
    [{ kind: 'invalid', reason: 'bad' }, { type: 'send', batchId: 'b1' }],
    [{ kind: 'invalid', reason: 'bad' }, { type: 'retry' }],
    [{ kind: 'queued' }, { type: 'requeue' }],
  ];
  it.each(illegal)('refuses %j on %j', (state, event) => {
    const before = row(state);
    const result = transition(before, event);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(`cannot "${event.type}" while ${state.kind}`);
    expect(() => mustTransition(before, event)).toThrow('Row 1 (a@example.com)');
    expect(before.state).toEqual(state);
  });
});

describe('job', () => {
  it('starts with every invite queued in its batch, members skipped and invalid rows kept with their reason', () => {
    const job = sample();
    expect(job.status).toBe('ready');
    expect(states(job)).toEqual(['queued', 'queued', 'skipped', 'queued', 'invalid', 'queued', 'queued', 'queued']);
    expect(job.rows.map((r) => r.batchId)).toEqual(['b1', 'b1', null, 'b2', null, 'b2', 'b3', 'b3']);
    expect(job.rows[4]!.state).toMatchObject({ kind: 'invalid', reason: expect.stringContaining('email: "not-an-email" is not a valid email') });
    expect(jobCounts(job)).toMatchObject({ queued: 6, skipped: 1, invalid: 1, total: 8 });
  });

  it('is plain data: survives a JSON round trip (IndexedDB stores it)', () => {
    const job = startBatch(sample(), 'b1', NOW);
    expect(JSON.parse(JSON.stringify(job))).toEqual(job);
  });

  it('runs batch by batch to done, each row in exactly one state', () => {
    let job = sample();
    const pending: string[] = [];
    for (let next = nextBatch(job); next; next = nextBatch(job)) {
      pending.push(...next.rows.map((r) => r.email));
      job = startBatch(job, next.batch.id, NOW);
      expect(jobCounts(job).sending).toBe(next.rows.length);
      job = runBatch(job, next.batch.id, pending);
      const counts = jobCounts(job);
      expect(counts.queued + counts.sending + counts.sent + counts.verified + counts.failed + counts.skipped + counts.invalid).toBe(counts.total);
    }
    expect(job.status).toBe('done');
    expect(jobCounts(job)).toMatchObject({ verified: 6, skipped: 1, invalid: 1, queued: 0, failed: 0 });
  });

  it('fails a batch whose emails are not pending after sending, and the run goes on', () => {
    let job = runBatch(sample(), 'b1', ['n1@example.com']);
    expect(job.rows[0]!.state.kind).toBe('verified');
    expect(job.rows[1]!.state).toEqual({ kind: 'failed', reason: 'Sent, but the email is not among the pending invites afterwards.' });
    expect(job.consecutiveFailedBatches).toBe(1);
    expect(nextBatch(job)?.batch.id).toBe('b2');
    job = runBatch(job, 'b2', ['n3@example.com', 'n4@example.com']);
    expect(job.consecutiveFailedBatches).toBe(0);
  });

  it('pauses after three failed batches in a row, with an explanation', () => {
    let job = sample();
    job = failBatch(startBatch(job, 'b1', NOW), 'b1', 'Landmark "Invite New Users button" not found', NOW);
    job = failBatch(job, 'b2', 'Server error 500', NOW);
    expect(job.status).not.toBe('paused');
    job = failBatch(job, 'b3', 'Server error 500', NOW);
    expect(MAX_CONSECUTIVE_FAILED_BATCHES).toBe(3);
    expect(job.status).toBe('paused');
    expect(job.pauseReason).toContain('3 batches in a row failed (last: Server error 500)');
    expect(job.pauseReason).toContain('session ended');
    expect(job.rows[0]!.state).toEqual({ kind: 'failed', reason: 'Landmark "Invite New Users button" not found' });
    expect(nextBatch(job)).toBeNull();
  });

  it('does not pause when a success breaks the streak', () => {
    let job = makeJob(['a@example.com,Data,Sales Viewers', 'b@example.com,Data,Sales Viewers', 'c@example.com,Data,Sales Viewers', 'd@example.com,Data,Sales Viewers'], 1);
    expect(job.batches).toHaveLength(4);
    job = failBatch(job, 'b1', 'x', NOW);
    job = failBatch(job, 'b2', 'x', NOW);
    job = runBatch(job, 'b3', ['c@example.com']);
    job = failBatch(job, 'b4', 'x', NOW);
    expect(job.status).toBe('done');
    expect(jobCounts(job)).toMatchObject({ verified: 1, failed: 3 });
    expect(job.consecutiveFailedBatches).toBe(1);
  });

  it('retry failed puts failed rows back in the queue, in their batch', () => {
    let job = failBatch(sample(), 'b2', 'Server error 500', NOW);
    job = runBatch(job, 'b1', ['n1@example.com', 'n2@example.com']);
    job = runBatch(job, 'b3', ['n5@example.com', 'n6@example.com']);
    expect(job.status).toBe('done');
    expect(jobCounts(job).failed).toBe(2);
    job = retryFailed(job, NOW);
    expect(job.status).toBe('ready');
    expect(jobCounts(job)).toMatchObject({ failed: 0, queued: 2, verified: 4 });
    expect(nextBatch(job)?.rows.map((r) => r.email)).toEqual(['n3@example.com', 'n4@example.com']);
  });

  it('pause, resume and cancel', () => {
    let job = pauseJob(sample(), 'Paused by you.', NOW);
    expect(job).toMatchObject({ status: 'paused', pauseReason: 'Paused by you.' });
    expect(startBatch(job, 'b1', NOW)).toBe(job);
    job = resumeJob(job, NOW);
    expect(job).toMatchObject({ status: 'ready', pauseReason: null });
    job = cancelJob(job, NOW);
    expect(job.status).toBe('cancelled');
    expect(nextBatch(job)).toBeNull();
  });
});

describe('reconcileWithPending', () => {
  it('marks rows now pending as verified, whatever their step, so they are never sent twice', () => {
    let job = sample();
    job = markBatchSent(startBatch(job, 'b1', NOW), 'b1', NOW); // crash after Send, before the check
    job = failBatch(job, 'b2', 'timeout', NOW); // failed, but in fact delivered for n3
    job = reconcileWithPending(job, ['N1@Example.com', 'n2@example.com', 'n3@example.com', 'n5@example.com', 'maya.okafor@lumenfield.example'], NOW);
    expect(states(job)).toEqual(['verified', 'verified', 'skipped', 'verified', 'invalid', 'failed', 'verified', 'queued']);
    expect(nextBatch(job)?.rows.map((r) => r.email)).toEqual(['n6@example.com']);
  });

  it('puts rows caught in flight whose email is not pending back in the queue', () => {
    let job = startBatch(sample(), 'b1', NOW); // crash before Send
    job = reconcileWithPending(job, [], NOW);
    expect(states(job).slice(0, 2)).toEqual(['queued', 'queued']);
    expect(job.rows[0]!.attempts).toBe(1);
    expect(nextBatch(job)?.batch.id).toBe('b1');
  });

  it('finishes the job when every invite turns out pending', () => {
    const job = reconcileWithPending(sample(), ['n1@example.com', 'n2@example.com', 'n3@example.com', 'n4@example.com', 'n5@example.com', 'n6@example.com'], NOW);
    expect(job.status).toBe('done');
  });

  it('returns the same object when nothing changes', () => {
    const job = sample();
    expect(reconcileWithPending(job, ['someone@else.example'])).toBe(job);
  });
});
