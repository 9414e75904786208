/**
 * The controls of a long run (bulk invite, offboarding), the same in both so an admin meets one
 * set of buttons: Pause while it runs, else Start/Resume while it is open; Cancel while open;
 * Retry failed; Download results; New import once it is over.
 */
import { t } from '@/utils/i18n';

export interface RunControls {
  onResume: () => void;
  onPause: () => void;
  onCancel: () => void;
  onRetryFailed: () => void;
  onDownloadResults: () => void;
  onNewImport: () => void;
}

export interface RunActionsProps {
  controls: RunControls;
  /** The runner is working on it in this page now. */
  running: boolean;
  /** Not done and not cancelled: it can still be resumed or cancelled. */
  open: boolean;
  /** What the admin asked for and is waiting on. */
  stopping: 'pause' | 'cancel' | null;
  /** Rows that failed (Retry failed is offered when some did and the run was not cancelled). */
  failed: number;
  cancelled: boolean;
  /** The label of the button that (re)starts it: "Start" for a fresh run, else "Resume". */
  startLabel: string;
}

export function RunActions({ controls, running, open, stopping, failed, cancelled, startLabel }: RunActionsProps) {
  return (
    <div class="al-bi-actions">
      {running ? (
        <button type="button" class="al-bi-button" onClick={controls.onPause} disabled={stopping !== null}>
          {t('runPause')}
        </button>
      ) : (
        open && (
          <button type="button" class="al-bi-button al-bi-primary" onClick={controls.onResume}>
            {startLabel}
          </button>
        )
      )}
      {open && (
        <button type="button" class="al-bi-button" onClick={controls.onCancel} disabled={stopping === 'cancel'}>
          {t('runCancel')}
        </button>
      )}
      {!running && failed > 0 && !cancelled && (
        <button type="button" class="al-bi-button" onClick={controls.onRetryFailed}>
          {t('runRetryFailed', { count: failed })}
        </button>
      )}
      <button type="button" class="al-bi-button" onClick={controls.onDownloadResults}>
        {t('runDownloadResults')}
      </button>
      {!running && !open && (
        <button type="button" class="al-bi-button" onClick={controls.onNewImport}>
          {t('runNewImport')}
        </button>
      )}
    </div>
  );
}
