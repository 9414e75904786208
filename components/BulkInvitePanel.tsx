/**
 * Bulk invite from CSV: our own button and, when open, a non-modal dialog to paste, drop or pick a
 * CSV (or tab-separated rows from a spreadsheet), validated against the org as you type, with the
 * preview and the planned batches. Esc closes the dialog and focus goes back to the button. The
 * text stays when the dialog closes and reopens. Knows nothing about Amplitude.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { OrgSnapshot } from '@/utils/access/model';
import type { JobCounts } from '@/utils/invite/job';
import type { InviteLogic } from '@/utils/invite/logic';
import type { ParsedCsv } from '@/utils/invite/parse';
import type { InvitePlan } from '@/utils/invite/plan';
import type { ValidationResult } from '@/utils/invite/validate';
import { BulkInvitePreview } from './BulkInvitePreview';
import { BulkInviteRun, type BulkInviteRunProps, type RunView } from './BulkInviteRun';

export interface BulkInvitePanelProps {
  snapshot: OrgSnapshot | null;
  /** The CSV tools, loaded when the panel is first opened; null until then. */
  logic: InviteLogic | null;
  /** Why the CSV tools could not be loaded, if they could not. */
  logicError?: string | null;
  onOpen?: () => void;
  /** Shown under the button when the console's own invite button was not found. */
  landmarkNote: string | null;
  onDownloadTemplate: () => void;
  onDownloadErrors: (parsed: ParsedCsv, result: ValidationResult) => void;
  /** Delay between the last keystroke and validation, in ms. */
  debounceMs?: number;
  /** Starts inviting the ready rows (the run then shows instead of the input). */
  onStart?: (parsed: ParsedCsv, result: ValidationResult, plan: InvitePlan) => void;
  /** The run in progress or last run, with its counts and controls; null before any. */
  run?: { view: RunView; counts: JobCounts; controls: Omit<BulkInviteRunProps, 'view' | 'counts'> } | null;
  /** An unfinished run found on arrival: the text of a button that opens it. */
  resumeOffer?: string | null;
}

const TITLE = 'Bulk invite from CSV';

export function BulkInvitePanel({
  snapshot,
  logic,
  logicError = null,
  onOpen,
  landmarkNote,
  onDownloadTemplate,
  onDownloadErrors,
  debounceMs = 250,
  onStart,
  run = null,
  resumeOffer = null,
}: BulkInvitePanelProps) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [validated, setValidated] = useState('');
  const [fileNote, setFileNote] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (text === validated) return;
    const timer = setTimeout(() => setValidated(text), debounceMs);
    return () => clearTimeout(timer);
  }, [text, validated, debounceMs]);

  useEffect(() => {
    if (!open) return;
    textarea.current?.focus();
    onOpen?.();
  }, [open]);

  const outcome = useMemo(() => {
    if (!snapshot || !logic || validated.trim() === '') return null;
    const parsed = logic.parseInviteCsv(validated);
    const result = logic.validateInvites(parsed, snapshot);
    return { parsed, result, plan: logic.planBatches(result.rows) };
  }, [validated, snapshot, logic]);

  const close = () => {
    setOpen(false);
    opener.current?.focus();
  };

  const readFile = (file: File | undefined) => {
    if (!file) return;
    void file.text().then(
      (content) => {
        setText(content);
        setValidated(content);
        setFileNote(`Read ${file.name}.`);
      },
      () => setFileNote(`Could not read ${file.name}: choose the file again, or paste its text.`),
    );
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close();
    }
  };

  const pending = text !== validated;

  return (
    <div class="al-bi">
      <button
        type="button"
        ref={opener}
        class="al-bi-button al-bi-opener"
        aria-expanded={open}
        onClick={() => (open ? close() : setOpen(true))}
      >
        {TITLE}
      </button>
      {resumeOffer && !open && (
        <button type="button" class="al-bi-button al-bi-resume-offer" onClick={() => setOpen(true)}>
          {resumeOffer}
        </button>
      )}
      {landmarkNote && <p class="al-bi-landmark">{landmarkNote}</p>}
      {open && run && (
        <div class="al-bi-dialog" role="dialog" aria-labelledby="al-bi-title" onKeyDown={onKeyDown}>
          <div class="al-bi-header">
            <h2 id="al-bi-title">{TITLE}</h2>
            <button type="button" class="al-bi-close" aria-label="Close" onClick={close}>
              ×
            </button>
          </div>
          <BulkInviteRun view={run.view} counts={run.counts} {...run.controls} />
        </div>
      )}
      {open && !run && (
        <div class="al-bi-dialog" role="dialog" aria-labelledby="al-bi-title" onKeyDown={onKeyDown}>
          <div class="al-bi-header">
            <h2 id="al-bi-title">{TITLE}</h2>
            <button type="button" class="al-bi-close" aria-label="Close" onClick={close}>
              ×
            </button>
          </div>
          <p class="al-bi-help">
            One person per row with a header line: email (required), team, groups, projects ("Project name:Role"; several separated by ";"), role,
            default_project, team_spaces. Comma, semicolon or tab separated (paste straight from Excel or Google Sheets).
          </p>
          <label class="al-bi-label" for="al-bi-text">
            Paste CSV or spreadsheet rows
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
              onInput={(event) => setText(event.currentTarget.value)}
            />
          </div>
          <div class="al-bi-actions">
            <label class="al-bi-file">
              <span>Choose a file (.csv, .tsv, .txt), or drop it on the text area</span>
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
              Download template
            </button>
          </div>
          {fileNote && <p class="al-bi-file-note">{fileNote}</p>}
          {logicError ? (
            <p class="al-bi-waiting" role="alert">
              {logicError}
            </p>
          ) : !snapshot ? (
            <p class="al-bi-waiting" role="status">
              Waiting for the org data…
            </p>
          ) : !logic ? (
            <p class="al-bi-waiting" role="status">
              Loading the CSV tools…
            </p>
          ) : text.trim() === '' ? null : outcome ? (
            <div aria-busy={pending}>
              <BulkInvitePreview result={outcome.result} plan={outcome.plan} onDownloadErrors={() => onDownloadErrors(outcome.parsed, outcome.result)} />
              {onStart && outcome.result.ok && outcome.plan.counts.toInvite > 0 && (
                <div class="al-bi-actions">
                  <button type="button" class="al-bi-button al-bi-primary" disabled={pending} onClick={() => onStart(outcome.parsed, outcome.result, outcome.plan)}>
                    {`Invite ${outcome.plan.counts.toInvite} ${outcome.plan.counts.toInvite === 1 ? 'person' : 'people'}`}
                  </button>
                  <span class="al-bi-note">
                    {`${outcome.plan.counts.batches} ${outcome.plan.counts.batches === 1 ? 'invite' : 'invites'} through the console's own form; skipped and invalid rows are not sent.`}
                  </span>
                </div>
              )}
            </div>
          ) : (
            <p class="al-bi-waiting">Validating…</p>
          )}
        </div>
      )}
    </div>
  );
}
