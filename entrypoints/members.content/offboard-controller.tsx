/**
 * Offboarding's panel once its file is loaded (part of the on-demand offboard-logic.js, never of
 * members-page.js): the dialog to paste or drop a CSV of people to remove, or to start from people
 * chosen elsewhere (`openWith`, for the hygiene report); the run of the removals through the
 * console's own "Remove Members?" dialog (utils/offboard/); the offer to resume a run that a
 * reload, a closed tab or a crash cut short. The opener (offboard-panel.tsx) shows what this says.
 *
 * The run belongs to the tab (kept here, in this file, for as long as the content script lives):
 * leaving the page pauses it before its next removal (the rows left stay queued), and coming back
 * shows the same run, paused, with Resume; never a second one. Its job lives in the background's
 * IndexedDB from before the first removal, with a lease (as the bulk invite's): a second tab is
 * told the run goes on elsewhere, and its runner, should it try, is refused before it removes anyone.
 */
import { OffboardDialog, type OffboardDialogProps } from '@/components/OffboardDialog';
import type { OffboardRunView } from '@/components/OffboardRun';
import type { OrgSnapshot } from '@/utils/access/model';
import { downloadText } from '@/utils/download';
import { t } from '@/utils/i18n';
import { sendRequest } from '@/utils/messaging';
import { createOffboardJob, offboardJobCounts, type OffboardJob } from '@/utils/offboard/job';
import { offboardReads, pageOffboardRunner } from '@/utils/offboard/page-run';
import { offboardTemplateCsv } from '@/utils/offboard/parse';
import { offboardResultsCsv, offboardResultsFileName } from '@/utils/offboard/results-csv';
import type { OffboardRunner } from '@/utils/offboard/runner';
import type { ValidatedOffboardRow } from '@/utils/offboard/validate';
import { mountDialog, type MountedDialog } from './dialog-mount';
import { guardHold } from './guard-hold';
import type { OffboardPanel } from './offboard-logic-file';
import { offboardRunOffer, openRows, runningElsewhereNote, type LatestOffboardJob } from './offboard-offer';
import type { OrgDataState } from './org-data';
import type { PanelShell } from './toolbar-opener';

const CSV_TYPE = 'text/csv;charset=utf-8';
const HOST_MARK = 'data-admin-lens';

/** The tab's run of an org: it outlives a visit of the page, and reports to the visit that shows it. */
interface TabRun {
  runner: OffboardRunner;
  /** The job as last reported. */
  job: OffboardJob;
  /** The visit showing it now: every change, and the end of a run; null while the page is away. */
  watch: ((job: OffboardJob, running: boolean) => void) | null;
  ended: ((job: OffboardJob) => void) | null;
  /** Paused because the page was left mid-run (said so until it is resumed). */
  leftPage: boolean;
  /** Whether the dialog was open when the last visit ended: the next one opens it again. */
  dialogOpen: boolean;
  /** The org as the visit showing the run read it last: names for the next removal. */
  snapshot: OrgSnapshot;
}
const tabRuns = new Map<string, TabRun>();

/** One CSV field as written (RFC 4180): quoted when it holds a comma, a quote or a line break. */
const csvField = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

const ours = (element: Element) => element.closest(`[${HOST_MARK}]`) !== null || element.localName.startsWith('admin-lens-');

export function startOffboardPanel(shell: PanelShell<LatestOffboardJob>): OffboardPanel {
  const { orgUrl, orgData, signal, dialogHost } = shell;
  let state: OrgDataState = orgData.get();
  let open = shell.open;
  let initialText: OffboardDialogProps['initialText'] = null;
  let resumeOffer: string | null = null;
  /** Something to know without opening: the run goes on in another tab. */
  let notice: string | null = null;
  let run: OffboardRunView | null = null;
  let pace: { since: number; doneAtStart: number } | null = null;
  let dialog: MountedDialog<OffboardDialogProps> | null = null;
  const reads = offboardReads(location.origin, orgUrl);

  const finished = (job: OffboardJob) => job.rows.filter((row) => ['removed', 'failed'].includes(row.state.kind)).length;
  const estimate = (job: OffboardJob) => {
    if (!pace) return null;
    const done = finished(job) - pace.doneAtStart;
    return done > 0 ? ((Date.now() - pace.since) / done) * openRows(job) : null;
  };
  const show = (job: OffboardJob, running: boolean) => {
    const leftPage = !running && job.status === 'paused' && !!tabRuns.get(orgUrl)?.leftPage;
    run = { job, running, interrupted: false, leftPage, stopping: running ? (run?.stopping ?? null) : null, estimateMs: running ? estimate(job) : null };
    draw();
  };

  /** The run goes on in another tab: this one shows it, drives nothing, offers nothing to resume. */
  const elsewhere = (job: OffboardJob) => {
    if (tabRuns.get(orgUrl)?.job.id === job.id) tabRuns.delete(orgUrl);
    run = null;
    resumeOffer = null;
    notice = runningElsewhereNote(job);
    draw();
  };

  /** This visit shows the tab's run: its changes and its end come here until the page goes. */
  const attach = (entry: TabRun) => {
    if (state.snapshot) entry.snapshot = state.snapshot;
    entry.watch = (job, running) => show(job, running);
    entry.ended = (final) => {
      pace = null;
      if (entry.runner.heldElsewhere) elsewhere(final);
      else show(final, false);
      // Who is in the org changed: badges, summary and the next validation read it again.
      void orgData.refresh();
    };
  };

  /** The tab's runner of this job (a new one if none yet). */
  const runnerOf = (job: OffboardJob): OffboardRunner | null => {
    const existing = tabRuns.get(orgUrl);
    if (existing && existing.job.id === job.id) return existing.runner;
    if (!state.snapshot) return null;
    const runner = pageOffboardRunner(job, {
      origin: location.origin,
      // The org as the visit showing the run reads it (or, while the page is away, as it was read last).
      snapshot: () => entry.snapshot,
      onChange: (next) => {
        entry.job = next;
        entry.watch?.(next, runner.running);
      },
      heldBy: guardHold,
      skip: ours,
    });
    const entry: TabRun = { runner, job, watch: null, ended: null, leftPage: false, dialogOpen: false, snapshot: state.snapshot };
    attach(entry);
    tabRuns.set(orgUrl, entry);
    return runner;
  };

  const start = (job: OffboardJob) => {
    const runner = runnerOf(job);
    const entry = tabRuns.get(orgUrl);
    if (!runner || !entry || runner.running) return;
    resumeOffer = null;
    notice = null;
    entry.leftPage = false;
    pace = { since: Date.now(), doneAtStart: finished(job) };
    show(runner.job, true);
    void runner.run().then((final) => {
      entry.job = final;
      entry.ended?.(final);
    });
  };

  const controls = {
    onResume: () => {
      if (run) start(tabRuns.get(orgUrl)?.job ?? run.job);
    },
    onPause: () => {
      tabRuns.get(orgUrl)?.runner.pause();
      if (run) {
        run = { ...run, stopping: 'pause' };
        draw();
      }
    },
    onCancel: () => {
      if (!run) return;
      const runner = runnerOf(tabRuns.get(orgUrl)?.job ?? run.job);
      if (!runner) return;
      if (runner.running) {
        run = { ...run, stopping: 'cancel' };
        draw();
      }
      runner.cancel();
    },
    onRetryFailed: () => {
      if (!run) return;
      const runner = runnerOf(tabRuns.get(orgUrl)?.job ?? run.job);
      if (runner && !runner.running) void runner.retryFailed().then((job) => (runner.heldElsewhere ? elsewhere(job) : start(job)));
    },
    onDownloadResults: () => {
      if (run) downloadText(offboardResultsFileName(orgUrl, new Date()), offboardResultsCsv(run.job, { notAcknowledged: t('obNotAcknowledged') }), CSV_TYPE, dialogHost);
    },
    onNewImport: () => {
      if (tabRuns.get(orgUrl)?.runner.running) return;
      tabRuns.delete(orgUrl);
      run = null;
      draw();
    },
  };

  const setOpen = (next: boolean) => {
    open = next;
    draw();
  };
  const openWith = (emails: readonly string[]) => {
    if (emails.length > 0 && !tabRuns.get(orgUrl)?.runner.running) {
      if (run && run.job.status !== 'running') controls.onNewImport();
      initialText = { text: ['email,transfer_to,reason', ...emails.map((email) => `${csvField(email)},,`)].join('\n'), seq: (initialText?.seq ?? 0) + 1 };
    }
    setOpen(true);
  };

  // This tab's run from an earlier visit (paused when the page was left, or still finishing its
  // step), shown again as it was left; or one a reload or closed tab cut short (offered, never
  // started by itself); or one another tab runs now (said so, not offered).
  const earlier = tabRuns.get(orgUrl);
  if (earlier) {
    attach(earlier);
    open ||= earlier.dialogOpen;
    const leftPage = !earlier.runner.running && earlier.job.status === 'paused' && earlier.leftPage;
    run = { job: earlier.job, running: earlier.runner.running, interrupted: false, leftPage, stopping: null, estimateMs: null };
    if (!open && !earlier.runner.running && earlier.job.status !== 'done' && earlier.job.status !== 'cancelled' && openRows(earlier.job) > 0) resumeOffer = t('obResumeOffer', { count: openRows(earlier.job) });
  } else {
    // The answer the opener asked for on arrival (or asked now, when the file was here already).
    void (shell.latest ?? sendRequest({ type: 'offboard-job-latest', orgUrl })).then(
      (latest) => {
        const offer = offboardRunOffer(latest);
        if (signal.aborted || !offer || run) return;
        if (offer.elsewhere) return elsewhere(offer.job);
        resumeOffer = offer.resume;
        run = { job: offer.job, running: false, interrupted: true, leftPage: false, stopping: null, estimateMs: null };
        draw();
      },
      () => undefined,
    );
  }

  const dialogProps = (): OffboardDialogProps => ({
    open,
    snapshot: state.snapshot,
    initialText,
    countContent: (email) => reads.content(email),
    onClose: () => setOpen(false),
    onDownloadTemplate: () => downloadText('offboarding-template.csv', offboardTemplateCsv(), CSV_TYPE, dialogHost),
    onStart: (rows: ValidatedOffboardRow[]) => {
      if (tabRuns.get(orgUrl)?.runner.running) return;
      const job = createOffboardJob({ id: crypto.randomUUID(), orgUrl, now: new Date().toISOString(), rows });
      tabRuns.delete(orgUrl);
      start(job);
    },
    notice,
    run: run ? { view: run, counts: offboardJobCounts(run.job), controls } : null,
  });

  function draw(): void {
    if (signal.aborted) return;
    shell.show({ open, resumeOffer, notice });
    // The dialog stays mounted (hidden) once drawn, so its text survives closing.
    if (dialog) dialog.update(dialogProps());
    else if (open) dialog = mountDialog(dialogHost, OffboardDialog, dialogProps());
  }

  const unsubscribe = orgData.subscribe((next) => {
    const had = state.snapshot;
    state = next;
    const entry = tabRuns.get(orgUrl);
    if (entry?.watch && next.snapshot) entry.snapshot = next.snapshot;
    if (next.snapshot !== had) draw();
  });

  signal.addEventListener(
    'abort',
    () => {
      // Leaving the page (or offboarding switched off): the run pauses before its next removal,
      // and a step not confirmed yet goes back to the queue; Resume is offered when the page is back.
      const entry = tabRuns.get(orgUrl);
      if (entry) {
        entry.watch = null;
        entry.ended = null;
        entry.dialogOpen = open;
        if (entry.runner.running) {
          entry.leftPage = true;
          entry.runner.pause();
        }
      }
      unsubscribe();
    },
    { once: true },
  );

  draw();
  return {
    setOpen,
    openWith,
    unmount() {
      dialog?.unmount();
      dialog = null;
    },
  };
}
