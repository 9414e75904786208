/**
 * Change of email, the panel: for a new change, the new address (checked as you type by the bulk
 * invite's rules) and the plan, with the pieces this console does not let us read said as such and
 * open to be filled in; for a change under way, where it is (what it waits for, since when), what
 * can be done now (send the invite, check again, remove the old account with its content, cancel),
 * and at the end what the final check found, each difference with what to fix by hand. A modal
 * dialog; Esc closes it. Page data is rendered as text only. Knows nothing about Amplitude.
 */
import { useEffect, useRef } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { PageText } from './PageText';
import { PlanFillIn, type FillAction, type FillIn } from './PlanFillIn';

export interface PlanLine {
  /** Which piece (unique among the lines). */
  piece: string;
  /** What the piece is ("Team", "Groups", …). */
  label: string;
  /** Its value in words; null when not readable on this console and not decided. */
  value: string | null;
  /** Filled in by the admin. */
  chosen: boolean;
  /** Not readable here, and left empty by the admin's choice. */
  leftEmpty: boolean;
  /** For a new change, a piece not readable here: how the admin decides it. */
  fillIn?: FillIn;
}

export type ChangeAction = 'invite' | 'check' | 'remove' | 'cancel';

export interface EmailChangePanelProps {
  titleId: string;
  oldName: string;
  oldEmail: string;
  /** A new change: the address typed so far and the checks; null for a change under way. */
  draft: { email: string; errors: readonly string[]; warnings: readonly string[]; undecided: string | null; canStart: boolean } | null;
  plan: readonly PlanLine[];
  /** For a change under way: the new address, where it is in words, and the final check. */
  status: { newEmail: string; step: string; detail: string | null; report: readonly string[]; finished: boolean } | null;
  actions: readonly ChangeAction[];
  /** An action is being carried out (the console is being driven): every button waits. */
  busy: string | null;
  onEmail: (email: string) => void;
  onFill: (piece: string, action: FillAction) => void;
  onStart: () => void;
  onAction: (action: ChangeAction) => void;
  onClose: () => void;
}

const ACTION_LABEL: Record<ChangeAction, () => string> = {
  invite: () => t('ecActionInvite'),
  check: () => t('ecActionCheck'),
  remove: () => t('ecActionRemove'),
  cancel: () => t('ecActionCancel'),
};

export function EmailChangePanel(props: EmailChangePanelProps) {
  const dialog = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    (input.current ?? dialog.current)?.focus();
  }, [props.titleId]);

  return (
    <div class="al-ec__backdrop">
      <div
        ref={dialog}
        class="al-ec"
        role="dialog"
        aria-modal="true"
        aria-labelledby={props.titleId}
        tabIndex={-1}
        onKeyDown={(event) => {
          if (event.key !== 'Escape') return;
          event.preventDefault();
          event.stopPropagation();
          props.onClose();
        }}
      >
        <div class="al-ec__head">
          <h2 id={props.titleId} class="al-ec__title">
            {t('ecTitle')}
          </h2>
          <button type="button" class="al-ec__close" aria-label={t('ecClose')} onClick={props.onClose}>
            ×
          </button>
        </div>
        <p class="al-ec__who">
          <PageText text={props.oldName} /> · <PageText text={props.oldEmail} />
        </p>

        {props.draft ? (
          <div class="al-ec__field">
            <label for={`${props.titleId}-email`}>{t('ecNewEmailLabel')}</label>
            <input
              ref={input}
              id={`${props.titleId}-email`}
              type="email"
              autocomplete="off"
              spellcheck={false}
              value={props.draft.email}
              aria-invalid={props.draft.errors.length > 0 && props.draft.email.trim() !== ''}
              aria-describedby={`${props.titleId}-checks`}
              onInput={(event) => props.onEmail(event.currentTarget.value)}
            />
            <div id={`${props.titleId}-checks`} role="status">
              {props.draft.email.trim() !== '' ? props.draft.errors.map((error) => <p class="al-ec__error" key={error}>{error}</p>) : null}
              {props.draft.warnings.map((warning) => (
                <p class="al-ec__note" key={warning}>
                  {warning}
                </p>
              ))}
            </div>
          </div>
        ) : null}

        <section aria-label={t('ecPlanLabel')}>
          <h3 class="al-ec__h3">{props.draft ? t('ecPlanHeading') : t('ecPlanHeadingSent')}</h3>
          <dl class="al-ec__plan">
            {props.plan.map((line) => (
              <div key={line.piece} class="al-ec__line">
                <dt>{line.label}</dt>
                <dd>
                  {line.leftEmpty ? (
                    <span class="al-ec__note">{t('ecPieceLeftEmpty')}</span>
                  ) : line.value === null ? (
                    <span class="al-ec__unknown">{t('ecPieceUnknown')}</span>
                  ) : (
                    <PageText text={line.value} />
                  )}
                  {line.chosen ? <span class="al-ec__note"> {t('ecPieceChosen')}</span> : null}
                  {props.draft && line.fillIn ? <PlanFillIn id={`${props.titleId}-${line.piece}`} label={line.label} fillIn={line.fillIn} onFill={(action) => props.onFill(line.piece, action)} /> : null}
                </dd>
              </div>
            ))}
          </dl>
        </section>

        {props.status ? (
          <section aria-label={t('ecStatusLabel')} class="al-ec__status">
            <p>
              {t('ecNewAddress')} <PageText text={props.status.newEmail} />
            </p>
            <p role="status" class="al-ec__step">
              {props.status.step}
            </p>
            {props.status.detail ? <p class="al-ec__note">{props.status.detail}</p> : null}
            {props.status.report.length > 0 ? (
              <ul class="al-ec__report" aria-label={t('ecReportLabel')}>
                {props.status.report.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            ) : null}
          </section>
        ) : null}

        {props.busy ? (
          <p class="al-ec__busy" role="status">
            {props.busy}
          </p>
        ) : null}

        {props.draft ? (
          // Why the invite cannot go yet: the pieces still to decide (read out as they change).
          <p id={`${props.titleId}-undecided`} role="status" class="al-ec__error">
            {props.draft.undecided ?? ''}
          </p>
        ) : null}

        <div class="al-ec__actions">
          {props.draft ? (
            <button type="button" class="al-ec__primary" aria-describedby={`${props.titleId}-undecided`} disabled={!props.draft.canStart || !!props.busy} onClick={props.onStart}>
              {t('ecStart')}
            </button>
          ) : null}
          {props.actions.map((action) => (
            <button key={action} type="button" class={action === 'remove' || action === 'invite' ? 'al-ec__primary' : 'al-ec__secondary'} disabled={!!props.busy} onClick={() => props.onAction(action)}>
              {ACTION_LABEL[action]()}
            </button>
          ))}
          <button type="button" class="al-ec__secondary" onClick={props.onClose}>
            {t('ecClose')}
          </button>
        </div>
      </div>
    </div>
  );
}
