/**
 * The "Bulk invite from CSV" button that sits beside the console's own invite button, with the
 * offer to resume an unfinished run and, when the console's button was not found, which landmark
 * is missing. The dialog itself is loaded on demand (BulkInviteDialog). Knows nothing about Amplitude.
 */
import { t } from '@/utils/i18n';

export interface BulkInviteOpenerProps {
  open: boolean;
  onToggle: () => void;
  /** An unfinished run found on arrival: the text of a button that opens it. */
  resumeOffer: string | null;
  /** Something to know without opening, e.g. a run going on in another tab. */
  notice?: string | null;
  /** Shown under the button when the console's own invite button was not found. */
  landmarkNote: string | null;
  /** Why the dialog could not be loaded, if it could not. */
  loadError: string | null;
  loading: boolean;
}

export function BulkInviteOpener({ open, onToggle, resumeOffer, notice = null, landmarkNote, loadError, loading }: BulkInviteOpenerProps) {
  return (
    <>
      <button type="button" class="al-bi-button al-bi-opener" aria-expanded={open} aria-busy={loading} onClick={onToggle}>
        {t('biTitle')}
      </button>
      {resumeOffer && !open && (
        <button type="button" class="al-bi-button al-bi-resume-offer" onClick={onToggle}>
          {resumeOffer}
        </button>
      )}
      {notice && (
        <p class="al-bi-landmark" role="status">
          {notice}
        </p>
      )}
      {loadError && (
        <p class="al-bi-landmark" role="alert">
          {loadError}
        </p>
      )}
      {landmarkNote && <p class="al-bi-landmark">{landmarkNote}</p>}
    </>
  );
}
