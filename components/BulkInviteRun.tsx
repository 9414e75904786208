/**
 * A bulk-invite run as it goes: progress with counts and an estimate, the controls (Pause, Resume,
 * Cancel, Retry failed), every row's live status, and the results download. Knows nothing about
 * Amplitude; page data is rendered as text only.
 */
import type { InviteJob, JobCounts, JobRow } from '@/utils/invite/job';
import { t } from '@/utils/i18n';
import { visibleSentence } from '@/utils/text/visible-text';
import { InviteRowsTable } from './InviteRowsTable';

export interface RunView {
  job: InviteJob;
  /** The runner is working on it in this page now. */
  running: boolean;
  /** Found unfinished on arrival (a reload, a closed tab, a crash): offered to resume. */
  interrupted: boolean;
  /** What the admin asked for and is waiting on. */
  stopping: 'pause' | 'cancel' | null;
  /** Time left, estimated from this run's pace; null until known. */
  estimateMs: number | null;
}

export interface BulkInviteRunProps {
  view: RunView;
  counts: JobCounts;
  onResume: () => void;
  onPause: () => void;
  onCancel: () => void;
  onRetryFailed: () => void;
  onDownloadResults: () => void;
  onNewImport: () => void;
}

function rowStatus(kind: JobRow['state']['kind']): string {
  switch (kind) {
    case 'queued':
      return t('runQueued');
    case 'sending':
      return t('runSending');
    case 'sent':
      return t('runSent');
    case 'verified':
      return t('runVerified');
    case 'failed':
      return t('runFailed');
    case 'skipped':
      return t('runSkipped');
    default:
      return t('biStatusInvalid');
  }
}

/** The reason may quote the file's values or the console's words: hidden characters shown as markers. */
function reasonOf(row: JobRow): string {
  return row.state.kind === 'failed' || row.state.kind === 'skipped' || row.state.kind === 'invalid' ? visibleSentence(row.state.reason) : '';
}

function duration(ms: number): string {
  const seconds = Math.max(1, Math.round(ms / 1000));
  if (seconds < 60) return t('runSecondsLeft', { seconds });
  return t('runMinutesLeft', { minutes: Math.round(seconds / 60) });
}

function statusLine(view: RunView, counts: JobCounts): string {
  const { job } = view;
  if (view.running) {
    if (view.stopping === 'cancel') return t('runCancelling');
    if (view.stopping === 'pause') return t('runPausing');
    return view.estimateMs !== null ? t('runInvitingEstimate', { estimate: duration(view.estimateMs) }) : t('runInviting');
  }
  if (view.interrupted) return t('runInterrupted');
  switch (job.status) {
    case 'done':
      return counts.failed > 0 ? t('runFinishedFailed', { count: counts.failed }) : t('runFinished');
    case 'cancelled':
      return t('runCancelled', { count: counts.queued });
    case 'paused':
      return job.pauseReason ?? t('runPaused');
    default:
      return t('runReady');
  }
}

export function BulkInviteRun({ view, counts, onResume, onPause, onCancel, onRetryFailed, onDownloadResults, onNewImport }: BulkInviteRunProps) {
  const { job, running } = view;
  const toSend = job.rows.filter((row) => row.batchId !== null).length;
  const finished = counts.verified + counts.failed;
  const percent = toSend === 0 ? 100 : Math.round((finished / toSend) * 100);
  const open = job.status !== 'done' && job.status !== 'cancelled';
  const summary = t('runSummary', { verified: counts.verified, total: toSend, failed: counts.failed, left: counts.queued + counts.sending + counts.sent, skipped: counts.skipped, invalid: counts.invalid });
  return (
    <section class="al-bi-run" aria-label={t('runLabel')}>
      <p class="al-bi-counts" role="status">
        {summary}
      </p>
      <div
        class="al-bi-progress"
        role="progressbar"
        aria-label={t('runProgressLabel')}
        aria-valuemin={0}
        aria-valuemax={toSend}
        aria-valuenow={finished}
        aria-valuetext={t('runProgressValue', { done: finished, total: toSend })}
      >
        <div class="al-bi-progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <p class={`al-bi-run-status${job.status === 'paused' && !running ? ' al-bi-run-paused' : ''}`}>{statusLine(view, counts)}</p>
      <div class="al-bi-actions">
        {running ? (
          <button type="button" class="al-bi-button" onClick={onPause} disabled={view.stopping !== null}>
            {t('runPause')}
          </button>
        ) : (
          open && (
            <button type="button" class="al-bi-button al-bi-primary" onClick={onResume}>
              {view.interrupted || job.status === 'paused' ? t('runResume') : t('runStart')}
            </button>
          )
        )}
        {open && (
          <button type="button" class="al-bi-button" onClick={onCancel} disabled={view.stopping === 'cancel'}>
            {t('runCancel')}
          </button>
        )}
        {!running && counts.failed > 0 && job.status !== 'cancelled' && (
          <button type="button" class="al-bi-button" onClick={onRetryFailed}>
            {t('runRetryFailed', { count: counts.failed })}
          </button>
        )}
        <button type="button" class="al-bi-button" onClick={onDownloadResults}>
          {t('runDownloadResults')}
        </button>
        {!running && !open && (
          <button type="button" class="al-bi-button" onClick={onNewImport}>
            {t('runNewImport')}
          </button>
        )}
      </div>
      <InviteRowsTable
        label={t('runResultsLabel')}
        rows={job.rows.map((row) => ({ row: row.row, email: row.email, status: rowStatus(row.state.kind), kind: `state-${row.state.kind}`, details: reasonOf(row) }))}
      />
    </section>
  );
}
