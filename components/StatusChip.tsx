/**
 * A small pill beside the heading: Admin Lens is active, for which org, and how fresh its data is.
 * Org names and error texts are page data: rendered as text only.
 */
import { t } from '@/utils/i18n';

export interface StatusChipProps {
  orgLabel: string;
  /** e.g. "30 members · as of 10:42", or "Reading the org…" */
  detail: string;
  /** Set when the last read failed: shown instead of numbers that could be wrong. */
  error: string | null;
  /** Landmarks of the console not found on the page, with the features they stop; null when none. */
  missing?: string | null;
  /** Rows of the Users table that got no badge because nobody could be told from them; null when none. */
  rowsNote?: string | null;
  /** The extension's own storage failed (its cache of the org): what happened; null when it works. */
  storageNote?: string | null;
}

export function StatusChip({ orgLabel, detail, error, missing = null, rowsNote = null, storageNote = null }: StatusChipProps) {
  return (
    <span class="al-chip-wrap">
      <span class="al-chip" role="status" aria-label={t('chipLabel', { org: orgLabel })}>
        <span class={error ? 'al-chip__dot al-chip__dot--error' : 'al-chip__dot'} aria-hidden="true" />
        <span class="al-chip__name">{t('chipName')}</span>
        <span class="al-chip__org" title={orgLabel}>
          {orgLabel}
        </span>
        <span class="al-chip__detail">{detail}</span>
      </span>
      {error ? (
        <span class="al-chip__error" role="alert">
          {error}
        </span>
      ) : null}
      {missing ? (
        <span class="al-chip__missing" role="status">
          {missing}
        </span>
      ) : null}
      {storageNote ? (
        <span class="al-chip__error" role="alert">
          {storageNote}
        </span>
      ) : null}
      {rowsNote ? (
        <span class="al-chip__missing" role="status">
          {rowsNote}
        </span>
      ) : null}
    </span>
  );
}
