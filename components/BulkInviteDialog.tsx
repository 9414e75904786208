/**
 * Bulk invite from CSV, the dialog: paste, drop or pick a CSV (or tab-separated rows from a
 * spreadsheet), validated against the org as you type, with the preview, the planned batches and
 * Start; during and after a run, the run itself. Non-modal; Esc closes it. Its state (the text)
 * stays while it is closed. Rendered by the lazily loaded bulk-invite file (entrypoints/
 * invite-logic.ts), never by the content script itself. Knows nothing about Amplitude.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { OrgSnapshot } from '@/utils/access/model';
import type { JobCounts } from '@/utils/invite/job';
import { parseInviteCsv, type ParsedCsv } from '@/utils/invite/parse';
import { planBatches, type InvitePlan } from '@/utils/invite/plan';
import { readInviteFile } from '@/utils/invite/read-file';
import { validateInvites, type ValidationResult } from '@/utils/invite/validate';
import { BulkInvitePreview } from './BulkInvitePreview';
import { DialogHeader } from './DialogHeader';
import { BulkInviteRun, type BulkInviteRunProps, type RunView } from './BulkInviteRun';
import { t, tCount } from '@/utils/i18n';

export interface BulkInviteDialogProps {
  open: boolean;
  snapshot: OrgSnapshot | null;
  onClose: () => void;
  onDownloadTemplate: () => void;
  onDownloadErrors: (parsed: ParsedCsv, result: ValidationResult) => void;
  /** Starts inviting the ready rows (the run then shows instead of the input). */
  onStart: (parsed: ParsedCsv, result: ValidationResult, plan: InvitePlan) => void;
  /** The run in progress or last run, with its counts and controls; null before any. */
  run: { view: RunView; counts: JobCounts; controls: Omit<BulkInviteRunProps, 'view' | 'counts'> } | null;
  /** Emails per invite (a setting). */
  batchSize?: number;
  /** Delay between the last keystroke and validation, in ms. */
  debounceMs?: number;
}

export function BulkInviteDialog({ open, snapshot, onClose, onDownloadTemplate, onDownloadErrors, onStart, run, batchSize, debounceMs = 250 }: BulkInviteDialogProps) {
  const [text, setText] = useState('');
  const [validated, setValidated] = useState('');
  /** What came of the last file: read (with a notice on how), or refused (why, and what to do). */
  const [fileNote, setFileNote] = useState<{ note: string | null; notice: string | null; error: string | null } | null>(null);
  const [dragging, setDragging] = useState(false);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (text === validated) return;
    const timer = setTimeout(() => setValidated(text), debounceMs);
    return () => clearTimeout(timer);
  }, [text, validated, debounceMs]);

  useEffect(() => {
    if (!open) return;
    if (textarea.current) textarea.current.focus();
    else heading.current?.focus();
  }, [open, !run]);

  const outcome = useMemo(() => {
    if (!snapshot || validated.trim() === '') return null;
    const parsed = parseInviteCsv(validated);
    const result = validateInvites(parsed, snapshot);
    return { parsed, result, plan: planBatches(result.rows, { batchSize }) };
  }, [validated, snapshot, batchSize]);

  // The file picker and drag and drop both come here, so both get the same checks.
  const readFile = (file: File | undefined) => {
    if (!file) return;
    void readInviteFile(file).then((outcome) => {
      // A file replaces the text, also when it holds nothing to import (the old preview would mislead).
      const text = outcome.ok ? outcome.text : '';
      setText(text);
      setValidated(text);
      setFileNote(outcome.ok ? { note: outcome.note, notice: outcome.notice, error: null } : { note: null, notice: null, error: outcome.error });
    });
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    }
  };

  if (!open) return null;
  const pending = text !== validated;

  return (
    <div class="al-bi-dialog" role="dialog" aria-labelledby="al-bi-title" onKeyDown={onKeyDown}>
      <DialogHeader id="al-bi-title" title={t('biTitle')} headingRef={heading} onClose={onClose} />
      {run ? (
        <BulkInviteRun view={run.view} counts={run.counts} {...run.controls} />
      ) : (
        <>
          <p class="al-bi-help">{t('biHelp')}</p>
          <label class="al-bi-label" for="al-bi-text">
            {t('biPasteLabel')}
          </label>
          <div
            class={`al-bi-drop${dragging ? ' al-bi-dragging' : ''}`}
            onDragOver={(event) => {
              event.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={(event) => {
              event.preventDefault();
              setDragging(false);
              readFile(event.dataTransfer?.files[0]);
            }}
          >
            <textarea
              id="al-bi-text"
              ref={textarea}
              class="al-bi-textarea"
              rows={8}
              spellcheck={false}
              placeholder={'email,team,groups\nnew.person@example.com,Engineering,Product Analysts'}
              value={text}
              onInput={(event) => {
                setText(event.currentTarget.value);
                // Typing makes the text the admin's own: a refused file's message no longer applies.
                if (fileNote?.error) setFileNote(null);
              }}
            />
          </div>
          <div class="al-bi-actions">
            <label class="al-bi-file">
              <span>{t('biChooseFile')}</span>
              <input
                type="file"
                accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
                onChange={(event) => {
                  const input = event.currentTarget;
                  readFile(input.files?.[0]);
                  input.value = '';
                }}
              />
            </label>
            <button type="button" class="al-bi-button" onClick={onDownloadTemplate}>
              {t('biDownloadTemplate')}
            </button>
          </div>
          {fileNote?.note && <p class="al-bi-file-note">{fileNote.note}</p>}
          {fileNote?.notice && (
            <p class="al-bi-file-notice" role="status">
              {fileNote.notice}
            </p>
          )}
          {fileNote?.error && (
            <p class="al-bi-file-refused" role="alert">
              {fileNote.error}
            </p>
          )}
          {!snapshot ? (
            <p class="al-bi-waiting" role="status">
              {t('biWaitingData')}
            </p>
          ) : text.trim() === '' ? null : outcome ? (
            <div aria-busy={pending}>
              <BulkInvitePreview result={outcome.result} plan={outcome.plan} onDownloadErrors={() => onDownloadErrors(outcome.parsed, outcome.result)} />
              {outcome.result.ok && outcome.plan.counts.toInvite > 0 && (
                <div class="al-bi-actions">
                  <button type="button" class="al-bi-button al-bi-primary" disabled={pending} onClick={() => onStart(outcome.parsed, outcome.result, outcome.plan)}>
                    {tCount('biInvitePeople', outcome.plan.counts.toInvite)}
                  </button>
                  <span class="al-bi-note">
                    {tCount('biSendNote', outcome.plan.counts.batches)}
                  </span>
                </div>
              )}
            </div>
          ) : (
            <p class="al-bi-waiting">{t('biValidating')}</p>
          )}
        </>
      )}
    </div>
  );
}
