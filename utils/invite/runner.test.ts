// @vitest-environment node
/** The bulk-invite runner against a fake console and a fake store: exactly once, never lost. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createJob, jobCounts, type InviteJob, type JobBatch, type JobRow } from './job';
import { createInviteRunner, LeaseLost, type RunnerPorts, type SendOutcome } from './runner';
import { parseInviteCsv } from './parse';
import { planBatches } from './plan';
import { demoSnapshot } from './test-fixture';
import { validateInvites } from './validate';

function makeJob(count: number, batchSize = 3): InviteJob {
  const lines = Array.from({ length: count }, (_, i) => `person${i + 1}@example.com,Engineering,iOS App:Viewer`);
  const parsed = parseInviteCsv(`email,team,projects\n${lines.join('\n')}\nmaya.okafor@lumenfield.example,Engineering,iOS App:Viewer\n`);
  const result = validateInvites(parsed, demoSnapshot());
  return createJob({ id: 'job-1', orgUrl: 'demo-org', now: '2026-11-29T10:00:00.000Z', headers: parsed.headers, rows: result.rows, plan: planBatches(result.rows, { batchSize }) });
}

/** A fake console: Send makes emails pending unless told to fail; every send is logged. */
function fakeConsole(options: { fail?: (batch: JobBatch, call: number) => string | null; beforeSend?: (call: number) => void } = {}) {
  const pending = new Set<string>();
  const joined = new Set<string>();
  const sent: string[][] = [];
  const stored: InviteJob[] = [];
  let calls = 0;
  const ports: RunnerPorts = {
    async save(_previous, next) {
      stored.push(next);
    },
    async sendBatch(batch: JobBatch, rows: readonly JobRow[], signal: AbortSignal, beforeSend: () => Promise<boolean>): Promise<SendOutcome> {
      calls += 1;
      // What the store held when the wizard was touched: every row of the batch already 'sending'.
      const last = stored.at(-1)!;
      for (const row of rows) expect(last.rows.find((r) => r.row === row.row)!.state.kind).toBe('sending');
      options.beforeSend?.(calls);
      if (signal.aborted) return { ok: false, reason: 'Cancelled.', aborted: true };
      if (!(await beforeSend())) return { ok: false, reason: 'Held before Send.', aborted: true };
      const reason = options.fail?.(batch, calls) ?? null;
      if (reason) return { ok: false, reason };
      sent.push(rows.map((row) => row.email));
      for (const row of rows) pending.add(row.email.toLowerCase());
      return { ok: true };
    },
    async pendingAmong(emails) {
      return emails.filter((email) => pending.has(email.toLowerCase()));
    },
    async allPending() {
      return [...pending];
    },
    async membershipAmong(emails) {
      const lower = emails.map((email) => email.toLowerCase());
      return { pending: lower.filter((email) => pending.has(email)), joined: lower.filter((email) => joined.has(email)) };
    },
    now: () => '2026-11-29T10:00:01.000Z',
    onChange() {},
  };
  return { ports, pending, joined, sent, stored };
}

const flat = (sent: string[][]) => sent.flat().sort();

describe('invite runner', () => {
  it('sends every queued row exactly once, batch by batch, and verifies it', async () => {
    const job = makeJob(7);
    const fake = fakeConsole();
    const done = await createInviteRunner(job, fake.ports).run();
    expect(done.status).toBe('done');
    expect(fake.sent.map((batch) => batch.length)).toEqual([3, 3, 1]);
    expect(flat(fake.sent)).toEqual(Array.from({ length: 7 }, (_, i) => `person${i + 1}@example.com`).sort());
    expect(jobCounts(done)).toMatchObject({ verified: 7, skipped: 1, failed: 0, queued: 0 });
    // Stored before anything was sent.
    expect(fake.stored[0]!.rows.every((row) => row.state.kind !== 'sending')).toBe(true);
  });

  it('fails only the batch the console refused, goes on, and Retry failed sends those rows', async () => {
    const fake = fakeConsole({ fail: (_batch, call) => (call === 2 ? 'Nothing was sent. Something went wrong (HTTP 500).' : null) });
    const runner = createInviteRunner(makeJob(7), fake.ports);
    let job = await runner.run();
    expect(job.status).toBe('done');
    const failed = job.rows.filter((row) => row.state.kind === 'failed');
    expect(failed.map((row) => row.email)).toEqual(['person4@example.com', 'person5@example.com', 'person6@example.com']);
    expect(failed[0]!.state).toEqual({ kind: 'failed', reason: 'Nothing was sent. Something went wrong (HTTP 500).' });
    await runner.retryFailed();
    job = await runner.run();
    expect(jobCounts(job)).toMatchObject({ verified: 7, failed: 0 });
    expect(flat(fake.sent)).toEqual(Array.from({ length: 7 }, (_, i) => `person${i + 1}@example.com`).sort());
  });

  it('pauses after three failed batches in a row, saying why', async () => {
    const fake = fakeConsole({ fail: () => 'Landmark missing: "Invite New Users" button.' });
    const job = await createInviteRunner(makeJob(12), fake.ports).run();
    expect(job.status).toBe('paused');
    expect(job.pauseReason).toMatch(/3 batches in a row failed.*Invite New Users/);
    expect(jobCounts(job)).toMatchObject({ failed: 9, queued: 3 });
  });

  it('after a crash mid-batch, rows that went out are marked done and the rest sent once', async () => {
    const fake = fakeConsole();
    // First run: the page dies right after the console accepted batch 2 (the runner never hears back).
    let crash = false;
    const crashing: RunnerPorts = {
      ...fake.ports,
      async sendBatch(batch, rows, signal, beforeSend) {
        const outcome = await fake.ports.sendBatch(batch, rows, signal, beforeSend);
        if (fake.sent.length === 2) {
          crash = true;
          return new Promise<SendOutcome>(() => undefined);
        }
        return outcome;
      },
    };
    void createInviteRunner(makeJob(7), crashing).run();
    await expect.poll(() => crash).toBe(true);
    const stored = fake.stored.at(-1)!;
    expect(stored.rows.filter((row) => row.state.kind === 'sending')).toHaveLength(3);

    // Back on the page: a new runner from what was stored.
    const resumed = await createInviteRunner(stored, fake.ports).run();
    expect(resumed.status).toBe('done');
    expect(jobCounts(resumed)).toMatchObject({ verified: 7 });
    const all = fake.sent.flat();
    expect(new Set(all).size).toBe(all.length);
    expect(all).toHaveLength(7);
  });

  it('rows caught sending whose emails are not pending go back to the queue and are sent once', async () => {
    const fake = fakeConsole();
    let crash = false;
    const crashing: RunnerPorts = {
      ...fake.ports,
      async sendBatch(batch, rows, signal, beforeSend) {
        if (fake.sent.length === 1) {
          crash = true; // dies before Send
          return new Promise<SendOutcome>(() => undefined);
        }
        return fake.ports.sendBatch(batch, rows, signal, beforeSend);
      },
    };
    void createInviteRunner(makeJob(7), crashing).run();
    await expect.poll(() => crash).toBe(true);
    const resumed = await createInviteRunner(fake.stored.at(-1)!, fake.ports).run();
    expect(jobCounts(resumed)).toMatchObject({ verified: 7 });
    expect(fake.sent.flat()).toHaveLength(7);
  });

  it('does not send an email that became pending before its batch (another tab, a colleague)', async () => {
    const fake = fakeConsole({
      beforeSend: (call) => {
        if (call === 1) fake.pending.add('person5@example.com');
      },
    });
    const job = await createInviteRunner(makeJob(7), fake.ports).run();
    expect(jobCounts(job)).toMatchObject({ verified: 7 });
    expect(fake.sent.flat()).not.toContain('person5@example.com');
    expect(fake.sent.flat()).toHaveLength(6);
  });

  it('cancel stops before the next Send; queued rows are never sent', async () => {
    const fake = fakeConsole();
    const runner = createInviteRunner(makeJob(7), {
      ...fake.ports,
      async sendBatch(batch, rows, signal, beforeSend) {
        if (fake.sent.length === 1) runner.cancel();
        return fake.ports.sendBatch(batch, rows, signal, beforeSend);
      },
    });
    const job = await runner.run();
    expect(job.status).toBe('cancelled');
    expect(fake.sent).toHaveLength(1);
    expect(jobCounts(job)).toMatchObject({ verified: 3, queued: 4, sending: 0 });
  });

  it('pause stops after the batch in progress; run resumes', async () => {
    const fake = fakeConsole();
    const runner = createInviteRunner(makeJob(7), {
      ...fake.ports,
      async sendBatch(batch, rows, signal, beforeSend) {
        if (fake.sent.length === 0) runner.pause();
        return fake.ports.sendBatch(batch, rows, signal, beforeSend);
      },
    });
    let job = await runner.run();
    expect(job.status).toBe('paused');
    expect(fake.sent).toHaveLength(1);
    expect(jobCounts(job)).toMatchObject({ verified: 3 });
    job = await runner.run();
    expect(job.status).toBe('done');
    expect(fake.sent.flat()).toHaveLength(7);
  });

  it('a failure of its own (the data endpoint) pauses with the reason and loses nothing', async () => {
    const fake = fakeConsole();
    let failPending = true;
    const ports: RunnerPorts = {
      ...fake.ports,
      async pendingAmong(emails) {
        if (fake.sent.length === 1 && failPending) throw new Error('OrgMembers: the server answered HTTP 503 three times.');
        return fake.ports.pendingAmong(emails);
      },
    };
    const runner = createInviteRunner(makeJob(7), ports);
    let job = await runner.run();
    expect(job.status).toBe('paused');
    expect(job.pauseReason).toMatch(/HTTP 503.*Nothing was lost/);
    expect(jobCounts(job)).toMatchObject({ sent: 3 });
    failPending = false;
    job = await runner.run();
    expect(job.status).toBe('done');
    expect(fake.sent.flat()).toHaveLength(7);
  });

  it('asks about the next batch while this one is sent, and proves each batch before the one after it is sent', async () => {
    const fake = fakeConsole();
    const events: string[] = [];
    const job = await createInviteRunner(makeJob(7), {
      ...fake.ports,
      async pendingAmong(emails) {
        events.push(`ask ${emails.join(' ')}`);
        return fake.ports.pendingAmong(emails);
      },
      async sendBatch(batch, rows, signal, beforeSend) {
        const outcome = await fake.ports.sendBatch(batch, rows, signal, async () => {
          const go = await beforeSend();
          events.push(`send ${rows.map((row) => row.email).join(' ')}`);
          return go;
        });
        return outcome;
      },
    }).run();
    expect(job.status).toBe('done');
    const [b1, b2, b3] = fake.sent.map((batch) => batch.join(' '));
    // Each batch's check is asked before the batch before it goes out; each proof before the next Send.
    expect(events).toEqual([`ask ${b1}`, `ask ${b2}`, `send ${b1}`, `ask ${b1}`, `ask ${b3}`, `send ${b2}`, `ask ${b2}`, `send ${b3}`, `ask ${b3}`]);
    expect(jobCounts(job)).toMatchObject({ verified: 7 });
  });
});

describe('invite runner, failures told truthfully', () => {
  it('a batch whose answer was lost after the console made the invites ends invited, not failed, and is not sent again', async () => {
    const fake = fakeConsole();
    let checks = 0;
    const ports: RunnerPorts = {
      ...fake.ports,
      async sendBatch(batch, rows, signal, beforeSend) {
        const outcome = await fake.ports.sendBatch(batch, rows, signal, beforeSend);
        // The console made batch 2's invites, then its answer was lost (a 502, a dropped connection).
        return fake.sent.length === 2 ? { ok: false, reason: 'Nothing was sent. Something went wrong on our side (HTTP 502). Try again.' } : outcome;
      },
      async membershipAmong(emails) {
        checks += 1;
        return fake.ports.membershipAmong(emails);
      },
    };
    const job = await createInviteRunner(makeJob(7), ports).run();
    expect(checks).toBe(1);
    expect(job.status).toBe('done');
    expect(job.consecutiveFailedBatches).toBe(0);
    expect(jobCounts(job)).toMatchObject({ verified: 7, failed: 0 });
    expect(fake.sent.flat()).toHaveLength(7);
  });

  it('after a failure at Send, rows found pending are invited, rows found joined are skipped as members, only the others fail', async () => {
    const fake = fakeConsole();
    const ports: RunnerPorts = {
      ...fake.ports,
      async sendBatch(batch, rows, signal, beforeSend) {
        if (!(await beforeSend())) return { ok: false, reason: 'held', aborted: true };
        if (rows[0]!.email !== 'person1@example.com') return fake.ports.sendBatch(batch, rows, signal, async () => true);
        // The first batch: one invite made before the console gave up, one person had joined meanwhile.
        fake.pending.add('person1@example.com');
        fake.joined.add('person2@example.com');
        return { ok: false, reason: 'The console did not answer Send within 60 s.' };
      },
    };
    const job = await createInviteRunner(makeJob(7), ports).run();
    const state = (email: string) => job.rows.find((row) => row.email === email)!.state;
    expect(state('person1@example.com')).toEqual({ kind: 'verified' });
    expect(state('person2@example.com')).toEqual({ kind: 'skipped', reason: 'Already a member of the org: nothing to send.' });
    expect(state('person3@example.com')).toEqual({ kind: 'failed', reason: 'The console did not answer Send within 60 s.' });
    expect(job.consecutiveFailedBatches).toBe(0); // the later batches went through
    expect(jobCounts(job)).toMatchObject({ verified: 5, failed: 1 });
  });

  it('a failure before Send (the form could not be filled) fails the batch without asking who joined', async () => {
    const fake = fakeConsole();
    const asked: string[][] = [];
    const job = await createInviteRunner(makeJob(4), {
      ...fake.ports,
      async sendBatch() {
        return { ok: false, reason: 'The console\'s "Invite New Users" button is not in the page.' };
      },
      async membershipAmong(emails) {
        asked.push([...emails]);
        return fake.ports.membershipAmong(emails);
      },
    }).run();
    expect(asked).toEqual([]);
    expect(jobCounts(job)).toMatchObject({ failed: 4 });
  });

  it('a failed check after a lost answer pauses the run with the rows unresolved, and Resume settles them without sending twice', async () => {
    const fake = fakeConsole();
    let down = true;
    const runner = createInviteRunner(makeJob(4), {
      ...fake.ports,
      async sendBatch(batch, rows, signal, beforeSend) {
        const outcome = await fake.ports.sendBatch(batch, rows, signal, beforeSend);
        return fake.sent.length === 1 ? { ok: false, reason: 'Could not reach Amplitude.' } : outcome;
      },
      async membershipAmong(emails) {
        if (down) throw new Error('Users: the server answered HTTP 503.');
        return fake.ports.membershipAmong(emails);
      },
    });
    let job = await runner.run();
    expect(job.status).toBe('paused');
    expect(jobCounts(job)).toMatchObject({ sending: 3, failed: 0 });
    down = false;
    job = await runner.run();
    expect(jobCounts(job)).toMatchObject({ verified: 4, failed: 0 });
    expect(fake.sent.flat()).toHaveLength(4);
  });
});

describe('invite runner, the page and the lease', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('the page left while a batch is filled in: nothing is sent while it is gone, the batch goes back to the queue, the run pauses; back on the page it finishes, each once', async () => {
    const fake = fakeConsole();
    let present = true;
    let left = false;
    const runner = createInviteRunner(makeJob(7), {
      ...fake.ports,
      onPage: () => present,
      async sendBatch(batch, rows, signal, beforeSend) {
        if (fake.sent.length === 1 && !left) {
          left = true;
          present = false; // the admin goes to another settings page: the wizard disappears mid-form
          return { ok: false, reason: 'The "Invite New Users" dialog did not open.' };
        }
        return fake.ports.sendBatch(batch, rows, signal, beforeSend);
      },
    });
    let job = await runner.run();
    expect(job.status).toBe('paused');
    expect(job.pauseReason).toMatch(/Members page was left/);
    expect(jobCounts(job)).toMatchObject({ verified: 3, queued: 4, failed: 0, sending: 0 });
    expect(fake.sent).toHaveLength(1);

    present = true;
    job = await runner.run();
    expect(job.status).toBe('done');
    expect(jobCounts(job)).toMatchObject({ verified: 7 });
    expect(fake.sent.flat()).toHaveLength(7);
  });

  it('the page left while Send waits for its answer: rows not yet pending are put back, not failed, and not sent again once the answer lands', async () => {
    const fake = fakeConsole();
    let present = true;
    let late: (() => void) | null = null;
    const runner = createInviteRunner(makeJob(7), {
      ...fake.ports,
      onPage: () => present,
      async sendBatch(batch, rows, signal, beforeSend) {
        if (fake.sent.length === 1 && present) {
          if (!(await beforeSend())) return { ok: false, reason: 'held', aborted: true };
          // Send pressed; the page goes away before the console answers (the wizard vanishes: read as sent).
          fake.sent.push(rows.map((row) => row.email));
          late = () => rows.forEach((row) => fake.pending.add(row.email));
          present = false;
          return { ok: true };
        }
        return fake.ports.sendBatch(batch, rows, signal, beforeSend);
      },
    });
    let job = await runner.run();
    expect(job.status).toBe('paused');
    expect(jobCounts(job)).toMatchObject({ verified: 3, queued: 4, failed: 0 });

    late!(); // the console's answer was only slow
    present = true;
    job = await runner.run();
    expect(jobCounts(job)).toMatchObject({ verified: 7, failed: 0 });
    const all = fake.sent.flat();
    expect(new Set(all).size).toBe(all.length);
    expect(all).toHaveLength(7);
  });

  it('hold (the page is going) stops the batch being filled in before its Send: it goes back to the queue, and the run waits for the page', async () => {
    const fake = fakeConsole();
    let present = true;
    let waits = 0;
    const runner = createInviteRunner(makeJob(7), {
      ...fake.ports,
      onPage: () => present,
      async waitForPage() {
        waits += 1;
        return present;
      },
      async sendBatch(batch, rows, signal, beforeSend) {
        if (fake.sent.length === 1 && waits === 2) {
          present = false;
          runner.hold(); // the panel went while the wizard was being filled in
          expect(signal.aborted).toBe(true);
          return { ok: false, reason: 'Stopped before Send.', aborted: true };
        }
        return fake.ports.sendBatch(batch, rows, signal, beforeSend);
      },
    });
    let job = await runner.run();
    expect(job.status).toBe('paused');
    expect(jobCounts(job)).toMatchObject({ verified: 3, queued: 4, failed: 0 });
    present = true;
    job = await runner.run();
    expect(jobCounts(job)).toMatchObject({ verified: 7 });
    expect(fake.sent.flat()).toHaveLength(7);
  });

  it('renews its lease while a slow Send waits, and stops the heartbeat when the run ends', async () => {
    vi.useFakeTimers();
    const fake = fakeConsole();
    const renewals: string[] = [];
    let answer: (() => void) | null = null;
    const runner = createInviteRunner(makeJob(3), {
      ...fake.ports,
      leaseRenewMs: 1_000,
      async renewLease(jobId) {
        renewals.push(jobId);
      },
      async sendBatch(batch, rows, signal, beforeSend) {
        if (!(await beforeSend())) return { ok: false, reason: 'held', aborted: true };
        await new Promise<void>((resolve) => (answer = resolve)); // a Send that takes long to answer
        return fake.ports.sendBatch(batch, rows, signal, async () => true);
      },
    });
    const done = runner.run();
    await vi.waitFor(() => expect(answer).not.toBeNull());
    const beforeWait = renewals.length; // the confirmation right before Send
    await vi.advanceTimersByTimeAsync(3_500);
    expect(renewals.slice(beforeWait)).toEqual(['job-1', 'job-1', 'job-1']);
    answer!();
    expect((await done).status).toBe('done');
    const atEnd = renewals.length;
    await vi.advanceTimersByTimeAsync(5_000);
    expect(renewals).toHaveLength(atEnd);
  });

  it('confirms its lease right before each Send: taken over meanwhile, it holds the batch and stops', async () => {
    const fake = fakeConsole();
    let renewals = 0;
    const job = await createInviteRunner(makeJob(7), {
      ...fake.ports,
      async renewLease() {
        renewals += 1;
        if (renewals === 2) throw new LeaseLost('This bulk invite is running in another tab; it goes on there.');
      },
    }).run();
    expect(fake.sent).toHaveLength(1);
    expect(job.status).toBe('paused');
    expect(job.pauseReason).toMatch(/running in another tab/);
    expect(jobCounts(job)).toMatchObject({ verified: 3, failed: 0 });
  });

  it('a runner that lost its lease (another tab took the job) sends nothing more and stops', async () => {
    vi.useFakeTimers();
    const fake = fakeConsole();
    let lost = false;
    let release: (() => void) | null = null;
    const runner = createInviteRunner(makeJob(7), {
      ...fake.ports,
      leaseRenewMs: 1_000,
      async renewLease() {
        if (lost) throw new LeaseLost('This bulk invite is running in another tab; it goes on there.');
      },
      async sendBatch(batch, rows, signal, beforeSend) {
        if (fake.sent.length === 1) {
          // Batch 2's form is filled slowly; meanwhile the lease goes to another tab.
          await new Promise<void>((resolve) => (release = resolve));
        }
        return fake.ports.sendBatch(batch, rows, signal, beforeSend);
      },
    });
    const done = runner.run();
    await vi.waitFor(() => expect(release).not.toBeNull());
    lost = true;
    await vi.advanceTimersByTimeAsync(1_500);
    release!();
    const job = await done;
    expect(job.status).toBe('paused');
    expect(job.pauseReason).toMatch(/running in another tab/);
    expect(fake.sent).toHaveLength(1);
  });
});
