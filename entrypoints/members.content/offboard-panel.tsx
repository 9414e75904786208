/**
 * Offboarding: an "Offboard from CSV" button beside the bulk-invite opener (after the console's
 * "Invite New Users") opens a dialog to paste or drop a CSV of people to remove, or starts from
 * people chosen elsewhere (`openOffboarding`, for the hygiene report); then runs the removals
 * through the console's own "Remove Members?" dialog (utils/offboard/, loaded on demand), and
 * offers to resume a run that a reload, a closed tab or a crash cut short.
 *
 * The run belongs to the tab (kept here for as long as the content script lives): leaving the page
 * pauses it before its next removal (the rows left stay queued), and coming back shows the same
 * run, paused, with Resume; never a second one. Its job lives in the background's IndexedDB from
 * before the first removal, with a lease (as the bulk invite's): a second tab is told the run goes
 * on elsewhere, and its runner, should it try, is refused before it removes anyone.
 */
import { render } from 'preact';
import type { Feature } from '@/utils/features/registry';
import type { OffboardDialogProps } from '@/components/OffboardDialog';
import type { OffboardRunView } from '@/components/OffboardRun';
import type { OrgSnapshot } from '@/utils/access/model';
import type { OffboardJob } from '@/utils/offboard/job';
import type { OffboardRunner } from '@/utils/offboard/runner';
import type { ValidatedOffboardRow } from '@/utils/offboard/validate';
import { findInviteButton, placeWithoutInviteButton, inviteButtonWatchRoot } from '@/utils/amplitude/bulk-invite-anchor';
import { sendRequest } from '@/utils/messaging';
import { downloadText } from '@/utils/download';
import { t } from '@/utils/i18n';
import type { MembersContext } from './context';
import type { OrgDataState } from './org-data';
import { loadOffboardLogic, type OffboardLogic } from './offboard-logic-file';
import { UI_STYLES } from './ui-styles';
import { guardHold } from './guard-hold';
import { createShadowUi } from './shadow-ui';

const CSV_TYPE = 'text/csv;charset=utf-8';
const HOST_MARK = 'data-admin-lens';
const BULK_INVITE_HOST = 'admin-lens-bulk-invite';

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

/** Whoever shows the dialog now (one visit at a time): `openOffboarding` goes through it. */
let opener: ((emails: readonly string[]) => void) | null = null;

/**
 * Opens the offboarding dialog, with these people listed when given (one row each, `transfer_to`
 * left for the admin to fill in). For the hygiene report's "Offboard selected". False when the
 * Members page (with this feature) is not shown.
 */
export function openOffboarding(initialEmails: readonly string[] = []): boolean {
  if (!opener) return false;
  opener(initialEmails);
  return true;
}

/** One CSV field as written (RFC 4180): quoted when it holds a comma, a quote or a line break. */
const csvField = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/** Whether `openOffboarding` would open the dialog (the feature runs on this page). */
export const offboardingAvailable = (): boolean => opener !== null;

const ours = (element: Element) => element.closest(`[${HOST_MARK}]`) !== null || element.localName.startsWith('admin-lens-');
const openRows = (job: OffboardJob) => job.rows.filter((row) => row.state.kind === 'queued' || row.state.kind === 'removing').length;

export const offboardPanel: Feature<MembersContext> = {
  id: 'offboarding',
  usesThresholds: false,
  async init({ ctx, page, orgData }, signal) {
    const orgUrl = page.location.orgUrl;
    let state: OrgDataState = orgData.get();
    let logic: OffboardLogic | null = null;
    let loadError: string | null = null;
    let open = false;
    let initialText: OffboardDialogProps['initialText'] = null;
    let resumeOffer: string | null = null;
    /** Something to know without opening: the run goes on in another tab. */
    let notice: string | null = null;
    let run: OffboardRunView | null = null;
    let pace: { since: number; doneAtStart: number } | null = null;
    let openerHost: HTMLElement | null = null;
    let dialogHost: HTMLElement | null = null;
    let dialog: { update(props: OffboardDialogProps): void; unmount(): void } | null = null;
    let reads: ReturnType<OffboardLogic['offboardReads']> | null = null;

    const ensureLogic = () => {
      if (logic) return;
      loadOffboardLogic().then(
        (loaded) => {
          logic = loaded;
          reads = loaded.offboardReads(location.origin, orgUrl);
          draw();
        },
        (error: unknown) => {
          loadError = error instanceof Error ? error.message : String(error);
          draw();
        },
      );
    };

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
      notice = t('obRunningElsewhere', { count: openRows(job) });
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
      if (!logic || !state.snapshot) return null;
      const runner = logic.pageOffboardRunner(job, {
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
        if (!run) return;
        if (logic) start(tabRuns.get(orgUrl)?.job ?? run.job);
        else ensureLogic();
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
        if (logic && run && dialogHost) downloadText(logic.offboardResultsFileName(orgUrl, new Date()), logic.offboardResultsCsv(run.job, { notAcknowledged: t('obNotAcknowledged') }), CSV_TYPE, dialogHost);
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
      if (open) ensureLogic();
      draw();
    };
    opener = (emails) => {
      if (emails.length > 0 && !tabRuns.get(orgUrl)?.runner.running) {
        if (!tabRuns.get(orgUrl)?.runner.running && run && run.job.status !== 'running') controls.onNewImport();
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
      open = earlier.dialogOpen;
      const leftPage = !earlier.runner.running && earlier.job.status === 'paused' && earlier.leftPage;
      run = { job: earlier.job, running: earlier.runner.running, interrupted: false, leftPage, stopping: null, estimateMs: null };
      if (!open && !earlier.runner.running && earlier.job.status !== 'done' && earlier.job.status !== 'cancelled' && openRows(earlier.job) > 0) resumeOffer = t('obResumeOffer', { count: openRows(earlier.job) });
      ensureLogic();
    } else {
      void sendRequest({ type: 'offboard-job-latest', orgUrl }).then(
        (latest) => {
          if (signal.aborted || !latest || run) return;
          const { job } = latest;
          if (job.status === 'done' || job.status === 'cancelled' || openRows(job) === 0) return;
          if (latest.runningElsewhere) return elsewhere(job);
          resumeOffer = t('obResumeOffer', { count: openRows(job) });
          run = { job, running: false, interrupted: true, leftPage: false, stopping: null, estimateMs: null };
          draw();
        },
        () => undefined,
      );
    }

    const dialogProps = (): OffboardDialogProps => ({
      open,
      snapshot: state.snapshot,
      initialText,
      countContent: (email) => (reads ? reads.content(email) : Promise.reject(new Error('not loaded'))),
      onClose: () => setOpen(false),
      onDownloadTemplate: () => {
        if (logic && dialogHost) downloadText('offboarding-template.csv', logic.offboardTemplateCsv(), CSV_TYPE, dialogHost);
      },
      onStart: (rows: ValidatedOffboardRow[]) => {
        if (!logic || tabRuns.get(orgUrl)?.runner.running) return;
        const job = logic.createOffboardJob({ id: crypto.randomUUID(), orgUrl, now: new Date().toISOString(), rows });
        tabRuns.delete(orgUrl);
        start(job);
      },
      notice,
      run: run && logic ? { view: run, counts: logic.offboardJobCounts(run.job), controls } : null,
    });

    const draw = () => {
      if (!openerHost || !dialogHost || signal.aborted) return;
      render(
        <>
          <button type="button" class="al-bi-button al-ob-opener" aria-expanded={open} onClick={() => setOpen(!open)}>
            {t('obTitle')}
          </button>
          {resumeOffer && !open && (
            <button type="button" class="al-bi-button al-bi-resume-offer al-ob-resume" onClick={() => setOpen(true)}>
              {resumeOffer}
            </button>
          )}
          {notice && !open && (
            <p class="al-bi-landmark" role="status">
              {notice}
            </p>
          )}
          {loadError && (
            <p class="al-bi-landmark" role="alert">
              {loadError}
            </p>
          )}
        </>,
        openerHost,
      );
      if (logic && (open || dialog)) {
        if (dialog) dialog.update(dialogProps());
        else dialog = logic.mountDialog(dialogHost, dialogProps());
      }
    };

    /** After the bulk-invite opener when it is there, else after the console's invite button, else at the end of the heading's section. */
    const place = (root: Element) => {
      const anchor = document.querySelector(BULK_INVITE_HOST) ?? findInviteButton();
      if (anchor) anchor.after(root);
      else placeWithoutInviteButton(page.heading, root);
    };

    const ui = await createShadowUi(ctx, {
      css: UI_STYLES,
      name: 'admin-lens-offboarding',
      position: 'inline',
      anchor: () => page.heading,
      append: (_anchor, root) => place(root),
      onMount(container) {
        openerHost = document.createElement('div');
        openerHost.className = 'al-bi';
        dialogHost = document.createElement('div');
        dialogHost.className = 'al-bi';
        container.append(openerHost, dialogHost);
        container.style.display = 'inline-block';
        draw();
        return container;
      },
      onRemove() {
        dialog?.unmount();
        dialog = null;
        if (openerHost) render(null, openerHost);
      },
    });
    if (signal.aborted) return;
    ui.mount();
    ui.shadowHost.style.display = 'inline-block';
    ui.shadowHost.style.marginLeft = '8px';

    const unsubscribe = orgData.subscribe((next) => {
      const had = state.snapshot;
      state = next;
      const entry = tabRuns.get(orgUrl);
      if (entry?.watch && next.snapshot) entry.snapshot = next.snapshot;
      if (next.snapshot !== had) draw();
    });

    // The console re-renders its toolbar, and the bulk-invite opener comes and goes: stay right after them.
    let scheduled = 0;
    const check = () => {
      scheduled = 0;
      const anchor = document.querySelector(BULK_INVITE_HOST) ?? findInviteButton();
      if (anchor ? ui.shadowHost.previousElementSibling !== anchor : !ui.shadowHost.isConnected) place(ui.shadowHost);
    };
    const observer = new MutationObserver((records) => {
      if (records.every((record) => record.target === ui.shadowHost || ui.shadowHost.contains(record.target as Node))) return;
      scheduled ||= requestAnimationFrame(check);
    });
    observer.observe(inviteButtonWatchRoot(page.heading), { childList: true, subtree: true });

    signal.addEventListener(
      'abort',
      () => {
        opener = null;
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
        observer.disconnect();
        if (scheduled) cancelAnimationFrame(scheduled);
        unsubscribe();
        ui.remove();
      },
      { once: true },
    );
  },
};
