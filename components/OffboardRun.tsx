/**
 * An offboarding run as it goes: progress with counts and an estimate, Pause, Resume, Cancel,
 * Retry failed, every row's live state, and the results download. Knows nothing about Amplitude;
 * page data is rendered as text only.
 */
import type { OffboardJob, OffboardJobCounts, OffboardRowState } from '@/utils/offboard/job';
import { t } from '@/utils/i18n';
import { visibleSentence } from '@/utils/text/visible-text';
import { InviteRowsTable } from './InviteRowsTable';
import { type RunControls, RunActions } from './RunActions';
import { RunProgress } from './RunProgress';

export interface OffboardRunView {
  job: OffboardJob;
  running: boolean;
  /** Found unfinished on arrival (a reload, a closed tab, a crash): offered to resume. */
  interrupted: boolean;
  /** Paused because the Members page was left mid-run (this tab's run, found again on return). */
  leftPage?: boolean;
  stopping: 'pause' | 'cancel' | null;
  estimateMs: number | null;
}

/** The same controls as the bulk invite's run (RunActions.tsx). */
export type OffboardRunControls = RunControls;

function stateWords(state: OffboardRowState): { status: string; details: string } {
  switch (state.kind) {
    case 'queued':
      return { status: t('obStateQueued'), details: '' };
    case 'removing':
      return { status: t('obStateRemoving'), details: '' };
    case 'removed':
      return { status: t('obStateRemoved'), details: state.detail };
    case 'failed':
      return { status: t('obStateFailed'), details: visibleSentence(state.reason) };
    case 'skipped':
      return { status: t('obStateSkipped'), details: state.reason === 'not-acknowledged' ? t('obNotAcknowledged') : visibleSentence(state.reason) };
    case 'cancelled':
      return { status: t('obStateCancelled'), details: '' };
    case 'invalid':
      return { status: t('obStateInvalid'), details: visibleSentence(state.reason) };
  }
}

function statusLine(view: OffboardRunView, counts: OffboardJobCounts): string {
  if (view.running) {
    if (view.stopping === 'cancel') return t('obCancelling');
    if (view.stopping === 'pause') return t('obPausing');
    return view.estimateMs !== null ? t('obRunningEstimate', { seconds: Math.max(1, Math.round(view.estimateMs / 1000)) }) : t('obRunning');
  }
  if (view.interrupted) return t('obInterrupted');
  if (view.leftPage && view.job.status === 'paused') return t('obPausedLeft');
  if (view.job.status === 'done') return counts.failed > 0 ? t('obFinishedFailed', { count: counts.failed }) : t('obFinished');
  if (view.job.status === 'cancelled') return t('obCancelled');
  return t('obPaused');
}

export function OffboardRun({ view, counts, controls }: { view: OffboardRunView; counts: OffboardJobCounts; controls: OffboardRunControls }) {
  const { job, running } = view;
  const open = job.status !== 'done' && job.status !== 'cancelled';
  return (
    <section class="al-bi-run al-ob-run" aria-label={t('obRunLabel')}>
      <RunProgress
        summary={t('obRunSummary', { removed: counts.removed, total: counts.toRun, failed: counts.failed, left: counts.left, skipped: counts.skipped, invalid: counts.invalid })}
        finished={counts.removed + counts.failed + counts.cancelled}
        total={counts.toRun}
        label={t('obProgressLabel')}
        status={statusLine(view, counts)}
      />
      <RunActions
        controls={controls}
        running={running}
        open={open}
        stopping={view.stopping}
        failed={counts.failed}
        cancelled={job.status === 'cancelled'}
        startLabel={t('runResume')}
      />
      <InviteRowsTable
        label={t('obResultsLabel')}
        rows={job.rows.map((row) => {
          const words = stateWords(row.state);
          return { row: row.row, email: row.email, status: words.status, kind: `state-${row.state.kind}`, details: words.details };
        })}
      />
    </section>
  );
}
