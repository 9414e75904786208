/**
 * The audit log page (audit-log.html): every removal confirmed in the console and every step of a
 * change of email, newest first, with filters (kind, outcome, text, dates), CSV/JSON export and the
 * retention setting. Entries are page data: text only.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { sendRequest } from '@/utils/messaging';
import type { AuditOutcomeStatus } from '@/utils/audit/entry';
import { auditCsv, auditFileName, auditJson, filterAudit, type AuditFilter } from '@/utils/audit/export';
import { isEmailChangeRecord, type AuditKind, type AuditLogRecord } from '@/utils/audit/log-entry';
import { auditRetentionDays } from '@/utils/audit/retention';
import { AUDIT_RETENTION_CHOICES } from '@/utils/settings/retention';
import { downloadText } from '@/utils/download';
import { t, type MessageKey } from '@/utils/i18n';
import { EmailChangeEntryView } from './EmailChangeEntryView';
import { OUTCOME_KEY, RemovalEntryView } from './RemovalEntryView';

const OUTCOMES: AuditOutcomeStatus[] = ['pending', 'gone', 'still-there', 'partial', 'error'];
const KIND_KEY: Record<AuditKind, MessageKey> = { removal: 'auditKindRemovals', 'email-change': 'auditKindEmailChanges' };

/** `YYYY-MM-DD` from a date input, as local start or end of day. */
function dayBound(value: string, end: boolean): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  return end ? new Date(year, month - 1, day, 23, 59, 59, 999).getTime() : new Date(year, month - 1, day).getTime();
}

export function AuditLog() {
  const [records, setRecords] = useState<AuditLogRecord[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [kind, setKind] = useState<AuditFilter['kind']>('all');
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
    () => filterAudit(records ?? [], { text, kind, outcome, from: dayBound(from, false), to: dayBound(to, true) }),
    [records, text, kind, outcome, from, to],
  );

  const exportAs = (format: 'csv' | 'json') => {
    const now = new Date();
    if (format === 'csv') downloadText(auditFileName(now, 'csv'), auditCsv(shown), 'text/csv;charset=utf-8');
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
          {t('auditKind')}
          <select value={kind} onChange={(event) => setKind(event.currentTarget.value as AuditFilter['kind'])}>
            <option value="all">{t('auditAllKinds')}</option>
            {(Object.keys(KIND_KEY) as AuditKind[]).map((value) => (
              <option key={value} value={value}>
                {t(KIND_KEY[value])}
              </option>
            ))}
          </select>
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
          isEmailChangeRecord(record) ? <EmailChangeEntryView key={record.id} record={record} /> : <RemovalEntryView key={record.id} record={record} />
        ))}
      </section>
    </main>
  );
}
