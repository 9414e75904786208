/**
 * The removal audit log page (audit-log.html): every removal confirmed in the console, newest first,
 * with filters, CSV/JSON export and the retention setting. Entries are page data: text only.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { sendRequest } from '@/utils/messaging';
import { OUTCOME_LABEL, type AuditOutcomeStatus, type AuditRecord } from '@/utils/audit/entry';
import { auditCsv, auditFileName, auditJson, filterAudit, type AuditFilter } from '@/utils/audit/export';
import { describeContent } from '@/utils/audit/assess';
import { auditRetentionDays, RETENTION_CHOICES } from '@/utils/audit/retention';
import { downloadText } from '@/utils/download';

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
        {WHEN.format(new Date(record.at))} · {record.org.name ?? record.org.url}
      </h2>
      <p>
        Removed by: {record.by.name ?? 'unknown'}
        {record.by.email ? ` (${record.by.email})` : ''}
      </p>
      <ul class="al-audit-people" aria-label="People removed">
        {record.people.map((person) => (
          <li key={`${person.email ?? person.name}`}>
            <strong>{person.name}</strong>
            {person.email && person.email !== person.name ? ` ${person.email}` : ''}
            <div>Access before: {person.access ?? 'unknown'}</div>
            <div>Content: {person.content ? describeContent(person.content) : 'unknown'}</div>
          </li>
        ))}
      </ul>
      <p>Transfer: {record.transferTo ? `${record.transferTo.name}${record.transferTo.email ? ` (${record.transferTo.email})` : ''}` : 'none'}</p>
      <p>Decision: {record.decision === 'passed' ? 'passed without warnings' : 'confirmed past warnings'}</p>
      {record.warnings.length > 0 ? (
        <ul class="al-audit-warnings" aria-label="Warnings shown">
          {record.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      ) : null}
      <p class={`al-audit-outcome al-audit-outcome--${record.outcome.status}`}>
        Outcome: {OUTCOME_LABEL[record.outcome.status]}
        {record.outcome.checkedAt !== null ? ` (checked ${WHEN.format(new Date(record.outcome.checkedAt))})` : ''} · {record.outcome.detail}
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
      .catch((failure: unknown) => setError(`Could not read the audit log: ${String(failure)}`));

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
      <h1>Removal audit log</h1>
      <p class="al-audit-intro">
        Every removal confirmed on Amplitude's Members &amp; Groups page while Admin Lens was active, recorded before the console acted, with what the
        data showed afterwards. Stored in this browser only.
      </p>
      <form class="al-audit-filters" aria-label="Filter the audit log" onSubmit={(event) => event.preventDefault()}>
        <label>
          Search
          <input type="search" value={text} onInput={(event) => setText(event.currentTarget.value)} placeholder="Name, email, admin, recipient" />
        </label>
        <label>
          Outcome
          <select value={outcome} onChange={(event) => setOutcome(event.currentTarget.value as AuditFilter['outcome'])}>
            <option value="all">All outcomes</option>
            {OUTCOMES.map((status) => (
              <option key={status} value={status}>
                {OUTCOME_LABEL[status]}
              </option>
            ))}
          </select>
        </label>
        <label>
          From
          <input type="date" value={from} onInput={(event) => setFrom(event.currentTarget.value)} />
        </label>
        <label>
          To
          <input type="date" value={to} onInput={(event) => setTo(event.currentTarget.value)} />
        </label>
      </form>
      <div class="al-audit-toolbar">
        <span role="status">{records === null ? 'Loading…' : `Showing ${shown.length} of ${records.length} removals`}</span>
        <button type="button" onClick={() => void load()}>
          Refresh
        </button>
        <button type="button" onClick={() => exportAs('csv')} disabled={shown.length === 0}>
          Export CSV
        </button>
        <button type="button" onClick={() => exportAs('json')} disabled={shown.length === 0}>
          Export JSON
        </button>
        <label>
          Keep entries
          <select
            value={retention === null ? 'all' : String(retention)}
            onChange={(event) => {
              const value = event.currentTarget.value === 'all' ? null : Number(event.currentTarget.value);
              setRetention(value);
              void auditRetentionDays.setValue(value);
            }}
          >
            {RETENTION_CHOICES.map((days) => (
              <option key={String(days)} value={days === null ? 'all' : String(days)}>
                {days === null ? 'Forever' : `${days} days`}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error ? <p role="alert">{error}</p> : null}
      {records !== null && records.length === 0 ? <p>No removals recorded yet.</p> : null}
      <section aria-label="Removals" class="al-audit-list">
        {shown.map((record) => (
          <AuditEntryView key={record.id} record={record} />
        ))}
      </section>
    </main>
  );
}
