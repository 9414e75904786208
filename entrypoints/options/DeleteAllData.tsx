/**
 * "Delete all Admin Lens data": everything the extension keeps in this browser (the background's
 * IndexedDB stores and the storage areas), after a confirmation that says what goes. The
 * background does the deleting, so its memory (the last snapshot) goes too.
 */
import { useRef, useState } from 'preact/hooks';
import { sendRequest } from '@/utils/messaging';
import { t } from '@/utils/i18n';
import { FormMessages } from './FormMessages';

export function DeleteAllData({ onDeleted }: { onDeleted: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const deleteEverything = async () => {
    setBusy(true);
    try {
      await sendRequest({ type: 'data-delete-all' });
      setProblem(null);
      setStatus(t('optionsDeleted'));
      onDeleted();
    } catch (error) {
      setStatus('');
      setProblem(t('optionsDeleteFailed', { error: error instanceof Error ? error.message : String(error) }));
    } finally {
      setBusy(false);
      dialog.current?.close();
    }
  };

  return (
    <section class="al-options__data" aria-labelledby="al-data-title">
      <h2 id="al-data-title">{t('optionsDataTitle')}</h2>
      <p class="al-field__hint">{t('optionsDataIntro')}</p>
      <button
        type="button"
        class="al-danger"
        onClick={() => {
          setStatus('');
          dialog.current?.showModal();
        }}
      >
        {t('optionsDeleteAll')}
      </button>
      <FormMessages status={status} problem={problem} />
      <dialog ref={dialog} class="al-confirm" aria-labelledby="al-delete-title" aria-describedby="al-delete-text">
        <h2 id="al-delete-title">{t('optionsDeleteConfirmTitle')}</h2>
        <p id="al-delete-text">{t('optionsDeleteConfirmText')}</p>
        <div class="al-options__actions">
          {/* The safe answer has the focus: Enter or Esc keeps the data. */}
          <button type="button" autoFocus onClick={() => dialog.current?.close()}>
            {t('optionsDeleteCancel')}
          </button>
          <button type="button" class="al-danger" disabled={busy} onClick={() => void deleteEverything()}>
            {t('optionsDeleteConfirm')}
          </button>
        </div>
      </dialog>
    </section>
  );
}
