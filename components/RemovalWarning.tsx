/**
 * The removal guard's panel inside the console's removal dialog: either a refusal that cannot be
 * overridden, or what the removal would do and a deliberate two-step confirmation. No Amplitude
 * knowledge: the feature passes texts and callbacks.
 */
import { RemovalPersonImpact, type RemovalPersonImpactProps } from './RemovalPersonImpact';
import { t } from '@/utils/i18n';

export type RemovalWarningStage = 'warn' | 'acknowledge';

export interface RemovalWarningProps {
  verdict: 'refuse' | 'confirm';
  refusals: string[];
  warnings: string[];
  /** Content would be orphaned (transfer off, someone owns content). */
  orphans: boolean;
  /** Something could not be read: going on is recorded as unverified. */
  unverified: boolean;
  people: RemovalPersonImpactProps[];
  stage: RemovalWarningStage;
  acknowledged: boolean;
  /** The admin tried to confirm and Admin Lens held the removal back. */
  held: boolean;
  /** Recording in the audit log before the console acts. */
  pending: boolean;
  error: string | null;
  onGoBack: () => void;
  onProceed: () => void;
  onAcknowledge: (checked: boolean) => void;
  /** After a failed audit record: remove all the same, unrecorded, deliberately. */
  onRemoveUnrecorded: () => void;
}

export function RemovalWarning(props: RemovalWarningProps) {
  if (props.verdict === 'refuse') {
    return (
      <section class="alrg-panel alrg-panel--refuse" aria-label={t('rgLabel')}>
        <div role="alert">
          <p class="alrg-title">{t('rgRefusedTitle')}</p>
          <ul class="alrg-reasons">
            {props.refusals.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
          <p class="alrg-note">{t('rgBlocked')}</p>
        </div>
      </section>
    );
  }
  const acknowledgeLabel = props.orphans ? t('rgAckOrphans') : props.unverified ? t('rgAckUnverified') : t('rgAckUnsafe');
  return (
    <section class="alrg-panel alrg-panel--confirm" aria-label={t('rgLabel')}>
      <div role="alert">
        <p class="alrg-title">{t('rgCheckTitle')}</p>
        <ul class="alrg-reasons">
          {props.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      </div>
      {props.people.length > 0 ? (
        <ul class="alrg-people" aria-label={t('rgTakesAway')}>
          {props.people.map((person) => (
            <RemovalPersonImpact key={person.email ?? person.name} {...person} />
          ))}
        </ul>
      ) : null}
      <p class="alrg-strong">{t('rgCannotUndo')}</p>
      {props.held ? (
        <p class="alrg-held" role="status">
          {t('rgHeld')}
        </p>
      ) : null}
      {props.stage === 'warn' ? (
        <div class="alrg-actions">
          <button type="button" class="alrg-button alrg-button--primary" onClick={props.onGoBack}>
            {props.orphans ? t('rgBackTransfer') : t('rgBack')}
          </button>
          <button type="button" class="alrg-button alrg-button--danger" onClick={props.onProceed}>
            {props.orphans ? t('rgRemoveNoTransfer') : t('rgRemoveAnyway')}
          </button>
        </div>
      ) : (
        <div class="alrg-confirm">
          <label class="alrg-check">
            <input
              type="checkbox"
              checked={props.acknowledged}
              disabled={props.pending}
              onChange={(event) => props.onAcknowledge(event.currentTarget.checked)}
            />
            {acknowledgeLabel}
          </label>
          <p class="alrg-note">{props.acknowledged ? t('rgNowPress') : t('rgThenPress')}</p>
          <button type="button" class="alrg-button" onClick={props.onGoBack}>
            {props.orphans ? t('rgBackTransfer') : t('rgBack')}
          </button>
        </div>
      )}
      {props.pending ? (
        <p class="alrg-note" role="status">
          {t('rgRecording')}
        </p>
      ) : null}
      {props.error ? (
        <div class="alrg-error-box">
          <p class="alrg-error" role="alert">
            {props.error}
          </p>
          <button type="button" class="alrg-button alrg-button--danger" onClick={props.onRemoveUnrecorded}>
            {t('rgRemoveUnrecorded')}
          </button>
        </div>
      ) : null}
    </section>
  );
}
