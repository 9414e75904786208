/**
 * The removal guard's small panel for the moments before a verdict or after a failure on the safe
 * path: "checking against fresh data" (the admin's Remove waits), or an error that stopped a removal
 * that was otherwise safe (the audit record could not be written), with a way forward. No Amplitude
 * knowledge: the feature passes texts and callbacks.
 */
import { t, tCount } from '@/utils/i18n';

export type RemovalCheckProps =
  | { kind: 'checking'; people: number; waiting: boolean }
  | { kind: 'error'; error: string; onRetry: () => void; onRemoveUnrecorded: () => void };

export function RemovalCheck(props: RemovalCheckProps) {
  if (props.kind === 'checking') {
    return (
      <section class="alrg-panel alrg-panel--checking" aria-label={t('rgLabel')}>
        <p class="alrg-title" role="status">
          {tCount('rgChecking', props.people)}
        </p>
        {props.waiting ? <p class="alrg-note">{t('rgCheckingHeld')}</p> : null}
      </section>
    );
  }
  return (
    <section class="alrg-panel alrg-panel--confirm" aria-label={t('rgLabel')}>
      <p class="alrg-error" role="alert">
        {props.error}
      </p>
      <div class="alrg-actions">
        <button type="button" class="alrg-button alrg-button--primary" onClick={props.onRetry}>
          {t('rgTryAgain')}
        </button>
        <button type="button" class="alrg-button alrg-button--danger" onClick={props.onRemoveUnrecorded}>
          {t('rgRemoveUnrecorded')}
        </button>
      </div>
    </section>
  );
}
