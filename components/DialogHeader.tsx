/** The title bar of our dialogs (bulk invite, offboarding): a focusable heading and a close button. */
import type { Ref } from 'preact';
import { t } from '@/utils/i18n';

export interface DialogHeaderProps {
  /** The heading's id, which the dialog names itself by (aria-labelledby). */
  id: string;
  title: string;
  /** The heading takes focus when the dialog opens, so screen readers start at its name. */
  headingRef?: Ref<HTMLHeadingElement>;
  onClose: () => void;
}

export function DialogHeader({ id, title, headingRef, onClose }: DialogHeaderProps) {
  return (
    <div class="al-bi-header">
      <h2 id={id} ref={headingRef} tabIndex={-1}>
        {title}
      </h2>
      <button type="button" class="al-bi-close" aria-label={t('biClose')} onClick={onClose}>
        ×
      </button>
    </div>
  );
}
