/**
 * The head of a long run (bulk invite, offboarding): the counts in words (a live status for screen
 * readers), a progress bar that says "done of total", and the line saying what the run is doing.
 */
import { t } from '@/utils/i18n';

export interface RunProgressProps {
  /** The counts in words, e.g. "12 of 40 invited, 1 failed, 27 left". */
  summary: string;
  /** Rows finished (done or failed) and rows to run: the bar's value and maximum. */
  finished: number;
  total: number;
  /** Names the bar for assistive technology. */
  label: string;
  /** What the run is doing or why it stopped. */
  status: string;
  /** Shows the status as a paused run's (set off from the rest). */
  paused?: boolean;
}

export function RunProgress({ summary, finished, total, label, status, paused = false }: RunProgressProps) {
  const percent = total === 0 ? 100 : Math.round((finished / total) * 100);
  return (
    <>
      <p class="al-bi-counts" role="status">
        {summary}
      </p>
      <div
        class="al-bi-progress"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={finished}
        aria-valuetext={t('runProgressValue', { done: finished, total })}
      >
        <div class="al-bi-progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <p class={`al-bi-run-status${paused ? ' al-bi-run-paused' : ''}`}>{status}</p>
    </>
  );
}
