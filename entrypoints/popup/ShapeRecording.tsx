/**
 * The popup's opt-in "Record data shapes for 60 s": the tab's content script and page-world script
 * record, for every GraphQL call the page makes meanwhile, the names of the variables and of the
 * answer's fields with the types of their values, never a value (utils/diagnostics/shape-*.ts).
 * The recording lives in the tab: the popup may close (the admin uses the page meanwhile) and,
 * opened again, shows where it stands, the shapes, and Copy.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { z } from 'zod/mini';
import { t } from '@/utils/i18n';
import { localTime } from '@/utils/diagnostics/report';
import { shapeReportText } from '@/utils/diagnostics/shape-report';
import { ShapesAnswer } from '@/utils/diagnostics/shape-schema';
import { askTab } from './tab-request';

export function ShapeRecording({ tabId }: { tabId: number }) {
  const [state, setState] = useState<ShapesAnswer | null>(null);
  const [note, setNote] = useState('');
  const [now, setNow] = useState(Date.now());

  const take = (raw: unknown) => {
    const parsed = z.safeParse(ShapesAnswer, raw);
    setState(parsed.success ? parsed.data : null);
    setNow(Date.now());
    if (!parsed.success) setNote(t('diagShapesNoAnswer'));
  };
  const refresh = async () => take(await askTab(tabId, { type: 'shapes' }));

  useEffect(() => {
    void refresh();
  }, [tabId]);
  // While it records, ask again every second: the countdown, and the operations seen so far.
  useEffect(() => {
    if (state?.phase !== 'recording') return;
    const timer = setInterval(() => void refresh(), 1000);
    return () => clearInterval(timer);
  }, [state?.phase]);

  const record = async () => {
    setNote('');
    take(await askTab(tabId, { type: 'record-shapes' }));
  };

  // Shown (and copyable) as it grows: the admin may copy before the 60 s are up.
  const text = state && state.until !== null && (state.phase === 'done' || state.operations.length > 0)
    ? shapeReportText({ operations: state.operations, version: browser.runtime.getManifest().version, until: new Date(state.until).toISOString() })
    : '';
  const copy = () => {
    setNote('');
    navigator.clipboard.writeText(text).then(
      () => setNote(t('diagShapesCopied')),
      (error: unknown) => setNote(t('diagCopyFailed', { error: error instanceof Error ? error.message : String(error) })),
    );
  };

  const seconds = state?.until ? Math.max(0, Math.ceil((state.until - now) / 1000)) : 0;
  const progress =
    state?.phase === 'recording'
      ? t('diagShapesRecording', { seconds, operations: state.operations.map((recorded) => recorded.operation).join(', ') || t('diagShapesNoneYet') })
      : state?.phase === 'done'
        ? t('diagShapesDone', { time: localTime(new Date(state.until ?? now).toISOString()) })
        : '';

  return (
    <section class="al-shapes" aria-labelledby="al-shapes-title">
      <h2 id="al-shapes-title">{t('diagShapesTitle')}</h2>
      <p>{t('diagShapesIntro')}</p>
      <button type="button" class="al-diag__copy" disabled={state?.phase === 'recording'} onClick={() => void record()}>
        {t('diagShapesRecord')}
      </button>
      <p aria-live="polite">{progress}</p>
      {text && (
        <>
          <pre class="al-shapes__text" tabIndex={0} aria-label={t('diagShapesTextLabel')}>
            {text}
          </pre>
          <button type="button" class="al-diag__copy" onClick={copy}>
            {t('diagShapesCopy')}
          </button>
        </>
      )}
      <p role="status">{note}</p>
    </section>
  );
}
