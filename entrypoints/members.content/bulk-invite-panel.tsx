/**
 * Bulk invite, input and preview: a "Bulk invite from CSV" button next to the console's "Invite New
 * Users" button (utils/amplitude/bulk-invite-anchor.ts) opens a panel to paste, drop or pick a CSV,
 * validated against the org snapshot, with counts, per-row errors, the errors download and the
 * planned batches; then runs the invites through the console's own wizard (utils/invite/runner.ts,
 * loaded on demand) with live status, and offers to resume a run a reload or a closed tab cut
 * short. When the console's button is missing, our button sits at the end of the heading's section
 * and says which landmark it did not find.
 *
 * The run outlives the panel (bulk-invite-runs.ts): leaving the page to another settings page and
 * coming back finds the same runner (one per job), which sends nothing while no panel is here and
 * goes on, or waits paused, when one is again. New finding thresholds leave this feature running.
 */
import { render } from 'preact';
import type { Feature } from '@/utils/features/registry';
import { BulkInviteOpener } from '@/components/BulkInviteOpener';
import type { RunView } from '@/components/BulkInviteRun';
import type { BulkInviteDialogProps } from '@/components/BulkInviteDialog';
import type { InviteJob } from '@/utils/invite/job';
import { sendRequest } from '@/utils/messaging';
import { getInviteBatchSize } from '@/utils/settings/read';
import { findInviteButton, INVITE_BUTTON_TEXT, inviteButtonWatchRoot, placeWithoutInviteButton } from '@/utils/amplitude/bulk-invite-anchor';
import { downloadText } from '@/utils/download';
import { loadInviteLogic, type InviteLogic } from './invite-logic-file';
import { t } from '@/utils/i18n';
import type { MembersContext } from './context';
import type { OrgDataState } from './org-data';
import { UI_STYLES } from './ui-styles';
import { forgetTabRun, tabRunFor, tabRunOf, type RunWatcher, type TabRun } from './bulk-invite-runs';
import { createShadowUi } from './shadow-ui';

const CSV_TYPE = 'text/csv;charset=utf-8';

/** How long after the panel appears a missing invite button counts as missing (not yet rendered) for a run. */
const RENDER_GRACE_MS = 3_000;

export const bulkInvitePanel: Feature<MembersContext> = {
  id: 'bulk-invite-panel',
  // Shows no findings: a threshold change must never stop it, nor the run it drives.
  usesThresholds: false,
  async init({ ctx, page, orgData }, signal) {
    let state: OrgDataState = orgData.get();
    let container: HTMLElement | null = null;
    let inviteButton = findInviteButton();
    let logic: InviteLogic | null = null;
    let logicError: string | null = null;
    let loadingLogic = false;
    let open = false;
    let openerHost: HTMLElement | null = null;
    let dialogHost: HTMLElement | null = null;
    // Emails per invite (a setting, 1 to 10); the planner's default until it is read.
    let inviteBatchSize: number | undefined;
    void getInviteBatchSize().then((size) => {
      inviteBatchSize = size;
      draw();
    });
    let dialog: { update(props: BulkInviteDialogProps): void; unmount(): void } | null = null;
    const ensureLogic = () => {
      if (logic || loadingLogic) return;
      loadingLogic = true;
      draw();
      loadInviteLogic().finally(() => (loadingLogic = false)).then(
        (loaded) => {
          logic = loaded;
          logicError = null;
          draw();
        },
        (error: unknown) => {
          logicError = error instanceof Error ? error.message : String(error);
          draw();
        },
      );
    };
    // The run: at most one per org in this tab (it outlives this panel), started here, found again
    // after a visit to another page, or resumed from what the background kept.
    let run: RunView | null = null;
    let tabRun: TabRun | null = null;
    let detachRun: (() => void) | null = null;
    const orgUrl = page.location.orgUrl;
    const shownSince = Date.now();
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
    const runOf = (job: InviteJob): TabRun | null => {
      const loaded = logic;
      if (!loaded) return null;
      const found = tabRunOf(orgUrl, job, (hooks) =>
        loaded.pageRunner(job, { snapshot: hooks.snapshot, origin: location.origin, onChange: hooks.onChange, onPage: hooks.onPage, waitForPage: hooks.waitForPage }),
      );
      attach(found);
      return found;
    };

    const startRunner = (job: InviteJob) => {
      if (!logic || tabRun?.runner.running || !state.snapshot) return;
      const active = runOf(job);
      if (!active || active.runner.running) return;
      resumeOffer = null;
      pace = { since: Date.now(), finishedAtStart: finishedRows(active.job) };
      setRun({ job: active.job, running: true, interrupted: false, stopping: null, estimateMs: null });
      active.start();
    };

    const runControls = {
      onResume: () => {
        if (!run) return;
        if (logic) startRunner(tabRun?.job ?? run.job);
        else ensureLogic();
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
          runOf(tabRun?.job ?? run.job)?.runner.cancel();
        }
      },
      onRetryFailed: () => {
        if (!run || tabRun?.runner.running) return;
        const idle = runOf(tabRun?.job ?? run.job);
        if (idle) void idle.runner.retryFailed().then(() => startRunner(idle.job));
      },
      onDownloadResults: () => {
        if (!logic || !run || !container) return;
        downloadText(logic.resultsFileName(page.location.orgUrl, new Date(), 'results'), logic.resultsCsv(run.job), CSV_TYPE, container);
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

    // Leaving the page (or bulk invite switched off): the run sends nothing while no panel is here,
    // and stops before its next batch unless the page is back by then (bulk-invite-runs.ts).
    signal.addEventListener(
      'abort',
      () => {
        if (tabRun) tabRun.dialogOpen = open;
        detachRun?.();
        detachRun = null;
      },
      { once: true },
    );
    // A run of this tab from an earlier visit (the admin went to another page and came back): the
    // same runner, shown again as the admin left it; never a second one.
    const earlier = tabRunFor(orgUrl);
    if (earlier) {
      attach(earlier);
      open = earlier.dialogOpen;
      run = { job: earlier.job, running: earlier.runner.running, interrupted: false, stopping: null, estimateMs: null };
    }

    // A run that a reload, a closed tab or a crash cut short is offered again (read without the CSV tools).
    if (!earlier) void sendRequest({ type: 'invite-job-latest', orgUrl }).then(
      (latest) => {
        if (signal.aborted || !latest || run) return;
        const { job } = latest;
        const open = job.status !== 'done' && job.status !== 'cancelled' && job.rows.some((row) => ['queued', 'sending', 'sent'].includes(row.state.kind));
        if (!open) return;
        const left = job.rows.filter((row) => row.batchId !== null && ['queued', 'sending', 'sent'].includes(row.state.kind)).length;
        if (latest.runningElsewhere) {
          // Not ours to resume: the page that runs it goes on; this one just says so.
          notice = t('biRunningElsewhere', { count: left });
          draw();
          return;
        }
        resumeOffer = t('biResumeOffer', { count: left });
        setRun({ job, running: false, interrupted: job.status !== 'paused', stopping: null, estimateMs: null });
      },
      () => undefined,
    );

    const note = () => (inviteButton ? null : t('biNoInviteButton', { button: INVITE_BUTTON_TEXT }));

    const setOpen = (next: boolean) => {
      open = next;
      if (open) ensureLogic();
      draw();
      // Closing gives focus back to our button, as a dialog should.
      if (!open) openerHost?.querySelector<HTMLButtonElement>('.al-bi-opener')?.focus();
    };

    const dialogProps = (host: HTMLElement): BulkInviteDialogProps => ({
      open,
      snapshot: state.snapshot,
      batchSize: inviteBatchSize,
      onClose: () => setOpen(false),
      run: run && logic ? { view: run, counts: logic.jobCounts(run.job), controls: runControls } : null,
      onStart: (parsed, result, plan) => {
        if (!logic || tabRun?.runner.running) return;
        startRunner(logic.newPageJob({ orgUrl: page.location.orgUrl, headers: parsed.headers, rows: result.rows, plan }));
      },
      onDownloadTemplate: () => {
        if (logic) downloadText('invite-template.csv', logic.templateCsv(state.snapshot ?? undefined), CSV_TYPE, host);
      },
      onDownloadErrors: (parsed, result) => {
        if (logic) downloadText(logic.resultsFileName(page.location.orgUrl, new Date(), 'errors'), logic.validationCsv(parsed.headers, result.rows, { onlyProblems: true }), CSV_TYPE, host);
      },
    });

    const draw = () => {
      if (!container || !openerHost || !dialogHost || signal.aborted) return;
      render(
        <BulkInviteOpener
          open={open}
          onToggle={() => setOpen(!open)}
          resumeOffer={resumeOffer}
          notice={notice}
          landmarkNote={note()}
          loadError={logicError}
          loading={loadingLogic}
        />,
        openerHost,
      );
      // The dialog is rendered by the bulk-invite file, once loaded; it stays mounted (hidden) so its text survives closing.
      if (logic && (open || dialog)) {
        const props = dialogProps(dialogHost);
        if (dialog) dialog.update(props);
        else dialog = logic.mountDialog(dialogHost, props);
      }
    };

    // The run found again is drawn by the bulk-invite file: load it (once per tab).
    if (earlier) ensureLogic();

    const place = (root: Element) => {
      if (inviteButton) inviteButton.after(root);
      // At the end of the heading's section, so what other features place after the heading stays put.
      else placeWithoutInviteButton(page.heading, root);
    };

    const ui = await createShadowUi(ctx, {
      css: UI_STYLES,
      name: 'admin-lens-bulk-invite',
      position: 'inline',
      anchor: () => inviteButton ?? page.heading,
      append: (_anchor, root) => place(root),
      onMount(uiContainer) {
        container = uiContainer;
        openerHost = document.createElement('div');
        openerHost.className = 'al-bi';
        dialogHost = document.createElement('div');
        dialogHost.className = 'al-bi';
        uiContainer.append(openerHost, dialogHost);
        uiContainer.style.display = 'inline-block';
        draw();
        return uiContainer;
      },
      onRemove() {
        dialog?.unmount();
        dialog = null;
        if (openerHost) render(null, openerHost);
        container = null;
      },
    });
    if (signal.aborted) return;
    ui.mount();
    ui.shadowHost.style.display = 'inline-block';
    ui.shadowHost.style.marginLeft = '8px';

    const unsubscribe = orgData.subscribe((next) => {
      const hadSnapshot = state.snapshot;
      state = next;
      if (next.snapshot !== hadSnapshot) draw();
    });

    // The console may render its button late or re-render the toolbar: put ours back next to it.
    let scheduled = 0;
    const check = () => {
      scheduled = 0;
      if (inviteButton?.isConnected && ui.shadowHost.previousElementSibling === inviteButton) return;
      const found = findInviteButton();
      if (found) {
        const hadNote = !inviteButton;
        inviteButton = found;
        found.after(ui.shadowHost);
        if (hadNote) draw();
      } else if (!ui.shadowHost.isConnected && !inviteButton) {
        place(ui.shadowHost);
      }
      // Else the console's button is gone (another tab): ours waits, detached, for it to come back.
    };
    const observer = new MutationObserver((records) => {
      if (records.every((record) => record.target === ui.shadowHost || ui.shadowHost.contains(record.target as Node))) return;
      scheduled ||= requestAnimationFrame(check);
    });
    observer.observe(inviteButtonWatchRoot(page.heading), { childList: true, subtree: true });

    signal.addEventListener(
      'abort',
      () => {
        observer.disconnect();
        if (scheduled) cancelAnimationFrame(scheduled);
        unsubscribe();
        ui.remove();
      },
      { once: true },
    );
  },
};
