/**
 * The removal audit log page (audit-log.html): every removal confirmed in the console, newest first,
 * with filters, CSV/JSON export and the retention setting. Entries are page data: text only.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { sendRequest } from '@/utils/messaging';
import type { AuditOutcomeStatus, AuditRecord } from '@/utils/audit/entry';
import { auditCsv, auditFileName, auditJson, filterAudit, type AuditFilter } from '@/utils/audit/export';
import { describeContent } from '@/utils/audit/assess';
import { auditRetentionDays } from '@/utils/audit/retention';
import { AUDIT_RETENTION_CHOICES } from '@/utils/settings/retention';
import { downloadText } from '@/utils/download';
import { t, type MessageKey } from '@/utils/i18n';
import { visibleSentence } from '@/utils/text/visible-text';
import { PageText, slot, withPageText } from '@/components/PageText';

/** Outcome words on the page (the export keeps OUTCOME_LABEL's English: a file format). */
const OUTCOME_KEY: Record<AuditOutcomeStatus, MessageKey> = {
  pending: 'outcomePending',
  gone: 'outcomeGone',
  'still-there': 'outcomeStillThere',
  partial: 'outcomePartial',
  error: 'outcomeError',
};
const DECISION_TEXT: Record<AuditRecord['decision'], MessageKey> = {
  passed: 'auditDecisionPassed',
  confirmed: 'auditDecisionConfirmed',
  unverified: 'auditDecisionUnverified',
};
/** "Name (email)" with both shown as page text (isolated, hidden characters marked). */
const person = (name: string, email: string | null | undefined) => (email ? withPageText(t('auditNamedEmail', { name: slot(0), email: slot(1) }), [name, email]) : <PageText text={name} />);
/** A sentence around one page value (a person), the value shown as page text. */
const around = (sentence: string, value: ReturnType<typeof person>) => sentence.split(slot(0)).flatMap((part, index) => (index === 0 ? [part] : [value, part]));

const WHEN = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const OUTCOMES: AuditOutcomeStatus[] = ['pending', 'gone', 'still-there', 'partial', 'error'];

/** `YYYY-MM-DD` from a date input, as local start or end of day. */
function dayBound(value: string, end: boolean): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  return end ? new Date(year, month - 1, day, 23, 59, 59, 999).getTime() : new Date(year, month - 1, day).getTime();
}

function AuditEntryView({ record }: { record: AuditRecord }) {
  return (
    <article class="al-audit-entry" aria-labelledby={`entry-${record.id}`}>
      <h2 id={`entry-${record.id}`}>
        {WHEN.format(new Date(record.at))} · <PageText text={record.org.name ?? record.org.url} />
      </h2>
      <p>
        {around(t('auditRemovedBy', { who: slot(0) }), person(record.by.name ?? t('auditUnknown'), record.by.email))}
      </p>
      <ul class="al-audit-people" aria-label={t('auditPeopleRemoved')}>
        {record.people.map((person) => (
          <li key={`${person.email ?? person.name}`}>
            <strong>
              <PageText text={person.name} />
            </strong>
            {person.email && person.email !== person.name ? (
              <>
                {' '}
                <PageText text={person.email} />
              </>
            ) : null}
            <div>{t('auditAccessBefore', { access: person.access ?? t('auditUnknown') })}</div>
            <div>{t('auditContent', { content: person.content ? describeContent(person.content) : t('auditUnknown') })}</div>
          </li>
        ))}
      </ul>
      <p>{record.transferTo ? around(t('auditTransfer', { to: slot(0) }), person(record.transferTo.name, record.transferTo.email)) : t('auditTransfer', { to: t('auditTransferNone') })}</p>
      <p>{t(DECISION_TEXT[record.decision])}</p>
      {record.warnings.length > 0 ? (
        <ul class="al-audit-warnings" aria-label={t('auditWarningsShown')}>
          {record.warnings.map((warning) => (
            <li key={warning}>{visibleSentence(warning)}</li>
          ))}
        </ul>
      ) : null}
      <p class={`al-audit-outcome al-audit-outcome--${record.outcome.status}`}>
        {record.outcome.checkedAt !== null
          ? t('auditOutcomeChecked', { outcome: t(OUTCOME_KEY[record.outcome.status]), when: WHEN.format(new Date(record.outcome.checkedAt)) })
          : t('auditOutcomeLine', { outcome: t(OUTCOME_KEY[record.outcome.status]) })}{' '}
        · {visibleSentence(record.outcome.detail)}
      </p>
    </article>
  );
}

export function AuditLog() {
  const [records, setRecords] = useState<AuditRecord[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState<AuditFilter['outcome']>('all');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [retention, setRetention] = useState<number | null>(null);

  const load = () =>
    sendRequest({ type: 'audit-list' })
      .then((result) => {
        setRecords(result.entries);
        setError(null);
      })
      .catch((failure: unknown) => setError(t('auditReadFailed', { error: String(failure) })));

  useEffect(() => {
    void load();
    void auditRetentionDays.getValue().then(setRetention);
  }, []);

  const shown = useMemo(
    () => filterAudit(records ?? [], { text, outcome, from: dayBound(from, false), to: dayBound(to, true) }),
    [records, text, outcome, from, to],
  );

  const exportAs = (kind: 'csv' | 'json') => {
    const now = new Date();
    if (kind === 'csv') downloadText(auditFileName(now, 'csv'), auditCsv(shown), 'text/csv;charset=utf-8');
    else downloadText(auditFileName(now, 'json'), auditJson(shown, now.toISOString()), 'application/json');
  };

  return (
    <main class="al-audit">
      <h1>{t('auditTitle')}</h1>
      <p class="al-audit-intro">{t('auditIntro')}</p>
      <form class="al-audit-filters" aria-label={t('auditFilterLabel')} onSubmit={(event) => event.preventDefault()}>
        <label>
          {t('auditSearch')}
          <input type="search" value={text} onInput={(event) => setText(event.currentTarget.value)} placeholder={t('auditSearchPlaceholder')} />
        </label>
        <label>
          {t('auditOutcome')}
          <select value={outcome} onChange={(event) => setOutcome(event.currentTarget.value as AuditFilter['outcome'])}>
            <option value="all">{t('auditAllOutcomes')}</option>
            {OUTCOMES.map((status) => (
              <option key={status} value={status}>
                {t(OUTCOME_KEY[status])}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('auditFrom')}
          <input type="date" value={from} onInput={(event) => setFrom(event.currentTarget.value)} />
        </label>
        <label>
          {t('auditTo')}
          <input type="date" value={to} onInput={(event) => setTo(event.currentTarget.value)} />
        </label>
      </form>
      <div class="al-audit-toolbar">
        <span role="status">{records === null ? t('auditLoading') : t('auditShowing', { shown: shown.length, total: records.length })}</span>
        <button type="button" onClick={() => void load()}>
          {t('auditRefresh')}
        </button>
        <button type="button" onClick={() => exportAs('csv')} disabled={shown.length === 0}>
          {t('auditExportCsv')}
        </button>
        <button type="button" onClick={() => exportAs('json')} disabled={shown.length === 0}>
          {t('auditExportJson')}
        </button>
        <label>
          {t('auditKeepEntries')}
          <select
            value={retention === null ? 'all' : String(retention)}
            onChange={(event) => {
              const value = event.currentTarget.value === 'all' ? null : Number(event.currentTarget.value);
              setRetention(value);
              void auditRetentionDays.setValue(value);
            }}
          >
            {AUDIT_RETENTION_CHOICES.map((days) => (
              <option key={String(days)} value={days === null ? 'all' : String(days)}>
                {days === null ? t('retentionForever') : t('retentionDays', { days })}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error ? <p role="alert">{error}</p> : null}
      {records !== null && records.length === 0 ? <p>{t('auditEmpty')}</p> : null}
      <section aria-label={t('auditListLabel')} class="al-audit-list">
        {shown.map((record) => (
          <AuditEntryView key={record.id} record={record} />
        ))}
      </section>
    </main>
  );
}
