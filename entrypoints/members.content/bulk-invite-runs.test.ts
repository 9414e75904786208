// @vitest-environment node
/** The tab's bulk-invite runs: one runner per job across visits of the page, attached to one panel at a time. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OrgSnapshot } from '@/utils/access/model';
import type { InviteJob } from '@/utils/invite/job';
import type { InviteRunner } from '@/utils/invite/runner';
import { forgetTabRun, PAGE_WAIT_MS, tabRunFor, tabRunOf, type RunHooks, type RunWatcher } from './bulk-invite-runs';

const job = (id: string) => ({ id, status: 'ready' }) as unknown as InviteJob;
const snapshot = { org: { url: 'acme' } } as unknown as OrgSnapshot;

/** A runner whose run ends when the test says; records holds. */
function fakeRunner(initial: InviteJob) {
  let finish: ((job: InviteJob) => void) | null = null;
  const runner = {
    job: initial,
    running: false,
    holds: 0,
    run: vi.fn(async () => {
      runner.running = true;
      const final = await new Promise<InviteJob>((resolve) => (finish = resolve));
      runner.running = false;
      return final;
    }),
    pause: vi.fn(),
    cancel: vi.fn(),
    hold: () => void (runner.holds += 1),
    retryFailed: vi.fn(async () => undefined),
  };
  return { runner: runner as InviteRunner & { holds: number }, finish: (final: InviteJob) => finish?.(final) };
}

function watcher(reachable = true) {
  const seen: { job: InviteJob; running: boolean }[] = [];
  const ended: InviteJob[] = [];
  const value: RunWatcher = {
    update: (next, running) => void seen.push({ job: next, running }),
    ended: (final) => void ended.push(final),
    snapshot: () => snapshot,
    wizardReachable: () => reachable,
  };
  return { value, seen, ended };
}

let org = 0;
afterEach(() => vi.useRealTimers());

describe("the tab's bulk-invite runs", () => {
  it('one run per job: the panel of a later visit finds the same runner; another job replaces a stopped run only', async () => {
    const orgUrl = `org-${++org}`;
    let hooks!: RunHooks;
    const fake = fakeRunner(job('j1'));
    const make = vi.fn((given: RunHooks) => ((hooks = given), fake.runner));
    const run = tabRunOf(orgUrl, job('j1'), make);
    run.start();
    expect(tabRunOf(orgUrl, job('j1'), make)).toBe(run);
    expect(tabRunOf(orgUrl, job('j2'), make)).toBe(run); // running: never a second runner
    expect(tabRunFor(orgUrl)).toBe(run);
    expect(make).toHaveBeenCalledTimes(1);
    run.start(); // already running: not started twice
    expect(fake.runner.run).toHaveBeenCalledTimes(1);

    hooks.onChange(job('j1-step'));
    expect(run.job.id).toBe('j1-step');
    fake.finish(job('j1-done'));
    await vi.waitFor(() => expect(fake.runner.running).toBe(false));
    forgetTabRun(orgUrl);
    expect(tabRunFor(orgUrl)).toBeNull();
  });

  it('reports to the panel attached now; the page is "here" only while one is, and a panel leaving holds the batch before its Send', async () => {
    const orgUrl = `org-${++org}`;
    let hooks!: RunHooks;
    const fake = fakeRunner(job('j'));
    const run = tabRunOf(orgUrl, job('j'), (given) => ((hooks = given), fake.runner));
    run.start();
    const first = watcher();
    const detachFirst = run.attach(first.value);
    expect(hooks.onPage()).toBe(true);
    hooks.onChange(job('step-1'));
    detachFirst();
    expect(fake.runner.holds).toBe(1);
    expect(hooks.onPage()).toBe(false);
    hooks.onChange(job('step-2')); // nobody to tell, but kept
    expect(hooks.snapshot()).toBe(snapshot); // the last visit's org, for names

    const second = watcher();
    run.attach(second.value);
    expect(run.job.id).toBe('step-2');
    hooks.onChange(job('step-3'));
    fake.finish(job('done'));
    await vi.waitFor(() => expect(second.ended).toHaveLength(1));
    expect(first.seen.map((s) => s.job.id)).toEqual(['step-1']);
    expect(second.seen.map((s) => s.job.id)).toEqual(['step-3']);
    expect(first.ended).toEqual([]);
  });

  it('before a batch, waits for the page to be back (and able to open the wizard), up to PAGE_WAIT_MS', async () => {
    vi.useFakeTimers();
    const orgUrl = `org-${++org}`;
    let hooks!: RunHooks;
    const run = tabRunOf(orgUrl, job('j'), (given) => ((hooks = given), fakeRunner(job('j')).runner));

    const gone = hooks.waitForPage();
    await vi.advanceTimersByTimeAsync(PAGE_WAIT_MS + 200);
    expect(await gone).toBe(false);

    const back = hooks.waitForPage();
    await vi.advanceTimersByTimeAsync(1_000);
    let reachable = false;
    run.attach({ ...watcher().value, wizardReachable: () => reachable });
    await vi.advanceTimersByTimeAsync(1_000);
    reachable = true; // the console rendered its invite button
    await vi.advanceTimersByTimeAsync(200);
    expect(await back).toBe(true);
  });
});
