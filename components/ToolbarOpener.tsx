/**
 * A button of ours beside the console's own "Invite New Users" (bulk invite, offboarding), with the
 * offer to resume an unfinished run, something to know without opening (a run going on in another
 * tab), why the dialog could not be loaded, and, when the console's button was not found, which
 * landmark is missing. The dialog itself is loaded on demand. Knows nothing about Amplitude.
 */
import { t } from '@/utils/i18n';

export interface ToolbarOpenerProps {
  /** The button's words. */
  label: string;
  /** The button's own class (its look), beside the shared `al-bi-button`. */
  kind: string;
  open: boolean;
  onToggle: () => void;
  /** An unfinished run found on arrival: the text of a button that opens it. */
  resumeOffer: string | null;
  /** Something to know without opening, e.g. a run going on in another tab. */
  notice?: string | null;
  /** Shown under the button when the console's own invite button was not found. */
  landmarkNote?: string | null;
  /** Why the dialog could not be loaded, if it could not. */
  loadError: string | null;
  /** While the dialog's file loads. */
  loading: boolean;
}

export function ToolbarOpener({ label, kind, open, onToggle, resumeOffer, notice = null, landmarkNote = null, loadError, loading }: ToolbarOpenerProps) {
  return (
    <>
      <button type="button" class={`al-bi-button ${kind}`} aria-expanded={open} aria-busy={loading} onClick={onToggle}>
        {label}
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
