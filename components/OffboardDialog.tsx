/**
 * Offboarding from CSV, the dialog: paste, drop or pick a CSV of `email`, `transfer_to` and
 * optional `reason` (or start from people chosen in the hygiene report), every row validated
 * against the org with what each person owns counted through the console's search; a preview with
 * counts and the content that moves to whom; a per-person "remove without transfer" for content
 * owners without a recipient; Start; then the run. Rendered by the lazily loaded offboarding file
 * (entrypoints/offboard-logic.ts). Knows nothing about Amplitude.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { knownOrgRole, type ContentCounts, type OrgSnapshot } from '@/utils/access/model';
import { readInviteFile } from '@/utils/invite/read-file';
import type { OffboardJobCounts } from '@/utils/offboard/job';
import { parseOffboardCsv } from '@/utils/offboard/parse';
import { contentMoves, offboardCounts, totalContent, validateOffboarding, type OffboardPerson, type RowVerdict, type ValidatedOffboardRow } from '@/utils/offboard/validate';
import { t } from '@/utils/i18n';
import { visibleSentence } from '@/utils/text/visible-text';
import { InviteRowsTable } from './InviteRowsTable';
import { DialogHeader } from './DialogHeader';
import { OffboardRun, type OffboardRunControls, type OffboardRunView } from './OffboardRun';

export interface OffboardDialogProps {
  open: boolean;
  snapshot: OrgSnapshot | null;
  /** Text to start from (people chosen elsewhere); replaces the text whenever `seq` changes. */
  initialText: { text: string; seq: number } | null;
  countContent: (email: string) => Promise<ContentCounts>;
  onClose: () => void;
  onDownloadTemplate: () => void;
  onStart: (rows: ValidatedOffboardRow[]) => void;
  run: { view: OffboardRunView; counts: OffboardJobCounts; controls: OffboardRunControls } | null;
  /** Something to know before starting, e.g. the org's run goes on in another tab. */
  notice?: string | null;
  debounceMs?: number;
}

const lower = (email: string) => email.trim().toLowerCase();
const contentWords = (content: ContentCounts | null) =>
  content ? t('obContentShort', { charts: content.charts, dashboards: content.dashboards, cohorts: content.cohorts, notebooks: content.notebooks }) : t('obContentUnknown');

function peopleOf(snapshot: OrgSnapshot): OffboardPerson[] {
  return snapshot.members.map((member) => ({
    id: member.id,
    email: member.email,
    name: member.name,
    status: member.status,
    admin: knownOrgRole(member.orgRole) === 'admin',
    lastActiveAt: member.lastActiveAt,
  }));
}

function verdictWords(verdict: RowVerdict): { status: string; details: string } {
  switch (verdict.kind) {
    case 'transfer':
      return { status: t('obVerdictTransfer'), details: t('obVerdictTransferTo', { recipient: verdict.recipient.email, content: contentWords(verdict.content) }) };
    case 'no-content':
      return { status: t('obVerdictNoContent'), details: '' };
    case 'without-transfer':
      return { status: t('obVerdictWithoutTransfer'), details: contentWords(verdict.content) };
    case 'revoke':
      return { status: t('obVerdictRevoke'), details: '' };
    case 'needs-ack':
      return { status: t('obVerdictNeedsAck'), details: contentWords(verdict.content) };
    case 'invalid':
      return { status: t('obStateInvalid'), details: visibleSentence(verdict.reason) };
  }
}

export function OffboardDialog({ open, snapshot, initialText, countContent, onClose, onDownloadTemplate, onStart, run, notice = null, debounceMs = 250 }: OffboardDialogProps) {
  const [text, setText] = useState(initialText?.text ?? '');
  const [validated, setValidated] = useState(initialText?.text ?? '');
  const [fileError, setFileError] = useState<string | null>(null);
  const [acknowledged, setAcknowledged] = useState<ReadonlySet<string>>(new Set());
  /** What each person owns, as counted: null when it could not be counted. */
  const [content, setContent] = useState<ReadonlyMap<string, ContentCounts | null>>(new Map());
  const asked = useRef(new Set<string>());
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (!initialText) return;
    setText(initialText.text);
    setValidated(initialText.text);
  }, [initialText?.seq]);
  useEffect(() => {
    if (text === validated) return;
    const timer = setTimeout(() => setValidated(text), debounceMs);
    return () => clearTimeout(timer);
  }, [text, validated, debounceMs]);
  useEffect(() => {
    if (open) heading.current?.focus();
  }, [open]);

  const parsed = useMemo(() => (validated.trim() === '' ? null : parseOffboardCsv(validated)), [validated]);
  const people = useMemo(() => (snapshot ? peopleOf(snapshot) : []), [snapshot]);

  // Count what every listed joined person owns (once each), through the console's search.
  useEffect(() => {
    if (!parsed?.ok) return;
    const joined = new Set(people.filter((person) => person.status === 'joined').map((person) => lower(person.email)));
    for (const row of parsed.rows) {
      const email = lower(row.email);
      if (!joined.has(email) || asked.current.has(email)) continue;
      asked.current.add(email);
      countContent(email).then(
        (counts) => setContent((now) => new Map(now).set(email, counts)),
        () => setContent((now) => new Map(now).set(email, null)),
      );
    }
  }, [parsed, people, countContent]);

  const counting = parsed?.ok ? parsed.rows.some((row) => people.some((person) => person.status === 'joined' && lower(person.email) === lower(row.email)) && !content.has(lower(row.email))) : false;
  const rows = useMemo(() => {
    if (!snapshot || !parsed?.ok || counting) return null;
    return validateOffboarding({ rows: parsed.rows, people, viewerId: snapshot.viewerId, content, acknowledged, now: Date.now() });
  }, [snapshot, parsed, people, content, acknowledged, counting]);

  const readFile = (file: File | undefined) => {
    if (!file) return;
    void readInviteFile(file).then((outcome) => {
      const next = outcome.ok ? outcome.text : '';
      setText(next);
      setValidated(next);
      setFileError(outcome.ok ? null : outcome.error);
    });
  };
  const toggleAck = (email: string) =>
    setAcknowledged((now) => {
      const next = new Set(now);
      if (next.has(email)) next.delete(email);
      else next.add(email);
      return next;
    });

  if (!open) return null;
  const counts = rows ? offboardCounts(rows) : null;
  const toRun = counts ? counts.withTransfer + counts.withoutContent + counts.withoutTransfer + counts.revoke : 0;
  const needsAck = rows?.filter((row) => row.verdict.kind === 'needs-ack' || row.verdict.kind === 'without-transfer') ?? [];

  return (
    <div
      class="al-bi-dialog al-ob-dialog"
      role="dialog"
      aria-labelledby="al-ob-title"
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        event.stopPropagation();
        onClose();
      }}
    >
      <DialogHeader id="al-ob-title" title={t('obTitle')} headingRef={heading} onClose={onClose} />
      {run ? (
        <OffboardRun view={run.view} counts={run.counts} controls={run.controls} />
      ) : (
        <>
          {notice && (
            <p class="al-bi-waiting" role="status">
              {notice}
            </p>
          )}
          <p class="al-bi-help">{t('obHelp')}</p>
          <label class="al-bi-label" for="al-ob-text">
            {t('obPasteLabel')}
          </label>
          <div
            class="al-bi-drop"
            onDragOver={(event) => event.preventDefault()}
            onDrop={(event) => {
              event.preventDefault();
              readFile(event.dataTransfer?.files[0]);
            }}
          >
            <textarea
              id="al-ob-text"
              class="al-bi-textarea"
              rows={8}
              spellcheck={false}
              placeholder={'email,transfer_to,reason\nleaver@example.com,manager@example.com,Left the company'}
              value={text}
              onInput={(event) => setText(event.currentTarget.value)}
            />
          </div>
          <div class="al-bi-actions">
            <label class="al-bi-file">
              <span>{t('biChooseFile')}</span>
              <input
                type="file"
                accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
                onChange={(event) => {
                  readFile(event.currentTarget.files?.[0]);
                  event.currentTarget.value = '';
                }}
              />
            </label>
            <button type="button" class="al-bi-button" onClick={onDownloadTemplate}>
              {t('biDownloadTemplate')}
            </button>
          </div>
          {fileError && (
            <p class="al-bi-file-refused" role="alert">
              {fileError}
            </p>
          )}
          {!snapshot ? (
            <p class="al-bi-waiting" role="status">
              {t('biWaitingData')}
            </p>
          ) : parsed && !parsed.ok ? (
            <p class="al-bi-file-refused" role="alert">
              {parsed.error}
            </p>
          ) : !parsed ? null : !rows || !counts ? (
            <p class="al-bi-waiting" role="status">
              {t('obCounting')}
            </p>
          ) : (
            <div class="al-ob-preview" aria-busy={text !== validated}>
              <p class="al-bi-counts" role="status">
                {t('obPreviewCounts', { transfer: counts.withTransfer, nothing: counts.withoutContent, without: counts.withoutTransfer, revoke: counts.revoke, ack: counts.needsAck, invalid: counts.invalid })}
              </p>
              {contentMoves(rows).length > 0 && (
                <ul class="al-ob-moves" aria-label={t('obMovesLabel')}>
                  {contentMoves(rows).map((move) => (
                    <li key={move.recipient.id}>
                      {t('obMoveLine', { recipient: visibleSentence(`${move.recipient.name} (${move.recipient.email})`), people: move.people, content: contentWords(move.content), total: move.content ? totalContent(move.content) : '?' })}
                    </li>
                  ))}
                </ul>
              )}
              {needsAck.length > 0 && (
                <fieldset class="al-ob-acks">
                  <legend>{t('obAckLegend')}</legend>
                  {needsAck.map((row) => {
                    const email = lower(row.input.email);
                    return (
                      <label key={email} class="al-ob-ack">
                        <input type="checkbox" checked={acknowledged.has(email)} onChange={() => toggleAck(email)} />
                        {t('obAckLabel', { email: visibleSentence(email) })}
                      </label>
                    );
                  })}
                </fieldset>
              )}
              <InviteRowsTable
                label={t('obPreviewLabel')}
                rows={rows.map((row) => {
                  const words = verdictWords(row.verdict);
                  return { row: row.input.row, email: row.input.email, status: words.status, kind: `verdict-${row.verdict.kind}`, details: words.details };
                })}
              />
              <div class="al-bi-actions">
                <button type="button" class="al-bi-button al-bi-primary" disabled={toRun === 0 || text !== validated} onClick={() => onStart(rows)}>
                  {t('obStart', { count: toRun })}
                </button>
              </div>
            </div>
          )}
        </>
      )}
    </div>
  );
}
