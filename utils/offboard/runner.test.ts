/**
 * The offboarding runner against a fake console (in memory): steps by recipient, the job saved
 * before every confirm, checks in the data after, resume after a reload mid-step without removing
 * anyone twice, a recipient made inactive mid-run, pause, cancel and retry. The real console and
 * dialog are e2e (test/e2e/offboarding.spec.ts).
 */
import { describe, expect, it } from 'vitest';
import type { ContentCounts } from '../access/model';
import type { RemovalResult } from '../amplitude/remove-driver';
import { createOffboardJob, MAX_STEP_PEOPLE, offboardJobCounts, planSteps, type OffboardJob } from './job';
import { offboardResultsCsv } from './results-csv';
import { createOffboardRunner, type OffboardPorts, type StepOrder } from './runner';
import { parseOffboardCsv } from './parse';
import { validateOffboarding } from './validate';
import { CONTENT, counts, NOW, PEOPLE } from './test-fixture';
import { LeaseLost } from '../jobs/job-lease';

function jobFor(csv: string, acknowledged: string[] = []): OffboardJob {
  const parsed = parseOffboardCsv(csv);
  if (!parsed.ok) throw new Error(parsed.error);
  const rows = validateOffboarding({ rows: parsed.rows, people: PEOPLE, viewerId: 'u-1', content: CONTENT, acknowledged: new Set(acknowledged), now: NOW });
  return createOffboardJob({ id: 'job-1', orgUrl: 'demo-org', now: new Date(NOW).toISOString(), rows });
}

/** The org in memory; `remove` acts like the console (atomic, content to the recipient). */
function fakeConsole(options: { inactive?: Set<string>; loseAfterConfirm?: boolean; refuse?: string } = {}) {
  const present = new Map(PEOPLE.map((person) => [person.email, person.status] as const));
  const content = new Map<string, ContentCounts>([...CONTENT].map(([email, owned]) => [email, owned ?? counts(0)]));
  const removals: StepOrder[] = [];
  const saves: OffboardJob[] = [];
  const inactive = options.inactive ?? new Set<string>();
  let confirmHook: (() => void) | null = null;
  const ports: OffboardPorts = {
    async save(job) {
      saves.push(structuredClone(job));
    },
    presence: async () => new Map(present),
    content: async (email) => ({ ...(content.get(email) ?? counts(0)) }),
    recentlyActive: async (email) => present.get(email) === 'joined' && !inactive.has(email),
    async remove(order, beforeConfirm, signal): Promise<RemovalResult> {
      if (signal.aborted || !(await beforeConfirm())) return { kind: 'failed', reason: 'held', confirmed: false, aborted: true };
      confirmHook?.();
      if (options.refuse) return { kind: 'refused', reason: options.refuse, confirmed: true };
      removals.push(order);
      for (const email of order.emails) {
        if (order.recipient) {
          const from = content.get(email) ?? counts(0);
          const to = content.get(order.recipient)!;
          content.set(order.recipient, { charts: to.charts + from.charts, dashboards: to.dashboards + from.dashboards, cohorts: to.cohorts + from.cohorts, notebooks: to.notebooks + from.notebooks });
        }
        content.delete(email);
        present.delete(email);
      }
      if (options.loseAfterConfirm) throw new Error('the page went away');
      return { kind: 'done' };
    },
    now: () => new Date().toISOString(),
    onChange: () => undefined,
  };
  return { ports, removals, saves, present, content, inactive, onConfirm: (hook: () => void) => (confirmHook = hook) };
}

const states = (job: OffboardJob) => Object.fromEntries(job.rows.map((row) => [`${row.row}:${row.email}`, row.state.kind]));

describe('planSteps', () => {
  it('groups by recipient, revocations and owners of nothing together, each acknowledged removal alone, at most MAX_STEP_PEOPLE a step', () => {
    const job = jobFor('email,transfer_to\ngrace@x.io,ethan@x.io\ngabriel@x.io,ethan@x.io\nemma@x.io,\nryan@x.io,\njonas@x.io,lea@x.io\ndaniel@x.io,', ['daniel@x.io']);
    expect(job.steps.map((step) => [step.view, step.recipient, step.emails, step.acknowledged])).toEqual([
      ['joined', 'ethan@x.io', ['grace@x.io', 'gabriel@x.io'], false],
      ['joined', null, ['emma@x.io'], false],
      ['pending', null, ['ryan@x.io'], false],
      ['joined', 'lea@x.io', ['jonas@x.io'], false],
      ['joined', null, ['daniel@x.io'], true],
    ]);
    const many = Array.from({ length: MAX_STEP_PEOPLE + 3 }, (_, index) => ({ ...job.rows[0]!, email: `p${index}@x.io` }));
    expect(planSteps(many, 1).map((step) => step.emails.length)).toEqual([MAX_STEP_PEOPLE, 3]);
  });
});

describe('createOffboardRunner', () => {
  it('removes step by step, saving each row before the confirm, and checks the content arrived', async () => {
    const fake = fakeConsole();
    const job = jobFor('email,transfer_to\ngrace@x.io,ethan@x.io\ngabriel@x.io,ethan@x.io\nemma@x.io,\nryan@x.io,\nnobody@x.io,');
    const savedBeforeConfirm: string[] = [];
    fake.onConfirm(() => savedBeforeConfirm.push(fake.saves.at(-1)!.rows.filter((row) => row.state.kind === 'removing').map((row) => row.email).join('+')));
    const final = await createOffboardRunner(job, fake.ports).run();
    expect(savedBeforeConfirm).toEqual(['grace@x.io+gabriel@x.io', 'emma@x.io', 'ryan@x.io']);
    expect(final.status).toBe('done');
    expect(states(final)).toEqual({ '1:grace@x.io': 'removed', '2:gabriel@x.io': 'removed', '3:emma@x.io': 'removed', '4:ryan@x.io': 'removed', '5:nobody@x.io': 'invalid' });
    expect(fake.content.get('ethan@x.io')).toEqual(counts(3 + 48 + 5, 12 + 1, 9, 4));
    expect(offboardJobCounts(final)).toMatchObject({ removed: 4, failed: 0, left: 0, invalid: 1 });
    const csv = offboardResultsCsv(final, { notAcknowledged: 'not acknowledged' });
    expect(csv.split('\r\n')[1]).toContain('grace@x.io,ethan@x.io,,removed,');
  });

  it('fails only the rows of a recipient who became inactive mid-run', async () => {
    const fake = fakeConsole();
    const job = jobFor('email,transfer_to\ngrace@x.io,ethan@x.io\njonas@x.io,lea@x.io\nemma@x.io,lea@x.io');
    fake.onConfirm(() => fake.inactive.add('lea@x.io'));
    const final = await createOffboardRunner(job, fake.ports).run();
    expect(states(final)).toEqual({ '1:grace@x.io': 'removed', '2:jonas@x.io': 'failed', '3:emma@x.io': 'failed' });
    expect(final.rows[1]!.state).toMatchObject({ reason: expect.stringContaining('lea@x.io') });
    expect(fake.present.has('jonas@x.io')).toBe(true);
  });

  it('after a reload between confirm and check, decides from the data and never removes twice', async () => {
    const fake = fakeConsole({ loseAfterConfirm: true });
    const job = jobFor('email,transfer_to\ngrace@x.io,ethan@x.io\nemma@x.io,');
    const stopped = await createOffboardRunner(job, fake.ports).run();
    // The page went away right after the console acted: the saved job says "removing".
    expect(fake.saves.at(-1)!.rows[0]!.state.kind).toBe('removing');
    expect(stopped.status).toBe('paused');
    const resumed = fakeConsole();
    // The same org as the first page left it.
    resumed.present.clear();
    for (const [email, status] of fake.present) resumed.present.set(email, status);
    resumed.content.clear();
    for (const [email, owned] of fake.content) resumed.content.set(email, owned);
    const final = await createOffboardRunner(fake.saves.at(-1)!, resumed.ports).run();
    expect(states(final)).toEqual({ '1:grace@x.io': 'removed', '2:emma@x.io': 'removed' });
    expect(resumed.removals.map((order) => order.emails)).toEqual([['emma@x.io']]);
  });

  it('reports people already gone instead of skipping them silently', async () => {
    const fake = fakeConsole();
    fake.present.delete('emma@x.io');
    const final = await createOffboardRunner(jobFor('email\nemma@x.io'), fake.ports).run();
    expect(final.rows[0]!.state).toMatchObject({ kind: 'skipped' });
    expect(fake.removals).toEqual([]);
  });

  it('fails the rows with the console\'s words when it refuses, and retries them on demand', async () => {
    const refusing = fakeConsole({ refuse: 'Only Admins can remove an Admin (Daniel Reyes).' });
    const runner = createOffboardRunner(jobFor('email,transfer_to\ndaniel@x.io,ethan@x.io'), refusing.ports);
    const failed = await runner.run();
    expect(failed.rows[0]!.state).toEqual({ kind: 'failed', reason: 'Only Admins can remove an Admin (Daniel Reyes).' });
    const retried = await runner.retryFailed();
    expect(retried.rows[0]!.state.kind).toBe('queued');
    expect(retried.steps.filter((step) => step.state === 'queued')).toHaveLength(1);
  });

  it('pauses and cancels between steps, never mid-dialog', async () => {
    const fake = fakeConsole();
    const runner = createOffboardRunner(jobFor('email,transfer_to\ngrace@x.io,ethan@x.io\nemma@x.io,\nryan@x.io,'), fake.ports);
    fake.onConfirm(() => runner.pause());
    const paused = await runner.run();
    expect(paused.status).toBe('paused');
    expect(states(paused)).toMatchObject({ '1:grace@x.io': 'removed', '2:emma@x.io': 'queued' });
    fake.onConfirm(() => runner.cancel());
    const cancelled = await runner.run();
    expect(cancelled.status).toBe('cancelled');
    expect(states(cancelled)).toMatchObject({ '2:emma@x.io': 'removed', '3:ryan@x.io': 'cancelled' });
  });
});

describe('one round of reads between two steps', () => {
  /** The fake console, logging every read and removal in the order they are made. */
  function loggedConsole() {
    const fake = fakeConsole();
    const log: string[] = [];
    const { presence, content, recentlyActive, remove } = fake.ports;
    fake.ports.presence = () => (log.push('presence'), presence());
    fake.ports.content = (email) => (log.push(`content ${email}`), content(email));
    fake.ports.recentlyActive = (email) => (log.push(`active ${email}`), recentlyActive(email));
    fake.ports.remove = async (order, beforeConfirm, signal) => {
      const result = await remove(order, beforeConfirm, signal);
      log.push(`removed ${order.emails.join('+')}`);
      return result;
    };
    return { ...fake, log };
  }

  it("reads who is there once per step: the check after a step is the next step's read, made after the console acted", async () => {
    const fake = loggedConsole();
    const final = await createOffboardRunner(jobFor('email,transfer_to\ngrace@x.io,ethan@x.io\njonas@x.io,lea@x.io\nemma@x.io,'), fake.ports).run();
    expect(states(final)).toEqual({ '1:grace@x.io': 'removed', '2:jonas@x.io': 'removed', '3:emma@x.io': 'removed' });
    // Three steps: one read before the first, one after each (the next step's "who is still there").
    expect(fake.log.filter((entry) => entry === 'presence')).toHaveLength(4);
    // Lea's content before her step and after it; her step's reads come after Grace's removal.
    expect(fake.log.filter((entry) => entry === 'content lea@x.io')).toHaveLength(2);
    const graceRemoved = fake.log.indexOf('removed grace@x.io');
    for (const read of ['active lea@x.io', 'content lea@x.io', 'content jonas@x.io']) expect(fake.log.indexOf(read)).toBeGreaterThan(graceRemoved);
    expect(fake.content.get('lea@x.io')).toEqual(counts(2));
  });

  it("uses the recipient's content after one step as the before of the next step to them", async () => {
    const fake = loggedConsole();
    const job = jobFor('email,transfer_to\ngrace@x.io,ethan@x.io\ngabriel@x.io,ethan@x.io');
    // Two steps to Ethan: one person each.
    const split: OffboardJob = { ...job, steps: job.steps.flatMap((step) => step.emails.map((email, index) => ({ ...step, id: step.id * 10 + index, emails: [email] }))) };
    const final = await createOffboardRunner(split, fake.ports).run();
    expect(states(final)).toEqual({ '1:grace@x.io': 'removed', '2:gabriel@x.io': 'removed' });
    // Before the first, after the first (= before the second), after the second.
    expect(fake.log.filter((entry) => entry === 'content ethan@x.io')).toHaveLength(3);
    expect(final.rows[1]!.state).toMatchObject({ kind: 'removed', detail: expect.stringContaining('6') });
    expect(fake.content.get('ethan@x.io')).toEqual(counts(3 + 48 + 5, 12 + 1, 9, 4));
  });

  it("prepares the next step's dialog while the step before is checked; its confirm waits for that check and its saved rows", async () => {
    const fake = fakeConsole();
    const events: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let presenceCalls = 0;
    const { presence, remove, save } = fake.ports;
    fake.ports.presence = async () => {
      presenceCalls += 1;
      if (presenceCalls === 2) {
        // The check after Grace's step: held until the next dialog is under way.
        events.push('check held');
        await held;
        events.push('check read');
      }
      return presence();
    };
    fake.ports.save = async (job) => {
      if (job.rows.some((row) => row.email === 'grace@x.io' && row.state.kind === 'removed') && !events.includes('grace saved removed')) events.push('grace saved removed');
      return save(job);
    };
    fake.ports.remove = async (order, beforeConfirm, signal) => {
      events.push(`dialog ${order.emails.join('+')}`);
      if (order.emails[0] === 'emma@x.io') release();
      return remove(
        order,
        async () => {
          const ok = await beforeConfirm();
          events.push(`confirm ${order.emails.join('+')}`);
          return ok;
        },
        signal,
      );
    };
    const final = await createOffboardRunner(jobFor('email,transfer_to\ngrace@x.io,ethan@x.io\nemma@x.io,'), fake.ports).run();
    expect(states(final)).toEqual({ '1:grace@x.io': 'removed', '2:emma@x.io': 'removed' });
    expect(events).toEqual(['dialog grace@x.io', 'confirm grace@x.io', 'check held', 'dialog emma@x.io', 'check read', 'grace saved removed', 'confirm emma@x.io']);
  });

  it('a check of the step before whose read fails holds the next confirm and stops the run', async () => {
    const fake = fakeConsole();
    let presenceCalls = 0;
    const { presence } = fake.ports;
    fake.ports.presence = async () => {
      presenceCalls += 1;
      if (presenceCalls === 2) throw new Error('the console did not answer');
      return presence();
    };
    const final = await createOffboardRunner(jobFor('email,transfer_to\ngrace@x.io,ethan@x.io\nemma@x.io,'), fake.ports).run();
    expect(fake.removals.map((order) => order.emails)).toEqual([['grace@x.io']]);
    expect(final.status).toBe('paused');
    // Grace stays "removing" (a resume decides her from the data); Emma was never confirmed.
    expect(fake.saves.at(-1)!.rows.map((row) => row.state.kind)).toEqual(['removing', 'queued']);
    expect(fake.present.has('emma@x.io')).toBe(true);
  });

  it('someone gone before their step: the dialog is not confirmed, they are reported, the others go in a dialog of their own', async () => {
    const fake = fakeConsole();
    const dialogs: string[][] = [];
    const { remove } = fake.ports;
    fake.ports.remove = async (order, beforeConfirm, signal) => {
      dialogs.push(order.emails);
      // As the console's list would: someone who is gone cannot be selected.
      if (order.emails.some((email) => !fake.present.has(email))) return { kind: 'failed', reason: 'not in the list', confirmed: false };
      return remove(order, beforeConfirm, signal);
    };
    fake.present.delete('gabriel@x.io');
    const final = await createOffboardRunner(jobFor('email,transfer_to\ngrace@x.io,ethan@x.io\ngabriel@x.io,ethan@x.io'), fake.ports).run();
    expect(states(final)).toEqual({ '1:grace@x.io': 'removed', '2:gabriel@x.io': 'skipped' });
    expect(dialogs).toEqual([['grace@x.io', 'gabriel@x.io'], ['grace@x.io']]);
    expect(fake.content.get('ethan@x.io')).toEqual(counts(3 + 48, 12, 9, 4));
  });

  it('a confirm left unanswered (the page went) keeps its step "removing" and stops; the resume decides it from the data', async () => {
    const fake = fakeConsole();
    const { remove } = fake.ports;
    let leave = true;
    fake.ports.remove = async (order, beforeConfirm, signal) => {
      if (!leave) return remove(order, beforeConfirm, signal);
      leave = false;
      // Confirmed, and the console acts, but the dialog went with the page before its answer.
      await remove(order, beforeConfirm, signal);
      return { kind: 'failed', reason: 'the page was left', confirmed: true, unanswered: true };
    };
    const runner = createOffboardRunner(jobFor('email,transfer_to\ngrace@x.io,ethan@x.io\nemma@x.io,'), fake.ports);
    const paused = await runner.run();
    expect(paused.status).toBe('paused');
    expect(states(paused)).toEqual({ '1:grace@x.io': 'removing', '2:emma@x.io': 'queued' });
    expect(fake.saves.at(-1)!.steps.map((step) => step.state)).toEqual(['removing', 'queued']);
    const final = await runner.run();
    expect(states(final)).toEqual({ '1:grace@x.io': 'removed', '2:emma@x.io': 'removed' });
    expect(final.rows[0]!.state).toMatchObject({ detail: expect.stringContaining('ethan@x.io') });
    expect(fake.removals.map((order) => order.emails)).toEqual([['grace@x.io'], ['emma@x.io']]);
  });

  it('a save of a checked step that fails holds the next confirm and stops the run; nothing more is saved', async () => {
    const fake = fakeConsole();
    const saved: OffboardJob[] = [];
    let attempts = 0;
    fake.ports.save = async (job) => {
      attempts += 1;
      // The save that says the first step's person is removed (made without holding the run) fails.
      if (job.rows.some((row) => row.state.kind === 'removed')) throw new Error('storage is full');
      saved.push(structuredClone(job));
    };
    const runner = createOffboardRunner(jobFor('email,transfer_to\ngrace@x.io,ethan@x.io\nemma@x.io,'), fake.ports);
    const final = await runner.run();
    expect(fake.removals.map((order) => order.emails)).toEqual([['grace@x.io']]);
    expect(final.status).toBe('paused');
    expect(fake.present.has('emma@x.io')).toBe(true);
    // Stored last: Grace "removing" (a resume decides her from the data); no save after the failed one.
    expect(saved.at(-1)!.rows.map((row) => row.state.kind)).toEqual(['removing', 'queued']);
    expect(attempts).toBe(saved.length + 1);
  });
});

/** A console whose dialog takes a while before its confirm (as the real one does): `waitMs` each. */
function slowConsole(waitMs: number) {
  const fake = fakeConsole();
  const remove = fake.ports.remove;
  fake.ports.remove = async (order, beforeConfirm, signal) => {
    await new Promise((resolve) => setTimeout(resolve, waitMs));
    return remove(order, beforeConfirm, signal);
  };
  return fake;
}

describe('one runner per job (the lease)', () => {
  it('a runner whose first save is refused (another tab holds the job) removes nobody, saves nothing more and says so', async () => {
    const fake = fakeConsole();
    let saves = 0;
    let released = 0;
    fake.ports.save = async () => {
      saves += 1;
      throw new LeaseLost('This offboarding run is running in another tab; it goes on there.');
    };
    fake.ports.release = async () => {
      released += 1;
    };
    const runner = createOffboardRunner(jobFor('email,transfer_to\ngrace@x.io,ethan@x.io\nemma@x.io,'), fake.ports);
    const final = await runner.run();
    expect(runner.heldElsewhere).toBe(true);
    expect(fake.removals).toEqual([]);
    expect(saves).toBe(1);
    expect(released).toBe(1);
    // Not said to be paused here: the run is the other tab's.
    expect(final.rows.map((row) => row.state.kind)).toEqual(['queued', 'queued']);
  });

  it('a heartbeat that finds the job taken while a step waits on the console stops that step before its confirm; nothing more is saved', async () => {
    const fake = slowConsole(60);
    let holder = 'me';
    const savedBy: string[] = [];
    fake.ports.save = async (job) => {
      if (holder !== 'me') throw new LeaseLost('held elsewhere');
      savedBy.push(job.status);
    };
    let renewals = 0;
    fake.ports.renewLease = async () => {
      renewals += 1;
      // Another tab took over (this page froze for longer than a lease lasts).
      holder = 'other';
      throw new LeaseLost('held elsewhere');
    };
    fake.ports.leaseRenewMs = 10;
    const runner = createOffboardRunner(jobFor('email,transfer_to\ngrace@x.io,ethan@x.io\nemma@x.io,'), fake.ports);
    await runner.run();
    expect(renewals).toBeGreaterThanOrEqual(1);
    expect(runner.heldElsewhere).toBe(true);
    expect(fake.removals).toEqual([]);
    expect(savedBy).toEqual(['running']);
  });

  it('renews while it runs and lets go when it stops', async () => {
    const fake = slowConsole(40);
    const calls: string[] = [];
    fake.ports.renewLease = async (jobId) => {
      calls.push(`renew ${jobId}`);
    };
    fake.ports.release = async (jobId) => {
      calls.push(`release ${jobId}`);
    };
    fake.ports.leaseRenewMs = 10;
    const runner = createOffboardRunner(jobFor('email,transfer_to\ngrace@x.io,ethan@x.io\nemma@x.io,'), fake.ports);
    const final = await runner.run();
    expect(final.status).toBe('done');
    expect(runner.heldElsewhere).toBe(false);
    expect(calls.filter((call) => call === 'renew job-1').length).toBeGreaterThanOrEqual(2);
    expect(calls.at(-1)).toBe('release job-1');
    const after = calls.length;
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(calls.length).toBe(after);
  });
});

describe('the Members page left mid-run', () => {
  it('pausing while a step waits on the console puts the step back in the queue: nothing fails, nobody is removed, Resume finishes it', async () => {
    const fake = slowConsole(30);
    const runner = createOffboardRunner(jobFor('email,transfer_to\ngrace@x.io,ethan@x.io\nemma@x.io,'), fake.ports);
    const running = runner.run();
    await new Promise((resolve) => setTimeout(resolve, 10));
    // The page goes: the panel pauses the run (offboard-panel.tsx).
    runner.pause();
    const paused = await running;
    expect(paused.status).toBe('paused');
    expect(states(paused)).toEqual({ '1:grace@x.io': 'queued', '2:emma@x.io': 'queued' });
    expect(paused.steps.map((step) => step.state)).toEqual(['queued', 'queued']);
    expect(fake.removals).toEqual([]);
    const final = await runner.run();
    expect(states(final)).toEqual({ '1:grace@x.io': 'removed', '2:emma@x.io': 'removed' });
    expect(fake.removals.map((order) => order.emails)).toEqual([['grace@x.io'], ['emma@x.io']]);
  });
});
