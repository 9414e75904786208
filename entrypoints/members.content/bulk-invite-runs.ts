/**
 * The bulk-invite runs of this tab, kept for as long as the content script lives, across visits of
 * the Members page. The console is a single-page app: the admin can go to another settings page
 * and come back without a reload, and the panel of the new visit must find the run of the old one
 * (still running, or stopped before its next Send because the page was gone) instead of offering
 * to resume it with a second runner. One run per org; a panel attaches to it while it is shown.
 */
import type { OrgSnapshot } from '@/utils/access/model';
import type { InviteJob } from '@/utils/invite/job';
import type { InviteRunner } from '@/utils/invite/runner';

/** The panel that shows a run, while it is on the page. */
export interface RunWatcher {
  /** Every step of the job, and whether the runner is working on it. */
  update(job: InviteJob, running: boolean): void;
  /** The run stopped (done, paused, cancelled). */
  ended(job: InviteJob): void;
  /** The org as this visit read it: names for the next batch. */
  snapshot(): OrgSnapshot | null;
  /** Whether the console's wizard can be opened here now (its invite button rendered, or the page settled without it). */
  wizardReachable(): boolean;
}

/** What a runner is made with: it reports to whichever panel is attached, and knows whether one is. */
export interface RunHooks {
  onChange(job: InviteJob): void;
  snapshot(): OrgSnapshot;
  /** Whether a panel, so the Members page with the console's wizard, is here. */
  onPage(): boolean;
  /** Before a batch: waits up to PAGE_WAIT_MS for a panel whose page can open the wizard. */
  waitForPage(): Promise<boolean>;
}

/** How long a run waits, before its next batch, for the Members page to be (back) there. */
export const PAGE_WAIT_MS = 5_000;

export interface TabRun {
  readonly runner: InviteRunner;
  /** The job as last reported. */
  readonly job: InviteJob;
  /** Whether the dialog was open when the last panel went: the next one opens it again. */
  dialogOpen: boolean;
  /** Starts (or resumes) the run unless it is running. */
  start(): void;
  /** Shows the run in a panel until the returned function is called (the panel goes). */
  attach(watcher: RunWatcher): () => void;
}

const runs = new Map<string, TabRun>();

export function tabRunFor(orgUrl: string): TabRun | null {
  return runs.get(orgUrl) ?? null;
}

/** Forgets the org's run (a new import replaces a finished one); a running one is kept. */
export function forgetTabRun(orgUrl: string): void {
  if (!runs.get(orgUrl)?.runner.running) runs.delete(orgUrl);
}

/**
 * The run of this job in this tab: the one already here if it is for the same job, else a new one
 * (replacing a stopped run of another job). `makeRunner` is called once, with the hooks.
 */
export function tabRunOf(orgUrl: string, job: InviteJob, makeRunner: (hooks: RunHooks) => InviteRunner): TabRun {
  const existing = runs.get(orgUrl);
  if (existing && existing.job.id === job.id) return existing;
  if (existing?.runner.running) return existing;

  let watcher: RunWatcher | null = null;
  let lastSnapshot: OrgSnapshot | null = null;
  let current = job;
  const runner = makeRunner({
    onChange(next) {
      current = next;
      watcher?.update(next, runner.running);
    },
    snapshot() {
      lastSnapshot = watcher?.snapshot() ?? lastSnapshot;
      if (!lastSnapshot) throw new Error('The org has not been read in this visit yet.');
      return lastSnapshot;
    },
    onPage: () => watcher !== null,
    async waitForPage() {
      const deadline = Date.now() + PAGE_WAIT_MS;
      while (!watcher?.wizardReachable()) {
        if (Date.now() > deadline) return false;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return true;
    },
  });
  const run: TabRun = {
    runner,
    get job() {
      return current;
    },
    dialogOpen: false,
    start() {
      if (runner.running) return;
      void runner.run().then((final) => {
        current = final;
        watcher?.ended(final);
      });
    },
    attach(next) {
      watcher = next;
      lastSnapshot = next.snapshot() ?? lastSnapshot;
      return () => {
        if (watcher !== next) return;
        watcher = null;
        // The page is going: what the wizard was filling in stops before its Send.
        runner.hold();
      };
    },
  };
  runs.set(orgUrl, run);
  return run;
}
