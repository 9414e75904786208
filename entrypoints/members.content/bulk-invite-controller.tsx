/**
 * Bulk invite's panel once its file is loaded (part of the on-demand invite-logic.js, never of
 * members-page.js): the dialog (paste, drop or pick a CSV, validated against the org snapshot,
 * with counts, per-row errors, the errors download and the planned batches), the run through the
 * console's own wizard (utils/invite/runner.ts) with live status, and the offer to resume a run a
 * reload or a closed tab cut short. The opener (bulk-invite-panel.tsx) shows what this says.
 *
 * The run outlives the panel (bulk-invite-runs.ts, kept in this file for as long as the content
 * script lives): leaving the page to another settings page and coming back finds the same runner
 * (one per job), which sends nothing while no panel is here and goes on, or waits paused, when one
 * is again. New finding thresholds leave this feature running.
 */
import { BulkInviteDialog, type BulkInviteDialogProps } from '@/components/BulkInviteDialog';
import type { RunView } from '@/components/BulkInviteRun';
import { findInviteButton } from '@/utils/amplitude/bulk-invite-anchor';
import { downloadText } from '@/utils/download';
import { jobCounts, type InviteJob } from '@/utils/invite/job';
import { newPageJob, pageRunner } from '@/utils/invite/page-run';
import { resultsCsv, resultsFileName, validationCsv } from '@/utils/invite/results-csv';
import { templateCsv } from '@/utils/invite/template';
import { sendRequest } from '@/utils/messaging';
import { getInviteBatchSize } from '@/utils/settings/read';
import { inviteRunOffer } from './bulk-invite-offer';
import { forgetTabRun, tabRunFor, tabRunOf, type RunWatcher, type TabRun } from './bulk-invite-runs';
import { mountDialog, type MountedDialog } from './dialog-mount';
import type { InvitePanelShell } from './invite-logic-file';
import type { OpenerPanel } from './toolbar-opener';
import type { OrgDataState } from './org-data';

const CSV_TYPE = 'text/csv;charset=utf-8';

/** How long after the panel appears a missing invite button counts as missing (not yet rendered) for a run. */
const RENDER_GRACE_MS = 3_000;

export function startInvitePanel(shell: InvitePanelShell): OpenerPanel {
  const { orgUrl, orgData, signal, dialogHost: host, shownSince } = shell;
  let state: OrgDataState = orgData.get();
  let open = shell.open;
  // Emails per invite (a setting, 1 to 10); the planner's default until it is read.
  let inviteBatchSize: number | undefined;
  void getInviteBatchSize().then((size) => {
    inviteBatchSize = size;
    draw();
  });
  let dialog: MountedDialog<BulkInviteDialogProps> | null = null;
  // The run: at most one per org in this tab (it outlives this panel), started here, found again
  // after a visit to another page, or resumed from what the background kept.
  let run: RunView | null = null;
  let tabRun: TabRun | null = null;
  let detachRun: (() => void) | null = null;
  let resumeOffer: string | null = null;
  let notice: string | null = null;
  let pace: { since: number; finishedAtStart: number } | null = null;

  const finishedRows = (job: InviteJob) => job.rows.filter((row) => row.state.kind === 'verified' || row.state.kind === 'failed').length;
  const estimate = (job: InviteJob): number | null => {
    if (!pace) return null;
    const done = finishedRows(job) - pace.finishedAtStart;
    const left = job.rows.filter((row) => row.batchId !== null && (row.state.kind === 'queued' || row.state.kind === 'sending' || row.state.kind === 'sent')).length;
    return done > 0 ? ((Date.now() - pace.since) / done) * left : null;
  };
  const setRun = (next: RunView | null) => {
    run = next;
    draw();
  };
  // The runner reports every step; the page redraws at most once a frame.
  let frame = 0;
  const showJob = (next: InviteJob) => {
    if (!run) return;
    run = { ...run, job: next, estimateMs: estimate(next) };
    frame ||= requestAnimationFrame(() => {
      frame = 0;
      draw();
    });
  };

  // What the run tells this panel while it is on the page.
  const watcher: RunWatcher = {
    update(job, running) {
      if (!run) return;
      run = { ...run, running, interrupted: false };
      showJob(job);
    },
    ended(final) {
      pace = null;
      setRun({ job: final, running: false, interrupted: false, stopping: null, estimateMs: null });
      // Who is a member or pending changed: badges, summary and the next validation read it again.
      void orgData.refresh();
    },
    snapshot: () => state.snapshot,
    wizardReachable: () => !!findInviteButton() || Date.now() - shownSince > RENDER_GRACE_MS,
  };
  const attach = (next: TabRun) => {
    if (tabRun === next && detachRun) return;
    detachRun?.();
    tabRun = next;
    detachRun = next.attach(watcher);
  };
  /** The tab's run of this job (the one already here, or a new runner), shown in this panel. */
  const runOf = (job: InviteJob): TabRun => {
    const found = tabRunOf(orgUrl, job, (hooks) =>
      pageRunner(job, { snapshot: hooks.snapshot, origin: location.origin, onChange: hooks.onChange, onPage: hooks.onPage, waitForPage: hooks.waitForPage }),
    );
    attach(found);
    return found;
  };

  const startRunner = (job: InviteJob) => {
    if (tabRun?.runner.running || !state.snapshot) return;
    const active = runOf(job);
    if (active.runner.running) return;
    resumeOffer = null;
    pace = { since: Date.now(), finishedAtStart: finishedRows(active.job) };
    setRun({ job: active.job, running: true, interrupted: false, stopping: null, estimateMs: null });
    active.start();
  };

  const runControls = {
    onResume: () => {
      if (run) startRunner(tabRun?.job ?? run.job);
    },
    onPause: () => {
      tabRun?.runner.pause();
      if (run) setRun({ ...run, stopping: 'pause' });
    },
    onCancel: () => {
      if (!run) return;
      if (tabRun?.runner.running) {
        tabRun.runner.cancel();
        setRun({ ...run, stopping: 'cancel' });
      } else {
        // Not running (paused, interrupted): cancel through a runner so the change is stored.
        runOf(tabRun?.job ?? run.job).runner.cancel();
      }
    },
    onRetryFailed: () => {
      if (!run || tabRun?.runner.running) return;
      const idle = runOf(tabRun?.job ?? run.job);
      void idle.runner.retryFailed().then(() => startRunner(idle.job));
    },
    onDownloadResults: () => {
      if (run) downloadText(resultsFileName(orgUrl, new Date(), 'results'), resultsCsv(run.job), CSV_TYPE, host);
    },
    onNewImport: () => {
      if (tabRun?.runner.running) return;
      detachRun?.();
      detachRun = null;
      tabRun = null;
      forgetTabRun(orgUrl);
      setRun(null);
    },
  };

  const unsubscribe = orgData.subscribe((next) => {
    const hadSnapshot = state.snapshot;
    state = next;
    if (next.snapshot !== hadSnapshot) draw();
  });
  // Leaving the page (or bulk invite switched off): the run sends nothing while no panel is here,
  // and stops before its next batch unless the page is back by then (bulk-invite-runs.ts).
  signal.addEventListener(
    'abort',
    () => {
      if (tabRun) tabRun.dialogOpen = open;
      detachRun?.();
      detachRun = null;
      if (frame) cancelAnimationFrame(frame);
      unsubscribe();
    },
    { once: true },
  );

  // A run of this tab from an earlier visit (the admin went to another page and came back): the
  // same runner, shown again as the admin left it; never a second one.
  const earlier = tabRunFor(orgUrl);
  if (earlier) {
    attach(earlier);
    open ||= earlier.dialogOpen;
    run = { job: earlier.job, running: earlier.runner.running, interrupted: false, stopping: null, estimateMs: null };
  } else {
    // A run that a reload, a closed tab or a crash cut short is offered again (the answer the opener asked for on arrival).
    void (shell.latest ?? sendRequest({ type: 'invite-job-latest', orgUrl })).then(
      (latest) => {
        const offer = inviteRunOffer(latest);
        if (signal.aborted || !offer || run) return;
        if (offer.elsewhere) {
          // Not ours to resume: the page that runs it goes on; this one just says so.
          notice = offer.elsewhere;
          draw();
          return;
        }
        resumeOffer = offer.resume;
        setRun({ job: offer.job, running: false, interrupted: offer.job.status !== 'paused', stopping: null, estimateMs: null });
      },
      () => undefined,
    );
  }

  const setOpen = (next: boolean) => {
    open = next;
    draw();
  };

  const dialogProps = (): BulkInviteDialogProps => ({
    open,
    snapshot: state.snapshot,
    batchSize: inviteBatchSize,
    onClose: () => setOpen(false),
    run: run ? { view: run, counts: jobCounts(run.job), controls: runControls } : null,
    onStart: (parsed, result, plan) => {
      if (tabRun?.runner.running) return;
      startRunner(newPageJob({ orgUrl, headers: parsed.headers, rows: result.rows, plan }));
    },
    onDownloadTemplate: () => downloadText('invite-template.csv', templateCsv(state.snapshot ?? undefined), CSV_TYPE, host),
    onDownloadErrors: (parsed, result) =>
      downloadText(resultsFileName(orgUrl, new Date(), 'errors'), validationCsv(parsed.headers, result.rows, { onlyProblems: true }), CSV_TYPE, host),
  });

  function draw(): void {
    if (signal.aborted) return;
    shell.show({ open, resumeOffer, notice });
    // The dialog stays mounted (hidden) once drawn, so its text survives closing.
    if (dialog) dialog.update(dialogProps());
    else if (open) dialog = mountDialog(host, BulkInviteDialog, dialogProps());
  }
  draw();

  return {
    setOpen,
    unmount() {
      dialog?.unmount();
      dialog = null;
    },
  };
}
