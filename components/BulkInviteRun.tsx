/**
 * A bulk-invite run as it goes: progress with counts and an estimate, the controls (Pause, Resume,
 * Cancel, Retry failed), every row's live status, and the results download. Knows nothing about
 * Amplitude; page data is rendered as text only.
 */
import type { InviteJob, JobCounts, JobRow } from '@/utils/invite/job';

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

const ROW_STATUS: Record<JobRow['state']['kind'], string> = {
  queued: 'Waiting',
  sending: 'Sending…',
  sent: 'Sent, confirming…',
  verified: 'Invited',
  failed: 'Failed',
  skipped: 'Skipped',
  invalid: 'Invalid',
};

function reasonOf(row: JobRow): string {
  return row.state.kind === 'failed' || row.state.kind === 'skipped' || row.state.kind === 'invalid' ? row.state.reason : '';
}

function duration(ms: number): string {
  const seconds = Math.max(1, Math.round(ms / 1000));
  if (seconds < 60) return `about ${seconds} s left`;
  return `about ${Math.round(seconds / 60)} min left`;
}

function statusLine(view: RunView, counts: JobCounts): string {
  const { job } = view;
  if (view.running) {
    if (view.stopping === 'cancel') return 'Cancelling before the next Send…';
    if (view.stopping === 'pause') return 'Pausing after this batch…';
    return `Inviting through the console's "Invite New Users" form${view.estimateMs !== null ? ` · ${duration(view.estimateMs)}` : ''}. Keep this tab open.`;
  }
  if (view.interrupted) {
    return `This run stopped before it finished (a reload, a closed tab or a crash). Resume first checks who is already invited, so nobody is invited twice.`;
  }
  switch (job.status) {
    case 'done':
      return counts.failed > 0 ? `Finished: ${counts.failed} failed. Retry failed, or download the results to fix them.` : 'Finished.';
    case 'cancelled':
      return `Cancelled: ${counts.queued} not sent.`;
    case 'paused':
      return job.pauseReason ?? 'Paused.';
    default:
      return 'Ready.';
  }
}

export function BulkInviteRun({ view, counts, onResume, onPause, onCancel, onRetryFailed, onDownloadResults, onNewImport }: BulkInviteRunProps) {
  const { job, running } = view;
  const toSend = job.rows.filter((row) => row.batchId !== null).length;
  const finished = counts.verified + counts.failed;
  const percent = toSend === 0 ? 100 : Math.round((finished / toSend) * 100);
  const open = job.status !== 'done' && job.status !== 'cancelled';
  const summary = `Invited ${counts.verified} of ${toSend} · ${counts.failed} failed · ${counts.queued + counts.sending + counts.sent} to go · ${counts.skipped} skipped · ${counts.invalid} invalid`;
  return (
    <section class="al-bi-run" aria-label="Invite run">
      <p class="al-bi-counts" role="status">
        {summary}
      </p>
      <div
        class="al-bi-progress"
        role="progressbar"
        aria-label="Invites done"
        aria-valuemin={0}
        aria-valuemax={toSend}
        aria-valuenow={finished}
        aria-valuetext={`${finished} of ${toSend} done`}
      >
        <div class="al-bi-progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <p class={`al-bi-run-status${job.status === 'paused' && !running ? ' al-bi-run-paused' : ''}`}>{statusLine(view, counts)}</p>
      <div class="al-bi-actions">
        {running ? (
          <button type="button" class="al-bi-button" onClick={onPause} disabled={view.stopping !== null}>
            Pause
          </button>
        ) : (
          open && (
            <button type="button" class="al-bi-button al-bi-primary" onClick={onResume}>
              {view.interrupted || job.status === 'paused' ? 'Resume' : 'Start'}
            </button>
          )
        )}
        {open && (
          <button type="button" class="al-bi-button" onClick={onCancel} disabled={view.stopping === 'cancel'}>
            Cancel run
          </button>
        )}
        {!running && counts.failed > 0 && job.status !== 'cancelled' && (
          <button type="button" class="al-bi-button" onClick={onRetryFailed}>
            Retry failed ({counts.failed})
          </button>
        )}
        <button type="button" class="al-bi-button" onClick={onDownloadResults}>
          Download results
        </button>
        {!running && !open && (
          <button type="button" class="al-bi-button" onClick={onNewImport}>
            New import
          </button>
        )}
      </div>
      <div class="al-bi-table-wrap">
        <table class="al-bi-table" aria-label="Invite results">
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Email</th>
              <th scope="col">Status</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {job.rows.map((row) => (
              <tr key={row.row} class={`al-bi-row al-bi-state-${row.state.kind}`}>
                <td>{String(row.row)}</td>
                <td class="al-bi-email">{row.email}</td>
                <td class="al-bi-status">{ROW_STATUS[row.state.kind]}</td>
                <td>{reasonOf(row)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
