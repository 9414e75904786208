/**
 * The removal audit log as CSV (one row per removed person) and JSON, and the page's filters.
 * Pure. CSV cells from page data are formula-neutralised by the shared CSV writer.
 *
 * Names that lie: the CSV is read by people, in a spreadsheet that would apply a name's bidi
 * override (U+202E makes "Rita fdp.exe" read "Rita exe.pdf") or hide a zero-width space. So each
 * hidden character in page data (names, emails, the org, sentences naming people) is written as
 * its visible marker, ⟨U+202E⟩ (utils/text/visible-text.ts): the record says who was removed the way
 * the page and the audit log page showed it, and which character was there. The JSON is the
 * record itself, exact, for programs (which compare values and are not fooled by how they render).
 */
import { toCsv } from '../csv';
import { visibleSentence, visibleText } from '../text/visible-text';
import { OUTCOME_LABEL, type AuditContent, type AuditOutcomeStatus, type AuditRecord } from './entry';

export const AUDIT_COLUMNS = [
  'entry',
  'removed at',
  'org',
  'removed by',
  'name',
  'email',
  'org role',
  'access before',
  'charts',
  'dashboards',
  'cohorts',
  'notebooks',
  'transferred to',
  'decision',
  'warnings',
  'outcome',
  'outcome checked at',
  'outcome detail',
] as const;

const count = (content: AuditContent | null, key: keyof AuditContent): string => (content ? String(content[key]) : '');

export function auditCsvRows(records: readonly AuditRecord[]): string[][] {
  const rows: string[][] = [];
  for (const record of records) {
    for (const person of record.people) {
      rows.push([
        String(record.id),
        new Date(record.at).toISOString(),
        visibleText(record.org.name ?? record.org.url),
        visibleText(record.by.email ?? record.by.name ?? ''),
        visibleText(person.name),
        visibleText(person.email ?? ''),
        person.orgRole ?? '',
        person.access ?? 'unknown',
        count(person.content, 'charts'),
        count(person.content, 'dashboards'),
        count(person.content, 'cohorts'),
        count(person.content, 'notebooks'),
        record.transferTo ? visibleText(record.transferTo.email ?? record.transferTo.name) : 'none',
        record.decision,
        visibleSentence(record.warnings.join(' | ')),
        OUTCOME_LABEL[record.outcome.status],
        record.outcome.checkedAt === null ? '' : new Date(record.outcome.checkedAt).toISOString(),
        visibleSentence(record.outcome.detail),
      ]);
    }
  }
  return rows;
}

export function auditCsv(records: readonly AuditRecord[]): string {
  return toCsv([[...AUDIT_COLUMNS], ...auditCsvRows(records)]);
}

export function auditJson(records: readonly AuditRecord[], exportedAt: string): string {
  return `${JSON.stringify({ kind: 'admin-lens-removal-audit', version: 1, exportedAt, count: records.length, entries: records }, null, 2)}\n`;
}

export interface AuditFilter {
  /** Matched against names, emails, the admin, the recipient and the org, case-insensitive. */
  text: string;
  outcome: AuditOutcomeStatus | 'all';
  /** Inclusive day bounds as epoch ms (start of `from`, end of `to`); null = open. */
  from: number | null;
  to: number | null;
}

export const NO_FILTER: AuditFilter = { text: '', outcome: 'all', from: null, to: null };

export function filterAudit(records: readonly AuditRecord[], filter: AuditFilter): AuditRecord[] {
  const needle = filter.text.trim().toLowerCase();
  return records.filter((record) => {
    if (filter.outcome !== 'all' && record.outcome.status !== filter.outcome) return false;
    if (filter.from !== null && record.at < filter.from) return false;
    if (filter.to !== null && record.at > filter.to) return false;
    if (!needle) return true;
    const haystack = [
      record.org.url,
      record.org.name ?? '',
      record.by.email ?? '',
      record.by.name ?? '',
      record.transferTo?.name ?? '',
      record.transferTo?.email ?? '',
      ...record.people.flatMap((person) => [person.name, person.email ?? '']),
    ]
      .join('\n')
      .toLowerCase();
    return haystack.includes(needle);
  });
}

/** `admin-lens-removal-audit-<YYYY-MM-DD>.<ext>`, local date. */
export function auditFileName(date: Date, extension: 'csv' | 'json'): string {
  const day = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  return `admin-lens-removal-audit-${day}.${extension}`;
}
