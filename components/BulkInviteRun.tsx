/**
 * A bulk-invite run as it goes: progress with counts and an estimate, the controls (Pause, Resume,
 * Cancel, Retry failed), every row's live status, and the results download. Knows nothing about
 * Amplitude; page data is rendered as text only.
 */
import type { InviteJob, JobCounts, JobRow } from '@/utils/invite/job';
import { t } from '@/utils/i18n';
import { visibleSentence } from '@/utils/text/visible-text';
import { InviteRowsTable } from './InviteRowsTable';
import { RunActions, type RunControls } from './RunActions';
import { RunProgress } from './RunProgress';

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

export interface BulkInviteRunProps extends RunControls {
  view: RunView;
  counts: JobCounts;
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

export function BulkInviteRun({ view, counts, ...controls }: BulkInviteRunProps) {
  const { job, running } = view;
  const toSend = job.rows.filter((row) => row.batchId !== null).length;
  const open = job.status !== 'done' && job.status !== 'cancelled';
  const summary = t('runSummary', { verified: counts.verified, total: toSend, failed: counts.failed, left: counts.queued + counts.sending + counts.sent, skipped: counts.skipped, invalid: counts.invalid });
  return (
    <section class="al-bi-run" aria-label={t('runLabel')}>
      <RunProgress
        summary={summary}
        finished={counts.verified + counts.failed}
        total={toSend}
        label={t('runProgressLabel')}
        status={statusLine(view, counts)}
        paused={job.status === 'paused' && !running}
      />
      <RunActions
        controls={controls}
        running={running}
        open={open}
        stopping={view.stopping}
        failed={counts.failed}
        cancelled={job.status === 'cancelled'}
        startLabel={view.interrupted || job.status === 'paused' ? t('runResume') : t('runStart')}
      />
      <InviteRowsTable
        label={t('runResultsLabel')}
        rows={job.rows.map((row) => ({ row: row.row, email: row.email, status: rowStatus(row.state.kind), kind: `state-${row.state.kind}`, details: reasonOf(row) }))}
      />
    </section>
  );
}
