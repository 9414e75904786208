/**
 * Diagnostics lists (each row: a name, its status, one line of detail) and a "Copy report" button
 * with a status message. Knows nothing about Amplitude: rows come from the caller.
 */
import { visibleSentence } from '@/utils/text/visible-text';
import { useState } from 'preact/hooks';
import { t } from '@/utils/i18n';

export interface ReportRow {
  name: string;
  /** Short status word shown before the name, e.g. "found", "MISSING". */
  status: string;
  /** True when this row is something broken (styled and announced as a problem). */
  problem: boolean;
  detail: string;
}

export interface ReportSection {
  title: string;
  rows: ReportRow[];
  /** A sentence under the list (what an empty list means, what is not in it). */
  note?: string;
}

export interface DiagnosticsReportProps {
  sections: ReportSection[];
  /** Puts the report on the clipboard; rejects when it could not. */
  onCopy: () => Promise<void>;
}

export function DiagnosticsReport({ sections, onCopy }: DiagnosticsReportProps) {
  const [copyStatus, setCopyStatus] = useState('');
  const copy = () => {
    setCopyStatus('');
    onCopy().then(
      () => setCopyStatus(t('diagCopied')),
      (error: unknown) => setCopyStatus(t('diagCopyFailed', { error: error instanceof Error ? error.message : String(error) })),
    );
  };
  return (
    <section class="al-diag" aria-labelledby="al-diag-title">
      <h2 id="al-diag-title">{t('diagTitle')}</h2>
      {sections.map((section) => (
        <div key={section.title}>
          <h3>{section.title}</h3>
          <ul class="al-diag__list" aria-label={section.title}>
            {section.rows.map((row) => (
              <li key={row.name} class={row.problem ? 'al-diag__row al-diag__row--problem' : 'al-diag__row'}>
                {/* Details quote the page (headings, names, the console's messages): hidden characters marked. */}
                <span class="al-diag__status">{row.status}</span> <span class="al-diag__name">{visibleSentence(row.name)}</span>
                <div class="al-diag__detail">{visibleSentence(row.detail)}</div>
              </li>
            ))}
          </ul>
          {section.note && <p class="al-diag__note">{section.note}</p>}
        </div>
      ))}
      <button type="button" class="al-diag__copy" onClick={copy}>
        {t('diagCopy')}
      </button>
      <p role="status" class="al-diag__copied">
        {copyStatus}
      </p>
    </section>
  );
}
