/**
 * The audit log as CSV (a removal: one row per removed person; a step of an email change: one row)
 * and JSON, and the page's filters. Every row says its entry's kind; the columns a kind does not
 * have stay empty. Pure. CSV cells from page data are formula-neutralised by the shared CSV writer.
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
import { EMAIL_CHANGE_STEP_LABEL } from './email-change-entry';
import { OUTCOME_LABEL, type AuditContent, type AuditOutcomeStatus, type AuditRecord } from './entry';
import { auditKindOf, isEmailChangeRecord, type AuditKind, type AuditLogRecord, type EmailChangeAuditRecord } from './log-entry';

export const AUDIT_COLUMNS = [
  'entry',
  'kind',
  'at',
  'org',
  'by',
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
  'email change step',
  'new email',
  'email change detail',
] as const;

const count = (content: AuditContent | null, key: keyof AuditContent): string => (content ? String(content[key]) : '');

const EMPTY_REMOVAL_CELLS = 12;
const EMPTY_EMAIL_CHANGE_CELLS = 3;

function removalRows(record: AuditRecord): string[][] {
  return record.people.map((person) => [
    String(record.id),
    auditKindOf(record),
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
    ...Array<string>(EMPTY_EMAIL_CHANGE_CELLS).fill(''),
  ]);
}

/** One step of an email change: who (the old account), the step, the new address; no removal columns. */
function emailChangeRow(record: EmailChangeAuditRecord): string[] {
  return [
    String(record.id),
    record.kind,
    new Date(record.at).toISOString(),
    visibleText(record.org.name ?? record.org.url),
    visibleText(record.by.email ?? record.by.name ?? ''),
    visibleText(record.old.name),
    visibleText(record.old.email),
    ...Array<string>(EMPTY_REMOVAL_CELLS).fill(''),
    EMAIL_CHANGE_STEP_LABEL[record.step],
    visibleText(record.newEmail),
    visibleSentence(record.detail),
  ];
}

export function auditCsvRows(records: readonly AuditLogRecord[]): string[][] {
  return records.flatMap((record) => (isEmailChangeRecord(record) ? [emailChangeRow(record)] : removalRows(record)));
}

export function auditCsv(records: readonly AuditLogRecord[]): string {
  return toCsv([[...AUDIT_COLUMNS], ...auditCsvRows(records)]);
}

/** Version 2: entries of several kinds, each with its `kind` (version 1 held removals only, without one). */
export function auditJson(records: readonly AuditLogRecord[], exportedAt: string): string {
  const entries = records.map((record) => ({ ...record, kind: auditKindOf(record) }));
  return `${JSON.stringify({ kind: 'admin-lens-removal-audit', version: 2, exportedAt, count: records.length, entries }, null, 2)}\n`;
}

export interface AuditFilter {
  /** Matched against names, emails, the admin, the recipient or new address, and the org, case-insensitive. */
  text: string;
  kind: AuditKind | 'all';
  /** A removal's outcome; any other value than 'all' shows removals only (other kinds have no outcome). */
  outcome: AuditOutcomeStatus | 'all';
  /** Inclusive day bounds as epoch ms (start of `from`, end of `to`); null = open. */
  from: number | null;
  to: number | null;
}

export const NO_FILTER: AuditFilter = { text: '', kind: 'all', outcome: 'all', from: null, to: null };

/** The texts a search looks in: page data of the entry, whatever its kind. */
function searchedText(record: AuditLogRecord): string[] {
  const common = [record.org.url, record.org.name ?? '', record.by.email ?? '', record.by.name ?? ''];
  if (isEmailChangeRecord(record)) return [...common, record.old.name, record.old.email, record.newEmail];
  return [...common, record.transferTo?.name ?? '', record.transferTo?.email ?? '', ...record.people.flatMap((person) => [person.name, person.email ?? ''])];
}

export function filterAudit<R extends AuditLogRecord>(records: readonly R[], filter: AuditFilter): R[] {
  const needle = filter.text.trim().toLowerCase();
  return records.filter((record) => {
    if (filter.kind !== 'all' && auditKindOf(record) !== filter.kind) return false;
    if (filter.outcome !== 'all' && (isEmailChangeRecord(record) || record.outcome.status !== filter.outcome)) return false;
    if (filter.from !== null && record.at < filter.from) return false;
    if (filter.to !== null && record.at > filter.to) return false;
    if (!needle) return true;
    return searchedText(record).join('\n').toLowerCase().includes(needle);
  });
}

/** `admin-lens-removal-audit-<YYYY-MM-DD>.<ext>`, local date. */
export function auditFileName(date: Date, extension: 'csv' | 'json'): string {
  const day = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  return `admin-lens-removal-audit-${day}.${extension}`;
}
